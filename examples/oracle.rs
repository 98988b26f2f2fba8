//! Recall of the near-duplicate index against an exhaustive search: every pair of
//! paragraphs (normalized as govlint does) within the length window is compared with the
//! exact Levenshtein distance, and the pairs at or above the threshold are compared with
//! what `find_pairs` returns over the same paragraphs, all files together.
//!
//! ```sh
//! cargo run --release --example oracle -- ../shared/corpus/gov [0.85]
//! ```

use govlint::dedup::{Settings, file_units, near};
use govlint::document::{Document, Format};
use govlint::input::read::read;
use govlint::input::walk::collect_inputs;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("usage: oracle DIR [THRESHOLD]"));
    let threshold: f64 = args
        .next()
        .map_or(0.85, |t| t.parse().expect("threshold is a number"));
    let settings = Settings::default();
    let (inputs, _) = collect_inputs(&[root], "<stdin>");
    let units: Vec<Box<[u16]>> = inputs
        .par_iter()
        .filter_map(|input| read(input, None).ok())
        .flat_map_iter(|source| {
            let format = Format::from_path(&source.path);
            let file = file_units(&Document::new(source, format), &settings);
            file.units
                .iter()
                .map(|unit| Box::<[u16]>::from(file.chars_of(unit)))
                .collect::<Vec<_>>()
        })
        .filter(|chars| chars.len() >= settings.near_min_chars)
        .collect();
    let mut unique: Vec<Box<[u16]>> = units;
    unique.sort();
    unique.dedup();
    let items: Vec<near::Item> = unique.iter().map(|chars| near::Item { chars }).collect();
    eprintln!(
        "{} distinct paragraphs of at least {} characters",
        items.len(),
        settings.near_min_chars
    );

    let started = Instant::now();
    let found: HashSet<(usize, usize)> =
        near::find_pairs(&items, threshold, settings.near_min_chars)
            .into_iter()
            .map(|p| (p.earlier, p.later))
            .collect();
    let index_time = started.elapsed();

    let started = Instant::now();
    let mut by_length: Vec<usize> = (0..items.len()).collect();
    by_length.sort_by_key(|&i| items[i].chars.len());
    let truth: HashSet<(usize, usize)> = (0..by_length.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let (items, by_length) = (&items, &by_length);
            let long = items[by_length[a]].chars;
            let shortest = long.len() - near::max_edits(long.len(), threshold);
            (0..a)
                .rev()
                .take_while(move |&b| items[by_length[b]].chars.len() >= shortest)
                .filter(move |&b| {
                    near::similarity(items[by_length[b]].chars, long, threshold).is_some()
                })
                .map(move |b| {
                    let (x, y) = (by_length[a], by_length[b]);
                    (x.min(y), x.max(y))
                })
        })
        .collect();
    let oracle_time = started.elapsed();

    let missed = truth.difference(&found).count();
    let extra = found.difference(&truth).count();
    println!(
        "threshold {threshold}: exhaustive search {} pairs in {:.1} s; index {} pairs in {:.2} s; missed {missed}, extra {extra}; recall {:.4}",
        truth.len(),
        oracle_time.as_secs_f64(),
        found.len(),
        index_time.as_secs_f64(),
        if truth.is_empty() {
            1.0
        } else {
            (truth.len() - missed) as f64 / truth.len() as f64
        }
    );
}
