//! `--format json`: one document listing every finding, never grouped.

use crate::linter::Run;
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Findings in a paragraph copied into many files, each fault once with its places
    /// (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    widespread: Vec<WidespreadJson<'a>>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct WidespreadJson<'a> {
    rule: &'a str,
    message: String,
    files: usize,
    places: Vec<PlaceJson<'a>>,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    path: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: Severity,
    message: String,
    /// Word files only: the Word paragraph's number in the document (the same as `line`
    /// unless soft line breaks before it made lines of their own).
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
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
    title: String,
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
    offset: usize,
    length: usize,
    message: String,
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
    /// Office files with parts that hold text and were not read, so not checked
    /// (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unread_parts: Vec<UnreadJson<'a>>,
    /// Files not in UTF-8, with the encoding they were read in.
    encodings: std::collections::BTreeMap<&'a str, &'static str>,
}

#[derive(Serialize)]
struct UnreadJson<'a> {
    path: &'a str,
    parts: &'a [String],
}

#[derive(Serialize)]
struct InputErrorJson<'a> {
    path: &'a str,
    message: String,
}

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let paragraphs = WordParagraphs::of(run);
    let word_paragraph = |document: usize, line: usize| paragraphs.paragraph(document, line);
    let diagnostics = run
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            path: &run.paths[d.document],
            rule: d.rule.as_str(),
            severity: d.severity,
            message: d.message.render(lang),
            paragraph: word_paragraph(d.document, d.start.line),
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
            offset: d.span.start,
            length: d.span.len(),
            help: d.help.as_ref().map(|h| h.render(lang)),
            similarity: d.similarity.map(|s| (s * 10_000.0).round() / 10_000.0),
            diff: d.diff.as_deref(),
            set_aside: d.set_aside,
            fix: d.fix.as_ref().map(|f| JsonFix {
                title: f.title.render(lang),
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
                    paragraph: word_paragraph(r.document, r.start.line),
                    line: r.start.line,
                    column: r.start.column,
                    offset: r.span.start,
                    length: r.span.len(),
                    message: r.message.render(lang),
                })
                .collect(),
        })
        .collect();
    let widespread = run
        .widespread
        .iter()
        .filter_map(|group| {
            let first = run.diagnostics.get(*group.findings.first()?)?;
            Some(WidespreadJson {
                rule: first.rule.as_str(),
                message: first.message.render(lang),
                files: group.files,
                places: group
                    .findings
                    .iter()
                    .filter_map(|&i| run.diagnostics.get(i))
                    .map(|d| PlaceJson {
                        path: &run.paths[d.document],
                        line: d.start.line,
                        column: d.start.column,
                    })
                    .collect(),
            })
        })
        .collect();
    let output = Output {
        diagnostics,
        widespread,
        summary: Summary {
            files: run.linted_files(),
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
                    message: e.message.render(lang),
                })
                .collect(),
            skipped: run
                .skipped
                .iter()
                .map(|e| InputErrorJson {
                    path: &e.path,
                    message: e.message.render(lang),
                })
                .collect(),
            unread_parts: run
                .paths
                .iter()
                .zip(&run.unread_parts)
                .filter(|(_, parts)| !parts.is_empty())
                .map(|(path, parts)| UnreadJson { path, parts })
                .collect(),
            fix_errors: run
                .fix_errors
                .iter()
                .map(|e| InputErrorJson {
                    path: &e.path,
                    message: e.message.render(lang),
                })
                .collect(),
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

/// The Word paragraph each line of an office document's text is in: the line's number less
/// the soft line breaks before it (`Source::continued_lines`), so the line itself in a
/// document without any.
struct WordParagraphs {
    /// By file: `None` when it is not an office document; its lines that continue a
    /// paragraph otherwise.
    continued: Vec<Option<Vec<usize>>>,
}

impl WordParagraphs {
    fn of(run: &Run) -> WordParagraphs {
        let mut continued: Vec<Option<Vec<usize>>> = vec![None; run.paths.len()];
        let places = run
            .diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.document).chain(d.related.iter().map(|r| r.document)));
        for document in places {
            if continued[document].is_none() && crate::linter::is_office(&run.paths[document]) {
                // A file taken from the cache is read again: the lines are not cached.
                let lines = match run.continued_lines.get(document) {
                    Some(Some(lines)) => lines.clone(),
                    _ => run
                        .source(document)
                        .map(|s| s.continued_lines.clone())
                        .unwrap_or_default(),
                };
                continued[document] = Some(lines);
            }
        }
        WordParagraphs { continued }
    }

    /// The 1-based Word paragraph of 1-based `line`, in an office document.
    fn paragraph(&self, document: usize, line: usize) -> Option<usize> {
        let continued = self.continued.get(document)?.as_ref()?;
        let before = continued.partition_point(|&l| l < line);
        Some(line - before)
    }
}
