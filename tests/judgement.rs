//! The duplicate judgement on real documents: pastes an editor makes inside a document are
//! reported, and what official texts legitimately repeat (amendments quoting the provisions
//! they change, statutes restating each other) is not. Real files are in
//! `fixtures/pastes/` (government documents, `fixtures/pastes.PROVENANCE.md`) and
//! `fixtures/lawref/` (a law repository, `fixtures/lawref.PROVENANCE.md`); each test plants
//! its paste in a copy.

mod common;
use common::govlint;

use std::path::{Path, PathBuf};

fn fixture(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(dir)
        .join(name)
}

fn lines_of(dir: &str, name: &str) -> Vec<String> {
    std::fs::read_to_string(fixture(dir, name))
        .expect("fixture is readable")
        .lines()
        .map(str::to_string)
        .collect()
}

/// A duplicate finding: (rule, file, line, the related place's file and line, set_aside).
type Finding = (String, String, u64, String, u64, Option<String>);

/// The duplicate findings of `govlint check . --format json EXTRA…` in `dir`.
fn duplicates(dir: &Path, extra: &[&str]) -> Vec<Finding> {
    let mut args = vec!["check", ".", "--format", "json"];
    args.extend_from_slice(extra);
    let output = govlint(dir, &args);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let name = |value: &serde_json::Value| {
        value
            .as_str()
            .unwrap_or_default()
            .trim_start_matches("./")
            .to_string()
    };
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["rule"]
                .as_str()
                .is_some_and(|r| r.ends_with("duplicate-paragraph"))
        })
        .map(|d| {
            let related = &d["related"][0];
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                name(&d["path"]),
                d["line"].as_u64().unwrap_or_default(),
                name(&related["path"]),
                related["line"].as_u64().unwrap_or_default(),
                d["set_aside"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn write_lines(dir: &Path, name: &str, lines: &[String]) {
    std::fs::write(dir.join(name), lines.join("\n") + "\n").expect("file written");
}

/// A paste planted in a real document is reported against its source, and nothing else is.
fn assert_paste_found(name: &str, planted: &[String], rule: &str, copy: u64, source: u64) {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture("pastes", name), dir.path().join(name)).expect("copied");
    assert_eq!(duplicates(dir.path(), &[]), [], "{name} as published");
    write_lines(dir.path(), name, planted);
    let found = duplicates(dir.path(), &[]);
    assert_eq!(
        found,
        [(
            rule.to_string(),
            name.to_string(),
            copy,
            name.to_string(),
            source,
            None
        )],
        "{name}"
    );
}

#[test]
fn a_paragraph_pasted_into_another_section_with_two_words_changed() {
    let mut lines = lines_of("pastes", "prov2026_0001.txt");
    assert!(lines[50].starts_with("三、"), "line 51 opens section 三");
    let copy = lines[8]
        .replacen("冲刺", "决胜", 1)
        .replacen("考察", "调研", 1);
    assert_ne!(copy, lines[8]);
    lines.insert(55, copy);
    assert_paste_found(
        "prov2026_0001.txt",
        &lines,
        "near-duplicate-paragraph",
        56,
        9,
    );
}

#[test]
fn a_paragraph_pasted_far_below_with_one_word_changed() {
    let mut lines = lines_of("pastes", "wsgwr_0041.txt");
    let copy = lines[16].replacen("积极", "稳步", 1);
    assert_ne!(copy, lines[16]);
    lines[125] = copy;
    assert_paste_found(
        "wsgwr_0041.txt",
        &lines,
        "near-duplicate-paragraph",
        126,
        17,
    );
}

#[test]
fn a_numbered_item_pasted_over_an_item_of_another_list() {
    let mut lines = lines_of("pastes", "govcn_0052.txt");
    assert!(lines[18].starts_with("（三）西藏自治区人民政府要按照"));
    lines[23] = lines[18].clone();
    assert_paste_found("govcn_0052.txt", &lines, "duplicate-paragraph", 24, 19);
}

#[test]
fn a_numbered_item_repeated_in_its_own_list() {
    let mut lines = lines_of("pastes", "govcn_0018.txt");
    assert!(lines[25].starts_with("（十一）"));
    lines.insert(28, lines[25].clone());
    assert_paste_found("govcn_0018.txt", &lines, "duplicate-paragraph", 29, 26);
}

#[test]
fn an_item_relabelled_in_another_list_is_the_same_text() {
    let mut lines = lines_of("pastes", "govcn_0052.txt");
    let relabelled = lines[18].replacen("（三）", "（五）", 1);
    lines.push(relabelled);
    let last = lines.len() as u64;
    assert_paste_found("govcn_0052.txt", &lines, "duplicate-paragraph", last, 19);
}

const INTERPRETATION: &str =
    "最高人民法院关于审理技术合同纠纷案件适用法律若干问题的解释(2020-12-29).md";
const DECISION: &str = "最高人民法院关于修改《最高人民法院关于审理侵犯专利权纠纷案件应用法律若干问题的解释（二）》等十八件知识产权类司法解释的决定.md";

/// The decision quotes every provision it rewrites (`将第一条修改为：“…”`): the old judgement
/// reported each as a copy of the interpretation.
#[test]
fn a_decision_quoting_the_provisions_it_changes_is_not_a_copy() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for name in [INTERPRETATION, DECISION] {
        std::fs::copy(fixture("lawref", name), dir.path().join(name)).expect("copied");
    }
    assert_eq!(duplicates(dir.path(), &[]), []);
    // The audit run shows the quotations, tagged, as `info`.
    let audit = duplicates(dir.path(), &["--dup-parallel", "report"]);
    assert!(audit.len() > 20, "{audit:#?}");
    assert!(
        audit
            .iter()
            .any(|f| f.1 == INTERPRETATION && f.3 == DECISION
                || f.1 == DECISION && f.3 == INTERPRETATION),
        "{audit:#?}"
    );
    assert!(audit.iter().all(|f| f.5.is_some()), "{audit:#?}");

    // The same provision copied without quotation into an ordinary article is a copy.
    let provision = lines_of("lawref", INTERPRETATION)
        .into_iter()
        .find(|l| l.starts_with("技术秘密，是指"))
        .expect("the provision");
    let guide = format!("# 技术合同指南\n\n合同双方应当注意以下几点。\n\n{provision}\n");
    std::fs::write(dir.path().join("guide.md"), guide).expect("written");
    let found = duplicates(dir.path(), &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let mut places = [found[0].1.as_str(), found[0].3.as_str()];
    places.sort_unstable();
    assert_eq!(places, ["guide.md", INTERPRETATION]);
}

const HOST: &str = "烟叶税法(2017-12-27).md";
const SOURCE: &str = "车船税法(2019-04-23).md";

/// Two statutes share wording on purpose, but five provisions of one appended to the other
/// (what the law repository's maintainers once deleted) are one pasted block.
#[test]
fn provisions_pasted_from_another_statute_are_one_finding() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for name in [HOST, SOURCE] {
        std::fs::copy(fixture("lawref", name), dir.path().join(name)).expect("copied");
    }
    assert_eq!(duplicates(dir.path(), &[]), []);
    let source = lines_of("lawref", SOURCE);
    let first = source
        .iter()
        .position(|l| l.starts_with("第五条"))
        .expect("第五条");
    let last = source
        .iter()
        .position(|l| l.starts_with("第九条"))
        .expect("第九条");
    let mut host = lines_of("lawref", HOST);
    let pasted_at = host.len() as u64 + 2;
    host.push(String::new());
    host.extend(source[first..=last].iter().cloned());
    write_lines(dir.path(), HOST, &host);
    let found = duplicates(dir.path(), &[]);
    assert_eq!(
        found,
        [(
            "duplicate-paragraph".to_string(),
            HOST.to_string(),
            pasted_at,
            SOURCE.to_string(),
            first as u64 + 1,
            None
        )]
    );
}

/// `# 标题` followed by the same title as a plain line, as the repository has it.
#[test]
fn a_title_printed_twice_is_reported_whatever_its_length() {
    let name = "最高人民法院关于涉外民商事案件管辖若干问题的规定(2022-11-14).md";
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture("lawref", name), dir.path().join(name)).expect("copied");
    let found = duplicates(dir.path(), &[]);
    assert_eq!(
        found,
        [(
            "duplicate-paragraph".to_string(),
            name.to_string(),
            9,
            name.to_string(),
            1,
            None
        )]
    );
}

/// `[duplicates] parallel = "report"` is the setting of `--dup-parallel report`, and an audit
/// run exits as a normal one: what it adds is `info`.
#[test]
fn the_audit_setting_matches_the_flag_and_fails_no_more_than_a_normal_run() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for name in [INTERPRETATION, DECISION] {
        std::fs::copy(fixture("lawref", name), dir.path().join(name)).expect("copied");
    }
    let flag = govlint(
        dir.path(),
        &["check", ".", "--format", "json", "--dup-parallel", "report"],
    );
    let normal = govlint(dir.path(), &["check", ".", "--format", "json"]);
    std::fs::write(
        dir.path().join("govlint.toml"),
        "[duplicates]\nparallel = \"report\"\n",
    )
    .expect("config written");
    let configured = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(flag.stdout, configured.stdout);
    assert_eq!(flag.status.code(), normal.status.code());
    let json: serde_json::Value = serde_json::from_slice(&flag.stdout).expect("JSON");
    let tagged: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d.get("set_aside").is_some())
        .collect();
    assert!(!tagged.is_empty());
    assert!(tagged.iter().all(|d| d["severity"] == "info"));
    let overridden = govlint(
        dir.path(),
        &["check", ".", "--format", "json", "--dup-parallel", "hide"],
    );
    assert_eq!(
        overridden.stdout, normal.stdout,
        "the flag wins over the file"
    );
}
