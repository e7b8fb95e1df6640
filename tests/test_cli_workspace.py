"""The command line against the team's workspace: faults exit non-zero and never answer from the
sample; publish with the Data page's checks; history, check, backup and restore (issue 17)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from analytics.store.workspace import RESTORE_COMMAND, PublishItem, Workspace
from tests.conftest import ROOT
from tests.test_workspace import DEALS, LockHolder

DEALS_CSV = ("Deal ID,Owner,Stage,Amount,Close Date\n"
             "A1,Ann,Won,100,2026-10-03\nA2,Bo,Won,250,2026-10-20\nA3,Bo,Lost,80,2026-10-21\n")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "SALES_WORKSPACE_WAIT_S": "0.5", **(env or {})})


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_query_on_a_locked_workspace_exits_3_and_never_answers_from_the_sample(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([PublishItem("deals", DEALS, "deals.csv", "h")])
    holder = LockHolder(ws.db_path, 60)
    try:
        proc = run("query", "SELECT count(*) AS n FROM deals", "--format", "json")
    finally:
        holder.release()
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert "busy" in proc.stderr and f"PID {holder.proc.pid}" in proc.stderr
    assert json.loads(run("query", "SELECT count(*) AS n FROM deals", "--format", "json").stdout) == [{"n": 2}]


def test_query_on_a_damaged_workspace_names_the_file_and_the_restore_command(_isolated_workspace):
    ws = Workspace(_isolated_workspace)
    ws.publish([PublishItem("deals", DEALS, "deals.csv", "h")])
    ws.db_path.write_bytes(ws.db_path.read_bytes()[:5000])
    proc = run("query", "SELECT count(*) FROM deals")
    assert proc.returncode == 3 and proc.stdout == ""
    assert str(ws.db_path) in proc.stderr and RESTORE_COMMAND in proc.stderr
    check = run("workspace", "check")
    assert check.returncode == 3


def test_publish_then_history_and_check(_isolated_workspace, tmp_path):
    deals = write(tmp_path, "deals.csv", DEALS_CSV)
    targets = write(tmp_path, "targets.csv", "Period,Owner,Target\n2026-10,Ann,300\n")
    proc = run("publish", str(deals), str(targets), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["file"], r["table"], r["rows_loaded"], r["version"]) for r in rows] == [
        ("deals.csv", "deals", 3, 1), ("targets.csv", "targets", 1, 1)]
    more = write(tmp_path, "more.csv", DEALS_CSV.replace("A1", "B1").replace("A2", "B2").replace("A3", "B3"))
    assert run("publish", str(more), "--append").returncode == 0
    history = json.loads(run("workspace", "history", "--format", "json").stdout)
    assert [(h["version"], h["files"], h["deals"], h["targets"], h["pinned"], h["current"]) for h in history] == [
        (1, "deals.csv, targets.csv", 3, 1, False, False), (2, "more.csv", 6, 1, False, True)]
    assert run("workspace", "pin", "1").returncode == 0
    assert json.loads(run("workspace", "history", "--format", "json").stdout)[0]["pinned"] is True
    check = run("workspace", "check", "--format", "json")
    assert check.returncode == 0, check.stdout
    assert all(line["ok"] for line in json.loads(check.stdout))


def test_publish_exits_2_and_publishes_nothing_when_a_file_fails(_isolated_workspace, tmp_path):
    good = write(tmp_path, "deals.csv", DEALS_CSV)
    bad = write(tmp_path, "notes.csv", "Colour,Taste\nred,sweet\n")
    proc = run("publish", str(good), str(bad))
    assert proc.returncode == 2
    assert "notes.csv" in proc.stderr and "Nothing was published" in proc.stderr
    assert Workspace(_isolated_workspace).status().state == "none"


def test_the_same_export_under_four_names_is_not_counted_four_times(_isolated_workspace, tmp_path):
    copies = [write(tmp_path, f"export_{i}.csv", DEALS_CSV) for i in range(4)]
    proc = run("publish", *map(str, copies))
    assert proc.returncode == 2
    for i in (1, 2, 3):
        assert f"export_{i}.csv: no row could be loaded (first: row 2, duplicate of export_0.csv row 2" \
            in proc.stderr
    assert Workspace(_isolated_workspace).status().state == "none"


def test_an_append_repeating_published_ids_is_flagged_and_rejected(_isolated_workspace, tmp_path):
    deals = write(tmp_path, "deals.csv", DEALS_CSV)
    assert run("publish", str(deals)).returncode == 0
    mixed = write(tmp_path, "next.csv", DEALS_CSV.replace("A1,", "N1,"))  # A2 and A3 again, N1 new
    proc = run("publish", str(mixed), "--append")
    assert proc.returncode == 0, proc.stderr
    assert "row 3: duplicate of deals.csv row 3" in proc.stdout
    assert "row 4: duplicate of deals.csv row 4" in proc.stdout
    assert sorted(Workspace(_isolated_workspace).tables()["deals"]["deal_id"]) == ["A1", "A2", "A3", "N1"]
    again = run("publish", str(deals), "--append")  # the very same file again
    assert again.returncode == 2
    assert "already published in version 1" in again.stderr


def test_backup_and_restore_commands_round_trip(_isolated_workspace, tmp_path):
    deals = write(tmp_path, "deals.csv", DEALS_CSV)
    assert run("publish", str(deals)).returncode == 0
    before = Workspace(_isolated_workspace).tables()["deals"]
    proc = run("workspace", "backup", str(tmp_path / "bk"))
    assert proc.returncode == 0, proc.stderr
    assert run("publish", str(write(tmp_path, "other.csv", DEALS_CSV.replace("A1", "Z1")))).returncode == 0
    assert run("workspace", "restore", str(tmp_path / "bk")).returncode == 0
    after = Workspace(_isolated_workspace).tables()["deals"]
    pd.testing.assert_frame_equal(before, after)
    assert run("workspace", "backup", str(tmp_path / "bk")).returncode == 2  # never overwrites a backup
