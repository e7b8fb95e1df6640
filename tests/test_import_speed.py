"""Issue 19: the fast CSV path (Arrow's reader, cleaning in Arrow compute, currency by cell shape)
gives exactly what the pandas/csv-module path gave, on the mapping corpora, the public data sets,
the sample data and awkward hand-made files; CSV caps are by bytes, and messages count data rows.

No timings here (bench/bench_import.py measures them)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd
import pytest
import yaml

from analytics.ingest.importer import ImportResult, import_file
from analytics.ingest.mapping import cell_currency, cells_currency
from analytics.ingest.readers import Limits, csv_data_rows, csv_grid_refused, read_file
from analytics.messages import InputError
from tests.conftest import DATASETS

ROOT = Path(__file__).resolve().parents[1]
FAST, OLD = Limits(), Limits(csv_arrow=False)


def _corpus_files() -> list[tuple[str, bytes]]:
    out = []
    for folder in ("corpus", "corpus_unseen"):
        for path in sorted((ROOT / "tests" / folder).glob("*.yaml")):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")):
                out.append((f"{item['name']}.csv", item["csv"].encode("utf-8")))
    return out


def _real_files() -> list[tuple[str, bytes]]:
    paths = sorted((ROOT / "data").glob("sample*/*.csv"))
    if DATASETS.exists():
        paths += sorted(p for p in DATASETS.rglob("*.csv") if p.stat().st_size < 3_000_000)
    return [(str(p.relative_to(p.parents[1])), p.read_bytes()) for p in paths]


# Awkward shapes: each must read the same way whichever path takes it (most fall back).
_AWKWARD = {
    "quoted_newline.csv": b'Deal,Amount,Close Date\nA,"1,200",2026-01-02\n"B\nsecond line","$3,400.50",2026-02-03\n',
    "crlf.csv": b"Deal,Amount,Close Date\r\nA,100,2026-01-02\r\nB,200,2026-01-02\r\n",
    "cr_only.csv": b"Deal,Amount,Close Date\rA,100,2026-01-02\rB,200,2026-01-02\r",
    "bom.csv": codecs.BOM_UTF8 + "Deal,Amount,Close Date\nA,¥1.2万,2026/1/2\n".encode(),
    "gbk.csv": "客户,金额,成交日期,阶段\n甲公司,\"1,200\",2026-01-02,赢单\n乙公司,3万,2026-02-03,输单\n".encode("gb18030"),
    "utf16.csv": "Deal\tAmount\tClose Date\nA\t100\t02/01/2026\n".encode("utf-16"),
    "semicolon.csv": b"Deal;Amount;Close Date\nA;1.200,50;02.01.2026\nB;3.400,00;13.01.2026\n",
    "ragged.csv": b"Deal,Amount,Close Date\nA,100,2026-01-02,extra,more\nB,200\n",
    "blank_lines.csv": b"Deal,Amount,Close Date\n\nA,100,2026-01-02\n\n\nB,200,2026-01-03\n\n",
    "title_rows.csv": b"Pipeline report\nExported 2026-01-05\n\nDeal,Amount,Close Date\nA,100,2026-01-02\n",
    "sep_line.csv": b"sep=;\nDeal;Amount;Close Date\nA;100;2026-01-02\n",
    "spaces.csv": "Deal , Amount ,Close Date\n  A\u3000, \xa0$100 \x1c,2026-01-02 \n B ,  ,2026-01-03\n".encode(),
    "quotes.csv": b'Deal,Amount,Close Date\n"A ""big"" one","  100 ",2026-01-02\nB,"",2026-01-03\n',
    "no_final_newline.csv": b"Deal,Amount,Close Date\nA,100,2026-01-02",
    "dup_and_bad.csv": (b"Deal ID,Stage,Amount,Close Date,Created Date\n"
                        b"D1,Closed Won,$1,000,2026-01-02,2025-12-01\n"
                        b"D1,Closed Won,\"$1,000\",2026-01-02,2025-12-01\n"
                        b"D2,Closed Won,,2026-01-02,2025-12-01\n"
                        b"D3,Closed Won,#N/A,2026-13-45,yesterday\n"
                        b"D4,Closed Lost,EUR 5,03/04/2026,\n"),
    "header_only.csv": b"Deal,Amount,Close Date\n",
    "one_column.csv": b"Customer\nA\nB\n\nC\n",
    "day_first.csv": b"Deal ID,Stage,Amount,Close Date\nD1,Closed Won,100,13/01/2026\nD2,Closed Won,200,02/01/2026\n",
}


def _same(fast: list[ImportResult], old: list[ImportResult], name: str) -> None:
    assert len(fast) == len(old), name
    for a, b in zip(fast, old, strict=True):
        assert (a.table, a.sheet_name, a.header_row, a.headers, a.rows_read) == \
            (b.table, b.sheet_name, b.header_row, b.headers, b.rows_read), name
        pd.testing.assert_frame_equal(a.frame, b.frame, obj=name)
        assert [(r, [p.text("en") for p in ps], cells) for r, ps, cells in a.rejected] == \
            [(r, [p.text("en") for p in ps], cells) for r, ps, cells in b.rejected], name
        for kind in ("warnings", "notes", "errors"):
            assert [p.text("en") for p in getattr(a, kind)] == [p.text("en") for p in getattr(b, kind)], (name, kind)
        pd.testing.assert_frame_equal(a.rejected_frame("zh"), b.rejected_frame("zh"), obj=name)


def _import(data: bytes, name: str, limits: Limits) -> list[ImportResult] | tuple[str, ...]:
    try:
        return import_file(data, name, limits=limits)
    except InputError as exc:
        return tuple(p.text("en") for p in exc.problems)


def _check(name: str, data: bytes) -> None:
    fast, old = _import(data, name, FAST), _import(data, name, OLD)
    if isinstance(fast, tuple) or isinstance(old, tuple):
        assert fast == old, name
        return
    _same(fast, old, name)


@pytest.mark.parametrize(("name", "data"), _corpus_files(), ids=lambda v: v if isinstance(v, str) else "")
def test_corpus_reads_the_same_through_arrow(name: str, data: bytes) -> None:
    _check(name, data)


@pytest.mark.parametrize(("name", "data"), list(_AWKWARD.items()), ids=lambda v: v if isinstance(v, str) else "")
def test_awkward_files_read_the_same_through_arrow(name: str, data: bytes) -> None:
    _check(name, data)


def test_real_data_sets_read_the_same_through_arrow() -> None:
    files = _real_files()
    assert len(files) >= 7
    for name, data in files:
        _check(name, data)


def test_the_benchmark_deals_read_the_same_through_arrow() -> None:
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import make_deals, to_csv  # noqa: PLC0415 - the benchmark's own generator

    frame = make_deals(3000)
    frame.loc[::97, "Amount"] = -1.0      # rejected: negative amounts
    frame.loc[5::211, "Opportunity ID"] = "OPP-0000001"  # duplicates
    _check("deals.csv", to_csv(frame))


def test_cells_currency_is_cell_currency_per_cell() -> None:
    cells = pd.Series(["$1,200", None, "EUR 5", "5 USD", "¥1,200", "１２ CNY", "abc", "USD", "HK$3", "3",
                       "USD1", "12USD", "(USD 4)", "CNY 1.2万", "€ 1.234,50", "A123"], dtype=object)
    got = cells_currency(cells)
    assert got.tolist() == [cell_currency(v) for v in cells]
    assert got.tolist()[:5] == ["USD", None, "EUR", "USD", "CNY"]


# ---- caps and counts -----------------------------------------------------------------------

def test_csv_cap_is_by_bytes_not_cells() -> None:
    # 1,000,000 rows x 22 columns = 22 million cells in ~184 MB: a normal CRM export, not a bomb
    assert not csv_grid_refused(1_000_001, 22, 184_000_000, 20_000_000)
    # one line of 100,000 commas above 1,000 short lines: 65 million cells from 102 KB
    assert csv_grid_refused(1001, 65_537, 102_001, 20_000_000)
    # a rectangle can never claim more cells than its bytes
    assert not csv_grid_refused(3, 4, 12, 5)


def test_a_wide_csv_above_the_cell_cap_is_read() -> None:
    # 200 rows x 30 columns = 6,000 cells against a cap of 1,000: a CSV is bounded by its bytes
    header = ",".join(f"Field {j}" for j in range(30))
    body = "\n".join(",".join(f"v{i}-{j}" for j in range(30)) for i in range(200))
    data = f"{header}\n{body}\n".encode()
    for limits in (Limits(max_cells=1000), Limits(max_cells=1000, csv_arrow=False)):
        (sheet,) = read_file(data, "wide.csv", limits=limits)
        assert sheet.frame.shape == (200, 30)
        assert sheet.row_numbers[0] == 2 and sheet.row_numbers[-1] == 201


def test_data_rows_of_a_csv() -> None:
    assert csv_data_rows("a,b\n1,2\n3,4\n") == 2
    assert csv_data_rows("a,b\n1,2\n3,4") == 2
    assert csv_data_rows("a,b\n") == 0


def test_messages_count_data_rows_of_a_large_csv() -> None:
    # every row rejected (no amount on a won deal): the error names 50,000 rows, not 50,001/50,002
    rows = 50_000
    body = "".join(f"D{i},Closed Won,,2026-01-02\n" for i in range(rows))
    data = ("Deal ID,Stage,Amount,Close Date\n" + body).encode()
    (result,) = import_file(data, "big.csv")
    assert result.rows_read == rows and result.rows_rejected == rows
    (error,) = result.errors
    assert error.code == "nothing_loaded" and error.params["rows"] == rows
    assert "50000 row" in error.text("en") and "50001" not in error.text("en")
    assert result.rejected[0][0] == 2 and result.rejected[-1][0] == rows + 1  # rows as the user sees them


def _has_dtd_reference(buf: bytes) -> bool:
    """The scan as it was before issue 19: one pass per spelling."""
    for needle in (b"<!", b"<\x00!\x00", b"\x00<\x00!"):
        pos = buf.find(needle)
        while pos >= 0:
            word = buf[pos + len(needle): pos + len(needle) + 16].replace(b"\x00", b"")[:7].upper()
            if word.startswith((b"DOCTYPE", b"ENTITY")):
                return True
            pos = buf.find(needle, pos + 1)
    return False


def test_dtd_scan_in_one_pass_finds_what_the_three_passes_found() -> None:
    import random

    from analytics.ingest.safe_workbook import has_dtd

    rng = random.Random(19)
    pieces = [b"<!", b"!", b"<", b"\x00", b"DOCTYPE", b"entity", b"<!--", b"x", b" ", b"E", b"#DIV/0!"]
    words = [w.encode(enc) for w in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!-- x -->")
             for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    buffers = [b"".join(rng.choice(pieces + words) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    found = [has_dtd(b) for b in buffers]
    assert found == [_has_dtd_reference(b) for b in buffers]
    assert any(found) and not all(found)
