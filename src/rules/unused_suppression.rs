//! `unused-suppression`: a suppression comment that suppresses nothing, names a rule that
//! does not exist, or is no directive at all. Judged after every other rule, duplicates
//! included, from what the comments of each file suppressed (`crate::report::suppress`).

use super::{Check, Doc, Example, Fixes, Marks, RuleInfo};
use crate::report::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::report::message::{Arg, Message};
use crate::report::suppress::{Kind, Matcher};
use xxhash_rust::xxh3::xxh3_64;

pub static RULE: RuleInfo = RuleInfo {
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "A govlint suppression comment that suppresses nothing, or names an unknown rule or directive.",
    explanation: r#"
## What it does
Checks every suppression comment of a Markdown or HTML file once all findings are known:

- `govlint-disable`, `govlint-disable-next-line` or `govlint-disable-file` naming a rule
  that ran and found nothing there to suppress;
- the same without a rule list (every rule) that suppressed nothing, checked only when
  every rule ran;
- `govlint-enable` where nothing it names is disabled;
- a rule name that is not a govlint rule (`stray-perod`), or a comment starting with
  `govlint-` whose directive does not exist (`govlint-disabel`).

A comment is never reported for a rule that did not run (`--select`, `--ignore`): that rule
could not find anything to suppress. The rule's own findings are suppressed only by a
comment naming it, e.g. `<!-- govlint-disable-file unused-suppression -->`.

## Why is this bad
A suppression outlives the fault it was written for: once the text is corrected it hides
nothing, but it would hide the next fault of that rule there without anyone noticing. A
misspelled rule name suppresses nothing at all, silently.

## Fix safety
The suggested fix deletes the comment (with its line when it stands alone on one, and the
`govlint-enable` that closes nothing else), or removes the unused names from its list. It
is a suggestion (`--unsafe-fixes`): what a comment suppresses can depend on the run, for
example duplicates found only in repository scope.
"#,
    zh: Doc {
        summary: "govlint的屏蔽注释没有屏蔽任何问题，或写了不存在的规则名、指令。",
        explanation: r#"
## 检查什么
在所有问题都找出之后，检查Markdown和HTML文件中的每一条屏蔽注释：

- “govlint-disable”“govlint-disable-next-line”或“govlint-disable-file”指名的规则运行了，但在那里没有问题可屏蔽；
- 不写规则名（屏蔽所有规则）的同类注释没有屏蔽任何问题（只在所有规则都运行时检查）；
- “govlint-enable”要恢复的规则并没有被屏蔽；
- 写的规则名不是govlint的规则（“stray-perod”），或以“govlint-”开头的注释中的指令不存在（“govlint-disabel”）。

没有运行的规则（“--select”“--ignore”），不报告指名它的注释：那条规则本来就找不到可屏蔽的问题。本规则自己报告的问题，只能由指名本规则的注释屏蔽，如“<!-- govlint-disable-file unused-suppression -->”。

## 为什么要改
屏蔽注释往往比它针对的问题留得更久：文字改正以后，它什么也不屏蔽，却会悄悄屏蔽以后在那里出现的同类问题，谁也不会察觉。规则名拼错的注释则从一开始就什么也不屏蔽。

## 修复是否安全
建议删去这条注释（注释单独占一行时连同该行删去，不再关闭任何屏蔽的“govlint-enable”也一并删去），或从规则列表中删去没有用到的规则名。这只是建议（“--unsafe-fixes”）：一条注释屏蔽了什么，可能取决于这一次怎样运行，例如只有跨文件查重时才能找出的重复。
"#,
    },
    bad: &[
        Example::fixed(
            "<!-- govlint-disable-next-line stray-period -->\n会议强调，要持续优化营商环境。\n",
        ),
        Example::corrected(
            "<!-- govlint-disable stray-perod -->\n今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n",
            "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖。\n",
        ),
    ],
    good: &[
        "<!-- govlint-disable-next-line stray-period -->\n今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n",
        "引用原文如下：\n\n```\n<!-- govlint-disable stray-period -->\n```\n",
    ],
    fix: Fixes::Suggested,
    marks: Marks::Any,
    check: Check::Suppressions,
};

/// The findings about the directives of file `file`, once `matcher` has seen every other
/// finding of the file. `ran` names the rules of the run.
pub fn findings(file: usize, matcher: &Matcher, ran: &[&str]) -> Vec<Diagnostic> {
    let every_rule_ran = super::RULES.iter().all(|rule| ran.contains(&rule.name));
    let problems: Vec<Option<Problem>> = (0..matcher.directives.len())
        .map(|index| problem(matcher, index, ran, every_rule_ran))
        .collect();
    problems
        .iter()
        .enumerate()
        .filter_map(|(index, problem)| {
            let problem = problem.as_ref()?;
            Some(finding(file, matcher, index, problem, &problems))
        })
        .collect()
}

/// What is wrong with one directive.
struct Problem {
    message: Message,
    /// The names to keep in its list; `None` when the comment should go.
    keep: Option<Vec<String>>,
    /// A fix can be offered (not for a comment that is no directive).
    fixable: bool,
}

fn problem(matcher: &Matcher, index: usize, ran: &[&str], every_rule_ran: bool) -> Option<Problem> {
    let directive = &matcher.directives[index];
    let used = &matcher.used[index];
    let keyword = directive.kind.keyword();
    let is_enable = directive.kind == Kind::Enable;
    // What the directive fails to do: re-enable, or suppress.
    let kind = if is_enable { "enable" } else { "disable" };
    if let Kind::Unknown { word } = &directive.kind {
        return Some(Problem {
            message: crate::msg!("unused-suppression-not-a-directive", word = word),
            keep: None,
            fixable: false,
        });
    }
    if directive.rules.is_empty() {
        let useless = !used[0] && (is_enable || every_rule_ran);
        return useless.then(|| Problem {
            message: crate::msg!("unused-suppression", directive = keyword, kind = kind),
            keep: None,
            fixable: true,
        });
    }
    let (mut keep, mut unused, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for (slot, name) in directive.rules.iter().enumerate() {
        if super::find(name).is_none() {
            unknown.push(name.clone());
        } else if used[slot] || name == RULE.name || !ran.contains(&name.as_str()) {
            keep.push(name.clone());
        } else {
            unused.push(name.clone());
        }
    }
    if unused.is_empty() && unknown.is_empty() {
        return None;
    }
    // Each combination is a sentence of its own in the catalog.
    let count = unknown.len();
    let (names, unknown) = (Arg::Names(unused.clone()), Arg::Names(unknown));
    let message = if unused.is_empty() {
        crate::msg!(
            "unused-suppression-unknown-rules",
            unknown = unknown,
            count = count
        )
    } else if keep.is_empty() && count == 0 {
        let written = format!("{keyword} {}", directive.rules.join(", "));
        crate::msg!("unused-suppression", directive = written, kind = kind)
    } else if count == 0 {
        crate::msg!(
            "unused-suppression-names",
            names = names,
            keyword = keyword,
            kind = kind
        )
    } else {
        crate::msg!(
            "unused-suppression-names-unknown-rules",
            names = names,
            keyword = keyword,
            kind = kind,
            unknown = unknown,
            count = count
        )
    };
    Some(Problem {
        message,
        keep: (!keep.is_empty()).then_some(keep),
        fixable: true,
    })
}

fn finding(
    file: usize,
    matcher: &Matcher,
    index: usize,
    problem: &Problem,
    problems: &[Option<Problem>],
) -> Diagnostic {
    let directive = &matcher.directives[index];
    // Not in a paragraph: comments are no part of the text.
    let mut diagnostic = Diagnostic::new(
        RULE.id(),
        RULE.severity,
        file,
        0,
        directive.span.clone(),
        problem.message.clone(),
    );
    diagnostic.start = directive.start;
    diagnostic.end = directive.end;
    // For a baseline: the comment's words stand for the paragraph it is not in.
    let words = format!("{} {}", directive.kind.keyword(), directive.rules.join(","));
    diagnostic.fingerprint = xxh3_64(words.as_bytes());
    diagnostic.help = Some(match problem.keep {
        None => crate::msg!("unused-suppression-help"),
        Some(_) => crate::msg!("unused-suppression-names-help"),
    });
    if !problem.fixable {
        return diagnostic;
    }
    let (title, mut edits) = match &problem.keep {
        Some(keep) => (
            crate::msg!("unused-suppression-names-fix"),
            vec![Edit {
                range: directive.span.clone(),
                replacement: format!("<!-- {} {} -->", directive.kind.keyword(), keep.join(", ")),
            }],
        ),
        None => (
            crate::msg!("unused-suppression-fix"),
            vec![Edit {
                range: directive.deletion.clone(),
                replacement: String::new(),
            }],
        ),
    };
    // A `govlint-disable` that goes takes along the `govlint-enable` that only closed it.
    if problem.keep.is_none() && directive.kind == Kind::Disable {
        let partner = matcher
            .enables_touching_only(index)
            .iter()
            .copied()
            .find(|&enable| problems[enable].is_none() && matcher.ended_only_by(index, enable));
        if let Some(enable) = partner {
            edits.push(Edit {
                range: matcher.directives[enable].deletion.clone(),
                replacement: String::new(),
            });
        }
    }
    diagnostic.fix = Some(Fix {
        title,
        safe: false,
        edits,
    });
    diagnostic
}

#[cfg(test)]
mod tests {
    use crate::document::source::Source;
    use crate::document::{Document, Format};
    use crate::linter::{Options, lint_documents};

    /// The messages of `unused-suppression` on a Markdown text, all rules run, and the text
    /// left by each finding's fix.
    fn unused(text: &str) -> Vec<(String, Option<String>)> {
        let document = Document::new(Source::new("a.md", text.into()), Format::Markdown);
        let run = lint_documents(vec![document], Vec::new(), &Options::default());
        run.diagnostics
            .iter()
            .filter(|d| d.rule == super::RULE.name)
            .map(|d| {
                let fixed = d.fix.as_ref().map(|f| crate::fix::apply(text, [f]).0);
                (d.message.english(), fixed)
            })
            .collect()
    }

    const STRAY: &str = "今年4月，区行政审批局获“中国智慧政务建设杰出项目”大奖.\n";
    const CLEAN: &str = "会议强调，要持续优化营商环境。\n";

    #[test]
    fn used_directives_are_not_reported() {
        for text in [
            format!("<!-- govlint-disable-next-line stray-period -->\n{STRAY}"),
            format!("<!-- govlint-disable-next-line -->\n\n{STRAY}"),
            format!("<!-- govlint-disable stray-period -->\n{STRAY}<!-- govlint-enable -->\n"),
            format!("{STRAY}\n<!-- govlint-disable-file stray-period -->\n"),
        ] {
            assert_eq!(unused(&text), [], "{text}");
        }
    }

    #[test]
    fn an_unused_directive_is_reported_and_its_fix_deletes_it() {
        let text = format!("{CLEAN}\n<!-- govlint-disable-next-line stray-period -->\n{CLEAN}");
        assert_eq!(
            unused(&text),
            [(
                "`govlint-disable-next-line stray-period` suppresses nothing".to_string(),
                Some(format!("{CLEAN}\n{CLEAN}"))
            )]
        );
    }

    #[test]
    fn a_disable_and_its_enable_go_together() {
        let text = format!(
            "{CLEAN}\n<!-- govlint-disable -->\n\n{CLEAN}\n<!-- govlint-enable -->\n\n{CLEAN}"
        );
        assert_eq!(
            unused(&text),
            [(
                "`govlint-disable` suppresses nothing".to_string(),
                Some(format!("{CLEAN}\n{CLEAN}\n{CLEAN}"))
            )]
        );
    }

    #[test]
    fn unknown_and_unused_names_are_removed_from_a_list_that_keeps_the_others() {
        let text = format!(
            "<!-- govlint-disable-next-line stray-period, cjk-space, stray-perod -->\n{STRAY}"
        );
        assert_eq!(
            unused(&text),
            [(
                "`cjk-space` in `govlint-disable-next-line` suppresses nothing; `stray-perod` is not a govlint rule"
                    .to_string(),
                Some(format!(
                    "<!-- govlint-disable-next-line stray-period -->\n{STRAY}"
                ))
            )]
        );
    }

    #[test]
    fn several_unknown_names_are_reported_in_the_plural() {
        let text = format!(
            "<!-- govlint-disable-next-line stray-period, stray-perod, cjk-spce -->\n{STRAY}"
        );
        assert_eq!(
            unused(&text),
            [(
                "`stray-perod`, `cjk-spce` are not govlint rules".to_string(),
                Some(format!(
                    "<!-- govlint-disable-next-line stray-period -->\n{STRAY}"
                ))
            )]
        );
    }

    #[test]
    fn an_enable_with_nothing_disabled_and_an_unknown_directive_are_reported() {
        let text = format!("<!-- govlint-enable -->\n{CLEAN}<!-- govlint-disabel -->\n");
        let found = unused(&text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.contains("re-enables nothing"), "{found:?}");
        assert!(
            found[1]
                .0
                .contains("`govlint-disabel` is not a govlint directive")
        );
        assert_eq!(found[1].1, None, "a typo is not guessed at");
    }

    #[test]
    fn rules_that_did_not_run_are_not_reported() {
        let text = format!("<!-- govlint-disable-next-line stray-period -->\n{CLEAN}");
        let document = Document::new(Source::new("a.md", text), Format::Markdown);
        let options = Options {
            rules: vec![&super::RULE, &crate::rules::cjk_space::RULE],
            ..Options::default()
        };
        let run = lint_documents(vec![document], Vec::new(), &options);
        assert!(run.diagnostics.is_empty(), "{:?}", run.diagnostics);
    }
}
