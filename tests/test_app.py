"""The app in-process (AppTest): every page in both languages, filters in the URL, uploads,
publish and rollback, and two sessions that never see each other's uploads."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.store.workspace import PublishItem, Workspace
from tests.conftest import dataset
from tests.fixtures import DEALS, assert_clean, start, upload, visible_text

PAGES = ["overview", "my_progress", "funnel", "segments", "kpi_rewards", "customers", "pipeline_changes", "data",
         "explore", "settings"]


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_in_every_language(page, lang):
    at = start({"lang": lang})
    assert_clean(at)
    at.switch_page(f"pages/{page}.py").run()
    assert_clean(at)
    text = visible_text(at)
    has_chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert has_chinese == (lang != "en")


def test_language_switch_changes_labels():
    at = start({"lang": "en"})
    labels_en = [m.label for m in at.sidebar.multiselect]
    at.sidebar.selectbox(key="lang").set_value("zh").run()
    labels_zh = [m.label for m in at.sidebar.multiselect]
    assert "Team" in labels_en and "团队" in labels_zh
    assert at.query_params["lang"] == "zh"


def test_filters_live_in_the_url_and_round_trip():
    at = start()
    at.sidebar.multiselect(key="team").set_value(["East"]).run()
    at.sidebar.selectbox(key="p").set_value("2026-10").run()
    assert at.query_params["team"] == "East" and at.query_params["p"] == "2026-10"
    again = start({"team": "East", "p": "2026-10"})
    assert again.sidebar.multiselect(key="team").value == ["East"]
    assert again.sidebar.selectbox(key="p").value == "2026-10"


def test_invalid_link_values_are_ignored_with_a_note():
    at = start({"team": "Nowhere", "p": "1999-01", "pk": "decade"})
    assert_clean(at)
    notes = " ".join(c.value for c in at.caption)
    assert "team=Nowhere" in notes and "p=1999-01" in notes and "pk=decade" in notes
    assert at.sidebar.multiselect(key="team").value == []


def test_upload_shows_report_and_is_private_to_the_session():
    a = upload(start(), "deals.csv", DEALS)
    assert_clean(a)
    metrics = {m.label: m.value for m in a.metric}
    assert metrics["Rows read"] == "2" and metrics["Loaded"] == "1" and metrics["Rejected"] == "1"
    assert any("negative" in str(df.value.values.tolist()) for df in a.dataframe)
    assert a.session_state["_context"].source.kind == "session"
    b = start()
    assert b.session_state["_context"].source.kind == "sample"
    assert "Nia Park" not in b.session_state["_catalog"].dimension_values["rep"]


def test_publish_then_rollback(_isolated_workspace):
    a = upload(start(), "deals.csv", DEALS)
    publish = next(b for b in a.button if b.label == "Publish to team")
    publish.click().run()
    assert_clean(a)
    ws = Workspace(_isolated_workspace)
    assert ws.current_version() == 1
    b = start()
    assert b.session_state["_context"].source.kind == "workspace"
    assert "Nia Park" in b.session_state["_catalog"].dimension_values["rep"]
    # publish a second version, then roll back to the first
    ws.publish([PublishItem("deals", pd.DataFrame({"deal_id": ["Z1"], "rep": ["Zed"], "status": ["won"],
                                                   "amount": [1.0]}), "second.csv", "h2")])
    assert ws.current_version() == 2
    c = start()
    c.switch_page("pages/data.py").run()
    c.selectbox(key="rollback_to").set_value(1).run()
    next(x for x in c.button if x.label == "Restore").click().run()
    assert_clean(c)
    assert ws.current_version() == 1
    assert set(ws.history()["action"]) == {"publish", "rollback"}


@pytest.mark.real_data
def test_maven_upload_through_the_data_page():
    path = dataset("maven-crm/sales_pipeline.csv")
    at = upload(start(), path.name, path.read_bytes())
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Rows read"] == "8,800" and metrics["Loaded"] == "8,800"


def test_mapping_is_corrected_in_place_on_the_data_page():
    odd = b"Deal ID,Owner,Stage,Worth,Close Date\nM1,Ann,Won,100,2026-11-02\nM2,Bob,Won,50,2026-11-03\n"
    at = upload(start(), "odd.csv", odd)
    assert_clean_but_errors = [e.value for e in at.error]
    assert any("amount" in e for e in assert_clean_but_errors)  # the missing column is named
    worth = at.selectbox(key="map:" + _digest(odd) + ":odd.csv:3")
    assert worth.label == "Worth" and worth.value == ""
    worth.set_value("amount").run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Loaded"] == "2" and metrics["Rejected"] == "0"
    assert at.session_state["_context"].con.execute("SELECT sum(amount) FROM deals").fetchall()[0][0] == 150


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
