//! The command line: parses arguments, runs the linter, renders, and turns the run into an
//! exit code. Nothing here decides what a finding is.

use crate::config::{self, Config, FailOn};
use crate::dedup::{self, Scope};
use crate::linter::{self, Options};
use crate::render::{self, Format, human};
use crate::report::baseline::Baseline;
use crate::rules::{self, RuleInfo};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "govlint",
    version,
    about = "A linter for Chinese government articles: duplicated paragraphs and punctuation faults."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files and directories (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.docx`, `.doc`,
    /// `.wps`, `.odt` under directories; `-` for stdin).
    Check(Box<CheckArgs>),
    /// List every rule with its default severity.
    Rules,
    /// Print one rule's documentation.
    Rule {
        /// The rule's name, e.g. `stray-period`.
        name: String,
    },
    /// Write a commented `govlint.toml` with every setting at its default.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Where to write it.
        #[arg(default_value = "govlint.toml")]
        path: PathBuf,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Run only these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Do not run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Print only the findings: no summary line.
    #[arg(long, short)]
    quiet: bool,
    /// The name standard input is reported under.
    #[arg(long, default_value = "<stdin>", value_name = "NAME")]
    stdin_filename: String,
    /// Where duplicates are looked for: within each `file`, or also across files
    /// (`repository`). Default: `repository` when a directory is linted, else `file`.
    #[arg(long, value_enum, value_name = "SCOPE")]
    dup_scope: Option<DupScope>,
    /// Smallest similarity reported as a near duplicate, in (0, 1] (default 0.85).
    #[arg(long, value_name = "SIMILARITY", value_parser = parse_threshold)]
    dup_threshold: Option<f64>,
    /// A file of paragraphs that may repeat anywhere (formulas), one per line; `#` comments.
    #[arg(long, value_name = "FILE")]
    dup_allowlist: Vec<PathBuf>,
    /// What becomes of repeats judged legitimate parallel text (provisions of statutes,
    /// template items of one list, quotations, series formulas, negations): `hide` them
    /// (default), or `report` each as `info`, tagged with the reason, to audit the judgement.
    #[arg(long, value_enum, value_name = "WHAT")]
    dup_parallel: Option<DupParallel>,
    /// Apply safe fixes to the files (atomically), then report what is left. With `-`, the
    /// fixed text is written to standard output instead.
    #[arg(long)]
    fix: bool,
    /// Print the unified diff of what `--fix` would change, and write nothing.
    #[arg(long)]
    diff: bool,
    /// With `--fix`, write in place (over the old text, through the same file: not
    /// atomically) a file that a new file could not stand in for: one with other hard links,
    /// in a directory this run may not write, or whose owner, group or extended attributes
    /// this run cannot give a new file. Without it such a file is refused.
    #[arg(long, requires = "fix")]
    in_place: bool,
    /// With `--fix` or `--diff`, apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print how many findings each rule made instead of the findings (a JSON array with
    /// `--format json`).
    #[arg(long)]
    statistics: bool,
    /// Keep results between runs, so a re-run reads and searches only changed files.
    #[arg(long)]
    cache: bool,
    /// Where the cache lives (implies `--cache`; default `.govlint-cache`).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// The configuration file to use, instead of the nearest `govlint.toml` or
    /// `.govlint.toml` in the working directory or a parent, up to the repository's root.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    isolated: bool,
    /// Print the settings in force (configuration file and options) and exit.
    #[arg(long)]
    show_settings: bool,
    /// Skip excluded files even when they are named on the command line (for pre-commit).
    #[arg(long)]
    force_exclude: bool,
    /// Exit with 0 even when findings are reported (input errors still exit with 2).
    #[arg(long)]
    exit_zero: bool,
    /// Read every input in this encoding (`gbk`, `gb18030`, `big5`, `utf-16le`, `utf-8`…)
    /// instead of detecting it.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    encoding: Option<crate::input::decode::TextEncoding>,
    /// The lowest severity that makes the run fail with exit code 1 (default: error).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOn>,
    /// Report only findings not recorded in this baseline file (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the findings of this run in a baseline file, report nothing, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff"])]
    write_baseline: Option<PathBuf>,
    /// Refuse inputs larger than this (bytes, or with K, M, G: `64M`), without reading them.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64M")]
    max_file_size: u64,
}

/// `123`, `64K`, `64M`, `1G` (binary multiples; `KB`, `MiB`… are read alike).
fn parse_size(value: &str) -> Result<u64, String> {
    let trimmed = value.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits);
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("`{value}` is not a size (e.g. 64M, 1G, 500000)")),
    };
    number
        .parse::<u64>()
        .ok()
        .filter(|&n| n > 0)
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{value}` is not a size (e.g. 64M, 1G, 500000)"))
}

#[derive(Clone, Copy, ValueEnum)]
enum DupScope {
    File,
    Repository,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DupParallel {
    Hide,
    Report,
}

fn parse_encoding(label: &str) -> Result<crate::input::decode::TextEncoding, String> {
    crate::input::decode::from_label(label).ok_or_else(|| {
        format!("`{label}` is not an encoding label (e.g. gbk, gb18030, big5, utf-16le)")
    })
}

fn parse_threshold(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err(format!("`{value}` is not a similarity in (0, 1]")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How a command ended: the one thing the exit code is computed from, whatever the output
/// format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Outcome {
    /// Something could not be done: a usage, configuration, input, fix or write error, or
    /// nothing was linted. Exit code 2.
    trouble: bool,
    /// The run fails: findings at the `--fail-on` level (unless `--exit-zero`), or a
    /// `--diff` that changes something. Exit code 1.
    fails: bool,
}

impl Outcome {
    const DONE: Outcome = Outcome {
        trouble: false,
        fails: false,
    };
    const TROUBLE: Outcome = Outcome {
        trouble: true,
        fails: false,
    };

    fn trouble_if(trouble: bool) -> Outcome {
        Outcome {
            trouble,
            fails: false,
        }
    }

    /// 0 clean, 1 failing, 2 trouble (which wins).
    fn exit_code(self) -> i32 {
        if self.trouble {
            2
        } else {
            i32::from(self.fails)
        }
    }
}

/// Runs govlint and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // `--help` and `--version` come this way too, and are no trouble.
            return Outcome::trouble_if(err.use_stderr()).exit_code();
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (outcome, written) = match cli.command {
        Command::Check(args) => check(*args, &mut stdout),
        Command::Rules => (Outcome::DONE, list_rules(&mut stdout)),
        Command::Init { force, path } => (init(&path, force), Ok(())),
        Command::Rule { name } => match rules::find(&name) {
            Some(rule) => (Outcome::DONE, write!(stdout, "{}", rule.documentation())),
            None => {
                say!("error: unknown rule `{name}`; `govlint rules` lists them");
                (Outcome::TROUBLE, Ok(()))
            }
        },
    };
    let outcome = match written.and_then(|()| stdout.flush()) {
        // A closed pipe (`govlint check | head`) is the reader's choice, not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => outcome,
        Err(err) => {
            say!("error: could not write output: {err}");
            Outcome::TROUBLE
        }
        Ok(()) => outcome,
    };
    outcome.exit_code()
}

fn list_rules(out: &mut dyn Write) -> std::io::Result<()> {
    let width = rules::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for rule in rules::RULES {
        writeln!(
            out,
            "{:width$}  {:7}  {:9}  {}",
            rule.name,
            rule.severity.as_str(),
            rule.fix.short(),
            rule.summary
        )?;
    }
    Ok(())
}

fn select_rules(select: &[String], ignore: &[String]) -> Result<Vec<&'static RuleInfo>, String> {
    for name in select.iter().chain(ignore) {
        if rules::find(name).is_none() {
            return Err(format!("unknown rule `{name}`; `govlint rules` lists them"));
        }
    }
    Ok(rules::RULES
        .iter()
        .copied()
        .filter(|rule| select.is_empty() || select.iter().any(|s| s == rule.name))
        .filter(|rule| !ignore.iter().any(|s| s == rule.name))
        .collect())
}

fn check(args: CheckArgs, out: &mut dyn Write) -> (Outcome, std::io::Result<()>) {
    let config = match configuration(&args) {
        Ok(config) => config,
        Err(err) => {
            eprint!("{}", err.render(std::io::stderr().is_terminal()));
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let rules: Vec<&'static RuleInfo> = match select_rules(&args.select, &args.ignore) {
        Ok(rules) => rules
            .into_iter()
            .filter(|rule| !config.severities.is_off_everywhere(rule))
            .collect(),
        Err(message) => {
            say!("error: {message}");
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let configured = &config.duplicates;
    let defaults = dedup::Settings::default();
    let mut duplicates = dedup::Settings {
        threshold: args
            .dup_threshold
            .or(configured.threshold)
            .unwrap_or(defaults.threshold),
        scope: match args.dup_scope {
            Some(DupScope::File) => Scope::File,
            Some(DupScope::Repository) => Scope::Repository,
            None => match configured.scope {
                Some(scope) => scope,
                None if args.paths.iter().any(|p| p.is_dir()) => Scope::Repository,
                None => Scope::File,
            },
        },
        exact_min_chars: configured
            .exact_min_chars
            .unwrap_or(defaults.exact_min_chars),
        near_min_chars: configured.near_min_chars.unwrap_or(defaults.near_min_chars),
        common_files: configured.common_files.unwrap_or(defaults.common_files),
        parallel: match args.dup_parallel {
            Some(DupParallel::Hide) => dedup::Parallel::Hide,
            Some(DupParallel::Report) => dedup::Parallel::Report,
            None => configured.parallel.unwrap_or(defaults.parallel),
        },
        ..defaults
    };
    duplicates.allow(&configured.allow.join("\n"));
    for list in configured.allowlists.iter().chain(&args.dup_allowlist) {
        match config::read_text(list, 64 << 20) {
            Ok(text) => duplicates.allow(&text),
            Err(err) => {
                say!(
                    "error: {}: cannot read the allowlist: {err}",
                    list.display()
                );
                return (Outcome::TROUBLE, Ok(()));
            }
        }
    }
    if args.show_settings {
        let settings = config::describe(&config, &rules, &duplicates);
        let settings = crate::text::escape_terminal_controls(&settings);
        return (Outcome::DONE, write!(out, "{settings}"));
    }
    let mut selection = config.files.clone();
    selection.force_exclude |= args.force_exclude;
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(baseline) => baseline,
        Err(message) => {
            say!("error: {message}");
            return (Outcome::TROUBLE, Ok(()));
        }
    };
    let options = Options {
        rules,
        duplicates,
        // JSON needs positions only; human output shows excerpts of the text.
        keep_sources: matches!(args.format, Format::Human),
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
        linter::collect_selected_inputs(&args.paths, &args.stdin_filename, &selection);
    let mut run = linter::lint(&inputs, errors.clone(), &options);
    skip_walked_binaries(&mut run, &args);
    let mut fix_errors = Vec::new();
    if args.fix || args.diff {
        let stdin = inputs
            .iter()
            .any(|i| matches!(i, linter::Input::Stdin { .. }));
        match fix_files(&run, &args, &options, stdin, out, &mut fix_errors) {
            Ok(FixOutcome::Diffed { changed }) => {
                report_input_errors(&run);
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
                    say!(
                        "Fixed {fixes} finding{} in {files} file{}.",
                        plural(fixes),
                        plural(files)
                    );
                }
                if files > 0 {
                    // What is left is what a fresh run of the fixed files finds.
                    run = linter::lint(&inputs, errors, &options);
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
        return (write_baseline(&run, file, args.quiet), Ok(()));
    }
    if let Some(baseline) = &baseline {
        baseline.filter(&mut run);
    }
    // Reported with the findings too: a CI job reading JSON or SARIF sees what was not fixed.
    run.fix_errors = fix_errors;
    report_input_errors(&run);
    // A folder of files govlint does not read would otherwise pass CI clean, having checked
    // nothing: that is trouble to see, like a file that could not be read.
    let nothing_linted = run.paths.is_empty() && !run.skipped.is_empty();
    if nothing_linted {
        say!(
            "warning: no file was linted: {}; govlint reads .txt, .md, .markdown, .html, .htm, \
             .docx, .doc, .wps and .odt",
            render::human::skipped_summary(&run)
        );
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let style = human::Style {
        color,
        quiet: args.quiet,
    };
    let written = render::render(args.format, args.statistics, &run, out, &style);
    let outcome = Outcome {
        trouble: !run.errors.is_empty() || !run.fix_errors.is_empty() || nothing_linted,
        fails: !args.exit_zero && run.fails(fail_on),
    };
    (outcome, written)
}

/// The configuration in force: none with `--isolated`, the named file with `--config`,
/// else the nearest one found from the working directory up.
fn configuration(args: &CheckArgs) -> Result<Config, config::ConfigError> {
    if args.isolated {
        return Ok(Config::default());
    }
    let path = match &args.config {
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

/// `govlint init`: writes the commented default configuration.
fn init(path: &Path, force: bool) -> Outcome {
    if path.exists() && !force {
        say!(
            "error: {} already exists; `govlint init --force` overwrites it",
            path.display()
        );
        return Outcome::TROUBLE;
    }
    match crate::fix::write_atomically(path, config::TEMPLATE.as_bytes()) {
        Ok(()) => {
            say!("Wrote {}.", path.display());
            Outcome::DONE
        }
        Err(err) => {
            say!("error: {}: could not write: {err}", path.display());
            Outcome::TROUBLE
        }
    }
}

/// `--write-baseline`: records the run's findings; trouble only for input errors.
fn write_baseline(run: &linter::Run, file: &std::path::Path, quiet: bool) -> Outcome {
    report_input_errors(run);
    let baseline = Baseline::of(run);
    if let Err(err) = baseline.write(file) {
        say!(
            "error: {}: could not write the baseline: {err}",
            file.display()
        );
        return Outcome::TROUBLE;
    }
    if !quiet {
        say!(
            "Recorded {} finding{} in {}.",
            baseline.len(),
            plural(baseline.len()),
            file.display()
        );
    }
    Outcome::trouble_if(!run.errors.is_empty())
}

/// What `fix_files` did; the files it could not fix (or diff) are in its `failures`, and
/// make the run exit with 2.
enum FixOutcome {
    Diffed { changed: bool },
    Printed,
    Written { fixes: usize, files: usize },
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Applies (or, with `--diff`, shows) the chosen fixes file by file.
fn fix_files(
    run: &linter::Run,
    args: &CheckArgs,
    options: &linter::Options,
    stdin: bool,
    out: &mut dyn Write,
    failures: &mut Vec<linter::InputError>,
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
                say!(
                    "note: {}: fixes are not applied to office documents (.docx, .doc, .wps, .odt); the findings are reported",
                    run.paths[file]
                );
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
            say!(
                "note: {}: the same file as {}, fixed under that name",
                run.paths[file],
                run.paths[*first]
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
            let message = "changed since it was linted; not fixed (run govlint again)";
            say!("error: {}: {message}", run.paths[file]);
            failures.push(linter::InputError {
                path: run.paths[file].clone(),
                message: message.to_string(),
            });
            continue;
        }
        // The first round's findings are already rid of the rules off for this file; the
        // later rounds lint the fixed text again and must leave those rules out as well.
        let (fixed, applied) = crate::fix::converge(
            &run.paths[file],
            &source.text,
            &chosen,
            &options.rules_for(&run.paths[file]),
            args.unsafe_fixes,
        );
        if args.diff {
            if fixed != source.text {
                changed = true;
                write!(
                    out,
                    "{}",
                    crate::fix::unified_diff(&run.paths[file], &source.text, &fixed)
                )
                .map_err(Err)?;
            }
        } else if is_stdin {
            write!(out, "{fixed}").map_err(Err)?;
            return Ok(FixOutcome::Printed);
        } else if let Some(path) = disk.filter(|_| fixed != source.text) {
            // A link is written through to its target, if that lies in the linted tree.
            let target = crate::fix::resolve(path, Some(&tree)).map_err(|err| err.to_string());
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
                crate::fix::write(&target, &bytes, how).map_err(|err| err.to_string())
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
                    let message =
                        format!("could not write the fixes: {err}; the file is unchanged");
                    say!("error: {}: {message}", run.paths[file]);
                    failures.push(linter::InputError {
                        path: run.paths[file].clone(),
                        message,
                    });
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

fn report_input_errors(run: &linter::Run) {
    for skipped in &run.skipped {
        let what = skipped.message.trim_end_matches(", not linted");
        say!("note: {}: {what}, skipped", skipped.path);
    }
    for error in &run.errors {
        say!("error: {}: {}", error.path, error.message);
    }
    for (path, note) in run.unread_notes() {
        say!("note: {path}: {note}");
    }
}

/// Binary files and office files of formats govlint does not read that a walk came across
/// are skipped with a note (`note: a/scan.txt: binary file (contains NUL bytes), skipped`),
/// not errors; such a file named on the command line stays an error.
fn skip_walked_binaries(run: &mut linter::Run, args: &CheckArgs) {
    let named = |path: &str| {
        args.paths.iter().any(|p| {
            linter::display(p) == path || p.as_os_str() == "-" && path == args.stdin_filename
        })
    };
    let (skipped, errors) = std::mem::take(&mut run.errors)
        .into_iter()
        .partition(|e| (e.is_binary() || e.is_unread_format()) && !named(&e.path));
    run.errors = errors;
    run.skipped = skipped;
}
