//! `heading-level`: the levels of a 公文's structure, `一、` → `（一）` → `1.` → `（1）`:
//! a level's marker written another way, a level skipped where the document uses it
//! elsewhere, and a full stop ending a heading of the first two levels alone on its line.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::outline::{self, Kind, Marker};
use crate::document::{Document, Format, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::is_han;

pub static RULE: RuleInfo = RuleInfo {
    name: "heading-level",
    severity: Severity::Warning,
    summary: "A 公文 level marker written the wrong way (`一.` `1、` `(1)`), a level skipped \
              (`1.` right under `二、` where `一、` holds `（一）`), or a heading of the first two \
              levels alone on its line ending in `。` where the document's others have none.",
    explanation: r#"
## What it does
Reads the enumerators that open paragraphs, the four levels of a 公文 (`一、` `（一）` `1.`
`（1）`), and reports:

1. A level's marker written another way: `一.` `一．` `一，` for `一、`; `1、` for `1.`;
   `(1)` `(1）` `（1)` for `（1）`; and `1．` in a document that also writes `1.`. The fix
   writes the standard form.
2. A level skipped under its parent where the document uses that level under the same
   parent elsewhere: `1.` right under `二、` when `一、` holds `（一）` `（二）`. Reported once,
   at the first child, pointing at where the document uses the level.
3. A full stop ending a heading of the first two levels (`一、` `（一）`) that stands alone
   on its line (a short line of one sentence, followed by the text it heads), where most
   such headings of its level in the document end without one. The fix (unsafe) deletes it.

## Why is this bad
GB/T 9704-2012 7.3.3: “文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注”.
GB/T 15834-2011 B.3.2–B.3.4: Chinese numerals take `、`, Arabic numerals the low dot `.`,
bracketed numbers no mark; B.3.8: a text may start at any level, but goes down the levels
in order. B.4: a heading ends without a point mark. A document whose sections are built
differently reads as if a level were lost in revision.

## Standard
The wording of GB/T 9704-2012 7.3.3 and of GB/T 15834-2011 B.3 and B.4 was checked against
published quotations of the standards, not the standards' own copies.

## Not reported
- Statutes and regulations (two or more paragraphs opening with `第X条`): their items
  `（一）` and sub-items `1.` follow the statute's own hierarchy, not a 公文's.
- `（一）` without `一、`, and `1.` under `一、` in a document that never puts `（一）` under
  `一、`: GB/T 15834 B.3.8 lets a text start at any level, and short 公文 skip levels.
- `(一)` and `一,` with ASCII marks: `halfwidth-punctuation` reports them. `1)` and `1）`, a
  fifth level in some house styles; `1，` (a list of numbers more often than a marker).
- A heading followed by its text in the same paragraph (`（一）加强组织领导。成立…`, the
  common “paragraph heading” of 公文, whose full stop is right), and lines of a list whose
  items are all short sentences (`（一）…。` next to `（二）…。`). Headings of Markdown and
  HTML (`## 一、总则。`) are `title-punctuation`'s.
- Everything after a line opening an attachment (`附件1`) is read as a document of its own;
  provisions quoted over several paragraphs (`修改为：` / `“第三十条 …` / `（一）…”`) keep the
  levels of the text they come from and are not read.
- `1．` throughout a document: the full-width form of the low dot, as printed statutes and
  old documents set it.
- A document whose standalone headings of a level all end in `。`: a house style, and the
  web versions of State Council documents write `（一）统筹建设监管工作平台。` on a line of its
  own, then the text. GB/T 15834 B.4 says a heading *usually* takes no end mark, and a
  heading on its own line cannot always be told from a paragraph heading split from its
  text; the rule reports only the document that contradicts itself.
"#,
    zh: Doc {
        summary: "公文结构层次序数写法不规范（“一.”“1、”“(1)”），跳过了层次（“一、”下用了“（一）”，“二、”下却直接用“1.”），或单独成行的一、二级标题末尾用了句号而本文同一层的其他标题不用。",
        explanation: r#"
## 检查什么
读段首的结构层次序数，即公文的四个层次“一、”“（一）”“1.”“（1）”，报告：

1. 序数的写法不规范：“一.”“一．”“一，”应为“一、”；“1、”应为“1.”；“(1)”“(1）”“（1)”应为“（1）”；同时用了“1.”的文件中的“1．”也应为“1.”。可自动修复。
2. 跳过了层次，而本文其他地方在同一上级之下用了这一层：例如“一、”下用了“（一）”“（二）”，“二、”下却直接用“1.”。每处只在第一个下级序数报告一次，并指出本文在哪里用了这一层。
3. 单独成行的一、二级标题（“一、”“（一）”）末尾用了句号（这一行很短、只有一句，下面紧接着是它统领的正文），而本文同一层单独成行的标题多数不用句号。

## 为什么要改
GB/T 9704-2012第7.3.3条：“文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注”。GB/T 15834-2011附录B.3.2至B.3.4：不带括号的汉字数字后用顿号，不带括号的阿拉伯数字后用下脚点，带括号的序次语后不用任何点号；B.3.8：可以从某一层序次语开始行文，选定之后应顺着层次向下行文。B.4：标题末尾通常不用标点符号。各部分层次写法不一致，读起来像是修改时丢了一层。

## 怎么改
序数写法不规范的，加“--fix”即可自动改为规范写法。跳过层次的，补上缺的一层，或把序数改为本文同级之下所用的那一层。标题末尾的句号，删去即可（“--unsafe-fixes”会删去；如果这一行其实是正文的一句话，就接着写在同一段里）。

## 依据
GB/T 9704-2012第7.3.3条和GB/T 15834-2011附录B.3、B.4的文字，是对照公开转载的标准原文核对的，未见到标准的正式文本。

## 不报告的情况
- 法律、法规（两段以上以“第X条”开头）：其中的项“（一）”和目“1.”按法律条文的层次编排，不按公文层次判断。
- 没有“一、”的“（一）”，以及全文从不在“一、”下用“（一）”的文件里“一、”下直接用“1.”：GB/T 15834附录B.3.8允许从某一层开始行文，篇幅短的公文常常跳用层次。
- 用英文标点的“(一)”“一,”：由“halfwidth-punctuation”报告。“1)”“1）”（有的单位把它作为第五层）；“1，”（多半是数字，不是序数）。
- 标题后面在同一段里接着写正文的（“（一）加强组织领导。成立……”，公文常见的段首标题，句号是对的）；每一项都是短句的列举（“（一）……。”后面紧接着“（二）……。”）。Markdown和HTML的标题（“## 一、总则。”）由“title-punctuation”检查。
- 附件（以“附件1”等开头的一行）之后的内容，作为一份独立的文件来读；跨段引用的条文（“修改为：”后面的“第三十条……”“（一）……”）按原文的层次编排，不检查。
- 全文都用“1．”的：这是下脚点的全角写法，法律文本和早年的文件常这样排印。
- 同一层单独成行的标题全都以句号结尾的：这是发文机关的习惯写法，国务院文件的网页版就把“（一）统筹建设监管工作平台。”单独排一行，下面再接正文。GB/T 15834附录B.4说标题末尾“通常”不用标点，单独成行的标题也未必能和拆开了的段首标题区分开，所以只报告前后不一致的文件。
"#,
    },
    bad: &[
        Example::fixed("一.总体要求\n1、加强组织领导。\n2．强化督促检查。"),
        Example::corrected(
            "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n二、重点任务\n1.加强组织领导\n成立工作专班。",
            "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n二、重点任务\n（一）加强组织领导\n成立工作专班。",
        ),
        Example::fixed(
            "一、总体要求\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n二、重点任务。\n加强组织领导。\n三、保障措施\n强化督促检查。",
        ),
    ],
    good: &[
        "一、总体要求\n（一）指导思想\n1.加强组织领导。\n（1）成立专班。",
        "（一）加强组织领导。成立由主要负责同志任组长的工作专班。",
        "一、总体要求\n1.加强组织领导。\n2.强化督促检查。",
        "（一）遵守法律、法规。\n（二）努力学习。",
        "第一条 为了规范行政处罚，制定本法。\n第二条 行政处罚的种类：\n（一）警告。\n1、罚款。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::Any,
    check: Check::Document(check),
};

/// One paragraph opened by a marker of the four levels.
struct Heading {
    index: usize,
    marker: Marker,
    /// Its level, 0 to 3 (`一、` to `（1）`).
    level: usize,
}

/// The standard markers of the levels, for messages: `一、` `（一）` `1.` `（1）`.
const LEVEL_SHAPES: [&str; 4] = ["一、", "（一）", "1.", "（1）"];

fn check(document: &Document, report: &mut Report) {
    if is_statute(document) {
        return;
    }
    let paragraphs = &document.paragraphs;
    let quoted = quoted_paragraphs(document);
    let headings: Vec<Heading> = paragraphs
        .iter()
        .enumerate()
        .filter(|&(index, _)| !quoted[index])
        .filter_map(|(index, paragraph)| heading(paragraph).map(|h| (index, h)))
        .map(|(index, (marker, level))| Heading {
            index,
            marker,
            level,
        })
        .collect();
    // `1．` is the full-width form of the low dot, and statutes and old documents print it
    // throughout: reported only where the document also writes `1.`.
    let writes_low_dot = headings
        .iter()
        .any(|h| h.level == 2 && h.marker.close == ".");
    for heading in &headings {
        if heading.marker.close == "．" && heading.level == 2 && !writes_low_dot {
            continue;
        }
        wrong_form(&paragraphs[heading.index], heading, report);
    }
    // An attachment is a document of its own, with its own levels.
    let mut from = 0;
    while from < headings.len() {
        let next_attachment = (headings[from].index + 1..paragraphs.len())
            .find(|&i| is_attachment_line(&paragraphs[i].text));
        let to = next_attachment.map_or(headings.len(), |a| {
            from + headings[from..].partition_point(|h| h.index < a)
        });
        skipped_levels(document, &headings[from..to], report);
        from = to.max(from + 1);
    }
    for level in 0..2 {
        heading_full_stops(document, &headings, level, report);
    }
}

/// The marker opening a paragraph, if it is one of the four levels (in any of its forms),
/// and its level.
fn heading(paragraph: &Paragraph) -> Option<(Marker, usize)> {
    let marker = outline::leading_marker(paragraph)?;
    let level = match marker.kind {
        Kind::Chinese => 0,
        Kind::ParenChinese => 1,
        // `1，` is a list of numbers more often than a marker.
        Kind::Arabic if marker.close != "，" => 2,
        // `1)` and `1）` (no opening bracket) are a fifth level in some house styles.
        Kind::ParenArabic if !marker.open.is_empty() => 3,
        _ => return None,
    };
    // A marker is followed by its words (`3、4月` is a range, `一、二级` a compound), or
    // stands alone, as in a table's cell.
    let rest = &paragraph.text[marker.span.end..];
    if rest.starts_with(|c: char| c.is_ascii_digit())
        || (level == 0 && outline::chinese_number(rest).is_some())
    {
        return None;
    }
    Some((marker, level))
}

/// Which paragraphs lie inside a quotation that spans paragraphs (`修改为：` / `“第一条 …` /
/// `（一）…` / `…。”`): quoted provisions keep the levels of the text they come from.
fn quoted_paragraphs(document: &Document) -> Vec<bool> {
    let mut depth = 0usize;
    document
        .paragraphs
        .iter()
        .map(|paragraph| {
            let inside = depth > 0;
            let opens = paragraph.text.matches('“').count();
            let closes = paragraph.text.matches('”').count();
            depth = (depth + opens).saturating_sub(closes);
            inside
        })
        .collect()
}

/// Two or more paragraphs opening with `第X条`: a statute or regulation, whose items follow
/// their own hierarchy.
fn is_statute(document: &Document) -> bool {
    document
        .paragraphs
        .iter()
        .filter(|p| outline::leading_marker(p).is_some_and(|m| m.kind == Kind::Article))
        .nth(1)
        .is_some()
}

/// `附件`, `附件1`, `附件：` on a line of its own: what follows is another document.
fn is_attachment_line(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("附件") else {
        return false;
    };
    rest.chars().count() <= 4
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '：' | ':' | ' ' | '　' | '一'..='十'))
}

// --- 1. A level's marker written another way -------------------------------------------

fn wrong_form(paragraph: &Paragraph, heading: &Heading, report: &mut Report) {
    let marker = &heading.marker;
    let text = &paragraph.text;
    let standard = match (heading.level, marker.open, marker.close) {
        (0, "", "." | "．" | "，") => format!("{}、", &text[marker.number.clone()]),
        (2, "", "、" | "．") => format!("{}.", &text[marker.number.clone()]),
        (3, "(" | "（", ")" | "）") if !marker.is_canonical() => {
            format!("（{}）", &text[marker.number.clone()])
        }
        _ => return,
    };
    // `一,` and `(一)` are ASCII marks next to Han characters: halfwidth-punctuation's.
    if !text[marker.span.end..]
        .starts_with(|c: char| is_han(c) || c.is_ascii_alphabetic() || c == '“' || c == '《')
    {
        return;
    }
    let written = &text[marker.span.clone()];
    let finding = report.add(
        heading.index,
        paragraph,
        marker.span.clone(),
        crate::msg!(
            "heading-level-form",
            written = written,
            standard = standard.as_str(),
            level = heading.level + 1
        ),
        crate::msg!("heading-level-form-help", standard = standard.as_str()),
    );
    finding.fix(
        paragraph,
        crate::msg!("heading-level-form-fix", standard = standard.as_str()),
        true,
        &[(marker.span.clone(), standard.as_str())],
    );
}

/// Each heading's parent: the nearest heading before it of a higher level.
fn parents(headings: &[Heading]) -> Vec<Option<usize>> {
    let mut parents = Vec::with_capacity(headings.len());
    let mut open: Vec<usize> = Vec::new();
    for (i, heading) in headings.iter().enumerate() {
        while open
            .last()
            .is_some_and(|&top| headings[top].level >= heading.level)
        {
            open.pop();
        }
        parents.push(open.last().copied());
        open.push(i);
    }
    parents
}

// --- 2. A level skipped where the document uses it -------------------------------------

/// Reports the first child of a parent that skips a level the same kind of parent holds
/// elsewhere in the document (`二、` → `1.` where `一、` → `（一）`).
fn skipped_levels(document: &Document, headings: &[Heading], report: &mut Report) {
    let parents = parents(headings);
    // For each level of parent, the first child of each level it holds anywhere.
    let mut first_child: [[Option<usize>; 4]; 4] = [[None; 4]; 4];
    for (i, parent) in parents.iter().enumerate() {
        if let Some(p) = *parent {
            let slot = &mut first_child[headings[p].level][headings[i].level];
            slot.get_or_insert(i);
        }
    }
    let mut reported_parents: Vec<usize> = Vec::new();
    for (i, parent) in parents.iter().enumerate() {
        let Some(p) = *parent else { continue };
        if reported_parents.contains(&p) {
            continue;
        }
        let (parent_level, level) = (headings[p].level, headings[i].level);
        // The level between that the same kind of parent holds elsewhere.
        let Some((between, example)) = (parent_level + 1..level)
            .find_map(|between| first_child[parent_level][between].map(|e| (between, e)))
        else {
            continue;
        };
        reported_parents.push(p);
        let heading = &headings[i];
        let paragraph = &document.paragraphs[heading.index];
        let parent_paragraph = &document.paragraphs[headings[p].index];
        let example_heading = &headings[example];
        let example_paragraph = &document.paragraphs[example_heading.index];
        report
            .add(
                heading.index,
                paragraph,
                heading.marker.span.clone(),
                crate::msg!(
                    "heading-level-skipped",
                    marker = &paragraph.text[heading.marker.span.clone()],
                    parent = &parent_paragraph.text[headings[p].marker.span.clone()],
                    between = LEVEL_SHAPES[between]
                ),
                crate::msg!(
                    "heading-level-skipped-help",
                    between = LEVEL_SHAPES[between]
                ),
            )
            .relate(
                example_paragraph,
                example_heading.marker.span.clone(),
                crate::msg!(
                    "heading-level-skipped-related",
                    between = LEVEL_SHAPES[between]
                ),
            );
    }
}

// --- 3. A full stop ending a heading alone on its line ---------------------------------

/// Headings of the first two levels are at most this long (characters after the marker);
/// a longer line is a sentence of the text.
const MAX_HEADING_CHARS: usize = 30;

/// Reports the `。` of the headings of one level that stand alone on their lines, where
/// most such headings of the document end without one: a document that ends them all
/// with `。` follows a house style (the web versions of State Council documents write
/// `（一）统筹建设监管工作平台。` on a line of its own, then the text).
fn heading_full_stops(
    document: &Document,
    headings: &[Heading],
    level: usize,
    report: &mut Report,
) {
    // The lists of this level: siblings under one parent, a new list where the numbers
    // start again. A list one of whose items does not stand alone (`一、所有项目，一律…`)
    // is a list of sentences, whose full stops are right.
    let parents = parents(headings);
    let mut lists: Vec<Vec<(&Heading, Option<bool>)>> = Vec::new();
    let mut last: Option<(Option<usize>, u32)> = None;
    for (i, heading) in headings
        .iter()
        .enumerate()
        .filter(|(_, h)| h.level == level)
    {
        let continues = last
            .is_some_and(|(parent, value)| parent == parents[i] && heading.marker.value > value);
        if !continues {
            lists.push(Vec::new());
        }
        last = Some((parents[i], heading.marker.value));
        if let Some(list) = lists.last_mut() {
            list.push((heading, standing_alone(document, headings, heading)));
        }
    }
    let alone: Vec<(&Heading, bool)> = lists
        .into_iter()
        .filter(|list| list.iter().all(|(_, alone)| alone.is_some()))
        .flatten()
        .filter_map(|(heading, stop)| stop.map(|stop| (heading, stop)))
        .collect();
    let with_stop = alone.iter().filter(|(_, stop)| *stop).count();
    let without = alone.len() - with_stop;
    if without < 2 || without <= with_stop {
        return;
    }
    for (heading, _) in alone.into_iter().filter(|(_, stop)| *stop) {
        let paragraph = &document.paragraphs[heading.index];
        let text = &paragraph.text;
        let stop = text.len() - '。'.len_utf8()..text.len();
        let finding = report.add(
            heading.index,
            paragraph,
            stop.clone(),
            crate::msg!(
                "heading-level-stop",
                level = heading.level + 1,
                without = without
            ),
            crate::msg!("heading-level-stop-help"),
        );
        // Only the author knows whether the line is a heading or a sentence cut from its text.
        finding.fix(
            paragraph,
            crate::msg!("heading-level-stop-fix"),
            false,
            &[(stop, "")],
        );
    }
}

/// Whether a heading stands alone on its line, and if so whether it ends with `。`: a
/// short line of one sentence, followed by the text it heads. Neighbours of its own level
/// on either side make it an item of a list of short sentences, not a heading.
fn standing_alone(document: &Document, headings: &[Heading], heading: &Heading) -> Option<bool> {
    let paragraph = &document.paragraphs[heading.index];
    // Markdown and HTML headings are title-punctuation's.
    if paragraph.is_heading && matches!(document.format, Format::Markdown | Format::Html) {
        return None;
    }
    let words = &paragraph.text[heading.marker.span.end..];
    let (body, stop) = match words.strip_suffix('。') {
        Some(body) => (body, true),
        None => (words, false),
    };
    if body.is_empty()
        || body.chars().count() > MAX_HEADING_CHARS
        || body.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '…'])
    {
        return None;
    }
    let sibling = |index: usize| {
        headings
            .iter()
            .any(|h| h.index == index && h.level == heading.level)
    };
    let next = heading.index + 1;
    if next >= document.paragraphs.len()
        || sibling(next)
        || (heading.index > 0 && sibling(heading.index - 1))
    {
        return None;
    }
    Some(stop)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixes};

    #[test]
    fn wrong_forms_of_real_lines() {
        for (text, marked) in [
            // gov/law_0094.txt:165
            ("2、查处违反装载规定违法行为操作规程", "2、"),
            // gov/govcn_0044.txt:455
            ("2、L为弧长，R为半径，A为回旋线参数；单位均为米。", "2、"),
            // gov/wscpc_0002.txt:10–12, in a document that also writes `1.`.
            (
                "1.吸收新党员\n中国共产党自成立以来，就十分重视在工人中发展党员，壮大党的组织。\n2．成立工会",
                "2．",
            ),
            ("三.工作措施", "三."),
            ("三．工作措施", "三．"),
            ("一，总体要求", "一，"),
            ("(3)其他事项", "(3)"),
            ("（3)其他事项", "（3)"),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn forms_fixed_safely() {
        for (text, fixed) in [
            ("2、查处超速行驶操作规程", "2.查处超速行驶操作规程"),
            (
                "1.吸收新党员\n中国共产党自成立以来，就十分重视在工人中发展党员，壮大党的组织。\n2．成立工会",
                "1.吸收新党员\n中国共产党自成立以来，就十分重视在工人中发展党员，壮大党的组织。\n2.成立工会",
            ),
            ("三.工作措施", "三、工作措施"),
            ("十二，工作措施", "十二、工作措施"),
            ("(3)其他事项", "（3）其他事项"),
        ] {
            assert_eq!(fixes(&super::RULE, text), [(true, fixed.to_string())]);
        }
    }

    #[test]
    fn forms_not_reported() {
        for text in [
            // `1．` throughout: the full-width low dot of printed statutes and old
            // documents (gov/wscpc_0002.txt lines 10–16).
            "1．吸收新党员\n中国共产党自成立以来，就十分重视在工人中发展党员，壮大党的组织。\n2．成立工会\n3．成立工人学校",
            // A quoted provision keeps its own levels (lawref 司法解释 amendments).
            "三、修改《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》\n1.将第四十二条修改为：\n“第三十条 买卖合同存在下列约定内容之一的，不属于试用买卖：\n（一）约定标的物经过试用或者检验符合一定要求时，买受人应当购买标的物；\n（二）约定第三人经试验对标的物认可时，买受人应当购买标的物。”",
            // halfwidth-punctuation's.
            "(一)总体要求",
            "(二）加强组织领导",
            "一,总体要求",
            // Not markers, or not this rule's levels.
            "3、4月份完成验收。",
            "1，2，3号楼已完工。",
            "1)成立专班。",
            "一、二级医院全部纳入。",
            "1.5亿元已拨付。",
            "2024.1.5",
            // gov/wsgwr_0068.txt:85
            "一九五八，将积极发展燃料、电力和原材料的生产。",
            // Statute: gov/law_0034.txt 131–133, under articles.
            "第一条 为了加强易制毒化学品管理，制定本条例。\n第二条 易制毒化学品分为三类。\n1．1—苯基—2—丙酮\n2．3，4—亚甲基二氧苯基—2—丙酮\n3．胡椒醛",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn skipped_levels() {
        let doc = "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n（二）基本原则\n坚持人民至上。\n二、重点任务\n1.加强组织领导\n成立工作专班。\n2.强化督促检查\n三、保障措施\n（一）加强领导\n1.成立专班\n2.明确责任";
        assert_eq!(findings(&super::RULE, doc), ["1."]);
        // No `（一）` under any `一、`: skipping is the document's style.
        let doc = "一、总体要求\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n1.加强组织领导\n2.强化督促检查\n二、保障措施\n1.成立专班";
        assert_eq!(findings(&super::RULE, doc), Vec::<String>::new());
        // `（1）` under `（一）` where another `（一）` holds `1.`.
        let doc = "（一）指导思想\n1.坚持稳中求进\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n（二）基本原则\n（1）坚持人民至上\n（2）坚持系统观念";
        assert_eq!(findings(&super::RULE, doc), ["（1）"]);
        // An attachment restarts the levels.
        let doc = "一、总体要求\n（一）指导思想\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，坚持稳中求进工作总基调。\n附件1\n一、申报范围\n1.企业\n2.个人";
        assert_eq!(findings(&super::RULE, doc), Vec::<String>::new());
    }

    #[test]
    fn full_stop_of_a_heading_alone_on_its_line() {
        // gov/govcn_0001.txt lines 15–21, with `（二）`'s and `（三）`'s stops taken away.
        let doc = "三、重点任务\n（一）统筹建设监管工作平台。\n各省（区、市）人民政府要以国家企业信用信息公示系统为依托，建设监管工作平台。\n（二）实行抽查事项清单管理\n各有关部门要依照法律、法规、规章规定，建立本部门随机抽查事项清单。\n（三）建立随机抽查“两库”\n各地区、各部门要建立检查对象名录库和执法检查人员名录库。";
        assert_eq!(findings(&super::RULE, doc), ["。"]);
        assert_eq!(
            fixes(&super::RULE, doc),
            [(false, doc.replacen("平台。\n", "平台\n", 1))]
        );
        // Level one: gov/govcn_0001.txt's sections, `二、` given a stop.
        let doc = "一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、基本原则。\n坚持依法监管。\n三、重点任务\n统筹建设监管工作平台。";
        assert_eq!(findings(&super::RULE, doc), ["。"]);
        for text in [
            // The State Council's house style: every level-two heading ends with `。`
            // (gov/govcn_0001.txt lines 15–21 as published).
            "三、重点任务\n（一）统筹建设监管工作平台。\n各省（区、市）人民政府要以国家企业信用信息公示系统为依托。\n（二）实行抽查事项清单管理。\n各有关部门要依照法律、法规、规章规定。\n（三）建立随机抽查“两库”。\n各地区、各部门要建立检查对象名录库。",
            // A paragraph heading: its text follows in the same paragraph (gov/govcn_0004.txt:17).
            "二、指标体系\n（一）医疗质量。提供高质量的医疗服务是三级公立医院的核心任务。\n（二）运营效率。运营效率体现医院的精细化管理水平。\n（三）持续发展。人才队伍建设与教学科研能力体现医院的持续发展能力。",
            // A list of sentences among sections (gov/wsgwr_0058.txt lines 67–75).
            "一、关于工农业生产的发展速度和经济效益\n正文。\n二、关于基本建设的规模\n正文。\n三、关于教育、科学、文化事业的发展\n为了严格控制投资规模，国务院规定：\n一、固定资产投资总规模，包括国家预算内的拨款，都要纳入国家计划。\n不论哪个地区和部门，都必须事前报批。\n二、大中型基本建设项目，一律由国家计委审批。\n不经过综合平衡，任何单位都无权确定。\n三、所有建设项目必须严格按照基本建设程序办事。\n事前没有进行可行性研究的，不得列入计划。",
            // Items of a list of short sentences.
            "受教育者应履行以下义务：\n（一）遵守法律、法规。\n（二）努力学习。\n（三）遵守学校制度。\n其他规定从其规定。",
            // Levels three and four.
            "（一）指导思想\n正文。\n（二）基本原则\n正文。\n1.加强组织领导。\n正文。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
