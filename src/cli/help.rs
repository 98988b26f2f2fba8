//! The command line in the reader's language. clap has no translations, so the language is
//! found before parsing (`language`), the command tree built by clap's derive is given the
//! catalog's texts (`command`), and clap's errors are rendered from their kind and context
//! (`render_error`). English is clap's own output, untouched: the doc comments of `args.rs`
//! are its source, and `locales/en/cli.ftl` holds a copy a test keeps equal to them, so that
//! every language's catalog has the same ids.
//!
//! The ids are derived from the tree (`help_ids`): `cli-govlint` for the program,
//! `cli-COMMAND` for a command, `cli-COMMAND-OPTION` for an option or an argument,
//! `cli-COMMAND-OPTION-VALUE` for a value that has its own help, `cli-value-NAME` for a
//! placeholder (`<FILE>`). A new option without a text in every catalog fails the tests.

use super::args::Cli;
use crate::report::message::{Lang, Message, text};
use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, ValueEnum};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// A configuration file is small; a larger one is not read for its `lang` (`check` reports it).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The language of the command line's help and errors, which clap shows while it parses, so
/// it is found before: `--lang` (anywhere before `--`), else the `lang` of the configuration
/// `check` would read (`--config FILE`, none with `--isolated`, else the nearest
/// `govlint.toml` from `cwd` up), else the locale. A value that is not a language is left for
/// clap to report.
pub(super) fn language(
    args: &[OsString],
    var: impl Fn(&str) -> Option<String>,
    cwd: Option<&Path>,
) -> Lang {
    let mut lang = None;
    let mut config: Option<PathBuf> = None;
    let mut isolated = false;
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        let Some(word) = word else { continue };
        if word == "--" {
            break;
        }
        let (name, inline) = match word.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (word, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| words.next().flatten().map(str::to_string))
        };
        match name {
            "--lang" => {
                if let Some(found) = value().and_then(|v| Lang::from_str(&v, false).ok()) {
                    lang = Some(found);
                }
            }
            "--config" => config = value().map(PathBuf::from),
            "--isolated" => isolated = true,
            _ => {}
        }
    }
    lang.or_else(|| {
        if isolated {
            return None;
        }
        let path = config.or_else(|| crate::config::discover(cwd?))?;
        configured_language(&path)
    })
    .unwrap_or_else(|| Lang::from_locale(var))
}

/// The `lang` key of a configuration file, read without checking the rest (`check` does).
fn configured_language(path: &Path) -> Option<Lang> {
    let text = crate::config::read_text(path, MAX_CONFIG_BYTES).ok()?;
    let table = text.parse::<toml::Table>().ok()?;
    Lang::from_str(table.get("lang")?.as_str()?, false).ok()
}

/// The command line in `lang`: clap's own (English) or translated.
pub(super) fn command(lang: Lang) -> Command {
    let command = Cli::command();
    match lang {
        Lang::En => command,
        Lang::Zh => with_usages(translate(command, &[], lang), lang),
    }
}

/// The id of a command's about: `cli-govlint` for the program, `cli-check` for `check`.
fn command_id(path: &[&str]) -> String {
    if path.is_empty() {
        "cli-govlint".to_string()
    } else {
        format!("cli-{}", path.join("-"))
    }
}

/// The id of an argument's help: `cli-check-fix`, `cli-check-dup-scope`.
fn arg_id(command: &str, arg: &Arg) -> String {
    format!("{command}-{}", arg.get_id().as_str().replace('_', "-"))
}

/// The id of a placeholder: `cli-value-file` for `<FILE>`.
fn value_name_id(name: &str) -> String {
    format!("cli-value-{}", name.to_lowercase())
}

/// The placeholders an argument shows (`<FILE>`): its value names, else clap's default, its
/// id in capitals.
fn value_names(arg: &Arg) -> Vec<String> {
    if !arg.get_action().takes_values() {
        // The derive names a flag's value too, which clap never shows.
        return Vec::new();
    }
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// The values clap lists for an argument (none for a flag).
fn shown_values(arg: &Arg) -> Vec<PossibleValue> {
    if arg.is_hide_possible_values_set() || !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect()
}

/// Every id the command tree needs in each catalog, with what it stands for (`check --fix`),
/// for the tests: the ids of every command's about, every argument's help and values, and
/// every placeholder.
pub fn help_ids() -> Vec<(String, String)> {
    let mut ids = Vec::new();
    collect_ids(&Cli::command(), &[], &mut ids);
    ids.sort();
    ids.dedup();
    ids
}

fn collect_ids(command: &Command, path: &[&str], ids: &mut Vec<(String, String)>) {
    let id = command_id(path);
    let name = format!("govlint {}", path.join(" "));
    for arg in command.get_arguments() {
        let arg_id = arg_id(&id, arg);
        // As the user writes it (clap's `Display` of an argument needs a built command).
        let written = match arg.get_long() {
            Some(long) => format!("{name} --{long}"),
            None => format!("{name} <{}>", arg.get_id()),
        };
        for value in shown_values(arg) {
            if value.get_help().is_some() {
                let what = format!("{written} {}", value.get_name());
                ids.push((format!("{arg_id}-{}", value.get_name()), what));
            }
        }
        for placeholder in value_names(arg) {
            ids.push((value_name_id(&placeholder), format!("<{placeholder}>")));
        }
        ids.push((arg_id, written));
    }
    ids.push((id, name.trim_end().to_string()));
    for sub in command.get_subcommands() {
        let mut path = path.to_vec();
        path.push(sub.get_name());
        collect_ids(sub, &path, ids);
    }
}

/// The catalog's text for `id`; the id itself if it is missing (never, as the tests check).
fn t(lang: Lang, id: &str) -> String {
    text(lang, id).unwrap_or_else(|| id.to_string())
}

fn m(lang: Lang, message: Message) -> String {
    message.render(lang)
}

/// `command` (at `path` in the tree) and everything under it with the catalog's texts and
/// clap's own words in `lang`.
fn translate(mut command: Command, path: &[&str], lang: Lang) -> Command {
    let id = command_id(path);
    command = command.about(t(lang, &id));
    let args: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    let mut long_help = command.get_long_about().is_some();
    for name in &args {
        command = command.mut_arg(name, |arg| {
            let arg = translate_arg(arg, &id, lang);
            long_help |= arg.get_long_help().is_some();
            arg
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in &subcommands {
        command = command.mut_subcommand(name, |sub| {
            let mut path = path.to_vec();
            path.push(name);
            translate(sub, &path, lang)
        });
    }
    if !subcommands.is_empty() {
        command = command.disable_help_subcommand(true).subcommand(
            Command::new("help")
                .about(m(lang, crate::msg!("clap-help-command")))
                .arg(
                    Arg::new("command")
                        .num_args(0..)
                        .value_name(m(lang, crate::msg!("clap-command-placeholder")))
                        .help(m(lang, crate::msg!("clap-help-command-name"))),
                )
                .disable_help_flag(true)
                .arg(
                    Arg::new("help")
                        .short('h')
                        .long("help")
                        .action(ArgAction::Help)
                        .help(m(lang, crate::msg!("clap-help"))),
                )
                .help_template(template(false, true, true, lang)),
        );
        command = command.subcommand_value_name(m(lang, crate::msg!("clap-command-placeholder")));
    }
    let help = if long_help {
        Arg::new("help")
            .help(m(lang, crate::msg!("clap-help-summary")))
            .long_help(m(lang, crate::msg!("clap-help-detail")))
    } else {
        Arg::new("help").help(m(lang, crate::msg!("clap-help")))
    };
    command = command
        .disable_help_flag(true)
        .arg(help.short('h').long("help").action(ArgAction::Help));
    if path.is_empty() && command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(m(lang, crate::msg!("clap-version"))),
        );
    }
    let positionals = command.get_positionals().any(|arg| !arg.is_hide_set());
    let template = template(!subcommands.is_empty(), positionals, true, lang);
    command.help_template(template)
}

/// clap's default template with the headings in `lang` (clap writes its own in English).
fn template(commands: bool, positionals: bool, options: bool, lang: Lang) -> String {
    let mut sections = Vec::new();
    if commands {
        let heading = m(lang, crate::msg!("clap-commands"));
        sections.push(format!("{heading}\n{{subcommands}}"));
    }
    if positionals {
        let heading = m(lang, crate::msg!("clap-arguments"));
        sections.push(format!("{heading}\n{{positionals}}"));
    }
    if options {
        let heading = m(lang, crate::msg!("clap-options"));
        sections.push(format!("{heading}\n{{options}}"));
    }
    let usage = m(lang, crate::msg!("clap-usage"));
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{{usage}}\n\n{}{{after-help}}",
        sections.join("\n\n")
    )
}

/// An argument with its help, placeholders, default and values in `lang`.
fn translate_arg(mut arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg_id(command, &arg);
    let help = t(lang, &id);
    let names = value_names(&arg);
    if !names.is_empty() {
        let names: Vec<String> = names.iter().map(|n| t(lang, &value_name_id(n))).collect();
        arg = arg.value_names(names);
    }
    let list_separator = m(lang, crate::msg!("clap-list-separator"));
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default = (!defaults.is_empty()
        && !arg.is_hide_default_value_set()
        && arg.get_action().takes_values())
    .then(|| {
        m(
            lang,
            crate::msg!("clap-default", value = defaults.join(" ")),
        )
    });
    let values = shown_values(&arg);
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    if !values.is_empty() {
        notes.push(m(
            lang,
            crate::msg!("clap-possible", values = names.join(&list_separator)),
        ));
    }
    if let Some(default) = &default {
        notes.insert(0, default.clone());
    }
    let short = if notes.is_empty() {
        help.clone()
    } else {
        let notes = notes.join(&m(lang, crate::msg!("clap-notes-separator")));
        m(
            lang,
            crate::msg!("clap-help-with-notes", help = help.as_str(), notes = notes),
        )
    };
    arg = arg.help(short);
    if default.is_some() {
        arg = arg.hide_default_value(true);
    }
    if !values.is_empty() {
        arg = arg.hide_possible_values(true);
    }
    if values.iter().any(|value| value.get_help().is_some()) {
        // What `--help` shows of such values in English: one line each, with its help.
        let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
        let mut long = format!("{help}\n\n{}", m(lang, crate::msg!("clap-possible-values")));
        for value in &values {
            let name = value.get_name();
            let value_help = t(lang, &format!("{id}-{name}"));
            let pad = " ".repeat(width - name.len());
            let line = crate::msg!(
                "clap-value-line",
                value = name,
                pad = pad,
                help = value_help
            );
            long.push('\n');
            long.push_str(&m(lang, line));
        }
        if let Some(default) = default {
            long.push_str(&format!("\n\n{default}"));
        }
        arg = arg.long_help(long);
    }
    arg
}

/// Each command's usage line with clap's `[OPTIONS]` in `lang` (the rest of it is made of
/// names and placeholders, already translated).
fn with_usages(mut command: Command, lang: Lang) -> Command {
    command.build();
    set_usages(&mut command, lang);
    command
}

fn set_usages(command: &mut Command, lang: Lang) {
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let usage = usage.replace(
        "[OPTIONS]",
        &m(lang, crate::msg!("clap-options-placeholder")),
    );
    *command = std::mem::take(command).override_usage(usage);
    for sub in command.get_subcommands_mut() {
        set_usages(sub, lang);
    }
}

/// A value an argument's parser refused, with why as a message, so that the error is
/// rendered in the reader's language (clap shows it in English through `Display`).
#[derive(Debug)]
pub(super) struct Invalid(pub(super) Message);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english())
    }
}

impl std::error::Error for Invalid {}

/// User text in an error: inert (no control reaches the terminal), on one line.
fn user(text: &str) -> String {
    crate::text::escape_controls(text).into_owned()
}

fn context_string(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(user(s)),
        ContextValue::Strings(list) => {
            Some(list.iter().map(|s| user(s)).collect::<Vec<_>>().join("、"))
        }
        ContextValue::StyledStr(s) => Some(user(&s.to_string())),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// clap's error `err` in `lang`, from its kind and context: what went wrong, clap's tips, the
/// usage and where to read more, as clap lays them out. `None` for what is not an error
/// (help, version), which clap prints itself.
pub(super) fn render_error(err: &clap::Error, lang: Lang) -> Option<String> {
    let get = |kind| context_string(err, kind);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let message = match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::UnknownArgument => crate::msg!("clap-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => crate::msg!(
            "clap-error-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            crate::msg!("clap-error-missing-value", arg = arg)
        }
        ErrorKind::InvalidValue => {
            crate::msg!("clap-error-invalid-value", arg = arg, value = value)
        }
        ErrorKind::ValueValidation => {
            let reason = match std::error::Error::source(err) {
                Some(source) => match source.downcast_ref::<Invalid>() {
                    Some(Invalid(message)) => message.render(lang),
                    None => user(&source.to_string()),
                },
                None => String::new(),
            };
            crate::msg!(
                "clap-error-invalid-value-reason",
                arg = arg,
                value = value,
                reason = reason
            )
        }
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(other) if other != arg => {
                crate::msg!("clap-error-conflict", arg = arg, other = other)
            }
            _ => crate::msg!("clap-error-repeated", arg = arg),
        },
        ErrorKind::MissingRequiredArgument => {
            crate::msg!("clap-error-missing-argument", args = arg)
        }
        ErrorKind::MissingSubcommand => crate::msg!(
            "clap-error-missing-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default(),
            commands = get(ContextKind::ValidSubcommand).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => {
            crate::msg!("clap-error-too-many-values", arg = arg, value = value)
        }
        ErrorKind::TooFewValues => crate::msg!(
            "clap-error-wrong-number",
            arg = arg,
            expected = get(ContextKind::MinValues).unwrap_or_default(),
            actual = get(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::WrongNumberOfValues => crate::msg!(
            "clap-error-wrong-number",
            arg = arg,
            expected = get(ContextKind::ExpectedNumValues).unwrap_or_default(),
            actual = get(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::NoEquals => crate::msg!("clap-error-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => crate::msg!("clap-error-utf8"),
        _ => crate::msg!(
            "clap-error-other",
            message = user(
                err.render()
                    .to_string()
                    .trim_start_matches("error: ")
                    .trim()
            )
        ),
    };
    let mut out = m(lang, crate::msg!("clap-error", message = m(lang, message)));
    if err.kind() == ErrorKind::InvalidValue
        && let Some(values) = get(ContextKind::ValidValue)
    {
        out.push_str("\n  ");
        out.push_str(&m(
            lang,
            crate::msg!("clap-error-possible-values", values = values),
        ));
    }
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggestion) = get(kind) {
            tips.push(m(
                lang,
                crate::msg!("clap-tip-did-you-mean", suggestion = suggestion),
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = err.get(ContextKind::Suggested) {
        tips.extend(suggestions.iter().map(|s| tip(&s.to_string(), lang)));
    }
    if !tips.is_empty() {
        out.push('\n');
    }
    for suggestion in tips {
        out.push_str("\n  ");
        out.push_str(&m(lang, crate::msg!("clap-tip", tip = suggestion)));
    }
    let usage = get(ContextKind::Usage);
    if let Some(usage) = &usage {
        // clap's usage context starts with its English title.
        let usage = usage.trim_start_matches("Usage: ");
        out.push_str(&format!(
            "\n\n{}{usage}",
            m(lang, crate::msg!("clap-usage"))
        ));
    }
    // The command whose help tells more: the usage's leading words (`govlint check`); an
    // error without a usage names only the option, as clap does.
    let command: Vec<&str> = usage
        .as_deref()
        .unwrap_or_default()
        .trim_start_matches("Usage: ")
        .split(' ')
        .take_while(|word| !word.starts_with(['[', '<']) && !word.is_empty())
        .collect();
    let more = if command.is_empty() {
        crate::msg!("clap-more-flag")
    } else {
        crate::msg!("clap-more", command = command.join(" "))
    };
    out.push_str(&format!("\n\n{}\n", m(lang, more)));
    Some(out)
}

/// One of clap's tips, which it gives as English sentences, in `lang`: the ones govlint's
/// command line can give are recognised, any other is shown as clap wrote it.
fn tip(english: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = english.split('\'').skip(1).step_by(2).collect();
    let message = if english.starts_with("to pass '") && quoted.len() == 2 {
        crate::msg!(
            "clap-tip-as-value",
            arg = user(quoted[0]),
            usage = user(quoted[1])
        )
    } else if english.starts_with("subcommand '") && quoted.len() == 2 {
        crate::msg!("clap-tip-remove-dashes", command = user(quoted[0]))
    } else if english.ends_with("' exists") && quoted.len() == 1 {
        crate::msg!("clap-tip-command-option", usage = user(quoted[0]))
    } else {
        return user(english);
    };
    m(lang, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("govlint")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    /// A new command, option or value without a text in a catalog fails here, naming it.
    #[test]
    fn every_command_and_argument_has_a_text_in_every_catalog() {
        let ids = help_ids();
        assert!(ids.iter().any(|(id, _)| id == "cli-check-fix"), "{ids:?}");
        assert!(ids.iter().any(|(id, _)| id == "cli-init-path"), "{ids:?}");
        assert!(ids.iter().any(|(id, _)| id == "cli-check-format-sarif"));
        for lang in [Lang::En, Lang::Zh] {
            for (id, what) in &ids {
                let found = text(lang, id).filter(|text| !text.trim().is_empty());
                assert!(
                    found.is_some(),
                    "{lang:?}: `{what}` has no `{id}` in cli.ftl"
                );
            }
        }
        // Two parts of the tree never share an id (`--a-b` of `x` and `--b` of `x-a`).
        let mut all = Vec::new();
        collect_ids(&Cli::command(), &[], &mut all);
        let mut seen = std::collections::BTreeMap::new();
        for (id, what) in all
            .into_iter()
            .filter(|(id, _)| !id.starts_with("cli-value-"))
        {
            let before = seen.insert(id.clone(), what.clone());
            assert!(before.is_none(), "{id}: {before:?} and {what}");
        }
    }

    /// English help is clap's, from the doc comments of `args.rs` (and of the value enums):
    /// `locales/en/cli.ftl` must say the same, or the translators work from a stale text.
    #[test]
    fn the_english_catalog_is_the_doc_comments() {
        fn walk(command: &Command, path: &[&str], stale: &mut Vec<String>) {
            let mut check = |id: String, shown: Option<String>| {
                let shown = shown.unwrap_or_default();
                if text(Lang::En, &id).as_deref() != Some(shown.as_str()) {
                    stale.push(format!("{id} = {shown}"));
                }
            };
            let id = command_id(path);
            assert!(command.get_long_about().is_none(), "{id}: one paragraph");
            check(id.clone(), command.get_about().map(ToString::to_string));
            for arg in command.get_arguments() {
                let arg_id = arg_id(&id, arg);
                assert!(arg.get_long_help().is_none(), "{arg_id}: one paragraph");
                check(arg_id.clone(), arg.get_help().map(ToString::to_string));
                for value in shown_values(arg) {
                    if let Some(help) = value.get_help() {
                        check(
                            format!("{arg_id}-{}", value.get_name()),
                            Some(help.to_string()),
                        );
                    }
                }
                for name in value_names(arg) {
                    check(value_name_id(&name), Some(name));
                }
            }
            for sub in command.get_subcommands() {
                let mut path = path.to_vec();
                path.push(sub.get_name());
                walk(sub, &path, stale);
            }
        }
        let mut stale = Vec::new();
        walk(&Cli::command(), &[], &mut stale);
        assert!(
            stale.is_empty(),
            "locales/en/cli.ftl differs from the doc comments; it should read:\n{}",
            stale.join("\n")
        );
    }

    /// clap checks a command line's consistency when it is built: the translated one too.
    #[test]
    fn the_translated_command_line_is_consistent() {
        command(Lang::Zh).debug_assert();
        command(Lang::En).debug_assert();
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let zh = env(&[("LANG", "zh_CN.UTF-8")]);
        let c = env(&[("LANG", "C")]);
        assert_eq!(
            language(&args(&["check", "--lang", "zh", "-h"]), &c, None),
            Lang::Zh
        );
        assert_eq!(language(&args(&["check", "--lang=zh"]), &c, None), Lang::Zh);
        assert_eq!(
            language(&args(&["check", "--lang", "en"]), &zh, None),
            Lang::En
        );
        assert_eq!(language(&args(&["--help"]), &zh, None), Lang::Zh);
        assert_eq!(language(&args(&["--help"]), &c, None), Lang::En);
        // Not a language: clap reports it, the locale decides meanwhile.
        assert_eq!(
            language(&args(&["check", "--lang", "fr"]), &zh, None),
            Lang::Zh
        );
        assert_eq!(language(&args(&["check", "--lang"]), &zh, None), Lang::Zh);
        // After `--` every word is a path.
        assert_eq!(
            language(&args(&["check", "--", "--lang", "zh"]), &c, None),
            Lang::En
        );

        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::create_dir(dir.path().join(".git")).expect("a repository");
        std::fs::write(dir.path().join("govlint.toml"), "lang = \"zh\"\n").expect("written");
        let other = dir.path().join("other.toml");
        std::fs::write(&other, "lang = \"en\"\n").expect("written");
        let cwd = Some(dir.path());
        assert_eq!(language(&args(&["check", "-h"]), &c, cwd), Lang::Zh);
        assert_eq!(
            language(&args(&["check", "--lang", "en"]), &c, cwd),
            Lang::En
        );
        assert_eq!(language(&args(&["check", "--isolated"]), &c, cwd), Lang::En);
        let named = other.to_str().expect("UTF-8");
        assert_eq!(
            language(&args(&["check", "--config", named]), &zh, cwd),
            Lang::En
        );
        // A configuration govlint cannot read leaves the choice to the locale.
        std::fs::write(dir.path().join("govlint.toml"), "lang = [").expect("written");
        assert_eq!(language(&args(&["check"]), &zh, cwd), Lang::Zh);
        assert_eq!(language(&args(&["check"]), &c, cwd), Lang::En);
    }

    fn error(words: &[&str]) -> clap::Error {
        match command(Lang::Zh).try_get_matches_from(args(words)) {
            Ok(_) => panic!("{words:?} is accepted"),
            Err(err) => err,
        }
    }

    #[test]
    fn clap_errors_are_rendered_in_chinese_with_their_tips() {
        let unknown = render_error(&error(&["check", "--fixx"]), Lang::Zh).expect("an error");
        assert_eq!(
            unknown,
            "错误：没有“--fixx”这个选项\n\n  提示：是不是要写“--fix”？\n\n\
             用法：govlint check [选项] [路径]...\n\n详细说明请运行“govlint check --help”。\n"
        );
        let value = render_error(&error(&["check", "--max-file-size", "64X"]), Lang::Zh);
        assert_eq!(
            value.as_deref(),
            Some(
                "错误：“--max-file-size <大小>”的值“64X”不对：“64X”不是文件大小（如64M、1G、\
                 500000）\n\n详细说明请用“--help”查看。\n"
            )
        );
        let conflict = render_error(&error(&["check", "--config", "a", "--isolated"]), Lang::Zh);
        assert!(
            conflict.as_deref().is_some_and(
                |text| text.starts_with("错误：“--config <文件>”不能和“--isolated”一起使用\n")
            ),
            "{conflict:?}"
        );
        // What the user typed cannot drive the terminal.
        let control = render_error(&error(&["check", "--x\u{1b}]0;t\u{7}"]), Lang::Zh);
        assert!(
            control
                .as_deref()
                .is_some_and(|text| !text.contains('\u{1b}') && !text.contains('\u{7}')),
            "{control:?}"
        );
        // Help is not an error.
        assert_eq!(render_error(&error(&["check", "--help"]), Lang::Zh), None);
    }
}
