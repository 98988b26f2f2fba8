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
twice in revision. GB/T 9704-2012 (7.3.3, as commonly cited; the standard's own text was
not at hand to verify) sets the levels of a 公文's structure as `一、` `（一）` `1.` `（1）`.

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
读者按序号引用条文和段落（“第三条第二款”“第（二）项”），跳号、重号会让后面的引用都对不上号，而且往往说明修改时漏掉或重复粘贴了一部分。GB/T 9704-2012（通常引作7.3.3，未能对照标准原文核实）规定公文结构层次序数依次为“一、”“（一）”“1.”“（1）”。

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
    // Each key's lists, the current one last: a list started again at one stands over
    // the one it nests in.
    let mut list_of: FxHashMap<(Kind, Parent), Vec<usize>> = FxHashMap::default();
    // The ranked items open above the current paragraph, outermost first.
    let mut stack: Vec<usize> = Vec::new();
    let mut part = 0;
    let mut quoting: Option<(Kind, u32)> = None;
    // The in-paragraph series (`一是`, `第一，`): its list and the paragraph of its last item.
    let mut series: [Option<(usize, usize)>; 2] = [None, None];
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if starts_part(document, paragraph) {
            part += 1;
            stack.clear();
            series = [None, None];
            quoting = None;
            continue;
        }
        let text = &paragraph.text;
        // After a lead quoting provisions without quotation marks (`…增加一节，作为第七节：`
        // followed by `第七节 监察委员会` and `第一百二十三条 …`), the quoted provisions run
        // to the document's own next item.
        if let Some((kind, value)) = quoting {
            match leading(text) {
                Some(m) if m.kind == kind && m.value == value + 1 => quoting = None,
                _ => continue,
            }
        }
        if quoted[index] || in_table(document, paragraph) {
            continue;
        }
        if crate::dedup::structure::leads_quotation(text) || text.ends_with("如下：") {
            quoting = leading(text).map(|m| (m.kind, m.value));
        }
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
            let value = items[at].marker.value;
            let last = |list: usize| lists[list].last().map(|&i: &usize| items[i].marker.value);
            let key = (kind, parent);
            let current = list_of.get(&key).and_then(|l| l.last().copied());
            if value == 1 || current.is_none() {
                lists.push(vec![at]);
                list_of.entry(key).or_default().push(lists.len() - 1);
                return;
            }
            // An outer list resumed after a list of the same kind nested in it (old work
            // reports number both levels `一、`): the most recent one this item continues.
            let resumed = list_of[&key]
                .iter()
                .rev()
                .copied()
                .find(|&l| last(l).is_some_and(|v| v + 1 == value));
            let list = match (current, resumed) {
                (Some(current), Some(resumed)) if last(current).is_none_or(|v| v + 1 != value) => {
                    // The nested lists are done with.
                    let chain = list_of.entry(key).or_default();
                    chain.retain(|&l| l <= resumed);
                    resumed
                }
                (Some(current), _) => current,
                (None, _) => return,
            };
            lists[list].push(at);
        };
        let openings = openings(paragraph);
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
                while let Some(next) = inline_of_kind(text, &openings, from, kind) {
                    from = next.span.end;
                    join(&mut items, &stack[..stack.len() - 1], next);
                    // The last one stands for the paragraph's place in its list.
                    stack.pop();
                    stack.push(items.len() - 1);
                }
            }
        }
        // Lists held within the paragraph (`主要措施：（一）…；（二）…。`), of the kinds not
        // already followed above.
        let lead = leading(text).map(|m| m.kind);
        for kind in [
            Kind::ParenChinese,
            Kind::ParenArabic,
            Kind::Arabic,
            Kind::Circled,
        ] {
            if Some(kind) == lead {
                continue;
            }
            let mut from = 0;
            let mut list: Option<usize> = None;
            while let Some(next) = inline_of_kind(text, &openings, from, kind) {
                from = next.span.end;
                let restarts = next.value == 1;
                items.push(Item {
                    paragraph: index,
                    marker: next,
                });
                let at = items.len() - 1;
                match list {
                    Some(list) if !restarts => lists[list].push(at),
                    _ => {
                        lists.push(vec![at]);
                        list = Some(lists.len() - 1);
                    }
                }
            }
        }
        for (slot, kind) in [Kind::Shi, Kind::Ordinal].into_iter().enumerate() {
            for marker in in_paragraph(text, &openings, kind) {
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
            let rest = rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || outline_numeral(c) || c == '-');
            rest.is_empty() || rest.starts_with(['：', ':', ' ', '　']) && paragraph.is_heading
        });
    // A document appended to another (a decision after the law it amends) opens with the
    // date it was adopted: `（2010年8月28日第十一届全国人民代表大会常务委员会…通过）`.
    let appended = text.starts_with('（')
        && text.ends_with('）')
        && text.contains('年')
        && (text.contains("通过") || text.contains("批准"));
    attachment
        || appended
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
        Kind::Article => leads && marker.spaced,
        // A heading may run its title on (`第四章志愿服务活动`).
        Kind::Part | Kind::SubPart | Kind::Chapter | Kind::Section => {
            leads && (marker.spaced || !text.contains(['。', '；', '，', '：']))
        }
        Kind::Chinese => {
            matches!(marker.close, "、" | "." | "．") && !next.is_some_and(outline_numeral)
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

/// Whether an enumerator of `kind` opens an item after the character `previous`.
fn opens_after(previous: char, kind: Kind) -> bool {
    match kind {
        Kind::Shi | Kind::Ordinal => {
            matches!(previous, '，' | '；' | '。' | '：' | '！' | '？') || is_space(previous)
        }
        _ => matches!(previous, '；' | '。' | '：' | '！' | '？') || is_space(previous),
    }
}

/// The places of a paragraph where an enumerator may open an item: its start and every
/// character after a mark of `opens_after`, each with whether only the `一是`/`第一，`
/// kinds open there (after a `，`). Read in one pass, as every paragraph is then searched
/// for four or five kinds.
fn openings(paragraph: &Paragraph) -> Vec<(usize, bool)> {
    let text = &paragraph.text;
    let mut places = vec![(0, false)];
    let mut look_at = |at: usize| {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return;
        };
        let next = at + c.len_utf8();
        if next < text.len() {
            if c == '，' {
                places.push((next, true));
            } else if opens_after(c, Kind::Chinese) {
                places.push((next, false));
            }
        }
    };
    let bytes = text.as_bytes();
    if paragraph.may_contain_masked(&RARE_SPACE_MASK) {
        for at in (0..bytes.len()).filter(|&at| MAY_OPEN[usize::from(bytes[at])]) {
            look_at(at);
        }
    } else {
        // The space, `　` and `。` (lead byte E3) and the full-width `，；：！？` (EF).
        for at in memchr::memchr3_iter(b' ', 0xE3, 0xEF, bytes) {
            look_at(at);
        }
    }
    places
}

/// The spaces of `text::is_space` other than ` ` and `　`: rare in a paragraph.
const RARE_SPACES: [char; 23] = [
    '\t', '\n', '\u{B}', '\u{C}', '\r', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}', '\u{2001}',
    '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}',
    '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
];

const RARE_SPACE_MASK: crate::document::CharMask = crate::document::CharMask::of(&RARE_SPACES);

/// The bytes that may begin a mark of `opens_after`: ASCII spaces, and the UTF-8 lead
/// bytes of the other spaces and of full-width punctuation. None of them is ever inside a
/// character, so every byte is looked at once and Han characters (lead bytes E4–E9), most
/// of the text, are never decoded.
const MAY_OPEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_whitespace() || byte == 0x0B;
        byte += 1;
    }
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// The next enumerator of `kind` at or after byte `from` of `text` opening an item, among
/// the paragraph's `openings`.
fn inline_of_kind(
    text: &str,
    openings: &[(usize, bool)],
    from: usize,
    kind: Kind,
) -> Option<Marker> {
    let comma_opens = matches!(kind, Kind::Shi | Kind::Ordinal);
    let first = openings.partition_point(|&(at, _)| at < from);
    openings[first..]
        .iter()
        .filter(|&&(at, after_comma)| {
            (comma_opens || !after_comma)
                && text[at..]
                    .chars()
                    .next()
                    .is_some_and(|c| may_start(c, kind))
        })
        .find_map(|&(at, _)| {
            marker_at(text, at).filter(|marker| {
                marker.kind == kind
                    && counts(text, marker, false)
                    && !quoted_at(text, marker.span.start)
            })
        })
}

/// Whether an enumerator of `kind` may begin with `c`.
fn may_start(c: char, kind: Kind) -> bool {
    match kind {
        Kind::ParenChinese | Kind::ParenArabic => matches!(c, '（' | '('),
        Kind::Arabic => c.is_ascii_digit(),
        Kind::Circled => ('①'..='⑳').contains(&c),
        _ => true,
    }
}

/// The `一是` or `第一，` enumerators of a paragraph, outside quotation marks, among its
/// `openings`.
fn in_paragraph(text: &str, openings: &[(usize, bool)], kind: Kind) -> Vec<Marker> {
    let needle = if kind == Kind::Shi { '是' } else { '第' };
    if !text.contains(needle) {
        return Vec::new();
    }
    openings
        .iter()
        .filter(|&&(at, _)| {
            text[at..].chars().next().is_some_and(|c| {
                if kind == Kind::Ordinal {
                    c == '第'
                } else {
                    outline_numeral(c)
                }
            })
        })
        .filter_map(|&(at, _)| marker_at(text, at))
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
    let found = &quote_orphans(document).0;
    for quotation in spanning_quotations(document, found) {
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
        .filter(|&n| {
            let (item, before) = (&items[list[n]], &items[list[n - 1]]);
            item.marker.value != before.marker.value + 1
                && !written_between(document, before, item, before.marker.value + 1)
        })
        .collect();
    for (f, &n) in faults.iter().enumerate() {
        let end = faults.get(f + 1).copied().unwrap_or(list.len());
        let item = &items[list[n]];
        let before = &items[list[n - 1]];
        let paragraph = &document.paragraphs[item.paragraph];
        let written = &paragraph.text[item.marker.span.clone()];
        let previous = &document.paragraphs[before.paragraph].text[before.marker.span.clone()];
        let expected = written_as(item, paragraph, wanted[n]);
        let missing = written_as(item, paragraph, before.marker.value + 1);
        let message = if item.marker.value > before.marker.value {
            crate::msg!(
                "numbering-sequence-gap",
                written = written,
                previous = previous,
                expected = missing.as_deref().unwrap_or("?")
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

/// Whether a paragraph between two items opens with the number that is missing between
/// them, written in a way the parse does not take for an item (`20.2026年10件民生实事`,
/// `第九章事业单位…` broken over lines): not a gap the rule can be sure of.
fn written_between(document: &Document, before: &Item, item: &Item, missing: u32) -> bool {
    let Some(number) = number_as(item.marker.kind, missing) else {
        return false;
    };
    let form = format!("{}{number}{}", item.marker.open, item.marker.close);
    document.paragraphs[before.paragraph..=item.paragraph]
        .iter()
        .any(|p| {
            p.text.trim_start().starts_with(&form)
                || source_line(document, p).trim_start().starts_with(&form)
        })
}

/// The source line a paragraph starts on: a Markdown list item's number (`34. 拍卖…`) is
/// markup, not text.
fn source_line<'d>(document: &'d Document, paragraph: &Paragraph) -> &'d str {
    let text = &document.source.text;
    let start = line_start(text, paragraph.span().start);
    let line = text.get(start..).unwrap_or("");
    line.split('\n').next().unwrap_or("")
}

/// A cell of a Markdown table (`| 第二百四十四条 （…） |强迫劳动罪 |`), which lists
/// provisions rather than numbering items.
fn in_table(document: &Document, paragraph: &Paragraph) -> bool {
    document.format == Format::Markdown
        && source_line(document, paragraph)
            .trim_start()
            .starts_with('|')
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

    /// Every mark after which an item opens is found by both searches of `openings`.
    #[test]
    fn every_opening_mark_is_seen_by_both_searches() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if c != '，' && !opens_after(c, Kind::Chinese) {
                continue;
            }
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(MAY_OPEN[usize::from(lead)], "{:?}", c);
            assert!(
                matches!(lead, b' ' | 0xE3 | 0xEF) || RARE_SPACES.contains(&c),
                "{:?}",
                c
            );
        }
    }
    use crate::document::outline::chinese_number;
    use crate::rules::testing::findings;

    #[test]
    fn chinese_numerals_read_back() {
        for value in 1..=1300 {
            let written = chinese(value).expect("a number");
            assert_eq!(
                chinese_number(&written),
                Some((value, written.len())),
                "{value}"
            );
        }
        assert_eq!(chinese(110).as_deref(), Some("一百一十"));
        assert_eq!(chinese(105).as_deref(), Some("一百零五"));
        assert_eq!(chinese(1260).as_deref(), Some("一千二百六十"));
        assert_eq!(chinese(1005).as_deref(), Some("一千零五"));
    }

    /// Documents built from real lines of corpus/gov and corpus/lawref, and the enumerators
    /// reported in each.
    #[test]
    fn real_lines() {
        let table: &[(&str, &[&str])] = &[
            // A heading lost (govcn_0002 with its `三、` deleted).
            (
                "二、进一步拓展政府性融资担保业务\n（一）加大支持力度。各级政府性融资担保机构要加大业务拓展力度。\n四、加强政府性融资担保体系建设",
                &["四、"],
            ),
            // `（二）` twice.
            (
                "（一）坚持准确定位。\n（二）基本原则。\n（二）明确支持范围。各级政府性融资担保、再担保机构要合理界定服务对象范围。",
                &["（二）"],
            ),
            // An article skipped (刑法, 第五条 deleted).
            (
                "第四条 对任何人犯罪，在适用法律上一律平等。\n第六条 凡在中华人民共和国领域内犯罪的，除法律有特别规定的以外，都适用本法。",
                &["第六条"],
            ),
            // Articles run on through chapters and parts: no finding.
            (
                "## 第一章 刑法的任务、基本原则和适用范围\n\n第十二条 中华人民共和国成立以后本法施行以前的行为，适用当时的法律。\n\n## 第二章 犯罪\n\n### 第一节 犯罪和刑事责任\n\n第十三条 一切危害国家主权的行为，都是犯罪。",
                &[],
            ),
            // Chapters run on through the Civil Code's sub-parts.
            (
                "## 第一分编  通则\n\n### 第八章  违约责任\n\n第五百九十四条 因国际货物买卖合同争议提起诉讼的期限为四年。\n\n## 第二分编  典型合同\n\n### 第九章  买卖合同\n\n第五百九十五条 买卖合同是出卖人转移标的物的所有权于买受人的合同。",
                &[],
            ),
            // A chapter skipped (公益事业捐赠法, 第三章 deleted).
            (
                "## 第二章 捐赠和受赠\n\n第十二条 捐赠人可以与受赠人就捐赠财产的种类订立捐赠协议。\n\n## 第四章 优惠措施\n\n第十三条 公司和其他企业依照本法的规定捐赠财产用于公益事业，依照法律、行政法规的规定享受企业所得税方面的优惠。",
                &["第四章"],
            ),
            // Inserted articles and references are not items.
            (
                "第一百三十三条 违反交通运输管理法规，因而发生重大事故的，处三年以下有期徒刑。\n第一百三十三条之一 在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：\n第一百三十四条 在生产、作业中违反有关安全管理的规定，依照本法第三十条的规定处罚。",
                &[],
            ),
            (
                "第八条 （删除）\n第九条 有前款第（三）项、第（四）项规定情形的，依照第三条规定处理。",
                &[],
            ),
            // Items restart in each paragraph of an article.
            (
                "第十条 有下列情形之一的，不予受理：\n（一）超过期限的；\n（二）不属于管辖的。\n有下列情形之一的，驳回起诉：\n（一）原告不适格的；\n（二）没有具体请求的。",
                &[],
            ),
            // An amendment's items quote the articles they change (刑法修正案, 1999).
            (
                "六、将刑法第一百八十二条修改为：“有下列情形之一，情节严重的，处五年以下有期徒刑：\n\n（三）单独或者合谋，操纵证券交易价格的；\n\n（一）以其他方法操纵证券交易价格的。\n\n“单位犯前款罪的，对单位判处罚金。”\n\n七、本修正案自公布之日起施行。",
                &[],
            ),
            (
                "一、将第三条修改为：“第三条 国家实行社会主义市场经济。”\n二、将第十条修改为：“第十条 …”\n四、本决定自公布之日起施行。",
                &["四、"],
            ),
            // Provisions quoted after `内容如下：` (宪法修正案 2018): not the amendment's own.
            (
                "第五十二条 宪法第三章“国家机构”中增加一节，作为第七节“监察委员会”；增加五条，分别作为第一百二十三条至第一百二十七条。内容如下：\n第七节 监察委员会\n第一百二十三条 中华人民共和国各级监察委员会是国家的监察机关。\n第五十三条 宪法第三章第七节相应改为第八节。\n第五十五条 本修正案自公布之日起施行。",
                &["第五十五条"],
            ),
            // `一是…二是…` inside a paragraph (govcn_0008, `三是` made `四是`).
            (
                "（三）基本原则。一是坚持以人民为中心，保障临床用药需求。二是坚持依法合规，严格执行相关政策规定。四是坚持公开透明，公平公正。",
                &["四是"],
            ),
            // … and over paragraphs.
            (
                "一是坚持以人民为中心。\n二是坚持依法合规。\n二是坚持公开透明。",
                &["二是"],
            ),
            // `唯一是`, `第一，` after a word: not enumerators.
            (
                "这是唯一是非标准。二是要加强。全国第一，第三，名列前茅。",
                &[],
            ),
            // An attachment numbers anew.
            (
                "一、总体要求\n二、主要任务和重点工作安排\n附件\n二、重点任务",
                &[],
            ),
            // `（1）` `（3）` (govcn_0041 with `（2）` deleted).
            (
                "（1）统一领导、分级负责。在国务院统一领导下进行。\n（3）反应及时、处置果断。出现粮食应急状态时，立即作出反应。",
                &["（3）"],
            ),
            // `1.` `2.` `4.` (govcn_0004 with `3.` deleted).
            (
                "1.门诊人次数与出院人次数比\n指标来源：医院填报。\n2.下转患者人次数（门急诊、住院）\n指标来源：医院填报。\n4.出院患者手术占比▲",
                &["4."],
            ),
            // Inline items of one paragraph.
            (
                "主要措施：（一）加强领导；（二）落实责任；（四）强化督查。",
                &["（四）"],
            ),
            // Items of the next level restart under each parent.
            (
                "一、总体要求\n（一）指导思想。\n（二）基本原则。\n二、重点任务\n（一）加强领导。\n1.明确责任。\n2.强化考核。\n（二）完善机制。\n1.健全制度。",
                &[],
            ),
        ];
        for (text, expected) in table {
            let document = if text.contains("## ") {
                Document::new(
                    crate::document::source::Source::new("t.md", (*text).into()),
                    Format::Markdown,
                )
            } else {
                Document::new(
                    crate::document::source::Source::new("t.txt", (*text).into()),
                    Format::PlainText,
                )
            };
            let found: Vec<String> = crate::rules::check_document(&RULE, &document, 0)
                .into_iter()
                .map(|d| document.source.text[d.span].to_string())
                .collect();
            assert_eq!(found, *expected, "{text}");
        }
    }

    #[test]
    fn the_fix_renumbers_the_rest_of_the_list() {
        let fixed = crate::rules::testing::fixes(
            &RULE,
            "一、总体要求\n二、重点任务和工作安排\n四、保障措施\n五、组织实施和监督检查工作",
        );
        assert_eq!(fixed.len(), 1);
        assert!(!fixed[0].0, "a suggestion");
        assert_eq!(
            fixed[0].1,
            "一、总体要求\n二、重点任务和工作安排\n三、保障措施\n四、组织实施和监督检查工作"
        );
        assert_eq!(
            findings(
                &RULE,
                "（一）加强领导。\n（二）落实责任。\n（二）强化督查。\n（三）完善机制。"
            ),
            ["（二）"]
        );
    }
}
