#!/usr/bin/env python3
"""Plants slips for the `misspelling` and `abolished-agency` rules in copies of real
documents and measures what govlint finds of them (issue 20's recall check; the near
misses of `canonical-wording` are planted by wording_near_misses.py --plant).

    python3 examples/plant_wording.py --govlint target/release/govlint --out DIR CORPUS...

For each rule, N documents are copied and one slip is written into one sentence of each:
a misspelling's wrong form (replacing a word of the sentence's end), an abolished body named
as the subject of a new clause (`请{name}牵头负责。`). The copies of the abolished-agency run
are linted with `--as-of 2024-01-01` (documents of the corpus are of every age) and without
it (each document dated by its own text: a slip in an old document is then rightly silent).
Prints recall per rule and every miss.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "src", "rules", "data")


def documents(paths):
    for root in paths:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if name.endswith((".txt", ".md")):
                    yield os.path.join(folder, name)


def sentence_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    return lines, [i for i, l in enumerate(lines) if len(l) > 30 and "。" in l and not l.startswith("#")]


def plant(rule, slips, paths, count, seed, out):
    rng = random.Random(seed)
    docs = list(documents(paths))
    rng.shuffle(docs)
    planted = []
    for path in docs:
        if len(planted) == count:
            break
        lines, candidates = sentence_lines(path)
        if not candidates:
            continue
        at = rng.choice(candidates)
        slip = rng.choice(slips)
        stop = lines[at].index("。")
        lines[at] = lines[at][:stop] + "。" + slip + lines[at][stop + 1 :]
        target = os.path.join(out, rule, f"{len(planted):03d}_" + os.path.basename(path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        planted.append((target, at + 1, slip))
    return planted


def found_lines(govlint, rule, folder, extra):
    run = subprocess.run(
        [govlint, "check", "--isolated", "--select", rule, "--format", "concise", *extra, folder],
        capture_output=True, text=True,
    )
    found = set()
    for line in run.stdout.splitlines():
        m = re.match(r"(.*?):(\d+):\d+: ", line)
        if m:
            found.add((m.group(1), int(m.group(2))))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--govlint", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    with open(os.path.join(DATA, "misspellings.toml"), "rb") as f:
        misspellings = [e["wrong"] for e in tomllib.load(f)["entry"]]
    with open(os.path.join(DATA, "abolished_agencies.toml"), "rb") as f:
        agencies = [e["name"] for e in tomllib.load(f)["entry"]]
    runs = [
        ("misspelling", [f"大家要{w}。" for w in misspellings], []),
        ("abolished-agency", [f"请{a}牵头负责。" for a in agencies], ["--as-of", "2024-01-01"]),
        ("abolished-agency", [f"请{a}牵头负责。" for a in agencies], []),
    ]
    for rule, slips, extra in runs:
        folder = os.path.join(args.out, rule)
        if not os.path.isdir(folder):
            planted = plant(rule, slips, args.paths, args.count, args.seed, args.out)
            with open(os.path.join(args.out, rule + ".tsv"), "w", encoding="utf-8") as f:
                for target, line, slip in planted:
                    f.write(f"{target}\t{line}\t{slip}\n")
        with open(os.path.join(args.out, rule + ".tsv"), encoding="utf-8") as f:
            planted = [(t, int(l), s) for t, l, s in (r.rstrip("\n").split("\t") for r in f)]
        found = found_lines(args.govlint, rule, folder, extra)
        hits = [p for p in planted if (p[0], p[1]) in found]
        label = rule + (" " + " ".join(extra) if extra else "")
        print(f"{label}: {len(hits)} of {len(planted)} planted slips found")
        for p in planted:
            if (p[0], p[1]) not in found:
                print(f"  missed: {p[2]} at {p[0]}:{p[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
