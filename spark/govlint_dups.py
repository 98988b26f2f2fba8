"""govlint's duplicate search on Apache Spark, for archives beyond one machine.

    govlint signatures ARCHIVE -o SIGNATURES_DIR
    python spark/govlint_dups.py SIGNATURES_DIR FINDINGS.json      # or spark-submit
    govlint report SIGNATURES_DIR --format html -o report.html      # any format

The job reads what `govlint signatures` wrote (units/*.parquet, manifest.json), finds every
pair of paragraphs at least as alike as govlint's threshold, and writes them into
SIGNATURES_DIR/pairs/. It then runs `govlint report SIGNATURES_DIR --format json` into
FINDINGS.json: govlint itself classes the exact copies and judges every pair (quotations,
formulas, parallel texts), so the findings are those `govlint check --dup-scope repository`
gives, with one implementation of the judgement, not two.

The search is govlint's own, lossless (see src/dedup/near.rs): each paragraph's query
buckets meet the indexed buckets of every paragraph ranked below it, occurrences are
summed per pair, a pair reaching the needed count is verified by Levenshtein distance over
UTF-16 units, and similarity = 1 - distance / longest, as govlint computes it. Spark deals
the paragraphs into cells (length band and hash chunk of a query, and of its partners), so
that each cell's counting happens in memory (`cell_pairs`) and no per-pair row is shuffled.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time
import zlib


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="govlint's duplicate search on Spark: pairs into SIGNATURES_DIR/pairs/, "
        "findings (govlint's JSON) into FINDINGS"
    )
    parser.add_argument("signatures", help="a directory written by `govlint signatures`")
    parser.add_argument("findings", help="where govlint's JSON findings go ('-' for none)")
    parser.add_argument(
        "--govlint",
        default=os.environ.get("GOVLINT", "govlint"),
        help="the govlint binary that judges the pairs (default: $GOVLINT or govlint on PATH)",
    )
    parser.add_argument(
        "--master",
        default=None,
        help="Spark master when not run by spark-submit (default local[*])",
    )
    parser.add_argument(
        "--partitions", type=int, default=None, help="shuffle partitions (default: Spark's)"
    )
    parser.add_argument(
        "--cell-size",
        type=positive,
        default=100_000,
        help="most paragraphs of one length band a cell searches for (default 100000): a "
        "cell's memory grows with it, and the rows copied between cells shrink",
    )
    parser.add_argument(
        "--part",
        type=part,
        metavar="K/N",
        help="search only part K of N (1 <= K <= N) of the cells, chosen by a hash, and add "
        "its pairs to SIGNATURES_DIR/pairs/: a search too long for one run is done in N "
        "runs (give FINDINGS '-' to all but the last, or run `govlint report` after)",
    )
    parser.add_argument(
        "--config", help="govlint's configuration for the report (as `govlint report --config`)"
    )
    parser.add_argument(
        "--isolated",
        action="store_true",
        help="the report ignores every configuration file (as `govlint report --isolated`)",
    )
    parser.add_argument(
        "--stats", help="write the job's counts and times as JSON into this file"
    )
    return parser.parse_args(argv)


def positive(text):
    """A whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: at least 1")
    return value


def part(text):
    """K/N as (K, N), with 1 <= K <= N."""
    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not K/N") from None
    if not 1 <= k <= n:
        raise argparse.ArgumentTypeError(f"{text!r}: K must be between 1 and N")
    return k, n


def max_edits(length, threshold):
    """As near::max_edits: the same double arithmetic, then truncation."""
    return int((1.0 - threshold) * length + 1e-9)


def utf16(text):
    """The text as govlint measures it: UTF-16 code units."""
    if not text or max(text) < "\U00010000":
        return text
    data = text.encode("utf-16-le")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def session(master, partitions):
    from pyspark.sql import SparkSession

    # Executors run this interpreter, which has the job's packages (pandas, rapidfuzz).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("govlint-dups")
    if master or not os.environ.get("SPARK_ENV_LOADED"):
        builder = builder.master(master or "local[*]").config("spark.ui.enabled", "false")
        # Spark's 200 shuffle partitions are for clusters: on one machine, a few per core.
        partitions = partitions or 4 * (os.cpu_count() or 1)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def cell_pairs(queries, partners, threshold, same_file=False, batch_rows=4_000_000):
    """The pairs of one cell, from two Arrow tables (see `find_pairs` for the columns).

    Every query paragraph x is looked up in an inverted index of the partners' indexed
    buckets, as govlint looks it up in its own: the occurrences each partner y ranked below
    x (shorter, or as long and earlier) and long enough shares with x's query buckets are
    summed; a partner reaching govlint's needed count is a candidate; a candidate is
    verified by Levenshtein distance over UTF-16 units, after a lower bound from character
    histograms has rejected those that only share a sentence.
    """
    import numpy as np
    import pyarrow as pa
    from rapidfuzz.distance import Levenshtein

    def lists(table, name):
        column = table.column(name).combine_chunks()
        offsets = np.asarray(column.offsets)
        return np.asarray(column.values), offsets[:-1], offsets[1:] - offsets[:-1]

    def ints(table, name):
        return table.column(name).to_numpy().astype(np.int64)

    def table_of(file_a, unit_a, file_b, unit_b, similarity):
        """The rows as PAIRS_SCHEMA types them, even when there are none."""
        ints32 = [pa.array(column, pa.int32()) for column in (file_a, unit_a, file_b, unit_b)]
        names = ["file_a", "unit_a", "file_b", "unit_b", "similarity"]
        return pa.table(ints32 + [pa.array(similarity, pa.float64())], names=names)

    buckets, starts, sizes = lists(partners, "index")
    if queries.num_rows == 0 or len(buckets) == 0:
        # A chunk the hash left empty: the cogroup still calls with the other side.
        return table_of([], [], [], [], []), {}
    occurrences = lists(partners, "index_counts")[0]
    y_length, y_edits = ints(partners, "length"), ints(partners, "index_edits")
    y_id = ints(partners, "file") << 32 | ints(partners, "unit")
    x_length, x_edits = ints(queries, "length"), ints(queries, "query_edits")
    x_id = ints(queries, "file") << 32 | ints(queries, "unit")
    x_k = np.floor((1.0 - threshold) * x_length + 1e-9).astype(np.int64)

    # Partners in rank order (length, then file and unit), their entries laid out in that
    # order: in the index below each bucket's run lists its partners by rank, and the
    # partners a query may meet (ranked below it, long enough) are one stretch of each run.
    ids = np.unique(np.r_[x_id, y_id])
    ranked = np.lexsort((y_id, y_length))
    rank_key = (y_length << 32 | np.searchsorted(ids, y_id))[ranked]
    sizes = sizes[ranked]
    entry_of_rank = np.r_[0, np.cumsum(sizes)]
    flat = np.arange(len(buckets)) - np.repeat(entry_of_rank[:-1], sizes)
    flat += np.repeat(starts[ranked], sizes)
    # The inverted index: sorting values is several times faster than sorting indices, so
    # each entry's position rides in the low 32 bits of its bucket.
    index = np.sort(buckets[flat].astype(np.int64) << 32 | np.arange(len(buckets)))
    position = index & 0xFFFFFFFF
    owner = np.repeat(ranked, sizes)[position]
    occurrences = occurrences[flat][position]
    # Per query, the stretch of ranks it meets: from the first partner long enough to the
    # last ranked below it.
    lowest = np.searchsorted(rank_key, (x_length - x_k) << 32)
    highest = np.searchsorted(rank_key, x_length << 32 | np.searchsorted(ids, x_id))
    highest = np.maximum(highest, lowest)

    # Each query bucket once per query, as govlint reads each list once.
    wanted, _, sizes = lists(queries, "query")
    asker = np.repeat(np.arange(queries.num_rows), sizes)
    repeat = np.zeros(len(wanted), dtype=bool)
    repeat[1:] = (wanted[1:] == wanted[:-1]) & (asker[1:] == asker[:-1])
    wanted, asker = wanted[~repeat], asker[~repeat]
    # Looked up in bucket order (sorted needles: one pass through the index).
    by_wanted = np.sort(wanted.astype(np.int64) << 32 | asker)
    wanted, asker = by_wanted & ~0xFFFFFFFF, by_wanted & 0xFFFFFFFF
    low = np.searchsorted(index, wanted | entry_of_rank[lowest[asker]])
    found = np.searchsorted(index, wanted | entry_of_rank[highest[asker]]) - low

    x_texts = queries.column("text").to_pylist()
    y_texts = partners.column("text").to_pylist()

    def histograms(texts, lengths):
        """Each text's UTF-16 units folded into 64 bins, all texts at once."""
        units = np.frombuffer("".join(texts).encode("utf-16-le"), dtype=np.uint16)
        if int(lengths.sum()) != len(units):
            lengths = np.array([len(t.encode("utf-16-le")) // 2 for t in texts], dtype=np.int64)
        row = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        folded = np.bincount(row * 64 + (units & 63), minlength=len(texts) * 64)
        return folded.reshape(len(texts), 64).astype(np.int32)

    x_histograms = histograms(x_texts, x_length)
    y_histograms = histograms(y_texts, y_length)

    stats = {"candidate_rows": 0, "counted": 0, "checked": 0}
    rows = {"x": [], "y": [], "similarity": []}
    # Queries in batches whose joined rows stay under `batch_rows` (memory, not result).
    per_query = np.bincount(asker, weights=found, minlength=queries.num_rows)
    batch_of = (np.cumsum(per_query) // batch_rows).astype(np.int64)
    entry_batch = batch_of[asker]
    for batch in np.unique(entry_batch):
        chosen = entry_batch == batch
        counts, lows, xs = found[chosen], low[chosen], asker[chosen]
        total = int(counts.sum())
        if total == 0:
            continue
        first = np.cumsum(counts) - counts
        place = np.arange(total) - np.repeat(first, counts) + np.repeat(lows, counts)
        x = np.repeat(xs, counts)
        y = owner[place]
        shared = occurrences[place]
        if same_file:
            keep = (y_id[y] >> 32) == (x_id[x] >> 32)
            x, y, shared = x[keep], y[keep], shared[keep]
        stats["candidate_rows"] += len(x)
        if len(x) == 0:
            continue
        # A partner repeats a bucket at most as often as its prefix is long, under 65 536
        # for paragraphs of up to 50 000 units (near_max_chars' default): the count rides
        # in the 16 bits below the pair.
        pair = x * partners.num_rows + y
        if shared.max() <= 0xFFFF:
            pair = np.sort(pair << 16 | shared)
            shared, pair = pair & 0xFFFF, pair >> 16
        else:  # prefixes longer than near_max_chars' default allows
            order = np.argsort(pair)
            pair, shared = pair[order], shared[order]
        heads = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
        sums = np.add.reduceat(shared, heads)
        pair = pair[heads]
        x, y = pair // partners.num_rows, pair % partners.num_rows
        # As govlint's QueryNeeds: min(E(x), E(y)) - k shared occurrences, at least one.
        needed = np.maximum(1, np.minimum(x_edits[x], y_edits[y]) - x_k[x])
        reached = sums >= needed
        x, y = x[reached], y[reached]
        stats["counted"] += len(x)
        if len(x) == 0:
            continue
        # Half the L1 distance of two character histograms (characters folded into 64
        # bins) is at most their edit distance: most candidates differ by far more.
        bound = (np.abs(x_histograms[x] - y_histograms[y]).sum(axis=1) + 1) // 2
        possible = bound <= x_k[x]
        stats["checked"] += int(possible.sum())
        for a, b in zip(x[possible].tolist(), y[possible].tolist()):
            first_text, second_text = utf16(x_texts[a]), utf16(y_texts[b])
            longest = max(len(first_text), len(second_text))
            cutoff = max_edits(longest, threshold)
            distance = Levenshtein.distance(first_text, second_text, score_cutoff=cutoff)
            if distance <= cutoff:
                rows["x"].append(a)
                rows["y"].append(b)
                rows["similarity"].append(1.0 - distance / longest)
    x = np.asarray(rows["x"], dtype=np.int64)
    y = np.asarray(rows["y"], dtype=np.int64)
    stats["pairs"] = len(x)
    files = (x_id[x] >> 32, y_id[y] >> 32)
    units = (x_id[x] & 0xFFFFFFFF, y_id[y] & 0xFFFFFFFF)
    # Rows name the earlier unit first, as govlint's pairs do.
    earlier = y_id[y] < x_id[x]
    table = table_of(
        np.where(earlier, files[1], files[0]),
        np.where(earlier, units[1], units[0]),
        np.where(earlier, files[0], files[1]),
        np.where(earlier, units[0], units[1]),
        rows["similarity"],
    )
    return table, stats


# Later copies broadcast to every task up to this many (16 bytes each).
BROADCAST_LATER = 4_000_000

PAIRS_SCHEMA = "file_a int, unit_a int, file_b int, unit_b int, similarity double"


def find_pairs(spark, signatures, manifest, cell_size, part, stats):
    """The near pairs, as a DataFrame of PAIRS_SCHEMA.

    Partners lie in the query's length band or the one below (bands slightly wider than
    ln(1 / threshold)). Each band's searched paragraphs are dealt into chunks of at most
    `cell_size` by a hash; a cell is (query band and chunk, partner band and chunk), so each
    pair of paragraphs belongs to exactly one cell, and a cell holds every bucket of its
    partners: the count a pair needs is complete within the cell, and no per-pair row ever
    crosses the network. A query chunk is copied to each partner chunk of its two bands
    and back: the shuffle is the searched rows times the chunks of two bands, not the
    candidate rows.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    threshold = float(manifest["threshold"])
    per_file = manifest["scope"] == "file"
    units = spark.read.parquet(os.path.join(signatures, "units"))
    # One paragraph of each exact copy class is searched (the first in path order), as
    # govlint searches one; per file when copies are only looked for within a file.
    klass = ["key_high", "key_low"] + (["file"] if per_file else [])
    first = Window.partitionBy(*klass).orderBy("file", "unit")
    # The later copies are found on the narrow columns alone (24 bytes a paragraph through
    # the shuffle, not the whole row with its text and lists), then left out.
    later = (
        units.select("key_high", "key_low", "file", "unit")
        .withColumn("first", F.row_number().over(first))
        .where(F.col("first") > 1)
        .select("file", "unit")
        .cache()
    )
    # A few percent of the paragraphs: sent to every task, the wide rows stay where they
    # are (at 10 M paragraphs a shuffle of 6.6 GB otherwise).
    if later.count() <= BROADCAST_LATER:
        later = F.broadcast(later)
    width = 1.001 * math.log(1.0 / threshold)
    # The class's first paragraph is searched if it is long enough, as govlint does (a
    # copy whose enumerator makes it long enough does not stand in for it).
    searched = (
        units.join(later, ["file", "unit"], "left_anti")
        .where(F.size("query") > 0)
        .select(
            "file", "unit", "length", "text", "query", "index", "index_counts",
            "query_edits", "index_edits",
            F.floor(F.log(F.col("length").cast("double")) / F.lit(width)).cast("int").alias("band"),
        )
        .cache()
    )
    sizes = {row["band"]: row["count"] for row in searched.groupBy("band").count().collect()}
    chunks = {band: max(1, math.ceil(size / cell_size)) for band, size in sizes.items()}
    cells = [
        (band, chunk, partner_band, partner_chunk)
        for band in sorted(sizes)
        for chunk in range(chunks[band])
        for partner_band in (band, band - 1)
        if partner_band in sizes
        for partner_chunk in range(chunks[partner_band])
    ]
    if part is not None:
        # crc32, not hash(): the same cells in every run of the part.
        k, n = part
        cells = [cell for cell in cells if zlib.crc32(repr(cell).encode()) % n == k - 1]
    grid = spark.createDataFrame(
        [(number,) + cell for number, cell in enumerate(cells)],
        "cell int, band int, chunk int, partner_band int, partner_chunk int",
    )
    counts = spark.createDataFrame(list(chunks.items()), "band int, chunks int")
    dealt = searched.join(F.broadcast(counts), "band").withColumn(
        "chunk", F.pmod(F.hash("file", "unit"), F.col("chunks"))
    )
    # Both sides come from `searched`: aliases give their columns identities of their own
    # for the cogroup.
    fresh = lambda *names: [F.col(name).alias(name) for name in names]
    queries = dealt.join(F.broadcast(grid), ["band", "chunk"]).select(
        *fresh("cell", "file", "unit", "length", "query_edits", "query", "text")
    )
    partners = dealt.join(
        F.broadcast(
            grid.select(
                "cell",
                F.col("partner_band").alias("band"),
                F.col("partner_chunk").alias("chunk"),
            )
        ),
        ["band", "chunk"],
    ).select(
        *fresh("cell", "file", "unit", "length", "index_edits", "index", "index_counts", "text")
    )
    tallies = {
        name: spark.sparkContext.accumulator(0)
        for name in ("candidate_rows", "counted", "checked", "pairs")
    }

    def search(left, right):
        table, counted = cell_pairs(left, right, threshold, same_file=per_file)
        for name, value in counted.items():
            tallies[name].add(value)
        return table

    pairs = (
        queries.groupBy("cell")
        .cogroup(partners.groupBy("cell"))
        .applyInArrow(search, PAIRS_SCHEMA)
    )
    if stats is not None:
        stats["units"] = units.count()
        stats["searched"] = searched.count()
        stats["cells"] = len(cells)
        stats["largest_chunk"] = max(
            (math.ceil(size / chunks[band]) for band, size in sizes.items()), default=0
        )
    return pairs, tallies


def main(argv):
    args = parse_args(argv)
    manifest_path = os.path.join(args.signatures, "manifest.json")
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as error:
        print(f"govlint_dups: {manifest_path}: cannot read the manifest: {error}", file=sys.stderr)
        return 2
    govlint = shutil.which(args.govlint) if args.findings != "-" else None
    if args.findings != "-" and govlint is None:
        print(
            f"govlint_dups: {args.govlint!r} not found: govlint judges the pairs "
            "(--govlint PATH, or FINDINGS '-' to write the pairs alone)",
            file=sys.stderr,
        )
        return 2
    stats = {} if args.stats else None
    started = time.time()
    spark = session(args.master, args.partitions)
    try:
        pairs, tallies = find_pairs(
            spark, args.signatures, manifest, args.cell_size, args.part, stats
        )
        out = os.path.join(args.signatures, "pairs")
        # A part adds its pairs to the others' (a part run twice only repeats pairs, which
        # the report merges); a whole search replaces what an earlier one left.
        pairs.write.mode("append" if args.part else "overwrite").parquet(out)
        if stats is not None:
            stats.update({name: tally.value for name, tally in tallies.items()})
    finally:
        spark.stop()
    searched = time.time()
    code = 0
    if govlint is not None:
        command = [govlint, "report", args.signatures, "--format", "json", "-o", args.findings]
        if args.config:
            command += ["--config", args.config]
        if args.isolated:
            command.append("--isolated")
        done = subprocess.run(command)
        # govlint's own exit codes: 1 is findings at the failing severity, a result.
        code = done.returncode if done.returncode not in (0, 1) else 0
    if stats is not None:
        stats["search_seconds"] = round(searched - started, 1)
        stats["report_seconds"] = round(time.time() - searched, 1)
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=2)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
