//! The seed article, the one the project started from, as a user sees it in both formats.

use assert_cmd::Command;

const SEED: &str = "fixtures/haimen-rule-of-law-2021.txt";

fn govlint(args: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("govlint")
        .expect("binary is built")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("govlint runs");
    let stdout = String::from_utf8(output.stdout).expect("output is UTF-8");
    (stdout, output.status.code().unwrap_or(-1))
}

#[test]
fn seed_human_output() {
    let (stdout, code) = govlint(&["check", SEED, "--color", "never"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn seed_json_output() {
    let (stdout, code) = govlint(&["check", SEED, "--format", "json"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stdout);
}

#[test]
fn seed_reports_each_known_fault_once() {
    let (stdout, _) = govlint(&["check", SEED, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let found: Vec<(String, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("duplicate-paragraph", 13),
        ("unbalanced-quote", 21),
        ("stray-period", 23),
        ("lost-character", 45),
    ];
    for (rule, line) in expected {
        let hits = found
            .iter()
            .filter(|(r, l)| r == rule && *l == line)
            .count();
        assert_eq!(hits, 1, "{rule} at line {line} in {found:?}");
    }
}

/// The seed as a Chinese editor sees it, in every format: the same findings as in English,
/// every word the reader reads in Chinese (rule ids, JSON keys and fingerprints unchanged).
#[test]
fn seed_in_chinese_in_every_format() {
    for format in ["human", "json", "concise", "sarif", "github", "rdjson"] {
        let (stdout, code) = govlint(&[
            "check", SEED, "--lang", "zh", "--color", "never", "--format", format,
        ]);
        assert_eq!(code, 1, "{format}");
        insta::assert_snapshot!(format!("seed_zh_{format}"), stdout);
    }
    let (stdout, code) = govlint(&["check", SEED, "--lang", "zh", "--statistics"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("seed_zh_statistics", stdout);
}

/// The locale chooses Chinese as `--lang zh` does, in the same words.
#[test]
fn a_chinese_locale_gives_the_same_output_as_lang_zh() {
    let run = |args: &[&str], locale: &str| {
        let output = Command::cargo_bin("govlint")
            .expect("binary is built")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale)
            .args(args)
            .output()
            .expect("govlint runs");
        String::from_utf8(output.stdout).expect("output is UTF-8")
    };
    let by_locale = run(&["check", SEED, "--color", "never"], "zh_CN.UTF-8");
    let by_option = run(
        &["check", SEED, "--color", "never", "--lang", "zh"],
        "C.UTF-8",
    );
    assert_eq!(by_locale, by_option);
    assert!(by_locale.contains("句末误用英文句点“.”"), "{by_locale}");
}
