//! Fixed wording: the official formulations whose near misses `canonical-wording` reports
//! (and the office's own terms from the configuration), read once from the data files of
//! `src/rules/data/`, and the search for their near misses.
//!
//! A near miss is a stretch of text one edit away from a term: one character substituted,
//! inserted or deleted, or two neighbours swapped (the optimal-string-alignment distance).
//! A term's first and last pieces, each just under half of it, cannot both be broken by one
//! such edit, so every near miss holds one of them where the term would: an Aho–Corasick
//! automaton of those pieces finds the few places worth comparing.

use crate::document::{Document, Paragraph};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::ops::Range;
use std::sync::LazyLock;

/// One formulation of `canonical_wording.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formulation {
    pub text: String,
    /// The document it is quoted from.
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Correct text one edit away (`有中国特色的社会主义`): never a near miss.
    #[serde(default)]
    pub legitimate_neighbours: Vec<String>,
    /// Wrong forms further than one edit that are known slips (`总书记` inserted).
    #[serde(default)]
    pub known_wrong: Vec<String>,
    /// Only the known wrong forms are searched for, no near misses.
    #[serde(default)]
    pub exact_only: bool,
}

#[derive(Deserialize)]
struct FormulationFile {
    entry: Vec<Formulation>,
}

/// The data file, as shipped.
pub const FORMULATIONS_TOML: &str = include_str!("data/canonical_wording.toml");

/// Every data file the wording rules read: what the cache's fingerprint covers.
pub const DATA_FILES: [&str; 3] = [
    FORMULATIONS_TOML,
    super::abolished_agency::AGENCIES_TOML,
    super::misspelling::MISSPELLINGS_TOML,
];

/// The shipped formulations. The file is part of the build and a test reads it, so it
/// cannot fail to parse at run time; were it to, the rule would find nothing rather than
/// stop a run.
pub static FORMULATIONS: LazyLock<Vec<Formulation>> = LazyLock::new(|| {
    toml::from_str::<FormulationFile>(FORMULATIONS_TOML)
        .map(|file| file.entry)
        .unwrap_or_default()
});

/// The shipped formulations. `LISTED` indexes their pieces with the other rules' lists.
pub static CANONICAL: LazyLock<Terms> = LazyLock::new(|| {
    Terms::unindexed(FORMULATIONS.iter().map(|f| Term {
        text: f.text.clone(),
        legitimate_neighbours: f.legitimate_neighbours.clone(),
        known_wrong: f.known_wrong.clone(),
        exact_only: f.exact_only,
    }))
});

/// What a pattern of `LISTED` is.
#[derive(Debug, Clone, Copy)]
pub enum Listing {
    /// A piece or known wrong form of a shipped formulation (`CANONICAL`).
    Formulation(Owner),
    /// The wrong form of an entry of `misspelling`'s list.
    Misspelling(usize),
    /// A name of `abolished-agency`'s list, or a longer correct word holding it.
    Agency { index: usize, exception: bool },
}

/// Every shipped list of the three wording rules in one automaton: a paragraph is read
/// once for all three (`Document::shared`), not once for each.
pub struct Listed {
    automaton: Option<AhoCorasick>,
    listings: Vec<Listing>,
}

pub static LISTED: LazyLock<Listed> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut listings = Vec::new();
    for (pattern, owner) in &CANONICAL.patterns {
        patterns.push(pattern);
        listings.push(Listing::Formulation(*owner));
    }
    for (index, entry) in super::misspelling::ENTRIES.iter().enumerate() {
        patterns.push(&entry.wrong);
        listings.push(Listing::Misspelling(index));
    }
    for (pattern, index, exception) in &super::abolished_agency::INDEX.patterns {
        patterns.push(pattern);
        listings.push(Listing::Agency {
            index: *index,
            exception: *exception,
        });
    }
    Listed {
        automaton: overlapping_automaton(&patterns),
        listings,
    }
});

/// For each paragraph of a document, the listed words found in it: the pattern's number in
/// `LISTED` and the byte range, overlapping ones too.
pub struct ListedWords(Vec<Vec<(usize, Range<usize>)>>);

impl Listed {
    fn find(&self, paragraphs: &[Paragraph]) -> ListedWords {
        ListedWords(
            paragraphs
                .iter()
                .map(|paragraph| match &self.automaton {
                    Some(automaton) => automaton
                        .find_overlapping_iter(&paragraph.text)
                        .map(|hit| (hit.pattern().as_usize(), hit.range()))
                        .collect(),
                    None => Vec::new(),
                })
                .collect(),
        )
    }

    /// The listed words of paragraph `at` of `document`, found on first use.
    pub fn in_paragraph(&self, document: &Document, at: usize) -> Vec<(Listing, Range<usize>)> {
        let words = document.shared(|document| self.find(&document.paragraphs));
        words
            .0
            .get(at)
            .into_iter()
            .flatten()
            .map(|(pattern, range)| (self.listings[*pattern], range.clone()))
            .collect()
    }

    /// The listed words of `text`, for text outside a document (the tests).
    fn in_text(&self, text: &str) -> Vec<(Listing, Range<usize>)> {
        self.automaton
            .iter()
            .flat_map(|automaton| automaton.find_overlapping_iter(text))
            .map(|hit| (self.listings[hit.pattern().as_usize()], hit.range()))
            .collect()
    }
}

/// An automaton reporting every occurrence of every pattern, overlapping ones too. A DFA
/// without a prefilter: the prefilters key on rare bytes, and the bytes of Chinese text in
/// UTF-8 are none of them rare.
fn overlapping_automaton<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(patterns)
        .ok()
}

/// The longest match at each leftmost place, as a leftmost-longest search would report
/// them: of `hits`, in any order, those that a left-to-right reading takes.
pub fn leftmost_longest<T>(mut hits: Vec<(T, Range<usize>)>) -> Vec<(T, Range<usize>)> {
    hits.sort_by_key(|(_, range)| (range.start, std::cmp::Reverse(range.end)));
    let mut taken: Vec<(T, Range<usize>)> = Vec::new();
    for hit in hits {
        if taken.last().is_none_or(|(_, last)| last.end <= hit.1.start) {
            taken.push(hit);
        }
    }
    taken
}

/// Terms shorter than this are searched for exactly only: one edit of a two- or
/// three-character name (`海门区` → `海门市`) is too often another correct name.
pub const MIN_NEAR_CHARS: usize = 4;

/// A term to hold text to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub text: String,
    pub legitimate_neighbours: Vec<String>,
    pub known_wrong: Vec<String>,
    pub exact_only: bool,
}

impl Term {
    /// A term of the office's own (`[wording] terms`): near misses searched for when it is
    /// long enough.
    pub fn user(text: &str) -> Term {
        Term {
            text: text.to_string(),
            legitimate_neighbours: Vec::new(),
            known_wrong: Vec::new(),
            exact_only: text.chars().count() < MIN_NEAR_CHARS,
        }
    }
}

/// How a near miss differs from its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Substituted,
    Swapped,
    Inserted,
    Deleted,
    /// One of the term's known wrong forms.
    KnownWrong,
}

impl Edit {
    /// Which reading of overlapping windows describes a slip best: the same length first.
    fn rank(self) -> u8 {
        match self {
            Edit::KnownWrong => 0,
            Edit::Substituted | Edit::Swapped => 1,
            Edit::Inserted => 2,
            Edit::Deleted => 3,
        }
    }
}

/// A near miss found: byte range of the text searched, the term it misses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    pub range: Range<usize>,
    pub term: usize,
    pub edit: Edit,
    /// Another term misses here too: which one was meant is not certain.
    pub ambiguous: bool,
}

/// Terms indexed for the near-miss search.
pub struct Terms {
    terms: Vec<Term>,
    /// The terms' text as characters.
    chars: Vec<Vec<char>>,
    /// The first and last piece of every term searched for near misses, and the terms'
    /// known wrong forms: one pass over a paragraph finds both.
    patterns: Vec<(String, Owner)>,
    /// `patterns` indexed; none for the shipped terms, which `LISTED` indexes.
    automaton: Option<AhoCorasick>,
}

/// What a pattern of `Terms::patterns` is.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    /// A piece of a term, starting that many characters into it.
    Piece { term: usize, offset: usize },
    /// A known wrong form of a term.
    Wrong { term: usize },
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.terms.iter().map(|t| &t.text))
            .finish()
    }
}

impl Terms {
    /// Terms with their own automaton: the office's terms of a configuration.
    pub fn new(terms: impl IntoIterator<Item = Term>) -> Terms {
        let mut terms = Terms::unindexed(terms);
        let patterns: Vec<&str> = terms.patterns.iter().map(|(p, _)| p.as_str()).collect();
        terms.automaton = overlapping_automaton(&patterns);
        terms
    }

    fn unindexed(terms: impl IntoIterator<Item = Term>) -> Terms {
        let mut deduplicated: Vec<Term> = Vec::new();
        for term in terms {
            if !term.text.is_empty() && !deduplicated.iter().any(|t| t.text == term.text) {
                deduplicated.push(term);
            }
        }
        let terms = deduplicated;
        let chars: Vec<Vec<char>> = terms.iter().map(|t| t.text.chars().collect()).collect();
        let mut patterns = Vec::new();
        for (index, term) in terms.iter().enumerate() {
            if term.exact_only {
                continue;
            }
            // The longest first and last pieces that one edit cannot both break: a swap
            // breaks two neighbours, so together they leave at least one character out.
            let n = chars[index].len();
            let piece = ((n - 1) / 2).max(1);
            for (from, to) in [(0, piece), (n - piece, n)] {
                if to > from {
                    let owner = Owner::Piece {
                        term: index,
                        offset: from,
                    };
                    patterns.push((chars[index][from..to].iter().collect::<String>(), owner));
                }
            }
        }
        for (index, term) in terms.iter().enumerate() {
            for wrong in &term.known_wrong {
                patterns.push((wrong.clone(), Owner::Wrong { term: index }));
            }
        }
        Terms {
            patterns,
            automaton: None,
            terms,
            chars,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn term(&self, index: usize) -> &Term {
        &self.terms[index]
    }

    /// The near misses and known wrong forms in `text`, in order, one per place: of
    /// overlapping readings, the known wrong form, then the longer term, then the reading
    /// of the same length as the term.
    pub fn near_misses(&self, text: &str) -> Vec<NearMiss> {
        match &self.automaton {
            Some(automaton) => self.near_misses_among(
                text,
                automaton
                    .find_overlapping_iter(text)
                    .map(|hit| (self.patterns[hit.pattern().as_usize()].1, hit.range())),
            ),
            None => self.near_misses_among(
                text,
                LISTED
                    .in_text(text)
                    .into_iter()
                    .filter_map(|(listing, range)| match listing {
                        Listing::Formulation(owner) => Some((owner, range)),
                        _ => None,
                    }),
            ),
        }
    }

    /// `near_misses`, from the places in `text` where the terms' patterns were found.
    pub fn near_misses_among(
        &self,
        text: &str,
        found_patterns: impl IntoIterator<Item = (Owner, Range<usize>)>,
    ) -> Vec<NearMiss> {
        let mut found = Vec::new();
        let mut hits = Vec::new();
        for (owner, range) in found_patterns {
            match owner {
                Owner::Wrong { term } => found.push(NearMiss {
                    range,
                    term,
                    edit: Edit::KnownWrong,
                    ambiguous: false,
                }),
                Owner::Piece { term, offset } => hits.push((range, term, offset)),
            }
        }
        // Most pieces found are pieces of the term itself, written right: the windows
        // around them need comparing only where one is not.
        if hits
            .iter()
            .any(|(hit, term, offset)| !self.is_exact_at(text, hit, *term, *offset))
        {
            self.compare_windows(text, &hits, &mut found);
        }
        found.sort_by_key(|m| {
            (
                m.range.start,
                m.edit.rank(),
                std::cmp::Reverse(self.chars[m.term].len()),
            )
        });
        let mut chosen: Vec<NearMiss> = Vec::new();
        for mut candidate in found {
            match chosen.last_mut() {
                Some(last) if candidate.range.start < last.range.end => {
                    let ambiguous = last.ambiguous
                        || (candidate.term != last.term
                            && candidate.edit != Edit::KnownWrong
                            && last.edit != Edit::KnownWrong);
                    if self.better(&candidate, last) {
                        candidate.ambiguous = ambiguous;
                        *last = candidate;
                    } else {
                        last.ambiguous = ambiguous;
                    }
                }
                _ => chosen.push(candidate),
            }
        }
        chosen
    }

    fn better(&self, candidate: &NearMiss, than: &NearMiss) -> bool {
        let key = |m: &NearMiss| (m.edit.rank(), std::cmp::Reverse(self.chars[m.term].len()));
        key(candidate) < key(than)
    }

    /// Compares the windows around each piece found with the piece's term. Only the few
    /// characters around a piece are decoded: a window starts at most one character before
    /// where the term would and ends at most one after.
    fn compare_windows(
        &self,
        text: &str,
        hits: &[(Range<usize>, usize, usize)],
        found: &mut Vec<NearMiss>,
    ) {
        // Byte ranges of the term written in full, and of the windows one edit away.
        let mut exact: Vec<(usize, Range<usize>)> = Vec::new();
        let mut candidates: Vec<(usize, Range<usize>, Edit)> = Vec::new();
        let mut places: Vec<usize> = Vec::new();
        let mut letters: Vec<char> = Vec::new();
        for (hit, term, offset) in hits {
            let (term, offset) = (*term, *offset);
            let target = &self.chars[term];
            let n = target.len();
            places.clear();
            letters.clear();
            for (at, c) in text[..hit.start].char_indices().rev().take(offset + 1) {
                places.push(at);
                letters.push(c);
            }
            places.reverse();
            letters.reverse();
            let piece_start = places.len();
            for (at, c) in text[hit.start..].char_indices().take(n - offset + 2) {
                places.push(hit.start + at);
                letters.push(c);
            }
            let end_of_letters = letters
                .last()
                .zip(places.last())
                .map_or(hit.start, |(c, at)| at + c.len_utf8());
            let byte_of = |index: usize| places.get(index).copied().unwrap_or(end_of_letters);
            for shift in [-1isize, 0, 1] {
                let Some(start) = (piece_start as isize - offset as isize + shift)
                    .try_into()
                    .ok()
                else {
                    continue;
                };
                for length in [n, n + 1, n - 1] {
                    let end = start + length;
                    if end > letters.len() {
                        continue;
                    }
                    let window = &letters[start..end];
                    let range = byte_of(start)..byte_of(end);
                    if window == target.as_slice() {
                        exact.push((term, range));
                    } else if let Some(edit) = one_edit(window, target) {
                        candidates.push((term, range, edit));
                    }
                }
            }
        }
        for (term, range, edit) in candidates {
            let overlaps_exact = exact
                .iter()
                .any(|(t, e)| *t == term && e.start < range.end && range.start < e.end);
            if overlaps_exact || self.is_legitimate(term, text, &range) {
                continue;
            }
            if !found.iter().any(|m| m.term == term && m.range == range) {
                found.push(NearMiss {
                    range,
                    term,
                    edit,
                    ambiguous: false,
                });
            }
        }
    }

    /// Whether the piece found is part of its term written in full where the term would be.
    fn is_exact_at(&self, text: &str, hit: &Range<usize>, term: usize, offset: usize) -> bool {
        let term = self.terms[term].text.as_str();
        if offset == 0 {
            text[hit.start..].starts_with(term)
        } else {
            text[..hit.end].ends_with(term)
        }
    }

    /// Whether `range` lies inside one of the term's legitimate neighbours in `text`.
    fn is_legitimate(&self, term: usize, text: &str, range: &Range<usize>) -> bool {
        self.terms[term]
            .legitimate_neighbours
            .iter()
            .any(|neighbour| {
                text.match_indices(neighbour.as_str())
                    .any(|(at, _)| at <= range.start && range.end <= at + neighbour.len())
            })
    }
}

/// The one edit that turns `target` into `window`, if exactly one does.
fn one_edit(window: &[char], target: &[char]) -> Option<Edit> {
    use std::cmp::Ordering;
    match window.len().cmp(&target.len()) {
        Ordering::Equal => {
            let mut differ = (0..target.len()).filter(|&i| window[i] != target[i]);
            match (differ.next(), differ.next(), differ.next()) {
                (Some(_), None, _) => Some(Edit::Substituted),
                (Some(a), Some(b), None)
                    if b == a + 1 && window[a] == target[b] && window[b] == target[a] =>
                {
                    Some(Edit::Swapped)
                }
                _ => None,
            }
        }
        Ordering::Greater if window.len() == target.len() + 1 => {
            one_deletion(window, target).then_some(Edit::Inserted)
        }
        Ordering::Less if window.len() + 1 == target.len() => {
            one_deletion(target, window).then_some(Edit::Deleted)
        }
        _ => None,
    }
}

/// Whether deleting one character of `longer` gives `shorter`.
fn one_deletion(longer: &[char], shorter: &[char]) -> bool {
    let same = longer
        .iter()
        .zip(shorter)
        .take_while(|(a, b)| a == b)
        .count();
    longer[same + 1..] == shorter[same..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_formulations_parse_and_each_is_long_enough() {
        let parsed: FormulationFile = toml::from_str(FORMULATIONS_TOML).expect("parses");
        assert!(parsed.entry.len() >= 20, "{}", parsed.entry.len());
        for entry in &parsed.entry {
            assert!(entry.text.chars().count() >= 6, "{}", entry.text);
            assert!(
                !entry.source.trim().is_empty(),
                "{} has no source",
                entry.text
            );
        }
        assert_eq!(CANONICAL.terms.len(), parsed.entry.len(), "no entry twice");
    }

    /// Every shipped formulation is silent on itself, on itself in a sentence, and on each
    /// of its legitimate neighbours; each of its known wrong forms is found.
    #[test]
    fn every_formulation_is_silent_on_itself_and_finds_its_known_wrong_forms() {
        for entry in FORMULATIONS.iter() {
            let text = &entry.text;
            for clean in std::iter::once(text.clone())
                .chain([format!("我们要坚持{text}，不断前进。")])
                .chain(entry.legitimate_neighbours.iter().cloned())
            {
                assert_eq!(misses(&CANONICAL, &clean), [], "{clean}");
            }
            for wrong in &entry.known_wrong {
                let found = misses(&CANONICAL, &format!("我们要坚持{wrong}，不断前进。"));
                assert_eq!(found.len(), 1, "{wrong}: {found:?}");
                assert_eq!(
                    (found[0].0.as_str(), found[0].2),
                    (wrong.as_str(), Edit::KnownWrong)
                );
            }
        }
    }

    fn misses(terms: &Terms, text: &str) -> Vec<(String, String, Edit)> {
        terms
            .near_misses(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    terms.term(m.term).text.clone(),
                    m.edit,
                )
            })
            .collect()
    }

    #[test]
    fn one_edit_of_a_term_is_found_and_the_term_itself_is_not() {
        let terms = Terms::new(["中华人民共和国国务院", "中华人民共和国"].map(Term::user));
        assert_eq!(
            misses(&terms, "中华人民共和国国务院令第1号，中华人民共和国成立。"),
            []
        );
        assert_eq!(
            misses(&terms, "根据中华人民共和国务院令"),
            [(
                "中华人民共和国务院".to_string(),
                "中华人民共和国国务院".to_string(),
                Edit::Deleted
            )]
        );
        for (text, found, edit) in [
            ("中华人民共合国", "中华人民共合国", Edit::Substituted),
            ("中华人民和共国", "中华人民和共国", Edit::Swapped),
            ("中华人民人共和国", "中华人民人共和国", Edit::Inserted),
            ("中华人民和国", "中华人民和国", Edit::Deleted),
        ] {
            let got = misses(&terms, &format!("成立{text}。"));
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!((got[0].0.as_str(), got[0].2), (found, edit), "{text}");
        }
    }

    /// The shipped formulations, read through the index they share with the other lists,
    /// miss what an index of their own finds.
    #[test]
    fn the_shared_index_finds_what_an_index_of_the_formulations_alone_finds() {
        let alone = Terms::new(FORMULATIONS.iter().map(|f| Term {
            text: f.text.clone(),
            legitimate_neighbours: f.legitimate_neighbours.clone(),
            known_wrong: f.known_wrong.clone(),
            exact_only: f.exact_only,
        }));
        let mut checked = 0;
        for entry in FORMULATIONS.iter() {
            let chars: Vec<char> = entry.text.chars().collect();
            let mut slipped = chars.clone();
            slipped.swap(1, 2);
            let slipped: String = slipped.into_iter().collect();
            for text in [
                format!("坚持{}，再接再励，区环保局{}。", entry.text, slipped),
                format!("{slipped}{slipped}国土资源部"),
            ] {
                assert_eq!(misses(&CANONICAL, &text), misses(&alone, &text), "{text}");
                checked += usize::from(!misses(&alone, &text).is_empty());
            }
        }
        assert!(checked > FORMULATIONS.len(), "{checked}");
    }

    #[test]
    fn leftmost_longest_takes_the_longest_at_the_leftmost_place_then_moves_past_it() {
        let hits = vec![
            ("b", 2..4),
            ("long", 0..6),
            ("a", 0..2),
            ("c", 6..8),
            ("d", 7..9),
        ];
        assert_eq!(leftmost_longest(hits), [("long", 0..6), ("c", 6..8)]);
    }

    #[test]
    fn short_terms_are_exact_only_and_neighbours_are_left_alone() {
        let terms = Terms::new([Term::user("海门区")]);
        assert_eq!(misses(&terms, "海门市海门县海门港"), []);
        let mut term = Term::user("中国特色社会主义");
        term.legitimate_neighbours = vec!["有中国特色的社会主义".into()];
        let terms = Terms::new([term]);
        assert_eq!(misses(&terms, "建设有中国特色的社会主义"), []);
        assert_eq!(misses(&terms, "坚持中国特色社会主意").len(), 1);
    }
}
