"""Read-only SQL over the loaded tables: one SELECT, in a locked sandbox, with a time and row limit.

Layers, each enough on its own for the common escapes:

1. **Statement check** (:func:`check_statement`): DuckDB's own parser must find exactly one
   statement of type SELECT (``WITH … SELECT``, ``FROM t``, ``VALUES``, ``DESCRIBE`` and
   ``SUMMARIZE`` count as SELECT). Its syntax tree (``json_serialize_sql``) is then walked:
   DuckDB 2.0 types ``WITH d AS (DELETE … RETURNING *) SELECT …`` and
   ``WITH d AS (COPY t TO 'file') SELECT …`` as SELECT statements, so any INSERT/UPDATE/
   DELETE/COPY node inside is refused; table functions must be on a short allow-list
   (``range``, ``unnest``, ``duckdb_tables``…; ``read_csv``, ``glob``, ``read_text``, ``query``,
   ``pandas_scan`` are not) and a table named like a path or URL (``FROM '/etc/passwd'``) is
   refused.
2. **Sandbox** (:class:`Sandbox`): every query runs on a *fresh* in-memory DuckDB that holds
   only read-only views of the loaded tables (pandas frames or Arrow copies) and is opened with
   ``enable_external_access=false`` (no files, URLs, ATTACH of files, COPY, INSTALL/LOAD),
   ``python_enable_replacements=false`` (no scanning of Python variables), extension autoload/
   autoinstall and community extensions off, no temp directory, a memory limit and
   ``lock_configuration=true`` — all set at connect time, before any user SQL. A query cannot
   touch the app's own connection, and nothing it does survives it.
3. **Limits**: the query runs in a worker thread; after ``timeout_s`` the connection is
   interrupted and the caller gets a "took longer than N s" error (within about a second more,
   even if DuckDB is inside a long non-interruptible function: the worker is then abandoned and
   closes its own connection when it ends). Rows are streamed and at most ``max_rows + 1`` are
   fetched, so ``ORDER BY`` keeps its meaning and ``truncated`` is exact.

Cost (measured on a shared 2-core machine): from a dict of DataFrames the sandbox registers
the frames themselves (no copy). From a DuckDB connection each table is copied once to Arrow:
about 0.6 s and 250 MB for 1 M canonical deals (23 columns). Build the :class:`Sandbox` once
per data version (:func:`build_sandbox`, e.g. under ``st.cache_resource``) and reuse it; each
query then pays about 25-50 ms to open and close its own locked connection, and scans Arrow
views (a 1 M-row GROUP BY took 140 ms there against 75 ms on the app's native table).
``ATTACH … (READ_ONLY)`` was measured too but needs the tables written to a database file
first (0.7 s for 1 M deals), so Arrow copies were chosen.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from analytics.messages import InputError, Problem
from analytics.sql import quote_identifier

# --- messages ---------------------------------------------------------------------------------

SQL_EMPTY = "sql_empty"
SQL_SEVERAL = "sql_several"
SQL_NOT_SELECT = "sql_not_select"
SQL_WRITES = "sql_writes"
SQL_SYNTAX = "sql_syntax"
SQL_FUNCTION = "sql_function"
SQL_OUTSIDE = "sql_outside"
SQL_UNSUPPORTED = "sql_unsupported"
SQL_TIMEOUT = "sql_timeout"
SQL_MEMORY = "sql_memory"
SQL_UNKNOWN_TABLE = "sql_unknown_table"
SQL_ERROR = "sql_error"
SQL_ERROR_NOPOS = "sql_error_nopos"

# --- what a query may use ---------------------------------------------------------------------

#: Query-tree node types that only read.
_READ_NODES = frozenset({"SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"})

#: Table functions a query may call: generators, unnesting and the catalogue of the sandbox.
ALLOWED_TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree",
    "summary", "histogram", "histogram_values", "query_table", "pragma_table_info",
    "duckdb_tables", "duckdb_columns", "duckdb_views", "duckdb_types", "duckdb_functions",
    "duckdb_keywords", "duckdb_schemas", "duckdb_constraints", "duckdb_indexes",
    "duckdb_dependencies", "pg_timezone_names", "icu_calendar_names",
})

#: Scalar functions refused although they read no table (they expose settings or write logs).
DENIED_SCALAR_FUNCTIONS = frozenset({"current_setting", "write_log", "getenv"})

_PATH_LIKE = re.compile(r"[/\\]|://|^~|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|xlsx?|db|duckdb|sqlite3?|arrow)$",
                        re.IGNORECASE)
_NO_LOCATION = 2**64 - 1
_KIND_NAMES = {"VARIABLE_SET": "SET", "LOAD": "INSTALL/LOAD"}


@dataclass(frozen=True)
class QueryResult:
    """Rows of a read-only query: ``frame`` holds at most ``max_rows`` rows; ``truncated`` says more existed."""

    frame: pd.DataFrame
    truncated: bool
    elapsed_s: float
    max_rows: int
    sql: str


# --- positions --------------------------------------------------------------------------------

def line_column(sql: str, byte_offset: int) -> tuple[int, int]:
    """1-based (line, column) of a DuckDB byte offset into ``sql`` (columns count characters)."""
    prefix = sql.encode("utf-8")[: max(byte_offset, 0)].decode("utf-8", errors="ignore")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


_LINE_RE = re.compile(r"^LINE (\d+): (.*)\n( *)\^", re.MULTILINE)


def position_from_message(sql: str, message: str) -> tuple[int, int] | None:
    """(line, column) from DuckDB's ``LINE n: …`` / caret excerpt, mapped onto ``sql``; None if absent."""
    m = _LINE_RE.search(message)
    if not m:
        return None
    line = int(m.group(1))
    excerpt = m.group(2)
    caret = len(m.group(3)) - len(f"LINE {m.group(1)}: ")
    lines = sql.split("\n")
    if not 1 <= line <= len(lines) or caret < 0:
        return line, max(caret, 0) + 1
    source = lines[line - 1]
    start = 0
    if excerpt.startswith("..."):
        body = excerpt[3:]
        body = body[:-3] if body.endswith("...") else body
        found = source.find(body[: max(8, min(len(body), 40))])
        start = found - 3 if found >= 0 else 0
    return line, min(start + caret, len(source)) + 1


def _statement_error(sql: str, error: Exception) -> Problem:
    """A syntax-error problem with the position DuckDB reports for ``error``."""
    detail = _detail(error)
    pos = None
    try:
        with duckdb.connect(":memory:", config=_SANDBOX_CONFIG) as scratch:
            raw = scratch.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0]
        info = json.loads(raw)
        if info.get("error") and str(info.get("position", "")).isdigit():
            pos = line_column(sql, int(info["position"]))
    except (duckdb.Error, ValueError, KeyError, IndexError):
        pos = None
    pos = pos or position_from_message(sql, str(error)) or (1, 1)
    return Problem(SQL_SYNTAX, {"line": pos[0], "column": pos[1], "detail": detail})


def _detail(error: Exception) -> str:
    """DuckDB's first message line without the ``Parser Error:`` style prefix."""
    first = str(error).strip().split("\n", 1)[0]
    return re.sub(r"^[A-Za-z ]*Error: ", "", first).strip()


# --- the statement check ----------------------------------------------------------------------

_SANDBOX_CONFIG: dict[str, object] = {
    "enable_external_access": False,
    "python_enable_replacements": False,
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "allow_persistent_secrets": False,
    "temp_directory": "",
    "lock_configuration": True,
}


def _nodes(tree: object) -> Iterator[dict]:
    if isinstance(tree, dict):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _nodes(value)


def _where(sql: str, node: dict, *fallback: dict) -> tuple[int, int]:
    for candidate in (node, *fallback):
        loc = candidate.get("query_location")
        if isinstance(loc, int) and 0 <= loc < _NO_LOCATION:
            return line_column(sql, loc)
    return 1, 1


def check_statement(sql: str, tables: list[str] | tuple[str, ...] = (),
                    con: duckdb.DuckDBPyConnection | None = None) -> str:
    """Validate ``sql`` as exactly one read-only SELECT; return its text or raise ``InputError``.

    ``tables`` are the loaded table names (used in messages and to tell a table from a path);
    ``con`` is a locked sandbox connection to parse with (a scratch one is opened if None).
    """
    statement = _check_text(sql)
    _check_tree(sql, tables, con)
    return statement


def _check_text(sql: str) -> str:
    """The statement-level checks (one statement, of type SELECT), which need no connection."""
    if not sql or not sql.strip():
        raise InputError(Problem(SQL_EMPTY))
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.ParserException as error:
        raise InputError(_statement_error(sql, error)) from None
    except duckdb.Error as error:
        raise InputError(Problem(SQL_ERROR_NOPOS, {"detail": _detail(error)})) from None
    if not statements:
        raise InputError(Problem(SQL_EMPTY))
    if len(statements) > 1:
        raise InputError(Problem(SQL_SEVERAL, {"count": len(statements)}))
    kind = statements[0].type
    if kind in (duckdb.StatementType.MULTI, duckdb.StatementType.RELATION):  # PIVOT statements
        raise InputError(Problem(SQL_UNSUPPORTED, {"detail": "PIVOT"}))
    if kind != duckdb.StatementType.SELECT:
        name = str(getattr(kind, "name", kind))
        name = _KIND_NAMES.get(name, name.replace("_", " "))
        raise InputError(Problem(SQL_NOT_SELECT, {"kind": name}))
    return statements[0].query


def _syntax_tree(sql: str, con: duckdb.DuckDBPyConnection | None) -> dict:
    """DuckDB's parse of ``sql`` as JSON (``json_serialize_sql``, a pure function: nothing runs)."""
    if con is not None:
        return json.loads(con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])
    with duckdb.connect(":memory:", config=_SANDBOX_CONFIG) as scratch:
        return json.loads(scratch.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])


def _check_tree(sql: str, tables: list[str] | tuple[str, ...], con: duckdb.DuckDBPyConnection | None) -> None:
    tree = _syntax_tree(sql, con)
    if tree.get("error"):
        if tree.get("error_type") == "parser" and str(tree.get("position", "")).isdigit():
            line, column = line_column(sql, int(tree["position"]))
            raise InputError(Problem(SQL_SYNTAX, {"line": line, "column": column,
                                                  "detail": tree.get("error_message", "")}))
        raise InputError(Problem(SQL_UNSUPPORTED, {"detail": tree.get("error_message", "")}))
    known = {t.lower() for t in tables}
    listed = ", ".join(tables) or "-"
    for node in _nodes(tree.get("statements", [])):
        node_type = node.get("type")
        if isinstance(node_type, str) and node_type.endswith("_NODE") and node_type not in _READ_NODES:
            kind = node_type.removesuffix("_QUERY_NODE").removesuffix("_NODE").replace("_", " ")
            raise InputError(Problem(SQL_WRITES, {"kind": kind}))
        if node_type == "TABLE_FUNCTION":
            function = node.get("function") or {}
            name = str(function.get("function_name", "")).lower()
            if name not in ALLOWED_TABLE_FUNCTIONS:
                line, column = _where(sql, node, function)
                raise InputError(Problem(SQL_FUNCTION, {"line": line, "column": column, "name": name}))
        elif node.get("class") == "FUNCTION":
            name = str(node.get("function_name", "")).lower()
            if name in DENIED_SCALAR_FUNCTIONS:
                line, column = _where(sql, node)
                raise InputError(Problem(SQL_FUNCTION, {"line": line, "column": column, "name": name}))
        elif node_type == "BASE_TABLE":
            name = str(node.get("table_name", ""))
            if name.lower() not in known and _PATH_LIKE.search(name):
                raise InputError(Problem(SQL_OUTSIDE, {"tables": listed}))


# --- the sandbox ------------------------------------------------------------------------------

TableSource = pd.DataFrame | pa.Table

#: Memory one query may use (DuckDB's own limit inside the worker; see :data:`ADDRESS_HEADROOM`).
DEFAULT_MEMORY_LIMIT = "1GB"
#: The worker's address space may grow by the memory limit times this, plus :data:`ADDRESS_SLACK`,
#: above what it had when it started (its code and the memory-mapped tables): DuckDB's limit does
#: not count everything (a single ``repeat('x', 2e9)`` string, the result's conversion to pandas).
ADDRESS_HEADROOM = 1.5
ADDRESS_SLACK = 384 * 2**20
#: A result bigger than this (pandas' deep memory use of at most ``max_rows`` rows) is refused in the
#: worker, before it is sent to the app.
MAX_RESULT_BYTES = 128 * 2**20
#: Queries running at once in this server; a further one waits up to its own time limit.
MAX_CONCURRENT_QUERIES = 2
_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT_QUERIES)

SQL_RESULT_TOO_BIG = "sql_result_too_big"
SQL_CRASHED = "sql_crashed"
SQL_BUSY = "sql_busy"


def _user_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the tables and views a user loaded into ``con`` (main and temp schemas)."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main' "
        "UNION SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' "
        "ORDER BY 1").fetchall()
    return [r[0] for r in rows if not str(r[0]).startswith("_")]


def parse_bytes(limit: str) -> int:
    """``"1GB"``, ``"512MB"``, ``"64MiB"`` as a number of bytes (DuckDB's units, 1 GB = 1000³)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(I?B)?\s*", limit.upper())
    if not m:
        raise ValueError(f"not a memory size: {limit!r}")
    base = 1024 if m.group(3) == "IB" else 1000
    return int(float(m.group(1)) * base ** " KMGT".index(m.group(2) or " "))


def _size_text(n: float) -> str:
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"


class _Files:
    """Arrow IPC files of some tables in a private temporary folder, removed with this object."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="sql-sandbox-")
        self.paths: dict[str, str] = {}
        self._finalizer = weakref.finalize(self, shutil.rmtree, self.folder, True)

    def write(self, name: str, data: TableSource) -> str:
        table = pa.Table.from_pandas(data, preserve_index=False) if isinstance(data, pd.DataFrame) else data
        path = os.path.join(self.folder, f"t{len(self.paths)}.arrow")
        with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        self.paths[name] = path
        return path


class Sandbox:
    """Read-only copies of the loaded tables; each query runs in its own worker process, on a fresh
    locked DuckDB, under an operating-system limit of its address space (``setrlimit``).

    Why a process (measured with ``bench/bench_sql_memory.py`` on the sample company, on a shared
    2-core machine): DuckDB's ``memory_limit`` (1 GB) alone does not hold
    ``SELECT repeat('x', 2000000000)``: in the app's own process it succeeded after 55 s at a peak
    of 5.9 GB (7.7 GB in another run), and a result-size guard can only look after the memory is
    spent. In a worker capped with ``RLIMIT_AS`` the same query fails in 0.35-0.4 s with DuckDB's
    own out-of-memory error; the app's peak stayed at 167 MB for every attack (repeat, a
    three-way cross join sorted at random, a recursive CTE doubling a string, ``string_agg``, a
    180 MB result) against 0.7-5.9 GB in-process, the worker peaked at 0.1-0.8 GB, and the next
    query ran. A query past its time limit is killed outright (no abandoned thread). The price
    is a worker per query: about 0.15 s more per query on that machine under heavy load (median
    of 10: 0.51 s through the worker, of which 0.36 s the round trip, against 0.20 s for the same
    check-connect-run in-process), plus writing the tables once per data version to Arrow files
    that every worker maps without copying.
    """

    def __init__(self, tables: Mapping[str, TableSource], *, memory_limit: str = DEFAULT_MEMORY_LIMIT,
                 _files: _Files | None = None):
        self._tables: dict[str, TableSource] = {}
        for name, data in tables.items():
            if data is None:
                continue
            if not isinstance(data, pd.DataFrame | pa.Table):
                raise TypeError(f"table {name!r}: expected a DataFrame or an Arrow table")
            self._tables[str(name)] = data
        self.memory_limit = memory_limit
        parse_bytes(memory_limit)
        self._files = _files
        self._lock = threading.Lock()
        #: Peak resident memory of the last query's worker, in bytes (for measurements).
        self.last_worker_peak = 0

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection, names: list[str] | None = None,
                        *, memory_limit: str = DEFAULT_MEMORY_LIMIT) -> Sandbox:
        """Copy ``names`` (default: every user table and view of ``con``) to Arrow, once."""
        available = _user_tables(con)
        chosen = available if names is None else [n for n in names if n in available]
        copies: dict[str, TableSource] = {}
        for name in chosen:
            copies[name] = con.sql(f"SELECT * FROM {quote_identifier(name)}").to_arrow_table()
        return cls(copies, memory_limit=memory_limit)

    def extended(self, tables: Mapping[str, TableSource]) -> Sandbox:
        """This sandbox plus ``tables`` (a session's own), sharing the files already written."""
        merged = Sandbox({**self._tables, **tables}, memory_limit=self.memory_limit)
        files = self._table_files()
        merged._files = _Files()
        merged._files.paths = {n: p for n, p in files.items() if n not in tables}
        merged._keep = self  # the shared files live as long as this sandbox does
        return merged

    @property
    def names(self) -> list[str]:
        return list(self._tables)

    def _table_files(self) -> dict[str, str]:
        with self._lock:
            if self._files is None:
                self._files = _Files()
            for name, data in self._tables.items():
                if name not in self._files.paths:
                    self._files.write(name, data)
            return dict(self._files.paths)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A new in-memory DuckDB in this process, locked down before any user SQL, holding views of
        the tables (for inspection and tests; user SQL runs in :meth:`run`'s worker instead)."""
        return _locked_connection({n: d for n, d in self._tables.items()}, self.memory_limit)

    def run(self, sql: str, *, max_rows: int = 10_000, timeout_s: float = 10.0) -> QueryResult:
        """Check and run one SELECT in a worker process; see :func:`run_readonly_query`."""
        started = time.perf_counter()
        _check_text(sql)  # cheap refusals first, before a worker is started
        files = self._table_files()
        if not _SLOTS.acquire(timeout=timeout_s):
            raise InputError(Problem(SQL_BUSY, {"seconds": _seconds(timeout_s)}))
        try:
            reply = _in_worker(files, sql, max_rows, self.memory_limit, timeout_s)
        finally:
            _SLOTS.release()
        kind, payload, peak = reply
        self.last_worker_peak = peak
        if kind == "problems":
            raise InputError(payload)  # type: ignore[arg-type]
        frame, truncated = payload  # type: ignore[misc]
        return QueryResult(frame, truncated, time.perf_counter() - started, max_rows, sql)


def _locked_connection(tables: Mapping[str, TableSource], memory_limit: str,
                       threads: int | None = None) -> duckdb.DuckDBPyConnection:
    config = dict(_SANDBOX_CONFIG, memory_limit=memory_limit)
    config.pop("lock_configuration")  # locked below, once the progress bar is off
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    try:
        con.execute("SET enable_progress_bar = false")  # a session setting: not allowed in the config
        con.execute("SET lock_configuration = true")
        for name, data in tables.items():
            con.register(name, data)
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN "
            "('enable_external_access', 'lock_configuration', 'python_enable_replacements')").fetchall())
        if settings != {"enable_external_access": "false", "lock_configuration": "true",
                        "python_enable_replacements": "false"}:
            raise RuntimeError(f"sandbox settings not applied: {settings}")
    except BaseException:
        con.close()
        raise
    return con


# --- the worker process -------------------------------------------------------------------------

_Reply = tuple[str, object, int]


class _WorkerServer:
    """A small process started once per app (``python -c … _serve()``) that has imported only this
    module and forks one worker per query. Forking the app itself, with its many threads, could
    copy a held lock into the worker; :mod:`multiprocessing`'s own ``forkserver`` re-runs the
    app's main script (Streamlit's) in every worker, which costs a second per query."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._address: str | None = None
        self._authkey = b""

    def connect(self):
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            address, authkey = self._address, self._authkey
        return multiprocessing.connection.Client(address, family="AF_UNIX", authkey=authkey)

    def _start(self) -> None:
        folder = tempfile.mkdtemp(prefix="sql-worker-")
        self._address = os.path.join(folder, "socket")
        self._authkey = os.urandom(32)
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MALLOC_ARENA_MAX="2",
                   PYTHONPATH=os.pathsep.join([root, *filter(None, [os.environ.get("PYTHONPATH")])]))
        self._process = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import _serve; _serve()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=root, close_fds=True)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(json.dumps({"address": self._address, "authkey": self._authkey.hex(),
                                              "parent": os.getpid()}).encode() + b"\n")
        self._process.stdin.close()
        ready = self._process.stdout.readline()  # written once it listens; EOF if it failed
        self._process.stdout.close()
        if ready.strip() != b"ready":
            self._process.kill()
            raise RuntimeError("the SQL worker server did not start")
        weakref.finalize(self, _stop_server, self._process, folder)


def _stop_server(process: subprocess.Popen, folder: str) -> None:
    with contextlib.suppress(OSError):
        process.kill()
    shutil.rmtree(folder, ignore_errors=True)


_SERVER = _WorkerServer()


def _serve() -> None:
    """The worker server's loop: accept a request, fork a worker for it, go on (workers are reaped
    by the kernel). Ends with the app (``PR_SET_PDEATHSIG``)."""
    setup = json.loads(sys.stdin.readline())
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the app
    if os.getppid() != setup["parent"]:
        return
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    listener = multiprocessing.connection.Listener(setup["address"], family="AF_UNIX",
                                                   authkey=bytes.fromhex(setup["authkey"]))
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdout.close()
    while True:
        try:
            conn = listener.accept()
        except (OSError, EOFError, multiprocessing.AuthenticationError):
            continue
        if os.fork() == 0:
            listener.close()
            code = 0
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                conn.send(os.getpid())
                _work(conn, *conn.recv())
            except BaseException:  # noqa: BLE001 - a worker never returns into the server's loop
                code = 1
            finally:
                os._exit(code)
        conn.close()


def _in_worker(files: dict[str, str], sql: str, max_rows: int, memory_limit: str, timeout_s: float) -> _Reply:
    """Run ``sql`` in a new worker and wait at most ``timeout_s`` for its reply; kill it after."""
    conn = _SERVER.connect()
    pid = 0
    try:
        pid = conn.recv()
        conn.send((files, sql, max_rows, memory_limit, timeout_s))
        if not conn.poll(timeout_s):
            raise InputError(Problem(SQL_TIMEOUT, {"seconds": _seconds(timeout_s)}))
        try:
            reply: _Reply = conn.recv()
        except (EOFError, OSError):  # the worker died without a word: an allocation it could not survive
            raise InputError(Problem(SQL_CRASHED, {"limit": memory_limit})) from None
        pid = 0  # done: nothing to stop
        return reply
    finally:
        conn.close()
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _work(send, files: dict[str, str], sql: str, max_rows: int, memory_limit: str, timeout_s: float) -> None:
    """The worker: cap its own address space, map the tables, check and run ``sql``, send the rows."""
    reply: _Reply
    try:
        mapped = sum(os.path.getsize(p) for p in files.values())
        cap = _address_space() + mapped + int(parse_bytes(memory_limit) * ADDRESS_HEADROOM) + ADDRESS_SLACK
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        tables = {name: pa.ipc.open_file(pa.memory_map(path)).read_all() for name, path in files.items()}
        reply = ("ok", _query(tables, sql, max_rows, memory_limit, timeout_s), _peak())
    except InputError as error:
        reply = ("problems", error.problems, _peak())
    except MemoryError:
        reply = ("problems", [Problem(SQL_MEMORY, {"limit": memory_limit})], _peak())
    except Exception as error:  # noqa: BLE001 - every failure goes back as a readable problem
        reply = ("problems", [_translate(sql, error, list(files), memory_limit, timeout_s)], _peak())
    try:
        send.send(reply)
    except MemoryError:
        send.send(("problems", [Problem(SQL_MEMORY, {"limit": memory_limit})], _peak()))
    finally:
        send.close()


def _query(tables: dict[str, pa.Table], sql: str, max_rows: int, memory_limit: str,
           timeout_s: float) -> tuple[pd.DataFrame, bool]:
    con = _locked_connection(tables, memory_limit, threads=2)
    try:
        _check_tree(sql, list(tables), con)
        try:
            result = con.execute(sql)
            vectors = max(1, min(64, (max_rows + 1) // 2048 + 1))
            chunks = [result.fetch_df_chunk(vectors)]
            got = len(chunks[0])
            while got <= max_rows and len(chunks[-1]):
                chunk = result.fetch_df_chunk(vectors)
                if not len(chunk):
                    break
                chunks.append(chunk)
                got += len(chunk)
        except duckdb.Error as error:
            raise InputError(_translate(sql, error, list(tables), memory_limit, timeout_s)) from None
        frame = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
        truncated = len(frame) > max_rows
        if truncated:
            frame = frame.iloc[:max_rows].reset_index(drop=True)
        size = int(frame.memory_usage(deep=True).sum())
        if size > MAX_RESULT_BYTES:
            raise InputError(Problem(SQL_RESULT_TOO_BIG, {"size": _size_text(size),
                                                          "limit": _size_text(MAX_RESULT_BYTES)}))
        return frame, truncated
    finally:
        con.close()


def _translate(sql: str, error: object, names: list[str], memory_limit: str, timeout_s: float) -> Problem:
    listed = ", ".join(names) or "-"
    if isinstance(error, duckdb.InterruptException):
        return Problem(SQL_TIMEOUT, {"seconds": _seconds(timeout_s)})
    if isinstance(error, duckdb.PermissionException):
        return Problem(SQL_OUTSIDE, {"tables": listed})
    if isinstance(error, duckdb.OutOfMemoryException | MemoryError):
        return Problem(SQL_MEMORY, {"limit": memory_limit})
    if not isinstance(error, Exception):
        raise error  # KeyboardInterrupt and the like
    if isinstance(error, duckdb.ParserException):
        return _statement_error(sql, error)
    pos = position_from_message(sql, str(error))
    missing = re.search(r"Table with name (.+?) does not exist", str(error))
    if missing and pos:
        return Problem(SQL_UNKNOWN_TABLE, {"line": pos[0], "column": pos[1], "name": missing.group(1),
                                           "tables": listed})
    if pos:
        return Problem(SQL_ERROR, {"line": pos[0], "column": pos[1], "detail": _detail(error)})
    return Problem(SQL_ERROR_NOPOS, {"detail": _detail(error)})


def _seconds(value: float) -> str:
    return f"{value:g}"


def build_sandbox(con_or_tables: duckdb.DuckDBPyConnection | Mapping[str, TableSource] | Sandbox,
                  *, memory_limit: str = DEFAULT_MEMORY_LIMIT) -> Sandbox:
    """A :class:`Sandbox` from a connection (tables copied to Arrow once) or a dict of frames."""
    if isinstance(con_or_tables, Sandbox):
        return con_or_tables
    if isinstance(con_or_tables, duckdb.DuckDBPyConnection):
        return Sandbox.from_connection(con_or_tables, memory_limit=memory_limit)
    return Sandbox(con_or_tables, memory_limit=memory_limit)


def run_readonly_query(con_or_tables: duckdb.DuckDBPyConnection | Mapping[str, TableSource] | Sandbox,
                       sql: str, *, max_rows: int = 10_000, timeout_s: float = 10.0,
                       memory_limit: str = DEFAULT_MEMORY_LIMIT) -> QueryResult:
    """Run one read-only SELECT over the loaded tables; at most ``max_rows`` rows, stopped after
    ``timeout_s`` s, in a worker process that cannot take more than about ``memory_limit`` × 1.5.

    Raises ``InputError`` with one Problem (English and Chinese text; line and column of the
    mistake in ``params`` for syntax and binding errors) for anything refused or failing.
    Pass a :class:`Sandbox` (see :func:`build_sandbox`) to avoid copying the tables per query.
    """
    if max_rows < 0:
        raise ValueError("max_rows must be >= 0")
    return build_sandbox(con_or_tables, memory_limit=memory_limit).run(sql, max_rows=max_rows, timeout_s=timeout_s)
