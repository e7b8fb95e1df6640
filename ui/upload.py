"""Session uploads: import files once per content hash, keep the results in this session only,
and publish them to the team's workspace on request."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import streamlit as st

from analytics.ingest.importer import ImportResult, combine, import_file
from analytics.ingest.mapping import MappingMemory
from analytics.messages import InputError, Problem
from analytics.store.canonical import compact, create_table
from analytics.store.schema import TABLES
from analytics.store.settings import Settings
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


def import_upload(name: str, data: bytes, settings: Settings, memory: MappingMemory) -> FileImport:
    """Import one uploaded file (cached in the session by content hash and the user's choices)."""
    digest = content_hash(data)
    cache: dict = st.session_state.setdefault("_imports", {})
    choices = tuple(sorted((k, repr(v)) for k, v in st.session_state.items()
                           if isinstance(k, str) and k.startswith(f"ovr:{digest}:")))
    key = (digest, name, choices, repr(settings))
    if key in cache:
        return cache[key]
    item = FileImport(name, digest, data)
    try:
        first = import_file(data, name, settings=settings, memory=memory)
        results = []
        for r in first:
            table, overrides = sheet_choice(digest, r.sheet_name)
            if table or overrides:
                again = import_file(data, name, sheet=r.sheet_name if len(first) > 1 else None,
                                    table=table, overrides=overrides, settings=settings)
                results.extend(x for x in again if x.sheet_name == r.sheet_name)
            else:
                results.append(r)
        item.results = results
    except InputError as exc:
        item.error = exc.problems
    except Exception as exc:  # noqa: BLE001 - a broken file must never take the page down
        log.exception("import of %s failed", name)
        item.error = [Problem("upload_failed", {"file": name, "reason": type(exc).__name__})]
    # Keep only the newest few imports: a session must not hoard memory.
    if len(cache) > 12:
        cache.pop(next(iter(cache)))
    cache[key] = item
    return item


def raw_table_name(result: ImportResult) -> str:
    base = re.sub(r"[^0-9a-zA-Z_]+", "_", f"{result.file_name.rsplit('.', 1)[0]}_{result.sheet_name}").strip("_")
    return ("raw_" + base.lower())[:60]


def build_session(imports: list[FileImport], shared: duckdb.DuckDBPyConnection) -> context.SessionUpload | None:
    """The session's own data: uploaded tables, plus the team's tables for kinds not uploaded."""
    results = [r for f in imports for r in f.results]
    tables = combine(results)
    if not tables and not any(r.table is None for r in results):
        return None
    con = duckdb.connect(":memory:")
    cur = shared.cursor()
    for name in TABLES:
        if name in tables:
            create_table(con, name, tables[name])
        else:
            frame = cur.execute(f'SELECT * FROM "{name}"').df()
            create_table(con, name, frame)
    for r in results:
        if r.table is None and len(r.frame):
            raw = r.frame.copy()
            con.register("_raw", raw)
            con.execute(f'CREATE OR REPLACE TABLE "{raw_table_name(r)}" AS SELECT * FROM _raw')
            con.unregister("_raw")
    compact(con)
    files = [(f.name, f.data) for f in imports]
    upload = context.make_session_upload(results, files, tables, extra=repr([sheet_choice_snapshot()]))
    upload.con.close()
    upload.con = con
    return upload


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


def mapping_frame(result: ImportResult) -> pd.DataFrame:
    """Rows of the mapping editor: the file's header, example values, the canonical column."""
    rows = []
    frame = result.preview
    for header in result.headers:
        target = result.mapping.columns.get(header) if result.mapping else None
        if result.mapping and header in result.mapping.wide_months:
            target = f"month {result.mapping.wide_months[header]:02d}"
        examples = ""
        if frame is not None and header in frame.columns:
            examples = ", ".join(str(v) for v in frame[header].dropna().astype(str).head(3))
        rows.append({"header": header, "examples": examples, "maps_to": target or ""})
    return pd.DataFrame(rows, columns=["header", "examples", "maps_to"])
