#!/usr/bin/env python3
"""Near misses of the canonical formulations in src/rules/data/canonical_wording.toml.

Why this exists: issue 20's `canonical-wording` rule reports text that is one edit away
from an official formulation (one character substituted, inserted or deleted, or two
adjacent characters swapped) plus each entry's `known_wrong` variants. Before an entry
is shipped, every near miss it would raise on the real corpora has to be read: an entry
whose near misses are mostly legitimate text (a prefix such as 中华人民共和国国务院, a
different body, a historical phrase) must be dropped, narrowed or made `exact_only`.
This script lists them; it is the measuring side only and needs nothing but python3.

Usage:
    python3 examples/wording_near_misses.py [--data FILE] [--entry TEXT] PATH...
    python3 examples/wording_near_misses.py --counts PATH...   # exact counts only

PATH is a file or a directory (every *.txt / *.md below it). Output is TSV, sorted, so
that two runs can be diffed:
    near  <entry>  <kind>  <found>  <file>:<line>  <context>
    known <entry>  known_wrong  <found>  <file>:<line>  <context>
    exact <entry>  <count>  <root>
`kind` is sub / ins / del / swap. A window that overlaps an exact occurrence of the
entry is never a near miss (中华人民共和国国务院 is not an insertion into
中华人民共和国), nor is one inside an entry's `legitimate_neighbours`.
"""

import argparse
import os
import sys
import tomllib

DEFAULT_DATA = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "src", "rules", "data", "canonical_wording.toml"
)


def edit_kind(window, target):
    """The kind of the single edit turning `target` into `window`, or None if the
    optimal-string-alignment distance is not exactly 1."""
    lw, lt = len(window), len(target)
    if lw == lt:
        diffs = [i for i in range(lt) if window[i] != target[i]]
        if len(diffs) == 1:
            return "sub"
        if (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and window[diffs[0]] == target[diffs[1]]
            and window[diffs[1]] == target[diffs[0]]
        ):
            return "swap"
        return None
    if abs(lw - lt) != 1:
        return None
    longer, shorter = (window, target) if lw > lt else (target, window)
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    if longer[i + 1 :] == shorter[i:]:
        return "ins" if lw > lt else "del"
    return None


def pieces(text):
    """Three consecutive pieces of `text`: one edit (a swap touches two neighbours)
    leaves at least one of them intact, so every near miss contains one of them."""
    n = len(text)
    a, b = n // 3, 2 * n // 3
    return [(text[:a], 0), (text[a:b], a), (text[b:], b)]


def find_all(hay, needle):
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def near_misses(line, entry):
    """(start, end, kind) of each near miss of entry['text'] in `line`."""
    text = entry["text"]
    n = len(text)
    exact = [(s, s + n) for s in find_all(line, text)]
    allowed = []
    for nb in entry.get("legitimate_neighbours", []):
        allowed += [(s, s + len(nb)) for s in find_all(line, nb)]
    cands = {}
    for piece, off in pieces(text):
        if not piece:
            continue
        for p in find_all(line, piece):
            for d in (-1, 0, 1):
                s = p - off + d
                if s < 0:
                    continue
                for length in (n, n + 1, n - 1):
                    e = s + length
                    if e > len(line):
                        continue
                    kind = edit_kind(line[s:e], text)
                    if kind is None:
                        continue
                    if any(s < xe and xs < e for xs, xe in exact):
                        continue
                    if any(xs <= s and e <= xe for xs, xe in allowed):
                        continue
                    cands[(s, e)] = kind
    # One report per place: overlapping windows describe the same slip; keep the
    # same-length reading (sub/swap) first, then insertion, then deletion.
    rank = {"sub": 0, "swap": 0, "ins": 1, "del": 2}
    chosen = []
    for (s, e), kind in sorted(cands.items(), key=lambda kv: (kv[0][0], rank[kv[1]])):
        if chosen and s < chosen[-1][1]:
            prev = chosen[-1]
            if rank[kind] < rank[prev[2]]:
                chosen[-1] = (s, e, kind)
            continue
        chosen.append((s, e, kind))
    return chosen


def files_under(path):
    if os.path.isfile(path):
        yield path
        return
    for root, dirs, names in os.walk(path):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".txt", ".md")):
                yield os.path.join(root, name)


def context(line, s, e, width=12):
    return (line[max(0, s - width) : s] + "【" + line[s:e] + "】" + line[e : e + width]).replace("\t", " ")


def load(data):
    with open(data, "rb") as f:
        return tomllib.load(f)["entry"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--entry", action="append", help="only this entry text (repeatable)")
    ap.add_argument("--counts", action="store_true", help="exact counts only")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    entries = load(args.data)
    if args.entry:
        entries = [e for e in entries if e["text"] in args.entry]
    rows = []
    for root in args.paths:
        counts = {e["text"]: 0 for e in entries}
        for path in files_under(root):
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    line = line.rstrip("\n")
                    for entry in entries:
                        text = entry["text"]
                        counts[text] += line.count(text)
                        if args.counts:
                            continue
                        for wrong in entry.get("known_wrong", []):
                            for s in find_all(line, wrong):
                                rows.append(("known", text, "known_wrong", wrong, f"{path}:{lineno}", context(line, s, s + len(wrong))))
                        if entry.get("exact_only"):
                            continue
                        for s, e, kind in near_misses(line, entry):
                            rows.append(("near", text, kind, line[s:e], f"{path}:{lineno}", context(line, s, e)))
        for text, c in counts.items():
            rows.append(("exact", text, str(c), root, "", ""))
    out = sys.stdout
    for row in sorted(rows):
        out.write("\t".join(x for x in row if x != "") + "\n")


if __name__ == "__main__":
    main()
