"""What the loaded data holds: table sizes, the values of each slicing dimension, its date span,
and the day figures are measured on by default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from analytics.filters import DIMENSIONS
from analytics.store.schema import TABLES


@dataclass(frozen=True)
class DataCatalog:
    rows: dict[str, int]
    dimension_values: dict[str, tuple[str, ...]]
    first_date: date | None  # earliest created or close date of any deal
    last_date: date | None   # latest close date of a won deal (the last booked sale)
    data_end: date | None = None  # the latest day anything happened: a deal created or closed, an activity, a survey

    def has(self, table: str) -> bool:
        return self.rows.get(table, 0) > 0


def catalog(con: duckdb.DuckDBPyConnection) -> DataCatalog:
    """Row counts, distinct dimension values (sorted) and the deals' date span."""
    rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in TABLES}
    values: dict[str, tuple[str, ...]] = {}
    for dim in DIMENSIONS:
        found = con.execute(f'SELECT DISTINCT "{dim}" FROM deals WHERE "{dim}" IS NOT NULL ORDER BY 1').fetchall()
        values[dim] = tuple(str(r[0]) for r in found)
    first, last, closed = con.execute(
        "SELECT least(min(created_date), min(close_date)), max(close_date) FILTER (WHERE status = 'won'), "
        "greatest(max(created_date), max(close_date) FILTER (WHERE status IN ('won', 'lost'))) "
        "FROM deals").fetchall()[0]
    # An open deal's close date is a plan, not an event: it does not extend the data.
    ends = [closed] if closed is not None else []
    for table in ("activities", "surveys"):
        if rows.get(table):
            ends += [d for (d,) in con.execute(f'SELECT max(date) FROM "{table}"').fetchall() if d is not None]
    return DataCatalog(rows, values, first, last, max(ends) if ends else None)


def days_after_data_end(data_end: date | None, period_start: date, period_end: date, as_of: date) -> int:
    """Days of the period, up to ``as_of``, that come after the data's last day: figures for them
    are not in the data yet (0 when the data reaches ``as_of`` or the period's end)."""
    if data_end is None:
        return 0
    last = min(as_of, period_end)
    first = max(period_start, data_end + timedelta(days=1))
    return max((last - first).days + 1, 0)


def default_period_day(as_of: date, choice: str, period_start: date) -> date:
    """A day inside the period a page opens on: ``as_of`` itself for "current" (the calendar
    period holding it), the day before its period starts for "last_complete".

    ``period_start`` is the first day of the current period of the chosen kind (month, quarter,
    year). The choice is a department setting (``Settings.default_period``).
    """
    if choice == "last_complete":
        return period_start - timedelta(days=1)
    return as_of
