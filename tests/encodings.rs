//! Drafts in the encodings editors really have: GBK and Big5 from old CMSs, UTF-16 with a
//! BOM from Windows tools, CRLF line ends. Each is linted with the right positions, the
//! output names the encoding, and `--fix` writes the file back in its own encoding and
//! line ends.

mod common;
use common::govlint;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/encodings")
        .join(name)
}

/// A copy of a fixture in a temporary directory, to lint or fix there.
fn copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture(name), dir.path().join(name)).expect("copied");
    dir
}

#[test]
fn each_encoding_is_linted_and_named() {
    for name in [
        "gbk-draft.txt",
        "big5-draft.txt",
        "utf16le-bom-draft.txt",
        "crlf-draft.txt",
    ] {
        let dir = copy(name);
        let output = govlint(dir.path(), &["check", name, "--color", "never"]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
        insta::assert_snapshot!(name, stdout);
    }
}

#[test]
fn json_lists_the_files_not_in_utf8() {
    let output = govlint(
        &fixture(""),
        &["check", ".", "--format", "json", "--dup-scope", "file"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        json["summary"]["encodings"],
        serde_json::json!({
            "./big5-draft.txt": "Big5",
            "./gbk-draft.txt": "GBK",
            "./utf16le-bom-draft.txt": "UTF-16LE",
        })
    );
    // Same findings, same places, whatever the encoding.
    let places = |path: &str| common::places(&json, path, "line");
    assert!(!places("./crlf-draft.txt").is_empty());
    assert_eq!(places("./gbk-draft.txt"), places("./crlf-draft.txt"));
    assert_eq!(
        places("./utf16le-bom-draft.txt"),
        places("./crlf-draft.txt")
    );
}

#[test]
fn fixes_are_written_back_in_the_files_own_encoding_and_line_ends() {
    let expected = {
        let dir = copy("crlf-draft.txt");
        govlint(dir.path(), &["check", "crlf-draft.txt", "--fix"]);
        std::fs::read_to_string(dir.path().join("crlf-draft.txt")).expect("fixed")
    };
    assert!(expected.contains("通知如下。\r\n") && expected.contains("全面推进依法行政，"));
    assert_eq!(expected.matches("\r\n").count(), 7, "CRLF stays CRLF");

    let dir = copy("gbk-draft.txt");
    let output = govlint(dir.path(), &["check", "gbk-draft.txt", "--fix"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "errors without a safe fix remain"
    );
    let bytes = std::fs::read(dir.path().join("gbk-draft.txt")).expect("fixed");
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
    assert!(!had_errors, "still GBK");
    assert_eq!(text, expected);

    let dir = copy("utf16le-bom-draft.txt");
    govlint(dir.path(), &["check", "utf16le-bom-draft.txt", "--fix"]);
    let bytes = std::fs::read(dir.path().join("utf16le-bom-draft.txt")).expect("fixed");
    assert_eq!(&bytes[..2], b"\xff\xfe", "the BOM stays");
    let (text, had_errors) = encoding_rs::UTF_16LE.decode_without_bom_handling(&bytes[2..]);
    assert!(!had_errors);
    assert_eq!(text, expected);
}

#[test]
fn a_forced_encoding_and_an_unknown_one() {
    let dir = copy("gbk-draft.txt");
    let detected = govlint(dir.path(), &["check", "gbk-draft.txt", "--format", "json"]);
    let forced = govlint(
        dir.path(),
        &[
            "check",
            "gbk-draft.txt",
            "--format",
            "json",
            "--encoding",
            "gb18030",
        ],
    );
    let findings = |o: &std::process::Output| {
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        json["diagnostics"].as_array().map(Vec::len)
    };
    assert_eq!(findings(&detected), findings(&forced));
    let unknown = govlint(
        dir.path(),
        &["check", "gbk-draft.txt", "--encoding", "klingon"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("klingon"));
}

#[test]
fn bytes_in_no_chinese_encoding_are_an_error_and_the_run_goes_on() {
    let dir = copy("crlf-draft.txt");
    let (latin, _, _) = encoding_rs::WINDOWS_1252
        .encode("Caf\u{e9} cr\u{e8}me, na\u{ef}ve fa\u{e7}ade d\u{e9}j\u{e0} vu");
    std::fs::write(dir.path().join("latin.txt"), &latin).expect("written");
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("latin.txt") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(
        json["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["path"] == "./crlf-draft.txt")),
        "the other file is still linted"
    );
}
