"""The team's workspace in PostgreSQL: the store for several app servers (``SALES_DATABASE_URL``).

Same contract as the embedded DuckDB file (``analytics.store.workspace.Workspace``; both pass
``tests/test_store_contract.py``), different home:

- **Published versions.** A version lists, per canonical table, a *row set*
  (``row_sets``; the rows live in ``rows_<table>`` with their set id and position). A table a
  publish did not change points at the previous version's set, as in the file store. Row sets go
  in with ``COPY … FROM STDIN`` and come out with ``COPY … TO STDOUT`` (CSV, a megabyte at a
  time): a million deals never pass through Python objects.
- **Checksums.** Each set's checksum is computed by DuckDB (the same function as the file
  store's) before it is sent, and checked again after every load: a row that did not survive the
  trip makes the load fail loudly, never a quietly different figure.
- **Publishes** are one transaction each, serialised across every app replica and CLI by a
  transaction-scoped advisory lock; ``NOTIFY sales_published`` goes out at commit, and each app
  process listens (``VersionWatch``) so it serves a new version within a second or two.
- **Replicas** keep no state of their own: each loads the current version into its in-process
  DuckDB (``load_into``, compressed as for the file store), keyed by the version.
- **Snapshots** of the pipeline (``analytics.store.snapshots``) are computed in DuckDB against
  the state hashes already stored, and only the new states and memberships are copied in.
- **Documents** (settings, plan, mappings, saved views, accounts, the audit and report logs)
  are rows of ``documents`` and ``document_lines``; ``locked(name)`` is an advisory lock.
- **Migrations** are numbered SQL steps applied at first use (``schema_migrations``), under an
  advisory lock so two replicas starting together apply each once. The row tables are declared
  from the canonical schema, and a column added to the schema is added to its table at start.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pandas as pd

from analytics.messages import Problem
from analytics.store import snapshots
from analytics.store.canonical import compact, create_table, table_layout
from analytics.store.documents import Doc
from analytics.store.files import write_atomic
from analytics.store.schema import TABLES
from analytics.store.workspace import (
    DEFAULT_RETENTION_DAYS,
    DEFAULT_WAIT_S,
    CheckReport,
    OpenStats,
    PublishItem,
    Status,
    WorkspaceCorrupt,
    WorkspaceError,
    _checksum,
    _insert_frame,
    _stored_layout,
    default_folder,
    published_hashes_of,
    version_frame,
)

URL_ENV = "SALES_DATABASE_URL"
CHANNEL = "sales_published"
#: Advisory lock keys (any two 64-bit numbers nobody else uses): publishes, and migrations.
PUBLISH_LOCK = 0x5A1E5_0001
MIGRATE_LOCK = 0x5A1E5_0002
_PG_TYPES = {"VARCHAR": "text", "DOUBLE": "double precision", "DATE": "date", "BIGINT": "bigint",
             "INTEGER": "integer", "UBIGINT": "numeric(20)", "TIMESTAMP": "timestamp", "BOOLEAN": "boolean"}
_SNAP_LAYOUT = {
    "snap_index": [("snapshot_id", "INTEGER"), ("taken_on", "DATE"), ("version", "INTEGER"), ("source", "VARCHAR"),
                   ("rows", "BIGINT"), ("untracked", "BIGINT"), ("currency", "VARCHAR"), ("repeated", "BIGINT")],
    "snap_states": [("state_id", "BIGINT"), ("state_hash", "UBIGINT"),
                    *((c, snapshots._TYPES[c]) for c in snapshots.SNAPSHOT_COLUMNS)],
    "snap_members": [("snapshot_id", "INTEGER"), ("state_id", "BIGINT")],
}
_HISTORY = ["version", "published_at", "action", "file_name", "content_hash", "table_name", "mode",
            "rows_loaded", "rows_rejected", "note"]


class WorkspaceUnreachable(WorkspaceError):
    """The database server did not answer (after retrying for the bounded time)."""

    def __init__(self, where: str, reason: str, waited: float):
        self.where, self.reason, self.waited = where, reason, waited
        super().__init__(Problem("workspace_unreachable", {"database": where, "reason": reason,
                                                           "waited": waited}))


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        parts = parts._replace(netloc=f"{parts.username}:***@{host}")
    return urlunsplit(parts)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _rows_table(table: str) -> str:
    return _quote(f"rows_{table}")


# --- migrations ----------------------------------------------------------------------------------

def _migration_1(con) -> None:
    con.execute("CREATE TABLE meta (key text PRIMARY KEY, value text)")
    con.execute("INSERT INTO meta VALUES ('state', 'empty')")
    con.execute("CREATE TABLE versions (version integer PRIMARY KEY, created_at timestamp NOT NULL, "
                "pinned boolean NOT NULL DEFAULT false)")
    con.execute("CREATE TABLE row_sets (set_id bigserial PRIMARY KEY, table_name text NOT NULL, rows bigint, "
                "checksum text)")
    con.execute("CREATE TABLE version_tables (version integer, table_name text, blob text, rows bigint, "
                "checksum text, PRIMARY KEY (version, table_name))")
    con.execute("CREATE TABLE history (id bigserial PRIMARY KEY, version integer, published_at timestamp, "
                "action text, file_name text, content_hash text, table_name text, mode text, rows_loaded bigint, "
                "rows_rejected bigint, note text)")
    for table, layout in _SNAP_LAYOUT.items():
        cols = ", ".join(f"{_quote(n)} {_PG_TYPES[t]}" for n, t in layout)
        con.execute(f"CREATE TABLE {table} ({cols})")
    con.execute("CREATE INDEX ON snap_members (snapshot_id)")
    con.execute("CREATE UNIQUE INDEX ON snap_states (state_hash)")
    con.execute("CREATE TABLE documents (name text PRIMARY KEY, body text NOT NULL, "
                "updated_at timestamptz NOT NULL DEFAULT now())")
    con.execute("CREATE TABLE document_lines (id bigserial PRIMARY KEY, name text NOT NULL, line text NOT NULL, "
                "at timestamptz NOT NULL DEFAULT now())")
    con.execute("CREATE INDEX ON document_lines (name, id)")


MIGRATIONS: list[tuple[int, str, Callable[[Any], None]]] = [
    (1, "versions, row sets, history, snapshots, documents", _migration_1),
]


def _ensure_row_tables(con) -> None:
    """``rows_<table>`` for every canonical table, with every column the schema declares today."""
    for table in TABLES:
        con.execute(f"CREATE TABLE IF NOT EXISTS {_rows_table(table)} (set_id bigint NOT NULL, pos bigint NOT NULL)")
        for name, sql_type in _stored_layout(table):
            con.execute(f"ALTER TABLE {_rows_table(table)} ADD COLUMN IF NOT EXISTS {_quote(name)} "
                        f"{_PG_TYPES[sql_type]}")
        con.execute(f"CREATE INDEX IF NOT EXISTS {_quote(f'rows_{table}_set')} ON {_rows_table(table)} (set_id, pos)")


_MIGRATED: set[str] = set()
_MIGRATED_LOCK = threading.Lock()


def migrate(con) -> list[int]:
    """Apply the migrations not yet applied (and the schema's row columns); returns those applied."""
    applied: list[int] = []
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATE_LOCK])
        con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                    "name text, applied_at timestamptz NOT NULL DEFAULT now())")
        done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        for number, name, step in MIGRATIONS:
            if number in done:
                continue
            step(con)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", [number, name])
            applied.append(number)
        _ensure_row_tables(con)
    return applied


# --- moving rows between PostgreSQL and DuckDB ---------------------------------------------------

#: Settings of every session we open: the text COPY writes must not depend on server defaults.
SESSION_OPTIONS = "-c DateStyle=ISO,YMD -c extra_float_digits=3 -c IntervalStyle=postgres"


def _copy_out(pg, query: str, target: duckdb.DuckDBPyConnection, into: str,
              layout: list[tuple[str, str]]) -> None:
    """Rows of ``query`` (PostgreSQL) appended to DuckDB table ``into``, through a CSV file.

    CSV because both ends read and write it in C at a few hundred MB/s; NULL is an unquoted empty
    field and an empty text a quoted one, on both sides (``allow_quoted_nulls=false``)."""
    with tempfile.NamedTemporaryFile(prefix="sales-pg-", suffix=".csv") as handle:
        with pg.cursor().copy(f"COPY ({query}) TO STDOUT (FORMAT csv)") as copy:
            # libpq hands COPY out a row at a time: gather rows into ~1 MB writes.
            batch: list = []
            size = 0
            for chunk in copy:
                batch.append(chunk)
                size += len(chunk)
                if size >= 1 << 20:
                    handle.write(b"".join(batch))
                    batch, size = [], 0
            handle.write(b"".join(batch))
        handle.flush()
        columns = {name: sql_type for name, sql_type in layout}
        target.execute(f"INSERT INTO {into} SELECT * FROM read_csv(?, header = false, columns = ?, "
                       "auto_detect = false, allow_quoted_nulls = false, quote = '\"', escape = '\"')",
                       [handle.name, columns])


def _copy_in(pg, source: duckdb.DuckDBPyConnection, query: str, into: str, columns: list[str]) -> None:
    """Rows of DuckDB ``query`` into PostgreSQL table ``into`` with COPY (CSV, a megabyte at a time)."""
    with tempfile.TemporaryDirectory(prefix="sales-pg-") as folder:
        path = os.path.join(folder, "rows.csv")
        source.execute(f"COPY ({query}) TO '{path}' (HEADER false)")  # our own temp path: no user text
        names = ", ".join(_quote(c) for c in columns)
        with open(path, "rb") as data, pg.cursor().copy(f"COPY {into} ({names}) FROM STDIN (FORMAT csv)") as copy:
            while chunk := data.read(1 << 20):
                copy.write(chunk)


class SnapshotCache:
    """The snapshots an app process has read from one database, kept in its own DuckDB.

    Every deals publish adds a snapshot (a million members at a million deals) and a version's
    load needs them all: copying every one again on each publish made a replica's load grow with
    the history. Snapshots only ever grow (new ids, new states), so a refresh copies what is new,
    and starts again from nothing when what it holds no longer matches the server (a restore).
    """

    _caches: dict[str, SnapshotCache] = {}
    _guard = threading.Lock()

    def __init__(self) -> None:
        self.con = duckdb.connect(":memory:")
        self.lock = threading.Lock()
        self._create()

    def _create(self) -> None:
        for table, layout in _SNAP_LAYOUT.items():
            cols = ", ".join(f"{_quote(n)} {t}" for n, t in layout)
            self.con.execute(f"CREATE OR REPLACE TABLE {table} ({cols})")

    @classmethod
    def of(cls, url: str) -> SnapshotCache:
        with cls._guard:
            return cls._caches.setdefault(url, SnapshotCache())

    def refresh(self, pg) -> None:
        """Bring the cache to what ``pg`` (a connection in a repeatable-read transaction) holds."""
        index_layout = _SNAP_LAYOUT["snap_index"]
        names = ", ".join(_quote(n) for n, _ in index_layout)
        server = pg.execute(f"SELECT {names} FROM snap_index ORDER BY snapshot_id").fetchall()
        held = self.con.execute(f"SELECT {names} FROM snap_index ORDER BY snapshot_id").fetchall()
        top = self.con.execute("SELECT max(state_id), arg_max(state_hash, state_id) FROM snap_states").fetchall()[0]
        same_top = top[0] is None or pg.execute(
            "SELECT state_hash FROM snap_states WHERE state_id = %s", [int(top[0])]).fetchone() == (top[1],)
        server_ids = {r[0] for r in server}
        if not same_top or any(r[0] in server_ids and r not in server for r in held):
            self._create()  # the server's history was replaced (a restore): start again
            held, top = [], (None, None)
        gone = [r[0] for r in held if r[0] not in server_ids]
        if gone:
            self.con.execute("DELETE FROM snap_members WHERE list_contains(?, snapshot_id)", [gone])
            self.con.execute("DELETE FROM snap_index WHERE list_contains(?, snapshot_id)", [gone])
        new = sorted(server_ids - {r[0] for r in held})
        if not new:
            return
        after = int(top[0] or 0)
        ids = ", ".join(str(int(i)) for i in new)
        try:
            for table, where in (("snap_states", f"state_id > {after}"), ("snap_members", f"snapshot_id IN ({ids})"),
                                 ("snap_index", f"snapshot_id IN ({ids})")):
                layout = _SNAP_LAYOUT[table]
                cols = ", ".join(_quote(n) for n, _ in layout)
                _copy_out(pg, f"SELECT {cols} FROM {table} WHERE {where}", self.con, table, layout)
        except BaseException:
            # Half a refresh (members without their index line) would be copied twice by the next:
            # forget everything rather than count a snapshot's deals double.
            self._create()
            raise


# --- documents -----------------------------------------------------------------------------------

class PgDocuments:
    """Documents as rows: ``documents`` (replaced whole) and ``document_lines`` (appended)."""

    def __init__(self, store: PgWorkspace):
        self.store = store

    def read(self, name: str) -> str | None:
        with self.store._connect() as con:
            row = con.execute("SELECT body FROM documents WHERE name = %s", [name]).fetchone()
            if row is not None:
                return row[0]
            lines = con.execute("SELECT line FROM document_lines WHERE name = %s ORDER BY id", [name]).fetchall()
        return "".join(line + "\n" for (line,) in lines) if lines else None

    def write(self, name: str, text: str) -> None:
        with self.store._connect() as con:
            con.execute("INSERT INTO documents (name, body) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE "
                        "SET body = excluded.body, updated_at = now()", [name, text])

    def append(self, name: str, line: str) -> None:
        with self.store._connect() as con:
            con.execute("INSERT INTO document_lines (name, line) VALUES (%s, %s)", [name, line.rstrip("\n")])

    def delete(self, name: str) -> None:
        with self.store._connect() as con:
            con.execute("DELETE FROM documents WHERE name = %s", [name])
            con.execute("DELETE FROM document_lines WHERE name = %s", [name])

    @contextmanager
    def locked(self, name: str) -> Iterator[None]:
        key = int.from_bytes(hashlib.sha256(f"doc:{name}".encode()).digest()[:8], "big", signed=True)
        with self.store._connect() as con:
            con.execute("SELECT pg_advisory_lock(%s)", [key])
            try:
                yield
            finally:
                con.execute("SELECT pg_advisory_unlock(%s)", [key])

    def describe(self, name: str) -> str:
        return f"{redacted(self.store.url)} (document {name})"


# --- the store -----------------------------------------------------------------------------------

class PgWorkspace:
    """The team's workspace in PostgreSQL; the same methods as the file store's ``Workspace``."""

    kind = "postgres"

    def __init__(self, url: str, folder: Path | None = None, wait_s: float | None = None):
        self.url = url
        # A local folder is still kept for what is per-machine (none today, caches later).
        self.folder = Path(folder) if folder else default_folder()
        self.wait_s = wait_s if wait_s is not None else float(os.environ.get("SALES_WORKSPACE_WAIT_S")
                                                                or DEFAULT_WAIT_S)
        self.last_open = OpenStats()

    # -- identity --------------------------------------------------------------------------

    @property
    def where(self) -> str:
        return redacted(self.url)

    def cache_key(self) -> str:
        """Part of the key under which an app process caches what it loaded (the version adds the rest)."""
        return "pg:" + hashlib.sha256(self.url.encode()).hexdigest()[:16]

    def change_mark(self) -> tuple:
        """Changes with every publish, rollback or restore anywhere (``VersionWatch``)."""
        return (VersionWatch.of(self.url).counter,)

    @property
    def docs(self) -> PgDocuments:
        return PgDocuments(self)

    @property
    def settings_doc(self) -> Doc:
        return Doc(self.docs, "settings.yaml")

    @property
    def mappings_doc(self) -> Doc:
        return Doc(self.docs, "mappings.json")

    @property
    def plan_doc(self) -> Doc:
        return Doc(self.docs, "commission_plan.yaml")

    @property
    def views_doc(self) -> Doc:
        return Doc(self.docs, "saved_views.json")

    # -- connections -----------------------------------------------------------------------

    @contextmanager
    def _connect(self, autocommit: bool = True) -> Iterator[Any]:
        """A connection, retried with backoff while the server does not answer (``wait_s``)."""
        import psycopg

        start, delay, attempts = time.monotonic(), 0.05, 0
        while True:
            attempts += 1
            try:
                # Our COPY text is read back by DuckDB and checksummed: ISO dates and round-trip
                # doubles whatever the database's or role's defaults (DateStyle, extra_float_digits).
                con = psycopg.connect(self.url, autocommit=autocommit, connect_timeout=5, options=SESSION_OPTIONS)
                break
            except psycopg.OperationalError as exc:
                waited = time.monotonic() - start
                if waited + delay > self.wait_s:
                    self.last_open = OpenStats(attempts, waited)
                    reason = (str(exc).strip().splitlines() or ["no answer"])[-1].strip()[:200]
                    raise WorkspaceUnreachable(self.where, reason, waited) from exc
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        self.last_open = OpenStats(attempts, time.monotonic() - start)
        try:
            key = self.url
            if key not in _MIGRATED:
                with _MIGRATED_LOCK:
                    if key not in _MIGRATED:
                        migrate(con)
                        _MIGRATED.add(key)
            yield con
        except psycopg.Error as exc:
            if isinstance(exc, psycopg.OperationalError):
                raise WorkspaceUnreachable(self.where, str(exc).strip()[:200], 0.0) from exc
            raise WorkspaceCorrupt(self.where, str(exc).strip().splitlines()[0][:200]) from exc
        finally:
            con.close()

    # -- reading ---------------------------------------------------------------------------

    def status(self, on_retry: Callable[[int, float], None] | None = None) -> Status:
        with self._connect() as con:
            return _status(con)

    def current_version(self) -> int | None:
        return self.status().version

    def exists(self) -> bool:
        return self.status().state == "published"

    def history(self) -> pd.DataFrame:
        with self._connect() as con:
            rows = con.execute(f"SELECT {', '.join(_HISTORY)} FROM history "
                               "ORDER BY published_at DESC, version DESC, table_name, file_name").fetchall()
        frame = pd.DataFrame(rows, columns=_HISTORY)
        for col in ("version", "rows_loaded", "rows_rejected"):
            frame[col] = frame[col].astype("Int64")
        return frame

    def versions(self) -> list[int]:
        return [int(v) for v in self.version_list()["version"]]

    def version_list(self) -> pd.DataFrame:
        with self._connect() as con:
            current = _current(con)
            rows = con.execute("SELECT version, created_at, pinned FROM versions ORDER BY version").fetchall()
            counts = con.execute("SELECT version, table_name, rows FROM version_tables").fetchall()
            files = dict(con.execute(
                "SELECT version, string_agg(DISTINCT file_name, ', ' ORDER BY file_name) FROM history "
                "WHERE action = 'publish' GROUP BY version").fetchall())
        return version_frame(current, rows, counts, files)

    def published_hashes(self) -> dict[str, tuple[int, datetime, str]]:
        return published_hashes_of(self.history())

    def deal_origins(self) -> pd.DataFrame:
        empty = pd.DataFrame({"deal_id": pd.Series(dtype="str"), "source_file": pd.Series(dtype="str"),
                              "source_row": pd.Series(dtype="Int64")})
        with self._connect() as con:
            version = _current(con)
            if version is None:
                return empty
            set_id = _set_of(con, version, "deals")
            rows = con.execute(f"SELECT deal_id, source_file, source_row FROM {_rows_table('deals')} "
                               "WHERE set_id = %s AND deal_id IS NOT NULL ORDER BY pos", [set_id]).fetchall()
        frame = pd.DataFrame(rows, columns=["deal_id", "source_file", "source_row"])
        return frame.astype({"deal_id": "str", "source_file": "str", "source_row": "Int64"}) if len(frame) else empty

    def load_into(self, target: duckdb.DuckDBPyConnection,
                  on_retry: Callable[[int, float], None] | None = None) -> int | None:
        """Copy the current version's tables and the snapshots into ``target``; None when nothing is published."""
        with self._connect(autocommit=False) as con:
            # One snapshot of the database for the whole copy: a publish or prune meanwhile is not seen.
            con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            version = _current(con)
            if version is None:
                con.rollback()
                return None
            self._load_version(con, version, target)
            self._load_snapshots(con, target)
            con.rollback()
        compact(target)
        return version

    def load_version_into(self, target: duckdb.DuckDBPyConnection, version: int) -> None:
        """Copy kept ``version``'s tables into ``target`` (checked against their checksums)."""
        with self._connect(autocommit=False) as con:
            con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            self._load_version(con, version, target)
            con.rollback()

    def _load_version(self, con, version: int, target: duckdb.DuckDBPyConnection) -> None:
        refs = {t: (s, rows, checksum) for t, s, rows, checksum in con.execute(
            "SELECT table_name, blob, rows, checksum FROM version_tables WHERE version = %s", [version]).fetchall()}
        if set(refs) != set(TABLES):
            raise WorkspaceCorrupt(self.where, f"version {version} lists {sorted(refs)}, not every table")
        for table in TABLES:
            blob, rows, checksum = refs[table]
            layout = _stored_layout(table)
            target.execute(f"CREATE OR REPLACE TEMP TABLE _pg_in ({', '.join(f'{_quote(n)} {t}' for n, t in layout)})")
            names = ", ".join(_quote(n) for n, _ in layout)
            # No ORDER BY: the checksum is a sum, so order cannot hide a change; a sort of a million
            # rows would spill to disk. (Rows come back in the order COPY stored them.)
            _copy_out(con, f"SELECT {names} FROM {_rows_table(table)} WHERE set_id = {int(_set_id(blob))}",
                      target, "_pg_in", layout)
            got_rows, got = _checksum(target, "_pg_in")
            if (got_rows, got) != (rows, checksum):
                raise WorkspaceCorrupt(self.where, f"{table} of version {version}: {got_rows} rows, checksum "
                                       f"{got}; expected {rows}, {checksum}")
            create_table(target, table, None)
            plain = ", ".join(_quote(n) for n, _ in table_layout(table))
            target.execute(f'INSERT INTO "{table}" SELECT {plain} FROM _pg_in')
            target.execute("DROP TABLE _pg_in")

    def _load_snapshots(self, con, target: duckdb.DuckDBPyConnection) -> None:
        """The pipeline snapshots into ``target``, through this process's :class:`SnapshotCache`:
        only snapshots (and states) the process has not loaded before come from the server."""
        cache = SnapshotCache.of(self.url)
        with cache.lock:
            cache.refresh(con)
            snapshots.ensure_schema(target)
            for table in _SNAP_LAYOUT:
                names = ", ".join(_quote(n) for n, _ in _SNAP_LAYOUT[table])
                rows = cache.con.sql(f"SELECT {names} FROM {table}").to_arrow_table()  # noqa: F841 — read by DuckDB
                target.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM rows")

    def load_snapshots_into(self, target: duckdb.DuckDBPyConnection) -> None:
        with self._connect(autocommit=False) as con:
            con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            self._load_snapshots(con, target)
            con.rollback()

    def tables(self) -> dict[str, pd.DataFrame]:
        con = duckdb.connect(":memory:")
        try:
            if self.load_into(con) is None:
                return {}
            return {t: con.execute(f'SELECT * FROM "{t}"').df() for t in TABLES}
        finally:
            con.close()

    def storage_bytes(self) -> int:
        with self._connect() as con:
            return int(con.execute("SELECT pg_database_size(current_database())").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------

    def create(self) -> None:
        with self._connect():
            pass  # connecting applies the migrations, which write ``state = empty``

    def publish(self, items: list[PublishItem], note: str = "",
                retention_days: int = DEFAULT_RETENTION_DAYS, now: datetime | None = None,
                snapshot_date: date | None = None, *, version: int | None = None) -> int:
        """As the file store's ``publish``: one transaction, serialised by an advisory lock.

        ``version`` (migration only) keeps a version's number from another store."""
        if not items:
            raise ValueError("nothing to publish")
        given_now = now
        by_table: dict[str, list[PublishItem]] = {}
        for item in items:
            by_table.setdefault(item.table, []).append(item)
        local = duckdb.connect(":memory:")
        try:
            with self._connect(autocommit=False) as con:
                try:
                    con.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
                    # The time is taken once the lock is held, so the history's times follow its versions.
                    now = given_now or datetime.now()
                    current = _current(con)
                    version = version or _next_version(con)
                    for table in TABLES:
                        incoming = by_table.get(table, [])
                        keep_old = current is not None and (not incoming or all(i.mode == "append" for i in incoming))
                        if keep_old and not incoming:
                            blob, rows, checksum = con.execute(
                                "SELECT blob, rows, checksum FROM version_tables WHERE version = %s AND "
                                "table_name = %s", [current, table]).fetchone()
                        else:
                            layout = _stored_layout(table)
                            local.execute("CREATE OR REPLACE TABLE _incoming_table ("
                                          + ", ".join(f"{_quote(n)} {t}" for n, t in layout) + ")")
                            if keep_old:
                                old = _set_of(con, current, table)
                                names = ", ".join(_quote(n) for n, _ in layout)
                                _copy_out(con, f"SELECT {names} FROM {_rows_table(table)} WHERE set_id = {old} "
                                          "ORDER BY pos", local, "_incoming_table", layout)
                            for item in incoming:
                                _insert_frame(local, "_incoming_table", table, item.frame, item.file_name)
                            rows, checksum = _checksum(local, "_incoming_table")
                            blob = self._store_rows(con, local, table, rows, checksum)
                            if table == "deals":
                                local.execute("CREATE OR REPLACE TABLE _published_deals AS FROM _incoming_table")
                        con.execute("INSERT INTO version_tables VALUES (%s, %s, %s, %s, %s)",
                                    [version, table, blob, rows, checksum])
                    con.execute("INSERT INTO versions VALUES (%s, %s, false)", [version, now])
                    for item in items:
                        con.execute("INSERT INTO history (version, published_at, action, file_name, content_hash, "
                                    "table_name, mode, rows_loaded, rows_rejected, note) VALUES "
                                    "(%s, %s, 'publish', %s, %s, %s, %s, %s, %s, %s)",
                                    [version, now, item.file_name, item.content_hash, item.table, item.mode,
                                     len(item.frame), item.rows_rejected, note])
                    _set_meta(con, "current", str(version))
                    _set_meta(con, "state", "published")
                    if "deals" in by_table:
                        self._record_snapshot(con, local, snapshot_date or now.date(), version,
                                              ", ".join(i.file_name for i in by_table["deals"]))
                    _prune(con, version, now - timedelta(days=retention_days))
                    con.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(version)])  # delivered at commit
                    con.commit()
                except BaseException:
                    con.rollback()
                    raise
        finally:
            local.close()
        return version

    def _store_rows(self, con, local: duckdb.DuckDBPyConnection, table: str, rows: int, checksum: str) -> str:
        """``_incoming_table`` as a row set (an identical set already stored is reused)."""
        same = con.execute("SELECT blob FROM version_tables WHERE table_name = %s AND checksum = %s AND rows = %s "
                           "ORDER BY version DESC LIMIT 1", [table, checksum, rows]).fetchone()
        if same:
            return same[0]
        set_id = con.execute("INSERT INTO row_sets (table_name, rows, checksum) VALUES (%s, %s, %s) "
                             "RETURNING set_id", [table, rows, checksum]).fetchone()[0]
        names = [n for n, _ in _stored_layout(table)]
        select = ", ".join(_quote(n) for n in names)
        _copy_in(con, local, f"SELECT {int(set_id)}, rowid, {select} FROM _incoming_table ORDER BY rowid",
                 _rows_table(table), ["set_id", "pos", *names])
        return f"pg:{table}:{set_id}"

    def _record_snapshot(self, con, local: duckdb.DuckDBPyConnection, taken_on: date, version: int,
                         source: str) -> None:
        """The published deals as a pipeline snapshot: computed in DuckDB against the stored state
        hashes (only ids and hashes come over), and only what is new copied in."""
        snapshots.ensure_schema(local)
        _copy_out(con, "SELECT snapshot_id, taken_on, version, source, rows, untracked, currency, repeated "
                  "FROM snap_index", local, "main.snap_index", _SNAP_LAYOUT["snap_index"])
        states = [("state_id", "BIGINT"), ("state_hash", "UBIGINT")]
        _copy_out(con, "SELECT state_id, state_hash FROM snap_states", local, "main.snap_states (state_id, state_hash)",
                  states)
        base = int(local.execute("SELECT coalesce(max(state_id), 0) FROM snap_states").fetchall()[0][0])
        new_id = snapshots.record(local, "_published_deals", taken_on, version=version, source=source)
        for table, where in (("snap_index", f"snapshot_id = {new_id}"), ("snap_states", f"state_id > {base}"),
                             ("snap_members", f"snapshot_id = {new_id}")):
            names = [n for n, _ in _SNAP_LAYOUT[table]]
            _copy_in(con, local, f"SELECT {', '.join(names)} FROM main.{table} WHERE {where}", table, names)

    def rollback(self, version: int) -> None:
        with self._connect(autocommit=False) as con:
            try:
                con.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
                if not con.execute("SELECT 1 FROM versions WHERE version = %s", [version]).fetchone():
                    raise ValueError(f"version {version} is no longer kept")
                now = datetime.now()
                _set_meta(con, "current", str(version))
                con.execute("INSERT INTO history (version, published_at, action, file_name, content_hash, table_name, "
                            "mode, rows_loaded, rows_rejected, note) VALUES (%s, %s, 'rollback', NULL, NULL, NULL, "
                            "NULL, NULL, NULL, %s)", [version, now, f"rolled back to version {version}"])
                con.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(version)])
                con.commit()
            except BaseException:
                con.rollback()
                raise

    def pin(self, version: int, pinned: bool = True) -> None:
        with self._connect() as con:
            if not con.execute("SELECT 1 FROM versions WHERE version = %s", [version]).fetchone():
                raise ValueError(f"version {version} is no longer kept")
            con.execute("UPDATE versions SET pinned = %s WHERE version = %s", [pinned, version])

    # -- integrity and copies --------------------------------------------------------------

    def check(self) -> CheckReport:
        """The server answers, every kept row set matches its checksum, the current version loads."""
        report = CheckReport()
        try:
            status = self.status()
        except WorkspaceError as exc:
            report.add("open", False, exc.problem.text("en"))
            return report
        report.add("open", True, f"{self.where} ({status.state}"
                   + (f", current version {status.version})" if status.version else ")"))
        try:
            with self._connect(autocommit=False) as con:
                con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                for blob, table, rows, checksum in con.execute(
                        "SELECT DISTINCT blob, table_name, rows, checksum FROM version_tables ORDER BY blob").fetchall():
                    probe = duckdb.connect(":memory:")
                    try:
                        layout = _stored_layout(table)
                        probe.execute("CREATE TABLE t (" + ", ".join(f"{_quote(n)} {t}" for n, t in layout) + ")")
                        names = ", ".join(_quote(n) for n, _ in layout)
                        _copy_out(con, f"SELECT {names} FROM {_rows_table(table)} WHERE set_id = "
                                  f"{int(_set_id(blob))}", probe, "t", layout)
                        got_rows, got = _checksum(probe, "t")
                    finally:
                        probe.close()
                    report.add(f"checksum {blob}", (got_rows, got) == (rows, checksum),
                               f"{got_rows} rows" + ("" if got == checksum else f"; expected {checksum}, got {got}"))
                con.rollback()
            if status.version is not None:
                probe = duckdb.connect(":memory:")
                try:
                    self.load_into(probe)
                    counts = {t: probe.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in TABLES}
                finally:
                    probe.close()
                report.add("current version", True, f"version {status.version} readable: "
                           + ", ".join(f"{t} {n}" for t, n in counts.items() if n))
        except WorkspaceError as exc:
            report.add("read", False, exc.problem.text("en"))
        return report

    def backup(self, dest: Path) -> Path:
        """A consistent dump of every table into folder ``dest``: one CSV per table (``COPY … TO``,
        all in one REPEATABLE READ snapshot) and ``manifest.json`` with row counts and sha-256s."""
        dest = Path(dest)
        manifest_path = dest / BACKUP_MANIFEST
        if manifest_path.exists():
            raise FileExistsError(manifest_path)
        dest.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, Any] = {"format": "sales-postgres-backup/1", "tables": {}}
        with self._connect(autocommit=False) as con:
            con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            manifest["migration"] = con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
            manifest["taken_at"] = datetime.now().isoformat(timespec="seconds")
            for table in _dump_tables():
                digest = hashlib.sha256()
                with open(dest / f"{table}.csv", "wb") as out, con.cursor().copy(
                        f"COPY {_quote(table)} TO STDOUT (FORMAT csv, HEADER)") as copy:
                    for chunk in copy:
                        data = bytes(chunk)
                        out.write(data)
                        digest.update(data)
                count = con.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
                manifest["tables"][table] = {"rows": int(count), "sha256": digest.hexdigest()}
            con.rollback()
        write_atomic(manifest_path, json.dumps(manifest, indent=1))
        return manifest_path

    def restore(self, source: Path) -> None:
        """Replace everything in the database with the dump in folder ``source``, in one
        transaction (files checked against the manifest first): a failed restore changes nothing."""
        source = Path(source)
        manifest_path = source / BACKUP_MANIFEST
        if not manifest_path.exists():
            raise WorkspaceCorrupt(manifest_path, "no manifest: not a PostgreSQL workspace backup")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for table, entry in manifest["tables"].items():
            path = source / f"{table}.csv"
            if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
                raise WorkspaceCorrupt(path, "missing or changed since the backup (sha-256 differs)")
        with self._connect(autocommit=False) as con:
            try:
                # The audit log is append-only: a restore keeps every line written since the backup.
                con.execute("CREATE TEMP TABLE _audit ON COMMIT DROP AS SELECT * FROM document_lines "
                            "WHERE name = %s", [AUDIT])
                self.wipe(con)
                con.execute("DELETE FROM meta")
                for table in manifest["tables"]:
                    with open(source / f"{table}.csv", "rb") as data, con.cursor().copy(
                            f"COPY {_quote(table)} FROM STDIN (FORMAT csv, HEADER)") as copy:
                        while chunk := data.read(1 << 20):
                            copy.write(chunk)
                    got = con.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
                    if got != manifest["tables"][table]["rows"]:
                        raise WorkspaceCorrupt(source / f"{table}.csv",
                                               f"{got} rows restored, {manifest['tables'][table]['rows']} in the backup")
                con.execute("DELETE FROM document_lines WHERE name = %s", [AUDIT])
                con.execute("INSERT INTO document_lines SELECT * FROM _audit")
                for table, column in (("row_sets", "set_id"), ("history", "id"), ("document_lines", "id")):
                    con.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                                f"coalesce((SELECT max({column}) FROM {table}), 0) + 1, false)")
                con.execute("SELECT pg_notify(%s, %s)", [CHANNEL, "restore"])
                con.commit()
            except BaseException:
                con.rollback()
                raise

    def wipe(self, con) -> None:
        """Empty every table (inside the caller's transaction): the first step of a restore."""
        con.execute("SELECT pg_advisory_xact_lock(%s)", [PUBLISH_LOCK])
        tables = ["versions", "version_tables", "history", "row_sets", "snap_index", "snap_states", "snap_members",
                  "documents", "document_lines", *(f"rows_{t}" for t in TABLES)]
        con.execute("TRUNCATE " + ", ".join(_quote(t) for t in tables))
        con.execute("DELETE FROM meta")
        con.execute("INSERT INTO meta VALUES ('state', 'empty')")


BACKUP_MANIFEST = "manifest.json"
AUDIT = "audit.jsonl"


def _dump_tables() -> list[str]:
    """Every table a backup holds, in an order a restore can load."""
    return ["meta", "versions", "row_sets", "version_tables", "history", "snap_index", "snap_states",
            "snap_members", "documents", "document_lines", *(f"rows_{t}" for t in TABLES)]


# --- helpers --------------------------------------------------------------------------------------

def _status(con) -> Status:
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    current = meta.get("current")
    if current is None:
        return Status("empty")
    version = int(current)
    row = con.execute("SELECT max(published_at) FROM history WHERE version = %s AND action = 'publish'",
                      [version]).fetchone()
    return Status("published", version, row[0] if row else None)


def _current(con) -> int | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'current'").fetchone()
    return int(row[0]) if row else None


def _set_meta(con, key: str, value: str) -> None:
    con.execute("INSERT INTO meta VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value])


def _next_version(con) -> int:
    row = con.execute("SELECT greatest(coalesce((SELECT max(version) FROM versions), 0), "
                      "coalesce((SELECT max(version) FROM history), 0))").fetchone()
    return int(row[0]) + 1


_BLOB = re.compile(r"^pg:([a-z_]+):(\d+)$")


def _set_id(blob: str) -> int:
    m = _BLOB.match(blob or "")
    if not m:
        raise ValueError(f"not a row set reference: {blob!r}")
    return int(m.group(2))


def _set_of(con, version: int, table: str) -> int:
    row = con.execute("SELECT blob FROM version_tables WHERE version = %s AND table_name = %s",
                      [version, table]).fetchone()
    if row is None:
        raise ValueError(f"version {version} has no {table}")
    return _set_id(row[0])


def _prune(con, newest: int, cutoff: datetime) -> None:
    """Drop versions older than ``cutoff`` that are neither pinned nor current, then unused row sets."""
    current = _current(con)
    old = [r[0] for r in con.execute(
        "SELECT version FROM versions WHERE created_at < %s AND NOT pinned AND version <> ALL(%s)",
        [cutoff, [newest, current if current is not None else newest]]).fetchall()]
    if not old:
        return
    con.execute("DELETE FROM versions WHERE version = ANY(%s)", [old])
    con.execute("DELETE FROM version_tables WHERE version = ANY(%s)", [old])
    for table in TABLES:
        unused = [r[0] for r in con.execute(
            "SELECT set_id FROM row_sets s WHERE table_name = %s AND NOT EXISTS (SELECT 1 FROM version_tables v "
            "WHERE v.blob = 'pg:' || s.table_name || ':' || s.set_id)", [table]).fetchall()]
        if unused:
            con.execute(f"DELETE FROM {_rows_table(table)} WHERE set_id = ANY(%s)", [unused])
            con.execute("DELETE FROM row_sets WHERE set_id = ANY(%s)", [unused])


# --- noticing a publish ---------------------------------------------------------------------------

class VersionWatch:
    """Each app process's ear on ``NOTIFY sales_published``: ``changed_since(n)`` is cheap.

    A thread holds one connection in LISTEN and bumps a counter on every notification (and on
    reconnecting, since a notification may have been missed meanwhile). Callers compare counters
    instead of asking the database on every rerun."""

    _watches: dict[str, VersionWatch] = {}
    _lock = threading.Lock()

    def __init__(self, url: str):
        self.url = url
        self.counter = 0
        self.version: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sales-pg-listen", daemon=True)
        self._thread.start()

    @classmethod
    def of(cls, url: str) -> VersionWatch:
        with cls._lock:
            watch = cls._watches.get(url)
            if watch is None or not watch._thread.is_alive():
                watch = cls._watches[url] = VersionWatch(url)
            return watch

    def _run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as con:
                    con.execute(f"LISTEN {CHANNEL}")
                    self.counter += 1  # (re)connected: anything may have changed meanwhile
                    while not self._stop.is_set():
                        for note in con.notifies(timeout=1.0):
                            self.version = int(note.payload) if note.payload.isdigit() else None
                            self.counter += 1
            except Exception:  # noqa: BLE001 — the server went away: try again shortly
                self.counter += 1
                time.sleep(1.0)

    def stop(self) -> None:
        self._stop.set()
