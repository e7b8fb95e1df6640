"""A small record, kept by the workspace's store, of every periodic report the product built.

One JSON line per report (period key, rep or none for the department, when, which data). The
sixth step of the sales process ("periodic sales report to the manager") is read from here: a
rep's step is done for a period when a report of theirs for that period was built.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pandas as pd

from analytics.store.documents import Documents, docs_of

LOG_NAME = "reports.jsonl"
COLUMNS = ["period", "rep", "generated_at", "source"]


def record_report(folder: Path | Documents, period_key: str, rep: str | None, *, when: datetime | None = None,
                  source: str = "") -> None:
    """Append one line for a report built for ``period_key`` (``rep`` None: the department's)."""
    line = {"period": period_key, "rep": rep, "generated_at": (when or datetime.now()).isoformat(timespec="seconds"),
            "source": source}
    docs_of(folder).append(LOG_NAME, json.dumps(line, ensure_ascii=False))  # one line: safe between sessions


def reports_logged(folder: Path | Documents) -> pd.DataFrame:
    """Every report recorded (columns ``COLUMNS``); a missing log is empty, a damaged line is skipped."""
    text = docs_of(folder).read(LOG_NAME)
    rows: list[dict[str, object]] = []
    if text is not None:
        for line in text.splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("period"), str):
                rows.append({c: row.get(c) for c in COLUMNS})
    return pd.DataFrame(rows, columns=COLUMNS).astype({"period": "object", "rep": "object"})
