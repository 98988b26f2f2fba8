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

/// A string taking part in the search.
pub struct Item<'a> {
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

/// Whether lengths `a` and `b` leave room for similarity ≥ `threshold` (lev ≥ |a - b|).
fn lengths_compatible(a: usize, b: usize, threshold: f64) -> bool {
    let (short, long) = (a.min(b), a.max(b));
    long - short <= max_edits(long, threshold)
}

pub fn similarity(a: &[char], b: &[char], threshold: f64) -> Option<f64> {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return Some(1.0);
    }
    if !lengths_compatible(a.len(), b.len(), threshold) {
        return None;
    }
    let cutoff = max_edits(longest, threshold);
    let args = levenshtein::Args::default().score_cutoff(cutoff);
    levenshtein::distance_with_args(a.iter().copied(), b.iter().copied(), &args)
        .map(|d| 1.0 - d as f64 / longest as f64)
}

/// Every pair of items with similarity ≥ `threshold`, all of whose items are at least
/// `min_len` characters long, sorted by (later, earlier).
pub fn find_pairs(items: &[Item], threshold: f64, min_len: usize) -> Vec<Pair> {
    let Some(q) = gram_size(threshold, min_len) else {
        return all_pairs(items, threshold);
    };
    // Dense ids for (gram, occurrence) so that repeated grams count as a multiset.
    let tagged: Vec<Vec<u128>> = items
        .par_iter()
        .map(|item| tagged_grams(item.chars, q))
        .collect();
    let mut ids: FxHashMap<u128, u32> = FxHashMap::default();
    let mut frequency: Vec<u32> = Vec::new();
    let grams: Vec<Vec<u32>> = tagged
        .into_iter()
        .map(|grams| {
            grams
                .into_iter()
                .map(|gram| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(gram).or_insert(next);
                    if id == next {
                        frequency.push(0);
                    }
                    frequency[id as usize] += 1;
                    id
                })
                .collect()
        })
        .collect();
    drop(ids);
    let prefixes: Vec<Vec<u32>> = grams
        .into_par_iter()
        .zip(items.par_iter())
        .map(|(mut grams, item)| {
            grams.sort_unstable_by_key(|&id| (frequency[id as usize], id));
            let longest_partner = (item.chars.len() as f64 / threshold + 1e-9).floor() as usize;
            grams.truncate(q * max_edits(longest_partner, threshold) + 1);
            grams
        })
        .collect();
    let postings = Postings::new(&prefixes, frequency.len());
    let mut pairs: Vec<Pair> = (0..items.len())
        .into_par_iter()
        .flat_map_iter(|later| {
            let length = items[later].chars.len();
            // Each list is in item order: read it only up to `later`.
            let mut candidates: Vec<u32> = prefixes[later]
                .iter()
                .flat_map(|&gram| {
                    postings
                        .list(gram)
                        .iter()
                        .copied()
                        .take_while(|&e| (e as usize) < later)
                })
                .filter(|&e| lengths_compatible(items[e as usize].chars.len(), length, threshold))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates.into_iter().filter_map(move |earlier| {
                let earlier = earlier as usize;
                similarity(items[earlier].chars, items[later].chars, threshold).map(|similarity| {
                    Pair {
                        earlier,
                        later,
                        similarity,
                    }
                })
            })
        })
        .collect();
    pairs.sort_by_key(|p| (p.later, p.earlier));
    pairs
}

/// Inverted lists from gram id to the items whose prefix holds it, in one flat array.
struct Postings {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Postings {
    fn new(prefixes: &[Vec<u32>], grams: usize) -> Postings {
        let mut starts = vec![0u32; grams + 1];
        for &gram in prefixes.iter().flatten() {
            starts[gram as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut items = vec![0u32; starts[grams] as usize];
        for (index, prefix) in prefixes.iter().enumerate() {
            for &gram in prefix {
                items[fill[gram as usize] as usize] = index as u32;
                fill[gram as usize] += 1;
            }
        }
        Postings { starts, items }
    }

    fn list(&self, gram: u32) -> &[u32] {
        &self.items[self.starts[gram as usize] as usize..self.starts[gram as usize + 1] as usize]
    }
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

/// The q-grams of `chars`, each packed losslessly (21 bits a character) with its
/// occurrence number among equal grams.
fn tagged_grams(chars: &[char], q: usize) -> Vec<u128> {
    let mut grams: Vec<u64> = chars
        .windows(q)
        .map(|window| {
            window
                .iter()
                .fold(0u64, |packed, &c| packed << 21 | c as u64)
        })
        .collect();
    grams.sort_unstable();
    let mut tagged = Vec::with_capacity(grams.len());
    let mut occurrence = 0u128;
    for (i, &gram) in grams.iter().enumerate() {
        occurrence = if i > 0 && grams[i - 1] == gram {
            occurrence + 1
        } else {
            0
        };
        tagged.push(u128::from(gram) << 32 | occurrence);
    }
    tagged
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
                (similarity >= threshold - 1e-9).then_some(Pair {
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
