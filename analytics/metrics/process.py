"""The department's six-step sales process as one strip of figures for a period.

prospecting → communication → negotiation → contract signed are the deal stages (deals that
reached each, from ``funnel.funnel``); follow-up is the won customers followed up within
``Settings.followup_days`` of signing (``customers.followup_coverage``); report is the reps whose
periodic report for the period was built through the product (``store.report_log``).
"""

from __future__ import annotations

import math
from datetime import date

import duckdb
import pandas as pd

from analytics.filters import Filters, where_sql
from analytics.metrics.customers import followup_coverage
from analytics.metrics.funnel import funnel
from analytics.periods import Period
from analytics.store.settings import DEFAULT_SETTINGS, Settings

FOLLOW_UP = "follow_up"
REPORT = "report"
COLUMNS = ["step", "kind", "count", "of", "share"]


def process_steps(stages: pd.DataFrame, followups: pd.DataFrame, reps: list[str],
                  reports: pd.DataFrame, period_key: str) -> pd.DataFrame:
    """One row per step: step (a stage key, ``follow_up`` or ``report``), kind (``deals``,
    ``customers``, ``reps``), count, of (the base the count is out of) and share (count / of,
    NaN when the base is 0).

    ``stages``: ``funnel(...).table`` (stage, reached) in the configured order; each stage's base
    is the first stage's deals. ``followups``: ``followup_coverage`` (won_customers, followed_up).
    ``reps``: the reps expected to report; ``reports``: ``report_log.reports_logged`` — a rep has
    reported when a report of theirs for ``period_key`` is recorded.
    """
    rows: list[dict[str, object]] = []
    first = int(stages["reached"].iloc[0]) if len(stages) else 0
    for stage, reached in zip(stages["stage"], stages["reached"], strict=True):
        rows.append({"step": str(stage), "kind": "deals", "count": int(reached), "of": first})
    won = int(followups["won_customers"].sum()) if len(followups) else 0
    followed = int(followups["followed_up"].sum()) if len(followups) else 0
    rows.append({"step": FOLLOW_UP, "kind": "customers", "count": followed, "of": won})
    expected = sorted({str(r) for r in reps})
    done = set()
    if len(reports):
        mine = reports[(reports["period"] == period_key) & reports["rep"].notna()]
        done = {str(r) for r in mine["rep"]}
    rows.append({"step": REPORT, "kind": "reps", "count": len(done & set(expected)), "of": len(expected)})
    out = pd.DataFrame(rows, columns=COLUMNS[:-1])
    out["share"] = [c / o if o else math.nan for c, o in zip(out["count"], out["of"], strict=True)]
    return out.astype({"count": "int64", "of": "int64", "share": "float64"})


def six_steps(con: duckdb.DuckDBPyConnection, period: Period, filters: Filters, reports: pd.DataFrame,
              settings: Settings = DEFAULT_SETTINGS, as_of: date | None = None) -> pd.DataFrame:
    """:func:`process_steps` for ``period`` on the loaded data: deals created in the period
    through the stages, customers won in it followed up (too early to judge as of ``as_of`` left
    out), and the reps with a target or a deal closing in the period expected to report."""
    stages = funnel(con, period, filters, settings).table
    followups = followup_coverage(con, period, filters, settings, as_of=as_of)
    reps = _reps_in_period(con, period, filters)
    return process_steps(stages, followups, reps, reports, period.key)


def _reps_in_period(con: duckdb.DuckDBPyConnection, period: Period, filters: Filters) -> list[str]:
    """Reps with a deal closing in the period, or a target for it (under filters: only reps the
    filtered deals name)."""
    fsql, fparams = where_sql(filters, "d")
    sql = f"""
    WITH fd AS (SELECT d.rep, d.close_date FROM deals d WHERE d.rep IS NOT NULL AND ({fsql}))
    SELECT rep FROM fd WHERE close_date BETWEEN ? AND ?
    UNION
    SELECT t.rep FROM targets t WHERE t.rep IS NOT NULL AND t.period_start <= ? AND t.period_end >= ?
      AND (? OR t.rep IN (SELECT rep FROM fd))
    """
    params = [*fparams, period.start, period.end, period.end, period.start, filters.is_empty()]
    return sorted(str(r) for (r,) in con.cursor().execute(sql, params).fetchall())
