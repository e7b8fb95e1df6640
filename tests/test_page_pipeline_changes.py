"""The Pipeline changes page on the sample company's year of weekly snapshots (AppTest)."""

from __future__ import annotations

from datetime import date

import pytest

from analytics.metrics.changes import compare_snapshots, window_for
from analytics.store import snapshots
from analytics.store.sources import load_sample
from tests.fixtures import assert_clean, start


@pytest.fixture(scope="module")
def sample_con():
    con = load_sample().connect()
    snapshots.sample_history(con, snapshots.sample_history_end(con))
    return con


def test_the_sample_has_a_year_of_weekly_snapshots_that_share_unchanged_rows(sample_con):
    index = snapshots.snapshot_list(sample_con)
    assert len(index) == 52
    assert (index["taken_on"].diff().dropna().dt.days == 7).all()
    members = sample_con.execute("SELECT count(*) FROM snap_members").fetchall()[0][0]
    states = sample_con.execute("SELECT count(*) FROM snap_states").fetchall()[0][0]
    assert members == index["rows"].sum()
    assert states < members / 10  # unchanged rows are stored once


def test_the_latest_week_balances_and_has_pushes_and_wins(sample_con):
    ids = snapshots.snapshot_list(sample_con)["snapshot_id"].tolist()
    r = compare_snapshots(sample_con, ids[-2], ids[-1], "month")
    assert r.balanced
    assert r.amount("pushed_out") > 0 and r.amount("won") > 0
    assert r.by_rep["pushed_deals"].sum() == int(r.buckets.set_index("bucket").loc["pushed_out", "deals"])


def test_window_for():
    assert window_for("month", date(2026, 11, 30)) == (date(2026, 11, 1), date(2026, 11, 30))
    assert window_for("quarter", date(2026, 11, 30)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert window_for("quarter", date(2026, 2, 3)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert window_for("all", date(2026, 11, 30)) is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_shows_the_waterfall_and_the_tables(lang):
    at = start({"lang": lang})
    at.switch_page("pages/pipeline_changes.py").run()
    assert_clean(at)
    labels = [m.label for m in at.metric]
    start_label = "Start" if lang == "en" else "期初"
    assert start_label in labels
    assert len(at.dataframe) >= 2  # pushes by rep, serial slips (and a deal's history)


def test_the_window_and_snapshots_come_from_the_link():
    at = start({"lang": "en", "cw": "all", "cb": "1", "ca": "52"})
    at.switch_page("pages/pipeline_changes.py").run()
    assert_clean(at)
    assert at.query_params["cw"] == ["all"] or at.query_params["cw"] == "all"


def test_latest_change_compares_the_two_newest_snapshots(sample_con):
    from analytics.metrics.changes import latest_change

    latest = latest_change(sample_con)
    assert (latest.after - latest.before).days == 7
    ids = snapshots.snapshot_list(sample_con)["snapshot_id"].tolist()
    same = compare_snapshots(sample_con, ids[-2], ids[-1], "month")
    assert latest.result.buckets.equals(same.buckets)


@pytest.mark.parametrize(("lang", "words"), [("en", ("Since", "pushed out")), ("zh", ("自", "推迟移出"))])
def test_overview_says_what_moved_since_the_last_snapshot(lang, words):
    at = start({"lang": lang})
    assert_clean(at)
    line = next((c.value for c in at.caption if words[0] in c.value and words[1] in c.value), None)
    assert line is not None, [c.value for c in at.caption]


# --- a deal's history, reachable from the deal tables (issue 15.3) -----------------------------------

def test_a_link_opens_any_deals_history_even_one_that_did_not_move(sample_con):
    from analytics.metrics.changes import stored_deal_history

    # a deal of the first weekly export, long closed: not among the latest week's movements
    first = int(snapshots.snapshot_list(sample_con)["snapshot_id"].iloc[0])
    snapshots.snapshot_view(sample_con, first, "_first")
    deal = sample_con.execute("SELECT min(deal_id) FROM _first WHERE status <> 'open'").fetchall()[0][0]
    expected = stored_deal_history(sample_con, deal)
    assert len(expected) >= 2
    at = start({"lang": "en", "cdeal": deal})
    at.switch_page("pages/pipeline_changes.py").run()
    assert_clean(at)
    assert at.selectbox(key="cdeal").value == deal
    history = at.dataframe[-1].value
    assert len(history) == len(expected)
    assert history["amount"].tolist() == expected["amount"].tolist()


def test_the_funnels_deal_list_links_each_deal_to_its_history():
    from urllib.parse import parse_qs, urlsplit

    at = start({"lang": "zh"})
    at.switch_page("pages/funnel.py").run()
    at.selectbox(key="fstage").set_value("negotiation").run()
    assert_clean(at)
    shown = next(df.value for df in at.dataframe if "deal_id" in df.value.columns)
    assert len(shown) > 0
    for deal, link in zip(shown["deal_id"], shown["history"], strict=True):
        parts = urlsplit(link)
        assert parts.path == "pipeline_changes"
        assert parse_qs(parts.query) == {"cdeal": [deal], "lang": ["zh"]}


def test_history_links_encode_the_id():
    import pandas as pd

    from ui.changes import with_history_links

    frame = with_history_links(pd.DataFrame({"deal_id": ["A&B=1 #x<y>", None, " "]}))
    assert frame["history"].iloc[0].startswith("pipeline_changes?cdeal=A%26B%3D1+%23x%3Cy%3E&lang=")
    assert frame["history"].iloc[1:].isna().all()  # no id, no link
