"""The team's workspace: written state, lock and damage faults, history by age, shared tables,
checksums, backup and restore (issue 17 items 1 and 2)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.store.sources import load_default
from analytics.store.workspace import (
    RESTORE_COMMAND,
    PublishItem,
    Workspace,
    WorkspaceBusy,
    WorkspaceCorrupt,
)

DEALS = pd.DataFrame({"deal_id": ["D1", "D2"], "rep": ["Ann", "Bo"], "stage": ["won", "won"],
                      "status": ["won", "won"], "amount": [100.0, 250.0],
                      "close_date": pd.to_datetime(["2026-10-03", "2026-10-20"])})
TARGETS = pd.DataFrame({"period": ["2026-10"], "rep": ["Ann"], "target": [300.0]})


def deals_item(frame: pd.DataFrame = DEALS, name: str = "deals.csv", mode: str = "replace") -> PublishItem:
    return PublishItem("deals", frame, name, f"hash-{name}-{len(frame)}", mode=mode)


class LockHolder:
    """Another process holding the workspace file open for writing (a second app, a backup job)."""

    def __init__(self, path: Path, seconds: float):
        code = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
                "time.sleep(float(sys.argv[2]))")
        self.proc = subprocess.Popen([sys.executable, "-c", code, str(path), str(seconds)], stdout=subprocess.PIPE,
                                     text=True)
        assert self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        self.proc.kill()
        self.proc.wait()


def test_nothing_published_is_a_written_state(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    assert ws.status().state == "none"  # no file at all
    ws.create()
    assert ws.status().state == "empty"
    assert ws.current_version() is None
    ws.publish([deals_item()])
    assert ws.status().state == "published" and ws.current_version() == 1


def test_locked_workspace_is_retried_then_named_and_noticed_once_free(_isolated_workspace):
    ws = Workspace(_isolated_workspace, wait_s=0.8)
    ws.publish([deals_item()])
    holder = LockHolder(ws.db_path, 60)
    try:
        with pytest.raises(WorkspaceBusy) as caught:
            ws.status()
        assert caught.value.attempts >= 4  # 50, 100, 200, 400 ms backoff
        assert f"PID {holder.proc.pid}" in (caught.value.holder or "")
        assert "busy" in caught.value.problem.text("en") and "占用" in caught.value.problem.text("zh")
        # The CLI's and the app's loader never fall back to the sample on a lock.
        with pytest.raises(WorkspaceBusy):
            load_default(ws)
    finally:
        holder.release()
    assert ws.status().version == 1  # the very next call sees the lock gone


def test_publish_waits_for_a_lock_that_clears(_isolated_workspace):
    ws = Workspace(_isolated_workspace, wait_s=10)
    ws.publish([deals_item()])
    holder = LockHolder(ws.db_path, 60)
    threading.Timer(1.0, holder.release).start()
    started = time.monotonic()
    version = ws.publish([deals_item(name="again.csv")])
    assert version == 2
    assert time.monotonic() - started >= 0.9
    assert ws.last_open.attempts > 1


def test_publish_gives_up_on_a_held_lock_and_says_who_holds_it(_isolated_workspace):
    ws = Workspace(_isolated_workspace, wait_s=0.5)
    ws.publish([deals_item()])
    holder = LockHolder(ws.db_path, 60)
    try:
        with pytest.raises(WorkspaceBusy) as caught:
            ws.publish([deals_item(name="second.csv")])
        assert f"PID {holder.proc.pid}" in caught.value.problem.text("en")
    finally:
        holder.release()
    assert ws.current_version() == 1


@pytest.mark.parametrize("damage", ["truncate", "garbage", "not_a_workspace"])
def test_damaged_workspace_names_the_file_and_the_restore_command(_isolated_workspace, damage):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item()])
    data = ws.db_path.read_bytes()
    if damage == "truncate":
        ws.db_path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        ws.db_path.write_bytes(b"\x00garbage" * 4096)
    else:
        ws.db_path.unlink()
        duckdb.connect(str(ws.db_path)).close()  # a valid DuckDB file with nothing of ours
    with pytest.raises(WorkspaceCorrupt) as caught:
        load_default(ws)
    text = caught.value.problem.text("en")
    assert str(ws.db_path) in text and RESTORE_COMMAND in text
    assert str(ws.db_path) in caught.value.problem.text("zh")
    assert not ws.check().ok


def test_twenty_one_quick_publishes_keep_every_version(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    first = ws.publish([deals_item()])
    for i in range(21):
        one = pd.DataFrame({"deal_id": [f"X{i}"], "rep": ["Zed"], "stage": ["won"], "status": ["won"],
                            "amount": [1.0], "close_date": pd.to_datetime(["2026-10-01"])})
        ws.publish([deals_item(one, f"one_{i}.csv")])
    assert ws.versions() == list(range(1, 23))
    ws.rollback(first)
    assert sorted(ws.tables()["deals"]["deal_id"]) == ["D1", "D2"]


def test_versions_are_kept_by_age_and_pinned_ones_for_ever(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    start = datetime(2026, 1, 1)
    ws.publish([deals_item()], now=start)                                  # v1
    ws.publish([deals_item(name="b.csv")], now=start + timedelta(days=10))  # v2
    ws.pin(1)
    ws.publish([deals_item(name="c.csv")], now=start + timedelta(days=105), retention_days=90)  # v3
    assert ws.versions() == [1, 3]  # v2 is 95 days old; v1 is pinned
    ws.publish([deals_item(name="d.csv")], now=start + timedelta(days=106), retention_days=90)
    assert ws.versions() == [1, 3, 4]
    listing = ws.version_list()
    assert listing.set_index("version").loc[1, "pinned"]
    ws.rollback(1)
    assert sorted(ws.tables()["deals"]["deal_id"]) == ["D1", "D2"]


def test_unchanged_tables_are_shared_not_copied(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")])
    more = pd.concat([DEALS, DEALS.assign(deal_id=["D3", "D4"])], ignore_index=True)
    ws.publish([deals_item(more, "deals.csv")])  # the same export a week later: two new deals
    con = duckdb.connect(str(ws.db_path), read_only=True)
    try:
        refs = dict(con.execute("SELECT version || ':' || table_name, blob FROM version_tables").fetchall())
        stored_deals = con.execute('SELECT count(*) FROM store."deals_rows"').fetchall()[0][0]
        members = con.execute('SELECT set_id, count(*) FROM store."deals_sets" GROUP BY 1 ORDER BY 1').fetchall()
    finally:
        con.close()
    assert refs["1:targets"] == refs["2:targets"]  # the table is shared
    assert refs["1:deals"] != refs["2:deals"]
    assert stored_deals == 4  # D1, D2 once; only D3, D4 added — rows are shared too
    assert members == [(1, 2), (2, 4)]
    listing = ws.version_list().set_index("version")
    assert listing.loc[1, "deals"] == 2 and listing.loc[2, "deals"] == 4 and listing.loc[2, "targets"] == 1
    assert listing.loc[2, "files"] == "deals.csv"
    # each version reads back exactly, in its own row order
    ws.rollback(1)
    assert list(ws.tables()["deals"]["deal_id"]) == ["D1", "D2"]
    ws.rollback(2)
    assert list(ws.tables()["deals"]["deal_id"]) == ["D1", "D2", "D3", "D4"]


def test_pruned_versions_free_their_rows(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    start = datetime(2026, 1, 1)
    ws.publish([deals_item()], now=start)
    ws.publish([deals_item(DEALS.assign(deal_id=["E1", "E2"]))], now=start + timedelta(days=100))
    con = duckdb.connect(str(ws.db_path), read_only=True)
    try:
        ids = sorted(r[0] for r in con.execute('SELECT deal_id FROM store."deals_rows"').fetchall())
    finally:
        con.close()
    assert ws.versions() == [2] and ids == ["E1", "E2"]
    assert ws.check().ok


def test_republishing_identical_data_stores_it_once(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item()])
    ws.publish([deals_item()])  # the nightly job sending an unchanged export
    con = duckdb.connect(str(ws.db_path), read_only=True)
    try:
        blobs = con.execute("SELECT DISTINCT blob FROM version_tables WHERE table_name = 'deals'").fetchall()
    finally:
        con.close()
    assert len(blobs) == 1


def test_append_keeps_the_published_rows_and_their_files(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item()])
    ws.publish([deals_item(DEALS.assign(deal_id=["D3", "D4"]), "more.csv", "append")])
    origins = ws.deal_origins().sort_values("deal_id")
    assert list(origins["deal_id"]) == ["D1", "D2", "D3", "D4"]
    assert list(origins["source_file"]) == ["deals.csv", "deals.csv", "more.csv", "more.csv"]


def test_check_finds_a_changed_row(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item()])
    report = ws.check()
    assert report.ok, report.lines
    con = duckdb.connect(str(ws.db_path))
    try:
        con.execute('UPDATE store."deals_rows" SET amount = 999 WHERE deal_id = \'D1\'')
    finally:
        con.close()
    report = ws.check()
    assert not report.ok
    assert any("set:deals:1" in what and not ok for what, ok, _ in report.lines)


def test_backup_while_the_app_reads_then_restore_round_trip(_isolated_workspace, tmp_path):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item(), PublishItem("targets", TARGETS, "targets.csv", "t1")])
    ws.pin(1)
    ws.settings_path.write_text("currency: EUR\n", encoding="utf-8")
    reader = duckdb.connect(str(ws.db_path), read_only=True)  # the app holding a shared read
    try:
        ws.backup(tmp_path / "bk")
    finally:
        reader.close()
    before = ws.tables()
    ws.publish([deals_item(DEALS.assign(amount=[1.0, 2.0]), "later.csv")])
    ws.settings_path.write_text("currency: GBP\n", encoding="utf-8")
    ws.restore(tmp_path / "bk")
    assert ws.current_version() == 1
    assert ws.versions() == [1]
    assert bool(ws.version_list().loc[0, "pinned"])
    after = ws.tables()
    for table in ("deals", "targets"):
        pd.testing.assert_frame_equal(before[table], after[table])
    assert ws.settings_path.read_text(encoding="utf-8") == "currency: EUR\n"
    assert ws.check().ok
    assert ws.publish([deals_item(name="after_restore.csv")]) == 2  # the backup's history continues


def test_restore_refuses_a_damaged_backup(_isolated_workspace, tmp_path):
    ws = Workspace(_isolated_workspace)
    ws.publish([deals_item()])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "workspace.duckdb").write_bytes(b"nope" * 100)
    with pytest.raises(WorkspaceCorrupt):
        ws.restore(bad)
    assert ws.current_version() == 1


def test_format_one_workspace_is_upgraded_in_place(_isolated_workspace):
    """A file written before versions were shared (one schema per version) keeps its history."""
    path = _isolated_workspace / "workspace.duckdb"
    con = duckdb.connect(str(path))
    from analytics.store.canonical import table_layout
    from analytics.store.schema import TABLES
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("CREATE TABLE history (version INTEGER, published_at TIMESTAMP, action VARCHAR, file_name VARCHAR, "
                "content_hash VARCHAR, table_name VARCHAR, mode VARCHAR, rows_loaded BIGINT, rows_rejected BIGINT, "
                "note VARCHAR)")
    con.execute("CREATE SCHEMA v1")
    for table in TABLES:
        cols = ", ".join(f'"{n}" {t}' for n, t in table_layout(table))
        con.execute(f'CREATE TABLE v1."{table}" ({cols})')
    con.execute("INSERT INTO v1.deals (deal_id, rep, stage, status, amount, close_date) "
                "VALUES ('OLD', 'Ann', 'won', 'won', 5, DATE '2026-10-01')")
    con.execute("INSERT INTO history VALUES (1, now(), 'publish', 'old.csv', 'h', 'deals', 'replace', 1, 0, '')")
    con.execute("INSERT INTO meta VALUES ('current', '1')")
    con.close()
    ws = Workspace(_isolated_workspace)
    assert ws.current_version() == 1
    assert list(ws.tables()["deals"]["deal_id"]) == ["OLD"]
    ws.publish([deals_item(DEALS.assign(deal_id=["N1", "N2"]), "new.csv", "append")])
    assert sorted(ws.tables()["deals"]["deal_id"]) == ["N1", "N2", "OLD"]
    assert ws.versions() == [1, 2]
    assert ws.check().ok
