//! Property tests of the library: the linter never panics and reports only real spans, it is
//! deterministic, clean official prose never trips a punctuation rule, the near-duplicate
//! index finds exactly the pairs a brute-force search finds, and the duplicate matching key
//! (`normalize`) is stable under the variations it is meant to ignore.

use govlint::dedup::near::{Item, Pair, all_pairs, find_pairs, similarity};
use govlint::document::normalize::normalize;
use govlint::document::source::Source;
use govlint::document::{Document, Format};
use govlint::linter::{Options, Run, lint_documents};
use govlint::rules;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

const CASES: u32 = 64;

/// `cases` cases, and no `.proptest-regressions` file written next to this one.
/// A fixed seed: CI must never be flaky, so every run explores the same cases. Set
/// `PROPTEST_RNG_SEED` to explore others locally.
fn config(cases: u32) -> ProptestConfig {
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_126);
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

const FULL_WIDTH: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）', '《', '》', '〈',
    '〉', '【', '】', '〔', '〕', '「', '」', '『', '』', '…', '—', '·',
];
const ASCII_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '<', '>', '-', '_', '/', '@', '%',
];
const SPACES: &[char] = &[' ', '\u{3000}', '\u{A0}', '\u{200B}', '\u{FFFD}', '\t'];
const BREAKS: &[&str] = &[
    "\n",
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    "\n\u{3000}\u{3000}",
    "\n  ",
];
/// Markdown syntax and things the Markdown parser rewrites (entities, escapes), so that the
/// map from paragraph text back to the source is exercised.
/// Inline code and entities longer in the text than in the source are `MAPPED_MARKUP`.
const MARKDOWN: &[&str] = &[
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "*",
    "**",
    "~~",
    "|",
    "| a | b |\n|---|---|\n",
    "&amp;",
    "&#xFFFD;",
    "&#12290;",
    "\\*",
    "\\",
    "<br>",
    "<div>\n",
    "[链接](http://x.cn)",
    "[^1]",
    "[^1]: ",
    "    ",
];
/// Markdown whose paragraph text is not a copy of its source: inline code (U+FFFC in the
/// text) and entities whose expansion is longer than the entity (`&nGt;`, 5 bytes, is `≫`
/// + U+20D2, 6 bytes).
const MAPPED_MARKUP: &[&str] = &["`代码`", "`法`", "&nGt;", "&nLt;"];
const URLS: &[&str] = &[
    "https://www.gov.cn/zhengce/",
    "http://www.gov.cn/search?q=法治",
    "www.haimen.gov.cn",
    "office@haimen.gov.cn",
    "附件.docx",
];
/// Characters whose case mapping or compatibility decomposition is unusual.
const TRICKY: &[char] = &[
    'İ',
    'ẞ',
    'Ⱥ',
    'ǅ',
    'K',
    'Ω',
    'ﬁ',
    'Ⅻ',
    '①',
    '㍱',
    'Ａ',
    '１',
    '\u{FEFF}',
    '\u{0345}',
    '\u{0301}',
    '\u{F900}',
    '\u{2F800}',
    '〇',
    '\u{FFFC}',
    '\u{0}',
];

fn han_char() -> impl Strategy<Value = char> {
    (0x4E00u32..=0x9FFF).prop_map(|c| char::from_u32(c).expect("Han is a char"))
}

fn han(len: Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(han_char(), len).prop_map(|chars| chars.into_iter().collect())
}

fn chars_of(set: &'static [char]) -> impl Strategy<Value = String> {
    select(set).prop_map(String::from)
}

fn strs_of(set: &'static [&'static str]) -> impl Strategy<Value = String> {
    select(set).prop_map(String::from)
}

/// One piece of arbitrary, mostly Chinese text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => han(1..12),
        6 => chars_of(FULL_WIDTH),
        3 => chars_of(ASCII_PUNCTUATION),
        2 => "[0-9A-Za-z]{1,4}",
        2 => chars_of(SPACES),
        2 => strs_of(BREAKS),
        1 => strs_of(MARKDOWN),
        1 => strs_of(MAPPED_MARKUP),
        1 => strs_of(URLS),
        1 => chars_of(TRICKY),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..25).prop_map(|tokens| tokens.concat())
}

/// Arbitrary text: lines of tokens, then some of them repeated verbatim or with one
/// character changed, so that the duplicate rules have something to report.
fn messy_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..8),
        prop::collection::vec((any::<Index>(), any::<Option<(Index, char)>>()), 0..6),
        prop::collection::vec(strs_of(BREAKS), 12),
        any::<bool>(),
    )
        .prop_map(|(mut lines, copies, breaks, final_newline)| {
            if !lines.is_empty() {
                for (source, edit) in copies {
                    let mut copy: Vec<char> = source.get(&lines).chars().collect();
                    if let Some((at, c)) = edit
                        && !copy.is_empty()
                    {
                        *at.get_mut(&mut copy) = c;
                    }
                    lines.push(copy.into_iter().collect());
                }
            }
            let mut text = String::new();
            for (i, line) in lines.iter().enumerate() {
                if i > 0 {
                    text.push_str(&breaks[i % breaks.len()]);
                }
                text.push_str(line);
            }
            if final_newline {
                text.push('\n');
            }
            text
        })
}

/// Markdown paragraphs, each twice, ending in markup from `MAPPED_MARKUP` and perhaps a
/// U+3000: the copy is reported with a span that ends inside or after that markup.
fn mapped_markdown() -> impl Strategy<Value = String> {
    let paragraph = (
        han(30..60),
        select(MAPPED_MARKUP),
        select(&["", "\u{3000}", "\u{3000}\u{3000}"][..]),
    )
        .prop_map(|(words, markup, after)| format!("{words}{markup}{after}"));
    (prop::collection::vec(paragraph, 1..4), any::<bool>()).prop_map(
        |(paragraphs, final_newline)| {
            let mut text = [paragraphs.clone(), paragraphs].concat().join("\n\n");
            if final_newline {
                text.push('\n');
            }
            text
        },
    )
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Each text as a plain-text document and as a Markdown document.
fn documents(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .flat_map(|(i, text)| {
            [
                Document::new(
                    Source::new(format!("doc{i}.txt"), text.clone()),
                    Format::PlainText,
                ),
                Document::new(
                    Source::new(format!("doc{i}.md"), text.clone()),
                    Format::Markdown,
                ),
            ]
        })
        .collect()
}

fn lint(texts: &[String], options: &Options) -> Run {
    lint_documents(documents(texts), Vec::new(), options)
}

fn check_span(
    run: &Run,
    document: usize,
    span: &Range<usize>,
    what: &str,
) -> Result<(), TestCaseError> {
    let source = run.source(document);
    prop_assert!(source.is_some(), "{what}: no file {document} in the run");
    let source = source.expect("checked");
    let (text, path) = (&source.text, &source.path);
    prop_assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    prop_assert!(
        span.end <= text.len(),
        "{what}: span {span:?} beyond the source ({} bytes) of {path:?}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} splits a character of {path:?}"
    );
    Ok(())
}

/// Every span and related span lies in its source, and the positions stored with it are
/// where it starts and ends.
fn check_all_spans(run: &Run) -> Result<(), TestCaseError> {
    for d in &run.diagnostics {
        check_span(run, d.document, &d.span, d.rule.as_str())?;
        let source = run.source(d.document).expect("checked");
        let (start, end) = (source.position(d.span.start), source.position(d.span.end));
        prop_assert_eq!((d.start, d.end), (start, end), "{} at {:?}", d.rule, d.span);
        for related in &d.related {
            check_span(run, related.document, &related.span, d.rule.as_str())?;
            let source = run.source(related.document).expect("checked");
            let start = source.position(related.span.start);
            prop_assert_eq!(
                related.start,
                start,
                "{} related {:?}",
                d.rule,
                related.span
            );
        }
    }
    Ok(())
}

type Key = (
    &'static str,
    usize,
    Range<usize>,
    String,
    Vec<(usize, Range<usize>, String)>,
);

fn keys(run: &Run) -> Vec<Key> {
    run.diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.as_str(),
                d.document,
                d.span.clone(),
                d.message.english(),
                d.related
                    .iter()
                    .map(|r| (r.document, r.span.clone(), r.message.english()))
                    .collect(),
            )
        })
        .collect()
}

fn normalized(text: &str) -> String {
    normalize(text)
}

// ---------------------------------------------------------------------------------------
// 1. No panic, and every span is a real span of its source.
// 2. Determinism.
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn linting_never_panics_and_spans_lie_in_the_source(
        texts in prop::collection::vec(messy_text(), 1..3),
    ) {
        let run = lint(&texts, &Options::default());
        check_all_spans(&run)?;
    }

    #[test]
    fn spans_lie_in_the_source_after_mapped_markup(text in mapped_markdown()) {
        let run = lint(&[text], &Options::default());
        check_all_spans(&run)?;
    }

    #[test]
    fn linting_is_deterministic(texts in prop::collection::vec(messy_text(), 1..3)) {
        let options = Options::default();
        let first = lint(&texts, &options);
        let second = lint(&texts, &options);
        prop_assert_eq!(keys(&first), keys(&second));
    }
}

// ---------------------------------------------------------------------------------------
// 3. Clean official prose never fires a punctuation rule.
// ---------------------------------------------------------------------------------------

const NUMBERS: &[&str] = &[
    "3.5%",
    "2.6万",
    "10:30",
    "2021年5月20日",
    "https://www.gov.cn/zhengce/",
];
const CHINESE_NUMERALS: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Something put into a clause, at positions drawn without knowing the clause's length.
#[derive(Debug, Clone)]
enum Insert {
    /// Wrap a non-empty run of the clause's Han characters in a pair of marks.
    Wrap(Index, Index, char, char),
    /// Put a number, date, time or URL before one of its characters, or at its end.
    Text(Index, &'static str),
}

/// A clause of 2–40 Han characters, perhaps with a quotation, a title or a number in it.
fn clause() -> impl Strategy<Value = String> {
    let insert = prop_oneof![
        (
            any::<Index>(),
            any::<Index>(),
            select(&[('“', '”'), ('《', '》')][..])
        )
            .prop_map(|(from, len, (open, close))| Insert::Wrap(from, len, open, close)),
        (any::<Index>(), select(NUMBERS)).prop_map(|(at, text)| Insert::Text(at, text)),
    ];
    (han(2..41), prop::option::of(insert)).prop_map(|(words, insert)| {
        let chars: Vec<char> = words.chars().collect();
        let mut marks: Vec<(usize, String)> = Vec::new();
        match insert {
            Some(Insert::Wrap(from, len, open, close)) => {
                let from = from.index(chars.len());
                let to = from + 1 + len.index(chars.len() - from);
                marks.push((from, open.to_string()));
                marks.push((to, close.to_string()));
            }
            Some(Insert::Text(at, text)) => marks.push((at.index(chars.len() + 1), text.into())),
            None => {}
        }
        let mut out = String::new();
        for i in 0..=chars.len() {
            for (_, mark) in marks.iter().filter(|(at, _)| *at == i) {
                out.push_str(mark);
            }
            if let Some(c) = chars.get(i) {
                out.push(*c);
            }
        }
        out
    })
}

/// Clauses joined by `，` or `、`, ended by `。`.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec((clause(), select(&['，', '、'][..])), 1..4).prop_map(|clauses| {
        let last = clauses.len() - 1;
        let mut out = String::new();
        for (i, (clause, joint)) in clauses.into_iter().enumerate() {
            out.push_str(&clause);
            out.push(if i == last { '。' } else { joint });
        }
        out
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    let numbering = prop_oneof![
        3 => Just(String::new()),
        1 => (1u32..30).prop_map(|n| format!("{n}.")),
        1 => select(CHINESE_NUMERALS).prop_map(|n| format!("（{n}）")),
    ];
    (
        any::<bool>(),
        numbering,
        prop::collection::vec(sentence(), 1..4),
    )
        .prop_map(|(indent, numbering, sentences)| {
            let indent = if indent { "\u{3000}\u{3000}" } else { "" };
            format!("{indent}{numbering}{}", sentences.concat())
        })
}

fn clean_paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(paragraph(), 1..8).prop_map(|mut paragraphs| {
        let mut seen = std::collections::HashSet::new();
        paragraphs.retain(|p| seen.insert(p.clone()));
        paragraphs
    })
}

const PUNCTUATION_RULES: &[&str] = &[
    "stray-period",
    "unbalanced-quote",
    "unbalanced-bracket",
    "lost-character",
    "halfwidth-punctuation",
];

fn punctuation_options() -> Options {
    Options {
        rules: PUNCTUATION_RULES
            .iter()
            .map(|name| rules::find(name).expect("rule exists"))
            .collect(),
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn clean_prose_fires_no_punctuation_rule(
        paragraphs in clean_paragraphs(),
        crlf in any::<bool>(),
    ) {
        let newline = if crlf { "\r\n" } else { "\n" };
        let plain = paragraphs.iter().map(|p| format!("{p}{newline}")).collect::<String>();
        let markdown = paragraphs.join(&format!("{newline}{newline}"));
        let documents = vec![
            Document::new(Source::new("clean.txt", plain), Format::PlainText),
            Document::new(Source::new("clean.md", markdown), Format::Markdown),
        ];
        let run = lint_documents(documents, Vec::new(), &punctuation_options());
        let found: Vec<String> = run
            .diagnostics
            .iter()
            .map(|d| {
                let source = run.source(d.document).expect("sources are kept");
                let marked = source.text.get(d.span.clone()).unwrap_or("?").to_string();
                format!("{} {marked:?}: {}", d.rule, d.message)
            })
            .collect();
        prop_assert!(found.is_empty(), "{found:#?}");
    }
}

// ---------------------------------------------------------------------------------------
// 4. The near-duplicate index finds exactly what the brute-force search finds.
// ---------------------------------------------------------------------------------------

/// Six Han characters as the UTF-16 units the near-duplicate index works on.
const ALPHABET: &[u16] = &[
    '政' as u32 as u16,
    '府' as u32 as u16,
    '法' as u32 as u16,
    '治' as u32 as u16,
    '建' as u32 as u16,
    '设' as u32 as u16,
];
const THRESHOLDS: &[(f64, usize)] = &[(0.7, 70), (0.8, 80), (0.85, 85), (0.9, 90), (0.95, 95)];
const MIN_LEN: usize = 50;

#[derive(Debug, Clone)]
enum Edit {
    Substitute(Index, u16),
    Insert(Index, u16),
    Delete(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), select(ALPHABET)).prop_map(|(at, c)| Edit::Substitute(at, c)),
        (any::<Index>(), select(ALPHABET)).prop_map(|(at, c)| Edit::Insert(at, c)),
        any::<Index>().prop_map(Edit::Delete),
    ]
}

fn apply(chars: &mut Vec<u16>, edit: &Edit) {
    match edit {
        Edit::Substitute(at, c) if !chars.is_empty() => *at.get_mut(chars) = *c,
        Edit::Insert(at, c) => chars.insert(at.index(chars.len() + 1), *c),
        Edit::Delete(at) if !chars.is_empty() => {
            chars.remove(at.index(chars.len()));
        }
        _ => {}
    }
}

/// A copy of an earlier item with up to 20% of its length in random edits.
#[derive(Debug, Clone)]
struct Copy {
    source: Index,
    percent: usize,
    edits: Vec<Edit>,
}

fn small_alphabet(len: Range<usize>) -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(select(ALPHABET), len)
}

/// 5–40 strings over six Han characters, many of them edited copies of others, shuffled,
/// each in one of 1–3 groups (files: the duplicate phase searches each file on its own).
fn near_items() -> impl Strategy<Value = Vec<(u32, Vec<u16>)>> {
    let copy = (
        any::<Index>(),
        0usize..=20,
        prop::collection::vec(edit(), 24),
    )
        .prop_map(|(source, percent, edits)| Copy {
            source,
            percent,
            edits,
        });
    (
        prop::collection::vec(small_alphabet(50..121), 1..11),
        prop::collection::vec(copy, 4..31),
        1u32..=3,
        prop::collection::vec(0u32..3, 40),
    )
        .prop_map(|(mut strings, copies, groups, group_of)| {
            for copy in copies {
                let mut chars = copy.source.get(&strings).clone();
                let budget = chars.len() * copy.percent / 100;
                for edit in copy.edits.iter().take(budget) {
                    apply(&mut chars, edit);
                }
                strings.push(chars);
            }
            strings
                .into_iter()
                .zip(group_of)
                .map(|(chars, group)| (group % groups, chars))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

fn triples(pairs: &[Pair]) -> Vec<(usize, usize, f64)> {
    pairs
        .iter()
        .map(|p| (p.earlier, p.later, p.similarity))
        .collect()
}

/// Whether 1 - d / longest >= percent / 100, in exact integer arithmetic.
fn meets(distance: usize, longest: usize, percent: usize) -> bool {
    distance * 100 <= (100 - percent) * longest
}

proptest! {
    // The brute-force reference dominates the running time of this file.
    #![proptest_config(config(CASES / 2))]

    #[test]
    fn near_index_finds_exactly_the_brute_force_pairs(items in near_items()) {
        for group in 0..3 {
            let chars: Vec<&[u16]> = items
                .iter()
                .filter(|(g, _)| *g == group)
                .map(|(_, chars)| chars.as_slice())
                .collect();
            let items: Vec<Item> = chars.iter().map(|chars| Item { chars }).collect();
            let long = |i: usize| items[i].chars.len() >= MIN_LEN;
            // The brute force is slow in debug builds: run it once, at the lowest threshold,
            // and keep what each higher threshold admits (as `all_pairs` itself would).
            let lowest = THRESHOLDS[0].0;
            let reference = triples(&all_pairs(&items, lowest));
            for &(threshold, _) in THRESHOLDS {
                let indexed = triples(&find_pairs(&items, threshold, MIN_LEN));
                let all: Vec<(usize, usize, f64)> = reference
                    .iter()
                    .copied()
                    .filter(|&(_, _, similarity)| similarity >= threshold - 1e-9)
                    .collect();
                let expected: Vec<(usize, usize, f64)> =
                    all.iter().copied().filter(|&(a, b, _)| long(a) && long(b)).collect();
                let indexed_long: Vec<(usize, usize, f64)> =
                    indexed.iter().copied().filter(|&(a, b, _)| long(a) && long(b)).collect();
                prop_assert_eq!(&indexed_long, &expected, "threshold {}", threshold);
                // Pairs with a shorter item are outside the guarantee but must still be real.
                for pair in &indexed {
                    prop_assert!(all.contains(pair), "threshold {}: spurious {:?}", threshold, pair);
                }
            }
        }
    }

}

proptest! {
    #![proptest_config(config(CASES * 4))]

    #[test]
    fn similarity_agrees_with_strsim_levenshtein(
        a in small_alphabet(0..40),
        edits in prop::collection::vec(edit(), 0..12),
        unrelated in prop::option::of(small_alphabet(0..40)),
        threshold in select(THRESHOLDS),
    ) {
        let b = unrelated.unwrap_or_else(|| {
            let mut b = a.clone();
            for edit in &edits {
                apply(&mut b, edit);
            }
            b
        });
        let (t, percent) = threshold;
        let longest = a.len().max(b.len());
        let distance = strsim::generic_levenshtein(&a, &b);
        let expected = if longest == 0 {
            Some(1.0)
        } else {
            meets(distance, longest, percent).then(|| 1.0 - distance as f64 / longest as f64)
        };
        prop_assert_eq!(similarity(&a, &b, t), expected, "distance {}", distance);
        prop_assert_eq!(similarity(&b, &a, t), expected, "distance {} (swapped)", distance);
    }
}

// ---------------------------------------------------------------------------------------
// 5. normalize is idempotent and blind to punctuation, spacing, width and case.
// ---------------------------------------------------------------------------------------

/// Text built of the things normalize keeps (Han, ASCII letters and digits) and the things
/// it drops (punctuation, spaces), each piece tagged for `variant` below.
#[derive(Debug, Clone)]
enum Piece {
    Han(String),
    Latin(String),
    Mark(char),
    Space(char),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => han(1..8).prop_map(Piece::Han),
        2 => "[0-9A-Za-z]{1,6}".prop_map(Piece::Latin),
        3 => select(FULL_WIDTH).prop_map(Piece::Mark),
        1 => select(ASCII_PUNCTUATION).prop_map(Piece::Mark),
        1 => select(&[' ', '\u{3000}', '\u{A0}', '\u{200B}', '\u{FEFF}', '\t', '\n'][..])
            .prop_map(Piece::Space),
    ]
}

/// The ASCII counterpart of a full-width mark, as a careless conversion writes it.
fn half_width(c: char) -> char {
    match c {
        '，' | '、' => ',',
        '。' => '.',
        '；' => ';',
        '：' => ':',
        '？' => '?',
        '！' => '!',
        '（' => '(',
        '）' => ')',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '【' | '〔' | '「' | '『' => '[',
        '】' | '〕' | '」' | '』' => ']',
        '…' => '.',
        '—' => '-',
        other => other,
    }
}

/// Full-width form of an ASCII letter or digit (`A` → `Ａ`).
fn full_width(c: char) -> char {
    char::from_u32(c as u32 - 0x21 + 0xFF01).expect("full-width form exists")
}

/// The same words with punctuation converted to ASCII, marks and spaces added or dropped,
/// U+3000 indentation, and letters and digits in full width or another case.
fn variant(pieces: &[Piece], choices: &[u8]) -> String {
    let mut out = String::from("\u{3000}\u{3000}");
    for (i, piece) in pieces.iter().enumerate() {
        let choice = choices[i % choices.len()];
        match piece {
            Piece::Han(words) => out.push_str(words),
            Piece::Latin(words) => {
                for c in words.chars() {
                    out.push(match choice % 3 {
                        0 => c.to_ascii_uppercase(),
                        1 => full_width(c),
                        _ => c.to_ascii_lowercase(),
                    });
                }
            }
            Piece::Mark(c) => match choice % 3 {
                0 => out.push(half_width(*c)),
                1 => {}
                _ => out.push_str("\u{200B} "),
            },
            Piece::Space(_) => {
                if choice.is_multiple_of(2) {
                    out.push('\u{3000}');
                }
            }
        }
        if choice % 5 == 4 {
            out.push('\u{A0}');
        }
    }
    out
}

fn original(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Han(words) | Piece::Latin(words) => out.push_str(words),
            Piece::Mark(c) | Piece::Space(c) => out.push(*c),
        }
    }
    out
}

/// Sentences as the document model promises them, read character by character: each ends
/// after `。！？；!?` and the closing marks (and `！？`) right after it.
fn sentences_read_char_by_char(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if !matches!(next, '”' | '’' | '」' | '』' | '）' | '》' | '！' | '？') {
                    break;
                }
                end = j + next.len_utf8();
                chars.next();
            }
            sentences.push(start..end);
            start = end;
        }
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    sentences
}

/// What `normalize` promises for one character: NFKC, letters and digits only, lowercased.
/// Unassigned code points of the supplementary ideographic planes, which `normalize` counts
/// as Han ahead of their encoding, are kept.
fn nfkc_reference(c: char) -> String {
    let unassigned_han = (0x20000..=0x3FFFF).contains(&(c as u32)) && !c.is_alphanumeric();
    if unassigned_han {
        return c.to_string();
    }
    std::iter::once(c)
        .nfkc()
        .flat_map(char::to_lowercase)
        .filter(|f| f.is_alphanumeric())
        .collect()
}

fn any_normalize_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        select(TRICKY),
        (0xF900u32..=0xFAFF).prop_map(|c| char::from_u32(c).expect("BMP compatibility ideograph")),
        (0x2F800u32..=0x2FA1F).prop_map(|c| char::from_u32(c).expect("supplement ideograph")),
        han_char(),
    ]
}

proptest! {
    #![proptest_config(config(CASES * 4))]

    #[test]
    fn normalize_is_idempotent(text in messy_text()) {
        let once = normalized(&text);
        prop_assert_eq!(normalized(&once), once, "{:?}", text);
    }

    #[test]
    fn normalize_ignores_punctuation_spacing_width_and_case(
        pieces in prop::collection::vec(piece(), 0..30),
        choices in prop::collection::vec(any::<u8>(), 1..30),
    ) {
        let text = original(&pieces);
        let changed = variant(&pieces, &choices);
        prop_assert_eq!(normalized(&text), normalized(&changed), "{:?} vs {:?}", text, changed);
    }

    #[test]
    fn normalize_fast_path_agrees_with_nfkc(c in any_normalize_char()) {
        prop_assert_eq!(normalized(&c.to_string()), nfkc_reference(c), "U+{:04X}", c as u32);
    }

    /// Each character is folded on its own: the document model normalizes sentence by
    /// sentence and takes the concatenation for the paragraph.
    #[test]
    fn normalize_folds_character_by_character(
        text in prop_oneof![messy_text(), prop::collection::vec(any_normalize_char(), 0..40)
            .prop_map(|chars| chars.into_iter().collect::<String>())],
        cut in any::<prop::sample::Index>(),
    ) {
        let boundaries: Vec<usize> =
            (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let at = boundaries[cut.index(boundaries.len())];
        let (head, tail) = text.split_at(at);
        let halves = normalized(head) + &normalized(tail);
        prop_assert_eq!(normalized(&text), halves, "{:?} at {}", text, at);
    }

    #[test]
    fn sentences_end_at_each_stop_and_its_closing_marks(text in messy_text()) {
        for document in documents(std::slice::from_ref(&text)) {
            for paragraph in &document.paragraphs {
                let expected = sentences_read_char_by_char(&paragraph.text);
                prop_assert_eq!(&paragraph.sentences, &expected);
            }
        }
    }

    #[test]
    fn document_normalized_form_matches_normalize(text in messy_text()) {
        for document in documents(std::slice::from_ref(&text)) {
            let shared = document.normalized();
            for (index, paragraph) in document.paragraphs.iter().enumerate() {
                prop_assert_eq!(shared.paragraph(index), normalized(&paragraph.text));
                for (number, range) in paragraph.sentences.iter().enumerate() {
                    prop_assert_eq!(
                        shared.sentence(index, number),
                        normalized(&paragraph.text[range.clone()])
                    );
                }
            }
        }
    }
}

/// Regressions found by the `normalize` properties above: `İ` lowercases to `i` plus a mark
/// a second pass dropped; supplementary compatibility ideographs escaped NFKC.
#[test]
fn normalize_idempotent_on_dotted_capital_i() {
    let once = normalized("İ");
    assert_eq!(normalized(&once), once);
}

#[test]
fn normalize_folds_supplementary_compatibility_ideographs() {
    assert_eq!(normalized("\u{2F800}"), "\u{4E3D}");
}

/// Regression found by `spans_lie_in_the_source_after_mapped_markup`: a duplicated Markdown
/// paragraph ending in inline code or `&nGt;` was reported with a span ending inside the
/// code span, past the end of the file, or inside the U+3000 after the entity, and the
/// human renderer panicked on it.
#[test]
fn duplicate_paragraph_span_after_mapped_markup() {
    let words = "近年来全区法治政府建设迈上新台阶全区上下坚持以法治思想为指导加快转变政府职能见";
    for text in [
        format!("{words}`代码`\n\n{words}`代码`\n"),
        format!("{words}&nGt;\n\n{words}&nGt;"),
        format!("{words}&nGt;\u{3000}\n\n{words}&nGt;\u{3000}\n"),
    ] {
        let run = lint(std::slice::from_ref(&text), &Options::default());
        assert!(
            !run.diagnostics.is_empty(),
            "{text:?}: the copy is reported"
        );
        for d in &run.diagnostics {
            let source = &run.source(d.document).expect("sources are kept").text;
            assert!(
                source.get(d.span.clone()).is_some(),
                "{text:?} ({} bytes): {} span {:?}",
                source.len(),
                d.rule,
                d.span
            );
        }
    }
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Fixes apply cleanly to any text, and after them nothing fixable is left.
    #[test]
    fn fixes_converge_and_leave_nothing_fixable(text in messy_text(), markdown in any::<bool>()) {
        let path = if markdown { "a.md" } else { "a.txt" };
        let rules: Vec<&rules::RuleInfo> = rules::RULES.to_vec();
        let document = Document::new(Source::new(path, text.clone()), Format::from_path(path));
        let first: Vec<govlint::report::diagnostic::Fix> = rules
            .iter()
            .flat_map(|rule| rules::check_document(rule, &document, 0))
            .filter_map(|d| d.fix)
            .collect();
        let (fixed, _) = govlint::fix::converge(path, &text, &first, &rules, false);
        let again = Document::new(Source::new(path, fixed.clone()), Format::from_path(path));
        let left: Vec<String> = rules
            .iter()
            .flat_map(|rule| rules::check_document(rule, &again, 0))
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
            .map(|d| format!("{} {:?}", d.rule, &fixed[d.span.clone()]))
            .collect();
        prop_assert!(left.is_empty(), "{:?} -> {:?}: {:?}", text, fixed, left);
        let (twice, _) = govlint::fix::converge(path, &fixed, &[], &rules, false);
        prop_assert_eq!(twice, fixed);
    }
}

// ---------------------------------------------------------------------------------------
// Bytes: decoding never panics, and what it decodes lints and goes back to its bytes.
// ---------------------------------------------------------------------------------------

/// Bytes that are mostly text: UTF-8 of messy Chinese text, GBK of it, or raw bytes, cut
/// and spliced at any byte (so characters are split).
fn some_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        messy_text().prop_map(String::into_bytes),
        messy_text().prop_map(|t| encoding_rs::GBK.encode(&t).0.into_owned()),
        (
            messy_text(),
            prop::collection::vec(any::<u8>(), 0..16),
            any::<Index>()
        )
            .prop_map(|(text, noise, at)| {
                let mut bytes = text.into_bytes();
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, noise);
                bytes
            }),
    ]
}

proptest! {
    #![proptest_config(config(CASES * 4))]

    /// Any bytes, detected or in a forced encoding: decoding never panics; UTF-8 comes
    /// back to the same bytes; what decodes lints without panicking.
    #[test]
    fn decoding_any_bytes_never_panics(bytes in some_bytes(), forced in 0usize..6) {
        let encoding = match forced {
            0 => Some(govlint::input::decode::TextEncoding::Utf8),
            1 => govlint::input::decode::from_label("gbk"),
            2 => govlint::input::decode::from_label("big5"),
            3 => Some(govlint::input::decode::TextEncoding::Utf16Le),
            4 => Some(govlint::input::decode::TextEncoding::Utf16Be),
            _ => None,
        };
        if let Ok((text, found)) = govlint::input::decode::decode(&bytes, encoding) {
            if found == govlint::input::decode::TextEncoding::Utf8 {
                prop_assert_eq!(text.as_bytes(), &bytes[..]);
            }
            let run = lint(&[text], &Options::default());
            check_all_spans(&run)?;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Prechecks: a rule's declared marks skip only paragraphs where it finds nothing
// ---------------------------------------------------------------------------------------

/// Characters the rules look for, and their neighbours: text made of them reaches the
/// searches the marks guard.
const MARKED: &[char] = &[
    '.', '．', '。', '…', '·', '・', '-', '－', '—', '─', '?', '\u{FFFD}', ',', ';', ':', '!', '(',
    ')', '（', '）', '[', ']', '［', '］', '《', '》', '〈', '〉', '【', '】', '〔', '〕', '“',
    '”', '‘', '’', '「', '」', '『', '』', '，', '；', '：', '？', '！', '、', ' ', '\u{3000}',
    '\u{A0}', '年', '千', '百', '十', '万', '〇', '○', 'O', '零', '一', '九', '二', '八', '0', '1',
    '2', '9', '０', '１', '２', '９', 'Ａ', 'ｂ', '第', '条',
];

/// Every documented example of every rule: each holds what its rule looks for, in context
/// (the words of web chrome for `page-residue`, say).
fn examples() -> Vec<&'static str> {
    rules::RULES
        .iter()
        .flat_map(|rule| {
            rule.bad
                .iter()
                .map(|e| e.text)
                .chain(rule.good.iter().copied())
        })
        .collect()
}

fn marked_token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => han(1..6),
        8 => chars_of(MARKED),
        2 => select(examples()).prop_map(String::from),
        2 => token(),
    ]
}

/// Lines of marked tokens, sometimes one repeated (for `duplicate-sentence`).
fn marked_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::collection::vec(marked_token(), 0..20), 1..6),
        any::<bool>(),
    )
        .prop_map(|(lines, repeat)| {
            let mut lines: Vec<String> = lines.into_iter().map(|tokens| tokens.concat()).collect();
            if repeat {
                lines.push(lines[0].clone());
            }
            lines.join("\n")
        })
}

/// What a finding says and where, to compare runs.
type Finding = (
    Range<usize>,
    String,
    Option<String>,
    Option<govlint::report::diagnostic::Fix>,
    Vec<(Range<usize>, String)>,
);

fn findings_with(
    rule: &'static rules::RuleInfo,
    document: &Document,
    prechecks: rules::Prechecks,
) -> Vec<Finding> {
    let (found, _) = rules::check_document_with(rule, document, 0, prechecks, &rules::NO_SETTINGS);
    found
        .into_iter()
        .map(|d| {
            let related = d
                .related
                .iter()
                .map(|r| (r.span.clone(), r.message.english()))
                .collect();
            (
                d.span,
                d.message.english(),
                d.help.map(|h| h.english()),
                d.fix,
                related,
            )
        })
        .collect()
}

/// Every per-file rule finds the same with its prechecks on as with them off.
fn prechecks_skip_nothing(document: &Document) -> Result<(), TestCaseError> {
    for rule in rules::RULES.iter().filter(|rule| rule.check.per_file()) {
        let on = findings_with(rule, document, rules::Prechecks::On);
        let off = findings_with(rule, document, rules::Prechecks::Off);
        prop_assert_eq!(on, off, "{} on {:?}", rule.name, document.source.text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn prechecks_change_no_finding(text in marked_text(), markdown in any::<bool>()) {
        let format = if markdown { Format::Markdown } else { Format::PlainText };
        let document = Document::new(Source::new("test", text), format);
        prechecks_skip_nothing(&document)?;
    }
}

/// The same on real text: every UTF-8 text fixture, read in its own format.
#[test]
fn prechecks_change_no_finding_on_the_fixtures() {
    let mut read = 0;
    for entry in ignore::WalkBuilder::new("fixtures")
        .standard_filters(false)
        .build()
    {
        let entry = entry.expect("walk the fixtures");
        let path = entry.path();
        let wanted = path
            .extension()
            .is_some_and(|e| e == "txt" || e == "md" || e == "html");
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if !wanted {
            continue;
        }
        let path = path.to_string_lossy().into_owned();
        let format = Format::from_path(&path);
        let document = Document::new(Source::new(path, text), format);
        prechecks_skip_nothing(&document).expect("the same findings");
        read += 1;
    }
    assert!(read >= 70, "{read} fixtures read");
}

// ---------------------------------------------------------------------------------------
// numbering-sequence: a correctly numbered outline of any depth gives no finding, and an
// item deleted from one gives one.
// ---------------------------------------------------------------------------------------

/// An outline: each node's children, as a tree of counts.
#[derive(Debug, Clone)]
struct Outline(Vec<Outline>);

fn outline_tree() -> impl Strategy<Value = Outline> {
    let leaf = Just(Outline(Vec::new()));
    leaf.prop_recursive(5, 60, 5, |inner| {
        prop::collection::vec(inner, 1..6).prop_map(Outline)
    })
}

fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n - 10]),
        _ => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
    }
}

/// The enumerator of item `n` (from 1) at `depth`: GB/T 9704's four levels, then `①`.
fn enumerator(depth: usize, n: usize) -> String {
    match depth {
        0 => format!("{}、", chinese_numeral(n)),
        1 => format!("（{}）", chinese_numeral(n)),
        2 => format!("{n}."),
        3 => format!("（{n}）"),
        _ => char::from_u32(u32::from('①') + n as u32 - 1)
            .map(String::from)
            .unwrap_or_default(),
    }
}

/// The outline written out, one item a paragraph with a sentence after it; `skip` leaves
/// out the item at that place in document order (with what is under it).
fn write_outline(
    tree: &Outline,
    depth: usize,
    skip: Option<usize>,
    seen: &mut usize,
    out: &mut String,
) {
    for (n, child) in tree.0.iter().enumerate() {
        let here = *seen;
        *seen += 1;
        if Some(here) == skip {
            let mut ignored = String::new();
            write_outline(child, depth + 1, None, seen, &mut ignored);
            continue;
        }
        out.push_str(&format!(
            "{}加强第{}项工作\n\n各单位要认真落实有关要求。\n\n",
            enumerator(depth, n + 1),
            here + 1
        ));
        write_outline(child, depth + 1, skip, seen, out);
    }
}

/// Places in document order of items between two siblings: deleting one leaves a gap (the
/// first of a list may start later).
fn gap_places(tree: &Outline, seen: &mut usize, out: &mut Vec<usize>) {
    let count = tree.0.len();
    for (n, child) in tree.0.iter().enumerate() {
        if n > 0 && n + 1 < count {
            out.push(*seen);
        }
        *seen += 1;
        gap_places(child, seen, out);
    }
}

fn numbering_findings(text: &str) -> usize {
    let document = Document::new(
        Source::new("outline.txt", text.to_string()),
        Format::PlainText,
    );
    let rule = rules::find("numbering-sequence").expect("the rule exists");
    rules::check_document(rule, &document, 0).len()
}

proptest! {
    #![proptest_config(config(CASES))]

    #[test]
    fn a_correct_outline_has_no_numbering_finding(tree in outline_tree()) {
        let mut text = String::from("关于加强工作的通知\n\n");
        write_outline(&tree, 0, None, &mut 0, &mut text);
        prop_assert_eq!(numbering_findings(&text), 0, "{}", text);
    }

    #[test]
    fn an_item_deleted_from_an_outline_is_found(tree in outline_tree(), pick in any::<Index>()) {
        let mut places = Vec::new();
        gap_places(&tree, &mut 0, &mut places);
        prop_assume!(!places.is_empty());
        let skip = places[pick.index(places.len())];
        let mut text = String::from("关于加强工作的通知\n\n");
        write_outline(&tree, 0, Some(skip), &mut 0, &mut text);
        prop_assert!(numbering_findings(&text) >= 1, "{}", text);
    }
}
