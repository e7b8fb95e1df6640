"""Safe downloads: CSV that Excel opens in Chinese, and formatted XLSX that never runs a formula.

Every text cell and header that starts with ``= + - @`` (after leading spaces; also a
leading tab or carriage return, and the full-width ``＝ ＋ － ＠``) gets a leading apostrophe,
so a spreadsheet program shows it as text instead of evaluating it (CSV/formula injection).
Numbers are never touched: a negative number stays a number. In XLSX every text cell is also
stored with the string type, so even an unneutralised value could not become a formula.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

_TRIGGERS = frozenset("=+-@＝＋－＠")
_CONTROL_START = frozenset("\t\r")

PERCENT_FORMAT = "0.0%"
MONEY_FORMAT = "#,##0"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

#: Column-name words meaning a fraction shown as a percentage (0.875 → 87.5 %).
FRACTION_WORDS = ("rate", "share", "attainment", "coverage", "csat", "conversion", "probability")
#: Column-name words meaning an amount of money.
MONEY_WORDS = ("amount", "revenue", "target", "actual", "gap", "forecast", "cost", "payout",
               "commission", "bonus", "price", "sales", "projection")
_FRACTION_ZH = ("率", "占比", "份额", "达成", "覆盖")
_MONEY_ZH = ("金额", "收入", "营收", "销售额", "目标", "实际", "差距", "缺口", "预测", "成本", "费用", "提成", "奖金",
             "佣金")


def missing(value: object) -> bool:
    """Blank for display and export: None, pandas' NA and NaT, or a float NaN (numpy's too)."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def neutralise(value: Any) -> Any:
    """``value`` with a leading apostrophe if it is text a spreadsheet could evaluate; anything else unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in _CONTROL_START or value.lstrip()[:1] in _TRIGGERS:
        return "'" + value
    return value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a named/non-default index moved into columns and multi-level headers joined by ' / '."""
    out = frame
    if not isinstance(out.index, pd.RangeIndex) or any(n is not None for n in out.index.names):
        out = out.reset_index()
    if isinstance(out.columns, pd.MultiIndex):
        out = out.copy()
        out.columns = [" / ".join(str(p) for p in col if str(p) != "") for col in out.columns]
    return out


def _is_midnight(series: pd.Series) -> bool:
    values = series.dropna()
    return bool(len(values) == 0 or (values == values.dt.normalize()).all())


def to_csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """CSV as UTF-8 with a BOM (Excel opens Chinese correctly), ISO dates, every text cell and header neutralised.

    ``lang`` is accepted so callers can pass the UI language; the bytes are the same for both
    (headers are written as given, decimals with '.', dates as yyyy-mm-dd).
    """
    del lang
    data = _flat(frame).copy()
    data.columns = [neutralise(str(c)) for c in data.columns]
    for i in range(data.shape[1]):
        col = data.iloc[:, i]
        if pd.api.types.is_datetime64_any_dtype(col):
            fmt = "%Y-%m-%d" if _is_midnight(col) else "%Y-%m-%d %H:%M:%S"
            data.isetitem(i, col.dt.strftime(fmt))
        elif not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)):
            data.isetitem(i, col.astype(object).map(neutralise))
    # CRLF rows (RFC 4180): the csv writer then quotes any cell holding a CR or LF.
    return data.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


# --- XLSX -------------------------------------------------------------------------------------

def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", name.lower()) if w]


def column_format(name: str, series: pd.Series) -> str | None:
    """The Excel number format a column gets by its name and values (None = general)."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return DATE_FORMAT if _is_midnight(series) else DATETIME_FORMAT
    sample = series.dropna()
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        if len(sample) and all(isinstance(v, date) for v in sample.head(100)):
            return DATE_FORMAT
        return None
    words = _words(str(name))
    text = str(name)
    if "run" in words and "rate" in words:  # run_rate_projection is money, not a rate
        return MONEY_FORMAT
    if any(w in words for w in FRACTION_WORDS) or any(k in text for k in _FRACTION_ZH):
        if "csat" in words and len(sample) and float(sample.abs().max()) > 1:
            return None  # raw 1-5 survey scores, not a fraction
        return PERCENT_FORMAT
    if any(w in words for w in MONEY_WORDS) or any(k in text for k in _MONEY_ZH):
        return MONEY_FORMAT
    return None


def _cell_value(value: Any) -> Any:
    """A value openpyxl can store: NaN/NaT/None → None, numpy → Python, text neutralised and cleaned."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.tz_localize(None) if value.tzinfo else value
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, bool | int | Decimal | date | time):
        return value
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        value = str(value)
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))


def display_width(text: str) -> int:
    """Columns ``text`` takes on screen: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _shown(value: Any, fmt: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        if fmt == PERCENT_FORMAT:
            return f"{value:.1%}"
        if fmt == MONEY_FORMAT:
            return f"{value:,.0f}"
        return f"{value:.6g}" if isinstance(value, float) else str(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if fmt == DATETIME_FORMAT else value.strftime("%Y-%m-%d")
    return str(value)


def _sheet_title(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", str(name)).strip("'") or "Sheet"
    base = base[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.lower())
    return title


def to_xlsx_bytes(frames: Mapping[str, pd.DataFrame] | pd.DataFrame, *,
                  number_formats: Mapping[str, str] | None = None, title: str | None = None) -> bytes:
    """A formatted workbook: one sheet per frame, bold frozen header, auto filter, fitted widths, number formats.

    Formats come from ``number_formats`` (column → Excel format) first, else from the column
    name: fractions (*rate*, *share*, attainment, coverage, csat ≤ 1) as 0.0 %, money (amount,
    revenue, target, actual, gap, forecast, cost, payout, …) as #,##0, dates as yyyy-mm-dd.
    ``title`` (if any) goes in the first row of every sheet, above the header.
    """
    sheets = {"Data": frames} if isinstance(frames, pd.DataFrame) else dict(frames)
    formats = dict(number_formats or {})
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    header_fill = PatternFill("solid", fgColor="E8EEF7")
    for sheet_name, frame in sheets.items():
        ws = book.create_sheet(_sheet_title(sheet_name, used))
        data = _flat(frame)
        header_row = 1
        if title:
            cell = ws.cell(row=1, column=1, value=_cell_value(title))
            cell.font = Font(bold=True, size=14)
            cell.data_type = "s"
            header_row = 3
        headers = [str(c) for c in data.columns]
        col_formats = [formats.get(h) or column_format(h, data.iloc[:, i]) for i, h in enumerate(headers)]
        widths = [display_width(str(_cell_value(h))) for h in headers]
        for j, header in enumerate(headers, start=1):
            cell = ws.cell(row=header_row, column=j, value=_cell_value(header))
            cell.data_type = "s"
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=False)
        for i, row in enumerate(data.itertuples(index=False, name=None)):
            r = header_row + 1 + i
            for j, raw in enumerate(row):
                value = _cell_value(raw)
                cell = ws.cell(row=r, column=j + 1, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                elif col_formats[j] and value is not None and not isinstance(value, bool):
                    cell.number_format = col_formats[j]
                if i < 2000:
                    widths[j] = max(widths[j], display_width(_shown(value, col_formats[j])))
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        if headers:
            last = get_column_letter(len(headers))
            ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(data), 1)}"
    if not book.worksheets:
        book.create_sheet("Data")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
