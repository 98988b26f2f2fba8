//! Output formats. Each renders the same sorted diagnostics of a run; none of them decides
//! what is a finding or what the exit code is.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod locate;
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
    use super::ControlEscaping;
    use std::io::Write;

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
