"""Gathering the report's figures: every number comes from ``analytics.metrics``; nothing is computed here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from analytics.access import Scope
from analytics.filters import Filters
from analytics.messages import InputError, Problem
from analytics.metrics.attainment import (
    attainment,
    cumulative_actual,
    decomposition_check,
    monthly_attainment,
    open_deals_for_gap,
)
from analytics.metrics.funnel import FunnelResult, funnel
from analytics.metrics.kpi import kpi_scores
from analytics.metrics.payouts import PayoutResult, payouts_for
from analytics.metrics.performance import lead_source_roi, performance
from analytics.metrics.plan import plan_in_use
from analytics.metrics.satisfaction import collaboration, satisfaction
from analytics.periods import Period, add_months, month_start
from analytics.store.settings import Settings
from analytics.store.transfer import open_workspace

if TYPE_CHECKING:
    pass





# --- gathering the figures ----------------------------------------------------------------------

@dataclass
class ReportData:
    """The analytics results one report shows (every frame as the analytics module returned it)."""

    period: Period
    as_of: date
    rep: str | None
    filters: Filters
    company: pd.DataFrame  # attainment by company (department) or the rep's own attainment row
    teams: pd.DataFrame  # attainment by team (empty in a rep report)
    reps: pd.DataFrame  # attainment by rep (only the rep in a rep report)
    decomposition: pd.DataFrame
    cumulative: pd.DataFrame
    trend: pd.DataFrame
    funnel: FunnelResult
    segments: pd.DataFrame
    channels: pd.DataFrame
    roi: pd.DataFrame | None
    satisfaction_company: pd.DataFrame
    satisfaction_reps: pd.DataFrame
    collaboration: pd.DataFrame
    kpi: pd.DataFrame  # ranked among all reps in scope; only the rep's row in a rep report
    ranked_reps: int
    open_deals: pd.DataFrame | None
    pay: PayoutResult | None
    plan_name: str | None = None
    plan_problems: list[Problem] = field(default_factory=list)


def _rep_exists(con: duckdb.DuckDBPyConnection, rep: str) -> bool:
    cur = con.cursor()
    found = cur.execute(
        "SELECT EXISTS (SELECT 1 FROM deals WHERE rep = ?) OR EXISTS (SELECT 1 FROM targets WHERE rep = ?) "
        "OR EXISTS (SELECT 1 FROM surveys WHERE rep = ?) OR EXISTS (SELECT 1 FROM peer_reviews WHERE rep = ?)",
        [rep, rep, rep, rep]).fetchall()
    return bool(found[0][0])


def gather(con: duckdb.DuckDBPyConnection, period: Period, *, settings: Settings, rep: str | None = None,
           include_pay: bool = False, as_of: date | None = None, plan_text: str | None = None,
           filters: Filters | None = None, viewer: Scope | None = None) -> ReportData:
    """Run the analytics a report needs. ``as_of`` defaults to min(today, period end). ``viewer``
    is the reader's scope: the payouts it may see only (``payouts.visible_pay``).

    A rep's report filters every figure to that rep (their team and rep filters are cleared); the
    KPI rank and the payouts are worked out among all reps in scope and then narrowed to the rep.
    Raises ``InputError`` for a rep the data does not know.
    """
    filters = filters or Filters()
    as_of = as_of if as_of is not None else min(date.today(), period.end)
    if rep is not None and not _rep_exists(con, rep):
        raise InputError(Problem("report.unknown_rep", {"rep": rep}))
    kw: dict[str, Any] = {"as_of": as_of, "settings": settings}
    peers = filters.without("rep", "team") if rep is not None else filters
    scope = replace(filters, rep=(rep,), team=()) if rep is not None else filters
    all_reps = attainment(con, period, "rep", peers, **kw)
    all_teams = attainment(con, period, "team", peers, **kw)
    if rep is not None:
        company = all_reps[all_reps["rep"] == rep].reset_index(drop=True)
        teams = all_teams.iloc[0:0]
        reps = company
    else:
        company = attainment(con, period, "company", filters, **kw)
        teams, reps = all_teams, all_reps
    trend_end = month_start(period.end)
    trend = monthly_attainment(con, add_months(trend_end, -11), period.end, "rep" if rep else "company", scope,
                               as_of=as_of)
    if rep is not None:
        trend = trend[trend["rep"] == rep].reset_index(drop=True)
    sat_peers = satisfaction(con, "rep", period, peers, min_responses=settings.min_responses)
    collab_peers = collaboration(con, period, peers)
    kpi = kpi_scores(all_reps, sat_peers, collab_peers, settings.kpi_weights, settings.revenue_cap,
                     settings.min_responses)
    ranked = int(kpi["rank"].notna().sum())
    if rep is not None:
        sat_company = satisfaction(con, None, period, scope, min_responses=settings.min_responses)
        sat_reps = sat_peers[sat_peers["rep"] == rep].reset_index(drop=True)
        collab = collab_peers[collab_peers["rep"] == rep].reset_index(drop=True)
        kpi = kpi[kpi["rep"] == rep].reset_index(drop=True)
    else:
        sat_company = satisfaction(con, None, period, filters, min_responses=settings.min_responses)
        sat_reps, collab = sat_peers, collab_peers
    pay = None
    plan_name = None
    plan_problems: list[Problem] = []
    if include_pay:
        # the plan the app and the CLI use; an invalid one: its problems on the sheet, and no pay
        pin = plan_in_use(open_workspace(), plan_text)
        plan_name = pin.plan.name if pin.plan is not None else None
        pay = payouts_for(con, period, peers, pin, as_of=as_of, settings=settings, scope=viewer)
        plan_problems = list(pay.problems)
        if rep is not None:
            pay = PayoutResult(pay.lines[pay.lines["rep"] == rep].reset_index(drop=True),
                               pay.totals[pay.totals["rep"] == rep].reset_index(drop=True), pay.problems)
    return ReportData(
        period=period, as_of=as_of, rep=rep, filters=filters, company=company, teams=teams, reps=reps,
        decomposition=decomposition_check(con, period) if rep is None else pd.DataFrame(),
        cumulative=cumulative_actual(con, period, scope, as_of=as_of),
        trend=trend,
        funnel=funnel(con, period, scope, settings),
        segments=performance(con, "segment", period, scope, settings),
        channels=performance(con, "channel", period, scope, settings),
        roi=lead_source_roi(con, period, scope) if rep is None else None,
        satisfaction_company=sat_company, satisfaction_reps=sat_reps, collaboration=collab, kpi=kpi,
        ranked_reps=ranked,
        open_deals=open_deals_for_gap(con, period, rep, settings, scope.without("rep")) if rep else None,
        pay=pay, plan_name=plan_name, plan_problems=plan_problems,
    )
