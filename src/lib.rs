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

pub mod cli;
pub mod config;
pub mod dedup;
pub mod document;
pub mod fix;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod input;
pub mod linter;
pub mod render;
pub mod report;
pub mod rules;
pub mod text;
