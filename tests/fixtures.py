"""Helpers the page tests share: the app in-process (AppTest), what a user reads on it, and a
small deals upload. Test files import these from here, never from one another."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

#: Two deals of a rep the sample does not know: one loads, the negative amount is rejected.
DEALS = (b"Deal ID,Owner,Team,Stage,Amount,Close Date,Created Date\n"
         b"N1,Nia Park,North,Won,1000,2026-11-02,2026-10-01\n"
         b"N2,Nia Park,North,Won,-5,2026-11-03,2026-10-01\n")


def start(query: dict[str, str] | None = None) -> AppTest:
    """The app run once, with ``query`` as its URL parameters."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def visible_text(at: AppTest) -> str:
    """Titles, texts, notes and widget labels of the main area and sidebar (not data values)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("multiselect", "selectbox", "metric", "button", "toggle", "radio"):
        parts += [str(e.label) for e in getattr(at, kind) if not str(e.label).startswith("Language / ")]
    # `code` spans show input examples such as `2026年11月30日` in either language.
    return re.sub(r"`[^`]*`", "", " ".join(parts))


def assert_clean(at: AppTest) -> None:
    """No exception and no error box on the page."""
    assert not at.exception, [e.message for e in at.exception]
    errors = [e.value for e in at.error]
    assert not errors, errors


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    """``data`` uploaded as ``name`` through the Data page (this session only)."""
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="uploader").set_value([(name, data, "text/csv")]).run()
    return at


__all__ = ["DEALS", "ROOT", "assert_clean", "start", "upload", "visible_text"]
