//! The wording rules as a run sees them: the office's own names from `govlint.toml`
//! (`[wording] terms`, `terms-file`), `--as-of`, and the errors of a terms file that cannot
//! be read.

use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect("a repository root");
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).expect("write");
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(BIN)
        .current_dir(dir)
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .output()
        .expect("govlint runs")
}

fn concise(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

const ARTICLE: &str = "海门区委政发委召开全体会议。\n会议由海门区委政法委书记主持。\n";

#[test]
fn the_offices_own_names_are_held_to_their_form() {
    let dir = workspace(&[
        ("a.txt", ARTICLE),
        ("govlint.toml", "[wording]\nterms = [\"海门区委政法委\"]\n"),
    ]);
    let output = run(
        dir.path(),
        &[
            "check",
            "--select",
            "canonical-wording",
            "--format",
            "concise",
            "a.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        concise(&output),
        "a.txt:1:1: error[canonical-wording] `海门区委政发委` is one character off the official formulation `海门区委政法委`\n"
    );
    // Without the configuration, nothing is known of the name.
    let output = run(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--select",
            "canonical-wording",
            "a.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", concise(&output));
}

#[test]
fn a_terms_file_is_read_relative_to_the_configuration_and_fixed_by_fix() {
    let dir = workspace(&[
        ("a.txt", ARTICLE),
        ("names.txt", "# 本单位名称\n海门区委政法委\n"),
        ("govlint.toml", "[wording]\nterms-file = \"names.txt\"\n"),
    ]);
    let output = run(
        dir.path(),
        &["check", "--select", "canonical-wording", "--fix", "a.txt"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", concise(&output));
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).expect("read");
    assert_eq!(fixed, ARTICLE.replace("政发委", "政法委"));
    // A terms file that is not there stops the run, naming it.
    std::fs::remove_file(dir.path().join("names.txt")).expect("remove");
    let output = run(dir.path(), &["check", "a.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains("names.txt: cannot read the file of terms"),
        "{stderr}"
    );
}

#[test]
fn as_of_dates_every_document() {
    let dir = workspace(&[("a.txt", "请各乡镇配合区环保局做好督查工作。\n")]);
    let args = |as_of: &'static str| {
        vec![
            "check",
            "--select",
            "abolished-agency",
            "--format",
            "concise",
            "--as-of",
            as_of,
            "a.txt",
        ]
    };
    let before = run(dir.path(), &args("2017-06-30"));
    assert_eq!(concise(&before), "");
    let after = run(dir.path(), &args("2019-01-01"));
    assert_eq!(
        concise(&after),
        "a.txt:1:8: warning[abolished-agency] `环保局` was abolished in the 2018 institutional reform\n"
    );
    let bad = run(dir.path(), &args("2019-13-01"));
    assert_eq!(bad.status.code(), Some(2));
}
