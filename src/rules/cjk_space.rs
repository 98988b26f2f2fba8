//! `cjk-space`: a stray space between two Han characters inside a sentence.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::{is_han, is_space};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub static RULE: RuleInfo = RuleInfo {
    name: "cjk-space",
    severity: Severity::Warning,
    summary: "A stray space between two Chinese characters inside a sentence (`政府 工作`).",
    explanation: r#"
## What it does
Finds a single space (ASCII space, ideographic space U+3000 or no-break space U+00A0)
between two Han characters inside a sentence: `是社会主义条件下的一个重 大课题`,
`中央 军事委员会`, `对他们的职权　不够尊重`.

## Why is this bad
Chinese is written without spaces between words. GB/T 15834-2011 has no space among its
marks: inside a sentence, pauses and items are separated by `，` (4.4) and `、` (4.5),
the parts of a name by `·` (4.14). A space inside a sentence is a leftover of line
wrapping, of copying from a PDF or a web page, or of a deleted word, and in print it shows
as a gap in the middle of a word. Where it stands for a missing `，` or `、`, the sentence
reads wrongly too.

## Not reported
Spaces that are layout, not slips:
- leading indentation, and runs of two or more spaces (table columns, aligned lists);
- lines without a sentence stop that are short (titles, headlines, captions, signatures:
  `习近平在参加江苏代表团审议时强调 因地制宜发展新质生产力`, `省长 王予波`,
  `本报记者 戴冰摄`), and spaces in such lines between two long phrases;
- the space after an article or part number at the start of a paragraph
  (`第一条 为了…`, `第一章 总则`, `第二分编 …`, `第二百八十七条之一 …`, quoted by an
  amendment as `“第一百二十条之二 …`), or after a sentence stop where articles run
  together on one line (`…适用本章规定。 第一百一十七条 未按…`);
- letter-spaced text, where single characters are spaced one by one (`第一章 总 则`,
  `土 地 使 用 期 限`): the whole run is left alone;
- a two-character name spaced on purpose to line up with three-character names, which
  leaves one character alone between spaces (`上海市市长 龚 正`);
- dates and records (`2011年1月8日 《…》第一次修订`, `2022年1月1日 施行`,
  `民政部　一九九七年一月二十八日`, `…令第142号发布　根据…第一次修订　根据…`);
- titles, slogans and credits: spaces inside `《》` `〈〉`
  (`《加快构建新发展格局　把握未来发展主动权》`), and inside short quotations, brackets and
  tags without punctuation (`“好客山东 好品山东”`, `（记者 王明）`, `【新思想 新征程】`);
- joint issuers (`中共中央办公厅 国务院办公厅印发…`, `最高人民法院 最高人民检察院`);
- URLs and e-mail addresses.

The fix removes the space. It is safe only for one ASCII space, alone in its sentence,
with a short word on at least one side; a U+3000 or no-break space, a space between two
long phrases (which may stand for a missing `，`), and spaces that may separate the items
of a list (`张三 李四 王五`) get an unsafe fix for an editor to confirm.
"#,
    zh: Doc {
        summary: "句子中两个汉字之间多了一个空格（“政府 工作”）。",
        explanation: r#"
## 检查什么
找出句子中夹在两个汉字之间的单个空格（半角空格、全角空格U+3000或不换行空格U+00A0）：“是社会主义条件下的一个重 大课题”“中央 军事委员会”“对他们的职权　不够尊重”。

## 为什么要改
中文词与词之间不加空格。GB/T 15834-2011的标点符号中没有空格：句内的停顿用逗号“，”（4.4），并列的词语用顿号“、”（4.5），人名各部分之间用间隔号“·”（4.14）。句中的空格是换行、从PDF或网页复制、删词之后留下的，印出来是词中间的一道缝；如果它本该是逗号或顿号，句子也会读错。

## 怎么改
删去空格。只有句中仅此一个半角空格、且至少一侧是短词时，加“--fix”才会自动删去；全角空格或不换行空格、两个较长词组之间的空格（可能本该是逗号），以及可能用来分隔列举项的空格（“张三 李四 王五”），只给出建议（“--unsafe-fixes”），请编辑确认。

## 不报告的情况
属于排版而不是疏忽的空格：
- 段首缩进，以及连续两个及以上的空格（表格各栏、对齐的列表）；
- 没有句末点号的短行（标题、图片说明、署名：“习近平在参加江苏代表团审议时强调 因地制宜发展新质生产力”“省长 王予波”“本报记者 戴冰摄”），以及这类行中两个较长词组之间的空格；
- 段首条、章等编号之后的空格（“第一条 为了……”“第一章 总则”“第二分编 ……”“第二百八十七条之一 ……”，修正文本引用时前面还有前引号），以及几条连写在一行时句末点号之后的空格（“……适用本章规定。 第一百一十七条 未按……”）；
- 逐字拉开的文字（“第一章 总 则”“土 地 使 用 期 限”），整串都不报告；
- 为与三字姓名对齐而有意拉开的两字姓名（“上海市市长 龚 正”）；
- 日期和记录（“2011年1月8日 《……》第一次修订”“2022年1月1日 施行”“民政部　一九九七年一月二十八日”“……令第142号发布　根据……第一次修订　根据……”）；
- 书名、口号和署名：书名号内的空格（“《加快构建新发展格局　把握未来发展主动权》”），以及不含标点的短引语、括号和标签中的空格（“好客山东 好品山东”“（记者 王明）”“【新思想 新征程】”）；
- 联合发文机关（“中共中央办公厅 国务院办公厅印发……”“最高人民法院 最高人民检察院”）；
- 网址和电子邮箱。
"#,
    },
    bad: &[
        Example::fixed("是社会主义条件下的一个重 大课题。"),
        Example::fixed("国务院、中央 军事委员会领导同志前往授衔。"),
        Example::fixed("一些党员干部对非共产党人士的职权　不够尊重，甚至采取歧视的态度。"),
    ],
    good: &[
        "习近平在参加江苏代表团审议时强调 因地制宜发展新质生产力",
        "第一条 为了规范政府信息公开工作，制定本条例。",
        "第一章 总 则",
        "上海市市长 龚 正",
        "2011年1月8日 《国务院关于废止和修改部分行政法规的决定》第一次修订",
        "打响“好客山东 好品山东”品牌。",
        "中共中央办公厅 国务院办公厅印发了《关于加强基层治理的意见》。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::Chars(&[' ', '\u{3000}', '\u{A0}']),
    check: Check::Paragraph(check),
};

/// Lines longer than this (in characters) without a sentence stop are read as prose.
const SHORT_LINE: usize = 40;
/// A phrase of this many Han characters on both sides of a space makes it a separator.
const PHRASE: usize = 4;

/// An article or part number opening a paragraph (`第一条`, `第二百八十七条之一`, quoted
/// by an amendment as `“第一百二十条之二`; a zero-width space left before it is not text).
static LEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\u{200B}\u{FEFF}]*“?第[一二三四五六七八九十百千零〇两0-9０-９]+(?:分编|[条章节编款项目篇部卷])(?:之[一二三四五六七八九十]+)?$",
    )
    .expect("article number pattern is valid")
});

/// An article number after a sentence stop: articles run together on one line
/// (`…适用本章规定。 第一百一十七条 未按…`).
static RUN_ON_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[。！？”][ \u{3000}]?第[一二三四五六七八九十百千零〇两0-9０-９]+条(?:之[一二三四五六七八九十]+)?$",
    )
    .expect("article number pattern is valid")
});

static DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日$")
        .expect("date pattern is valid")
});

static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[〇零○一二三四五六七八九]{4}年").expect("date pattern is valid")
});

/// The verbs that close one entry of a promulgation record (`…令第142号发布　根据…`).
const RECORD_VERBS: &[&str] = &[
    "发布", "公布", "颁布", "通过", "批准", "修订", "修正", "施行", "废止", "生效",
];

/// Where organ names end, for joint issuers (`中共中央办公厅 国务院办公厅`).
const ORGAN_ENDS: &[&str] = &[
    "办公厅",
    "国务院",
    "中央",
    "委员会",
    "法院",
    "检察院",
    "军委",
    "部",
    "委",
    "局",
    "署",
    "办",
    "院",
    "厅",
];
/// How the second of two joint issuers begins.
const ORGAN_STARTS: &[&str] = &[
    "国务院",
    "中共",
    "中央",
    "全国人大",
    "全国政协",
    "最高人民",
    "国家",
    "中国人民银行",
];

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    let gaps = space_gaps(text);
    if gaps.is_empty() {
        return;
    }
    // Worked out only for a space the text alone does not explain (most spaces of a
    // statute follow its article numbers).
    let context = std::cell::OnceCell::new();
    let context = || context.get_or_init(|| Context::new(paragraph));
    for gap in gaps {
        if paragraph.is_protected(gap.start) || is_layout(paragraph, context, &gap) {
            continue;
        }
        let context = context();
        let before = text[..gap.start].chars().next_back().unwrap_or(' ');
        let after = text[gap.end..].chars().next().unwrap_or(' ');
        let span = gap.start - before.len_utf8()..gap.end + after.len_utf8();
        let space = &text[gap.clone()];
        let kind = match space {
            " " => "space",
            "\u{3000}" => "ideographic",
            _ => "no-break",
        };
        let separates_phrases =
            han_before(text, gap.start) >= PHRASE && han_after(text, gap.end) >= PHRASE;
        let finding = report.add(
            index,
            paragraph,
            span,
            crate::msg!("cjk-space", space = kind, before = before, after = after),
            if separates_phrases {
                crate::msg!("cjk-space-phrases-help")
            } else {
                crate::msg!("cjk-space-help")
            },
        );
        // Several spaces in one sentence may separate the items of a list (names
        // written `张三 李四 王五`), which deleting them would run together.
        let spaces_in_sentence = context.sentence(gap.start).map_or(1, |s| s.spaces);
        let safe = space == " " && !separates_phrases && spaces_in_sentence == 1;
        finding.fix(paragraph, crate::msg!("cjk-space-fix"), safe, &[(gap, "")]);
    }
}

/// What the checks of a paragraph's spaces ask about its sentences and marks, worked out
/// once per paragraph rather than once per space: a paragraph of a megabyte may hold
/// 100 000 spaces, and a scan of the paragraph for each would be quadratic.
struct Context<'a> {
    paragraph: &'a Paragraph,
    sentences: Vec<SentenceFacts>,
    /// For each pair of `ENCLOSURES`, where its marks are, in order, and whether each opens.
    marks: Vec<Vec<(usize, bool)>>,
}

struct SentenceFacts {
    /// Ends with a sentence stop (closing marks after it aside).
    stopped: bool,
    /// At most `SHORT_LINE` characters.
    short: bool,
    /// How many spaces it holds.
    spaces: usize,
}

/// Marks that enclose titles, slogans, credits and tags: (opening, closing, only when the
/// text inside is short and unpunctuated).
const ENCLOSURES: &[(char, char, bool)] = &[
    ('《', '》', false),
    ('〈', '〉', false),
    ('“', '”', true),
    ('「', '」', true),
    ('‘', '’', true),
    ('（', '）', true),
    ('【', '】', true),
];

impl<'a> Context<'a> {
    fn new(paragraph: &'a Paragraph) -> Self {
        let text = &paragraph.text;
        let sentences = paragraph
            .sentences
            .iter()
            .map(|range| {
                let sentence = &text[range.clone()];
                SentenceFacts {
                    stopped: sentence
                        .trim_end_matches(['”', '’', '」', '』', '）', '》'])
                        .ends_with(['。', '！', '？', '；', '!', '?']),
                    short: sentence.chars().nth(SHORT_LINE).is_none(),
                    spaces: sentence.chars().filter(|&c| is_space(c)).count(),
                }
            })
            .collect();
        let mut marks = vec![Vec::new(); ENCLOSURES.len()];
        for (at, c) in text.char_indices() {
            for (pair, &(open, close, _)) in ENCLOSURES.iter().enumerate() {
                if c == open || c == close {
                    marks[pair].push((at, c == open));
                }
            }
        }
        Context {
            paragraph,
            sentences,
            marks,
        }
    }

    /// The facts of the sentence holding byte `at` (sentences are in order, end to start).
    fn sentence(&self, at: usize) -> Option<&SentenceFacts> {
        let sentences = &self.paragraph.sentences;
        let index = sentences.partition_point(|s| s.end <= at);
        sentences
            .get(index)
            .filter(|s| s.contains(&at))
            .map(|_| &self.sentences[index])
    }
}
/// Runs of exactly one space (ASCII, U+3000, U+00A0) with a Han character on either side;
/// tabs and longer runs are layout.
fn space_gaps(text: &str) -> Vec<Range<usize>> {
    let mut gaps = Vec::new();
    // ` `, `　` (E3 80 80) and the no-break space (C2 A0), found by their first byte.
    for at in memchr::memchr3_iter(b' ', 0xE3, 0xC2, text.as_bytes()) {
        let Some(space) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if !matches!(space, ' ' | '\u{3000}' | '\u{A0}') {
            continue;
        }
        let next = at + space.len_utf8();
        if text[..at].chars().next_back().is_some_and(is_han)
            && text[next..].chars().next().is_some_and(is_han)
        {
            gaps.push(at..next);
        }
    }
    gaps
}

/// A space that is part of the layout rather than of a sentence.
fn is_layout<'a>(
    paragraph: &'a Paragraph,
    context: impl Fn() -> &'a Context<'a>,
    gap: &Range<usize>,
) -> bool {
    let text = &paragraph.text;
    is_letter_spaced(text, gap)
        // An article number is a few characters: a long text before the space is not one
        // (and is not matched again for each of its spaces).
        || gap.start <= LEADING_NUMBER_BYTES && LEADING_NUMBER.is_match(&text[..gap.start])
        || RUN_ON_ARTICLE.is_match(tail(text, gap.start, LEADING_NUMBER_BYTES))
        || DATE_BEFORE.is_match(&text[..gap.start])
        || DATE_AFTER.is_match(&text[gap.end..])
        || is_record_entry(text, gap)
        || is_joint_issuer(text, gap)
        || is_in_title_line(context(), gap)
        || is_in_title_or_slogan(context(), gap)
}

/// Longest text before a space that may be an article number (`第一千二百三十四条`).
const LEADING_NUMBER_BYTES: usize = 96;

/// The last `bytes` bytes or so of `text[..end]`, starting on a character.
fn tail(text: &str, end: usize, bytes: usize) -> &str {
    let mut start = end.saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// The space lies in a sentence without a stop (a title, headline, caption or signature)
/// that is short, or it separates two long phrases there.
fn is_in_title_line(context: &Context, gap: &Range<usize>) -> bool {
    let Some(sentence) = context.sentence(gap.start) else {
        return true;
    };
    if sentence.stopped {
        return false;
    }
    let text = &context.paragraph.text;
    context.paragraph.is_heading
        || sentence.short
        || han_before(text, gap.start) >= PHRASE && han_after(text, gap.end) >= PHRASE
}

/// A single character with spaces on both sides: letter-spaced text (`总 则`,
/// `国 务 院`) or a two-character name padded to the width of three (`龚 正`).
fn is_letter_spaced(text: &str, gap: &Range<usize>) -> bool {
    let lone = |mut chars: std::str::Chars, back: bool| {
        let mut next = || {
            if back {
                chars.next_back()
            } else {
                chars.next()
            }
        };
        next().is_some_and(is_han) && next().is_some_and(is_space)
    };
    lone(text[..gap.start].chars(), true) || lone(text[gap.end..].chars(), false)
}

/// Inside `《》` or `〈〉`, or inside a short quotation, bracket or tag without punctuation
/// (a slogan, a credit, a column tag).
fn is_in_title_or_slogan(context: &Context, gap: &Range<usize>) -> bool {
    let text = &context.paragraph.text;
    for (&(open, _, short), marks) in ENCLOSURES.iter().zip(&context.marks) {
        // The nearest mark of the pair before the space must open, the nearest after close.
        let split = marks.partition_point(|&(at, _)| at < gap.start);
        let Some(&(start, true)) = split.checked_sub(1).map(|i| &marks[i]) else {
            continue;
        };
        let Some(&(end, false)) = marks[split..].iter().find(|&&(at, _)| at >= gap.end) else {
            continue;
        };
        let inner = &text[start + open.len_utf8()..end];
        if !short
            || inner.chars().nth(30).is_none()
                && !inner.contains(['，', '。', '；', '！', '？', '：', '、'])
        {
            return true;
        }
    }
    false
}

/// `…令第142号发布　根据…决定》第一次修订`: the entries of a promulgation record.
fn is_record_entry(text: &str, gap: &Range<usize>) -> bool {
    RECORD_VERBS
        .iter()
        .any(|verb| text[..gap.start].ends_with(verb))
        && (text[gap.end..].starts_with("根据") || text[gap.end..].starts_with('自'))
}

/// `中共中央办公厅 国务院办公厅`: two issuing organs side by side.
fn is_joint_issuer(text: &str, gap: &Range<usize>) -> bool {
    let before = &text[..gap.start];
    let after = &text[gap.end..];
    ORGAN_ENDS.iter().any(|end| before.ends_with(end))
        && ORGAN_STARTS.iter().any(|start| after.starts_with(start))
}

/// How many Han characters run up to byte `at`.
fn han_before(text: &str, at: usize) -> usize {
    text[..at].chars().rev().take_while(|&c| is_han(c)).count()
}

/// How many Han characters run from byte `at`.
fn han_after(text: &str, at: usize) -> usize {
    text[at..].chars().take_while(|&c| is_han(c)).count()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("是社会主义条件下的一个重 大课题。", vec!["重 大"]),
            (
                "我们曾经急于求成，盲 目求纯，以为单凭主观愿望。",
                vec!["盲 目"],
            ),
            (
                "或受国务院、中央 军事委员会委托的有关同志前往授衔。",
                vec!["央 军"],
            ),
            (
                "对他们的职权　不够尊重，甚至采取歧视的态度。",
                vec!["权　不"],
            ),
            ("政府\u{A0}工作报告已经印发。", vec!["府\u{A0}工"]),
            ("加快推进政府 工作。第二句 有空格。", vec!["府 工", "句 有"]),
            // A long line without a stop is prose, when one side is a short word.
            (
                "标题\n在党中央的坚强领导下全面推进乡村振兴战略深入实施各项惠民政策持续推动城乡融合 发展",
                vec!["合 发"],
            ),
            // A long quotation is not a slogan, nor a long bracket a credit.
            (
                "会议强调（要坚持以人民为中心，推动高质量 发展）。",
                vec!["量 发"],
            ),
            (
                "他说：“我们要坚持以人民为中心，推动高质量 发展，不断满足人民日益增长的美好生活需要。”",
                vec!["量 发"],
            ),
            ("依照本法第十条 规定处理。", vec!["条 规"]),
            ("减刑幅度应当比照本规定第六条 从严掌握。", vec!["条 从"]),
            (
                "第二百七十一 条法庭对证据有疑问的，可以宣布休庭。",
                vec!["一 条"],
            ),
            // A clause ends at `；`, not an article: this space splits `第四十五条第二款`.
            (
                "本法规定适用于快件；第四十五条 第二款的规定不适用于快件。",
                vec!["条 第"],
            ),
            ("我们通过 加强监管，提高了效率。", vec!["过 加"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            // Titles, headlines, captions and signatures.
            "习近平在参加江苏代表团审议时强调 因地制宜发展新质生产力",
            "标题\n李强结束对德国 法国的访问回到北京\n正文。",
            "习近平回信勉励安徽省潜山野寨中学新考取军校的同学们 铸牢忠诚品格 刻苦学习训练 锤炼过硬作风",
            "省长　王予波",
            "自治区人民政府主席包钢作政府工作报告。本报记者 韩卿立 摄",
            "省长叶建春作政府工作报告。本报全媒体记者 林 君摄",
            // Numbers of articles, chapters and parts.
            "第一条 为了规范政府信息公开工作，制定本条例。",
            "第一千二百零四条 因运输者、仓储者等第三人的过错使产品存在缺陷。",
            "第二分编 合同",
            // Criminal Law and its Amendment IX (LawRefBook/Laws).
            "第二百八十七条之一 利用信息网络实施下列行为之一，情节严重的，处三年以下有期徒刑。",
            "“第一百二十条之二 有下列情形之一的，处五年以下有期徒刑、拘役、管制或者剥夺政治权利。",
            "\u{200B}第一条 为了防止和纠正违法的或者不当的行政行为，制定本法。",
            "违反本法规定的，适用本章规定。 第一百一十七条 未按规定报告的，责令改正。",
            // Letter spacing and padded names.
            "第一章 总 则",
            "土 地 使 用 期 限 的 批 复",
            "上海市市长 龚 正",
            "成　员：何亚非　　外交部部长助理",
            "　　　　王　伟　　北京奥组委执行副主席",
            "在这次会议上，习　近　平同志作了报告。",
            // Records and dates.
            "2011年1月8日 《国务院关于废止和修改部分行政法规的决定》第一次修订",
            "2020年12月23日 最高人民法院审判委员会第1823次会议通过",
            "2022年1月1日 施行",
            "（民政部　一九九七年一月二十八日）",
            "1987年8月27日 国家外汇管理局发布  根据",
            "（1994年1月28日中华人民共和国国务院令第142号发布　根据2005年12月19日《国务院关于修改〈中华人民共和国个人所得税法实施条例〉的决定》第一次修订　根据2008年2月18日《国务院关于修改〈中华人民共和国个人所得税法实施条例〉的决定》第二次修订）",
            // Titles and slogans.
            "发表重要文章《加快构建新发展格局　把握未来发展主动权》。",
            "打响“好客山东 好品山东”品牌，实施城乡居民增收计划。",
            "以“传承文明 开创未来”为主题，联合发布。",
            "本报讯（记者 王明 李华）昨天，全市召开会议。",
            "【新思想引领新征程 非凡十年】扎实推进乡村建设。",
            // Joint issuers.
            "根据《中共中央办公厅 国务院办公厅关于印发〈方案〉的通知》要求。",
            "中共中央办公厅 国务院办公厅印发了《关于加强基层治理的意见》。",
            "最高人民法院 最高人民检察院关于办理操纵证券、期货市场刑事案件适用法律若干问题的解释",
            // Spaces that are not between Han characters, or more than one.
            "一、 过去五年工作回顾",
            "所谓 「绝对民主」，也就是不要集中。",
            "行政审批等项目的决定》第一次修正  根据。",
            "详见 www.gov.cn 网站。",
            "名称\t地址\t电话。",
            "2026年 GDP 增长5%。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn only_a_word_split_by_an_ascii_space_is_fixed_safely() {
        use crate::document::source::Source;
        use crate::document::{Document, Format};
        use crate::rules::check_document;
        for (text, safe) in [
            ("是一个重 大课题。", true),
            ("对他们的职权　不够尊重。", false),
            ("政府\u{A0}工作报告。", false),
            ("我们坚持新发展理念 推动高质量发展。", false),
            ("出席会议的有张三 李四 王五等同志。", false),
        ] {
            let document = Document::new(Source::new("t.txt", text.into()), Format::PlainText);
            let found = check_document(&super::RULE, &document, 0);
            assert!(!found.is_empty(), "{text}");
            for finding in found {
                let fix = finding.fix.expect("has a fix");
                assert_eq!(fix.safe, safe, "{text}");
                assert_eq!(fix.edits[0].replacement, "", "{text}");
            }
        }
    }
}
