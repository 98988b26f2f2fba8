//! `govlint server`: the language server. It speaks LSP over standard input and output with
//! `lsp-server`, rust-analyzer's synchronous transport: a linter needs no async runtime,
//! and the crate is kept by the rust-analyzer team (`tower-lsp` is unmaintained).
//!
//! The main thread answers the editor and never lints: linting the open documents and
//! reading the workspace run on threads of their own and report back on a channel, so a
//! 50 MB document delays its own diagnostics, not a hover or a shutdown. Changes are linted
//! once typing pauses (`DEBOUNCE`); one lint runs at a time, the next one taking every
//! change made meanwhile.
//!
//! The open documents are linted together with the workspace's files (read once on
//! `initialize`, through the cache, and read again when the editor says files changed), so
//! a paragraph pasted from any article of the workspace is a copy with a related place in
//! the other file. Findings are diagnostics in the position encoding the client negotiated;
//! fixes and suppressions are code actions carrying their `WorkspaceEdit`
//! (`actions`); hover shows the rule's page; the configuration is read again when it
//! changes, and one that cannot be used is shown on the file while the last good settings
//! stay in force (`settings`).

mod actions;
mod position;
mod settings;
mod uri;

use crate::document::source::Source;
use crate::document::{Document, Format};
use crate::linter::{Run, Workspace, lint_in_workspace};
use crate::report::diagnostic::Severity;
use crate::report::message::Lang;
use crossbeam_channel::{Sender, select};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, InitializeParams, Location, NumberOrString, PositionEncodingKind,
    PublishDiagnosticsParams, Range, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use position::Encoding;
use settings::{LangChoice, Problem, Settings};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

type Failure = Box<dyn Error + Send + Sync>;

/// How long typing must pause before the documents are linted again.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// Runs the server on standard input and output until the client says `exit`. `lang` is
/// `--lang`; without it the configuration or the editor's locale decides.
pub fn run(lang: Option<Lang>) -> Result<(), Failure> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection, lang)?;
    drop(connection);
    match io_threads.join() {
        // An editor that leaves right after `shutdown` (see `shut_down`) has closed the pipe
        // the answer was to go through: nothing was lost, nobody is there to be told.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// How long the server waits for `exit` after answering `shutdown`.
const EXIT_GRACE: Duration = Duration::from_secs(30);

/// Answers `shutdown`, then waits for `exit`. Neovim 0.10 and later do not wait for their
/// servers when they quit (their `exit_timeout` is off by default): they send `shutdown`
/// and close the pipes, often before `exit` goes out. The end of the input after `shutdown`
/// is the editor leaving and ends the server as `exit` does, with success; lsp-server's own
/// `handle_shutdown` takes it for a failure.
fn shut_down(connection: &Connection, id: RequestId) -> Result<(), Failure> {
    // Whether the answer arrives is the editor's affair: it may be gone already.
    let _ = connection.sender.send(Response::new_ok(id, ()).into());
    loop {
        match connection.receiver.recv_timeout(EXIT_GRACE) {
            Ok(Message::Notification(notification)) if notification.method == "exit" => {
                return Ok(());
            }
            // After `shutdown` the protocol has requests refused and notifications dropped.
            Ok(Message::Request(request)) => {
                let refusal = Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::InvalidRequest as i32,
                    "the server is shutting down".to_string(),
                );
                let _ = connection.sender.send(refusal.into());
            }
            Ok(_) => {}
            Err(error) if error.is_disconnected() => return Ok(()),
            Err(_) => return Err("no `exit` notification came after `shutdown`".into()),
        }
    }
}

fn serve(connection: &Connection, lang: Option<Lang>) -> Result<(), Failure> {
    let mut spellings = uri::Spellings::default();
    let (id, mut params) = connection.initialize_start()?;
    spellings.normalize(&mut params);
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
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
    let choice = LangChoice {
        arg: lang,
        client_locale: params.locale.clone(),
    };
    let roots = roots_of(&params);
    let watches = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let (events, inbox) = crossbeam_channel::unbounded();
    let mut server = Server::new(encoding, choice, roots, events);
    server.progress = params
        .capabilities
        .window
        .as_ref()
        .and_then(|window| window.work_done_progress)
        .unwrap_or(false);
    server.load_settings();
    for message in server.take_outbox() {
        send(connection, &spellings, message)?;
    }
    if watches {
        connection.sender.send(Message::Request(watch_request()))?;
    }
    server.start_indexing();
    loop {
        let due = match (server.lint_due, server.linting) {
            (Some(due), false) => crossbeam_channel::at(due),
            _ => crossbeam_channel::never(),
        };
        select! {
            recv(connection.receiver) -> message => {
                let Ok(mut message) = message else { break };
                match &mut message {
                    Message::Request(request) => spellings.normalize(&mut request.params),
                    Message::Notification(notification) => {
                        spellings.normalize(&mut notification.params);
                    }
                    Message::Response(_) => {}
                }
                match message {
                    Message::Request(request) => {
                        if request.method == "shutdown" {
                            return shut_down(connection, request.id);
                        }
                        let response = server.answer(request);
                        send(connection, &spellings, Message::Response(response))?;
                    }
                    Message::Notification(notification) => server.take(notification),
                    Message::Response(response) => server.answered(&response),
                }
            }
            recv(inbox) -> event => {
                if let Ok(event) = event {
                    server.receive(event);
                }
            }
            recv(due) -> _ => server.start_linting(),
        }
        for message in server.take_outbox() {
            send(connection, &spellings, message)?;
        }
    }
    Ok(())
}

/// Sends a message, its URIs spelled as the editor spelled them.
fn send(
    connection: &Connection,
    spellings: &uri::Spellings,
    mut message: Message,
) -> Result<(), Failure> {
    match &mut message {
        Message::Notification(notification) => spellings.restore(&mut notification.params),
        Message::Response(response) => {
            if let Some(result) = &mut response.result {
                spellings.restore(result);
            }
        }
        Message::Request(_) => {}
    }
    Ok(connection.sender.send(message)?)
}

/// The workspace folders the editor opened (the root URI of older clients).
fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .map(|folder| folder.uri.as_str())
        .chain(
            #[allow(deprecated)]
            params.root_uri.as_ref().map(|uri| uri.as_str()),
        )
        .filter(|uri| uri.starts_with("file:"))
        .map(|uri| PathBuf::from(uri::path_of(uri)))
        .collect();
    roots.dedup();
    roots.truncate(
        params
            .workspace_folders
            .as_ref()
            .map_or(1, |folders| folders.len().max(1)),
    );
    roots
}

/// Asks to be told when the configuration or an article of the workspace changes on disk.
fn watch_request() -> Request {
    let watchers: Vec<serde_json::Value> = [
        "**/govlint.toml",
        "**/.govlint.toml",
        "**/*.{txt,md,markdown,html,htm,xhtml,docx,doc,wps,odt}",
    ]
    .iter()
    .map(|glob| serde_json::json!({ "globPattern": glob }))
    .collect();
    Request::new(
        RequestId::from("govlint-watch".to_string()),
        "client/registerCapability".to_string(),
        serde_json::json!({ "registrations": [{
            "id": "govlint-watched-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": watchers },
        }]}),
    )
}

/// An open document as the editor last sent it.
struct Open {
    text: Arc<String>,
    version: i32,
    /// The editor's `languageId`, which decides the format of a document whose name does
    /// not (an unsaved Markdown draft).
    language: String,
}

/// A lint of the open documents: the run, and each document's URI, version and text as
/// linted, in the order of `Run::paths` (only the documents that were linted).
struct Linted {
    run: Run,
    documents: Vec<LintedDocument>,
    settings: Arc<Settings>,
}

struct LintedDocument {
    uri: String,
    version: i32,
    text: Arc<String>,
    /// Why it was not linted (too large, binary), said as its one diagnostic.
    refused: Option<String>,
}

/// What the threads report back.
enum Event {
    Linted(Box<std::thread::Result<Linted>>),
    Indexed(Box<Workspace>),
}

struct Server {
    encoding: Encoding,
    choice: LangChoice,
    roots: Vec<PathBuf>,
    settings: Arc<Settings>,
    /// The configuration file shown with a problem (its URI), to clear once it is fixed.
    config_problem: Option<String>,
    open: BTreeMap<String, Open>,
    workspace: Arc<Workspace>,
    last: Option<Linted>,
    /// URIs with diagnostics in the editor.
    published: BTreeSet<String>,
    lint_due: Option<Instant>,
    linting: bool,
    indexing: bool,
    index_again: bool,
    events: Sender<Event>,
    outbox: Vec<Message>,
    /// Rule pages written for `codeDescription`, by rule name.
    pages: HashMap<&'static str, Uri>,
    /// Whether the editor shows progress (`window.workDoneProgress`), and how many reads of
    /// the workspace it was told of (each read its own token).
    progress: bool,
    progress_reads: usize,
    /// The token of the progress the editor shows now.
    progress_shown: Option<String>,
}

impl Server {
    fn new(
        encoding: Encoding,
        choice: LangChoice,
        roots: Vec<PathBuf>,
        events: Sender<Event>,
    ) -> Server {
        let settings = Arc::new(Settings::defaults(
            roots.first().map(PathBuf::as_path),
            &choice,
        ));
        Server {
            encoding,
            choice,
            roots,
            settings,
            config_problem: None,
            open: BTreeMap::new(),
            workspace: Arc::new(Workspace::default()),
            last: None,
            published: BTreeSet::new(),
            lint_due: None,
            linting: false,
            indexing: false,
            index_again: false,
            events,
            outbox: Vec::new(),
            pages: HashMap::new(),
            progress: false,
            progress_reads: 0,
            progress_shown: None,
        }
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn take_outbox(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.outbox)
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        let params = serde_json::to_value(params).unwrap_or_default();
        self.outbox.push(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    /// Reads the configuration again: on success it is in force (and a problem shown on
    /// the file is cleared); on failure the problem is shown and the settings stay.
    fn load_settings(&mut self) {
        let root = self.roots.first().map(PathBuf::as_path);
        match Settings::load(root, &self.choice) {
            Ok(settings) => {
                self.settings = Arc::new(settings);
                if let Some(uri) = self.config_problem.take() {
                    self.publish(&uri, None, Vec::new());
                }
            }
            Err(problem) => self.show_problem(&problem),
        }
        self.pages = rule_pages(self.settings.lang);
    }

    fn show_problem(&mut self, problem: &Problem) {
        let Some(uri) = uri::uri_of(&absolute(&problem.path)) else {
            return;
        };
        let diagnostic = Diagnostic {
            range: self.encoding.range(&problem.text, problem.span.clone()),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("govlint".to_string()),
            message: problem.message.clone(),
            ..Diagnostic::default()
        };
        let uri = uri.as_str().to_string();
        self.publish(&uri, None, vec![diagnostic]);
        self.config_problem = Some(uri);
    }

    fn publish(&mut self, uri: &str, version: Option<i32>, diagnostics: Vec<Diagnostic>) {
        let Ok(parsed) = uri.parse::<Uri>() else {
            return;
        };
        if diagnostics.is_empty() {
            self.published.remove(uri);
        } else {
            self.published.insert(uri.to_string());
        }
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams {
                uri: parsed,
                diagnostics,
                version,
            },
        );
    }

    /// Reads the workspace's files on a thread of their own (again, when asked while
    /// reading).
    fn start_indexing(&mut self) {
        if self.indexing {
            self.index_again = true;
            return;
        }
        if self.roots.is_empty() {
            return;
        }
        self.indexing = true;
        self.begin_progress();
        let settings = self.settings.clone();
        let roots = self.roots.clone();
        let events = self.events.clone();
        std::thread::spawn(move || {
            let workspace = std::panic::catch_unwind(|| {
                let (inputs, _) =
                    crate::input::walk::collect_selected_inputs(&roots, "-", &settings.selection);
                let (workspace, _, _) = Workspace::read(&inputs, &settings.options);
                workspace
            })
            .unwrap_or_default();
            let _ = events.send(Event::Indexed(Box::new(workspace)));
        });
    }

    /// Asks the editor for a progress token to show that the workspace is being read
    /// (`window/workDoneProgress/create`); the progress begins once it answers.
    fn begin_progress(&mut self) {
        if !self.progress {
            return;
        }
        self.progress_reads += 1;
        let token = format!("govlint-workspace-{}", self.progress_reads);
        self.outbox.push(Message::Request(Request::new(
            RequestId::from(token.clone()),
            "window/workDoneProgress/create".to_string(),
            serde_json::json!({ "token": token }),
        )));
    }

    /// The editor answered a request of the server's: a progress token it created begins
    /// (and ends at once if the workspace was read meanwhile).
    fn answered(&mut self, response: &Response) {
        let token = format!("govlint-workspace-{}", self.progress_reads);
        if response.id != RequestId::from(token.clone()) || response.error.is_some() {
            return;
        }
        let title = crate::msg!("server-reading-workspace").render(self.lang());
        self.notify(
            "$/progress",
            serde_json::json!({ "token": token, "value": { "kind": "begin", "title": title } }),
        );
        self.progress_shown = Some(token);
        // A small workspace may be read before the editor answered.
        if !self.indexing {
            self.end_progress(self.workspace.len());
        }
    }

    fn end_progress(&mut self, files: usize) {
        let Some(token) = self.progress_shown.take() else {
            return;
        };
        let message = crate::msg!("server-workspace-read", files = files).render(self.lang());
        self.notify(
            "$/progress",
            serde_json::json!({ "token": token, "value": { "kind": "end", "message": message } }),
        );
    }

    /// Lints the open documents on a thread of its own.
    fn start_linting(&mut self) {
        self.lint_due = None;
        if self.open.is_empty() {
            // Nothing to show: closing cleared each document's diagnostics.
            return;
        }
        self.linting = true;
        let settings = self.settings.clone();
        let workspace = self.workspace.clone();
        let documents: Vec<(String, i32, Arc<String>, String)> = self
            .open
            .iter()
            .map(|(uri, open)| {
                let path = document_path(uri, &open.language);
                (uri.clone(), open.version, open.text.clone(), path)
            })
            .collect();
        let events = self.events.clone();
        std::thread::spawn(move || {
            let linted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                lint(documents, &workspace, settings)
            }));
            let _ = events.send(Event::Linted(Box::new(linted)));
        });
    }

    /// Lints after `delay`: a change puts the lint off until typing pauses (each keystroke
    /// starts the pause again); anything else (`Duration::ZERO`) lints as soon as it can.
    fn schedule(&mut self, delay: Duration) {
        let due = Instant::now() + delay;
        self.lint_due = Some(match self.lint_due {
            Some(earlier) if delay.is_zero() => earlier.min(due),
            _ => due,
        });
    }

    fn receive(&mut self, event: Event) {
        match event {
            Event::Indexed(workspace) => {
                self.indexing = false;
                self.end_progress(workspace.len());
                self.workspace = Arc::from(workspace);
                if std::mem::take(&mut self.index_again) {
                    self.start_indexing();
                }
                if !self.open.is_empty() {
                    self.schedule(Duration::ZERO);
                }
            }
            Event::Linted(result) => {
                self.linting = false;
                match *result {
                    Ok(linted) => self.show(linted),
                    // A rule that panics must not take the editor's server down with it:
                    // the documents keep the diagnostics they had, and the client is told.
                    Err(_) => {
                        let message = crate::msg!("server-lint-failed").render(self.lang());
                        self.notify(
                            "window/showMessage",
                            serde_json::json!({ "type": 1, "message": message }),
                        );
                    }
                }
            }
        }
    }

    /// Publishes a lint's diagnostics, and clears those of documents closed since.
    fn show(&mut self, linted: Linted) {
        let mut shown = BTreeSet::new();
        for (file, document) in linted.documents.iter().enumerate() {
            // A document closed since the lint started shows nothing.
            if !self.open.contains_key(&document.uri) {
                continue;
            }
            let diagnostics = match &document.refused {
                Some(reason) => vec![Diagnostic {
                    range: Range::default(),
                    severity: Some(DiagnosticSeverity::INFORMATION),
                    source: Some("govlint".to_string()),
                    message: reason.clone(),
                    ..Diagnostic::default()
                }],
                None => self.diagnostics_of(&linted, file),
            };
            shown.insert(document.uri.clone());
            let uri = document.uri.clone();
            self.publish(&uri, Some(document.version), diagnostics);
        }
        let stale: Vec<String> = self
            .published
            .iter()
            .filter(|uri| !shown.contains(*uri) && Some(*uri) != self.config_problem.as_ref())
            .cloned()
            .collect();
        for uri in stale {
            self.publish(&uri, None, Vec::new());
        }
        self.last = Some(linted);
    }

    fn diagnostics_of(&self, linted: &Linted, file: usize) -> Vec<Diagnostic> {
        let document = &linted.documents[file];
        let run = &linted.run;
        let open: HashMap<&str, &LintedDocument> = linted
            .documents
            .iter()
            .map(|d| (d.uri.as_str(), d))
            .collect();
        run.diagnostics
            .iter()
            .filter(|d| d.document == run.context + file)
            .map(|finding| {
                let related = finding
                    .related
                    .iter()
                    .filter_map(|related| {
                        let (uri, range) = self.place(linted, &open, related)?;
                        Some(DiagnosticRelatedInformation {
                            location: Location { uri, range },
                            message: related.message.render(self.lang()),
                        })
                    })
                    .collect::<Vec<_>>();
                let mut message = finding.message.render(self.lang());
                if let Some(help) = &finding.help {
                    message.push('\n');
                    message.push_str(&help.render(self.lang()));
                }
                let rule = finding.rule.as_str();
                Diagnostic {
                    range: self.encoding.range(&document.text, finding.span.clone()),
                    severity: Some(match finding.severity {
                        Severity::Error => DiagnosticSeverity::ERROR,
                        Severity::Warning => DiagnosticSeverity::WARNING,
                        Severity::Info => DiagnosticSeverity::INFORMATION,
                    }),
                    code: Some(NumberOrString::String(rule.to_string())),
                    code_description: self
                        .pages
                        .get(rule)
                        .map(|href| CodeDescription { href: href.clone() }),
                    source: Some("govlint".to_string()),
                    message,
                    related_information: (!related.is_empty()).then_some(related),
                    ..Diagnostic::default()
                }
            })
            .collect()
    }

    /// The URI and range of a related place: in an open document, or in a workspace file
    /// (its position as the run worked it out, lines and characters).
    fn place(
        &self,
        linted: &Linted,
        open: &HashMap<&str, &LintedDocument>,
        related: &crate::report::diagnostic::Related,
    ) -> Option<(Uri, Range)> {
        let run = &linted.run;
        if related.document >= run.context {
            let document = linted.documents.get(related.document - run.context)?;
            let text = &open.get(document.uri.as_str())?.text;
            return Some((
                document.uri.parse().ok()?,
                self.encoding.range(text, related.span.clone()),
            ));
        }
        let path = run.files.get(related.document)?.as_ref()?;
        let uri = uri::uri_of(&absolute(path))?;
        // The file is not open: it is read again (and decoded) for the line of the place.
        let source = run.source(related.document)?;
        Some((uri, self.encoding.range(&source.text, related.span.clone())))
    }

    /// Takes a notification in.
    fn take(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                else {
                    return;
                };
                let document = params.text_document;
                self.adopt_folder(document.uri.as_str());
                self.open.insert(
                    document.uri.as_str().to_string(),
                    Open {
                        text: Arc::new(document.text),
                        version: document.version,
                        language: document.language_id,
                    },
                );
                self.schedule(Duration::ZERO);
            }
            "textDocument/didChange" => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                else {
                    return;
                };
                // Full synchronisation: the last change holds the whole text.
                let uri = params.text_document.uri.as_str().to_string();
                if let (Some(change), Some(open)) = (
                    params.content_changes.into_iter().last(),
                    self.open.get_mut(&uri),
                ) {
                    open.text = Arc::new(change.text);
                    open.version = params.text_document.version;
                    self.schedule(DEBOUNCE);
                }
            }
            "textDocument/didClose" => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                else {
                    return;
                };
                let uri = params.text_document.uri.as_str();
                if self.open.remove(uri).is_some() {
                    let uri = uri.to_string();
                    self.publish(&uri, None, Vec::new());
                    self.schedule(Duration::ZERO);
                }
            }
            "textDocument/didSave" => self.files_changed(false),
            "workspace/didChangeWatchedFiles" => {
                let Ok(params) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(params)
                else {
                    return;
                };
                let config = params.changes.iter().any(|change| {
                    let path = uri::path_of(change.uri.as_str());
                    path.ends_with("/govlint.toml") || path.ends_with("/.govlint.toml")
                });
                self.files_changed(config);
            }
            "workspace/didChangeConfiguration" => self.files_changed(true),
            _ => {}
        }
    }

    /// Without a workspace folder (an editor opened one file), the first file opened under
    /// a `govlint.toml` makes the configuration's folder the workspace. A repository
    /// without one is not taken for a workspace: it may be a home directory kept in git.
    fn adopt_folder(&mut self, uri: &str) {
        if !self.roots.is_empty() || !uri.starts_with("file:") {
            return;
        }
        let path = absolute(Path::new(&uri::path_of(uri)));
        let Some(dir) = path.parent() else {
            return;
        };
        let config = crate::config::discover(dir);
        if let Some(folder) = config.as_deref().and_then(Path::parent) {
            let folder = folder.to_path_buf();
            self.roots = vec![folder];
            self.load_settings();
            self.start_indexing();
        }
    }

    /// Files of the workspace changed on disk (the configuration too, when `config`): the
    /// settings and the workspace are read again, and the documents linted again.
    fn files_changed(&mut self, config: bool) {
        if config {
            self.load_settings();
        }
        self.start_indexing();
        if !self.open.is_empty() {
            self.schedule(Duration::ZERO);
        }
    }

    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let invalid = |error: serde_json::Error| {
            Response::new_err(
                id.clone(),
                lsp_server::ErrorCode::InvalidParams as i32,
                error.to_string(),
            )
        };
        match request.method.as_str() {
            "textDocument/hover" => {
                match serde_json::from_value::<lsp_types::HoverParams>(request.params) {
                    Ok(params) => Response::new_ok(request.id, self.hover(&params)),
                    Err(error) => invalid(error),
                }
            }
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                    Err(error) => invalid(error),
                }
            }
            _ => Response::new_err(
                request.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("govlint server does not answer {}", request.method),
            ),
        }
    }

    /// The last lint of `uri`, if it was linted as the editor has it now (positions of an
    /// older text would point at the wrong characters).
    fn current(&self, uri: &str) -> Option<(&Linted, usize)> {
        let linted = self.last.as_ref()?;
        let file = linted.documents.iter().position(|d| d.uri == uri)?;
        let document = &linted.documents[file];
        let open = self.open.get(uri)?;
        (document.version == open.version && document.refused.is_none()).then_some((linted, file))
    }

    /// The documentation of the rules of the findings under the cursor.
    fn hover(&self, params: &lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let place = &params.text_document_position_params;
        let (linted, file) = self.current(place.text_document.uri.as_str())?;
        let text = &linted.documents[file].text;
        let at = Range {
            start: place.position,
            end: place.position,
        };
        let run = &linted.run;
        let mut rules: Vec<&str> = run
            .diagnostics
            .iter()
            .filter(|d| d.document == run.context + file)
            .filter(|d| actions::meets(self.encoding.range(text, d.span.clone()), at))
            .map(|d| d.rule.as_str())
            .collect();
        rules.sort_unstable();
        rules.dedup();
        let pages: Vec<String> = rules
            .iter()
            .filter_map(|rule| crate::rules::find(rule))
            .map(|rule| rule.documentation(self.lang()))
            .collect();
        (!pages.is_empty()).then(|| lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value: pages.join("\n\n---\n\n"),
            }),
            range: None,
        })
    }

    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some((linted, file)) = self.current(uri.as_str()) else {
            return Vec::new();
        };
        let document = &linted.documents[file];
        let run = &linted.run;
        let path = &run.paths[run.context + file];
        let target = actions::Target {
            uri,
            version: document.version,
            path,
            text: &document.text,
            encoding: self.encoding,
            lang: self.lang(),
        };
        let findings: Vec<&crate::report::diagnostic::Diagnostic> = run
            .diagnostics
            .iter()
            .filter(|d| d.document == run.context + file)
            .collect();
        let only = params.context.only.as_deref();
        let mut found = actions::quick_fixes(&target, &findings, params.range, only);
        found.extend(actions::suppressions(
            &target,
            &findings,
            params.range,
            only,
        ));
        found.extend(actions::fix_all(
            &target,
            &findings,
            &linted.settings.options,
            only,
        ));
        found
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }
}

/// Lints the open documents with the workspace. A document the configuration excludes is
/// not linted (and shows nothing); one too large or binary is refused with the reason.
fn lint(
    documents: Vec<(String, i32, Arc<String>, String)>,
    workspace: &Workspace,
    settings: Arc<Settings>,
) -> Linted {
    let lang = settings.lang;
    let limit = settings.options.max_file_size;
    let mut linted_documents = Vec::new();
    let mut refused = Vec::new();
    let mut sources = Vec::new();
    for (uri, version, text, path) in documents {
        if uri.starts_with("file:") && settings.selection.excludes(Path::new(&path)) {
            continue;
        }
        let reason = if text.len() as u64 > limit {
            let limit = crate::input::read::megabytes(limit);
            Some(crate::msg!("input-stream-too-large", limit = limit).render(lang))
        } else if text.contains('\0') {
            Some(crate::msg!("input-binary-nul-characters").render(lang))
        } else {
            None
        };
        let document = LintedDocument {
            uri,
            version,
            text,
            refused: reason,
        };
        if document.refused.is_some() {
            refused.push(document);
        } else {
            sources.push(Document::new(
                Source::new(&path, document.text.as_str().to_string()),
                Format::from_path(&path),
            ));
            linted_documents.push((path, document));
        }
    }
    let run = lint_in_workspace(sources, workspace, &settings.options);
    // `Run::paths` is sorted: the documents in that order, after the workspace's files.
    let mut by_path: HashMap<String, LintedDocument> = linted_documents.into_iter().collect();
    let mut documents: Vec<LintedDocument> = run.paths[run.context..]
        .iter()
        .filter_map(|path| by_path.remove(path))
        .collect();
    documents.extend(refused);
    Linted {
        run,
        documents,
        settings,
    }
}

/// The path a document is linted under: its file's, with the extension of its
/// `languageId` added where the name says nothing of the format (`untitled:Untitled-1`).
fn document_path(uri: &str, language: &str) -> String {
    let path = uri::path_of(uri);
    let named = Path::new(&path).extension().is_some_and(|extension| {
        Format::from_path(&path) != Format::PlainText || extension == "txt"
    });
    match language {
        _ if named => path,
        "markdown" => path + ".md",
        "html" => path + ".html",
        _ => path,
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Each rule's page, written as a Markdown file under the user's cache directory, for
/// `codeDescription`: govlint has no documentation site, and editors open a file link.
/// Empty when the directory cannot be written (diagnostics then carry no link).
fn rule_pages(lang: Lang) -> HashMap<&'static str, Uri> {
    let Some(base) = settings::user_cache_dir() else {
        return HashMap::new();
    };
    let lang_dir = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    let dir = base
        .join("rules")
        .join(env!("CARGO_PKG_VERSION"))
        .join(lang_dir);
    if std::fs::create_dir_all(&dir).is_err() {
        return HashMap::new();
    }
    let mut pages = HashMap::new();
    for rule in crate::rules::RULES {
        let page = dir.join(format!("{}.md", rule.name));
        let text = rule.documentation(lang);
        let written = std::fs::read_to_string(&page).is_ok_and(|old| old == text) || {
            // Written beside and renamed: a reader never sees half a page.
            let partial = dir.join(format!(".{}.{}.tmp", rule.name, std::process::id()));
            std::fs::write(&partial, &text).is_ok() && std::fs::rename(&partial, &page).is_ok()
        };
        if let (true, Some(uri)) = (written, uri::uri_of(&absolute(&page))) {
            pages.insert(rule.name, uri);
        }
    }
    pages
}
