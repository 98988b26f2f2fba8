//! Output formats. Each renders the same sorted diagnostics of a run; none of them decides
//! what is a finding or what the exit code is.

pub mod human;
pub mod json;

use crate::linter::Run;
use crate::source::Position;

/// A resolved place: path, start and end positions (1-based lines, character columns).
pub struct Place<'a> {
    pub path: &'a str,
    pub start: Position,
    pub end: Position,
}

pub fn place<'a>(run: &'a Run, document: usize, span: &std::ops::Range<usize>) -> Place<'a> {
    let source = &run.documents[document].source;
    Place {
        path: &source.path,
        start: source.position(span.start),
        end: source.position(span.end),
    }
}
