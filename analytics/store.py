"""Canonical tables in DuckDB: the typed layout every metric queries.

Every canonical table is created with *all* its schema columns, so a metric can reference
``segment`` or ``entered_negotiation`` whether or not the user's file had it (absent columns
are NULL). Period-typed columns get ``<col>_start``/``<col>_end`` DATE companions.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from analytics.schema import SOURCE_ROW, STAGES, TABLES, Column, stage_entry_column

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


def empty_frame(table: str) -> pd.DataFrame:
    """A zero-row frame with the canonical columns and dtypes of ``table``."""
    return conform(table, pd.DataFrame())


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every canonical column present, in canonical order, with canonical dtypes.

    Extra columns are dropped. Dates become ``datetime64`` normalised to midnight.
    """
    layout = table_layout(table)
    out = pd.DataFrame(index=frame.index)
    for name, sql_type in layout:
        values = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index)
        if sql_type == "DATE":
            out[name] = pd.to_datetime(values, errors="coerce").dt.normalize().astype("datetime64[us]")
        elif sql_type in ("DOUBLE",):
            out[name] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif sql_type == "BIGINT":
            out[name] = pd.to_numeric(values, errors="coerce").astype("Int64")
        else:
            out[name] = values.astype("str").where(values.notna(), None) if len(values) else values.astype("str")
    return out.reset_index(drop=True)


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


def connect(tables: Mapping[str, pd.DataFrame | None] | None = None,
            con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB (or ``con``) holding every canonical table, empty where not given."""
    con = con or duckdb.connect(":memory:")
    tables = tables or {}
    for name in TABLES:
        create_table(con, name, tables.get(name))
    return con


def column_types(table: str) -> dict[str, str]:
    return dict(table_layout(table))


def canonical_column(table: str, name: str) -> Column:
    return TABLES[table].column(name)
