//! One run of `govlint check`: find the inputs, read each once, run the document rules in
//! parallel, then the duplicate phase over all documents, and sort what was found.

use crate::dedup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format};
use crate::rules::{self, Check, RuleInfo};
use crate::source::Source;
use globset::{GlobBuilder, GlobMatcher};
use ignore::WalkBuilder;
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files linted when found by walking a directory; a file named explicitly is always linted.
pub const WALKED_FILES: &str = "*.{txt,md,markdown}";

fn walked_files() -> GlobMatcher {
    GlobBuilder::new(WALKED_FILES)
        .case_insensitive(true)
        .literal_separator(false)
        .build()
        .expect("the walked-files glob is valid")
        .compile_matcher()
}

#[derive(Debug, Clone)]
pub enum Input {
    File(PathBuf),
    Stdin { name: String },
}

/// A path that could not be linted, and why. Reported, and the run goes on.
#[derive(Debug, Clone)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

pub struct Run {
    /// Every file linted, sorted; diagnostics refer to files by index here.
    pub paths: Vec<String>,
    /// The files' text where it was kept (`Options::keep_sources`); see `Run::source`.
    pub sources: Vec<Option<Source>>,
    /// Sorted by path, line, column, rule.
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<InputError>,
}

impl Run {
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
        let path = &self.paths[file];
        read(&Input::File(PathBuf::from(path)))
            .ok()
            .map(std::borrow::Cow::Owned)
    }

    /// 2 when some input could not be read, else 1 when an error-level finding was made.
    pub fn exit_code(&self) -> i32 {
        if !self.errors.is_empty() {
            2
        } else if self.count(Severity::Error) > 0 {
            1
        } else {
            0
        }
    }
}

/// Expands the command-line paths into inputs, in a stable order.
pub fn collect_inputs(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            // Standard input can be read only once.
            if !inputs.iter().any(|i| matches!(i, Input::Stdin { .. })) {
                inputs.push(Input::Stdin {
                    name: stdin_name.to_string(),
                });
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(err) => errors.push(InputError {
                path: display(path),
                message: describe_io_error(&err),
            }),
        }
    }
    (inputs, errors)
}

fn walk(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let wanted = walked_files();
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && path.file_name().is_some_and(|name| wanted.is_match(name)) {
                    inputs.push(Input::File(path.to_path_buf()));
                }
            }
            Err(err) => errors.push(InputError {
                path: display(root),
                message: err.to_string(),
            }),
        }
    }
}

pub fn display(path: &Path) -> String {
    path.display().to_string()
}

fn describe_io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => err.to_string(),
    }
}

/// Reads an input and checks that it is text govlint can lint.
pub fn read(input: &Input) -> Result<Source, InputError> {
    let (path, bytes) = match input {
        Input::File(path) => (display(path), std::fs::read(path)),
        Input::Stdin { name } => {
            let mut bytes = Vec::new();
            let result = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
            (name.clone(), result)
        }
    };
    let fail = |message: String| InputError {
        path: path.clone(),
        message,
    };
    let bytes = bytes.map_err(|e| fail(describe_io_error(&e)))?;
    if bytes.contains(&0) {
        return Err(fail("binary file (contains NUL bytes), not linted".into()));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "not valid UTF-8 (invalid byte at offset {}), not linted",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Source::new(path, text))
}

pub struct Options {
    pub rules: Vec<&'static RuleInfo>,
    pub duplicates: dedup::Settings,
    /// Keep every file's text in the run for rendering; without it, large runs stay small
    /// and the text is read again where an excerpt is shown.
    pub keep_sources: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rules: rules::RULES.to_vec(),
            duplicates: dedup::Settings::default(),
            keep_sources: true,
        }
    }
}

/// What is kept of a file once its document-level rules have run.
struct Linted {
    path: String,
    source: Option<Source>,
    diagnostics: Vec<Diagnostic>,
    units: dedup::FileUnits,
}

pub fn lint(inputs: &[Input], errors: Vec<InputError>, options: &Options) -> Run {
    let timer = Timer::start();
    let mut inputs: Vec<&Input> = inputs.iter().collect();
    inputs.sort_by_key(|input| input_path(input));
    inputs.dedup_by_key(|input| input_path(input));
    let results: Vec<Result<Linted, InputError>> = inputs
        .into_par_iter()
        .map(|input| read(input).map(|source| lint_source(source, options)))
        .collect();
    timer.stage("read, split, per-file rules, normalize");
    let mut linted = Vec::with_capacity(results.len());
    let mut errors = errors;
    for result in results {
        match result {
            Ok(file) => linted.push(file),
            Err(error) => errors.push(error),
        }
    }
    finish(linted, errors, options, &timer)
}

fn input_path(input: &Input) -> String {
    match input {
        Input::File(path) => display(path),
        Input::Stdin { name } => name.clone(),
    }
}

/// Lints documents already in memory (tests, editors).
pub fn lint_documents(documents: Vec<Document>, errors: Vec<InputError>, options: &Options) -> Run {
    let timer = Timer::start();
    let linted = documents
        .into_par_iter()
        .map(|document| lint_document(document, options))
        .collect();
    finish(linted, errors, options, &timer)
}

fn lint_source(source: Source, options: &Options) -> Linted {
    let format = Format::from_path(&source.path);
    lint_document(Document::new(source, format), options)
}

/// Runs the document-level rules and extracts the duplicate units, so that the document
/// itself can be dropped.
fn lint_document(document: Document, options: &Options) -> Linted {
    let mut diagnostics: Vec<Diagnostic> = options
        .rules
        .iter()
        .filter(|rule| matches!(rule.check, Check::Document(_)))
        .flat_map(|rule| rules::check_document(rule, &document, 0))
        .collect();
    for diagnostic in &mut diagnostics {
        diagnostic.start = document.source.position(diagnostic.span.start);
        diagnostic.end = document.source.position(diagnostic.span.end);
    }
    let units = if duplicates_enabled(options) {
        dedup::file_units(&document, &options.duplicates)
    } else {
        dedup::FileUnits::default()
    };
    let Document { source, .. } = document;
    Linted {
        path: source.path.clone(),
        source: options.keep_sources.then_some(source),
        diagnostics,
        units,
    }
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

fn finish(
    mut linted: Vec<Linted>,
    errors: Vec<InputError>,
    options: &Options,
    timer: &Timer,
) -> Run {
    linted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diagnostics = Vec::new();
    let mut paths = Vec::with_capacity(linted.len());
    let mut sources = Vec::with_capacity(linted.len());
    let mut units = Vec::with_capacity(linted.len());
    for (index, file) in linted.into_iter().enumerate() {
        diagnostics.extend(file.diagnostics.into_iter().map(|mut d| {
            d.document = index;
            d
        }));
        paths.push(file.path);
        sources.push(file.source);
        units.push(file.units);
    }
    let mut run = Run {
        paths,
        sources,
        diagnostics,
        errors,
    };
    if duplicates_enabled(options) {
        let text = |file: usize, span: &std::ops::Range<usize>| {
            run.source(file)
                .and_then(|source| source.text.get(span.clone()).map(str::to_string))
        };
        let found = dedup::find_duplicates(
            &units,
            &run.paths,
            &options.duplicates,
            enabled(options),
            &text,
        );
        run.diagnostics.extend(found);
        timer.stage("duplicates");
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
        .sort_by(|a, b| a.path.cmp(&b.path).then(a.message.cmp(&b.message)));
    run
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
            eprintln!("[timing] {:>8.3} s  {name}", start.elapsed().as_secs_f64());
        }
    }
}
