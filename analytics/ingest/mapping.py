"""From a file's headers to canonical columns: suggestion, table detection, overrides, memory.

Matching is case-, space- and punctuation-insensitive (:func:`schema.normalise_header`).
Exact synonyms win over partial matches, and earlier synonyms over later ones, so that
``Product Name`` beats ``Category`` for ``product`` and ``Region`` beats ``State``.
Each canonical column takes at most one header; the rest stay unmapped (kept for Explore).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analytics import i18n
from analytics.messages import InputError, Problem
from analytics.store.schema import STAGES, TABLES, Table, normalise_header, stage_entry_column

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


def _fold_bilingual(header: str) -> str:
    """Fold a header; ``Deal ID / 商机编号`` (our bilingual templates) folds to its English half."""
    text = str(header)
    if " / " in text:
        text = text.split(" / ", 1)[0]
    return normalise_header(text)


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
    """Header → canonical column for one table; ``None`` for headers left unmapped."""

    table: str
    columns: dict[str, str | None]
    wide_months: dict[str, int] = field(default_factory=dict)  # header → month, wide targets only
    score: float = 0.0

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


def _candidates(table: Table) -> list[tuple[str, list[str]]]:
    out = []
    for col in table.columns:
        names = [col.name, *i18n.texts(col.label), *col.synonyms]
        seen: list[str] = []
        for n in names:
            f = normalise_header(n)
            if f and f not in seen:
                seen.append(f)
        out.append((col.name, seen))
    return out


def suggest_mapping(headers: Sequence[str], table: str) -> Mapping:
    """Best guess of which header is which canonical column of ``table``."""
    spec = TABLES[table]
    folded = {h: _fold_bilingual(h) for h in headers}
    result: dict[str, str | None] = {h: None for h in headers}
    taken: set[str] = set()
    candidates = _candidates(spec)

    # 1. Exact matches, best synonym rank first (across all columns).
    exact: list[tuple[int, int, str, str]] = []
    for col_index, (name, names) in enumerate(candidates):
        for header, f in folded.items():
            if f in names:
                exact.append((names.index(f), col_index, header, name))
    for _rank, _ci, header, name in sorted(exact, key=lambda t: (t[0], t[1], headers.index(t[2]))):
        if result[header] is None and name not in taken:
            result[header], _ = name, taken.add(name)

    # 2. Stage-entry dates (deals only).
    if table == "deals":
        for header in headers:
            if result[header] is None and (entry := _entry_stage(header)) and entry not in taken:
                result[header] = entry
                taken.add(entry)

    # 3. Partial matches: a long synonym contained in the header ("Total Amount (USD)").
    wide = {h: m for h in headers if (m := month_of_header(h)) is not None} if table == "targets" else {}
    for header, f in folded.items():
        if result[header] is not None or header in wide or not f or f.endswith("currency"):
            continue
        best: tuple[int, str] | None = None
        for name, names in candidates:
            if name in taken:
                continue
            for rank, syn in enumerate(names):
                if len(syn) >= 4 and syn in f and (best is None or rank < best[0]):
                    best = (rank, name)
        if best:
            result[header] = best[1]
            taken.add(best[1])

    mapping = Mapping(table, result)
    if len(wide) >= 3:
        mapping.wide_months = wide
        # A wide sheet has no single target column; the month columns are the targets.
        for h in wide:
            mapping.columns[h] = None
    mapping.score = _score(mapping)
    return mapping


def _score(mapping: Mapping) -> float:
    spec = TABLES[mapping.table]
    have = mapping.canonical_names()
    required = spec.required
    if mapping.table == "targets" and mapping.wide_months:
        have = have | {"target"}
    req_hit = sum(1 for c in required if c in have)
    score = 3.0 * req_hit + 1.0 * len(have - set(required))
    if required and req_hit < len(required):
        score -= 2.5 * (len(required) - req_hit)
    for group in spec.one_of:
        if not have & set(group):
            score -= 3
    return score


def detect_table(headers: Sequence[str]) -> Mapping | None:
    """The canonical table these headers most plausibly hold, or None (a raw table)."""
    best: Mapping | None = None
    for name in TABLES:
        m = suggest_mapping(headers, name)
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
    spec = TABLES[mapping.table]
    allowed = set(spec.names)
    if mapping.table == "deals":
        allowed |= {stage_entry_column(s.key) for s in STAGES}
    folded_headers = {normalise_header(h): h for h in mapping.columns}
    columns = dict(mapping.columns)
    for header, target in overrides.items():
        real = header if header in columns else folded_headers.get(normalise_header(header))
        if real is None:
            raise InputError(Problem("map_unknown_header",
                                     {"header": header, "headers": ", ".join(mapping.columns)}))
        target = target.strip()
        if target in ("", "-", "none"):
            columns[real] = None
            continue
        if target not in allowed:
            raise InputError(Problem("map_unknown_column", {
                "target": target, "table": mapping.table, "columns": ", ".join(sorted(allowed))}))
        for h, c in columns.items():  # a canonical column belongs to one header
            if c == target:
                columns[h] = None
        columns[real] = target
    out = Mapping(mapping.table, columns, dict(mapping.wide_months))
    out.wide_months = {h: m for h, m in out.wide_months.items() if columns.get(h) is None}
    out.score = _score(out)
    return out


def header_signature(headers: Sequence[str]) -> str:
    """A stable key for a header set (order and case do not matter)."""
    folded = sorted(normalise_header(h) for h in headers)
    return hashlib.sha256("\x1f".join(folded).encode("utf-8")).hexdigest()[:16]


class MappingMemory:
    """Confirmed mappings remembered per header set, in a small JSON file."""

    def __init__(self, path: Path | None):
        self.path = path

    def _load(self) -> dict[str, dict]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
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
        if self.path is None:
            return
        data = self._load()
        data[header_signature(headers)] = {
            "table": mapping.table,
            "columns": {h: (c or "") for h, c in mapping.columns.items()},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)
