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
        summary: "",
        explanation: r#"
"#,
    },
    bad: &[
        Example::fixed("（三）注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n其他工作：\n（五）注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。"),
        Example::fixed("注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n注重示范驱动,培育法治品牌。充分发挥示范引导、辐射带动的作用,在机关部门广泛开展创建。"),
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
