//! `stray-period`: an ASCII `.` or full-width `．` ending a Chinese sentence.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::{is_chinese, is_han, is_space};

pub static RULE: RuleInfo = RuleInfo {
    name: "stray-period",
    severity: Severity::Error,
    summary: "An ASCII `.` or full-width `．` used as the full stop of a Chinese sentence.",
    explanation: r#"
## What it does
Finds a `.` or `．` that follows a Chinese character (or a closing `”` `）` `》`) and ends
the sentence: at the end of the paragraph, before a space, or before more Chinese text.

## Why is this bad
GB/T 15834-2011 4.1: the full stop of a Chinese sentence is `。`, which takes a full
character position. A Latin period is a typing or conversion slip and looks broken in print.

## Not reported
Numbering (`1.加强`, `一.` at the start of a paragraph is a numbering-style question, not a
full stop), decimals (`3.5%`), version numbers, URLs and e-mail addresses, file names
(`附件.docx`), ellipses (`...`, reported by other rules), and English sentences.
"#,
    zh: Doc {
        summary: "中文句子末尾用了英文句点“.”或全角句点“．”，应改为句号“。”。",
        explanation: r#"
## 检查什么
找出跟在汉字（或后引号、后括号、书名号“》”）之后、用来结束句子的英文句点“.”或全角句点“．”：它在段末，或后面是空格，或后面紧接着又是中文。

## 为什么要改
GB/T 15834-2011 4.1：中文句子末尾的句号是“。”，占一个字的位置。英文句点是输入或转换时的疏忽，印出来又小又偏，像缺了什么。

## 怎么改
把“.”或“．”改为“。”。这一修复是安全的，加“--fix”即可自动完成。

## 不报告的情况
序号（“1.加强”；段首的“一.”是序号写法问题，不是句末的句号）、小数（“3.5%”）、版本号、网址和电子邮箱、文件名（“附件.docx”）、省略号（“...”，由其他规则报告），以及英文句子。
"#,
    },
    bad: &[
        Example::fixed("今年4月，区行政审批局获“2020-2021中国智慧政务建设杰出项目”大奖."),
        Example::fixed("各项工作已经完成.下一步要抓好落实。"),
        Example::fixed("会议强调，要坚持以人民为中心（见附件）．"),
    ],
    good: &[
        "1.加强组织领导。",
        "全年经济增长3.5%，完成2.6万件。",
        "详见www.gov.cn/zhengce/index.htm。",
        "He said it was done. 工作已完成。",
        "请下载附件.docx文件。",
        "他说……",
    ],
    fix: Fixes::Safe,
    marks: Marks::chars(&['.', '．']),
    check: Check::Paragraph(check),
};

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    for (at, mark) in text.char_indices().filter(|&(_, c)| c == '.' || c == '．') {
        if paragraph.is_protected(at) || !is_sentence_stop(text, at, mark) {
            continue;
        }
        let kind = if mark == '.' { "ascii" } else { "fullwidth" };
        let finding = report.add(
            index,
            paragraph,
            at..at + mark.len_utf8(),
            crate::msg!("stray-period", mark = kind),
            crate::msg!("stray-period-help"),
        );
        finding.fix(
            paragraph,
            crate::msg!("stray-period-fix"),
            true,
            &[(at..at + mark.len_utf8(), "。")],
        );
    }
}

fn is_sentence_stop(text: &str, at: usize, mark: char) -> bool {
    let before = &text[..at];
    let after = &text[at + mark.len_utf8()..];
    let Some(prev) = before.chars().next_back() else {
        return false;
    };
    let next = after.chars().next();
    let chinese_before =
        is_han(prev) || matches!(prev, '”' | '’' | '）' | '》' | '」' | '』' | '〕' | '】');
    let ends_sentence = match next {
        None => true,
        Some(c) => is_space(c) || is_chinese(c) && !matches!(c, '．' | '…'),
    };
    chinese_before && ends_sentence && !is_numbering(before) && !is_chinese_domain(after)
}

/// `教育部.政务`, `中国政府网.政务`, `…基金会.公益`: the Chinese top-level domains that
/// government and public-interest bodies register, printed in the footer of every central
/// government site (`中文域名：…`). The domain ends the text or a word: `.中国人民` is a
/// full stop before a sentence.
fn is_chinese_domain(after: &str) -> bool {
    ["政务", "公益", "中国", "中國", "网络", "公司"]
        .iter()
        .any(|tld| {
            after
                .strip_prefix(tld)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !is_han(c)))
        })
}

/// `一.` or `十二．` at the start of a paragraph: a (badly styled) heading number.
fn is_numbering(before: &str) -> bool {
    let marker = before
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    !marker.is_empty()
        && marker.chars().nth(3).is_none()
        && marker
            .chars()
            .all(|c| "一二三四五六七八九十百零〇".contains(c))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("获“杰出项目”大奖.", "."),
            ("工作已经完成.下一步要抓好落实。", "."),
            ("（见附件）．", "．"),
            ("第一段结束. 第二句。", "."),
            ("共有10个单位.", "."),
            ("工作已经完成.中国人民大学参加。", "."),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "1.加强组织领导。",
            "一.总体要求",
            "（二）.",
            "全年经济增长3.5%，完成2.6万件。",
            "版本号为V2.0.1。",
            "详见www.gov.cn/zhengce/index.htm。",
            "邮箱：office@haimen.gov.cn。",
            "He said it was done. 工作已完成。",
            "请下载附件.docx文件。",
            "他说...",
            "国发〔2019〕5号",
            "时间：2021.05.20",
            "第3.2节规定。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
