//! The command line: parses arguments (`args`), runs `govlint check` (`check`), fixes
//! files (`fix`), and turns what happened into an exit code (`Outcome`), the one place one
//! is computed. Only this module and `main` print; nothing here decides what a finding is.

mod args;
mod check;
mod fix;

use crate::config::{self};
use crate::msg;
use crate::report::message::{Lang, Message};
use crate::rules::{self};
use args::{Cli, Command};
use clap::Parser;
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            // `--help` and `--version` come this way too, and are no trouble.
            return Outcome::trouble_if(err.use_stderr()).exit_code();
        }
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    // The language of errors said outside `check` (which also reads the configuration's
    // `lang`): the locale.
    let lang = language(None, None);
    let (outcome, written) = match cli.command {
        Command::Check(args) => check::check(*args, &mut stdout),
        Command::Rules => (Outcome::DONE, list_rules(&mut stdout)),
        Command::Init { force, path, lang } => (init(&path, force, language(lang, None)), Ok(())),
        Command::Rule { name } => match rules::find(&name) {
            Some(rule) => (Outcome::DONE, write!(stdout, "{}", rule.documentation())),
            None => {
                let message = msg!(
                    "cli-unknown-rule",
                    name = &name,
                    suggestion = config::closest_rule(&name).unwrap_or(config::NONE)
                );
                tell(lang, msg!("line-error", message = message));
                (Outcome::TROUBLE, Ok(()))
            }
        },
    };
    let outcome = match written.and_then(|()| stdout.flush()) {
        // A closed pipe (`govlint check | head`) is the reader's choice, not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => outcome,
        Err(err) => {
            let error = crate::input::walk::describe_io_error(&err);
            tell(lang, msg!("cli-output-not-written", error = error));
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

/// The language of what govlint says: `--lang`, else the configuration's `lang`, else the
/// locale.
fn language(option: Option<Lang>, configured: Option<Lang>) -> Lang {
    option
        .or(configured)
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// Says a message on standard error in `lang` with every control character escaped: file
/// names, messages and configuration text may hold a line break that forges a CI
/// annotation (`x\n::error file=README.md::…`) or a terminal escape sequence.
fn tell(lang: Lang, message: Message) {
    eprintln!("{}", crate::text::escape_controls(&message.render(lang)));
}

/// `govlint init`: writes the commented default configuration, its comments in `lang`.
fn init(path: &Path, force: bool, lang: Lang) -> Outcome {
    let name = crate::input::walk::display(path);
    if path.exists() && !force {
        tell(lang, msg!("init-exists", path = &name));
        return Outcome::TROUBLE;
    }
    let template = match lang {
        Lang::En => config::TEMPLATE,
        Lang::Zh => config::TEMPLATE_ZH,
    };
    match crate::fix::write_atomically(path, template.as_bytes()) {
        Ok(()) => {
            tell(lang, msg!("init-written", path = &name));
            Outcome::DONE
        }
        Err(err) => {
            let error = crate::input::walk::describe_io_error(&err);
            tell(lang, msg!("init-not-written", path = &name, error = error));
            Outcome::TROUBLE
        }
    }
}
