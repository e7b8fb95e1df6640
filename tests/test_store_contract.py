"""One contract, two stores: the DuckDB file and PostgreSQL (a real throw-away server, no mocks).

Every test here runs against both (``store`` is parametrised); what differs between them
(the DuckDB file's row-level sharing, lock retries, file damage) is in tests/test_workspace.py,
and PostgreSQL's own (advisory-lock serialisation across processes, COPY, NOTIFY, migration) in
tests/test_store_postgres.py.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd
import pytest

from analytics.store import accounts, audit, snapshots, views
from analytics.store.postgres import PgWorkspace
from analytics.store.settings import DEFAULT_SETTINGS, load_settings, save_settings
from analytics.store.workspace import PublishItem, Workspace

# Values that a careless trip through text would change: empty text against NULL, quotes,
# commas, a newline, non-Latin text, many decimals, a huge and a tiny double, dates, a leading '='.
DEALS = pd.DataFrame({
    "deal_id": ["D1", "D2", "D3", "D4"],
    "rep": ["Ann", "Bo \"the\" closer, Jr.", "王磊", "=cmd"],
    "customer": ["", None, "Line one\nline two", "Ünïcødé"],
    "stage": ["won", "won", "lost", "negotiation"],
    "status": ["won", "won", "lost", "open"],
    "amount": [100.0, 1234567.891011, 1e-9, 9.87654321e15],
    "close_date": pd.to_datetime(["2026-10-03", "2026-10-20", "2026-11-01", None]),
})
TARGETS = pd.DataFrame({"period": ["2026-10"], "rep": ["Ann"], "target": [300.0]})


def deals_item(frame: pd.DataFrame = DEALS, name: str = "deals.csv", mode: str = "replace") -> PublishItem:
    return PublishItem("deals", frame, name, f"hash-{name}-{len(frame)}", mode=mode)


@pytest.fixture(params=["duckdb", "postgres"])
def store(request, _isolated_workspace):
    if request.param == "duckdb":
        return Workspace(_isolated_workspace)
    url = request.getfixturevalue("pg_url")
    return PgWorkspace(url, _isolated_workspace, wait_s=2)


def test_nothing_published_is_a_state_not_an_error(store):
    assert store.status().state in ("none", "empty")
    assert store.current_version() is None
    assert store.tables() == {}
    assert store.history().empty and store.version_list().empty
    con = duckdb.connect()
    assert store.load_into(con) is None


def test_a_publish_reads_back_exactly(store):
    version = store.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")], note="first")
    assert version == 1
    status = store.status()
    assert (status.state, status.version) == ("published", 1)
    got = store.tables()
    def plain(v):
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
            return None
        return pd.Timestamp(v).date() if isinstance(v, (pd.Timestamp, datetime, date)) else v

    for column in DEALS.columns:
        expected = [plain(v) for v in DEALS[column].tolist()]
        actual = [plain(v) for v in got["deals"][column].tolist()]
        assert actual == expected, column
    assert got["targets"]["target"].tolist() == [300.0]
    hist = store.history()
    assert sorted(hist["table_name"]) == ["deals", "targets"]
    assert set(hist["note"]) == {"first"} and set(hist["rows_loaded"]) == {4, 1}


def test_unchanged_tables_are_shared_and_versions_listed(store):
    store.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")])
    more = pd.concat([DEALS, DEALS.assign(deal_id=["D5", "D6", "D7", "D8"])], ignore_index=True)
    store.publish([deals_item(more, "week2.csv")])
    listing = store.version_list().set_index("version")
    assert listing.loc[1, "deals"] == 4 and listing.loc[2, "deals"] == 8
    assert listing.loc[2, "targets"] == 1  # not in the second publish: the first version's table
    assert listing.loc[2, "files"] == "week2.csv" and bool(listing.loc[2, "current"])
    assert store.versions() == [1, 2]


def test_rollback_and_history_in_order(store):
    store.publish([deals_item()])
    store.publish([deals_item(DEALS.head(2), "smaller.csv")])
    store.rollback(1)
    assert store.current_version() == 1
    assert len(store.tables()["deals"]) == 4
    hist = store.history()
    assert list(hist["action"]) == ["rollback", "publish", "publish"]
    store.rollback(2)
    assert len(store.tables()["deals"]) == 2
    with pytest.raises(ValueError):
        store.rollback(99)


def test_append_keeps_published_rows_and_their_files(store):
    store.publish([deals_item()])
    store.publish([deals_item(DEALS.assign(deal_id=["E1", "E2", "E3", "E4"]), "more.csv", "append")])
    origins = store.deal_origins().sort_values("deal_id")
    assert list(origins["deal_id"]) == ["D1", "D2", "D3", "D4", "E1", "E2", "E3", "E4"]
    assert list(origins["source_file"]) == ["deals.csv"] * 4 + ["more.csv"] * 4
    assert set(store.published_hashes()) == {"hash-deals.csv-4", "hash-more.csv-4"}


def test_versions_age_out_unless_pinned(store):
    start = datetime(2026, 1, 1)
    store.publish([deals_item()], now=start)
    store.publish([deals_item(DEALS.head(1), "b.csv")], now=start + timedelta(days=1))
    store.pin(1)
    store.publish([deals_item(DEALS.head(2), "c.csv")], now=start + timedelta(days=200), retention_days=90)
    assert store.versions() == [1, 3]  # 2 was older than 90 days and not pinned; 1 is pinned
    store.pin(1, False)
    store.publish([deals_item(DEALS.head(3), "d.csv")], now=start + timedelta(days=201), retention_days=90)
    assert store.versions() == [3, 4]
    assert store.check().ok
    with pytest.raises(ValueError):
        store.pin(2)


def test_a_failed_publish_changes_nothing(store, monkeypatch):
    import analytics.store.postgres as pg_store
    import analytics.store.workspace as file_store

    store.publish([deals_item()])
    real = file_store._insert_frame

    def fail_on_bad(con, ref, table, frame, file_name):
        if file_name == "bad.csv":  # half-way: targets and part of the deals are written by now
            raise OSError("disk full")
        return real(con, ref, table, frame, file_name)

    monkeypatch.setattr(file_store, "_insert_frame", fail_on_bad)
    monkeypatch.setattr(pg_store, "_insert_frame", fail_on_bad)
    with pytest.raises(OSError):
        store.publish([PublishItem("targets", TARGETS, "t.csv", "t"), deals_item(DEALS, "ok.csv"),
                       deals_item(DEALS, "bad.csv")])
    assert store.current_version() == 1
    assert store.versions() == [1]
    assert len(store.history()) == 1
    assert store.tables()["targets"].empty


def test_publishing_deals_records_a_pipeline_snapshot(store):
    store.publish([deals_item()], snapshot_date=date(2026, 10, 5))
    store.publish([deals_item(DEALS.assign(amount=DEALS["amount"] * 2), "week2.csv")], snapshot_date=date(2026, 10, 12))
    store.publish([PublishItem("targets", TARGETS, "targets.csv", "t1")])  # no deals: no snapshot
    con = duckdb.connect()
    store.load_into(con)
    listing = snapshots.snapshot_list(con)
    assert list(listing["taken_on"].astype(str)) == ["2026-10-05", "2026-10-12"]
    assert list(listing["version"]) == [1, 2] and list(listing["rows"]) == [4, 4]
    snapshots.snapshot_view(con, int(listing["snapshot_id"].iloc[1]), "week2")
    total = con.execute("SELECT sum(amount) FROM week2").fetchall()[0][0]
    assert total == pytest.approx(DEALS["amount"].sum() * 2)
    # unchanged deals are one state each: D1..D4 once per amount, no copy per snapshot
    assert con.execute("SELECT count(*) FROM snap_states").fetchall()[0][0] == 8


def test_check_passes_on_a_healthy_store(store):
    store.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")])
    report = store.check()
    assert report.ok, report.lines
    assert any(what == "current version" for what, _, _ in report.lines)


def test_backup_then_restore_round_trip(store, tmp_path):
    store.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")], snapshot_date=date(2026, 10, 5))
    store.pin(1)
    save_settings(DEFAULT_SETTINGS, store.settings_doc)
    store.settings_doc.write("currency: EUR\n")
    audit.record(store.docs, "ann", "settings.edit", "settings.yaml")
    before = store.tables()
    store.backup(tmp_path / "bk")
    store.publish([deals_item(DEALS.assign(amount=[1.0, 2.0, 3.0, 4.0]), "later.csv")])
    store.settings_doc.write("currency: GBP\n")
    audit.record(store.docs, "bo", "publish", "version 2")
    store.restore(tmp_path / "bk")
    assert store.current_version() == 1 and store.versions() == [1]
    assert bool(store.version_list().loc[0, "pinned"])
    after = store.tables()
    for table in ("deals", "targets"):
        pd.testing.assert_frame_equal(before[table], after[table])
    assert store.settings_doc.read() == "currency: EUR\n"
    assert list(audit.read(store.docs)["who"]) == ["bo", "ann"]  # the audit log is never rolled back
    con = duckdb.connect()
    store.load_into(con)
    assert len(snapshots.snapshot_list(con)) == 1
    assert store.check().ok
    assert store.publish([deals_item(name="after_restore.csv")]) == 2  # the history continues


def test_documents_settings_views_accounts_and_logs(store):
    assert store.settings_doc.read() is None
    assert load_settings(store.settings_doc) == (DEFAULT_SETTINGS, [])
    store.settings_doc.write("fiscal_start_month: 4\n")
    assert load_settings(store.settings_doc)[0].fiscal_start_month == 4
    view = views.make_view("Won by team", "sql", {"xm": "sql", "xq": "SELECT 1"})
    assert views.save_view(store.views_doc, view) is False
    assert [v.name for v in views.list_views(store.views_doc)] == ["Won by team"]
    assert views.delete_view(store.views_doc, "Won by team") is True
    accounts.add(store.docs, "cli", "dora@example.com", "director", "director-pass-1")
    assert [a.login for a in accounts.list_accounts(store.docs)] == ["dora@example.com"]
    assert accounts.team_mode(store.docs)
    assert not isinstance(accounts.verify(store.docs, "dora@example.com", "director-pass-1"), accounts.Refusal)
    assert list(audit.read(store.docs)["action"]) == ["user.add"]


def test_concurrent_appends_and_locked_updates_lose_nothing(store):
    def work(i: int) -> None:
        for j in range(10):
            store.docs.append("audit.jsonl", f'{{"at": "{i}-{j}", "who": "t{i}", "action": "x"}}')
            with store.docs.locked("counter"):
                n = int(store.docs.read("counter") or 0)
                store.docs.write("counter", str(n + 1))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert int(store.docs.read("counter")) == 40
    assert len(store.docs.read("audit.jsonl").splitlines()) == 40


def test_concurrent_publishes_are_serialised(store):
    """Four publishes at once: four versions, in order, each whole."""
    errors: list[BaseException] = []

    def publish(i: int) -> None:
        try:
            frame = DEALS.assign(deal_id=[f"P{i}-{k}" for k in range(4)])
            store.publish([deals_item(frame, f"p{i}.csv")])
        except BaseException as exc:  # noqa: BLE001 — collected and shown below
            errors.append(exc)

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert store.versions() == [1, 2, 3, 4]
    assert sorted(store.history()["file_name"]) == ["p0.csv", "p1.csv", "p2.csv", "p3.csv"]
    assert store.check().ok
