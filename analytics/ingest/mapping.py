"""From a file's columns to canonical columns: profiles, scores, one assignment per sheet.

Every (column, canonical field) pair gets a score from the header *and* the values:

- the header against the field's synonyms (:mod:`analytics.store.schema`): an exact synonym
  scores about 1; a synonym inside the header (tokens for Latin text, characters for Chinese, so
  ``部门`` inside ``负责人主属部门`` counts) scores 0.5–0.95, more when it covers more of the header
  and when it ends it (the head noun: ``负责人主属部门`` is a 部门); a near spelling scores less;
- the values against the field's type (:class:`ColumnProfile`): a column that is mostly text can
  never be an amount, a target or a date; a status column must hold status words; a stage or
  status column is recognised by its values even under an unknown header.

The best consistent assignment for the whole sheet (each field at most one column) is then
taken with ``scipy.optimize.linear_sum_assignment``, not header by header. Each mapped column
keeps its confidence and its runner-up fields for the Data page. Table detection scores every
table with the same numbers.

Vendor rules applied after the assignment (documented in the README's import section):

- an expected close date, a won time and a lost time (Pipedrive, Dynamics, Odoo, Chinese CRMs)
  stay separate roles and become ``close_date`` by status at import; a sheet with only an
  expected close date uses it as the close date;
- ``<Money column> Currency`` (Salesforce multi-currency reports) is the currency of the amount.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import i18n
from analytics.ingest import values
from analytics.messages import InputError, Problem
from analytics.periods import parse_period
from analytics.store.documents import Doc, doc_of
from analytics.store.schema import (
    DEAL_DATE_ROLE_NAMES,
    DEAL_DATE_ROLES,
    LOST_SYNONYMS,
    MONEY_COLUMNS,
    STAGES,
    STATUS_SYNONYMS,
    TABLES,
    UNIT_FACTORS,
    Column,
    currency_code,
    normalise_header,
    stage_entry_column,
)

#: Month headers of wide target layouts → month number.
_MONTH_NAMES = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_PATTERNS = (
    re.compile(r"^m(\d{1,2})$"),            # M01 … M12
    re.compile(r"^(\d{1,2})月(?:份)?$"),      # 1月 … 12月
    re.compile(r"^month(\d{1,2})$"),        # Month 1
)
_ZH_MONTHS = {"一月": 1, "二月": 2, "三月": 3, "四月": 4, "五月": 5, "六月": 6, "七月": 7, "八月": 8,
              "九月": 9, "十月": 10, "十一月": 11, "十二月": 12}
_ENTRY_PREFIXES = ("entered", "dateentered", "enteredon", "entrydate", "进入", "進入")

#: A column scoring below this for every field stays unmapped (kept for Explore).
THRESHOLD = 0.45
#: Two candidates this close make the Data page ask the user to confirm.
CLOSE_MARGIN = 0.1
#: A required field mapped with less confidence than this is "weak" and asks for confirmation.
WEAK = 0.7
_FORBIDDEN = -1.0
_SAMPLE_ROWS = 400


def month_of_header(header: object) -> int | None:
    """The month a wide-layout header stands for (``Jan``, ``M01``, ``1月``), else None."""
    folded = normalise_header(header)
    if folded in _MONTH_NAMES:
        return _MONTH_NAMES[folded]
    if folded in _ZH_MONTHS:
        return _ZH_MONTHS[folded]
    for pattern in _MONTH_PATTERNS:
        if (m := pattern.match(folded)) and 1 <= int(m.group(1)) <= 12:
            return int(m.group(1))
    return None


def month_name_period(text: str) -> str | None:
    """``Oct 2026`` / ``October 2026`` / ``2026 Oct`` → ``2026-10`` (forecast exports), else None."""
    m = re.fullmatch(r"\s*([A-Za-z]{3,9})\.?[\s,-]*(\d{4})\s*|\s*(\d{4})[\s,-]*([A-Za-z]{3,9})\.?\s*", str(text))
    if not m:
        return None
    name, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month = _MONTH_NAMES.get(name.lower())
    return f"{year}-{month:02d}" if month else None


# --- units and currencies in headers ---------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    """What a header says about its money values: ``合同金额（万元）`` → ×10,000, CNY."""

    factor: float
    currency: str | None
    text: str            # as written in the header, e.g. 万元


_BRACKETED = re.compile(r"^(.*?)[\s]*[（(\[【]\s*([^()（）\[\]【】]{1,16}?)\s*[)）\]】]\s*$")
_CJK_SUFFIX = re.compile(r"^(.*[\u3400-\u9fff])(百万元|百萬元|十万元|千万元|万元|萬元|千元|亿元|億元|美元|港元|欧元|歐元|日元)$")
_FACTOR_WORDS = ("百万", "百萬", "十万", "千万", "万", "萬", "千", "亿", "億")


def _unit_of(text: str) -> Unit | None:
    raw = unicodedata.normalize("NFKC", text).strip()
    folded = re.sub(r"\s+", " ", raw.lower())
    compact = folded.replace(" ", "")
    if compact in UNIT_FACTORS:
        cny = compact.endswith("元") and compact not in ("美元", "港元", "欧元", "日元")
        return Unit(UNIT_FACTORS[compact], "CNY" if cny else None, raw)
    if code := currency_code(folded):
        return Unit(1.0, code, raw)
    for word in _FACTOR_WORDS:  # 万美元, 千港元
        if compact.startswith(word) and (code := currency_code(compact[len(word):])):
            return Unit(UNIT_FACTORS[word], code, raw)
    parts = re.split(r"[\s,]+", folded)  # "USD k", "k USD", "USD '000", "in thousands USD"
    if 1 < len(parts) <= 3:
        factor, code = 1.0, None
        for part in parts:
            if part in UNIT_FACTORS and part != "元":
                factor = UNIT_FACTORS[part]
            elif (c := currency_code(part)) is not None:
                code = c
            elif part not in ("in",):
                return None
        if factor != 1.0 or code:
            return Unit(factor, code, raw)
    return None


def header_unit(header: object) -> tuple[str, Unit | None]:
    """(header without its unit, the unit) — ``金额(元)`` → (``金额``, ×1 CNY)."""
    return _header_unit(str(header))


@lru_cache(maxsize=4096)
def _header_unit(header: str) -> tuple[str, Unit | None]:
    text = header.strip()
    if (m := _BRACKETED.match(text)) and (unit := _unit_of(m.group(2))) is not None:
        return m.group(1).strip(), unit
    if (m := _CJK_SUFFIX.match(text)) and (unit := _unit_of(m.group(2))) is not None:
        return m.group(1), unit
    m = re.match(r"^(.*\S)\s+(in thousands|in millions|usd|eur|gbp|cny|rmb|hkd|jpy)$", text, re.IGNORECASE)
    if m and (unit := _unit_of(m.group(2))) is not None:
        return m.group(1), unit
    return text, None


# --- column profiles -------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnProfile:
    """What a column holds, from a sample of its cells. Shares are of the non-blank cells."""

    filled: int = 0
    number: float = 0.0        # parse as numbers (amounts with signs, separators, 万)
    date: float = 0.0          # parse as dates or datetimes (plain numbers excluded)
    datetime: float = 0.0      # carry a time of day
    period: float = 0.0        # months, quarters, years (2026-10, 2026-Q4, 2026年9月, Oct 2026)
    unique: float = 0.0        # distinct / non-blank
    cardinality: int = 0
    text_length: float = 0.0   # mean characters
    stage: float = 0.0         # hits on the stage vocabulary (defaults and Settings' names)
    status: float = 0.0        # hits on open / won / lost words
    probability: bool = False  # numbers that fit 0–1 or 0–100, or carry %
    percent: float = 0.0       # cells ending in %
    id_like: float = 0.0       # codes such as SO71691, 0065g00000AbCdE, #1001
    currency: float = 0.0      # cells naming a currency (CNY, 人民币, US Dollar)
    symbols: tuple[str, ...] = ()  # currencies seen in number cells ($, ¥, USD 12,000)
    integer: float = 0.0       # numbers without a fraction
    minimum: float | None = None
    maximum: float | None = None

    @property
    def text(self) -> float:
        """Share of cells that are neither numbers, dates nor periods."""
        return 1.0 - max(self.number, self.date, self.period, self.percent)


_SYMBOL = re.compile(r"(US\$|HK\$|NT\$|S\$|A\$|C\$|R\$|[$€£¥￥₹₩₽])")
_CODE_BEFORE = re.compile(r"^\s*([A-Z]{3})\s*[-(]?\s*\d")
_CODE_AFTER = re.compile(r"\d\s*([A-Z]{3})\s*$")
_ID_LIKE = re.compile(r"^(?=.*\d)[#A-Za-z0-9][A-Za-z0-9_\-./#]{2,}$")
_TIME = re.compile(r"\d{1,2}:\d{2}")


def cell_currency(text: object) -> str | None:
    """The currency a money cell shows (``$1,200`` → USD, ``¥1,200`` → CNY, ``EUR 5`` → EUR), else None."""
    if text is None:
        return None
    s = unicodedata.normalize("NFKC", str(text))
    if m := _SYMBOL.search(s):
        return currency_code(m.group(1).lower())
    if (m := _CODE_BEFORE.match(s)) or (m := _CODE_AFTER.search(s)):
        return currency_code(m.group(1))
    return None


def fold_digit_runs(arr: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Every run of ASCII digits as one ``0`` (``$49,340.26`` → ``$0,0.0``), nulls kept: what
    ``replace_substring_regex(arr, "[0-9]+", "0")`` gives, on the UTF-8 bytes with numpy (an ASCII
    digit byte is never part of a longer character), 7x faster on a million amounts."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks else pa.array([], pa.large_string())
    arr = arr.cast(pa.large_string())
    n = len(arr)
    if not n:
        return arr
    _validity, offsets_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=np.int64)[arr.offset:arr.offset + n + 1]
    first, last = int(offsets[0]), int(offsets[-1])
    data = np.frombuffer(data_buf, dtype=np.uint8)[first:last] if data_buf is not None else np.zeros(0, np.uint8)
    offsets = offsets - first
    digit = (data >= 0x30) & (data <= 0x39)
    drop = digit.copy()
    drop[1:] &= digit[:-1]                  # a digit after a digit ...
    starts = offsets[:-1][offsets[:-1] < offsets[1:]]
    drop[starts] = False                    # ... of the same cell
    keep = ~drop
    out = np.where(digit, np.uint8(0x30), data)[keep]
    kept_before = np.zeros(len(data) + 1, dtype=np.int64)
    kept_before[1:] = np.cumsum(keep.astype(np.int64))  # (a cumsum of bools straight to int64 is 15x slower)
    folded = pa.LargeStringArray.from_buffers(n, pa.py_buffer(kept_before[offsets]), pa.py_buffer(out))
    return folded if not arr.null_count else pc.if_else(arr.is_valid(), folded, pa.scalar(None, pa.large_string()))


def cells_currency(cells: pd.Series) -> pd.Series:
    """``cell_currency`` of every cell (object Series of codes or None), computed once per distinct
    shape: a cell's currency does not depend on WHICH digits it shows (the symbol, or a code beside
    a digit), so runs of ASCII digits are folded to one ``0`` and the 100k distinct amounts of a
    deal list become a handful of shapes (``$0,0.0``). Exact: the same answer as per cell."""
    if isinstance(cells.dtype, pd.StringDtype) and cells.dtype.storage == "pyarrow":
        arr = pa.array(cells.array)  # the reader's Arrow text itself: no copy
    else:
        try:
            arr = pa.array(cells.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # not text (a melted or numeric column): per cell
            return cells.map(cell_currency).astype(object)
    shapes = fold_digit_runs(arr).dictionary_encode()
    codes = pa.array([cell_currency(s) for s in shapes.dictionary.to_pylist()], type=pa.string())
    found = codes.take(shapes.indices).to_numpy(zero_copy_only=False)
    return pd.Series(found, index=cells.index, dtype=object)


@lru_cache(maxsize=1)
def _default_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    stage_words = {normalise_header(n) for s in STAGES for n in (s.key, *i18n.texts(s.label), *s.synonyms)}
    stage_words |= {normalise_header(n) for n in LOST_SYNONYMS}
    status_words = {normalise_header(n) for n in STATUS_SYNONYMS}
    return frozenset(stage_words), frozenset(status_words)


def _vocabulary(stage_names: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    stages, statuses = _default_vocabulary()
    extra = {normalise_header(n) for n in stage_names}
    return (stages | extra if extra else stages), statuses


def _looks_like_period(text: str) -> bool:
    if month_name_period(text):
        return True
    try:
        return parse_period(text).kind in ("month", "quarter", "year")
    except ValueError:
        return False


def profile_column(raw: pd.Series, header: str = "", stage_names: Iterable[str] = ()) -> ColumnProfile:
    """Profile one column (pass a sample for a large file). Each distinct value is parsed once."""
    counts: dict[str, int] = {}
    for v in raw.tolist():
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        text = str(v).strip()
        if text:
            counts[text] = counts.get(text, 0) + 1
    n = sum(counts.values())
    if not n:
        return ColumnProfile()
    uniques = list(counts)
    weights = np.array([counts[u] for u in uniques], dtype=float)

    def share(mask: Iterable[bool]) -> float:
        return float(weights[np.fromiter(mask, dtype=bool, count=len(uniques))].sum() / n)

    has_digit = [any(ch.isdigit() for ch in u) for u in uniques]
    number_ok = np.zeros(len(uniques), dtype=bool)
    nums = np.full(len(uniques), np.nan)
    if any(has_digit):
        cells = pd.Series(uniques, dtype=object)
        parsed = values.parse_amounts(cells, header, allow_negative=True)
        number_ok = (parsed.values.notna() & ~parsed.bad).to_numpy(dtype=bool)
        nums = parsed.values.to_numpy(dtype=float)
        rest = [i for i, ok in enumerate(number_ok) if not ok and has_digit[i]]
        date_ok = np.zeros(len(uniques), dtype=bool)
        if rest:
            dates = values.parse_dates(pd.Series([uniques[i] for i in rest], dtype=object), header)
            ok = (dates.values.notna() & ~dates.bad).to_numpy(dtype=bool)
            date_ok[np.array(rest)[ok]] = True
    else:
        date_ok = np.zeros(len(uniques), dtype=bool)
    stage_words, status_words = _vocabulary(stage_names)
    folded = [normalise_header(u) for u in uniques]
    pct = np.array([u.endswith(("%", "％")) for u in uniques])
    pct_values = np.array([_float(u.rstrip("%％")) for u in uniques])
    numeric = np.where(number_ok, nums, np.where(pct, pct_values, np.nan))
    finite = numeric[np.isfinite(numeric)]
    lo = float(finite.min()) if finite.size else None
    hi = float(finite.max()) if finite.size else None
    number_values = nums[number_ok]
    symbols = sorted({c for u, ok in zip(uniques, number_ok, strict=True) if ok and (c := cell_currency(u))})
    return ColumnProfile(
        filled=n,
        number=share(number_ok),
        date=share(date_ok),
        datetime=share(d and bool(_TIME.search(u)) for u, d in zip(uniques, date_ok, strict=True)),
        period=share(has_digit[i] and _looks_like_period(u) for i, u in enumerate(uniques)),
        unique=len(uniques) / n,
        cardinality=len(uniques),
        text_length=float((weights * np.array([len(u) for u in uniques])).sum() / n),
        stage=share(f in stage_words for f in folded),
        status=share(f in status_words for f in folded),
        probability=lo is not None and hi is not None and lo >= 0 and hi <= 100,
        percent=share(pct),
        id_like=share(bool(_ID_LIKE.match(u)) for u in uniques),
        currency=share(currency_code(u) is not None for u in uniques),
        symbols=tuple(symbols),
        integer=float((number_values == np.round(number_values)).mean()) if number_values.size else 0.0,
        minimum=lo,
        maximum=hi,
    )


def _float(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return math.nan


def profile_frame(frame: pd.DataFrame | None, stage_names: Iterable[str] = ()) -> dict[str, ColumnProfile]:
    """Profiles of every column, on evenly spaced rows (at most 400) of a large sheet."""
    if frame is None or frame.empty:
        return {}
    sample = frame
    if len(frame) > _SAMPLE_ROWS:
        sample = frame.iloc[np.linspace(0, len(frame) - 1, _SAMPLE_ROWS).astype(int)]
    names = tuple(stage_names)
    return {str(h): profile_column(sample[h], str(h), names) for h in frame.columns}


# --- header scores ---------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u9fff]")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[^0-9a-z\u3400-\u9fff$'%]+")
_CODE_TOKENS = frozenset({"id", "code", "key", "no", "number", "num", "编号", "编码", "代码"})
_NAME_FIELDS = frozenset({"customer", "rep", "product", "team", "reviewer"})


def _fold_bilingual(header: str) -> str:
    """Fold a header; ``Deal ID / 商机编号`` (our bilingual templates) folds to its English half."""
    text = str(header)
    if " / " in text:
        text = text.split(" / ", 1)[0]
    return normalise_header(text)


def _tokens(text: str) -> tuple[str, ...]:
    spaced = _CAMEL.sub(" ", unicodedata.normalize("NFKC", str(text)))
    return tuple(t for t in _SPLIT.split(spaced.lower()) if t)


@dataclass(frozen=True)
class _Synonym:
    folded: str
    tokens: tuple[str, ...]
    cjk: bool
    rank: int


@lru_cache(maxsize=64)
def _synonyms(table: str, column: str) -> tuple[_Synonym, ...]:
    col = field_spec(table, column)
    out: list[_Synonym] = []
    seen: set[str] = set()
    for n in (col.name, *i18n.texts(col.label), *col.synonyms):
        folded = normalise_header(n)
        if folded and folded not in seen:
            seen.add(folded)
            out.append(_Synonym(folded, _tokens(n), bool(_CJK.search(folded)), len(out)))
    return tuple(out)


def _fields(table: str) -> tuple[Column, ...]:
    spec = TABLES[table]
    return spec.columns + (DEAL_DATE_ROLES if table == "deals" else ())


def field_spec(table: str, name: str) -> Column:
    """The schema column (or import-only date role) ``name`` of ``table``."""
    return next(c for c in _fields(table) if c.name == name)


def _contains(tokens: tuple[str, ...], part: tuple[str, ...]) -> int:
    """Index where ``part`` starts inside ``tokens`` (as whole tokens), else -1."""
    k = len(part)
    for i in range(len(tokens) - k + 1):
        if tokens[i:i + k] == part:
            return i
    return -1


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


#: Words that make a close date the *expected* one (预计签约日期, Forecast Close Date) or the actual one.
_EXPECTED_WORDS = ("预计", "預計", "预期", "計劃", "计划", "expected", "forecast", "estimated", "est", "projected",
                   "planned", "target")
_ACTUAL_WORDS = ("实际", "實際", "actual")


def _qualified_date(header: str) -> str | None:
    """``expected`` / ``actual`` for a close-date header qualified by such a word, else None."""
    bare = normalise_header(header_unit(header)[0])
    tokens = _tokens(header)
    for words, kind in ((_EXPECTED_WORDS, "expected"), (_ACTUAL_WORDS, "actual")):
        for w in words:
            if (bare.startswith(w) if _CJK.search(w) else (tokens[:1] == (w,))) and len(bare) > len(w):
                return kind
    return None


@lru_cache(maxsize=20000)
def name_score(header: str, table: str, column: str) -> float:
    """How well a header names a field, 0–1 (1 = an exact synonym).

    A close-date header qualified by "expected" (预计签约日期, Forecast Close Date) names the
    expected close date, one qualified by "actual" (实际签约日期) the close date.
    """
    if table == "deals" and column in ("close_date", "expected_close_date"):
        kind = _qualified_date(header)
        if kind is not None:
            rest = _unqualified(header)
            base = max(_name_score(rest, table, "close_date"), _name_score(rest, table, "expected_close_date"))
            own = _name_score(header, table, column)
            if (kind == "expected") == (column == "expected_close_date"):
                return max(own, min(0.95, base))
            return min(own, 0.5 * base)
    return _name_score(header, table, column)


def _unqualified(header: str) -> str:
    text = header_unit(header)[0]
    tokens = _tokens(text)
    for w in (*_EXPECTED_WORDS, *_ACTUAL_WORDS):
        if _CJK.search(w) and normalise_header(text).startswith(w):
            return normalise_header(text)[len(w):]
        if tokens[:1] == (w,):
            return " ".join(tokens[1:])
    return text


def _name_score(header: str, table: str, column: str) -> float:
    bare, _unit = header_unit(header)
    forms = {_fold_bilingual(header), _fold_bilingual(bare)} - {""}
    # 下单时间 / 下单日期: a Chinese "time" header names the same date.
    forms |= {f[:-2] + "日期" for f in forms if f.endswith(("时间", "時間"))}
    if not forms:
        return 0.0
    tokens = _tokens(bare.split(" / ", 1)[0] if " / " in bare else bare)
    joined = "".join(tokens)
    best = 0.0
    for syn in _synonyms(table, column):
        if syn.folded in forms:
            return 1.0 - 0.004 * min(syn.rank, 60)  # earlier synonyms are the more usual names
        score = 0.0
        if syn.cjk:
            target = normalise_header(bare)
            if len(syn.folded) >= 2 and syn.folded in target:
                cover = len(syn.folded) / len(target)
                at_end = target.endswith(syn.folded)
                # Chinese puts the head noun last: 负责人主属部门 is a 部门 even though 部门 is short.
                score = 0.5 + 0.35 * cover + (0.1 if at_end else 0.0) if cover >= 0.34 or at_end else 0.0
        elif syn.tokens and (at := _contains(tokens, syn.tokens)) >= 0:
            cover = len("".join(syn.tokens)) / max(len(joined), 1)
            at_end = at + len(syn.tokens) == len(tokens)
            # A header mostly about something else ("declared_monthly_revenue") is not this field.
            score = 0.5 + 0.35 * cover + (0.1 if at_end else 0.0) if cover >= 0.34 else 0.0
            rest = set(tokens) - set(syn.tokens)
            if column in _NAME_FIELDS and rest & _CODE_TOKENS and "name" not in rest:
                score -= 0.05  # "Customer/Vendor Code" is less the customer than "… Name"
        elif len(syn.folded) >= 5 and len(joined) >= 5:
            a, b = _bigrams(syn.folded), _bigrams(min(forms, key=len))
            dice = 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
            if dice >= 0.8:  # a near spelling: "Ammount", "Closing Dte"
                score = 0.6 * dice
        best = max(best, score - 0.001 * min(syn.rank, 50))
    return best


# --- value fit -------------------------------------------------------------------------------

_DESCRIPTIVE = frozenset({"customer", "rep", "team", "region", "segment", "channel", "lead_source", "product",
                          "stage", "lost_reason", "lost_stage", "metric", "reviewer", "comment", "type", "note"})


def value_fit(table: str, column: str, p: ColumnProfile) -> float:
    """Adjustment of a pair's score by the column's values; ``_FORBIDDEN`` when they cannot fit.

    Positive when the values confirm the field, negative when they argue against it.
    """
    if not p.filled:
        return 0.0
    col = field_spec(table, column)
    kind = col.type
    if column == "currency":
        return 0.25 if p.currency >= 0.6 else _FORBIDDEN
    # Bad cells are for validation to report row by row: only values that are *mostly* something
    # else rule a field out.
    if kind == "number":
        if p.number < 0.5 or p.date >= 0.6:
            return _FORBIDDEN
        return (0.1 if p.number >= 0.8 else 0.0) + (0.05 if p.symbols else 0.0)
    if kind == "probability":
        if max(p.number, p.percent) < 0.5:
            return _FORBIDDEN
        return 0.1 if p.probability else -0.2
    if kind == "score":
        if p.number < 0.5:
            return _FORBIDDEN
        inside = p.minimum is not None and p.maximum is not None and not (
            (col.minimum is not None and p.minimum < col.minimum) or (col.maximum is not None and p.maximum > col.maximum))
        return 0.05 if inside else -0.2
    if kind == "date":
        if p.date + p.period < 0.5:
            return _FORBIDDEN
        return 0.1 if p.date >= 0.8 else 0.0
    if kind == "period":
        if p.period + p.date < 0.5:
            return _FORBIDDEN
        return 0.1 if p.period + p.date >= 0.8 else 0.0
    if kind == "status":
        if p.status >= 0.5:
            return 0.3
        return -0.5 if p.status < 0.2 else 0.0
    # text fields
    if p.date >= 0.8:
        return _FORBIDDEN  # a column of dates is never a name, a stage or an id
    if column in ("stage", "metric", "lost_stage"):
        if p.number >= 0.8:
            return _FORBIDDEN  # names of stages and metrics are words
        return 0.2 if column == "stage" and p.stage >= 0.5 else 0.0
    if column == "deal_id":
        return 0.05 if p.unique >= 0.95 else (-0.2 if p.unique < 0.5 else 0.0)
    if column in _DESCRIPTIVE and p.number >= 0.8:
        return -0.1  # numeric codes for a name: possible (employee ids), less likely
    return 0.0


def _value_only(table: str, column: str, p: ColumnProfile) -> float:
    """A field recognised by its values alone, under a header nobody wrote a synonym for."""
    # Below an exact header's score, so that the page asks to confirm a required field found this way.
    if column == "stage" and p.stage >= 0.6 and p.number < 0.5:
        return 0.4
    if column == "status" and p.status >= 0.8:
        return 0.4
    if column == "currency" and p.currency >= 0.9:
        return 0.4
    return 0.0


def pair_score(header: str, table: str, column: str, p: ColumnProfile | None) -> float:
    """The score of mapping ``header`` to ``column``: header and values together."""
    name = name_score(header, table, column)
    if p is None:
        return name
    if not p.filled:
        return name if name >= 0.9 else 0.0  # an empty column is mapped only by an exact header
    fit = value_fit(table, column, p)
    if fit == _FORBIDDEN:
        return _FORBIDDEN
    if name < THRESHOLD:
        name = max(name, _value_only(table, column, p))
    return name + fit if name > 0 else 0.0


# --- the mapping -----------------------------------------------------------------------------

def _entry_stage(header: str) -> str | None:
    """``entered_negotiation`` / ``Date entered Negotiation`` / ``进入谈判`` → ``entered_negotiation``."""
    folded = _fold_bilingual(header)
    for prefix in _ENTRY_PREFIXES:
        if folded.startswith(prefix):
            rest = folded[len(prefix):].removesuffix("date").removesuffix("日期").removesuffix("时间")
            for stage in STAGES:
                names = (stage.key, *i18n.texts(stage.label), *stage.synonyms)
                if rest and any(rest == normalise_header(n) for n in names):
                    return stage_entry_column(stage.key)
    return None


@dataclass
class Mapping:
    """Header → canonical column for one table; ``None`` for headers left unmapped.

    ``confidence`` (0–1) and ``candidates`` (fields by score, best first) are per header;
    ``units`` holds the unit or currency a money column's header states.
    """

    table: str
    columns: dict[str, str | None]
    wide_months: dict[str, int] = field(default_factory=dict)  # header → month, wide targets only
    score: float = 0.0
    confidence: dict[str, float] = field(default_factory=dict)
    candidates: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)  # headers the user chose
    pair_scores: dict[str, float] = field(default_factory=dict)  # header → score of its field, uncapped

    @property
    def mapped(self) -> dict[str, str]:
        return {h: c for h, c in self.columns.items() if c}

    @property
    def unmapped(self) -> list[str]:
        return [h for h, c in self.columns.items() if not c and h not in self.wide_months]

    def canonical_names(self) -> set[str]:
        return set(self.mapped.values())

    def missing_required(self) -> list[str]:
        have = self.canonical_names()
        return [c for c in TABLES[self.table].required if c not in have]

    def is_close(self, header: str) -> bool:
        """The runner-up field scores within ``CLOSE_MARGIN`` of the chosen one."""
        if header in self.confirmed or not self.columns.get(header):
            return False
        ranked = self.candidates.get(header, [])
        chosen = self.columns[header]
        best = next((s for f, s in ranked if f == chosen), None)
        others = [s for f, s in ranked if f != chosen]
        return best is not None and bool(others) and max(others) >= best - CLOSE_MARGIN

    def to_confirm(self) -> list[str]:
        """Headers the user should check: a close call, or a required field mapped weakly."""
        required = set(TABLES[self.table].required)
        return [h for h, c in self.columns.items() if c and h not in self.confirmed and (
            self.is_close(h) or (c in required and self.confidence.get(h, 1.0) < WEAK))]


def best_assignment(gain: np.ndarray) -> list[tuple[int, int]]:
    """(row, column) pairs of a maximum-total assignment of ``gain`` (each row and column at most
    once). The Hungarian method with potentials, O(n²m); sheets are small (tens of columns).

    Same optimum as ``scipy.optimize.linear_sum_assignment(gain, maximize=True)`` (tested), without
    importing SciPy, which costs seconds on every CLI start.
    """
    if gain.size == 0:
        return []
    transposed = gain.shape[0] > gain.shape[1]
    cost = -(gain.T if transposed else gain).astype(float)
    n, m = cost.shape
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    p = np.zeros(m + 1, dtype=int)     # p[j]: row (1-based) assigned to column j
    way = np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            free = ~used
            free[0] = False
            cur = cost[i0 - 1] - u[i0] - v[1:]
            better = free[1:] & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            candidates = np.where(free[1:], minv[1:], np.inf)
            j1 = int(np.argmin(candidates)) + 1
            delta = candidates[j1 - 1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free[1:]] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(int(p[j]) - 1, j - 1) for j in range(1, m + 1) if p[j]]
    return sorted((c, r) for r, c in pairs) if transposed else sorted(pairs)


def allowed_columns(table: str) -> list[str]:
    """Every field a header of ``table`` may be mapped to (import-only roles included)."""
    names = [c.name for c in _fields(table)]
    if table == "deals":
        names += [stage_entry_column(s.key) for s in STAGES]
    return names


def suggest_mapping(headers: Sequence[str], table: str, frame: pd.DataFrame | None = None, *,
                    profiles: dict[str, ColumnProfile] | None = None,
                    stage_names: Iterable[str] = ()) -> Mapping:
    """Best consistent guess of which header is which field of ``table``, from the headers and
    (when ``frame`` or ``profiles`` is given) the values."""
    headers = [str(h) for h in headers]
    if profiles is None:
        profiles = profile_frame(frame, stage_names) if frame is not None else {}
    result: dict[str, str | None] = {h: None for h in headers}
    mapping = Mapping(table, result)
    free = list(headers)
    if table == "deals":
        for h in headers:
            if (entry := _entry_stage(h)) and entry not in result.values():
                result[h] = entry
                mapping.confidence[h] = 1.0
                free.remove(h)
    wide = {h: m for h in headers if (m := month_of_header(h)) is not None} if table == "targets" else {}
    if len(wide) >= 3:
        mapping.wide_months = wide
        free = [h for h in free if h not in wide]
    fields = [c.name for c in _fields(table)]
    scores = np.array([[pair_score(h, table, f, profiles.get(h)) for f in fields] for h in free]).reshape(
        len(free), len(fields))
    gain = np.where(scores >= THRESHOLD, scores - THRESHOLD + 1e-6, 0.0)
    for r, c in best_assignment(gain):
        if gain[r, c] > 0:
            result[free[r]] = fields[c]
    for r, h in enumerate(free):
        ranked = sorted(((fields[c], float(scores[r, c])) for c in range(len(fields)) if scores[r, c] >= THRESHOLD),
                        key=lambda t: -t[1])
        mapping.candidates[h] = ranked[:5]
        if result[h]:
            # An exact synonym with fitting values scores 0.9 or more (less for later synonyms, only to
            # break ties): shown as 100 %. A partial header match shows about 80 %, values alone 67 %.
            mapping.pair_scores[h] = float(scores[r, fields.index(result[h])])
            mapping.confidence[h] = min(1.0, mapping.pair_scores[h] / 0.9)
    if table == "deals":
        _close_date_roles(mapping)
    _pair_currency_with_money(mapping, profiles)
    for h, c in mapping.mapped.items():
        if c in MONEY_COLUMNS.get(table, ()) and (unit := header_unit(h)[1]) is not None:
            mapping.units[h] = unit
    mapping.score = _score(mapping)
    return mapping


def _rename(mapping: Mapping, old: str, new: str) -> None:
    for h, c in mapping.columns.items():
        if c == old:
            mapping.columns[h] = new


def _close_date_roles(mapping: Mapping) -> None:
    """With no actual close date, a lone expected close date (or a lone won time) is the close date."""
    have = mapping.canonical_names()
    if "close_date" in have:
        return
    if "expected_close_date" in have and not have & {"won_date", "lost_date"}:
        _rename(mapping, "expected_close_date", "close_date")
    elif "won_date" in have and not have & {"lost_date", "expected_close_date"}:
        _rename(mapping, "won_date", "close_date")


def _pair_currency_with_money(mapping: Mapping, profiles: dict[str, ColumnProfile]) -> None:
    """Salesforce writes ``Total Amount Currency`` beside ``Total Amount``: that one is the amount's."""
    money = [h for h, c in mapping.mapped.items() if c in MONEY_COLUMNS.get(mapping.table, ())]
    current = next((h for h, c in mapping.mapped.items() if c == "currency"), None)
    if not money or current is None:
        return
    wanted = normalise_header(money[0]) + "currency"
    twin = next((h for h in mapping.columns if normalise_header(h) == wanted), None)
    if twin and twin != current and profiles.get(twin, ColumnProfile()).currency >= 0.6:
        mapping.columns[current], mapping.columns[twin] = mapping.columns[twin], "currency"
        mapping.confidence[twin] = mapping.confidence.pop(current, 1.0)


def detection_required(table: str) -> list[str]:
    """Fields a sheet needs to be this table (deals: a sales list needs only amount and a date)."""
    if table == "deals":
        return ["amount", "close_date"]
    return list(TABLES[table].required)


def _score(mapping: Mapping) -> float:
    spec = TABLES[mapping.table]
    have = mapping.canonical_names()
    if mapping.table == "deals" and have & set(DEAL_DATE_ROLE_NAMES):
        have = have | {"close_date"}
    if mapping.table == "targets" and mapping.wide_months:
        have = have | {"target"}
    needed = detection_required(mapping.table)
    # Table detection compares the uncapped scores: an exact header with fitting values beats a
    # partial one even when both show as 100 % on the page.
    conf = {c: mapping.pair_scores.get(h, mapping.confidence.get(h, 1.0)) for h, c in mapping.mapped.items()}
    score = 0.0
    for c in have:
        weight = 3.0 if c in needed else (2.0 if c in spec.required else 1.0)
        score += weight * conf.get(c, 1.0)
    score -= 2.5 * sum(1 for c in needed if c not in have)
    for group in spec.one_of:
        if not have & set(group):
            score -= 3
    return score


def detect_table(headers: Sequence[str], frame: pd.DataFrame | None = None, *,
                 profiles: dict[str, ColumnProfile] | None = None,
                 stage_names: Iterable[str] = ()) -> Mapping | None:
    """The canonical table these columns most plausibly hold, or None (a raw table)."""
    if profiles is None and frame is not None:
        profiles = profile_frame(frame, stage_names)
    best: Mapping | None = None
    for name in TABLES:
        m = suggest_mapping(headers, name, profiles=profiles or {}, stage_names=stage_names)
        if best is None or m.score > best.score:
            best = m
    if best is None or best.score < 4:
        return None
    return best


def parse_overrides(items: Iterable[str]) -> dict[str, str]:
    """``["Their Header=canonical_name", ...]`` → dict. Raises InputError on bad syntax."""
    out: dict[str, str] = {}
    for text in items:
        header, sep, target = text.partition("=")
        if not sep or not header.strip() or not target.strip():
            raise InputError(Problem("map_bad_syntax", {"text": text}))
        out[header.strip()] = target.strip()
    return out


def apply_overrides(mapping: Mapping, overrides: dict[str, str]) -> Mapping:
    """``mapping`` with the user's choices applied: header → column (``""`` or ``-`` unmaps)."""
    allowed = set(allowed_columns(mapping.table))
    folded_headers = {normalise_header(h): h for h in mapping.columns}
    columns = dict(mapping.columns)
    confidence = dict(mapping.confidence)
    confirmed = set(mapping.confirmed)
    for header, target in overrides.items():
        real = header if header in columns else folded_headers.get(normalise_header(header))
        if real is None:
            raise InputError(Problem("map_unknown_header",
                                     {"header": header, "headers": ", ".join(mapping.columns)}))
        target = target.strip()
        confirmed.add(real)
        if target in ("", "-", "none"):
            columns[real] = None
            confidence.pop(real, None)
            continue
        if target not in allowed:
            raise InputError(Problem("map_unknown_column", {
                "target": target, "table": mapping.table, "columns": ", ".join(sorted(allowed))}))
        for h, c in columns.items():  # a canonical column belongs to one header
            if c == target and h != real:
                columns[h] = None
                confidence.pop(h, None)
        columns[real] = target
        confidence[real] = 1.0
    out = Mapping(mapping.table, columns, dict(mapping.wide_months), confidence=confidence,
                  candidates=dict(mapping.candidates), confirmed=confirmed)
    out.wide_months = {h: m for h, m in out.wide_months.items() if columns.get(h) is None}
    for h, c in out.mapped.items():
        if c in MONEY_COLUMNS.get(out.table, ()) and (unit := header_unit(h)[1]) is not None:
            out.units[h] = unit
    out.score = _score(out)
    return out


def header_signature(headers: Sequence[str]) -> str:
    """A stable key for a header set (order and case do not matter)."""
    folded = sorted(normalise_header(h) for h in headers)
    return hashlib.sha256("\x1f".join(folded).encode("utf-8")).hexdigest()[:16]


class MappingMemory:
    """Confirmed mappings remembered per header set, in a small JSON file."""

    def __init__(self, path: Path | Doc | None):
        self.doc = doc_of(path) if path is not None else None

    def _load(self) -> dict[str, dict]:
        if self.doc is None:
            return {}
        try:
            text = self.doc.read()
            data = json.loads(text) if text is not None else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def recall(self, headers: Sequence[str]) -> tuple[str, dict[str, str]] | None:
        """(table, header → column overrides) remembered for this header set, if any."""
        entry = self._load().get(header_signature(headers))
        if not isinstance(entry, dict) or entry.get("table") not in TABLES:
            return None
        columns = entry.get("columns")
        if not isinstance(columns, dict):
            return None
        return entry["table"], {str(k): str(v or "") for k, v in columns.items()}

    def remember(self, headers: Sequence[str], mapping: Mapping) -> None:
        if self.doc is None:
            return
        data = self._load()
        data[header_signature(headers)] = {
            "table": mapping.table,
            "columns": {h: (c or "") for h, c in mapping.columns.items()},
        }
        self.doc.write(json.dumps(data, ensure_ascii=False, indent=1))


__all__ = ["CLOSE_MARGIN", "THRESHOLD", "WEAK", "ColumnProfile", "Mapping", "MappingMemory", "Unit",
           "allowed_columns", "apply_overrides", "cell_currency", "cells_currency", "detect_table", "header_signature",
           "header_unit", "month_name_period", "month_of_header", "name_score", "pair_score",
           "parse_overrides", "profile_column", "profile_frame", "suggest_mapping", "value_fit"]
