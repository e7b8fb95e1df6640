"""The report workbook's labels (words in the catalogue, ``report.*``), the period's name and the file name."""

from __future__ import annotations

import re

from analytics import i18n
from analytics.i18n import Lang
from analytics.periods import Period

__all__ = ["Lang", "label", "period_label", "report_file_name"]


def label(key: str, lang: Lang, **params: object) -> str:
    """The workbook label ``key`` in ``lang``: ``report.<key>`` in the catalogue of words
    (``analytics/i18n/words/report.py``)."""
    return i18n.text(f"report.{key}", lang, **params)


def period_label(period: Period, lang: Lang) -> str:
    """``November 2026`` / ``2026年11月``, ``Q4 2026`` / ``2026年第4季度``, a year, else the date range."""
    return i18n.period_text(period, lang, long=True)


def report_file_name(period: Period, rep: str | None = None) -> str:
    """A safe download name: ``sales_report_2026-11.xlsx`` or ``sales_report_2026-11_Chen_Jing.xlsx``."""
    key = re.sub(r"[^0-9A-Za-z._-]+", "_", period.key).strip("_")
    if not rep:
        return f"sales_report_{key}.xlsx"
    who = re.sub(r"[^\w.-]+", "_", rep, flags=re.UNICODE).strip("._") or "rep"
    return f"sales_report_{key}_{who[:60]}.xlsx"
