//! Byte offsets of a document's text as LSP positions: a line (after each `\n`) and a
//! column counted in the unit the client and server agreed on. UTF-16 code units by
//! default (a Han character is one, a character outside the BMP two), UTF-8 bytes where
//! the client offers them.

use lsp_types::{InitializeParams, Position, PositionEncodingKind, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 where the client lists it (no conversion at all), else the protocol's UTF-16.
    pub fn negotiate(params: &InitializeParams) -> Encoding {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|general| general.position_encodings.as_ref());
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and to a character).
    pub fn position(self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let line = before.matches('\n').count();
        let in_line = &text[line_start..offset];
        let character = match self {
            Encoding::Utf8 => in_line.len(),
            Encoding::Utf16 => in_line.chars().map(char::len_utf16).sum(),
        };
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }

    pub fn range(self, text: &str, span: std::ops::Range<usize>) -> Range {
        Range {
            start: self.position(text, span.start),
            end: self.position(text, span.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_or_bytes() {
        // `近年来,`: the comma is the fourth character, byte 9.
        let text = "标题\r\n近年来,𠀀,完成。";
        let comma = text.find(',').unwrap();
        assert_eq!(
            Encoding::Utf16.position(text, comma),
            Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(
            Encoding::Utf8.position(text, comma),
            Position {
                line: 1,
                character: 9
            }
        );
        // An astral character is two UTF-16 units, four bytes.
        let second = text.rfind(',').unwrap();
        assert_eq!(Encoding::Utf16.position(text, second).character, 6);
        assert_eq!(Encoding::Utf8.position(text, second).character, 14);
        // Inside a character or past the end: clamped, never a panic.
        assert_eq!(Encoding::Utf16.position(text, comma - 1).character, 2);
        assert_eq!(Encoding::Utf16.position(text, 10_000).line, 1);
    }
}
