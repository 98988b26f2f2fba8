//! Word `.docx` files as an editor hands them in: each Word paragraph is a line, so findings
//! are placed by paragraph number and column; tracked deletions and field codes are not
//! text; table cells are; fixes are refused and the file is never written; and a broken or
//! hostile file is an input error naming it while the other files are still linted.

mod common;
use common::govlint;

use assert_cmd::Command;
use std::io::Write;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "fixtures/docx/haimen-report-2021.docx";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 errors")
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// `(rule, paragraph, column)` of every finding in `path`.
fn places(json: &serde_json::Value, path: &str) -> Vec<(String, u64, u64)> {
    common::places(json, path, "paragraph")
}

/// A zip archive with these parts, deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(bytes).expect("zip data");
    }
    writer.finish().expect("zip written").into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

#[test]
fn word_file_human_output() {
    let output = govlint(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", FIXTURE, "--color", "never"],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn json_gives_word_paragraph_numbers() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture(), dir.path().join("report.docx")).expect("copied");
    std::fs::write(
        dir.path().join("note.txt"),
        "近年来,全区法治建设迈上新台阶。\n",
    )
    .expect("written");
    let output = govlint(
        dir.path(),
        &["check", "report.docx", "note.txt", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json = json(&output);
    // Paragraphs counted as Word counts them: the empty paragraph 6 and the four table
    // cells 9–12 included; columns count characters, the leading `　　` included.
    assert_eq!(
        places(&json, "report.docx"),
        [
            ("halfwidth-punctuation".into(), 2, 6),
            ("stray-period".into(), 4, 31),
            ("halfwidth-punctuation".into(), 7, 26),
            ("duplicate-paragraph".into(), 8, 3),
            ("halfwidth-punctuation".into(), 12, 11),
        ]
    );
    for diagnostic in json["diagnostics"].as_array().expect("diagnostics") {
        if diagnostic["path"] == "report.docx" {
            assert_eq!(diagnostic["paragraph"], diagnostic["line"]);
            // Offsets are in the extracted text, not the file: no edits are offered.
            assert!(diagnostic.get("fix").is_none(), "{diagnostic}");
        } else {
            assert!(diagnostic.get("paragraph").is_none(), "{diagnostic}");
            assert!(diagnostic.get("fix").is_some(), "{diagnostic}");
        }
    }
    let duplicate = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "duplicate-paragraph")
        .expect("the paragraph pasted twice");
    assert_eq!(
        duplicate["message"],
        "this paragraph repeats the one at paragraph 5"
    );
    assert_eq!(duplicate["related"][0]["paragraph"], 5);
    assert_eq!(json["summary"]["encodings"], serde_json::json!({}));
}

#[test]
fn tracked_deletions_and_field_codes_are_not_linted() {
    let output = govlint(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", FIXTURE, "--format", "json"],
    );
    let json = json(&output);
    let found = places(&json, FIXTURE);
    // Paragraph 7 had `,执行情况良好,获评大奖.` deleted and `，决策质量明显提升,…` inserted:
    // only the inserted comma is reported.
    let seventh: Vec<_> = found.iter().filter(|(_, p, _)| *p == 7).collect();
    assert_eq!(seventh, [&("halfwidth-punctuation".to_string(), 7, 26)]);
    // Paragraph 14's hyperlink field has `海门区人民政府,门户网站` in its instruction only.
    assert!(!found.iter().any(|(_, p, _)| *p == 14), "{found:?}");
}

#[test]
fn table_cells_are_linted_as_paragraphs() {
    let output = govlint(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", FIXTURE, "--format", "concise"],
    );
    let out = stdout(&output);
    assert!(
        out.contains(&format!(
            "{FIXTURE}:12:11: warning[halfwidth-punctuation] half-width comma `,` in Chinese text"
        )),
        "{out}"
    );
}

#[test]
fn fix_and_diff_leave_word_files_alone() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = dir.path().join("report.docx");
    std::fs::copy(fixture(), &docx).expect("copied");
    std::fs::write(
        dir.path().join("note.txt"),
        "近年来,全区法治建设迈上新台阶。\n",
    )
    .expect("written");
    let before = std::fs::read(&docx).expect("read");
    let refused = "note: report.docx: fixes are not applied to office documents (.docx, .doc, .wps, .odt); the findings are reported";

    let files = ["report.docx", "note.txt"];
    let diff = govlint(
        dir.path(),
        &[&["check", "--diff", "--unsafe-fixes"][..], &files].concat(),
    );
    assert_eq!(diff.status.code(), Some(1), "{}", stderr(&diff));
    assert!(stderr(&diff).contains(refused), "{}", stderr(&diff));
    assert!(!stdout(&diff).contains("report.docx"), "{}", stdout(&diff));
    assert!(stdout(&diff).contains("+近年来，全区"), "{}", stdout(&diff));

    let fix = govlint(
        dir.path(),
        &[
            &["check", "--fix", "--unsafe-fixes", "--color", "never"][..],
            &files,
        ]
        .concat(),
    );
    assert_eq!(fix.status.code(), Some(1), "{}", stderr(&fix));
    assert!(stderr(&fix).contains(refused), "{}", stderr(&fix));
    // The text file was fixed, the Word file reported and left byte for byte as it was.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("note.txt")).expect("read"),
        "近年来，全区法治建设迈上新台阶。\n"
    );
    assert_eq!(std::fs::read(&docx).expect("read"), before);
    assert!(
        stdout(&fix).contains("report.docx:4:31"),
        "{}",
        stdout(&fix)
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");

    // Standard input named `.docx` is not echoed back as "fixed" text either.
    let stdin = Command::cargo_bin("govlint")
        .expect("binary is built")
        .args(["check", "-", "--stdin-filename", "in.docx", "--fix"])
        .write_stdin(before.clone())
        .output()
        .expect("govlint runs");
    assert_eq!(stdin.status.code(), Some(1));
    assert!(stderr(&stdin).contains("note: in.docx: fixes are not applied to office documents"));
    assert!(
        stdout(&stdin).contains("in.docx:4:31"),
        "{}",
        stdout(&stdin)
    );
}

#[test]
fn a_directory_walk_reads_word_files_but_not_word_lock_files() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture(), dir.path().join("report.docx")).expect("copied");
    // What Word leaves beside a document while it is open: not a zip archive.
    std::fs::write(dir.path().join("~$report.docx"), b"\x0cgovlint\0\0\0").expect("written");
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json = json(&output);
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(places(&json, "./report.docx").len(), 5);
}

#[test]
fn a_re_read_and_the_cache_give_the_same_places() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(fixture(), dir.path().join("report.docx")).expect("copied");
    let args = ["check", "report.docx", "--color", "never"];
    let fresh = stdout(&govlint(dir.path(), &args));
    let cached_args = [&args[..], &["--cache-dir", "cache"]].concat();
    let first = stdout(&govlint(dir.path(), &cached_args));
    // The second run takes the findings from the cache and extracts the text again to
    // show the excerpts.
    let second = stdout(&govlint(dir.path(), &cached_args));
    assert_eq!(first, fresh);
    assert_eq!(second, fresh);
}

/// The bytes of a broken or hostile `.docx`, and what its error must say.
fn broken_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = std::fs::read(fixture()).expect("fixture");
    let valid = document("<w:p><w:r><w:t>正文。</w:t></w:r></w:p>");
    // Zip-level encryption: the "encrypted" flag set in the local and central headers.
    let mut encrypted = zip(&[("word/document.xml", valid.as_bytes())]);
    let central = encrypted
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("central directory");
    encrypted[6] |= 1;
    encrypted[central + 8] |= 1;
    // A compound file holding an `EncryptedPackage`: what Word writes for a document saved
    // with a password.
    let compound = {
        let mut file =
            cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("compound file");
        file.create_stream("EncryptedPackage")
            .and_then(|mut stream| stream.write_all(b"\x08\0\0\0\0\0\0\0 encrypted"))
            .expect("stream");
        file.flush().expect("flushed");
        file.into_inner().into_inner()
    };
    let bomb = format!(
        "{}{}",
        document(""),
        " ".repeat(4 << 20) // 4 MiB of spaces deflate to a few kilobytes
    );
    vec![
        (
            "corrupt.docx",
            b"PK\x03\x04 this is not a zip".to_vec(),
            "damaged zip archive",
        ),
        (
            "truncated.docx",
            good[..good.len() / 2].to_vec(),
            "damaged zip archive",
        ),
        (
            "no-document.docx",
            zip(&[("word/styles.xml", b"<w:styles/>")]),
            "the zip archive has no word/document.xml",
        ),
        (
            "malformed.docx",
            zip(&[(
                "word/document.xml",
                document("<w:p><w:r><w:t>正文</w:r></w:t></w:p>").as_bytes(),
            )]),
            "malformed XML in word/document.xml",
        ),
        (
            "cut-xml.docx",
            zip(&[("word/document.xml", &valid.as_bytes()[..valid.len() - 30])]),
            "malformed XML in word/document.xml",
        ),
        (
            "encrypted.docx",
            encrypted,
            "password-protected (encrypted) Word file",
        ),
        (
            "password.docx",
            compound,
            "password-protected (encrypted) Word file",
        ),
        (
            "bomb.docx",
            zip(&[("word/document.xml", bomb.as_bytes())]),
            "expands more than 200 times its compressed size",
        ),
    ]
}

#[test]
fn broken_word_files_are_input_errors_and_the_rest_is_linted() {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("good.txt"),
        "今年4月，区行政审批局获杰出项目大奖.\n",
    )
    .expect("written");
    let broken = broken_files();
    for (name, bytes, _) in &broken {
        std::fs::write(dir.path().join(name), bytes).expect("written");
    }
    let output = govlint(dir.path(), &["check", ".", "--color", "never"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    for (name, _, cause) in &broken {
        let line = errors
            .lines()
            .find(|l| l.starts_with(&format!("error: ./{name}: ")))
            .unwrap_or_else(|| panic!("no error for {name} in:\n{errors}"));
        assert!(line.contains(cause), "{name}: {line}");
        assert!(
            line.ends_with("not linted") || line.contains("not linted"),
            "{line}"
        );
    }
    assert_eq!(errors.lines().count(), broken.len(), "{errors}");
    // The good file is still linted and reported.
    let out = stdout(&output);
    assert!(out.contains("good.txt:1:"), "{out}");
    assert!(
        out.contains(&format!("{} paths could not be linted", broken.len())),
        "{out}"
    );

    // Each alone, named explicitly: exit 2 (not a panic's 101), one line naming it.
    for (name, _, cause) in &broken {
        let output = govlint(dir.path(), &["check", name, "--format", "json"]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let json = json(&output);
        assert_eq!(json["summary"]["input_errors"][0]["path"], *name);
        let message = json["summary"]["input_errors"][0]["message"]
            .as_str()
            .unwrap_or_default();
        assert!(message.contains(cause), "{name}: {message}");
    }
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    // Word for the web saves the body as `word/document2.xml`.
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let body = document("<w:p><w:r><w:t>近年来,全区法治建设迈上新台阶。</w:t></w:r></w:p>");
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("web.docx"),
        zip(&[
            ("_rels/.rels", rels.as_bytes()),
            ("word/document2.xml", body.as_bytes()),
        ]),
    )
    .expect("written");
    let output = govlint(dir.path(), &["check", "web.docx", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        places(&json(&output), "web.docx"),
        [("halfwidth-punctuation".to_string(), 1, 4)]
    );
}

#[test]
fn a_body_of_embedded_html_is_read_and_one_that_cannot_be_is_refused() {
    let body = document(
        r#"<w:altChunk r:id="htmlChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><w:sectPr/>"#,
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>"#;
    let page = "<html><body><p>近年来,全区</p></body></html>";
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("export.docx"),
        zip(&[
            ("word/document.xml", body.as_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes()),
            ("word/afchunk.htm", page.as_bytes()),
        ]),
    )
    .expect("written");
    let output = govlint(dir.path(), &["check", "export.docx", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        places(&json(&output), "export.docx"),
        [("halfwidth-punctuation".to_string(), 1, 4)]
    );
    // Without the relationship naming it, the chunk is nowhere: nothing is left to lint.
    std::fs::write(
        dir.path().join("lost.docx"),
        zip(&[
            ("word/document.xml", body.as_bytes()),
            ("word/afchunk.htm", page.as_bytes()),
        ]),
    )
    .expect("written");
    let output = govlint(dir.path(), &["check", "lost.docx"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("embedded documents (w:altChunk)"),
        "{errors}"
    );
    assert!(errors.contains("not linted"), "{errors}");
}

#[test]
fn list_numbers_are_read_as_typed_text_is() {
    let numbering = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let item = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = document(
        &[
            item(0, "总体要求"),
            item(1, "指导思想,坚持依法行政。"),
            item(1, "工作目标,全面建成法治政府。"),
            item(0, "主要任务"),
            item(1, "深化改革,优化营商环境。"),
        ]
        .concat(),
    );
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("list.docx"),
        zip(&[
            ("word/document.xml", body.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
        ]),
    )
    .expect("written");
    std::fs::write(
        dir.path().join("list.txt"),
        "一、总体要求\n（一）指导思想,坚持依法行政。\n（二）工作目标,全面建成法治政府。\n二、主要任务\n（一）深化改革,优化营商环境。\n",
    )
    .expect("written");
    let found = |name: &str| {
        let output = govlint(dir.path(), &["check", name, "--format", "json"]);
        common::places(&json(&output), name, "line")
    };
    let text = found("list.txt");
    assert_eq!(text.len(), 3, "{text:?}");
    assert_eq!(found("list.docx"), text);
}

/// A `.docx` of these Word paragraphs, each a list of lines joined by `w:br`, and its text
/// twin: the same text with a newline for each paragraph mark and each soft line break.
fn soft_broken(paragraphs: &[&[&str]]) -> (Vec<u8>, String) {
    let mut body = String::new();
    let mut twin = String::new();
    for lines in paragraphs {
        body.push_str("<w:p><w:r>");
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                // Soft line breaks as Word writes them: Shift+Enter, a page break within
                // the paragraph; a rendered page break is no break at all.
                body.push_str(if i % 3 == 2 {
                    r#"<w:br w:type="page"/>"#
                } else {
                    "<w:br/>"
                });
            }
            body.push_str(&format!(
                r#"<w:t xml:space="preserve">{line}</w:t><w:lastRenderedPageBreak/>"#
            ));
            twin.push_str(line);
            twin.push('\n');
        }
        body.push_str("</w:r></w:p>");
        if lines.is_empty() {
            twin.push('\n');
        }
    }
    let xml = document(&body);
    (zip(&[("word/document.xml", xml.as_bytes())]), twin)
}

/// `(rule, line, column, message)` of every finding of one file, messages in text terms.
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
                d["message"]
                    .as_str()
                    .unwrap_or_default()
                    .replace("paragraph ", "line "),
            )
        })
        .collect()
}

#[test]
fn soft_line_breaks_make_lines_read_as_a_text_file_reads_them() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (docx, twin) = soft_broken(&[
        &["关于推进法治政府建设的工作报告"],
        &[],
        // Hard-wrapped: one paragraph, whose comma sits on its first line.
        &[
            "　　近年来,全区法治建设迈上新台阶，法治政府建设工作扎实推进，各项",
            "工作取得明显成效，依法行政水平不断提高，群众满意度持续提升，各",
            "部门协同配合，形成工作合力.",
        ],
        &[],
        // Lines of a list: separate paragraphs, one of them pasted twice.
        &[
            "一是完善制度体系，全年制定修订规范性文件十二件，清理文件三十件，废止不合时宜的文件八件。",
            "二是规范执法行为，全面推行行政执法公示制度,执法全过程记录制度。",
            "一是完善制度体系，全年制定修订规范性文件十二件，清理文件三十件，废止不合时宜的文件八件。",
        ],
        &[],
        &[
            "　　三是强化监督问责.",
            "",
            "　　四是加强队伍建设，开展培训,覆盖全体执法人员。",
        ],
    ]);
    std::fs::write(dir.path().join("report.docx"), &docx).expect("written");
    std::fs::write(dir.path().join("report.txt"), &twin).expect("written");
    let word = findings(dir.path(), "report.docx");
    let text = findings(dir.path(), "report.txt");
    assert_eq!(word, text, "{twin}");
    let rules: Vec<&str> = word.iter().map(|(rule, ..)| rule.as_str()).collect();
    assert!(rules.contains(&"duplicate-paragraph"), "{word:?}");
    assert!(rules.contains(&"halfwidth-punctuation"), "{word:?}");
    // The wrapped paragraph is one: its comma is found on its first line, its stray
    // period on its last.
    assert!(
        word.iter()
            .any(|f| f.0 == "halfwidth-punctuation" && (f.1, f.2) == (3, 6)),
        "{word:?}"
    );
    assert!(
        word.iter().any(|f| f.0 == "stray-period" && f.1 == 5),
        "{word:?}"
    );

    // JSON's `paragraph` is the Word paragraph; `line` counts the lines of the text twin.
    let output = govlint(dir.path(), &["check", "report.docx", "--format", "json"]);
    let json = json(&output);
    let lines_and_paragraphs: Vec<(u64, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or_default(),
                d["paragraph"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    for (line, paragraph) in &lines_and_paragraphs {
        let expected = match line {
            1..=2 => *line,
            3..=5 => 3,
            6 => 4,
            7..=9 => 5,
            10 => 6,
            _ => 7,
        };
        assert_eq!(
            *paragraph, expected,
            "line {line}: {lines_and_paragraphs:?}"
        );
    }
    // The same from the cache, whose entries do not hold the lines: the file is read again.
    for _ in 0..2 {
        let cached = govlint(
            dir.path(),
            &["check", "report.docx", "--format", "json", "--cache"],
        );
        let cached: serde_json::Value =
            serde_json::from_slice(&cached.stdout).expect("JSON output");
        assert_eq!(cached["diagnostics"], json["diagnostics"]);
    }
}

#[test]
fn a_web_page_pasted_into_one_word_paragraph_is_read_line_by_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (docx, _) = soft_broken(&[&[
        "首页 > 新闻中心 > 工作动态",
        "区司法局召开法治宣传教育工作推进会",
        "　　5月20日，区司法局召开全区法治宣传教育工作推进会，总结去年工作，部署今年任务。",
        "　　会议要求，各部门要压实普法责任，创新普法形式，推动普法工作提质增效。",
        "　　5月20日，区司法局召开全区法治宣传教育工作推进会，总结去年工作，部署今年任务。",
        "责任编辑：张三",
        "【打印本页】【关闭窗口】",
    ]]);
    std::fs::write(dir.path().join("pasted.docx"), &docx).expect("written");
    let output = govlint(dir.path(), &["check", "pasted.docx", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json = json(&output);
    let found: Vec<(String, u64, u64)> = places(&json, "pasted.docx");
    let lines: Vec<(&str, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert!(lines.contains(&("duplicate-paragraph", 5)), "{lines:?}");
    assert!(lines.contains(&("page-residue", 1)), "{lines:?}");
    assert!(lines.contains(&("page-residue", 7)), "{lines:?}");
    // All in Word paragraph 1.
    assert!(
        found.iter().all(|(_, paragraph, _)| *paragraph == 1),
        "{found:?}"
    );
}
