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
    python3 examples/wording_near_misses.py --plant 100 --seed 1 [--out DIR] PATH...

--plant N picks N exact occurrences of the entries in the corpus (seeded, deterministic),
applies one random edit to each (substitution by a character from the same paragraph,
insertion, deletion or a swap of two different neighbours), checks that the finder reports
each planted slip (its recall, printed on stderr) and, with --out, writes the planted copies
of the touched files under DIR with DIR/planted.tsv (file, line, entry, kind, slip) so that
the rule can be measured on the same slips.

PATH is a file or a directory (every *.txt / *.md / *.html below it; HTML is read as text). Output is TSV, sorted, so
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
            if name.endswith((".txt", ".md", ".html", ".htm")):
                yield os.path.join(root, name)


def context(line, s, e, width=12):
    return (line[max(0, s - width) : s] + "【" + line[s:e] + "】" + line[e : e + width]).replace("\t", " ")


def load(data):
    with open(data, "rb") as f:
        return tomllib.load(f)["entry"]


def plant_edit(rng, text, line):
    """One random edit of `text`; the substituted/inserted character comes from the same
    paragraph so that the slip looks like a real typo, not noise."""
    pool = [c for c in line if "\u4e00" <= c <= "\u9fff"] or list("的一是在不了有和人这")
    while True:
        kind = rng.choice(["sub", "ins", "del", "swap"])
        i = rng.randrange(len(text))
        if kind == "sub":
            c = rng.choice(pool)
            if c == text[i]:
                continue
            slip = text[:i] + c + text[i + 1 :]
        elif kind == "ins":
            # an insertion before the first or after the last character leaves the
            # formulation intact: that is no slip of it
            if i == 0:
                continue
            slip = text[:i] + rng.choice(pool) + text[i:]
        elif kind == "del":
            slip = text[:i] + text[i + 1 :]
        else:
            if i + 1 >= len(text) or text[i] == text[i + 1]:
                continue
            slip = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if edit_kind(slip, text) is not None:
            return kind, slip


def plant(entries, paths, n, seed, out):
    import random

    rng = random.Random(seed)
    sites = []
    for root in paths:
        for path in files_under(root):
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    for entry in entries:
                        if entry.get("exact_only"):
                            continue
                        for s in find_all(line, entry["text"]):
                            sites.append((path, lineno, s, entry))
    picked = rng.sample(sites, min(n, len(sites)))
    found = 0
    planted = []
    for path, lineno, s, entry in sorted(picked, key=lambda x: (x[0], x[1], -x[2])):
        with open(path, encoding="utf-8", errors="replace") as f:
            line = f.read().split("\n")[lineno - 1]
        text = entry["text"]
        kind, slip = plant_edit(rng, text, line)
        new = line[:s] + slip + line[s + len(text) :]
        hit = any(s - 1 <= a <= s + 1 and line_slice_ok(new, a, b, slip) for a, b, _ in near_misses(new, entry))
        found += hit
        planted.append((path, lineno, text, kind, slip, new, hit))
    sys.stderr.write(f"planted {len(planted)} slips, finder reported {found} ({100.0 * found / max(1, len(planted)):.1f}%)\n")
    for p in planted:
        if not p[6]:
            sys.stderr.write(f"  missed: {p[2]} -> {p[4]} ({p[3]}) {p[0]}:{p[1]}\n")
    if out:
        os.makedirs(out, exist_ok=True)
        copies = {}
        for path, lineno, text, kind, slip, new, hit in planted:
            if path not in copies:
                with open(path, encoding="utf-8", errors="replace") as f:
                    copies[path] = f.read().split("\n")
            # several slips can land on one line: re-plant into the current text
            cur = copies[path][lineno - 1]
            copies[path][lineno - 1] = cur.replace(text, slip, 1) if text in cur else new
        for path, lines in copies.items():
            dest = os.path.join(out, os.path.relpath(path, "/"))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        with open(os.path.join(out, "planted.tsv"), "w", encoding="utf-8") as f:
            for path, lineno, text, kind, slip, new, hit in planted:
                f.write(f"{os.path.relpath(path, '/')}\t{lineno}\t{text}\t{kind}\t{slip}\n")


def line_slice_ok(line, a, b, slip):
    """The reported window covers the planted slip (give or take its first/last character)."""
    return abs((b - a) - len(slip)) <= 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--entry", action="append", help="only this entry text (repeatable)")
    ap.add_argument("--counts", action="store_true", help="exact counts only")
    ap.add_argument("--plant", type=int, metavar="N", help="plant N slips and measure recall")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="with --plant: write planted copies and planted.tsv here")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    entries = load(args.data)
    if args.entry:
        entries = [e for e in entries if e["text"] in args.entry]
    if args.plant:
        plant(entries, args.paths, args.plant, args.seed, args.out)
        return
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
