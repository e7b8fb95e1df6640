"""The shared data context: which data is in use, the DuckDB cursor, settings, period, filters.

- The team's data (published workspace, else — only when the workspace *says* nothing is
  published — the sample company) is loaded once per process into an in-memory DuckDB
  (``st.cache_resource``), keyed by workspace version and the file's identity. A locked or
  damaged workspace is never replaced by the sample: the page says the data is busy (and
  retries) or names the damaged file and the restore command, and stops.
- A session's own upload lives in that session's ``st.session_state`` only: two sessions never
  see each other's unpublished files. It is analysed on its own tables; a team table joins it
  only where the user switched that table on (``team_tables``). The sample never joins it.
- Metric results are cached with ``st.cache_data`` keyed by the data key, the settings and the
  call's arguments, so a rerun that changed nothing recomputes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import duckdb
import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics.access import Scope
from analytics.filters import Filters
from analytics.i18n import Lang
from analytics.ingest.importer import ImportResult
from analytics.outputs.numbers import MoneyFormat
from analytics.periods import Period
from analytics.store import canonical, scoped, snapshots
from analytics.store.postgres import WorkspaceUnreachable
from analytics.store.schema import TABLES
from analytics.store.settings import (
    Settings,
    data_currency,
    register_stage_map,
    reporting_currency,
    settings_from_text,
)
from analytics.store.sources import SAMPLE_DIRS, load_sample, sample_edition
from analytics.store.transfer import Store, open_workspace
from analytics.store.workspace import Status, WorkspaceBusy, WorkspaceCorrupt

log = logging.getLogger("sales")

SourceKind = Literal["sample", "workspace", "session"]
#: Where a table's rows come from, for the banner: the session's upload, the team's published
#: data, the sample company, or nowhere (the table is empty).
Origin = Literal["upload", "team", "sample", "none"]
_WS_LOCK = threading.RLock()
#: The page retries a busy workspace for this long in all (one bounded wait per run, then a
#: rerun), then says who holds it and offers a button to try again. ``$SALES_BUSY_RETRY_S`` and
#: ``$SALES_WORKSPACE_WAIT_S`` change them (tests).
BUSY_RETRY_S = 60.0
BUSY_WAIT_PER_RUN_S = 3.0


def _busy_retry_s() -> float:
    return float(os.environ.get("SALES_BUSY_RETRY_S") or BUSY_RETRY_S)


def _wait_per_run_s() -> float:
    return float(os.environ.get("SALES_WORKSPACE_WAIT_S") or BUSY_WAIT_PER_RUN_S)


@dataclass
class DataSource:
    kind: SourceKind
    key: str
    con: duckdb.DuckDBPyConnection
    version: int | None = None
    published_at: datetime | None = None
    files: list[str] = field(default_factory=list)
    origins: dict[str, Origin] = field(default_factory=dict)
    #: The whole team's data behind a rep's or manager's scoped copy (``con``): read only by the
    #: aggregate-only functions of ``analytics.metrics.standing`` (``Context.call_standing``).
    full_con: duckdb.DuckDBPyConnection | None = None


@dataclass
class SessionUpload:
    """A browser session's private upload: its own tables, import results and raw sheets."""

    key: str
    con: duckdb.DuckDBPyConnection  # the upload's own tables only (and raw sheets)
    results: list[ImportResult]
    files: list[str]
    tables: dict[str, pd.DataFrame]
    raw: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def own_tables(self) -> list[str]:
        return [t for t in TABLES if t in self.tables and len(self.tables[t])]


@dataclass
class Context:
    lang: Lang
    settings: Settings
    settings_problems: list[str]
    source: DataSource
    con: duckdb.DuckDBPyConnection  # this session's cursor
    period: Period | None = None
    as_of: date | None = None
    filters: Filters = field(default_factory=Filters)
    scope: Scope = field(default_factory=Scope.personal)
    #: True when the URL or sidebar asked for rows outside the scope (the page says so).
    widened: bool = False

    @property
    def data_key(self) -> str:
        return self.source.key

    def release(self) -> None:
        """Let go of the data when the session has closed. A page's ``ctx`` is a global of its
        script, and the script's globals outlive the run: Streamlit leaves the last run's
        ``__main__`` in ``sys.modules`` until any session runs again, and a widget's callback
        keeps its page's globals until the closed session expires. Through ``ctx``, a 1M-row
        upload's DuckDB stayed alive: +390-430 MB 30 s after the tab closed
        (``bench/bench_data_page.py --probe``). Only references are dropped: a run of this session
        still going keeps its own, and its connection is freed when it ends."""
        self.source = DataSource(self.source.kind, self.source.key, None)  # type: ignore[arg-type]
        self.con = None  # type: ignore[assignment]

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
        return MoneyFormat(self.currency, self.lang)

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``func(cursor, *args, **kwargs)``, an ``analytics`` function, cached.

        Every argument must be hashable by Streamlit (dataclasses, tuples, strings, dates). The
        result must be picklable and small. The cache key names the function by its module and
        qualified name, so "find usages" and renaming work on the call sites.
        """
        name = f"{func.__module__}:{func.__qualname__}"
        return _cached_call(self.data_key, self.settings_key, self.scope, name, args,
                            tuple(sorted(kwargs.items())), _con=self.con, _func=func)

    def call_standing(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run an aggregate-only function of ``analytics.metrics.standing`` (team and company
        totals, the attainment leaderboard) on the whole team's data, cached like ``call``.
        Only those functions may read past a scoped copy; anything else is refused."""
        from analytics.metrics import standing

        if func not in standing.AGGREGATE_ONLY:
            raise ValueError(f"{func.__qualname__} is not an aggregate-only function")
        con = self.source.full_con or self.con
        name = f"{func.__module__}:{func.__qualname__}"
        return _cached_call(self.data_key, self.settings_key, self.scope, "standing:" + name, args,
                            tuple(sorted(kwargs.items())), _con=con.cursor(), _func=func)


def workspace(wait_s: float | None = None) -> Store:
    """The team's store: the DuckDB file, or PostgreSQL when ``SALES_DATABASE_URL`` is set."""
    return open_workspace(wait_s=wait_s)


@st.cache_data(show_spinner=False, max_entries=1024)
def _cached_call(data_key: str, settings_key: str, scope: Scope, func_name: str, args: tuple, kwargs: tuple,
                 _con, _func: Callable[..., Any]) -> Any:
    return _func(_con, *args, **dict(kwargs))


def settings_now() -> tuple[Settings, list[str]]:
    """The workspace's settings, read on every run (a small text: another replica may have
    changed it) and parsed once per distinct text."""
    return _settings_cached(workspace().settings_doc.read())


@st.cache_data(show_spinner=False, max_entries=8)
def _settings_cached(text: str | None) -> tuple[Settings, list[str]]:
    return settings_from_text(text)


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
def _workspace_connection(key: str, _ws: Store) -> tuple[duckdb.DuckDBPyConnection, int | None]:
    """The published version in this process's own in-memory DuckDB, once per ``key`` (the
    store, the version and its publish time): every session of the process shares it."""
    con = duckdb.connect(":memory:")
    with _WS_LOCK:
        version = _ws.load_into(con)
    return con, version


# Successful readings only: an error is never remembered, so a lock that clears is seen on the
# very next run, and a restored file (new inode) is read again at once.
_STATUS_CACHE: dict[tuple, Status] = {}


def workspace_status(ws: Store) -> Status:
    """The written state of the team's workspace. Raises WorkspaceBusy / WorkspaceCorrupt /
    WorkspaceUnreachable; asked again only when the store's change mark moves."""
    key = (ws.cache_key(), ws.change_mark())
    with _WS_LOCK:
        cached = _STATUS_CACHE.get(key)
        if cached is not None:
            return cached
        status = ws.status()
        if len(_STATUS_CACHE) > 32:
            _STATUS_CACHE.clear()
        _STATUS_CACHE[key] = status
        return status


@st.cache_resource(show_spinner=False, max_entries=64)
def _scoped_connection(key: str, scope: Scope, _full: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A rep's or manager's copy of ``key``'s rows (``analytics.store.scoped``), shared by every
    session of the same scope on the same data version."""
    return scoped.scoped_connection(_full, scope)


def shared_source(wait_s: float | None = None, scope: Scope | None = None) -> DataSource:
    """The team's data as ``scope`` may read it (see ``_scope_source``)."""
    return _scope_source(_team_source(wait_s), scope or current_scope())


def _scope_source(source: DataSource, scope: Scope) -> DataSource:
    """``source`` itself, or for a rep or manager their scoped copy of it (the key names both)."""
    if not scoped.restricts_rows(scope):
        return source
    key = f"{source.key}|scope:{scoped.scope_key(scope)}"
    con = _scoped_connection(key, scope, source.con)
    return DataSource(source.kind, key, con, source.version, source.published_at, list(source.files),
                      dict(source.origins), full_con=source.con)


def account_names_nobody(ctx: Context) -> bool:
    """Whether the signed-in rep's or manager's account names no rep or team in the data (see
    ``scoped.names_nobody``), asked once per data version and scope, not on every rerun."""
    if ctx.source.full_con is None:
        return False
    return _names_nobody(ctx.data_key, ctx.scope, _full=ctx.source.full_con)


@st.cache_data(show_spinner=False, max_entries=256)
def _names_nobody(data_key: str, scope: Scope, _full: duckdb.DuckDBPyConnection) -> bool:
    return scoped.names_nobody(_full.cursor(), scope)


def current_scope() -> Scope:
    """This session's scope: set by sign-in (``st.session_state["_scope"]``), else personal."""
    scope = st.session_state.get("_scope")
    return scope if isinstance(scope, Scope) else Scope.personal()


def _team_source(wait_s: float | None = None) -> DataSource:
    """The team's data: the published workspace, or the sample when the workspace says nothing
    is published. Raises WorkspaceBusy / WorkspaceCorrupt: an error never means "sample"."""
    ws = workspace(wait_s)
    status = workspace_status(ws)
    if status.state == "published":
        # A version and its publish time name its content (a restore brings both back with it):
        # a pin, a reconnect of the LISTEN thread or a settings change reloads nothing.
        key = f"ws:{ws.cache_key()}:{status.version}:{status.published_at}"
        con, _ = _workspace_connection(key, ws)
        return DataSource("workspace", key, con, status.version, status.published_at,
                          origins={t: "team" for t in TABLES})
    # No data published: the sample company speaks the user's language.
    key = _sample_key(sample_edition(st.session_state.get("lang")))
    return DataSource("sample", key, _sample_connection(key), origins={t: "sample" for t in TABLES})


def session_upload() -> SessionUpload | None:
    return st.session_state.get("session_upload")


def set_session_upload(upload: SessionUpload | None) -> None:
    if upload is None:
        st.session_state.pop("session_upload", None)
    else:
        st.session_state["session_upload"] = upload
    st.session_state.pop("_cursor", None)
    st.session_state.pop("_session_con", None)


def make_session_upload(results: list[ImportResult], files: list[tuple[str, bytes]],
                        tables: dict[str, pd.DataFrame], extra: str = "",
                        raw: dict[str, pd.DataFrame] | None = None) -> SessionUpload:
    """The upload's own connection: its canonical tables (others empty) and its raw sheets."""
    h = hashlib.sha256()
    for name, data in files:
        h.update(name.encode())
        h.update(hashlib.sha256(data).digest())
    h.update(extra.encode())
    con = canonical.connect(tables)
    for name, frame in (raw or {}).items():
        con.register("_raw", frame)
        con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _raw')
        con.unregister("_raw")
    return SessionUpload("session:" + h.hexdigest()[:16], con, results, [n for n, _ in files], tables, raw or {})


# --- the session's choices (kept outside widget state, which is dropped when the page changes) ---

def use_upload() -> bool:
    return bool(st.session_state.get("_use_upload", True))


def set_use_upload(value: bool) -> None:
    st.session_state["_use_upload"] = bool(value)


def team_tables() -> tuple[str, ...]:
    """Tables the user chose to take from the team's published data beside their upload."""
    return tuple(t for t in TABLES if t in st.session_state.get("_team_tables", ()))


def set_team_tables(tables: list[str] | tuple[str, ...]) -> None:
    st.session_state["_team_tables"] = tuple(tables)


def _session_source(upload: SessionUpload, scope: Scope) -> DataSource:
    """The upload's own tables, plus the team tables switched on (published data only, and only
    the rows ``scope`` may read)."""
    wanted = [t for t in team_tables() if t not in upload.own_tables]
    shared = shared_source(_wait_per_run_s(), scope) if wanted else None
    if shared is None or shared.kind != "workspace":
        wanted = []  # the sample is never combined with a user's data
    origins: dict[str, Origin] = {t: "upload" if t in upload.own_tables else ("team" if t in wanted else "none")
                                  for t in TABLES}
    if not wanted:
        return DataSource("session", upload.key, upload.con, files=upload.files, origins=origins)
    key = f"{upload.key}+{shared.key}:{','.join(wanted)}"
    cached = st.session_state.get("_session_con")
    if cached and cached[0] == key:
        con = cached[1]
    else:
        con = duckdb.connect(":memory:")
        cur = shared.con.cursor()
        for name in TABLES:
            frame = cur.execute(f'SELECT * FROM "{name}"').df() if name in wanted else upload.tables.get(name)
            canonical.create_table(con, name, frame)
        for name, frame in upload.raw.items():
            con.register("_raw", frame)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _raw')
            con.unregister("_raw")
        canonical.compact(con)
        st.session_state["_session_con"] = (key, con)
    return DataSource("session", key, con, shared.version, shared.published_at, files=upload.files,
                      origins=origins)


def active_source(scope: Scope | None = None) -> DataSource:
    scope = scope or current_scope()
    upload = session_upload()
    if upload is not None and use_upload():
        return _session_source(upload, scope)
    return shared_source(_wait_per_run_s(), scope)


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


def build_context(lang: Lang, scope: Scope | None = None) -> Context:
    """The run's context for ``scope`` (default: the session's). A busy or damaged workspace
    ends the run here with its message."""
    scope = scope or current_scope()
    settings, problems = settings_now()
    source = _source_or_stop(scope)
    return Context(lang, settings, problems, source, cursor_for(source, settings), scope=scope)


def _stop() -> None:
    """End the run with only the message on screen. A run that never calls st.navigation would
    make Streamlit list the pages/ files in the sidebar; register one page, hidden, instead."""
    st.navigation([st.Page("pages/overview.py")], position="hidden")
    st.stop()


def _source_or_stop(scope: Scope) -> DataSource:
    """``active_source()``, or the busy/damaged message and ``st.stop()``: never the sample instead."""
    from ui.i18n import t  # ui.i18n imports streamlit pages' texts; keep this module light

    notice = st.empty()
    busy_since = st.session_state.get("_busy_since")
    if busy_since is not None:  # keep saying so while this run tries again
        notice.info(t("workspace.busy_retrying", seconds=int(time.monotonic() - busy_since),
                      limit=int(_busy_retry_s())), icon=":material/hourglass_top:")
    try:
        with st.spinner(t("workspace.opening")):
            source = active_source(scope)
    except WorkspaceBusy as exc:
        since = st.session_state.setdefault("_busy_since", time.monotonic() - exc.waited)
        waited = time.monotonic() - since
        st.session_state["_busy_attempts"] = st.session_state.get("_busy_attempts", 0) + exc.attempts
        log.warning("workspace busy for %.1f s (%d attempts): %s", waited, st.session_state["_busy_attempts"],
                    exc)
        holder = exc.holder or t("workspace.holder_unknown")
        if waited < _busy_retry_s():
            notice.info(t("workspace.busy_retrying", seconds=int(waited), limit=int(_busy_retry_s())),
                        icon=":material/hourglass_top:")
            time.sleep(1.0)
            st.rerun()
        notice.empty()
        st.warning(t("workspace.busy_gave_up", seconds=int(waited), holder=holder), icon=":material/lock_clock:")
        if st.button(t("workspace.try_again"), icon=":material/refresh:"):
            st.session_state.pop("_busy_since", None)
            st.session_state.pop("_busy_attempts", None)
            st.rerun()
        _stop()
    except (WorkspaceCorrupt, WorkspaceUnreachable) as exc:
        stop_for_store_fault(exc)
    notice.empty()
    if st.session_state.pop("_busy_since", None) is not None:
        log.info("workspace free again after %d attempts", st.session_state.pop("_busy_attempts", 0))
    return source


def stop_for_store_fault(exc: WorkspaceCorrupt | WorkspaceUnreachable) -> None:
    """End the run with the store's fault named (the file and the restore command, or the
    database that does not answer, with "Try again"): never other data instead."""
    from ui.i18n import current_lang, t

    if isinstance(exc, WorkspaceUnreachable):
        log.warning("the team's database does not answer: %s", exc)
        st.error(exc.problem.text(current_lang()), icon=":material/cloud_off:")
        if st.button(t("workspace.try_again"), icon=":material/refresh:"):
            st.rerun()
    else:
        log.exception("the team's workspace cannot be read: %s", exc.path)
        st.error(exc.problem.text(current_lang()), icon=":material/report:")
    _stop()


@contextmanager
def store_faults_stop() -> Iterator[None]:
    """Around what reads the store before the page (accounts, settings, the data): a fault there
    ends the run with its message, like the data's own faults in ``build_context``."""
    try:
        yield
    except (WorkspaceCorrupt, WorkspaceUnreachable) as exc:
        stop_for_store_fault(exc)


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


# --- several app servers: a publish elsewhere shows here within seconds ---------------------------

#: How often an open page checks whether another app server published (PostgreSQL store only:
#: the check reads VersionWatch's counter, kept by a LISTEN thread, and asks the database nothing
#: unless the counter moved).
LIVE_REFRESH_S = 2.0


def watch_publishes(ctx: Context) -> None:
    """On the PostgreSQL store, rerun this session when another replica (or the CLI) publishes,
    rolls back or restores, so a shared screen never keeps showing a replaced version. The file
    store has one app server, whose sessions see a publish on their next interaction."""
    ws = workspace()
    if ws.kind != "postgres":
        return
    if (version := st.session_state.pop("_new_version_seen", None)) is not None:
        from ui.i18n import t

        st.toast(t("workspace.new_version", version=version), icon=":material/update:")
    shown = ctx.source.version if ctx.source.kind == "workspace" else None
    _publish_watch(ws.change_mark(), shown)


@st.fragment(run_every=LIVE_REFRESH_S)
def _publish_watch(mark: tuple, shown: int | None) -> None:
    ws = workspace()
    if ws.change_mark() == mark:
        return
    try:
        version = workspace_status(ws).version
    except (WorkspaceBusy, WorkspaceCorrupt, WorkspaceUnreachable):
        version = -1  # the next full run names the fault
    if version != shown:
        st.session_state["_new_version_seen"] = version if version and version > 0 else None
        st.rerun(scope="app")
