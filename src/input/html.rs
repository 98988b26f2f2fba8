//! HTML pages (`.html`, `.htm`): the text of the article body, read with html5gum's
//! tokenizer, each piece mapped back to the bytes of the page it came from.
//!
//! - Block elements (`p`, `div`, `li`, `td`, `h1`…, `blockquote`, `section`…) end a
//!   paragraph, and so does `<br>`: Chinese government pages often separate paragraphs with
//!   `<br>` alone (`　　第一段。<br>　　第二段。`), so each line of the rendered page is a
//!   paragraph, as in plain text. `h1`–`h6`, and short lines without a sentence stop (the
//!   `<p><strong>一、总体要求</strong></p>` of a CMS editor), are headings.
//! - Inline elements (`span`, `a`, `strong`, `font`…) are part of the text. A line break in
//!   the source is a soft break: nothing between Chinese words, a space between Latin ones.
//! - Character references are decoded; decoded text maps to its whole reference, so a finding
//!   on `&ldquo;` points at the `&`, and no fix edits a reference.
//! - Never read: `script`, `style`, `noscript`, `template`, `title`, form controls, embedded
//!   content (`iframe`, `svg`, `math`…), code (`pre`, `xmp`; inline `code`, `kbd`, `samp`
//!   stand in the text as a placeholder, like Markdown's inline code), hidden elements
//!   (`hidden`, `display:none`, and what the page's own `<style>` rules hide: `style`),
//!   comments, and the page's own chrome: the `nav`, `header`, `footer` and `aside`
//!   landmarks (and their ARIA roles), and the template's lines in elements of their own
//!   (a byline in `div.info`, `(责编：…)` in `div.edit`: `hide_template_lines`).
//! - The article body: a page that shows where it is is read only there, with its headline
//!   (`paragraphs`): the content containers of the CMSs Chinese government sites run on
//!   (`CONTAINERS`: TRS, 开普云 UCAP, 大汉 Hanweb, Easysite, NFCMS, WeChat…), else the text
//!   between Hanweb's `ZJEG_RSS` markers, else the element densest in sentences (`densest`),
//!   else `<article>`, then `<main>` (or `role="main"`). Breadcrumbs, bylines, toolbars
//!   (`打印本页 关闭窗口`), share bars, QR codes and footers around it are the page, not text
//!   pasted into the article, and are not linted; other chrome pasted inside the body still is.
//!   A copy of the body elsewhere on the page is one article (`without_copies`).
//!
//! The tokenizer is not a tree builder: end tags close the nearest open element of their name
//! and stray ones are ignored, so malformed pages (unclosed tags, stray `</div>`, `<` in text,
//! a truncated file) still give their text.

use crate::document::{CODE_PLACEHOLDER, Paragraph, TextBuilder};
use crate::input::plain::looks_like_heading;
use crate::text::{is_chinese, is_space};
use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, Tokenizer};
use std::convert::Infallible;
use std::ops::Range;

mod style;

/// The paragraphs of an HTML page: its headline and article body when the page shows
/// where they are, else the whole page; and the page's comments (spans and texts), where
/// suppression directives are written.
pub(crate) fn paragraphs(text: &str) -> (Vec<Paragraph>, Vec<(Range<usize>, String)>) {
    let tokens = tokenize(text);
    let comments = comments(text, &tokens);
    (article(text, tokens), comments)
}

fn article(text: &str, mut tokens: Vec<Token>) -> Vec<Paragraph> {
    style::hidden_by_stylesheets(&mut tokens);
    hide_template_lines(&mut tokens);
    let elements = elements(&tokens);
    let Some(body) = body(text, &tokens, &elements) else {
        return without_copies(read(&tokens), &tokens, &elements);
    };
    let first = body.first().map_or(0, |r| r.start);
    let mut out = headline(&tokens, &elements, first);
    let mut read_body = Vec::new();
    for range in body {
        read_body.extend(read(&tokens[range]));
    }
    out.extend(without_copies(read_body, &tokens, &elements));
    out
}

/// The page's paragraphs as the rules read them, with whether each is a heading: for a page
/// inside another document (a Word file's `w:altChunk`, a `.doc` that is a web page), whose
/// paragraphs become lines of that document's text.
pub fn paragraph_texts(text: &str) -> Vec<(String, bool)> {
    article(text, tokenize(text))
        .into_iter()
        .map(|p| (p.text.replace(['\n', '\r'], " "), p.is_heading))
        .collect()
}

/// Marks the elements that hold a line of the page's template: an element named as the
/// template's (a class or id holding `info`, `source`, `editor`, `share`, `crumb`, `pages`…)
/// all of whose lines are a byline, a breadcrumb, an editor's credit, a toolbar or a link to
/// the next article (`TEMPLATE_LABELS`, `TOOLBAR`). Templates put them inside `<article>`, in
/// the content container or in the element the body search finds; a line pasted into the
/// article as a paragraph of its own, without such an element, is still linted.
fn hide_template_lines(tokens: &mut [Token]) {
    let found = elements(tokens);
    let mut inside = vec![false; found.len()];
    let mut hide = Vec::new();
    for (i, element) in found.iter().enumerate() {
        if element.hidden || element.parent.is_some_and(|p| inside[p]) {
            inside[i] = element.parent.is_some_and(|p| inside[p]);
            continue;
        }
        // Template lines are short: a long element is not read again for them.
        let Token::Start(tag) = &tokens[element.start] else {
            continue;
        };
        // A known container is the article, whatever its lines.
        if element.end - element.start > 400
            || !tag.is_template()
            || element.scope == Some(Scope::Container)
        {
            continue;
        }
        let lines = read(&tokens[element.start..element.end]);
        if !lines.is_empty() && lines.iter().all(|p| is_template_line(&p.text)) {
            inside[i] = true;
            hide.push(element.start);
        }
    }
    for start in hide {
        if let Token::Start(tag) = &mut tokens[start] {
            tag.hide = true;
        }
    }
}

/// Labels of the lines a template writes around an article, each followed by a colon:
/// breadcrumbs, bylines, counters, credits, links to the previous and next article.
const TEMPLATE_LABELS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "您当前的位置",
    "所在位置",
    "来源",
    "作者",
    "发布时间",
    "发布日期",
    "发文日期",
    "更新时间",
    "日期",
    "时间",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "点击数",
    "点击量",
    "浏览量",
    "阅读量",
    "字体",
    "字号",
    "分享到",
    "上一篇",
    "下一篇",
    "责编",
    "责任编辑",
    "编辑",
    "审核",
    "校对",
    "签发",
    "供稿",
    "撰稿",
    "摄影",
];

/// The words of a template's toolbar, longest first.
const TOOLBAR: &[&str] = &[
    "打印本页",
    "打印文章",
    "关闭窗口",
    "加入收藏",
    "返回顶部",
    "我要纠错",
    "QQ空间",
    "分享到",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "纠错",
    "字体",
    "字号",
    "默认",
    "微信",
    "微博",
    "顶部",
    "大",
    "中",
    "小",
];

/// A line a template writes: short, and a labelled line (`来源：`, `(责编：…)`) or only
/// toolbar words (`【打印】【关闭】`, `字体：[ 大 中 小 ]`).
fn is_template_line(text: &str) -> bool {
    let text = text.trim_matches(is_space);
    if text.is_empty() || text.chars().count() > 120 {
        return false;
    }
    let labelled = TEMPLATE_LABELS.iter().any(|label| {
        text.match_indices(label).any(|(at, _)| {
            text[at + label.len()..]
                .trim_start_matches(is_space)
                .starts_with([':', '：'])
        })
    });
    if labelled {
        return true;
    }
    let mut rest: String = text
        .chars()
        .filter(|c| !is_space(*c) && !"【】[]（）()|｜/·•:：".contains(*c))
        .collect();
    while !rest.is_empty() {
        let Some(word) = TOOLBAR.iter().find(|w| rest.starts_with(**w)) else {
            return false;
        };
        rest.drain(..word.len());
    }
    true
}

/// Elements that may hold a copy of the article, next to the first.
const COPY_HOLDERS: &[&[u8]] = &[
    b"div", b"section", b"article", b"main", b"center", b"table", b"tbody", b"ul", b"ol", b"dl",
    b"form", b"span", b"font",
];

/// How many paragraph comparisons the search for copies may make on one page.
const COPY_BUDGET: usize = 2_000_000;

/// The paragraphs read, less each element that repeats, paragraph for paragraph, a run of
/// two or more paragraphs read before it: a page that carries its article twice (a 长者, mobile
/// or print copy, outside any known container) holds one article. A paragraph pasted twice
/// is not an element of its own repeating a run, and is still read twice.
fn without_copies(
    paragraphs: Vec<Paragraph>,
    tokens: &[Token],
    elements: &[Element],
) -> Vec<Paragraph> {
    let starts: Vec<usize> = paragraphs
        .iter()
        .map(|p| p.source_range(0..p.text.len()).start)
        .collect();
    if paragraphs.len() < 4 || !starts.is_sorted() {
        return paragraphs;
    }
    let mut seen: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, p) in paragraphs.iter().enumerate() {
        seen.entry(p.text.as_str()).or_default().push(i);
    }
    let mut copy = vec![false; paragraphs.len()];
    let mut copied_until = 0;
    let mut budget = COPY_BUDGET;
    for element in elements {
        if element.hidden || !COPY_HOLDERS.contains(&element.name.as_slice()) {
            continue;
        }
        let Token::Start(tag) = &tokens[element.start] else {
            continue;
        };
        let from = tag.span.start;
        let to = tokens[..element.end].last().map_or(from, token_end);
        if from < copied_until {
            continue;
        }
        let i = starts.partition_point(|&s| s < from);
        let j = starts.partition_point(|&s| s < to);
        let n = j - i;
        if n < 2 {
            continue;
        }
        let earlier = seen
            .get(paragraphs[i].text.as_str())
            .into_iter()
            .flatten()
            .take_while(|&&s| s + n <= i)
            .take(16);
        let mut found = false;
        for &s in earlier {
            let same = (0..n).all(|d| {
                budget = budget.saturating_sub(1);
                !copy[s + d] && paragraphs[s + d].text == paragraphs[i + d].text
            });
            if same {
                found = true;
                break;
            }
            if budget == 0 {
                break;
            }
        }
        if budget == 0 {
            break;
        }
        if found {
            copy[i..j].fill(true);
            copied_until = to;
        }
    }
    paragraphs
        .into_iter()
        .zip(copy)
        .filter_map(|(p, copy)| (!copy).then_some(p))
        .collect()
}

fn token_end(token: &Token) -> usize {
    match token {
        Token::Text { source, .. } => source.end,
        Token::Start(tag) => tag.span.end,
        Token::End { span, .. } | Token::Comment(span) => span.end,
    }
}

/// The token ranges of the article body, in the order of the page: the known containers of
/// the CMSs, else the text between Hanweb's `ZJEG_RSS` markers, else the element where the
/// page's sentences are densest, else `<article>` or `<main>`.
fn body(text: &str, tokens: &[Token], elements: &[Element]) -> Option<Vec<Range<usize>>> {
    if let Some(found) = marked(tokens, elements, Scope::Container) {
        return Some(found);
    }
    if let Some(found) = markers(text, tokens).filter(|r| !read(&tokens[r.clone()]).is_empty()) {
        return Some(vec![found]);
    }
    if let Some(found) = densest(tokens, elements) {
        return Some(vec![found]);
    }
    [Scope::Article, Scope::Main]
        .into_iter()
        .find_map(|scope| marked(tokens, elements, scope))
}

/// The outermost visible elements of `scope` that hold text, each copy of the same text once.
fn marked(tokens: &[Token], elements: &[Element], scope: Scope) -> Option<Vec<Range<usize>>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut texts: Vec<Vec<String>> = Vec::new();
    for (i, element) in elements.iter().enumerate() {
        if element.scope != Some(scope)
            || element.hidden
            || ancestors(elements, i).any(|a| elements[a].scope == Some(scope))
        {
            continue;
        }
        let range = element.start..element.end;
        let found: Vec<String> = read(&tokens[range.clone()])
            .into_iter()
            .map(|p| p.text)
            .collect();
        // A page that carries the article twice (a 长者 or mobile copy a stylesheet hides)
        // holds one article, not a duplicate of every paragraph. The copies may differ in a
        // line (an edit made to one of them; a copy without the first lines): a container
        // four fifths of whose paragraphs were read already is a copy, not read again.
        let again = found
            .iter()
            .filter(|p| texts.iter().any(|earlier| earlier.contains(p)))
            .count();
        let copy = !found.is_empty() && again * 5 >= found.len() * 4;
        if copy || (found.is_empty() && !ranges.is_empty()) {
            continue;
        }
        // A known container without text is an article without text (an image, a video),
        // not a sign that the article is elsewhere: it stands, and only the headline is read.
        if found.is_empty() && scope != Scope::Container {
            continue;
        }
        texts.push(found);
        ranges.push(range);
    }
    (!ranges.is_empty()).then_some(ranges)
}

/// The headline above the article body: the last text before it that is the page's declared
/// title (`<meta name="ArticleTitle">`, its date or counter after it allowed), else its last
/// `<h1>` (or WeChat's `#activity-name`). Both sit in the template, outside the body's
/// container, yet a fault in them is the article's.
fn headline(tokens: &[Token], elements: &[Element], before: usize) -> Vec<Paragraph> {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !is_space(*c)).collect() };
    let declared = tokens[..before].iter().find_map(|t| match t {
        Token::Start(tag)
            if tag.name == b"meta"
                && tag
                    .attributes
                    .name
                    .trim()
                    .eq_ignore_ascii_case("articletitle") =>
        {
            Some(squeeze(&tag.attributes.content))
        }
        _ => None,
    });
    if let Some(title) = declared.filter(|t| t.chars().count() >= 4) {
        let mut before_body = read(&tokens[..before]);
        if let Some(at) = before_body.iter().rposition(|p| {
            let text = squeeze(&p.text);
            text.starts_with(&title) && text.len() - title.len() <= 20
        }) {
            let mut found = before_body.swap_remove(at);
            found.is_heading = true;
            return vec![found];
        }
    }
    let h1 = elements.iter().rev().find(|e| {
        e.end <= before
            && !e.hidden
            && matches!(&tokens[e.start], Token::Start(tag)
                if tag.name == b"h1" || tag.attributes.id.trim() == "activity-name")
    });
    let mut found = h1
        .map(|e| read(&tokens[e.start..e.end]))
        .unwrap_or_default();
    for p in &mut found {
        p.is_heading = true;
    }
    found
}

/// The text between the `<!--ZJEG_RSS.content.begin-->` and `…end-->` comments with which
/// 大汉 Hanweb's jcms marks the article for its feeds.
fn markers(text: &str, tokens: &[Token]) -> Option<Range<usize>> {
    let comment = |token: &Token, what: &str| {
        matches!(token, Token::Comment(span)
            if text.get(span.clone()).is_some_and(|c| c.contains(what)))
    };
    let begin = tokens
        .iter()
        .position(|t| comment(t, "ZJEG_RSS.content.begin"))?;
    let end = tokens[begin..]
        .iter()
        .position(|t| comment(t, "ZJEG_RSS.content.end"))?;
    Some(begin + 1..begin + end)
}

/// The byte spans of the page's comments (`<!--` to `-->`), for suppression directives.
/// Only real comments: `<!--` in a script, a style or a title is text.
fn comments(text: &str, tokens: &[Token]) -> Vec<(Range<usize>, String)> {
    tokens
        .iter()
        .filter_map(|token| match token {
            Token::Comment(span) => text.get(span.clone()).map(|c| (span.clone(), c)),
            _ => None,
        })
        .filter(|(_, c)| c.len() >= 7 && c.starts_with("<!--") && c.ends_with("-->"))
        .map(|(span, c)| (span, c.to_string()))
        .collect()
}

/// What marks the article body, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Container,
    Article,
    Main,
}

/// Class names and ids of the article body in the CMSs of Chinese government sites, compared
/// without case: TRS WCM's `TRS_Editor` and TRS 拓尔思's `TRS_UEDITOR`/`trs_editor_view`;
/// `UCAP-CONTENT` and `pages_content` of www.gov.cn and the provincial sites built like it
/// (开普云), and Sichuan's `cmsArticleContent`; 大汉 Hanweb's `j-fontContent` (its `#zoom`
/// is an id only, below); WeChat's `js_content`; Shanghai's `ivs_content`; Easysite's
/// `easysite-news-text`; NFCMS's `content_article` and `zoomcon` (Guangdong); the
/// `wenzhang-content` of NFRA's (国家金融监督管理总局) site.
const CONTAINERS: &[&str] = &[
    "trs_editor",
    "trs_ueditor",
    "trs_editor_view",
    "ucap-content",
    "pages_content",
    "cmsarticlecontent",
    "j-fontcontent",
    "js_content",
    "ivs_content",
    "easysite-news-text",
    "content_article",
    "zoomcon",
    "wenzhang-content",
];

/// Ids only: as a class, `zoom` is a CSS utility of many templates.
const CONTAINER_IDS: &[&str] = &["zoom"];

#[derive(Debug, Default)]
struct Attributes {
    class: String,
    id: String,
    role: String,
    style: String,
    hidden: bool,
    /// `name` and `content`, read for `<meta name="ArticleTitle" content="…">`.
    name: String,
    content: String,
    /// A `<style>`'s media: a print stylesheet does not hide what the screen shows.
    media: String,
}

#[derive(Debug)]
struct StartTag {
    name: Vec<u8>,
    attributes: Attributes,
    span: Range<usize>,
    self_closing: bool,
    /// Not shown, as found once the whole page is read: hidden by the page's own
    /// stylesheet, or a line of the template in its own element (`hidden_by_stylesheets`,
    /// `hide_template_lines`).
    hide: bool,
}

impl StartTag {
    fn scope(&self) -> Option<Scope> {
        let a = &self.attributes;
        let container = |word: &str| CONTAINERS.iter().any(|c| word.eq_ignore_ascii_case(c));
        let id = a.id.trim();
        if container(id)
            || CONTAINER_IDS.iter().any(|c| id.eq_ignore_ascii_case(c))
            || a.class.split_ascii_whitespace().any(container)
        {
            Some(Scope::Container)
        } else if self.name == b"article" {
            Some(Scope::Article)
        } else if self.name == b"main" || a.role.trim().eq_ignore_ascii_case("main") {
            Some(Scope::Main)
        } else {
            None
        }
    }

    /// A class or id naming the template's navigation, header, footer or sidebar
    /// (`nav`, `nav-panel`, `header_top`, `footer`…): drop-down menus are often hidden by an
    /// external stylesheet, which govlint does not see, and hold paragraphs of their own.
    fn is_chrome(&self) -> bool {
        let a = &self.attributes;
        let chrome = |word: &str| {
            let word = word.to_ascii_lowercase();
            CHROME.iter().any(|c| {
                word.strip_prefix(c)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_']))
            })
        };
        chrome(a.id.trim()) || a.class.split_ascii_whitespace().any(chrome)
    }

    /// A class or id naming a part of the template that may hold its lines (a byline, a
    /// breadcrumb, an editor's credit, a share bar, links to the next article).
    fn is_template(&self) -> bool {
        let a = &self.attributes;
        let template = |word: &str| {
            let word = word.to_ascii_lowercase();
            TEMPLATE_NAMES.iter().any(|t| word.contains(t))
        };
        template(a.id.trim()) || a.class.split_ascii_whitespace().any(template)
    }

    /// Elements whose content is never read. WeChat serves its article's container with
    /// `visibility:hidden`, a loading state that the page's script lifts: a known container
    /// hidden that way is read.
    fn is_skipped(&self) -> bool {
        let lifted = self.scope() == Some(Scope::Container);
        let a = &self.attributes;
        let style: String = a
            .style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let role = a.role.trim().to_ascii_lowercase();
        let widget = |word: &str| {
            let word = word.to_ascii_lowercase();
            WIDGETS.iter().any(|w| word.contains(w))
        };
        SKIPPED.contains(&self.name.as_slice())
            || self.hide
            || a.hidden
            || widget(a.id.trim())
            || a.class.split_ascii_whitespace().any(widget)
            || style.contains("display:none")
            || (style.contains("visibility:hidden") && !lifted)
            || matches!(
                role.as_str(),
                "navigation" | "banner" | "contentinfo" | "complementary" | "search"
            )
    }
}

#[derive(Debug)]
enum Token {
    /// Text of the page: what the tokenizer emitted and the bytes it stands for; `exact` when
    /// it is those bytes.
    Text {
        text: String,
        source: Range<usize>,
        exact: bool,
    },
    Start(StartTag),
    End {
        name: Vec<u8>,
        span: Range<usize>,
    },
    Comment(Range<usize>),
}

const SKIPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"title",
    b"textarea",
    b"select",
    b"option",
    b"button",
    b"datalist",
    b"iframe",
    b"object",
    b"canvas",
    b"audio",
    b"video",
    b"svg",
    b"math",
    b"pre",
    b"xmp",
    b"plaintext",
    b"listing",
    b"noembed",
    b"noframes",
    b"nav",
    b"header",
    b"footer",
    b"aside",
];

/// Class names and ids (or their first part, before `-` or `_`) of the template's chrome.
const CHROME: &[&str] = &[
    "nav",
    "header",
    "footer",
    "breadcrumb",
    "crumb",
    "sidebar",
    "topbar",
];

/// Parts of the class names and ids of the template's elements that hold its lines.
const TEMPLATE_NAMES: &[&str] = &[
    "crumb", "position", "location", "share", "info", "source", "edit", "author", "page", "print",
    "byline", "date", "time", "tool", "font", "meta", "laiyuan", "zuozhe", "bianji",
];

/// Lines only a page template writes: the caption of the page's QR code, the label of its
/// list of related articles (both of which templates put inside the article's container).
const TEMPLATE_LINES: &[&str] = &["扫一扫在手机打开当前页", "相关文章:", "相关文章："];

/// Class names and ids (parts of them) of the widgets templates put beside or inside the
/// article: share bars and QR codes.
const WIDGETS: &[&str] = &["share", "qrcode", "erweima", "wzewm"];

/// Inline code: stands in the text as a placeholder.
const CODE: &[&[u8]] = &[b"code", b"kbd", b"samp"];

const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr", b"keygen",
];

const BLOCKS: &[&[u8]] = &[
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"dir",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"p",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
    b"ul",
];

fn is_heading_tag(name: &[u8]) -> bool {
    matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
}

/// The page as tokens with byte spans. A BOM is not text.
fn tokenize(text: &str) -> Vec<Token> {
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut collector = Collector {
        source: text,
        tokens: Vec::new(),
        last_end: bom,
        carry: Vec::new(),
        tag: None,
        attribute: Vec::new(),
    };
    let mut inner = CallbackEmitter::new(Sink(&mut collector));
    // Raw text elements (`script`, `style`, `title`…) switch the tokenizer's state, so that
    // a `<` in a script is no tag.
    inner.naively_switch_states(true);
    inner.move_position(bom as isize);
    let recorder = Recorder {
        inner,
        position: bom,
    };
    let tokenizer = Tokenizer::new_with_emitter(&text[bom..], recorder);
    if let Err(never) = tokenizer.finish() {
        match never {}
    }
    collector.tokens
}

/// What the tokenizer reports, gathered into tokens.
struct Collector<'a> {
    source: &'a str,
    tokens: Vec<Token>,
    /// Where the last token ended: text emitted after it that is not the bytes just before
    /// the reader's position (a decoded reference) stands for everything since.
    last_end: usize,
    /// Bytes of a character cut between two emitted strings.
    carry: Vec<u8>,
    /// The start tag being read: name, start and attributes.
    tag: Option<(Vec<u8>, usize, Attributes)>,
    attribute: Vec<u8>,
}

impl Collector<'_> {
    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Text the tokenizer emitted, the reader being at `end`.
    fn text(&mut self, bytes: &[u8], end: usize) {
        let text = if self.carry.is_empty() {
            match std::str::from_utf8(bytes) {
                Ok(text) => text.to_string(),
                Err(_) => {
                    self.carry.extend_from_slice(bytes);
                    return self.text(&[], end);
                }
            }
        } else {
            self.carry.extend_from_slice(bytes);
            match std::str::from_utf8(&self.carry) {
                Ok(text) => text.to_string(),
                // The rest of the character is still to come.
                Err(e) if e.error_len().is_none() => return,
                Err(_) => String::from_utf8_lossy(&self.carry).into_owned(),
            }
        };
        self.carry.clear();
        if text.is_empty() {
            return;
        }
        let end = self.boundary(end);
        let floor = self.last_end.min(end);
        // The text is the source's bytes when they end at the reader's position and no
        // character reference (`&`) lies between them and the previous token.
        let start = end.checked_sub(text.len());
        let exact = start.is_some_and(|start| {
            start >= floor
                && self.source.get(start..end) == Some(text.as_str())
                && self
                    .source
                    .get(floor..start)
                    .is_some_and(|gap| !gap.contains('&'))
        });
        let source = match start {
            Some(start) if exact => start..end,
            _ => floor..end,
        };
        self.last_end = end;
        // The tokenizer emits text piece by piece (each `<` that opens no tag alone): pieces
        // that continue the text before them join it, or a page of a million `<` would be a
        // million tokens and strings (200 bytes of memory for each byte of the page).
        if exact
            && let Some(Token::Text {
                text: previous,
                source: before,
                exact: true,
            }) = self.tokens.last_mut()
            && before.end == source.start
        {
            previous.push_str(&text);
            before.end = source.end;
            return;
        }
        self.tokens.push(Token::Text {
            text,
            source,
            exact,
        });
    }

    fn ended(&mut self, end: usize) {
        self.last_end = self.boundary(end).max(self.last_end);
    }
}

struct Sink<'c, 'a>(&'c mut Collector<'a>);

impl Callback<Infallible, usize> for Sink<'_, '_> {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Infallible> {
        let c = &mut *self.0;
        let lower = |name: &[u8]| name.to_ascii_lowercase();
        match event {
            CallbackEvent::OpenStartTag { name } => {
                c.tag = Some((lower(name), span.start, Attributes::default()));
                c.attribute.clear();
            }
            CallbackEvent::AttributeName { name } => {
                c.attribute = lower(name);
                if let Some((_, _, attributes)) = c.tag.as_mut()
                    && c.attribute == b"hidden"
                {
                    attributes.hidden = true;
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if let Some((_, _, attributes)) = c.tag.as_mut() {
                    let value = String::from_utf8_lossy(value);
                    let field = match c.attribute.as_slice() {
                        b"class" => Some(&mut attributes.class),
                        b"id" => Some(&mut attributes.id),
                        b"role" => Some(&mut attributes.role),
                        b"style" => Some(&mut attributes.style),
                        b"name" => Some(&mut attributes.name),
                        b"content" => Some(&mut attributes.content),
                        b"media" => Some(&mut attributes.media),
                        _ => None,
                    };
                    if let Some(field) = field {
                        field.push_str(&value);
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some((name, start, attributes)) = c.tag.take() {
                    let end = c.boundary(span.end);
                    c.tokens.push(Token::Start(StartTag {
                        name,
                        attributes,
                        span: c.boundary(start).min(end)..end,
                        self_closing,
                        hide: false,
                    }));
                }
                c.ended(span.end);
            }
            CallbackEvent::EndTag { name } => {
                let end = c.boundary(span.end);
                c.tokens.push(Token::End {
                    name: lower(name),
                    span: c.boundary(span.start).min(end)..end,
                });
                c.ended(span.end);
            }
            CallbackEvent::Comment { .. } => {
                let end = c.boundary(span.end);
                c.tokens
                    .push(Token::Comment(c.boundary(span.start).min(end)..end));
                c.ended(span.end);
            }
            CallbackEvent::Doctype { .. } => c.ended(span.end),
            CallbackEvent::String { .. } | CallbackEvent::Error(_) => {}
        }
        None
    }
}

/// Forwards to the callback emitter, but takes the text itself, with the reader's position
/// at each piece, to tell text copied from the page from decoded references.
struct Recorder<'c, 'a> {
    inner: CallbackEmitter<Sink<'c, 'a>, Infallible, usize>,
    position: usize,
}

impl ForwardingEmitter for Recorder<'_, '_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    fn move_position(&mut self, offset: isize) {
        self.position = self.position.saturating_add_signed(offset);
        self.inner.move_position(offset);
    }

    fn emit_string(&mut self, s: &[u8]) {
        let position = self.position;
        self.inner.callback_mut().0.text(s, position);
    }
}

/// An element of the page and where it sits.
struct Element {
    name: Vec<u8>,
    /// Its tokens: from its start tag to after its end tag (or to the end of the page).
    start: usize,
    end: usize,
    parent: Option<usize>,
    scope: Option<Scope>,
    /// Never read: skipped, or inside a skipped element.
    hidden: bool,
    /// Named as the template's navigation, header or footer (`class="nav-panel"`): its text
    /// is not weighed in the search for the body.
    chrome: bool,
}

/// The page's elements, in the order their start tags come, an end tag closing the nearest
/// open element of its name as `read` does.
fn elements(tokens: &[Token]) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Start(tag) => {
                let name = tag.name.as_slice();
                if VOID.contains(&name) || tag.self_closing || open.len() >= MAX_DEPTH {
                    continue;
                }
                let parent = open.last().copied();
                out.push(Element {
                    name: tag.name.clone(),
                    start: i,
                    end: tokens.len(),
                    parent,
                    scope: tag.scope(),
                    hidden: tag.is_skipped() || parent.is_some_and(|p| out[p].hidden),
                    chrome: tag.is_chrome() || parent.is_some_and(|p| out[p].chrome),
                });
                open.push(out.len() - 1);
            }
            Token::End { name, .. } => {
                if let Some(index) = open.iter().rposition(|&e| out[e].name == *name) {
                    for e in open.drain(index..) {
                        out[e].end = i + 1;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn ancestors(elements: &[Element], i: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(elements[i].parent, |&p| elements[p].parent)
}

/// Elements a paragraph of text is; their parent holds the article.
const PARAGRAPH_LIKE: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"dd",
    b"dt",
    b"blockquote",
];

/// The visible text read since the last block boundary, as the body search counts it.
#[derive(Default)]
struct Counted {
    chars: usize,
    links: usize,
    stops: usize,
}

/// The element that holds the page's sentences, for a page whose template is not known:
/// scored as Readability does (mozilla/readability, which Firefox's reader view runs). Each
/// run of text of 20 characters or more, most of it not links, scores 1, one more for each
/// Chinese comma or stop in it and up to 3 for its length; the score goes to the element
/// holding the run (the parent of a `<p>`), half of it to that element's parent. An
/// element's score is then lowered by its share of link text (menus, related-article
/// lists). The best element must score 10 or more: a page of a few lines is read whole.
///
/// Not a crate: `dom_smoothie`, the maintained Rust port of readability.js, parses the page
/// again into its own DOM (dom_query over html5ever) and returns the article as new HTML or
/// text, where govlint needs the byte in the page of every character it reports; this pass
/// scores the tokens already read, in a hundred lines.
fn densest(tokens: &[Token], elements: &[Element]) -> Option<Range<usize>> {
    let mut by_start = vec![usize::MAX; tokens.len()];
    for (e, element) in elements.iter().enumerate() {
        by_start[element.start] = e;
    }
    let mut score = vec![0f64; elements.len()];
    let mut chars = vec![0usize; elements.len()];
    let mut links = vec![0usize; elements.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut run = Counted::default();
    let mut flush = |run: &mut Counted, open: &[usize]| {
        let counted = std::mem::take(run);
        if counted.chars == 0 {
            return;
        }
        for &e in open {
            chars[e] += counted.chars;
            links[e] += counted.links;
        }
        if counted.chars < 20 || counted.links * 2 >= counted.chars {
            return;
        }
        let points = 1.0 + counted.stops as f64 + (counted.chars as f64 / 100.0).min(3.0);
        let mut blocks = open
            .iter()
            .rev()
            .copied()
            .filter(|&e| BLOCKS.contains(&elements[e].name.as_slice()));
        let Some(mut node) = blocks.next() else {
            return;
        };
        if PARAGRAPH_LIKE.contains(&elements[node].name.as_slice()) {
            match blocks.next() {
                Some(parent) => node = parent,
                None => return,
            }
        }
        score[node] += points;
        if let Some(parent) = blocks.next() {
            score[parent] += points / 2.0;
        }
    };
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Start(tag) => {
                if BLOCKS.contains(&tag.name.as_slice()) {
                    flush(&mut run, &open);
                }
                if let Some(&e) = by_start.get(i).filter(|&&e| e != usize::MAX) {
                    open.push(e);
                }
            }
            Token::End { name, .. } => {
                if BLOCKS.contains(&name.as_slice()) {
                    flush(&mut run, &open);
                }
                if let Some(index) = open.iter().rposition(|&e| elements[e].name == *name) {
                    open.truncate(index);
                }
            }
            Token::Text { text, .. } => {
                if open
                    .last()
                    .is_some_and(|&e| elements[e].hidden || elements[e].chrome)
                {
                    continue;
                }
                let n = text.chars().filter(|c| !is_space(*c)).count();
                run.chars += n;
                if open.iter().any(|&e| elements[e].name == b"a") {
                    run.links += n;
                }
                run.stops += text
                    .chars()
                    .filter(|c| matches!(c, '，' | '。' | '；' | '、' | '！' | '？' | '：'))
                    .count();
            }
            Token::Comment(_) => {}
        }
    }
    flush(&mut run, &open);
    let (best, best_score) = (0..elements.len())
        .filter(|&e| !elements[e].hidden && !elements[e].chrome && chars[e] > 0)
        .map(|e| {
            let density = links[e] as f64 / chars[e] as f64;
            (e, score[e] * (1.0 - density))
        })
        // A tie is a copy of the body (a 长者 or mobile copy): the first one is the body.
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (best_score >= 10.0).then(|| elements[best].start..elements[best].end)
}

/// An element open where the text is read.
struct Open {
    name: Vec<u8>,
    skip: bool,
    heading: bool,
    /// Inline code: where it starts, to put a placeholder for it when it ends.
    code: Option<usize>,
}

/// How deeply nested elements are tracked (browsers stop nesting at about 512 too).
const MAX_DEPTH: usize = 512;

/// Reads the paragraphs from the tokens (the whole page, or the tokens of an element).
fn read(tokens: &[Token]) -> Vec<Paragraph> {
    let mut reader = Reader::default();
    let mut open: Vec<Open> = Vec::new();
    let (mut skipped, mut headings) = (0usize, 0usize);
    for token in tokens {
        match token {
            Token::Text {
                text,
                source,
                exact,
            } => {
                if skipped == 0 {
                    reader.text(text, source.clone(), *exact);
                }
            }
            Token::Start(tag) => {
                let name = tag.name.as_slice();
                if BLOCKS.contains(&name) {
                    reader.flush(headings > 0);
                }
                // Past a depth no article reaches, elements are not tracked: the search for the
                // element an end tag closes stays short on a page of a million unclosed tags.
                if VOID.contains(&name) || tag.self_closing || open.len() >= MAX_DEPTH {
                    continue;
                }
                let code = CODE.contains(&name);
                let element = Open {
                    name: tag.name.clone(),
                    skip: tag.is_skipped() || code,
                    heading: is_heading_tag(name),
                    code: (code && skipped == 0).then_some(tag.span.start),
                };
                skipped += usize::from(element.skip);
                headings += usize::from(element.heading);
                reader.cells += usize::from(matches!(name, b"td" | b"th"));
                reader.tables += usize::from(name == b"table");
                open.push(element);
            }
            Token::End { name, span } => {
                if BLOCKS.contains(&name.as_slice()) {
                    reader.flush(headings > 0);
                }
                let Some(index) = open.iter().rposition(|e| e.name == *name) else {
                    continue;
                };
                for element in open.drain(index..).rev() {
                    skipped -= usize::from(element.skip);
                    headings -= usize::from(element.heading);
                    reader.cells -= usize::from(matches!(element.name.as_slice(), b"td" | b"th"));
                    if element.name == b"table" {
                        reader.tables -= 1;
                        if reader.tables == 0 {
                            reader.seen_cells.clear();
                        }
                    }
                    if let Some(start) = element.code {
                        reader.content(
                            CODE_PLACEHOLDER.encode_utf8(&mut [0; 4]),
                            start..span.end,
                            false,
                        );
                    }
                }
            }
            Token::Comment(_) => {}
        }
    }
    reader.flush(headings > 0);
    reader.out
}

/// Builds paragraphs from the text read, line breaks of the source made soft.
#[derive(Default)]
struct Reader {
    builder: TextBuilder,
    out: Vec<Paragraph>,
    /// A line break of the source since the last text, not yet known to need a space.
    line_break: Option<Range<usize>>,
    /// Table cells (`td`, `th`) and tables open.
    cells: usize,
    tables: usize,
    /// The texts of the cells of the table being read.
    seen_cells: rustc_hash::FxHashSet<String>,
}

impl Reader {
    fn text(&mut self, text: &str, source: Range<usize>, exact: bool) {
        if !exact {
            if text.contains('\n') && text.chars().all(is_space) {
                self.soft_break(source);
            } else {
                self.content(text, source, false);
            }
            return;
        }
        // Whitespace runs holding a line break are soft breaks; other text is copied.
        let mut at = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut breaks = matches!(c, '\n' | '\r');
            while let Some(&(j, next)) = chars.peek() {
                if !matches!(next, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                    break;
                }
                breaks |= matches!(next, '\n' | '\r');
                end = j + next.len_utf8();
                chars.next();
            }
            if breaks {
                self.content(&text[at..i], source.start + at..source.start + i, true);
                self.soft_break(source.start + i..source.start + end);
                at = end;
            }
        }
        self.content(&text[at..], source.start + at..source.end, true);
    }

    fn soft_break(&mut self, source: Range<usize>) {
        if !self.builder.text.is_empty() && self.line_break.is_none() {
            self.line_break = Some(source);
        }
    }

    /// Text of the paragraph: a pending line break becomes a space between Latin words.
    fn content(&mut self, text: &str, source: Range<usize>, exact: bool) {
        let Some(first) = text.chars().next() else {
            return;
        };
        if let Some(line_break) = self.line_break.take()
            && let Some(last) = self.builder.text.chars().next_back()
            && !is_chinese(last)
            && !is_chinese(first)
            && !is_space(last)
            && !is_space(first)
        {
            self.builder.push_mapped(" ", line_break);
        }
        if exact {
            self.builder.push(text, source.start);
        } else {
            self.builder.push_mapped(text, source);
        }
    }

    fn flush(&mut self, in_heading: bool) {
        self.line_break = None;
        let heading = in_heading || looks_like_heading(self.builder.text.trim_matches(is_space));
        let before = self.out.len();
        self.builder.flush_into(&mut self.out, heading);
        let Some(last) = self.out.get(before) else {
            return;
        };
        // The caption of the QR code many templates put inside the article's container.
        let template = TEMPLATE_LINES.contains(&last.text.trim_matches(is_space));
        // A cell that repeats another of its table (the unit column of a 公示 list) is the
        // table's layout, not a paragraph pasted twice: it is read once.
        let repeated = self.cells > 0 && !self.seen_cells.insert(last.text.clone());
        if template || repeated {
            self.out.truncate(before);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's paragraphs, without its comments.
    fn paragraphs(html: &str) -> Vec<Paragraph> {
        super::paragraphs(html).0
    }

    fn texts(html: &str) -> Vec<String> {
        paragraphs(html).into_iter().map(|p| p.text).collect()
    }

    /// The source text under `needle` in the paragraph holding it.
    fn mapped<'a>(html: &'a str, needle: &str) -> &'a str {
        let found = paragraphs(html);
        let p = found
            .iter()
            .find(|p| p.text.contains(needle))
            .expect("paragraph");
        let at = p.text.find(needle).expect("needle");
        &html[p.source_range(at..at + needle.len())]
    }

    #[test]
    fn blocks_and_br_end_paragraphs_inline_elements_do_not() {
        let html = "<div>标题</div><p>全区<strong>法治</strong>政府<a href=\"#\">建设</a>。</p>\
                    <ul><li>一</li><li>二</li></ul><table><tr><td>甲</td><td>乙</td></tr></table>\
                    \u{3000}\u{3000}第一段。<br>\u{3000}\u{3000}第二段。<br/>第三段。";
        assert_eq!(
            texts(html),
            [
                "标题",
                "全区法治政府建设。",
                "一",
                "二",
                "甲",
                "乙",
                "第一段。",
                "第二段。",
                "第三段。"
            ]
        );
        assert_eq!(mapped(html, "法治政府"), "法治</strong>政府");
        assert_eq!(mapped(html, "政府"), "政府");
    }

    #[test]
    fn references_are_decoded_and_map_to_the_whole_reference() {
        let html = "<p>他说&ldquo;好&rdquo;&#12290;见&#x3002;A&amp;B&nbsp;C &bogus; &notit;</p>";
        assert_eq!(texts(html), ["他说“好”。见。A&B\u{a0}C &bogus; ¬it;"]);
        assert_eq!(mapped(html, "“"), "&ldquo;");
        assert_eq!(mapped(html, "”。"), "&rdquo;&#12290;");
        assert_eq!(mapped(html, "见。"), "见&#x3002;");
        assert_eq!(mapped(html, "&B"), "&amp;B");
        assert_eq!(mapped(html, "&bogus;"), "&bogus;");
        assert_eq!(mapped(html, "¬"), "&not");
        let p = &paragraphs(html)[0];
        let at = p.text.find('好').expect("好");
        assert_eq!(&html[p.source_range(at..at + 3)], "好");
    }

    #[test]
    fn code_scripts_styles_chrome_and_hidden_text_are_not_read() {
        let html = "<html><head><title>标题,不查</title><style>p{content:\"大奖.\"}</style>\
                    <script>var s = \"a<b 大奖.\";</script></head><body>\
                    <nav>首页 | 新闻</nav><header>当前位置：首页 > 新闻</header>\
                    <p>正文<code>a,b</code>继续。</p><pre>代码,不查</pre>\
                    <span style=\"display: none\">隐藏,</span><noscript>请开启脚本,</noscript>\
                    <template>模板,</template><footer>版权所有</footer><!-- 注释, --></body></html>";
        assert_eq!(texts(html), ["正文\u{FFFC}继续。"]);
        assert_eq!(mapped(html, "\u{FFFC}"), "<code>a,b</code>");
    }

    #[test]
    fn the_article_body_is_read_alone_when_the_page_marks_it() {
        let page = |body: &str| {
            format!(
                "<body><div class=\"position\">当前位置：首页 > 新闻</div>{body}\
                 <div>打印本页 关闭窗口</div></body>"
            )
        };
        let container = page("<div class=\"content TRS_Editor\"><p>正文。</p></div>");
        assert_eq!(texts(&container), ["正文。"]);
        let gov =
            page("<div id=\"UCAP-CONTENT\"><p>正文。</p></div><article><p>别处。</p></article>");
        assert_eq!(texts(&gov), ["正文。"]);
        let article = page("<article><h1>标题</h1><p>正文。</p></article>");
        assert_eq!(texts(&article), ["标题", "正文。"]);
        let main = page("<div role=\"main\"><p>正文。</p></div>");
        assert_eq!(texts(&main), ["正文。"]);
        // A marked element without text does not hide the page; the breadcrumb in an element
        // of its own (`div.position`) is the template's, the toolbar in a bare `<div>` is read.
        let empty = page("<article> </article><p>正文。</p>");
        assert_eq!(texts(&empty), ["正文。", "打印本页 关闭窗口"]);
    }

    #[test]
    fn the_body_of_real_templates_and_its_headline() {
        let sentence = "全区法治政府建设迈上新台阶，群众满意度持续提升，各项工作取得明显成效。";
        // The declared title above the container is its headline, a date after it allowed.
        let declared = format!(
            "<head><meta name=\"ArticleTitle\" content=\"关于 法治建设的通知\"></head><body>\
             <div class=\"crumb\">首页 > 通知</div><div class=\"tit\">关于法治建设的通知 \
             2024-05-11</div><div class=\"view TRS_UEDITOR\"><p>{sentence}</p></div></body>"
        );
        let found = paragraphs(&declared);
        assert_eq!(found.len(), 2);
        assert!(found[0].is_heading && found[0].text.starts_with("关于法治建设的通知"));
        // WeChat's container, hidden until the page's script runs, and its headline.
        let wechat = format!(
            "<h2 id=\"activity-name\">标题</h2><div id=\"js_content\" \
             style=\"visibility: hidden;\"><p>{sentence}</p></div>"
        );
        assert_eq!(texts(&wechat), ["标题", sentence]);
        // A hidden copy of the body (without its first line) is read once.
        let copies = format!(
            "<div class=\"TRS_Editor\"><p>第一行</p><p>{sentence}</p><p>二{sentence}</p></div>\
             <div class=\"old TRS_Editor\"><p>{sentence}</p><p>二{sentence}</p></div>"
        );
        assert_eq!(texts(&copies).len(), 3);
        // Hanweb's feed markers.
        let markers = format!(
            "<div>导航</div><!--ZJEG_RSS.content.begin--><p>{sentence}</p>\
             <!--ZJEG_RSS.content.end--><div>页脚</div>"
        );
        assert_eq!(texts(&markers), [sentence]);
        // No known container: the element dense with sentences, not the link lists.
        let menu =
            "<ul><li><a href=\"#\">首页</a></li><li><a href=\"#\">新闻中心，通知公告</a></li></ul>";
        let dense = format!(
            "<body>{menu}<div class=\"byline\">来源：本站 时间：2024-05-11</div>\
             <div class=\"x\"><p>{sentence}</p><p>{sentence}</p><p>{sentence}</p></div>\
             <div class=\"foot\">版权所有</div></body>"
        );
        assert_eq!(texts(&dense), [sentence, sentence, sentence]);
        // A known container holding only an image: the article has no text to lint.
        let image = "<h1>标题</h1><div class=\"TRS_Editor\"><img src=\"a.png\"></div><p>页脚。</p>";
        assert_eq!(texts(image), ["标题"]);
    }

    /// The page's own `<style>` rules hide a menu by class, a dialog by id and a mobile copy
    /// by element and class; a rule inside `@media`, a print stylesheet, a rule on another
    /// attribute and a class shown again by the element's own `style` do not hide.
    #[test]
    fn what_the_page_stylesheet_hides_is_not_read() {
        let html = "<html><head><style>\n.hide { display: none }\n#dialog{visibility:hidden}\n\
                    div.m-copy{DISPLAY:none !important}\n.menu li ul { display:none }\n\
                    @media (max-width: 600px) { .wide { display: none } }\n\
                    [data-x] { display: none }\n.shown { display: block }\n</style>\
                    <style media=\"print\">.screen-only { display: none }</style></head><body>\
                    <div class=\"top hide\"><a href=\"#\">长者专区,</a></div>\
                    <div id=\"dialog\">您即将离开本站,是否继续？</div>\
                    <ul class=\"menu\"><li>首页<ul><li>机构 概况</li></ul></li></ul>\
                    <p class=\"wide\">正文一。</p><p class=\"screen-only\">正文二。</p>\
                    <p data-x=\"1\">正文三。</p><p class=\"hide\" style=\"display: block\">正文四。</p>\
                    <div class=\"m-copy\"><p>正文一。</p></div>\
                    <p class=\"hide shown\">正文五。</p></body></html>";
        assert_eq!(
            texts(html),
            [
                "首页",
                "正文一。",
                "正文二。",
                "正文三。",
                "正文四。",
                "正文五。"
            ]
        );
        // WeChat's container, hidden by a stylesheet rule until its script runs, is read.
        let wechat = "<style>#js_content{visibility:hidden}</style>\
                      <div id=\"js_content\"><p>正文。</p></div>";
        assert_eq!(texts(wechat), ["正文。"]);
    }

    /// A byline, an editor's credit and links to the next article in elements of their own,
    /// inside `<article>` or the body found: the template's lines, not the article's. The same
    /// line pasted into the article as a paragraph, and sentences in an element named `info`,
    /// are the article's.
    #[test]
    fn template_lines_inside_the_article_are_not_read() {
        let sentence = "全区法治政府建设迈上新台阶，群众满意度持续提升，各项工作取得明显成效。";
        let html = format!(
            "<article><h1>标题</h1><div class=\"article-info\"><span>来源：本站</span> \
             <span>发布时间：2024-05-11</span> <span id=\"views\">浏览次数：100</span></div>\
             <div class=\"tools\">【打印】【关闭】</div><p>{sentence}</p><p>来源：新华社</p>\
             <div class=\"info\">{sentence}</div><div class=\"edit clearfix\">(责编：张三)</div>\
             <div class=\"pages\"><p>上一篇：关于开展检查的通知</p><p>下一篇：无</p></div></article>"
        );
        assert_eq!(texts(&html), ["标题", sentence, "来源：新华社", sentence]);
        assert!(is_template_line("(责编：汤诗瑶、丁涛)"));
        assert!(is_template_line("字体：[ 大 中 小 ]"));
        assert!(!is_template_line("会议时间安排如下。"));
        assert!(!is_template_line("打印机采购"));
    }

    /// The body twice on a page, in elements no known container names (a 长者 copy): one
    /// article. A paragraph pasted twice in the body is still read twice, and so is a run of
    /// paragraphs repeated in the same element.
    #[test]
    fn a_copy_of_the_body_anywhere_is_read_once() {
        let one = "全区法治政府建设迈上新台阶，群众满意度持续提升。";
        let two = "各项工作取得明显成效，为高质量发展提供了坚实保障。";
        let three = "下一步，将继续深化法治建设，推动各项工作再上新台阶。";
        let copies = format!(
            "<body><div class=\"pc\"><p>{one}</p><p>{two}</p><p>{three}</p></div>\
             <div class=\"elder\"><div><p>{one}</p><p>{two}</p><p>{three}</p></div></div></body>"
        );
        assert_eq!(texts(&copies), [one, two, three]);
        let pasted =
            format!("<body><div><p>{one}</p><p>{two}</p><p>{three}</p><p>{one}</p></div></body>");
        assert_eq!(texts(&pasted), [one, two, three, one]);
        let run = format!(
            "<body><div><p>{one}</p><p>{two}</p><p>{three}</p><p>{one}</p><p>{two}</p></div></body>"
        );
        assert_eq!(texts(&run).len(), 5);
    }

    #[test]
    fn headings_and_source_line_breaks() {
        let html = "<h1>关于开展\n  检查的通知</h1>\n<p>Rule of\n   law 是法治，\n  不是人治。</p>";
        let found = paragraphs(html);
        let texts: Vec<&str> = found.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            ["关于开展检查的通知", "Rule of law 是法治，不是人治。"]
        );
        assert!(found[0].is_heading);
        assert!(!found[1].is_heading);
    }

    #[test]
    fn malformed_pages_still_give_their_text() {
        let deep = format!("{}甲{}<p>乙", "<div>".repeat(5_000), "</p>".repeat(5_000));
        for (html, expected) in [
            ("<p>一<p>二</div></span>三", vec!["一", "二", "三"]),
            ("<div><p>未闭合的段落", vec!["未闭合的段落"]),
            ("x < y，甲<乙", vec!["x < y，甲<乙"]),
            ("<p>截断的文件。<a href=\"", vec!["截断的文件。"]),
            ("<p>截断<!-- 注释", vec!["截断"]),
            ("</p></p>正文。<//p>", vec!["正文。"]),
            ("<p>甲</b>乙</p>", vec!["甲乙"]),
            ("", vec![]),
            ("\u{FEFF}<p>甲</p>", vec!["甲"]),
            ("<p>行一\r\n行二</p>", vec!["行一行二"]),
            (deep.as_str(), vec!["甲", "乙"]),
        ] {
            assert_eq!(texts(html), expected, "{html:?}");
        }
    }

    #[test]
    fn comments_are_found_at_their_spans() {
        let html = "<p>甲<!-- a --></p><script>\"<!-- b -->\"</script><!-->\n<!---->";
        let (_, comments) = super::paragraphs(html);
        let spans: Vec<&str> = comments.iter().map(|(s, _)| &html[s.clone()]).collect();
        assert_eq!(spans, ["<!-- a -->", "<!---->"]);
        assert!(
            comments
                .iter()
                .all(|(span, text)| html[span.clone()] == *text)
        );
    }

    #[test]
    fn every_span_is_on_character_boundaries() {
        for html in [
            "中&#x4e2d;文&zwj;&#0;&#xD800;&#99999999;\0<p\0>\0中",
            "<p>中\r\r\n文</p><p a=\"中",
            "<![CDATA[中]]>中<?xml 中?>中</ 中>中<!DOCTYPE 中>中",
            "<script>中</scr中</script>中<style>中",
        ] {
            for p in paragraphs(html) {
                for at in 0..=p.text.len() {
                    if p.text.is_char_boundary(at) {
                        let r = p.source_range(at..p.text.len());
                        assert!(html.get(r).is_some(), "{html:?}");
                    }
                }
            }
        }
    }

    /// A page of 100 000 `<` that open no tag (and `&` that start no reference) is a few
    /// tokens, not one per character: it took 200 bytes of memory per byte of the page.
    #[test]
    fn text_emitted_piece_by_piece_is_one_token() {
        for html in [
            "<".repeat(100_000),
            "&".repeat(100_000),
            "中<".repeat(50_000),
        ] {
            let tokens = tokenize(&html);
            assert!(tokens.len() <= 4, "{} tokens", tokens.len());
            let found = paragraphs(&html);
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].source_range(0..found[0].text.len()), 0..html.len());
        }
    }
}
