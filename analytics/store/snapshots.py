"""Snapshots of the pipeline: the deals table as exported on given days, stored compactly.

Every publish of deals is a snapshot dated by its publish time (or a date the user gives, for
an old export uploaded late). A snapshot keeps only the columns the pipeline comparison needs
(``SNAPSHOT_COLUMNS``). Rows are stored once as *states* (a deal's values at some time) and a
snapshot is the list of its states, so a deal that did not change between two weekly exports
costs one membership row (two integers), not a copy of the row:

- ``snap_index(snapshot_id, taken_on, version, source, rows, untracked, currency, repeated)``
- ``snap_states(state_id, state_hash, deal_id, rep, team, stage, status, amount, close_date)``
- ``snap_members(snapshot_id, state_id)``

``snapshot_view`` exposes one snapshot as a deals-shaped view for
``analytics.metrics.changes``. ``sample_history`` builds the sample company's year of weekly
snapshots from its deals (stage-entry dates, and deterministic pushes and amount changes).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import duckdb
import pandas as pd

SNAPSHOT_COLUMNS: tuple[str, ...] = ("deal_id", "rep", "team", "stage", "status", "amount", "close_date")
_TYPES = {"deal_id": "VARCHAR", "rep": "VARCHAR", "team": "VARCHAR", "stage": "VARCHAR", "status": "VARCHAR",
          "amount": "DOUBLE", "close_date": "DATE"}
_HASHED = ", ".join(SNAPSHOT_COLUMNS)


def ensure_schema(con: duckdb.DuckDBPyConnection, schema: str = "main") -> None:
    cols = ", ".join(f"{c} {_TYPES[c]}" for c in SNAPSHOT_COLUMNS)
    con.execute(f"CREATE TABLE IF NOT EXISTS {schema}.snap_index (snapshot_id INTEGER PRIMARY KEY, taken_on DATE, "
                f"version INTEGER, source VARCHAR, rows BIGINT, untracked BIGINT)")
    # The deals' currency (None: none recorded or several), so that snapshots in different
    # currencies are never compared; added to workspaces made before it was kept.
    con.execute(f"ALTER TABLE {schema}.snap_index ADD COLUMN IF NOT EXISTS currency VARCHAR")
    # Rows repeating a deal id in the snapshot (None: not counted, made before it was kept): the
    # comparison skips the unchanged deals only when both snapshots have none.
    con.execute(f"ALTER TABLE {schema}.snap_index ADD COLUMN IF NOT EXISTS repeated BIGINT")
    con.execute(f"CREATE TABLE IF NOT EXISTS {schema}.snap_states (state_id BIGINT, state_hash UBIGINT, {cols})")
    con.execute(f"CREATE TABLE IF NOT EXISTS {schema}.snap_members (snapshot_id INTEGER, state_id BIGINT)")


def record(con: duckdb.DuckDBPyConnection, deals: str, taken_on: date, *, version: int | None = None,
           source: str = "", schema: str = "main") -> int:
    """Store the deals table (or view) named ``deals`` as a new snapshot; returns its id.

    Only states not seen before are added; every row of ``deals`` becomes one membership row,
    so repeated ids and deals without an id are kept as they were exported.
    """
    ensure_schema(con, schema)
    s = schema
    new_id = int(con.execute(f"SELECT coalesce(max(snapshot_id), 0) + 1 FROM {s}.snap_index").fetchall()[0][0])
    select = ", ".join(f"{c}::{_TYPES[c]} AS {c}" for c in SNAPSHOT_COLUMNS)
    con.execute(f"CREATE OR REPLACE TEMP TABLE _snap_rows AS SELECT {select}, hash({_HASHED}) AS state_hash "
                f'FROM "{deals}"')
    base = int(con.execute(f"SELECT coalesce(max(state_id), 0) FROM {s}.snap_states").fetchall()[0][0])
    con.execute(
        f"""INSERT INTO {s}.snap_states
        SELECT {base} + row_number() OVER (ORDER BY state_hash) AS state_id, state_hash, {_HASHED}
        FROM (SELECT DISTINCT ON (state_hash) * FROM _snap_rows r
              WHERE NOT EXISTS (SELECT 1 FROM {s}.snap_states t WHERE t.state_hash = r.state_hash))""")
    con.execute(
        f"""INSERT INTO {s}.snap_members
        SELECT {new_id}, t.state_id FROM _snap_rows r JOIN {s}.snap_states t USING (state_hash)
        ORDER BY t.state_id""")
    rows, untracked, repeated = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE deal_id IS NULL), count(deal_id) - count(DISTINCT deal_id) "
        "FROM _snap_rows").fetchall()[0]
    currency = None
    if "currency" in {r[0] for r in con.execute(f'DESCRIBE "{deals}"').fetchall()}:
        found = con.execute(f'SELECT DISTINCT currency FROM "{deals}" WHERE currency IS NOT NULL').fetchall()
        currency = str(found[0][0]) if len(found) == 1 else None
    con.execute(f"INSERT INTO {s}.snap_index (snapshot_id, taken_on, version, source, rows, untracked, currency, "
                "repeated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [new_id, taken_on, version, source, int(rows), int(untracked), currency, int(repeated)])
    con.execute("DROP TABLE _snap_rows")
    return new_id


def snapshot_list(con: duckdb.DuckDBPyConnection, schema: str = "main") -> pd.DataFrame:
    """snapshot_id, taken_on, version, source, rows, untracked, currency, repeated — oldest first; empty when none."""
    try:
        return con.execute(f"SELECT * FROM {schema}.snap_index ORDER BY taken_on, snapshot_id").df()
    except duckdb.CatalogException:
        return pd.DataFrame(columns=["snapshot_id", "taken_on", "version", "source", "rows", "untracked", "currency",
                                     "repeated"])


def snapshot_view(con: duckdb.DuckDBPyConnection, snapshot_id: int, name: str, schema: str = "main") -> str:
    """Create the temp view ``name`` holding snapshot ``snapshot_id`` as deals rows; returns ``name``."""
    sid = int(snapshot_id)  # an integer: safe to place in the view's text
    con.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT {_HASHED} FROM {schema}.snap_members m '
                f"JOIN {schema}.snap_states t USING (state_id) WHERE m.snapshot_id = {sid}")
    return name


def sample_history(con: duckdb.DuckDBPyConnection, end: date, weeks: int = 52) -> None:
    """Record ``weeks`` weekly snapshots of the ``deals`` table ending on ``end`` (a Monday).

    The sample's deals carry their final state and stage-entry dates; each week's export is
    rebuilt from them: a deal exists once created; its stage is the last one entered by that
    day; it is open until its close date. To give the history the pushes and amount changes of
    a real pipeline, deterministically (by the deal id's md5) one deal in three was first
    expected 1–3 fortnights before it finally closed and slipped by a fortnight at even steps
    of its life, and one in five had its amount revised once, half-way (down 20 % or up 25 %).
    """
    ensure_schema(con)
    first = end - timedelta(weeks=weeks - 1)
    con.execute("CREATE OR REPLACE TEMP TABLE _sample_days AS "
                "SELECT (?::DATE + (7 * i)::INTEGER) AS taken_on FROM range(?) t(i)", [first, weeks])
    try:
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _sample_weeks AS
            WITH d AS MATERIALIZED (
              SELECT *, (md5_number(deal_id) % 1000003)::INTEGER AS h,
                     coalesce(created_date, close_date - 60) AS born
              FROM deals),
            w AS (
              SELECT d.*, k.taken_on AS day, greatest(close_date - born, 1) AS life,
                     greatest(k.taken_on - born, 0) AS age,
                     (h % 3 = 0)::INTEGER * (1 + (h // 3) % 3)::INTEGER AS pushes
              FROM d JOIN _sample_days k ON d.born <= k.taken_on),
            s AS (
              SELECT day, deal_id, rep, team,
                CASE WHEN status <> 'open' AND close_date <= day THEN stage
                     WHEN entered_negotiation <= day THEN 'Negotiation'
                     WHEN entered_communication <= day THEN 'Communication'
                     ELSE 'Prospecting' END AS stage,
                CASE WHEN status <> 'open' AND close_date <= day THEN status ELSE 'open' END AS status,
                (CASE WHEN status <> 'open' AND close_date <= day THEN amount
                      WHEN h % 5 = 0 AND age * 2 < life THEN round(amount * 1.25, -2)
                      WHEN h % 5 = 1 AND age * 2 < life THEN round(amount * 0.8, -2)
                      ELSE amount END)::DOUBLE AS amount,
                (CASE WHEN status <> 'open' AND close_date <= day THEN close_date
                      ELSE close_date - (14 * (pushes - least(pushes, (age * (pushes + 1)) // life)))::INTEGER
                      END)::DATE AS close_date
              FROM w)
            SELECT *, hash(deal_id, rep, team, stage, status, amount, close_date) AS state_hash FROM s"""
        )
    finally:
        con.execute("DROP TABLE IF EXISTS _sample_days")
    base_snap = int(con.execute("SELECT coalesce(max(snapshot_id), 0) FROM snap_index").fetchall()[0][0])
    base_state = int(con.execute("SELECT coalesce(max(state_id), 0) FROM snap_states").fetchall()[0][0])
    con.execute(
        f"""INSERT INTO snap_states
        SELECT {base_state} + row_number() OVER (ORDER BY state_hash), state_hash, {_HASHED}
        FROM (SELECT DISTINCT ON (state_hash) * FROM _sample_weeks w
              WHERE NOT EXISTS (SELECT 1 FROM snap_states t WHERE t.state_hash = w.state_hash))""")
    con.execute(
        f"""INSERT INTO snap_members
        SELECT {base_snap} + dense_rank() OVER (ORDER BY w.day), t.state_id
        FROM _sample_weeks w JOIN snap_states t USING (state_hash) ORDER BY w.day, t.state_id""")
    con.execute(
        f"""INSERT INTO snap_index (snapshot_id, taken_on, version, source, rows, untracked, repeated)
        SELECT {base_snap} + dense_rank() OVER (ORDER BY day), day, NULL, 'sample', count(*),
               count(*) FILTER (WHERE deal_id IS NULL), count(deal_id) - count(DISTINCT deal_id)
        FROM _sample_weeks GROUP BY day""")
    con.execute("DROP TABLE _sample_weeks")


def sample_history_end(con: duckdb.DuckDBPyConnection) -> date:
    """The Monday on or before the last day a sample deal was created: the newest weekly export."""
    last = con.execute("SELECT max(created_date) FROM deals").fetchall()[0][0] or date.today()
    return last - timedelta(days=last.weekday())


# --- a series of exports dated by their file names ---------------------------------------------

_NAME_DATES = (
    # 2026-03-01, 2026_03_01, 2026.03.01, 20260301 (year first, one separator or none)
    (re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)"), (1, 3, 4)),
    # 01.03.2026 (day first, dots: the European way; 03-01-2026 is left to the user, it could be US)
    (re.compile(r"(?<!\d)(\d{1,2})(\.)(\d{1,2})\2(\d{4})(?!\d)"), (4, 3, 1)),
    # 2026年3月1日
    (re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日"), (1, 3, 4)),
)


def date_in_file_name(name: str) -> date | None:
    """The export date a file name states (``deals_2026-03-01.csv``, ``20260301``, ``2026_03_01``,
    ``01.03.2026``, ``2026年3月1日``); None when it states none, or two different ones (the user
    then enters the date: a guess would file the snapshot under the wrong week)."""
    found: set[date] = set()
    for pattern, (y, m, d) in _NAME_DATES:
        for match in pattern.finditer(name):
            try:
                found.add(date(int(match.group(y)), int(match.group(m)), int(match.group(d))))
            except ValueError:
                continue  # 20261399: digits, not a date
    return found.pop() if len(found) == 1 else None
