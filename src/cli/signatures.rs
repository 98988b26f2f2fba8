//! `govlint signatures PATHS -o DIR`: the files read as `govlint check` reads them, their
//! per-file rules run, and what the duplicate search needs of them written as Parquet
//! (`crate::signatures`).

use super::Outcome;
use super::args::SignaturesArgs;
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
        rules: crate::rules::RULES
            .iter()
            .copied()
            .filter(|rule| !config.severities.is_off_everywhere(rule))
            .collect(),
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
