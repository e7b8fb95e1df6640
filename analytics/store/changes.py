"""The shared changes, each behind its permission and recorded in the audit trail.

The Data and Settings pages and the ``workspace``/``publish`` commands all change the team's
workspace through these functions, so a refusal and its message are the same everywhere:
``scope.require(...)`` raises :class:`analytics.access.ChangeRefused` before anything is
touched, and every change that went through appends one line to ``audit.jsonl``
(``analytics.store.audit``): who, the action, what, and before → after for settings and plans.
``who`` defaults to the scope's login (``personal`` when nobody signs in); the CLI run without
``--as`` passes ``cli:<os user>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analytics.access import Scope
from analytics.store import audit
from analytics.store.documents import Doc, Documents, doc_of
from analytics.store.settings import Settings, save_settings
from analytics.store.workspace import PublishItem, Workspace


def publish(ws: Workspace, scope: Scope, items: list[PublishItem], who: str | None = None, **kwargs: Any) -> int:
    scope.require("data")
    version = ws.publish(items, **kwargs)
    audit.record(ws.docs, who or scope.who, "publish", f"version {version}",
                 after={"version": version, "tables": sorted({i.table for i in items}),
                        "files": sorted({i.file_name for i in items}), "note": kwargs.get("note", "")})
    return version


def rollback(ws: Workspace, scope: Scope, version: int, who: str | None = None) -> None:
    scope.require("data")
    before = ws.status().version
    ws.rollback(version)
    audit.record(ws.docs, who or scope.who, "rollback", f"version {version}", before={"version": before},
                 after={"version": version})


def pin(ws: Workspace, scope: Scope, version: int, pinned: bool = True, who: str | None = None) -> None:
    scope.require("data")
    ws.pin(version, pinned)
    audit.record(ws.docs, who or scope.who, "pin" if pinned else "unpin", f"version {version}",
                 before={"pinned": not pinned}, after={"pinned": pinned})


def backup(ws: Workspace, scope: Scope, dest: Path, who: str | None = None) -> Path:
    scope.require("data")
    path = ws.backup(dest)
    audit.record(ws.docs, who or scope.who, "backup", str(path))
    return path


def restore(ws: Workspace, scope: Scope, source: Path, who: str | None = None) -> None:
    scope.require("data")
    before = ws.status().version
    ws.restore(source)
    audit.record(ws.docs, who or scope.who, "restore", str(source), before={"version": before},
                 after={"version": ws.status().version})


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the settings that changed, before and after (the audit line stays readable)."""
    keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def save_workspace_settings(folder: Path | Documents, scope: Scope, old: Settings, new: Settings, path: Path | Doc,
                            action: str = "settings.edit") -> None:
    """Write ``new`` settings (``action`` ``kpi_weights.edit`` for the weights alone)."""
    scope.require("settings")
    save_settings(new, path)
    before, after = _changed(old.to_dict(), new.to_dict())
    audit.record(folder, scope.who, action, doc_of(path).name, before=before, after=after)


def save_plan(folder: Path | Documents, scope: Scope, path: Path | Doc, text: str, write: Any) -> None:
    """Write the commission plan with ``write(text, path)``; the audit keeps the old and new text."""
    scope.require("settings")
    old = doc_of(path).read()
    write(text, path)
    audit.record(folder, scope.who, "plan.edit", doc_of(path).name, before=old, after=text)
