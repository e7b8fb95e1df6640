"""Import benchmark (issue 19): 100k deals x 14 columns from CSV and from XLSX against the bare
readers, and a 1M x 22 CRM export through the library with its peak memory, all in the same run.

    python bench/bench_import.py [--rows 100000] [--repeat 5] [--million] [--path /tmp/crm_1m_22.csv]

Reports medians of ``--repeat`` runs (seconds) and the ratio import / bare read, where the bare
read is ``pandas.read_csv(dtype=str)`` for CSV and python-calamine's ``to_python()`` for XLSX on
the same bytes, timed interleaved with the imports (bare, import, bare, import, ...) so that the
machine's load hits both alike. ``--million`` adds the 1,000,000-row, 22-column CRM export of
bench/bench_import_memory.py: ``import_file`` in a fresh subprocess per run (its time, and its
peak RSS above the baseline measured after the modules and the file's bytes are loaded, from
/proc/self/status), against bare ``read_csv`` of the same file in this process.

Goals (issue 19): 100k x 14 CSV <= 0.5 s and <= 2x bare read_csv; 100k x 14 XLSX <= 2 s and
<= 1.5x bare calamine; 1M x 22 CSV <= 5 s and peak <= 1 GB above the baseline.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from analytics.ingest.importer import import_file  # noqa: E402

STAGES = ["Prospecting", "Communication", "Negotiation", "Closed Won", "Closed Lost"]


def make_deals(rows: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = date(2025, 1, 1)
    created = [start + timedelta(days=int(d)) for d in rng.integers(0, 600, rows)]
    closed = [c + timedelta(days=int(d)) for c, d in zip(created, rng.integers(5, 120, rows), strict=True)]
    return pd.DataFrame({
        "Opportunity ID": [f"OPP-{i:07d}" for i in range(rows)],
        "Account Name": rng.choice([f"Customer {i}" for i in range(5000)], rows),
        "Opportunity Owner": rng.choice([f"Rep {i}" for i in range(60)], rows),
        "Team": rng.choice(["East", "West", "Key Accounts"], rows),
        "Region": rng.choice(["North", "South", "East", "West"], rows),
        "Segment": rng.choice(["Enterprise", "Mid-market", "SMB"], rows),
        "Channel": rng.choice(["Direct", "Distribution", "E-commerce"], rows),
        "Lead Source": rng.choice(["Ads", "Promotion", "Trade show", "Referral", "Web"], rows),
        "Product": rng.choice([f"Product {i}" for i in range(8)], rows),
        "Stage": rng.choice(STAGES, rows),
        "Amount": rng.lognormal(9.5, 1.0, rows).round(2),
        "Created Date": created,
        "Close Date": closed,
        "Probability (%)": rng.integers(0, 101, rows),
    })


def to_csv(frame: pd.DataFrame) -> bytes:
    out = frame.copy()
    out["Amount"] = out["Amount"].map(lambda v: f"${v:,.2f}")  # as a Salesforce report writes it
    out["Created Date"] = [f"{d.month}/{d.day}/{d.year}" for d in out["Created Date"]]
    out["Close Date"] = [d.isoformat() for d in out["Close Date"]]
    return out.to_csv(index=False).encode("utf-8")


def to_xlsx(frame: pd.DataFrame) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Opportunities")
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def timed(fn, repeat: int) -> float:
    return statistics.median(times_of(fn, repeat))


def times_of(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def interleaved(reference, ours, repeat: int) -> tuple[float, float]:
    """Medians of ``repeat`` runs of each, alternating, so that a burst of load hits both."""
    ref, mine = [], []
    for _ in range(repeat):
        ref += times_of(reference, 1)
        mine += times_of(ours, 1)
    return statistics.median(ref), statistics.median(mine)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--million", action="store_true", help="also the 1M x 22 CRM export (time, peak memory)")
    parser.add_argument("--path", type=Path, default=Path("/tmp/crm_1m_22.csv"), help="where the 1M x 22 file is kept")
    args = parser.parse_args()
    frame = make_deals(args.rows)
    csv_bytes = to_csv(frame)
    xlsx_bytes = to_xlsx(frame)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"data: {args.rows:,} deals x {frame.shape[1]} columns; CSV {len(csv_bytes) / 1e6:.1f} MB, "
          f"XLSX {len(xlsx_bytes) / 1e6:.1f} MB; medians of {args.repeat} runs")

    def check(results) -> None:
        r = results[0]
        assert r.rows_read == args.rows and r.rows_loaded + r.rows_rejected == args.rows, r.summary()

    check(import_file(csv_bytes, "deals.csv"))
    check(import_file(xlsx_bytes, "deals.xlsx"))
    bare_csv, full_csv = interleaved(lambda: pd.read_csv(io.BytesIO(csv_bytes), dtype=str, keep_default_na=False),
                                     lambda: import_file(csv_bytes, "deals.csv"), args.repeat)
    bare_xlsx, full_xlsx = interleaved(lambda: CalamineWorkbook.from_filelike(io.BytesIO(xlsx_bytes))
                                       .get_sheet_by_index(0).to_python(),
                                       lambda: import_file(xlsx_bytes, "deals.xlsx"), args.repeat)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'':12} {'bare read':>10} {'import':>10} {'ratio':>7}  goal")
    size = f"{args.rows // 1000}kx14"
    print(f"{'CSV ' + size:12} {bare_csv:>9.3f}s {full_csv:>9.3f}s {full_csv / bare_csv:>6.2f}x  <= 0.5 s, <= 2x")
    print(f"{'XLSX ' + size:12} {bare_xlsx:>9.3f}s {full_xlsx:>9.3f}s {full_xlsx / bare_xlsx:>6.2f}x  <= 2 s, <= 1.5x")
    if args.million:
        from bench_import_memory import make_crm_csv, run

        if not args.path.exists():
            make_crm_csv(args.path, 1_000_000, 22)
        big = args.path.read_bytes()
        seconds, peaks, bare = [], [], []
        for _ in range(args.repeat):
            bare += times_of(lambda: pd.read_csv(io.BytesIO(big), dtype=str, keep_default_na=False), 1)
            r = run(args.path, "import", 0.0)
            assert r["summary"].get("rows_read") == 1_000_000, r["summary"]
            seconds.append(r["seconds"])
            peaks.append(r["peak_mb"] - r["base_mb"])
        s, b = statistics.median(seconds), statistics.median(bare)
        print(f"{'CSV 1Mx22':12} {b:>9.3f}s {s:>9.3f}s {s / b:>6.2f}x  <= 5 s; peak +{statistics.median(peaks):,.0f} MB "
              f"above the baseline (median; max +{max(peaks):,.0f} MB), goal <= 1,024 MB ({len(big) / 1e6:.0f} MB file)")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
