//! Baselines end to end: `--write-baseline` records a run's findings, `--baseline` reports
//! only the others; findings are recognized by paragraph, not by position.

mod common;
use common::govlint;

use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.";
const HALFWIDTH: &str = "近年来,全区法治政府建设迈上新台阶。";
const CLEAN: &str = "会议强调，要持续优化营商环境。";
const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展依法行政示范单位创建，在镇村两级持续开展平安法治竞赛。";

fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("directory");
        std::fs::write(path, text).expect("file written");
    }
    dir
}

fn code(output: &std::process::Output) -> i32 {
    output.status.code().expect("exit code")
}

/// `govlint check --format json ARGS`: exit code and (rule, line) of every finding.
fn check(dir: &Path, args: &[&str]) -> (i32, Vec<(String, u64)>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = govlint(dir, &all);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let found = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect();
    (code(&output), found)
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|&(r, l)| (r.to_string(), l)).collect()
}

fn write_baseline(dir: &Path, args: &[&str]) {
    let mut all = vec!["check", "--write-baseline", "baseline.json"];
    all.extend_from_slice(args);
    let output = govlint(dir, &all);
    assert_eq!(
        code(&output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "no findings are printed");
}

fn edit(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("file edited");
}

#[test]
fn a_written_baseline_hides_every_finding_it_records() {
    let a = format!("{STRAY}\n{HALFWIDTH}\n{PARAGRAPH}\n{PARAGRAPH}\n");
    let dir = workspace(&[("docs/a.txt", &a), ("docs/b.md", &format!("{STRAY}\n"))]);
    let (status, found) = check(dir.path(), &["docs"]);
    assert_eq!(status, 1);
    assert_eq!(found.len(), 4, "{found:?}");
    let output = govlint(
        dir.path(),
        &["check", "docs", "--write-baseline", "baseline.json"],
    );
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("Recorded 4 findings in baseline.json")
    );
    assert_eq!(
        check(dir.path(), &["docs", "--baseline", "baseline.json"]),
        (0, vec![])
    );
    // Human output counts only what is left.
    let human = govlint(
        dir.path(),
        &["check", "docs", "--baseline", "baseline.json"],
    );
    assert_eq!(code(&human), 0);
    assert!(
        !String::from_utf8_lossy(&human.stdout).contains("stray-period"),
        "{}",
        String::from_utf8_lossy(&human.stdout)
    );
}

#[test]
fn edits_to_other_paragraphs_keep_the_baseline_valid() {
    let dir = workspace(&[("a.txt", &format!("{CLEAN}\n{STRAY}\n{HALFWIDTH}\n"))]);
    write_baseline(dir.path(), &["a.txt"]);
    // Lines move, another paragraph is reworded, a paragraph is added.
    edit(
        dir.path(),
        "a.txt",
        &format!("新增一段。\n\n会议强调，要坚定不移优化营商环境。\n{STRAY}\n{HALFWIDTH}\n"),
    );
    assert_eq!(
        check(dir.path(), &["a.txt", "--baseline", "baseline.json"]),
        (0, vec![])
    );
}

#[test]
fn a_new_finding_of_a_rule_in_a_baselined_paragraph_is_reported_once_the_count_is_exceeded() {
    let dir = workspace(&[("a.txt", &format!("{HALFWIDTH}\n"))]);
    write_baseline(dir.path(), &["a.txt"]);
    // A second half-width comma in the same paragraph: the paragraph's fingerprint ignores
    // punctuation, so the old finding stays recorded and one finding is new.
    edit(
        dir.path(),
        "a.txt",
        &format!("{CLEAN}\n{}\n", HALFWIDTH.replace("全区", "全区,")),
    );
    let (code, found) = check(dir.path(), &["a.txt", "--baseline", "baseline.json"]);
    assert_eq!(found, pairs(&[("halfwidth-punctuation", 2)]));
    assert_eq!(code, 0, "a warning");
    // A finding of another rule there is new as well.
    edit(
        dir.path(),
        "a.txt",
        &format!("{}.\n", HALFWIDTH.trim_end_matches('。')),
    );
    let (code, found) = check(dir.path(), &["a.txt", "--baseline", "baseline.json"]);
    assert_eq!(found, pairs(&[("stray-period", 1)]));
    assert_eq!(code, 1, "only new findings count for the exit code");
}

#[test]
fn rewording_a_baselined_paragraph_makes_its_findings_new() {
    let dir = workspace(&[("a.txt", &format!("{STRAY}\n"))]);
    write_baseline(dir.path(), &["a.txt"]);
    edit(
        dir.path(),
        "a.txt",
        &format!("{}\n", STRAY.replace("4月", "5月")),
    );
    let (code, found) = check(dir.path(), &["a.txt", "--baseline", "baseline.json"]);
    assert_eq!((code, found), (1, pairs(&[("stray-period", 1)])));
}

#[test]
fn a_baseline_written_for_the_current_directory_holds_for_paths_below_it() {
    let dir = workspace(&[("docs/a.md", &format!("{STRAY}\n"))]);
    write_baseline(dir.path(), &["."]);
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).expect("read");
    assert!(baseline.contains("\"path\": \"docs/a.md\""), "{baseline}");
    for path in [".", "docs", "docs/a.md", "./docs/a.md"] {
        assert_eq!(
            check(dir.path(), &[path, "--baseline", "baseline.json"]),
            (0, vec![]),
            "{path}"
        );
    }
}

#[test]
fn duplicates_are_baselined_too() {
    let dir = workspace(&[
        ("docs/a.txt", &format!("{PARAGRAPH}\n")),
        ("docs/b.txt", &format!("{CLEAN}\n{PARAGRAPH}\n")),
    ]);
    let (_, found) = check(dir.path(), &["docs"]);
    assert_eq!(found, pairs(&[("duplicate-paragraph", 2)]));
    write_baseline(dir.path(), &["docs"]);
    edit(
        &dir.path().join("docs"),
        "b.txt",
        &format!("新增一段。\n{CLEAN}\n{PARAGRAPH}\n"),
    );
    assert_eq!(
        check(dir.path(), &["docs", "--baseline", "baseline.json"]),
        (0, vec![])
    );
}

#[test]
fn baseline_bytes_are_deterministic_and_sorted() {
    let dir = workspace(&[
        ("b.txt", &format!("{STRAY}\n{HALFWIDTH}\n{HALFWIDTH}\n")),
        ("a.md", &format!("{HALFWIDTH}\n\n{STRAY}\n")),
    ]);
    write_baseline(dir.path(), &["b.txt", "a.md"]);
    let first = std::fs::read(dir.path().join("baseline.json")).expect("baseline");
    write_baseline(dir.path(), &["a.md", "b.txt", "--cache"]);
    write_baseline(dir.path(), &["a.md", "b.txt", "--cache"]);
    let second = std::fs::read(dir.path().join("baseline.json")).expect("baseline");
    assert_eq!(first, second);
    let text = String::from_utf8(first).expect("UTF-8");
    let json: Value = serde_json::from_str(&text).expect("the baseline is JSON");
    assert_eq!(json["version"], 2);
    let findings = json["findings"].as_array().expect("findings");
    let keys: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f["path"].to_string(), f["rule"].to_string()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // The two identical findings of b.txt are one entry counting two; one entry a line.
    let counts: Vec<u64> = findings
        .iter()
        .map(|f| f["count"].as_u64().expect("count"))
        .collect();
    assert_eq!(counts, [1, 1, 2, 1], "{text}");
    assert_eq!(text.lines().filter(|l| l.contains("\"rule\"")).count(), 4);
    assert!(text.ends_with("]\n}\n"));
}

#[test]
fn a_missing_or_corrupt_baseline_is_an_error_naming_the_file() {
    let dir = workspace(&[
        ("a.txt", &format!("{STRAY}\n")),
        ("broken.json", "{\"version\": 1"),
    ]);
    for file in ["missing.json", "broken.json"] {
        let output = govlint(dir.path(), &["check", "a.txt", "--baseline", file]);
        assert_eq!(code(&output), 2, "{file}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(file), "{stderr}");
        assert!(output.stdout.is_empty(), "nothing is linted");
    }
}

#[test]
fn write_baseline_combines_with_neither_baseline_nor_diff() {
    let dir = workspace(&[("a.txt", &format!("{STRAY}\n"))]);
    for other in [["--baseline", "b.json"], ["--diff", "--quiet"]] {
        let mut args = vec!["check", "a.txt", "--write-baseline", "b.json"];
        args.extend(other);
        let output = govlint(dir.path(), &args);
        assert_eq!(code(&output), 2, "{other:?}");
        assert!(!dir.path().join("b.json").exists());
    }
}

#[test]
fn suppression_and_baseline_work_together() {
    let text = format!("<!-- govlint-disable-next-line stray-period -->\n{STRAY}\n\n{HALFWIDTH}\n");
    let dir = workspace(&[("a.md", &text)]);
    write_baseline(dir.path(), &["a.md"]);
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).expect("read");
    assert!(
        !baseline.contains("stray-period"),
        "suppressed findings are not recorded"
    );
    assert!(baseline.contains("halfwidth-punctuation"));
    assert_eq!(
        check(dir.path(), &["a.md", "--baseline", "baseline.json"]),
        (0, vec![])
    );
}

#[test]
fn fix_still_fixes_baselined_findings() {
    let dir = workspace(&[("a.txt", &format!("{HALFWIDTH}\n"))]);
    write_baseline(dir.path(), &["a.txt"]);
    let output = govlint(
        dir.path(),
        &["check", "a.txt", "--baseline", "baseline.json", "--fix"],
    );
    assert_eq!(code(&output), 0);
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).expect("read");
    assert_eq!(fixed, format!("{}\n", HALFWIDTH.replace(',', "，")));
}

/// `baseline = "…"` in govlint.toml: written from the root, it filters the same findings
/// from a subdirectory, since its paths are relative to the configuration's directory.
#[test]
fn a_configured_baseline_matches_from_any_working_directory() {
    let dir = workspace(&[
        ("govlint.toml", "baseline = \"base.json\"\n"),
        ("docs/a.md", &format!("{STRAY}\n{HALFWIDTH}\n")),
        ("docs/deeper/b.txt", &format!("{STRAY}\n")),
    ]);
    // The configuration is looked for up to the repository's root.
    std::fs::create_dir(dir.path().join(".git")).expect("a repository");
    let all = pairs(&[("stray-period", 1), ("halfwidth-punctuation", 2)]);
    let docs = dir.path().join("docs");
    // A configured baseline that is missing is an error, as a named one is.
    let missing = govlint(&docs, &["check", "a.md"]);
    assert_eq!(code(&missing), 2);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("base.json"));
    assert_eq!(check(&docs, &["a.md", "--isolated"]), (1, all.clone()));
    let output = govlint(dir.path(), &["check", ".", "--write-baseline", "base.json"]);
    assert_eq!(
        code(&output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = std::fs::read_to_string(dir.path().join("base.json")).expect("written");
    assert!(written.contains("\"path\": \"docs/a.md\""), "{written}");
    assert!(
        written.contains("\"path\": \"docs/deeper/b.txt\""),
        "{written}"
    );
    assert_eq!(check(dir.path(), &["."]), (0, vec![]));
    for (cwd, path) in [
        (docs.clone(), "."),
        (docs.clone(), "a.md"),
        (docs.clone(), "./deeper/b.txt"),
        (docs.join("deeper"), "../a.md"),
        (docs.join("deeper"), "b.txt"),
    ] {
        assert_eq!(check(&cwd, &[path]), (0, vec![]), "{path} from {cwd:?}");
    }
    // A new finding is still new from the subdirectory.
    edit(
        &docs,
        "a.md",
        &format!("{STRAY}\n{HALFWIDTH}\n\n另一段,新的。\n"),
    );
    assert_eq!(
        check(&docs, &["a.md"]),
        (0, pairs(&[("halfwidth-punctuation", 4)]))
    );
    // Written from the subdirectory, the same paths are recorded.
    let output = govlint(&docs, &["check", ".", "--write-baseline", "../again.json"]);
    assert_eq!(
        code(&output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let again = std::fs::read_to_string(dir.path().join("again.json")).expect("written");
    assert!(again.contains("\"path\": \"docs/a.md\""), "{again}");
    // `--baseline` names another file, relative to the working directory.
    assert_eq!(
        check(&docs, &["a.md", "--baseline", "../again.json"]),
        (0, vec![])
    );
}

/// A baseline of version 1 (paths as printed from the working directory) still reads and
/// matches as it did.
#[test]
fn a_version_one_baseline_is_still_read() {
    let dir = workspace(&[("docs/a.md", &format!("{STRAY}\n"))]);
    write_baseline(dir.path(), &["docs"]);
    let written = std::fs::read_to_string(dir.path().join("baseline.json")).expect("written");
    let old = written.replace("\"version\": 2", "\"version\": 1");
    assert_ne!(old, written);
    edit(dir.path(), "old.json", &old);
    for path in ["docs", "./docs/a.md"] {
        assert_eq!(
            check(dir.path(), &[path, "--baseline", "old.json"]),
            (0, vec![]),
            "{path}"
        );
    }
}
