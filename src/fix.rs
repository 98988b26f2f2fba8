//! Applying fixes: `--fix` rewrites files (atomically), `--diff` shows what it would change.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Format};
use crate::rules::{RuleInfo, check_document};
use crate::source::Source;
use crate::suppress::{Directives, Matcher};
use std::io::Write;
use std::path::Path;

/// `text` with every fix applied whose edits touch none of the bytes an edit of a fix
/// applied before it touches (in order of position), and how many were applied. Each edit
/// must still find the bytes the rule saw.
///
/// Edits, not whole fixes, are what may not overlap: the fix of a pair of marks edits its
/// two ends, and the fixes of pairs nested in it (`(((行)))`) and of marks between them
/// apply in the same round; counting the pair as everything from its first edit to its last
/// took one round per level, and ten rounds were not enough.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min());
    // What applied edits replace (start → end), and where they insert (empty ranges).
    let mut replaced: BTreeMap<usize, usize> = BTreeMap::new();
    let mut inserted: BTreeSet<usize> = BTreeSet::new();
    let covers = |replaced: &BTreeMap<usize, usize>, at: usize| {
        replaced
            .range(..at)
            .next_back()
            .is_some_and(|(_, &end)| end > at)
    };
    let mut edits = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let mut ranges: Vec<_> = fix.edits.iter().collect();
        ranges.sort_by_key(|e| (e.range.start, e.range.end));
        let free = |range: &std::ops::Range<usize>| {
            if range.is_empty() {
                !inserted.contains(&range.start) && !covers(&replaced, range.start)
            } else {
                // Disjoint replaced ranges: the last one starting before the end reaches
                // furthest among them.
                let overlaps = replaced
                    .range(..range.end)
                    .next_back()
                    .is_some_and(|(_, &end)| end > range.start);
                !overlaps && inserted.range(range.start + 1..range.end).next().is_none()
            }
        };
        let fits = ranges
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start && w[0].range != w[1].range)
            && ranges
                .iter()
                .all(|e| text.get(e.range.clone()).is_some() && free(&e.range));
        if fits {
            for edit in &ranges {
                if edit.range.is_empty() {
                    inserted.insert(edit.range.start);
                } else {
                    replaced.insert(edit.range.start, edit.range.end);
                }
            }
            edits.extend(ranges);
            applied += 1;
        }
    }
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Applies fixes until none is left: a fix may expose another (`中!?` → `中！?` makes the `?`
/// follow a Chinese mark). `first` are the run's fixes; later rounds lint the text again with
/// `rules`, which must be those on for `path` (`Options::rules_for`): a rule the
/// configuration turns off for the file would otherwise fix it from the second round on.
/// At most ten rounds, so a rule that keeps rewriting cannot loop.
pub fn converge(
    path: &str,
    text: &str,
    first: &[Fix],
    rules: &[&RuleInfo],
    unsafe_fixes: bool,
) -> (String, usize) {
    let (mut fixed, mut applied) = apply(text, first);
    for _ in 0..10 {
        let document = Document::new(Source::new(path, fixed.clone()), Format::from_path(path));
        // What the file's comments suppress stays as it is, in every round.
        let directives = Directives::of(&document);
        let mut matcher = Matcher::new(&directives);
        let found: Vec<Diagnostic> = rules
            .iter()
            .flat_map(|rule| check_document(rule, &document, 0))
            .filter(|d| {
                let line = document.source.position(d.span.start).line;
                !matcher.suppresses_at(d.rule, d.span.start, line)
            })
            .collect();
        let found: Vec<&Diagnostic> = found.iter().collect();
        let (next, more) = apply(&fixed, &chosen(&found, unsafe_fixes));
        if more == 0 || next == fixed {
            break;
        }
        fixed = next;
        applied += more;
    }
    (fixed, applied)
}

/// The fixes of `diagnostics` that `--fix` applies (safe ones, or all with `--unsafe-fixes`).
pub fn chosen(diagnostics: &[&Diagnostic], unsafe_fixes: bool) -> Vec<Fix> {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.clone())
        .filter(|f| f.safe || unsafe_fixes)
        .collect()
}

/// A unified diff of a file before and after its fixes. Control characters other than the
/// line layout are escaped (`\u{1b}`), in the name and the lines alike: the diff is read on
/// a terminal, which a document's escape sequences must not drive. Such a line no longer
/// applies as a patch, which `--fix` does not need.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let path = crate::text::escape_controls(path);
    let diff = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(&path, &path)
        .to_string();
    // similar ends a line at a lone carriage return too: escaped, it still ends the line.
    let mut lines = String::with_capacity(diff.len());
    let mut chars = diff.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            lines.push_str("\\r\n");
        } else {
            lines.push(c);
        }
    }
    crate::text::escape_terminal_controls(&lines).into_owned()
}

/// What temporary files are called (`.govlint-XXXXXX.tmp`): hidden, never linted by a
/// walk, and recognizable when a killed run leaves one behind.
const TEMPORARY_PREFIX: &str = ".govlint-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// Replaces `path` with `text`: written to a temporary file beside it, then renamed over
/// it, so a failure at any point leaves the original as it was. A process killed between
/// the two leaves the original and a `.govlint-XXXXXX.tmp` file, which
/// `remove_stale_temporaries` deletes on a later run.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_checked(path, bytes, None)
}

/// Writes fixed text over the file at `path`, atomically, only if the file still holds the
/// bytes that were linted (`digest`, see `Source::digest`), checked after the new text is
/// on disk and just before it replaces the file: an editor saving meanwhile keeps its text.
pub fn write_fixed(path: &Path, bytes: &[u8], digest: u128) -> std::io::Result<()> {
    write_checked(path, bytes, Some(digest))
}

/// Tests edit the file between the lint and the fix, or just before the rename (debug
/// builds only), as an editor saving at the wrong moment would.
#[cfg(debug_assertions)]
pub fn test_edit(path: &Path, hook: &str) {
    if let Some(text) = std::env::var_os(hook) {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .expect("the test hook appends to the file");
        file.write_all(text.to_string_lossy().as_bytes())
            .expect("the test hook appends to the file");
    }
}

fn write_checked(path: &Path, bytes: &[u8], digest: Option<u128>) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        temporary.as_file().set_permissions(meta.permissions())?;
    }
    // Tests kill the process here, between the write and the rename (debug builds only).
    #[cfg(debug_assertions)]
    if std::env::var_os("GOVLINT_TEST_ABORT_BEFORE_RENAME").is_some() {
        std::process::abort();
    }
    if let Some(digest) = digest {
        #[cfg(debug_assertions)]
        test_edit(path, "GOVLINT_TEST_EDIT_BEFORE_RENAME");
        let now = std::fs::read(path)?;
        if crate::source::digest(&now) != digest {
            // The temporary file is deleted when dropped.
            return Err(std::io::Error::other(
                "it changed while it was being fixed; its new text is kept",
            ));
        }
    }
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// How old a temporary file must be before it is taken for one a killed run left: a live
/// run renames its own within moments.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes the temporary files of `write_atomically` in `dir` that are older than an hour:
/// left by a run that was killed before it could rename them. Returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)
        })
        .filter(|entry| {
            entry
                .metadata()
                .ok()
                .filter(std::fs::Metadata::is_file)
                .and_then(|meta| meta.modified().ok())
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age > STALE)
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::apply;
    use crate::diagnostic::{Edit, Fix};

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            title: "t".into(),
            safe: true,
            edits: vec![Edit {
                range: start..end,
                replacement: replacement.into(),
            }],
        }
    }

    /// Found by fuzzing: `(((…(行)?)…)))` needed one round per level of parentheses, and
    /// the `?` inside was still half-width after ten.
    #[test]
    fn nested_pairs_are_fixed_in_one_round() {
        use crate::document::{Document, Format};
        use crate::source::Source;
        let text = format!("{}行)?{}", "(".repeat(11), ")".repeat(10));
        let document = Document::new(Source::new("a.txt", text.clone()), Format::PlainText);
        let rule = &crate::rules::halfwidth_punctuation::RULE;
        let fixes: Vec<Fix> = crate::rules::check_document(rule, &document, 0)
            .into_iter()
            .filter_map(|d| d.fix)
            .collect();
        assert_eq!(fixes.len(), 11);
        let (once, applied) = apply(&text, &fixes);
        assert_eq!(applied, 11);
        assert_eq!(once, format!("{}行）?{}", "（".repeat(11), "）".repeat(10)));
        let rules: Vec<&crate::rules::RuleInfo> = crate::rules::RULES.to_vec();
        let (fixed, _) = super::converge("a.txt", &text, &fixes, &rules, false);
        assert_eq!(
            fixed,
            format!("{}行）？{}", "（".repeat(11), "）".repeat(10))
        );
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "甲,乙.丙";
        let fixes = [
            fix(7, 8, "。"),
            fix(3, 4, "，"),
            fix(3, 4, "、"),
            fix(5, 6, "x"),
        ];
        let (out, applied) = apply(text, &fixes);
        assert_eq!(out, "甲，乙。丙");
        // The overlapping fix and the one cutting a character in two are skipped.
        assert_eq!(applied, 2);
    }
}
