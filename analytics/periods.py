"""Periods: the one place that knows months, quarters, years, year-to-date and custom ranges.

A period is an inclusive range of calendar days aligned to whole months (a custom range may
cut a month). The fiscal year starts in ``fiscal_start_month`` (January by default) and is
named after the calendar year in which it starts, as Salesforce does by default.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal["month", "quarter", "year", "ytd", "qtd", "custom"]

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")
_QUARTER = re.compile(r"^\s*(\d{4})\s*[-\s]?\s*[Qq]\s*([1-4])\s*$|^\s*[Qq]([1-4])\s*[-\s]?\s*(\d{4})\s*$")
_QUARTER_ZH = re.compile(r"^\s*(\d{4})\s*年?\s*(?:第)?\s*([1-4一二三四])\s*季度?\s*$")
_YEAR = re.compile(r"^\s*(?:FY\s*)?(\d{4})\s*年?\s*$", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(\S+)\s*(?:\.\.|~|至|到)\s*(\S+)\s*$")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


@dataclass(frozen=True)
class Period:
    """An inclusive date range with a kind and a stable key (``2026-10``, ``2026-Q4``, …)."""

    start: date
    end: date
    kind: PeriodKind
    key: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def elapsed_days(self, as_of: date) -> int:
        """Days of the period that have passed on ``as_of`` (inclusive), clamped to 0..days."""
        if as_of < self.start:
            return 0
        if as_of >= self.end:
            return self.days
        return (as_of - self.start).days + 1

    def months(self) -> list[date]:
        """First days of the calendar months the period touches, in order."""
        out: list[date] = []
        cur = month_start(self.start)
        while cur <= self.end:
            out.append(cur)
            cur = add_months(cur, 1)
        return out

    def previous(self) -> Period:
        """The period of the same kind and length just before this one."""
        if self.kind == "month":
            return month_period(add_months(self.start, -1))
        if self.kind in ("quarter", "year"):
            n = 3 if self.kind == "quarter" else 12
            start = add_months(self.start, -n)
            return Period(start, add_months(self.start, 0) - timedelta(days=1), self.kind,
                          _key(self.kind, start))
        # ytd / qtd / custom: the same number of days immediately before.
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return Period(start, end, "custom", f"{start.isoformat()}..{end.isoformat()}")

    def same_period_last_year(self) -> Period:
        start = add_months(self.start, -12)
        end = add_months(self.end, -12)
        if self.end == month_end(self.end):
            end = month_end(end)
        return Period(start, end, self.kind, _key(self.kind, start, end))

    def __str__(self) -> str:
        return self.key


def _key(kind: PeriodKind, start: date, end: date | None = None) -> str:
    if kind == "month":
        return f"{start.year}-{start.month:02d}"
    if kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}" if start.month in (1, 4, 7, 10) \
            else f"{start.isoformat()}..{add_months(start, 3) - timedelta(days=1)}"
    if kind == "year":
        return f"{start.year}" if start.month == 1 else f"FY{start.year}"
    assert end is not None
    return f"{start.isoformat()}..{end.isoformat()}"


def month_period(d: date) -> Period:
    start = month_start(d)
    return Period(start, month_end(d), "month", _key("month", start))


def quarter_period(year: int, quarter: int, fiscal_start_month: int = 1) -> Period:
    """Quarter ``quarter`` (1–4) of the fiscal year starting in ``year``."""
    start = add_months(date(year, fiscal_start_month, 1), 3 * (quarter - 1))
    end = add_months(start, 3) - timedelta(days=1)
    key = f"{year}-Q{quarter}" if fiscal_start_month == 1 else f"FY{year}-Q{quarter}"
    return Period(start, end, "quarter", key)


def year_period(year: int, fiscal_start_month: int = 1) -> Period:
    start = date(year, fiscal_start_month, 1)
    end = add_months(start, 12) - timedelta(days=1)
    return Period(start, end, "year", _key("year", start))


def fiscal_year_of(d: date, fiscal_start_month: int = 1) -> int:
    """The fiscal year (named by its starting calendar year) containing ``d``."""
    return d.year if d.month >= fiscal_start_month else d.year - 1


def year_to_date(as_of: date, fiscal_start_month: int = 1) -> Period:
    """From the fiscal year's first day through the end of ``as_of``'s month."""
    start = date(fiscal_year_of(as_of, fiscal_start_month), fiscal_start_month, 1)
    end = month_end(as_of)
    return Period(start, end, "ytd", f"YTD{start.year}-{as_of.month:02d}")


def quarter_of(d: date, fiscal_start_month: int = 1) -> Period:
    fy = fiscal_year_of(d, fiscal_start_month)
    months_in = (d.year * 12 + d.month) - (fy * 12 + fiscal_start_month)
    return quarter_period(fy, months_in // 3 + 1, fiscal_start_month)


def custom_period(start: date, end: date) -> Period:
    if end < start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    return Period(start, end, "custom", f"{start.isoformat()}..{end.isoformat()}")


def parse_period(text: str, fiscal_start_month: int = 1) -> Period:
    """Parse ``2026-10``, ``2026/10``, ``2026年10月``, ``2026-Q4``, ``Q4 2026``, ``2026年第4季度``,
    ``2026``, ``FY2026`` or a range ``2026-01..2026-03`` / ``2026-01-15..2026-02-10``.

    Raises ``ValueError`` with a readable message for anything else.
    """
    raw = str(text).strip()
    if m := _RANGE.match(raw):
        first = _parse_bound(m.group(1), fiscal_start_month)
        last = _parse_bound(m.group(2), fiscal_start_month)
        return custom_period(first.start, last.end)
    if m := _MONTH.match(raw):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{raw!r}: month {month} is not between 1 and 12")
        return month_period(date(year, month, 1))
    if m := _QUARTER.match(raw):
        year = int(m.group(1) or m.group(4))
        quarter = int(m.group(2) or m.group(3))
        return quarter_period(year, quarter, fiscal_start_month)
    if m := _QUARTER_ZH.match(raw):
        q = m.group(2)
        return quarter_period(int(m.group(1)), _ZH_DIGITS.get(q) or int(q), fiscal_start_month)
    if m := _YEAR.match(raw):
        return year_period(int(m.group(1)), fiscal_start_month)
    if raw.upper().startswith("YTD"):
        rest = raw[3:]
        if m := _MONTH.match(rest):
            return year_to_date(date(int(m.group(1)), int(m.group(2)), 1), fiscal_start_month)
    try:
        day = date.fromisoformat(raw[:10])
    except ValueError:
        raise ValueError(
            f"{raw!r} is not a period: use 2026-10 (month), 2026-Q4 (quarter), 2026 (year) "
            "or 2026-01..2026-03 (range)"
        ) from None
    return custom_period(day, day)


def _parse_bound(text: str, fiscal_start_month: int) -> Period:
    return parse_period(text, fiscal_start_month)


