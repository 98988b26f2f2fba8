"""The Spark job's join size, computed exactly without Spark (pyarrow + numpy).

    python spark/scale/joinrows.py SIGNATURES_DIR [--passes P]

As govlint_dups.py: one searched representative per exact-copy class (the first in
(file, unit) order, among units with a non-empty query); a query entry (bucket b, paragraph
x) meets every indexed entry (b, y) with y ranked below x (by length, file, unit) and
length(y) >= length(x) - k(x). Prints, as JSON: units, searched, query/index entries, the
rows before the length/rank condition (sum_b |Q_b|·|I_b|) and after it (join_rows: the
job's `candidate_rows`, which it equals at 20 k, 100 k and 1 M generated paragraphs), and
per-bucket maxima (the hot keys).
Buckets are processed in P groups (bucket mod P, one pass each) to bound memory; the lists
are read once and split into files under --spill (deleted at the end).
"""
import argparse, glob, json
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--passes", type=int, default=1)
    ap.add_argument("--spill", help="a directory for the split entries (default DIR.joinrows)")
    a = ap.parse_args()
    manifest = json.load(open(a.dir + "/manifest.json"))
    threshold = float(manifest["threshold"])
    files = sorted(glob.glob(a.dir + "/units/*.parquet"))
    # Pass 0: scalars, representatives, ranks.
    cols = {k: [] for k in ("file", "unit", "key_high", "key_low", "length")}
    qsize = []
    for f in files:
        # A unit has a query prefix iff it needs edits to destroy it (query_edits > 0):
        # reading the lists themselves here would hold them all in memory.
        t = pq.read_table(f, columns=list(cols) + ["query_edits"], use_threads=False)
        for k in cols:
            cols[k].append(t.column(k).to_numpy())
        qsize.append(t.column("query_edits").to_numpy())
        del t
        pa.default_memory_pool().release_unused()
    cols = {k: np.concatenate(v) for k, v in cols.items()}
    qsize = np.concatenate(qsize)
    n = len(qsize)
    order = np.lexsort((cols["unit"], cols["file"]))  # rows are in this order already
    assert (order == np.arange(n)).all()
    key = cols["key_high"].astype(np.int64).view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ cols[
        "key_low"].astype(np.int64).view(np.uint64)
    has_query = qsize > 0
    cand = np.flatnonzero(has_query)
    _, first = np.unique(key[cand], return_index=True)  # first occurrence in row order
    rep = np.zeros(n, bool)
    rep[cand[first]] = True
    length = cols["length"].astype(np.int64)
    reps = np.flatnonzero(rep)
    by_rank = reps[np.lexsort((cols["unit"][reps], cols["file"][reps], length[reps]))]
    rank = np.full(n, -1, np.int64)
    rank[by_rank] = np.arange(len(by_rank))
    sorted_len = length[by_rank]
    k = np.floor((1.0 - threshold) * length + 1e-9).astype(np.int64)
    lo = np.full(n, 0, np.int64)
    lo[reps] = np.searchsorted(sorted_len, length[reps] - k[reps], side="left")
    R = np.int64(len(by_rank) + 1)
    out = dict(units=int(n), searched=int(len(reps)), query_entries=0, index_entries=0,
               rows_unfiltered=0, join_rows=0, max_bucket_rows=0, max_bucket_index=0,
               max_bucket_query=0)
    # One read of the lists: entries of representatives, split by bucket range into files
    # under --spill, so that each pass holds one range.
    import os, shutil
    spill = a.spill or a.dir.rstrip("/") + ".joinrows"
    os.makedirs(spill, exist_ok=True)
    base = 0
    for f in files:
        t = pq.read_table(f, columns=["query", "index"], use_threads=False)
        rows = t.num_rows
        for name in ("query", "index"):
            col = t.column(name).combine_chunks()
            off = col.offsets.to_numpy()
            owner = np.repeat(np.arange(base, base + rows, dtype=np.int32), np.diff(off))
            m = rep[owner]
            vals = col.values.to_numpy()[m].view(np.uint32)
            owner = owner[m]
            part = (vals % np.uint32(a.passes)).astype(np.int8)
            for p in range(a.passes):
                sel = part == p
                with open(f"{spill}/{name}{p}.b", "ab") as fh:
                    vals[sel].tofile(fh)
                with open(f"{spill}/{name}{p}.r", "ab") as fh:
                    rank[owner[sel]].astype(np.int32).tofile(fh)
                if name == "query":
                    with open(f"{spill}/{name}{p}.l", "ab") as fh:
                        lo[owner[sel]].astype(np.int32).tofile(fh)
            del col, off, owner, m, vals, part
        base += rows
        del t
        pa.default_memory_pool().release_unused()
    for p in range(a.passes):
        load = lambda name, ext, dt: np.fromfile(f"{spill}/{name}{p}.{ext}", dtype=dt).astype(np.int64)
        qb, qr, ql = load("query", "b", np.uint32), load("query", "r", np.int32), load("query", "l", np.int32)
        ib, ir = load("index", "b", np.uint32), load("index", "r", np.int32)
        out["query_entries"] += len(qb)
        out["index_entries"] += len(ib)
        ikeys = np.sort(ib * R + ir)
        qkeys_hi = qb * R + qr
        qkeys_lo = qb * R + ql
        per_query = np.searchsorted(ikeys, qkeys_hi, "left") - np.searchsorted(ikeys, qkeys_lo, "left")
        per_query = np.maximum(per_query, 0)
        out["join_rows"] += int(per_query.sum())
        ub, ic = np.unique(ib, return_counts=True)
        qub, qc = np.unique(qb, return_counts=True)
        pos = np.searchsorted(ub, qub)
        pos_ok = (pos < len(ub))
        match = np.zeros(len(qub), bool)
        match[pos_ok] = ub[pos[pos_ok]] == qub[pos_ok]
        iq = np.zeros(len(qub), np.int64)
        iq[match] = ic[pos[match]]
        out["rows_unfiltered"] += int((qc * iq).sum())
        rows_b = np.bincount(np.searchsorted(qub, qb), weights=per_query, minlength=len(qub))
        if len(rows_b):
            out["max_bucket_rows"] = max(out["max_bucket_rows"], int(rows_b.max()))
            out["max_bucket_query"] = max(out["max_bucket_query"], int(qc.max()))
        if len(ic):
            out["max_bucket_index"] = max(out["max_bucket_index"], int(ic.max()))
        top = np.argsort(rows_b)[::-1][:5]
        out.setdefault("top_buckets", []).extend(
            dict(bucket=int(qub[i]), query=int(qc[i]), index=int(iq[i]), rows=int(rows_b[i])) for i in top)
    shutil.rmtree(spill)
    out["top_buckets"] = sorted(out["top_buckets"], key=lambda d: -d["rows"])[:5]
    s = out["searched"]
    out["join_rows_per_searched"] = round(out["join_rows"] / s, 1)
    out["query_per_searched"] = round(out["query_entries"] / s, 1)
    out["index_per_searched"] = round(out["index_entries"] / s, 1)
    out["filter_ratio"] = round(out["join_rows"] / max(1, out["rows_unfiltered"]), 4)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
