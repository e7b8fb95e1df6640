"""Customer satisfaction (CSAT, NPS), survey comments and team collaboration (peer reviews).

CSAT is the share of csat responses scoring 4 or 5 (a fraction, 0.8 = 80 %); NPS is % of nps
9–10 minus % of nps 0–6 (a score from -100 to 100). Both come with their response counts.
A survey is dated by its ``date``. Its rep and customer are the survey's own, else the linked
deal's. Its team is the linked deal's, else the rep's team in the targets file, else the team of
the rep's most recent deal. Segment, channel and region come from the linked deal, else the
customer's most recent deal, else the rep's most recent deal; lead source and product only from
the linked deal. "Most recent" orders deals by close date (created date when blank), then id.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.filters import DIMENSIONS, Filters, where_sql
from analytics.periods import Period

#: Group columns ``satisfaction`` accepts (a fixed whitelist: never user text in SQL).
BY_OPTIONS: tuple[str, ...] = ("rep", "team", "segment", "channel", "customer", "month")

#: Value of the ``company`` column when the whole company is one group (``by=None``).
COMPANY = "Company"

NO_FILTERS = Filters()

_COLUMNS = ["responses", "csat_responses", "csat", "nps_responses", "nps",
            "promoters", "detractors", "passives", "too_few"]

_RECENT = "(coalesce(close_date, created_date, DATE '0001-01-01'), deal_id)"

# One row per deal id (a sales list may repeat an id on several order lines: keep the first).
_DEAL_ONE = """
deal_one AS (
    SELECT DISTINCT ON (deal_id) deal_id, customer, rep, team, region, segment, channel,
           lead_source, product
    FROM deals WHERE deal_id IS NOT NULL
    ORDER BY deal_id, source_row NULLS LAST
)"""

# Each rep's team: the targets file first (the latest period naming one), else the latest deal.
_REP_TEAM = f"""
target_team AS (
    SELECT rep, arg_max(team, coalesce(period_start, DATE '0001-01-01')) AS team
    FROM targets WHERE rep IS NOT NULL AND team IS NOT NULL GROUP BY rep
),
rep_latest AS (
    SELECT rep,
           arg_max(team, {_RECENT}) FILTER (WHERE team IS NOT NULL) AS team,
           arg_max(region, {_RECENT}) FILTER (WHERE region IS NOT NULL) AS region,
           arg_max(segment, {_RECENT}) FILTER (WHERE segment IS NOT NULL) AS segment,
           arg_max(channel, {_RECENT}) FILTER (WHERE channel IS NOT NULL) AS channel
    FROM deals WHERE rep IS NOT NULL GROUP BY rep
)"""

_SURVEYS = f"""
WITH {_DEAL_ONE},
{_REP_TEAM.strip()},
customer_latest AS (
    SELECT customer,
           arg_max(region, {_RECENT}) FILTER (WHERE region IS NOT NULL) AS region,
           arg_max(segment, {_RECENT}) FILTER (WHERE segment IS NOT NULL) AS segment,
           arg_max(channel, {_RECENT}) FILTER (WHERE channel IS NOT NULL) AS channel
    FROM deals WHERE customer IS NOT NULL GROUP BY customer
),
linked AS (
    SELECT s.date, s.csat, s.nps, s.comment,
           coalesce(s.customer, d.customer) AS customer,
           coalesce(s.rep, d.rep) AS rep,
           d.team AS deal_team, d.region AS deal_region, d.segment AS deal_segment,
           d.channel AS deal_channel, d.lead_source, d.product
    FROM surveys s LEFT JOIN deal_one d ON d.deal_id = s.deal_id
),
s AS (
    SELECT l.date, l.customer, l.rep, l.csat, l.nps, l.comment,
           coalesce(l.deal_team, tt.team, rl.team) AS team,
           coalesce(l.deal_region, cl.region, rl.region) AS region,
           coalesce(l.deal_segment, cl.segment, rl.segment) AS segment,
           coalesce(l.deal_channel, cl.channel, rl.channel) AS channel,
           l.lead_source, l.product
    FROM linked l
    LEFT JOIN target_team tt ON tt.rep = l.rep
    LEFT JOIN rep_latest rl ON rl.rep = l.rep
    LEFT JOIN customer_latest cl ON cl.customer = l.customer
)
"""


def _period_sql(period: Period | None, column: str) -> tuple[str, list[object]]:
    if period is None:
        return "TRUE", []
    return f"{column} BETWEEN ? AND ?", [period.start, period.end]


def satisfaction(con: duckdb.DuckDBPyConnection, by: str | None, period: Period | None,
                 filters: Filters = NO_FILTERS, min_responses: int = 5) -> pd.DataFrame:
    """CSAT (fraction 0–1) and NPS (-100..100) per ``by`` group, or for the company when ``by`` is None.

    Columns: <by> (``company`` when None), responses (surveys with a csat or an nps),
    csat_responses, csat, nps_responses, nps, promoters (nps 9–10), detractors (0–6), passives
    (7–8), too_few (responses < ``min_responses``). No csat (nps) responses → csat (nps) is NaN.
    ``period`` None covers all surveys, including undated ones. Zero surveys: no rows by group,
    one row of zero counts for the company.
    """
    if by is not None and by not in BY_OPTIONS:
        raise ValueError(f"satisfaction by {by!r}: choose one of {', '.join(BY_OPTIONS)} or None")
    group_col = by or "company"
    if by is None:
        key_sql = "?"
        key_params: list[object] = [COMPANY]
    elif by == "month":
        key_sql, key_params = "strftime(s.date, '%Y-%m')", []
    else:
        key_sql, key_params = f"s.{by}", []
    period_sql, period_params = _period_sql(period, "s.date")
    filter_sql, filter_params = where_sql(filters, "s", set(DIMENSIONS))
    query = f"""{_SURVEYS}
    SELECT {key_sql} AS "{group_col}",
           count(*) AS responses,
           count(s.csat) AS csat_responses,
           count(s.csat) FILTER (WHERE s.csat >= 4) AS csat_good,
           count(s.nps) AS nps_responses,
           count(s.nps) FILTER (WHERE s.nps >= 9) AS promoters,
           count(s.nps) FILTER (WHERE s.nps <= 6) AS detractors,
           count(s.nps) FILTER (WHERE s.nps > 6 AND s.nps < 9) AS passives
    FROM s
    WHERE (s.csat IS NOT NULL OR s.nps IS NOT NULL) AND {period_sql} AND {filter_sql}
    GROUP BY 1
    ORDER BY 1 NULLS LAST
    """
    frame = con.cursor().execute(query, key_params + period_params + filter_params).df()
    if by is None and frame.empty:
        frame = pd.DataFrame([{"company": COMPANY, "responses": 0, "csat_responses": 0, "csat_good": 0,
                               "nps_responses": 0, "promoters": 0, "detractors": 0, "passives": 0}])
    counts = ["responses", "csat_responses", "csat_good", "nps_responses", "promoters", "detractors", "passives"]
    frame[counts] = frame[counts].astype("int64")
    csat_n = frame["csat_responses"].where(frame["csat_responses"] > 0)
    nps_n = frame["nps_responses"].where(frame["nps_responses"] > 0)
    frame["csat"] = (frame["csat_good"] / csat_n).astype("float64")
    frame["nps"] = (100.0 * (frame["promoters"] - frame["detractors"]) / nps_n).astype("float64")
    frame["too_few"] = (frame["responses"] < min_responses).astype("bool")
    return frame[[group_col, *_COLUMNS]].reset_index(drop=True)


def comments(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = NO_FILTERS,
             search: str | None = None) -> pd.DataFrame:
    """Survey comments, newest first: date, customer, rep, csat, nps, comment.

    Blank comments are left out. ``search`` keeps comments containing it (case-insensitive; ``%``
    and ``_`` are literal). ``period`` None covers all surveys.
    """
    period_sql, params = _period_sql(period, "s.date")
    filter_sql, filter_params = where_sql(filters, "s", set(DIMENSIONS))
    params = params + filter_params
    search_sql = "TRUE"
    if search is not None and search.strip():
        escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        search_sql = "s.comment ILIKE ? ESCAPE '\\'"
        params.append(f"%{escaped}%")
    query = f"""{_SURVEYS}
    SELECT s.date, s.customer, s.rep, s.csat, s.nps, s.comment
    FROM s
    WHERE s.comment IS NOT NULL AND trim(s.comment) <> '' AND {period_sql} AND {filter_sql}
      AND {search_sql}
    ORDER BY s.date DESC NULLS LAST, s.customer NULLS LAST, s.rep NULLS LAST
    """
    return con.cursor().execute(query, params).df()


@dataclass(frozen=True)
class NpsResult:
    """NPS (-100..100, NaN when there are no responses) with its counts."""

    nps: float
    promoters: int
    detractors: int
    passives: int
    responses: int


def nps_from_scores(scores: Sequence[float | int | None]) -> NpsResult:
    """NPS of 0–10 scores: 100 × (promoters 9–10 − detractors 0–6) / responses.

    Blanks (None/NaN) are not responses; a score outside 0–10 raises ``ValueError``.
    """
    promoters = detractors = passives = 0
    for raw in scores:
        if raw is None:
            continue
        score = float(raw)
        if math.isnan(score):
            continue
        if not 0 <= score <= 10:
            raise ValueError(f"NPS score {raw!r} is outside 0–10")
        if score >= 9:
            promoters += 1
        elif score <= 6:
            detractors += 1
        else:
            passives += 1
    responses = promoters + detractors + passives
    nps = 100.0 * (promoters - detractors) / responses if responses else math.nan
    return NpsResult(nps, promoters, detractors, passives, responses)


def collaboration(con: duckdb.DuckDBPyConnection, period: Period | None,
                  filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """Mean peer-review score (1–5) per rep: rep, mean_score, reviewers, reviews.

    Counts the reviews whose period overlaps ``period`` (None: all reviews). ``reviewers`` is
    the number of distinct named reviewers. Filters: rep directly; team by the rep's team (targets
    file, else latest deal); other dimensions keep the reps with at least one deal in the slice.
    A rep with no reviews has no row.
    """
    period_sql, params = ("TRUE", [])
    if period is not None:
        period_sql = "p.period_start <= ? AND p.period_end >= ?"
        params = [period.end, period.start]
    who = Filters(rep=filters.rep, team=filters.team)
    who_sql, who_params = where_sql(who, "r")
    rest = Filters(**{k: v for k, v in filters.active().items() if k not in ("rep", "team")})
    rest_sql = "TRUE"
    rest_params: list[object] = []
    if not rest.is_empty():
        inner, rest_params = where_sql(rest, "d", set(DIMENSIONS))
        rest_sql = f"p.rep IN (SELECT d.rep FROM deals d WHERE d.rep IS NOT NULL AND {inner})"
    query = f"""
    WITH {_REP_TEAM.strip()},
    r AS (
        SELECT p.rep, coalesce(tt.team, rl.team) AS team
        FROM (SELECT DISTINCT rep FROM peer_reviews WHERE rep IS NOT NULL) p
        LEFT JOIN target_team tt ON tt.rep = p.rep
        LEFT JOIN rep_latest rl ON rl.rep = p.rep
    )
    SELECT p.rep, avg(p.score) AS mean_score, count(DISTINCT p.reviewer) AS reviewers,
           count(p.score) AS reviews
    FROM peer_reviews p JOIN r ON r.rep = p.rep
    WHERE p.score IS NOT NULL AND {period_sql} AND {who_sql} AND {rest_sql}
    GROUP BY p.rep
    ORDER BY p.rep
    """
    frame = con.cursor().execute(query, params + who_params + rest_params).df()
    frame[["reviewers", "reviews"]] = frame[["reviewers", "reviews"]].astype("int64")
    frame["mean_score"] = frame["mean_score"].astype("float64")
    return frame
