"""The team's published data: a DuckDB file with versioned tables, an import history and rollback.

Layout (format 2):

- ``meta``: ``state`` (``empty`` once the file is created, ``published`` after the first publish)
  and ``current`` (the version in use). "Nothing published" is this written state, never the
  reading of an error: a file that is locked or damaged raises :class:`WorkspaceBusy` or
  :class:`WorkspaceCorrupt`.
- ``versions``: one row per kept version (time, pinned).
- ``version_tables``: which stored row set each version uses for each canonical table, with its
  row count and checksum. A table a publish did not change points at the previous version's
  set, so unchanged tables are shared, never copied; and within a changed table each distinct
  row is stored once (``store.<table>_rows``, by its hash) and a version's table is the
  set of its rows' ids (``store.<table>_sets``): a weekly export where 2 % of the deals changed
  adds those 2 %, not a copy. Rows carry ``source_file`` beside the canonical columns (for
  "duplicate of <file> row N" across publishes).
- ``history``: every publish and rollback, with the files and their content hashes.

Each publish is one transaction: a publish that fails or is interrupted leaves the previous
version in place. Versions older than the retention (90 days by default, a Settings value) are
dropped unless pinned; the current version is always kept.

Another process holding the file (a second app, a backup job) makes DuckDB refuse to open it;
every open retries with backoff for a bounded time and then names the holder.

The folder also holds the settings file, remembered column mappings, commission plans and saved
views. Its location is ``$SALES_WORKSPACE`` or ``data/workspace`` beside the project.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from analytics.messages import Problem
from analytics.store.canonical import compact, conform, create_table, table_layout
from analytics.store.documents import NAMES as DOCUMENT_NAMES
from analytics.store.documents import Doc, Documents, FolderDocuments
from analytics.store.schema import TABLES

DB_NAME = "workspace.duckdb"
FORMAT = "2"
DEFAULT_RETENTION_DAYS = 90
#: How long an open waits for another process's lock before giving up (seconds);
#: ``$SALES_WORKSPACE_WAIT_S`` changes it (tests, or a nightly job that may wait longer).
DEFAULT_WAIT_S = 10.0
#: The documents a backup copies; a restore brings back all but the audit log, which is
#: append-only (the restore itself is its next line).
SIDE_FILES = DOCUMENT_NAMES
PROJECT_ROOT = Path(__file__).resolve().parents[2]
RESTORE_COMMAND = "python -m analytics workspace restore BACKUP_FOLDER"

PublishMode = Literal["replace", "append"]
State = Literal["none", "empty", "published"]



class WorkspaceError(Exception):
    """The team's data could not be used; ``problem`` says why in both languages."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.text("en"))


class WorkspaceBusy(WorkspaceError):
    """Another process holds the file's lock (after retrying for the bounded time)."""

    def __init__(self, path: Path, holder: str | None, attempts: int, waited: float):
        self.path, self.holder, self.attempts, self.waited = path, holder, attempts, waited
        super().__init__(Problem("workspace_busy", {
            "file": str(path), "attempts": attempts, "waited": waited,
            "holder": f" ({holder})" if holder else ""}))


class WorkspaceCorrupt(WorkspaceError):
    """The file exists but is not a readable workspace (truncated, overwritten, checksums off)."""

    def __init__(self, path: Path | str, reason: str):  # str: a database's (password-free) address
        self.path, self.reason = path, reason
        super().__init__(Problem("workspace_corrupt", {"file": str(path), "reason": reason,
                                                       "command": RESTORE_COMMAND}))


def default_folder() -> Path:
    return Path(os.environ.get("SALES_WORKSPACE") or PROJECT_ROOT / "data" / "workspace")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.+?)(?: \(PID (\d+)\))?(?:\. See|$)", re.S)


def _is_lock_error(exc: BaseException) -> bool:
    """Another process holds the file, or another thread of this one has it open differently
    (a publish from the app while a page reads): both clear by themselves, so both are retried."""
    text = str(exc)
    return (isinstance(exc, duckdb.IOException) and "Could not set lock" in text) or (
        isinstance(exc, (duckdb.ConnectionException, duckdb.Error))
        and ("different configuration than existing connections" in text or "file handle conflict" in text))


def lock_holder(exc: BaseException) -> str | None:
    """``program (PID n)`` from DuckDB's lock error, when it says so."""
    m = _LOCK_HOLDER.search(str(exc))
    if not m:
        return None
    return f"{m.group(1).strip()} (PID {m.group(2)})" if m.group(2) else m.group(1).strip()


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


@dataclass(frozen=True)
class PublishItem:
    """One table of one file going into a publish."""

    table: str
    frame: pd.DataFrame
    file_name: str
    content_hash: str
    rows_rejected: int = 0
    mode: PublishMode = "replace"


@dataclass(frozen=True)
class Status:
    """What the file says: no file yet, created but empty, or a current version."""

    state: State
    version: int | None = None
    published_at: datetime | None = None


@dataclass
class CheckReport:
    """``workspace check``: one line per thing checked, and whether all passed."""

    lines: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(ok for _, ok, _ in self.lines)

    def add(self, what: str, ok: bool, detail: str = "") -> None:
        self.lines.append((what, ok, detail))


@dataclass
class OpenStats:
    """Lock retries seen by the last open (for the busy message and the figures)."""

    attempts: int = 0
    waited: float = 0.0


class Workspace:
    """A folder holding the team's published data and settings."""

    def __init__(self, folder: Path | None = None, wait_s: float | None = None):
        self.folder = Path(folder) if folder else default_folder()
        self.wait_s = wait_s if wait_s is not None else float(os.environ.get("SALES_WORKSPACE_WAIT_S")
                                                                or DEFAULT_WAIT_S)
        self.last_open = OpenStats()

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

    # The documents, as both stores give them (``analytics.store.documents``): the app and the
    # CLI use these, never the paths above, so they work the same on PostgreSQL.

    @property
    def docs(self) -> Documents:
        return FolderDocuments(self.folder)

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

    # --- identity (what app processes cache by) --------------------------------------------

    kind = "file"

    @property
    def where(self) -> str:
        return str(self.db_path)

    def cache_key(self) -> str:
        return f"file:{self.folder}"

    def change_mark(self) -> tuple:
        """Changes whenever the file may have: its identity and change marks, and its WAL's
        (a restore swaps the inode; a publish changes size and times)."""
        out: tuple = ()
        for p in (self.db_path, self.db_path.with_name(self.db_path.name + ".wal")):
            if p.exists():
                st_ = p.stat()
                out += (st_.st_ino, st_.st_size, st_.st_mtime_ns, st_.st_ctime_ns)
        return out

    # --- opening ---------------------------------------------------------------------------

    def _open(self, read_only: bool, on_retry: Callable[[int, float], None] | None = None
              ) -> duckdb.DuckDBPyConnection:
        """Open the file, retrying a held lock with backoff (see ``_retry``)."""
        return self._retry(lambda: duckdb.connect(str(self.db_path), read_only=read_only), on_retry)

    def _attach(self, con: duckdb.DuckDBPyConnection, alias: str) -> None:
        """Attach the file read-only to ``con`` (an in-memory connection), retrying a held lock."""
        self._retry(lambda: con.execute(f"ATTACH ? AS {alias} (READ_ONLY)", [str(self.db_path)]))

    def _retry(self, open_: Callable[[], object], on_retry: Callable[[int, float], None] | None = None):
        """Run ``open_``, retrying a held lock with backoff (50 ms doubling to 1 s) for ``wait_s``.

        Raises WorkspaceBusy when the lock never clears, WorkspaceCorrupt for any other failure.
        """
        start = time.monotonic()
        delay = 0.05
        attempts = 0
        while True:
            attempts += 1
            try:
                result = open_()
                self.last_open = OpenStats(attempts, time.monotonic() - start)
                return result
            except duckdb.Error as exc:
                waited = time.monotonic() - start
                if not _is_lock_error(exc):
                    raise WorkspaceCorrupt(self.db_path, _short(exc)) from exc
                if waited + delay > self.wait_s:
                    self.last_open = OpenStats(attempts, waited)
                    raise WorkspaceBusy(self.db_path, lock_holder(exc), attempts, waited) from exc
                if on_retry:
                    on_retry(attempts, waited)
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    @contextmanager
    def _read(self, on_retry: Callable[[int, float], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._open(read_only=True, on_retry=on_retry)
        try:
            tables = {r[0] for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
            if "meta" not in tables:
                raise WorkspaceCorrupt(self.db_path, "no meta table: not a workspace file")
            yield con
        except duckdb.Error as exc:
            if _is_lock_error(exc):
                raise
            raise WorkspaceCorrupt(self.db_path, _short(exc)) from exc
        finally:
            con.close()

    @contextmanager
    def _write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # Another process is kept out by DuckDB's file lock (retried in _open); threads of this
        # process share one database instance, where two writers at once fail with a write-write
        # conflict instead of waiting. One lock per file makes them take turns.
        self.folder.mkdir(parents=True, exist_ok=True)
        with _writer_lock(self.db_path):
            con = self._open(read_only=False)
            try:
                _ensure_layout(con)
                yield con
            finally:
                con.close()

    # --- reading ---------------------------------------------------------------------------

    def status(self, on_retry: Callable[[int, float], None] | None = None) -> Status:
        """The written state. Raises WorkspaceBusy / WorkspaceCorrupt; never guesses."""
        if not self.db_path.exists():
            return Status("none")
        with self._read(on_retry) as con:
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            state = meta.get("state")
            current = meta.get("current")
            if state is None and current is None and not _legacy_versions(con):
                raise WorkspaceCorrupt(self.db_path, "its state is not recorded")
            if current is None:
                return Status("empty")
            version = int(current)
            when = con.execute("SELECT max(published_at) FROM history WHERE version = ? AND action = 'publish'",
                               [version]).fetchall()[0][0]
        return Status("published", version, when)

    def current_version(self) -> int | None:
        """The version in use, None when nothing is published. Raises on a locked/damaged file."""
        return self.status().version

    def exists(self) -> bool:
        return self.status().state == "published"

    def history(self) -> pd.DataFrame:
        """Import history, newest first: version, at, action, file, hash, table, rows …"""
        cols = ["version", "published_at", "action", "file_name", "content_hash", "table_name", "mode",
                "rows_loaded", "rows_rejected", "note"]
        if not self.db_path.exists():
            return pd.DataFrame(columns=cols)
        with self._read() as con:
            if not _has_table(con, "history"):
                return pd.DataFrame(columns=cols)
            return con.execute(f"SELECT {', '.join(cols)} FROM history "
                               "ORDER BY published_at DESC, version DESC, table_name, file_name").df()

    def versions(self) -> list[int]:
        """Kept versions, oldest first."""
        return [int(v) for v in self.version_list()["version"]]

    def version_list(self) -> pd.DataFrame:
        """One row per kept version: version, published_at, pinned, current, files, rows per table."""
        if not self.db_path.exists():
            return pd.DataFrame(columns=VERSION_COLUMNS)
        with self._read() as con:
            if not _has_table(con, "versions"):
                return pd.DataFrame(columns=VERSION_COLUMNS)
            current = _current(con)
            rows = con.execute("SELECT version, created_at, pinned FROM versions ORDER BY version").fetchall()
            counts = con.execute("SELECT version, table_name, rows FROM version_tables").fetchall()
            files = con.execute("SELECT version, string_agg(DISTINCT file_name, ', ' ORDER BY file_name) "
                                "FROM history WHERE action = 'publish' GROUP BY version").fetchall()
        return version_frame(current, rows, counts, dict(files))

    def published_hashes(self) -> dict[str, tuple[int, datetime, str]]:
        """content hash → (version, time, file name) of every file ever published."""
        return published_hashes_of(self.history())

    def deal_origins(self) -> pd.DataFrame:
        """deal_id, source_file, source_row of the current version's deals (for cross-publish duplicates)."""
        empty = pd.DataFrame({"deal_id": pd.Series(dtype="str"), "source_file": pd.Series(dtype="str"),
                              "source_row": pd.Series(dtype="Int64")})
        if not self.db_path.exists():
            return empty
        with self._read() as con:
            version = _current(con)
            if version is None:
                return empty
            ref = _table_ref(con, version, "deals")
            file_col = "source_file" if _has_source_file(con, ref) else "NULL::VARCHAR AS source_file"
            return con.execute(f"SELECT deal_id, {file_col}, source_row FROM {_source(ref, 'deals')} "
                               "WHERE deal_id IS NOT NULL").df()

    def load_into(self, target: duckdb.DuckDBPyConnection,
                  on_retry: Callable[[int, float], None] | None = None) -> int | None:
        """Copy the current version's tables into ``target`` (an in-memory connection).

        Returns the version loaded, or None when nothing is published. Raises WorkspaceBusy or
        WorkspaceCorrupt; the file is held (shared) only while copying.
        """
        if not self.db_path.exists():
            return None
        with self._read(on_retry) as con:
            version = _current(con)
            if version is None:
                return None
        self._copy_version(target, version)
        self.load_snapshots_into(target)
        return version

    def load_version_into(self, target: duckdb.DuckDBPyConnection, version: int) -> None:
        """Copy kept ``version``'s tables into ``target`` (an in-memory connection)."""
        self._copy_version(target, version)

    def _copy_version(self, target: duckdb.DuckDBPyConnection, version: int) -> None:
        with self._read() as con:
            refs = {t: _table_ref(con, version, t) for t in TABLES}
        # The copy goes through an ATTACH on the target so rows never pass through pandas.
        self._attach(target, "ws")
        try:
            for table in TABLES:
                names = ", ".join(f'"{n}"' for n, _ in table_layout(table))
                create_table(target, table, None)
                target.execute(f'INSERT INTO "{table}" SELECT {names} FROM {_source(refs[table], table, "ws.")}')
        except duckdb.Error as exc:
            raise WorkspaceCorrupt(self.db_path, _short(exc)) from exc
        finally:
            target.execute("DETACH ws")
        compact(target)  # compressed, with the deal-id uniqueness noted: several times faster queries

    def load_snapshots_into(self, target: duckdb.DuckDBPyConnection) -> None:
        """Copy the pipeline snapshots (``analytics.store.snapshots``) into ``target``; none yet → empty."""
        from analytics.store import snapshots

        snapshots.ensure_schema(target)
        if not self.db_path.exists():
            return
        self._attach(target, "ws")
        try:
            present = {r[0] for r in target.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'ws' AND schema_name = 'main'").fetchall()}
            for table in ("snap_index", "snap_states", "snap_members"):
                if table in present:
                    target.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM ws.main.{table}")
        except duckdb.Error as exc:
            raise WorkspaceCorrupt(self.db_path, _short(exc)) from exc
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

    def storage_bytes(self) -> int:
        """Size of the database file (and its write-ahead log) on disk."""
        wal = self.db_path.with_name(self.db_path.name + ".wal")
        return sum(p.stat().st_size for p in (self.db_path, wal) if p.exists())

    # --- writing ---------------------------------------------------------------------------

    def create(self) -> None:
        """Create the file with its state written as ``empty`` (nothing published)."""
        with self._write():
            pass

    def publish(self, items: list[PublishItem], note: str = "",
                retention_days: int = DEFAULT_RETENTION_DAYS, now: datetime | None = None,
                snapshot_date: date | None = None) -> int:
        """Write a new version: each item replaces or appends to its table; others are shared.

        A publish that brings deals also records the new deals table as a pipeline snapshot,
        dated ``snapshot_date`` (an old export uploaded late) or today. Returns the new version
        number. Atomic: on any error nothing changes. Versions older than ``retention_days`` that
        are not pinned are dropped afterwards.
        """
        if not items:
            raise ValueError("nothing to publish")
        by_table: dict[str, list[PublishItem]] = {}
        for item in items:
            by_table.setdefault(item.table, []).append(item)
        with self._write() as con:
            # Taken once the file is held, so the history's times follow its versions.
            now = now or datetime.now()
            con.execute("BEGIN TRANSACTION")
            try:
                current = _current(con)
                version = _next_version(con)
                for table in TABLES:
                    incoming = by_table.get(table, [])
                    keep_old = current is not None and (not incoming or all(i.mode == "append" for i in incoming))
                    if keep_old and not incoming:
                        ref, rows, checksum = con.execute(
                            "SELECT blob, rows, checksum FROM version_tables WHERE version = ? AND table_name = ?",
                            [current, table]).fetchall()[0]
                    else:
                        _create_stored(con, "_incoming_table", table, temp=True)
                        if keep_old:
                            names = ", ".join(f'"{n}"' for n, _ in _stored_layout(table))
                            old = _table_ref(con, current, table)
                            if not _has_source_file(con, old):
                                names = names.replace('"source_file"', "NULL")
                            con.execute(f"INSERT INTO _incoming_table SELECT {names} FROM {_source(old, table)}")
                        for item in incoming:
                            _insert_frame(con, "_incoming_table", table, item.frame, item.file_name)
                        rows, checksum = _checksum(con, "_incoming_table")
                        ref = _store_rows(con, table, checksum)
                        con.execute("DROP TABLE _incoming_table")
                    con.execute("INSERT INTO version_tables VALUES (?, ?, ?, ?, ?)",
                                [version, table, ref, rows, checksum])
                con.execute("INSERT INTO versions VALUES (?, ?, false)", [version, now])
                for item in items:
                    con.execute("INSERT INTO history VALUES (?, ?, 'publish', ?, ?, ?, ?, ?, ?, ?)",
                                [version, now, item.file_name, item.content_hash, item.table, item.mode,
                                 len(item.frame), item.rows_rejected, note])
                _set_meta(con, "current", str(version))
                _set_meta(con, "state", "published")
                if "deals" in by_table:
                    from analytics.store import snapshots

                    deals_ref = con.execute("SELECT blob FROM version_tables WHERE version = ? AND table_name = "
                                            "'deals'", [version]).fetchall()[0][0]
                    con.execute("CREATE OR REPLACE TEMP VIEW _published_deals AS "
                                f"SELECT * FROM {_source(deals_ref, 'deals')}")
                    snapshots.record(con, "_published_deals", snapshot_date or now.date(), version=version,
                                     source=", ".join(i.file_name for i in by_table["deals"]))
                _prune(con, version, now - timedelta(days=retention_days))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return version

    def rollback(self, version: int) -> None:
        """Make ``version`` current again (it must still be kept)."""
        with self._write() as con:
            if not con.execute("SELECT 1 FROM versions WHERE version = ?", [version]).fetchall():
                raise ValueError(f"version {version} is no longer kept")
            con.execute("BEGIN TRANSACTION")
            try:
                _set_meta(con, "current", str(version))
                con.execute("INSERT INTO history VALUES (?, ?, 'rollback', NULL, NULL, NULL, NULL, NULL, "
                            "NULL, ?)", [version, datetime.now(), f"rolled back to version {version}"])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def pin(self, version: int, pinned: bool = True) -> None:
        """Keep ``version`` for ever (or let it age out again)."""
        with self._write() as con:
            if not con.execute("SELECT 1 FROM versions WHERE version = ?", [version]).fetchall():
                raise ValueError(f"version {version} is no longer kept")
            con.execute("UPDATE versions SET pinned = ? WHERE version = ?", [pinned, version])

    # --- integrity and copies ----------------------------------------------------------------

    def check(self) -> CheckReport:
        """The file opens, every kept table matches its checksum, the current version is readable."""
        report = CheckReport()
        if not self.db_path.exists():
            report.add("file", True, f"{self.db_path} does not exist: nothing published")
            return report
        try:
            status = self.status()
        except WorkspaceError as exc:
            report.add("open", False, exc.problem.text("en"))
            return report
        report.add("open", True, f"{self.db_path} ({status.state}"
                   + (f", current version {status.version})" if status.version else ")"))
        try:
            with self._read() as con:
                if not _has_table(con, "version_tables"):
                    report.add("checksums", True, "old layout without checksums (run a publish to upgrade)")
                else:
                    for ref, table, rows, checksum in con.execute(
                            "SELECT DISTINCT blob, table_name, rows, checksum FROM version_tables ORDER BY blob"
                    ).fetchall():
                        got_rows, got = _checksum(con, _source(ref, table))
                        report.add(f"checksum {ref}", got == checksum and got_rows == rows,
                                   f"{got_rows} rows" + ("" if got == checksum else f"; expected {checksum}, got {got}"))
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
        except duckdb.Error as exc:
            report.add("read", False, _short(exc))
        return report

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the workspace into folder ``dest`` while the app runs.

        The database is copied through DuckDB under a shared read lock (a snapshot: a publish
        waits for it), then checked; the settings and mapping files are copied beside it.
        """
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / DB_NAME
        if target.exists():
            raise FileExistsError(target)
        if self.db_path.exists():
            tmp = dest / (DB_NAME + ".partial")
            tmp.unlink(missing_ok=True)
            self.status()  # a damaged or locked file fails here, with its own message
            con = duckdb.connect(":memory:")
            try:
                self._attach(con, "ws")
                con.execute("ATTACH ? AS backup_copy", [str(tmp)])
                con.execute("COPY FROM DATABASE ws TO backup_copy")
                con.execute("DETACH backup_copy")
            except duckdb.Error as exc:
                raise WorkspaceCorrupt(self.db_path, _short(exc)) from exc
            finally:
                con.close()
            tmp.replace(target)
        for name in SIDE_FILES:
            src = self.folder / name
            if src.exists():
                shutil.copy2(src, dest / name)
        report = Workspace(dest).check()
        if not report.ok:
            raise WorkspaceCorrupt(target, "; ".join(d for _, ok, d in report.lines if not ok))
        return target

    def restore(self, source: Path) -> None:
        """Replace the workspace with the backup in folder ``source`` (checked first).

        Waits for the lock so no publish is half-way, then swaps the file in one rename.
        """
        source = Path(source)
        report = Workspace(source).check()
        if not report.ok or not (source / DB_NAME).exists():
            raise WorkspaceCorrupt(source / DB_NAME, "; ".join(d for _, ok, d in report.lines if not ok)
                                   or "no workspace file in the backup")
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / (DB_NAME + ".restoring")
        shutil.copy2(source / DB_NAME, tmp)
        if self.db_path.exists():
            try:
                con = self._open(read_only=False)  # waits for readers and writers to finish
                con.close()
            except WorkspaceCorrupt:
                pass  # a damaged file is exactly what a restore replaces
        wal = self.db_path.with_name(DB_NAME + ".wal")
        wal.unlink(missing_ok=True)
        tmp.replace(self.db_path)
        for name in SIDE_FILES:
            if name != "audit.jsonl" and (source / name).exists():
                shutil.copy2(source / name, self.folder / name)


# --- layout helpers ------------------------------------------------------------------------------

VERSION_COLUMNS = ["version", "published_at", "pinned", "current", "files", *TABLES]


def version_frame(current: int | None, rows: list[tuple], counts: list[tuple], files: dict[int, str]) -> pd.DataFrame:
    """``version_list()`` of either store: ``rows`` (version, created_at, pinned), ``counts``
    (version, table, rows) and the files published in each version."""
    by_version: dict[int, dict[str, int]] = {}
    for v, t, n in counts:
        by_version.setdefault(v, {})[t] = int(n)
    records = [{"version": v, "published_at": at, "pinned": bool(p), "current": v == current,
                "files": files.get(v) or "", **{t: by_version.get(v, {}).get(t, 0) for t in TABLES}}
               for v, at, p in rows]
    return pd.DataFrame(records, columns=VERSION_COLUMNS)


def published_hashes_of(hist: pd.DataFrame) -> dict[str, tuple[int, datetime, str]]:
    """content hash → (version, time, file name) of the first publish of every file in ``hist``."""
    out: dict[str, tuple[int, datetime, str]] = {}
    for r in hist[hist["action"] == "publish"].sort_values("version").itertuples(index=False):
        if isinstance(r.content_hash, str) and r.content_hash not in out:
            out[r.content_hash] = (int(r.version), r.published_at, str(r.file_name))
    return out


_WRITER_LOCKS: dict[str, threading.Lock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.Lock:
    """The one lock for writers of ``path`` in this process."""
    key = str(path.resolve())
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.Lock())


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' "
                            "AND table_name = ?", [name]).fetchall())


def _legacy_versions(con: duckdb.DuckDBPyConnection) -> list[int]:
    rows = con.execute("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'v%'").fetchall()
    return sorted(int(r[0][1:]) for r in rows if r[0][1:].isdigit())


def _ensure_layout(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of format 2 (writing ``state = empty``), upgrading a format-1 file."""
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS history (version INTEGER, published_at TIMESTAMP, action VARCHAR, "
                "file_name VARCHAR, content_hash VARCHAR, table_name VARCHAR, mode VARCHAR, "
                "rows_loaded BIGINT, rows_rejected BIGINT, note VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS versions (version INTEGER PRIMARY KEY, created_at TIMESTAMP, "
                "pinned BOOLEAN)")
    con.execute("CREATE TABLE IF NOT EXISTS version_tables (version INTEGER, table_name VARCHAR, blob VARCHAR, "
                "rows BIGINT, checksum VARCHAR)")
    con.execute("CREATE SCHEMA IF NOT EXISTS store")
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("format") == FORMAT:
        return
    # Format 1 kept each version as a schema v<N> with full copies: register those as they are.
    for v in _legacy_versions(con):
        if con.execute("SELECT 1 FROM versions WHERE version = ?", [v]).fetchall():
            continue
        at = con.execute("SELECT min(published_at) FROM history WHERE version = ?", [v]).fetchall()[0][0]
        con.execute("INSERT INTO versions VALUES (?, ?, false)", [v, at or datetime.now()])
        for table in TABLES:
            ref = f'v{v}."{table}"'
            rows, checksum = _checksum(con, ref)
            con.execute("INSERT INTO version_tables VALUES (?, ?, ?, ?, ?)", [v, table, ref, rows, checksum])
    _set_meta(con, "format", FORMAT)
    _set_meta(con, "state", "published" if "current" in meta else "empty")


def _set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])



def _current(con: duckdb.DuckDBPyConnection) -> int | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'current'").fetchall()
    return int(rows[0][0]) if rows else None


def _table_ref(con: duckdb.DuckDBPyConnection, version: int, table: str) -> str:
    """The stored table holding ``table`` in ``version`` (a qualified name we wrote ourselves)."""
    if _has_table(con, "version_tables"):
        rows = con.execute("SELECT blob FROM version_tables WHERE version = ? AND table_name = ?",
                           [version, table]).fetchall()
        if rows:
            return rows[0][0]
    return f'v{version}."{table}"'


def _source(ref: str, table: str, db: str = "") -> str:
    """What to put after FROM to read the stored table ``ref`` (``db`` = ``"ws."`` when attached).

    ``set:<table>:<n>`` is a row set: the rows of ``store.<table>_rows`` listed, in order, under
    set ``n`` in ``store.<table>_sets``. Anything else is a whole table (older files)."""
    if ref.startswith("set:"):
        set_id = int(ref.rsplit(":", 1)[1])
        names = ", ".join(f'r."{n}"' for n, _ in _stored_layout(table))
        return (f'(SELECT {names} FROM {db}store."{table}_sets" s JOIN {db}store."{table}_rows" r '
                f"USING (row_id) WHERE s.set_id = {set_id} ORDER BY s.row_id)")
    return f"{db}{ref}"


def _has_source_file(con: duckdb.DuckDBPyConnection, ref: str) -> bool:
    if ref.startswith("set:"):
        return True
    return "source_file" in {r[0] for r in con.execute(f"DESCRIBE {ref}").fetchall()}


def _next_version(con: duckdb.DuckDBPyConnection) -> int:
    used = con.execute("SELECT max(version) FROM versions").fetchall()[0][0]
    hist = con.execute("SELECT max(version) FROM history").fetchall()[0][0]
    return max([0, *_legacy_versions(con), *(v for v in (used, hist) if v is not None)]) + 1


def _stored_layout(table: str) -> list[tuple[str, str]]:
    return [*table_layout(table), ("source_file", "VARCHAR")]


def _create_stored(con: duckdb.DuckDBPyConnection, ref: str, table: str, temp: bool = False) -> None:
    cols = ", ".join(f'"{n}" {t}' for n, t in _stored_layout(table))
    con.execute(f"CREATE {'TEMP ' if temp else ''}TABLE {ref} ({cols})")


def _store_rows(con: duckdb.DuckDBPyConnection, table: str, checksum: str) -> str:
    """Store ``_incoming_table`` as a row set; returns its reference ``set:<table>:<n>``.

    Rows are kept once, by their hash, in ``store.<table>_rows``; a version's table is the list of
    its rows' ids (``store.<table>_sets``). A weekly export where 2 % of the deals changed adds
    2 % of new rows, not a copy. An identical table already stored reuses its set.
    """
    same = con.execute("SELECT blob FROM version_tables WHERE table_name = ? AND checksum = ? "
                       "AND blob LIKE 'set:%' ORDER BY version DESC LIMIT 1", [table, checksum]).fetchall()
    if same:
        return same[0][0]
    rows_t, sets_t = f'store."{table}_rows"', f'store."{table}_sets"'
    cols = ", ".join(f'"{n}" {t}' for n, t in _stored_layout(table))
    con.execute(f"CREATE TABLE IF NOT EXISTS {rows_t} (row_id BIGINT, row_hash UBIGINT, {cols})")
    # (set, row id) sorted by row id compresses to a few bits a row; a version's rows therefore
    # come back in the order they were first published (their content and count are exact).
    con.execute(f"CREATE TABLE IF NOT EXISTS {sets_t} (set_id INTEGER, row_id BIGINT)")
    names = ", ".join(f'"{n}"' for n, _ in _stored_layout(table))
    con.execute(f"CREATE OR REPLACE TEMP TABLE _incoming_hashed AS SELECT rowid AS pos, hash({names}) AS row_hash, "
                f"{names} FROM _incoming_table")
    base = con.execute(f"SELECT coalesce(max(row_id), 0) FROM {rows_t}").fetchall()[0][0]
    con.execute(f"""INSERT INTO {rows_t}
        SELECT {base} + row_number() OVER (ORDER BY min_pos), row_hash, {names}
        FROM (SELECT DISTINCT ON (row_hash) min(pos) OVER (PARTITION BY row_hash) AS min_pos, *
              FROM _incoming_hashed i
              WHERE NOT EXISTS (SELECT 1 FROM {rows_t} r WHERE r.row_hash = i.row_hash))""")
    set_id = con.execute(f"SELECT coalesce(max(set_id), 0) + 1 FROM {sets_t}").fetchall()[0][0]
    con.execute(f"INSERT INTO {sets_t} SELECT {set_id}, r.row_id FROM _incoming_hashed i "
                f"JOIN {rows_t} r USING (row_hash) ORDER BY r.row_id")
    con.execute("DROP TABLE _incoming_hashed")
    return f"set:{table}:{set_id}"


def _insert_frame(con: duckdb.DuckDBPyConnection, ref: str, table: str, frame: pd.DataFrame,
                  file_name: str) -> None:
    if not len(frame):
        return
    data = conform(table, frame)
    data["source_file"] = pd.Series(file_name, index=data.index, dtype="str")
    names = ", ".join(f'"{n}"' for n, _ in _stored_layout(table))
    con.register("_publish_incoming", data)
    try:
        con.execute(f"INSERT INTO {ref} SELECT {names} FROM _publish_incoming")
    finally:
        con.unregister("_publish_incoming")


def _checksum(con: duckdb.DuckDBPyConnection, ref: str) -> tuple[int, str]:
    """(rows, checksum): the sum of every row's hash, so any changed, lost or extra row shows."""
    rows, total = con.execute(f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {ref} AS t").fetchall()[0]
    return int(rows), format(int(total), "x")


def _prune(con: duckdb.DuckDBPyConnection, newest: int, cutoff: datetime) -> None:
    """Drop versions older than ``cutoff`` that are neither pinned nor current, then their tables."""
    current = _current(con)
    old = [r[0] for r in con.execute(
        "SELECT version FROM versions WHERE created_at < ? AND NOT pinned AND version NOT IN (?, ?)",
        [cutoff, newest, current if current is not None else newest]).fetchall()]
    if not old:
        return
    marks = ", ".join("?" * len(old))
    con.execute(f"DELETE FROM versions WHERE version IN ({marks})", old)
    con.execute(f"DELETE FROM version_tables WHERE version IN ({marks})", old)
    used = {r[0] for r in con.execute("SELECT DISTINCT blob FROM version_tables").fetchall()}
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'store'").fetchall()}
    for table in TABLES:
        if f"{table}_sets" not in present:
            continue
        kept = [int(ref.rsplit(":", 1)[1]) for ref in used if ref.startswith(f"set:{table}:")] or [-1]
        marks = ", ".join("?" * len(kept))
        con.execute(f'DELETE FROM store."{table}_sets" WHERE set_id NOT IN ({marks})', kept)
        con.execute(f'DELETE FROM store."{table}_rows" r WHERE NOT EXISTS '
                    f'(SELECT 1 FROM store."{table}_sets" s WHERE s.row_id = r.row_id)')
    for v in _legacy_versions(con):
        if not any(ref.startswith(f"v{v}.") for ref in used):
            con.execute(f"DROP SCHEMA v{v} CASCADE")
