"""The pages' figures in plain pandas: the reference the DuckDB analytics are timed against.

Same definitions as ``analytics.metrics.attainment``, ``analytics.metrics.funnel`` and ``analytics.metrics.performance``
(SPEC §3), on the same rows held in memory as DataFrames; ``tests/test_bench_reference.py``
checks that every figure equals the analytics' on small data. Written to be fair to pandas:
vectorised boolean masks, ``groupby``/``merge``, no Python loop over rows (loops run over stages,
months or the few owners only). Dimension columns are ``category`` (as DuckDB stores them
dictionary-compressed), the uniqueness of deal ids is known from load time (as the analytics
know it from ``store.deal_ids_unique``), and nothing that depends on the filters or the period
is computed ahead.

Scope: the benchmark's data. Targets may be of any span (pro rata by days, ``spread``), with
explicit team and company rows; every rep target row carries a team (the target-file and the
deal-based fallbacks for a rep without one are not implemented and raise).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.funnel import FunnelResult
from analytics.periods import (
    Period,
    add_months,
    custom_period,
    fiscal_year_of,
    month_end,
    month_start,
    year_period,
)
from analytics.store.schema import stage_entry_column
from analytics.store.settings import Settings

COMPANY = "Company"  # analytics.metrics.attainment.COMPANY
ALL = "All"  # analytics.metrics.performance.COMPANY
DIMS = ("team", "rep", "region", "segment", "channel", "lead_source", "product")
CATEGORIES = (*DIMS, "customer", "stage", "status", "lost_reason", "lost_stage")
PACE_TOLERANCE = 0.05


@dataclass
class Frames:
    """The canonical tables as DataFrames, as the pandas side of the benchmark holds them."""

    deals: pd.DataFrame
    targets: pd.DataFrame
    campaigns: pd.DataFrame
    unique_ids: bool  # every deal row has its own, non-null deal_id

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection, categorical: bool = True) -> Frames:
        """The tables of ``con``; text columns as DuckDB gives them (pandas ``str``), the dimension
        and label columns as ``category`` when ``categorical`` (what a tuned pandas program does)."""
        deals = con.execute("SELECT * FROM deals").df()
        for col in CATEGORIES:
            deals[col] = deals[col].astype("category" if categorical else "str")
        unique = bool(deals["deal_id"].notna().all() and deals["deal_id"].is_unique)
        return cls(deals, con.execute("SELECT * FROM targets").df(), con.execute("SELECT * FROM campaigns").df(),
                   unique)


# --- helpers -----------------------------------------------------------------------------------

def ts(d: date) -> pd.Timestamp:
    return pd.Timestamp(d)


def between(col: pd.Series, start: date, end: date) -> pd.Series:
    return (col >= ts(start)) & (col <= ts(end))


def filter_mask(d: pd.DataFrame, filters: Filters) -> pd.Series:
    mask = pd.Series(True, index=d.index)
    for dim, values in filters.active().items():
        mask &= d[dim].isin(values)
    return mask


def distinct_labels(labels: pd.Series) -> list[object]:
    return list(labels.cat.categories) if isinstance(labels.dtype, pd.CategoricalDtype) else list(labels.dropna().unique())


def stage_index(settings: Settings, labels: pd.Series) -> pd.Series:
    """Funnel index of each stage label (float, NaN for lost / unknown), via its few distinct labels."""
    order = settings.stage_order()
    lookup = {}
    for label in distinct_labels(labels):
        key, _ = settings.classify_stage(label)
        lookup[label] = float(order.index(key)) if key else math.nan
    return labels.map(lookup).astype("float64")


def stage_default(settings: Settings, labels: pd.Series) -> pd.Series:
    lookup = {}
    for label in distinct_labels(labels):
        key, _ = settings.classify_stage(label)
        lookup[label] = settings.stage(key).probability if key else math.nan
    return labels.map(lookup).astype("float64")


# --- targets -----------------------------------------------------------------------------------

def target_parts(f: Frames, periods: list[tuple[date, date]], metric: str, spread: bool,
                 filters: Filters) -> pd.DataFrame:
    """pid, month, rep, team, amount: the counted target contributions (analytics' ``c``) under filters."""
    t = f.targets
    t = t[(t["metric"].fillna("revenue") == metric) & t["target"].notna() & t["period_start"].notna()
          & (t["period_end"] >= t["period_start"])]
    if t["rep"].notna().any() and t.loc[t["rep"].notna(), "team"].isna().any():
        raise NotImplementedError("rep target rows without a team")
    ps = t["period_start"].to_numpy().astype("datetime64[M]")
    pe = t["period_end"].to_numpy().astype("datetime64[M]")
    n_months = (pe - ps).astype("int64") + 1
    rows = np.repeat(np.arange(len(t)), n_months)
    offset = np.arange(len(rows)) - np.repeat(np.cumsum(n_months) - n_months, n_months)
    month = ps[rows] + offset.astype("timedelta64[M]")
    tm = pd.DataFrame({
        "rep": t["rep"].to_numpy()[rows], "team": t["team"].to_numpy()[rows],
        "target": t["target"].to_numpy()[rows], "ps": t["period_start"].to_numpy()[rows],
        "pe": t["period_end"].to_numpy()[rows], "n_months": n_months[rows],
        "month": month.astype("datetime64[us]"),
    })
    per = pd.DataFrame({"pid": range(len(periods)), "p_start": [ts(a) for a, _ in periods],
                        "p_end": [ts(b) for _, b in periods]})
    c = tm.merge(per, how="cross")
    c = c[(c["month"] >= c["p_start"].to_numpy().astype("datetime64[M]").astype("datetime64[us]"))
          & (c["month"] <= c["p_end"])]
    month_last = (c["month"].to_numpy().astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    month_last = pd.to_datetime(month_last).astype("datetime64[us]")
    lo = np.maximum(np.maximum(c["p_start"].to_numpy(), c["month"].to_numpy()), c["ps"].to_numpy())
    hi = np.minimum(np.minimum(c["p_end"].to_numpy(), month_last.to_numpy()), c["pe"].to_numpy())
    overlap = np.maximum(0, (hi - lo).astype("timedelta64[D]").astype("int64") + 1)
    month_days = (month_last.to_numpy() - c["month"].to_numpy()).astype("timedelta64[D]").astype("int64") + 1
    whole = ((c["ps"] >= c["p_start"]) & (c["pe"] <= c["p_end"])).to_numpy()
    share = (c["target"] / c["n_months"]).to_numpy()
    amount = np.where(whole, share, share * overlap / month_days)
    keep = whole | (((c["n_months"] == 1).to_numpy() | spread) & (overlap > 0))
    c = pd.DataFrame({"pid": c["pid"].to_numpy(), "month": c["month"].to_numpy(), "rep": c["rep"].to_numpy(),
                      "team": c["team"].to_numpy(), "amount": amount})[keep]
    is_rep, has_team = c["rep"].notna(), c["team"].notna()
    rep_ok = is_rep.copy()
    if filters.rep:
        rep_ok &= c["rep"].isin(filters.rep)
    if filters.team:
        rep_ok &= c["team"].isin(filters.team)
    team_ok = ~is_rep & has_team & (not filters.rep)
    if filters.team:
        team_ok &= c["team"].isin(filters.team)
    company_ok = ~is_rep & ~has_team & (not (filters.rep or filters.team))
    return c[rep_ok | team_ok | company_ok]


def roll_up(c: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per (pid, month, team) and per (pid, month): explicit, parts and amount (explicit, else parts)."""
    is_rep = c["rep"].notna()
    explicit = c["amount"].where(~is_rep)
    parts = c["amount"].where(is_rep)
    teams = c[c["team"].notna()].assign(explicit=explicit, parts=parts)
    team_m = teams.groupby(["pid", "month", "team"], sort=False)[["explicit", "parts"]].sum(min_count=1) \
        .reset_index()
    team_m["amount"] = team_m["explicit"].fillna(team_m["parts"])
    no_team = c[c["team"].isna()]
    comp_explicit = no_team[no_team["rep"].isna()].groupby(["pid", "month"])["amount"].sum()
    comp_parts = pd.concat([team_m[["pid", "month", "amount"]], no_team[no_team["rep"].notna()][["pid", "month", "amount"]]])
    comp_parts = comp_parts.groupby(["pid", "month"])["amount"].sum()
    comp_m = pd.DataFrame({"explicit": comp_explicit, "parts": comp_parts})
    comp_m["amount"] = comp_m["explicit"].fillna(comp_m["parts"])
    return team_m, comp_m.reset_index()


def targets_by(f: Frames, periods: list[tuple[date, date]], by: str, metric: str, spread: bool,
               filters: Filters) -> pd.DataFrame:
    """pid, owner, target: owners with a counted target only."""
    c = target_parts(f, periods, metric, spread, filters)
    if by == "rep":
        out = c[c["rep"].notna()].groupby(["pid", "rep"])["amount"].sum().reset_index()
    elif by == "team":
        out = roll_up(c)[0].groupby(["pid", "team"])["amount"].sum().reset_index()
    else:
        out = roll_up(c)[1].groupby("pid")["amount"].sum().reset_index().assign(owner=COMPANY)
    out.columns = ["pid", "owner", "target"] if by != "company" else ["pid", "target", "owner"]
    return out[["pid", "owner", "target"]]


def rep_teams(f: Frames, reps: list[str], period: Period) -> pd.Series:
    """rep -> team in the period: the latest target month in it, else the most frequent team."""
    t = f.targets[f.targets["rep"].notna() & f.targets["team"].notna() & f.targets["period_start"].notna()
                  & (f.targets["period_end"] >= f.targets["period_start"])]
    rows = t.assign(span=(t["period_end"].dt.year - t["period_start"].dt.year) * 12
                    + t["period_end"].dt.month - t["period_start"].dt.month,
                    month=t["period_start"].to_numpy().astype("datetime64[M]").astype("datetime64[us]"))
    if (rows["span"] > 0).any():
        raise NotImplementedError("multi-month target rows in the team resolution")
    rmt = rows.sort_values(["rep", "month", "span", "team"]).drop_duplicates(["rep", "month"])
    rmt = rmt[between(rmt["month"], month_start(period.start), period.end)]
    in_period = rmt.sort_values("month").groupby("rep")["team"].last()
    counts = t.groupby(["rep", "team"]).agg(n=("team", "size"), last=("period_end", "max")).reset_index()
    rtt = counts.sort_values(["rep", "n", "last", "team"], ascending=[True, False, False, True]) \
        .drop_duplicates("rep").set_index("rep")["team"]
    out = pd.Series(reps, index=reps, dtype="object").map(in_period)
    out = out.fillna(pd.Series(reps, index=reps, dtype="object").map(rtt))
    if out.isna().any():
        raise NotImplementedError("reps without a team in the target file")
    return out


# --- attainment ----------------------------------------------------------------------------------

def deal_buckets(f: Frames, by: str, filters: Filters, settings: Settings, windows: list[Period],
                 as_of: date | None = None) -> pd.DataFrame:
    d = f.deals
    cols = ["status", "amount", "probability", "stage", "close_date"] + ([by] if by != "company" else [])
    in_any = between(d["close_date"], windows[0].start, windows[0].end)
    for w in windows[1:]:
        in_any |= between(d["close_date"], w.start, w.end)
    sub = d.loc[in_any & filter_mask(d, filters) & d["status"].isin(["won", "lost", "open"]), cols]
    owner = sub[by].astype("object") if by != "company" else pd.Series(COMPANY, index=sub.index)
    won, lost, is_open = sub["status"] == "won", sub["status"] == "lost", sub["status"] == "open"
    cur, ly, prev, hist = (between(sub["close_date"], w.start, w.end) for w in windows)
    value = sub["amount"]
    # a sale closed after the as-of day has not happened yet on that day (analytics.metrics.attainment)
    booked = ~(sub["close_date"] > ts(as_of)) if as_of is not None else pd.Series(True, index=sub.index)
    open_cur = is_open & cur
    weighted = (value * sub["probability"]).where(open_cur & sub["probability"].notna())
    weighted_default = (value * stage_default(settings, sub["stage"]).fillna(0.0)).where(
        open_cur & sub["probability"].isna())
    parts = pd.DataFrame({
        "owner": owner,
        "actual": value.where(won & cur & booked),
        "deals_won": (won & cur & booked).astype("int64"),
        "actual_last_year": value.where(won & ly),
        "actual_previous": value.where(won & prev),
        "history_won": (won & hist).astype("int64"),
        "history_lost": (lost & hist).astype("int64"),
        "history_won_value": value.where(won & hist),
        "history_won_valued": (won & hist & value.notna()).astype("int64"),
        "open_pipeline": value.where(open_cur),
        "weighted_pipeline": weighted.fillna(0.0) + weighted_default.fillna(0.0),
        "open_unknown_amount": (open_cur & value.isna()).astype("int64"),
        "open_deals": open_cur.astype("int64"),
        "period_deals": cur.astype("int64"),
    })
    out = parts.groupby("owner", dropna=False, sort=False).sum().reset_index()
    valued = out.pop("history_won_valued")
    out["avg_deal_size"] = (out.pop("history_won_value") / valued).where(valued > 0)
    return out


def pace(actual: pd.Series, expected: pd.Series, target: pd.Series) -> pd.Series:
    out = pd.Series("on_pace", index=actual.index, dtype="object")
    out[(expected == 0) & (actual > 0)] = "ahead"
    nz = expected != 0
    out[nz & (actual < expected * (1 - PACE_TOLERANCE))] = "behind"
    out[nz & (actual > expected * (1 + PACE_TOLERANCE))] = "ahead"
    out[target.isna()] = "no_target"
    return out


def attainment(f: Frames, period: Period, by: str, filters: Filters, as_of: date,
               settings: Settings) -> pd.DataFrame:
    last_year, previous = period.same_period_last_year(), period.previous()
    deals = deal_buckets(f, by, filters, settings, [period, last_year, previous, period], as_of)
    close = f.deals["close_date"]
    has_ly = bool(between(close, last_year.start, last_year.end).any())
    has_prev = bool(between(close, previous.start, previous.end).any())
    targets = targets_by(f, [(period.start, period.end)], by, "revenue", False, filters).drop(columns="pid")
    frame = targets.merge(deals, on="owner", how="outer")
    if by == "company" and frame.empty:
        frame = pd.DataFrame({"owner": [COMPANY]})
    for col in deals.columns.drop("owner"):
        if col not in frame:
            frame[col] = np.nan
    if by != "company":
        frame = frame[frame["target"].notna() | (frame["period_deals"].fillna(0) > 0)]
    counts = ["actual", "deals_won", "history_won", "history_lost", "open_pipeline", "weighted_pipeline",
              "open_unknown_amount", "open_deals", "actual_last_year", "actual_previous"]
    frame[counts] = frame[counts].fillna(0)
    target = frame["target"].where(frame["target"] > 0)
    actual = frame["actual"].astype("float64")
    gap = target - actual
    days, elapsed = period.days, period.elapsed_days(as_of)
    remaining = days - elapsed
    expected = target * elapsed / days
    shortfall = gap.clip(lower=0)
    closed = frame["history_won"] + frame["history_lost"]
    win_rate = (frame["history_won"] / closed).where(closed > 0)
    avg = frame["avg_deal_size"].astype("float64")
    needed = np.ceil((shortfall / avg.where(avg > 0)).round(9)).mask(shortfall == 0, 0.0)
    prev = frame["actual_previous"].astype("float64")
    out = pd.DataFrame({
        by: frame["owner"], "target": target, "actual": actual, "attainment": actual / target, "gap": gap,
        "expected_to_date": expected, "pace_status": pace(actual, expected, target),
        "run_rate_projection": actual * days / elapsed if elapsed else np.nan,
        "required_per_day": shortfall / remaining if remaining else shortfall.where(shortfall == 0),
        "weighted_pipeline": frame["weighted_pipeline"], "forecast": actual + frame["weighted_pipeline"],
        "open_pipeline": frame["open_pipeline"],
        "open_unknown_amount": frame["open_unknown_amount"].astype("int64"),
        "coverage": (frame["open_pipeline"] / gap).where(gap > 0),
        "coverage_needed": (1 / win_rate).where(win_rate > 0),
        "deals_won": frame["deals_won"].astype("int64"), "win_rate": win_rate, "avg_deal_size": avg,
        "deals_needed": needed,
        "deals_needed_at_win_rate": np.ceil((needed / win_rate.where(win_rate > 0)).round(9)).mask(needed == 0, 0.0),
        "actual_last_year": frame["actual_last_year"] if has_ly else np.nan,
        "actual_previous": prev if has_prev else np.nan,
        "change_vs_previous": ((actual - prev) / prev).where(prev > 0) if has_prev else np.nan,
    })
    if by == "rep":
        reps = [r for r in out["rep"] if isinstance(r, str)]
        out.insert(5, "team", out["rep"].map(rep_teams(f, reps, period)))
    return out.sort_values(by, na_position="last", kind="stable").reset_index(drop=True)


def monthly_attainment(f: Frames, start: date, end: date, by: str, filters: Filters, as_of: date) -> pd.DataFrame:
    months = custom_period(month_start(start), month_end(end)).months()
    targets = targets_by(f, [(m, month_end(m)) for m in months], by, "revenue", False, filters)
    targets["month"] = pd.to_datetime(pd.Series(months)).astype("datetime64[us]").to_numpy()[targets["pid"]]
    d = f.deals
    m = (filter_mask(d, filters) & between(d["close_date"], months[0], month_end(months[-1]))
         & (d["status"] == "won"))
    won = d.loc[m, ["close_date", "amount"] + ([by] if by != "company" else [])]
    owner = won[by].astype("object") if by != "company" else pd.Series(COMPANY, index=won.index)
    actual = won["amount"].groupby([owner.rename("owner"),
                                    won["close_date"].to_numpy().astype("datetime64[M]").astype("datetime64[us]")],
                                   dropna=False).sum().rename("actual").reset_index()
    actual.columns = ["owner", "month", "actual"]
    owners = [COMPANY] if by == "company" else pd.concat([targets["owner"], actual["owner"]]).drop_duplicates()
    grid = pd.MultiIndex.from_product([list(owners), pd.to_datetime(pd.Series(months)).astype("datetime64[us]")],
                                      names=["owner", "month"]).to_frame(index=False)
    out = grid.merge(targets[["owner", "month", "target"]], on=["owner", "month"], how="left") \
        .merge(actual, on=["owner", "month"], how="left")
    future = out["month"] > ts(as_of)
    out["actual"] = out["actual"].astype("float64").fillna(0.0).where(~future)
    out["attainment"] = out["actual"] / out["target"].where(out["target"] > 0)
    out = out.rename(columns={"owner": by})
    return out.sort_values([by, "month"], na_position="last", kind="stable").reset_index(drop=True)[
        [by, "month", "target", "actual", "attainment"]]


def cumulative_actual(f: Frames, period: Period, filters: Filters, as_of: date) -> pd.DataFrame:
    last_year = period.same_period_last_year()
    d = f.deals
    m = filter_mask(d, filters) & (d["status"] == "won") & (
        between(d["close_date"], period.start, period.end) | between(d["close_date"], last_year.start, last_year.end))
    daily = d.loc[m].groupby("close_date")["amount"].sum()
    dates = pd.date_range(period.start, period.end, freq="D")
    actual_cum = daily.reindex(dates, fill_value=0.0).cumsum().to_numpy(copy=True)
    actual_cum[dates > ts(as_of)] = np.nan
    ly_days = pd.date_range(last_year.start, last_year.end, freq="D")
    ly_cum = daily.reindex(ly_days, fill_value=0.0).cumsum()
    limits = [min(add_months(x.date(), -12), last_year.end) for x in dates]  # one per day of the period
    ly = ly_cum.reindex(pd.to_datetime(limits)).fillna(0.0).to_numpy()
    if not between(d["close_date"], last_year.start, last_year.end).any():
        ly = np.full(len(dates), np.nan)
    tgt = targets_by(f, [(period.start, period.end)], "company", "revenue", False, filters)
    target = float(tgt["target"].iloc[0]) if len(tgt) else math.nan
    return pd.DataFrame({"date": dates.astype("datetime64[us]"), "actual_cum": actual_cum,
                         "target_cum": target * np.arange(1, len(dates) + 1) / period.days, "last_year_cum": ly})


def decomposition_check(f: Frames, period: Period) -> pd.DataFrame:
    team_m, comp_m = roll_up(target_parts(f, [(period.start, period.end)], "revenue", False, Filters()))
    team = team_m[team_m["explicit"].notna()].groupby("team")[["explicit", "parts"]].sum(min_count=1) \
        .reset_index().rename(columns={"explicit": "explicit_target", "parts": "sum_of_parts"})
    team.insert(0, "level", "team")
    comp = comp_m[comp_m["explicit"].notna()]
    rows = [team.rename(columns={"team": "owner"})]
    if len(comp):
        rows.append(pd.DataFrame({"level": ["company"], "owner": [COMPANY],
                                  "explicit_target": [comp["explicit"].sum()],
                                  "sum_of_parts": [comp["parts"].sum(min_count=1)]}))
    out = pd.concat(rows, ignore_index=True)
    out["difference"] = out["explicit_target"] - out["sum_of_parts"]
    out = out[out["sum_of_parts"].notna() & (out["difference"].abs() > 0.005)]
    return out.sort_values(["level", "owner"], ascending=[False, True]).reset_index(drop=True)


def open_deals_for_gap(f: Frames, period: Period, rep: str, settings: Settings, filters: Filters) -> pd.DataFrame:
    d = f.deals
    m = (filter_mask(d, filters) & between(d["close_date"], period.start, period.end) & (d["status"] == "open")
         & (d["rep"] == rep))
    out = d.loc[m, ["deal_id", "customer", "stage", "amount", "probability", "close_date"]].copy()
    out["probability"] = out["probability"].fillna(stage_default(settings, out["stage"]))
    out["weighted_value"] = out["amount"] * out["probability"]
    out = out.sort_values(["weighted_value", "amount", "close_date", "deal_id"],
                          ascending=[False, False, True, True], na_position="last", kind="stable")
    return out[["deal_id", "customer", "stage", "amount", "probability", "weighted_value", "close_date"]] \
        .reset_index(drop=True)


# --- funnel --------------------------------------------------------------------------------------

def deal_flags(f: Frames, settings: Settings, period: Period | None, filters: Filters,
               extra: list[str]) -> pd.DataFrame:
    """Per deal line in scope: reach_idx, strict_idx and the data-quality flags (analytics' rules)."""
    order = settings.stage_order()
    n, won_i = len(order), order.index(settings.won_stage)
    cap = max(won_i - 1, 0)
    d = f.deals
    m = filter_mask(d, filters)
    if period is not None:
        m &= between(d["created_date"], period.start, period.end)
    entry_cols = [stage_entry_column(k) for k in order]
    sub = d.loc[m, ["deal_id", "status", "stage", "lost_stage", *entry_cols, *extra]]
    status = sub["status"].astype("object").fillna("open").to_numpy()
    is_won, is_lost = status == "won", status == "lost"
    cur_idx = stage_index(settings, sub["stage"]).to_numpy()
    lost_idx = stage_index(settings, sub["lost_stage"]).to_numpy()
    entries = np.column_stack([sub[c].to_numpy().astype("datetime64[D]") for c in entry_cols])
    has = ~np.isnat(entries)
    has_dates = has.any(axis=1)
    date_idx = np.where(has_dates, n - 1 - np.argmax(has[:, ::-1], axis=1), np.nan)
    terminal_raw = np.where(is_lost, np.where(np.isnan(lost_idx), cur_idx, lost_idx), cur_idx)
    top = np.fmax(terminal_raw, date_idx)  # greatest() skips NULLs
    reach = np.where(is_won, n - 1, np.minimum(np.where(np.isnan(top), 0, top), cap))
    terminal = np.where(np.isnan(terminal_raw), cap, np.minimum(terminal_raw, cap))  # SQL least() skips NULL
    idx = np.arange(n)
    touched = has | (is_won[:, None] & (idx >= won_i)) | (~is_won[:, None] & (terminal[:, None] == idx))
    first_untouched = np.where((~touched).any(axis=1), np.argmax(~touched, axis=1), n)
    strict = np.where(has_dates, np.minimum(reach, first_untouched - 1), reach)
    backward = np.zeros(len(sub), dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            backward |= entries[:, i] > entries[:, j]
    out = pd.DataFrame({c: sub[c].to_numpy() for c in extra}, index=sub.index)
    out["deal_id"] = sub["deal_id"].to_numpy()
    out["reach_idx"] = reach.astype("int64")
    out["strict_idx"] = strict.astype("int64")
    out["no_stage_lost"] = is_lost & np.isnan(lost_idx) & np.isnan(cur_idx) & ~has_dates
    out["has_dates"] = has_dates
    out["backward"] = has_dates & backward
    return out


def funnel(f: Frames, period: Period | None, filters: Filters, settings: Settings, by: str | None = None,
           strict: bool = False) -> FunnelResult:
    n = len(settings.stage_order())
    flags = deal_flags(f, settings, period, filters, [by] if by else [])
    flags["skipped"] = flags["has_dates"] & (flags["strict_idx"] < flags["reach_idx"])
    keys = [by] if by else []
    level = flags["strict_idx" if strict else "reach_idx"].to_numpy()
    cols = {f"r{i}": level >= i for i in range(n)}
    cols.update(deals=np.ones(len(flags), dtype=bool), lost_without_stage=flags["no_stage_lost"].to_numpy(),
                without_dates=~flags["has_dates"].to_numpy(), backward_moves=flags["backward"].to_numpy(),
                skipped_stages=flags["skipped"].to_numpy())
    if f.unique_ids:
        frame = pd.DataFrame({k: v.astype("int64") for k, v in cols.items()}, index=flags.index)
        if by:
            frame[by] = flags[by].astype("object").to_numpy()
            counts = frame.groupby(by, dropna=False, sort=True).sum().reset_index()
        else:
            counts = frame.sum().to_frame().T
    else:  # distinct ids per flag combination, as the analytics count them
        key_cols = [*keys, "reach_idx", "strict_idx", "no_stage_lost", "has_dates", "backward", "skipped"]
        g = flags.assign(**{k: flags[k].astype("object") for k in keys}).groupby(
            key_cols, dropna=False)["deal_id"].nunique().rename("n").reset_index()
        lv = g["strict_idx" if strict else "reach_idx"]
        parts = {f"r{i}": g["n"].where(lv >= i, 0) for i in range(n)}
        parts.update(deals=g["n"], lost_without_stage=g["n"].where(g["no_stage_lost"], 0),
                     without_dates=g["n"].where(~g["has_dates"].astype(bool), 0),
                     backward_moves=g["n"].where(g["backward"], 0), skipped_stages=g["n"].where(g["skipped"], 0))
        frame = pd.DataFrame(parts)
        if by:
            frame[by] = g[by]
            counts = frame.groupby(by, dropna=False, sort=True).sum().reset_index()
        else:
            counts = frame.sum().to_frame().T
    reached = counts[[f"r{i}" for i in range(n)]].to_numpy().astype("float64")
    first = reached[:, :1]
    with np.errstate(divide="ignore", invalid="ignore"):
        conv = np.where(reached[:, :-1] > 0, reached[:, 1:] / reached[:, :-1], np.nan)
        conv = np.column_stack([conv, np.full(len(counts), np.nan)])
        from_first = np.where(first > 0, reached / first, np.nan)
        from_prev = np.column_stack([np.full(len(counts), np.nan),
                                     np.where(reached[:, :-1] > 0, reached[:, 1:] / reached[:, :-1], np.nan)])
    stages = settings.stages
    table = pd.DataFrame({
        **({by: np.repeat(counts[by].to_numpy(), n)} if by else {}),
        "stage": [s.key for s in stages] * len(counts),
        "reached": reached.reshape(-1).astype("int64"),
        "conversion": conv.reshape(-1), "conversion_from_first": from_first.reshape(-1),
        "conversion_from_previous": from_prev.reshape(-1),
    })
    d = f.deals
    without_created = 0
    if period is not None:
        nc = d[filter_mask(d, filters) & d["created_date"].isna()]
        without_created = len(nc) if f.unique_ids else nc["deal_id"].nunique()

    def total(col: str) -> int:
        return int(counts[col].sum())

    return FunnelResult(table=table, mode="snapshot", strict=strict, by=by, deals=total("deals"),
                        lost_without_stage=total("lost_without_stage"),
                        deals_without_stage_dates=total("without_dates"),
                        deals_without_created_date=int(without_created), backward_moves=total("backward_moves"),
                        skipped_stages=total("skipped_stages"))


def time_in_stage(f: Frames, period: Period | None, settings: Settings, filters: Filters) -> pd.DataFrame:
    order = settings.stage_order()
    won_i = order.index(settings.won_stage)
    d = f.deals
    m = filter_mask(d, filters)
    if period is not None:
        m &= between(d["created_date"], period.start, period.end)
    sub = d.loc[m]
    e = [sub[stage_entry_column(k)] for k in order]
    e[won_i] = e[won_i].fillna(sub["close_date"].where(sub["status"] == "won"))
    rows = []
    for i in range(won_i):
        later = pd.concat([e[j].where(e[j] >= e[i]) for j in range(i + 1, len(order))], axis=1).min(axis=1)
        days = (later - e[i]).dt.days.dropna()
        rows.append({"stage": order[i], "deals": len(days),
                     "median_days": float(days.quantile(0.5)) if len(days) else math.nan,
                     "p75_days": float(days.quantile(0.75)) if len(days) else math.nan})
    return pd.DataFrame(rows)


def lost_reasons(f: Frames, period: Period | None, filters: Filters) -> pd.DataFrame:
    d = f.deals
    m = filter_mask(d, filters) & (d["status"] == "lost")
    if period is not None:
        m &= between(d["close_date"], period.start, period.end)
    sub = d.loc[m, ["deal_id", "lost_reason", "amount"]].assign(lost_reason=lambda x: x["lost_reason"].astype("object"))
    g = sub.groupby("lost_reason", dropna=False)
    out = pd.DataFrame({"deals": g.size() if f.unique_ids else g["deal_id"].nunique(),
                        "amount": g["amount"].sum(min_count=1)}).reset_index()
    out = out.sort_values(["deals", "lost_reason"], ascending=[False, True], na_position="last", kind="stable")
    out = pd.concat([out[out["lost_reason"].notna()], out[out["lost_reason"].isna()]], ignore_index=True)
    total = out["deals"].sum()
    out["share"] = out["deals"] / total if total else math.nan
    return out


# --- performance ---------------------------------------------------------------------------------

def measures(f: Frames, groups: list[str], period: Period | None, filters: Filters) -> pd.DataFrame:
    d = f.deals
    cols = [g for g in groups if g != "company"]
    sub = d.loc[filter_mask(d, filters), ["deal_id", "status", "amount", "created_date", "close_date", *cols]]
    status = sub["status"].astype("object").fillna("open")
    if period is None:
        in_cur = pd.Series(True, index=sub.index)
        in_prev = in_ly = pd.Series(False, index=sub.index)
    else:
        prev, ly = period.previous(), period.same_period_last_year()
        in_cur = between(sub["close_date"], period.start, period.end)
        in_prev = between(sub["close_date"], prev.start, prev.end)
        in_ly = between(sub["close_date"], ly.start, ly.end)
    keep = (status == "open") | in_cur | in_prev | in_ly
    deal = pd.DataFrame({g: (sub[g].astype("object") if g != "company" else ALL) for g in groups}, index=sub.index)
    deal = deal.assign(deal_id=sub["deal_id"], status=status, amount=sub["amount"], created_date=sub["created_date"],
                       close_date=sub["close_date"], in_cur=in_cur, in_prev=in_prev, in_ly=in_ly)[keep]
    if not f.unique_ids:  # the lines of one order make one deal
        deal = deal.groupby([*groups, "deal_id"], dropna=False, sort=False).agg(
            status=("status", "first"), amount=("amount", lambda s: s.sum(min_count=1)),
            created_date=("created_date", "min"), close_date=("close_date", "max"),
            in_cur=("in_cur", "any"), in_prev=("in_prev", "any"), in_ly=("in_ly", "any")).reset_index()
    won, lost, is_open = deal["status"] == "won", deal["status"] == "lost", deal["status"] == "open"
    won_cur = won & deal["in_cur"]
    cycle = (deal["close_date"] - deal["created_date"]).dt.days
    parts = pd.DataFrame({
        **{g: deal[g] for g in groups},
        "won_revenue": deal["amount"].where(won_cur, 0.0).fillna(0.0),
        "deals_won": won_cur.astype("int64"),
        "deals_lost": (lost & deal["in_cur"]).astype("int64"),
        "lost_amount": deal["amount"].where(lost & deal["in_cur"], 0.0).fillna(0.0),
        "won_sum": deal["amount"].where(won_cur),
        "won_n": (won_cur & deal["amount"].notna()).astype("int64"),
        "cycle_sum": cycle.where(won_cur & deal["created_date"].notna()),
        "cycle_n": (won_cur & deal["created_date"].notna() & deal["close_date"].notna()).astype("int64"),
        "open_deals": is_open.astype("int64"),
        "previous_revenue": deal["amount"].where(won & deal["in_prev"], 0.0).fillna(0.0),
        "last_year_revenue": deal["amount"].where(won & deal["in_ly"], 0.0).fillna(0.0),
        "active": (is_open | (deal["in_cur"] & (won | lost))).astype("int64"),
    })
    raw = parts.groupby(groups, dropna=False, sort=False).sum(min_count=0).reset_index()
    raw = raw[raw["active"] > 0]
    out = raw[groups].copy()
    out["won_revenue"] = raw["won_revenue"]
    total = out["won_revenue"].sum()
    out["revenue_share"] = out["won_revenue"] / total if total else np.nan
    out["deals_won"] = raw["deals_won"]
    out["deals_lost"] = raw["deals_lost"]
    closed = out["deals_won"] + out["deals_lost"]
    out["win_rate"] = (out["deals_won"] / closed).where(closed > 0)
    value = out["won_revenue"] + raw["lost_amount"]
    out["win_rate_value"] = (out["won_revenue"] / value).where((value != 0) & (closed > 0))
    out["avg_deal_size"] = (raw["won_sum"] / raw["won_n"]).where(raw["won_n"] > 0)
    out["sales_cycle_days"] = (raw["cycle_sum"] / raw["cycle_n"]).where(raw["cycle_n"] > 0)
    out["open_deals"] = raw["open_deals"]
    velocity = out["open_deals"] * out["win_rate"] * out["avg_deal_size"]
    out["sales_velocity"] = (velocity / out["sales_cycle_days"]).where(out["sales_cycle_days"] != 0)
    if period is None:
        out["change"] = out["change_last_year"] = np.nan
    else:
        prev_rev, ly_rev = raw["previous_revenue"], raw["last_year_revenue"]
        out["change"] = ((out["won_revenue"] - prev_rev) / prev_rev).where(prev_rev != 0)
        out["change_last_year"] = ((out["won_revenue"] - ly_rev) / ly_rev).where(ly_rev != 0)
    out = out.sort_values(["won_revenue", *groups], ascending=[False, *[True] * len(groups)], na_position="last",
                          kind="stable")
    return out.reset_index(drop=True)


def performance(f: Frames, by: str, period: Period | None, filters: Filters) -> pd.DataFrame:
    return measures(f, [by], period, filters)


def matrix(f: Frames, rows: str, cols: str, measure: str, period: Period | None, filters: Filters) -> pd.DataFrame:
    table = measures(f, [rows, cols], period, filters)
    out = table[[rows, cols, measure]].rename(columns={measure: "value"})
    return out.sort_values([rows, cols], na_position="last").reset_index(drop=True)


def pareto(f: Frames, period: Period | None, filters: Filters) -> pd.DataFrame:
    d = f.deals
    m = filter_mask(d, filters) & (d["status"] == "won") & d["customer"].notna()
    if period is not None:
        m &= between(d["close_date"], period.start, period.end)
    out = d.loc[m].groupby("customer", observed=True)["amount"].sum().rename("won_revenue").reset_index()
    out["customer"] = out["customer"].astype("object")
    out = out.sort_values(["won_revenue", "customer"], ascending=[False, True]).reset_index(drop=True)
    total = out["won_revenue"].sum()
    out["cum_share"] = out["won_revenue"].cumsum() / total if total else np.nan
    out["rank"] = np.arange(1, len(out) + 1)
    return out


def lead_source_roi(f: Frames, period: Period | None, filters: Filters) -> pd.DataFrame:
    d = f.deals
    m = filter_mask(d, filters)
    if period is not None:
        m &= between(d["created_date"], period.start, period.end)
    sub = d.loc[m, ["deal_id", "lead_source", "status", "amount"]].assign(
        lead_source=lambda x: x["lead_source"].astype("object"))
    won = sub["status"] == "won"
    g = sub.assign(won_amount=sub["amount"].where(won), is_won=won).groupby("lead_source", dropna=False)
    if f.unique_ids:
        leads = pd.DataFrame({"leads": g.size(), "won": g["is_won"].sum()})
    else:
        leads = pd.DataFrame({"leads": g["deal_id"].nunique(),
                              "won": sub[won].groupby("lead_source", dropna=False)["deal_id"].nunique()})
    leads["won_revenue"] = g["won_amount"].sum()
    c = f.campaigns
    other = [dim for dim in filters.active() if dim != "lead_source"]
    cm = c["lead_source"].notna() & (not other)
    if filters.lead_source:
        cm &= c["lead_source"].isin(filters.lead_source)
    if period is None:
        cost = c.loc[cm].assign(cost_part=c["cost"])
    else:
        cm &= (c["period_start"] <= ts(period.end)) & (c["period_end"] >= ts(period.start))
        cc = c.loc[cm]
        lo = cc["period_start"].where(cc["period_start"] > ts(period.start), ts(period.start))
        hi = cc["period_end"].where(cc["period_end"] < ts(period.end), ts(period.end))
        span = (cc["period_end"] - cc["period_start"]).dt.days + 1
        cost = cc.assign(cost_part=cc["cost"] * ((hi - lo).dt.days + 1) / span)
    costs = cost.groupby("lead_source")["cost_part"].sum().rename("cost")
    out = leads.join(costs, how="outer").reset_index().rename(columns={"index": "lead_source"})
    out[["leads", "won"]] = out[["leads", "won"]].fillna(0).astype("int64")
    out["won_revenue"] = out["won_revenue"].fillna(0.0)
    out["conversion"] = (out["won"] / out["leads"]).where(out["leads"] > 0)
    out["cost_per_won"] = (out["cost"] / out["won"]).where(out["won"] > 0)
    out["roi"] = ((out["won_revenue"] - out["cost"]) / out["cost"]).where(out["cost"] != 0)
    out = out[["lead_source", "leads", "won", "conversion", "won_revenue", "cost", "cost_per_won", "roi"]]
    return out.sort_values(["won_revenue", "lead_source"], ascending=[False, True], na_position="last") \
        .reset_index(drop=True)


def monthly_trend(f: Frames, by: str, start: date, end: date, filters: Filters) -> pd.DataFrame:
    d = f.deals
    m = filter_mask(d, filters) & d["status"].isin(["won", "lost"]) & between(d["close_date"], start, end)
    sub = d.loc[m, ["deal_id", "status", "amount", "close_date", *([by] if by != "company" else [])]]
    key = sub[by].astype("object") if by != "company" else pd.Series(ALL, index=sub.index)
    month = pd.Series(sub["close_date"].to_numpy().astype("datetime64[M]"), index=sub.index)
    won = sub["status"] == "won"
    frame = pd.DataFrame({"month": month, by: key, "won_revenue": sub["amount"].where(won), "won": won,
                          "lost": sub["status"] == "lost", "deal_id": sub["deal_id"]})
    g = frame.groupby(["month", by], dropna=False)
    if f.unique_ids:
        raw = g.agg(won_revenue=("won_revenue", "sum"), won=("won", "sum"), lost=("lost", "sum")).reset_index()
    else:
        raw = g.agg(won_revenue=("won_revenue", "sum")).reset_index()
        raw["won"] = frame[frame["won"]].groupby(["month", by], dropna=False)["deal_id"].nunique().reindex(
            pd.MultiIndex.from_frame(raw[["month", by]]), fill_value=0).to_numpy()
        raw["lost"] = frame[frame["lost"]].groupby(["month", by], dropna=False)["deal_id"].nunique().reindex(
            pd.MultiIndex.from_frame(raw[["month", by]]), fill_value=0).to_numpy()
    raw["month"] = pd.to_datetime(raw["month"]).dt.strftime("%Y-%m")
    months = pd.period_range(month_start(start), end, freq="M").strftime("%Y-%m")
    groups = sorted(raw[by].dropna().unique()) + ([None] if raw[by].isna().any() else [])
    grid = pd.DataFrame([(mm, gg) for gg in groups for mm in months], columns=["month", by])
    out = grid.merge(raw, on=["month", by], how="left")
    out["won_revenue"] = out["won_revenue"].fillna(0.0)
    won_n, lost_n = out["won"].fillna(0), out["lost"].fillna(0)
    out["win_rate"] = (won_n / (won_n + lost_n)).where(won_n + lost_n > 0)
    return out[["month", by, "won_revenue", "win_rate"]]


# --- the pages (the same calls as bench_pages.duck_*) -------------------------------------------

def overview(f: Frames, r) -> dict[str, object]:  # noqa: ANN001 - r is bench_pages.Round
    end = month_start(min(r.period.end, max(r.as_of, r.period.start)))
    fy = year_period(fiscal_year_of(r.period.end, r.settings.fiscal_start_month), r.settings.fiscal_start_month)
    return {
        "company": lambda: attainment(f, r.period, "company", r.filters, r.as_of, r.settings),
        "previous": lambda: attainment(f, r.period.previous(), "company", r.filters, r.as_of, r.settings),
        "teams": lambda: attainment(f, r.period, "team", r.filters, r.as_of, r.settings),
        "reps": lambda: attainment(f, r.period, "rep", r.filters, r.as_of, r.settings),
        "spark": lambda: monthly_attainment(f, add_months(end, -11), end, "company", r.filters, r.as_of),
        "cumulative": lambda: cumulative_actual(f, r.period, r.filters, r.as_of),
        "heat": lambda: monthly_attainment(f, fy.start, fy.end, "rep", r.filters, r.as_of),
        "decomposition": lambda: decomposition_check(f, r.period),
    }


def my_progress(f: Frames, r) -> dict[str, object]:  # noqa: ANN001
    own = replace(r.filters, rep=(r.rep,), team=())
    end = month_start(min(r.period.end, max(r.as_of, r.period.start)))
    return {
        "row": lambda: attainment(f, r.period, "rep", own, r.as_of, r.settings),
        "peers": lambda: attainment(f, r.period, "rep", r.filters.without("rep"), r.as_of, r.settings),
        "open": lambda: open_deals_for_gap(f, r.period, r.rep, r.settings, r.filters.without("rep", "team")),
        "trend": lambda: monthly_attainment(f, add_months(end, -11), end, "rep", own, r.as_of),
    }


def funnel_page(f: Frames, r) -> dict[str, object]:  # noqa: ANN001
    return {
        "snapshot": lambda: funnel(f, r.period, r.filters, r.settings),
        "by_rep": lambda: funnel(f, r.period, r.filters, r.settings, by="rep"),
        "time_in_stage": lambda: time_in_stage(f, r.period, r.settings, r.filters),
        "lost_reasons": lambda: lost_reasons(f, r.period, r.filters),
        "performance": lambda: performance(f, "rep", r.period, r.filters),
    }


def segments(f: Frames, r) -> dict[str, object]:  # noqa: ANN001
    end = min(r.period.end, r.as_of)
    start = add_months(month_start(end), -11)
    return {
        "by_segment": lambda: performance(f, "segment", r.period, r.filters),
        "by_channel": lambda: performance(f, "channel", r.period, r.filters),
        "matrix": lambda: matrix(f, "segment", "channel", "won_revenue", r.period, r.filters),
        "pareto": lambda: pareto(f, r.period, r.filters),
        "roi": lambda: lead_source_roi(f, r.period, r.filters),
        "trend": lambda: monthly_trend(f, "segment", start, end, r.filters),
    }


__all__ = ["Frames", "funnel_page", "my_progress", "overview", "segments"]
