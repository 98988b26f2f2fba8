//! `govlint signatures`: the Parquet a distributed duplicate search reads. Read back here
//! with the parquet crate's own reader and held against what `govlint check` finds in the
//! same files: the exact copy has one key in both files, and the near copy's paragraphs
//! share enough join keys, so a search joining and counting them finds it.

mod common;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::{Field, Row};
use std::collections::BTreeMap;
use std::path::Path;

fn rows(path: &Path) -> Vec<Row> {
    let file = std::fs::File::open(path).expect("a Parquet file");
    let reader = SerializedFileReader::new(file).expect("Parquet");
    reader
        .get_row_iter(None)
        .expect("rows")
        .map(|row| row.expect("a row"))
        .collect()
}

fn field<'a>(row: &'a Row, name: &str) -> &'a Field {
    row.get_column_iter()
        .find(|(column, _)| column.as_str() == name)
        .map(|(_, value)| value)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn int(row: &Row, name: &str) -> i64 {
    match field(row, name) {
        Field::Int(n) => i64::from(*n),
        Field::Long(n) => *n,
        other => panic!("{name} is {other:?}"),
    }
}

fn list(row: &Row, name: &str) -> Vec<i32> {
    match field(row, name) {
        Field::ListInternal(list) => list
            .elements()
            .iter()
            .map(|element| match element {
                Field::Int(n) => *n,
                other => panic!("an element of {name} is {other:?}"),
            })
            .collect(),
        other => panic!("{name} is {other:?}"),
    }
}

/// Whether a search joining the query buckets of `x` (the longer unit, or as long) with
/// the indexed buckets of `y` counts enough of them to verify the pair: the filter a
/// distributed search runs, written here from the columns' description.
fn counted(x: &Row, y: &Row, threshold: f64) -> bool {
    let index: BTreeMap<i32, i32> = list(y, "index")
        .into_iter()
        .zip(list(y, "index_counts"))
        .collect();
    let shared: i32 = list(x, "query")
        .iter()
        .filter_map(|bucket| index.get(bucket))
        .sum();
    let edits = ((1.0 - threshold) * int(x, "length") as f64 + 1e-9) as i64;
    let needed = (int(x, "query_edits").min(int(y, "index_edits")) - edits).max(1);
    i64::from(shared) >= needed
}

#[test]
fn signatures_hold_what_the_search_needs() {
    let out = tempfile::tempdir().expect("a directory");
    let dir = out.path().join("sig");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = common::govlint(
        root,
        &[
            "signatures",
            "fixtures/report",
            "--isolated",
            "-o",
            dir.to_str().expect("UTF-8"),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("2 files"), "{said}");

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("the manifest"))
            .expect("JSON");
    assert_eq!(manifest["files"], 2);
    assert_eq!(manifest["threshold"], 0.85);
    assert_eq!(manifest["scope"], "repository");

    let files = rows(&dir.join("files/part-00000.parquet"));
    let paths: Vec<String> = files
        .iter()
        .map(|row| match field(row, "path") {
            Field::Str(path) => path.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(paths, ["fixtures/report/a.txt", "fixtures/report/b.txt"]);

    let units = rows(&dir.join("units/part-00000.parquet"));
    assert_eq!(
        units.len() as u64,
        manifest["units"].as_u64().expect("a count")
    );
    // The exact copy: one key, in both files.
    let mut by_key: BTreeMap<(i64, i64), Vec<i64>> = BTreeMap::new();
    for row in &units {
        by_key
            .entry((int(row, "key_high"), int(row, "key_low")))
            .or_default()
            .push(int(row, "file"));
    }
    let copies: Vec<&Vec<i64>> = by_key.values().filter(|files| files.len() > 1).collect();
    assert_eq!(copies, [&vec![0, 1]]);
    // The near copy (90 % alike): some paragraph of a and some of b share enough keys, with
    // lengths the threshold allows; no unit of a long enough paragraph goes without keys.
    let of_file = |file: i64| -> Vec<&Row> {
        units
            .iter()
            .filter(|row| int(row, "file") == file)
            .collect()
    };
    let (a, b) = (of_file(0), of_file(1));
    let joined = a.iter().any(|x| {
        b.iter().any(|y| {
            let (x, y) = if int(x, "length") >= int(y, "length") {
                (x, y)
            } else {
                (y, x)
            };
            int(y, "length") as f64 >= 0.85 * int(x, "length") as f64 && counted(x, y, 0.85)
        })
    });
    assert!(
        joined,
        "no pair of paragraphs of a and b shares enough keys"
    );
    for row in &units {
        assert_eq!(
            list(row, "query").is_empty(),
            int(row, "length") + int(row, "label_chars").min(4) < 50,
            "{row:?}"
        );
    }

    // Written once: the directory is not overwritten.
    let again = common::govlint(
        root,
        &[
            "signatures",
            "fixtures/report",
            "--isolated",
            "-o",
            dir.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds signatures"),
        "{again:?}"
    );
}

/// The edit distance of two texts, by the textbook table: the test's own measure, not
/// govlint's.
fn levenshtein(a: &[u16], b: &[u16]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(x != y));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn text(row: &Row) -> Vec<u16> {
    match field(row, "text") {
        Field::Str(text) => text.encode_utf16().collect(),
        other => panic!("text is {other:?}"),
    }
}

/// What a distributed search does with the signatures, done here in a few lines: exact
/// copies share a key, so only one of each is searched; units sharing enough join keys are
/// candidates; a candidate at least as alike as the threshold is a pair. Written into
/// DIR/pairs/, `govlint report` then says what `govlint check` says of the same files.
#[test]
fn a_search_elsewhere_and_report_give_what_check_gives() {
    let out = tempfile::tempdir().expect("a directory");
    let dir = out.path().join("sig");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir_arg = dir.to_str().expect("UTF-8");
    let signed = common::govlint(
        root,
        &["signatures", "fixtures/report", "--isolated", "-o", dir_arg],
    );
    assert!(signed.status.success(), "{signed:?}");
    let check = common::govlint(
        root,
        &["check", "fixtures/report", "--isolated", "--format", "json"],
    );
    let expected: serde_json::Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let report = |format: &str| {
        common::govlint(root, &["report", dir_arg, "--isolated", "--format", format])
    };

    // Without pairs, the near copy is missing and nothing else.
    let alone: serde_json::Value = serde_json::from_slice(&report("json").stdout).expect("JSON");
    let mut without_near = expected.clone();
    without_near["diagnostics"]
        .as_array_mut()
        .expect("a list")
        .retain(|d| d["rule"] != "near-duplicate-paragraph");
    assert_ne!(without_near["diagnostics"], expected["diagnostics"]);
    assert_eq!(alone["diagnostics"], without_near["diagnostics"]);

    let units = rows(&dir.join("units/part-00000.parquet"));
    let threshold = 0.85;
    let mut first_of_key: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for (index, row) in units.iter().enumerate() {
        first_of_key
            .entry((int(row, "key_high"), int(row, "key_low")))
            .or_insert(index);
    }
    let searched: Vec<usize> = first_of_key.values().copied().collect();
    let mut pairs = Vec::new();
    for (i, &a) in searched.iter().enumerate() {
        for &b in &searched[i + 1..] {
            let (x, y) = if int(&units[a], "length") >= int(&units[b], "length") {
                (&units[a], &units[b])
            } else {
                (&units[b], &units[a])
            };
            if !counted(x, y, threshold) {
                continue;
            }
            let (x, y) = (text(&units[a]), text(&units[b]));
            let longest = x.len().max(y.len());
            let similarity = 1.0 - levenshtein(&x, &y) as f64 / longest as f64;
            if similarity >= threshold {
                pairs.push((a.min(b), a.max(b), similarity));
            }
        }
    }
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    write_pairs(&dir.join("pairs"), &units, &pairs);

    let judged: serde_json::Value = serde_json::from_slice(&report("json").stdout).expect("JSON");
    assert_eq!(judged["diagnostics"], expected["diagnostics"]);
    assert_eq!(judged["summary"], expected["summary"]);
    // Every renderer reads the same run: the human report shows the near copy's diff too.
    let human = String::from_utf8_lossy(&report("human").stdout).into_owned();
    assert!(human.contains("near-duplicate-paragraph"), "{human}");
}

fn write_pairs(dir: &Path, units: &[Row], pairs: &[(usize, usize, f64)]) {
    use parquet::data_type::{DoubleType, Int32Type};
    use parquet::file::writer::SerializedFileWriter;
    std::fs::create_dir_all(dir).expect("a folder");
    let schema = std::sync::Arc::new(
        parquet::schema::parser::parse_message_type(govlint::signatures::PAIRS_SCHEMA)
            .expect("the schema"),
    );
    let file = std::fs::File::create(dir.join("part-00000.parquet")).expect("a file");
    let mut writer = SerializedFileWriter::new(file, schema, Default::default()).expect("a writer");
    let mut group = writer.next_row_group().expect("a group");
    let place = |unit: usize, column: &str| int(&units[unit], column) as i32;
    let columns: Vec<Vec<i32>> = vec![
        pairs.iter().map(|p| place(p.0, "file")).collect(),
        pairs.iter().map(|p| place(p.0, "unit")).collect(),
        pairs.iter().map(|p| place(p.1, "file")).collect(),
        pairs.iter().map(|p| place(p.1, "unit")).collect(),
    ];
    let similarities: Vec<f64> = pairs.iter().map(|p| p.2).collect();
    let mut index = 0;
    while let Some(mut column) = group.next_column().expect("a column") {
        if index < 4 {
            column
                .typed::<Int32Type>()
                .write_batch(&columns[index], None, None)
                .expect("written");
        } else {
            column
                .typed::<DoubleType>()
                .write_batch(&similarities, None, None)
                .expect("written");
        }
        column.close().expect("closed");
        index += 1;
    }
    group.close().expect("closed");
    writer.close().expect("closed");
}

/// `govlint report FINDINGS.json`: a report written as JSON (by `check`, or by the Spark
/// job) shown again in every format as `check` shows the same files; what is not such a
/// report is an error naming the file, and a rule this govlint does not know leaves its
/// findings out as an input error of their file.
#[test]
fn a_json_report_is_shown_again_in_any_format() {
    let out = tempfile::tempdir().expect("a directory");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let saved = out.path().join("findings.json");
    let saved_arg = saved.to_str().expect("UTF-8");
    let paths = ["fixtures/report", "fixtures/haimen-rule-of-law-2021.txt"];
    let check = |format: &str| {
        let mut args = vec!["check", "--isolated", "--format", format];
        args.extend(paths);
        common::govlint(root, &args)
    };
    std::fs::write(&saved, check("json").stdout).expect("written");
    for format in [
        "json", "human", "sarif", "concise", "markdown", "github", "rdjson",
    ] {
        let again = common::govlint(
            root,
            &["report", saved_arg, "--isolated", "--format", format],
        );
        assert_eq!(
            String::from_utf8_lossy(&again.stdout),
            String::from_utf8_lossy(&check(format).stdout),
            "{format}"
        );
        assert_eq!(again.status.code(), Some(1), "{again:?}");
    }
    let mut report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved).expect("read")).expect("JSON");
    let total = report["diagnostics"].as_array().expect("a list").len();
    report["diagnostics"][0]["rule"] = "no-such-rule".into();
    std::fs::write(&saved, report.to_string()).expect("written");
    let partial = common::govlint(
        root,
        &["report", saved_arg, "--isolated", "--format", "json"],
    );
    assert_eq!(partial.status.code(), Some(2), "{partial:?}");
    let shown: serde_json::Value = serde_json::from_slice(&partial.stdout).expect("JSON");
    assert_eq!(
        shown["diagnostics"].as_array().expect("a list").len(),
        total - 1
    );
    assert!(
        String::from_utf8_lossy(&partial.stderr).contains("no-such-rule"),
        "{partial:?}"
    );
    std::fs::write(&saved, "{\"diagnostics\": [").expect("written");
    let broken = common::govlint(root, &["report", saved_arg, "--isolated"]);
    assert_eq!(broken.status.code(), Some(2), "{broken:?}");
    let said = String::from_utf8_lossy(&broken.stderr);
    assert!(
        said.contains("findings.json")
            && said.contains("not a report govlint wrote as JSON (`--format json`)"),
        "{said}"
    );
}
