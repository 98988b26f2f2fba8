//! Bad input: no file makes govlint panic, hang, run out of memory or lose data. Each case
//! gets one line on standard error naming the file and the cause (or no error at all, where
//! the input is merely odd), exit code 2 when a path could not be linted, and every other
//! file is still linted and reported. Runs the built binary in temporary directories.
//!
//! Inputs already covered elsewhere: a missing file, a binary or undecodable file named on
//! the command line, an undecodable file in a walk (`tests/cli.rs`); a configuration that
//! is not TOML (`tests/config.rs`).

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

/// One error-level finding: a stray ASCII full stop.
const STRAY_PERIOD: &str = "　　今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";
/// The start of a PNG image.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x02\0\0\0";

fn workspace(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, contents) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

fn govlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run govlint")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("govlint exited by a signal")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "stdout is not JSON ({err}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The (path, rule) of every finding.
fn findings(json: &Value) -> Vec<(String, String)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The one line of standard error about `path`, which must exist.
fn line_about(stderr: &str, path: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(path)).collect();
    assert_eq!(lines.len(), 1, "one line about {path} in:\n{stderr}");
    lines[0].to_string()
}

/// The stray period of `notice.txt` is reported next to the bad input.
fn notice_is_reported(output: &Output) {
    let found = findings(&json(output));
    assert!(
        ["notice.txt", "./notice.txt", "a/notice.txt"]
            .iter()
            .any(|path| found.contains(&(path.to_string(), "stray-period".to_string()))),
        "{found:?}"
    );
}

#[test]
fn binary_file_found_by_a_walk_is_skipped_with_a_note_not_an_error() {
    let dir = workspace(&[
        ("a/scan.txt", PNG),
        ("a/notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = govlint(dir.path(), &["check", "a", "--format", "json"]);
    // Exit 1 for the stray period: the binary file does not make the run fail.
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let note = line_about(&stderr(&output), "a/scan.txt");
    assert!(note.starts_with("note: a/scan.txt: binary file"), "{note}");
    assert!(note.ends_with(", skipped"), "{note}");
    let json = json(&output);
    assert_eq!(json["summary"]["input_errors"], serde_json::json!([]));
    assert_eq!(json["summary"]["skipped"][0]["path"], "a/scan.txt");
    assert_eq!(json["summary"]["files"], 1);
    notice_is_reported(&output);

    // Human output says so in its summary line; named explicitly it is an error.
    let human = govlint(dir.path(), &["check", "a", "--color", "never"]);
    let stdout = String::from_utf8(human.stdout).unwrap();
    assert!(stdout.contains("1 binary file skipped."), "{stdout}");
    let named = govlint(dir.path(), &["check", "a/scan.txt", "a/notice.txt"]);
    assert_eq!(code(&named), 2);
    assert!(
        line_about(&stderr(&named), "a/scan.txt").starts_with("error: a/scan.txt: binary file")
    );
}

#[test]
fn undecodable_bytes_get_one_line_with_the_offset_and_what_they_look_like() {
    let latin = b"Caf\xe9 cr\xe8me, na\xefve fa\xe7ade, d\xe9j\xe0 vu\n";
    let dir = workspace(&[
        ("latin.txt", latin),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = govlint(
        dir.path(),
        &["check", "latin.txt", "notice.txt", "--format", "json"],
    );
    assert_eq!(code(&output), 2);
    let line = line_about(&stderr(&output), "latin.txt");
    assert_eq!(
        line,
        "error: latin.txt: not valid UTF-8 (invalid byte at offset 3) and not a Chinese encoding \
         (it looks like windows-1252), not linted; `--encoding` names the encoding"
    );
    notice_is_reported(&output);
}

#[test]
fn empty_and_whitespace_only_files_are_linted_without_error() {
    let dir = workspace(&[
        ("empty.txt", b""),
        ("blank.txt", " \n\u{3000}\u{3000}\n\t\r\n\n".as_bytes()),
        ("bom.txt", b"\xEF\xBB\xBF"),
        ("blank.md", b"\n\n   \n"),
    ]);
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let json = json(&output);
    assert_eq!(json["summary"]["files"], 4);
    assert_eq!(findings(&json), []);
}

/// A sparse 1 GB file (no disk space used) is refused by its size: it is never read.
#[test]
fn a_file_over_the_size_limit_is_refused_without_being_read() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes())]);
    let huge = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        line_about(&stderr(&output), "huge.txt"),
        "error: ./huge.txt: 1024 MB is over the 64 MB limit (`--max-file-size` raises it), not read"
    );
    notice_is_reported(&output);

    // The limit is exact: a file of that many bytes is read, one more byte is not.
    let limit = STRAY_PERIOD.len().to_string();
    let at_limit = govlint(
        dir.path(),
        &["check", "notice.txt", "--max-file-size", &limit],
    );
    assert_eq!(code(&at_limit), 1, "{}", stderr(&at_limit));
    let below = (STRAY_PERIOD.len() - 1).to_string();
    let over = govlint(
        dir.path(),
        &["check", "notice.txt", "--max-file-size", &below],
    );
    assert_eq!(code(&over), 2);
    assert!(line_about(&stderr(&over), "notice.txt").contains("is over the"));
    // A size that is not one is a usage error.
    let bad = govlint(dir.path(), &["check", ".", "--max-file-size", "lots"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("is not a size"), "{}", stderr(&bad));
}

/// A stream has no size to check first: it is read up to the limit and refused there.
#[test]
fn standard_input_over_the_size_limit_is_refused() {
    let dir = workspace(&[]);
    let text = STRAY_PERIOD.repeat(20_000); // 1.5 MB
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "-", "--max-file-size", "1M"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    assert_eq!(
        line_about(&stderr(&output), "<stdin>"),
        "error: <stdin>: more than 1 MB (the limit of `--max-file-size`), not linted"
    );
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "-", "--max-file-size", "2M", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(code(&output), 1, "{}", stderr(&output));
}

/// 24 MB on one line, under the limit: read, split and reported (the line index and the
/// column of a mark at its far end included). Only one cheap rule runs, to keep the debug
/// build quick; `examples/stress.rs` measures every rule on such lines.
#[test]
fn a_long_single_line_under_the_limit_is_linted() {
    let sentence = "全面推进依法行政，加快建设法治政府。海门区不断完善法治建设考核机制。";
    let count = 24_000_000 / sentence.len();
    let line = format!("{}大奖.", sentence.repeat(count));
    let dir = workspace(&[
        ("long.txt", line.as_bytes()),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = govlint(
        dir.path(),
        &["check", ".", "--format", "json", "--select", "stray-period"],
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let json = json(&output);
    let long: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "./long.txt")
        .collect();
    assert_eq!(long.len(), 1);
    assert_eq!(long[0]["line"], 1);
    assert_eq!(
        long[0]["column"].as_u64().unwrap() as usize,
        line.chars().count()
    );
    assert_eq!(findings(&json).len(), 2);
}

/// A 1 MB paragraph made of the patterns that once made rules quadratic (a sentence
/// compared with every earlier one, a clause searched back to the paragraph start for each
/// `?`, and so on) goes through every rule and every output format.
#[test]
fn a_megabyte_paragraph_goes_through_every_rule() {
    let pieces = [
        "全面推进依法行政，加快建设法治政府。",
        "第一项工作要抓好落实，确保取得实效。",
        "政府 工作",
        "美好生活?法典相伴",
        "2024年二〇二四年6千余万2020-2021年",
        "甲--乙",
        "见http://www.gov.cn/a.html,中.文",
        "“甲（乙《丙【丁",
        "丁，，戊。。",
        "己...庚",
        "ＡＢＣ１２３",
        "首页 > 打印本页",
        "甲”乙）丙》",
    ];
    let mut paragraph = String::new();
    let mut i = 0;
    while paragraph.len() < 1_000_000 {
        paragraph.push_str(pieces[i % pieces.len()]);
        i += 1;
    }
    paragraph.push('\n');
    let dir = workspace(&[
        ("big.txt", paragraph.as_bytes()),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let found = findings(&json(&output));
    for rule in [
        "duplicate-sentence",
        "lost-character",
        "cjk-space",
        "mixed-number",
        "dash-form",
        "unbalanced-bracket",
        "repeated-punctuation",
    ] {
        assert!(
            found.iter().any(|(p, r)| p == "./big.txt" && r == rule),
            "{rule} on the big paragraph"
        );
    }
    notice_is_reported_in(&found, "./notice.txt");
    for format in ["human", "sarif", "rdjson", "github", "concise"] {
        let output = govlint(dir.path(), &["check", ".", "--format", format]);
        assert_eq!(code(&output), 1, "{format}");
    }
}

fn notice_is_reported_in(found: &[(String, String)], path: &str) {
    assert!(
        found.contains(&(path.to_string(), "stray-period".to_string())),
        "{found:?}"
    );
}

/// A file with 30 000 slips of one rule keeps the first 10 000 and says how many there
/// were: a 64 MB file of them would otherwise hold 20 million findings in memory.
#[test]
fn findings_of_one_rule_in_one_file_stop_at_ten_thousand() {
    let dir = workspace(&[
        ("commas.txt", "甲,".repeat(30_000).as_bytes()),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert_eq!(
        line_about(&stderr(&output), "commas.txt"),
        "warning: ./commas.txt: halfwidth-punctuation found 30000 times; only the first 10000 \
         are reported"
    );
    let found = findings(&json(&output));
    let commas = found
        .iter()
        .filter(|(path, _)| path == "./commas.txt")
        .count();
    assert_eq!(commas, 10_000);
    notice_is_reported_in(&found, "./notice.txt");
}

/// 100 000 copies of one paragraph are one finding with 99 999 other places (three of
/// them shown in human output), not five billion pairs.
#[test]
fn a_hundred_thousand_identical_paragraphs_are_one_finding() {
    let line = "　　全面推进依法行政，加快建设法治政府，不断提升政府治理能力和水平，确保各项工作落到实处。\n";
    let dir = workspace(&[("copies.txt", line.repeat(100_000).as_bytes())]);
    // The duplicate rules only: the per-paragraph rules are slow in a debug build.
    let select = "duplicate-paragraph,near-duplicate-paragraph";
    let output = govlint(
        dir.path(),
        &[
            "check",
            "copies.txt",
            "--format",
            "json",
            "--select",
            select,
        ],
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let json = json(&output);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["rule"], "duplicate-paragraph");
    assert_eq!(diagnostics[0]["related"].as_array().unwrap().len(), 99_999);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("100000 copies")
    );

    let human = govlint(
        dir.path(),
        &[
            "check",
            "copies.txt",
            "--color",
            "never",
            "--select",
            select,
        ],
    );
    let stdout = String::from_utf8(human.stdout).unwrap();
    assert_eq!(stdout.matches("↳").count(), 3, "{stdout}");
    assert!(stdout.contains("99996 more copies"), "{stdout}");
}

/// Root reads anything, so the test reads the file back after `chmod 000` and goes no
/// further when that works.
#[cfg(unix)]
#[test]
fn unreadable_file_and_directory_are_errors_and_the_others_are_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace(&[
        ("a/locked.txt", STRAY_PERIOD.as_bytes()),
        ("a/closed/inner.txt", STRAY_PERIOD.as_bytes()),
        ("a/notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let locked = dir.path().join("a/locked.txt");
    let closed = dir.path().join("a/closed");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let restore = || {
        std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    if std::fs::read(&locked).is_ok() {
        restore();
        eprintln!("skipped: running as a user who can read any file (root)");
        return;
    }
    let output = govlint(dir.path(), &["check", "a", "--format", "json"]);
    restore();
    assert_eq!(code(&output), 2);
    let stderr = stderr(&output);
    assert_eq!(
        line_about(&stderr, "a/locked.txt"),
        "error: a/locked.txt: permission denied"
    );
    assert_eq!(
        line_about(&stderr, "a/closed"),
        "error: a/closed: permission denied"
    );
    notice_is_reported(&output);
}

#[test]
fn a_directory_named_like_a_file_is_walked() {
    let dir = workspace(&[("archive.txt/notice.txt", STRAY_PERIOD.as_bytes())]);
    let output = govlint(dir.path(), &["check", "archive.txt", "--format", "json"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    notice_is_reported_in(&findings(&json(&output)), "archive.txt/notice.txt");
}

/// A walk does not follow links into directories, so a loop cannot trap it; a link to a
/// file outside the walk is read, one to a file inside it is not (that file is linted under
/// its own name). A loop named on the command line is one error line.
#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_and_the_run_goes_on() {
    use std::os::unix::fs::symlink;
    let dir = workspace(&[
        ("a/notice.txt", STRAY_PERIOD.as_bytes()),
        ("elsewhere/shared.txt", STRAY_PERIOD.as_bytes()),
    ]);
    symlink("..", dir.path().join("a/up")).unwrap();
    symlink("self.txt", dir.path().join("a/self.txt")).unwrap();
    symlink("notice.txt", dir.path().join("a/again.txt")).unwrap();
    symlink("../elsewhere/shared.txt", dir.path().join("a/shared.txt")).unwrap();
    let output = govlint(dir.path(), &["check", "a", "--format", "json"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert_eq!(
        line_about(&stderr(&output), "a/self.txt"),
        "error: a/self.txt: a symbolic link loop (too many levels of symbolic links)"
    );
    let found = findings(&json(&output));
    notice_is_reported_in(&found, "a/notice.txt");
    notice_is_reported_in(&found, "a/shared.txt");
    assert!(
        !found.iter().any(|(path, _)| path == "a/again.txt"),
        "{found:?}"
    );

    let named = govlint(
        dir.path(),
        &["check", "a/self.txt", "a/notice.txt", "--format", "json"],
    );
    assert_eq!(code(&named), 2);
    assert_eq!(
        line_about(&stderr(&named), "a/self.txt"),
        "error: a/self.txt: a symbolic link loop (too many levels of symbolic links)"
    );
    notice_is_reported_in(&findings(&json(&named)), "a/notice.txt");
}

/// A file listed by the walk and gone when it is read, made race-free with a link to a
/// file that does not exist (a missing file named explicitly: `tests/cli.rs`).
#[cfg(unix)]
#[test]
fn a_file_that_vanished_before_it_was_read_is_an_error() {
    let dir = workspace(&[("a/notice.txt", STRAY_PERIOD.as_bytes())]);
    std::os::unix::fs::symlink("deleted.txt", dir.path().join("a/gone.txt")).unwrap();
    let output = govlint(dir.path(), &["check", "a", "--format", "json"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        line_about(&stderr(&output), "a/gone.txt"),
        "error: a/gone.txt: a symbolic link to a file that does not exist"
    );
    let json = json(&output);
    assert_eq!(json["summary"]["input_errors"][0]["path"], "a/gone.txt");
    notice_is_reported(&output);
}

#[test]
fn a_configuration_that_is_not_text_or_not_a_file_names_the_file() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes()), ("bad.toml", PNG)]);
    std::fs::create_dir(dir.path().join("folder.toml")).unwrap();
    for (config, cause) in [
        ("bad.toml", "not UTF-8 text"),
        ("folder.toml", "a directory, where a file was expected"),
        ("missing.toml", "no such file or directory"),
    ] {
        let output = govlint(dir.path(), &["check", "notice.txt", "--config", config]);
        assert_eq!(code(&output), 2, "{config}");
        assert_eq!(
            stderr(&output).trim_end(),
            format!("error: {config}: cannot read the configuration file: {cause}")
        );
        assert!(output.stdout.is_empty());
    }
    // A device (an endless one here) is not read at all: only regular files are.
    if cfg!(unix) {
        let output = govlint(
            dir.path(),
            &["check", "notice.txt", "--config", "/dev/zero"],
        );
        assert_eq!(
            stderr(&output).trim_end(),
            "error: /dev/zero: cannot read the configuration file: not a regular file (a pipe, socket or device)"
        );
        let output = govlint(
            dir.path(),
            &["check", "notice.txt", "--dup-allowlist", "/dev/zero"],
        );
        assert_eq!(code(&output), 2);
        assert_eq!(
            stderr(&output).trim_end(),
            "error: /dev/zero: cannot read the allowlist: not a regular file (a pipe, socket or device)"
        );
    }
    // A regular file is read up to a limit, not to the end.
    std::fs::write(dir.path().join("big.toml"), vec![b'#'; 2 << 20]).unwrap();
    let output = govlint(dir.path(), &["check", "notice.txt", "--config", "big.toml"]);
    assert_eq!(
        stderr(&output).trim_end(),
        "error: big.toml: cannot read the configuration file: larger than 1 MB"
    );
}

/// `--fix` writes a temporary file and renames it over the original. A debug build aborts
/// between the two when `GOVLINT_TEST_ABORT_BEFORE_RENAME` is set: the original is intact,
/// the temporary file is recognizable, and a later run older than an hour removes it.
#[test]
fn fix_killed_before_the_rename_leaves_the_original_intact() {
    let original = format!("{STRAY_PERIOD}　　近年来,全区法治政府建设迈上新台阶。\n");
    let dir = workspace(&[("notice.txt", original.as_bytes())]);
    let killed = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "notice.txt", "--fix"])
        .env("GOVLINT_TEST_ABORT_BEFORE_RENAME", "1")
        .output()
        .unwrap();
    if killed.status.success() || killed.status.code() == Some(1) {
        eprintln!("skipped: a release build has no abort hook");
        return;
    }
    assert!(killed.status.code().is_none(), "killed by a signal");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notice.txt")).unwrap(),
        original
    );
    let temporaries: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &dir.path().join("notice.txt"))
        .collect();
    assert_eq!(temporaries.len(), 1, "{temporaries:?}");
    let name = temporaries[0].file_name().unwrap().to_string_lossy();
    assert!(
        name.starts_with(".govlint-") && name.ends_with(".tmp"),
        "{name}"
    );
    // It held the complete fixed text: only the rename was missing.
    let left = std::fs::read_to_string(&temporaries[0]).unwrap();
    assert!(
        left.contains("大奖。") && left.contains("近年来，"),
        "{left}"
    );

    // A fresh temporary file may belong to a run in progress: it stays.
    let fixed = govlint(dir.path(), &["check", "notice.txt", "--fix"]);
    assert_eq!(code(&fixed), 0, "{}", stderr(&fixed));
    assert!(temporaries[0].exists());
    // One older than an hour is what a killed run left: the next fix removes it.
    std::fs::write(dir.path().join("notice.txt"), &original).unwrap();
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&temporaries[0])
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    let fixed = govlint(dir.path(), &["check", "notice.txt", "--fix"]);
    assert_eq!(code(&fixed), 0, "{}", stderr(&fixed));
    assert!(!temporaries[0].exists());
    let fixed_text = std::fs::read_to_string(dir.path().join("notice.txt")).unwrap();
    assert!(fixed_text.contains("大奖。"), "{fixed_text}");
}

/// What `--fix` does when the file changes after it was linted (debug builds append
/// `hook_text` at the moment named by `hook`): an error naming the file, exit 2, and the
/// file as the other writer left it, whatever the output format.
fn fix_meets_an_edit(hook: &str, format: &str) {
    let original = format!("{STRAY_PERIOD}　　今年共有１２３４５家企业,较上年增长。\n");
    let dir = workspace(&[("notice.txt", original.as_bytes())]);
    let edit = "　　另据统计,新增就业岗位一千个。\n";
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "notice.txt", "--fix", "--format", format])
        .env(hook, edit)
        .output()
        .unwrap();
    let now = std::fs::read_to_string(dir.path().join("notice.txt")).unwrap();
    if now == original || now.contains("大奖。") {
        eprintln!("skipped: a release build has no edit hook");
        return;
    }
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(
        now,
        format!("{original}{edit}"),
        "the other writer's text is kept"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("notice.txt"), "{stderr}");
    // The file left unfixed is in the report a CI job reads, not only on standard error.
    let message = stderr
        .lines()
        .find_map(|line| line.strip_prefix("error: notice.txt: "))
        .unwrap_or_else(|| panic!("an error names the file: {stderr}"));
    match format {
        "json" => {
            let json: Value = serde_json::from_slice(&output.stdout).unwrap();
            let errors = &json["summary"]["fix_errors"];
            assert_eq!(errors[0]["path"], "notice.txt", "{json}");
            assert_eq!(errors[0]["message"], message, "{json}");
            assert_eq!(errors.as_array().map(Vec::len), Some(1), "{json}");
        }
        "sarif" => {
            let sarif: Value = serde_json::from_slice(&output.stdout).unwrap();
            let invocation = &sarif["runs"][0]["invocations"][0];
            assert_eq!(invocation["executionSuccessful"], false, "{invocation}");
            let notification = &invocation["toolExecutionNotifications"][0];
            assert_eq!(notification["level"], "error", "{invocation}");
            assert_eq!(notification["message"]["text"], message, "{invocation}");
            assert_eq!(
                notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                "notice.txt",
                "{invocation}"
            );
        }
        _ => {}
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
}

#[test]
fn a_file_edited_between_the_lint_and_the_fix_is_not_fixed() {
    for format in ["human", "json", "sarif"] {
        fix_meets_an_edit("GOVLINT_TEST_EDIT_BEFORE_FIX", format);
    }
}

#[test]
fn a_file_edited_while_its_fix_is_written_keeps_the_edit() {
    for format in ["human", "json", "sarif"] {
        fix_meets_an_edit("GOVLINT_TEST_EDIT_BEFORE_RENAME", format);
    }
}

/// `--fix --cache` reads every file afresh: a file changed with its size and modification
/// time kept (`touch -r`, `cp -p`) is fixed from its new text, not the cached findings.
#[test]
fn fixes_are_never_taken_from_the_cache() {
    // The full-width digits move 6 bytes: the cached edit would land on `３４５家企`.
    let before = "　　今年共有１２３４５家企业。\n";
    let after = "　　共有１２３４５家企业今年。\n";
    assert_eq!(before.len(), after.len());
    let dir = workspace(&[("notice.txt", before.as_bytes())]);
    let path = dir.path().join("notice.txt");
    let cached = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "notice.txt", "--cache"])
        .output()
        .unwrap();
    assert!(cached.status.code().is_some_and(|c| c <= 1), "{cached:?}");
    let stamp = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, after).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(stamp)
        .unwrap();
    let fixed = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", "notice.txt", "--cache", "--fix"])
        .output()
        .unwrap();
    assert!(fixed.status.code().is_some_and(|c| c <= 1), "{fixed:?}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "　　共有12345家企业今年。\n"
    );
}

/// A file name cannot forge a CI annotation or send an escape sequence through standard
/// error: the notes and errors that name files print control characters escaped.
#[cfg(unix)]
#[test]
fn file_names_print_on_standard_error_without_control_characters() {
    let forged = "x\n::error file=README.md,line=1::Forged\n\u{1b}[31m.txt";
    let dir = workspace(&[(forged, PNG), ("notice.txt", STRAY_PERIOD.as_bytes())]);
    let output = Command::new(BIN)
        .current_dir(dir.path())
        .args(["check", ".", "--format", "github"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(r"x\n::error file=README.md"), "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("::")), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout
            .lines()
            .any(|l| l.starts_with("::error file=README.md")),
        "{stdout}"
    );
}

/// What a terminal would act on: ESC, BEL, a carriage return, a backspace, and the C1
/// control sequence introducer (U+009B, which some terminals read as `ESC [`).
fn terminal_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .filter(|&(_, c)| matches!(c, '\u{1b}' | '\u{7}' | '\r' | '\u{8}' | '\u{9b}'))
        .map(|(at, c)| {
            format!(
                "{c:?} at {at}: …{}…",
                text[..at]
                    .chars()
                    .rev()
                    .take(20)
                    .collect::<String>()
                    .chars()
                    .rev()
                    .collect::<String>()
            )
        })
        .collect()
}

/// Terminal escape sequences in a document, its name or a configuration are shown escaped
/// (`\u{1b}`), never sent to the terminal, in every format, in `--diff` and in errors.
/// Tabs and line breaks of the output's own layout stay.
#[cfg(unix)]
#[test]
fn terminal_escapes_from_documents_and_names_are_shown_escaped() {
    let paragraph = "　　注重示范驱动\u{1b}[31m,培育法治品牌\u{1b}]0;title\u{7}。充分发挥示范引导\r辐射带动的作用\u{8}，\u{9b}2J在机关部门广泛开展创建，在镇村两级持续开展平安法治竞赛，推动法治建设走深走实.";
    let near = paragraph.replace("机关部门", "镇村两级");
    let document = format!("{paragraph}\n\n{paragraph}\n\n{near}\n");
    let name = "a\u{1b}[32m.txt";
    let dir = workspace(&[(name, document.as_bytes())]);
    let run = |args: &[&str]| {
        Command::new(BIN)
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    for args in [
        &["check", ".", "--color", "never"][..],
        &["check", name, "--color", "never"],
        &["check", ".", "--format", "concise"],
        &["check", ".", "--format", "github"],
        &["check", ".", "--statistics"],
        &["check", ".", "--diff"],
        &["check", ".", "--diff", "--unsafe-fixes"],
    ] {
        let output = run(args);
        assert!(
            output.status.code().is_some_and(|code| code <= 1),
            "{args:?}: {output:?}"
        );
        assert!(!output.stdout.is_empty(), "{args:?}");
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let found = terminal_controls(bytes);
            assert!(found.is_empty(), "{args:?} {stream}: {found:?}");
        }
        if args.contains(&"--statistics") {
            continue;
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains(r"a\u{1b}[32m.txt"), "{args:?}: {stdout}");
    }
    let human = run(&["check", ".", "--color", "never"]);
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains(r"\u{1b}]0;title\u{7}"), "{human}");
    assert!(human.contains("near-duplicate-paragraph"), "{human}");
    assert!(human.contains('\n'), "line breaks stay");
    let diff = run(&["check", ".", "--diff"]);
    let diff = String::from_utf8_lossy(&diff.stdout);
    assert!(diff.contains(r"引导\r"), "{diff}");
    // A CRLF document keeps its line ends in the diff: they drive nothing.
    let crlf = dir.path().join("crlf.txt");
    std::fs::write(&crlf, "　　近年来,全区法治政府建设迈上新台阶.\r\n").unwrap();
    let diff = run(&["check", "crlf.txt", "--diff"]);
    assert!(
        String::from_utf8_lossy(&diff.stdout).contains("台阶.\r\n"),
        "{diff:?}"
    );
    std::fs::remove_file(crlf).unwrap();

    // JSON, SARIF and rdjson write control characters as JSON escapes (`\u001b`).
    for format in ["json", "sarif", "rdjson"] {
        let output = run(&["check", ".", "--format", format]);
        let c0: Vec<&u8> = output
            .stdout
            .iter()
            .filter(|b| matches!(b, 0x1b | 0x07 | b'\r' | 0x08))
            .collect();
        assert!(c0.is_empty(), "{format}: {c0:?}");
        let found = terminal_controls(&output.stderr);
        assert!(found.is_empty(), "{format} stderr: {found:?}");
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        // SARIF names files by URI, percent-encoded.
        let named = if format == "sarif" {
            "a%1B%5B32m.txt"
        } else {
            r"a\u001b[32m.txt"
        };
        assert!(json.to_string().contains(named), "{format}");
    }

    // A configuration with an escape in a key, or raw in a value, shows it escaped; so
    // does `--show-settings` naming a configuration file whose name holds one.
    for config in [
        "[rules]\n\"\\u001b[31mbad\\u0007\" = \"error\"\n",
        "fail-on = \"\u{1b}]0;title\u{7}\"\n",
        "fail-on = \"warning\"\r# \u{8}\n",
    ] {
        std::fs::write(dir.path().join("govlint.toml"), config).unwrap();
        let output = run(&["check", ".", "--color", "never"]);
        assert_eq!(output.status.code(), Some(2), "{config:?}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("govlint.toml"), "{stderr}");
        assert!(
            stderr.contains(r"\u{1b}") || stderr.contains(r"\r"),
            "{stderr}"
        );
        let found = terminal_controls(&output.stderr);
        assert!(found.is_empty(), "{config:?}: {found:?}");
    }
    std::fs::remove_file(dir.path().join("govlint.toml")).unwrap();
    let config = "c\u{1b}[35m.toml";
    std::fs::write(dir.path().join(config), "[rules]\ncjk-space = \"off\"\n").unwrap();
    let output = run(&["check", "--config", config, "--show-settings"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let found = terminal_controls(&output.stdout);
    assert!(found.is_empty(), "--show-settings: {found:?}");
    let output = run(&["check", ".", "--config", "missing\u{1b}[35m.toml"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let found = terminal_controls(&output.stderr);
    assert!(found.is_empty(), "a missing configuration: {found:?}");
}

/// A FIFO named as a file, an allowlist or a baseline is refused at once, naming it: opening
/// one for reading would wait for a writer for ever.
#[cfg(unix)]
#[test]
fn pipes_named_as_inputs_are_refused_without_waiting() {
    let dir = workspace(&[("notice.txt", STRAY_PERIOD.as_bytes())]);
    let fifo = dir.path().join("fifo.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    if made.ok() != Some(true) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    for args in [
        vec!["check", "fifo.txt", "notice.txt"],
        vec!["check", "notice.txt", "--dup-allowlist", "fifo.txt"],
        vec!["check", "notice.txt", "--baseline", "fifo.txt"],
    ] {
        let output = Command::new(BIN)
            .current_dir(dir.path())
            .args(&args)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("fifo.txt") && stderr.contains("not a regular file"),
            "{stderr}"
        );
    }
}

/// A file name that is not valid Unicode is read and written by its own bytes: `--fix` edits
/// `r\xff.txt` itself (it once wrote a new `r�.txt`), and two names differing only in such a
/// byte are two files, each linted and each printed apart (`x\xFE.txt`, `x\xFF.txt`).
#[cfg(unix)]
#[test]
fn file_names_that_are_not_unicode_are_linted_and_fixed_by_their_own_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = |bytes: &[u8]| dir.path().join(OsStr::from_bytes(bytes));
    let fixable = "　　今年共有１２３４５家企业。\n";
    std::fs::write(name(b"r\xff.txt"), fixable).unwrap();
    std::fs::write(name(b"x\xfe.txt"), STRAY_PERIOD).unwrap();
    std::fs::write(name(b"x\xff.txt"), fixable).unwrap();

    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    let found = findings(&json(&output));
    assert_eq!(
        found,
        [
            (
                "./r\\xFF.txt".to_string(),
                "fullwidth-alphanumeric".to_string()
            ),
            ("./x\\xFE.txt".to_string(), "stray-period".to_string()),
            (
                "./x\\xFF.txt".to_string(),
                "fullwidth-alphanumeric".to_string()
            ),
        ],
        "{}",
        stderr(&output)
    );

    let output = govlint(dir.path(), &["check", ".", "--fix"]);
    assert_eq!(code(&output), 0, "{output:?}");
    assert_eq!(
        std::fs::read_to_string(name(b"x\xfe.txt")).unwrap(),
        STRAY_PERIOD.replace("大奖.", "大奖。")
    );
    assert_eq!(
        std::fs::read_to_string(name(b"r\xff.txt")).unwrap(),
        "　　今年共有12345家企业。\n"
    );
    assert_eq!(
        std::fs::read_to_string(name(b"x\xff.txt")).unwrap(),
        "　　今年共有12345家企业。\n"
    );
    let mut left: Vec<Vec<u8>> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().as_bytes().to_vec())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            b"r\xff.txt".to_vec(),
            b"x\xfe.txt".to_vec(),
            b"x\xff.txt".to_vec()
        ],
        "no file was made under a lossy name"
    );
}
/// The text of `path` under `dir`.
fn text_of(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

/// Whether `text` is `STRAY_PERIOD` fixed.
fn is_fixed(text: &str) -> bool {
    text.contains("大奖。") && !text.contains("大奖.")
}

/// The names in `dir` that are not `keep`: temporary files a fix left behind.
fn left_beside(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !keep.contains(&name.as_str()))
        .collect()
}

/// A link named on the command line whose target lies in the linted tree (beside it, or
/// under a directory named too) is written through: the target gets the fixes, the link
/// stays a link. A file fixed under one name is not written again under another.
#[cfg(unix)]
#[test]
fn fix_writes_through_a_link_into_the_linted_tree_and_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = workspace(&[
        ("a/notice.txt", STRAY_PERIOD.as_bytes()),
        ("elsewhere/shared.txt", STRAY_PERIOD.as_bytes()),
    ]);
    symlink("notice.txt", dir.path().join("a/link.txt")).unwrap();
    let output = govlint(dir.path(), &["check", "a/link.txt", "--fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        std::fs::read_link(dir.path().join("a/link.txt")).unwrap(),
        Path::new("notice.txt")
    );
    assert!(is_fixed(&text_of(dir.path(), "a/notice.txt")));
    assert!(left_beside(&dir.path().join("a"), &["notice.txt", "link.txt"]).is_empty());

    // A walk reads the link leading out of `a`; its target lies under `elsewhere`, named
    // too: the same file, read once (under its first name) and fixed once.
    symlink("../elsewhere/shared.txt", dir.path().join("a/shared.txt")).unwrap();
    let output = govlint(dir.path(), &["check", "a", "elsewhere", "--fix"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(dir.path().join("a/shared.txt"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(is_fixed(&text_of(dir.path(), "elsewhere/shared.txt")));
    assert_eq!(stderr(&output), "Fixed 1 finding in 1 file.\n");
}

/// A link whose target lies outside the linted tree is read and linted but not written
/// through, in a walk or named: an error names the link and its target, exit 2, and
/// neither changes; the other files are fixed.
#[cfg(unix)]
#[test]
fn fix_refuses_a_link_out_of_the_linted_tree_naming_both() {
    use std::os::unix::fs::symlink;
    let dir = workspace(&[
        ("a/notice.txt", STRAY_PERIOD.as_bytes()),
        ("elsewhere/shared.txt", STRAY_PERIOD.as_bytes()),
    ]);
    symlink("../elsewhere/shared.txt", dir.path().join("a/shared.txt")).unwrap();
    let target = std::fs::canonicalize(dir.path().join("elsewhere/shared.txt")).unwrap();
    for args in [
        vec!["check", "a", "--fix"],
        vec!["check", "a/shared.txt", "a/notice.txt", "--fix"],
        vec![
            "check",
            "a/shared.txt",
            "a/notice.txt",
            "--fix",
            "--in-place",
        ],
    ] {
        std::fs::write(dir.path().join("a/notice.txt"), STRAY_PERIOD).unwrap();
        let output = govlint(dir.path(), &args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert_eq!(
            line_about(&stderr(&output), "a/shared.txt"),
            format!(
                "error: a/shared.txt: could not write the fixes: it is a symbolic link to {}, \
                 outside the linted tree (name that file, or a directory holding it, to fix \
                 it); the file is unchanged",
                target.display()
            )
        );
        assert_eq!(text_of(dir.path(), "elsewhere/shared.txt"), STRAY_PERIOD);
        assert!(
            std::fs::symlink_metadata(dir.path().join("a/shared.txt"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(is_fixed(&text_of(dir.path(), "a/notice.txt")), "{args:?}");
        assert!(left_beside(&dir.path().join("elsewhere"), &["shared.txt"]).is_empty());
    }
}

/// Replacing a file with other hard links would split it off from them: it is refused,
/// naming `--in-place`, which writes it through the same inode so every name sees the
/// fixes. Both names in one run are fixed once.
#[cfg(unix)]
#[test]
fn fix_refuses_a_hard_linked_file_unless_in_place() {
    use std::os::unix::fs::MetadataExt;
    let dir = workspace(&[("a/notice.txt", STRAY_PERIOD.as_bytes())]);
    std::fs::create_dir(dir.path().join("b")).unwrap();
    std::fs::hard_link(
        dir.path().join("a/notice.txt"),
        dir.path().join("b/copy.txt"),
    )
    .unwrap();
    let inode = |path: &str| std::fs::metadata(dir.path().join(path)).unwrap().ino();
    let output = govlint(dir.path(), &["check", "a", "--fix"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert_eq!(
        line_about(&stderr(&output), "a/notice.txt"),
        "error: a/notice.txt: could not write the fixes: it has 2 hard links, which replacing \
         it would break (`--in-place` writes it in place instead); the file is unchanged"
    );
    assert_eq!(text_of(dir.path(), "b/copy.txt"), STRAY_PERIOD);
    assert_eq!(inode("a/notice.txt"), inode("b/copy.txt"));

    let output = govlint(dir.path(), &["check", "a", "--fix", "--in-place"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(is_fixed(&text_of(dir.path(), "b/copy.txt")));
    assert_eq!(inode("a/notice.txt"), inode("b/copy.txt"));

    std::fs::write(dir.path().join("a/notice.txt"), STRAY_PERIOD).unwrap();
    let output = govlint(dir.path(), &["check", "a", "b", "--fix", "--in-place"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        line_about(&stderr(&output), "b/copy.txt"),
        "note: b/copy.txt: the same file as a/notice.txt, fixed under that name"
    );
    assert!(is_fixed(&text_of(dir.path(), "b/copy.txt")));

    // `--in-place` means nothing without `--fix`.
    let output = govlint(dir.path(), &["check", "a", "--in-place"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
}

/// A read-only file is refused, even for root (whom permissions do not stop, and a rename
/// needs only the directory's): an error naming it, exit 2, the file and its mode as they
/// were, and the other files fixed.
#[cfg(unix)]
#[test]
fn fix_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace(&[
        ("locked.txt", STRAY_PERIOD.as_bytes()),
        ("notice.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let locked = dir.path().join("locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    for extra in [None, Some("--in-place")] {
        std::fs::write(dir.path().join("notice.txt"), STRAY_PERIOD).unwrap();
        let mut args = vec!["check", ".", "--fix"];
        args.extend(extra);
        let output = govlint(dir.path(), &args);
        assert_eq!(code(&output), 2, "{}", stderr(&output));
        assert_eq!(
            line_about(&stderr(&output), "locked.txt"),
            "error: ./locked.txt: could not write the fixes: it is read-only (mode 0444); the \
             file is unchanged"
        );
        assert_eq!(text_of(dir.path(), "locked.txt"), STRAY_PERIOD);
        let mode = std::fs::metadata(&locked).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o444);
        assert!(is_fixed(&text_of(dir.path(), "notice.txt")));
    }
}

/// Runs govlint in `dir` as user and group 65534 (nobody) with no other group, through
/// `setpriv`; `None` unless this test runs as root and `setpriv` is there.
#[cfg(unix)]
fn govlint_as_nobody(dir: &Path, args: &[&str]) -> Option<Output> {
    use std::os::unix::fs::MetadataExt;
    if std::fs::metadata(dir).ok()?.uid() != 0 {
        eprintln!("not root: the fixes of a file by another user are not checked");
        return None;
    }
    let as_nobody = |program: &str| {
        let mut command = std::process::Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", program])
            .current_dir(dir);
        command
    };
    // Whether setpriv is there and may change users here, apart from govlint's exit codes.
    let works = as_nobody("true").status().is_ok_and(|s| s.success());
    if !works {
        eprintln!("setpriv cannot run a program as nobody here: not checked");
        return None;
    }
    Some(
        as_nobody(BIN)
            .args(args)
            .output()
            .expect("setpriv runs govlint"),
    )
}

/// A file of another user, writable by all in a directory writable by all: a file replacing
/// it would belong to the user fixing it (and a set-user-ID bit would then be theirs), so
/// it is refused; `--in-place` writes it, and it keeps its owner (the kernel clears the
/// set-user-ID bit of a file someone else writes). A file of one's own in a directory one
/// may not write is written only in place as well.
#[cfg(unix)]
#[test]
fn fix_by_another_user_keeps_the_owner_or_refuses() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = workspace(&[
        ("shared/theirs.txt", STRAY_PERIOD.as_bytes()),
        ("locked/mine.txt", STRAY_PERIOD.as_bytes()),
    ]);
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    // The temporary directory itself is the test's only.
    mode(dir.path(), 0o755);
    mode(&dir.path().join("shared"), 0o777);
    let theirs = dir.path().join("shared/theirs.txt");
    mode(&theirs, 0o4666);
    mode(&dir.path().join("locked"), 0o755);
    let mine = dir.path().join("locked/mine.txt");
    std::os::unix::fs::chown(&mine, Some(65534), Some(65534)).unwrap();
    let args = ["check", "shared/theirs.txt", "locked/mine.txt", "--fix"];
    let Some(refused) = govlint_as_nobody(dir.path(), &args) else {
        return;
    };
    assert_eq!(code(&refused), 2, "{}", stderr(&refused));
    assert_eq!(
        line_about(&stderr(&refused), "theirs.txt"),
        "error: shared/theirs.txt: could not write the fixes: it belongs to another user (uid \
         0), and a file replacing it would belong to you (`--in-place` writes it in place \
         instead); the file is unchanged"
    );
    assert_eq!(
        line_about(&stderr(&refused), "mine.txt"),
        "error: locked/mine.txt: could not write the fixes: its directory is not writable, so \
         no file can be made to replace it (`--in-place` writes it in place instead); the file \
         is unchanged"
    );
    assert_eq!(text_of(dir.path(), "shared/theirs.txt"), STRAY_PERIOD);
    assert_eq!(text_of(dir.path(), "locked/mine.txt"), STRAY_PERIOD);
    assert_eq!(std::fs::metadata(&theirs).unwrap().mode() & 0o7777, 0o4666);
    assert!(left_beside(&dir.path().join("shared"), &["theirs.txt"]).is_empty());

    let mut in_place = args.to_vec();
    in_place.push("--in-place");
    let Some(written) = govlint_as_nobody(dir.path(), &in_place) else {
        return;
    };
    assert_eq!(code(&written), 0, "{}", stderr(&written));
    assert!(is_fixed(&text_of(dir.path(), "shared/theirs.txt")));
    assert!(is_fixed(&text_of(dir.path(), "locked/mine.txt")));
    let meta = std::fs::metadata(&theirs).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (0, 0));
    assert_eq!(
        meta.mode() & 0o6000,
        0,
        "no set-user-ID bit for the wrong user"
    );
}

/// U+009B, a terminal's one-character CSI, and DEL in a file name reach JSON output as
/// `\u` escapes: serde writes them raw, and a terminal showing the JSON would obey them.
#[cfg(unix)]
#[test]
fn c1_controls_in_names_are_escaped_in_json_output() {
    let name = "c1\u{9b}31m\u{7f}.txt";
    let dir = workspace(&[(name, STRAY_PERIOD.as_bytes())]);
    for format in ["json", "rdjson", "sarif"] {
        let output = govlint(dir.path(), &["check", ".", "--format", format]);
        let stdout = String::from_utf8(output.stdout.clone()).expect("UTF-8");
        assert!(!stdout.contains(['\u{9b}', '\u{7f}']), "{format}: {stdout}");
        let parsed: Value = serde_json::from_str(&stdout).expect("still JSON");
        assert!(parsed.is_object(), "{format}");
    }
    let found = findings(&json(&govlint(
        dir.path(),
        &["check", ".", "--format", "json"],
    )));
    assert_eq!(found, [(format!("./{name}"), "stray-period".to_string())]);
}
