//! "The same error on many sites": a fault inside a paragraph that was copied into many
//! files is one fault for whoever fixes the source, however many pages carry it. The n-th
//! finding of a rule in paragraphs of one text (the duplicate index's exact key), in at
//! least `common-files` files, is one fault: grouped, so that a report can show it once
//! with every place it is found.

use super::Run;
use crate::dedup::FileUnits;
use crate::rules::Check;
use std::collections::HashMap;

/// One fault found in the same paragraph text in many files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widespread {
    /// Indices into `Run::diagnostics`, in its order (by path, line, column).
    pub findings: Vec<usize>,
    /// Distinct files among them.
    pub files: usize,
}

/// Per file, the byte spans of its duplicate units and their exact keys, in order: what
/// the grouping needs of the units, kept after the cache has taken them.
pub struct Paragraphs(Vec<Vec<(std::ops::Range<usize>, u128)>>);

impl Paragraphs {
    /// `units[d]` are the duplicate units of `run.paths[d]`.
    pub fn of(units: &[FileUnits]) -> Paragraphs {
        Paragraphs(
            units
                .iter()
                .map(|file| file.units.iter().map(|u| (u.place.span(), u.key)).collect())
                .collect(),
        )
    }

    /// The key of the unit of file `document` holding byte `at`.
    fn key_at(&self, document: usize, at: usize) -> Option<u128> {
        let spans = self.0.get(document)?;
        let (span, key) = spans.get(spans.partition_point(|(span, _)| span.end <= at))?;
        span.contains(&at).then_some(*key)
    }
}

/// The groups of `run`'s findings whose paragraph text recurs in `min_files` files or
/// more, most files first. None when `min_files` is below 2.
pub fn group(run: &Run, paragraphs: &Paragraphs, min_files: usize) -> Vec<Widespread> {
    if min_files < 2 {
        return Vec::new();
    }
    // A fault is its rule and its place among the rule's findings in the paragraph's text:
    // the message may differ from copy to copy (it cites each document's own habits).
    let mut ordinals: HashMap<(usize, u128, &'static str), usize> = HashMap::new();
    let mut groups: HashMap<(&'static str, u128, usize), Vec<usize>> = HashMap::new();
    for (index, diagnostic) in run.diagnostics.iter().enumerate() {
        // Copies are what make a fault widespread, not faults of their own.
        if matches!(diagnostic.rule.info().check, Check::Duplicates) {
            continue;
        }
        let Some(key) = paragraphs.key_at(diagnostic.document, diagnostic.span.start) else {
            continue;
        };
        let rule = diagnostic.rule.as_str();
        let ordinal = ordinals
            .entry((diagnostic.document, key, rule))
            .or_default();
        groups.entry((rule, key, *ordinal)).or_default().push(index);
        *ordinal += 1;
    }
    let mut found: Vec<Widespread> = groups
        .into_values()
        .filter_map(|mut findings| {
            findings.sort_unstable();
            let mut documents: Vec<usize> = findings
                .iter()
                .map(|&i| run.diagnostics[i].document)
                .collect();
            documents.dedup();
            (documents.len() >= min_files).then_some(Widespread {
                findings,
                files: documents.len(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.files.cmp(&a.files).then(a.findings.cmp(&b.findings)));
    found
}
