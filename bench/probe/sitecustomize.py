"""Loaded into the app's server by ``bench_data_page.py --probe`` (through PYTHONPATH): on SIGUSR1
the server writes what holds its memory to ``$SALES_MEMORY_PROBE`` (one JSON line per signal); on
SIGUSR2 it first collects garbage and hands freed memory back (``release_memory``), then writes."""

from __future__ import annotations

import os
import signal

if os.environ.get("SALES_MEMORY_PROBE"):
    import sys
    import threading

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from memory_probe import report

    def _on_signal(signum, _frame) -> None:
        threading.Thread(target=report, args=(os.environ["SALES_MEMORY_PROBE"], signum == signal.SIGUSR2),
                         daemon=True).start()

    signal.signal(signal.SIGUSR1, _on_signal)
    signal.signal(signal.SIGUSR2, _on_signal)
