"""Number and date formats per language: the one formatter the pages use.

English: ``$1.23M``, ``87.5%``, ``30 Nov 2026``. Chinese: ``123.4万元``, ``12.3万美元``, ``87.5%``,
``2026年11月30日`` (万/亿 are how Chinese readers group large numbers). Money follows
``analytics.outputs.numbers``, which the report workbook shares.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from analytics import i18n
from analytics.outputs import numbers
from analytics.outputs.export import missing
from ui.i18n import Lang, current_lang

# The one test for a blank value, shared with the downloads and the report.
_missing = missing

#: Pixel heights of ``st.dataframe``: the header row, and each row after it.
TABLE_HEADER_PX = 38
TABLE_ROW_PX = 35


def table_height(rows: int, max_px: int | None = 560) -> int:
    """The height that shows ``rows`` rows without an empty band, at most ``max_px`` pixels (then
    the table scrolls; None: no limit); an empty table keeps one row's height for its placeholder."""
    height = TABLE_HEADER_PX + TABLE_ROW_PX * max(rows, 1)
    return height if max_px is None else min(max_px, height)


def money_cells(frame: pd.DataFrame, columns: list[str], currency: str | None, lang: Lang):
    """``frame`` styled for display: amounts in ``columns`` as a table shows them ($1,234,567;
    123.46万元). The values underneath stay numbers, so the columns sort as numbers; a missing
    amount shows the table's placeholder."""
    return frame.style.format(lambda v: numbers.money_cell(v, currency, lang), subset=columns)


def money(x: object, currency: str | None = None, lang: Lang | None = None, compact: bool = True) -> str:
    """An amount in ``currency`` (ISO code; None = unknown, a plain number): ``$1.23M`` /
    ``123.5万元``, or whole with ``compact=False``. The rules are ``analytics.outputs.numbers``'."""
    return numbers.money(x, currency, lang or current_lang(), compact=compact)


def money_format(currency: str | None, lang: Lang | None = None) -> numbers.MoneyFormat:
    """The formatter charts take: call it for a figure, ``.ticks(lo, hi)`` for a money axis."""
    return numbers.MoneyFormat(currency, lang or current_lang())


def number_format(text=None, lang: Lang | None = None) -> numbers.NumberFormat:
    """A count formatter whose ``ticks`` group an axis by 万/亿 in Chinese, K/M in English;
    ``text`` (default: thousands separators) writes one value for hover texts and cells."""
    return numbers.NumberFormat(lang or current_lang(), text)


def with_unit(label: str, currency: str | None, lang: Lang | None = None) -> str:
    """A header naming the currency: ``Amount ($)``, ``金额（元）``; bare with no known currency."""
    return numbers.with_unit(label, currency, lang or current_lang())


def money_printf(currency: str | None, lang: Lang | None = None) -> str:
    """A printf format of whole amounts for numeric table columns: ``$%,.0f``, ``%,.0f元``."""
    return numbers.money_printf(currency, lang or current_lang())


def number(x: object, digits: int = 0) -> str:
    if _missing(x):
        return "–"
    return f"{float(x):,.{digits}f}"  # type: ignore[arg-type]


def pct(x: object, digits: int = 1, signed: bool = False) -> str:
    """A fraction as a percentage (0.875 → ``87.5%``)."""
    if _missing(x):
        return "–"
    v = float(x) * 100  # type: ignore[arg-type]
    return f"{v:+.{digits}f}%" if signed else f"{v:.{digits}f}%"


def day(d: object, lang: Lang | None = None) -> str:
    if _missing(d) or d is pd.NaT:
        return "–"
    if isinstance(d, (pd.Timestamp, datetime)):
        d = d.date()
    assert isinstance(d, date)
    return i18n.day_text(d, lang or current_lang())


def month(d: date, lang: Lang | None = None) -> str:
    return i18n.month_text(d, lang or current_lang())


def period_label(period, lang: Lang | None = None) -> str:
    """A human name for a Period: ``Nov 2026``, ``Q4 2026``, ``2026年第4季度`` …"""
    return i18n.period_text(period, lang or current_lang())
