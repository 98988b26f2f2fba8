//! A file's text, read once, with the line index every position conversion goes through.

use crate::input::decode::TextEncoding;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One input text and where it came from. Positions inside govlint are byte offsets into
/// `text`; they become 1-based lines and character columns only when rendered.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user wrote it (or `--stdin-filename` for standard input).
    pub path: String,
    pub text: String,
    /// How the file's bytes became `text` (and how fixed text goes back).
    pub encoding: TextEncoding,
    /// A hash of the bytes read (of `text` for a text made in memory): `--fix` writes only
    /// when the file still holds exactly these bytes.
    pub digest: u128,
    /// 0-based lines the file itself marks as headings (Word heading styles), ascending;
    /// empty for text files.
    pub heading_lines: Vec<usize>,
    /// The parts of an office document that hold text and were not read (`footnotes`,
    /// `headers`…): the run says them in its summary, since nobody checked them.
    pub unread_parts: Vec<String>,
    /// The text is a web page's paragraphs (a `.doc` that is HTML, a `.docx` whose body is
    /// embedded HTML): checks that read a page differently from a document (a page's first
    /// line need not be its title) treat it as the page.
    pub web_page: bool,
    /// 0-based lines of an office document that continue the paragraph of the line before
    /// (a soft line break, Shift+Enter, began them), ascending; empty for text files.
    pub continued_lines: Vec<usize>,
    line_starts: Vec<usize>,
    /// Characters before each `CHECKPOINT`-byte block of the text (the block's start rounded
    /// down to a character boundary), so that a column is counted from the nearest block,
    /// not from the start of its line: a 1 MB single-line file with 100 000 findings would
    /// otherwise count its line 100 000 times.
    checkpoints: Vec<usize>,
}

/// The hash `Source::digest` holds.
pub fn digest(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// The byte-order mark a UTF-8 (or a decoded UTF-16) text may begin with.
const BOM: char = '\u{FEFF}';

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Source {
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let (mut counted, mut chars) = (0, 0);
        for block in (0..text.len()).step_by(CHECKPOINT) {
            let at = floor_char_boundary(&text, block);
            chars += text[counted..at].chars().count();
            counted = at;
            checkpoints.push(chars);
        }
        Source {
            path: path.into(),
            digest: digest(text.as_bytes()),
            text,
            encoding: TextEncoding::Utf8,
            heading_lines: Vec::new(),
            unread_parts: Vec::new(),
            web_page: false,
            continued_lines: Vec::new(),
            line_starts,
            checkpoints,
        }
    }

    /// How many characters come before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHECKPOINT;
        match self.checkpoints.get(block) {
            Some(&chars) => {
                let start = floor_char_boundary(&self.text, block * CHECKPOINT);
                chars + self.text[start..offset].chars().count()
            }
            None => self.text[..offset].chars().count(),
        }
    }

    /// The 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        // Short lines are counted directly; long ones from the nearest checkpoints.
        let column = if offset - start <= CHECKPOINT {
            self.text[start..offset].chars().count()
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        Position {
            line: line + 1,
            column: column + 1 - usize::from(self.after_bom(line, offset)),
        }
    }

    /// The byte offset of a 1-based line and column, as `position` gives them (a column
    /// past the line's end is its end); `None` when the text has no such line.
    pub fn offset_of(&self, position: Position) -> Option<usize> {
        let index = position.line.checked_sub(1)?;
        if index >= self.line_starts.len() {
            return None;
        }
        let span = self.line_span(index);
        let from = if index == 0 && self.text.starts_with(BOM) {
            BOM.len_utf8().min(span.end)
        } else {
            span.start
        };
        let line = &self.text[from..span.end];
        let column = position.column.saturating_sub(1);
        Some(
            from + line
                .char_indices()
                .nth(column)
                .map_or(line.len(), |(i, _)| i),
        )
    }

    /// Whether `offset` on 0-based `line` lies after a byte-order mark, which is no
    /// character of the text: a file with one gives the columns it gives without.
    pub fn after_bom(&self, line: usize, offset: usize) -> bool {
        line == 0 && offset >= BOM.len_utf8() && self.text.starts_with(BOM)
    }

    /// The byte range of line `index` (0-based) without its line terminator.
    pub fn line_span(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index];
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// The largest character boundary at or before `offset`.
    pub fn floor_char_boundary(&self, offset: usize) -> usize {
        floor_char_boundary(&self.text, offset)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = Source::new("a.txt", "第一行\n　　大奖.\n".to_string());
        let dot = source.text.find('.').unwrap();
        assert_eq!(source.position(dot), Position { line: 2, column: 5 });
        assert_eq!(source.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn columns_of_a_long_line_agree_with_counting() {
        // Mixed widths, so that checkpoints fall inside characters.
        let line = "甲a😀，".repeat(5000);
        let text = format!("第一行\n{line}\n{line}");
        let source = Source::new("a.txt", text.clone());
        for offset in (0..text.len()).step_by(997).chain([text.len()]) {
            let offset = source.floor_char_boundary(offset);
            let line = source.line_index(offset);
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[start..offset].chars().count() + 1;
            assert_eq!(
                source.position(offset),
                Position {
                    line: line + 1,
                    column: expected
                }
            );
        }
    }

    #[test]
    fn line_span_excludes_crlf() {
        let source = Source::new("a.txt", "甲\r\n乙".to_string());
        assert_eq!(&source.text[source.line_span(0)], "甲");
        assert_eq!(&source.text[source.line_span(1)], "乙");
    }
}
