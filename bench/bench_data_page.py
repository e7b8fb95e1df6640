"""A million-row CRM export through the Data page in Chromium (issue 19): time to the validation
report, the server's peak memory, and its memory 30 s after the tab is closed; then the same for
a refused upload.

    python bench/bench_data_page.py [--rows 1000000] [--cols 22] [--path /tmp/crm_1m_22.csv]
                                    [--wait 30] [--app-root DIR] [--repeat 1]

The app runs as ``streamlit run app.py`` on an empty workspace (so the page shows the sample
company until the upload). Chromium (Playwright) opens the Data page; the server's resident memory
(VmRSS from /proc) once the page is idle is the *baseline*, and its peak counter (VmHWM) is reset
there (``/proc/PID/clear_refs``). The file is given to the first uploader, as a user drops it;
timed from then (page clock) to

- *report*: the validation report's "Rows read" metric shows the file's row count, and
- *idle*: the app's run is over and quiet for 0.5 s (the page builds the upload's own DuckDB
  tables after the report, in a second run).

Then the tab is closed and the server's memory read after ``--wait`` seconds. The refused upload
is the same file with every other amount in euros: read and checked whole, then refused for mixing
currencies without exchange rates (the issue's "after a refusal" case); its memory is read 30 s
after the refusal with the tab still open, and 30 s after that tab is closed too.

Goals: report <= 10 s; peak <= 1 GB above the baseline; back within 100 MB of the baseline 30 s
after the session ends or after a refused upload.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_browser import CHROMIUM, DONE, LAUNCH_ARGS, OBSERVER, loadavg, start_server  # noqa: E402
from bench_import_memory import make_crm_csv  # noqa: E402

# The report is on screen: a "Rows read" metric shows ``rows`` (formatted with thousands commas).
REPORT = """(rows) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(
  m => m.innerText.includes('Rows read') && m.innerText.includes(rows))"""
REFUSED = """() => [...document.querySelectorAll('[data-testid="stAlert"], [data-testid="stAlertContainer"]')]
  .some(a => a.innerText.includes('currenc'))"""


def status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak(pid: int) -> None:
    """VmHWM back to the current RSS (Linux >= 4.0; our own child process)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def mixed_currency_copy(path: Path, out: Path) -> None:
    if out.exists() and out.stat().st_mtime >= path.stat().st_mtime:
        return
    lines = path.read_bytes().split(b"\n")
    for i in range(1, len(lines), 2):
        lines[i] = lines[i].replace(b"$", "€".encode())
    out.write_bytes(b"\n".join(lines))


def open_data_page(browser, url: str, timeout_s: float):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-US")
    context.add_init_script(OBSERVER)
    page = context.new_page()
    page.goto(f"{url}/data", timeout=timeout_s * 1000)
    page.get_by_test_id("stFileUploaderDropzoneInput").first.wait_for(state="attached", timeout=timeout_s * 1000)
    page.wait_for_function(DONE, arg=0.0, timeout=timeout_s * 1000, polling=100)
    return page


def upload(page, path: Path, done_js: str, arg: object, timeout_s: float) -> tuple[float, float]:
    """(ms to ``done_js``, ms to idle) from giving the file to the uploader."""
    t0 = page.evaluate("performance.now()")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(path))
    page.wait_for_function(done_js, arg=arg, timeout=timeout_s * 1000, polling=100)
    shown = page.evaluate("performance.now()")
    idle = float(page.wait_for_function(DONE, arg=t0, timeout=timeout_s * 1000, polling=100).json_value())
    return shown - t0, idle - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--cols", type=int, default=22)
    ap.add_argument("--path", type=Path, default=Path("/tmp/crm_1m_22.csv"))
    ap.add_argument("--wait", type=float, default=30.0)
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--repeat", type=int, default=1, help="uploads of the good file, each in a new tab")
    ap.add_argument("--app-root", type=Path, default=ROOT)
    ap.add_argument("--app-env", action="append", default=[], metavar="NAME=VALUE",
                    help="extra environment of the app's server, e.g. DUCKDB_JE_MALLOC_CONF=background_thread:true")
    ap.add_argument("--probe", type=Path, default=None,
                    help="write what holds the server's memory (bench/memory_probe.py) to this file at the "
                         "baseline, at the report and after the wait, one JSON line each")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    if not args.path.exists():
        make_crm_csv(args.path, args.rows, args.cols)
    refused = args.path.with_name(args.path.stem + "_mixed.csv")
    mixed_currency_copy(args.path, refused)
    print(f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; {args.path} "
          f"({args.path.stat().st_size / 1e6:.0f} MB, {args.rows:,} rows x {args.cols}); app at {args.app_root}; "
          f"load average {loadavg()}", flush=True)
    workspace = Path(tempfile.mkdtemp(prefix="bench_data_page_"))
    env = {"SALES_WORKSPACE": str(workspace / "ws"), "SALES_TODAY": "2026-11-30",
           **dict(e.split("=", 1) for e in args.app_env)}
    if args.probe is not None:
        args.probe.unlink(missing_ok=True)
        env |= {"SALES_MEMORY_PROBE": str(args.probe),
                "PYTHONPATH": os.pathsep.join([str(ROOT / "bench" / "probe"), os.environ.get("PYTHONPATH", "")])}
    app, url = start_server("app.py", args.app_root, env)

    def probe(label: str, collect: bool = False) -> None:
        if args.probe is not None:
            with args.probe.open("a", encoding="utf-8") as f:
                f.write(f'{{"label": "{label}"}}\n')
            os.kill(app.pid, signal.SIGUSR2 if collect else signal.SIGUSR1)
            time.sleep(3)  # the probe walks every object: give it time before the next step
    rows_text = f"{args.rows:,}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            warm = open_data_page(browser, url, args.timeout)  # the server's first run, not measured
            warm.context.close()
            time.sleep(3)
            for k in range(args.repeat):
                page = open_data_page(browser, url, args.timeout)
                time.sleep(2)
                base = status_mb(app.pid, "VmRSS")
                probe(f"upload {k + 1}: baseline")
                reset_peak(app.pid)
                report_ms, idle_ms = upload(page, args.path, REPORT, rows_text, args.timeout)
                peak = status_mb(app.pid, "VmHWM")
                probe(f"upload {k + 1}: idle after the report")
                page.screenshot(path=f"/tmp/bench_data_page_report_{k}.png")
                page.context.close()
                time.sleep(args.wait)
                later = status_mb(app.pid, "VmRSS")
                probe(f"upload {k + 1}: {args.wait:.0f} s after the tab closed")
                print(f"upload {k + 1}: report {report_ms / 1000:.1f} s, idle {idle_ms / 1000:.1f} s; baseline "
                      f"{base:,.0f} MB, peak +{peak - base:,.0f} MB, {args.wait:.0f} s after the tab closed "
                      f"+{later - base:,.0f} MB (RSS {later:,.0f} MB); load {loadavg()}", flush=True)
            page = open_data_page(browser, url, args.timeout)
            time.sleep(2)
            base = status_mb(app.pid, "VmRSS")
            reset_peak(app.pid)
            refused_ms, _idle = upload(page, refused, REFUSED, None, args.timeout)
            peak = status_mb(app.pid, "VmHWM")
            page.screenshot(path="/tmp/bench_data_page_refused.png")
            time.sleep(args.wait)
            open_later = status_mb(app.pid, "VmRSS")
            page.context.close()
            time.sleep(args.wait)
            closed_later = status_mb(app.pid, "VmRSS")
            print(f"refused upload: message after {refused_ms / 1000:.1f} s; baseline {base:,.0f} MB, peak "
                  f"+{peak - base:,.0f} MB, {args.wait:.0f} s later with the tab open +{open_later - base:,.0f} MB, "
                  f"{args.wait:.0f} s after closing it +{closed_later - base:,.0f} MB; load {loadavg()}", flush=True)
            browser.close()
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
