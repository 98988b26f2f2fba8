//! The matching key of a paragraph: what is left when width, case, punctuation, spaces and
//! invisible characters no longer count. Reports always show the original text.

use crate::text::is_han;
use unicode_normalization::UnicodeNormalization;

/// Normalized characters of `text`: NFKC (folding full-width `，１Ａ` to `,1A`), then only
/// letters and digits kept, Latin lowercased. Digits are kept so that a changed number is a
/// difference, not a copy.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Fast path: ASCII and unified ideographs are already NFKC.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_han(c) && !is_compatibility_ideograph(c) {
            out.push(c);
        } else {
            for folded in std::iter::once(c).nfkc() {
                // Lowercasing may add marks (`İ` → `i̇`): keep only what a second pass keeps.
                out.extend(folded.to_lowercase().filter(|c| c.is_alphanumeric()));
            }
        }
    }
    out
}

/// Compatibility ideographs, which NFKC folds to unified ones.
fn is_compatibility_ideograph(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1D}')
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn width_punctuation_space_and_case_fold_away() {
        let a = normalize("　　注重示范驱动，培育法治品牌。ＡＢＣ１２３\u{200B}");
        let b = normalize("注重示范驱动,培育法治品牌.abc 123");
        assert_eq!(a, "注重示范驱动培育法治品牌abc123");
        assert_eq!(a, b);
    }

    #[test]
    fn digits_stay() {
        assert_ne!(normalize("第1823次会议"), normalize("第1850次会议"));
    }
}
