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
from collections.abc import Callable
from datetime import date
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import DIMENSIONS, Filters, where_sql
from analytics.periods import Period, add_months, custom_period, month_end, month_start
from analytics.schema import TARGET_METRICS
from analytics.settings import DEFAULT_SETTINGS, Settings

By = Literal["rep", "team", "company"]

#: The default slice: every deal.
NO_FILTERS = Filters()
#: The owner label of the single row of a ``by="company"`` table.
COMPANY = "Company"
#: Within ±5 % of the expected-to-date figure is "on pace".
PACE_TOLERANCE = 0.05
#: Metrics that have an actual: revenue (won amount), units (won quantity) and new customers.
ACTUAL_METRICS = ("revenue", "units", "new_customers")

#: Leading columns of the ``attainment`` CLI command, after the owner column.
CLI_COLUMNS = ("target", "actual", "attainment", "gap")

_BYS = ("rep", "team", "company")
# Deal columns kept in the owned-deal relation; the filter dimensions are a fixed whitelist.
_DEAL_KEEP = ("deal_id", "customer", "stage", "status", "amount", "close_date")

# Team resolution for a rep (module docstring): from the target file per month, then overall.
# Ties: the most specific (shortest) target row, then the latest.
_TARGET_TEAM_CTES = """
rep_month_team AS (
    SELECT rep, month, team FROM (
        SELECT rep, team, date_diff('month', period_start, period_end) AS span,
               unnest(generate_series(date_trunc('month', period_start), date_trunc('month', period_end),
                                      INTERVAL 1 MONTH))::DATE AS month
        FROM targets
        WHERE rep IS NOT NULL AND team IS NOT NULL AND period_start IS NOT NULL
          AND period_end >= period_start
    )
    QUALIFY row_number() OVER (PARTITION BY rep, month ORDER BY span, team) = 1
),
rep_target_team AS (
    SELECT rep, team FROM targets WHERE rep IS NOT NULL AND team IS NOT NULL
    GROUP BY rep, team
    QUALIFY row_number() OVER (PARTITION BY rep ORDER BY count(*) DESC, max(period_end) DESC NULLS LAST,
                                                         team) = 1
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


def _ranges_sql(column: str, ranges: list[tuple[date, date]]) -> tuple[str, list[object]]:
    """``(col BETWEEN ? AND ? OR ...)`` for inclusive date ranges."""
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


def _target_sql(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], metric: str,
                spread: bool, filters: Filters) -> tuple[str, list[object]]:
    """CTEs ending in per-(pid, month) target contributions at each level.

    ``rep_c(pid, month, rep, team, amount)`` with the rep's resolved team,
    ``team_m(pid, month, team, amount, explicit, parts)`` and
    ``comp_m(pid, month, amount, explicit, parts)``: ``amount`` is the explicit row when
    there is one, else the parts.
    """
    without_team = [r[0] for r in cur.execute(
        "SELECT rep FROM targets WHERE rep IS NOT NULL GROUP BY rep HAVING count(team) = 0").fetchall()]
    team_ctes, params = _team_ctes(cur, without_team)
    values = ", ".join("(?, ?::DATE, ?::DATE)" for _ in periods)
    for i, (start, end) in enumerate(periods):
        params += [i, start, end]
    params += [metric, bool(spread)]
    rep_cond, rep_params = where_sql(Filters(rep=filters.rep, team=filters.team), "r")
    team_cond, team_params = where_sql(Filters(team=filters.team), "c")
    team_cond = "FALSE" if filters.rep else team_cond
    company_cond = "FALSE" if (filters.rep or filters.team) else "TRUE"
    sql = f"""WITH {team_ctes},
periods AS (SELECT * FROM (VALUES {values}) v(pid, p_start, p_end)),
tr AS (
    SELECT rep, team, target, period_start AS ps, period_end AS pe,
           date_diff('month', date_trunc('month', period_start), date_trunc('month', period_end)) + 1
               AS n_months
    FROM targets
    WHERE COALESCE(metric, 'revenue') = ? AND target IS NOT NULL
      AND period_start IS NOT NULL AND period_end >= period_start
),
tm AS (
    SELECT tr.*, unnest(generate_series(date_trunc('month', ps), date_trunc('month', pe),
                                        INTERVAL 1 MONTH))::DATE AS month
    FROM tr
),
cm AS (
    SELECT p.pid, tm.rep, tm.team, tm.month, tm.n_months,
           tm.ps >= p.p_start AND tm.pe <= p.p_end AS whole,
           tm.target / tm.n_months AS share,
           greatest(0, date_diff('day', greatest(p.p_start, tm.month, tm.ps),
                                 least(p.p_end, last_day(tm.month), tm.pe)) + 1) AS overlap,
           date_diff('day', tm.month, last_day(tm.month)) + 1 AS month_days
    FROM tm JOIN periods p ON tm.month BETWEEN date_trunc('month', p.p_start) AND p.p_end
),
c AS (
    SELECT pid, month, rep, team,
           CASE WHEN whole THEN share ELSE share * overlap / month_days END AS amount
    FROM cm
    WHERE whole OR ((n_months = 1 OR ?::BOOLEAN) AND overlap > 0)
),
rep_all AS (
    SELECT c.pid, c.month, c.rep, COALESCE(c.team, rmt.team, rtt.team, rdt.team) AS team, c.amount
    FROM c
    LEFT JOIN rep_month_team rmt ON rmt.rep = c.rep AND rmt.month = c.month
    LEFT JOIN rep_target_team rtt ON rtt.rep = c.rep
    LEFT JOIN rep_deal_team rdt ON rdt.rep = c.rep
    WHERE c.rep IS NOT NULL
),
rep_c AS (SELECT * FROM rep_all r WHERE {rep_cond}),
team_x AS (
    SELECT pid, month, team, sum(amount) AS amount FROM c
    WHERE rep IS NULL AND team IS NOT NULL AND {team_cond} GROUP BY ALL
),
team_r AS (SELECT pid, month, team, sum(amount) AS amount FROM rep_c WHERE team IS NOT NULL GROUP BY ALL),
team_m AS (
    SELECT COALESCE(x.pid, r.pid) AS pid, COALESCE(x.month, r.month) AS month,
           COALESCE(x.team, r.team) AS team, COALESCE(x.amount, r.amount) AS amount,
           x.amount AS explicit, r.amount AS parts
    FROM team_x x FULL JOIN team_r r ON x.pid = r.pid AND x.month = r.month AND x.team = r.team
),
comp_x AS (
    SELECT pid, month, sum(amount) AS amount FROM c
    WHERE rep IS NULL AND team IS NULL AND {company_cond} GROUP BY ALL
),
comp_p AS (
    SELECT pid, month, sum(amount) AS amount FROM (
        SELECT pid, month, amount FROM team_m
        UNION ALL SELECT pid, month, amount FROM rep_c WHERE team IS NULL
    ) GROUP BY ALL
),
comp_m AS (
    SELECT COALESCE(x.pid, p.pid) AS pid, COALESCE(x.month, p.month) AS month,
           COALESCE(x.amount, p.amount) AS amount, x.amount AS explicit, p.amount AS parts
    FROM comp_x x FULL JOIN comp_p p ON x.pid = p.pid AND x.month = p.month
)
"""
    return sql, params + rep_params + team_params


def _targets_by_period(cur: duckdb.DuckDBPyConnection, periods: list[tuple[date, date]], by: str,
                       metric: str, spread: bool, filters: Filters) -> pd.DataFrame:
    """pid, owner, target for each period in ``periods`` (owners with a counted target only)."""
    sql, params = _target_sql(cur, periods, metric, spread, filters)
    if by == "rep":
        tail = "SELECT pid, rep AS owner, sum(amount) AS target FROM rep_c GROUP BY ALL"
    elif by == "team":
        tail = "SELECT pid, team AS owner, sum(amount) AS target FROM team_m GROUP BY ALL"
    else:
        tail = "SELECT pid, ? AS owner, sum(amount) AS target FROM comp_m GROUP BY ALL"
        params = params + [COMPANY]
    # The owner placeholder (company) comes after the CTE parameters, in text order.
    return cur.execute(sql + tail, params).df()


def _rep_teams(cur: duckdb.DuckDBPyConnection, reps: list[str], period: Period) -> pd.DataFrame:
    """rep, team: the rep's team in ``period`` (latest target-file month in it, else overall)."""
    if not reps:
        return pd.DataFrame({"rep": pd.Series([], dtype="str"), "team": pd.Series([], dtype="str")})
    with_team = _reps_with_target_team(cur)
    team_ctes, params = _team_ctes(cur, [r for r in reps if r not in with_team])
    sql = f"""WITH {team_ctes},
reps AS (SELECT unnest(?::VARCHAR[]) AS rep),
in_period AS (
    SELECT rep, arg_max(team, month) AS team FROM rep_month_team
    WHERE month BETWEEN ? AND ? GROUP BY rep
)
SELECT r.rep, COALESCE(ip.team, rtt.team, rdt.team) AS team
FROM reps r LEFT JOIN in_period ip ON ip.rep = r.rep
LEFT JOIN rep_target_team rtt ON rtt.rep = r.rep LEFT JOIN rep_deal_team rdt ON rdt.rep = r.rep
"""
    return cur.execute(sql, params + [reps, month_start(period.start), period.end]).df()


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
    deals = _deal_buckets(cur, by, filters, metric, settings, period, last_year, previous, history)
    # "No data" for a comparison period: the data holds no deal closing in it at all.
    has_ly, has_prev = cur.execute(
        "SELECT EXISTS (SELECT 1 FROM deals WHERE close_date BETWEEN ? AND ?), "
        "EXISTS (SELECT 1 FROM deals WHERE close_date BETWEEN ? AND ?)",
        [last_year.start, last_year.end, previous.start, previous.end]).fetchall()[0]

    targets = _targets_by_period(cur, [(period.start, period.end)], by, metric, spread, filters)
    targets = targets.drop(columns="pid")
    frame = targets.merge(deals, on="owner", how="outer")
    if by == "company" and frame.empty:
        frame = pd.DataFrame({"owner": [COMPANY]})
        for col in deals.columns.drop("owner"):
            frame[col] = np.nan
    if "target" not in frame:
        frame["target"] = np.nan
    if by != "company":  # an owner with only last year's or last month's deals is not listed
        frame = frame[frame["target"].notna() | (frame["period_deals"].fillna(0) > 0)]
    frame = _derive(frame, period, as_of, metric, bool(has_ly), bool(has_prev))

    frame = frame.rename(columns={"owner": by})
    columns = [by, *CLI_COLUMNS]
    if by == "rep":
        teams = _rep_teams(cur, [r for r in frame[by].dropna().tolist()], period)
        frame = frame.merge(teams, on="rep", how="left")
        columns.append("team")
    columns += ["expected_to_date", "pace_status", "run_rate_projection", "required_per_day",
                "weighted_pipeline", "forecast", "open_pipeline", "open_unknown_amount", "coverage",
                "coverage_needed", "deals_won", "win_rate", "avg_deal_size", "deals_needed",
                "deals_needed_at_win_rate", "actual_last_year", "actual_previous", "change_vs_previous"]
    return _sort_owner(frame[columns], by)


def _deal_buckets(cur: duckdb.DuckDBPyConnection, by: str, filters: Filters, metric: str, settings: Settings,
                  period: Period, last_year: Period, previous: Period, history: Period) -> pd.DataFrame:
    """Per owner: the won, lost and open sums and counts that ``attainment`` needs.

    One scan of the deals groups them by owner, status, which of the four windows they fall in
    and, for open deals without a probability, their stage; the stage defaults and the per-owner
    sums are then applied to that small result.
    """
    windows = [period, last_year, previous, history]
    src, params = _deal_source(cur, by == "team", filters, [(w.start, w.end) for w in windows], metric)
    sql = src + f"""SELECT {_owner_expr(by)} AS owner, status,
    close_date BETWEEN ? AND ? AS in_period, close_date BETWEEN ? AND ? AS in_last_year,
    close_date BETWEEN ? AND ? AS in_previous, close_date BETWEEN ? AND ? AS in_history,
    CASE WHEN status = 'open' AND prob IS NULL THEN stage END AS default_stage,
    sum(value) AS value, count(*) AS deals, count(value) AS valued, sum(value * prob) AS weighted_known
FROM f WHERE status IN ('won', 'lost', 'open') GROUP BY ALL"""
    g = cur.execute(sql, params + _owner_params(by) + [d for w in windows for d in (w.start, w.end)]).df()
    value = g["value"].astype("float64").fillna(0.0)
    default = g["default_stage"].map(_stage_probability(settings)).astype("float64").fillna(0.0)
    weighted = g["weighted_known"].astype("float64").fillna(0.0) + value * default
    won, lost, is_open = (g["status"] == "won"), (g["status"] == "lost"), (g["status"] == "open")
    cur_, ly, prev, hist = (g[c].astype(bool) for c in ("in_period", "in_last_year", "in_previous", "in_history"))
    parts = pd.DataFrame({
        "owner": g["owner"],
        "actual": value.where(won & cur_, 0.0),
        "deals_won": g["deals"].where(won & cur_, 0),
        "actual_last_year": value.where(won & ly, 0.0),
        "actual_previous": value.where(won & prev, 0.0),
        "history_won": g["deals"].where(won & hist, 0),
        "history_lost": g["deals"].where(lost & hist, 0),
        "history_won_value": value.where(won & hist, 0.0),
        "history_won_valued": g["valued"].where(won & hist, 0),
        "open_pipeline": value.where(is_open & cur_, 0.0),
        "weighted_pipeline": weighted.where(is_open & cur_, 0.0),
        "open_unknown_amount": (g["deals"] - g["valued"]).where(is_open & cur_, 0),
        "open_deals": g["deals"].where(is_open & cur_, 0),
        "period_deals": g["deals"].where(cur_, 0),
    })
    out = parts.groupby("owner", dropna=False, sort=False).sum().reset_index()
    valued = out.pop("history_won_valued")
    out["avg_deal_size"] = (out.pop("history_won_value") / valued).where(valued > 0)
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


def _derive(frame: pd.DataFrame, period: Period, as_of: date, metric: str,
            has_ly: bool, has_prev: bool) -> pd.DataFrame:
    """The arithmetic on the small per-owner frame (no data access)."""
    f = frame.copy()
    for col in ("actual", "deals_won", "history_won", "history_lost", "open_pipeline",
                "weighted_pipeline", "open_unknown_amount", "open_deals", "actual_last_year",
                "actual_previous"):
        f[col] = pd.to_numeric(f[col], errors="coerce").fillna(0)
    for col in ("deals_won", "open_unknown_amount"):
        f[col] = f[col].astype("int64")
    target = pd.to_numeric(f["target"], errors="coerce").astype("float64")
    target = target.where(target > 0)  # a zero target cannot be attained: treated as none
    f["target"] = target
    actual = f["actual"].astype("float64")
    f["actual"] = actual
    f["attainment"] = actual / target
    gap = target - actual
    f["gap"] = gap

    days = period.days
    elapsed = period.elapsed_days(as_of)
    remaining = days - elapsed
    expected = target * elapsed / days
    f["expected_to_date"] = expected
    f["pace_status"] = pd.Series(
        [_pace(a, e, t) for a, e, t in zip(actual, expected, target, strict=True)],
        index=f.index, dtype="str")
    f["run_rate_projection"] = actual * days / elapsed if elapsed else np.nan
    shortfall = gap.clip(lower=0)
    if remaining:
        f["required_per_day"] = shortfall / remaining
    else:
        f["required_per_day"] = shortfall.where(shortfall == 0)  # period over: a gap cannot be closed
    f["forecast"] = actual + f["weighted_pipeline"]
    f["coverage"] = (f["open_pipeline"] / gap).where(gap > 0)
    closed = f["history_won"] + f["history_lost"]
    win_rate = (f["history_won"] / closed).where(closed > 0)
    f["win_rate"] = win_rate
    f["coverage_needed"] = (1 / win_rate).where(win_rate > 0)
    avg = pd.to_numeric(f["avg_deal_size"], errors="coerce").astype("float64")
    f["avg_deal_size"] = avg
    needed = np.ceil(_round_safe(shortfall / avg.where(avg > 0))).mask(shortfall == 0, 0.0)
    f["deals_needed"] = needed.astype("Float64").astype("Int64")
    at_rate = np.ceil(_round_safe(needed / win_rate.where(win_rate > 0))).mask(needed == 0, 0.0)
    f["deals_needed_at_win_rate"] = at_rate.astype("Float64").astype("Int64")
    f["actual_last_year"] = f["actual_last_year"] if has_ly else np.nan
    if has_prev:
        prev = f["actual_previous"].astype("float64")
        f["change_vs_previous"] = ((actual - prev) / prev).where(prev > 0)
    else:
        f["actual_previous"] = np.nan
        f["change_vs_previous"] = np.nan
    if metric == "new_customers":  # a count of customers has no pipeline value or deal size
        for col in ("weighted_pipeline", "forecast", "open_pipeline", "coverage", "avg_deal_size"):
            f[col] = np.nan
        for col in ("deals_needed", "deals_needed_at_win_rate"):
            f[col] = pd.Series(pd.NA, index=f.index, dtype="Int64")
    return f


def _round_safe(values: pd.Series) -> pd.Series:
    """Guard ``ceil`` against float noise: 3.0000000000000004 deals needed is 3."""
    return values.round(9)


def _pace(actual: float, expected: float, target: float) -> str:
    if math.isnan(target):
        return "no_target"
    if expected == 0:
        return "ahead" if actual > 0 else "on_pace"
    if actual < expected * (1 - PACE_TOLERANCE):
        return "behind"
    if actual > expected * (1 + PACE_TOLERANCE):
        return "ahead"
    return "on_pace"


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
    cur = con.cursor()
    sql, params = _target_sql(cur, [(period.start, period.end)], metric, spread, Filters())
    sql += """SELECT level, owner, explicit_target, sum_of_parts, explicit_target - sum_of_parts AS difference
FROM (
    SELECT 'team' AS level, team AS owner, sum(explicit) AS explicit_target, sum(parts) AS sum_of_parts
    FROM team_m WHERE explicit IS NOT NULL GROUP BY team
    UNION ALL
    SELECT 'company', ?, sum(explicit), sum(parts) FROM comp_m WHERE explicit IS NOT NULL
    HAVING count(*) > 0
)
WHERE sum_of_parts IS NOT NULL AND abs(explicit_target - sum_of_parts) > 0.005
ORDER BY level DESC, owner"""
    return cur.execute(sql, params + [COMPANY]).df()


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
    targets = _targets_by_period(cur, periods, by, metric, spread, filters)
    targets["month"] = [months[int(i)] for i in targets["pid"]]
    targets = targets.drop(columns="pid")
    src, params = _deal_source(cur, by == "team", filters, [(months[0], month_end(months[-1]))], metric)
    actual = cur.execute(
        src + f"SELECT {_owner_expr(by)} AS owner, date_trunc('month', close_date)::DATE AS month, "
              "sum(value) AS actual FROM f WHERE status = 'won' GROUP BY ALL",
        params + _owner_params(by)).df()
    actual["month"] = [pd.Timestamp(m).date() for m in actual["month"]]
    owners = pd.concat([targets["owner"], actual["owner"]]).drop_duplicates()
    if by == "company":
        owners = pd.Series([COMPANY])
    grid = pd.MultiIndex.from_product([owners.tolist(), months], names=["owner", "month"]).to_frame(index=False)
    out = grid.merge(targets, on=["owner", "month"], how="left").merge(actual, on=["owner", "month"], how="left")
    future = out["month"] > as_of
    out["actual"] = out["actual"].astype("float64").fillna(0.0).where(~future)
    out["target"] = out["target"].astype("float64")
    out["attainment"] = out["actual"] / out["target"].where(out["target"] > 0)
    out["month"] = pd.to_datetime(out["month"]).astype("datetime64[us]")
    out = out.rename(columns={"owner": by})
    return out.sort_values([by, "month"], na_position="last", kind="stable").reset_index(drop=True)[
        [by, "month", "target", "actual", "attainment"]]


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
    "ACTUAL_METRICS", "CLI_COLUMNS", "COMPANY", "NO_FILTERS", "PACE_TOLERANCE", "actuals", "attainment",
    "cumulative_actual", "decomposition_check", "market_share", "monthly_attainment",
    "open_deals_for_gap", "rank_among_peers", "targets_for",
]
