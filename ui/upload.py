"""Session uploads: import files once per content hash, keep the results in this session only,
and publish them to the team's workspace on request."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
import streamlit as st

from analytics.ingest.importer import ImportResult, combine, import_file, release_memory
from analytics.ingest.mapping import MappingMemory
from analytics.ingest.progress import Progress, Snapshot
from analytics.messages import InputError, Problem
from analytics.store.settings import Settings
from analytics.store.sources import reject_duplicates_across
from analytics.store.workspace import PublishItem, content_hash
from ui import context

log = logging.getLogger("sales")



@dataclass
class FileImport:
    name: str
    digest: str
    data: bytes
    results: list[ImportResult] = field(default_factory=list)
    error: list[Problem] = field(default_factory=list)


def _overrides_key(digest: str, sheet: str) -> str:
    return f"ovr:{digest}:{sheet}"


def sheet_choice(digest: str, sheet: str) -> tuple[str | None, dict[str, str]]:
    """(forced table or None, header overrides) the user chose on the Data page for a sheet."""
    return st.session_state.get(_overrides_key(digest, sheet), (None, {}))


def set_sheet_choice(digest: str, sheet: str, table: str | None, overrides: dict[str, str]) -> None:
    st.session_state[_overrides_key(digest, sheet)] = (table, overrides)


#: ``(file name, file index, number of files, the import's state)``: what the Data page draws.
ProgressCallback = Callable[[str, int, int, Snapshot], None]


def import_uploads(files: list[tuple[str, bytes]], settings: Settings, memory: MappingMemory,
                   progress: ProgressCallback | None = None) -> list[FileImport]:
    """Import every uploaded file; an uploaded exchange-rate table converts the files that mix
    currencies (they are imported again with it). ``progress`` hears of each file's rows read and
    checked and its time left (nothing for a file already imported in this session)."""
    imports = []
    for i, (name, data) in enumerate(files):
        on_change = None
        if progress is not None:
            def on_change(snapshot: Snapshot, name: str = name, i: int = i) -> None:
                progress(name, i, len(files), snapshot)
        imports.append(import_upload(name, data, settings, memory, on_progress=on_change))
    tables = combine([r for f in imports for r in f.results])
    fx = tables.get("fx_rates")
    if fx is not None and len(fx):
        imports = [import_upload(f.name, f.data, settings, memory, fx)
                   if any(p.code == "mixed_currencies" for r in f.results for p in r.errors) else f
                   for f in imports]
    return imports


def import_upload(name: str, data: bytes, settings: Settings, memory: MappingMemory,
                  fx_rates: pd.DataFrame | None = None,
                  on_progress: Callable[[Snapshot], None] | None = None) -> FileImport:
    """Import one uploaded file (cached in the session by content hash and the user's choices)."""
    digest = content_hash(data)
    cache: dict = st.session_state.setdefault("_imports", {})
    choices = tuple(sorted((k, repr(v)) for k, v in st.session_state.items()
                           if isinstance(k, str) and k.startswith(f"ovr:{digest}:")))
    fx_key = "" if fx_rates is None else content_hash(fx_rates.to_csv(index=False).encode("utf-8"))
    key = (digest, name, choices, repr(settings), fx_key)
    if key in cache:
        return cache[key]
    item = FileImport(name, digest, data)
    try:
        tracker = Progress(len(data), on_progress) if on_progress is not None else None
        first = import_file(data, name, settings=settings, memory=memory, fx_rates=fx_rates, progress=tracker)
        results = []
        for r in first:
            table, overrides = sheet_choice(digest, r.sheet_name)
            if table or overrides:
                again = import_file(data, name, sheet=r.sheet_name if len(first) > 1 else None,
                                    table=table, overrides=overrides, settings=settings, fx_rates=fx_rates)
                results.extend(x for x in again if x.sheet_name == r.sheet_name)
            else:
                results.append(r)
        item.results = results
    except InputError as exc:
        item.error = exc.problems
    except Exception as exc:  # noqa: BLE001 - a broken file must never take the page down
        log.exception("import of %s failed", name)
        item.error = [Problem("upload_failed", {"file": name, "reason": type(exc).__name__})]
    if item.error:  # a refused file is never read again: the cache keeps its message, not its bytes
        item.data = b""
        release_memory()
    # Keep only the newest few imports: a session must not hoard memory.
    if len(cache) > 12:
        cache.pop(next(iter(cache)))
    cache[key] = item
    return item


def raw_table_name(result: ImportResult) -> str:
    base = re.sub(r"[^0-9a-zA-Z_]+", "_", f"{result.file_name.rsplit('.', 1)[0]}_{result.sheet_name}").strip("_")
    return ("raw_" + base.lower())[:60]


def build_session(imports: list[FileImport], extra: str = "") -> context.SessionUpload | None:
    """The session's own data: the uploaded tables only (a table not uploaded stays empty unless
    the user switches on the team's copy of it), plus raw sheets for Explore."""
    results = [r for f in imports for r in f.results]
    tables = combine(results)
    raw = {raw_table_name(r): r.frame.copy() for r in results if r.table is None and len(r.frame)}
    if not tables and not raw:
        return None
    files = [(f.name, f.data) for f in imports]
    return context.make_session_upload(results, files, tables, extra=repr([sheet_choice_snapshot(), extra]),
                                       raw=raw)


def check_duplicates(imports: list[FileImport], published: pd.DataFrame | None = None) -> list[FileImport]:
    """Copies of ``imports`` with deal IDs repeated across files (or, for an append, already in
    ``published``) rejected as "duplicate of <file> row N". The cached imports are not changed."""
    checked = iter(reject_duplicates_across([r for f in imports for r in f.results], published))
    return [replace(f, results=[next(checked) for _ in f.results]) for f in imports]


def sheet_choice_snapshot() -> list:
    return sorted((k, repr(v)) for k, v in st.session_state.items() if isinstance(k, str) and k.startswith("ovr:"))


def publish_items(imports: list[FileImport], mode: str) -> list[PublishItem]:
    items = []
    for f in imports:
        for r in f.results:
            if r.ok and r.table and r.rows_loaded:
                items.append(PublishItem(r.table, r.frame, f.name, f.digest, r.rows_rejected,
                                         "append" if mode == "append" else "replace"))
    return items


MAPPING_COLUMNS = ["header", "examples", "maps_to", "confidence", "runners_up", "check", "unit"]


def mapping_frame(result: ImportResult) -> pd.DataFrame:
    """Rows of the mapping editor: the file's header, example values, the canonical column, how
    sure the mapping is (0–1, NaN when unmapped or chosen by the user), the runner-up fields
    (best first), whether the user should check it, and the unit or currency its header states."""
    rows = []
    frame = result.preview
    mapping = result.mapping
    to_check = set(mapping.to_confirm()) if mapping else set()
    for header in result.headers:
        target = mapping.columns.get(header) if mapping else None
        if mapping and header in mapping.wide_months:
            target = f"month {mapping.wide_months[header]:02d}"
        examples = ""
        if frame is not None and header in frame.columns:
            examples = ", ".join(str(v) for v in frame[header].dropna().astype(str).head(3))
        confidence = float("nan")
        if mapping and target and header not in mapping.confirmed and header in mapping.confidence:
            confidence = mapping.confidence[header]
        ranked = [f for f, _s in (mapping.candidates.get(header, []) if mapping else []) if f != target]
        unit = mapping.units.get(header) if mapping else None
        rows.append({"header": header, "examples": examples, "maps_to": target or "", "confidence": confidence,
                     "runners_up": ranked, "check": header in to_check, "unit": unit})
    return pd.DataFrame(rows, columns=MAPPING_COLUMNS)
