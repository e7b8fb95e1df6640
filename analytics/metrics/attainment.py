"""Targets and attainment: actual against target for reps, teams and the company (SPEC §3).

Every figure is aggregated in DuckDB; the functions return small DataFrames whose first
column names the group (``rep``, ``team`` or ``company``). Amounts are in the data's currency
(or units for ``metric="units"``); rates are fractions (0.875), never percentages. An owner
with no target is in the "no target" state: NaN target, attainment and gap, pace status
``no_target`` -- never 0 or infinity.

Choices made where SPEC §3 is silent (each is tested in ``tests/test_attainment.py``):

* **Targets over a period.** A target row covers the calendar months between its
  ``period_start`` and ``period_end``. It counts in full when the period covers it whole. A
  month target that a custom range cuts counts pro rata by days. A quarter or year target
  that the period only partly covers does not count, unless ``spread=True``: then it is spread
  evenly over its months (1/3 per month of a quarter) and the covered months are summed
  (again pro rata by days for a cut month).
* **Roll-up, month by month.** For each month, a team's target is its explicit team row,
  else the sum of its reps' targets. The company's is the explicit company row, else the sum
  of the team targets plus the targets of reps who belong to no team (which is the sum of the
  rep targets when no team exists). Resolving month by month lets an explicit October team
  target sit beside rep targets for November and December in a quarter view.
* **A rep's team.** The team on the deal itself, else the team on the rep's target row for
  that month, else the rep's most frequent team across their target rows, else their most
  frequent team across their deals. A rep who changed team mid-year counts for the team on
  each deal.
* **Filters.** team/rep/region/segment/channel/lead_source/product filters restrict the deals
  (the team filter applies to the resolved team above). Targets are set per rep, team and
  company, not per region or segment, so only the team and rep filters restrict them: with a
  rep filter a team's or the company's target is the sum of the selected reps' targets; with a
  team filter the company's target is the sum of the selected teams'. A region, segment or
  channel filter leaves targets whole, and attainment is still shown, against the full target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import DIMENSIONS, Filters, where_sql
from analytics.metrics.performance import win_rate
from analytics.periods import Period, add_months, custom_period, month_end, month_start
from analytics.store.schema import TARGET_METRICS
from analytics.store.settings import DEFAULT_SETTINGS, Settings

By = Literal["rep", "team", "company"]

#: The default slice: every deal.
NO_FILTERS = Filters()
#: The owner label of the single row of a ``by="company"`` table.
COMPANY = "Company"
#: Within ±5 % of the expected-to-date figure is "on pace".
PACE_TOLERANCE = 0.05
#: Below 80 % of the expected-to-date figure an owner is far behind (the report's red light).
FAR_BEHIND = 0.8
#: Metrics that have an actual: revenue (won amount), units (won quantity) and new customers.
ACTUAL_METRICS = ("revenue", "units", "new_customers")

#: Leading columns of the ``attainment`` CLI command, after the owner column.
CLI_COLUMNS = ("target", "actual", "attainment", "gap")

_BYS = ("rep", "team", "company")
# Deal columns kept in the owned-deal relation; the filter dimensions are a fixed whitelist.
_DEAL_KEEP = ("deal_id", "customer", "stage", "status", "amount", "close_date")

# Team resolution for a rep (module docstring): from the target file per month, then overall.
# Ties: the most specific (shortest) target row, then the first team by name; overall, the most
# frequent team, then the latest, then the first by name. (Aggregates with a sort key rather than
# window functions: the same choice, at a fraction of the cost.)
_TARGET_TEAM_CTES = """
rep_month_team AS (
    SELECT rep, month, arg_min(team, (span, team)) AS team FROM (
        SELECT rep, team, date_diff('month', period_start, period_end) AS span,
               unnest(generate_series(date_trunc('month', period_start), date_trunc('month', period_end),
                                      INTERVAL 1 MONTH))::DATE AS month
        FROM targets
        WHERE rep IS NOT NULL AND team IS NOT NULL AND period_start IS NOT NULL
          AND period_end >= period_start
    )
    GROUP BY rep, month
),
rep_target_team AS (
    SELECT rep, arg_min(team, (-n, last_end IS NULL, coalesce(-date_diff('day', DATE '2000-01-01', last_end), 0),
                               team)) AS team
    FROM (SELECT rep, team, count(*) AS n, max(period_end) AS last_end FROM targets
          WHERE rep IS NOT NULL AND team IS NOT NULL GROUP BY rep, team)
    GROUP BY rep
),
rep_deal_team AS (SELECT unnest(?::VARCHAR[]) AS rep, unnest(?::VARCHAR[]) AS team)"""

# The last fallback, the rep's most frequent team on their deals, is computed only for the reps
# that no target row gives a team: data whose targets carry teams never pays for a deal scan.
_DEAL_TEAM_SQL = """SELECT rep, team FROM deals
WHERE team IS NOT NULL AND rep IN (SELECT unnest(?::VARCHAR[]))
GROUP BY rep, team
QUALIFY row_number() OVER (PARTITION BY rep ORDER BY count(*) DESC, max(close_date) DESC NULLS LAST, team) = 1"""

_FIRST_WIN_CTE = """
first_win AS (
    SELECT rowid AS rid FROM deals
    WHERE status = 'won' AND customer IS NOT NULL AND close_date IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY customer ORDER BY close_date, deal_id, rowid) = 1
)"""


# --- helpers ---------------------------------------------------------------------------------

def _check_by(by: str) -> None:
    if by not in _BYS:
        raise ValueError(f"by must be one of {', '.join(_BYS)}, not {by!r}")


def _check_metric(metric: str, allowed: tuple[str, ...] = ACTUAL_METRICS) -> None:
    if metric not in allowed:
        raise ValueError(f"metric must be one of {', '.join(allowed)}, not {metric!r}")


def _default_as_of(period: Period, as_of: date | None) -> date:
    return as_of if as_of is not None else min(date.today(), period.end)


def _merge_ranges(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The same days as fewer inclusive ranges: overlapping or adjacent ones joined, in order."""
    out: list[list[date]] = []
    for start, end in sorted(ranges):
        if out and start.toordinal() <= out[-1][1].toordinal() + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _ranges_sql(column: str, ranges: list[tuple[date, date]]) -> tuple[str, list[object]]:
    """``(col BETWEEN ? AND ? OR ...)`` for inclusive date ranges (joined where they touch: each
    extra OR costs a pass over the column)."""
    ranges = _merge_ranges(ranges)
    sql = " OR ".join(f"{column} BETWEEN ? AND ?" for _ in ranges)
    return f"({sql})", [d for r in ranges for d in r]


def _team_ctes(cur: duckdb.DuckDBPyConnection, reps: list[str]) -> tuple[str, list[object]]:
    """The team-resolution CTEs, with ``rep_deal_team`` computed for ``reps`` only."""
    pairs = cur.execute(_DEAL_TEAM_SQL, [sorted(set(reps))]).fetchall() if reps else []
    return _TARGET_TEAM_CTES, [[p[0] for p in pairs], [p[1] for p in pairs]]


def _reps_with_target_team(cur: duckdb.DuckDBPyConnection) -> set[str]:
    """Reps that some target row gives a team (they never need the deal-based fallback)."""
    return {r[0] for r in cur.execute(
        "SELECT DISTINCT rep FROM targets WHERE rep IS NOT NULL AND team IS NOT NULL").fetchall()}


def _deal_source(cur: duckdb.DuckDBPyConnection, by_team: bool, filters: Filters,
                 ranges: list[tuple[date, date]], metric: str) -> tuple[str, list[object]]:
    """``WITH ..., f AS (...)``: deals closing in any of ``ranges`` after filters, with ``value``
    (amount, quantity or first-win flag) and ``prob``.

    ``team`` is the resolved team when ``by_team`` or a team filter needs it; ``prob`` is the
    deal's own probability (stage defaults are applied to the aggregated result).
    """
    range_sql, range_params = _ranges_sql("d.close_date", ranges)
    ctes: list[str] = []
    params: list[object] = []
    joins: list[str] = []
    fallback = False
    if by_team or filters.team:
        need = [r[0] for r in cur.execute(
            f"SELECT DISTINCT rep FROM deals d WHERE d.team IS NULL AND d.rep IS NOT NULL AND {range_sql}",
            range_params).fetchall()]
        if need:
            fallback = True
            with_team = _reps_with_target_team(cur)
            sql, p = _team_ctes(cur, [r for r in need if r not in with_team])
            ctes.append(sql)
            params += p
    if metric == "new_customers":
        ctes.append(_FIRST_WIN_CTE)
        joins.append("LEFT JOIN first_win fw ON fw.rid = d.rowid")
        value = "CASE WHEN fw.rid IS NOT NULL THEN 1.0 END"
    else:
        value = "d.amount" if metric == "revenue" else "d.quantity"
    keep = ", ".join(f"d.{c}" for c in _DEAL_KEEP)

    def select(team: str, extra_joins: list[str], condition: str) -> str:
        dims = ", ".join(f"{team} AS team" if dim == "team" else f"d.{dim}" for dim in DIMENSIONS)
        return (f"SELECT {keep}, {dims}, {value} AS value, d.probability AS prob FROM deals d\n"
                + "\n".join([*joins, *extra_joins]) + f"\nWHERE {range_sql}{condition}")

    if fallback:
        # Only deals without a team pay for the fallback joins.
        body = (select("d.team", [], " AND d.team IS NOT NULL") + "\nUNION ALL\n"
                + select("COALESCE(rmt.team, rtt.team, rdt.team)", [
                    "LEFT JOIN rep_month_team rmt ON rmt.rep = d.rep "
                    "AND rmt.month = date_trunc('month', d.close_date)",
                    "LEFT JOIN rep_target_team rtt ON rtt.rep = d.rep",
                    "LEFT JOIN rep_deal_team rdt ON rdt.rep = d.rep"], " AND d.team IS NULL"))
        params += range_params + range_params
    else:
        body = select("d.team", [], "")
        params += range_params
    cond, filter_params = where_sql(filters, "o", set(DIMENSIONS))
    sql = "WITH " + ",".join([*ctes, ""]) + f"\no AS ({body}),\nf AS (SELECT * FROM o WHERE {cond})\n"
    return sql, params + filter_params


def _owner_expr(by: str) -> str:
    return {"rep": "rep", "team": "team", "company": "?"}[by]


def _owner_params(by: str) -> list[object]:
    return [COMPANY] if by == "company" else []


def _target_parts(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], metric: str,
                  spread: bool, filters: Filters, by_rep: bool) -> list[tuple]:
    """Target contributions summed per (pid, month, is_part, team, rep) under ``filters``.

    ``is_part`` rows come from rep targets (``team`` is the rep's resolved team; ``rep`` is set
    when ``by_rep``, else None); the others are explicit team rows (``team`` set) and explicit
    company rows (``team`` None). The roll-up to teams and the company is done on these few rows
    by :func:`_roll_up`.

    The target rows that can count are fetched in one small query and spread over months and
    periods here (the rules of :func:`_target_parts_sql`, which is used instead when some rep
    target row has no team and the rep's team must be resolved).
    """
    lo = month_start(min(start for start, _ in periods))
    hi = max(end for _, end in periods)
    rows = cur.execute(
        "SELECT rep, team, target, period_start, period_end, "
        "(SELECT count(*) FROM targets WHERE rep IS NOT NULL AND team IS NULL) AS teamless "
        "FROM targets WHERE COALESCE(metric, 'revenue') = ? AND target IS NOT NULL "
        "AND period_start IS NOT NULL AND period_end >= period_start AND period_end >= ? AND period_start <= ?",
        [metric, lo, hi]).fetchall()
    if rows and rows[0][5]:
        return _target_parts_sql(cur, periods, metric, spread, filters, by_rep)
    month_pids: dict[date, list[int]] = {}  # calendar month -> the periods it joins
    for pid, (start, end) in enumerate(periods):
        m = month_start(start)
        while m <= end:
            month_pids.setdefault(m, []).append(pid)
            m = add_months(m, 1)
    reps, teams = set(filters.rep), set(filters.team)
    out: dict[tuple, float] = {}
    for rep, team, target, ps, pe, _ in rows:
        if rep is not None:
            counted = (not reps or rep in reps) and (not teams or team in teams)
        elif team is not None:
            counted = not reps and (not teams or team in teams)
        else:
            counted = not reps and not teams
        if not counted:
            continue
        first, last = month_start(ps), month_start(pe)
        n_months = (last.year - first.year) * 12 + last.month - first.month + 1
        share = target / n_months
        m = first
        while m <= last:
            for pid in month_pids.get(m, ()):
                p_start, p_end = periods[pid]
                whole = ps >= p_start and pe <= p_end
                m_end = month_end(m)
                overlap = max(0, (min(p_end, m_end, pe) - max(p_start, m, ps)).days + 1)
                if whole or ((n_months == 1 or spread) and overlap > 0):
                    amount = share if whole else share * overlap / ((m_end - m).days + 1)
                    _add(out, (pid, m, rep is not None, team, rep if by_rep else None), amount)
            m = add_months(m, 1)
    return [(*key, amount) for key, amount in out.items()]


def _target_parts_sql(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], metric: str,
                      spread: bool, filters: Filters, by_rep: bool) -> list[tuple]:
    """:func:`_target_parts` in SQL, with the rep's team resolved where a rep target row has none."""
    # Reps with a target row that has no team; those with no team on any row also need the
    # deal-based fallback. Targets whose rep rows all carry a team skip the resolution joins.
    missing = cur.execute(
        "SELECT rep, count(team) = 0 FROM targets WHERE rep IS NOT NULL GROUP BY rep "
        "HAVING count(team) < count(*)").fetchall()
    params: list[object] = []
    ctes = ""
    team = "c.team"
    joins = ""
    if missing:
        team_ctes, params = _team_ctes(cur, [r[0] for r in missing if r[1]])
        ctes = team_ctes + ","
        team = "CASE WHEN c.rep IS NULL THEN c.team ELSE COALESCE(c.team, rmt.team, rtt.team, rdt.team) END"
        joins = """
    LEFT JOIN rep_month_team rmt ON rmt.rep = c.rep AND rmt.month = c.month
    LEFT JOIN rep_target_team rtt ON rtt.rep = c.rep
    LEFT JOIN rep_deal_team rdt ON rdt.rep = c.rep"""
    params += [metric]
    values = ", ".join("(?, ?::DATE, ?::DATE)" for _ in periods)
    for i, (start, end) in enumerate(periods):
        params += [i, start, end]
    params.append(bool(spread))
    rep_cond, rep_params = where_sql(Filters(rep=filters.rep, team=filters.team), "r")
    team_cond, team_params = where_sql(Filters(team=filters.team), "r")
    team_cond = "FALSE" if filters.rep else team_cond
    company_cond = "FALSE" if (filters.rep or filters.team) else "TRUE"
    rep_col = "rep" if by_rep else "NULL::VARCHAR"
    # A target row covers the months from its start to its end; each month gets an equal share.
    # It counts whole when the period covers it, else (a month row, or any row with ``spread``)
    # pro rata by the days of each month the period covers.
    sql = f"""WITH {ctes}
c AS (
    SELECT pid, month, rep, team,
           CASE WHEN whole THEN share ELSE share * overlap / month_days END AS amount
    FROM (
        SELECT p.pid, t.rep, t.team, t.month, t.n_months,
               t.ps >= p.p_start AND t.pe <= p.p_end AS whole,
               t.target / t.n_months AS share,
               greatest(0, date_diff('day', greatest(p.p_start, t.month, t.ps),
                                     least(p.p_end, last_day(t.month), t.pe)) + 1) AS overlap,
               date_diff('day', t.month, last_day(t.month)) + 1 AS month_days
        FROM (
            SELECT rep, team, target, period_start AS ps, period_end AS pe,
                   date_diff('month', date_trunc('month', period_start), date_trunc('month', period_end)) + 1
                       AS n_months,
                   unnest(generate_series(date_trunc('month', period_start), date_trunc('month', period_end),
                                          INTERVAL 1 MONTH))::DATE AS month
            FROM targets
            WHERE COALESCE(metric, 'revenue') = ? AND target IS NOT NULL
              AND period_start IS NOT NULL AND period_end >= period_start
        ) t
        JOIN (SELECT * FROM (VALUES {values}) v(pid, p_start, p_end)) p
          ON t.month BETWEEN date_trunc('month', p.p_start) AND p.p_end
    )
    WHERE whole OR ((n_months = 1 OR ?::BOOLEAN) AND overlap > 0)
),
r AS (SELECT c.pid, c.month, c.rep, {team} AS team, c.amount FROM c{joins})
SELECT pid, month, rep IS NOT NULL AS is_part, team, {rep_col} AS rep, sum(amount) AS amount
FROM r
WHERE (rep IS NOT NULL AND {rep_cond}) OR (rep IS NULL AND team IS NOT NULL AND {team_cond})
   OR (rep IS NULL AND team IS NULL AND {company_cond})
GROUP BY ALL"""
    return cur.execute(sql, params + rep_params + team_params).fetchall()


def _add(acc: dict, key: object, value: float) -> None:
    acc[key] = acc[key] + value if key in acc else value


def _roll_up(parts: list[tuple]) -> tuple[dict, dict]:
    """(team level, company level) from :func:`_target_parts` rows.

    team level: (pid, month, team) -> [explicit, parts]; company level: (pid, month) ->
    [explicit, parts]. ``None`` where there is no such row. A team's amount in a month is its
    explicit row(s) when it has one, else the sum of its reps'; the company's is its explicit
    row(s), else the sum of the team amounts plus the reps who belong to no team.
    """
    team_m: dict[tuple, list] = {}
    comp_m: dict[tuple, list] = {}
    for pid, month, is_part, team, _rep, amount in parts:
        if team is not None:
            cell = team_m.setdefault((pid, month, team), [None, None])
            cell[1 if is_part else 0] = (cell[1 if is_part else 0] or 0.0) + amount
        else:
            cell = comp_m.setdefault((pid, month), [None, None])
            if is_part:  # a rep of no team counts straight to the company
                cell[1] = (cell[1] or 0.0) + amount
            else:
                cell[0] = (cell[0] or 0.0) + amount
    for (pid, month, _team), (explicit, rep_sum) in team_m.items():
        cell = comp_m.setdefault((pid, month), [None, None])
        cell[1] = (cell[1] or 0.0) + (explicit if explicit is not None else rep_sum)
    return team_m, comp_m


def _target_rows(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], by: str,
                 metric: str, spread: bool, filters: Filters) -> list[tuple[int, str | None, float]]:
    """(pid, owner, target) for each period in ``periods``: owners with a counted target only."""
    parts = _target_parts(cur, periods, metric, spread, filters, by_rep=by == "rep")
    totals: dict[tuple, float] = {}
    if by == "rep":
        for pid, _month, is_part, _team, rep, amount in parts:
            if is_part:
                _add(totals, (pid, rep), amount)
    elif by == "team":
        team_m, _ = _roll_up(parts)
        for (pid, _month, team), (explicit, rep_sum) in team_m.items():
            _add(totals, (pid, team), explicit if explicit is not None else rep_sum)
    else:
        _, comp_m = _roll_up(parts)
        for (pid, _month), (explicit, rep_sum) in comp_m.items():
            _add(totals, (pid, COMPANY), explicit if explicit is not None else rep_sum)
    return [(pid, owner, float(target)) for (pid, owner), target in totals.items()]


def _targets_by_period(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], by: str,
                       metric: str, spread: bool, filters: Filters) -> pd.DataFrame:
    """pid, owner, target for each period in ``periods`` (owners with a counted target only)."""
    rows = _target_rows(cur, periods, by, metric, spread, filters)
    return pd.DataFrame({
        "pid": pd.Series([r[0] for r in rows], dtype="int32"),
        "owner": pd.Series([r[1] for r in rows], dtype="str" if rows else "object"),
        "target": pd.Series([r[2] for r in rows], dtype="float64"),
    })


def _rep_teams(cur: duckdb.DuckDBPyConnection, reps: list[str], period: Period) -> dict[str, str | None]:
    """rep -> team: the rep's team in ``period`` (latest target-file month in it, else overall).

    The rules of ``_TARGET_TEAM_CTES`` applied to the rep target rows that carry a team (one small
    query): per month the most specific row's team, overall the most frequent team; the deal-based
    fallback is queried only for reps that no target row gives a team.
    """
    if not reps:
        return {}
    rows = cur.execute(
        "SELECT rep, team, period_start, period_end FROM targets WHERE rep IS NOT NULL AND team IS NOT NULL"
    ).fetchall()
    first, end = month_start(period.start), period.end
    in_period: dict[str, tuple[date, tuple[int, str]]] = {}  # rep -> (latest month, its row's sort key)
    per_month: dict[tuple[str, date], tuple[int, str]] = {}
    overall: dict[tuple[str, str], list] = {}  # (rep, team) -> [rows, latest end]
    for rep, team, ps, pe in rows:
        acc = overall.setdefault((rep, team), [0, None])
        acc[0] += 1
        if pe is not None and (acc[1] is None or pe > acc[1]):
            acc[1] = pe
        if ps is None or pe is None or pe < ps:
            continue
        key = ((pe.year - ps.year) * 12 + pe.month - ps.month, team)  # the shortest row, then by name
        m = max(month_start(ps), first)
        while m <= min(month_start(pe), end):
            if (rep, m) not in per_month or key < per_month[(rep, m)]:
                per_month[(rep, m)] = key
            m = add_months(m, 1)
    for (rep, m), key in per_month.items():
        if rep not in in_period or m > in_period[rep][0]:
            in_period[rep] = (m, key)
    best: dict[str, tuple] = {}
    for (rep, team), (n, latest) in overall.items():
        rank = (-n, latest is None, -(latest.toordinal() if latest else 0), team)
        if rep not in best or rank < best[rep]:
            best[rep] = rank
    out: dict[str, str | None] = {}
    need = []
    for rep in reps:
        if rep in in_period:
            out[rep] = in_period[rep][1][1]
        elif rep in best:
            out[rep] = best[rep][3]
        else:
            need.append(rep)
    if need:
        out.update(cur.execute(_DEAL_TEAM_SQL, [sorted(set(need))]).fetchall())
    return out


def _sort_owner(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    return frame.sort_values(by, na_position="last", kind="stable").reset_index(drop=True)


# --- public API ------------------------------------------------------------------------------

def actuals(con: duckdb.DuckDBPyConnection, period: Period, by: By,
            filters: Filters = NO_FILTERS, metric: str = "revenue") -> pd.DataFrame:
    """<by>, actual, deals_won: won amount (``revenue``), won quantity (``units``) or customers
    won for the first time (``new_customers``) over won deals closed in the period.

    Only owners with a won deal appear; ``by="company"`` always has its one row (0 with no deal).
    """
    _check_by(by)
    _check_metric(metric)
    cur = con.cursor()
    src, params = _deal_source(cur, by == "team", filters, [(period.start, period.end)], metric)
    sql = (src + f"SELECT {_owner_expr(by)} AS {by}, COALESCE(sum(value), 0)::DOUBLE AS actual, "
           f"count(*) AS deals_won FROM f WHERE status = 'won' GROUP BY ALL")
    out = cur.execute(sql, params + _owner_params(by)).df()
    if by == "company" and out.empty:
        out = pd.DataFrame({"company": [COMPANY], "actual": [0.0], "deals_won": [0]})
    return _sort_owner(out, by)


def targets_for(con: duckdb.DuckDBPyConnection, period: Period, by: By, metric: str = "revenue",
                spread: bool = False, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """<by>, target: the targets counted in the period (see the module docstring for the rules).

    Owners without a counted target are absent ("no target"), never given 0. Only the team and
    rep filters restrict targets.
    """
    _check_by(by)
    _check_metric(metric, TARGET_METRICS)
    frame = _targets_by_period(con.cursor(), [(period.start, period.end)], by, metric, spread, filters)
    frame = frame.drop(columns="pid").rename(columns={"owner": by})
    return _sort_owner(frame, by)


def attainment(con: duckdb.DuckDBPyConnection, period: Period, by: By, filters: Filters = NO_FILTERS,
               as_of: date | None = None, metric: str = "revenue", spread: bool = False,
               settings: Settings = DEFAULT_SETTINGS, history: Period | None = None) -> pd.DataFrame:
    """One row per owner with a target or a deal in the period: target, actual, attainment and
    what closes the gap. Columns start ``<by>, target, actual, attainment, gap`` (the CLI's);
    by rep, ``team`` follows. Deals whose team cannot be resolved form one row with a NULL team,
    so the teams add up to the company. ``by="company"`` always has its one row.

    attainment = actual / target (fraction; NaN with no target); gap = target - actual
    (negative when exceeded). expected_to_date = target x elapsed days / days in period, the
    elapsed days counted through ``as_of`` inclusive (default: min(today, period end));
    pace_status is ``on_pace`` within ±5 % of expected_to_date, ``behind`` below, ``ahead``
    above, ``no_target`` without a target (before the period starts: ``on_pace`` with nothing
    won, ``ahead`` otherwise). run_rate_projection = actual x days / elapsed days (NaN before the
    start). required_per_day = gap / remaining days (0 when met, NaN when the period is over
    with a gap). weighted_pipeline = sum of value x probability over open deals closing in the
    period (deal probability, else the stage default; a deal of unknown stage and probability
    weighs 0); open deals with no amount count 0 and are counted in open_unknown_amount.
    forecast = actual + weighted_pipeline; coverage = open_pipeline / (target - actual), NaN when
    met or no target; coverage_needed = 1 / win_rate. win_rate (count) and avg_deal_size are
    over deals closed in ``history`` (default: the period); deals_needed = ceil(gap /
    avg_deal_size) (0 when met); deals_needed_at_win_rate = ceil(deals_needed / win_rate).
    actual_last_year is the same period a year earlier and change_vs_previous the fraction
    change against the previous period; both NaN where the data has no deal in that period.
    For ``new_customers`` the pipeline and deal-size columns are NaN.
    """
    _check_by(by)
    _check_metric(metric)
    as_of = _default_as_of(period, as_of)
    history = history or period
    last_year = period.same_period_last_year()
    previous = period.previous()
    cur = con.cursor()
    deals = _deal_buckets(cur, by, filters, metric, settings, period, last_year, previous, history, as_of)
    # "No data" for a comparison period: the data holds no deal closing in it at all.
    has_ly, has_prev = cur.execute(
        "SELECT EXISTS (SELECT 1 FROM deals WHERE close_date BETWEEN ? AND ?), "
        "EXISTS (SELECT 1 FROM deals WHERE close_date BETWEEN ? AND ?)",
        [last_year.start, last_year.end, previous.start, previous.end]).fetchall()[0]
    targets = {owner: target for _pid, owner, target in
               _target_rows(cur, [(period.start, period.end)], by, metric, spread, filters)}

    owners = list(targets) + [o for o in deals if o not in targets]
    if by != "company":  # an owner with only last year's or last month's deals is not listed
        owners = [o for o in owners if o in targets or (o in deals and deals[o]["period_deals"] > 0)]
    elif not owners:
        owners = [COMPANY]
    owners.sort(key=lambda o: (o is None, o or ""))  # by owner, no owner last
    frame = _derive(owners, targets, deals, period, as_of, metric, bool(has_ly), bool(has_prev))
    key = pd.Series(owners, dtype="str" if owners else "object")  # the dtype DuckDB's .df() gives
    frame.insert(0, by, key)
    if by == "rep":
        teams = _rep_teams(cur, [r for r in owners if r is not None], period)
        team = [teams.get(r) for r in owners]
        dtype = "str" if not owners or any(t is not None for t in team) else "object"
        frame.insert(len(CLI_COLUMNS) + 1, "team", pd.Series(team, dtype=dtype))
    return frame


#: The per-owner figures of :func:`_deal_buckets`.
_BUCKETS = ("actual", "deals_won", "actual_last_year", "actual_previous", "history_won", "history_lost",
            "history_won_value", "history_won_valued", "open_pipeline", "weighted_pipeline", "open_unknown_amount",
            "open_deals", "period_deals")


def _deal_buckets(cur: duckdb.DuckDBPyConnection, by: str, filters: Filters, metric: str, settings: Settings,
                  period: Period, last_year: Period, previous: Period,
                  history: Period, as_of: date | None = None) -> dict[str | None, dict[str, float]]:
    """Per owner: the won, lost and open sums and counts that ``attainment`` needs.

    A sale closed after ``as_of`` has not happened yet on that day: it is left out of the
    period's actual (nothing after the as-of day counts).

    One scan of the deals groups them by owner, status, which of the four windows they fall in
    and, for open deals without a probability, their stage; the few groups are then added up per
    owner here (cheaper than a dozen filtered aggregates over every deal), with the stage
    defaults applied to the open deals of the period that have no probability of their own.
    """
    windows = [period, last_year, previous, history]
    src, params = _deal_source(cur, by == "team", filters, [(w.start, w.end) for w in windows], metric)
    sql = src + f"""SELECT {_owner_expr(by)} AS owner, status,
    close_date BETWEEN ? AND ? AS in_period, close_date BETWEEN ? AND ? AS in_last_year,
    close_date BETWEEN ? AND ? AS in_previous, close_date BETWEEN ? AND ? AS in_history,
    coalesce(close_date > ?, FALSE) AS after_as_of,
    CASE WHEN status = 'open' AND prob IS NULL THEN stage END AS default_stage,
    sum(value) AS value, count(*) AS deals, count(value) AS valued, sum(value * prob) AS weighted_known
FROM f WHERE status IN ('won', 'lost', 'open') GROUP BY ALL"""
    rows = cur.execute(sql, params + _owner_params(by) + [d for w in windows for d in (w.start, w.end)]
                       + [as_of or date.max]).fetchall()
    probability = _stage_probability(settings)
    out: dict[str | None, dict[str, float]] = {}
    for owner, status, in_p, in_ly, in_prev, in_hist, after_as_of, stage, value, deals, valued, weighted in rows:
        acc = out.get(owner)
        if acc is None:
            acc = out[owner] = dict.fromkeys(_BUCKETS, 0)
        value = value or 0.0  # an amount-less group adds nothing (as SQL's sum ignores NULL)
        if in_p:
            acc["period_deals"] += deals
        if status == "won":
            if in_p and not after_as_of:
                acc["actual"] += value
                acc["deals_won"] += deals
            if in_ly:
                acc["actual_last_year"] += value
            if in_prev:
                acc["actual_previous"] += value
            if in_hist:
                acc["history_won"] += deals
                acc["history_won_value"] += value
                acc["history_won_valued"] += valued
        elif status == "lost":
            if in_hist:
                acc["history_lost"] += deals
        elif in_p:  # open, expected to close in the period
            default = probability(stage) if stage is not None else math.nan
            acc["open_pipeline"] += value
            acc["weighted_pipeline"] += (weighted or 0.0) + value * (0.0 if math.isnan(default) else default)
            acc["open_unknown_amount"] += deals - valued
            acc["open_deals"] += deals
    return out


def _stage_probability(settings: Settings) -> Callable[[object], float]:
    """label -> the stage's default probability (NaN for an unknown or lost label), memoised.

    The same classification as ``settings.register_stage_map``, applied to the few labels of the
    aggregated open deals instead of every stage in the table.
    """
    cache: dict[object, float] = {}

    def probability(label: object) -> float:
        if label is None or (isinstance(label, float) and math.isnan(label)):
            return math.nan
        if label not in cache:
            key, _status = settings.classify_stage(label)
            cache[label] = settings.stage(key).probability if key else math.nan
        return cache[label]

    return probability


def _derive(owners: list[str | None], targets: dict[str | None, float],
            deals: dict[str | None, dict[str, float]], period: Period, as_of: date, metric: str,
            has_ly: bool, has_prev: bool) -> pd.DataFrame:
    """The arithmetic on the few per-owner figures (no data access), one row per owner in order.

    numpy on the small arrays, the frame built once: pandas' per-column overhead would otherwise
    cost more than the query.
    """
    n = len(owners)
    empty: dict[str, float] = {}

    def col(name: str) -> np.ndarray:
        return np.array([deals.get(o, empty).get(name, 0.0) for o in owners], dtype="float64")

    with np.errstate(divide="ignore", invalid="ignore"):
        target = np.array([targets.get(o, math.nan) for o in owners], dtype="float64")
        target = np.where(target > 0, target, np.nan)  # a zero target cannot be attained: treated as none
        actual = col("actual")
        gap = target - actual
        days = period.days
        elapsed = period.elapsed_days(as_of)
        remaining = days - elapsed
        expected = target * elapsed / days
        shortfall = np.clip(gap, 0, None)
        # once the period is over, a gap cannot be closed
        required = shortfall / remaining if remaining else np.where(shortfall == 0, shortfall, np.nan)
        weighted = col("weighted_pipeline")
        open_pipeline = col("open_pipeline")
        coverage = np.where(gap > 0, open_pipeline / gap, np.nan)
        rate = win_rate(col("history_won"), col("history_lost"))
        coverage_needed = np.where(rate > 0, 1 / rate, np.nan)
        valued = col("history_won_valued")
        avg = np.where(valued > 0, col("history_won_value") / valued, np.nan)
        needed = np.ceil(_round_safe(shortfall / np.where(avg > 0, avg, np.nan)))
        needed = np.where(shortfall == 0, 0.0, needed)
        at_rate = np.ceil(_round_safe(needed / np.where(rate > 0, rate, np.nan)))
        at_rate = np.where(needed == 0, 0.0, at_rate)
        prev = col("actual_previous")
        change = np.where(prev > 0, (actual - prev) / prev, np.nan) if has_prev else np.full(n, np.nan)
    out = {
        "target": target, "actual": actual, "attainment": actual / target, "gap": gap,
        "expected_to_date": expected,
        "pace_status": pd.Series([pace_status(a, e, t) for a, e, t in zip(actual, expected, target, strict=True)],
                                 dtype="str"),
        "run_rate_projection": actual * days / elapsed if elapsed else np.full(n, np.nan),
        "required_per_day": required,
        "weighted_pipeline": weighted,
        "forecast": actual + weighted,
        "open_pipeline": open_pipeline,
        "open_unknown_amount": col("open_unknown_amount").astype("int64"),
        "coverage": coverage,
        "coverage_needed": coverage_needed,
        "deals_won": col("deals_won").astype("int64"),
        "win_rate": rate,
        "avg_deal_size": avg,
        "deals_needed": pd.array(needed, dtype="Float64").astype("Int64"),
        "deals_needed_at_win_rate": pd.array(at_rate, dtype="Float64").astype("Int64"),
        "actual_last_year": col("actual_last_year") if has_ly else np.full(n, np.nan),
        "actual_previous": prev if has_prev else np.full(n, np.nan),
        "change_vs_previous": change,
    }
    if metric == "new_customers":  # a count of customers has no pipeline value or deal size
        for name in ("weighted_pipeline", "forecast", "open_pipeline", "coverage", "avg_deal_size"):
            out[name] = np.full(n, np.nan)
        for name in ("deals_needed", "deals_needed_at_win_rate"):
            out[name] = pd.array([pd.NA] * n, dtype="Int64")
    return pd.DataFrame(out)


def _round_safe(values: np.ndarray) -> np.ndarray:
    """Guard ``ceil`` against float noise: 3.0000000000000004 deals needed is 3."""
    return np.round(values, 9)


def pace_status(actual: float, expected: float, target: float) -> str:
    """``behind`` below expected-to-date by more than :data:`PACE_TOLERANCE`, ``ahead`` above it by
    more, ``on_pace`` between, ``no_target`` without a target (NaN); before the period starts
    (nothing expected yet) ``ahead`` with something won, else ``on_pace``."""
    if math.isnan(target):
        return "no_target"
    if expected == 0:
        return "ahead" if actual > 0 else "on_pace"
    if actual < expected * (1 - PACE_TOLERANCE):
        return "behind"
    if actual > expected * (1 + PACE_TOLERANCE):
        return "ahead"
    return "on_pace"


def pace_share(period: Period, as_of: date | None = None) -> float:
    """The share of a target expected by ``as_of``: elapsed days / days in the period (0..1), the
    elapsed days counted as :func:`attainment` counts them (default as-of: min(today, period end)).
    The same for every owner with a target, so one pace marker serves a whole chart."""
    return period.elapsed_days(_default_as_of(period, as_of)) / period.days


def pace_bands(share: float) -> tuple[float, float]:
    """(far_behind_below, on_pace_from): attainment thresholds for a traffic light at pace
    ``share``. Below ``share`` x (1 - :data:`PACE_TOLERANCE`) an owner is ``behind`` (as
    :func:`pace_status` says); below ``share`` x :data:`FAR_BEHIND` it is far behind."""
    return share * FAR_BEHIND, share * (1 - PACE_TOLERANCE)


def pace_points(row: Mapping[str, object]) -> float:
    """Attainment minus the share of the target expected by now, for an ``attainment`` row
    (0.12 = 12 points ahead of pace); NaN with no target."""
    target, expected, attained = row.get("target"), row.get("expected_to_date"), row.get("attainment")
    if _missing(target) or _missing(expected) or _missing(attained) or float(target) <= 0:  # type: ignore[arg-type]
        return math.nan
    return float(attained) - float(expected) / float(target)  # type: ignore[arg-type]


def days_left(period: Period, as_of: date | None = None) -> int:
    """Days of the period after ``as_of`` (default: min(today, period end)); 0 once it is over."""
    return period.days - period.elapsed_days(_default_as_of(period, as_of))


def period_over_period(current: Mapping[str, object], previous: Mapping[str, object] | None) -> dict[str, float]:
    """What the headline cards compare, from two company rows of :func:`attainment` (NaN where a
    side is missing).

    Against the previous period: ``actual``, the fraction change (``change_vs_previous``);
    ``target``, the difference in currency; ``attainment``, the difference of the two fractions
    (0.05 = 5 points); ``forecast``, the fraction change (NaN when the previous one is 0).
    ``coverage_vs_needed`` compares coverage with the coverage needed (1 / win rate) instead, in
    times covered: a past period has no open pipeline left, so its coverage says nothing now.
    """
    prev = previous or {}
    return {
        "actual": _number(current.get("change_vs_previous")),
        "target": _difference(current.get("target"), prev.get("target")),
        "attainment": _difference(current.get("attainment"), prev.get("attainment")),
        "forecast": _fraction_change(current.get("forecast"), prev.get("forecast")),
        "coverage_vs_needed": _difference(current.get("coverage"), current.get("coverage_needed")),
    }


#: Columns of :func:`leaderboard`.
LEADERBOARD_COLUMNS = ("rank", "rep", "team", "attainment", "pace_status", "actual", "target", "bar", "payout")


def leaderboard(reps: pd.DataFrame, payout_totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reps ranked by attainment (``attainment(by="rep")`` rows), best first.

    Columns :data:`LEADERBOARD_COLUMNS`: rank (:func:`rank_among_peers`: 1 = best, shared by
    equal attainment, <NA> without a target), rep, team, attainment, pace_status, actual, target,
    bar (attainment on a 0..1 scale whose end is the higher of 100 % and the best attainment) and
    payout (the rep's total from ``payouts(...).totals`` when given, else NaN). Reps without a
    target come last; ties by actual, then name.
    """
    if reps.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in LEADERBOARD_COLUMNS})
    f = pd.DataFrame({
        "rep": reps["rep"].astype("object"),
        "team": reps["team"].astype("object") if "team" in reps else None,
        "attainment": reps["attainment"].astype("float64"),
        "pace_status": reps["pace_status"].astype("object").where(reps["pace_status"].notna(), "no_target"),
        "actual": reps["actual"].astype("float64"),
        "target": reps["target"].astype("float64"),
    })
    f["_name"] = f["rep"].map(lambda r: "" if _missing(r) else str(r).casefold())
    f = f.sort_values(["attainment", "actual", "_name"], ascending=[False, False, True], na_position="last",
                      kind="stable").drop(columns="_name").reset_index(drop=True)
    f.insert(0, "rank", rank_among_peers(f))
    top = max([1.0, *[v for v in f["attainment"] if not _missing(v)]])
    f["bar"] = [0.0 if _missing(v) else min(max(float(v) / top, 0.0), 1.0) for v in f["attainment"]]
    pay: dict[str, float] = {}
    if payout_totals is not None and len(payout_totals):
        pay = {str(r): float(v) for r, v in zip(payout_totals["rep"], payout_totals["total"], strict=True)
               if not _missing(r)}
    f["payout"] = [pay.get(str(r), math.nan) if not _missing(r) else math.nan for r in f["rep"]]
    return f[list(LEADERBOARD_COLUMNS)]


def _missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def _number(x: object) -> float:
    return math.nan if _missing(x) else float(x)  # type: ignore[arg-type]


def _difference(a: object, b: object) -> float:
    return math.nan if _missing(a) or _missing(b) else float(a) - float(b)  # type: ignore[arg-type]


def _fraction_change(a: object, b: object) -> float:
    if _missing(a) or _missing(b) or float(b) <= 0:  # type: ignore[arg-type]
        return math.nan
    return (float(a) - float(b)) / float(b)  # type: ignore[arg-type]


def decomposition_check(con: duckdb.DuckDBPyConnection, period: Period, metric: str = "revenue",
                        spread: bool = False) -> pd.DataFrame:
    """level ('team'|'company'), owner, explicit_target, sum_of_parts, difference.

    One row per team whose explicit target differs (by more than 0.005) from the sum of its
    reps' targets, and for the company when its explicit target differs from the sum of the
    team targets (plus reps without a team), compared over the months the explicit target
    covers. difference = explicit_target - sum_of_parts. A target with no parts at all (a team
    target only) is not a mismatch.
    """
    _check_metric(metric, TARGET_METRICS)
    parts = _target_parts(con.cursor(), [(period.start, period.end)], metric, spread, Filters(), by_rep=False)
    team_m, comp_m = _roll_up(parts)
    checks: dict[tuple[str, str], list] = {}  # (level, owner) -> [explicit, parts] over explicit months
    for (_pid, _month, team), (explicit, rep_sum) in team_m.items():
        if explicit is not None:
            acc = checks.setdefault(("team", team), [0.0, None])
            acc[0] += explicit
            if rep_sum is not None:
                acc[1] = (acc[1] or 0.0) + rep_sum
    for (_pid, _month), (explicit, sub) in comp_m.items():
        if explicit is not None:
            acc = checks.setdefault(("company", COMPANY), [0.0, None])
            acc[0] += explicit
            if sub is not None:
                acc[1] = (acc[1] or 0.0) + sub
    rows = [(level, owner, explicit, sub, explicit - sub)
            for (level, owner), (explicit, sub) in checks.items()
            if sub is not None and abs(explicit - sub) > 0.005]
    rows.sort(key=lambda r: (r[0] != "team", r[1]))  # teams by name, then the company
    columns = ["level", "owner", "explicit_target", "sum_of_parts", "difference"]
    return pd.DataFrame({
        name: pd.Series([r[i] for r in rows], dtype=("str" if rows else "object") if i < 2 else "float64")
        for i, name in enumerate(columns)})


def cumulative_actual(con: duckdb.DuckDBPyConnection, period: Period, filters: Filters = NO_FILTERS,
                      as_of: date | None = None, metric: str = "revenue",
                      spread: bool = False) -> pd.DataFrame:
    """date, actual_cum, target_cum, last_year_cum: one row per day of the period.

    actual_cum runs through ``as_of`` (NaN after it); target_cum is the company target (under the
    team/rep filters) accrued linearly by day (NaN with no target); last_year_cum is the won total
    from the same period last year through the same day a year earlier (NaN with no deal then).
    """
    _check_metric(metric)
    as_of = _default_as_of(period, as_of)
    last_year = period.same_period_last_year()
    cur = con.cursor()
    src, params = _deal_source(cur, False, filters, [(period.start, period.end), (last_year.start, last_year.end)],
                               metric)
    daily = cur.execute(
        src + "SELECT close_date AS date, sum(value) AS actual FROM f WHERE status = 'won' GROUP BY ALL",
        params).df()
    sums = {pd.Timestamp(d).date(): float(v) for d, v in zip(daily["date"], daily["actual"], strict=True)
            if pd.notna(v)}
    has_ly = cur.execute("SELECT EXISTS (SELECT 1 FROM deals WHERE close_date BETWEEN ? AND ?)",
                         [last_year.start, last_year.end]).fetchall()[0][0]
    target_frame = _targets_by_period(cur, [(period.start, period.end)], "company", metric, spread, filters)
    target = float(target_frame["target"].iloc[0]) if len(target_frame) else math.nan

    dates = pd.date_range(period.start, period.end, freq="D")
    actual_daily = np.array([sums.get(d.date(), 0.0) for d in dates])
    actual_cum = np.cumsum(actual_daily)
    actual_cum[[d.date() > as_of for d in dates]] = np.nan
    ly_cum: list[float] = []
    running = 0.0
    ly_day = last_year.start
    for d in dates:
        # the same day a year earlier; 29 February maps to the 28th
        limit = min(add_months(d.date(), -12), last_year.end)
        while ly_day <= limit:
            running += sums.get(ly_day, 0.0)
            ly_day = date.fromordinal(ly_day.toordinal() + 1)
        ly_cum.append(running if has_ly else math.nan)
    index = np.arange(1, len(dates) + 1)
    return pd.DataFrame({
        "date": dates.astype("datetime64[us]"),
        "actual_cum": actual_cum,
        "target_cum": target * index / period.days,
        "last_year_cum": ly_cum,
    })


def monthly_attainment(con: duckdb.DuckDBPyConnection, start: date, end: date, by: By = "rep",
                       filters: Filters = NO_FILTERS, metric: str = "revenue", spread: bool = False,
                       as_of: date | None = None) -> pd.DataFrame:
    """<by>, month, target, actual, attainment: one row per owner and calendar month in
    [start, end] (the rep x month heatmap over a fiscal year).

    Each month is its own period (a quarter target needs ``spread=True`` to count). Months that
    start after ``as_of`` (default today) have NaN actual and attainment, not 0.
    """
    _check_by(by)
    _check_metric(metric)
    as_of = as_of or date.today()
    months = custom_period(month_start(start), month_end(end)).months()
    cur = con.cursor()
    periods = [(m, month_end(m)) for m in months]
    targets = {(owner, months[pid]): target for pid, owner, target in
               _target_rows(cur, periods, by, metric, spread, filters)}
    src, params = _deal_source(cur, by == "team", filters, [(months[0], month_end(months[-1]))], metric)
    actual = {(owner, month): value for owner, month, value in cur.execute(
        src + f"SELECT {_owner_expr(by)} AS owner, date_trunc('month', close_date)::DATE AS month, "
              "sum(value) AS actual FROM f WHERE status = 'won' GROUP BY ALL",
        params + _owner_params(by)).fetchall()}
    if by == "company":
        owners: list[str | None] = [COMPANY]
    else:  # every owner with a target or a won deal in a month, by name (no owner last)
        owners = sorted({o for o, _ in targets} | {o for o, _ in actual}, key=lambda o: (o is None, o or ""))
    # The grid is built on the few owners x months in Python, not with frame merges.
    cells = [(o, m) for o in owners for m in months]
    actual_col = np.array([math.nan if m > as_of else (actual.get((o, m)) or 0.0) for o, m in cells],
                          dtype="float64")
    target_col = np.array([targets.get(cell, math.nan) for cell in cells], dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        attained = actual_col / np.where(target_col > 0, target_col, np.nan)
    return pd.DataFrame({
        by: pd.Series([o for o, _ in cells], dtype="str"),
        "month": pd.Series(pd.to_datetime([m for _, m in cells]), dtype="datetime64[us]"),
        "target": target_col, "actual": actual_col, "attainment": attained,
    })


def open_deals_for_gap(con: duckdb.DuckDBPyConnection, period: Period, rep: str,
                       settings: Settings = DEFAULT_SETTINGS, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """deal_id, customer, stage, amount, probability, weighted_value, close_date: the rep's open
    deals expected to close in the period, largest weighted value first.

    probability is the deal's, else the stage default (NaN for an unknown stage); a deal with no
    amount has NaN weighted_value and is listed last.
    """
    cur = con.cursor()
    src, params = _deal_source(cur, False, filters, [(period.start, period.end)], "revenue")
    sql = src + "SELECT deal_id, customer, stage, amount, prob AS probability, close_date FROM f " \
                "WHERE status = 'open' AND rep = ?"
    deals = cur.execute(sql, params + [rep]).df()
    default = deals["stage"].map(_stage_probability(settings)).astype("float64")
    deals["probability"] = deals["probability"].astype("float64").fillna(default)
    deals["weighted_value"] = deals["amount"] * deals["probability"]
    deals = deals.sort_values(["weighted_value", "amount", "close_date", "deal_id"],
                              ascending=[False, False, True, True], na_position="last", kind="stable")
    return deals[["deal_id", "customer", "stage", "amount", "probability", "weighted_value", "close_date"]] \
        .reset_index(drop=True)


def rank_among_peers(attainment_df: pd.DataFrame) -> pd.Series:
    """Rank by attainment, 1 = highest; ties share the best rank; no target -> <NA>, unranked."""
    ranks = attainment_df["attainment"].astype("float64").rank(ascending=False, method="min")
    return ranks.astype("Int64").rename("rank")


def market_share(con: duckdb.DuckDBPyConnection, period: Period, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """segment, won_revenue, market_size, share (fraction of the market won in the period).

    A market-size row is spread evenly over its months and the months the period covers are
    summed (a cut month pro rata by days), so a yearly market size gives a month 1/12 of it.
    Segments with revenue but no market size have NaN share; deals with no segment are one
    row with a NULL segment. The segment filter also restricts the market rows.
    """
    cur = con.cursor()
    src, params = _deal_source(cur, False, filters, [(period.start, period.end)], "revenue")
    seg_cond, seg_params = where_sql(Filters(segment=filters.segment), "m")
    sql = src + f""",
revenue AS (SELECT segment, sum(amount) AS won_revenue FROM f WHERE status = 'won' GROUP BY ALL),
mk AS (
    SELECT segment, market_size, period_start AS ps, period_end AS pe,
           date_diff('month', date_trunc('month', period_start), date_trunc('month', period_end)) + 1
               AS n_months,
           unnest(generate_series(date_trunc('month', period_start), date_trunc('month', period_end),
                                  INTERVAL 1 MONTH))::DATE AS month
    FROM markets m
    WHERE market_size IS NOT NULL AND period_start IS NOT NULL AND period_end >= period_start
      AND {seg_cond}
),
size AS (
    SELECT segment, sum(market_size / n_months
                        * greatest(0, date_diff('day', greatest(?::DATE, month, ps),
                                                least(?::DATE, last_day(month), pe)) + 1)
                        / (date_diff('day', month, last_day(month)) + 1)) AS market_size
    FROM mk WHERE month BETWEEN date_trunc('month', ?::DATE) AND ?::DATE GROUP BY ALL
)
SELECT COALESCE(r.segment, s.segment) AS segment, COALESCE(r.won_revenue, 0) AS won_revenue,
       s.market_size, COALESCE(r.won_revenue, 0) / nullif(s.market_size, 0) AS share
FROM revenue r FULL JOIN size s ON r.segment = s.segment
ORDER BY won_revenue DESC, segment NULLS LAST"""
    # the text starts "WITH ..., f AS (...)\n" and continues with more CTEs
    params = params + seg_params + [period.start, period.end, period.start, period.end]
    return cur.execute(sql, params).df()


__all__ = [
    "ACTUAL_METRICS", "CLI_COLUMNS", "COMPANY", "FAR_BEHIND", "LEADERBOARD_COLUMNS", "NO_FILTERS", "PACE_TOLERANCE",
    "actuals", "attainment", "cumulative_actual", "days_left", "decomposition_check", "leaderboard", "market_share",
    "monthly_attainment", "open_deals_for_gap", "pace_bands", "pace_points", "pace_share", "pace_status",
    "period_over_period", "rank_among_peers", "targets_for",
]
