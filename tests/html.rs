//! HTML pages (`.html`, `.htm`): the article body is linted, scripts, styles and the page's
//! own chrome are not, character references are decoded, every finding points at the page's
//! source (a decoded reference at the reference itself), suppression comments work, `--fix`
//! edits only text, and malformed or GBK-encoded pages are read like the others.

mod common;
use common::govlint;

use govlint::document::source::Source;
use govlint::document::{Document, Format};
use govlint::linter::{Options, lint_documents};
use proptest::prelude::*;
use proptest::sample::select;
use regex::Regex;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PAGE: &str = "fixtures/html/haimen-page.html";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("fixtures/html").join(name)
}

fn check_json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = govlint(dir, &all);
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

fn diagnostics(json: &Value) -> &Vec<Value> {
    json["diagnostics"].as_array().expect("diagnostics")
}

/// (rule, line, column) of every finding.
fn places(json: &Value) -> Vec<(String, u64, u64)> {
    diagnostics(json)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn place(rule: &str, line: u64, column: u64) -> (String, u64, u64) {
    (rule.to_string(), line, column)
}

/// The source bytes a finding covers.
fn covered<'a>(source: &'a str, diagnostic: &Value) -> &'a str {
    let offset = diagnostic["offset"].as_u64().expect("offset") as usize;
    let length = diagnostic["length"].as_u64().expect("length") as usize;
    &source[offset..offset + length]
}

/// A directory holding one file.
fn page(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join(name), text).expect("written");
    dir
}

/// Tags, comments and character references (those ending with `;`), in order.
fn markup(text: &str) -> Vec<String> {
    let pattern = Regex::new(r"<[A-Za-z/!?][^<>]*>|&(?:[A-Za-z]+|#[0-9]+|#[xX][0-9A-Fa-f]+);")
        .expect("valid pattern");
    pattern
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

#[test]
fn human_output_on_a_government_page() {
    let output = govlint(root(), &["check", PAGE, "--color", "never"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
    insta::assert_snapshot!(String::from_utf8(output.stdout).expect("UTF-8 output"));
}

#[test]
fn findings_point_at_the_page_source() {
    let json = check_json(root(), &[PAGE]);
    let source = std::fs::read_to_string(root().join(PAGE)).expect("fixture");
    assert_eq!(
        places(&json),
        [
            // After `<p style="text-indent: 2em;">近年来` on the same line.
            place("halfwidth-punctuation", 23, 33),
            place("duplicate-paragraph", 26, 4),
            // After `&ldquo;2020&mdash;2021…&rdquo;大奖`: columns count the references' characters.
            place("stray-period", 27, 59),
            place("unbalanced-quote", 28, 23),
            place("unbalanced-quote", 28, 28),
            // Inside a quotation written `&ldquo;…&rdquo;`.
            place("lost-character", 29, 71),
            place("unbalanced-quote", 29, 90),
            place("unbalanced-quote", 29, 102),
            place("page-residue", 32, 48),
        ]
    );
    let found = diagnostics(&json);
    let covered: Vec<&str> = found.iter().map(|d| covered(&source, d)).collect();
    assert_eq!(covered[0], ",");
    assert_eq!(covered[2], ".");
    assert_eq!(covered[5], "?");
    // A decoded `“` is reported at its whole reference, and its fix, which would edit the
    // reference, is dropped; the same fault typed as characters has its fix.
    assert_eq!(covered[6], "&ldquo;");
    assert_eq!(covered[7], "&ldquo;");
    assert!(found[6].get("fix").is_none() && found[7].get("fix").is_none());
    assert_eq!(found[3]["fix"]["safe"], true);
    assert_eq!(covered[8], "打印本页 关闭窗口");
    // The copy is reported where its text starts, after `<p>`, with the first copy related.
    assert_eq!(found[1]["related"][0]["line"], 25);
    assert_eq!(found[1]["related"][0]["column"], 4);
    assert!(
        found[1].get("fix").is_none(),
        "a paragraph sharing its line with markup is not deleted"
    );
}

#[test]
fn scripts_styles_title_and_page_chrome_are_not_linted() {
    let json = check_json(root(), &[PAGE]);
    let source = std::fs::read_to_string(root().join(PAGE)).expect("fixture");
    let line_of =
        |needle: &str| source[..source.find(needle).expect(needle)].lines().count() as u64 + 1;
    let body = line_of("<div class=\"TRS_Editor\">")..line_of("<div class=\"tools\">");
    for (rule, line, _) in places(&json) {
        assert!(
            body.contains(&line),
            "{rule} at line {line}, outside the body"
        );
    }
    // The script and the style hold `大奖.` and `近年来,`; the footer `主办:` and `地址:`;
    // the breadcrumb, byline and toolbar are chrome; none of them is reported.
    assert_eq!(json["summary"]["errors"], 8);
    assert_eq!(json["summary"]["warnings"], 1);
}

#[test]
fn chrome_is_linted_when_the_page_marks_no_article_body() {
    let text = "<body>\n<div>当前位置：首页 &gt; 新闻</div>\n<p>近年来,全区法治政府建设迈上新台阶。</p>\n</body>\n";
    let dir = page("a.html", text);
    let json = check_json(dir.path(), &["a.html"]);
    assert_eq!(
        places(&json),
        [
            place("page-residue", 2, 6),
            place("halfwidth-punctuation", 3, 7)
        ]
    );
    // With an `<article>`, the breadcrumb around it is the page's, not the article's.
    let marked = text
        .replace("<p>", "<article><p>")
        .replace("</p>", "</p></article>");
    let dir = page("a.htm", &marked);
    let json = check_json(dir.path(), &["a.htm"]);
    assert_eq!(places(&json), [place("halfwidth-punctuation", 3, 16)]);
}

#[test]
fn character_references_are_decoded() {
    let text = concat!(
        "<p>全区开展&ldquo;放管服&rdquo;改革&#12290;群众满意度提升&#x3002;</p>\n",
        "<p>会议指出&#44;要加强工作&#x3002;</p>\n",
        "<p>他说&#8220;好&#8221;&nbsp;&nbsp;然后走了。</p>\n",
    );
    let dir = page("a.html", text);
    let json = check_json(dir.path(), &["a.html"]);
    // Balanced quotes and full stops written as references raise nothing; a comma written
    // `&#44;` is a half-width comma, reported at the reference, with no fix.
    assert_eq!(places(&json), [place("halfwidth-punctuation", 2, 8)]);
    let found = &diagnostics(&json)[0];
    assert_eq!(covered(text, found), "&#44;");
    assert!(found.get("fix").is_none());
    let output = govlint(dir.path(), &["check", "a.html", "--fix"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.html")).expect("read"),
        text
    );
}

#[test]
fn br_separates_paragraphs() {
    let sentence =
        "注重示范驱动，培育法治品牌，充分发挥示范引导、辐射带动的作用，持续开展平安法治竞赛。";
    let text = format!(
        "<div class=\"TRS_Editor\">\n<p>\u{3000}\u{3000}{sentence}<br>\n\u{3000}\u{3000}{sentence}<br/>\n\u{3000}\u{3000}行一\n行二</p>\n</div>\n"
    );
    let dir = page("a.html", &text);
    let json = check_json(dir.path(), &["a.html"]);
    // Each `<br>` ends a paragraph, so the second line is a repeated paragraph (not a
    // repeated sentence in one paragraph); a line break in the source is not.
    assert_eq!(places(&json), [place("duplicate-paragraph", 3, 3)]);
    let document = Document::new(Source::new("a.html", text.clone()), Format::Html);
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(texts, [sentence, sentence, "行一行二"]);
}

#[test]
fn a_repeated_paragraph_is_deleted_only_when_it_holds_no_markup() {
    let sentence =
        "注重示范驱动，培育法治品牌，充分发挥示范引导、辐射带动的作用，持续开展平安法治竞赛。";
    let bold = sentence.replacen("培育法治品牌", "<b>培育法治品牌</b>", 1);
    for (copy, deleted) in [(sentence.to_string(), true), (bold, false)] {
        let text = format!("<div>\n<p>\n  {sentence}\n</p>\n<p>\n  {copy}\n</p>\n</div>\n");
        let dir = page("a.html", &text);
        let json = check_json(dir.path(), &["a.html"]);
        assert_eq!(places(&json), [place("duplicate-paragraph", 6, 3)]);
        let fix = &diagnostics(&json)[0]["fix"];
        assert_eq!(fix.is_object(), deleted, "{fix}");
        if deleted {
            let output = govlint(dir.path(), &["check", "a.html", "--fix", "--unsafe-fixes"]);
            assert_eq!(output.status.code(), Some(0));
            let fixed = std::fs::read_to_string(dir.path().join("a.html")).expect("read");
            // The later copy goes with its indentation and line break; the tags stay.
            let line = format!("  {copy}\n");
            let at = text.rfind(&line).expect("the copy");
            assert_eq!(
                fixed,
                format!("{}{}", &text[..at], &text[at + line.len()..])
            );
        }
    }
}

#[test]
fn malformed_html_is_linted_without_error() {
    let output = govlint(
        &fixture(""),
        &["check", "malformed.html", "--format", "concise"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "malformed.html:4:10: warning[halfwidth-punctuation] half-width colon `:` in Chinese text",
            "malformed.html:4:17: warning[halfwidth-punctuation] half-width comma `,` in Chinese text",
            "malformed.html:8:25: error[stray-period] ASCII `.` used as a Chinese full stop",
            "malformed.html:11:10: warning[halfwidth-punctuation] half-width comma `,` in Chinese text",
        ]
    );
    // Every paragraph of text comes through: unclosed, misnested, cut short.
    let text = std::fs::read_to_string(fixture("malformed.html")).expect("fixture");
    let document = Document::new(Source::new("malformed.html", text), Format::Html);
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "关于开展安全生产大检查的通知",
            "各镇、各部门:根据上级要求,现就有关事项通知如下。",
            "检查时间 < 10天，检查对象>=100家。",
            "联系人",
            "张三",
            "本通知自印发之日起施行.请认真执行",
            "第一项",
            "第二项",
            "附件：检查表",
            "未写完的段落,末尾",
        ]
    );
}

#[test]
fn suppression_comments_work_in_html() {
    let text = concat!(
        "<div class=\"TRS_Editor\">\n",
        "<!-- govlint-disable-next-line stray-period -->\n",
        "<p>原文照录：今年4月，区行政审批局获&ldquo;中国智慧政务建设杰出项目&rdquo;大奖.</p>\n",
        "<!-- govlint-disable halfwidth-punctuation -->\n",
        "<p>近年来,全区法治政府建设迈上新台阶。</p>\n",
        "<!-- govlint-enable -->\n",
        "<p>全区上下坚持依法行政,不断深化改革。</p>\n",
        "<script>var s = \"<!-- govlint-disable-file -->\";</script>\n",
        "<!-- govlint-disable-next-line cjk-space -->\n",
        "<p>本段没有问题。</p>\n",
        "</div>\n",
    );
    let dir = page("a.html", text);
    let json = check_json(dir.path(), &["a.html"]);
    // The `<!--` in a script is script, not a comment; the last comment suppresses nothing.
    assert_eq!(
        places(&json),
        [
            place("halfwidth-punctuation", 7, 14),
            place("unused-suppression", 9, 1),
        ]
    );
    // Its fix deletes the comment's line and nothing else.
    let output = govlint(dir.path(), &["check", "a.html", "--fix", "--unsafe-fixes"]);
    assert_eq!(output.status.code(), Some(0));
    let fixed = std::fs::read_to_string(dir.path().join("a.html")).expect("read");
    assert_eq!(
        fixed,
        text.replace("<!-- govlint-disable-next-line cjk-space -->\n", "")
            .replace("依法行政,", "依法行政，")
    );
}

#[test]
fn fix_changes_only_text_and_keeps_the_markup() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("page.html");
    std::fs::copy(root().join(PAGE), &path).expect("copied");
    let before = std::fs::read_to_string(&path).expect("read");
    let output = govlint(
        dir.path(),
        &["check", "page.html", "--fix", "--unsafe-fixes"],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "findings without a fix remain"
    );
    let after = std::fs::read_to_string(&path).expect("read");
    assert_eq!(markup(&after), markup(&before));
    assert_eq!(
        after,
        before
            .replacen("近年来,海门", "近年来，海门", 1)
            .replacen("大奖.</p>", "大奖。</p>", 1)
            .replacen("评价”先进地区”", "评价“先进地区”", 1)
            .replacen("&rdquo;。 打印本页 关闭窗口</p>", "&rdquo;。</p>", 1)
    );
    // The script, the style and the chrome are as they were.
    assert!(after.contains("var tip = \"今年4月,区行政审批局获大奖.\";"));
    assert!(after.contains("主办:海门区人民政府办公室"));
    // A second run finds nothing more to fix.
    let again = govlint(
        dir.path(),
        &["check", "page.html", "--diff", "--unsafe-fixes"],
    );
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stdout.is_empty());
}

#[test]
fn a_gbk_page_is_read_and_fixed_in_gbk() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("gbk-page.html");
    std::fs::copy(fixture("gbk-page.html"), &path).expect("copied");
    let bytes = std::fs::read(&path).expect("read");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture is GBK");
    let json = check_json(dir.path(), &["gbk-page.html"]);
    assert_eq!(json["summary"]["encodings"]["gbk-page.html"], "GBK");
    assert_eq!(
        places(&json),
        [
            place("halfwidth-punctuation", 10, 9),
            place("stray-period", 11, 46)
        ]
    );
    let output = govlint(dir.path(), &["check", "gbk-page.html", "--fix"]);
    assert_eq!(output.status.code(), Some(0));
    let fixed = std::fs::read(&path).expect("read");
    let (text, _, malformed) = encoding_rs::GBK.decode(&fixed);
    assert!(!malformed);
    let (original, _, _) = encoding_rs::GBK.decode(&bytes);
    assert_eq!(
        text,
        original
            .replace("近年来,海门", "近年来，海门")
            .replace("大奖.</p>", "大奖。</p>")
    );
    assert_eq!(markup(&text), markup(&original));
}

// ---------------------------------------------------------------------------------------
// No page, however broken, panics, and every span and fix stays in the source.
// ---------------------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<P CLASS=x>",
    "<div class=\"TRS_Editor\">",
    "</div>",
    "<br>",
    "<br/>",
    "</br>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    ".x{display:none}",
    "p { visibility: hidden !important }",
    "div.info .x > p{display:none}",
    "@media (max-width:1px){",
    "{",
    "}",
    "/*",
    "*/",
    ":hover::before,",
    "<p class=\"x\">",
    "<div class=\"info\">",
    "来源：本站",
    "<title>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<nav>",
    "<article>",
    "</article>",
    "<a href=\"x?a=1&b=2\">",
    "</a>",
    "<span style=\"display:none\">",
    "</span>",
    "<!-- govlint-disable -->",
    "<!-- govlint-disable-next-line stray-period -->",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<?xml version=\"1.0\"?>",
    "<![CDATA[中]]>",
    "</",
    "<",
    ">",
    "\"",
    "&ldquo;",
    "&rdquo;",
    "&#12290;",
    "&#x3002;",
    "&#44;",
    "&nbsp;",
    "&amp",
    "&notin;",
    "&not ",
    "&nosuch",
    "&#0;",
    "&#xD800;",
    "&",
    "\u{FEFF}",
    "\0",
    " ",
    "\n",
    "\r\n",
    "\r",
    "\u{3000}\u{3000}",
    "近年来,全区法治政府建设迈上新台阶",
    "大奖.",
    "美好生活?法典相伴",
    "“文明城市“",
    "注重示范驱动，培育法治品牌。",
    "打印本页 关闭窗口",
    "当前位置：首页 > 新闻",
    "政府 工作",
    "Rule of law",
    "。",
    "，",
];

fn any_page() -> impl Strategy<Value = String> {
    prop::collection::vec(select(PIECES), 0..48).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_126),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_page_panics_and_every_span_and_fix_stays_in_the_source(text in any_page()) {
        let document = Document::new(Source::new("a.html", text.clone()), Format::Html);
        for paragraph in &document.paragraphs {
            prop_assert!(text.get(paragraph.span()).is_some());
            for (at, _) in paragraph.text.char_indices() {
                prop_assert!(text.is_char_boundary(paragraph.source_offset(at)));
            }
        }
        let run = lint_documents(vec![document], Vec::new(), &Options::default());
        let mut fixes = Vec::new();
        for diagnostic in &run.diagnostics {
            prop_assert!(text.get(diagnostic.span.clone()).is_some(), "{diagnostic:?}");
            // The fix of `unused-suppression` deletes a comment: markup, on purpose.
            if diagnostic.rule != "unused-suppression" {
                fixes.extend(diagnostic.fix.iter());
            }
        }
        // Every fix applied, safe or not: the tags and references are those of the page.
        let (fixed, _) = govlint::fix::apply(&text, fixes);
        prop_assert_eq!(markup(&fixed), markup(&text), "{:?}", fixed);
    }
}

/// Real pages (`fixtures/html/pages`, provenance in `fixtures/html/PROVENANCE.md`): the reader
/// finds the article body and its headline on each template, and reports nothing of the site's
/// chrome (menus, breadcrumbs, bylines, share bars, QR codes, footers, a hidden second copy).
mod real_pages {
    use super::*;

    fn lint(name: &str) -> Value {
        check_json(
            root(),
            &["--isolated", &format!("fixtures/html/pages/{name}")],
        )
    }

    /// (rule, line) of every finding.
    fn lines(json: &Value) -> Vec<(String, u64)> {
        places(json)
            .into_iter()
            .map(|(rule, line, _)| (rule, line))
            .collect()
    }

    /// The paragraphs read from a page, as `Document` reads them.
    fn paragraphs(name: &str) -> Vec<(String, bool)> {
        let input = govlint::input::walk::Input::File(fixture(&format!("pages/{name}")));
        let source = govlint::input::read::read(&input, None).expect("readable");
        Document::new(source, Format::Html)
            .paragraphs
            .into_iter()
            .map(|p| (p.text, p.is_heading))
            .collect()
    }

    /// TRS 拓尔思 (`trs_editor_view TRS_UEDITOR`): the headline `<h1>` above the container is
    /// read as a heading, the container is the body, and its second copy further down the
    /// page (differing from the first in one line) gives no duplicate findings.
    #[test]
    fn trs_ueditor_body_headline_and_second_copy() {
        assert_eq!(lines(&lint("trs-ueditor-fcgs.html")), []);
        let read = paragraphs("trs-ueditor-fcgs.html");
        assert_eq!(
            read[0],
            (
                "广西防城港白龙核电项目一期工程建设动员大会举行".to_string(),
                true
            )
        );
        assert_eq!(read.len(), 9, "{read:?}");
        assert!(read.iter().all(|(text, _)| !text.contains("首页")));
    }

    /// 大汉 Hanweb (`#zoom`, `j-fontContent`, the `ZJEG_RSS` markers): only the article's
    /// finding; the QR code's `扫一扫在手机打开当前页` inside the container is template.
    #[test]
    fn hanweb_body_without_its_qr_code() {
        assert_eq!(
            lines(&lint("hanweb-zoom-hfss.html")),
            [("cjk-space".to_string(), 279)]
        );
        let read = paragraphs("hanweb-zoom-hfss.html");
        assert_eq!(
            read[0],
            ("工业设计城打造创新设计“联合国”".to_string(), true)
        );
        assert!(read.iter().all(|(text, _)| !text.contains("扫一扫")));
    }

    /// No known container: the element dense with sentences is the body; the byline, font-size
    /// buttons and print link above it are not read, and the article's own faults are found.
    #[test]
    fn the_densest_element_is_the_body_of_an_unknown_template() {
        assert_eq!(
            lines(&lint("no-container-liaoyang.html")),
            [
                // `出生日期2002年01月05日` and `08年进入辽阳市体校`: real.
                ("date-form".to_string(), 68),
                ("date-form".to_string(), 68),
                ("stray-period".to_string(), 68),
                ("unbalanced-quote".to_string(), 68)
            ]
        );
        let read = paragraphs("no-container-liaoyang.html");
        assert!(read[0].1 && read[0].0.starts_with("辽宁省第十四届运动会"));
        assert!(
            read.iter()
                .all(|(text, _)| !text.contains("字体") && !text.contains("打印"))
        );
    }

    /// people.com.cn (no known container, the densest element is the body): the editor's
    /// credit `(责编：…)` the template puts in its own `div.edit` at the end of the body is not
    /// the article's; the article has no finding.
    #[test]
    fn an_editor_credit_in_its_own_element_is_template() {
        assert_eq!(lines(&lint("people-edit-credit.html")), []);
        let read = paragraphs("people-edit-credit.html");
        assert!(read.len() > 5, "{read:?}");
        assert!(read.iter().all(|(text, _)| !text.contains("责编")));
    }

    /// A paragraph pasted twice into the body of a real page is still a duplicate: on the
    /// template without a known container, and on the TRS one whose body the page carries
    /// twice (the second copy is not read, the pasted paragraph is reported).
    #[test]
    fn a_pasted_paragraph_in_a_real_body_is_still_a_duplicate() {
        for (name, paragraph) in [
            ("no-container-liaoyang.html", "集训，2011年"),
            ("trs-ueditor-fcgs.html", "会前，刘宁、蓝天立"),
        ] {
            let text = std::fs::read_to_string(fixture(&format!("pages/{name}"))).expect("page");
            let at = text.find(paragraph).expect("paragraph in the page");
            let start = text[..at].rfind("<p").expect("its <p>");
            let end = at + text[at..].find("</p>").expect("its </p>") + "</p>".len();
            let planted = format!("{}{}{}", &text[..end], &text[start..end], &text[end..]);
            let dir = page(name, &planted);
            let json = check_json(dir.path(), &["--isolated", name]);
            let duplicates: Vec<&Value> = diagnostics(&json)
                .iter()
                .filter(|d| d["rule"] == "duplicate-paragraph")
                .collect();
            assert_eq!(duplicates.len(), 1, "{name}: {json}");
            let offset = duplicates[0]["offset"].as_u64().expect("offset") as usize;
            assert!((end..2 * end - start).contains(&offset), "{name}: {offset}");
        }
    }

    /// The body of a real page carried twice, the second copy in an element no known
    /// container names (a 长者 copy, shown or hidden by the page's stylesheet): one article,
    /// the same findings as the page alone.
    #[test]
    fn a_second_copy_of_a_real_body_is_one_article() {
        let name = "no-container-liaoyang.html";
        let text = std::fs::read_to_string(fixture(&format!("pages/{name}"))).expect("page");
        let start = text.find("<div class=\"content\">").expect("the body");
        let end = start + text[start..].find("</div>").expect("its end") + "</div>".len();
        let body = &text[start..end];
        let footer = text.rfind("</body>").expect("</body>");
        for wrapper in [
            "<div class=\"elder\">",
            "<style>.elder { display: none }</style><div class=\"elder\">",
        ] {
            let copied = format!(
                "{}{wrapper}{body}</div>{}",
                &text[..footer],
                &text[footer..]
            );
            let dir = page(name, &copied);
            let json = check_json(dir.path(), &["--isolated", name]);
            assert_eq!(
                lines(&json),
                [
                    ("date-form".to_string(), 68),
                    ("date-form".to_string(), 68),
                    ("stray-period".to_string(), 68),
                    ("unbalanced-quote".to_string(), 68)
                ],
                "{wrapper}"
            );
        }
    }

    /// WeChat serves `#js_content` with `visibility: hidden` until its script runs: the
    /// article is read, with its headline (`#activity-name`).
    #[test]
    fn wechat_as_served_is_read() {
        let read = paragraphs("wechat-as-served.html");
        assert_eq!(
            read[0],
            ("三星 Galaxy S20 系列手机正式发布".to_string(), true)
        );
        assert!(read.len() > 5, "{read:?}");
        assert!(
            read.iter()
                .any(|(text, _)| text.starts_with("今天凌晨，三星"))
        );
    }

    /// A page saved in GB2312 that says so (`<meta charset="gb2312">`) is read as GBK.
    #[test]
    fn a_declared_charset_is_honoured() {
        let json = lint("gb2312-xiangtan.html");
        assert_eq!(
            json["summary"]["encodings"]["fixtures/html/pages/gb2312-xiangtan.html"],
            "GBK"
        );
        assert_eq!(lines(&json), []);
        let read = paragraphs("gb2312-xiangtan.html");
        assert!(read[0].0.contains("从齐白石故乡吹来的风"), "{read:?}");
    }
}

/// GBK bytes that happen to be valid UTF-8 (`学院` is `D1 A7 D4 BA`, which UTF-8 reads as
/// `ѧԺ`) are read as the page declares, not as Cyrillic and Armenian; a page saved again
/// as UTF-8 with its old declaration is read as UTF-8.
#[test]
fn a_declared_gbk_charset_wins_over_bytes_that_look_like_utf8() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = "<html><head><meta charset=\"gb2312\"></head><body><p>学院</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    assert!(std::str::from_utf8(&gbk).is_ok());
    std::fs::write(dir.path().join("gbk.html"), &gbk).expect("written");
    std::fs::write(dir.path().join("resaved.html"), text).expect("written");
    for (name, encoding) in [("gbk.html", "GBK"), ("resaved.html", "UTF-8")] {
        let input = govlint::input::walk::Input::File(dir.path().join(name));
        let source = govlint::input::read::read(&input, None).expect("readable");
        assert_eq!(source.encoding.name(), encoding);
        let document = Document::new(source, Format::Html);
        assert_eq!(document.paragraphs[0].text, "学院");
    }
}

/// A 公示 table repeats its unit column on every row: the repeated cells are the table's
/// layout, not paragraphs pasted twice.
#[test]
fn repeated_table_cells_are_not_duplicates() {
    let unit = "浙江省文化和旅游厅直属单位浙江小百花越剧院（浙江越剧团）艺术创作中心";
    let rows: String = ["张三", "李四", "王五"]
        .iter()
        .map(|name| format!("<tr><td>{name}</td><td>{unit}</td></tr>\n"))
        .collect();
    let text = format!(
        "<body><div class=\"TRS_Editor\"><p>经评审，下列人员具备任职资格，现予公布。</p>\n<table>\n{rows}</table></div></body>\n"
    );
    let dir = page("a.html", &text);
    let json = check_json(dir.path(), &["--isolated", "a.html"]);
    assert_eq!(places(&json), []);
}

/// `中文域名：教育部.政务`, in the footer of central government sites, is a domain name.
#[test]
fn a_chinese_domain_is_not_a_stray_full_stop() {
    let dir = page(
        "a.html",
        "<body><p>中文域名：教育部.政务</p><p>工作已经完成.</p></body>\n",
    );
    let json = check_json(dir.path(), &["--isolated", "a.html"]);
    assert_eq!(places(&json), [place("stray-period", 1, 34)]);
}
