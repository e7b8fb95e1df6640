"""Issue 19: the rejected-row reports (row numbers, reasons, warnings and notes) of the real data
sets, the corpora, the sample data and the awkward CSV shapes are those the import gave before it
was vectorised per distinct text (golden file written on commit 2a311cb by tests/rejected_report.py).
"""

from __future__ import annotations

import json
import os

import pytest

from tests.rejected_report import DATASETS, GOLDEN, inputs, report


def test_rejected_rows_are_as_before() -> None:
    if not DATASETS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DATASETS} is missing in CI")
        pytest.skip(f"public data sets not present: {DATASETS}")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    seen = set()
    for name, data, table in inputs():
        seen.add(name)
        assert name in golden, f"{name}: not in the golden file (regenerate it on the old code)"
        now = json.loads(json.dumps(report(name, data, table), ensure_ascii=False))
        assert now == golden[name], name
    assert seen == set(golden)
