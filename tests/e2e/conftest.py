"""Browser tests: the real app (``streamlit run``) driven by Playwright in Debian's Chromium.

Skipped with a reason on a machine without Chromium, never in CI (``CI=true``). Screenshots go
to ``artifacts/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "artifacts" / "screenshots"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _require_browser() -> None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("playwright is not installed in CI")
        pytest.skip("playwright is not installed (pip install -r requirements-dev.txt)")
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is missing in CI: scripts/test installs it as root")
        pytest.skip("Debian's chromium is not installed: apt-get install chromium fonts-noto-cjk")


@contextmanager
def app_server(workspace: Path, *extra: str, port: int | None = None):
    """The app on ``port`` (else a free one), reading ``workspace``; yields its base URL."""
    _require_browser()
    port = port or _free_port()
    env = {**os.environ, "SALES_WORKSPACE": str(workspace), "SALES_TODAY": "2026-11-30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", *extra],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the app did not start: " + (proc.stdout.read().decode()[-2000:] if proc.stdout else ""))
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A running app on a free port with its own empty workspace; yields its URL and workspace."""
    workspace = tmp_path_factory.mktemp("e2e_workspace")
    with app_server(workspace) as url:
        yield {"url": url, "workspace": workspace}


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="en-US")
    pg = context.new_page()
    yield pg
    context.close()


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the app has finished running its script (see TESTING.md)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const status = document.querySelector('[data-testid="stStatusWidget"]');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && (!status || status.offsetParent === null);
        }""", timeout=timeout)
    page.wait_for_timeout(400)


def open_page(page, url: str) -> None:
    """Go to ``url`` and wait until the app has rendered its frame and finished running."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebarUserContent"] [data-testid="stElementContainer"]',
                           timeout=90_000)
    wait_idle(page, timeout=90_000)
    # Widgets can still be placeholders just after the run ends on a busy machine.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=90_000)


def shoot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.wait_for_timeout(1500)  # Plotly draws after the script has finished
    page.screenshot(path=str(path))
    return path


def no_exception(page) -> None:
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").first.inner_text()
    assert "This app has encountered an error" not in page.content()
