//! End-to-end tests of the `govlint` binary: exit codes, inputs (files, directories,
//! standard input), rule selection, the two output formats and the seed fixture.
//!
//! Every test builds its inputs in a fresh temporary directory and runs the binary there,
//! so paths in the output are the relative paths the test passed.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

/// No finding at all.
const CLEAN: &str = "　　近年来，全区法治政府建设迈上新台阶。\n\n　　全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革。\n";
/// One error-level finding: a stray ASCII full stop after `大奖`.
const STRAY_PERIOD: &str = "　　今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";
/// One warning-level finding: a half-width comma after `近年来`.
const HALFWIDTH: &str = "　　近年来,全区法治政府建设迈上新台阶。\n";
/// A stray period (error) and a half-width comma (warning) in one file.
const ERROR_AND_WARNING: &str =
    "　　近年来,全区法治政府建设迈上新台阶。\n\n　　今年4月，区行政审批局获评全省优秀单位.\n";
/// French in windows-1252: neither UTF-8 nor a Chinese encoding (GBK is read: see
/// `tests/encodings.rs`).
const UNDECODABLE: &[u8] = b"Caf\xe9 cr\xe8me, na\xefve fa\xe7ade, d\xe9j\xe0 vu\n";
/// The start of a PNG image: binary, with NUL bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x02\0\0\0";

/// Every rule with its default severity, from the registry: the README's rule table is held
/// to the same list (`readme_rule_table_matches_the_registry`).
fn all_rules() -> Vec<(&'static str, &'static str)> {
    govlint::rules::RULES
        .iter()
        .map(|rule| (rule.name, rule.severity.as_str()))
        .collect()
}

const SEED: &str = "fixtures/haimen-rule-of-law-2021.txt";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A temporary directory holding the given files (parent directories are created).
fn workspace(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    for (name, contents) in files {
        write(dir.path(), name, contents);
    }
    dir
}

fn write(dir: &Path, name: &str, contents: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// `govlint` run in `dir`, with colors off so human output is plain text.
fn govlint(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).env_remove("NO_COLOR");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    govlint(dir).args(args).output().expect("run govlint")
}

fn run_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    govlint(dir)
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("run govlint")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("govlint exited by a signal")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs `govlint check --format json ARGS` in `dir`: the exit code and the parsed output.
fn check_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = run(dir, &all);
    (code(&output), parse_json(&output))
}

fn parse_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "stdout is not JSON ({err}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn diagnostics(json: &Value) -> &Vec<Value> {
    json["diagnostics"]
        .as_array()
        .expect("`diagnostics` is an array")
}

fn rules_of(json: &Value) -> Vec<String> {
    diagnostics(json)
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

fn paths_of(json: &Value) -> Vec<String> {
    let mut paths: Vec<String> = diagnostics(json)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    paths.dedup();
    paths
}

fn num(value: &Value, key: &str) -> u64 {
    value[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is not a number in {value}"))
}

/// The 1-based column, in characters, of byte `at` in `line`.
fn char_column(line: &str, at: usize) -> u64 {
    line[..at].chars().count() as u64 + 1
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed fixture linted as JSON, run from the crate root so paths are `fixtures/...`.
fn seed_json() -> (i32, Value) {
    check_json(&manifest_dir(), &[SEED])
}

/// The seed fixture's findings of `rule` on 1-based `line`.
fn seed_findings(json: &Value, rule: &str, line: u64) -> Vec<Value> {
    diagnostics(json)
        .iter()
        .filter(|d| d["rule"] == rule && num(d, "line") == line)
        .cloned()
        .collect()
}

/// The 1-based character column of `marker` + `skip` bytes on 1-based `line` of the seed.
fn seed_column(line: usize, marker: &str, skip: usize) -> u64 {
    let text = std::fs::read_to_string(manifest_dir().join(SEED)).unwrap();
    let line_text = text.lines().nth(line - 1).unwrap();
    let at = line_text
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` not on line {line} of the seed"));
    char_column(line_text, at + skip)
}

// ---------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------

#[test]
fn clean_file_exits_0() {
    let dir = workspace(&[("clean.txt", CLEAN.as_bytes())]);
    govlint(dir.path())
        .args(["check", "--color", "never", "clean.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

#[test]
fn error_level_finding_exits_1() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes())]);
    govlint(dir.path())
        .args(["check", "--color", "never", "notice.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("stray-period"));
}

#[test]
fn warnings_alone_exit_0() {
    let dir = workspace(&[("notice.txt", HALFWIDTH.as_bytes())]);
    let (code, json) = check_json(dir.path(), &["notice.txt"]);
    assert_eq!(code, 0);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn nonexistent_path_exits_2_and_other_files_are_still_reported() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes())]);
    let output = run(
        dir.path(),
        &["check", "--color", "never", "missing.txt", "notice.txt"],
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("missing.txt"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("stray-period"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("notice.txt"),
        "{}",
        stdout(&output)
    );

    let (code, json) = check_json(dir.path(), &["missing.txt", "notice.txt"]);
    assert_eq!(code, 2);
    assert_eq!(rules_of(&json), ["stray-period"]);
    assert_eq!(paths_of(&json), ["notice.txt"]);
    assert_eq!(json["summary"]["input_errors"][0]["path"], "missing.txt");
}

#[test]
fn binary_file_exits_2_and_other_files_are_still_reported() {
    let dir = workspace(&[("scan.txt", PNG), ("notice.txt", HALFWIDTH.as_bytes())]);
    let output = run(
        dir.path(),
        &["check", "--color", "never", "scan.txt", "notice.txt"],
    );
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("scan.txt"), "{}", stderr(&output));
    assert!(stdout(&output).contains("halfwidth-punctuation"));

    let (code, json) = check_json(dir.path(), &["scan.txt", "notice.txt"]);
    assert_eq!(code, 2);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);
    assert_eq!(paths_of(&json), ["notice.txt"]);
    assert_eq!(json["summary"]["input_errors"][0]["path"], "scan.txt");
}

#[test]
fn undecodable_file_exits_2_and_other_files_are_still_reported() {
    let dir = workspace(&[
        ("latin.txt", UNDECODABLE),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = run(
        dir.path(),
        &["check", "--color", "never", "latin.txt", "notice.txt"],
    );
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("latin.txt"), "{}", stderr(&output));
    assert!(stderr(&output).contains("UTF-8"), "{}", stderr(&output));
    assert!(stdout(&output).contains("stray-period"));

    let (code, json) = check_json(dir.path(), &["latin.txt", "notice.txt"]);
    assert_eq!(code, 2);
    assert_eq!(rules_of(&json), ["stray-period"]);
    assert_eq!(json["summary"]["input_errors"][0]["path"], "latin.txt");
}

#[test]
fn unreadable_file_found_in_a_directory_walk_exits_2() {
    let dir = workspace(&[
        ("articles/a.txt", STRAY_PERIOD.as_bytes()),
        ("articles/b.txt", UNDECODABLE),
    ]);
    let (code, json) = check_json(dir.path(), &["articles"]);
    assert_eq!(code, 2);
    assert_eq!(paths_of(&json), ["articles/a.txt"]);
}

#[test]
fn unknown_rule_in_select_exits_2_with_an_error() {
    let dir = workspace(&[("clean.txt", CLEAN.as_bytes())]);
    govlint(dir.path())
        .args([
            "check",
            "--select",
            "stray-period,no-such-rule",
            "clean.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-rule"));
}

#[test]
fn unknown_rule_in_ignore_exits_2_with_an_error() {
    let dir = workspace(&[("clean.txt", CLEAN.as_bytes())]);
    govlint(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--ignore",
            "no-such-rule",
            "clean.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-rule"));
}

#[test]
fn invalid_option_value_is_a_usage_error_exiting_2() {
    let dir = workspace(&[("clean.txt", CLEAN.as_bytes())]);
    govlint(dir.path())
        .args(["check", "--format", "xml", "clean.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::is_empty().not());
}

#[test]
fn exit_code_is_the_same_in_human_and_json_format() {
    let dir = workspace(&[
        ("clean.txt", CLEAN.as_bytes()),
        ("error.txt", STRAY_PERIOD.as_bytes()),
        ("warning.txt", HALFWIDTH.as_bytes()),
        ("scan.txt", PNG),
        ("latin.txt", UNDECODABLE),
    ]);
    let cases: &[(&[&str], i32)] = &[
        (&["clean.txt"], 0),
        (&["error.txt"], 1),
        (&["warning.txt"], 0),
        (&["missing.txt", "clean.txt"], 2),
        (&["missing.txt", "error.txt"], 2),
        (&["scan.txt", "warning.txt"], 2),
        (&["latin.txt", "clean.txt"], 2),
        (&["--select", "no-such-rule", "clean.txt"], 2),
        (&["--ignore", "stray-period", "error.txt"], 0),
    ];
    for (args, expected) in cases {
        for format in ["human", "json"] {
            let mut all = vec!["check", "--color", "never", "--format", format];
            all.extend_from_slice(args);
            let output = run(dir.path(), &all);
            assert_eq!(
                code(&output),
                *expected,
                "exit code of `govlint {}`",
                all.join(" ")
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Inputs: standard input, directories, explicit files
// ---------------------------------------------------------------------------------------

#[test]
fn stdin_is_named_stdin_by_default() {
    let dir = workspace(&[]);
    let output = run_stdin(
        dir.path(),
        &["check", "--format", "json", "-"],
        STRAY_PERIOD,
    );
    assert_eq!(code(&output), 1);
    let json = parse_json(&output);
    assert_eq!(paths_of(&json), ["<stdin>"]);
    assert_eq!(rules_of(&json), ["stray-period"]);

    let output = run_stdin(
        dir.path(),
        &["check", "--color", "never", "-"],
        STRAY_PERIOD,
    );
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("<stdin>:1:"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn stdin_filename_names_standard_input_in_the_output() {
    let dir = workspace(&[]);
    let output = run_stdin(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "通知.txt",
            "-",
        ],
        STRAY_PERIOD,
    );
    assert_eq!(code(&output), 1);
    let json = parse_json(&output);
    assert_eq!(paths_of(&json), ["通知.txt"]);

    let output = run_stdin(
        dir.path(),
        &[
            "check",
            "--color",
            "never",
            "--stdin-filename",
            "通知.txt",
            "-",
        ],
        STRAY_PERIOD,
    );
    assert_eq!(code(&output), 1);
    let human = stdout(&output);
    assert!(human.contains("通知.txt:1:"), "{human}");
    assert!(!human.contains("<stdin>"), "{human}");
}

#[test]
fn clean_stdin_exits_0() {
    let dir = workspace(&[]);
    let output = run_stdin(dir.path(), &["check", "--format", "json", "-"], CLEAN);
    assert_eq!(code(&output), 0);
    assert_eq!(parse_json(&output)["summary"]["files"], 1);
}

/// What standard input is.
enum StdinIs {
    /// A pipe holding this text.
    Pipe(&'static str),
    Null,
    File(std::fs::File),
}

/// `govlint ARGS` with standard input `stdin`, outside CI (`CI` unset) unless `ci`.
fn run_with_stdin(dir: &Path, args: &[&str], stdin: StdinIs, ci: bool) -> Output {
    let mut cmd = std::process::Command::new(BIN);
    cmd.current_dir(dir).env_remove("CI").args(args);
    if ci {
        cmd.env("CI", "true");
    }
    let (stdin, text) = match stdin {
        StdinIs::Pipe(text) => (Stdio::piped(), Some(text)),
        StdinIs::Null => (Stdio::null(), None),
        StdinIs::File(file) => (Stdio::from(file), None),
    };
    let mut child = cmd
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn govlint");
    if let (Some(text), Some(mut pipe)) = (text, child.stdin.take()) {
        // govlint may exit without reading it: that is what is tested.
        let _ = std::io::Write::write_all(&mut pipe, text.as_bytes());
    }
    child.wait_with_output().expect("run govlint")
}

/// `govlint check` with no path, standard input `stdin`, messages in `lang`.
fn check_without_a_path(dir: &Path, stdin: StdinIs, ci: bool, lang: &str) -> Output {
    let args = ["check", "--format", "json", "--lang", lang];
    run_with_stdin(dir, &args, stdin, ci)
}

/// `echo 文本 | govlint check` lints `.`, as it always did and as a CI job needs (in GitHub
/// Actions standard input is a FIFO, in GitLab the job's script), and says so, with how to
/// lint standard input; `-` lints it. From /dev/null, in CI, or with a path: no note.
#[test]
fn a_pipe_without_a_path_lints_the_directory_and_says_how_to_read_stdin() {
    let dir = workspace(&[("a.txt", STRAY_PERIOD.as_bytes())]);
    let note = "note: no path given, so `.` is linted, not standard input; to lint standard \
                input, name it `-`: `… | govlint check -` (naming `.` silences this note)\n";

    let output = check_without_a_path(dir.path(), StdinIs::Pipe(HALFWIDTH), false, "en");
    assert_eq!(code(&output), 1);
    let json = parse_json(&output);
    assert_eq!(paths_of(&json), ["./a.txt"]);
    assert_eq!(rules_of(&json), ["stray-period"]);
    assert_eq!(stderr(&output), note);

    let output = check_without_a_path(dir.path(), StdinIs::Pipe(HALFWIDTH), false, "zh");
    assert_eq!(paths_of(&parse_json(&output)), ["./a.txt"]);
    assert!(
        stderr(&output).starts_with("注意：没有指定路径，因此检查的是当前文件夹“.”"),
        "{}",
        stderr(&output)
    );

    // Standard input redirected from a file is a file with something to read.
    write(dir.path(), "draft.md", HALFWIDTH.as_bytes());
    let file = std::fs::File::open(dir.path().join("draft.md")).expect("opened");
    let output = check_without_a_path(dir.path(), StdinIs::File(file), false, "en");
    assert_eq!(stderr(&output), note);
    std::fs::remove_file(dir.path().join("draft.md")).expect("removed");

    // What a CI job or a terminal-less runner gives: `.` is linted without a word.
    for (stdin, ci) in [(StdinIs::Null, false), (StdinIs::Pipe(HALFWIDTH), true)] {
        let output = check_without_a_path(dir.path(), stdin, ci, "en");
        assert_eq!(code(&output), 1);
        assert_eq!(paths_of(&parse_json(&output)), ["./a.txt"]);
        assert_eq!(stderr(&output), "");
    }

    // Named paths, `.` among them, are what the user meant.
    let args = ["check", "--format", "json", "."];
    let output = run_with_stdin(dir.path(), &args, StdinIs::Pipe(HALFWIDTH), false);
    assert_eq!(paths_of(&parse_json(&output)), ["./a.txt"]);
    assert_eq!(stderr(&output), "");

    // `-` reads the piped text.
    let args = ["check", "--format", "json", "-"];
    let output = run_with_stdin(dir.path(), &args, StdinIs::Pipe(HALFWIDTH), false);
    let json = parse_json(&output);
    assert_eq!(paths_of(&json), ["<stdin>"]);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);
    assert_eq!(stderr(&output), "");
}

#[test]
fn directory_walk_lints_only_txt_md_markdown_and_html_files() {
    let dir = workspace(&[
        ("articles/notice.txt", STRAY_PERIOD.as_bytes()),
        ("articles/report.md", STRAY_PERIOD.as_bytes()),
        ("articles/sub/speech.markdown", STRAY_PERIOD.as_bytes()),
        ("articles/draft.rst", STRAY_PERIOD.as_bytes()),
        ("articles/page.html", STRAY_PERIOD.as_bytes()),
        ("articles/old/page.htm", STRAY_PERIOD.as_bytes()),
        ("articles/README", STRAY_PERIOD.as_bytes()),
    ]);
    let (code, json) = check_json(dir.path(), &["articles"]);
    assert_eq!(code, 1);
    assert_eq!(
        paths_of(&json),
        [
            "articles/notice.txt",
            "articles/old/page.htm",
            "articles/page.html",
            "articles/report.md",
            "articles/sub/speech.markdown",
        ]
    );
    assert_eq!(json["summary"]["files"], 5);
}

#[test]
fn directory_walk_respects_gitignore_outside_a_git_repository() {
    let dir = workspace(&[
        ("articles/.gitignore", b"drafts/\nold.txt\n"),
        ("articles/notice.txt", STRAY_PERIOD.as_bytes()),
        ("articles/old.txt", STRAY_PERIOD.as_bytes()),
        ("articles/drafts/plan.txt", STRAY_PERIOD.as_bytes()),
    ]);
    assert!(!dir.path().join(".git").exists());
    let (code, json) = check_json(dir.path(), &["articles"]);
    assert_eq!(code, 1);
    assert_eq!(paths_of(&json), ["articles/notice.txt"]);
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn directory_walk_skips_hidden_files_and_directories() {
    let dir = workspace(&[
        ("articles/notice.txt", STRAY_PERIOD.as_bytes()),
        ("articles/.backup.txt", STRAY_PERIOD.as_bytes()),
        ("articles/.cache/copy.md", STRAY_PERIOD.as_bytes()),
    ]);
    let (code, json) = check_json(dir.path(), &["articles"]);
    assert_eq!(code, 1);
    assert_eq!(paths_of(&json), ["articles/notice.txt"]);
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn directory_results_are_sorted_by_path() {
    // Created out of order, so creation order cannot pass for sorting.
    let dir = workspace(&[
        ("articles/zhen/c.txt", STRAY_PERIOD.as_bytes()),
        ("articles/b.md", STRAY_PERIOD.as_bytes()),
        ("articles/a.txt", STRAY_PERIOD.as_bytes()),
        ("articles/jie/d.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let (_, json) = check_json(dir.path(), &["articles"]);
    assert_eq!(
        paths_of(&json),
        [
            "articles/a.txt",
            "articles/b.md",
            "articles/jie/d.txt",
            "articles/zhen/c.txt",
        ]
    );
}

#[test]
fn explicit_files_are_reported_sorted_by_path_whatever_the_argument_order() {
    let dir = workspace(&[
        ("b.txt", STRAY_PERIOD.as_bytes()),
        ("a.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let (_, json) = check_json(dir.path(), &["b.txt", "a.txt"]);
    assert_eq!(paths_of(&json), ["a.txt", "b.txt"]);
}

/// A folder named twice (`docs ./docs`), or a file and its folder, is read once under the
/// name it was first reached by: not a copy of itself, paragraph by paragraph.
#[test]
fn the_same_folder_named_twice_is_read_once() {
    let long = "　　注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n";
    let dir = workspace(&[
        ("docs/a.txt", format!("{long}{STRAY_PERIOD}").as_bytes()),
        ("docs/b.txt", CLEAN.as_bytes()),
    ]);
    for (args, expected) in [
        (&["docs", "./docs"][..], "docs/a.txt"),
        (&["./docs", "docs"][..], "./docs/a.txt"),
        (&["docs/a.txt", "docs"][..], "docs/a.txt"),
        (&["docs", "docs/../docs/a.txt"][..], "docs/a.txt"),
    ] {
        let (code, json) = check_json(dir.path(), args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(json["summary"]["files"], 2, "{args:?}: each file once");
        assert_eq!(
            rules_of(&json),
            ["stray-period"],
            "{args:?}: no file duplicates itself"
        );
        let path = diagnostics(&json)[0]["path"]
            .as_str()
            .unwrap()
            .replace('\\', "/");
        assert_eq!(path, expected, "{args:?}: the first spelling is kept");
    }
}

#[test]
fn default_path_is_the_current_directory() {
    let dir = workspace(&[
        ("notice.txt", STRAY_PERIOD.as_bytes()),
        ("page.rst", STRAY_PERIOD.as_bytes()),
    ]);
    let (code, json) = check_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 1);
    let paths = paths_of(&json);
    assert_eq!(paths.len(), 1);
    assert!(paths[0].ends_with("notice.txt"), "{paths:?}");
}

#[test]
fn explicit_file_is_linted_whatever_its_extension() {
    let dir = workspace(&[
        ("draft.rst", STRAY_PERIOD.as_bytes()),
        ("NOTICE", STRAY_PERIOD.as_bytes()),
        (".hidden.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let (code, json) = check_json(dir.path(), &["draft.rst", "NOTICE", ".hidden.txt"]);
    assert_eq!(code, 1);
    assert_eq!(paths_of(&json), [".hidden.txt", "NOTICE", "draft.rst"]);
    assert_eq!(
        rules_of(&json),
        ["stray-period", "stray-period", "stray-period"]
    );
}

// ---------------------------------------------------------------------------------------
// Rule selection and rule documentation
// ---------------------------------------------------------------------------------------

#[test]
fn select_runs_only_the_named_rules() {
    let dir = workspace(&[("notice.txt", ERROR_AND_WARNING.as_bytes())]);
    let (code, json) = check_json(dir.path(), &["notice.txt"]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation", "stray-period"]);

    let (code, json) = check_json(
        dir.path(),
        &["--select", "halfwidth-punctuation", "notice.txt"],
    );
    assert_eq!(code, 0, "the only error-level rule was not selected");
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);

    let (code, json) = check_json(
        dir.path(),
        &["--select", "stray-period,lost-character", "notice.txt"],
    );
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["stray-period"]);
}

#[test]
fn ignore_drops_the_named_rules() {
    let dir = workspace(&[("notice.txt", ERROR_AND_WARNING.as_bytes())]);
    let (code, json) = check_json(dir.path(), &["--ignore", "stray-period", "notice.txt"]);
    assert_eq!(code, 0);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);

    let (code, json) = check_json(
        dir.path(),
        &[
            "--ignore",
            "stray-period,halfwidth-punctuation",
            "notice.txt",
        ],
    );
    assert_eq!(code, 0);
    assert!(diagnostics(&json).is_empty(), "{json}");
}

#[test]
fn select_and_ignore_combine() {
    let dir = workspace(&[("notice.txt", ERROR_AND_WARNING.as_bytes())]);
    let (code, json) = check_json(
        dir.path(),
        &[
            "--select",
            "stray-period,halfwidth-punctuation",
            "--ignore",
            "stray-period",
            "notice.txt",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(rules_of(&json), ["halfwidth-punctuation"]);
}

#[test]
fn rules_lists_every_rule_with_its_severity() {
    let dir = workspace(&[]);
    let output = run(dir.path(), &["rules"]);
    assert_eq!(code(&output), 0);
    let listing = stdout(&output);
    let all_rules = all_rules();
    for &(name, severity) in &all_rules {
        let line = listing
            .lines()
            .find(|line| line.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("`{name}` is not listed:\n{listing}"));
        assert!(
            line.split_whitespace().any(|word| word == severity),
            "`{name}` is not listed as {severity}: {line}"
        );
    }
    let names: Vec<&str> = all_rules.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        listing
            .lines()
            .filter(|l| l
                .split_whitespace()
                .next()
                .is_some_and(|w| names.contains(&w)))
            .count(),
        all_rules.len()
    );
}

#[test]
fn rule_prints_the_documentation_of_one_rule() {
    let dir = workspace(&[]);
    let output = run(dir.path(), &["rule", "stray-period"]);
    assert_eq!(code(&output), 0);
    let doc = stdout(&output);
    assert!(doc.contains("stray-period"), "{doc}");
    assert!(doc.contains("error"), "{doc}");
    assert!(
        doc.contains("大奖."),
        "the documentation shows an example:\n{doc}"
    );
    // One rule's documentation, not the listing of all of them.
    let all_rules = all_rules();
    let listed = all_rules
        .iter()
        .filter(|(name, _)| doc.contains(name))
        .count();
    assert!(listed < all_rules.len(), "{doc}");
    let other = stdout(&run(dir.path(), &["rule", "lost-character"]));
    assert_ne!(doc, other);
}

#[test]
fn rule_with_an_unknown_name_exits_2() {
    let dir = workspace(&[]);
    govlint(dir.path())
        .args(["rule", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-rule"));
}

/// The rows of the first table after `heading` in the README, header and separator skipped.
fn readme_table<'a>(readme: &'a str, heading: &str) -> Vec<Vec<&'a str>> {
    readme
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("a {heading:?} section"))
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.split(" | ")
                .map(|cell| cell.trim_matches(['|', ' ']))
                .collect()
        })
        .collect()
}

/// The README's rule tables, English and Chinese, list every rule of the registry, in its
/// order, with its default severity and what its fixes are: a rule added, renamed or changed
/// without both tables fails here.
#[test]
fn readme_rule_table_matches_the_registry() {
    use govlint::rules::{Fixes, RULES};
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("read README.md");
    let registered: Vec<&str> = RULES.iter().map(|rule| rule.name).collect();

    let table = readme_table(&readme, "\n## Rules\n");
    let names: Vec<&str> = table.iter().map(|row| row[0].trim_matches('`')).collect();
    assert_eq!(names, registered);
    for (row, rule) in table.iter().zip(RULES) {
        assert_eq!(row[1], rule.severity.as_str(), "{}", rule.name);
        let fix = row[2];
        let agrees = match rule.fix {
            Fixes::None => fix == "—",
            Fixes::Safe => fix.starts_with("safe") && !fix.contains("unsafe"),
            Fixes::SafeWhenUnambiguous => fix.starts_with("safe") && fix.contains("unsafe"),
            Fixes::Suggested => fix.starts_with("unsafe"),
        };
        assert!(
            agrees,
            "{}: the README says {fix:?}, the rule {:?}",
            rule.name, rule.fix
        );
    }

    // The Chinese half: 安全修复 is a safe fix, 不安全修复 an unsafe one; the level is
    // given in Chinese and as the configuration spells it (`错误 `error``).
    let table = readme_table(&readme, "\n### 规则\n");
    let names: Vec<&str> = table.iter().map(|row| row[0].trim_matches('`')).collect();
    assert_eq!(names, registered, "the Chinese rule table");
    for (row, rule) in table.iter().zip(RULES) {
        let level = format!("`{}`", rule.severity.as_str());
        assert!(
            row[1].ends_with(&level),
            "{}: 默认级别 {:?}",
            rule.name,
            row[1]
        );
        let fix = row[2];
        let agrees = match rule.fix {
            Fixes::None => fix == "—",
            Fixes::Safe => fix.starts_with("安全") && !fix.contains("不安全"),
            Fixes::SafeWhenUnambiguous => fix.starts_with("安全") && fix.contains("不安全"),
            Fixes::Suggested => fix.starts_with("不安全"),
        };
        assert!(
            agrees,
            "{}: the Chinese README says {fix:?}, the rule {:?}",
            rule.name, rule.fix
        );
    }
}

#[test]
fn each_rule_reports_under_its_contract_name_and_severity() {
    let paragraph = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展“依法行政示范单位”和“依法行政示范标兵”创建，在镇村两级持续开展平安法治竞赛。";
    let near = paragraph.replace("竞赛。", "竞赛活动。");
    let cases = [
        (
            "duplicate-paragraph",
            format!("　　{paragraph}\n\n　　{paragraph}\n"),
        ),
        (
            "near-duplicate-paragraph",
            format!("　　{paragraph}\n\n　　{near}\n"),
        ),
        ("stray-period", STRAY_PERIOD.to_string()),
        (
            "unbalanced-quote",
            "　　会议强调，要持续推进“放管服改革，不断优化营商环境。\n".to_string(),
        ),
        (
            "unbalanced-bracket",
            "　　出台《关于建立全面依法治区督察制度的通知，建立健全督查考评机制。\n".to_string(),
        ),
        (
            "lost-character",
            "　　广泛开展“美好生活?法典相伴”主题活动，在全社会形成学法懂法良好风尚。\n".to_string(),
        ),
        ("halfwidth-punctuation", HALFWIDTH.to_string()),
    ];
    for (rule, text) in cases {
        let dir = workspace(&[("article.txt", text.as_bytes())]);
        let (code, json) = check_json(dir.path(), &["article.txt"]);
        let severity = all_rules()
            .into_iter()
            .find(|&(name, _)| name == rule)
            .expect("a registered rule")
            .1;
        let found: Vec<&Value> = diagnostics(&json)
            .iter()
            .filter(|d| d["rule"] == rule)
            .collect();
        assert_eq!(found.len(), 1, "`{rule}` on {text:?}: {json}");
        assert_eq!(found[0]["severity"], severity, "{rule}");
        assert_eq!(code, if severity == "error" { 1 } else { 0 }, "{rule}");
    }
}

// ---------------------------------------------------------------------------------------
// JSON output
// ---------------------------------------------------------------------------------------

#[test]
fn json_diagnostic_has_every_contract_field() {
    let paragraph = "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展“依法行政示范单位”和“依法行政示范标兵”创建。";
    let text = format!("　　{paragraph}\n\n　　{paragraph}\n");
    let dir = workspace(&[("article.txt", text.as_bytes())]);
    let (code, json) = check_json(dir.path(), &["article.txt"]);
    assert_eq!(code, 1);
    let summary = &json["summary"];
    assert!(summary.is_object(), "{json}");
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["warnings"], 0);

    let [d] = diagnostics(&json).as_slice() else {
        panic!("expected one finding: {json}");
    };
    assert_eq!(d["path"], "article.txt");
    assert_eq!(d["rule"], "duplicate-paragraph");
    assert_eq!(d["severity"], "error");
    assert!(!d["message"].as_str().unwrap().is_empty());
    for key in [
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "length",
    ] {
        num(d, key);
    }
    assert_eq!(num(d, "line"), 3);
    assert_eq!(num(d, "end_line"), 3);
    let second_line = text.find("\n\n").unwrap() + 2;
    assert!(num(d, "offset") as usize >= second_line);
    assert!(num(d, "length") > 0);
    let [related] = d["related"].as_array().unwrap().as_slice() else {
        panic!("expected one related place: {d}");
    };
    assert_eq!(related["path"], "article.txt");
    assert_eq!(num(related, "line"), 1);
    num(related, "column");
    assert!(related["message"].is_string(), "{related}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let text =
        "　　近年来，全区法治政府建设迈上新台阶。\n　　今年4月，区行政审批局获评全省优秀单位.\n";
    let dir = workspace(&[("article.txt", text.as_bytes())]);
    let (_, json) = check_json(dir.path(), &["article.txt"]);
    let [d] = diagnostics(&json).as_slice() else {
        panic!("expected one finding: {json}");
    };
    assert_eq!(d["rule"], "stray-period");
    let line = text.lines().nth(1).unwrap();
    let dot = line.find('.').unwrap();
    let column = char_column(line, dot);
    assert_ne!(
        column,
        dot as u64 + 1,
        "the line must have multi-byte characters"
    );
    assert_eq!(num(d, "line"), 2);
    assert_eq!(num(d, "column"), column);
    assert_eq!(num(d, "end_line"), 2);
    assert_eq!(num(d, "end_column"), column + 1);
    // Offset and length are bytes.
    assert_eq!(num(d, "offset") as usize, text.find('.').unwrap());
    assert_eq!(num(d, "length"), 1);
}

#[test]
fn human_output_reports_character_columns() {
    let text =
        "　　近年来，全区法治政府建设迈上新台阶。\n　　今年4月，区行政审批局获评全省优秀单位.\n";
    let dir = workspace(&[("article.txt", text.as_bytes())]);
    let line = text.lines().nth(1).unwrap();
    let column = char_column(line, line.find('.').unwrap());
    govlint(dir.path())
        .args(["check", "--color", "never", "article.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("article.txt:2:{column}")));
}

#[test]
fn json_diagnostics_are_sorted_by_path_line_and_column() {
    let many = "　　今年4月,区行政审批局获评全省优秀单位.全区上下坚持依法行政,成效明显.\n\n　　近年来,全区法治政府建设迈上新台阶.\n";
    let dir = workspace(&[
        ("b.txt", many.as_bytes()),
        ("a/c.md", many.as_bytes()),
        ("a.txt", many.as_bytes()),
    ]);
    let (_, json) = check_json(dir.path(), &["b.txt", "a", "a.txt"]);
    let keys: Vec<(String, u64, u64)> = diagnostics(&json)
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                num(d, "line"),
                num(d, "column"),
            )
        })
        .collect();
    assert!(keys.len() >= 15, "{json}");
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

// ---------------------------------------------------------------------------------------
// The seed fixture
// ---------------------------------------------------------------------------------------

#[test]
fn seed_fixture_exits_1_in_both_formats() {
    let (code, json) = seed_json();
    assert_eq!(code, 1);
    assert_eq!(paths_of(&json), [SEED]);
    let output = run(&manifest_dir(), &["check", "--color", "never", SEED]);
    assert_eq!(self::code(&output), 1);
}

#[test]
fn seed_fixture_reports_the_duplicate_paragraph_at_line_13_of_line_11() {
    let (_, json) = seed_json();
    let found: Vec<&Value> = diagnostics(&json)
        .iter()
        .filter(|d| d["rule"] == "duplicate-paragraph")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let d = found[0];
    assert_eq!(num(d, "line"), 13);
    assert_eq!(d["severity"], "error");
    let related = d["related"].as_array().unwrap();
    assert_eq!(related.len(), 1, "{d}");
    assert_eq!(related[0]["path"], SEED);
    assert_eq!(num(&related[0], "line"), 11);
}

#[test]
fn seed_fixture_reports_the_stray_period_on_line_23() {
    let (_, json) = seed_json();
    let found = seed_findings(&json, "stray-period", 23);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        num(&found[0], "column"),
        seed_column(23, "大奖.", "大奖".len())
    );
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn seed_fixture_reports_the_orphan_closing_quote_on_line_21() {
    let (_, json) = seed_json();
    let found = seed_findings(&json, "unbalanced-quote", 21);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        num(&found[0], "column"),
        seed_column(21, "评价”先进", "评价".len())
    );
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn seed_fixture_reports_the_lost_character_on_line_45() {
    let (_, json) = seed_json();
    let found = seed_findings(&json, "lost-character", 45);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        num(&found[0], "column"),
        seed_column(45, "生活?法典", "生活".len())
    );
    assert_eq!(found[0]["severity"], "error");
}

#[test]
fn seed_fixture_reports_halfwidth_punctuation_warnings() {
    let (_, json) = seed_json();
    let warnings: Vec<&Value> = diagnostics(&json)
        .iter()
        .filter(|d| d["rule"] == "halfwidth-punctuation")
        .collect();
    assert!(!warnings.is_empty());
    assert!(warnings.iter().all(|d| d["severity"] == "warning"));
    // `近年来,海门` on line 7.
    let comma = seed_column(7, "近年来,海门", "近年来".len());
    assert!(
        warnings
            .iter()
            .any(|d| num(d, "line") == 7 && num(d, "column") == comma),
        "no warning at 7:{comma}"
    );
    let all_warnings = diagnostics(&json)
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count();
    assert_eq!(json["summary"]["warnings"], all_warnings);
}

// ---------------------------------------------------------------------------------------
// Human output
// ---------------------------------------------------------------------------------------

#[test]
fn summary_line_ends_human_output() {
    let dir = workspace(&[("notice.txt", ERROR_AND_WARNING.as_bytes())]);
    let output = run(dir.path(), &["check", "--color", "never", "notice.txt"]);
    let human = stdout(&output);
    let last = human.lines().last().unwrap();
    assert_eq!(
        last, "Found 2 problems (1 error, 1 warning) in 1 file.",
        "{human}"
    );
}

#[test]
fn quiet_drops_the_summary_line_but_keeps_the_findings() {
    let dir = workspace(&[("notice.txt", ERROR_AND_WARNING.as_bytes())]);
    for quiet in ["--quiet", "-q"] {
        let output = run(
            dir.path(),
            &["check", "--color", "never", quiet, "notice.txt"],
        );
        assert_eq!(code(&output), 1);
        let human = stdout(&output);
        assert!(human.contains("stray-period"), "{human}");
        assert!(human.contains("halfwidth-punctuation"), "{human}");
        assert!(!human.contains("Found "), "{human}");
        assert!(!human.contains("1 file"), "{human}");
    }
}

#[test]
fn quiet_prints_nothing_for_a_clean_file() {
    let dir = workspace(&[("clean.txt", CLEAN.as_bytes())]);
    govlint(dir.path())
        .args(["check", "--quiet", "clean.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
}

#[test]
fn color_always_colors_and_never_does_not() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes())]);
    let colored = stdout(&run(
        dir.path(),
        &["check", "--color", "always", "notice.txt"],
    ));
    assert!(colored.contains('\u{1b}'), "{colored}");
    let plain = stdout(&run(
        dir.path(),
        &["check", "--color", "never", "notice.txt"],
    ));
    assert!(!plain.contains('\u{1b}'), "{plain}");
    // `auto` with stdout piped to the test: no color.
    let auto = stdout(&run(dir.path(), &["check", "notice.txt"]));
    assert!(!auto.contains('\u{1b}'), "{auto}");
}

// ---------------------------------------------------------------------------------------
// Broken pipe
// ---------------------------------------------------------------------------------------

/// Runs govlint with stdout into a pipe that is closed after a few bytes, and checks that
/// it does not complain about it.
fn assert_quiet_on_closed_pipe(dir: &Path, args: &[&str]) -> Output {
    assert_quiet_on_closed_pipe_reading(dir, args, Stdio::null())
}

/// `assert_quiet_on_closed_pipe` with `stdin` as standard input; the output, to check the
/// exit code.
fn assert_quiet_on_closed_pipe_reading(dir: &Path, args: &[&str], stdin: Stdio) -> Output {
    let mut child = std::process::Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn govlint");
    let mut pipe = child.stdout.take().unwrap();
    let mut start = [0u8; 64];
    pipe.read_exact(&mut start)
        .expect("govlint wrote some output");
    drop(pipe);
    let output = child.wait_with_output().expect("wait for govlint");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(stderr.trim().is_empty(), "unexpected stderr: {stderr}");
    output
}

#[test]
fn closed_pipe_on_large_json_output_is_not_an_error() {
    // Three findings per line, 3000 lines: megabytes of JSON, far beyond a pipe buffer.
    let text: String = (1..=3000)
        .map(|i| format!("　　近年来,全区法治政府建设迈上新台阶,第{i}项工作已经完成.\n"))
        .collect();
    let dir = workspace(&[("big.txt", text.as_bytes())]);
    assert_quiet_on_closed_pipe(dir.path(), &["check", "--format", "json", "big.txt"]);
}

/// `--diff` and `- --fix` write what they write like the other outputs: a closed pipe ends
/// them quietly, with the exit code the whole output would have had.
#[test]
fn closed_pipe_on_a_diff_or_fixed_stdin_is_not_an_error() {
    let dir = workspace(&[]);
    for i in 0..400 {
        write(
            dir.path(),
            &format!("articles/{i:03}.txt"),
            ERROR_AND_WARNING.as_bytes(),
        );
    }
    let diffed = assert_quiet_on_closed_pipe(dir.path(), &["check", "--diff", "articles"]);
    assert_eq!(diffed.status.code(), Some(1), "a diff was being written");
    let big: String = (1..=3000)
        .map(|i| format!("　　近年来,全区法治政府建设迈上新台阶,第{i}项工作已经完成.\n"))
        .collect();
    write(dir.path(), "big.txt", big.as_bytes());
    let stdin = std::fs::File::open(dir.path().join("big.txt")).unwrap();
    let fixed =
        assert_quiet_on_closed_pipe_reading(dir.path(), &["check", "-", "--fix"], stdin.into());
    assert_eq!(
        fixed.status.code(),
        Some(0),
        "the fixed text was being written"
    );
}

#[test]
fn closed_pipe_on_large_human_output_is_not_an_error() {
    // Human output groups repeated findings per file, so use many files.
    let dir = workspace(&[]);
    let text =
        "　　近年来,全区法治政府建设迈上新台阶.\n\n　　今年4月,区行政审批局获评全省优秀单位.\n";
    for i in 0..400 {
        write(dir.path(), &format!("articles/{i:03}.txt"), text.as_bytes());
    }
    assert_quiet_on_closed_pipe(dir.path(), &["check", "--color", "never", "articles"]);
}

/// Standard input cannot be read twice: a near copy found in it still carries its diff in
/// JSON output, which keeps no other file's text.
#[test]
fn near_copy_from_stdin_shows_what_differs_in_json() {
    let text = "建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。";
    let input = format!("{text}\n{}\n", text.replace("140", "150"));
    let output = Command::cargo_bin("govlint")
        .expect("binary is built")
        .args(["check", "-", "--format", "json"])
        .write_stdin(input)
        .output()
        .expect("govlint runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let near = &json["diagnostics"][0];
    assert_eq!(near["rule"], "near-duplicate-paragraph");
    assert_eq!(near["diff"], "…”公里。1[-4-]{+5+}0个政务服…");
}

/// The locale chooses the language of messages; `--lang` and the configuration's `lang`
/// choose over it. Rule ids and JSON keys stay English in both.
#[test]
fn the_locale_and_lang_choose_the_language_of_messages() {
    let dir = workspace(&[("a.txt", STRAY_PERIOD.as_bytes())]);
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut command = std::process::Command::new(BIN);
        command
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .args(["check", "--format", "concise"])
            .args(args)
            .arg("a.txt");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().expect("govlint runs");
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let english = run(&[("LANG", "en_US.UTF-8")], &[]);
    assert!(
        english.contains("error[stray-period] ASCII `.`"),
        "{english}"
    );
    let chinese = run(&[("LANG", "zh_CN.UTF-8")], &[]);
    assert!(chinese.contains("error[stray-period] "), "{chinese}");
    assert_ne!(chinese, english);
    assert!(
        chinese.contains('句') && !chinese.contains("full stop"),
        "{chinese}"
    );
    // LC_ALL wins over LANG; --lang over the locale.
    assert_eq!(
        run(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "C")], &[]),
        chinese
    );
    assert_eq!(run(&[("LANG", "zh_CN.UTF-8")], &["--lang", "en"]), english);
    assert_eq!(run(&[("LANG", "C")], &["--lang", "zh"]), chinese);
    // The configuration's `lang` over the locale, under `--lang`.
    write(dir.path(), "govlint.toml", b"lang = \"en\"\n");
    assert_eq!(run(&[("LANG", "zh_CN.UTF-8")], &[]), english);
    assert_eq!(run(&[("LANG", "C")], &["--lang", "zh"]), chinese);
    std::fs::remove_file(dir.path().join("govlint.toml")).expect("removed");
}

/// A UTF-8 byte-order mark is not a column: a file with one gives the lines and columns of
/// the same file without (byte offsets still count the file's bytes).
#[test]
fn a_byte_order_mark_is_not_a_column() {
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend_from_slice(STRAY_PERIOD.as_bytes());
    let dir = workspace(&[
        ("bom.txt", &with_bom),
        ("plain.txt", STRAY_PERIOD.as_bytes()),
    ]);
    for format in ["concise", "github", "human"] {
        let output = |name: &str| {
            let output = std::process::Command::new(BIN)
                .current_dir(dir.path())
                .args(["check", "--isolated", "--format", format, name])
                .output()
                .expect("govlint runs");
            String::from_utf8(output.stdout)
                .expect("UTF-8")
                .replace("bom.txt", "plain.txt")
        };
        assert_eq!(output("bom.txt"), output("plain.txt"), "{format}");
    }
    for (format, keys) in [
        ("json", &["line", "column", "end_line", "end_column"][..]),
        ("sarif", &["startLine", "startColumn", "endColumn"][..]),
    ] {
        let places = |name: &str| {
            let output = std::process::Command::new(BIN)
                .current_dir(dir.path())
                .args(["check", "--isolated", "--format", format, name])
                .output()
                .expect("govlint runs");
            let text = String::from_utf8(output.stdout).expect("UTF-8");
            keys.iter()
                .map(|key| {
                    let needle = format!("\"{key}\": ");
                    text.match_indices(&needle)
                        .map(|(at, _)| {
                            text[at + needle.len()..]
                                .split([',', '\n', '}'])
                                .next()
                                .unwrap_or_default()
                                .trim()
                                .to_string()
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        };
        let plain = places("plain.txt");
        assert!(
            plain.iter().all(|values| !values.is_empty()),
            "{format}: {plain:?}"
        );
        assert_eq!(places("bom.txt"), plain, "{format}");
    }
}

/// A per-file rule's related place (where a quotation closes) is in its own file, also in
/// a run that takes the file from the cache (it pointed at the run's first file, and was
/// lost from the cache).
#[test]
fn related_places_of_per_file_rules_name_their_own_file_also_from_the_cache() {
    let dir = workspace(&[
        ("a.md", "甲。\n".as_bytes()),
        ("b.md", "他说：“第一段。\n\n第二段。”\n".as_bytes()),
    ]);
    let run = || {
        let output = std::process::Command::new(BIN)
            .current_dir(dir.path())
            .args(["check", "--isolated", "--format", "json", "--cache", "."])
            .output()
            .expect("govlint runs");
        let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let quote = json["diagnostics"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|d| d["rule"] == "multi-paragraph-quote")
            .cloned()
            .expect("the quotation over two paragraphs is found");
        assert_eq!(quote["path"], "./b.md");
        assert_eq!(quote["related"][0]["path"], "./b.md", "{quote}");
        assert_eq!(quote["related"][0]["line"], 3, "{quote}");
        output.stdout
    };
    let first = run();
    assert!(dir.path().join(".govlint-cache").exists());
    assert_eq!(run(), first, "the cached run reports the same");
}

/// An editor may stop reading its server's errors: with nobody reading standard error, an
/// error is dropped and the exit code stays 2 (`eprint!` panicked on the broken pipe: 101).
#[test]
fn an_unread_standard_error_is_no_panic() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_govlint"))
        .args(["check", "/nonexistent/稿件.txt"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("govlint runs");
    drop(child.stderr.take());
    assert_eq!(child.wait().expect("it ends").code(), Some(2));
}
