"""Benchmark of the team's workspace in PostgreSQL against the embedded DuckDB file (issue 18), 1M deals.

Three figures, each the median of ``--repeat`` runs, PostgreSQL and the file interleaved run by run
so a burst of load from other processes hits both alike; the ratio is PostgreSQL / file:

1. **Publish.** ``PgWorkspace(url).publish(items)`` (COPY under an advisory lock, one transaction,
   NOTIFY at commit) against ``Workspace(folder).publish(items)`` on the same tables
   (``bench_pages.make_tables``: deals, targets, campaigns). Every run publishes into a new empty
   store (a new database; a new folder), created (migrated) before the clock starts: a second
   publish of identical tables would only reuse the stored row set.
2. **A second replica serves the new version.** A replica process (a fresh ``python``, own cache,
   its imports done, the store's current version already known) waits for a change; the bench then
   publishes a new version (2 % of the amounts changed, like a weekly export) through another
   store object in this process. The replica notices it (PostgreSQL: ``VersionWatch``, LISTEN /
   NOTIFY; the file: ``change_mark()`` polled every ``--poll-ms``, then ``status()`` with the
   app's retry while the writer holds the file), loads the version into an in-memory DuckDB
   (``load_into``) and computes the Overview's figures. Timed from the publish's return to the
   figures: notice, load, figures, and the total.
3. **Page figures on a replica.** The Overview's calls (``bench_pages.duck_overview``: the calls of
   ``pages/overview.py``'s ``load()``) on a DuckDB connection loaded from PostgreSQL and on one
   loaded from the file, the same version on both: every table's checksum and every figure of every
   round must be equal (asserted); the time per round (a new filter and period each, the first
   not timed) must be too (ratio ~1), since the queries run in DuckDB either way.

PostgreSQL is a throw-away cluster (``tests/pg.py``: Debian's server binaries, fsync off) unless
``--server-url`` names a server where the bench may create and drop databases.

    python bench/bench_store.py [--rows 1000000] [--repeat 3] [--rounds 5] [--poll-ms 50]
                                [--server-url URL] [--profile]
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_pages as bp  # noqa: E402

from analytics.store import postgres  # noqa: E402
from analytics.store.postgres import PgWorkspace, VersionWatch  # noqa: E402
from analytics.store.schema import TABLES  # noqa: E402
from analytics.store.settings import DEFAULT_SETTINGS, register_stage_map  # noqa: E402
from analytics.store.workspace import PublishItem, Workspace, WorkspaceBusy, _checksum  # noqa: E402

# --- data ------------------------------------------------------------------------------------------


def first_items(tables: dict[str, pd.DataFrame]) -> list[PublishItem]:
    return [PublishItem(name, frame, f"{name}.csv", f"bench-{name}-{len(frame)}") for name, frame in tables.items()]


def weekly_deals(deals: pd.DataFrame, week: int) -> pd.DataFrame:
    """The export of week ``week``: 2 % of the amounts changed (a new version with most rows as before)."""
    rng = np.random.default_rng(100 + week)
    out = deals.copy()
    changed = rng.choice(len(out), size=max(1, len(out) // 50), replace=False)
    col = out.columns.get_loc("amount")
    out.iloc[changed, col] = np.round(out.iloc[changed, col].to_numpy() * (1.0 + 0.01 * week), 2)
    return out


# --- figures ---------------------------------------------------------------------------------------


def overview_figures(con: duckdb.DuckDBPyConnection, r: bp.Round) -> tuple[float, dict[str, object]]:
    """The Overview's calls for round ``r`` on a session cursor (as the app): seconds and results."""
    cur = con.cursor()
    register_stage_map(cur, DEFAULT_SETTINGS)
    wall, _, out = bp.run_calls(bp.duck_overview(cur, r))
    return wall["_page"], out


def assert_same(a: object, b: object, what: str) -> None:
    """Equal figures: frames cell by cell (floats to 1e-9 relative: DuckDB sums in parallel)."""
    if isinstance(a, pd.DataFrame):
        assert isinstance(b, pd.DataFrame), what
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_exact=False,
                                      rtol=1e-9, atol=1e-6, obj=what)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), what
        for k in a:
            assert_same(a[k], b[k], f"{what}.{k}")
    elif isinstance(a, float) and isinstance(b, float):
        assert (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6), what
    else:
        assert a == b, f"{what}: {a!r} != {b!r}"


def table_checksums(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    return {t: _checksum(con, f'"{t}"') for t in TABLES}


# --- the replica process ---------------------------------------------------------------------------


def replica(kind: str, where: str, out_path: str, poll_s: float) -> None:
    """A second app process, already serving the current version (loaded once, as a running
    replica has): wait for a new version, load it, compute the Overview; report times."""
    if kind == "pg":
        store = PgWorkspace(where)
        store.load_into(duckdb.connect(":memory:"))  # serving the previous version (its snapshots cached)
        watch = VersionWatch.of(where)
        while watch.counter < 1:  # listening
            time.sleep(0.005)
        before = store.current_version()
        seen = watch.counter
        print(f"ready {before}", flush=True)
        while watch.counter == seen:
            time.sleep(0.002)
        noticed = time.time()
    else:
        store = Workspace(Path(where))
        store.load_into(duckdb.connect(":memory:"))  # serving the previous version
        before = store.current_version()
        mark = store.change_mark()
        print(f"ready {before}", flush=True)
        while True:  # the app asks on a rerun; here every poll_s
            time.sleep(poll_s)
            now_mark = store.change_mark()
            if now_mark != mark:
                mark = now_mark
                try:  # retried with backoff while the writer holds the file, as the app does
                    if store.status().version != before:
                        break
                except WorkspaceBusy:
                    continue
        noticed = time.time()
    con = duckdb.connect(":memory:")
    version = store.load_into(con)
    loaded = time.time()
    _, figures = overview_figures(con, bp.rounds(0)[0])
    done = time.time()
    with open(out_path, "wb") as handle:
        pickle.dump({"version": version, "noticed": noticed, "loaded": loaded, "done": done,
                     "figures": figures}, handle)
    if kind == "pg":
        watch.stop()


def serve_once(kind: str, where: str, store: PgWorkspace | Workspace, items: list[PublishItem],
               poll_s: float) -> dict[str, object]:
    """Start a replica, publish ``items`` through ``store`` once it is ready, collect its report."""
    with tempfile.NamedTemporaryFile(prefix="bench-replica-", suffix=".pickle", delete=False) as handle:
        out_path = handle.name
    proc = subprocess.Popen([sys.executable, __file__, "--replica", kind, where, out_path, "--poll-ms",
                             str(poll_s * 1000)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        if not line.startswith("ready"):
            raise RuntimeError(f"the {kind} replica did not start: {line!r}")
        started = time.time()
        version = store.publish(items)
        published = time.time()
        if proc.wait(timeout=600) != 0:
            raise RuntimeError(f"the {kind} replica failed (exit {proc.returncode})")
        with open(out_path, "rb") as handle:
            report = pickle.load(handle)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.unlink(out_path)
    assert report["version"] == version, f"{kind} replica loaded version {report['version']}, published {version}"
    report.update(publish=published - started, notice=report["noticed"] - published,
                  load=report["loaded"] - report["noticed"], figures_s=report["done"] - report["loaded"],
                  total=report["done"] - published)
    return report


# --- the bench -------------------------------------------------------------------------------------


class Server:
    """Databases on a given server, or on a throw-away cluster started here."""

    def __init__(self, url: str | None):
        self.cluster = None
        if url is None:
            from tests.pg import Cluster, server_bin

            bin_dir = server_bin()
            if bin_dir is None:
                raise SystemExit("no PostgreSQL server binaries (apt-get install postgresql), or give --server-url")
            self.cluster = Cluster(bin_dir).start()
            url = self.cluster.url()
        self.url = url
        self.created: list[str] = []

    def new_database(self) -> str:
        import uuid

        import psycopg

        name = f"bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url.rsplit("/", 1)[0] + "/" + name

    def drop(self, db_url: str) -> None:
        import psycopg

        name = db_url.rsplit("/", 1)[-1]
        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.remove(name)

    def close(self) -> None:
        for name in list(self.created):
            self.drop(name)
        if self.cluster is not None:
            self.cluster.stop()


def med(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def fmt_runs(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--rounds", type=int, default=5, help="timed Overview rounds for figure 3")
    parser.add_argument("--poll-ms", type=float, default=50.0, help="the file replica's change poll")
    parser.add_argument("--server-url", help="a PostgreSQL server to create databases on (default: a "
                        "throw-away cluster)")
    parser.add_argument("--profile", action="store_true", help="also profile one more PostgreSQL publish "
                        "(pyinstrument)")
    parser.add_argument("--replica", nargs=3, metavar=("KIND", "WHERE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.replica:
        replica(*args.replica, poll_s=args.poll_ms / 1000)
        return

    started = time.perf_counter()
    tables = bp.make_tables(args.rows)
    print(f"data: {len(tables['deals']):,} deals, {len(tables['targets']):,} target rows, "
          f"{len(tables['campaigns']):,} campaign rows (bench_pages.make_tables, created order), "
          f"built in {time.perf_counter() - started:.1f} s")
    print(f"machine: {os.cpu_count()} CPUs ({platform.machine()}), python {platform.python_version()}, "
          f"duckdb {duckdb.__version__}, pandas {pd.__version__}; load average before: {bp.loadavg()}")
    server = Server(args.server_url)
    folders: list[Path] = []
    try:
        import psycopg

        with psycopg.connect(server.url) as con:
            print("postgres:", con.execute("SHOW server_version").fetchone()[0],
                  "(throw-away cluster, fsync off)" if server.cluster else f"({postgres.redacted(server.url)})",
                  flush=True)
        items = first_items(tables)

        # 1. publish ------------------------------------------------------------------------------
        pub: dict[str, list[float]] = {"pg": [], "file": []}
        pg_url = folder = None
        for run in range(args.repeat):
            if pg_url is not None:
                server.drop(pg_url)
                shutil.rmtree(folder, ignore_errors=True)
            pg_url = server.new_database()
            pg = PgWorkspace(pg_url)
            pg.create()  # the migrations, before the clock
            folder = Path(tempfile.mkdtemp(prefix="bench-store-"))
            folders.append(folder)
            ws = Workspace(folder)
            ws.create()
            for kind, store in (("pg", pg), ("file", ws)) if run % 2 == 0 else (("file", ws), ("pg", pg)):
                t = time.perf_counter()
                store.publish(items)
                pub[kind].append(time.perf_counter() - t)
            print(f"publish run {run + 1}: postgres {pub['pg'][-1]:.2f} s, file {pub['file'][-1]:.2f} s "
                  f"(postgres database {PgWorkspace(pg_url).storage_bytes() / 1e6:.0f} MB, file "
                  f"{Workspace(folder).storage_bytes() / 1e6:.0f} MB), load {bp.loadavg()}", flush=True)

        # 2. a second replica serves the new version ------------------------------------------------
        serve: dict[str, list[dict]] = {"pg": [], "file": []}
        pg_writer, file_writer = PgWorkspace(pg_url), Workspace(folder)
        for run in range(args.repeat):
            week = [PublishItem("deals", weekly_deals(tables["deals"], run + 1), f"week{run + 1}.csv",
                                f"bench-week-{run + 1}")]
            for kind in ("pg", "file") if run % 2 == 0 else ("file", "pg"):
                where, store = (pg_url, pg_writer) if kind == "pg" else (str(folder), file_writer)
                serve[kind].append(serve_once(kind, where, store, week, args.poll_ms / 1000))
            assert_same(serve["pg"][-1]["figures"], serve["file"][-1]["figures"], f"replica figures, week {run + 1}")
            print(f"serve run {run + 1}: " + "; ".join(
                f"{k} publish {s[-1]['publish']:.2f} s, notice {ms(s[-1]['notice'])}, load {s[-1]['load']:.2f} s, "
                f"figures {ms(s[-1]['figures_s'])}, total {s[-1]['total']:.2f} s" for k, s in serve.items())
                + " (same figures on both replicas)", flush=True)

        # 3. page figures on a replica ----------------------------------------------------------------
        cons, load_s = {}, {}
        for kind, store in (("pg", pg_writer), ("file", file_writer)):
            cons[kind] = duckdb.connect(":memory:")
            t = time.perf_counter()
            store.load_into(cons[kind])
            load_s[kind] = time.perf_counter() - t
        sums = {k: table_checksums(c) for k, c in cons.items()}
        assert sums["pg"] == sums["file"], f"the loaded tables differ: {sums}"
        page: dict[str, list[float]] = {"pg": [], "file": []}
        for i, r in enumerate(bp.rounds(args.rounds)):
            results = {}
            for kind in ("pg", "file") if i % 2 == 0 else ("file", "pg"):
                seconds, results[kind] = overview_figures(cons[kind], r)
                if i:  # the first round warms up
                    page[kind].append(seconds)
            assert_same(results["pg"], results["file"], f"overview round {i} ({r.period.key}, {r.filters.active()})")
        print(f"page figures: postgres-loaded [{fmt_runs(page['pg'])}] s, file-loaded [{fmt_runs(page['file'])}] s; "
              f"tables and figures equal in all {args.rounds + 1} rounds", flush=True)

        if args.profile:
            profile_publish(server, items)

        # table --------------------------------------------------------------------------------------
        def row(what: str, p: list[float], f: list[float], unit: str = "s") -> str:
            a, b = med(p), med(f)
            show = (lambda x: f"{x:.2f} s") if unit == "s" else (lambda x: ms(x))
            ratio = f"{a / b:.2f}x" if a > 0 and b > 0 else "–"  # a notice may come before the return
            return f"| {what} | {show(a)} | {show(b)} | {ratio} |"

        print()
        print(f"{args.rows:,} deals; medians of {args.repeat} runs ({args.rounds} rounds for the page); "
              f"load average after: {bp.loadavg()}")
        print("| figure | PostgreSQL | DuckDB file | PG / file |")
        print("|---|---:|---:|---:|")
        print(row("1. publish (new store; deals, targets, campaigns)", pub["pg"], pub["file"]))
        print(row("2. publish of the next version (2 % of amounts changed)", [s["publish"] for s in serve["pg"]],
                  [s["publish"] for s in serve["file"]]))
        print(row("2. second replica: notice after the publish returned", [s["notice"] for s in serve["pg"]],
                  [s["notice"] for s in serve["file"]], "ms"))
        print(row("2. second replica: load_into", [s["load"] for s in serve["pg"]],
                  [s["load"] for s in serve["file"]]))
        print(row("2. second replica: Overview figures (first, cold)", [s["figures_s"] for s in serve["pg"]],
                  [s["figures_s"] for s in serve["file"]], "ms"))
        print(row("2. second replica serves: publish return → figures", [s["total"] for s in serve["pg"]],
                  [s["total"] for s in serve["file"]]))
        print(row("3. Overview figures on a replica (per round)", page["pg"], page["file"], "ms"))
        print(f"(load_into in this process for figure 3: postgres {load_s['pg']:.2f} s, file {load_s['file']:.2f} s)")
    finally:
        server.close()
        for f in folders:
            shutil.rmtree(f, ignore_errors=True)


def profile_publish(server: Server, items: list[PublishItem]) -> None:
    """One more PostgreSQL publish into a new database, then a load of it, under pyinstrument."""
    from pyinstrument import Profiler

    url = server.new_database()
    store = PgWorkspace(url)
    store.create()
    for what, call in (("publish", lambda: store.publish(items)),
                       ("load_into", lambda: store.load_into(duckdb.connect(":memory:")))):
        profiler = Profiler(interval=0.005)
        profiler.start()
        call()
        profiler.stop()
        print(f"--- profile of a PostgreSQL {what} (pyinstrument; time waiting for the server shows "
              "in psycopg's copy and execute) ---")
        print(profiler.output_text(unicode=False, color=False, show_all=False, time="seconds")[:12000])
    server.drop(url)


if __name__ == "__main__":
    main()
