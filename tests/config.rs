//! `govlint.toml`: discovery, file selection, levels per rule and per file, duplicate
//! settings, errors that point into the file, `init`, `--show-settings`, and the exit-code
//! options.

mod common;
use common::govlint;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A project: `docs/a.txt` (a stray `.`, an error, and a half-width `,`, a warning),
/// `docs/drafts/b.txt` and `laws/c.txt` with the same faults.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let faulty = "　　会议指出,要加强工作.\n";
    for file in ["docs/a.txt", "docs/drafts/b.txt", "laws/c.txt"] {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("directories");
        std::fs::write(path, faulty).expect("written");
    }
    std::fs::write(dir.path().join("govlint.toml"), config).expect("config written");
    dir
}

/// (path, rule, severity) of every finding of a JSON run.
fn findings(output: &std::process::Output) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().replace('\\', "/"),
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn excludes_and_per_file_levels_apply_from_a_subdirectory_too() {
    let dir = project(
        "extend-exclude = [\"drafts\"]\n\n[rules]\nstray-period = \"warning\"\n\n[per-file.\"laws/**\"]\nhalfwidth-punctuation = \"off\"\n",
    );
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(
        findings(&output),
        [
            (
                "./docs/a.txt".into(),
                "halfwidth-punctuation".into(),
                "warning".into()
            ),
            (
                "./docs/a.txt".into(),
                "stray-period".into(),
                "warning".into()
            ),
            (
                "./laws/c.txt".into(),
                "stray-period".into(),
                "warning".into()
            ),
        ]
    );
    assert_eq!(output.status.code(), Some(0), "warnings alone do not fail");

    // Run from `laws/`: the configuration is found in the parent, its globs still hold.
    let output = govlint(
        &dir.path().join("laws"),
        &["check", "c.txt", "--format", "json"],
    );
    assert_eq!(
        findings(&output),
        [("c.txt".into(), "stray-period".into(), "warning".into())]
    );
}

/// A configuration above the repository's root (a `.git` directory, or the `.git` file of
/// a worktree) is not read: it cannot exclude the checkout. One at the root is.
#[test]
fn discovery_stops_at_the_repository_root() {
    // Above the checkout: every finding off.
    let dir = project("[rules]\nstray-period = \"off\"\nhalfwidth-punctuation = \"off\"\n");
    let checkout = dir.path().join("docs");
    let run = |from: &std::path::Path| govlint(from, &["check", "a.txt", "--format", "json"]);
    let from = checkout.join("drafts");
    std::fs::write(from.join("a.txt"), "　　会议指出,要加强工作.\n").expect("written");
    assert!(
        findings(&run(&from)).is_empty(),
        "outside a repository it is read"
    );
    for git in ["directory", "file"] {
        let marker = checkout.join(".git");
        if git == "directory" {
            std::fs::create_dir(&marker).expect(".git directory");
        } else {
            std::fs::write(&marker, "gitdir: /elsewhere/.git/worktrees/docs\n").expect(".git file");
        }
        assert_eq!(findings(&run(&from)).len(), 2, ".git {git}: not read");
        std::fs::write(
            checkout.join(".govlint.toml"),
            "[rules]\nstray-period = \"off\"\n",
        )
        .expect("written");
        assert_eq!(
            findings(&run(&from)),
            [(
                "a.txt".into(),
                "halfwidth-punctuation".into(),
                "warning".into()
            )],
            ".git {git}: the root's configuration is read"
        );
        std::fs::remove_file(checkout.join(".govlint.toml")).expect("removed");
        if git == "directory" {
            std::fs::remove_dir(&marker).expect("removed");
        } else {
            std::fs::remove_file(&marker).expect("removed");
        }
    }
}

#[test]
fn isolated_and_named_configurations() {
    let dir = project("[rules]\nstray-period = \"off\"\nhalfwidth-punctuation = \"off\"\n");
    let output = govlint(dir.path(), &["check", "docs/a.txt", "--format", "json"]);
    assert!(findings(&output).is_empty());
    let output = govlint(
        dir.path(),
        &["check", "docs/a.txt", "--format", "json", "--isolated"],
    );
    assert_eq!(findings(&output).len(), 2);
    assert_eq!(output.status.code(), Some(1));
    std::fs::write(
        dir.path().join("other.toml"),
        "[rules]\nstray-period = \"info\"\n",
    )
    .expect("written");
    let output = govlint(
        dir.path(),
        &[
            "check",
            "docs/a.txt",
            "--format",
            "json",
            "--config",
            "other.toml",
        ],
    );
    assert_eq!(
        findings(&output)
            .iter()
            .map(|f| f.2.as_str())
            .collect::<Vec<_>>(),
        ["warning", "info"],
        "halfwidth-punctuation (column 7) keeps its default, stray-period (13) is info"
    );
    assert_eq!(output.status.code(), Some(0), "info never fails a run");
}

#[test]
fn force_exclude_skips_excluded_files_named_explicitly() {
    let dir = project("extend-exclude = [\"drafts\"]\n");
    let named = govlint(
        dir.path(),
        &["check", "docs/drafts/b.txt", "--format", "json"],
    );
    assert_eq!(findings(&named).len(), 2, "a named file is linted");
    let forced = govlint(
        dir.path(),
        &[
            "check",
            "docs/drafts/b.txt",
            "--format",
            "json",
            "--force-exclude",
        ],
    );
    assert!(findings(&forced).is_empty());
    assert_eq!(forced.status.code(), Some(0));
    let dir = project("extend-exclude = [\"drafts\"]\nforce-exclude = true\n");
    let forced = govlint(
        dir.path(),
        &["check", "docs/drafts/b.txt", "--format", "json"],
    );
    assert!(findings(&forced).is_empty());
}

#[test]
fn include_chooses_what_a_walk_reads() {
    let dir = project("include = [\"docs/**/*.txt\"]\n");
    let output = govlint(dir.path(), &["check", ".", "--format", "json"]);
    let mut paths: Vec<String> = findings(&output).into_iter().map(|f| f.0).collect();
    paths.dedup();
    assert_eq!(paths, ["./docs/a.txt", "./docs/drafts/b.txt"]);
}

#[test]
fn duplicate_settings_come_from_the_file_and_the_command_line_wins() {
    let paragraph = "　　注重示范驱动，培育法治品牌。充分发挥示范引导作用，以点带面推动法治建设。";
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(
        dir.path().join("a.txt"),
        format!("{paragraph}\n　　中间。\n{paragraph}\n"),
    )
    .expect("written");
    let rules = [
        "check",
        "a.txt",
        "--format",
        "json",
        "--select",
        "duplicate-paragraph",
    ];
    assert_eq!(findings(&govlint(dir.path(), &rules)).len(), 1);
    std::fs::write(
        dir.path().join("govlint.toml"),
        format!("[duplicates]\nallow = [\"{}\"]\n", paragraph.trim()),
    )
    .expect("written");
    assert!(findings(&govlint(dir.path(), &rules)).is_empty());
    std::fs::write(
        dir.path().join("govlint.toml"),
        "[duplicates]\nexact-min-chars = 100\n",
    )
    .expect("written");
    assert!(findings(&govlint(dir.path(), &rules)).is_empty());
}

#[test]
fn a_broken_configuration_names_the_file_the_line_and_a_hint() {
    for (config, expected) in [
        ("[duplicates]\ntreshold = 0.9\n", "unknown field `treshold`"),
        (
            "[rules]\nstray-periods = \"off\"\n",
            "did you mean `stray-period`",
        ),
        (
            "[rules]\nstray-period = \"loud\"\n",
            "`error`, `warning`, `info`, `off`",
        ),
        ("[duplicates]\nthreshold = 2\n", "not a similarity"),
        ("this is not toml", "govlint.toml"),
    ] {
        let dir = project(config);
        let output = govlint(dir.path(), &["check", ".", "--color", "never"]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{config}: {stderr}");
        assert!(stderr.contains("govlint.toml"), "{config}: {stderr}");
        assert!(stderr.contains(expected), "{config}: {stderr}");
        assert!(output.stdout.is_empty());
    }
    let dir = project("[duplicates]\ntreshold = 0.9\n");
    let stderr = text(&govlint(dir.path(), &["check", ".", "--color", "never"]).stderr);
    assert!(stderr.contains("govlint.toml:2:1"), "{stderr}");
}

#[test]
fn init_writes_the_commented_defaults_once() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let output = govlint(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("govlint.toml")).expect("written");
    assert!(written.contains("# threshold = 0.85"));
    let again = govlint(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("--force"));
    // The defaults file changes nothing.
    std::fs::write(dir.path().join("a.txt"), "　　会议指出,要加强工作.\n").expect("written");
    let configured = govlint(dir.path(), &["check", "a.txt", "--format", "json"]);
    let isolated = govlint(
        dir.path(),
        &["check", "a.txt", "--format", "json", "--isolated"],
    );
    assert_eq!(configured.stdout, isolated.stdout);
}

/// `init --force` writes through a link, as the user named it, and leaves it a link; a
/// read-only configuration is refused, unchanged.
#[cfg(unix)]
#[test]
fn init_force_writes_through_a_link_and_refuses_a_read_only_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("shared")).expect("directory");
    std::fs::write(dir.path().join("shared/govlint.toml"), "# old\n").expect("written");
    std::os::unix::fs::symlink("shared/govlint.toml", dir.path().join("govlint.toml"))
        .expect("link");
    let output = govlint(dir.path(), &["init", "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(
        std::fs::symlink_metadata(dir.path().join("govlint.toml"))
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(dir.path().join("shared/govlint.toml")).expect("read");
    assert!(written.contains("# threshold = 0.85"));

    let target = dir.path().join("shared/govlint.toml");
    std::fs::write(&target, "# old\n").expect("written");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).expect("mode");
    let output = govlint(dir.path(), &["init", "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "error: govlint.toml: could not write: it is read-only (mode 0444)\n"
    );
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "# old\n");
}

#[test]
fn show_settings_prints_what_is_in_force() {
    let dir =
        project("extend-exclude = [\"drafts\"]\nlang = \"zh\"\n\n[rules]\ncjk-space = \"off\"\n");
    let output = govlint(
        dir.path(),
        &["check", "--show-settings", "--dup-threshold", "0.9"],
    );
    assert_eq!(output.status.code(), Some(0));
    let settings = text(&output.stdout);
    for line in [
        "govlint.toml",
        "exclude = [\"drafts\"]",
        "cjk-space = \"off\"",
        "stray-period = \"error\"",
        "threshold = 0.9",
        "lang = \"zh\"",
    ] {
        assert!(settings.contains(line), "{line} in\n{settings}");
    }
    // `--lang` over the file: the language in force.
    let output = govlint(dir.path(), &["check", "--show-settings", "--lang", "en"]);
    let english = text(&output.stdout);
    assert!(english.contains("lang = \"en\""), "{english}");
    assert!(english.starts_with("# configuration file: "), "{english}");

    // In Chinese the two comment lines are Chinese; the settings stay TOML.
    let output = govlint(dir.path(), &["check", "--show-settings", "--lang", "zh"]);
    let settings = text(&output.stdout);
    assert!(settings.starts_with("# 配置文件："), "{settings}");
    assert!(settings.contains("\n# 项目根目录："), "{settings}");
    assert!(settings.contains("cjk-space = \"off\""), "{settings}");
    let output = govlint(
        dir.path(),
        &["check", "--isolated", "--show-settings", "--lang", "zh"],
    );
    assert!(
        text(&output.stdout).starts_with("# 配置文件：无（全部使用默认值）\n"),
        "{}",
        text(&output.stdout)
    );
}

/// A configuration error in Chinese is headed in Chinese, not by miette's code
/// `govlint::config`, and serde's English for the value found is said in Chinese.
#[test]
fn a_configuration_error_in_chinese_says_no_english() {
    let dir = project("force-exclude = \"yes\"\n");
    let output = govlint(dir.path(), &["check", "--lang", "zh", "docs"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = text(&output.stderr);
    assert!(errors.starts_with("配置文件有误\n"), "{errors}");
    assert!(
        errors.contains("值的类型不对：这里应该写true或false（现在写的是文字“yes”）"),
        "{errors}"
    );
    let output = govlint(dir.path(), &["check", "--lang", "en", "docs"]);
    let errors = text(&output.stderr);
    assert!(errors.contains("govlint::config"), "{errors}");
    assert!(
        errors.contains("invalid type: string \"yes\", expected a boolean"),
        "{errors}"
    );
}

#[test]
fn exit_zero_and_fail_on_alter_every_format_alike() {
    let dir = project("");
    std::fs::write(dir.path().join("w.txt"), "　　会议指出,要加强工作。\n").expect("written");
    for format in ["human", "json"] {
        let code = |args: &[&str]| {
            let mut all = vec!["check", "--format", format];
            all.extend_from_slice(args);
            govlint(dir.path(), &all).status.code()
        };
        assert_eq!(code(&["w.txt"]), Some(0), "a warning alone");
        assert_eq!(code(&["w.txt", "--fail-on", "warning"]), Some(1));
        assert_eq!(code(&["docs/a.txt"]), Some(1), "an error");
        assert_eq!(code(&["docs/a.txt", "--exit-zero"]), Some(0));
        assert_eq!(
            code(&["missing.txt", "--exit-zero"]),
            Some(2),
            "input errors stay"
        );
    }
    std::fs::write(dir.path().join("govlint.toml"), "fail-on = \"warning\"\n").expect("written");
    assert_eq!(
        govlint(dir.path(), &["check", "w.txt"]).status.code(),
        Some(1)
    );
}
