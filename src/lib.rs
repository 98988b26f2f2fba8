//! govlint: a linter for Chinese government articles.
//!
//! The pipeline, in the order data flows (see ARCHITECTURE.md): `input` (paths, bytes,
//! decoding, the readers) → `document` (the model) → `rules` and the `dedup` phase →
//! `report` (findings, messages, suppressions, baseline) → `render`; `linter` runs a check
//! and `cli` drives it, prints, and computes the exit code.

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
pub mod server;
pub mod signatures;
pub mod text;
