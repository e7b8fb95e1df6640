"""The deployment stack for real: ``deploy/run-local.sh`` starts PostgreSQL, two app replicas and
nginx (deploy/nginx.conf.template) on this machine, and Chromium uses the app through the proxy.

- Each replica serves a browser through the proxy: two browsers with different sticky keys land
  on different replicas (nginx's access log names the upstream of each WebSocket), and the
  Overview renders on both, in English and in Chinese, with no exception.
- An upload goes through the proxy (the upload request must reach the session's replica).
- A publish by the CLI is on both replicas' Overview through the proxy.
- ``run-local.sh stop`` ends the foreground script and leaves no process; a second start on the
  same folder keeps the data (no sample published again) and Ctrl-C stops it cleanly.

Needs nginx and PostgreSQL's server binaries besides Chromium: skipped without them, except in CI
(``scripts/test`` installs them as root). The whole file takes about 1.7 minutes here (100 s, load 4-6
on 2 cores): the start 14 s, the four Overview loads on two cold replicas 46 s, the publish 24 s.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from analytics.outputs.numbers import money
from tests.e2e.conftest import ROOT, _require_browser, no_exception, open_page, shoot, wait_idle
from tests.pg import server_bin

pytestmark = pytest.mark.e2e

SCRIPT = ROOT / "deploy" / "run-local.sh"
REPLICAS = ("app1", "app2")

# Won in Nov 2026 (SALES_TODAY is 2026-11-30): 100,000 + 200,000 + 300,000 = 600,000 (by hand).
DEALS = """deal_id,customer,rep,team,stage,amount,created_date,close_date,currency
D-1,Acme,Ann Lee,North,Closed Won,100000,2026-09-01,2026-11-03,USD
D-2,Bolt,Ann Lee,North,Closed Won,200000,2026-09-15,2026-11-12,USD
D-3,Crane,Bo Chen,North,Closed Won,300000,2026-10-01,2026-11-20,USD
D-4,Delta,Bo Chen,North,Closed Lost,50000,2026-10-02,2026-11-21,USD
"""
ACTUAL = 600_000
TARGETS = """rep,team,period,target
Ann Lee,North,2026-11,400000
Bo Chen,North,2026-11,500000
"""


def _require_stack() -> None:
    _require_browser()
    missing = [what for what, ok in (("nginx", shutil.which("nginx") or Path("/usr/sbin/nginx").exists()),
                                     ("PostgreSQL's server binaries", server_bin()))
               if not ok]
    if missing:
        message = " and ".join(missing) + " missing: apt-get install nginx-light postgresql"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (scripts/test installs them as root in CI)")
        pytest.skip(message)


class Stack:
    """deploy/run-local.sh in the foreground, as a person runs it, in a folder of its own."""

    def __init__(self, folder: Path):
        self.dir = folder
        self.env = {**os.environ, "SALES_TODAY": "2026-11-30", "PYTHON": sys.executable}
        self.proc: subprocess.Popen | None = None
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.url = ""

    def start(self, timeout: float = 180) -> str:
        self.lines = queue.Queue()
        self.proc = subprocess.Popen([str(SCRIPT), "start", "--dir", str(self.dir), "--port", "0"], cwd=ROOT,
                                     env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, args=(self.proc,), daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            if found := re.search(r"ready: (http://\S+)", line):
                self.url = found.group(1)
                return self.url
        pytest.fail("run-local.sh did not get ready:\n" + "".join(self.output[-40:]))

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            self.output.append(line)
            self.lines.put(line)

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([str(SCRIPT), *args, "--dir", str(self.dir)], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=timeout)

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        env = {**self.env, "SALES_DATABASE_URL": (self.dir / "secrets" / "database_url").read_text().strip(),
               "SALES_WORKSPACE": str(self.dir / "cli")}
        return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)

    def history(self) -> list[dict]:
        done = self.cli("workspace", "history", "--format", "json")
        assert done.returncode == 0, done.stderr
        return sorted(json.loads(done.stdout), key=lambda v: v["version"])

    def upstream(self, name: str) -> str:
        return f"127.0.0.1:{(self.dir / name / 'port').read_text().strip()}"

    def access_log(self) -> list[str]:
        return (self.dir / "nginx" / "access.log").read_text().splitlines()

    def pids(self) -> dict[str, int]:
        """The stack's processes as its pid files name them (postgres: its postmaster.pid)."""
        files = {**{name: self.dir / name / "pid" for name in REPLICAS}, "nginx": self.dir / "nginx" / "nginx.pid",
                 "postgres": self.dir / "pg" / "data" / "postmaster.pid"}
        return {name: int(f.read_text().split()[0]) for name, f in files.items() if f.exists()}

    def ports(self) -> list[int]:
        names = ["db_port", "proxy_port", *(f"{n}/port" for n in REPLICAS)]
        return [int((self.dir / n).read_text()) for n in names if (self.dir / n).exists()]


def _left_over(folder: Path) -> list[str]:
    """Processes whose command line or environment mentions the stack's folder (the replicas'
    SALES_WORKSPACE, nginx's prefix, the cluster's data folder), children included."""
    left = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if str(folder).encode() in cmdline + environ:
            command = cmdline.replace(b"\0", b" ").decode(errors="replace")[:200]
            left.append(f"{proc.name}: {command}")
    return left


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _assert_all_gone(stack: Stack, pids: dict[str, int], ports: list[int]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (_left_over(stack.dir) or any(Path(f"/proc/{p}").exists() for p in pids.values())):
        time.sleep(0.2)
    assert not _left_over(stack.dir)
    assert not [name for name, pid in pids.items() if Path(f"/proc/{pid}").exists()], pids
    assert not [p for p in ports if _listening(p)], ports


@pytest.fixture(scope="module")
def stack():
    _require_stack()
    # Not pytest's tmp_path: its parents are 0700, and the cluster runs as `postgres` under root.
    folder = Path(tempfile.mkdtemp(prefix="sales-deploy-"))
    folder.chmod(0o755)
    running = Stack(folder)
    running.start()
    try:
        yield running
    finally:
        running.run("stop")
        if running.proc and running.proc.poll() is None:
            running.proc.kill()
        shutil.rmtree(folder, ignore_errors=True)


def _sticky_keys(stack: Stack) -> dict[str, str]:
    """A sticky-cookie value for each replica, found by asking the proxy with candidate keys and
    reading which upstream nginx chose for each."""
    wanted = {stack.upstream(name): name for name in REPLICAS}
    keys: dict[str, str] = {}
    for i in range(64):
        key = f"probe{i}"
        request = urllib.request.Request(f"{stack.url}_stcore/health", headers={"Cookie": f"sales_replica={key}"})
        with urllib.request.urlopen(request, timeout=10) as r:
            assert r.read() == b"ok"
        for line in reversed(stack.access_log()):
            if f"sticky={key} " in line:
                upstream = re.search(r"upstream=(\S+)", line).group(1)
                keys.setdefault(wanted[upstream], key)
                break
        if len(keys) == len(REPLICAS):
            return keys
    pytest.fail(f"64 sticky keys all went to {set(keys)}: the proxy does not spread browsers")


def _browser_on(browser, stack: Stack, key: str):
    context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="en-US")
    context.add_cookies([{"name": "sales_replica", "value": key, "url": stack.url}])
    return context.new_page()


def _actual(page) -> str:
    card = page.get_by_test_id("stMetric").filter(has_text="Actual (won revenue)")
    return card.get_by_test_id("stMetricValue").inner_text().strip()


def _websockets(stack: Stack, key: str) -> set[str]:
    """The upstreams that served WebSockets (status 101) for ``key``."""
    return {re.search(r"upstream=(\S+)", line).group(1) for line in stack.access_log()
            if '"GET /_stcore/stream ' in line and '" 101 ' in line and f"sticky={key} " in line}


def test_both_replicas_serve_the_overview_through_the_proxy(stack, browser):
    keys = _sticky_keys(stack)
    for name, key in keys.items():
        page = _browser_on(browser, stack, key)
        open_page(page, f"{stack.url}?lang=en")
        no_exception(page)
        assert _actual(page)  # the Overview's figures rendered
        shoot(page, f"deploy_{name}_overview_en")
        open_page(page, f"{stack.url}?lang=zh")
        no_exception(page)
        assert re.search(r"[\u4e00-\u9fff]", page.get_by_test_id("stMain").inner_text())
        shoot(page, f"deploy_{name}_overview_zh")
        page.context.close()
        # Every WebSocket of this browser (one per page load) went to its own replica, and only there.
        assert _websockets(stack, key) == {stack.upstream(name)}, name
    logs = {name: (stack.dir / name / "app.log").read_text() for name in REPLICAS}
    assert not [name for name, log in logs.items() if "Traceback" in log], logs


def test_an_upload_goes_through_the_proxy_to_its_session(stack, browser, tmp_path):
    deals = tmp_path / "deals.csv"
    deals.write_text(DEALS, encoding="utf-8")
    page = _browser_on(browser, stack, _sticky_keys(stack)["app2"])
    open_page(page, f"{stack.url}data")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(deals))
    page.get_by_text("Rows read").first.wait_for(timeout=90_000)
    wait_idle(page)
    no_exception(page)
    uploads = [line for line in stack.access_log() if "/_stcore/upload_file/" in line]
    assert uploads and all(f"upstream={stack.upstream('app2')} " in line and '" 20' in line for line in uploads), uploads
    page.context.close()


def test_a_publish_by_the_cli_is_on_both_replicas_through_the_proxy(stack, browser, tmp_path):
    pages = {name: _browser_on(browser, stack, key) for name, key in _sticky_keys(stack).items()}
    before = {}
    for name, page in pages.items():
        open_page(page, stack.url)
        before[name] = _actual(page)
    assert len(set(before.values())) == 1, before  # both replicas serve the sample, alike

    (tmp_path / "deals.csv").write_text(DEALS, encoding="utf-8")
    (tmp_path / "targets.csv").write_text(TARGETS, encoding="utf-8")
    done = stack.cli("publish", str(tmp_path / "deals.csv"), str(tmp_path / "targets.csv"))
    assert done.returncode == 0, done.stderr
    published = time.monotonic()
    assert [(v["version"], v["current"], v["deals"]) for v in stack.history()] == [(1, False, 4708), (2, True, 4)]

    time.sleep(max(0.0, published + 2.0 - time.monotonic()))  # replicas notice a publish within 2 s
    for name, page in pages.items():
        open_page(page, stack.url)
        no_exception(page)
        assert _actual(page) == money(ACTUAL, "USD") != before[name], name
        shoot(page, f"deploy_{name}_after_publish")
        page.context.close()


def test_stop_leaves_nothing_and_a_restart_keeps_the_data_until_ctrl_c(stack):
    pids, ports = stack.pids(), stack.ports()
    assert set(pids) == {"app1", "app2", "nginx", "postgres"}, pids
    done = stack.run("status")
    assert done.returncode == 0, done.stdout + done.stderr

    done = stack.run("stop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert stack.proc.wait(timeout=30) == 0  # the foreground script ends with its stack
    _assert_all_gone(stack, pids, ports)
    assert stack.run("stop").returncode == 0  # stopping twice is fine
    assert stack.run("status").returncode == 1

    # Start again on the same folder: the team's data is still there, the sample is not published again.
    stack.start()
    assert stack.run("start", "--detach").stdout.count("already running") == 1  # a second start only says where
    assert [v["version"] for v in stack.history()] == [1, 2]
    pids, ports = stack.pids(), stack.ports()
    stack.proc.send_signal(signal.SIGINT)  # Ctrl-C
    assert stack.proc.wait(timeout=60) == 130
    _assert_all_gone(stack, pids, ports)
