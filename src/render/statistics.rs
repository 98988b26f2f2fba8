//! `--statistics`: how many findings each rule made, instead of the findings, for judging
//! a large corpus at a glance or choosing which rules to `--ignore`.
//!
//! A rule whose findings differ in severity (a duplicate within one file is an error, text
//! common to many files a warning) has one row per severity.

use crate::diagnostic::Severity;
use crate::linter::Run;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Row {
    rule: &'static str,
    severity: Severity,
    count: usize,
    /// Findings that `govlint check --fix` corrects (those with a safe fix).
    fixable: usize,
}

/// Rows sorted by count, most first, then by rule name and severity, worst first.
fn rows(run: &Run) -> Vec<Row> {
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
                rule: diagnostic.rule,
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
pub fn render(run: &Run, out: &mut dyn Write, quiet: bool) -> std::io::Result<()> {
    let rows = rows(run);
    let count_width = rows.iter().map(|r| r.count.to_string().len()).max();
    let rule_width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    let severity_width = rows
        .iter()
        .map(|r| r.severity.as_str().len())
        .max()
        .unwrap_or(0);
    for row in &rows {
        let fix = match row.fixable {
            0 => String::new(),
            n if n == row.count => "[*] fixable".to_string(),
            n => format!("[*] {n} fixable"),
        };
        let line = format!(
            "{:>count_width$}  {:rule_width$}  {:severity_width$}  {fix}",
            row.count,
            row.rule,
            row.severity.as_str(),
            count_width = count_width.unwrap_or(0) + 2,
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if !quiet && rows.iter().any(|row| row.fixable > 0) {
        writeln!(out, "[*] fixed by `govlint check --fix`")?;
    }
    Ok(())
}

/// `[{"rule", "severity", "count", "fixable"}]`, in the table's order.
pub fn render_json(run: &Run, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &rows(run))?;
    writeln!(out)
}
