//! Copies among the files named on the command line (pre-commit's staged files) and, with
//! `--dup-against DIR` or `[duplicates] against`, between them and the rest of a repository,
//! whose files are read for comparison only and never reported on.

mod common;
use common::govlint;

use serde_json::Value;
use std::path::Path;

const PARAGRAPH: &str = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展依法行政示范单位创建，在镇村两级持续开展平安法治竞赛。";
const OTHER: &str = "坚持问题导向，聚焦群众反映强烈的突出问题，深入开展专项整治行动，切实解决群众急难愁盼问题，不断增强人民群众的获得感幸福感安全感。";
const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.";

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("directory");
        std::fs::write(path, text).expect("file written");
    }
    dir
}

/// Exit code, (path, rule, line) of every finding, the places each names, and the number
/// of files counted.
fn check(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String, u64)>, String, u64) {
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
                d["path"].as_str().expect("path").to_string(),
                d["rule"].as_str().expect("rule").to_string(),
                d["line"].as_u64().expect("line"),
            )
        })
        .collect();
    let related = json["diagnostics"].to_string();
    let files = json["summary"]["files"].as_u64().expect("files");
    (
        output.status.code().expect("exit code"),
        found,
        related,
        files,
    )
}

fn repository() -> tempfile::TempDir {
    workspace(&[
        // Committed: the original, with faults of its own that are never reported.
        (
            "content/old.txt",
            &format!("{STRAY}\n\n{PARAGRAPH}\n\n{OTHER}\n\n{OTHER}\n"),
        ),
        ("content/unrelated.md", "会议强调，要持续优化营商环境。\n"),
        // Staged: two files copying each other, one copying the committed file.
        ("content/new.txt", &format!("会议要求：\n\n{OTHER}\n")),
        (
            "content/newer.md",
            &format!("# 通知\n\n{OTHER}\n\n{PARAGRAPH}\n"),
        ),
    ])
}

#[test]
fn named_files_are_compared_with_each_other() {
    let dir = repository();
    let (code, found, related, files) = check(dir.path(), &["content/new.txt", "content/newer.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [("content/newer.md".into(), "duplicate-paragraph".into(), 3)]
    );
    assert!(related.contains("content/new.txt"), "{related}");
    assert_eq!(files, 2);
    // Each file on its own is compared only with itself.
    let (code, found, _, _) = check(
        dir.path(),
        &["content/new.txt", "content/newer.md", "--dup-scope", "file"],
    );
    assert_eq!((code, found), (0, vec![]));
}

#[test]
fn a_staged_file_copying_a_committed_one_is_reported_on_the_staged_file_only() {
    let dir = repository();
    let (code, found, related, files) =
        check(dir.path(), &["content/newer.md", "--dup-against", "."]);
    // OTHER is in three files (common text: a warning), PARAGRAPH in two (an error).
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            ("content/newer.md".into(), "duplicate-paragraph".into(), 3),
            ("content/newer.md".into(), "duplicate-paragraph".into(), 5),
        ]
    );
    assert!(related.contains("\"content/old.txt\""), "{related}");
    assert_eq!(files, 1, "the files compared with are not counted");
    // Without it, nothing to compare with.
    let (code, found, _, _) = check(dir.path(), &["content/newer.md"]);
    assert_eq!((code, found), (0, vec![]));
    // The same from the configuration, from a subdirectory, with the other file named.
    std::fs::create_dir(dir.path().join(".git")).expect("a repository");
    std::fs::write(
        dir.path().join("govlint.toml"),
        "[duplicates]\nagainst = [\".\"]\n",
    )
    .expect("written");
    let content = dir.path().join("content");
    let (_, found, _, _) = check(&content, &["new.txt"]);
    assert_eq!(found, [("new.txt".into(), "duplicate-paragraph".into(), 3)]);
    // A file named is linted, whatever the directories compared with hold.
    let (_, found, _, _) = check(&content, &["old.txt", "--dup-against", "."]);
    let rules: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert!(rules.contains(&"stray-period"), "{found:?}");
    assert!(found.iter().all(|f| f.0 == "old.txt"), "{found:?}");
}

#[test]
fn files_compared_with_are_never_reported_even_when_unreadable_or_fixable() {
    let dir = repository();
    std::fs::write(dir.path().join("content/binary.txt"), b"\0\x01\x02").expect("written");
    let output = govlint(
        dir.path(),
        &[
            "check",
            "content/new.txt",
            "--dup-against",
            "content",
            "--fix",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("binary.txt"), "{stderr}");
    assert!(!stderr.contains("old.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("stray-period"), "{stdout}");
    let old = std::fs::read_to_string(dir.path().join("content/old.txt")).expect("read");
    assert!(old.contains("大奖."), "a file compared with is never fixed");
}

#[test]
fn the_cache_spares_reading_the_files_compared_with() {
    let dir = repository();
    let run = |expected_from_cache: &str| {
        let output = assert_cmd::Command::cargo_bin("govlint")
            .expect("binary")
            .current_dir(dir.path())
            .env("GOVLINT_TIMINGS", "1")
            .args(["check", "content/newer.md", "--dup-against", ".", "--cache"])
            .args(["--format", "concise"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(expected_from_cache), "{stderr}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let first = run("(0 files from the cache)");
    assert_eq!(first.lines().count(), 2, "{first}");
    // Nothing changed: every file, the staged one included, comes from the cache.
    assert_eq!(run("(4 files from the cache)"), first);
    // The staged file changes: it alone is read again, and the copies are still found.
    std::fs::write(
        dir.path().join("content/newer.md"),
        format!("# 通知（修改）\n\n{OTHER}\n\n{PARAGRAPH}\n"),
    )
    .expect("edited");
    assert_eq!(run("(3 files from the cache)"), first);
}
