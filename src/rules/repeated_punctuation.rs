//! `repeated-punctuation`: two point marks side by side (`，，`, `，。`, `；。`).

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::{CLOSING_MARKS, OPENING_MARKS, POINT_MARKS, is_han};
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "repeated-punctuation",
    severity: Severity::Error,
    summary: "Two point marks in a row: a doubled `，，` `。。` `、、` or a forbidden pair such as `，。` `；。`.",
    explanation: r#"
## What it does
Finds a run of full-width point marks (`，` `。` `、` `；` `：` `？` `！`) standing side by
side: the same mark typed twice (`，，` `。。` `、、` `；；` `：：`) or two different marks
(`，。` `；。` `。，` `、，` `：，`).

## Why is this bad
GB/T 15834-2011 4.1–4.7: a point mark (点号) marks one pause and its tone, so one pause
takes one mark. The only point marks the standard puts together are a question mark with
an exclamation mark and the stacked `？` or `！` (4.2.3, 4.3.3). Two marks in a row are a
slip (a mark typed twice, or a sentence edited without deleting the old mark) and print
as a gap in the line.

The fix deletes one of an exactly doubled mark (`，，` → `，`). A pair of different marks,
or three marks and more, have no automatic fix: only the sentence tells which pause is
meant, and `、、、` may stand for an ellipsis.

## Not reported
What the standard allows: a question mark and an exclamation mark together (`？！`,
`！？`), and a question or exclamation mark stacked up to three times for strong feeling
(`？？` `！！！`); four or more are reported. A full-width `？` right before a Han
character (`二期、？水灌区`, `美好生活？？？？法典`) stands for a lost character, not for a
question. `。。。` and longer runs of `。`, an ellipsis typed wrongly, are left to
`ellipsis-form`. Marks separated by a quotation mark or bracket (`。”，`), marks quoted as
themselves (`“，，”`), ASCII marks (`halfwidth-punctuation`), and URLs.
"#,
    zh: Doc {
        summary: "两个点号连用：重复的“，，”“。。”“、、”，或“，。”“；。”这类不能连用的组合。",
        explanation: r#"
## 检查什么
找出紧挨在一起的全角点号（逗号“，”、句号“。”、顿号“、”、分号“；”、冒号“：”、问号“？”、叹号“！”）：同一个点号打了两次（“，，”“。。”“、、”“；；”“：：”），或两个不同的点号连在一起（“，。”“；。”“。，”“、，”“：，”）。

## 为什么要改
GB/T 15834-2011 4.1至4.7：点号表示一处停顿及其语气，一处停顿只用一个点号。标准只允许问号与叹号连用，以及问号或叹号叠用（4.2.3、4.3.3）。两个点号连用是疏忽（多打了一次，或改句子时没删掉原来的标点），印出来行中会空出一块。

## 怎么改
同一个点号重复的（“，，”改为“，”），加“--fix”即可删去多余的一个。两个不同的点号，或三个及以上连用的，不自动修复：该用哪个点号要看句意，而“、、、”可能本想写省略号。

## 不报告的情况
标准允许的用法：问号和叹号连用（“？！”“！？”），以及为表示强烈语气叠用问号或叹号，最多三个（“？？”“！！！”），四个及以上才报告。紧挨在汉字前的全角问号（“二期、？水灌区”“美好生活？？？？法典”）表示丢了字，不是问句。三个及以上连写的句号是写错的省略号，由“ellipsis-form”报告。中间隔着引号或括号的点号、作为被引用对象的点号（把“，，”改为“，”）、英文标点（由“halfwidth-punctuation”报告）和网址也不报告。
"#,
    },
    bad: &[
        Example::fixed("以更加奋发有为的精神状态，，更加扎实的工作作风，努力把政府工作做好。"),
        Example::corrected(
            "全年完成投资120亿元，。同比增长8.5%。",
            "全年完成投资120亿元，同比增长8.5%。",
        ),
        Example::corrected(
            "加强组织领导；。强化督促检查。",
            "加强组织领导。强化督促检查。",
        ),
        Example::fixed("统筹推进教育、、医疗、养老等民生事业。"),
    ],
    good: &[
        "以更加奋发有为的精神状态，更加扎实的工作作风，努力把政府工作做好。",
        "这么点困难就能把我们吓倒吗？！",
        "把“，，”改为“，”，把“。。”改为“。”。",
        "全国各族人民大团结万岁！！！",
    ],
    fix: Fixes::Safe,
    marks: Marks::Test(|paragraph| has_adjacent_point_marks(&paragraph.text)),
    check: Check::Paragraph(check),
};

/// A question or exclamation mark may be stacked up to three times (GB/T 15834 4.2.3, 4.3.3).
const MAX_STACK: usize = 3;

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    for run in point_runs(text) {
        if paragraph.is_protected(run.start) || !is_fault(text, run.clone()) {
            continue;
        }
        let marks = &text[run.clone()];
        let first = marks.chars().next().unwrap_or_default();
        let count = marks.chars().count();
        if marks.chars().all(|c| c == '？' || c == '！') {
            report.add(
                index,
                paragraph,
                run,
                crate::msg!("repeated-punctuation-stacked", count = count),
                crate::msg!("repeated-punctuation-stacked-help"),
            );
        } else if marks.chars().all(|c| c == first) {
            let message = if count == 2 {
                crate::msg!("repeated-punctuation-doubled", mark = first)
            } else {
                crate::msg!("repeated-punctuation", mark = first, count = count)
            };
            let kept = first.to_string();
            let finding = report.add(
                index,
                paragraph,
                run.clone(),
                message,
                crate::msg!("repeated-punctuation-help", mark = first),
            );
            if count == 2 {
                finding.fix(
                    paragraph,
                    crate::msg!("repeated-punctuation-fix", mark = first),
                    true,
                    &[(run, &kept)],
                );
            }
        } else {
            report.add(
                index,
                paragraph,
                run,
                crate::msg!("repeated-punctuation-mixed", marks = marks),
                crate::msg!("repeated-punctuation-mixed-help"),
            );
        }
    }
}

/// Whether two point marks stand side by side, as every run `point_runs` finds begins. The
/// marks are all three bytes long and begin with 0xE3 or 0xEF, so a byte search finds
/// the candidates without decoding the Han characters between them.
fn has_adjacent_point_marks(text: &str) -> bool {
    let is_mark_at = |at: usize| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| POINT_MARKS.contains(&c))
    };
    memchr::memchr2_iter(0xE3, 0xEF, text.as_bytes()).any(|at| is_mark_at(at) && is_mark_at(at + 3))
}

/// Maximal runs of two or more full-width point marks, as byte ranges of `text`.
fn point_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\0')))
    {
        if POINT_MARKS.contains(&c) {
            let (from, len) = start.unwrap_or((at, 0));
            start = Some((from, len + 1));
        } else if let Some((from, len)) = start.take()
            && len >= 2
        {
            runs.push(from..at);
        }
    }
    runs
}

fn is_fault(text: &str, run: Range<usize>) -> bool {
    let marks = &text[run.clone()];
    let prev = text[..run.start].chars().next_back();
    let next = text[run.end..].chars().next();
    // `“，，”`: the marks are quoted, as when a text discusses punctuation.
    if prev.is_some_and(|c| OPENING_MARKS.contains(&c))
        && next.is_some_and(|c| CLOSING_MARKS.contains(&c))
    {
        return false;
    }
    // `。。。` is an ellipsis typed wrongly: `ellipsis-form` reports it.
    if marks.contains("。。。") {
        return false;
    }
    // A full-width `？` right before a Han character, after another mark or in a stack,
    // stands for a lost character (`二期、？水灌区`), which is not a punctuation fault.
    let lost = marks.ends_with('？') && next.is_some_and(is_han);
    if marks.chars().all(|c| c == '？' || c == '！') {
        // Stacks of up to three, and `？！` `！？`, are allowed.
        return marks.chars().count() > MAX_STACK && !lost;
    }
    !lost
}

#[cfg(test)]
mod tests {
    use crate::document::source::Source;
    use crate::document::{Document, Format};
    use crate::rules::check_document;
    use crate::rules::testing::findings;

    #[test]
    fn point_marks_are_what_the_byte_search_looks_for() {
        for &mark in crate::text::POINT_MARKS {
            let mut bytes = [0; 4];
            let encoded = mark.encode_utf8(&mut bytes).as_bytes();
            assert!(
                encoded.len() == 3 && matches!(encoded[0], 0xE3 | 0xEF),
                "{mark}"
            );
        }
    }

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("精神状态，，更加扎实的工作作风", "，，"),
            ("任务完成了。。下一步", "。。"),
            ("教育、、医疗", "、、"),
            ("强化督促；；加强考核", "；；"),
            ("主要内容：：一是", "：："),
            ("完成投资120亿元，。同比增长", "，。"),
            ("加强组织领导；。", "；。"),
            ("工作完成。，下一步", "。，"),
            ("教育、，医疗", "、，"),
            ("通知如下：，", "：，"),
            ("真的吗？。", "？。"),
            ("好！，", "！，"),
            ("，，，", "，，，"),
            ("、、、", "、、、"),
            ("太好了！！！！", "！！！！"),
            ("为什么？！？！", "？！？！"),
            ("“好”，，他说", "，，"),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "这么点困难就能把我们吓倒吗？！",
            "这是真的！？",
            "你这个总经理是怎么当的？？",
            "你怎么竟敢这样欺骗消费者？？？",
            "轰！！",
            "冲啊！！！",
            "他说：“好。”，接着出发。",
            "（见附件。）；",
            "任务完成了。。。",
            "任务完成了。。。。。。",
            "把“，，”改为“，”。",
            "美好生活？？？？法典相伴",
            "重点垸堤防加固二期、？水灌区开工建设",
            "群众反映……问题。",
            "工作——重点",
            "近年来,,海门",
            "1、2、3。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    fn fixed(text: &str) -> Vec<Option<(bool, String)>> {
        let document = Document::new(Source::new("t.txt", text.into()), Format::PlainText);
        check_document(&super::RULE, &document, 0)
            .into_iter()
            .map(|d| {
                d.fix.map(|f| {
                    let mut out = text.to_string();
                    for edit in f.edits.iter().rev() {
                        out.replace_range(edit.range.clone(), &edit.replacement);
                    }
                    (f.safe, out)
                })
            })
            .collect()
    }

    #[test]
    fn fixes_only_exact_doubles() {
        assert_eq!(
            fixed("状态，，更加"),
            [Some((true, "状态，更加".to_string()))]
        );
        assert_eq!(
            fixed("　　教育、、医疗。"),
            [Some((true, "　　教育、医疗。".to_string()))]
        );
        assert_eq!(fixed("亿元，。同比"), [None]);
        assert_eq!(fixed("、、、"), [None]);
    }
}
