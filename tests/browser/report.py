#!/usr/bin/env python3
"""Opens govlint's HTML report (`--format html`) in headless Chromium and checks it there.

Python's standard library only: Chromium is driven over the DevTools protocol (CDP) through
the small WebSocket client below, so nothing is downloaded (no driver, no pip package).
For each input it checks, against govlint's own JSON for the same input:

- every finding is an `article.finding` with its rule, severity and line, folded as promised;
- the duplicates section holds every exact group and near pair, with the diff marked;
- the page makes no request but for the file itself, obeys its Content-Security-Policy
  (nothing on the console, no exception, no CSP report) and every `#` link has its target;
- the filter hides exactly the findings of an unchecked rule or severity, and shows them again;
- a link scrolls its target into view below the sticky filter form; a fold opens on a click;
  at a phone's width nothing runs off the right edge;
- with JavaScript off the findings are still there and visible;
- text from the linted file is text: a hostile file opens no dialog and adds no element.

Screenshots at 1280×800 go to the output directory. Exits 1 with the failed checks listed.

Usage: report.py [--govlint BIN] [--chromium BIN] [--out DIR]
"""

import argparse
import base64
import collections
import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = "fixtures/haimen-rule-of-law-2021.txt"
PASTES = "fixtures/report"
WIDTH, HEIGHT = 1280, 800
# Every wait is bounded, so a wedged browser fails the run instead of hanging CI.
COMMAND_TIMEOUT = 30.0
LOAD_TIMEOUT = 30.0
START_TIMEOUT = 30.0


class Failure(Exception):
    pass


# --- WebSocket (RFC 6455), the client side only --------------------------------------------

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class WebSocket:
    def __init__(self, host, port, path, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16))
        request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key.decode()}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.buf = b""
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        if not re.match(r"HTTP/1\.1 101\b", lines[0]):
            raise Failure(f"WebSocket upgrade refused: {lines[0]}")
        headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
        accept = base64.b64encode(hashlib.sha1(key + GUID).digest()).decode()
        if headers.get("sec-websocket-accept") != accept:
            raise Failure("WebSocket upgrade: wrong Sec-WebSocket-Accept")

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self.sock.settimeout(left)
        try:
            chunk = self.sock.recv(1 << 16)
        except socket.timeout:
            raise TimeoutError from None
        if not chunk:
            raise Failure("the browser closed the DevTools connection")
        self.buf += chunk

    def _take(self, n, deadline):
        while len(self.buf) < n:
            self._fill(deadline)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _send_frame(self, opcode, payload):
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        # A client masks every frame (RFC 6455 §5.3); XOR as one big integer is fast enough.
        mask = os.urandom(4)
        key = (mask * (n // 4 + 1))[:n]
        masked = (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def recv(self, deadline):
        """One whole message (continuation frames joined), or TimeoutError at the deadline."""
        parts, kind = [], None
        while True:
            b0, b1 = self._take(2, deadline)
            fin, opcode, n = b0 & 0x80, b0 & 0x0F, b1 & 0x7F
            if n == 126:
                (n,) = struct.unpack("!H", self._take(2, deadline))
            elif n == 127:
                (n,) = struct.unpack("!Q", self._take(8, deadline))
            mask = self._take(4, deadline) if b1 & 0x80 else None
            payload = self._take(n, deadline)
            if mask:
                key = (mask * (n // 4 + 1))[:n]
                payload = (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")
            if opcode == 0x8:
                raise Failure("the browser closed the DevTools connection")
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode == 0xA:
                continue
            if opcode in (0x1, 0x2):
                kind, parts = opcode, [payload]
            elif opcode == 0x0 and kind is not None:
                parts.append(payload)
            else:
                raise Failure(f"WebSocket: unexpected frame (opcode {opcode})")
            if fin:
                return b"".join(parts).decode()

    def close(self):
        try:
            self._send_frame(0x8, struct.pack("!H", 1000))
        except OSError:
            pass
        self.sock.close()


# --- DevTools protocol -----------------------------------------------------------------------


class Cdp:
    def __init__(self, ws):
        self.ws = ws
        self.last_id = 0
        self.events = []

    def _read(self, deadline):
        message = json.loads(self.ws.recv(deadline))
        if message.get("method") == "Page.javascriptDialogOpening":
            # Dismiss it at once, or the page would wait for it and every later command hang.
            self.last_id += 1
            self.ws.send(json.dumps({
                "id": self.last_id, "sessionId": message.get("sessionId"),
                "method": "Page.handleJavaScriptDialog", "params": {"accept": False},
            }))
        if "method" in message:
            self.events.append(message)
        return message

    def send(self, method, params=None, session=None, timeout=COMMAND_TIMEOUT):
        self.last_id += 1
        sent = self.last_id
        message = {"id": sent, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        try:
            while True:
                reply = self._read(deadline)
                if reply.get("id") == sent:
                    if "error" in reply:
                        raise Failure(f"{method}: {reply['error'].get('message')}")
                    return reply.get("result", {})
        except TimeoutError:
            raise Failure(f"{method}: no answer in {timeout:.0f} s") from None

    def wait_for(self, method, session, since, timeout):
        deadline = time.monotonic() + timeout
        try:
            while True:
                for event in self.events[since:]:
                    if event["method"] == method and event.get("sessionId") == session:
                        return event
                since = len(self.events)
                self._read(deadline)
        except TimeoutError:
            raise Failure(f"no {method} in {timeout:.0f} s") from None

    def drain(self, seconds):
        """Reads what the browser still has to say (late console messages, requests)."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._read(deadline)
        except TimeoutError:
            pass


class Browser:
    def __init__(self, binary, workdir):
        self.profile = pathlib.Path(workdir) / "profile"
        self.log = open(pathlib.Path(workdir) / "chromium.log", "w+b")
        self.proc = subprocess.Popen(
            [
                binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
                # Quieter and faster: nothing here changes how a page behaves.
                "--no-first-run", "--no-default-browser-check", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--hide-scrollbars",
                # Containers give /dev/shm 64 MB, too little for Chromium's shared memory.
                "--disable-dev-shm-usage", "about:blank",
            ],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            # Its own process group, so that the browser's helpers go with it.
            start_new_session=True,
        )
        self.ws = None
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise Failure(f"chromium exited with {self.proc.returncode}:\n{self.log_tail()}")
            if port_file.exists():
                lines = port_file.read_text().split("\n")
                if len(lines) >= 2 and lines[1].strip():
                    break
            if time.monotonic() > deadline:
                raise Failure(f"chromium wrote no DevToolsActivePort in {START_TIMEOUT:.0f} s:\n{self.log_tail()}")
            time.sleep(0.05)
        self.ws = WebSocket("127.0.0.1", int(lines[0]), lines[1].strip(), START_TIMEOUT)
        self.cdp = Cdp(self.ws)
        self.version = self.cdp.send("Browser.getVersion")["product"]

    def log_tail(self):
        self.log.flush()
        self.log.seek(0)
        return b"\n".join(self.log.read().splitlines()[-15:]).decode(errors="replace")

    def close(self):
        if self.ws:
            self.ws.close()
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=5)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=5)
        self.log.close()

    def open(self, path, javascript=True):
        cdp = self.cdp
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log", "Audits", "DOM", "CSS"):
            cdp.send(f"{domain}.enable", session=session)
        cdp.send("Emulation.setDeviceMetricsOverride",
                 {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session)
        if javascript:
            # Runs before the report's own script; DevTools' scripts are exempt from its CSP.
            cdp.send("Page.addScriptToEvaluateOnNewDocument", {"source": (
                "window.__csp = [];"
                "document.addEventListener('securitypolicyviolation', e =>"
                " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")}, session)
        else:
            cdp.send("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        url = pathlib.Path(path).resolve().as_uri()
        since = len(cdp.events)
        result = cdp.send("Page.navigate", {"url": url}, session)
        if result.get("errorText"):
            raise Failure(f"cannot open {url}: {result['errorText']}")
        cdp.wait_for("Page.loadEventFired", session, since, LOAD_TIMEOUT)
        cdp.drain(0.3)
        return Page(self, session, target, url, since, javascript)


class Page:
    def __init__(self, browser, session, target, url, since, javascript):
        self.browser, self.cdp = browser, browser.cdp
        self.session, self.target, self.url, self.since = session, target, url, since
        self.javascript = javascript

    def send(self, method, params=None):
        return self.cdp.send(method, params, self.session)

    def events(self, *methods):
        return [e for e in self.cdp.events[self.since:]
                if e.get("sessionId") == self.session and e["method"] in methods]

    def eval(self, expression):
        result = self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise Failure(f"evaluating in the page: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")

    def click(self, selector, element=None):
        """A real mouse click in the middle of the element, after scrolling it into view."""
        element = element or f"document.querySelector({json.dumps(selector)})"
        box = self.eval(f"""(() => {{
            const el = {element};
            if (!el) return null;
            el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect();
            return {{x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height,
                     top: document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el}};
        }})()""")
        if box is None:
            raise Failure(f"no element {selector} to click")
        if not box["top"] or box["w"] == 0:
            raise Failure(f"{selector} cannot be clicked: it is covered or has no size")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})

    def screenshot(self, file, clip_selector=None):
        params = {"format": "png"}
        if clip_selector:
            rect = self.eval(f"""(() => {{
                // From the top, so that the sticky filter bar is not drawn over the section.
                scrollTo(0, 0);
                const el = document.querySelector({json.dumps(clip_selector)});
                const r = el.getBoundingClientRect();
                return {{x: r.x + scrollX, y: r.y + scrollY, width: Math.min(r.width, {WIDTH}),
                         height: Math.min(r.height, {HEIGHT})}};
            }})()""")
            params.update({"clip": dict(rect, scale=1), "captureBeyondViewport": True})
        else:
            self.eval("scrollTo(0, 0)")
        data = base64.b64decode(self.send("Page.captureScreenshot", params)["data"])
        pathlib.Path(file).write_bytes(data)
        return png_size(data)

    def close(self):
        self.cdp.send("Target.closeTarget", {"targetId": self.target})


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise Failure("the screenshot is not a PNG")
    return struct.unpack("!II", data[16:24])


# --- What the page holds ---------------------------------------------------------------------

# One walk of the DOM gives everything the checks compare with govlint's JSON.
SNAPSHOT = r"""(() => {
  const visible = el => el.checkVisibility ? el.checkVisibility() : getComputedStyle(el).display !== 'none';
  const text = el => el ? el.textContent : null;
  const ids = new Set([...document.querySelectorAll('[id]')].map(e => e.id));
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  const body = document.body;
  return {
    lang: document.documentElement.getAttribute('lang'),
    csp: meta ? meta.getAttribute('content') : null,
    scripts: [...document.scripts].map(s => ({src: s.getAttribute('src'), inBody: body.contains(s),
                                             last: s === body.lastElementChild})),
    styles: document.querySelectorAll('style').length,
    stylesheets: document.querySelectorAll('link[rel~="stylesheet" i]').length,
    filtersHidden: document.getElementById('filters') ? document.getElementById('filters').hidden : null,
    boxes: [...document.querySelectorAll('#filters input[type=checkbox]')].map(i =>
      ({name: i.name, value: i.value, checked: i.checked})),
    chartRects: document.querySelectorAll('#overview svg#chart rect').length,
    byRule: [...document.querySelectorAll('#overview table#by-rule tr[data-rule]')].map(r => r.dataset.rule),
    worstFiles: !!document.querySelector('#overview table#worst-files'),
    files: [...document.querySelectorAll('#files section.file')].map(s => ({id: s.id, path: s.dataset.path})),
    findings: [...document.querySelectorAll('article.finding')].map(a => {
      const fold = a.closest('details.fold');
      return {id: a.id, rule: a.dataset.rule, severity: a.dataset.severity, line: a.dataset.line || null,
              path: a.closest('section.file') ? a.closest('section.file').dataset.path : null,
              text: a.textContent, where: text(a.querySelector('.where')), message: text(a.querySelector('p.message')),
              context: !!a.querySelector('blockquote.context'), mark: text(a.querySelector('blockquote.context mark')),
              fold: fold ? {rule: fold.dataset.rule, open: fold.open} : null,
              visible: visible(a), inFiles: !!a.closest('#files')};
    }),
    groups: [...document.querySelectorAll('#duplicates div.dup-group')].map(g =>
      [...g.querySelectorAll('ol > li a.place')].map(a => a.textContent.trim())),
    pairs: [...document.querySelectorAll('#duplicates div.near-pair')].map(p => ({
      similarity: p.dataset.similarity,
      sides: [...p.querySelectorAll('div.side')].map(s => ({
        place: text(s.querySelector('a.place')), text: text(s.querySelector('p.text')),
        del: [...s.querySelectorAll('p.text del')].map(d => d.textContent).join(''),
        ins: [...s.querySelectorAll('p.text ins')].map(d => d.textContent).join('')}))})),
    badLinks: [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1))
      .filter(id => !ids.has(decodeURIComponent(id))),
    links: document.querySelectorAll('a[href^="#"]').length,
    resources: performance.getEntriesByType('resource').map(e => e.name),
    csp_reports: window.__csp || [],
  };
})()"""


def govlint_json(govlint, paths, lang):
    run = subprocess.run([govlint, "check", *paths, "--format", "json", "--lang", lang],
                         capture_output=True, cwd=ROOT, timeout=120)
    try:
        return json.loads(run.stdout)
    except json.JSONDecodeError:
        raise Failure(f"govlint --format json gave no JSON (exit {run.returncode}): {run.stderr.decode()[-500:]}")


def govlint_html(govlint, paths, lang, output):
    run = subprocess.run([govlint, "check", *paths, "--format", "html", "--lang", lang, "--output", str(output)],
                         capture_output=True, cwd=ROOT, timeout=120)
    # Exit 1 means findings at error level, as for every format; 2 and up is an error.
    if run.returncode not in (0, 1) or not pathlib.Path(output).exists():
        raise Failure(f"govlint --format html failed (exit {run.returncode}): {run.stderr.decode()[-500:]}")
    return run


def line_of(finding, snapshot_finding):
    """The line an article names: its data-line, else `path:LINE:COL` or `LINE:COL` in its text."""
    if snapshot_finding["line"]:
        return int(snapshot_finding["line"])
    col = finding["column"]
    text = snapshot_finding["where"] or snapshot_finding["text"]
    for pattern in (rf"(?<![\d])(\d+):{col}(?![\d])", r"第\s*(\d+)\s*行", r"\bline\s+(\d+)"):
        m = re.search(pattern, text)
        if m:
            return int(m.group(1))
    return None


class Checks:
    def __init__(self, name):
        self.name, self.failed, self.passed = name, [], 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)
        return ok


def source_span(d):
    """A short one-line span's text from the file, or None (long spans may be cut in the page)."""
    if d["end_line"] != d["line"] or d["length"] > 60:
        return None
    data = (ROOT / d["path"]).read_bytes()
    return data[d["offset"]:d["offset"] + d["length"]].decode("utf-8", errors="replace")


def place_matches(shown, path, line):
    """`a.place` text is `path:line`; the path may be shortened to its tail."""
    m = re.fullmatch(r"(.*):(\d+)", shown.strip())
    return bool(m) and int(m.group(2)) == line and (path.endswith(m.group(1)) or m.group(1).endswith(path))


def check_static(c, page, snap, data, lang):
    """What holds for any report: structure, findings against the JSON, duplicates, links."""
    diags = data["diagnostics"]
    c.check(snap["lang"] == {"zh": "zh-CN", "en": "en"}[lang], f"<html lang> is {snap['lang']!r} for --lang {lang}")
    csp = snap["csp"] or ""
    c.check("default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
            and re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
            and re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+'", csp),
            f"Content-Security-Policy is default-src 'none' with hashed style and script: {csp!r}")
    c.check(len(snap["scripts"]) == 1 and snap["scripts"][0]["src"] is None and snap["scripts"][0]["inBody"]
            and snap["scripts"][0]["last"], f"one inline script, the body's last element: {snap['scripts']}")
    c.check(snap["styles"] == 1 and snap["stylesheets"] == 0, f"one inline style, no stylesheet link ({snap['styles']}, {snap['stylesheets']})")

    # Findings: as many articles as JSON findings, each with its path, rule, severity and line.
    found = snap["findings"]
    c.check(len(found) == len(diags), f"{len(found)} article.finding for {len(diags)} findings in the JSON")
    c.check(all(f["inFiles"] for f in found), "every article.finding is inside #files")
    c.check(all(f["message"] and f["context"] for f in found),
            "every finding has p.message and blockquote.context")
    c.check(all(f["mark"] for f in found), "every finding's context marks its span with <mark>")
    unmatched = list(found)
    missing, wrong_marks = [], []
    for d in diags:
        hit = next((f for f in unmatched if f["rule"] == d["rule"] and f["severity"] == d["severity"]
                    and f["path"] == d["path"] and line_of(d, f) == d["line"]), None)
        if hit:
            unmatched.remove(hit)
            span = source_span(d)
            if span is not None and hit["mark"] != span:
                wrong_marks.append(f"{d['path']}:{d['line']}:{d['column']} marks {hit['mark']!r}, not {span!r}")
        else:
            missing.append(f"{d['path']}:{d['line']}:{d['column']} {d['severity']}[{d['rule']}]")
    c.check(not wrong_marks, f"{len(wrong_marks)} findings mark other text than their span: {wrong_marks[:3]}")
    c.check(not missing, f"{len(missing)} JSON findings have no article with that path, rule, severity and line: {missing[:5]}")
    # A section per file with findings, and per file only pointed at (a duplicate's original).
    shown_files = {f["path"] for f in snap["files"]}
    with_findings = {d["path"] for d in diags}
    pointed = {r["path"] for d in diags for r in d["related"]}
    c.check(with_findings <= shown_files <= with_findings | pointed,
            f"a section.file per file with findings or pointed at: {sorted(shown_files)}")

    # Filters and overview: a box per rule and per severity present, a bar and a row per rule.
    rules = {d["rule"] for d in diags}
    severities = {d["severity"] for d in diags}
    boxes = snap["boxes"]
    c.check({b["value"] for b in boxes if b["name"] == "rule"} == rules, f"a rule box per rule with findings ({sorted(rules)})")
    c.check({b["value"] for b in boxes if b["name"] == "severity"} == severities, f"a severity box per severity present ({sorted(severities)})")
    c.check(all(b["checked"] for b in boxes), "every filter box starts checked")
    c.check(snap["chartRects"] == len(rules), f"{snap['chartRects']} bars in #chart for {len(rules)} rules")
    c.check(sorted(snap["byRule"]) == sorted(rules), f"#by-rule rows {snap['byRule']}")
    c.check(snap["worstFiles"], "#worst-files is there")

    # Folding: a rule firing more than 5 times in a file shows 5, the rest in a closed fold.
    per = collections.Counter((d["path"], d["rule"]) for d in diags)
    for (path, rule), n in sorted(per.items()):
        shown = [f for f in found if f["path"] == path and f["rule"] == rule and not f["fold"]]
        folded = [f for f in found if f["path"] == path and f["rule"] == rule and f["fold"]]
        c.check(len(shown) == min(n, 5) and len(folded) == max(n - 5, 0)
                and all(f["fold"]["rule"] == rule and not f["fold"]["open"] for f in folded),
                f"{path} {rule}: {n} findings, {len(shown)} shown, {len(folded)} in a closed fold")

    # Duplicates: every exact group (the copies of a paragraph) and every near pair.
    groups = {}
    for d in diags:
        if d["rule"] == "duplicate-paragraph":
            places = {(d["path"], d["line"])} | {(r["path"], r["line"]) for r in d["related"]}
            key = next((k for k in groups if groups[k] & places), len(groups))
            groups[key] = groups.get(key, set()) | places
    c.check(len(snap["groups"]) == len(groups), f"{len(snap['groups'])} div.dup-group for {len(groups)} exact groups")
    for places in groups.values():
        c.check(any(len(g) == len(places) and all(any(place_matches(s, p, l) for s in g) for p, l in places)
                    for g in snap["groups"]),
                f"a dup-group lists exactly {sorted(places)}; groups shown: {snap['groups']}")
    near = [d for d in diags if d["rule"] == "near-duplicate-paragraph"]
    c.check(len(snap["pairs"]) == len(near), f"{len(snap['pairs'])} div.near-pair for {len(near)} near duplicates")
    for d in near:
        other = d["related"][0]
        deleted = "".join(re.findall(r"\[-(.*?)-\]", d.get("diff") or ""))
        inserted = "".join(re.findall(r"\{\+(.*?)\+\}", d.get("diff") or ""))
        hit = [p for p in snap["pairs"] if len(p["sides"]) == 2
               and place_matches(p["sides"][0]["place"] or "", other["path"], other["line"])
               and place_matches(p["sides"][1]["place"] or "", d["path"], d["line"])]
        if c.check(len(hit) == 1, f"a near-pair {other['path']}:{other['line']} | {d['path']}:{d['line']}"):
            p = hit[0]
            c.check(abs(float(p["similarity"]) - d["similarity"]) < 0.005,
                    f"near pair similarity {p['similarity']} for {d['similarity']}")
            c.check(p["sides"][0]["del"] == deleted and p["sides"][0]["ins"] == "",
                    f"left side <del> {p['sides'][0]['del']!r}, JSON diff deletes {deleted!r}")
            c.check(p["sides"][1]["ins"] == inserted and p["sides"][1]["del"] == "",
                    f"right side <ins> {p['sides'][1]['ins']!r}, JSON diff inserts {inserted!r}")
    c.check(not snap["badLinks"], f"{len(snap['badLinks'])} of {snap['links']} #links have no target: {snap['badLinks'][:5]}")


def check_quiet(c, page, snap):
    """No request but the file itself, nothing on the console, no CSP violation."""
    requests = [e["params"]["request"]["url"] for e in page.events("Network.requestWillBeSent")]
    own = urllib.parse.unquote(page.url)
    others = [u for u in requests if urllib.parse.unquote(u) != own]
    c.check(not others, f"requests besides the file: {others[:5]}")
    # The file's own request shows that requests are being watched at all.
    mine = len(requests) - len(others)
    c.check(mine == 1, f"the file was requested {mine} times, not once")
    if page.javascript:
        c.check(not snap["resources"], f"performance entries for resources: {snap['resources'][:5]}")
        c.check(not snap["csp_reports"], f"securitypolicyviolation events: {snap['csp_reports']}")
    logs = [f"{e['params']['entry']['level']} {e['params']['entry']['source']}: {e['params']['entry']['text']}"
            for e in page.events("Log.entryAdded")]
    c.check(not logs, f"console log entries: {logs[:5]}")
    console = [f"console.{e['params']['type']}" for e in page.events("Runtime.consoleAPICalled")]
    c.check(not console, f"console calls: {console[:5]}")
    thrown = [e["params"]["exceptionDetails"].get("exception", {}).get("description")
              or e["params"]["exceptionDetails"].get("text") for e in page.events("Runtime.exceptionThrown")]
    c.check(not thrown, f"exceptions: {thrown[:3]}")
    issues = [e["params"]["issue"] for e in page.events("Audits.issueAdded")]
    csp_issues = [i for i in issues if i["code"] == "ContentSecurityPolicyIssue"]
    c.check(not csp_issues, f"CSP issues: {[i['details'] for i in csp_issues][:3]}")
    c.check(not page.events("Page.javascriptDialogOpening"),
            f"dialogs opened: {[e['params'].get('message') for e in page.events('Page.javascriptDialogOpening')]}")
    return [i["code"] for i in issues if i["code"] != "ContentSecurityPolicyIssue"]


VISIBILITY = r"""(() => {
  for (const d of document.querySelectorAll('details.fold')) d.open = true;
  const out = {findings: [...document.querySelectorAll('article.finding')].map(a =>
      ({rule: a.dataset.rule, severity: a.dataset.severity, visible: a.checkVisibility(),
        hidden: a.hidden})),
    files: [...document.querySelectorAll('section.file')].map(s => ({path: s.dataset.path, hidden: s.hidden,
        visible: s.checkVisibility()}))};
  for (const d of document.querySelectorAll('details.fold')) d.open = false;
  return out;
})()"""


def check_filter(c, page, data, name, value):
    """Unchecking a box hides exactly its findings (and emptied files); checking it shows them."""
    selector = f'#filters input[type=checkbox][name="{name}"][value="{value}"]'
    attr = {"rule": "rule", "severity": "severity"}[name]
    page.click(selector)
    state = page.eval(VISIBILITY)
    checked = page.eval(f"document.querySelector({json.dumps(selector)}).checked")
    c.check(checked is False, f"a click unchecks the {name} box {value}")
    wrong = [f for f in state["findings"] if f["visible"] == (f[attr] == value)]
    c.check(not wrong, f"{name} {value} off: {len(wrong)} findings in the wrong state, e.g. {wrong[:2]}")
    c.check(all(f["hidden"] for f in state["findings"] if f[attr] == value),
            f"{name} {value} off: its findings carry `hidden`")
    has = collections.Counter(d["path"] for d in data["diagnostics"])
    left = collections.Counter(d["path"] for d in data["diagnostics"] if d[attr] != value)
    # A file with no finding of its own (one only pointed at) has nothing to hide.
    bad_files = [f["path"] for f in state["files"] if f["hidden"] != (has[f["path"]] > 0 and left[f["path"]] == 0)]
    c.check(not bad_files, f"{name} {value} off: section.file hidden exactly when it has findings and all are: {bad_files}")
    page.click(selector)
    state = page.eval(VISIBILITY)
    c.check(all(f["visible"] for f in state["findings"]) and all(f["visible"] for f in state["files"]),
            f"{name} {value} back on: every finding and file visible again")
    return sum(1 for d in data["diagnostics"] if d[attr] == value)


def check_jumps(c, page):
    """Following a place link brings its target into view, not under the sticky filter bar."""
    links = page.eval("document.querySelectorAll('#duplicates a.place').length")
    covered = []
    for i in range(min(links, 6)):
        page.click(f"duplicate place link {i}", f"document.querySelectorAll('#duplicates a.place')[{i}]")
        time.sleep(0.05)
        where = page.eval(f"""(() => {{
            const a = document.querySelectorAll('#duplicates a.place')[{i}];
            const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
            const r = target.getBoundingClientRect();
            const bar = document.getElementById('filters').getBoundingClientRect();
            const at = document.elementFromPoint(r.left + 8, Math.max(r.top, 0) + 8);
            return {{href: a.getAttribute('href'), top: Math.round(r.top), bar: Math.round(bar.bottom),
                     seen: !!at && target.contains(at)}};
        }})()""")
        if not where["seen"]:
            covered.append(where)
    c.check(not covered, f"{len(covered)} of {min(links, 6)} place links scroll their target under something "
            f"(the sticky #filters bar ends at y={covered[0]['bar'] if covered else 0}): {covered[:3]}")


def check_fold_opens(c, page):
    """A click on a fold's summary opens it and shows the findings it held."""
    folds = page.eval("document.querySelectorAll('details.fold').length")
    if not folds:
        return
    # Closed first: following a link into a fold (as check_jumps may have) opens it.
    page.eval("document.querySelector('details.fold').open = false")
    page.click("details.fold > summary")
    state = page.eval("""(() => { const d = document.querySelector('details.fold');
        const inside = [...d.querySelectorAll('article.finding')];
        return {open: d.open, count: inside.length, visible: inside.filter(a => a.checkVisibility()).length}; })()""")
    c.check(state["open"] and state["count"] and state["visible"] == state["count"],
            f"a click on the first fold's summary shows its findings: {state}")
    page.click("details.fold > summary")


def check_narrow(c, page, notes):
    """On a phone's width nothing runs off the right edge (no sideways scrolling)."""
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": 390, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        state = page.eval("""(() => ({width: document.documentElement.scrollWidth, viewport: innerWidth,
            bar: document.getElementById('filters').offsetHeight,
            wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
              .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))}))()""")
    finally:
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    c.check(state["width"] <= state["viewport"] and not state["wide"],
            f"at 390 px wide the page is {state['width']} px wide; past the edge: {state['wide']}")
    notes.append(f"at 390×800 the sticky filter form is {state['bar']} px tall")


def check_all_off(c, page, data):
    """Every severity off leaves no finding and no file with findings shown; all on, all shown."""
    boxes = page.eval("[...document.querySelectorAll('#filters input[name=severity]')].map(i => i.value)")
    for v in boxes:
        page.click(f'#filters input[name="severity"][value="{v}"]')
    state = page.eval(VISIBILITY)
    has = {d["path"] for d in data["diagnostics"]}
    c.check(not any(f["visible"] for f in state["findings"])
            and all(f["hidden"] == (f["path"] in has) for f in state["files"]),
            f"every severity off: no finding shown, every file with findings hidden: {state['files']}")
    for v in boxes:
        page.click(f'#filters input[name="severity"][value="{v}"]')
    state = page.eval(VISIBILITY)
    c.check(all(f["visible"] for f in state["findings"]), "every severity back on: every finding shown")


def check_no_script(c, browser, html, data):
    """With JavaScript off the report still reads: every finding there and, unfolded, visible."""
    page = browser.open(html, javascript=False)
    try:
        snap = page.eval(SNAPSHOT)
        found = snap["findings"]
        c.check(len(found) == len(data["diagnostics"]), f"JS off: {len(found)} article.finding for {len(data['diagnostics'])}")
        hidden = [f["id"] for f in found if not f["fold"] and not f["visible"]]
        c.check(not hidden, f"JS off: findings outside folds not visible: {hidden[:5]}")
        c.check(snap["filtersHidden"] is True, "JS off: the filter form (useless without script) stays hidden")
        c.check(page.eval("document.querySelectorAll('details.fold > summary').length")
                == page.eval("document.querySelectorAll('details.fold').length"),
                "JS off: every fold has a summary to open it by")
        check_quiet(c, page, snap)
    finally:
        page.close()


def cjk_fonts():
    if not shutil.which("fc-list"):
        return None
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def check_glyphs(c, page):
    """The Chinese text is drawn with a font that has Chinese glyphs, not with boxes."""
    doc = page.send("DOM.getDocument", {"depth": 0})
    node = page.send("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": "article.finding p.message"})
    fonts = page.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    names = {f["familyName"] for f in fonts if f["glyphCount"]}
    known = cjk_fonts()
    if known is None:
        print("  (no fc-list: the fonts of the Chinese text are not checked)")
        return names
    c.check(names & known, f"the Chinese message is drawn in a font with Chinese glyphs: {names}, fc-list :lang=zh has {sorted(known)[:4]}")
    return names


HOSTILE_NAME = 'x"><img src=x onerror=alert(2)>.txt'
HOSTILE_TEXT = (
    # Each piece of markup sits next to a half-width comma, so it is in a finding's context.
    "关于做好年度考核工作的通知\n\n"
    "请各单位<script>alert(1)</script>认真组织,确保按时完成。\n\n"
    "请在\"onload=alert(1)表单中填写,并于月底前报送。\n\n"
    "请在</textarea>表单中填写姓名,谢谢。\n\n"
    "请查收附件,<img src=x onerror=alert(1)>登记表。\n"
)
HOSTILE_STRINGS = ["<script>alert(1)</script>", '"onload=', "</textarea>", "<img src=x onerror=alert(1)>"]


def run_case(browser, govlint, work, out, name, paths, lang, hostile=False, screenshots=()):
    c = Checks(name)
    started = time.monotonic()
    data = govlint_json(govlint, paths, lang)
    html = pathlib.Path(work) / f"{name}.html"
    govlint_html(govlint, paths, lang, html)
    stdout = subprocess.run([govlint, "check", *paths, "--format", "html", "--lang", lang],
                            capture_output=True, cwd=ROOT, timeout=120).stdout
    c.check(stdout == html.read_bytes(), "the report on stdout (no --output) is the --output file, byte for byte")
    notes = []
    try:
        run_checks(c, browser, html, data, out, lang, hostile, screenshots, notes)
    except Failure as e:
        c.failed.append(str(e))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        # A page that differs from what the checks expect (an attribute missing, say).
        c.failed.append(f"{type(e).__name__}: {e} (report.py line {traceback.extract_tb(e.__traceback__)[-1].lineno})")
    elapsed = time.monotonic() - started
    print(f"{name}: {len(data['diagnostics'])} findings, {c.passed} checks passed, "
          f"{len(c.failed)} failed ({elapsed:.1f} s)")
    for note in notes:
        print(f"  {note}")
    for what in c.failed:
        print(f"  FAILED: {what}")
    return c


def run_checks(c, browser, html, data, out, lang, hostile, screenshots, notes):
    page = browser.open(html)
    try:
        snap = page.eval(SNAPSHOT)
        c.check(snap["filtersHidden"] is False, "the script shows the filter form (removes `hidden`)")
        check_static(c, page, snap, data, lang)
        other_issues = check_quiet(c, page, snap)
        if other_issues:
            notes.append(f"other DevTools issues: {sorted(set(other_issues))}")
        if hostile:
            dom = page.eval("""({imgs: document.querySelectorAll('img').length,
                scripts: document.scripts.length, textareas: document.querySelectorAll('textarea').length,
                handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])
                   .filter(a => a.name.startsWith('on')).map(a => a.name),
                text: document.body.textContent,
                paths: [...document.querySelectorAll('section.file')].map(s => s.dataset.path)})""")
            c.check(dom["imgs"] == 0 and dom["scripts"] == 1 and dom["textareas"] == 0 and not dom["handlers"],
                    f"no element or handler from the text: {dom['imgs']} img, {dom['scripts']} script, "
                    f"{dom['textareas']} textarea, handlers {dom['handlers']}")
            literal = [s for s in HOSTILE_STRINGS if s not in dom["text"]]
            c.check(not literal, f"the text shows literally: missing {literal}")
            c.check(any(p.endswith(HOSTILE_NAME) for p in dom["paths"]), f"the file name kept literally in data-path: {dom['paths']}")
        if len({d["rule"] for d in data["diagnostics"]}) >= 1 and not hostile:
            rules = collections.Counter(d["rule"] for d in data["diagnostics"])
            # The rule with most findings hits the folds; the least, a single article.
            for rule in {rules.most_common()[0][0], rules.most_common()[-1][0]}:
                n = check_filter(c, page, data, "rule", rule)
                notes.append(f"filter rule {rule}: {n} hidden and shown again")
            severity = collections.Counter(d["severity"] for d in data["diagnostics"]).most_common()[-1][0]
            n = check_filter(c, page, data, "severity", severity)
            notes.append(f"filter severity {severity}: {n} hidden and shown again")
            check_all_off(c, page, data)
            check_jumps(c, page)
        for file, selector in screenshots:
            size = page.screenshot(pathlib.Path(out) / file, selector)
            if selector is None:
                c.check(size == (WIDTH, HEIGHT), f"{file} is {size[0]}×{size[1]}, not {WIDTH}×{HEIGHT}")
                fonts = check_glyphs(c, page)
                notes.append(f"{file} {size[0]}×{size[1]}, Chinese drawn in {sorted(fonts)}")
            else:
                notes.append(f"{file} {size[0]}×{size[1]} ({selector})")
        check_fold_opens(c, page)
        check_narrow(c, page, notes)
    finally:
        page.close()
    check_no_script(c, browser, html, data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--govlint", default=os.environ.get("GOVLINT") or str(
        pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug" / "govlint"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), "chromium"))
    parser.add_argument("--out", default=str(pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "browser"))
    args = parser.parse_args()
    govlint = str(pathlib.Path(args.govlint).resolve())
    if not os.access(govlint, os.X_OK):
        sys.exit(f"browser test: no govlint at {govlint} (build it first, or set GOVLINT)")
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = tempfile.mkdtemp(prefix="govlint-browser-")
    browser = None
    results = []
    try:
        started = time.monotonic()
        browser = Browser(args.chromium, work)
        print(f"browser test: {browser.version}, started in {time.monotonic() - started:.1f} s")
        hostile_dir = pathlib.Path(work) / "hostile"
        hostile_dir.mkdir()
        (hostile_dir / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
        results.append(run_case(browser, govlint, work, out, "seed-zh", [SEED], "zh",
                                screenshots=[("seed-report-zh.png", None)]))
        results.append(run_case(browser, govlint, work, out, "seed-en", [SEED], "en"))
        results.append(run_case(browser, govlint, work, out, "pastes-en", [PASTES], "en",
                                screenshots=[("pastes-duplicates-en.png", "#duplicates")]))
        results.append(run_case(browser, govlint, work, out, "hostile-zh", [str(hostile_dir)], "zh", hostile=True))
    except Failure as e:
        print(f"browser test: FAILED: {e}")
        if browser:
            print(browser.log_tail())
        return 1
    finally:
        if browser:
            browser.close()
        shutil.rmtree(work, ignore_errors=True)
    failed = sum(len(r.failed) for r in results)
    print(f"browser test: {sum(r.passed for r in results)} checks passed, {failed} failed; screenshots in {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
