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

use std::borrow::Cow;

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
