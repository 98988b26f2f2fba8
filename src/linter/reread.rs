//! A report govlint wrote as JSON (`--format json`, or the Spark job's findings), read back
//! as a run, so that `govlint report FINDINGS.json` shows it in any format. Messages stay
//! in the language they were written in; places are taken as written, and related places,
//! written as lines and columns, are found in the files where they can still be read.

use super::{Run, widespread::Widespread};
use crate::document::source::Position;
use crate::input::decode::{self, TextEncoding};
use crate::input::walk::InputError;
use crate::report::diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
use crate::report::message::Message;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Deserialize)]
struct Report {
    diagnostics: Vec<Finding>,
    #[serde(default)]
    widespread: Vec<Group>,
    summary: Summary,
}

#[derive(Deserialize)]
struct Finding {
    path: String,
    rule: String,
    severity: Severity,
    message: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    length: usize,
    help: Option<String>,
    similarity: Option<f64>,
    diff: Option<String>,
    set_aside: Option<String>,
    #[serde(default)]
    related: Vec<Place>,
    fix: Option<FixJson>,
}

#[derive(Deserialize)]
struct Place {
    path: String,
    line: usize,
    column: usize,
    /// Written by govlint since its JSON named related places' bytes.
    offset: Option<usize>,
    length: Option<usize>,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct FixJson {
    title: String,
    safe: bool,
    edits: Vec<EditJson>,
}

#[derive(Deserialize)]
struct EditJson {
    offset: usize,
    length: usize,
    replacement: String,
}

#[derive(Deserialize)]
struct Group {
    rule: String,
    places: Vec<Place>,
}

#[derive(Deserialize)]
struct Summary {
    files: usize,
    #[serde(default)]
    input_errors: Vec<Named>,
    #[serde(default)]
    skipped: Vec<Named>,
    #[serde(default)]
    encodings: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Named {
    path: String,
    message: String,
}

/// A sentence of the report, shown as written.
fn as_written(text: &str) -> Message {
    crate::msg!("as-written", text = text)
}

/// The run a JSON report describes, or why `bytes` is not one. A finding of a rule this
/// govlint does not know is an input error of its file, and the rest is read.
pub fn from_json(bytes: &[u8], max_file_size: u64) -> Result<Run, serde_json::Error> {
    let report: Report = serde_json::from_slice(bytes)?;
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for finding in &report.diagnostics {
        names.insert(&finding.path);
        names.extend(finding.related.iter().map(|place| place.path.as_str()));
    }
    let paths: Vec<String> = names.into_iter().map(str::to_string).collect();
    let number = |path: &str| paths.binary_search_by(|p| p.as_str().cmp(path)).ok();
    let encodings: Vec<TextEncoding> = paths
        .iter()
        .map(|path| {
            report
                .summary
                .encodings
                .get(path)
                .and_then(|label| decode::from_label(label))
                .unwrap_or(TextEncoding::Utf8)
        })
        .collect();
    let mut run = Run {
        files: paths.iter().map(|path| Some(PathBuf::from(path))).collect(),
        sources: vec![None; paths.len()],
        diagnostics: Vec::new(),
        errors: Vec::new(),
        skipped: Vec::new(),
        fix_errors: Vec::new(),
        unread_parts: vec![Vec::new(); paths.len()],
        encodings,
        digests: vec![None; paths.len()],
        max_file_size,
        notices: Vec::new(),
        continued_lines: vec![None; paths.len()],
        context: 0,
        widespread: Vec::new(),
        paths: Vec::new(),
    };
    run.paths = paths.clone();
    // Related places are lines and columns; the renderers link and quote byte spans.
    let mut sources = BTreeMap::new();
    let mut span_of = |run: &Run, document: usize, line: usize, column: usize| {
        let source = sources
            .entry(document)
            .or_insert_with(|| run.source(document).map(std::borrow::Cow::into_owned));
        let place = Position { line, column };
        let Some((source, start)) = source
            .as_ref()
            .and_then(|source| Some((source, source.offset_of(place)?)))
        else {
            return 0..0;
        };
        // To the end of its line: a paragraph, for the places duplicates name.
        start..source.line_span(line - 1).end.max(start)
    };
    for finding in report.diagnostics {
        let Some(document) = number(&finding.path) else {
            continue;
        };
        let Some(rule) = crate::rules::find(&finding.rule) else {
            run.errors.push(InputError {
                path: finding.path.clone(),
                message: crate::msg!("reread-unknown-rule", rule = finding.rule.as_str()),
            });
            continue;
        };
        let related = finding
            .related
            .iter()
            .filter_map(|place| {
                let document = number(&place.path)?;
                let span = match (place.offset, place.length) {
                    (Some(offset), Some(length)) => offset..offset + length,
                    _ => span_of(&run, document, place.line, place.column),
                };
                Some(Related {
                    document,
                    span,
                    start: Position {
                        line: place.line,
                        column: place.column,
                    },
                    message: as_written(&place.message),
                })
            })
            .collect();
        run.diagnostics.push(Diagnostic {
            rule: rule.id(),
            severity: finding.severity,
            message: as_written(&finding.message),
            document,
            span: finding.offset..finding.offset + finding.length,
            start: Position {
                line: finding.line,
                column: finding.column,
            },
            end: Position {
                line: finding.end_line,
                column: finding.end_column,
            },
            // The human format folds findings of one paragraph; the line stands for it.
            paragraph: finding.line,
            related,
            help: finding.help.as_deref().map(as_written),
            similarity: finding.similarity,
            diff: finding.diff,
            set_aside: finding
                .set_aside
                .as_deref()
                .and_then(crate::dedup::judge::SetAside::named),
            fix: finding.fix.map(|fix| Fix {
                title: as_written(&fix.title),
                safe: fix.safe,
                edits: fix
                    .edits
                    .into_iter()
                    .map(|edit| Edit {
                        range: edit.offset..edit.offset + edit.length,
                        replacement: edit.replacement,
                    })
                    .collect(),
            }),
            fingerprint: 0,
        });
    }
    run.diagnostics.sort_by(|a, b| {
        (a.document, a.start.line, a.start.column, a.rule).cmp(&(
            b.document,
            b.start.line,
            b.start.column,
            b.rule,
        ))
    });
    for (list, into) in [
        (report.summary.input_errors, &mut run.errors),
        (report.summary.skipped, &mut run.skipped),
    ] {
        into.extend(list.into_iter().map(|named| InputError {
            path: named.path,
            message: as_written(&named.message),
        }));
    }
    // Files linted without findings are not named in a report: counted, as it counted them.
    let unnamed = report.summary.files.saturating_sub(run.paths.len());
    run.context = 0;
    run.notices = Vec::new();
    for _ in 0..unnamed {
        run.paths.push(String::new());
        run.files.push(None);
        run.sources.push(None);
        run.unread_parts.push(Vec::new());
        run.encodings.push(TextEncoding::Utf8);
        run.digests.push(None);
        run.continued_lines.push(None);
    }
    run.widespread = report
        .widespread
        .iter()
        .filter_map(|group| {
            let findings: Vec<usize> = group
                .places
                .iter()
                .filter_map(|place| {
                    run.diagnostics.iter().position(|d| {
                        d.rule == group.rule.as_str()
                            && run.paths[d.document] == place.path
                            && d.start.line == place.line
                            && d.start.column == place.column
                    })
                })
                .collect();
            let mut documents: Vec<usize> = findings
                .iter()
                .map(|&i| run.diagnostics[i].document)
                .collect();
            documents.dedup();
            (!findings.is_empty()).then_some(Widespread {
                findings,
                files: documents.len(),
            })
        })
        .collect();
    Ok(run)
}
