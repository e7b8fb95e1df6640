"""What the loaded data holds: table sizes, the values of each slicing dimension, its date span,
and the day figures are measured on by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from analytics.filters import DIMENSIONS
from analytics.store.schema import TABLES


@dataclass(frozen=True)
class DataCatalog:
    rows: dict[str, int]
    dimension_values: dict[str, tuple[str, ...]]
    first_date: date | None  # earliest created or close date of any deal
    last_date: date | None   # latest close date of a won deal (the last booked sale)

    def has(self, table: str) -> bool:
        return self.rows.get(table, 0) > 0


def catalog(con: duckdb.DuckDBPyConnection) -> DataCatalog:
    """Row counts, distinct dimension values (sorted) and the deals' date span."""
    rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in TABLES}
    values: dict[str, tuple[str, ...]] = {}
    for dim in DIMENSIONS:
        found = con.execute(f'SELECT DISTINCT "{dim}" FROM deals WHERE "{dim}" IS NOT NULL ORDER BY 1').fetchall()
        values[dim] = tuple(str(r[0]) for r in found)
    first, last = con.execute(
        "SELECT least(min(created_date), min(close_date)), max(close_date) FILTER (WHERE status = 'won') "
        "FROM deals").fetchall()[0]
    return DataCatalog(rows, values, first, last)


def default_as_of(today: date, last_date: date | None) -> date:
    """The day figures are measured on: today, unless the data ends before today's month
    (an old export), in which case the last booked sale — so the app never opens on an empty
    month."""
    if last_date is None:
        return today
    if (last_date.year, last_date.month) < (today.year, today.month):
        return last_date
    return today
