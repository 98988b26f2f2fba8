//! Suppression comments: `<!-- govlint-disable … -->` and its kin in Markdown and HTML. They
//! are read once per file, while the file is in memory, and kept with the file's results
//! (through the cache too), because duplicate findings are only known once every file has
//! been read.
//!
//! | comment | suppresses |
//! |---|---|
//! | `<!-- govlint-disable RULES -->` | findings that start after it, up to a `govlint-enable` |
//! | `<!-- govlint-enable RULES -->` | nothing: ends `govlint-disable` for the rules named |
//! | `<!-- govlint-disable-next-line RULES -->` | findings that start on the next non-blank line |
//! | `<!-- govlint-disable-file RULES -->` | findings anywhere in the file, wherever it stands |
//!
//! RULES is a list of rule names separated by commas or spaces; without one, every rule.
//! Only real HTML comments count: the same text in a code block or inline code is text.
//! Plain text has no comment syntax and so no directives.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::rules::unused_suppression;
use crate::source::{Position, Source};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What every directive starts with; a comment starting so with an unknown word is a typo.
const PREFIX: &str = "govlint-";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Disable,
    Enable,
    /// Covers the 1-based line given (0: there is no next non-blank line).
    DisableNextLine {
        line: usize,
    },
    DisableFile,
    /// `govlint-something` that is no directive: kept to be reported.
    Unknown {
        word: String,
    },
}

impl Kind {
    pub fn keyword(&self) -> &str {
        match self {
            Kind::Disable => "govlint-disable",
            Kind::Enable => "govlint-enable",
            Kind::DisableNextLine { .. } => "govlint-disable-next-line",
            Kind::DisableFile => "govlint-disable-file",
            Kind::Unknown { word } => word,
        }
    }
}

/// One suppression comment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Directive {
    pub kind: Kind,
    /// The rule names as written; empty for every rule.
    pub rules: Vec<String>,
    /// The comment's bytes, `<!--` to `-->`.
    pub span: Range<usize>,
    pub start: Position,
    pub end: Position,
    /// What deleting the comment removes: its whole line when it stands alone there.
    pub deletion: Range<usize>,
}

/// The directives of one file, in source order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Directives {
    pub directives: Vec<Directive>,
}

impl Directives {
    /// The directives of a document (Markdown and HTML: plain text has no comments).
    pub fn of(document: &Document) -> Directives {
        let text = &document.source.text;
        // Most files have none: skip the second parse.
        if matches!(document.format, Format::PlainText | Format::Docx) || !text.contains(PREFIX) {
            return Directives::default();
        }
        let comments = match document.format {
            Format::Html => crate::document::html::comments(text)
                .into_iter()
                .map(|span| (span.clone(), text[span].to_string()))
                .collect(),
            _ => html_comments(text),
        };
        let directives = comments
            .into_iter()
            .filter_map(|(span, comment)| directive(&document.source, span, &comment))
            .collect();
        Directives { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }
}

/// The real HTML comments of a Markdown text, each with its byte span and its text: in HTML
/// blocks (whose lines come as separate events, with block-quote markers left out, so the
/// text may differ from the span's bytes) and inline in paragraphs. Code blocks and inline
/// code are text events, so comments shown in them are not found.
fn html_comments(text: &str) -> Vec<(Range<usize>, String)> {
    let mut comments = Vec::new();
    // An HTML block's lines: (source offset, text) of each piece.
    let mut block: Option<Vec<(usize, &str)>> = None;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some(Vec::new()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(pieces) = block.take() {
                    comments.extend(comments_in(&pieces));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                // Offsets rather than the event's text: both are the source's bytes.
                let Some(piece) = text.get(range.clone()) else {
                    continue;
                };
                match block.as_mut() {
                    Some(pieces) => pieces.push((range.start, piece)),
                    None => comments.extend(comments_in(&[(range.start, piece)])),
                }
            }
            _ => {}
        }
    }
    comments
}

/// The `<!-- … -->` comments in consecutive pieces of source, each piece at its own offset:
/// their spans and texts.
fn comments_in(pieces: &[(usize, &str)]) -> Vec<(Range<usize>, String)> {
    let joined: String = pieces.iter().map(|(_, piece)| *piece).collect();
    // Where each piece starts in `joined`, to map offsets back to the source.
    let mut starts = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for (offset, piece) in pieces {
        starts.push((at, *offset));
        at += piece.len();
    }
    let source = |i: usize| {
        let index = starts.partition_point(|&(s, _)| s <= i).saturating_sub(1);
        let (s, offset) = starts[index];
        offset + i - s
    };
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = joined[from..].find("<!--").map(|i| from + i) {
        let Some(close) = joined[open + 4..].find("-->").map(|i| open + 4 + i + 3) else {
            break;
        };
        // The end maps through the last byte, which lies in the piece holding `-->`.
        spans.push((
            source(open)..source(close - 1) + 1,
            joined[open..close].to_string(),
        ));
        from = close;
    }
    spans
}

/// The directive a comment holds, if it is one.
fn directive(source: &Source, span: Range<usize>, comment: &str) -> Option<Directive> {
    let text = &source.text;
    let body = comment.get(4..comment.len() - 3)?.trim();
    if !body.starts_with(PREFIX) {
        return None;
    }
    let mut words = body.split(|c: char| c == ',' || c.is_whitespace());
    let keyword = words.next()?;
    let rules: Vec<String> = words
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let kind = match keyword {
        "govlint-disable" => Kind::Disable,
        "govlint-enable" => Kind::Enable,
        "govlint-disable-next-line" => Kind::DisableNextLine {
            line: next_line(source, span.end),
        },
        "govlint-disable-file" => Kind::DisableFile,
        other => Kind::Unknown {
            word: other.to_string(),
        },
    };
    Some(Directive {
        kind,
        rules,
        start: source.position(span.start),
        end: source.position(span.end),
        deletion: deletion(text, &span),
        span,
    })
}

/// The 1-based number of the first non-blank line after the one `offset` is on; 0 if none.
/// Blank lines are skipped because Markdown writers separate blocks with them.
fn next_line(source: &Source, offset: usize) -> usize {
    let mut line = source.line_index(offset) + 1;
    let lines = source.line_index(source.text.len()) + 1;
    while line < lines {
        if !source.text[source.line_span(line)].trim().is_empty() {
            return line + 1;
        }
        line += 1;
    }
    0
}

/// The bytes that go with a comment when it is deleted: when it stands alone on its line,
/// the whole line, and one blank line after it when one is also before it (so no double
/// blank is left); otherwise just the comment.
fn deletion(text: &str, span: &Range<usize>) -> Range<usize> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let blank = |s: &str| s.trim().is_empty();
    if !blank(&text[line_start..span.start]) || !blank(&text[span.end..line_end]) {
        return span.clone();
    }
    let before_is_blank = line_start == 0 || {
        let previous = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        blank(&text[previous..line_start])
    };
    let after_end = text[line_end..]
        .find('\n')
        .map_or(text.len(), |i| line_end + i + 1);
    if before_is_blank && line_end < text.len() && blank(&text[line_end..after_end]) {
        line_start..after_end
    } else {
        line_start..line_end
    }
}

/// A stretch of the file where `govlint-disable` holds for one rule (or every rule but
/// `except`).
#[derive(Debug)]
struct Region {
    directive: usize,
    /// The index of the rule in the directive's list; `None` for every rule.
    slot: Option<usize>,
    except: Vec<String>,
    range: Range<usize>,
    /// The `govlint-enable` that ended it.
    ended_by: Option<usize>,
}

/// The directives of a file applied to findings: which findings they suppress, and which of
/// them suppressed something.
pub struct Matcher<'a> {
    pub directives: &'a [Directive],
    regions: Vec<Region>,
    /// Per directive, per rule slot (one slot when it names no rule): whether it suppressed
    /// a finding (`govlint-enable`: whether it ended a `govlint-disable`).
    pub used: Vec<Vec<bool>>,
    /// Per `govlint-enable`: the directives whose regions it ended or cut.
    pub touched: Vec<Vec<usize>>,
}

impl<'a> Matcher<'a> {
    pub fn new(directives: &'a Directives) -> Matcher<'a> {
        let directives = &directives.directives;
        let mut matcher = Matcher {
            directives,
            regions: Vec::new(),
            used: directives
                .iter()
                .map(|d| vec![false; d.rules.len().max(1)])
                .collect(),
            touched: vec![Vec::new(); directives.len()],
        };
        let mut open: Vec<Region> = Vec::new();
        for (index, directive) in directives.iter().enumerate() {
            let here = directive.span.clone();
            match directive.kind {
                Kind::Disable if directive.rules.is_empty() => open.push(Region {
                    directive: index,
                    slot: None,
                    except: Vec::new(),
                    range: here.end..usize::MAX,
                    ended_by: None,
                }),
                Kind::Disable => {
                    for slot in 0..directive.rules.len() {
                        open.push(Region {
                            directive: index,
                            slot: Some(slot),
                            except: Vec::new(),
                            range: here.end..usize::MAX,
                            ended_by: None,
                        });
                    }
                }
                Kind::Enable if directive.rules.is_empty() => {
                    matcher.used[index][0] = !open.is_empty();
                    for mut region in open.drain(..) {
                        region.range.end = here.start;
                        region.ended_by = Some(index);
                        matcher.touched[index].push(region.directive);
                        matcher.regions.push(region);
                    }
                }
                Kind::Enable => {
                    let mut still_open = Vec::new();
                    for region in open.drain(..) {
                        let named = |rule: &String| match region.slot {
                            Some(slot) => directives[region.directive].rules[slot] == *rule,
                            None => !region.except.contains(rule),
                        };
                        let slots: Vec<usize> = (0..directive.rules.len())
                            .filter(|&s| named(&directive.rules[s]))
                            .collect();
                        if slots.is_empty() {
                            still_open.push(region);
                            continue;
                        }
                        for slot in &slots {
                            matcher.used[index][*slot] = true;
                        }
                        matcher.touched[index].push(region.directive);
                        if region.slot.is_none() {
                            // Every rule stays disabled but those named here.
                            let mut except = region.except.clone();
                            except.extend(slots.iter().map(|&s| directive.rules[s].clone()));
                            still_open.push(Region {
                                directive: region.directive,
                                slot: None,
                                except,
                                range: here.end..usize::MAX,
                                ended_by: None,
                            });
                        }
                        matcher.regions.push(Region {
                            range: region.range.start..here.start,
                            ended_by: Some(index),
                            ..region
                        });
                    }
                    open = still_open;
                }
                _ => {}
            }
        }
        matcher.regions.append(&mut open);
        for touched in &mut matcher.touched {
            touched.sort_unstable();
            touched.dedup();
        }
        matcher
    }

    /// Whether the directives suppress `diagnostic`, crediting every directive that does.
    pub fn suppresses(&mut self, diagnostic: &Diagnostic) -> bool {
        self.suppresses_at(
            diagnostic.rule,
            diagnostic.span.start,
            diagnostic.start.line,
        )
    }

    /// Whether a finding of `rule` starting at byte `offset` on 1-based `line` is suppressed.
    pub fn suppresses_at(&mut self, rule: &str, offset: usize, line: usize) -> bool {
        // Reports about the directives themselves are silenced only by naming the rule, so
        // that `govlint-disable` around a stale directive does not hide it.
        let meta = rule == unused_suppression::RULE.name;
        let slot_of = |directive: &Directive| -> Option<usize> {
            if directive.rules.is_empty() {
                (!meta).then_some(0)
            } else {
                directive.rules.iter().position(|r| r == rule)
            }
        };
        let mut suppressed = false;
        for region in &self.regions {
            if !region.range.contains(&offset) {
                continue;
            }
            let directive = &self.directives[region.directive];
            let slot = match region.slot {
                Some(slot) => (directive.rules[slot] == rule).then_some(slot),
                None => (!meta && !region.except.iter().any(|r| r == rule)).then_some(0),
            };
            if let Some(slot) = slot {
                self.used[region.directive][slot] = true;
                suppressed = true;
            }
        }
        for (index, directive) in self.directives.iter().enumerate() {
            let applies = match directive.kind {
                Kind::DisableNextLine { line: target } => target == line && target > 0,
                Kind::DisableFile => true,
                _ => false,
            };
            if let (true, Some(slot)) = (applies, slot_of(directive)) {
                self.used[index][slot] = true;
                suppressed = true;
            }
        }
        suppressed
    }

    /// Whether every region of `directive` was ended by `enable` (and so the two make a pair).
    pub fn ended_only_by(&self, directive: usize, enable: usize) -> bool {
        let mut regions = self
            .regions
            .iter()
            .filter(|r| r.directive == directive)
            .peekable();
        regions.peek().is_some() && regions.all(|r| r.ended_by == Some(enable))
    }
}

/// Drops the findings of one file that its directives suppress.
pub fn apply(matcher: &mut Matcher, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|d| !matcher.suppresses(d));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn directives(text: &str) -> Directives {
        let document = Document::new(Source::new("a.md", text.into()), Format::Markdown);
        Directives::of(&document)
    }

    fn comments(text: &str) -> Vec<String> {
        html_comments(text)
            .into_iter()
            .map(|(span, comment)| {
                assert!(text.get(span.clone()).is_some());
                comment
            })
            .collect()
    }

    #[test]
    fn finds_block_inline_and_quoted_comments_but_not_code() {
        let text = "<!-- a -->\n段落<!-- b\nc -->继续\n\n```\n<!-- code -->\n```\n\n`<!-- inline code -->`\n\n    <!-- indented -->\n\n> <!-- d\n> e -->\n\n<div><!-- f --></div>\n";
        assert_eq!(
            comments(text),
            ["<!-- a -->", "<!-- b\nc -->", "<!-- d\ne -->", "<!-- f -->"]
        );
    }

    #[test]
    fn parses_kinds_and_rule_lists() {
        let found = directives(
            "<!-- govlint-disable stray-period, halfwidth-punctuation -->\n\n<!-- govlint-enable -->\n\n<!-- govlint-disable-file -->\n\n<!-- govlint-disabel x -->\n\n<!-- not govlint-disable -->\n",
        );
        let kinds: Vec<(&str, Vec<&str>)> = found
            .directives
            .iter()
            .map(|d| {
                (
                    d.kind.keyword(),
                    d.rules.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "govlint-disable",
                    vec!["stray-period", "halfwidth-punctuation"]
                ),
                ("govlint-enable", vec![]),
                ("govlint-disable-file", vec![]),
                ("govlint-disabel", vec!["x"]),
            ]
        );
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let found = directives("甲\n<!-- govlint-disable-next-line -->\n\n  \n乙\n");
        assert_eq!(found.directives[0].kind, Kind::DisableNextLine { line: 5 });
        let last = directives("甲<!-- govlint-disable-next-line -->\n");
        assert_eq!(last.directives[0].kind, Kind::DisableNextLine { line: 0 });
    }

    #[test]
    fn odd_comments_neither_panic_nor_leak() {
        for text in [
            "<!-->govlint-disable",
            "<!--->\n<!-- govlint-disable",
            "段<!---->落 govlint-\n",
            "<!-- govlint-disable -->",
            "<!--govlint-disable-next-line-->\r\n\r\n乙\r\n",
            "> <!-- govlint-disable\n> stray-period -->\n> 甲\n",
            "<!-- <!-- govlint-disable --> -->\n",
        ] {
            let found = directives(text);
            for d in &found.directives {
                assert!(text.get(d.span.clone()).is_some(), "{text:?}");
                assert!(text.get(d.deletion.clone()).is_some(), "{text:?}");
            }
        }
        let crlf = directives("<!--govlint-disable-next-line-->\r\n\r\n乙\r\n");
        assert_eq!(crlf.directives[0].kind, Kind::DisableNextLine { line: 3 });
        let quoted = directives("> <!-- govlint-disable\n> stray-period -->\n> 甲\n");
        assert_eq!(quoted.directives[0].rules, ["stray-period"]);
    }

    #[test]
    fn plain_text_has_no_directives() {
        let document = Document::new(
            Source::new("a.txt", "<!-- govlint-disable -->\n".into()),
            Format::PlainText,
        );
        assert!(Directives::of(&document).is_empty());
    }

    #[test]
    fn deleting_a_comment_alone_on_its_line_takes_the_line_and_a_double_blank() {
        let text = "甲\n\n<!-- x -->\n\n乙\n";
        let span = text.find("<!--").unwrap()..text.find("-->").unwrap() + 3;
        let range = deletion(text, &span);
        let mut left = text.to_string();
        left.replace_range(range, "");
        assert_eq!(left, "甲\n\n乙\n");
        let inline = "甲<!-- x -->乙\n";
        let span = inline.find("<!--").unwrap()..inline.find("-->").unwrap() + 3;
        assert_eq!(deletion(inline, &span), span);
    }

    #[test]
    fn enable_of_one_rule_cuts_it_out_of_a_disable_of_all() {
        let text = "<!-- govlint-disable -->\n甲\n<!-- govlint-enable stray-period -->\n乙\n<!-- govlint-enable -->\n丙\n";
        let found = directives(text);
        let mut matcher = Matcher::new(&found);
        let at = |s: &str| text.find(s).unwrap();
        assert!(matcher.suppresses_at("stray-period", at("甲"), 2));
        assert!(!matcher.suppresses_at("stray-period", at("乙"), 4));
        assert!(matcher.suppresses_at("cjk-space", at("乙"), 4));
        assert!(!matcher.suppresses_at("cjk-space", at("丙"), 6));
        assert_eq!(matcher.used, [vec![true], vec![true], vec![true]]);
        assert_eq!(matcher.touched[2], [0]);
        assert!(!matcher.ended_only_by(0, 2));
    }

    #[test]
    fn unused_suppression_is_silenced_only_by_name() {
        let text = "<!-- govlint-disable-file -->\n<!-- govlint-disable-next-line unused-suppression -->\n甲\n";
        let found = directives(text);
        let mut matcher = Matcher::new(&found);
        assert!(!matcher.suppresses_at("unused-suppression", 0, 1));
        assert!(matcher.suppresses_at("unused-suppression", text.find('甲').unwrap(), 3));
    }
}
