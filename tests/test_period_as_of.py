"""Issue 13.2: the period a page opens on, the as-of day, and nothing after it counting.

Hand-made fixtures first (answers worked out in the comments), then the sample company opened
with the clock pinned to 4 December 2026 (its data ends on 30 November).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.metrics.attainment import attainment
from analytics.metrics.customers import customer_timeline, timeline_after
from analytics.periods import month_period
from analytics.store import canonical
from analytics.store.catalog import catalog, days_after_data_end, default_period_day
from analytics.store.settings import settings_from_dict
from tests.test_app import assert_clean, start

NOV = month_period(date(2026, 11, 1))

DEALS = pd.DataFrame({
    "deal_id": ["A", "B", "C", "D"],
    "customer": ["Acme", "Acme", "Acme", "Bolt"],
    "rep": ["Ann", "Ann", "Ann", "Bob"],
    "status": ["won", "won", "open", "lost"],
    "stage": ["Won", "Won", "Negotiation", "Lost"],
    "amount": [1000.0, 400.0, 900.0, 50.0],
    "created_date": [date(2026, 10, 1), date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 1)],
    "close_date": [date(2026, 11, 10), date(2026, 11, 20), date(2026, 12, 15), date(2026, 11, 12)],
})
TARGETS = pd.DataFrame({"period": ["2026-11"], "period_start": [date(2026, 11, 1)],
                        "period_end": [date(2026, 11, 30)], "rep": ["Ann"], "target": [2000.0]})
ACTIVITIES = pd.DataFrame({"date": [date(2026, 11, 18)], "rep": ["Ann"], "customer": ["Acme"],
                           "type": ["call"], "next_followup_date": [date(2026, 12, 1)]})


@pytest.fixture()
def con():
    return canonical.connect({"deals": DEALS, "targets": TARGETS, "activities": ACTIVITIES})


def test_data_end_is_the_latest_event_not_an_open_deals_plan(con):
    cat = catalog(con)
    # won 10 and 20 Nov, lost 12 Nov, activity 18 Nov; C's 15 Dec is an expected close date
    assert cat.last_date == date(2026, 11, 20)
    assert cat.data_end == date(2026, 11, 20)


def test_default_period_day_current_or_last_complete():
    # 4 Dec: the current month is December; the last complete one is November
    assert default_period_day(date(2026, 12, 4), "current", date(2026, 12, 1)) == date(2026, 12, 4)
    assert default_period_day(date(2026, 12, 4), "last_complete", date(2026, 12, 1)) == date(2026, 11, 30)
    # quarter: Q4 starts 1 Oct -> the last complete quarter holds 30 Sep
    assert default_period_day(date(2026, 12, 4), "last_complete", date(2026, 10, 1)) == date(2026, 9, 30)


def test_days_after_data_end():
    # data to 30 Nov; December as of 4 Dec: 1-4 Dec are missing = 4 days
    assert days_after_data_end(date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 4)) == 4
    # November as of 4 Dec: the data reaches the period's end
    assert days_after_data_end(date(2026, 11, 30), date(2026, 11, 1), date(2026, 11, 30), date(2026, 12, 4)) == 0
    # data to 27 Nov, November as of 30 Nov: 28, 29, 30 = 3 days
    assert days_after_data_end(date(2026, 11, 27), date(2026, 11, 1), date(2026, 11, 30), date(2026, 11, 30)) == 3
    assert days_after_data_end(None, date(2026, 11, 1), date(2026, 11, 30), date(2026, 11, 30)) == 0


def test_settings_default_period_is_validated():
    settings, problems = settings_from_dict({"default_period": "last_complete"})
    assert settings.default_period == "last_complete" and problems == []
    settings, problems = settings_from_dict({"default_period": "yesterday"})
    assert settings.default_period == "current" and problems


def test_a_sale_after_the_as_of_day_does_not_count(con):
    # as of 15 Nov only A (1,000) is won: 1,000 / 2,000 = 50 %; B (20 Nov) has not happened yet
    row = attainment(con, NOV, "rep", as_of=date(2026, 11, 15)).set_index("rep").loc["Ann"]
    assert row["actual"] == 1000.0 and row["attainment"] == pytest.approx(0.5) and row["deals_won"] == 1
    # as of 30 Nov both count: 1,400 / 2,000 = 70 %
    row = attainment(con, NOV, "rep", as_of=date(2026, 11, 30)).set_index("rep").loc["Ann"]
    assert row["actual"] == 1400.0 and row["attainment"] == pytest.approx(0.7)


def test_customer_history_stops_at_the_as_of_day(con):
    everything = customer_timeline(con, "Acme")
    # A created 1 Oct, won 10 Nov; B created 2 Nov, won 20 Nov; C created 3 Nov; call 18 Nov = 6 events
    assert len(everything) == 6
    as_of = date(2026, 11, 15)
    shown = customer_timeline(con, "Acme", as_of)
    # up to 15 Nov: A created, A won, B created, C created = 4; B won (20 Nov) and the call (18 Nov) later
    assert len(shown) == 4 and (pd.to_datetime(shown["date"]) <= pd.Timestamp(as_of)).all()
    assert timeline_after(con, "Acme", as_of) == 2


def test_sample_customer_history_has_nothing_after_the_as_of_day():
    from analytics.store.sources import load_sample

    sample = load_sample().connect()
    as_of = date(2026, 11, 15)
    name = sample.execute("SELECT customer FROM deals WHERE close_date > ? AND status = 'won' LIMIT 1",
                          [as_of]).fetchall()[0][0]
    shown = customer_timeline(sample, name, as_of)
    assert (pd.to_datetime(shown["date"]).dropna() <= pd.Timestamp(as_of)).all()
    assert timeline_after(sample, name, as_of) >= 1


def test_sample_on_4_december_opens_december_and_says_when_the_data_ends(monkeypatch):
    """Issue 13.2 as reported: on 4 Dec the sample (data to 30 Nov) must not open "Day 27 of 30"."""
    monkeypatch.setenv("SALES_TODAY", "2026-12-04")
    at = start()
    assert_clean(at)
    assert at.sidebar.selectbox(key="p").value == "2026-12"
    assert at.sidebar.date_input(key="asof").value == date(2026, 12, 4)
    note = " ".join(c.value for c in at.sidebar.caption)
    assert "Figures as of" in note
    assert "The data ends on" in note and "4 days before the as-of day" in note
    assert any("the last 4 days of this period up to the as-of day are not in it yet" in i.value for i in at.info)


def test_last_complete_setting_opens_november(monkeypatch, tmp_path):
    from analytics.store.settings import DEFAULT_SETTINGS, save_settings
    from ui import context

    monkeypatch.setenv("SALES_TODAY", "2026-12-04")
    from dataclasses import replace
    save_settings(replace(DEFAULT_SETTINGS, default_period="last_complete"), context.workspace().settings_path)
    at = start()
    assert_clean(at)
    assert at.sidebar.selectbox(key="p").value == "2026-11"


def test_a_picked_as_of_day_is_honoured(monkeypatch):
    monkeypatch.setenv("SALES_TODAY", "2026-11-30")
    at = start({"asof": "2026-11-15"})
    assert_clean(at)
    assert at.sidebar.date_input(key="asof").value == date(2026, 11, 15)
    assert at.sidebar.selectbox(key="p").value == "2026-11"
