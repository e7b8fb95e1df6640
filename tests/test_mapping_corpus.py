"""The mapping corpus (tests/corpus/*.yaml): real-world header sets with typical values and the
expected mapping. Prints the accuracy (run with ``-s``) and holds the mapper to the goal:
every required field right, at least 98 % of all fields right, no text column in a numeric field,
and the right table detected for every sheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from analytics.ingest import values
from analytics.ingest.readers import Sheet, read_file
from analytics.store.schema import TABLES

CORPUS = Path(__file__).parent / "corpus"
#: Files in the style of vendors the corpus does not cover, written to check that the mapper
#: generalises (tests/corpus_unseen/README.md says what was measured on them first).
UNSEEN = Path(__file__).parent / "corpus_unseen"
_NUMERIC_TYPES = {"number", "probability", "score"}


@dataclass
class Case:
    name: str
    source: str
    table: str
    sheet: Sheet
    expect: dict[str, str | None]


def load_cases(folder: Path = CORPUS) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            sheet = read_file(item["csv"].encode("utf-8"), f"{item['name']}.csv")[0]
            expect = {str(h): None for h in sheet.frame.columns}
            for header, column in (item.get("expect") or {}).items():
                assert str(header) in expect, f"{item['name']}: {header!r} is not a header of the case"
                expect[str(header)] = column
            cases.append(Case(item["name"], item["source"], item["table"], sheet, expect))
    return cases


def _share(parsed: values.ParsedColumn) -> float:
    filled = ~parsed.blank.to_numpy(dtype=bool)
    if not filled.any():
        return 1.0
    ok = parsed.values.notna().to_numpy() & ~parsed.bad.to_numpy(dtype=bool)
    return float((ok & filled).sum() / filled.sum())


def text_in_numeric(sheet: Sheet, table: str, mapping: dict[str, str | None]) -> list[str]:
    """Headers whose values are mostly text but were mapped to a number or date field."""
    out = []
    for header, column in mapping.items():
        if not column or column.startswith("entered_"):
            continue
        spec = TABLES[table]
        kind = spec.column(column).type if column in spec.names else "text"
        raw = sheet.frame[header]
        if kind == "probability" and _share(values.parse_probability(raw, header)) < 0.5:
            out.append(f"{header} → {column}")
        if kind in _NUMERIC_TYPES - {"probability"} and _share(values.parse_amounts(raw, header, allow_negative=True)) < 0.5:
            out.append(f"{header} → {column}")
        if kind == "date" and _share(values.parse_dates(raw, header)) < 0.5:
            out.append(f"{header} → {column}")
    return out


@dataclass
class Report:
    cases: int = 0
    fields: int = 0
    fields_right: int = 0
    required: int = 0
    required_right: int = 0
    tables_right: int = 0
    wrong: list[str] = field(default_factory=list)
    text_numeric: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        pct = lambda a, b: f"{100 * a / b:.1f} %" if b else "n/a"  # noqa: E731
        return [
            f"mapping corpus: {self.cases} header sets, {self.fields} columns",
            f"  required fields right: {self.required_right}/{self.required} ({pct(self.required_right, self.required)})",
            f"  all columns right:     {self.fields_right}/{self.fields} ({pct(self.fields_right, self.fields)})",
            f"  tables detected right: {self.tables_right}/{self.cases} ({pct(self.tables_right, self.cases)})",
            f"  text columns mapped to a numeric or date field: {len(self.text_numeric)}",
            *[f"    {x}" for x in self.text_numeric],
            *[f"  wrong: {x}" for x in self.wrong],
        ]


MapFn = Callable[[Sheet, str], dict[str, str | None]]
DetectFn = Callable[[Sheet], str | None]


def evaluate(cases: list[Case], map_sheet: MapFn, detect: DetectFn) -> Report:
    """Score a mapper: each column counts right when it maps to the expected field (or stays
    unmapped when none is expected); required fields are the schema's required columns."""
    report = Report()
    for case in cases:
        report.cases += 1
        found = detect(case.sheet)
        if found == case.table:
            report.tables_right += 1
        else:
            report.wrong.append(f"{case.name}: table {found} instead of {case.table}")
        got = map_sheet(case.sheet, case.table)
        required = set(TABLES[case.table].required)
        for header, expected in case.expect.items():
            right = got.get(header) == expected
            report.fields += 1
            report.fields_right += right
            if expected in required:
                report.required += 1
                report.required_right += right
            if not right:
                report.wrong.append(f"{case.name}: {header!r} → {got.get(header)} (expected {expected})")
        report.text_numeric += [f"{case.name}: {x}" for x in text_in_numeric(case.sheet, case.table, got)]
    return report


def current_mapper() -> tuple[MapFn, DetectFn]:
    from analytics.ingest.mapping import detect_table, suggest_mapping

    def map_sheet(sheet: Sheet, table: str) -> dict[str, str | None]:
        return dict(suggest_mapping(list(sheet.frame.columns), table, sheet.frame).columns)

    def detect(sheet: Sheet) -> str | None:
        found = detect_table(list(sheet.frame.columns), sheet.frame)
        return found.table if found else None

    return map_sheet, detect


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_cases(), *current_mapper())


def test_corpus_is_large_and_sourced() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    assert len({c.name for c in cases}) == len(cases)
    assert all(len(c.source) > 20 for c in cases)
    assert all(len(c.sheet.frame) >= 2 for c in cases)


def test_corpus_accuracy(report: Report) -> None:
    print("\n" + "\n".join(report.lines()))
    assert report.required_right == report.required
    assert report.fields_right / report.fields >= 0.98
    assert report.tables_right == report.cases


def test_no_text_column_mapped_to_a_numeric_field(report: Report) -> None:
    assert report.text_numeric == []


def test_evaluate_counts_a_wrong_mapping() -> None:
    """The scorer itself: a mapper that maps nothing gets no required field right."""
    cases = load_cases()[:3]
    nothing = evaluate(cases, lambda s, t: {}, lambda s: None)
    assert nothing.required_right == 0 and nothing.tables_right == 0
    assert nothing.fields_right == sum(1 for c in cases for v in c.expect.values() if v is None)
    assert not np.isnan(nothing.fields)
    assert isinstance(pd.DataFrame(), pd.DataFrame)


def test_files_in_the_style_of_other_vendors() -> None:
    report = evaluate(load_cases(UNSEEN), *current_mapper())
    print("\n" + "\n".join(report.lines()))
    assert report.required_right == report.required and report.text_numeric == []
    assert report.fields_right / report.fields >= 0.98
