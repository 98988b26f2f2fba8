//! `--statistics`: how many findings each rule made, instead of the findings, for judging
//! a large corpus at a glance or choosing which rules to `--ignore`.
//!
//! A rule whose findings differ in severity (a duplicate within one file is an error, text
//! common to many files a warning) has one row per severity.

use crate::linter::Run;
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

#[derive(Serialize)]
pub(crate) struct Row {
    pub(crate) rule: &'static str,
    pub(crate) severity: Severity,
    pub(crate) count: usize,
    /// Findings that `govlint check --fix` corrects (those with a safe fix).
    pub(crate) fixable: usize,
}

/// Rows sorted by count, most first, then by rule name and severity, worst first.
pub(crate) fn rows(run: &Run) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for diagnostic in &run.diagnostics {
        let fixable = usize::from(diagnostic.fix.as_ref().is_some_and(|fix| fix.safe));
        let row = rows
            .iter_mut()
            .find(|row| row.rule == diagnostic.rule && row.severity == diagnostic.severity);
        match row {
            Some(row) => {
                row.count += 1;
                row.fixable += fixable;
            }
            None => rows.push(Row {
                rule: diagnostic.rule.as_str(),
                severity: diagnostic.severity,
                count: 1,
                fixable,
            }),
        }
    }
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.rule.cmp(b.rule))
            .then_with(|| b.severity.cmp(&a.severity))
    });
    rows
}

/// A table: count, rule, severity, and how many `--fix` corrects.
///
/// ```text
///   129  halfwidth-punctuation  warning  [*] fixable
///     1  duplicate-paragraph    error
/// ```
pub fn render(run: &Run, out: &mut dyn Write, quiet: bool, lang: Lang) -> std::io::Result<()> {
    let rows = rows(run);
    let severity = |row: &Row| crate::msg!("human-severity", severity = row.severity.as_str());
    let severities: Vec<String> = rows.iter().map(|r| severity(r).render(lang)).collect();
    let count_width = rows.iter().map(|r| r.count.to_string().len()).max();
    let rule_width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    // Padded by columns, not bytes: `警告` is two characters, four columns.
    let severity_width = severities.iter().map(|s| s.width()).max().unwrap_or(0);
    for (row, severity) in rows.iter().zip(&severities) {
        let fix = match row.fixable {
            0 => String::new(),
            n if n == row.count => crate::msg!("stats-fixable-all").render(lang),
            n => crate::msg!("stats-fixable-some", count = n).render(lang),
        };
        let line = format!(
            "{:>count_width$}  {:rule_width$}  {severity}{:pad$}  {fix}",
            row.count,
            row.rule,
            "",
            count_width = count_width.unwrap_or(0) + 2,
            pad = severity_width - severity.width(),
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if !quiet && rows.iter().any(|row| row.fixable > 0) {
        writeln!(out, "{}", crate::msg!("stats-fix-legend").render(lang))?;
    }
    render_files(run, out, lang)
}

/// `[{"rule", "severity", "count", "fixable"}]`, in the table's order: the shape scripts and
/// CI jobs read since the first release, kept as it is (the files are in the table only;
/// `--format json` without `--statistics` lists every finding with its path).
pub fn render_json(run: &Run, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &rows(run))?;
    writeln!(out)
}

/// The findings of one file.
struct FileRow<'a> {
    path: &'a str,
    count: usize,
    /// Findings per rule, most first.
    rules: Vec<(&'static str, usize)>,
}

/// Each file with findings, by index, with its findings, errors and warnings: the most
/// errors first, then the most findings, then by path (the Markdown and HTML reports' lists).
pub(crate) fn files_by_errors(run: &Run) -> Vec<(usize, (usize, usize, usize))> {
    let mut counts = vec![(0usize, 0usize, 0usize); run.paths.len()];
    for diagnostic in &run.diagnostics {
        let Some(count) = counts.get_mut(diagnostic.document) else {
            continue;
        };
        count.0 += 1;
        match diagnostic.severity {
            Severity::Error => count.1 += 1,
            Severity::Warning => count.2 += 1,
            Severity::Info => {}
        }
    }
    let mut files: Vec<(usize, (usize, usize, usize))> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, count)| count.0 > 0)
        .collect();
    files.sort_by(|a, b| {
        (b.1.1, b.1.0)
            .cmp(&(a.1.1, a.1.0))
            .then_with(|| run.paths[a.0].cmp(&run.paths[b.0]))
    });
    files
}

/// Files with findings, most first, then by path.
fn file_rows(run: &Run) -> Vec<FileRow<'_>> {
    let mut per_file: Vec<Vec<(&'static str, usize)>> = vec![Vec::new(); run.paths.len()];
    for diagnostic in &run.diagnostics {
        let Some(rules) = per_file.get_mut(diagnostic.document) else {
            continue;
        };
        match rules.iter_mut().find(|(rule, _)| *rule == diagnostic.rule) {
            Some((_, n)) => *n += 1,
            None => rules.push((diagnostic.rule.as_str(), 1)),
        }
    }
    let mut rows: Vec<FileRow> = per_file
        .into_iter()
        .enumerate()
        .filter(|(_, rules)| !rules.is_empty())
        .map(|(file, mut rules)| {
            rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            FileRow {
                path: &run.paths[file],
                count: rules.iter().map(|(_, n)| n).sum(),
                rules,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.path.cmp(b.path)));
    rows
}

/// Files listed by the table; JSON lists them all.
const FILES_SHOWN: usize = 10;

/// The files with the most findings, after the rules:
///
/// ```text
/// Files with the most findings:
///   900  laws/a.md  (halfwidth-punctuation 880, cjk-space 20)
/// ```
fn render_files(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let rows = file_rows(run);
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", crate::msg!("stats-files-heading").render(lang))?;
    let joiner = crate::msg!("human-list-joiner").render(lang);
    let count_width = rows.first().map_or(0, |r| r.count.to_string().len()) + 2;
    for row in rows.iter().take(FILES_SHOWN) {
        let rules: Vec<String> = row
            .rules
            .iter()
            .take(3)
            .map(|(rule, n)| crate::msg!("stats-file-rule", rule = *rule, count = *n).render(lang))
            .collect();
        let rules = crate::msg!(
            "stats-file-rules",
            rules = rules.join(&joiner),
            more = if row.rules.len() > 3 { "yes" } else { "no" }
        );
        writeln!(
            out,
            "{:>count_width$}  {}  {}",
            row.count,
            crate::text::escape_terminal_controls(row.path),
            rules.render(lang)
        )?;
    }
    if rows.len() > FILES_SHOWN {
        let more = crate::msg!("stats-more-files", count = rows.len() - FILES_SHOWN);
        writeln!(out, "  {}", more.render(lang))?;
    }
    Ok(())
}

/// For the closing summary of a long report: the rule that makes most of it and the few
/// files it is in, and the errors by rule, so that rare errors are not lost under a habit
/// repeated a thousand times. `None` for a short report, read whole anyway.
pub fn bulk(run: &Run, lang: Lang) -> Option<String> {
    const LONG_REPORT: usize = 50;
    if run.diagnostics.len() < LONG_REPORT {
        return None;
    }
    let rows = rows(run);
    let mut by_rule: Vec<(&str, usize)> = Vec::new();
    for row in &rows {
        match by_rule.iter_mut().find(|(rule, _)| *rule == row.rule) {
            Some((_, n)) => *n += row.count,
            None => by_rule.push((row.rule, row.count)),
        }
    }
    by_rule.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut lines = Vec::new();
    if let Some(&(rule, count)) = by_rule.first()
        && count * 2 >= run.diagnostics.len()
    {
        let mut files: Vec<usize> = run
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .map(|d| d.document)
            .collect();
        files.dedup();
        let line = crate::msg!(
            "stats-bulk-rule",
            count = count,
            rule = rule,
            files = files.len()
        );
        lines.push(line.render(lang));
    }
    let errors: Vec<String> = rows
        .iter()
        .filter(|row| row.severity == Severity::Error)
        .map(|row| crate::msg!("stats-bulk-error", count = row.count, rule = row.rule).render(lang))
        .collect();
    if !errors.is_empty() {
        let joiner = crate::msg!("human-list-joiner").render(lang);
        let line = crate::msg!("stats-bulk-errors", errors = errors.join(&joiner));
        lines.push(line.render(lang));
    }
    lines.push(crate::msg!("stats-bulk-hint").render(lang));
    Some(lines.join("\n"))
}
