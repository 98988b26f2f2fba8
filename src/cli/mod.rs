//! The command line: parses arguments (`args`), runs `govlint check` (`check`), fixes
//! files (`fix`), and turns what happened into an exit code (`Outcome`), the one place one
//! is computed. Only this module and `main` print; nothing here decides what a finding is.

mod args;
mod check;
mod fix;
mod help;
mod signatures;

pub use help::help_ids;

use crate::config::{self};
use crate::msg;
use crate::report::message::{Lang, Message};
use crate::rules::{self, Fixes};
use args::{Cli, Command, LangArg};
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
                Some(text) => say(&text),
                None => {
                    let _ = err.print();
                }
            }
            // `--help` and `--version` come this way too, and are no trouble.
            return Outcome::trouble_if(err.use_stderr()).exit_code();
        }
    };
    // The server writes to standard output from its own thread: it must not be locked here.
    if let Command::Server { lang } = cli.command {
        return match crate::server::run(lang) {
            Ok(()) => Outcome::DONE,
            Err(error) => {
                let error = error.to_string();
                tell(
                    language(lang, None),
                    msg!("cli-server-failed", error = error),
                );
                Outcome::TROUBLE
            }
        }
        .exit_code();
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (outcome, written) = match cli.command {
        Command::Check(args) => check::check(*args, &mut stdout),
        Command::Rules { lang: page } => match page_language(&page) {
            Some(lang) => (Outcome::DONE, list_rules(&mut stdout, lang)),
            None => (Outcome::TROUBLE, Ok(())),
        },
        Command::Init { force, path, lang } => (init(&path, force, language(lang, None)), Ok(())),
        Command::Completions { shell } => (Outcome::DONE, completions(shell, &mut stdout)),
        Command::Manpage => (Outcome::DONE, manpage(&mut stdout)),
        Command::Signatures(args) => (signatures::signatures(args), Ok(())),
        Command::Report(args) => (signatures::report_signatures(args, &mut stdout), Ok(())),
        Command::Server { .. } => unreachable!("served above"),
        Command::Rule { name, lang: page } => match (rules::find(&name), page_language(&page)) {
            (Some(rule), Some(lang)) => (
                Outcome::DONE,
                write!(stdout, "{}", rule.documentation(lang)),
            ),
            (Some(_), None) => (Outcome::TROUBLE, Ok(())),
            (None, _) => {
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
    let mut cli = Cli::from_arg_matches(&matches).map_err(|err| err.format(&mut command))?;
    if let (Command::Check(args), Some(("check", matches))) =
        (&mut cli.command, matches.subcommand())
    {
        args.paths_given =
            matches.value_source("paths") == Some(clap::parser::ValueSource::CommandLine);
    }
    Ok(Parsed::Cli(cli))
}

/// The language of what govlint prints: `--lang`, else the configuration's `lang`, else
/// the locale.
pub(crate) fn language(arg: Option<Lang>, configured: Option<Lang>) -> Lang {
    arg.or(configured)
        .unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// The language of `govlint rules` and `govlint rule`, chosen as `govlint check` chooses it
/// (the configuration is the one `check` would find); `None`, the error said, when that
/// configuration cannot be read.
fn page_language(arg: &LangArg) -> Option<Lang> {
    if arg.lang.is_some() {
        return arg.lang;
    }
    let configured = match std::env::current_dir()
        .ok()
        .and_then(|dir| config::discover(&dir))
    {
        Some(path) => match config::load(&path) {
            Ok(config) => config.lang,
            Err(err) => {
                // A configuration that fails cannot choose its own language.
                say(&err.render(
                    std::io::IsTerminal::is_terminal(&std::io::stderr()),
                    language(None, None),
                ));
                return None;
            }
        },
        None => None,
    };
    Some(language(None, configured))
}

/// `govlint rules`: a table lined up in terminal columns (a Chinese character takes two),
/// and a legend of the fix column.
fn list_rules(out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let heading = [
        crate::msg!("rules-column-rule").render(lang),
        crate::msg!("rules-column-severity").render(lang),
        crate::msg!("rules-column-fix").render(lang),
        crate::msg!("rules-column-summary").render(lang),
    ];
    let rows: Vec<[String; 4]> = rules::RULES
        .iter()
        .map(|rule| {
            [
                rule.name.to_string(),
                rule.severity.as_str().to_string(),
                rule.fix.short(lang),
                rule.summary(lang).to_string(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|column| {
            std::iter::once(&heading)
                .chain(&rows)
                .map(|row| row[column].width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(&heading).chain(&rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(&widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        line.push_str(&row[3]);
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", crate::msg!("rules-legend").render(lang))?;
    let fix_width = Fixes::ALL
        .iter()
        .map(|fix| fix.short(lang).width())
        .max()
        .unwrap_or(0);
    for fix in Fixes::ALL {
        let short = fix.short(lang);
        let legend = match fix {
            Fixes::Safe => crate::msg!("fix-legend-safe"),
            Fixes::SafeWhenUnambiguous => crate::msg!("fix-legend-safe-when-unambiguous"),
            Fixes::Suggested => crate::msg!("fix-legend-suggested"),
            Fixes::None => crate::msg!("fix-legend-none"),
        };
        writeln!(
            out,
            "  {short}{}  {}",
            " ".repeat(fix_width - short.width()),
            legend.render(lang)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", crate::msg!("rules-more").render(lang))
}

/// `govlint completions SHELL`: the shell's completion script, from the English command line
/// (the names to complete are the same in every language; the descriptions zsh, fish and
/// PowerShell show are English, so that the script does not depend on the packager's locale).
fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> std::io::Result<()> {
    let mut command = help::command(Lang::En);
    // `generate` panics on a failed write; the script is small, so it is written whole.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "govlint", &mut script);
    out.write_all(&script)
}

/// `govlint manpage`: one page, `govlint.1`, with a section for each command (its synopsis,
/// description and options), so that `man govlint` holds everything without pages per
/// command. English, as completions are.
fn manpage(out: &mut dyn Write) -> std::io::Result<()> {
    let mut command = help::command(Lang::En).disable_help_subcommand(true);
    command.build();
    let man = |command: clap::Command| {
        let man = clap_mangen::Man::new(command);
        match env!("GOVLINT_COMMIT_DATE") {
            "" => man,
            date => man.date(date),
        }
    };
    let page = man(command.clone());
    let mut roff = Vec::new();
    page.render_title(&mut roff)?;
    page.render_name_section(&mut roff)?;
    page.render_synopsis_section(&mut roff)?;
    page.render_description_section(&mut roff)?;
    page.render_options_section(&mut roff)?;
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let name = format!("govlint {}", sub.get_name());
        let page = man(sub.clone().bin_name(&name));
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        // clap_mangen makes each of these a page's section; here they are one section per
        // command, its options a subsection.
        let section = String::from_utf8_lossy(&section)
            .replace(
                ".SH SYNOPSIS\n",
                &format!(".SH \"{}\"\n", name.to_uppercase()),
            )
            .replace(".SH DESCRIPTION\n", ".PP\n")
            .replace(".SH OPTIONS\n", ".SS Options\n");
        roff.extend_from_slice(section.as_bytes());
    }
    page.render_version_section(&mut roff)?;
    // groff reads Latin-1 unless told (`man` runs `preconv`, `groff` alone does not): every
    // other character is named, as mandoc and groff both read it.
    let mut ascii = String::new();
    for c in String::from_utf8_lossy(&roff).chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else {
            ascii.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out.write_all(ascii.as_bytes())
}

/// Says a message on standard error in `lang` with every control character escaped: file
/// names, messages and configuration text may hold a line break that forges a CI
/// annotation (`x\n::error file=README.md::…`) or a terminal escape sequence.
fn tell(lang: Lang, message: Message) {
    say(&format!(
        "{}\n",
        crate::text::escape_controls(&message.render(lang))
    ));
}

/// Writes to standard error, which may be closed (an editor that stopped reading its
/// server's errors): what cannot be said is dropped, where `eprint!` would panic.
pub(crate) fn say(text: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(text.as_bytes());
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
