//! What the server lints with: the workspace's `govlint.toml` (found as `govlint check`
//! finds it, from the workspace folder) turned into the linter's options, and the language.
//! A configuration that cannot be used is a `Problem`, shown on the file; the server keeps
//! the settings it had.

use crate::config::{self, Config, ConfigError, FileSelection};
use crate::linter::Options;
use crate::report::message::{Lang, Message};
use crate::rules::RuleInfo;
use std::path::{Path, PathBuf};

pub struct Settings {
    pub options: Options,
    pub selection: FileSelection,
    pub lang: Lang,
}

/// A configuration file that could not be used: where, and what is wrong.
pub struct Problem {
    pub path: PathBuf,
    /// The file's text and the byte range of the fault in it (empty: the whole file).
    pub text: String,
    pub span: std::ops::Range<usize>,
    pub message: String,
}

/// How the language is chosen: `--lang`, else the configuration's `lang`, else the
/// editor's locale (from `initialize`), else the environment's.
#[derive(Clone)]
pub struct LangChoice {
    pub arg: Option<Lang>,
    pub client_locale: Option<String>,
}

impl LangChoice {
    pub fn choose(&self, configured: Option<Lang>) -> Lang {
        self.arg
            .or(configured)
            .unwrap_or_else(|| match &self.client_locale {
                Some(locale) => Lang::from_locale(|name| (name == "LANG").then(|| locale.clone())),
                None => crate::cli::language(None, None),
            })
    }
}

impl Settings {
    /// The defaults, for a workspace without a configuration (or before one is read).
    pub fn defaults(root: Option<&Path>, lang: &LangChoice) -> Settings {
        let mut config = Config::default();
        if let Some(root) = root {
            config.files.root = root.to_path_buf();
        }
        Settings::of(&config, lang).unwrap_or_else(|_| Settings {
            options: Options::default(),
            selection: config.files.clone(),
            lang: lang.choose(None),
        })
    }

    /// The settings of the configuration found from `root` (the defaults when there is
    /// none), or what is wrong with it.
    pub fn load(root: Option<&Path>, lang: &LangChoice) -> Result<Settings, Box<Problem>> {
        let Some(path) = root.and_then(config::discover) else {
            return Ok(Settings::defaults(root, lang));
        };
        let config = config::load(&path).map_err(|error| problem(error, lang))?;
        Settings::of(&config, lang).map_err(|message| {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            Box::new(Problem {
                path: path.clone(),
                text,
                span: 0..0,
                message: message.render(lang.choose(config.lang)),
            })
        })
    }

    fn of(config: &Config, lang: &LangChoice) -> Result<Settings, Message> {
        let rules: Vec<&'static RuleInfo> = config.rules_on();
        let duplicates = config.duplicate_settings(&config::DuplicateOverrides::default())?;
        let rule_settings = config.rule_settings(None)?;
        Ok(Settings {
            options: Options {
                rules,
                duplicates,
                rule_settings,
                keep_sources: false,
                cache: cache_dir(&config.files.root),
                encoding: None,
                severities: config.severities.clone(),
                root: config.files.root.clone(),
                max_file_size: crate::input::read::DEFAULT_MAX_FILE_SIZE,
            },
            selection: config.files.clone(),
            lang: lang.choose(config.lang),
        })
    }
}

/// Where the workspace's cache is kept: under the user's cache directory, one folder per
/// workspace, so that the server never writes into the writer's repository.
fn cache_dir(root: &Path) -> Option<PathBuf> {
    let digest = crate::dedup::fingerprint(&crate::input::walk::path_key(root));
    Some(
        user_cache_dir()?
            .join("workspaces")
            .join(format!("{digest:016x}")),
    )
}

/// `$XDG_CACHE_HOME/govlint`, else `~/.cache/govlint` (`%LOCALAPPDATA%\govlint` on Windows).
pub fn user_cache_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    let base = if cfg!(windows) {
        var("LOCALAPPDATA").map(PathBuf::from)
    } else {
        var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".cache")))
    }?;
    Some(base.join("govlint"))
}

fn problem(error: ConfigError, lang: &LangChoice) -> Box<Problem> {
    let lang = lang.choose(None);
    let mut message = error.message.render(lang);
    if let Some(help) = &error.help {
        message.push('\n');
        message.push_str(&help.render(lang));
    }
    Box::new(Problem {
        span: error.span.clone().unwrap_or(0..0),
        path: error.path,
        text: error.text,
        message,
    })
}
