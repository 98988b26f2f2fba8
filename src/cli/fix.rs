//! `--fix` and `--diff`: the chosen fixes applied file by file, written atomically.

use super::args::{CheckArgs, ColorChoice};
use crate::linter;
use crate::msg;
use crate::report::message::Lang;
use std::io::Write;
use std::path::PathBuf;

/// What `fix_files` did; the files it could not fix (or diff) are in its `failures`, and
/// make the run exit with 2.
pub(super) enum FixOutcome {
    Diffed { changed: bool },
    Printed,
    Written { fixes: usize, files: usize },
}

/// Applies (or, with `--diff`, shows) the chosen fixes file by file.
pub(super) fn fix_files(
    run: &linter::Run,
    args: &CheckArgs,
    options: &linter::Options,
    stdin: bool,
    out: &mut dyn Write,
    failures: &mut Vec<crate::input::walk::InputError>,
    lang: Lang,
) -> Result<FixOutcome, std::io::Result<()>> {
    let (mut fixes, mut files, mut changed) = (0, 0, false);
    // Directories written to, each cleared once of what a killed run left there.
    let mut cleaned: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    let tree = crate::fix::Tree::of(&args.paths);
    let how = crate::fix::Overwrite {
        digest: None,
        in_place: if args.in_place {
            crate::fix::InPlace::Allowed
        } else {
            crate::fix::InPlace::Offered
        },
    };
    // Which file each path is, taken before anything is written (a replaced file is a new
    // one): a file linted under two names (a link and its target, two hard links) is
    // written once, under the first, where the second write would find it changed.
    let identities: Vec<Option<(u64, u64)>> = if args.fix && !args.diff {
        run.files
            .iter()
            .map(|file| file.as_deref().and_then(crate::fix::identity))
            .collect()
    } else {
        Vec::new()
    };
    let mut written: std::collections::HashMap<(u64, u64), usize> =
        std::collections::HashMap::new();
    // Each file's findings, gathered in one pass: looking them up among all the run's
    // findings for each file made `--fix` quadratic in the number of files.
    let mut by_file: Vec<Vec<&crate::report::diagnostic::Diagnostic>> =
        vec![Vec::new(); run.paths.len()];
    for diagnostic in &run.diagnostics {
        if let Some(found) = by_file.get_mut(diagnostic.document) {
            found.push(diagnostic);
        }
    }
    for (file, diagnostics) in by_file.iter().enumerate() {
        // A Word file is never written (its findings carry no fixes either): say so, once.
        if linter::is_office(&run.paths[file]) {
            if !diagnostics.is_empty() {
                let path = &run.paths[file];
                let message = msg!("fix-office-not-fixed");
                super::tell(lang, msg!("line-note-file", path = path, message = message));
            }
            continue;
        }
        let chosen = crate::fix::chosen(diagnostics, args.unsafe_fixes);
        // Read and written by its own name, which `paths` may only approximate.
        let disk = run.files[file].as_deref();
        let is_stdin = stdin && disk.is_none();
        if chosen.is_empty() && !is_stdin {
            continue;
        }
        let identity = identities.get(file).copied().flatten();
        if let Some(first) = identity.and_then(|id| written.get(&id)) {
            let message = msg!("fix-same-file", other = &run.paths[*first]);
            super::tell(
                lang,
                msg!("line-note-file", path = &run.paths[file], message = message),
            );
            continue;
        }
        #[cfg(debug_assertions)]
        if let Some(disk) = disk {
            crate::fix::test_edit(disk, "GOVLINT_TEST_EDIT_BEFORE_FIX");
        }
        let Some(source) = run.source(file) else {
            continue;
        };
        // The fixes hold byte offsets into the text that was linted: never into other text.
        if run.digests[file] != Some(source.digest) {
            not_fixed(
                &run.paths[file],
                msg!("fix-changed-meanwhile"),
                lang,
                failures,
            );
            continue;
        }
        // The first round's findings are already rid of the rules off for this file; the
        // later rounds lint the fixed text again and must leave those rules out as well.
        let (fixed, applied) = crate::fix::converge_with(
            &run.paths[file],
            &source.text,
            &chosen,
            &options.rules_for(&run.paths[file]),
            &options.rule_settings,
            args.unsafe_fixes,
        );
        if args.diff {
            if fixed != source.text {
                changed = true;
                write!(
                    out,
                    "{}",
                    crate::fix::unified_diff(
                        &run.paths[file],
                        &source.text,
                        &fixed,
                        in_color(args.color)
                    )
                )
                .map_err(Err)?;
            }
        } else if is_stdin {
            write!(out, "{fixed}").map_err(Err)?;
            return Ok(FixOutcome::Printed);
        } else if let Some(path) = disk.filter(|_| fixed != source.text) {
            // A link is written through to its target, if that lies in the linted tree.
            let target = crate::fix::resolve(path, Some(&tree)).map_err(|err| write_error(&err));
            if let Ok(target) = &target {
                let dir = crate::fix::directory_of(target);
                if cleaned.insert(dir.to_path_buf()) {
                    crate::fix::remove_stale_temporaries(dir);
                }
            }
            // Written back in the file's own encoding, or not at all; the other files go on.
            let outcome = target.and_then(|target| {
                let bytes = source.encoding.encode(&fixed)?;
                let how = crate::fix::Overwrite {
                    digest: Some(source.digest),
                    ..how
                };
                crate::fix::write(&target, &bytes, how).map_err(|err| write_error(&err))
            });
            match outcome {
                Ok(()) => {
                    if let Some(id) = identity {
                        written.insert(id, file);
                    }
                    fixes += applied;
                    files += 1;
                }
                Err(err) => {
                    let message = msg!("fix-not-written", error = err);
                    not_fixed(&run.paths[file], message, lang, failures);
                }
            }
        }
    }
    Ok(if args.diff {
        FixOutcome::Diffed { changed }
    } else {
        FixOutcome::Written { fixes, files }
    })
}

/// Why a file could not be written, in the reader's language: the system's usual causes and
/// govlint's own refusals (`fix::Refusal`: a link out of the tree, a read-only file).
fn write_error(err: &std::io::Error) -> crate::report::message::Message {
    crate::input::walk::describe_io_error(err)
}

/// Whether `--diff` marks the changed characters in colour: on a terminal unless `NO_COLOR`
/// says otherwise, as the findings are coloured.
fn in_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// A file `--fix` leaves as it was: said on standard error now, and kept for the report
/// (the run then exits with 2).
fn not_fixed(
    path: &str,
    message: crate::report::message::Message,
    lang: crate::report::message::Lang,
    failures: &mut Vec<crate::input::walk::InputError>,
) {
    super::tell(
        lang,
        msg!("line-error-file", path = path, message = message.clone()),
    );
    failures.push(crate::input::walk::InputError {
        path: path.to_string(),
        message,
    });
}
