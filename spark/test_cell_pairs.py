"""The search of one cell (`cell_pairs` in spark/govlint_dups.py) misses no pair.

    python spark/test_cell_pairs.py --govlint target/debug/govlint

Writes a small archive of articles whose paragraphs are near copies of one another in
every way the search must survive: a few characters substituted, inserted or deleted;
characters outside the Basic Multilingual Plane (two UTF-16 units each), also substituted;
copies of equal length (ranked by file and unit); copies in one file and across files;
pairs just above and just below the threshold. `govlint signatures` signs it; every pair of
searched paragraphs is then compared by brute force (Levenshtein over UTF-16 units, as
govlint) and the pairs at or above the threshold must be exactly those `cell_pairs` finds,
with the same similarity, both with all paragraphs in one cell and dealt into chunks of
cells as the job deals them. No Spark: numpy, pyarrow and rapidfuzz. Exits 1 on a
difference.
"""

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import pyarrow as pa

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from govlint_dups import cell_pairs, max_edits, utf16  # noqa: E402

# Sentences written for this test (no corpus needed), and characters to substitute with,
# some of them outside the BMP.
SENTENCES = [
    "全面推进依法行政，加快建设法治政府",
    "持续优化营商环境，激发市场主体活力",
    "加强生态环境保护，推动绿色低碳发展",
    "扎实推进乡村振兴，促进农民持续增收",
    "深化教育综合改革，办好人民满意教育",
    "健全社会保障体系，兜牢民生保障底线",
    "统筹发展和安全，防范化解重大风险",
    "加快数字政府建设，提升政务服务效能",
]
# govlint's default near-copy threshold; the test reads the signatures' own.
THRESHOLD = 0.85
SWAPS = "区县市镇乡村街道社会经济文化𠀀𠀁𡈼𣲙𤆬"


def paragraph(rng):
    text = "，".join(rng.sample(SENTENCES, rng.randint(3, 6))) + "。"
    # Characters outside the BMP in some originals too.
    if rng.random() < 0.3:
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice("𠀀𡈼𤆬") + text[at:]
    return text


def vary(text, rng, edits):
    chars = list(text)
    for _ in range(edits):
        at = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 0.5:
            chars[at] = rng.choice(SWAPS)
        elif kind < 0.75:
            chars.insert(at, rng.choice(SWAPS))
        elif len(chars) > 10:
            del chars[at]
    return "".join(chars)


def write_archive(root, rng):
    originals = [paragraph(rng) for _ in range(40)]
    files = []
    for n in range(40):
        paragraphs = []
        for _ in range(rng.randint(8, 14)):
            roll = rng.random()
            if roll < 0.35:
                paragraphs.append(paragraph(rng))
            else:
                # Near copies from a few edits to past the threshold.
                paragraphs.append(vary(rng.choice(originals), rng, rng.randint(1, 12)))
        files.append(paragraphs)
    # On the threshold's edges: k = max_edits(L) deletions (the partner exactly k shorter),
    # insertions (the copy k longer), and substitutions by a character of a histogram bin
    # the text lacks (as long, and the histograms' bound exactly k), beside the original.
    for _ in range(20):
        # Characters only (the full stop is not part of the normalized text), so that the
        # edits counted here are the ones the search sees.
        original = "".join(rng.sample(SENTENCES, 4)).replace("，", "")
        k = max_edits(len(original), THRESHOLD)
        bins = {ord(c) & 63 for c in original}
        fresh = next(chr(c) for c in range(0x4E00, 0x9FA5) if (c & 63) not in bins)
        spots = sorted(rng.sample(range(len(original)), k))
        deleted = "".join(c for i, c in enumerate(original) if i not in spots)
        substituted = "".join(fresh if i in spots else c for i, c in enumerate(original))
        inserted = list(original)
        for at in reversed(spots):
            inserted.insert(at, fresh)
        for text in (original, deleted, substituted, "".join(inserted)):
            rng.choice(files).append(text + "。")
    for n, paragraphs in enumerate(files):
        with open(os.path.join(root, f"a{n:02d}.txt"), "w", encoding="utf-8") as f:
            f.write("关于推进工作的通知\n\n" + "\n\n".join(paragraphs) + "\n")


def searched_table(signatures):
    import pyarrow.parquet as pq

    parts = sorted(glob.glob(os.path.join(signatures, "units", "*.parquet")))
    table = pa.concat_tables([pq.read_table(p) for p in parts])
    table = table.sort_by([("file", "ascending"), ("unit", "ascending")])
    # The first of each exact class, if searched at all: as the job.
    seen, keep = set(), []
    for key_high, key_low, query_edits in zip(
        table.column("key_high").to_pylist(),
        table.column("key_low").to_pylist(),
        table.column("query_edits").to_pylist(),
    ):
        first = (key_high, key_low) not in seen
        seen.add((key_high, key_low))
        keep.append(first and query_edits > 0)
    return table.filter(pa.array(keep))


def brute_force(table, threshold):
    from rapidfuzz.distance import Levenshtein

    rows = table.to_pylist()
    found = {}
    for i, x in enumerate(rows):
        for y in rows[:i]:
            a, b = utf16(x["text"]), utf16(y["text"])
            longest = max(len(a), len(b))
            cutoff = max_edits(longest, threshold)
            distance = Levenshtein.distance(a, b, score_cutoff=cutoff)
            if distance <= cutoff:
                ends = sorted([(x["file"], x["unit"]), (y["file"], y["unit"])])
                found[tuple(ends)] = (1.0 - distance / longest, distance == cutoff)
    return found


def pairs_of(table):
    names = ("file_a", "unit_a", "file_b", "unit_b", "similarity")
    rows = zip(*(table.column(name).to_pylist() for name in names))
    return {((fa, ua), (fb, ub)): s for fa, ua, fb, ub, s in rows}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--govlint", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    govlint = os.path.abspath(args.govlint)

    work = tempfile.mkdtemp(prefix="govlint-cell-test-")
    failed = False
    try:
        archive = os.path.join(work, "archive")
        os.makedirs(archive)
        write_archive(archive, random.Random(args.seed))
        signatures = os.path.join(work, "signatures")
        subprocess.run(
            [govlint, "signatures", "archive", "--isolated", "-o", signatures],
            cwd=work, check=True, capture_output=True,
        )
        with open(os.path.join(signatures, "manifest.json"), encoding="utf-8") as f:
            threshold = float(json.load(f)["threshold"])
        if threshold != THRESHOLD:
            print(f"FAIL the threshold is {threshold}, not {THRESHOLD}", file=sys.stderr)
            return 1
        table = searched_table(signatures)
        judged = brute_force(table, threshold)
        expected = {pair: similarity for pair, (similarity, _) in judged.items()}
        places = list(zip(table.column("file").to_pylist(), table.column("unit").to_pylist()))
        texts = dict(zip(places, table.column("text").to_pylist()))
        astral = sum(
            1 for pair in expected if any(max(texts[end]) >= "\U00010000" for end in pair)
        )
        queries = table.select(["file", "unit", "length", "query_edits", "query", "text"])
        partners = table.select(
            ["file", "unit", "length", "index_edits", "index", "index_counts", "text"]
        )
        whole, _ = cell_pairs(queries, partners, threshold, batch_rows=5_000)
        found = {"one cell": pairs_of(whole)}
        # Dealt into three chunks a side: every (query chunk, partner chunk) cell.
        chunk = [hash(place) % 3 for place in places]
        dealt = {}
        for q in range(3):
            for p in range(3):
                qs = queries.filter(pa.array([c == q for c in chunk]))
                ps = partners.filter(pa.array([c == p for c in chunk]))
                part, _ = cell_pairs(qs, ps, threshold)
                dealt.update(pairs_of(part))
        found["nine cells"] = dealt
        # A chunk the hash left empty: the cogroup calls with one side empty, and the rows
        # must still have the job's types.
        for empty in (cell_pairs(queries.slice(0, 0), partners, threshold)[0],
                      cell_pairs(queries, partners.slice(0, 0), threshold)[0]):
            types = [str(field.type) for field in empty.schema]
            if empty.num_rows or types != ["int32"] * 4 + ["double"]:
                print(f"FAIL an empty side gives {empty.num_rows} rows of {types}", file=sys.stderr)
                failed = True
        near = sum(1 for s in expected.values() if s < threshold + 0.02)
        edge = sum(1 for _, on_edge in judged.values() if on_edge)
        print(
            f"test_cell_pairs: {table.num_rows} searched paragraphs, {len(expected)} pairs by "
            f"brute force ({near} within 0.02 of the threshold {threshold}, {edge} on it, "
            f"{astral} with characters outside the BMP)"
        )
        if len(expected) < 50 or astral == 0 or edge < 20:
            print("FAIL the archive is too tame to test anything", file=sys.stderr)
            failed = True
        for name, pairs in found.items():
            missing = sorted(set(expected) - set(pairs))
            extra = sorted(set(pairs) - set(expected))
            both = set(expected) & set(pairs)
            unequal = [k for k in both if abs(expected[k] - pairs[k]) > 1e-12]
            if missing or extra or unequal:
                failed = True
                print(
                    f"FAIL {name}: {len(missing)} missing {missing[:5]}, {len(extra)} extra "
                    f"{extra[:5]}, {len(unequal)} with another similarity",
                    file=sys.stderr,
                )
            else:
                print(f"test_cell_pairs: {name}: the same {len(pairs)} pairs")
    finally:
        if failed:
            print(f"test_cell_pairs: the files are in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
