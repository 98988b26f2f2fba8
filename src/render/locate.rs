//! Byte offsets turned into the positions other tools count in: characters (SARIF, GitHub),
//! UTF-8 bytes within a line (reviewdog), and characters from the start of the file (SARIF
//! `charOffset`). Diagnostics carry character positions of their own span only; fixes and
//! related places need the file's text to be placed.

use crate::document::source::{Position, Source};
use crate::linter::Run;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// One file's text with the character offset at which each line starts.
pub struct Locator<'run> {
    source: Cow<'run, Source>,
    /// Characters before each line, indexed like `Source::line_index`.
    line_chars: Vec<usize>,
}

impl<'run> Locator<'run> {
    pub fn new(source: Cow<'run, Source>) -> Self {
        let mut line_chars = Vec::new();
        let mut before = 0;
        // `Source` starts a line after every `\n`, so splitting on it yields the same lines.
        for line in source.text.split('\n') {
            line_chars.push(before);
            before += line.chars().count() + 1;
        }
        Locator { source, line_chars }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// 1-based line and character column, as `Diagnostic::start` counts them.
    pub fn position(&self, offset: usize) -> Position {
        self.source.position(offset)
    }

    /// 1-based line and 1-based column counted in UTF-8 bytes.
    pub fn byte_position(&self, offset: usize) -> Position {
        let offset = self.source.floor_char_boundary(offset);
        let line = self.source.line_index(offset);
        let bom = if self.source.after_bom(line, offset) {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        Position {
            line: line + 1,
            column: offset - self.line_around(offset).start + 1 - bom,
        }
    }

    /// The byte range of the line holding `offset`, without its line terminator.
    pub fn line_around(&self, offset: usize) -> Range<usize> {
        let offset = self.source.floor_char_boundary(offset);
        self.source.line_span(self.source.line_index(offset))
    }

    /// 0-based count of characters before `offset` in the whole file.
    pub fn char_offset(&self, offset: usize) -> usize {
        let position = self.position(offset);
        self.line_chars[position.line - 1] + position.column - 1
    }
}

/// Files whose text is kept when a renderer moves on to the next file, the most recently
/// used first: a file the findings of many others refer to (the original of copies pasted
/// into each of them) is then read once, not once for each of them.
const KEEP: usize = 8;

/// Locators of the files a renderer looks into, each file read at most once while kept.
pub struct Locators<'run> {
    run: &'run Run,
    kept: HashMap<usize, Option<Locator<'run>>>,
    /// When each kept file was last asked for.
    used: HashMap<usize, u64>,
    clock: u64,
}

impl<'run> Locators<'run> {
    pub fn new(run: &'run Run) -> Self {
        Locators {
            run,
            kept: HashMap::new(),
            used: HashMap::new(),
            clock: 0,
        }
    }

    /// The file's locator, or `None` when its text can no longer be read (the findings are
    /// then placed by the positions they carry).
    pub fn get(&mut self, document: usize) -> Option<&Locator<'run>> {
        let run = self.run;
        self.clock += 1;
        self.used.insert(document, self.clock);
        self.kept
            .entry(document)
            .or_insert_with(|| run.source(document).map(Locator::new))
            .as_ref()
    }

    /// Drops the texts read so far but the `KEEP` most recently used. Diagnostics come file
    /// by file, so a renderer that forgets at each new file holds that file, the files it
    /// refers to, and a few more, however large the run.
    pub fn forget(&mut self) {
        if self.kept.len() <= KEEP {
            return;
        }
        let mut recent: Vec<(u64, usize)> = self.used.iter().map(|(&d, &t)| (t, d)).collect();
        recent.sort_unstable_by(|a, b| b.cmp(a));
        for &(_, document) in &recent[KEEP..] {
            self.kept.remove(&document);
            self.used.remove(&document);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_bytes_and_file_offsets() {
        let source = Source::new("a.txt", "第一行\n　　大奖.\n".to_string());
        let dot = source.text.find('.').unwrap();
        let locator = Locator::new(Cow::Owned(source));
        assert_eq!(locator.position(dot), Position { line: 2, column: 5 });
        // 　　大奖 is four three-byte characters.
        assert_eq!(
            locator.byte_position(dot),
            Position {
                line: 2,
                column: 13
            }
        );
        // 第一行 and its line break come first.
        assert_eq!(locator.char_offset(dot), 4 + 4);
        assert_eq!(locator.char_offset(0), 0);
    }
}
