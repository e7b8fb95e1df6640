"""In Chromium (issue 17.4, 17.5): a hostile rep name renders as text in the Overview chart, never as
a link; a shared SQL link shows its query and runs it only on a click; a memory attack started
that way is refused while the server's memory stays put."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest

from analytics.store.workspace import PublishItem, Workspace
from tests.e2e.conftest import ROOT, _free_port, _require_browser, open_page, shoot, wait_idle
from tests.test_hostile_names import LINK, hostile_tables


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The app on its own workspace holding the hostile sample (not the shared e2e server's)."""
    _require_browser()
    workspace = tmp_path_factory.mktemp("hostile_workspace")
    Workspace(workspace).publish([PublishItem(n, f, f"{n}.csv", f"hostile-{n}") for n, f in hostile_tables().items()
                                  if len(f)])
    port = _free_port()
    env = {**os.environ, "SALES_WORKSPACE": str(workspace), "SALES_TODAY": "2026-11-30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    yield {"url": url, "pid": proc.pid}
    proc.terminate()
    proc.wait(timeout=10)


def _rss_mb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(status.read().split("VmRSS:")[1].split()[0]) // 1024


def test_a_hostile_rep_name_is_text_in_the_overview_chart(hostile_server, page):
    open_page(page, f"{hostile_server['url']}/?lang=en")
    page.wait_for_selector(".js-plotly-plot .ytick text", timeout=60_000)
    shoot(page, "escape_overview_hostile")
    ticks = page.eval_on_selector_all(".js-plotly-plot .ytick text", "els => els.map(e => e.textContent)")
    assert any(LINK in t for t in ticks)  # the markup is shown as characters
    assert page.locator("a[href*='evil.example']").count() == 0  # and nowhere became a link


def test_a_shared_sql_link_runs_only_on_a_click(hostile_server, page):
    sql = "SELECT count(*) AS deals FROM deals"
    open_page(page, f"{hostile_server['url']}/explore?lang=en&xm=sql&xq={quote(sql)}")
    assert page.locator("textarea").first.input_value() == sql
    assert page.get_by_text("has not run yet").count() == 1 and page.get_by_text("rows in").count() == 0
    page.get_by_role("button", name="Run").click()
    page.get_by_text("rows in").first.wait_for(timeout=60_000)
    wait_idle(page)
    shoot(page, "escape_sql_link_after_run")

    attack = "SELECT repeat('x', 2000000000) AS s"
    open_page(page, f"{hostile_server['url']}/explore?lang=en&xm=sql&xq={quote(attack)}")
    before = _rss_mb(hostile_server["pid"])
    page.get_by_role("button", name="Run").click()
    page.get_by_text("more memory").first.wait_for(timeout=60_000)
    assert _rss_mb(hostile_server["pid"]) < max(2500, before + 300)
