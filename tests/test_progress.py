"""Issue 13.4 on My progress: open deals past their expected close date are badged, and the page
says plainly how much of the gap the open pipeline covers. Hand-made fixture, then the sample."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.metrics.attainment import attainment
from analytics.metrics.progress import days_overdue, gap_cover, overdue_open_deals
from analytics.periods import month_period
from analytics.store import canonical
from analytics.store.sources import load_sample
from tests.test_app import assert_clean, start

NOV = month_period(date(2026, 11, 1))
AS_OF = date(2026, 11, 20)

DEALS = pd.DataFrame({
    "deal_id": ["W1", "O1", "O2", "O3", "O4"],
    "rep": ["Ann"] * 5,
    "status": ["won", "open", "open", "open", "open"],
    "stage": ["Won", "Negotiation", "Negotiation", "Prospecting", "Negotiation"],
    "amount": [600.0, 100.0, 150.0, 50.0, 999.0],
    "created_date": [date(2026, 9, 1)] * 5,
    # O1 due 10 Nov (10 days overdue on the 20th), O2 due 25 Nov (not yet), O3 due 20 Nov (today:
    # not overdue), O4 due 15 Oct (36 days overdue, outside November)
    "close_date": [date(2026, 11, 5), date(2026, 11, 10), date(2026, 11, 25), date(2026, 11, 20),
                   date(2026, 10, 15)],
})
TARGETS = pd.DataFrame({"period": ["2026-11"], "period_start": [date(2026, 11, 1)],
                        "period_end": [date(2026, 11, 30)], "rep": ["Ann"], "target": [1000.0]})


@pytest.fixture()
def con():
    return canonical.connect({"deals": DEALS, "targets": TARGETS})


def test_overdue_open_deals_in_any_period_most_overdue_first(con):
    out = overdue_open_deals(con, "Ann", AS_OF)
    # O4: 20 Nov - 15 Oct = 36 days; O1: 20 - 10 = 10 days; O3 is due today (not overdue); O2 later
    assert out["deal_id"].tolist() == ["O4", "O1"]
    assert out["days_overdue"].tolist() == [36, 10]
    assert days_overdue(DEALS["close_date"], AS_OF).tolist() == [15, 10, 0, 0, 36]


def test_gap_cover_short_and_covered(con):
    row = attainment(con, NOV, "rep", as_of=AS_OF).iloc[0].to_dict()
    # gap 1,000 - 600 = 400; open in November: O1 100 + O2 150 + O3 50 = 300 -> 75 %, 100 short
    cover = gap_cover(row)
    assert cover is not None
    assert (cover.gap, cover.open_pipeline) == (400.0, 300.0)
    assert cover.share == pytest.approx(0.75) and cover.short_if_all_won == 100.0 and not cover.covers
    # a pipeline bigger than the gap covers it; a met target has no gap to cover
    assert gap_cover({"gap": 200.0, "open_pipeline": 300.0}).covers
    assert gap_cover({"gap": -5.0, "open_pipeline": 300.0}) is None
    assert gap_cover({"gap": float("nan"), "open_pipeline": 300.0}) is None


def test_sample_david_kim_cover_and_overdue_deal():
    sample = load_sample().connect()
    row = attainment(sample, NOV, "rep", as_of=date(2026, 11, 30)).set_index("rep").loc["David Kim"].to_dict()
    cover = gap_cover(row)
    # gap 96,000 - 46,455 = 49,545; open pipeline 4,940 -> 9.97 %, 44,605 short even if all won
    assert cover.gap == 49_545 and cover.open_pipeline == 4_940
    assert cover.share == pytest.approx(4_940 / 49_545) and cover.short_if_all_won == 44_605
    overdue = overdue_open_deals(sample, "David Kim", date(2026, 11, 30))
    assert overdue["deal_id"].tolist() == ["D-14463"] and overdue["days_overdue"].tolist() == [3]


def test_my_progress_page_says_the_cover_and_badges_overdue_deals():
    at = start({"me": "David Kim"})
    at.switch_page("pages/my_progress.py").run()
    assert_clean(at)
    warnings = [w.value for w in at.warning]
    assert any("Your open pipeline covers 10% of the gap" in w and "$44.6K short" in w for w in warnings), warnings
    tables = [d.value for d in at.dataframe]
    open_deals = next(f for f in tables if "Weighted value" in f.columns)
    status = dict(zip(open_deals["Deal"], open_deals["Close date"], strict=True))
    assert status["D-14463"] == "Overdue by 3 days"
    overdue = next(f for f in tables if "Days overdue" in f.columns)
    assert overdue["Deal"].tolist() == ["D-14463"]
