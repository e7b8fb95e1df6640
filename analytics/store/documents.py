"""The workspace's small documents: settings, mappings, plan, saved views, accounts, logs.

Each is a named text (``settings.yaml``, ``accounts.json``, ``audit.jsonl`` …) kept by the
store: files in the workspace folder for the embedded store, rows of ``documents`` and
``document_lines`` for PostgreSQL (``analytics.store.postgres``). The modules that own a
document (``settings``, ``views``, ``accounts``, ``audit`` …) read and write it through a
:class:`Doc`, so the same code serves both stores; they still accept a plain ``Path`` (a file
beside a test, a plan given on the command line), which :func:`doc_of` turns into a Doc.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from analytics.store.files import write_atomic

#: Every document a workspace keeps (backup, restore and migration copy these).
NAMES = ("settings.yaml", "mappings.json", "commission_plan.yaml", "saved_views.json", "accounts.json",
         "audit.jsonl", "reports.jsonl")
#: Documents only ever appended to, a line at a time (the audit log, the report log).
APPEND_ONLY = ("audit.jsonl", "reports.jsonl")
#: Documents holding secrets (password hashes): private to the server's user.
PRIVATE = ("accounts.json",)


@runtime_checkable
class Documents(Protocol):
    """Named texts with atomic replace, line appends and an exclusive lock per name."""

    def read(self, name: str) -> str | None:
        """The text, or None when the document was never written."""

    def write(self, name: str, text: str) -> None:
        """Replace the text atomically: readers see the old text or the new one, never half."""

    def append(self, name: str, line: str) -> None:
        """Add one line (no newline needed): concurrent appends never interleave."""

    def delete(self, name: str) -> None:
        """Forget the document (a restore that brings none)."""

    def locked(self, name: str) -> Iterator[None]:
        """Hold ``name`` exclusively (read-modify-write) across processes and app replicas."""

    def describe(self, name: str) -> str:
        """Where the document lives, for messages (a path, or ``database … document x``)."""


class FolderDocuments:
    """Documents as files in the workspace folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, name: str) -> Path:
        return self.folder / name

    def read(self, name: str) -> str | None:
        path = self.path(name)
        if not path.exists():
            return None
        return path.read_text(encoding="utf-8", errors="replace")

    def write(self, name: str, text: str) -> None:
        write_atomic(self.path(name), text, mode=0o600 if name in PRIVATE else None)

    def append(self, name: str, line: str) -> None:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        # O_APPEND: one write() per line, so lines from several processes never interleave.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)

    @contextmanager
    def locked(self, name: str) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / (name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def describe(self, name: str) -> str:
        return str(self.path(name))


@dataclass(frozen=True)
class Doc:
    """One named document of a store: what the owning module holds instead of a path."""

    docs: Documents
    name: str

    def read(self) -> str | None:
        return self.docs.read(self.name)

    def exists(self) -> bool:
        return self.read() is not None

    def write(self, text: str) -> None:
        self.docs.write(self.name, text)

    def append(self, line: str) -> None:
        self.docs.append(self.name, line)

    def delete(self) -> None:
        self.docs.delete(self.name)

    def locked(self):
        return self.docs.locked(self.name)

    def __str__(self) -> str:
        return self.docs.describe(self.name)


def doc_of(where: Doc | Path | str) -> Doc:
    """A Doc for ``where``: itself, or the file at a path."""
    if isinstance(where, Doc):
        return where
    path = Path(where)
    return Doc(FolderDocuments(path.parent), path.name)


def docs_of(where: Documents | Path | str) -> Documents:
    """A store's documents: itself, or the files in a folder."""
    if isinstance(where, (str, os.PathLike)):
        return FolderDocuments(Path(where))
    return where
