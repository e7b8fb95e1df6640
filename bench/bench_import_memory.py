"""Memory of a million-row CSV import (issue 19): peak above the baseline, and what is left after.

    python bench/bench_import_memory.py [--rows 1000000] [--cols 22] [--path /tmp/crm_1m.csv]

Drives the import function (``import_file``, what the Data page calls) in a fresh subprocess, not
the browser: the server's share of an upload is the file's bytes (Streamlit holds them) plus this
import. The child reads its own RSS from /proc/self/status: the baseline after the modules are
loaded and the upload's bytes are in memory, the peak (VmHWM) during the import, the RSS right
after the result is dropped and 30 s later. Goals: peak <= 1 GB above the baseline, and back
within 100 MB of it. Also a refused file (a cell cap of 1,000,000, which the old code applied to
CSV as the issue describes; the new code reads the file and so reports an import) for the "after a
refusal" case.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import gc, json, sys, time
sys.path.insert(0, sys.argv[1])
from analytics.ingest.importer import import_file
try:
    from analytics.ingest.importer import release_memory
except ImportError:  # the code before issue 19
    def release_memory():
        pass
from analytics.ingest.readers import Limits
from analytics.messages import InputError

def rss(field="VmRSS"):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
data = open(sys.argv[2], "rb").read()
refuse = sys.argv[3] == "refuse"
gc.collect()
base = rss()
with open("/proc/self/clear_refs", "w") as f:  # resets VmHWM to the current RSS (Linux >= 4.0)
    f.write("5")
t0 = time.perf_counter()
try:
    results = import_file(data, "crm.csv", limits=Limits(max_bytes=2**30, max_cells=10**6) if refuse else Limits(max_bytes=2**30))
    summary = results[0].summary()
    summary["errors"] = [p.code for p in results[0].errors]
    summary["first_problem"] = results[0].errors[0].text("en")[:160] if results[0].errors else ""
except InputError as exc:
    summary = {"refused": exc.problems[0].code, "first_problem": exc.problems[0].text("en")[:160]}
    results = None
seconds = time.perf_counter() - t0
peak = rss("VmHWM")
del results
gc.collect()
release_memory()  # what the app does when a session drops its imports
after = rss()
time.sleep(float(sys.argv[4]))
later = rss()
print(json.dumps({"base_mb": base, "peak_mb": peak, "after_mb": after, "later_mb": later,
                  "seconds": seconds, "summary": summary}))
"""


def make_crm_csv(path: Path, rows: int, cols: int, seed: int = 11) -> None:
    """A CRM export of ``rows`` deals: the 8 deal fields, then text/number columns up to ``cols``."""
    rng = np.random.default_rng(seed)
    days = pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 900, rows), unit="D")
    frame = pd.DataFrame({
        "Opportunity ID": [f"OPP-{i:07d}" for i in range(rows)],
        "Opportunity Owner": rng.choice([f"Rep {i}" for i in range(80)], rows),
        "Account Name": rng.choice([f"Customer {i}" for i in range(20000)], rows),
        "Stage": rng.choice(["Prospecting", "Negotiation", "Closed Won", "Closed Lost"], rows),
        "Amount": [f"${v:,.2f}" for v in rng.lognormal(9.5, 1.0, rows)],
        "Close Date": days.strftime("%m/%d/%Y"),
        "Created Date": (days - pd.to_timedelta(rng.integers(5, 120, rows), unit="D")).strftime("%Y-%m-%d"),
        "Probability (%)": rng.integers(0, 101, rows),
    })
    extra = ["Region", "Segment", "Channel", "Lead Source", "Product", "Type", "Next Step", "Industry",
             "Country", "City", "Campaign", "Forecast Category", "Fiscal Period", "Description"]
    for name in extra[: max(cols - frame.shape[1], 0)]:
        frame[name] = rng.choice([f"{name} {i}" for i in range(40)], rows)
    frame.to_csv(path, index=False)


def run(path: Path, mode: str, wait_s: float, root: Path = ROOT) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(path), mode, str(wait_s)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--cols", type=int, default=22)
    parser.add_argument("--path", type=Path, default=Path("/tmp/crm_1m_22.csv"))
    parser.add_argument("--wait", type=float, default=30.0)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project tree to import with (a "
                        "checkout of the code before a change, for a before/after figure)")
    args = parser.parse_args()
    if not args.path.exists():
        make_crm_csv(args.path, args.rows, args.cols)
    print(f"file: {args.path} ({args.path.stat().st_size / 1e6:.0f} MB); import_file in a subprocess, "
          f"RSS from /proc/self/status")
    for mode in ("import", "refuse"):
        r = run(args.path, mode, args.wait, args.root)
        print(f"{mode:7} {r['seconds']:6.1f}s  baseline {r['base_mb']:6.0f} MB  peak +{r['peak_mb'] - r['base_mb']:5.0f} MB"
              f"  after +{r['after_mb'] - r['base_mb']:5.0f} MB  {args.wait:.0f}s later "
              f"+{r['later_mb'] - r['base_mb']:5.0f} MB  {r['summary']}")


if __name__ == "__main__":
    main()
