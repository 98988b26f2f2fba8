//! `govlint rules` and `govlint rule NAME` in each language, the language chosen as for
//! `govlint check`, and SARIF's rule descriptions in the run's language.

use serde_json::Value;
use std::path::Path;
use std::process::Output;
use unicode_width::UnicodeWidthStr;

/// Runs govlint in `dir` with no locale but `locale` (the test suite runs under C.UTF-8).
fn govlint(dir: &Path, locale: Option<&str>, args: &[&str]) -> Output {
    let mut command = assert_cmd::Command::cargo_bin("govlint").expect("binary is built");
    command
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args);
    if let Some(locale) = locale {
        command.env("LANG", locale);
    }
    command.output().expect("govlint runs")
}

fn stdout(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn empty_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

#[test]
fn rule_page_in_english() {
    let dir = empty_dir();
    insta::assert_snapshot!(stdout(&govlint(
        dir.path(),
        None,
        &["rule", "stray-period", "--lang", "en"]
    )));
}

#[test]
fn rule_page_in_chinese() {
    let dir = empty_dir();
    insta::assert_snapshot!(stdout(&govlint(
        dir.path(),
        None,
        &["rule", "stray-period", "--lang", "zh"]
    )));
}

#[test]
fn rule_table_in_english() {
    let dir = empty_dir();
    insta::assert_snapshot!(stdout(&govlint(
        dir.path(),
        None,
        &["rules", "--lang", "en"]
    )));
}

#[test]
fn rule_table_in_chinese() {
    let dir = empty_dir();
    insta::assert_snapshot!(stdout(&govlint(
        dir.path(),
        None,
        &["rules", "--lang", "zh"]
    )));
}

/// The summaries start in one terminal column on every line, a Chinese character counting
/// two, in both languages.
#[test]
fn the_rule_table_lines_up_in_a_terminal() {
    let dir = empty_dir();
    for lang in ["en", "zh"] {
        let table = stdout(&govlint(dir.path(), None, &["rules", "--lang", lang]));
        let rows: Vec<&str> = table.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), 1 + govlint::rules::RULES.len(), "{table}");
        let starts: Vec<usize> = rows
            .iter()
            .zip(std::iter::once(None).chain(govlint::rules::RULES.iter().map(Some)))
            .map(|(row, rule)| {
                let summary = match rule {
                    Some(rule) => rule.summary(lang_of(lang)),
                    None => row.split("  ").filter(|c| !c.is_empty()).last().unwrap(),
                };
                let at = row.rfind(summary).unwrap_or_else(|| panic!("{row}"));
                row[..at].width()
            })
            .collect();
        assert!(
            starts.iter().all(|&s| s == starts[0]),
            "{lang}: {starts:?}\n{table}"
        );
    }
}

fn lang_of(lang: &str) -> govlint::report::message::Lang {
    match lang {
        "zh" => govlint::report::message::Lang::Zh,
        _ => govlint::report::message::Lang::En,
    }
}

/// `--lang` over the configuration's `lang` over the locale, as for `govlint check`.
#[test]
fn the_pages_speak_the_language_check_would() {
    let dir = empty_dir();
    let chinese = |output: &Output| stdout(output).contains("应改为");
    let english = |output: &Output| stdout(output).contains("Use instead");
    let page = |locale, args: &[&str]| {
        let mut all = vec!["rule", "stray-period"];
        all.extend_from_slice(args);
        govlint(dir.path(), locale, &all)
    };
    assert!(english(&page(None, &[])));
    assert!(english(&page(Some("en_US.UTF-8"), &[])));
    assert!(chinese(&page(Some("zh_CN.UTF-8"), &[])));
    assert!(english(&page(Some("zh_CN.UTF-8"), &["--lang", "en"])));
    std::fs::write(dir.path().join("govlint.toml"), "lang = \"zh\"\n").expect("write");
    assert!(chinese(&page(Some("en_US.UTF-8"), &[])));
    assert!(english(&page(None, &["--lang", "en"])));
    let table = stdout(&govlint(dir.path(), None, &["rules"]));
    assert!(table.contains("修复一栏"), "{table}");
    // A configuration that cannot be read is the error `check` reports.
    std::fs::write(dir.path().join("govlint.toml"), "lang = \"fr\"\n").expect("write");
    let output = govlint(dir.path(), None, &["rules"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(english(&page(None, &["--lang", "en"])));
}

const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";

fn sarif(dir: &Path, lang: &str) -> Value {
    let output = govlint(
        dir,
        None,
        &["check", "--format", "sarif", "--lang", lang, "a.txt"],
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("SARIF is JSON")
}

/// The rule descriptions and messages of SARIF follow `--lang`; the fingerprints do not.
#[test]
fn sarif_describes_the_rules_in_the_runs_language() {
    let dir = empty_dir();
    std::fs::write(dir.path().join("a.txt"), STRAY).expect("write");
    let zh = sarif(dir.path(), "zh");
    let en = sarif(dir.path(), "en");
    let rule = |log: &Value| {
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .find(|r| r["id"] == "stray-period")
            .cloned()
            .expect("stray-period is described")
    };
    let (zh_rule, en_rule) = (rule(&zh), rule(&en));
    assert_eq!(
        zh_rule["shortDescription"]["text"],
        "中文句子末尾用了英文句点“.”或全角句点“．”，应改为句号“。”。"
    );
    assert!(
        zh_rule["fullDescription"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("## 为什么要改") && t.contains("GB/T 15834-2011 4.1"))
    );
    for form in ["text", "markdown"] {
        let help = zh_rule["help"][form].as_str().expect("help");
        assert!(help.contains("应改为") && help.contains("大奖。"), "{help}");
        let help = en_rule["help"][form].as_str().expect("help");
        assert!(
            help.contains("Use instead") && help.contains("大奖。"),
            "{help}"
        );
    }
    assert!(
        zh_rule["properties"]["fix"]
            .as_str()
            .is_some_and(|t| t.contains("安全修复"))
    );
    assert!(
        en_rule["shortDescription"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("An ASCII"))
    );
    let result = |log: &Value| log["runs"][0]["results"][0].clone();
    let message = result(&zh)["message"]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        message.contains('句') && !message.contains("full stop"),
        "{message}"
    );
    assert_eq!(
        result(&zh)["partialFingerprints"],
        result(&en)["partialFingerprints"]
    );
}
