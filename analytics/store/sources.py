"""Where the data comes from: files given by the user, the published workspace, or the sample.

The app and the CLI both load through here, so they apply the same mapping and validation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from analytics.ingest.importer import ImportResult, combine, import_file
from analytics.ingest.mapping import MappingMemory
from analytics.messages import InputError, Problem, define
from analytics.store import canonical
from analytics.store.schema import TABLES
from analytics.store.settings import DEFAULT_SETTINGS, Settings
from analytics.store.workspace import PROJECT_ROOT, Workspace

SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
#: The sample company in each language it speaks (``store.sample.EDITIONS``): same rows, same figures.
SAMPLE_DIRS = {"en": SAMPLE_DIR, "zh": PROJECT_ROOT / "data" / "sample_zh"}
_FILE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls"}

define("file_not_found", "{file}: no such file or folder.", "{file}：文件或文件夹不存在。")
define("file_unreadable", "{file}: could not be opened ({reason}).", "{file}：无法打开（{reason}）。")
define("kind_mismatch", "{file} was given as {kind} but looks like {found}; it is read as {kind}.",
       "{file} 按 {kind} 提供，但看起来是 {found}；已按 {kind} 读取。")

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
    for kind, paths in files.items():
        for path in ([paths] if isinstance(paths, Path) else paths):
            table = kind if kind in TABLES else None
            for file_path in _expand(path):
                try:
                    data = file_path.read_bytes()
                except OSError as exc:
                    raise InputError(Problem("file_unreadable", {"file": str(file_path),
                                                                 "reason": exc.strerror or exc})) from None
                results += import_file(data, file_path.name, table=table, overrides=dict(overrides or {}),
                                       settings=settings, memory=memory)
    return Loaded(combine(results), results, "files")


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in _FILE_SUFFIXES and p.is_file())
    if not path.exists():
        raise InputError(Problem("file_not_found", {"file": str(path)}))
    return [path]


def sample_edition(lang: str | None) -> str:
    """The sample edition for a UI language: Chinese (简体 or 繁體) → "zh", else "en"."""
    return "zh" if (lang or "").lower().startswith("zh") else "en"


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
    """Published workspace data if any, else the sample company."""
    ws = workspace or Workspace()
    if ws.exists():
        tables = ws.tables()
        if tables:
            return Loaded(tables, [], "workspace", ws.current_version())
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
        (workspace or Workspace()).load_snapshots_into(con)
    return con
