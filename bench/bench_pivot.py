"""Benchmark: a rep × month pivot of amount over 1 million deals, explore.pivot against pandas.

Each run changes the region filter first (as a user does), then pivots rep × close month,
sum of amount, with totals. The reference is pandas ``pivot_table`` on the same rows in the
same process: filter, month key from the date (``datetime64[M]``, the fastest pandas way
tried: ``dt.strftime`` is about 3x slower, ``dt.to_period`` a little slower), then
``pivot_table(..., margins=True)`` (the same work: totals included; also timed without
margins). Prints medians of 5 runs and the ratios. The machine is shared, so run it a few
times and look at the ratio, measured in the same run, more than at the absolute times.

    python bench/bench_pivot.py [--rows 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.metrics import explore  # noqa: E402
from analytics.store import canonical  # noqa: E402

REGIONS = ["East", "West", "North", "South"]
FILTERS = [["East"], ["West", "North"], ["South"], ["East", "West"], ["North"], ["West"], ["South", "East"]]


def make_deals(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` synthetic deals: 48 reps in 6 teams, 4 regions, 24 months of close dates, gamma amounts."""
    rng = np.random.default_rng(seed)
    reps = np.array([f"rep_{i:02d}" for i in range(48)])
    rep_idx = rng.integers(0, len(reps), n)
    close = pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    return pd.DataFrame({
        "deal_id": np.char.add("D", np.arange(n).astype(str)),
        "rep": reps[rep_idx],
        "team": np.array([f"team_{i}" for i in range(6)])[rep_idx % 6],
        "region": np.array(REGIONS)[rng.integers(0, len(REGIONS), n)],
        "stage": "Contract signed",
        "status": np.where(rng.random(n) < 0.6, "won", "open"),
        "amount": np.round(rng.gamma(2.0, 6000.0, n), 2),
        "created_date": close - pd.to_timedelta(rng.integers(5, 120, n), unit="D"),
        "close_date": close,
    })


def pandas_pivot(frame: pd.DataFrame, regions: list[str], margins: bool, strftime: bool = False) -> pd.DataFrame:
    part = frame[frame["region"].isin(regions)]
    month = (part["close_date"].dt.strftime("%Y-%m") if strftime
             else part["close_date"].to_numpy().astype("datetime64[M]"))
    part = part.assign(close_date_month=month)
    return part.pivot_table(index="rep", columns="close_date_month", values="amount", aggfunc="sum",
                            margins=margins, margins_name="Total")


def interleaved(fns: dict[str, object], runs: int) -> tuple[dict[str, float], dict[str, object]]:
    """Median seconds per function over ``runs`` rounds; each round runs every function once, in turn,
    so a burst of load from other processes hits all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    last: dict[str, object] = {}
    for i in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            last[name] = fn(i)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    started = time.perf_counter()
    deals = make_deals(args.rows)
    con = canonical.connect({"deals": deals})
    frame = con.execute("SELECT rep, region, amount, close_date FROM deals").df()  # the same rows for pandas
    print(f"data: {args.rows:,} deals, built and loaded in {time.perf_counter() - started:.1f} s; "
          f"python {platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")

    def duck(i: int) -> explore.PivotResult:
        return explore.pivot(con, "deals", ["rep"], ["close_date:month"], "amount", "sum",
                             filters={"region": FILTERS[i % len(FILTERS)]})

    duck(0)  # warm-up of both sides, not timed
    pandas_pivot(frame, FILTERS[0], True)
    medians, last = interleaved({
        "duck": duck,
        "pandas": lambda i: pandas_pivot(frame, FILTERS[i % len(FILTERS)], True),
        "bare": lambda i: pandas_pivot(frame, FILTERS[i % len(FILTERS)], False),
        "strftime": lambda i: pandas_pivot(frame, FILTERS[i % len(FILTERS)], True, strftime=True),
    }, args.runs)
    duck_s, pandas_s, bare_s = medians["duck"], medians["pandas"], medians["bare"]
    duck_last, pandas_last = last["duck"], last["pandas"]

    # Same answer: the grand total and one cell of the last run.
    wide = duck_last.wide.set_index("rep")
    assert abs(wide.loc["Total", "Total"] - pandas_last.loc["Total", "Total"]) < 1e-6 * abs(
        pandas_last.loc["Total", "Total"])
    first_month = pandas_last.columns[0]
    label = pd.Timestamp(first_month).strftime("%Y-%m")
    assert abs(wide.loc["rep_00", label] - pandas_last.loc["rep_00", first_month]) < 1e-6

    print(f"explore.pivot (DuckDB, totals)        median of {args.runs}: {duck_s * 1000:7.1f} ms "
          f"(goal < 500 ms: {'met' if duck_s < 0.5 else 'NOT met'})")
    print(f"pandas pivot_table, margins=True      median of {args.runs}: {pandas_s * 1000:7.1f} ms")
    print(f"pandas pivot_table, no margins        median of {args.runs}: {bare_s * 1000:7.1f} ms")
    print(f"ratio pandas(margins) / explore.pivot: {pandas_s / duck_s:5.1f}x (goal >= 3x: "
          f"{'met' if pandas_s / duck_s >= 3 else 'NOT met'})")
    print(f"pandas, margins, month by dt.strftime median of {args.runs}: {medians['strftime'] * 1000:7.1f} ms")
    print(f"ratio pandas(no margins) / explore.pivot: {bare_s / duck_s:5.1f}x")
    print(f"ratio pandas(strftime, margins) / explore.pivot: {medians['strftime'] / duck_s:5.1f}x")
    print(f"result: {wide.shape[0] - 1} reps x {wide.shape[1] - 1} months, total {wide.loc['Total', 'Total']:,.0f}")


if __name__ == "__main__":
    main()
