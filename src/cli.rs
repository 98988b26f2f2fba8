//! The command line: parses arguments, runs the linter, renders, and turns the run into an
//! exit code. Nothing here decides what a finding is.

use crate::baseline::Baseline;
use crate::dedup::{self, Scope};
use crate::linter::{self, InputError, Options};
use crate::render::{self, human};
use crate::rules::{self, RuleInfo};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

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
    /// Lint files and directories (`.txt`, `.md`, `.markdown` under directories; `-` for stdin).
    Check(CheckArgs),
    /// List every rule with its default severity.
    Rules,
    /// Print one rule's documentation.
    Rule {
        /// The rule's name, e.g. `stray-period`.
        name: String,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
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
    /// Smallest similarity reported as a near duplicate, in (0, 1].
    #[arg(long, default_value_t = 0.85, value_name = "SIMILARITY", value_parser = parse_threshold)]
    dup_threshold: f64,
    /// A file of paragraphs that may repeat anywhere (formulas), one per line; `#` comments.
    #[arg(long, value_name = "FILE")]
    dup_allowlist: Vec<PathBuf>,
    /// Apply safe fixes to the files (atomically), then report what is left. With `-`, the
    /// fixed text is written to standard output instead.
    #[arg(long)]
    fix: bool,
    /// Print the unified diff of what `--fix` would change, and write nothing.
    #[arg(long)]
    diff: bool,
    /// With `--fix` or `--diff`, apply unsafe fixes too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Keep results between runs, so a re-run reads and searches only changed files.
    #[arg(long)]
    cache: bool,
    /// Where the cache lives (implies `--cache`; default `.govlint-cache`).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the findings of this run in a baseline file, report nothing, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "diff"])]
    write_baseline: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum DupScope {
    File,
    Repository,
}

fn parse_threshold(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err(format!("`{value}` is not a similarity in (0, 1]")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs govlint and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (code, written) = match cli.command {
        Command::Check(args) => check(args, &mut stdout),
        Command::Rules => (0, list_rules(&mut stdout)),
        Command::Rule { name } => match rules::find(&name) {
            Some(rule) => (0, write!(stdout, "{}", rule.documentation())),
            None => {
                eprintln!("error: unknown rule `{name}`; `govlint rules` lists them");
                (2, Ok(()))
            }
        },
    };
    match written.and_then(|()| stdout.flush()) {
        // A closed pipe (`govlint check | head`) is the reader's choice, not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(err) => {
            eprintln!("error: could not write output: {err}");
            2
        }
        Ok(()) => code,
    }
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

fn check(args: CheckArgs, out: &mut dyn Write) -> (i32, std::io::Result<()>) {
    let rules = match select_rules(&args.select, &args.ignore) {
        Ok(rules) => rules,
        Err(message) => {
            eprintln!("error: {message}");
            return (2, Ok(()));
        }
    };
    let mut duplicates = dedup::Settings {
        threshold: args.dup_threshold,
        scope: match args.dup_scope {
            Some(DupScope::File) => Scope::File,
            Some(DupScope::Repository) => Scope::Repository,
            None if args.paths.iter().any(|p| p.is_dir()) => Scope::Repository,
            None => Scope::File,
        },
        ..dedup::Settings::default()
    };
    for list in &args.dup_allowlist {
        match std::fs::read_to_string(list) {
            Ok(text) => duplicates.allow(&text),
            Err(err) => {
                eprintln!(
                    "error: {}: cannot read the allowlist: {err}",
                    list.display()
                );
                return (2, Ok(()));
            }
        }
    }
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(baseline) => baseline,
        Err(message) => {
            eprintln!("error: {message}");
            return (2, Ok(()));
        }
    };
    let options = Options {
        rules,
        duplicates,
        // JSON needs positions only; human output shows excerpts of the text.
        keep_sources: matches!(args.format, OutputFormat::Human),
        cache: match (args.cache, args.cache_dir.clone()) {
            (_, Some(dir)) => Some(dir),
            (true, None) => Some(crate::cache::default_dir()),
            (false, None) => None,
        },
    };
    let (inputs, errors) = linter::collect_inputs(&args.paths, &args.stdin_filename);
    let mut run = linter::lint(&inputs, errors.clone(), &options);
    if args.fix || args.diff {
        let stdin = inputs
            .iter()
            .any(|i| matches!(i, linter::Input::Stdin { .. }));
        match fix_files(&run, &args, &options.rules, stdin, out) {
            Ok(FixOutcome::Diffed { changed }) => {
                report_input_errors(&run.errors);
                let code = if !run.errors.is_empty() {
                    2
                } else {
                    i32::from(changed)
                };
                return (code, Ok(()));
            }
            Ok(FixOutcome::Printed) => return (if run.errors.is_empty() { 0 } else { 2 }, Ok(())),
            Ok(FixOutcome::Written { fixes, files }) => {
                if !args.quiet && fixes > 0 {
                    eprintln!(
                        "Fixed {fixes} finding{} in {files} file{}.",
                        plural(fixes),
                        plural(files)
                    );
                }
                if files > 0 {
                    // What is left is what a fresh run of the fixed files finds.
                    run = linter::lint(&inputs, errors, &options);
                }
            }
            Err(written) => return (2, written),
        }
    }
    if let Some(file) = &args.write_baseline {
        return (write_baseline(&run, file, args.quiet), Ok(()));
    }
    if let Some(baseline) = &baseline {
        baseline.filter(&mut run);
    }
    report_input_errors(&run.errors);
    let written = match args.format {
        OutputFormat::Json => render::json::render(&run, out),
        OutputFormat::Human => {
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
            render::human::render(&run, out, &style)
        }
    };
    (run.exit_code(), written)
}

/// `--write-baseline`: records the run's findings; the exit code is 2 only for input errors.
fn write_baseline(run: &linter::Run, file: &std::path::Path, quiet: bool) -> i32 {
    report_input_errors(&run.errors);
    let baseline = Baseline::of(run);
    if let Err(err) = baseline.write(file) {
        eprintln!(
            "error: {}: could not write the baseline: {err}",
            file.display()
        );
        return 2;
    }
    if !quiet {
        eprintln!(
            "Recorded {} finding{} in {}.",
            baseline.len(),
            plural(baseline.len()),
            file.display()
        );
    }
    if run.errors.is_empty() { 0 } else { 2 }
}

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
    rules: &[&'static RuleInfo],
    stdin: bool,
    out: &mut dyn Write,
) -> Result<FixOutcome, std::io::Result<()>> {
    let (mut fixes, mut files, mut changed) = (0, 0, false);
    for file in 0..run.paths.len() {
        let diagnostics: Vec<&crate::diagnostic::Diagnostic> = run
            .diagnostics
            .iter()
            .filter(|d| d.document == file)
            .collect();
        let chosen = crate::fix::chosen(&diagnostics, args.unsafe_fixes);
        let is_stdin = stdin && run.paths[file] == args.stdin_filename;
        if chosen.is_empty() && !is_stdin {
            continue;
        }
        let Some(source) = run.source(file) else {
            continue;
        };
        let (fixed, applied) = crate::fix::converge(
            &run.paths[file],
            &source.text,
            &chosen,
            rules,
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
        } else if fixed != source.text {
            if let Err(err) =
                crate::fix::write_atomically(std::path::Path::new(&run.paths[file]), &fixed)
            {
                eprintln!(
                    "error: {}: could not write the fixes: {err}",
                    run.paths[file]
                );
                return Err(Ok(()));
            }
            fixes += applied;
            files += 1;
        }
    }
    Ok(if args.diff {
        FixOutcome::Diffed { changed }
    } else {
        FixOutcome::Written { fixes, files }
    })
}

fn report_input_errors(errors: &[InputError]) {
    for error in errors {
        eprintln!("error: {}: {}", error.path, error.message);
    }
}
