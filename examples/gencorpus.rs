//! Generates a benchmark corpus for the duplicate phase: documents shaped like real ones
//! (title, section headings `一、…`, numbered items `（一）…`/`1.…`, list leads ending in `：`,
//! plain paragraphs) with realistic pastes planted in them, and a `truth.tsv` listing every
//! planted pair with its kind and its similarity.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --paragraphs 300000 --out target/bench/300000 \
//!     [--source ../shared/corpus/gov] [--seed 7] [--per-file 40] [--pastes N] [--overlap]
//! ```
//!
//! Each kind of paste is tried `--pastes` times (one per 250 paragraphs unless given); the
//! copies of the first generator (`exact`, `format`, `near`) are 1 paragraph in 100. A
//! corpus already generated into `--out` by this generator with the same arguments is kept
//! (`generated.txt` records them).
//!
//! Documents are chunks of at most `--per-file` consecutive lines of the documents of
//! `--source` (every `.txt` under it; the fixtures when no source is given), headings and
//! numbered items included. The first use of each source document is verbatim; every later
//! use, once the source is exhausted, is disguised: labels kept, half of the Han characters,
//! digits and Latin letters replaced (retried until no other paragraph has the same
//! normalized text), so that a large corpus holds no accidental copies. One chunk in
//! `EDITION_EVERY` is followed by a disguised next edition of itself: a series (two years'
//! reports of one office), for the pastes across a series. `--overlap` disguises by
//! replacing sentences with verbatim sentences of the source instead: each is then shared
//! by several paragraphs, a stress case for the near-duplicate index.
//!
//! Verbatim documents keep the duplicates the source has (the same paragraph in two real
//! documents): natural pairs, found by govlint but in no truth line. Pastes are planted only
//! on paragraphs that are in no such pair (no other paragraph with the same normalized
//! text, none at the near threshold), so that each planted copy's only match is its source
//! and the recall (`examples/recall.rs`) counts planted pairs alone. Every planted place is
//! a paragraph govlint reads as one (a unit of the duplicate phase: not a heading, a
//! fragment of a broken line, a record line or an allowlisted formula), in a file that is
//! not a statute (statutes repeat provisions by design, and govlint sets them aside).
//!
//! Each copy replaces another paragraph of the same kind (a plain paragraph a plain one, a
//! numbered item an item), so the documents keep their length and structure. The kinds, in
//! the `kind` column (`edit_rate` is for `near` only):
//! - `exact`, `format` (ASCII punctuation, indentation), `near` (1–15% of the characters
//!   edited): a paragraph copied over another one anywhere, in its file or another;
//! - `exact-moved`: a paragraph copied exactly into another numbered part of its document;
//! - `words-1`, `words-2`, `words-3`: a copy in the same document with 1–3 words (2–4 Han
//!   characters) replaced by others;
//! - `figures`: a copy with every number changed (`2023年`→`2025年`, `15.6%`→`38.2%`);
//! - `clause-dropped`, `clause-added`: a copy with one clause (between two `，`/`；`)
//!   removed, or one inserted;
//! - `relabelled`: a numbered item pasted into another list of its document under that
//!   list's label (`（三）…` as `（五）…`); `relabelled-near` also has 1–2 words changed;
//! - `series-exact`, `series-near`: a paragraph of a document copied into the same place of
//!   its next edition, exactly or with 1–3 words changed.
//!
//! `similarity` is govlint's (1 - edits / longer length, on normalized text); `placement`
//! says whether the two places are in the same numbered part of one file (the nearest
//! numbered paragraph before them), in different ones, or in different files.

use govlint::dedup::structure::{self, Provision};
use govlint::dedup::{NEAR_MAX_CHARS, Settings, file_units, near};
use govlint::document::normalize::normalize;
use govlint::document::source::Source;
use govlint::document::{Document, Format};
use govlint::text::{is_han, leading_label};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// The generator's own source: a corpus that another version of it generated is generated
/// again, not reused.
const GENERATOR: [&str; 2] = [include_str!("gencorpus.rs"), include_str!("support/rng.rs")];

/// One chunk in this many is followed by its next edition.
const EDITION_EVERY: usize = 4;

struct Args {
    paragraphs: usize,
    out: PathBuf,
    source: Option<PathBuf>,
    seed: u64,
    per_file: usize,
    /// Pastes of each kind tried (fewer are planted when too few places fit).
    pastes: Option<usize>,
    /// Disguise paragraphs with verbatim sentences of the source.
    overlap: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        paragraphs: 300_000,
        out: PathBuf::from("target/bench/corpus"),
        source: None,
        seed: 7,
        per_file: 40,
        pastes: None,
        overlap: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--overlap" {
            args.overlap = true;
            continue;
        }
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--paragraphs" => args.paragraphs = value.parse().expect("--paragraphs is a number"),
            "--out" => args.out = PathBuf::from(value),
            "--source" => args.source = Some(PathBuf::from(value)),
            "--seed" => args.seed = value.parse().expect("--seed is a number"),
            "--per-file" => args.per_file = value.parse().expect("--per-file is a number"),
            "--pastes" => args.pastes = Some(value.parse().expect("--pastes is a number")),
            other => panic!("unknown flag {other}"),
        }
    }
    assert!(args.per_file > 0, "--per-file is at least 1");
    args
}

/// The non-empty lines, trimmed, of every `.txt` under `dir`, a document per file, in the
/// order of their paths.
fn documents(dir: &Path) -> Vec<Vec<String>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("source directory is readable") {
                stack.push(entry.expect("directory entry").path());
            }
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    files
        .iter()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .map(|text| {
            text.lines()
                .map(|line| line.trim_matches(|c: char| c.is_whitespace()).to_string())
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect()
}

/// Sentences (ending in `。！？；`) of at least 8 characters, not numbered, for `--overlap`.
fn sentences(documents: &[Vec<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for line in documents.iter().flatten() {
        let mut sentence = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            sentence.push(c);
            if "。！？；".contains(c) {
                // Closing marks after the stop belong to the sentence.
                while let Some(&close) = chars.peek().filter(|c| "”’）》」』".contains(**c))
                {
                    sentence.push(close);
                    chars.next();
                }
                let plain = leading_label(&sentence).is_none()
                    && !sentence.starts_with(['”', '’', '）', '》', '」', '』', '，', '、', '：']);
                if sentence.chars().count() >= 8 && plain {
                    out.push(std::mem::take(&mut sentence));
                }
                sentence.clear();
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Words to put in place of others: the Han sequences of 2–4 characters the source repeats
/// most (without a word segmenter, most of them are words or set phrases).
fn vocabulary(documents: &[Vec<String>]) -> Vec<String> {
    const PER_LENGTH: usize = 1500;
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for line in documents.iter().flatten() {
        let starts: Vec<(usize, char)> = line.char_indices().collect();
        for (i, &(start, c)) in starts.iter().enumerate() {
            if !is_han(c) {
                continue;
            }
            for n in 2..=4 {
                let Some(last) = starts.get(i + n - 1) else {
                    break;
                };
                if !starts[i..i + n].iter().all(|&(_, c)| is_han(c)) {
                    break;
                }
                let end = last.0 + last.1.len_utf8();
                *counts.entry(&line[start..end]).or_default() += 1;
            }
        }
    }
    let mut words = Vec::new();
    for n in 2..=4 {
        let mut of_length: Vec<(&str, u32)> = counts
            .iter()
            .filter(|(word, count)| {
                word.chars().count() == n
                    && **count >= 3
                    && !word.starts_with(PARTICLES)
                    && !word.ends_with(PARTICLES)
            })
            .map(|(word, count)| (*word, *count))
            .collect();
        of_length.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        words.extend(
            of_length
                .into_iter()
                .take(PER_LENGTH)
                .map(|(w, _)| w.to_string()),
        );
    }
    words
}

/// Characters that rarely begin or end a word (particles, conjunctions, prepositions).
const PARTICLES: &[char] = &[
    '的', '了', '和', '与', '及', '或', '是', '在', '对', '把', '被', '为', '等', '之',
];

/// Clauses to insert: text between two `，`/`；` of the source, 4–14 characters, Han only.
fn clauses(documents: &[Vec<String>]) -> Vec<String> {
    let mut out: Vec<String> = documents
        .iter()
        .flatten()
        .flat_map(|line| {
            let pieces: Vec<&str> = line.split(['，', '；']).collect();
            // The first and last pieces are not between two separators.
            let inner = pieces.len().saturating_sub(2);
            pieces.into_iter().skip(1).take(inner)
        })
        .filter(|clause| (4..=14).contains(&clause.chars().count()) && clause.chars().all(is_han))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";

/// The label a numbered paragraph opens with, as written (`（三）`, `1.`, `一、`, `一是`),
/// with the spaces after it: what a relabelled copy changes.
fn label_prefix(text: &str) -> &str {
    let Some(label) = leading_label(text) else {
        return "";
    };
    let rest = text[label.len()..].trim_start_matches(['、', '．', '.', ' ', '\u{3000}']);
    &text[..text.len() - rest.len()]
}

/// The kind of numbering a label belongs to: `（一）`, `1.`, `一、`, `一是`, `其一`, `①`.
fn family(label: &str) -> u8 {
    let first = label.chars().next().unwrap_or_default();
    if first == '（' || first == '(' {
        0
    } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        1
    } else if label.ends_with('是') {
        2
    } else if first == '其' {
        3
    } else if ('①'..='⑳').contains(&first) {
        4
    } else {
        5
    }
}

/// Replaces `rate` of the Han characters, digits and Latin letters of `text` (punctuation
/// stays).
fn rewrite(rng: &mut Rng, text: &str, rate: f64) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let threshold = (rate * 1000.0) as usize;
    text.chars()
        .map(|c| {
            if rng.below(1000) >= threshold {
                return c;
            }
            if is_han(c) {
                han[rng.below(han.len())]
            } else if c.is_ascii_digit() {
                char::from(b'0' + rng.below(10) as u8)
            } else if c.is_ascii_alphabetic() {
                char::from(b'a' + rng.below(26) as u8)
            } else {
                c
            }
        })
        .collect()
}

/// Applies edits to `rate` of the characters: substitutions, insertions and deletions of
/// Han characters, never touching the first and last character.
fn edit(rng: &mut Rng, text: &str, rate: f64) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let mut chars: Vec<char> = text.chars().collect();
    let edits = ((chars.len() as f64 * rate).round() as usize).max(1);
    for _ in 0..edits {
        if chars.len() < 4 {
            break;
        }
        let at = 1 + rng.below(chars.len() - 2);
        let replacement = han[rng.below(han.len())];
        match rng.below(3) {
            0 => chars[at] = replacement,
            1 => chars.insert(at, replacement),
            _ => {
                chars.remove(at);
            }
        }
    }
    chars.into_iter().collect()
}

/// The same words in another typing: ASCII punctuation, indentation, a stray space.
fn reformat(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    format!("\u{3000}\u{3000}{folded} ")
}

/// A hash of normalized text, to tell paragraphs apart.
fn hash_of(normalized: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    normalized.hash(&mut hasher);
    hasher.finish()
}

/// What plants copies: the random source, and the material edits take words from.
struct Writer {
    rng: Rng,
    vocabulary: Vec<String>,
    /// The same words, to look them up.
    known: HashSet<String>,
    clauses: Vec<String>,
    sentences: Vec<String>,
    overlap: bool,
    /// Hashes of the normalized text of every paragraph generated so far (30 characters or
    /// more): a disguised paragraph is never a copy of one of them.
    seen: HashSet<u64>,
}

impl Writer {
    /// Keeps a verbatim paragraph, noting its text.
    fn keep(&mut self, text: &str) -> String {
        let normalized = normalize(text);
        if normalized.chars().count() >= 30 {
            self.seen.insert(hash_of(&normalized));
        }
        text.to_string()
    }

    /// A paragraph of the same shape as `text` with other text: its label kept, the rest
    /// half rewritten (or, with `--overlap`, made of verbatim sentences of the source).
    fn disguise(&mut self, text: &str) -> String {
        let label = label_prefix(text);
        let body = &text[label.len()..];
        let mut attempt = String::new();
        for _ in 0..8 {
            attempt = if self.overlap && body.chars().count() >= 8 {
                let mut made = label.to_string();
                while made.len() < text.len() {
                    made.push_str(&self.sentences[self.rng.below(self.sentences.len())]);
                }
                made
            } else {
                label.to_string() + &rewrite(&mut self.rng, body, 0.5)
            };
            let normalized = normalize(&attempt);
            if normalized.chars().count() < 30 || self.seen.insert(hash_of(&normalized)) {
                break;
            }
        }
        attempt
    }

    /// `text` with `count` words (2–4 Han characters, after its label) replaced by other
    /// words, preferably words of the vocabulary; `None` when it has too few.
    fn replace_words(&mut self, text: &str, count: usize) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let first = label_prefix(text).chars().count();
        // Spans (start, length) of Han runs: vocabulary words first, any run of 2–4 else.
        let mut words = Vec::new();
        let mut others = Vec::new();
        for start in first..chars.len() {
            for n in 2..=4 {
                if start + n > chars.len() || !chars[start..start + n].iter().all(|&c| is_han(c)) {
                    break;
                }
                let word: String = chars[start..start + n].iter().collect();
                if self.known.contains(&word) {
                    words.push((start, n));
                } else {
                    others.push((start, n));
                }
            }
        }
        let mut chosen: Vec<(usize, usize)> = Vec::new();
        for pool in [words, others] {
            for _ in 0..pool.len().min(50) {
                if chosen.len() == count {
                    break;
                }
                let (start, n) = pool[self.rng.below(pool.len())];
                if chosen.iter().all(|&(s, m)| start + n < s || s + m < start) {
                    chosen.push((start, n));
                }
            }
        }
        if chosen.len() < count {
            return None;
        }
        chosen.sort_unstable();
        let mut out = String::new();
        let mut at = 0;
        for (start, n) in chosen {
            out.extend(&chars[at..start]);
            let old: String = chars[start..start + n].iter().collect();
            let new = loop {
                let word = &self.vocabulary[self.rng.below(self.vocabulary.len())];
                if *word != old {
                    break word;
                }
            };
            out.push_str(new);
            at = start + n;
        }
        out.extend(&chars[at..]);
        Some(out)
    }

    /// `text` with every number (digits, ASCII or full-width, with their decimal points)
    /// changed: a year `2023年` moves by one to three years, other numbers get other digits.
    /// `None` when it has no number.
    fn change_figures(&mut self, text: &str) -> Option<String> {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut changed = false;
        let mut i = 0;
        while i < chars.len() {
            if !digit(chars[i]) {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (digit(chars[i])
                    || ("．.".contains(chars[i]) && chars.get(i + 1).is_some_and(|&c| digit(c))))
            {
                i += 1;
            }
            let number = &chars[start..i];
            let wide = ('０'..='９').contains(&number[0]);
            let value = |c: char| {
                if wide {
                    c as u32 - '０' as u32
                } else {
                    c as u32 - '0' as u32
                }
            };
            let shown = |v: u32| {
                char::from_u32(if wide {
                    '０' as u32 + v
                } else {
                    '0' as u32 + v
                })
                .expect("a digit")
            };
            let is_year = number.len() == 4
                && number.iter().all(|&c| digit(c))
                && chars.get(i) == Some(&'年')
                && (1900..2100).contains(&number.iter().fold(0, |n, &c| n * 10 + value(c)));
            // A day or a month stays one.
            let most = match chars.get(i) {
                Some('日') => 28,
                Some('月') => 12,
                _ => 0,
            };
            let new: Vec<char> = if is_year {
                let year = number.iter().fold(0, |n, &c| n * 10 + value(c));
                let moved = year + 1 + self.rng.below(3) as u32;
                moved
                    .to_string()
                    .chars()
                    .map(|c| shown(c as u32 - '0' as u32))
                    .collect()
            } else if most > 0 && number.len() <= 2 && number.iter().all(|&c| digit(c)) {
                let old = number.iter().fold(0, |n, &c| n * 10 + value(c));
                let mut day = 1 + self.rng.below(most - 1) as u32;
                if day >= old {
                    day += 1;
                }
                day.to_string()
                    .chars()
                    .map(|c| shown(c as u32 - '0' as u32))
                    .collect()
            } else {
                loop {
                    let new: Vec<char> = number
                        .iter()
                        .enumerate()
                        .map(|(k, &c)| {
                            if !digit(c) {
                                c
                            } else if k == 0 && number.len() > 1 && digit(number[1]) {
                                shown(1 + self.rng.below(9) as u32)
                            } else {
                                shown(self.rng.below(10) as u32)
                            }
                        })
                        .collect();
                    if new != number {
                        break new;
                    }
                }
            };
            out.extend(new);
            changed = true;
        }
        changed.then_some(out)
    }

    /// `text` without one clause: the text after a `，`/`；` up to and with the next one.
    fn drop_clause(&mut self, text: &str) -> Option<String> {
        let from = label_prefix(text).len();
        let separators: Vec<usize> = text
            .char_indices()
            .filter(|&(at, c)| at >= from && (c == '，' || c == '；'))
            .map(|(at, _)| at)
            .collect();
        if separators.len() < 2 {
            return None;
        }
        let k = self.rng.below(separators.len() - 1);
        let (keep_to, resume) = (
            separators[k] + '，'.len_utf8(),
            separators[k + 1] + '，'.len_utf8(),
        );
        Some(format!("{}{}", &text[..keep_to], &text[resume..]))
    }

    /// `text` with a clause of the source inserted after one of its `，`/`；`.
    fn add_clause(&mut self, text: &str) -> Option<String> {
        let from = label_prefix(text).len();
        let separators: Vec<usize> = text
            .char_indices()
            .filter(|&(at, c)| at >= from && (c == '，' || c == '；'))
            .map(|(at, c)| at + c.len_utf8())
            .collect();
        if separators.is_empty() {
            return None;
        }
        let at = separators[self.rng.below(separators.len())];
        let clause = &self.clauses[self.rng.below(self.clauses.len())];
        Some(format!("{}{clause}，{}", &text[..at], &text[at..]))
    }
}

/// The kinds of planted copies.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Exact,
    Format,
    Near(f64),
    ExactMoved,
    Words(usize),
    Figures,
    ClauseDropped,
    ClauseAdded,
    Relabelled,
    RelabelledNear,
    SeriesExact,
    SeriesNear,
}

impl Kind {
    fn name(self) -> String {
        match self {
            Kind::Exact => "exact".into(),
            Kind::Format => "format".into(),
            Kind::Near(_) => "near".into(),
            Kind::ExactMoved => "exact-moved".into(),
            Kind::Words(n) => format!("words-{n}"),
            Kind::Figures => "figures".into(),
            Kind::ClauseDropped => "clause-dropped".into(),
            Kind::ClauseAdded => "clause-added".into(),
            Kind::Relabelled => "relabelled".into(),
            Kind::RelabelledNear => "relabelled-near".into(),
            Kind::SeriesExact => "series-exact".into(),
            Kind::SeriesNear => "series-near".into(),
        }
    }

    fn is_exact(self) -> bool {
        matches!(
            self,
            Kind::Exact | Kind::Format | Kind::ExactMoved | Kind::SeriesExact
        )
    }

    /// The fewest normalized characters of a paragraph planted: the length from which
    /// govlint compares paragraphs for this kind of copy.
    fn min_chars(self, settings: &Settings) -> usize {
        if self.is_exact() {
            settings.exact_min_chars
        } else {
            settings.near_min_chars
        }
    }
}

/// What the generator knows of a paragraph govlint reads as one (a unit).
struct Slot {
    /// Normalized characters.
    chars: usize,
    /// Usable as a source: not a heading or a series formula, and in no natural pair.
    alone: bool,
    provision: Provision,
    /// An item of a list (an enumerator label, not a date or an article).
    is_item: bool,
    is_plain: bool,
}

/// A generated file: its paragraphs, one per line.
struct File {
    paragraphs: Vec<String>,
    /// The file this one is the next edition of.
    edition_of: Option<usize>,
}

/// The slots of each paragraph of `file` (`None` where govlint sees no unit), and whether
/// the file is a statute; with the normalized characters of its units.
fn slots_of(file: &File, settings: &Settings) -> (Vec<Option<Slot>>, bool, Vec<Vec<u16>>) {
    let text = file.paragraphs.join("\n") + "\n";
    let document = Document::new(Source::new("doc.txt", text), Format::PlainText);
    let units = file_units(&document, settings);
    let provisions = structure::provisions(&document);
    let mut slots: Vec<Option<Slot>> = (0..file.paragraphs.len()).map(|_| None).collect();
    let mut chars = vec![Vec::new(); file.paragraphs.len()];
    for unit in &units.units {
        let (start, end) = (unit.place.start().line, unit.place.end().line);
        if start != end || start == 0 || start > file.paragraphs.len() {
            continue;
        }
        let index = start - 1;
        let text = &file.paragraphs[index];
        let label = leading_label(text);
        let is_date = label.is_some_and(|l| l.contains('年'));
        let is_article = label.is_some_and(|l| l.starts_with('第') && l.ends_with('条'));
        let unit_chars = units.chars_of(unit).to_vec();
        slots[index] = Some(Slot {
            chars: unit_chars.len(),
            // Quotations are set aside by design, as statutes are.
            alone: !unit.is_heading && !unit.is_series_formula && !unit.provision.quotation,
            provision: provisions[unit.paragraph as usize].clone(),
            is_item: label.is_some() && !is_date && !is_article,
            is_plain: label.is_none(),
        });
        chars[index] = unit_chars;
    }
    (slots, units.is_statute, chars)
}

/// A planted pair: kind, similarity, placement, (file, paragraph) of source and copy.
struct Planted {
    kind: Kind,
    similarity: f64,
    placement: &'static str,
    source: (usize, usize),
    copy: (usize, usize),
}

/// The places pastes may use, and those they have used.
struct Places {
    slots: Vec<Vec<Option<Slot>>>,
    taken: HashSet<(usize, usize)>,
    /// Per file (none in a statute): its plain paragraphs and its numbered items that may
    /// take part in a paste (see `source` and `target`).
    plain: Vec<Vec<usize>>,
    items: Vec<Vec<usize>>,
    /// Files with at least two such plain paragraphs, with at least two items, and the
    /// next editions whose first edition is not a statute either.
    with_plain: Vec<usize>,
    with_items: Vec<usize>,
    editions: Vec<usize>,
}

impl Places {
    fn new(slots: Vec<Vec<Option<Slot>>>, statute: Vec<bool>, files: &[File]) -> Places {
        let listed = |f: usize, keep: fn(&Slot) -> bool| -> Vec<usize> {
            if statute[f] {
                return Vec::new();
            }
            // Not the first line: without a sentence stop, it is read as the title.
            (1..slots[f].len())
                .filter(|&i| slots[f][i].as_ref().is_some_and(|s| s.alone && keep(s)))
                .collect()
        };
        let plain: Vec<Vec<usize>> = (0..slots.len())
            .map(|f| listed(f, |s| s.is_plain))
            .collect();
        let items: Vec<Vec<usize>> = (0..slots.len()).map(|f| listed(f, |s| s.is_item)).collect();
        let at_least_two = |lists: &[Vec<usize>]| -> Vec<usize> {
            (0..lists.len()).filter(|&f| lists[f].len() >= 2).collect()
        };
        let editions = (0..files.len())
            .filter(|&f| files[f].edition_of.is_some_and(|e| !statute[e]) && !statute[f])
            .collect();
        Places {
            with_plain: at_least_two(&plain),
            with_items: at_least_two(&items),
            editions,
            plain,
            items,
            slots,
            taken: HashSet::new(),
        }
    }

    fn slot(&self, (file, index): (usize, usize)) -> Option<&Slot> {
        self.slots[file][index].as_ref()
    }

    /// A paragraph that may be copied: alone (see `Slot`), long enough, not used yet.
    fn source(&self, at: (usize, usize), min_chars: usize) -> Option<&Slot> {
        self.slot(at)
            .filter(|s| s.alone && s.chars >= min_chars && !self.taken.contains(&at))
    }

    /// A paragraph a copy may replace: as `source`, whatever its length.
    fn target(&self, at: (usize, usize)) -> Option<&Slot> {
        self.source(at, 0)
    }
}

/// One of `list`, at random.
fn pick(rng: &mut Rng, list: &[usize]) -> Option<usize> {
    (!list.is_empty()).then(|| list[rng.below(list.len())])
}

fn main() {
    let args = parse_args();
    let stamp = format!(
        "gencorpus {:016x}: --paragraphs {} --source {} --seed {} --per-file {} --pastes {} \
         --overlap {}\n",
        hash_of(&GENERATOR.concat()),
        args.paragraphs,
        args.source
            .as_ref()
            .map_or("(fixtures)".into(), |s| s.display().to_string()),
        args.seed,
        args.per_file,
        args.pastes.map_or("(default)".into(), |n| n.to_string()),
        args.overlap,
    );
    let stamp_path = args.out.join("generated.txt");
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp)
        && args.out.join("truth.tsv").is_file()
    {
        eprintln!("{} is up to date", args.out.display());
        return;
    }
    // Written last: a run cut short leaves no stamp.
    let _ = std::fs::remove_file(&stamp_path);
    let source_dir = args
        .source
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures"));
    let sources = documents(&source_dir);
    assert!(
        sources.len() > 1,
        "too few source documents ({})",
        sources.len()
    );
    let settings = Settings::default();
    let vocabulary = vocabulary(&sources);
    let mut writer = Writer {
        rng: Rng::new(args.seed),
        known: vocabulary.iter().cloned().collect(),
        vocabulary,
        clauses: clauses(&sources),
        sentences: sentences(&sources),
        overlap: args.overlap,
        seen: HashSet::new(),
    };
    assert!(
        writer.vocabulary.len() > 50 && writer.clauses.len() > 50 && writer.sentences.len() > 50,
        "too little source text"
    );

    let mut files = build_files(&args, &sources, &mut writer);
    let views: Vec<_> = files
        .par_iter()
        .map(|file| slots_of(file, &settings))
        .collect();
    let (mut slots, mut statute, mut chars) = (Vec::new(), Vec::new(), Vec::new());
    for (file_slots, is_statute, file_chars) in views {
        slots.push(file_slots);
        statute.push(is_statute);
        chars.push(file_chars);
    }
    set_aside_natural_pairs(&mut slots, &chars, &settings);
    drop(chars);
    let mut places = Places::new(slots, statute, &files);

    let pastes = args.pastes.unwrap_or((args.paragraphs / 250).max(1));
    let mut wanted: Vec<(Kind, usize)> = [
        Kind::Relabelled,
        Kind::RelabelledNear,
        Kind::SeriesExact,
        Kind::SeriesNear,
        Kind::ExactMoved,
        Kind::Words(1),
        Kind::Words(2),
        Kind::Words(3),
        Kind::Figures,
        Kind::ClauseDropped,
        Kind::ClauseAdded,
    ]
    .map(|kind| (kind, pastes))
    .to_vec();
    // The copies of the first generator: 1 paragraph in 100, by edit rate.
    let rates = [0.0, 0.0, 0.01, 0.03, 0.05, 0.08, 0.10, 0.12, 0.15];
    let injections = args.paragraphs / 100;
    for (n, &rate) in rates.iter().enumerate() {
        let kind = match n {
            0 => Kind::Exact,
            1 => Kind::Format,
            _ => Kind::Near(rate),
        };
        let count = injections / rates.len() + usize::from(n < injections % rates.len());
        wanted.push((kind, count));
    }
    // A paste of each kind in turn, so that kinds competing for scarce places (numbered
    // items in two lists) share them; a kind gives up after 30 tries per paste wanted.
    let mut planted = Vec::new();
    let mut made = vec![0; wanted.len()];
    let most = wanted.iter().map(|w| w.1).max().unwrap_or(0);
    for _ in 0..30 * most {
        let mut wanting = false;
        for (k, &(kind, count)) in wanted.iter().enumerate() {
            if made[k] == count {
                continue;
            }
            wanting = true;
            if let Some(p) = plant_one(kind, &mut writer, &mut files, &mut places, &settings) {
                planted.push(p);
                made[k] += 1;
            }
        }
        if !wanting {
            break;
        }
    }
    for (&(kind, count), &made) in wanted.iter().zip(&made) {
        if made < count {
            eprintln!("{}: {made} of {count} planted", kind.name());
        }
    }

    // The truth by kind, in the order above.
    planted.sort_by_key(|p| wanted.iter().position(|w| w.0 == p.kind));
    let planted = check_planted(planted, &files, &settings);
    write_corpus(&args, &files, &planted);
    std::fs::write(&stamp_path, stamp).expect("stamp can be written");
}

/// Chunks of the source documents, verbatim on their first use and disguised after, and
/// next editions of some of them, up to `args.paragraphs` paragraphs.
fn build_files(args: &Args, sources: &[Vec<String>], writer: &mut Writer) -> Vec<File> {
    let mut files: Vec<File> = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    let (mut pass, mut next, mut line, mut total) = (0, 0, 0, 0);
    while total < args.paragraphs {
        if next == order.len() {
            if !order.is_empty() {
                pass += 1;
            }
            order = (0..sources.len()).collect();
            for i in (1..order.len()).rev() {
                order.swap(i, writer.rng.below(i + 1));
            }
            next = 0;
        }
        let document = &sources[order[next]];
        let end = (line + args.per_file).min(document.len());
        let chunk = &document[line..end];
        if end == document.len() {
            next += 1;
            line = 0;
        } else {
            line = end;
        }
        let paragraphs = chunk
            .iter()
            .map(|p| {
                if pass == 0 {
                    writer.keep(p)
                } else {
                    writer.disguise(p)
                }
            })
            .collect::<Vec<_>>();
        total += paragraphs.len();
        files.push(File {
            paragraphs,
            edition_of: None,
        });
        if total < args.paragraphs && writer.rng.below(EDITION_EVERY) == 0 {
            let paragraphs: Vec<String> = chunk.iter().map(|p| writer.disguise(p)).collect();
            total += paragraphs.len();
            files.push(File {
                paragraphs,
                edition_of: Some(files.len() - 1),
            });
        }
    }
    if let Some(last) = files.last_mut() {
        last.paragraphs
            .truncate(last.paragraphs.len() - (total - args.paragraphs));
    }
    files
}

/// Marks every paragraph with the same normalized text as another, or at the near
/// threshold of another, as not alone: a paste of it would have two matches.
fn set_aside_natural_pairs(
    slots: &mut [Vec<Option<Slot>>],
    chars: &[Vec<Vec<u16>>],
    settings: &Settings,
) {
    let mut count: HashMap<&[u16], u32> = HashMap::new();
    for text in chars.iter().flatten().filter(|c| !c.is_empty()) {
        *count.entry(text.as_slice()).or_default() += 1;
    }
    let mut at = Vec::new();
    let mut items = Vec::new();
    for (f, file) in chars.iter().enumerate() {
        for (i, text) in file.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            if count[text.as_slice()] > 1 {
                if let Some(slot) = slots[f][i].as_mut() {
                    slot.alone = false;
                }
            } else if (settings.near_min_chars..=NEAR_MAX_CHARS).contains(&text.len()) {
                at.push((f, i));
                items.push(near::Item { chars: text });
            }
        }
    }
    let pairs = near::find_pairs(&items, settings.threshold, settings.near_min_chars);
    for pair in &pairs {
        for index in [pair.earlier, pair.later] {
            let (f, i) = at[index];
            if let Some(slot) = slots[f][i].as_mut() {
                slot.alone = false;
            }
        }
    }
    eprintln!(
        "natural pairs set aside: {} near pairs, {} paragraphs sharing their text",
        pairs.len(),
        count
            .values()
            .filter(|&&n| n > 1)
            .map(|&n| n as usize)
            .sum::<usize>()
    );
}

/// Plants one copy of `kind`, or `None` when the places drawn do not fit.
fn plant_one(
    kind: Kind,
    writer: &mut Writer,
    files: &mut [File],
    places: &mut Places,
    settings: &Settings,
) -> Option<Planted> {
    let min_chars = kind.min_chars(settings);
    let rng = &mut writer.rng;
    let (source, copy_at) = match kind {
        Kind::SeriesExact | Kind::SeriesNear => {
            let f = pick(rng, &places.editions)?;
            let earlier = files[f].edition_of?;
            // A plain paragraph or a numbered item, at the same place of the next edition.
            let list = if rng.below(2) == 0 {
                &places.plain[earlier]
            } else {
                &places.items[earlier]
            };
            let i = pick(rng, list)?;
            if i >= files[f].paragraphs.len() {
                return None;
            }
            places.source((earlier, i), min_chars)?;
            places.target((f, i))?;
            ((earlier, i), (f, i))
        }
        Kind::Relabelled | Kind::RelabelledNear => {
            let f = pick(rng, &places.with_items)?;
            let (s, t) = (pick(rng, &places.items[f])?, pick(rng, &places.items[f])?);
            let source = places.source((f, s), min_chars)?;
            let target = places.target((f, t))?;
            let label = |i: usize| label_prefix(&files[f].paragraphs[i]);
            if source.provision.list == target.provision.list
                || label(s) == label(t)
                || family(label(s)) != family(label(t))
            {
                return None;
            }
            ((f, s), (f, t))
        }
        _ => {
            let f = pick(rng, &places.with_plain)?;
            let s = pick(rng, &places.plain[f])?;
            let source = places.source((f, s), min_chars)?;
            // The first generator's copies go to another file half of the time.
            let across =
                matches!(kind, Kind::Exact | Kind::Format | Kind::Near(_)) && rng.below(2) == 0;
            let cf = if across {
                pick(rng, &places.with_plain)?
            } else {
                f
            };
            let t = pick(rng, &places.plain[cf])?;
            let target = places.target((cf, t))?;
            if (f, s) == (cf, t)
                || kind == Kind::ExactMoved && source.provision.item == target.provision.item
            {
                return None;
            }
            ((f, s), (cf, t))
        }
    };
    let original = &files[source.0].paragraphs[source.1];
    let copy = match kind {
        Kind::Exact | Kind::ExactMoved | Kind::SeriesExact => Some(original.clone()),
        Kind::Format => Some(reformat(original)),
        Kind::Near(rate) => Some(edit(&mut writer.rng, original, rate)),
        Kind::Words(n) => writer.replace_words(original, n),
        Kind::SeriesNear => {
            let n = 1 + writer.rng.below(3);
            writer.replace_words(original, n)
        }
        Kind::Figures => writer.change_figures(original),
        Kind::ClauseDropped => writer.drop_clause(original),
        Kind::ClauseAdded => writer.add_clause(original),
        Kind::Relabelled | Kind::RelabelledNear => {
            let label = label_prefix(&files[copy_at.0].paragraphs[copy_at.1]);
            let relabelled = label.to_string() + &original[label_prefix(original).len()..];
            if kind == Kind::Relabelled {
                Some(relabelled)
            } else {
                let n = 1 + writer.rng.below(2);
                writer.replace_words(&relabelled, n)
            }
        }
    }?;
    // An edit must not give the copy another label (a word `第一款` put at its start).
    let label = label_prefix(&files[copy_at.0].paragraphs[copy_at.1]);
    let expected = match kind {
        Kind::Relabelled | Kind::RelabelledNear | Kind::SeriesExact | Kind::SeriesNear => label,
        _ => label_prefix(original),
    };
    let (a, b) = (normalize(original), normalize(&copy));
    if label_prefix(copy.trim_start()) != expected
        || b.chars().count() < min_chars
        || (a == b) != kind.is_exact()
    {
        return None;
    }
    let (a, b): (Vec<u16>, Vec<u16>) = (a.encode_utf16().collect(), b.encode_utf16().collect());
    let similarity = near::similarity(&a, &b, 0.0).unwrap_or(0.0);
    let placement = if source.0 != copy_at.0 {
        "other file"
    } else if places.slot(source).map(|s| s.provision.item)
        == places.slot(copy_at).map(|s| s.provision.item)
    {
        "same part"
    } else {
        "other part"
    };
    places.taken.insert(source);
    places.taken.insert(copy_at);
    files[copy_at.0].paragraphs[copy_at.1] = copy;
    Some(Planted {
        kind,
        similarity,
        placement,
        source,
        copy: copy_at,
    })
}

/// The planted pairs both of whose places govlint still reads as paragraphs of their own
/// once the copies are in (a copy could, in principle, join its neighbour); reports how
/// many were dropped.
fn check_planted(planted: Vec<Planted>, files: &[File], settings: &Settings) -> Vec<Planted> {
    let touched: HashSet<usize> = planted
        .iter()
        .flat_map(|p| [p.source.0, p.copy.0])
        .collect();
    let units: HashMap<usize, HashSet<usize>> = touched
        .par_iter()
        .map(|&f| {
            let (slots, _, _) = slots_of(&files[f], settings);
            let lines = slots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.as_ref().is_some_and(|s| s.alone))
                .map(|(i, _)| i)
                .collect();
            (f, lines)
        })
        .collect();
    let is_unit = |(f, i): (usize, usize)| units.get(&f).is_some_and(|lines| lines.contains(&i));
    let before = planted.len();
    let kept: Vec<Planted> = planted
        .into_iter()
        .filter(|p| is_unit(p.source) && is_unit(p.copy))
        .collect();
    if kept.len() < before {
        eprintln!(
            "{} planted pairs dropped: a place no longer reads as a paragraph",
            before - kept.len()
        );
    }
    kept
}

fn write_corpus(args: &Args, files: &[File], planted: &[Planted]) {
    let docs = args.out.join("docs");
    std::fs::create_dir_all(&docs).expect("output directory can be created");
    // A corpus generated before may have had more files.
    for entry in std::fs::read_dir(&docs).expect("output directory is readable") {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("doc") && name.ends_with(".txt") {
            std::fs::remove_file(&path).expect("old document can be removed");
        }
    }
    let mut bytes = 0;
    for (index, file) in files.iter().enumerate() {
        let text = file.paragraphs.join("\n") + "\n";
        bytes += text.len();
        std::fs::write(docs.join(file_name(index)), text).expect("document can be written");
    }
    let mut truth = String::from(
        "kind\tedit_rate\tsimilarity\tplacement\tsource_file\tsource_line\tcopy_file\tcopy_line\n",
    );
    let mut by_kind: Vec<(String, usize)> = Vec::new();
    for p in planted {
        let rate = match p.kind {
            Kind::Near(rate) => rate.to_string(),
            Kind::Exact | Kind::Format => "0".into(),
            _ => "-".into(),
        };
        writeln!(
            truth,
            "{}\t{rate}\t{:.4}\t{}\t{}\t{}\t{}\t{}",
            p.kind.name(),
            p.similarity,
            p.placement,
            file_name(p.source.0),
            p.source.1 + 1,
            file_name(p.copy.0),
            p.copy.1 + 1
        )
        .expect("write to string");
        match by_kind.iter_mut().find(|(k, _)| *k == p.kind.name()) {
            Some((_, n)) => *n += 1,
            None => by_kind.push((p.kind.name(), 1)),
        }
    }
    std::fs::write(args.out.join("truth.tsv"), truth).expect("truth can be written");
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    eprintln!(
        "{} paragraphs in {} files, {:.1} MB, {} planted pairs ({}) -> {}",
        files.iter().map(|f| f.paragraphs.len()).sum::<usize>(),
        files.len(),
        bytes as f64 / 1e6,
        planted.len(),
        kinds.join(", "),
        args.out.display()
    );
}

fn file_name(index: usize) -> String {
    format!("doc{index:06}.txt")
}
