//! `near-duplicate-paragraph`: a paragraph nearly equal to an earlier one. Detection lives
//! in `crate::dedup`.

use super::{Check, Doc, Example, Fixes, Marks, RuleInfo};
use crate::report::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "near-duplicate-paragraph",
    severity: Severity::Error,
    summary: "A paragraph nearly equal (≥ 85% similar) to an earlier paragraph, in the same file or (repository scope) another file.",
    explanation: r#"
## What it does
Measures how much of a paragraph would have to be edited to turn it into an earlier one
(Levenshtein distance over the normalized letters and digits, as for
`duplicate-paragraph`). At 85% similarity or more the later paragraph is reported with
the similarity and a character diff of what differs: `…开[-毛-]{+展+}调查…`.

## Why is this bad
A paragraph pasted twice and then edited in one place only leaves two versions of the
same statement, usually one with a stale figure or name.

## Not reported
A near copy is reported unless govlint can show it is legitimate parallel text:
- Items of one list filled from one template: items numbered in one style with
  consecutive numbers (or the same field, `计算方法：…`, of two such items) whose only
  differences are short substitutions of names, figures or paired terms (`郑州`/`西安`,
  `进口`/`出口`, `60日`/`30日`), below 95% similar. A different section or lead-in alone is
  no excuse, a clause added or dropped is an edit, and a pair at 95% or more is reported.
- Two paragraphs that differ only by a negation (`不`, `未`, `非`, `无`, `没有`, or `应当`/
  `不得`, `可以`/`不得`): opposite rules.
- The provisions of statutes (documents numbered `第一条`, `第二条`…), within one statute
  and between two; paragraphs quoting another text (after `修改为：`, in an amendment);
  the formulas of a document series.
- Paragraphs under 50 letters and digits, headings, and a document's title.

`--dup-parallel report` shows what was set aside, as `info` tagged with the reason.
"#,
    zh: Doc {
        summary: "某段与前面的某段几乎相同（相似度不低于85%）：在同一文件中，或（跨文件查重时）在另一个文件中。",
        explanation: r#"
## 检查什么
计算要改动多少才能把一段改成前面的某段（在规范化后的字母和数字上计算编辑距离，规范化方法与“duplicate-paragraph”相同）。相似度达到85%及以上的，报告后一段，给出相似度，并逐字标出不同之处：……开[-毛-]{+展+}调查……。

## 为什么要改
同一段粘贴了两次、又只改了其中一处，就留下了同一内容的两个版本，其中一个通常带着过时的数字或名称。

## 怎么改
不自动修复：哪个版本是对的，只有编辑能判断。请核对后删去过时的一段，或把它改写成要说的新内容。

## 不报告的情况
近似重复都会报告，除非govlint能确认它是正当的并列文字：
- 按同一模板写的同一列表中的各项：编号样式相同、编号连续的项（或两个这样的项中的同一栏目，如“计算方法：……”），差别只是名称、数字或成对词语的简短替换（“郑州”与“西安”、“进口”与“出口”、“60日”与“30日”），且相似度低于95%。只是所在章节或引导语不同，不算理由；增删一个分句算修改；相似度达到95%及以上的仍然报告。
- 只差一个否定词的两段（“不”“未”“非”“无”“没有”，或“应当”与“不得”、“可以”与“不得”）：它们是相反的规定。
- 法律法规的条文（按“第一条”“第二条”……编号的文件），无论在同一部法规内还是两部法规之间；引用其他文本的段落（“修改为：”之后、修正案中）；系列文件的固定说法。
- 少于50个字母和数字的段落、标题，以及文档的标题。

加“--dup-parallel report”，会以提示级别（info）列出未报告的近似重复，并注明原因。
"#,
    },
    bad: &[
        Example::corrected(
            "一、主要成绩\n建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。\n二、存在问题\n建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。150个政务服务事项实现长三角“一网通办、异地可办、就近办理”。",
            "一、主要成绩\n建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。\n二、存在问题\n部分政务服务事项网上办理深度不够，群众办事仍需多次跑腿。",
        ),
        Example::corrected(
            "建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。\n建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。150个政务服务事项实现长三角“一网通办、异地可办、就近办理”。",
            "建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。",
        ),
    ],
    good: &[
        "各海关要：\n（一）郑州海关负责对进口冻品实施检验检疫，发现问题的，应当在60日内报告海关总署并通报地方政府。\n（二）西安海关负责对出口冻品实施检验检疫，发现问题的，应当在30日内报告海关总署并通报地方政府。",
        "一是加强组织领导，各地要成立由主要负责同志牵头的工作专班，明确责任分工，压实工作责任，确保各项任务落地见效。\n二是强化资金保障，各地要统筹用好中央和地方财政资金，加大对重点项目的投入力度，提高资金使用效益。",
    ],
    fix: Fixes::None,
    marks: Marks::Any,
    check: Check::Duplicates,
};
