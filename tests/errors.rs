//! What govlint says besides its findings (input, configuration and init errors, notes on
//! skipped files), in the run's language: English as it has always been, Chinese with a hint
//! that says what to do; the file named, escaped, and the rest of the run going on.

use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_govlint");

/// A finding in a file that can be read, so a run that goes on past a bad file shows it.
const STRAY_PERIOD: &str = "我们召开了会议.会议决定了事项。\n";

/// A `.docx` whose zip archive is cut short: what a broken download or a full disk leaves.
const DAMAGED_DOCX: &[u8] = b"PK\x03\x04\x14\x00\x00\x00broken";

fn workspace(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).expect("write");
    }
    dir
}

/// `govlint ARGS` in `dir` under the locale `lang` (`LANG`; no other locale variable set).
fn run(dir: &Path, lang: &str, args: &[&str]) -> Output {
    std::process::Command::new(BIN)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("govlint runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[test]
fn an_unknown_key_in_the_configuration_names_the_key_meant_in_either_language() {
    let dir = workspace(&[
        ("a.txt", STRAY_PERIOD.as_bytes()),
        ("govlint.toml", b"[duplicates]\ntreshold = 0.9\n"),
    ]);
    let english = run(
        dir.path(),
        "C.UTF-8",
        &["check", "--color", "never", "a.txt"],
    );
    assert_eq!(english.status.code(), Some(2), "{english:?}");
    let text = stderr(&english);
    assert!(
        text.contains("× unknown field `treshold`, expected one of `scope`, `threshold`"),
        "{text}"
    );
    assert!(
        text.contains(
            "help: did you mean `threshold`? keys are kebab-case; `govlint init` writes a file \
             with every key"
        ),
        "{text}"
    );
    assert!(text.contains("╰── here"), "{text}");

    let chinese = run(dir.path(), "zh_CN.UTF-8", &["check", "a.txt"]);
    assert_eq!(chinese.status.code(), Some(2), "{chinese:?}");
    let text = stderr(&chinese);
    assert!(
        text.contains(
            "× 没有“treshold”这个配置项（这里可以写的配置项有：“scope”“threshold”“exact-min-chars”"
        ),
        "{text}"
    );
    assert!(text.contains("是不是要写“threshold”？"), "{text}");
    assert!(text.contains("╰── 此处"), "{text}");
    // The place in the file is drawn in both languages.
    assert!(text.contains("govlint.toml:2:1"), "{text}");
    assert!(
        !text.contains("unknown field") && !text.contains("help:"),
        "{text}"
    );

    // `--lang` decides over the locale.
    let forced = run(dir.path(), "C.UTF-8", &["check", "--lang", "zh", "a.txt"]);
    assert_eq!(stderr(&forced), text);
}

#[test]
fn a_configuration_that_fails_is_reported_in_the_language_of_the_option_or_the_locale() {
    // The file asks for Chinese, but a file that failed cannot be trusted to say so.
    let dir = workspace(&[
        ("a.txt", STRAY_PERIOD.as_bytes()),
        (
            "govlint.toml",
            b"lang = \"zh\"\n[rules]\nstray-periods = \"off\"\n",
        ),
    ]);
    let english = stderr(&run(dir.path(), "C.UTF-8", &["check", "a.txt"]));
    assert!(
        english.contains("unknown rule `stray-periods`"),
        "{english}"
    );
    assert!(
        english.contains("did you mean `stray-period`? `govlint rules` lists them"),
        "{english}"
    );
    let chinese = stderr(&run(
        dir.path(),
        "C.UTF-8",
        &["check", "--lang", "zh", "a.txt"],
    ));
    assert!(
        chinese.contains("没有名为“stray-periods”的规则。是不是要写“stray-period”？"),
        "{chinese}"
    );
    // A configuration that cannot be read names the file on one line.
    let missing = run(
        dir.path(),
        "zh_CN.UTF-8",
        &["check", "--config", "none.toml", "a.txt"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "错误：“none.toml”：无法读取配置文件：没有这个文件或文件夹，请检查路径是否写对\n"
    );
}

#[test]
fn a_damaged_docx_is_an_error_naming_it_and_the_run_goes_on() {
    let dir = workspace(&[("a.docx", DAMAGED_DOCX), ("b.txt", STRAY_PERIOD.as_bytes())]);
    let args = ["check", "--format", "concise", "a.docx", "b.txt"];
    let english = run(dir.path(), "C.UTF-8", &args);
    assert_eq!(english.status.code(), Some(2), "{english:?}");
    assert!(stdout(&english).contains("b.txt:1:"), "{english:?}");
    let text = stderr(&english);
    assert!(
        text.starts_with("error: a.docx: not a readable .docx (damaged zip archive: "),
        "{text}"
    );
    assert!(text.trim_end().ends_with("), not linted"), "{text}");

    let chinese = run(dir.path(), "zh_CN.UTF-8", &args);
    assert_eq!(chinese.status.code(), Some(2), "{chinese:?}");
    assert!(stdout(&chinese).contains("b.txt:1:"), "{chinese:?}");
    let text = stderr(&chinese);
    assert!(
        text.starts_with("错误：无法检查“a.docx”：文件已损坏（zip结构无法解析："),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("）。请用Word打开后另存为.docx再检查。"),
        "{text}"
    );

    // JSON and SARIF carry the message in the run's language under their English keys.
    let json = run(
        dir.path(),
        "zh_CN.UTF-8",
        &["check", "--format", "json", "a.docx"],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let error = &json["summary"]["input_errors"][0];
    assert_eq!(error["path"], "a.docx");
    let message = error["message"].as_str().expect("a message");
    assert!(
        message.starts_with("文件已损坏（zip结构无法解析："),
        "{message}"
    );
    let sarif = run(
        dir.path(),
        "C.UTF-8",
        &["check", "--format", "sarif", "a.docx"],
    );
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF");
    let notification = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    let text = notification["message"]["text"].as_str().expect("a message");
    assert!(text.starts_with("not a readable .docx"), "{text}");
}

#[test]
fn a_missing_path_is_an_error_in_either_language() {
    let dir = workspace(&[("b.txt", STRAY_PERIOD.as_bytes())]);
    let english = run(
        dir.path(),
        "C.UTF-8",
        &["check", "-q", "missing.txt", "b.txt"],
    );
    assert_eq!(english.status.code(), Some(2));
    assert_eq!(
        stderr(&english),
        "error: missing.txt: no such file or directory\n"
    );
    let chinese = run(
        dir.path(),
        "zh_CN.UTF-8",
        &["check", "-q", "missing.txt", "b.txt"],
    );
    assert_eq!(chinese.status.code(), Some(2));
    assert_eq!(
        stderr(&chinese),
        "错误：无法检查“missing.txt”：没有这个文件或文件夹，请检查路径是否写对\n"
    );
    // The file that exists is still linted.
    assert!(stdout(&chinese).contains("b.txt"), "{chinese:?}");
}

/// A run in which every path failed checked nothing: its summary must not read "no problems".
#[test]
fn a_run_that_could_read_nothing_does_not_say_no_problems() {
    let dir = workspace(&[("broken.docx", DAMAGED_DOCX)]);
    for (lang, expected) in [
        (
            "C.UTF-8",
            "Nothing was linted: 2 paths could not be read.\n",
        ),
        ("zh_CN.UTF-8", "没有检查任何文件：2个路径无法读取。\n"),
    ] {
        let output = run(dir.path(), lang, &["check", "missing.txt", "broken.docx"]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stdout(&output), expected, "{lang}");
    }
    // One path read: the usual summary, and the failed path counted after it.
    std::fs::write(dir.path().join("good.txt"), "会议决定了事项。\n").expect("write");
    let output = run(dir.path(), "C.UTF-8", &["check", "missing.txt", "good.txt"]);
    assert_eq!(
        stdout(&output),
        "No problems found in 1 file. 1 path could not be linted.\n"
    );
}

#[test]
fn skipped_files_are_noted_in_either_language() {
    let dir = workspace(&[]);
    std::fs::create_dir(dir.path().join("d")).expect("mkdir");
    std::fs::write(dir.path().join("d/scan.txt"), b"a\0b").expect("write");
    std::fs::write(dir.path().join("d/report.pdf"), b"%PDF-1.4").expect("write");
    let english = run(dir.path(), "C.UTF-8", &["check", "d"]);
    assert_eq!(english.status.code(), Some(2), "{english:?}");
    assert_eq!(
        stderr(&english),
        "note: d/report.pdf: a .pdf file, a format govlint does not read, skipped\n\
         note: d/scan.txt: binary file (contains NUL bytes), skipped\n\
         warning: no file was linted: 2 files skipped (1 binary, 1 .pdf); govlint reads .txt, \
         .md, .markdown, .html, .htm, .docx, .doc, .wps and .odt\n"
    );
    let chinese = run(dir.path(), "zh_CN.UTF-8", &["check", "d"]);
    assert_eq!(chinese.status.code(), Some(2), "{chinese:?}");
    assert_eq!(
        stderr(&chinese),
        "注意：已跳过“d/report.pdf”：govlint不读取“.pdf”格式的文件。如需检查，请把其中的文字另存为.docx或.txt文件。\n\
         注意：已跳过“d/scan.txt”：这是二进制文件（含有空字节），不是文字文件。\n\
         警告：没有检查任何文件：跳过了2个文件（二进制文件1个、“.pdf”文件1个）。govlint读取.txt、.md、\
         .markdown、.html、.htm、.docx、.doc、.wps和.odt文件\n"
    );
}

#[test]
fn a_file_name_reaches_the_terminal_escaped_in_chinese_too() {
    let name = "a\u{1b}[31m.docx";
    let dir = workspace(&[(name, DAMAGED_DOCX)]);
    let chinese = run(dir.path(), "zh_CN.UTF-8", &["check", name]);
    let text = stderr(&chinese);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(text.contains("“a\\u{1b}[31m.docx”"), "{text}");
}

#[test]
fn init_writes_the_template_in_the_language_of_the_locale_or_the_option() {
    let dir = workspace(&[]);
    let chinese = run(dir.path(), "zh_CN.UTF-8", &["init"]);
    assert_eq!(chinese.status.code(), Some(0), "{chinese:?}");
    assert_eq!(stderr(&chinese), "已写入“govlint.toml”。\n");
    let written = std::fs::read_to_string(dir.path().join("govlint.toml")).expect("written");
    assert_eq!(written, include_str!("../src/config_template.zh.toml"));
    assert!(written.starts_with("# govlint的配置文件。"), "{written}");

    let again = run(dir.path(), "zh_CN.UTF-8", &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        stderr(&again),
        "错误：“govlint.toml”已存在。如要覆盖，请运行“govlint init --force”\n"
    );

    let english = run(
        dir.path(),
        "zh_CN.UTF-8",
        &["init", "--lang", "en", "--force"],
    );
    assert_eq!(english.status.code(), Some(0), "{english:?}");
    assert_eq!(stderr(&english), "Wrote govlint.toml.\n");
    let written = std::fs::read_to_string(dir.path().join("govlint.toml")).expect("written");
    assert_eq!(written, include_str!("../src/config_template.toml"));

    // What `init` writes in Chinese is a configuration `check` reads.
    run(dir.path(), "C.UTF-8", &["init", "--lang", "zh", "--force"]);
    std::fs::write(dir.path().join("a.txt"), STRAY_PERIOD).expect("write");
    let checked = run(dir.path(), "C.UTF-8", &["check", "a.txt"]);
    assert_eq!(checked.status.code(), Some(1), "{checked:?}");
}

#[test]
fn an_unknown_rule_on_the_command_line_names_the_rule_meant() {
    let dir = workspace(&[("a.txt", STRAY_PERIOD.as_bytes())]);
    let args = ["check", "--select", "stray-perod", "a.txt"];
    let english = run(dir.path(), "C.UTF-8", &args);
    assert_eq!(english.status.code(), Some(2));
    assert_eq!(
        stderr(&english),
        "error: unknown rule `stray-perod`; did you mean `stray-period`? `govlint rules` lists them\n"
    );
    let chinese = run(dir.path(), "zh_CN.UTF-8", &args);
    assert_eq!(chinese.status.code(), Some(2));
    assert_eq!(
        stderr(&chinese),
        "错误：没有名为“stray-perod”的规则。是不是要写“stray-period”？“govlint rules”会列出全部规则\n"
    );
    // Nothing close: the English line of old.
    let far = run(dir.path(), "C.UTF-8", &["rule", "zzzzzzzz"]);
    assert_eq!(
        stderr(&far),
        "error: unknown rule `zzzzzzzz`; `govlint rules` lists them\n"
    );
}
