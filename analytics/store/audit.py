"""The audit trail: who changed what in the team's workspace, when, and before → after.

One JSON object per line in ``<workspace>/audit.jsonl``, appended under an exclusive file lock,
so two app processes (or the app and the CLI) never interleave a line. It is append-only: the
product never rewrites or trims it. ``before`` and ``after`` hold the changed values (settings,
plan, role), never secrets such as password hashes.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

FILE_NAME = "audit.jsonl"
COLUMNS = ["at", "who", "action", "what", "before", "after"]


def audit_path(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def record(folder: Path, who: str, action: str, what: str = "", before: Any = None, after: Any = None,
           at: datetime | None = None) -> dict[str, Any]:
    """Append one change. ``action`` is a stable key (e.g. ``"publish"``, ``"settings.edit"``,
    ``"plan.edit"``, ``"user.add"``); ``who`` is the signed-in login, or ``"personal"`` /
    ``"cli:<os user>"`` where nobody signs in."""
    entry = {"at": (at or datetime.now(UTC)).isoformat(timespec="seconds"), "who": who,
             "action": action, "what": what, "before": before, "after": after}
    path = audit_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)  # closing releases the lock
    return entry


def read(folder: Path) -> pd.DataFrame:
    """Every recorded change, newest first (``before``/``after`` as compact JSON text)."""
    path = audit_path(folder)
    rows: list[dict[str, Any]] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                for side in ("before", "after"):
                    value = entry.get(side)
                    entry[side] = None if value is None else json.dumps(value, ensure_ascii=False, default=str)
                rows.append(entry)
    return pd.DataFrame(rows, columns=COLUMNS).iloc[::-1].reset_index(drop=True)
