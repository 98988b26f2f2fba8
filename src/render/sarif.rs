//! `--format sarif`: SARIF 2.1.0, the OASIS interchange format that code-scanning services
//! (GitHub code scanning among them) and editors' SARIF viewers read. One run, every rule
//! described with its documentation, every finding with its place, related places and fix.
//!
//! Columns are counted in Unicode code points (`columnKind: unicodeCodePoints`), the same
//! characters `Position::column` counts; `byteOffset`/`byteLength` give the exact byte span
//! as well.

use crate::document::source::Position;
use crate::linter::Run;
use crate::render::locate::{Locator, Locators};
use crate::render::{portable_path, project_url};
use crate::report::diagnostic::{Diagnostic, Fix, Related, Severity};
use crate::report::message::Lang;
use crate::rules::{self, RuleInfo};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::ops::Range;

/// The schema's own identifier, which SARIF consumers recognize.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`; bump the version if what is hashed
/// changes, so that services do not match old findings against new ones.
const FINGERPRINT: &str = "govlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text<'static>,
    full_description: Formatted,
    help: Formatted,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    /// What `--fix` can do about the rule's findings.
    fix: String,
}

#[derive(Serialize)]
struct Text<'a> {
    text: Cow<'a, str>,
}

/// A message with plain-text and Markdown forms; govlint's documentation is Markdown that
/// reads well as plain text too.
#[derive(Serialize)]
struct Formatted {
    text: String,
    markdown: String,
}

impl Formatted {
    fn markdown(text: String) -> Formatted {
        Formatted {
            markdown: text.clone(),
            text,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    /// False when some path could not be linted or fixed (exit code 2); findings alone
    /// are a successful run.
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    char_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// Safe fixes are applied by `--fix`; unsafe ones want an editor's eye first.
    safe: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

pub fn render(run: &Run, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
    let mut locators = Locators::new(run);
    let mut results = Vec::with_capacity(run.diagnostics.len());
    let mut seen_fingerprints = Fingerprints::default();
    for (index, diagnostic) in run.diagnostics.iter().enumerate() {
        let new_file = index == 0 || run.diagnostics[index - 1].document != diagnostic.document;
        if new_file {
            locators.forget();
            seen_fingerprints = Fingerprints::default();
        }
        results.push(result(
            run,
            diagnostic,
            &mut locators,
            &mut seen_fingerprints,
            lang,
        ));
    }
    let unread: Vec<(&str, String)> = run
        .unread_notes()
        .map(|(path, note)| (path, note.render(lang)))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [SarifRun {
            tool: Tool {
                driver: Driver {
                    name: "govlint",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: project_url(),
                    rules: rules::RULES
                        .iter()
                        .map(|rule| descriptor(rule, lang))
                        .collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: run.errors.is_empty() && run.fix_errors.is_empty(),
                tool_execution_notifications: run
                    .errors
                    .iter()
                    .chain(&run.fix_errors)
                    .map(|error| Notification {
                        level: "error",
                        message: Text {
                            text: error.message.render(lang).into(),
                        },
                        locations: [Location {
                            id: None,
                            physical_location: PhysicalLocation {
                                artifact_location: artifact(&error.path),
                                region: None,
                            },
                            message: None,
                        }],
                    })
                    .chain(unread.iter().map(|(path, note)| Notification {
                        level: "note",
                        message: Text {
                            text: note.as_str().into(),
                        },
                        locations: [Location {
                            id: None,
                            physical_location: PhysicalLocation {
                                artifact_location: artifact(path),
                                region: None,
                            },
                            message: None,
                        }],
                    }))
                    .collect(),
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn descriptor(rule: &'static RuleInfo, lang: Lang) -> RuleDescriptor {
    RuleDescriptor {
        id: rule.name,
        short_description: Text {
            text: rule.summary(lang).into(),
        },
        full_description: Formatted::markdown(rule.explanation(lang).to_string()),
        help: Formatted::markdown(rule.documentation(lang)),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            fix: rule.fix.describe(lang),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result<'a>(
    run: &'a Run,
    diagnostic: &'a Diagnostic,
    locators: &mut Locators<'a>,
    seen_fingerprints: &mut Fingerprints,
    lang: Lang,
) -> SarifResult<'a> {
    let path = &run.paths[diagnostic.document];
    let locator = locators.get(diagnostic.document);
    let region = Region {
        byte_offset: Some(diagnostic.span.start),
        byte_length: Some(diagnostic.span.len()),
        ..placed_region(
            locator,
            &diagnostic.span,
            diagnostic.start,
            Some(diagnostic.end),
        )
    };
    let fingerprint = fingerprint(diagnostic, path, locator, seen_fingerprints);
    let fixes = match (&diagnostic.fix, locator) {
        (Some(fix), Some(locator)) => vec![sarif_fix(fix, path, locator, lang)],
        // Without the text an edit cannot be placed in characters, and a fix placed wrong
        // is worse than none.
        _ => Vec::new(),
    };
    let related_locations = diagnostic
        .related
        .iter()
        .enumerate()
        .map(|(i, related)| related_location(run, i + 1, related, locators, lang))
        .collect();
    SarifResult {
        rule_id: diagnostic.rule.as_str(),
        rule_index: rules::RULES.iter().position(|r| r.name == diagnostic.rule),
        level: level(diagnostic.severity),
        message: Text {
            text: diagnostic.message.render(lang).into(),
        },
        locations: [Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact(path),
                region: Some(region),
            },
            message: None,
        }],
        related_locations,
        partial_fingerprints: BTreeMap::from([(FINGERPRINT, fingerprint)]),
        fixes,
    }
}

/// The region of a byte span in characters, with its offsets from the start of the file.
fn char_region(locator: &Locator, span: &Range<usize>) -> Region {
    let start = locator.position(span.start);
    let end = locator.position(span.end);
    let char_offset = locator.char_offset(span.start);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: Some(end.line),
        end_column: Some(end.column),
        char_offset: Some(char_offset),
        char_length: Some(locator.char_offset(span.end) - char_offset),
        ..Region::default()
    }
}

/// `char_region` when the file's text is at hand, else the positions already known.
fn placed_region(
    locator: Option<&Locator>,
    span: &Range<usize>,
    start: Position,
    end: Option<Position>,
) -> Region {
    match locator {
        Some(locator) => char_region(locator, span),
        None => Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.map(|end| end.line),
            end_column: end.map(|end| end.column),
            ..Region::default()
        },
    }
}

fn related_location<'a>(
    run: &'a Run,
    id: usize,
    related: &'a Related,
    locators: &mut Locators<'a>,
    lang: Lang,
) -> Location<'a> {
    let locator = locators.get(related.document);
    Location {
        id: Some(id),
        physical_location: PhysicalLocation {
            artifact_location: artifact(&run.paths[related.document]),
            region: Some(Region {
                byte_offset: Some(related.span.start),
                byte_length: Some(related.span.len()),
                ..placed_region(locator, &related.span, related.start, None)
            }),
        },
        message: Some(Text {
            text: related.message.render(lang).into(),
        }),
    }
}

fn sarif_fix<'a>(fix: &'a Fix, path: &str, locator: &Locator, lang: Lang) -> SarifFix<'a> {
    SarifFix {
        description: Text {
            text: fix.title.render(lang).into(),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: artifact(path),
            replacements: fix
                .edits
                .iter()
                .map(|edit| Replacement {
                    deleted_region: char_region(locator, &edit.range),
                    inserted_content: Text {
                        text: edit.replacement.as_str().into(),
                    },
                })
                .collect(),
        }],
        properties: FixProperties { safe: fix.safe },
    }
}

/// Lines longer than this many bytes enter fingerprints by their hash: a 1 MB line with
/// 100 000 findings is hashed once, not 100 000 times.
const LONG_LINE: usize = 4096;

/// Per file: how many findings had each fingerprint so far, and the hashes of long lines.
#[derive(Default)]
struct Fingerprints {
    ordinals: HashMap<u64, usize>,
    long_lines: HashMap<usize, u64>,
}

/// What identifies a finding across runs while lines move around it: the rule, the file,
/// the marked text and the line it stands in. The same fault twice on identical lines is
/// told apart by an ordinal, as GitHub does for its own line hashes.
fn fingerprint(
    diagnostic: &Diagnostic,
    path: &str,
    locator: Option<&Locator>,
    seen: &mut Fingerprints,
) -> String {
    let mut key = Vec::new();
    for part in [diagnostic.rule.as_str(), &portable_path(path)] {
        key.extend_from_slice(part.as_bytes());
        key.push(0);
    }
    match locator {
        Some(locator) => {
            let text = locator.text();
            let marked = text.get(diagnostic.span.clone()).unwrap_or_default();
            let around = locator.line_around(diagnostic.span.start);
            let line = text[around.clone()].trim();
            key.extend_from_slice(marked.as_bytes());
            key.push(0);
            if line.len() <= LONG_LINE {
                key.extend_from_slice(line.as_bytes());
            } else {
                // A long line is hashed once, not once per finding in it.
                let hash = *seen
                    .long_lines
                    .entry(around.start)
                    .or_insert_with(|| xxhash_rust::xxh3::xxh3_64(line.as_bytes()));
                key.extend_from_slice(&hash.to_le_bytes());
            }
        }
        // The message names the rule's view of the fault; a weaker key, but stable.
        None => key.extend_from_slice(diagnostic.message.english().as_bytes()),
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&key);
    let ordinal = seen.ordinals.entry(hash).or_insert(0);
    *ordinal += 1;
    format!("{hash:016x}:{ordinal}")
}

/// A path as a URI reference: `/` kept, anything that is not plainly allowed in a URI path
/// percent-encoded as UTF-8 (Chinese file names, spaces, `%`, and `:`, which would
/// otherwise read as a scheme).
fn artifact(path: &str) -> ArtifactLocation {
    let mut uri = String::with_capacity(path.len());
    for byte in portable_path(path).bytes() {
        let plain = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte);
        if plain {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    ArtifactLocation { uri }
}
