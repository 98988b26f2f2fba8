//! The enumerators of a document's structure: `一、` `（一）` `1.` `（1）` `①` of GB/T 9704's
//! levels, the `第一编` `第一章` `第一节` `第一条` of statutes, and the `一是` `第一，` that
//! enumerate inside a paragraph. Read the way an editor writes them, wrong forms included
//! (`一.` `(一)` `1、` `1．`), so that the rules which judge the numbering and the levels read
//! one parse.

use crate::document::Paragraph;
use std::ops::Range;

/// Which series an enumerator belongs to: its numerals and its brackets, whatever
/// separator or bracket width was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `第一编`.
    Part,
    /// `第一分编` (the Civil Code's parts are split into these).
    SubPart,
    /// `第一章`.
    Chapter,
    /// `第一节`.
    Section,
    /// `第一条`, an article of a statute or a regulation.
    Article,
    /// `一、`: GB/T 9704's first level.
    Chinese,
    /// `（一）`: the second level; an item (项) of an article.
    ParenChinese,
    /// `1.`: the third level; a sub-item (目).
    Arabic,
    /// `（1）`: the fourth level.
    ParenArabic,
    /// `①`.
    Circled,
    /// `一是`, enumerating points inside a paragraph.
    Shi,
    /// `第一，` (also `第一、`), enumerating points inside a paragraph.
    Ordinal,
}

impl Kind {
    /// Depth in the hierarchy, 0 the outermost: statutes' units first, then GB/T 9704's four
    /// levels and circled numbers. An enumerator's parent is the nearest one before it of a
    /// smaller rank. The in-paragraph kinds (`一是`, `第一，`) stand outside it (`None`).
    pub fn rank(self) -> Option<u8> {
        Some(match self {
            Kind::Part => 0,
            Kind::SubPart => 1,
            Kind::Chapter => 2,
            Kind::Section => 3,
            Kind::Article => 4,
            Kind::Chinese => 5,
            Kind::ParenChinese => 6,
            Kind::Arabic => 7,
            Kind::ParenArabic => 8,
            Kind::Circled => 9,
            Kind::Shi | Kind::Ordinal => return None,
        })
    }

    /// How GB/T 9704 (levels) and statutes (units) write it: what comes before the
    /// number, and what after.
    pub fn canonical(self) -> (&'static str, &'static str) {
        match self {
            Kind::Part => ("第", "编"),
            Kind::SubPart => ("第", "分编"),
            Kind::Chapter => ("第", "章"),
            Kind::Section => ("第", "节"),
            Kind::Article => ("第", "条"),
            Kind::Chinese => ("", "、"),
            Kind::ParenChinese | Kind::ParenArabic => ("（", "）"),
            Kind::Arabic => ("", "."),
            Kind::Circled => ("", ""),
            Kind::Shi => ("", "是"),
            Kind::Ordinal => ("第", "，"),
        }
    }
}

/// One enumerator as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: Kind,
    /// The number it stands for: `十二` is 12, `①` is 1.
    pub value: u32,
    /// The whole enumerator, brackets and separator included, as byte offsets of the text
    /// it was read from (`（一）`, `1.`, `第三条`).
    pub span: Range<usize>,
    /// The numerals alone.
    pub number: Range<usize>,
    /// What was typed before the number (`（`, `(`, `第`) and after it (`、`, `.`, `．`,
    /// `）`, `)`, `条`…), empty where nothing was.
    pub open: &'static str,
    pub close: &'static str,
    /// Whether a space (or the end of the text) follows: statutes set `第一条` off from the
    /// article's words by one, and a reference inside a sentence (`第三条规定`) has none.
    pub spaced: bool,
}

impl Marker {
    /// Whether it is written the standard way for its kind (`（一）`, not `(一)` or `(一）`;
    /// `一、`, not `一.`).
    pub fn is_canonical(&self) -> bool {
        (self.open, self.close) == self.kind.canonical()
    }
}

/// The enumerator that opens a paragraph, if any.
pub fn leading_marker(paragraph: &Paragraph) -> Option<Marker> {
    marker_at(&paragraph.text, 0)
}

/// The enumerator written at byte offset `at` of `text`, if one is. Numbers inside words
/// are not enumerators: `1.5` is a decimal, `2024.1.5` a date, `一、二级` is read as one
/// (the caller knows its context better than this parse).
pub fn marker_at(text: &str, at: usize) -> Option<Marker> {
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    match first {
        '（' | '(' => bracketed(text, at, first),
        '第' => statute_unit(text, at),
        '0'..='9' => arabic(text, at),
        c if circled_value(c).is_some() => {
            let end = at + c.len_utf8();
            Some(Marker {
                kind: Kind::Circled,
                value: circled_value(c)?,
                span: at..end,
                number: at..end,
                open: "",
                close: "",
                spaced: spaced_at(text, end),
            })
        }
        c if is_chinese_numeral(c) => chinese(text, at),
        _ => None,
    }
}

/// `一、` `一.` `一，` and `一是`.
fn chinese(text: &str, at: usize) -> Option<Marker> {
    let (value, len) = chinese_number(&text[at..])?;
    let number = at..at + len;
    let after = text[number.end..].chars().next()?;
    let (kind, close) = match after {
        '、' => (Kind::Chinese, "、"),
        '.' => (Kind::Chinese, "."),
        '．' => (Kind::Chinese, "．"),
        '，' => (Kind::Chinese, "，"),
        ',' => (Kind::Chinese, ","),
        '是' => (Kind::Shi, "是"),
        _ => return None,
    };
    let end = number.end + after.len_utf8();
    Some(Marker {
        kind,
        value,
        span: at..end,
        number,
        open: "",
        close,
        spaced: spaced_at(text, end),
    })
}

/// `1.` `1．` `1、` `1，` `1)` `1）`.
fn arabic(text: &str, at: usize) -> Option<Marker> {
    let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    // A number of four digits or more is a year or a quantity, not an item.
    if digits > 3 || (at > 0 && text[..at].ends_with(|c: char| c.is_ascii_alphanumeric())) {
        return None;
    }
    let number = at..at + digits;
    let value = text[number.clone()].parse().ok()?;
    let after = text[number.end..].chars().next()?;
    let (kind, close) = match after {
        '.' => (Kind::Arabic, "."),
        '．' => (Kind::Arabic, "．"),
        '、' => (Kind::Arabic, "、"),
        '，' => (Kind::Arabic, "，"),
        ')' => (Kind::ParenArabic, ")"),
        '）' => (Kind::ParenArabic, "）"),
        _ => return None,
    };
    let end = number.end + after.len_utf8();
    // `1.5`, `2.3.1`, `1.5亿`: a decimal or a section number, not an item.
    if matches!(after, '.' | '．') && text[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Marker {
        kind,
        value,
        span: at..end,
        number,
        open: "",
        close,
        spaced: spaced_at(text, end),
    })
}

/// `（一）` `(一)` `（1）` `(1)` and their mixtures.
fn bracketed(text: &str, at: usize, open_char: char) -> Option<Marker> {
    let inner = at + open_char.len_utf8();
    let rest = &text[inner..];
    let (kind, value, len) = if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 {
            return None;
        }
        (Kind::ParenArabic, rest[..digits].parse().ok()?, digits)
    } else {
        let (value, len) = chinese_number(rest)?;
        (Kind::ParenChinese, value, len)
    };
    let number = inner..inner + len;
    let close_char = text[number.end..].chars().next()?;
    let close = match close_char {
        '）' => "）",
        ')' => ")",
        _ => return None,
    };
    let end = number.end + close_char.len_utf8();
    Some(Marker {
        kind,
        value,
        span: at..end,
        number,
        open: if open_char == '（' { "（" } else { "(" },
        close,
        spaced: spaced_at(text, end),
    })
}

/// `第一条` `第一章` `第一节` `第一编` `第一分编`, and `第一，` `第一、`.
fn statute_unit(text: &str, at: usize) -> Option<Marker> {
    let inner = at + '第'.len_utf8();
    let (value, len) = chinese_number(&text[inner..])?;
    let number = inner..inner + len;
    let rest = &text[number.end..];
    let (kind, close) = [
        (Kind::Article, "条"),
        (Kind::Chapter, "章"),
        (Kind::Section, "节"),
        (Kind::Part, "编"),
        (Kind::SubPart, "分编"),
        (Kind::Ordinal, "，"),
        (Kind::Ordinal, "、"),
    ]
    .into_iter()
    .find(|(_, close)| rest.starts_with(close))?;
    let end = number.end + close.len();
    Some(Marker {
        kind,
        value,
        span: at..end,
        number,
        open: "第",
        close,
        spaced: spaced_at(text, end),
    })
}

/// Whether a space or the end of the text comes at `at`.
fn spaced_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(crate::text::is_space)
}

fn is_chinese_numeral(c: char) -> bool {
    digit_value(c).is_some() || matches!(c, '十' | '百' | '千')
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn circled_value(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(u32::from(c) - u32::from('①') + 1),
        _ => None,
    }
}

/// A number in Chinese numerals at the start of `text` (`十二`, `一百零五`, `一千二百六十`),
/// and its length in bytes. Numbers as statutes count articles: below ten thousand.
pub fn chinese_number(text: &str) -> Option<(u32, usize)> {
    let mut total = 0;
    let mut pending: Option<u32> = None;
    let mut len = 0;
    let mut last_unit = u32::MAX;
    for c in text.chars() {
        if let Some(digit) = digit_value(c) {
            // Two digits in a row (`一二`) are not one number; a zero only holds a place.
            if pending.is_some_and(|p| p != 0) {
                break;
            }
            pending = Some(digit);
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => break,
            };
            if unit >= last_unit {
                break;
            }
            total += pending
                .filter(|&p| p != 0)
                .unwrap_or(if unit == 10 { 1 } else { 0 })
                * unit;
            if unit != 10 && pending.is_none_or(|p| p == 0) {
                break;
            }
            last_unit = unit;
            pending = None;
        }
        len += c.len_utf8();
    }
    let value = total + pending.unwrap_or(0);
    // A lone `〇`/`零` or `两` is not an enumerator's number.
    let first = text.chars().next()?;
    if len == 0 || value == 0 || (len == first.len_utf8() && first == '两') {
        return None;
    }
    Some((value, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers_read_as_statutes_count() {
        for (text, value, rest) in [
            ("一、", 1, "、"),
            ("十、", 10, "、"),
            ("十二条", 12, "条"),
            ("二十条", 20, "条"),
            ("一百零五条", 105, "条"),
            ("一百二十条", 120, "条"),
            ("一千二百六十条", 1260, "条"),
            ("三百条", 300, "条"),
            ("九十九", 99, ""),
            ("一二", 1, "二"),
        ] {
            let (found, len) = chinese_number(text).unwrap();
            assert_eq!((found, &text[len..]), (value, rest), "{text}");
        }
        for text in ["〇、", "零", "两", "百", "千"] {
            assert_eq!(chinese_number(text), None, "{text}");
        }
    }

    fn parse(text: &str) -> Option<(Kind, u32, &str, bool, bool)> {
        marker_at(text, 0).map(|m| {
            (
                m.kind,
                m.value,
                &text[m.span.clone()],
                m.is_canonical(),
                m.spaced,
            )
        })
    }

    #[test]
    fn markers_of_real_lines() {
        use Kind::*;
        let table = [
            ("一、总体要求", Some((Chinese, 1, "一、", true, false))),
            ("三.工作措施", Some((Chinese, 3, "三.", false, false))),
            (
                "（二）加强组织领导。",
                Some((ParenChinese, 2, "（二）", true, false)),
            ),
            (
                "(二)加强组织领导",
                Some((ParenChinese, 2, "(二)", false, false)),
            ),
            (
                "(十一）严格执法",
                Some((ParenChinese, 11, "(十一）", false, false)),
            ),
            ("1.强化责任落实。", Some((Arabic, 1, "1.", true, false))),
            ("2．明确时间节点", Some((Arabic, 2, "2．", false, false))),
            ("12、建立台账", Some((Arabic, 12, "12、", false, false))),
            (
                "（3）其他事项",
                Some((ParenArabic, 3, "（3）", true, false)),
            ),
            ("(3)其他事项", Some((ParenArabic, 3, "(3)", false, false))),
            ("②完善制度", Some((Circled, 2, "②", true, false))),
            (
                "第一条 为了规范行政处罚的设定和实施，制定本法。",
                Some((Article, 1, "第一条", true, true)),
            ),
            ("第八条 （删除）", Some((Article, 8, "第八条", true, true))),
            (
                "第一千二百六十条 本法自2021年1月1日起施行。",
                Some((Article, 1260, "第一千二百六十条", true, true)),
            ),
            (
                "第三条规定的情形",
                Some((Article, 3, "第三条", true, false)),
            ),
            (
                "第二章 行政处罚的种类和设定",
                Some((Chapter, 2, "第二章", true, true)),
            ),
            ("第一分编 通则", Some((SubPart, 1, "第一分编", true, true))),
            ("第四编 人格权", Some((Part, 4, "第四编", true, true))),
            ("第二节 一般规定", Some((Section, 2, "第二节", true, true))),
            ("一是加强宣传教育", Some((Shi, 1, "一是", true, false))),
            ("第二，完善机制", Some((Ordinal, 2, "第二，", true, false))),
            // Not enumerators.
            ("1.5亿元", None),
            ("2024.1.5", None),
            ("2024年", None),
            ("第一书记", None),
            ("一方面", None),
            ("两、三天", None),
            ("十分重要", None),
        ];
        for (text, expected) in table {
            assert_eq!(parse(text), expected, "{text}");
        }
    }

    #[test]
    fn markers_inside_a_sentence_are_read_at_their_offset() {
        let text = "一是加强领导；二是落实责任；四是强化督查。";
        let found: Vec<u32> = text
            .char_indices()
            .filter_map(|(at, _)| marker_at(text, at))
            .filter(|m| m.kind == Kind::Shi)
            .map(|m| m.value)
            .collect();
        assert_eq!(found, [1, 2, 4]);
        assert_eq!(
            marker_at("ab1.x", 2),
            None,
            "a digit after a letter is a code"
        );
    }
}
