//! Near-duplicate pairs by normalized Levenshtein similarity, found losslessly.
//!
//! Candidates come from q-gram prefix filtering: if two strings are within `k` edits, each
//! edit destroys at most `q` of the longer string's q-grams, so they share at least
//! `m - q + 1 - q·k` of them (m = longer length). Ordering every string's q-grams by global
//! rarity, two strings sharing that many must share one among their first `q·k + 1`. Each
//! string indexes only that prefix, so the index stays small and misses no pair; every
//! candidate is then verified with an exact, cut-off Levenshtein distance.

use rapidfuzz::distance::levenshtein;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

/// A string taking part in the search.
pub struct Item<'a> {
    /// Items with different groups are never compared (one group per file in file scope).
    pub group: u32,
    pub chars: &'a [char],
}

/// A verified pair: `earlier < later` as item indices, with its similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub earlier: usize,
    pub later: usize,
    pub similarity: f64,
}

/// Largest edit distance that keeps `1 - d / longest >= threshold`.
pub fn max_edits(longest: usize, threshold: f64) -> usize {
    ((1.0 - threshold) * longest as f64 + 1e-9).floor() as usize
}

pub fn similarity(a: &[char], b: &[char], threshold: f64) -> Option<f64> {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return Some(1.0);
    }
    if (a.len().min(b.len()) as f64) < threshold * longest as f64 - 1e-9 {
        return None;
    }
    let cutoff = max_edits(longest, threshold);
    let args = levenshtein::Args::default().score_cutoff(cutoff);
    levenshtein::distance_with_args(a.iter().copied(), b.iter().copied(), &args)
        .map(|d| 1.0 - d as f64 / longest as f64)
}

/// Every pair of items in the same group with similarity ≥ `threshold`, all of whose items
/// are at least `min_len` characters long, sorted by (later, earlier).
pub fn find_pairs(items: &[Item], threshold: f64, min_len: usize) -> Vec<Pair> {
    let Some(q) = gram_size(threshold, min_len) else {
        return all_pairs(items, threshold);
    };
    let grams: Vec<Vec<u64>> = items.par_iter().map(|item| tagged_grams(item, q)).collect();
    let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
    for gram in grams.iter().flatten() {
        *frequency.entry(*gram).or_default() += 1;
    }
    let prefixes: Vec<Vec<u64>> = grams
        .into_par_iter()
        .zip(items.par_iter())
        .map(|(mut grams, item)| {
            grams.sort_unstable_by_key(|g| (frequency[g], *g));
            let longest_partner = (item.chars.len() as f64 / threshold + 1e-9).floor() as usize;
            grams.truncate(q * max_edits(longest_partner, threshold) + 1);
            grams
        })
        .collect();
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (index, prefix) in prefixes.iter().enumerate() {
        for gram in prefix {
            postings.entry(*gram).or_default().push(index as u32);
        }
    }
    let mut pairs: Vec<Pair> = (0..items.len())
        .into_par_iter()
        .flat_map_iter(|later| {
            // Postings are in index order: each list is read only up to `later`.
            let mut candidates: Vec<u32> = prefixes[later]
                .iter()
                .flat_map(|gram| {
                    postings[gram]
                        .iter()
                        .copied()
                        .take_while(|&earlier| (earlier as usize) < later)
                })
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates.into_iter().filter_map(move |earlier| {
                let (a, b) = (&items[earlier as usize], &items[later]);
                (a.group == b.group)
                    .then(|| similarity(a.chars, b.chars, threshold))
                    .flatten()
                    .map(|similarity| Pair {
                        earlier: earlier as usize,
                        later,
                        similarity,
                    })
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.later, p.earlier));
    pairs
}

/// The largest q for which the count bound stays positive for every string of at least
/// `min_len` characters; `None` when even single characters give no guarantee.
fn gram_size(threshold: f64, min_len: usize) -> Option<usize> {
    (1..=3).rev().find(|&q| {
        (min_len.max(1)..min_len.max(1) + 64).all(|m| {
            let grams = (m + 1).saturating_sub(q);
            grams > q * max_edits(m, threshold)
        }) && q as f64 * (1.0 - threshold) < 1.0
    })
}

/// The item's q-grams, hashed with the group and an occurrence number so that repeated
/// grams count as a multiset and groups never meet in the index.
fn tagged_grams(item: &Item, q: usize) -> Vec<u64> {
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    item.chars
        .windows(q)
        .map(|window| {
            let mut bytes = [0u8; 16];
            for (i, c) in window.iter().enumerate() {
                bytes[i * 4..i * 4 + 4].copy_from_slice(&(*c as u32).to_le_bytes());
            }
            bytes[12..16].copy_from_slice(&item.group.to_le_bytes());
            let gram = xxh3_64(&bytes);
            let occurrence = seen.entry(gram).or_default();
            *occurrence += 1;
            xxh3_64(&[gram.to_le_bytes(), u64::from(*occurrence).to_le_bytes()].concat())
        })
        .collect()
}

/// The reference search: every pair, measured with an independent Levenshtein
/// implementation (strsim). Used for thresholds too low for any gram filter, and by the
/// tests as the ground truth for `find_pairs`.
pub fn all_pairs(items: &[Item], threshold: f64) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = (0..items.len())
        .into_par_iter()
        .flat_map_iter(|later| {
            (0..later).filter_map(move |earlier| {
                let (a, b) = (&items[earlier], &items[later]);
                let longest = a.chars.len().max(b.chars.len()).max(1);
                let similarity = 1.0
                    - strsim::generic_levenshtein(&a.chars.to_vec(), &b.chars.to_vec()) as f64
                        / longest as f64;
                (a.group == b.group && similarity >= threshold - 1e-9)
                    .then_some(similarity)
                    .map(|similarity| Pair {
                        earlier,
                        later,
                        similarity,
                    })
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.later, p.earlier));
    pairs
}
