//! `duplicate-paragraph`: the same paragraph twice. Detection lives in `crate::dedup`.

use super::{Check, Fixes, RuleInfo};
use crate::diagnostic::Severity;

pub static RULE: RuleInfo = RuleInfo {
    name: "duplicate-paragraph",
    severity: Severity::Error,
    summary: "A paragraph that repeats an earlier paragraph, in the same file or (repository scope) another file.",
    explanation: r#"
## What it does
Compares paragraphs after folding away what a reader does not see as a difference:
spaces and indentation, full-width and half-width forms, punctuation, zero-width
characters and Latin case. Digits are kept, so a changed number is not a copy. The later
copy is reported, with the first occurrence as a related location; a paragraph repeated
many times is one finding listing every copy. In repository scope (the default when a
directory is linted) copies in other files count too; text shared by three or more files
is common text, reported as a warning, while copies within one file stay errors.

## Why is this bad
A paragraph pasted twice is the most common slip of a draft assembled from earlier
material, and in a published article it reads as carelessness.

## Not reported
- Paragraphs shorter than 30 letters and digits (headings such as `会议指出：`, table
  cells, list entries), which repeat legitimately.
- Parallel provisions: paragraphs that open with different numbers (`（一）` / `（二）`,
  `第五条` / `第九条`, `一是` / `二是`, dates), that belong to different articles of a
  statute, or numbered items under different lead-in paragraphs.
- Official formulas (`各位代表：`, `（此件公开发布）`, the addressee line of State Council
  documents, `第一章 总则`…, and `--dup-allowlist`), dated records of enactment and
  amendment, and, across files, the formulas of a document series (report openings,
  annual thanks, resolutions approving a report) and provisions two statutes share.
- Pieces of a line broken mid-sentence (a line ending with `“` or `《`, or starting
  with `”` `》` `，`), which are fragments rather than paragraphs.
"#,
    bad: &[
        "注重示范驱动，培育法治品牌。充分发挥示范引导、辐射带动的作用，在机关部门广泛开展创建。\n注重示范驱动,培育法治品牌。充分发挥示范引导、辐射带动的作用,在机关部门广泛开展创建。",
    ],
    good: &[
        "会议指出：\n会议指出：",
        "一是加强组织领导，各地要成立工作专班，明确责任分工。\n二是强化资金保障，各地要统筹财政资金，加大投入力度。",
    ],
    fix: Fixes::Suggested,
    check: Check::Duplicates,
};
