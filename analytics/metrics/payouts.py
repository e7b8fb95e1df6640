"""The payouts a commission plan produces, rep by rep, with the working shown line by line.

Money is in the data's currency; attainment, thresholds, tier bounds and rates are fractions
(0.8 = 80 %). Order of work per rep: threshold → tiers → CSAT gate/multiplier → cap; the team
share is added after the cap (the cap limits the rep's own commission only). The plan itself
(parsing, validation) is ``analytics.metrics.plan``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pandas as pd

from analytics.access import Scope
from analytics.filters import Filters
from analytics.i18n import Key
from analytics.messages import Problem
from analytics.metrics.attainment import attainment
from analytics.metrics.kpi import enough_responses, one_row_per_rep
from analytics.metrics.plan import _EPS, PAYOUT_PERIODS, Plan, PlanInUse, Tier, check_period
from analytics.metrics.satisfaction import satisfaction
from analytics.periods import Period
from analytics.store.settings import DEFAULT_SETTINGS, Settings

# --- payouts ----------------------------------------------------------------------------------


def _money(x: float) -> str:
    x = round(float(x), 2)
    if abs(x - round(x)) < 0.005:
        return f"{round(x):,}"
    return f"{x:,.2f}"


def _pct(fraction: float) -> str:
    text = f"{fraction * 100:.2f}".rstrip("0").rstrip(".")
    return f"{text} %"


@dataclass
class PayoutResult:
    """Payout lines (the working), one totals row per rep, and problems (an error → no payouts)."""

    lines: pd.DataFrame
    totals: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def total_cost(self) -> float:
        """The director's cost: the sum of every rep's total (commission + team share)."""
        return float(self.totals["total"].sum()) if len(self.totals) else 0.0


#: ``description`` holds an ``i18n.Key`` (the working in words), translated at display.
LINE_COLUMNS = ["rep", "line_no", "kind", "description", "base", "rate", "amount"]
TOTAL_COLUMNS = ["rep", "team", "attainment", "tier_reached", "commission", "team_share", "total"]


def _empty_lines() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("base", "rate", "amount") else
                                      "int64" if c == "line_no" else "object" if c == "description" else "str")
                         for c in LINE_COLUMNS})


def _empty_totals() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str" if c in ("rep", "team") else "float64") for c in TOTAL_COLUMNS})


def _periods_covered(plan: Plan, period: Period | None) -> float:
    """How many of the plan's payout periods ``period`` spans (1 when unknown)."""
    if period is None:
        return 1.0
    return len(period.months()) / PAYOUT_PERIODS[plan.payout_period]


def _tier_reached(plan: Plan, attainment: float) -> Tier:
    reached = plan.tiers[0]
    for tier in plan.tiers:
        if attainment >= tier.start - _EPS:
            reached = tier
    return reached


def _per(plan: Plan, n: float, value: float) -> tuple[float, Key | str]:
    """(value scaled to the period, its working) for a cap or a fixed pool amount."""
    if abs(n - 1.0) < _EPS:
        return value, _money(value)
    scaled = round(value * n, 2)
    return scaled, Key("payout.per", value=_money(value), unit=Key(f"payout.unit.{plan.payout_period}"),
                       n=f"{n:g}", scaled=_money(scaled))


@dataclass
class _Lines:
    rep: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, kind: str, description: Key, amount: float = 0.0, base: float = math.nan,
            rate: float = math.nan) -> None:
        self.rows.append({"rep": self.rep, "line_no": len(self.rows) + 1, "kind": kind,
                          "description": description, "base": base, "rate": rate,
                          "amount": round(float(amount), 2)})


def _commission(plan: Plan, lines: _Lines, target: float, actual: float, csat: float, csat_n: int,
                min_responses: int,
                n_periods: float) -> tuple[float, float]:
    """Write the commission lines for one rep with a target; returns (commission, tier_reached).

    tier_reached is the start of the tier whose rate applies, NaN when no rate applies (below the
    threshold, or nothing won): a zero payout shows no tier (a CSAT gate that withholds the
    commission leaves the tier reached, since the working says what was withheld from it).
    """
    attainment = actual / target
    tier = _tier_reached(plan, attainment)
    if plan.threshold > 0:
        if attainment < plan.threshold - _EPS:
            lines.add("threshold",
                      Key("payout.threshold_below", attainment=_pct(attainment), threshold=_pct(plan.threshold)),
                      base=attainment, rate=plan.threshold)
            return 0.0, math.nan  # no tier is reached below the threshold: nothing is paid at any rate
        lines.add("threshold",
                  Key("payout.threshold_reached", attainment=_pct(attainment), threshold=_pct(plan.threshold)),
                  base=attainment, rate=plan.threshold)
    if actual <= 0:
        lines.add("tier", Key("payout.no_revenue"))
        return 0.0, math.nan
    commission = 0.0
    if plan.mode == "marginal":
        for i, t in enumerate(plan.tiers):
            upper = plan.tiers[i + 1].start if i + 1 < len(plan.tiers) else math.inf
            base = round(max(0.0, min(actual, upper * target) - t.start * target), 2)
            if base <= 0:
                continue
            amount = round(base * t.rate, 2)
            commission += amount
            working = {"start": _pct(t.start), "base": _money(base), "rate": _pct(t.rate), "amount": _money(amount)}
            if math.isinf(upper):
                description = Key("payout.slice_above", **working)
            else:
                description = Key("payout.slice", **working, upper=_pct(upper))
            lines.add("tier", description, amount, base, t.rate)
    else:
        base = round(actual, 2)
        amount = round(base * tier.rate, 2)
        commission = amount
        lines.add("tier",
                  Key("payout.all_revenue", start=_pct(tier.start), base=_money(base), rate=_pct(tier.rate),
                      amount=_money(amount)),
                  amount, base, tier.rate)
    commission = round(commission, 2)

    gate = plan.csat_gate
    if gate is not None and commission > 0:
        kind = "csat_gate" if gate.effect == "gate" else "csat_multiplier"
        if math.isnan(csat) or not enough_responses(csat_n, min_responses):
            if math.isnan(csat) or csat_n == 0:
                description = Key("payout.csat_none")
            else:
                description = Key("payout.csat_one" if csat_n == 1 else "payout.csat_few", n=csat_n,
                                  minimum=min_responses)
            lines.add(kind, description)
        elif csat < gate.min_csat - _EPS:
            if gate.effect == "gate":
                lines.add(kind,
                          Key("payout.csat_withheld", csat=_pct(csat), minimum=_pct(gate.min_csat),
                              commission=_money(commission)),
                          -commission, commission, 0.0)
                commission = 0.0
            else:
                after = round(commission * gate.factor, 2)
                lines.add(kind,
                          Key("payout.csat_multiplied", csat=_pct(csat), minimum=_pct(gate.min_csat),
                              commission=_money(commission), factor=f"{gate.factor:g}", after=_money(after)),
                          after - commission, commission, gate.factor)
                commission = after
        else:
            lines.add(kind, Key("payout.csat_met", csat=_pct(csat), minimum=_pct(gate.min_csat)))

    if plan.cap is not None and commission > 0:
        cap, cap_working = _per(plan, n_periods, plan.cap)
        if commission > cap + _EPS:
            lines.add("cap",
                      Key("payout.cap", cap=cap_working, commission=_money(commission),
                          reduction=_money(commission - cap)),
                      cap - commission, commission)
            commission = cap
    return round(commission, 2), tier.start


def _team_shares(plan: Plan, reps: pd.DataFrame, team_attainment: pd.DataFrame | None,
                 n_periods: float) -> dict[str, tuple[float, Key]]:
    """(share, its working) per rep for the team pool."""
    pool_plan = plan.team_pool
    out: dict[str, tuple[float, Key]] = {}
    if pool_plan is None:
        return out
    teams: dict[str, tuple[float, float]] = {}
    if team_attainment is not None and len(team_attainment) and "team" in team_attainment.columns:
        for row in team_attainment.itertuples(index=False):
            if pd.notna(row.team):
                target = float(row.target) if pd.notna(getattr(row, "target", math.nan)) else math.nan
                actual = float(row.actual) if pd.notna(getattr(row, "actual", math.nan)) else 0.0
                teams[str(row.team)] = (target, actual)
    for team, members in reps.groupby("team", sort=False, dropna=False):
        names = [str(r) for r in members["rep"]]
        if pd.isna(team):
            for rep in names:
                out[rep] = (0.0, Key("payout.no_team"))
            continue
        team = str(team)
        target, actual = teams.get(team, (math.nan, 0.0))
        if math.isnan(target) or target <= 0:
            for rep in names:
                out[rep] = (0.0, Key("payout.team_no_target", team=team))
            continue
        if actual < target - _EPS:
            for rep in names:
                out[rep] = (0.0, Key("payout.team_missed", team=team, actual=_money(actual), target=_money(target)))
            continue
        head = Key("payout.team_reached", team=team, actual=_money(actual), target=_money(target))
        if pool_plan.amount is not None:
            pool, per = _per(plan, n_periods, pool_plan.amount)
            pool_working = Key("payout.pool_fixed", per=per)
        else:
            share = pool_plan.share_of_excess or 0.0
            excess = round(actual - target, 2)
            pool = round(share * excess, 2)
            pool_working = Key("payout.pool_share", share=_pct(share), excess=_money(excess), pool=_money(pool))
        rep_actual = pd.to_numeric(members["actual"], errors="coerce").fillna(0.0).astype(float).tolist()
        denominator = sum(rep_actual)
        if pool_plan.split == "contribution" and denominator > 0:
            for rep, a in zip(names, rep_actual, strict=True):
                amount = round(pool * a / denominator, 2)
                out[rep] = (amount, Key("payout.by_contribution", head=head, pool=pool_working,
                                        pool_amount=_money(pool), actual=_money(a), team_actual=_money(denominator),
                                        share=_pct(a / denominator), amount=_money(amount)))
        else:
            amount = round(pool / len(names), 2)
            equally = "payout.split_equally_no_revenue" if pool_plan.split == "contribution" else "payout.split_equally"
            for rep in names:
                out[rep] = (amount, Key(equally, head=head, pool=pool_working, pool_amount=_money(pool),
                                        members=len(names), amount=_money(amount)))
    return out


def _by_rep(satisfaction: pd.DataFrame | None) -> dict[str, tuple[float, int]]:
    if satisfaction is None or satisfaction.empty or "rep" not in satisfaction.columns \
            or "csat" not in satisfaction.columns:
        return {}
    out = {}
    for row in satisfaction.itertuples(index=False):
        if pd.isna(row.rep):
            continue
        csat = float(row.csat) if pd.notna(row.csat) else math.nan
        n = getattr(row, "csat_responses", None)
        n = int(n) if n is not None and pd.notna(n) else (0 if math.isnan(csat) else 10**9)
        out[str(row.rep)] = (csat, n)
    return out


def payouts(plan: Plan, attainment: pd.DataFrame, team_attainment: pd.DataFrame | None,
            satisfaction: pd.DataFrame | None, period: Period | None,
            min_responses: int = DEFAULT_SETTINGS.min_responses) -> PayoutResult:
    """Commission and team share per rep under ``plan``, with every line of the working.

    ``attainment``: rep, team, target, actual (currency) per rep; ``team_attainment``: team,
    target, actual; ``satisfaction``: satisfaction(by="rep") (rep, csat, csat_responses). A rep
    with no target gets no commission (a "no target" line) but can get a team share. A period
    outside the plan's validity returns no payouts and an error problem. ``lines.amount`` adds up
    to the total per rep (adjustments such as a cap or a CSAT gate are negative lines).
    The CSAT gate judges only reps with at least ``min_responses`` CSAT responses (the
    department's minimum-evidence rule, ``Settings.min_responses``; see ``kpi.enough_responses``).
    """
    problems = check_period(plan, period)
    if problems:
        return PayoutResult(_empty_lines(), _empty_totals(), problems)
    if "rep" not in attainment.columns:
        raise ValueError("payouts need an attainment frame with a rep column")
    reps = one_row_per_rep(attainment)
    n_periods = _periods_covered(plan, period)
    shares = _team_shares(plan, reps, team_attainment, n_periods)
    csat_by_rep = _by_rep(satisfaction)
    all_lines: list[dict[str, Any]] = []
    totals: list[dict[str, Any]] = []
    for row in reps.itertuples(index=False):
        rep = str(row.rep)
        lines = _Lines(rep)
        target = float(row.target) if pd.notna(row.target) else math.nan
        actual = float(row.actual) if pd.notna(row.actual) else 0.0
        if math.isnan(target) or target <= 0:
            lines.add("no_target", Key("payout.no_target"))
            commission, tier, attainment_value = 0.0, math.nan, math.nan
        else:
            csat, csat_n = csat_by_rep.get(rep, (math.nan, 0))
            commission, tier = _commission(plan, lines, target, actual, csat, csat_n, min_responses, n_periods)
            attainment_value = actual / target
        share = 0.0
        if rep in shares:
            share, working = shares[rep]
            lines.add("team_share", working, share)
        total = round(commission + share, 2)
        lines.add("total", Key("payout.total", commission=_money(commission), share=_money(share), total=_money(total)),
                  total)
        all_lines.extend(lines.rows)
        totals.append({"rep": rep, "team": None if pd.isna(row.team) else str(row.team),
                       "attainment": attainment_value, "tier_reached": tier, "commission": commission,
                       "team_share": share, "total": total})
    lines_frame = pd.DataFrame(all_lines, columns=LINE_COLUMNS) if all_lines else _empty_lines()
    totals_frame = pd.DataFrame(totals, columns=TOTAL_COLUMNS) if totals else _empty_totals()
    return PayoutResult(lines_frame, totals_frame, [])


def visible_pay(result: PayoutResult, scope: Scope | None) -> PayoutResult:
    """Only the payouts ``scope`` may see (``Scope.sees_pay_of`` each rep and team): a rep their
    own, a manager their teams', an analyst none unless granted. ``None`` = everyone's (the
    library called without a session, e.g. the tests of the plan)."""
    if scope is None or result.totals.empty:
        return result
    keep = {str(r.rep) for r in result.totals.itertuples(index=False)
            if scope.sees_pay_of(str(r.rep), None if pd.isna(r.team) else str(r.team))}
    totals = result.totals[result.totals["rep"].isin(keep)].reset_index(drop=True)
    lines = result.lines[result.lines["rep"].isin(keep)].reset_index(drop=True)
    return PayoutResult(lines, totals, result.problems)


def payouts_for(con: duckdb.DuckDBPyConnection, period: Period, filters: Filters, plan: PlanInUse | Plan, *,
                as_of: date | None = None, settings: Settings = DEFAULT_SETTINGS,
                scope: Scope | None = None) -> PayoutResult:
    """:func:`payouts` on the figures of ``period`` under ``filters``: the reps' and teams'
    attainment and the reps' satisfaction (with ``settings.min_responses``), assembled here once
    for the KPI page, meeting mode, the report and the CLI.

    ``plan`` is the plan in use (:func:`analytics.metrics.plan.plan_in_use`) or a plan. An
    invalid plan in use gives no lines and no totals, and its problems. ``scope`` keeps only the
    payouts it may see (:func:`visible_pay`); a URL or a ``pay`` switch never widens it.
    """
    if isinstance(plan, PlanInUse):
        if plan.plan is None:
            return PayoutResult(_empty_lines(), _empty_totals(), plan.pay_problems())
        plan = plan.plan
    kw: dict[str, Any] = {"as_of": as_of, "settings": settings}
    reps = attainment(con, period, "rep", filters, **kw)
    teams = attainment(con, period, "team", filters, **kw)
    sat = satisfaction(con, "rep", period, filters, min_responses=settings.min_responses)
    return visible_pay(payouts(plan, reps, teams, sat, period, settings.min_responses), scope)


@dataclass
class WhatIf:
    """A rep's payout before and after closing ``extra`` more revenue (currency)."""

    rep: str
    extra: float
    before: dict[str, Any]
    after: dict[str, Any]
    lines: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def attainment(self) -> float:
        return self.after.get("attainment", math.nan)

    @property
    def tier_reached(self) -> float:
        return self.after.get("tier_reached", math.nan)

    @property
    def payout(self) -> float:
        return self.after.get("total", math.nan)


def what_if(plan: Plan, rep_row: Mapping[str, Any] | pd.Series, extra_won_amount: float,
            period: Period | None = None, *, attainment: pd.DataFrame | None = None,
            team_attainment: pd.DataFrame | None = None,
            satisfaction: pd.DataFrame | None = None,
            min_responses: int = DEFAULT_SETTINGS.min_responses) -> WhatIf:
    """New attainment, tier and payout if the rep also wins ``extra_won_amount`` (e.g. ticked deals).

    ``rep_row`` holds rep, team, target, actual. Give ``attainment`` (all reps) and
    ``team_attainment`` to see the team share move too: the extra revenue is added to the rep's
    team as well. A negative amount raises ``ValueError``.
    """
    extra = float(extra_won_amount or 0.0)
    if not math.isfinite(extra) or extra < 0:
        raise ValueError(f"extra won amount must be 0 or more, not {extra_won_amount!r}")
    row = dict(rep_row)
    rep = str(row["rep"])
    base = attainment.copy() if attainment is not None else pd.DataFrame([row])
    base = one_row_per_rep(base)
    if rep not in set(base["rep"].astype(str)):
        base = one_row_per_rep(pd.concat([base, pd.DataFrame([row])], ignore_index=True))
    after = base.copy()
    mask = after["rep"].astype(str) == rep
    after.loc[mask, "actual"] = after.loc[mask, "actual"].fillna(0.0) + extra
    after["attainment"] = after["actual"] / after["target"].where(after["target"] > 0)
    team_after = team_attainment
    team = after.loc[mask, "team"].iloc[0]
    if team_attainment is not None and pd.notna(team) and "team" in team_attainment.columns:
        team_after = team_attainment.copy()
        tmask = team_after["team"].astype(str) == str(team)
        team_after.loc[tmask, "actual"] = team_after.loc[tmask, "actual"].fillna(0.0) + extra
    before_result = payouts(plan, base, team_attainment, satisfaction, period, min_responses)
    after_result = payouts(plan, after, team_after, satisfaction, period, min_responses)

    def pick(result: PayoutResult) -> dict[str, Any]:
        rows = result.totals[result.totals["rep"] == rep]
        return rows.iloc[0].to_dict() if len(rows) else {}

    lines = after_result.lines[after_result.lines["rep"] == rep].reset_index(drop=True)
    return WhatIf(rep, extra, pick(before_result), pick(after_result), lines, after_result.problems)



# --- helpers for the KPI & rewards page --------------------------------------------------------


def what_if_deals(plan: Plan, attainment: pd.DataFrame, team_attainment: pd.DataFrame | None,
                  satisfaction: pd.DataFrame | None, period: Period | None, rep: str,
                  open_deals: pd.DataFrame, deal_ids: list[str] | tuple[str, ...],
                  min_responses: int = DEFAULT_SETTINGS.min_responses) -> WhatIf:
    """:func:`what_if` for ``rep`` also winning the ticked ``deal_ids`` of ``open_deals``
    (``attainment.open_deals_for_gap``'s frame): the extra revenue is the sum of their amounts.

    A ticked deal with no amount adds 0; ids not in ``open_deals`` are ignored; each id counts once.
    A rep missing from ``attainment`` is taken as having no target and nothing won.
    """
    chosen = set(str(d) for d in deal_ids)
    ticked = open_deals[open_deals["deal_id"].astype(str).isin(chosen)].drop_duplicates("deal_id")
    extra = float(pd.to_numeric(ticked["amount"], errors="coerce").fillna(0.0).sum())
    reps = one_row_per_rep(attainment) if "rep" in attainment.columns else pd.DataFrame()
    rows = reps[reps["rep"].astype(str) == rep] if len(reps) else reps
    if len(rows):
        row: dict[str, Any] = rows.iloc[0].to_dict()
    else:
        row = {"rep": rep, "team": None, "target": math.nan, "actual": 0.0, "attainment": math.nan}
    return what_if(plan, row, extra, period, attainment=attainment if len(reps) else None,
                   team_attainment=team_attainment, satisfaction=satisfaction, min_responses=min_responses)


def cost_summary(totals: pd.DataFrame) -> dict[str, float]:
    """The director's cost from ``payouts(...).totals`` (currency): total, commission, team_share,
    team_share_fraction (team share / total cost; NaN when the cost is 0), reps and reps_paid
    (reps with a total above 0)."""
    total = float(totals["total"].sum()) if len(totals) else 0.0
    team_share = float(totals["team_share"].sum()) if len(totals) else 0.0
    return {
        "total": round(total, 2),
        "commission": round(float(totals["commission"].sum()) if len(totals) else 0.0, 2),
        "team_share": round(team_share, 2),
        "team_share_fraction": team_share / total if total > 0 else math.nan,
        "reps": float(len(totals)),
        "reps_paid": float((totals["total"] > 0).sum()) if len(totals) else 0.0,
    }


def kpi_breakdown(kpi: pd.DataFrame, rep: str) -> pd.DataFrame:
    """One rep's KPI score taken apart: component, score (0–100), weight (fraction, renormalised),
    points (score × weight; they add up to kpi_score), included.

    A component left out (no data) has NaN score, weight 0, points 0 and included False. A rep
    not in ``kpi`` (``kpi.kpi_scores``'s frame) gives an empty frame.
    """
    columns = ["component", "score", "weight", "points", "included"]
    rows = kpi[kpi["rep"].astype(str) == rep] if len(kpi) else kpi
    if not len(rows):
        return pd.DataFrame({c: pd.Series(dtype="str" if c == "component" else "bool" if c == "included"
                                          else "float64") for c in columns})
    row = rows.iloc[0]
    used = row["weights_used"] if isinstance(row["weights_used"], Mapping) else {}
    out = []
    for component in ("revenue", "satisfaction", "collaboration"):
        score = row[f"{component}_score"]
        score = float(score) if pd.notna(score) else math.nan
        weight = float(used.get(component, 0.0))
        included = component in used and not math.isnan(score)
        out.append({"component": component, "score": score, "weight": weight if included else 0.0,
                    "points": score * weight if included else 0.0, "included": included})
    return pd.DataFrame(out, columns=columns)
