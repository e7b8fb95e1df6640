"""Issue 19.4: the import's progress (rows read, rows checked, time left), with a fake clock, and
as the importer reports it on a real CSV."""

from __future__ import annotations

import pytest

from analytics.ingest.importer import import_file
from analytics.ingest.progress import STAGES, Progress, Snapshot


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_stages_weigh_one_in_all() -> None:
    assert sum(w for _s, w in STAGES) == pytest.approx(1.0)


def test_reading_then_checking_with_time_left() -> None:
    clock = Clock()
    p = Progress(1000, clock=clock)
    assert p.snapshot() == Snapshot("reading", 0.0, 0, 0, None, None)
    clock.now += 1.0
    p.read(400, 500)                 # half the bytes: half the read stage
    s = p.snapshot()
    assert s.phase == "reading" and s.rows_read == 400 and s.rows_checked == 0
    assert s.fraction == pytest.approx(0.15 * 0.5)
    assert s.seconds_left == pytest.approx(1.0 * (1 - 0.075) / 0.075)
    p.read(800, 1000, finished=True)  # read and cleaned
    assert p.snapshot().fraction == pytest.approx(0.30)
    assert p.rows_total == 800
    p.rows(800)
    p.step("parse", 2, 4)
    s = p.snapshot()
    assert s.phase == "checking" and s.fraction == pytest.approx(0.30 + 0.16)
    # rows checked: the share of the checking stages done (0.16 of 0.70) of the rows
    assert s.rows_checked == int(800 * 0.16 / 0.70)
    clock.now += 2.0
    p.step("rules", 3, 3)
    s = p.snapshot()
    assert s.fraction == pytest.approx(1.0) and s.rows_checked == 800 and s.seconds_left == pytest.approx(0.0)
    p.finish()
    assert p.snapshot() == Snapshot("done", 1.0, 800, 800, 800, 0.0)


def test_no_estimate_from_too_little() -> None:
    clock = Clock()
    p = Progress(10_000, clock=clock)
    p.read(10, 100)
    assert p.seconds_left() is None       # 0.15 % done
    clock.now += 0.2
    p.read(5000, 5000)
    assert p.seconds_left() is None       # 0.2 s elapsed
    clock.now += 1.0
    assert p.seconds_left() == pytest.approx(1.2 * (1 - 0.075) / 0.075)


def test_a_later_stage_completes_the_earlier_ones_and_nothing_goes_back() -> None:
    p = Progress(100, clock=Clock())
    p.step("parse", 1, 2)                 # a workbook: no read or clean steps were heard
    assert p.fraction() == pytest.approx(0.15 + 0.15 + 0.16)
    p.step("parse", 0, 2)                 # a second sheet starts its columns
    assert p.fraction() == pytest.approx(0.15 + 0.15 + 0.16)
    p.read(5, 10)                         # late news of reading does not move the bar back
    assert p.fraction() == pytest.approx(0.46)


def test_changes_are_sent_at_most_every_interval_and_at_a_stage_end() -> None:
    clock = Clock()
    sent: list[Snapshot] = []
    p = Progress(1000, sent.append, clock=clock, interval_s=0.25)
    p.read(1, 10)
    p.read(2, 20)                          # same instant: not sent
    clock.now += 0.3
    p.read(3, 30)
    p.step("clean", 1, 1)                  # a stage ends: always sent
    assert [s.rows_read for s in sent] == [1, 3, 3]


def test_the_importer_reports_every_stage() -> None:
    rows = 5000
    body = "".join(f"D{i},Rep {i % 7},Closed Won,\"${i:,}.50\",2026-0{i % 9 + 1}-1{i % 9}\n" for i in range(rows))
    data = ("Deal ID,Owner,Stage,Amount,Close Date\n" + body).encode()
    seen: list[Snapshot] = []
    p = Progress(len(data), seen.append, interval_s=0.0)
    result = import_file(data, "deals.csv", progress=p)[0]
    assert result.rows_loaded == rows
    phases = [s.phase for s in seen]
    assert phases[0] == "reading" and "checking" in phases and phases[-1] == "done"
    assert seen[-1] == Snapshot("done", 1.0, rows, rows, rows, 0.0)
    fractions = [s.fraction for s in seen]
    assert fractions == sorted(fractions)
    assert max(s.rows_read for s in seen if s.phase == "reading") == rows
    assert any(0 < s.rows_checked < rows for s in seen)


def test_a_workbook_reports_its_rows_after_the_child() -> None:
    from tests.fixtures_files import openpyxl_xlsx

    data = openpyxl_xlsx({"Deals": [["Deal ID", "Owner", "Stage", "Amount", "Close Date"],
                                    *[[f"D{i}", "Ann", "Closed Won", 100 + i, "2026-01-02"] for i in range(50)]]})
    seen: list[Snapshot] = []
    import_file(data, "deals.xlsx", progress=Progress(len(data), seen.append, interval_s=0.0))
    assert seen[0].rows_read == 50 and seen[-1] == Snapshot("done", 1.0, 50, 50, 50, 0.0)
