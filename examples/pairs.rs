//! Every pair of paragraphs the duplicate phase sees as a copy before it judges parallel
//! text, for reading by hand: exact copies (clone classes of equal normalized text, listed
//! once with their size) and near copies at or above a threshold, all files together
//! (repository scope), each with the two places, both original texts, why govlint would set
//! it aside, and whether `govlint check DIR` (default settings) reports it. With `--audit`
//! the run reports the pairs it sets aside too (`--dup-parallel report`), and the summary
//! says how many rows no finding links: none, when the audit shows every pair.
//!
//! ```sh
//! cargo run --release --example pairs -- ../shared/corpus/gov [0.85] [--audit]
//! ```
//!
//! Writes `target/pairs/gov-pairs.tsv`; a summary goes to standard error.

use govlint::dedup::{FileUnits, Parallel, Scope, Settings, Unit, file_units, judge, near};
use govlint::document::{Document, Format};
use govlint::input::read::read;
use govlint::input::walk::collect_inputs;
use govlint::linter::{Options, lint};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

struct File {
    path: String,
    text: String,
    paragraphs: usize,
    units: FileUnits,
}

type At = (usize, usize);

fn main() {
    let (flags, mut args): (Vec<String>, Vec<String>) =
        std::env::args().skip(1).partition(|a| a.starts_with("--"));
    args.reverse();
    let audit = flags.iter().any(|f| f == "--audit");
    let root = PathBuf::from(args.pop().expect("usage: pairs DIR [THRESHOLD] [--audit]"));
    let threshold: f64 = args
        .pop()
        .map_or(0.85, |t| t.parse().expect("threshold is a number"));
    let settings = Settings::default();
    let (inputs, errors) = collect_inputs(std::slice::from_ref(&root), "<stdin>");

    // What `govlint check DIR` reports: default options, repository scope (a directory).
    let options = Options {
        duplicates: Settings {
            scope: Scope::Repository,
            parallel: if audit {
                Parallel::Report
            } else {
                Parallel::Hide
            },
            ..Settings::default()
        },
        keep_sources: false,
        ..Options::default()
    };
    let run = lint(&inputs, errors, &options);
    // (path, line) of a finding → (path, line) of its related places.
    let mut reported: HashMap<(String, usize), Vec<(String, usize)>> = HashMap::new();
    let mut findings = 0;
    for d in &run.diagnostics {
        if d.rule != "duplicate-paragraph" && d.rule != "near-duplicate-paragraph" {
            continue;
        }
        findings += 1;
        let here = (run.paths[d.document].clone(), d.start.line);
        let others = d
            .related
            .iter()
            .map(|r| (run.paths[r.document].clone(), r.start.line));
        reported.entry(here).or_default().extend(others);
    }

    let mut files: Vec<File> = inputs
        .par_iter()
        .filter_map(|input| read(input, None).ok())
        .map(|source| {
            let format = Format::from_path(&source.path);
            let document = Document::new(source, format);
            let units = file_units(&document, &settings);
            File {
                paragraphs: document.paragraphs.len(),
                path: document.source.path.clone(),
                text: document.source.text.clone(),
                units,
            }
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let all_units: Vec<FileUnits> = files.iter().map(|f| f.units.clone()).collect();
    let unit = |(f, u): At| -> &Unit { &files[f].units.units[u] };
    // As govlint counts it for the minimum lengths: the enumerator counts (for near copies,
    // up to 4 characters: `dedup::LABEL_ALLOWANCE`).
    let exact_length =
        |at: At| files[at.0].units.chars_of(unit(at)).len() + usize::from(unit(at).label_chars);
    let length = |at: At| {
        files[at.0].units.chars_of(unit(at)).len() + usize::from(unit(at).label_chars.min(4))
    };
    let place = |at: At| format!("{}:{}", files[at.0].path, unit(at).place.start().line);
    let original = |at: At| -> String {
        let span = unit(at).place.span();
        clean(&files[at.0].text[span])
    };
    let key_of = |at: At| (files[at.0].path.clone(), unit(at).place.start().line);
    // Whether a finding at `a` names `b` among its related places, or the other way round.
    let covers = |a: At, b: At| {
        let (ka, kb) = (key_of(a), key_of(b));
        reported.get(&ka).is_some_and(|r| r.contains(&kb))
            || reported.get(&kb).is_some_and(|r| r.contains(&ka))
    };
    let flagged = |at: At| reported.contains_key(&key_of(at));

    // Clone classes over all files (repository-wide, series formulas included), in run order.
    let all: Vec<At> = (0..files.len())
        .flat_map(|f| (0..files[f].units.units.len()).map(move |u| (f, u)))
        .collect();
    let mut classes: HashMap<u128, Vec<At>> = HashMap::new();
    for &at in &all {
        classes.entry(unit(at).key).or_default().push(at);
    }
    let mut classes: Vec<Vec<At>> = classes.into_values().collect();
    classes.sort();
    let class_of: HashMap<At, usize> = classes
        .iter()
        .enumerate()
        .flat_map(|(i, members)| members.iter().map(move |&at| (at, i)))
        .collect();

    let mut tsv = String::from(
        "id\tkind\tsimilarity\treported\tplace_a\tplace_b\tclass\tgovlint_judgement\ttext_a\ttext_b\n",
    );
    let mut rows = 0;
    let (mut exact_rows, mut near_rows) = (0, 0);
    // Rows no finding links: with `--audit`, pairs the search found that the run does not show.
    let mut unlinked = 0;
    for members in &classes {
        if members.len() < 2 || exact_length(members[0]) < settings.exact_min_chars {
            continue;
        }
        let files_in: HashSet<usize> = members.iter().map(|at| at.0).collect();
        // How much of the class govlint reports: members named by a finding with another.
        let covered = members
            .iter()
            .filter(|&&at| {
                members
                    .iter()
                    .any(|&other| other != at && covers(at, other))
            })
            .count();
        let status = if covered == members.len() {
            "yes".to_string()
        } else if covered == 0 {
            "no".to_string()
        } else {
            format!("partly ({covered} of {})", members.len())
        };
        let rest = if members.len() > 2 {
            let others: Vec<String> = members[2..].iter().map(|&at| place(at)).collect();
            format!("; also {}", others.join(", "))
        } else {
            String::new()
        };
        rows += 1;
        exact_rows += 1;
        unlinked += usize::from(status != "yes");
        let _ = writeln!(
            tsv,
            "E{rows}\texact\t1.000\t{status}\t{}\t{}\t{} copies in {} file{}{rest}\t{}\t{}\t{}",
            place(members[0]),
            place(members[1]),
            members.len(),
            files_in.len(),
            if files_in.len() == 1 { "" } else { "s" },
            judgement(members[0], members[1], None, &all_units),
            original(members[0]),
            original(members[1]),
        );
    }

    // Near copies among the classes' first members, as govlint searches them, headings too.
    let representatives: Vec<At> = classes
        .iter()
        .map(|members| members[0])
        .filter(|&at| length(at) >= settings.near_min_chars)
        .collect();
    let items: Vec<near::Item> = representatives
        .iter()
        .map(|&at| near::Item {
            chars: files[at.0].units.chars_of(unit(at)),
        })
        .collect();
    let mut pairs: Vec<(At, At, f64)> =
        near::find_pairs(&items, threshold, settings.near_min_chars)
            .into_iter()
            .map(|p| {
                let (a, b) = (representatives[p.earlier], representatives[p.later]);
                (a.min(b), a.max(b), p.similarity)
            })
            .collect();
    pairs.sort_by_key(|x| (x.0, x.1));
    for &(a, b, similarity) in &pairs {
        let status = if covers(a, b) {
            "yes"
        } else if flagged(b) {
            "other" // the later paragraph is reported, against another one
        } else {
            "no"
        };
        let size = |at: At| classes[class_of[&at]].len();
        rows += 1;
        near_rows += 1;
        unlinked += usize::from(status != "yes");
        let _ = writeln!(
            tsv,
            "N{rows}\tnear\t{similarity:.3}\t{status}\t{}\t{}\t{}+{}\t{}\t{}\t{}",
            place(a),
            place(b),
            size(a),
            size(b),
            judgement(a, b, Some(similarity), &all_units),
            original(a),
            original(b),
        );
    }

    std::fs::create_dir_all("target/pairs").expect("target/pairs can be created");
    std::fs::write("target/pairs/gov-pairs.tsv", tsv).expect("the table can be written");
    let paragraphs: usize = files.iter().map(|f| f.paragraphs).sum();
    let units: usize = files.iter().map(|f| f.units.units.len()).sum();
    eprintln!(
        "{} files, {paragraphs} paragraphs, {units} units; threshold {threshold}: {exact_rows} exact classes, {near_rows} near pairs; govlint reports {findings} duplicate findings ({:.2} per 1 000 paragraphs, {:.2} per 1 000 units); written to target/pairs/gov-pairs.tsv",
        files.len(),
        1000.0 * findings as f64 / paragraphs as f64,
        1000.0 * findings as f64 / units as f64,
    );
    eprintln!(
        "{unlinked} of {rows} rows not linked by a finding{}",
        if audit {
            " (an audit run: every pair should be)"
        } else {
            ""
        }
    );
}

/// Why govlint sets the pair aside (`dedup::judge::set_aside`), or `report` when it is a
/// copy to report; with whether it is within a file and whether a side is a heading.
fn judgement(a: At, b: At, similarity: Option<f64>, units: &[FileUnits]) -> String {
    let at = |(f, u): At| govlint::dedup::At::new(f as u32, u as u32);
    let mut why = vec![
        if a.0 == b.0 {
            "same file"
        } else {
            "cross-file"
        }
        .to_string(),
    ];
    why.push(
        judge::set_aside(at(a), at(b), similarity, units)
            .map_or("report", |reason| reason.as_str())
            .to_string(),
    );
    if units[a.0].units[a.1].is_heading || units[b.0].units[b.1].is_heading {
        why.push("heading".to_string());
    }
    why.join(", ")
}

/// A paragraph's text on one TSV line.
fn clean(text: &str) -> String {
    text.split(['\t', '\r', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
