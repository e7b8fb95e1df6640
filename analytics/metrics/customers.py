"""The CRM view: customers, their history, and the follow-ups that are due or overdue.

A customer's *live* follow-up is the next_followup_date set by their latest activity (up to
``as_of``): a later activity supersedes it, whether or not it sets a new date. A follow-up is
overdue when that date is before ``as_of``. Activities without a customer take it from their
deal (``deal_id``). Filters select customers: those with at least one deal in the slice.
CSAT is the share of csat answers of 4 or 5 (fraction); NPS is % of 9–10 minus % of 0–6, a
score from −100 to 100; both NaN without answers.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from analytics.filters import Filters, where_sql
from analytics.periods import Period
from analytics.store.canonical import deal_ids_unique
from analytics.store.settings import DEFAULT_SETTINGS, Settings

_ALL = Filters()

# Activities with their customer (from the deal when the activity names none) and rep. Only the
# deals such an activity names are looked up: grouping a million deals by id to find a handful
# (or, with no activities at all, none) cost more than the rest of the customer table.
_ACTIVITIES = """
    SELECT coalesce(a.customer, dd.customer) AS customer, a.date, a.next_followup_date, a.type, a.note,
           coalesce(a.rep, dd.rep) AS rep, a.deal_id
    FROM activities a
    LEFT JOIN (SELECT deal_id, any_value(customer) AS customer, any_value(rep) AS rep
               FROM deals
               WHERE deal_id IN (SELECT deal_id FROM activities
                                 WHERE deal_id IS NOT NULL AND (customer IS NULL OR rep IS NULL))
               GROUP BY deal_id) dd ON a.deal_id = dd.deal_id
"""


def _customer_scope(filters: Filters) -> tuple[str, list[object]]:
    """A condition on ``customer`` keeping customers with a deal in the filtered slice."""
    if filters.is_empty():
        return "TRUE", []
    fsql, fparams = where_sql(filters, "f")
    return f"customer IN (SELECT f.customer FROM deals f WHERE {fsql})", fparams


def _live_followups(as_of: date) -> tuple[str, list[object]]:
    """SQL of the follow-ups set by each customer's latest activity on or before ``as_of``."""
    sql = f"""
    WITH act AS ({_ACTIVITIES}), upto AS (SELECT * FROM act WHERE date <= ? AND customer IS NOT NULL),
    latest AS (SELECT customer, max(date) AS last_date FROM upto GROUP BY customer)
    SELECT u.customer, u.rep, u.next_followup_date, u.deal_id, u.date
    FROM upto u JOIN latest l ON u.customer = l.customer AND u.date = l.last_date
    WHERE u.next_followup_date IS NOT NULL
    """
    return sql, [as_of]


def customer_table(con: duckdb.DuckDBPyConnection, as_of: date, filters: Filters = _ALL,
                   settings: Settings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """One row per customer with a deal in the slice, largest lifetime revenue first.

    lifetime_won (currency, all won deals), deals_won, open_deals, open_amount (NaN when open
    deals have no amount), last_contact (latest activity, created or closing date up to
    ``as_of``), next_followup (earliest follow-up date on or after ``as_of``), overdue (the live
    follow-up is before ``as_of``), csat, nps, responses (survey answers of the customer).
    """
    fsql, fparams = where_sql(filters, "d")
    live_sql, live_params = _live_followups(as_of)
    cur = con.cursor()
    # Deals are distinct ids (lines of one order are one deal), or rows when every row is known to
    # have its own id: reading a million distinct ids is most of the query's time.
    deals = "count(*)" if deal_ids_unique(cur) else "count(DISTINCT d.deal_id)"
    sql = f"""
    WITH cust AS (
        SELECT d.customer,
               coalesce(sum(d.amount) FILTER (WHERE d.status = 'won'), 0) AS lifetime_won,
               {deals} FILTER (WHERE d.status = 'won') AS deals_won,
               {deals} FILTER (WHERE d.status = 'open') AS open_deals,
               sum(d.amount) FILTER (WHERE d.status = 'open') AS open_amount,
               greatest(max(d.created_date) FILTER (WHERE d.created_date <= ?),
                        max(d.close_date) FILTER (WHERE d.status IN ('won', 'lost') AND d.close_date <= ?))
                   AS deal_contact
        FROM deals d WHERE d.customer IS NOT NULL AND ({fsql}) GROUP BY d.customer
    ), act AS ({_ACTIVITIES}), act_c AS (
        SELECT customer, max(date) FILTER (WHERE date <= ?) AS last_activity,
               min(next_followup_date) FILTER (WHERE next_followup_date >= ? AND date <= ?) AS next_followup
        FROM act WHERE customer IS NOT NULL GROUP BY customer
    ), live AS ({live_sql}), overdue AS (
        SELECT DISTINCT customer FROM live WHERE next_followup_date < ?
    ), surv AS (
        SELECT customer, count(*) AS responses,
               avg(CASE WHEN csat >= 4 THEN 1.0 WHEN csat IS NOT NULL THEN 0.0 END) AS csat,
               100 * (avg(CASE WHEN nps >= 9 THEN 1.0 WHEN nps IS NOT NULL THEN 0.0 END)
                      - avg(CASE WHEN nps <= 6 THEN 1.0 WHEN nps IS NOT NULL THEN 0.0 END)) AS nps
        FROM surveys WHERE customer IS NOT NULL GROUP BY customer
    )
    SELECT c.customer, c.lifetime_won, c.deals_won, c.open_deals,
           CASE WHEN c.open_deals = 0 THEN 0 ELSE c.open_amount END AS open_amount,
           greatest(c.deal_contact, a.last_activity) AS last_contact, a.next_followup,
           o.customer IS NOT NULL AS overdue, s.csat, s.nps, coalesce(s.responses, 0) AS responses
    FROM cust c LEFT JOIN act_c a USING (customer) LEFT JOIN overdue o USING (customer)
    LEFT JOIN surv s USING (customer)
    ORDER BY c.lifetime_won DESC, c.customer
    """
    params = [as_of, as_of, *fparams, as_of, as_of, as_of, *live_params, as_of]
    out = cur.execute(sql, params).df()
    return out.astype({"lifetime_won": "float64", "deals_won": "int64", "open_deals": "int64",
                       "open_amount": "float64", "overdue": "bool", "csat": "float64", "nps": "float64",
                       "responses": "int64"})


_TIMELINE = f"""
    SELECT created_date AS date, 'deal' AS kind, 'created' AS event,
           concat_ws(' · ', deal_id, product) AS what, amount, rep, deal_id, stage
    FROM deals WHERE customer = ? AND created_date IS NOT NULL
    UNION ALL
    SELECT close_date, 'deal', status, concat_ws(' · ', deal_id, product), amount, rep, deal_id, stage
    FROM deals WHERE customer = ? AND status IN ('won', 'lost')
    UNION ALL
    SELECT NULL, 'deal', 'open', concat_ws(' · ', deal_id, product), amount, rep, deal_id, stage
    FROM deals WHERE customer = ? AND coalesce(status, 'open') = 'open' AND created_date IS NULL
    UNION ALL
    SELECT date, 'activity', coalesce(type, 'activity'), concat_ws(' · ', type, note), NULL, rep, deal_id,
           NULL
    FROM ({_ACTIVITIES}) WHERE customer = ?
    UNION ALL
    SELECT date, 'survey', 'survey',
           concat_ws(' · ', 'CSAT ' || printf('%g', csat), 'NPS ' || printf('%g', nps), comment),
           NULL, rep, deal_id, NULL
    FROM surveys WHERE customer = ?
"""


def customer_timeline(con: duckdb.DuckDBPyConnection, customer: str, as_of: date | None = None,
                      limit: int | None = None) -> pd.DataFrame:
    """Everything that happened with one customer up to ``as_of`` (inclusive; None: everything),
    latest first (the first ``limit`` events, or all). Events dated after ``as_of`` have not
    happened on that day and are left out (``timeline_after`` counts them).

    Columns: date, kind ('deal'|'activity'|'survey'), event (deal: 'created', 'won', 'lost' or
    'open' for an open deal without created date; activity: its type; survey: 'survey'), what
    (deal id · product · stage, type · note, or CSAT · NPS · comment), amount, rep, deal_id.
    Ties on the date are ordered by kind, deal id and event, so the first ``limit`` rows are
    always the same rows.
    """
    sql = f"SELECT * FROM ({_TIMELINE}) WHERE {_UNTIL}" + " ORDER BY date DESC NULLS LAST, kind, deal_id, event, what"
    params: list[object] = [customer] * 5 + [as_of, as_of]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    out = con.cursor().execute(sql, params).df()
    return out.astype({"amount": "float64"})


#: Nothing after the as-of day: an event dated later has not happened on that day (an undated open
#: deal is kept); a NULL as-of day keeps everything.
_UNTIL = "(?::DATE IS NULL OR date IS NULL OR date::DATE <= ?::DATE)"


def timeline_after(con: duckdb.DuckDBPyConnection, customer: str, as_of: date) -> int:
    """How many of ``customer``'s events are dated after ``as_of`` (left out of the timeline)."""
    return int(con.cursor().execute(f"SELECT count(*) FROM ({_TIMELINE}) WHERE date::DATE > ?::DATE",
                                    [customer] * 5 + [as_of]).fetchall()[0][0])


def customer_timeline_length(con: duckdb.DuckDBPyConnection, customer: str, as_of: date | None = None) -> int:
    """How many events :func:`customer_timeline` lists for ``customer`` up to ``as_of``."""
    return int(con.cursor().execute(f"SELECT count(*) FROM ({_TIMELINE}) WHERE {_UNTIL}",
                                    [customer] * 5 + [as_of, as_of]).fetchall()[0][0])


def followup_coverage(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL,
                      settings: Settings = DEFAULT_SETTINGS, *, as_of: date | None = None) -> pd.DataFrame:
    """Per rep: customers won in ``period`` and how many were followed up after signing.

    A (rep, customer) pair with a won deal closed in the period is followed up when the customer
    has an activity (by anyone) in the ``settings.followup_days`` days after a close date (the
    signing day itself excluded). With ``as_of``, deals whose window has not ended yet and that
    have no follow-up so far are left out (too early to judge). coverage is a fraction.
    """
    fsql, fparams = where_sql(filters, "d")
    psql, pparams = ("d.close_date BETWEEN ? AND ?", [period.start, period.end]) if period else ("TRUE", [])
    days = int(settings.followup_days)
    sql = f"""
    WITH won AS (
        SELECT DISTINCT d.rep, d.customer, d.close_date FROM deals d
        WHERE d.status = 'won' AND d.customer IS NOT NULL AND d.close_date IS NOT NULL
          AND ({fsql}) AND ({psql})
    ), act AS ({_ACTIVITIES}), checked AS (
        SELECT w.rep, w.customer, w.close_date,
               count(a.date) > 0 AS followed
        FROM won w LEFT JOIN act a ON a.customer = w.customer AND a.date > w.close_date
             AND a.date <= w.close_date + ?::INTEGER AND (?::DATE IS NULL OR a.date <= ?::DATE)
        GROUP BY w.rep, w.customer, w.close_date
    ), judged AS (
        SELECT * FROM checked
        WHERE followed OR ?::DATE IS NULL OR close_date + ?::INTEGER <= ?::DATE
    ), pairs AS (
        SELECT rep, customer, bool_or(followed) AS followed FROM judged GROUP BY rep, customer
    )
    SELECT rep, count(*) AS won_customers, count_if(followed) AS followed_up
    FROM pairs GROUP BY rep ORDER BY rep NULLS LAST
    """
    params = [*fparams, *pparams, days, as_of, as_of, as_of, days, as_of]
    out = con.cursor().execute(sql, params).df()
    out = out.astype({"won_customers": "int64", "followed_up": "int64"})
    out["coverage"] = (out["followed_up"] / out["won_customers"]).astype("float64")
    return out


def overdue_followups(con: duckdb.DuckDBPyConnection, as_of: date, filters: Filters = _ALL,
                      rep: str | None = None, *, horizon_days: int = 7) -> pd.DataFrame:
    """Follow-ups to make: live follow-ups that are overdue or due within ``horizon_days`` days.

    Columns: customer, rep (the activity's, else its deal's), next_followup_date, days_overdue
    (``as_of`` − date: positive overdue, 0 due today, negative due in that many days), deal_id.
    Most overdue first. ``rep`` keeps one rep's follow-ups.
    """
    live_sql, live_params = _live_followups(as_of)
    scope_sql, scope_params = _customer_scope(filters)
    rep_sql, rep_params = ("rep = ?", [rep]) if rep is not None else ("TRUE", [])
    sql = f"""
    SELECT customer, rep, next_followup_date, date_diff('day', next_followup_date, ?::DATE) AS days_overdue,
           deal_id
    FROM ({live_sql})
    WHERE next_followup_date < ? AND ({scope_sql}) AND ({rep_sql})
    ORDER BY days_overdue DESC, customer, deal_id
    """
    cutoff = as_of + timedelta(days=horizon_days)
    out = con.cursor().execute(sql, [as_of, *live_params, cutoff, *scope_params, *rep_params]).df()
    return out.astype({"days_overdue": "int64"})


def customer_counts(table: pd.DataFrame, followups: pd.DataFrame | None) -> dict[str, int | None]:
    """The Customers page's cards from :func:`customer_table` and :func:`overdue_followups`:
    customers (listed), with_open_deals (customers with an open deal), overdue (follow-ups past
    their date) and due (due today or within the horizon); the last two None when there are no
    follow-ups to count (no activities loaded)."""
    return {
        "customers": int(len(table)),
        "with_open_deals": int((table["open_deals"] > 0).sum()),
        "overdue": None if followups is None else int((followups["days_overdue"] > 0).sum()),
        "due": None if followups is None else int((followups["days_overdue"] <= 0).sum()),
    }
