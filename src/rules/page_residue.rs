//! `page-residue`: placeholder, being written.

use super::{Check, Report, RuleInfo};
use crate::diagnostic::Severity;
use crate::document::Document;

pub static RULE: RuleInfo = RuleInfo {
    name: "page-residue",
    severity: Severity::Error,
    summary: "Being written.",
    explanation: "## What it does\nBeing written.\n\n## Why is this bad\nBeing written.\n",
    bad: &[],
    good: &[],
    check: Check::Document(check),
};

fn check(_document: &Document, _report: &mut Report) {}
