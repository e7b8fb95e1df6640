"""A small record, kept in the workspace folder, of every periodic report the product built.

One JSON line per report (period key, rep or none for the department, when, which data). The
sixth step of the sales process ("periodic sales report to the manager") is read from here: a
rep's step is done for a period when a report of theirs for that period was built.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd

LOG_NAME = "reports.jsonl"
COLUMNS = ["period", "rep", "generated_at", "source"]


def log_path(folder: Path) -> Path:
    return Path(folder) / LOG_NAME


def record_report(folder: Path, period_key: str, rep: str | None, *, when: datetime | None = None,
                  source: str = "") -> None:
    """Append one line for a report built for ``period_key`` (``rep`` None: the department's)."""
    path = log_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {"period": period_key, "rep": rep, "generated_at": (when or datetime.now()).isoformat(timespec="seconds"),
            "source": source}
    with path.open("a", encoding="utf-8") as out:  # one short append per report: safe between sessions
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def reports_logged(folder: Path) -> pd.DataFrame:
    """Every report recorded (columns ``COLUMNS``); a missing log is empty, a damaged line is skipped."""
    path = log_path(folder)
    rows: list[dict[str, object]] = []
    if path.exists():
        for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                row = json.loads(text)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("period"), str):
                rows.append({c: row.get(c) for c in COLUMNS})
    return pd.DataFrame(rows, columns=COLUMNS).astype({"period": "object", "rep": "object"})
