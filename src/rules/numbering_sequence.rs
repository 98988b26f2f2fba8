//! `numbering-sequence`: the enumerators of one list (`一、` `（一）` `1.` `（1）` `①`,
//! `第X条/章/节/编`, `一是` `第一，`) that skip a number or repeat one.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::outline::{Kind, Marker, marker_at};
use crate::document::{Document, Format, Paragraph};
use crate::report::diagnostic::Severity;
use crate::rules::unbalanced_quote::{quote_orphans, spanning_quotations};
use crate::text::is_space;
use rustc_hash::FxHashMap;

pub static RULE: RuleInfo = RuleInfo {
    name: "numbering-sequence",
    severity: Severity::Error,
    summary: "Enumerators of one list that skip or repeat a number: `一、二、四、`, \
              `（一）（二）（二）`, `1. 2. 4.`, `一是…二是…四是…`, `第一条…第三条`.",
    explanation: r#"
## What it does
Follows each list of a document and reports an enumerator that does not come next:

- a number skipped: `一、` `二、` `四、` (a heading lost in revision), `第一条` … `第三条`,
  `第一章` … `第三章`, `1.` `2.` `4.`, `（1）` `（3）`;
- a number repeated or going back: `（一）` `（二）` `（二）`, `二、` after `三、`;
- the same in points enumerated inside a paragraph or over several: `一是…二是…四是…`,
  `第一，…第二，…第四，…`.

A list is the enumerators of one kind (`一、`, `（一）`, `1.`, `（1）`, `①`, articles,
chapters…) under one parent: the nearest enumerator before it of a higher level
(`一、` over `（一）` over `1.` over `（1）`), so `（一）` starts again under each `一、`.
Statute units count the way statutes do: articles run on through chapters, sections and
parts (`第五十条` under `第三章` follows `第四十九条` under `第二章`); chapters start again
in each part (`编`) but run on through sub-parts (`分编`, the Civil Code); sections start
again in each chapter. An attachment (`附件`) or a new top-level title starts every list
again, and so does any enumerator numbered one (`（一）` opening the list of another
paragraph of the same article).

## Why is this bad
Readers cite provisions and sections by their numbers (`第三条第二款`, `（二）项`); a gap or
a repeat makes every later citation ambiguous and usually means a part was lost or pasted
twice in revision. GB/T 9704-2012 7.3.3 sets the levels of a 公文's structure as `一、`
`（一）` `1.` `（1）`, numbered in order.

## Not reported
- Numbered references inside sentences (`第三条规定`, `依照本法第三十条`, `（一）项`,
  `第（二）项`): only an enumerator that opens a paragraph or a sentence of a list counts,
  and an article only when set off by a space (`第一条 为了…`).
- Quoted text: paragraphs inside a quotation (`将第三条修改为：“第三条 …”`, an amendment's
  items quoted over several paragraphs); an amendment's own items (`一、` `二、`) are
  checked.
- The first number of a list (an excerpt, or a list continued after a table, may start
  later), and articles inserted or deleted by amendment: `第八条之一`, `第八条 （删除）`.

## Fix
The suggested fix (`--unsafe-fixes`) renumbers the item and the rest of its list to run on
from the item before. When a heading was lost rather than misnumbered, restoring it is the
right fix, which only the editor can tell.
"#,
    zh: Doc {
        summary: "同一组序号跳号或重号：“一、二、四、”“（一）（二）（二）”“1. 2. 4.”“一是……二是……四是……”“第一条……第三条”。",
        explanation: r#"
## 检查什么
逐组检查文档中的序号，报告没有接续上一个序号的地方：

- 跳号：“一、”“二、”之后是“四、”（修改时丢了一个标题），“第一条”之后是“第三条”，“第一章”之后是“第三章”，“1.”“2.”之后是“4.”，“（1）”之后是“（3）”；
- 重号或倒退：“（一）”“（二）”之后又是“（二）”，“三、”之后是“二、”；
- 段内或跨段的列举：“一是……二是……四是……”“第一，……第二，……第四，……”。

同一组序号，是同一种序号（“一、”“（一）”“1.”“（1）”“①”，条、章……）在同一个上级之下的那些：上级是它前面最近的一个更高层级的序号（“一、”高于“（一）”，“（一）”高于“1.”，“1.”高于“（1）”），所以每个“一、”之下的“（一）”都重新从头编号。法律的条、章、节按法律的编法：条的序号贯穿全篇，不因分章、分节、分编而重排（第二章的“第四十九条”之后，第三章从“第五十条”接续）；章在每一编中重新编号，但跨“分编”接续（民法典）；节在每一章中重新编号。附件或新的一级标题之后，所有序号都重新开始；序号为一的（同一条中另一款的“（一）”）也视为新的一组。

## 为什么要改
读者按序号引用条文和段落（“第三条第二款”“第（二）项”），跳号、重号会让后面的引用都对不上号，而且往往说明修改时漏掉或重复粘贴了一部分。GB/T 9704-2012 7.3.3 规定公文结构层次序数依次为“一、”“（一）”“1.”“（1）”，应按顺序编号。

## 不报告的情况
- 句中引用的序号（“第三条规定”“依照本法第三十条”“（一）项”“第（二）项”）：只有位于段首或列举中句首的序号才算，条只有后面空一格（“第一条 为了……”）才算。
- 引文中的序号：引号内的段落（“将第三条修改为：‘第三条……’”，修正案跨段引用的各项）；修正案、修改决定自己的“一、”“二、”照常检查。
- 一组序号的第一个（节选的文字、表格后续排的列表可能不从一开始），以及修正时增加或删除的条：“第八条之一”“第八条 （删除）”。

## 怎么改
修改建议（加“--unsafe-fixes”才会应用）把这个序号及同组后面的序号改为紧接上一个序号依次编号。如果是标题丢了而不是编错了号，应当补回标题，这只有作者能判断。
"#,
    },
    bad: &[
        Example::fixed("一、总体要求\n二、重点任务和工作安排\n四、保障措施"),
        Example::fixed("（一）加强组织领导。\n（二）强化责任落实。\n（二）加强督促检查。"),
        Example::fixed("第一条 为了规范管理，制定本办法。\n第三条 本办法自发布之日起施行。"),
        Example::fixed("各地要一是加强领导；二是落实责任；四是强化督查。"),
    ],
    good: &[
        "一、总体要求\n（一）指导思想。\n（二）基本原则。\n二、重点任务\n（一）加强领导。",
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二章 附则\n第二条 本办法自发布之日起施行。",
        "第八条 （删除）\n第八条之一 增加的条文。\n第九条 依照本法第三十条规定，适用本条（一）项。",
        "一、将第三条修改为：“第三条 国家实行…”\n二、将第五条修改为：“第五条 …”",
    ],
    fix: Fixes::Suggested,
    marks: Marks::Any,
    check: Check::Document(check),
};

/// One enumerator counted in a list.
struct Item {
    paragraph: usize,
    marker: Marker,
}

/// Where a list hangs: a document part (an attachment starts a new one) and the item above.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Parent {
    part: usize,
    item: Option<usize>,
}

fn check(document: &Document, report: &mut Report) {
    let quoted = quoted_paragraphs(document);
    let mut items: Vec<Item> = Vec::new();
    // Each list as the indices into `items` of its members, keyed by kind and parent.
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut list_of: FxHashMap<(Kind, Parent), usize> = FxHashMap::default();
    // The ranked items open above the current paragraph, outermost first.
    let mut stack: Vec<usize> = Vec::new();
    let mut part = 0;
    // The in-paragraph series (`一是`, `第一，`): its list and the paragraph of its last item.
    let mut series: [Option<(usize, usize)>; 2] = [None, None];
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if starts_part(document, paragraph) {
            part += 1;
            stack.clear();
            series = [None, None];
            continue;
        }
        if quoted[index] {
            continue;
        }
        let text = &paragraph.text;
        let mut join = |items: &mut Vec<Item>, stack: &[usize], marker: Marker| {
            let kind = marker.kind;
            let parent = Parent {
                part,
                item: parent_of(kind, stack, items),
            };
            items.push(Item {
                paragraph: index,
                marker,
            });
            let at = items.len() - 1;
            let restarts = items[at].marker.value == 1;
            match list_of.get(&(kind, parent)) {
                Some(&list) if !restarts => lists[list].push(at),
                _ => {
                    lists.push(vec![at]);
                    list_of.insert((kind, parent), lists.len() - 1);
                }
            }
        };
        if let Some(marker) = leading(text) {
            let kind = marker.kind;
            if let Some(rank) = kind.rank() {
                // Close what this item ends: the items of its level and below.
                while stack
                    .last()
                    .is_some_and(|&i| items[i].marker.kind.rank() >= Some(rank))
                {
                    stack.pop();
                }
                join(&mut items, &stack, marker);
                let this = items.len() - 1;
                stack.push(this);
                // The same kind run on inside the paragraph (`（一）…。（二）…。`).
                let mut from = items[this].marker.span.end;
                while let Some(next) = inline_of_kind(text, from, kind) {
                    from = next.span.end;
                    join(&mut items, &stack[..stack.len() - 1], next);
                    // The last one stands for the paragraph's place in its list.
                    stack.pop();
                    stack.push(items.len() - 1);
                }
            }
        }
        for (slot, kind) in [Kind::Shi, Kind::Ordinal].into_iter().enumerate() {
            for marker in in_paragraph(text, kind) {
                let continues = series[slot].is_some_and(|(_, last)| {
                    last == index || (marker.span.start == 0 && last + 1 == index)
                });
                items.push(Item {
                    paragraph: index,
                    marker,
                });
                let at = items.len() - 1;
                match series[slot] {
                    Some((list, _)) if continues && items[at].marker.value != 1 => {
                        lists[list].push(at);
                        series[slot] = Some((list, index));
                    }
                    _ => {
                        lists.push(vec![at]);
                        series[slot] = Some((lists.len() - 1, index));
                    }
                }
            }
        }
    }
    for list in &lists {
        report_list(document, &items, list, report);
    }
}

/// The list parent of an item of `kind`: the nearest open item above it that numbers its
/// kind anew. Articles run on through a statute's chapters and parts; chapters through its
/// sub-parts.
fn parent_of(kind: Kind, stack: &[usize], items: &[Item]) -> Option<usize> {
    let resets = |above: Kind| match kind {
        Kind::Article => !matches!(
            above,
            Kind::Part | Kind::SubPart | Kind::Chapter | Kind::Section
        ),
        Kind::Chapter => above == Kind::Part,
        Kind::SubPart => above == Kind::Part,
        Kind::Section => above == Kind::Chapter,
        _ => above.rank() < kind.rank(),
    };
    stack
        .iter()
        .rev()
        .copied()
        .find(|&i| resets(items[i].marker.kind))
}

/// An attachment (`附件`, `附件2`, `附件：`) or a Markdown title of level one: the
/// numbering of what follows is its own.
fn starts_part(document: &Document, paragraph: &Paragraph) -> bool {
    let text = paragraph.text.trim();
    let attachment = text
        .strip_prefix("附件")
        .or_else(|| text.strip_prefix("附表"))
        .is_some_and(|rest| {
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
            rest.is_empty()
                || rest.starts_with(['：', ':', ' ', '　']) && paragraph.is_heading
        });
    attachment
        || (document.format == Format::Markdown
            && paragraph.is_heading
            && document
                .source
                .text
                .get(line_start(&document.source.text, paragraph.span().start)..)
                .is_some_and(|line| line.starts_with("# ")))
}

fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The enumerator opening a paragraph, when it opens an item of a list.
fn leading(text: &str) -> Option<Marker> {
    let marker = marker_at(text, 0)?;
    counts(text, &marker, true).then_some(marker)
}

/// Whether `marker` in `text` numbers an item rather than a reference or a number in a
/// sentence.
fn counts(text: &str, marker: &Marker, leads: bool) -> bool {
    let after = &text[marker.span.end..];
    let next = after.chars().next();
    match marker.kind {
        // `第一条 为了…`: set off by a space; `第三条规定` and `第八条之一` are not items of
        // the sequence.
        Kind::Part | Kind::SubPart | Kind::Chapter | Kind::Section | Kind::Article => {
            leads && marker.spaced
        }
        Kind::Chinese => {
            matches!(marker.close, "、" | "." | "．")
                && !next.is_some_and(|c| outline_numeral(c) || c.is_ascii_digit())
        }
        Kind::Arabic => matches!(marker.close, "." | "．" | "、") && !is_reference(after),
        Kind::ParenChinese | Kind::ParenArabic => {
            !is_reference(after) && !matches!(next, Some('、' | '，' | '至' | '-' | '—' | '～'))
        }
        Kind::Circled => !is_reference(after) && !matches!(next, Some('、' | '，' | '至')),
        Kind::Shi | Kind::Ordinal => true,
    }
}

fn outline_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// `（一）项`, `（二）款`: a reference to an item.
fn is_reference(after: &str) -> bool {
    after.starts_with(['项', '款', '目', '条', '号', '类', '档', '级', '款', '段'])
}

/// Marks after which an enumerator opens an item inside a paragraph.
fn opens_item(before: &str, kind: Kind) -> bool {
    let Some(previous) = before.chars().next_back() else {
        return true;
    };
    match kind {
        Kind::Shi | Kind::Ordinal => {
            matches!(previous, '，' | '；' | '。' | '：' | '！' | '？') || is_space(previous)
        }
        _ => matches!(previous, '；' | '。' | '：' | '！' | '？') || is_space(previous),
    }
}

/// The next enumerator of `kind` after byte `from` of `text` opening an item.
fn inline_of_kind(text: &str, from: usize, kind: Kind) -> Option<Marker> {
    text[from..]
        .char_indices()
        .map(|(at, _)| from + at)
        .filter(|&at| opens_item(&text[..at], kind))
        .filter_map(|at| marker_at(text, at))
        .find(|m| m.kind == kind && counts(text, m, false) && !quoted_at(text, m.span.start))
}

/// The `一是` or `第一，` enumerators of a paragraph, outside quotation marks.
fn in_paragraph(text: &str, kind: Kind) -> Vec<Marker> {
    let needle = if kind == Kind::Shi { '是' } else { '第' };
    if !text.contains(needle) {
        return Vec::new();
    }
    text.char_indices()
        .filter(|&(at, c)| {
            (if kind == Kind::Ordinal {
                c == '第'
            } else {
                outline_numeral(c)
            }) && opens_item(&text[..at], kind)
        })
        .filter_map(|(at, _)| marker_at(text, at))
        .filter(|m| m.kind == kind && !quoted_at(text, m.span.start))
        .collect()
}

/// Whether byte `at` of `text` lies inside `“…”` or `「…」` opened in the same text.
fn quoted_at(text: &str, at: usize) -> bool {
    let mut depth: i32 = 0;
    for c in text[..at].chars() {
        match c {
            '“' | '「' | '『' => depth += 1,
            '”' | '」' | '』' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// The paragraphs inside a quotation: those of a quotation running over several paragraphs
/// after its first, and those that open with a quotation mark (GB/T 15834 4.8.3 reopens
/// each paragraph of a quotation).
fn quoted_paragraphs(document: &Document) -> Vec<bool> {
    let mut quoted: Vec<bool> = document
        .paragraphs
        .iter()
        .map(|p| p.text.starts_with(['“', '「', '『', '‘']))
        .collect();
    let found = quote_orphans(document);
    for quotation in spanning_quotations(document, &found) {
        let first = found[quotation.opener].paragraph + 1;
        for flag in quoted.iter_mut().take(quotation.closes.0 + 1).skip(first) {
            *flag = true;
        }
    }
    quoted
}

fn report_list(document: &Document, items: &[Item], list: &[usize], report: &mut Report) {
    // What each item would be numbered if the list ran on from its first.
    let mut wanted = Vec::with_capacity(list.len());
    for (n, &i) in list.iter().enumerate() {
        let value = items[i].marker.value;
        wanted.push(if n == 0 { value } else { wanted[n - 1] + 1 });
    }
    let faults: Vec<usize> = (1..list.len())
        .filter(|&n| items[list[n]].marker.value != items[list[n - 1]].marker.value + 1)
        .collect();
    for (f, &n) in faults.iter().enumerate() {
        let end = faults.get(f + 1).copied().unwrap_or(list.len());
        let item = &items[list[n]];
        let before = &items[list[n - 1]];
        let paragraph = &document.paragraphs[item.paragraph];
        let written = &paragraph.text[item.marker.span.clone()];
        let previous = &document.paragraphs[before.paragraph].text[before.marker.span.clone()];
        let expected = written_as(item, paragraph, wanted[n]);
        let message = if item.marker.value > before.marker.value {
            crate::msg!(
                "numbering-sequence-gap",
                written = written,
                previous = previous,
                expected = expected.as_deref().unwrap_or("?")
            )
        } else {
            crate::msg!(
                "numbering-sequence-repeat",
                written = written,
                previous = previous
            )
        };
        let finding = report
            .add(
                item.paragraph,
                paragraph,
                item.marker.span.clone(),
                message,
                crate::msg!("numbering-sequence-help"),
            )
            .relate(
                &document.paragraphs[before.paragraph],
                before.marker.span.clone(),
                crate::msg!("numbering-sequence-previous"),
            );
        // Renumber the item and those after it up to the next fault, each run on from the
        // one before; all or nothing.
        let mut edits: Vec<(&Paragraph, std::ops::Range<usize>, String)> = Vec::new();
        for (m, &i) in list.iter().enumerate().take(end).skip(n) {
            let other = &items[i];
            let paragraph = &document.paragraphs[other.paragraph];
            match number_as(other.marker.kind, wanted[m]) {
                Some(number) => edits.push((paragraph, other.marker.number.clone(), number)),
                None => {
                    edits.clear();
                    break;
                }
            }
        }
        let edits: Vec<_> = edits
            .iter()
            .map(|(p, range, number)| (*p, range.clone(), number.as_str()))
            .collect();
        if let Some(expected) = expected {
            finding.fix_across(
                crate::msg!("numbering-sequence-fix", expected = expected),
                false,
                &edits,
            );
        }
    }
}

/// The item's enumerator written with `value` instead of its number.
fn written_as(item: &Item, paragraph: &Paragraph, value: u32) -> Option<String> {
    let marker = &item.marker;
    let number = number_as(marker.kind, value)?;
    Some(format!(
        "{}{number}{}",
        &paragraph.text[marker.span.start..marker.number.start],
        &paragraph.text[marker.number.end..marker.span.end]
    ))
}

/// `value` in the numerals of `kind`: Chinese, Arabic digits or a circled number.
pub fn number_as(kind: Kind, value: u32) -> Option<String> {
    match kind {
        Kind::Arabic | Kind::ParenArabic => Some(value.to_string()),
        Kind::Circled => (1..=20)
            .contains(&value)
            .then(|| char::from_u32(u32::from('①') + value - 1).map(String::from))
            .flatten(),
        _ => chinese(value),
    }
}

/// `value` in Chinese numerals as statutes write them: `十二`, `一百零五`, `一百一十`,
/// `一千二百六十`.
fn chinese(value: u32) -> Option<String> {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if value == 0 || value >= 10_000 {
        return None;
    }
    let places = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut out = String::new();
    let mut zero = false;
    for (unit, name) in places {
        let digit = (value / unit % 10) as usize;
        if digit == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // `十二`, not `一十二`, when ten leads.
        if !(unit == 10 && digit == 1 && out.is_empty()) {
            out.push(DIGITS[digit]);
        }
        if unit > 1 {
            out.push(name);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::outline::chinese_number;
    use crate::rules::testing::findings;

    #[test]
    fn chinese_numerals_read_back() {
        for value in 1..=1300 {
            let written = chinese(value).expect("a number");
            assert_eq!(chinese_number(&written), Some((value, written.len())), "{value}");
        }
        assert_eq!(chinese(110).as_deref(), Some("一百一十"));
        assert_eq!(chinese(105).as_deref(), Some("一百零五"));
        assert_eq!(chinese(1260).as_deref(), Some("一千二百六十"));
        assert_eq!(chinese(1005).as_deref(), Some("一千零五"));
    }

    #[test]
    fn basic() {
        assert_eq!(
            findings(&RULE, "一、总体要求\n二、重点任务和工作安排\n四、保障措施"),
            ["四、"]
        );
    }
}
