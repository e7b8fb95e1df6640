"""``bench/bench_store.py`` runs end to end at a small size (the store benchmark of issue 18).

2,000 deals, one run, one timed round, on the test run's throw-away PostgreSQL cluster: both
stores publish, a replica process of each serves the next version, and the figures computed from
either store are asserted equal inside the bench. No timings are checked here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_store.py"


def test_the_store_benchmark_runs(pg_cluster):
    done = subprocess.run([sys.executable, str(BENCH), "--rows", "2000", "--repeat", "1", "--rounds", "1",
                           "--server-url", pg_cluster.url()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "tables and figures equal" in done.stdout and "same figures on both replicas" in done.stdout
    table = [line for line in done.stdout.splitlines() if line.startswith("|")]
    assert table[0].startswith("| figure |") and len(table) == 2 + 7  # header, rule and seven figures
