//! `unbalanced-bracket`: a bracket or title mark that does not pair within its paragraph.

use super::pairing::{Family, Orphan, orphans};
use super::{Check, Report, RuleInfo};
use crate::diagnostic::Severity;
use crate::document::Document;

pub static RULE: RuleInfo = RuleInfo {
    name: "unbalanced-bracket",
    severity: Severity::Error,
    summary: "A `（）` `()` `《》` `〈〉` `【】` `〔〕` `[]` mark without its partner in the paragraph.",
    explanation: r#"
## What it does
Pairs brackets and 书名号 within each paragraph and points at the one left over. `（` and
`(` count as the same bracket (a width mismatch is `halfwidth-punctuation`'s business).

## Why is this bad
GB/T 15834-2011 4.9 and 4.15: brackets and title marks come in pairs. A missing half
leaves the reader unsure where a note or a title ends, and often marks a deletion slip.

## Not reported
List markers (`1)` `a)` `一）` at the start of a paragraph), emoticon-like `:)`, and marks
inside URLs.
"#,
    bad: &[
        "出台《规范性文件制定和备案规定等规范。",
        "海门区镇（街道开展相对集中行政处罚权工作。",
        "国发〔2019号文件",
    ],
    good: &[
        "出台《关于进一步完善行政规范性文件制定程序和监督管理的通知》（试行）。",
        "1)加强组织领导。",
        "国发〔2019〕5号",
        "【要闻】会议召开",
    ],
    check: Check::Document(check),
};

const BRACKETS: &[Family] = &[
    Family { openers: &['（', '('], closers: &['）', ')'] },
    Family { openers: &['《'], closers: &['》'] },
    Family { openers: &['〈'], closers: &['〉'] },
    Family { openers: &['【'], closers: &['】'] },
    Family { openers: &['〔'], closers: &['〕'] },
    Family { openers: &['[', '［'], closers: &[']', '］'] },
];

fn check(document: &Document, report: &mut Report) {
    for (index, paragraph) in document.paragraphs.iter().enumerate() {
        let text = &paragraph.text;
        let ignore = |at: usize, c: char| {
            paragraph.is_protected(at)
                || is_list_marker(&text[..at], c)
                || (c == ')' && text[..at].ends_with([':', ';']))
        };
        for orphan in orphans(text, BRACKETS, ignore) {
            let mark = orphan.mark();
            let message = match orphan {
                Orphan::Opener { .. } => format!("opening `{mark}` is never closed in this paragraph"),
                Orphan::Closer { .. } => format!("closing `{mark}` has no opening mark before it"),
            };
            let at = orphan.at();
            report.add(
                index,
                paragraph,
                at..at + mark.len_utf8(),
                message,
                "add the missing half, or delete this mark",
            );
        }
    }
}

/// `1)`, `a)`, `一）` opening a paragraph: an enumerator, not half of a pair.
fn is_list_marker(before: &str, mark: char) -> bool {
    matches!(mark, ')' | '）' | ']' | '］')
        && !before.is_empty()
        && before.chars().count() <= 3
        && before
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("出台《规范性文件制定和备案规定等规范。", vec!["《"]),
            ("海门区镇（街道开展工作。", vec!["（"]),
            ("开展工作）。", vec!["）"]),
            ("国发〔2019号", vec!["〔"]),
            ("见【要闻", vec!["【"]),
            ("《关于〈条例》", vec!["〈"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "出台《关于进一步完善行政规范性文件制定程序和监督管理的通知》（试行）。",
            "1)加强组织领导。",
            "a)第一项",
            "一）总体要求",
            "国发〔2019〕5号",
            "【要闻】会议召开",
            "示范县(市）",
            "见第[1]条注释",
            "详见http://example.com/a_(b",
            "好的:)",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
