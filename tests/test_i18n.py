"""The translation catalogue: every key has English and Chinese, every key used exists."""

from __future__ import annotations

import re

from analytics import messages
from tests.conftest import ROOT
from ui.i18n import TEXT, t

_USE = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _sources() -> list:
    return [p for folder in ("pages", "ui", "app.py") for p in
            ([ROOT / folder] if folder.endswith(".py") else sorted((ROOT / folder).rglob("*.py")))]


def test_every_entry_has_both_languages():
    for key, (en, zh) in TEXT.items():
        assert en.strip(), f"{key}: English missing"
        assert zh.strip(), f"{key}: Chinese missing"
        assert not _CJK.search(en) or key.startswith("app.") or "`" in en, f"{key}: Chinese in English text"
        words = re.sub(r"{[^}]*}", "", zh)  # a template of placeholders and symbols needs no Chinese
        assert _CJK.search(zh) or zh == en or not re.search(r"[A-Za-z]", words), \
            f"{key}: Chinese text has no Chinese"


def test_every_library_message_has_both_languages():
    import analytics.ingest.importer  # noqa: F401
    import analytics.metrics.payouts  # noqa: F401
    import analytics.metrics.plan  # noqa: F401
    import analytics.outputs.cli  # noqa: F401 - registers its messages
    import analytics.store.sources  # noqa: F401

    for code, texts in messages.CATALOGUE.items():
        assert texts.get("en", "").strip() and texts.get("zh", "").strip(), code
        assert _CJK.search(texts["zh"]), f"{code}: Chinese text has no Chinese"


def test_every_key_used_in_the_app_exists():
    missing = []
    for path in _sources():
        for key in _USE.findall(path.read_text(encoding="utf-8")):
            if key not in TEXT and key not in messages.CATALOGUE:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, missing


def test_placeholders_match_between_languages():
    for key, (en, zh) in TEXT.items():
        assert set(re.findall(r"{(\w+)", en)) == set(re.findall(r"{(\w+)", zh)), key


def test_missing_key_falls_back_to_the_key_itself():
    assert t("no.such.key", "zh") == "no.such.key"
    assert t("nav.overview", "zh") == "业绩总览" and t("nav.overview", "en") == "Overview"
