"""Saved views of the Explore page: a named pivot or query, kept as JSON in the workspace folder.

A view is its name, its kind (``pivot`` or ``sql``) and the page's link parameters (``xt``
table, ``xr`` rows, ``xq`` query …), so opening a view is the same as opening its link. The
file (``Workspace().views_doc``) is written atomically (a temporary file in the same folder,
then ``os.replace``), so a reader never sees half a file. Everything read back is validated:
an entry that is not a well-formed view is skipped and reported, never trusted; a file that
cannot be read at all is kept aside as ``<name>.broken`` before the next save replaces it.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analytics.messages import InputError, Problem
from analytics.store.documents import Doc, doc_of

VIEW_KINDS = ("pivot", "sql")
FORMAT_VERSION = 1
#: Longest view name (characters) and the most views a workspace keeps.
MAX_NAME = 60
MAX_VIEWS = 500
#: Link parameters a view may hold: the Explore page's keys (``xt``, ``xr``, ``xf:<column>``…).
PARAM_KEY = re.compile(r"^x[a-z0-9]{1,6}(:.{1,200})?$", re.DOTALL)
MAX_PARAMS = 40
MAX_VALUES = 1000
MAX_TEXT = 20_000

VIEW_BAD_NAME = "view_bad_name"
VIEW_BAD_KIND = "view_bad_kind"
VIEW_BAD_PARAMS = "view_bad_params"
VIEW_TOO_MANY = "view_too_many"
VIEWS_UNREADABLE = "views_unreadable"
VIEW_SKIPPED = "view_skipped"

_LOCK = threading.RLock()


@dataclass(frozen=True)
class SavedView:
    """A named pivot or query: ``params`` are the page's link parameters (str, or a list of str)."""

    name: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "params": self.params, "saved_at": self.saved_at}


def clean_name(name: object) -> str:
    """``name`` trimmed with inner runs of spaces made one; raises ``InputError`` if empty, too long or odd."""
    if not isinstance(name, str):
        raise InputError(Problem(VIEW_BAD_NAME, {"limit": MAX_NAME}))
    if any(unicodedata.category(ch).startswith("C") for ch in name):  # line breaks, tabs, controls
        raise InputError(Problem(VIEW_BAD_NAME, {"limit": MAX_NAME}))
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
    if not text or len(text) > MAX_NAME:
        raise InputError(Problem(VIEW_BAD_NAME, {"limit": MAX_NAME}))
    return text


def _clean_params(name: str, params: object) -> dict[str, Any]:
    def bad(detail: str) -> InputError:
        return InputError(Problem(VIEW_BAD_PARAMS, {"name": name, "detail": detail}))

    if not isinstance(params, dict):
        raise bad("not a mapping")
    if len(params) > MAX_PARAMS:
        raise bad(f"{len(params)} settings")
    out: dict[str, Any] = {}
    for key, value in params.items():
        if not isinstance(key, str) or not PARAM_KEY.match(key):
            raise bad(repr(key)[:40])
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise bad(f"{key} too long")
            out[key] = value
        elif isinstance(value, list) and len(value) <= MAX_VALUES and all(
                isinstance(v, str) and len(v) <= MAX_TEXT for v in value):
            out[key] = list(value)
        else:
            raise bad(key)
    return out


def make_view(name: object, kind: str, params: dict[str, Any], *, now: datetime | None = None) -> SavedView:
    """A validated :class:`SavedView` (name cleaned, kind and link parameters checked) stamped with ``now`` (UTC)."""
    clean = clean_name(name)
    if kind not in VIEW_KINDS:
        raise InputError(Problem(VIEW_BAD_KIND, {"kind": kind, "choices": ", ".join(VIEW_KINDS)}))
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat()
    return SavedView(clean, kind, _clean_params(clean, params), stamp)


def _from_json(entry: object) -> SavedView:
    if not isinstance(entry, dict):
        raise InputError(Problem(VIEW_BAD_PARAMS, {"name": "?", "detail": "not a view"}))
    saved_at = entry.get("saved_at", "")
    view = make_view(entry.get("name"), str(entry.get("kind")), entry.get("params"))  # type: ignore[arg-type]
    if isinstance(saved_at, str) and len(saved_at) <= 40:
        try:
            datetime.fromisoformat(saved_at)
            view = SavedView(view.name, view.kind, view.params, saved_at)
        except ValueError:
            pass
    return view


def load_views(path: Path | Doc) -> tuple[list[SavedView], list[Problem]]:
    """The valid views in ``path`` sorted by name (case-insensitive), and a problem per skipped entry.

    A missing file is no views and no problem; an unreadable file is no views and one problem.
    When a name appears twice the later entry wins.
    """
    doc = doc_of(path)
    try:
        text = doc.read()
        if text is None:
            return [], []
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = type(error).__name__
        return [], [Problem(VIEWS_UNREADABLE, {"reason": reason, "backup": doc.name + ".broken"})]
    entries = data.get("views") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(VIEWS_UNREADABLE, {"reason": "no list of views", "backup": doc.name + ".broken"})]
    found: dict[str, SavedView] = {}
    problems: list[Problem] = []
    for entry in entries[: MAX_VIEWS * 2]:
        try:
            view = _from_json(entry)
        except InputError as error:
            label = entry.get("name") if isinstance(entry, dict) and isinstance(entry.get("name"), str) else "?"
            problems.append(Problem(VIEW_SKIPPED, {"name": str(label)[:MAX_NAME], "reason": error.text("en")},
                                    severity="warning"))
            continue
        found[view.name] = view
    return sorted(found.values(), key=lambda v: (v.name.casefold(), v.name)), problems


def list_views(path: Path | Doc) -> list[SavedView]:
    """The valid saved views, sorted by name (entries that fail validation left out)."""
    return load_views(path)[0]


def get_view(path: Path | Doc, name: str) -> SavedView | None:
    """The view called ``name`` (compared after :func:`clean_name`), or None."""
    try:
        wanted = clean_name(name)
    except InputError:
        return None
    return next((v for v in list_views(path) if v.name == wanted), None)


def _write(path: Path | Doc, views: list[SavedView]) -> None:
    """Replace the views atomically with ``views`` (an unreadable old text is kept as ``.broken``)."""
    doc = doc_of(path)
    old = doc.read()
    if old is not None and any(p.code == VIEWS_UNREADABLE for p in load_views(doc)[1]):
        doc.docs.write(doc.name + ".broken", old)
    body = {"version": FORMAT_VERSION, "views": [v.to_json() for v in views]}
    doc.write(json.dumps(body, ensure_ascii=False, indent=2))


def save_view(path: Path | Doc, view: SavedView) -> bool:
    """Store ``view`` (validated again), replacing one of the same name; True if it replaced one."""
    view = make_view(view.name, view.kind, view.params)
    with _LOCK:
        current = list_views(path)
        replaced = any(v.name == view.name for v in current)
        kept = [v for v in current if v.name != view.name]
        if len(kept) >= MAX_VIEWS:
            raise InputError(Problem(VIEW_TOO_MANY, {"limit": MAX_VIEWS}))
        _write(path, [*kept, view])
    return replaced


def delete_view(path: Path | Doc, name: str) -> bool:
    """Remove the view called ``name``; False if there was none (the file is then left as it is)."""
    with _LOCK:
        current = list_views(path)
        kept = [v for v in current if v.name != name]
        if len(kept) == len(current):
            return False
        _write(path, kept)
    return True
