//! `lost-character`: a `?` or U+FFFD standing where an encoding round-trip lost a character.

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::{Document, Paragraph};
use crate::report::diagnostic::Severity;
use crate::text::is_han;

pub static RULE: RuleInfo = RuleInfo {
    name: "lost-character",
    severity: Severity::Error,
    summary: "A `?` or `�` (U+FFFD) where a character was lost when the text changed encoding.",
    explanation: r#"
## What it does
Reports every U+FFFD replacement character, and every ASCII `?` (or run of them) that sits
between two Chinese characters in a clause that asks nothing: `美好生活?法典相伴` (the
campaign is 美好生活·民法典相伴), `张?同志`.

## Why is this bad
When text passes through an encoding that lacks a character (GBK lacks `·` variants and
rare names' characters; Latin-1 lacks all of them), the converter writes `?` or `�`
instead. The reader sees a wrong word and the original character is gone; only the
author's source can restore it.

## Not reported
A real question: a `?` after an interrogative word or particle (`吗` `呢` `什么` `怎么`
`为什么` `如何` `哪` `谁` `几` `多少` `是否` `能否`…) in the same clause, or at the end of
a clause. Those are questions with a half-width mark, reported by `halfwidth-punctuation`.
`?` inside URLs is never reported.
"#,
    zh: Doc {
        summary: "转换编码时丢了字，原处留下了“?”或“�”。",
        explanation: r#"
## 检查什么
报告每一个替换字符“�”（U+FFFD），以及夹在两个汉字之间、所在分句并不是在提问的英文问号“?”（或连续几个“?”）：如“美好生活?法典相伴”（活动名称是“美好生活·民法典相伴”）、“张?同志”。

## 为什么要改
文本经过一种缺少某个字的编码转换时（GBK缺少间隔号“·”的某些写法和一些人名用字，Latin-1则一个汉字也没有），转换程序就写成“?”或“�”。读者看到的是错字，原来的字已经丢了，只有作者的原稿能补回。

## 怎么改
不自动修复：丢的是什么字，只有原稿知道。请对照原稿补上丢失的字，常见的是间隔号“·”或人名中的生僻字。

## 不报告的情况
真正的问句：同一分句中“?”之前有疑问词或语气词（“吗”“呢”“什么”“怎么”“为什么”“如何”“哪”“谁”“几”“多少”“是否”“能否”等），或“?”在分句末尾。这些是用了半角问号的问句，由“halfwidth-punctuation”报告。网址中的“?”一律不报告。
"#,
    },
    bad: &[
        Example::corrected(
            "广泛开展“美好生活?法典相伴”主题活动。",
            "广泛开展“美好生活·民法典相伴”主题活动。",
        ),
        Example::corrected("张?同志任办公室主任。", "张堃同志任办公室主任。"),
        Example::corrected("文件中的乱码�需要核对。", "文件中的乱码需要核对。"),
    ],
    good: &[
        "你们准备好了吗？我们出发。",
        "这是为什么?我们要查清原因。",
        "详见http://www.gov.cn/search?q=法治。",
        "美好生活·民法典相伴",
    ],
    fix: Fixes::None,
    marks: Marks::chars(&['?', '\u{FFFD}']),
    check: Check::Paragraph(check),
};

const INTERROGATIVES: &[&str] = &[
    "吗",
    "呢",
    "么",
    "什么",
    "怎",
    "为何",
    "如何",
    "哪",
    "谁",
    "几",
    "多少",
    "是否",
    "难道",
    "岂",
    "可否",
    "能否",
    "是不是",
    "有没有",
    "何时",
    "何处",
    "何地",
    "啥",
    "还是",
];

fn check(_: &Document, index: usize, paragraph: &Paragraph, report: &mut Report) {
    let text = &paragraph.text;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if paragraph.is_protected(at) {
            continue;
        }
        if c == '\u{FFFD}' {
            report.add(
                index,
                paragraph,
                at..at + c.len_utf8(),
                crate::msg!("lost-character-replacement"),
                crate::msg!("lost-character-replacement-help"),
            );
        } else if c == '?' {
            let mut end = at + 1;
            while chars.next_if(|&(_, c)| c == '?').is_some() {
                end += 1;
            }
            if is_lost_character(text, at..end) {
                report.add(
                    index,
                    paragraph,
                    at..end,
                    crate::msg!(
                        "lost-character",
                        written = &text[at..end],
                        context = surrounding(text, at..end)
                    ),
                    crate::msg!("lost-character-help"),
                );
            }
        }
    }
}

/// The words around a run of `?` (`美好生活?法典相伴`), so the message alone says where
/// it is: up to four characters on each side, within the clause.
fn surrounding(text: &str, run: std::ops::Range<usize>) -> String {
    let stops =
        |c: &char| c.is_whitespace() || c.is_control() || "，。；：、！？“”《》（）".contains(*c);
    let before: Vec<char> = text[..run.start]
        .chars()
        .rev()
        .take_while(|c| !stops(c))
        .take(4)
        .collect();
    let after = text[run.end..].chars().take_while(|c| !stops(c)).take(4);
    before
        .into_iter()
        .rev()
        .chain(text[run.clone()].chars())
        .chain(after)
        .collect()
}

/// How far back (in bytes, about 250 Chinese characters) the clause of a `?` is looked for.
const CLAUSE_BYTES: usize = 768;

/// Whether the run of `?` at `run` stands for lost characters rather than ending a question.
pub fn is_lost_character(text: &str, run: std::ops::Range<usize>) -> bool {
    let before = &text[..run.start];
    let (Some(prev), Some(next)) = (before.chars().next_back(), text[run.end..].chars().next())
    else {
        return false;
    };
    if !(is_han(next) || next.is_ascii_digit()) {
        return false;
    }
    // No question ends right after a pause mark or an opening mark: `、?水灌区`.
    if matches!(prev, '、' | '，' | '“' | '‘' | '《' | '（' | '：' | '·') {
        return true;
    }
    if !is_han(prev) {
        return false;
    }
    // The clause is looked for in the last `CLAUSE_BYTES` only: a clause is far shorter, and
    // a paragraph of 100 000 `?` without a comma must not be searched back to its start
    // for each of them.
    let mut window = before.len().saturating_sub(CLAUSE_BYTES);
    while !before.is_char_boundary(window) {
        window += 1;
    }
    let recent = &before[window..];
    let clause_start = window
        + recent
            .rfind([
                '，', '。', '！', '？', '；', '：', ',', ';', ':', '!', '“', '\n',
            ])
            .map_or(0, |i| {
                i + recent[i..].chars().next().map_or(1, char::len_utf8)
            });
    let clause = &before[clause_start..];
    !INTERROGATIVES.iter().any(|word| clause.contains(word))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    #[test]
    fn must_fire() {
        for (text, marked) in [
            ("广泛开展“美好生活?法典相伴”主题活动", "?"),
            ("张?同志任办公室主任", "?"),
            ("李??同志", "??"),
            ("第?条", "?"),
            ("乱码�在此", "�"),
            ("�", "�"),
            ("什么是法治，美好生活?法典相伴", "?"),
            ("洞庭湖区重点垸堤防加固二期、?水灌区开工建设", "?"),
        ] {
            assert_eq!(findings(&super::RULE, text), [marked], "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "你们准备好了吗?我们出发。",
            "这是为什么?我们要查清原因。",
            "怎么办?要靠改革。",
            "成效如何?群众说了算。",
            "谁来监督?人大来监督。",
            "有多少人?共计120人。",
            "真的吗?",
            "详见http://www.gov.cn/search?q=法治。",
            "What is this? 这是法典。",
            "美好生活·民法典相伴",
            "能否按期完成?关键在落实。",
            "立党为公，还是立党为私?这是分水岭。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
