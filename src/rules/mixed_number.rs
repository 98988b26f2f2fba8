//! `mixed-number`: numbers written half in Arabic digits, half in Chinese (`6千余万`),
//! years written both as `二〇二四年` and `2024年` in one document, and year ranges joined
//! by a hyphen (`2020-2021年`).

use super::years::{
    Style, chinese_digit, digit_value, in_title, is_broken_title, is_digit, title_marks, years_in,
};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::for_each_position_of;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "mixed-number",
    severity: Severity::Warning,
    summary: "Arabic digits with `千` `百` `十` as units (`6千余万`), years written in both \
              Chinese and Arabic numerals in one document, and year ranges joined by a hyphen \
              (`2020-2021年`).",
    explanation: r#"
## What it does
Reports three mechanical faults of writing numbers:

1. Arabic digits followed by `千`, `百` or `十` used as a unit below `万`: `6千余万条`,
   `3千人`, `1万6千多户`, `9千亿元`. The help shows the number in digits (`6000`).
2. A document that writes years both in Chinese numerals (`二〇二四年`) and in Arabic
   digits (`2024年`). It is reported once, at the first year written the less common way,
   with both counts.
3. A range of years joined by a hyphen: `2020-2021年`, `“2020-2021中国智慧政务…”`,
   `2006－2020年`. The unsafe fix writes `—`.
4. A year in Chinese numerals whose zero is not `〇`: the circle `○` (U+25CB) or the
   letter `O`, which look the same but are other characters (search, sorting and screen
   readers see a circle: `二○二○年`), the Arabic digit `0` (`二0一0年`), or `零`
   (`二零二零年`). The fix writes `〇`; it is
   safe for the look-alikes and a suggestion for `零`.

## Why is this bad
GB/T 15835-2011 5.3 (阿拉伯数字与汉字数字同时使用): only `万` and `亿` may follow Arabic
digits (`10亿零817万5288人`); other numbers are written wholly one way, `4000` or `四千`,
never `4千` (the earlier standard adds that `十` `百` `千` are never used as units after
digits, unit prefixes like `千克` `千米` `千瓦` aside).

GB/T 15835-2011 4.3 (同类别同形式): years may be written either way, but numbers of one
kind in one text take one form: `2008年8月8日` or `二〇〇八年八月八日`, not both.
The zero of a number used for order, as a year is, is written `〇`; `零` is the zero of
quantities (`一百零八`).

GB/T 15834-2011 4.13 (连接号): the start and end of a period are joined with the en-dash
form `—` (一字线) or `～`; the short hyphen `-` joins the parts of dates (`2021-05-20`),
codes and numbers.

## Not reported
- Unit prefixes and fixed words: `千克` `千米` `千瓦` `千伏` `千帕` `千赫` `千焦` `千卡`
  `千兆` `千字` `千升` `千牛` (`1100千牛顿`) `千欧` `千公顷` `千周`, `千分之`, `百分点` `百分之` `百分比`, `十分`; a year run into a
  word that begins with a numeral (`2023十大新闻`, `2021百强县`).
- Years inside `《》` (titles are quoted as published), and years in date lines: a line
  without a sentence stop that holds a full date (`一九九六年六月二十九日` signing a
  document, `——2021年3月5日在…会议上`, `2011年1月8日 《…》第一次修订`).
- Hyphens in dates (`2021-05-20`), phone numbers, standard and document numbers
  (`GB/T 15834-2011`, `GB 2762-2017`), codes next to Latin letters or digits, and URLs.

No safe fix for the first three: whether `6千` should read `6000` or `六千`, and which way
a document writes its years, is the author's choice. A blank to fill in (`○○年`) is not a
year.
"#,
    zh: Doc {
        summary: "阿拉伯数字后用“千”“百”“十”作单位（“6千余万”），同一文档中年份混用汉字和阿拉伯数字两种写法，年份起止用短横线连接（“2020-2021年”），以及年份中的零没有写作“〇”。",
        explanation: r#"
## 检查什么
报告数字书写中的四种问题：

1. 阿拉伯数字后用“千”“百”“十”作万以下的单位：“6千余万条”“3千人”“1万6千多户”“9千亿元”。提示中给出全用数字的写法（“6000”）。
2. 同一文档中年份既写成汉字（“二〇二四年”）又写成阿拉伯数字（“2024年”）。整篇只报告一次，位置在用得较少的那种写法第一次出现处，并给出两种写法各出现几次。
3. 年份起止用短横线“-”连接：“2020-2021年”“2020-2021中国智慧政务……”“2006－2020年”。建议改为“—”（“--unsafe-fixes”）。
4. 汉字年份中的零没有写作“〇”，而是写成了外形相同的圆圈“○”（U+25CB）或字母“O”（检索、排序和读屏软件都把它当作别的字符：“二○二○年”），写成了阿拉伯数字“0”（“二0一0年”），或写成了“零”（“二零二零年”）。修复为“〇”：形近字符加“--fix”即可自动修复，“零”只给出建议。

## 为什么要改
GB/T 15835-2011 5.3（阿拉伯数字与汉字数字同时使用）：阿拉伯数字后面只能跟“万”“亿”（“10亿零817万5288人”），其他数要么全写阿拉伯数字“4000”，要么全写汉字“四千”，不能写成“4千”（旧标准还明确，“十”“百”“千”不能作单位跟在阿拉伯数字后面，“千克”“千米”“千瓦”这类计量单位词头除外）。

GB/T 15835-2011 4.3（同类别同形式）：年份两种写法都可以，但同一文本中同类的数要用同一种写法：“2008年8月8日”或“二〇〇八年八月八日”，不能混用。表示次序的数（年份即是）中的零写作“〇”；“零”是表示数量的零（“一百零八”）。

GB/T 15834-2011 4.13（连接号）：时间的起止用一字线“—”或浪纹线“～”连接；短横线“-”用于连接日期的各部分（“2021-05-20”）、代码和编号。

## 不报告的情况
- 计量单位词头和固定词语：“千克”“千米”“千瓦”“千伏”“千帕”“千赫”“千焦”“千卡”“千兆”“千字”“千升”“千牛”（“1100千牛顿”）“千欧”“千公顷”“千周”，“千分之”“百分点”“百分之”“百分比”“十分”；年份后紧接以数字开头的词（“2023十大新闻”“2021百强县”）。
- 书名号中的年份（书名按原样引用），以及落款、日期行中的年份：不含句末点号、写有完整日期的行（文件落款“一九九六年六月二十九日”，“——2021年3月5日在……会议上”，“2011年1月8日 《……》第一次修订”）。
- 日期中的短横线（“2021-05-20”）、电话号码、标准编号和文件编号（“GB/T 15834-2011”“GB 2762-2017”）、与字母或数字相连的代码，以及网址。

前三种问题没有可自动应用的修复：“6千”该写成“6000”还是“六千”，一篇文档的年份用哪种写法，都由作者决定。“○○年”是待填的空，不是年份。
"#,
    },
    bad: &[
        Example::corrected(
            "汇聚41个部门6千余万条数据。",
            "汇聚41个部门6000余万条数据。",
        ),
        Example::corrected("全年新增就业3千人。", "全年新增就业3000人。"),
        Example::corrected(
            "二〇二〇年经济平稳运行。\n2021年经济持续恢复。\n2022年经济稳中有进。",
            "2020年经济平稳运行。\n2021年经济持续恢复。\n2022年经济稳中有进。",
        ),
        Example::fixed("今年4月，区行政审批局获“2020-2021中国智慧政务建设杰出项目”大奖。"),
        Example::fixed("颁布实施2011-2020年中国农村扶贫开发纲要。"),
        Example::fixed("一九八○年颁布施行。"),
    ],
    good: &[
        "汇聚41个部门6000余万条数据。",
        "建成500千伏输变电工程，产量增长2个百分点，重3千克。",
        "2020年经济平稳运行。\n2021年经济持续恢复。",
        "获“2020—2021中国智慧政务建设杰出项目”大奖。",
        "发布时间：2021-05-20，执行标准GB/T 15834-2011，电话0513-82218888。",
        "一九八〇年颁布施行，○○年○○月填写。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(&NUMBER_MARKS),
    check: Check::Document(check),
};

fn check(document: &Document, report: &mut Report) {
    // The years of each paragraph, found once for both of the checks that read them.
    let mut years = Vec::with_capacity(document.paragraphs.len());
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        if report.may_contain_any(paragraph, &DIGITS) {
            digits_with_units(index, paragraph, report);
        }
        if report.may_contain_any(paragraph, &['-', '－']) {
            hyphen_ranges(index, paragraph, report);
        }
        let found = years_in(&paragraph.text);
        look_alike_zeros(index, paragraph, &found, report);
        years.push(found);
    }
    mixed_years(document, years, report);
}

// --- (a) `6千余万`: Arabic digits with 千, 百 or 十 as a unit ------------------------------

/// What may follow a unit character without making it a number unit.
fn is_exempt_unit(text_after_digits: &str) -> bool {
    const EXEMPT: &[&str] = &[
        "千克",
        "千米",
        "千瓦",
        "千伏",
        "千帕",
        "千赫",
        "千焦",
        "千卡",
        "千兆",
        "千字",
        "千升",
        "千牛",
        "千欧",
        "千公顷",
        "千周",
        "千分",
        "百分",
        "十分",
    ];
    EXEMPT
        .iter()
        .any(|word| text_after_digits.starts_with(word))
}

const DIGITS: [char; 20] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９',
];

/// Digits, and the `年` of a year in Chinese numerals (`一九八○年`).
const NUMBER_MARKS: [char; 21] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '年',
];

fn digits_with_units(index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    // Each unit found by a byte search, in text order, and the number read back from it:
    // digits, with points after the first digit.
    let mut units: Vec<(usize, char, usize)> = Vec::new();
    for (unit, zeros) in [('千', 3), ('百', 2), ('十', 1)] {
        for_each_position_of(text, unit, |at| units.push((at, unit, zeros)));
    }
    units.sort_unstable();
    for (at, c, zeros) in units {
        let before = text[..at].trim_end_matches(|d| is_digit(d) || matches!(d, '.' | '．'));
        let number = text[before.len()..at].trim_start_matches(['.', '．']);
        if number.is_empty() {
            continue;
        }
        let start = at - number.len();
        if number.ends_with(['.', '．'])
            || paragraph.is_protected(start)
            || is_exempt_unit(&text[at..])
            || is_code(&text[..start])
            || is_year(number)
        {
            continue;
        }
        let end = at + c.len_utf8();
        let digits = in_digits(number, zeros);
        report.add(
            index,
            paragraph,
            start..end,
            crate::msg!("mixed-number", unit = c, written = &text[start..end]),
            crate::msg!("mixed-number-help", digits = digits),
        );
    }
}

/// Digits glued to a Latin letter or a code mark (`A3百`, `No.5十`) belong to a code.
fn is_code(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '_' | '/' | '#'))
}

/// `2023十大新闻`, `2021百强县`, `2021十四五`: a year run into a word that begins with a
/// Chinese numeral, not a number with a unit.
fn is_year(number: &str) -> bool {
    let year = number
        .chars()
        .filter_map(digit_value)
        .fold(0, |n, d| n * 10 + d);
    number.chars().count() == 4 && (1900..=2199).contains(&year)
}

/// `6` and `千` → `6000`; `1.5` and `千` → `1500`; `10.36` and `百` → `1036`.
fn in_digits(number: &str, zeros: usize) -> String {
    let ascii: String = number
        .chars()
        .map(|c| match digit_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => '.',
        })
        .collect();
    let (whole, fraction) = ascii.split_once('.').unwrap_or((&ascii, ""));
    let shifted = fraction.len().min(zeros);
    let mut digits = format!("{whole}{}", &fraction[..shifted]);
    digits.push_str(&"0".repeat(zeros - shifted));
    if shifted < fraction.len() {
        digits.push('.');
        digits.push_str(&fraction[shifted..]);
    }
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    }
}

// --- (c) `2020-2021年`: a year range joined by a hyphen -----------------------------------

fn hyphen_ranges(index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    for (at, hyphen) in text.char_indices().filter(|&(_, c)| c == '-' || c == '－') {
        let after_hyphen = at + hyphen.len_utf8();
        let before = text[..at].strip_suffix('年').unwrap_or(&text[..at]);
        let Some(first) = year_ending(before) else {
            continue;
        };
        let Some(second) = year_starting(&text[after_hyphen..]) else {
            continue;
        };
        let first_start = before.len() - 4;
        let second_end = after_hyphen + 4;
        if paragraph.is_protected(at)
            || !(first < second && second - first <= 100)
            || is_code(&text[..first_start])
            || code_before_space(&text[..first_start])
            || runs_on(&text[second_end..])
        {
            continue;
        }
        let range = &text[first_start..second_end];
        let finding = report.add(
            index,
            paragraph,
            first_start..second_end,
            crate::msg!("mixed-number-year-range", range = range, hyphen = hyphen),
            crate::msg!("mixed-number-year-range-help"),
        );
        finding.fix(
            paragraph,
            crate::msg!("mixed-number-year-range-fix"),
            false,
            &[(at..after_hyphen, "—")],
        );
    }
}

/// A four-digit year (1900–2100) ending `text`, not preceded by another digit.
fn year_ending(text: &str) -> Option<u32> {
    let start = text.len().checked_sub(4)?;
    let digits = text.get(start..)?;
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    year_of(digits)
}

/// A four-digit year (1900–2100) opening `text`.
fn year_starting(text: &str) -> Option<u32> {
    year_of(text.get(..4)?)
}

fn year_of(digits: &str) -> Option<u32> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// `GB 2762-2017`, `ISO 9001-2015`: a code whose number follows a space.
fn code_before_space(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '/'))
}

/// The second year runs on into a longer code or date (`2020-2021-03`, `2020-20210`).
fn runs_on(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/') => true,
        Some('.') => chars.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        _ => false,
    }
}

// --- (b) `二〇二四年` and `2024年` in one document ----------------------------------------

struct Year {
    paragraph: usize,
    range: Range<usize>,
    style: Style,
}

/// `years_by_paragraph`: `years_in` of each paragraph of `document`.
fn mixed_years(
    document: &Document,
    years_by_paragraph: Vec<Vec<(Range<usize>, Style)>>,
    report: &mut Report,
) {
    let mut years: Vec<Year> = Vec::new();
    let paragraphs = &document.paragraphs;
    for ((index, paragraph), found) in paragraphs.iter().enumerate().zip(years_by_paragraph) {
        if found.is_empty() || is_date_line(&paragraph.text) {
            continue;
        }
        let broken_title = is_broken_title(paragraphs, index);
        let title_marks = title_marks(&paragraph.text);
        years.extend(
            found
                .into_iter()
                .filter(|(range, _)| !in_title(&title_marks, range.start, broken_title))
                .map(|(range, style)| Year {
                    paragraph: index,
                    range,
                    style,
                }),
        );
    }
    let count = |style| years.iter().filter(|y| y.style == style).count();
    let (chinese, arabic) = (count(Style::Chinese), count(Style::Arabic));
    if chinese == 0 || arabic == 0 {
        return;
    }
    // The less common style deviates; on a tie, the one that appears second.
    let minority = match chinese.cmp(&arabic) {
        std::cmp::Ordering::Less => Style::Chinese,
        std::cmp::Ordering::Greater => Style::Arabic,
        std::cmp::Ordering::Equal if years[0].style == Style::Arabic => Style::Chinese,
        std::cmp::Ordering::Equal => Style::Arabic,
    };
    let Some(first) = years.iter().find(|y| y.style == minority) else {
        return;
    };
    let Some(example) = years.iter().find(|y| y.style != minority) else {
        return;
    };
    let paragraph = &document.paragraphs[first.paragraph];
    let written = &paragraph.text[first.range.clone()];
    let example_text = &document.paragraphs[example.paragraph].text[example.range.clone()];
    let (style, this_count, other_count) = match minority {
        Style::Chinese => ("chinese", chinese, arabic),
        Style::Arabic => ("arabic", arabic, chinese),
    };
    let converted = convert_year(written, minority);
    report.add(
        first.paragraph,
        paragraph,
        first.range.clone(),
        crate::msg!(
            "mixed-number-year-style",
            written = written,
            style = style,
            count = this_count,
            other_count = other_count,
            example = example_text
        ),
        crate::msg!("mixed-number-year-style-help", converted = converted),
    );
}

// --- (d) `二○二○年`: a circle or a letter standing for the zero `〇` of a year ------------

/// Characters typed for `〇` in years: the circle `○` (U+25CB), the letter `O` and the
/// digit `0` in both widths, and `零`, the zero of quantities; named as the catalog's selector knows them.
fn zero_look_alike(c: char) -> Option<&'static str> {
    match c {
        '○' => Some("circle"),
        'Ｏ' | 'O' => Some("letter"),
        '零' => Some("ling"),
        // `二0一0年`: the Arabic zero typed among Chinese numerals.
        '0' | '０' => Some("digit"),
        _ => None,
    }
}

/// `years`: `years_in` the paragraph's text.
fn look_alike_zeros(
    index: usize,
    paragraph: &Paragraph,
    years: &[(Range<usize>, Style)],
    report: &mut Report,
) {
    let text = &paragraph.text;
    for &(ref range, style) in years {
        let year = &text[range.clone()];
        let digits = year.trim_end_matches('年');
        let Some(first) = digits.chars().find_map(zero_look_alike) else {
            continue;
        };
        // `○○年` is a blank to fill in, not a year.
        if style != Style::Chinese
            || paragraph.is_protected(range.start)
            || digits.chars().all(|c| zero_look_alike(c).is_some())
        {
            continue;
        }
        let written: String = digits
            .chars()
            .map(|c| {
                if zero_look_alike(c).is_some() {
                    '〇'
                } else {
                    c
                }
            })
            .collect();
        let finding = report.add(
            index,
            paragraph,
            range.start..range.start + digits.len(),
            crate::msg!("mixed-number-zero", zero = first, year = year),
            crate::msg!("mixed-number-zero-help", written = &written),
        );
        // A look-alike code point changes nothing a reader sees: safe. `零` reads
        // differently, so replacing it is the author's call.
        let safe = !digits.contains('零');
        finding.fix(
            paragraph,
            crate::msg!("mixed-number-zero-fix", written = &written),
            safe,
            &[(range.start..range.start + digits.len(), &written)],
        );
    }
}

/// A line without a sentence stop that holds a full date: the date signing a document,
/// a subtitle, a record of enactment.
fn is_date_line(text: &str) -> bool {
    if text.contains(['。', '！', '？', '；']) {
        return false;
    }
    text.split('年').skip(1).any(|rest| {
        let Some((month, day)) = rest.split_once('月') else {
            return false;
        };
        let numeral = |s: &str| {
            !s.is_empty()
                && s.chars().count() <= 3
                && s.chars()
                    .all(|c| is_digit(c) || "一二三四五六七八九十〇".contains(c))
        };
        numeral(month) && day.split_once('日').is_some_and(|(d, _)| numeral(d))
    })
}

/// `二〇三五年` → `2035年`, `2035年` → `二〇三五年`.
fn convert_year(year: &str, style: Style) -> String {
    year.chars()
        .map(|c| match style {
            Style::Chinese => chinese_digit(c)
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or(c),
            Style::Arabic => digit_value(c)
                .and_then(|d| "〇一二三四五六七八九".chars().nth(d as usize))
                .unwrap_or(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire_on_digits_with_units() {
        for (text, marked) in [
            ("汇聚41个部门6千余万条数据。", vec!["6千"]),
            ("全年新增就业3千人。", vec!["3千"]),
            (
                "日均新设企业由5千多户增加到1万6千多户。",
                vec!["5千", "6千"],
            ),
            ("预算收支累计分别突破9千亿元、3万亿元。", vec!["9千"]),
            ("算力总规模达到10.36百亿亿次/秒。", vec!["10.36百"]),
            ("遭遇恶劣天气 影响超7千万人", vec!["7千"]),
            ("全长２５千公里。", vec!["２５千"]),
            ("共有3百多家企业。", vec!["3百"]),
            ("增长了2十倍。", vec!["2十"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire_on_units_and_codes() {
        for text in [
            "建成500千伏输变电工程和1000千伏特高压。",
            "装机容量达到300千瓦，每3千克计算。",
            "全长25千米，带宽1千兆。",
            // Technical standards quoted in regulations (LawRefBook/Laws).
            "单个零件的破断载荷不小于1100千牛顿，电阻不大于10千欧。",
            "提高2个百分点，占3百分之一。",
            "1十分重要。",
            "发布《2023十大科技进展》和2021百强县名单。",
            "编制2021十四五规划。",
            "型号A3百系列。",
            "增长6000余万条，或六千余万条。",
            "第十三届全国人民代表大会。",
            "详见http://www.gov.cn/a3千b。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn look_alike_zeros_of_years() {
        use crate::rules::testing::fixes;
        for (text, marked) in [
            ("一九八○年颁布", vec!["一九八○"]),
            ("二○○四年十月", vec!["二○○四"]),
            ("二O二O年", vec!["二O二O"]),
            ("二零二零年", vec!["二零二零"]),
            // gov wscpc_0013.txt:9 and wscpc_0011.txt:20 (the digit zero, in both widths).
            (
                "综合国力大幅提升，二0一一年国内生产总值达到四十七点三万亿",
                vec!["二0一一"],
            ),
            ("二００一年，我国国内生产总值达到九万五千", vec!["二００一"]),
            ("二〇二〇年、○○年、一百零八人", vec![]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
        assert_eq!(
            fixes(&super::RULE, "一九八○年颁布"),
            [(true, "一九八〇年颁布".to_string())]
        );
        assert_eq!(
            fixes(&super::RULE, "到二0二0年实现"),
            [(true, "到二〇二〇年实现".to_string())]
        );
        assert_eq!(
            fixes(&super::RULE, "二零二零年"),
            [(false, "二〇二〇年".to_string())]
        );
    }

    #[test]
    fn must_fire_on_hyphen_ranges() {
        for (text, marked) in [
            (
                "获“2020-2021中国智慧政务建设杰出项目”大奖。",
                vec!["2020-2021"],
            ),
            (
                "颁布实施2011-2020年中国农村扶贫开发纲要。",
                vec!["2011-2020"],
            ),
            ("对2006－2020年的科技发展作出全面部署。", vec!["2006－2020"]),
            ("《行动计划（2026-2030年）》印发。", vec!["2026-2030"]),
            ("2020年-2021年度考核。", vec!["2020年-2021"]),
            ("在 2020-2021 学年。", vec!["2020-2021"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire_on_dates_and_codes() {
        for text in [
            "发布时间：2021-05-20 09:02:33",
            "时间：2026-02-09",
            "执行GB/T 15834-2011和GB 2762-2017标准。",
            "符合ISO 9001-2015要求。",
            "电话：0513-82218888，传真：010-62731234。",
            "编号ABC2020-2021。",
            "文件号2020-2021-003。",
            "详见http://www.gov.cn/2020-2021/index.htm。",
            "2021-2020年",
            "房间号1101-1105室。",
            "2020—2021年度，2020～2021年。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn reports_the_minority_year_style_once() {
        let text = "2026年天津市政府工作报告\n2025年是关键一年。\n2026年要稳中求进。\n到二〇三五年基本建成，到二〇三五年实现。\n2027年继续努力。";
        assert_eq!(findings(&super::RULE, text), ["二〇三五年"]);
        // `二０二０`: its full-width digit zero is a look-alike of `〇` as well.
        let text = "自从一九七六年十月以来。\n从一九八一年到本世纪末。\n二０二０年翻两番。\n到2020年实现。";
        assert_eq!(findings(&super::RULE, text), ["二０二０", "2020年"]);
        // A tie: the style that appears second deviates.
        let text = "2020年是开局之年。\n二〇二一年继续推进。";
        assert_eq!(findings(&super::RULE, text), ["二〇二一年"]);
    }

    #[test]
    fn years_in_titles_and_date_lines_do_not_count() {
        for text in [
            // A document signed with the date in Chinese numerals (GB/T 9704-1999 style).
            "国务院关于1996年度地震重点危险区的通知\n一、关于1996年度地震重点危险区。\n国务院\n一九九六年二月五日",
            "关于清理整顿社会团体的意见\n（民政部　一九九七年一月二十八日）\n\n清理整顿时限是1997年4月至1998年2月。",
            "（2017年10月18日）\n一九二一年中国共产党应运而生。一九四九年建立了中华人民共和国。",
            "审议《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》。\n2020年工作回顾。",
            "2020年工作回顾。\n根据《\n中共中央关于制定第十四个五年规划和二〇三五年远景目标的建议\n》，编制了纲要。",
            "2020年工作回顾。\n二〇三五年远景目标的建议》，编制了纲要。",
            "2011年1月8日 《国务院关于废止和修改部分行政法规的决定》第一次修订\n\n国务院一九八〇年发布。",
            "一九九七年。\n一九九八年。",
            "二十一年来，2021年。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn shows_the_number_in_digits() {
        assert_eq!(super::in_digits("6", 3), "6000");
        assert_eq!(super::in_digits("1.5", 3), "1500");
        assert_eq!(super::in_digits("10.36", 2), "1036");
        assert_eq!(super::in_digits("1.2345", 2), "123.45");
        assert_eq!(super::in_digits("０.5", 1), "5");
        assert_eq!(super::in_digits("２５", 3), "25000");
    }
}
