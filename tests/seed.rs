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
    for format in [
        "human", "json", "concise", "sarif", "github", "rdjson", "markdown",
    ] {
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

/// The seed as a Chinese editor sees it: every word of the report in Chinese (the help
/// line's name too), carets placed for a terminal that draws `“ ” …` two columns wide.
#[test]
fn seed_human_output_in_chinese() {
    let (stdout, code) = govlint(&["check", SEED, "--color", "never", "--lang", "zh"]);
    assert_eq!(code, 1);
    for english in [
        "help:",
        "findings in",
        "not shown",
        "Found ",
        "first occurrence",
    ] {
        assert!(!stdout.contains(english), "{english}: {stdout}");
    }
}

/// `--show-all` folds nothing: each of the 142 half-width marks is shown with its snippet,
/// and no line says that some are not shown.
#[test]
fn show_all_shows_every_finding() {
    let (folded, _) = govlint(&["check", SEED, "--color", "never"]);
    let (all, code) = govlint(&["check", SEED, "--color", "never", "--show-all"]);
    assert_eq!(code, 1);
    let shown = |text: &str| text.matches("\nhalfwidth-punctuation\n").count();
    assert_eq!(shown(&folded), 1);
    // The first finding opens the output, without a newline before it.
    assert_eq!(
        shown(&all) + usize::from(all.starts_with("halfwidth-punctuation\n")),
        142
    );
    assert!(folded.contains("141 not shown: `--show-all` shows every one"));
    assert!(!all.contains("not shown"), "{all}");
    // The closing summary counts the same findings.
    let last = |text: &str| text.lines().last().unwrap_or_default().to_string();
    assert_eq!(last(&folded), last(&all));
}

/// Findings are separated by a blank line: a rule's name never follows a help line.
#[test]
fn a_blank_line_separates_findings() {
    for lang in ["en", "zh"] {
        let (stdout, _) = govlint(&["check", SEED, "--color", "never", "--lang", lang]);
        let lines: Vec<&str> = stdout.lines().collect();
        for pair in lines.windows(2) {
            let is_rule = |line: &str| {
                !line.is_empty() && line.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            };
            if is_rule(pair[1]) {
                assert_eq!(pair[0], "", "{lang}: {:?} before {:?}", pair[0], pair[1]);
            }
        }
    }
}

/// The caret sits under the half-width comma that follows `“ ” …` and `—` in the snippet:
/// at its East Asian column with `--ambiguous-width wide` (the default for Chinese), at its
/// narrow column with `narrow`.
#[test]
fn carets_stay_under_their_character_after_ambiguous_width_marks() {
    use unicode_width::UnicodeWidthStr;
    let text = "他说：“好”……今天——我们‘共同’努力·前进,迈向新的征程。\n";
    for (args, wide) in [
        (&["--lang", "zh"][..], true),
        (&["--lang", "zh", "--ambiguous-width", "narrow"][..], false),
        (&["--lang", "en"][..], false),
        (&["--lang", "en", "--ambiguous-width", "wide"][..], true),
    ] {
        let output = Command::cargo_bin("govlint")
            .expect("binary is built")
            .args([
                "check",
                "-",
                "--color",
                "never",
                "--select",
                "halfwidth-punctuation",
            ])
            .args(args)
            .write_stdin(text)
            .output()
            .expect("govlint runs");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        let lines: Vec<&str> = stdout.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with(" 1 │ "))
            .expect("the snippet");
        let snippet = &lines[at][" 1 │ ".len()..];
        let comma = snippet.find(',').expect("the comma");
        let before = &snippet[..comma];
        let expected = if wide {
            before.width_cjk()
        } else {
            before.width()
        };
        let underline = &lines[at + 1]["   · ".len()..];
        let caret = underline.chars().position(|c| c == '┬').expect("a caret");
        assert_eq!(caret, expected, "{args:?}\n{stdout}");
        assert_ne!(
            before.width(),
            before.width_cjk(),
            "the line holds ambiguous marks"
        );
    }
}
