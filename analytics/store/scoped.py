"""A scope's own copy of the loaded data: only the rows a rep or a manager may read.

Defence in depth for ``analytics.access.Scope``: the session's cursor for a rep or a manager is
on a separate in-memory DuckDB that *holds only their rows*, so an analytics call that ignores
filters (a by-rep chart built with ``filters.without("rep")``, a leaderboard, Explore's SQL,
the report) still cannot read another rep's deals: they are not there. Schema names, ``main.``,
``information_schema`` and catalogue functions find nothing more, and the copy is opened with
external access off (no ``read_csv`` of the workspace file, no ``ATTACH``), configuration locked.

A copy rather than filtered views over the shared tables: a view lives beside the table it
filters, and the SQL guard would then be the only wall between a rep and ``main.deals``.
The values that select rows travel as bound parameters, never in SQL text.

Which rows:

- rep: deals, targets, surveys, peer reviews and activities whose ``rep`` is the user's rep
  (a survey also when its ``deal_id`` is one of their deals);
- manager: the same tables for the reps of their team(s) (a deal's ``team`` column, else the
  team a target row or another deal gives the rep), plus their teams' own target rows;
- campaigns, markets and currency rates (company-level, no person's figures) in full.

The team and company totals and the attainment leaderboard a rep may see come from
``analytics.metrics.standing`` on the full data, which returns aggregates only.
"""

from __future__ import annotations

import duckdb

from analytics.access import Scope
from analytics.sql import quote_identifier
from analytics.store.schema import TABLES

#: Person-level tables and the column that names the person.
_BY_REP = ("deals", "targets", "surveys", "peer_reviews", "activities")
_SNAPSHOT_TABLES = ("snap_index", "snap_states", "snap_members")


def restricts_rows(scope: Scope) -> bool:
    """Whether ``scope`` reads a slice of the rows (rep, manager) rather than all of them."""
    return scope.mode == "team" and scope.role in ("rep", "manager")


def scope_key(scope: Scope) -> str:
    """The part of a cache key that names the rows ``scope`` reads ("" when all rows)."""
    if not restricts_rows(scope):
        return ""
    f = scope.row_filters
    return f"{scope.role}:{'|'.join(f.rep)}:{'|'.join(f.team)}"


def allowed_reps(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[str]:
    """The reps whose rows ``scope`` reads (a manager's: every rep any deal or target puts in
    their teams)."""
    f = scope.row_filters
    if scope.role == "rep":
        return list(f.rep)
    teams = list(f.team)
    marks = ", ".join("?" for _ in teams)
    # the tables that name a rep's team (a snapshot-only connection has just snap_states)
    sources = [name for name in ("deals", "targets", "snap_states") if name in _tables(con)]
    if not sources:
        return []
    rows = con.execute(
        " UNION ".join(f"SELECT DISTINCT rep FROM {name} WHERE rep IS NOT NULL AND team IN ({marks})"
                       for name in sources), teams * len(sources)).fetchall()
    return sorted(str(r[0]) for r in rows)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary").fetchall()}


def scoped_connection(full: duckdb.DuckDBPyConnection, scope: Scope) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB holding only ``scope``'s rows of ``full`` (see the module note)."""
    if not restricts_rows(scope):
        raise ValueError("only a rep's or a manager's scope restricts rows")
    cur = full.cursor()
    present = _tables(cur)
    reps = allowed_reps(cur, scope) or ["\x00nobody"]
    teams = list(scope.row_filters.team) if scope.role == "manager" else []
    rep_marks = ", ".join("?" for _ in reps)
    out = duckdb.connect(":memory:")
    for name in [*TABLES, *_SNAPSHOT_TABLES]:
        if name not in present:
            continue
        cols = {r[0] for r in cur.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?",
            [name]).fetchall()}
        cond, params = "TRUE", []
        if name in _BY_REP or name == "snap_states":
            cond, params = f"rep IN ({rep_marks})", list(reps)
            if name == "surveys" and "deal_id" in cols:
                cond = f"({cond} OR deal_id IN (SELECT deal_id FROM deals WHERE rep IN ({rep_marks})))"
                params += reps
            if name == "targets" and teams:
                # a manager's own team target rows (no rep) are theirs to read too
                cond = f"({cond} OR (rep IS NULL AND team IN ({', '.join('?' for _ in teams)})))"
                params += teams
        elif name == "snap_members":
            cond = (f"state_id IN (SELECT state_id FROM snap_states WHERE rep IN ({rep_marks}))")
            params = list(reps)
        table = cur.sql(f"SELECT * FROM {quote_identifier(name)} WHERE {cond}", params=params).to_arrow_table()
        out.register("_incoming", table)
        out.execute(f"CREATE TABLE {quote_identifier(name)} AS SELECT * FROM _incoming")
        out.unregister("_incoming")
    # Nothing outside this copy: no files, URLs or attached databases, and no way to turn it back on.
    out.execute("SET enable_external_access = false")
    out.execute("SET lock_configuration = true")
    return out


def names_nobody(full: duckdb.DuckDBPyConnection, scope: Scope) -> bool:
    """Whether a rep's or manager's account names no rep or team found in the data (``full``):
    their copy is then empty because of the account's mapping, not because nothing was loaded,
    and the page must say so rather than "no deals imported"."""
    if not restricts_rows(scope):
        return False
    present = [name for name in ("deals", "targets") if name in _tables(full)]
    if not present:
        return False  # nothing loaded at all: the pages' own notices say that
    return not allowed_reps(full, scope) if scope.role == "manager" else not any(
        full.execute(f"SELECT 1 FROM {name} WHERE rep = ? LIMIT 1", [scope.row_filters.rep[0]]).fetchone()
        for name in present)
