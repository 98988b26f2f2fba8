//! `--format rdjson`: reviewdog's Diagnostic Format (the `DiagnosticResult` message as one
//! JSON document), for `reviewdog -f=rdjson`, which posts findings as review comments and
//! fixes as suggested changes.
//!
//! Columns are UTF-8 bytes from the start of the line, plus one: reviewdog's format defines
//! `Position.column` that way, and it cuts lines by bytes when it builds a suggestion. Ends
//! are exclusive. Ranges without columns are line-wise: a fix that deletes whole lines, and
//! the findings of a file that can no longer be read.

use crate::linter::Run;
use crate::render::locate::{Locator, Locators};
use crate::render::{portable_path, project_url};
use crate::report::diagnostic::{Diagnostic, Edit, Related, Severity};
use crate::report::message::Lang;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct DiagnosticResult<'a> {
    source: Source,
    diagnostics: Vec<RdDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'static str>,
}

impl Source {
    fn govlint() -> Source {
        Source {
            name: "govlint",
            url: project_url(),
        }
    }
}

#[derive(Serialize)]
struct RdDiagnostic<'a> {
    message: String,
    location: Location,
    severity: &'static str,
    source: Source,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
}

#[derive(Serialize)]
struct Location {
    path: String,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct RelatedLocation {
    message: String,
    location: Location,
}

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let mut locators = Locators::new(run);
    let mut diagnostics = Vec::with_capacity(run.diagnostics.len());
    for (index, diagnostic) in run.diagnostics.iter().enumerate() {
        if index == 0 || run.diagnostics[index - 1].document != diagnostic.document {
            locators.forget();
        }
        diagnostics.push(rd_diagnostic(run, diagnostic, &mut locators, lang));
    }
    let result = DiagnosticResult {
        source: Source::govlint(),
        diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &result)?;
    writeln!(out)
}

fn rd_diagnostic<'a>(
    run: &'a Run,
    diagnostic: &'a Diagnostic,
    locators: &mut Locators<'a>,
    lang: Lang,
) -> RdDiagnostic<'a> {
    let locator = locators.get(diagnostic.document);
    let range = match locator {
        Some(locator) => byte_range(locator, &diagnostic.span),
        None => lines(diagnostic.start.line, diagnostic.end.line),
    };
    let suggestions = match (&diagnostic.fix, locator) {
        (Some(fix), Some(locator)) => fix
            .edits
            .iter()
            .map(|edit| suggestion(locator, edit))
            .collect(),
        // Without the text an edit cannot be placed in bytes per line; no suggestion
        // beats a wrong one.
        _ => Vec::new(),
    };
    let related_locations = diagnostic
        .related
        .iter()
        .map(|related| related_location(run, related, locators, lang))
        .collect();
    RdDiagnostic {
        message: diagnostic.message.render(lang),
        location: Location {
            path: portable_path(&run.paths[diagnostic.document]).into_owned(),
            range,
        },
        severity: match diagnostic.severity {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
            Severity::Info => "INFO",
        },
        source: Source {
            name: "govlint",
            url: None,
        },
        code: Code {
            value: diagnostic.rule.as_str(),
        },
        suggestions,
        related_locations,
    }
}

fn related_location<'a>(
    run: &'a Run,
    related: &'a Related,
    locators: &mut Locators<'a>,
    lang: Lang,
) -> RelatedLocation {
    let range = match locators.get(related.document) {
        Some(locator) => byte_range(locator, &related.span),
        None => lines(related.start.line, related.start.line),
    };
    RelatedLocation {
        message: related.message.render(lang),
        location: Location {
            path: portable_path(&run.paths[related.document]).into_owned(),
            range,
        },
    }
}

/// An edit as a suggestion. An edit of whole lines (a deleted paragraph with its line
/// break) becomes a line-wise range, which is how reviewdog removes lines: with columns it
/// would end on the next line, and reviewdog refuses a suggestion whose lines are not the
/// lines of the finding.
fn suggestion<'a>(locator: &Locator, edit: &'a Edit) -> Suggestion<'a> {
    let start = locator.byte_position(edit.range.start);
    let end = locator.byte_position(edit.range.end);
    let whole_lines = start.column == 1 && end.column == 1 && end.line > start.line;
    let replaced_lines = edit
        .replacement
        .strip_suffix('\n')
        .map(|text| text.strip_suffix('\r').unwrap_or(text))
        .or(edit.replacement.is_empty().then_some(""));
    match replaced_lines {
        Some(text) if whole_lines => Suggestion {
            range: lines(start.line, end.line - 1),
            text,
        },
        _ => Suggestion {
            range: byte_range(locator, &edit.range),
            text: &edit.replacement,
        },
    }
}

fn byte_range(locator: &Locator, span: &std::ops::Range<usize>) -> Range {
    let start = locator.byte_position(span.start);
    let end = locator.byte_position(span.end);
    Range {
        start: Position {
            line: start.line,
            column: Some(start.column),
        },
        end: Position {
            line: end.line,
            column: Some(end.column),
        },
    }
}

/// Whole lines `first` to `last`, line breaks included: reviewdog reads a range without
/// columns line-wise.
fn lines(first: usize, last: usize) -> Range {
    Range {
        start: Position {
            line: first,
            column: None,
        },
        end: Position {
            line: last,
            column: None,
        },
    }
}
