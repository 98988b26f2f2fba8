//! Character classes of Chinese prose, and the spans (URLs, e-mail addresses) no punctuation
//! rule may look inside.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A Han ideograph (CJK Unified Ideographs and extensions, compatibility ideographs, `〇`).
pub fn is_han(c: char) -> bool {
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
    matches!(c,
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '“' | '”' | '‘' | '’' | '（' | '）'
        | '《' | '》' | '〈' | '〉' | '【' | '】' | '〔' | '〕' | '「' | '」' | '『' | '』'
        | '…' | '—' | '·' | '～' | '［' | '］' | '．')
}

/// Han or full-width punctuation: a neighbour that makes an ASCII mark beside it a Chinese mark.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Whitespace as it appears in Chinese articles: ASCII, U+3000 indentation, NBSP.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}'
}

/// Zero-width characters that pasted text carries invisibly.
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

static URL_OR_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:https?|ftp)://[\x21-\x7E]+            # scheme URLs
        | www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[\x21-\x7E]*
        | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+   # e-mail
        | [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu)\b[\x21-\x7E]*",
    )
    .expect("URL pattern is valid")
});

/// Byte ranges of URLs and e-mail addresses in `text`. Trailing ASCII punctuation that ends
/// the sentence around a URL (`见www.gov.cn.`) is not part of it.
pub fn url_spans(text: &str) -> Vec<Range<usize>> {
    URL_OR_EMAIL
        .find_iter(text)
        .map(|m| {
            let trimmed = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            m.start()..m.start() + trimmed.len()
        })
        .collect()
}

/// The character before byte `at` and the one at-or-after `end`, skipping nothing.
pub fn neighbours(text: &str, at: usize, end: usize) -> (Option<char>, Option<char>) {
    (text[..at].chars().next_back(), text[end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_emails() {
        let text = "详见http://www.gov.cn/zhengce.或发送至abc@gov.cn,也可访问www.haimen.gov.cn。";
        let found: Vec<&str> = url_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["http://www.gov.cn/zhengce", "abc@gov.cn", "www.haimen.gov.cn"]
        );
    }

    #[test]
    fn han_and_punctuation_classes() {
        assert!(is_han('政') && is_han('〇') && !is_han('，'));
        assert!(is_chinese('，') && is_chinese('”') && !is_chinese(','));
    }
}
