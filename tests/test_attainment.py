"""Targets and attainment (SPEC §3): every figure below was worked out by hand.

Each fixture is a few deals and target rows; the arithmetic sits next to the assertion.
"""

from __future__ import annotations

import functools
import math
from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.attainment import (
    CLI_COLUMNS,
    COMPANY,
    actuals,
    attainment,
    cumulative_actual,
    days_left,
    decomposition_check,
    leaderboard,
    market_share,
    monthly_attainment,
    open_deals_for_gap,
    pace_bands,
    pace_points,
    pace_share,
    pace_status,
    period_over_period,
    rank_among_peers,
    targets_for,
)
from analytics.periods import custom_period, parse_period
from analytics.store import canonical
from tests.conftest import dataset

NOV = parse_period("2026-11")
OCT = parse_period("2026-10")
Q4 = parse_period("2026-Q4")


# --- fixture helpers -------------------------------------------------------------------------

def deal(deal_id: str, rep: str, status: str, amount: float | None, close: str, *, team: str | None = None,
         stage: str | None = None, probability: float | None = None, quantity: float | None = None,
         customer: str | None = None, region: str | None = None, segment: str | None = None) -> dict:
    default_stage = {"won": "Won", "lost": "Lost", "open": "Prospecting"}[status]
    return dict(deal_id=deal_id, rep=rep, team=team, status=status, amount=amount, close_date=close,
                stage=stage or default_stage, probability=probability, quantity=quantity,
                customer=customer or f"C{deal_id}", region=region, segment=segment)


def target(period: str, value: float, rep: str | None = None, team: str | None = None,
           metric: str | None = None) -> dict:
    p = parse_period(period)
    return dict(period=period, period_start=p.start, period_end=p.end, rep=rep, team=team,
                metric=metric, target=value)


def connect(deals: list[dict], targets: list[dict] | None = None, **tables: pd.DataFrame):
    return canonical.connect({"deals": pd.DataFrame(deals), "targets": pd.DataFrame(targets or []), **tables})


def row(frame: pd.DataFrame, owner: str) -> pd.Series:
    col = frame.columns[0]
    hits = frame[frame[col] == owner]
    assert len(hits) == 1, f"{owner!r} not exactly once in {frame[col].tolist()}"
    return hits.iloc[0]


# --- no target ------------------------------------------------------------------------------

def test_no_target_is_its_own_state_never_zero_or_infinite():
    con = connect([deal("1", "Ann", "won", 500, "2026-10-05"),
                   deal("2", "Ann", "open", 1000, "2026-10-20")])
    a = row(attainment(con, OCT, "rep", as_of=date(2026, 10, 15)), "Ann")
    assert a["actual"] == 500  # the one won deal
    for col in ("target", "attainment", "gap", "expected_to_date", "required_per_day", "coverage"):
        assert math.isnan(a[col]), col
    assert pd.isna(a["deals_needed"])
    assert a["pace_status"] == "no_target"
    # the forecast still works without a target: 500 + 1000 x 0.10 (Prospecting default) = 600
    assert a["forecast"] == pytest.approx(600)
    # no target anywhere: the company is "no target" too, not 0 %
    c = row(attainment(con, OCT, "company", as_of=date(2026, 10, 15)), COMPANY)
    assert math.isnan(c["attainment"]) and c["pace_status"] == "no_target"
    assert targets_for(con, OCT, "rep").empty


# --- a team target only ---------------------------------------------------------------------

def test_team_target_only_without_rep_rows():
    con = connect(
        [deal("1", "Ann", "won", 3000, "2026-10-05", team="East"),
         deal("2", "Bob", "won", 1000, "2026-10-06", team="East")],
        [target("2026-10", 10_000, team="East")])
    t = row(attainment(con, OCT, "team", as_of=OCT.end), "East")
    assert t["target"] == 10_000
    assert t["actual"] == 4000                  # 3,000 + 1,000
    assert t["attainment"] == pytest.approx(0.4)  # 4,000 / 10,000
    assert t["gap"] == 6000                     # 10,000 - 4,000
    reps = attainment(con, OCT, "rep", as_of=OCT.end)
    assert reps["target"].isna().all() and set(reps["pace_status"]) == {"no_target"}
    # company: no company row -> sum of team targets = 10,000
    assert row(attainment(con, OCT, "company", as_of=OCT.end), COMPANY)["target"] == 10_000
    # a team target with no rep breakdown is not a decomposition mismatch
    assert decomposition_check(con, OCT).empty


# --- quarterly targets over a month view ------------------------------------------------------

def test_quarter_target_counts_only_whole_unless_spread():
    con = connect([deal("1", "Ann", "won", 1500, "2026-10-10")], [target("2026-Q4", 9000, rep="Ann")])
    assert targets_for(con, OCT, "rep").empty            # October does not cover the quarter whole
    assert math.isnan(row(attainment(con, OCT, "rep", as_of=OCT.end), "Ann")["attainment"])
    spread = targets_for(con, OCT, "rep", spread=True)
    assert row(spread, "Ann")["target"] == pytest.approx(3000)   # 9,000 / 3 months
    a = row(attainment(con, OCT, "rep", as_of=OCT.end, spread=True), "Ann")
    assert a["attainment"] == pytest.approx(0.5)                  # 1,500 / 3,000
    assert row(targets_for(con, Q4, "rep"), "Ann")["target"] == 9000   # the quarter itself
    oct_nov = parse_period("2026-10..2026-11")
    assert targets_for(con, oct_nov, "rep").empty
    assert row(targets_for(con, oct_nov, "rep", spread=True), "Ann")["target"] == pytest.approx(6000)  # 2 x 3,000
    # the year covers the quarter whole: 9,000 without spreading
    assert row(targets_for(con, parse_period("2026"), "rep"), "Ann")["target"] == 9000


def test_custom_range_cutting_a_month_prorates_by_days():
    con = connect([], [target("2026-10", 3100, rep="Ann"), target("2026-Q4", 9300, rep="Bob")])
    half = custom_period(date(2026, 10, 16), date(2026, 10, 31))
    t = targets_for(con, half, "rep")
    assert row(t, "Ann")["target"] == pytest.approx(1600)   # 3,100 x 16 / 31 days
    assert "Bob" not in set(t["rep"])                          # quarter not covered whole
    # spread: 9,300 / 3 = 3,100 for October, x 16 / 31 = 1,600
    assert row(targets_for(con, half, "rep", spread=True), "Bob")["target"] == pytest.approx(1600)


# --- a rep who changed team mid-year -----------------------------------------------------------

def test_rep_who_changed_team_counts_for_the_team_on_each_deal():
    con = connect(
        [deal("1", "Cara", "won", 1000, "2026-03-10", team="East"),
         deal("2", "Cara", "won", 2000, "2026-09-10", team="West"),
         deal("3", "Cara", "won", 400, "2026-06-10"),             # no team: target file says West in June
         deal("4", "Dan", "won", 100, "2026-02-01", team="East"),
         deal("5", "Dan", "won", 200, "2026-04-01", team="East"),
         deal("6", "Dan", "won", 300, "2026-05-01", team="North"),
         deal("7", "Dan", "won", 50, "2026-07-01")],              # no team, no target: most frequent = East
        [target("2026-06", 500, rep="Cara", team="West")])
    year = parse_period("2026")
    teams = actuals(con, year, "team")
    assert row(teams, "East")["actual"] == 1350    # Cara 1,000 + Dan 100 + 200 + 50
    assert row(teams, "West")["actual"] == 2400    # Cara 2,000 + 400
    assert row(teams, "North")["actual"] == 300    # Dan 300
    # the team filter follows the same resolution: East = 1,350
    assert row(actuals(con, year, "company", Filters(team=("East",))), COMPANY)["actual"] == 1350
    # by rep, the team column is the rep's team in the period (target file first)
    reps = attainment(con, year, "rep", as_of=year.end)
    assert row(reps, "Cara")["team"] == "West" and row(reps, "Dan")["team"] == "East"


# --- a month with no deals / the last day of a month / a range across a year end ---------------

def test_month_with_no_deals_is_zero_attainment_with_target():
    con = connect([deal("1", "Ann", "won", 700, "2026-10-15")], [target("2026-11", 5000, rep="Ann")])
    a = row(attainment(con, NOV, "rep", as_of=NOV.end), "Ann")
    assert a["actual"] == 0 and a["attainment"] == 0 and a["deals_won"] == 0
    assert a["gap"] == 5000 and a["pace_status"] == "behind"    # expected 5,000 at month end
    assert math.isnan(a["avg_deal_size"]) and pd.isna(a["deals_needed"])  # no won deal to size by


def test_deal_closed_on_the_last_day_at_2359_counts_in_that_month():
    con = connect([deal("1", "Ann", "won", 800, "2026-10-31 23:59:00"),
                   deal("2", "Ann", "won", 5, "2026-11-01 00:00:00"),
                   deal("3", "Ann", "open", 1000, "2026-10-31 23:59:59", probability=0.5)],
                  [target("2026-10", 1600, rep="Ann")])
    a = row(attainment(con, OCT, "rep", as_of=OCT.end), "Ann")
    assert a["actual"] == 800                  # the 23:59 deal is October's, the 1 Nov one is not
    assert a["attainment"] == pytest.approx(0.5)  # 800 / 1,600
    assert a["weighted_pipeline"] == pytest.approx(500)  # 1,000 x 0.5, expected 31 Oct
    assert row(actuals(con, NOV, "rep"), "Ann")["actual"] == 5


def test_custom_range_across_a_year_end_sums_both_months():
    con = connect(
        [deal("1", "Ann", "won", 2000, "2025-12-15"), deal("2", "Ann", "won", 3000, "2026-01-31"),
         deal("3", "Ann", "won", 999, "2026-02-01"), deal("4", "Ann", "won", 888, "2025-11-30")],
        [target("2025-11", 1000, rep="Ann"), target("2025-12", 4000, rep="Ann"),
         target("2026-01", 6000, rep="Ann"), target("2026-02", 7000, rep="Ann")])
    period = parse_period("2025-12-01..2026-01-31")
    a = row(attainment(con, period, "rep", as_of=period.end), "Ann")
    assert a["target"] == 10_000                 # 4,000 (Dec) + 6,000 (Jan)
    assert a["actual"] == 5000                   # 2,000 + 3,000; 30 Nov and 1 Feb left out
    assert a["attainment"] == pytest.approx(0.5)


# --- pace, pipeline, coverage, deals needed: one rep on 10 November 2026 -----------------------

@functools.cache
def _november_fixture():
    """Read-only, so shared by the tests below."""
    return connect(
        [deal("w1", "Ann", "won", 5000, "2026-11-03", team="East"),
         deal("w2", "Ann", "won", 3000, "2026-11-10", team="East"),
         deal("l1", "Ann", "lost", 7000, "2026-11-04", team="East"),
         deal("l2", "Ann", "lost", 1000, "2026-11-08", team="East"),
         deal("o1", "Ann", "open", 4000, "2026-11-25", team="East", stage="Negotiation", probability=0.5),
         deal("o2", "Ann", "open", 10_000, "2026-11-28", team="East", stage="Negotiation"),
         deal("o3", "Ann", "open", None, "2026-11-15", team="East", stage="Prospecting"),
         deal("o4", "Ann", "open", 1000, "2026-11-29", team="East", stage="Mystery"),
         deal("o5", "Ann", "open", 50_000, "2026-12-05", team="East", stage="Negotiation"),
         deal("ly", "Ann", "won", 2000, "2025-11-20", team="East"),
         deal("pv", "Ann", "won", 4000, "2026-10-12", team="East"),
         deal("b1", "Bob", "won", 9600, "2026-11-02", team="East"),
         deal("c1", "Cy", "won", 10_600, "2026-11-02", team="East")],
        [target("2026-11", 30_000, rep="Ann", team="East"), target("2026-11", 30_000, rep="Bob", team="East"),
         target("2026-11", 30_000, rep="Cy", team="East")])


def test_pace_and_run_rate_on_day_10_of_a_30_day_month():
    reps = attainment(_november_fixture(), NOV, "rep", as_of=date(2026, 11, 10))
    ann = row(reps, "Ann")
    assert ann["actual"] == 8000                              # 5,000 + 3,000
    assert ann["expected_to_date"] == pytest.approx(10_000)   # 30,000 x 10 / 30
    assert ann["pace_status"] == "behind"                     # 8,000 < 9,500 (10,000 - 5 %)
    assert ann["run_rate_projection"] == pytest.approx(24_000)  # 8,000 x 30 / 10
    assert ann["required_per_day"] == pytest.approx(1100)     # (30,000 - 8,000) / 20 days left
    assert row(reps, "Bob")["pace_status"] == "on_pace"       # 9,600 within 9,500..10,500
    assert row(reps, "Cy")["pace_status"] == "ahead"          # 10,600 > 10,500


def test_weighted_pipeline_with_deal_and_stage_default_probability():
    ann = row(attainment(_november_fixture(), NOV, "rep", as_of=date(2026, 11, 10)), "Ann")
    # o1 4,000 x 0.5 (deal) + o2 10,000 x 0.6 (Negotiation default) + o3 unknown amount (0)
    # + o4 1,000 x 0 (unknown stage, no probability) = 8,000; o5 closes in December
    assert ann["weighted_pipeline"] == pytest.approx(8000)
    assert ann["open_unknown_amount"] == 1                  # o3
    assert ann["open_pipeline"] == pytest.approx(15_000)    # 4,000 + 10,000 + 1,000
    assert ann["forecast"] == pytest.approx(16_000)         # 8,000 actual + 8,000 weighted
    deals = open_deals_for_gap(_november_fixture(), NOV, "Ann")
    assert deals["deal_id"].tolist() == ["o2", "o1", "o4", "o3"]  # 6,000, 2,000, 0, unknown
    assert deals["probability"].iloc[0] == pytest.approx(0.6)
    assert deals["weighted_value"].iloc[1] == pytest.approx(2000)


def test_coverage_and_deals_needed():
    ann = row(attainment(_november_fixture(), NOV, "rep", as_of=date(2026, 11, 10)), "Ann")
    assert ann["coverage"] == pytest.approx(15_000 / 22_000)  # open 15,000 / (30,000 - 8,000) = 0.682
    assert ann["win_rate"] == pytest.approx(0.5)              # 2 won / (2 won + 2 lost)
    assert ann["coverage_needed"] == pytest.approx(2.0)       # 1 / 0.5
    assert ann["avg_deal_size"] == pytest.approx(4000)        # (5,000 + 3,000) / 2
    assert ann["deals_needed"] == 6                           # ceil(22,000 / 4,000 = 5.5)
    assert ann["deals_needed_at_win_rate"] == 12              # ceil(6 / 0.5)
    assert ann["actual_last_year"] == 2000                    # November 2025
    assert ann["actual_previous"] == 4000                     # October 2026
    assert ann["change_vs_previous"] == pytest.approx(1.0)    # (8,000 - 4,000) / 4,000
    # met: Cy 10,600 of 30,000 is not met; a met target has coverage NaN and 0 needed
    con = connect([deal("1", "Ann", "won", 1200, "2026-11-05"), deal("2", "Ann", "open", 500, "2026-11-20")],
                  [target("2026-11", 1000, rep="Ann")])
    met = row(attainment(con, NOV, "rep", as_of=date(2026, 11, 10)), "Ann")
    assert met["gap"] == -200 and met["required_per_day"] == 0 and met["deals_needed"] == 0
    assert math.isnan(met["coverage"])


def test_history_period_for_win_rate_and_deal_size():
    con = _november_fixture()
    history = parse_period("2026-10..2026-11")
    ann = row(attainment(con, NOV, "rep", as_of=date(2026, 11, 10), history=history), "Ann")
    # Oct-Nov: won 5,000, 3,000, 4,000; lost 2 -> win rate 3/5, average 12,000 / 3 = 4,000
    assert ann["win_rate"] == pytest.approx(0.6)
    assert ann["deals_needed_at_win_rate"] == 10             # ceil(6 / 0.6)


def test_comparison_periods_without_data_are_nan_not_zero():
    con = connect([deal("1", "Ann", "won", 100, "2026-11-05")], [target("2026-11", 1000, rep="Ann")])
    a = row(attainment(con, NOV, "rep", as_of=NOV.end), "Ann")
    assert math.isnan(a["actual_last_year"]) and math.isnan(a["change_vs_previous"])


def test_as_of_defaults_to_the_end_of_a_past_period():
    con = connect([deal("1", "Ann", "won", 100, "2020-01-05")], [target("2020-01", 1000, rep="Ann")])
    a = row(attainment(con, parse_period("2020-01"), "rep"), "Ann")
    assert a["expected_to_date"] == 1000       # whole month elapsed: 1,000 x 31 / 31
    assert a["run_rate_projection"] == 100     # 100 x 31 / 31


# --- decomposition and company fallbacks --------------------------------------------------------

def _org_targets(company: float | None = 15_000) -> list[dict]:
    rows = [target("2026-10", 10_000, team="East"), target("2026-10", 4000, rep="Ann", team="East"),
            target("2026-10", 5000, rep="Bob", team="East"), target("2026-10", 6000, team="West"),
            target("2026-10", 2500, rep="Cy", team="West"), target("2026-10", 3500, rep="Di", team="West")]
    return rows + ([target("2026-10", company)] if company else [])


def test_decomposition_with_one_team_whose_reps_do_not_add_up():
    con = connect([], _org_targets())
    check = decomposition_check(con, OCT)
    assert check["level"].tolist() == ["team", "company"]
    east = check.iloc[0]
    assert east["owner"] == "East"
    assert east["explicit_target"] == 10_000 and east["sum_of_parts"] == 9000  # Ann 4,000 + Bob 5,000
    assert east["difference"] == 1000
    comp = check.iloc[1]
    assert comp["owner"] == COMPANY
    assert comp["sum_of_parts"] == 16_000        # East 10,000 (explicit wins) + West 6,000
    assert comp["difference"] == -1000           # 15,000 - 16,000
    # West adds up (2,500 + 3,500 = 6,000), so it is not listed
    teams = targets_for(con, OCT, "team")
    assert row(teams, "East")["target"] == 10_000 and row(teams, "West")["target"] == 6000
    assert row(targets_for(con, OCT, "company"), COMPANY)["target"] == 15_000


def test_company_target_fallbacks():
    # 1. no company row: sum of the team targets = 10,000 + 6,000
    con = connect([], _org_targets(company=None))
    assert row(targets_for(con, OCT, "company"), COMPANY)["target"] == 16_000
    # 2. no company or team rows: sum of the rep targets = 4,000 + 5,000
    con = connect([], [target("2026-10", 4000, rep="Ann"), target("2026-10", 5000, rep="Bob")])
    assert row(targets_for(con, OCT, "company"), COMPANY)["target"] == 9000
    # 3. a team target plus a rep with no team anywhere: 10,000 (East) + 1,000 (Zed)
    con = connect([], [target("2026-10", 10_000, team="East"), target("2026-10", 4000, rep="Ann", team="East"),
                       target("2026-10", 1000, rep="Zed")])
    assert row(targets_for(con, OCT, "company"), COMPANY)["target"] == 11_000
    # 4. a team without its own row is the sum of its reps: 4,000 + 5,000 (team taken from deals)
    con = connect([deal("1", "Ann", "won", 10, "2026-10-01", team="East"),
                   deal("2", "Bob", "won", 10, "2026-10-01", team="East")],
                  [target("2026-10", 4000, rep="Ann"), target("2026-10", 5000, rep="Bob")])
    assert row(targets_for(con, OCT, "team"), "East")["target"] == 9000


def test_explicit_team_month_beside_rep_months_in_a_quarter():
    # East has its own October row; November and December fall back to its reps
    con = connect([], [target("2026-10", 5000, team="East"),
                       *[target(m, 1000, rep=r, team="East") for m in ("2026-10", "2026-11", "2026-12")
                         for r in ("Ann", "Bob")]])
    # 5,000 (Oct explicit) + 2,000 (Nov: 1,000 + 1,000) + 2,000 (Dec) = 9,000
    assert row(targets_for(con, Q4, "team"), "East")["target"] == 9000
    check = decomposition_check(con, Q4)
    assert check["difference"].tolist() == [3000]   # October only: 5,000 - 2,000


# --- filters ---------------------------------------------------------------------------------

def test_region_filter_restricts_deals_not_targets_and_rep_filter_restricts_team_target():
    con = connect([deal("1", "Ann", "won", 1000, "2026-10-03", team="East", region="North"),
                   deal("2", "Ann", "won", 3000, "2026-10-04", team="East", region="South"),
                   deal("3", "Bob", "won", 2000, "2026-10-05", team="East", region="North")],
                  _org_targets())
    north = row(attainment(con, OCT, "rep", Filters(region=("North",)), as_of=OCT.end), "Ann")
    assert north["actual"] == 1000 and north["target"] == 4000    # target stays whole
    assert north["attainment"] == pytest.approx(0.25)             # 1,000 / 4,000
    east = row(attainment(con, OCT, "team", Filters(rep=("Ann",)), as_of=OCT.end), "East")
    assert east["target"] == 4000 and east["actual"] == 4000      # Ann's target; 1,000 + 3,000
    comp = row(attainment(con, OCT, "company", Filters(team=("West",)), as_of=OCT.end), COMPANY)
    assert comp["target"] == 6000 and comp["actual"] == 0         # West only, company row ignored
    west = attainment(con, OCT, "rep", Filters(team=("West",)), as_of=OCT.end)
    assert west["rep"].tolist() == ["Cy", "Di"]                    # reps of West by their target rows
    assert west["target"].tolist() == [2500, 3500]


def test_listed_owners_and_deals_without_a_team():
    con = connect([deal("1", "Ann", "won", 100, "2026-10-03"),           # no team anywhere
                   deal("2", "Old", "won", 70, "2025-10-03", team="East"),  # only last year
                   deal("3", "Bob", "won", 50, "2026-10-04", team="East")])
    reps = attainment(con, OCT, "rep", as_of=OCT.end)
    assert reps["rep"].tolist() == ["Ann", "Bob"]      # Old has no target and no deal in October
    teams = attainment(con, OCT, "team", as_of=OCT.end)
    assert teams["team"].tolist()[0] == "East" and pd.isna(teams["team"].iloc[1])
    assert teams["actual"].tolist() == [50, 100]       # the unassigned 100 is kept, not dropped
    assert row(teams, "East")["actual_last_year"] == 70


# --- other metrics ---------------------------------------------------------------------------

def test_units_and_new_customers():
    con = connect(
        [deal("1", "Ann", "won", 100, "2026-10-03", quantity=3, customer="X"),
         deal("2", "Ann", "won", 100, "2026-10-20", quantity=4, customer="Y"),
         deal("3", "Ann", "won", 100, "2026-09-20", quantity=9, customer="X"),   # X won first in September
         deal("4", "Ann", "lost", 100, "2026-10-21", quantity=50, customer="Z")],
        [target("2026-10", 10, rep="Ann", metric="units"), target("2026-10", 4, rep="Ann", metric="new_customers")])
    units = row(attainment(con, OCT, "rep", metric="units", as_of=OCT.end), "Ann")
    assert units["actual"] == 7 and units["attainment"] == pytest.approx(0.7)   # 3 + 4 of 10
    new = row(attainment(con, OCT, "rep", metric="new_customers", as_of=OCT.end), "Ann")
    assert new["actual"] == 1 and new["attainment"] == pytest.approx(0.25)     # only Y; 1 of 4
    assert math.isnan(new["forecast"])
    # revenue ignores the units and new-customer targets
    assert math.isnan(row(attainment(con, OCT, "rep", as_of=OCT.end), "Ann")["target"])


def test_market_share_spreads_the_yearly_market_size():
    markets = pd.DataFrame([dict(period="2026", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                                 segment="SMB", market_size=120_000)])
    con = connect([deal("1", "Ann", "won", 2500, "2026-10-03", segment="SMB"),
                   deal("2", "Ann", "won", 700, "2026-10-03", segment="Enterprise")], markets=markets)
    share = market_share(con, OCT)
    smb = row(share, "SMB")
    assert smb["market_size"] == pytest.approx(10_000)   # 120,000 / 12 months
    assert smb["share"] == pytest.approx(0.25)           # 2,500 / 10,000
    assert math.isnan(row(share, "Enterprise")["share"])  # no market size: no share
    year = row(market_share(con, parse_period("2026")), "SMB")
    assert year["share"] == pytest.approx(2500 / 120_000)


# --- series for the pages -----------------------------------------------------------------------

def test_cumulative_actual_against_target_and_last_year():
    con = connect([deal("1", "Ann", "won", 5000, "2026-11-03"), deal("2", "Ann", "won", 3000, "2026-11-10"),
                   deal("3", "Ann", "won", 1000, "2025-11-05"), deal("4", "Ann", "won", 2000, "2025-11-20")],
                  [target("2026-11", 30_000, rep="Ann")])
    cum = cumulative_actual(con, NOV, as_of=date(2026, 11, 10)).set_index("date")
    assert len(cum) == 30
    d2, d10, d30 = (cum.loc[pd.Timestamp(f"2026-11-{d:02d}")] for d in (2, 10, 30))
    assert d2["actual_cum"] == 0 and d10["actual_cum"] == 8000   # 5,000 + 3,000 by the 10th
    assert math.isnan(d30["actual_cum"])                          # after as_of: not yet known
    assert d10["target_cum"] == pytest.approx(10_000)             # 30,000 x 10 / 30
    assert d30["target_cum"] == pytest.approx(30_000)
    assert d10["last_year_cum"] == 1000 and d30["last_year_cum"] == 3000   # 1,000 by 10 Nov 2025, + 2,000


def test_monthly_attainment_heatmap():
    con = connect([deal("1", "Ann", "won", 500, "2026-10-03"), deal("2", "Bob", "won", 900, "2026-11-03")],
                  [target("2026-10", 1000, rep="Ann"), target("2026-11", 2000, rep="Ann"),
                   target("2026-Q4", 3000, rep="Bob")])
    heat = monthly_attainment(con, date(2026, 10, 1), date(2026, 12, 31), as_of=date(2026, 11, 15))
    assert len(heat) == 6                                          # 2 reps x 3 months
    ann = heat[heat["rep"] == "Ann"].set_index("month")
    assert ann.loc[pd.Timestamp("2026-10-01"), "attainment"] == pytest.approx(0.5)  # 500 / 1,000
    assert ann.loc[pd.Timestamp("2026-11-01"), "attainment"] == 0                  # 0 / 2,000
    assert math.isnan(ann.loc[pd.Timestamp("2026-12-01"), "actual"])               # December not started
    bob = heat[heat["rep"] == "Bob"].set_index("month")
    assert bob["target"].isna().all()                                # a quarter target is not a month's
    spread = monthly_attainment(con, date(2026, 10, 1), date(2026, 12, 31), spread=True, as_of=date(2026, 11, 15))
    bob = spread[spread["rep"] == "Bob"].set_index("month")
    assert bob.loc[pd.Timestamp("2026-11-01"), "attainment"] == pytest.approx(0.9)  # 900 / (3,000 / 3)


def test_rank_among_peers():
    frame = pd.DataFrame({"rep": ["A", "B", "C", "D"], "attainment": [0.5, 1.2, float("nan"), 0.5]})
    assert rank_among_peers(frame).tolist() == [2, 1, pd.NA, 2]


# --- the CLI contract --------------------------------------------------------------------------

@pytest.mark.parametrize("by", ["rep", "team", "company"])
def test_attainment_columns_start_with_the_cli_contract(by):
    frame = attainment(_november_fixture(), NOV, by, as_of=date(2026, 11, 10))
    assert list(frame.columns[:5]) == [by, *CLI_COLUMNS] == [by, "target", "actual", "attainment", "gap"]
    assert len(frame) >= 1


def test_unknown_by_or_metric_is_refused():
    con = connect([])
    with pytest.raises(ValueError):
        attainment(con, OCT, "region")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        actuals(con, OCT, "rep", metric="profit")


# --- real data -------------------------------------------------------------------------------

@pytest.mark.real_data
def test_maven_crm_published_figures():
    folder = dataset("maven-crm")
    raw = pd.read_csv(folder / "sales_pipeline.csv")
    teams = pd.read_csv(folder / "sales_teams.csv")
    raw = raw.merge(teams, on="sales_agent", how="left")
    status = raw["deal_stage"].str.lower().map({"won": "won", "lost": "lost"}).fillna("open")
    deals = pd.DataFrame({"deal_id": raw["opportunity_id"], "rep": raw["sales_agent"], "team": raw["manager"],
                          "stage": raw["deal_stage"], "status": status, "amount": raw["close_value"],
                          "close_date": raw["close_date"], "customer": raw["account"]})
    con = canonical.connect({"deals": deals})
    period = parse_period("2016-01..2017-12")
    company = row(attainment(con, period, "company", as_of=period.end), COMPANY)
    assert company["actual"] == pytest.approx(10_005_534)           # published won revenue
    assert company["win_rate"] == pytest.approx(0.6315, abs=5e-5)   # published 63.15 %
    assert company["avg_deal_size"] == pytest.approx(2361, abs=0.5)  # published 2,361
    assert math.isnan(company["attainment"])                        # the data has no targets
    by_team = actuals(con, period, "team")
    assert by_team["actual"].sum() == pytest.approx(10_005_534)     # teams add up to the company


@pytest.mark.real_data
def test_adventureworks_quota_history_as_month_targets():
    raw = pd.read_csv(dataset("adventureworks/oltp/SalesPersonQuotaHistory.csv"))
    quota_day = pd.to_datetime(raw["QuotaDate"])
    # a date inside a month means that month's target (SPEC §2)
    targets = pd.DataFrame({"period": quota_day.dt.strftime("%Y-%m"), "rep": raw["BusinessEntityID"].astype(str),
                            "period_start": quota_day.dt.to_period("M").dt.start_time,
                            "period_end": quota_day.dt.to_period("M").dt.end_time.dt.normalize(),
                            "target": raw["SalesQuota"]})
    con = canonical.connect({"targets": targets})
    t2011 = row(targets_for(con, parse_period("2011"), "rep"), "274")
    assert t2011["target"] == 126_000            # published 28,000 + 7,000 + 91,000 in 2011
    assert row(targets_for(con, parse_period("2011-05"), "rep"), "274")["target"] == 28_000


def test_monthly_attainment_with_nothing_in_the_slice_is_empty():
    # A rep with no deals and no targets in the window used to crash the merge; now: no rows.
    from analytics.metrics.attainment import monthly_attainment

    con = canonical.connect({"deals": pd.DataFrame({"deal_id": ["a"], "rep": ["Ann"], "status": ["won"],
                                                "amount": [1.0], "close_date": ["2026-03-01"]})})
    out = monthly_attainment(con, date(2026, 1, 1), date(2026, 12, 31), "rep", Filters(rep=("Nobody",)))
    assert len(out) == 0


# --- the small figures every page shows (one home each) ----------------------------------------

def test_leaderboard_ranks_by_attainment_and_joins_payouts():
    reps = pd.DataFrame({
        "rep": ["Ann", "Bob", "Cy", "Di", "Ed"], "team": ["N", "N", "S", "S", None],
        "attainment": [0.9, 1.6, 0.9, math.nan, 1.2], "pace_status": ["behind", "ahead", "on_pace", None, "ahead"],
        "actual": [90.0, 160.0, 45.0, 70.0, 120.0], "target": [100.0, 100.0, 50.0, math.nan, 100.0]})
    pay = pd.DataFrame({"rep": ["Bob", "Ann"], "total": [500.0, 20.0]})
    board = leaderboard(reps, pay)
    # Bob 160 % > Ed 120 % > Ann 90 % = Cy 90 % (tie: Ann has more actual, 90 > 45, both rank 3) > Di (no target)
    assert board["rep"].tolist() == ["Bob", "Ed", "Ann", "Cy", "Di"]
    assert board["rank"].tolist()[:4] == [1, 2, 3, 3] and pd.isna(board["rank"].iloc[4])
    # bar scale ends at the best attainment, 1.6: Bob 1.0, Ed 1.2 / 1.6 = 0.75, Ann 0.9 / 1.6 = 0.5625, Di 0
    assert board["bar"].tolist() == pytest.approx([1.0, 0.75, 0.5625, 0.5625, 0.0])
    assert board["pace_status"].iloc[4] == "no_target"
    assert board["payout"].tolist()[:3] == [500.0, pytest.approx(math.nan, nan_ok=True), 20.0]
    # under 100 % the scale ends at 100 %: 0.8 → 0.8
    low = leaderboard(reps.assign(attainment=[0.8, 0.4, 0.2, math.nan, 0.1]))
    assert low["bar"].iloc[0] == pytest.approx(0.8) and low["payout"].isna().all()
    assert leaderboard(reps.iloc[0:0]).empty




def test_period_over_period_worked_by_hand():
    now = {"change_vs_previous": 0.25, "target": 1000.0, "attainment": 0.9, "forecast": 1200.0,
           "coverage": 1.5, "coverage_needed": 2.0}
    before = {"target": 800.0, "attainment": 0.75, "forecast": 1000.0}
    out = period_over_period(now, before)
    assert out["actual"] == 0.25
    assert out["target"] == 200.0  # 1,000 - 800
    assert out["attainment"] == pytest.approx(0.15)  # 0.90 - 0.75 = 15 points
    assert out["forecast"] == pytest.approx(0.2)  # (1,200 - 1,000) / 1,000
    assert out["coverage_vs_needed"] == pytest.approx(-0.5)  # 1.5x - 2.0x needed
    # no previous period, no target before, nothing to compare: NaN, never 0
    empty = period_over_period({"change_vs_previous": math.nan, "target": 1000.0, "attainment": 0.9,
                             "forecast": 5.0, "coverage": math.nan, "coverage_needed": 2.0}, None)
    assert all(math.isnan(v) for v in empty.values())


def test_pace_share_points_and_days_left_on_day_10_of_a_30_day_month():
    # 10 of 30 days: the share expected is 1/3; attainment 0.5 -> 0.5 - 0.3333 = +16.7 points
    assert pace_share(NOV, date(2026, 11, 10)) == pytest.approx(1 / 3)
    assert days_left(NOV, date(2026, 11, 10)) == 20
    row_ = {"target": 900.0, "expected_to_date": 300.0, "attainment": 0.5}
    assert pace_points(row_) == pytest.approx(0.5 - 1 / 3)
    assert math.isnan(pace_points({"target": math.nan, "expected_to_date": math.nan, "attainment": math.nan}))
    # before the period, on its last day and after it
    assert pace_share(NOV, date(2026, 10, 31)) == 0 and days_left(NOV, date(2026, 10, 31)) == 30
    assert pace_share(NOV, date(2026, 11, 30)) == 1 and days_left(NOV, date(2026, 11, 30)) == 0
    assert pace_share(NOV, date(2027, 1, 5)) == 1 and days_left(NOV, date(2027, 1, 5)) == 0


def test_pace_share_agrees_with_expected_to_date_and_the_status():
    reps = attainment(_november_fixture(), NOV, "rep", as_of=date(2026, 11, 10))
    share = pace_share(NOV, date(2026, 11, 10))
    for r in reps.to_dict("records"):
        assert r["expected_to_date"] == pytest.approx(r["target"] * share)   # 30,000 x 1/3
    far, on_pace = pace_bands(share)
    assert far == pytest.approx(0.8 / 3) and on_pace == pytest.approx(0.95 / 3)
    # the report's lights and the pace column agree: Ann 8,000 / 30,000 = 0.2667 < 0.3167 is behind
    for r in reps.to_dict("records"):
        assert (r["attainment"] < on_pace) == (r["pace_status"] == "behind")
    assert pace_status(1.0, 0.0, 100.0) == "ahead" and pace_status(0.0, 0.0, 100.0) == "on_pace"
    assert pace_status(5.0, 10.0, math.nan) == "no_target"
