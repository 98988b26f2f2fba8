//! Baselines: the findings a repository already had when it adopted govlint, recorded so
//! that a run reports only new ones (`--write-baseline FILE`, then `--baseline FILE`).
//!
//! A finding is recorded by path, rule and the fingerprint of its paragraph (see
//! `Diagnostic::fingerprint`), with a count: a paragraph with two findings of a rule needs
//! both to be recorded, and a third is new. Positions are not recorded, so edits elsewhere in
//! the file do not make old findings new.
//!
//! Paths are recorded relative to a root, the directory of the configuration file in force
//! (else the working directory), with `/` between components, so that one baseline matches
//! from any working directory and on any system (version 2). A version 1 file, which
//! recorded paths as printed (relative to the working directory it was written from), is
//! still read and matched that way.
//!
//! The file is JSON with one finding per line, sorted, so that it reviews and diffs well:
//!
//! ```json
//! {
//!   "version": 2,
//!   "findings": [
//!     {"path": "docs/a.md", "rule": "stray-period", "paragraph": "3f2a9c0d1e4b5a67", "count": 1}
//!   ]
//! }
//! ```

use crate::linter::Run;
use crate::report::diagnostic::Diagnostic;
use crate::report::message::Message;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// 2: paths relative to the root; 1: paths as printed, relative to the working directory.
const VERSION: u32 = 2;

/// (path, rule, paragraph fingerprint): how many findings.
type Key = (String, String, u64);

/// A path as recorded: `./docs/a.md` (from `govlint check .`) and `docs/a.md` are one file.
fn recorded(path: &str) -> String {
    path.trim_start_matches("./").to_string()
}

fn key(path: &str, diagnostic: &Diagnostic) -> Key {
    (
        recorded(path),
        diagnostic.rule.to_string(),
        diagnostic.fingerprint,
    )
}

/// `path` (as printed, relative to the working directory or absolute) relative to `root`
/// (absolute), `/`-separated: `content/a.md` from the root, whatever the working directory.
/// Lexical: `..` is taken off the component before it, as the paths printed were formed.
pub fn relative_to(root: &Path, path: &str) -> String {
    let joined = std::path::absolute(Path::new(path)).unwrap_or_else(|_| PathBuf::from(path));
    let normal = |p: &Path| -> Vec<std::ffi::OsString> {
        let mut parts: Vec<std::ffi::OsString> = Vec::new();
        for component in p.components() {
            match component {
                Component::CurDir => {}
                Component::ParentDir => {
                    parts.pop();
                }
                other => parts.push(other.as_os_str().to_os_string()),
            }
        }
        parts
    };
    let (path, root) = (normal(&joined), normal(root));
    let common = path.iter().zip(&root).take_while(|(a, b)| a == b).count();
    let mut out: Vec<String> = vec!["..".to_string(); root.len() - common];
    out.extend(
        path[common..]
            .iter()
            .map(|p| p.to_string_lossy().into_owned()),
    );
    out.join("/")
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<Key, usize>,
    /// A version 1 file: its paths are as printed, not relative to the root.
    as_printed: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    /// The fingerprint as 16 hex digits.
    paragraph: String,
    count: usize,
}

impl Baseline {
    /// The findings of a run, their paths relative to `root` (absolute).
    pub fn of(run: &Run, root: &Path) -> Baseline {
        let paths: Vec<String> = run.paths.iter().map(|p| relative_to(root, p)).collect();
        let mut counts = BTreeMap::new();
        for diagnostic in &run.diagnostics {
            *counts
                .entry(key(&paths[diagnostic.document], diagnostic))
                .or_insert(0) += 1;
        }
        Baseline {
            counts,
            as_printed: false,
        }
    }

    /// How many findings it records.
    pub fn len(&self) -> usize {
        self.counts
            .values()
            .fold(0, |total: usize, &count| total.saturating_add(count))
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The file's text: the same findings always give the same bytes.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\n  \"version\": {VERSION},\n  \"findings\": [");
        for (i, ((path, rule, fingerprint), count)) in self.counts.iter().enumerate() {
            let entry = Entry {
                path: path.clone(),
                rule: rule.clone(),
                paragraph: format!("{fingerprint:016x}"),
                count: *count,
            };
            let line = serde_json::to_string(&entry).unwrap_or_default();
            // serde_json writes `{"path":…}`; a space after each separator reads better.
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&spaced(&line));
        }
        if !self.counts.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }

    pub fn from_json(text: &str) -> Result<Baseline, Message> {
        let file: File = serde_json::from_str(text)
            .map_err(|e| crate::msg!("baseline-not-json", error = e.to_string()))?;
        if file.version != VERSION && file.version != 1 {
            return Err(crate::msg!(
                "baseline-version",
                version = file.version,
                supported = VERSION
            ));
        }
        let mut counts = BTreeMap::new();
        for entry in file.findings {
            let fingerprint = u64::from_str_radix(&entry.paragraph, 16)
                .map_err(|_| crate::msg!("baseline-fingerprint", value = &entry.paragraph))?;
            // Saturating: a hand-edited count near `usize::MAX` must not overflow.
            let count = counts
                .entry((recorded(&entry.path), entry.rule, fingerprint))
                .or_insert(0usize);
            *count = count.saturating_add(entry.count);
        }
        Ok(Baseline {
            counts,
            as_printed: file.version == 1,
        })
    }

    /// Reads a baseline file; the error names the file.
    pub fn read(path: &Path) -> Result<Baseline, Message> {
        let name = crate::input::walk::display(path);
        // A million findings take about 120 MB.
        let text = crate::config::read_text(path, 512 << 20)
            .map_err(|e| crate::msg!("baseline-unreadable", path = &name, error = e))?;
        Baseline::from_json(&text)
            .map_err(|e| crate::msg!("baseline-invalid", path = &name, error = e))
    }

    /// Writes the baseline atomically.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::fix::write_atomically(path, self.to_json().as_bytes())
    }

    /// Drops from the run the findings the baseline records, each recorded finding matching
    /// at most one (the first in position order); returns how many were dropped.
    pub fn filter(&self, run: &mut Run, root: &Path) -> usize {
        let mut left = self.counts.clone();
        let before = run.diagnostics.len();
        let paths: Vec<String> = if self.as_printed {
            run.paths.clone()
        } else {
            run.paths.iter().map(|p| relative_to(root, p)).collect()
        };
        run.diagnostics
            .retain(|d| match left.get_mut(&key(&paths[d.document], d)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            });
        before - run.diagnostics.len()
    }
}

/// Compact JSON of one flat object with a space after each `:` and `,` between fields.
/// Only separators outside strings are touched.
fn spaced(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        out.push(c);
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ':' || c == ',' {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn baseline(entries: &[(&str, &str, u64, usize)]) -> Baseline {
        Baseline {
            counts: entries
                .iter()
                .map(|&(p, r, f, c)| ((p.to_string(), r.to_string(), f), c))
                .collect(),
            as_printed: false,
        }
    }

    #[test]
    fn json_is_sorted_one_finding_a_line_and_reads_back() {
        let b = baseline(&[
            ("b.md", "stray-period", 1, 1),
            ("a \"q\", x.md", "cjk-space", 0xabc, 2),
        ]);
        let json = b.to_json();
        assert_eq!(
            json,
            "{\n  \"version\": 2,\n  \"findings\": [\n    {\"path\": \"a \\\"q\\\", x.md\", \"rule\": \"cjk-space\", \"paragraph\": \"0000000000000abc\", \"count\": 2},\n    {\"path\": \"b.md\", \"rule\": \"stray-period\", \"paragraph\": \"0000000000000001\", \"count\": 1}\n  ]\n}\n"
        );
        assert_eq!(Baseline::from_json(&json), Ok(b));
        let empty = Baseline::default().to_json();
        assert_eq!(empty, "{\n  \"version\": 2,\n  \"findings\": []\n}\n");
        assert_eq!(Baseline::from_json(&empty), Ok(Baseline::default()));
    }

    #[test]
    fn bad_files_are_errors() {
        for text in [
            "",
            "[]",
            "{\"version\": 3, \"findings\": []}",
            "{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"paragraph\": \"xyz\", \"count\": 1}]}",
            "{\"version\": 1, \"findings\": [], \"extra\": 1}",
        ] {
            assert!(Baseline::from_json(text).is_err(), "{text}");
        }
    }

    /// A version 1 file (paths as printed) is still read, and says so.
    #[test]
    fn version_one_files_are_read_as_printed() {
        let text = "{\"version\": 1, \"findings\": [{\"path\": \"./a.txt\", \"rule\": \"stray-period\", \"paragraph\": \"1\", \"count\": 1}]}";
        let read = Baseline::from_json(text).expect("a baseline");
        assert!(read.as_printed);
        assert_eq!(read.len(), 1);
        assert!(
            !Baseline::from_json(&baseline(&[]).to_json())
                .expect("read")
                .as_printed
        );
    }

    #[test]
    fn paths_are_relative_to_the_root_whatever_the_working_directory() {
        let cwd = std::env::current_dir().expect("working directory");
        let root = cwd.join("content");
        assert_eq!(relative_to(&root, "content/a/b.md"), "a/b.md");
        assert_eq!(relative_to(&root, "./content/./a/../a/b.md"), "a/b.md");
        assert_eq!(
            relative_to(&cwd.join("content/a"), "content/x.md"),
            "../x.md"
        );
        let absolute = cwd.join("content").join("c.md");
        assert_eq!(relative_to(&root, &absolute.to_string_lossy()), "c.md");
    }

    /// Two entries of one paragraph whose counts add up past `usize::MAX` (a hand-edited
    /// file): the count saturates instead of overflowing (a panic in a debug build).
    #[test]
    fn huge_counts_saturate() {
        let entry = |count: &str| {
            format!(
                "{{\"path\": \"a.txt\", \"rule\": \"stray-period\", \"paragraph\": \"1\", \"count\": {count}}}"
            )
        };
        let max = usize::MAX.to_string();
        let text = format!(
            "{{\"version\": 1, \"findings\": [{}, {}]}}",
            entry(&max),
            entry("2")
        );
        let baseline = Baseline::from_json(&text).expect("a baseline");
        assert_eq!(baseline.len(), usize::MAX);
    }
}
