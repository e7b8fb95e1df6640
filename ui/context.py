"""The shared data context: which data is in use, the DuckDB cursor, settings, period, filters.

- The team's data (published workspace, else the sample company) is loaded once per process
  into an in-memory DuckDB (``st.cache_resource``), keyed by workspace version or sample hash.
  Each browser session queries it through its own cursor.
- A session's own upload lives in that session's ``st.session_state`` only: two sessions never
  see each other's unpublished files.
- Metric results are cached with ``st.cache_data`` keyed by the data key, the settings and the
  call's arguments, so a rerun that changed nothing recomputes nothing.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics.filters import Filters
from analytics.ingest.importer import ImportResult
from analytics.outputs.numbers import MoneyFormat
from analytics.periods import Period
from analytics.store import canonical, snapshots
from analytics.store.settings import (
    Settings,
    data_currency,
    load_settings,
    register_stage_map,
    reporting_currency,
)
from analytics.store.sources import SAMPLE_DIRS, load_sample, sample_edition
from analytics.store.workspace import Workspace

SourceKind = Literal["sample", "workspace", "session"]
_WS_LOCK = threading.RLock()


@dataclass
class DataSource:
    kind: SourceKind
    key: str
    con: duckdb.DuckDBPyConnection
    version: int | None = None
    published_at: datetime | None = None
    files: list[str] = field(default_factory=list)


@dataclass
class SessionUpload:
    """A browser session's private upload: its tables, import results and DuckDB connection."""

    key: str
    con: duckdb.DuckDBPyConnection
    results: list[ImportResult]
    files: list[str]
    tables: dict[str, pd.DataFrame]


@dataclass
class Context:
    lang: str
    settings: Settings
    settings_problems: list[str]
    source: DataSource
    con: duckdb.DuckDBPyConnection  # this session's cursor
    period: Period | None = None
    as_of: date | None = None
    filters: Filters = field(default_factory=Filters)

    @property
    def data_key(self) -> str:
        return self.source.key

    @property
    def settings_key(self) -> str:
        return hashlib.sha1(repr(self.settings).encode()).hexdigest()[:12]

    @property
    def currency(self) -> str | None:
        """The ISO code money is shown in (the data's, else Settings'), None when unknown."""
        return reporting_currency(self.settings, self.call(data_currency))

    @property
    def money(self) -> MoneyFormat:
        """This view's money formatter: ``ctx.money(x)`` for a figure, ``.ticks`` for an axis."""
        return MoneyFormat(self.currency, "zh" if self.lang == "zh" else "en")

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``func(cursor, *args, **kwargs)``, an ``analytics`` function, cached.

        Every argument must be hashable by Streamlit (dataclasses, tuples, strings, dates). The
        result must be picklable and small. The cache key names the function by its module and
        qualified name, so "find usages" and renaming work on the call sites.
        """
        name = f"{func.__module__}:{func.__qualname__}"
        return _cached_call(self.data_key, self.settings_key, name, args, tuple(sorted(kwargs.items())),
                            _con=self.con, _func=func)


def workspace() -> Workspace:
    return Workspace()


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_call(data_key: str, settings_key: str, func_name: str, args: tuple, kwargs: tuple, _con,
                 _func: Callable[..., Any]) -> Any:
    return _func(_con, *args, **dict(kwargs))


def settings_now() -> tuple[Settings, list[str]]:
    path = workspace().settings_path
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    return _settings_cached(str(path), stamp)


@st.cache_data(show_spinner=False, max_entries=8)
def _settings_cached(path: str, stamp: int) -> tuple[Settings, list[str]]:
    return load_settings(Path(path))


def _sample_key(edition: str = "en") -> str:
    h = hashlib.sha256()
    for p in sorted(SAMPLE_DIRS[edition].glob("*.csv")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return f"sample:{edition}:" + h.hexdigest()[:16]


@st.cache_resource(show_spinner=False, max_entries=4)
def _sample_connection(key: str) -> duckdb.DuckDBPyConnection:
    con = load_sample(edition=key.split(":")[1]).connect()  # the edition is part of the key
    snapshots.sample_history(con, snapshots.sample_history_end(con))  # the sample's year of weekly exports
    return con


@st.cache_resource(show_spinner=False, max_entries=4)
def _workspace_connection(key: str, folder: str) -> tuple[duckdb.DuckDBPyConnection, int | None]:
    con = duckdb.connect(":memory:")
    with _WS_LOCK:
        version = Workspace(Path(folder)).load_into(con)
    return con, version


def _workspace_state(ws: Workspace) -> tuple[int | None, datetime | None, str]:
    """(current version, its publish time, a cache key) — cheap: keyed on the file's mtime."""
    path = ws.db_path
    if not path.exists():
        return None, None, ""
    stat = path.stat()
    return _workspace_state_cached(str(ws.folder), stat.st_mtime_ns, stat.st_size)


@st.cache_data(show_spinner=False, max_entries=16)
def _workspace_state_cached(folder: str, mtime: int, size: int) -> tuple[int | None, datetime | None, str]:
    ws = Workspace(Path(folder))
    with _WS_LOCK:
        version = ws.current_version()
        hist = ws.history()
    if version is None:
        return None, None, ""
    when = None
    pub = hist[(hist["action"] == "publish") & (hist["version"] == version)]
    if len(pub):
        when = pd.Timestamp(pub["published_at"].iloc[0]).to_pydatetime()
    return version, when, f"ws:{folder}:{version}:{mtime}"


def shared_source() -> DataSource:
    """The team's data: the published workspace, else the sample company."""
    ws = workspace()
    version, when, key = _workspace_state(ws)
    if version is not None:
        con, _ = _workspace_connection(key, str(ws.folder))
        return DataSource("workspace", key, con, version, when)
    # No data published: the sample company speaks the user's language.
    key = _sample_key(sample_edition(st.session_state.get("lang")))
    return DataSource("sample", key, _sample_connection(key))


def session_upload() -> SessionUpload | None:
    return st.session_state.get("session_upload")


def set_session_upload(upload: SessionUpload | None) -> None:
    if upload is None:
        st.session_state.pop("session_upload", None)
    else:
        st.session_state["session_upload"] = upload
    st.session_state.pop("_cursor", None)


def make_session_upload(results: list[ImportResult], files: list[tuple[str, bytes]],
                        tables: dict[str, pd.DataFrame], extra: str = "") -> SessionUpload:
    h = hashlib.sha256()
    for name, data in files:
        h.update(name.encode())
        h.update(hashlib.sha256(data).digest())
    h.update(extra.encode())
    con = canonical.connect(tables)
    return SessionUpload("session:" + h.hexdigest()[:16], con, results, [n for n, _ in files], tables)


def active_source() -> DataSource:
    upload = session_upload()
    if upload is not None and st.session_state.get("use_upload", True):
        return DataSource("session", upload.key, upload.con, files=upload.files)
    return shared_source()


def cursor_for(source: DataSource, settings: Settings) -> duckdb.DuckDBPyConnection:
    """This session's cursor on ``source``, with the stage map for ``settings`` registered."""
    marker = (source.key, repr(settings))
    cached = st.session_state.get("_cursor")
    if cached and cached[0] == marker:
        return cached[1]
    cur = source.con.cursor()
    register_stage_map(cur, settings)
    st.session_state["_cursor"] = (marker, cur)
    return cur


def build_context(lang: str) -> Context:
    settings, problems = settings_now()
    source = active_source()
    return Context(lang, settings, problems, source, cursor_for(source, settings))


def current() -> Context:
    """The context ``app.py`` built for this run (pages call this)."""
    if PagesManager.uses_pages_directory:
        # Streamlit runs a deep link into pages/ as a bare script (its old multipage mode) until
        # app.py has called st.navigation once in this process; switch modes and run the frame.
        PagesManager.uses_pages_directory = False
        st.rerun()
    ctx = st.session_state.get("_context")
    if ctx is None:
        raise RuntimeError("app.py must build the context before a page runs")
    return ctx
