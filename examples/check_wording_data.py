#!/usr/bin/env python3
"""Consistency check of the wording data files of issue 20 (src/rules/data/*.toml).

Why: the data are reviewed entry by entry and edited by hand; this catches the mistakes a
reviewer misses (a missing field, a test sentence that lacks its wrong form, a wrong form
that is a substring of another entry, a date that does not belong to its reform) before
the Rust loader and its tests exist or run. Usage: python3 examples/check_wording_data.py
Exit status 1 and one line per problem if anything is wrong.
"""

import datetime
import os
import sys
import tomllib

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "rules", "data")


def load(name):
    with open(os.path.join(DATA, name), "rb") as f:
        return tomllib.load(f)["entry"]


def main():
    problems = []

    def check(cond, msg):
        if not cond:
            problems.append(msg)

    canon = load("canonical_wording.toml")
    allowed = {"text", "source", "note", "known_wrong", "legitimate_neighbours", "exact_only"}
    texts = [e.get("text", "") for e in canon]
    check(len(set(texts)) == len(texts), "canonical: duplicate text")
    for e in canon:
        t = e.get("text", "")
        check(set(e) <= allowed, f"canonical {t}: unknown keys {set(e) - allowed}")
        check(len(t) >= 6, f"canonical {t}: shorter than 6 characters")
        check(bool(e.get("source")), f"canonical {t}: no source")
        for w in e.get("known_wrong", []):
            check(t not in w and w != t, f"canonical {t}: known_wrong {w} contains the text")
        for nb in e.get("legitimate_neighbours", []):
            check(t not in nb, f"canonical {t}: neighbour {nb} contains the text (it would never be a near miss)")

    agencies = load("abolished_agencies.toml")
    allowed = {"name", "replaced_by", "reform", "date", "source", "verified", "exceptions", "note"}
    days = {2018: {"2018-03-17", "2018-03-21"}, 2023: {"2023-03-10", "2023-03-16"}}
    names = [e.get("name", "") for e in agencies]
    check(len(set(names)) == len(names), "agencies: duplicate name")
    for e in agencies:
        n = e.get("name", "")
        check(set(e) <= allowed, f"agency {n}: unknown keys {set(e) - allowed}")
        for k in ("replaced_by", "reform", "date", "source", "verified"):
            check(k in e, f"agency {n}: no {k}")
        check(e.get("date") in days.get(e.get("reform"), set()), f"agency {n}: date {e.get('date')} is not a day of reform {e.get('reform')}")
        try:
            datetime.date.fromisoformat(e.get("date", ""))
        except ValueError:
            problems.append(f"agency {n}: date not ISO")
        for x in e.get("exceptions", []):
            check(n in x, f"agency {n}: exception {x} does not contain the name")
        for other in agencies:
            check(n not in other.get("replaced_by", ""), f"agency {n}: occurs in the successor of {other['name']}")

    miss = load("misspellings.toml")
    allowed = {"wrong", "right", "sentence", "note"}
    wrongs = [e.get("wrong", "") for e in miss]
    check(len(set(wrongs)) == len(wrongs), "misspellings: duplicate wrong form")
    for e in miss:
        w, r, s = e.get("wrong", ""), e.get("right", ""), e.get("sentence", "")
        check(set(e) == allowed, f"misspelling {w}: keys {set(e)}")
        check(w != r and len(w) == len(r), f"misspelling {w}: right form {r} differs in length or equals it")
        check(w in s, f"misspelling {w}: not in its sentence")
        check(r not in s, f"misspelling {w}: its sentence holds the right form")
        for o in miss:
            if o is e:
                continue
            check(w not in o["wrong"], f"misspelling {w}: inside the wrong form {o['wrong']}")
            check(w not in o["right"], f"misspelling {w}: inside the right form {o['right']}")
        for t in texts:
            check(w not in t, f"misspelling {w}: inside the canonical formulation {t}")
        for n in names:
            check(w not in n, f"misspelling {w}: inside the agency name {n}")

    for p in problems:
        print(p)
    print(f"canonical {len(canon)}, agencies {len(agencies)}, misspellings {len(miss)}: {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
