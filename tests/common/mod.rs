//! What the integration tests share: running the built binary in a directory.

use std::path::Path;

/// Runs `govlint ARGS` in `dir` and returns what it printed and its exit status.
pub fn govlint(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("govlint")
        .expect("binary is built")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("govlint runs")
}

/// `(rule, line or the field named, column)` of every finding in `path` of a JSON run.
#[allow(dead_code)] // Not every test file uses it.
pub fn places(json: &serde_json::Value, path: &str, line: &str) -> Vec<(String, u64, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["path"] == path)
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d[line].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}
