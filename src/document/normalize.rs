//! The matching key of a paragraph: what is left when width, case, punctuation, spaces and
//! invisible characters no longer count. Reports always show the original text.

use crate::text::is_han;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

/// Normalized characters of `text`: NFKC (folding full-width `，１Ａ` to `,1A`), then only
/// letters and digits kept, Latin lowercased. Digits are kept so that a changed number is a
/// difference, not a copy.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// `normalize`, appended to `out`: many short texts normalized into one buffer.
pub fn normalize_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    // Most of a Chinese text is kept as it is: runs of such characters are copied whole,
    // found from their first bytes without decoding them.
    let mut run_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let unchanged = kept_as_is_len(bytes, at);
        if unchanged > 0 {
            at += unchanged;
            continue;
        }
        out.push_str(&text[run_start..at]);
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        run_start = at;
        // ASCII and unified ideographs are already NFKC.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_han(c) && !is_compatibility_ideograph(c) {
            out.push(c);
        } else {
            match FOLDED.lookup(c) {
                Some(Folded::Dropped) => {}
                Some(Folded::One(folded)) => out.push(folded),
                Some(Folded::Several) | None => fold_slowly(c, out),
            }
        }
    }
    out.push_str(&text[run_start..]);
}

/// The length of the character at `at` when `normalize` keeps it unchanged and its first
/// bytes tell so (a lowercase ASCII letter or digit; a unified ideograph U+4E00–U+9FFF,
/// whose encoding begins 0xE4 0xB8–0xBF or 0xE5–0xE9), else 0: decode it.
fn kept_as_is_len(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b'a'..=b'z' | b'0'..=b'9' => 1,
        0xE5..=0xE9 => 3,
        0xE4 if bytes.get(at + 1).is_some_and(|&next| next >= 0xB8) => 3,
        _ => 0,
    }
}

/// The general case: NFKC of one character, lowercased, letters and digits kept.
fn fold_slowly(c: char, out: &mut String) {
    for folded in std::iter::once(c).nfkc() {
        // Lowercasing may add marks (`İ` → `i̇`): keep only what a second pass keeps.
        out.extend(folded.to_lowercase().filter(|c| c.is_alphanumeric()));
    }
}

/// What `fold_slowly` makes of one character, when it is at most one character.
#[derive(Clone, Copy)]
enum Folded {
    Dropped,
    One(char),
    Several,
}

/// `fold_slowly` worked out once for every character of the blocks Chinese prose takes its
/// punctuation, symbols and Latin from: every `，。“”（）` would otherwise go through NFKC,
/// lowercasing and the Unicode letter tables one at a time, most of the time of `normalize`.
/// Built by `fold_slowly` itself, so that it cannot disagree with it.
static FOLDED: LazyLock<FoldTable> = LazyLock::new(FoldTable::new);

/// Latin, punctuation, symbols and kana up to the Han blocks; compatibility ideographs,
/// presentation forms and full-width forms after them.
const TABLE_RANGES: [std::ops::Range<u32>; 2] = [0x80..0x3400, 0xF900..0x1_0000];

struct FoldTable {
    /// One entry per code point of `TABLE_RANGES`, in order: 0 for dropped (NUL is never
    /// kept), `SEVERAL`, or the one character kept.
    entries: Vec<u32>,
}

const SEVERAL: u32 = u32::MAX;

impl FoldTable {
    fn new() -> Self {
        let mut entries = Vec::new();
        let mut folded = String::new();
        for code in TABLE_RANGES.iter().flat_map(|range| range.clone()) {
            folded.clear();
            if let Some(c) = char::from_u32(code) {
                fold_slowly(c, &mut folded);
            }
            let mut chars = folded.chars();
            entries.push(match (chars.next(), chars.next()) {
                (None, _) => 0,
                (Some(one), None) => u32::from(one),
                (Some(_), Some(_)) => SEVERAL,
            });
        }
        FoldTable { entries }
    }

    fn lookup(&self, c: char) -> Option<Folded> {
        let code = u32::from(c);
        let mut base = 0;
        for range in &TABLE_RANGES {
            if range.contains(&code) {
                let entry = *self.entries.get((base + code - range.start) as usize)?;
                return Some(match entry {
                    0 => Folded::Dropped,
                    SEVERAL => Folded::Several,
                    one => Folded::One(char::from_u32(one)?),
                });
            }
            base += range.end - range.start;
        }
        None
    }
}

/// Compatibility ideographs, which NFKC folds to unified ones.
fn is_compatibility_ideograph(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1D}')
}

#[cfg(test)]
mod tests {
    use super::{fold_slowly, is_compatibility_ideograph, kept_as_is_len, normalize};
    use crate::text::is_han;

    #[test]
    fn width_punctuation_space_and_case_fold_away() {
        let a = normalize("　　注重示范驱动，培育法治品牌。ＡＢＣ１２３\u{200B}");
        let b = normalize("注重示范驱动,培育法治品牌.abc 123");
        assert_eq!(a, "注重示范驱动培育法治品牌abc123");
        assert_eq!(a, b);
    }

    /// `normalize` as it reads: one character at a time, each folded by the general case.
    fn char_by_char(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    out.push(c.to_ascii_lowercase());
                }
            } else if is_han(c) && !is_compatibility_ideograph(c) {
                out.push(c);
            } else {
                fold_slowly(c, &mut out);
            }
        }
        out
    }

    #[test]
    fn agrees_with_folding_one_character_at_a_time() {
        let every_character: Vec<char> = (0..0x11_0000).filter_map(char::from_u32).collect();
        let mut texts: Vec<String> = every_character
            .chunks(97)
            .map(|chunk| chunk.iter().collect())
            .collect();
        texts.extend(
            [
                "abc１２３ＡＢＣ中文〇㐀䷀丁﨑、End.\u{20000}x",
                "",
                "　　第一条　ＡＢ",
                "İ",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(normalize(&text), char_by_char(&text), "{text:?}");
        }
    }

    #[test]
    fn first_bytes_call_only_ideographs_kept_as_they_are() {
        // Every ideograph the first bytes call one is one, and kept.
        for code in 0x4000..0xA000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut bytes = [0; 4];
            let encoded = c.encode_utf8(&mut bytes).as_bytes();
            if kept_as_is_len(encoded, 0) > 0 {
                assert!(is_han(c) && !is_compatibility_ideograph(c), "U+{code:04X}");
            }
        }
    }

    #[test]
    fn digits_stay() {
        assert_ne!(normalize("第1823次会议"), normalize("第1850次会议"));
    }
}
