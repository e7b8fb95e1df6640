"""Import benchmark: 100k deals from CSV and from XLSX, against the bare readers in the same run.

    python bench/bench_import.py [--rows 100000] [--repeat 5] [--million]

Reports medians of ``--repeat`` runs (seconds) and the ratio import / bare read, where the bare
read is ``pandas.read_csv(dtype=str)`` for CSV and python-calamine's ``to_python()`` for XLSX on
the same bytes. Goals (issue 19): CSV <= 0.5 s and <= 2x bare read_csv, XLSX <= 2 s and <= 1.5x
bare calamine. ``--million`` adds a 1,000,000-row, 8-column deals CSV through ``import_file``
(median of ``--repeat`` runs, against bare ``read_csv`` of the same bytes). Memory of a
million-row import: bench/bench_import_memory.py.
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
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--million", action="store_true", help="also 1M rows x 8 columns of CSV")
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
    bare_csv = timed(lambda: pd.read_csv(io.BytesIO(csv_bytes), dtype=str, keep_default_na=False), args.repeat)
    full_csv = timed(lambda: import_file(csv_bytes, "deals.csv"), args.repeat)
    bare_xlsx = timed(lambda: CalamineWorkbook.from_filelike(io.BytesIO(xlsx_bytes))
                      .get_sheet_by_index(0).to_python(), args.repeat)
    full_xlsx = timed(lambda: import_file(xlsx_bytes, "deals.xlsx"), args.repeat)
    print(f"{'':8} {'bare read':>10} {'import':>10} {'ratio':>7}  goal")
    print(f"{'CSV':8} {bare_csv:>9.3f}s {full_csv:>9.3f}s {full_csv / bare_csv:>6.2f}x  < 0.5 s")
    print(f"{'XLSX':8} {bare_xlsx:>9.3f}s {full_xlsx:>9.3f}s {full_xlsx / bare_xlsx:>6.2f}x  < 2 s")
    if args.million:
        big = make_deals(1_000_000)[["Opportunity ID", "Opportunity Owner", "Account Name", "Stage",
                                     "Amount", "Close Date", "Created Date", "Probability (%)"]]
        big_csv = to_csv(big)
        results = import_file(big_csv, "deals_1m.csv")
        assert results[0].rows_read == 1_000_000, results[0].summary()
        bare_big = timed(lambda: pd.read_csv(io.BytesIO(big_csv), dtype=str, keep_default_na=False), args.repeat)
        full_big = timed(lambda: import_file(big_csv, "deals_1m.csv"), args.repeat)
        print(f"{'CSV 1Mx8':8} {bare_big:>9.3f}s {full_big:>9.3f}s {full_big / bare_big:>6.2f}x  "
              f"({len(big_csv) / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
