//! `govlint check`: settings, reading and linting, the baseline, rendering, and the
//! notes and errors said on standard error.

use super::Outcome;
use super::args::{AmbiguousWidth, CheckArgs, ColorChoice, DupParallel, DupScope};
use super::fix::{FixOutcome, fix_files};
use crate::config::{self, Config, FailOn};
use crate::dedup::{self, Scope};
use crate::linter::{self, Options};
use crate::msg;
use crate::render::{self, Format, human};
use crate::report::baseline::Baseline;
use crate::report::message::{Arg, Lang, Message};
use crate::rules::{self, RuleInfo};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub(super) fn select_rules(
    select: &[String],
    ignore: &[String],
) -> Result<Vec<&'static RuleInfo>, Message> {
    for name in select.iter().chain(ignore) {
        if rules::find(name).is_none() {
            return Err(msg!(
                "cli-unknown-rule",
                name = name,
                suggestion = config::closest_rule(name).unwrap_or(config::NONE)
            ));
        }
    }
    Ok(rules::RULES
        .iter()
        .copied()
        .filter(|rule| select.is_empty() || select.iter().any(|s| s == rule.name))
        .filter(|rule| !ignore.iter().any(|s| s == rule.name))
        .collect())
}

/// The duplicate phase's settings: the command line's options over the configuration's.
fn duplicate_settings(args: &CheckArgs, config: &Config) -> Result<dedup::Settings, Message> {
    config.duplicate_settings(&config::DuplicateOverrides {
        threshold: args.dup_threshold,
        scope: args.dup_scope.map(|scope| match scope {
            DupScope::File => Scope::File,
            DupScope::Repository => Scope::Repository,
        }),
        parallel: args.dup_parallel.map(|parallel| match parallel {
            DupParallel::Hide => dedup::Parallel::Hide,
            DupParallel::Report => dedup::Parallel::Report,
        }),
        allowlists: &args.dup_allowlist,
    })
}

pub(super) fn check(args: CheckArgs, out: &mut dyn Write) -> (Outcome, std::io::Result<()>) {
    let config = match configuration(&args) {
        Ok(config) => config,
        Err(err) => {
            // The file's own `lang` is not known from a file that failed: `--lang`, else
            // the locale.
            let lang = super::language(args.lang, None);
            super::say(&err.render(std::io::stderr().is_terminal(), lang));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let lang = super::language(args.lang, config.lang);
    let rules: Vec<&'static RuleInfo> = match select_rules(&args.select, &args.ignore) {
        Ok(rules) => rules
            .into_iter()
            .filter(|rule| !config.severities.is_off_everywhere(rule))
            .collect(),
        Err(message) => {
            super::tell(lang, msg!("line-error", message = message));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let duplicates = match duplicate_settings(&args, &config) {
        Ok(duplicates) => duplicates,
        Err(message) => {
            super::tell(lang, msg!("line-error", message = message));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let rule_settings = match config.rule_settings(args.as_of) {
        Ok(settings) => settings,
        Err(message) => {
            super::tell(lang, msg!("line-error", message = message));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    if args.show_settings {
        let settings = config::describe(&config, &rules, &duplicates, lang);
        let settings = crate::text::escape_terminal_controls(&settings);
        return (Outcome::DONE, write!(out, "{settings}"));
    }
    if !args.paths_given && stdin_is_a_pipe_or_file() && !in_ci() {
        super::tell(
            lang,
            msg!("line-note", message = msg!("cli-stdin-not-read")),
        );
    }
    let mut selection = config.files.clone();
    selection.force_exclude |= args.force_exclude;
    // The configuration's baseline applies unless one is written or named.
    let baseline_file = match (&args.baseline, &args.write_baseline) {
        (Some(file), _) => Some(file.clone()),
        (None, None) => config.baseline.clone(),
        (None, Some(_)) => None,
    };
    let baseline_root = baseline_root(&config);
    let baseline = match baseline_file.as_deref().map(Baseline::read).transpose() {
        Ok(baseline) => baseline,
        Err(message) => {
            super::tell(lang, msg!("line-error", message = message));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let options = Options {
        rules,
        duplicates,
        rule_settings,
        // JSON needs positions only; human output and the HTML report show excerpts of the
        // text (the report, of two files for each near pair).
        keep_sources: matches!(args.format, Format::Human | Format::Html),
        // Fixes are never taken from the cache: every file is read for them afresh.
        cache: match (args.cache, args.cache_dir.clone()) {
            _ if args.fix || args.diff => None,
            (_, Some(dir)) => Some(dir),
            (true, None) => Some(crate::linter::cache::default_dir()),
            (false, None) => None,
        },
        severities: config.severities.clone(),
        root: config.files.root.clone(),
        encoding: args.encoding,
        max_file_size: args.max_file_size,
    };
    let fail_on = args
        .fail_on
        .or(config.fail_on)
        .unwrap_or(FailOn::Error)
        .severity();
    let (inputs, errors) =
        crate::input::walk::collect_selected_inputs(&args.paths, &args.stdin_filename, &selection);
    let against = against_inputs(&args, &config, &options, &selection, &inputs);
    let mut run = linter::lint_against(&inputs, &against, errors.clone(), &options);
    print_notices(&run, lang);
    skip_walked_binaries(&mut run, &args);
    let mut fix_errors = Vec::new();
    if args.fix || args.diff {
        let stdin = inputs
            .iter()
            .any(|i| matches!(i, crate::input::walk::Input::Stdin { .. }));
        match fix_files(&run, &args, &options, stdin, out, &mut fix_errors, lang) {
            Ok(FixOutcome::Diffed { changed }) => {
                report_input_errors(&run, lang);
                let outcome = Outcome {
                    trouble: !run.errors.is_empty() || !fix_errors.is_empty(),
                    fails: changed,
                };
                return (outcome, Ok(()));
            }
            Ok(FixOutcome::Printed) => {
                return (Outcome::trouble_if(!run.errors.is_empty()), Ok(()));
            }
            Ok(FixOutcome::Written { fixes, files }) => {
                if !args.quiet && fixes > 0 {
                    super::tell(lang, msg!("cli-fixed", fixes = fixes, files = files));
                }
                if files > 0 {
                    // What is left is what a fresh run of the fixed files finds.
                    run = linter::lint_against(&inputs, &against, errors, &options);
                    print_notices(&run, lang);
                    skip_walked_binaries(&mut run, &args);
                }
            }
            // A closed pipe cuts the diff or the fixed text short, not the run: the exit
            // code is the one the whole output would have had (a diff was being written,
            // so something changed). Any other write error exits with 2 in `main`.
            Err(written) => {
                let outcome = Outcome {
                    trouble: !run.errors.is_empty() || !fix_errors.is_empty(),
                    fails: args.diff,
                };
                return (outcome, written);
            }
        }
    }
    if let Some(file) = &args.write_baseline {
        return (
            write_baseline(&run, file, &baseline_root, args.quiet, lang),
            Ok(()),
        );
    }
    if let Some(baseline) = &baseline {
        baseline.filter(&mut run, &baseline_root);
    }
    // Reported with the findings too: a CI job reading JSON or SARIF sees what was not fixed.
    run.fix_errors = fix_errors;
    report_input_errors(&run, lang);
    // A folder of files govlint does not read would otherwise pass CI clean, having checked
    // nothing: that is trouble to see, like a file that could not be read.
    let nothing_linted = run.paths.is_empty() && !run.skipped.is_empty();
    if nothing_linted {
        let skipped = render::human::skipped_summary(&run, lang);
        super::tell(lang, msg!("cli-nothing-linted", skipped = skipped));
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let style = human::Style {
        color,
        quiet: args.quiet,
        lang,
        show_all: args.show_all,
        wide: human::ambiguous_wide(
            args.ambiguous_width
                .map(|w| matches!(w, AmbiguousWidth::Wide)),
            lang,
            |name| std::env::var(name).ok(),
        ),
    };
    if matches!(
        args.format,
        Format::Github | Format::Sarif | Format::Rdjson | Format::Markdown
    ) {
        repository_paths(&mut run);
    }
    let mut outcome = Outcome {
        trouble: !run.errors.is_empty() || !run.fix_errors.is_empty() || nothing_linted,
        fails: !args.exit_zero && run.fails(fail_on),
    };
    let written = match &args.output {
        None => render::render(args.format, args.statistics, &run, out, &style),
        Some(path) => {
            let mut report = Vec::new();
            let rendered = render::render(args.format, args.statistics, &run, &mut report, &style);
            if let Err(error) = rendered.and_then(|()| write_whole(path, &report)) {
                let path = crate::input::walk::display(path);
                let error = crate::input::walk::describe_io_error(&error);
                super::tell(
                    lang,
                    msg!("cli-report-not-written", path = path, error = error),
                );
                outcome.trouble = true;
            }
            Ok(())
        }
    };
    (outcome, written)
}

/// Writes `bytes` as the whole of the file at `path`, through a temporary file beside it
/// renamed over it: a reader never sees half a report, and a failed run leaves the old one.
pub(super) fn write_whole(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => std::path::Path::new("."),
    };
    // The old report's mode, or the one a file written anew would have (umask applies).
    let permissions = std::fs::metadata(path)
        .map(|old| old.permissions())
        .ok()
        .or_else(new_file_permissions);
    let mut builder = tempfile::Builder::new();
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut file = builder.tempfile_in(directory)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Whether standard input is a pipe or a file, not a terminal or a device (`/dev/null`), to
/// say that a `govlint check` without a path lints `.` and not it. It is never read without
/// `-`: in a GitLab job the shell's stdin is the rest of the job's script, in a
/// `while read` loop it is the loop's list, over `ssh` it is a terminal left open; reading
/// either would lint the wrong text, eat input meant for others, or wait forever.
fn stdin_is_a_pipe_or_file() -> bool {
    #[cfg(unix)]
    {
        match rustix::fs::fstat(std::io::stdin()) {
            Ok(stat) => match rustix::fs::FileType::from_raw_mode(stat.st_mode) {
                rustix::fs::FileType::Fifo => true,
                // `< empty-file` has nothing to lint either.
                rustix::fs::FileType::RegularFile => stat.st_size > 0,
                _ => false,
            },
            Err(_) => false,
        }
    }
    // Elsewhere a pipe and the NUL device are told apart only through the Windows API.
    #[cfg(not(unix))]
    {
        false
    }
}

/// Whether this runs in a CI job (`CI` set, as GitHub Actions, GitLab CI, CircleCI, Travis,
/// Buildkite, Azure Pipelines… set it), where standard input is a pipe nobody wrote to
/// (GitHub: a FIFO; GitLab: the script) and `.` is what `govlint check` is meant to lint.
fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}

/// The paths of the CI formats: relative to the repository's root, spelt as its files are
/// (`render::repository_path`), once everything said on standard error has named them as
/// given. Standard input without `--stdin-filename` stays `<stdin>`.
pub(super) fn repository_paths(run: &mut linter::Run) {
    const STDIN: &str = "<stdin>";
    let Ok(cwd) = std::env::current_dir() else {
        return;
    };
    let root = config::repository_root(&cwd);
    let spelt = |path: &Path| render::repository_path(path, &cwd, root);
    let mut renamed: HashMap<String, String> = HashMap::new();
    for (shown, file) in run.paths.iter_mut().zip(&run.files) {
        let new = match file {
            Some(file) => spelt(file),
            None if shown != STDIN => spelt(Path::new(shown.as_str())),
            None => continue,
        };
        renamed.insert(std::mem::replace(shown, new.clone()), new);
    }
    // The other file a duplicate names in its message (`repeats the one at a.md:11`).
    for diagnostic in &mut run.diagnostics {
        rename_paths(&mut diagnostic.message, &renamed);
        for related in &mut diagnostic.related {
            rename_paths(&mut related.message, &renamed);
        }
    }
    let errors = run.errors.iter_mut().chain(&mut run.skipped);
    for error in errors.chain(&mut run.fix_errors) {
        if error.path != STDIN {
            error.path = spelt(Path::new(&error.path));
        }
    }
}

/// `path` arguments of `message` and the messages in it, renamed as `renamed` says.
fn rename_paths(message: &mut Message, renamed: &HashMap<String, String>) {
    for (name, arg) in &mut message.args {
        match arg {
            Arg::Text(text) if name == "path" => {
                if let Some(new) = renamed.get(text.as_str()) {
                    text.clone_from(new);
                }
            }
            Arg::Message(inner) => rename_paths(inner, renamed),
            _ => {}
        }
    }
}

/// The files `--dup-against` and `[duplicates] against` name, walked as the run's
/// directories are: read only to find copies of the run's files. None when no copy across
/// files can be found (file scope).
fn against_inputs(
    args: &CheckArgs,
    config: &Config,
    options: &Options,
    selection: &config::FileSelection,
    linted: &[crate::input::walk::Input],
) -> Vec<crate::input::walk::Input> {
    let dirs: Vec<std::path::PathBuf> = args
        .dup_against
        .iter()
        .chain(&config.duplicates.against)
        .cloned()
        .collect();
    if dirs.is_empty() || options.duplicates.scope == Scope::File {
        return Vec::new();
    }
    // One file, however it is spelled (`./a.md` from a walk of `.`, `a.md` as pre-commit
    // names it): lexically, relative to the working directory.
    let cwd = std::path::absolute(".").unwrap_or_default();
    let same = |path: &Path| {
        crate::report::baseline::relative_to(&cwd, &crate::input::walk::display(path))
    };
    let named: std::collections::HashSet<String> = linted
        .iter()
        .filter_map(|input| match input {
            crate::input::walk::Input::File(path) => Some(same(path)),
            crate::input::walk::Input::Stdin { .. } => None,
        })
        .collect();
    // Files that cannot be read are not the run's concern: they are not linted.
    let (found, _) =
        crate::input::walk::collect_selected_inputs(&dirs, &args.stdin_filename, selection);
    found
        .into_iter()
        .filter_map(|input| match input {
            crate::input::walk::Input::File(path) if !named.contains(&same(&path)) => {
                // Spelled as pre-commit names files (`a.md`, not `./a.md` nor the absolute
                // path of a configured directory), so that the cache knows it either way.
                let path = match path.to_str() {
                    Some(_) => std::path::PathBuf::from(same(&path)),
                    None => path,
                };
                Some(crate::input::walk::Input::File(path))
            }
            _ => None,
        })
        .collect()
}

/// The directory a baseline's paths are relative to: the configuration file's, so that one
/// baseline matches from any working directory; without one, the working directory.
fn baseline_root(config: &Config) -> std::path::PathBuf {
    let dir = config
        .path
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// The configuration in force: none with `--isolated`, the named file with `--config`,
/// else the nearest one found from the working directory up.
pub(super) fn configuration(args: &CheckArgs) -> Result<Config, config::ConfigError> {
    configuration_of(args.isolated, args.config.as_deref())
}

/// The configuration in force: none when `isolated`, the file named, or the nearest.
pub(super) fn configuration_of(
    isolated: bool,
    named: Option<&Path>,
) -> Result<Config, config::ConfigError> {
    if isolated {
        return Ok(Config::default());
    }
    let path = match named.map(Path::to_path_buf) {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir().ok().and_then(|dir| {
            // Named relative to the working directory where it lies below it, as the user
            // would write it.
            let found = config::discover(&dir)?;
            Some(
                found
                    .strip_prefix(&dir)
                    .map_or(found.clone(), Path::to_path_buf),
            )
        }),
    };
    match path {
        Some(path) => config::load(&path),
        None => Ok(Config::default()),
    }
}

/// `--write-baseline`: records the run's findings; trouble only for input errors.
pub(super) fn write_baseline(
    run: &linter::Run,
    file: &std::path::Path,
    root: &Path,
    quiet: bool,
    lang: Lang,
) -> Outcome {
    report_input_errors(run, lang);
    let baseline = Baseline::of(run, root);
    let path = crate::input::walk::display(file);
    if let Err(err) = baseline.write(file) {
        let error = crate::input::walk::describe_io_error(&err);
        super::tell(
            lang,
            msg!("cli-baseline-not-written", path = &path, error = error),
        );
        return Outcome::TROUBLE;
    }
    if !quiet {
        super::tell(
            lang,
            msg!("cli-baseline-written", count = baseline.len(), path = &path),
        );
    }
    Outcome::trouble_if(!run.errors.is_empty())
}

/// What the run had to say besides findings (a cap reached, the cache not written), said as
/// soon as the run is over.
fn print_notices(run: &linter::Run, lang: Lang) {
    say_notices(&run.notices, lang);
}

pub(super) fn say_notices(notices: &[linter::Notice], lang: Lang) {
    for notice in notices {
        let message = notice.message.clone();
        let line = match (&notice.path, notice.level) {
            (Some(path), linter::NoticeLevel::Warning) => {
                msg!("line-warning-file", path = path, message = message)
            }
            (Some(path), linter::NoticeLevel::Note) => {
                msg!("line-note-file", path = path, message = message)
            }
            (None, linter::NoticeLevel::Warning) => msg!("line-warning", message = message),
            (None, linter::NoticeLevel::Note) => msg!("line-note", message = message),
        };
        super::tell(lang, line);
    }
}

pub(super) fn report_input_errors(run: &linter::Run, lang: Lang) {
    for skipped in &run.skipped {
        // "binary file (contains NUL bytes), not linted" is skipped, not "not linted".
        let what = skipped.message.render(lang);
        let what = what.trim_end_matches(", not linted");
        super::tell(
            lang,
            msg!("line-skipped", path = &skipped.path, what = what),
        );
    }
    for error in &run.errors {
        super::tell(
            lang,
            msg!(
                "line-input-error",
                path = &error.path,
                message = error.message.clone()
            ),
        );
    }
    for (path, note) in run.unread_notes() {
        super::tell(lang, msg!("line-note-file", path = path, message = note));
    }
}

/// Binary files and office files of formats govlint does not read that a walk came across
/// are skipped with a note (`note: a/scan.txt: binary file (contains NUL bytes), skipped`),
/// not errors; such a file named on the command line stays an error.
pub(super) fn skip_walked_binaries(run: &mut linter::Run, args: &CheckArgs) {
    let named = |path: &str| {
        args.paths.iter().any(|p| {
            crate::input::walk::display(p) == path
                || p.as_os_str() == "-" && path == args.stdin_filename
        })
    };
    let (skipped, errors) = std::mem::take(&mut run.errors)
        .into_iter()
        .partition(|e| (e.is_binary() || e.is_unread_format()) && !named(&e.path));
    run.errors = errors;
    run.skipped = skipped;
}
