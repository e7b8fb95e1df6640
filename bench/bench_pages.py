"""Benchmark: the figures the Overview, My progress, Funnel and Segments pages compute after a filter
change, on 1 million deals, against a plain-pandas implementation of the same figures in the same run.

Each timed round changes the filters (team, then region, segment, ...), the period and the rep, so
nothing a cache holds could help; the DuckDB tables are loaded once, as in the app (an in-memory
connection, queried through a cursor with the stage map registered), and the pandas reference works
on the same rows already in memory as DataFrames (``bench/pandas_reference.py``), once with text
columns as ``str`` and once as ``category``. Rounds interleave the sides, so a burst of load from
other processes on this shared machine hits all of them alike. Prints the median of ``--runs``
rounds per page, the ratios pandas / DuckDB, and the load average; see bench/README.md.

    python bench/bench_pages.py [--rows 1000000] [--runs 5] [--pages overview,my_progress,funnel,segments]
                                [--order created,shuffled] [--calls] [--full] [--duck-only] [--cache DIR]

Goals (issues 4, 5, 6): under 300 ms per page, at least 3x faster than pandas.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas_reference as ref  # noqa: E402

from analytics.filters import Filters  # noqa: E402
from analytics.metrics import attainment as att  # noqa: E402
from analytics.metrics import funnel as fun  # noqa: E402
from analytics.metrics import performance as perf  # noqa: E402
from analytics.periods import Period, add_months, fiscal_year_of, month_period, month_start, year_period  # noqa: E402
from analytics.store import canonical  # noqa: E402
from analytics.store.settings import DEFAULT_SETTINGS, Settings, register_stage_map  # noqa: E402

AS_OF = date(2026, 11, 30)
FIRST_CREATED = date(2024, 9, 1)
TARGET_MONTHS = [add_months(date(2025, 1, 1), i) for i in range(24)]  # 2025-01 .. 2026-12
TEAMS = ("East", "West", "Central", "Key Accounts", "Partners", "Online")
REGIONS = ("North", "South", "East", "West")
SEGMENTS = ("Enterprise", "Mid-market", "SMB", "Public sector")
CHANNELS = ("Direct", "Distribution", "E-commerce")
LEAD_SOURCES = ("Ads", "Promotion", "Trade show", "Referral", "Web")
PRODUCTS = tuple(f"Product {i}" for i in range(1, 9))
LOST_REASONS = ("Price", "Competitor", "No budget", "Timing", "No decision")
OPEN_STAGES = ("Prospecting", "Communication", "Negotiation")
N_REPS = 60
MOVERS = (5, 25, 45)  # reps who change team on 2026-07-01 (deals and target rows follow)
MOVE_DATE = date(2026, 7, 1)

#: What each timed round selects: the sidebar filters (a new slice every round) and the period.
ROUND_FILTERS = (
    Filters(),                                        # warm-up round, not timed
    Filters(team=("East",)),
    Filters(region=("North",)),
    Filters(segment=("SMB",), channel=("Direct",)),
    Filters(team=("West", "Central"), region=("South",)),
    Filters(channel=("E-commerce",)),
    Filters(region=("East", "West"), segment=("Enterprise",)),
    Filters(team=("Key Accounts",), lead_source=("Referral",)),
    Filters(product=("Product 3", "Product 4")),
    Filters(region=("North",), team=("Online",)),
    Filters(segment=("Mid-market",)),
)


def round_period(i: int) -> Period:
    """Round 0: 2026-11 (the default month for as_of 2026-11-30); then one month earlier each round."""
    return month_period(add_months(date(2026, 11, 1), -i))


def round_rep(i: int) -> str:
    return f"Rep {(7 * i) % N_REPS + 1:02d}"


# --- data --------------------------------------------------------------------------------------

def rep_team(rep_idx: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Team of rep ``rep_idx`` (0-based) on day ``on`` (datetime64[D]): ten reps a team, movers move."""
    team = rep_idx // 10
    moved = np.isin(rep_idx, MOVERS) & (on >= np.datetime64(MOVE_DATE))
    return np.where(moved, (team + 1) % len(TEAMS), team)


def make_tables(n: int, seed: int = 11, order: str = "created") -> dict[str, pd.DataFrame]:
    """``n`` deals over 60 reps in 6 teams, created 2024-09 .. 2026-11 (as_of 2026-11-30), monthly
    rep/team/company revenue targets for 2025-01 .. 2026-12, monthly campaign costs.

    ``order="created"`` lists the deals in the order they were created, numbered in that order, as
    a CRM export does; ``"shuffled"`` in random order (no two neighbouring rows have anything in
    common: the worst case for a columnar engine, which skips blocks of rows by their min/max).

    Deals closed by as_of are won (35 %) or lost; the others are open with an expected close date.
    Stage-entry dates on 90 % of deals (5 % of those skip communication); lost deals carry the
    stage they were lost in (10 % do not) and a reason (10 % do not); 40 % of open deals carry a
    probability; 1 % of amounts are unknown.
    """
    rng = np.random.default_rng(seed)
    span = (AS_OF - FIRST_CREATED).days + 1
    created = np.datetime64(FIRST_CREATED) + rng.integers(0, span, n).astype("timedelta64[D]")
    cycle = np.clip(rng.gamma(2.2, 28.0, n), 3, 400).astype("int64")
    close = created + cycle.astype("timedelta64[D]")
    closed = close <= np.datetime64(AS_OF)
    won = closed & (rng.random(n) < 0.35)
    lost = closed & ~won
    status = np.where(won, "won", np.where(lost, "lost", "open"))
    rep_idx = rng.integers(0, N_REPS, n)
    team_idx = rep_team(rep_idx, close)
    open_stage = rng.integers(0, 3, n)
    lost_idx = rng.integers(0, 4, n)
    stage = np.where(won, "Contract signed", np.where(lost, "Lost", np.array(OPEN_STAGES)[open_stage]))
    # The last stage a deal touched: won 3, lost its lost stage, open its current stage.
    last = np.where(won, 3, np.where(lost, lost_idx, open_stage))
    dated = rng.random(n) < 0.9
    skip = rng.random(n) < 0.05
    entries = {}
    for i, (key, frac) in enumerate(zip(("prospecting", "communication", "negotiation", "contract"),
                                        (0.0, 0.3, 0.6, 1.0), strict=True)):
        day = created + (cycle * frac).astype("int64").astype("timedelta64[D]")
        has = dated & (last >= i) & ~(skip & (i == 1)) & ((i < 3) | won)
        entries[f"entered_{key}"] = np.where(has, day, np.datetime64("NaT"))
    amount = np.round(rng.gamma(2.0, 6000.0, n), 2)
    amount[rng.random(n) < 0.01] = np.nan
    probability = np.where((status == "open") & (rng.random(n) < 0.4), np.round(rng.uniform(0.05, 0.95, n), 2),
                           np.nan)
    lost_stage = np.where(lost & (rng.random(n) < 0.9),
                          np.array(("Prospecting", "Communication", "Negotiation", "Contract signed"))[lost_idx],
                          None)
    lost_reason = np.where(lost & (rng.random(n) < 0.9), np.array(LOST_REASONS)[rng.integers(0, 5, n)], None)
    customers = np.char.add("Customer ", np.char.zfill(rng.zipf(1.3, n).clip(1, 20000).astype(str), 5))
    deals = pd.DataFrame({
        "deal_id": np.char.add("D", np.char.zfill(np.arange(1, n + 1).astype(str), 7)),
        "customer": customers,
        "rep": np.char.add("Rep ", np.char.zfill((rep_idx + 1).astype(str), 2)),
        "team": np.array(TEAMS)[team_idx],
        "region": np.array(REGIONS)[rng.integers(0, 4, n)],
        "segment": np.array(SEGMENTS)[rng.integers(0, 4, n)],
        "channel": np.array(CHANNELS)[rng.integers(0, 3, n)],
        "lead_source": np.array(LEAD_SOURCES)[rng.integers(0, 5, n)],
        "product": np.array(PRODUCTS)[rng.integers(0, 8, n)],
        "stage": stage,
        "status": status,
        "amount": amount,
        "quantity": rng.integers(1, 50, n).astype("float64"),
        "created_date": created,
        "close_date": close,
        "probability": probability,
        "lost_reason": lost_reason,
        "lost_stage": lost_stage,
        **entries,
    })
    if order == "created":
        deals = deals.sort_values("created_date", kind="stable", ignore_index=True)
        deals["deal_id"] = np.char.add("D", np.char.zfill(np.arange(1, n + 1).astype(str), 7))
    elif order != "shuffled":
        raise ValueError(f"order must be 'created' or 'shuffled', not {order!r}")
    return {"deals": deals, "targets": make_targets(deals, rng), "campaigns": make_campaigns(rng)}


def make_targets(deals: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Monthly revenue targets per rep (with the rep's team that month), per team (the sum of its
    reps, 4 % higher in two months, so the decomposition check has something to say) and for the
    company (the sum of the teams)."""
    won = deals[deals["status"] == "won"]
    per_rep_month = won["amount"].sum() / N_REPS / max(1, won["close_date"].dt.to_period("M").nunique())
    rows = []
    for m in TARGET_MONTHS:
        end = add_months(m, 1) - pd.Timedelta(days=1)
        key = f"{m.year}-{m.month:02d}"
        season = 1.0 + 0.15 * np.sin(m.month / 12 * 2 * np.pi)
        reps = np.arange(N_REPS)
        teams = rep_team(reps, np.full(N_REPS, np.datetime64(m)))
        values = np.round(per_rep_month * season * (0.75 + 0.5 * ((reps * 37) % 60) / 60) / 1000) * 1000
        for r, t, v in zip(reps, teams, values, strict=True):
            rows.append((key, m, end, f"Rep {r + 1:02d}", TEAMS[t], "revenue", float(v)))
        for t, team in enumerate(TEAMS):
            total = float(values[teams == t].sum())
            if key in ("2026-03", "2026-10") and team == "West":
                total = round(total * 1.04, -3)
            rows.append((key, m, end, None, team, "revenue", total))
        rows.append((key, m, end, None, None, "revenue", float(sum(r[-1] for r in rows[-len(TEAMS):]))))
    frame = pd.DataFrame(rows, columns=["period", "period_start", "period_end", "rep", "team", "metric", "target"])
    return frame


def make_campaigns(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for m in TARGET_MONTHS:
        end = add_months(m, 1) - pd.Timedelta(days=1)
        for s in LEAD_SOURCES:
            rows.append((f"{m.year}-{m.month:02d}", m, end, s, float(rng.integers(20, 80)) * 1000))
    return pd.DataFrame(rows, columns=["period", "period_start", "period_end", "lead_source", "cost"])


# --- the pages, as the app computes them ----------------------------------------------------------

@dataclass(frozen=True)
class Round:
    """What one round selects."""

    period: Period
    filters: Filters
    rep: str
    as_of: date = AS_OF
    settings: Settings = DEFAULT_SETTINGS


def fiscal_year(r: Round) -> Period:
    return year_period(fiscal_year_of(r.period.end, r.settings.fiscal_start_month), r.settings.fiscal_start_month)


def trailing_end(r: Round) -> date:
    """The last month of the sparkline / twelve-month trend (pages/overview.py, my_progress.py)."""
    return month_start(min(r.period.end, max(r.as_of, r.period.start)))


def duck_overview(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """The calls of pages/overview.py ``load()``."""
    kw = {"as_of": r.as_of, "settings": r.settings}
    end = trailing_end(r)
    fy = fiscal_year(r)
    return {
        "company": lambda: att.attainment(con, r.period, "company", r.filters, **kw),
        "previous": lambda: att.attainment(con, r.period.previous(), "company", r.filters, **kw),
        "teams": lambda: att.attainment(con, r.period, "team", r.filters, **kw),
        "reps": lambda: att.attainment(con, r.period, "rep", r.filters, **kw),
        "spark": lambda: att.monthly_attainment(con, add_months(end, -11), end, "company", r.filters, as_of=r.as_of),
        "cumulative": lambda: att.cumulative_actual(con, r.period, r.filters, as_of=r.as_of),
        "heat": lambda: att.monthly_attainment(con, fy.start, fy.end, "rep", r.filters, as_of=r.as_of),
        "decomposition": lambda: att.decomposition_check(con, r.period),
    }


def own_filters(r: Round) -> Filters:
    return replace(r.filters, rep=(r.rep,), team=())


def duck_my_progress(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """The calls of pages/my_progress.py ``load()`` (no activities in this data: no follow-ups)."""
    kw = {"as_of": r.as_of, "settings": r.settings}
    own = own_filters(r)
    end = trailing_end(r)
    return {
        "row": lambda: att.attainment(con, r.period, "rep", own, **kw),
        "peers": lambda: att.attainment(con, r.period, "rep", r.filters.without("rep"), **kw),
        "open": lambda: att.open_deals_for_gap(con, r.period, r.rep, settings=r.settings,
                                       filters=r.filters.without("rep", "team")),
        "trend": lambda: att.monthly_attainment(con, add_months(end, -11), end, "rep", own, as_of=r.as_of),
    }


def duck_funnel(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """funnel (snapshot), funnel by rep, time in stage, lost reasons, performance by rep."""
    return {
        "snapshot": lambda: fun.funnel(con, r.period, r.filters, r.settings, as_of=r.as_of),
        "by_rep": lambda: fun.funnel(con, r.period, r.filters, r.settings, by="rep"),
        "time_in_stage": lambda: fun.time_in_stage(con, r.period, r.filters, r.settings),
        "lost_reasons": lambda: fun.lost_reasons(con, r.period, r.filters),
        "performance": lambda: perf.performance(con, "rep", r.period, r.filters, r.settings),
    }


def segment_trend_window(r: Round) -> tuple[date, date]:
    end = min(r.period.end, r.as_of)
    return add_months(month_start(end), -11), end


def duck_segments(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """performance by segment and by channel, the segment x channel matrix, Pareto, lead-source ROI,
    monthly trend by segment."""
    start, end = segment_trend_window(r)
    return {
        "by_segment": lambda: perf.performance(con, "segment", r.period, r.filters),
        "by_channel": lambda: perf.performance(con, "channel", r.period, r.filters),
        "matrix": lambda: perf.matrix(con, "segment", "channel", "won_revenue", r.period, r.filters),
        "pareto": lambda: perf.pareto(con, r.period, r.filters),
        "roi": lambda: perf.lead_source_roi(con, r.period, r.filters),
        "trend": lambda: perf.monthly_trend(con, "segment", start, end, r.filters),
    }


def duck_funnel_full(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """Everything pages/funnel.py computes on a first render with its defaults (compare by team)."""
    end = min(r.period.end, r.as_of)
    start = add_months(month_start(end), -11)
    months = [add_months(start, i) for i in range(12)]
    return {
        "snapshot": lambda: fun.funnel(con, r.period, r.filters, r.settings, as_of=r.as_of),
        "company": lambda: perf.performance(con, "company", r.period, r.filters, r.settings),
        "trend": lambda: perf.monthly_trend(con, "company", start, end, r.filters),
        "cycle_by_month": lambda: [perf.performance(con, "company", month_period(m), r.filters, r.settings)
                                   for m in months],
        "by_team": lambda: fun.funnel(con, r.period, r.filters, r.settings, by="team"),
        "performance_team": lambda: perf.performance(con, "team", r.period, r.filters, r.settings),
        "cohorts": lambda: fun.cohort_funnel(con, start, end, r.filters, r.settings, as_of=r.as_of),
        "time_in_stage": lambda: fun.time_in_stage(con, r.period, r.filters, r.settings),
        "lost_reasons": lambda: fun.lost_reasons(con, r.period, r.filters),
    }


def duck_segments_full(con: duckdb.DuckDBPyConnection, r: Round) -> dict[str, object]:
    """Everything pages/segments.py computes on a first render with its defaults (segment, won revenue)."""
    start, end = segment_trend_window(r)
    return {
        "by_segment": lambda: perf.performance(con, "segment", r.period, r.filters),
        "company": lambda: perf.performance(con, "company", r.period, r.filters),
        "company_trend": lambda: perf.monthly_trend(con, "company", start, end, r.filters),
        "pareto": lambda: perf.pareto(con, r.period, r.filters),
        "roi": lambda: perf.lead_source_roi(con, r.period, r.filters),
        "new_returning": lambda: perf.new_vs_returning(con, r.period, r.filters),
        "matrix": lambda: perf.matrix(con, "segment", "channel", "won_revenue", r.period, r.filters),
        "trend": lambda: perf.monthly_trend(con, "segment", start, end, r.filters),
        "market_share": lambda: att.market_share(con, r.period, r.filters),
    }


#: Full first renders of the two pages whose brief lists fewer calls (DuckDB only: the pandas
#: reference implements the briefs' figures).
FULL_PAGES: dict[str, Callable] = {"funnel (full render)": duck_funnel_full,
                                   "segments (full render)": duck_segments_full}


PAGES: dict[str, tuple[Callable, Callable]] = {
    "overview": (duck_overview, ref.overview),
    "my_progress": (duck_my_progress, ref.my_progress),
    "funnel": (duck_funnel, ref.funnel_page),
    "segments": (duck_segments, ref.segments),
}


def rounds(runs: int) -> list[Round]:
    out = []
    for i in range(runs + 1):
        out.append(Round(round_period(i), ROUND_FILTERS[i % len(ROUND_FILTERS)], round_rep(i)))
    return out


# --- running -----------------------------------------------------------------------------------

def build(n: int, order: str, cache: Path | None) -> dict[str, pd.DataFrame]:
    """The generated tables, read from ``cache`` (a folder of parquet files) when it holds them."""
    names = ("deals", "targets", "campaigns")
    files = {t: cache / f"{t}_{n}_{order}.parquet" for t in names} if cache is not None else {}
    if files and all(f.exists() for f in files.values()):
        return {t: pd.read_parquet(f) for t, f in files.items()}
    tables = make_tables(n, order=order)
    if files:
        cache.mkdir(parents=True, exist_ok=True)
        for t, f in files.items():
            tables[t].to_parquet(f)
    return tables


def load(n: int, order: str = "created", cache: Path | None = None
         ) -> tuple[duckdb.DuckDBPyConnection, dict[str, ref.Frames], float]:
    """The DuckDB cursor (as in the app) and the pandas frames of the same rows: text as ``str``
    (plain pandas) and as ``category`` (tuned pandas)."""
    started = time.perf_counter()
    con = canonical.connect(build(n, order, cache))
    cur = con.cursor()  # as in the app: one session cursor with the stage map registered
    register_stage_map(cur, DEFAULT_SETTINGS)
    frames = {"pandas": ref.Frames.from_connection(con, categorical=False),
              "pandas_cat": ref.Frames.from_connection(con, categorical=True)}
    return cur, frames, time.perf_counter() - started


def loadavg() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def run_calls(calls: dict[str, Callable[[], object]]) -> tuple[dict[str, float], dict[str, float], dict[str, object]]:
    """Wall and CPU seconds per call (and ``_page`` for all of them) and the results."""
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    out: dict[str, object] = {}
    for name, call in calls.items():
        w, c = time.perf_counter(), time.process_time()
        out[name] = call()
        wall[name], cpu[name] = time.perf_counter() - w, time.process_time() - c
    wall["_page"], cpu["_page"] = sum(wall.values()), sum(cpu.values())
    return wall, cpu, out


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000 if values else float("nan")


SIDES = ("duckdb", "pandas", "pandas_cat")


def run(args: argparse.Namespace, order: str) -> list[tuple[str, float, float, float]]:
    """Load the data in ``order``, time every page; print and return (page, duckdb, pandas, pandas_cat) ms."""
    con, frames, load_s = load(args.rows, order, args.cache)
    threads = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
    deals = frames["pandas"].deals
    print(f"data: {len(deals):,} deals in {order} order ({deals['rep'].nunique()} reps, {deals['team'].nunique()} "
          f"teams, {deals['customer'].nunique():,} customers), {len(frames['pandas'].targets):,} target rows, "
          f"built and loaded in {load_s:.1f} s")
    print(f"machine: {os.cpu_count()} CPUs ({platform.machine()}), python {platform.python_version()}, "
          f"duckdb {duckdb.__version__} (threads={threads}), pandas {pd.__version__}")
    print(f"load average (1/5/15 min) before: {loadavg()}")
    sides = SIDES[:1] if args.duck_only else SIDES
    summary = []
    for page in [p for p in args.pages.split(",") if p]:
        wall: dict[str, dict[str, list[float]]] = {s: {} for s in sides}
        for i, r in enumerate(rounds(args.runs)):
            for side in sides:  # interleaved: a burst of load from elsewhere hits every side alike
                calls = PAGES[page][0](con, r) if side == "duckdb" else PAGES[page][1](frames[side], r)
                w, _, _ = run_calls(calls)
                if i == 0:  # the first round warms every side up
                    continue
                for name in w:
                    wall[side].setdefault(name, []).append(w[name])
        med = {side: median_ms(wall[side]["_page"]) for side in sides}
        d = med["duckdb"]
        p, pc = med.get("pandas", float("nan")), med.get("pandas_cat", float("nan"))
        summary.append((page, d, p, pc))
        runs = ", ".join(f"{t * 1000:.0f}" for t in wall["duckdb"]["_page"])
        print(f"{page:12s} duckdb {d:6.0f} ms [{runs}]   pandas {p:6.0f} ms ({p / d:4.1f}x)   "
              f"pandas+category {pc:6.0f} ms ({pc / d:4.1f}x)   load {loadavg()}", flush=True)
        if args.calls:
            for name in wall["duckdb"]:
                if name != "_page":
                    print(f"    {name:16s} " + "  ".join(
                        f"{side} {median_ms(wall[side][name]):6.1f}" for side in sides))
    if args.full:
        for name, fn in FULL_PAGES.items():
            times = [run_calls(fn(con, r))[0]["_page"] for r in rounds(args.runs)][1:]
            print(f"{name:24s} duckdb {median_ms(times):6.0f} ms [{', '.join(f'{t * 1000:.0f}' for t in times)}]")
    print(f"load average (1/5/15 min) after: {loadavg()}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--order", default="created,shuffled",
                        help="row order(s) of the generated deals: created (as a CRM lists them), shuffled")
    parser.add_argument("--duck-only", action="store_true", help="skip the pandas reference")
    parser.add_argument("--calls", action="store_true", help="also print the median of every call")
    parser.add_argument("--cache", type=Path, help="folder to keep the generated data in (parquet)")
    parser.add_argument("--full", action="store_true",
                        help="also time every call of a first render of the Funnel and Segments pages (DuckDB)")
    args = parser.parse_args()
    results = {}
    for order in args.order.split(","):
        results[order] = run(args, order)
        print()
    print("| rows in | page | DuckDB | pandas | pandas / DuckDB | pandas + category | ratio | < 300 ms | >= 3x |")
    print("|---|---|---:|---:|---:|---:|---:|:-:|:-:|")
    for order, summary in results.items():
        for page, d, p, pc in summary:
            print(f"| {order} order | {page} | {d:.0f} ms | {p:.0f} ms | {p / d:.1f}x | {pc:.0f} ms | {pc / d:.1f}x | "
                  f"{'yes' if d < 300 else 'no'} | {'yes' if p / d >= 3 else 'no'} |")


if __name__ == "__main__":
    main()
