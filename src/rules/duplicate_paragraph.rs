//! `duplicate-paragraph`: the same paragraph twice. Detection lives in `crate::dedup`.

use super::{Check, Doc, Example, Fixes, Marks, RuleInfo};
use crate::report::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "duplicate-paragraph",
    severity: Severity::Error,
    summary: "A paragraph that repeats an earlier paragraph, in the same file or (repository scope) another file.",
    explanation: r#"
## What it does
Compares paragraphs, without the enumerator they open with, after folding away what a
reader does not see as a difference:
spaces and indentation, full-width and half-width forms, punctuation, zero-width
characters and Latin case. Digits are kept, so a changed number is not a copy. The later
copy is reported, with the first occurrence as a related location; a paragraph repeated
many times is one finding listing every copy. In repository scope (the default when a
directory is linted) copies in other files count too; text shared by three or more files
is common text, reported as a warning, while copies within one file stay errors. Three or
more consecutive paragraphs copied from another file are one finding over the block.

## Why is this bad
A paragraph pasted twice is the most common slip of a draft assembled from earlier
material, and in a published article it reads as carelessness.

## Not reported
A repeat is reported unless govlint can show it is legitimate. The enumerator a paragraph
opens with is not compared: `（三）…` pasted as `（五）…` is a copy. Set aside:
- Within a statute (a document numbered `第一条`, `第二条`…), provisions of different
  articles, or items of different lists of one article; across files, two statutes
  restating each other. A copy inside one article's text or list, a paragraph repeated
  back to back, and provisions pasted from another statute (three or more in a row that
  break the file's numbering) are reported.
- A paragraph quoting another text: inside `“…”` after a line ending with `：` (`将第二十条
  修改为：`), or in an amendment or a decision amending other texts (`…修正案`, `关于修改…的
  决定`).
- Official formulas (`各位代表：`, `（此件公开发布）`, the addressee line of State Council
  documents, `第一章 总则`…, and `--dup-allowlist`), dated records of enactment and
  amendment, and the formulas of a document series (report openings, annual thanks,
  resolutions approving a report).
- Paragraphs shorter than 30 letters and digits, except a document's title repeated among
  its first paragraphs, which is reported whatever its length.
- Pieces of a line broken mid-sentence (a line ending with `“` or `《`, or starting
  with `”` `》` `，`), which are fragments rather than paragraphs.

`--dup-parallel report` shows what was set aside, as `info` tagged with the reason.
"#,
    zh: Doc {
        summary: "某段与前面的某段重复：在同一文件中，或（跨文件查重时）在另一个文件中。",
        explanation: r#"
## 检查什么
比较各段的文字（不计段首的序号），比较前先去掉读者看不出差别的地方：空格和缩进、全角和半角、标点、零宽字符、英文大小写。数字保留，所以改了数字的段落不算重复。报告后出现的那一段，并指出第一次出现的位置；同一段重复多次的，算一处，列出每一处重复。跨文件查重时（检查文件夹时默认如此），其他文件中的重复也算：三个及以上文件共有的文字算作通用文字，作为警告报告，同一文件中的重复仍是错误。从另一个文件连续复制过来的三段及以上，作为一整块报告一次。

## 为什么要改
同一段粘贴了两次，是用旧材料拼凑文稿时最常见的疏忽，发表出来显得粗心。

## 怎么改
删去后出现的那一段。同一文件中的重复给出删除建议，加“--unsafe-fixes”才会应用；其他文件中的重复不给修改建议。

## 不报告的情况
重复都会报告，除非govlint能确认它是正当的。段首的序号不参与比较：“（三）……”粘贴成了“（五）……”，也算重复。以下情况不报告：
- 法律法规类文件（按“第一条”“第二条”……编号的文件）中不同条的条文，或同一条中不同列表的项；在不同文件之间，两部法规互相重述的条文。同一条文字或同一列表中的重复、前后紧挨着的重复段落、从另一部法规粘贴来的条文（连续三条及以上，打乱了本文件的编号）仍然报告。
- 引用其他文本的段落：在以“：”结尾的一行之后、在引号内的段落（“将第二十条修改为：”），或修正案、修改其他文件的决定（“……修正案”“关于修改……的决定”）中的段落。
- 公文的固定格式（“各位代表：”“（此件公开发布）”、国务院文件的主送机关行、“第一章 总则”等，以及“--dup-allowlist”列出的文字），注明制定和修改时间的记录，以及系列文件的固定说法（报告的开头、每年的致谢、批准报告的决议）。
- 少于30个字母和数字的段落；但文档标题在开头几段中重复的，不论长短都报告。
- 在句子中间断开的行的片段（以前引号或书名号“《”结尾，或以后引号、“》”“，”开头的行）：它们是片段，不是段落。

加“--dup-parallel report”，会以提示级别（info）列出未报告的重复，并注明原因。
"#,
    },
    bad: &[
        Example::fixed(
            "（三）注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n其他工作：\n（五）注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。",
        ),
        Example::fixed(
            "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n注重示范驱动,培育法治品牌。充分发挥示范引导、辐射带动的作用,在机关部门广泛开展创建。",
        ),
    ],
    good: &[
        "会议指出：\n会议指出：",
        "一是加强组织领导，各地要成立工作专班，明确责任分工。\n二是强化资金保障，各地要统筹财政资金，加大投入力度。",
        "第五条 省、自治区、直辖市人民政府根据当地实际情况，可以对公共交通车船定期减征或者免征车船税。\n第六条 国务院根据本法制定实施条例。\n第七条 本法自公布之日起施行。\n第八条 省、自治区、直辖市人民政府根据当地实际情况，可以对公共交通车船定期减征或者免征车船税。",
    ],
    fix: Fixes::Suggested,
    marks: Marks::Any,
    check: Check::Duplicates,
};
