"""Benchmark in the browser: every page of the app at 1 million published deals, against a plain
Streamlit + pandas page, in the same run (issue 20).

What a person waits for: Chromium (Playwright) opens each page in a fresh session (cold load),
then makes five filter changes in the sidebar (the Team multiselect: East, then also West,
Central, Key Accounts, Partners: five new slices that no cache holds). A change is timed from the
key press to the end of the app's run (the ``data-test-script-state`` of ``stApp`` back to
``notRunning`` and quiet for 0.5 s, the time of that last change counted), in the page's own clock.
The plain page (``bench/plain_page.py``: the rep attainment table from a cached DataFrame) gets
the same five changes right after each app page, so both sides share the machine's load. Then
``--sessions`` browser sessions open the Customers and Overview pages at once, and the server's
peak memory (VmHWM) is read from /proc.

    python bench/bench_browser.py [--rows 1000000] [--changes 5] [--pages overview,customers]
                                  [--sessions 5] [--cache /tmp/bench_browser] [--app-root DIR]

``--app-root`` runs another checkout of the app (e.g. a worktree of the previous commit) on the same
data, for before/after figures. The data (``bench_pages.make_tables``) and its published workspace
are kept in ``--cache`` between runs.

Goals: every page's filter change <= 400 ms median and <= 1.5x the plain page; Customers <= 1 s;
server peak <= 1.5 GB with 5 sessions.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pages import build  # noqa: E402

from analytics.store import canonical  # noqa: E402
from analytics.store.workspace import PublishItem, Workspace  # noqa: E402

PAGES = ["overview", "my_progress", "funnel", "segments", "kpi_rewards", "customers", "pipeline_changes", "data",
         "explore", "settings"]
TEAMS = ["East", "West", "Central", "Key Accounts", "Partners"]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

# Records every change of the app's script state with the page's clock, and the time of the last
# Enter key press (the start of a filter change).
OBSERVER = """
window.__bench = {t0: null, states: []};
new MutationObserver((changes) => {
  for (const c of changes) {
    if (c.target.getAttribute && c.target.getAttribute('data-testid') === 'stApp') {
      // The value is read when the callback runs, possibly after the run ended: keep the old one too.
      window.__bench.states.push([c.target.getAttribute('data-test-script-state'), performance.now(), c.oldValue]);
    }
  }
}).observe(document, {attributes: true, attributeOldValue: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__bench.t0 = performance.now(); },
                          true);
"""

# Done: the app ran after ``since`` and has been idle for 500 ms; returns the time it went idle.
DONE = """(since) => {
  const b = window.__bench, app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return null;
  const ran = b.states.filter(([s, t]) => t >= since);
  if (!ran.some(([s, t, old]) => s === 'running' || old === 'running')) return null;
  const last = ran[ran.length - 1];
  if (last[0] !== 'notRunning' || performance.now() - last[1] < 500) return null;
  return last[1];
}"""


def page_url(base: str, name: str) -> str:
    """The address of a page: Overview, the default page, is the app's root."""
    return f"{base}/" if name == "overview" else f"{base}/{name}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def prepare(rows: int, cache: Path) -> Path:
    """The generated tables as parquet in ``cache`` and published in a workspace there."""
    tables = build(rows, "created", cache)
    # A workspace is kept per schema of the canonical tables: one written by an older schema
    # cannot be loaded by this code.
    empty = canonical.connect()
    schema = repr([(t, empty.execute(f'SELECT * FROM "{t}" LIMIT 0').df().columns.tolist()) for t in tables])
    folder = cache / f"workspace_{rows}_{hashlib.sha256(schema.encode()).hexdigest()[:8]}"
    ws = Workspace(folder)
    if ws.current_version() is None:
        started = time.perf_counter()
        items = [PublishItem(name, frame, f"{name}.parquet",
                             hashlib.sha256(f"{name}:{rows}:{len(frame)}".encode()).hexdigest())
                 for name, frame in tables.items()]
        ws.publish(items, note="bench_browser")
        print(f"published {rows:,} deals in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def start_server(script: str, cwd: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit(f"{script} did not start within 120 s")


def peak_mb(proc: subprocess.Popen) -> float:
    """The process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_done(page, since: float, timeout_s: float) -> float:
    handle = page.wait_for_function(DONE, arg=since, timeout=timeout_s * 1000, polling=100)
    return float(handle.json_value())


def open_cold(browser, url: str, timeout_s: float):
    """A fresh session on ``url``: (page, milliseconds from navigation to the end of the first run)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-US")
    context.add_init_script(OBSERVER)
    page = context.new_page()
    page.goto(url, timeout=timeout_s * 1000)
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Team").first.wait_for(
        timeout=timeout_s * 1000)
    return page, wait_done(page, 0.0, timeout_s)


def change_team(page, team: str, timeout_s: float) -> float:
    """Add ``team`` to the Team filter; milliseconds from the key press to the end of the run."""
    box = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Team").first
    for _ in range(20):  # an open option list makes the rest of the page inert: close it first
        if page.get_by_role("listbox").count() == 0:
            break
        page.keyboard.press("Escape")
        page.wait_for_timeout(250)
    box.locator("input").click(timeout=60_000)
    page.keyboard.type(team)
    page.get_by_role("option", name=team, exact=True).first.wait_for(timeout=30_000)
    page.keyboard.press("Enter")
    t0 = page.evaluate("window.__bench.t0")
    end = wait_done(page, t0, timeout_s)
    return end - t0


def changes_of(page, teams: list[str], timeout_s: float, label: str) -> list[float]:
    """The filter changes on ``page``; one that does not finish in ``timeout_s`` is reported (with a
    screenshot) and left out, and the page's remaining changes are skipped."""
    times = []
    for team in teams:
        try:
            times.append(change_team(page, team, timeout_s))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            shot = Path(f"/tmp/bench_browser_{label}_{len(times)}.png")
            page.screenshot(path=str(shot))
            print(f"{label}: change {len(times) + 1} ({team}) failed: {type(exc).__name__}; see {shot}", flush=True)
            break
    return times


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--changes", type=int, default=5)
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--sessions", type=int, default=5)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/bench_browser"))
    ap.add_argument("--app-root", type=Path, default=ROOT)
    ap.add_argument("--app-env", action="append", default=[], metavar="NAME=VALUE",
                    help="extra environment of the app's server, e.g. STREAMLIT_RUNNER_POST_SCRIPT_GC=true")
    ap.add_argument("--timeout", type=float, default=120, help="seconds to wait for one run")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    pages = [p for p in args.pages.split(",") if p]
    changes = TEAMS[: args.changes]
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{args.rows:,} deals, app at {args.app_root} {args.app_env or ''}; load average {loadavg()}", flush=True)
    folder = prepare(args.rows, args.cache)
    extra = dict(item.split("=", 1) for item in args.app_env)
    app, app_url = start_server("app.py", args.app_root, {"SALES_WORKSPACE": str(folder),
                                                          "SALES_TODAY": "2026-11-30", **extra})
    plain, plain_url = start_server("plain_page.py", ROOT / "bench", {"BENCH_DATA": str(args.cache),
                                                                      "BENCH_ROWS": str(args.rows)})
    results: dict[str, tuple[float, list[float]]] = {}
    plain_cold: list[float] = []
    plain_changes: list[float] = []
    loads = [loadavg()]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            # Warm-up, not timed: the server loads the workspace, the plain page reads its frames.
            for url in (page_url(app_url, "overview"), plain_url):
                page, ms = open_cold(browser, url, args.timeout)
                print(f"warm-up {url}: {ms:,.0f} ms", flush=True)
                page.context.close()
            for name in pages:
                page, cold = open_cold(browser, page_url(app_url, name), args.timeout)
                times = changes_of(page, changes, args.timeout, name)
                page.context.close()
                results[name] = (cold, times)
                ref, ref_cold = open_cold(browser, plain_url, args.timeout)
                plain_cold.append(ref_cold)
                ref_times = changes_of(ref, changes, args.timeout, f"plain_after_{name}")
                ref.context.close()
                plain_changes += ref_times
                loads.append(loadavg())
                print(f"{name}: cold {cold:,.0f} ms, changes {', '.join(f'{t:,.0f}' for t in times)} ms; "
                      f"plain {', '.join(f'{t:,.0f}' for t in ref_times)} ms; load {loads[-1]}", flush=True)
            # Several people at once: every session opens Customers, then Overview with a filter.
            if args.sessions:
                sessions = []
                for _ in range(args.sessions):
                    context = browser.new_context(viewport={"width": 1400, "height": 1600})
                    context.add_init_script(OBSERVER)
                    sessions.append(context.new_page())
                for page in sessions:
                    page.goto(page_url(app_url, "customers"), wait_until="commit")
                for page in sessions:
                    wait_done(page, 0.0, args.timeout)
                for page in sessions:
                    page.goto(page_url(app_url, "overview"))
                    change_team(page, TEAMS[0], args.timeout)
                for page in sessions:
                    page.context.close()
            browser.close()
        app_peak, plain_peak = peak_mb(app), peak_mb(plain)
    finally:
        for proc in (app, plain):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    ref_median = med(plain_changes)
    print()
    print(f"load average during the run: {', '.join(loads)}")
    print(f"plain Streamlit + pandas page: cold {med(plain_cold):,.0f} ms, filter change median "
          f"{ref_median:,.0f} ms (n = {len(plain_changes)})")
    print()
    print("| page | cold load | filter change (median) | / plain page | <= 400 ms | <= 1.5x |")
    print("|---|---:|---:|---:|:-:|:-:|")
    for name, (cold, times) in results.items():
        m = med(times)
        ratio = m / ref_median
        limit = 1000 if name == "customers" else 400
        print(f"| {name} | {cold:,.0f} ms | {m:,.0f} ms | {ratio:.2f}x | {'yes' if m <= limit else 'no'}"
              f"{' (<= 1 s)' if name == 'customers' else ''} | {'yes' if ratio <= 1.5 else 'no'} |")
    print()
    print(f"server peak memory (VmHWM, {args.sessions} sessions at the end): app {app_peak:,.0f} MB "
          f"(goal <= 1,536 MB); plain page {plain_peak:,.0f} MB")


if __name__ == "__main__":
    main()
