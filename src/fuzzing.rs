//! Fuzz targets: what the cargo-fuzz targets in `fuzz/` (nightly) and the stable driver
//! `examples/fuzz.rs` run on arbitrary bytes. Each panics when an invariant breaks, so both
//! drivers report the input that broke it.
//!
//! - `lint`: bytes → decode (or a Word file unzipped) → paragraphs of plain text,
//!   Markdown, HTML or Word → every rule, the duplicate phase and the suppression comments
//!   → every output format; every span lies on character boundaries of its source.
//! - `fix`: the chosen fixes applied until none is left; with the safe fixes, nothing
//!   fixable is left and fixing again changes nothing.
//! - `config`: a configuration file (and a baseline) parsed, described and rendered.

use crate::config;
use crate::dedup::{self, Scope};
use crate::document::source::Source;
use crate::document::{Document, Format};
use crate::input::decode::{self, TextEncoding};
use crate::linter::{Options, Run, lint_documents};
use crate::report::diagnostic::Diagnostic;
use crate::report::suppress::{Directives, Matcher};
use crate::rules::{self, RULES, RuleInfo};
use std::path::Path;

/// The options of a run, read from the first byte of the input (the rest is the text).
struct Flags(u8);

impl Flags {
    fn split(data: &[u8]) -> (Flags, &[u8]) {
        match data.split_first() {
            Some((&flags, rest)) => (Flags(flags), rest),
            None => (Flags(0), data),
        }
    }

    /// The file name, whose extension decides the format: bits 0 and 5.
    fn path(&self) -> &'static str {
        match (self.0 & 1, self.0 & 0x20) {
            (0, 0) => "fuzz.txt",
            (_, 0) => "fuzz.md",
            (0, _) => "fuzz.html",
            _ => "fuzz.docx",
        }
    }
}

/// Decodes (or, for a Word file, unzips and extracts), lints and renders one input (and,
/// for some inputs, the same text as a second file of another format, so that duplicates
/// across files are looked for too).
pub fn lint(data: &[u8]) {
    let (flags, bytes) = Flags::split(data);
    if flags.path().ends_with(".docx") {
        // Through the office reader, which tells a `.docx` from a `.doc`, an HTML page and a
        // web archive by their bytes, as a file on disk is read.
        if let Ok((source, _)) = crate::input::office::source(
            flags.path().to_string(),
            bytes.to_vec(),
            crate::input::read::DEFAULT_MAX_FILE_SIZE,
        ) {
            let document = Document::new(source, Format::Docx);
            check_paragraphs(&document);
            let run = lint_documents(vec![document], Vec::new(), &Options::default());
            check_spans(&run);
            render_all(&run);
        }
        return;
    }
    let forced = match (flags.0 >> 1) % 8 {
        0 => Some(TextEncoding::Utf8),
        1 => decode::from_label("gbk"),
        2 => decode::from_label("big5"),
        3 => Some(TextEncoding::Utf16Le),
        _ => None,
    };
    let decoded = decode::decode(bytes, forced);
    assert_eq!(decode::decode_owned(bytes.to_vec(), forced), decoded);
    let Ok((text, encoding)) = decoded else {
        return;
    };
    // Text goes back to the bytes it came from (exact for UTF-8 and UTF-16, which `--fix`
    // relies on; legacy encodings may have two byte forms of a character).
    if matches!(encoding, TextEncoding::Utf8 | TextEncoding::Utf16Le) {
        let encoded = encoding
            .encode(&text)
            .expect("UTF-8 and UTF-16 hold every character");
        assert_eq!(encoded, bytes, "{} round trip", encoding.name());
    }
    let mut documents = vec![Document::new(
        Source::new(flags.path(), text.clone()),
        Format::from_path(flags.path()),
    )];
    if flags.0 & 0x10 != 0 {
        let other = if flags.path().ends_with(".txt") {
            "b.md"
        } else {
            "b.txt"
        };
        documents.push(Document::new(
            Source::new(other, text),
            Format::from_path(other),
        ));
    }
    for document in &documents {
        check_paragraphs(document);
    }
    let options = Options {
        duplicates: dedup::Settings {
            scope: Scope::Repository,
            ..dedup::Settings::default()
        },
        ..Options::default()
    };
    let run = lint_documents(documents, Vec::new(), &options);
    check_spans(&run);
    render_all(&run);
}

/// Reads any bytes as an office document and, when they give text, lints and renders it:
/// the `.doc`, `.odt` and `.docx` readers must refuse a damaged file, never panic.
pub fn office(data: &[u8]) {
    let (flags, bytes) = Flags::split(data);
    let path = ["fuzz.docx", "fuzz.doc", "fuzz.wps", "fuzz.odt"][usize::from(flags.0 % 4)];
    let limit = crate::input::read::DEFAULT_MAX_FILE_SIZE;
    if let Ok((source, _)) = crate::input::office::source(path.to_string(), bytes.to_vec(), limit) {
        let document = Document::new(source, Format::Docx);
        check_paragraphs(&document);
        let run = lint_documents(vec![document], Vec::new(), &Options::default());
        check_spans(&run);
        render_all(&run);
    }
}

/// Every paragraph maps back to a range of its source on character boundaries, and its
/// sentences and protected spans lie in its text.
fn check_paragraphs(document: &Document) {
    let text = &document.source.text;
    for paragraph in &document.paragraphs {
        let span = paragraph.span();
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "paragraph span {span:?} splits a character"
        );
        for range in paragraph.sentences.iter().chain(&paragraph.protected) {
            assert!(paragraph.text.get(range.clone()).is_some(), "{range:?}");
        }
        for (at, _) in paragraph.text.char_indices() {
            let mapped = paragraph.source_offset(at);
            assert!(
                text.is_char_boundary(mapped),
                "offset {at} maps into a character"
            );
        }
    }
}

/// Every finding and related place lies in its source, where its position says.
fn check_spans(run: &Run) {
    let place = |document: usize, span: &std::ops::Range<usize>, what: &str| {
        let source = run.source(document).expect("the run keeps its sources");
        let text = &source.text;
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{what}: span {span:?} is not a range of the {} bytes of {}",
            text.len(),
            source.path
        );
        source.position(span.start)
    };
    for d in &run.diagnostics {
        assert_eq!(
            place(d.document, &d.span, d.rule.as_str()),
            d.start,
            "{}",
            d.rule
        );
        for related in &d.related {
            assert_eq!(
                place(related.document, &related.span, d.rule.as_str()),
                related.start,
                "{} related",
                d.rule
            );
        }
        if let Some(fix) = &d.fix {
            for edit in &fix.edits {
                place(d.document, &edit.range, d.rule.as_str());
            }
        }
    }
}

fn render_all(run: &Run) {
    use crate::render;
    use crate::report::message::Lang;
    let mut sink = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        let style = render::human::Style {
            color: false,
            quiet: false,
            lang,
            show_all: false,
            wide: lang == Lang::Zh,
        };
        render::human::render(run, &mut sink, &style).expect("human");
        let all = render::human::Style {
            show_all: true,
            ..style
        };
        render::human::render(run, &mut sink, &all).expect("human, every finding");
        render::statistics::render(run, &mut sink, false, lang).expect("statistics");
        render::json::render(run, &mut sink, lang).expect("json");
        render::sarif::render(run, &mut sink, lang).expect("sarif");
        render::rdjson::render(run, &mut sink, lang).expect("rdjson");
        render::github::render(run, &mut sink, lang).expect("github");
        render::concise::render(run, &mut sink, lang).expect("concise");
    }
    render::statistics::render_json(run, &mut sink).expect("statistics json");
}

/// Applies the fixes of every rule to any text (as UTF-8, invalid bytes replaced). With the
/// safe fixes only, nothing fixable is left afterwards (but what comments suppress) and a
/// second round changes nothing; with the unsafe ones too, the fixes still apply cleanly
/// and stop.
pub fn fix(data: &[u8]) {
    let (flags, bytes) = Flags::split(data);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let unsafe_fixes = flags.0 & 2 != 0;
    // Word files are never fixed: a Word path is fuzzed as plain text here.
    let path = match flags.path() {
        "fuzz.docx" => "fuzz.txt",
        path => path,
    };
    let rules: Vec<&RuleInfo> = RULES.to_vec();
    let document = Document::new(Source::new(path, text.clone()), Format::from_path(path));
    let run = lint_documents(vec![document], Vec::new(), &Options::default());
    let found: Vec<&Diagnostic> = run.diagnostics.iter().collect();
    let chosen = crate::fix::chosen(&found, unsafe_fixes);
    let (fixed, _) = crate::fix::converge(path, &text, &chosen, &rules, unsafe_fixes);
    if unsafe_fixes {
        return;
    }
    let left = fixable(path, &fixed, &rules);
    assert!(
        left.is_empty(),
        "fixable findings left after --fix: {left:?}\ntext:  {text:?}\nfixed: {fixed:?}"
    );
    let (twice, _) = crate::fix::converge(path, &fixed, &[], &rules, false);
    assert_eq!(twice, fixed, "a second --fix changed the text");
}

/// The safe fixes the document rules still find in `text`, less what its comments
/// suppress: (rule, marked text).
fn fixable(path: &str, text: &str, rules: &[&'static RuleInfo]) -> Vec<(&'static str, String)> {
    let document = Document::new(Source::new(path, text.to_string()), Format::from_path(path));
    let directives = Directives::of(&document);
    let mut matcher = Matcher::new(&directives);
    rules
        .iter()
        .flat_map(|rule| rules::check_document(rule, &document, 0))
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .filter(|d| {
            let line = document.source.position(d.span.start).line;
            !matcher.suppresses_at(d.rule.as_str(), d.span.start, line)
        })
        .map(|d| (d.rule.as_str(), text[d.span.clone()].to_string()))
        .collect()
}

/// Parses a configuration file (and the same text as a baseline): an error is rendered
/// with its span inside the text, a configuration is described and applied to a path.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match config::parse(Path::new("govlint.toml"), text) {
        Ok(config) => {
            let mut duplicates = dedup::Settings::default();
            duplicates.allow(&config.duplicates.allow.join("\n"));
            let _ = config::describe(
                &config,
                RULES,
                &duplicates,
                crate::report::message::Lang::Zh,
            );
            for path in ["a.txt", "laws/b.md", "./x/y.markdown", "草稿.txt"] {
                let _ = config.files.includes(Path::new(path));
                let _ = config.files.excludes(Path::new(path));
                for rule in RULES {
                    let _ = config
                        .severities
                        .resolve(path, rule, rule.severity, Path::new("."));
                }
            }
        }
        Err(err) => {
            let _ = err.render(false, crate::report::message::Lang::Zh);
        }
    }
    let _ = crate::report::baseline::Baseline::from_json(text);
}
