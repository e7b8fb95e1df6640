"""Readable problems in the user's language.

The library reports problems as ``Problem(code, params)``; the text lives in one catalogue
with an English and a Chinese template per code, so the CLI and the app say the same thing.
Modules add their codes with :func:`define` at import time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "zh"]
Severity = Literal["error", "warning", "info"]

CATALOGUE: dict[str, dict[str, str]] = {}


def define(code: str, en: str, zh: str) -> str:
    """Register the English and Chinese templates of ``code`` (``str.format`` fields)."""
    CATALOGUE[code] = {"en": en, "zh": zh}
    return code


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input. ``row`` is the row number as the user sees it in the file."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    severity: Severity = "error"
    row: int | None = None
    column: str | None = None

    def text(self, lang: Lang = "en") -> str:
        return render(self.code, lang, **self.params)


def render(code: str, lang: Lang = "en", **params: object) -> str:
    templates = CATALOGUE.get(code)
    if templates is None:
        return f"{code} {params}" if params else code
    template = templates.get(lang) or templates["en"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class InputError(Exception):
    """Raised when a whole file cannot be used; carries readable problems, never a traceback."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(p.text("en") for p in self.problems))

    def text(self, lang: Lang = "en") -> str:
        return "\n".join(p.text(lang) for p in self.problems)
