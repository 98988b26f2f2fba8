"""spark/govlint_dups.py finds what `govlint check --dup-scope repository` finds.

    python spark/test_govlint_dups.py --govlint target/debug/govlint
    python spark/test_govlint_dups.py --govlint target/release/govlint --corpus ../corpus/gov

Without --corpus, from the repository's root, on fixtures/corpus-sample, fixtures/lawref,
fixtures/pastes and fixtures/report together: `govlint signatures --isolated` into a
temporary directory, the Spark job on it (this interpreter, local mode, `--isolated`), and
`govlint check --isolated --dup-scope repository --format json` on the same paths. The
job's FINDINGS.json and check's JSON must be the same document, and it must hold at least
one `duplicate-paragraph` and one `near-duplicate-paragraph` finding, so that the
comparison is not vacuous; the job run again in two parts (`--part`) on cells of 200
paragraphs (each length band in several chunks) must give the same document. With --corpus DIR..., the same comparison on each directory
instead, run from its parent (the paths in the signatures are relative to the directory
they were written from, and the report reads the texts again there).

Needs pyspark, pandas, pyarrow and rapidfuzz in this interpreter (spark/requirements.txt)
and a Java 17+ runtime. Exits 1 on any difference.
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JOB = os.path.join(ROOT, "spark", "govlint_dups.py")
FIXTURES = ["fixtures/corpus-sample", "fixtures/lawref", "fixtures/pastes", "fixtures/report"]
EXACT, NEAR = "duplicate-paragraph", "near-duplicate-paragraph"


class Failure(Exception):
    pass


def run(command, cwd, log, what):
    """Runs `command` in `cwd`, its output into `log`; govlint's 0 and 1 are results."""
    started = time.time()
    with open(log, "wb") as out:
        done = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode not in (0, 1):
        with open(log, encoding="utf-8", errors="replace") as f:
            tail = f.readlines()[-40:]
        raise Failure(
            f"{what} exited with {done.returncode}: {' '.join(command)}\n" + "".join(tail)
        )
    return time.time() - started


def load(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        raise Failure(f"{what}: cannot read {path}: {error}") from None


def key(d):
    return (d.get("path"), d.get("line"), d.get("column"), d.get("rule"))


def describe(d):
    place = f"{d.get('path')}:{d.get('line')}:{d.get('column')}"
    text = f"{place} {d.get('rule')}: {d.get('message')}"
    return text if len(text) <= 160 else text[:157] + "..."


def differences(job, check, limit=15):
    """What differs between the two documents, briefly."""
    lines = []
    a, b = job.get("diagnostics", []), check.get("diagnostics", [])
    if a != b:
        lines.append(f"diagnostics: {len(a)} from the Spark job, {len(b)} from govlint check")
        ka = collections.Counter(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in a)
        kb = collections.Counter(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in b)
        only_a = [json.loads(s) for s in (ka - kb).elements()]
        only_b = [json.loads(s) for s in (kb - ka).elements()]
        # The same finding (place and rule) with other details is one difference, not two.
        by_place = {key(d): d for d in only_b}
        changed = [(d, by_place[key(d)]) for d in only_a if key(d) in by_place]
        changed_keys = {key(d) for d, _ in changed}
        for name, items in (
            ("only in the Spark job's findings", [d for d in only_a if key(d) not in changed_keys]),
            ("only in govlint check's findings", [d for d in only_b if key(d) not in changed_keys]),
        ):
            if items:
                lines.append(f"{name} ({len(items)}):")
                lines += ["  " + describe(d) for d in items[:limit]]
                if len(items) > limit:
                    lines.append(f"  ... and {len(items) - limit} more")
        if changed:
            lines.append(f"the same finding with other details ({len(changed)}):")
            for x, y in changed[:limit]:
                fields = sorted(f for f in set(x) | set(y) if x.get(f) != y.get(f))
                lines.append("  " + describe(y))
                for f in fields:
                    lines.append(f"    {f}: job {str(x.get(f))[:70]!r}, check {str(y.get(f))[:70]!r}")
            if len(changed) > limit:
                lines.append(f"  ... and {len(changed) - limit} more")
        if not only_a and not only_b:
            lines.append("the same findings in another order")
    for field in sorted((set(job) | set(check)) - {"diagnostics"}):
        if job.get(field) != check.get(field):
            lines.append(
                f"{field}: job {json.dumps(job.get(field), ensure_ascii=False)[:300]}, "
                f"check {json.dumps(check.get(field), ensure_ascii=False)[:300]}"
            )
    return lines


def compare(govlint, cwd, paths, name, work, split=False):
    """One comparison; returns the duplicate findings by rule, or raises Failure.

    With `split`, the search is run again in two parts on cells of 200 paragraphs (bands
    dealt into several chunks, pairs added part by part) and must give the same document.
    """
    os.makedirs(work)
    signatures = os.path.join(work, "signatures")
    findings = os.path.join(work, "findings.json")
    checked = os.path.join(work, "check.json")
    t_sign = run(
        [govlint, "signatures", *paths, "-o", signatures, "--isolated"],
        cwd, os.path.join(work, "signatures.log"), "govlint signatures",
    )
    t_job = run(
        [sys.executable, JOB, signatures, findings, "--govlint", govlint, "--isolated"],
        cwd, os.path.join(work, "job.log"), "spark/govlint_dups.py",
    )
    with open(checked, "wb") as out:
        started = time.time()
        done = subprocess.run(
            [govlint, "check", *paths, "--isolated", "--dup-scope", "repository",
             "--format", "json"],
            cwd=cwd, stdout=out,
        )
        t_check = time.time() - started
    if done.returncode not in (0, 1):
        raise Failure(f"govlint check exited with {done.returncode}")
    job, check = load(findings, "the Spark job's findings"), load(checked, "govlint check")
    rules = collections.Counter(d.get("rule") for d in check.get("diagnostics", []))
    manifest = load(os.path.join(signatures, "manifest.json"), "the signatures' manifest")
    print(
        f"{name}: {manifest.get('files')} files, {manifest.get('units')} paragraphs; "
        f"{sum(rules.values())} findings, {rules[EXACT]} {EXACT}, {rules[NEAR]} {NEAR}; "
        f"signatures {t_sign:.1f} s, Spark job and report {t_job:.1f} s, check {t_check:.1f} s"
    )
    if job != check:
        raise Failure(
            f"{name}: the Spark job's findings differ from govlint check's\n"
            + "\n".join("  " + line for line in differences(job, check))
        )
    print(f"{name}: the Spark job's findings are govlint check's, the same JSON document")
    if split:
        shutil.rmtree(os.path.join(signatures, "pairs"))
        split_findings = os.path.join(work, "findings-split.json")
        for k, out in ((1, "-"), (2, split_findings)):
            run(
                [sys.executable, JOB, signatures, out, "--govlint", govlint, "--isolated",
                 "--cell-size", "200", "--part", f"{k}/2"],
                cwd, os.path.join(work, f"job-part{k}.log"), f"spark/govlint_dups.py part {k}/2",
            )
        job = load(split_findings, "the Spark job's findings in two parts")
        if job != check:
            raise Failure(
                f"{name}: in two parts of 200-paragraph cells, the Spark job's findings differ "
                "from govlint check's\n"
                + "\n".join("  " + line for line in differences(job, check))
            )
        print(f"{name}: the same in two parts of 200-paragraph cells")
    return rules


def main(argv):
    parser = argparse.ArgumentParser(
        description="spark/govlint_dups.py gives the findings of "
        "`govlint check --dup-scope repository` (exit 1 on a difference)"
    )
    parser.add_argument("--govlint", required=True, help="the govlint binary to test with")
    parser.add_argument(
        "--corpus", nargs="+", metavar="DIR",
        help="compare on these directories (each from its parent) instead of the fixtures",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory (its path is printed)"
    )
    args = parser.parse_args(argv)

    govlint = os.path.abspath(args.govlint)
    if not (os.path.isfile(govlint) and os.access(govlint, os.X_OK)):
        print(f"test_govlint_dups: no govlint binary at {govlint}", file=sys.stderr)
        return 2
    missing = []
    for module in ("pyspark", "pandas", "pyarrow", "rapidfuzz"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        print(
            f"test_govlint_dups: {sys.executable} lacks {', '.join(missing)} "
            "(pip install -r spark/requirements.txt)",
            file=sys.stderr,
        )
        return 2

    if args.corpus:
        runs = []
        for corpus in args.corpus:
            corpus = os.path.abspath(corpus)
            if not os.path.isdir(corpus):
                print(f"test_govlint_dups: {corpus} is not a directory", file=sys.stderr)
                return 2
            name = os.path.basename(corpus)
            runs.append((name, os.path.dirname(corpus), [name]))
    else:
        runs = [("fixtures", ROOT, FIXTURES)]

    work = tempfile.mkdtemp(prefix="govlint-spark-test-")
    started = time.time()
    failed = False
    try:
        for i, (name, cwd, paths) in enumerate(runs):
            try:
                rules = compare(
                    govlint, cwd, paths, name, os.path.join(work, f"{i}-{name}"),
                    split=not args.corpus,
                )
            except Failure as failure:
                print(f"FAIL {failure}", file=sys.stderr)
                failed = True
                continue
            if not args.corpus and (rules[EXACT] == 0 or rules[NEAR] == 0):
                print(
                    f"FAIL {name}: the comparison is vacuous: {rules[EXACT]} {EXACT} and "
                    f"{rules[NEAR]} {NEAR} findings, at least one of each expected",
                    file=sys.stderr,
                )
                failed = True
    finally:
        if args.keep or failed:
            print(f"test_govlint_dups: the runs' files are in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    verdict = "FAILED" if failed else "passed"
    elapsed = time.time() - started
    print(f"test_govlint_dups: {verdict}, {len(runs)} comparison(s) in {elapsed:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
