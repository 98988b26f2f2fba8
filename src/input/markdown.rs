//! Markdown read into paragraphs (pulldown-cmark, with byte offsets): paragraphs, headings,
//! list items, table cells and block quotes; code and HTML are never linted.

use crate::document::{CODE_PLACEHOLDER, Paragraph, TextBuilder};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown paragraphs: paragraphs, headings, list items, table cells and block quotes.
/// Code blocks, inline code and HTML are never linted.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut builder = TextBuilder::default();
    let mut in_heading = false;
    let mut code_depth = 0usize;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
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
    out
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
