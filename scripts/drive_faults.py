"""Drive the real app in Chromium through the workspace faults and a deals-only upload, and save
screenshots in ``artifacts/faults/`` for a person to look at (issue 17.1, 12.5). Not a test.

    python scripts/drive_faults.py [upload] [corrupt] [lock]
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHOTS = ROOT / "artifacts" / "faults"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DEALS = ("Deal ID,Owner,Team,Stage,Amount,Close Date,Created Date\n"
         "N1,Nia Park,North,Won,1000,2026-11-02,2026-10-01\n"
         "N2,Nia Park,North,Negotiation,400,2026-11-20,2026-10-01\n"
         "N3,Olu Ade,North,Won,250,2026-11-05,2026-10-01\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workspace: Path, **env: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "SALES_WORKSPACE": str(workspace), "SALES_TODAY": "2026-11-30", **env},
        stdout=open(workspace / "server.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115 - the server outlives this call
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("server did not start")


def idle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=60_000)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state')"
        " === 'notRunning'", timeout=90_000)


def shot(page, name: str, settle: float = 0.0) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    time.sleep(settle)  # charts draw after the script run has finished
    page.screenshot(path=str(SHOTS / f"{name}.png"), timeout=120_000)
    print("screenshot", SHOTS / f"{name}.png")


def lock_case(browser) -> None:
    from analytics.ingest.importer import import_file
    from analytics.store.workspace import PublishItem, Workspace

    folder = Path(tempfile.mkdtemp(prefix="faults_lock_"))
    deals = import_file(DEALS.encode(), "team.csv")[0].frame
    Workspace(folder).publish([PublishItem("deals", deals, "team.csv", "h")])
    proc, url = start_server(folder, SALES_BUSY_RETRY_S="25")
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(300)", str(folder / "workspace.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url + "/?lang=en")
        page.get_by_text("busy", exact=False).first.wait_for(timeout=60_000)
        time.sleep(1)
        shot(page, "lock_1_busy_retrying_en")
        page.get_by_text("still busy", exact=False).first.wait_for(timeout=90_000)
        shot(page, "lock_2_gave_up_names_holder_en")
        zh = browser.new_page(viewport={"width": 1400, "height": 1000})
        zh.goto(url + "/?lang=zh")
        zh.get_by_text("团队数据正忙", exact=False).first.wait_for(timeout=60_000)
        shot(zh, "lock_3_busy_retrying_zh")
        holder.kill()
        holder.wait()
        page.get_by_role("button", name="Try again").click()
        page.get_by_text("Team data published", exact=False).first.wait_for(timeout=60_000)
        idle(page)
        shot(page, "lock_4_free_again_team_data", settle=3)
    finally:
        holder.kill()
        proc.terminate()
        proc.wait()
    log = (folder / "server.log").read_text()
    print("server log lines about the workspace:",
          [line for line in log.splitlines() if "workspace" in line][:6])


def corrupt_case(browser) -> None:
    from analytics.ingest.importer import import_file
    from analytics.store.workspace import PublishItem, Workspace

    folder = Path(tempfile.mkdtemp(prefix="faults_corrupt_"))
    deals = import_file(DEALS.encode(), "team.csv")[0].frame
    ws = Workspace(folder)
    ws.publish([PublishItem("deals", deals, "team.csv", "h")])
    ws.db_path.write_bytes(ws.db_path.read_bytes()[:4096])
    proc, url = start_server(folder)
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url + "/?lang=en")
        page.get_by_text("damaged", exact=False).first.wait_for(timeout=60_000)
        idle(page)
        shot(page, "corrupt_named_with_restore_command")
    finally:
        proc.terminate()
        proc.wait()
    log = (folder / "server.log").read_text()
    print("traceback in server log:", "Traceback" in log, "| names file:", str(ws.db_path) in log)


def deals_only_case(browser) -> None:
    folder = Path(tempfile.mkdtemp(prefix="faults_upload_"))
    proc, url = start_server(folder)
    deals = folder / "my_deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 2000})
        page.goto(url + "/data?lang=en")
        idle(page)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(deals))
        page.get_by_text("your upload", exact=False).first.wait_for(timeout=60_000)
        idle(page)
        shot(page, "upload_1_data_page", settle=3)
        page.get_by_test_id("stSidebarNavLink").filter(has_text="Overview").click()
        page.get_by_text("No targets loaded", exact=False).first.wait_for(timeout=60_000)
        idle(page)
        shot(page, "upload_2_overview_deals_only", settle=3)
        page.get_by_test_id("stSidebarNavLink").filter(has_text="Data").click()
        page.get_by_text("Your upload is kept", exact=False).first.wait_for(timeout=60_000)
        idle(page)
        shot(page, "upload_3_back_on_data_upload_kept", settle=3)
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        cases = {"upload": deals_only_case, "corrupt": corrupt_case, "lock": lock_case}
        try:
            for name in sys.argv[1:] or cases:
                cases[name](browser)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
