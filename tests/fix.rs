//! `--fix` and `--diff`: the seed corrected, fixes converge, files keep their bytes
//! otherwise (BOM, CRLF), `--diff` writes nothing, standard input prints the fixed text.

mod common;
use common::govlint;

use assert_cmd::Command;
use std::path::Path;

fn seed_copy() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/haimen-rule-of-law-2021.txt");
    std::fs::copy(seed, dir.path().join("seed.txt")).expect("seed copied");
    (dir, "seed.txt".to_string())
}

#[test]
fn the_seed_fixed() {
    let (dir, name) = seed_copy();
    let output = govlint(dir.path(), &["check", &name, "--fix", "--color", "never"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "errors without a safe fix remain"
    );
    let fixed = std::fs::read_to_string(dir.path().join(&name)).expect("fixed seed");
    assert!(fixed.contains("杰出项目”大奖。"));
    assert!(fixed.contains("近年来，海门区委区政府聚焦高质量发展主题，坚持"));
    assert!(fixed.contains("示范县（市）"));
    insta::assert_snapshot!(fixed);
    // What is left is reported, and nothing of it is fixable.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("duplicate-paragraph") && !stdout.contains("halfwidth-punctuation"));
    let json = govlint(dir.path(), &["check", &name, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let fixable = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["fix"]["safe"] == true)
        .count();
    assert_eq!(fixable, 0);
}

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let (dir, name) = seed_copy();
    govlint(dir.path(), &["check", &name, "--fix"]);
    let once = std::fs::read(dir.path().join(&name)).expect("fixed once");
    govlint(dir.path(), &["check", &name, "--fix"]);
    assert_eq!(
        std::fs::read(dir.path().join(&name)).expect("fixed twice"),
        once
    );
    let diff = govlint(dir.path(), &["check", &name, "--diff"]);
    assert_eq!(diff.status.code(), Some(0));
    assert!(diff.stdout.is_empty());
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let (dir, name) = seed_copy();
    let before = std::fs::read(dir.path().join(&name)).expect("seed");
    let diff = govlint(dir.path(), &["check", &name, "--diff"]);
    assert_eq!(diff.status.code(), Some(1));
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(text.contains("--- seed.txt") && text.contains("+++ seed.txt"));
    assert!(
        text.contains("-服务做“加法”,为政务效率") && text.contains("+服务做“加法”，为政务效率")
    );
    assert_eq!(std::fs::read(dir.path().join(&name)).expect("seed"), before);
}

#[test]
fn fixes_keep_bom_and_crlf() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = "\u{FEFF}　　近年来,海门区委区政府聚焦高质量发展主题.\r\n　　全区法治政府建设迈上新台阶。\r\n";
    std::fs::write(dir.path().join("a.txt"), text).expect("written");
    govlint(dir.path(), &["check", "a.txt", "--fix"]);
    let fixed = std::fs::read_to_string(dir.path().join("a.txt")).expect("fixed");
    assert_eq!(
        fixed,
        "\u{FEFF}　　近年来，海门区委区政府聚焦高质量发展主题。\r\n　　全区法治政府建设迈上新台阶。\r\n"
    );
}

#[test]
fn fixes_never_touch_urls_numbers_or_english() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = "详见https://www.gov.cn/a,b;c。增长3.5%，时间10:30。He said: yes, done.\n";
    std::fs::write(dir.path().join("a.txt"), text).expect("written");
    govlint(dir.path(), &["check", "a.txt", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).expect("read"),
        text
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let output = Command::cargo_bin("govlint")
        .expect("binary is built")
        .args(["check", "-", "--fix"])
        .write_stdin("近年来,海门区委区政府聚焦高质量发展主题.\n")
        .output()
        .expect("govlint runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "近年来，海门区委区政府聚焦高质量发展主题。\n"
    );
}

/// Every fix agrees with what its rule declares (`govlint rules`): on the seed, the corpus
/// sample and every rule's documented examples.
#[test]
fn fixes_keep_to_each_rules_declaration() {
    use govlint::document::{Document, Format};
    use govlint::linter::{self, Options};
    use govlint::rules::{self, Fixes};
    use govlint::source::Source;

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (inputs, errors) = linter::collect_inputs(&[root], "<stdin>");
    let mut runs = vec![linter::lint(&inputs, errors, &Options::default())];
    let examples: Vec<Document> = rules::RULES
        .iter()
        .flat_map(|rule| {
            rule.bad
                .iter()
                .chain(rule.good)
                .map(move |text| (rule, text))
        })
        .enumerate()
        .map(|(i, (rule, text))| {
            // Suppression comments exist in Markdown only.
            let format = match rule.check {
                rules::Check::Suppressions => Format::Markdown,
                _ => Format::PlainText,
            };
            Document::new(
                Source::new(format!("example-{i}.txt"), text.to_string()),
                format,
            )
        })
        .collect();
    runs.push(linter::lint_documents(
        examples,
        Vec::new(),
        &Options::default(),
    ));
    let mut seen = std::collections::BTreeSet::new();
    for diagnostic in runs.iter().flat_map(|run| &run.diagnostics) {
        let rule = rules::find(diagnostic.rule).expect("a known rule");
        if let Some(fix) = &diagnostic.fix {
            assert!(
                rule.fix.allows(fix.safe),
                "{}: a {} fix `{}`, declared {:?}",
                rule.name,
                if fix.safe { "safe" } else { "suggested" },
                fix.title,
                rule.fix
            );
            seen.insert((rule.name, fix.safe));
        }
    }
    // Every rule that declares fixes was seen making them.
    for rule in rules::RULES.iter().filter(|r| r.fix != Fixes::None) {
        assert!(
            seen.iter().any(|(name, _)| *name == rule.name),
            "{} declares fixes but made none",
            rule.name
        );
    }
}

#[test]
fn a_repeated_paragraph_is_deleted_only_with_unsafe_fixes_and_only_within_its_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let paragraph =
        "　　注重示范驱动，培育法治品牌。充分发挥示范引导作用，以点带面推动法治建设全面开花结果。";
    let text =
        format!("标题\r\n{paragraph}\r\n　　中间一段。\r\n{paragraph}\r\n　　最后一段。\r\n");
    std::fs::write(dir.path().join("a.txt"), &text).expect("written");
    std::fs::write(dir.path().join("b.txt"), format!("{paragraph}\n")).expect("written");
    govlint(dir.path(), &["check", ".", "--fix"]);
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("read");
    assert_eq!(
        read("a.txt"),
        text,
        "deleting a paragraph is not a safe fix"
    );
    govlint(dir.path(), &["check", ".", "--fix", "--unsafe-fixes"]);
    assert_eq!(
        read("a.txt"),
        format!("标题\r\n{paragraph}\r\n　　中间一段。\r\n　　最后一段。\r\n")
    );
    assert_eq!(
        read("b.txt"),
        format!("{paragraph}\n"),
        "the copy in another file stays"
    );
}
