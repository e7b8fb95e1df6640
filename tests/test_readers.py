"""Reading CSV/TXT and Excel files into text grids (analytics.ingest.readers)."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixtures_files import openpyxl_xlsx, raw_xlsx  # noqa: E402

from analytics.ingest import readers  # noqa: E402
from analytics.ingest.readers import Sheet, detect_header_row, read_file, sheet_names  # noqa: E402
from analytics.messages import CATALOGUE, InputError  # noqa: E402
from tests.conftest import DATASETS  # noqa: E402


def real_file(relative: str) -> bytes:
    path = DATASETS / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI=true: the real data sets must be present in CI")
        pytest.skip(f"real data set not present: {path} (clone ../shared/datasets to run this test)")
    return path.read_bytes()


def one(data: bytes, name: str = "deals.csv", **kw: object) -> Sheet:
    sheets = read_file(data, name, **kw)  # type: ignore[arg-type]
    assert len(sheets) == 1
    return sheets[0]


def rows(sheet: Sheet) -> list[list[str | None]]:
    """The sheet's cells, a blank as None (the frame holds pandas str columns, blank = NaN)."""
    assert all(dtype == "str" for dtype in sheet.frame.dtypes), sheet.frame.dtypes
    return sheet.frame.astype(object).where(sheet.frame.notna(), None).values.tolist()


def codes(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [p.code for p in exc.value.problems]


# ---- encodings -----------------------------------------------------------------------------

CHINESE = "客户,合同金额（元）,签约日期\n华为,1200.50,2026-11-30\n"


@pytest.mark.parametrize(("data", "encoding"), [
    ("Name,City\nMüller,Köln\n".encode(), "UTF-8"),
    ("Name,City\nMüller,Köln\n".encode("utf-8-sig"), "UTF-8 (with BOM)"),
    ("Name,City\nMüller,Köln\n".encode("utf-16"), "UTF-16"),          # BOM + little endian
    (b"\xfe\xff" + "Name,City\nMüller,Köln\n".encode("utf-16-be"), "UTF-16 (big-endian)"),
    ("Name,City\nMüller,Köln\n".encode("utf-16-le"), "UTF-16"),       # no BOM: NUL pattern
    ("Name,City\nMüller,Köln\n".encode("latin-1"), "Windows-1252 (Latin-1)"),
])
def test_latin_text_in_every_encoding(data: bytes, encoding: str) -> None:
    sheet = one(data)
    assert list(sheet.frame.columns) == ["Name", "City"]
    assert rows(sheet) == [["Müller", "Köln"]]
    assert sheet.notes[0].code == "read_text_format"
    assert sheet.notes[0].params["encoding"] == encoding
    assert sheet.notes[0].severity == "info"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_chinese_headers_in_every_encoding(codec: str) -> None:
    sheet = one(CHINESE.encode(codec))
    assert list(sheet.frame.columns) == ["客户", "合同金额（元）", "签约日期"]
    assert rows(sheet) == [["华为", "1200.50", "2026-11-30"]]


def test_gb18030_is_named_and_cp1252_euro_sign() -> None:
    assert one(CHINESE.encode("gb18030")).notes[0].params["encoding"] == "GB18030 (GBK)"
    # 0x80 is € in Windows-1252 (Excel's "CSV" on a Western Windows), not a C1 control
    assert rows(one(b"Item,Price\nBook,\x8010\n")) == [["Book", "€10"]]


def test_utf8_with_one_bad_byte_stays_utf8_with_a_warning() -> None:
    # 40 valid two-byte UTF-8 characters and one stray Latin-1 byte (\xe9): UTF-8, not GB18030
    data = ("Name,City\n" + "Müller,Köln\n" * 20).encode() + b"Caf\xe9,Paris\n"
    sheet = one(data)
    assert rows(sheet)[0] == ["Müller", "Köln"]
    assert rows(sheet)[-1] == ["Caf\ufffd", "Paris"]
    assert [n.code for n in sheet.notes] == ["read_text_format", "read_decode_replaced"]
    assert sheet.notes[1].severity == "warning"


def test_decode_order_prefers_strict_utf8_over_gb18030() -> None:
    # UTF-8 Chinese bytes also decode as GB18030 (to mojibake): strict UTF-8 must win
    text, codec, _ = readers.decode_text("合同金额（元）".encode())
    assert (text, codec) == ("合同金额（元）", "utf-8")


# ---- delimiters and quoting ----------------------------------------------------------------

@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_each_delimiter(delim: str) -> None:
    text = delim.join(["Deal", "Rep", "Amount"]) + "\n" + delim.join(["D1", "Ann", "100"]) + "\n"
    sheet = one(text.encode())
    assert list(sheet.frame.columns) == ["Deal", "Rep", "Amount"]
    assert rows(sheet) == [["D1", "Ann", "100"]]


def test_semicolon_file_with_decimal_commas() -> None:
    # 3 of 3 lines have 2 fields with ';'; with ',' only row 2 splits -> ';' is the consistent one
    sheet = one(b"Name;Amount\nA;1,5\nB;2\n")
    assert rows(sheet) == [["A", "1,5"], ["B", "2"]]


def test_sep_hint_line_chooses_the_delimiter() -> None:
    sheet = one(b"sep=;\nDeal;Amount\nD1;1,50\n")
    assert list(sheet.frame.columns) == ["Deal", "Amount"]
    assert sheet.header_row == 2
    assert sheet.title_rows == []


def test_quoted_fields_with_newlines_and_delimiters() -> None:
    data = b'id,note,amount\n1,"line one\nline two, with a comma",10\n2,"say ""hi""",20\n'
    sheet = one(data)
    assert rows(sheet) == [["1", "line one\nline two, with a comma", "10"], ["2", 'say "hi"', "20"]]
    # rows are records as Excel shows them: record 2 spans two text lines but is row 2
    assert sheet.row_numbers == [2, 3]


def test_values_stay_text() -> None:
    data = (b'code,formula,html,flag,na,sci\n'
            b'00123,=1+2,<script>alert(1)</script>,TRUE,NA,1e5\n'
            b'007,"=HYPERLINK(""http://x"",""x"")",<b>bold</b>,false,NULL,-0\n')
    assert rows(one(data)) == [
        ["00123", "=1+2", "<script>alert(1)</script>", "TRUE", "NA", "1e5"],
        ["007", '=HYPERLINK("http://x","x")', "<b>bold</b>", "false", "NULL", "-0"],
    ]


def test_cells_are_stripped_and_blank_is_none() -> None:
    sheet = one(b"a,b,c\n  Bob  ,   ,x\n")
    assert rows(sheet) == [["Bob", None, "x"]]
    assert pd.isna(sheet.frame["b"].iloc[0])


def test_ragged_rows_are_padded_and_extended() -> None:
    sheet = one(b"a,b,c\n1,2\n3,4,5,6\n")
    assert list(sheet.frame.columns) == ["a", "b", "c", "column_4"]
    assert rows(sheet) == [["1", "2", None, None], ["3", "4", "5", "6"]]


def test_crlf_and_cr_line_endings() -> None:
    assert rows(one(b"a,b\r\n1,2\r\n3,4\r\n")) == [["1", "2"], ["3", "4"]]
    assert rows(one(b"a,b\r1,2\r3,4\r")) == [["1", "2"], ["3", "4"]]


# ---- header detection, blank rows and columns ----------------------------------------------

def test_title_rows_above_the_header() -> None:
    data = (b"Opportunity report\nPrinted 2026-11-30\n\n"
            b"Deal,Rep,Amount\nD1,Ann,100\nD2,Bob,200\n")
    sheet = one(data)
    # lines: 1 title, 2 printed, 3 blank, 4 header, 5 and 6 data
    assert sheet.header_row == 4
    assert sheet.row_numbers == [5, 6]
    assert sheet.title_rows == ["Opportunity report", "Printed 2026-11-30"]
    assert list(sheet.frame.columns) == ["Deal", "Rep", "Amount"]


def test_title_rows_with_trailing_delimiters() -> None:
    sheet = one(b"Sales report,,,\nRegion: all,Owner: all,,\nDeal,Rep,Stage,Amount\nD1,Ann,Won,5\n")
    # row 2 has 2 text cells but is narrower than the 4-wide rows below (2 < 0.75 * 4)
    assert sheet.header_row == 3
    assert sheet.title_rows == ["Sales report", "Region: all Owner: all"]
    assert rows(sheet) == [["D1", "Ann", "Won", "5"]]


def test_blank_rows_inside_data_keep_row_numbers() -> None:
    sheet = one(b"a,b\n1,2\n\n3,4\n,\n  ,\t\n5,6\n")
    # file rows: 1 header, 2 data, 3 blank, 4 data, 5 ",", 6 spaces, 7 data
    assert rows(sheet) == [["1", "2"], ["3", "4"], ["5", "6"]]
    assert sheet.row_numbers == [2, 4, 7]


def test_blank_and_duplicate_headers_and_blank_columns() -> None:
    sheet = one(b"Amount,,Amount,amount,Rep,,\n1,x,2,3,Ann,,\n4,,5,6,Bob,,\n")
    # column 2 has data -> column_2; columns 6 and 7 are blank everywhere -> dropped;
    # duplicates are numbered case-insensitively in order of appearance
    assert list(sheet.frame.columns) == ["Amount", "column_2", "Amount (2)", "amount (3)", "Rep"]
    assert rows(sheet) == [["1", "x", "2", "3", "Ann"], ["4", None, "5", "6", "Bob"]]


def test_header_only_gives_zero_rows() -> None:
    sheet = one(b"Deal,Rep,Amount\n")
    assert list(sheet.frame.columns) == ["Deal", "Rep", "Amount"]
    assert len(sheet.frame) == 0
    assert sheet.row_numbers == []
    assert sheet.header_row == 1


def test_detect_header_row_cases() -> None:
    assert detect_header_row([["Opportunity report"], [], ["Deal", "Rep"], ["D1", "Ann"]]) == 2
    # a row of numbers is never a header; the header with year columns has one text cell
    assert detect_header_row([["1", "2", "3"], ["Rep", "2024", "2025"], ["Ann", "10", "20"]]) == 1
    # single column: the first non-blank row
    assert detect_header_row([[None], ["Name"], ["Ann"], ["Bob"]]) == 1
    # nothing looks like a header: the first widest row
    assert detect_header_row([["1"], ["2", "3"], ["4", "5"]]) == 1
    assert detect_header_row([]) == 0
    # "Printed:", "2026-11-30" has only one text cell... and is narrower than the 4-wide header
    assert detect_header_row([["Printed:", "2026-11-30"], ["a", "b", "c", "d"], ["1", "2", "3", "4"]]) == 1


def test_empty_data_errors() -> None:
    with pytest.raises(InputError) as exc:
        read_file(b"\n\n , \n", "blank.csv")
    assert codes(exc) == ["read_no_data"]
    assert "blank.csv" in exc.value.text("en") and "blank.csv" in exc.value.text("zh")


# ---- xlsx ----------------------------------------------------------------------------------

def test_xlsx_two_sheets_and_sheet_choice() -> None:
    data = openpyxl_xlsx({"Deals": [["Deal", "Amount"], ["D1", 5]], "Targets": [["Rep", "Target"], ["Ann", 10]]})
    both = read_file(data, "book.xlsx")
    assert [s.name for s in both] == ["Deals", "Targets"]
    assert rows(both[1]) == [["Ann", "10"]]
    only = read_file(data, "book.xlsx", sheet="Targets")
    assert [s.name for s in only] == ["Targets"]
    assert sheet_names(data, "book.xlsx") == ["Deals", "Targets"]
    with pytest.raises(InputError) as exc:
        read_file(data, "book.xlsx", sheet="Nope")
    assert codes(exc) == ["read_sheet_not_found"]
    assert "Deals, Targets" in exc.value.text("en")


def test_xlsx_typed_cells_become_text() -> None:
    data = openpyxl_xlsx({"Typed": [
        ["text", "float", "whole", "int", "date", "datetime", "bool", "time", "small", "serial", "third"],
        ["00123", 1234.5, 100.0, 7, dt.date(2026, 11, 30), dt.datetime(2026, 11, 30, 14, 22), True,
         dt.time(14, 22), 0.1, 45991, 1 / 3],
        ["  padded  ", -0.5, -3.0, 0, dt.date(1999, 1, 1), dt.datetime(2026, 1, 2, 8, 0, 5), False,
         dt.time(0, 0, 1), 1e-7, 12345678901234.0, 1e20],
    ]})
    assert rows(one(data, "typed.xlsx")) == [
        ["00123", "1234.5", "100", "7", "2026-11-30", "2026-11-30 14:22:00", "TRUE", "14:22:00", "0.1",
         "45991", "0.3333333333333333"],
        ["padded", "-0.5", "-3", "0", "1999-01-01", "2026-01-02 08:00:05", "FALSE", "00:00:01", "1e-07",
         "12345678901234", "1e+20"],
    ]


def test_xlsx_shared_strings_title_rows_and_offset() -> None:
    data = raw_xlsx({"Report": [["Pipeline report"], [], ["Deal", "Amount", "Close"],
                                ["D1", 1500.25, dt.date(2026, 11, 30)], [], ["D2", 2, None]]},
                    first_row=3)
    sheet = one(data, "report.xlsx")
    # sheet rows start at 3: title 3, blank 4, header 5, data 6, blank 7, data 8
    assert sheet.header_row == 5
    assert sheet.row_numbers == [6, 8]
    assert sheet.title_rows == ["Pipeline report"]
    assert rows(sheet) == [["D1", "1500.25", "2026-11-30"], ["D2", "2", None]]


def test_xlsx_empty_sheets_are_skipped_and_hidden_ones_noted() -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.create_sheet("Empty")
    hidden = wb.create_sheet("Lists")
    hidden.sheet_state = "hidden"
    hidden.append(["Region", "Manager"])
    hidden.append(["East", "Ann"])
    buf = io.BytesIO()
    wb.save(buf)
    sheets = read_file(buf.getvalue(), "lists.xlsx")
    assert [s.name for s in sheets] == ["Lists"]
    assert [n.code for n in sheets[0].notes] == ["read_hidden_sheet"]
    with pytest.raises(InputError) as exc:
        read_file(buf.getvalue(), "lists.xlsx", sheet="Empty")
    assert codes(exc) == ["read_sheet_empty"]


def test_content_decides_not_the_extension() -> None:
    csv_named_xlsx = one(b"Deal,Amount\nD1,5\n", "export.xlsx")
    assert rows(csv_named_xlsx) == [["D1", "5"]]
    assert [n.code for n in csv_named_xlsx.notes] == ["read_kind_mismatch", "read_text_format"]
    xlsx_named_csv = one(raw_xlsx({"S": [["Deal", "Amount"], ["D1", 5]]}), "export.csv")
    assert rows(xlsx_named_csv) == [["D1", "5"]]
    assert xlsx_named_csv.notes[0].code == "read_kind_mismatch"


def test_every_read_message_has_both_languages_and_names_the_file() -> None:
    read_codes = [c for c in CATALOGUE if c.startswith("read_")]
    assert len(read_codes) >= 20
    for code in read_codes:
        assert CATALOGUE[code]["zh"] and CATALOGUE[code]["en"] != CATALOGUE[code]["zh"]
        assert "{file}" in CATALOGUE[code]["en"] and "{file}" in CATALOGUE[code]["zh"], code


# ---- real data -----------------------------------------------------------------------------

@pytest.mark.real_data
def test_superstore_xls_all_sheets() -> None:
    sheets = read_file(real_file("superstore/superstore-2015.xls"), "superstore-2015.xls")
    assert [(s.name, s.frame.shape) for s in sheets] == [("Orders", (9994, 21)), ("Returns", (296, 2)),
                                                        ("People", (4, 2))]
    orders = sheets[0]
    assert orders.header_row == 1 and orders.row_numbers[-1] == 9995
    # last order line (xlrd shows 41764.0 / 41769.0 date serials: 1899-12-30 + 41764 d = 2014-05-05)
    assert orders.frame.iloc[-1].tolist()[:4] == ["9994", "CA-2014-119914", "2014-05-05", "2014-05-10"]
    assert orders.frame["Postal Code"].iloc[-1] == "92683"        # whole float, no ".0"
    assert orders.frame["Profit"].iloc[-1] == "72.94799999999998"  # repr: no rounding
    # published figures for this edition: sales 2,297,200.86; profit 286,397.02; 5,009 orders; 793 customers
    assert round(sum(map(float, orders.frame["Sales"])), 2) == 2297200.86
    assert round(sum(map(float, orders.frame["Profit"])), 2) == 286397.02
    assert orders.frame["Order ID"].nunique() == 5009
    assert orders.frame["Customer ID"].nunique() == 793
    assert sheets[2].frame.iloc[-1].tolist() == ["Cassandra Brandow", "South"]


@pytest.mark.real_data
def test_superstore_xls_one_sheet_and_names() -> None:
    data = real_file("superstore/superstore-2015.xls")
    assert sheet_names(data, "superstore-2015.xls") == ["Orders", "Returns", "People"]
    returns = one(data, "superstore-2015.xls", sheet="Returns")
    assert returns.frame.shape == (296, 2) and list(returns.frame.columns) == ["Returned", "Order ID"]
    with pytest.raises(InputError) as exc:
        read_file(data, "superstore-2015.xls", sheet="Sales")
    assert codes(exc) == ["read_sheet_not_found"]
    assert sheet_names(b"a,b\n1,2\n", "deals.csv") == ["deals.csv"]


@pytest.mark.real_data
@pytest.mark.parametrize("relative", ["maven-crm/sales_pipeline.csv",
                                      "maven-crm/excel-resaved/sales_pipeline.csv"])
def test_maven_pipeline_csv(relative: str) -> None:
    data = real_file(relative)
    sheet = one(data, "sales_pipeline.csv")
    # `wc -l` = 8,801 lines = header + 8,800 deals
    assert sheet.frame.shape == (8800, 8)
    assert sheet.header_row == 1
    assert list(sheet.frame.columns) == ["opportunity_id", "sales_agent", "product", "account", "deal_stage",
                                         "engage_date", "close_date", "close_value"]
    assert sheet.row_numbers[0] == 2 and sheet.row_numbers[-1] == 8801
    assert sheet.frame.iloc[0, :5].tolist() == ["1C1I7A6R", "Moses Frase", "GTX Plus Basic", "Cancity", "Won"]
    # the last deal is an open prospect with no account, dates or value: blanks are None
    assert rows(sheet)[-1] == ["8I5ONXJX", "Versie Hillebrand", "MG Advanced", None,
                                             "Prospecting", None, None, None]


@pytest.mark.real_data
def test_adventureworks_utf16_wide_targets() -> None:
    sheet = one(real_file("adventureworks/pl300/ResellerSalesTargets.csv"), "ResellerSalesTargets.csv")
    assert sheet.notes[0].params["encoding"] == "UTF-16"
    assert list(sheet.frame.columns) == ["Year", "EmployeeID", *[f"M{m:02d}" for m in range(1, 13)]]
    # 82 text lines = header + 81 rows
    assert len(sheet.frame) == 81
    assert sheet.frame.iloc[0].tolist() == ["2017", "61161660", "-", "-", "-", "-", "-", "-",
                                            "200", "400", "600", "400", "800", "800"]


@pytest.mark.real_data
def test_xlrd_fallback_agrees_with_calamine() -> None:
    from analytics.ingest import safe_workbook

    data = real_file("superstore/superstore-2015.xls")
    answer = safe_workbook._read_xlrd(data, {"op": "read", "sheets": ["People"]}, 10**6)
    item = answer["sheets"][0]
    built = readers._build_sheet("People", readers._columns_from_child(item), item["nrows"])
    assert built is not None
    assert built.frame.values.tolist() == one(data, "s.xls", sheet="People").frame.values.tolist()


def test_cell_text_conversions() -> None:
    from analytics.ingest.safe_workbook import cell_text

    assert [cell_text(v) for v in (2.0, -0.0, 0.1 + 0.2, 1e16, 3, True, "x")] == \
        ["2", "0", "0.30000000000000004", "1e+16", "3", "TRUE", "x"]
    assert cell_text(dt.datetime(2026, 11, 30, 14, 22, 0, 500_000)) == "2026-11-30 14:22:00.500000"
    assert cell_text(dt.time(9, 5)) == "09:05:00"
    # a duration of 1 day 2 h 3 min 4 s = 26:03:04 (Excel's [h]:mm:ss)
    assert cell_text(dt.timedelta(days=1, hours=2, minutes=3, seconds=4)) == "26:03:04"


def test_child_columns_as_arrow_are_cell_text() -> None:
    """Issue 19: the child hands back Arrow string columns; every cell reads as ``cell_text`` did."""
    import datetime as dt

    import pyarrow as pa

    from analytics.ingest import safe_workbook

    floats = [0.0, -0.0, 1.0, 1.5, 0.1, 1e20, 1.5e-05, 123456789012.5, 2 / 3, 1e16, 9999999999999998.0,
              -12.25, float("nan"), float("inf"), float("-inf")]
    columns = [
        ["a", "", "b\x00c", "中文"],
        floats,
        [dt.date(2026, 11, 30), dt.date(1, 1, 1), dt.date(9999, 12, 31)],
        ["x", 1.0, 2.5, "", dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4, 5), dt.datetime(2026, 1, 2, 0, 0, 0, 7),
         True, False, 7, dt.time(1, 2), dt.timedelta(hours=-1, seconds=3), None],
    ]
    for cells in columns:
        got = safe_workbook._text_column(list(cells)).to_pylist()
        assert got == [safe_workbook.cell_text(v) for v in cells]
    rows = [list(r) for r in zip(["h", "a", "b"], ["n", 1.0, 0.5], strict=True)]
    item = {"nrows": 3, "columns": safe_workbook._columns(rows, 2)}
    cleaned = readers._columns_from_child(item)
    assert [c.to_pylist() for c in cleaned] == [["h", "a", "b"], ["n", "1", "0.5"]]
    for bad in (b"not arrow", item["columns"][:-20]):
        with pytest.raises(ValueError):
            readers._columns_from_child({"nrows": 3, "columns": bad})
    with pytest.raises(ValueError):  # a stream that is not what was asked for
        sink = pa.BufferOutputStream()
        batch = pa.RecordBatch.from_arrays([pa.array([1, 2, 3])], names=["0"])
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        readers._columns_from_child({"nrows": 3, "columns": sink.getvalue().to_pybytes()})


def test_float_texts_are_repr_for_every_kind_of_float() -> None:
    """The child's vectorised float → text (cents through integer arithmetic, whole numbers through
    Arrow, the rest ``repr``) gives ``cell_text`` of every float: amounts with cents up to 1e13,
    one decimal, 15+ significant digits, tiny and huge values, signed zeros, NaN and infinities."""
    import numpy as np

    from analytics.ingest import safe_workbook

    rng = np.random.default_rng(19)
    values = np.concatenate([
        rng.uniform(-1e6, 1e6, 20_000).round(2), rng.uniform(-1e13, 1e13, 5_000).round(2),
        rng.uniform(0, 1, 5_000), rng.uniform(-100, 100, 5_000).round(1), 10 ** rng.uniform(-6, 17, 5_000),
        rng.integers(-10**6, 10**6, 5_000).astype(float),
        np.array([0.1, 0.5, -0.5, -0.01, 0.01, 1e-4, 1.5e-5, 123456789012.5, 2 / 3, 9999999999999.99,
                  -9999999999999.99, 1e16, 9999999999999998.0, 0.0, -0.0, np.nan, np.inf, -np.inf, 0.29, 4.35])])
    rng.shuffle(values)
    got = safe_workbook._float_texts(values).to_pylist()
    assert got == [safe_workbook.cell_text(v) for v in values.tolist()]
    for few in ([1.5], [1.0, 2.0], [float("nan")], [0.25, 1e-7], [-0.05]):
        assert safe_workbook._float_texts(np.array(few)).to_pylist() == [safe_workbook.cell_text(v) for v in few]
