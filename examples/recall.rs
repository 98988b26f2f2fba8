//! Recall of injected copies: reads the `truth.tsv` written by `gencorpus` and govlint's
//! JSON output for the same corpus, and counts, by kind and edit rate, the injected copies
//! govlint linked to their source (as the finding and a related place, in either order, or
//! as two places of one clone class).
//!
//! ```sh
//! govlint check target/bench/300k/docs --format json > target/bench/300k/out.json
//! cargo run --release --example recall -- target/bench/300k/truth.tsv target/bench/300k/out.json
//! ```

use std::collections::{BTreeMap, HashSet};

fn main() {
    let mut args = std::env::args().skip(1);
    let truth = std::fs::read_to_string(args.next().expect("usage: recall TRUTH.tsv OUT.json"))
        .expect("truth is readable");
    let output = std::fs::read_to_string(args.next().expect("usage: recall TRUTH.tsv OUT.json"))
        .expect("output is readable");
    let json: serde_json::Value = serde_json::from_str(&output).expect("output is JSON");
    let name = |path: &str| path.rsplit(['/', '\\']).next().unwrap_or(path).to_string();

    // Every pair of places a duplicate finding links.
    let mut linked: HashSet<((String, u64), (String, u64))> = HashSet::new();
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
        for a in &places {
            for b in &places {
                if a != b {
                    linked.insert((a.clone(), b.clone()));
                }
            }
        }
    }

    let mut tally: BTreeMap<(String, String, &str), (usize, usize)> = BTreeMap::new();
    for line in truth.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let [kind, rate, source_file, source_line, copy_file, copy_line] = f[..] else {
            continue;
        };
        let source = (source_file.to_string(), source_line.parse().unwrap_or(0));
        let copy = (copy_file.to_string(), copy_line.parse().unwrap_or(0));
        let scope = if source_file == copy_file {
            "within file"
        } else {
            "across files"
        };
        let entry = tally
            .entry((kind.to_string(), rate.to_string(), scope))
            .or_default();
        entry.1 += 1;
        if linked.contains(&(source, copy)) {
            entry.0 += 1;
        }
    }
    println!("| kind | edit rate | scope | found | injected | recall |");
    println!("|---|---|---|---|---|---|");
    for ((kind, rate, scope), (found, total)) in &tally {
        println!(
            "| {kind} | {rate} | {scope} | {found} | {total} | {:.1}% |",
            100.0 * *found as f64 / *total as f64
        );
    }
}
