//! `govlint server` driven over standard input and output as an editor drives it:
//! initialize, open, change with Chinese edits, ask for code actions, shut down. Positions
//! are checked in UTF-16 (the protocol's default) and in UTF-8 (when the client offers it).

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

struct Client {
    child: Child,
    input: ChildStdin,
    /// The server's messages, read on a thread of their own so that a test waits for one
    /// with a time limit instead of hanging.
    output: Receiver<Value>,
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
    /// Whether the editor shows the server's progress.
    progress: bool,
}

const DEFAULT: Setup = Setup {
    encodings: &["utf-16"],
    lang: Some("en"),
    locale: None,
    root: None,
    watches: false,
    progress: false,
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
            .env("LOCALAPPDATA", cache.path())
            .env("LC_ALL", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("govlint server starts");
        let input = child.stdin.take().expect("stdin");
        let output = read_messages(child.stdout.take().expect("stdout"));
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
                    "window": { "workDoneProgress": setup.progress },
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
        self.output
            .recv_timeout(Duration::from_secs(120))
            .expect("a message from the server within two minutes")
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

/// The messages the server writes, one by one, until it closes its output.
fn read_messages(stdout: ChildStdout) -> Receiver<Value> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut output = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if output.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse().expect("a length");
                }
            }
            let mut body = vec![0; length];
            output.read_exact(&mut body).expect("the body");
            let message = serde_json::from_slice(&body).expect("JSON");
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    receiver
}

/// The `file:` URI of a path (what an editor sends), percent-encoded.
fn uri_of(path: &Path) -> String {
    let path = path.to_str().expect("a UTF-8 path").replace('\\', "/");
    let mut uri = String::from("file://");
    if !path.starts_with('/') {
        uri.push('/');
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
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

const PARAGRAPH: &str = "全区上下坚持以习近平法治思想为指导，加快转变政府职能，不断深化“放管服”改革，持续优化营商环境，推动法治政府建设迈上新台阶。";

/// A paragraph pasted from an article of the workspace that is not open is a copy, with the
/// place in that file; when the file changes on disk and the editor says so, the copy goes.
#[test]
fn copies_from_closed_files_of_the_workspace_are_found_and_kept_current() {
    let root = tempfile::tempdir().expect("a workspace");
    let source = root.path().join("政策/旧稿.md");
    std::fs::create_dir_all(source.parent().expect("a folder")).expect("a folder");
    std::fs::write(&source, format!("# 旧稿\n\n{PARAGRAPH}\n")).expect("written");
    let mut client = Client::with(&Setup {
        root: Some(root.path()),
        watches: true,
        ..DEFAULT
    });
    let draft = uri_of(&root.path().join("新稿.md"));
    open(
        &mut client,
        &draft,
        &format!("# 新稿\n\n开头一段。\n\n{PARAGRAPH}\n"),
    );
    let has_copy = |d: &[Value]| d.iter().any(|d| d["code"] == "duplicate-paragraph");
    let diagnostics = client.diagnostics_until(&draft, has_copy);
    let copy = finding(&diagnostics, "duplicate-paragraph");
    assert_eq!(copy["range"]["start"], json!({"line": 4, "character": 0}));
    let related = &copy["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], uri_of(&source));
    assert_eq!(
        related["range"]["start"],
        json!({"line": 2, "character": 0})
    );
    // The other article is rewritten; the editor's watcher says so.
    std::fs::write(&source, "# 旧稿\n\n另起一段新的内容。\n").expect("written");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&source), "type": 2}]}),
    );
    client.diagnostics_until(&draft, |d| !has_copy(d));
    client.stop();
}

/// Severities come from `govlint.toml`; a broken configuration is shown on the file and the
/// last good settings stay; a mended one is picked up without a restart.
#[test]
fn the_configuration_is_read_again_when_it_changes() {
    let root = tempfile::tempdir().expect("a workspace");
    let config = root.path().join("govlint.toml");
    std::fs::write(&config, "[rules]\nhalfwidth-punctuation = \"error\"\n").expect("written");
    let mut client = Client::with(&Setup {
        root: Some(root.path()),
        ..DEFAULT
    });
    let uri = uri_of(&root.path().join("稿件.txt"));
    open(&mut client, &uri, "　　近年来,全区建设迈上新台阶。\n");
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(
        finding(&diagnostics, "halfwidth-punctuation")["severity"],
        1
    );
    // A level that does not exist, on line 2.
    std::fs::write(&config, "[rules]\nhalfwidth-punctuation = \"loud\"\n").expect("written");
    client.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    let problems = client.diagnostics(&uri_of(&config));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["range"]["start"]["line"], 1, "{problems:?}");
    assert_eq!(problems[0]["severity"], 1);
    assert!(
        problems[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("loud")),
        "{problems:?}"
    );
    // The last good settings still hold.
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(
        finding(&diagnostics, "halfwidth-punctuation")["severity"],
        1
    );
    // Mended: the problem is cleared and the rule is off.
    std::fs::write(&config, "[rules]\nhalfwidth-punctuation = \"off\"\n").expect("written");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&config), "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&uri_of(&config)), Vec::<Value>::new());
    // A lint begun before the change may report first; the one after it has no comma.
    client.diagnostics_until(&uri, |d| {
        d.iter().all(|d| d["code"] != "halfwidth-punctuation")
    });
    client.stop();
}

/// "Fix all" applies every safe fix as `govlint check --fix` does; "disable for this line"
/// and "for this file" insert comments that silence the finding and nothing else.
#[test]
fn fix_all_and_disable_actions_are_workspace_edits() {
    let root = tempfile::tempdir().expect("a workspace");
    let path = root.path().join("通知.md");
    let text = "# 关于做好工作的通知\n\n各单位:近年来,全区建设迈上新台阶。\n\n会议要求,各部门要抓好落实。\n";
    std::fs::write(&path, text).expect("written");
    let uri = uri_of(&path);
    let mut client = Client::start(&["utf-16"]);
    open(&mut client, &uri, text);
    let diagnostics = client.diagnostics(&uri);
    let commas = diagnostics
        .iter()
        .filter(|d| d["code"] == "halfwidth-punctuation")
        .count();
    assert!(commas >= 3, "{diagnostics:?}");

    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}});
    let actions = client.actions(&uri, &whole, &["source.fixAll.govlint"]);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.govlint");
    let fixed = apply(text, &edits_of(&actions[0], &uri, 1));
    let output = assert_cmd::Command::cargo_bin("govlint")
        .expect("binary")
        .args(["check", "--fix", "--isolated"])
        .arg(&path)
        .output()
        .expect("govlint runs");
    assert!(output.status.code().is_some(), "{output:?}");
    assert_eq!(fixed, std::fs::read_to_string(&path).expect("read"));
    assert!(fixed.contains("近年来，全区"), "{fixed}");

    // Disable for one line: that line's finding goes, the other line's stays.
    let first = finding(&diagnostics, "halfwidth-punctuation").clone();
    let actions = client.actions(&uri, &first["range"], &[]);
    let disable = actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains("this line")))
        .unwrap_or_else(|| panic!("{actions:?}"));
    let silenced = apply(text, &edits_of(disable, &uri, 1));
    assert!(
        silenced.contains("<!-- govlint-disable-next-line halfwidth-punctuation -->\n各单位"),
        "{silenced}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": silenced}]}),
    );
    let diagnostics = client.diagnostics(&uri);
    let lines: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "halfwidth-punctuation")
        .map(|d| &d["range"]["start"]["line"])
        .collect();
    assert_eq!(lines, vec![&json!(5)], "{diagnostics:?}");
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"] != "unused-suppression"),
        "{diagnostics:?}"
    );
    // Disable for the file: nothing of the rule is left.
    let left = finding(&diagnostics, "halfwidth-punctuation").clone();
    let actions = client.actions(&uri, &left["range"], &["quickfix"]);
    let disable = actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.contains("this file")))
        .unwrap_or_else(|| panic!("{actions:?}"));
    let silenced = apply(&silenced, &edits_of(disable, &uri, 2));
    assert!(
        silenced.starts_with("<!-- govlint-disable-file halfwidth-punctuation -->\n# 关于"),
        "{silenced}"
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": silenced}]}),
    );
    let diagnostics = client.diagnostics(&uri);
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"] != "halfwidth-punctuation"),
        "{diagnostics:?}"
    );
    // Plain text has no comments: no disable actions there.
    open(&mut client, URI, "　　近年来,全区建设迈上新台阶。\n");
    let diagnostics = client.diagnostics(URI);
    let comma = finding(&diagnostics, "halfwidth-punctuation");
    let actions = client.actions(URI, &comma["range"], &[]);
    assert!(
        actions
            .iter()
            .all(|a| !a["title"].as_str().unwrap_or_default().contains("Disable")),
        "{actions:?}"
    );
    client.stop();
}

/// Each diagnostic links its rule's page; the editor's locale chooses Chinese when neither
/// `--lang` nor the configuration says.
#[test]
fn rule_pages_are_linked_and_the_locale_chooses_the_language() {
    let mut client = Client::with(&Setup {
        lang: None,
        locale: Some("zh-CN"),
        ..DEFAULT
    });
    open(&mut client, URI, "　　近年来,全区建设迈上新台阶。\n");
    let diagnostics = client.diagnostics(URI);
    let comma = finding(&diagnostics, "halfwidth-punctuation");
    let message = comma["message"].as_str().unwrap_or_default();
    assert!(message.contains("逗号"), "{message}");
    let href = comma["codeDescription"]["href"]
        .as_str()
        .unwrap_or_default();
    assert!(href.starts_with("file://"), "{href}");
    assert!(href.ends_with("/zh/halfwidth-punctuation.md"), "{href}");
    let page = std::fs::read_dir(client.cache.path().join("govlint/rules"))
        .expect("the pages' folder")
        .flatten()
        .map(|version| version.path().join("zh/halfwidth-punctuation.md"))
        .find_map(|page| std::fs::read_to_string(page).ok())
        .expect("the page");
    assert!(page.contains("halfwidth-punctuation"), "{page}");
    assert!(href.starts_with(&uri_of(client.cache.path())), "{href}");
    client.stop();
}

/// A binary document is refused with one note; a 50 MB one does not hold up the editor's
/// requests while it is being linted.
#[test]
fn large_and_binary_documents_do_not_block_the_server() {
    let mut client = Client::start(&["utf-16"]);
    let binary = "file:///tmp/binary.txt";
    open(&mut client, binary, "PK\u{3}\u{4}\0\0\0\u{1}近年来,");
    let diagnostics = client.diagnostics(binary);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["severity"], 3);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("binary")),
        "{diagnostics:?}"
    );
    let large = "file:///tmp/large.txt";
    let line = "　　近年来,全区上下坚持以习近平法治思想为指导，推动法治政府建设迈上新台阶。\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len());
    open(&mut client, large, &text);
    // Asked right after: answered before the large document's diagnostics come.
    let id = client.next_id;
    client.next_id += 1;
    client.send(
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": binary}, "position": {"line": 0, "character": 0}}}),
    );
    loop {
        let message = client.receive();
        if message["id"] == id {
            break;
        }
        assert!(
            message["params"]["uri"] != large,
            "the large document was linted before the hover was answered"
        );
    }
    client.stop();
}

/// Typing fast: the diagnostics that stay are those of the last version.
#[test]
fn the_last_change_is_the_one_shown() {
    let mut client = Client::start(&["utf-16"]);
    open(&mut client, URI, "　　近年来全区建设迈上新台阶。\n");
    assert_eq!(client.diagnostics(URI), Vec::<Value>::new());
    for version in 2..=6 {
        let commas = ",".repeat(version - 1);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"text": format!("　　近年来{commas}全区建设迈上新台阶。\n")}]}),
        );
    }
    loop {
        let message = client.receive();
        if message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["version"] == 6
        {
            let diagnostics = message["params"]["diagnostics"].as_array().cloned();
            let diagnostics = diagnostics.unwrap_or_default();
            assert!(!diagnostics.is_empty());
            break;
        }
    }
    client.stop();
}

/// Neovim 0.10 and later quit without waiting for their servers: `shutdown` goes out, then
/// the pipes close, with no `exit`. That is the editor leaving and must end the server with
/// success, as `exit` would.
#[test]
fn the_editor_may_leave_after_shutdown_without_exit() {
    let mut client = Client::start(&["utf-16"]);
    open(
        &mut client,
        URI,
        "　　近年来,全区法治政府建设迈上新台阶。\n",
    );
    assert_eq!(client.diagnostics(URI).len(), 1);
    let reply = client.request("shutdown", Value::Null);
    assert!(reply["error"].is_null(), "{reply}");
    let Client {
        mut child, input, ..
    } = client;
    drop(input);
    let status = child.wait().expect("the server exits");
    assert!(status.success(), "{status}");
}

/// URIs are answered as the editor spelled them, raw Chinese characters included; an
/// unsaved document is read in the format of its `languageId`.
#[test]
fn raw_uris_and_unsaved_markdown_drafts() {
    let mut client = Client::start(&["utf-16"]);
    let raw = "file:///tmp/稿件 1.txt";
    open(&mut client, raw, "　　近年来,全区建设迈上新台阶。\n");
    let diagnostics = client.diagnostics(raw);
    finding(&diagnostics, "halfwidth-punctuation");
    let actions = client.actions(raw, &diagnostics[0]["range"], &["quickfix"]);
    assert_eq!(
        actions[0]["edit"]["documentChanges"][0]["textDocument"]["uri"],
        raw
    );
    // A comment silences the line in Markdown; in plain text it would be text.
    let draft = "untitled:Untitled-1";
    let text =
        "<!-- govlint-disable-next-line halfwidth-punctuation -->\n近年来,全区建设迈上新台阶。\n";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": draft, "languageId": "markdown", "version": 1, "text": text}}),
    );
    assert_eq!(client.diagnostics(draft), Vec::<Value>::new());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:Untitled-2", "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics("untitled:Untitled-2");
    finding(&diagnostics, "halfwidth-punctuation");
    client.stop();
}

/// Reading the workspace is shown as progress where the editor shows it: begun once the
/// editor created the token, ended with the number of articles read.
#[test]
fn reading_the_workspace_is_shown_as_progress() {
    let root = tempfile::tempdir().expect("a workspace");
    std::fs::write(root.path().join("一.md"), format!("{PARAGRAPH}\n")).expect("written");
    std::fs::write(root.path().join("二.txt"), "　　另一篇稿件。\n").expect("written");
    let mut client = Client::with(&Setup {
        root: Some(root.path()),
        progress: true,
        ..DEFAULT
    });
    let mut seen = Vec::new();
    loop {
        let message = client.receive();
        if message["method"] == "window/workDoneProgress/create" {
            let token = message["params"]["token"].clone();
            client.send(json!({"jsonrpc": "2.0", "id": message["id"], "result": null}));
            seen.push(format!("create {token}"));
        } else if message["method"] == "$/progress" {
            let value = &message["params"]["value"];
            seen.push(format!(
                "{} {} {}",
                message["params"]["token"], value["kind"], value["title"]
            ));
            if value["kind"] == "end" {
                assert_eq!(value["message"], "2 articles read");
                break;
            }
        }
    }
    assert_eq!(
        seen,
        [
            r#"create "govlint-workspace-1""#,
            r#""govlint-workspace-1" "begin" "govlint: reading the workspace's articles""#,
            r#""govlint-workspace-1" "end" null"#,
        ]
    );
    client.stop();
}

/// An editor that opened one file, with no workspace folder: the configuration beside it
/// is read all the same, and its folder is the workspace.
#[test]
fn a_file_opened_alone_takes_the_configuration_beside_it() {
    let root = tempfile::tempdir().expect("a folder");
    std::fs::write(
        root.path().join("govlint.toml"),
        "[rules]\nhalfwidth-punctuation = \"error\"\n",
    )
    .expect("written");
    std::fs::create_dir(root.path().join("稿件")).expect("a folder");
    std::fs::write(root.path().join("稿件/旧稿.md"), format!("{PARAGRAPH}\n")).expect("written");
    let mut client = Client::start(&["utf-16"]);
    let uri = uri_of(&root.path().join("稿件/新稿.md"));
    open(
        &mut client,
        &uri,
        &format!("近年来,全区建设迈上新台阶。\n\n{PARAGRAPH}\n"),
    );
    let diagnostics = client.diagnostics_until(&uri, |d| {
        d.iter().any(|d| d["code"] == "duplicate-paragraph")
    });
    assert_eq!(
        finding(&diagnostics, "halfwidth-punctuation")["severity"],
        1
    );
    client.stop();
}
