//! `page-residue`: web page chrome (breadcrumbs, font-size and print buttons, share bars,
//! page headers with view counters, previous/next links) pasted into an article.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Format, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::is_space;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub static RULE: RuleInfo = RuleInfo {
    name: "page-residue",
    severity: Severity::Error,
    summary: "Web page chrome (breadcrumb, font-size or print buttons, share bar, page header) pasted into the article.",
    explanation: r#"
## What it does
Finds the text of a web page's navigation and buttons copied along with the article:

- breadcrumbs: `当前位置：首页 > 法治建设`, `您现在的位置：…`, `首页 > 新闻中心`;
- font-size controls: `字体：[ 大 中 小 ]`, `【字号： 加大 还原 减小 】`, `字体:[ ]`;
- buttons: `打印本页`, `关闭窗口`, `【打印】【关闭】`, `返回顶部`, `加入收藏`;
- share bars: `分享到：`, a line of `分享 微信 微博 QQ空间`, `扫一扫在手机打开当前页`;
- page header lines: a line giving both a source (or author, editor) and a publish time
  (`来源：海门区委政法委 发布时间：2021-05-20`), or a view counter (`浏览次数：`, `阅读量：`,
  `点击数：`);
- previous/next links: `上一篇：…`, `下一篇：…`.

A paragraph that is nothing but such chrome is reported whole, with an unsafe fix that
deletes it. Buttons stuck to the start or end of a real paragraph (`……特此通知。 打印本页
关闭窗口`) are reported alone; the fix deletes them when they are separated from the text,
and there is no fix when they sit in the middle of it. One finding per paragraph.

## Why is this bad
The words belong to the page the article was copied from, not to the article: printed or
republished, `打印本页 关闭窗口` and `字体：[ 大 中 小 ]` are meaningless buttons, and the
publish time and view count are those of another website.

## Not reported
- A credit line alone, `来源：新华社` or `（来源：人民日报）`: newspapers and republished news
  legitimately name their source, so a source counts as residue only together with a
  publish time, a view counter or a button on the same line. A date or `时间：2026-02-09`
  alone is not residue either, nor `指标来源：医院填报。` or `数据来源：…`.
- `当前位置：` that is not followed by a path (`当前位置：北纬20.5度`): a breadcrumb names
  the home page or separates its levels with `>`.
- A header-like line that contains a full sentence (`。！？；`): the chrome is mixed into
  real text and cannot be told apart reliably.
- Real sentences that mention the words: `分享发展成果`, `打印机`, `以打印方式立的遗嘱`,
  `台风来临前关闭窗口`, `实际被点击数达到一万次以上的`, `文字的字号、字体不规范`. A
  button word counts only when it stands apart from other words (at the edge of the line,
  or next to spaces, `|` or brackets).
- A single plain button word alone on a line (`关闭`, `下载`, `扫一扫`), which may be a
  table cell or a caption: a toolbar has two buttons or more, or an unmistakable one
  (`打印本页`, `【打印】`, `分享到`).
- Table cells that happen to read `微信` or `微博`: platform names count only in a line
  that also says `分享`.
"#,
    zh: Doc {
        summary: "从网页复制时带进了网页上的导航和按钮文字（当前位置、字号按钮、打印按钮、分享栏、发布信息行）。",
        explanation: r#"
## 检查什么
找出随正文一起复制进来的网页导航和按钮文字：

- 当前位置导航：“当前位置：首页 > 法治建设”“您现在的位置：……”“首页 > 新闻中心”；
- 字号按钮：“字体：[ 大 中 小 ]”“【字号： 加大 还原 减小 】”“字体:[ ]”；
- 按钮：“打印本页”“关闭窗口”“【打印】【关闭】”“返回顶部”“加入收藏”；
- 分享栏：“分享到：”，一行“分享 微信 微博 QQ空间”，“扫一扫在手机打开当前页”；
- 网页头部的信息行：同时写有来源（或作者、编辑）和发布时间的一行（“来源：海门区委政法委 发布时间：2021-05-20”），或浏览次数（“浏览次数：”“阅读量：”“点击数：”）；
- 上一篇、下一篇链接：“上一篇：……”“下一篇：……”。

整段都是这类文字的，整段报告，并建议删去该段。粘在正文段首或段末的按钮（“……特此通知。 打印本页 关闭窗口”）单独报告：与正文隔开的，建议删去；夹在正文中间的，不给修改建议。每段最多报告一处。

## 为什么要改
这些文字属于文章原来所在的网页，不属于文章：印出来或转载后，“打印本页 关闭窗口”“字体：[ 大 中 小 ]”是按不动的按钮，发布时间和浏览次数也是别的网站的。

## 怎么改
删去这些文字。删除只作为建议，加“--unsafe-fixes”才会应用，请核对后再用。

## 不报告的情况
- 单独的来源行“来源：新华社”或“（来源：人民日报）”：报刊和转载的新闻注明来源是正当的，所以来源只有与发布时间、浏览次数或按钮在同一行时才算网页残留。单独的日期或“时间：2026-02-09”不算，“指标来源：医院填报。”“数据来源：……”也不算。
- 后面不是路径的“当前位置：”（“当前位置：北纬20.5度”）：导航会写出首页，或用“>”分隔各级。
- 含有完整句子（有“。”“！”“？”“；”）的类似头部信息的行：网页文字与正文混在一起，无法可靠地分开。
- 正文中恰好用到这些词的句子：“分享发展成果”“打印机”“以打印方式立的遗嘱”“台风来临前关闭窗口”“实际被点击数达到一万次以上的”“文字的字号、字体不规范”。按钮文字只有与其他词隔开（在行首或行尾，或挨着空格、“|”、括号）时才算。
- 单独一行只有一个普通按钮词（“关闭”“下载”“扫一扫”），它可能是表格的单元格或图片说明：工具栏至少有两个按钮，或有一个不会认错的按钮（“打印本页”“【打印】”“分享到”）。
- 恰好写着“微信”或“微博”的表格单元格：平台名称只有在同一行也写着“分享”时才算。
"#,
    },
    bad: &[
        Example::fixed(
            "当前位置: 首页 > 法治建设\n让“法治”成为高质量建设的最硬内核\n来源: 海门区委政法委 发布时间:2021-05-20 字体:[ ]\n近年来，海门区委区政府聚焦高质量发展主题。",
        ),
        Example::fixed("各单位要认真贯彻落实。\n【打印】【关闭】"),
        Example::fixed("本通知自印发之日起施行。 打印本页 关闭窗口"),
        Example::fixed("分享到：\n扫一扫在手机打开当前页"),
        Example::fixed("发布时间：2021-05-20 浏览次数：1024"),
        Example::fixed("【字号： 加大 还原 减小 】"),
    ],
    good: &[
        "来源：新华社",
        "我们要让人民群众共享改革成果，分享发展成果。",
        "民法典施行前，遗嘱人以打印方式立的遗嘱，适用民法典的规定。",
        "台风来临前，请关闭窗口，加固门窗。",
        "时间：2026-02-09",
        "指标来源：医院填报。",
    ],
    fix: Fixes::Suggested,
    marks: Marks::Test(|paragraph| ANCHORS.is_match(&paragraph.text)),
    check: Check::Paragraph(check),
};

/// What a piece of chrome is, for the message.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Breadcrumb,
    Header,
    Pager,
    FontSize,
    Button,
    Share,
    Platform,
}

impl Kind {
    /// What the residue is, a phrase of its own in the findings' messages.
    fn describe(self) -> crate::report::message::Message {
        let kind = match self {
            Kind::Breadcrumb => "breadcrumb",
            Kind::Header => "header",
            Kind::Pager => "pager",
            Kind::FontSize => "font-size",
            Kind::Button => "button",
            Kind::Share | Kind::Platform => "share",
        };
        crate::msg!("page-residue-kind", kind = kind)
    }
}

/// A piece of chrome found in a paragraph.
#[derive(Clone, Debug)]
struct Token {
    range: Range<usize>,
    kind: Kind,
    /// Unmistakable even inside a paragraph of real text; weak tokens (`打印`, `分享`,
    /// `微信`) count only when the whole paragraph is chrome.
    strong: bool,
}

const SIZES: &str = "(?:加大|还原|减小|默认|放大|缩小|标准|大|中|小)";

static FONT_SIZE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"[【\[［]?\s*(?:字体|字号)\s*(?:
          [:：]?\s*(?:[\[［【]\s*SIZES?\s*[\]］】]\s*)+
        | [:：]?\s*[\[［]\s*(?:SIZES\s*){2,}[\]］]
        | [:：]\s*(?:SIZES\s*){2,}
        )[】\]］]?"
        .replace("SIZES", SIZES);
    Regex::new(&format!("(?x){pattern}")).expect("font-size pattern is valid")
});

static BRACKETED_BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[【\[［]\s*(?:打印(?:本页|此页|文章|本文)?|关闭(?:窗口|本页|此页)?|(?:加入)?收藏|返回(?:顶部|首页|列表)?|回到顶部|顶部|(?:我要)?纠错|分享(?:到)?)\s*[】\]］]",
    )
    .expect("button pattern is valid")
});

/// Bare words, longest first (leftmost-first alternation), each with its kind and strength.
const WORDS: &[(&str, Kind, bool)] = &[
    ("扫一扫在手机上打开当前页", Kind::Share, true),
    ("扫一扫在手机打开当前页", Kind::Share, true),
    ("扫一扫在手机打开本页", Kind::Share, true),
    ("打印本页", Kind::Button, true),
    ("打印此页", Kind::Button, true),
    ("打印文章", Kind::Button, true),
    ("关闭窗口", Kind::Button, true),
    ("关闭本页", Kind::Button, true),
    ("关闭此页", Kind::Button, true),
    ("返回顶部", Kind::Button, true),
    ("回到顶部", Kind::Button, true),
    ("加入收藏", Kind::Button, true),
    ("分享到：", Kind::Share, true),
    ("分享到:", Kind::Share, true),
    ("手机扫一扫", Kind::Share, false),
    ("扫一扫", Kind::Share, false),
    ("分享到", Kind::Share, true),
    ("分享", Kind::Share, false),
    ("打印", Kind::Button, false),
    ("关闭", Kind::Button, false),
    ("收藏", Kind::Button, false),
    ("下载", Kind::Button, false),
    ("全屏", Kind::Button, false),
    ("返回", Kind::Button, false),
    ("我要纠错", Kind::Button, false),
    ("纠错", Kind::Button, false),
    ("复制链接", Kind::Button, false),
    ("首页", Kind::Button, false),
    ("新浪微博", Kind::Platform, false),
    ("腾讯微博", Kind::Platform, false),
    ("微信好友", Kind::Platform, false),
    ("朋友圈", Kind::Platform, false),
    ("QQ空间", Kind::Platform, false),
    ("QQ好友", Kind::Platform, false),
    ("QQ", Kind::Platform, false),
    ("微信", Kind::Platform, false),
    ("微博", Kind::Platform, false),
    ("人人网", Kind::Platform, false),
    ("豆瓣", Kind::Platform, false),
];

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives: Vec<String> = WORDS.iter().map(|(w, _, _)| regex::escape(w)).collect();
    Regex::new(&alternatives.join("|")).expect("word pattern is valid")
});

static BREADCRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:当前位置|您现在的位置|您的位置|您当前的位置|您当前位置|当前所在位置)\s*[是为]?\s*[:：].*(?:首页|主页|>|＞|»|›|→)|(?:网站首页|首页|主页)\s*(?:>|＞|»|›|→))",
    )
    .expect("breadcrumb pattern is valid")
});

static PAGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*(?:[:：]|$)")
        .expect("pager pattern is valid")
});

static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s|｜丨/【\[［])(?:信息来源|文章来源|稿件来源|新闻来源|来源单位|来源|发布单位|发布机构|发布者|作者|责任编辑|编辑)\s*[:：]",
    )
    .expect("source pattern is valid")
});

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:发布时间|发布日期|发表时间|更新时间)\s*[:：]|(?:^|[\s|｜丨/【\[［])(?:时间|日期)\s*[:：]\s*\d|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}",
    )
    .expect("time pattern is valid")
});

static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:浏览次数|浏览量|浏览|阅读量|阅读次数|阅读数|点击数|点击量|点击次数|点击率|访问量|访问次数|人气)\s*[:：]\s*(?:\d|[\[［(（]|$)",
    )
    .expect("counter pattern is valid")
});

/// Marks between the buttons of a toolbar or the levels of a breadcrumb: the delimiters
/// and the punctuation that lists them.
fn is_separator(c: char) -> bool {
    is_delimiter(c)
        || matches!(
            c,
            '(' | ')' | '（' | '）' | ':' | '：' | ',' | '，' | '、' | '-' | '—' | '_'
        )
}

/// What may stand next to a piece of chrome: spaces, bars, brackets.
fn is_delimiter(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            '|' | '｜'
                | '丨'
                | '/'
                | '\\'
                | '【'
                | '】'
                | '['
                | ']'
                | '［'
                | '］'
                | '·'
                | '•'
                | '>'
                | '＞'
                | '»'
                | '›'
                | '\u{200B}'
        )
}

/// A word every kind of chrome contains (buttons, share bars, breadcrumbs, pagers, source,
/// counter and font-size labels): paragraphs without one are skipped at once.
const ANCHOR_WORDS: &[&str] = &[
    "字体",
    "字号",
    "打印",
    "关闭",
    "收藏",
    "返回",
    "顶部",
    "纠错",
    "分享",
    "扫一扫",
    "下载",
    "全屏",
    "复制链接",
    "首页",
    "主页",
    "微博",
    "微信",
    "朋友圈",
    "QQ",
    "人人网",
    "豆瓣",
    "位置",
    "上一",
    "下一",
    "来源",
    "发布",
    "作者",
    "编辑",
    "浏览",
    "阅读",
    "点击",
    "访问",
    "人气",
];

static ANCHORS: LazyLock<Anchors> = LazyLock::new(Anchors::new);

/// Finds an anchor word by decoding each character once and looking further only where
/// one begins. A regex of the words is several times slower on Chinese text: its literal
/// search keys on the first two bytes, which most Han characters share with some word.
struct Anchors {
    /// One bit per character of the Basic Multilingual Plane: whether a word begins with it.
    begins_word: Vec<u64>,
    /// The words by first character, sorted by it: the character, and the words' rests.
    by_first: Vec<(char, Vec<&'static str>)>,
}

impl Anchors {
    fn new() -> Self {
        let mut begins_word = vec![0u64; 0x1_0000 / 64];
        let mut by_first: Vec<(char, Vec<&'static str>)> = Vec::new();
        for word in ANCHOR_WORDS {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                continue;
            };
            let code = first as usize;
            begins_word[code / 64] |= 1 << (code % 64);
            match by_first.iter_mut().find(|(c, _)| *c == first) {
                Some((_, rests)) => rests.push(chars.as_str()),
                None => by_first.push((first, vec![chars.as_str()])),
            }
        }
        by_first.sort_by_key(|&(c, _)| c);
        Anchors {
            begins_word,
            by_first,
        }
    }

    fn is_match(&self, text: &str) -> bool {
        text.char_indices().any(|(at, c)| {
            let code = c as usize;
            let may_begin = self
                .begins_word
                .get(code / 64)
                .is_some_and(|bits| bits & (1 << (code % 64)) != 0);
            may_begin
                && self
                    .by_first
                    .binary_search_by_key(&c, |&(first, _)| first)
                    .is_ok_and(|i| {
                        let rest = &text[at + c.len_utf8()..];
                        self.by_first[i].1.iter().any(|word| rest.starts_with(word))
                    })
        })
    }
}

fn check(document: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let on_page = document.format == Format::Html;
    let text = &paragraph.text;
    let tokens = tokens(text);
    if let Some(kind) = whole_line(text, &tokens) {
        let finding = report.add(
            index,
            paragraph,
            0..text.len(),
            crate::msg!("page-residue", kind = kind.describe()),
            // On a web page the line may be the site's template rather than text pasted
            // into the article: the article's editor cannot delete a line the template writes.
            if on_page {
                crate::msg!("page-residue-template-help")
            } else {
                crate::msg!("page-residue-help")
            },
        );
        finding.fix(
            paragraph,
            crate::msg!("page-residue-fix"),
            false,
            &[(0..text.len(), "")],
        );
    } else if let Some(found) = embedded(text, &tokens) {
        let finding = report.add(
            index,
            paragraph,
            found.range.clone(),
            crate::msg!("page-residue-embedded", kind = found.kind.describe()),
            crate::msg!("page-residue-embedded-help"),
        );
        if let Some(delete) = found.delete {
            finding.fix(
                paragraph,
                crate::msg!("page-residue-fix"),
                false,
                &[(delete, "")],
            );
        }
    }
}

/// The chrome tokens of a paragraph, in order, without overlaps. Each must stand apart
/// from the words around it, so that `分享发展成果`, `请关闭窗口` and `点击【打印】按钮`
/// are not chrome.
fn tokens(text: &str) -> Vec<Token> {
    let mut found: Vec<Token> = Vec::new();
    // The tokens taken so far, disjoint, by start: an overlap is with the last one starting
    // before the end (the one ending last among them), found without a scan of them all.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut overlaps = |range: &Range<usize>| {
        let overlapping = taken
            .range(..range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > range.start);
        if !overlapping {
            taken.insert(range.start, range.end);
        }
        overlapping
    };
    for m in FONT_SIZE.find_iter(text) {
        overlaps(&m.range());
        found.push(Token {
            range: m.range(),
            kind: Kind::FontSize,
            strong: true,
        });
    }
    for m in BRACKETED_BUTTON.find_iter(text) {
        if !overlaps(&m.range()) {
            let kind = if m.as_str().contains("分享") {
                Kind::Share
            } else {
                Kind::Button
            };
            found.push(Token {
                range: m.range(),
                kind,
                strong: true,
            });
        }
    }
    for m in WORD.find_iter(text) {
        if overlaps(&m.range()) {
            continue;
        }
        let (_, kind, strong) = WORDS
            .iter()
            .find(|(w, _, _)| *w == m.as_str())
            .expect("every match is a listed word");
        found.push(Token {
            range: m.range(),
            kind: *kind,
            strong: *strong,
        });
    }
    found.sort_by_key(|t| t.range.start);
    let keep: Vec<bool> = found
        .iter()
        .map(|t| stands_apart(text, t, &found))
        .collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(t, keep)| keep.then_some(t))
        .collect()
}

/// A token needs on each side the edge of the line, a delimiter or another token. On the
/// left, the end of a sentence will do (`……施行。【打印】`), and a colon before a weak word
/// (`分享：微信`) but never before a strong one (`措施：关闭窗口`); a token ending in a colon
/// (`分享到：`) ends itself.
fn stands_apart(text: &str, token: &Token, all: &[Token]) -> bool {
    let range = &token.range;
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    // `all` is sorted by start and disjoint, so by end too.
    let touches =
        |at: usize, edge: fn(&Token) -> usize| all.binary_search_by_key(&at, edge).is_ok();
    let left = touches(range.start, |t| t.range.end)
        || before.is_none_or(|c| {
            is_delimiter(c)
                || matches!(c, '。' | '！' | '？' | '；')
                || !token.strong && matches!(c, ':' | '：')
        });
    let right = touches(range.end, |t| t.range.start)
        || text[..range.end].ends_with([':', '：'])
        || after.is_none_or(|c| is_delimiter(c) || matches!(c, ':' | '：'));
    left && right
}

/// The kind of chrome the whole paragraph is, if it is nothing else.
fn whole_line(text: &str, tokens: &[Token]) -> Option<Kind> {
    let has_stop = text.contains(['。', '！', '？', '；']);
    let short = text.chars().count() <= 200;
    if BREADCRUMB.is_match(text) && !has_stop && short {
        return Some(Kind::Breadcrumb);
    }
    if PAGER.is_match(text) && short {
        return Some(Kind::Pager);
    }
    if !has_stop && short {
        let source = SOURCE_LABEL.is_match(text);
        let time = TIME.is_match(text);
        let counter = COUNTER.is_match(text);
        let labelled = source || time;
        if source && time || counter || labelled && tokens.iter().any(|t| t.strong) {
            return Some(Kind::Header);
        }
    }
    // Only buttons and separators.
    let shares = tokens.iter().any(|t| t.kind == Kind::Share);
    if tokens.is_empty() || tokens.iter().all(|t| t.kind == Kind::Platform) {
        return None;
    }
    if !shares && tokens.iter().any(|t| t.kind == Kind::Platform) {
        return None;
    }
    // A single weak word alone is more likely a table cell (`关闭`, `下载`) than a toolbar.
    if tokens.len() == 1 && !tokens[0].strong {
        return None;
    }
    let mut covered = 0;
    for token in tokens {
        if !text[covered..token.range.start].chars().all(is_separator) {
            return None;
        }
        covered = token.range.end;
    }
    if !text[covered..].chars().all(is_separator) {
        return None;
    }
    let first = tokens.iter().find(|t| t.strong).unwrap_or(&tokens[0]);
    Some(first.kind)
}

struct Embedded {
    range: Range<usize>,
    kind: Kind,
    /// What the fix deletes: the chrome and the spaces joining it to the text, when the
    /// chrome opens or closes the paragraph.
    delete: Option<Range<usize>>,
}

/// Unmistakable chrome inside a paragraph of real text.
fn embedded(text: &str, tokens: &[Token]) -> Option<Embedded> {
    let strong: Vec<&Token> = tokens.iter().filter(|t| t.strong).collect();
    let (first, last) = (strong.first()?, strong.last()?);
    let mut range = first.range.start..last.range.end;
    // Weak buttons in the same toolbar (`打印本页 | 关闭 | 返回`) belong to it.
    let shares = tokens.iter().any(|s| s.kind == Kind::Share);
    let inside: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind != Kind::Platform || shares)
        .collect();
    // Grow over the tokens joined to it by separators only, on either side, nearest first
    // (the tokens are in order and disjoint, and no token is only separators, so a farther
    // token is joined only through the nearer ones).
    let joined = |gap: Range<usize>| text[gap].chars().all(is_separator);
    for t in inside
        .iter()
        .rev()
        .filter(|t| t.range.end <= first.range.start)
    {
        if !joined(t.range.end..range.start) {
            break;
        }
        range.start = t.range.start;
    }
    for t in inside.iter().filter(|t| t.range.start >= last.range.end) {
        if !joined(range.end..t.range.start) {
            break;
        }
        range.end = t.range.end;
    }
    let pure = {
        let mut at = range.start;
        let mut pure = true;
        for t in tokens
            .iter()
            .filter(|t| t.range.start >= range.start && t.range.end <= range.end)
        {
            pure &= text[at..t.range.start].chars().all(is_separator);
            at = t.range.end;
        }
        pure && text[at..range.end].chars().all(is_separator)
    };
    let delete = if !pure {
        None
    } else if text[range.end..].chars().all(is_separator) {
        let start = text[..range.start].trim_end_matches(is_space).len();
        Some(start..text.len())
    } else if text[..range.start].chars().all(is_separator) {
        let rest = &text[range.end..];
        Some(0..range.end + rest.len() - rest.trim_start_matches(is_space).len())
    } else {
        None
    };
    Some(Embedded {
        range,
        kind: first.kind,
        delete,
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn anchors_are_found_where_a_regex_of_the_words_finds_them() {
        let regex = regex::Regex::new(&super::ANCHOR_WORDS.join("|")).expect("valid");
        let mut texts: Vec<String> = super::ANCHOR_WORDS
            .iter()
            .flat_map(|word| {
                let cut = word.char_indices().nth(1).map_or(word.len(), |(at, _)| at);
                [
                    word.to_string(),
                    format!("正文{word}正文"),
                    format!("{}正文", &word[..cut]),
                    format!("正文{}", &word[cut..]),
                ]
            })
            .collect();
        texts.extend(
            [
                "",
                "Q",
                "qq",
                "上下一页",
                "分 享",
                "复制链",
                "😀首页",
                "各项工作稳步推进。",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(
                super::ANCHORS.is_match(&text),
                regex.is_match(&text),
                "{text}"
            );
        }
    }

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("当前位置: 首页 > 法治建设", "当前位置: 首页 > 法治建设"),
            (
                "您现在的位置：首页 >> 政务公开 >> 通知公告",
                "您现在的位置：首页 >> 政务公开 >> 通知公告",
            ),
            ("首页 > 新闻中心 > 部门动态", "首页 > 新闻中心 > 部门动态"),
            ("当前位置：首页", "当前位置：首页"),
            (
                "来源: 海门区委政法委 发布时间:2021-05-20 字体:[ ]",
                "来源: 海门区委政法委 发布时间:2021-05-20 字体:[ ]",
            ),
            (
                "来源：市政府办公室  2021-05-20 10:30",
                "来源：市政府办公室  2021-05-20 10:30",
            ),
            (
                "作者：张三 发布时间：2021年5月20日",
                "作者：张三 发布时间：2021年5月20日",
            ),
            (
                "发布时间：2021-05-20 浏览次数：1024",
                "发布时间：2021-05-20 浏览次数：1024",
            ),
            ("阅读量：", "阅读量："),
            ("【点击数：356】", "【点击数：356】"),
            ("字体：[ 大 中 小 ]", "字体：[ 大 中 小 ]"),
            ("【字号： 加大 还原 减小 】", "【字号： 加大 还原 减小 】"),
            ("字号：[大][中][小]", "字号：[大][中][小]"),
            (
                "【字体：大 中 小】【打印】【关闭】",
                "【字体：大 中 小】【打印】【关闭】",
            ),
            ("【打印】【关闭】", "【打印】【关闭】"),
            ("[打印本页] [关闭窗口]", "[打印本页] [关闭窗口]"),
            ("打印本页 关闭窗口", "打印本页 关闭窗口"),
            ("打印本页关闭窗口", "打印本页关闭窗口"),
            ("分享到：", "分享到："),
            ("分享到", "分享到"),
            ("分享：微信 微博 QQ空间", "分享：微信 微博 QQ空间"),
            ("扫一扫在手机打开当前页", "扫一扫在手机打开当前页"),
            ("打印 | 关闭 | 返回", "打印 | 关闭 | 返回"),
            ("打印 关闭", "打印 关闭"),
            (
                "上一篇：关于做好防汛工作的通知",
                "上一篇：关于做好防汛工作的通知",
            ),
            ("下一篇：没有了", "下一篇：没有了"),
            (
                "本通知自印发之日起施行。 打印本页 关闭窗口",
                "打印本页 关闭窗口",
            ),
            (
                "本通知自印发之日起施行。【打印】【关闭】",
                "【打印】【关闭】",
            ),
            ("打印本页 各单位要认真贯彻落实。", "打印本页"),
            ("特此通知。 分享到： 微信 微博", "分享到： 微信 微博"),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn unsafe_fixes_delete_the_residue_only() {
        let fixed = |text: &str| crate::fix::converge("a.txt", text, &[], &[&super::RULE], true).0;
        for (text, expected) in [
            (
                "当前位置：首页 > 法治建设\n\n正文内容。\n",
                "\n\n正文内容。\n",
            ),
            (
                "本通知自印发之日起施行。 打印本页 关闭窗口\n",
                "本通知自印发之日起施行。\n",
            ),
            ("打印本页 各单位要认真贯彻落实。", "各单位要认真贯彻落实。"),
            ("特此通知。【打印】【关闭】", "特此通知。"),
            // In the middle of the text: reported, not fixed.
            (
                "各单位要认真贯彻落实。【打印】 请按时上报。",
                "各单位要认真贯彻落实。【打印】 请按时上报。",
            ),
        ] {
            assert_eq!(fixed(text), expected, "{text}");
        }
    }

    #[test]
    fn one_finding_per_paragraph() {
        let text = "来源：区政府办 发布时间：2021-05-20 字体：[ 大 中 小 ] 打印本页 关闭窗口";
        assert_eq!(findings(&super::RULE, text).len(), 1);
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "来源：新华社",
            "来源：解放日报",
            "（来源：人民日报）",
            "来源：新华社 作者：张三",
            "时间：2026-02-09",
            "2026-02-03 09:02:33",
            "2026年02月10日 07时41分",
            "发布时间：2021-05-20",
            "指标来源：医院填报。",
            "数据来源：国家统计局，2021年5月20日发布。",
            "我们要让人民群众共享改革成果，分享发展成果。",
            "共同分享发展机遇，共同应对各种挑战。",
            "分享发展成果",
            "民法典施行前，遗嘱人以打印方式立的遗嘱，适用民法典的规定。",
            "购置打印机、复印机等办公设备。",
            "台风来临前，请关闭窗口，加固门窗。",
            "关闭窗口期",
            "防台风措施：关闭窗口",
            "在打印页面点击【打印】按钮，即可打印证明。",
            "字号：大中小企业",
            "（四）制作、复制、出版、贩卖、传播的淫秽电子信息，实际被点击数达到一万次以上的；",
            "（一）文字、符号、数字的字号、字体、字高不规范，出现错别字的；",
            "第十九条 两个以上经营快递业务的企业可以使用统一的商标、字号或者快递运单经营快递业务。",
            "报刊、广播、电视和互联网等媒体，应当及时刊播抗旱信息并标明发布机构名称和发布时间。",
            "市民可以扫一扫二维码，在手机上办理业务。",
            "上一篇文章中我们提到了这个问题。",
            "当前位置的坐标由卫星测定。",
            "当前位置：北纬20.5度/东经115.3度",
            "微信",
            "关闭",
            "下载",
            "扫一扫",
            "信息来源：区统计局 统计时间：2020年",
            "微信 微博",
            "大 中 小",
            "中",
            "政务新媒体：微信、微博、抖音",
            "来源：海门区委政法委 发布时间：2021-05-20 近年来，海门区委区政府聚焦高质量发展主题。",
            "央视网消息（新闻联播）：",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
