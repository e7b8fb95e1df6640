"""Canonical tables in DuckDB: the typed layout every metric queries.

Every canonical table is created with *all* its schema columns, so a metric can reference
``segment`` or ``entered_negotiation`` whether or not the user's file had it (absent columns
are NULL). Period-typed columns get ``<col>_start``/``<col>_end`` DATE companions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

import duckdb
import numpy as np
import pandas as pd

from analytics.store.schema import SOURCE_ROW, STAGES, TABLES, stage_entry_column

_SQL_TYPES = {
    "text": "VARCHAR",
    "status": "VARCHAR",
    "number": "DOUBLE",
    "probability": "DOUBLE",
    "score": "DOUBLE",
    "date": "DATE",
    "period": "VARCHAR",
}


def table_layout(table: str) -> list[tuple[str, str]]:
    """(column, SQL type) for a canonical table, in order, including derived columns."""
    out: list[tuple[str, str]] = []
    for col in TABLES[table].columns:
        out.append((col.name, _SQL_TYPES[col.type]))
        if col.type == "period":
            out += [(f"{col.name}_start", "DATE"), (f"{col.name}_end", "DATE")]
    if table == "deals":
        out += [(stage_entry_column(s.key), "DATE") for s in STAGES]
    out.append((SOURCE_ROW, "BIGINT"))
    return out


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every canonical column present, in canonical order, with canonical dtypes.

    Extra columns are dropped. Dates become ``datetime64`` normalised to midnight.
    """
    layout = table_layout(table)
    columns: dict[str, pd.Series] = {}
    # A column the frame lacks is made empty in its type at once: converting a million Nones
    # (six stage-entry dates, a dozen text fields) took a second of a 1M-row import.
    empty = {"DATE": pd.Series(pd.NaT, index=frame.index, dtype="datetime64[us]"),
             "DOUBLE": pd.Series(np.nan, index=frame.index, dtype="float64"),
             "BIGINT": pd.Series(pd.NA, index=frame.index, dtype="Int64")}
    for name, sql_type in layout:
        if name not in frame.columns:
            columns[name] = empty.get(sql_type)
            if columns[name] is None:
                columns[name] = pd.Series(np.nan, index=frame.index, dtype="str")
            continue
        values = frame[name]
        # Columns that already have the right type (the importer's output) are taken as they are:
        # converting 100k cells again costs more than the whole parse.
        if sql_type == "DATE":
            if values.dtype != "datetime64[us]":
                values = pd.to_datetime(values, errors="coerce").dt.normalize().astype("datetime64[us]")
        elif sql_type == "DOUBLE":
            if values.dtype != "float64":
                values = pd.to_numeric(values, errors="coerce").astype("float64")
        elif sql_type == "BIGINT":
            values = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif values.dtype != "str":
            # pandas' text type keeps missing values missing (None → NaN → NULL in DuckDB).
            values = values.astype("str")
        columns[name] = values
    return pd.DataFrame(columns).reset_index(drop=True)


def create_table(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame | None) -> None:
    """(Re)create canonical ``table`` in ``con`` from ``frame`` (None or empty → zero rows)."""
    layout = table_layout(table)
    cols_sql = ", ".join(f'"{n}" {t}' for n, t in layout)
    con.execute(f'CREATE OR REPLACE TABLE "{table}" ({cols_sql})')
    if frame is not None and len(frame):
        data = conform(table, frame)
        con.register("_incoming", data)
        try:
            names = ", ".join(f'"{n}"' for n, _ in layout)
            con.execute(f'INSERT INTO "{table}" SELECT {names} FROM _incoming')
        finally:
            con.unregister("_incoming")
        if table == "deals":
            mark_unique_deal_ids(con)


def connect(tables: Mapping[str, pd.DataFrame | None] | None = None,
            con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB (or ``con``) holding every canonical table, empty where not given."""
    con = con or duckdb.connect(":memory:")
    tables = tables or {}
    for name in TABLES:
        create_table(con, name, tables.get(name))
    compact(con)
    return con


def compact(con: duckdb.DuckDBPyConnection) -> None:
    """Compress the tables just loaded into ``con`` (dictionary, bit-packing; a no-op on failure).

    DuckDB keeps freshly inserted rows uncompressed until a checkpoint, in memory too. After one,
    a filter such as ``team = 'East'`` is evaluated once per dictionary entry instead of once per
    row: several times faster on a million deals, and the tables take a fraction of the memory.
    Results are unchanged (same rows, same order). Call it once after loading data.
    """
    with contextlib.suppress(duckdb.Error):  # e.g. another transaction is open: just not compressed yet
        con.execute("CHECKPOINT")
    if not deal_ids_unique(con):
        mark_unique_deal_ids(con)


# Whether every deal row has its own deal_id is a property of the loaded table that metrics use to
# skip de-duplicating order lines (reading a million distinct ids costs more than the rest of a
# query). It is recorded as the comment of the deals table together with the row count it was
# checked on, so rows inserted later invalidate it; CREATE OR REPLACE drops it.
_UNIQUE_IDS = "unique deal ids in {rows} rows"


def mark_unique_deal_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Check whether every row of ``deals`` has its own non-NULL ``deal_id`` and record the answer."""
    rows, unique = con.execute("SELECT count(*), count(DISTINCT deal_id) = count(*) FROM deals").fetchall()[0]
    note = f"'{_UNIQUE_IDS.format(rows=int(rows))}'" if unique and rows else "NULL"  # an int: no user text
    con.execute(f"COMMENT ON TABLE deals IS {note}")


def deal_ids_unique(con: duckdb.DuckDBPyConnection) -> bool:
    """True when ``deals.deal_id`` is known to be unique and never NULL: recorded by
    :func:`mark_unique_deal_ids` (at load) on as many rows as the table has now. False when unknown."""
    rows = con.execute(
        "SELECT comment, (SELECT count(*) FROM deals) FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'deals'").fetchall()
    return bool(rows) and rows[0][0] == _UNIQUE_IDS.format(rows=rows[0][1])


