//! Gives `govlint --version` the commit it was built from and that commit's date
//! (`0.1.0 (abc1234 2026-12-06)`), as `GOVLINT_VERSION`. The date is the commit's, in UTC,
//! not the build's, so that two builds of one commit are the same binary. Outside a git
//! checkout of govlint itself (a crates.io or source tarball, the sdist a Python wheel is
//! built from, a tarball unpacked inside some other repository) it is the bare version.
//!
//! No crate: `vergen-gitcl` brings a builder framework and a date library for two values and
//! prints a placeholder, not nothing, when git is absent; `built` reads git through libgit2,
//! a C library to compile. Both would also take the commit of an enclosing repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = env!("CARGO_PKG_VERSION");
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (long, date) = match commit(&manifest_dir) {
        Some((hash, date)) => (format!("{version} ({hash} {date})"), date),
        None => (version.to_string(), String::new()),
    };
    println!("cargo:rustc-env=GOVLINT_VERSION={long}");
    // The date of `govlint manpage`'s title line.
    println!("cargo:rustc-env=GOVLINT_COMMIT_DATE={date}");
}

/// `git` in `dir`, its output trimmed; `None` when git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .current_dir(dir)
        .args(args)
        // The date in UTC whatever the builder's time zone.
        .env("TZ", "UTC0")
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The short hash and the UTC date of the commit checked out in `dir`, if `dir` is the top
/// of a git work tree; and asks cargo to run this again when the checked-out commit changes
/// (HEAD, the branch it names, packed refs), and only then.
fn commit(dir: &Path) -> Option<(String, String)> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same(Path::new(&top), dir) {
        return None;
    }
    let hash = git(dir, &["rev-parse", "--short=7", "HEAD"])?;
    let date = git(
        dir,
        &[
            "log",
            "-1",
            "--no-show-signature",
            "--date=format-local:%Y-%m-%d",
            "--format=%cd",
            "HEAD",
        ],
    )?;
    // In a linked worktree HEAD is the worktree's own, the refs are the common directory's.
    let absolute = |path: String| {
        let path = PathBuf::from(path);
        if path.is_absolute() {
            path
        } else {
            dir.join(path)
        }
    };
    let git_dir = absolute(git(dir, &["rev-parse", "--git-dir"])?);
    let common_dir = absolute(git(dir, &["rev-parse", "--git-common-dir"])?);
    let mut watched = vec![git_dir.join("HEAD"), common_dir.join("packed-refs")];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watched.push(common_dir.join(branch));
    }
    // A path that does not exist would make cargo run this on every build.
    for path in watched.iter().filter(|path| path.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    Some((hash, date))
}
