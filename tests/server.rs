//! `govlint server` driven over standard input and output as an editor drives it:
//! initialize, open, change with Chinese edits, ask for code actions, shut down. Positions
//! are checked in UTF-16 (the protocol's default) and in UTF-8 (when the client offers it).

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: i64,
    /// The server's cache directory (`XDG_CACHE_HOME`), removed with the client.
    cache: tempfile::TempDir,
}

/// How a test's editor starts the server.
struct Setup<'a> {
    encodings: &'a [&'a str],
    /// `--lang`; `None` leaves it to the configuration or the locale.
    lang: Option<&'a str>,
    locale: Option<&'a str>,
    root: Option<&'a Path>,
    /// Whether the editor can watch files for the server.
    watches: bool,
}

const DEFAULT: Setup = Setup {
    encodings: &["utf-16"],
    lang: Some("en"),
    locale: None,
    root: None,
    watches: false,
};

impl Client {
    fn start(encodings: &[&str]) -> Client {
        Client::with(&Setup {
            encodings,
            ..DEFAULT
        })
    }

    fn with(setup: &Setup) -> Client {
        let cache = tempfile::tempdir().expect("a cache directory");
        let mut command = Command::new(env!("CARGO_BIN_EXE_govlint"));
        command.arg("server");
        if let Some(lang) = setup.lang {
            command.args(["--lang", lang]);
        }
        let mut child = command
            .env("XDG_CACHE_HOME", cache.path())
            .env("LC_ALL", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("govlint server starts");
        let input = child.stdin.take().expect("stdin");
        let output = BufReader::new(child.stdout.take().expect("stdout"));
        let mut client = Client {
            child,
            input,
            output,
            next_id: 1,
            cache,
        };
        let root = setup.root.map(uri_of);
        let reply = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "locale": setup.locale,
                "workspaceFolders": root.as_ref().map(|uri| json!([{"uri": uri, "name": "ws"}])),
                "capabilities": {
                    "general": { "positionEncodings": setup.encodings },
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": setup.watches } },
                },
            }),
        );
        assert_eq!(reply["result"]["serverInfo"]["name"], "govlint");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.output.read_line(&mut line).expect("a header line");
            assert!(!line.is_empty(), "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).expect("the body");
        serde_json::from_slice(&body).expect("JSON")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message["id"] == id {
                return message;
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = self.receive();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"]["diagnostics"]
                    .as_array()
                    .expect("a list")
                    .clone();
            }
        }
    }

    /// The diagnostics published for `uri` until some satisfy `wanted` (a lint without the
    /// workspace may come first, while the workspace is read).
    fn diagnostics_until(&mut self, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        loop {
            let diagnostics = self.diagnostics(uri);
            if wanted(&diagnostics) {
                return diagnostics;
            }
        }
    }

    /// The actions offered for `range` of `uri`, of the kinds in `only` (all when empty).
    fn actions(&mut self, uri: &str, range: &Value, only: &[&str]) -> Vec<Value> {
        let mut context = json!({"diagnostics": []});
        if !only.is_empty() {
            context["only"] = json!(only);
        }
        let reply = self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range, "context": context}),
        );
        reply["result"].as_array().cloned().unwrap_or_default()
    }

    fn stop(mut self) {
        let reply = self.request("shutdown", Value::Null);
        assert!(reply["error"].is_null(), "{reply}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "{status}");
        drop(self.cache);
    }
}

/// The `file:` URI of a path (what an editor sends), percent-encoded.
fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_str().expect("a UTF-8 path").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// `text` with a document's edits applied (positions in UTF-16 units), as an editor
/// applies a `WorkspaceEdit`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().expect("a line") as usize;
        let character = position["character"].as_u64().expect("a character") as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let mut at = line_start;
        for c in text[line_start..].chars() {
            if units >= character {
                break;
            }
            units += c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset(&edit["range"]["start"]),
                offset(&edit["range"]["end"]),
                edit["newText"].as_str().expect("new text"),
            )
        })
        .collect();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.0));
    let mut text = text.to_string();
    for (start, end, new) in edits {
        text.replace_range(start..end, new);
    }
    text
}

/// The edits of an action's `WorkspaceEdit` for `uri`, checked to name the version `version`.
fn edits_of(action: &Value, uri: &str, version: i64) -> Vec<Value> {
    let change = &action["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["uri"], uri, "{action}");
    assert_eq!(change["textDocument"]["version"], version, "{action}");
    change["edits"].as_array().cloned().expect("edits")
}

const URI: &str = "file:///tmp/%E9%80%9A%E7%9F%A5.txt";

fn open(client: &mut Client, uri: &str, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
}

fn finding<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:?}"))
}

#[test]
fn findings_are_placed_in_utf16_units_and_fixed_by_a_workspace_edit() {
    let mut client = Client::start(&["utf-16"]);
    // An astral character (two UTF-16 units) before the half-width comma, on line 2.
    open(
        &mut client,
        URI,
        "　　标题\r\n　　近年来𠀀,全区建设迈上新台阶。\n",
    );
    let diagnostics = client.diagnostics(URI);
    let comma = finding(&diagnostics, "halfwidth-punctuation");
    assert_eq!(
        comma["range"],
        json!({"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 8}})
    );
    assert_eq!(comma["severity"], 2);
    assert_eq!(comma["source"], "govlint");
    let reply = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": comma["range"],
            "context": {"diagnostics": []},
        }),
    );
    let actions = reply["result"].as_array().expect("actions");
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("{reply}"));
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(
        edits_of(fix, URI, 1),
        vec![json!({"range": comma["range"], "newText": "，"})]
    );
    // An edit in Chinese moves the finding: two characters typed before it.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"text": "　　标题\r\n　　近几年来𠀀𠀀,全区建设迈上新台阶。\n"}],
        }),
    );
    let diagnostics = client.diagnostics(URI);
    let comma = finding(&diagnostics, "halfwidth-punctuation");
    assert_eq!(comma["range"]["start"], json!({"line": 1, "character": 10}));
    // Closing clears what the editor shows.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(client.diagnostics(URI), Vec::<Value>::new());
    client.stop();
}

#[test]
fn utf8_is_used_where_the_client_offers_it() {
    let mut client = Client::start(&["utf-8", "utf-16"]);
    open(&mut client, URI, "　　近年来𠀀,全区建设迈上新台阶。\n");
    let diagnostics = client.diagnostics(URI);
    let comma = finding(&diagnostics, "halfwidth-punctuation");
    // Two ideographic spaces (3 bytes each), three Han characters (3), one astral (4).
    assert_eq!(comma["range"]["start"], json!({"line": 0, "character": 19}));
    client.stop();
}

/// A paragraph pasted from one open document into another is a copy, with the place it
/// repeats in the other document.
#[test]
fn copies_between_open_documents_point_at_each_other() {
    let paragraph = "　　全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革，持续优化营商环境，推动法治政府建设迈上新台阶。\n";
    let mut client = Client::start(&["utf-16"]);
    let first = "file:///tmp/a.txt";
    let second = "file:///tmp/b.txt";
    open(&mut client, first, paragraph);
    assert_eq!(client.diagnostics(first), Vec::<Value>::new());
    open(&mut client, second, paragraph);
    let diagnostics = client.diagnostics(second);
    let copy = finding(&diagnostics, "duplicate-paragraph");
    let related = &copy["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], first);
    assert_eq!(
        related["range"]["start"],
        json!({"line": 0, "character": 2})
    );
    client.stop();
}

/// Hovering over a finding shows its rule's page, in the server's language.
#[test]
fn hover_shows_the_rule_page() {
    let mut client = Client::start(&["utf-16"]);
    open(&mut client, URI, "　　近年来,全区建设迈上新台阶。\n");
    client.diagnostics(URI);
    let reply = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 5}}),
    );
    let page = reply["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(page.contains("halfwidth-punctuation"), "{reply}");
    assert_eq!(reply["result"]["contents"]["kind"], "markdown");
    // Away from any finding: nothing.
    let reply = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 12}}),
    );
    assert!(reply["result"].is_null(), "{reply}");
    client.stop();
}
