//! `canonical-wording`: near misses of long fixed official formulations
//! (`中华人民共合国`, `以习近平总书记为核心的党中央`) and of the office's own names.

use super::lexicon::{CANONICAL, Edit, LISTED, Listing, NearMiss, Terms};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "canonical-wording",
    severity: Severity::Error,
    summary: "A fixed official formulation written one character off (`中华人民共合国`), or in a \
              known wrong form (`以习近平总书记为核心的党中央`); also the office's own names \
              from `[wording] terms`.",
    explanation: r#"
## What it does
Holds the text to a shipped list of long fixed formulations: the name of the state, the
full names of state and party bodies, the guiding thought and the formulas the
Constitution and the Party Constitution adopted (`中华人民共和国`, `全国人民代表大会常务委员会`,
`习近平新时代中国特色社会主义思想`, `以习近平同志为核心的党中央`, `社会主义核心价值观`…). It
reports a stretch of text one edit away from one of them (a character substituted,
inserted or deleted, or two neighbours swapped: `中华人民共合国`, `中华人民共和国务院`,
`社会主义核心价值观` written `社会主义核心价值规`), and the known wrong forms further away
(`总书记` inserted into the thought's name, `以习近平总书记为核心的党中央`). The list, with the
source of every entry, is `src/rules/data/canonical_wording.toml`.

An office adds its own names, its bodies, places and leaders (with their title:
`李强总理`), in `govlint.toml`:

```toml
[wording]
terms = ["海门区委政法委"]
terms-file = "names.txt"   # one name a line, `#` comments
```

Names of four characters or more are searched for near misses as the shipped list is;
shorter names are not (one character off a two- or three-character name is too often
another correct name).

## Why is this bad
The government-website inspection (《政府网站与政务新媒体检查指标》) fails a site for a
"严重表述错误", and counts "严重错别字" in the names of the country, of state bodies and of
leaders. A formulation written one character off is exactly such an error, and a spelling
checker does not see it: every character is a correct word.

## Not reported
- The formulation itself, and longer correct text that holds it
  (`中华人民共和国国务院` is not an insertion into `中华人民共和国`).
- Correct text one edit away that the list names for its entry (the historical
  `有中国特色的社会主义`).
- A paragraph that ends one character short of a formulation (`…最高人民法`): cut off,
  not misspelt.
- Short formulas that are valid neighbours of each other (`四个意识`, `四个自信`): not in the
  list.

The fix writes the formulation; it is safe where only one formulation is one edit away,
and a suggestion otherwise.
"#,
    zh: Doc {
        summary: "固定的规范表述错了一个字（“中华人民共合国”），或写成已知的错误形式（“以习近平总书记为核心的党中央”）；也检查“[wording] terms”中本单位自己的规范名称。",
        explanation: r#"
## 检查什么
对照随程序提供的较长的固定规范表述：国名，国家机构和党的机构的全称，指导思想，以及宪法和党章写入的固定提法（“中华人民共和国”“全国人民代表大会常务委员会”“习近平新时代中国特色社会主义思想”“以习近平同志为核心的党中央”“社会主义核心价值观”……）。与其中某条只差一处的写法（错一个字、多一个字、少一个字，或相邻两字颠倒：“中华人民共合国”“中华人民共和国务院”，把“社会主义核心价值观”写成“社会主义核心价值规”）都会报告；差得更多但已知常见的错误形式也报告（在指导思想的名称中插入“总书记”，“以习近平总书记为核心的党中央”）。清单及每条的出处见“src/rules/data/canonical_wording.toml”。

本单位可以在“govlint.toml”中加上自己的规范名称：机构、地名、领导姓名（连同职务写，如“李强总理”）：

    [wording]
    terms = ["海门区委政法委"]
    terms-file = "names.txt"   # 每行一个名称，“#”开头为注释

四个字及以上的名称与随程序提供的清单一样检查只差一处的写法；少于四个字的不查（两三个字的名称改一个字，往往是另一个正确的名称）。

## 为什么要改
政府网站检查（《政府网站与政务新媒体检查指标》）出现“严重表述错误”即单项否决，国名、国家机构名称和领导人姓名中的“严重错别字”也要计数。规范表述错一个字正是这类错误，而普通的错别字检查发现不了：每个字单独看都没有错。

## 不报告的情况
- 规范表述本身，以及包含它的更长的正确写法（“中华人民共和国国务院”不算在“中华人民共和国”中多了字）。
- 清单为该条列出的、只差一处的正确写法（历史提法“有中国特色的社会主义”）。
- 段落在规范表述的最后一个字之前结束（“……最高人民法”）：这是文字被截断，不是写错。
- 彼此只差一字、又都正确的简短提法（“四个意识”“四个自信”）：不在清单中。

修复时写成规范表述：只与一条规范表述差一处时可以自动修复，否则只给出建议。
"#,
    },
    bad: &[
        Example::fixed("中华人民共合国成立七十五周年。"),
        Example::fixed("坚持以习近平总书记为核心的党中央的集中统一领导。"),
        Example::fixed("根据中华人民共和国务院令第1号。"),
    ],
    good: &[
        "中华人民共和国成立七十五周年。",
        "根据中华人民共和国国务院令第1号。",
        "坚持以习近平同志为核心的党中央的集中统一领导。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::Any,
    check: Check::Paragraph(check),
};

fn check(document: &Document, at: usize, paragraph: &Paragraph, report: &mut Report) {
    let shipped = CANONICAL.near_misses_among(
        &paragraph.text,
        LISTED.in_paragraph(document, at).into_iter().filter_map(
            |(listing, range)| match listing {
                Listing::Formulation(owner) => Some((owner, range)),
                _ => None,
            },
        ),
    );
    report_misses(&CANONICAL, shipped, at, paragraph, report);
    if let Some(terms) = report.settings.terms.clone() {
        let own = terms.near_misses(&paragraph.text);
        report_misses(&terms, own, at, paragraph, report);
    }
}

fn report_misses(
    terms: &Terms,
    misses: Vec<NearMiss>,
    at: usize,
    paragraph: &Paragraph,
    report: &mut Report,
) {
    for NearMiss {
        range,
        term,
        edit,
        ambiguous,
    } in misses
    {
        // A paragraph that stops one character short of a formulation was cut off (a
        // title shortened on a page), not misspelt.
        if paragraph.is_protected(range.start)
            || (edit == Edit::Deleted && range.end == paragraph.text.len())
        {
            continue;
        }
        let found = &paragraph.text[range.clone()];
        let term = terms.term(term).text.as_str();
        let message = if edit == Edit::KnownWrong {
            crate::msg!("canonical-wording-known-wrong", found = found, term = term)
        } else {
            crate::msg!("canonical-wording", found = found, term = term)
        };
        report
            .add(
                at,
                paragraph,
                range.clone(),
                message,
                crate::msg!("canonical-wording-help", term = term),
            )
            .fix(
                paragraph,
                crate::msg!("canonical-wording-fix", term = term),
                !ambiguous,
                &[(range, term)],
            );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{findings, fixes};

    #[test]
    fn real_slips_are_found_and_fixed() {
        for (text, found, fixed) in [
            (
                "深入学习贯彻习近平总书记新时代中国特色社会主义思想。",
                "习近平总书记新时代中国特色社会主义思想",
                "深入学习贯彻习近平新时代中国特色社会主义思想。",
            ),
            (
                "中华人民共合国成立。",
                "中华人民共合国",
                "中华人民共和国成立。",
            ),
        ] {
            assert_eq!(findings(&RULE, text), [found], "{text}");
            assert_eq!(fixes(&RULE, text), [(true, fixed.to_string())], "{text}");
        }
    }

    #[test]
    fn the_formulations_themselves_are_not_reported() {
        for text in [
            "全国人民代表大会常务委员会第三次会议通过。",
            "中华人民共和国国务院令",
            "以习近平同志为核心的党中央",
            "习近平新时代中国特色社会主义思想",
        ] {
            assert!(findings(&RULE, text).is_empty(), "{text}");
        }
    }
}
