"""Storage of a year of weekly publishes: 52 versions of 100k deals (issue 17.2).

Three runs, each into a fresh workspace, each publishing 52 versions (deals, targets, campaigns):

- ``weekly``: every week a new CRM export — about 2 % of the deals change (status, amount), 1,000
  new deals arrive; targets and campaign costs stay the same (shared between versions);
- ``unchanged``: the same export 52 times (a nightly job with nothing new): stored once;
- ``copy`` (reference): the same weekly exports through the old layout of this repository (every
  table of every version copied into its own schema; ``KEEP_VERSIONS`` raised to 52 so that
  nothing is pruned), loaded from git.

Prints the file size after each run and the median publish time. Measured on this 2-core shared
machine (load ~20), 100k deals, 52 versions: copy 210.5 MB (4.05 MB a version); weekly 58.2 MB
(1.12 MB a version) of which 21.8 MB are the versioned deals (10.0 MB distinct rows, 11.8 MB row
sets) and 18.3 MB the pipeline snapshots every deals publish also records; unchanged 24.7 MB, of
which the versioned deals are 3.0 MB (stored once: an identical table reuses its row set) and the
snapshots' members 13.0 MB. Usage::

    python bench/bench_versions.py [--rows 100000] [--versions 52]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages import make_tables  # noqa: E402

from analytics.store.workspace import PublishItem, Workspace  # noqa: E402

OLD_COMMIT = "0aa6f42"  # the layout before shared tables


def weekly_exports(deals: pd.DataFrame, weeks: int, seed: int = 5):
    """Yield ``weeks`` successive exports: 2 % of deals changed, 1,000 new ones each week."""
    rng = np.random.default_rng(seed)
    current = deals.copy()
    next_id = len(current)
    for week in range(weeks):
        if week:
            changed = rng.choice(len(current), size=len(current) // 50, replace=False)
            current.loc[changed, "amount"] = current.loc[changed, "amount"] * 1.1
            new = current.sample(1000, random_state=week).copy()
            new["deal_id"] = [f"N{next_id + i}" for i in range(len(new))]
            next_id += len(new)
            current = pd.concat([current, new], ignore_index=True)
        yield current


def old_workspace_class():
    source = subprocess.run(["git", "show", f"{OLD_COMMIT}:analytics/store/workspace.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "old_workspace.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_workspace", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_workspace"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    module.KEEP_VERSIONS = 10_000
    return module


def run(kind: str, tables: dict[str, pd.DataFrame], versions: int) -> tuple[int, float]:
    folder = Path(tempfile.mkdtemp(prefix=f"ws_{kind}_"))
    if kind == "copy":
        old = old_workspace_class()
        ws, item = old.Workspace(folder), old.PublishItem
    else:
        ws, item = Workspace(folder), PublishItem
    times = []
    exports = weekly_exports(tables["deals"], versions) if kind != "unchanged" else (
        tables["deals"] for _ in range(versions))
    for week, deals in enumerate(exports):
        items = [item("deals", deals, "crm_export.csv", f"h{week}")]
        if week == 0:
            items += [item("targets", tables["targets"], "targets.xlsx", "t"),
                      item("campaigns", tables["campaigns"], "campaigns.csv", "c")]
        started = time.perf_counter()
        ws.publish(items)
        times.append(time.perf_counter() - started)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith("workspace.duckdb"))
    return size, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--versions", type=int, default=52)
    parser.add_argument("--kinds", default="weekly,unchanged,copy")
    args = parser.parse_args()
    tables = make_tables(args.rows)
    print(f"{args.rows:,} deals, {len(tables['targets']):,} targets, {len(tables['campaigns']):,} campaign rows; "
          f"{args.versions} versions")
    for kind in args.kinds.split(","):
        size, median = run(kind, tables, args.versions)
        print(f"{kind:10s} {size / 1e6:8.1f} MB  ({size / 1e6 / args.versions:5.2f} MB per version)  "
              f"median publish {median:.2f} s", flush=True)


if __name__ == "__main__":
    main()
