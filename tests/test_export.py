"""CSV and XLSX downloads: formula injection neutralised, numbers kept, Chinese intact, formats."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from analytics.outputs.export import column_format, display_width, neutralise, to_csv_bytes, to_xlsx_bytes

HOSTILE = ["=1+1", "+SUM(A1:A9)", "-2+3", "@SUM(1)", '  =HYPERLINK("http://x","y")', "\t=1", "\r=1",
           "＝1+1", "＋1", "－1", "＠x"]


@pytest.fixture()
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "客户": HOSTILE + ["张三公司"],
        "=cmd|' /C calc'!A0": list(range(len(HOSTILE))) + [0],
        "gap": [-1500.0] * len(HOSTILE) + [-0.5],
        "win_rate": [0.875] * (len(HOSTILE) + 1),
        "close_date": [date(2026, 10, 5)] * (len(HOSTILE) + 1),
    })


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_prefixes_every_trigger(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["plain", "", "a=b", "3-2", "中文", "'=already"])
def test_neutralise_leaves_ordinary_text(value):
    assert neutralise(value) == value


@pytest.mark.parametrize("value", [-5, -0.25, 3, None, date(2026, 1, 1), True])
def test_neutralise_leaves_numbers_and_other_values(value):
    assert neutralise(value) is value


def test_csv_neutralises_cells_and_headers_keeps_numbers_and_chinese(frame):
    data = to_csv_bytes(frame, lang="zh")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM so Excel reads Chinese
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(back.columns) == ["客户", "'=cmd|' /C calc'!A0", "gap", "win_rate", "close_date"]
    for original, written in zip(HOSTILE, back["客户"], strict=False):
        assert written == "'" + original
    assert back["客户"].iloc[-1] == "张三公司"
    assert back["gap"].iloc[0] == "-1500.0" and back["gap"].iloc[-1] == "-0.5"  # negative numbers stay numbers
    assert back["close_date"].iloc[0] == "2026-10-05"


def test_csv_dates_and_blank_cells():
    data = pd.DataFrame({"d": pd.to_datetime(["2026-01-31", None]), "t": ["x", None]})
    assert to_csv_bytes(data).decode("utf-8-sig") == "d,t\r\n2026-01-31,x\r\n,\r\n"


def test_xlsx_has_no_formula_and_neutralised_strings(frame):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"明细": frame}, title="=ALERT 报表")))
    ws = book["明细"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    for cell in cells:
        if isinstance(cell.value, str) and cell.value.lstrip()[:1] in set("=+-@＝＋－＠\t\r"):
            pytest.fail(f"{cell.coordinate} {cell.value!r} is not neutralised")
    assert ws["A1"].value == "'=ALERT 报表"  # the title too
    header = [c.value for c in ws[3]]
    assert header == ["客户", "'=cmd|' /C calc'!A0", "gap", "win_rate", "close_date"]
    # XML reading turns a stored CR into LF, hence the replace on the expected side.
    expected = ["'" + h.replace("\r", "\n") for h in HOSTILE]
    assert [ws.cell(row=4 + i, column=1).value for i in range(len(HOSTILE))] == expected
    assert ws["A15"].value == "张三公司"


def test_xlsx_numbers_formats_header_and_widths(frame):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame)))
    ws = book["Data"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E13"  # 12 rows under the header
    assert all(c.font.bold for c in ws[1])
    gap = ws["C2"]
    assert gap.value == -1500 and gap.data_type == "n" and gap.number_format == "#,##0"
    assert ws["C13"].value == -0.5  # a negative fraction of a unit is still a number
    assert ws["D2"].value == 0.875 and ws["D2"].number_format == "0.0%"
    assert ws["E2"].number_format == "yyyy-mm-dd" and ws["E2"].value.date() == date(2026, 10, 5)
    assert ws["B2"].data_type == "n" and ws["B2"].number_format == "General"
    # Column A's longest text is '  =HYPERLINK("http://x","y") with its apostrophe:
    # 1 + 2 + len('=HYPERLINK(') 11 + len('"http://x"') 10 + 1 + len('"y"') 3 + 1 = 29 characters, +2 margin.
    assert ws.column_dimensions["A"].width == 31


def test_xlsx_several_sheets_and_explicit_formats():
    frames = {"pivot/1": pd.DataFrame({"x": [0.5]}), "pivot:1": pd.DataFrame({"x": [2.0]})}
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frames, number_formats={"x": "0.00"})))
    assert book.sheetnames == ["pivot_1", "pivot_1 (2)"]  # '/' and ':' are not allowed in sheet names
    assert book["pivot_1"]["A2"].number_format == "0.00"


def test_column_format_rules():
    money = pd.Series([1.0, 2.0])
    assert column_format("won_revenue", money) == "#,##0"
    assert column_format("revenue_share", money) == "0.0%"  # a share of revenue is a fraction
    assert column_format("run_rate_projection", money) == "#,##0"  # money despite 'rate'
    assert column_format("csat", pd.Series([0.8, 0.9])) == "0.0%"
    assert column_format("csat", pd.Series([4.0, 5.0])) is None  # raw 1-5 scores
    assert column_format("达成率", money) == "0.0%"
    assert column_format("销售额", money) == "#,##0"
    assert column_format("rep", pd.Series(["Ann"])) is None
    assert column_format("deals_won", pd.Series([3, 4])) is None


def test_display_width_counts_cjk_double():
    assert display_width("abc") == 3
    assert display_width("客户") == 4
    assert display_width("ＡＢ") == 4  # full-width letters
