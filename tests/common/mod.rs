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
