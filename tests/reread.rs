//! Every format but human output keeps no text of the files linted, and reads a file again
//! for the diffs of its near copies: a GBK file decoded, a Word file extracted, once for all
//! its copies. What comes of it must be what a run that kept the text finds: the same places,
//! the same related places, the same diffs, in every file however it was read.

mod common;
use common::govlint;

use govlint::dedup::{Parallel, Scope, Settings};
use govlint::linter::{self, Options};
use std::io::Write;

/// The paragraphs of file `file` of three: a near copy of a paragraph of each other file
/// (one: several in a row would be a pasted block), then near copies of a paragraph of its
/// own, each with a word of its own (`第一项`, `第二项`, `第三项`).
fn paragraphs(file: usize) -> Vec<String> {
    const YEARS: [&str; 3] = ["两", "三", "五"];
    const OWN: [&str; 3] = [
        "各地区各部门要认真贯彻落实党中央国务院决策部署，切实加强组织领导，健全工作机制，\
         推动第{}项重点任务落地见效，确保按期取得实际成果。",
        "要持续优化营商环境，深化简政放权、放管结合、优化服务改革，全面推行证明事项告知\
         承诺制，第{}批清单年底前公布实施，让企业和群众办事更加便利。",
        "加快建设现代化产业体系，推进新型工业化，大力发展数字经济和战略性新兴产业，培育\
         第{}个百亿级产业集群，不断增强经济发展的后劲和韧性。",
    ];
    let mut paragraphs = vec![format!(
        "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，不断增强人民群众的获得感、\
         幸福感、安全感，{}年内完成全部民生实事项目。",
        YEARS[file]
    )];
    for ordinal in ["一", "二", "三"] {
        paragraphs.push(OWN[file].replace("{}", ordinal));
    }
    paragraphs
}

/// A Word file with these paragraphs.
fn docx(paragraphs: &[String]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .expect("zip entry");
    writer.write_all(xml.as_bytes()).expect("zip data");
    writer.finish().expect("zip written").into_inner()
}

/// `utf8.txt`, `gbk.txt` (in GBK) and `word.docx`, every paragraph a near copy of the others.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = |file: usize| {
        paragraphs(file)
            .iter()
            .map(|p| format!("　　{p}\n"))
            .collect::<String>()
    };
    std::fs::write(dir.path().join("utf8.txt"), text(0)).expect("written");
    let gbk_text = text(1);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&gbk_text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("gbk.txt"), &gbk).expect("written");
    std::fs::write(dir.path().join("word.docx"), docx(&paragraphs(2))).expect("written");
    dir
}

#[test]
fn a_run_that_keeps_no_text_finds_what_one_that_keeps_it_finds() {
    let dir = tree();
    let (inputs, errors) =
        govlint::input::walk::collect_inputs(&[dir.path().to_path_buf()], "<stdin>");
    let run = |keep_sources: bool| {
        let options = Options {
            keep_sources,
            // Every pair, the ones judged legitimate too: copies across files among them.
            duplicates: Settings {
                scope: Scope::Repository,
                parallel: Parallel::Report,
                ..Settings::default()
            },
            ..Options::default()
        };
        linter::lint(&inputs, errors.clone(), &options)
    };
    let kept = run(true);
    let read_again = run(false);
    assert!(read_again.sources.iter().all(Option::is_none));
    assert!(read_again.errors.is_empty(), "{:?}", read_again.errors);
    let near: Vec<_> = read_again
        .diagnostics
        .iter()
        .filter(|d| d.rule == "near-duplicate-paragraph")
        .collect();
    assert!(near.iter().all(|d| d.diff.is_some()), "{near:#?}");
    // Copies within each file and across files, each file read once for all of them.
    for file in 0..3 {
        assert!(near.iter().any(|d| d.document == file), "file {file}");
        assert!(
            near.iter().any(|d| {
                let other = d.related[0].document;
                other != d.document && (other == file || d.document == file)
            }),
            "no copy across file {file} and another: {near:#?}"
        );
    }
    assert_eq!(
        format!("{:#?}", read_again.diagnostics),
        format!("{:#?}", kept.diagnostics)
    );
}

/// `path:line:column < related path:line  diff` of every near copy.
fn near_copies(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "near-duplicate-paragraph")
        .map(|d| {
            let related = &d["related"][0];
            format!(
                "{}:{}:{} < {}:{}  {}",
                d["path"].as_str().unwrap_or_default(),
                d["line"],
                d["column"],
                related["path"].as_str().unwrap_or_default(),
                related["line"],
                d["diff"].as_str().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn json_places_and_diffs_of_near_copies_in_gbk_and_word_files() {
    let dir = tree();
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(json["summary"]["encodings"]["./gbk.txt"], "GBK");
    let found = near_copies(&json);
    // A text file's column counts its indent `　　`; a Word paragraph has none.
    assert_eq!(
        found,
        [
            "./gbk.txt:3:3 < ./gbk.txt:2  …承诺制，第[-一-]{+二+}批清单年底…",
            "./gbk.txt:4:3 < ./gbk.txt:2  …承诺制，第[-一-]{+三+}批清单年底…",
            "./utf8.txt:1:3 < ./gbk.txt:1  …、安全感，[-三-]{+两+}年内完成全…",
            "./utf8.txt:3:3 < ./utf8.txt:2  …制，推动第[-一-]{+二+}项重点任务…",
            "./utf8.txt:4:3 < ./utf8.txt:2  …制，推动第[-一-]{+三+}项重点任务…",
            "./word.docx:1:1 < ./gbk.txt:1  …、安全感，[-三-]{+五+}年内完成全…",
            "./word.docx:3:1 < ./word.docx:2  …业，培育第[-一-]{+二+}个百亿级产…",
            "./word.docx:4:1 < ./word.docx:2  …业，培育第[-一-]{+三+}个百亿级产…",
        ]
    );
    // Human output keeps the text and shows the same diffs.
    let human = govlint(dir.path(), &["check", ".", "--color", "never"]);
    let human = String::from_utf8(human.stdout).expect("UTF-8 output");
    for finding in &found {
        let diff = finding.split("  ").nth(1).unwrap_or_default();
        assert!(
            human.contains(&format!("what differs: {diff}\n")),
            "{finding}: not in\n{human}"
        );
    }
}

#[test]
fn a_word_file_whose_text_is_over_the_size_limit_is_refused_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("good.txt"),
        "今年4月，区行政审批局获杰出项目大奖.\n",
    )
    .expect("written");
    // 8 000 paragraphs of some 190 bytes: 1.5 MB of text in a file of some 30 KB.
    let many: Vec<String> = (0..8000)
        .map(|i| format!("第{i}条　{}", paragraphs(0)[0]))
        .collect();
    let bytes = docx(&many);
    std::fs::write(dir.path().join("long.docx"), &bytes).expect("written");
    assert!(bytes.len() < 1 << 20, "the file itself is within the limit");
    let output = govlint(
        dir.path(),
        &["check", ".", "--max-file-size", "1M", "--color", "never"],
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let errors = String::from_utf8(output.stderr).expect("UTF-8 errors");
    assert_eq!(
        errors.trim_end(),
        "error: ./long.docx: its text is over the 1 MB limit (`--max-file-size` raises it), \
         not linted",
    );
    let out = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(out.contains("good.txt:1:"), "{out}");
    // Within a limit that holds the text, it is linted.
    let output = govlint(
        dir.path(),
        &[
            "check",
            "long.docx",
            "--max-file-size",
            "2M",
            "--select",
            "stray-period",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

/// SARIF places related copies with the text of their file: read again once for the many
/// files that refer to it, not once for each, and placed the same as JSON places them.
#[test]
fn sarif_places_copies_in_a_file_many_others_refer_to() {
    let dir = tree();
    // More files referring to gbk.txt than the renderer keeps texts of between files: each
    // with a copy of a paragraph of gbk.txt, one character changed, a different one in each.
    for i in 0..12 {
        let copy: String = paragraphs(1)[0]
            .chars()
            .enumerate()
            .map(|(at, c)| if at == 2 + 3 * i { '某' } else { c })
            .collect();
        std::fs::write(
            dir.path().join(format!("z{i:02}.txt")),
            format!("　　{copy}\n"),
        )
        .expect("written");
    }
    let json = govlint(dir.path(), &["check", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON output");
    let sarif = govlint(dir.path(), &["check", ".", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF output");
    let place = |location: &serde_json::Value| {
        let physical = &location["physicalLocation"];
        format!(
            "{}:{}:{}",
            physical["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or_default(),
            physical["region"]["startLine"],
            physical["region"]["startColumn"]
        )
    };
    let from_sarif: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["ruleId"] == "near-duplicate-paragraph")
        .map(|r| {
            format!(
                "{} < {}",
                place(&r["locations"][0]),
                place(&r["relatedLocations"][0])
            )
        })
        .collect();
    let from_json: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "near-duplicate-paragraph")
        .map(|d| {
            let related = &d["related"][0];
            // JSON keeps the path as given; SARIF spells it from the root, without `./`.
            let path = |value: &serde_json::Value| {
                let path = value.as_str().unwrap_or_default();
                path.strip_prefix("./").unwrap_or(path).to_string()
            };
            format!(
                "{}:{}:{} < {}:{}:{}",
                path(&d["path"]),
                d["line"],
                d["column"],
                path(&related["path"]),
                related["line"],
                related["column"]
            )
        })
        .collect();
    assert_eq!(from_sarif, from_json);
    let into_gbk = from_json
        .iter()
        .filter(|f| f.ends_with("< gbk.txt:1:3"))
        .count();
    assert_eq!(into_gbk, 14, "{from_json:#?}");
}
