"""Where the data comes from: files given by the user, the published workspace, or the sample.

The app and the CLI both load through here, so they apply the same mapping and validation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from analytics.i18n import lang_for_locale, parse_lang
from analytics.ingest.importer import ImportResult, combine, import_file
from analytics.ingest.mapping import MappingMemory
from analytics.messages import InputError, Problem
from analytics.store import canonical
from analytics.store.schema import SOURCE_ROW, TABLES
from analytics.store.settings import DEFAULT_SETTINGS, Settings
from analytics.store.transfer import open_workspace
from analytics.store.workspace import PROJECT_ROOT, Workspace

SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
#: The sample company in each language it speaks (``store.sample.EDITIONS``): same rows, same figures.
SAMPLE_DIRS = {"en": SAMPLE_DIR, "zh": PROJECT_ROOT / "data" / "sample-zh"}
_FILE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls"}



SourceKind = Literal["files", "workspace", "sample"]


@dataclass
class Loaded:
    """Canonical tables plus how they were obtained."""

    tables: dict[str, pd.DataFrame]
    results: list[ImportResult] = field(default_factory=list)
    source: SourceKind = "files"
    version: int | None = None

    def connect(self) -> duckdb.DuckDBPyConnection:
        return canonical.connect(self.tables)

    @property
    def rejected_total(self) -> int:
        return sum(r.rows_rejected for r in self.results)

    @property
    def errors(self) -> list[Problem]:
        return [p for r in self.results for p in r.errors]


def load_files(files: Mapping[str, Path | list[Path]], *, overrides: Mapping[str, str] | None = None,
               settings: Settings = DEFAULT_SETTINGS, memory: MappingMemory | None = None) -> Loaded:
    """Import files given per kind (``{"deals": path}``) and/or ``{"data": folder_or_workbook}``.

    A kind key forces that table for every sheet; ``data`` detects the table per sheet.
    Raises InputError for a file that cannot be read at all.
    """
    results: list[ImportResult] = []
    fx_rates: pd.DataFrame | None = None
    # Exchange rates first: they convert the money of the files that mix currencies.
    for kind, paths in sorted(files.items(), key=lambda kv: kv[0] != "fx_rates"):
        for path in ([paths] if isinstance(paths, Path) else paths):
            table = kind if kind in TABLES else None
            for file_path in _expand(path):
                try:
                    data = file_path.read_bytes()
                except OSError as exc:
                    raise InputError(Problem("file_unreadable", {"file": str(file_path),
                                                                 "reason": exc.strerror or exc})) from None
                results += import_file(data, file_path.name, table=table, overrides=dict(overrides or {}),
                                       settings=settings, memory=memory, fx_rates=fx_rates)
        if kind == "fx_rates":
            fx_rates = combine(results).get("fx_rates")
    results = reject_duplicates_across(results)
    return Loaded(combine(results), results, "files")


def reject_duplicates_across(results: Sequence[ImportResult], published: pd.DataFrame | None = None
                             ) -> list[ImportResult]:
    """Reject deal IDs already loaded from an earlier file of the same upload, or (for an append)
    already in ``published`` (deal_id, source_file, source_row), as "duplicate of <file> row N".

    Within one file the importer has already done this. Files whose IDs were made up from row
    numbers (no deal ID column) are left alone: their IDs mean nothing across files. The results
    given are not changed (the app caches them); changed copies are returned.
    """
    seen: dict[str, tuple[str, int]] = {}
    if published is not None and len(published):
        first = published.drop_duplicates("deal_id")
        for deal_id, file, row in zip(first["deal_id"], first["source_file"], first["source_row"], strict=True):
            seen[str(deal_id)] = (file if isinstance(file, str) and file else "published data",
                                  int(row) if pd.notna(row) else 0)
    out: list[ImportResult] = []
    for r in results:
        has_ids = r.mapping is not None and "deal_id" in r.mapping.canonical_names()
        if not (r.ok and r.table == "deals" and has_ids and len(r.frame)):
            out.append(r)
            continue
        ids = r.frame["deal_id"].astype("object")
        repeat = ids.map(lambda v: v is not None and not pd.isna(v) and str(v) in seen).to_numpy(dtype=bool)
        if repeat.any():
            header_of = {c: h for h, c in r.mapping.mapped.items()}
            rejected = list(r.rejected)
            files: list[str] = []
            for i in repeat.nonzero()[0]:
                row = r.frame.iloc[i]
                file, first_row = seen[str(row["deal_id"])]
                if file not in files:
                    files.append(file)
                cells = {header_of[c]: row[c] for c in header_of if c in row.index}
                rejected.append((int(row[SOURCE_ROW]), [Problem("duplicate_of_file", {"file": file, "row": first_row},
                                                                column="deal_id")], cells))
            rejected.sort(key=lambda item: item[0])
            warning = Problem("warn_duplicates_across", {"count": int(repeat.sum()), "files": ", ".join(files)},
                              "warning")
            r = replace(r, frame=r.frame[~repeat].reset_index(drop=True), rejected=rejected,
                        warnings=[*r.warnings, warning])
        for deal_id, row in zip(r.frame["deal_id"], r.frame[SOURCE_ROW], strict=True):
            if deal_id is not None and not pd.isna(deal_id):
                seen.setdefault(str(deal_id), (r.file_name, int(row)))
        out.append(r)
    return out


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in _FILE_SUFFIXES and p.is_file())
    if not path.exists():
        raise InputError(Problem("file_not_found", {"file": str(path)}))
    return [path]


def sample_edition(lang: str | None) -> str:
    """The sample edition for a UI language: Chinese (简体 or 繁體) → "zh", else "en"."""
    return _EDITIONS.get(parse_lang(lang, lang_for_locale(lang)), "en") if lang else "en"


#: Which sample edition each UI language reads (both Chinese scripts read the Chinese edition).
_EDITIONS = {"zh": "zh", "zh-Hant": "zh"}


def load_sample(settings: Settings = DEFAULT_SETTINGS, edition: str = "en") -> Loaded:
    """The embedded sample company in ``edition`` ("en" or "zh", see ``SAMPLE_DIRS``), read
    through the same importer as any user file."""
    if edition not in SAMPLE_DIRS:
        raise ValueError(f"sample edition must be one of {', '.join(SAMPLE_DIRS)}, not {edition!r}")
    files = {p.stem: p for p in sorted(SAMPLE_DIRS[edition].glob("*.csv")) if p.stem in TABLES}
    loaded = load_files(files, settings=settings)
    loaded.source = "sample"
    return loaded


def load_default(workspace: Workspace | None = None, settings: Settings = DEFAULT_SETTINGS) -> Loaded:
    """Published workspace data if the workspace says something is published, else the sample.

    A locked or damaged workspace raises WorkspaceBusy / WorkspaceCorrupt: the sample never
    stands in for the team's data because of an error.
    """
    ws = workspace or open_workspace()
    if ws.status().state == "published":
        con = duckdb.connect(":memory:")
        try:
            version = ws.load_into(con)
            tables = {t: con.execute(f'SELECT * FROM "{t}"').df() for t in TABLES}
        finally:
            con.close()
        return Loaded(tables, [], "workspace", version)
    return load_sample(settings)


def snapshot_connection(settings: Settings = DEFAULT_SETTINGS,
                        workspace: Workspace | None = None) -> duckdb.DuckDBPyConnection:
    """A connection holding the deals and the pipeline snapshots of the default data: the
    workspace's published snapshots, else the sample company's year of weekly exports."""
    from analytics.store import snapshots

    loaded = load_default(workspace, settings)
    con = loaded.connect()
    if loaded.source == "sample":
        snapshots.sample_history(con, snapshots.sample_history_end(con))
    else:
        (workspace or open_workspace()).load_snapshots_into(con)
    return con
