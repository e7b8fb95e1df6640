"""The sales funnel: how many deals reached each stage, conversion between stages, time in stage.

Definitions (SPEC §3). A deal *reached* a stage when it has an entry date for that stage or a
later one; without dates, when its current stage is at or after it. A won deal reached every
stage. A lost deal reached the stage in ``lost_stage`` (or, where the CRM keeps the stage and
marks the status lost, its current stage) and any stage it has an entry date for; with none of
these it counts at the first stage only, and :class:`FunnelResult` says how many such deals
there are. Every deal in scope counts at the first stage (it entered the funnel).

*Strict* mode counts a deal at a stage only if it touched that stage and every earlier one
(entry date, or the stage it is in / was lost in / won); a deal without any entry date falls
back to the rules above. Presence of a date is what counts, not its order: a deal that moved
back (an earlier stage entered after a later one) counts at every stage it touched, and is
reported in ``backward_moves``.

Counts are of distinct ``deal_id``; conversions are fractions (0.5, not 50 %), NaN where the
stage they divide by has no deal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import Filters, where_sql
from analytics.messages import Problem
from analytics.periods import Period, month_end
from analytics.store.canonical import deal_ids_unique, table_layout
from analytics.store.schema import stage_entry_column
from analytics.store.settings import DEFAULT_SETTINGS, Settings

_ALL = Filters()

#: Columns a funnel can be compared by (fixed whitelist: these names go into SQL).
FUNNEL_DIMENSIONS = ("team", "rep", "region", "segment", "channel", "lead_source", "product", "customer")

_DEAL_COLUMNS = frozenset(name for name, _ in table_layout("deals"))
# Grouping by the month's first day is much faster than formatting 'YYYY-MM' for every row;
# the label is formatted after aggregation (see _reached_counts).
_MONTH_SQL = "date_trunc('month', d.created_date)"

LOST_WITHOUT_STAGE = "funnel.lost_without_stage"
NO_CREATED_DATE = "funnel.no_created_date"
NO_STAGE_DATES = "funnel.no_stage_dates"
BACKWARD_MOVES = "funnel.backward_moves"
SKIPPED_STAGES = "funnel.skipped_stages"
COHORT_TOO_YOUNG = "funnel.cohort_too_young"


@dataclass(frozen=True)
class FunnelResult:
    """A funnel table plus the data-quality counts the page must show beside it."""

    table: pd.DataFrame
    mode: str = "snapshot"
    strict: bool = False
    by: str | None = None
    deals: int = 0
    lost_without_stage: int = 0
    deals_without_stage_dates: int = 0
    deals_without_created_date: int = 0
    backward_moves: int = 0
    skipped_stages: int = 0
    too_young_cohorts: list[str] = field(default_factory=list)
    median_won_cycle_days: float = float("nan")

    def notes(self) -> list[Problem]:
        """Warnings to show with the funnel (English and Chinese via ``Problem.text``)."""
        out: list[Problem] = []
        if self.lost_without_stage:
            out.append(Problem(LOST_WITHOUT_STAGE, {"count": self.lost_without_stage}, "warning"))
        if self.deals_without_created_date:
            out.append(Problem(NO_CREATED_DATE, {"count": self.deals_without_created_date}, "warning"))
        if self.deals_without_stage_dates:
            out.append(Problem(NO_STAGE_DATES, {"count": self.deals_without_stage_dates,
                                                "total": self.deals}, "info"))
        if self.backward_moves:
            out.append(Problem(BACKWARD_MOVES, {"count": self.backward_moves}, "info"))
        if self.skipped_stages:
            out.append(Problem(SKIPPED_STAGES, {"count": self.skipped_stages}, "info"))
        if self.too_young_cohorts:
            out.append(Problem(COHORT_TOO_YOUNG, {"count": len(self.too_young_cohorts),
                                                  "first": self.too_young_cohorts[0],
                                                  "days": self.median_won_cycle_days}, "warning"))
        return out


# --- SQL building blocks ----------------------------------------------------------------------

def _entry(key: str) -> str:
    """The entry-date column of a stage, or NULL for a configured stage the schema has no column for."""
    col = stage_entry_column(key)
    return f'd."{col}"' if col in _DEAL_COLUMNS else "NULL::DATE"


def _check_dimension(by: str | None) -> None:
    if by is not None and by not in FUNNEL_DIMENSIONS:
        raise ValueError(f"cannot compare the funnel by {by!r}; choose one of {', '.join(FUNNEL_DIMENSIONS)}")


def _stage_values(cur: duckdb.DuckDBPyConnection, settings: Settings, where: str,
                  params: list[object]) -> tuple[str, list[object]]:
    """A VALUES relation (label, idx) classifying the ``stage`` and ``lost_stage`` labels of the deals
    ``where`` selects (the only ones the funnel joins it to).

    One query for both columns (a label means the same stage in either); labels that are no
    funnel stage (lost, unknown) are left out, so they join to NULL, as with
    ``settings.register_stage_map``.
    """
    stages, lost = cur.execute(
        f"SELECT list(DISTINCT stage), list(DISTINCT lost_stage) FROM deals d WHERE {where}", params).fetchall()[0]
    order = settings.stage_order()
    pairs: list[object] = []
    for label in {*(stages or ()), *(lost or ())}:
        if label is None:
            continue
        key, _status = settings.classify_stage(label)
        if key is not None:
            pairs += [label, order.index(key)]
    if not pairs:
        return "(SELECT NULL::VARCHAR AS label, NULL::INTEGER AS idx WHERE FALSE)", []
    rows = ", ".join("(?::VARCHAR, ?::INTEGER)" for _ in range(len(pairs) // 2))
    return f"(SELECT * FROM (VALUES {rows}) AS v(label, idx))", pairs


def _deal_flags_sql(cur: duckdb.DuckDBPyConnection, settings: Settings, select_extra: list[str],
                    scope_sql: str, scope_params: list[object], filters: Filters) -> tuple[str, list[object]]:
    """SQL of one row per deal line in scope with ``reach_idx`` (last stage reached, any-stage rule)
    and ``strict_idx`` (last stage reached with every earlier stage touched; -1 for none).

    Also ``has_dates``, ``no_stage_lost`` and ``backward``; a dated deal skipped a stage when
    ``strict_idx < reach_idx``.
    """
    order = settings.stage_order()
    n = len(order)
    won = order.index(settings.won_stage)
    cap = max(won - 1, 0)  # a deal that is not won cannot have reached the won stage
    fsql, fparams = where_sql(filters, "d")
    stage_rel, stage_params = _stage_values(cur, settings, f"({fsql}) AND ({scope_sql})", [*fparams, *scope_params])
    entries = [_entry(k) for k in order]
    extra = "".join(f"{e}, " for e in select_extra)
    # Per deal: which stages have an entry date (h<i>) and whether a later stage was entered before
    # an earlier one; the rules below then work on these flags (written out per stage, with what
    # is known in advance folded in, so the query stays small to plan).
    pairs = [f"{entries[i]} > {entries[j]}" for i in range(n) for j in range(i + 1, n)]
    backward = f"coalesce({' OR '.join(pairs)}, FALSE)" if pairs else "FALSE"
    base = (
        f"SELECT {extra}d.deal_id, coalesce(d.status, 'open') AS status, d.created_date, d.close_date, "
        f"sm.idx AS cur_idx, lm.idx AS lost_idx, "
        + "".join(f"({e} IS NOT NULL) AS h{i}, " for i, e in enumerate(entries))
        + f"{backward} AS moved_back "
        f"FROM deals d LEFT JOIN {stage_rel} AS sm ON d.stage = sm.label "
        f"LEFT JOIN {stage_rel} AS lm ON d.lost_stage = lm.label "
        f"WHERE ({fsql}) AND ({scope_sql})"
    )
    any_date = " OR ".join(f"h{i}" for i in range(n))
    date_idx = "CASE " + " ".join(f"WHEN h{i} THEN {i}" for i in reversed(range(n))) + " END"  # last dated stage
    step1 = (
        f"SELECT *, ({any_date}) AS has_dates, {date_idx} AS date_idx, "
        f"CASE WHEN status = 'lost' THEN coalesce(lost_idx, cur_idx) ELSE cur_idx END AS terminal_raw "
        f"FROM base"
    )
    step2 = (
        "SELECT *, "
        f"CASE WHEN status = 'won' THEN {n - 1} "
        f"ELSE least(coalesce(greatest(terminal_raw, date_idx), 0), {cap}) END AS reach_idx, "
        f"least(terminal_raw, {cap}) AS terminal_idx "
        "FROM step1"
    )

    # touched(i): the deal has a date for stage i, or i is the stage it is in / was lost in / won.
    def touched(i: int) -> str:
        parts = [f"h{i}"]
        if i >= won:
            parts.append("status = 'won'")
        if i <= cap:  # terminal_idx never exceeds cap
            parts.append(f"coalesce(status <> 'won' AND terminal_idx = {i}, FALSE)")
        return "(" + " OR ".join(parts) + ")"

    first_untouched = "CASE " + " ".join(f"WHEN NOT {touched(i)} THEN {i}" for i in range(n)) + f" ELSE {n} END"
    # strict_idx: the last stage up to which every stage was touched (-1: not even the first).
    step3 = (
        "SELECT *, "
        f"CASE WHEN has_dates THEN least(reach_idx, {first_untouched} - 1) ELSE reach_idx END AS strict_idx, "
        "(status = 'lost' AND lost_idx IS NULL AND cur_idx IS NULL AND NOT has_dates) AS no_stage_lost, "
        "(has_dates AND moved_back) AS backward "
        "FROM step2"
    )
    sql = f"WITH base AS ({base}), step1 AS ({step1}), step2 AS ({step2}) {step3}"
    return sql, [*stage_params, *stage_params, *fparams, *scope_params]


def _scope(period: Period | None, mode: str) -> tuple[str, list[object]]:
    """Deals in the funnel: created in the period; cohort mode also needs a created date."""
    if period is not None:
        return "d.created_date BETWEEN ? AND ?", [period.start, period.end]
    if mode == "cohort":
        return "d.created_date IS NOT NULL", []
    return "TRUE", []


def _deal_count(unique: bool) -> str:
    """Counting deals: distinct ids, or rows when every row is known to have its own id (reading a
    million distinct ids costs more than the rest of a query)."""
    return "count(*)" if unique else "count(DISTINCT deal_id)"


def _count_without_created(cur: duckdb.DuckDBPyConnection, filters: Filters, unique: bool) -> int:
    fsql, fparams = where_sql(filters, "d")
    return int(cur.execute(
        f"SELECT {_deal_count(unique)} FROM deals d WHERE ({fsql}) AND d.created_date IS NULL",
        fparams).fetchall()[0][0])


def _reached_counts(cur: duckdb.DuckDBPyConnection, settings: Settings, groups: list[tuple[str, str]],
                    scope_sql: str, scope_params: list[object], filters: Filters, unique: bool) -> pd.DataFrame:
    """One row per group: ``deals``, ``reached_<i>``, ``strict_<i>`` and the data-quality counts."""
    if unique:
        return _reached_counts_rows(cur, settings, groups, scope_sql, scope_params, filters)
    n = len(settings.stage_order())
    flags_sql, params = _deal_flags_sql(cur, settings, [f"{expr} AS {name}" for name, expr in groups],
                                        scope_sql, scope_params, filters)
    names = [name for name, _ in groups]
    # Few distinct (reach, strict, flags) combinations per group: count the deals of each (distinct
    # deal ids, so the lines of one order count once), then accumulate them per group.
    keys = "".join(f"{n_}, " for n_ in names)
    outer = [f"strftime({n_}, '%Y-%m') AS {n_}" if n_ == "created_month" else n_ for n_ in names]

    def total(name: str, condition: str | None = None) -> str:
        flt = f" FILTER (WHERE {condition})" if condition else ""
        return f"coalesce(sum(deals){flt}, 0)::BIGINT AS {name}"

    sums = [*(total(f"reached_{i}", f"reach_idx >= {i}") for i in range(n)),
            *(total(f"strict_{i}", f"strict_idx >= {i}") for i in range(n)),
            total("deals"), total("lost_without_stage", "no_stage_lost"),
            total("without_dates", "NOT has_dates"), total("backward_moves", "backward"),
            total("skipped_stages", "has_dates AND strict_idx < reach_idx")]
    group = f" GROUP BY {', '.join(names)} ORDER BY {', '.join(f'{n_} NULLS LAST' for n_ in names)}" if names else ""
    sql = (f"WITH flags AS ({flags_sql}), combos AS ("
           f"SELECT {keys}reach_idx, strict_idx, no_stage_lost, has_dates, backward, "
           f"{_deal_count(unique)} AS deals FROM flags GROUP BY ALL) "
           f"SELECT {', '.join([*outer, *sums])} FROM combos{group}")
    return cur.execute(sql, params).df()


def _reached_counts_rows(cur: duckdb.DuckDBPyConnection, settings: Settings, groups: list[tuple[str, str]],
                         scope_sql: str, scope_params: list[object], filters: Filters) -> pd.DataFrame:
    """:func:`_reached_counts` when every row is its own deal (the same rules as
    :func:`_deal_flags_sql`, applied in a different place).

    The query only counts the deals in scope per combination of what the rules read: status,
    stage and lost-stage labels, which stages have an entry date, a move back. The rules are then
    applied to those few combinations here, with the labels classified by ``settings``: one
    simple scan, no join, no separate query for the labels.
    """
    order = settings.stage_order()
    n = len(order)
    won = order.index(settings.won_stage)
    cap = max(won - 1, 0)  # a deal that is not won cannot have reached the won stage
    fsql, fparams = where_sql(filters, "d")
    entries = [_entry(k) for k in order]
    pairs = [f"{entries[i]} > {entries[j]}" for i in range(n) for j in range(i + 1, n)]
    moved_back = f"coalesce({' OR '.join(pairs)}, FALSE)" if pairs else "FALSE"
    names = [name for name, _ in groups]
    keys = "".join(f"strftime({expr}, '%Y-%m') AS {name}, " if name == "created_month" else f"{expr} AS {name}, "
                   for name, expr in groups)
    sql = (f"SELECT {keys}coalesce(d.status, 'open') AS status, d.stage, d.lost_stage, "
           + "".join(f"({e} IS NOT NULL) AS h{i}, " for i, e in enumerate(entries))
           + f"{moved_back} AS moved_back, count(*) AS deals "
           f"FROM deals d WHERE ({fsql}) AND ({scope_sql}) GROUP BY ALL")
    raw = {k: (v.filled(None) if np.ma.isMaskedArray(v) else v)
           for k, v in cur.execute(sql, [*fparams, *scope_params]).fetchnumpy().items()}
    found: dict[object, float] = {}

    def index(label: object) -> float:
        """Funnel index of a stage label; NaN for no label, a lost or an unknown one."""
        if label not in found:
            key = settings.classify_stage(label)[0] if label is not None else None
            found[label] = float(order.index(key)) if key is not None else math.nan
        return found[label]

    deals = raw["deals"].astype("int64")
    status = raw["status"]
    is_won, is_lost = status == "won", status == "lost"
    cur_idx = np.array([index(x) for x in raw["stage"]], dtype="float64")
    lost_idx = np.array([index(x) for x in raw["lost_stage"]], dtype="float64")
    dated = np.column_stack([raw[f"h{i}"].astype(bool) for i in range(n)]) if len(deals) \
        else np.zeros((0, n), dtype=bool)
    has_dates = dated.any(axis=1)
    date_idx = np.where(has_dates, n - 1 - np.argmax(dated[:, ::-1], axis=1), np.nan)  # last dated stage
    terminal_raw = np.where(is_lost & ~np.isnan(lost_idx), lost_idx, cur_idx)
    top = np.fmax(terminal_raw, date_idx)  # greatest() ignores NULL
    reach = np.where(is_won, n - 1, np.minimum(np.where(np.isnan(top), 0, top), cap))
    terminal = np.where(np.isnan(terminal_raw), cap, np.minimum(terminal_raw, cap))  # least() ignores NULL
    stage = np.arange(n)
    touched = dated | (is_won[:, None] & (stage >= won)) | (~is_won[:, None] & (terminal[:, None] == stage))
    first_untouched = np.where((~touched).any(axis=1), np.argmax(~touched, axis=1), n)
    strict = np.where(has_dates, np.minimum(reach, first_untouched - 1), reach)
    counts = {
        **{f"reached_{i}": deals * (reach >= i) for i in range(n)},
        **{f"strict_{i}": deals * (strict >= i) for i in range(n)},
        "deals": deals,
        "lost_without_stage": deals * (is_lost & np.isnan(lost_idx) & np.isnan(cur_idx) & ~has_dates),
        "without_dates": deals * ~has_dates,
        "backward_moves": deals * (has_dates & raw["moved_back"].astype(bool)),
        "skipped_stages": deals * (has_dates & (strict < reach)),
    }
    if not names:
        return pd.DataFrame({k: [int(v.sum())] for k, v in counts.items()}, dtype="int64")
    frame = pd.DataFrame({**{name: pd.Series(raw[name], dtype="object") for name in names},
                          **{k: v.astype("int64") for k, v in counts.items()}})
    out = frame.groupby(names, dropna=False, sort=False).sum().reset_index()
    out = out.sort_values(names, na_position="last", kind="stable").reset_index(drop=True)
    for name in names:  # the dtype the query's frame would have
        out[name] = out[name].astype("str") if len(out) else out[name].astype("object")
    return out


def _long_table(counts: pd.DataFrame, names: list[str], settings: Settings, strict: bool) -> pd.DataFrame:
    """Stage rows per group with conversion to next, from first and from previous."""
    stages = settings.stages
    prefix = "strict_" if strict else "reached_"
    rows: list[dict[str, object]] = []
    for rec in counts.to_dict("records"):
        reached = [int(rec[f"{prefix}{i}"]) for i in range(len(stages))]
        first = reached[0] if reached else 0
        for i, st in enumerate(stages):
            row = {name: rec[name] for name in names}
            nxt = reached[i + 1] if i + 1 < len(stages) else None
            row.update({
                "stage": st.key,
                "reached": reached[i],
                "conversion": nxt / reached[i] if nxt is not None and reached[i] else float("nan"),
                "conversion_from_first": reached[i] / first if first else float("nan"),
                "conversion_from_previous": reached[i] / reached[i - 1] if i > 0 and reached[i - 1]
                else float("nan"),
            })
            rows.append(row)
    columns = [*names, "stage", "reached", "conversion",
               "conversion_from_first", "conversion_from_previous"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"reached": "int64", "conversion": "float64", "conversion_from_first": "float64",
                       "conversion_from_previous": "float64"})


def _empty_counts(settings: Settings) -> dict[str, int]:
    n = len(settings.stage_order())
    return {**{f"reached_{i}": 0 for i in range(n)}, **{f"strict_{i}": 0 for i in range(n)}}


# --- public API -------------------------------------------------------------------------------

def funnel(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL,
           settings: Settings = DEFAULT_SETTINGS, *, mode: Literal["snapshot", "cohort"] = "snapshot",
           strict: bool = False, by: str | None = None, as_of: date | None = None) -> FunnelResult:
    """Deals reached per stage in the configured order, with conversions as fractions.

    snapshot: deals created in ``period`` (all deals when None); cohort: the same deals grouped
    by created month (``created_month`` 'YYYY-MM', with ``cohort_age_days``/``too_young``, see
    :func:`cohort_funnel`). Deals without a created date are left out whenever a period or cohort
    needs one, and counted. ``by`` adds a leading column from :data:`FUNNEL_DIMENSIONS`.
    """
    _check_dimension(by)
    if mode not in ("snapshot", "cohort"):
        raise ValueError(f"mode must be 'snapshot' or 'cohort', not {mode!r}")
    cur = con.cursor()
    unique = deal_ids_unique(cur)
    groups: list[tuple[str, str]] = []
    if by is not None:
        groups.append((by, f'd."{by}"'))
    if mode == "cohort":
        groups.append(("created_month", _MONTH_SQL))
    names = [g for g, _ in groups]
    scope_sql, scope_params = _scope(period, mode)
    counts = _reached_counts(cur, settings, groups, scope_sql, scope_params, filters, unique)
    if not names and counts.empty:
        counts = pd.DataFrame([_empty_counts(settings)])
    table = _long_table(counts, names, settings, strict)
    without_created = _count_without_created(cur, filters, unique) if (period is not None or mode == "cohort") else 0
    too_young: list[str] = []
    median_cycle = float("nan")
    if mode == "cohort":
        ages = _cohort_ages(cur, settings, sorted(table["created_month"].dropna().unique()), as_of)
        median_cycle = _median_won_cycle(cur, filters)
        table = table.merge(ages, on="created_month", how="left")
        table["too_young"] = (table["cohort_age_days"] < median_cycle) if median_cycle == median_cycle \
            else False
        too_young = sorted(ages.loc[ages["cohort_age_days"] < median_cycle, "created_month"]) \
            if median_cycle == median_cycle else []

    def total(col: str) -> int:
        return int(counts[col].sum()) if col in counts else 0

    return FunnelResult(
        table=table, mode=mode, strict=strict, by=by, deals=total("deals"),
        lost_without_stage=total("lost_without_stage"), deals_without_stage_dates=total("without_dates"),
        deals_without_created_date=without_created, backward_moves=total("backward_moves"),
        skipped_stages=total("skipped_stages"), too_young_cohorts=list(too_young),
        median_won_cycle_days=median_cycle,
    )


def _median_won_cycle(cur: duckdb.DuckDBPyConnection, filters: Filters) -> float:
    """Median days created → close over won deals with both dates (NaN when none)."""
    fsql, fparams = where_sql(filters, "d")
    value = cur.execute(
        "SELECT median(date_diff('day', d.created_date, d.close_date)) FROM deals d "
        f"WHERE ({fsql}) AND d.status = 'won' AND d.created_date IS NOT NULL AND d.close_date IS NOT NULL",
        fparams).fetchall()[0][0]
    return float("nan") if value is None else float(value)


def _data_as_of(cur: duckdb.DuckDBPyConnection, settings: Settings) -> date | None:
    """The latest date the data knows of: created, closed (won/lost) or stage-entry dates."""
    entries = ", ".join(f"max({_entry(k)})" for k in settings.stage_order())
    row = cur.execute(
        "SELECT greatest(max(d.created_date), max(CASE WHEN d.status IN ('won', 'lost') THEN d.close_date END), "
        f"{entries}) FROM deals d").fetchall()[0]
    return row[0]


def _cohort_ages(cur: duckdb.DuckDBPyConnection, settings: Settings, months: list[str],
                 as_of: date | None) -> pd.DataFrame:
    """Days from each cohort month's last day to ``as_of`` (the age of its youngest deals), ≥ 0."""
    as_of = as_of or _data_as_of(cur, settings)
    ages = []
    for month in months:
        last = (pd.Timestamp(f"{month}-01") + pd.offsets.MonthEnd(0)).date()
        ages.append(max((as_of - last).days, 0) if as_of is not None else 0)
    return pd.DataFrame({"created_month": pd.Series(months, dtype="str"),
                         "cohort_age_days": pd.Series(ages, dtype="int64")})


def cohort_funnel(con: duckdb.DuckDBPyConnection, start: date | None, end: date | None,
                  filters: Filters = _ALL, settings: Settings = DEFAULT_SETTINGS, *,
                  strict: bool = False, as_of: date | None = None) -> pd.DataFrame:
    """Created month × stage: deals reached and their share of the cohort (fraction).

    Deals created between ``start`` and ``end`` (inclusive, None = open). ``cohort_age_days`` is
    the time from the month's last day to ``as_of`` (default: the latest date in the data);
    ``too_young`` when that is below the median won cycle (False when no won deal has a cycle).
    """
    cur = con.cursor()
    scope = ["d.created_date IS NOT NULL"]
    params: list[object] = []
    if start is not None:
        scope.append("d.created_date >= ?")
        params.append(start)
    if end is not None:
        scope.append("d.created_date <= ?")
        params.append(end)
    counts = _reached_counts(cur, settings, [("created_month", _MONTH_SQL)],
                             " AND ".join(scope), params, filters, deal_ids_unique(cur))
    table = _long_table(counts, ["created_month"], settings, strict)
    # The share is of every deal created in the month, in strict mode too.
    sizes = counts.set_index("created_month")["deals"]
    out = table[["created_month", "stage", "reached"]].copy()
    out["share_of_cohort"] = (out["reached"] / out["created_month"].map(sizes)).astype("float64")
    ages = _cohort_ages(cur, settings, list(sizes.index), as_of)
    out = out.merge(ages, on="created_month", how="left")
    median_cycle = _median_won_cycle(cur, filters)
    out["too_young"] = (out["cohort_age_days"] < median_cycle) if median_cycle == median_cycle else False
    return out.astype({"created_month": "str", "too_young": "bool"})


def time_in_stage(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL,
                  settings: Settings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """Days spent in each stage before the won stage: deals, median_days, p75_days (linear quantiles).

    From stage-entry dates of deals created in ``period`` (all when None). A deal's time in a
    stage ends at the earliest later-stage entry on or after it (a won deal's close date stands
    for its missing won-stage entry); deals still in a stage, lost in it, or whose later dates
    lie before it (backward moves) are left out. No dated deal → deals 0 and NaN days.
    """
    order = settings.stage_order()
    won = order.index(settings.won_stage)
    fsql, fparams = where_sql(filters, "d")
    scope_sql, scope_params = _scope(period, "snapshot")
    entries = [_entry(k) for k in order]
    entries[won] = f"coalesce({entries[won]}, CASE WHEN d.status = 'won' THEN d.close_date END)"
    cols = ", ".join(f"{e} AS e{i}" for i, e in enumerate(entries))
    aggs = []
    for i in range(won):
        later = ", ".join(f"CASE WHEN e{j} >= e{i} THEN e{j} END" for j in range(i + 1, len(order)))
        exit_ = f"least({later})" if len(order) - i > 2 else later
        days = f"date_diff('day', e{i}, {exit_})"
        aggs += [f"count({days}) AS deals_{i}", f"quantile_cont({days}, 0.5) AS median_{i}",
                 f"quantile_cont({days}, 0.75) AS p75_{i}"]
    if not aggs:
        return pd.DataFrame({"stage": pd.Series(dtype="str"), "deals": pd.Series(dtype="int64"),
                             "median_days": pd.Series(dtype="float64"), "p75_days": pd.Series(dtype="float64")})
    sql = (f"WITH e AS (SELECT {cols} FROM deals d WHERE ({fsql}) AND ({scope_sql})) "
           f"SELECT {', '.join(aggs)} FROM e")
    rec = con.cursor().execute(sql, [*fparams, *scope_params]).df().iloc[0]
    rows = [{"stage": order[i], "deals": int(rec[f"deals_{i}"]),
             "median_days": float(rec[f"median_{i}"]) if pd.notna(rec[f"median_{i}"]) else float("nan"),
             "p75_days": float(rec[f"p75_{i}"]) if pd.notna(rec[f"p75_{i}"]) else float("nan")}
            for i in range(won)]
    return pd.DataFrame(rows).astype({"stage": "str", "deals": "int64", "median_days": "float64",
                                      "p75_days": "float64"})


def lost_reasons(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL) -> pd.DataFrame:
    """Lost deals closed in ``period`` by reason: deals, amount (currency; NaN when all unknown), share.

    ``share`` is the fraction of lost deals (by count). Deals without a reason form one row with
    ``lost_reason`` None, listed last.
    """
    fsql, fparams = where_sql(filters, "d")
    psql, pparams = ("d.close_date BETWEEN ? AND ?", [period.start, period.end]) if period else ("TRUE", [])
    cur = con.cursor()
    sql = (
        f"SELECT d.lost_reason AS lost_reason, {_deal_count(deal_ids_unique(cur))} AS deals, sum(d.amount) AS amount "
        f"FROM deals d WHERE d.status = 'lost' AND ({fsql}) AND ({psql}) "
        "GROUP BY d.lost_reason ORDER BY d.lost_reason IS NULL, deals DESC, d.lost_reason"
    )
    out = cur.execute(sql, [*fparams, *pparams]).df()
    total = out["deals"].sum()
    out["share"] = out["deals"] / total if total else float("nan")
    return out.astype({"deals": "int64", "amount": "float64", "share": "float64"})


def stage_deals(con: duckdb.DuckDBPyConnection, period: Period | None, filters: Filters = _ALL,
                settings: Settings = DEFAULT_SETTINGS, stage_key: str = "", *, strict: bool = False,
                created_month: str | None = None) -> pd.DataFrame:
    """The deals behind one funnel bar: those in the snapshot scope that reached ``stage_key``.

    ``created_month`` ('YYYY-MM') narrows to one cohort (a heatmap cell). Sorted by amount.
    """
    order = settings.stage_order()
    if stage_key not in order:
        raise ValueError(f"unknown stage {stage_key!r}; stages are {', '.join(order)}")
    i = order.index(stage_key)
    cur = con.cursor()
    scope_sql, scope_params = _scope(period, "cohort" if created_month else "snapshot")
    if created_month is not None:
        first = date.fromisoformat(f"{created_month}-01")
        scope_sql += " AND d.created_date BETWEEN ? AND ?"
        scope_params = [*scope_params, first, month_end(first)]
    cols = ["customer", "rep", "team", "segment", "channel", "stage", "amount"]
    flags_sql, params = _deal_flags_sql(cur, settings, [f"d.{c} AS {c}" for c in cols],
                                        scope_sql, scope_params, filters)
    flag = "strict_idx" if strict else "reach_idx"
    sql = (f"SELECT deal_id, {', '.join(cols)}, status, created_date, close_date FROM ({flags_sql}) "
           f"WHERE {flag} >= {i} ORDER BY amount DESC NULLS LAST, deal_id")
    return cur.execute(sql, params).df()
