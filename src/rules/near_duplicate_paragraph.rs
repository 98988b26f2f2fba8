//! `near-duplicate-paragraph`: a paragraph nearly equal to an earlier one. Detection lives
//! in `crate::dedup`.

use super::{Check, Fixes, RuleInfo};
use crate::diagnostic::Severity;

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
- Paragraphs under 50 letters and digits, and a document's title (its first line without
  a sentence stop), which a news lead often repeats.
- Parallel text: paragraphs that share a template (`一是…各地要…` / `二是…各地要…`),
  paragraphs in different numbered sections or items of a file (indicator tables,
  `（一）…` lists), and the provisions of statutes (documents numbered `第一条`,
  `第二条`…), which are worded in parallel on purpose (`…由北京市…` / `…由广州市…`).
"#,
    bad: &[
        "建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。140个政务服务事项实现长三角“一网通办、异地可办、就近办理”。\n建成区镇村三级智慧政务一体化平台，将服务群众距离减至“0”公里。150个政务服务事项实现长三角“一网通办、异地可办、就近办理”。",
    ],
    good: &[
        "一是加强组织领导，各地要成立由主要负责同志牵头的工作专班，明确责任分工，压实工作责任，确保各项任务落地见效。\n二是强化资金保障，各地要统筹用好中央和地方财政资金，加大对重点项目的投入力度，提高资金使用效益。",
    ],
    fix: Fixes::None,
    check: Check::Duplicates,
};
