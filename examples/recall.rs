//! Recall of planted copies: reads the `truth.tsv` written by `gencorpus` and govlint's JSON
//! output for the same corpus, and counts, by kind, the planted copies govlint linked to
//! their source (as the finding and a related place, in either order, or as two places of
//! one clone class).
//!
//! ```sh
//! govlint check target/bench/300000/docs --format json > target/bench/300000/out.json
//! cargo run --release --example recall -- target/bench/300000/truth.tsv target/bench/300000/out.json
//! ```
//!
//! A kind whose copies are all equal to their source after normalization is an exact kind,
//! to be found every time; the others are near kinds, to be found at least 98% of the time
//! when the pair's similarity is at least 0.87 (pairs below are counted apart: from 0.85,
//! govlint's default threshold, they may be found; below it, never). Natural duplicates of
//! the corpus (see `gencorpus`) are in no truth line and are not counted. A second table
//! splits each kind with misses by placement: in the same numbered part of one file, in
//! different parts (what govlint may take for parallel text), or in different files.

use std::collections::{BTreeMap, HashSet};

/// Near pairs at least this similar are expected to be found.
const NEAR_FLOOR: f64 = 0.87;
const NEAR_TARGET: f64 = 0.98;

#[derive(Default)]
struct Count {
    found: usize,
    planted: usize,
}

impl Count {
    fn add(&mut self, found: bool) {
        self.planted += 1;
        self.found += usize::from(found);
    }

    fn recall(&self) -> f64 {
        if self.planted == 0 {
            1.0
        } else {
            self.found as f64 / self.planted as f64
        }
    }

    fn show(&self) -> String {
        if self.planted == 0 {
            "–".into()
        } else {
            format!("{}/{}", self.found, self.planted)
        }
    }
}

/// The counts of a row of the table: pairs at or above `NEAR_FLOOR` and pairs below, by
/// placement.
#[derive(Default)]
struct Row {
    exact: bool,
    above: Count,
    below: Count,
    by_placement: BTreeMap<String, Count>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: recall TRUTH.tsv OUT.json";
    let truth = std::fs::read_to_string(args.next().expect(usage)).expect("truth is readable");
    let output = std::fs::read_to_string(args.next().expect(usage)).expect("output is readable");
    let json: serde_json::Value = serde_json::from_str(&output).expect("output is JSON");
    let name = |path: &str| path.rsplit(['/', '\\']).next().unwrap_or(path).to_string();

    // Every pair of places a duplicate finding links.
    let mut linked: HashSet<((String, u64), (String, u64))> = HashSet::new();
    // Blocks of paragraphs pasted from another file, one finding each: (file, first line,
    // last line, the file they repeat).
    let mut blocks: Vec<(String, u64, u64, String)> = Vec::new();
    for finding in json["diagnostics"].as_array().expect("diagnostics") {
        let rule = finding["rule"].as_str().unwrap_or_default();
        if !rule.contains("duplicate-paragraph") {
            continue;
        }
        let mut places = vec![(
            name(finding["path"].as_str().unwrap_or_default()),
            finding["line"].as_u64().unwrap_or(0),
        )];
        for related in finding["related"].as_array().into_iter().flatten() {
            places.push((
                name(related["path"].as_str().unwrap_or_default()),
                related["line"].as_u64().unwrap_or(0),
            ));
        }
        let end_line = finding["end_line"].as_u64().unwrap_or(0);
        if end_line > places[0].1 && places.len() > 1 {
            blocks.push((
                places[0].0.clone(),
                places[0].1,
                end_line,
                places[1].0.clone(),
            ));
        }
        for a in &places {
            for b in &places {
                if a != b {
                    linked.insert((a.clone(), b.clone()));
                }
            }
        }
    }

    let mut lines = truth.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header.iter().position(|h| *h == name).unwrap_or_else(|| {
            panic!("truth.tsv has no `{name}` column: generate it again with this gencorpus")
        })
    };
    let [
        kind,
        rate,
        similarity,
        placement,
        source_file,
        source_line,
        copy_file,
        copy_line,
    ] = [
        "kind",
        "edit_rate",
        "similarity",
        "placement",
        "source_file",
        "source_line",
        "copy_file",
        "copy_line",
    ]
    .map(column);
    // Rows by kind and edit rate, in the order of the truth.
    let mut rows: Vec<((String, String), Row)> = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < header.len() {
            continue;
        }
        let source = (
            f[source_file].to_string(),
            f[source_line].parse().unwrap_or(0),
        );
        let copy = (f[copy_file].to_string(), f[copy_line].parse().unwrap_or(0));
        let in_block = blocks.iter().any(|(file, first, last, other)| {
            (file, other) == (&copy.0, &source.0) && (*first..=*last).contains(&copy.1)
        });
        let found = in_block || linked.contains(&(source, copy));
        let similar: f64 = f[similarity].parse().unwrap_or(0.0);
        let key = (f[kind].to_string(), f[rate].to_string());
        let at = match rows.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                rows.push((
                    key,
                    Row {
                        exact: true,
                        ..Row::default()
                    },
                ));
                rows.len() - 1
            }
        };
        let row = &mut rows[at].1;
        row.exact &= similar >= 1.0;
        if similar >= NEAR_FLOOR {
            row.above.add(found);
            row.by_placement
                .entry(f[placement].to_string())
                .or_default()
                .add(found);
        } else {
            row.below.add(found);
        }
    }

    println!(
        "| kind | edit rate | planted | found | missed | recall | target | below {NEAR_FLOOR}: found/planted |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let (mut met, mut total) = (0, 0);
    for ((kind, rate), row) in &rows {
        let (target, goal) = if row.exact {
            ("100%", 1.0)
        } else {
            ("≥ 98%", NEAR_TARGET)
        };
        let meets = row.above.planted == 0 || row.above.recall() >= goal - 1e-12;
        total += 1;
        met += usize::from(meets);
        println!(
            "| {kind} | {rate} | {} | {} | {} | {:.1}% | {target}{} | {} |",
            row.above.planted,
            row.above.found,
            row.above.planted - row.above.found,
            100.0 * row.above.recall(),
            if meets { "" } else { " ✗" },
            row.below.show(),
        );
    }
    println!();
    println!(
        "{met} of {total} rows meet their target (pairs of similarity ≥ {NEAR_FLOOR}; exact kinds: all)."
    );

    let missing: Vec<_> = rows
        .iter()
        .filter(|(_, row)| row.above.found < row.above.planted)
        .collect();
    if missing.is_empty() {
        return;
    }
    println!();
    println!("Found/planted by placement (similarity ≥ {NEAR_FLOOR}), rows with misses:");
    println!();
    println!("| kind | edit rate | same part | other part | other file |");
    println!("|---|---|---|---|---|");
    for ((kind, rate), row) in missing {
        let cell = |placement: &str| {
            row.by_placement
                .get(placement)
                .map_or("–".to_string(), Count::show)
        };
        println!(
            "| {kind} | {rate} | {} | {} | {} |",
            cell("same part"),
            cell("other part"),
            cell("other file")
        );
    }
}
