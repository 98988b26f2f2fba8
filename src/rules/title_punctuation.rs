//! `title-punctuation`: a document title or heading that ends with a point mark (`。` `，`
//! `；` `、`), and a 公文 title that holds point marks at all (`，` `：` `！`…).

use super::{Check, Doc, Example, Fixes, Marks, Report, RuleInfo};
use crate::document::outline::{self, Kind};
use crate::document::{Document, Format, Paragraph};
use crate::report::diagnostic::Severity;
use std::ops::Range;

pub static RULE: RuleInfo = RuleInfo {
    name: "title-punctuation",
    severity: Severity::Warning,
    summary: "A title or heading ending in `。` `，` `；` or `、`, and point marks (`，` `：` \
              `！`…) inside the title of a 公文 (`…的通知`, `…条例`).",
    explanation: r#"
## What it does
Reads the titles of a document and reports:

1. The title of a 公文 or statute — a title whose last words name its kind: `通知` `意见`
   `决定` `办法` `报告` `请示` `批复` `函` `条例` `规定` `法`… (a trailing `（试行）` or
   `（一）` aside) — holding a point mark: `，` `。` `；` `：` `！` `？`, outside `《》`
   and `“”` (a name or phrase quoted as published keeps its marks).
2. Any other title or heading (a news headline, a web page's article title, a Markdown or
   HTML heading, a Word heading) ending in `。` `，` `；` or `、`.

The titles are: the first line of a plain text or Word document when it has no sentence
stop, with the lines after it when together they end in a 公文's kind (a title broken over
two or three lines); the first line too when it is a 公文 title with a `。` at its end;
Markdown headings (`#`); HTML `h1`–`h6` and the article title; Word paragraphs in a heading
style. Other short lines of plain text are not read as headings here: a line without a
stop is as often a signature, a date, a salutation or a wrapped line.

## Why is this bad
A title is not a sentence: it takes no end mark. For 公文 titles the rule of practice is
《国家行政机关公文处理办法》 (1993, 2000) art. 10: "标题中除法规、规章名称加书名号外，一般
不用标点符号"; the quotation marks of a term, the 顿号 of a list of issuers, brackets of a
note (`（试行）`, `（2015—2030年）`) and the dashes of a range are used in titles the
State Council publishes and are accepted. GB/T 9704-2012 7.3.1 sets how a title is laid
out (2号小标宋体字, lines in a trapezoid or diamond), not its punctuation. News headlines
use `，` `：` `！` `？` `“”` freely inside, never a closing `。`.

## Not reported
- A `。` ending a heading that opens with `一、` or `（一）`: `heading-level` owns it.
- Marks inside `《》` or `“”` (`关于印发《“十四五”…》的通知`), `（）` notes, `——` and
  `—` (`——在…会议上的讲话`, `（2015—2030年）`), `·` in names, `？` `！` ending a
  headline or a question heading.
- Lines ending in `：` (`各位代表：`, `附件1：`), which introduce what follows; subtitles,
  date and author lines, `第一章 总则`.
- ASCII `,` `:` `;`: `halfwidth-punctuation` reports them.

The fix deletes a `。` `；` `！` `？` that ends a title (safe: a title never ends with
one); deleting a `，` or `、` is a suggestion (`--unsafe-fixes`), as the title may go on in
the next line; a mark inside a 公文 title has no fix, as the title has to be reworded.
"#,
    zh: Doc {
        summary: "标题末尾用了“。”“，”“；”“、”，或公文标题（“……的通知”“……条例”）中用了逗号、冒号、叹号等点号。",
        explanation: r#"
## 检查什么
读出文档的标题，报告两种问题：

1. 公文和法规的标题（以文种结尾的标题：“通知”“意见”“决定”“办法”“报告”“请示”“批复”“函”“条例”“规定”“法”等，末尾的“（试行）”“（一）”不计）中用了点号：“，”“。”“；”“：”“！”“？”。书名号“《》”和引号““”内的文字按原样引用，其中的标点不报告。
2. 其他标题（新闻标题、网页文章标题、Markdown和HTML的各级标题、Word中用了标题样式的段落）末尾用了“。”“，”“；”“、”。

哪些是标题：纯文本和Word文档的第一行（不含句末点号时），标题分两三行排时连同后面几行一起读，直到以文种结尾；第一行是以“。”结尾的公文标题时也读；Markdown的“#”标题；HTML的“h1”至“h6”和文章标题；Word中用了标题样式的段落。纯文本中其他没有句末点号的短行在这里不当作标题：这样的行也常常是落款、日期、称呼或者折行。

## 为什么要改
标题不是句子，末尾不用点号。公文标题的惯例出自《国家行政机关公文处理办法》（1993年、2000年）第十条：“标题中除法规、规章名称加书名号外，一般不用标点符号”；国务院发布的公文标题中也用引号标示简称和特定词语，用顿号分隔并列的机关，用括号加注（“（试行）”“（2015—2030年）”），用连接号表示起止，这些都不报告。GB/T 9704-2012第7.3.1条规定的是标题的排布（2号小标宋体字，排成梯形或菱形），没有规定标点。新闻标题中间可以用“，”“：”“！”“？”““””，但末尾不用句号。

## 怎么改
标题末尾的“。”“；”“！”“？”删去即可，这一修复是安全的，加“--fix”即可自动完成；末尾的“，”“、”可能是标题折行处，删去它只作为建议（“--unsafe-fixes”），标题的后半截在下一行时应把两行接起来。公文标题中间的点号需要改写标题，没有自动修复。

## 不报告的情况
- 以“一、”“（一）”开头的标题末尾的句号：由“heading-level”规则报告。
- 书名号和引号内的标点（“关于印发《“十四五”……》的通知”），括号中的说明，破折号和连接号（“——在……会议上的讲话”“（2015—2030年）”），人名中的间隔号“·”，新闻标题或问句式小标题末尾的“？”“！”。
- 以“：”结尾的行（“各位代表：”“附件1：”），它们引出下文；副标题、日期行、作者行、“第一章 总则”。
- 英文标点“,”“:”“;”：由“halfwidth-punctuation”规则报告。
"#,
    },
    bad: &[
        Example::fixed("国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见。"),
        Example::corrected(
            "国务院关于加快推进农业机械化，促进农机装备产业转型升级的指导意见",
            "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见",
        ),
        Example::corrected(
            "脱贫地区农副产品网销平台销售额超500亿元，\n央视网消息（新闻联播）：记者从中华全国供销合作总社了解到，截至2023年底，脱贫地区农副产品网络销售平台累计销售额超500亿元。",
            "脱贫地区农副产品网销平台销售额超500亿元\n央视网消息（新闻联播）：记者从中华全国供销合作总社了解到，截至2023年底，脱贫地区农副产品网络销售平台累计销售额超500亿元。",
        ),
    ],
    good: &[
        "国务院关于在市场监管领域全面推行\n部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号",
        "国务院办公厅关于印发《“十四五”国家信息化规划》的通知",
        "国务院关于全国水土保持规划（2015—2030年）的批复",
        "国务院港澳办：凝心聚力 奋发革新 创造澳门更加美好的未来",
        "各位代表：\n现在，我代表国务院，向大会作政府工作报告。",
    ],
    fix: Fixes::SafeWhenUnambiguous,
    marks: Marks::chars(&MARKS),
    check: Check::Document(check),
};

const MARKS: [char; 7] = ['。', '，', '；', '：', '！', '？', '、'];

/// The kinds of document a 公文 or statute title ends with (党政机关公文处理工作条例 art. 8
/// names the fifteen kinds; statutes and rules add their own).
const DOCUMENT_KINDS: &[&str] = &[
    "通知",
    "通报",
    "通告",
    "公告",
    "决定",
    "决议",
    "意见",
    "办法",
    "报告",
    "请示",
    "批复",
    "函",
    "纪要",
    "命令",
    "议案",
    "规定",
    "条例",
    "细则",
    "规则",
    "规划",
    "方案",
    "纲要",
    "章程",
    "解释",
    "答复",
    "修正案",
    "法",
    "令",
];

/// How many lines a 公文 title is broken over at most, in the plain text of the corpus.
const MAX_TITLE_LINES: usize = 3;

fn check(document: &Document, report: &mut Report) {
    let paragraphs = &document.paragraphs;
    let title = title_lines(document);
    if let Some(lines) = &title {
        let official = lines.official;
        for index in lines.range.clone() {
            let is_last = index + 1 == lines.range.end;
            check_title_line(index, &paragraphs[index], official, is_last, report);
        }
    }
    let reliable = matches!(document.format, Format::Markdown | Format::Html);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if title.as_ref().is_some_and(|t| t.range.contains(&index)) || !paragraph.is_heading {
            continue;
        }
        // A heading of plain text is a short line without a stop, and a Word paragraph is
        // one too unless its heading style marks it: only one that holds a sentence stop
        // (so must be styled) and ends with it is surely a heading.
        let styled = document.format == Format::Docx && is_single_sentence(paragraph);
        if reliable || styled {
            check_title_line(index, paragraph, false, true, report);
        }
    }
}

/// The paragraphs that make up the document's title, and whether it is a 公文's.
struct Title {
    range: Range<usize>,
    official: bool,
}

fn title_lines(document: &Document) -> Option<Title> {
    let paragraphs = &document.paragraphs;
    let first = paragraphs.first()?;
    if document.format == Format::Markdown || document.format == Format::Html {
        return first.is_heading.then(|| Title {
            range: 0..1,
            official: is_official(&first.text),
        });
    }
    // A 公文 title broken over lines (`国务院关于在市场监管领域全面推行` / `部门联合…的意见`)
    // is read whole; its last line may end in a stop the plain text reader does not take
    // for a heading's (`…的意见。`).
    let mut joined = String::new();
    for (index, paragraph) in paragraphs.iter().enumerate().take(MAX_TITLE_LINES) {
        let text = paragraph.text.trim_end();
        let stopped = !paragraph.is_heading;
        if text.ends_with(['：', ':']) || stopped && !is_stopped_title_line(text) {
            break;
        }
        joined.push_str(text);
        if is_official(&joined) {
            return Some(Title {
                range: 0..index + 1,
                official: true,
            });
        }
        if stopped {
            break;
        }
    }
    first.is_heading.then_some(Title {
        range: 0..1,
        official: false,
    })
}

/// `…的通知。`: a short line whose only point mark is a stop at its end. `各位代表，…，并请
/// 全国政协各位委员提出意见。`, which opens a speech, holds others.
fn is_stopped_title_line(text: &str) -> bool {
    text.chars().count() <= 60
        && text
            .strip_suffix(['。', '！', '？', '；'])
            .is_some_and(|body| !body.contains(['。', '；', '！', '？', '，', '：']))
}

/// Whether a title is a 公文's or a statute's: its last words name its kind, once notes in
/// brackets at its end (`（试行）`, `（2020年修正）`, `（一）`) are set aside.
fn is_official(title: &str) -> bool {
    let mut text = title.trim_end_matches(trailing_mark).trim_end();
    while let Some(inner) = text.strip_suffix(['）', ')']) {
        match inner.rfind(['（', '(']) {
            Some(open) => text = inner[..open].trim_end(),
            None => break,
        }
    }
    !text.starts_with('【')
        && text.chars().count() >= 4
        && DOCUMENT_KINDS.iter().any(|kind| text.ends_with(kind))
}

fn trailing_mark(c: char) -> bool {
    matches!(c, '。' | '，' | '；' | '、' | '！' | '？')
}

/// Whether `mark` may not end this title: a headline or a question heading may end in `！`
/// or `？`, a 公文 title in none.
fn ends_badly(mark: char, official: bool) -> bool {
    trailing_mark(mark) && (official || !matches!(mark, '！' | '？'))
}

/// A paragraph with one sentence stop, at its end (a short Word paragraph ending in `，` may
/// be a heading for the plain text heuristic only).
fn is_single_sentence(paragraph: &Paragraph) -> bool {
    let text = paragraph.text.trim_end();
    text.strip_suffix(['。', '；'])
        .is_some_and(|body| !body.contains(['。', '；', '！', '？']))
}

fn check_title_line(
    index: usize,
    paragraph: &Paragraph,
    official: bool,
    is_last: bool,
    report: &mut Report,
) {
    let text = paragraph.text.trim_end();
    if text.ends_with(['：', ':']) {
        return;
    }
    let end = text
        .char_indices()
        .next_back()
        .filter(|&(_, c)| ends_badly(c, official));
    if let Some((at, mark)) = end
        && !owned_by_heading_level(paragraph, mark)
    {
        let range = at..at + mark.len_utf8();
        let what = if official { "official" } else { "heading" };
        let finding = report.add(
            index,
            paragraph,
            range.clone(),
            crate::msg!(
                "title-punctuation-end",
                mark = mark.to_string(),
                title = what
            ),
            if matches!(mark, '，' | '、') {
                crate::msg!("title-punctuation-cut-help", mark = mark.to_string())
            } else {
                crate::msg!("title-punctuation-end-help", mark = mark.to_string())
            },
        );
        // A `，` or `、` is more often where a title was cut (`## 第二十二章 犯罪嫌疑人、被告人
        // 逃匿、` with the rest on the next line), and one ending an inner line of a title
        // broken over lines may stand for a word (`和`): deleting those is a suggestion, and
        // an inner line's mark is left to the editor.
        if is_last {
            finding.fix(
                paragraph,
                crate::msg!("title-punctuation-fix", mark = mark.to_string()),
                !matches!(mark, '，' | '、'),
                &[(range, "")],
            );
        }
    }
    if official {
        let inner_end = end.map_or(text.len(), |(at, _)| at);
        for (at, mark) in unquoted_marks(&text[..inner_end]) {
            report.add(
                index,
                paragraph,
                at..at + mark.len_utf8(),
                crate::msg!("title-punctuation-inside", mark = mark.to_string()),
                crate::msg!("title-punctuation-inside-help"),
            );
        }
    }
}

/// `一、总体要求。`, `（一）坚持全面覆盖。`: the `。` of a first- or second-level heading is
/// `heading-level`'s finding.
fn owned_by_heading_level(paragraph: &Paragraph, mark: char) -> bool {
    mark == '。'
        && outline::leading_marker(paragraph)
            .is_some_and(|m| matches!(m.kind, Kind::Chinese | Kind::ParenChinese))
}

/// The point marks of a title outside `《》` `“”` `‘’` `「」` `（）` (a quoted name, a term
/// or a note keeps its marks as written).
fn unquoted_marks(text: &str) -> Vec<(usize, char)> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '《' | '“' | '‘' | '「' | '『' | '（' | '〈' => depth += 1,
            '》' | '”' | '’' | '」' | '』' | '）' | '〉' => {
                depth = depth.saturating_sub(1)
            }
            '，' | '。' | '；' | '：' | '！' | '？' if depth == 0 => found.push((at, c)),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, fixes};

    #[test]
    fn must_fire() {
        for (text, marked) in [
            // Titles of the gov corpus with a mark planted at the end or inside.
            (
                "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见。",
                vec!["。"],
            ),
            (
                "国务院关于在市场监管领域全面推行\n部门联合“双随机、一公开”监管的意见。\n国发〔2019〕5号",
                vec!["。"],
            ),
            (
                "国务院关于在市场监管领域全面推行，\n部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n在市场监管领域全面推行“双随机、一公开”监管，是党中央、国务院作出的重大决策部署，是市场监管理念和方式的重大创新。",
                vec!["，"],
            ),
            ("国务院办公厅关于科技节水建议的复函，", vec!["，"]),
            ("城市道路管理条例；", vec!["；"]),
            (
                "国务院关于加快推进农业机械化，促进农机装备产业转型升级的指导意见",
                vec!["，"],
            ),
            ("国务院关于通用航空管理的暂行规定！", vec!["！"]),
            // A news headline (xwlb) with a closing comma or full stop.
            (
                "李强会见越共中央总书记、国家主席，\n央视网消息（新闻联播）：国务院总理李强在人民大会堂会见越共中央总书记、国家主席，双方就双边关系交换意见。",
                vec!["，"],
            ),
            ("脱贫地区农副产品网销平台销售额超500亿元，", vec!["，"]),
        ] {
            assert_eq!(findings(&super::RULE, text), marked, "{text}");
        }
    }

    #[test]
    fn must_not_fire() {
        for text in [
            // Real first lines of corpus/gov.
            "国务院关于在市场监管领域全面推行\n部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号",
            "最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（三）",
            "国务院办公厅关于山西、安徽省\n有关问题的批复",
            "国务院印发《2024—2025年节能降碳行动方案》",
            "各位代表：\n现在，我代表国务院，向大会作政府工作报告。",
            "同志们！\n今天召开会议。",
            "第133届广交会：外商云集 看好中国经济",
            "【新思想引领新征程·非凡“十四五”】扎实推进乡村建设 绘就和美乡村新画卷",
            "持续用力奋勇争先 为中国式现代化作出新的更大贡献——习近平总书记在湖南考察时的重要讲话引发热烈反响",
            "人民日报评论员文章：进一步全面深化改革要讲求方式方法——论学习贯彻习近平总书记在企业和专家座谈会上重要讲话",
            "政府工作报告。 贵州日报天眼新闻记者 李森 摄",
            "中华人民共和国刑法\n第一章 总则",
            // The subtitle, date and attachment lines after a speech's title.
            "在全国安全生产电视电话会议上的讲话\n——2021年3月5日\n附件1：\n第一章 总则",
            // A heading of the first level ending in `。` is heading-level's.
            "国务院关于促进综合保税区高水平开放高质量发展的若干意见\n一、总体要求。",
        ] {
            assert_eq!(findings(&super::RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    /// Headings of corpus/lawref, in Markdown: a chapter cut after `、` (the rest of its name
    /// on the next line) and a section heading with a full stop are reported; `、` and `，`
    /// inside headings, and a question heading, are not.
    #[test]
    fn markdown_headings() {
        use crate::document::source::Source;
        use crate::document::{Document, Format};
        let text = "# 中华人民共和国监狱法\n\n## 第二十二章 犯罪嫌疑人、被告人逃匿、\n\n死亡案件违法所得的没收程序\n\n### 第五节 生活、卫生。\n\n## 第三章 审查和批准决算，听取和审议国民经济和社会发展计划\n\n### 我的证据是否需要公证？\n\n## 一、一般规定。\n";
        let document = Document::new(Source::new("t.md", text.into()), Format::Markdown);
        let found: Vec<_> = crate::rules::check_document(&super::RULE, &document, 0)
            .into_iter()
            .map(|d| {
                (
                    text[d.span.clone()].to_string(),
                    d.fix.is_some_and(|f| f.safe),
                )
            })
            .collect();
        assert_eq!(
            found,
            [("、".to_string(), false), ("。".to_string(), true)],
            "{text}"
        );
    }

    #[test]
    fn fixes_delete_the_end_mark_of_a_title_only() {
        assert_eq!(
            fixes(&super::RULE, "城市道路管理条例。\n第一章 总则"),
            [(true, "城市道路管理条例\n第一章 总则".to_string())]
        );
    }
}
