//! Near-duplicate pairs by normalized Levenshtein similarity, found losslessly.
//!
//! Candidates come from q-gram prefix filtering: if two strings are within `k` edits, each
//! edit destroys at most `q` of the longer string's q-grams, so they share at least
//! `m - q + 1 - q·k` of them (m = longer length). Ordering every string's q-grams by one
//! global order, two strings sharing that many must share one among their first `q·k + 1`.
//! Each string indexes only that prefix, so the index stays small and misses no pair; every
//! candidate is then verified with an exact, cut-off Levenshtein distance.
//!
//! Any total order keeps the filter lossless; ordering rare grams first keeps the lists
//! short. Gram frequencies are counted in a fixed array of hash buckets rather than a map of
//! every distinct gram, which bounds memory; a bucket collision only lengthens a list.
//! Strings are UTF-16 code units: every Chinese character is one unit.

use rapidfuzz::distance::levenshtein;
use rayon::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// A string taking part in the search.
pub struct Item<'a> {
    pub chars: &'a [u16],
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

pub fn similarity(a: &[u16], b: &[u16], threshold: f64) -> Option<f64> {
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
/// `min_len` units long, sorted by (later, earlier).
pub fn find_pairs(items: &[Item], threshold: f64, min_len: usize) -> Vec<Pair> {
    let Some(q) = gram_size(threshold, min_len) else {
        return all_pairs(items, threshold);
    };
    let index = Index::build(items, q, threshold);
    let mut pairs: Vec<Pair> = (0..items.len())
        .into_par_iter()
        .flat_map_iter(|later| {
            let length = items[later].chars.len();
            let mut grams = Vec::new();
            index.prefix(items[later].chars, &mut grams);
            let mut candidates: Vec<u32> = grams
                .iter()
                .flat_map(|&bucket| index.list(bucket))
                .map(|e| e.load(Relaxed))
                .filter(|&e| {
                    (e as usize) < later
                        && lengths_compatible(items[e as usize].chars.len(), length, threshold)
                })
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

/// Bucketed gram counts and the inverted lists of every item's prefix.
struct Index {
    q: usize,
    threshold: f64,
    bits: u32,
    counts: Vec<AtomicU32>,
    /// `ends[b]` is where bucket `b`'s list ends in `lists` (and `b + 1`'s begins).
    ends: Vec<AtomicU32>,
    lists: Vec<AtomicU32>,
}

impl Index {
    fn build(items: &[Item], q: usize, threshold: f64) -> Index {
        let grams: usize = items
            .iter()
            .map(|i| (i.chars.len() + 1).saturating_sub(q))
            .sum();
        let bits = (usize::BITS - grams.max(1).leading_zeros()).clamp(10, 22);
        let buckets = 1usize << bits;
        let mut index = Index {
            q,
            threshold,
            bits,
            counts: (0..buckets).map(|_| AtomicU32::new(0)).collect(),
            ends: (0..buckets).map(|_| AtomicU32::new(0)).collect(),
            lists: Vec::new(),
        };
        items.par_iter().for_each_init(Vec::new, |grams, item| {
            tagged_grams(item.chars, q, grams);
            for &gram in grams.iter() {
                index.counts[index.bucket(gram)].fetch_add(1, Relaxed);
            }
        });
        // Count each bucket's list, turn the counts into list ends, then fill from the ends
        // backwards; a list's order does not matter, only its contents.
        items.par_iter().for_each_init(Vec::new, |grams, item| {
            index.prefix(item.chars, grams);
            for &bucket in grams.iter() {
                index.ends[bucket as usize].fetch_add(1, Relaxed);
            }
        });
        let mut total = 0u32;
        for end in &mut index.ends {
            total += *end.get_mut();
            *end.get_mut() = total;
        }
        let cursors: Vec<AtomicU32> = index
            .ends
            .iter()
            .map(|e| AtomicU32::new(e.load(Relaxed)))
            .collect();
        index.lists = (0..total).map(|_| AtomicU32::new(0)).collect();
        items
            .par_iter()
            .enumerate()
            .for_each_init(Vec::new, |grams, (position, item)| {
                index.prefix(item.chars, grams);
                for &bucket in grams.iter() {
                    let slot = cursors[bucket as usize].fetch_sub(1, Relaxed) - 1;
                    index.lists[slot as usize].store(position as u32, Relaxed);
                }
            });
        index
    }

    fn bucket(&self, gram: u64) -> usize {
        (gram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    /// The buckets of the item's first grams in the global order (rarest bucket first, then
    /// by value), sorted and deduplicated.
    fn prefix(&self, chars: &[u16], grams: &mut Vec<u64>) {
        tagged_grams(chars, self.q, grams);
        let longest_partner = (chars.len() as f64 / self.threshold + 1e-9).floor() as usize;
        let keep = self.q * max_edits(longest_partner, self.threshold) + 1;
        if keep < grams.len() {
            grams.select_nth_unstable_by_key(keep - 1, |&g| {
                (self.counts[self.bucket(g)].load(Relaxed), g)
            });
            grams.truncate(keep);
        }
        // Two occurrences may share a bucket; one list read is enough.
        let mut buckets: Vec<u64> = grams.iter().map(|&g| self.bucket(g) as u64).collect();
        buckets.sort_unstable();
        buckets.dedup();
        *grams = buckets;
    }

    /// The items whose prefix has a gram in bucket `bucket` (as returned by `prefix`).
    fn list(&self, bucket: u64) -> &[AtomicU32] {
        let b = bucket as usize;
        let start = if b == 0 {
            0
        } else {
            self.ends[b - 1].load(Relaxed)
        };
        &self.lists[start as usize..self.ends[b].load(Relaxed) as usize]
    }
}

/// The largest q for which the count bound stays positive for every string of at least
/// `min_len` units; `None` when even single characters give no guarantee.
fn gram_size(threshold: f64, min_len: usize) -> Option<usize> {
    (1..=3).rev().find(|&q| {
        (min_len.max(1)..min_len.max(1) + 64).all(|m| {
            let grams = (m + 1).saturating_sub(q);
            grams > q * max_edits(m, threshold)
        }) && q as f64 * (1.0 - threshold) < 1.0
    })
}

/// The q-grams of `chars`, packed losslessly (16 bits a unit) with their occurrence number
/// among equal grams in bits 48..64, so that repeated grams count as a multiset.
fn tagged_grams(chars: &[u16], q: usize, out: &mut Vec<u64>) {
    out.clear();
    out.extend(chars.windows(q).map(|window| {
        window
            .iter()
            .fold(0u64, |packed, &c| packed << 16 | u64::from(c))
    }));
    out.sort_unstable();
    let mut occurrence = 0u64;
    for i in 0..out.len() {
        occurrence = if i > 0 && out[i - 1] & 0xFFFF_FFFF_FFFF == out[i] {
            (occurrence + 1).min(0xFFFF)
        } else {
            0
        };
        out[i] |= occurrence << 48;
    }
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
                let distance = strsim::generic_levenshtein(&a.chars.to_vec(), &b.chars.to_vec());
                let similarity = 1.0 - distance as f64 / longest as f64;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn finds_a_pasted_paragraph_with_its_opening_cut() {
        let a = units(
            "当前的国内形势和国际形势对我国的建设和改革都很有利我们一定要在中国共产党的领导下紧紧把握有利时机加快改革开放和现代化建设步伐",
        );
        let b = units(
            "国际形势对我国的建设和改革都很有利我们一定要在中国共产党的领导下紧紧把握有利时机加快改革开放和现代化建设步伐",
        );
        let c = units(
            "坚持以人民为中心的发展思想不断增进民生福祉让现代化建设成果更多更公平惠及全体人民推动共同富裕取得更为明显的实质性进展",
        );
        let items = [Item { chars: &a }, Item { chars: &c }, Item { chars: &b }];
        let found = find_pairs(&items, 0.85, 50);
        assert_eq!(found, all_pairs(&items, 0.85));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].earlier, found[0].later), (0, 2));
    }
}
