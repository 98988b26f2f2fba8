//! `misspelling`: a curated list of misspellings of idioms and fixed words that are never
//! right (`再接再励`, `一股作气`, `迫不急待`).

use super::lexicon::{LISTED, Listing, leftmost_longest};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use serde::Deserialize;
use std::sync::LazyLock;

pub static RULE: RuleInfo = RuleInfo {
    name: "misspelling",
    severity: Severity::Error,
    summary: "A misspelling of an idiom or fixed word that is wrong in every context \
              (`再接再励` for `再接再厉`, `一股作气` for `一鼓作气`), from a reviewed list.",
    explanation: r#"
## What it does
Reports the misspellings of a reviewed list, `src/rules/data/misspellings.toml`, and writes
the correct form: misspelt idioms and fixed words (`再接再励` → `再接再厉`, `一股作气` →
`一鼓作气`, `迫不急待` → `迫不及待`, `扫黑险恶` → `扫黑除恶`). Every entry carries a sentence it is
tested on.

## Why is this bad
The government-website inspection counts "严重错别字", and a site with more than three is
found 不合格. A misspelt idiom is the commonest of them.

## Not reported
The list is short on purpose: no entry whose wrong form is a correct word in some other
context (no `的/地/得`, `做/作`, `以/已`, `度过/渡过`). A big list of confusable words cries
wolf; a wrong form that can be right somewhere is left to the editor.

The fix is safe: each wrong form has one correct form.
"#,
    zh: Doc {
        summary: "成语和固定词语的错别字，在任何语境下都不对（“再接再励”应为“再接再厉”，“一股作气”应为“一鼓作气”），取自经过逐条审核的清单。",
        explanation: r#"
## 检查什么
报告经过逐条审核的清单“src/rules/data/misspellings.toml”中的错别字，并给出正确写法：写错的成语和固定词语（“再接再励”→“再接再厉”，“一股作气”→“一鼓作气”，“迫不急待”→“迫不及待”，“扫黑险恶”→“扫黑除恶”）。每一条都附有用来测试的例句。

## 为什么要改
政府网站检查要统计“严重错别字”，超过3个即判为不合格。写错的成语是其中最常见的。

## 不报告的情况
清单有意保持精简：错误写法在别的语境下可能是正确词语的，一律不收（不收“的/地/得”“做/作”“以/已”“度过/渡过”这类）。大而全的易混词表会频频误报；可能在别处正确的写法，留给编辑判断。

可以自动修复：每个错误写法只有一个正确写法。
"#,
    },
    bad: &[Example::fixed("希望大家再接再励，取得更大成绩。")],
    good: &["希望大家再接再厉，取得更大成绩。"],
    fix: Fixes::Safe,
    marks: Marks::Any,
    check: Check::Paragraph(check),
};

/// One entry of `misspellings.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misspelling {
    pub wrong: String,
    pub right: String,
    /// A sentence holding the wrong form, which the tests run the rule on.
    pub sentence: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct MisspellingFile {
    entry: Vec<Misspelling>,
}

pub const MISSPELLINGS_TOML: &str = include_str!("data/misspellings.toml");

/// The shipped list. `lexicon::LISTED` indexes its wrong forms with the other wording lists.
pub static ENTRIES: LazyLock<Vec<Misspelling>> = LazyLock::new(|| {
    toml::from_str::<MisspellingFile>(MISSPELLINGS_TOML)
        .map(|file| file.entry)
        .unwrap_or_default()
});

fn check(document: &Document, at: usize, paragraph: &Paragraph, report: &mut Report) {
    let hits = LISTED
        .in_paragraph(document, at)
        .into_iter()
        .filter_map(|(listing, range)| match listing {
            Listing::Misspelling(entry) => Some((entry, range)),
            _ => None,
        })
        .collect();
    for (entry, range) in leftmost_longest(hits) {
        let entry = &ENTRIES[entry];
        if paragraph.is_protected(range.start) {
            continue;
        }
        report
            .add(
                at,
                paragraph,
                range.clone(),
                crate::msg!(
                    "misspelling",
                    wrong = entry.wrong.as_str(),
                    right = entry.right.as_str()
                ),
                crate::msg!("misspelling-help", right = entry.right.as_str()),
            )
            .fix(
                paragraph,
                crate::msg!("misspelling-fix", right = entry.right.as_str()),
                true,
                &[(range, entry.right.as_str())],
            );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{findings, fixes};

    /// Every entry: its wrong form is found in its sentence and fixed to the right form,
    /// which is not reported; no wrong form holds another's or a right form.
    #[test]
    fn every_entry_is_found_in_its_sentence_and_its_correction_is_clean() {
        let parsed: MisspellingFile = toml::from_str(MISSPELLINGS_TOML).expect("parses");
        for entry in &parsed.entry {
            assert!(entry.sentence.contains(&entry.wrong), "{}", entry.wrong);
            assert_eq!(findings(&RULE, &entry.sentence), [entry.wrong.as_str()]);
            let corrected = entry.sentence.replacen(&entry.wrong, &entry.right, 1);
            assert_eq!(fixes(&RULE, &entry.sentence), [(true, corrected.clone())]);
            assert!(findings(&RULE, &corrected).is_empty(), "{corrected}");
            for other in &parsed.entry {
                if other.wrong != entry.wrong {
                    assert!(
                        !entry.wrong.contains(&other.wrong),
                        "{} holds {}",
                        entry.wrong,
                        other.wrong
                    );
                }
                assert!(
                    !other.right.contains(&entry.wrong),
                    "the right form {} holds the wrong {}",
                    other.right,
                    entry.wrong
                );
            }
        }
    }
}
