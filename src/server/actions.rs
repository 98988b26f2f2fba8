//! Code actions, all computed by the server and sent as `WorkspaceEdit`s, so that they work
//! in every editor (no client command): a finding's fix, every safe fix of the file
//! (`source.fixAll.govlint`), and a suppression comment for the line or the file.
//!
//! Every edit names the document version it was computed on: an editor whose text has
//! moved on since refuses it instead of writing into the wrong place.

use super::position::Encoding;
use crate::document::Format;
use crate::report::diagnostic::Diagnostic;
use crate::report::message::Lang;
use lsp_types::{
    CodeAction, CodeActionKind, OneOf, OptionalVersionedTextDocumentIdentifier, Range,
    TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

/// `source.fixAll.govlint`: what "fix all" on save asks for by name.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.govlint")
}

/// The document a set of actions is for, as linted.
pub struct Target<'a> {
    pub uri: &'a Uri,
    pub version: i32,
    pub path: &'a str,
    pub text: &'a str,
    pub encoding: Encoding,
    pub lang: Lang,
}

impl Target<'_> {
    fn edit(&self, edits: Vec<(std::ops::Range<usize>, String)>) -> WorkspaceEdit {
        let edits = edits
            .into_iter()
            .map(|(range, new_text)| {
                OneOf::Left(TextEdit {
                    range: self.encoding.range(self.text, range),
                    new_text,
                })
            })
            .collect();
        WorkspaceEdit {
            document_changes: Some(lsp_types::DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: self.uri.clone(),
                    version: Some(self.version),
                },
                edits,
            }])),
            ..WorkspaceEdit::default()
        }
    }

    fn range(&self, span: std::ops::Range<usize>) -> Range {
        self.encoding.range(self.text, span)
    }
}

/// Whether the client asked for actions of `kind` (no `only`: every kind).
fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|asked| {
            kind.as_str() == asked.as_str()
                || kind.as_str().starts_with(&format!("{}.", asked.as_str()))
        })
    })
}

/// The quick fixes of the findings that meet `asked`.
pub fn quick_fixes(
    target: &Target,
    findings: &[&Diagnostic],
    asked: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeAction> {
    if !wanted(only, &CodeActionKind::QUICKFIX) {
        return Vec::new();
    }
    let mut actions = Vec::new();
    for finding in findings {
        let Some(fix) = &finding.fix else {
            continue;
        };
        if !meets(target.range(finding.span.clone()), asked) {
            continue;
        }
        let mut title = fix.title.render(target.lang);
        if !fix.safe {
            title = crate::msg!("server-unsafe-fix", title = title).render(target.lang);
        }
        let edits = fix
            .edits
            .iter()
            .map(|edit| (edit.range.clone(), edit.replacement.clone()))
            .collect();
        actions.push(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(target.edit(edits)),
            is_preferred: Some(fix.safe),
            ..CodeAction::default()
        });
    }
    actions
}

/// Every safe fix of the file, applied until none is left as `govlint check --fix` applies
/// them, as one edit of the part of the text that changes.
pub fn fix_all(
    target: &Target,
    findings: &[&Diagnostic],
    options: &crate::linter::Options,
    only: Option<&[CodeActionKind]>,
) -> Option<CodeAction> {
    let kind = fix_all_kind();
    if !wanted(only, &kind) {
        return None;
    }
    let first = crate::fix::chosen(findings, false);
    if first.is_empty() {
        return None;
    }
    let rules = options.rules_for(target.path);
    let (fixed, applied) = crate::fix::converge_with(
        target.path,
        target.text,
        &first,
        &rules,
        &options.rule_settings,
        false,
    );
    if applied == 0 || fixed == target.text {
        return None;
    }
    let (range, replacement) = changed_part(target.text, &fixed);
    Some(CodeAction {
        title: crate::msg!("server-fix-all", count = applied).render(target.lang),
        kind: Some(kind),
        edit: Some(target.edit(vec![(range, replacement)])),
        ..CodeAction::default()
    })
}

/// The part of `old` that differs from `new`, and what replaces it (common prefix and
/// suffix left alone, so the editor keeps the cursor and the undo step is small).
fn changed_part(old: &str, new: &str) -> (std::ops::Range<usize>, String) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let limit = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(limit)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (
        prefix..old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    )
}

/// "Disable RULE for this line" and "… for this file" for each finding that meets `asked`,
/// in Markdown and HTML (plain text has no comments).
pub fn suppressions(
    target: &Target,
    findings: &[&Diagnostic],
    asked: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeAction> {
    if !matches!(
        Format::from_path(target.path),
        Format::Markdown | Format::Html
    ) || !wanted(only, &CodeActionKind::QUICKFIX)
    {
        return Vec::new();
    }
    let mut rules: Vec<(&str, usize)> = findings
        .iter()
        .filter(|finding| meets(target.range(finding.span.clone()), asked))
        .map(|finding| (finding.rule.as_str(), finding.span.start))
        .collect();
    rules.sort_unstable();
    rules.dedup_by_key(|(rule, _)| *rule);
    let newline = if target.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut actions = Vec::new();
    for (rule, start) in rules {
        let line = line_comment(target.text, start, rule, newline);
        actions.push(CodeAction {
            title: crate::msg!("server-disable-line", rule = rule).render(target.lang),
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(target.edit(vec![line])),
            ..CodeAction::default()
        });
        let at = file_comment_place(target.text, Format::from_path(target.path));
        let comment = format!("<!-- govlint-disable-file {rule} -->{newline}");
        actions.push(CodeAction {
            title: crate::msg!("server-disable-file", rule = rule).render(target.lang),
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(target.edit(vec![(at..at, comment)])),
            ..CodeAction::default()
        });
    }
    actions
}

/// The insertion of `govlint-disable-next-line RULE` for the line holding byte `offset`:
/// a comment line of its own above it where that line opens a block (a blank line or the
/// start of the file before it); else at the end of the line before, so that a paragraph
/// wrapped over several lines is not split in two.
fn line_comment(
    text: &str,
    offset: usize,
    rule: &str,
    newline: &str,
) -> (std::ops::Range<usize>, String) {
    let comment = format!("<!-- govlint-disable-next-line {rule} -->");
    let line_start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    if line_start == 0 {
        return (0..0, format!("{comment}{newline}"));
    }
    let before = &text[..line_start - 1];
    let before = before.strip_suffix('\r').unwrap_or(before);
    let previous_start = before.rfind('\n').map_or(0, |at| at + 1);
    if before[previous_start..].trim().is_empty() {
        let indent: String = text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        return (
            line_start..line_start,
            format!("{indent}{comment}{newline}"),
        );
    }
    (before.len()..before.len(), comment)
}

/// Where `govlint-disable-file` goes: the top of the file, after a Markdown file's front
/// matter or an HTML page's doctype (a comment before the doctype puts a browser in quirks
/// mode).
fn file_comment_place(text: &str, format: Format) -> usize {
    let after_line = |at: usize| text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
    match format {
        Format::Markdown if text.starts_with("---") => {
            let first = after_line(0);
            let mut at = first;
            while at < text.len() {
                let next = after_line(at);
                if matches!(text[at..next].trim_end(), "---" | "...") {
                    return next;
                }
                at = next;
            }
            0
        }
        Format::Html => {
            let head = text.trim_start();
            let skipped = text.len() - head.len();
            if head.len() >= 9 && head[..9].eq_ignore_ascii_case("<!doctype") {
                match head.find('>') {
                    Some(end) => after_line(skipped + end),
                    None => 0,
                }
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// Whether two ranges share a position (an empty range at a finding's edge meets it).
pub fn meets(a: Range, b: Range) -> bool {
    let key = |p: lsp_types::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changed_part_keeps_common_ends() {
        assert_eq!(
            changed_part("近年来,全区", "近年来，全区"),
            (9..10, "，".into())
        );
        assert_eq!(changed_part("a", "a"), (1..1, String::new()));
        assert_eq!(changed_part("，，", "，"), (3..6, String::new()));
    }

    #[test]
    fn line_comments_do_not_split_a_wrapped_paragraph() {
        let text = "# 标题\n\n第一行，\n第二行,内容\n";
        let second = text.find("第二").unwrap_or(0);
        let (range, inserted) = line_comment(text, second, "halfwidth-punctuation", "\n");
        assert_eq!(range.start, text.find("\n第二").unwrap_or(0));
        assert_eq!(
            inserted,
            "<!-- govlint-disable-next-line halfwidth-punctuation -->"
        );
        let first = text.find("第一").unwrap_or(0);
        let (range, inserted) = line_comment(text, first, "x", "\n");
        assert_eq!(range, first..first);
        assert_eq!(inserted, "<!-- govlint-disable-next-line x -->\n");
    }

    #[test]
    fn file_comments_go_after_front_matter_and_doctype() {
        let md = "---\ntitle: 通知\n---\n正文\n";
        assert_eq!(
            file_comment_place(md, Format::Markdown),
            md.find("正文").unwrap_or(0)
        );
        let html = "<!DOCTYPE html>\n<html>";
        assert_eq!(file_comment_place(html, Format::Html), 16);
        assert_eq!(file_comment_place("正文", Format::Markdown), 0);
    }
}
