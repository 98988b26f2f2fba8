//! Applying fixes: `--fix` rewrites files (atomically), `--diff` shows what it would change.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Format};
use crate::rules::{RuleInfo, check_document};
use crate::source::Source;
use crate::suppress::{Directives, Matcher};
use std::io::Write;
use std::path::Path;

/// `text` with every fix applied that does not overlap one applied before it (in order of
/// position), and how many were applied. Each edit must still find the bytes the rule saw.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min());
    let mut edits = Vec::new();
    let mut applied = 0;
    let mut taken_until = 0;
    for fix in fixes {
        let mut ranges: Vec<_> = fix.edits.iter().collect();
        ranges.sort_by_key(|e| e.range.start);
        let fits = ranges.first().is_some_and(|e| e.range.start >= taken_until)
            && ranges
                .windows(2)
                .all(|w| w[0].range.end <= w[1].range.start)
            && ranges.iter().all(|e| text.get(e.range.clone()).is_some());
        if fits {
            taken_until = ranges.last().map_or(taken_until, |e| e.range.end);
            edits.extend(ranges);
            applied += 1;
        }
    }
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
/// the document rules. At most ten rounds, so a rule that keeps rewriting cannot loop.
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

/// A unified diff of a file before and after its fixes.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(1)
        .header(path, path)
        .to_string()
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
