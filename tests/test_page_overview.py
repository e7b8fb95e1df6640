"""The Overview page (AppTest) and the attainment figure builders it shares with My progress.

Every number the page shows is compared with ``analytics.metrics.attainment`` called directly on the
sample company (``SALES_TODAY=2026-11-30``, so the default period is Nov 2026), with the
arithmetic written out next to the assertion.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.attainment import attainment
from analytics.periods import month_period
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import DEALS, assert_clean, start, upload, visible_text
from ui import format as fmt
from ui.charts import NEUTRAL, PACE_STATUS_COLOURS
from ui.charts import attainment as ac

NOV = month_period(date(2026, 11, 1))
OCT = month_period(date(2026, 10, 1))
AS_OF = date(2026, 11, 30)
ALL = Filters()
NO_TARGET_DEALS = pd.DataFrame({
    "deal_id": ["N1", "N2", "N3"], "rep": ["Nia Park", "Nia Park", "Olu Ade"], "team": ["North"] * 3,
    "status": ["won", "open", "won"], "stage": ["Won", "Negotiation", "Won"], "amount": [1000.0, 400.0, 250.0],
    "close_date": [date(2026, 11, 2), date(2026, 11, 20), date(2026, 11, 5)],
    "created_date": [date(2026, 10, 1)] * 3})
LABELS = {"ahead": "Ahead", "on_pace": "On pace", "behind": "Behind", "no_target": "no target", "axis": "Att",
          "target_line": "100%", "pace": "Pace", "actual": "Actual", "target": "Target", "last_year": "LY",
          "colorbar": "Att"}


def money(x: object) -> str:
    return fmt.money(x, "USD", "en")


@pytest.fixture(scope="module")
def con():
    return load_sample().connect()


def company(con, period=NOV, filters=ALL) -> dict:
    return attainment(con, period, "company", filters, as_of=AS_OF).iloc[0].to_dict()


def cards(at) -> dict[str, object]:
    return {m.label: m for m in at.metric}


# --- the page ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_overview_opens_in_both_languages(lang):
    at = start({"lang": lang})
    assert_clean(at)
    title = at.title[0].value
    assert title == ("Overview · Nov 2026" if lang == "en" else "业绩总览 · 2026年11月")
    text = visible_text(at)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) == (lang == "zh")
    assert len(at.metric) == 5


def test_attainment_card_equals_analytics(con):
    at = start()
    row = company(con)
    # 1,650,845 won / 1,399,000 target = 1.18002 -> 118.0 %
    assert row["actual"] == 1_650_845 and row["target"] == 1_399_000
    c = cards(at)
    assert c["Attainment"].value == fmt.pct(row["attainment"]) == "118.0%"
    assert c["Actual (won revenue)"].value == money(row["actual"]) == "$1.65M"
    assert c["Target"].value == money(row["target"]) == "$1.40M"
    assert c["Forecast"].value == money(row["forecast"])  # 1,650,845 + 147,877.75 weighted = $1.80M
    assert c["Pipeline coverage"].value == "Target met"  # gap -251,845 <= 0: coverage is not shown


def test_cards_show_the_change_against_the_previous_period(con):
    at = start()
    now, before = company(con), company(con, OCT)
    c = cards(at)
    # attainment 1.180018 - October's 1,183,955 / 1,322,000 = 0.895579 -> +28.4 points
    assert c["Attainment"].delta == "+28.4 pts"
    assert round((now["attainment"] - before["attainment"]) * 100, 1) == 28.4
    # target 1,399,000 - 1,322,000 = +77,000
    assert c["Target"].delta == "+$77.0K"
    # actual (1,650,845 - 1,183,955) / 1,183,955 = +39.4 %
    assert c["Actual (won revenue)"].delta == fmt.pct(now["change_vs_previous"], signed=True) == "+39.4%"


def test_team_filter_changes_the_attainment_card(con):
    at = start({"team": "East"})
    assert_clean(at)
    row = company(con, filters=Filters(team=("East",)))
    # East: 534,790 / 372,000 = 1.43761 -> 143.8 %
    assert cards(at)["Attainment"].value == fmt.pct(row["attainment"]) == "143.8%"
    assert cards(start())["Attainment"].value == "118.0%"  # and without the filter, the company's


def test_period_change_changes_the_attainment_card(con):
    at = start()
    at.sidebar.selectbox(key="p").set_value("2026-10").run()
    assert_clean(at)
    # 1,183,955 / 1,322,000 = 0.89558 -> 89.6 %
    assert cards(at)["Attainment"].value == fmt.pct(company(con, OCT)["attainment"]) == "89.6%"
    assert at.title[0].value == "Overview · Oct 2026"


def test_rep_table_matches_analytics_and_translates_pace(con):
    reps = attainment(con, NOV, "rep", as_of=AS_OF)
    at = start()
    table = next(df.value for df in at.dataframe if "Sales rep" in df.value.columns)
    assert table["Sales rep"].tolist() == reps["rep"].tolist()
    assert table["Attainment"].tolist() == pytest.approx(reps["attainment"].tolist())
    # a shortfall is the amount still to win; a negative gap reads "Over target by …", never "−$…"
    def full(x):
        return fmt.money(x, "USD", "en", compact=False)

    expected = [None if math.isnan(g) else (full(g) if g > 0 else f"Over target by {full(-g)}")
                for g in reps["gap"]]
    assert table["Gap to target"].tolist() == expected
    assert not any(str(v).startswith(("-", "−")) for v in table["Gap to target"])
    chen = table[table["Sales rep"] == "Chen Jing"].iloc[0]
    # Chen Jing: 201,940 / 101,000 = 1.99941, ahead of pace (the month is over: pace = target)
    assert chen["Attainment"] == pytest.approx(201_940 / 101_000)
    assert chen["Pace"] == "Ahead of pace"
    # 101,000 - 201,940 = -100,940: over target by 100,940 (issue 13.4's "−$100,940")
    assert chen["Gap to target"] == "Over target by $100,940"
    assert set(table["Pace"]) == {"Ahead of pace", "On pace", "Behind pace"}
    zh = start({"lang": "zh"})
    zh_table = next(df.value for df in zh.dataframe if "销售代表" in df.value.columns)
    assert "超前于进度" in set(zh_table["进度状态"])


def test_decomposition_note_where_targets_do_not_add_up():
    at = start({"pk": "year", "y": "2026"})
    assert_clean(at)
    warning = " ".join(w.value for w in at.warning)
    assert "do not add up in 1 place" in warning
    note = next(df.value for df in at.dataframe if "Difference (explicit − sum)" in df.value.columns)
    # Key Accounts' explicit 2026 team target 6,166,000 against its reps' 6,141,000: +25,000
    assert note.iloc[0].tolist() == ["Team", "Key Accounts", 6_166_000, 6_141_000, 25_000]
    month = start()  # November's targets add up: no note
    assert not any("do not add up" in w.value for w in month.warning)


def test_selecting_a_rep_opens_my_progress_with_the_filters_kept():
    at = start({"team": "West", "pk": "quarter"})
    table = next(df.value for df in at.dataframe if "Sales rep" in df.value.columns)
    row = table["Sales rep"].tolist().index("James Carter")
    at.session_state["overview_reps"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert_clean(at)
    assert at.title[0].value == "My progress · Q4 2026"
    assert at.selectbox(key="me").value == "James Carter"
    assert at.query_params["me"] == "James Carter"
    assert at.query_params["team"] == "West" and at.query_params["pk"] == "quarter"
    assert at.sidebar.multiselect(key="team").value == ["West"]


def test_deals_only_upload_shows_no_target_never_zero():
    # Issue 12.5: a session upload of deals alone is analysed on its own tables. It used to be
    # scored against the sample company's targets (sample reps at 0 % "behind", 0.1 % overall).
    at = upload(start(), "deals.csv", DEALS)
    at.switch_page("pages/overview.py").run()
    assert_clean(at)
    table = next(df.value for df in at.dataframe if "Sales rep" in df.value.columns)
    assert table["Sales rep"].tolist() == ["Nia Park"]  # no sample rep beside the user's own
    nia = table.iloc[0]
    assert nia["Pace"] == "No target" and math.isnan(nia["Attainment"]) and math.isnan(nia["Target"])
    assert nia["Actual"] == 1000  # N1; N2 with -5 was rejected
    assert cards(at)["Attainment"].value == "no target"
    assert cards(at)["Actual (won revenue)"].value == "1,000"  # the file names no currency: no symbol
    notices = [m.value for m in at.markdown if "No targets loaded" in m.value]
    assert len(notices) == 1  # said once, plainly
    assert not any("do not add up" in w.value for w in at.warning)  # no sample decomposition warning


def test_no_targets_at_all_say_so(_isolated_workspace):
    Workspace(_isolated_workspace).publish([PublishItem("deals", NO_TARGET_DEALS, "deals.csv", "h1")])
    at = start()
    assert_clean(at)
    assert at.session_state["_catalog"].rows["targets"] == 0
    assert sum("No targets loaded" in m.value for m in at.markdown) == 1
    c = cards(at)
    assert c["Attainment"].value == "no target" and c["Target"].value == "no target"
    assert c["Pipeline coverage"].value == "no target"
    # the file records no currency, so the amounts carry no symbol (a wrong one is worse than none)
    assert c["Actual (won revenue)"].value == "1,250"  # 1,000 + 250 won in November
    assert c["Forecast"].value == "1,490"  # 1,250 + 400 open in Negotiation x 60 % = 1,490
    table = next(df.value for df in at.dataframe if "Sales rep" in df.value.columns)
    assert table["Pace"].tolist() == ["No target", "No target"]
    assert table["Attainment"].isna().all()
    assert any("No monthly targets" in cap.value for cap in at.caption)


# --- figure builders -----------------------------------------------------------------------------

def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "rep": ["Ann", "Bo", "Cy", "Di"],
        "target": [100.0, 200.0, math.nan, 50.0],
        "actual": [120.0, 50.0, 30.0, 25.0],
        "attainment": [1.2, 0.25, math.nan, 0.5],
        "pace_status": ["ahead", "behind", "no_target", "on_pace"],
    })


def test_attainment_bars_colour_by_pace_and_show_no_target_as_its_own_state():
    fig = ac.attainment_bars(_frame(), "rep", expected=0.5, labels=LABELS, money=money)
    traces = {tr.name: tr for tr in fig.data}
    assert set(traces) == {"Ahead", "Behind", "On pace", "no target"}
    assert traces["Ahead"].marker.color == PACE_STATUS_COLOURS["ahead"]
    assert list(traces["Ahead"].x) == [1.2] and list(traces["Ahead"].text) == ["120.0%"]
    # Cy has no target: a zero-length grey bar labelled "no target", not 0 %
    assert list(traces["no target"].x) == [0.0] and list(traces["no target"].text) == ["no target"]
    assert traces["no target"].marker.color == PACE_STATUS_COLOURS["no_target"] == NEUTRAL
    # best at the top: plotly lists categories bottom-up, so the no-target owner comes first
    assert list(fig.layout.yaxis.categoryarray) == ["Cy", "Bo", "Di", "Ann"]
    lines = sorted(s.x0 for s in fig.layout.shapes)
    assert lines == [0.5, 1.0]  # the pace marker and the 100 % line
    # the period is over (pace = 100 %) or not started: only the 100 % line
    assert [s.x0 for s in ac.attainment_bars(_frame(), "rep", expected=1.0, labels=LABELS,
                                             money=money).layout.shapes] == [1.0]
    # the axis reaches past the best bar: 1.2 x 1.18
    assert fig.layout.xaxis.range[1] == pytest.approx(1.2 * 1.18)
    # nobody in the chart has a target: nothing to be on pace with, so no pace marker
    no_targets = _frame().assign(target=math.nan, attainment=math.nan, pace_status="no_target")
    assert not ac.shows_pace(no_targets, 0.5) and ac.shows_pace(_frame(), 0.5)
    assert [s.x0 for s in ac.attainment_bars(no_targets, "rep", expected=0.5, labels=LABELS,
                                             money=money).layout.shapes] == [1.0]


def test_cumulative_chart_leaves_out_series_without_data():
    frame = pd.DataFrame({"date": pd.date_range("2026-11-01", periods=3),
                          "actual_cum": [10.0, 30.0, math.nan], "target_cum": [20.0, 40.0, 60.0],
                          "last_year_cum": [math.nan] * 3})
    fig = ac.cumulative_chart(frame, labels=LABELS, money=money, date_format="%m月%d日")
    assert [tr.name for tr in fig.data] == ["Actual", "Target"]  # no deal a year ago: no LY line
    assert fig.layout.xaxis.tickformat == "%m月%d日"


def test_heatmap_cells():
    frame = pd.DataFrame({
        "rep": ["Ann", "Ann", "Bo", "Bo"],
        "month": pd.to_datetime(["2026-10-01", "2026-11-01", "2026-10-01", "2026-11-01"]),
        "target": [100.0, 100.0, math.nan, 50.0],
        "actual": [80.0, math.nan, 10.0, 60.0],
        "attainment": [0.8, math.nan, math.nan, 1.2],
    })
    fig = ac.heatmap(frame, "rep", month_label=lambda m: f"{m.month}/{m.year}", labels=LABELS, money=money)
    hm = fig.data[0]
    assert list(hm.y) == ["Bo", "Ann"] and list(hm.x) == ["10/2026", "11/2026"]
    assert [list(r) for r in hm.z] == [[None, 1.2], [0.8, None]]
    # Bo's October: 10 won, no target -> "no target"; Ann's November not started -> blank
    assert [list(r) for r in hm.text] == [["no target", "120.0%"], ["80.0%", ""]]
    assert (hm.zmin, hm.zmax) == (ac.HEAT_LOW, ac.HEAT_HIGH)


def test_pace_bullet_and_monthly_trend():
    row = {"actual": 40.0, "target": 100.0, "expected_to_date": 60.0, "pace_status": "behind"}
    fig = ac.pace_bullet(row, labels={"actual": "A", "target": "T", "pace": "P"}, money=money)
    assert list(fig.data[0].x) == [40.0] and fig.data[0].marker.color == PACE_STATUS_COLOURS["behind"]
    assert sorted(s.x0 for s in fig.layout.shapes) == [60.0, 100.0]  # pace marker and target line
    no_target = ac.pace_bullet({"actual": 40.0, "target": math.nan, "expected_to_date": math.nan,
                                "pace_status": "no_target"}, labels={"actual": "A", "target": "T", "pace": "P"},
                               money=money)
    assert not no_target.layout.shapes
    trend = pd.DataFrame({"month": pd.to_datetime(["2026-10-01", "2026-11-01"]),
                          "target": [math.nan, 50.0], "actual": [20.0, 60.0], "attainment": [math.nan, 1.2]})
    fig = ac.monthly_trend(trend, month_label=lambda m: f"{m.month}", labels={"actual": "A", "target": "T"},
                           money=money)
    assert [tr.type for tr in fig.data] == ["bar", "scatter"]
    assert list(fig.data[0].y) == [20.0, 60.0]
    assert math.isnan(fig.data[1].y[0]) and fig.data[1].y[1] == 50.0  # no target in October: a gap
