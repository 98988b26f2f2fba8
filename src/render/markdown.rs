//! `--format markdown`: a report for a CI job's summary page (`$GITHUB_STEP_SUMMARY`), in
//! the run's language. GitHub shows ten error and ten warning annotations per step; this
//! page carries the rest: the totals, the findings per rule and per file, the errors one by
//! one, and each duplicate with the place it repeats.
//!
//! Long lists are cut (GitHub takes at most 1 MiB of summary per step); a line says how
//! many more there are and where they all are.

use crate::linter::Run;
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use crate::rules::{self, Check};
use std::io::Write;

/// Rows of the file table, the error list and the duplicate list shown at most.
const FILES_SHOWN: usize = 50;
const ROWS_SHOWN: usize = 100;

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let say = |message: crate::report::message::Message| message.render(lang);
    writeln!(out, "## govlint\n")?;
    writeln!(out, "{}", message_cell(&super::human::summary(run, lang)))?;
    if !run.diagnostics.is_empty() {
        rule_table(run, out, lang)?;
        file_table(run, out, lang)?;
        error_list(run, out, lang)?;
        duplicate_list(run, out, lang)?;
    }
    if !run.errors.is_empty() || !run.fix_errors.is_empty() {
        writeln!(out, "\n### {}\n", say(crate::msg!("md-not-linted-heading")))?;
        header(
            out,
            &[
                (say(crate::msg!("md-col-file")), false),
                (say(crate::msg!("md-col-message")), false),
            ],
        )?;
        for error in run.errors.iter().chain(&run.fix_errors) {
            let why = error.message.render(lang);
            writeln!(out, "| {} | {} |", cell(&error.path), message_cell(&why))?;
        }
    }
    Ok(())
}

/// One row per rule and severity, as `--statistics` counts them.
fn rule_table(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let say = |message: crate::report::message::Message| message.render(lang);
    writeln!(out, "\n### {}\n", say(crate::msg!("md-rules-heading")))?;
    header(
        out,
        &[
            (say(crate::msg!("md-col-rule")), false),
            (say(crate::msg!("md-col-severity")), false),
            (say(crate::msg!("md-col-findings")), true),
            (say(crate::msg!("md-col-fixable")), true),
        ],
    )?;
    for row in super::statistics::rows(run) {
        let severity = say(crate::msg!(
            "human-severity",
            severity = row.severity.as_str()
        ));
        writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            row.rule,
            cell(&severity),
            row.count,
            row.fixable
        )?;
    }
    Ok(())
}

/// Files with findings, most first, with their errors and warnings.
fn file_table(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let say = |message: crate::report::message::Message| message.render(lang);
    let files = super::statistics::files_by_errors(run);
    writeln!(out, "\n### {}\n", say(crate::msg!("md-files-heading")))?;
    header(
        out,
        &[
            (say(crate::msg!("md-col-file")), false),
            (say(crate::msg!("md-col-findings")), true),
            (say(crate::msg!("md-col-errors")), true),
            (say(crate::msg!("md-col-warnings")), true),
        ],
    )?;
    for (file, (total, errors, warnings)) in files.iter().take(FILES_SHOWN) {
        let path = cell(&run.paths[*file]);
        writeln!(out, "| {path} | {total} | {errors} | {warnings} |")?;
    }
    more(out, files.len().saturating_sub(FILES_SHOWN), lang)
}

/// Every error (up to `ROWS_SHOWN`): what fails the run by default.
fn error_list(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let say = |message: crate::report::message::Message| message.render(lang);
    let errors: Vec<_> = run
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {}\n", say(crate::msg!("md-errors-heading")))?;
    header(
        out,
        &[
            (say(crate::msg!("md-col-place")), false),
            (say(crate::msg!("md-col-rule")), false),
            (say(crate::msg!("md-col-message")), false),
        ],
    )?;
    for diagnostic in errors.iter().take(ROWS_SHOWN) {
        let place = format!(
            "{}:{}:{}",
            run.paths[diagnostic.document], diagnostic.start.line, diagnostic.start.column
        );
        writeln!(
            out,
            "| {} | `{}` | {} |",
            cell(&place),
            diagnostic.rule.as_str(),
            message_cell(&diagnostic.message.render(lang))
        )?;
    }
    more(out, errors.len().saturating_sub(ROWS_SHOWN), lang)
}

/// Each finding of the duplicate rules as a pair: the copy, and the places it repeats.
fn duplicate_list(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let say = |message: crate::report::message::Message| message.render(lang);
    let pairs: Vec<_> = run
        .diagnostics
        .iter()
        .filter(|d| !d.related.is_empty())
        .filter(|d| {
            rules::find(d.rule.as_str()).is_some_and(|r| matches!(r.check, Check::Duplicates))
        })
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {}\n", say(crate::msg!("md-duplicates-heading")))?;
    header(
        out,
        &[
            (say(crate::msg!("md-col-copy")), false),
            (say(crate::msg!("md-col-original")), false),
            (say(crate::msg!("md-col-rule")), false),
            (say(crate::msg!("md-col-similarity")), true),
        ],
    )?;
    for diagnostic in pairs.iter().take(ROWS_SHOWN) {
        let copy = format!(
            "{}:{}",
            run.paths[diagnostic.document], diagnostic.start.line
        );
        let originals: Vec<String> = diagnostic
            .related
            .iter()
            .map(|r| cell(&format!("{}:{}", run.paths[r.document], r.start.line)))
            .collect();
        let similarity = diagnostic
            .similarity
            .map(|s| format!("{:.0}%", s * 100.0))
            .unwrap_or_default();
        writeln!(
            out,
            "| {} | {} | `{}` | {similarity} |",
            cell(&copy),
            originals.join("<br>"),
            diagnostic.rule.as_str(),
        )?;
    }
    more(out, pairs.len().saturating_sub(ROWS_SHOWN), lang)
}

/// A table's header and alignment rows; `true` aligns a column of numbers to the right.
fn header(out: &mut dyn Write, columns: &[(String, bool)]) -> std::io::Result<()> {
    let names: Vec<String> = columns.iter().map(|(name, _)| message_cell(name)).collect();
    let aligns: Vec<&str> = columns
        .iter()
        .map(|&(_, right)| if right { "--:" } else { ":--" })
        .collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "| {} |", aligns.join(" | "))
}

fn more(out: &mut dyn Write, hidden: usize, lang: Lang) -> std::io::Result<()> {
    if hidden > 0 {
        writeln!(
            out,
            "\n{}",
            message_cell(&crate::msg!("md-more", count = hidden).render(lang))
        )?;
    }
    Ok(())
}

/// Text from a document or a file name, shown as it is: nothing in it is read as Markdown
/// or HTML (a `|` would end the table cell, `<b>` a tag, `*` emphasis, `$` math), and no
/// control character or line break reaches the page. Only what acts inside a line is
/// escaped: every cell is inside a table row, never at the start of a block.
fn cell(text: &str) -> String {
    let text = crate::text::escape_controls(text);
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~&$".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A message of govlint's: its `code spans` (the marks, the rule's examples) stay code,
/// the rest is `cell` text. A message with an odd number of backticks has them all shown.
fn message_cell(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return cell(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            shown.push_str(&cell(part));
        } else if part.trim().is_empty() {
            // An empty or blank code span is no span in Markdown: show the backticks.
            shown.push_str("\\`");
            shown.push_str(&cell(part));
            shown.push_str("\\`");
        } else {
            // In a table a code span still ends at `|` unless it is escaped (GFM); a
            // backslash is otherwise literal in code.
            let code = crate::text::escape_controls(part).replace('|', "\\|");
            shown.push('`');
            shown.push_str(&code);
            shown.push('`');
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_text_is_never_read_as_markdown() {
        assert_eq!(cell("a|b<script>*x*"), "a\\|b\\<script\\>\\*x\\*");
        assert_eq!(cell("第1段\n第2段\x1b"), "第1段\\\\n第2段\\\\u{1b}");
        assert_eq!(cell("甲 文件.txt:3 $x$"), "甲 文件.txt:3 \\$x\\$");
    }

    #[test]
    fn code_spans_of_messages_stay_code() {
        assert_eq!(
            message_cell("ASCII `.` used as a Chinese full stop"),
            "ASCII `.` used as a Chinese full stop"
        );
        assert_eq!(message_cell("mark `|` here"), "mark `\\|` here");
        assert_eq!(message_cell("odd ` tick"), "odd \\` tick");
        assert_eq!(message_cell("empty `` span"), "empty \\`\\` span");
    }
}
