"""Cell values in every form the product accepts: dates, amounts, numbers, probabilities, scores.

Each parser takes one column of text (``str`` or missing, as the readers return it) and returns
a :class:`ParsedColumn`: the values, which cells were blank, which were bad and why, and notes
about decisions taken for the whole column (day/month order, decimal separator, percent scale).
The work is done once per distinct text, not per cell: a million-row export holds a few hundred
dates and stages, so a column is factorised first and the distinct texts parsed (counted with
their number of cells wherever a count decides, e.g. the day/month order), then spread back over
the cells. A column whose texts are mostly distinct is parsed cell by cell, which gives the same
answer without the factorising. The parsing itself is vectorised with pyarrow's RE2 kernels and
numpy; only texts that no fast pattern recognises go through a Python fallback
(``datetime.fromisoformat``).

Choices (SPEC §2): a two-digit year ``yy`` is 20yy when yy < 70, else 19yy (POSIX ``%y``);
dates outside 1900–2199 are ``out_of_range``; Excel serial numbers are accepted between 20000
(1954-10-03) and 80000 (2119-01-11); a datetime keeps the calendar date as written, whatever its
time or UTC offset. Amounts: the last separator followed by other than exactly three digits is
the decimal one; ``1,234`` is 1234 unless the column writes decimals with a comma; ``1.234`` is
1.234 unless it does (then 1234), and that choice is noted. Blank cells are empty, whitespace,
``-``, ``—``, ``N/A``, ``NULL`` and the like; for numbers also Excel's accounting dash ``$ -``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import i18n
from analytics.messages import Problem

__all__ = [
    "ParsedColumn",
    "parse_amounts",
    "parse_dates",
    "parse_numbers",
    "parse_probability",
    "parse_score",
]


#: Cells that mean "nothing here" (compared after trimming and lower-casing).
BLANK_TEXTS = ("", "-", "--", "—", "–", "n/a", "#n/a", "na", "null", "none", "nan", "nat")
_BLANKS = pa.array(BLANK_TEXTS, type=pa.large_string())

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_KEYS = pa.array(list(_MONTHS), type=pa.large_string())
_MONTH_NUMBERS = np.array(list(_MONTHS.values()), dtype=np.int64)
_MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December")
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)

# Reason codes, kept as small integers while parsing.
_REASONS = np.array([None, "not_a_date", "not_a_number", "negative", "out_of_range", "ambiguous_order"],
                    dtype=object)
_OK, _NOT_A_DATE, _NOT_A_NUMBER, _NEGATIVE, _OUT_OF_RANGE, _AMBIGUOUS_ORDER = range(6)


def _time_tail(strict: bool, sep: str = r"(?:\s*T\s*|\s+)") -> str:
    """An optional time of day (and UTC offset) after a date; ``strict`` only accepts real clock times."""
    if strict:
        second = r"(?::(?:[0-5]\d|60))?(?:[.,]\d{1,9})?"
        clock = (r"(?:(?:(?:[01]?\d|2[0-3]):[0-5]\d" + second + r"|24:00(?::00)?)"
                 r"|(?:0?[1-9]|1[0-2]):[0-5]\d" + second + r"\s*[AaPp]\.?[Mm]\.?)")
    else:
        clock = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    return r"(?:" + sep + clock + r"\s*(?:Z|UTC|GMT)?\s*(?:[+-]\d{2}(?::?\d{2})?)?(?:\s*\([^)]*\))?)?\s*$"


@dataclass(frozen=True)
class _DateForm:
    """A written form of dates: ``loose`` claims a cell, ``strict`` also wants a real time of day,
    ``head`` names the parts (y, m, d, mon)."""

    head: str
    loose: str
    strict: str


def _form(head: str, time_sep: str = r"(?:\s*T\s*|\s+)") -> _DateForm:
    return _DateForm(head, head + _time_tail(False, time_sep), head + _time_tail(True, time_sep))


# 2026-11-30, 2026/11/30, 30.11.2026, 11/30/2026, 03/01/19, 20-10-2017 (+ time); one kind of separator.
_NUMERIC = _form(r"^(?:\d{1,4}-\d{1,2}-\d{1,4}|\d{1,4}/\d{1,2}/\d{1,4}|\d{1,4}\.\d{1,2}\.\d{1,4}\.?)")
_NUMERIC_HEAD = r"^(?P<a>\d{1,4})[-/.](?P<b>\d{1,2})[-/.](?P<c>\d{1,4})"
_CHINESE = _form(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?", r"\s*")
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
# 30-Nov-2026, 30 November 2026, Mon, 30 Nov 2026 14:22:00 +0000
_DAY_MONTH_NAME = _form(r"(?i)^" + _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[-\s./]*(?P<mon>[a-z]{3,9})\.?"
                        r"[-\s./,]*(?P<y>\d{4}|\d{2})")
# Nov 30, 2026; November 30 2026; Mon Nov 30 2026 14:22:00 GMT+0800 (China Standard Time)
_MONTH_NAME_DAY = _form(r"(?i)^" + _WEEKDAY + r"(?P<mon>[a-z]{3,9})\.?[-\s./]*(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                        r"(?:,\s*|[-\s./]+)(?P<y>\d{4}|\d{2})")
_SERIAL = r"^(?P<n>\d{5})(?:\.\d+)?$"
_COMPACT = r"^(?P<y>(?:19|20|21)\d{2})(?P<m>\d{2})(?P<d>\d{2})$"

_EXCEL_EPOCH_DAYS = -25569          # 1899-12-30 as days since 1970-01-01
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
_YEAR_MIN, _YEAR_MAX = 1900, 2199
_US_PER_DAY = 86_400_000_000

_CURRENCY = (r"(?:US\$|U\.S\.\$|HK\$|NT\$|AU\$|A\$|CA\$|C\$|NZ\$|S\$|R\$|CN¥|RMB|USD|EUR|GBP|JPY|CNY|HKD|TWD|"
             r"SGD|AUD|CAD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|INR|KRW|BRL|MXN|ZAR|RUB|TRY|THB|MYR|IDR|PHP|VND|"
             r"AED|SAR|ILS|人民币|美元|港币|港元|欧元|英镑|日元|元|块|Rs\.?|kr\.?|zł|[$¥€£₹₩₽₺₫฿₱₪])")
_MULTIPLIERS = r"(?:千万|百万|万|亿|千|bn|BN|mn|MM|mm|[kKmMbBwW])"
_NUMBER_BODY = r"(?:\d+(?:\.\d+)?[eE][-+]?\d+|\d(?:[\d.,' ’]*\d)?|[.,]\d+)"
_AMOUNT = (r"^\(?\s*[-−+]?\s*" + _CURRENCY + r"?\s*[-−+]?\s*" + _NUMBER_BODY + r"\s*" + _MULTIPLIERS
           + r"?\s*" + _CURRENCY + r"?\s*\)?\s*-?$")
_ACCOUNTING_DASH = r"^\(?\s*" + _CURRENCY + r"?\s*[-–—]+\s*" + _CURRENCY + r"?\s*\)?$"
_MULTIPLIER_AT = r"\d\s*(?P<mult>" + _MULTIPLIERS + r")\s*" + _CURRENCY + r"?\s*\)?\s*-?$"
# Everything that may stand around the number in a valid amount (never "." or ","; see _DOTTED).
_DECORATION = ("()+-−$¥€£₹₩₽₺₫฿₱₪ł人民币美元港欧英镑日块千百万亿 \t"
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DOTTED = r"(?i)(?:rs|kr|u\.s)\."
_FACTORS = {"千": 1e3, "k": 1e3, "K": 1e3, "万": 1e4, "w": 1e4, "W": 1e4, "百万": 1e6, "m": 1e6, "M": 1e6,
            "mm": 1e6, "MM": 1e6, "mn": 1e6, "千万": 1e7, "亿": 1e8, "b": 1e9, "B": 1e9, "bn": 1e9, "BN": 1e9}

# Shapes of the number itself once signs, currency and multiplier are gone.
_INT = r"^\d+$"
_AMBIGUOUS = r"^[1-9]\d{0,2}[.,]\d{3}$"                      # 1.234 / 1,234
_DOT_DECIMAL = r"^\d*\.\d+$|^\d+(?:\.\d+)?[eE][-+]?\d+$"     # 12.5, .5, 1.2E+05
_COMMA_GROUPS = r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?$"   # 1,234,567.5 and 1,23,456
_COMMA_DECIMAL = r"^\d*,\d+$"                                  # 12,5
_DOT_GROUPS = r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$"              # 1.234.567,5
_SPACE_GROUPS = r"^\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?$"       # 1 234 567,5 and 1'234.50

_SCORE = (r"^(?P<num>\d+(?:[.,]\d+)?)(?:\s*/\s*(?P<den>\d+))?"
          r"(?:\s*[-–—:=]?\s*(?:[^\d\s.,/+\-–—:=].*)?)?$")
_PLAIN_SCORE = r"^\d+(?:\.\d+)?$"
_NEGATIVE_NUMBER = r"^[-−]\s*\d"


@dataclass
class ParsedColumn:
    """One parsed column, aligned on the input's index.

    ``values`` are float64 (numbers) or datetime64[us] at midnight (dates), NaN/NaT where the
    cell is blank or bad; ``reasons`` holds a reason code for each bad cell, else None.
    """

    values: pd.Series
    blank: pd.Series
    bad: pd.Series
    reasons: pd.Series
    notes: list[Problem] = field(default_factory=list)


# --------------------------------------------------------------------------- shared helpers


def _arrow_text(s: pd.Series) -> pa.Array:
    """The column as one pyarrow large_string array (missing → null); other cell types via ``str``."""
    if not (isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow"):
        s = s.astype("str")
    if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
        arr = pa.array(s.array)
    else:  # pandas without pyarrow-backed strings
        arr = pa.array(s.to_numpy(dtype=object), type=pa.large_string(), from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr.cast(pa.large_string())


def _prepare(s: pd.Series) -> tuple[pa.Array, np.ndarray]:
    """NFKC-normalised (full-width digits, NBSP), trimmed text with blanks nulled; the blank mask."""
    arr = _arrow_text(s)
    if len(arr) and not pc.all(pc.string_is_ascii(arr)).as_py():
        arr = pc.utf8_normalize(arr, form="NFKC")
    arr = pc.utf8_trim_whitespace(arr)
    blank = _bools(pc.or_kleene(pc.is_null(arr), pc.is_in(pc.utf8_lower(arr), value_set=_BLANKS)))
    if blank.any():
        arr = pc.if_else(pa.array(blank), pa.scalar(None, pa.large_string()), arr)
    return arr, blank


def _bools(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def _matches(arr: pa.Array, pattern: str) -> np.ndarray:
    """Rows whose text matches ``pattern`` (RE2 without captures: the fast DFA path)."""
    return _bools(pc.match_substring_regex(arr, pattern))


def _extract(arr: pa.Array, pattern: str) -> tuple[np.ndarray, dict[str, pa.Array]]:
    """Rows matching ``pattern`` and its named groups ("" where an optional group did not take part)."""
    st = pc.extract_regex(arr, pattern)
    return _bools(st.is_valid()), {st.type.field(i).name: st.field(i) for i in range(st.type.num_fields)}


def _groups(arr: pa.Array, pattern: str) -> dict[str, pa.Array]:
    return _extract(arr, pattern)[1]


def _ints(arr: pa.Array) -> np.ndarray:
    """Digit strings as int64; -1 where empty or null."""
    empty = pc.equal(pc.utf8_length(arr), 0)
    cleaned = pc.if_else(empty, pa.scalar(None, arr.type), arr)
    return pc.fill_null(pc.cast(cleaned, pa.int64()), -1).to_numpy(zero_copy_only=False)


def _lengths(arr: pa.Array) -> np.ndarray:
    return pc.fill_null(pc.utf8_length(arr), 0).to_numpy(zero_copy_only=False)


def _take(arr: pa.Array, rows: np.ndarray) -> pa.Array:
    return arr if len(rows) == len(arr) else arr.take(pa.array(rows))


def _cell(s: pd.Series, i: int) -> str:
    return str(s.iloc[int(i)]).strip()


def _result(s: pd.Series, values: np.ndarray, blank: np.ndarray, codes: np.ndarray,
            notes: list[Problem]) -> ParsedColumn:
    return ParsedColumn(
        values=pd.Series(values, index=s.index, name=s.name),
        blank=pd.Series(blank, index=s.index, name=s.name),
        bad=pd.Series(codes != _OK, index=s.index, name=s.name),
        reasons=pd.Series(_REASONS[codes], index=s.index, name=s.name, dtype=object),
        notes=notes,
    )


def _count(mask: np.ndarray, weights: np.ndarray | None) -> int:
    """Cells behind ``mask``: with per-distinct parsing each text stands for ``weights`` cells."""
    return int(mask.sum()) if weights is None else int(weights[mask].sum())


#: Below this many cells, factorising costs more than it saves.
_DISTINCT_MIN_CELLS = 64


@dataclass(frozen=True)
class _Distinct:
    """A column as its distinct texts (first-appearance order, a missing value last), each cell's
    position among them, and how many cells each text stands for."""

    texts: pd.Series
    codes: np.ndarray
    counts: np.ndarray


def _distinct(s: pd.Series) -> _Distinct | None:
    """The column's distinct texts, or None when parsing per cell is as cheap or could differ.

    Only columns of text: ``pd.factorize`` treats 1, 1.0 and True as one value, whose texts differ.
    First-appearance order keeps "the first cell that …" (the examples in the notes) the same.
    """
    n = len(s)
    if n < _DISTINCT_MIN_CELLS or not (s.dtype == object or isinstance(s.dtype, pd.StringDtype)):
        return None
    sample = 10_000
    if n > 2 * sample and 2 * len(pd.unique(s.iloc[:sample])) > sample:
        return None  # amounts with cents, ids: factorising a million distinct texts only costs
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    k = len(uniques)
    if 2 * k > n:
        return None
    uniques = np.asarray(uniques, dtype=object)
    if s.dtype == object and pd.api.types.infer_dtype(uniques, skipna=True) not in ("string", "empty"):
        return None
    codes = np.where(codes < 0, k, codes)
    texts = pd.Series([*uniques.tolist(), None], dtype=object, name=s.name)
    return _Distinct(texts, codes, np.bincount(codes, minlength=k + 1))


def _spread(parsed: ParsedColumn, d: _Distinct, s: pd.Series) -> ParsedColumn:
    """A parse of the distinct texts, back over the column's cells."""
    def cells(part: pd.Series, dtype: object = None) -> pd.Series:
        return pd.Series(part.to_numpy()[d.codes], index=s.index, name=s.name, dtype=dtype)

    return ParsedColumn(values=cells(parsed.values), blank=cells(parsed.blank), bad=cells(parsed.bad),
                        reasons=cells(parsed.reasons, object), notes=parsed.notes)


def _by_distinct(parse, s: pd.Series, *args, **kwargs) -> ParsedColumn:
    """``parse(cells, *args, weights=…)`` once per distinct text of ``s`` (see the module docstring)."""
    d = _distinct(s)
    if d is None:
        return parse(s, *args, weights=None, **kwargs)
    return _spread(parse(d.texts, *args, weights=d.counts, **kwargs), d, s)


def _fmt_number(v: float) -> str:
    text = f"{v:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


# --------------------------------------------------------------------------- dates


def _two_digit_years(year: np.ndarray, digits: np.ndarray) -> np.ndarray:
    return np.where(digits == 2, np.where(year < 70, 2000 + year, 1900 + year), year)


def _days_since_epoch(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days from 1970-01-01 of valid proleptic Gregorian dates (H. Hinnant's days_from_civil)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _numeric_date_parts(texts: pa.Array) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The three numbers of ``a-b-c``, ``a/b/c`` or ``a.b.c`` (+ time) cells and how many digits
    each was written with: plain splitting, and the regex only for rows with odd spacing."""
    if _matches(texts, r"^\d{4}-\d{2}-\d{2}(?:\D|$)").all():  # ISO, as calamine renders Excel dates
        parts = [pc.utf8_slice_codeunits(texts, start, stop) for start, stop in ((0, 4), (5, 7), (8, 10))]
        return ([pc.cast(part, pa.int64()).to_numpy(zero_copy_only=False) for part in parts],
                [np.full(len(texts), width) for width in (4, 2, 2)])
    unified = texts
    for char in ("/", "."):
        if pc.any(pc.match_substring(unified, char)).as_py():
            unified = pc.replace_substring(unified, char, "-")
    if pc.any(pc.match_substring(unified, ":")).as_py():
        unified = pc.replace_substring(pc.replace_substring(unified, "T", "-"), " ", "-")
    pieces = pc.split_pattern(unified, "-", max_splits=3)
    parts = [pc.list_element(pieces, i) for i in range(3)]
    digits = pc.and_(pc.and_(pc.utf8_is_digit(parts[0]), pc.utf8_is_digit(parts[1])), pc.utf8_is_digit(parts[2]))
    odd = ~_bools(digits)
    if odd.any():
        g = _groups(texts.filter(pa.array(odd)), _NUMERIC_HEAD)
        mask = pa.array(odd)
        parts = [pc.replace_with_mask(part, mask, g[name].cast(part.type))
                 for part, name in zip(parts, ("a", "b", "c"), strict=True)]
    numbers = [pc.cast(part, pa.int64()).to_numpy(zero_copy_only=False) for part in parts]
    return numbers, [_lengths(part) for part in parts]


def _date_order_params(dayfirst: bool) -> dict[str, str]:
    return {"order": i18n.Key("date_order.day_first" if dayfirst else "date_order.month_first")}


def parse_dates(s: pd.Series, column: str) -> ParsedColumn:
    """Calendar dates (datetime64[us] at midnight) from every accepted form; time and UTC offset dropped.

    The day/month order of ``03/04/2026``-style cells is decided for the whole column from the
    cells that can only be read one way; an undecidable column is read month-first for ``/`` and
    day-first for ``.`` and ``-``, with a warning note.
    """
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        values = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s
        values = values.dt.normalize().astype("datetime64[us]")
        return _result(s, values.to_numpy(), values.isna().to_numpy(), np.zeros(len(s), np.int8), [])
    return _by_distinct(_parse_dates, s, column)


def _parse_dates(s: pd.Series, column: str, weights: np.ndarray | None) -> ParsedColumn:
    n = len(s)
    arr, blank = _prepare(s)
    codes = np.zeros(n, dtype=np.int8)
    year = np.full(n, -1, dtype=np.int64)
    month = np.full(n, -1, dtype=np.int64)
    day = np.full(n, -1, dtype=np.int64)
    serial = np.full(n, -1, dtype=np.int64)
    # Year-last cells like 03/04/2026 keep their two leading numbers until the order is decided.
    first = np.full(n, -1, dtype=np.int64)
    second = np.full(n, -1, dtype=np.int64)
    sep = np.zeros(n, dtype="<U1")
    todo = np.flatnonzero(~blank)

    def claim(loose: str, strict: str | None = None) -> tuple[np.ndarray, pa.Array]:
        """The rows still to do that have this form (impossible time of day → not_a_date), and their text."""
        nonlocal todo
        sub = _take(arr, todo)
        matched = _matches(sub, loose)
        rows = np.flatnonzero(matched)
        idx, texts = todo[rows], _take(sub, rows)
        if strict is not None and len(rows) and pc.any(pc.match_substring(texts, ":")).as_py():
            codes[idx[~_matches(texts, strict)]] = _NOT_A_DATE
        todo = todo[~matched]
        return idx, texts

    # 1. Numbers with separators: year first (ISO), or year last with the order to decide.
    if len(todo):
        idx, texts = claim(_NUMERIC.loose, _NUMERIC.strict)
        if len(idx):
            (a, b, c), (a_len, _, c_len) = _numeric_date_parts(texts)
            year_first = (a_len == 4) & (c_len <= 2)
            year_last = (a_len <= 2) & ((c_len == 2) | (c_len == 4))
            rows = idx[year_first]
            year[rows], month[rows], day[rows] = a[year_first], b[year_first], c[year_first]
            rows = idx[year_last]
            year[rows] = _two_digit_years(c[year_last], c_len[year_last])
            first[rows], second[rows] = a[year_last], b[year_last]
            if len(rows):  # a "/" can only be the separator; a "." may also be in the seconds
                last_text = texts.filter(pa.array(year_last))
                slash = _bools(pc.match_substring(last_text, "/"))
                point = ~slash & _matches(last_text, r"^\d+\.") if not slash.all() else slash & False
                sep[rows] = np.where(slash, "/", np.where(point, ".", "-"))
            codes[idx[~(year_first | year_last)]] = _NOT_A_DATE

    # 2. 2026年11月30日 and 20261130.
    for loose, strict, head in ((_CHINESE.loose, _CHINESE.strict, _CHINESE.head), (_COMPACT, None, _COMPACT)):
        if len(todo):
            idx, texts = claim(loose, strict)
            if len(idx):
                g = _groups(texts, head)
                year[idx], month[idx], day[idx] = _ints(g["y"]), _ints(g["m"]), _ints(g["d"])

    # 3. Month names: 30-Nov-2026, Nov 30, 2026.
    for form in (_DAY_MONTH_NAME, _MONTH_NAME_DAY):
        if len(todo):
            idx, texts = claim(form.loose, form.strict)
            if len(idx):
                g = _groups(texts, form.head)
                pos = pc.fill_null(pc.index_in(pc.utf8_lower(g["mon"]), value_set=_MONTH_KEYS), -1)
                pos = pos.to_numpy(zero_copy_only=False)
                year[idx] = _two_digit_years(_ints(g["y"]), _lengths(g["y"]))
                month[idx] = np.where(pos >= 0, _MONTH_NUMBERS[np.maximum(pos, 0)], -1)
                day[idx] = _ints(g["d"])

    # 4. Excel serial numbers (days since 1899-12-30; a fraction is the time of day).
    if len(todo):
        idx, texts = claim(_SERIAL)
        if len(idx):
            serial[idx] = _ints(_groups(texts, _SERIAL)["n"])

    # 5. Whatever is left: Python's ISO parser, once per distinct text.
    if len(todo):
        seen: dict[str, tuple[int, int, int] | None] = {}
        for i, text in zip(todo, _take(arr, todo).to_pylist(), strict=True):
            if text not in seen:
                try:
                    parsed = datetime.fromisoformat(text)
                    seen[text] = (parsed.year, parsed.month, parsed.day)
                except ValueError:
                    seen[text] = None
            ymd = seen[text]
            if ymd is None:
                codes[i] = _NOT_A_DATE
            else:
                year[i], month[i], day[i] = ymd

    notes = _decide_date_order(column, s, first, second, sep, year, month, day, codes, weights)

    # Validate the calendar, then count days from 1970-01-01.
    has_ymd = (year >= 0) & (codes == _OK)
    month_ok = has_ymd & (month >= 1) & (month <= 12)
    safe_month = np.where(month_ok, month, 1)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_days = _DAYS_IN_MONTH[safe_month] + ((safe_month == 2) & leap)
    valid = month_ok & (day >= 1) & (day <= month_days)
    codes[has_ymd & ~valid] = _NOT_A_DATE
    in_range = valid & (year >= _YEAR_MIN) & (year <= _YEAR_MAX)
    codes[valid & ~in_range] = _OUT_OF_RANGE
    days = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    days[in_range] = _days_since_epoch(year[in_range], month[in_range], day[in_range])

    has_serial = (serial >= 0) & (codes == _OK)
    serial_ok = has_serial & (serial >= _SERIAL_MIN) & (serial <= _SERIAL_MAX)
    codes[has_serial & ~serial_ok] = _NOT_A_DATE
    days[serial_ok] = serial[serial_ok] + _EXCEL_EPOCH_DAYS

    micros = np.where(days == np.iinfo(np.int64).min, days, days * _US_PER_DAY)
    return _result(s, micros.view("datetime64[us]"), blank, codes, notes)


def _decide_date_order(column: str, s: pd.Series, first: np.ndarray, second: np.ndarray, sep: np.ndarray,
                       year: np.ndarray, month: np.ndarray, day: np.ndarray, codes: np.ndarray,
                       weights: np.ndarray | None = None) -> list[Problem]:
    """Fill month and day of the year-last cells in the column's order; returns the notes about it."""
    amb = (first >= 0) & (codes == _OK)
    if not amb.any():
        return []
    only_dayfirst = amb & (first > 12) & (first <= 31) & (second <= 12)
    only_monthfirst = amb & (second > 12) & (second <= 31) & (first <= 12)
    impossible = amb & (first > 12) & (second > 12)
    codes[impossible] = _NOT_A_DATE
    amb &= ~impossible
    n_day, n_month = _count(only_dayfirst, weights), _count(only_monthfirst, weights)
    notes: list[Problem] = []

    def example(mask: np.ndarray) -> str:
        return _cell(s, np.flatnonzero(mask)[0])

    if n_day or n_month:
        if n_day != n_month:
            dayfirst = n_day > n_month
        else:  # a tie: the usual order for the column's most common separator
            chars, inverse = np.unique(sep[amb], return_inverse=True)
            counts = np.bincount(inverse, weights=None if weights is None else weights[amb])
            dayfirst = bool(chars[np.argmax(counts)] != "/")
        dayfirst_rows = amb & dayfirst
        evidence, contrary = (only_dayfirst, only_monthfirst) if dayfirst else (only_monthfirst, only_dayfirst)
        if contrary.any():
            codes[contrary] = _AMBIGUOUS_ORDER
            notes.append(Problem("date_order_inconsistent", {
                "column": column, "majority": _count(evidence, weights), "minority": _count(contrary, weights),
                "example": example(contrary), **_date_order_params(dayfirst)}, "warning", column=column))
        else:
            notes.append(Problem("date_order_detected", {
                "column": column, "example": example(evidence), **_date_order_params(dayfirst)},
                "info", column=column))
    else:
        # Nothing decides: month-first for "/" (US Excel), day-first for "." and "-".
        dayfirst_rows = amb & (sep != "/")
        for char in sorted(set(sep[amb].tolist())):
            depends = amb & (sep == char) & (first != second)
            if not depends.any():
                continue  # 03/03/2026 reads the same either way
            i = np.flatnonzero(depends)[0]
            is_dayfirst = char != "/"
            d, m = (first[i], second[i]) if is_dayfirst else (second[i], first[i])
            notes.append(Problem("date_order_assumed", {
                "column": column, "example": _cell(s, i), "separator": char,
                "read": i18n.Key("format.day", day=d, month=m, year=year[i], month_short=_MONTH_NAMES_EN[m - 1],
                                 month_long="") if 1 <= m <= 12 else "?",
                **_date_order_params(is_dayfirst)},
                "warning", column=column))
    rows = amb & (codes == _OK)
    day[rows] = np.where(dayfirst_rows[rows], first[rows], second[rows])
    month[rows] = np.where(dayfirst_rows[rows], second[rows], first[rows])
    return notes


# --------------------------------------------------------------------------- numbers


@dataclass
class _Numbers:
    values: np.ndarray      # float64, NaN where not parsed; written negatives already negated
    negative: np.ndarray    # bool: the cell was written as a negative number
    codes: np.ndarray       # int8 reason codes (_NOT_A_NUMBER or _OK)
    notes: list[Problem]
    blank: np.ndarray       # the blank cells, with accounting dashes ("$ -") added


def _parse_number_text(arr: pa.Array, blank: np.ndarray, s: pd.Series, column: str,
                       weights: np.ndarray | None = None) -> _Numbers:
    """The number grammar shared by amounts, quantities and probabilities (see the module docstring)."""
    n = len(arr)
    values = np.full(n, np.nan)
    negative = np.zeros(n, dtype=bool)
    codes = np.zeros(n, dtype=np.int8)
    notes: list[Problem] = []
    todo = np.flatnonzero(~blank)
    sub = _take(arr, todo)
    valid = _matches(sub, _AMOUNT) if len(todo) else np.zeros(0, bool)
    if not valid.all():  # "$ -" is how Excel's accounting format shows nothing: blank, like "-"
        dash = ~valid & _matches(sub, _ACCOUNTING_DASH)
        blank = blank.copy()
        blank[todo[dash]] = True
        codes[todo[~(valid | dash)]] = _NOT_A_NUMBER
    idx = todo[valid]
    if not len(idx):
        return _Numbers(values, negative, codes, notes, blank)
    text = _take(sub, np.flatnonzero(valid))

    # Signs, brackets and multiplier stand around the number; trimming them leaves the number.
    if _matches(text, _DOTTED).any():
        text = pc.replace_substring_regex(text, r"(?i)(rs|kr)\.", r"\1")
        text = pc.replace_substring_regex(text, r"(?i)u\.s\.", "US")
    body = pc.utf8_trim(text, characters=_DECORATION)
    opening = _bools(pc.starts_with(text, "("))
    closing = _matches(text, r"\)\s*-?$")
    minus = _matches(text, r"^\D*[-−]|[-−]\D*$")
    factor = np.ones(len(idx))
    with_multiplier = np.flatnonzero(_matches(text, _MULTIPLIER_AT))
    if len(with_multiplier):
        found = _groups(_take(text, with_multiplier), _MULTIPLIER_AT)["mult"].to_pylist()
        factor[with_multiplier] = [_FACTORS[m] for m in found]

    # The shape of the digits tells which separator is the decimal one.
    is_int = _matches(body, _INT)
    ambiguous = ~is_int & _matches(body, _AMBIGUOUS)
    rest = ~is_int & ~ambiguous
    comma_decimal = np.zeros(len(idx), dtype=bool)
    point_evidence = np.zeros(len(idx), dtype=bool)
    comma_evidence = np.zeros(len(idx), dtype=bool)
    for pattern, point in ((_DOT_DECIMAL, True), (_COMMA_GROUPS, True), (_COMMA_DECIMAL, False),
                           (_DOT_GROUPS, False), (_SPACE_GROUPS, None)):
        if not rest.any():
            break
        hit = rest & _matches(body, pattern)
        if point is None:  # 1 234 567,5: the separator after the groups decides, if any
            with_comma = hit & _matches(body, r",\d+$")
            comma_decimal |= with_comma
            comma_evidence |= with_comma
            point_evidence |= hit & _matches(body, r"\.\d+$")
        else:
            (point_evidence if point else comma_evidence)[hit] = True
            comma_decimal[hit] = not point
        rest &= ~hit
    unbalanced = opening != closing
    bad = rest | unbalanced

    if ambiguous.any():
        w = None if weights is None else weights[idx]
        decided_comma = _count(comma_evidence, w) > _count(point_evidence, w)
        comma_decimal[ambiguous] = decided_comma
        notes += _decimal_notes(s, column, idx, body, ambiguous, decided_comma, bool(point_evidence.any()))

    numeric = pc.replace_substring(body, ",", "")
    if comma_decimal.any():
        swapped = pc.replace_substring(pc.replace_substring(body, ".", ""), ",", ".")
        numeric = pc.if_else(pa.array(comma_decimal), swapped, numeric)
    for char in (" ", "'", "’"):
        if pc.any(pc.match_substring(numeric, char)).as_py():
            numeric = pc.replace_substring(numeric, char, "")
    numeric = pc.if_else(pa.array(~bad), numeric, pa.scalar(None, numeric.type))
    number = pc.cast(numeric, pa.float64()).to_numpy(zero_copy_only=False)
    scaled = factor != 1.0
    if scaled.any():  # 1.1万 is 11000, not 11000.000000000002
        number = np.where(scaled, np.round(number * factor, 6), number)
    written_negative = ~bad & (minus | opening) & (number > 0)
    number = np.where(written_negative, -number, number)
    codes[idx[bad]] = _NOT_A_NUMBER
    values[idx[~bad]] = number[~bad]
    negative[idx] = written_negative
    return _Numbers(values, negative, codes, notes, blank)


def _decimal_notes(s: pd.Series, column: str, idx: np.ndarray, body: pa.Array, ambiguous: np.ndarray,
                   decided_comma: bool, point_evidence: bool) -> list[Problem]:
    """How ``1.234`` / ``1,234`` cells were read. ``1,234`` as 1234 without decimal commas needs no note."""
    rows = np.flatnonzero(ambiguous)
    texts = _take(body, rows).to_pylist()
    if decided_comma:
        read = texts[0].replace(".", "").replace(",", ".")
        return [Problem("decimal_separator_detected", {
            "column": column, "example": _cell(s, idx[rows[0]]), "read": _fmt_number(float(read)),
            "decimal": i18n.Key("decimal.comma")}, "info", column=column)]
    dotted = [k for k, t in enumerate(texts) if "." in t]
    if not dotted:
        return []
    k = dotted[0]
    params = {"column": column, "example": _cell(s, idx[rows[k]]), "read": _fmt_number(float(texts[k]))}
    if point_evidence:
        return [Problem("decimal_separator_detected", {
            **params, "decimal": i18n.Key("decimal.point")}, "info", column=column)]
    return [Problem("decimal_separator_assumed", params, "warning", column=column)]


def parse_amounts(s: pd.Series, column: str, *, allow_negative: bool = False) -> ParsedColumn:
    """Money amounts as float64 in the file's currency: signs, codes, separators, 万/亿/k/M handled.

    A negative amount (``-123``, ``123-``, ``(123)``) is a bad cell with reason ``negative`` unless
    ``allow_negative``; a percentage is not an amount (``not_a_number``).
    """
    return _by_distinct(_parse_amounts, s, column, allow_negative=allow_negative)


def _parse_amounts(s: pd.Series, column: str, *, weights: np.ndarray | None,
                   allow_negative: bool) -> ParsedColumn:
    arr, blank = _prepare(s)
    parsed = _parse_number_text(arr, blank, s, column, weights)
    values, codes = parsed.values, parsed.codes
    if not allow_negative:
        codes[parsed.negative] = _NEGATIVE
        values[parsed.negative] = np.nan
    return _result(s, values, parsed.blank, codes, parsed.notes)


def parse_numbers(s: pd.Series, column: str, minimum: float | None = None,
                  maximum: float | None = None) -> ParsedColumn:
    """Quantities and other plain numbers as float64, in the file's unit; outside ``minimum``..``maximum``
    is bad: ``negative`` when below a non-negative minimum because of the sign, else ``out_of_range``."""
    return _by_distinct(_parse_numbers, s, column, minimum, maximum)


def _parse_numbers(s: pd.Series, column: str, minimum: float | None, maximum: float | None, *,
                   weights: np.ndarray | None) -> ParsedColumn:
    arr, blank = _prepare(s)
    parsed = _parse_number_text(arr, blank, s, column, weights)
    values, codes = parsed.values, parsed.codes
    with np.errstate(invalid="ignore"):
        low = values < minimum if minimum is not None else np.zeros(len(values), bool)
        high = values > maximum if maximum is not None else np.zeros(len(values), bool)
    codes[low] = _OUT_OF_RANGE
    if minimum is not None and minimum >= 0:
        codes[low & (values < 0)] = _NEGATIVE
    codes[high] = _OUT_OF_RANGE
    values[low | high] = np.nan
    return _result(s, values, parsed.blank, codes, parsed.notes)


def parse_probability(s: pd.Series, column: str) -> ParsedColumn:
    """Probabilities as fractions 0..1: ``0.3``, ``30``, ``30%`` and ``30 %`` are all 0.3.

    ``%`` in a cell always means percent; the other cells are percentages when any of them lies
    above 1 (all within 0..100), else fractions. Values outside 0..100 are ``out_of_range``.
    """
    return _by_distinct(_parse_probability, s, column)


def _parse_probability(s: pd.Series, column: str, weights: np.ndarray | None) -> ParsedColumn:
    arr, blank = _prepare(s)
    percent = _matches(arr, r"%$")
    if percent.any():
        arr = pc.utf8_rtrim(arr, characters="% ")
    parsed = _parse_number_text(arr, blank, s, column, weights)
    values, codes = parsed.values, parsed.codes
    notes = [p for p in parsed.notes if p.code != "decimal_separator_assumed"]  # 0.125 is a fraction
    with np.errstate(invalid="ignore"):
        outside = ~np.isnan(values) & ((values < 0) | (values > 100))
    codes[outside] = _OUT_OF_RANGE
    values[outside] = np.nan
    plain = ~percent & ~np.isnan(values)
    percent_column = bool((values[plain] > 1).any())
    if percent_column:
        i = np.flatnonzero(plain & (values > 1))[0]
        notes.append(Problem("probability_percent_detected", {
            "column": column, "example": _cell(s, i), "read": _fmt_number(values[i])}, "info", column=column))
        fractions = np.flatnonzero(plain & (values > 0) & (values < 1))
        if len(fractions):
            j = fractions[0]
            notes.append(Problem("probability_scale_mixed", {
                "column": column, "example": _cell(s, j), "read": _fmt_number(values[j] * 100)},
                "warning", column=column))
    values = np.where(percent | (plain & percent_column), values / 100.0, values)
    return _result(s, values, parsed.blank, codes, notes)


def parse_score(s: pd.Series, column: str, minimum: float, maximum: float) -> ParsedColumn:
    """Survey scores on their own scale (CSAT 1–5, NPS 0–10) as float64: ``4``, ``4.5``, ``4/5``,
    ``9 - very likely``. The leading number counts; ``a/b`` needs ``b`` = ``maximum``; off-scale is
    ``out_of_range``."""
    return _by_distinct(_parse_score, s, column, minimum, maximum)


def _parse_score(s: pd.Series, column: str, minimum: float, maximum: float, *,
                 weights: np.ndarray | None) -> ParsedColumn:
    del weights  # no decision in a score column depends on how many cells say what
    arr, blank = _prepare(s)
    n = len(arr)
    values = np.full(n, np.nan)
    codes = np.zeros(n, dtype=np.int8)
    todo = np.flatnonzero(~blank)
    sub = _take(arr, todo)
    plain = _matches(sub, _PLAIN_SCORE) if len(todo) else np.zeros(0, bool)
    number = np.full(len(todo), np.nan)
    denominator = np.full(len(todo), -1, dtype=np.int64)
    if plain.any():
        number[plain] = pc.cast(sub.filter(pa.array(plain)), pa.float64()).to_numpy(zero_copy_only=False)
    other = np.flatnonzero(~plain)
    if len(other):
        texts = _take(sub, other)
        matched, g = _extract(texts, _SCORE)
        num_text = pc.replace_substring(g["num"], ",", ".")
        num_text = pc.if_else(pa.array(matched), num_text, pa.scalar(None, num_text.type))
        number[other] = pc.cast(num_text, pa.float64()).to_numpy(zero_copy_only=False)
        denominator[other] = _ints(g["den"])
        unmatched = other[~matched]
        codes[todo[unmatched]] = np.where(_matches(_take(texts, np.flatnonzero(~matched)), _NEGATIVE_NUMBER),
                                          _OUT_OF_RANGE, _NOT_A_NUMBER)
    with np.errstate(invalid="ignore"):
        outside = ~np.isnan(number) & ((number < minimum) | (number > maximum)
                                       | ((denominator >= 0) & (denominator != maximum)))
    codes[todo[outside]] = _OUT_OF_RANGE
    good = ~np.isnan(number) & ~outside
    values[todo[good]] = number[good]
    return _result(s, values, blank, codes, [])
