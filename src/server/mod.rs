//! `govlint server`: the language server (issue 22, first part). It speaks LSP over
//! standard input and output with `lsp-server`, rust-analyzer's synchronous transport: a
//! linter that answers in milliseconds needs no async runtime, and the crate is kept by the
//! rust-analyzer team (`tower-lsp` is unmaintained).
//!
//! The open documents are linted together on every change, so a paragraph pasted from one
//! open document into another is a copy with a related place in the other. Each finding
//! becomes a diagnostic, its range in the position encoding the client negotiated (UTF-8
//! where offered, else UTF-16); a finding's fix is a quick fix, a `WorkspaceEdit` the
//! server sends, so no client command is needed.
//!
//! Not yet: the workspace's files beyond the open ones, hover, the configuration file,
//! "fix all" and "disable" actions, debouncing (see the README's list).

mod position;

use crate::document::source::Source;
use crate::document::{Document, Format};
use crate::linter::{Options, Run, lint_documents};
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    InitializeParams, Location, NumberOrString, PositionEncodingKind, PublishDiagnosticsParams,
    Range, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit, Uri,
    WorkspaceEdit,
};
use position::Encoding;
use std::collections::{BTreeMap, HashMap};
use std::error::Error;

type Failure = Box<dyn Error + Send + Sync>;

/// Runs the server on standard input and output until the client says `exit`.
pub fn run(lang: Lang) -> Result<(), Failure> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection, lang)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

fn serve(connection: &Connection, lang: Lang) -> Result<(), Failure> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities,
            "serverInfo": { "name": "govlint", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    let mut server = Server {
        encoding,
        lang,
        open: BTreeMap::new(),
        run: None,
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.answer(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) => {
                if server.take(notification) {
                    for published in server.lint() {
                        connection.sender.send(Message::Notification(published))?;
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

struct Server {
    encoding: Encoding,
    lang: Lang,
    /// The open documents' text, by URI.
    open: BTreeMap<String, String>,
    /// The last run over them, with the URIs in the order of `Run::paths`.
    run: Option<(Run, Vec<String>)>,
}

impl Server {
    /// Takes a notification in; whether the open documents changed.
    fn take(&mut self, notification: Notification) -> bool {
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(params) =
                    serde_json::from_value::<DidOpenTextDocumentParams>(notification.params)
                else {
                    return false;
                };
                let document = params.text_document;
                self.open
                    .insert(document.uri.as_str().to_string(), document.text);
                true
            }
            "textDocument/didChange" => {
                let Ok(params) =
                    serde_json::from_value::<DidChangeTextDocumentParams>(notification.params)
                else {
                    return false;
                };
                // Full synchronisation: the last change holds the whole text.
                match params.content_changes.into_iter().last() {
                    Some(change) => {
                        self.open
                            .insert(params.text_document.uri.as_str().to_string(), change.text);
                        true
                    }
                    None => false,
                }
            }
            "textDocument/didClose" => {
                let Ok(params) =
                    serde_json::from_value::<DidCloseTextDocumentParams>(notification.params)
                else {
                    return false;
                };
                self.open
                    .remove(params.text_document.uri.as_str())
                    .is_some()
            }
            _ => false,
        }
    }

    /// Lints the open documents together and says each one's diagnostics (an empty list
    /// for a closed one, which clears what the editor shows).
    fn lint(&mut self) -> Vec<Notification> {
        let previous_run = self.run.take();
        let previous: Vec<String> = previous_run
            .as_ref()
            .map(|(_, uris)| uris.clone())
            .unwrap_or_default();
        let documents: Vec<Document> = self
            .open
            .iter()
            .map(|(uri, text)| {
                let path = path_of(uri);
                let format = Format::from_path(&path);
                Document::new(Source::new(&path, text.clone()), format)
            })
            .collect();
        let mut options = Options::default();
        // As `govlint check` does by default: copies across the documents too.
        options.duplicates.scope = crate::dedup::Scope::Repository;
        // A rule that panics must not take the editor's server down with it: the documents
        // keep the diagnostics they had, and the client is told.
        let run = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            lint_documents(documents, Vec::new(), &options)
        })) {
            Ok(run) => run,
            Err(_) => {
                let message = crate::msg!("server-lint-failed").render(self.lang);
                let params = serde_json::json!({ "type": 1, "message": message });
                self.run = previous_run;
                return vec![Notification::new("window/showMessage".to_string(), params)];
            }
        };
        // `Run::paths` is sorted; the open documents' URIs in that order.
        let by_path: HashMap<String, &String> =
            self.open.keys().map(|uri| (path_of(uri), uri)).collect();
        let uris: Vec<String> = run
            .paths
            .iter()
            .map(|path| by_path.get(path).map_or_else(String::new, |u| (*u).clone()))
            .collect();
        let mut notifications = Vec::new();
        for (file, uri) in uris.iter().enumerate() {
            let diagnostics = self.diagnostics_of(&run, &uris, file);
            notifications.push(publish(uri, diagnostics));
        }
        for uri in previous.iter().filter(|uri| !self.open.contains_key(*uri)) {
            notifications.push(publish(uri, Vec::new()));
        }
        self.run = Some((run, uris));
        notifications
    }

    fn diagnostics_of(&self, run: &Run, uris: &[String], file: usize) -> Vec<Diagnostic> {
        let Some(text) = self.open.get(&uris[file]) else {
            return Vec::new();
        };
        run.diagnostics
            .iter()
            .filter(|d| d.document == file)
            .map(|finding| {
                let related = finding
                    .related
                    .iter()
                    .filter_map(|related| {
                        let uri = uris.get(related.document)?;
                        let other = self.open.get(uri)?;
                        Some(DiagnosticRelatedInformation {
                            location: Location {
                                uri: uri.parse().ok()?,
                                range: self.encoding.range(other, related.span.clone()),
                            },
                            message: related.message.render(self.lang),
                        })
                    })
                    .collect::<Vec<_>>();
                let mut message = finding.message.render(self.lang);
                if let Some(help) = &finding.help {
                    message.push('\n');
                    message.push_str(&help.render(self.lang));
                }
                Diagnostic {
                    range: self.encoding.range(text, finding.span.clone()),
                    severity: Some(match finding.severity {
                        Severity::Error => DiagnosticSeverity::ERROR,
                        Severity::Warning => DiagnosticSeverity::WARNING,
                        Severity::Info => DiagnosticSeverity::INFORMATION,
                    }),
                    code: Some(NumberOrString::String(finding.rule.as_str().to_string())),
                    source: Some("govlint".to_string()),
                    message,
                    related_information: (!related.is_empty()).then_some(related),
                    ..Diagnostic::default()
                }
            })
            .collect()
    }

    fn answer(&self, request: Request) -> Response {
        match request.method.as_str() {
            "textDocument/hover" => {
                match serde_json::from_value::<lsp_types::HoverParams>(request.params) {
                    Ok(params) => Response::new_ok(request.id, self.hover(&params)),
                    Err(error) => Response::new_err(
                        request.id,
                        lsp_server::ErrorCode::InvalidParams as i32,
                        error.to_string(),
                    ),
                }
            }
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                    Err(error) => Response::new_err(
                        request.id,
                        lsp_server::ErrorCode::InvalidParams as i32,
                        error.to_string(),
                    ),
                }
            }
            _ => Response::new_err(
                request.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("govlint server does not answer {}", request.method),
            ),
        }
    }

    /// The documentation of the rules of the findings under the cursor.
    fn hover(&self, params: &lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let place = &params.text_document_position_params;
        let uri = place.text_document.uri.as_str();
        let (Some((run, uris)), Some(text)) = (&self.run, self.open.get(uri)) else {
            return None;
        };
        let file = uris.iter().position(|u| u == uri)?;
        let at = Range {
            start: place.position,
            end: place.position,
        };
        let mut rules: Vec<&str> = run
            .diagnostics
            .iter()
            .filter(|d| d.document == file)
            .filter(|d| meets(self.encoding.range(text, d.span.clone()), at))
            .map(|d| d.rule.as_str())
            .collect();
        rules.sort_unstable();
        rules.dedup();
        let pages: Vec<String> = rules
            .iter()
            .filter_map(|rule| crate::rules::find(rule))
            .map(|rule| rule.documentation(self.lang))
            .collect();
        (!pages.is_empty()).then(|| lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value: pages.join("\n\n---\n\n"),
            }),
            range: None,
        })
    }

    /// A quick fix for each finding with a fix whose range meets the one asked about.
    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = params.text_document.uri.as_str();
        let (Some((run, uris)), Some(text)) = (&self.run, self.open.get(uri)) else {
            return Vec::new();
        };
        let Some(file) = uris.iter().position(|u| u == uri) else {
            return Vec::new();
        };
        let asked = params.range;
        let mut actions = Vec::new();
        for finding in run.diagnostics.iter().filter(|d| d.document == file) {
            let Some(fix) = &finding.fix else {
                continue;
            };
            let range = self.encoding.range(text, finding.span.clone());
            if !meets(range, asked) {
                continue;
            }
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|edit| TextEdit {
                    range: self.encoding.range(text, edit.range.clone()),
                    new_text: edit.replacement.clone(),
                })
                .collect();
            let Ok(target) = uri.parse::<Uri>() else {
                continue;
            };
            let mut title = fix.title.render(self.lang);
            if !fix.safe {
                title = crate::msg!("server-unsafe-fix", title = title).render(self.lang);
            }
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit {
                    changes: Some(std::collections::HashMap::from([(target, edits)])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }));
        }
        actions
    }
}

/// Whether two ranges share a position (an empty range at a finding's edge meets it).
fn meets(a: Range, b: Range) -> bool {
    let key = |p: lsp_types::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

fn publish(uri: &str, diagnostics: Vec<Diagnostic>) -> Notification {
    let params = match uri.parse::<Uri>() {
        Ok(uri) => serde_json::to_value(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version: None,
        })
        .unwrap_or_default(),
        Err(_) => serde_json::Value::Null,
    };
    Notification::new("textDocument/publishDiagnostics".to_string(), params)
}

/// The file path a `file:` URI names (percent-decoded), or the URI itself: what decides the
/// format (by extension) and what findings name.
fn path_of(uri: &str) -> String {
    let Some(rest) = uri.strip_prefix("file://") else {
        return uri.to_string();
    };
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(Some(high)), Some(Some(low))) = (
                bytes.get(i + 1).map(|&b| hex(b)),
                bytes.get(i + 2).map(|&b| hex(b)),
            )
        {
            decoded.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        decoded.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            path_of("file:///tmp/%E9%80%9A%E7%9F%A5%20a.md"),
            "/tmp/通知 a.md"
        );
        assert_eq!(path_of("untitled:Untitled-1"), "untitled:Untitled-1");
        assert_eq!(path_of("file:///a%2"), "/a%2");
    }
}
