//! Word 97–2003 `.doc` files (and WPS Writer's `.wps`, which keeps the same structure) read
//! as text: one Word paragraph per line, as `.docx` is, so that a finding's line is the
//! paragraph's number in the document. Government offices still exchange these files as
//! often as `.docx`; treating them as binary left them unchecked.
//!
//! The format ([MS-DOC]) keeps the text in the `WordDocument` stream of an OLE compound
//! file, in pieces that the piece table (the `Clx` in the `0Table`/`1Table` stream) puts in
//! order. The file is anyone's to craft: every offset is checked, and a failure is an error
//! naming what is wrong, never a panic.

use crate::msg;
use crate::report::message::Message;
use std::io::{Cursor, Read};

/// `wIdent` of a Word document's file information block.
const WORD_IDENT: u16 = 0xA5EC;
/// `FibBase.fWhichTblStm`: the piece table is in `1Table`, not `0Table`.
const WHICH_TABLE: u16 = 0x0200;
/// `FibBase.fEncrypted`.
const ENCRYPTED: u16 = 0x0100;
/// `FibRgLw97.ccpText`: the main document's length in characters, the 4th long.
const CCP_TEXT: usize = 3;
/// `FibRgFcLcb97.fcPlcfBteChpx`: the 13th offset/length pair, where run properties are.
const FC_PLCF_BTE_CHPX: usize = 12;
/// `FibRgFcLcb97.fcClx`: the 34th offset/length pair.
const FC_CLX: usize = 33;
/// Run properties: a tracked deletion, and hidden text ([MS-DOC] 2.6.1).
const SPRM_DELETED: u16 = 0x0800;
const SPRM_HIDDEN: u16 = 0x083C;
/// A piece's `fc` whose bit 30 is set holds 8-bit (Windows-1252) text at `fc / 2`.
const COMPRESSED: u32 = 0x4000_0000;

/// What the document's text holds besides characters ([MS-DOC] 2.8.25).
const PARAGRAPH_END: char = '\r';
const CELL_END: char = '\u{07}';
const LINE_BREAK: char = '\u{0B}';
const PAGE_BREAK: char = '\u{0C}';
const FIELD_BEGIN: char = '\u{13}';
const FIELD_SEPARATOR: char = '\u{14}';
const FIELD_END: char = '\u{15}';
const NON_BREAKING_HYPHEN: char = '\u{1E}';
const OPTIONAL_HYPHEN: char = '\u{1F}';

/// The text of a Word binary document (`.doc`, `.wps`), one paragraph per line.
pub fn extract(bytes: Vec<u8>) -> Result<crate::input::word::Extracted, Message> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| msg!("input-doc-compound-damaged", error = e.to_string()))?;
    if file.is_stream("EncryptedPackage") {
        return Err(msg!("input-encrypted"));
    }
    if !file.is_stream("WordDocument") {
        return Err(msg!("input-doc-other-office-file"));
    }
    let word = read_stream(&mut file, "WordDocument")?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.flags & WHICH_TABLE != 0 {
        "1Table"
    } else {
        "0Table"
    };
    if !file.is_stream(table_name) {
        return Err(msg!("input-doc-stream-missing", stream = table_name));
    }
    let table = read_stream(&mut file, table_name)?;
    let clx = slice(&table, fib.fc_clx as usize, fib.lcb_clx as usize)
        .ok_or_else(|| msg!("input-doc-damaged", part = "piece-table-outside"))?;
    let pieces = pieces(clx)?;
    // Run properties only take text out: a document whose properties cannot be read is
    // still linted, with its deleted and hidden text.
    let runs = slice(&table, fib.fc_chpx as usize, fib.lcb_chpx as usize)
        .map(|plc| unread_runs(&word, plc))
        .unwrap_or_default();
    let raw = main_text(&word, &pieces, fib.ccp_text, &runs)?;
    // The other stories follow the main text, each counted by the FIB: they are not read,
    // and that is said.
    let unread = [
        "footnotes",
        "headers and footers",
        "comments",
        "endnotes",
        "text boxes",
        "text boxes in headers",
    ]
    .into_iter()
    .zip(fib.others)
    .filter(|&(_, count)| count > 0)
    .map(|(part, _)| part)
    .collect();
    let mut extracted = lines(&raw);
    extracted.unread = unread;
    Ok(extracted)
}

fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<u8>, Message> {
    let mut bytes = Vec::new();
    file.open_stream(name)
        .and_then(|mut stream| stream.read_to_end(&mut bytes))
        .map_err(|e| msg!("input-doc-stream", stream = name, error = e.to_string()))?;
    Ok(bytes)
}

/// What the file information block tells about where the text is.
#[derive(Debug)]
struct Fib {
    flags: u16,
    ccp_text: u32,
    fc_clx: u32,
    lcb_clx: u32,
    fc_chpx: u32,
    lcb_chpx: u32,
    /// Characters in footnotes, headers, comments, endnotes, text boxes, header text boxes.
    others: [u32; 6],
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, Message> {
        let damaged = || msg!("input-doc-damaged", part = "fib");
        if u16_at(word, 0) != Some(WORD_IDENT) {
            return Err(msg!("input-doc-bad-stream"));
        }
        let flags = u16_at(word, 0x0A).ok_or_else(damaged)?;
        if flags & ENCRYPTED != 0 {
            return Err(msg!("input-encrypted"));
        }
        // FibBase (32 bytes), then three arrays, each after its count: shorts, longs, and
        // offset/length pairs.
        let csw = u16_at(word, 32).ok_or_else(damaged)? as usize;
        let longs_at = 34 + csw * 2;
        let cslw = u16_at(word, longs_at).ok_or_else(damaged)? as usize;
        let longs = longs_at + 2;
        let pairs_at = longs + cslw * 4;
        let pairs = u16_at(word, pairs_at).ok_or_else(damaged)? as usize;
        if cslw <= CCP_TEXT || pairs <= FC_CLX {
            return Err(msg!("input-doc-too-old"));
        }
        let pair = pairs_at + 2 + FC_CLX * 8;
        let chpx = pairs_at + 2 + FC_PLCF_BTE_CHPX * 8;
        // `ccpFtn`, `ccpHdd`, (reserved), `ccpAtn`, `ccpEdn`, `ccpTxbx`, `ccpHdrTxbx`.
        let long = |index: usize| u32_at(word, longs + index * 4).filter(|_| index < cslw);
        let others = [4, 5, 7, 8, 9, 10].map(|index| long(index).unwrap_or(0));
        Ok(Fib {
            others,
            fc_chpx: u32_at(word, chpx).ok_or_else(damaged)?,
            lcb_chpx: u32_at(word, chpx + 4).ok_or_else(damaged)?,
            flags,
            ccp_text: u32_at(word, longs + CCP_TEXT * 4).ok_or_else(damaged)?,
            fc_clx: u32_at(word, pair).ok_or_else(damaged)?,
            lcb_clx: u32_at(word, pair + 4).ok_or_else(damaged)?,
        })
    }
}

/// One stretch of text: characters `cp` onwards, stored at `fc` in the WordDocument stream.
#[derive(Debug, PartialEq)]
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The piece table of a `Clx`: formatting blocks (`Prc`, type 1) come first and are skipped;
/// the `Pcdt` (type 2) holds n + 1 character positions then n piece descriptors of 8 bytes.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, Message> {
    let damaged = || msg!("input-doc-damaged", part = "piece-table");
    let mut at = 0;
    loop {
        match clx.get(at) {
            Some(1) => {
                let size = u16_at(clx, at + 1).ok_or_else(damaged)? as usize;
                at += 3 + size;
            }
            Some(2) => break,
            _ => return Err(damaged()),
        }
    }
    let size = u32_at(clx, at + 1).ok_or_else(damaged)? as usize;
    let table = slice(clx, at + 5, size).ok_or_else(damaged)?;
    if table.len() < 4 || !(table.len() - 4).is_multiple_of(12) {
        return Err(damaged());
    }
    let count = (table.len() - 4) / 12;
    let descriptors = (count + 1) * 4;
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let cp = u32_at(table, i * 4).ok_or_else(damaged)?;
        let cp_end = u32_at(table, i * 4 + 4).ok_or_else(damaged)?;
        let fc = u32_at(table, descriptors + i * 8 + 2).ok_or_else(damaged)?;
        if cp_end < cp {
            return Err(damaged());
        }
        out.push(Piece {
            cp,
            cp_end,
            fc: fc & !(COMPRESSED | 0x8000_0000),
            compressed: fc & COMPRESSED != 0,
        });
    }
    Ok(out)
}

/// The characters `0..ccp_text` (the main document; footnotes, headers, comments and text
/// boxes follow it in the same pieces and are not read), less those in `unread` runs.
fn main_text(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: u32,
    unread: &[Run],
) -> Result<String, Message> {
    let outside = || msg!("input-doc-damaged", part = "piece-outside");
    let mut text = String::new();
    for piece in pieces {
        if piece.cp >= ccp_text {
            break;
        }
        let count = (piece.cp_end.min(ccp_text) - piece.cp) as usize;
        // Each character with the file offset its run properties are keyed by.
        if piece.compressed {
            let start = piece.fc as usize / 2;
            let bytes = slice(word, start, count).ok_or_else(outside)?;
            for (i, &byte) in bytes.iter().enumerate() {
                let one = [byte];
                let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&one);
                for c in decoded.chars() {
                    keep(&mut text, c, start + i, unread);
                }
            }
        } else {
            let start = piece.fc as usize;
            let bytes = slice(word, start, count * 2).ok_or_else(outside)?;
            let units = bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
            let mut at = start;
            for c in char::decode_utf16(units) {
                let width = c.as_ref().map_or(2, |c| c.len_utf16() * 2);
                keep(&mut text, c.unwrap_or('\u{FFFD}'), at, unread);
                at += width;
            }
        }
    }
    Ok(text)
}

/// Appends `c`, stored at file offset `at`, unless a run there is deleted or hidden. A deleted
/// paragraph mark joins its paragraph to the next, as in `.docx`; a hidden one, and a cell
/// mark, stays, since `.docx` reads them so.
fn keep(text: &mut String, c: char, at: usize, unread: &[Run]) {
    // Runs do not overlap: sorted by start, they are sorted by end too.
    let i = unread.partition_point(|run| run.end <= at);
    let read = match unread.get(i).filter(|run| run.start <= at) {
        None => true,
        Some(run) => c == CELL_END || c == PARAGRAPH_END && !run.deleted,
    };
    if read {
        text.push(c);
    }
}

/// A stretch of the WordDocument stream whose text is not read: deleted, or hidden.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    start: usize,
    end: usize,
    deleted: bool,
}

/// The runs the character property table (`PlcBteChpx`, pointing to 512-byte `ChpxFkp`
/// pages) marks as tracked deletions or hidden text, in file order. A damaged page is
/// passed over: it costs the deletions it holds, not the document.
fn unread_runs(word: &[u8], plc: &[u8]) -> Vec<Run> {
    let mut runs = Vec::new();
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(8) {
        return runs;
    }
    let count = (plc.len() - 4) / 8;
    for i in 0..count {
        let Some(pn) = u32_at(plc, (count + 1) * 4 + i * 4) else {
            continue;
        };
        let Some(page) = slice(word, (pn & 0x003F_FFFF) as usize * 512, 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for run in 0..crun {
            let (Some(start), Some(end)) = (u32_at(page, run * 4), u32_at(page, run * 4 + 4))
            else {
                break;
            };
            let offset = page.get((crun + 1) * 4 + run).copied().unwrap_or(0) as usize * 2;
            if offset == 0 {
                continue;
            }
            let Some(&size) = page.get(offset) else {
                continue;
            };
            let Some(grpprl) = slice(page, offset + 1, size as usize) else {
                continue;
            };
            let (deleted, hidden) = (toggle(grpprl, SPRM_DELETED), toggle(grpprl, SPRM_HIDDEN));
            if (deleted || hidden) && start < end {
                runs.push(Run {
                    start: start as usize,
                    end: end as usize,
                    deleted,
                });
            }
        }
    }
    runs.sort_by_key(|run| run.start);
    runs
}

/// Whether the property list switches the toggle `sprm` on (1, or 0x81: the opposite of the
/// style's, which is off in all but odd styles).
fn toggle(grpprl: &[u8], sprm: u16) -> bool {
    let mut at = 0;
    while let Some(code) = u16_at(grpprl, at) {
        // The operand's size is in the top three bits ([MS-DOC] 2.2.5.1).
        let size = match code >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match grpprl.get(at + 2) {
                Some(&n) => n as usize + 1,
                None => return false,
            },
        };
        if code == sprm {
            return matches!(grpprl.get(at + 2), Some(1 | 0x81));
        }
        at += 2 + size;
    }
    false
}

/// Word's characters turned into the synthetic text: a paragraph mark or a cell mark ends a
/// line; a field keeps its result and drops its instruction, and a line break (Shift+Enter)
/// begins a line of the same paragraph, both as in `.docx`; the placeholders of pictures, footnote marks and other
/// objects are dropped.
fn lines(raw: &str) -> crate::input::word::Extracted {
    let mut out = crate::input::word::Extracted::default();
    let mut paragraph = String::new();
    let mut end = |paragraph: &mut String| {
        out.push_paragraph(paragraph, false);
        paragraph.clear();
    };
    // Open fields: `true` while in the field's instruction (before its separator).
    let mut fields: Vec<bool> = Vec::new();
    // The last mark ended a cell: a mark right after it ends the row (see below).
    let mut after_cell = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let mut ends_cell = false;
        match c {
            FIELD_BEGIN => fields.push(true),
            FIELD_SEPARATOR => {
                if let Some(last) = fields.last_mut() {
                    *last = false;
                }
            }
            FIELD_END => {
                fields.pop();
            }
            // A table row ends with a mark of its own right after its last cell's: it is no
            // paragraph, as `.docx` has none there. Telling it from an empty cell for sure
            // takes the paragraph properties (`sprmPFTtp`), which are not read: an empty cell
            // right after a full one is read as a row end, and the row end after it as the
            // cell, so the count of lines, and every position after the table, stays right.
            CELL_END if after_cell => {}
            CELL_END => {
                end(&mut paragraph);
                ends_cell = true;
            }
            PARAGRAPH_END => end(&mut paragraph),
            // A page break (Ctrl+Enter) stands before its paragraph's mark and is no text, as
            // `w:br w:type="page"` is not; a section break stands for the mark itself.
            PAGE_BREAK if chars.peek() == Some(&PARAGRAPH_END) => {}
            PAGE_BREAK => end(&mut paragraph),
            _ if fields.iter().any(|&instruction| instruction) => {}
            LINE_BREAK => paragraph.push(crate::input::word::BREAK),
            NON_BREAKING_HYPHEN => paragraph.push('-'),
            OPTIONAL_HYPHEN => {}
            '\t' => paragraph.push('\t'),
            // Pictures (1), footnote and comment marks (2, 5), drawn objects (8) and others.
            c if c.is_control() => {}
            c => paragraph.push(c),
        }
        after_cell = ends_cell;
    }
    if !paragraph.is_empty() {
        end(&mut paragraph);
    }
    out
}

fn slice(bytes: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    bytes.get(at..at.checked_add(len)?)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(slice(bytes, at, 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(slice(bytes, at, 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fields_and_placeholders_become_lines_and_text() {
        let raw = "第一段\r见\u{13} PAGEREF 目录,标题 \u{14}3\u{15}页\u{0B}续\r\u{01}图\u{02}\r\
                   项目\u{07}成效\u{07}\u{07}\u{0C}末\u{1E}尾\u{1F}";
        let read = lines(raw);
        assert_eq!(read.text, "第一段\n见3页\n续\n图\n项目\n成效\n\n末-尾\n");
        assert_eq!(read.continued, [2]);
        // A line break that separates nothing (at a paragraph's end) is no line.
        let read = lines("a\u{0B}b\r\u{0C}\r末尾\u{0B}\r");
        assert_eq!(read.text, "a\nb\n\n末尾\n");
        assert_eq!(read.continued, [1]);
        assert_eq!(lines("\u{13}TOC\u{15}正文\r").text, "正文\n");
    }

    #[test]
    fn the_piece_table_is_read_after_formatting_blocks() {
        let mut clx = vec![1, 2, 0, 0xAA, 0xBB, 2];
        let mut table = Vec::new();
        for cp in [0u32, 3, 5] {
            table.extend_from_slice(&cp.to_le_bytes());
        }
        for fc in [0x4000_0000u32 | 200, 1024] {
            table.extend_from_slice(&[0, 0]);
            table.extend_from_slice(&fc.to_le_bytes());
            table.extend_from_slice(&[0, 0]);
        }
        clx.extend_from_slice(&(table.len() as u32).to_le_bytes());
        clx.extend_from_slice(&table);
        let table = pieces(&clx).expect("a piece table");
        assert_eq!(
            table,
            [
                Piece {
                    cp: 0,
                    cp_end: 3,
                    fc: 200,
                    compressed: true
                },
                Piece {
                    cp: 3,
                    cp_end: 5,
                    fc: 1024,
                    compressed: false
                },
            ]
        );
        let mut word = vec![0u8; 1100];
        word[100..103].copy_from_slice(b"A\x93B");
        word[1024..1028].copy_from_slice(&[0x2D, 0x4E, 0x0D, 0]);
        assert_eq!(
            main_text(&word, &table, 5, &[]).expect("text"),
            "A\u{201C}B中\r"
        );
        assert_eq!(
            main_text(&word, &table, 4, &[]).expect("text"),
            "A\u{201C}B中"
        );
        assert!(main_text(&word[..1025], &table, 5, &[]).is_err());
        assert!(pieces(&clx[..clx.len() - 1]).is_err());
        assert!(pieces(&[3]).is_err());
    }

    #[test]
    fn what_is_not_a_word_document_is_an_error_not_a_panic() {
        for bytes in [
            Vec::new(),
            crate::input::word::COMPOUND_FILE.to_vec(),
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 truncated".to_vec(),
            "纯文本".as_bytes().to_vec(),
        ] {
            assert!(extract(bytes).is_err());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// A real `.doc` with bytes overwritten anywhere (compound file headers, allocation
        /// tables, the file information block, the piece table, text): an error or a text,
        /// never a panic.
        #[test]
        fn a_damaged_word_file_never_panics(
            edits in proptest::collection::vec((0usize..20_000, proptest::num::u8::ANY), 1..8),
        ) {
            let mut bytes =
                include_bytes!("../../fixtures/office/haimen-report-2021.doc").to_vec();
            for (at, byte) in edits {
                let at = at % bytes.len();
                bytes[at] = byte;
            }
            let _ = extract(bytes);
        }
    }
}
