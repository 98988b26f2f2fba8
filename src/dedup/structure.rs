//! Where a paragraph stands in its document: which list it is an item of, which article of
//! a statute it belongs to, whether it quotes another text, and which paragraphs are not
//! paragraphs at all. The judgement (`judge`) reads this to tell parallel text from copies.

use crate::document::Document;
use crate::text::{ends_broken, leading_label, starts_broken};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;
use std::sync::LazyLock;

/// A paragraph's place in its document's numbered structure.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    /// The article (`第五条`, `第二百八十七条之一`) the paragraph belongs to, as a number
    /// standing for the article's label within the file: a statute's parallel provisions
    /// sit in different articles, a copy inside one article is a slip.
    pub article: Option<NonZeroU32>,
    /// For an enumerated item (`（三）…`, `3.…`, `三是…`): the list it is an item of, as the
    /// index of the list's first item. Items of one list are labelled in one style with
    /// consecutive numbers; a restart (`（一）` again) or another style starts another list.
    pub list: Option<u32>,
    /// The item the paragraph is part of (the nearest enumerated paragraph at or before
    /// it, not an article), as (its list, its index).
    pub item: Option<(u32, u32)>,
    /// A hash of the field name the paragraph opens with (`计算方法：…`, `指标来源：…`), or 0:
    /// the items of a form-like list repeat their fields, filled differently.
    pub field: u32,
    /// Inside a quotation of another text: a paragraph quoted after `修改为：` or `规定：`
    /// (from its opening `“` to the closing `”`), or any paragraph of an amendment or of a
    /// decision amending other texts, which quote the provisions they change.
    pub quotation: bool,
    /// The article's number breaks the file's sequence (`第十条` after `第五十条`, a label
    /// seen before): provisions pasted from another statute, not this statute's own.
    pub out_of_sequence: bool,
}

/// How a list item is numbered: items of one list share a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Article,
    Parenthesized,
    ChineseOrdinal,
    ArabicOrdinal,
    Circled,
    Ordinal是,
    Ordinal其,
    Other,
}

const STYLES: usize = 8;

fn is_date(label: &str) -> bool {
    label.contains('年') && label.starts_with(|c: char| c.is_ascii_digit())
}

fn is_article(label: &str) -> bool {
    label.starts_with('第') && (label.ends_with('条') || label.contains("条之"))
}

fn style(label: &str) -> Style {
    let first = label.chars().next().unwrap_or(' ');
    if is_article(label) {
        Style::Article
    } else if label.starts_with(['（', '(']) {
        Style::Parenthesized
    } else if label.starts_with('第') {
        Style::Other
    } else if ('①'..='⑳').contains(&first) {
        Style::Circled
    } else if label.ends_with('是') {
        Style::Ordinal是
    } else if label.starts_with('其') {
        Style::Ordinal其
    } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        Style::ArabicOrdinal
    } else {
        Style::ChineseOrdinal
    }
}

/// The number a label counts: `（十二）` 12, `3.` 3, `②` 2, `二是` 2.
fn number(label: &str) -> Option<u32> {
    let digits: String = label
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    if let Some(c) = label.chars().find(|c| ('①'..='⑳').contains(c)) {
        return Some(c as u32 - '①' as u32 + 1);
    }
    chinese_number(label)
}

/// The value of the Chinese numeral in `text` (`二十三` 23, `一百零五` 105), ignoring other
/// characters.
fn chinese_number(text: &str) -> Option<u32> {
    let (mut total, mut digit, mut seen) = (0u32, 0u32, false);
    for c in text.chars() {
        let value = match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += digit.max(1) * unit;
                digit = 0;
                seen = true;
                continue;
            }
            _ => continue,
        };
        digit = value;
        seen = true;
    }
    seen.then_some(total + digit)
}

/// Each paragraph's provision, in document order.
pub fn provisions(document: &Document) -> Vec<Provision> {
    outline(document).provisions
}

/// What one reading of a document's labels tells.
pub struct Outline {
    /// Each paragraph's provision.
    pub provisions: Vec<Provision>,
    /// Each paragraph's enumerator (its leading label unless a date, which is content), as
    /// its length in bytes, or 0.
    pub enumerators: Vec<u8>,
    /// See `is_statute`.
    pub is_statute: bool,
}

/// The provisions, enumerators and kind of a document, its labels read once.
pub fn outline(document: &Document) -> Outline {
    let mut enumerators = Vec::with_capacity(document.paragraphs.len());
    let (mut article_count, mut item_count) = (0, 0);
    // Each distinct article label of the file gets a number, from 1.
    let mut articles: rustc_hash::FxHashMap<&str, NonZeroU32> = rustc_hash::FxHashMap::default();
    let mut article = None;
    let mut out_of_sequence = false;
    let mut last_article_number: Option<u32> = None;
    // Per style: the list being numbered, and the number of its last item.
    let mut open: [Option<(u32, u32)>; STYLES] = [None; STYLES];
    let amends = document
        .paragraphs
        .iter()
        .take(3)
        .any(|p| amends_others(&p.text));
    let mut quoting = false;
    let mut previous_leads_quotation = false;
    let mut item = None;
    let provisions: Vec<Provision> = document
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let index = index as u32;
            let text = p.text.as_str();
            let mut list = None;
            let label = leading_label(text);
            article_count += usize::from(label.is_some_and(is_article));
            let label = label.filter(|label| !is_date(label));
            item_count += usize::from(label.is_some());
            enumerators.push(label.map_or(0, |l| u8::try_from(l.len()).unwrap_or(0)));
            if let Some(label) = label {
                let style = style(label);
                // An article's number stands apart (`第五条 …`): `第三十一条的决定》…` is a line
                // of a record broken after a reference.
                let apart = text[label.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace());
                if style == Style::Article {
                    if apart {
                        let next = NonZeroU32::new(articles.len() as u32 + 1);
                        let seen = articles.contains_key(label);
                        article = next.map(|next| *articles.entry(label).or_insert(next));
                        // `第五条之一` counts as 5, after `第五条`.
                        let number = label.split("条之").next().and_then(number);
                        out_of_sequence = seen
                            || matches!((last_article_number, number), (Some(last), Some(n)) if n != last && n != last + 1);
                        last_article_number = number.or(last_article_number);
                    }
                } else {
                    let number = number(label);
                    let slot = &mut open[style as usize];
                    let continues = matches!((*slot, number), (Some((_, last)), Some(n)) if n == last + 1);
                    let id = match *slot {
                        Some((id, _)) if continues => id,
                        _ => index,
                    };
                    *slot = number.map(|n| (id, n));
                    list = Some(id);
                    item = Some((id, index));
                }
            }
            // A quotation opens with a paragraph after a colon that starts with `“` and either
            // ends the quotation itself or leaves a mark open (`“船舶”是指…` quotes a word only).
            let opens = previous_leads_quotation
                && text.starts_with('“')
                && (closes_quotation(text) || text.matches('“').count() > text.matches('”').count());
            quoting |= opens;
            let quotation = amends || quoting || quotes_inline(text);
            if quoting && closes_quotation(text) {
                quoting = false;
            }
            previous_leads_quotation = leads_quotation(text);
            Provision {
                article,
                list,
                item,
                field: field(text),
                quotation,
                out_of_sequence,
            }
        })
        .collect();
    let is_statute = article_count >= 3
        || item_count >= 3
            && document
                .paragraphs
                .first()
                .is_some_and(|p| INSTRUMENT_TITLE.is_match(&p.text));
    Outline {
        provisions,
        enumerators,
        is_statute,
    }
}

/// The field name a paragraph opens with: a few words before a colon.
fn field(text: &str) -> u32 {
    const LONGEST_FIELD: usize = 8;
    text.char_indices()
        .take(LONGEST_FIELD + 1)
        .find(|&(_, c)| c == '：' || c == ':')
        .filter(|&(at, _)| at > 0)
        .map_or(0, |(at, _)| {
            (xxhash_rust::xxh3::xxh3_64(&text.as_bytes()[..at]) as u32).max(1)
        })
}

/// A paragraph ending a quotation: its last mark (before a stop) is `”`.
fn closes_quotation(text: &str) -> bool {
    text.trim_end_matches(['。', '；', '，', '！', '？', ' ', '　'])
        .ends_with('”')
}

/// A paragraph that is mostly a quotation it introduces itself (`将第五条修改为：“…”`).
fn quotes_inline(text: &str) -> bool {
    QUOTING_LEAD
        .find(text)
        .is_some_and(|lead| lead.end() < text.len() / 2 && closes_quotation(text))
}

/// How an amendment or a legal text introduces the text it quotes (`将第二十条修改为：`,
/// `增加一条，作为第三十条之一：`, `第五条规定：`). A speech quoted after `指出：` is not a text
/// govlint can show is quoted rather than copied.
static QUOTING_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(修改为|改为|修订为|表述为|增加|补充|规定|作为第[^：:“]{1,16})[：:]“?")
        .expect("quoting-lead pattern is valid")
});

/// A paragraph introducing a quotation in the paragraphs after it.
pub fn leads_quotation(text: &str) -> bool {
    text.ends_with(['：', ':'])
        && QUOTING_LEAD
            .find_iter(text)
            .last()
            .is_some_and(|lead| lead.end() == text.len())
}

/// The title of an amendment or of a decision amending other texts (`刑法修正案（十一）`,
/// `关于修改《…》的决定`): the whole document quotes the provisions it changes.
fn amends_others(text: &str) -> bool {
    AMENDING_TITLE.is_match(text)
}

static AMENDING_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.{0,60}(修正案|关于修改.{1,120}的决定)(（[^）]{1,12}）)?(\([0-9-]{8,10}\))?$")
        .expect("amending-title pattern is valid")
});

/// A document numbered by articles (`第一条`, `第二条`, …): a law, regulation or rule, whose
/// provisions are worded in parallel on purpose (`…由北京市…` / `…由广州市…`). So is a legal
/// instrument numbered by items (`一、`, `1.`) whose title names it (`…规定`, `…安排`,
/// `…办法`): judicial rules and arrangements restate and parallel each other too.
pub fn is_statute(document: &Document) -> bool {
    outline(document).is_statute
}

static INSTRUMENT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.{2,80}(法|条例|规定|办法|细则|解释|规则|安排|准则)(（[^）]{1,12}）)?(\([0-9-]{8,10}\))?$")
        .expect("instrument-title pattern is valid")
});

/// The paragraphs among the first few that repeat the document's title (a Markdown title
/// printed again as a plain line, or broken over two or three lines), with the title's
/// index: reported whatever their length.
pub fn repeated_title(document: &Document) -> Option<(usize, std::ops::Range<usize>)> {
    const LOOK_AHEAD: usize = 10;
    const MOST_LINES: usize = 3;
    let normalized = document.normalized();
    let count = document.paragraphs.len();
    // A title is a line of at least four letters that ends without a stop or colon.
    let title = (0..count.min(2)).find(|&i| {
        normalized.paragraph(i).chars().count() >= 4
            && !document.paragraphs[i].text.ends_with([
                '：', ':', '。', '；', '，', '！', '？', '.', ';', ',', '!', '?',
            ])
    })?;
    let text = normalized.paragraph(title);
    // Only before the body: a paragraph ending with a sentence stop begins it (a signature
    // that names the issuer, like the first line of the title, is not a repeated title).
    let body = (title + 1..count)
        .find(|&i| {
            document.paragraphs[i]
                .text
                .ends_with(['。', '！', '？', '；'])
        })
        .unwrap_or(count);
    (title + 1..body.min(title + 1 + LOOK_AHEAD))
        // A title printed again opens as a title does, not inside a mark (`〈…选举法〉` is a
        // piece of a record line naming the law).
        .filter(|&first| {
            !normalized.paragraph(first).is_empty()
                && !document.paragraphs[first]
                    .text
                    .starts_with(['〈', '《', '“', '（', '(', '[', '【'])
        })
        .find_map(|first| {
            let mut joined = String::new();
            for last in first..count.min(first + MOST_LINES) {
                joined.push_str(normalized.paragraph(last));
                if joined == text {
                    return Some((title, first..last + 1));
                }
                if !text.starts_with(joined.as_str()) {
                    return None;
                }
            }
            None
        })
}

/// A piece of a line broken mid-sentence, not a paragraph of its own.
pub fn is_fragment(document: &Document, index: usize) -> bool {
    let text = |i: usize| document.paragraphs.get(i).map(|p| p.text.as_str());
    let current = &document.paragraphs[index].text;
    starts_broken(current)
        || ends_broken(current)
        || index.checked_sub(1).and_then(text).is_some_and(ends_broken)
        || text(index + 1).is_some_and(starts_broken)
}

/// A dated record of enactment or amendment (`2011年1月8日 《国务院关于废止和修改部分行政法规
/// 的决定》第一次修订`): every law changed by one decision carries the same line.
pub fn is_record_line(text: &str) -> bool {
    RECORD_LINE.is_match(text)
}

/// Formulas that official documents of one series repeat by design: the opening of a work
/// report (`现在，我代表国务院，向大会报告政府工作，请予审议…`), the annual thanks
/// (`…表示衷心的感谢！`), the resolution approving a report, the opening of a reply letter
/// (`…《…的请示》（…号）收悉。经国务院领导同志批准，现函复如下：`).
pub fn is_series_formula(text: &str) -> bool {
    SERIES_FORMULAS.iter().any(|pattern| pattern.is_match(text))
}

static RECORD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.{0,160}(通过|公布|发布|批准|施行|修正|修订|废止)(的《[^》]{1,80}》)?[）)]?$")
        .expect("record-line pattern is valid")
});

static SERIES_FORMULAS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^现在[，,]?我代表.{1,20}[，,]?向大会.{0,8}工作.{0,12}请予审议.{0,40}提出意见[。！]?$",
        r"表示(衷心|诚挚|崇高|最诚挚|最衷心)的?(感谢|谢意|敬意)[。！!]?$",
        r"听取和审议了.{0,80}报告.{0,400}(批准|通过)(这个|该)报告",
        r"(请示|报告|来函|函)》?[（(].{0,20}号[）)]收悉[。，,].{0,40}(现|特)(函)?(复|批复|答复)如下[：:]$",
        r"^根据《[^》]{1,60}》.{0,80}现对.{1,160}作如下(补充|修改|补充、修改)[：:]$",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("series formula pattern is valid"))
    .collect()
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::document::source::Source;

    fn document(text: &str) -> Document {
        Document::new(Source::new("a.txt", text.to_string()), Format::PlainText)
    }

    #[test]
    fn series_formulas() {
        for text in [
            "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。",
            "教育部、外交部、财政部、体育总局《关于以哈尔滨市名义申请举办2009年世界大学生冬季运动会的请示》（教外际〔2004〕14号）收悉。经国务院领导同志批准，现函复如下：",
            "你省《关于设立某某经济开发区的请示》（某政〔2020〕3号）收悉。现批复如下：",
            "根据《中华人民共和国刑法修正案（十二）》（以下简称《刑法修正案（十二）》），现对《最高人民法院关于执行〈中华人民共和国刑法〉确定罪名的规定》《最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见》作如下修改：",
        ] {
            assert!(is_series_formula(text), "{text}");
        }
        for text in [
            "来函收悉，我们将认真研究。",
            "教育部《关于举办运动会的请示》收悉后，各部门积极筹备，现将有关情况报告如下：",
        ] {
            assert!(!is_series_formula(text), "{text}");
        }
    }

    #[test]
    fn label_numbers() {
        for (label, expected) in [
            ("（十二）", 12),
            ("（3）", 3),
            ("３", 3),
            ("②", 2),
            ("二是", 2),
            ("其三", 3),
            ("二十三", 23),
            ("一百零五", 105),
            ("十", 10),
        ] {
            assert_eq!(number(label), Some(expected), "{label}");
        }
    }

    #[test]
    fn articles_with_a_suffix_are_articles_of_their_own() {
        let doc = document(
            "第二百八十七条 利用信息网络实施诈骗的，依照本法有关规定定罪处罚。\n第二百八十七条之一 利用信息网络设立用于实施诈骗的网站的，处三年以下有期徒刑。\n第二百八十七条之二 明知他人利用信息网络实施犯罪，为其提供技术支持的，处三年以下有期徒刑。\n",
        );
        let articles: Vec<_> = provisions(&doc).iter().map(|p| p.article).collect();
        assert_ne!(articles[0], articles[1]);
        assert_ne!(articles[1], articles[2]);
        assert!(is_statute(&doc));
    }

    /// Lists are told apart by numbering, not by any paragraph between their items: an item
    /// under a lead-in continues its list after a nested list, a restart begins another.
    #[test]
    fn lists() {
        let doc = document(
            "各地要做好以下工作：\n（一）加强组织领导。\n（二）完善工作机制，具体包括：\n1.建立台账。\n2.定期调度。\n（三）强化督促检查。\n同时，各部门要：\n（一）加强协调配合。\n（二）抓好宣传引导。\n",
        );
        let lists: Vec<_> = provisions(&doc).iter().map(|p| p.list).collect();
        assert_eq!(lists[0], None);
        assert_eq!(lists[1], lists[2]);
        assert_eq!(
            lists[1], lists[5],
            "（三） continues the list after the nested 1. 2."
        );
        assert_eq!(lists[3], lists[4]);
        assert_ne!(lists[3], lists[1]);
        assert_eq!(lists[7], lists[8]);
        assert_ne!(lists[7], lists[1], "a restart at （一） is another list");
    }

    #[test]
    fn quotations() {
        let doc = document(
            "五、将第二十条修改为：\n“出版物侵害他人著作权的，出版者应当承担责任。\n出版者对其出版行为的授权、稿件来源和署名承担举证责任。”\n六、删去第三十条。\n七、将第四十条修改为：“出版者应当依法履行审查义务。”\n本决定自公布之日起施行。\n",
        );
        let quoted: Vec<_> = provisions(&doc).iter().map(|p| p.quotation).collect();
        assert_eq!(quoted, [false, true, true, false, true, false]);
        let amendment =
            document("中华人民共和国刑法修正案（十一）\n\n一、将刑法第一百三十四条修改为……\n");
        assert!(provisions(&amendment).iter().all(|p| p.quotation));
        let decision = document(
            "最高人民法院关于修改《最高人民法院关于审理侵犯专利权纠纷案件应用法律若干问题的解释（二）》等十八件知识产权类司法解释的决定\n\n根据审判实践需要……\n",
        );
        assert!(provisions(&decision).iter().all(|p| p.quotation));
        let notice = document("国务院关于加强安全生产工作的通知\n各地要：\n（一）加强领导。\n");
        assert!(provisions(&notice).iter().all(|p| !p.quotation));
    }

    #[test]
    fn titles_repeated() {
        let doc = document(
            "中华人民共和国专利法\n\n中华人民共和国专利法\n\n第一条 为了保护专利权人的合法权益，制定本法。\n",
        );
        assert_eq!(repeated_title(&doc), Some((0, 1..2)));
        let doc = document(
            "# 最高人民法院关于知识产权法庭若干问题的规定\n\n2018年12月3日 最高人民法院审判委员会第1756次会议通过\n\n2023年11月1日 施行\n\n最高人民法院\n\n关于知识产权法庭若干问题的规定\n\n第一条 最高人民法院设立知识产权法庭。\n",
        );
        assert_eq!(repeated_title(&doc), Some((0, 3..5)));
        let doc = document("关于做好防汛工作的通知\n各区县：\n现将有关事项通知如下。\n");
        assert_eq!(repeated_title(&doc), None);
        // govcn_0019: the issuers open the title and sign the letter.
        let doc = document(
            "国务院办公厅、中央军委办公厅\n\n关于加强调查和管理工作的通知\n\n各省、自治区、直辖市人民政府：\n\n要加强调查取证工作。\n\n国务院办公厅　中央军委办公厅\n",
        );
        assert_eq!(repeated_title(&doc), None);
    }
}
