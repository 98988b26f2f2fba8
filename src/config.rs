//! `govlint.toml` (or `.govlint.toml`): which files a walk lints, each rule's severity
//! (also per glob of files), the duplicate settings and the exit threshold. Found by walking
//! up from the working directory to the repository's root; `--config FILE` names one, `--isolated` ignores them all.
//! Command-line options override the file.

use crate::dedup::{Parallel, Scope};
use crate::msg;
use crate::report::diagnostic::Severity;
use crate::report::message::{Lang, Message};
use crate::rules::{self, RuleInfo};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The names a configuration file may have, in the order they are looked for.
pub const FILE_NAMES: &[&str] = &["govlint.toml", ".govlint.toml"];

/// Files a directory walk lints unless `include` says otherwise.
pub const DEFAULT_INCLUDE: &[&str] = &[
    "*.txt",
    "*.md",
    "*.markdown",
    "*.html",
    "*.htm",
    "*.docx",
    "*.doc",
    "*.wps",
    "*.odt",
];

/// What `govlint init` writes: every key, commented, at its default.
pub const TEMPLATE: &str = include_str!("config_template.toml");

/// `TEMPLATE` with its comments in Chinese (`govlint init` in Chinese): the same keys and
/// values, which a test checks.
pub const TEMPLATE_ZH: &str = include_str!("config_template.zh.toml");

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawConfig {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    extend_exclude: Option<Vec<Spanned<String>>>,
    force_exclude: Option<bool>,
    fail_on: Option<FailOn>,
    lang: Option<crate::report::message::Lang>,
    rules: Option<RawLevels>,
    per_file: Option<BTreeMap<Spanned<String>, RawLevels>>,
    duplicates: Option<RawDuplicates>,
    wording: Option<RawWording>,
    baseline: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawWording {
    terms: Option<Vec<String>>,
    terms_file: Option<OneOrMany>,
}

/// A file name, or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

/// Rule names (with where they were written) and their levels.
type RawLevels = BTreeMap<Spanned<String>, Level>;

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawDuplicates {
    scope: Option<ScopeName>,
    threshold: Option<Spanned<f64>>,
    exact_min_chars: Option<usize>,
    near_min_chars: Option<usize>,
    common_files: Option<usize>,
    parallel: Option<ParallelName>,
    allow: Option<Vec<String>>,
    allowlist: Option<Vec<String>>,
    against: Option<Vec<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum ParallelName {
    Hide,
    Report,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum ScopeName {
    File,
    Repository,
}

/// A rule's configured level: a severity, or off.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// The lowest severity that makes a run fail (exit code 1).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// A configuration file that could not be used: where, what, and a hint.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub span: Option<Range<usize>>,
    // Boxed: a `Result` carrying the error stays small.
    pub message: Box<Message>,
    pub help: Option<Box<Message>>,
}

impl ConfigError {
    /// The error as miette draws it: the file name, the TOML around the span, the hint.
    /// Control characters in any of them are escaped (`\u{1b}`): a configuration holding a
    /// terminal escape, in a value or in a key, shows it instead of sending it.
    ///
    /// `lang` is the language the run would speak without this configuration (`--lang`,
    /// else the locale): the file's own `lang` cannot be trusted from a file that failed.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        use crate::text::{escape_controls, escape_terminal_controls};
        let path = escape_controls(&crate::input::walk::display(&self.path)).into_owned();
        let help = self
            .help
            .as_ref()
            .map(|help| escape_terminal_controls(&help.render(lang)).into_owned());
        // miette's own "help:" label is English: in Chinese the hint follows the message.
        let (message, help) = match (lang, help) {
            (Lang::Zh, Some(help)) => (
                msg!(
                    "config-error-with-hint",
                    message = (*self.message).clone(),
                    hint = help
                )
                .render(lang),
                None,
            ),
            (_, help) => (self.message.render(lang), help),
        };
        let message = escape_controls(&message).into_owned();
        // Without a place in the text (a file that cannot be read) miette would draw no
        // source, and so no file name: one line names it.
        let Some(span) = &self.span else {
            let mut out = msg!("line-error-file", path = &path, message = &message).render(lang);
            out.push('\n');
            if let Some(help) = &help {
                out.push_str(&format!("  help: {help}\n"));
            }
            return out;
        };
        // The span moves with the escapes written before and inside it. A line feed after
        // `end` is taken along: whether a carriage return is escaped depends on it.
        let escaped_len = |end: usize| {
            let feed = usize::from(self.text.get(end..).is_some_and(|a| a.starts_with('\n')));
            self.text
                .get(..end + feed)
                .map_or(end, |before| escape_terminal_controls(before).len() - feed)
        };
        let column = self.text.get(..span.start).map_or(0, |before| {
            before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
        });
        let span = escaped_len(span.start)..escaped_len(span.end.max(span.start));
        let label = miette::SourceSpan::from(span);
        let mut diagnostic = miette::MietteDiagnostic::new(message.clone())
            .with_code(msg!("config-error-code").render(lang))
            .with_severity(miette::Severity::Error)
            .with_label(miette::LabeledSpan::new_with_span(
                Some(msg!("human-label-here").render(lang)),
                label,
            ));
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        let report = miette::Report::new(diagnostic).with_source_code(EscapedText {
            text: miette::NamedSource::new(
                path.clone(),
                escape_terminal_controls(&self.text).into_owned(),
            ),
            label,
            column,
        });
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(theme);
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            out = format!("{path}: {message}");
        }
        out
    }
}

/// A configuration's text with its control characters escaped, which gives miette the
/// column of the error in the file, not in the longer escaped line.
#[derive(Debug)]
struct EscapedText {
    text: miette::NamedSource<String>,
    label: miette::SourceSpan,
    /// 0-based character column of the label's start in the file.
    column: usize,
}

impl miette::SourceCode for EscapedText {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette places the error by reading the label's span alone.
        if *span != self.label || context_lines_before + context_lines_after > 0 {
            return Ok(contents);
        }
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.text.name().to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            self.column,
            contents.line_count(),
        )))
    }
}

/// Which files a directory walk lints. Patterns with a `/` match the path relative to the
/// project root (the configuration file's directory); the others match any one component
/// of it (`drafts` skips every directory named so, `*.txt` matches file names).
#[derive(Debug, Clone)]
pub struct FileSelection {
    pub root: PathBuf,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Apply `exclude` to paths named on the command line too (pre-commit passes files).
    pub force_exclude: bool,
    include_set: Patterns,
    exclude_set: Patterns,
}

#[derive(Debug, Clone)]
struct Patterns {
    /// Patterns matched against one component.
    names: GlobSet,
    /// Patterns matched against the whole relative path.
    paths: GlobSet,
}

impl Patterns {
    fn new(patterns: &[String]) -> Result<Patterns, (usize, globset::Error)> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
            let glob = |literal_separator| {
                // `.TXT` is a text file too: patterns ignore case.
                GlobBuilder::new(trimmed)
                    .case_insensitive(true)
                    .literal_separator(literal_separator)
                    .build()
                    .map_err(|e| (index, e))
            };
            if trimmed.contains('/') {
                paths.add(glob(true)?);
            } else {
                names.add(glob(false)?);
            }
        }
        let build = |builder: GlobSetBuilder| {
            builder
                .build()
                .unwrap_or_else(|_| GlobSetBuilder::new().build().unwrap_or_default())
        };
        Ok(Patterns {
            names: build(names),
            paths: build(paths),
        })
    }

    fn matches(&self, relative: &Path) -> bool {
        self.paths.is_match(relative)
            || relative
                .components()
                .any(|c| self.names.is_match(Path::new(c.as_os_str())))
    }
}

impl Default for FileSelection {
    fn default() -> Self {
        let include: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect();
        FileSelection::new(PathBuf::from("."), include, Vec::new(), false)
            .unwrap_or_else(|_| unreachable!("the default patterns are valid"))
    }
}

impl FileSelection {
    fn new(
        root: PathBuf,
        include: Vec<String>,
        exclude: Vec<String>,
        force_exclude: bool,
    ) -> Result<FileSelection, (bool, usize, globset::Error)> {
        let include_set = Patterns::new(&include).map_err(|(i, e)| (true, i, e))?;
        let exclude_set = Patterns::new(&exclude).map_err(|(i, e)| (false, i, e))?;
        Ok(FileSelection {
            root,
            include,
            exclude,
            force_exclude,
            include_set,
            exclude_set,
        })
    }

    /// Whether a file found by a walk is one to lint (by `include`).
    pub fn includes(&self, path: &Path) -> bool {
        let relative = &relative_to(&self.root, path);
        self.include_set.paths.is_match(relative)
            || relative
                .file_name()
                .is_some_and(|name| self.include_set.names.is_match(Path::new(name)))
    }

    /// Whether a file or directory is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude_set.matches(&relative_to(&self.root, path))
    }
}

/// `path` relative to `root`, both taken from the working directory when relative; a path
/// outside `root` stays as it is.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    static WORKING_DIRECTORY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let cwd = WORKING_DIRECTORY.get_or_init(|| std::env::current_dir().unwrap_or_default());
    let absolute = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        }
    };
    let path = absolute(path);
    match path.strip_prefix(absolute(root)) {
        Ok(relative) => relative.components().collect(),
        Err(_) => path.components().collect(),
    }
}

/// Severities per rule, for every file and per glob of files.
#[derive(Debug, Clone, Default)]
pub struct Severities {
    pub rules: Levels,
    /// `[per-file."GLOB"]` tables, in the file's order (later tables win).
    pub per_file: Vec<PerFile>,
    /// Every table's glob in one set, index for index: a path is matched once, however
    /// many tables a configuration holds (thousands took seconds one glob at a time).
    per_file_globs: GlobSet,
}

/// Configured levels by rule name (`None`: off).
pub type Levels = BTreeMap<&'static str, Option<Severity>>;

#[derive(Debug, Clone)]
pub struct PerFile {
    pub pattern: String,
    pub levels: Levels,
}

impl Severities {
    /// The severity a finding of `rule` in `path` is reported with, or `None` when the rule
    /// is off there. `found` is the severity the rule gave it: a rule that lowered its own
    /// severity (common text shared by many files) keeps it lowered.
    pub fn resolve(
        &self,
        path: &str,
        rule: &RuleInfo,
        found: Severity,
        root: &Path,
    ) -> Option<Severity> {
        match self.level(path, rule, root) {
            None => Some(found),
            Some(None) => None,
            Some(Some(configured)) if found == rule.severity => Some(configured),
            Some(Some(configured)) => Some(configured.min(found)),
        }
    }

    /// Whether `rule` is off for `path`, by `[rules]` or a `[per-file]` table.
    pub fn is_off(&self, path: &str, rule: &RuleInfo, root: &Path) -> bool {
        self.level(path, rule, root) == Some(None)
    }

    /// The level configured for `rule` in `path` (`None`: nothing configured, the rule's
    /// own severity holds).
    fn level(&self, path: &str, rule: &RuleInfo, root: &Path) -> Option<Option<Severity>> {
        let mut level = self.rules.get(rule.name).copied();
        if !self.per_file.is_empty() {
            let relative = relative_to(root, Path::new(path));
            // Indices in ascending order: later tables win.
            for index in self.per_file_globs.matches(&relative) {
                if let Some(&configured) = self.per_file[index].levels.get(rule.name) {
                    level = Some(configured);
                }
            }
        }
        level
    }

    /// Whether the rule is off for every file: it need not run at all.
    pub fn is_off_everywhere(&self, rule: &RuleInfo) -> bool {
        self.rules.get(rule.name) == Some(&None)
            && self
                .per_file
                .iter()
                .all(|p| p.levels.get(rule.name).is_none_or(Option::is_none))
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.per_file.is_empty()
    }
}

/// Duplicate settings the file sets (each overrides the default; the command line wins).
#[derive(Debug, Clone, Default)]
pub struct DuplicateConfig {
    pub scope: Option<Scope>,
    pub threshold: Option<f64>,
    pub exact_min_chars: Option<usize>,
    pub near_min_chars: Option<usize>,
    pub common_files: Option<usize>,
    pub parallel: Option<Parallel>,
    /// Paragraphs that may repeat, written in the file.
    pub allow: Vec<String>,
    /// Allowlist files, resolved against the configuration file's directory.
    pub allowlists: Vec<PathBuf>,
    /// Directories (or files) whose files are read to find copies of the linted files,
    /// never reported on (`--dup-against`), resolved against the file's directory.
    pub against: Vec<PathBuf>,
}

/// The office's own names (`[wording]`), held to their exact form by `canonical-wording`.
#[derive(Debug, Clone, Default)]
pub struct WordingConfig {
    pub terms: Vec<String>,
    /// Files of terms, one a line, `#` comments; resolved against the file's directory.
    pub terms_files: Vec<PathBuf>,
}

/// Everything a configuration file decides.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub files: FileSelection,
    pub severities: Severities,
    pub duplicates: DuplicateConfig,
    pub wording: WordingConfig,
    pub fail_on: Option<FailOn>,
    /// The language of the output (`--lang` wins; the locale decides when neither says).
    pub lang: Option<crate::report::message::Lang>,
    /// The baseline file (`--baseline` wins), resolved against the file's directory.
    pub baseline: Option<PathBuf>,
}

/// What the command line sets over the configuration's `[duplicates]`.
#[derive(Default)]
pub struct DuplicateOverrides<'a> {
    pub threshold: Option<f64>,
    pub scope: Option<Scope>,
    pub parallel: Option<Parallel>,
    pub allowlists: &'a [PathBuf],
}

impl Config {
    /// Every rule, but those the configuration switches off in every file.
    pub fn rules_on(&self) -> Vec<&'static crate::rules::RuleInfo> {
        crate::rules::RULES
            .iter()
            .copied()
            .filter(|rule| !self.severities.is_off_everywhere(rule))
            .collect()
    }

    /// The duplicate phase's settings: `overrides` over the configuration's, over the
    /// defaults; the allowlists read (an unreadable one is an error naming it).
    pub fn duplicate_settings(
        &self,
        overrides: &DuplicateOverrides,
    ) -> Result<crate::dedup::Settings, Message> {
        let configured = &self.duplicates;
        let defaults = crate::dedup::Settings::default();
        let mut duplicates = crate::dedup::Settings {
            threshold: overrides
                .threshold
                .or(configured.threshold)
                .unwrap_or(defaults.threshold),
            // Files named together are one run, as a directory's files are: pre-commit
            // names the staged files, and a copy between two of them is a copy.
            scope: overrides
                .scope
                .or(configured.scope)
                .unwrap_or(Scope::Repository),
            exact_min_chars: configured
                .exact_min_chars
                .unwrap_or(defaults.exact_min_chars),
            near_min_chars: configured.near_min_chars.unwrap_or(defaults.near_min_chars),
            common_files: configured.common_files.unwrap_or(defaults.common_files),
            parallel: overrides
                .parallel
                .or(configured.parallel)
                .unwrap_or(defaults.parallel),
            ..defaults
        };
        duplicates.allow(&configured.allow.join("\n"));
        for list in configured.allowlists.iter().chain(overrides.allowlists) {
            match read_text(list, 64 << 20) {
                Ok(text) => duplicates.allow(&text),
                Err(err) => {
                    let path = crate::input::walk::display(list);
                    return Err(msg!("cli-allowlist-unreadable", path = path, error = err));
                }
            }
        }
        Ok(duplicates)
    }

    /// What the rules are told besides their levels: the office's own terms (`[wording]`)
    /// and the day documents are read as of (`--as-of`).
    pub fn rule_settings(
        &self,
        as_of: Option<rules::abolished_agency::Date>,
    ) -> Result<rules::Settings, Message> {
        let mut terms: Vec<String> = self.wording.terms.clone();
        for file in &self.wording.terms_files {
            match read_text(file, 64 << 20) {
                Ok(text) => terms.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty() && !l.starts_with('#'))
                        .map(str::to_string),
                ),
                Err(err) => {
                    let path = crate::input::walk::display(file);
                    return Err(msg!("cli-terms-unreadable", path = path, error = err));
                }
            }
        }
        let terms = terms
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(rules::lexicon::Term::user);
        let terms = rules::lexicon::Terms::new(terms);
        Ok(rules::Settings {
            terms: (!terms.is_empty()).then(|| std::sync::Arc::new(terms)),
            as_of,
        })
    }
}

/// The configuration file for a run started in `dir`: the nearest `govlint.toml` or
/// `.govlint.toml` in it or a parent directory, up to the root of the repository (the
/// directory holding `.git`, a directory or, in a worktree or submodule, a file). A file
/// above the checkout belongs to someone else (a shared home, a CI workspace), and its
/// `exclude` could silence the whole repository.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    for ancestor in dir.ancestors() {
        let found = FILE_NAMES
            .iter()
            .map(|name| ancestor.join(name))
            .find(|candidate| candidate.is_file());
        if found.is_some() {
            return found;
        }
        if ancestor.join(".git").exists() {
            return None;
        }
    }
    None
}

/// The root of the repository holding `dir`: the nearest directory with a `.git` (a
/// directory, or a file in a worktree or submodule), as `discover` stops at it.
pub fn repository_root(dir: &Path) -> Option<&Path> {
    dir.ancestors()
        .find(|ancestor| ancestor.join(".git").exists())
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = read_text(path, MAX_CONFIG_BYTES).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        span: None,
        message: Box::new(msg!("config-unreadable", error = error)),
        help: None,
    })?;
    parse(path, &text)
}

/// A configuration is a few kilobytes: more than this is not one (`--config /dev/zero`).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// A text file the user names beside the inputs (configuration, allowlist, baseline): at
/// most `limit` bytes, UTF-8; the error says why in a few words (the caller names the file).
pub fn read_text(path: &Path, limit: u64) -> Result<String, Message> {
    use std::io::Read;
    let describe = |err: std::io::Error| crate::input::walk::describe_io_error(&err);
    // Opening a FIFO waits for a writer, for ever: only regular files are read.
    let meta = std::fs::metadata(path).map_err(describe)?;
    if meta.is_dir() {
        return Err(msg!("io-is-a-directory"));
    }
    if !meta.is_file() {
        return Err(msg!("input-not-regular-file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(describe)?;
    if bytes.len() as u64 > limit {
        return Err(msg!("text-file-too-large", limit = limit >> 20));
    }
    String::from_utf8(bytes).map_err(|_| msg!("text-file-not-utf8"))
}

/// Parses configuration text read from `path` (paths in it are relative to its directory).
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let fail = |span: Option<Range<usize>>, message: Message, help: Option<Message>| ConfigError {
        path: path.to_path_buf(),
        text: text.to_string(),
        span,
        message: Box::new(message),
        help: help.map(Box::new),
    };
    let raw: RawConfig = toml::from_str(text).map_err(|err| {
        let (message, help) = toml_error(err.message().trim());
        fail(err.span(), message, help)
    })?;
    let root = path
        .parent()
        .map(Path::to_path_buf)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));

    let rule = |name: &Spanned<String>| -> Result<&'static RuleInfo, ConfigError> {
        rules::find(name.get_ref()).ok_or_else(|| {
            fail(
                Some(name.span()),
                msg!("config-unknown-rule", name = name.get_ref()),
                Some(msg!(
                    "config-unknown-rule-help",
                    suggestion = closest_rule(name.get_ref()).unwrap_or(NONE)
                )),
            )
        })
    };
    let table = |entries: &RawLevels| {
        let mut levels = BTreeMap::new();
        for (name, level) in entries {
            levels.insert(rule(name)?.name, level.severity());
        }
        Ok::<_, ConfigError>(levels)
    };
    let mut severities = Severities::default();
    if let Some(rules) = &raw.rules {
        severities.rules = table(rules)?;
    }
    let mut per_file_globs = GlobSetBuilder::new();
    for (pattern, entries) in raw.per_file.iter().flatten() {
        let glob = Glob::new(pattern.get_ref().trim_start_matches("./")).map_err(|err| {
            fail(
                Some(pattern.span()),
                msg!(
                    "config-bad-per-file-glob",
                    pattern = pattern.get_ref(),
                    error = err.to_string()
                ),
                None,
            )
        })?;
        per_file_globs.add(glob);
        severities.per_file.push(PerFile {
            pattern: pattern.get_ref().clone(),
            levels: table(entries)?,
        });
    }
    severities.per_file_globs = per_file_globs.build().map_err(|err| {
        fail(
            None,
            msg!("config-per-file-globs", error = err.to_string()),
            None,
        )
    })?;

    let strings = |list: &Option<Vec<Spanned<String>>>| -> Vec<String> {
        list.iter().flatten().map(|s| s.get_ref().clone()).collect()
    };
    let include = match &raw.include {
        Some(_) => strings(&raw.include),
        None => DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect(),
    };
    let mut exclude = strings(&raw.exclude);
    exclude.extend(strings(&raw.extend_exclude));
    let files = FileSelection::new(
        root.clone(),
        include,
        exclude,
        raw.force_exclude.unwrap_or(false),
    )
    .map_err(|(in_include, index, err)| {
        let list = if in_include {
            raw.include.as_ref()
        } else {
            let excluded = raw.exclude.as_ref().map_or(0, Vec::len);
            if index < excluded {
                raw.exclude.as_ref()
            } else {
                return fail(
                    raw.extend_exclude
                        .as_ref()
                        .and_then(|l| l.get(index - excluded))
                        .map(Spanned::span),
                    msg!("config-bad-glob", error = err.to_string()),
                    None,
                );
            }
        };
        fail(
            list.and_then(|l| l.get(index)).map(Spanned::span),
            msg!("config-bad-glob", error = err.to_string()),
            None,
        )
    })?;

    let raw_duplicates = raw.duplicates.unwrap_or_default();
    if let Some(threshold) = &raw_duplicates.threshold {
        let value = *threshold.get_ref();
        if !(value > 0.0 && value <= 1.0) {
            return Err(fail(
                Some(threshold.span()),
                msg!("config-bad-threshold", value = value.to_string()),
                Some(msg!("config-bad-threshold-help")),
            ));
        }
    }
    let duplicates = DuplicateConfig {
        scope: raw_duplicates.scope.map(|s| match s {
            ScopeName::File => Scope::File,
            ScopeName::Repository => Scope::Repository,
        }),
        threshold: raw_duplicates.threshold.map(|t| *t.get_ref()),
        exact_min_chars: raw_duplicates.exact_min_chars,
        near_min_chars: raw_duplicates.near_min_chars,
        common_files: raw_duplicates.common_files,
        parallel: raw_duplicates.parallel.map(|p| match p {
            ParallelName::Hide => Parallel::Hide,
            ParallelName::Report => Parallel::Report,
        }),
        allow: raw_duplicates.allow.unwrap_or_default(),
        allowlists: raw_duplicates
            .allowlist
            .unwrap_or_default()
            .iter()
            .map(|file| root.join(file))
            .collect(),
        against: raw_duplicates
            .against
            .unwrap_or_default()
            .iter()
            .map(|dir| root.join(dir))
            .collect(),
    };
    let raw_wording = raw.wording.unwrap_or_default();
    let wording = WordingConfig {
        terms: raw_wording.terms.unwrap_or_default(),
        terms_files: raw_wording
            .terms_file
            .map(OneOrMany::into_vec)
            .unwrap_or_default()
            .iter()
            .map(|file| root.join(file))
            .collect(),
    };
    Ok(Config {
        path: Some(path.to_path_buf()),
        files,
        severities,
        duplicates,
        wording,
        fail_on: raw.fail_on,
        lang: raw.lang,
        baseline: raw.baseline.map(|file| root.join(file)),
    })
}

/// What a message argument holds when there is no suggestion to make (no key, rule or
/// value is named so).
pub(crate) const NONE: &str = "none";

/// The TOML reader's error as a message in the reader's language, with a hint: an unknown
/// key or value (serde's "unknown field `x`, expected one of `a`, `b`") names the closest
/// allowed one; any other error (a syntax error, a value of the wrong type) keeps the
/// reader's own English words, placed by the span miette draws.
fn toml_error(message: &str) -> (Message, Option<Message>) {
    // serde's words: "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
    let unknown = |prefix: &str| -> Option<(String, Vec<String>)> {
        let rest = message.strip_prefix(prefix)?;
        let (name, rest) = rest.split_once("`, expected ")?;
        // Two names are "`a` or `b`", more "one of `a`, `b`".
        let expected = rest.strip_prefix("one of ").unwrap_or(rest);
        let expected = expected.replace("` or `", "`, `");
        let names: Option<Vec<String>> = expected
            .split(", ")
            .map(|n| {
                let name = n.strip_prefix('`')?.strip_suffix('`')?;
                (!name.contains('`')).then(|| name.to_string())
            })
            .collect();
        Some((name.to_string(), names?))
    };
    if let Some((key, expected)) = unknown("unknown field `") {
        let suggestion = closest(&key, expected.iter().map(String::as_str));
        return (
            msg!(
                "config-unknown-key",
                key = &key,
                expected = name_list(&expected)
            ),
            Some(msg!(
                "config-unknown-key-help",
                suggestion = suggestion.unwrap_or(NONE)
            )),
        );
    }
    if let Some((value, expected)) = unknown("unknown variant `") {
        let suggestion = closest(&value, expected.iter().map(String::as_str));
        let levels = ["error", "warning", "info", "off"];
        let help = if expected.iter().map(String::as_str).eq(levels) {
            Some(msg!(
                "config-unknown-level-help",
                suggestion = suggestion.unwrap_or(NONE)
            ))
        } else {
            suggestion.map(|suggestion| msg!("config-unknown-value-help", suggestion = suggestion))
        };
        return (
            msg!(
                "config-unknown-value",
                value = &value,
                expected = name_list(&expected)
            ),
            help,
        );
    }
    // The TOML reader's commonest syntax errors, each with its own words.
    let syntax = [
        ("duplicate key", "duplicate-key"),
        ("key with no value, expected `=`", "no-value"),
        (
            "string values must be quoted, expected literal string",
            "unquoted",
        ),
        ("unclosed array, expected `]`", "unclosed-array"),
        ("unclosed table, expected `]`", "unclosed-table"),
        ("invalid basic string, expected `\"`", "unclosed-string"),
    ];
    if let Some((_, problem)) = syntax.iter().find(|(text, _)| *text == message) {
        return (msg!("config-toml-syntax", problem = *problem), None);
    }
    // serde's "invalid type: string \"yes\", expected a boolean" (or "invalid value: …").
    for (prefix, id) in [("invalid type: ", "type"), ("invalid value: ", "value")] {
        if let Some((found, expected)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            let expected = match expected {
                "a boolean" => "boolean",
                "a sequence" => "sequence",
                "a string" => "string",
                "f64" => "number",
                "usize" => "count",
                other => other,
            };
            let found = unexpected(found);
            let message = if id == "type" {
                msg!("config-invalid-type", found = found, expected = expected)
            } else {
                msg!("config-invalid-value", found = found, expected = expected)
            };
            return (message, None);
        }
    }
    (msg!("config-toml", detail = message), None)
}

/// serde's words for the value it did not expect (`string "yes"`, `integer `-3``), so that
/// the Chinese says 文字“yes” rather than serde's English; what it does not name stays as is.
fn unexpected(found: &str) -> Message {
    let kinds = [
        ("string \"", '"', "string"),
        ("integer `", '`', "integer"),
        ("floating point `", '`', "float"),
        ("boolean `", '`', "boolean"),
    ];
    for (prefix, close, kind) in kinds {
        if let Some(value) = found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(close))
        {
            return msg!("config-found", kind = kind, value = value);
        }
    }
    match found {
        "sequence" | "map" => msg!("config-found", kind = found, value = ""),
        _ => msg!("config-found", kind = "other", value = found),
    }
}

/// Names as a list in the reader's language: `` `a`, `b` `` in English, “a”“b” in Chinese
/// (quoted items in a row take no 顿号, GB/T 15834 4.5.3.5).
fn name_list(names: &[String]) -> Message {
    let mut list: Option<Message> = None;
    for name in names.iter().rev() {
        let item = msg!("config-name", name = name);
        list = Some(match list {
            None => item,
            Some(rest) if names.len() == 2 => msg!("config-name-or", first = item, rest = rest),
            Some(rest) => msg!("config-name-list", first = item, rest = rest),
        });
    }
    let list = list.unwrap_or_else(|| msg!("config-name", name = ""));
    // serde's words: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
    if names.len() > 2 {
        msg!("config-name-one-of", list = list)
    } else {
        list
    }
}

/// The allowed name closest to a misspelt one, if one is close enough to be meant.
fn closest<'a>(name: &str, allowed: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_lowercase().replace('_', "-");
    allowed
        .map(|candidate| (strsim::levenshtein(&name, candidate), candidate))
        // Within 3 edits, and not all of a short name (`fr` is not a misspelt `en`).
        .filter(|&(distance, _)| distance <= 3 && distance < name.chars().count())
        .min()
        .map(|(_, candidate)| candidate)
}

/// The rule a misspelt name most likely means, if one is close enough.
pub(crate) fn closest_rule(name: &str) -> Option<&'static str> {
    rules::RULES
        .iter()
        .map(|r| (strsim::levenshtein(name, r.name), r.name))
        .filter(|&(distance, _)| distance <= 3)
        .min()
        .map(|(_, name)| name)
}

/// The settings in force, as `--show-settings` prints them.
pub fn describe(
    config: &Config,
    rules: &[&RuleInfo],
    duplicates: &crate::dedup::Settings,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let file = match &config.path {
        Some(path) => msg!("settings-file", path = path.display().to_string()),
        None => msg!("settings-file", path = msg!("settings-no-file")),
    };
    out.push_str(&format!("{}\n", file.render(lang)));
    let root = msg!(
        "settings-root",
        path = config.files.root.display().to_string()
    );
    out.push_str(&format!("{}\n", root.render(lang)));
    out.push_str(&format!("include = {}\n", list(&config.files.include)));
    out.push_str(&format!("exclude = {}\n", list(&config.files.exclude)));
    out.push_str(&format!("force-exclude = {}\n", config.files.force_exclude));
    out.push_str(&format!(
        "fail-on = \"{}\"\n",
        config.fail_on.unwrap_or(FailOn::Error).severity().as_str()
    ));
    // The language in force, whether `--lang`, this file or the locale chose it.
    let lang = match lang {
        crate::report::message::Lang::En => "en",
        crate::report::message::Lang::Zh => "zh",
    };
    out.push_str(&format!("lang = \"{lang}\"\n"));
    if let Some(baseline) = &config.baseline {
        out.push_str(&format!("baseline = {:?}\n", path_text(baseline)));
    }
    out.push_str("\n[rules]\n");
    for rule in rules::RULES {
        let level = if !rules.iter().any(|r| r.name == rule.name) {
            "off".to_string()
        } else {
            match config.severities.rules.get(rule.name) {
                Some(None) => "off".to_string(),
                Some(Some(severity)) => severity.as_str().to_string(),
                None => rule.severity.as_str().to_string(),
            }
        };
        out.push_str(&format!("{} = \"{level}\"\n", rule.name));
    }
    for per_file in &config.severities.per_file {
        out.push_str(&format!("\n[per-file.{:?}]\n", per_file.pattern));
        for (name, level) in &per_file.levels {
            let level = level.map_or("off", Severity::as_str);
            out.push_str(&format!("{name} = \"{level}\"\n"));
        }
    }
    out.push_str("\n[duplicates]\n");
    out.push_str(&format!(
        "scope = \"{}\"\n",
        match duplicates.scope {
            Scope::File => "file",
            Scope::Repository => "repository",
        }
    ));
    out.push_str(&format!("threshold = {}\n", duplicates.threshold));
    out.push_str(&format!(
        "exact-min-chars = {}\n",
        duplicates.exact_min_chars
    ));
    out.push_str(&format!("near-min-chars = {}\n", duplicates.near_min_chars));
    out.push_str(&format!("common-files = {}\n", duplicates.common_files));
    out.push_str(&format!(
        "parallel = \"{}\"\n",
        match duplicates.parallel {
            Parallel::Hide => "hide",
            Parallel::Report => "report",
        }
    ));
    out.push_str(&format!(
        "# allowed paragraphs: {} (shipped formulas, `allow` and `allowlist` files)\n",
        duplicates.allowed.len()
    ));
    let paths = |paths: &[PathBuf]| {
        let texts: Vec<String> = paths.iter().map(PathBuf::as_path).map(path_text).collect();
        list(&texts)
    };
    if !config.duplicates.against.is_empty() {
        out.push_str(&format!(
            "against = {}\n",
            paths(&config.duplicates.against)
        ));
    }
    out.push_str("\n[wording]\n");
    out.push_str(&format!("terms = {}\n", list(&config.wording.terms)));
    out.push_str(&format!(
        "terms-file = {}\n",
        paths(&config.wording.terms_files)
    ));
    out
}

/// A path as `--show-settings` writes it: `/` between components on every system.
fn path_text(path: &Path) -> String {
    crate::input::walk::display(path).replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("proj/govlint.toml"), text)
    }

    #[test]
    fn the_template_is_a_valid_configuration_of_defaults() {
        let config = parsed(TEMPLATE).expect("the template parses");
        assert!(config.severities.is_empty());
        assert_eq!(config.files.include, DEFAULT_INCLUDE);
    }

    /// The lines of a template that are settings (`# key = value`, `[table]`), commented
    /// or not, in order.
    fn settings(template: &str) -> Vec<&str> {
        template
            .lines()
            .map(|line| line.strip_prefix("# ").unwrap_or(line))
            .filter(|line| {
                line.starts_with('[')
                    || line.split_once(" = ").is_some_and(|(key, _)| {
                        key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    })
            })
            .collect()
    }

    #[test]
    fn the_chinese_template_has_the_same_keys_and_values() {
        let english = settings(TEMPLATE);
        assert!(english.len() >= 20, "{english:?}");
        assert_eq!(settings(TEMPLATE_ZH), english);
        // Both parse, to the same configuration, as written and with every setting in force.
        let uncommented = |template: &str| settings(template).join("\n");
        for text in [TEMPLATE_ZH.to_string(), uncommented(TEMPLATE_ZH)] {
            let config = parsed(&text).expect("the Chinese template parses");
            let reference = if text == TEMPLATE_ZH {
                parsed(TEMPLATE)
            } else {
                parsed(&uncommented(TEMPLATE))
            }
            .expect("the template parses");
            assert_eq!(format!("{config:?}"), format!("{reference:?}"));
        }
        // Its comments are Chinese: a line of English left untranslated would show here.
        for line in TEMPLATE_ZH
            .lines()
            .filter(|l| l.starts_with("# ") && !settings(l).contains(&&l[2..]))
        {
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{line}"
            );
        }
    }

    #[test]
    fn toml_and_serde_errors_keep_their_english_words_and_have_chinese_ones() {
        for (text, english, chinese) in [
            (
                "lang = \"fr\"\n",
                "unknown variant `fr`, expected `en` or `zh`",
                "“fr”不是可用的取值（可用的取值有：“en”“zh”）",
            ),
            (
                "fail-on = \"eror\"\n",
                "unknown variant `eror`, expected one of `error`, `warning`, `info`",
                "“eror”不是可用的取值（可用的取值有：“error”“warning”“info”）",
            ),
            (
                "lang zh\n",
                "key with no value, expected `=`",
                "配置项后面缺少“=”和值",
            ),
            (
                "lang = zh\n",
                "string values must be quoted",
                "文字值要用英文双引号括起",
            ),
            (
                "[rules\n",
                "unclosed table, expected `]`",
                "表名缺少结尾的“]”",
            ),
            (
                "lang = \"zh\"\nlang = \"en\"\n",
                "duplicate key",
                "同一个配置项写了两次",
            ),
            (
                "force-exclude = \"yes\"\n",
                "invalid type: string \"yes\", expected a boolean",
                "值的类型不对：这里应该写true或false（现在写的是文字“yes”）",
            ),
            (
                "[duplicates]\nexact-min-chars = -3\n",
                "invalid value: integer `-3`, expected usize",
                "这里应该写不小于0的整数",
            ),
            ("a = = 1\n", "extra `=`", "配置文件的写法有误（extra `=`"),
        ] {
            let err = parsed(text).expect_err(text);
            let message = err.message.english();
            assert!(message.starts_with(english), "{text}: {message}");
            let message = err.message.render(Lang::Zh);
            assert!(message.contains(chinese), "{text}: {message}");
            assert!(err.span.is_some(), "{text}");
        }
        // A short value is not taken for a misspelling of another short one.
        let err = parsed("lang = \"fr\"\n").expect_err("fr");
        assert!(err.help.is_none());
        let err = parsed("lang = \"zhh\"\n").expect_err("zhh");
        assert_eq!(err.help.expect("a hint").english(), "did you mean `zh`?");
    }

    #[test]
    fn unknown_keys_and_rules_point_at_their_span() {
        let text = "[duplicates]\ntreshold = 0.9\n";
        let err = parsed(text).expect_err("an error");
        assert_eq!(&text[err.span.clone().expect("a span")], "treshold");
        let message = err.message.english();
        assert!(message.contains("unknown field `treshold`"), "{message}");
        let help = err.help.expect("a hint").english();
        assert!(help.contains("did you mean `threshold`?"), "{help}");

        let text = "[rules]\nstray-periods = \"off\"\n";
        let err = parsed(text).expect_err("an error");
        assert_eq!(&text[err.span.clone().expect("a span")], "stray-periods");
        assert!(err.help.expect("a hint").english().contains("stray-period"));

        let text = "[rules]\nstray-period = \"loud\"\n";
        let err = parsed(text).expect_err("an error");
        let message = err.message.english();
        assert!(message.contains("unknown variant"), "{message}");

        let err = parsed("[duplicates]\nthreshold = 1.5\n").expect_err("an error");
        assert!(err.message.english().contains("1.5"));
    }

    #[test]
    fn patterns_match_components_or_relative_paths() {
        let config = parsed("exclude = [\"drafts\", \"archive/2019/**\"]\n").expect("parses");
        let files = &config.files;
        assert!(files.excludes(Path::new("proj/a/drafts/x.txt")));
        assert!(files.excludes(Path::new("proj/archive/2019/x.txt")));
        assert!(!files.excludes(Path::new("proj/archive/2020/x.txt")));
        assert!(files.includes(Path::new("proj/a/b.md")));
        assert!(files.includes(Path::new("proj/a/b.docx")));
        assert!(!files.includes(Path::new("proj/a/b.pdf")));
    }

    #[test]
    fn per_file_levels_override_and_lowered_findings_stay_lowered() {
        let config = parsed(
            "[rules]\nduplicate-paragraph = \"warning\"\n\n[per-file.\"laws/**\"]\nhalfwidth-punctuation = \"off\"\n",
        )
        .expect("parses");
        let severities = &config.severities;
        let root = Path::new("proj");
        let halfwidth = rules::find("halfwidth-punctuation").expect("rule");
        assert_eq!(
            severities.resolve("proj/laws/a.txt", halfwidth, Severity::Warning, root),
            None
        );
        assert_eq!(
            severities.resolve("proj/news/a.txt", halfwidth, Severity::Warning, root),
            Some(Severity::Warning)
        );
        let duplicate = rules::find("duplicate-paragraph").expect("rule");
        assert_eq!(
            severities.resolve("proj/a.txt", duplicate, Severity::Error, root),
            Some(Severity::Warning)
        );
        assert!(!severities.is_off_everywhere(halfwidth));
    }
}
