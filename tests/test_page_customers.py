"""The Customers & follow-ups page in-process (AppTest) against ``analytics.metrics.customers``.

Expected values come from calling the analytics directly on the page's own data, as-of date,
filters and settings (read back from its context). AppTest runs cost about 1–2 s each, so each
test checks several things of one session.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analytics.metrics.customers import (
    customer_table,
    customer_timeline,
    followup_coverage,
    overdue_followups,
)
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import assert_clean, start, visible_text
from ui.components import PAGE_ROWS
from ui.i18n import t


def _page(query: dict[str, str] | None = None):
    at = start(query)
    at.switch_page("pages/customers.py").run()
    assert_clean(at)
    return at


def _frame(at, *columns: str) -> pd.DataFrame:
    """The first table on the page that has all of ``columns``."""
    return next(df.value for df in at.dataframe if set(columns) <= set(df.value.columns))


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_customer_list_and_follow_ups_equal_the_analytics():
    at = _page({"lang": "en"})
    assert "Customers & follow-ups" in visible_text(at)
    ctx = at.session_state["_context"]
    assert ctx.as_of == date(2026, 11, 30)
    expected = customer_table(ctx.con.cursor(), ctx.as_of, ctx.filters, ctx.settings)
    shown = _frame(at, "customer", "lifetime_won")
    # a page of rows reaches the browser (the sample has more customers than that), with the count
    assert len(expected) > PAGE_ROWS and len(shown) == PAGE_ROWS
    first = expected.head(PAGE_ROWS)
    assert shown["customer"].tolist() == first["customer"].tolist()  # largest lifetime revenue first
    assert shown["lifetime_won"].tolist() == first["lifetime_won"].tolist()
    assert f"The first {PAGE_ROWS} of {len(expected):,} rows are shown" in " ".join(c.value for c in at.caption)
    assert _metric(at, "Customers") == f"{len(expected):,}"
    # follow-ups: overdue (date before as_of) and due within 7 days, as overdue_followups says
    due = overdue_followups(ctx.con.cursor(), ctx.as_of, ctx.filters, horizon_days=7)
    overdue = due[due["days_overdue"] > 0]
    assert _metric(at, "Overdue follow-ups") == str(len(overdue))
    assert _metric(at, "Due in the next 7 days") == str(len(due) - len(overdue))
    listed = _frame(at, "customer", "when")
    assert listed["customer"].tolist() == overdue["customer"].tolist()
    assert listed["when"].tolist() == [f"{d} days overdue" for d in overdue["days_overdue"]]
    # coverage of won customers per rep, window from the settings
    coverage = followup_coverage(ctx.con.cursor(), ctx.period, ctx.filters, ctx.settings, as_of=ctx.as_of)
    shown_cov = _frame(at, "rep", "coverage")
    assert shown_cov["coverage"].tolist() == coverage["coverage"].tolist()


def test_page_opens_in_chinese_with_translated_timeline_events():
    at = _page({"lang": "zh"})
    text = visible_text(at)
    assert "客户与跟进" in text and "Customers & follow-ups" not in text
    timeline = _frame(at, "kind", "event")
    assert set(timeline["kind"]) <= {"商机", "跟进", "问卷"}
    assert "Call" not in set(timeline["event"]) and "created" not in set(timeline["event"])


def test_filter_and_search_change_the_list():
    at = _page()
    at.sidebar.multiselect(key="team").set_value(["East"]).run()
    assert_clean(at)
    ctx = at.session_state["_context"]
    expected = customer_table(ctx.con.cursor(), ctx.as_of, ctx.filters, ctx.settings)
    everyone = customer_table(ctx.con.cursor(), ctx.as_of)
    assert 0 < len(expected) < len(everyone)
    assert len(_frame(at, "customer", "lifetime_won")) == min(len(expected), PAGE_ROWS)
    at.text_input(key="cfind").input("hospital").run()
    found = _frame(at, "customer", "lifetime_won")
    assert len(found) == int(expected["customer"].str.lower().str.contains("hospital").sum()) > 0
    assert all("hospital" in c.lower() for c in found["customer"])


def test_the_timeline_shows_the_chosen_customers_deals():
    at = _page()
    ctx = at.session_state["_context"]
    table = customer_table(ctx.con.cursor(), ctx.as_of, ctx.filters, ctx.settings)
    name = table["customer"].iloc[3]
    at.selectbox(key="cust").set_value(name).run()
    assert_clean(at)
    assert at.query_params["cust"] == name
    everything = customer_timeline(ctx.con.cursor(), name)
    expected = everything.head(PAGE_ROWS)  # the first page of events, latest first
    shown = _frame(at, "kind", "event", "deal_id")
    assert len(shown) == len(expected) > 0
    if len(everything) > PAGE_ROWS:
        assert f"of {len(everything):,} rows are shown" in " ".join(c.value for c in at.caption)
    deals = expected[expected["kind"] == "deal"]
    assert shown.loc[shown["kind"] == "Deal", "deal_id"].tolist() == deals["deal_id"].tolist()
    assert set(shown.loc[shown["kind"] == "Deal", "event"]) <= {"Deal created", "Won", "Lost",
                                                                "Open (no created date)"}
    assert _metric(at, "Open deals") == str(int(table["open_deals"].iloc[3]))


def test_without_activities_the_page_says_which_file_to_upload(_isolated_workspace):
    deals = pd.DataFrame({"deal_id": ["D1", "D2"], "customer": ["Acme", "Birch"], "rep": ["Ann", "Ann"],
                          "status": ["won", "open"], "amount": [100.0, 50.0],
                          "created_date": [date(2026, 10, 1), date(2026, 11, 1)],
                          "close_date": [date(2026, 11, 10), date(2026, 12, 15)]})
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals, "deals.csv", "h1")])
    at = _page({"lang": "en"})
    assert at.session_state["_catalog"].rows["activities"] == 0
    assert t("customers.no_activities", "en") in [i.value for i in at.info]
    assert len(_frame(at, "customer", "lifetime_won")) == 2  # the customers are still listed
    at.sidebar.selectbox(key="lang").set_value("zh").run()
    assert_clean(at)
    assert t("customers.no_activities", "zh") in [i.value for i in at.info]
