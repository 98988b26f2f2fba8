//! "The same error on many sites": a fault in a paragraph copied into many files is shown
//! once with every place, by `check` and by `report` alike.

mod common;
use std::path::Path;

/// A notice pasted onto four sites with its half-width comma, the same comma in a
/// paragraph of its own on a fifth, and a paragraph with a stray period shared by two
/// sites only (fewer than `common-files`); two of the four write many full-width commas,
/// which their comma's message cites.
fn sites(dir: &Path) {
    let pasted = "各地区各部门要认真贯彻落实党中央、国务院决策部署,切实加强组织领导，确保各项任务落到实处，取得实效。";
    let pair = "本市将进一步优化营商环境，持续深化“放管服”改革，不断提升政务服务水平和群众满意度.";
    for site in 1..=5 {
        let mut text = format!(
            "第{site}号通知\n\n本文件是第{site}个网站自己的开头段落，内容各不相同，编号{site}。\n\n"
        );
        if site <= 4 {
            text.push_str(pasted);
        } else {
            text.push_str(
                "第五个网站另写了一段话,其中也误用了英文逗号，但这段文字与其他网站的都不相同。",
            );
        }
        text.push_str("\n\n");
        if site <= 2 {
            text.push_str(pair);
            text.push('\n');
            // A full-width habit of their own: the comma's message cites it on these two
            // sites and not on the others, and the fault is the same.
            let habit: Vec<String> = (0..30)
                .map(|i| format!("本段说明第{i}项工作安排"))
                .collect();
            text.push_str(&format!("\n{}。\n", habit.join("，")));
        }
        std::fs::write(dir.join(format!("site{site}.txt")), text).expect("a file");
    }
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {output:?}"))
}

#[test]
fn a_fault_pasted_onto_many_sites_is_shown_once_with_every_place() {
    let root = tempfile::tempdir().expect("a directory");
    let corpus = root.path().join("sites");
    std::fs::create_dir(&corpus).expect("a directory");
    sites(&corpus);
    let checked = common::govlint(
        root.path(),
        &["check", "sites", "--isolated", "--format", "json"],
    );
    let found = json(&checked);
    let groups = found["widespread"].as_array().expect("groups");
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0]["rule"], "halfwidth-punctuation");
    assert_eq!(groups[0]["files"], 4);
    let messages: std::collections::BTreeSet<&str> = found["diagnostics"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|d| d["rule"] == "halfwidth-punctuation")
        .map(|d| d["message"].as_str().expect("a message"))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    let places: Vec<&str> = groups[0]["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|place| place["path"].as_str().expect("a path"))
        .collect();
    assert_eq!(
        places,
        [
            "sites/site1.txt",
            "sites/site2.txt",
            "sites/site3.txt",
            "sites/site4.txt"
        ]
    );
    // Every finding is still there: the group is a view of them, not a replacement.
    let commas = found["diagnostics"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|d| d["rule"] == "halfwidth-punctuation")
        .count();
    assert_eq!(commas, 5);
    // In the terminal, in both languages.
    let human = common::govlint(root.path(), &["check", "sites", "--isolated"]);
    let said = String::from_utf8_lossy(&human.stdout);
    let note = said
        .split_once("note: the same finding in 4 files")
        .map(|(_, note)| note)
        .unwrap_or_else(|| panic!("{said}"));
    assert!(note.contains("\n  sites/site4.txt:5:25\n"), "{note}");
    assert!(!note.contains("site5"), "{note}");
    let chinese = common::govlint(
        root.path(),
        &["check", "sites", "--isolated", "--lang", "zh"],
    );
    let said = String::from_utf8_lossy(&chinese.stdout);
    assert!(said.contains("同一问题出现在4个文件中"), "{said}");
    // Fewer copies than common-files: no group; a lower setting groups them.
    std::fs::write(
        root.path().join("govlint.toml"),
        "[duplicates]\ncommon-files = 2\n",
    )
    .expect("a config");
    let lower = json(&common::govlint(
        root.path(),
        &["check", "sites", "--format", "json"],
    ));
    let rules: Vec<&str> = lower["widespread"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|group| group["rule"].as_str().expect("a rule"))
        .collect();
    assert_eq!(
        rules,
        ["halfwidth-punctuation", "stray-period"],
        "{lower:?}"
    );
    std::fs::remove_file(root.path().join("govlint.toml")).expect("removed");
    // govlint report on the signatures groups as check does.
    let signed = common::govlint(
        root.path(),
        &["signatures", "sites", "--isolated", "-o", "sig"],
    );
    assert!(signed.status.success(), "{signed:?}");
    let reported = json(&common::govlint(
        root.path(),
        &["report", "sig", "--isolated", "--format", "json"],
    ));
    assert_eq!(reported["widespread"], found["widespread"]);
    let html = common::govlint(
        root.path(),
        &["check", "sites", "--isolated", "--format", "html"],
    );
    let page = String::from_utf8_lossy(&html.stdout);
    assert!(page.contains("<section id=\"widespread\">"), "{page}");
}
