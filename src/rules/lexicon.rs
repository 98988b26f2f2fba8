//! Fixed wording: the official formulations whose near misses `canonical-wording` reports
//! (and the office's own terms from the configuration), read once from the data files of
//! `src/rules/data/`, and the search for their near misses.
//!
//! A near miss is a stretch of text one edit away from a term: one character substituted,
//! inserted or deleted, or two neighbours swapped (the optimal-string-alignment distance).
//! A term's first and last pieces, each just under half of it, cannot both be broken by one
//! such edit, so every near miss holds one of them where the term would: an Aho–Corasick
//! automaton of those pieces finds the few places worth comparing.

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

/// The shipped formulations, indexed.
pub static CANONICAL: LazyLock<Terms> = LazyLock::new(|| {
    Terms::new(FORMULATIONS.iter().map(|f| Term {
        text: f.text.clone(),
        legitimate_neighbours: f.legitimate_neighbours.clone(),
        known_wrong: f.known_wrong.clone(),
        exact_only: f.exact_only,
    }))
});

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
    patterns: Option<AhoCorasick>,
    owners: Vec<Owner>,
}

/// What a pattern of `Terms::patterns` is.
#[derive(Debug, Clone, Copy)]
enum Owner {
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
    pub fn new(terms: impl IntoIterator<Item = Term>) -> Terms {
        let mut deduplicated: Vec<Term> = Vec::new();
        for term in terms {
            if !term.text.is_empty() && !deduplicated.iter().any(|t| t.text == term.text) {
                deduplicated.push(term);
            }
        }
        let terms = deduplicated;
        let chars: Vec<Vec<char>> = terms.iter().map(|t| t.text.chars().collect()).collect();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
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
                    patterns.push(chars[index][from..to].iter().collect::<String>());
                    owners.push(Owner::Piece {
                        term: index,
                        offset: from,
                    });
                }
            }
        }
        for (index, term) in terms.iter().enumerate() {
            for wrong in &term.known_wrong {
                patterns.push(wrong.clone());
                owners.push(Owner::Wrong { term: index });
            }
        }
        // A DFA without a prefilter: the prefilters key on rare bytes, and the bytes of
        // Chinese text in UTF-8 are none of them rare.
        let patterns = (!patterns.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        Terms {
            patterns,
            owners,
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
        let mut found = Vec::new();
        if let Some(patterns) = &self.patterns {
            let mut hits = Vec::new();
            for hit in patterns.find_overlapping_iter(text) {
                match self.owners[hit.pattern().as_usize()] {
                    Owner::Wrong { term } => found.push(NearMiss {
                        range: hit.range(),
                        term,
                        edit: Edit::KnownWrong,
                        ambiguous: false,
                    }),
                    Owner::Piece { term, offset } => hits.push((hit, term, offset)),
                }
            }
            // Most pieces found are pieces of the term itself, written right: the windows
            // around them need comparing only where one is not.
            if hits
                .iter()
                .any(|&(hit, term, offset)| !self.is_exact_at(text, &hit, term, offset))
            {
                let chars: Vec<(usize, char)> = text.char_indices().collect();
                self.compare_windows(text, &chars, &hits, &mut found);
            }
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

    /// Compares the windows around each piece found with the piece's term.
    fn compare_windows(
        &self,
        text: &str,
        chars: &[(usize, char)],
        hits: &[(aho_corasick::Match, usize, usize)],
        found: &mut Vec<NearMiss>,
    ) {
        let char_at = |byte: usize| chars.partition_point(|&(at, _)| at < byte);
        let byte_of = |index: usize| chars.get(index).map_or(text.len(), |&(at, _)| at);
        let letters: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
        let mut exact: Vec<(usize, Range<usize>)> = Vec::new();
        let mut candidates: Vec<(usize, Range<usize>, Edit)> = Vec::new();
        for &(hit, term, offset) in hits {
            let target = &self.chars[term];
            let n = target.len();
            let piece_start = char_at(hit.start());
            for shift in [-1isize, 0, 1] {
                let Some(start) = (piece_start as isize - offset as isize + shift)
                    .try_into()
                    .ok()
                else {
                    continue;
                };
                for length in [n, n + 1, n - 1] {
                    let end = start + length;
                    if end > chars.len() {
                        continue;
                    }
                    let window = &letters[start..end];
                    if window == target.as_slice() {
                        exact.push((term, start..end));
                    } else if let Some(edit) = one_edit(window, target) {
                        candidates.push((term, start..end, edit));
                    }
                }
            }
        }
        for (term, window, edit) in candidates {
            let overlaps_exact = exact
                .iter()
                .any(|(t, e)| *t == term && e.start < window.end && window.start < e.end);
            let range = byte_of(window.start)..byte_of(window.end);
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
    fn is_exact_at(
        &self,
        text: &str,
        hit: &aho_corasick::Match,
        term: usize,
        offset: usize,
    ) -> bool {
        let term = self.terms[term].text.as_str();
        if offset == 0 {
            text[hit.start()..].starts_with(term)
        } else {
            text[..hit.end()].ends_with(term)
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
            let differ: Vec<usize> = (0..target.len())
                .filter(|&i| window[i] != target[i])
                .collect();
            match differ[..] {
                [_] => Some(Edit::Substituted),
                [a, b] if b == a + 1 && window[a] == target[b] && window[b] == target[a] => {
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
