//! The command line: parses arguments (`args`), runs `govlint check` (`check`), fixes
//! files (`fix`), and turns what happened into an exit code (`Outcome`), the one place one
//! is computed. Only this module and `main` print; nothing here decides what a finding is.

mod args;
mod check;
mod fix;
mod help;

pub use help::help_ids;

use crate::config::{self};
use crate::report::message::Lang;
use crate::rules::{self};
use args::{Cli, Command};
use clap::FromArgMatches;
use std::io::Write;
use std::path::Path;

/// How a command ended: the one thing the exit code is computed from, whatever the output
/// format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Outcome {
    /// Something could not be done: a usage, configuration, input, fix or write error, or
    /// nothing was linted. Exit code 2.
    pub(super) trouble: bool,
    /// The run fails: findings at the `--fail-on` level (unless `--exit-zero`), or a
    /// `--diff` that changes something. Exit code 1.
    pub(super) fails: bool,
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
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cwd = std::env::current_dir().ok();
    let lang = help::language(&argv, |name| std::env::var(name).ok(), cwd.as_deref());
    let cli = match parse(argv, lang) {
        Ok(Parsed::Cli(cli)) => cli,
        Ok(Parsed::Done(outcome)) => return outcome.exit_code(),
        Err(err) => {
            match help::render_error(&err, lang).filter(|_| lang != Lang::En) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = err.print();
                }
            }
            // `--help` and `--version` come this way too, and are no trouble.
            return Outcome::trouble_if(err.use_stderr()).exit_code();
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (outcome, written) = match cli.command {
        Command::Check(args) => check::check(*args, &mut stdout),
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

/// What parsing the command line gave: the command to run, or what was already done in
/// its stead (`govlint help check` in a translated command line).
enum Parsed {
    Cli(Cli),
    Done(Outcome),
}

/// Parses `argv` with the command line in `lang` (see `help`).
fn parse(argv: Vec<std::ffi::OsString>, lang: Lang) -> Result<Parsed, clap::Error> {
    let mut command = help::command(lang);
    let matches = command.try_get_matches_from_mut(argv)?;
    // A translated command line has its own `help` command (clap's is English).
    if let Some(("help", matches)) = matches.subcommand() {
        let names: Vec<&String> = matches
            .get_many::<String>("command")
            .into_iter()
            .flatten()
            .collect();
        let mut target = command;
        for name in names {
            let Some(sub) = target.find_subcommand(name).cloned() else {
                let mut err =
                    clap::Error::new(clap::error::ErrorKind::InvalidSubcommand).with_cmd(&target);
                err.insert(
                    clap::error::ContextKind::InvalidSubcommand,
                    clap::error::ContextValue::String(name.clone()),
                );
                // clap's own measure for its "did you mean".
                let similar: Vec<String> = target
                    .get_subcommands()
                    .map(|sub| sub.get_name().to_string())
                    .filter(|known| strsim::jaro(known, name) > 0.7)
                    .collect();
                if !similar.is_empty() {
                    err.insert(
                        clap::error::ContextKind::SuggestedSubcommand,
                        clap::error::ContextValue::Strings(similar),
                    );
                }
                return Err(err);
            };
            target = sub;
        }
        // As clap's `help` does: the command's `--help`.
        let name = target.get_name().to_string();
        return match target.try_get_matches_from_mut([name.as_str(), "--help"]) {
            Err(err) => Err(err),
            Ok(_) => Ok(Parsed::Done(Outcome::DONE)),
        };
    }
    let cli = Cli::from_arg_matches(&matches).map_err(|err| err.format(&mut command))?;
    Ok(Parsed::Cli(cli))
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
