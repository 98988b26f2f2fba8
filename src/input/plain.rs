//! Plain text read into paragraphs: one per line, or hard-wrapped blocks joined; and the
//! lines of an office document's extracted text, whose soft-broken lines are judged the
//! same way within one Word paragraph.

use crate::document::{Paragraph, TextBuilder};
use crate::text::is_space;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Plain text paragraphs. Chinese articles put one paragraph per line; some files instead
/// hard-wrap paragraphs into blank-line-separated blocks. A block is read as one wrapped
/// paragraph when it has several lines, none of them indented, every line but the last
/// fills at least 3/4 of the block's widest line (wrapped text is ragged only at its end),
/// and most lines but the last break mid-sentence rather than after a sentence stop;
/// otherwise each non-empty line is a paragraph.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = offset..offset + raw.trim_end_matches(['\n', '\r']).len();
        offset += raw.len();
        if text[line.clone()].chars().all(is_space) {
            push_block(text, &mut block, &mut paragraphs);
        } else {
            block.push(line);
        }
    }
    push_block(text, &mut block, &mut paragraphs);
    mark_title(&mut paragraphs);
    paragraphs
}

/// An article's first line without a sentence stop is its title, however long.
fn mark_title(paragraphs: &mut [Paragraph]) {
    if let Some(title) = paragraphs.first_mut()
        && !title.text.contains(['。', '；', '！', '？'])
    {
        title.is_heading = true;
    }
}

/// One paragraph per line, as text extracted from a Word document has them: an empty line
/// is an empty Word paragraph, which has nothing to lint but keeps the numbers of the lines
/// after it. Headings are the lines `headings` names (Word heading styles) and, as in plain
/// text, short lines without a sentence stop. The lines of one Word paragraph that soft line
/// breaks separate (`continued`: the lines after such a break) are read as a plain text
/// file's lines are, by blocks (`push_block`): one wrapped paragraph when they look
/// hard-wrapped, else a paragraph each, so that a web page pasted into Word (a Shift+Enter
/// after each of its lines) is read as its paragraphs; lines of two Word paragraphs are
/// never joined.
pub(crate) fn line_paragraphs(
    text: &str,
    headings: &[usize],
    continued: &[usize],
) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    // The lines of the Word paragraph being read, when it has soft line breaks.
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut block_heading = false;
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').enumerate().peekable();
    while let Some((index, raw)) = lines.next() {
        let line = offset..offset + raw.trim_end_matches('\n').len();
        offset += raw.len();
        let styled = headings.binary_search(&index).is_ok();
        let continues = |i: usize| continued.binary_search(&i).is_ok();
        let next_continues = lines.peek().is_some_and(|&(next, _)| continues(next));
        if !continues(index) && !next_continues {
            let line = trim_range(text, line);
            if line.is_empty() {
                continue;
            }
            let mut builder = TextBuilder::default();
            builder.push(&text[line.clone()], line.start);
            paragraphs.push(builder.finish(styled || looks_like_heading(&text[line])));
            continue;
        }
        if !continues(index) {
            block_heading = styled;
        }
        if text[line.clone()].chars().all(is_space) {
            push_word_block(text, &mut block, block_heading, &mut paragraphs);
        } else {
            block.push(line);
        }
        if !next_continues {
            push_word_block(text, &mut block, block_heading, &mut paragraphs);
        }
    }
    mark_title(&mut paragraphs);
    paragraphs
}

/// `push_block` for lines of a Word paragraph, which its style may make a heading.
fn push_word_block(
    text: &str,
    block: &mut Vec<Range<usize>>,
    heading: bool,
    out: &mut Vec<Paragraph>,
) {
    let from = out.len();
    push_block(text, block, out);
    if heading {
        for paragraph in &mut out[from..] {
            paragraph.is_heading = true;
        }
    }
}

fn push_block(text: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Paragraph>) {
    if is_hard_wrapped(text, block) {
        let mut builder = TextBuilder::default();
        for line in block.iter() {
            let trimmed = trim_range(text, line.clone());
            builder.soft_break(text, line.start.saturating_sub(1));
            builder.push(&text[trimmed.clone()], trimmed.start);
        }
        out.push(builder.finish(false));
    } else {
        for line in block.iter() {
            let trimmed = trim_range(text, line.clone());
            let mut builder = TextBuilder::default();
            builder.push(&text[trimmed.clone()], trimmed.start);
            let is_heading = looks_like_heading(&text[trimmed]);
            out.push(builder.finish(is_heading));
        }
    }
    block.clear();
}

fn is_hard_wrapped(text: &str, block: &[Range<usize>]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let inner = &block[..block.len() - 1];
    let indented = block.iter().skip(1).any(|l| {
        let line = &text[l.clone()];
        line.starts_with('\u{3000}') || line.starts_with("  ") || line.starts_with('\t')
    });
    let mid_sentence = inner
        .iter()
        .filter(|l| {
            !text[(*l).clone()]
                .trim_end_matches(is_space)
                .ends_with(SENTENCE_ENDS)
        })
        .count();
    if indented || mid_sentence * 2 <= inner.len() {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|l| text[l.clone()].width()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    widths[..inner.len()].iter().all(|&w| w * 4 >= widest * 3)
}

const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '：', '”', '」', '.', '!', '?'];

/// A short line with no sentence stop: a title or section heading.
pub(crate) fn looks_like_heading(line: &str) -> bool {
    line.chars().count() <= 40 && !line.contains(['。', '；', '！', '？'])
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start_matches(is_space).len());
    let end = range.start + slice.trim_end_matches(is_space).len();
    start..end.max(start)
}
