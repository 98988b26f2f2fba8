//! What a rule reports: a finding at a byte span, with related places. Rules build these;
//! renderers turn them into text.

use crate::document::source::Position;
use crate::report::message::Message;
use crate::rules::RuleId;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, never fails a run.
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place a finding refers to, such as the first copy of a duplicated paragraph.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Related {
    /// Index of the file in the run (see `Run::paths`).
    pub document: usize,
    pub span: Range<usize>,
    pub start: Position,
    pub message: Message,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    pub message: Message,
    /// Index of the file in the run (see `Run::paths`).
    pub document: usize,
    /// Byte span in the file's text.
    pub span: Range<usize>,
    /// Where the span starts and ends: filled in once the file's line index is at hand.
    pub start: Position,
    pub end: Position,
    /// Index of the paragraph the span lies in; human output groups by it.
    pub paragraph: usize,
    pub related: Vec<Related>,
    /// What to do about it, one line.
    pub help: Option<Message>,
    /// For near duplicates: how similar, and what differs.
    pub similarity: Option<f64>,
    pub diff: Option<String>,
    /// For duplicates reported with `parallel = "report"`: why govlint judges the pair
    /// legitimate parallel text (`statute-parallel`, `template-items`, …).
    pub set_aside: Option<&'static str>,
    /// How to correct the fault, where the rule knows.
    pub fix: Option<Fix>,
    /// A hash of the paragraph the finding is in (its duplicate-matching key), so that a
    /// baseline still recognizes the finding after edits elsewhere in the file.
    pub fingerprint: u64,
}

/// A correction: byte-range replacements in the file, applied together or not at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub title: Message,
    /// Safe fixes keep the meaning and are applied by `--fix`; unsafe ones need
    /// `--unsafe-fixes` (an editor should look first).
    pub safe: bool,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Diagnostic {
    pub fn new(
        rule: RuleId,
        severity: Severity,
        document: usize,
        paragraph: usize,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            document,
            span,
            start: Position::default(),
            end: Position::default(),
            paragraph,
            related: Vec::new(),
            help: None,
            similarity: None,
            diff: None,
            set_aside: None,
            fix: None,
            fingerprint: 0,
        }
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }
}
