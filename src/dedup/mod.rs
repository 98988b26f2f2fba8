//! The duplicate phase. Every paragraph of the run is normalized once into a `Unit`; exact
//! copies are grouped into clone classes and near copies are found with a lossless index,
//! within each file or across the whole run (`Scope`).

pub mod diff;
pub mod judge;
pub mod near;
pub mod structure;

use crate::document::normalize;
use crate::document::source::Position;
use crate::document::{Document, Format};
use crate::report::diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
use crate::report::message::Message;
use crate::rules::{RuleId, duplicate_paragraph, near_duplicate_paragraph};
use judge::SetAside;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use structure::Provision;
use xxhash_rust::xxh3::xxh3_128;

/// Where copies are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Within each file.
    File,
    /// Within each file and across all files of the run.
    Repository,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub scope: Scope,
    /// Paragraphs with fewer normalized characters are never exact duplicates.
    pub exact_min_chars: usize,
    /// Paragraphs with fewer normalized characters are never near duplicates.
    pub near_min_chars: usize,
    /// Smallest similarity (1 - edits / longer length) reported as a near duplicate.
    pub threshold: f64,
    /// Text shared by at least this many files is common text: reported as a warning.
    pub common_files: usize,
    /// Normalized paragraphs that may repeat anywhere (official formulas).
    pub allowed: FxHashSet<String>,
    /// What becomes of pairs judged legitimate parallel text.
    pub parallel: Parallel,
}

/// What becomes of the pairs the judgement sets aside as legitimate parallel text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parallel {
    /// Not reported.
    #[default]
    Hide,
    /// Reported as `info`, each tagged with the reason it would be set aside, so that the
    /// judgement can be audited against every pair the search finds.
    Report,
}

/// Formulas of official prose that documents repeat by design; one per line.
const FORMULAS: &str = include_str!("formulas.txt");

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scope: Scope::File,
            exact_min_chars: 30,
            near_min_chars: 50,
            threshold: 0.85,
            common_files: 3,
            allowed: allowlist(FORMULAS).collect(),
            parallel: Parallel::Hide,
        }
    }
}

impl Settings {
    /// Adds the paragraphs of an allowlist text (one per line, `#` comments).
    pub fn allow(&mut self, list: &str) {
        self.allowed.extend(allowlist(list));
    }
}

/// The paragraphs of an allowlist text, normalized: one per line, `#` starting a comment
/// line.
fn allowlist(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize::normalize)
}

/// What the duplicate phase keeps of a paragraph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    pub paragraph: u32,
    /// The paragraph's byte span in its file, and where it starts and ends.
    pub place: Place,
    /// Hash of the normalized text: equal for exact copies.
    pub key: u128,
    /// How many normalized characters the enumerator left out of `chars` had: they count
    /// towards the minimum lengths.
    pub label_chars: u8,
    /// The paragraph's baseline fingerprint (`fingerprint`), of its whole text: the key
    /// leaves the enumerator out.
    pub fingerprint: u64,
    /// Where its normalized text (UTF-16 units, for near matching) lies in `FileUnits::chars`.
    pub chars: [u32; 2],
    pub provision: Provision,
    pub is_heading: bool,
    /// A formula of a document series: matched within its file only.
    pub is_series_formula: bool,
    /// The bytes around `span` that go with the paragraph when it is deleted: its line's
    /// indentation before and its line break after; `None` when other text shares a line.
    pub deletion: Option<(u16, u8)>,
}

/// A paragraph's byte span and its start and end positions, in 32 bits each: a run keeps
/// one for every paragraph, and files have fewer than 4 GiB (larger ones have no units).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Place {
    span: [u32; 2],
    start: [u32; 2],
    end: [u32; 2],
}

impl Place {
    fn new(span: &Range<usize>, start: Position, end: Position) -> Option<Place> {
        let narrow = |n: usize| u32::try_from(n).ok();
        Some(Place {
            span: [narrow(span.start)?, narrow(span.end)?],
            start: [narrow(start.line)?, narrow(start.column)?],
            end: [narrow(end.line)?, narrow(end.column)?],
        })
    }

    pub fn span(&self) -> Range<usize> {
        self.span[0] as usize..self.span[1] as usize
    }

    pub fn start(&self) -> Position {
        Position {
            line: self.start[0] as usize,
            column: self.start[1] as usize,
        }
    }

    pub fn end(&self) -> Position {
        Position {
            line: self.end[0] as usize,
            column: self.end[1] as usize,
        }
    }
}

/// A document's title and its repetition (`structure::repeated_title`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RepeatedTitle {
    pub title: Place,
    /// The repetition, over one to three paragraphs.
    pub copy: Place,
    /// The paragraphs of the title and of the repetition's first line.
    pub paragraphs: [u32; 2],
    /// The repetition is one paragraph (a unit when it is long enough).
    pub single: bool,
    /// As `Unit::deletion`, for the whole repetition.
    pub deletion: Option<(u16, u8)>,
    /// The baseline fingerprint of the repetition's first paragraph.
    pub fingerprint: u64,
}

/// What the duplicate phase keeps of a file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FileUnits {
    pub is_statute: bool,
    /// Read only to find copies of the run's other files (`--dup-against`), never reported
    /// on: a copy between it and a reported file is reported on the reported file. Set for
    /// each run, so never stored in the cache.
    #[serde(skip)]
    pub context: bool,
    pub units: Vec<Unit>,
    /// The document's title repeated among its first paragraphs, whatever its length.
    pub repeated_title: Option<RepeatedTitle>,
    /// The normalized text of every unit as UTF-16 units, for near matching: one allocation
    /// per file, not one per paragraph (less memory, and a heap that fragments less).
    pub chars: Vec<u16>,
}

impl FileUnits {
    /// The normalized text of one of this file's units.
    pub fn chars_of(&self, unit: &Unit) -> &[u16] {
        self.chars
            .get(unit.chars[0] as usize..unit.chars[1] as usize)
            .unwrap_or(&[])
    }
}

/// The units of a document: paragraphs long enough to matter, not allowlisted formulas,
/// not fragments of broken lines. A unit's text leaves out the enumerator it opens with:
/// `（三）…` pasted as `（五）…` is the same text.
pub fn file_units(document: &Document, settings: &Settings) -> FileUnits {
    let min_chars = settings.exact_min_chars.min(settings.near_min_chars);
    let mut all_chars: Vec<u16> = Vec::new();
    let normalized = document.normalized();
    let mut units: Vec<Unit> = Vec::new();
    let structure::Outline {
        provisions,
        enumerators,
        is_statute,
    } = structure::outline(document);
    for (index, (paragraph, provision)) in document.paragraphs.iter().zip(provisions).enumerate() {
        if structure::is_fragment(document, index) || structure::is_record_line(&paragraph.text) {
            continue;
        }
        let whole = normalized.paragraph(index);
        let enumerator = paragraph
            .text
            .get(..usize::from(enumerators[index]))
            .unwrap_or("");
        let (normalized, label_chars) = without_enumerator(enumerator, whole);
        let start = all_chars.len();
        all_chars.extend(normalized.encode_utf16());
        let end = all_chars.len();
        let (Ok(first), Ok(last)) = (u32::try_from(start), u32::try_from(end)) else {
            all_chars.truncate(start);
            continue;
        };
        let chars = [first, last];
        // The enumerator counts towards the length: only the comparison leaves it out.
        let length = end - start + label_chars;
        if length < min_chars || settings.allowed.contains(normalized) {
            all_chars.truncate(start);
            continue;
        }
        let span = paragraph.span();
        // In HTML, only a paragraph without markup or references in it can go whole.
        let deletion = deletion_margins(&document.source.text, &span).filter(|_| {
            document.format != Format::Html
                || !document.source.text[span.clone()].contains(['<', '&'])
        });
        let Some(place) = Place::new(
            &span,
            document.source.position(span.start),
            document.source.position(span.end),
        ) else {
            all_chars.truncate(start);
            continue;
        };
        units.push(Unit {
            label_chars: u8::try_from(label_chars).unwrap_or(u8::MAX),
            deletion,
            paragraph: index as u32,
            place,
            key: key(normalized),
            fingerprint: fingerprint_of_normalized(whole),
            chars,
            provision,
            is_heading: paragraph.is_heading,
            is_series_formula: structure::is_series_formula(&paragraph.text),
        });
    }
    // Kept for the whole run: no spare capacity.
    units.shrink_to_fit();
    all_chars.shrink_to_fit();
    FileUnits {
        is_statute,
        context: false,
        units,
        repeated_title: repeated_title(document),
        chars: all_chars,
    }
}

/// The document's title repeated among its first paragraphs, with its places.
fn repeated_title(document: &Document) -> Option<RepeatedTitle> {
    // A web page is read whole, site chrome first (`站内搜索` / `站内搜索`): its first line is
    // not the article's title; nor is it in a Word file that is a page.
    if document.format == Format::Html || document.source.web_page {
        return None;
    }
    let (title, copy) = structure::repeated_title(document)?;
    let place = |first: usize, last: usize| {
        let span = document.paragraphs[first].span().start..document.paragraphs[last].span().end;
        let place = Place::new(
            &span,
            document.source.position(span.start),
            document.source.position(span.end),
        )?;
        Some((place, span))
    };
    let (title_place, _) = place(title, title)?;
    let (copy_place, span) = place(copy.start, copy.end - 1)?;
    let deletion = deletion_margins(&document.source.text, &span).filter(|_| {
        document.format != Format::Html || !document.source.text[span.clone()].contains(['<', '&'])
    });
    Some(RepeatedTitle {
        title: title_place,
        copy: copy_place,
        paragraphs: [u32::try_from(title).ok()?, u32::try_from(copy.start).ok()?],
        single: copy.len() == 1,
        deletion,
        fingerprint: fingerprint_of_normalized(document.normalized().paragraph(copy.start)),
    })
}

/// A paragraph's normalized text without its `enumerator` (`（三）`, or empty), and how
/// many UTF-16 units the enumerator had.
fn without_enumerator<'a>(enumerator: &str, normalized: &'a str) -> (&'a str, usize) {
    if enumerator.is_empty() {
        return (normalized, 0);
    }
    let label = normalize::normalize(enumerator);
    match normalized.strip_prefix(label.as_str()) {
        Some(rest) => (rest, label.encode_utf16().count()),
        None => (normalized, 0),
    }
}

/// The matching key of a normalized paragraph: equal for exact copies.
fn key(normalized: &str) -> u128 {
    xxh3_128(normalized.as_bytes())
}

/// The fingerprint of a paragraph for a baseline: its matching key, so that changes of
/// spacing, width or punctuation alone (the faults most rules report) keep it.
pub fn fingerprint(paragraph: &str) -> u64 {
    fingerprint_of_normalized(&normalize::normalize(paragraph))
}

/// `fingerprint` of a paragraph already normalized.
pub fn fingerprint_of_normalized(normalized: &str) -> u64 {
    fingerprint_of_key(key(normalized))
}

fn fingerprint_of_key(key: u128) -> u64 {
    // The low half: a finding's fingerprint need only tell paragraphs of one file apart.
    key as u64
}

/// The indentation before `span` on its line and the line break after it, when the
/// paragraph has its lines to itself.
fn deletion_margins(text: &str, span: &Range<usize>) -> Option<(u16, u8)> {
    let before = &text[..span.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let indent = &before[line_start..];
    if !indent.chars().all(crate::text::is_space) {
        return None;
    }
    let after = &text[span.end..];
    let line_break = if after.starts_with("\r\n") {
        2
    } else if after.starts_with('\n') {
        1
    } else if after.is_empty() {
        0
    } else {
        return None;
    };
    Some((u16::try_from(indent.len()).ok()?, line_break))
}

pub struct Enabled {
    pub exact: bool,
    pub near: bool,
}

/// A unit of the run: its file, and its index among that file's units. Ordered by file,
/// then unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    pub file: u32,
    pub unit: u32,
}

impl At {
    pub fn new(file: u32, unit: u32) -> At {
        At { file, unit }
    }

    /// The unit `k` places further on in the same file.
    fn plus(self, k: u32) -> At {
        At::new(self.file, self.unit + k)
    }

    /// The file's index in the run.
    pub fn document(self) -> usize {
        self.file as usize
    }
}

/// The unit at `at`.
fn unit_at(files: &[FileUnits], at: At) -> &Unit {
    &files[at.document()].units[at.unit as usize]
}

/// Near pairs found before, among files that have not changed since (`crate::linter::cache`).
pub struct Known {
    /// Per file of the run: read and searched again this run.
    pub changed: Vec<bool>,
    /// Pairs among unchanged files, as (file, unit) places of this run.
    pub pairs: Vec<RawPair>,
}

/// A near pair as the index found it (earlier, later, similarity), before parallel text is
/// set aside.
pub type RawPair = (At, At, f64);

/// What the duplicate phase found: the findings, and every near pair for the cache.
pub struct Found {
    pub diagnostics: Vec<Diagnostic>,
    pub pairs: Vec<RawPair>,
    /// The near search hit `near::LIMITS` (paragraphs so alike that their pairs run into
    /// the millions): some near copies are not reported, and `pairs` is incomplete.
    pub truncated: bool,
}

/// Paragraphs longer than this (in UTF-16 units) are matched as exact copies only: the edit
/// distance of two such texts costs seconds (it grows with the product of their lengths),
/// and no paragraph of prose is that long; a file without line breaks is.
pub const NEAR_MAX_CHARS: usize = 50_000;

/// The enumerator's characters counted towards the near minimum, at most: the index is
/// built for items of at least `near_search_min` characters.
pub const LABEL_ALLOWANCE: usize = 4;

pub fn near_search_min(settings: &Settings) -> usize {
    settings
        .near_min_chars
        .saturating_sub(LABEL_ALLOWANCE)
        .max(1)
}

/// The original text of byte ranges of files, `(file, range)`, in the order asked (`None`
/// where it can no longer be read). Asked for many ranges at once, so that a file read
/// again for them (decoded from GBK, extracted from a Word file) is read once, not once a
/// range.
pub type Texts<'a> = dyn Fn(&[(usize, Range<usize>)]) -> Vec<Option<String>> + Sync + 'a;

/// Near copies whose texts are asked for at once: the texts held at a time stay bounded,
/// and a file read again for them is read once per this many findings.
const DIFF_BATCH: usize = 1 << 16;

/// Finds the duplicates among `files` (indexed as in the run, paths in `paths`). `texts`
/// gives the original text of paragraphs, for the diffs of near copies; `known`, the near
/// pairs a cache holds.
pub fn find_duplicates(
    files: &[FileUnits],
    paths: &[String],
    settings: &Settings,
    enabled: Enabled,
    texts: &Texts,
    known: Option<&Known>,
) -> Found {
    let unit = |at: At| unit_at(files, at);
    let chars = |at: At| files[at.document()].chars_of(unit(at));
    let all: Vec<At> = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| (0..file.units.len()).map(move |u| At::new(f as u32, u as u32)))
        .collect();

    // Clone classes, members in run order: one sorted array, a class a run of equal keys.
    let scope = |at: At| match settings.scope {
        Scope::Repository => 0,
        _ => at.file + 1,
    };
    let mut keyed: Vec<(u32, u128, At)> = all
        .iter()
        .map(|&at| (scope(at), unit(at).key, at))
        .collect();
    drop(all);
    keyed.par_sort_unstable();
    let members: Vec<At> = keyed.iter().map(|k| k.2).collect();
    let mut classes: Vec<&[At]> = Vec::new();
    let mut start = 0;
    for end in 1..=keyed.len() {
        if end == keyed.len() || (keyed[end].0, keyed[end].1) != (keyed[start].0, keyed[start].1) {
            classes.push(&members[start..end]);
            start = end;
        }
    }
    drop(keyed);
    classes.sort_unstable_by_key(|members| members[0]);
    // How many files share each class's text, for the near copies' severity; by the class's
    // first member, in order.
    let mut sharing: Vec<(At, u32)> = Vec::with_capacity(classes.len());

    let report_all = settings.parallel == Parallel::Report;
    let mut diagnostics = Vec::new();
    let mut raw_pairs = Vec::new();
    let mut truncated = false;
    let mut representatives = Vec::with_capacity(classes.len());
    // Per clone class: its copies grouped by judgement, reported ones (`None`) first.
    let mut exact_groups: Vec<(Option<SetAside>, Vec<At>)> = Vec::new();
    // Exact copies across files, as (earlier, later) pairs: what pasted blocks are made of.
    let mut crossing: Vec<(At, At)> = Vec::new();
    for members in classes.iter().copied() {
        representatives.push(members[0]);
        let groups = judge_class(members, files);
        let reported = groups.iter().find(|(reason, _)| reason.is_none());
        let file_count = reported.map_or(1, |(_, copies)| count_files(copies));
        sharing.push((members[0], file_count as u32));
        if members.len() <= BLOCK_CLASS_LIMIT {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if a.file != b.file
                        && !unit(a).provision.quotation
                        && !unit(b).provision.quotation
                    {
                        crossing.push((a, b));
                    }
                }
            }
        }
        let whole_length = chars(members[0]).len() + usize::from(unit(members[0]).label_chars);
        if enabled.exact && whole_length >= settings.exact_min_chars {
            exact_groups.extend(
                groups
                    .into_iter()
                    .filter(|(reason, _)| reason.is_none() || report_all),
            );
        }
    }

    let mut near_judged: Vec<(RawPair, Option<SetAside>)> = Vec::new();
    if enabled.near {
        representatives.retain(|&at| {
            let length = chars(at).len();
            let allowance = usize::from(unit(at).label_chars).min(LABEL_ALLOWANCE);
            length <= NEAR_MAX_CHARS && length + allowance >= settings.near_min_chars
        });
        let raw;
        (raw, truncated) = near_pairs(representatives, &classes, files, settings, known);
        near_judged = raw
            .par_iter()
            .map(|&(a, b, similarity)| {
                (
                    (a, b, similarity),
                    judge::set_aside(a, b, Some(similarity), files),
                )
            })
            .collect();
        crossing.extend(
            raw.iter()
                .filter(|(a, b, _)| {
                    a.file != b.file
                        && !unit(*a).provision.quotation
                        && !unit(*b).provision.quotation
                })
                .map(|&(a, b, _)| (a, b)),
        );
        raw_pairs = raw;
    }

    // Statutes restate each other in runs (a new version, an interpretation of a law): a run
    // is a paste only where it breaks the numbering of the file it sits in, which is where it
    // is reported.
    let breaks_numbering =
        |first: At, length: u32| (0..length).any(|k| unit(first.plus(k)).provision.out_of_sequence);
    let blocks: Vec<Block> = pasted_blocks(crossing)
        .into_iter()
        .filter_map(|block| {
            let statutes = files[block.earlier.document()].is_statute
                && files[block.later.document()].is_statute;
            if !statutes || breaks_numbering(block.later, block.length) {
                Some(block)
            } else if breaks_numbering(block.earlier, block.length) {
                Some(Block {
                    earlier: block.later,
                    later: block.earlier,
                    length: block.length,
                })
            } else {
                None
            }
        })
        .collect();
    let in_block: FxHashSet<(At, u32)> = blocks
        .iter()
        .flat_map(|block| (0..block.length).map(move |k| (block.later.plus(k), block.earlier.file)))
        .collect();
    let absorbed = |earlier: At, later: At| {
        earlier.file != later.file && in_block.contains(&(later, earlier.file))
    };

    // A statute is the original of its text: a copy elsewhere is reported where it was put.
    let is_original = |original: At, copy: At| {
        original.file == copy.file
            || !files[copy.document()].is_statute
            || files[original.document()].is_statute
    };
    for (reason, mut copies) in exact_groups {
        if copies.len() == 2 && !is_original(copies[0], copies[1]) {
            copies.swap(0, 1);
        }
        // A group is reported on its second copy: where that is a file only read for
        // comparison, the first reported file's copy takes its place, the context file's
        // copy first (the original the reported file repeats).
        let reported = |at: &At| !files[at.document()].context;
        if !reported(&copies[1])
            && let Some(first) = copies.iter().position(reported)
        {
            if first == 0 {
                copies.swap(0, 1);
            } else {
                let copy = copies.remove(first);
                copies.insert(1, copy);
            }
        }
        let reference = copies[0];
        copies.retain(|&at| at == reference || !absorbed(reference, at));
        if copies.len() > 1 {
            diagnostics.push(exact_finding(&copies, reason, files, paths, settings));
        }
    }
    for block in &blocks {
        diagnostics.push(block_finding(block, files, paths));
    }
    if enabled.exact {
        for (index, file) in files.iter().enumerate() {
            if let Some(repeated) = &file.repeated_title {
                diagnostics.push(title_finding(index, repeated, paths));
            }
        }
    }

    let mut pairs: Vec<(RawPair, Option<SetAside>)> = near_judged
        .into_iter()
        .filter(|&((a, b, _), reason)| (reason.is_none() || report_all) && !absorbed(a, b))
        .map(|((a, b, similarity), reason)| {
            // A copy is reported on a file of the run, never on one read for comparison.
            let context = |at: At| files[at.document()].context;
            if context(b) != context(a) {
                if context(a) {
                    ((a, b, similarity), reason)
                } else {
                    ((b, a, similarity), reason)
                }
            } else if is_original(a, b) {
                ((a, b, similarity), reason)
            } else {
                ((b, a, similarity), reason)
            }
        })
        .collect();
    // One finding per later paragraph, its most similar earlier paragraph; an audit run
    // reports every pair.
    pairs.sort_by(|(x, rx), (y, ry)| {
        (x.1, rx, y.2, x.0)
            .partial_cmp(&(y.1, ry, x.2, y.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if !report_all {
        pairs.dedup_by_key(|(p, _)| p.1);
    }
    for batch in pairs.chunks(DIFF_BATCH) {
        let mut wanted: Vec<At> = batch
            .iter()
            .flat_map(|&((earlier, later, _), _)| [earlier, later])
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let ranges: Vec<(usize, Range<usize>)> = wanted
            .iter()
            .map(|&at| (at.document(), unit(at).place.span()))
            .collect();
        let found = texts(&ranges);
        let text = |at: At| {
            let index = wanted.binary_search(&at).ok()?;
            found.get(index)?.as_deref()
        };
        diagnostics.par_extend(
            batch
                .par_iter()
                .map(|&((earlier, later, similarity), reason)| {
                    let shared = sharing
                        .binary_search_by_key(&earlier, |&(first, _)| first)
                        .map_or(1, |i| sharing[i].1 as usize);
                    let diff = match (text(earlier), text(later)) {
                        (Some(old), Some(new)) => Some(diff::describe(old, new)),
                        _ => None,
                    };
                    near_finding(
                        earlier, later, similarity, reason, shared, files, paths, settings, diff,
                    )
                }),
        );
    }
    Found {
        diagnostics,
        pairs: raw_pairs,
        truncated,
    }
}

/// Clone classes larger than this are common text (formulas, addressee lines), not the
/// makings of a pasted block: their pairs are not searched for runs.
const BLOCK_CLASS_LIMIT: usize = 12;

/// Consecutive paragraphs pasted from another file together (three or more) are one block.
const BLOCK_MIN_PARAGRAPHS: u32 = 3;

/// A run of consecutive units of one file equal or near-equal, in order, to a run of
/// another file.
struct Block {
    earlier: At,
    later: At,
    length: u32,
}

/// The pasted blocks among cross-file pairs: runs where unit `i + k` of one file pairs with
/// unit `j + k` of another, for `k` below the run's length.
fn pasted_blocks(mut pairs: Vec<(At, At)>) -> Vec<Block> {
    for pair in &mut pairs {
        if pair.1 < pair.0 {
            *pair = (pair.1, pair.0);
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let present: FxHashSet<(At, At)> = pairs.iter().copied().collect();
    let step = |(a, b): (At, At)| (a.plus(1), b.plus(1));
    let mut blocks = Vec::new();
    for &pair in &pairs {
        let (a, b) = pair;
        if a.unit > 0
            && b.unit > 0
            && present.contains(&(At::new(a.file, a.unit - 1), At::new(b.file, b.unit - 1)))
        {
            continue;
        }
        let mut length = 1;
        let mut next = step(pair);
        while present.contains(&next) {
            length += 1;
            next = step(next);
        }
        if length >= BLOCK_MIN_PARAGRAPHS {
            blocks.push(Block {
                earlier: a,
                later: b,
                length,
            });
        }
    }
    blocks
}

/// The copies of a clone class grouped by judgement. Each copy is judged against the
/// nearest earlier member of its file, or the class's first member when it is the first in
/// its file; a group is led by the paragraph its first copy repeats.
fn judge_class(members: &[At], files: &[FileUnits]) -> Vec<(Option<SetAside>, Vec<At>)> {
    let mut groups: Vec<(Option<SetAside>, Vec<At>)> = Vec::new();
    let mut last_in_file: FxHashMap<u32, At> = FxHashMap::default();
    last_in_file.insert(members[0].file, members[0]);
    for &at in &members[1..] {
        let reference = last_in_file.get(&at.file).copied().unwrap_or(members[0]);
        last_in_file.insert(at.file, at);
        let file = &files[at.document()];
        let paragraph = |at: At| file.units[at.unit as usize].paragraph;
        if reference.file == at.file
            && file
                .repeated_title
                .as_ref()
                .is_some_and(|t| t.single && t.paragraphs == [paragraph(reference), paragraph(at)])
        {
            continue; // reported as a repeated title
        }
        let reason = judge::set_aside(reference, at, None, files);
        match groups.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, copies)) => copies.push(at),
            None => groups.push((reason, vec![reference, at])),
        }
    }
    groups
}

/// The near pairs among `representatives` (the first paragraph of each clone class): all
/// of them searched, or, with pairs known from the cache, only those involving a changed
/// file. Known pairs are moved to their classes' current representatives, so a re-run
/// reports what a full run would.
fn near_pairs(
    representatives: Vec<At>,
    classes: &[&[At]],
    files: &[FileUnits],
    settings: &Settings,
    known: Option<&Known>,
) -> (Vec<RawPair>, bool) {
    let unit = |at: At| unit_at(files, at);
    let changed = |at: At| known.is_none_or(|k| k.changed[at.document()]);
    let truncated = std::sync::atomic::AtomicBool::new(false);
    let search = |members: &[At], only_changed: bool| -> Vec<RawPair> {
        let items: Vec<near::Item> = members
            .iter()
            .map(|&at| near::Item {
                chars: files[at.document()].chars_of(unit(at)),
            })
            .collect();
        let found = if only_changed {
            let marks: Vec<bool> = members.iter().map(|&at| changed(at)).collect();
            near::find_pairs_involving_limited(
                &items,
                &marks,
                settings.threshold,
                near_search_min(settings),
                &near::LIMITS,
            )
        } else {
            near::find_pairs_limited(
                &items,
                settings.threshold,
                near_search_min(settings),
                &near::LIMITS,
            )
        };
        if found.truncated {
            truncated.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        found
            .pairs
            .into_iter()
            .map(|p| (members[p.earlier], members[p.later], p.similarity))
            .collect()
    };
    let mut pairs: Vec<RawPair> = match settings.scope {
        Scope::Repository => search(&representatives, known.is_some()),
        Scope::File => {
            let mut by_file: Vec<Vec<At>> = vec![Vec::new(); files.len()];
            for at in representatives.iter().copied().filter(|&at| changed(at)) {
                by_file[at.document()].push(at);
            }
            by_file
                .par_iter()
                .flat_map_iter(|members| search(members, false))
                .collect()
        }
    };
    if let Some(known) = known {
        let mut representative: FxHashMap<At, At> = FxHashMap::default();
        for members in classes {
            for &at in members.iter() {
                representative.insert(at, members[0]);
            }
        }
        let eligible: std::collections::HashSet<At> = representatives.iter().copied().collect();
        pairs.extend(known.pairs.iter().filter_map(|&(a, b, similarity)| {
            let (a, b) = (*representative.get(&a)?, *representative.get(&b)?);
            let both = eligible.contains(&a) && eligible.contains(&b) && a != b;
            let same_scope = settings.scope == Scope::Repository || a.file == b.file;
            (both && same_scope).then_some((a.min(b), a.max(b), similarity))
        }));
        pairs.sort_by_key(|p| (p.1, p.0));
        pairs.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
    }
    (pairs, truncated.into_inner())
}

fn count_files(members: &[At]) -> usize {
    let mut files: Vec<u32> = members.iter().map(|at| at.file).collect();
    files.sort_unstable();
    files.dedup();
    files.len()
}

/// A finding for a pair the judgement set aside, shown with `parallel = "report"`: `info`,
/// so that an audit run fails no more than a normal one.
fn tag_set_aside(diagnostic: &mut Diagnostic, reason: SetAside) {
    diagnostic.severity = Severity::Info;
    diagnostic.set_aside = Some(reason.as_str());
    diagnostic.fix = None;
    diagnostic.help = Some(crate::msg!("duplicate-set-aside", reason = reason.as_str()));
}

/// Within-file copies are errors; text shared by many files is common text, a warning.
fn severity(within_file: bool, files: usize, default: Severity, settings: &Settings) -> Severity {
    if within_file || files < settings.common_files {
        default
    } else {
        Severity::Warning
    }
}

fn related(files: &[FileUnits], at: At, message: Message) -> Related {
    let unit = &unit_at(files, at);
    Related {
        document: at.document(),
        span: unit.place.span(),
        start: unit.place.start(),
        message,
    }
}

/// `line 11` (`paragraph 11` in a Word file), or `path:11` when the other place is in
/// another file.
fn place(at: At, here: At, files: &[FileUnits], paths: &[String]) -> Message {
    let line = unit_at(files, at).place.start().line;
    let path = &paths[at.document()];
    let unit = crate::document::Format::from_path(path).line_unit();
    if at.file == here.file {
        crate::msg!("place-line", unit = unit, line = line)
    } else {
        crate::msg!("place-file-line", path = path, unit = unit, line = line)
    }
}

fn diagnostic_at(
    rule: RuleId,
    severity: Severity,
    at: At,
    files: &[FileUnits],
    message: Message,
) -> Diagnostic {
    let unit = unit_at(files, at);
    let mut diagnostic = Diagnostic::new(
        rule,
        severity,
        at.document(),
        unit.paragraph as usize,
        unit.place.span(),
        message,
    );
    diagnostic.start = unit.place.start();
    diagnostic.end = unit.place.end();
    diagnostic.fingerprint = unit.fingerprint;
    diagnostic
}

fn exact_finding(
    copies: &[At],
    reason: Option<SetAside>,
    files: &[FileUnits],
    paths: &[String],
    settings: &Settings,
) -> Diagnostic {
    let (first, copy) = (copies[0], copies[1]);
    let file_count = count_files(copies);
    let within_file = file_count < copies.len();
    let place = place(first, copy, files, paths);
    let message = if file_count > 1 {
        crate::msg!(
            "duplicate-paragraph-across-files",
            place = place,
            copies = copies.len(),
            files = file_count
        )
    } else if copies.len() > 2 {
        crate::msg!(
            "duplicate-paragraph-copies",
            place = place,
            copies = copies.len()
        )
    } else {
        crate::msg!("duplicate-paragraph", place = place)
    };
    let rule = &duplicate_paragraph::RULE;
    let severity = severity(within_file, file_count, rule.severity, settings);
    let mut diagnostic = diagnostic_at(rule.id(), severity, copy, files, message).with_help(
        if severity == Severity::Warning {
            crate::msg!("duplicate-paragraph-common-help")
        } else {
            crate::msg!("duplicate-paragraph-help")
        },
    );
    // Within a file, deleting the copy is the likely repair; which copy to keep across files
    // is not govlint's call.
    let unit = &unit_at(files, copy);
    if first.file == copy.file {
        diagnostic.fix = deletion(
            crate::msg!("duplicate-paragraph-fix"),
            &unit.place,
            unit.deletion,
        );
    }
    diagnostic.related.push(related(
        files,
        first,
        crate::msg!("related-first-occurrence"),
    ));
    for &at in &copies[2..] {
        diagnostic
            .related
            .push(related(files, at, crate::msg!("related-also-repeated")));
    }
    if let Some(reason) = reason {
        tag_set_aside(&mut diagnostic, reason);
    }
    diagnostic
}

/// `lines 12–14` (`paragraphs 12–14` in a Word file), or `path:12–14` when the other place
/// is in another file.
fn range_place(first: At, length: u32, here: At, files: &[FileUnits], paths: &[String]) -> Message {
    let line = |at: At| unit_at(files, at).place.start().line;
    let end = unit_at(files, first.plus(length - 1)).place.end().line;
    let path = &paths[first.document()];
    let unit = crate::document::Format::from_path(path).line_unit();
    if first.file == here.file {
        crate::msg!("place-lines", unit = unit, first = line(first), last = end)
    } else {
        crate::msg!(
            "place-file-lines",
            path = path,
            unit = unit,
            first = line(first),
            last = end
        )
    }
}

/// One finding for a block of paragraphs pasted from another file, over the whole block.
fn block_finding(block: &Block, files: &[FileUnits], paths: &[String]) -> Diagnostic {
    let rule = &duplicate_paragraph::RULE;
    let message = crate::msg!(
        "duplicate-block",
        count = block.length,
        place = range_place(block.earlier, block.length, block.later, files, paths)
    );
    let mut diagnostic = diagnostic_at(rule.id(), rule.severity, block.later, files, message)
        .with_help(crate::msg!("duplicate-block-help"));
    let last = unit_at(files, block.later.plus(block.length - 1));
    diagnostic.span.end = last.place.span().end;
    diagnostic.end = last.place.end();
    diagnostic.related.push(related(
        files,
        block.earlier,
        crate::msg!("related-first-of-block"),
    ));
    diagnostic
}

/// The fix deleting the paragraphs at `place` with their `margins` (indentation, line
/// break): unsafe, since only the editor knows which copy to keep.
fn deletion(title: Message, place: &Place, margins: Option<(u16, u8)>) -> Option<Fix> {
    let (indent, line_break) = margins?;
    Some(Fix {
        title,
        safe: false,
        edits: vec![Edit {
            range: place.span().start - usize::from(indent)
                ..place.span().end + usize::from(line_break),
            replacement: String::new(),
        }],
    })
}

/// The document's title printed again among its first paragraphs.
fn title_finding(file: usize, repeated: &RepeatedTitle, paths: &[String]) -> Diagnostic {
    let rule = &duplicate_paragraph::RULE;
    let unit = crate::document::Format::from_path(&paths[file]).line_unit();
    let message = crate::msg!(
        "duplicate-title",
        place = crate::msg!(
            "place-line",
            unit = unit,
            line = repeated.title.start().line
        )
    );
    let mut diagnostic = Diagnostic::new(
        rule.id(),
        rule.severity,
        file,
        repeated.paragraphs[1] as usize,
        repeated.copy.span(),
        message,
    )
    .with_help(crate::msg!("duplicate-title-help"));
    diagnostic.start = repeated.copy.start();
    diagnostic.end = repeated.copy.end();
    diagnostic.fingerprint = repeated.fingerprint;
    diagnostic.fix = deletion(
        crate::msg!("duplicate-title-fix"),
        &repeated.copy,
        repeated.deletion,
    );
    diagnostic.related.push(Related {
        document: file,
        span: repeated.title.span(),
        start: repeated.title.start(),
        message: crate::msg!("related-title"),
    });
    diagnostic
}

#[allow(clippy::too_many_arguments)]
fn near_finding(
    earlier: At,
    later: At,
    similarity: f64,
    reason: Option<SetAside>,
    shared: usize,
    files: &[FileUnits],
    paths: &[String],
    settings: &Settings,
    diff: Option<String>,
) -> Diagnostic {
    let percent = (similarity * 100.0).floor();
    let rule = &near_duplicate_paragraph::RULE;
    let severity = severity(
        earlier.file == later.file,
        shared + 1,
        rule.severity,
        settings,
    );
    let message = crate::msg!(
        "near-duplicate-paragraph",
        percent = percent,
        place = place(earlier, later, files, paths)
    );
    let mut diagnostic = diagnostic_at(rule.id(), severity, later, files, message)
        .with_help(crate::msg!("near-duplicate-paragraph-help"));
    diagnostic
        .related
        .push(related(files, earlier, crate::msg!("related-similar")));
    diagnostic.diff = diff;
    diagnostic.similarity = Some(similarity);
    if let Some(reason) = reason {
        tag_set_aside(&mut diagnostic, reason);
    }
    diagnostic
}
