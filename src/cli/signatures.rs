//! `govlint signatures PATHS -o DIR`: the files read as `govlint check` reads them, their
//! per-file rules run, and what the duplicate search needs of them written as Parquet
//! (`crate::signatures`).

use super::Outcome;
use super::args::{ReportArgs, SignaturesArgs};
use crate::linter::{self, Options};
use crate::msg;
use crate::report::message::Lang;
use std::io::IsTerminal;

pub(super) fn signatures(args: SignaturesArgs) -> Outcome {
    let config = match super::check::configuration_of(args.isolated, args.config.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            let lang = super::language(None, None);
            super::say(&err.render(std::io::stderr().is_terminal(), lang));
            return Outcome::TROUBLE;
        }
    };
    let lang = super::language(None, config.lang);
    let fail = |message| {
        super::tell(lang, msg!("line-error", message = message));
        Outcome::TROUBLE
    };
    let duplicates = match config.duplicate_settings(&crate::config::DuplicateOverrides::default())
    {
        Ok(duplicates) => duplicates,
        Err(message) => return fail(message),
    };
    let rule_settings = match config.rule_settings(None) {
        Ok(settings) => settings,
        Err(message) => return fail(message),
    };
    if args.output.join("manifest.json").exists() {
        let path = crate::input::walk::display(&args.output);
        return fail(msg!("cli-signatures-exist", path = path));
    }
    let options = Options {
        rules: config.rules_on(),
        duplicates,
        rule_settings,
        keep_sources: false,
        cache: None,
        severities: config.severities.clone(),
        root: config.files.root.clone(),
        ..Options::default()
    };
    let (inputs, errors) =
        crate::input::walk::collect_selected_inputs(&args.paths, "-", &config.files);
    let (entries, errors, notices) = linter::read_for_signatures(&inputs, errors, &options);
    report(lang, &errors, &notices);
    let partitions = args.partitions.map_or(0, |n| n as usize);
    match crate::signatures::write(&args.output, &entries, &options.duplicates, partitions) {
        Ok(manifest) => {
            super::tell(
                lang,
                msg!(
                    "cli-signatures-written",
                    files = manifest.files,
                    units = manifest.units,
                    partitions = manifest.partitions,
                    path = crate::input::walk::display(&args.output)
                ),
            );
            Outcome::trouble_if(!errors.is_empty())
        }
        Err(error) => {
            let path = crate::input::walk::display(&args.output);
            fail(msg!(
                "cli-signatures-not-written",
                path = path,
                error = error.to_string()
            ))
        }
    }
}

/// The input errors and notices, on standard error as `govlint check` says them.
fn report(lang: Lang, errors: &[crate::input::walk::InputError], notices: &[linter::Notice]) {
    super::check::say_notices(notices, lang);
    for error in errors {
        super::tell(
            lang,
            msg!(
                "line-input-error",
                path = &error.path,
                message = error.message.clone()
            ),
        );
    }
}

/// `govlint report DIR`: the run `govlint check` would have made of the files signed in
/// DIR, with the near pairs found elsewhere, in any output format.
pub(super) fn report_signatures(args: ReportArgs, out: &mut dyn std::io::Write) -> Outcome {
    let config = match super::check::configuration_of(args.isolated, args.config.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            let lang = super::language(args.lang, None);
            super::say(&err.render(std::io::stderr().is_terminal(), lang));
            return Outcome::TROUBLE;
        }
    };
    let lang = super::language(args.lang, config.lang);
    let fail = |message| {
        super::tell(lang, msg!("line-error", message = message));
        Outcome::TROUBLE
    };
    let mut run = if args.input.is_dir() {
        match judged(&args, &config) {
            Ok(run) => run,
            Err(message) => return fail(message),
        }
    } else {
        let path = crate::input::walk::display(&args.input);
        let bytes = match std::fs::read(&args.input) {
            Ok(bytes) => bytes,
            Err(error) => {
                let error = crate::input::walk::describe_io_error(&error);
                return fail(msg!("cli-report-unreadable", path = path, error = error));
            }
        };
        match linter::reread::from_json(&bytes, crate::input::read::DEFAULT_MAX_FILE_SIZE) {
            Ok(run) => run,
            Err(error) => {
                let error = error.to_string();
                return fail(msg!("cli-report-not-json", path = path, error = error));
            }
        }
    };
    super::check::report_input_errors(&run, lang);
    if matches!(
        args.format,
        crate::render::Format::Github
            | crate::render::Format::Sarif
            | crate::render::Format::Rdjson
            | crate::render::Format::Markdown
    ) {
        super::check::repository_paths(&mut run);
    }
    let style = crate::render::human::Style {
        color: args.output.is_none()
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none(),
        quiet: false,
        lang,
        show_all: false,
        wide: crate::render::human::ambiguous_wide(None, lang, |name| std::env::var(name).ok()),
    };
    let fail_on = config
        .fail_on
        .unwrap_or(crate::config::FailOn::Error)
        .severity();
    let mut outcome = Outcome {
        trouble: !run.errors.is_empty(),
        fails: run.fails(fail_on),
    };
    let mut rendered = Vec::new();
    let written =
        crate::render::render(args.format, false, &run, &mut rendered, &style).and_then(|()| {
            match &args.output {
                Some(path) => super::check::write_whole(path, &rendered),
                None => out.write_all(&rendered),
            }
        });
    if let Err(error) = written {
        let path = args
            .output
            .as_deref()
            .map_or_else(|| "-".to_string(), crate::input::walk::display);
        let error = crate::input::walk::describe_io_error(&error);
        super::tell(
            lang,
            msg!("cli-report-not-written", path = path, error = error),
        );
        outcome.trouble = true;
    }
    outcome
}

/// The run of the signatures in `args.input`, with the pairs written beside them.
fn judged(
    args: &ReportArgs,
    config: &crate::config::Config,
) -> Result<linter::Run, crate::report::message::Message> {
    let (manifest, entries, pairs) = match crate::signatures::read(&args.input) {
        Ok(read) => read,
        Err(error) => {
            let path = crate::input::walk::display(&args.input);
            return Err(msg!(
                "cli-signatures-unreadable",
                path = path,
                error = error.to_string()
            ));
        }
    };
    let mut duplicates = config.duplicate_settings(&crate::config::DuplicateOverrides::default())?;
    // The search was made with the signatures' settings: they are the ones that judge.
    duplicates.threshold = manifest.threshold;
    duplicates.exact_min_chars = manifest.exact_min_chars;
    duplicates.near_min_chars = manifest.near_min_chars;
    duplicates.common_files = manifest.common_files;
    duplicates.scope = if manifest.scope == "file" {
        crate::dedup::Scope::File
    } else {
        crate::dedup::Scope::Repository
    };
    let options = Options {
        rules: config.rules_on(),
        duplicates,
        keep_sources: false,
        severities: config.severities.clone(),
        root: config.files.root.clone(),
        ..Options::default()
    };
    Ok(linter::judge_signatures(entries, pairs, &options))
}
