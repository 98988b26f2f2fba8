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
    // Each pair of changed lines is followed by what changed in it, in place, around the
    // changes only; and without colour, no escape sequence.
    assert!(
        text.contains("\n~服务做“加法”[-,-]{+，+}为政务效率“提质…"),
        "{text}"
    );
    assert!(
        text.contains("\n~当前位置[-: -]{+：+}首页 > 法治建…\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
    assert_eq!(std::fs::read(dir.path().join(&name)).expect("seed"), before);
}

#[test]
fn diff_in_colour_marks_the_changed_characters_instead() {
    let (dir, name) = seed_copy();
    let diff = govlint(dir.path(), &["check", &name, "--diff", "--color", "always"]);
    let text = String::from_utf8_lossy(&diff.stdout);
    // The changed character of each side in reverse video, the rest of the line in its
    // side's colour; no `~` lines.
    assert!(
        text.contains(
            "\u{1b}[31m-当前位置\u{1b}[7;31m: \u{1b}[0m\u{1b}[31m首页 > 法治建设\u{1b}[0m\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\u{1b}[32m+当前位置\u{1b}[7;32m：\u{1b}[0m"),
        "{text}"
    );
    assert!(!text.contains("\n~"));
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
    use govlint::document::source::Source;
    use govlint::document::{Document, Format};
    use govlint::linter::{self, Options};
    use govlint::rules::{self, Fixes};

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (inputs, errors) = govlint::input::walk::collect_inputs(&[root], "<stdin>");
    let mut runs = vec![linter::lint(&inputs, errors, &Options::default())];
    let examples: Vec<Document> = rules::RULES
        .iter()
        .flat_map(|rule| {
            rule.bad
                .iter()
                .map(|example| &example.text)
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
        let rule = diagnostic.rule.info();
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

/// Half-width `,` and `( )` (`halfwidth-punctuation`), a stray `.` (`stray-period`), and a
/// `!` that counts as Chinese only once the `( )` before it are full-width: it is fixed in
/// a later round of `--fix`, from the text linted again, not from the run's findings.
const FAULTY: &str = "今天天气很好,我们去公园(真的)!大家很开心.\n";
/// `FAULTY` with `halfwidth-punctuation` off.
const FIXED_BUT_HALFWIDTH: &str = "今天天气很好,我们去公园(真的)!大家很开心。\n";
const FIXED: &str = "今天天气很好，我们去公园（真的）！大家很开心。\n";

/// `FAULTY` in `a.txt`, which `[per-file."a.txt"]` sets `halfwidth-punctuation` to `level`
/// for, and in `b.txt`, which nothing configures.
fn per_file_project(level: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("govlint.toml"),
        format!("[per-file.\"a.txt\"]\nhalfwidth-punctuation = \"{level}\"\n"),
    )
    .expect("config written");
    for name in ["a.txt", "b.txt"] {
        std::fs::write(dir.path().join(name), FAULTY).expect("written");
    }
    dir
}

/// Issue 12: the stray-period fix made `--fix` lint `a.txt` again, with every rule, and the
/// `,` the configuration leaves alone there was fixed anyway.
#[test]
fn a_rule_off_for_a_file_fixes_nothing_there_in_any_round() {
    for extra in [
        &[][..],
        &["--format", "json"],
        &["--format", "sarif", "--unsafe-fixes"],
        // Findings read back from the cache take the same way.
        &["--cache-dir", "cache"],
    ] {
        let dir = per_file_project("off");
        if extra.contains(&"--cache-dir") {
            govlint(
                dir.path(),
                &["check", "a.txt", "b.txt", "--cache-dir", "cache"],
            );
        }
        let mut args = vec!["check", "a.txt", "b.txt", "--fix"];
        args.extend_from_slice(extra);
        let output = govlint(dir.path(), &args);
        assert_eq!(output.status.code(), Some(0), "{extra:?}");
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("read");
        assert_eq!(read("a.txt"), FIXED_BUT_HALFWIDTH, "{extra:?}");
        assert_eq!(
            read("b.txt"),
            FIXED,
            "{extra:?}: a file the glob does not match is fixed in full"
        );
    }
}

#[test]
fn diff_leaves_out_the_fixes_of_a_rule_off_for_the_file() {
    let dir = per_file_project("off");
    let output = govlint(dir.path(), &["check", "a.txt", "b.txt", "--diff"]);
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&output.stdout);
    let (a, b) = diff.split_once("--- b.txt").expect("a diff of each file");
    assert!(a.contains(&format!("+{FIXED_BUT_HALFWIDTH}")), "{diff}");
    assert!(b.contains(&format!("+{FIXED}")), "{diff}");
    for name in ["a.txt", "b.txt"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).expect("read"),
            FAULTY
        );
    }
}

#[test]
fn standard_input_named_by_stdin_filename_keeps_the_levels_of_its_name() {
    let dir = per_file_project("off");
    let fixed = |name: &str, text: &str| {
        let output = Command::cargo_bin("govlint")
            .expect("binary is built")
            .current_dir(dir.path())
            .args(["check", "-", "--stdin-filename", name, "--fix"])
            .write_stdin(text)
            .output()
            .expect("govlint runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(fixed("a.txt", FAULTY), FIXED_BUT_HALFWIDTH);
    // Nothing else to fix: the text is printed as it came.
    assert_eq!(fixed("a.txt", FIXED_BUT_HALFWIDTH), FIXED_BUT_HALFWIDTH);
    assert_eq!(fixed("b.txt", FAULTY), FIXED);
}

#[test]
fn a_per_file_level_other_than_off_still_fixes() {
    for level in ["error", "warning", "info"] {
        let dir = per_file_project(level);
        govlint(dir.path(), &["check", "a.txt", "--fix"]);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).expect("read"),
            FIXED,
            "{level}"
        );
    }
}

/// One error-level finding with a safe fix: a stray ASCII full stop.
#[cfg(unix)]
const STRAY_PERIOD: &str = "　　今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";

/// A directory holding `notice.txt` with a stray period, and its path.
#[cfg(unix)]
fn notice() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("notice.txt");
    std::fs::write(&path, STRAY_PERIOD).expect("notice written");
    (dir, path)
}

/// `--fix` on `notice.txt`, which must come out fixed.
#[cfg(unix)]
fn fix_notice(dir: &Path, path: &Path) {
    let output = govlint(dir, &["check", "notice.txt", "--fix"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fixed = std::fs::read_to_string(path).expect("fixed notice");
    assert!(fixed.contains("大奖。"), "{fixed}");
}

/// The file replacing the original has its mode, whatever it was.
#[cfg(unix)]
#[test]
fn fixes_keep_the_mode() {
    use std::os::unix::fs::PermissionsExt;
    for mode in [0o640, 0o600, 0o755, 0o664] {
        let (dir, path) = notice();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        fix_notice(dir.path(), &path);
        let now = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(now, mode, "{now:o} for {mode:o}");
    }
}

/// Root fixing a user's file keeps its owner and group, and so its set-user-ID and
/// set-group-ID bits stay the user's: the file does not become set-user-ID root.
#[cfg(unix)]
#[test]
fn fixes_by_root_keep_owner_group_and_a_users_set_user_id_bit() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (dir, path) = notice();
    if std::fs::metadata(&path).unwrap().uid() != 0 {
        eprintln!("not root: a file of another owner cannot be made to check this");
        return;
    }
    std::os::unix::fs::chown(&path, Some(1234), Some(2345)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o6754)).unwrap();
    fix_notice(dir.path(), &path);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (1234, 2345));
    assert_eq!(meta.mode() & 0o7777, 0o6754);
}

/// Extended attributes (here `user.*`; ACLs and labels are attributes too) are copied to
/// the file replacing the original.
#[cfg(unix)]
#[test]
fn fixes_keep_extended_attributes() {
    let (dir, path) = notice();
    if let Err(err) = xattr::set(&path, "user.govlint.origin", b"drafting office") {
        eprintln!("this file system holds no user.* attributes ({err}): not checked");
        return;
    }
    xattr::set(&path, "user.govlint.empty", b"").unwrap();
    fix_notice(dir.path(), &path);
    assert_eq!(
        xattr::get(&path, "user.govlint.origin").unwrap().as_deref(),
        Some(&b"drafting office"[..])
    );
    assert_eq!(
        xattr::get(&path, "user.govlint.empty").unwrap().as_deref(),
        Some(&b""[..])
    );
}

/// Each file's findings are gathered once for the whole run (looked up file by file among all
/// of them, `--fix` was quadratic): every file must still get its own fixes, and only those.
#[test]
fn over_many_files_each_gets_its_own_fixes_and_only_those() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let faulty = |i: usize| format!("　　第{i}号：今年4月,区行政审批局获杰出项目大奖.\n");
    let fixed = |i: usize| format!("　　第{i}号：今年4月，区行政审批局获杰出项目大奖。\n");
    let clean = |i: usize| format!("　　第{i}号：本月无事项。\n");
    for i in 0..40 {
        let text = if i % 3 == 0 { clean(i) } else { faulty(i) };
        std::fs::write(dir.path().join(format!("f{i:02}.txt")), text).expect("written");
    }
    let output = govlint(dir.path(), &["check", ".", "--fix", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim_end(),
        "Fixed 52 findings in 26 files."
    );
    for i in 0..40 {
        let text = std::fs::read_to_string(dir.path().join(format!("f{i:02}.txt"))).expect("read");
        let expected = if i % 3 == 0 { clean(i) } else { fixed(i) };
        assert_eq!(text, expected, "f{i:02}.txt");
    }
}

/// `numbering-sequence` renumbers with `--unsafe-fixes` only: lines of a real notice
/// (govcn_0002) with its `三、` heading lost, and a statute (刑法) with `第五条` lost.
#[test]
fn numbering_renumbered_with_unsafe_fixes_only() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let text = "二、进一步拓展政府性融资担保业务\n（一）加大支持力度。\n（二）明确支持范围。\n（二）聚焦重点对象。\n四、加强政府性融资担保体系建设\n五、强化政策支持\n\n第四条 对任何人犯罪，在适用法律上一律平等。\n第六条 凡在中华人民共和国领域内犯罪的，都适用本法。\n第七条 中华人民共和国公民在中华人民共和国领域外犯本法规定之罪的，适用本法。\n";
    std::fs::write(dir.path().join("notice.txt"), text).expect("written");
    let args = [
        "check",
        "notice.txt",
        "--select",
        "numbering-sequence",
        "--fix",
    ];
    govlint(dir.path(), &args);
    let after = std::fs::read_to_string(dir.path().join("notice.txt")).expect("read");
    assert_eq!(after, text, "no safe fix");
    govlint(dir.path(), &[&args[..], &["--unsafe-fixes"]].concat());
    let fixed = std::fs::read_to_string(dir.path().join("notice.txt")).expect("read");
    insta::assert_snapshot!(fixed);
    let again = govlint(
        dir.path(),
        &["check", "notice.txt", "--select", "numbering-sequence"],
    );
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}
