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
buckets are joined with the indexed buckets of every shorter paragraph, occurrences are
summed per pair, a pair reaching the needed count is verified by Levenshtein distance over
UTF-16 units, and similarity = 1 - distance / longest, as govlint computes it.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time


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
        "--key-cap",
        type=int,
        default=0,
        help="split a join key shared by more than this many paragraphs into salted "
        "sub-joins (0: no salting); the result is the same, only the work is spread",
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


def max_edits(length, threshold):
    """As near::max_edits: the same double arithmetic, then truncation."""
    return int((1.0 - threshold) * length + 1e-9)


def utf16(text):
    """The text as govlint measures it: UTF-16 code units."""
    if all(ord(c) < 0x10000 for c in text):
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


def find_pairs(spark, signatures, manifest, key_cap, stats):
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

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
    )
    # The class's first paragraph is searched if it is long enough, as govlint does (a
    # copy whose enumerator makes it long enough does not stand in for it).
    searched = (
        units.join(later, ["file", "unit"], "left_anti")
        .where(F.size("query") > 0)
        .select(
            "file", "unit", "length", "text", "query", "index", "index_counts",
            "query_edits", "index_edits",
        )
        .cache()
    )
    # A paragraph queries those ranked below it: shorter, or as long and earlier.
    k = F.floor(F.lit(1.0 - threshold) * F.col("x_length") + F.lit(1e-9)).cast("int")
    # Length bands, so that the join itself pairs only lengths the threshold allows: a
    # partner is at least threshold times as long (less a rounding), so in the paragraph's
    # band or the one below when bands are a little wider than ln(1 / threshold).
    width = 1.001 * math.log(1.0 / threshold)
    band = lambda length: F.floor(F.log(length.cast("double")) / F.lit(width)).cast("int")
    query = searched.select(
        F.col("file").alias("x_file"),
        F.col("unit").alias("x_unit"),
        F.col("length").alias("x_length"),
        F.col("query_edits").alias("x_edits"),
        F.explode("query").alias("bucket"),
    ).withColumn("x_k", k).withColumn(
        "band", F.explode(F.array(band(F.col("x_length")), band(F.col("x_length")) - 1))
    )
    index = searched.select(
        F.col("file").alias("y_file"),
        F.col("unit").alias("y_unit"),
        F.col("length").alias("y_length"),
        F.col("index_edits").alias("y_edits"),
        band(F.col("length")).alias("band"),
        F.explode(F.arrays_zip("index", "index_counts")).alias("entry"),
    ).select(
        "y_file", "y_unit", "y_length", "y_edits", "band",
        F.col("entry.index").alias("bucket"),
        F.col("entry.index_counts").alias("occurrences"),
    )
    if key_cap > 0:
        # Keys shared by very many paragraphs (formulas, boilerplate sentences) would put
        # all their rows on one executor: each such key's index side is spread over salts,
        # and its query side copied to every salt, so the join's rows are the same.
        counts = index.groupBy("bucket", "band").count()
        hot = counts.where(F.col("count") > key_cap).select(
            "bucket", "band", F.ceil(F.col("count") / key_cap).cast("int").alias("salts")
        )
        index = (
            index.join(F.broadcast(hot), ["bucket", "band"], "left")
            .withColumn("salt", F.when(F.col("salts").isNull(), 0).otherwise(
                F.abs(F.hash("y_file", "y_unit")) % F.col("salts")))
            .drop("salts")
        )
        query = (
            query.join(F.broadcast(hot), ["bucket", "band"], "left")
            .withColumn("salt", F.explode(F.when(F.col("salts").isNull(), F.array(F.lit(0)))
                                          .otherwise(F.sequence(F.lit(0), F.col("salts") - 1))))
            .drop("salts")
        )
        on = ["bucket", "band", "salt"]
    else:
        on = ["bucket", "band"]
    below = (F.col("y_length") < F.col("x_length")) | (
        (F.col("y_length") == F.col("x_length"))
        & (
            (F.col("y_file") < F.col("x_file"))
            | ((F.col("y_file") == F.col("x_file")) & (F.col("y_unit") < F.col("x_unit")))
        )
    )
    joined = query.join(index, on).where(below & (F.col("y_length") >= F.col("x_length") - F.col("x_k")))
    if per_file:
        joined = joined.where(F.col("x_file") == F.col("y_file"))
    # As govlint's QueryNeeds: min(E(x), E(y)) - k shared occurrences, at least one. It
    # depends on the pair alone, so it is computed on each row and the aggregation's key is
    # five integers: almost every join row is a pair of its own, and each row goes through
    # the shuffle.
    needed = F.greatest(F.lit(1), F.least("x_edits", "y_edits") - F.col("x_k"))
    counted = (
        joined.select(
            "x_file", "x_unit", "y_file", "y_unit", needed.alias("needed"), "occurrences"
        )
        .groupBy("x_file", "x_unit", "y_file", "y_unit", "needed")
        .agg(F.sum("occurrences").alias("shared"))
        .where(F.col("shared") >= F.col("needed"))
        .select("x_file", "x_unit", "y_file", "y_unit")
    )
    texts = searched.select("file", "unit", "text")
    candidates = counted.join(
        texts.withColumnRenamed("file", "x_file").withColumnRenamed("unit", "x_unit")
        .withColumnRenamed("text", "x_text"),
        ["x_file", "x_unit"],
    ).join(
        texts.withColumnRenamed("file", "y_file").withColumnRenamed("unit", "y_unit")
        .withColumnRenamed("text", "y_text"),
        ["y_file", "y_unit"],
    )

    @F.pandas_udf(T.DoubleType())
    def similarity(a, b):
        import pandas as pd
        from rapidfuzz.distance import Levenshtein

        out = []
        for x, y in zip(a, b):
            x, y = utf16(x), utf16(y)
            longest = max(len(x), len(y))
            cutoff = max_edits(longest, threshold)
            d = Levenshtein.distance(x, y, score_cutoff=cutoff)
            out.append(None if d > cutoff else 1.0 - d / longest)
        return pd.Series(out, dtype="float64")

    # Rows name the earlier unit first, as govlint's pairs do.
    earlier = (F.col("y_file") < F.col("x_file")) | (
        (F.col("y_file") == F.col("x_file")) & (F.col("y_unit") < F.col("x_unit"))
    )
    pairs = (
        candidates.withColumn("similarity", similarity("x_text", "y_text"))
        .where(F.col("similarity").isNotNull())
        .select(
            F.when(earlier, F.col("y_file")).otherwise(F.col("x_file")).alias("file_a"),
            F.when(earlier, F.col("y_unit")).otherwise(F.col("x_unit")).alias("unit_a"),
            F.when(earlier, F.col("x_file")).otherwise(F.col("y_file")).alias("file_b"),
            F.when(earlier, F.col("x_unit")).otherwise(F.col("y_unit")).alias("unit_b"),
            "similarity",
        )
    )
    if stats is not None:
        stats["units"] = units.count()
        stats["searched"] = searched.count()
        stats["join_rows"] = joined.count()
        stats["counted"] = counted.count()
    return pairs


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
        pairs = find_pairs(spark, args.signatures, manifest, args.key_cap, stats)
        out = os.path.join(args.signatures, "pairs")
        # As many files as the verifying stage has tasks: one file would put the whole
        # verification on one core (govlint report reads any number).
        pairs.write.mode("overwrite").parquet(out)
        if stats is not None:
            stats["pairs"] = spark.read.parquet(out).count()
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
