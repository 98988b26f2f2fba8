//! Office documents other than `.docx` (Word 97–2003 `.doc`, WPS `.wps`, OpenDocument
//! `.odt`) as an office hands them in: each paragraph is a line, so their findings are the
//! findings of their text twin at the same line and column; `.rtf` is refused with a
//! message, never linted as markup; fixes never write them.

mod common;
use common::govlint;

use std::path::{Path, PathBuf};

const SEED: &str = "fixtures/haimen-rule-of-law-2021.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

/// `(rule, line, column, message)` of every finding of one file, linted alone.
fn findings(dir: &Path, path: &str) -> Vec<(String, u64, u64, String)> {
    let output = govlint(dir, &["check", path, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{path}: {}", stderr(&output));
    json(&output)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                // Word files count paragraphs where text files count lines.
                d["message"]
                    .as_str()
                    .unwrap_or_default()
                    .replace("paragraph ", "line "),
            )
        })
        .collect()
}

#[test]
fn the_seed_as_doc_wps_and_odt_gives_the_seeds_findings() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let copy = |from: &str, to: &str| {
        std::fs::copy(root().join(from), dir.path().join(to)).expect("copied");
    };
    copy(SEED, "seed.txt");
    copy("fixtures/office/haimen-rule-of-law-2021.doc", "seed.doc");
    // WPS Writer's `.wps` is the same Word binary structure: a `.doc` under its name.
    copy("fixtures/office/haimen-rule-of-law-2021.doc", "seed.wps");
    copy("fixtures/office/haimen-rule-of-law-2021.odt", "seed.odt");
    let text = findings(dir.path(), "seed.txt");
    assert_eq!(text.len(), 150);
    for office in ["seed.doc", "seed.wps", "seed.odt"] {
        assert_eq!(findings(dir.path(), office), text, "{office}");
    }
}

#[test]
fn tables_fields_breaks_and_tracked_changes_read_as_in_the_docx() {
    let docx = findings(&root(), "fixtures/docx/haimen-report-2021.docx");
    assert_eq!(docx.len(), 5);
    for office in [
        "fixtures/office/haimen-report-2021.doc",
        "fixtures/office/haimen-report-2021.odt",
    ] {
        assert_eq!(findings(&root(), office), docx, "{office}");
    }
}

#[test]
fn office_files_are_never_written_by_fix() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let names = ["seed.doc", "seed.wps", "seed.odt"];
    let sources = [
        "fixtures/office/haimen-rule-of-law-2021.doc",
        "fixtures/office/haimen-rule-of-law-2021.doc",
        "fixtures/office/haimen-rule-of-law-2021.odt",
    ];
    for (name, from) in names.iter().zip(sources) {
        std::fs::copy(root().join(from), dir.path().join(name)).expect("copied");
    }
    let before: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.path().join(n)).expect("read"))
        .collect();
    let output = govlint(dir.path(), &["check", ".", "--fix"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    for (name, bytes) in names.iter().zip(before) {
        assert_eq!(
            std::fs::read(dir.path().join(name)).expect("read"),
            bytes,
            "{name}"
        );
    }
    let output = govlint(dir.path(), &["check", "seed.doc", "--format", "json"]);
    for diagnostic in json(&output)["diagnostics"]
        .as_array()
        .expect("diagnostics")
    {
        assert!(diagnostic.get("fix").is_none(), "{diagnostic}");
        assert_eq!(diagnostic["paragraph"], diagnostic["line"]);
    }
}

#[test]
fn rtf_is_refused_with_a_message_not_linted_as_markup() {
    let output = govlint(
        &root(),
        &["check", "fixtures/office/haimen-rule-of-law-2021.rtf"],
    );
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("an RTF document"), "{errors}");
    assert!(errors.contains("save it as .docx"), "{errors}");
    assert!(
        output.stdout.is_empty() || !String::from_utf8_lossy(&output.stdout).contains("error[")
    );
}

#[test]
fn misnamed_and_broken_office_files_are_input_errors() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = std::fs::read(root().join("fixtures/docx/haimen-report-2021.docx")).expect("docx");
    // A `.docx` saved under a `.doc` name is read as what it is.
    std::fs::write(dir.path().join("renamed.doc"), &docx).expect("written");
    let output = govlint(dir.path(), &["check", "renamed.doc", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "export.doc",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
              Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n--b--\r\n"
                .to_vec(),
            "a web archive (MHT) with no HTML part",
        ),
        ("text.wps", "近年来,全区。".as_bytes().to_vec(), "not a Word document"),
        (
            "cut.doc",
            std::fs::read(root().join("fixtures/office/haimen-rule-of-law-2021.doc"))
                .expect("doc")[..3000]
                .to_vec(),
            "not a readable Word file",
        ),
        ("cut.odt", docx[..2000].to_vec(), "damaged zip archive"),
    ];
    for (name, bytes, cause) in cases {
        std::fs::write(dir.path().join(name), bytes).expect("written");
        let output = govlint(dir.path(), &["check", name]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let errors = stderr(&output);
        assert!(errors.contains(cause), "{name}: {errors}");
        assert!(errors.contains("not linted"), "{name}: {errors}");
    }
}

#[test]
fn a_walk_counts_the_office_files_it_does_not_read_and_warns_when_it_linted_nothing() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("created");
    std::fs::copy(
        root().join("fixtures/office/haimen-rule-of-law-2021.rtf"),
        docs.join("a.rtf"),
    )
    .expect("copied");
    std::fs::write(docs.join("b.pdf"), b"%PDF-1.4").expect("written");
    std::fs::write(docs.join("c.XLS"), b"\xD0\xCF").expect("written");
    let output = govlint(dir.path(), &["check", "docs", "--color", "never"]);
    // Nothing was checked: CI must not pass.
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        stdout.contains("No problems found in 0 files. 3 files skipped (1 .pdf, 1 .rtf, 1 .xls)."),
        "{stdout}"
    );
    let chinese = govlint(dir.path(), &["check", "docs", "--lang", "zh"]);
    let chinese = String::from_utf8_lossy(&chinese.stdout).to_string();
    assert!(
        chinese.contains(
            "检查了0个文件，未发现问题。跳过了3个文件（“.pdf”文件1个、“.rtf”文件1个、“.xls”文件1个）。"
        ),
        "{chinese}"
    );
    let errors = stderr(&output);
    assert!(
        errors.contains("note: docs/a.rtf: a .rtf file, a format govlint does not read, skipped"),
        "{errors}"
    );
    assert!(
        errors.contains("warning: no file was linted: 3 files skipped"),
        "{errors}"
    );
    // With a file that is read beside them, they are counted and the run is judged on it.
    std::fs::copy(
        root().join("fixtures/office/haimen-rule-of-law-2021.doc"),
        docs.join("d.doc"),
    )
    .expect("copied");
    let output = govlint(dir.path(), &["check", "docs", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json = json(&output);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["skipped"].as_array().map(Vec::len), Some(3));
    assert!(!stderr(&output).contains("no file was linted"));
}

#[test]
fn parts_that_are_not_read_are_said_not_checked() {
    for (file, parts) in [
        (
            "notes.docx",
            "its footnotes and headers are not read, so not checked",
        ),
        (
            "notes.doc",
            "its footnotes, headers and footers are not read, so not checked",
        ),
        ("notes.odt", "its notes are not read, so not checked"),
    ] {
        let path = format!("fixtures/office/{file}");
        let output = govlint(&root(), &["check", &path, "--format", "concise"]);
        // The body's own finding is reported: only the notes are left out.
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains(&format!("{path}:1:4:")),
            "{file}"
        );
        let errors = stderr(&output);
        assert!(
            errors.contains(&format!("note: {path}: {parts}")),
            "{errors}"
        );
    }
}

/// `(rule, message)` with the numbers taken out: an HTML file counts lines of markup where
/// a Word file counts paragraphs, and the findings are otherwise the same.
fn unplaced(findings: Vec<(String, u64, u64, String)>) -> Vec<(String, String)> {
    findings
        .into_iter()
        .map(|(rule, _, _, message)| (rule, message.replace(|c: char| c.is_ascii_digit(), "")))
        .collect()
}

#[test]
fn web_pages_exported_to_word_give_the_findings_of_the_page() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // The Word-HTML `.doc` is a web page: under an `.html` name it is linted as one.
    std::fs::copy(
        root().join("fixtures/office/word-export.doc"),
        dir.path().join("twin.html"),
    )
    .expect("copied");
    let page = findings(dir.path(), "twin.html");
    assert_eq!(page.len(), 5, "{page:?}");
    let doc = findings(&root(), "fixtures/office/word-export.doc");
    assert_eq!(unplaced(doc.clone()), unplaced(page));
    // Its places are paragraphs, as in any Word file: the heading is paragraph 1.
    let places: Vec<(&str, u64, u64)> = doc
        .iter()
        .map(|(rule, line, column, _)| (rule.as_str(), *line, *column))
        .collect();
    assert_eq!(
        places,
        [
            ("halfwidth-punctuation", 2, 4),
            ("duplicate-paragraph", 5, 1),
            ("stray-period", 6, 38),
            ("unbalanced-quote", 7, 20),
            ("unbalanced-quote", 7, 25),
        ]
    );
    // The same page as a web archive (quoted-printable GBK), and as the one w:altChunk of a
    // .docx (an MHT part, as html-docx-js writes), gives the same findings at the same places.
    for other in ["web-archive.doc", "altchunk.docx"] {
        let path = format!("fixtures/office/{other}");
        assert_eq!(findings(&root(), &path), doc, "{other}");
    }
}

#[test]
fn an_html_chunk_among_word_paragraphs_is_read_where_it_stands() {
    let path = "fixtures/office/altchunk-mixed.docx";
    let found = findings(&root(), path);
    let places: Vec<(&str, u64, u64)> = found
        .iter()
        .map(|(rule, line, column, _)| (rule.as_str(), *line, *column))
        .collect();
    // Paragraph 1 is Word's own, 2–8 the chunk's page, 9 Word's again.
    assert_eq!(
        places,
        [
            ("halfwidth-punctuation", 1, 11),
            ("halfwidth-punctuation", 3, 4),
            ("duplicate-paragraph", 6, 1),
            ("stray-period", 7, 38),
            ("unbalanced-quote", 8, 20),
            ("unbalanced-quote", 8, 25),
        ]
    );
    // The second chunk, another Word document, is not read, and that is said.
    let output = govlint(&root(), &["check", path, "--format", "json"]);
    assert_eq!(
        json(&output)["summary"]["unread_parts"],
        serde_json::json!([{"path": path, "parts": ["embedded documents (w:altChunk)"]}])
    );
    assert!(
        stderr(&output).contains(&format!(
            "note: {path}: its embedded documents (w:altChunk) are not read, so not checked"
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unread_parts_are_in_the_summary_of_every_format() {
    let path = "fixtures/office/notes.docx";
    let output = govlint(&root(), &["check", path, "--format", "json"]);
    assert_eq!(
        json(&output)["summary"]["unread_parts"],
        serde_json::json!([{"path": path, "parts": ["footnotes", "headers"]}])
    );
    let output = govlint(&root(), &["check", path, "--format", "sarif"]);
    let sarif = json(&output);
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes[0]["level"], "note");
    assert_eq!(
        notes[0]["message"]["text"],
        "its footnotes and headers are not read, so not checked"
    );
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    let output = govlint(&root(), &["check", path, "--color", "never"]);
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        stdout.contains("1 file with parts not read (footnotes, headers), so not checked."),
        "{stdout}"
    );
    // Over several files, each kind once (the `.doc`'s `headers and footers` are two).
    let output = govlint(
        &root(),
        &[
            "check",
            "fixtures/office/notes.doc",
            path,
            "--color",
            "never",
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        stdout
            .contains("2 files with parts not read (footnotes, headers, footers), so not checked."),
        "{stdout}"
    );
    // In Chinese, the parts by their Chinese names.
    let output = govlint(
        &root(),
        &[
            "check",
            "fixtures/office/notes.doc",
            path,
            "--color",
            "never",
            "--lang",
            "zh",
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        stdout.contains("2个文件中有部分内容（脚注、页眉、页脚）没有读取，未作检查。"),
        "{stdout}"
    );
    // A file whose parts are all read says nothing of the kind.
    let output = govlint(
        &root(),
        &[
            "check",
            "fixtures/office/word-export.doc",
            "--format",
            "json",
        ],
    );
    assert!(json(&output)["summary"].get("unread_parts").is_none());
}

#[test]
fn unread_parts_are_said_when_the_file_comes_from_the_cache() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(
        root().join("fixtures/office/notes.docx"),
        dir.path().join("notes.docx"),
    )
    .expect("copied");
    for run in ["first", "cached"] {
        let output = govlint(
            dir.path(),
            &["check", "notes.docx", "--cache", "--format", "json"],
        );
        assert_eq!(
            json(&output)["summary"]["unread_parts"],
            serde_json::json!([{"path": "notes.docx", "parts": ["footnotes", "headers"]}]),
            "{run}"
        );
    }
    assert!(dir.path().join(".govlint-cache").exists());
}

/// An `.odt` package: `mimetype` stored first, then `content.xml` deflated.
fn odt(content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file("mimetype", stored).expect("zip entry");
    writer
        .write_all(b"application/vnd.oasis.opendocument.text")
        .expect("zip data");
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("content.xml", deflated)
        .expect("zip entry");
    writer.write_all(content).expect("zip data");
    writer.finish().expect("zip written").into_inner()
}

fn odt_content(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    )
}

#[test]
fn an_odt_whose_text_is_over_the_limit_or_a_bomb_is_refused() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // Paragraphs that differ (so that they compress as text does, a few times, not as a
    // bomb): 1.3 MB of text.
    let body: String = (0..12000)
        .map(|i| format!("<text:p>第{i}条　近年来，全区法治建设迈上新台阶，依法行政水平第{}次提高。</text:p>", i * 7919 % 10007))
        .collect();
    std::fs::write(
        dir.path().join("long.odt"),
        odt(odt_content(&body).as_bytes()),
    )
    .expect("written");
    // 64 MiB of white space in the body: deflated some 1000 times.
    let bomb = odt_content(&" ".repeat(64 << 20));
    std::fs::write(dir.path().join("bomb.odt"), odt(bomb.as_bytes())).expect("written");
    let output = govlint(dir.path(), &["check", "long.odt", "--max-file-size", "1M"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim_end(),
        "error: long.odt: its text is over the 1 MB limit (`--max-file-size` raises it), not linted"
    );
    let output = govlint(
        dir.path(),
        &[
            "check",
            "long.odt",
            "--max-file-size",
            "2M",
            "--select",
            "stray-period",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = govlint(dir.path(), &["check", "bomb.odt"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("content.xml expands more than 200 times its compressed size"),
        "{errors}"
    );
}
