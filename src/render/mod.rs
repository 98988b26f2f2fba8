//! Output formats. Each renders the same sorted diagnostics of a run; none of them decides
//! what is a finding or what the exit code is.

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod locate;
pub mod markdown;
pub mod rdjson;
pub mod sarif;
pub mod statistics;

use crate::linter::Run;
use std::borrow::Cow;
use std::io::Write;

/// What `--format` chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts under each finding, and a summary.
    Human,
    /// One JSON document listing every finding.
    Json,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's diagnostic format.
    Rdjson,
    /// A Markdown report for a CI job's summary page: counts by rule and by file, the
    /// errors, the duplicates as pairs.
    Markdown,
    /// One self-contained HTML page to read in a browser: an overview with a chart, the
    /// duplicates side by side, every file's findings in context, filterable.
    Html,
}

/// Writes the run in `format` (its statistics with `--statistics`): the one place a format
/// is chosen. JSON is escaped whole (C1 controls too), where the other formats escape what
/// they show.
pub fn render(
    format: Format,
    statistics: bool,
    run: &Run,
    out: &mut dyn Write,
    style: &human::Style,
) -> std::io::Result<()> {
    match format {
        Format::Json if statistics => {
            statistics::render_json(run, &mut ControlEscaping::new(&mut *out))
        }
        _ if statistics => statistics::render(run, out, style.quiet, style.lang),
        Format::Json => json::render(run, &mut ControlEscaping::new(&mut *out), style.lang),
        Format::Concise => concise::render(run, out, style.lang),
        Format::Sarif => sarif::render(run, &mut ControlEscaping::new(&mut *out), style.lang),
        Format::Github => github::render(run, out, style.lang),
        Format::Rdjson => rdjson::render(run, &mut ControlEscaping::new(&mut *out), style.lang),
        Format::Markdown => markdown::render(run, out, style.lang),
        Format::Html => html::render(run, out, style.lang),
        Format::Human => human::render(run, out, style),
    }
}

/// A path as CI tools expect it: as the user gave it, with `/` between components even on
/// Windows, where the walk yields `\` (GitHub and reviewdog match paths against the
/// repository's, which use `/`).
pub fn portable_path(path: &str) -> Cow<'_, str> {
    if cfg!(windows) && path.contains('\\') {
        Cow::Owned(path.replace('\\', "/"))
    } else {
        Cow::Borrowed(path)
    }
}

/// A file's path as a CI service matches it against the repository's files: relative to
/// the repository `root` (where `.git` is) whatever the working directory, with no `./`
/// and no `a/../`, `/` between components. GitHub attaches an annotation to a pull
/// request's diff only when its `file` is spelt so (`./content/a.md` is left off), and
/// code scanning resolves SARIF's relative URIs against the checkout's root. A path outside
/// the repository, or any path when there is no repository, is relative to the working
/// directory `cwd`, normalised the same way (`../shared/a.md` stays so); an absolute path
/// outside both stays absolute.
pub fn repository_path(
    path: &std::path::Path,
    cwd: &std::path::Path,
    root: Option<&std::path::Path>,
) -> String {
    let shown =
        |path: &std::path::Path| portable_path(&crate::input::walk::display(path)).into_owned();
    // The directory itself is `.`, not an empty path.
    let shown_relative = |path: &std::path::Path| match path.as_os_str().is_empty() {
        true => ".".to_string(),
        false => shown(path),
    };
    let absolute = lexically_normal(&cwd.join(path));
    let root = root.unwrap_or(cwd);
    if let Ok(relative) = absolute.strip_prefix(root) {
        return shown_relative(relative);
    }
    // A path spelt through a symbolic link to the checkout (`/tmp` → `/private/tmp` on
    // macOS): its directory resolved, the file's own name kept, so a link named in the
    // repository is reported under its own name.
    let resolved = match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => std::fs::canonicalize(parent)
            .ok()
            .map(|parent| parent.join(name)),
        _ => None,
    };
    if let (Some(resolved), Ok(root)) = (resolved, std::fs::canonicalize(root))
        && let Ok(relative) = resolved.strip_prefix(&root)
    {
        return shown_relative(relative);
    }
    if path.is_absolute() {
        return shown(&absolute);
    }
    shown_relative(&lexically_normal(path))
}

/// `path` without `.` components and with each `..` taking away the name before it (as the
/// user meant, not as a symbolic link would lead: the file was read under the path given);
/// a `..` with no name before it is kept, and one after the root dropped.
fn lexically_normal(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => parts.push(component),
            },
            _ => parts.push(component),
        }
    }
    parts.iter().collect()
}

/// Where to read about govlint, from the package metadata; `None` while it names none.
pub fn project_url() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|url| !url.is_empty())
}

/// A writer for JSON output that writes DEL and the C1 controls (U+0080–U+009F) as `\u`
/// escapes, which serde writes raw: U+009B is a terminal's one-character CSI, so a document
/// holding it could drive a terminal showing the JSON. Outside strings serde writes none of
/// them, so the escapes land only inside strings, where JSON allows them.
pub struct ControlEscaping<W: std::io::Write> {
    inner: W,
    /// A UTF-8 lead byte `0xC2` at the end of the last write, its second byte still to come.
    pending_lead: bool,
}

impl<W: std::io::Write> ControlEscaping<W> {
    pub fn new(inner: W) -> Self {
        ControlEscaping {
            inner,
            pending_lead: false,
        }
    }
}

impl<W: std::io::Write> std::io::Write for ControlEscaping<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut plain = 0;
        let mut at = 0;
        if self.pending_lead && !bytes.is_empty() {
            self.pending_lead = false;
            if (0x80..=0x9F).contains(&bytes[0]) {
                write!(self.inner, "\\u00{:02x}", bytes[0])?;
                plain = 1;
            } else {
                self.inner.write_all(&[0xC2])?;
            }
            at = plain;
        }
        while at < bytes.len() {
            let byte = bytes[at];
            let escaped = if byte == 0x7F {
                Some((0x7F, 1))
            } else if byte == 0xC2 {
                match bytes.get(at + 1) {
                    Some(&next) if (0x80..=0x9F).contains(&next) => Some((next, 2)),
                    Some(_) => None,
                    None => {
                        self.inner.write_all(&bytes[plain..at])?;
                        self.pending_lead = true;
                        return Ok(bytes.len());
                    }
                }
            } else {
                None
            };
            match escaped {
                Some((code, width)) => {
                    self.inner.write_all(&bytes[plain..at])?;
                    write!(self.inner, "\\u00{code:02x}")?;
                    at += width;
                    plain = at;
                }
                None => at += 1,
            }
        }
        self.inner.write_all(&bytes[plain..])?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.pending_lead) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for ControlEscaping<W> {
    fn drop(&mut self) {
        if self.pending_lead {
            let _ = std::io::Write::flush(self);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ControlEscaping, repository_path};
    use std::io::Write;
    use std::path::Path;

    #[cfg(unix)]
    #[test]
    fn paths_are_relative_to_the_repository_root_without_dot_segments() {
        let root = Path::new("/repo");
        let from_root = |path: &str| repository_path(Path::new(path), root, Some(root));
        assert_eq!(from_root("./content/a.md"), "content/a.md");
        assert_eq!(from_root("content/./b/../a.md"), "content/a.md");
        assert_eq!(from_root("/repo/content/a.md"), "content/a.md");
        let sub = Path::new("/repo/content");
        let from_sub = |path: &str| repository_path(Path::new(path), sub, Some(root));
        assert_eq!(from_sub("./a.md"), "content/a.md");
        assert_eq!(from_sub("a.md"), "content/a.md");
        assert_eq!(from_sub("../docs/b.md"), "docs/b.md");
        assert_eq!(from_sub("甲 文件.txt"), "content/甲 文件.txt");
        // Outside the repository: relative to the working directory, normalised.
        assert_eq!(from_sub("../../shared/./x/../a.md"), "../../shared/a.md");
        assert_eq!(from_sub("/elsewhere/./a.md"), "/elsewhere/a.md");
        // No repository: relative to the working directory.
        let alone = |path: &str| repository_path(Path::new(path), sub, None);
        assert_eq!(alone("./a.md"), "a.md");
        assert_eq!(alone("x/../a.md"), "a.md");
        assert_eq!(alone("../a.md"), "../a.md");
        assert_eq!(alone("<stdin>"), "<stdin>");
        assert_eq!(alone("./x/.."), ".");
        assert_eq!(alone("/repo/content/b/a.md"), "b/a.md");
    }

    #[test]
    fn c1_controls_and_del_are_escaped_even_split_across_writes() {
        let text = "{\"m\":\"a\u{9b}31m\u{7f}é中\u{85}\"}";
        for split in 0..=text.len() {
            let mut out = Vec::new();
            {
                let mut writer = ControlEscaping::new(&mut out);
                writer.write_all(&text.as_bytes()[..split]).unwrap();
                writer.write_all(&text.as_bytes()[split..]).unwrap();
                writer.flush().unwrap();
            }
            let written = String::from_utf8(out).unwrap();
            assert_eq!(
                written, "{\"m\":\"a\\u009b31m\\u007fé中\\u0085\"}",
                "{split}"
            );
            let parsed: serde_json::Value = serde_json::from_str(&written).unwrap();
            assert_eq!(parsed["m"], "a\u{9b}31m\u{7f}é中\u{85}");
        }
    }
}
