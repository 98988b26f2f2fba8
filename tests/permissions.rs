//! Files govlint creates (`govlint init`, a baseline, the cache) get the permissions any new
//! file gets under the umask, not the 0600 of a temporary file; a fixed file keeps its own.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";

/// Runs the built binary through `sh` with `umask` set, in `dir`.
fn govlint_under_umask(dir: &Path, umask: &str, args: &str) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin("govlint");
    std::process::Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" {args}"))
        .arg(binary)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("sh runs govlint")
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("created")
        .permissions()
        .mode()
        & 0o777
}

fn cache_file(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir.join(".govlint-cache"))
        .expect("cache directory")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .expect("a cache file")
}

#[test]
fn init_baseline_and_cache_follow_the_umask() {
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let dir = tempfile::tempdir().expect("temporary directory");
        std::fs::write(dir.path().join("a.txt"), STRAY).expect("written");
        let init = govlint_under_umask(dir.path(), umask, "init --lang en");
        assert!(init.status.success(), "{init:?}");
        assert_eq!(
            mode(&dir.path().join("govlint.toml")),
            expected,
            "init, umask {umask}"
        );
        let baseline =
            govlint_under_umask(dir.path(), umask, "check a.txt --write-baseline base.json");
        assert!(baseline.status.success(), "{baseline:?}");
        assert_eq!(
            mode(&dir.path().join("base.json")),
            expected,
            "baseline, umask {umask}"
        );
        let cached = govlint_under_umask(dir.path(), umask, "check a.txt --cache");
        assert_eq!(cached.status.code(), Some(1), "{cached:?}");
        assert_eq!(
            mode(&cache_file(dir.path())),
            expected,
            "cache, umask {umask}"
        );
    }
}

#[test]
fn a_fixed_file_keeps_its_own_mode_whatever_the_umask() {
    for original in [0o600, 0o640, 0o664] {
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, STRAY).expect("written");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(original))
            .expect("mode set");
        let fixed = govlint_under_umask(dir.path(), "022", "check a.txt --fix");
        assert!(fixed.status.success(), "{fixed:?}");
        assert!(
            std::fs::read_to_string(&file)
                .expect("read")
                .contains("大奖。"),
            "the fix was applied"
        );
        assert_eq!(mode(&file), original);
    }
}
