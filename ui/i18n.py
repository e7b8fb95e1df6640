"""One translation function for the whole app: ``t(key, **params)``.

The words live in the one catalogue, ``analytics.i18n`` (``analytics/i18n/words/<area>.py``), shared
with the command line and the report. This module only knows the session's language. Blocks still
written in the old ``(en, zh)`` form in ``ui/texts/<page>.py`` are read too, until
``scripts/i18n.py absorb`` moves them into the catalogue.
"""

from __future__ import annotations

import importlib
import pkgutil

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from analytics import i18n
from analytics.i18n import LANGUAGES, Key, Lang, parse_lang

__all__ = ["LANGS", "Key", "Lang", "current_lang", "t"]

#: code -> the language's own name, for the picker.
LANGS: dict[str, str] = {code: language.name for code, language in LANGUAGES.items()}


def _read_old_page_blocks() -> None:
    from ui import texts

    for info in pkgutil.iter_modules(texts.__path__):
        block = importlib.import_module(f"ui.texts.{info.name}").TEXT
        i18n.add(block, origin=f"ui/texts/{info.name}.py")


_read_old_page_blocks()

_last_lang: Lang = "en"


def current_lang() -> Lang:
    """The session's language. Outside a script run (AppTest calls a widget's format_func from
    the test thread) there is no session: the language of the last run is used."""
    global _last_lang
    if get_script_run_ctx(suppress_warning=True) is None:
        return _last_lang
    lang = parse_lang(st.session_state.get("lang"))
    _last_lang = lang
    return lang


def t(key: str | Key, lang: Lang | None = None, **params: object) -> str:
    """The text of ``key`` (or of a ``Key`` carried by the library) in the current language."""
    lang = lang or current_lang()
    if isinstance(key, Key):
        return key.text(lang)
    return i18n.text(key, lang, **params)


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes and line breaks escaped)."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\\n\r<>' else ch for ch in text)
    return f'"{escaped}"'


def native_uploader_css(lang: Lang, max_mb: int) -> str:
    """Streamlit's file uploader writes its own English ("Upload", "200MB per file • CSV, …") and
    has no option to translate it. This style hides those words and shows ours, from the catalogue,
    in their place (the accepted file types are already in each uploader's own label)."""
    button = _css_string(t("upload.button", lang))
    limit = _css_string(t("upload.limit", lang, size=max_mb))
    zone = '[data-testid="stFileUploaderDropzone"]'
    return f"""<style>
{zone} button [data-testid="stMarkdownContainer"] p {{ display: none; }}
{zone} button [data-testid="stMarkdownContainer"]::after {{ content: {button}; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{ content: {limit}; font-size: 0.875rem; opacity: 0.7; }}
</style>"""



def card_css(lang: Lang) -> str:
    """Chinese names the currency after the number (``165.1万美元``): three wide characters more
    than ``$1.65M``, which a card of five in a row cut to ``165.1万…`` on a laptop. The size of a
    card's figure is the language's own (the catalogue's ``style.card_figure_size``): in Chinese
    it shrinks with the card (container units) down to what fits; English keeps Streamlit's size.
    Meeting mode sets its own, larger size."""
    size = t("style.card_figure_size", lang)
    return f"""<style>
[data-testid="stMetric"] {{ container-type: inline-size; }}
[data-testid="stMetricValue"] {{ font-size: {size}; }}
</style>"""
