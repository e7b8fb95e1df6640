"""The monthly report's Pipeline changes sheet (issue 15): its figures equal
``analytics.metrics.changes`` on the sample company's weekly snapshots, its waterfall is a native
stacked chart, and a refused comparison or a missing snapshot is said on the sheet."""

from __future__ import annotations

import io
from datetime import date

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from analytics import i18n
from analytics.metrics.changes import period_changes, waterfall_steps
from analytics.outputs.report import build_report, build_report_from_con, label
from analytics.periods import parse_period
from analytics.store import snapshots
from analytics.store.settings import DEFAULT_SETTINGS, register_stage_map
from analytics.store.sources import load_sample

NOV = parse_period("2026-11")
AS_OF = date(2026, 11, 30)
EVIL_REP = '=HYPERLINK("http://evil.example","click")'


def rows_after(ws, heading: str | None) -> list[tuple]:
    """The table under the section ``heading`` (None: the first table, at row 4): its rows
    (header first) up to the first empty row or note."""
    start = 4 if heading is None else next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == heading) + 1
    out = []
    r = start
    while ws.cell(r, 1).value not in (None, "") and not isinstance(ws.cell(r, 2), MergedCell):
        out.append(tuple(ws.cell(r, c).value for c in range(1, ws.max_column + 1)))
        r += 1
    return out


@pytest.fixture(scope="module")
def sample():
    loaded = load_sample()
    con = loaded.connect()
    register_stage_map(con, DEFAULT_SETTINGS)
    snapshots.sample_history(con, snapshots.sample_history_end(con))
    expected = period_changes(con, NOV.start, NOV.end, settings=DEFAULT_SETTINGS)
    books = {
        "en": build_report(loaded, NOV, settings=DEFAULT_SETTINGS, lang="en", as_of=AS_OF),  # the CLI's way in
        "zh": build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, lang="zh", as_of=AS_OF),
    }
    return con, expected, {k: load_workbook(io.BytesIO(v)) for k, v in books.items()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_sheet_equals_the_analytics(sample, lang):
    _con, expected, books = sample
    assert expected is not None and expected.result.balanced
    ws = books[lang][label("sheet.changes", lang)]
    buckets = rows_after(ws, None)
    assert ws.freeze_panes == "A5"
    assert buckets[0][:4] == tuple(label(f"col.{c}", lang) for c in ("bucket", "deals", "amount", "signed"))
    want = expected.result.buckets
    assert [r[0] for r in buckets[1:]] == [i18n.text(f"changes.bucket.{b}", lang) for b in want["bucket"]]
    assert [r[1] for r in buckets[1:]] == want["deals"].tolist()
    assert [r[2] for r in buckets[1:]] == pytest.approx(want["amount"].tolist())
    assert [r[3] for r in buckets[1:]] == pytest.approx(want["signed"].tolist())
    # the period is framed by the snapshots of 26 Oct (the last before 1 Nov) and 30 Nov
    assert (expected.before, expected.after) == (date(2026, 10, 26), date(2026, 11, 30))
    assert expected.before.isoformat() in ws["A3"].value and expected.after.isoformat() in ws["A3"].value
    by_rep = rows_after(ws, label("sec.changes_by_rep", lang))
    want_rep = expected.result.by_rep
    assert [r[0] for r in by_rep[1:]] == want_rep["rep"].tolist()
    assert [r[2] for r in by_rep[1:]] == want_rep["pushed_deals"].tolist()
    assert [r[3] for r in by_rep[1:]] == pytest.approx(want_rep["pushed_amount"].tolist())
    moves = rows_after(ws, label("sec.changes_moves", lang))
    got_moves = dict(zip([r[0] for r in moves[1:]], [r[1] for r in moves[1:]], strict=True))
    for direction in ("progressed", "regressed"):
        sm = expected.result.stage_moves.set_index("direction")
        n = int(sm.loc[direction, "deals"]) if direction in sm.index else 0
        assert got_moves[i18n.text(f"changes.{direction}", lang)] == n
    slips = rows_after(ws, label("sec.changes_slips", lang))
    assert len(slips) - 1 == len(expected.slips) > 0
    assert [r[0] for r in slips[1:]] == expected.slips["deal_id"].tolist()
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_the_waterfall_is_a_native_stacked_chart_on_its_own_series(sample):
    _con, expected, books = sample
    ws = books["en"][label("sheet.changes", "en")]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert chart.grouping == "stacked" and chart.overlap == 100
    base, up, down = chart.series
    assert base.graphicalProperties.noFill  # the invisible base
    data = rows_after(ws, label("sec.changes_chart_data", "en"))
    steps = waterfall_steps(expected.result.buckets)
    assert [r[1] for r in data[1:]] == pytest.approx(steps["base"].tolist())
    assert [r[2] for r in data[1:]] == pytest.approx(steps["up"].tolist())
    assert [r[3] for r in data[1:]] == pytest.approx(steps["down"].tolist())
    assert "!$B$" in base.val.numRef.f and "!$C$" in up.val.numRef.f and "!$D$" in down.val.numRef.f


def test_a_rep_report_has_no_pipeline_changes_sheet(sample):
    con, _expected, _books = sample
    book = load_workbook(io.BytesIO(build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, rep="Chen Jing",
                                                          as_of=AS_OF)))
    assert label("sheet.changes", "en") not in book.sheetnames


def _snapshot_con(frames: list[tuple[pd.DataFrame, date]]) -> duckdb.DuckDBPyConnection:
    """The sample's canonical tables, and the given deals frames as snapshots."""
    con = load_sample().connect()
    register_stage_map(con, DEFAULT_SETTINGS)
    for i, (frame, day) in enumerate(frames):
        con.register("_f", frame)
        con.execute(f"CREATE TABLE _s{i} AS SELECT * FROM _f")
        con.unregister("_f")
        snapshots.record(con, f"_s{i}", day)
    return con


def _deals(rows, currency="CNY") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["deal_id", "rep", "team", "stage", "status", "amount", "close_date"])
    return frame.assign(close_date=pd.to_datetime(frame["close_date"]).dt.date, currency=currency)


def test_names_from_the_data_are_neutralised():
    before = _deals([("D1", EVIL_REP, "East", "Prospecting", "open", 100.0, "2026-11-20")])
    after = _deals([("D1", EVIL_REP, "East", "Prospecting", "open", 100.0, "2026-12-20")])
    con = _snapshot_con([(before, date(2026, 11, 1)), (after, date(2026, 11, 29))])
    book = load_workbook(io.BytesIO(build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, as_of=AS_OF)))
    ws = book[label("sheet.changes", "en")]
    by_rep = rows_after(ws, label("sec.changes_by_rep", "en"))
    assert by_rep[1][0] == "'" + EVIL_REP and by_rep[1][2] == 1  # pushed once, 100 → December
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_a_change_of_currency_is_said_on_the_sheet_not_compared():
    before = _deals([("D1", "Ann", "East", "Prospecting", "open", 100.0, "2026-11-20")], "USD")
    after = _deals([("D1", "Ann", "East", "Prospecting", "open", 700.0, "2026-11-20")], "CNY")
    con = _snapshot_con([(before, date(2026, 11, 1)), (after, date(2026, 11, 29))])
    book = load_workbook(io.BytesIO(build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, lang="zh",
                                                          as_of=AS_OF)))
    ws = book[label("sheet.changes", "zh")]
    texts = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "USD" in texts and "CNY" in texts and "币种" in texts
    assert not ws._charts


def test_without_two_snapshots_the_sheet_says_so():
    con = load_sample().connect()  # no snapshots at all
    register_stage_map(con, DEFAULT_SETTINGS)
    book = load_workbook(io.BytesIO(build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, as_of=AS_OF)))
    ws = book[label("sheet.changes", "en")]
    assert ws["A4"].value == label("note.changes_none", "en")
