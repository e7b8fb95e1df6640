"""A rep's progress in plain words: open deals past their expected close date, and how much of
the gap to target the open pipeline covers.

Amounts are in the data's currency; fractions are fractions (0.45 = 45 %).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.attainment import NO_FILTERS, open_deals_for_gap
from analytics.periods import custom_period
from analytics.store.settings import DEFAULT_SETTINGS, Settings

#: Open deals are looked for from this day on (any real CRM export starts later).
_EARLIEST = date(1900, 1, 1)


def days_overdue(close_dates: pd.Series, as_of: date) -> pd.Series:
    """Days between an open deal's expected close date and ``as_of`` when that date has passed
    (``as_of`` itself is not overdue), else 0; a deal with no date is 0. Int64."""
    close = pd.to_datetime(close_dates)
    days = (pd.Timestamp(as_of) - close).dt.days
    return days.where(days > 0, 0).fillna(0).astype("Int64")


def overdue_open_deals(con: duckdb.DuckDBPyConnection, rep: str, as_of: date,
                       settings: Settings = DEFAULT_SETTINGS, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The rep's open deals whose expected close date is before ``as_of`` (in any period), most
    overdue first: the columns of ``attainment.open_deals_for_gap`` plus days_overdue."""
    if as_of <= _EARLIEST:
        deals = open_deals_for_gap(con, custom_period(_EARLIEST, _EARLIEST), rep, settings, filters).iloc[0:0]
    else:
        deals = open_deals_for_gap(con, custom_period(_EARLIEST, as_of - timedelta(days=1)), rep, settings, filters)
    deals = deals.assign(days_overdue=days_overdue(deals["close_date"], as_of))
    return deals.sort_values(["days_overdue", "deal_id"], ascending=[False, True], kind="stable") \
        .reset_index(drop=True)


@dataclass(frozen=True)
class GapCover:
    """How far the open pipeline goes towards the gap: ``share`` = open pipeline / gap;
    ``short_if_all_won`` = what is still missing if every open deal is won (0 when covered)."""

    gap: float
    open_pipeline: float
    share: float
    short_if_all_won: float

    @property
    def covers(self) -> bool:
        return self.short_if_all_won <= 0


def gap_cover(row: Mapping[str, object]) -> GapCover | None:
    """From one row of ``attainment.attainment``: None when there is no target or no gap left
    (target met), else the cover of the gap by the open deals expected to close in the period."""
    gap = _number(row.get("gap"))
    pipeline = _number(row.get("open_pipeline"))
    if math.isnan(gap) or gap <= 0:
        return None
    pipeline = 0.0 if math.isnan(pipeline) else pipeline
    return GapCover(gap, pipeline, pipeline / gap, max(gap - pipeline, 0.0))


def _number(x: object) -> float:
    if x is None or x is pd.NA:
        return math.nan
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
