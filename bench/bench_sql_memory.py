"""Bounded SQL: what one hostile query costs the app, with and without the worker process.

    python bench/bench_sql_memory.py            # attacks in both modes + per-query overhead (~2 min)
    python bench/bench_sql_memory.py --no-inprocess   # skip the in-process runs (they need ~8 GB)

``inprocess`` runs the query the way the SQL box did before (a thread of the app's own process,
DuckDB ``memory_limit`` 1 GB, rows fetched as pandas); each attack gets a fresh Python process so
its peak resident memory (``ru_maxrss``) is the attack's. ``worker`` runs it through
``analytics.metrics.sql_guard.Sandbox`` (a forked worker under ``RLIMIT_AS``): the app's peak and the
worker's peak are both reported. The sample company's tables are loaded in every mode.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ATTACKS = {
    "repeat 2e9": "SELECT repeat('x', 2000000000) AS s",
    "cross join": "SELECT a.deal_id, b.deal_id FROM deals a, deals b, deals c ORDER BY random()",
    "recursive CTE": ("WITH RECURSIVE t(n, s) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, s || s FROM t "
                      "WHERE n < 40) SELECT max(length(s)) FROM t"),
    "string_agg": "SELECT string_agg(repeat('x', 1000000), ',') FROM range(3000)",
    "wide result": "SELECT repeat('x', 60000000) FROM range(3)",
}
PLAIN = {"SELECT 1": "SELECT 1", "group by": "SELECT rep, sum(amount) FROM deals WHERE status = 'won' GROUP BY rep"}


def _sample_frames():
    from analytics.store.sources import load_sample
    return load_sample().tables


def one_inprocess(sql: str) -> dict:
    """The old way, in this process: a locked DuckDB with memory_limit 1 GB, rows to pandas."""
    import duckdb

    from analytics.metrics.sql_guard import _SANDBOX_CONFIG
    tables = _sample_frames()
    con = duckdb.connect(":memory:", config=dict(_SANDBOX_CONFIG, memory_limit="1GB"))
    for name, frame in tables.items():
        con.register(name, frame)
    started = time.perf_counter()
    try:
        frame = con.execute(sql).fetch_df_chunk(1)
        outcome = f"ok, {len(frame)} rows"
    except Exception as error:  # noqa: BLE001 - reported
        outcome = type(error).__name__
    return {"outcome": outcome, "seconds": time.perf_counter() - started,
            "app_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def one_worker(sql: str) -> dict:
    from analytics.messages import InputError
    from analytics.metrics.sql_guard import Sandbox
    box = Sandbox(_sample_frames())
    box.run("SELECT 1")  # the worker server starts once per app
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    try:
        outcome = f"ok, {len(box.run(sql, timeout_s=30).frame)} rows"
    except InputError as error:
        outcome = error.problems[0].code
    seconds = time.perf_counter() - started
    worker_peak = box.last_worker_peak / 2**20
    after_ok = len(box.run("SELECT count(*) FROM deals").frame) == 1
    return {"outcome": outcome, "seconds": seconds,
            "app_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "app_peak_before_mb": before, "worker_peak_mb": worker_peak, "next_query_ok": after_ok}


def overhead(runs: int = 15) -> dict:
    """Median time of ordinary queries: worker against in-process (same locked settings)."""
    import duckdb

    from analytics.metrics.sql_guard import _SANDBOX_CONFIG, Sandbox
    tables = _sample_frames()
    box = Sandbox(tables)
    box.run("SELECT 1")
    out = {}
    for label, sql in PLAIN.items():
        worker, inproc = [], []
        for _ in range(runs):
            t = time.perf_counter()
            box.run(sql)
            worker.append(time.perf_counter() - t)
            t = time.perf_counter()
            con = duckdb.connect(":memory:", config=dict(_SANDBOX_CONFIG, memory_limit="1GB"))
            for name, frame in tables.items():
                con.register(name, frame)
            con.execute(sql).fetch_df_chunk(1)
            con.close()
            inproc.append(time.perf_counter() - t)
        out[label] = {"worker_ms": 1000 * statistics.median(worker), "inprocess_ms": 1000 * statistics.median(inproc)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", nargs=2, metavar=("MODE", "SQL"), help=argparse.SUPPRESS)
    parser.add_argument("--no-inprocess", action="store_true")
    args = parser.parse_args()
    if args.one:
        mode, sql = args.one
        print(json.dumps(one_inprocess(sql) if mode == "inprocess" else one_worker(sql)))
        return
    modes = ["worker"] if args.no_inprocess else ["inprocess", "worker"]
    for name, sql in ATTACKS.items():
        for mode in modes:
            done = subprocess.run([sys.executable, __file__, "--one", mode, sql], capture_output=True, text=True,
                                  timeout=600, cwd=ROOT)
            result = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else {
                "outcome": f"process ended {done.returncode}"}
            print(f"{name:14} {mode:9} " + ", ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                                 for k, v in result.items()), flush=True)
    for label, times in overhead().items():
        print(f"{label:14} worker {times['worker_ms']:.0f} ms, in-process {times['inprocess_ms']:.0f} ms (median of 15)")


if __name__ == "__main__":
    main()
