//! `dash-form`: a Chinese dash written `--`, `－－`, `──`, a single `—` or three `———`.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::{CLOSING_MARKS, OPENING_MARKS, POINT_MARKS, is_chinese, is_han, is_space};
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "dash-form",
    severity: Severity::Warning,
    summary: "A dash written `--`, `－－`, `──`, `———` or a single `—` where `——` belongs.",
    explanation: r#"
## What it does
Finds a Chinese dash (破折号) written in another form than `——` (two U+2014):

- two ASCII hyphens `--`, two full-width hyphens `－－` or two box-drawing lines `──`
  between, before or after Chinese text (`巢穴──刘少奇`, `--我们要推动经济发展`);
- three em dashes `———` (`———抗击非典取得重大胜利。`: one dash too many);
- a single `—` that cannot be a connector because nothing stands on one side of it: at
  the start of a paragraph (`—2026年2月3日在…会议上`), after a point mark or opening quote
  (`他说：—`), or before a point mark or closing quote (`“我—”`).

## Why is this bad
GB/T 15834-2011 4.10: the dash is `——`, two em dashes taking two character positions,
drawn as one unbroken line. Hyphens, box-drawing lines and a single `—` print as a short,
broken or misplaced line; three dashes are a slip that prints a dash and a half.

The fix writes `——`. It is unsafe only where spaces stood around the mark, which the fix
also removes.

## Not reported
A single `—` between two words or numbers: that is the connector (连接号, GB/T 15834
4.13: the 一字线 in `中国—东盟`, `北京—上海`, `2020—2021年`, `5—10年`), and whether a
dash was meant there only the sense tells. Hyphens in numbers, ranges, dates, phone
numbers and codes (`2020-2021`, `2021--05`, `0513-12345678`), command-line options
(`--fix`), English text (`well--known`), file names, empty table cells and form fields
(`--`, `—` or `———` alone, `金额：--`), line art (`├──`), a single `－` (a minus sign),
four or more dashes (a blank to fill in), the double horizontal bar `――` (U+2015: the same
dash in an older GB 2312 mapping, printed alike), and the dash quoted as itself (`“—”`).

Three dashes are reported on purpose: `———` leading the items of a list
(`———抗击非典取得重大胜利。`) or inside a sentence (`统一的思想———毛泽东思想`) is the
dash with one `—` too many, not another mark; the standard has no three-dash form.
"#,
    zh: Doc {
        summary: "破折号写成了“--”“－－”“──”“———”或单个“—”，应写作“——”。",
        explanation: r#"
## 检查什么
找出写法不对的破折号（应为两个“—”连写的“——”）：
- 中文前后或中间的两个半角短横线“--”、两个全角短横线“－－”或两条制表线“──”（“巢穴──刘少奇”“--我们要推动经济发展”）；
- 三个“—”连写的“———”（“———抗击非典取得重大胜利。”多了一个）；
- 一侧什么也没有、不可能是连接号的单个“—”：在段首（“—2026年2月3日在……会议上”），在点号或前引号之后（“他说：—”），或在点号或后引号之前。

## 为什么要改
GB/T 15834-2011 4.10：破折号是“——”，占两个字的位置，印出来是一条不间断的长线。短横线、制表线和单个“—”印出来是短线、断线或位置不对；三个“—”则多出半截。

## 怎么改
改为“——”，加“--fix”即可自动完成。原来的符号两侧有空格时，修复会把空格一并删去，这时只给出建议（“--unsafe-fixes”）。

## 不报告的情况
两个词语或数字之间的单个“—”：那是连接号（GB/T 15834-2011 4.13的一字线，如“中国—东盟”“北京—上海”“2020—2021年”“5—10年”），是否本想写破折号，只有看句意才知道。数字、范围、日期、电话号码和代码中的连字符（“2020-2021”“2021--05”“0513-12345678”），命令行选项（--fix），英文（well--known），文件名，空表格和待填的栏目（单独的“--”“—”“———”，“金额：--”），制表线（“├──”），单个“－”（减号），四个及以上的“—”（待填的空），双横线“――”（U+2015，旧的GB 2312编码中的破折号，印出来一样），以及作为被引用对象的“—”。

三个“—”是有意报告的：标准中没有三个“—”的写法，列举各项时开头的“———”（“———抗击非典取得重大胜利。”）或句中的“———”（“统一的思想———毛泽东思想”）都是多打了一个“—”的破折号。
"#,
    },
    bad: &[
        Example::fixed("我们要推动经济发展再上新台阶--我们要加快转变经济发展方式。"),
        Example::fixed("直指修正主义集团的巢穴──刘少奇控制下的那个针插不进、水泼不进的独立王国。"),
        Example::fixed("———抗击非典取得重大胜利。"),
        Example::fixed("—2026年2月3日在上海市第十六届人民代表大会第四次会议上"),
        // Spaces around the mark: the fix removes them too, and is a suggestion.
        Example::fixed("我们要推动经济发展再上新台阶 -- 我们要加快转变经济发展方式。"),
    ],
    good: &[
        "——抗击非典取得重大胜利。",
        "全面融入中国—东盟自由贸易区3.0版建设，经过5—10年时间。",
        "区行政审批局获“2020-2021中国智慧政务建设杰出项目”大奖。",
        "运行 govlint check --fix 草稿.txt 即可。",
        "（本年度医疗收入－上一年度医疗收入）/上一年度医疗收入",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(DASHES),
    check: Check::Paragraph(check),
};

/// Marks that may stand for the dash when written wrongly.
const DASHES: &[char] = &['-', '－', '—', '─'];
const OPENING_QUOTES: &[char] = &['“', '‘', '「', '『'];
const CLOSING_QUOTES: &[char] = &['”', '’', '」', '』'];

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    let boxes = text.chars().filter(|&c| is_box(c)).count();
    for (run, mark) in dash_runs(text) {
        if paragraph.is_protected(run.start) {
            continue;
        }
        let count = text[run.clone()].chars().count();
        let found = match (mark, count) {
            ('-' | '－', 2) => typed_dash(text, &run),
            // Box-drawing characters elsewhere in the paragraph: a drawing, not prose.
            ('─', 2) if boxes == count => typed_dash(text, &run),
            ('—', 1) => lone_dash(text, &run),
            ('—', 3) => tripled_dash(text, &run),
            _ => None,
        };
        let Some(replaced) = found else { continue };
        let written = &text[run.clone()];
        let message = match (mark, count) {
            ('—', 1) => crate::msg!("dash-form-single"),
            ('—', _) => crate::msg!("dash-form-tripled"),
            _ => crate::msg!("dash-form", written = written),
        };
        let finding = report.add(
            index,
            paragraph,
            run.clone(),
            message,
            crate::msg!("dash-form-help"),
        );
        // Spaces around the mark go with it; only then is the fix worth a look.
        let safe = replaced == run;
        finding.fix(
            paragraph,
            crate::msg!("dash-form-fix"),
            safe,
            &[(replaced, "——")],
        );
    }
}

/// Maximal runs of one of the `DASHES`, with the mark; runs mixing marks are left out.
fn dash_runs(text: &str) -> Vec<(Range<usize>, char)> {
    let mut runs: Vec<(Range<usize>, Option<char>)> = Vec::new();
    for (at, c) in text.char_indices().filter(|&(_, c)| DASHES.contains(&c)) {
        match runs.last_mut() {
            Some((run, mark)) if run.end == at => {
                run.end = at + c.len_utf8();
                if *mark != Some(c) {
                    *mark = None;
                }
            }
            _ => runs.push((at..at + c.len_utf8(), Some(c))),
        }
    }
    runs.into_iter()
        .filter_map(|(run, mark)| Some((run, mark?)))
        .collect()
}

/// The neighbours of a run: the characters right beside it and the nearest ones that are
/// not spaces.
struct Sides {
    prev: Option<char>,
    next: Option<char>,
    prev_word: Option<char>,
    next_word: Option<char>,
    /// The run with the spaces around it.
    spaced: Range<usize>,
}

fn sides(text: &str, run: &Range<usize>) -> Sides {
    let before = &text[..run.start];
    let after = &text[run.end..];
    let before_word = before.trim_end_matches(is_space);
    let after_word = after.trim_start_matches(is_space);
    Sides {
        prev: before.chars().next_back(),
        next: after.chars().next(),
        prev_word: before_word.chars().next_back(),
        next_word: after_word.chars().next(),
        spaced: before_word.len()..text.len() - after_word.len(),
    }
}

/// Chinese text beside a dash: a Han character or a full-width mark other than a dash.
fn is_chinese_side(c: char) -> bool {
    is_chinese(c) && !DASHES.contains(&c)
}

/// `--`, `－－` or `──` standing for the dash: Chinese text (or the paragraph's start) before
/// it and Chinese text after it, nothing that makes it a range, an option or English.
/// Returns the range to replace.
fn typed_dash(text: &str, run: &Range<usize>) -> Option<Range<usize>> {
    let s = sides(text, run);
    let Some(next) = s.next_word else {
        // `…的基础--` ends the paragraph after a word; `金额：--` is an empty table cell.
        let after_word = s
            .prev_word
            .is_some_and(|c| is_han(c) || CLOSING_MARKS.contains(&c));
        return after_word.then_some(s.spaced);
    };
    if s.prev_word.is_some_and(is_alphanumeric) || next.is_ascii_alphabetic() {
        return None;
    }
    if is_digit(next) && !(s.prev_word.is_none() && is_year_subtitle(&text[run.end..])) {
        return None;
    }
    let left = s.prev_word.is_none_or(is_chinese_side);
    let right = is_chinese_side(next) || is_digit(next);
    let between_points =
        s.prev_word.is_some_and(|c| POINT_MARKS.contains(&c)) && POINT_MARKS.contains(&next);
    if !left || !right || between_points || in_file_name(text, run) {
        return None;
    }
    Some(s.spaced)
}

/// A single `—` with nothing to connect on one side. Between two words it is the
/// connector (GB/T 15834 4.13) and stays; so does an open range in brackets (`（1950年—）`).
fn lone_dash(text: &str, run: &Range<usize>) -> Option<Range<usize>> {
    let s = sides(text, run);
    let left_open = s
        .prev
        .is_none_or(|c| POINT_MARKS.contains(&c) || OPENING_QUOTES.contains(&c));
    let right_open = s
        .next
        .is_none_or(|c| POINT_MARKS.contains(&c) || CLOSING_QUOTES.contains(&c));
    let dash = match (left_open, right_open) {
        // `—我们要…`, `：—“`, `—2026年2月3日在…`, `— 我们要…` (a bullet)
        (true, false) => s.next.is_some_and(|c| {
            is_han(c)
                || OPENING_MARKS.contains(&c)
                || s.prev.is_none() && is_digit(c) && is_year_subtitle(&text[run.end..])
                || s.prev.is_none() && is_space(c) && s.next_word.is_some_and(is_han)
        }),
        // `我—”`, `我—。`
        (false, true) => s
            .prev
            .is_some_and(|c| is_han(c) || CLOSING_MARKS.contains(&c)),
        // Connector between words, or a mark standing alone (`“—”`, a table cell).
        _ => false,
    };
    dash.then_some(s.spaced)
}

/// `———`, a dash and a half; not beside numbers (a range) or Latin, nor standing alone,
/// after a mark at the end (`金额：———`) or between marks: an empty cell or form field.
fn tripled_dash(text: &str, run: &Range<usize>) -> Option<Range<usize>> {
    let s = sides(text, run);
    let word = |c: Option<char>| c.is_some_and(is_alphanumeric);
    let point = |c: Option<char>| c.is_some_and(|c| POINT_MARKS.contains(&c));
    let dash = match s.next {
        None => s
            .prev
            .is_some_and(|c| is_han(c) || CLOSING_MARKS.contains(&c)),
        Some(_) => {
            let range = word(s.prev) || word(s.next);
            let empty_field = point(s.prev) && point(s.next);
            !range && !empty_field
        }
    };
    dash.then(|| run.clone())
}

/// `—2026年2月3日在…`: a dated subtitle under a report's title.
fn is_year_subtitle(after: &str) -> bool {
    let digits = after.chars().take_while(|&c| is_digit(c)).count();
    digits == 4 && after.chars().nth(4) == Some('年')
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// `报告--终稿.docx`: the dashes are part of a file name.
fn in_file_name(text: &str, run: &Range<usize>) -> bool {
    let token: String = text[run.end..]
        .chars()
        .take_while(|&c| !is_space(c) && !POINT_MARKS.contains(&c) && !CLOSING_MARKS.contains(&c))
        // A file name is at most 255 characters: a longer stretch of text is not read to its
        // end for each dash in it.
        .take(FILE_NAME_CHARS + 1)
        .collect();
    token.chars().nth(FILE_NAME_CHARS).is_none()
        && token.rsplit_once('.').is_some_and(|(_, extension)| {
            (1..=5).contains(&extension.len())
                && extension.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

const FILE_NAME_CHARS: usize = 255;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_alphanumeric(c: char) -> bool {
    is_digit(c)
        || c.is_ascii_alphabetic()
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixed};

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("　　--我们要推动经济发展再上新台阶。", "--"),
            ("经济发展--我们要加快转变", "--"),
            ("他说：--“我们走。”", "--"),
            ("主要目标--“两个确保”", "--"),
            (
                "--2026年2月3日在上海市第十六届人民代表大会第四次会议上",
                "--",
            ),
            ("决定性意义的基础--", "--"),
            ("直指修正主义集团的巢穴──刘少奇", "──"),
            ("发展目标－－全面建成小康社会", "－－"),
            ("统一的思想———毛泽东思想", "———"),
            ("———抗击非典取得重大胜利。", "———"),
            ("—2026年2月3日在上海市第十六届人民代表大会第四次会议上", "—"),
            ("—我们要推动经济发展再上新台阶。", "—"),
            ("他说：—“我们走。”", "—"),
            ("“我—”他说不下去了。", "—"),
            ("我们的目标是—。", "—"),
            ("标题 -- 副标题", "--"),
            ("— 我们要推动经济发展再上新台阶。", "—"),
            ("-- 我们要推动经济发展再上新台阶。", "--"),
            ("统一的思想———", "———"),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "——抗击非典取得重大胜利。",
            "全面融入中国—东盟自由贸易区3.0版建设。",
            "经过5—10年左右时间，按60%—70%估算。",
            "2024年1月—2月，我国对外非金融类直接投资增长。",
            "马致远（1250？—1321），元代戏曲作家。",
            "中国（河南）—东盟粮农合作发展大会",
            "“一带一路”—“丝路电商”",
            "要建成一个有相当水平的工业— 农业国家。",
            "打通“研发—样品—商品—产业”演化路径",
            "区行政审批局获“2020-2021中国智慧政务建设杰出项目”大奖。",
            "时间：2020--2021年",
            "1997年10月--1998年2月",
            "咨询电话：0513--12345678",
            "发布日期：2021-05-20",
            "运行 govlint check --fix 草稿.txt 即可。",
            "这是well--known的做法。",
            "请下载附件报告--终稿.docx。",
            "（本年度医疗收入－上一年度医疗收入）/上一年度医疗收入",
            "温度为：—5℃",
            "--",
            "—",
            "———",
            "金额：--",
            "，--，",
            "把“—”改为“——”。",
            "├──总则",
            "│  └──第一章──总则",
            "————",
            "姓名：————",
            "――必须坚持把发展作为党执政兴国的第一要务。",
            "1997年10月――1998年2月",
            "详见http://www.gov.cn/a--b。",
            "GDP--国内生产总值",
            "1998———2000年",
            "[2]--2",
            "金额：———",
            "，———，",
            "— ",
            "— 2",
            "（1950年—）",
            "（—北京）",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn fixes_write_two_em_dashes() {
        assert_eq!(
            fixed(&super::RULE, "　　--我们要"),
            (true, "　　——我们要".into())
        );
        assert_eq!(
            fixed(&super::RULE, "巢穴──刘少奇"),
            (true, "巢穴——刘少奇".into())
        );
        assert_eq!(
            fixed(&super::RULE, "思想———毛泽东"),
            (true, "思想——毛泽东".into())
        );
        assert_eq!(
            fixed(&super::RULE, "—2026年2月3日"),
            (true, "——2026年2月3日".into())
        );
        assert_eq!(
            fixed(&super::RULE, "标题 -- 副标题"),
            (false, "标题——副标题".into())
        );
        assert_eq!(fixed(&super::RULE, "— 我们要"), (false, "——我们要".into()));
    }
}
