"""Benchmark: the pipeline waterfall between two snapshots of 1,000,000 deals with 5 % changed.

Ours: ``analytics.metrics.changes.compare_stored`` (buckets, deal rows, stage moves and the
per-rep table) between the two snapshots as the workspace stores them (shared states: the 95 %
unchanged deals are skipped by their state ids); also the full ``pipeline_changes`` on two plain
tables, for reference. Reference: the same classification written plainly in
pandas (merge on id, boolean masks), measured in the same run; both must give the same sums.

    .venv/bin/python bench/bench_changes.py [--rows 1000000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from analytics.metrics.changes import compare_stored, pipeline_changes  # noqa: E402
from analytics.store import snapshots  # noqa: E402

WINDOW = (date(2026, 11, 1), date(2026, 11, 30))


def make(rows: int, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    before = pd.DataFrame({
        "deal_id": [f"D{i:07d}" for i in range(rows)],
        "rep": rng.choice([f"Rep {i}" for i in range(40)], rows),
        "team": rng.choice(["East", "West", "North"], rows),
        "stage": rng.choice(["Prospecting", "Communication", "Negotiation"], rows),
        "status": "open",
        "amount": rng.integers(1_000, 90_000, rows).astype(float),
        "close_date": (pd.Timestamp("2026-10-01") + pd.to_timedelta(rng.integers(0, 120, rows), unit="D")).date,
    })
    after = before.copy()
    changed = rng.random(rows) < 0.05
    kind = rng.integers(0, 4, rows)
    idx = np.flatnonzero(changed & (kind == 0))
    after.loc[idx, "amount"] = after.loc[idx, "amount"] * 1.2
    idx = np.flatnonzero(changed & (kind == 1))
    after.loc[idx, "close_date"] = [d + pd.Timedelta(days=30) for d in after.loc[idx, "close_date"]]
    idx = np.flatnonzero(changed & (kind == 2))
    after.loc[idx, "status"] = "won"
    after = after[~(changed & (kind == 3))]  # removed
    extra = before.sample(rows // 50, random_state=1).copy()
    extra["deal_id"] = [f"N{i:07d}" for i in range(len(extra))]
    after = pd.concat([after, extra], ignore_index=True)
    for f in (before, after):
        f["close_date"] = pd.to_datetime(f["close_date"])
    return before, after


def pandas_reference(before: pd.DataFrame, after: pd.DataFrame) -> dict[str, float]:
    """The plain version: merge on id, masks per bucket."""
    def in_window(f: pd.DataFrame, prefix: str) -> pd.Series:
        d = f[f"close_date{prefix}"]
        return (f[f"status{prefix}"] == "open") & (d >= pd.Timestamp(WINDOW[0])) & (d <= pd.Timestamp(WINDOW[1]))

    m = before.merge(after, on="deal_id", how="outer", suffixes=("_b", "_a"), indicator=True)
    bw, aw = in_window(m, "_b"), in_window(m, "_a")
    in_b, in_a = m["_merge"] != "right_only", m["_merge"] != "left_only"
    ab, aa = m["amount_b"].fillna(0), m["amount_a"].fillna(0)
    both = in_b & in_a & (bw | aw)
    out = {
        "start": ab[bw].sum(), "end": aa[aw].sum(), "created": aa[aw & ~in_b].sum(),
        "pulled_in": ab[aw & in_b & ~bw].sum(), "increased": (aa - ab)[both & (aa > ab)].sum(),
        "decreased": (ab - aa)[both & (aa < ab)].sum(),
        "pushed_out": aa[bw & ~aw & (m["status_a"] == "open")].sum(),
        "won": aa[bw & ~aw & (m["status_a"] == "won")].sum(),
        "lost": aa[bw & ~aw & (m["status_a"] == "lost")].sum(), "removed": ab[bw & ~in_a].sum(),
    }
    pushed = m[bw & ~aw & (m["status_a"] == "open")]
    out["_by_rep"] = pushed.groupby("rep_a")["amount_a"].agg(["count", "sum"])  # type: ignore[assignment]
    return out


def storage(rows: int = 100_000, weeks: int = 52, folder: Path | None = None) -> dict[str, float]:
    """File size of ``weeks`` weekly snapshots of ``rows`` deals (5 % of rows change a week, 1 %
    are new): stored as shared states (ours) against one full copy of the columns per week."""
    import tempfile

    from analytics.store import snapshots

    folder = folder or Path(tempfile.mkdtemp())
    week, _ = make(rows, seed=3)
    rng = np.random.default_rng(5)
    ours = duckdb.connect(str(folder / "shared.duckdb"))
    naive = duckdb.connect(str(folder / "copies.duckdb"))
    t = time.perf_counter()
    for w in range(weeks):
        day = date(2025, 12, 1) + pd.Timedelta(weeks=w)
        ours.register("_week", week)
        snapshots.record(ours, "_week", day)
        ours.unregister("_week")
        naive.register("_week", week)
        naive.execute(f"CREATE TABLE week_{w} AS SELECT * FROM _week")
        naive.unregister("_week")
        changed = rng.random(len(week)) < 0.05
        week = week.copy()
        week.loc[changed, "amount"] = week.loc[changed, "amount"] * 1.1
        new = week.sample(rows // 100, random_state=w).copy()
        new["deal_id"] = [f"W{w:02d}-{i:06d}" for i in range(len(new))]
        week = pd.concat([week, new], ignore_index=True)
    seconds = time.perf_counter() - t
    for con in (ours, naive):
        con.execute("CHECKPOINT")
        con.close()
    return {"shared_mb": (folder / "shared.duckdb").stat().st_size / 1e6,
            "copies_mb": (folder / "copies.duckdb").stat().st_size / 1e6, "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--storage", action="store_true", help="only measure 52 weekly snapshots of 100k deals")
    args = ap.parse_args()
    if args.storage:
        size = storage()
        print(f"52 weekly snapshots of 100,000 deals (5 % changed and 1 % new each week): shared states "
              f"{size['shared_mb']:.1f} MB against {size['copies_mb']:.1f} MB for a full copy per week "
              f"({size['copies_mb'] / size['shared_mb']:.1f}x smaller); recorded in {size['seconds']:.1f} s")
        return
    before, after = make(args.rows)
    con = duckdb.connect()
    for name, frame in (("before", before), ("after", after)):
        con.register("_f", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _f")
        con.unregister("_f")
    t = time.perf_counter()
    ids = [snapshots.record(con, name, day) for name, day in (("before", date(2026, 11, 2)),
                                                               ("after", date(2026, 11, 9)))]
    recorded = time.perf_counter() - t
    ours, full, ref = [], [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        result = compare_stored(con, ids[0], ids[1], window=WINDOW)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        whole = pipeline_changes(con, "before", "after", window=WINDOW)
        full.append(time.perf_counter() - t)
        t = time.perf_counter()
        expected = pandas_reference(before, after)
        ref.append(time.perf_counter() - t)
    for bucket in ("start", "created", "increased", "pushed_out", "won", "removed", "end"):
        assert abs(result.amount(bucket) - float(expected[bucket])) < 1, bucket
        assert abs(whole.amount(bucket) - float(expected[bucket])) < 1, bucket
    assert result.balanced
    o, f, r = statistics.median(ours), statistics.median(full), statistics.median(ref)
    print(f"rows {args.rows:,} per snapshot, 5 % changed, window {WINDOW[0]}..{WINDOW[1]}; "
          f"load average {os.getloadavg()[0]:.1f}; {args.rounds} rounds; both recorded as snapshots in "
          f"{recorded:.1f} s (once, at publish)")
    print(f"stored snapshots, changed states only: median {o * 1000:.0f} ms  {[round(x * 1000) for x in ours]}")
    print(f"two plain tables, full comparison:     median {f * 1000:.0f} ms")
    print(f"plain pandas merge + masks:            median {r * 1000:.0f} ms  {[round(x * 1000) for x in ref]}")
    print(f"ratio pandas / ours: {r / o:.1f}x (goal >= 3x; goal <= 1 s for ours)")


if __name__ == "__main__":
    main()
