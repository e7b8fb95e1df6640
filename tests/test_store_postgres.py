"""What only the PostgreSQL store does (a real throw-away server from tests/pg.py, no mocks):
migration from the DuckDB file (the CLI's ``workspace migrate --to URL``), the answer when the
server is down, noticing another process's publish within 2 s, publishes from several processes
serialised by the advisory lock, and the CLI's backup and restore against the server.

What both stores share is in tests/test_store_contract.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.store import views
from analytics.store.postgres import PgWorkspace, VersionWatch, WorkspaceUnreachable
from analytics.store.settings import DEFAULT_SETTINGS, load_settings, save_settings
from analytics.store.workspace import PublishItem, Workspace
from tests.conftest import ROOT

DEALS = pd.DataFrame({
    "deal_id": ["D1", "D2", "D3"],
    "rep": ["Ann", "Bo", "王磊"],
    "stage": ["won", "won", "lost"],
    "status": ["won", "won", "lost"],
    "amount": [100.0, 250.5, 80.0],
    "close_date": pd.to_datetime(["2026-10-03", "2026-10-20", "2026-11-01"]),
})
TARGETS = pd.DataFrame({"period": ["2026-10"], "rep": ["Ann"], "target": [300.0]})


def deals(n: int, prefix: str = "D") -> pd.DataFrame:
    return pd.DataFrame({
        "deal_id": [f"{prefix}{i}" for i in range(n)], "rep": [f"Rep {i % 7}" for i in range(n)],
        "stage": "won", "status": "won", "amount": [float(i) for i in range(n)],
        "close_date": pd.Timestamp("2026-10-15"),
    })


def cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, env={**os.environ, **env})


def _file_workspace_with_history(folder) -> Workspace:
    """Three versions (one pinned), a snapshot, settings, a saved view and an audit line."""
    ws = Workspace(folder)
    ws.publish([PublishItem("deals", DEALS, "deals.csv", "h1"), PublishItem("targets", TARGETS, "t.csv", "t1")],
               note="first", snapshot_date=date(2026, 10, 31))
    ws.publish([PublishItem("deals", deals(500), "big.csv", "h2")], note="second")
    ws.publish([PublishItem("deals", deals(20, "X"), "more.csv", "h3", mode="append")], note="third")
    ws.pin(1)
    save_settings(replace(DEFAULT_SETTINGS, fiscal_start_month=4, currency="EUR"), ws.settings_doc)
    views.save_view(ws.views_doc, views.make_view("Won by rep", "sql", {"xq": "SELECT 1"}))
    ws.docs.append("audit.jsonl", json.dumps({"who": "ann", "action": "test"}))
    return ws


def test_migrate_moves_every_version_setting_and_plan_and_verifies_them(_isolated_workspace, pg_url):
    src = _file_workspace_with_history(_isolated_workspace)
    env = {"SALES_WORKSPACE": str(_isolated_workspace), "SALES_DATABASE_URL": ""}
    proc = cli("workspace", "migrate", "--to", pg_url, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "moved 3 versions" in proc.stdout and "checksums: OK" in proc.stdout

    dst = PgWorkspace(pg_url, _isolated_workspace)
    assert dst.versions() == src.versions() == [1, 2, 3]
    assert dst.current_version() == 3
    assert dst.version_list()["pinned"].tolist() == src.version_list()["pinned"].tolist()
    assert dst.history()["file_name"].tolist() == src.history()["file_name"].tolist()
    for version in (1, 2, 3):  # each version's tables are equal row for row
        a, b = duckdb.connect(), duckdb.connect()
        src.load_version_into(a, version)
        dst.load_version_into(b, version)
        for table in ("deals", "targets"):
            left = a.execute(f"SELECT * FROM {table} ORDER BY ALL").df()
            right = b.execute(f"SELECT * FROM {table} ORDER BY ALL").df()
            pd.testing.assert_frame_equal(left, right, check_dtype=False)
    assert len(dst.version_list()) == 3
    assert load_settings(dst.settings_doc)[0] == replace(DEFAULT_SETTINGS, fiscal_start_month=4, currency="EUR")
    assert [v.name for v in views.list_views(dst.views_doc)] == ["Won by rep"]
    audit_lines = dst.docs.read("audit.jsonl").splitlines()
    assert json.loads(audit_lines[0])["who"] == "ann"
    assert json.loads(audit_lines[-1])["action"] == "workspace.migrate"  # the migration itself is audited
    con = duckdb.connect()
    dst.load_snapshots_into(con)
    assert con.execute("SELECT count(*) FROM snap_index").fetchall()[0][0] >= 1

    # a second migration would mix two histories: refused, nothing copied
    again = cli("workspace", "migrate", "--to", pg_url, env=env)
    assert again.returncode != 0 and "already holds a published workspace" in again.stderr
    assert dst.versions() == [1, 2, 3]


def test_a_damaged_file_is_not_migrated(_isolated_workspace, pg_url):
    src = _file_workspace_with_history(_isolated_workspace)
    with duckdb.connect(str(src.db_path)) as con:  # one stored amount changed behind the checksum's back
        con.execute('UPDATE store."deals_rows" SET amount = amount + 1 WHERE row_id = 1')
    proc = cli("workspace", "migrate", "--to", pg_url,
               env={"SALES_WORKSPACE": str(_isolated_workspace), "SALES_DATABASE_URL": ""})
    assert proc.returncode == 3 and "checksum" in proc.stderr and "Traceback" not in proc.stderr
    assert PgWorkspace(pg_url, _isolated_workspace).versions() == []  # nothing half-copied


def test_a_server_that_does_not_answer_is_named_never_the_sample(_isolated_workspace, pg_cluster):
    url = f"postgresql://postgres@127.0.0.1:{_free_port()}/nowhere"
    store = PgWorkspace(url, _isolated_workspace, wait_s=0.3)
    with pytest.raises(WorkspaceUnreachable) as caught:
        store.status()
    assert "127.0.0.1" in str(caught.value)
    proc = cli("query", "SELECT count(*) FROM deals",
               env={"SALES_WORKSPACE": str(_isolated_workspace), "SALES_DATABASE_URL": url,
                    "SALES_WORKSPACE_WAIT_S": "0.3"})
    assert proc.returncode == 3 and proc.stdout == ""
    assert "127.0.0.1" in proc.stderr and "Traceback" not in proc.stderr


def test_a_password_never_shows_in_messages(_isolated_workspace):
    url = f"postgresql://sales:s3cret-pw@127.0.0.1:{_free_port()}/team"
    store = PgWorkspace(url, _isolated_workspace, wait_s=0.2)
    assert "s3cret-pw" not in store.where
    with pytest.raises(WorkspaceUnreachable) as caught:
        store.status()
    assert "s3cret-pw" not in str(caught.value)


def test_another_process_publish_is_noticed_within_2_s(_isolated_workspace, pg_url):
    store = PgWorkspace(pg_url, _isolated_workspace)
    store.publish([PublishItem("deals", DEALS, "deals.csv", "h1")])
    watch = VersionWatch.of(pg_url)
    deadline = time.monotonic() + 5
    while watch.counter == 0 and time.monotonic() < deadline:  # the listener is connected
        time.sleep(0.05)
    mark = store.change_mark()
    script = ("from analytics.store.postgres import PgWorkspace; from analytics.store.workspace import PublishItem; "
              "import pandas as pd; "
              "f = pd.DataFrame({'deal_id': ['Z'], 'rep': ['Zed'], 'stage': ['won'], 'status': ['won'], "
              "'amount': [5.0], 'close_date': pd.to_datetime(['2026-10-01'])}); "
              f"print(PgWorkspace({pg_url!r}).publish([PublishItem('deals', f, 'z.csv', 'hz')]))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    published = time.monotonic()
    while store.change_mark() == mark and time.monotonic() - published < 2.0:
        time.sleep(0.02)
    assert store.change_mark() != mark, "the publish was not noticed within 2 s"
    assert watch.version == 2


def test_publishes_from_several_processes_are_serialised(_isolated_workspace, pg_url, tmp_path):
    PgWorkspace(pg_url, _isolated_workspace).create()
    procs = []
    for i in range(4):
        path = tmp_path / f"p{i}.csv"
        pd.DataFrame({"Deal ID": [f"P{i}-{k}" for k in range(3000)], "Owner": "Ann", "Stage": "Won",
                      "Amount": 10, "Close Date": "2026-10-03"}).to_csv(path, index=False)
        procs.append(subprocess.Popen([sys.executable, "-m", "analytics", "publish", str(path)], cwd=ROOT,
                                      env={**os.environ, "SALES_DATABASE_URL": pg_url,
                                           "SALES_WORKSPACE": str(tmp_path / f"cache{i}")},
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    store = PgWorkspace(pg_url, _isolated_workspace)
    assert store.versions() == [1, 2, 3, 4]
    assert sorted(store.history()["file_name"]) == ["p0.csv", "p1.csv", "p2.csv", "p3.csv"]
    assert store.history().sort_values("version")["published_at"].is_monotonic_increasing
    assert store.check().ok
    con = duckdb.connect()
    store.load_into(con)
    assert con.execute("SELECT count(*) FROM deals").fetchall()[0][0] == 3000  # each publish replaces: whole


def test_cli_backup_and_restore_round_trip_on_the_server(_isolated_workspace, pg_url, tmp_path):
    env = {"SALES_WORKSPACE": str(_isolated_workspace), "SALES_DATABASE_URL": pg_url}
    store = PgWorkspace(pg_url, _isolated_workspace)
    store.publish([PublishItem("deals", DEALS, "deals.csv", "h1"), PublishItem("targets", TARGETS, "t.csv", "t1")])
    store.publish([PublishItem("deals", deals(50), "big.csv", "h2")])
    save_settings(replace(DEFAULT_SETTINGS, fiscal_start_month=7), store.settings_doc)
    backup = cli("workspace", "backup", str(tmp_path / "bk"), env=env)
    assert backup.returncode == 0, backup.stderr
    store.publish([PublishItem("deals", deals(5, "L"), "later.csv", "h3")])
    save_settings(replace(DEFAULT_SETTINGS, fiscal_start_month=10), store.settings_doc)
    restore = cli("workspace", "restore", str(tmp_path / "bk"), env=env)
    assert restore.returncode == 0, restore.stderr
    assert store.versions() == [1, 2] and store.current_version() == 2
    assert load_settings(store.settings_doc)[0].fiscal_start_month == 7
    con = duckdb.connect()
    store.load_into(con)
    assert con.execute("SELECT count(*), sum(amount) FROM deals").fetchall()[0] == (50, float(sum(range(50))))
    # the audit log keeps the lines written after the backup, and the restore itself
    actions = [json.loads(line)["action"] for line in store.docs.read("audit.jsonl").splitlines()]
    assert actions[-1] == "restore"
    # a tampered backup is refused and the server is left as it was
    manifest = tmp_path / "bk" / "manifest.json"
    csv = next(p for p in (tmp_path / "bk").iterdir() if p.suffix in (".csv", ".gz") and "deals" in p.name)
    csv.write_bytes(csv.read_bytes()[:-10])
    assert manifest.exists()
    bad = cli("workspace", "restore", str(tmp_path / "bk"), env=env)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert store.versions() == [1, 2]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_database_with_other_defaults_reads_back_exactly(_isolated_workspace, pg_url):
    """A DBA's DateStyle or extra_float_digits must not change what a load reads (or fail its
    checksum and call intact data damaged)."""
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as con:
        name = con.execute("SELECT current_database()").fetchone()[0]
        con.execute(f"ALTER DATABASE \"{name}\" SET datestyle = 'SQL, DMY'")
        con.execute(f"ALTER DATABASE \"{name}\" SET extra_float_digits = 0")
    frame = DEALS.assign(amount=[0.1 + 0.2, 1 / 3, 2.5e-7])
    store = PgWorkspace(pg_url, _isolated_workspace)
    store.publish([PublishItem("deals", frame, "deals.csv", "h1")])
    store.publish([PublishItem("deals", deals(3, "A"), "more.csv", "h2", mode="append")])
    con = duckdb.connect()
    assert store.load_into(con) == 2
    got = con.execute("SELECT amount, close_date FROM deals WHERE deal_id LIKE 'D%' ORDER BY deal_id").fetchall()
    assert [g[0] for g in got] == [0.1 + 0.2, 1 / 3, 2.5e-7]
    assert [str(g[1])[:10] for g in got] == ["2026-10-03", "2026-10-20", "2026-11-01"]
    assert store.check().ok


def _snapshot_tables(store: PgWorkspace, fresh: bool) -> dict[str, list]:
    from analytics.store.postgres import SnapshotCache

    if fresh:
        SnapshotCache._caches.pop(store.url, None)
    con = duckdb.connect()
    store.load_into(con)
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
            for t in ("snap_index", "snap_members", "snap_states")}


def test_a_replica_copies_only_new_snapshots_and_starts_again_after_a_restore(_isolated_workspace, pg_url, tmp_path):
    from analytics.store.postgres import SnapshotCache

    store = PgWorkspace(pg_url, _isolated_workspace)
    store.publish([PublishItem("deals", deals(40), "a.csv", "h1")], snapshot_date=date(2026, 10, 1))
    first = _snapshot_tables(store, fresh=True)
    store.backup(tmp_path / "bk")
    changed = deals(40).assign(amount=lambda f: f["amount"] + (f.index < 4) * 1000)  # 4 deals changed
    store.publish([PublishItem("deals", changed, "b.csv", "h2")], snapshot_date=date(2026, 10, 8))
    warm = _snapshot_tables(store, fresh=False)  # the cache held snapshot 1: only snapshot 2 came over
    assert warm == _snapshot_tables(store, fresh=True)
    assert len(warm["snap_index"]) == 2 and len(warm["snap_members"]) == 80 and len(warm["snap_states"]) == 44
    _snapshot_tables(store, fresh=False)
    store.restore(tmp_path / "bk")  # the server's history goes back to one snapshot
    assert _snapshot_tables(store, fresh=False) == first
    assert SnapshotCache.of(store.url).con.execute("SELECT count(*) FROM snap_index").fetchall()[0][0] == 1


def test_a_snapshot_refresh_cut_off_half_way_counts_nothing_twice(_isolated_workspace, pg_url, monkeypatch):
    from analytics.store import postgres

    store = PgWorkspace(pg_url, _isolated_workspace)
    store.publish([PublishItem("deals", deals(30), "a.csv", "h1")], snapshot_date=date(2026, 10, 1))
    store.publish([PublishItem("deals", deals(30, "B"), "b.csv", "h2")], snapshot_date=date(2026, 10, 8))
    real, calls = postgres._copy_out, []

    def failing_on_the_index(pg, query, target, into, layout):
        calls.append(into)
        if "FROM snap_index" in query and target is postgres.SnapshotCache.of(pg_url).con:
            raise postgres.WorkspaceUnreachable("db", "connection lost", 0.0)
        return real(pg, query, target, into, layout)

    postgres.SnapshotCache._caches.pop(pg_url, None)
    monkeypatch.setattr(postgres, "_copy_out", failing_on_the_index)
    with pytest.raises(WorkspaceUnreachable):
        store.load_into(duckdb.connect())
    monkeypatch.setattr(postgres, "_copy_out", real)
    assert _snapshot_tables(store, fresh=False) == _snapshot_tables(store, fresh=True)
    assert len(_snapshot_tables(store, fresh=False)["snap_members"]) == 60
