//! `govlint completions SHELL`, `govlint manpage` and `govlint --version`, run from the
//! built binary. The bash script is checked by bash itself (`bash -n`, then its completion
//! function asked to complete), the manual page by groff, where they are installed:
//! `.ci/run` installs groff and sets `GOVLINT_REQUIRE_TOOLS`, so CI never skips them.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

fn govlint(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("run govlint")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

/// Whether `tool` runs here (asked with `--version`); when it does not, the test is skipped unless CI asked for it.
fn have(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var_os("GOVLINT_REQUIRE_TOOLS").is_none(),
            "{tool} is not installed, and GOVLINT_REQUIRE_TOOLS asks for it"
        );
        eprintln!("{tool} is not installed: skipped");
    }
    found
}

fn bash(script: &str) -> Output {
    Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .output()
        .expect("run bash")
}

#[test]
fn the_bash_script_parses_and_completes_commands_and_options() {
    let script = stdout(&govlint(&["completions", "bash"]));
    assert!(script.starts_with("_govlint() {\n"), "{script}");
    assert!(script.contains("complete -F _govlint"), "{script}");
    assert!(
        script.contains(" check ") && script.contains("--fix"),
        "{script}"
    );
    if !have("bash") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("govlint.bash");
    std::fs::write(&file, &script).expect("written");
    let path = file.to_str().expect("UTF-8 path");
    let syntax = bash(&format!("bash -n '{path}'"));
    assert!(syntax.status.success(), "{syntax:?}");
    // What bash does on `govlint che<TAB>` and `govlint check --fi<TAB>`.
    let complete = |words: &str| {
        let output = bash(&format!(
            "source '{path}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _govlint govlint \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        ));
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    assert_eq!(complete("govlint che"), "check\n");
    let options = complete("govlint check --fi");
    assert_eq!(options, "--fix\n", "{options}");
    let shells = complete("govlint completions ''");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(shells.lines().any(|line| line == shell), "{shells}");
    }
}

#[test]
fn every_shell_has_a_script_naming_the_commands() {
    let starts = [
        ("zsh", "#compdef govlint\n"),
        ("fish", "# Print an optspec for argparse"),
        (
            "powershell",
            "\nusing namespace System.Management.Automation",
        ),
        ("elvish", "\nuse builtin;"),
    ];
    for (shell, start) in starts {
        let script = stdout(&govlint(&["completions", shell]));
        assert!(script.starts_with(start), "{shell}:\n{script}");
        for word in ["check", "fix", "stdin-filename", "manpage"] {
            assert!(script.contains(word), "{shell} lacks {word}:\n{script}");
        }
    }
    let unknown = govlint(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_manual_page_has_every_command_and_renders() {
    let page = stdout(&govlint(&["manpage"]));
    assert!(page.is_ascii(), "non-ASCII characters are named for groff");
    for expected in [
        ".TH govlint 1 ",
        ".SH NAME\ngovlint \\- A linter for Chinese government articles",
        ".SH \"GOVLINT CHECK\"\n",
        ".SS Options\n",
        "\\fB\\-\\-fix\\fR",
        ".SH \"GOVLINT RULE\"\n",
        ".SH \"GOVLINT INIT\"\n",
        ".SH \"GOVLINT COMPLETIONS\"\n",
        // “ ” of `--ambiguous-width`'s help.
        "\\[u201C]",
    ] {
        assert!(page.contains(expected), "{expected:?} is missing:\n{page}");
    }
    if !have("groff") {
        return;
    }
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-rLL=100n", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run groff");
    std::io::Write::write_all(groff.stdin.as_mut().expect("stdin"), page.as_bytes())
        .expect("written");
    let output = groff.wait_with_output().expect("groff ran");
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && warnings.is_empty(), "{warnings}");
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in ["GOVLINT CHECK", "--stdin-filename", "(“ ” ‘ ’ …"] {
        assert!(text.contains(expected), "{expected:?} is missing:\n{text}");
    }
}

#[test]
fn the_version_names_the_commit_when_built_from_git() {
    let version = stdout(&govlint(&["--version"]));
    let bare = format!("govlint {}\n", env!("CARGO_PKG_VERSION"));
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(manifest)
            .args(args)
            .env("TZ", "UTC0")
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let top = git(&["rev-parse", "--show-toplevel"]);
    let in_git =
        top.is_some_and(|top| Path::new(&top).canonicalize().ok() == manifest.canonicalize().ok());
    if !in_git {
        assert_eq!(version, bare);
        return;
    }
    let hash = git(&["rev-parse", "--short=7", "HEAD"]).expect("a commit");
    let date = git(&[
        "log",
        "-1",
        "--date=format-local:%Y-%m-%d",
        "--format=%cd",
        "HEAD",
    ])
    .expect("a date");
    assert_eq!(
        version,
        format!("govlint {} ({hash} {date})\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(hash.len(), 7, "{hash}");
    assert!(
        date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2,
        "{date}"
    );
}
