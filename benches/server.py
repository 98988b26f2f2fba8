#!/usr/bin/env python3
"""How fast `govlint server` answers an editor on a real repository (a benchmark: figures,
not pass/fail).

    python3 benches/server.py GOVLINT WORKSPACE [ARTICLE]

Starts the server with WORKSPACE as its folder and a fresh cache directory, opens ARTICLE
(default: the first .md or .txt file of the workspace) with one of its paragraphs pasted
into a new, unsaved document beside it, and measures:
  - open → the first diagnostics (the document alone, before the workspace is read);
  - open → diagnostics that show the paste as a copy of ARTICLE (the workspace read, cold);
  - the same with the cache the first run wrote (a restart: warm);
  - didChange → the diagnostics of that version, over 20 edits in Chinese (the median and
    the slowest), with the workspace read; the wait after the last keystroke includes the
    server's pause for typing (200 ms).
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue
import urllib.parse
from pathlib import Path


def uri_of(path):
    return "file://" + urllib.parse.quote(str(path))


class Client:
    def __init__(self, govlint, root, cache):
        env = dict(os.environ, XDG_CACHE_HOME=cache, LC_ALL="C.UTF-8")
        self.process = subprocess.Popen(
            [govlint, "server", "--lang", "en"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": uri_of(root),
                "workspaceFolders": [{"uri": uri_of(root), "name": "ws"}],
                "capabilities": {},
            },
        )
        self.notify("initialized", {})

    def _read(self):
        out = self.process.stdout
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.startswith(b"Content-Length:"):
                    length = int(line.split(b":")[1])
            self.messages.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=600)
            if message.get("id") == id:
                return message

    def diagnostics(self, uri, wanted=lambda params: True):
        while True:
            message = self.messages.get(timeout=600)
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params["uri"] == uri:
                if wanted(params):
                    return params["diagnostics"]

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=60)


def has_copy(params):
    return any(d.get("code") in ("duplicate-paragraph", "near-duplicate-paragraph")
               for d in params["diagnostics"])


def session(govlint, root, cache, draft_path, text, changes):
    client = Client(govlint, root, cache)
    uri = uri_of(draft_path)
    start = time.monotonic()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    client.diagnostics(uri)
    first = time.monotonic() - start
    client.diagnostics(uri, has_copy)
    copy = time.monotonic() - start
    waits = []
    for version in range(2, 2 + changes):
        text = text.replace("。", "，", 1) if version % 2 else text.replace("，", "。", 1)
        sent = time.monotonic()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})
        client.diagnostics(uri, lambda p, v=version: p.get("version") == v)
        waits.append(time.monotonic() - sent)
    client.stop()
    return first, copy, waits


def long_paragraphs(path):
    """The paragraphs of at least 40 characters of a UTF-8 file (none for another)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    return [p.strip() for p in text.split("\n") if len(p.strip()) >= 40]


def draft_with_copy(govlint, article):
    """A new article with a paragraph of `article` pasted in, one that `govlint check`
    reports as a copy (a provision of a law quoted is not)."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / ("original" + article.suffix)).write_bytes(article.read_bytes())
        for pasted in sorted(long_paragraphs(article), key=len, reverse=True)[:20]:
            text = "# 新稿\n\n开头一段，说明情况。\n\n" + pasted + "\n"
            (scratch / "draft.md").write_text(text, encoding="utf-8")
            found = subprocess.run([govlint, "check", "--isolated", "--format", "json", str(scratch)],
                                   capture_output=True, text=True).stdout
            if any(d["rule"] in ("duplicate-paragraph", "near-duplicate-paragraph")
                   and d["path"].endswith("draft.md")
                   for d in json.loads(found)["diagnostics"]):
                return text
    sys.exit(f"no paragraph of {article} is reported as a copy when pasted")


def main():
    govlint, root = sys.argv[1], Path(sys.argv[2]).resolve()
    if len(sys.argv) > 3:
        article = Path(sys.argv[3]).resolve()
    else:
        article = next(p for p in sorted(root.rglob("*"))
                       if p.suffix in (".md", ".txt") and long_paragraphs(p))
    text = draft_with_copy(govlint, article)
    draft = root / "新稿-benchmark.md"
    files = sum(1 for p in root.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"workspace: {root} ({files} files, {size / 1e6:.1f} MB); pasted from {article.name}")
    with tempfile.TemporaryDirectory() as cache:
        first, cold, _ = session(govlint, root, cache, draft, text, 0)
        print(f"open → first diagnostics: {first * 1000:.0f} ms")
        print(f"open → the copy shown (workspace read, cold cache): {cold:.2f} s")
        first, warm, waits = session(govlint, root, cache, draft, text, 20)
        print(f"open → the copy shown (warm cache): {warm:.2f} s")
        print(f"didChange → diagnostics: median {statistics.median(waits) * 1000:.0f} ms, "
              f"slowest {max(waits) * 1000:.0f} ms (includes the 200 ms pause)")


if __name__ == "__main__":
    main()
