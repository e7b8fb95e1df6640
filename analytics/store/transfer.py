"""Choosing the team's store, and moving a workspace from the DuckDB file to PostgreSQL.

``open_workspace()`` is the one place that decides: ``SALES_DATABASE_URL`` set → PostgreSQL
(``analytics.store.postgres``), else the DuckDB file in ``$SALES_WORKSPACE`` (the default, for
a laptop or one server).

``migrate_to_postgres`` (``python -m analytics workspace migrate --to URL``) copies every kept
version with its number, time and pin, the whole import history, the pipeline snapshots and
every document, in one transaction; then reads each version back from PostgreSQL and compares
its row counts and checksums with the file's. Nothing is written when the database already
holds a workspace (a migration is a move, not a merge).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from analytics.store import postgres
from analytics.store.documents import NAMES
from analytics.store.postgres import PgWorkspace
from analytics.store.schema import TABLES
from analytics.store.workspace import (
    Workspace,
    WorkspaceCorrupt,
    _checksum,
    _source,
    _stored_layout,
    _table_ref,
)

Store = Workspace | PgWorkspace


def open_workspace(folder: Path | None = None, wait_s: float | None = None) -> Store:
    """The team's store: PostgreSQL when ``SALES_DATABASE_URL`` is set, else the DuckDB file."""
    url = os.environ.get(postgres.URL_ENV, "").strip()
    if url:
        return PgWorkspace(url, folder, wait_s)
    return Workspace(folder, wait_s)


@dataclass
class MigrationReport:
    """What moved, and the check of each version read back (rows and checksum per table)."""

    versions: list[int] = field(default_factory=list)
    history_rows: int = 0
    snapshots: int = 0
    documents: list[str] = field(default_factory=list)
    checks: list[tuple[int, str, int, bool]] = field(default_factory=list)  # version, table, rows, ok

    @property
    def ok(self) -> bool:
        return all(ok for *_, ok in self.checks)


def migrate_to_postgres(src: Workspace, dst: PgWorkspace) -> MigrationReport:
    """Copy the file workspace ``src`` into the empty database ``dst``, then verify it."""
    report = MigrationReport()
    if dst.status().state == "published":
        raise ValueError(f"{dst.where} already holds a published workspace: nothing was copied")
    status = src.status()
    local = duckdb.connect(":memory:")
    try:
        with src._read() as file_con, dst._connect(autocommit=False) as con:
            try:
                con.execute("SELECT pg_advisory_xact_lock(%s)", [postgres.PUBLISH_LOCK])
                kept = file_con.execute("SELECT version, created_at, pinned FROM versions ORDER BY version").fetchall()
                recorded = {(v, t): (rows, checksum) for v, t, rows, checksum in file_con.execute(
                    "SELECT version, table_name, rows, checksum FROM version_tables").fetchall()}
                for version, created_at, pinned in kept:
                    for table in TABLES:
                        layout = _stored_layout(table)
                        names = ", ".join(f'"{n}"' for n, _ in layout)
                        ref = _table_ref(file_con, version, table)
                        local.register("_frame", file_con.sql(f"SELECT {names} FROM {_source(ref, table)}")
                                       .to_arrow_table())
                        local.execute("CREATE OR REPLACE TABLE _incoming_table AS SELECT * FROM _frame")
                        local.unregister("_frame")
                        rows, checksum = _checksum(local, "_incoming_table")
                        if (version, table) in recorded and recorded[(version, table)] != (rows, checksum):
                            raise WorkspaceCorrupt(src.db_path, f"{table} of version {version} does not match its "
                                                   "checksum in the file: restore the file before migrating")
                        blob = dst._store_rows(con, local, table, rows, checksum)
                        con.execute("INSERT INTO version_tables VALUES (%s, %s, %s, %s, %s)",
                                    [version, table, blob, rows, checksum])
                    con.execute("INSERT INTO versions VALUES (%s, %s, %s)", [version, created_at, bool(pinned)])
                    report.versions.append(int(version))
                history = file_con.execute(f"SELECT {', '.join(postgres._HISTORY)} FROM history "
                                           "ORDER BY published_at, version").fetchall()
                marks = ", ".join(["%s"] * len(postgres._HISTORY))
                with con.cursor() as cur:
                    cur.executemany(f"INSERT INTO history ({', '.join(postgres._HISTORY)}) VALUES ({marks})",
                                    [list(r) for r in history])
                report.history_rows = len(history)
                present = {r[0] for r in file_con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
                for table, layout in postgres._SNAP_LAYOUT.items():
                    if table not in present:
                        continue
                    names = [n for n, _ in layout]
                    rows = file_con.sql(f"SELECT {', '.join(names)} FROM {table}").to_arrow_table()
                    local.execute("CREATE OR REPLACE TABLE _snap AS SELECT * FROM rows")
                    postgres._copy_in(con, local, "SELECT * FROM _snap", table, names)
                    if table == "snap_index":
                        report.snapshots = int(local.execute("SELECT count(*) FROM _snap").fetchall()[0][0])
                if status.version is not None:
                    postgres._set_meta(con, "current", str(status.version))
                    postgres._set_meta(con, "state", "published")
                for name in NAMES:
                    text = src.docs.read(name)
                    if text is None:
                        continue
                    if name in ("audit.jsonl", "reports.jsonl"):
                        with con.cursor() as cur:
                            cur.executemany("INSERT INTO document_lines (name, line) VALUES (%s, %s)",
                                            [[name, line] for line in text.splitlines() if line.strip()])
                    else:
                        con.execute("INSERT INTO documents (name, body) VALUES (%s, %s)", [name, text])
                    report.documents.append(name)
                con.execute("SELECT pg_notify(%s, %s)", [postgres.CHANNEL, str(status.version or "")])
                con.commit()
            except BaseException:
                con.rollback()
                raise
    finally:
        local.close()
    # Read every version back from the server: the load checks each table against its checksum.
    for version in report.versions:
        probe = duckdb.connect(":memory:")
        try:
            try:
                dst.load_version_into(probe, version)
                ok = True
            except WorkspaceCorrupt:
                ok = False
            for table in TABLES:
                rows = probe.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0] if ok else -1
                expected = recorded.get((version, table), (rows, None))[0]
                report.checks.append((version, table, int(rows), ok and rows == expected))
        finally:
            probe.close()
    return report
