//! `unbalanced-quote`: a quotation mark that does not pair within its paragraph.

use super::pairing::{
    Family, Orphan, Side, chains, closed_later, mirrored_slip, of_paragraph, open_ends, orphans,
};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::Document;
use crate::report::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "unbalanced-quote",
    severity: Severity::Error,
    summary: "A `“”` `‘’` `「」` `『』` quotation mark without its partner in the paragraph.",
    explanation: r#"
## What it does
Pairs the quotation marks of each paragraph and points at the one left over: a closing
`”` with no opening `“` before it (`评价”先进地区`), or an opening mark never closed.

## Why is this bad
GB/T 15834-2011 4.8: quotation marks come in pairs. An orphan mark usually means a word was
deleted or pasted in the wrong place, and the reader cannot tell where the quotation ends.

## Not reported
A quotation running over several paragraphs (GB/T 15834-2011 4.8.3): each quoted paragraph
opens with `“` and only the last one closes, so an unclosed `“` is accepted when the next
paragraph opens with the same mark. A quotation over several paragraphs that does not reopen
them (`修改为：` / `“…` / `…` / `…。”`) balances too: `multi-paragraph-quote` reports its
layout once, as a warning. An apostrophe `’` inside a Latin word (`don’t`).
"#,
    zh: Doc {
        summary: "同一段中的引号（“” ‘’ 「」 『』）不成对，缺了前一半或后一半。",
        explanation: r#"
## 检查什么
逐段给引号配对，指出配不上的那一个：前面没有前引号（“）的后引号（”），例如“环境评价”和“先进地区”两词之间多出的后引号；或者一直没有关上的前引号。

## 为什么要改
GB/T 15834-2011 4.8：引号要成对使用。多出半个引号，通常是删改词语时删漏了或粘贴错了位置，读者也看不出引文到哪里结束。

## 怎么改
只有一种改法时（例如两侧都用了前引号（“），后一个应为后引号（”）），加“--fix”即可自动修复；否则给出删去这个引号的建议（“--unsafe-fixes”）。请对照原文，决定补上另一半还是删去。

## 不报告的情况
跨段引用（GB/T 15834-2011 4.8.3）：引文有多段时，每段开头用前引号（“），只在最后一段末尾用后引号（”），所以下一段以同样的前引号开头时，本段没有关上的前引号不算错。跨段引用而后面各段开头没有重新加前引号的（“修改为：”之后的引文），引号总体仍然成对，由“multi-paragraph-quote”规则作为警告报告一次。英文单词中的撇号（don’t）也不报告。
"#,
    },
    bad: &[
        Example::corrected(
            "获评江苏省简政放权创业创新环境评价”先进地区。",
            "获评江苏省简政放权创业创新环境评价“先进地区”。",
        ),
        Example::corrected(
            "他说：“要坚持以人民为中心。",
            "他说：“要坚持以人民为中心。”",
        ),
        Example::fixed("所谓‘三项制度’和‘一件事是指。"),
    ],
    good: &[
        "获评“全国百佳示范窗口”、江苏省“先进地区”。",
        "他指出：“第一段引文。\n“第二段引文。\n“最后一段引文。”",
        "It don’t matter。",
        "他说：“要落实‘三项制度’。”",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(QUOTE_MARKS),
    check: Check::Document(check),
};

/// Every mark of `QUOTES`.
pub const QUOTE_MARKS: &[char] = &['“', '”', '‘', '’', '「', '」', '『', '』'];

pub const QUOTES: &[Family] = &[
    Family {
        openers: &['“'],
        closers: &['”'],
    },
    Family {
        openers: &['‘'],
        closers: &['’'],
    },
    Family {
        openers: &['「'],
        closers: &['」'],
    },
    Family {
        openers: &['『'],
        closers: &['』'],
    },
];

/// The quotation marks of a document that pair with nothing in their paragraph (or run of
/// broken lines), sorted by place: read by three rules, worked out once.
pub struct QuoteOrphans(pub Vec<Orphan>);

/// The document's `QuoteOrphans`, worked out on first use.
pub fn quote_orphans(document: &Document) -> std::sync::Arc<QuoteOrphans> {
    document.shared(|document| QuoteOrphans(find_quote_orphans(document)))
}

/// The quotation marks of `document` that pair with nothing in their paragraph (or run of
/// broken lines), sorted by place. A `“` left open at the end of a paragraph whose next
/// paragraph opens with `“` again is the GB/T 15834 4.8.3 layout of a quotation spanning
/// paragraphs, not an orphan.
fn find_quote_orphans(document: &Document) -> Vec<Orphan> {
    let paragraphs = &document.paragraphs;
    let ignore = |index: usize, at: usize, c: char| {
        let paragraph = &paragraphs[index];
        let text = &paragraph.text;
        let next = text[at + c.len_utf8()..].chars().next();
        // `don’t`, and `’99` for 1999.
        let is_apostrophe = c == '’'
            && (next.is_some_and(|n| n.is_ascii_digit())
                || text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphabetic())
                    && next.is_some_and(|n| n.is_ascii_alphabetic()));
        is_apostrophe || paragraph.is_protected(at)
    };
    let opens_with = |index: usize, mark: char| {
        paragraphs
            .get(index)
            .is_some_and(|p| p.text.starts_with(mark))
    };
    chains(paragraphs)
        .into_iter()
        .flat_map(|chain| orphans(paragraphs, chain, QUOTES, ignore))
        // A lead ending in `：` runs on into the quotation's first paragraph, so the next
        // paragraph is looked at for every orphan, not only at the end of a run.
        // A title left open (`“无废城市建设试点工作方案`) is not a quoted paragraph, whatever
        // the next one opens with.
        .filter(|o| {
            !(o.side == Side::Opener
                && !is_title(&paragraphs[o.paragraph])
                && opens_with(o.paragraph + 1, o.mark))
        })
        .collect()
}

/// A heading or a short line without a stop that does not lead into what follows (`：`):
/// a title, which a quotation over paragraphs never begins with.
fn is_title(paragraph: &crate::document::Paragraph) -> bool {
    paragraph.is_heading && !paragraph.text.ends_with(['：', ':'])
}

/// Most paragraphs between the first and the last of one quotation spanning paragraphs:
/// an amended article with its items, or a quoted section, fits well within.
const SPANNING_PARAGRAPHS: usize = 60;

/// A quotation running over several paragraphs without reopening each one.
pub struct Spanning {
    /// Its opening mark: an index into the orphans it was found among.
    pub opener: usize,
    /// Its closing mark, when that is an orphan too (an index like `opener`); `None` when
    /// the quotation's last paragraph reopens and closes on its own (`“…”`).
    pub closer: Option<usize>,
    /// The paragraph and byte of its closing mark.
    pub closes: (usize, usize, char),
}

/// The quotations of `found` (from `quote_orphans`) that run over several paragraphs
/// without reopening each one (the official layout of amendments: `将第二十条修改为：` /
/// `“出版物…` / `出版者…` / `…承担举证责任。”`): an opening mark left open to the end of its
/// paragraph, closed a few paragraphs on by the next orphan of its family, a closing mark
/// with nothing of the family before it in its own paragraph; or by a last paragraph that
/// reopens and closes (`“单位犯前款罪的，…处罚。”`), with no mark of the family between.
pub fn spanning_quotations(document: &Document, found: &[Orphan]) -> Vec<Spanning> {
    let paragraphs = &document.paragraphs;
    let family = |mark: char| {
        QUOTES
            .iter()
            .position(|f| f.openers.contains(&mark) || f.closers.contains(&mark))
    };
    let mut spanning = Vec::new();
    for end in open_ends(paragraphs, found, QUOTES) {
        let (index, opener) = (end.opener, &found[end.opener]);
        let Some(of) = family(opener.mark) else {
            continue;
        };
        let members = &QUOTES[of];
        if is_title(&paragraphs[opener.paragraph]) {
            continue;
        }
        let holds_family =
            |text: &str| text.contains(members.openers) || text.contains(members.closers);
        // A title or a new lead (`四、修改《…》`, `1.将引言修改为：`) between begins another
        // quotation: the first one lacks its closing mark.
        let breaks = |p: &crate::document::Paragraph| {
            is_title(p) || crate::dedup::structure::leads_quotation(&p.text)
        };
        let within = |paragraph: usize| {
            paragraph > opener.paragraph && paragraph - opener.paragraph <= SPANNING_PARAGRAPHS
        };
        if let Some(closer) = closed_later(paragraphs, found, end, QUOTES, SPANNING_PARAGRAPHS)
            // A quotation between (`“…”`, or a paragraph reopening one) means two
            // quotations, each missing a mark, not one running over them all.
            && !paragraphs[opener.paragraph + 1..found[closer].paragraph]
                .iter()
                .any(|p| holds_family(&p.text) || breaks(p))
        {
            let last = &found[closer];
            spanning.push(Spanning {
                opener: index,
                closer: Some(closer),
                closes: (last.paragraph, last.at, last.mark),
            });
            continue;
        }
        let following = paragraphs.iter().enumerate().skip(opener.paragraph + 1);
        for (later, paragraph) in following.take_while(|(later, _)| within(*later)) {
            let text = &paragraph.text;
            if !holds_family(text) && !breaks(paragraph) {
                continue;
            }
            if let Some(at) = reopened_and_closed(text, members) {
                spanning.push(Spanning {
                    opener: index,
                    closer: None,
                    closes: (later, at, text[at..].chars().next().unwrap_or('”')),
                });
            }
            break;
        }
    }
    spanning
}

/// Where the closing mark is, when `text` is one quoted paragraph: it opens with an
/// opening mark of `family`, ends with a closing one (a full stop may follow), and holds
/// no other mark of the family.
fn reopened_and_closed(text: &str, family: &Family) -> Option<usize> {
    let first = text.chars().next()?;
    let body = text.trim_end_matches(['。', '；']);
    let last = body.chars().next_back()?;
    let at = body.len() - last.len_utf8();
    let marks = text
        .chars()
        .filter(|c| family.openers.contains(c) || family.closers.contains(c))
        .count();
    (family.openers.contains(&first) && family.closers.contains(&last) && marks == 2 && at > 0)
        .then_some(at)
}

fn check(document: &Document, report: &mut Report) {
    let paragraphs = &document.paragraphs;
    let mut found = quote_orphans(document).0.clone();
    // Reported once, as a layout to correct, by `multi-paragraph-quote`.
    let spanning: std::collections::BTreeSet<usize> = spanning_quotations(document, &found)
        .into_iter()
        .flat_map(|quotation| std::iter::once(quotation.opener).chain(quotation.closer))
        .collect();
    if !spanning.is_empty() {
        found = found
            .into_iter()
            .enumerate()
            .filter(|(index, _)| !spanning.contains(index))
            .map(|(_, orphan)| orphan)
            .collect();
    }
    for orphan in &found {
        let mark = orphan.mark;
        let (message, help) = match orphan.side {
            Side::Opener => (
                crate::msg!("unbalanced-quote-opener", mark = mark),
                crate::msg!("unbalanced-quote-opener-help"),
            ),
            Side::Closer => (
                crate::msg!("unbalanced-quote-closer", mark = mark),
                crate::msg!("unbalanced-quote-closer-help"),
            ),
        };
        let paragraph = &paragraphs[orphan.paragraph];
        let span = orphan.at..orphan.at + mark.len_utf8();
        let finding = report.add(orphan.paragraph, paragraph, span.clone(), message, help);
        let in_paragraph = of_paragraph(&found, orphan.paragraph);
        let slip = mirrored_slip(paragraph, in_paragraph, QUOTES)
            .map(|slip| (slip, true))
            .or_else(|| partner_fix(in_paragraph).map(|slip| (slip, false)));
        match slip {
            Some(((at, wrong, right), safe)) => {
                let title =
                    crate::msg!("unbalanced-quote-mirror-fix", wrong = wrong, right = right);
                let right = right.to_string();
                finding.fix(
                    paragraph,
                    title,
                    safe,
                    &[(at..at + wrong.len_utf8(), &right)],
                );
            }
            None => finding.fix(
                paragraph,
                crate::msg!("unbalanced-quote-delete-fix", mark = mark),
                false,
                &[(span, "")],
            ),
        }
    }
}

/// `“六五’时期`: an opening double quote closed by a single one (or the reverse), the only
/// two orphans of their paragraph. The closer is probably the slip, but `‘六五’` is as
/// likely, so the fix stays a suggestion: (where, wrong mark, right mark).
fn partner_fix(in_paragraph: &[Orphan]) -> Option<(usize, char, char)> {
    let [first, second] = in_paragraph else {
        return None;
    };
    let right = match (first.side, first.mark, second.side, second.mark) {
        (Side::Opener, '“', Side::Closer, '’') => '”',
        (Side::Opener, '‘', Side::Closer, '”') => '’',
        _ => return None,
    };
    Some((second.at, second.mark, right))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("创新环境评价”先进地区。", vec!["”"]),
            ("他说：“要坚持以人民为中心。", vec!["“"]),
            ("‘三项制度’和‘一件事", vec!["‘"]),
            ("”反了“", vec!["”", "“"]),
            ("第一段“没有闭合。\n第二段不是引文。", vec!["“"]),
            ("第一段“没有闭合，\n另起一段。", vec!["“"]),
            ("「直角引号", vec!["「"]),
            ("而“六五’时期的增长速度最高。", vec!["“", "’"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn fixes_are_suggested_and_unsafe() {
        use crate::rules::testing::fixes;
        assert_eq!(
            fixes(&super::RULE, "而“六五’时期的增长速度最高。"),
            vec![(false, "而“六五”时期的增长速度最高。".to_string()); 2]
        );
        assert_eq!(
            fixes(&super::RULE, "创新环境评价”先进地区。"),
            [(false, "创新环境评价先进地区。".to_string())]
        );
    }

    #[test]
    fn a_mark_facing_the_wrong_way_around_a_term_is_fixed_safely() {
        use crate::rules::testing::fixes;
        assert_eq!(
            fixes(&super::RULE, "荣获“全国文明城市“称号。"),
            vec![(true, "荣获“全国文明城市”称号。".to_string()); 2]
        );
        assert_eq!(
            fixes(&super::RULE, "评为”先进地区、示范县”。"),
            vec![(true, "评为“先进地区、示范县”。".to_string()); 2]
        );
        // A sentence between the two: a second quotation may begin there.
        assert_eq!(
            fixes(&super::RULE, "他说：“要落实。“第二句")
                .iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            [false, false]
        );
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "获评“全国百佳示范窗口”、江苏省“先进地区”。",
            "他指出：“第一段引文。\n“第二段引文。\n“最后一段引文。”",
            "It don’t matter.",
            "他说：“要落实‘三项制度’。”",
            "「直角」『双重』",
            "办好“中国’99昆明世界园艺博览会”。",
            "列宁指出：“\n资产阶级的反抗凶猛十倍\n”。列宁的结论是：“\n由于这一切原因\n”。",
            "对保证党和国家兴旺发达具有决定性意义，“\n十三五\n”实现了良好开局。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
