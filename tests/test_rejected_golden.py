"""Issue 19: the rejected-row reports (row numbers, reasons, warnings and notes) of the real data
sets, the corpora, the sample data and the awkward CSV shapes are those the import gave before it
was vectorised per distinct text (golden file written on commit 2a311cb by tests/rejected_report.py).
"""

from __future__ import annotations

import json
import os

import pytest

from tests.rejected_report import DATASETS, GOLDEN, LOADED, inputs, loaded, report


def _need_datasets() -> None:
    if not DATASETS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DATASETS} is missing in CI")
        pytest.skip(f"public data sets not present: {DATASETS}")


def test_rejected_rows_are_as_before() -> None:
    _need_datasets()
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    seen = set()
    for name, data, table in inputs():
        seen.add(name)
        assert name in golden, f"{name}: not in the golden file (regenerate it on the old code)"
        now = json.loads(json.dumps(report(name, data, table), ensure_ascii=False))
        assert now == golden[name], name
    assert seen == set(golden)


def test_loaded_rows_are_as_before() -> None:
    """Every value loaded and every rejected row's cells as on commit bdc577c, before the sheet's text
    columns became pandas ``str`` over Arrow (a blank cell was None, now NaN inside the import)."""
    _need_datasets()
    golden = json.loads(LOADED.read_text(encoding="utf-8"))
    for name, data, table in inputs():
        assert json.loads(json.dumps(loaded(name, data, table), ensure_ascii=False)) == golden[name], name
    assert sum(len(v) for v in golden.values()) >= 200  # sheets compared
