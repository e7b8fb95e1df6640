"""Where a filter change spends its time: one page of the app run in-process (AppTest) on the
benchmark's published workspace, five Team filter changes under pyinstrument (issue 20).

    python bench/profile_page.py --page funnel [--rows 1000000] [--cache /tmp/bench_browser]

Prints pyinstrument's call tree of the five reruns (the first load is not profiled). The data is
what ``bench_browser.py`` prepared in ``--cache``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TEAMS = ["East", "West", "Central", "Key Accounts", "Partners"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--page", default="funnel")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/bench_browser"))
    ap.add_argument("--show-all", action="store_true", help="keep library frames in the tree")
    args = ap.parse_args()
    from bench_browser import prepare

    os.environ["SALES_WORKSPACE"] = str(prepare(args.rows, args.cache))
    os.environ["SALES_TODAY"] = "2026-11-30"
    from pyinstrument import Profiler
    from streamlit.testing.v1 import AppTest

    import tests.conftest  # noqa: F401  (AppTest keeps app.py's navigation between runs)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    at.switch_page(f"pages/{args.page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    # AppTest runs the script in a thread of its own: profile inside that thread, one session per run.
    from pyinstrument.session import Session
    from streamlit.runtime.scriptrunner import script_runner

    sessions: list[Session] = []
    real_run = script_runner.ScriptRunner._run_script

    def profiled(self, *a, **k):
        profiler = Profiler(interval=0.001)
        profiler.start()
        try:
            return real_run(self, *a, **k)
        finally:
            sessions.append(profiler.stop())

    script_runner.ScriptRunner._run_script = profiled
    times = []
    for i in range(len(TEAMS)):
        started = time.perf_counter()
        at.sidebar.multiselect(key="team").set_value(TEAMS[: i + 1]).run()
        times.append((time.perf_counter() - started) * 1000)
    assert not at.exception, [e.message for e in at.exception]
    print(f"{args.page}: reruns {', '.join(f'{t:,.0f}' for t in times)} ms; load average {os.getloadavg()}")
    combined = sessions[0]
    for more in sessions[1:]:
        combined = Session.combine(combined, more)
    profiler = Profiler()
    profiler._last_session = combined
    print(profiler.output_text(unicode=True, color=False, show_all=args.show_all))


if __name__ == "__main__":
    main()
