"""How far an import has got: rows read, rows checked, and an estimate of the time left.

The importer reports its four stages through a :class:`Progress`: *read* (Arrow's CSV reader,
block by block, in bytes of the file), *clean* (the cells of each column stripped, column by
column), *parse* (each mapped column parsed into dates, amounts, …) and *rules* (the table's
rules, the currency, the canonical frame: steps counted by the importer). This module turns them
into one fraction for a progress bar, the rows read and checked, and the time left. It knows
nothing of Streamlit: the Data page renders :meth:`Progress.snapshot` (``analytics`` stays pure).

The stages' weights are their shares of a 1M-row, 22-column CSV import (profiled for issue 19:
read 1.5 s, clean 1.6 s, parse 3.6 s, rules 4.1 s of 11.3 s). Within a stage the work grows
steadily, so the fraction done is a fair clock; the time left is the elapsed time scaled by what
remains (``elapsed * (1 - f) / f``), given only once there is enough of a run to go on (half a
second and 3 % of the work). A workbook is read in a sandboxed child that reports nothing until
it is done: its *read* and *clean* stages jump to full at once. Rows checked are the rows times
the share of the checking stages (parse and rules) done.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["STAGES", "Progress", "Snapshot"]

#: (stage, share of an import's time), in the order they run.
STAGES: tuple[tuple[str, float], ...] = (("read", 0.15), ("clean", 0.15), ("parse", 0.32), ("rules", 0.38))
_WEIGHT = dict(STAGES)
_CHECKING = ("parse", "rules")
_MIN_ELAPSED_S = 0.5
_MIN_FRACTION = 0.03


@dataclass(frozen=True)
class Snapshot:
    """What a progress bar shows at one moment."""

    phase: str                    # "reading", "checking" or "done"
    fraction: float               # 0..1 of the whole import
    rows_read: int
    rows_checked: int
    rows_total: int | None        # known once the file is read
    seconds_left: float | None    # None while there is too little to estimate from


class Progress:
    """The state of one import. ``on_change`` (if given) gets a :class:`Snapshot` at most every
    ``interval_s`` seconds, and always when a stage completes, so a page is not redrawn per batch."""

    def __init__(self, total_bytes: int, on_change: Callable[[Snapshot], None] | None = None, *,
                 clock: Callable[[], float] = time.monotonic, interval_s: float = 0.25):
        self.total_bytes = max(int(total_bytes), 1)
        self.on_change = on_change
        self.clock = clock
        self.interval_s = interval_s
        self.started = clock()
        self._last_sent: float | None = None
        self.done = False
        self.rows_read = 0
        self.rows_total: int | None = None
        self._share = dict.fromkeys(_WEIGHT, 0.0)

    # --- what the importer reports ---------------------------------------------------------

    def read(self, rows: int, bytes_done: int, *, finished: bool = False) -> None:
        """``rows`` data rows and ``bytes_done`` bytes of the file read so far; ``finished``: the
        file is read and its cells cleaned (``rows`` is then the number of data rows)."""
        self.rows_read = max(self.rows_read, int(rows))
        self._share["read"] = max(self._share["read"], min(bytes_done / self.total_bytes, 1.0))
        if finished:
            self.rows_total = int(rows)
            self.rows_read = int(rows)
            self._share["read"] = self._share["clean"] = 1.0
        self._changed(force=finished)

    def step(self, stage: str, done: int, total: int) -> None:
        """``done`` of ``total`` steps of ``stage`` ("clean", "parse" or "rules") finished."""
        share = min(max(done, 0) / max(total, 1), 1.0)
        self._share[stage] = max(self._share[stage], share)
        for earlier, _weight in STAGES[: [s for s, _ in STAGES].index(stage)]:
            self._share[earlier] = 1.0  # a later stage runs: the earlier ones are over
        self._changed(force=share >= 1.0)

    def rows(self, total: int) -> None:
        """The sheet being checked has ``total`` rows (a workbook's sheets one after another)."""
        self.rows_total = int(total)
        self.rows_read = max(self.rows_read, int(total))

    def finish(self) -> None:
        self.done = True
        self._share = dict.fromkeys(_WEIGHT, 1.0)
        self._changed(force=True)

    # --- what a page shows -------------------------------------------------------------------

    @property
    def phase(self) -> str:
        if self.done:
            return "done"
        return "checking" if self._share["parse"] > 0 or self._share["clean"] >= 1.0 else "reading"

    def fraction(self) -> float:
        return 1.0 if self.done else min(sum(_WEIGHT[s] * self._share[s] for s in _WEIGHT), 1.0)

    def rows_checked(self) -> int:
        if self.rows_total is None:
            return 0
        weight = sum(_WEIGHT[s] for s in _CHECKING)
        share = sum(_WEIGHT[s] * self._share[s] for s in _CHECKING) / weight
        return int(self.rows_total * share)

    def seconds_left(self) -> float | None:
        if self.done:
            return 0.0
        elapsed = self.clock() - self.started
        f = self.fraction()
        if elapsed < _MIN_ELAPSED_S or f < _MIN_FRACTION:
            return None
        return max(elapsed * (1 - f) / f, 0.0)

    def snapshot(self) -> Snapshot:
        return Snapshot(self.phase, self.fraction(), self.rows_read, self.rows_checked(), self.rows_total,
                        self.seconds_left())

    def _changed(self, force: bool = False) -> None:
        if self.on_change is None:
            return
        now = self.clock()
        if not force and self._last_sent is not None and now - self._last_sent < self.interval_s:
            return
        self._last_sent = now
        self.on_change(self.snapshot())
