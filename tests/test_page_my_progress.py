"""The My progress page (AppTest): the rep in the link, attainment against pace, the gap and what
closes it, the rank that can be hidden, follow-ups, and the "no target" state.

Expected figures come from ``analytics`` called directly on the sample company
(``SALES_TODAY=2026-11-30``: the default period is Nov 2026, which is over on that day).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.attainment import attainment, open_deals_for_gap
from analytics.metrics.customers import overdue_followups
from analytics.periods import month_period
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import DEALS, assert_clean, start, upload, visible_text
from ui import format as fmt

NOV = month_period(date(2026, 11, 1))
OCT = month_period(date(2026, 10, 1))
AS_OF = date(2026, 11, 30)
PAGE = "pages/my_progress.py"


@pytest.fixture(scope="module")
def con():
    return load_sample().connect()


def rep_row(con, rep: str, period=NOV) -> dict:
    return attainment(con, period, "rep", Filters(rep=(rep,)), as_of=AS_OF).iloc[0].to_dict()


def open_page(query: dict[str, str] | None = None):
    at = start(query)
    at.switch_page(PAGE).run()
    assert_clean(at)
    return at


def cards(at) -> dict[str, object]:
    return {m.label: m for m in at.metric}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_my_progress_opens_in_both_languages(lang):
    # the Chinese view opens the Chinese sample, where Chen Jing is 陈静 with the same figures
    at = open_page({"lang": lang, "me": "Chen Jing" if lang == "en" else "陈静"})
    assert at.title[0].value == ("My progress · Nov 2026" if lang == "en" else "我的进度 · 2026年11月")
    text = visible_text(at)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) == (lang == "zh")
    label = "Attainment" if lang == "en" else "达成率"
    assert cards(at)[label].value == "199.9%"


def test_chen_jing_shows_her_attainment(con):
    at = open_page({"me": "Chen Jing"})
    row = rep_row(con, "Chen Jing")
    # 201,940 won / 101,000 target = 1.99941 -> 199.9 %; the month is over, so pace = target and
    # she is 199.9 - 100.0 = +99.9 points ahead
    c = cards(at)
    assert c["Attainment"].value == fmt.pct(row["attainment"]) == "199.9%"
    assert c["Attainment"].delta == "+99.9 pts vs pace"
    assert c["Won so far"].value == "$201.9K" and c["Target"].value == "$101.0K"
    assert c["Days left in the period"].value == "0"
    assert c["Gap to target"].value == "Target met"
    assert c["Gap to target"].delta == "$100.9K above target"  # 201,940 - 101,000 = 100,940
    assert any("Ahead of pace" in m.value for m in at.markdown)  # the pace badge


def test_switching_period_changes_her_attainment(con):
    at = open_page({"me": "Chen Jing"})
    at.sidebar.selectbox(key="p").set_value("2026-10").run()
    assert_clean(at)
    # October: 109,600 / 95,000 = 1.15368 -> 115.4 %
    assert cards(at)["Attainment"].value == fmt.pct(rep_row(con, "Chen Jing", OCT)["attainment"]) == "115.4%"
    assert at.selectbox(key="me").value == "Chen Jing"


def test_the_gap_and_what_closes_it(con):
    at = open_page({"me": "David Kim"})
    row = rep_row(con, "David Kim")
    c = cards(at)
    # 46,455 / 96,000 = 48.4 %; gap 96,000 - 46,455 = 49,545
    assert c["Attainment"].value == "48.4%" and c["Gap to target"].value == "$49.5K" == fmt.money(row["gap"], "USD", "en")
    # deals still to win: 49,545 / 9,291 average won deal = 5.33 -> 6;
    # at his win rate 5 / 26 = 0.1923: 6 / 0.1923 = 31.2 -> 32 deals to work
    assert c["Deals still to win"].value == "6" == str(row["deals_needed"])
    assert c["Deals to work at your win rate"].value == "32" == str(row["deals_needed_at_win_rate"])
    # the month is over with a gap: no "per remaining day" figure (NaN shown as a dash, not 0)
    assert c["Needed per remaining day"].value == "–"
    deals = open_deals_for_gap(con, NOV, "David Kim")
    table = next(df.value for df in at.dataframe if "Weighted value" in df.value.columns)
    assert table["Deal"].tolist() == deals["deal_id"].tolist() == ["D-14463"]
    assert table["Weighted value"].tolist() == pytest.approx([4_940 * 0.6])  # Negotiation at 60 %


def test_open_deals_sorted_by_weighted_value_in_a_quarter(con):
    at = open_page({"me": "James Carter", "pk": "quarter"})
    table = next(df.value for df in at.dataframe if "Weighted value" in df.value.columns)
    weighted = table["Weighted value"].dropna().tolist()
    assert weighted == sorted(weighted, reverse=True) and weighted[0] == pytest.approx(51_120 * 0.6)
    # Q4 is 92 days and 61 have passed on 30 Nov: 31 left
    assert cards(at)["Days left in the period"].value == "31"


def test_rank_among_peers_can_be_hidden(con):
    at = open_page({"me": "David Kim"})
    reps = attainment(con, NOV, "rep", as_of=AS_OF)
    # David Kim's 48.4 % is the lowest of the 12 reps with a target
    assert reps["attainment"].rank(ascending=False, method="min")[reps["rep"] == "David Kim"].iloc[0] == 12
    assert cards(at)["Rank among 12 peers"].value == "#12"
    at.toggle(key="rank").set_value(False).run()
    assert_clean(at)
    assert not any(label.startswith("Rank among") for label in cards(at))
    assert at.query_params["rank"] == "0"
    west = open_page({"me": "David Kim", "team": "West"})  # peers are the filtered team's 4 reps
    assert cards(west)["Rank among 4 peers"].value == "#4"


def test_rep_defaults_to_the_rep_filter_else_the_first_alphabetically():
    assert open_page().selectbox(key="me").value == "Chen Jing"
    assert open_page({"rep": "Wang Lei"}).selectbox(key="me").value == "Wang Lei"


def test_followups_due_this_week(con):
    at = open_page({"me": "Chen Jing"})
    due = overdue_followups(con, AS_OF, rep="Chen Jing", horizon_days=7)
    table = next(df.value for df in at.dataframe if "Follow-up date" in df.value.columns)
    # Northwind Electronics Co's follow-up was due on 25 Nov: 5 days overdue on 30 Nov
    assert table["Customer"].tolist() == due["customer"].tolist() == ["Northwind Electronics Co"]
    assert table["Days overdue (negative: due in)"].tolist() == [5]
    nothing = open_page({"me": "David Kim"})
    assert any("Nothing is overdue" in c.value for c in nothing.caption)


def test_uploaded_rep_without_target_shows_no_target():
    at = upload(start(), "deals.csv", DEALS)
    at.switch_page(PAGE).run()
    at.selectbox(key="me").set_value("Nia Park").run()
    assert_clean(at)
    c = cards(at)
    assert c["Attainment"].value == "no target" and c["Target"].value == "no target"
    assert c["Won so far"].value == "1,000"  # the file names no currency (the sample's is never borrowed)
    # a deals-only upload has no targets at all (never the sample's): said once, at the top
    assert sum("No targets loaded" in m.value for m in at.markdown) == 1
    assert not any("No target for this rep" in i.value for i in at.info)
    assert any("No target" in m.value for m in at.markdown)  # the badge says so, never 0 %


def test_no_targets_and_no_activities_say_so(_isolated_workspace):
    deals = pd.DataFrame({"deal_id": ["N1"], "rep": ["Nia Park"], "team": ["North"], "status": ["won"],
                          "stage": ["Won"], "amount": [1000.0], "close_date": [date(2026, 11, 2)]})
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals, "deals.csv", "h1")])
    at = open_page()
    info = " ".join(i.value for i in at.info)
    assert "No activities are loaded" in info
    assert sum("No targets loaded" in m.value for m in at.markdown) == 1
    assert cards(at)["Attainment"].value == "no target"
    assert not any(label.startswith("Rank among") for label in cards(at))  # nobody to rank against
