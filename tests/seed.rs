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
