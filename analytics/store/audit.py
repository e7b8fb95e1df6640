"""The audit trail: who changed what in the team's workspace, when, and before → after.

One JSON object per line in the store's ``audit.jsonl`` (a file appended with one write per
line, or rows of PostgreSQL's ``document_lines``), so two app processes (or the app and the
CLI) never interleave a line. It is append-only: the
product never rewrites or trims it. ``before`` and ``after`` hold the changed values (settings,
plan, role), never secrets such as password hashes.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.store.documents import Documents, docs_of

FILE_NAME = "audit.jsonl"


def audit_path(folder: Path) -> Path:
    """The log's file in a workspace folder (the embedded store)."""
    return Path(folder) / FILE_NAME


COLUMNS = ["at", "who", "action", "what", "before", "after"]


def record(folder: Path | Documents, who: str, action: str, what: str = "", before: Any = None, after: Any = None,
           at: datetime | None = None) -> dict[str, Any]:
    """Append one change. ``action`` is a stable key (e.g. ``"publish"``, ``"settings.edit"``,
    ``"plan.edit"``, ``"user.add"``); ``who`` is the signed-in login, or ``"personal"`` /
    ``"cli:<os user>"`` where nobody signs in."""
    entry = {"at": (at or datetime.now(UTC)).isoformat(timespec="seconds"), "who": who,
             "action": action, "what": what, "before": before, "after": after}
    docs_of(folder).append(FILE_NAME, json.dumps(entry, ensure_ascii=False, default=str))
    return entry


def read(folder: Path | Documents) -> pd.DataFrame:
    """Every recorded change, newest first (``before``/``after`` as compact JSON text)."""
    text = docs_of(folder).read(FILE_NAME)
    rows: list[dict[str, Any]] = []
    if text is not None:
        for line in text.splitlines():
            if line.strip():
                entry = json.loads(line)
                for side in ("before", "after"):
                    value = entry.get(side)
                    entry[side] = None if value is None else json.dumps(value, ensure_ascii=False, default=str)
                rows.append(entry)
    return pd.DataFrame(rows, columns=COLUMNS).iloc[::-1].reset_index(drop=True)
