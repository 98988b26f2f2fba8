//! `multi-paragraph-quote`: a quotation running over several paragraphs whose paragraphs
//! after the first do not open with `“`.

use super::unbalanced_quote::{QUOTE_MARKS, quote_orphans, spanning_quotations};
use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::Document;
use crate::report::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "multi-paragraph-quote",
    severity: Severity::Warning,
    summary: "A quotation over several paragraphs whose later paragraphs do not open with `“`.",
    explanation: r#"
## What it does
Finds a quotation that opens in one paragraph and closes in a later one, with the
paragraphs after the first not opening with a quotation mark of their own, the way
decisions and amendments often quote an article:

```text
将第二十条修改为：
“出版物侵害他人著作权的，出版者应当承担赔偿责任。
出版者对其出版行为的授权、稿件来源和署名等尽到合理注意义务的……
……出版者承担举证责任。”
```

The marks balance over the whole quotation, so `unbalanced-quote` does not report them;
this rule reports the layout once, at the opening and the closing mark.

## Why is this bad
GB/T 15834-2011 4.8.3: when a quotation runs over several paragraphs, each paragraph opens
with an opening mark and only the last one closes. Without them the reader cannot tell
which of the following paragraphs are still quoted.

## Accepting the layout
Repositories that keep official texts exactly as published can turn the rule off:
`[rules] multi-paragraph-quote = "off"` in `govlint.toml`.
"#,
    zh: Doc {
        summary: "引文跨越多段，但第二段起各段开头没有加前引号（“）。",
        explanation: r#"
## 检查什么
找出在一段中开始、到后面某段才结束的引文，而第一段之后的各段开头没有各自的前引号。决定、修正案引用条文时常见这种排法：

    将第二十条修改为：
    “出版物侵害他人著作权的，出版者应当承担赔偿责任。
    出版者对其出版行为的授权、稿件来源和署名等尽到合理注意义务的……
    ……出版者承担举证责任。”

整段引文的引号总体是成对的，所以“unbalanced-quote”不报告；本规则在前引号和后引号处把这种排法报告一次。

## 为什么要改
GB/T 15834-2011 4.8.3：引文有多段时，每段开头都用前引号，只在最后一段末尾用后引号。缺了各段开头的前引号，读者分不清后面哪几段仍是引文。

## 怎么改
在引文第二段起每段的开头加上前引号（“）。这是修改建议，加“--unsafe-fixes”才会应用。

## 接受这种排法
需要与官方发布文本保持一字不差的文稿库，可以关闭本规则：在“govlint.toml”的“[rules]”一节中写上一行：multi-paragraph-quote = "off"。
"#,
    },
    bad: &[Example::fixed(
        "将第二十条修改为：\n“出版物侵害他人著作权的，应当承担赔偿责任。\n出版者尽到合理注意义务的，不承担赔偿责任。”",
    )],
    good: &[
        "将第二十条修改为：\n“出版物侵害他人著作权的，应当承担赔偿责任。\n“出版者尽到合理注意义务的，不承担赔偿责任。”",
        "他说：“要坚持以人民为中心。”",
    ],
    fix: Fixes::Suggested,
    marks: Marks::chars(QUOTE_MARKS),
    check: Check::Document(check),
};

fn check(document: &Document, report: &mut Report) {
    let found = &quote_orphans(document).0;
    for quotation in spanning_quotations(document, found) {
        let opener = &found[quotation.opener];
        let (last, closes_at, closing) = quotation.closes;
        let paragraph = &document.paragraphs[opener.paragraph];
        let mark = opener.mark;
        let finding = report.add(
            opener.paragraph,
            paragraph,
            opener.at..opener.at + mark.len_utf8(),
            crate::msg!(
                "multi-paragraph-quote",
                count = last - opener.paragraph + 1,
                mark = mark
            ),
            crate::msg!("multi-paragraph-quote-help", mark = mark),
        );
        let finding = finding.relate(
            &document.paragraphs[last],
            closes_at..closes_at + closing.len_utf8(),
            crate::msg!("multi-paragraph-quote-closes"),
        );
        let reopened: Vec<_> = (opener.paragraph + 1..=last)
            .map(|index| &document.paragraphs[index])
            .filter(|p| !p.text.starts_with(mark))
            .collect();
        let opening = mark.to_string();
        let edits: Vec<_> = reopened
            .iter()
            .map(|p| (*p, 0..0, opening.as_str()))
            .collect();
        finding.fix_across(
            crate::msg!("multi-paragraph-quote-fix", mark = mark),
            false,
            &edits,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixes};

    /// From a real decision amending judicial interpretations (LawRefBook/Laws).
    const AMENDED: &str = "21.将第四十二条修改为：\n\n“买卖合同存在下列约定内容之一的，不属于试用买卖：\n\n（一）约定标的物经过试用或者检验符合一定要求时，买受人应当购买标的物；\n\n（二）约定买受人在一定期限内可以退还标的物。”\n\n22.将第四十五条修改为：\n";

    #[test]
    fn one_finding_for_the_whole_quotation() {
        assert_eq!(findings(&super::RULE, AMENDED), ["“"]);
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, AMENDED),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_suggested_fix_opens_each_later_paragraph() {
        let fixed = fixes(&super::RULE, AMENDED);
        assert_eq!(fixed.len(), 1);
        assert!(!fixed[0].0, "a suggestion");
        assert!(
            fixed[0].1.contains("\n\n“（一）约定") && fixed[0].1.contains("\n\n“（二）约定"),
            "{}",
            fixed[0].1
        );
    }

    /// From the Criminal Law amendment of 1999 (LawRefBook/Laws): the items do not reopen
    /// the quotation; its last paragraph does, and closes it.
    #[test]
    fn a_last_paragraph_that_reopens_and_closes_ends_the_quotation() {
        let text = "六、将刑法第一百八十二条修改为：“有下列情形之一，情节严重的，处五年以下有期徒刑：\n\n（一）单独或者合谋，操纵证券交易价格的；\n\n（二）以其他方法操纵证券交易价格的。\n\n“单位犯前款罪的，对单位判处罚金。”\n\n七、本修正案自公布之日起施行。\n";
        assert_eq!(findings(&super::RULE, text), ["“"]);
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, text),
            Vec::<String>::new()
        );
        // Had the last paragraph not closed, both opening marks would stay errors.
        let unclosed = text.replace("罚金。”", "罚金。");
        assert_eq!(findings(&super::RULE, &unclosed), Vec::<String>::new());
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, &unclosed),
            ["“", "“"]
        );
    }

    #[test]
    fn two_quotations_each_missing_a_mark_are_not_taken_for_one() {
        // An opening mark never closed and a closing mark never opened, a paragraph apart;
        // but a closing mark follows the opening one in its paragraph, so the quotation
        // does not run to the paragraph's end: two faults, not one layout.
        let text = "他说：“第一句，又说“第二句”。\n\n另起一段，结论”。";
        assert_eq!(findings(&super::RULE, text), Vec::<String>::new());
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, text),
            ["“", "”"]
        );
    }

    /// Faults planted in real amendments and articles: a closing mark deleted before the
    /// next amendment's lead, and a title left open before a paragraph quoting a term.
    #[test]
    fn a_quotation_missing_its_close_is_not_paired_across_the_next_one() {
        let text = "3.将第一条修改为：\n\n“本规定所称的甲类案件，是指人民法院受理的第一审案件。\n\n四、修改《关于审理乙类案件的规定》\n\n1.将引言修改为：\n\n“为正确审理乙类案件，制定本规定。”\n";
        assert_eq!(findings(&super::RULE, text), Vec::<String>::new());
        assert_eq!(findings(&crate::rules::unbalanced_quote::RULE, text), ["“"]);
        let deleted_close = "“甲类案件，是指第一审案件。\n\n乙类案件，是指第二审案件。\n\n1.将引言修改为：\n\n“为正确审理案件”，制定本规定。”\n";
        assert_eq!(findings(&super::RULE, deleted_close), Vec::<String>::new());
        let title =
            "“无废城市建设试点工作方案\n\n“无废城市”是以绿色发展方式为引领的城市发展模式。\n";
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, title),
            ["“"]
        );
    }

    #[test]
    fn quotations_far_apart_are_not_paired() {
        let mut text = String::from("修改为：“第一段。\n\n");
        for _ in 0..70 {
            text.push_str("中间段落。\n\n");
        }
        text.push_str("最后一段。”\n");
        assert_eq!(findings(&super::RULE, &text), Vec::<String>::new());
        assert_eq!(
            findings(&crate::rules::unbalanced_quote::RULE, &text).len(),
            2
        );
    }
}
