//! `duplicate-sentence`: the same sentence twice in a paragraph, or the last sentence of a
//! paragraph repeated as the first of the next: a paste slip.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::normalize::normalize;
use crate::document::{Document, Normalized, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::{CLOSING_MARKS, is_space};
use rustc_hash::FxHashMap;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "duplicate-sentence",
    severity: Severity::Error,
    summary: "The same sentence twice in a paragraph, or a paragraph's last sentence repeated at the start of the next.",
    explanation: r#"
## What it does
Compares the sentences of each paragraph (ended by `。！？`), after folding spaces,
punctuation and full/half width, and reports a sentence that repeats an earlier one of the
same paragraph, or the first sentence of a paragraph when it repeats the last sentence of
the paragraph just before. A run of several repeated sentences (`甲。乙。甲。乙。`) is one
finding. A clause pasted twice in a row (`…的；…的；`, or a sentence's last clause after
it: `…；构成犯罪的，依法追究刑事责任。构成犯罪的，依法追究刑事责任。`) is reported too. The message points at
the first copy; the unsafe fix deletes the second.

## Why is this bad
A sentence said twice in a row is almost always a paste slip: a piece copied once more
when the text was assembled, or a paragraph break made in the wrong place so that the end
of one paragraph was pasted again at the start of the next. Readers notice it at once, and
in an official text it looks careless.

## Not reported
- Short sentences, fewer than 8 characters once spaces and punctuation are folded away:
  `是的。`, `发展！发展！`, and slogans repeated on purpose.
- Quotations: a sentence that is (nearly) all inside quotation marks, such as a slogan or a
  citation repeated for emphasis (`“绿水青山就是金山银山。”`), or a sentence inside a
  quotation. Parallel rhetoric that repeats a clause but not the whole sentence
  (`坚持人民至上，……；坚持人民至上，……`) differs, so it is not a repeat.
- A repeat inside one sentence (`现通知如下：现通知如下：`): sentences end at `。！？`,
  not at commas, colons or semicolons. The formulas of legal text that close clause after
  clause (`…；拒不改正的，处五万元以下罚款。`) are compared with the whole sentence they end.
- Articles run together on one line (`…适用本章规定。 第一百一十七条 未按…`): a sentence is
  not compared with those of the articles before it.
- Headings, and a whole paragraph repeated (`duplicate-paragraph` reports that).
- Sentences repeated further apart (in paragraphs that are not adjacent): that is common
  in long documents and not a paste slip.
"#,
    zh: Doc {
        summary: "同一段中同一句话出现了两次，或上一段的最后一句在下一段开头又重复了一遍。",
        explanation: r#"
## 检查什么
比较每段中的句子（以“。”“！”“？”结束；比较时不计空格、标点和全角半角的差别），报告与本段前面某句相同的句子；一段的第一句与紧挨着的上一段的最后一句相同的，也报告。连续重复的几句（甲。乙。甲。乙。）算一处。连着粘贴了两次的分句（“……的；……的；”，或句子最后一个分句又重复一遍：“……；构成犯罪的，依法追究刑事责任。构成犯罪的，依法追究刑事责任。”）也报告。提示指向第一次出现的地方。

## 为什么要改
同一句话连说两遍，几乎都是粘贴时的疏忽：拼接文稿时多粘贴了一次，或分段的位置不对，上一段的结尾在下一段开头又粘贴了一遍。读者一眼就能看出来，在公文中显得粗心。

## 怎么改
删去第二次出现的那一句。删除只作为建议，加“--unsafe-fixes”才会应用。

## 不报告的情况
- 短句：不计空格和标点少于8个字的句子（“是的。”“发展！发展！”），以及有意重复的口号。
- 引语：整句（或几乎整句）都在引号内的句子，如为了强调而重复的口号或引文（“绿水青山就是金山银山。”），以及引文中的句子。排比句重复的只是分句，整句并不相同（“坚持人民至上，……；坚持人民至上，……”），不算重复。
- 一句之内的重复（“现通知如下：现通知如下：”）：句子以“。”“！”“？”结束，不以逗号、冒号、分号为界。法律条文中一个分句接一个分句的固定说法（“……；拒不改正的，处五万元以下罚款。”）与它所在的整句一起比较。
- 几条连写在一行（“……适用本章规定。 第一百一十七条 未按……”）：一条中的句子不与前面各条的句子比较。
- 标题，以及整段的重复（由“duplicate-paragraph”报告）。
- 相隔较远（不在相邻两段中）的重复句子：在长文件中很常见，不是粘贴疏忽。
"#,
    },
    bad: &[
        Example::fixed(
            "注重示范驱动，培育法治品牌。注重示范驱动，培育法治品牌。充分发挥示范引导作用。",
        ),
        Example::fixed(
            "海门区不断完善法治建设考核机制。\n海门区不断完善法治建设考核机制。持续将法治建设纳入绩效考评。",
        ),
        Example::fixed(
            "全面推进依法行政，建设法治政府。加强行政执法监督。全面推进依法行政,建设法治政府.",
        ),
    ],
    good: &[
        "是的。是的。",
        "发展！发展！再发展！",
        "坚持人民至上，推进共同富裕；坚持人民至上，增进民生福祉。",
        "他说：“绿水青山就是金山银山。”我们要牢记：“绿水青山就是金山银山。”",
        "海门区不断完善法治建设考核机制。\n海门区不断完善法治建设考核机制。",
    ],
    fix: Fixes::Suggested,
    marks: Marks::Any,
    check: Check::Document(check),
};

/// Fewer normalized characters than this, and a sentence may repeat on purpose.
const MIN_CHARS: usize = 8;

const QUOTATION_MARKS: [char; 6] = ['“', '”', '「', '」', '『', '』'];
const QUOTATION_MASK: crate::document::CharMask = crate::document::CharMask::of(&QUOTATION_MARKS);

/// A sentence as it is compared.
struct Sentence<'a> {
    /// The sentence without the spaces around it.
    range: Range<usize>,
    /// The normalized sentence; `None` when it is too short or quoted to compare.
    key: Option<&'a str>,
    /// It opens an article: what repeats before it belongs to another article.
    opens_article: bool,
}

fn check(document: &Document, report: &mut Report) {
    let paragraphs = &document.paragraphs;
    let normalized = document.normalized();
    let sentences: Vec<Vec<Sentence>> = paragraphs
        .iter()
        .enumerate()
        .map(|(index, paragraph)| sentences(paragraph, index, normalized))
        .collect();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let own = &sentences[index];
        let mut reported_first = false;
        if index > 0
            && let Some((last, first)) = adjacent_repeat(
                &paragraphs[index - 1],
                paragraph,
                &sentences[index - 1],
                own,
                [normalized.paragraph(index - 1), normalized.paragraph(index)],
            )
        {
            let position = document
                .source
                .position(paragraphs[index - 1].source_offset(last.range.start));
            let finding = report.add(
                index,
                paragraph,
                first.range.clone(),
                crate::msg!(
                    "duplicate-sentence-previous-paragraph",
                    place = place_line_column(document, position)
                ),
                crate::msg!("duplicate-sentence-help"),
            );
            let delete = 0..first.range.end + leading_spaces(&paragraph.text[first.range.end..]);
            finding.fix(
                paragraph,
                crate::msg!("duplicate-sentence-fix"),
                false,
                &[(delete, "")],
            );
            reported_first = true;
        }
        // The first sentence with each key among those before `j`: one lookup per sentence,
        // so a paragraph of 30 000 sentences is not compared pair by pair.
        let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut seen = 0;
        let mut j = usize::from(reported_first);
        while j < own.len() {
            for (i, sentence) in own.iter().enumerate().take(j).skip(seen) {
                if let Some(key) = sentence.key {
                    first_of.entry(key).or_insert(i);
                }
            }
            seen = seen.max(j);
            let Some(earlier) = own[j].key.and_then(|key| first_of.get(key).copied()) else {
                // A new article: what repeats after it belongs to it, not to those before
                // (its own number makes an article pasted twice a repeat all the same).
                if own[j].opens_article {
                    first_of.clear();
                }
                j += 1;
                continue;
            };
            // Extend over the sentences that go on repeating those after the first copy.
            let mut run = 1;
            while j + run < own.len()
                && earlier + run < j
                && own[j + run].key.is_some()
                && own[j + run].key == own[earlier + run].key
            {
                run += 1;
            }
            let repeated = own[j].range.start..own[j + run - 1].range.end;
            let position = document
                .source
                .position(paragraph.source_offset(own[earlier].range.start));
            let place = place_line_column(document, position);
            let message = if run == 1 {
                crate::msg!("duplicate-sentence", place = place)
            } else {
                crate::msg!("duplicate-sentence-run", count = run, place = place)
            };
            let finding = report.add(
                index,
                paragraph,
                repeated.clone(),
                message,
                crate::msg!("duplicate-sentence-help"),
            );
            // Delete the copy with the spaces before it, which joined it to the text.
            let start = paragraph.text[..repeated.start]
                .trim_end_matches(is_space)
                .len();
            finding.fix(
                paragraph,
                crate::msg!("duplicate-sentence-fix"),
                false,
                &[(start..repeated.end, "")],
            );
            j += run;
        }
        for clause in repeated_clauses(paragraph, index, normalized) {
            let finding = report.add(
                index,
                paragraph,
                clause.clone(),
                crate::msg!("duplicate-sentence-clause"),
                crate::msg!("duplicate-sentence-help"),
            );
            finding.fix(
                paragraph,
                crate::msg!("duplicate-sentence-clause-fix"),
                false,
                &[(clause, "")],
            );
        }
    }
}

/// `line 3, column 7` (`paragraph 3, …` in a Word file).
fn place_line_column(
    document: &Document,
    position: crate::document::source::Position,
) -> crate::report::message::Message {
    crate::msg!(
        "place-line-column",
        unit = document.format.line_unit(),
        line = position.line,
        column = position.column
    )
}

/// Clauses pasted twice in a row (`…罚款；…罚款；`, `…；构成犯罪的，依法追究刑事责任。构成犯罪的，
/// 依法追究刑事责任。`): two parts of the text ended by `；` or a full stop, one right after
/// the other and alike, that are not two whole sentences (compared as such above). Only
/// neighbours: the formulas of legal text recur, but not back to back.
fn repeated_clauses(
    paragraph: &Paragraph,
    index: usize,
    normalized: &Normalized,
) -> Vec<Range<usize>> {
    let text = &paragraph.text;
    let whole = |range: &Range<usize>, from: usize| {
        let starts = from == 0
            || text[..paragraph.sentences[from - 1].end]
                .trim_end_matches(is_space)
                .trim_end_matches(CLOSING_MARKS)
                .ends_with(FULL_STOPS);
        starts
            && text[range.clone()]
                .trim_end_matches(is_space)
                .trim_end_matches(CLOSING_MARKS)
                .ends_with(FULL_STOPS)
    };
    let long = |s: &str| s.len() >= 4 * MIN_CHARS || s.chars().count() >= MIN_CHARS;
    let mut found = Vec::new();
    for (number, pair) in paragraph.sentences.windows(2).enumerate() {
        let (first, second) = (&pair[0], &pair[1]);
        let (a, b) = (
            normalized.sentence(index, number),
            normalized.sentence(index, number + 1),
        );
        // A slogan or citation repeated on purpose is (nearly) all quotation.
        let quoted = !long(&normalize(&outside_quotes(&text[second.clone()], &mut 0)));
        if a != b || !long(a) || quoted || (whole(first, number) && whole(second, number + 1)) {
            continue;
        }
        let clause = &text[second.clone()];
        let start = second.start + (clause.len() - clause.trim_start_matches(is_space).len());
        let end = second.start + clause.trim_end_matches(is_space).len();
        found.push(start..end);
    }
    found
}

/// The last sentence of `previous` and the first of `next`, when the second repeats the
/// first and the two paragraphs are not simply the same paragraph twice (`whole` holds the
/// two paragraphs' normalized texts).
fn adjacent_repeat<'s, 'a>(
    previous: &Paragraph,
    next: &Paragraph,
    previous_sentences: &'s [Sentence<'a>],
    next_sentences: &'s [Sentence<'a>],
    whole: [&str; 2],
) -> Option<(&'s Sentence<'a>, &'s Sentence<'a>)> {
    if previous.is_heading || next.is_heading {
        return None;
    }
    let (last, first) = (previous_sentences.last()?, next_sentences.first()?);
    (first.key.is_some() && first.key == last.key && whole[0] != whole[1]).then_some((last, first))
}

/// The sentences of paragraph `index`, each with its comparison key. A sentence here ends
/// with `。！？`: the clauses a `；` ends are parts of one, so the formulas of legal text
/// (`…；拒不改正的，处五万元以下罚款。`) are compared with all that leads to them.
fn sentences<'a>(
    paragraph: &Paragraph,
    index: usize,
    normalized: &'a Normalized,
) -> Vec<Sentence<'a>> {
    let text = &paragraph.text;
    let mut depth = 0usize;
    let quoted = paragraph.may_contain_masked(&QUOTATION_MASK);
    let mut found = Vec::new();
    let mut first = 0;
    for (number, range) in paragraph.sentences.iter().enumerate() {
        let ends = text[range.clone()]
            .trim_end_matches(is_space)
            .trim_end_matches(CLOSING_MARKS)
            .ends_with(FULL_STOPS);
        if !ends && number + 1 < paragraph.sentences.len() {
            continue;
        }
        let parts = first..number + 1;
        first = number + 1;
        let range = paragraph.sentences[parts.start].start..range.end;
        let sentence = &text[range.clone()];
        let lead = sentence.len() - sentence.trim_start_matches(is_space).len();
        let trimmed = sentence.trim_matches(is_space);
        if trimmed.is_empty() {
            continue;
        }
        // What the sentence says outside quotation marks must be long enough on its own
        // (only worked out where quotation marks are about).
        let outside = (depth > 0 || quoted && sentence.contains(QUOTATION_MARKS))
            .then(|| outside_quotes(sentence, &mut depth));
        let key = normalized.sentences(index, parts);
        // A character takes at most 4 bytes: most sentences are long by their byte count.
        let long = |s: &str| s.len() >= 4 * MIN_CHARS || s.chars().count() >= MIN_CHARS;
        let comparable = long(key) && outside.is_none_or(|o| long(&normalize(&o)));
        let start = range.start + lead;
        found.push(Sentence {
            range: start..start + trimmed.len(),
            key: comparable.then_some(key),
            opens_article: ARTICLE.is_match(trimmed),
        });
    }
    found
}

/// The marks that end a sentence compared by the rule.
const FULL_STOPS: &[char] = &['。', '！', '？', '!', '?', '.'];

/// An article number opening a sentence (`第一百一十七条 未按…`): statutes run together on
/// one line are several articles, whose formulas repeat from one to the next.
static ARTICLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^第[一二三四五六七八九十百千零〇两0-9]+条(?:之[一二三四五六七八九十]+)?[ \u{3000}]",
    )
    .expect("article pattern is valid")
});

/// What `text` says outside quotation marks, `depth` marks deep at its start (a quotation
/// may run on from the sentence before) and left as deep as at its end.
fn outside_quotes(text: &str, depth: &mut usize) -> String {
    let mut outside = String::with_capacity(text.len());
    let mut from = 0;
    // The marks' UTF-8 all lead with E2 or E3: the runs between them are copied whole.
    for at in memchr::memchr2_iter(0xE2, 0xE3, text.as_bytes()) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let change = match c {
            '“' | '「' | '『' => 1,
            '”' | '」' | '』' => -1,
            _ => continue,
        };
        if *depth == 0 {
            outside.push_str(&text[from..at]);
        }
        *depth = if change > 0 {
            *depth + 1
        } else {
            depth.saturating_sub(1)
        };
        from = at + c.len_utf8();
    }
    if *depth == 0 {
        outside.push_str(&text[from..]);
    }
    outside
}

fn leading_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(is_space).len()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            (
                "注重示范驱动，培育法治品牌。注重示范驱动，培育法治品牌。充分发挥示范引导作用。",
                vec!["注重示范驱动，培育法治品牌。"],
            ),
            (
                "全面推进依法行政，建设法治政府。加强监督。全面推进依法行政,建设法治政府.",
                vec!["全面推进依法行政,建设法治政府."],
            ),
            (
                "坚持以人民为中心的发展思想。 坚持以人民为中心的发展思想。",
                vec!["坚持以人民为中心的发展思想。"],
            ),
            (
                "加强组织领导，压实工作责任。健全考核机制，强化督查问责。加强组织领导，压实工作责任。健全考核机制，强化督查问责。",
                vec!["加强组织领导，压实工作责任。健全考核机制，强化督查问责。"],
            ),
            (
                "海门区不断完善法治建设考核机制。\n海门区不断完善法治建设考核机制。持续纳入绩效考评。",
                vec!["海门区不断完善法治建设考核机制。"],
            ),
            (
                "前面的工作已经完成。区委区政府高度重视这项工作。\n区委区政府高度重视这项工作。\n下一段。",
                vec!["区委区政府高度重视这项工作。"],
            ),
            (
                "推进“放管服”改革，优化营商环境。推进“放管服”改革，优化营商环境。",
                vec!["推进“放管服”改革，优化营商环境。"],
            ),
            (
                "责令限期改正；拒不改正的，处五万元以下罚款。责令限期改正；拒不改正的，处五万元以下罚款。",
                vec!["责令限期改正；拒不改正的，处五万元以下罚款。"],
            ),
            // Faults planted in real legal text: an article pasted twice on its line, a clause
            // pasted twice in a row, a sentence's last clause pasted after it.
            (
                "第五十八条 香港特别行政区设立审计署，独立工作。第五十八条 香港特别行政区设立审计署，独立工作。",
                vec!["第五十八条 香港特别行政区设立审计署，独立工作。"],
            ),
            (
                "（一）不依法告知原告提起行政诉讼的；（一）不依法告知原告提起行政诉讼的；（二）其他情形。",
                vec!["（一）不依法告知原告提起行政诉讼的；"],
            ),
            (
                "应当追究法律责任；构成犯罪的，依法追究刑事责任。构成犯罪的，依法追究刑事责任。",
                vec!["构成犯罪的，依法追究刑事责任。"],
            ),
            (
                "我国与东盟贸易总值为4.93万亿元；我国对共建“一带一路”国家合计进出口15.3万亿元。我国对共建“一带一路”国家合计进出口15.3万亿元。",
                vec!["我国对共建“一带一路”国家合计进出口15.3万亿元。"],
            ),
            (
                "１９８４年国民经济持续增长。1984年国民经济持续增长。",
                vec!["1984年国民经济持续增长。"],
            ),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn unsafe_fixes_delete_the_second_copy() {
        let fixed = |text: &str| crate::fix::converge("a.txt", text, &[], &[&super::RULE], true).0;
        for (text, expected) in [
            (
                "坚持以人民为中心的发展思想。 坚持以人民为中心的发展思想。要把人民放在心中。",
                "坚持以人民为中心的发展思想。要把人民放在心中。",
            ),
            (
                "前面的工作已经完成。区委区政府高度重视这项工作。\n区委区政府高度重视这项工作。 下一步要抓好落实。\n",
                "前面的工作已经完成。区委区政府高度重视这项工作。\n下一步要抓好落实。\n",
            ),
            (
                "加强组织领导，压实工作责任。健全考核机制，强化督查问责。加强组织领导，压实工作责任。健全考核机制，强化督查问责。抓好落实。",
                "加强组织领导，压实工作责任。健全考核机制，强化督查问责。抓好落实。",
            ),
        ] {
            assert_eq!(fixed(text), expected, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "是的。是的。",
            "发展！发展！再发展！",
            "各位代表！各位代表！",
            "坚持人民至上，推进共同富裕；坚持人民至上，增进民生福祉。",
            "他说：“绿水青山就是金山银山。”我们要牢记：“绿水青山就是金山银山。”",
            "“绿水青山就是金山银山。”“绿水青山就是金山银山。”",
            "牢记“绿水青山就是金山银山”；“绿水青山就是金山银山”；",
            "他指出：“要坚持以人民为中心的发展思想。要坚持以人民为中心的发展思想。”",
            "海门区不断完善法治建设考核机制。\n海门区不断完善法治建设考核机制。",
            "指标来源：医院填报。\n指标来源：医院填报。",
            "一、坚持以人民为中心的发展思想\n坚持以人民为中心的发展思想。要把人民放在心中。",
            "坚持以人民为中心的发展思想。\n标题\n坚持以人民为中心的发展思想。",
            "第1823次会议通过了该决定。第1850次会议通过了该决定。",
            "（一）违反本条例规定的；（二）违反本条例规定的；",
            "全年经济增长目标已经完成。\n全年财政收入目标已经完成。",
            // Anti-Money Laundering Law, article 60 (LawRefBook/Laws): the formula closes
            // two different sentences.
            "第六十条 法人、非法人组织未按照规定向登记机关提交受益所有人信息的，由登记机关责令限期改正；拒不改正的，处五万元以下罚款。向登记机关提交虚假或者不实的受益所有人信息的，由国务院反洗钱行政主管部门责令限期改正；拒不改正的，处五万元以下罚款。",
            "对违法行为责令改正，处一万元罚款；拒不改正的，处五万元罚款。对违法行为责令改正，处一万元罚款；情节严重的，处十万元罚款。",
            // Articles run together on one line: each states its own penalty.
            "第一百一十六条 违反本法规定的，由主管部门责令停业整顿，处一万元罚款。 第一百一十七条 违反本法规定的，由主管部门责令停业整顿，处一万元罚款。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
