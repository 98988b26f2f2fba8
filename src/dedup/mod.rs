//! The duplicate phase: after the per-document rules, every paragraph of the run is
//! normalized and indexed once, and exact copies (as clone classes) and near copies are
//! reported.

pub mod diff;
pub mod near;
pub mod normalize;

use crate::diagnostic::{Diagnostic, Related};
use crate::document::Document;
use crate::rules::{duplicate_paragraph, near_duplicate_paragraph};
use crate::text::{ends_broken, leading_label, starts_broken};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_128;

#[derive(Debug, Clone)]
pub struct Settings {
    /// Paragraphs with fewer normalized characters are never exact duplicates.
    pub exact_min_chars: usize,
    /// Paragraphs with fewer normalized characters are never near duplicates.
    pub near_min_chars: usize,
    /// Smallest similarity (1 - edits / longer length) reported as a near duplicate.
    pub threshold: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            exact_min_chars: 30,
            near_min_chars: 50,
            threshold: 0.85,
        }
    }
}

/// A paragraph that takes part in matching.
struct Unit {
    document: usize,
    paragraph: usize,
    chars: Vec<char>,
    provision: Provision,
    is_heading: bool,
}

/// Where a paragraph stands in a document's numbered structure. Laws repeat provisions
/// word for word in different articles (`有前款所列行为之一的…`), and parallel items
/// (`（一）…`/`（二）…`, `一是…`/`二是…`) share templates on purpose: such paragraphs of
/// one file are distinct, not copies.
#[derive(Default, Clone, PartialEq)]
struct Provision {
    /// The enumerator or date the paragraph opens with.
    label: Option<String>,
    /// The article (`第五条`) the paragraph belongs to.
    article: Option<String>,
    /// For an enumerated item: the index of the unnumbered paragraph that leads its list,
    /// so that `（一）…` under two different lead-ins are two items.
    lead: Option<usize>,
    /// The nearest numbered paragraph at or before this one: its section, item or article.
    /// Near copies in different numbered parts are parallel text (`（一）…各地要…` /
    /// `（二）…各地要…`, indicator tables), not a paste.
    numbered_part: Option<usize>,
}

impl Provision {
    fn is_distinct_from(&self, other: &Provision) -> bool {
        let differ =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a != b);
        differ(&self.label, &other.label)
            || differ(&self.article, &other.article)
            || matches!((self.lead, other.lead), (Some(a), Some(b)) if a != b)
    }
}

fn provisions(document: &Document) -> Vec<Provision> {
    let mut article = None;
    let mut lead = None;
    let mut numbered_part = None;
    document
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let label = leading_label(&p.text).map(str::to_string);
            let is_article = label
                .as_deref()
                .is_some_and(|l| l.starts_with('第') && l.ends_with('条'));
            if is_article {
                article = label.clone();
            }
            if label.is_none() || is_article {
                lead = Some(index);
            }
            if label.is_some() {
                numbered_part = Some(index);
            }
            Provision {
                numbered_part,
                lead: if label.is_some() && !is_article {
                    lead
                } else {
                    None
                },
                label,
                article: article.clone(),
            }
        })
        .collect()
}

/// A document numbered by articles (`第一条`, `第二条`, …): a law, regulation or rule.
fn is_statute(document: &Document) -> bool {
    let articles = document
        .paragraphs
        .iter()
        .filter(|p| {
            leading_label(&p.text).is_some_and(|l| l.starts_with('第') && l.ends_with('条'))
        })
        .count();
    articles >= 3
}

fn is_fragment(document: &Document, index: usize) -> bool {
    let text = |i: usize| document.paragraphs.get(i).map(|p| p.text.as_str());
    let current = &document.paragraphs[index].text;
    starts_broken(current)
        || ends_broken(current)
        || index.checked_sub(1).and_then(text).is_some_and(ends_broken)
        || text(index + 1).is_some_and(starts_broken)
}

pub struct Enabled {
    pub exact: bool,
    pub near: bool,
}

pub fn find_duplicates(
    documents: &[Document],
    settings: &Settings,
    enabled: Enabled,
) -> Vec<Diagnostic> {
    let units: Vec<Unit> = documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(document, doc)| {
            let provisions = provisions(doc);
            doc.paragraphs
                .iter()
                .zip(provisions)
                .enumerate()
                .filter_map(move |(paragraph, (p, provision))| {
                    // Pieces of a line broken mid-sentence are not paragraphs of their own.
                    if is_fragment(doc, paragraph) {
                        return None;
                    }
                    let chars = normalize::normalize(&p.text);
                    (chars.len() >= settings.exact_min_chars.min(settings.near_min_chars))
                        .then_some(Unit {
                            document,
                            paragraph,
                            chars,
                            provision,
                            is_heading: p.is_heading,
                        })
                })
        })
        .collect();

    // Clone classes: members in run order, keyed by file (scope) and normalized text.
    let mut classes: FxHashMap<(usize, u128), Vec<usize>> = FxHashMap::default();
    for (index, unit) in units.iter().enumerate() {
        let text: String = unit.chars.iter().collect();
        classes
            .entry((unit.document, xxh3_128(text.as_bytes())))
            .or_default()
            .push(index);
    }
    let mut diagnostics = Vec::new();
    let mut representatives = Vec::new();
    let mut sorted_classes: Vec<Vec<usize>> = classes.into_values().collect();
    sorted_classes.sort_unstable_by_key(|members| members[0]);
    for members in &sorted_classes {
        representatives.push(members[0]);
        let first = &units[members[0]];
        let copies: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| !units[m].provision.is_distinct_from(&first.provision))
            .collect();
        if enabled.exact && copies.len() > 1 && first.chars.len() >= settings.exact_min_chars {
            diagnostics.push(exact_finding(documents, &units, &copies));
        }
    }

    if enabled.near {
        // Statutes word their provisions in parallel on purpose (`…由北京市…` / `…由广州市…`).
        let statutes: Vec<bool> = documents.iter().map(is_statute).collect();
        representatives.sort_unstable();
        representatives
            .retain(|&u| units[u].chars.len() >= settings.near_min_chars && !units[u].is_heading);
        // File scope: each file is its own search, run in parallel.
        let mut by_document: Vec<Vec<usize>> = vec![Vec::new(); documents.len()];
        for &u in &representatives {
            by_document[units[u].document].push(u);
        }
        let mut pairs: Vec<(usize, usize, f64)> = by_document
            .par_iter()
            .flat_map_iter(|members| {
                let items: Vec<near::Item> = members
                    .iter()
                    .map(|&u| near::Item {
                        chars: &units[u].chars,
                    })
                    .collect();
                near::find_pairs(&items, settings.threshold, settings.near_min_chars)
                    .into_iter()
                    .map(|p| (members[p.earlier], members[p.later], p.similarity))
                    .collect::<Vec<_>>()
            })
            .collect();
        pairs.retain(|&(earlier, later, _)| {
            let (a, b) = (&units[earlier], &units[later]);
            let parallel = a.document == b.document
                && (statutes[a.document] || a.provision.numbered_part != b.provision.numbered_part);
            !parallel && !a.provision.is_distinct_from(&b.provision)
        });
        pairs.sort_by_key(|&(earlier, later, _)| (later, earlier));
        let pairs: Vec<near::Pair> = pairs
            .into_iter()
            .map(|(earlier, later, similarity)| near::Pair {
                earlier,
                later,
                similarity,
            })
            .collect();
        // One finding per later paragraph: its most similar earlier paragraph.
        let mut best: Vec<near::Pair> = Vec::new();
        for pair in pairs {
            match best.last_mut() {
                Some(last) if last.later == pair.later => {
                    if pair.similarity > last.similarity {
                        *last = pair;
                    }
                }
                _ => best.push(pair),
            }
        }
        for pair in best {
            let earlier = &units[pair.earlier];
            let later = &units[pair.later];
            diagnostics.push(near_finding(documents, earlier, later, pair.similarity));
        }
    }
    diagnostics
}

fn location(documents: &[Document], unit: &Unit) -> (String, usize) {
    let doc = &documents[unit.document];
    let span = doc.paragraphs[unit.paragraph].span();
    (
        doc.source.path.clone(),
        doc.source.position(span.start).line,
    )
}

fn exact_finding(documents: &[Document], units: &[Unit], members: &[usize]) -> Diagnostic {
    let first = &units[members[0]];
    let copy = &units[members[1]];
    let doc = &documents[copy.document];
    let (_, first_line) = location(documents, first);
    let extra = members.len() - 2;
    let message = if extra == 0 {
        format!("this paragraph repeats the one at line {first_line}")
    } else {
        format!(
            "this paragraph repeats the one at line {first_line} ({} copies in all)",
            members.len()
        )
    };
    let mut diagnostic = Diagnostic::new(
        duplicate_paragraph::RULE.name,
        duplicate_paragraph::RULE.severity,
        copy.document,
        copy.paragraph,
        doc.paragraphs[copy.paragraph].span(),
        message,
    )
    .with_help("delete the repeated paragraph, or rewrite it if both places need it");
    diagnostic.related.push(Related {
        document: first.document,
        span: documents[first.document].paragraphs[first.paragraph].span(),
        message: "first occurrence".into(),
    });
    for &member in &members[2..] {
        let unit = &units[member];
        diagnostic.related.push(Related {
            document: unit.document,
            span: documents[unit.document].paragraphs[unit.paragraph].span(),
            message: "also repeated here".into(),
        });
    }
    diagnostic
}

fn near_finding(
    documents: &[Document],
    earlier: &Unit,
    later: &Unit,
    similarity: f64,
) -> Diagnostic {
    let old = &documents[earlier.document].paragraphs[earlier.paragraph];
    let new = &documents[later.document].paragraphs[later.paragraph];
    let (_, first_line) = location(documents, earlier);
    let percent = (similarity * 100.0).floor();
    let mut diagnostic = Diagnostic::new(
        near_duplicate_paragraph::RULE.name,
        near_duplicate_paragraph::RULE.severity,
        later.document,
        later.paragraph,
        new.span(),
        format!("this paragraph is {percent}% the same as the one at line {first_line}"),
    )
    .with_help("keep one version: delete this paragraph or merge the differences into the first");
    diagnostic.related.push(Related {
        document: earlier.document,
        span: old.span(),
        message: "similar paragraph".into(),
    });
    diagnostic.similarity = Some(similarity);
    diagnostic.diff = Some(diff::describe(&old.text, &new.text));
    diagnostic
}
