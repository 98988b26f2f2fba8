//! `date-form`: dates whose year is cut to two numerals (`18年8月1日`), months and days
//! padded with a zero (`2024年01月05日`), and documents that write dates in more than one
//! of the forms `2024年1月5日`, `2024.1.5` and `2024/1/5`.

use super::years::{
    MONTH_MARK, Style, YEAR_MARK, chinese_digit, digit_value, in_title, is_broken_title, is_digit,
    short_year_before, title_marks, year_before,
};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "date-form",
    severity: Severity::Warning,
    summary: "Dates with the year cut to two numerals (`18年8月1日`), months and days padded \
              with a zero (`2024年01月05日`), and dates written both as `2024年1月5日` and as \
              `2024.1.5` or `2024/1/5` in one document.",
    explanation: r#"
## What it does
Reports three faults of dates in running text and in the date that signs a document
(成文日期):

1. A year cut to its last two numerals where it is a date: followed by a month
   (`18年8月1日`, `24年1月`, `19年四月份`, `九八年三月`), or beginning with a zero
   (`08年奥运会`), which no count of years does.
2. A month or day written with a leading zero in the `年月日` form: `2024年01月05日`,
   `1月05日`. The fix deletes the zeros (`2024年1月5日`); it is safe.
3. A document that writes full dates in more than one of the forms `2024年1月5日`,
   `2024.1.5` and `2024/1/5`. It is reported once, at the first date not written the
   document's most common way, with the counts.

## Why is this bad
GB/T 9704-2012 (党政机关公文格式), on the date that signs a document: the year, month
and day are written in full in Arabic digits, the year in full, and months and days
without a padding zero (`1` is not written `01`). GB/T 15835-1995 5.1.1.1: the year is
not shortened (`1990年` is not written `90年` or `九〇年`). The hyphen form of
GB/T 7408 (`2008-08-08`) is the one numeric form GB/T 15835-2011 admits; `2024.1.5`
and `2024/1/5` are not forms of that standard, and a document that mixes them with
`2024年1月5日` reads as assembled from several sources.

## Not reported
- Counts of years: `20年`, `24年来`, `30年试点`, `连续19年推进`, `第18年`, decades
  (`90年代`, `00年代`).
- ISO dates (`2021-05-20`, `发布时间：2021-05-20 09:02:33`): GB/T 15835-2011 allows
  them, and web pages print them in their chrome; they are never counted in a mix.
- Dates inside `《》`: titles are quoted as published.
- Version and section numbers (`1.5.2`, `3.1.2`), decimals (`2024.15`), numbers run into
  letters or more dots (`v2024.1.5`, `2001.5.5.1`), URLs, and the leading zeros of
  ISO dates and of times (`07时41分`).
- Years written in Chinese numerals and Arabic digits in one document, and zeros of
  Chinese-numeral years written `○` `O` `0` or `零` (`二0一0年`): `mixed-number` reports those, and a
  date in Chinese numerals (`二〇二四年一月五日`) counts here as the `年月日` form.

No fix for shortened years (the century is the author's to say) nor for a mix of forms.
"#,
    zh: Doc {
        summary: "日期年份简写为两位（“18年8月1日”），月、日前面补“0”（“2024年01月05日”），以及同一文档中的日期既写成“2024年1月5日”又写成“2024.1.5”或“2024/1/5”。",
        explanation: r#"
## 检查什么
报告正文和成文日期中日期书写的三种问题：

1. 年份只写了后两位，而且确实是日期：后面跟着月份（“18年8月1日”“24年1月”“19年四月份”“九八年三月”），或者以零开头（“08年奥运会”），表示年数时不会这样写。
2. “年月日”写法中的月、日前面补了“0”：“2024年01月05日”“1月05日”。修复时删去补的“0”（“2024年1月5日”），加“--fix”即可自动修复。
3. 同一文档中的完整日期混用“2024年1月5日”“2024.1.5”“2024/1/5”几种写法。整篇只报告一次，位置在第一个不按本文最常用写法书写的日期处，并给出各写法出现的次数。

## 为什么要改
GB/T 9704-2012《党政机关公文格式》对成文日期的要求：用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。GB/T 15835-1995 5.1.1.1：年份一般不用简写，“1990年”不应简作“90年”或“九〇年”。GB/T 15835-2011只允许按GB/T 7408用短横线的全数字写法（“2008-08-08”），“2024.1.5”“2024/1/5”都不是标准写法；同一篇文章中与“2024年1月5日”混用，读起来像是从不同来源拼凑的。

## 不报告的情况
- 表示年数的“20年”“24年来”“30年试点”“连续19年推进”“第18年”，以及年代（“90年代”“00年代”）。
- ISO格式的日期（“2021-05-20”“发布时间：2021-05-20 09:02:33”）：GB/T 15835-2011允许这种写法，网页的发布信息也常这样印，不计入写法混用。
- 书名号中的日期：书名按原样引用。
- 版本号和章节号（“1.5.2”“3.1.2”）、小数（“2024.15”）、与字母相连或后面还有小数点的数（“v2024.1.5”“2001.5.5.1”）、网址，以及ISO日期和时刻中的“0”（“07时41分”）。
- 同一文档中年份混用汉字数字和阿拉伯数字、汉字年份中的零写成“○”“O”“0”“零”（“二0一0年”）：由“mixed-number”报告；汉字数字的日期（“二〇二四年一月五日”）在这里算作“年月日”写法。

简写的年份不自动修复（年份前两位只有作者知道），日期写法混用也不自动修复。
"#,
    },
    bad: &[
        Example::corrected(
            "我在18年8月1日入职了一家北京的公司。",
            "我在2018年8月1日入职了一家北京的公司。",
        ),
        Example::fixed("2026年02月10日 07时41分"),
        Example::corrected(
            "2024年1月5日召开会议。\n2024年2月1日印发通知。\n2024.3.1起施行。",
            "2024年1月5日召开会议。\n2024年2月1日印发通知。\n2024年3月1日起施行。",
        ),
    ],
    good: &[
        "2024年1月5日召开会议，1月10日前报送。",
        "连续19年推进科技特派员工作，近20年来，20世纪90年代。",
        "发布时间：2021-05-20 09:02:33\n2021年5月20日召开会议。",
        "升级到1.5.2版，见第3.1.2节，增长2024.15万元。",
    ],
    fix: Fixes::Safe,
    marks: Marks::chars(&MARKS),
    check: Check::Document(check),
};

/// Digits, and the `年` of a date in Chinese numerals.
const MARKS: [char; 21] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '年',
];

fn check(document: &Document, report: &mut Report) {
    let paragraphs = &document.paragraphs;
    let mut dates: Vec<Date> = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if !report.may_contain_any(paragraph, &MARKS) {
            continue;
        }
        let marks = title_marks(&paragraph.text);
        let broken = is_broken_title(paragraphs, index);
        let quoted = |at: usize| in_title(&marks, at, broken) || paragraph.is_protected(at);
        let reported = short_years(index, paragraph, &quoted, report);
        padded_dates(index, paragraph, &quoted, &reported, report);
        dates.extend(
            written_dates(index, &paragraph.text)
                .into_iter()
                .filter(|date| !quoted(date.range.start)),
        );
    }
    mixed_forms(document, &dates, report);
}

// --- numbers of months and days --------------------------------------------------------

/// One or two Arabic digits opening `text` (not three): their value and length in bytes.
fn arabic_number(text: &str) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for (count, c) in text.chars().enumerate() {
        match digit_value(c) {
            Some(_) if count == 2 => return None,
            Some(d) => {
                value = value * 10 + d;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (len > 0).then_some((value, len))
}

/// A Chinese number from 1 to 39 opening `text` (`五`, `十二`, `二十一`): its value and
/// length in bytes.
fn chinese_number(text: &str) -> Option<(u32, usize)> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let taken: Vec<char> = text.chars().take_while(|&c| numeral(c)).take(4).collect();
    let unit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32 + 1)
    };
    let value = match taken.as_slice() {
        ['十'] => Some(10),
        [one] => unit(*one),
        ['十', one] => Some(10 + unit(*one)?),
        [tens, '十'] => Some(10 * unit(*tens)?),
        [tens, '十', one] => Some(10 * unit(*tens)? + unit(*one)?),
        _ => None,
    }?;
    Some((value, taken.iter().map(|c| c.len_utf8()).sum()))
}

/// A month or day number in either kind of numerals opening `text`.
fn number(text: &str) -> Option<(u32, usize)> {
    arabic_number(text).or_else(|| chinese_number(text))
}

/// `N月` opening `text`, `N` from 1 to 12: the month and the length of `N月`.
fn month_at(text: &str) -> Option<(u32, usize)> {
    let (month, len) = number(text)?;
    (text[len..].starts_with('月') && (1..=12).contains(&month))
        .then_some((month, len + '月'.len_utf8()))
}

/// `N日` opening `text`, `N` from 1 to 31: the day and the length of `N日`.
fn day_at(text: &str) -> Option<(u32, usize)> {
    let (day, len) = number(text)?;
    (text[len..].starts_with('日') && (1..=31).contains(&day))
        .then_some((day, len + '日'.len_utf8()))
}

// --- (1) `18年8月1日`: a year cut to two numerals ---------------------------------------

/// Reports shortened years; returns the spans of the dates reported, whose other faults
/// wait until the year is written in full.
fn short_years(
    index: usize,
    paragraph: &Paragraph,
    quoted: &dyn Fn(usize) -> bool,
    report: &mut Report,
) -> Vec<Range<usize>> {
    let text = &paragraph.text;
    let mut reported = Vec::new();
    for year_mark in YEAR_MARK.find_iter(text.as_bytes()) {
        if year_before(text, year_mark).is_some() {
            continue;
        }
        let Some((range, _)) = short_year_before(text, year_mark) else {
            continue;
        };
        let after = &text[range.end..];
        let month = month_at(after);
        let first = text[range.clone()].chars().next();
        // A count of years never begins with a zero; a decade (`00年代`) may.
        let zero_led =
            first.is_some_and(|c| chinese_digit(c) == Some(0)) && !after.starts_with('代');
        if (month.is_none() && !zero_led) || quoted(range.start) {
            continue;
        }
        let mut end = range.end;
        if let Some((_, len)) = month {
            end += len;
            end += day_at(&text[end..]).map_or(0, |(_, len)| len);
        }
        let written = &text[range.clone()];
        report.add(
            index,
            paragraph,
            range.clone(),
            crate::msg!("date-form-short-year", written = written),
            crate::msg!("date-form-short-year-help"),
        );
        reported.push(range.start..end);
    }
    reported
}

// --- (2) `2024年01月05日`: months and days padded with a zero ---------------------------

/// Reports each date whose month or day has a padding zero, once, with a fix deleting the
/// zeros.
fn padded_dates(
    index: usize,
    paragraph: &Paragraph,
    quoted: &dyn Fn(usize) -> bool,
    reported: &[Range<usize>],
    report: &mut Report,
) {
    let text = &paragraph.text;
    for month_mark in MONTH_MARK.find_iter(text.as_bytes()) {
        let before = &text[..month_mark];
        let digits = before.len() - before.trim_end_matches(is_digit).len();
        let start = month_mark - digits;
        let Some((month, _)) = arabic_number(&text[start..]) else {
            continue;
        };
        // `v1.01月`, `2024-01月`, `12:01月`: part of a code, a numeric date or a time.
        let led = text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':'));
        if !(1..=12).contains(&month) || led {
            continue;
        }
        let day_start = month_mark + '月'.len_utf8();
        let day = arabic_number(&text[day_start..]).filter(|&(day, len)| {
            (1..=31).contains(&day) && text[day_start + len..].starts_with('日')
        });
        let mut zeros = Vec::new();
        if padded(&text[start..month_mark]) {
            zeros.push(start);
        }
        let mut end = day_start;
        if let Some((_, len)) = day {
            if padded(&text[day_start..day_start + len]) {
                zeros.push(day_start);
            }
            end = day_start + len + '日'.len_utf8();
        }
        if zeros.is_empty() || quoted(start) || reported.iter().any(|date| date.contains(&start)) {
            continue;
        }
        let written = &text[start..end];
        let fixed: String = text[start..end]
            .char_indices()
            .filter(|(at, _)| !zeros.contains(&(start + at)))
            .map(|(_, c)| c)
            .collect();
        let finding = report.add(
            index,
            paragraph,
            start..end,
            crate::msg!("date-form-padded", written = written),
            crate::msg!("date-form-padded-help", fixed = &fixed),
        );
        let edits: Vec<(Range<usize>, &str)> = zeros
            .iter()
            .map(|&at| {
                (
                    at..at + text[at..].chars().next().map_or(1, char::len_utf8),
                    "",
                )
            })
            .collect();
        finding.fix(
            paragraph,
            crate::msg!("date-form-padded-fix", fixed = &fixed),
            true,
            &edits,
        );
    }
}

/// Two digits, the first a zero: `01`.
fn padded(digits: &str) -> bool {
    let mut chars = digits.chars();
    matches!(
        (
            chars.next().and_then(digit_value),
            chars.next().and_then(digit_value),
            chars.next()
        ),
        (Some(0), Some(1..=9), None)
    )
}

// --- (3) `2024年1月5日` and `2024.1.5` in one document -----------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    /// `2024年1月5日`, in either kind of numerals.
    Words,
    /// `2024.1.5`
    Dots,
    /// `2024/1/5`
    Slashes,
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Form::Words => "words",
            Form::Dots => "dots",
            Form::Slashes => "slashes",
        }
    }

    fn write(self, (year, month, day): (u32, u32, u32)) -> String {
        match self {
            Form::Words => format!("{year}年{month}月{day}日"),
            Form::Dots => format!("{year}.{month}.{day}"),
            Form::Slashes => format!("{year}/{month}/{day}"),
        }
    }
}

#[derive(Debug)]
struct Date {
    paragraph: usize,
    range: Range<usize>,
    form: Form,
    /// Year, month and day.
    value: (u32, u32, u32),
}

/// The full dates of paragraph `index`'s `text`, in text order.
fn written_dates(index: usize, text: &str) -> Vec<Date> {
    let mut dates = Vec::new();
    for year_mark in YEAR_MARK.find_iter(text.as_bytes()) {
        let Some((range, style)) = year_before(text, year_mark) else {
            continue;
        };
        let Some((month, month_len)) = month_at(&text[range.end..]) else {
            continue;
        };
        let Some((day, day_len)) = day_at(&text[range.end + month_len..]) else {
            continue;
        };
        let year = text[range.start..year_mark]
            .chars()
            .filter_map(|c| match style {
                Style::Arabic => digit_value(c),
                Style::Chinese => chinese_digit(c),
            })
            .fold(0, |n, d| n * 10 + d);
        dates.push(Date {
            paragraph: index,
            range: range.start..range.end + month_len + day_len,
            form: Form::Words,
            value: (year, month, day),
        });
    }
    for separator in memchr::memchr2_iter(b'.', b'/', text.as_bytes()) {
        if let Some(date) = numeric_date(text, separator) {
            dates.push(Date {
                paragraph: index,
                ..date
            });
        }
    }
    dates.sort_by_key(|date| date.range.start);
    dates
}

/// `2024.1.5` or `2024/1/5` whose first separator is at byte `separator` of `text`.
fn numeric_date(text: &str, separator: usize) -> Option<Date> {
    let mark = text[separator..].chars().next()?;
    let form = if mark == '.' {
        Form::Dots
    } else {
        Form::Slashes
    };
    let start = separator.checked_sub(4)?;
    let year_digits = text.get(start..separator)?;
    if !year_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = year_digits.parse().ok()?;
    // Run into a code, a longer number, a path or a time.
    let led = text[..start].chars().next_back().is_some_and(|c| {
        c.is_alphanumeric() && !is_han(c) || matches!(c, '.' | '-' | '/' | ':' | '_' | '\\')
    });
    if led || !(1900..=2100).contains(&year) {
        return None;
    }
    let after_year = separator + 1;
    let (month, month_len) = arabic_number(text.get(after_year..)?)?;
    let second = after_year + month_len;
    if !text[second..].starts_with(mark) {
        return None;
    }
    let (day, day_len) = arabic_number(&text[second + 1..])?;
    let end = second + 1 + day_len;
    // `2001.5.5.1`, `2024/1/5/index`, `2024.1.5b`: an address, a path or a version.
    let mut rest = text[end..].chars();
    let runs_on = match rest.next() {
        Some(c) if c == mark || c == '-' || c == '_' => {
            rest.next().is_some_and(|c| c.is_ascii_alphanumeric())
        }
        Some(c) => c.is_ascii_alphanumeric() || is_digit(c),
        None => false,
    };
    if runs_on || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(Date {
        paragraph: 0,
        range: start..end,
        form,
        value: (year, month, day),
    })
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// Reports, once, the first date not written the document's most common way.
fn mixed_forms(document: &Document, dates: &[Date], report: &mut Report) {
    let count = |form| dates.iter().filter(|d| d.form == form).count();
    // The most common form; on a tie, the one that appears first.
    let Some(common) = [Form::Words, Form::Dots, Form::Slashes]
        .into_iter()
        .filter(|&form| count(form) > 0)
        .max_by_key(|&form| {
            let first = dates
                .iter()
                .position(|d| d.form == form)
                .unwrap_or(usize::MAX);
            (count(form), std::cmp::Reverse(first))
        })
    else {
        return;
    };
    let Some(odd) = dates.iter().find(|d| d.form != common) else {
        return;
    };
    let Some(example) = dates.iter().find(|d| d.form == common) else {
        return;
    };
    let paragraph = &document.paragraphs[odd.paragraph];
    let written = &paragraph.text[odd.range.clone()];
    let example_text = &document.paragraphs[example.paragraph].text[example.range.clone()];
    report.add(
        odd.paragraph,
        paragraph,
        odd.range.clone(),
        crate::msg!(
            "date-form-mixed",
            written = written,
            form = odd.form.name(),
            count = count(odd.form),
            other_count = count(common),
            example = example_text
        ),
        crate::msg!("date-form-mixed-help", converted = common.write(odd.value)),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixes};

    // Lines from the corpora (gov: /work/shared/corpus/gov, lawref: LawRefBook/Laws) and
    // planted faults in real lines, each with the text the rule marks.
    #[test]
    fn shortened_years() {
        for (text, marked) in [
            // lawref 其他/劳动仲裁和劳动诉讼的攻略.md:179, 195
            (
                "我在18年8月1日，入职了一家北京的做医疗软件的公司，职位是测试工程师。",
                vec!["18年"],
            ),
            (
                "知道19年四月份我还没找到稳定的工作，今年经济也不太好。",
                vec!["19年"],
            ),
            ("24年1月起施行。", vec!["24年"]),
            ("08年奥运会在北京举办。", vec!["08年"]),
            ("九八年三月发生洪水。", vec!["九八年"]),
            ("〇八年奥运会。", vec!["〇八年"]),
            // Traps: counts of years, decades, ordinals, codes, titles.
            (
                "福建省南平市连续19年推进科技特派员工作，助力精准扶贫。",
                vec![],
            ),
            ("江泽民提出21世纪头20年是全面建设小康社会的阶段。", vec![]),
            ("提供自己在18年仲裁胜诉的例子；24年来，30年试点。", vec![]),
            ("20世纪90年代，00年代，第18年3月。", vec![]),
            ("服刑期间二十年三月，一九九八年三月。", vec![]),
            ("《关于08年奥运会的报告》", vec![]),
            ("编号A18年3月，路径/18年3月。", vec![]),
            ("2018年8月1日，二〇〇八年三月。", vec![]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn padded_months_and_days() {
        for (text, marked) in [
            // gov prov2026_0006.txt:2
            ("2026年02月10日 07时41分", vec!["02月10日"]),
            // lawref 法律法规模版.md:9
            ("1990年01月23日 发生了什么事情", vec!["01月23日"]),
            ("2024年1月05日起施行，截至03月底。", vec!["1月05日", "03月"]),
            ("24年01月05日", vec!["24年"]),
            // Traps: ISO dates, times, codes, three digits, zero months.
            ("时间：2026-02-10 07:41，版本v1.01月。", vec![]),
            ("2024年1月5日，00月，001月，10月10日。", vec![]),
            ("《2024年01月05日会议纪要》", vec![]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
        assert_eq!(
            fixes(&super::RULE, "2026年02月10日 07时41分"),
            [(true, "2026年2月10日 07时41分".to_string())]
        );
        assert_eq!(
            fixes(&super::RULE, "2024年01月05日印发"),
            [(true, "2024年1月5日印发".to_string())]
        );
    }

    #[test]
    fn mixed_forms_are_reported_once() {
        // gov prov2026_0006.txt with a planted `2026.2.3`.
        let text = "2026年四川省人民政府工作报告\n2026.2.3在四川省第十四届人民代表大会第五次会议上\n2025年12月31日，全省地区生产总值增长5.5%。\n2026年2月3日审议通过。";
        assert_eq!(findings(&super::RULE, text), ["2026.2.3"]);
        let text = "2024/1/5召开会议。\n2024/2/1印发。\n2024年3月1日施行。\n2024.3.2起。";
        assert_eq!(findings(&super::RULE, text), ["2024年3月1日"]);
        // A tie: the form that appears second.
        let text = "2024.1.5召开会议。\n二〇二四年二月一日印发。";
        assert_eq!(findings(&super::RULE, text), ["二〇二四年二月一日"]);
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            // gov prov2026_0002.txt:3 and the seed's chrome line.
            "2026-02-03 09:02:33\n2026年2月3日召开会议。",
            "来源: 海门区委政法委 发布时间:2021-05-20 字体:[ ]\n2021年5月20日。",
            "升级到1.5.2版，见第3.1.2节，增长2024.15万元，2024.1亿元。\n2024年1月5日。",
            "地址2001.5.5.1，版本v2024.1.5，2024.1.5b。\n2024年1月5日。",
            "详见http://www.gov.cn/2024/1/5/index.htm。\n2024年1月5日。",
            "2024.13.5，2024.1.32，1899.1.5。\n2024年1月5日。",
            "《2024.1.5会议纪要》\n2024年1月5日。",
            "2024.1.5召开会议。\n2024.2.1印发。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn chinese_numbers_of_months_and_days() {
        assert_eq!(super::chinese_number("十二月"), Some((12, 6)));
        assert_eq!(super::chinese_number("三十一日"), Some((31, 9)));
        assert_eq!(super::chinese_number("十日"), Some((10, 3)));
        assert_eq!(super::chinese_number("二十"), Some((20, 6)));
        assert_eq!(super::chinese_number("一二三四"), None);
        assert_eq!(super::arabic_number("123"), None);
        assert_eq!(super::arabic_number("05日"), Some((5, 2)));
    }
}
