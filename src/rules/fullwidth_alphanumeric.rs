//! `fullwidth-alphanumeric`: full-width Latin letters and digits (`ＡＢＣ１２３`) in running text.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::chars_led_by;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "fullwidth-alphanumeric",
    severity: Severity::Warning,
    summary: "Full-width Latin letters or digits (`ＡＢＣ１２３`) where half-width ones belong.",
    explanation: r#"
## What it does
Finds full-width digits `０`–`９` and Latin letters `Ａ`–`Ｚ` `ａ`–`ｚ` (U+FF10–FF19,
U+FF21–FF3A, U+FF41–FF5A) and reports each run of them once: `１９８４年` is one finding,
and so is a whole number with a full-width decimal point or thousands separators
(`１１．２％`, `６３２，４４０，０００元`), which the fix turns into `11.2`, `632,440,000`.

A full-width `０` inside a number written in Chinese numerals (`二０一０年`, `二００一年`)
stands for a Chinese zero and is reported with the whole number: in a year the fix writes
`〇`, not `0`; elsewhere (`一百０八`) there is no fix, since a quantity takes `零`.

## Why is this bad
GB/T 15835-2011 5.1.7 (书写格式, 字体): Arabic digits in print are half-width. A
full-width digit or letter takes a whole Chinese character position, so numbers look
spaced out, sort and search differently from `1984`, and usually mean the
text was typed in a full-width input mode or converted by an old system. GB/T 15835-2011
5.2.5 (“零”和“〇”): the zero of a number used as a name, such as a year, is `〇`.

## Not reported
Half-width letters and digits, full-width punctuation (`，` `．` `％` are only folded when
they sit inside a full-width number), and URLs and e-mail addresses.
"#,
    zh: Doc {
        summary: "用了全角的字母或数字（“ＡＢＣ１２３”），应改为半角。",
        explanation: r#"
## 检查什么
找出全角数字“０”至“９”和全角拉丁字母“Ａ”至“Ｚ”、“ａ”至“ｚ”，连在一起的算一处：“１９８４年”是一处；带全角小数点或千位分隔符的整个数（“１１．２％”“６３２，４４０，０００元”）也是一处，修复后为“11.2”“632,440,000”。

夹在汉字数字中的全角“０”（“二０一０年”“二００一年”）本是想写汉字的零，与整个数一起报告：在年份中修复为“〇”而不是“0”；在其他地方（“一百０八”）不自动修复，因为表示数量的零应写“零”。

## 为什么要改
GB/T 15835-2011 5.1.7：出版物中的阿拉伯数字用半角。全角的数字或字母占一个汉字的位置，数字显得字距松散，排序和检索时与“1984”不同，而且通常说明文字是在全角输入状态下打的，或经过旧系统转换。GB/T 15835-2011 5.2.5：用作编号的数（如年份）中的零写作“〇”。

## 怎么改
改为半角，加“--fix”即可自动完成。

## 不报告的情况
半角字母和数字，全角标点（“，”“．”“％”只有夹在全角数字中时才一并改写），以及网址和电子邮箱。
"#,
    },
    bad: &[
        Example::fixed("１９８４年，国民经济持续增长。"),
        Example::fixed("粮食产量增长１１．２％，达到７，５００多万吨。"),
        Example::fixed("国内生产总值（ＧＤＰ）稳步增长。"),
        Example::fixed("到二０二０年力争比二０００年翻两番。"),
    ],
    good: &[
        "1984年，国民经济持续增长。",
        "粮食产量增长11.2％，达到7500多万吨。",
        "国内生产总值（GDP）稳步增长。",
        "到二〇二〇年力争比二〇〇〇年翻两番。",
    ],
    fix: Fixes::Safe,
    marks: Marks::Test(|paragraph| has_wide_alphanumeric(&paragraph.text)),
    check: Check::Paragraph(check),
};

/// A full-width digit `０`–`９`.
fn is_wide_digit(c: char) -> bool {
    ('\u{FF10}'..='\u{FF19}').contains(&c)
}

/// A full-width Latin letter `Ａ`–`Ｚ`, `ａ`–`ｚ`.
fn is_wide_letter(c: char) -> bool {
    ('\u{FF21}'..='\u{FF3A}').contains(&c) || ('\u{FF41}'..='\u{FF5A}').contains(&c)
}

fn is_wide_alphanumeric(c: char) -> bool {
    is_wide_digit(c) || is_wide_letter(c)
}

/// The half-width form of a full-width character (U+FF01–FF5E map to U+0021–007E).
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    }
}

/// Chinese numerals that make a neighbouring full-width `０` the zero `〇` of a Chinese
/// number (`二０一０年`).
fn is_chinese_numeral(c: char) -> bool {
    "一二三四五六七八九〇零".contains(c)
}

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    // End of the last Chinese-numeral number reported, whose other zeros are done.
    let mut numeral_end = 0;
    for run in wide_runs(text) {
        if paragraph.is_protected(run.start) || run.start < numeral_end {
            continue;
        }
        let mut run = run;
        // A heading number `１．` takes the half-width `.` too.
        if run.start == 0
            && text[run.clone()].chars().all(is_wide_digit)
            && text[run.end..].starts_with('．')
        {
            run.end += '．'.len_utf8();
        }
        let shown = &text[run.clone()];
        if let Some(number) = chinese_number(text, run.clone()) {
            numeral_end = number.end;
            let written = &text[number.clone()];
            let fixed = written.replace('０', "〇");
            let message = crate::msg!("fullwidth-alphanumeric-zero", written = written);
            if text[number.end..].starts_with('年') {
                let finding = report.add(
                    index,
                    paragraph,
                    number.clone(),
                    message,
                    crate::msg!("fullwidth-alphanumeric-year-help", fixed = &fixed),
                );
                finding.fix(
                    paragraph,
                    crate::msg!("fullwidth-alphanumeric-year-fix"),
                    true,
                    &[(number, &fixed)],
                );
            } else {
                // `一百０八` wants `零`, `一０五九` (a code) wants `〇`: the author decides.
                report.add(
                    index,
                    paragraph,
                    number,
                    message,
                    crate::msg!("fullwidth-alphanumeric-zero-help"),
                );
            }
            continue;
        }
        let half: String = shown.chars().map(narrow).collect();
        let letters = shown.chars().any(is_wide_letter);
        let digits = shown.chars().any(is_wide_digit);
        let kind = match (letters, digits) {
            (true, true) => "both",
            (true, false) => "letters",
            _ => "digits",
        };
        let finding = report.add(
            index,
            paragraph,
            run.clone(),
            crate::msg!("fullwidth-alphanumeric", kind = kind, written = shown),
            crate::msg!("fullwidth-alphanumeric-help", half = &half),
        );
        finding.fix(
            paragraph,
            crate::msg!("fullwidth-alphanumeric-fix"),
            true,
            &[(run, &half)],
        );
    }
}

/// The number in Chinese numerals around a run of full-width `０` (`二０一０`), if the run
/// is one.
fn chinese_number(text: &str, run: Range<usize>) -> Option<Range<usize>> {
    let is_part = |c: char| c == '０' || is_chinese_numeral(c) || "十百千万亿两".contains(c);
    if !text[run.clone()].chars().all(|c| c == '０') {
        return None;
    }
    let start = text[..run.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_part(c))
        .last()
        .map_or(run.start, |(at, _)| at);
    let end = run.end
        + text[run.end..]
            .chars()
            .take_while(|&c| is_part(c))
            .map(char::len_utf8)
            .sum::<usize>();
    let number = start..end;
    (number != run).then_some(number)
}

/// Whether `text` holds a full-width letter or digit (all encoded from 0xEF).
fn has_wide_alphanumeric(text: &str) -> bool {
    chars_led_by(text, 0xEF).any(is_wide_alphanumeric)
}

/// Runs of full-width letters and digits, each extended over the full-width decimal point
/// (`１１．２`) and thousands separators (`７，５００`) of a full-width number.
fn wide_runs(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_wide_alphanumeric(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        // Where the current digit group starts, and whether a separator was crossed.
        let mut group_start = i;
        let mut grouped = false;
        let mut decimal = false;
        loop {
            while at(i).is_some_and(is_wide_alphanumeric) {
                i += 1;
            }
            let group = &chars[group_start..i];
            let all_digits = group.iter().all(|&(_, c)| is_wide_digit(c));
            let following = wide_digits_at(&chars, i + 1);
            match at(i) {
                Some('．') if !decimal && at(i - 1).is_some_and(is_wide_digit) && following > 0 => {
                    decimal = true;
                }
                Some('，')
                    if !decimal
                        && all_digits
                        && following == 3
                        && if grouped {
                            group.len() == 3
                        } else {
                            (1..=3).contains(&group.len())
                        } =>
                {
                    grouped = true;
                }
                _ => break,
            }
            i += 1;
            group_start = i;
        }
        let end = chars.get(i).map_or(text.len(), |&(at, _)| at);
        runs.push(chars[start].0..end);
    }
    runs
}

/// How many full-width digits follow from char index `from`, when they end the number
/// (no letter or further digit run on).
fn wide_digits_at(chars: &[(usize, char)], from: usize) -> usize {
    let digits = chars
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&(_, c)| is_wide_digit(c))
        .count();
    match chars.get(from + digits) {
        Some(&(_, c)) if is_wide_letter(c) => 0,
        _ => digits,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("　　１９８４年，国民经济持续增长。", vec!["１９８４"]),
            (
                "从１９５３年到１９７８年的二十六年",
                vec!["１９５３", "１９７８"],
            ),
            (
                "平均每年增长１１．２％，１９８４年增长１３．",
                vec!["１１．２", "１９８４", "１３"],
            ),
            (
                "企业收入为６３２，４４０，０００元",
                vec!["６３２，４４０，０００"],
            ),
            ("农户已经达到７，５００多万户", vec!["７，５００"]),
            ("１９７９，１９８０两年", vec!["１９７９", "１９８０"]),
            ("５，６两项", vec!["５", "６"]),
            ("１２，３４５６", vec!["１２", "３４５６"]),
            ("（４）对全国科技", vec!["４"]),
            ("１．总吨位30", vec!["１．"]),
            ("适用本项第１目的规定", vec!["１"]),
            ("国内生产总值（ＧＤＰ）", vec!["ＧＤＰ"]),
            ("栾ｆú同志", vec!["ｆ"]),
            ("ＡＢＣ１２３", vec!["ＡＢＣ１２３"]),
            ("到二０二０年力争", vec!["二０二０"]),
            ("努力办好二００八年奥运会", vec!["二００八"]),
            ("从二０一０年到二０二０年", vec!["二０一０", "二０二０"]),
            ("一百０八将", vec!["一百０八"]),
            ("国发〔１９９８〕５号", vec!["１９９８", "５"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "1984年，国民经济持续增长。",
            "增长11.2％，达到7,500多万户。",
            "二〇二〇年，全面建成小康社会。",
            "（一）加强组织领导，（二）完善制度。",
            "全角标点，。；：？！“”（）％不在此列。",
            "详见http://www.gov.cn/。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fixes_to_half_width_and_chinese_zero() {
        use crate::document::source::Source;
        use crate::document::{Document, Format};
        use crate::rules::check_document;
        for (text, replacements) in [
            ("增长１１．２％", vec!["11.2"]),
            ("收入６３２，４４０，０００元", vec!["632,440,000"]),
            ("ＧＤＰ增长", vec!["GDP"]),
            ("１２．加强监管", vec!["12."]),
            ("二０一０年", vec!["二〇一〇"]),
        ] {
            let document = Document::new(Source::new("t.txt", text.into()), Format::PlainText);
            let found: Vec<String> = check_document(&super::RULE, &document, 0)
                .into_iter()
                .map(|d| {
                    let fix = d.fix.expect("has a fix");
                    assert!(fix.safe);
                    fix.edits[0].replacement.clone()
                })
                .collect();
            assert_eq!(found, replacements, "{text}");
        }
        // A zero in a quantity wants `零`, not `〇`: no fix.
        let document = Document::new(
            Source::new("t.txt", "共一百０八将。".into()),
            Format::PlainText,
        );
        let found = check_document(&super::RULE, &document, 0);
        assert!(found.len() == 1 && found[0].fix.is_none());
    }
}
