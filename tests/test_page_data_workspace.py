"""The app against a busy or damaged workspace, the session's upload across pages, duplicates
across files, per-table combining with the team's data, and history settings (AppTest; issue 17
items 1–3 and issue 12.5)."""

from __future__ import annotations

import logging

import pytest

from analytics.ingest.importer import import_file
from analytics.store.workspace import PublishItem, Workspace, content_hash
from tests.fixtures import DEALS, assert_clean, start, upload, visible_text
from tests.test_workspace import LockHolder

# The team's tables as the importer makes them (as a publish from the Data page would).
TEAM_DEALS = import_file(b"Deal ID,Owner,Team,Stage,Amount,Close Date\nT1,Tess,North,Won,800,2026-11-04\n",
                         "team_deals.csv")[0].frame
TEAM_TARGETS = import_file(b"Period,Owner,Target\n2026-11,Nia Park,2000\n", "team_targets.csv")[0].frame


def all_text(at) -> str:
    parts = [visible_text(at)] + [str(e.value) for e in at.error]
    return " ".join(parts)


def publish_team(folder) -> Workspace:
    ws = Workspace(folder)
    ws.publish([PublishItem("deals", TEAM_DEALS, "team_deals.csv", "h1"),
                PublishItem("targets", TEAM_TARGETS, "team_targets.csv", "h2")])
    return ws


def upload_many(at, files: list[tuple[str, bytes]]):
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="uploader").set_value([(n, d, "text/csv") for n, d in files]).run()
    return at


# --- faults -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_locked_workspace_says_busy_never_the_sample(_isolated_workspace, monkeypatch, lang):
    monkeypatch.setenv("SALES_WORKSPACE_WAIT_S", "0.3")
    monkeypatch.setenv("SALES_BUSY_RETRY_S", "1.5")
    ws = publish_team(_isolated_workspace)
    holder = LockHolder(ws.db_path, 120)
    try:
        at = start({"lang": lang})
        assert not at.exception
        text = all_text(at)
        assert "Sample company" not in text and "示例公司" not in text
        assert not at.metric  # no figures of any data
        warning = " ".join(w.value for w in at.warning)
        assert f"PID {holder.proc.pid}" in warning
        assert ("still busy" in warning) if lang == "en" else ("仍然被占用" in warning)
    finally:
        holder.release()
    at.button[0].click().run()  # "Try again": the lock has cleared, seen at once
    assert_clean(at)
    assert at.session_state["_context"].source.kind == "workspace"
    assert at.session_state["_context"].source.version == 1


def test_lock_that_clears_while_retrying_shows_the_team_data(_isolated_workspace, monkeypatch):
    import threading

    monkeypatch.setenv("SALES_WORKSPACE_WAIT_S", "0.3")
    monkeypatch.setenv("SALES_BUSY_RETRY_S", "30")
    ws = publish_team(_isolated_workspace)
    holder = LockHolder(ws.db_path, 120)
    threading.Timer(2.0, holder.release).start()
    at = start()
    assert_clean(at)
    assert at.session_state["_context"].source.kind == "workspace"
    assert "Sample company" not in all_text(at)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_damaged_workspace_stops_with_the_file_and_restore_command(_isolated_workspace, caplog, lang):
    ws = publish_team(_isolated_workspace)
    ws.db_path.write_bytes(ws.db_path.read_bytes()[:4096])
    with caplog.at_level(logging.ERROR, logger="sales"):
        at = start({"lang": lang})
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert str(ws.db_path) in errors and "python -m analytics workspace restore" in errors
    assert "Sample company" not in all_text(at) and not at.metric
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and str(ws.db_path) in logged[0].getMessage()  # with its stack trace


# --- the session's upload ---------------------------------------------------------------------------

def test_upload_survives_going_to_another_page_and_back():
    at = upload(start(), "deals.csv", DEALS)
    key = at.session_state["session_upload"].key
    at.switch_page("pages/overview.py").run()
    assert at.session_state["_context"].source.kind == "session"
    at.switch_page("pages/data.py").run()
    assert_clean(at)
    assert at.session_state["session_upload"].key == key
    assert at.session_state["_context"].source.kind == "session"
    assert any("Your upload is kept" in i.value and "deals.csv" in i.value for i in at.info)
    at.switch_page("pages/funnel.py").run()
    assert at.session_state["_context"].source.kind == "session"
    at.switch_page("pages/data.py").run()
    next(b for b in at.button if b.label == "Clear upload").click().run()
    assert "session_upload" not in at.session_state
    assert at.session_state["_context"].source.kind == "sample"


def test_deals_only_upload_never_shows_sample_reps_or_targets():
    at = upload(start(), "deals.csv", DEALS)
    at.switch_page("pages/overview.py").run()
    assert_clean(at)
    ctx = at.session_state["_context"]
    assert ctx.source.origins["deals"] == "upload" and ctx.source.origins["targets"] == "none"
    assert at.session_state["_catalog"].dimension_values["rep"] == ("Nia Park",)
    banner = " ".join(w.value for w in at.warning)
    assert "Deals: your upload" in banner and "not loaded: Targets" in banner
    at.switch_page("pages/data.py").run()
    assert any("sample company is never mixed in" in c.value for c in at.caption)
    assert not [tg for tg in at.toggle if tg.key and tg.key.startswith("use_team:")]


def test_team_targets_join_an_upload_only_when_switched_on(_isolated_workspace):
    publish_team(_isolated_workspace)
    at = upload(start(), "deals.csv", DEALS)
    assert at.session_state["_context"].source.origins["targets"] == "none"
    at.toggle(key="use_team:targets").set_value(True).run()
    assert_clean(at)
    source = at.session_state["_context"].source
    assert source.origins["targets"] == "team" and source.origins["deals"] == "upload"
    banner = " ".join(w.value for w in at.warning)
    assert "Targets: team's published data (version 1)" in banner
    at.switch_page("pages/overview.py").run()
    assert_clean(at)
    table = next(df.value for df in at.dataframe if "Sales rep" in df.value.columns)
    assert table["Sales rep"].tolist() == ["Nia Park"]  # the team's deals (Tess) stay out
    nia = table.iloc[0]
    assert nia["Target"] == 2000 and nia["Actual"] == 1000 and nia["Attainment"] == pytest.approx(0.5)
    # the choice is kept across pages too, and can be switched off again
    at.switch_page("pages/data.py").run()
    assert at.toggle(key="use_team:targets").value is True
    at.toggle(key="use_team:targets").set_value(False).run()
    assert at.session_state["_context"].source.origins["targets"] == "none"


# --- duplicates ---------------------------------------------------------------------------------------

FIRST = b"Deal ID,Owner,Stage,Amount,Close Date\nA1,Ann,Won,100,2026-11-03\nA2,Bo,Won,250,2026-11-20\n"
SECOND = b"Deal ID,Owner,Stage,Amount,Close Date\nB1,Cy,Won,70,2026-11-04\nA2,Bo,Won,250,2026-11-20\n"


def test_deal_ids_repeated_across_files_of_one_upload_are_rejected():
    at = upload_many(start(), [("first.csv", FIRST), ("second.csv", SECOND)])
    assert not at.exception
    rejected = [df.value for df in at.dataframe if "reason" in df.value.columns]
    assert len(rejected) == 1
    assert rejected[0]["row"].tolist() == [3]
    assert rejected[0]["reason"].tolist() == ["duplicate of first.csv row 3 (same deal ID)"]
    deals = at.session_state["session_upload"].tables["deals"]
    assert sorted(deals["deal_id"]) == ["A1", "A2", "B1"]  # 250 counted once


def test_the_same_export_under_two_names_counts_once():
    at = upload_many(start(), [("export.csv", FIRST), ("export (1).csv", FIRST)])
    deals = at.session_state["session_upload"].tables["deals"]
    assert len(deals) == 2 and deals["amount"].sum() == 350


def test_a_file_already_published_is_flagged_before_publishing(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([PublishItem("deals", TEAM_DEALS, "october.csv", content_hash(FIRST))])
    at = upload_many(start(), [("renamed.csv", FIRST)])
    flags = [w.value for w in at.warning if "same content" in w.value]
    assert flags and "october.csv" in flags[0] and "version 1" in flags[0]


def test_append_rejects_ids_already_published(_isolated_workspace):
    at = upload_many(start(), [("first.csv", FIRST)])
    next(b for b in at.button if b.label == "Publish to team").click().run()
    assert Workspace(_isolated_workspace).current_version() == 1
    at.file_uploader(key="uploader").set_value([("second.csv", SECOND, "text/csv")]).run()
    at.radio(key="publish_mode").set_value("append").run()
    rejected = [df.value for df in at.dataframe if "reason" in df.value.columns]
    assert rejected and rejected[0]["reason"].tolist() == ["duplicate of first.csv row 3 (same deal ID)"]
    next(b for b in at.button if b.label == "Publish to team").click().run()
    assert sorted(Workspace(_isolated_workspace).tables()["deals"]["deal_id"]) == ["A1", "A2", "B1"]


def test_publish_while_locked_names_the_holder_and_changes_nothing(_isolated_workspace, monkeypatch):
    monkeypatch.setenv("SALES_WORKSPACE_WAIT_S", "0.5")
    ws = publish_team(_isolated_workspace)
    at = upload_many(start(), [("first.csv", FIRST)])
    holder = LockHolder(ws.db_path, 120)
    try:
        next(b for b in at.button if b.label == "Publish to team").click().run()
        errors = " ".join(e.value for e in at.error)
    finally:
        holder.release()
    assert "Publishing failed" in errors and f"PID {holder.proc.pid}" in errors
    assert ws.current_version() == 1


# --- history and settings ---------------------------------------------------------------------------

def test_history_tab_lists_versions_and_settings_pin_and_retention(_isolated_workspace):
    ws = publish_team(_isolated_workspace)
    ws.publish([PublishItem("deals", TEAM_DEALS.assign(amount=[900.0]), "week2.csv", "h3")])
    at = start()
    at.switch_page("pages/data.py").run()
    assert_clean(at)
    table = next(df.value for df in at.dataframe if "Pinned" in df.value.columns)
    assert table["Version"].tolist() == [2, 1]
    assert table["Files"].tolist() == ["week2.csv", "team_deals.csv, team_targets.csv"]
    assert table["Targets"].tolist() == [1, 1]
    at.switch_page("pages/settings.py").run()
    assert_clean(at)
    pins = next(m for m in at.multiselect if m.label.startswith("Pinned versions"))
    pins.set_value([1])
    next(b for b in at.button if b.label == "Save pins").click().run()
    assert_clean(at)
    assert ws.version_list().set_index("version")["pinned"].to_dict() == {1: True, 2: False}
    retention = next(n for n in at.number_input if n.label.startswith("Keep versions"))
    retention.set_value(30)
    next(b for b in at.button if b.label == "Save settings").click().run()
    assert_clean(at)
    assert at.session_state["_context"].settings.retention_days == 30
