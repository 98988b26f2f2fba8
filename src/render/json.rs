//! `--format json`: one document listing every finding, never grouped.

use crate::diagnostic::Severity;
use crate::linter::Run;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    /// Word files only: the paragraph's number in the document (the same as `line`).
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<&'a str>,
    /// Duplicates reported with `parallel = "report"`: why the pair is judged legitimate.
    #[serde(skip_serializing_if = "Option::is_none")]
    set_aside: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    safe: bool,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: usize,
    length: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct Summary<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    input_errors: Vec<InputErrorJson<'a>>,
    /// Binary files a directory walk skipped (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skipped: Vec<InputErrorJson<'a>>,
    /// Files `--fix` left unchanged because it could not write them (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fix_errors: Vec<InputErrorJson<'a>>,
    /// Files not in UTF-8, with the encoding they were read in.
    encodings: std::collections::BTreeMap<&'a str, &'static str>,
}

#[derive(Serialize)]
struct InputErrorJson<'a> {
    path: &'a str,
    message: &'a str,
}

pub fn render(run: &Run, out: &mut dyn Write) -> std::io::Result<()> {
    let diagnostics = run
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            path: &run.paths[d.document],
            rule: d.rule.as_str(),
            severity: d.severity,
            message: &d.message,
            paragraph: word_paragraph(&run.paths[d.document], d.start.line),
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
            offset: d.span.start,
            length: d.span.len(),
            help: d.help.as_deref(),
            similarity: d.similarity.map(|s| (s * 10_000.0).round() / 10_000.0),
            diff: d.diff.as_deref(),
            set_aside: d.set_aside,
            fix: d.fix.as_ref().map(|f| JsonFix {
                title: &f.title,
                safe: f.safe,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        offset: e.range.start,
                        length: e.range.len(),
                        replacement: &e.replacement,
                    })
                    .collect(),
            }),
            related: d
                .related
                .iter()
                .map(|r| JsonRelated {
                    path: &run.paths[r.document],
                    paragraph: word_paragraph(&run.paths[r.document], r.start.line),
                    line: r.start.line,
                    column: r.start.column,
                    message: &r.message,
                })
                .collect(),
        })
        .collect();
    let output = Output {
        diagnostics,
        summary: Summary {
            files: run.paths.len(),
            errors: run.count(Severity::Error),
            warnings: run.count(Severity::Warning),
            infos: run.count(Severity::Info),
            encodings: run
                .paths
                .iter()
                .zip(&run.encodings)
                .filter(|(_, e)| !e.is_utf8())
                .map(|(path, e)| (path.as_str(), e.name()))
                .collect(),
            input_errors: run
                .errors
                .iter()
                .map(|e| InputErrorJson {
                    path: &e.path,
                    message: &e.message,
                })
                .collect(),
            skipped: run
                .skipped
                .iter()
                .map(|e| InputErrorJson {
                    path: &e.path,
                    message: &e.message,
                })
                .collect(),
            fix_errors: run
                .fix_errors
                .iter()
                .map(|e| InputErrorJson {
                    path: &e.path,
                    message: &e.message,
                })
                .collect(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

/// A Word file's text has one paragraph per line, so a line is a paragraph number.
fn word_paragraph(path: &str, line: usize) -> Option<usize> {
    crate::linter::is_office(path).then_some(line)
}
