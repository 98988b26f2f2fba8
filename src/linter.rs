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
    pub documents: Vec<Document>,
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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rules: rules::RULES.to_vec(),
            duplicates: dedup::Settings::default(),
        }
    }
}

pub fn lint(inputs: &[Input], mut errors: Vec<InputError>, options: &Options) -> Run {
    let read: Vec<Result<Source, InputError>> = inputs.par_iter().map(read).collect();
    let mut sources = Vec::new();
    for result in read {
        match result {
            Ok(source) => sources.push(source),
            Err(error) => errors.push(error),
        }
    }
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    sources.dedup_by(|a, b| a.path == b.path);
    let documents: Vec<Document> = sources
        .into_par_iter()
        .map(|source| {
            let format = Format::from_path(&source.path);
            Document::new(source, format)
        })
        .collect();
    lint_documents(documents, errors, options)
}

pub fn lint_documents(documents: Vec<Document>, errors: Vec<InputError>, options: &Options) -> Run {
    let mut diagnostics: Vec<Diagnostic> = documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, document)| {
            options
                .rules
                .iter()
                .filter(|rule| matches!(rule.check, Check::Document(_)))
                .flat_map(move |rule| rules::check_document(rule, document, index))
        })
        .collect();
    let enabled = |name: &str| options.rules.iter().any(|rule| rule.name == name);
    let duplicates = dedup::Enabled {
        exact: enabled(rules::duplicate_paragraph::RULE.name),
        near: enabled(rules::near_duplicate_paragraph::RULE.name),
    };
    if duplicates.exact || duplicates.near {
        diagnostics.extend(dedup::find_duplicates(
            &documents,
            &options.duplicates,
            duplicates,
        ));
    }
    // Documents are in path order, so the document index orders by path.
    diagnostics.sort_by(|a, b| {
        (a.document, a.span.start, a.rule, a.span.end).cmp(&(
            b.document,
            b.span.start,
            b.rule,
            b.span.end,
        ))
    });
    let mut errors = errors;
    errors.sort_by(|a, b| a.path.cmp(&b.path).then(a.message.cmp(&b.message)));
    Run {
        documents,
        diagnostics,
        errors,
    }
}
