//! Near-duplicate pairs by normalized Levenshtein similarity, found losslessly.
//!
//! Candidates come from q-gram prefix filtering: if two strings are within `k` edits, each
//! edit destroys at most `q` of the longer string's q-grams, so they share at least
//! `m - q + 1 - q·k` of them (m = longer length). Ordering every string's q-grams by one
//! global order, two strings sharing that many must share one among their first `q·k + 1`.
//! Each string indexes only that prefix, so the index stays small and misses no pair; every
//! candidate is then verified with an exact, cut-off Levenshtein distance.
//!
//! Grams are hashed into a fixed array of buckets, and the filter runs on buckets (a shared
//! gram is a shared bucket, so nothing is missed), which bounds memory without a map of
//! every distinct gram. Any total order keeps the filter lossless; ordering the rarest
//! buckets first keeps the lists short.
//! Strings are UTF-16 code units: every Chinese character is one unit.

use rapidfuzz::distance::levenshtein;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
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
    // Truncation is the floor of a non-negative number, without a call into libm.
    ((1.0 - threshold) * longest as f64 + 1e-9) as usize
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

/// Bounds on a search, so that text made of one paragraph varied 100 000 times (every
/// paragraph a near copy of every other: 5 billion pairs) costs seconds, not hours and
/// hundreds of gigabytes.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Pairs found before the search stops (checked after each chunk of items).
    pub pairs: usize,
    /// Pairs found for one item (with the items before it) before its search stops.
    pub per_item: usize,
    /// Candidate entries gathered for one item in `find_pairs_involving_limited`.
    pub candidates: usize,
    /// Items searched (in parallel) between two checks of `pairs`.
    pub chunk: usize,
}

/// Far above what real documents need: a corpus of 300 000 paragraphs has a few thousand
/// near pairs, and a paragraph with 1 000 near copies is generated text.
pub const LIMITS: Limits = Limits {
    pairs: 1_000_000,
    per_item: 1_000,
    candidates: 1 << 18,
    chunk: 4096,
};

/// The pairs a bounded search found, and whether a limit cut it short (some pairs are then
/// missing, deterministically: the same input always gives the same pairs).
#[derive(Debug, Default)]
pub struct Search {
    pub pairs: Vec<Pair>,
    pub truncated: bool,
}

/// Every pair of items with similarity ≥ `threshold`, all of whose items are at least
/// `min_len` units long, sorted by (later, earlier), within `LIMITS`.
pub fn find_pairs(items: &[Item], threshold: f64, min_len: usize) -> Vec<Pair> {
    find_pairs_limited(items, threshold, min_len, &LIMITS).pairs
}

/// `find_pairs` within `limits`.
pub fn find_pairs_limited(
    items: &[Item],
    threshold: f64,
    min_len: usize,
    limits: &Limits,
) -> Search {
    let Some(q) = gram_size(threshold, min_len) else {
        return Search {
            pairs: all_pairs(items, threshold),
            truncated: false,
        };
    };
    let truncated = std::sync::atomic::AtomicBool::new(false);
    // Items are ranked by length, so that each inverted list, sorted by rank, holds the
    // length-compatible partners of an item in one contiguous run below its own rank.
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_by_key(|&i| (items[i as usize].chars.len(), i));
    let ranked: Vec<&[u16]> = order.iter().map(|&i| items[i as usize].chars).collect();
    let lengths: Vec<usize> = ranked.iter().map(|c| c.len()).collect();
    let lowest =
        |length: usize| lengths.partition_point(|&l| l < length - max_edits(length, threshold));
    // Length bands, each searched with its own index over the band and the shorter items
    // its members may match: the index stays small enough to be read from cache, and each
    // pair is found once, in the band of its longer item.
    let order_of_grams = Order::new(&ranked, q, threshold);
    let mut window = PrefixWindow::default();
    let mut index = Lists::default();
    let mut pairs = Vec::new();
    let mut start = 0;
    'bands: while start < ranked.len() {
        // Half a length ratio of `threshold` wide: a band's index holds the band and its
        // shorter partners, and narrower bands keep it smaller (about 20 MB less at the peak
        // of 300 000 paragraphs) at no measured cost; quarter-wide ones rebuild too often.
        let widest = (lengths[start] as f64 / threshold.sqrt()) as usize;
        let end = lengths
            .partition_point(|&l| l <= widest)
            .max(start + MIN_BAND)
            .min(ranked.len());
        let base = lowest(lengths[start]);
        window.cover(&order_of_grams, &ranked, base, end);
        index = Lists::build(&order_of_grams, &window, &lengths, base..end, index);
        // Capped: a lower count needed only lets more candidates through to the check.
        let index_edits: Vec<u16> = (base..end)
            .map(|rank| u16::try_from(window.shape_of(rank).index_edits).unwrap_or(u16::MAX))
            .collect();
        for chunk in (start..end).step_by(limits.chunk) {
            if pairs.len() > limits.pairs {
                truncated.store(true, Relaxed);
                break 'bands;
            }
            pairs.par_extend(
                (chunk..(chunk + limits.chunk).min(end))
                    .into_par_iter()
                    .map_init(
                        // Per thread: for each candidate rank, the stamp of the query it was last
                        // seen for and how many more shared prefix buckets it needs before it is
                        // checked; the thread's last stamp.
                        || (vec![Tally::default(); end - base], Vec::new(), 0u16),
                        |(tallies, lists, stamp), rank| {
                            // A stamp per query: tallies of other queries are stale, and only
                            // a stamp's return after 65 535 queries needs them cleared.
                            *stamp = stamp.checked_add(1).unwrap_or_else(|| {
                                tallies.fill(Tally::default());
                                1
                            });
                            let stamp = *stamp;
                            let length = lengths[rank];
                            let (from_rank, own) =
                                ((lowest(length) - base) as u32, (rank - base) as u32);
                            let mut found = Vec::new();
                            let shape = window.shape_of(rank);
                            let needed = QueryNeeds {
                                edits: max_edits(length, threshold) as u32,
                                query_edits: shape.query_edits,
                            };
                            // All list bounds first: independent loads from uncached memory
                            // overlap, where a load per list in the loop below would wait in turn.
                            // Lists hold a bucket once per occurrence: each is read once (a
                            // prefix in the order holds a bucket's occurrences side by side; a
                            // list merging buckets read twice only counts more, never less).
                            let prefix = window.prefix_of(rank);
                            let prefix = &prefix[..(shape.query_len as usize).min(prefix.len())];
                            lists.clear();
                            let mut previous = None;
                            for &bucket in prefix {
                                if previous != Some(bucket) {
                                    lists.push(index.bounds(index.list_of(bucket)));
                                    previous = Some(bucket);
                                }
                            }
                            // Then where each list's partners begin: these reads do not
                            // depend on each other either, where the counting below does.
                            for bounds in lists.iter_mut() {
                                let list = &index.entries[bounds.0 as usize..bounds.1 as usize];
                                let from = if list.len() > 16 {
                                    list.partition_point(|&r| r < from_rank)
                                } else {
                                    list.iter().take_while(|&&r| r < from_rank).count()
                                };
                                bounds.0 += from as u32;
                            }
                            for &(list_start, list_end) in lists.iter() {
                                if found.len() >= limits.per_item {
                                    truncated.store(true, Relaxed);
                                    break;
                                }
                                let list = &index.entries[list_start as usize..list_end as usize];
                                for &other in list.iter().take_while(|&&r| r < own) {
                                    let tally = &mut tallies[other as usize];
                                    if tally.query != stamp {
                                        *tally = Tally {
                                            query: stamp,
                                            needed: needed.with(index_edits[other as usize]),
                                        };
                                    }
                                    if tally.needed == 0 {
                                        continue;
                                    }
                                    tally.needed -= 1;
                                    if tally.needed > 0 {
                                        continue;
                                    }
                                    let other = other as usize + base;
                                    // So few candidates get here that the histograms are
                                    // not kept.
                                    let (x, y) = (ranked[other], ranked[rank]);
                                    if let Some(similarity) =
                                        verified(x, y, &histogram(x), &histogram(y), threshold)
                                    {
                                        let (a, b) = (order[other] as usize, order[rank] as usize);
                                        found.push(Pair {
                                            earlier: a.min(b),
                                            later: a.max(b),
                                            similarity,
                                        });
                                        if found.len() >= limits.per_item {
                                            truncated.store(true, Relaxed);
                                            break;
                                        }
                                    }
                                }
                            }
                            found
                        },
                    )
                    .flatten_iter(),
            );
        }
        start = end;
    }
    pairs.sort_by_key(|p| (p.later, p.earlier));
    Search {
        pairs,
        truncated: truncated.into_inner(),
    }
}

/// The pairs with similarity ≥ `threshold` that involve at least one item marked `changed`,
/// sorted by (later, earlier): what a re-run must search when the pairs among unchanged
/// items are known from the cache. The changed items are indexed; every item is looked up.
/// Both sides use the longer, index-side prefix and one fixed order (by gram hash, no
/// counts), so the filter stays lossless in both directions. The search stops at `limits`.
pub fn find_pairs_involving_limited(
    items: &[Item],
    changed: &[bool],
    threshold: f64,
    min_len: usize,
    limits: &Limits,
) -> Search {
    let Some(q) = gram_size(threshold, min_len) else {
        let mut pairs = all_pairs(items, threshold);
        pairs.retain(|p| changed[p.earlier] || changed[p.later]);
        return Search {
            pairs,
            truncated: false,
        };
    };
    let truncated = std::sync::atomic::AtomicBool::new(false);
    let order = Order::by_bucket(q, threshold);
    let mut lists: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let (mut scratch, mut prefix) = (PrefixScratch::default(), Vec::new());
    for (i, item) in items.iter().enumerate().filter(|&(i, _)| changed[i]) {
        order.prefix(item.chars, &mut scratch, &mut prefix);
        for &bucket in &prefix {
            lists.entry(bucket).or_default().push(i as u32);
        }
    }
    let histograms: Vec<Histogram> = items.par_iter().map(|item| histogram(item.chars)).collect();
    let mut pairs: Vec<Pair> = Vec::new();
    for chunk in (0..items.len()).step_by(limits.chunk) {
        if pairs.len() > limits.pairs {
            truncated.store(true, Relaxed);
            break;
        }
        pairs.par_extend(
            (chunk..(chunk + limits.chunk).min(items.len()))
                .into_par_iter()
                .map_init(Default::default, |(scratch, prefix), other| {
                    let mut found = Vec::new();
                    let chars = items[other].chars;
                    order.prefix(chars, scratch, prefix);
                    let mut candidates: Vec<u32> = Vec::new();
                    for list in prefix.iter().filter_map(|&bucket| lists.get(&bucket)) {
                        if candidates.len() + list.len() > limits.candidates {
                            truncated.store(true, Relaxed);
                            break;
                        }
                        // A pair of two changed items is found once, from its later item.
                        candidates.extend(list.iter().copied().filter(|&x| {
                            x as usize != other && (!changed[other] || (x as usize) < other)
                        }));
                    }
                    candidates.sort_unstable();
                    candidates.dedup();
                    for x in candidates {
                        let x = x as usize;
                        if let Some(similarity) = verified(
                            items[x].chars,
                            chars,
                            &histograms[x],
                            &histograms[other],
                            threshold,
                        ) {
                            found.push(Pair {
                                earlier: x.min(other),
                                later: x.max(other),
                                similarity,
                            });
                            if found.len() >= limits.per_item {
                                truncated.store(true, Relaxed);
                                break;
                            }
                        }
                    }
                    found
                })
                .flatten_iter(),
        );
    }
    pairs.sort_by_key(|p| (p.later, p.earlier));
    Search {
        pairs,
        truncated: truncated.into_inner(),
    }
}

/// The global order a distributed search ranks gram buckets by: govlint's own (fewest
/// grams first, counted over the items given), computed once over everything signed so
/// that every item's prefixes are cut in the same order, which is all the filter needs.
pub struct SearchOrder {
    order: Order,
}

/// What a distributed search joins an item on, and the counts it filters with: as in
/// `find_pairs_involving_limited`, a longer (or as long) item `x` and an item `y` within
/// the threshold share at least `needed(x, y)` of `x`'s query buckets in `y`'s indexed
/// prefix, counting each bucket as often as it occurs there. Joining query buckets with
/// indexed ones, summing the occurrences and verifying what reaches the count with
/// `similarity` misses no pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKeys {
    /// Distinct buckets of the query prefix.
    pub query: Vec<u32>,
    /// Distinct buckets of the indexed prefix, with how often each occurs in it.
    pub index: Vec<(u32, u32)>,
    /// Edits needed to destroy the query prefix and the indexed prefix.
    pub query_edits: u32,
    pub index_edits: u32,
}

impl SearchKeys {
    /// Shared occurrences a query `self` of `query_len` characters needs with the indexed
    /// prefix of `other` (not longer) before it is verified.
    pub fn needed(&self, query_len: usize, other: &SearchKeys, threshold: f64) -> u32 {
        let needs = QueryNeeds {
            edits: max_edits(query_len, threshold) as u32,
            query_edits: self.query_edits,
        };
        u32::from(needs.with(u16::try_from(other.index_edits).unwrap_or(u16::MAX)))
    }

    /// Occurrences of the query buckets of `self` in the indexed prefix of `other`.
    pub fn shared(&self, other: &SearchKeys) -> u32 {
        self.query
            .iter()
            .filter_map(|bucket| {
                let at = other.index.binary_search_by_key(bucket, |&(b, _)| b).ok()?;
                Some(other.index[at].1)
            })
            .sum()
    }
}

impl SearchOrder {
    /// The order of `items` (every item that will be searched); `None` when no gram size
    /// guarantees a shared bucket to items of `min_len`.
    pub fn new(items: &[&[u16]], threshold: f64, min_len: usize) -> Option<SearchOrder> {
        let q = gram_size(threshold, min_len)?;
        Some(SearchOrder {
            order: Order::new(items, q, threshold),
        })
    }

    pub fn keys(&self, chars: &[u16]) -> SearchKeys {
        let mut prefix = Vec::new();
        let shape = self
            .order
            .prefix(chars, &mut PrefixScratch::default(), &mut prefix);
        let mut query = prefix[..(shape.query_len as usize).min(prefix.len())].to_vec();
        query.sort_unstable();
        query.dedup();
        prefix.sort_unstable();
        let index = prefix
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect();
        SearchKeys {
            query,
            index,
            query_edits: shape.query_edits,
            index_edits: shape.index_edits,
        }
    }
}

/// What a query needs of its candidates. A query `x` and a shorter candidate `y` within
/// `k` edits share at least `min(E(x), E(y)) - k` prefix buckets, where `E` is the number of
/// edits needed to destroy each side's prefix (see `Order::prefix`).
#[derive(Clone, Copy)]
struct QueryNeeds {
    /// `k`: the query's largest distance to a partner within the threshold.
    edits: u32,
    /// `E(x)` of the query prefix.
    query_edits: u32,
}

impl QueryNeeds {
    /// Shared prefix buckets needed with a candidate whose indexed prefix needs
    /// `index_edits` edits to destroy.
    fn with(self, index_edits: u16) -> u16 {
        let needed = self
            .query_edits
            .min(u32::from(index_edits))
            .saturating_sub(self.edits)
            .max(1);
        // Capped: a lower count needed only lets more candidates through to the check.
        u16::try_from(needed).unwrap_or(u16::MAX)
    }
}

/// A candidate's state during one query.
#[derive(Clone, Copy, Default)]
struct Tally {
    /// The stamp of the query this tally belongs to (stale when it differs; 0 is no query).
    query: u16,
    /// Shared prefix buckets still needed before the candidate is checked; 0 once checked.
    needed: u16,
}

/// Buckets every prefix keeps beyond the `q·k + 1` that guarantee one shared bucket: each
/// extra one raises the guarantee by one, so candidates that share only a common sentence
/// are dropped by counting, before any distance is computed.
const EXTRA_PREFIX: usize = 2;

/// The similarity of a candidate pair, if at least `threshold`. A cheap lower bound on the
/// distance from the histograms rejects most candidates (those that only share a sentence)
/// before the exact distance is computed.
fn verified(
    a: &[u16],
    b: &[u16],
    a_histogram: &Histogram,
    b_histogram: &Histogram,
    threshold: f64,
) -> Option<f64> {
    let longest = a.len().max(b.len());
    if histogram_distance(a_histogram, b_histogram).div_ceil(2) > max_edits(longest, threshold) {
        return None;
    }
    similarity(a, b, threshold)
}

/// Character counts folded into 64 bins. Each edit changes the counts by at most 2 in L1
/// distance, and folding characters together can only shrink that distance, so half the L1
/// distance of two histograms is a lower bound of the edit distance.
type Histogram = [u8; 64];

fn histogram(chars: &[u16]) -> Histogram {
    let mut bins = [0u8; 64];
    for &c in chars {
        let bin = (u32::from(c).wrapping_mul(0x9E37_79B1) >> 26) as usize;
        bins[bin] = bins[bin].saturating_add(1);
    }
    bins
}

fn histogram_distance(a: &Histogram, b: &Histogram) -> usize {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| usize::from(x.abs_diff(y)))
        .sum()
}

/// Many short lists of buckets in one allocation.
#[derive(Default)]
struct Prefixes {
    buckets: Vec<u32>,
    ends: Vec<u32>,
    shapes: Vec<Shape>,
}

impl Prefixes {
    fn push(&mut self, prefix: &[u32], shape: Shape) {
        self.buckets.extend_from_slice(prefix);
        self.ends.push(self.buckets.len() as u32);
        self.shapes.push(shape);
    }

    fn get(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.buckets[start..self.ends[i] as usize]
    }
}

/// Fewest items searched with one index: tiny bands would rebuild the index too often.
const MIN_BAND: usize = 2048;

/// One item in this many is counted for the global order.
const COUNTED_EVERY: usize = 4;

/// Number of gram counts kept for the global order (1 MiB of `u32`).
const COARSE_COUNTS: usize = 1 << 18;

/// The global order of gram buckets (fewest grams first) and the prefix arithmetic. One
/// order for the whole search: each item's prefix is computed once, whichever bands use it.
struct Order {
    q: usize,
    threshold: f64,
    bits: u32,
    /// `counts[bucket >> coarse_shift]` is the number of grams in the bucket's group.
    counts: Vec<u32>,
    coarse_shift: u32,
}

impl Order {
    fn new(items: &[&[u16]], q: usize, threshold: f64) -> Order {
        let grams: usize = items.iter().map(|c| (c.len() + 1).saturating_sub(q)).sum();
        // About 16 grams a bucket.
        let bits = (usize::BITS - grams.max(1).leading_zeros())
            .saturating_sub(4)
            .clamp(10, 22);
        // The order reads a count for every gram of every item: coarse counts (neighbouring
        // buckets summed) fit in the processor's cache; any consistent order is lossless.
        let groups = (1usize << bits).min(COARSE_COUNTS);
        let order = Order {
            q,
            threshold,
            bits,
            counts: Vec::new(),
            coarse_shift: bits - groups.trailing_zeros(),
        };
        // Every fourth item is counted: the order only needs to put rare grams first, and
        // one in four tells them as well (a sample taken by position, the same at any thread
        // count, so the search and its limits behave the same).
        let sample: Vec<&[u16]> = items.iter().step_by(COUNTED_EVERY).copied().collect();
        let chunk = sample
            .len()
            .div_ceil(rayon::current_num_threads().max(1))
            .max(1);
        // Per thread, its own counters: no atomic read-modify-write on shared arrays.
        let counts = sample
            .par_chunks(chunk)
            .map(|chunk| {
                let mut counts = vec![0u32; groups];
                let mut found = Vec::new();
                for chars in chunk {
                    order.buckets(chars, &mut found);
                    for &bucket in &found {
                        counts[(bucket >> order.coarse_shift) as usize] += 1;
                    }
                }
                counts
            })
            .reduce_with(|mut a, b| {
                a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
                a
            })
            .unwrap_or_else(|| vec![0; groups]);
        Order { counts, ..order }
    }

    /// An order by bucket alone, needing no counts: for searches whose index is not known
    /// in advance.
    fn by_bucket(q: usize, threshold: f64) -> Order {
        Order {
            q,
            threshold,
            bits: 32,
            counts: vec![0],
            coarse_shift: 63,
        }
    }

    /// The buckets of the item's q-grams. Grams are hashed into buckets, and the filter
    /// works on buckets: two items sharing a gram share its bucket, so counts of shared
    /// buckets can only exceed counts of shared grams and nothing is missed.
    fn buckets(&self, chars: &[u16], out: &mut Vec<u64>) {
        out.clear();
        out.extend(chars.windows(self.q).map(|window| {
            let packed = window
                .iter()
                .fold(0u64, |packed, &c| packed << 16 | u64::from(c));
            packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)
        }));
    }

    /// The item's prefixes in the global order (fewest grams first, then by bucket): the
    /// indexed prefix in `out` (a bucket repeated as often as it occurs), whose first
    /// `query_len` entries are the query prefix, in the order.
    ///
    /// A prefix is as short as the positions of its grams allow (after Ed-Join's
    /// location-based filter): grams whose spans overlap may fall to one edit, grams far
    /// apart each need their own. A prefix grows until it needs more than `k + EXTRA_PREFIX`
    /// edits to destroy, for the query `k` of the item itself and for the indexed prefix the
    /// `k` of its longest partner, and ends at the end of a bucket's occurrences. Within `k`
    /// edits, at least `E - k` grams of a prefix needing `E` edits survive in the partner;
    /// those of the side whose prefix ends earlier in the order all lie in the other's
    /// prefix too, so the two prefixes share at least `min(E(x), E(y)) - k` buckets.
    fn prefix(&self, chars: &[u16], scratch: &mut PrefixScratch, out: &mut Vec<u32>) -> Shape {
        let PrefixScratch {
            buckets,
            keyed,
            marks,
        } = scratch;
        self.buckets(chars, buckets);
        if buckets.len() >= 1 << POSITION_BITS {
            // Too long for the packed keys below: the whole string is a valid prefix on
            // either side (any item keeps more than `q·k` grams), needing one shared bucket.
            out.clear();
            out.extend(buckets.iter().map(|&bucket| bucket as u32));
            out.sort_unstable();
            return Shape {
                query_len: out.len() as u32,
                query_edits: 0,
                index_edits: 0,
            };
        }
        // Keys sort by the order (count, then bucket), then by position; one integer each.
        let count_limit = (1u64 << (64 - POSITION_BITS - self.bits)) - 1;
        keyed.clear();
        keyed.extend(buckets.iter().enumerate().map(|(position, &bucket)| {
            let count = u64::from(self.counts[(bucket >> self.coarse_shift) as usize]);
            // Capping counts keeps the order consistent, which is all the filter needs.
            (count.min(count_limit) << self.bits | bucket) << POSITION_BITS | position as u64
        }));
        let longest_partner = (chars.len() as f64 / self.threshold + 1e-9) as usize;
        let query_wanted = max_edits(chars.len(), self.threshold) + EXTRA_PREFIX;
        let index_wanted =
            max_edits(longest_partner.max(chars.len()), self.threshold) + EXTRA_PREFIX;
        // Prefixes are short: order the grams a prefix usually needs, and the rest only if
        // it needs more.
        let mut sorted = (2 * index_wanted + 16).min(keyed.len());
        if sorted < keyed.len() {
            keyed.select_nth_unstable(sorted);
        }
        keyed[..sorted].sort_unstable();
        // Walk the grams in order, counting grams whose spans overlap none counted before:
        // each needs an edit of its own, so the count never exceeds the edits needed to
        // destroy the prefix (a lower bound is all the filter needs).
        marks.clear();
        marks.resize(keyed.len(), false);
        let position_mask = (1u64 << POSITION_BITS) - 1;
        let (mut apart, mut length) = (0, 0);
        let mut prefix_while = |wanted: usize, length: &mut usize, apart: &mut usize| {
            loop {
                if *length == sorted && sorted < keyed.len() {
                    keyed[sorted..].sort_unstable();
                    sorted = keyed.len();
                }
                let more = *length < keyed.len()
                    && (*apart <= wanted
                        || keyed[*length] >> POSITION_BITS == keyed[*length - 1] >> POSITION_BITS);
                if !more {
                    break;
                }
                let position = (keyed[*length] & position_mask) as usize;
                if !marks[position] {
                    *apart += 1;
                    let span =
                        position.saturating_sub(self.q - 1)..(position + self.q).min(marks.len());
                    marks[span].fill(true);
                }
                *length += 1;
            }
        };
        prefix_while(query_wanted, &mut length, &mut apart);
        let (query_len, query_edits) = (length, apart as u32);
        prefix_while(index_wanted, &mut length, &mut apart);
        let bucket_mask = (1u64 << self.bits) - 1;
        out.clear();
        out.extend(
            keyed[..length]
                .iter()
                .map(|&key| (key >> POSITION_BITS & bucket_mask) as u32),
        );
        Shape {
            query_len: query_len as u32,
            query_edits,
            index_edits: apart as u32,
        }
    }
}

/// Bits of a gram's position in the packed keys of `Order::prefix`.
const POSITION_BITS: u32 = 20;

/// Buffers `Order::prefix` reuses from one item to the next.
#[derive(Default)]
struct PrefixScratch {
    buckets: Vec<u64>,
    keyed: Vec<u64>,
    marks: Vec<bool>,
}

/// What a query needs to know of an item's prefixes besides their buckets.
#[derive(Clone, Copy, Default)]
struct Shape {
    /// Entries of the query prefix (the first ones of the indexed prefix).
    query_len: u32,
    /// Edits needed to destroy the query prefix.
    query_edits: u32,
    /// Edits needed to destroy the indexed prefix.
    index_edits: u32,
}

/// Ranks whose prefixes are computed together.
const PREFIX_CHUNK: usize = 1024;

/// The prefixes of the ranks the current band reads, by chunk of `PREFIX_CHUNK` ranks:
/// bands overlap, and an item's prefix is computed once and dropped once no band needs it.
#[derive(Default)]
struct PrefixWindow {
    chunks: Vec<Option<Prefixes>>,
    /// Dropped chunks, whose memory the next chunks reuse: a band allocates nothing new
    /// once the window has reached its size, and the heap does not fragment.
    spare: Vec<Prefixes>,
}

impl PrefixWindow {
    /// Makes ranks `base..end` available and drops the chunks below `base`.
    fn cover(&mut self, order: &Order, ranked: &[&[u16]], base: usize, end: usize) {
        let below = (base / PREFIX_CHUNK).min(self.chunks.len());
        self.spare
            .extend(self.chunks[..below].iter_mut().filter_map(Option::take));
        let first_new = self.chunks.len();
        let last = end.div_ceil(PREFIX_CHUNK);
        if last <= first_new {
            return;
        }
        let mut computed: Vec<Prefixes> = (first_new..last)
            .map(|_| self.spare.pop().unwrap_or_default())
            .collect();
        computed
            .par_iter_mut()
            .zip(first_new..last)
            .for_each(|(prefixes, chunk)| {
                let ranks = chunk * PREFIX_CHUNK..((chunk + 1) * PREFIX_CHUNK).min(ranked.len());
                prefixes.buckets.clear();
                prefixes.ends.clear();
                prefixes.shapes.clear();
                prefixes.ends.reserve_exact(ranks.len());
                prefixes.shapes.reserve_exact(ranks.len());
                let (mut scratch, mut prefix) = (PrefixScratch::default(), Vec::new());
                for chars in &ranked[ranks] {
                    let shape = order.prefix(chars, &mut scratch, &mut prefix);
                    prefixes.push(&prefix, shape);
                }
            });
        self.chunks.extend(computed.into_iter().map(Some));
        // What no chunk reused is freed: the window shrinks with the last bands.
        self.spare.clear();
    }

    /// The chunk holding `rank` (which `cover` made available), and the rank's place in it.
    fn chunk_of(&self, rank: usize) -> Option<(&Prefixes, usize)> {
        let chunk = self.chunks[rank / PREFIX_CHUNK].as_ref();
        debug_assert!(chunk.is_some(), "rank {rank} read after its band");
        chunk.map(|prefixes| (prefixes, rank % PREFIX_CHUNK))
    }

    /// The shape of the prefixes of the item at `rank`.
    fn shape_of(&self, rank: usize) -> Shape {
        self.chunk_of(rank)
            .map_or_else(Shape::default, |(prefixes, i)| prefixes.shapes[i])
    }

    /// The indexed prefix of the item at `rank`.
    fn prefix_of(&self, rank: usize) -> &[u32] {
        self.chunk_of(rank)
            .map_or(&[], |(prefixes, i)| prefixes.get(i))
    }
}

/// The inverted lists of one band: for each list, the ranks (from the band's base) of the
/// items whose indexed prefix holds one of its buckets, once per occurrence, sorted. A list
/// gathers neighbouring buckets of the order, as many as keep lists short and the list
/// array small: merged buckets can only raise the count of shared buckets, so the filter
/// stays lossless.
#[derive(Default)]
struct Lists {
    shift: u32,
    /// `ends[l]` is where list `l` ends in `entries` (and `l + 1`'s begins).
    ends: Vec<u32>,
    entries: Vec<u32>,
}

impl Lists {
    /// The lists of the ranks in `band`, built in the memory of `recycled` (the previous
    /// band's lists): a band allocates nothing new once the lists have reached their size.
    fn build(
        order: &Order,
        window: &PrefixWindow,
        lengths: &[usize],
        band: std::ops::Range<usize>,
        recycled: Lists,
    ) -> Lists {
        let (base, end) = (band.start, band.end);
        let grams: usize = lengths[base..end]
            .iter()
            .map(|&l| (l + 1).saturating_sub(order.q))
            .sum();
        let bits = (usize::BITS - grams.max(1).leading_zeros())
            .saturating_sub(4)
            .clamp(10, order.bits);
        let shift = order.bits - bits;
        let lists = 1usize << bits;
        let piece = (end - base)
            .div_ceil(rayon::current_num_threads().max(1))
            .max(1);
        let pieces: Vec<std::ops::Range<usize>> = (base..end)
            .step_by(piece)
            .map(|from| from..(from + piece).min(end))
            .collect();
        // One contiguous run of ranks per thread, each with its own sizes and write offsets:
        // lists filled piece after piece come out sorted by rank.
        let mut offsets: Vec<Vec<u32>> = pieces
            .par_iter()
            .map(|ranks| {
                let mut sizes = vec![0u32; lists];
                for rank in ranks.clone() {
                    for &bucket in window.prefix_of(rank) {
                        sizes[(bucket >> shift) as usize] += 1;
                    }
                }
                sizes
            })
            .collect();
        let Lists {
            mut ends,
            mut entries,
            ..
        } = recycled;
        ends.clear();
        ends.reserve_exact(lists);
        ends.resize(lists, 0);
        let mut total = 0u32;
        for (list, list_end) in ends.iter_mut().enumerate() {
            for piece in offsets.iter_mut() {
                let size = piece[list];
                piece[list] = total;
                total += size;
            }
            *list_end = total;
        }
        entries.clear();
        entries.reserve_exact(total as usize);
        entries.resize(total as usize, 0);
        // Same layout: these collects reuse the allocation.
        let entries: Vec<AtomicU32> = entries.into_iter().map(AtomicU32::new).collect();
        pieces
            .par_iter()
            .zip(offsets.par_iter_mut())
            .for_each(|(ranks, offsets)| {
                for rank in ranks.clone() {
                    for &bucket in window.prefix_of(rank) {
                        // Slots are disjoint between pieces: a plain store, no contention.
                        let slot = &mut offsets[(bucket >> shift) as usize];
                        entries[*slot as usize].store((rank - base) as u32, Relaxed);
                        *slot += 1;
                    }
                }
            });
        Lists {
            shift,
            ends,
            entries: entries.into_iter().map(AtomicU32::into_inner).collect(),
        }
    }

    /// The list holding `bucket`.
    fn list_of(&self, bucket: u32) -> u32 {
        bucket >> self.shift
    }

    /// Where the ranks of `list` lie in `entries`.
    fn bounds(&self, list: u32) -> (u32, u32) {
        let l = list as usize;
        let start = if l == 0 { 0 } else { self.ends[l - 1] };
        (start, self.ends[l])
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

    /// Edits spread one every few characters destroy the most grams per edit, and a
    /// two-letter alphabet makes every bucket occur many times: the location-based
    /// prefixes and the count of shared buckets must still find every pair.
    #[test]
    fn spread_edits_and_repeated_grams_miss_no_pair() {
        let mut texts: Vec<Vec<u16>> = Vec::new();
        for seed in 0..40u32 {
            let base: Vec<u16> = (0..80u32)
                .map(|i| {
                    if (i * 7 + seed * 13) % 5 < 2 {
                        0x4E00
                    } else {
                        0x4E8C
                    }
                })
                .collect();
            for step in [3usize, 4, 6, 9] {
                let mut copy = base.clone();
                for i in (seed as usize % step..copy.len()).step_by(step).take(12) {
                    copy[i] = 0x4E09;
                }
                texts.push(copy);
            }
            texts.push(base);
        }
        let items: Vec<Item> = texts.iter().map(|t| Item { chars: t }).collect();
        for threshold in [0.8, 0.85, 0.9] {
            let expected = all_pairs(&items, threshold);
            assert!(expected.len() > 100, "{}", expected.len());
            assert_eq!(
                find_pairs(&items, threshold, 50),
                expected,
                "threshold {threshold}"
            );
            // What a distributed search joins on and counts: every pair reaches the count.
            let all: Vec<&[u16]> = texts.iter().map(Vec::as_slice).collect();
            let order = SearchOrder::new(&all, threshold, 50).expect("a gram size");
            let keys: Vec<SearchKeys> = texts.iter().map(|t| order.keys(t)).collect();
            for pair in &expected {
                let (mut x, mut y) = (pair.later, pair.earlier);
                if texts[x].len() < texts[y].len() {
                    (x, y) = (y, x);
                }
                let needed = keys[x].needed(texts[x].len(), &keys[y], threshold);
                assert!(
                    keys[x].shared(&keys[y]) >= needed.max(1),
                    "{pair:?} shares too few keys at {threshold}"
                );
            }
        }
    }

    /// Thousands of paragraphs that are all near copies of each other: the search stops at
    /// its limits, says so, and gives the same pairs at any thread count.
    #[test]
    fn a_cluster_of_near_copies_stops_at_the_limits() {
        let texts: Vec<Vec<u16>> = (0..1200)
            .map(|i| {
                units(&format!(
                    "各项工作要抓好落实{i}确保取得实效全面推进依法行政加快建设法治政府不断提升政府治理能力和水平"
                ))
            })
            .collect();
        let items: Vec<Item> = texts.iter().map(|t| Item { chars: t }).collect();
        let limits = Limits {
            pairs: 5_000,
            per_item: 50,
            candidates: 1 << 12,
            chunk: 128,
        };
        let one = find_pairs_limited(&items, 0.85, 30, &limits);
        assert!(one.truncated);
        // The chunk that crossed the limit, and nothing after it.
        assert!(one.pairs.len() <= 5_000 + 128 * 50, "{}", one.pairs.len());
        assert!(one.pairs.iter().all(|p| p.later < 1000));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let again = pool.install(|| find_pairs_limited(&items, 0.85, 30, &limits));
        assert_eq!(one.pairs, again.pairs);
        let changed = vec![true; items.len()];
        let involving = find_pairs_involving_limited(&items, &changed, 0.85, 30, &limits);
        assert!(involving.truncated);
        assert!(involving.pairs.len() <= 5_000 + 128 * 50);
        // Within the default limits nothing is cut.
        let few = &items[..200];
        let full = find_pairs_limited(few, 0.85, 30, &LIMITS);
        assert!(!full.truncated);
        assert_eq!(full.pairs.len(), 200 * 199 / 2);
    }
}
