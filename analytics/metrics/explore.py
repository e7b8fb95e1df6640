"""Ad-hoc analysis over any loaded table: pivots, joins and the list of tables.

Everything aggregates in DuckDB; pandas only reshapes the small grouped result. Table and
column names are checked against the connection's catalogue and quoted; every
value a user picked (filters) is passed as a ``?`` parameter.

Dimension syntax: a dimension (row, column or filter key) is a column name, or
``"column:grain"`` for a date column grouped by ``day`` (``2026-10-05``), ``week`` (ISO,
``2026-W41``), ``month`` (``2026-10``), ``quarter`` (calendar, ``2026-Q4``) or ``year``
(``2026``). The labels match :mod:`analytics.periods` keys and sort in time order. A text
column holding dates can be grouped too (values that are not dates become NULL). In the
results a grouped dimension is named ``column_grain`` (``created_date_month``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from analytics.messages import InputError, Problem
from analytics.sql import quote_identifier

AGGREGATIONS = ("sum", "count", "count_distinct", "mean", "median", "min", "max", "share")
GRAINS = ("day", "week", "month", "quarter", "year")
JOIN_KINDS = ("left", "inner", "right", "full")
BLANK_LABEL = "(blank)"

EXPLORE_NO_TABLE = "explore_no_table"
EXPLORE_NO_COLUMN = "explore_no_column"
EXPLORE_BAD_AGG = "explore_bad_agg"
EXPLORE_NEEDS_VALUES = "explore_needs_values"
EXPLORE_NOT_NUMERIC = "explore_not_numeric"
EXPLORE_BAD_GRAIN = "explore_bad_grain"
EXPLORE_BAD_SORT = "explore_bad_sort"
EXPLORE_BAD_JOIN = "explore_bad_join"
EXPLORE_JOIN_KEYS = "explore_join_keys"
EXPLORE_BAD_NAME = "explore_bad_name"

_NUMERIC = re.compile(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|REAL|DECIMAL.*|NUMERIC.*)$")
_TEMPORAL = re.compile(r"^(DATE|TIMESTAMP.*)$")
_TABLE_NAME = re.compile(r"^[^\W\d]\w{0,62}$")




# --- catalogue --------------------------------------------------------------------------------

def _table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def _columns_of(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, dict[str, str]]:
    """(real table name, {column: type}) of a loaded table, matched exactly or else ignoring case."""
    name = str(table)
    if name and "." not in name and '"' not in name:
        try:  # fast path (0.2 ms): a catalogue lookup by name, no SQL text
            relation = con.table(name)
            return name, dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
        except duckdb.CatalogException:
            pass
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' "
        "AND (table_name = ? OR lower(table_name) = lower(?)) ORDER BY table_name = ? DESC, table_name, column_index",
        [str(table), str(table), str(table)]).fetchall()
    names = sorted({r[0] for r in rows})
    real = str(table) if str(table) in names else names[0] if len(names) == 1 else None
    if real is None:
        listed = ", ".join(_table_names(con)) or "-"
        raise InputError(Problem(EXPLORE_NO_TABLE, {"table": table, "tables": listed}))
    return real, {r[1]: str(r[2]) for r in rows if r[0] == real}


def describe(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """Column name → DuckDB type of a loaded ``table`` (raises ``InputError`` if it is not loaded)."""
    return _columns_of(con, table)[1]


def list_tables(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per loaded table or view: name, rows, columns, kind ('table' or 'view'); names starting '_' hidden."""
    catalogue = con.execute(
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_name").fetchall()
    out = []
    for name, kind in catalogue:
        if str(name).startswith("_"):
            continue
        rows = con.execute(f"SELECT count(*) FROM {quote_identifier(name)}").fetchall()[0][0]
        columns = len(con.execute(f"DESCRIBE {quote_identifier(name)}").fetchall())
        out.append({"name": name, "rows": int(rows), "columns": columns,
                    "kind": "view" if kind == "VIEW" else "table"})
    frame = pd.DataFrame(out, columns=["name", "rows", "columns", "kind"])
    return frame.astype({"rows": "int64", "columns": "int64"})


def add_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> str:
    """Store an uploaded ``frame`` as table ``name`` (replacing one of that name) with its own column types."""
    if not _TABLE_NAME.match(str(name)):
        raise InputError(Problem(EXPLORE_BAD_NAME, {"name": name}))
    view = "_explore_incoming"
    con.register(view, frame)
    try:
        con.execute(f"CREATE OR REPLACE TABLE {quote_identifier(name)} AS SELECT * FROM {view}")
    finally:
        con.unregister(view)
    return name


# --- dimensions -------------------------------------------------------------------------------

#: How a grouped date is written: the labels of analytics.periods (2026-10, 2026-Q4, 2026).
_GRAIN_LABELS = {
    "day": "strftime({x}, '%Y-%m-%d')",
    "week": "strftime({x}, '%G-W%V')",
    "month": "strftime({x}, '%Y-%m')",
    "quarter": "strftime({x}, '%Y') || '-Q' || CAST(quarter({x}) AS VARCHAR)",
    "year": "strftime({x}, '%Y')",
}


@dataclass(frozen=True)
class _Dim:
    spec: str
    column: str
    grain: str | None
    group_sql: str  # what rows are grouped by (a truncated date for a grain: cheap, sorts in time)
    label: str  # template turning the grouped value {x} into the shown label
    output: str
    is_time: bool

    @property
    def value_sql(self) -> str:
        """The shown value computed per row (used by filters)."""
        return self.label.format(x=self.group_sql)


def _dim(spec: str, types: dict[str, str], table: str, con: duckdb.DuckDBPyConnection | None = None) -> _Dim:
    column, _, grain = str(spec).partition(":")
    column, grain = column.strip(), grain.strip().lower() or None
    real = _column(column, types, table)
    kind = types[real].upper()
    if grain is None:
        return _Dim(spec, real, None, quote_identifier(real), "{x}", real, bool(_TEMPORAL.match(kind)))
    if grain not in GRAINS or not (_TEMPORAL.match(kind) or kind == "VARCHAR"):
        raise InputError(Problem(EXPLORE_BAD_GRAIN, {"column": real, "grain": grain, "choices": ", ".join(GRAINS)}))
    ts = f"TRY_CAST({quote_identifier(real)} AS TIMESTAMP)" if kind == "VARCHAR" else quote_identifier(real)
    if kind == "VARCHAR" and con is not None:
        parsed, present = con.execute(
            f"SELECT count({ts}), count({quote_identifier(real)}) FROM {quote_identifier(table)}").fetchall()[0]
        if present and not parsed:  # text that holds no dates at all
            raise InputError(Problem(EXPLORE_BAD_GRAIN, {"column": real, "grain": grain,
                                                         "choices": ", ".join(GRAINS)}))
    group_sql = f"CAST(date_trunc('{grain}', {ts}) AS DATE)"
    return _Dim(spec, real, grain, group_sql, _GRAIN_LABELS[grain], f"{real}_{grain}", True)


def _column(column: str, types: dict[str, str], table: str) -> str:
    if column in types:
        return column
    folded = [c for c in types if c.lower() == column.lower()]
    if len(folded) == 1:
        return folded[0]
    raise InputError(Problem(EXPLORE_NO_COLUMN, {"table": table, "column": column,
                                                 "columns": ", ".join(types)}))


def _param(value: Any) -> Any:
    """A filter value as DuckDB accepts it (numpy and pandas scalars unwrapped)."""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _where(filters: dict[str, list] | None, types: dict[str, str], table: str,
           con: duckdb.DuckDBPyConnection | None = None) -> tuple[str, list[Any]]:
    """AND of ``dim IN (?, …)`` per filter (None in the list matches blanks); an empty list filters nothing."""
    parts: list[str] = []
    params: list[Any] = []
    for spec, values in (filters or {}).items():
        values = list(values) if values is not None else []
        if not values:
            continue
        dim = _dim(spec, types, table, con)
        present = [_param(v) for v in values if not _is_missing(v)]
        alternatives = []
        if present:
            alternatives.append(f"{dim.value_sql} IN ({', '.join('?' for _ in present)})")
            params.extend(present)
        if len(present) < len(values):
            alternatives.append(f"{dim.value_sql} IS NULL")
        parts.append("(" + " OR ".join(alternatives) + ")")
    return (" AND ".join(parts) if parts else "TRUE"), params


# --- pivot ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PivotResult:
    """A pivot: ``long`` (tidy: one row per cell, no totals), ``wide`` (display, with totals) and a chart hint.

    ``value_name`` names the value column of ``long`` (``sum_amount``, ``count``, ``share_amount``);
    share values are fractions of the grand total (0.25, not 25). ``dropped_columns`` counts
    column keys left out of ``wide`` by ``limit_cols`` (``long`` keeps them all).
    """

    long: pd.DataFrame
    wide: pd.DataFrame
    chart_kind: str
    value_name: str
    row_dims: list[str]
    col_dims: list[str]
    time_dims: list[str]
    agg: str
    grand_total: Any
    dropped_columns: int = 0
    sql: str = field(default="", repr=False)


_SMALL_INTS = re.compile(r"^U?(TINYINT|SMALLINT|INTEGER|INT|BIGINT)$")


@dataclass(frozen=True)
class _Measure:
    value_sql: str  # the per-row value _v
    cell_sql: str  # first pass, per cell (comma-separated partial aggregates _p0, _p1…)
    total_sql: str  # second pass over cells, any grouping set
    direct_sql: str  # single pass over rows, when partials cannot be combined (median, distinct)
    combinable: bool
    name: str


def _measure(agg: str, values: str | None, types: dict[str, str], table: str) -> _Measure:
    """How to compute ``agg``: sums, counts, minima, maxima and means combine from per-cell partials."""
    if agg not in AGGREGATIONS:
        raise InputError(Problem(EXPLORE_BAD_AGG, {"agg": agg, "choices": ", ".join(AGGREGATIONS)}))
    if values is None:
        if agg not in ("count", "share"):
            raise InputError(Problem(EXPLORE_NEEDS_VALUES, {"agg": agg}))
        return _Measure("1", "count(*) AS _p0", "CAST(COALESCE(sum(_p0), 0) AS BIGINT)", "",
                        True, "count" if agg == "count" else "share_count")
    real = _column(values, types, table)
    kind = types[real].upper()
    expr = quote_identifier(real)
    if agg in ("sum", "mean", "median", "share"):
        if kind == "BOOLEAN":
            expr, kind = f"CAST({expr} AS INTEGER)", "INTEGER"
        elif not _NUMERIC.match(kind):
            raise InputError(Problem(EXPLORE_NOT_NUMERIC, {"agg": agg, "column": real, "kind": kind}))
    name = f"{agg}_{real}"
    total_sum = "CAST(sum(_p0) AS BIGINT)" if _SMALL_INTS.match(kind) and agg == "sum" else "sum(_p0)"
    if agg in ("sum", "share"):
        return _Measure(expr, "sum(_v) AS _p0", total_sum, "", True, name)
    if agg == "count":
        return _Measure(expr, "count(_v) AS _p0", "CAST(COALESCE(sum(_p0), 0) AS BIGINT)", "", True, name)
    if agg in ("min", "max"):
        return _Measure(expr, f"{agg}(_v) AS _p0", f"{agg}(_p0)", "", True, name)
    if agg == "mean":
        return _Measure(expr, "sum(_v) AS _p0, count(_v) AS _p1",
                        "CAST(sum(_p0) AS DOUBLE) / NULLIF(sum(_p1), 0)", "", True, name)
    direct = "median(_v)" if agg == "median" else "count(DISTINCT _v)"
    return _Measure(expr, "", "", direct, False, name)


def _pivot_sql(table: str, dims: list[_Dim], n_rows: int, measure: _Measure, where: str) -> str:
    """Rows filtered once, grouped per cell, then row/column/grand totals by GROUPING SETS, labelled, in order."""
    keys = [f"_d{i}" for i in range(len(dims))]
    row_keys, col_keys = keys[:n_rows], keys[n_rows:]
    base = ", ".join([f"{d.group_sql} AS {k}" for d, k in zip(dims, keys, strict=True)] + [f"{measure.value_sql} AS _v"])
    sets: list[tuple[str, ...]] = []
    for s in (tuple(keys), tuple(row_keys), tuple(col_keys), ()):
        if s not in sets:
            sets.append(s)
    grouping = ", ".join("(" + ", ".join(s) + ")" for s in sets)
    flags = "".join(f", GROUPING({k}) AS _g{i}" for i, k in enumerate(keys))
    lead = ", ".join(keys) + ", " if keys else ""
    if measure.combinable:
        cells = (f", cells AS (SELECT {lead}{measure.cell_sql} FROM base"
                 f"{' GROUP BY ' + ', '.join(keys) if keys else ''})")
        totals = f"SELECT {lead}{measure.total_sql} AS _value{flags} FROM cells GROUP BY GROUPING SETS ({grouping})"
    else:
        cells = ""
        totals = f"SELECT {lead}{measure.direct_sql} AS _value{flags} FROM base GROUP BY GROUPING SETS ({grouping})"
    labels = "".join(f"{d.label.format(x=k)} AS _l{i}, " for i, (d, k) in enumerate(zip(dims, keys, strict=True)))
    gsel = "".join(f", _g{i}" for i in range(len(keys)))
    order = ", ".join(f"{k} ASC NULLS LAST" for k in keys) or "_value"
    return (f"WITH base AS (SELECT {base} FROM {quote_identifier(table)} WHERE {where}){cells}, "
            f"totals AS ({totals}) SELECT {labels}_value{gsel} FROM totals ORDER BY {order}")


def pivot(con: duckdb.DuckDBPyConnection, table: str, rows: list[str], columns: list[str],
          values: str | None, agg: str, filters: dict[str, list] | None = None, sort: str | None = None,
          totals: bool = True, limit_cols: int = 50, *, total_label: str = "Total") -> PivotResult:
    """Aggregate ``values`` of ``table`` by ``rows`` × ``columns`` in DuckDB (see the module doc for ``col:month``).

    ``agg``: sum, count (rows, or non-blank values), count_distinct, mean, median, min, max,
    share (sum, or row count without ``values``, as a fraction of the grand total; NaN when the
    total is 0). Totals are computed from the data (GROUPING SETS), so the total of a mean or a
    distinct count is right, not a sum of cells. ``filters``: {dimension: [values]}; an empty
    list means all; None in the list matches blanks. ``sort``: None/"label" (rows by label),
    "-label", "value" or "-value" (by row total). ``limit_cols`` keeps the columns with the
    largest totals in ``wide``. A sum/mean/min/max over no rows is blank, never 0; a count is 0.
    """
    table, types = _columns_of(con, table)
    row_dims = [_dim(s, types, table, con) for s in rows]
    col_dims = [_dim(s, types, table, con) for s in columns]
    if sort not in (None, "label", "-label", "value", "-value"):
        raise InputError(Problem(EXPLORE_BAD_SORT, {"sort": sort}))
    measure = _measure(agg, values, types, table)
    where, params = _where(filters, types, table, con)
    dims = row_dims + col_dims
    n_rows, n_cols = len(row_dims), len(col_dims)
    sql = _pivot_sql(table, dims, n_rows, measure, where)
    result = con.execute(sql, params).fetchall()  # small: cells + totals; NULL is None

    # Each row: labels (one per dim), value, GROUPING flags (1 = rolled up) per dim.
    nd = len(dims)
    detail, row_totals, col_totals = [], [], []
    grand: Any = None
    for row in result:
        # Each grouping set rolls up all row dimensions or none, all column dimensions or none.
        rows_rolled = bool(n_rows) and row[nd + 1] == 1
        cols_rolled = bool(n_cols) and row[nd + 1 + n_rows] == 1
        if not rows_rolled and not cols_rolled:
            detail.append(row)
        if (rows_rolled or not n_rows) and (cols_rolled or not n_cols):
            grand = row[nd]
        if n_cols and cols_rolled and not rows_rolled and n_rows:
            row_totals.append(row)
        if n_rows and rows_rolled and not cols_rolled and n_cols:
            col_totals.append(row)
    if not n_cols:
        row_totals = detail
    if not n_rows:
        col_totals = detail
    divide = agg == "share"
    denominator = float(grand) if divide and grand is not None and float(grand) != 0 else math.nan

    def shown(value: Any) -> Any:
        return _scale(value, divide, denominator) if divide else value

    names = [d.output for d in dims]
    long = pd.DataFrame.from_records([r[: nd + 1] for r in detail], columns=[*names, measure.name])
    for d in dims:
        if d.is_time and d.grain is None:
            long[d.output] = pd.to_datetime(long[d.output])
    if divide:
        long[measure.name] = long[measure.name].astype("float64") / denominator

    # Row order: by label (the SQL order) or by row total.
    row_keys = [tuple(r[:n_rows]) for r in row_totals] if n_rows else [()]
    row_values = [shown(r[nd]) for r in row_totals] if n_rows else [shown(grand)]
    order = list(range(len(row_keys)))
    if sort in ("value", "-value"):
        order.sort(key=lambda i: _sort_key(row_values[i]), reverse=sort == "-value")
    elif sort == "-label":
        order.reverse()
    row_keys, row_values = [row_keys[i] for i in order], [row_values[i] for i in order]

    col_keys = [tuple(r[n_rows:nd]) for r in col_totals] if n_cols else []
    col_values = [shown(r[nd]) for r in col_totals] if n_cols else []
    dropped = 0
    if n_cols and limit_cols and len(col_keys) > limit_cols:
        ranked = sorted(range(len(col_keys)), key=lambda i: _sort_key(col_values[i]), reverse=True)
        keep = sorted(ranked[:limit_cols])
        dropped = len(col_keys) - len(keep)
        col_keys, col_values = [col_keys[i] for i in keep], [col_values[i] for i in keep]

    cells = {(tuple(r[:n_rows]), tuple(r[n_rows:nd])): shown(r[nd]) for r in detail}
    fill = 0 if agg in ("count", "count_distinct") or (divide and values is None) else None
    wide = _wide(row_dims, row_keys, row_values, col_keys, col_values, cells, shown(grand), measure.name,
                 totals, total_label, fill)
    return PivotResult(long=long, wide=wide, chart_kind=_chart_kind(row_dims, col_dims),
                       value_name=measure.name, row_dims=[d.output for d in row_dims],
                       col_dims=[d.output for d in col_dims], time_dims=[d.output for d in dims if d.is_time],
                       agg=agg, grand_total=shown(grand), dropped_columns=dropped, sql=sql)


def _scale(value: Any, divide: bool, denominator: float) -> Any:
    if value is None or _is_missing(value):
        return None
    if divide:
        return None if math.isnan(denominator) else float(value) / denominator
    return _plain(value)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _sort_key(value: Any) -> tuple[int, Any]:
    """Sort key that puts blanks first (last when reversed) and never compares a number with None."""
    if _is_missing(value):
        return (0, 0)
    return (1, value)


def _label(values: tuple) -> str:
    parts = []
    for v in values:
        if _is_missing(v):
            parts.append(BLANK_LABEL)
        elif isinstance(v, pd.Timestamp | datetime):
            parts.append(v.date().isoformat() if (v.hour, v.minute, v.second) == (0, 0, 0) else v.isoformat())
        else:
            parts.append(str(v))
    return " / ".join(parts)


def _wide(row_dims: list[_Dim], row_keys: list[tuple], row_values: list[Any], col_keys: list[tuple],
          col_values: list[Any], cells: dict[tuple, Any], grand: Any, value_name: str, totals: bool,
          total_label: str, fill: Any) -> pd.DataFrame:
    """The display table: row dimensions, one column per column key (or the value), totals; blanks as
    '(blank)'. The Total row reads ``total_label`` in the first row dimension and "" in the others."""
    row_names = [d.output for d in row_dims]
    data: dict[str, list[Any]] = {}
    for j, name in enumerate(row_names):
        data[name] = [BLANK_LABEL if _is_missing(k[j]) and not _numeric_dim(row_keys, j) else k[j] for k in row_keys]
    value_columns: list[str] = []
    if col_keys:
        for label, ck in zip(_unique_labels([_label(c) for c in col_keys], set(row_names)), col_keys, strict=True):
            data[label] = [cells.get((rk, ck), fill) for rk in row_keys]
            value_columns.append(label)
        if totals:
            label = _free(total_label, data)
            data[label] = list(row_values)
            value_columns.append(label)
    else:
        data[value_name] = [cells.get((rk, ()), fill) for rk in row_keys]
        value_columns.append(value_name)
    if totals and row_names:
        for j, name in enumerate(row_names):
            # the Total row's other dimensions are empty text, never a missing value ("(blank)" is a value)
            data[name].append(total_label if j == 0 else "")
        bottom = [*col_values, grand] if col_keys else [grand]
        for name, value in zip(value_columns, bottom, strict=True):
            data[name].append(value)
    wide = pd.DataFrame(data)
    dtypes = wide.dtypes
    for name in value_columns:
        if pd.api.types.is_object_dtype(dtypes[name]):  # e.g. a column blank in every row
            numeric = pd.to_numeric(wide[name], errors="coerce")
            if numeric.notna().sum() == wide[name].notna().sum():
                wide[name] = numeric
    return wide


def _numeric_dim(keys: list[tuple], j: int) -> bool:
    present = [k[j] for k in keys if not _is_missing(k[j])]
    return bool(present) and all(isinstance(v, int | float | np.number) and not isinstance(v, bool) for v in present)


def _free(label: str, existing: dict[str, list]) -> str:
    while label in existing:
        label = label + " "
    return label


def _unique_labels(labels: list[str], taken: set[str]) -> list[str]:
    out: list[str] = []
    seen = set(taken)
    for label in labels:
        candidate = label
        n = 2
        while candidate in seen:
            candidate = f"{label} ({n})"
            n += 1
        seen.add(candidate)
        out.append(candidate)
    return out


def _chart_kind(row_dims: list[_Dim], col_dims: list[_Dim]) -> str:
    """'bar' for one category, 'line' when a dimension is time, 'heatmap' for two categories, else 'table'."""
    dims = row_dims + col_dims
    if len(dims) <= 1:
        return "line" if dims and dims[0].is_time else "bar"
    if len(dims) == 2:
        return "line" if any(d.is_time for d in dims) else "heatmap"
    return "table"


# --- join -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JoinResult:
    """A join stored as table ``name``: row counts of the match and the first rows.

    ``matched_left``: left rows with at least one partner; ``unmatched_left``/``unmatched_right``:
    rows of each side with none (blank keys never match); ``rows``: rows of the result (more
    than the left side when a key repeats on the right).
    """

    name: str
    rows: int
    left_rows: int
    right_rows: int
    matched_left: int
    matched_right: int
    unmatched_left: int
    unmatched_right: int
    columns: list[str]
    preview: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def join_tables(con: duckdb.DuckDBPyConnection, left: str, right: str, left_on: list[str], right_on: list[str],
                how: str = "left", name: str = "joined", *, preview_rows: int = 20) -> JoinResult:
    """Join two loaded tables on key columns into a new table ``name`` (replaced if it exists).

    Key columns of the same name appear once (for right/full joins filled from the side that
    has them); other right columns whose name clashes get the suffix ``_<right>``. Keys of
    different types are compared as text (noted in ``notes``).
    """
    if how not in JOIN_KINDS:
        raise InputError(Problem(EXPLORE_BAD_JOIN, {"how": how, "choices": ", ".join(JOIN_KINDS)}))
    if not left_on or len(left_on) != len(right_on):
        raise InputError(Problem(EXPLORE_JOIN_KEYS, {"left": len(left_on), "right": len(right_on)}))
    (left, ltypes), (right, rtypes) = _columns_of(con, left), _columns_of(con, right)
    if not _TABLE_NAME.match(str(name)) or name.lower() in (left.lower(), right.lower()):
        raise InputError(Problem(EXPLORE_BAD_NAME, {"name": name}))
    lkeys = [_column(c, ltypes, left) for c in left_on]
    rkeys = [_column(c, rtypes, right) for c in right_on]
    notes: list[str] = []
    conditions = []
    for lk, rk in zip(lkeys, rkeys, strict=True):
        lt, rt = ltypes[lk].upper(), rtypes[rk].upper()
        if lt == rt or (_NUMERIC.match(lt) and _NUMERIC.match(rt)) or (_TEMPORAL.match(lt) and _TEMPORAL.match(rt)):
            conditions.append(f"l.{quote_identifier(lk)} = r.{quote_identifier(rk)}")
        else:
            conditions.append(f"CAST(l.{quote_identifier(lk)} AS VARCHAR) = CAST(r.{quote_identifier(rk)} AS VARCHAR)")
            notes.append(f"{lk} ({lt}) and {rk} ({rt}) compared as text")
    on = " AND ".join(conditions)

    shared_keys = {lk for lk, rk in zip(lkeys, rkeys, strict=True) if lk == rk}
    select: list[str] = []
    names: list[str] = []
    for col in ltypes:
        if col in shared_keys and how in ("right", "full"):
            select.append(f"COALESCE(l.{quote_identifier(col)}, r.{quote_identifier(col)}) AS {quote_identifier(col)}")
        else:
            select.append(f"l.{quote_identifier(col)}")
        names.append(col)
    for col in rtypes:
        if col in shared_keys:
            continue
        out, n = col, 1
        while out in names:
            out = f"{col}_{right}" if n == 1 else f"{col}_{right}{n}"
            n += 1
        select.append(f"r.{quote_identifier(col)} AS {quote_identifier(out)}")
        names.append(out)

    kind = {"left": "LEFT", "inner": "INNER", "right": "RIGHT", "full": "FULL OUTER"}[how]
    con.execute(f"CREATE OR REPLACE TABLE {quote_identifier(name)} AS SELECT {', '.join(select)} "
                f"FROM {quote_identifier(left)} AS l {kind} JOIN {quote_identifier(right)} AS r ON {on}")
    counts = con.execute(
        f"SELECT (SELECT count(*) FROM {quote_identifier(name)}), (SELECT count(*) FROM {quote_identifier(left)}), "
        f"(SELECT count(*) FROM {quote_identifier(right)}), "
        f"(SELECT count(*) FROM {quote_identifier(left)} AS l WHERE EXISTS (SELECT 1 FROM {quote_identifier(right)} AS r WHERE {on})), "
        f"(SELECT count(*) FROM {quote_identifier(right)} AS r WHERE EXISTS (SELECT 1 FROM {quote_identifier(left)} AS l WHERE {on}))"
    ).fetchall()[0]
    rows, left_rows, right_rows, matched_left, matched_right = (int(v) for v in counts)
    preview = con.execute(f"SELECT * FROM {quote_identifier(name)} LIMIT ?", [int(preview_rows)]).df()
    return JoinResult(name=name, rows=rows, left_rows=left_rows, right_rows=right_rows,
                      matched_left=matched_left, matched_right=matched_right,
                      unmatched_left=left_rows - matched_left, unmatched_right=right_rows - matched_right,
                      columns=names, preview=preview, notes=notes)



# --- a browser session's own tables --------------------------------------------------------------

#: Tables of the app's own machinery, not the user's data.
HIDDEN_TABLES = frozenset({"stage_map"})


def is_numeric_type(kind: str) -> bool:
    """A DuckDB column type that holds numbers (sum, mean … apply)."""
    return bool(_NUMERIC.match(kind.upper()))


def arrow_copies(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> dict[str, pa.Table]:
    """Arrow copies of the loaded tables ``names`` (for a private session DuckDB and the SQL box)."""
    return {name: con.sql(f"SELECT * FROM {quote_identifier(name)}").to_arrow_table() for name in names}


@dataclass
class SessionTables:
    """Tables one browser session made by joins, and where they live.

    The team's data (and the sample) sit in one read-only connection shared by every session, so
    a join made on it goes to a private in-memory DuckDB of this session (``con``) that sees the
    team's tables as views of Arrow copies. A session's own upload has its own DuckDB, which
    joins use directly (``con`` stays None). ``tables`` are Arrow copies of the kept joins (the
    SQL box reads them); ``sources`` names each one's left and right table; ``version`` counts
    changes, so caches of derived tables know when to refresh.
    """

    source_key: str
    token: str
    con: duckdb.DuckDBPyConnection | None = None
    tables: dict[str, pa.Table] = field(default_factory=dict)
    version: int = 0
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)

    def private_con(self, base: Callable[[], Mapping[str, pa.Table]]) -> duckdb.DuckDBPyConnection:
        """The session's private DuckDB, made on first use with ``base()`` (Arrow copies) as views."""
        if self.con is None:
            con = duckdb.connect(":memory:")
            for name, table in base().items():
                con.register(name, table)
            self.con = con
        return self.con

    def keep(self, con: duckdb.DuckDBPyConnection, name: str, left: str, right: str) -> None:
        """Record table ``name`` of ``con`` (a join of ``left`` and ``right``) as this session's."""
        self.tables[name] = con.sql(f"SELECT * FROM {quote_identifier(name)}").to_arrow_table()
        self.sources[name] = (left, right)
        self.version += 1

    def moved_to(self, source_key: str) -> SessionTables:
        """The same kept tables, for a new source (the session's data changed under them)."""
        return SessionTables(source_key, self.token, None, dict(self.tables), self.version + 1, dict(self.sources))


def name_taken(name: str, loaded: Iterable[str]) -> bool:
    """A kept join may not take a loaded table's name (any case), a hidden one, or ``_``/``raw_``."""
    taken = set(loaded) | HIDDEN_TABLES
    return name in taken or name.lower() in {n.lower() for n in taken} or name.startswith(("_", "raw_"))


def date_columns(con: duckdb.DuckDBPyConnection, table: str, types: Mapping[str, str],
                 sample_rows: int = 500) -> list[str]:
    """Columns a date grain applies to, in table order: date/timestamp columns, and text columns
    (raw uploads keep dates as text) where at least 90 % of the values present in the first
    ``sample_rows`` rows read as dates."""
    found = {c for c, kind in types.items() if _TEMPORAL.match(kind.upper())}
    texts = [c for c, kind in types.items() if kind.upper() == "VARCHAR"]
    if texts:
        parts = ", ".join(f"count({quote_identifier(c)}), count(TRY_CAST({quote_identifier(c)} AS TIMESTAMP))" for c in texts)
        counts = con.cursor().execute(
            f"SELECT {parts} FROM (SELECT * FROM {quote_identifier(table)} LIMIT ?)", [int(sample_rows)]).fetchall()[0]
        for i, c in enumerate(texts):
            present, dates = counts[2 * i], counts[2 * i + 1]
            if present and dates >= 0.9 * present:
                found.add(c)
    return [c for c in types if c in found]


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as the importer reads them from a file: text, or None for a blank (a join read as an
    export: whole numbers without ``.0``, midnight timestamps as dates)."""
    def cell(v: object) -> str | None:
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
            return None
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    return pd.DataFrame({c: [cell(v) for v in frame[c].tolist()] for c in frame.columns}, dtype=object)


def session_database(base: duckdb.DuckDBPyConnection, names: Iterable[str], deals: pd.DataFrame,
                     extra: Mapping[str, pa.Table]) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB whose deals are ``deals`` (a mapped join), with ``base``'s other
    tables ``names`` and a session's kept joins ``extra`` copied beside it."""
    from analytics.store.canonical import create_table

    con = duckdb.connect(":memory:")
    copies = {n: t for n, t in arrow_copies(base, [n for n in names if n != "deals"]).items()}
    for name, arrow in [*copies.items(), *extra.items()]:
        if name == "deals":
            continue
        con.register("_incoming", arrow)
        con.execute(f"CREATE TABLE {quote_identifier(name)} AS SELECT * FROM _incoming")
        con.unregister("_incoming")
    create_table(con, "deals", deals)
    return con


def status_split(con: duckdb.DuckDBPyConnection, table: str = "deals") -> pd.DataFrame:
    """Deals and amount per status (won, open, lost, then any other, blank last): what a pivot of
    all amounts would add together. Empty if ``table`` has no ``status`` and ``amount``."""
    real, types = _columns_of(con, table)
    if "status" not in types or "amount" not in types or not _NUMERIC.match(types["amount"].upper()):
        return pd.DataFrame({"status": pd.Series([], dtype="object"), "deals": pd.Series([], dtype="int64"),
                             "amount": pd.Series([], dtype="float64")})
    rows = con.execute(
        f"SELECT status, count(*), sum(amount) FROM {quote_identifier(real)} GROUP BY status "
        "ORDER BY CASE status WHEN 'won' THEN 0 WHEN 'open' THEN 1 WHEN 'lost' THEN 2 ELSE 3 END, "
        "status NULLS LAST").fetchall()
    return pd.DataFrame({"status": [r[0] for r in rows], "deals": [int(r[1]) for r in rows],
                         "amount": [float(r[2]) if r[2] is not None else 0.0 for r in rows]})
