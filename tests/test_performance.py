"""Performance by rep / segment / company, matrix, Pareto, new vs returning, lead-source ROI, trends.

Every expected figure was worked out by hand from the fixtures below; the arithmetic is next to
each assertion.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.performance import (
    MEASURES,
    lead_source_roi,
    matrix,
    monthly_trend,
    new_vs_returning,
    pareto,
    performance,
    top_customers_covering,
    win_rate,
    win_rate_value,
)
from analytics.periods import parse_period
from analytics.store import canonical
from tests.conftest import dataset

MARCH = parse_period("2026-03")


def _deals() -> pd.DataFrame:
    """Six deals in March 2026 (1–6), one open deal expected in March (9), and two for the
    comparisons: 7 closed in February 2026 (previous period) and 8 in March 2025 (last year).

    id rep segment   channel status amount created     close       cycle
    1  Ann Retail    Direct  won    1000   2026-01-31  2026-03-02  30 d (Jan 31 → Mar 2)
    2  Ann Retail    Online  won    3000   2026-02-24  2026-03-16  20 d (Feb 24 → Mar 16)
    3  Ann Wholesale Direct  lost   1000   2026-02-01  2026-03-20
    4  Bob Wholesale Direct  won    5000   (none)      2026-03-25  (no cycle)
    5  Bob Retail    Online  lost   (none) 2026-02-10  2026-03-05
    6  Bob Retail    Direct  open   4000   2026-03-01  2026-04-30
    9  Ann Retail    Online  open   (none) 2026-03-03  2026-03-31
    7  Ann Retail    Direct  won    2000   2026-01-01  2026-02-10  40 d
    8  Bob Wholesale Online  won    10000  2025-02-13  2025-03-15  30 d
    """
    rows = [
        ("1", "Ann", "Retail", "Direct", "won", 1000.0, "2026-01-31", "2026-03-02"),
        ("2", "Ann", "Retail", "Online", "won", 3000.0, "2026-02-24", "2026-03-16"),
        ("3", "Ann", "Wholesale", "Direct", "lost", 1000.0, "2026-02-01", "2026-03-20"),
        ("4", "Bob", "Wholesale", "Direct", "won", 5000.0, None, "2026-03-25"),
        ("5", "Bob", "Retail", "Online", "lost", None, "2026-02-10", "2026-03-05"),
        ("6", "Bob", "Retail", "Direct", "open", 4000.0, "2026-03-01", "2026-04-30"),
        ("9", "Ann", "Retail", "Online", "open", None, "2026-03-03", "2026-03-31"),
        ("7", "Ann", "Retail", "Direct", "won", 2000.0, "2026-01-01", "2026-02-10"),
        ("8", "Bob", "Wholesale", "Online", "won", 10000.0, "2025-02-13", "2025-03-15"),
    ]
    frame = pd.DataFrame(rows, columns=["deal_id", "rep", "segment", "channel", "status", "amount",
                                        "created_date", "close_date"])
    frame["stage"] = frame["status"].map({"won": "Won", "lost": "Lost", "open": "Negotiation"})
    return frame


@pytest.fixture
def con():
    return canonical.connect({"deals": _deals()})


def _row(table: pd.DataFrame, col: str, value: str) -> pd.Series:
    return table.set_index(col).loc[value]


def _nan(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)


def test_columns_in_order(con):
    t = performance(con, "rep", MARCH)
    assert list(t.columns) == ["rep", *MEASURES]
    assert list(MEASURES) == ["won_revenue", "revenue_share", "deals_won", "deals_lost", "win_rate",
                              "win_rate_value", "avg_deal_size", "sales_cycle_days", "open_deals",
                              "sales_velocity", "change", "change_last_year"]


def test_win_rate_is_one_function_by_count_and_by_value():
    # 2 won, 1 lost -> 2/3; nothing closed -> NaN, never 0; 0 won, 3 lost -> 0
    rates = win_rate([2, 0, 0], [1, 0, 3])
    assert rates[0] == pytest.approx(2 / 3) and _nan(rates[1]) and rates[2] == 0
    # by value: 4,000 won, 1,000 lost -> 0.8; a closed deal of unknown amount alone (0 + 0) -> NaN
    values = win_rate_value([2, 0, 1], [1, 0, 0], [4000.0, 0.0, 0.0], [1000.0, 0.0, 0.0])
    assert values[0] == pytest.approx(0.8) and _nan(values[1]) and _nan(values[2])


def test_attainment_win_rate_is_performance_win_rate(con):
    from analytics.metrics.attainment import attainment

    # the same deals closed in March by count: Ann 2 won of 3 closed, Bob 1 of 2 (deal ids unique here)
    att = attainment(con, MARCH, "rep").set_index("rep")["win_rate"]
    perf = performance(con, "rep", MARCH).set_index("rep")["win_rate"]
    assert att["Ann"] == perf["Ann"] == pytest.approx(2 / 3) and att["Bob"] == perf["Bob"] == 0.5


def test_by_rep(con):
    t = performance(con, "rep", MARCH)
    assert t["rep"].tolist() == ["Bob", "Ann"]  # by won revenue: 5000, 4000
    ann = _row(t, "rep", "Ann")
    assert ann["won_revenue"] == 4000  # deals 1 + 2 = 1000 + 3000
    assert ann["revenue_share"] == pytest.approx(4000 / 9000)
    assert ann["deals_won"] == 2 and ann["deals_lost"] == 1
    assert ann["win_rate"] == pytest.approx(2 / 3)
    assert ann["win_rate_value"] == pytest.approx(4000 / (4000 + 1000))  # 0.8
    assert ann["avg_deal_size"] == 2000  # (1000 + 3000) / 2
    assert ann["sales_cycle_days"] == 25  # (30 + 20) / 2
    assert ann["open_deals"] == 1  # deal 9
    assert ann["sales_velocity"] == pytest.approx(1 * (2 / 3) * 2000 / 25)  # 53.33 per day
    assert ann["change"] == pytest.approx((4000 - 2000) / 2000)  # February: deal 7 = 2000 → +100 %
    assert _nan(ann["change_last_year"])  # nothing in March 2025
    bob = _row(t, "rep", "Bob")
    assert bob["won_revenue"] == 5000 and bob["deals_won"] == 1 and bob["deals_lost"] == 1
    assert bob["win_rate"] == 0.5
    assert bob["win_rate_value"] == 1.0  # lost deal 5 has no amount: 5000 / (5000 + 0)
    assert bob["avg_deal_size"] == 5000
    assert _nan(bob["sales_cycle_days"])  # deal 4 has no created date
    assert bob["open_deals"] == 1 and _nan(bob["sales_velocity"])  # no cycle → no velocity
    assert _nan(bob["change"])  # February revenue 0
    assert bob["change_last_year"] == pytest.approx((5000 - 10000) / 10000)  # −50 %


def test_by_segment(con):
    t = performance(con, "segment", MARCH)
    retail = _row(t, "segment", "Retail")
    # Retail in March: won 1 (1000, 30 d), 2 (3000, 20 d); lost 5 (no amount); open 6, 9
    assert retail["won_revenue"] == 4000 and retail["deals_won"] == 2 and retail["deals_lost"] == 1
    assert retail["win_rate"] == pytest.approx(2 / 3) and retail["win_rate_value"] == 1.0
    assert retail["avg_deal_size"] == 2000 and retail["sales_cycle_days"] == 25
    assert retail["open_deals"] == 2
    assert retail["sales_velocity"] == pytest.approx(2 * (2 / 3) * 2000 / 25)  # 106.67
    assert retail["change"] == pytest.approx(1.0)  # February: deal 7, 2000
    wholesale = _row(t, "segment", "Wholesale")
    # Wholesale: won 4 (5000), lost 3 (1000); no open deal
    assert wholesale["win_rate"] == 0.5
    assert wholesale["win_rate_value"] == pytest.approx(5000 / 6000)
    assert wholesale["open_deals"] == 0 and _nan(wholesale["sales_velocity"])
    assert wholesale["change_last_year"] == pytest.approx(-0.5)  # deal 8: 10000 in March 2025


def test_company_is_one_row(con):
    t = performance(con, "company", MARCH)
    assert t["company"].tolist() == ["All"]
    row = t.iloc[0]
    # won 1, 2, 4 = 9000; lost 3, 5; open 6, 9
    assert row["won_revenue"] == 9000 and row["revenue_share"] == 1.0
    assert row["win_rate"] == pytest.approx(3 / 5)
    assert row["win_rate_value"] == pytest.approx(9000 / (9000 + 1000))
    assert row["avg_deal_size"] == 3000  # 9000 / 3
    assert row["sales_cycle_days"] == 25  # deals 1 and 2; deal 4 has no created date
    assert row["sales_velocity"] == pytest.approx(2 * 0.6 * 3000 / 25)  # 144 per day
    assert row["change"] == pytest.approx((9000 - 2000) / 2000)  # 3.5
    assert row["change_last_year"] == pytest.approx((9000 - 10000) / 10000)  # −0.1


def test_no_period_covers_all_data_and_has_no_change(con):
    row = performance(con, "company", None).iloc[0]
    # won 1, 2, 4, 7, 8 = 1000 + 3000 + 5000 + 2000 + 10000 = 21000; lost 3, 5
    assert row["won_revenue"] == 21000 and row["deals_won"] == 5
    assert row["win_rate"] == pytest.approx(5 / 7)
    assert row["avg_deal_size"] == 4200  # 21000 / 5
    assert row["sales_cycle_days"] == 30  # (30 + 20 + 40 + 30) / 4
    assert _nan(row["change"]) and _nan(row["change_last_year"])


def test_filters_and_unknown_dimension(con):
    t = performance(con, "segment", MARCH, Filters(rep=("Ann",)))
    # Ann in March: Retail won 1, 2; Wholesale lost 3 → Wholesale revenue 0, win rate 0
    assert _row(t, "segment", "Retail")["won_revenue"] == 4000
    wholesale = _row(t, "segment", "Wholesale")
    assert wholesale["won_revenue"] == 0 and wholesale["win_rate"] == 0.0
    assert _nan(wholesale["avg_deal_size"])
    with pytest.raises(ValueError):
        performance(con, "segment; DROP TABLE deals", MARCH)


def test_period_without_closed_deals_lists_the_pipeline(con):
    t = performance(con, "rep", parse_period("2020-01"))
    # nothing closed in January 2020, but Ann (deal 9) and Bob (deal 6) have open deals
    assert sorted(t["rep"]) == ["Ann", "Bob"]
    assert (t["won_revenue"] == 0).all() and t["win_rate"].isna().all() and t["revenue_share"].isna().all()
    assert t["open_deals"].tolist() == [1, 1]
    t = performance(canonical.connect({}), "rep", MARCH)
    assert t.empty and list(t.columns) == ["rep", *MEASURES]


def test_matrix_segment_by_channel(con):
    m = matrix(con, "segment", "channel", "won_revenue", MARCH)
    assert list(m.columns) == ["segment", "channel", "value"]
    cells = {(r.segment, r.channel): r.value for r in m.itertuples()}
    # Retail/Direct: deal 1 = 1000 (6 is open); Retail/Online: deal 2 = 3000; Wholesale/Direct: deal 4
    # = 5000; Wholesale/Online has nothing in March (deal 8 is March 2025) → no cell
    assert cells == {("Retail", "Direct"): 1000, ("Retail", "Online"): 3000, ("Wholesale", "Direct"): 5000}
    rates = matrix(con, "segment", "channel", "win_rate", MARCH)
    r = {(x.segment, x.channel): x.value for x in rates.itertuples()}
    assert r[("Retail", "Direct")] == 1.0 and r[("Retail", "Online")] == 0.5  # 1/1; 2 won vs 5 lost
    assert r[("Wholesale", "Direct")] == 0.5  # 4 won vs 3 lost
    with pytest.raises(ValueError):
        matrix(con, "segment", "channel", "bogus", MARCH)


def test_sales_list_lines_of_one_order_are_one_deal():
    """Superstore-style sales list: every line is a won sale; lines sharing an order id are one deal."""
    lines = pd.DataFrame({
        "deal_id": ["CA-1", "CA-1", "CA-2", "CA-3", "CA-3", "CA-3", "CA-4"],
        "rep": ["-"] * 7, "status": ["won"] * 7,
        "segment": ["Consumer", "Consumer", "Corporate", "Home Office", "Home Office", "Home Office", "Consumer"],
        "amount": [100.50, 50.25, 300.00, 20.00, 30.00, 25.75, 9.99],
        "close_date": ["2015-01-03", "2015-01-03", "2015-02-10", "2015-02-11", "2015-02-11", "2015-02-11",
                       "2015-03-01"],
    })
    t = performance(canonical.connect({"deals": lines}), "segment", parse_period("2015"))
    consumer = _row(t, "segment", "Consumer")
    # Consumer: 100.50 + 50.25 + 9.99 = 160.74 over 2 orders → average order 80.37
    assert consumer["won_revenue"] == pytest.approx(160.74)
    assert consumer["deals_won"] == 2 and consumer["avg_deal_size"] == pytest.approx(80.37)
    # total 160.74 + 300 + 75.75 = 536.49
    assert consumer["revenue_share"] == pytest.approx(160.74 / 536.49)
    home = _row(t, "segment", "Home Office")
    assert home["won_revenue"] == pytest.approx(75.75) and home["deals_won"] == 1  # 20 + 30 + 25.75, one order
    assert consumer["win_rate"] == 1.0 and _nan(consumer["sales_cycle_days"])  # no created dates
    assert t["segment"].tolist() == ["Corporate", "Consumer", "Home Office"]  # 300 > 160.74 > 75.75


# --- Pareto, new vs returning -----------------------------------------------------------------

def _customers_con():
    rows = [
        # id, customer, rep, status, amount, close
        ("p1", "Acme", "Ann", "won", 400.0, "2026-03-05"),
        ("p2", "Acme", "Bob", "won", 100.0, "2026-01-10"),  # Acme's first win: January → returning in March
        ("p3", "Beta", "Ann", "won", 300.0, "2026-03-12"),
        ("p4", "Cora", "Ann", "won", 150.0, "2026-03-20"),
        ("p5", "Cora", "Ann", "lost", 999.0, "2026-02-01"),
        ("p6", "Dina", "Bob", "won", 50.0, "2025-12-01"),
        ("p7", None, "Ann", "won", 70.0, "2026-03-21"),  # no customer: left out
    ]
    frame = pd.DataFrame(rows, columns=["deal_id", "customer", "rep", "status", "amount", "close_date"])
    frame["stage"] = frame["status"].map({"won": "Won", "lost": "Lost"})
    return canonical.connect({"deals": frame})


def test_pareto_and_top_customers():
    p = pareto(_customers_con(), None, Filters())
    # all time: Acme 500, Beta 300, Cora 150, Dina 50 = 1000 → cumulative 0.5, 0.8, 0.95, 1.0
    assert p["customer"].tolist() == ["Acme", "Beta", "Cora", "Dina"]
    assert p["won_revenue"].tolist() == [500, 300, 150, 50]
    assert p["cum_share"].tolist() == pytest.approx([0.5, 0.8, 0.95, 1.0])
    assert p["rank"].tolist() == [1, 2, 3, 4]
    assert top_customers_covering(p, 0.8) == 2  # 0.8 reached exactly by the top two
    assert top_customers_covering(p, 0.9) == 3
    assert top_customers_covering(p.iloc[0:0], 0.8) is None


def test_new_vs_returning():
    t = new_vs_returning(_customers_con(), MARCH, Filters()).set_index("customer_type")
    # March won: Acme 400 (first win in January → returning), Beta 300 and Cora 150 (first wins → new)
    assert t.loc["new", "customers"] == 2 and t.loc["new", "won_revenue"] == 450
    assert t.loc["returning", "customers"] == 1 and t.loc["returning", "won_revenue"] == 400
    assert t.loc["new", "revenue_share"] == pytest.approx(450 / 850)
    # Ann only: Acme's January win was Bob's, but Acme is still a returning customer of the company
    ann = new_vs_returning(_customers_con(), MARCH, Filters(rep=("Ann",))).set_index("customer_type")
    assert ann.loc["returning", "customers"] == 1 and ann.loc["new", "customers"] == 2


# --- lead-source ROI --------------------------------------------------------------------------

def _roi_con():
    deals = [
        # id, lead_source, status, amount, created, close
        ("a1", "Ads", "won", 5000.0, "2026-01-15", "2026-04-20"),  # closed after the quarter: still Q1's lead
        ("a2", "Ads", "lost", None, "2026-02-01", "2026-03-01"),
        ("a3", "Ads", "open", 700.0, "2026-03-01", "2026-06-30"),
        ("a4", "Ads", "open", None, "2026-03-31", "2026-06-30"),
        ("a0", "Ads", "won", 600.0, "2025-12-20", "2026-01-20"),  # created in December: not a Q1 lead
        ("t1", "Trade show", "won", 1000.0, "2026-01-10", "2026-02-10"),
        ("t2", "Trade show", "won", 2000.0, "2026-02-10", "2026-03-10"),
        ("r1", "Referral", "won", 800.0, "2026-03-05", "2026-03-25"),
    ]
    campaigns = [
        # period, start, end, lead_source, cost
        ("2026-01", "2026-01-01", "2026-01-31", "Ads", 1000.0),
        ("2026-02", "2026-02-01", "2026-02-28", "Ads", 1000.0),
        ("2025-12", "2025-12-01", "2025-12-31", "Ads", 500.0),
        ("2026", "2026-01-01", "2026-12-31", "Trade show", 7300.0),
        ("2026-02", "2026-02-01", "2026-02-28", "Email", 400.0),
    ]
    d = pd.DataFrame(deals, columns=["deal_id", "lead_source", "status", "amount", "created_date", "close_date"])
    d["rep"] = "Ann"
    d["team"] = "North"
    c = pd.DataFrame(campaigns, columns=["period", "period_start", "period_end", "lead_source", "cost"])
    return canonical.connect({"deals": d, "campaigns": c})


def test_lead_source_roi_quarter():
    t = lead_source_roi(_roi_con(), parse_period("2026-Q1"), Filters())
    assert list(t.columns) == ["lead_source", "leads", "won", "conversion", "won_revenue", "cost",
                               "cost_per_won", "roi"]
    assert t["lead_source"].tolist() == ["Ads", "Trade show", "Referral", "Email"]  # by won revenue
    ads = _row(t, "lead_source", "Ads")
    # Q1 leads a1–a4 = 4, won a1 → conversion 1/4; cost January + February = 2000
    assert ads["leads"] == 4 and ads["won"] == 1 and ads["conversion"] == 0.25
    assert ads["won_revenue"] == 5000 and ads["cost"] == 2000 and ads["cost_per_won"] == 2000
    assert ads["roi"] == pytest.approx((5000 - 2000) / 2000)  # 1.5
    show = _row(t, "lead_source", "Trade show")
    # a year's 7300 over 365 days, 90 of them in Q1 (31 + 28 + 31) → 7300 × 90 / 365 = 1800
    assert show["cost"] == pytest.approx(1800)
    assert show["cost_per_won"] == pytest.approx(900)  # 1800 / 2
    assert show["roi"] == pytest.approx((3000 - 1800) / 1800)  # 0.667
    referral = _row(t, "lead_source", "Referral")
    assert referral["conversion"] == 1.0 and _nan(referral["cost"]) and _nan(referral["roi"])  # no cost
    email = _row(t, "lead_source", "Email")
    # spent 400, no lead: conversion undefined, ROI (0 − 400) / 400 = −1
    assert email["leads"] == 0 and _nan(email["conversion"]) and _nan(email["cost_per_won"])
    assert email["roi"] == -1.0


def test_lead_source_roi_all_time_and_unanswerable_filter():
    t = lead_source_roi(_roi_con(), None, Filters())
    ads = _row(t, "lead_source", "Ads")
    # all five Ads leads, won a0 + a1 = 600 + 5000; cost 1000 + 1000 + 500 = 2500
    assert ads["leads"] == 5 and ads["won"] == 2 and ads["won_revenue"] == 5600 and ads["cost"] == 2500
    assert ads["roi"] == pytest.approx((5600 - 2500) / 2500)  # 1.24
    # Campaign costs have no team: under a team filter cost is unknown, not the whole company's.
    by_team = lead_source_roi(_roi_con(), None, Filters(team=("North",)))
    assert by_team["cost"].isna().all() and by_team["roi"].isna().all()
    assert _row(by_team, "lead_source", "Ads")["leads"] == 5
    # A lead-source filter applies to deals and costs alike.
    only_ads = lead_source_roi(_roi_con(), None, Filters(lead_source=("Ads",)))
    assert only_ads["lead_source"].tolist() == ["Ads"] and only_ads["cost"].iloc[0] == 2500


def test_monthly_trend_fills_every_month(con):
    t = monthly_trend(con, "rep", date(2026, 1, 1), date(2026, 3, 31), Filters())
    ann = t[t["rep"] == "Ann"]
    # Ann: January nothing closed (0, NaN), February deal 7 won (2000, 1/1), March 1, 2 won, 3 lost
    assert ann["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert ann["won_revenue"].tolist() == [0, 2000, 4000]
    assert _nan(ann["win_rate"].iloc[0]) and ann["win_rate"].iloc[1] == 1.0
    assert ann["win_rate"].iloc[2] == pytest.approx(2 / 3)
    bob = t[t["rep"] == "Bob"]
    assert bob["won_revenue"].tolist() == [0, 0, 5000] and bob["win_rate"].iloc[2] == 0.5  # 4 won, 5 lost


@pytest.mark.parametrize("known_unique", [False, True])
def test_monthly_trend_with_sales_cycle(known_unique):
    con = canonical.connect({"deals": _deals()})
    if known_unique:
        canonical.mark_unique_deal_ids(con)  # the one-row-per-deal path
    t = monthly_trend(con, "company", date(2026, 1, 1), date(2026, 3, 31), Filters(), with_cycle=True)
    # January: nothing closed; February: deal 7 (Jan 1 → Feb 10, 40 d); March: deals 1 (30 d) and
    # 2 (20 d) won with a created date, deal 4 won without one (left out): (30 + 20) / 2 = 25
    assert t["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert _nan(t["sales_cycle_days"].iloc[0]) and t["sales_cycle_days"].tolist()[1:] == [40.0, 25.0]
    assert t["win_rate"].iloc[2] == pytest.approx(3 / 5)  # 1, 2, 4 won; 3, 5 lost
    by_rep = monthly_trend(con, "rep", date(2026, 2, 1), date(2026, 3, 31), Filters(), with_cycle=True)
    cycle = {(r.month, r.rep): r.sales_cycle_days for r in by_rep.itertuples()}
    assert cycle[("2026-02", "Ann")] == 40 and cycle[("2026-03", "Ann")] == 25
    assert _nan(cycle[("2026-02", "Bob")]) and _nan(cycle[("2026-03", "Bob")])  # Bob's won deal 4 has no date
    # without the switch the columns are the ones they always were
    assert "sales_cycle_days" not in monthly_trend(con, "company", date(2026, 1, 1), date(2026, 3, 31)).columns


def test_monthly_sales_cycle_counts_an_order_once():
    # Order O1 has two lines (created Mar 1 and Mar 3, both closed Mar 11): one deal of 10 days,
    # not two of 10 and 8; O2 is a deal of 20 days (Mar 5 → Mar 25). Mean (10 + 20) / 2 = 15.
    deals = pd.DataFrame({
        "deal_id": ["O1", "O1", "O2"], "rep": ["Ann"] * 3, "status": ["won"] * 3, "stage": ["Won"] * 3,
        "amount": [100.0, 200.0, 50.0], "created_date": ["2026-03-01", "2026-03-03", "2026-03-05"],
        "close_date": ["2026-03-11", "2026-03-11", "2026-03-25"]})
    con = canonical.connect({"deals": deals})
    t = monthly_trend(con, "company", date(2026, 3, 1), date(2026, 3, 31), with_cycle=True)
    assert t["sales_cycle_days"].tolist() == [15.0]
    assert performance(con, "company", MARCH)["sales_cycle_days"].iloc[0] == 15.0


def test_monthly_sales_cycle_equals_performance_per_month():
    """The Funnel page's trend (one call) gives the figures of twelve monthly ``performance`` calls."""
    from analytics.periods import month_period
    from analytics.store.sources import load_sample

    con = load_sample().connect()
    for filters in (Filters(), Filters(team=("East",))):
        t = monthly_trend(con, "company", date(2025, 12, 1), date(2026, 11, 30), filters, with_cycle=True)
        assert len(t) == 12
        for row in t.itertuples():
            perf = performance(con, "company", month_period(date.fromisoformat(f"{row.month}-01")), filters)
            expected = float(perf["sales_cycle_days"].iloc[0]) if len(perf) else math.nan
            assert row.sales_cycle_days == expected or (_nan(expected) and _nan(row.sales_cycle_days))


# --- real data --------------------------------------------------------------------------------



@pytest.mark.real_data
def test_maven_company_figures(maven_deals):
    deals = maven_deals
    con = canonical.connect({"deals": deals})
    row = performance(con, "company", None).iloc[0]
    # published: win rate 4238 / (4238 + 2473) = 63.15 %, won revenue 10,005,534, average won deal 2,361,
    # mean won cycle engage → close 51.8 days
    assert row["deals_won"] == 4238 and row["deals_lost"] == 2473
    assert round(row["win_rate"] * 100, 2) == 63.15
    assert row["won_revenue"] == 10_005_534
    assert round(row["avg_deal_size"]) == 2361
    assert round(row["sales_cycle_days"], 1) == 51.8
    assert row["open_deals"] == 1589 + 500  # Engaging + Prospecting
    # the rep table adds up to the company
    reps = performance(con, "rep", None)
    assert reps["won_revenue"].sum() == 10_005_534 and reps["deals_won"].sum() == 4238


@pytest.mark.real_data
def test_olist_lead_to_won_conversion_by_origin():
    folder = dataset("olist-marketing-funnel")
    leads = pd.read_csv(folder / "olist_marketing_qualified_leads_dataset.csv")
    won = pd.read_csv(folder / "olist_closed_deals_dataset.csv")
    joined = leads.merge(won[["mql_id", "won_date"]], on="mql_id", how="left")
    deals = pd.DataFrame({
        "deal_id": joined["mql_id"], "rep": "-", "lead_source": joined["origin"],
        "created_date": joined["first_contact_date"],
        "status": joined["won_date"].notna().map({True: "won", False: "open"}),
        "close_date": pd.to_datetime(joined["won_date"]).dt.normalize(),
    })
    t = lead_source_roi(canonical.connect({"deals": deals}), None, Filters())
    # 8,000 leads, 842 closed deals; organic_search 271 of 2,296, paid_search 195 of 1,586, email 15 of 493
    assert t["leads"].sum() == 8000 and t["won"].sum() == 842
    organic = _row(t, "lead_source", "organic_search")
    assert organic["leads"] == 2296 and organic["won"] == 271
    assert organic["conversion"] == pytest.approx(271 / 2296)  # 11.8 %
    assert _row(t, "lead_source", "paid_search")["won"] == 195
    assert _row(t, "lead_source", "email")["conversion"] == pytest.approx(15 / 493)
    no_origin = t[t["lead_source"].isna()].iloc[0]  # 60 leads without origin, 14 won
    assert no_origin["leads"] == 60 and no_origin["won"] == 14
