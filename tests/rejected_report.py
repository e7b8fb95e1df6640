"""The rejected-row report of every real file the tests know, as plain data (issue 19).

``python -m tests.rejected_report`` writes ``tests/golden/rejected_rows.json`` (with ``--loaded``:
``loaded_rows.json``, see ``LOADED``); it was first run on commit 2a311cb, before the import was vectorised per distinct text, so that
``tests/test_rejected_golden.py`` can prove the reports did not change. Each sheet gives its
table, rows read and loaded, whole-sheet errors, and every rejected row as
``[file row, "code;code", "reason in English"]``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

import yaml

from analytics.ingest.importer import import_file
from analytics.messages import InputError

ROOT = Path(__file__).resolve().parents[1]
# Beside the project (a clone), or beside the folder of work trees (``wt/NAME``).
DATASETS = next((p for p in (ROOT.parent / "shared" / "datasets", ROOT.parents[1] / "shared" / "datasets")
                 if p.exists()), ROOT.parent / "shared" / "datasets")
GOLDEN = ROOT / "tests" / "golden" / "rejected_rows.json"
#: What was loaded from each input: per sheet the canonical frame's columns, dtypes and a digest of
#: every column's values, and the cells of every rejected row. Written on commit bdc577c, the code
#: before the text columns moved from Python objects to Arrow (``--loaded``).
LOADED = ROOT / "tests" / "golden" / "loaded_rows.json"


def inputs() -> list[tuple[str, bytes, str | None]]:
    """(name, bytes, table or None for detection): the corpora, the sample data, the awkward CSV
    shapes of test_import_speed, and the data sets, each detected and also read as deals (which
    rejects rows: the real files load whole when their table is detected)."""
    out: list[tuple[str, bytes, str | None]] = []
    for folder in ("corpus", "corpus_unseen"):
        for path in sorted((ROOT / "tests" / folder).glob("*.yaml")):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")):
                if "csv" in item:
                    out.append((f"{folder}/{item['name']}.csv", item["csv"].encode("utf-8"), item.get("table")))
    for path in sorted((ROOT / "data").glob("sample*/*")):
        if path.suffix in (".csv", ".xlsx"):
            out.append((str(path.relative_to(ROOT)), path.read_bytes(), None))
    if DATASETS.exists():
        for path in sorted(DATASETS.rglob("*")):
            if path.suffix.lower() in (".csv", ".xlsx", ".xls"):
                name = f"datasets/{path.relative_to(DATASETS)}"
                out.append((name, path.read_bytes(), None))
                out.append((f"{name} as deals", path.read_bytes(), "deals"))
                damaged = damage(path.read_bytes())
                if damaged is not None:
                    out.append((f"{name} damaged", damaged, None))
    from tests.test_import_speed import _AWKWARD
    out += [(f"awkward/{name}", data, None) for name, data in sorted(_AWKWARD.items())]
    return out


def damage(data: bytes) -> bytes | None:
    """A real file with deterministic damage, so that its report has rejected rows of every kind:
    every 37th line repeated (duplicate ids), every 41st with its zeros turned into letter Os
    (bad dates and amounts), every 53rd with its numbers negated. None if not UTF-8 text."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return None
    out = lines[:1]
    for k, line in enumerate(lines[1:], start=1):
        if k % 41 == 0:
            line = line.replace("0", "O")
        elif k % 53 == 0:
            cells = next(csv.reader([line]))
            cells = [f"-{c}" if c.replace(".", "", 1).isdigit() else c for c in cells]
            buf = io.StringIO()
            csv.writer(buf, lineterminator="").writerow(cells)
            line = buf.getvalue()
        out.append(line)
        if k % 37 == 0:
            out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def report(name: str, data: bytes, table: str | None) -> list[dict[str, object]]:
    try:
        results = import_file(data, Path(name.split(" ")[0]).name, table=table)
    except InputError as exc:
        return [{"refused": [p.code for p in exc.problems]}]
    return [{
        "sheet": r.sheet_name, "table": r.table, "rows_read": r.rows_read, "rows_loaded": r.rows_loaded,
        "errors": [p.code for p in r.errors],
        "warnings": [p.text("en") for p in r.warnings],
        "notes": [p.text("en") for p in r.notes],
        "rejected": [[row, ";".join(p.code for p in problems), "; ".join(p.text("en") for p in problems)]
                     for row, problems, _cells in r.rejected],
    } for r in results]


def loaded(name: str, data: bytes, table: str | None) -> list[dict[str, object]]:
    """Per sheet, what the import loaded (see ``LOADED``); a blank is None whatever the dtype."""
    try:
        results = import_file(data, Path(name.split(" ")[0]).name, table=table)
    except InputError:
        return []
    out: list[dict[str, object]] = []
    for r in results:
        item: dict[str, object] = {"rejected_cells": [[row, sorted((str(k), repr(v)) for k, v in cells.items())]
                                                      for row, _problems, cells in r.rejected]}
        if not r.errors:  # a sheet that could not be loaded keeps its raw cells: nothing was loaded
            frame = r.frame.astype(object).where(r.frame.notna(), None)
            item["columns"] = [str(c) for c in r.frame.columns]
            # a raw table's text columns were object and are pandas str now: both are "text"
            item["dtypes"] = ["text" if str(t) in ("object", "str") else str(t) for t in r.frame.dtypes]
            item["digests"] = [hashlib.sha256(repr(frame[c].tolist()).encode("utf-8")).hexdigest()[:20]
                               for c in r.frame.columns]
        out.append(item)
    return out


def build() -> dict[str, list[dict[str, object]]]:
    return {name: report(name, data, table) for name, data, table in inputs()}


if __name__ == "__main__":
    if "--loaded" in sys.argv:
        found = {name: loaded(name, data, table) for name, data, table in inputs()}
        LOADED.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(found)} files -> {LOADED}", file=sys.stderr)
        sys.exit(0)
    reports = build()
    GOLDEN.write_text(json.dumps(reports, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    rejected = sum(len(s.get("rejected", [])) for sheets in reports.values() for s in sheets)
    print(f"{len(reports)} files, {rejected} rejected rows -> {GOLDEN}", file=sys.stderr)
