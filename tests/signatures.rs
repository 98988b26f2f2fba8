//! `govlint signatures`: the Parquet a distributed duplicate search reads. Read back here
//! with the parquet crate's own reader and held against what `govlint check` finds in the
//! same files: the exact copy has one key in both files, and the near copy's paragraphs
//! share a join key, so a search joining on keys finds it.

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

fn keys(row: &Row) -> Vec<i32> {
    match field(row, "keys") {
        Field::ListInternal(list) => list
            .elements()
            .iter()
            .map(|element| match element {
                Field::Int(n) => *n,
                other => panic!("a key is {other:?}"),
            })
            .collect(),
        other => panic!("keys is {other:?}"),
    }
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
    // The near copy (90 % alike): some paragraph of a and some of b share a join key, with
    // lengths the threshold allows; no unit of a long enough paragraph goes without keys.
    let of_file = |file: i64| -> Vec<(i64, Vec<i32>)> {
        units
            .iter()
            .filter(|row| int(row, "file") == file)
            .map(|row| (int(row, "length"), keys(row)))
            .collect()
    };
    let (a, b) = (of_file(0), of_file(1));
    let joined = a.iter().any(|(length_a, keys_a)| {
        b.iter().any(|(length_b, keys_b)| {
            let (short, long) = ((*length_a).min(*length_b), (*length_a).max(*length_b));
            short as f64 >= 0.85 * long as f64 && keys_a.iter().any(|k| keys_b.contains(k))
        })
    });
    assert!(joined, "no pair of paragraphs of a and b shares a key");
    for row in &units {
        assert_eq!(
            keys(row).is_empty(),
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
