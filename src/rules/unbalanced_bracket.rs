//! `unbalanced-bracket`: a bracket or title mark that does not pair within its paragraph.

use super::pairing::{
    Family, Side, chains, closed_later, mirrored_slip, of_paragraph, open_ends, orphans, runs_on,
};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::Document;
use crate::report::diagnostic::Severity;

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
List markers (`1)` `a)` `A)` `一）` at the start of a paragraph, also after a heading or a
lead ending in `：`), emoticon-like `:)`, marks inside URLs, and the two different brackets
around the year of a document number (`国发〔2019]5号`), which `document-number` reports. A bracket that opens at the
end of its paragraph's text and closes a few paragraphs on, with nothing of its kind between
(a note over two paragraphs, `（注1：…` / `注2：…）`; a promulgation record of one entry per
line), balances.
"#,
    zh: Doc {
        summary: "同一段中的括号或书名号（（） () 《》 〈〉 【】 〔〕 []）不成对，缺了一半。",
        explanation: r#"
## 检查什么
逐段给括号和书名号配对，指出配不上的那一个。全角“（”和半角“(”按同一种括号配对（全角半角混用由“halfwidth-punctuation”报告）。

## 为什么要改
GB/T 15834-2011 4.9、4.15：括号和书名号都要成对使用。少了一半，读者不知道注释或书名到哪里结束，这往往也说明删改时删漏了。

## 怎么改
只有一种改法时（例如“《民法典《”，后一个书名号方向反了），加“--fix”即可自动修复；否则给出删去这个符号的建议（“--unsafe-fixes”）。请对照原文，决定补上另一半还是删去。

## 不报告的情况
段首的序号（“1)”“a)”“A)”“一）”，也包括标题或以“：”结尾的引导语之后的序号）、“:)”这样的表情符号、网址中的括号，以及发文字号中括住年份的两个不同的括号（“国发〔2019]5号”，由“document-number”报告）。括号在一段末尾打开、隔几段才关上、中间没有同类括号的（跨两段的注释，如“（注1：……”和“注2：……）”；每行一条的公布记录），算作成对。
"#,
    },
    bad: &[
        Example::corrected(
            "出台《规范性文件制定和备案规定等规范。",
            "出台《规范性文件制定和备案规定》等规范。",
        ),
        Example::corrected(
            "海门区镇（街道开展相对集中行政处罚权工作。",
            "海门区镇（街道）开展相对集中行政处罚权工作。",
        ),
        Example::corrected("国发〔2019号文件", "国发〔2019〕号文件"),
    ],
    good: &[
        "出台《关于进一步完善行政规范性文件制定程序和监督管理的通知》（试行）。",
        "1)加强组织领导。",
        "国发〔2019〕5号",
        "【要闻】会议召开",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(BRACKET_MARKS),
    check: Check::Document(check),
};

/// Every mark of `BRACKETS`.
const BRACKET_MARKS: &[char] = &[
    '（', '(', '）', ')', '《', '》', '〈', '〉', '【', '】', '〔', '〕', '[', '［', ']', '］',
];

const BRACKETS: &[Family] = &[
    Family {
        openers: &['（', '('],
        closers: &['）', ')'],
    },
    Family {
        openers: &['《'],
        closers: &['》'],
    },
    Family {
        openers: &['〈'],
        closers: &['〉'],
    },
    Family {
        openers: &['【'],
        closers: &['】'],
    },
    Family {
        openers: &['〔'],
        closers: &['〕'],
    },
    Family {
        openers: &['[', '［'],
        closers: &[']', '］'],
    },
];

fn check(document: &Document, report: &mut Report) {
    let paragraphs = &document.paragraphs;
    let ignore = |index: usize, at: usize, c: char| {
        let paragraph = &paragraphs[index];
        let before = &paragraph.text[..at];
        // A list marker opens a paragraph, not the continuation of a broken line; a heading
        // (`#### 5.1.1 重伤一级` / `a)植物生存状态。`) ends without a stop yet breaks nothing,
        // unless it ends with an opening mark (`（` / `三）…`).
        let continues_previous = || {
            index > 0 && {
                let previous = &paragraphs[index - 1];
                let ends_open = previous
                    .text
                    .ends_with(|c| BRACKETS.iter().any(|f| f.openers.contains(&c)));
                // A lead ending in `：` introduces the list (`应符合下列要求：` / `a)…；`).
                let introduces = previous.text.ends_with(['：', ':']);
                // Only `a)` `1)` lists: `一）` there is more often `（一）` missing its `（`.
                let latin = before.chars().all(|c| c.is_ascii_alphanumeric());
                runs_on(&previous.text, &paragraph.text)
                    && !(latin && ((previous.is_heading && !ends_open) || introduces))
            }
        };
        paragraph.is_protected(at)
            || (is_list_marker(before, c) && !continues_previous())
            || (c == ')' && before.ends_with([':', ';']))
            || super::document_number::in_mismatched_number(&paragraph.text, at)
    };
    let mut found: Vec<_> = chains(paragraphs)
        .into_iter()
        .flat_map(|chain| orphans(paragraphs, chain, BRACKETS, ignore))
        .collect();
    let balanced: std::collections::BTreeSet<usize> = open_ends(paragraphs, &found, BRACKETS)
        .into_iter()
        .filter_map(|end| {
            closed_later(paragraphs, &found, end, BRACKETS, SPANNING_PARAGRAPHS)
                .map(|closer| [end.opener, closer])
        })
        .flatten()
        .collect();
    if !balanced.is_empty() {
        found = found
            .into_iter()
            .enumerate()
            .filter(|(index, _)| !balanced.contains(index))
            .map(|(_, orphan)| orphan)
            .collect();
    }
    for &orphan in &found {
        let mark = orphan.mark;
        let message = match orphan.side {
            Side::Opener => crate::msg!("unbalanced-bracket-opener", mark = mark),
            Side::Closer => crate::msg!("unbalanced-bracket-closer", mark = mark),
        };
        let paragraph = &paragraphs[orphan.paragraph];
        let finding = report.add(
            orphan.paragraph,
            paragraph,
            orphan.at..orphan.at + mark.len_utf8(),
            message,
            crate::msg!("unbalanced-bracket-help"),
        );
        let in_paragraph = of_paragraph(&found, orphan.paragraph);
        if let Some((at, wrong, right)) = mirrored_slip(paragraph, in_paragraph, BRACKETS) {
            let title = crate::msg!(
                "unbalanced-bracket-mirror-fix",
                wrong = wrong,
                right = right
            );
            let right = right.to_string();
            finding.fix(
                paragraph,
                title,
                true,
                &[(at..at + wrong.len_utf8(), &right)],
            );
            continue;
        }
        // Where the missing half belongs is the editor's call: deleting is a suggestion.
        let span = orphan.at..orphan.at + mark.len_utf8();
        finding.fix(
            paragraph,
            crate::msg!("unbalanced-bracket-delete-fix", mark = mark),
            false,
            &[(span, "")],
        );
    }
}

/// Most paragraphs a bracket may run over: a note of a few paragraphs (`（注1：…` /
/// `注2：…）`), a promulgation record of one entry per line (`（2007年…通过` / `…修正）`).
const SPANNING_PARAGRAPHS: usize = 10;

/// `1)`, `a)`, `一）` opening a paragraph: an enumerator, not half of a pair.
fn is_list_marker(before: &str, mark: char) -> bool {
    matches!(mark, ')' | '）' | ']' | '］')
        && !before.is_empty()
        && before.chars().nth(3).is_none()
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
            // `（一）` missing its `（` after a lead: a fault, unlike `a)` there.
            (
                "有下列情形之一的：\n一）违反本法规定的；\n（二）其他情形。",
                vec!["）"],
            ),
            // The record's opening bracket deleted, its closing one left (LawRefBook/Laws).
            (
                "2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过\n2022年6月24日第十三届全国人民代表大会常务委员会第三十五次会议修正）",
                vec!["）"],
            ),
            // A closing bracket after another opens: two faults, not one note.
            (
                "（注1：第一段。\n（第二段）注2：第三段。）",
                vec!["（", "）"],
            ),
            ("国发〔2019号", vec!["〔"]),
            ("见【要闻", vec!["【"]),
            ("《关于〈条例》", vec!["〈"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn a_mark_facing_the_wrong_way_around_a_title_is_fixed_safely() {
        use crate::rules::testing::fixes;
        assert_eq!(
            fixes(&super::RULE, "学习《民法典《和《宪法》。"),
            vec![(true, "学习《民法典》和《宪法》。".to_string()); 2]
        );
        assert_eq!(
            fixes(&super::RULE, "各镇（街道（开展工作。"),
            vec![(true, "各镇（街道）开展工作。".to_string()); 2]
        );
        // Unrelated orphans: only deletions are suggested.
        assert_eq!(
            fixes(&super::RULE, "出台《规定，见（附件。")
                .iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            [false, false]
        );
    }

    #[test]
    fn must_not_fire() {
        for text in [
            "出台《关于进一步完善行政规范性文件制定程序和监督管理的通知》（试行）。",
            "1)加强组织领导。",
            "a)第一项",
            "# 5.1.1 重伤一级\n\na)植物生存状态。\n\nb)四肢瘫（三肢以上肌力1级以下）。",
            "设备应当符合下列要求：\na)额定电压不低于10千伏；\nb)绝缘电阻符合标准。",
            "一）总体要求",
            "国发〔2019〕5号",
            "【要闻】会议召开",
            "示范县(市）",
            "见第[1]条注释",
            "详见http://example.com/a_(b",
            "好的:)",
            "对在城市绿化工作中成绩显著的单位和个人，市、县（\n区）人民政府应当给予表彰和奖励。",
            "见注释[\n1\n]所述。",
            "非烟非能工业增加值增长8.1%，\n（\n三）改革开放持续深化。",
            // Individual Income Tax Law, the note under its first table (LawRefBook/Laws).
            "（注1：本表所称全年应纳税所得额是指居民个人取得综合所得的余额。\n注2：非居民个人取得工资、薪金所得，依照本表按月换算后计算应纳税额。）",
            "（2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过\n2022年6月24日第十三届全国人民代表大会常务委员会第三十五次会议修正）",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
