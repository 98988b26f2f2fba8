//! Suppression comments in Markdown, end to end: each directive form, comments that are only
//! text (code), duplicate findings, `unused-suppression` and its fix, selection, `--fix` and
//! the cache.

mod common;
use common::govlint;

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

/// A stray period (error) after `大奖`.
const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.";
/// Another stray period.
const STRAY_TOO: &str = "区司法局被评为全省法治宣传教育先进单位.";
/// A half-width comma (warning) after `近年来`.
const HALFWIDTH: &str = "近年来,全区法治政府建设迈上新台阶。";
const CLEAN: &str = "会议强调，要持续优化营商环境。";
/// Long enough to be a duplicate when repeated.
const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展依法行政示范单位创建，在镇村两级持续开展平安法治竞赛。";

fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("file written");
    }
    dir
}

/// `govlint check --format json ARGS`: exit code and output.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = govlint(dir, &all);
    let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().expect("exit code"), json)
}

/// (rule, line) of every finding.
fn found(json: &Value) -> Vec<(String, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|&(r, l)| (r.to_string(), l)).collect()
}

#[test]
fn disable_and_enable_suppress_the_findings_between_them() {
    let text = format!(
        "{STRAY}\n\n<!-- govlint-disable -->\n\n{STRAY_TOO}\n\n{HALFWIDTH}\n\n<!-- govlint-enable -->\n\n{STRAY_TOO}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (code, json) = check(dir.path(), &["a.md"]);
    assert_eq!(
        found(&json),
        pairs(&[("stray-period", 1), ("stray-period", 11)])
    );
    assert_eq!(code, 1);
}

#[test]
fn disable_without_enable_lasts_to_the_end_of_the_file() {
    let text = format!("{STRAY}\n\n<!-- govlint-disable stray-period -->\n\n{STRAY_TOO}\n");
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 1)]));
}

#[test]
fn disable_with_rules_suppresses_only_those_rules() {
    let text =
        format!("<!-- govlint-disable stray-period, cjk-space -->\n\n{STRAY}\n\n{HALFWIDTH}\n");
    let dir = workspace(&[("a.md", &text)]);
    let (code, json) = check(dir.path(), &["a.md"]);
    // `cjk-space` suppressed nothing: reported as unused, and the warnings exit 0.
    assert_eq!(
        found(&json),
        pairs(&[("unused-suppression", 1), ("halfwidth-punctuation", 5)])
    );
    assert_eq!(code, 0);
}

#[test]
fn enable_with_rules_re_enables_only_those() {
    let text = format!(
        "<!-- govlint-disable -->\n\n{STRAY}\n\n<!-- govlint-enable stray-period -->\n\n{STRAY_TOO}\n\n{HALFWIDTH}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 7)]));
}

#[test]
fn disable_next_line_suppresses_only_the_next_non_blank_line() {
    let text = format!(
        "<!-- govlint-disable-next-line stray-period -->\n{STRAY}\n\n{STRAY_TOO}\n\n<!-- govlint-disable-next-line stray-period -->\n\n{STRAY}\n\n{STRAY_TOO}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(
        found(&json),
        pairs(&[("stray-period", 4), ("stray-period", 10)])
    );
}

#[test]
fn disable_next_line_covers_only_findings_starting_on_that_line() {
    // One Markdown paragraph over two lines: its second line is not the next line.
    let text = format!("<!-- govlint-disable-next-line stray-period -->\n{STRAY}\n{STRAY_TOO}\n");
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 3)]));
}

#[test]
fn disable_file_suppresses_everywhere_even_above_it() {
    let text = format!(
        "{STRAY}\n\n{HALFWIDTH}\n\n<!-- govlint-disable-file stray-period -->\n\n{STRAY_TOO}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("halfwidth-punctuation", 3)]));
    let all = format!("{STRAY}\n\n<!-- govlint-disable-file -->\n\n{HALFWIDTH}\n");
    let dir = workspace(&[("a.md", &all)]);
    let (code, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[]));
    assert_eq!(code, 0);
}

#[test]
fn an_inline_comment_inside_a_paragraph_is_a_directive() {
    let text =
        format!("{CLEAN}<!-- govlint-disable-next-line stray-period -->\n{STRAY}\n\n{STRAY_TOO}\n");
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 4)]));
}

#[test]
fn comments_in_code_are_text_not_directives() {
    let text = format!(
        "```markdown\n<!-- govlint-disable-file -->\n```\n\n    <!-- govlint-disable -->\n\n写法：`<!-- govlint-disable-next-line -->`\n{STRAY}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 8)]));
}

#[test]
fn plain_text_has_no_comment_syntax() {
    let text = format!("<!-- govlint-disable-file -->\n{STRAY}\n");
    let dir = workspace(&[("a.txt", &text)]);
    let (_, json) = check(dir.path(), &["a.txt"]);
    assert_eq!(found(&json), pairs(&[("stray-period", 2)]));
}

#[test]
fn standard_input_named_markdown_has_directives() {
    let dir = workspace(&[]);
    let output = Command::cargo_bin("govlint")
        .expect("binary is built")
        .current_dir(dir.path())
        .args(["check", "-", "--stdin-filename", "a.md", "--format", "json"])
        .write_stdin(format!("<!-- govlint-disable-file -->\n{STRAY}\n"))
        .output()
        .expect("govlint runs");
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(found(&json), pairs(&[]));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn duplicate_findings_are_suppressed_where_they_are_reported() {
    let near = PARAGRAPH.replace("竞赛。", "竞赛活动。");
    let first = format!("{PARAGRAPH}\n");
    let second = format!(
        "<!-- govlint-disable-next-line duplicate-paragraph -->\n{PARAGRAPH}\n\n<!-- govlint-disable-next-line near-duplicate-paragraph -->\n{near}\n"
    );
    let dir = workspace(&[("a.md", &first), ("b.md", &second)]);
    let (code, json) = check(dir.path(), &[".", "--dup-scope", "repository"]);
    assert_eq!(found(&json), pairs(&[]), "{json}");
    assert_eq!(code, 0);
    // Without the comments both are reported, in the second file.
    let plain = format!("{PARAGRAPH}\n\n{near}\n");
    std::fs::write(dir.path().join("b.md"), plain).expect("rewritten");
    let (_, json) = check(dir.path(), &[".", "--dup-scope", "repository"]);
    assert_eq!(
        found(&json),
        pairs(&[("duplicate-paragraph", 1), ("near-duplicate-paragraph", 3)])
    );
}

#[test]
fn a_suppression_for_duplicates_found_only_across_files_is_unused_in_file_scope() {
    let second = format!("<!-- govlint-disable-next-line duplicate-paragraph -->\n{PARAGRAPH}\n");
    let dir = workspace(&[("a.md", &format!("{PARAGRAPH}\n")), ("b.md", &second)]);
    let (_, json) = check(dir.path(), &[".", "--dup-scope", "repository"]);
    assert_eq!(found(&json), pairs(&[]));
    let (_, json) = check(dir.path(), &[".", "--dup-scope", "file"]);
    assert_eq!(found(&json), pairs(&[("unused-suppression", 1)]));
}

#[test]
fn unused_suppression_is_reported_and_its_fix_deletes_the_comment() {
    let text = format!(
        "{CLEAN}\n\n<!-- govlint-disable-next-line stray-period -->\n{CLEAN}\n\n<!-- govlint-disable halfwidth-punctuation -->\n{CLEAN}\n<!-- govlint-enable halfwidth-punctuation -->\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (code, json) = check(dir.path(), &["a.md"]);
    assert_eq!(
        found(&json),
        pairs(&[("unused-suppression", 3), ("unused-suppression", 6)])
    );
    assert_eq!(code, 0, "a warning");
    let first = &json["diagnostics"][0];
    assert_eq!(
        first["message"],
        "`govlint-disable-next-line stray-period` suppresses nothing"
    );
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["fix"]["safe"], false);

    // A suggestion: `--fix` alone leaves the comments.
    govlint(dir.path(), &["check", "a.md", "--fix"]);
    let read = || std::fs::read_to_string(dir.path().join("a.md")).expect("read");
    assert_eq!(read(), text);
    govlint(dir.path(), &["check", "a.md", "--fix", "--unsafe-fixes"]);
    assert_eq!(read(), format!("{CLEAN}\n\n{CLEAN}\n\n{CLEAN}\n"));
    let (code, json) = check(dir.path(), &["a.md"]);
    assert_eq!((code, found(&json)), (0, pairs(&[])));
}

#[test]
fn unknown_rules_and_directives_are_reported() {
    let text = format!(
        "<!-- govlint-disable-next-line stray-perod -->\n{STRAY}\n\n<!-- govlint-disabel -->\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(
        found(&json),
        pairs(&[
            ("unused-suppression", 1),
            ("stray-period", 2),
            ("unused-suppression", 4)
        ])
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["message"].as_str().expect("message"))
        .collect();
    assert_eq!(messages[0], "`stray-perod` is not a govlint rule");
    assert!(messages[2].starts_with("`govlint-disabel` is not a govlint directive"));
}

#[test]
fn unused_suppression_respects_select_and_ignore() {
    let text = format!("<!-- govlint-disable-next-line stray-period -->\n{CLEAN}\n");
    let dir = workspace(&[("a.md", &text)]);
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("unused-suppression", 1)]));
    let (_, json) = check(dir.path(), &["a.md", "--ignore", "unused-suppression"]);
    assert_eq!(found(&json), pairs(&[]), "not selected");
    let (_, json) = check(dir.path(), &["a.md", "--ignore", "stray-period"]);
    assert_eq!(found(&json), pairs(&[]), "the rule it names did not run");
    let (_, json) = check(
        dir.path(),
        &["a.md", "--select", "stray-period,unused-suppression"],
    );
    assert_eq!(found(&json), pairs(&[("unused-suppression", 1)]));
    // A comment for every rule is judged only when every rule ran.
    let all = format!("<!-- govlint-disable-next-line -->\n{CLEAN}\n");
    std::fs::write(dir.path().join("a.md"), all).expect("rewritten");
    let (_, json) = check(dir.path(), &["a.md"]);
    assert_eq!(found(&json), pairs(&[("unused-suppression", 1)]));
    let (_, json) = check(dir.path(), &["a.md", "--ignore", "cjk-space"]);
    assert_eq!(found(&json), pairs(&[]));
}

#[test]
fn unused_suppression_is_silenced_only_by_naming_it() {
    let stale = format!("<!-- govlint-disable-next-line stray-period -->\n{CLEAN}\n");
    let dir = workspace(&[
        ("a.md", &format!("<!-- govlint-disable -->\n\n{stale}")),
        (
            "b.md",
            &format!("<!-- govlint-disable-file unused-suppression -->\n\n{stale}"),
        ),
    ]);
    let (_, json) = check(dir.path(), &["a.md", "b.md"]);
    // In a.md both comments suppress nothing; b.md's report is silenced by name.
    let paths: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["a.md", "a.md"], "{json}");
}

#[test]
fn fixes_leave_suppressed_findings_alone() {
    let text = format!(
        "{HALFWIDTH}\n\n<!-- govlint-disable-next-line halfwidth-punctuation -->\n{HALFWIDTH}\n"
    );
    let dir = workspace(&[("a.md", &text)]);
    let output = govlint(dir.path(), &["check", "a.md", "--fix"]);
    assert_eq!(output.status.code(), Some(0));
    let fixed = std::fs::read_to_string(dir.path().join("a.md")).expect("read");
    assert_eq!(
        fixed,
        format!(
            "{}\n\n<!-- govlint-disable-next-line halfwidth-punctuation -->\n{HALFWIDTH}\n",
            HALFWIDTH.replace(',', "，")
        )
    );
}

#[test]
fn suppression_holds_on_a_cached_re_run() {
    let first = format!("{PARAGRAPH}\n");
    let second = format!(
        "<!-- govlint-disable-next-line duplicate-paragraph -->\n{PARAGRAPH}\n\n<!-- govlint-disable stray-period -->\n{STRAY}\n\n<!-- govlint-disable-next-line cjk-space -->\n{CLEAN}\n"
    );
    let dir = workspace(&[("a.md", &first), ("b.md", &second)]);
    let args = [".", "--dup-scope", "repository", "--cache-dir", "cache"];
    let (code, cold) = check(dir.path(), &args);
    assert_eq!(found(&cold), pairs(&[("unused-suppression", 7)]));
    assert_eq!(code, 0);
    let (code, warm) = check(dir.path(), &args);
    assert_eq!(warm, cold, "the second run takes both files from the cache");
    assert_eq!(code, 0);
    // Only the other file changed: b.md's comments come from the cache.
    std::fs::write(dir.path().join("a.md"), format!("{CLEAN}\n\n{PARAGRAPH}\n"))
        .expect("rewritten");
    let (_, changed) = check(dir.path(), &args);
    assert_eq!(found(&changed), pairs(&[("unused-suppression", 7)]));
}
