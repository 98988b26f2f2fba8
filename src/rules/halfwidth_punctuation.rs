//! `halfwidth-punctuation`: ASCII `, ; : ! ? ( )` inside Chinese text.

use super::lost_character::is_lost_character;
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::Document;
use crate::report::diagnostic::Severity;
use crate::text::{chars_led_by, is_chinese, is_han, is_space};
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "halfwidth-punctuation",
    severity: Severity::Warning,
    summary: "ASCII `,` `;` `:` `!` `?` `(` `)` used in Chinese text where the full-width mark belongs.",
    explanation: r#"
## What it does
Finds ASCII punctuation that belongs to Chinese text: `,` `;` `:` `!` `?` written right after
a Chinese character or full-width mark (`近年来,海门`, `来源: 海门`), a `,` or `;` right
before one (`增长3.5%,全年`), and `(` `)` around text that contains Chinese (`县(市)`,
`(一)`).

## Why is this bad
GB/T 15834-2011 5.1: in Chinese text every point mark takes one full character position:
`，` `；` `：` `！` `？` `（` `）`. Half-width marks crowd the next character, and often mean
the text went through a conversion that folded full-width punctuation to ASCII.

## Not reported
Numbers (`1,000`, `10:30`, `3:1`), URLs and e-mail addresses, English text, brackets
around Latin or digits only (`(GDP)`, `(1)`), list markers (`1)`), and a `?` that
`lost-character` reports.

The fix writes the full-width mark, and deletes the spaces typed after it when Chinese text
follows (`来源: 海门` becomes `来源：海门`): a full-width mark has its own spacing.
"#,
    zh: Doc {
        summary: "中文里用了英文（半角）标点“,”“;”“:”“!”“?”“(”“)”，应改为相应的中文全角标点。",
        explanation: r#"
## 检查什么
找出用在中文里的英文标点：紧跟在汉字或全角标点之后的“,”“;”“:”“!”“?”（“近年来,海门”“来源: 海门”），紧挨在汉字之前的“,”或“;”（“增长3.5%,全年”），以及括住的内容含有汉字的“(”“)”（“县(市)”“(一)”）。

## 为什么要改
GB/T 15834-2011 5.1：中文里的标点符号都占一个字的位置，应使用全角的逗号“，”、分号“；”、冒号“：”、叹号“！”、问号“？”和括号“（）”。半角标点会挤住后面的字，往往说明文本经过转换，中文标点被改成了英文标点。

## 怎么改
改为相应的全角标点，加“--fix”即可自动完成。标点后面打了空格、接着是中文的，空格一并删去（“来源: 海门”改为“来源：海门”），因为全角标点本身已占一个字的位置。

## 不报告的情况
数字（“1,000”“10:30”“3:1”）、网址和电子邮箱、英文句子、只括住字母或数字的括号（“(GDP)”“(1)”）、序号（“1)”），以及由“lost-character”报告的“?”。
"#,
    },
    bad: &[
        Example::fixed("近年来,海门区委区政府聚焦高质量发展主题;坚持新发展理念。"),
        Example::fixed("来源: 海门区委政法委"),
        Example::fixed("获评“全省法治政府建设示范县(市)”。"),
        Example::fixed("全年增长3.5%,就业稳定。"),
    ],
    good: &[
        "近年来，海门区委区政府聚焦高质量发展主题。",
        "会议于10:30召开，比分3:1，金额1,000元。",
        "国内生产总值(GDP)增长5%，见第(1)项。",
        "This is an English sentence, with commas; and colons: fine.",
        "详见https://www.gov.cn/a,b;c:d。",
    ],
    fix: Fixes::Safe,
    marks: Marks::chars(&['(', ')', '（', '）', ',', ';', ':', '!', '?']),
    check: Check::Document(check),
};

/// How often the document writes a full-width mark: a half-width slip in a document that
/// otherwise writes `，` sixty times is said to disagree with the document's own style.
fn full_width_uses(document: &Document) -> impl Fn(char) -> usize {
    let mut counts = [0usize; 7];
    for paragraph in &document.paragraphs {
        // The full-width marks are all in U+FF00–U+FFEF, encoded from 0xEF.
        for i in chars_led_by(&paragraph.text, 0xEF).filter_map(mark_index) {
            counts[i] += 1;
        }
    }
    move |mark| mark_index(mark).map_or(0, |i| counts[i])
}

/// How many times the document writes each ASCII mark. Every one counts, numbers and URLs
/// too: an over-count only keeps the remark for documents whose habit is clear.
fn ascii_uses(document: &Document) -> [usize; 7] {
    let mut ascii = [0usize; 7];
    for paragraph in &document.paragraphs {
        // ASCII marks are single bytes, never part of a longer character.
        for byte in paragraph.text.bytes().filter(u8::is_ascii_punctuation) {
            if let Some(i) = mark_index(char::from(byte)) {
                ascii[i] += 1;
            }
        }
    }
    ascii
}

/// The index of a mark among `,;:!?()` and among their full-width forms `，；：！？（）`.
fn mark_index(c: char) -> Option<usize> {
    match c {
        ',' | '，' => Some(0),
        ';' | '；' => Some(1),
        ':' | '：' => Some(2),
        '!' | '！' => Some(3),
        '?' | '？' => Some(4),
        '(' | '（' => Some(5),
        ')' | '）' => Some(6),
        _ => None,
    }
}

/// Half-width slips rare enough against the document's full-width habit to stand out.
const STYLE_RATIO: usize = 10;

const PARENTHESES: &[char] = &['(', ')', '（', '）'];
const POINT_MARKS: &[char] = &[',', ';', ':', '!', '?'];

fn check(document: &Document, report: &mut Report) {
    // The document's habits are counted once a finding's message needs them: most
    // documents have no finding.
    let habits = std::cell::OnceCell::new();
    let style = |mark: char| {
        let (uses, ascii) =
            habits.get_or_init(|| (full_width_uses(document), ascii_uses(document)));
        let full = uses(mark);
        let slips = mark_index(mark).map_or(0, |i| ascii[i]);
        // The document's own habit, when it has one, is the strongest argument for the mark.
        (full >= STYLE_RATIO && slips * STYLE_RATIO <= full).then_some(full)
    };
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        let text = &paragraph.text;
        // Both kinds of findings are at half-width marks, which most paragraphs lack.
        let has_parenthesis = report.may_contain_any(paragraph, PARENTHESES);
        let has_point_mark = report.may_contain_any(paragraph, POINT_MARKS);
        if !has_parenthesis && !has_point_mark {
            continue;
        }
        // Spans only: the messages are written as the findings are reported (a paragraph
        // may hold a million marks, and the report keeps the first `MAX_FINDINGS`).
        let mut found: Vec<Range<usize>> = Vec::new();
        if has_parenthesis {
            found.extend(
                chinese_parentheses(text)
                    .into_iter()
                    .filter(|span| !paragraph.is_protected(span.start)),
            );
        }
        if has_point_mark {
            found.extend(point_marks(paragraph).into_iter().map(|at| at..at + 1));
        }
        found.sort_by_key(|span| span.start);
        for span in found {
            let (message, help) = if span.len() == 1 {
                let mark = char::from(text.as_bytes()[span.start]);
                let message = match style(mark) {
                    Some(count) => crate::msg!(
                        "halfwidth-punctuation-habit",
                        name = mark_name(mark),
                        mark = mark,
                        full = full_width(mark),
                        count = count
                    ),
                    None => {
                        crate::msg!("halfwidth-punctuation", name = mark_name(mark), mark = mark)
                    }
                };
                (
                    message,
                    crate::msg!("halfwidth-punctuation-help", full = full_width(mark)),
                )
            } else {
                let message = match style('(') {
                    Some(count) => {
                        crate::msg!("halfwidth-punctuation-parentheses-habit", count = count)
                    }
                    None => crate::msg!("halfwidth-punctuation-parentheses"),
                };
                (
                    message,
                    crate::msg!("halfwidth-punctuation-parentheses-help"),
                )
            };
            let edits: Vec<(Range<usize>, String)> = text[span.clone()]
                .char_indices()
                .filter(|&(_, c)| matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')'))
                .filter(|&(i, _)| i == 0 || i + 1 == span.len())
                .map(|(i, c)| {
                    let at = span.start + i;
                    (
                        at..at + 1 + space_after(text, at + 1, c),
                        full_width(c).to_string(),
                    )
                })
                .collect();
            let finding = report.add(index, paragraph, span, message, help);
            let edits: Vec<(Range<usize>, &str)> =
                edits.iter().map(|(r, s)| (r.clone(), s.as_str())).collect();
            finding.fix(
                paragraph,
                crate::msg!("halfwidth-punctuation-fix"),
                true,
                &edits,
            );
        }
    }
}

/// The ASCII spaces after a point mark at `at` that go with it when it becomes full-width,
/// in bytes: a full-width mark has its own spacing, and `来源: 海门` would otherwise become
/// `来源： 海门`. Only before Chinese text: a space before Latin text or a digit may be meant.
fn space_after(text: &str, at: usize, mark: char) -> usize {
    if matches!(mark, '(' | ')') {
        return 0;
    }
    let rest = &text[at..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let next = rest[spaces..].chars().next();
    if spaces > 0 && next.is_some_and(is_chinese) {
        spaces
    } else {
        0
    }
}

/// The ASCII point marks of a paragraph that are slips for Chinese ones, as byte offsets.
///
/// A mark next to one that is a slip is judged as it will read once that one is fixed:
/// in `中:::` the second colon follows `：` after the fix, and so is a slip too; in
/// `;;;、` the last semicolon comes before `、`, and each before it before a `；`. Such runs
/// are settled here, mark by mark along the run (each mark reported once, each report
/// looking again at its two neighbours), so that one `--fix` fixes the whole run rather
/// than one mark per round.
fn point_marks(paragraph: &crate::document::Paragraph) -> Vec<usize> {
    let text = &paragraph.text;
    // ASCII marks are single bytes, never part of a longer character.
    let marks: Vec<(usize, char)> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b',' | b';' | b':' | b'!' | b'?'))
        .map(|(at, b)| (at, char::from(b)))
        .collect();
    let open: Vec<bool> = marks
        .iter()
        .map(|&(at, _)| !paragraph.is_protected(at))
        .collect();
    let mut reported: Vec<bool> = marks
        .iter()
        .zip(&open)
        .map(|(&(at, mark), &open)| open && is_chinese_point_mark(text, at, mark))
        .collect();
    // Marks are one byte: neighbours in a run are one byte apart.
    let joined = |k: usize, l: usize| marks[l].0 == marks[k].0 + 1;
    let mut pending: Vec<usize> = (0..marks.len()).filter(|&k| reported[k]).collect();
    let neighbours = |k: usize, pending: &mut Vec<usize>| {
        if k > 0 && joined(k - 1, k) {
            pending.push(k - 1);
        }
        if k + 1 < marks.len() && joined(k, k + 1) {
            pending.push(k + 1);
        }
    };
    let mut queue: Vec<usize> = Vec::new();
    for k in pending.drain(..) {
        neighbours(k, &mut queue);
    }
    while let Some(k) = queue.pop() {
        if reported[k] || !open[k] {
            continue;
        }
        // The neighbours as they will read: a reported mark full-width.
        let read = |l: usize| {
            let (_, mark) = marks[l];
            if reported[l] { full_width(mark) } else { mark }
        };
        let (at, mark) = marks[k];
        let prev = if k > 0 && joined(k - 1, k) {
            Some(read(k - 1))
        } else {
            text[..at].chars().next_back()
        };
        let next = if k + 1 < marks.len() && joined(k, k + 1) {
            Some(read(k + 1))
        } else {
            text[at + 1..].chars().next()
        };
        if is_slip_between(text, at, mark, prev, next) {
            reported[k] = true;
            neighbours(k, &mut queue);
        }
    }
    marks
        .iter()
        .zip(reported)
        .filter_map(|(&(at, _), reported)| reported.then_some(at))
        .collect()
}

/// `is_chinese_point_mark` with the characters beside the mark given: the mark after a
/// mark that is fixed, or before one. A `?` whose neighbour is a mark is never a clause
/// with a question word before it, so only the lost-character test on its neighbours
/// remains.
fn is_slip_between(
    text: &str,
    at: usize,
    mark: char,
    prev: Option<char>,
    next: Option<char>,
) -> bool {
    let chinese_before = prev.is_some_and(is_chinese);
    match mark {
        ',' | ';' => {
            let digit_group = prev.is_some_and(|c| c.is_ascii_digit())
                && next.is_some_and(|c| c.is_ascii_digit());
            chinese_before
                || next.is_some_and(is_chinese)
                    && prev.is_some_and(|c| !is_space(c))
                    && !digit_group
        }
        '?' if prev.is_some_and(is_han) => is_chinese_point_mark(text, at, mark),
        '?' => {
            let after = text[at + 1 + run_after(text, at)..].chars().next();
            let lost = after.is_some_and(|c| is_han(c) || c.is_ascii_digit())
                && prev.is_some_and(|c| {
                    matches!(c, '、' | '，' | '“' | '‘' | '《' | '（' | '：' | '·')
                });
            chinese_before && !lost
        }
        _ => chinese_before,
    }
}

/// The mark's name, a selector of the catalog's message.
fn mark_name(mark: char) -> &'static str {
    match mark {
        ',' => "comma",
        ';' => "semicolon",
        ':' => "colon",
        '!' => "exclamation",
        _ => "question",
    }
}

pub fn full_width(mark: char) -> char {
    match mark {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

fn is_chinese_point_mark(text: &str, at: usize, mark: char) -> bool {
    let prev = text[..at].chars().next_back();
    let next = text[at + 1..].chars().next();
    let chinese_before = prev.is_some_and(is_chinese);
    match mark {
        '?' => chinese_before && !is_lost_character(text, at..at + 1 + run_after(text, at)),
        ',' | ';' => {
            let chinese_after = next.is_some_and(is_chinese);
            let before_is_word = prev.is_some_and(|c| !is_space(c));
            chinese_before || (chinese_after && before_is_word && !is_digit_group(text, at))
        }
        _ => chinese_before,
    }
}

fn run_after(text: &str, at: usize) -> usize {
    text[at + 1..].chars().take_while(|&c| c == '?').count()
}

/// `1,000` style digit grouping.
fn is_digit_group(text: &str, at: usize) -> bool {
    let prev = text[..at].chars().next_back();
    let next = text[at + 1..].chars().next();
    prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit())
}

/// ASCII parentheses around text containing Chinese: a matched pair as one span from `(`
/// to `)`, a lone ASCII half of a mixed pair (`（市)`), or an unpaired one beside a Han
/// character.
fn chinese_parentheses(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // Open marks, each with whether a Han character has come since (nested pairs pass it
    // on to the pair around them, so nothing is scanned twice).
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' | '（' => open.push((at, false)),
            _ if is_han(c) => {
                if let Some(top) = open.last_mut() {
                    top.1 = true;
                }
            }
            ')' | '）' => match open.pop() {
                Some((start, has_han)) => {
                    if has_han && let Some(outer) = open.last_mut() {
                        outer.1 = true;
                    }
                    let ascii_open = text[start..].starts_with('(');
                    if !has_han {
                        continue;
                    }
                    match (ascii_open, c == ')') {
                        (true, true) => found.push(start..at + 1),
                        (true, false) => found.push(start..start + 1),
                        (false, true) => found.push(at..at + 1),
                        (false, false) => {}
                    }
                }
                None => {
                    if c == ')' && text[..at].chars().next_back().is_some_and(is_han) {
                        found.push(at..at + 1);
                    }
                }
            },
            _ => {}
        }
    }
    for (start, _) in open {
        if text[start..].starts_with('(') && text[start + 1..].chars().next().is_some_and(is_han) {
            found.push(start..start + 1);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("近年来,海门", vec![","]),
            ("聚焦主题;坚持理念", vec![";"]),
            ("来源: 海门区委政法委", vec![":"]),
            ("发布时间:2021-05-20", vec![":"]),
            ("示范县(市)", vec!["(市)"]),
            ("(一)加强领导", vec!["(一)"]),
            ("示范县（市)", vec![")"]),
            ("增长3.5%,就业稳定", vec![","]),
            ("“先手棋”,荣获", vec![","]),
            ("太好了!", vec!["!"]),
            ("你们准备好了吗?我们出发。", vec!["?"]),
            ("（以下简称条例)", vec![")"]),
            ("海门区镇(街道开展", vec!["("]),
            ("完成了:;!工作", vec![":", ";", "!"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    /// A space typed after the ASCII mark goes with it before Chinese text (a full-width mark
    /// has its own spacing), and stays before Latin text and digits.
    #[test]
    fn the_space_after_a_mark_goes_with_it_before_chinese_text() {
        use crate::rules::testing::fixed;
        for (text, expected) in [
            ("来源: 海门区委政法委", "来源：海门区委政法委"),
            (
                "近年来,  海门区委区政府聚焦发展。",
                "近年来，海门区委区政府聚焦发展。",
            ),
            (
                "他说: “要坚持以人民为中心。”",
                "他说：“要坚持以人民为中心。”",
            ),
            ("执行标准: GB/T 15834", "执行标准： GB/T 15834"),
            (
                "近年来,海门区委区政府聚焦发展。",
                "近年来，海门区委区政府聚焦发展。",
            ),
        ] {
            assert_eq!(fixed(&super::RULE, text), (true, expected.to_string()));
        }
    }

    /// Found by fuzzing: `〉` and a long run of `:` took one round of `--fix` per colon, so
    /// ten rounds left colons to fix (and a second `--fix` changed the file again); so did
    /// a run of `;` before `、`, from its end.
    #[test]
    fn a_run_of_marks_is_fixed_in_one_round() {
        let rules: Vec<&crate::rules::RuleInfo> = crate::rules::RULES.to_vec();
        for (text, expected) in [
            (
                format!("书名〉{}正文", ":".repeat(40)),
                format!("书名〉{}正文", "：".repeat(40)),
            ),
            (
                format!("事业单位{}、社会团体", ";".repeat(40)),
                format!("事业单位{}、社会团体", "；".repeat(40)),
            ),
            (
                format!("NUL\0{}、社会团体", ";".repeat(40)),
                format!("NUL\0{}、社会团体", "；".repeat(40)),
            ),
            // The last `?` comes between `：` and a Han character: a lost character.
            (
                format!("中{}文", ":?".repeat(30)),
                format!("中{}：?文", "：？".repeat(29)),
            ),
        ] {
            let (fixed, _) = crate::fix::converge("a.txt", &text, &[], &rules, false);
            assert_eq!(fixed, expected);
            let (again, _) = crate::fix::converge("a.txt", &fixed, &[], &rules, false);
            assert_eq!(again, fixed);
        }
    }

    #[test]
    fn a_slip_against_the_document_style_says_so() {
        let text = format!(
            "{}\n调整农业结构,必须坚持以市场需求为导向。\n",
            "各地区各部门，要加强领导。".repeat(12)
        );
        let document = crate::document::Document::new(
            crate::document::source::Source::new("a.txt", text),
            crate::document::Format::PlainText,
        );
        let found = crate::rules::check_document(&super::RULE, &document, 0);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message.english(),
            "half-width comma `,` in Chinese text, where this document writes `，` 12 times"
        );
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "会议于10:30召开，比分3:1，金额1,000元。",
            "国内生产总值(GDP)增长5%，见第(1)项。",
            "1)加强组织领导",
            "This is an English sentence, with commas; and colons: fine!",
            "详见https://www.gov.cn/a,b;c:d。",
            "联系邮箱：a,b@gov.cn",
            "美好生活?法典相伴",
            "京ICP备05070218号",
            "Hello, 世界",
            "2020年1月1日",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
