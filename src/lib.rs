//! govlint: a linter for Chinese government articles.
//!
//! The pipeline is `linter` (inputs → `document` model → `rules` and the `dedup` phase →
//! sorted `diagnostic`s, less what `suppress`ion comments silence) followed by one of the `render` formats; `cli` wires it together.

/// Prints a line on standard error with every control character escaped: file names,
/// messages and configuration text may hold a line break that forges a CI annotation
/// (`x\n::error file=README.md::…`) or a terminal escape sequence.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", $crate::text::escape_controls(&format!($($arg)*)))
    };
}

pub mod baseline;
pub mod cache;
pub mod cli;
pub mod config;
pub mod decode;
pub mod dedup;
pub mod diagnostic;
pub mod document;
pub mod docx;
pub mod fix;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod linter;
pub mod msdoc;
pub mod normalize;
pub mod odt;
pub mod office;
pub mod render;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
