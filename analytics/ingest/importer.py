"""Import: a file's sheets → canonical tables, with every row either loaded or rejected.

The pipeline per sheet is read (``readers``) → map headers (``mapping``) → parse each mapped
column by its schema type (``values``) → table rules (status from stage, duplicates, a won deal
needs an amount …) → a canonical frame plus a validation report. Nothing is dropped silently:
``rows_read == rows_loaded + rows_rejected`` for every sheet, and each rejected row carries its
row number as the user sees it in the file and the reasons in plain words.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import i18n
from analytics.ingest import values
from analytics.ingest.mapping import (
    Mapping,
    MappingMemory,
    allowed_columns,
    apply_overrides,
    cells_currency,
    detect_table,
    field_spec,
    month_name_period,
    name_score,
    pair_score,
    profile_frame,
    suggest_mapping,
)
from analytics.ingest.progress import Progress
from analytics.ingest.readers import Limits, Sheet, read_file
from analytics.messages import InputError, Lang, Problem
from analytics.periods import parse_period
from analytics.store.canonical import conform
from analytics.store.schema import (
    DEAL_DATE_ROLE_NAMES,
    MONEY_COLUMNS,
    SOURCE_ROW,
    STATUS_SYNONYMS,
    TABLES,
    currency_code,
    normalise_header,
)
from analytics.store.settings import DEFAULT_SETTINGS, Settings

# --- messages --------------------------------------------------------------------------------


_EXCEL_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                           "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})

_EXPECTED = {kind: i18n.Key(f"expected.{kind}") for kind in ("date", "number", "probability", "score")}
#: What a column named like a field must hold, for "values do not fit".
_VALUE_KINDS = ("period", "date", "number", "probability", "score")
_METRICS = {
    "revenue": "revenue", "sales": "revenue", "amount": "revenue", "收入": "revenue", "销售额": "revenue",
    "金额": "revenue", "units": "units", "unit": "units", "quantity": "units", "数量": "units",
    "marketshare": "market_share", "share": "market_share", "市场份额": "market_share",
    "newcustomers": "new_customers", "newcustomer": "new_customers", "新客户": "new_customers",
    "新客户数": "new_customers",
}


#: ``table=RAW`` keeps a sheet as a raw table (for Explore) whatever its headers look like.
RAW = "raw"


@dataclass
class ImportResult:
    """One sheet's outcome: the canonical frame and the validation report."""

    file_name: str
    sheet_name: str
    table: str | None                   # canonical table, or None for a raw table
    mapping: Mapping | None
    frame: pd.DataFrame                 # canonical rows loaded (or the raw sheet for raw tables)
    rows_read: int
    rejected: list[tuple[int, list[Problem], dict[str, object]]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)   # the sheet could not be loaded at all
    header_row: int = 1
    headers: list[str] = field(default_factory=list)
    preview: pd.DataFrame | None = None  # the first rows as read, for the mapping editor

    @property
    def rows_loaded(self) -> int:
        """Rows loaded into the canonical table, or into the raw table for a raw sheet."""
        return 0 if self.errors else len(self.frame)

    @property
    def rows_rejected(self) -> int:
        return self.rows_read if self.errors else len(self.rejected)

    @property
    def ok(self) -> bool:
        return not self.errors

    def rejected_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """Rejected rows: file row number, reason(s), then the row's cells as in the file."""
        row_label, reason_label = i18n.text("rejected.row", lang), i18n.text("rejected.reason", lang)
        records = []
        for row, problems, cells in self.rejected:
            records.append({row_label: row, reason_label: "; ".join(p.text(lang) for p in problems), **cells})
        return pd.DataFrame(records, columns=[row_label, reason_label, *self.headers])

    def summary(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "file": self.file_name, "sheet": self.sheet_name, "table": self.table or "raw",
            "rows_read": self.rows_read, "rows_loaded": self.rows_loaded,
            "rows_rejected": self.rows_rejected,
        }


# --- entry points ----------------------------------------------------------------------------

def import_file(data: bytes, filename: str, *, table: str | None = None,
                overrides: dict[str, str] | None = None, sheet: str | None = None,
                settings: Settings = DEFAULT_SETTINGS, memory: MappingMemory | None = None,
                limits: Limits | None = None, fx_rates: pd.DataFrame | None = None,
                progress: Progress | None = None) -> list[ImportResult]:
    """Import every sheet of a file (or ``sheet``). Raises InputError only when the file as a
    whole cannot be read; problems with a sheet or a row are reported in the results.

    ``fx_rates`` (a canonical fx_rates frame) converts a file that mixes currencies; without it
    such a file is refused with a message naming the currencies. ``progress`` hears of the rows
    read and checked (see analytics.ingest.progress)."""
    try:
        sheets = read_file(data, filename, sheet=sheet, progress=progress,
                           **({"limits": limits} if limits else {}))
        if table and table != RAW and sheet is None and len(sheets) > 1 and not overrides:
            return _import_book_as(sheets, filename, table, settings, memory, fx_rates)
        results = [import_sheet(s, filename, table=table, overrides=overrides, settings=settings, memory=memory,
                                fx_rates=fx_rates, progress=progress) for s in sheets]
        if progress is not None:
            progress.finish()
        return results
    finally:
        sheets = []  # the raw text frames are garbage before the heap is trimmed
        release_memory()


def release_memory() -> None:
    """Hand the freed heap of a big import back to the OS: Arrow's pool and glibc both keep freed
    pages otherwise (a refused million-row file left the server 700 MB larger for good). Call it
    also when a session drops its imports. Without glibc, only Arrow's pool is released.

    Arrow's pool (mimalloc) keeps the memory a thread freed in that thread's heap; when the thread
    has ended (Streamlit runs every script run in a thread of its own), the heap is abandoned and
    is taken back only by a thread that allocates. So a fresh thread allocates a little and then
    releases: after a 1M-row upload, 30 s after the tab closed, +345 MB without it, +5 MB with it
    (``bench/bench_data_page.py``)."""
    def purge() -> None:
        pa.allocate_buffer(1 << 16)  # (from the pool: an array over numpy memory would not allocate)
        pa.default_memory_pool().release_unused()

    worker = threading.Thread(target=purge, name="release-memory")
    worker.start()
    worker.join()
    pa.default_memory_pool().release_unused()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)


def _import_book_as(sheets: Sequence[Sheet], filename: str, table: str, settings: Settings,
                    memory: MappingMemory | None, fx_rates: pd.DataFrame | None) -> list[ImportResult]:
    """``--deals book.xlsx``: the sheets that hold ``table`` are imported as such; the others are kept
    as raw tables with a note naming them and why (a cover sheet, the targets, a lookup list)."""
    stage_names = _stage_names(settings)
    holds: dict[str, tuple[bool, i18n.Key | None]] = {}
    for s in sheets:
        profiles = profile_frame(s.frame, stage_names)
        headers = [str(h) for h in s.frame.columns]
        own = suggest_mapping(headers, table, profiles=profiles, stage_names=stage_names)
        best = detect_table(headers, profiles=profiles, stage_names=stage_names)
        missing = _missing_columns(own)
        looks_other = best is not None and best.table != table and (missing or best.score > own.score + 3)
        if not len(s.frame):
            holds[s.name] = (False, i18n.Key("import.why.no_rows"))
        elif looks_other and best is not None:
            holds[s.name] = (False, i18n.Key("import.why.looks_like", table=i18n.Key(TABLES[best.table].label)))
        elif missing:
            names = ", ".join(missing) if isinstance(missing, list) else missing.params.get("names", "")
            holds[s.name] = (False, i18n.Key("import.why.no_column", names=names))
        else:
            holds[s.name] = (True, None)
    if not any(ok for ok, _why in holds.values()):  # nothing fits: report every sheet's problems
        return [import_sheet(s, filename, table=table, settings=settings, memory=memory, fx_rates=fx_rates)
                for s in sheets]
    results = []
    for s in sheets:
        ok, why = holds[s.name]
        if ok:
            results.append(import_sheet(s, filename, table=table, settings=settings, memory=memory,
                                        fx_rates=fx_rates))
            continue
        skipped = import_sheet(s, filename, table=RAW, settings=settings)
        skipped.notes = [Problem("sheet_skipped", {
            "file": filename, "sheet": s.name, "table": i18n.Key(TABLES[table].label), "why": why},
            "warning")]
        results.append(skipped)
    return results


def _stage_names(settings: Settings) -> list[str]:
    names = [n for st in settings.stages for n in st.all_names()]
    return [*names, *settings.lost_names]


def _preview(frame: pd.DataFrame) -> pd.DataFrame:
    """The first rows for the mapping editor, copied: a slice would be a view keeping every
    column of a million-row sheet alive as long as the result is cached."""
    return _detached(frame.head(5))


def _detached(few: pd.DataFrame) -> pd.DataFrame:
    """A few rows with buffers of their own. ``copy()`` is not enough for the text columns: pandas
    copies an Arrow-backed column as a new view of the same immutable buffers, so five rows kept
    a whole column of a million-row sheet alive (100 MB per column of a workbook)."""
    columns = {}
    for j in range(few.shape[1]):
        column = few.iloc[:, j]
        if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
            column = pd.Series(column.tolist(), index=column.index, dtype=column.dtype, name=column.name)
        columns[j] = column.copy()
    out = pd.DataFrame(columns, index=few.index.copy())
    out.columns = few.columns
    return out


def import_sheet(sheet: Sheet, filename: str, *, table: str | None = None,
                 overrides: dict[str, str] | None = None, settings: Settings = DEFAULT_SETTINGS,
                 memory: MappingMemory | None = None, fx_rates: pd.DataFrame | None = None,
                 progress: Progress | None = None) -> ImportResult:
    result = _import_sheet(sheet, filename, table=table, overrides=overrides, settings=settings, memory=memory,
                           fx_rates=fx_rates, progress=progress)
    if result.errors:  # nothing of a refused sheet loads: keep its messages, not its million rows
        result.frame = _detached(result.frame.head(0))
    return result


def _import_sheet(sheet: Sheet, filename: str, *, table: str | None, overrides: dict[str, str] | None,
                  settings: Settings, memory: MappingMemory | None, fx_rates: pd.DataFrame | None,
                  progress: Progress | None) -> ImportResult:
    headers = [str(h) for h in sheet.frame.columns]
    notes: list[Problem] = list(sheet.notes)
    remembered = memory.recall(headers) if memory and not overrides else None
    if remembered and (table is None or remembered[0] == table):
        table, overrides = remembered
        notes.append(Problem("note_mapping_remembered", severity="info"))
    if table == RAW:
        result = ImportResult(filename, sheet.name, None, None, infer_raw_types(sheet.frame), len(sheet.frame),
                              notes=notes, header_row=sheet.header_row, headers=headers,
                              preview=_preview(sheet.frame))
        result.notes.append(Problem("note_kept_raw", severity="info"))
        return result
    if table is None and overrides:
        table = _table_for_overrides(overrides)
    stage_names = _stage_names(settings)
    profiles = profile_frame(sheet.frame, stage_names)
    mapping = (suggest_mapping(headers, table, profiles=profiles, stage_names=stage_names) if table
               else detect_table(headers, profiles=profiles, stage_names=stage_names))
    if mapping is not None and overrides:
        mapping = apply_overrides(mapping, overrides)
    result = ImportResult(filename, sheet.name, mapping.table if mapping else None, mapping,
                          sheet.frame, len(sheet.frame), notes=notes, header_row=sheet.header_row,
                          headers=headers, preview=_preview(sheet.frame))
    if mapping is None:
        result.frame = infer_raw_types(sheet.frame)
        result.notes.append(Problem("unknown_table", {
            "file": filename, "sheet": sheet.name, "headers": ", ".join(headers[:12])}, "warning"))
        return result
    if not len(sheet.frame):
        result.errors.append(Problem("no_rows", {"file": filename, "sheet": sheet.name}))
        return result
    missing = _missing_columns(mapping)
    if missing:
        result.errors.append(missing if isinstance(missing, Problem) else Problem("missing_required", {
            "file": filename, "table": i18n.Key(TABLES[mapping.table].label),
            "missing": tuple(i18n.Key(TABLES[mapping.table].column(c).label) for c in missing),
            "found": ", ".join(headers), "first": missing[0]}))
        result.errors[-1] = Problem(result.errors[-1].code, {**result.errors[-1].params, "file": filename})
        if isinstance(missing, list):
            result.errors += _values_do_not_fit(sheet, mapping, missing, profiles, filename)
        return result
    _Importer(sheet, mapping, settings, result, fx_rates, progress).run()
    if result.ok and result.rows_read and not result.rows_loaded:
        # Every row rejected: an error, never an empty table that looks like "no data".
        reasons: dict[str, tuple[int, Problem]] = {}
        for _row, problems, _cells in result.rejected:
            for p in problems:
                n, _ = reasons.get(p.text("en"), (0, p))
                reasons[p.text("en")] = (n + 1, p)
        top = sorted(reasons.values(), key=lambda t: -t[0])[:3]
        result.errors.append(Problem("nothing_loaded", {
            "file": filename, "sheet": sheet.name, "rows": result.rows_read,
            "table": i18n.Key(TABLES[mapping.table].label),
            "reasons": tuple(i18n.Key("import.reason_count", reason=i18n.Key(p.code, **p.params), n=n)
                             for n, p in top)}))
    return result


def _values_do_not_fit(sheet: Sheet, mapping: Mapping, missing: list[str], profiles: dict,
                       filename: str) -> list[Problem]:
    """For a required field not found: the column named like it whose values ruled it out."""
    out = []
    for column in missing:
        for header in mapping.unmapped:
            if name_score(header, mapping.table, column) >= 0.9 and header in profiles and pair_score(
                    header, mapping.table, column, profiles[header]) < 0:
                kind = field_spec(mapping.table, column).type
                expected = i18n.Key(f"import.expected.{kind}") if kind in _VALUE_KINDS else kind
                examples = ", ".join(repr(v) for v in sheet.frame[header].dropna().astype(str).unique()[:3])
                out.append(Problem("values_do_not_fit", {"file": filename, "header": header, "column": column,
                                                         "expected": expected, "examples": examples}))
                break
    return out


def _table_for_overrides(overrides: dict[str, str]) -> str:
    """The table whose columns include every ``--map`` target (deals first); deals when none
    does, so that apply_overrides names the unknown column."""
    targets = {v for v in overrides.values() if v not in ("", "-", "none")}
    for name in TABLES:
        if targets <= set(allowed_columns(name)):
            return name
    return "deals"


def _missing_columns(mapping: Mapping) -> list[str] | Problem:
    have = mapping.canonical_names()
    spec = TABLES[mapping.table]
    required = list(spec.required)
    if mapping.table == "deals":
        # No stage: a sales list. No deal id: row numbers. No rep: a company-level list.
        required = [c for c in required if c not in ("stage", "deal_id", "rep")]
        # Every won or lost deal needs its close date, so a file without the column cannot load
        # (an expected close date, a won time or a lost time also gives one).
        if not have & {"close_date", *DEAL_DATE_ROLE_NAMES}:
            required.append("close_date")
    if mapping.table == "targets" and mapping.wide_months:
        required = [c for c in required if c != "target"]
    missing = [c for c in required if c not in have]
    if missing:
        return missing
    for group in spec.one_of:
        if not have & set(group):
            return Problem("missing_one_of", {"table": i18n.Key(spec.label),
                                              "names": tuple(i18n.Key(spec.column(c).label) for c in group)})
    return []


# --- the per-sheet work ----------------------------------------------------------------------

class _Importer:
    def __init__(self, sheet: Sheet, mapping: Mapping, settings: Settings, result: ImportResult,
                 fx_rates: pd.DataFrame | None = None, progress: Progress | None = None):
        self.fx_rates = fx_rates
        self.progress = progress
        self.sheet = sheet
        self.mapping = mapping
        self.settings = settings
        self.result = result
        self.table = mapping.table
        raw = sheet.frame.reset_index(drop=True)
        self.raw = raw
        self.rows = pd.Series(sheet.row_numbers, dtype="int64")
        self.n = len(raw)
        self._reset_reasons()
        self.out = pd.DataFrame(index=raw.index)

    # helpers
    def _reset_reasons(self) -> None:
        # Reasons are sparse (most rows load), so a dict of row → problems plus a boolean mask.
        self.reasons: dict[int, list[Problem]] = {}
        self.bad = np.zeros(self.n, dtype=bool)
        self.bad_by_column: dict[str, np.ndarray] = {}

    def add_reason(self, i: int, problem: Problem) -> None:
        self.reasons.setdefault(int(i), []).append(problem)
        self.bad[i] = True
        if problem.column:
            mask = self.bad_by_column.setdefault(problem.column, np.zeros(self.n, dtype=bool))
            mask[i] = True

    @property
    def ok(self) -> np.ndarray:
        return ~self.bad

    def reject(self, mask: pd.Series | np.ndarray, make) -> None:
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            self.add_reason(i, make(i))

    def header_of(self, column: str) -> str | None:
        for h, c in self.mapping.mapped.items():
            if c == column:
                return h
        return None

    def rows_text(self, mask: pd.Series) -> str:
        rows = self.rows[np.asarray(mask, dtype=bool)].tolist()
        shown = ", ".join(map(str, rows[:20]))
        return shown + (f" … (+{len(rows) - 20})" if len(rows) > 20 else "")

    def run(self) -> None:
        if self.table == "targets" and self.mapping.wide_months:
            self._unpivot_wide_targets()
        self._parse_columns()
        step = self.progress.step if self.progress is not None else lambda stage, done, total: None
        step("parse", 1, 1)
        # the parsers' Arrow temporaries: freed, but kept by Arrow's allocator until released
        pa.default_memory_pool().release_unused()
        getattr(self, f"_rules_{self.table}", lambda: None)()
        step("rules", 1, 3)  # the steps' shares of a 1M-row deals import: about a third each
        if not self.result.errors:
            self._currency()
            pa.default_memory_pool().release_unused()
        step("rules", 2, 3)
        if self.result.errors:
            return
        self._finish()
        step("rules", 3, 3)

    def _unpivot_wide_targets(self) -> None:
        """One column per month beside a year column → one row per owner and month."""
        months = self.mapping.wide_months
        year_header = self.header_of("period")
        id_headers = [h for h, c in self.mapping.mapped.items() if c != "period"]
        long = self.raw.assign(_row=self.rows.values).melt(
            id_vars=[*id_headers, *([year_header] if year_header else []), "_row"],
            value_vars=list(months), var_name="_month", value_name="_target")
        blank = long["_target"].isna() | long["_target"].astype("str").str.strip().isin(["", "-", "—", "–"])
        long = long[~blank].sort_values(["_row", "_month"], key=lambda s: s.map(months) if s.name == "_month"
                                        else s, kind="stable").reset_index(drop=True)
        year = long[year_header].astype("str").str.strip() if year_header else pd.Series("", index=long.index)
        long["_period"] = year + "-" + long["_month"].map(months).map("{:02d}".format)
        self.result.notes.append(Problem("note_wide_targets", {
            "months": len(months), "rows": self.n, "cells": len(long)}, "info"))
        # From here on a "row" is one owner-month target; every one is loaded or rejected.
        self.result.rows_read = len(long)
        self.raw = long
        self.rows = long["_row"].astype("int64").reset_index(drop=True)
        self.n = len(long)
        self._reset_reasons()
        self.out = pd.DataFrame(index=long.index)
        columns = {h: c for h, c in self.mapping.mapped.items() if c != "period"}
        columns["_period"] = "period"
        columns["_target"] = "target"
        self.mapping = Mapping("targets", columns)

    def _parse_columns(self) -> None:
        total = len(self.mapping.mapped)
        if self.progress is not None:
            self.progress.rows(self.n)
        for done, (header, column) in enumerate(self.mapping.mapped.items()):
            if self.progress is not None:
                self.progress.step("parse", done, total)
            raw = self.raw[header]
            col_spec = None if column.startswith("entered_") else field_spec(self.table, column)
            col_type = "date" if col_spec is None else col_spec.type
            errors = _excel_errors(raw)
            for i in np.flatnonzero(errors):
                self.add_reason(i, Problem("excel_error", {"column": header, "value": raw.iloc[i]}, column=column))
            if errors.any():
                raw = raw.where(~errors, None)  # reported above; not a second "not a number"
            if col_type in ("text", "status"):
                # The readers already strip every cell and give None for a blank one.
                self.out[column] = raw
                continue
            if col_type == "period":
                self.out[column], self.out[f"{column}_start"], self.out[f"{column}_end"] = \
                    self._parse_period_column(raw, header)
                continue
            if col_type == "date":
                parsed = values.parse_dates(raw, header)
            elif col_type == "probability":
                parsed = values.parse_probability(raw, header)
            elif col_type == "score":
                parsed = values.parse_score(raw, header, col_spec.minimum, col_spec.maximum)
            else:
                parsed = values.parse_amounts(raw, header)
            self.result.notes.extend(parsed.notes)
            unit = self.mapping.units.get(header)
            if unit is not None and unit.factor != 1:
                parsed.values = parsed.values * unit.factor
                self.result.notes.append(Problem("note_unit_scaled", {
                    "column": header, "unit": unit.text, "factor": f"{unit.factor:,.0f}",
                    "base": unit.currency or i18n.Key("import.base_unit")}, "info"))
            self.out[column] = parsed.values
            self.out[f"_blank_{column}"] = parsed.blank.to_numpy(dtype=bool) & ~errors  # an error is not a blank
            bad = parsed.bad.to_numpy(dtype=bool)
            reasons = parsed.reasons
            for i in np.flatnonzero(bad):
                self.add_reason(i, self._bad_value_problem(column, header, col_type, raw.iloc[i],
                                                               reasons.iloc[i], col_spec))

    def _bad_value_problem(self, column: str, header: str, col_type: str, value: object, reason: object,
                           col_spec) -> Problem:
        if reason == "negative":
            return Problem("negative_amount", {"column": header, "value": value}, column=column)
        if reason == "out_of_range" and col_spec is not None:
            return Problem("out_of_range", {"column": header, "value": value, "low": _fmt(col_spec.minimum),
                                            "high": _fmt(col_spec.maximum)}, column=column)
        expected = _EXPECTED.get(col_type, i18n.Key("expected.valid"))
        return Problem("bad_value", {"column": header, "value": value, "expected": expected},
                       column=column)

    def _parse_period_column(self, raw: pd.Series, header: str) -> tuple[pd.Series, pd.Series, pd.Series]:
        text = raw.astype("str").str.strip().where(raw.notna(), "")
        keys = pd.Series(None, index=raw.index, dtype="object")
        starts = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[us]")
        ends = starts.copy()
        uniques = text.unique()
        parsed: dict[str, tuple[str, object, object] | None] = {}
        named = {u: k for u in uniques if u and (k := month_name_period(u))}  # "Oct 2026" → 2026-10
        date_like = [u for u in uniques if u and u not in named and not _looks_like_period(u)]
        date_values = values.parse_dates(pd.Series(date_like, dtype="object"), header) if date_like else None
        for i, u in enumerate(date_like):
            if date_values is not None and not date_values.bad.iloc[i] and not date_values.blank.iloc[i]:
                d = date_values.values.iloc[i]
                p = parse_period(f"{d.year}-{d.month:02d}", self.settings.fiscal_start_month)
                parsed[u] = (p.key, p.start, p.end)
        for u in uniques:
            if u in parsed or not u:
                continue
            try:
                p = parse_period(named.get(u, u), self.settings.fiscal_start_month)
                parsed[u] = (p.key, p.start, p.end) if p.kind != "custom" or p.start == p.end else None
                if p.kind == "custom" and p.start == p.end:  # a single date → its month
                    m = parse_period(f"{p.start.year}-{p.start.month:02d}")
                    parsed[u] = (m.key, m.start, m.end)
            except ValueError:
                parsed[u] = None
        for i, u in enumerate(text):
            if not u:
                continue
            hit = parsed.get(u)
            if hit is None:
                self.add_reason(i, Problem("bad_period", {"value": u}, column="period"))
            else:
                keys.iloc[i], starts.iloc[i], ends.iloc[i] = hit[0], pd.Timestamp(hit[1]), pd.Timestamp(hit[2])
        self.out[f"_blank_{self.mapping.mapped[header]}"] = (text == "").values
        return keys, starts, ends

    # table rules
    def _required_blank(self, columns: Sequence[str]) -> None:
        for column in columns:
            if column not in self.out.columns:
                continue
            blank = self.out[column].isna()
            already_bad = self.bad_by_column.get(column, np.zeros(self.n, dtype=bool))
            header = self.header_of(column) or i18n.Key(TABLES[self.table].column(column).label)
            self.reject(blank & ~already_bad, lambda i, h=header, c=column: Problem(
                "required_blank", {"column": h}, column=c))

    def _rules_deals(self) -> None:
        out, res = self.out, self.result
        if "deal_id" not in out.columns:
            out["deal_id"] = self.rows.astype("str").values
            res.notes.append(Problem("note_generated_ids", severity="info"))
        if "rep" not in out.columns:
            res.notes.append(Problem("note_no_rep", severity="warning"))
        sales_list = "stage" not in out.columns and "status" not in out.columns
        self._required_blank(["deal_id", *(["rep"] if "rep" in out.columns else [])])
        # Status: the status column where filled, else from the stage, else (a sales list) won.
        status = pd.Series("won" if sales_list else "open", index=out.index, dtype="object")
        unknown = pd.Series(False, index=out.index)
        if "stage" in out.columns:
            # once per distinct stage label, spread back over the rows by their label's position
            codes, labels = pd.factorize(out["stage"], use_na_sentinel=True)
            classified = [self.settings.classify_stage(label) for label in labels]
            status_of = np.array([*(st for _key, st in classified), "open"], dtype=object)
            unknown_of = np.array([*(key is None and st != "lost" for key, st in classified), False])
            status = pd.Series(status_of[codes], index=out.index, dtype="object")  # code -1 (blank): "open"
            unknown = pd.Series(unknown_of[codes], index=out.index, dtype=bool)
        if "status" in out.columns:
            folded = out["status"].map(lambda v: _fold_status(v) if v is not None else None)
            bad = out["status"].notna() & folded.isna()
            self.reject(bad, lambda i: Problem("bad_status", {"value": out["status"].iloc[i]}, column="status"))
            status = folded.where(folded.notna(), status)
            unknown = unknown & folded.isna()
        if sales_list:
            res.notes.append(Problem("note_sales_list", severity="info"))
        out["status"] = status
        self._close_date_by_status(status)
        if "amount" in out.columns:
            won_blank = (status == "won") & out["amount"].isna() & out["_blank_amount"]
            self.reject(won_blank, lambda i: Problem("won_without_amount", column="amount"))
        else:
            self.reject(status == "won", lambda i: Problem("won_without_amount", column="amount"))
        closed = status.isin(["won", "lost"])
        if "close_date" in out.columns:
            blank_close = closed & out["close_date"].isna() & out["_blank_close_date"]
        else:
            blank_close = closed
        self.reject(blank_close, lambda i: Problem("closed_without_date", {
            "status": i18n.Key(f"deal_status.{status.iloc[i]}")}, column="close_date"))
        ok = self.ok
        if "amount" in out.columns:
            open_blank = ok & (status != "won").to_numpy() & out["amount"].isna().to_numpy()
            if open_blank.any():
                res.warnings.append(Problem("warn_blank_amount", {
                    "count": int(open_blank.sum()), "rows": self.rows_text(open_blank)}, "warning"))
        if "created_date" in out.columns:
            created_blank = ok & out["created_date"].isna().to_numpy()
            if created_blank.any():
                res.warnings.append(Problem("warn_blank_created", {
                    "count": int(created_blank.sum()), "rows": self.rows_text(created_blank)}, "warning"))
        unknown_ok = ok & unknown.to_numpy(dtype=bool)
        if unknown_ok.any():
            stages = sorted(set(out["stage"][unknown_ok]))
            res.warnings.append(Problem("warn_unknown_stage", {
                "count": int(unknown_ok.sum()), "stages": ", ".join(stages[:10]),
                "rows": self.rows_text(unknown_ok)}, "warning"))
        if sales_list:
            dup = out["deal_id"].notna() & out["deal_id"].duplicated(keep=False)
            if dup.any():
                res.notes.append(Problem("note_order_lines", {"count": int(dup.sum())}, "info"))
        else:
            self._duplicates(["deal_id"], i18n.Key("column.deal_id"))

    def _close_date_by_status(self, status: pd.Series) -> None:
        """Vendor exports with separate dates (Pipedrive's won time and lost time, an expected close
        date beside a closed-on date): a won deal closes on its won time, a lost deal on its lost
        time, an open deal is expected on its expected close date; each falls back to close_date."""
        out = self.out
        roles = [c for c in DEAL_DATE_ROLE_NAMES if c in out.columns]
        if not roles:
            return
        base = out["close_date"] if "close_date" in out.columns else pd.Series(pd.NaT, index=out.index,
                                                                               dtype="datetime64[us]")
        base_blank = out["_blank_close_date"] if "_blank_close_date" in out.columns else pd.Series(True, index=out.index)
        close, blank = base.copy(), base_blank.copy()
        used = {}
        for role, wanted in (("won_date", "won"), ("lost_date", "lost"), ("expected_close_date", "open")):
            if role not in out.columns:
                continue
            rows = (status == wanted) & out[role].notna()
            close = close.where(~rows, out[role])
            blank = blank.where(~rows, False)
            used[wanted] = self.header_of(role)
        out["close_date"] = close.astype("datetime64[us]")
        out["_blank_close_date"] = blank.astype(bool)
        fallback = self.header_of("close_date") or "–"
        self.result.notes.append(Problem("note_close_by_status", {
            "won": used.get("won", fallback), "lost": used.get("lost", fallback),
            "expected": used.get("open", fallback)}, "info"))
        self.out = out.drop(columns=[c for r in roles for c in (r, f"_blank_{r}")])

    def _currency(self) -> None:
        """One currency per table: from a currency column, symbols in the money cells, or the header.

        A single currency is recorded on every row. Several are converted with ``fx_rates`` (rate to
        the reporting currency, per month or for every month) or refused with the currencies named.
        """
        money = [c for c in MONEY_COLUMNS.get(self.table, ()) if c in self.out.columns]
        if "currency" not in TABLES[self.table].names or self.table not in MONEY_COLUMNS:
            return
        res = self.result
        per_row = pd.Series(None, index=self.out.index, dtype="object")
        how = ""
        for column in money:
            header = self.header_of(column)
            unit = self.mapping.units.get(header) if header else None
            if unit is not None and unit.currency:
                per_row[:] = unit.currency
                how = "header"
            if header and header in self.raw.columns:
                cells = cells_currency(self.raw[header])
                if cells.notna().any():
                    per_row = cells.where(cells.notna(), per_row)
                    how = "cells"
        if "currency" in self.out.columns:
            given = self.out["currency"]
            codes = given.map(lambda v: currency_code(v) if v is not None else None)
            unknown = given.notna() & codes.isna()
            self.reject(unknown, lambda i: Problem("unknown_currency", {"value": given.iloc[i]}, column="currency"))
            if codes.notna().any():
                per_row = codes.where(codes.notna(), per_row)
                how = "column"
        ok = self.ok
        found = sorted(set(per_row[ok].dropna()))
        if len(found) <= 1:
            self.out["currency"] = found[0] if found else None
            if found:
                res.notes.append(Problem("note_currency", {
                    "table": i18n.Key(TABLES[self.table].label), "currency": found[0],
                    "how": i18n.Key(f"import.currency_how.{how}")}, "info"))
            return
        if self.fx_rates is None or not len(self.fx_rates):
            res.errors.append(Problem("mixed_currencies", {"file": res.file_name, "currencies": ", ".join(found)}))
            return
        self._convert(per_row, found, money)

    def _convert(self, per_row: pd.Series, found: list[str], money: list[str]) -> None:
        rates = self.fx_rates
        assert rates is not None
        table_codes = rates["currency"].map(currency_code)
        unit_rate = set(table_codes[rates["rate"] == 1].dropna())
        missing = [c for c in found if c not in set(table_codes.dropna())]
        target = (next(iter(unit_rate)) if len(unit_rate) == 1 else missing[0] if len(missing) == 1
                  else self.settings.currency or None)
        if target is None:  # rates given, but to which currency cannot be told: refuse, never guess
            self.result.errors.append(Problem("mixed_currencies", {
                "file": self.result.file_name, "currencies": ", ".join(found)}))
            return
        lookup: dict[tuple[str, str | None], float] = {}
        for code, period, rate in zip(table_codes, rates.get("period", pd.Series(None, index=rates.index)),
                                      rates["rate"], strict=True):
            if code and pd.notna(rate):
                lookup[(code, None if period is None or pd.isna(period) else str(period))] = float(rate)
        if "close_date" in self.out.columns:
            months = self.out["close_date"].dt.strftime("%Y-%m")
        elif "period_start" in self.out.columns:
            months = self.out["period_start"].dt.strftime("%Y-%m")
        else:
            months = pd.Series(None, index=self.out.index, dtype="object")
        factors = pd.Series(np.nan, index=self.out.index)
        converted = 0
        for i in np.flatnonzero(self.ok):
            code, month = per_row.iloc[i], months.iloc[i]
            month = None if month is None or pd.isna(month) else str(month)
            if code is None:
                self.add_reason(i, Problem("currency_unknown_in_mix", {"currencies": ", ".join(found)},
                                           column="currency"))
                continue
            if code == target:
                factors.iloc[i] = 1.0
                continue
            rate = lookup.get((code, month), lookup.get((code, None)))
            if rate is None:
                self.add_reason(i, Problem("no_fx_rate", {"currency": code, "period": month or "–"},
                                           column="currency"))
                continue
            factors.iloc[i] = rate
            converted += 1
        for column in money:
            self.out[column] = self.out[column] * factors
        self.out["currency"] = target
        self.result.notes.append(Problem("note_converted", {
            "currencies": ", ".join(c for c in found if c != target), "target": target, "rows": converted},
            "info"))

    def _duplicates(self, key: list[str], key_name: i18n.Key) -> None:
        """Reject every repeat of an already-loaded key ("duplicate of row N")."""
        ok = self.ok
        parts = [self.out[c].astype("object").where(self.out[c].notna(), "\x00").astype("str") for c in key]
        keys = parts[0] if len(parts) == 1 else parts[0].str.cat(parts[1:], sep="\x1f")
        keys = keys[ok]
        repeat = keys.duplicated(keep="first")
        if not repeat.any():
            return
        positions = pd.Series(keys.index, index=keys.index)
        first_of = positions.groupby(keys, sort=False).transform("first")
        file_rows = self.rows.to_numpy()
        for i, first in zip(keys.index[repeat.to_numpy()], first_of[repeat].to_numpy(), strict=True):
            self.add_reason(i, Problem("duplicate_of", {"row": int(file_rows[first]), "key": key_name},
                                       column=key[0]))
        count = int(repeat.sum())
        self.result.warnings.append(Problem("warn_duplicates", {"count": count, "key": key_name}, "warning"))

    def _rules_targets(self) -> None:
        out = self.out
        self._required_blank(["period", "target"])
        if "target" in out.columns:
            not_positive = out["target"].notna() & (out["target"] <= 0)
            self.reject(not_positive, lambda i: Problem("target_not_positive", {
                "value": self.raw[self.header_of("target") or "_target"].iloc[i]
                if (self.header_of("target") or "_target") in self.raw else out["target"].iloc[i]},
                column="target"))
        metric = out["metric"] if "metric" in out.columns else pd.Series(None, index=out.index, dtype="object")
        out["metric"] = metric.map(lambda v: "revenue" if v is None or pd.isna(v)
                                   else _METRICS.get(normalise_header(v), normalise_header(v)))
        for c in ("rep", "team"):
            if c not in out.columns:
                out[c] = None
        self._duplicates(["period", "rep", "team", "metric"], i18n.Key("duplicate_key.target_owner"))

    def _rules_surveys(self) -> None:
        self._required_blank(["date"])
        present = [c for c in ("csat", "nps") if c in self.out.columns]
        none = np.logical_and.reduce([self.out[c].isna().to_numpy() & self.out[f"_blank_{c}"].to_numpy()
                                      for c in present])
        self.reject(none, lambda i: Problem("no_score"))

    def _rules_peer_reviews(self) -> None:
        self._required_blank(["period", "rep", "score"])

    def _rules_activities(self) -> None:
        self._required_blank(["date"])

    def _rules_campaigns(self) -> None:
        self._required_blank(["period", "lead_source", "cost"])

    def _rules_markets(self) -> None:
        self._required_blank(["period", "segment", "market_size"])

    def _finish(self) -> None:
        ok = self.ok
        res = self.result
        cells_source = self.raw
        header_cols = [h for h in res.headers if h in cells_source.columns]
        bad_index = np.flatnonzero(~ok)
        rejected = cells_source.iloc[bad_index][header_cols]
        # a blank cell is None in the report (the text columns hold NaN for it)
        records = rejected.astype(object).where(rejected.notna(), None).to_dict("records") if len(bad_index) else []
        file_rows = self.rows.to_numpy()
        for i, cells in zip(bad_index, records, strict=True):
            res.rejected.append((int(file_rows[i]), self.reasons[int(i)], cells))
        loaded = self.out[ok] if not ok.all() else self.out  # copy-on-write: no copy of 1M rows
        loaded[SOURCE_ROW] = self.rows[ok].to_numpy()
        loaded = loaded[[c for c in loaded.columns if not c.startswith("_blank_")]]
        res.frame = conform(self.table, loaded)
        res.rejected.sort(key=lambda t: t[0])


def infer_raw_types(frame: pd.DataFrame) -> pd.DataFrame:
    """A raw sheet with its own column types: a column whose every non-blank cell reads as a
    number becomes numeric, one whose every cell reads as a date becomes a date, else text.

    Numbers may be negative here (a raw table is not a deal list). Blank-only columns and codes
    with leading zeros stay text.
    """
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        raw = frame[column]
        filled = raw.notna() & (raw.astype("str").str.strip() != "")
        if not filled.any():
            out[column] = raw
            continue
        # Codes such as "00123" are identifiers, not numbers: their leading zeros must survive.
        codes = raw[filled].astype("str").str.match(r"^0\d").any()
        number = values.parse_amounts(raw, str(column), allow_negative=True)
        if not codes and not number.bad[filled].any() and number.values[filled].notna().all():
            out[column] = number.values
            continue
        when = values.parse_dates(raw, str(column))
        if not when.bad[filled].any() and when.values[filled].notna().all():
            out[column] = when.values
            continue
        out[column] = raw
    return out


def _fold_status(value: object) -> str | None:
    folded = normalise_header(value)
    for name, status in STATUS_SYNONYMS.items():
        if normalise_header(name) == folded:
            return status
    return None


def _looks_like_period(text: str) -> bool:
    try:
        p = parse_period(text)
    except ValueError:
        return False
    return p.kind in ("month", "quarter", "year")


def _fmt(x: float | None) -> str:
    return "" if x is None else (f"{x:g}")


def combine(results: Sequence[ImportResult]) -> dict[str, pd.DataFrame]:
    """Canonical tables from several imports (same table from several files is appended)."""
    frames: dict[str, list[pd.DataFrame]] = {}
    for r in results:
        if r.ok and r.table:
            frames.setdefault(r.table, []).append(r.frame)
    return {t: pd.concat(f, ignore_index=True) if len(f) > 1 else f[0] for t, f in frames.items()}


__all__ = ["RAW", "ImportResult", "InputError", "combine", "import_file", "import_sheet", "infer_raw_types"]


def _excel_errors(raw: pd.Series) -> np.ndarray:
    """The cells holding one of Excel's error values (#N/A, #REF! …). Each starts with "#": a column
    without one is settled by that test (a 1M-row column: 2 ms, against 15 ms for ``isin``)."""
    if isinstance(raw.dtype, pd.StringDtype) and raw.dtype.storage == "pyarrow":
        if not pc.any(pc.starts_with(pa.array(raw.array), "#")).as_py():
            return np.zeros(len(raw), bool)
    elif raw.dtype != object:
        return np.zeros(len(raw), bool)
    return raw.isin(_EXCEL_ERRORS).to_numpy(dtype=bool)
