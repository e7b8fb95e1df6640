"""Hostile and broken files: each refused with ONE clear problem, in bounded time, process alive.

The bounds below are generous (about hangs, not speed): every workbook read here runs under
Limits(timeout_s=10), so a read that does not return within 30 s is a bug, not a slow machine.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures_files import (  # noqa: E402
    billion_laughs_xlsx,
    billion_laughs_xml,
    corrupt_xlsx,
    dimension_bomb_xlsx,
    far_cell_xlsx,
    lie_about_size,
    raw_xlsx,
    zip_bomb_xlsx,
)

from analytics.ingest.readers import Limits, read_file, sheet_names  # noqa: E402
from analytics.messages import InputError  # noqa: E402

LIMITS = Limits(timeout_s=10)
BOUND_S = 30


def refused(data: bytes, name: str, limits: Limits = LIMITS, **kw: object) -> InputError:
    """Read ``data``; it must raise InputError with exactly one problem, naming the file."""
    start = time.monotonic()
    with pytest.raises(InputError) as exc:
        read_file(data, name, limits=limits, **kw)  # type: ignore[arg-type]
    assert time.monotonic() - start < BOUND_S
    assert len(exc.value.problems) == 1
    problem = exc.value.problems[0]
    assert problem.severity == "error"
    assert name in problem.text("en") and name in problem.text("zh")
    return exc.value


def code(exc: InputError) -> str:
    return exc.problems[0].code


def still_reads() -> None:
    """The test process is alive and a normal workbook still reads after the hostile one."""
    sheets = read_file(raw_xlsx({"S": [["Deal", "Amount"], ["D1", 5]]}), "fine.xlsx")
    assert sheets[0].frame.values.tolist() == [["D1", "5"]]


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1 GiB of zeros deflated into about 1 MB, streamed so the test never holds 1 GiB."""
    return zip_bomb_xlsx(tmp_path_factory.mktemp("bomb") / "bomb.xlsx", gigabytes=1.0)


def test_empty_file() -> None:
    assert code(refused(b"", "deals.csv")) == "read_empty"
    assert code(refused(b"", "deals.xlsx")) == "read_empty"


def test_header_only_is_not_an_error() -> None:
    sheets = read_file(raw_xlsx({"Deals": [["Deal", "Amount"]]}), "deals.xlsx", limits=LIMITS)
    assert list(sheets[0].frame.columns) == ["Deal", "Amount"] and len(sheets[0].frame) == 0


def test_zip_bomb_refused_from_the_central_directory(zip_bomb: Path) -> None:
    data = zip_bomb.read_bytes()
    assert len(data) < 3 * 2**20
    with zipfile.ZipFile(zip_bomb) as zf:
        assert zf.getinfo("xl/worksheets/sheet1.xml").file_size > 2**30  # 1 GiB + the XML around it
    exc = refused(data, "bomb.xlsx")
    assert code(exc) == "read_zip_bomb"
    assert exc.problems[0].params["part"] == "xl/worksheets/sheet1.xml"
    # with the ratio check off, the total-size check still refuses it: 1 GiB + 105 bytes of
    # sheet XML + the small parts > 1 GiB = max_uncompressed
    exc = refused(data, "bomb.xlsx", Limits(timeout_s=10, max_ratio=10**9))
    assert code(exc) == "read_unzipped_too_big"
    assert exc.problems[0].params["limit_mb"] == 1024
    still_reads()


def test_zip_bomb_that_lies_about_its_size(zip_bomb: Path, tmp_path: Path) -> None:
    liar = lie_about_size(shutil.copy(zip_bomb, tmp_path / "liar.xlsx"), "xl/worksheets/sheet1.xml", 10 << 20)
    # the directory now claims 10 MB (ratio about 10:1), the data still inflates to 1 GiB:
    # the streamed scan stops at 10 MB and the CRC does not match
    assert code(refused(liar.read_bytes(), "liar.xlsx")) == "read_corrupt_workbook"
    still_reads()


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_billion_laughs(part: str) -> None:
    data = billion_laughs_xlsx(part)
    exc = refused(data, "laughs.xlsx")
    assert code(exc) == "read_xml_entities"
    assert exc.problems[0].params["part"] == part
    still_reads()


def test_doctype_in_workbook_xml() -> None:
    base = raw_xlsx({"S": [["a", "b"], ["1", "2"]]})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                content = billion_laughs_xml("workbook")
            dst.writestr(info.filename, content)
    assert code(refused(buf.getvalue(), "wb.xlsx")) == "read_xml_entities"
    with pytest.raises(InputError):
        sheet_names(buf.getvalue(), "wb.xlsx")


def test_dimension_bomb() -> None:
    data = dimension_bomb_xlsx()
    assert len(data) < 10_000
    exc = refused(data, "dim.xlsx")
    assert code(exc) == "read_declared_too_big"
    # A1:ZX200000 -> 200,000 rows x 700 columns (ZX = 26 * 26 + 24 = 700) = 140,000,000 cells
    params = exc.problems[0].params
    assert (params["rows"], params["cols"], params["cells"]) == (200_000, 700, 140_000_000)


def test_real_cells_far_apart_hit_the_memory_limit_in_the_child() -> None:
    # no <dimension>, but cells at A1 and ZX200000: the parser's grid would be 140 M cells
    # (about 4.5 GB), beyond the child's 2 GB address space; the child dies, this process does not
    exc = refused(far_cell_xlsx(), "far.xlsx")
    assert code(exc) in {"read_out_of_limits", "read_too_many_cells"}
    still_reads()


def test_shared_strings_that_lie_about_their_count() -> None:
    # a 2 KB workbook whose sharedStrings.xml claims 2,000,000,000 unique strings: calamine
    # reserves room for all of them up front and aborts the process it runs in (SIGABRT) --
    # here that is the sandboxed child, and this test process carries on
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           b'count="2000000000" uniqueCount="2000000000"><si><t>Deal</t></si></sst>')
    data = raw_xlsx({"S": [["Deal"], ["D1"]]}, shared_strings_xml=sst)
    assert len(data) < 10_000
    assert code(refused(data, "sst.xlsx")) == "read_out_of_limits"
    still_reads()


def test_real_cell_cap() -> None:
    data = raw_xlsx({"S": [["a", "b", "c"], *[["1", "2", "3"]] * 5]})
    # 6 rows x 3 columns = 18 cells > 17
    exc = refused(data, "cells.xlsx", Limits(timeout_s=10, max_cells=17))
    assert code(exc) == "read_too_many_cells"
    assert read_file(data, "cells.xlsx", limits=Limits(timeout_s=10, max_cells=18))[0].frame.shape == (5, 3)


def test_child_timeout() -> None:
    data = raw_xlsx({"S": [["a", "b"], ["1", "2"]]})
    # 1 ms is less than a child's round trip, even the spare's (started ahead): always a timeout
    assert code(refused(data, "slow.xlsx", Limits(timeout_s=0.001))) == "read_timeout"
    still_reads()


def test_corrupt_zip() -> None:
    assert code(refused(corrupt_xlsx(), "cut.xlsx")) == "read_corrupt_workbook"


def test_zip_that_is_not_a_workbook() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("deals.csv", "Deal,Amount\nD1,5\n")
    assert code(refused(buf.getvalue(), "deals.zip")) == "read_zip_not_workbook"


def test_file_too_large() -> None:
    assert code(refused(b"a,b\n" * 100, "big.csv", Limits(max_bytes=100))) == "read_too_large"


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), "a PNG image"),
    (bytes(range(256)) * 16, "binary data"),
    (os.urandom(4096).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"d0"), "binary data"),
])
def test_not_a_spreadsheet(data: bytes, kind: str) -> None:
    exc = refused(data, "deals.csv")
    assert code(exc) == "read_not_spreadsheet"
    assert exc.problems[0].params["kind"].text("en") == kind  # a catalogue key, said in the reader's language


def test_html_saved_as_xls() -> None:
    data = b"<html><body><table><tr><td>Deal</td><td>Amount</td></tr></table></body></html>"
    assert code(refused(data, "export.xls")) == "read_save_as_xlsx"


def test_ole_junk_and_encrypted_workbook() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert code(refused(ole + bytes(2000), "junk.xls")) == "read_workbook_error"
    # a password-protected .xlsx is an OLE container holding an "EncryptedPackage" stream
    encrypted = ole + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500)
    assert code(refused(encrypted, "secret.xlsx")) == "read_password"
    still_reads()


def test_csv_with_a_huge_first_line_of_delimiters() -> None:
    # the delimiter sniffer sees the first 65,536 characters: 65,536 commas = 65,537 columns;
    # times 1,001 records = 65.6 million cells from 102 KB, more than its bytes could hold and
    # than the cell cap: refused before pandas allocates the grid. The message counts the 1,000
    # data rows as the user does (not the header, nor an empty "line" after the last line end).
    data = b"," * 100_000 + b"\n" + b"x\n" * 1000
    exc = refused(data, "wide.csv")
    assert code(exc) == "read_too_many_cells"
    assert (exc.problems[0].params["rows"], exc.problems[0].params["cols"]) == (1000, 65_537)


def test_the_spare_child_is_used_once_and_replaced() -> None:
    """Issue 19: a child starts ahead and waits (its readers imported) for the next workbook. It
    serves one parse, as every child; a spare that died while waiting is replaced, not used."""
    from analytics.ingest import safe_workbook as sw

    sw.drop_spare()
    still_reads()
    first = sw._spare
    assert first is not None and first.poll() is None  # the next parse's child, waiting
    still_reads()
    second = sw._spare
    assert second is not None and second is not first and first.poll() is not None  # used, then gone
    second.kill()
    second.wait()
    still_reads()  # the dead spare is not used: a fresh child parses
    assert sw._spare is not None and sw._spare.poll() is None
    spare = sw._spare
    sw.drop_spare()
    assert sw._spare is None and spare.poll() is not None


def test_the_spare_child_leaves_with_its_parent(tmp_path: Path) -> None:
    """A process killed outright (no atexit) leaves no child behind: its spare sees its stdin close."""
    import subprocess

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
        "from fixtures_files import raw_xlsx\n"
        "from analytics.ingest import safe_workbook as sw\n"
        "from analytics.ingest.readers import read_file\n"
        "read_file(raw_xlsx({'S': [['Deal'], ['D1']]}), 'a.xlsx')\n"
        "print(sw._spare.pid, flush=True)\n"
        "os._exit(0)\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True)
    pid = int(out.stdout.split()[-1])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            return
        if state == "Z":  # ended; only its (re-parented) zombie entry is left for init to reap
            return
        time.sleep(0.1)
    pytest.fail(f"the spare child {pid} outlived its parent")
