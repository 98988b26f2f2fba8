//! `ellipsis-form`: an ellipsis written `...`, `。。。`, `．．．`, `···` or a single `…`.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::is_chinese;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "ellipsis-form",
    severity: Severity::Warning,
    summary: "An ellipsis written `...`, `。。。`, `．．．`, `···` or a single `…` where `……` belongs.",
    explanation: r#"
## What it does
Finds an ellipsis in Chinese text written in another form than `……`:

- three to six ASCII dots (`...`, `......`) after or before Chinese text;
- three or more ideographic full stops (`。。。`);
- three to six full-width dots (`．．．`) or middle dots (`···`, `・・・`);
- a single `…` (U+2026), or three in a row, where two belong.

## Why is this bad
GB/T 15834-2011 4.11: the Chinese ellipsis (省略号) is six dots, `……`, taking two
character positions; two ellipses (twelve dots, `…………`) may stand for a whole omitted
paragraph or line of verse. Three Latin dots are the English ellipsis and crowd into one
narrow position; `。。。` reads as three full stops; a single `…` is half of the mark.

The fix writes `……`. It is unsafe only for three `…` in a row, which may have been
meant as one ellipsis or as two, and for more than six `。`.

## Not reported
Dots in English sentences (`Wait... what?`), numbers and ranges (`1...10`, `0.5...`),
table-of-contents leaders (`第一章 总则........5`: long runs, or dots before a page
number), URLs, dots quoted as themselves (`把“...”改为“……”`), the double ellipsis
`…………`, and `……等` (an ellipsis followed by 等, a different fault; 等 may also be a
verb, `……等一下`).
"#,
    zh: Doc {
        summary: "省略号写成了“...”“。。。”“．．．”“···”或单个“…”，应写作“……”。",
        explanation: r#"
## 检查什么
找出中文里写法不对的省略号：
- 中文前后的三到六个英文句点（“...”“......”）；
- 三个及以上连写的句号（“。。。”）；
- 三到六个全角句点（“．．．”）或间隔号（“···”“・・・”）；
- 该用两个“…”的地方只用了一个，或连用了三个。

## 为什么要改
GB/T 15834-2011 4.11：中文省略号是六个点“……”，占两个字的位置；省略整段文字或整行诗时可以连用两个省略号（十二个点“…………”）。三个英文句点是英文的省略号，挤在半个字的位置里；“。。。”读起来是三个句号；单个“…”只是半个省略号。

## 怎么改
改为“……”，加“--fix”即可自动完成。只有两种情况只给出建议（“--unsafe-fixes”）：连用三个“…”（可能想写一个省略号，也可能想写两个），以及六个以上的句号。

## 不报告的情况
英文句子中的点（Wait... what?）、数字和范围（“1...10”“0.5...”）、目录中的前导点（“第一章 总则........5”：很长的一串点，或页码前的点）、网址、作为被引用对象的点（把“...”改为“……”）、双省略号“…………”，以及“……等”（省略号后接“等”是另一种问题，而且“等”也可能是动词，如“……等一下”）。
"#,
    },
    bad: &[
        Example::fixed("群众反映的问题涉及就业、教育、医疗...需要逐项解决。"),
        Example::fixed("他停了一下，说：“这个问题嘛。。。我们研究研究。”"),
        Example::fixed("会上大家七嘴八舌…最后达成了一致。"),
        Example::fixed("内容包括：一是加强领导；二是完善制度；．．．"),
    ],
    good: &[
        "群众反映的问题涉及就业、教育、医疗……需要逐项解决。",
        "第一章 总则........5",
        "He said: \"Wait... what?\" 会议继续进行。",
        "取值范围为1...10。",
        "整段省略可用两个省略号：…………",
    ],
    fix: Fixes::Safe,
    marks: Marks::Test(may_hold_ellipsis),
    check: Check::Paragraph(check),
};

/// The marks a run of which may be an ellipsis typed wrongly.
const DOTS: &[char] = &['.', '．', '。', '…', '·', '・'];

/// Of `。`, only a run of three or more is reported, and most paragraphs hold no other dot.
fn may_hold_ellipsis(paragraph: &Paragraph) -> bool {
    const DOTS: crate::document::CharMask =
        crate::document::CharMask::of(&['.', '．', '…', '·', '・']);
    paragraph.may_contain_masked(&DOTS)
        || memchr::memmem::find(paragraph.text.as_bytes(), "。。。".as_bytes()).is_some()
}

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    for (run, mark) in dot_runs(text) {
        if paragraph.is_protected(run.start) || is_quoted(text, &run) {
            continue;
        }
        let count = text[run.clone()].chars().count();
        let in_text = || in_chinese(text, &run);
        // Three `…` may have been meant as one ellipsis or as two: the fix is unsafe.
        let safe = match (mark, count) {
            ('。', 3..) => count <= 6,
            ('.' | '．' | '·' | '・', 3..=6) if in_text() => true,
            ('…', 1) if in_text() => true,
            ('…', 3) if in_text() => false,
            _ => continue,
        };
        let written = &text[run.clone()];
        let finding = report.add(
            index,
            paragraph,
            run.clone(),
            crate::msg!("ellipsis-form", written = written),
            crate::msg!("ellipsis-form-help"),
        );
        finding.fix(
            paragraph,
            crate::msg!("ellipsis-form-fix"),
            safe,
            &[(run, "……")],
        );
    }
}

/// Maximal runs of one of the `DOTS`, with the mark.
fn dot_runs(text: &str) -> Vec<(Range<usize>, char)> {
    let mut runs: Vec<(Range<usize>, char)> = Vec::new();
    for (at, c) in text.char_indices().filter(|&(_, c)| DOTS.contains(&c)) {
        match runs.last_mut() {
            Some((run, mark)) if *mark == c && run.end == at => run.end = at + c.len_utf8(),
            _ => runs.push((at..at + c.len_utf8(), c)),
        }
    }
    runs
}

/// `“...”`: the mark cited as itself, as a text on punctuation does. In brackets (`（...）`)
/// dots stand for words left out of a quotation: an ellipsis.
fn is_quoted(text: &str, run: &Range<usize>) -> bool {
    let prev = text[..run.start].chars().next_back();
    let next = text[run.end..].chars().next();
    prev.is_some_and(|c| matches!(c, '“' | '‘' | '「' | '『'))
        && next.is_some_and(|c| matches!(c, '”' | '’' | '」' | '』'))
}

/// Dots standing in Chinese text: a Chinese character or mark on one side, and neither a
/// Latin word before them (English) nor a letter or digit after them (ranges `1...10`,
/// page numbers after leaders, English going on).
fn in_chinese(text: &str, run: &Range<usize>) -> bool {
    let before = &text[..run.start];
    let prev = before.chars().next_back();
    let next = text[run.end..].chars().next();
    if next.is_some_and(is_alphanumeric) || prev.is_some_and(is_letter) {
        return false;
    }
    let chinese = |c: char| is_chinese(c) && !DOTS.contains(&c);
    // `1、2、3...`: a number closing a Chinese enumeration, not a decimal or range.
    let after_number = prev.is_some_and(is_digit)
        && before
            .trim_end_matches(is_digit)
            .chars()
            .next_back()
            .is_some_and(chinese);
    prev.is_some_and(chinese) || next.is_some_and(chinese) || after_number
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn is_alphanumeric(c: char) -> bool {
    is_digit(c) || is_letter(c)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixed};

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("涉及就业、教育、医疗...需要逐项解决。", "..."),
            ("涉及就业、教育、医疗......", "......"),
            ("...他停了一下。", "..."),
            ("他说：“这个嘛....”", "...."),
            ("这个问题嘛。。。我们研究研究。", "。。。"),
            ("这个问题嘛。。。。。。", "。。。。。。"),
            ("七嘴八舌…最后达成了一致。", "…"),
            ("他说：“我…”", "…"),
            ("…只要功夫深。", "…"),
            ("七嘴八舌………最后", "………"),
            ("一是加强领导；．．．", "．．．"),
            ("等等···", "···"),
            ("等等・・・", "・・・"),
            ("包括1、2、3...", "..."),
            ("“十四五”...", "..."),
            ("条例规定：“（...）应当依法公开。”", "..."),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "涉及就业、教育、医疗……需要逐项解决。",
            "整段省略可用两个省略号：…………",
            "第一章 总则........5",
            "第一章　总则．．．．．．．．．．１",
            "第二章 组织机构 ...... 12",
            "第三章 法律责任......20",
            "He said: \"Wait... what?\" 会议继续进行。",
            "Wait… what?",
            "取值范围为1...10。",
            "数值为0.5...",
            "见www.gov.cn...",
            "详见http://www.gov.cn/a...b。",
            "把“...”改为“……”。",
            "把“。。。”改为“……”。",
            "群众反映……等问题。",
            "和Python中的range...",
            "任务完成了。",
            "任务完成了。。",
            "版本V2.0.1。",
            "张·三·丰",
            "马克思·韦伯",
            "1…5号楼",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fixes_write_six_dots() {
        assert_eq!(
            fixed(&super::RULE, "医疗...需要"),
            (true, "医疗……需要".into())
        );
        assert_eq!(
            fixed(&super::RULE, "　　嘛。。。我们"),
            (true, "　　嘛……我们".into())
        );
        assert_eq!(
            fixed(&super::RULE, "七嘴八舌…最后"),
            (true, "七嘴八舌……最后".into())
        );
        assert_eq!(
            fixed(&super::RULE, "七嘴八舌………最后"),
            (false, "七嘴八舌……最后".into())
        );
        assert_eq!(
            fixed(&super::RULE, "嘛。。。。。。。。。"),
            (false, "嘛……".into())
        );
    }
}
