//! `--format human`: miette reports with the source excerpt under each finding. A rule that
//! fires many times in one file shows its first findings and one line for the rest.

use crate::document::source::Source;
use crate::linter::Run;
use crate::report::diagnostic::{Diagnostic, Related, Severity};
use crate::report::message::Lang;
use crate::text::{escape_controls, escape_terminal_controls};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::Write;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Findings of one rule in one file shown in full before the rest are summarized.
const SHOWN_PER_RULE: usize = 1;
/// A rule with at most this many findings in a file shows them all.
const SUMMARIZE_ABOVE: usize = 5;
/// Characters of context shown on either side of a mark; long paragraphs are cut.
const CONTEXT_CHARS: usize = 20;
/// Characters of a paragraph underlined when the finding covers the whole paragraph.
const LABEL_CHARS: usize = 24;
/// Related places (other copies of a duplicate) listed under a finding.
const SHOWN_RELATED: usize = 3;

pub struct Style {
    pub color: bool,
    pub quiet: bool,
    pub lang: Lang,
}

pub fn render(run: &Run, out: &mut dyn Write, style: &Style) -> std::io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(0);
    let mut start = 0;
    while start < run.diagnostics.len() {
        let document = run.diagnostics[start].document;
        let end = start
            + run.diagnostics[start..]
                .iter()
                .take_while(|d| d.document == document)
                .count();
        render_document(run, &run.diagnostics[start..end], &handler, out, style.lang)?;
        start = end;
    }
    if !style.quiet {
        for (path, encoding) in run.paths.iter().zip(&run.encodings) {
            if !encoding.is_utf8() {
                let note = crate::msg!(
                    "human-read-as",
                    path = escape_controls(path).into_owned(),
                    encoding = encoding.name()
                );
                writeln!(out, "{}", note.render(style.lang))?;
            }
        }
        writeln!(out, "{}", summary(run, style.lang))?;
        if let Some(bulk) = super::statistics::bulk(run) {
            writeln!(out, "{bulk}")?;
        }
    }
    Ok(())
}

fn render_document(
    run: &Run,
    diagnostics: &[Diagnostic],
    handler: &GraphicalReportHandler,
    out: &mut dyn Write,
    lang: Lang,
) -> std::io::Result<()> {
    let path = &run.paths[diagnostics[0].document];
    let Some(source) = run.source(diagnostics[0].document) else {
        writeln!(
            out,
            "{}: {} findings (the file can no longer be read to show them)",
            escape_controls(path),
            diagnostics.len()
        )?;
        return Ok(());
    };
    let mut rules: Vec<&str> = diagnostics.iter().map(|d| d.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    // Counted once per rule, not once per finding: a file may have 100 000 findings.
    let counts: Vec<usize> = rules
        .iter()
        .map(|&rule| diagnostics.iter().filter(|d| d.rule == rule).count())
        .collect();
    let count = |rule: &str| {
        rules
            .iter()
            .position(|&r| r == rule)
            .map_or(0, |i| counts[i])
    };
    let mut shown: Vec<(&str, usize)> = rules.iter().map(|&r| (r, 0)).collect();
    for diagnostic in diagnostics {
        let Some(entry) = shown.iter_mut().find(|(rule, _)| *rule == diagnostic.rule) else {
            continue;
        };
        let summarized = count(diagnostic.rule.as_str()) > SUMMARIZE_ABOVE;
        if summarized && entry.1 >= SHOWN_PER_RULE {
            continue;
        }
        entry.1 += 1;
        let finding = Finding::new(&source, diagnostic, lang);
        let mut text = String::new();
        handler
            .render_report(&mut text, &finding)
            .map_err(|_| std::io::Error::other("could not format a finding"))?;
        write!(out, "{text}")?;
        for related in diagnostic.related.iter().take(SHOWN_RELATED) {
            writeln!(
                out,
                "  ↳ {}",
                escape_controls(&describe_related(run, related, lang))
            )?;
        }
        if !diagnostic.related.is_empty() {
            writeln!(out)?;
        }
    }
    for &rule in &rules {
        let total = count(rule);
        if total <= SUMMARIZE_ABOVE {
            continue;
        }
        let all: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.rule == rule).collect();
        let line = summarize(&source.text, path, rule, &all);
        writeln!(out, "  {}\n", escape_controls(&line))?;
    }
    Ok(())
}

/// One line for a rule that fires many times in a file: a document whose punctuation was
/// folded to ASCII is one fault, told once, with what was found where and how to fix it.
fn summarize(text: &str, path: &str, rule: &str, all: &[&Diagnostic]) -> String {
    let mut marks: Vec<(String, usize)> = Vec::new();
    for d in all {
        let Some(found) = text.get(d.span.clone()) else {
            continue;
        };
        let mark = if found.chars().count() <= 2 {
            found.to_string()
        } else if found.starts_with('(') && found.ends_with(')') {
            "( )".to_string()
        } else {
            continue;
        };
        match marks.iter_mut().find(|(m, _)| *m == mark) {
            Some((_, n)) => *n += 1,
            None => marks.push((mark, 1)),
        }
    }
    marks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let breakdown = if marks.iter().map(|(_, n)| n).sum::<usize>() == all.len() {
        let parts: Vec<String> = marks.iter().map(|(m, n)| format!("{n} × `{m}`")).collect();
        format!(": {}", parts.join(", "))
    } else {
        String::new()
    };
    let mut lines: Vec<usize> = all.iter().map(|d| d.start.line).collect();
    lines.dedup();
    let listed: Vec<String> = lines.iter().take(12).map(usize::to_string).collect();
    let more = if lines.len() > 12 { ", …" } else { "" };
    let fixable = all
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .count();
    let fix = match fixable {
        0 => String::new(),
        n if n == all.len() => "; all fixed by `govlint check --fix`".to_string(),
        n => format!("; {n} fixed by `govlint check --fix`"),
    };
    let unit = crate::document::Format::from_path(path).line_unit();
    format!(
        "{rule}: {} {} findings in {path}{breakdown} ({unit}s {}{more}){fix}; `--format json` lists every one",
        all.len(),
        all[0].severity.as_str(),
        listed.join(", ")
    )
}

/// `first occurrence: path:11:1 注重示范驱动,培育法治品牌。充分发挥示范引导…`
fn describe_related(run: &Run, related: &Related, lang: Lang) -> String {
    let at = related.start;
    let path = &run.paths[related.document];
    let source = run.source(related.document);
    let text = source
        .as_ref()
        .and_then(|s| {
            s.text
                .get(related.span.start..related.span.end.min(s.text.len()))
        })
        .unwrap_or_default();
    let mut graphemes = text.graphemes(true);
    let mut excerpt: String = graphemes.by_ref().take(LABEL_CHARS).collect();
    if graphemes.next().is_some() {
        excerpt.push('…');
    }
    format!(
        "{}: {}:{}:{}  {excerpt}",
        related.message.render(lang),
        path,
        at.line,
        at.column
    )
}

/// How many files a walk skipped, by kind: `1 binary file skipped`, or `3 files skipped (1
/// binary, 2 .rtf)` when some are office formats govlint does not read.
pub fn skipped_summary(run: &Run, lang: Lang) -> String {
    let total = run.skipped.len();
    let mut formats: std::collections::BTreeMap<String, usize> = Default::default();
    for skipped in &run.skipped {
        if let Some(ext) = skipped.unread_extension() {
            *formats.entry(ext).or_default() += 1;
        }
    }
    let unread: usize = formats.values().sum();
    if unread == 0 {
        return crate::msg!("skipped-binary", count = total).render(lang);
    }
    let mut kinds = Vec::new();
    if total > unread {
        kinds.push(crate::msg!("skipped-kind-binary", count = total - unread).render(lang));
    }
    kinds.extend(formats.iter().map(|(ext, n)| {
        crate::msg!("skipped-kind-format", count = *n, extension = ext).render(lang)
    }));
    let separator = crate::msg!("skipped-kind-separator").render(lang);
    crate::msg!(
        "skipped-files",
        count = total,
        kinds = kinds.join(&separator)
    )
    .render(lang)
}

fn summary(run: &Run, lang: Lang) -> String {
    let files = run.paths.len();
    let errors = run.count(Severity::Error);
    let warnings = run.count(Severity::Warning);
    let infos = run.count(Severity::Info);
    let total = errors + warnings + infos;
    let found = if total == 0 {
        crate::msg!("human-no-problems", files = files)
    } else {
        crate::msg!(
            "human-problems",
            total = total,
            errors = errors,
            warnings = warnings,
            infos = infos,
            files = files
        )
    };
    let mut line = found.render(lang);
    if !run.errors.is_empty() {
        let not_linted = crate::msg!("human-not-linted", count = run.errors.len());
        line.push_str(&not_linted.render(lang));
    }
    if !run.skipped.is_empty() {
        let skipped = crate::msg!("human-skipped", summary = skipped_summary(run, lang));
        line.push_str(&skipped.render(lang));
    }
    let unread = run.unread_notes().count();
    if unread > 0 {
        // Which kinds, each once, in the order the files name them: `headers and footers`
        // counts as two, `embedded documents (w:altChunk)` without its gloss.
        let mut parts: Vec<&str> = Vec::new();
        for part in run.unread_parts.iter().flatten() {
            let name = part.split(" (").next().unwrap_or(part);
            for kind in name.split(" and ") {
                if !parts.contains(&kind) {
                    parts.push(kind);
                }
            }
        }
        let separator = crate::msg!("skipped-kind-separator").render(lang);
        let parts: Vec<String> = parts
            .iter()
            .map(|part| crate::linter::unread_part(part).render(lang))
            .collect();
        let note = crate::msg!(
            "human-unread-parts",
            count = unread,
            parts = parts.join(&separator)
        );
        line.push_str(&note.render(lang));
    }
    line
}

/// One line of a source, cut to a window around a span, that miette reads as if it were
/// the file: it reports the real line and column. Its control characters are escaped
/// (`\u{1b}`): a document's terminal escapes are shown, never sent to the terminal.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// The window of the source line, before escaping, for the columns of `text`.
    raw: String,
    /// 0-based line of the source.
    line: usize,
    /// 0-based character column of the first source character in `text`.
    column: usize,
    /// Bytes of the `…` put in front when the line was cut on the left.
    cut_prefix: usize,
}

impl Excerpt {
    /// The excerpt around `span` and where the label falls inside it.
    fn around(
        source: &Source,
        span: &Range<usize>,
        label: Option<String>,
    ) -> (Excerpt, LabeledSpan) {
        let span = source.floor_char_boundary(span.start)..source.floor_char_boundary(span.end);
        let line = source.line_index(span.start);
        let mut line_span = source.line_span(line);
        // A byte-order mark is not shown, nor counted as a column.
        if source.after_bom(line, line_span.end) {
            line_span.start = '\u{FEFF}'.len_utf8();
        }
        let line_text = &source.text[line_span.clone()];
        let start_in_line = span.start.clamp(line_span.start, line_span.end) - line_span.start;
        // Underline at most LABEL_CHARS characters, and never past the line; cut at
        // grapheme boundaries so no character sequence is split.
        let span_end = span.end.clamp(span.start, line_span.end) - line_span.start;
        let label_end = line_text[start_in_line..span_end]
            .grapheme_indices(true)
            .nth(LABEL_CHARS)
            .map_or(span_end, |(i, _)| start_in_line + i);
        let window_start = line_text[..start_in_line]
            .grapheme_indices(true)
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let window_end = line_text[label_end..]
            .grapheme_indices(true)
            .nth(CONTEXT_CHARS)
            .map_or(line_text.len(), |(i, _)| label_end + i);
        let mut text = String::new();
        if window_start > 0 {
            text.push('…');
        }
        let cut_prefix = text.len();
        // Escaped piece by piece, so that the label still falls on the characters it marks.
        text.push_str(&escape_terminal_controls(
            &line_text[window_start..start_in_line],
        ));
        let label_start = text.len();
        let marked = escape_terminal_controls(&line_text[start_in_line..label_end]);
        text.push_str(&marked);
        text.push_str(&escape_terminal_controls(&line_text[label_end..window_end]));
        if window_end < line_text.len() {
            text.push('…');
        }
        let column = line_text[..window_start].chars().count();
        let label_len = marked.len().max(usize::from(span.is_empty()));
        let labeled = LabeledSpan::new_primary_with_span(
            label,
            SourceSpan::new(label_start.into(), label_len),
        );
        (
            Excerpt {
                name: escape_controls(&source.path).into_owned(),
                text,
                raw: line_text[window_start..window_end].to_string(),
                line,
                column,
                cut_prefix,
            },
            labeled,
        )
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let offset = span.offset().clamp(self.cut_prefix, self.text.len());
        // The column counts the source's characters, not those of their escapes.
        let mut column = self.column;
        let mut escaped = self.cut_prefix;
        for c in self.raw.chars() {
            if escaped >= offset {
                break;
            }
            escaped += escape_terminal_controls(c.encode_utf8(&mut [0; 4])).len();
            column += 1;
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::new(0.into(), self.text.len()),
            self.line,
            column,
            1,
        )))
    }
}

/// A finding as miette renders it.
#[derive(Debug)]
struct Finding {
    message: String,
    rule: &'static str,
    severity: Severity,
    help: Option<String>,
    excerpt: Excerpt,
    label: LabeledSpan,
}

impl Finding {
    fn new(source: &Source, diagnostic: &Diagnostic, lang: Lang) -> Finding {
        let (excerpt, label) = Excerpt::around(
            source,
            &diagnostic.span,
            Some(short_label(diagnostic, lang)),
        );
        let mut help = diagnostic
            .help
            .as_ref()
            .map(|h| escape_terminal_controls(&h.render(lang)).into_owned());
        if let Some(diff) = &diagnostic.diff {
            let what = crate::msg!(
                "human-what-differs",
                diff = escape_controls(diff).into_owned()
            )
            .render(lang);
            help = Some(match help {
                Some(h) => format!("{h}\n{what}"),
                None => what,
            });
        }
        let hidden = diagnostic.related.len().saturating_sub(SHOWN_RELATED);
        if hidden > 0 {
            let more = crate::msg!("human-more-copies", count = hidden).render(lang);
            help = Some(format!("{}\n{more}", help.unwrap_or_default()));
        }
        Finding {
            message: escape_controls(&diagnostic.message.render(lang)).into_owned(),
            rule: diagnostic.rule.as_str(),
            severity: diagnostic.severity,
            help,
            excerpt,
            label,
        }
    }
}

fn short_label(diagnostic: &Diagnostic, lang: Lang) -> String {
    if diagnostic.related.is_empty() {
        crate::msg!("human-label-here").render(lang)
    } else {
        crate::msg!("human-label-repeated").render(lang)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Finding {}

impl miette::Diagnostic for Finding {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}
