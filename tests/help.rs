//! The command line's help and errors in each language: English is clap's own, Chinese is
//! translated from `locales/zh/cli.ftl` (`src/cli/help.rs`). The binary runs in an empty
//! directory with no locale but the one a test gives, so no configuration or locale of the
//! machine decides.

use std::process::Output;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

fn run(dir: &TempDir, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = std::process::Command::new(BIN);
    command
        .current_dir(dir.path())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("govlint runs")
}

/// A directory of its own (a repository, so no configuration above it counts).
fn workspace() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir(dir.path().join(".git")).expect("a repository");
    dir
}

fn help(env: &[(&str, &str)], args: &[&str]) -> String {
    let output = run(&workspace(), env, args);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

const ENGLISH: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];
const CHINESE: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

#[test]
fn program_help_in_english() {
    insta::assert_snapshot!(help(ENGLISH, &["--help"]));
}

#[test]
fn program_help_in_chinese() {
    insta::assert_snapshot!(help(CHINESE, &["--help"]));
}

#[test]
fn check_help_in_english() {
    insta::assert_snapshot!(help(ENGLISH, &["check", "--help"]));
}

#[test]
fn check_help_in_chinese() {
    insta::assert_snapshot!(help(CHINESE, &["check", "--help"]));
}

#[test]
fn check_summary_help_in_chinese() {
    insta::assert_snapshot!(help(CHINESE, &["check", "-h"]));
}

/// `--lang`, the configuration's `lang` and the locale choose the language of help, as they
/// do for messages; `govlint help COMMAND` is that command's `--help` in every language.
#[test]
fn the_language_of_help_is_chosen_like_that_of_messages() {
    let chinese = help(CHINESE, &["check", "--help"]);
    let english = help(ENGLISH, &["check", "--help"]);
    assert!(
        chinese.contains("用法：govlint check [选项] [路径]..."),
        "{chinese}"
    );
    assert!(
        english.contains("Usage: govlint check [OPTIONS] [PATHS]..."),
        "{english}"
    );
    assert_eq!(help(ENGLISH, &["check", "--lang", "zh", "--help"]), chinese);
    assert_eq!(help(ENGLISH, &["check", "--help", "--lang=zh"]), chinese);
    assert_eq!(help(CHINESE, &["check", "--lang", "en", "--help"]), english);
    assert_eq!(help(CHINESE, &["help", "check"]), chinese);
    assert_eq!(help(ENGLISH, &["help", "check"]), english);
    let dir = workspace();
    std::fs::write(dir.path().join("govlint.toml"), "lang = \"zh\"\n").expect("written");
    let output = run(&dir, &[("LANG", "C")], &["check", "--help"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), chinese);
    let output = run(&dir, &[("LANG", "C")], &["check", "--isolated", "--help"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), english);
    // Every command's help and the version, in Chinese: no English word of clap's is left.
    for args in [
        &["rules", "--help"][..],
        &["rule", "-h"],
        &["init", "--help"],
        &["help"],
        &["help", "help"],
    ] {
        let text = help(CHINESE, args);
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print",
            "[default",
        ] {
            assert!(!text.contains(english), "{args:?}: {english} in\n{text}");
        }
        assert!(text.contains("用法：govlint"), "{args:?}:\n{text}");
    }
    assert_eq!(help(CHINESE, &["-V"]), help(ENGLISH, &["--version"]));
}

/// clap's errors in Chinese keep clap's exit code (2) and layout, tips included.
#[test]
fn command_line_errors_are_in_the_readers_language() {
    let dir = workspace();
    let output = run(&dir, CHINESE, &["check", "--fixx", "a.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "错误：没有“--fixx”这个选项\n\n  提示：是不是要写“--fix”？\n\n\
         用法：govlint check [选项] [路径]...\n\n详细说明请运行“govlint check --help”。\n"
    );
    let output = run(&dir, CHINESE, &["check", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "错误：“--format <格式>”的值“xml”不对\n  可选值：human、json、concise、sarif、github、\
         rdjson、markdown、html\n\n  提示：是不是要写“html”？\n\n详细说明请用“--help”查看。\n"
    );
    let output = run(&dir, CHINESE, &["chek"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("错误：没有“chek”这个命令\n\n  提示：是不是要写“check”？\n"),
        "{stderr}"
    );
    let output = run(&dir, CHINESE, &["help", "chek"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "错误：没有“chek”这个命令\n\n  提示：是不是要写“check”？\n\n详细说明请用“--help”查看。\n"
    );
    // English is clap's.
    let output = run(&dir, ENGLISH, &["check", "--fixx"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("error: unexpected argument '--fixx' found\n\n  tip: a similar argument exists: '--fix'\n"),
        "{output:?}"
    );
}
