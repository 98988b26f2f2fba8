//! One run of `govlint check`: find the inputs, read each once, run the document rules in
//! parallel, then the duplicate phase over all documents, drop what suppression comments
//! silence, and sort what was found.

pub mod cache;
pub mod reread;
pub mod widespread;
mod workspace;

pub use workspace::{Workspace, lint_in_workspace};

use crate::config::Severities;
use crate::dedup::{self, RawPair};
use crate::document::source::Source;
use crate::document::{Document, Format};
use crate::input::decode::{self, TextEncoding};
use crate::input::read::{DEFAULT_MAX_FILE_SIZE, read_limited};
use crate::input::walk::{Input, InputError, display, path_key};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::report::message::Message;
use crate::report::suppress::{self, Directives, Matcher};
use crate::rules::{self, Check, RuleInfo};
use cache::{Cache, Stamp};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The name of a part of a document that is not read (`footnotes`, `headers and footers`),
/// as a catalog key: `headers-and-footers`.
pub fn unread_part(name: &str) -> Message {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-').to_string();
    crate::msg!("unread-part", part = key)
}

/// `its footnotes, headers and footers are not read, so not checked`.
pub fn unread_note(parts: &[String]) -> Message {
    let part = |name: &String| unread_part(name);
    let Some((last, rest)) = parts.split_last() else {
        return crate::msg!("unread-note", parts = "");
    };
    // A part named with its own `and` (`headers and footers`) closes the list.
    let mut list = part(last);
    for (index, name) in rest.iter().enumerate().rev() {
        list = if index + 1 == rest.len() && !last.contains(" and ") {
            crate::msg!("unread-parts-and", first = part(name), last = list)
        } else {
            crate::msg!("unread-parts-comma", first = part(name), rest = list)
        };
    }
    crate::msg!("unread-note", parts = list)
}

pub struct Run {
    /// Every file linted, sorted, as printed; diagnostics refer to files by index here.
    pub paths: Vec<String>,
    /// Where each file is on disk (`None`: standard input, or a document given in memory):
    /// what is read again and written, since `paths` cannot spell every file name.
    pub files: Vec<Option<PathBuf>>,
    /// The files' text where it was kept (`Options::keep_sources`); see `Run::source`.
    pub sources: Vec<Option<Source>>,
    /// Sorted by path, line, column, rule.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<InputError>,
    /// Binary files a directory walk found: noted, not linted, not errors.
    pub skipped: Vec<InputError>,
    /// Files `--fix` could not write (or found changed since they were linted).
    pub fix_errors: Vec<InputError>,
    /// Per file, the parts of an office document that hold text and were not read
    /// (`footnotes`, `headers`…; empty for most files): said in the summary, not checked.
    pub unread_parts: Vec<Vec<String>>,
    /// How each file was decoded.
    pub encodings: Vec<TextEncoding>,
    /// `Source::digest` of the bytes each file was linted from (`None`: from the cache).
    pub digests: Vec<Option<u128>>,
    /// The largest file read again for rendering.
    pub max_file_size: u64,
    /// What the run has to say besides findings and input errors, for the command line to
    /// print: the library never writes to the terminal.
    pub notices: Vec<Notice>,
    /// By file: `Source::continued_lines`, where the file was linted rather than taken
    /// from the cache (JSON's Word paragraph numbers come from them).
    pub continued_lines: Vec<Option<Vec<usize>>>,
    /// How many files at the start of `paths` were read only to find copies of the others
    /// (`--dup-against`): places of duplicates may name them, findings never do.
    pub context: usize,
    /// Findings in paragraphs copied into many files, grouped (`widespread::group`).
    pub widespread: Vec<widespread::Widespread>,
}

impl Run {
    /// How many files were linted and reported on (not counting `context` files).
    pub fn linted_files(&self) -> usize {
        self.paths.len() - self.context
    }

    /// The files with parts not read, and a sentence saying which
    /// (`its footnotes and headers are not read, so not checked`).
    pub fn unread_notes(&self) -> impl Iterator<Item = (&str, Message)> {
        self.paths
            .iter()
            .zip(&self.unread_parts)
            .skip(self.context)
            .filter(|(_, parts)| !parts.is_empty())
            .map(|(path, parts)| (path.as_str(), unread_note(parts)))
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// A file's text: kept from the run, or read again (large runs keep no text).
    pub fn source(&self, file: usize) -> Option<std::borrow::Cow<'_, Source>> {
        if let Some(source) = self.sources.get(file)?.as_ref() {
            return Some(std::borrow::Cow::Borrowed(source));
        }
        read_limited(
            &Input::File(self.files.get(file)?.clone()?),
            Some(self.encodings[file]),
            self.max_file_size,
        )
        .ok()
        .map(std::borrow::Cow::Owned)
    }

    /// Whether a finding is at `fail_on` or above.
    pub fn fails(&self, fail_on: Severity) -> bool {
        self.diagnostics.iter().any(|d| d.severity >= fail_on)
    }
}

pub struct Options {
    pub rules: Vec<&'static RuleInfo>,
    pub duplicates: dedup::Settings,
    /// What the configuration tells the rules (`[wording]`, `--as-of`).
    pub rule_settings: rules::Settings,
    /// Keep every file's text in the run for rendering; without it, large runs stay small
    /// and the text is read again where an excerpt is shown.
    pub keep_sources: bool,
    /// The cache directory, when the incremental cache is on.
    pub cache: Option<PathBuf>,
    /// The encoding of every input (`--encoding`); detected per file when `None`.
    pub encoding: Option<TextEncoding>,
    /// Configured levels per rule and per glob of files (`govlint.toml`).
    pub severities: Severities,
    /// The directory `severities`' globs are relative to.
    pub root: PathBuf,
    /// Inputs larger than this many bytes are refused (`--max-file-size`).
    pub max_file_size: u64,
}

impl Options {
    /// The rules that run on `path`: those of the run less those the configuration turns
    /// off for it (`[per-file."GLOB"]`), which the run drops only when they are off for
    /// every file.
    pub fn rules_for(&self, path: &str) -> Vec<&'static RuleInfo> {
        self.rules
            .iter()
            .copied()
            .filter(|rule| !self.severities.is_off(path, rule, &self.root))
            .collect()
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rules: rules::RULES.to_vec(),
            duplicates: dedup::Settings::default(),
            rule_settings: rules::Settings::default(),
            keep_sources: true,
            cache: None,
            encoding: None,
            severities: Severities::default(),
            root: PathBuf::from("."),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// What is kept of a file once its document-level rules have run.
struct Linted {
    path: String,
    file: Option<PathBuf>,
    source: Option<Source>,
    /// `Source::continued_lines`; `None` for a file taken from the cache.
    continued_lines: Option<Vec<usize>>,
    diagnostics: Vec<Diagnostic>,
    encoding: TextEncoding,
    /// `Source::digest` of the bytes linted; `None` for a file taken from the cache.
    digest: Option<u128>,
    units: dedup::FileUnits,
    /// Its suppression comments, applied once the duplicates are known too.
    directives: Directives,
    /// Size and modification time when read (files only), for the cache.
    stamp: Option<Stamp>,
    /// Taken from the cache rather than read.
    cached: bool,
    /// Read only to find copies of the other files (`--dup-against`).
    context: bool,
    /// `Source::unread_parts`.
    unread_parts: Vec<String>,
    /// What linting the file had to say (a rule's findings capped).
    notices: Vec<Notice>,
}

/// Something a run has to say that is neither a finding nor an input error: a cap reached,
/// a search cut short, the cache damaged or not written.
#[derive(Debug, Clone)]
pub struct Notice {
    pub level: NoticeLevel,
    /// The file or folder it is about, as printed.
    pub path: Option<String>,
    pub message: Message,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    Note,
    Warning,
}

pub fn lint(inputs: &[Input], errors: Vec<InputError>, options: &Options) -> Run {
    lint_against(inputs, &[], errors, options)
}

/// Lints `inputs`, finding duplicates also between them and `against`: files read (or
/// taken from the cache) only for that, never reported on, whose read errors are dropped.
/// A file in both is linted.
pub fn lint_against(
    inputs: &[Input],
    against: &[Input],
    errors: Vec<InputError>,
    options: &Options,
) -> Run {
    let timer = Timer::start();
    let against = if duplicates_enabled(options) {
        against
    } else {
        &[]
    };
    let (linted, errors, cache, notices) = read_all(inputs, against, errors, options, &timer);
    finish(linted, errors, options, &timer, cache, notices)
}

/// Reads and lints `inputs` (and `against`, marked as context), each from the cache where
/// it holds the file as it is; returns the cache for the duplicate phase's known pairs.
fn read_all(
    inputs: &[Input],
    against: &[Input],
    errors: Vec<InputError>,
    options: &Options,
    timer: &Timer,
) -> (Vec<Linted>, Vec<InputError>, Option<Cache>, Vec<Notice>) {
    let mut inputs: Vec<(&Input, bool)> = inputs
        .iter()
        .map(|input| (input, false))
        .chain(against.iter().map(|input| (input, true)))
        .collect();
    // A file named and also under a context directory is named: it sorts first of its key.
    inputs.sort_by_cached_key(|&(input, context)| (input_key(input), context, input_path(input)));
    inputs.dedup_by_key(|(input, _)| input_key(input));
    inputs.sort_by_cached_key(|&(input, _)| (input_path(input), input_key(input)));
    let fingerprint = fingerprint(options);
    let mut notices = Vec::new();
    let cache = options.cache.as_deref().and_then(|dir| {
        let (cache, damaged) = Cache::load(dir, &fingerprint);
        if let Some(path) = damaged {
            notices.push(Notice {
                level: NoticeLevel::Note,
                path: Some(path),
                message: crate::msg!("notice-cache-damaged"),
            });
        }
        cache
    });
    // Each input with its cache entry, moved out of the cache (not copied).
    let mut cache = cache;
    let mut entries: Vec<Option<cache::Entry>> = match cache.as_mut() {
        Some(cache) => {
            let mut taken: Vec<Option<cache::Entry>> =
                cache.take_entries().into_iter().map(Some).collect();
            let index: FxHashMap<&str, usize> =
                (0..cache.files()).map(|i| (cache.path(i), i)).collect();
            inputs
                .iter()
                .map(|(input, _)| {
                    index
                        .get(input_key(input).as_str())
                        .and_then(|&e| taken[e].take())
                })
                .collect()
        }
        None => inputs.iter().map(|_| None).collect(),
    };
    timer.stage("cache loaded");
    let results: Vec<Result<Linted, (InputError, bool)>> = inputs
        .into_par_iter()
        .zip(entries.par_iter_mut())
        .map(|((input, context), entry)| {
            let stamp = match input {
                Input::File(path) => Stamp::of(path),
                Input::Stdin { .. } => None,
            };
            if let (Some(found), Some(stamp)) = (entry.take(), stamp)
                && found.stamp == stamp
                && let Some(diagnostics) = found.diagnostics()
            {
                return Ok(Linted {
                    path: input_path(input),
                    file: input_file(input),
                    source: None,
                    continued_lines: None,
                    diagnostics,
                    encoding: decode::from_label(&found.encoding).unwrap_or(TextEncoding::Utf8),
                    digest: None,
                    units: found.units,
                    directives: found.directives,
                    stamp: Some(stamp),
                    cached: true,
                    context,
                    unread_parts: found.unread_parts,
                    notices: Vec::new(),
                });
            }
            read_limited(input, options.encoding, options.max_file_size)
                .map(|source| Linted {
                    stamp,
                    file: input_file(input),
                    context,
                    // Standard input cannot be read again: keep its text.
                    ..lint_source(source, options, matches!(input, Input::Stdin { .. }))
                })
                .map_err(|error| (error, context))
        })
        .collect();
    timer.stage(&format!(
        "read, split, per-file rules, normalize ({} files from the cache)",
        results
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|l| l.cached))
            .count()
    ));
    let mut linted = Vec::with_capacity(results.len());
    let mut errors = errors;
    for result in results {
        match result {
            Ok(file) => linted.push(file),
            // A file read only for comparison is not the user's concern this run.
            Err((_, true)) => {}
            Err((error, false)) => errors.push(error),
        }
    }
    (linted, errors, cache, notices)
}

/// Reads and lints `inputs` without the duplicate phase, for a duplicate search elsewhere
/// (`govlint signatures`): each file as the cache keeps it (its per-file findings, before
/// suppression comments are applied; its duplicate units; its comments), in path order,
/// with the input errors and what linting had to say.
pub fn read_for_signatures(
    inputs: &[Input],
    errors: Vec<InputError>,
    options: &Options,
) -> (Vec<cache::Entry>, Vec<InputError>, Vec<Notice>) {
    let timer = Timer::start();
    let (mut linted, mut errors, _, mut notices) = read_all(inputs, &[], errors, options, &timer);
    linted.sort_by(|a, b| (&a.path, &a.file).cmp(&(&b.path, &b.file)));
    let entries = linted
        .into_iter()
        .map(|file| {
            notices.extend(file.notices);
            let mut entry = cache::Entry::new(
                file.path,
                file.stamp.unwrap_or_default(),
                &file.diagnostics,
                file.units,
                file.directives,
            );
            entry.encoding = file.encoding.name().to_string();
            entry.unread_parts = file.unread_parts;
            entry
        })
        .collect();
    errors.sort_by_cached_key(|e| (e.path.clone(), e.message.english()));
    (entries, errors, notices)
}

/// The run `govlint check` makes of files read elsewhere (`govlint signatures`), with the
/// near pairs a search elsewhere found among them (file and unit numbers of `entries`,
/// which are in path order): exact copies are classed here, and every pair is judged as
/// `check` judges its own. An entry whose rules no longer exist is an input error.
pub fn judge_signatures(entries: Vec<cache::Entry>, pairs: Vec<RawPair>, options: &Options) -> Run {
    let timer = Timer::start();
    let mut errors = Vec::new();
    let mut linted = Vec::with_capacity(entries.len());
    for entry in entries {
        // Kept without its findings, so that the numbers of the files after it still
        // name them.
        let diagnostics = entry.diagnostics().unwrap_or_else(|| {
            errors.push(InputError {
                path: entry.path.clone(),
                message: crate::msg!("signatures-stale-entry"),
            });
            Vec::new()
        });
        linted.push(Linted {
            file: Some(PathBuf::from(&entry.path)),
            path: entry.path,
            source: None,
            continued_lines: None,
            diagnostics,
            encoding: decode::from_label(&entry.encoding).unwrap_or(TextEncoding::Utf8),
            digest: None,
            units: entry.units,
            directives: entry.directives,
            stamp: None,
            cached: true,
            context: false,
            unread_parts: entry.unread_parts,
            notices: Vec::new(),
        });
    }
    let (mut run, kept, units, directives) = gather(linted, errors, options, Vec::new());
    let known = dedup::Known {
        changed: kept.iter().map(|file| file.changed).collect(),
        pairs,
    };
    duplicates(&mut run, &units, Some(&known), options, &timer);
    reported(&mut run, &directives, options);
    let paragraphs = widespread::Paragraphs::of(&units);
    run.widespread = widespread::group(&run, &paragraphs, options.duplicates.common_files);
    run
}

/// What decides whether cached results still hold: the version, the rules and settings.
fn fingerprint(options: &Options) -> String {
    let rules: Vec<&str> = options.rules.iter().map(|r| r.name).collect();
    let d = &options.duplicates;
    let mut allowed: Vec<&String> = d.allowed.iter().collect();
    allowed.sort();
    // The format of the stored findings: raised when what a cache entry holds changes
    // within one version (3: messages by id; 4: per-file findings keep their related
    // places).
    const FORMAT: u32 = 4;
    format!(
        "{FORMAT} {rules:?} {:?} {} {} {} {} {allowed:?} office text {} {}",
        d.scope,
        d.exact_min_chars,
        d.near_min_chars,
        d.threshold,
        d.common_files,
        crate::input::office::TEXT_FORM,
        options.rule_settings.fingerprint()
    )
}

fn input_path(input: &Input) -> String {
    match input {
        Input::File(path) => display(path),
        Input::Stdin { name } => name.clone(),
    }
}

/// `path_key` of an input; standard input is keyed by the name it is linted under.
fn input_key(input: &Input) -> String {
    match input {
        Input::File(path) => path_key(path),
        Input::Stdin { name } => name.clone(),
    }
}

fn input_file(input: &Input) -> Option<PathBuf> {
    match input {
        Input::File(path) => Some(path.clone()),
        Input::Stdin { .. } => None,
    }
}

/// What identifies a linted file in the cache: `path_key` of its file, or its name.
fn linted_key(path: &str, file: Option<&Path>) -> String {
    file.map_or_else(|| path.to_string(), path_key)
}

/// Lints documents already in memory (tests, editors).
pub fn lint_documents(documents: Vec<Document>, errors: Vec<InputError>, options: &Options) -> Run {
    let timer = Timer::start();
    let linted = documents
        .into_par_iter()
        .map(|document| lint_document(document, options, true))
        .collect();
    finish(linted, errors, options, &timer, None, Vec::new())
}

fn lint_source(source: Source, options: &Options, keep_source: bool) -> Linted {
    let format = Format::from_path(&source.path);
    lint_document(Document::new(source, format), options, keep_source)
}

/// Runs the document-level rules and extracts the duplicate units and the suppression
/// comments, so that the document itself can be dropped.
fn lint_document(document: Document, options: &Options, keep_source: bool) -> Linted {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut notices = Vec::new();
    for rule in options.rules.iter().filter(|r| r.check.per_file()) {
        let (found, dropped) =
            rules::check_document_counted(rule, &document, 0, &options.rule_settings);
        if dropped > 0 {
            notices.push(Notice {
                level: NoticeLevel::Warning,
                path: Some(document.source.path.clone()),
                message: crate::msg!(
                    "notice-findings-capped",
                    rule = rule.name,
                    found = found.len() + dropped,
                    kept = rules::MAX_FINDINGS
                ),
            });
        }
        diagnostics.extend(found);
    }
    // Fingerprints by paragraph, each computed once: several findings share a paragraph.
    let mut fingerprints: FxHashMap<usize, u64> = FxHashMap::default();
    for diagnostic in &mut diagnostics {
        diagnostic.start = document.source.position(diagnostic.span.start);
        diagnostic.end = document.source.position(diagnostic.span.end);
        for related in &mut diagnostic.related {
            related.start = document.source.position(related.span.start);
        }
        diagnostic.fingerprint = *fingerprints
            .entry(diagnostic.paragraph)
            .or_insert_with(|| paragraph_fingerprint(&document, diagnostic));
    }
    let directives = Directives::of(&document);
    let units = if duplicates_enabled(options) {
        dedup::file_units(&document, &options.duplicates)
    } else {
        dedup::FileUnits::default()
    };
    let Document { source, .. } = document;
    Linted {
        unread_parts: source.unread_parts.clone(),
        notices,
        path: source.path.clone(),
        file: None,
        encoding: source.encoding,
        digest: Some(source.digest),
        continued_lines: Some(source.continued_lines.clone()),
        source: (options.keep_sources || keep_source).then_some(source),
        diagnostics,
        units,
        directives,
        stamp: None,
        cached: false,
        context: false,
    }
}

/// The fingerprint of the paragraph a finding is in, for baselines.
fn paragraph_fingerprint(document: &Document, diagnostic: &Diagnostic) -> u64 {
    if diagnostic.paragraph < document.paragraphs.len() {
        return dedup::fingerprint_of_normalized(
            document.normalized().paragraph(diagnostic.paragraph),
        );
    }
    dedup::fingerprint(
        document
            .source
            .text
            .get(diagnostic.span.clone())
            .unwrap_or(""),
    )
}

fn enabled(options: &Options) -> dedup::Enabled {
    let on = |name: &str| options.rules.iter().any(|rule| rule.name == name);
    dedup::Enabled {
        exact: on(rules::duplicate_paragraph::RULE.name),
        near: on(rules::near_duplicate_paragraph::RULE.name),
    }
}

fn duplicates_enabled(options: &Options) -> bool {
    let enabled = enabled(options);
    enabled.exact || enabled.near
}

/// What a file keeps for the stages after the per-file rules: the duplicate phase, the
/// cache and the suppressions.
struct Kept {
    /// The file's cache key.
    key: String,
    stamp: Option<Stamp>,
    /// Its per-file findings, for the cache (only when a cache is written).
    findings: Vec<Diagnostic>,
    /// Read and linted this run (not taken from the cache).
    changed: bool,
}

/// The stages after the per-file rules, in order: the files gathered into a `Run`, the
/// duplicate phase, the cache written, then what is reported (no fixes for office files,
/// suppression comments, configured severities) and the order it is reported in.
fn finish(
    linted: Vec<Linted>,
    errors: Vec<InputError>,
    options: &Options,
    timer: &Timer,
    cache: Option<Cache>,
    notices: Vec<Notice>,
) -> Run {
    let (mut run, kept, units, directives) = gather(linted, errors, options, notices);
    let known = cache.as_ref().map(|cache| known_from_cache(cache, &kept));
    let (pairs, complete) = duplicates(&mut run, &units, known.as_ref(), options, timer);
    let paragraphs = widespread::Paragraphs::of(&units);
    let unchanged = cache.as_ref().is_some_and(|c| c.files() == kept.len())
        && kept.iter().all(|file| !file.changed);
    // An incomplete set of pairs must not be taken for the whole by the next run.
    if let Some(dir) = options.cache.as_ref().filter(|_| !unchanged && complete) {
        save_cache(&mut run, dir, kept, units, &directives, &pairs, options);
        timer.stage("cache written");
    }
    reported(&mut run, &directives, options);
    run.widespread = widespread::group(&run, &paragraphs, options.duplicates.common_files);
    run
}

/// The linted files, sorted by path, as a `Run`, with what the later stages need of each:
/// its `Kept` record, its duplicate units and its suppression comments.
fn gather(
    mut linted: Vec<Linted>,
    errors: Vec<InputError>,
    options: &Options,
    mut notices: Vec<Notice>,
) -> (Run, Vec<Kept>, Vec<dedup::FileUnits>, Vec<Directives>) {
    // Files read for comparison first: a copy is reported on the later of two files, and
    // the files of the run come after what they are compared with.
    linted.sort_by(|a, b| (!a.context, &a.path, &a.file).cmp(&(!b.context, &b.path, &b.file)));
    let context = linted.iter().filter(|file| file.context).count();
    let mut run = Run {
        paths: Vec::with_capacity(linted.len()),
        files: Vec::with_capacity(linted.len()),
        sources: Vec::with_capacity(linted.len()),
        diagnostics: Vec::new(),
        errors,
        skipped: Vec::new(),
        fix_errors: Vec::new(),
        unread_parts: Vec::with_capacity(linted.len()),
        encodings: Vec::with_capacity(linted.len()),
        digests: Vec::with_capacity(linted.len()),
        max_file_size: options.max_file_size,
        continued_lines: Vec::with_capacity(linted.len()),
        notices: Vec::new(),
        context,
        widespread: Vec::new(),
    };
    let mut kept = Vec::with_capacity(linted.len());
    let mut units = Vec::with_capacity(linted.len());
    let mut directives = Vec::with_capacity(linted.len());
    for (index, file) in linted.into_iter().enumerate() {
        kept.push(Kept {
            key: linted_key(&file.path, file.file.as_deref()),
            stamp: file.stamp,
            findings: if options.cache.is_some() {
                file.diagnostics.clone()
            } else {
                Vec::new()
            },
            changed: !file.cached,
        });
        // A per-file rule's related places are in its own file.
        run.diagnostics
            .extend(file.diagnostics.into_iter().map(|mut d| {
                d.document = index;
                for related in &mut d.related {
                    related.document = index;
                }
                d
            }));
        run.paths.push(file.path);
        run.files.push(file.file);
        run.encodings.push(file.encoding);
        run.digests.push(file.digest);
        run.sources.push(file.source);
        run.continued_lines.push(file.continued_lines);
        run.unread_parts.push(file.unread_parts);
        let mut file_units = file.units;
        file_units.context = file.context;
        units.push(file_units);
        directives.push(file.directives);
        if !file.context {
            notices.extend(file.notices);
        }
    }
    run.notices = notices;
    (run, kept, units, directives)
}

/// The near pairs a cache holds among the run's files that have not changed since, with
/// its entries mapped to this run.
fn known_from_cache(cache: &Cache, kept: &[Kept]) -> dedup::Known {
    let changed: Vec<bool> = kept.iter().map(|file| file.changed).collect();
    let position: FxHashMap<&str, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, file)| (file.key.as_str(), i as u32))
        .collect();
    let file = |entry: usize| {
        let index = *position.get(cache.path(entry))?;
        (!changed[index as usize]).then_some(index)
    };
    dedup::Known {
        pairs: cache.pairs(file),
        changed,
    }
}

/// The duplicate phase over every file of the run, taking the near pairs among unchanged
/// files from `known`; returns the pairs found and whether the search was complete.
fn duplicates(
    run: &mut Run,
    units: &[dedup::FileUnits],
    known: Option<&dedup::Known>,
    options: &Options,
    timer: &Timer,
) -> (Vec<RawPair>, bool) {
    if !duplicates_enabled(options) {
        return (Vec::new(), true);
    }
    let texts = |wanted: &[(usize, std::ops::Range<usize>)]| texts(run, wanted);
    let found = dedup::find_duplicates(
        units,
        &run.paths,
        &options.duplicates,
        enabled(options),
        &texts,
        known,
    );
    run.diagnostics.extend(found.diagnostics);
    if found.truncated {
        run.notices.push(Notice {
            level: NoticeLevel::Warning,
            path: None,
            message: crate::msg!("notice-near-search-truncated"),
        });
    }
    timer.stage("duplicates");
    (found.pairs, !found.truncated)
}

/// Writes the cache: each file's stamp, findings, units and comments, and the near pairs.
/// The cache only saves work: failing to write it is a notice, not an error of the run.
fn save_cache(
    run: &mut Run,
    dir: &Path,
    kept: Vec<Kept>,
    units: Vec<dedup::FileUnits>,
    directives: &[Directives],
    pairs: &[RawPair],
    options: &Options,
) {
    let entries = kept
        .into_iter()
        .zip(units)
        .zip(directives)
        .zip(run.encodings.iter().zip(&run.unread_parts))
        .filter_map(|(((file, units), directives), (encoding, unread))| {
            let mut entry = cache::Entry::new(
                file.key,
                file.stamp?,
                &file.findings,
                units,
                directives.clone(),
            );
            entry.encoding = encoding.name().to_string();
            entry.unread_parts = unread.clone();
            Some(entry)
        })
        .collect();
    if let Err(err) = Cache::save(dir, &fingerprint(options), entries, pairs) {
        run.notices.push(Notice {
            level: NoticeLevel::Warning,
            path: Some(display(dir)),
            message: crate::msg!(
                "notice-cache-not-written",
                error = crate::input::walk::describe_io_error(&err)
            ),
        });
    }
}

/// What is reported, and in which order: fixes dropped where the file cannot be written,
/// findings suppressed by comments, severities as configured, sorted by file and place.
fn reported(run: &mut Run, directives: &[Directives], options: &Options) {
    // A Word file is never written: its findings are places in the extracted text, so
    // edits there could not be applied to the file, nor shown as suggestions.
    for diagnostic in &mut run.diagnostics {
        if is_office(&run.paths[diagnostic.document]) {
            diagnostic.fix = None;
        }
    }
    apply_suppressions(&mut run.diagnostics, directives, options);
    let context = run.context;
    run.diagnostics.retain(|d| d.document >= context);
    if !options.severities.is_empty() {
        let paths = &run.paths;
        run.diagnostics.retain_mut(|diagnostic| {
            let rule = diagnostic.rule.info();
            let path = &paths[diagnostic.document];
            match options
                .severities
                .resolve(path, rule, diagnostic.severity, &options.root)
            {
                Some(severity) => {
                    diagnostic.severity = severity;
                    true
                }
                None => false,
            }
        });
    }
    // Files are in path order, so the file index orders by path.
    run.diagnostics.sort_by(|a, b| {
        (a.document, a.span.start, a.rule, a.span.end).cmp(&(
            b.document,
            b.span.start,
            b.rule,
            b.span.end,
        ))
    });
    run.errors
        .sort_by_cached_key(|e| (e.path.clone(), e.message.english()));
}

/// Whether a path is read as an office document (and so is never written by `--fix`).
pub fn is_office(path: &str) -> bool {
    Format::from_path(path) == Format::Docx
}

/// Drops the findings that suppression comments silence, and reports the comments that
/// silenced nothing (`unused-suppression`) when that rule runs.
fn apply_suppressions(
    diagnostics: &mut Vec<Diagnostic>,
    directives: &[Directives],
    options: &Options,
) {
    if directives.iter().all(Directives::is_empty) {
        return;
    }
    let mut matchers: Vec<Matcher> = directives.iter().map(Matcher::new).collect();
    diagnostics.retain(|d| !matchers[d.document].suppresses(d));
    let reports_unused = options
        .rules
        .iter()
        .any(|rule| matches!(rule.check, Check::Suppressions));
    if reports_unused {
        let ran: Vec<&str> = options.rules.iter().map(|rule| rule.name).collect();
        for (file, matcher) in matchers.iter_mut().enumerate() {
            let mut unused = rules::unused_suppression::findings(file, matcher, &ran);
            suppress::apply(matcher, &mut unused);
            diagnostics.extend(unused);
        }
    }
}

/// The text of byte ranges of the run's files (`dedup::Texts`). A file whose text the run
/// did not keep is read again once for all its ranges, not once a range: decoding a GBK
/// file or extracting a Word file for each near copy in it made the run quadratic.
fn texts(run: &Run, wanted: &[(usize, std::ops::Range<usize>)]) -> Vec<Option<String>> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| wanted[i].0);
    let groups: Vec<&[usize]> = order
        .chunk_by(|&a, &b| wanted[a].0 == wanted[b].0)
        .collect();
    let found: Vec<Vec<(usize, Option<String>)>> = groups
        .into_par_iter()
        .map(|group| {
            let file = wanted[group[0]].0;
            let slice = |source: &Source, i: usize| {
                source.text.get(wanted[i].1.clone()).map(str::to_string)
            };
            match &run.sources[file] {
                Some(source) => group.iter().map(|&i| (i, slice(source, i))).collect(),
                // Spans are offsets into the decoded text: only UTF-8 text files map them
                // to bytes, and a few ranges of a large file are read without the rest.
                None if run.encodings[file].is_utf8() && !is_office(&run.paths[file]) => group
                    .iter()
                    .map(|&i| {
                        let disk = run.files[file].as_deref();
                        (i, disk.and_then(|disk| read_range(disk, &wanted[i].1)))
                    })
                    .collect(),
                None => {
                    let source = run.source(file);
                    group
                        .iter()
                        .map(|&i| (i, source.as_deref().and_then(|s| slice(s, i))))
                        .collect()
                }
            }
        })
        .collect();
    let mut texts = vec![None; wanted.len()];
    for (i, text) in found.into_iter().flatten() {
        texts[i] = text;
    }
    texts
}

/// The text of one byte range of a file, read without reading the rest.
fn read_range(path: &Path, span: &std::ops::Range<usize>) -> Option<String> {
    use std::io::{Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(span.start as u64)).ok()?;
    let mut bytes = vec![0; span.len()];
    file.read_exact(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// Stage timings on standard error when `GOVLINT_TIMINGS` is set (for benchmarks).
struct Timer {
    start: Option<std::time::Instant>,
}

impl Timer {
    fn start() -> Timer {
        Timer {
            start: std::env::var_os("GOVLINT_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    fn stage(&self, name: &str) {
        if let Some(start) = self.start {
            // Peak and current resident memory where the system tells them (Linux).
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let field = |key: &str| {
                status
                    .lines()
                    .find_map(|line| line.strip_prefix(key))
                    .map_or(String::new(), |v| v.trim().to_string())
            };
            eprintln!(
                "[timing] {:>8.3} s  {name}  (resident {}, peak {})",
                start.elapsed().as_secs_f64(),
                field("VmRSS:"),
                field("VmHWM:")
            );
        }
    }
}
