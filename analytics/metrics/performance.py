"""Who and what brings the revenue: performance by rep, team, segment, channel, lead source, ...

Definitions (SPEC §3). Closed deals belong to the period of their close_date. Won revenue is
the sum of won amounts (currency); win rate = won / (won + lost) by count, ``win_rate_value``
the same over amounts (an unknown amount counts as 0); average deal size = mean amount of won
deals; sales cycle = mean days created → close over won deals that have a created date; sales
velocity = open deals × win rate × average deal size / sales cycle, in currency per day.
Open deals are the current pipeline: every open deal under the filters, whatever the period.

Deals are counted by distinct ``deal_id``: the lines of one order in a sales list (rows that
share an order id) make one deal whose amount is the sum of its lines. All fractions are
fractions (0.25, not 25 %); a figure that cannot be computed (no closed deal, no previous
revenue) is NaN, never 0.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import Filters, where_sql
from analytics.periods import Period, add_months, month_start
from analytics.store.canonical import deal_ids_unique
from analytics.store.settings import DEFAULT_SETTINGS, Settings

_ALL = Filters()

#: Dimensions performance can be grouped by; ``company`` is one row named :data:`COMPANY`.
PERFORMANCE_DIMENSIONS = ("rep", "team", "segment", "channel", "lead_source", "region", "product",
                          "customer", "company")
COMPANY = "All"

#: Measures of :func:`performance`, in column order (also the measures :func:`matrix` accepts).
MEASURES = ("won_revenue", "revenue_share", "deals_won", "deals_lost", "win_rate", "win_rate_value",
            "avg_deal_size", "sales_cycle_days", "open_deals", "sales_velocity", "change",
            "change_last_year")


def _group_expr(by: str) -> str:
    """SQL for a grouping dimension; only names from the fixed whitelist reach SQL."""
    if by not in PERFORMANCE_DIMENSIONS:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(PERFORMANCE_DIMENSIONS)}")
    return f"'{COMPANY}'" if by == "company" else f'd."{by}"'


def _between(column: str, period: Period | None) -> tuple[str, list[object]]:
    """``column BETWEEN start AND end`` for a period; TRUE for None (all the data)."""
    if period is None:
        return "TRUE", []
    return f"{column} BETWEEN ? AND ?", [period.start, period.end]


def _deal_count(unique: bool, deal_id: str = "d.deal_id") -> str:
    """Counting deals: distinct ids, or rows when every row is known to have its own id (reading a
    million distinct ids costs more than the rest of a query)."""
    return "count(*)" if unique else f"count(DISTINCT {deal_id})"


def _measures(con: duckdb.DuckDBPyConnection, groups: list[str], period: Period | None,
              filters: Filters) -> pd.DataFrame:
    """All measures per group (one scan); columns ``groups`` + MEASURES, sorted by won revenue."""
    exprs = [f"{_group_expr(g)} AS {g}" for g in groups]
    names = ", ".join(groups)
    fsql, fparams = where_sql(filters, "d")
    cur_sql, cur_p = _between("d.close_date", period)
    prev_sql, prev_p = _between("d.close_date", period.previous()) if period else ("FALSE", [])
    ly_sql, ly_p = _between("d.close_date", period.same_period_last_year()) if period else ("FALSE", [])
    cur = con.cursor()
    # One row per (group, deal): order lines sharing an id become one deal. When every row is known
    # to have its own id, the rows are the deals (and the ids need not be read at all).
    if deal_ids_unique(cur):
        deal = f"""SELECT {names}, status, amount, created_date, close_date, in_cur, in_prev, in_ly
        FROM base WHERE status = 'open' OR in_cur OR in_prev OR in_ly"""
    else:
        deal = f"""SELECT {names}, deal_id, any_value(status) AS status, sum(amount) AS amount,
               min(created_date) AS created_date, max(close_date) AS close_date,
               bool_or(in_cur) AS in_cur, bool_or(in_prev) AS in_prev, bool_or(in_ly) AS in_ly
        FROM base
        WHERE status = 'open' OR in_cur OR in_prev OR in_ly
        GROUP BY {names}, deal_id"""
    head = f"""
    WITH base AS (
        SELECT {', '.join(exprs)}, d.deal_id, coalesce(d.status, 'open') AS status, d.amount,
               d.created_date, d.close_date,
               ({cur_sql}) AS in_cur, ({prev_sql}) AS in_prev, ({ly_sql}) AS in_ly
        FROM deals d
        WHERE ({fsql})
    ), deal AS ({deal})
    """
    params = [*cur_p, *prev_p, *ly_p, *fparams]
    if "customer" not in groups:  # few groups: sum per combination of flags, add up here
        return _finish(_fold(cur.execute(head + f"""
    SELECT {names}, status, in_cur, in_prev, in_ly, created_date IS NOT NULL AS dated,
        sum(amount), count(*), count(amount), sum(date_diff('day', created_date, close_date)),
        count(date_diff('day', created_date, close_date))
    FROM deal GROUP BY ALL""", params).fetchall(), groups), groups, period)
    sql = head + f"""
    SELECT {names},
        coalesce(sum(amount) FILTER (WHERE status = 'won' AND in_cur), 0) AS won_revenue,
        count(*) FILTER (WHERE status = 'won' AND in_cur) AS deals_won,
        count(*) FILTER (WHERE status = 'lost' AND in_cur) AS deals_lost,
        coalesce(sum(amount) FILTER (WHERE status = 'lost' AND in_cur), 0) AS lost_amount,
        avg(amount) FILTER (WHERE status = 'won' AND in_cur) AS avg_deal_size,
        avg(date_diff('day', created_date, close_date))
            FILTER (WHERE status = 'won' AND in_cur AND created_date IS NOT NULL) AS sales_cycle_days,
        count(*) FILTER (WHERE status = 'open') AS open_deals,
        coalesce(sum(amount) FILTER (WHERE status = 'won' AND in_prev), 0) AS previous_revenue,
        coalesce(sum(amount) FILTER (WHERE status = 'won' AND in_ly), 0) AS last_year_revenue,
        count(*) FILTER (WHERE status = 'open' OR (in_cur AND status IN ('won', 'lost'))) AS active
    FROM deal
    GROUP BY {names}
    HAVING active > 0
    ORDER BY won_revenue DESC, {', '.join(f'{g} NULLS LAST' for g in groups)}
    """
    return _finish(cur.execute(sql, params).df(), groups, period)


_SUMS = ("won_revenue", "deals_won", "deals_lost", "lost_amount", "won_sum", "won_valued", "cycle_sum", "cycle_n",
         "open_deals", "previous_revenue", "last_year_revenue", "active")


def _fold(rows: list[tuple], groups: list[str]) -> pd.DataFrame:
    """The per-group sums of :func:`_measures` from its per-(group, status, window) rows."""
    k = len(groups)
    acc: dict[tuple, dict[str, float]] = {}
    for row in rows:
        key = row[:k]
        status, in_cur, in_prev, in_ly, dated, amount, n, valued, cycle, cycle_n = row[k:]
        a = acc.get(key)
        if a is None:
            a = acc[key] = dict.fromkeys(_SUMS, 0)
        amount = amount or 0.0
        if status == "open":
            a["open_deals"] += n
            a["active"] += n
        elif status == "won":
            if in_cur:
                a["won_revenue"] += amount
                a["deals_won"] += n
                a["won_sum"] += amount
                a["won_valued"] += valued
                a["active"] += n
                if dated:
                    a["cycle_sum"] += cycle or 0
                    a["cycle_n"] += cycle_n
            if in_prev:
                a["previous_revenue"] += amount
            if in_ly:
                a["last_year_revenue"] += amount
        elif status == "lost" and in_cur:
            a["deals_lost"] += n
            a["lost_amount"] += amount
            a["active"] += n
    keys = [key for key, a in acc.items() if a["active"] > 0]
    keys.sort(key=lambda key: (-acc[key]["won_revenue"], *((v is None, v or "") for v in key)))
    out = {g: pd.Series([key[i] for key in keys], dtype="str" if keys else "object") for i, g in enumerate(groups)}
    for name in _SUMS:
        out[name] = [acc[key][name] for key in keys]
    raw = pd.DataFrame(out)
    with np.errstate(divide="ignore", invalid="ignore"):
        valued, cycle_n = raw["won_valued"].to_numpy("float64"), raw["cycle_n"].to_numpy("float64")
        raw["avg_deal_size"] = np.where(valued > 0, raw["won_sum"].to_numpy("float64") / valued, np.nan)
        raw["sales_cycle_days"] = np.where(cycle_n > 0, raw["cycle_sum"].to_numpy("float64") / cycle_n, np.nan)
    return raw


def _ratio(num: pd.Series, den: pd.Series) -> pd.Series:
    """num / den as float, NaN where den is 0 or NaN."""
    den = den.astype("float64")
    return (num.astype("float64") / den.where(den != 0)).astype("float64")


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den as float, NaN where den is 0 or NaN (numpy: the frames here are small)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / den, np.nan)


def win_rate(won: np.ndarray, lost: np.ndarray) -> np.ndarray:
    """Win rate by count (SPEC §3): won / (won + lost) over deals closed in a period, a fraction;
    NaN where no deal closed. The one definition every page, the report and the CLI show."""
    won = np.asarray(won, dtype="float64")
    return _div(won, won + np.asarray(lost, dtype="float64"))


def win_rate_value(won: np.ndarray, lost: np.ndarray, won_amount: np.ndarray, lost_amount: np.ndarray) -> np.ndarray:
    """Win rate by value: won amount / (won + lost amount), a fraction; NaN where no deal closed
    (an unknown amount counts as 0, so deals of unknown amount alone give NaN too)."""
    closed = np.asarray(won, dtype="float64") + np.asarray(lost, dtype="float64")
    won_amount = np.asarray(won_amount, dtype="float64")
    return np.where(closed == 0, np.nan, _div(won_amount, won_amount + np.asarray(lost_amount, dtype="float64")))


def _finish(raw: pd.DataFrame, groups: list[str], period: Period | None) -> pd.DataFrame:
    """The measures from the per-group sums (rows already listed and sorted by the query)."""
    def col(name: str, dtype: str = "float64") -> np.ndarray:
        return raw[name].to_numpy(dtype=dtype, na_value=np.nan) if dtype == "float64" else \
            raw[name].to_numpy(dtype=dtype)

    won = col("won_revenue")
    deals_won, deals_lost, open_deals = col("deals_won", "int64"), col("deals_lost", "int64"), col("open_deals", "int64")
    rate = win_rate(deals_won, deals_lost)
    avg, cycle = col("avg_deal_size"), col("sales_cycle_days")
    out = {
        "won_revenue": won,
        "revenue_share": _div(won, np.full(len(won), won.sum())),
        "deals_won": deals_won, "deals_lost": deals_lost, "win_rate": rate,
        "win_rate_value": win_rate_value(deals_won, deals_lost, won, col("lost_amount")),
        "avg_deal_size": avg, "sales_cycle_days": cycle, "open_deals": open_deals,
        "sales_velocity": _div(open_deals * rate * avg, cycle),
    }
    if period is None:
        out["change"] = out["change_last_year"] = np.full(len(won), np.nan)
    else:
        prev, last_year = col("previous_revenue"), col("last_year_revenue")
        out["change"] = _div(won - prev, prev)
        out["change_last_year"] = _div(won - last_year, last_year)
    return pd.concat([raw[groups].reset_index(drop=True), pd.DataFrame(out)], axis=1)


def performance(con: duckdb.DuckDBPyConnection, by: str, period: Period | None, filters: Filters = _ALL,
                settings: Settings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """Revenue, win rates, deal size, cycle, velocity and growth per ``by`` value.

    Columns: ``by``, then :data:`MEASURES`. Closed deals are those with close_date in ``period``
    (all when None). ``change``/``change_last_year`` are fractions against the previous period /
    the same period a year earlier, NaN when that revenue is 0 or ``period`` is None. A group is
    listed when it has a deal closed in the period or an open deal. Sorted by won revenue.
    """
    return _measures(con, [by], period, filters)


def matrix(con: duckdb.DuckDBPyConnection, rows: str, cols: str, measure: str, period: Period | None,
           filters: Filters = _ALL) -> pd.DataFrame:
    """One measure of :func:`performance` for every (rows, cols) pair present, in long form.

    Columns: ``rows`` (e.g. segment), ``cols`` (e.g. channel), ``value``. ``revenue_share`` is the
    cell's share of the whole table's won revenue.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    if rows == cols or "company" in (rows, cols):
        raise ValueError("a matrix needs two different dimensions other than company")
    table = _measures(con, [rows, cols], period, filters)
    out = table[[rows, cols, measure]].rename(columns={measure: "value"})
    return out.sort_values([rows, cols], na_position="last").reset_index(drop=True)


def pareto(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL) -> pd.DataFrame:
    """Customers by won revenue, largest first: customer, won_revenue, cum_share (fraction), rank.

    Won deals closed in ``period``; deals without a customer are left out. Ties rank by name.
    """
    fsql, fparams = where_sql(filters, "d")
    psql, pparams = _between("d.close_date", period)
    sql = (
        "SELECT d.customer AS customer, coalesce(sum(d.amount), 0) AS won_revenue FROM deals d "
        f"WHERE d.status = 'won' AND d.customer IS NOT NULL AND ({fsql}) AND ({psql}) "
        "GROUP BY d.customer ORDER BY won_revenue DESC, customer"
    )
    out = con.cursor().execute(sql, [*fparams, *pparams]).df()
    total = out["won_revenue"].sum()
    out["won_revenue"] = out["won_revenue"].astype("float64")
    out["cum_share"] = (out["won_revenue"].cumsum() / total if total else
                        pd.Series(float("nan"), index=out.index)).astype("float64")
    out["rank"] = pd.Series(range(1, len(out) + 1), index=out.index, dtype="int64")
    return out[["customer", "won_revenue", "cum_share", "rank"]]


def top_customers_covering(pareto_table: pd.DataFrame, share: float = 0.8) -> int | None:
    """How many of the largest customers together bring at least ``share`` (fraction) of revenue.

    Takes the frame from :func:`pareto`; None when there is no revenue.
    """
    reached = pareto_table.index[pareto_table["cum_share"] >= share - 1e-9]
    if len(reached) == 0:
        return None
    return int(pareto_table.loc[reached[0], "rank"])


def new_vs_returning(con: duckdb.DuckDBPyConnection, period: Period | None,
                     filters: Filters = _ALL) -> pd.DataFrame:
    """Won business in ``period`` from new and from returning customers.

    A customer is new when their first won deal ever (over all the data, whatever the filters)
    closes in the period; with ``period`` None every customer is new. Rows 'new', 'returning':
    customers, deals_won, won_revenue (currency), revenue_share (fraction, NaN without revenue).
    Won deals without a customer are left out.
    """
    cur = con.cursor()
    unique = deal_ids_unique(cur)
    fsql, fparams = where_sql(filters, "d")
    psql, pparams = _between("d.close_date", period)
    start = period.start if period else date.min
    sql = f"""
    WITH first_won AS (
        SELECT customer, min(close_date) AS first_close FROM deals
        WHERE status = 'won' AND customer IS NOT NULL GROUP BY customer
    )
    SELECT CASE WHEN f.first_close >= ? OR f.first_close IS NULL THEN 'new' ELSE 'returning' END
               AS customer_type,
           count(DISTINCT d.customer) AS customers, {_deal_count(unique)} AS deals_won,
           coalesce(sum(d.amount), 0) AS won_revenue
    FROM deals d JOIN first_won f USING (customer)
    WHERE d.status = 'won' AND ({fsql}) AND ({psql})
    GROUP BY customer_type
    """
    raw = cur.execute(sql, [start, *fparams, *pparams]).df().set_index("customer_type")
    out = pd.DataFrame({"customer_type": ["new", "returning"]})
    for col in ("customers", "deals_won"):
        out[col] = out["customer_type"].map(raw[col]).fillna(0).astype("int64")
    out["won_revenue"] = out["customer_type"].map(raw["won_revenue"]).fillna(0.0).astype("float64")
    out["revenue_share"] = _ratio(out["won_revenue"], pd.Series(out["won_revenue"].sum(), index=out.index))
    return out


def lead_source_roi(con: duckdb.DuckDBPyConnection, period: Period | None,
                    filters: Filters = _ALL) -> pd.DataFrame:
    """What each lead source brought for what it cost.

    ``leads`` = deals created in ``period`` (all when None); ``won`` and ``won_revenue`` = those
    leads that are won (whenever they closed), so conversion = won / leads follows one cohort.
    ``cost`` = campaign cost of the source in the period (a campaign row spanning more than the
    period counts pro rata by days); cost_per_won = cost / won; roi = (won_revenue − cost) / cost,
    a fraction. NaN where no cost is known (a filter on a dimension campaigns lack, such as team,
    leaves cost unknown). Sources with cost but no lead are listed with 0 leads.
    """
    cur = con.cursor()
    unique = deal_ids_unique(cur)
    fsql, fparams = where_sql(filters, "d")
    psql, pparams = _between("d.created_date", period)
    csql, cparams = where_sql(filters, "c", available={"lead_source"})
    if period is None:
        cost_expr, cost_where, cost_params = "c.cost", "TRUE", []
    else:
        overlap = ("(date_diff('day', greatest(c.period_start, ?::DATE), least(c.period_end, ?::DATE)) + 1)")
        span = "(date_diff('day', c.period_start, c.period_end) + 1)"
        cost_expr = f"c.cost * {overlap} / {span}"
        cost_where = "c.period_start <= ? AND c.period_end >= ?"
        cost_params = [period.start, period.end, period.end, period.start]
    sql = f"""
    WITH leads AS (
        SELECT d.lead_source, {_deal_count(unique)} AS leads,
               {_deal_count(unique)} FILTER (WHERE d.status = 'won') AS won,
               coalesce(sum(d.amount) FILTER (WHERE d.status = 'won'), 0) AS won_revenue
        FROM deals d WHERE ({fsql}) AND ({psql}) GROUP BY d.lead_source
    ), costs AS (
        SELECT c.lead_source, sum({cost_expr}) AS cost
        FROM campaigns c WHERE c.lead_source IS NOT NULL AND ({csql}) AND ({cost_where})
        GROUP BY c.lead_source
    )
    SELECT coalesce(l.lead_source, k.lead_source) AS lead_source, coalesce(l.leads, 0) AS leads,
           coalesce(l.won, 0) AS won, coalesce(l.won_revenue, 0) AS won_revenue, k.cost AS cost
    FROM leads l FULL OUTER JOIN costs k ON l.lead_source = k.lead_source
    ORDER BY won_revenue DESC, lead_source NULLS LAST
    """
    # Placeholders in text order: leads filters, leads period, overlap bounds, campaign filter, overlap test.
    params = [*fparams, *pparams, *cost_params[:2], *cparams, *cost_params[2:]]
    raw = cur.execute(sql, params).df()
    leads, won = raw["leads"].to_numpy(dtype="int64"), raw["won"].to_numpy(dtype="int64")
    revenue = raw["won_revenue"].to_numpy(dtype="float64", na_value=np.nan)
    cost = raw["cost"].to_numpy(dtype="float64", na_value=np.nan)
    return pd.DataFrame({
        "lead_source": raw["lead_source"], "leads": leads, "won": won, "conversion": _div(won, leads),
        "won_revenue": revenue, "cost": cost, "cost_per_won": _div(cost, won), "roi": _div(revenue - cost, cost),
    })


def monthly_trend(con: duckdb.DuckDBPyConnection, by: str, start: date, end: date,
                  filters: Filters = _ALL, *, with_cycle: bool = False) -> pd.DataFrame:
    """Won revenue and win rate per calendar month and ``by`` value, for small multiples.

    Deals closed between ``start`` and ``end`` (inclusive). Every month of the range appears for
    every group that closed a deal in it: won_revenue 0 and win_rate NaN in a month without one.
    ``month`` is 'YYYY-MM'. ``with_cycle`` adds ``sales_cycle_days``: the mean days created →
    close of the group's won deals closed in the month that have a created date (NaN without
    one), the figure :func:`performance` gives for a one-month period, in the same single scan.
    Lines of one order (rows sharing a deal id) make one deal from its first created date to its
    last close date in the month.
    """
    cur = con.cursor()
    unique = deal_ids_unique(cur)
    expr = _group_expr(by)
    fsql, fparams = where_sql(filters, "d")
    cycle_select, cycle_join = "", ""
    if with_cycle:
        cycle_days = "date_diff('day', created_date, close_date)"
        won_dated = "status = 'won' AND created_date IS NOT NULL"
        deals = "closed" if unique else """(SELECT month, grp, any_value(status) AS status,
            min(created_date) AS created_date, max(close_date) AS close_date
            FROM closed GROUP BY month, grp, deal_id)"""
        cycle_join = f"""LEFT JOIN (SELECT month, grp, avg({cycle_days}) FILTER (WHERE {won_dated}) AS cycle
                  FROM {deals} GROUP BY month, grp) c
            ON c.month = closed.month AND c.grp IS NOT DISTINCT FROM closed.grp"""
        cycle_select = ", any_value(c.cycle)"
    sql = f"""
    WITH closed AS (
        SELECT strftime(date_trunc('month', d.close_date), '%Y-%m') AS month, {expr} AS grp, d.deal_id,
               d.status, d.amount, d.created_date, d.close_date
        FROM deals d
        WHERE d.status IN ('won', 'lost') AND d.close_date BETWEEN ? AND ? AND ({fsql})
    )
    SELECT closed.month, closed.grp,
           coalesce(sum(amount) FILTER (WHERE status = 'won'), 0) AS won_revenue,
           {_deal_count(unique, "deal_id")} FILTER (WHERE status = 'won') AS won,
           {_deal_count(unique, "deal_id")} FILTER (WHERE status = 'lost') AS lost{cycle_select}
    FROM closed {cycle_join}
    GROUP BY closed.month, closed.grp
    """
    cells = {(row[0], row[1]): row[2:] for row in cur.execute(sql, [start, end, *fparams]).fetchall()}
    months = []
    month = month_start(start)
    while month <= end:
        months.append(month.strftime("%Y-%m"))
        month = add_months(month, 1)
    present = {g for _, g in cells}
    groups = sorted(g for g in present if g is not None) + ([None] if None in present else [])
    grid = [(m, g) for g in groups for m in months]  # every month for every group, zeros where none
    empty = (0.0, 0, 0, None)
    values = [cells.get(cell, empty) for cell in grid]
    won, lost = np.array([v[1] for v in values], dtype="float64"), np.array([v[2] for v in values], dtype="float64")
    text = "str" if grid else "object"
    out = pd.DataFrame({
        "month": pd.Series([m for m, _ in grid], dtype=text), by: pd.Series([g for _, g in grid], dtype=text),
        "won_revenue": np.array([v[0] for v in values], dtype="float64"), "win_rate": win_rate(won, lost),
    })
    if with_cycle:
        out["sales_cycle_days"] = np.array([np.nan if v[3] is None else v[3] for v in values], dtype="float64")
    return out
