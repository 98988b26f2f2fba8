//! Markdown read into paragraphs (pulldown-cmark, with byte offsets): paragraphs, headings,
//! list items, table cells and block quotes; code and HTML are never linted.

use crate::document::{CODE_PLACEHOLDER, Paragraph, TextBuilder};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Markdown paragraphs: paragraphs, headings, list items, table cells and block quotes.
/// Code blocks, inline code and HTML are never linted. And, from the same pass, the real
/// HTML comments (spans and texts), where suppression directives are written: in HTML
/// blocks (whose lines come as separate events, with block-quote markers left out, so the
/// text may differ from the span's bytes) and inline in paragraphs; code blocks and inline
/// code are text events, so comments shown in them are not found.
pub(crate) fn paragraphs(text: &str) -> (Vec<Paragraph>, Vec<(Range<usize>, String)>) {
    let mut out = Vec::new();
    let mut comments = Vec::new();
    // An HTML block's lines: (source offset, text) of each piece.
    let mut block: Option<Vec<(usize, &str)>> = None;
    let mut builder = TextBuilder::default();
    let mut in_heading = false;
    let mut code_depth = 0usize;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::HtmlBlock) => block = Some(Vec::new()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(pieces) = block.take() {
                    comments.extend(comments_in(&pieces));
                }
            }
            // Offsets rather than the event's text: both are the source's bytes.
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some(piece) = text.get(range.clone()) {
                    match block.as_mut() {
                        Some(pieces) => pieces.push((range.start, piece)),
                        None => comments.extend(comments_in(&[(range.start, piece)])),
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::HtmlBlock) => {
                code_depth = code_depth.saturating_sub(1)
            }
            _ if code_depth > 0 => {}
            Event::Start(tag) if is_block(&tag) => {
                builder.flush_into(&mut out, in_heading);
                in_heading = matches!(tag, Tag::Heading { .. });
            }
            Event::End(tag) if is_block_end(&tag) => {
                builder.flush_into(&mut out, in_heading);
                in_heading = false;
            }
            Event::Text(fragment) => {
                if text.get(range.clone()) == Some(&*fragment) {
                    builder.push(&fragment, range.start);
                } else {
                    builder.push_mapped(&fragment, range);
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                builder.push_mapped(CODE_PLACEHOLDER.encode_utf8(&mut [0; 4]), range)
            }
            Event::SoftBreak | Event::HardBreak => builder.soft_break(text, range.start),
            _ => {}
        }
    }
    builder.flush_into(&mut out, in_heading);
    (out, comments)
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::BlockQuote(_)
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
    )
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
