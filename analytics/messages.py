"""Readable problems in the user's language.

The library reports problems as ``Problem(code, params)``: ``code`` is a key of the one catalogue
of words (``analytics/i18n/words/messages_*.py``), so the CLI and the app say the same thing in
every language. A parameter may itself be an ``i18n.Key`` (a column or stage name), translated
with the message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from analytics import i18n
from analytics.i18n import CATALOGUE, Lang

__all__ = ["CATALOGUE", "InputError", "Lang", "Problem", "Severity", "define", "render"]

Severity = Literal["error", "warning", "info"]


def define(code: str, en: str, zh: str) -> str:
    """The old way to add a message, next to its code: still accepted while other work lands.

    ``scripts/i18n.py absorb`` moves such calls into the catalogue (with a 繁體中文 draft);
    ``tests/test_i18n.py`` fails until it has run, because the entry lacks zh-Hant.
    """
    i18n.add({code: (en, zh)}, origin="define()")
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
    return i18n.text(code, lang, **params)


class InputError(Exception):
    """Raised when a whole file cannot be used; carries readable problems, never a traceback."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("; ".join(p.text("en") for p in self.problems))

    def text(self, lang: Lang = "en") -> str:
        return "\n".join(p.text(lang) for p in self.problems)
