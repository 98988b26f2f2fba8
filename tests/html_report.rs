//! `--format html` and `--output`, run through the binary: the page's bytes (a snapshot, and
//! the same bytes on every run), what it holds for duplicates and folded habits, that no
//! document text becomes markup, and that `--output` writes any format whole. The page in
//! a real browser is tested by `.ci/browser-test`.

use std::process::Output;
use tempfile::TempDir;

/// A paragraph long enough to be compared for duplicates.
const PARAGRAPH: &str = "　　全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革，持续优化营商环境，推动法治政府建设迈上新台阶。\n";
/// The same with two words changed.
const NEAR: &str = "　　全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革，持续改善营商环境，推动法治政府建设取得新成效。\n";
const OTHER: &str =
    "　　各部门要压实工作责任，健全考核机制，强化督查问责，确保各项任务落到实处、取得实效。\n";

mod common;
use common::govlint as govlint_in;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    for (name, contents) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a file has a parent")).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

/// Two files sharing one paragraph exactly and one nearly, and a habit of half-width commas
/// (seven, five shown and two folded).
fn duplicates_workspace() -> TempDir {
    let habit = "　　一,二,三,四,五,六,七,八。\n";
    workspace(&[
        ("a.txt", &format!("{PARAGRAPH}\n{OTHER}")),
        ("b.txt", &format!("{NEAR}\n{OTHER}\n{habit}")),
    ])
}

#[test]
fn duplicates_and_folds_snapshot() {
    let dir = duplicates_workspace();
    for lang in ["en", "zh"] {
        let output = govlint_in(
            dir.path(),
            &[
                "check", "a.txt", "b.txt", "--format", "html", "--lang", lang,
            ],
        );
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let page = stdout(&output);
        // The same bytes on every run: no time stamp, no order from a hash.
        let again = stdout(&govlint_in(
            dir.path(),
            &[
                "check", "a.txt", "b.txt", "--format", "html", "--lang", lang,
            ],
        ));
        assert_eq!(page, again);
        insta::assert_snapshot!(format!("duplicates_and_folds_{lang}"), page);
    }
}

#[test]
fn the_page_holds_every_finding_each_group_and_each_pair() {
    let dir = duplicates_workspace();
    let page = stdout(&govlint_in(
        dir.path(),
        &[
            "check", "a.txt", "b.txt", "--format", "html", "--lang", "en",
        ],
    ));
    let json: serde_json::Value = serde_json::from_slice(
        &govlint_in(dir.path(), &["check", "a.txt", "b.txt", "--format", "json"]).stdout,
    )
    .expect("JSON");
    let findings = json["diagnostics"].as_array().expect("a list");
    assert_eq!(
        page.matches("<article class=\"finding").count(),
        findings.len()
    );
    for finding in findings {
        let rule = finding["rule"].as_str().expect("a rule");
        assert!(page.contains(&format!("data-rule=\"{rule}\"")), "{rule}");
    }
    // The exact copy of `OTHER` in both files, as one group of two places.
    assert_eq!(page.matches("<div class=\"dup-group\">").count(), 1);
    assert!(page.contains("The same paragraph in 2 places"), "{page}");
    // The near copy side by side, what differs marked on each side.
    assert_eq!(page.matches("<div class=\"near-pair\"").count(), 1);
    assert!(page.contains("<del>优化</del>"), "{page}");
    assert!(page.contains("<ins>改善</ins>"), "{page}");
    assert!(page.contains("<del>迈上</del>新<del>台阶</del>"), "{page}");
    assert!(page.contains("<ins>取得</ins>新<ins>成效</ins>"), "{page}");
    // Seven half-width commas in b.txt: five shown, two in a closed fold.
    assert!(
        page.contains("<details class=\"fold\" data-rule=\"halfwidth-punctuation\"><summary>2 more <code>halfwidth-punctuation</code> findings"),
        "{page}"
    );
    assert_eq!(page.matches("<details").count(), 1, "{page}");
    // Every link leads to an element of the page.
    for link in page.split("href=\"#").skip(1) {
        let id = &link[..link.find('"').expect("a closing quote")];
        assert!(page.contains(&format!("id=\"{id}\"")), "#{id}");
    }
}

/// Document text and file names are text on the page, never markup: the only script is
/// the page's own, and the policy allows nothing else.
#[test]
fn document_text_never_becomes_markup() {
    // Short enough that the context of its half-width comma holds all of it.
    let hostile = "　　通知<script>alert(1)</script>要求,\"onload=alert(2) </textarea><img src=x onerror=alert(3)>完成。\n";
    let dir = workspace(&[("<b>x</b>.txt", hostile)]);
    let page = stdout(&govlint_in(
        dir.path(),
        &["check", ".", "--format", "html", "--lang", "en"],
    ));
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&lt;img src=x onerror=alert(3)&gt;"),
        "{page}"
    );
    assert!(page.contains("&lt;b&gt;x&lt;/b&gt;.txt"), "{page}");
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("<b>x"), "{page}");
    assert!(!page.contains("</textarea>"), "{page}");
    assert!(!page.contains("\"onload"), "{page}");
    let policy = page
        .split("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a policy");
    assert!(
        policy.starts_with("default-src 'none'; style-src 'sha256-"),
        "{policy}"
    );
    assert!(policy.contains("; script-src 'sha256-"), "{policy}");
    assert!(!policy.contains("unsafe"), "{policy}");
    // Nothing is fetched: no external reference of any kind.
    for reference in ["src=", "http://", "https://", "url("] {
        let outside_text = page.matches(reference).count();
        let inside_text = page.matches(&format!("&lt;img {reference}")).count()
            + usize::from(
                reference == "http://" && page.contains("xmlns=\"http://www.w3.org/2000/svg\""),
            );
        assert_eq!(outside_text, inside_text, "{reference}");
    }
}

#[test]
fn a_clean_run_says_so() {
    let dir = workspace(&[("a.txt", OTHER)]);
    let output = govlint_in(
        dir.path(),
        &["check", "a.txt", "--format", "html", "--lang", "zh"],
    );
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(page.contains("<html lang=\"zh-CN\">"), "{page}");
    assert!(page.contains("未发现问题。"), "{page}");
    assert!(!page.contains("<form id=\"filters\""), "{page}");
}

/// `--output` takes any format, writes the same bytes as standard output would hold, keeps
/// the mode of the file it replaces, and says which file it could not write.
#[test]
fn output_writes_the_report_whole() {
    let dir = duplicates_workspace();
    for format in ["html", "json", "sarif", "markdown", "human"] {
        let printed = govlint_in(
            dir.path(),
            &[
                "check", "a.txt", "b.txt", "--format", format, "--color", "never",
            ],
        );
        let written = govlint_in(
            dir.path(),
            &[
                "check",
                "a.txt",
                "b.txt",
                "--format",
                format,
                "--color",
                "never",
                "--output",
                "report.out",
            ],
        );
        assert_eq!(written.status.code(), printed.status.code(), "{format}");
        assert!(written.stdout.is_empty(), "{format}");
        let file = std::fs::read(dir.path().join("report.out")).expect("the report");
        assert_eq!(file, printed.stdout, "{format}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let report = dir.path().join("report.out");
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
        govlint_in(
            dir.path(),
            &["check", "a.txt", "--format", "html", "-o", "report.out"],
        );
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let fresh = dir.path().join("fresh.html");
        govlint_in(
            dir.path(),
            &["check", "a.txt", "--format", "html", "-o", "fresh.html"],
        );
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        // What the umask leaves of rw-rw-rw-, as for any new file, not the temporary
        // file's rw-------.
        let umask = std::process::Command::new("sh")
            .args(["-c", "umask"])
            .output()
            .expect("sh runs");
        let umask = u32::from_str_radix(String::from_utf8_lossy(&umask.stdout).trim(), 8)
            .expect("an octal umask");
        assert_eq!(mode, 0o666 & !umask);
    }
    let failed = govlint_in(
        dir.path(),
        &[
            "check",
            "a.txt",
            "--format",
            "html",
            "--lang",
            "en",
            "-o",
            "missing/dir/r.html",
        ],
    );
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("could not write the report to missing/dir/r.html"),
        "{stderr}"
    );
    assert!(!dir.path().join("missing").exists());
}
