//! Character classes of Chinese prose, and the spans (URLs, e-mail addresses) no punctuation
//! rule may look inside.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A Han ideograph (CJK Unified Ideographs and extensions, compatibility ideographs, `〇`).
pub const fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '\u{3007}')
}

/// Full-width punctuation of Chinese text (GB/T 15834), which marks the surrounding text as
/// Chinese just as a Han character does.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '～'
            | '［'
            | '］'
            | '．'
    )
}

/// Han or full-width punctuation: a neighbour that makes an ASCII mark beside it a Chinese mark.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Marks that open a quotation, bracket or title.
pub const OPENING_MARKS: &[char] = &[
    '“', '‘', '「', '『', '《', '〈', '（', '(', '【', '〔', '[', '［',
];
/// Marks that close a quotation, bracket or title.
pub const CLOSING_MARKS: &[char] = &[
    '”', '’', '」', '』', '》', '〉', '）', ')', '】', '〕', ']', '］',
];
/// Point marks inside or at the end of a sentence (GB/T 15834 4.1–4.7).
pub const POINT_MARKS: &[char] = &['，', '。', '、', '；', '：', '？', '！'];

/// A line that begins with a closing or point mark, or that ends with an opening mark,
/// is a piece of a line broken mid-sentence (GB/T 15834 5.1.5 keeps these marks off a
/// line's edge), typically where a web page had a link.
pub fn starts_broken(line: &str) -> bool {
    line.starts_with(CLOSING_MARKS) || line.starts_with(POINT_MARKS)
}

pub fn ends_broken(line: &str) -> bool {
    line.ends_with(OPENING_MARKS)
}

/// The characters of `text` whose UTF-8 encoding begins with the byte `lead`, found by a
/// byte search without decoding the characters between (every full-width form, U+FF00 to
/// U+FFEF, begins with 0xEF; the Han characters around them never do).
pub fn chars_led_by(text: &str, lead: u8) -> impl Iterator<Item = char> + '_ {
    memchr::memchr_iter(lead, text.as_bytes())
        .filter_map(|at| text.get(at..).and_then(|rest| rest.chars().next()))
}

/// Calls `found` with the byte offset of each `c` in `text`, in order. A byte search keyed
/// on the character's rarest byte: the standard library's keys on the last byte, which most
/// Han characters share with some other, and is then slower than reading every character.
pub fn for_each_position_of(text: &str, c: char, found: impl FnMut(usize)) {
    with_finder(c, |finder| {
        finder.find_iter(text.as_bytes()).for_each(found)
    });
}

/// Whether `text` holds `c`, by the byte search of `for_each_position_of`.
pub fn holds_char(text: &str, c: char) -> bool {
    with_finder(c, |finder| finder.find(text.as_bytes()).is_some())
}

thread_local! {
    /// The byte searchers made so far, by character: making one takes longer than searching
    /// a paragraph with it, and the rules look for a few dozen characters in every paragraph.
    static FINDERS: std::cell::RefCell<Vec<(char, memchr::memmem::Finder<'static>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `use_it` with the searcher for `c`, made once a thread.
fn with_finder<R>(c: char, use_it: impl FnOnce(&memchr::memmem::Finder<'_>) -> R) -> R {
    let make = || {
        let mut encoded = [0; 4];
        memchr::memmem::Finder::new(c.encode_utf8(&mut encoded).as_bytes()).into_owned()
    };
    FINDERS.with(|finders| {
        // A search made from inside another's callback makes its own searcher.
        let Ok(mut finders) = finders.try_borrow_mut() else {
            return use_it(&make());
        };
        let index = match finders.iter().position(|(known, _)| *known == c) {
            Some(index) => index,
            None => {
                finders.push((c, make()));
                finders.len() - 1
            }
        };
        use_it(&finders[index].1)
    })
}

/// Whitespace as it appears in Chinese articles: ASCII, U+3000 indentation, NBSP.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}'
}

static URL_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:https?|ftp)://[\x21-\x7E]+            # scheme URLs
        | www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[\x21-\x7E]*
        | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+   # e-mail
        | [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu)(?-u:\b)[\x21-\x7E]*",
    )
    .expect("URL pattern is valid")
});

/// Whether `URL_OR_EMAIL` may match: every alternative holds `://`, `@`, or a `.` beside an
/// ASCII letter (`www.`, `.cn`), where the dots of Chinese text stand between digits
/// (`3.5%`, `1.加强`). A byte search spares most paragraphs the regex.
fn may_hold_url(bytes: &[u8]) -> bool {
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memchr_iter(b'.', bytes).any(|at| {
            let beside = [
                at.checked_sub(1).map(|before| bytes[before]),
                bytes.get(at + 1).copied(),
            ];
            beside
                .into_iter()
                .flatten()
                .any(|b| b.is_ascii_alphabetic())
        })
}

/// Byte ranges of URLs and e-mail addresses in `text`. Trailing ASCII punctuation that ends
/// the sentence around a URL (`见www.gov.cn.`) is not part of it.
pub fn url_spans(text: &str) -> Vec<Range<usize>> {
    if !may_hold_url(text.as_bytes()) {
        return Vec::new();
    }
    URL_OR_EMAIL
        .find_iter(text)
        .map(|m| {
            let trimmed = m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            m.start()..m.start() + trimmed.len()
        })
        .collect()
}

static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
          第[一二三四五六七八九十百千零〇两0-9０-９]+(?:条(?:之[一二三四五六七八九十]+)?|[章节编款项])
        | [（(][一二三四五六七八九十百0-9０-９]+[）)]
        | [一二三四五六七八九十百]+[、．.]
        | [0-9０-９]+[、．.]
        | [①-⑳]
        | [一二三四五六七八九十]是
        | 其[一二三四五六七八九十]
        | [0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日
        )",
    )
    .expect("label pattern is valid")
});

/// `text` with every control character (line breaks, tabs, escapes, C1 controls) written as
/// an escape (`\n`, `\u{1b}`), so that it prints as one inert line.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls_but_layout(text, false)
}

/// `escape_controls` for text shown on several lines (a source excerpt, a diff, a help):
/// tabs, line feeds and the carriage return of a CRLF line end are layout and stay; an
/// escape, a bell, a backspace or a lone carriage return, which would drive the terminal
/// or overwrite what was printed, are escaped.
pub fn escape_terminal_controls(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls_but_layout(text, true)
}

fn escape_controls_but_layout(text: &str, keep_layout: bool) -> std::borrow::Cow<'_, str> {
    let is_layout = |c: char, next: Option<char>| {
        keep_layout && (c == '\t' || c == '\n' || c == '\r' && next == Some('\n'))
    };
    if !text.contains(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_control() && !is_layout(c, chars.peek().copied()) {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    std::borrow::Cow::Owned(escaped)
}

/// The enumerator or date a paragraph opens with (`第五条`, `（二）`, `一是`, `3.`,
/// `2021年5月20日`); the duplicate phase leaves enumerators out of its comparison.
pub fn leading_label(text: &str) -> Option<&str> {
    let found = LEADING_LABEL.find(text)?;
    // `3.5%` opens with a number, not an enumerator.
    if found.as_str().ends_with('.')
        && text[found.end()..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some(found.as_str().trim_end_matches(['、', '．', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Fixed cases (CI is never flaky) and no regression file written into the tree.
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 512,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_127),
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// The byte precheck never spares a paragraph the regex would find a URL in.
        #[test]
        fn the_url_precheck_passes_every_text_with_a_url(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "W", "w", "K", "ſ", "1", "9", ".", ".", "@", "-", "_", "%", "/", ":", "://",
                "www.", "cn", "com", "gov", "http", "海门", "。", "，", " ",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            if URL_OR_EMAIL.is_match(&text) {
                proptest::prop_assert!(may_hold_url(text.as_bytes()), "{:?}", text);
            }
        }
    }

    #[test]
    fn the_url_precheck_passes_each_kind_of_url() {
        for text in [
            "见9@9.9。",
            "http://1.2",
            "ftp://10.0.0.1",
            "WWW.12306.CN",
            "登录12306.cn",
        ] {
            assert!(URL_OR_EMAIL.is_match(text), "{text}");
            assert!(may_hold_url(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn the_url_precheck_spares_numbers_and_list_markers() {
        for text in [
            "增长3.5%，",
            "1.加强组织领导。",
            "10:30召开会议。",
            "第1.2.3条",
        ] {
            assert!(!may_hold_url(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn terminal_controls_are_escaped_and_layout_kept() {
        let text = "a\x1b[31mb\x1b]0;t\x07c\rd\x08e\u{9b}f\tg\r\nh\n";
        assert_eq!(
            escape_terminal_controls(text),
            "a\\u{1b}[31mb\\u{1b}]0;t\\u{7}c\\rd\\u{8}e\\u{9b}f\tg\r\nh\n"
        );
        assert_eq!(
            escape_controls(text),
            "a\\u{1b}[31mb\\u{1b}]0;t\\u{7}c\\rd\\u{8}e\\u{9b}f\\tg\\r\\nh\\n"
        );
        assert_eq!(escape_terminal_controls("甲\t乙\r\n丙"), "甲\t乙\r\n丙");
    }

    #[test]
    fn finds_urls_and_emails() {
        let text = "详见http://www.gov.cn/zhengce.或发送至abc@gov.cn,也可访问www.haimen.gov.cn。";
        let found: Vec<&str> = url_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "http://www.gov.cn/zhengce",
                "abc@gov.cn",
                "www.haimen.gov.cn"
            ]
        );
    }

    #[test]
    fn leading_labels() {
        for (text, label) in [
            ("第十二条 申请人应当", Some("第十二条")),
            ("（二）在食用农产品", Some("（二）")),
            ("(三)设置、变更", Some("(三)")),
            ("一是加强组织领导", Some("一是")),
            ("3.加强监管", Some("3")),
            ("2007年10月28日 第十届", Some("2007年10月28日")),
            ("3.5%的增长", None),
            ("２．总吨位超过500吨的船舶", Some("２")),
            ("注重示范驱动", None),
        ] {
            assert_eq!(leading_label(text), label, "{text}");
        }
    }

    #[test]
    fn han_and_punctuation_classes() {
        assert!(is_han('政') && is_han('〇') && !is_han('，'));
        assert!(is_chinese('，') && is_chinese('”') && !is_chinese(','));
    }
}
