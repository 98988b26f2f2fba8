//! Where a paragraph stands in its document's numbered structure, and which paragraphs are
//! not paragraphs at all. Parallel text is common in official prose and is not a copy.

use crate::document::Document;
use crate::text::{ends_broken, leading_label, starts_broken};

/// Laws repeat provisions word for word in different articles (`有前款所列行为之一的…`),
/// and parallel items (`（一）…`/`（二）…`, `一是…`/`二是…`) share templates on purpose:
/// such paragraphs of one file are distinct, not copies.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Provision {
    /// The enumerator or date the paragraph opens with.
    pub label: Option<Box<str>>,
    /// The article (`第五条`) the paragraph belongs to, as a paragraph index.
    pub article: Option<u32>,
    /// For an enumerated item: the index of the unnumbered paragraph that leads its list,
    /// so that `（一）…` under two different lead-ins are two items.
    pub lead: Option<u32>,
    /// The nearest numbered paragraph at or before this one: its section, item or article.
    /// Near copies in different numbered parts are parallel text (`（一）…各地要…` /
    /// `（二）…各地要…`, indicator tables), not a paste.
    pub numbered_part: Option<u32>,
}

impl Provision {
    pub fn is_distinct_from(&self, other: &Provision) -> bool {
        fn differ<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
            matches!((a, b), (Some(a), Some(b)) if a != b)
        }
        differ(&self.label, &other.label)
            || differ(&self.article, &other.article)
            || differ(&self.lead, &other.lead)
    }
}

fn is_article(label: &str) -> bool {
    label.starts_with('第') && label.ends_with('条')
}

pub fn provisions(document: &Document) -> Vec<Provision> {
    let mut article = None;
    let mut lead = None;
    let mut numbered_part = None;
    document
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let index = index as u32;
            let label = leading_label(&p.text);
            let article_label = label.is_some_and(is_article);
            if article_label {
                article = Some(index);
            }
            if label.is_none() || article_label {
                lead = Some(index);
            }
            if label.is_some() {
                numbered_part = Some(index);
            }
            Provision {
                label: label.map(Box::from),
                article,
                lead: if label.is_some() && !article_label {
                    lead
                } else {
                    None
                },
                numbered_part,
            }
        })
        .collect()
}

/// A document numbered by articles (`第一条`, `第二条`, …): a law, regulation or rule, whose
/// provisions are worded in parallel on purpose (`…由北京市…` / `…由广州市…`).
pub fn is_statute(document: &Document) -> bool {
    let articles = document
        .paragraphs
        .iter()
        .filter(|p| leading_label(&p.text).is_some_and(is_article))
        .count();
    articles >= 3
}

/// A piece of a line broken mid-sentence, not a paragraph of its own.
pub fn is_fragment(document: &Document, index: usize) -> bool {
    let text = |i: usize| document.paragraphs.get(i).map(|p| p.text.as_str());
    let current = &document.paragraphs[index].text;
    starts_broken(current)
        || ends_broken(current)
        || index.checked_sub(1).and_then(text).is_some_and(ends_broken)
        || text(index + 1).is_some_and(starts_broken)
}
