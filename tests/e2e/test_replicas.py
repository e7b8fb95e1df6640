"""Two app processes on one PostgreSQL (``SALES_DATABASE_URL``), each with its own cache folder,
driven by Playwright, with the CLI as a third writer:

- a publish on one replica's Data page is on the other's Overview within 2 s;
- a kill -9 of a replica in the middle of a publish leaves the previous version current and
  intact, the other replica keeps serving, and the next publish goes through;
- two publishes at once (two CLI processes) are serialised: both versions, in order, whole.

The figure checked is the Overview's "Actual (won revenue)" for Nov 2026 on hand-made deals
(won amounts summed by hand below). The whole file takes about 1.5 minutes here.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.outputs.numbers import money
from tests.e2e.conftest import ROOT, app_server, no_exception, open_page, shoot, wait_idle

pytestmark = pytest.mark.e2e

# Won in Nov 2026 (SALES_TODAY is 2026-11-30): 100,000 + 200,000 + 300,000 = 600,000.
DEALS_V1 = """deal_id,customer,rep,team,stage,amount,created_date,close_date,currency
N-1,Acme,Ann Lee,North,Closed Won,100000,2026-09-01,2026-11-03,USD
N-2,Bolt,Ann Lee,North,Closed Won,200000,2026-09-15,2026-11-12,USD
N-3,Crane,Bo Chen,North,Closed Won,300000,2026-10-01,2026-11-20,USD
N-4,Delta,Bo Chen,North,Closed Lost,50000,2026-10-02,2026-11-21,USD
"""
ACTUAL_V1 = 600_000
# Version 2 adds a won deal of 900,000 in November: 1,500,000.
DEALS_V2 = DEALS_V1 + "N-5,Echo,Bo Chen,North,Closed Won,900000,2026-10-05,2026-11-25,USD\n"
ACTUAL_V2 = 1_500_000
TARGETS = """rep,team,period,target
Ann Lee,North,2026-11,400000
Bo Chen,North,2026-11,500000
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _many_deals(path: Path, rows: int, prefix: str, seed: int) -> Path:
    """``rows`` won deals of 2025 (outside the figure checked), for a publish that takes a while."""
    rng = np.random.default_rng(seed)
    pd.DataFrame({
        "deal_id": [f"{prefix}-{i}" for i in range(rows)],
        "customer": [f"Customer {i % 5000}" for i in range(rows)],
        "rep": rng.choice([f"Rep {i}" for i in range(40)], rows),
        "team": "North", "stage": "Closed Won", "amount": rng.integers(1_000, 90_000, rows),
        "created_date": "2025-01-05", "close_date": "2025-02-10", "currency": "USD",
    }).to_csv(path, index=False)
    return path


@pytest.fixture
def team(pg_url, tmp_path, monkeypatch):
    """One PostgreSQL database, the environment for the CLI, and version 1 published by the CLI."""
    monkeypatch.setenv("SALES_DATABASE_URL", pg_url)  # app_server passes the environment on
    env = {**os.environ, "SALES_DATABASE_URL": pg_url, "SALES_WORKSPACE": str(tmp_path / "cli"),
           "SALES_TODAY": "2026-11-30"}
    (tmp_path / "cli").mkdir()
    first = _cli(env, "publish", str(_write(tmp_path, "deals_v1.csv", DEALS_V1)),
                 str(_write(tmp_path, "targets.csv", TARGETS)))
    assert first.returncode == 0, first.stderr
    _require_the_postgres_store(pg_url)
    return {"url": pg_url, "env": env, "folder": tmp_path}


def _require_the_postgres_store(url: str) -> None:
    """The publish above must have gone to PostgreSQL: without the store, SALES_DATABASE_URL would
    be ignored and these tests would prove nothing."""
    import psycopg

    with psycopg.connect(url) as con:
        tables = con.execute("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
                             "('pg_catalog', 'information_schema')").fetchone()[0]
    if tables == 0:
        message = "the CLI's publish wrote nothing to SALES_DATABASE_URL: the PostgreSQL store is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _cli(env: dict, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _history(env: dict) -> list[dict]:
    done = _cli(env, "workspace", "history", "--format", "json")
    assert done.returncode == 0, done.stderr
    return sorted(json.loads(done.stdout), key=lambda v: v["version"])


def _check(env: dict) -> list[dict]:
    done = _cli(env, "workspace", "check", "--format", "json")
    report = json.loads(done.stdout)
    assert done.returncode == 0 and all(line["ok"] for line in report), done.stdout + done.stderr
    return report


def _actual(page) -> str:
    card = page.get_by_test_id("stMetric").filter(has_text="Actual (won revenue)")
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def _new_page(browser):
    return browser.new_context(viewport={"width": 1400, "height": 1400}, locale="en-US").new_page()


def _upload(page, *files: Path) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files([str(f) for f in files])
    page.get_by_text("Rows read").first.wait_for(timeout=150_000)
    wait_idle(page, timeout=150_000)
    no_exception(page)


def _app_pid(url: str) -> int:
    """The process serving ``url`` (app_server does not hand out its Popen)."""
    port = url.rsplit(":", 1)[1]
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(argv) and b"--server.port" in argv and \
                argv[argv.index(b"--server.port") + 1] == port.encode():
            return int(proc.name)
    raise AssertionError(f"no app process on port {port}")


def test_a_publish_on_one_replica_is_on_the_other_within_2_s(team, browser, tmp_path):
    with app_server(tmp_path / "a") as a, app_server(tmp_path / "b") as b:
        other = _new_page(browser)
        open_page(other, f"{b}/")
        no_exception(other)
        assert _actual(other) == money(ACTUAL_V1, "USD")
        shoot(other, "replicas_1_b_version1")

        page = _new_page(browser)
        open_page(page, f"{a}/data")
        _upload(page, _write(team["folder"], "deals_v2.csv", DEALS_V2))
        page.get_by_role("button", name="Publish to team").click()
        page.get_by_text("Published as version 2").wait_for(timeout=60_000)
        published = time.monotonic()
        shoot(page, "replicas_2_a_published")

        time.sleep(max(0.0, published + 2.0 - time.monotonic()))
        open_page(other, f"{b}/")
        no_exception(other)
        assert _actual(other) == money(ACTUAL_V2, "USD")
        shoot(other, "replicas_3_b_version2")
        other.context.close()
        page.context.close()
    history = _history(team["env"])
    assert [(v["version"], v["current"], v["deals"]) for v in history] == [(1, False, 4), (2, True, 5)]


def test_a_replica_killed_mid_publish_leaves_the_previous_version(team, browser, tmp_path):
    import psycopg

    big = _many_deals(tmp_path / "deals_big.csv", 300_000, "K", seed=7)
    with app_server(tmp_path / "a") as a, app_server(tmp_path / "b") as b:
        other = _new_page(browser)
        open_page(other, f"{b}/")
        assert _actual(other) == money(ACTUAL_V1, "USD")

        page = _new_page(browser)
        open_page(page, f"{a}/data")
        _upload(page, big)
        victim = _app_pid(a)
        page.get_by_role("button", name="Publish to team").click()
        # Kill once the publish's transaction is writing rows into PostgreSQL (COPY ... FROM STDIN).
        with psycopg.connect(team["url"], autocommit=True) as watch:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                copying = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND backend_xid IS NOT NULL AND state = 'active' AND query ILIKE 'COPY %%FROM STDIN%%'"
                ).fetchone()[0]
                if copying:
                    os.kill(victim, signal.SIGKILL)
                    break
                time.sleep(0.02)
            else:
                pytest.fail("replica A's publish never reached the COPY of its rows")
        page.context.close()

        history = _history(team["env"])
        assert [(v["version"], v["current"], v["deals"]) for v in history] == [(1, True, 4)]
        report = _check(team["env"])
        assert any(line["check"] == "current version" and "version 1" in line["detail"] for line in report)

        open_page(other, f"{b}/")  # the other replica still serves version 1
        no_exception(other)
        assert _actual(other) == money(ACTUAL_V1, "USD")
        shoot(other, "replicas_4_b_after_kill")
        other.context.close()

    # Nothing of the killed publish is left holding the lock: the next publish goes through.
    after = _cli(team["env"], "publish", str(_write(tmp_path, "deals_v2.csv", DEALS_V2)), timeout=60)
    assert after.returncode == 0, after.stderr
    assert [(v["version"], v["deals"]) for v in _history(team["env"])] == [(1, 4), (2, 5)]


def test_two_publishes_at_once_are_serialised(team, tmp_path):
    sizes = {"P": 60_000, "Q": 70_000}
    files = {p: _many_deals(tmp_path / f"deals_{p}.csv", n, p, seed=i) for i, (p, n) in enumerate(sizes.items())}
    runs = [subprocess.Popen([sys.executable, "-m", "analytics", "publish", str(f)], cwd=ROOT, env=team["env"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files.values()]
    outcomes = [run.communicate(timeout=180) for run in runs]
    for run, (_, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err

    history = _history(team["env"])
    assert [v["version"] for v in history] == [1, 2, 3]
    assert history[-1]["current"] and not history[1]["current"]
    assert sorted(v["deals"] for v in history[1:]) == sorted(sizes.values())  # each publish whole
    assert history[1]["published_at"] <= history[2]["published_at"]
    report = _check(team["env"])
    counts = {line["detail"] for line in report if line["check"].startswith("checksum") and "deals" in line["check"]}
    assert {f"{n} rows" for n in sizes.values()} <= counts
