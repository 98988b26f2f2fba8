//! `--format human`: miette reports with the source excerpt under each finding. A rule that
//! fires many times in one file shows its first findings and one line for the rest.

use crate::document::source::Source;
use crate::linter::Run;
use crate::report::diagnostic::{Diagnostic, Related, Severity};
use crate::report::message::Lang;
use crate::text::{escape_controls, escape_terminal_controls};
use miette::{GraphicalReportHandler, GraphicalTheme};
use std::fmt;
use std::io::Write;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

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
/// Columns the output is wrapped at.
const WIDTH: usize = 100;
/// Columns between tab stops in a snippet.
const TAB_WIDTH: usize = 4;

pub struct Style {
    pub color: bool,
    pub quiet: bool,
    pub lang: Lang,
    /// Every finding in full: no rule's findings folded into one line, every related place
    /// listed (`--show-all`).
    pub show_all: bool,
    /// Ambiguous-width characters (`“ ” ‘ ’ … — · ×`) take two columns, as East Asian
    /// terminals draw them: the carets under a snippet are placed by this.
    pub wide: bool,
}

/// Whether ambiguous-width characters are drawn two columns wide: what `--ambiguous-width`
/// says, else what the terminal's character set tells (a GBK, GB18030 or Big5 locale is
/// a legacy East Asian terminal, where they are wide), else wide for Chinese output, whose
/// readers' terminals (Windows' cp936 console, iTerm2 set for East Asian text) mostly draw
/// them wide.
pub fn ambiguous_wide(
    chosen: Option<bool>,
    lang: Lang,
    var: impl Fn(&str) -> Option<String>,
) -> bool {
    if let Some(wide) = chosen {
        return wide;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    let charset = locale
        .split_once('.')
        .map(|(_, rest)| rest.split('@').next().unwrap_or(rest))
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace('-', "");
    if [
        "gbk",
        "gb18030",
        "gb2312",
        "euccn",
        "big5",
        "big5hkscs",
        "euctw",
        "cp936",
    ]
    .contains(&charset.as_str())
    {
        return true;
    }
    lang == Lang::Zh
}

pub fn render(run: &Run, out: &mut dyn Write, style: &Style) -> std::io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme.clone())
        .with_width(WIDTH)
        .with_context_lines(0);
    let mut start = 0;
    while start < run.diagnostics.len() {
        let document = run.diagnostics[start].document;
        let end = start
            + run.diagnostics[start..]
                .iter()
                .take_while(|d| d.document == document)
                .count();
        let diagnostics = &run.diagnostics[start..end];
        render_document(run, diagnostics, (&handler, &theme), out, style)?;
        start = end;
    }
    if !style.quiet {
        widespread(run, out, style.lang)?;
        for (path, encoding) in run.paths.iter().zip(&run.encodings).skip(run.context) {
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
        if let Some(bulk) = super::statistics::bulk(run, style.lang) {
            writeln!(out, "{bulk}")?;
        }
    }
    Ok(())
}

/// Places of a widespread finding listed before the rest is counted.
const WIDESPREAD_PLACES: usize = 10;

/// Each fault found in copies of one paragraph in many files, once, with its places.
fn widespread(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    for group in &run.widespread {
        let Some(first) = group.findings.first().and_then(|&i| run.diagnostics.get(i)) else {
            continue;
        };
        let note = crate::msg!(
            "human-widespread",
            files = group.files,
            rule = first.rule.as_str(),
            message = escape_controls(&first.message.render(lang)).into_owned()
        );
        writeln!(out, "{}", note.render(lang))?;
        for &index in group.findings.iter().take(WIDESPREAD_PLACES) {
            let d = &run.diagnostics[index];
            let path = escape_controls(&run.paths[d.document]);
            writeln!(out, "  {path}:{}:{}", d.start.line, d.start.column)?;
        }
        if group.findings.len() > WIDESPREAD_PLACES {
            let more = crate::msg!(
                "human-widespread-more",
                count = group.findings.len() - WIDESPREAD_PLACES
            );
            writeln!(out, "  {}", more.render(lang))?;
        }
    }
    Ok(())
}

fn render_document(
    run: &Run,
    diagnostics: &[Diagnostic],
    (handler, theme): (&GraphicalReportHandler, &GraphicalTheme),
    out: &mut dyn Write,
    style: &Style,
) -> std::io::Result<()> {
    let lang = style.lang;
    let path = &run.paths[diagnostics[0].document];
    let Some(source) = run.source(diagnostics[0].document) else {
        let message = crate::msg!(
            "human-unreadable-now",
            path = escape_controls(path).into_owned(),
            count = diagnostics.len()
        );
        writeln!(out, "{}", message.render(lang))?;
        return Ok(());
    };
    let fold_above = if style.show_all {
        usize::MAX
    } else {
        SUMMARIZE_ABOVE
    };
    let shown_related = if style.show_all {
        usize::MAX
    } else {
        SHOWN_RELATED
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
        let summarized = count(diagnostic.rule.as_str()) > fold_above;
        if summarized && entry.1 >= SHOWN_PER_RULE {
            continue;
        }
        entry.1 += 1;
        let finding = Finding::new(&source, diagnostic, lang, shown_related);
        let mut text = String::new();
        // miette writes the rule and the message; the snippet and the help line are drawn
        // here, in the reader's language and widths (miette's `help:` is fixed English and
        // it measures `“ …` one column wide).
        handler
            .render_report(&mut text, &finding)
            .and_then(|()| finding.draw(&mut text, theme, style))
            .map_err(|_| std::io::Error::other("could not format a finding"))?;
        write!(out, "{text}")?;
        for related in diagnostic.related.iter().take(shown_related) {
            writeln!(
                out,
                "  ↳ {}",
                escape_controls(&describe_related(run, related, lang))
            )?;
        }
        // A blank line after every finding, so that the next rule's name never reads as
        // this finding's last line.
        writeln!(out)?;
    }
    for &rule in &rules {
        let total = count(rule);
        if total <= fold_above {
            continue;
        }
        let all: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.rule == rule).collect();
        let line = summarize(&source.text, path, rule, &all, lang);
        writeln!(out, "  {}\n", escape_controls(&line))?;
    }
    Ok(())
}

/// One line for a rule that fires many times in a file: a document whose punctuation was
/// folded to ASCII is one fault, told once, with what was found where, how to fix it, how
/// many findings are not shown and how to see them.
fn summarize(text: &str, path: &str, rule: &str, all: &[&Diagnostic], lang: Lang) -> String {
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
    let joiner = crate::msg!("human-list-joiner").render(lang);
    let breakdown = if marks.iter().map(|(_, n)| n).sum::<usize>() == all.len() {
        let parts: Vec<String> = marks
            .iter()
            .map(|(m, n)| crate::msg!("human-fold-mark", count = *n, mark = m).render(lang))
            .collect();
        crate::msg!("human-fold-breakdown", marks = parts.join(&joiner)).render(lang)
    } else {
        String::new()
    };
    let mut lines: Vec<usize> = all.iter().map(|d| d.start.line).collect();
    lines.dedup();
    let listed: Vec<String> = lines.iter().take(12).map(usize::to_string).collect();
    let places = crate::msg!(
        "human-fold-places",
        unit = crate::document::Format::from_path(path).line_unit(),
        numbers = listed.join(&joiner),
        more = if lines.len() > 12 { "yes" } else { "no" }
    )
    .render(lang);
    let fixable = all
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        .count();
    let fix = match fixable {
        0 => String::new(),
        n if n == all.len() => crate::msg!("human-fold-fix-all").render(lang),
        n => crate::msg!("human-fold-fix-some", count = n).render(lang),
    };
    crate::msg!(
        "human-fold",
        rule = rule,
        count = all.len(),
        severity = all[0].severity.as_str(),
        path = path,
        breakdown = breakdown,
        places = places,
        fix = fix,
        hidden = all.len().saturating_sub(SHOWN_PER_RULE)
    )
    .render(lang)
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
    crate::msg!(
        "human-related",
        what = related.message.render(lang),
        place = format!("{path}:{}:{}", at.line, at.column),
        excerpt = excerpt
    )
    .render(lang)
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

pub(crate) fn summary(run: &Run, lang: Lang) -> String {
    let files = run.linted_files();
    let errors = run.count(Severity::Error);
    let warnings = run.count(Severity::Warning);
    let infos = run.count(Severity::Info);
    let total = errors + warnings + infos;
    let nothing_linted = files == 0 && !run.errors.is_empty();
    let found = if nothing_linted {
        crate::msg!("human-nothing-linted", count = run.errors.len())
    } else if total == 0 {
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
    if !run.errors.is_empty() && !nothing_linted {
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

/// One line of a source, cut to a window around a span, with the place of the label in
/// it. Its control characters are escaped (`\u{1b}`): a document's terminal escapes are
/// shown, never sent to the terminal.
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
    /// The bytes of `text` underlined; at least one byte, for an empty span.
    label: Range<usize>,
    label_text: String,
}

impl Excerpt {
    /// The excerpt around `span`.
    fn around(source: &Source, span: &Range<usize>, label_text: String) -> Excerpt {
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
        Excerpt {
            name: escape_controls(&source.path).into_owned(),
            text,
            raw: line_text[window_start..window_end].to_string(),
            line,
            column,
            cut_prefix,
            label: label_start..label_start + label_len,
            label_text,
        }
    }

    /// The 0-based column of the label's first character in the source line: the source's
    /// characters are counted, not those of their escapes.
    fn label_column(&self) -> usize {
        let offset = self.label.start.clamp(self.cut_prefix, self.text.len());
        let mut column = self.column;
        let mut escaped = self.cut_prefix;
        for c in self.raw.chars() {
            if escaped >= offset {
                break;
            }
            escaped += escape_terminal_controls(c.encode_utf8(&mut [0; 4])).len();
            column += 1;
        }
        column
    }
}

/// Columns a terminal gives each character of `text`, tabs to the next multiple of 4 (as
/// miette does); ambiguous-width characters two when `wide`.
fn columns(text: &str, wide: bool) -> impl Iterator<Item = (char, usize)> + '_ {
    let mut column = 0;
    text.chars().map(move |c| {
        let width = match c {
            '\t' => TAB_WIDTH - column % TAB_WIDTH,
            c if wide => c.width_cjk().unwrap_or(0),
            c => c.width().unwrap_or(0),
        };
        column += width;
        (c, width)
    })
}

/// Columns of `text`.
fn width(text: &str, wide: bool) -> usize {
    columns(text, wide).map(|(_, w)| w).sum()
}

/// A finding's header and message as miette renders them.
#[derive(Debug)]
struct Finding {
    message: String,
    rule: &'static str,
    severity: Severity,
    help: Option<String>,
    excerpt: Excerpt,
}

impl Finding {
    fn new(source: &Source, diagnostic: &Diagnostic, lang: Lang, shown_related: usize) -> Finding {
        let excerpt = Excerpt::around(source, &diagnostic.span, short_label(diagnostic, lang));
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
        let hidden = diagnostic.related.len().saturating_sub(shown_related);
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
        }
    }

    /// The snippet and the help line, drawn as miette draws a one-line snippet and its help,
    /// but with the columns of `style` and the help's name in its language:
    ///
    /// ```text
    ///    ╭─[a.txt:1:5]
    ///  1 │ 当前位置: 首页
    ///    ·         ┬
    ///    ·         ╰── here
    ///    ╰────
    ///   help: 改为全角“：”
    /// ```
    fn draw(&self, f: &mut impl fmt::Write, theme: &GraphicalTheme, style: &Style) -> fmt::Result {
        let chars = &theme.characters;
        let excerpt = &self.excerpt;
        let linum = excerpt.line + 1;
        let linum_width = linum.to_string().len();
        let margin = " ".repeat(linum_width + 2);
        let place = format!("{}:{}:{}", excerpt.name, linum, excerpt.label_column() + 1);
        writeln!(
            f,
            "{margin}{}{}[{}]",
            chars.ltop,
            chars.hbar,
            theme.styles.link.style(place)
        )?;
        write!(
            f,
            " {:linum_width$} {} ",
            theme.styles.linum.style(linum),
            chars.vbar
        )?;
        for (c, w) in columns(&excerpt.text, style.wide) {
            if c == '\t' {
                write!(f, "{:w$}", "")?;
            } else {
                f.write_char(c)?;
            }
        }
        writeln!(f)?;
        let text = &excerpt.text;
        let start = width(&text[..excerpt.label.start.min(text.len())], style.wide);
        let end = if excerpt.label.end > text.len() {
            // An empty span at the end of the line: one column past it.
            width(text, style.wide) + 1
        } else {
            let mut end = excerpt.label.end;
            while !text.is_char_boundary(end) {
                end += 1;
            }
            width(&text[..end], style.wide)
        }
        .max(start + 1);
        let middle = (start + end) / 2;
        let label_style = theme.styles.highlights.first().copied().unwrap_or_default();
        let underline = format!(
            "{:start$}{}{}{}",
            "",
            chars.underline.to_string().repeat(middle - start),
            chars.underbar,
            chars.underline.to_string().repeat(end - middle - 1),
        );
        let gutter = format!(" {:linum_width$} {} ", "", chars.vbar_break);
        writeln!(f, "{gutter}{}", label_style.style(underline))?;
        // Styled twice, inside and around, as miette styles a label.
        let label = format!(
            "{}{} {}",
            chars.lbot,
            chars.hbar.to_string().repeat(2),
            label_style.style(&excerpt.label_text)
        );
        writeln!(f, "{gutter}{:middle$}{}", "", label_style.style(label))?;
        writeln!(
            f,
            "{margin}{}{}",
            chars.lbot,
            chars.hbar.to_string().repeat(4)
        )?;
        if let Some(help) = &self.help {
            let name = crate::msg!("human-help").render(style.lang);
            let indent = format!("  {name}");
            let rest = " ".repeat(width(&indent, false));
            let indent = theme.styles.help.style(indent).to_string();
            let options = textwrap::Options::new(WIDTH - 2)
                .initial_indent(&indent)
                .subsequent_indent(&rest);
            writeln!(f, "{}", textwrap::fill(help, options))?;
        }
        Ok(())
    }
}

/// "Repeated here" under a copy, whose related place is the first occurrence; "here" under
/// every other finding, those that point to another place too (the item before a gap in a
/// numbering, where a quotation closes) included.
fn short_label(diagnostic: &Diagnostic, lang: Lang) -> String {
    let copy = matches!(
        diagnostic.rule.info().check,
        crate::rules::Check::Duplicates
    );
    if copy && !diagnostic.related.is_empty() {
        crate::msg!("human-label-repeated").render(lang)
    } else {
        crate::msg!("human-label-here").render(lang)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_marks_are_wide_for_chinese_or_an_east_asian_charset_unless_told() {
        use crate::report::message::env;
        let utf8 = env(&[("LANG", "en_US.UTF-8")]);
        assert!(!ambiguous_wide(None, Lang::En, utf8));
        assert!(ambiguous_wide(None, Lang::Zh, utf8));
        assert!(ambiguous_wide(
            None,
            Lang::En,
            env(&[("LANG", "zh_CN.GBK")])
        ));
        assert!(ambiguous_wide(
            None,
            Lang::En,
            env(&[("LC_CTYPE", "zh_TW.Big5")])
        ));
        assert!(ambiguous_wide(
            None,
            Lang::En,
            env(&[("LC_ALL", "zh_CN.gb18030@x")])
        ));
        // LC_ALL over LC_CTYPE: a UTF-8 terminal that says nothing of its widths.
        let all = env(&[("LC_ALL", "C.UTF-8"), ("LC_CTYPE", "zh_CN.GBK")]);
        assert!(!ambiguous_wide(None, Lang::En, all));
        assert!(!ambiguous_wide(
            Some(false),
            Lang::Zh,
            env(&[("LANG", "zh_CN.GBK")])
        ));
        assert!(ambiguous_wide(Some(true), Lang::En, utf8));
    }

    #[test]
    fn widths_count_tabs_to_the_next_stop_and_ambiguous_marks_as_asked() {
        assert_eq!(width("“好”……", false), 6);
        assert_eq!(width("“好”……", true), 10);
        assert_eq!(width("a\tb", false), 5);
        assert_eq!(width("“\tb", true), 5);
    }
}
