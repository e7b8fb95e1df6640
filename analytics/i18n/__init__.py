"""The one catalogue of words: a key and a text per language, for the app, the CLI and the report.

Everything a user reads is looked up here by key at display time (``text(key, lang, **params)``);
the library, the report and result frames carry keys (``Key``), never English or Chinese text.
The words live in ``analytics/i18n/words/<area>.py``, one entry per key with every language::

    "nav.overview": {"en": "Overview", "zh": "业绩总览", "zh-Hant": "業績總覽"},

Adding a language means adding it to ``LANGUAGES`` below and its text to every entry (the
``scripts/i18n`` tool drafts 繁體中文 from 简体中文 and applies the reviewed sales terms).
``tests/test_i18n.py`` fails on a key missing a language or with mismatched placeholders.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from analytics.periods import Period

Lang = Literal["en", "zh", "zh-Hant"]


@dataclass(frozen=True)
class Language:
    """One language the product speaks.

    ``fallback`` is read when a text is missing at run time (the tests forbid that in the
    catalogue; it only keeps a word landed in the old two-language form readable).
    ``myriad`` is the number-format rule: Chinese groups large numbers by 万 (10⁴) and 亿 (10⁸).
    """

    code: Lang
    name: str
    fallback: Lang | None
    myriad: bool
    locales: tuple[str, ...] = ()  # browser locales (prefixes, lower case) that choose this language
    lower_inline: bool = False  # a name inside a sentence is written in lower case ("by lead source")


#: The language list: the picker, the CLI's ``--lang`` and the tests read it.
LANGUAGES: dict[Lang, Language] = {
    "en": Language("en", "English", None, myriad=False, locales=("en",), lower_inline=True),
    "zh": Language("zh", "简体中文", "en", myriad=True, locales=("zh",)),
    "zh-Hant": Language("zh-Hant", "繁體中文", "zh", myriad=True, locales=("zh-hant", "zh-tw", "zh-hk", "zh-mo")),
}
LANG_CODES: tuple[Lang, ...] = tuple(LANGUAGES)
assert set(LANG_CODES) == set(get_args(Lang))


def parse_lang(value: object, default: Lang = "en") -> Lang:
    """A language code from a URL, the session or the command line; anything else is ``default``."""
    text_value = str(value or "")
    for code in LANG_CODES:
        if text_value.lower() == code.lower():
            return code
    return default


def lang_for_locale(locale: str | None, default: Lang = "en") -> Lang:
    """The language a browser locale asks for (``zh-TW`` → zh-Hant, ``zh-CN`` → zh); the longest
    matching prefix wins."""
    wanted = (locale or "").replace("_", "-").lower()
    best: tuple[int, Lang] = (0, default)
    for code, language in LANGUAGES.items():
        for prefix in language.locales:
            if (wanted == prefix or wanted.startswith(prefix + "-")) and len(prefix) > best[0]:
                best = (len(prefix), code)
    return best[1]


@dataclass(frozen=True)
class Key:
    """A word still to be translated: a catalogue key with its parameters.

    Result frames and problems carry these; a parameter that is itself a ``Key`` is translated
    too, so a message can name a column or a stage in the reader's language.
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __init__(self, key: str, /, **params: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", params)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def text(self, lang: Lang = "en") -> str:
        return text(self.key, lang, **self.params)


#: key -> {language code: template}. Templates use ``str.format`` fields.
CATALOGUE: dict[str, dict[str, str]] = {}
#: key -> where it was defined (an area module, or a module using the old ``(en, zh)`` form).
ORIGIN: dict[str, str] = {}


def add(entries: Mapping[str, object], origin: str) -> None:
    """Register ``entries`` from ``origin``; a key may be defined in one place only.

    An entry is ``{"en": ..., "zh": ..., "zh-Hant": ...}``, or, in the old two-language form
    still accepted while other work lands, an ``(en, zh)`` pair.
    """
    for key, value in entries.items():
        if isinstance(value, tuple):
            en, zh = value
            value = {"en": en, "zh": zh}
        if not isinstance(value, Mapping):
            raise TypeError(f"{origin}: {key!r} must map language codes to texts")
        if key in CATALOGUE and ORIGIN[key] != origin:
            raise ValueError(f"{origin} redefines {key!r} (first defined in {ORIGIN[key]})")
        CATALOGUE[key] = {str(lang): str(template) for lang, template in value.items()}
        ORIGIN[key] = origin


def _load_words() -> None:
    from analytics.i18n import words

    for info in sorted(pkgutil.iter_modules(words.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"analytics.i18n.words.{info.name}")
        add(module.WORDS, f"analytics/i18n/words/{info.name}.py")


_load_words()


def has(key: str) -> bool:
    return key in CATALOGUE


#: ``[[nav.data]]`` inside a text is the text of another key: a message names a page by its menu
#: title, so the two can never disagree.
REFERENCE = re.compile(r"\[\[([a-z0-9_.]+)\]\]")


def template(key: str, lang: Lang) -> str | None:
    """The template of ``key`` in ``lang`` (following the language's fallback when missing), with
    references to other keys filled in."""
    found = _raw(key, lang)
    if found is None or "[[" not in found:
        return found
    return REFERENCE.sub(lambda m: _raw(m.group(1), lang) or m.group(0), found)


def _raw(key: str, lang: Lang) -> str | None:
    entry = CATALOGUE.get(key)
    if entry is None:
        return None
    code: Lang | None = lang if lang in LANGUAGES else "en"
    while code is not None:
        found = entry.get(code)
        if found:
            return found
        code = LANGUAGES[code].fallback
    return next(iter(entry.values()), None)


def texts(key: str) -> list[str]:
    """``key`` in every language (recognising a header or a stage name written in any of them)."""
    return [found for code in LANG_CODES if (found := template(key, code))]


def text(key: str, lang: Lang = "en", /, **params: object) -> str:
    """The text of ``key`` in ``lang`` with ``params`` filled in (``Key`` parameters translated).

    An unknown key comes back as itself, so a missing word shows as a visible key, never as a
    blank; the tests keep every used key in the catalogue.
    """
    found = template(key, lang)
    if found is None:
        return f"{key} {params}" if params else key
    if not params:
        return found
    filled = {name: _fill(value, lang) for name, value in params.items()}
    try:
        return found.format(**filled)
    except (KeyError, IndexError, ValueError):
        return found


def _fill(value: object, lang: Lang) -> object:
    if isinstance(value, Key):
        return value.text(lang)
    if isinstance(value, tuple) and value and all(isinstance(v, Key) for v in value):
        return join([v.text(lang) for v in value], lang)
    return value


def render(value: object, lang: Lang) -> str:
    """A cell of a result frame for display: a ``Key`` translated, anything else as it is."""
    if isinstance(value, Key):
        return value.text(lang)
    return "" if value is None else str(value)


def placeholders(template_text: str) -> set[str]:
    """The ``str.format`` field names of a template (for the catalogue's consistency test)."""
    names: set[str] = set()
    for _literal, name, _spec, _conversion in string.Formatter().parse(template_text):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return names


def myriad(lang: Lang) -> bool:
    """Whether ``lang`` groups large numbers by 万/亿 (the number-format rule of the language)."""
    return LANGUAGES[lang].myriad if lang in LANGUAGES else False


def inline(name: str, lang: Lang) -> str:
    """A label as it reads inside a sentence: ``Lead source`` → ``lead source`` in English."""
    return name.lower() if lang in LANGUAGES and LANGUAGES[lang].lower_inline else name


def join(items: list[str], lang: Lang) -> str:
    """A list in running text: ``a, b, c`` in English, ``a、b、c`` in Chinese."""
    return text("list.separator", lang).join(items)


# --- dates and periods: words from the catalogue, shared by the app, the report and the CLI ---------


def _month_params(d: date) -> dict[str, object]:
    return {"year": d.year, "month": d.month, "day": d.day,
            "month_short": text(f"month.short.{d.month}", "en"), "month_long": text(f"month.long.{d.month}", "en")}


def day_text(d: date, lang: Lang) -> str:
    """``30 Nov 2026`` / ``2026年11月30日``."""
    return text("format.day", lang, **_month_params(d))


def month_text(d: date, lang: Lang, *, long: bool = False) -> str:
    """``Nov 2026`` (``November 2026`` when ``long``) / ``2026年11月``."""
    return text("format.month_long" if long else "format.month", lang, **_month_params(d))


def period_text(period: Period, lang: Lang, *, long: bool = False) -> str:
    """A period's name: ``Nov 2026``, ``Q4 2026`` / ``2026年第4季度``, ``2026`` / ``2026年``, a range."""
    kind = period.kind
    if kind == "month":
        return month_text(period.start, lang, long=long)
    if kind == "quarter" and "Q" in period.key:
        return text("format.quarter", lang, quarter=period.key.split("Q")[-1], year=period.start.year)
    if kind == "year":
        return text("format.year", lang, year=period.start.year)
    if kind == "ytd":
        return text("format.ytd", lang, **_month_params(period.end) | {"year": period.start.year})
    return text("format.range", lang, start=day_text(period.start, lang), end=day_text(period.end, lang))
