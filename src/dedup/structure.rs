//! Where a paragraph stands in its document's numbered structure, and which paragraphs are
//! not paragraphs at all. Parallel text is common in official prose and is not a copy.

use crate::document::Document;
use crate::text::{ends_broken, leading_label, starts_broken};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;
use std::sync::LazyLock;

/// Laws repeat provisions word for word in different articles (`有前款所列行为之一的…`),
/// and parallel items (`（一）…`/`（二）…`, `一是…`/`二是…`) share templates on purpose:
/// such paragraphs of one file are distinct, not copies.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provision {
    /// The enumerator or date the paragraph opens with, as a number standing for its text
    /// within the file (provisions are compared within a file only, and a run keeps one for
    /// every paragraph: a number is smaller than the text).
    pub label: Option<NonZeroU32>,
    /// The article (`第五条`) the paragraph belongs to, numbered like `label`: two copies of
    /// one article are copies, provisions of different articles are parallel.
    pub article: Option<NonZeroU32>,
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

fn is_date(label: &str) -> bool {
    label.contains('年') && label.starts_with(|c: char| c.is_ascii_digit())
}

fn is_article(label: &str) -> bool {
    label.starts_with('第') && label.ends_with('条')
}

pub fn provisions(document: &Document) -> Vec<Provision> {
    // Each distinct label of the file gets a number, from 1.
    let mut numbers: rustc_hash::FxHashMap<&str, NonZeroU32> = rustc_hash::FxHashMap::default();
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
            // A date opens a record or a news paragraph, not an item of a list.
            let enumerator = label.is_some_and(|l| !is_date(l));
            let label = label.map(|l| {
                let next = NonZeroU32::new(numbers.len() as u32 + 1);
                (l, next.map(|next| *numbers.entry(l).or_insert(next)))
            });
            if article_label {
                article = label.and_then(|(_, number)| number);
            }
            if !enumerator || article_label {
                lead = Some(index);
            }
            if enumerator {
                numbered_part = Some(index);
            }
            Provision {
                label: label.and_then(|(_, number)| number),
                article,
                lead: if enumerator && !article_label {
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

/// A dated record of enactment or amendment (`2011年1月8日 《国务院关于废止和修改部分行政法规
/// 的决定》第一次修订`): every law changed by one decision carries the same line.
pub fn is_record_line(text: &str) -> bool {
    RECORD_LINE.is_match(text)
}

/// Formulas that official documents of one series repeat by design: the opening of a work
/// report (`现在，我代表国务院，向大会报告政府工作，请予审议…`), the annual thanks
/// (`…表示衷心的感谢！`), the resolution approving a report, the opening of a reply letter
/// (`…《…的请示》（…号）收悉。经国务院领导同志批准，现函复如下：`). Copies within one file
/// are still reported; copies across files are not.
pub fn is_series_formula(text: &str) -> bool {
    SERIES_FORMULAS.iter().any(|pattern| pattern.is_match(text))
}

static RECORD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]?[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日.{0,160}(通过|公布|发布|批准|施行|修正|修订|废止)[）)]?$")
        .expect("record-line pattern is valid")
});

static SERIES_FORMULAS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^现在[，,]?我代表.{1,20}[，,]?向大会.{0,8}工作.{0,12}请予审议.{0,40}提出意见[。！]?$",
        r"表示(衷心|诚挚|崇高|最诚挚|最衷心)的?(感谢|谢意|敬意)[。！!]?$",
        r"听取和审议了.{0,80}报告.{0,400}(批准|通过)(这个|该)报告",
        r"(请示|报告|来函|函)》?[（(].{0,20}号[）)]收悉[。，,].{0,40}(现|特)(函)?(复|批复|答复)如下[：:]$",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("series formula pattern is valid"))
    .collect()
});

#[cfg(test)]
mod tests {
    use super::is_series_formula;

    #[test]
    fn series_formulas() {
        for text in [
            "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。",
            "教育部、外交部、财政部、体育总局《关于以哈尔滨市名义申请举办2009年世界大学生冬季运动会的请示》（教外际〔2004〕14号）收悉。经国务院领导同志批准，现函复如下：",
            "你省《关于设立某某经济开发区的请示》（某政〔2020〕3号）收悉。现批复如下：",
        ] {
            assert!(is_series_formula(text), "{text}");
        }
        for text in [
            "来函收悉，我们将认真研究。",
            "教育部《关于举办运动会的请示》收悉后，各部门积极筹备，现将有关情况报告如下：",
        ] {
            assert!(!is_series_formula(text), "{text}");
        }
    }
}
