"""The one catalogue of words: every key in every language, the same placeholders in each, every
key used in the code present, and no language decided outside the catalogue."""

from __future__ import annotations

import re

from analytics import i18n
from analytics.i18n import CATALOGUE, LANG_CODES, ORIGIN, Key, placeholders
from tests.conftest import ROOT
from ui.i18n import t

_USE = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
_KEY = re.compile(r"""\bKey\(\s*["']([a-z0-9_.]+)["']""")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: Characters that exist only in the simplified script: a 繁體中文 text must not contain them.
_SIMPLIFIED_ONLY = set("这为们个来说时对会进发经与业务产开关东车长门问间让请认记设该写选传报单价数据规则则节级务团队")


def _sources() -> list:
    return [p for folder in ("pages", "ui", "analytics", "app.py") for p in
            ([ROOT / folder] if folder.endswith(".py") else sorted((ROOT / folder).rglob("*.py")))]


def test_every_key_has_every_language():
    missing = [f"{ORIGIN[key]}: {key} lacks {code}" for key, entry in CATALOGUE.items()
               for code in LANG_CODES if not str(entry.get(code, "")).strip()]
    assert not missing, "\n".join(missing[:40]) + "\n(run: python scripts/i18n.py absorb draft)"


#: Date formats are given every part of the date; each language picks the parts it writes.
_DATE_PARTS = {"day", "month", "year", "month_short", "month_long", "quarter", "start", "end"}


def test_placeholders_match_between_languages():
    wrong = []
    for key, entry in CATALOGUE.items():
        if key.startswith("format.") and all(placeholders(text) <= _DATE_PARTS | {"label", "note"}
                                            for text in entry.values()):
            continue
        expected = placeholders(entry.get("en", ""))
        for code in LANG_CODES:
            if placeholders(entry.get(code, "")) != expected:
                wrong.append(f"{key} [{code}]: {sorted(placeholders(entry.get(code, '')))} vs en {sorted(expected)}")
    assert not wrong, "\n".join(wrong)


def test_references_name_existing_keys():
    broken = [f"{key} [{code}]: [[{ref}]]" for key, entry in CATALOGUE.items() for code, text in entry.items()
              for ref in i18n.REFERENCE.findall(text) if ref not in CATALOGUE]
    assert not broken, broken


def test_each_language_is_written_in_its_own_script():
    for key, entry in CATALOGUE.items():
        if key.startswith("style."):  # a language's presentation values (CSS sizes), not words
            continue
        en = entry["en"]
        assert not _CJK.search(en) or key.startswith("app.") or "`" in en, f"{key}: Chinese in English text"
        for code in ("zh", "zh-Hant"):
            text = entry[code]
            words = re.sub(r"{[^}]*}|\[\[[^]]*\]\]", "", text)
            assert _CJK.search(text) or text == en or not re.search(r"[A-Za-z]{2}", words), \
                f"{key} [{code}]: no Chinese in {text!r}"
        leaked = _SIMPLIFIED_ONLY & set(entry["zh-Hant"])
        assert not leaked, f"{key}: simplified characters {sorted(leaked)} in 繁體中文 {entry['zh-Hant']!r}"


def test_reviewed_sales_terms_in_traditional_chinese():
    """The converter's draft was reviewed by hand; the sales words a Taiwanese team uses stay."""
    hant = {key: entry["zh-Hant"] for key, entry in CATALOGUE.items()}
    assert hant["nav.overview"] == "業績總覽"
    assert hant["dim.rep"] == "銷售代表" and hant["dim.customer"] == "客戶"
    assert hant["dim.channel"] == "通路" and hant["dim.segment"] == "市場區隔"
    assert "達成率" in hant["report.kf.attainment"]
    assert "商機" in hant["report.col.open_pipeline"]
    assert hant["report.cover.report"] == "報表"
    assert not any("渠道" in text or "示例" in text or "默認" in text for text in hant.values())


def test_every_key_used_in_the_code_exists():
    missing = []
    for path in _sources():
        source = path.read_text(encoding="utf-8")
        # The report's sheets call their own t(): ``report.<key>`` in the catalogue.
        prefix = "report." if "report" in path.parts else ""
        for key in [*_USE.findall(source), *_KEY.findall(source)]:
            if key not in CATALOGUE and f"{prefix}{key}" not in CATALOGUE:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, missing


def test_no_language_decided_outside_the_catalogue():
    """Adding a language touches only the catalogue and the language list: no code outside
    ``analytics/i18n`` asks which language it is, and no frame or schema carries en/zh columns."""
    branch = re.compile(r"""lang\s*[!=]=\s*["'](zh|en)|["'](zh|en)["']\s*if\b|_zh\b|label_en\b|description_en\b""")
    offenders = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in _sources() if "i18n" not in p.parts
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if branch.search(line) and "label_zh_hant" not in line and "``label_" not in line]
    assert not offenders, "\n".join(offenders)


def test_texts_fill_parameters_and_keys_in_each_language():
    assert t("no.such.key", "zh") == "no.such.key"
    assert [t("nav.overview", code) for code in LANG_CODES] == ["Overview", "业绩总览", "業績總覽"]
    problem = Key("missing_required", file="t.csv", table=Key("table.targets"),
                  missing=(Key("column.target"),), found="a, b", first="target")
    assert "targets" not in problem.text("zh") and "目标表" in problem.text("zh")
    assert "目標表" in problem.text("zh-Hant")


def test_messages_name_pages_by_their_menu_title():
    for code in LANG_CODES:
        assert t("nav.data", code) in t("banner.sample", code)
    assert "探索" not in "".join(entry["zh"] for entry in CATALOGUE.values())


def test_a_language_missing_at_run_time_falls_back_along_the_list():
    i18n.add({"test.only_old_form": ("Old", "旧")}, origin="tests/test_i18n.py")
    try:
        assert t("test.only_old_form", "zh-Hant") == "旧"
    finally:
        del CATALOGUE["test.only_old_form"], ORIGIN["test.only_old_form"]


def test_stage_names_from_a_file_are_named_in_the_readers_language():
    from analytics.store.settings import DEFAULT_SETTINGS

    assert DEFAULT_SETTINGS.stage_name("Prospecting", "zh") == "客户开拓"
    assert DEFAULT_SETTINGS.stage_name("Closed Won", "zh-Hant") == "簽訂合約"
    assert DEFAULT_SETTINGS.stage_name("Closed Lost", "zh") == "输单"
    assert DEFAULT_SETTINGS.stage_name("Custom step", "zh") == "Custom step"  # not a stage: the file's word


def test_my_progress_names_stages_in_chinese():
    """The open deals table once showed the file's "Negotiation" on a Chinese screen."""
    from tests.fixtures import assert_clean, start

    at = start({"lang": "zh-Hant", "me": "David Kim"})
    at.switch_page("pages/my_progress.py").run()
    assert_clean(at)
    deal, stage = t("my_progress.col.deal", "zh-Hant"), t("dim.stage", "zh-Hant")
    from analytics.store.settings import DEFAULT_SETTINGS

    names = {s.label("zh-Hant") for s in DEFAULT_SETTINGS.stages}
    shown = [v for df in at.dataframe if deal in df.value.columns and stage in df.value.columns
             for v in df.value[stage].tolist()]
    assert shown and set(shown) <= names, shown  # e.g. 銷售談判, never the file's Negotiation or 客户沟通


def test_no_emoji_in_any_text():
    """An emoji is an empty box on a machine without an emoji font: pages use Material icons."""
    emoji = re.compile("[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")
    found = [f"{key} [{code}]: {text}" for key, entry in CATALOGUE.items() for code, text in entry.items()
             if emoji.search(text)]
    found += [f"{path.relative_to(ROOT)}:{n}" for path in _sources()
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if emoji.search(line)]
    assert not found, found


def test_chinese_cards_shrink_their_figure_to_the_card_english_keeps_its_size():
    """``165.1万美元`` was cut to ``165.1万…`` on five cards at 1,400 px (seen in a screenshot)."""
    from ui.i18n import card_css

    assert "font-size: 2.25rem;" in card_css("en")  # Streamlit's own size
    for lang in ("zh", "zh-Hant"):
        assert "container-type: inline-size" in card_css(lang) and "cqi);" in card_css(lang)
