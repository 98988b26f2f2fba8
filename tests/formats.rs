//! The machine-readable output formats (`concise`, `sarif`, `github`, `rdjson`) and
//! `--statistics`, run through the binary: snapshots on the seed article, SARIF checked
//! against the OASIS schema, positions checked against the file's bytes and characters,
//! escaping, and exit codes that never depend on the format.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

const SEED: &str = "fixtures/haimen-rule-of-law-2021.txt";
const SARIF_SCHEMA: &str = "fixtures/sarif-schema-2.1.0.json";

/// Every `--format` value.
const FORMATS: &[&str] = &[
    "human", "json", "concise", "sarif", "github", "rdjson", "markdown", "html",
];

/// A half-width comma after two ideographic spaces and `近年来`: the comma is the sixth
/// character of the line and starts at byte 15.
const HALFWIDTH: &str = "　　近年来,全区法治政府建设迈上新台阶。\n";
/// One error-level finding: a stray ASCII full stop after `大奖`.
const STRAY_PERIOD: &str = "　　今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";
const CLEAN: &str = "　　近年来，全区法治政府建设迈上新台阶。\n";
/// A paragraph long enough to be compared for duplicates (at least 30 letters).
const PARAGRAPH: &str = "　　全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革，持续优化营商环境，推动法治政府建设迈上新台阶。\n";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn govlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_govlint"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("govlint runs")
}

/// `govlint ARGS` run from the repository root, where the fixtures are.
fn govlint(args: &[&str]) -> Output {
    govlint_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("govlint exited by a signal")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!(
            "stdout is not JSON ({err}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
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

fn seed_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED))
        .expect("the seed is readable")
}

/// Panics with every schema violation when `sarif` is not valid SARIF 2.1.0.
fn assert_valid_sarif(sarif: &Value) {
    let errors = sarif_errors(sarif);
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

/// Every violation of the OASIS SARIF 2.1.0 schema in `sarif`.
fn sarif_errors(sarif: &Value) -> Vec<String> {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SARIF_SCHEMA);
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema readable"))
            .expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    validator
        .iter_errors(sarif)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Byte offset of each line's start, as govlint counts lines (after every `\n`).
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The `(offset, length, replacement)` of every fix edit in `--format json` output.
fn json_edits(report: &Value) -> Vec<(u64, u64, String)> {
    let mut edits = Vec::new();
    for diagnostic in report["diagnostics"].as_array().expect("diagnostics") {
        for edit in diagnostic["fix"]["edits"].as_array().into_iter().flatten() {
            edits.push((
                edit["offset"].as_u64().expect("offset"),
                edit["length"].as_u64().expect("length"),
                edit["replacement"]
                    .as_str()
                    .expect("replacement")
                    .to_string(),
            ));
        }
    }
    edits
}

/// Findings per rule in `--format json` output.
fn json_counts(report: &Value) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for diagnostic in report["diagnostics"].as_array().expect("diagnostics") {
        let rule = diagnostic["rule"].as_str().expect("rule").to_string();
        *counts.entry(rule).or_default() += 1;
    }
    counts
}

// ---------------------------------------------------------------------------------------
// The seed in every format
// ---------------------------------------------------------------------------------------

#[test]
fn seed_concise_output() {
    let output = govlint(&["check", SEED, "--format", "concise"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn seed_github_output() {
    let output = govlint(&["check", SEED, "--format", "github"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn seed_rdjson_output() {
    let output = govlint(&["check", SEED, "--format", "rdjson"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

/// The results, with the rule descriptors cut to their ids (their documentation is
/// checked against `govlint rule` below, so a documentation edit does not churn this).
#[test]
fn seed_sarif_output() {
    let output = govlint(&["check", SEED, "--format", "sarif"]);
    assert_eq!(code(&output), 1);
    let mut sarif = json(&output);
    let driver = &mut sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = Value::from("[version]");
    let ids: Vec<Value> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|rule| rule["id"].clone())
        .collect();
    driver["rules"] = Value::from(ids);
    insta::assert_snapshot!(serde_json::to_string_pretty(&sarif).expect("serializes"));
}

#[test]
fn seed_statistics() {
    let output = govlint(&["check", SEED, "--statistics"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn seed_statistics_json() {
    let output = govlint(&["check", SEED, "--statistics", "--format", "json"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

// ---------------------------------------------------------------------------------------
// SARIF
// ---------------------------------------------------------------------------------------

#[test]
fn sarif_of_the_seed_is_valid_against_the_oasis_schema() {
    let sarif = json(&govlint(&["check", SEED, "--format", "sarif"]));
    assert_valid_sarif(&sarif);
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    assert_eq!(sarif["runs"][0]["tool"]["driver"]["name"], "govlint");
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
}

/// The schema check is not vacuous: a level SARIF does not know, a region starting at
/// column 0 and a missing version are each caught.
#[test]
fn the_schema_check_rejects_what_is_not_sarif() {
    let valid = json(&govlint(&["check", SEED, "--format", "sarif"]));
    let mut bad_level = valid.clone();
    bad_level["runs"][0]["results"][0]["level"] = Value::from("fatal");
    let mut bad_column = valid.clone();
    bad_column["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
        Value::from(0);
    let mut no_version = valid.clone();
    no_version
        .as_object_mut()
        .expect("an object")
        .remove("version");
    for invalid in [bad_level, bad_column, no_version] {
        assert!(!sarif_errors(&invalid).is_empty());
    }
}

/// Cross-file duplicates (related places in other files), an unreadable path (a
/// notification) and standard input (whose name is no plain path) in one run.
#[test]
fn sarif_with_related_files_input_errors_and_stdin_is_valid() {
    let dir = workspace(&[
        ("docs/甲 文件.txt", PARAGRAPH),
        ("docs/b.txt", &format!("{PARAGRAPH}{STRAY_PERIOD}")),
    ]);
    let output = govlint_in(
        dir.path(),
        &["check", "docs", "missing.txt", "--format", "sarif"],
    );
    assert_eq!(code(&output), 2);
    let sarif = json(&output);
    assert_valid_sarif(&sarif);
    let run = &sarif["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notifications = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("the missing path is reported");
    assert_eq!(notifications.len(), 1);
    assert_eq!(
        notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.txt"
    );
    let duplicate = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "duplicate-paragraph")
        .expect("the copy in b.txt is found");
    let related = &duplicate["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["message"]["text"], "first occurrence");
    // The paragraph starts after its indentation, two ideographic spaces.
    let region = &related["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&1.into(), &3.into())
    );
    assert_eq!(
        (&region["charOffset"], &region["byteOffset"]),
        (&2.into(), &6.into())
    );
    let mut uris = [
        &duplicate["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        &related["physicalLocation"]["artifactLocation"]["uri"],
    ];
    uris.sort_by_key(|uri| uri.as_str());
    // The space and the Chinese name are percent-encoded as UTF-8.
    assert_eq!(
        uris,
        ["docs/%E7%94%B2%20%E6%96%87%E4%BB%B6.txt", "docs/b.txt"]
    );

    let output = Command::new(env!("CARGO_BIN_EXE_govlint"))
        .current_dir(dir.path())
        .args(["check", "-", "--format", "sarif"])
        .write_stdin(STRAY_PERIOD)
        .output()
        .expect("govlint runs");
    assert_eq!(code(&output), 1);
    let sarif = json(&output);
    assert_valid_sarif(&sarif);
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "%3Cstdin%3E"
    );
    assert_eq!(result["fixes"][0]["properties"]["safe"], true);
}

/// Every rule is described, with the documentation `govlint rule NAME` prints, and every
/// result's `ruleIndex` points at its rule.
#[test]
fn sarif_describes_every_rule_and_indexes_results_by_rule() {
    let listed = stdout(&govlint(&["rules"]));
    // The table's rows, between its heading and the blank line before the legend.
    let names: Vec<&str> = listed
        .lines()
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let sarif = json(&govlint(&["check", SEED, "--format", "sarif"]));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, names);
    for rule in rules {
        let id = rule["id"].as_str().expect("id");
        let documentation = stdout(&govlint(&["rule", id]));
        assert_eq!(rule["help"]["markdown"], documentation.as_str(), "{id}");
        assert!(
            ["error", "warning", "note"].contains(
                &rule["defaultConfiguration"]["level"]
                    .as_str()
                    .expect("level")
            )
        );
    }
    for result in sarif["runs"][0]["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

/// A fix's `deletedRegion` in characters lands on the same bytes as the JSON edit it
/// comes from, and its line/column agrees with its character offset.
#[test]
fn sarif_fix_regions_are_the_json_edits_in_characters() {
    let text = seed_text();
    let sarif = json(&govlint(&["check", SEED, "--format", "sarif"]));
    let report = json(&govlint(&["check", SEED, "--format", "json"]));
    let byte_of_char: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let starts = line_starts(&text);
    let mut edits = Vec::new();
    for result in sarif["runs"][0]["results"].as_array().expect("results") {
        for fix in result["fixes"].as_array().into_iter().flatten() {
            for replacement in fix["artifactChanges"][0]["replacements"]
                .as_array()
                .expect("replacements")
            {
                let region = &replacement["deletedRegion"];
                let offset = region["charOffset"].as_u64().expect("charOffset") as usize;
                let length = region["charLength"].as_u64().expect("charLength") as usize;
                let start = byte_of_char[offset];
                let end = byte_of_char[offset + length];
                let line = region["startLine"].as_u64().expect("startLine") as usize;
                let column = region["startColumn"].as_u64().expect("startColumn") as usize;
                assert_eq!(
                    text[starts[line - 1]..start].chars().count() + 1,
                    column,
                    "{region}"
                );
                edits.push((
                    start as u64,
                    (end - start) as u64,
                    replacement["insertedContent"]["text"]
                        .as_str()
                        .expect("text")
                        .to_string(),
                ));
            }
        }
    }
    let expected = json_edits(&report);
    assert!(!expected.is_empty());
    assert_eq!(edits, expected);
}

// ---------------------------------------------------------------------------------------
// rdjson
// ---------------------------------------------------------------------------------------

/// reviewdog counts columns in UTF-8 bytes, and reads a range without columns as whole
/// lines with their line breaks: each suggestion, read back that way, is the JSON edit it
/// comes from, and stays on the lines of its finding (reviewdog refuses it otherwise).
#[test]
fn rdjson_suggestions_are_the_json_edits_in_bytes() {
    let text = seed_text();
    let starts = line_starts(&text);
    let rdjson = json(&govlint(&["check", SEED, "--format", "rdjson"]));
    let report = json(&govlint(&["check", SEED, "--format", "json"]));
    assert_eq!(rdjson["source"]["name"], "govlint");
    let line = |position: &Value| position["line"].as_u64().expect("line") as usize;
    let offset = |position: &Value| {
        let column = position["column"].as_u64().expect("column") as usize;
        starts[line(position) - 1] + column - 1
    };
    let mut edits = Vec::new();
    let mut line_wise = 0;
    for diagnostic in rdjson["diagnostics"].as_array().expect("diagnostics") {
        let location = &diagnostic["location"]["range"];
        for suggestion in diagnostic["suggestions"].as_array().into_iter().flatten() {
            let range = &suggestion["range"];
            let mut replacement = suggestion["text"].as_str().expect("text").to_string();
            let (start, end) = if range["start"].get("column").is_none() {
                line_wise += 1;
                if !replacement.is_empty() {
                    replacement.push('\n');
                }
                (
                    starts[line(&range["start"]) - 1],
                    starts[line(&range["end"])],
                )
            } else {
                (offset(&range["start"]), offset(&range["end"]))
            };
            assert_eq!(
                (line(&range["start"]), line(&range["end"])),
                (line(&location["start"]), line(&location["end"])),
                "{suggestion}"
            );
            edits.push((start as u64, (end - start) as u64, replacement));
        }
    }
    // The duplicate paragraph's fix deletes its line.
    assert_eq!(line_wise, 1);
    assert_eq!(edits, json_edits(&report));
    let diagnostics = rdjson["diagnostics"].as_array().expect("diagnostics");
    let reported = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), reported.len());
    for (rd, js) in diagnostics.iter().zip(reported) {
        assert_eq!(rd["code"]["value"], js["rule"]);
        assert_eq!(
            rd["severity"],
            js["severity"].as_str().expect("severity").to_uppercase()
        );
        let start = offset(&rd["location"]["range"]["start"]) as u64;
        assert_eq!(start, js["offset"].as_u64().expect("offset"));
    }
}

// ---------------------------------------------------------------------------------------
// Positions, escaping
// ---------------------------------------------------------------------------------------

/// Chinese characters are three UTF-8 bytes but one column everywhere columns are
/// characters; only rdjson counts bytes, as reviewdog's format defines.
#[test]
fn chinese_columns_are_counted_in_characters() {
    let dir = workspace(&[("a.txt", HALFWIDTH)]);
    let run = |format: &str| {
        stdout(&govlint_in(
            dir.path(),
            &["check", "a.txt", "--format", format],
        ))
    };

    assert_eq!(
        run("concise"),
        "a.txt:1:6: warning[halfwidth-punctuation] half-width comma `,` in Chinese text\n"
    );
    assert!(
        run("github").starts_with(
            "::warning file=a.txt,line=1,col=6,endLine=1,endColumn=7,title=halfwidth-punctuation::"
        ),
        "{}",
        run("github")
    );
    let sarif: Value = serde_json::from_str(&run("sarif")).expect("JSON");
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 6);
    assert_eq!(region["endColumn"], 7);
    assert_eq!(region["charOffset"], 5);
    assert_eq!(region["byteOffset"], 15);
    let rdjson: Value = serde_json::from_str(&run("rdjson")).expect("JSON");
    let range = &rdjson["diagnostics"][0]["location"]["range"];
    assert_eq!(range["start"]["column"], 16);
    assert_eq!(range["end"]["column"], 17);
}

#[test]
fn github_escapes_commas_in_paths() {
    let dir = workspace(&[("甲,乙.txt", HALFWIDTH)]);
    let out = stdout(&govlint_in(
        dir.path(),
        &["check", "甲,乙.txt", "--format", "github"],
    ));
    assert_eq!(
        out,
        "::warning file=甲%2C乙.txt,line=1,col=6,endLine=1,endColumn=7,\
         title=halfwidth-punctuation::half-width comma `,` in Chinese text\n"
    );
}

/// A colon cannot be part of a file name on Windows.
#[cfg(unix)]
#[test]
fn github_escapes_colons_and_percent_signs_in_paths() {
    let dir = workspace(&[("a:b%c,d.txt", STRAY_PERIOD)]);
    let out = stdout(&govlint_in(
        dir.path(),
        &["check", "a:b%c,d.txt", "--format", "github"],
    ));
    assert!(
        out.starts_with("::error file=a%3Ab%25c%2Cd.txt,line=1,"),
        "{out}"
    );
    // Exactly one `::` opens the message: the path's colon did not end the properties.
    assert_eq!(out.matches("::").count(), 2, "{out}");
    // The SARIF URI must not read as a scheme `a:`.
    let sarif = json(&govlint_in(
        dir.path(),
        &["check", "a:b%c,d.txt", "--format", "sarif"],
    ));
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%3Ab%25c,d.txt"
    );
}

#[test]
fn concise_is_one_line_per_finding_and_nothing_else() {
    let concise = stdout(&govlint(&["check", SEED, "--format", "concise"]));
    let report = json(&govlint(&["check", SEED, "--format", "json"]));
    let findings = report["diagnostics"].as_array().expect("diagnostics");
    let lines: Vec<&str> = concise.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(findings) {
        let expected = format!(
            "{}:{}:{}: {}[{}] {}",
            finding["path"].as_str().expect("path"),
            finding["line"],
            finding["column"],
            finding["severity"].as_str().expect("severity"),
            finding["rule"].as_str().expect("rule"),
            finding["message"].as_str().expect("message"),
        );
        assert_eq!(*line, expected);
    }
}

// ---------------------------------------------------------------------------------------
// --statistics
// ---------------------------------------------------------------------------------------

/// The counts of `--statistics`, as a table and as JSON, are the findings of a normal run,
/// on the seed and on the corpus sample.
#[test]
fn statistics_count_what_json_lists() {
    for path in [SEED, "fixtures/corpus-sample"] {
        let report = json(&govlint(&["check", path, "--format", "json"]));
        let expected = json_counts(&report);

        let rows = json(&govlint(&[
            "check",
            path,
            "--statistics",
            "--format",
            "json",
        ]));
        let mut counted: BTreeMap<String, u64> = BTreeMap::new();
        for row in rows.as_array().expect("an array of rows") {
            let rule = row["rule"].as_str().expect("rule").to_string();
            let count = row["count"].as_u64().expect("count");
            assert!(row["fixable"].as_u64().expect("fixable") <= count);
            *counted.entry(rule).or_default() += count;
        }
        assert_eq!(counted, expected, "{path}");

        let table = stdout(&govlint(&["check", path, "--statistics"]));
        let mut counted: BTreeMap<String, u64> = BTreeMap::new();
        let mut previous = u64::MAX;
        let rules = table.split("\n\n").next().unwrap_or_default();
        for line in rules.lines().filter(|l| !l.starts_with("[*]")) {
            let mut fields = line.split_whitespace();
            let count: u64 = fields.next().expect("count").parse().expect("a number");
            let rule = fields.next().expect("rule").to_string();
            assert!(count <= previous, "sorted by count: {table}");
            previous = count;
            *counted.entry(rule).or_default() += count;
        }
        assert_eq!(counted, expected, "{path}");

        // Per file, in the table: the counts add up to the run's.
        let files = table
            .split("Files with the most findings:\n")
            .nth(1)
            .unwrap_or_default();
        let total: u64 = files
            .lines()
            .filter(|l| !l.trim_start().starts_with("and "))
            .map(|l| {
                l.split_whitespace()
                    .next()
                    .and_then(|n| n.parse::<u64>().ok())
                    .expect("count")
            })
            .sum();
        assert!(total <= expected.values().sum::<u64>(), "{path}");
    }
}

/// A paragraph copied within one file is an error, text common to three files a warning:
/// the same rule, two rows, the worse severity first.
#[test]
fn statistics_give_a_rule_one_row_per_severity() {
    let copied = "　　区行政审批局深入推进“一网通办”，企业开办全流程压缩至一个工作日以内，群众办事满意度持续提升，获得省级表彰。\n";
    let twice = format!("{copied}{copied}");
    let dir = workspace(&[
        ("docs/a.txt", PARAGRAPH),
        ("docs/b.txt", PARAGRAPH),
        ("docs/c.txt", PARAGRAPH),
        ("docs/d.txt", &twice),
    ]);
    let output = govlint_in(dir.path(), &["check", "docs", "--statistics"]);
    assert_eq!(code(&output), 1);
    assert_eq!(
        stdout(&output),
        "  1  duplicate-paragraph  error\n  1  duplicate-paragraph  warning\n\n\
         Files with the most findings:\n  1  docs/b.txt  (duplicate-paragraph 1)\n  \
         1  docs/d.txt  (duplicate-paragraph 1)\n"
    );
    let rows = json(&govlint_in(
        dir.path(),
        &["check", "docs", "--statistics", "--format", "json"],
    ));
    assert_eq!(
        rows,
        serde_json::json!([
            {"rule": "duplicate-paragraph", "severity": "error", "count": 1, "fixable": 0},
            {"rule": "duplicate-paragraph", "severity": "warning", "count": 1, "fixable": 0},
        ])
    );
}

// ---------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------

/// 0 clean or warnings only, 1 an error-level finding, 2 a path that cannot be linted:
/// whatever the format, with or without `--statistics`.
#[test]
fn exit_codes_do_not_depend_on_the_format() {
    let dir = workspace(&[
        ("clean.txt", CLEAN),
        ("warning.txt", HALFWIDTH),
        ("error.txt", STRAY_PERIOD),
    ]);
    let cases: &[(&[&str], i32)] = &[
        (&["clean.txt"], 0),
        (&["warning.txt"], 0),
        (&["error.txt"], 1),
        (&["warning.txt", "error.txt"], 1),
        (&["error.txt", "missing.txt"], 2),
    ];
    for (paths, expected) in cases {
        for format in FORMATS {
            for statistics in [false, true] {
                let mut args = vec!["check", "--format", format, "--color", "never"];
                args.extend_from_slice(paths);
                if statistics {
                    args.push("--statistics");
                }
                let output = govlint_in(dir.path(), &args);
                assert_eq!(code(&output), *expected, "{args:?}");
            }
        }
    }
}

/// GitHub attaches an annotation to a pull request's diff only when its path is the
/// repository's spelling of the file: `content/a.md`, never `./content/a.md`, from
/// whichever directory of the checkout govlint is run and however the path is written.
#[test]
fn ci_formats_name_files_relative_to_the_repository_root() {
    let dir = workspace(&[("content/a.md", STRAY_PERIOD), ("other/b.md", STRAY_PERIOD)]);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let root = dir.path();
    let content = root.join("content");
    let absolute = content
        .to_str()
        .expect("a UTF-8 temporary path")
        .to_string();
    let runs: [(&Path, &[&str]); 7] = [
        (root, &["."]),
        (root, &["./content"]),
        (root, &["content/../content/./a.md"]),
        (&content, &["."]),
        (&content, &["./a.md"]),
        (&content, &["../content"]),
        (&content, &[absolute.as_str()]),
    ];
    for (cwd, paths) in runs {
        let mut args = vec!["check"];
        args.extend_from_slice(paths);
        let github = stdout(&govlint_in(
            cwd,
            &[&args[..], &["--format", "github"]].concat(),
        ));
        let files: Vec<&str> = github
            .lines()
            .map(|line| {
                line.split("file=")
                    .nth(1)
                    .and_then(|rest| rest.split(',').next())
            })
            .map(|file| file.expect("a file= property"))
            .collect();
        let expected: &[&str] = if paths == ["."] && cwd == root {
            &["content/a.md", "other/b.md"]
        } else {
            &["content/a.md"]
        };
        assert_eq!(files, expected, "{paths:?} from {}", cwd.display());
        let sarif = json(&govlint_in(
            cwd,
            &[&args[..], &["--format", "sarif"]].concat(),
        ));
        assert_eq!(
            sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "content/a.md",
            "{paths:?}"
        );
        let rdjson = json(&govlint_in(
            cwd,
            &[&args[..], &["--format", "rdjson"]].concat(),
        ));
        assert_eq!(
            rdjson["diagnostics"][0]["location"]["path"], "content/a.md",
            "{paths:?}"
        );
    }

    // What people read keeps the path as they wrote it.
    let concise = stdout(&govlint_in(
        &content,
        &["check", "./a.md", "--format", "concise"],
    ));
    assert!(concise.starts_with("./a.md:1:"), "{concise}");

    // Outside a repository: relative to the working directory, without `./` or `a/../`.
    std::fs::remove_dir(root.join(".git")).unwrap();
    let github = stdout(&govlint_in(
        &content,
        &["check", "../content/./a.md", "--format", "github"],
    ));
    assert!(github.contains("file=a.md,"), "{github}");
    let github = stdout(&govlint_in(
        &content,
        &["check", "../other", "--format", "github"],
    ));
    assert!(github.contains("file=../other/b.md,"), "{github}");
}

#[test]
fn seed_markdown_summary() {
    let output = govlint(&["check", SEED, "--format", "markdown", "--lang", "en"]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

/// Copies across files are pairs (the copy, the place it repeats); a list longer than a
/// summary page should hold is cut with a line saying how many more there are; names that
/// Markdown would read are escaped.
#[test]
fn markdown_summary_pairs_duplicates_and_cuts_long_lists() {
    let many: String = (0..105)
        .map(|i| format!("　　第{i}项获得大奖.\n\n"))
        .collect();
    let dir = workspace(&[
        ("docs/a|b.md", PARAGRAPH),
        ("docs/c.md", &format!("{PARAGRAPH}\n{STRAY_PERIOD}")),
        ("docs/many.txt", &many),
    ]);
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = govlint_in(
        &dir.path().join("docs"),
        &["check", ".", "--format", "markdown", "--lang", "en"],
    );
    assert_eq!(code(&output), 1);
    let page = stdout(&output);
    // The message names the other file as the annotations do.
    assert!(
        page.contains("| docs/c.md:1:3 | `duplicate-paragraph` | this paragraph repeats the one at docs/a\\|b.md:1 (2 copies in 2 files) |"),
        "{page}"
    );
    // The copy, then the place it repeats; `|` in a file name does not end the cell.
    assert!(
        page.contains("\n| docs/c.md:1 | docs/a\\|b.md:1 | `duplicate-paragraph` |  |\n"),
        "{page}"
    );
    assert!(page.contains("| docs/many.txt | 105 | 105 | 0 |"), "{page}");
    // 107 errors: 100 rows, and a line for the rest.
    let errors = page
        .lines()
        .filter(|line| line.starts_with("| docs/") && line.split(" | ").count() == 3)
        .count();
    assert_eq!(errors, 100, "{page}");
    assert!(
        page.contains("\n… and 7 more: `--format json` and SARIF list them all.\n"),
        "{page}"
    );
}
