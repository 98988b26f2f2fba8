//! Years and the numerals they are written in, shared by `mixed-number` (which compares the
//! years of a document) and `date-form` (which reads the dates around them): one reading of
//! what a year is, so that the two rules agree on it and never report one year twice.

use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// `年` and `月`, searched for in every paragraph with a digit: made once.
pub(super) static YEAR_MARK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("年"));
pub(super) static MONTH_MARK: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("月"));

/// How a year's numerals are written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Style {
    Chinese,
    Arabic,
}

pub(super) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Chinese numerals of a year (`〇` and its look-alikes included).
pub(super) fn chinese_digit(c: char) -> Option<u32> {
    let at = "〇一二三四五六七八九".chars().position(|d| d == c);
    match at {
        Some(d) => Some(d as u32),
        None => matches!(c, '零' | '○' | 'Ｏ' | '０' | 'O' | '0').then_some(0),
    }
}

/// What may stand before the numerals of a Chinese year without making them part of a
/// larger number (`一千九百`, `二十一年`).
fn continues_chinese_number(c: char) -> bool {
    chinese_digit(c).is_some() || "十百千万两".contains(c)
}

/// What may stand before the digits of a year without making them part of a larger
/// number or a decimal.
fn continues_arabic_number(c: char) -> bool {
    is_digit(c) || matches!(c, '.' | '．' | '-')
}

/// Years in `text`: four Chinese numerals or four digits followed by `年`.
pub(super) fn years_in(text: &str) -> Vec<(Range<usize>, Style)> {
    // From each `年` back (a byte search finds them), not through every character.
    YEAR_MARK
        .find_iter(text.as_bytes())
        .filter_map(|year_mark| year_before(text, year_mark))
        .collect()
}

/// The four-numeral year whose `年` is at byte `year_mark` of `text`: its range, `年`
/// included, and its style.
pub(super) fn year_before(text: &str, year_mark: usize) -> Option<(Range<usize>, Style)> {
    let mut back = text[..year_mark].char_indices().rev();
    let (Some(fourth), Some(third), Some(second), Some(first)) =
        (back.next(), back.next(), back.next(), back.next())
    else {
        return None;
    };
    let four = [first, second, third, fourth];
    let before = back.next().map(|(_, c)| c);
    let range = four[0].0..year_mark + '年'.len_utf8();
    let chinese = four.iter().all(|&(_, c)| chinese_digit(c).is_some())
        && matches!(four[0].1, '一' | '二')
        && !before.is_some_and(continues_chinese_number);
    let arabic = four.iter().all(|&(_, c)| is_digit(c))
        && matches!(four[0].1, '1' | '2' | '１' | '２')
        && !before.is_some_and(continues_arabic_number);
    if chinese {
        Some((range, Style::Chinese))
    } else if arabic {
        Some((range, Style::Arabic))
    } else {
        None
    }
}

/// A year cut to its last two numerals (`18年`, `九八年`, `〇八年`) whose `年` is at byte
/// `year_mark`: its range, `年` included, and its style. Whether it is a year or a
/// count of years (`20年`) is for the caller to tell from what follows.
pub(super) fn short_year_before(text: &str, year_mark: usize) -> Option<(Range<usize>, Style)> {
    let mut back = text[..year_mark].char_indices().rev();
    let (Some(second), Some(first)) = (back.next(), back.next()) else {
        return None;
    };
    let before = back.next().map(|(_, c)| c);
    let range = first.0..year_mark + '年'.len_utf8();
    // `第18年`, `A18年`, `/18年`: an ordinal or a code, not a year.
    let led = |c: char| c == '第' || c.is_ascii_alphabetic() || matches!(c, '/' | '／' | ':' | '_');
    if is_digit(first.1) && is_digit(second.1) {
        let free = !before.is_some_and(|c| continues_arabic_number(c) || led(c));
        return free.then_some((range, Style::Arabic));
    }
    // Numerals of a year only: `十` makes a count (`二十年`).
    let year_numeral = |c: char| "〇○零一二三四五六七八九".contains(c);
    if year_numeral(first.1) && year_numeral(second.1) {
        let free = !before.is_some_and(|c| continues_chinese_number(c) || led(c) || c == '廿');
        return free.then_some((range, Style::Chinese));
    }
    None
}

/// The `《` and `》` of `text` with their byte offsets, in order, for `in_title`.
pub(super) fn title_marks(text: &str) -> Vec<(usize, char)> {
    // `《` and `》` are E3 80 8A and E3 80 8B in UTF-8: a byte search, not a decoding.
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE3, bytes)
        .filter_map(|at| match bytes.get(at + 1..at + 3) {
            Some([0x80, 0x8A]) => Some((at, '《')),
            Some([0x80, 0x8B]) => Some((at, '》')),
            _ => None,
        })
        .collect()
}

/// Inside `《》`: a title is quoted as published. `marks` are the paragraph's `title_marks`;
/// `broken` says the paragraph is itself the middle of a title whose marks stand on the
/// lines around it.
pub(super) fn in_title(marks: &[(usize, char)], at: usize, broken: bool) -> bool {
    let split = marks.partition_point(|&(i, _)| i < at);
    let before = split.checked_sub(1).map(|i| marks[i].1);
    let after = marks.get(split).map(|&(_, c)| c);
    before == Some('《') || after == Some('》') || before.is_none() && after.is_none() && broken
}

/// A title broken over lines where a web page had a link: `《` / `…` / `》`, paragraph
/// `index` being the middle line.
pub(super) fn is_broken_title(paragraphs: &[crate::document::Paragraph], index: usize) -> bool {
    index > 0
        && paragraphs[index - 1].text.ends_with('《')
        && paragraphs
            .get(index + 1)
            .is_some_and(|next| next.text.starts_with('》'))
}
