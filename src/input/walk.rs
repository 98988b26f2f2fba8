//! The command line's paths as inputs: files named, directories walked the way `rg` walks
//! them (`.gitignore` respected, the configuration's file selection applied), standard
//! input; and the errors of inputs that cannot be linted, which the run reports and goes on.

use crate::config::FileSelection;
use crate::msg;
use crate::report::message::Message;
use ignore::WalkBuilder;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin { name: String },
}

/// A path that could not be linted, and why. Reported, and the run goes on.
#[derive(Debug, Clone)]
pub struct InputError {
    pub path: String,
    /// Why, rendered in the run's language when it is printed.
    pub message: Message,
}

impl InputError {
    /// The input is not text at all (an image, an archive): a walk skips such files with a
    /// note, where a file named on the command line is an error.
    pub fn is_binary(&self) -> bool {
        self.message.id.starts_with("input-binary")
    }

    /// The input is an office file of a format govlint does not read (`.rtf`, `.pdf`, `.xls`…),
    /// found by a walk: skipped with a note and counted, like a binary file.
    pub fn is_unread_format(&self) -> bool {
        matches!(
            self.message.id.as_ref(),
            "input-unread-format" | "input-rtf" | "input-doc-too-old"
        )
    }

    /// The format of an unread office file (`rtf`), for the summary's count.
    pub fn unread_extension(&self) -> Option<String> {
        self.is_unread_format()
            .then(|| crate::input::office::extension(&self.path))
            .flatten()
    }
}

/// The extension of a file a walk does not lint but must count: an office format govlint
/// does not read.
fn unread_office_format(path: &Path) -> Option<String> {
    let ext = crate::input::office::extension(&display(path))?;
    crate::input::office::UNREAD_EXTENSIONS
        .contains(&ext.as_str())
        .then_some(ext)
}

/// Expands the command-line paths into inputs, in a stable order, with the default file
/// selection.
pub fn collect_inputs(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, Vec<InputError>) {
    collect_selected_inputs(paths, stdin_name, &FileSelection::default())
}

/// Expands the command-line paths into inputs, in a stable order: directories are walked
/// for the files `selection` includes and does not exclude; files named explicitly are
/// linted whatever their name, unless excluded with `force_exclude`.
pub fn collect_selected_inputs(
    paths: &[PathBuf],
    stdin_name: &str,
    selection: &FileSelection,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            // Standard input can be read only once.
            if !inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
                inputs.push(Input::Stdin {
                    name: stdin_name.to_string(),
                });
            }
            continue;
        }
        if selection.force_exclude && selection.excludes(path) {
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, selection, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(err) => errors.push(InputError {
                path: display(path),
                message: describe_io_error(&err),
            }),
        }
    }
    // One file reached by two arguments (`docs ./docs`, `docs/a.txt docs`) is read once,
    // under the name it was first reached by: twice, every paragraph would be a duplicate
    // of itself. One argument cannot reach a file twice (a walk skips links into itself).
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| match input {
            Input::File(path) => std::fs::canonicalize(path).map_or(true, |real| seen.insert(real)),
            Input::Stdin { .. } => true,
        });
    }
    (inputs, errors)
}

fn walk(
    root: &Path,
    selection: &FileSelection,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
) {
    let excluded = std::sync::Arc::new(selection.clone());
    let canonical_root = std::fs::canonicalize(root).ok();
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        // The root itself was named on the command line: only what lies below is filtered.
        .filter_entry(move |entry| entry.depth() == 0 || !excluded.excludes(entry.path()))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = match entry.file_type() {
                    // Links are not followed into directories (so a link loop cannot trap
                    // the walk). A link to a file outside the walk is read; one to a file
                    // inside it is not (the file is linted under its own name, and would
                    // otherwise repeat every paragraph of it); a link to nothing, or a
                    // loop, is reported when it is read.
                    Some(t) if t.is_symlink() => match std::fs::canonicalize(path) {
                        Ok(target) => {
                            target.is_file()
                                && !canonical_root
                                    .as_ref()
                                    .is_some_and(|r| target.starts_with(r))
                        }
                        Err(_) => true,
                    },
                    Some(t) => t.is_file(),
                    None => false,
                };
                if !is_file || crate::input::word::is_lock_file(path) {
                    continue;
                }
                if selection.includes(path) {
                    inputs.push(Input::File(path.to_path_buf()));
                } else if let Some(ext) = unread_office_format(path) {
                    // Counted, not passed over in silence: a folder of `.rtf` or `.pdf`
                    // files would otherwise be reported clean, having checked nothing.
                    errors.push(InputError {
                        path: display(path),
                        message: msg!("input-unread-format", extension = ext),
                    });
                }
            }
            Err(err) => errors.push(walk_error(root, &err)),
        }
    }
}

/// A walk error named by the path it is about (a directory that cannot be read, a loop),
/// not by the directory the walk started from.
fn walk_error(root: &Path, err: &ignore::Error) -> InputError {
    let mut path = None;
    let mut inner = err;
    loop {
        match inner {
            ignore::Error::WithPath { path: at, err } => {
                path.get_or_insert(at);
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err
            }
            _ => break,
        }
    }
    let (path, message) = match inner {
        ignore::Error::Loop { ancestor, child } => (
            child.as_path(),
            msg!("input-walk-loop", ancestor = display(ancestor)),
        ),
        ignore::Error::Io(io) => (path.map_or(root, |p| p.as_path()), describe_io_error(io)),
        other => (
            path.map_or(root, |p| p.as_path()),
            msg!("io-other", error = other.to_string()),
        ),
    };
    InputError {
        path: display(path),
        message,
    }
}

/// A path as govlint prints it: as it is when it is valid Unicode, else with each byte
/// that is not shown as `\xFF`, so two names differing only there stay apart on screen.
pub fn display(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let mut shown = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        shown.push_str(chunk.valid());
        for byte in chunk.invalid() {
            shown.push_str(&format!("\\x{byte:02X}"));
        }
    }
    shown
}

/// What identifies a file in the cache and orders files that print alike: its path when
/// that is valid Unicode, else a form no valid path has (it starts with NUL, which no file
/// name holds) with its bytes kept apart.
pub fn path_key(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            let mut key = String::from("\0");
            for byte in bytes {
                key.push_str(&format!("{byte:02x}"));
            }
            key
        }
    }
}

/// Why a file could not be opened or read, in the reader's language for the usual causes;
/// the system's own (English) words for the rare others.
pub(crate) fn describe_io_error(err: &std::io::Error) -> Message {
    if let Some(refusal) = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::fix::Refusal>())
    {
        return refusal.0.clone();
    }
    match err.kind() {
        std::io::ErrorKind::NotFound => msg!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        std::io::ErrorKind::IsADirectory => msg!("io-is-a-directory"),
        // ELOOP (Linux 40, macOS and the BSDs 62): `ErrorKind::FilesystemLoop` is unstable.
        _ if cfg!(unix) && matches!(err.raw_os_error(), Some(40 | 62)) => msg!("io-link-loop"),
        std::io::ErrorKind::ReadOnlyFilesystem => msg!("io-read-only-file-system"),
        std::io::ErrorKind::StorageFull => msg!("io-storage-full"),
        _ => msg!("io-other", error = err.to_string()),
    }
}
