"""The team's published data: a DuckDB file with versioned tables, an import history and rollback.

Each publish writes a complete new version of the canonical tables into its own schema
(``v7.deals``, ``v7.targets`` …) and moves the ``current`` pointer, all in one transaction: a
publish that fails or is interrupted leaves the previous version in place. Rollback moves the
pointer back. Old versions beyond ``KEEP_VERSIONS`` are dropped.

The folder also holds the settings file, remembered column mappings, commission plans and saved
views. Its location is ``$SALES_WORKSPACE`` or ``data/workspace`` beside the project.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from analytics.store.canonical import compact, conform, create_table, table_layout
from analytics.store.schema import TABLES

KEEP_VERSIONS = 20
DB_NAME = "workspace.duckdb"
PROJECT_ROOT = Path(__file__).resolve().parents[2]

PublishMode = Literal["replace", "append"]


def default_folder() -> Path:
    return Path(os.environ.get("SALES_WORKSPACE") or PROJECT_ROOT / "data" / "workspace")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class PublishItem:
    """One table of one file going into a publish."""

    table: str
    frame: pd.DataFrame
    file_name: str
    content_hash: str
    rows_rejected: int = 0
    mode: PublishMode = "replace"


class Workspace:
    """A folder holding the team's published data and settings."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else default_folder()

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.yaml"

    @property
    def mappings_path(self) -> Path:
        return self.folder / "mappings.json"

    @property
    def plan_path(self) -> Path:
        return self.folder / "commission_plan.yaml"

    @property
    def views_path(self) -> Path:
        return self.folder / "saved_views.json"

    def exists(self) -> bool:
        return self.db_path.exists() and self.current_version() is not None

    @contextmanager
    def _connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        if read_only and not self.db_path.exists():
            raise FileNotFoundError(self.db_path)
        self.folder.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(self.db_path), read_only=read_only)
        try:
            if not read_only:
                con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                con.execute(
                    "CREATE TABLE IF NOT EXISTS history (version INTEGER, published_at TIMESTAMP, action VARCHAR, "
                    "file_name VARCHAR, content_hash VARCHAR, table_name VARCHAR, mode VARCHAR, "
                    "rows_loaded BIGINT, rows_rejected BIGINT, note VARCHAR)")
            yield con
        finally:
            con.close()

    def current_version(self) -> int | None:
        if not self.db_path.exists():
            return None
        try:
            with self._connect(read_only=True) as con:
                rows = con.execute("SELECT value FROM meta WHERE key = 'current'").fetchall()
        except (duckdb.Error, FileNotFoundError):
            return None
        return int(rows[0][0]) if rows else None

    def history(self) -> pd.DataFrame:
        """Import history, newest first: version, at, action, file, hash, table, rows …"""
        cols = ["version", "published_at", "action", "file_name", "content_hash", "table_name", "mode",
                "rows_loaded", "rows_rejected", "note"]
        if not self.db_path.exists():
            return pd.DataFrame(columns=cols)
        try:
            with self._connect(read_only=True) as con:
                return con.execute(f"SELECT {', '.join(cols)} FROM history ORDER BY published_at DESC, version DESC").df()
        except duckdb.Error:
            return pd.DataFrame(columns=cols)

    def publish(self, items: list[PublishItem], note: str = "", snapshot_date: date | None = None) -> int:
        """Write a new version: each item replaces or appends to its table; others carry over.

        A publish that brings deals also records the new deals table as a pipeline snapshot,
        dated ``snapshot_date`` (an old export uploaded late) or today. Returns the new version
        number. Atomic: on any error nothing changes.
        """
        if not items:
            raise ValueError("nothing to publish")
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                current = _current(con)
                version = _next_version(con)
                schema = f"v{version}"
                con.execute(f"CREATE SCHEMA {schema}")
                by_table: dict[str, list[PublishItem]] = {}
                for item in items:
                    by_table.setdefault(item.table, []).append(item)
                for table in TABLES:
                    _create_versioned(con, schema, table)
                    incoming = by_table.get(table, [])
                    keep_old = current is not None and (
                        not incoming or all(i.mode == "append" for i in incoming))
                    if keep_old and _has_table(con, f"v{current}", table):
                        # BY NAME: a version published before a column was added gets NULL there.
                        con.execute(f'INSERT INTO {schema}."{table}" BY NAME SELECT * FROM v{current}."{table}"')
                    for item in incoming:
                        _insert_frame(con, schema, table, item.frame)
                now = datetime.now()
                for item in items:
                    con.execute("INSERT INTO history VALUES (?, ?, 'publish', ?, ?, ?, ?, ?, ?, ?)",
                                [version, now, item.file_name, item.content_hash, item.table, item.mode,
                                 len(item.frame), item.rows_rejected, note])
                con.execute("INSERT OR REPLACE INTO meta VALUES ('current', ?)", [str(version)])
                if "deals" in by_table:
                    from analytics.store import snapshots

                    con.execute(f'CREATE OR REPLACE TEMP VIEW _published_deals AS SELECT * FROM {schema}."deals"')
                    snapshots.record(con, "_published_deals", snapshot_date or now.date(), version=version,
                                     source=", ".join(i.file_name for i in by_table["deals"]))
                _prune(con, version)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return version

    def rollback(self, version: int) -> None:
        """Make ``version`` current again (it must still be kept)."""
        with self._connect() as con:
            schemas = {r[0] for r in con.execute(
                "SELECT schema_name FROM information_schema.schemata").fetchall()}
            if f"v{version}" not in schemas:
                raise ValueError(f"version {version} is no longer kept")
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute("INSERT OR REPLACE INTO meta VALUES ('current', ?)", [str(version)])
                con.execute("INSERT INTO history VALUES (?, ?, 'rollback', NULL, NULL, NULL, NULL, NULL, "
                            "NULL, ?)", [version, datetime.now(), f"rolled back to version {version}"])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def versions(self) -> list[int]:
        if not self.db_path.exists():
            return []
        with self._connect(read_only=True) as con:
            rows = con.execute("SELECT schema_name FROM information_schema.schemata "
                               "WHERE schema_name LIKE 'v%'").fetchall()
        return sorted(int(r[0][1:]) for r in rows if r[0][1:].isdigit())

    def load_into(self, target: duckdb.DuckDBPyConnection) -> int | None:
        """Copy the current version's tables into ``target`` (an in-memory connection).

        Returns the version loaded, or None when nothing is published.
        """
        version = self.current_version()
        if version is None:
            return None
        target.execute("ATTACH ? AS ws (READ_ONLY)", [str(self.db_path)])
        try:
            for table in TABLES:
                create_table(target, table, None)
                # A version written before a table or column existed loads with it empty / NULL.
                if _has_table(target, f"v{version}", table, catalog="ws"):
                    target.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM ws.v{version}."{table}"')
        finally:
            target.execute("DETACH ws")
        compact(target)  # compressed, with the deal-id uniqueness noted: several times faster queries
        self.load_snapshots_into(target)
        return version

    def load_snapshots_into(self, target: duckdb.DuckDBPyConnection) -> None:
        """Copy the pipeline snapshots (``analytics.store.snapshots``) into ``target``; none yet → empty."""
        from analytics.store import snapshots

        snapshots.ensure_schema(target)
        if not self.db_path.exists():
            return
        target.execute("ATTACH ? AS ws (READ_ONLY)", [str(self.db_path)])
        try:
            present = {r[0] for r in target.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'ws' AND schema_name = 'main'").fetchall()}
            for table in ("snap_index", "snap_states", "snap_members"):
                if table in present:
                    target.execute(f"INSERT INTO main.{table} SELECT * FROM ws.main.{table}")
        finally:
            target.execute("DETACH ws")

    def tables(self) -> dict[str, pd.DataFrame]:
        """The current version as DataFrames (small data and tests; the app uses load_into)."""
        con = duckdb.connect(":memory:")
        try:
            if self.load_into(con) is None:
                return {}
            return {t: con.execute(f'SELECT * FROM "{t}"').df() for t in TABLES}
        finally:
            con.close()


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str, catalog: str | None = None) -> bool:
    sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"
    params: list[object] = [schema, table]
    if catalog:
        sql += " AND table_catalog = ?"
        params.append(catalog)
    return con.execute(sql, params).fetchall()[0][0] > 0


def _current(con: duckdb.DuckDBPyConnection) -> int | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'current'").fetchall()
    return int(rows[0][0]) if rows else None


def _next_version(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'v%'").fetchall()
    used = [int(r[0][1:]) for r in rows if r[0][1:].isdigit()]
    hist = con.execute("SELECT max(version) FROM history").fetchall()[0][0]
    return max([0, *used, *([hist] if hist is not None else [])]) + 1


def _create_versioned(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> None:
    cols = ", ".join(f'"{n}" {t}' for n, t in table_layout(table))
    con.execute(f'CREATE TABLE {schema}."{table}" ({cols})')


def _insert_frame(con: duckdb.DuckDBPyConnection, schema: str, table: str, frame: pd.DataFrame) -> None:
    if not len(frame):
        return
    data = conform(table, frame)
    names = ", ".join(f'"{n}"' for n, _ in table_layout(table))
    con.register("_publish_incoming", data)
    try:
        con.execute(f'INSERT INTO {schema}."{table}" SELECT {names} FROM _publish_incoming')
    finally:
        con.unregister("_publish_incoming")


def _prune(con: duckdb.DuckDBPyConnection, newest: int) -> None:
    rows = con.execute("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'v%'").fetchall()
    versions = sorted(int(r[0][1:]) for r in rows if r[0][1:].isdigit())
    for v in versions[:-KEEP_VERSIONS]:
        if v != newest:
            con.execute(f"DROP SCHEMA v{v} CASCADE")


