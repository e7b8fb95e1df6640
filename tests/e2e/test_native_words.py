"""Every word native: each page, opened at its own address, and each meeting slide, read in
简体中文 and 繁體中文 as a user sees them in the browser.

Fails on a visible Latin word outside a short allow-list (brand names, units, acronyms a Chinese
sales team uses as they are, and the user's own data values), on the replacement glyph, on an
emoji in text (it is tofu on a machine without an emoji font: pages use Material icons), and on
Streamlit's "Page not found" dialog. Screenshots of every page in both scripts go to
``artifacts/native/`` for a person to look at.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests.e2e.conftest import ROOT, no_exception, open_page, wait_idle
from ui.meeting import SLIDES

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "artifacts" / "native"
LANGS = ("zh", "zh-Hant")

#: Words a Chinese screen may show as they are: names of products and formats, units, acronyms.
ALLOWED = {
    "csv", "excel", "xlsx", "xls", "xlsm", "json", "yaml", "sql", "png", "pdf", "html", "utf", "bom",
    "gbk", "gb", "kpi", "csat", "nps", "roi", "id", "usd", "cny", "rmb", "mb", "kb", "ok", "vs",
    "python", "analytics", "duckdb", "select", "salesforce", "hubspot", "pipedrive", "zoho", "odoo",
    "txt", "tsv", "yml", "latin",  # file formats and encodings (Latin-1)
    "crm", "sales", "performance",  # the brand in the logo: "Sales Performance"
    "language", "english",  # the language picker is labelled in every language; languages by their own name
    "n",  # a count of responses, n = 3
    "q", "m", "k", "b",  # quarters (Q4) and compact amounts on chart axes are the currency helper's
}
#: Canonical column names that the Data and Explore pages show beside their translated names
#: (they are what a file's header or a SQL query uses).
COLUMN_COLUMNS = ("stage", "status")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
EMOJI = re.compile("[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")

#: The page's visible text as a reader sees it (``innerText``: no hidden elements), without the
#: Material icons' ligature names (``translate="no"``, drawn as icons), code spans and blocks (SQL,
#: file headers, commands) and the keyboard-only "Skip to main content" link. Chart labels are SVG
#: text drawn side by side: each is kept a word of its own. Run after the screenshot: it edits the page.
VISIBLE_TEXT = """() => {
    const root = document.body;  // dialogs (such as "Page not found") live outside the app's container
    root.querySelectorAll('[translate="no"], code, pre, [data-testid="stSkipToContent"]')
        .forEach(e => { e.style.display = 'none'; });
    root.querySelectorAll('svg text').forEach(e => { e.textContent = ' ' + e.textContent + ' '; });
    return root.innerText;
}"""


def _url_paths() -> list[str]:
    """Every page's own address, read from ``PAGES`` in app.py."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            pages = ast.literal_eval(node.value)
            return [url for section in pages.values() for _path, _title, _icon, url in section]
    raise AssertionError("app.py has no PAGES")


def _data_words() -> set[str]:
    """Latin words of the sample company's own values (names, customers, products, notes) and of
    the default commission plan's name; stage and status are not among them: the app names those
    in the reader's language."""
    plan = yaml.safe_load((ROOT / "data" / "commission_plan.yaml").read_text(encoding="utf-8"))
    words: set[str] = {w.lower() for w in LATIN_WORD.findall(str(plan.get("name", "")))}
    for path in sorted((ROOT / "data" / "sample").glob("*.csv")):
        frame = pd.read_csv(path, dtype="str")
        for column in frame.columns:
            if column in ("stage", "status", "lost_stage"):
                continue
            for value in frame[column].dropna().unique():
                words.update(w.lower() for w in LATIN_WORD.findall(value))
    return words


DATA_WORDS = _data_words()


def foreign_words(text: str) -> list[str]:
    return sorted({w for w in LATIN_WORD.findall(text)
                   if w.lower() not in ALLOWED and w.lower() not in DATA_WORDS})


def check_native(page, where: str) -> None:
    text = page.evaluate(VISIBLE_TEXT)
    assert "Page not found" not in text and "找不到" not in text, f"{where}: the page's address is not found"
    assert "\ufffd" not in text, f"{where}: replacement glyph (a character the font cannot show)"
    emoji = sorted(set(EMOJI.findall(text)))
    assert not emoji, f"{where}: emoji in text {emoji} (tofu without an emoji font; use a Material icon)"
    latin = foreign_words(text)
    assert not latin, f"{where}: English words on a Chinese screen: {latin}"


def shoot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.wait_for_timeout(1500)  # Plotly draws after the script has finished
    page.screenshot(path=str(path))
    return path


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_at_its_own_address_speaks_chinese(server, page, lang):
    for url_path in _url_paths():
        open_page(page, f"{server['url']}/{url_path}?lang={lang}")
        no_exception(page)
        assert f"/{url_path}" in page.url or url_path == "overview", (url_path, page.url)
        shoot(page, f"{url_path}_{lang}")
        check_native(page, f"/{url_path} [{lang}]")


@pytest.mark.parametrize("lang", LANGS)
def test_every_meeting_slide_speaks_chinese(server, browser, lang):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    screen = context.new_page()
    try:
        for number, name in enumerate(SLIDES, start=1):
            screen.goto(f"{server['url']}/?meet=1&slide={number}&lang={lang}")
            screen.wait_for_selector(".st-key-meeting", timeout=90_000)
            wait_idle(screen)
            no_exception(screen)
            shoot(screen, f"meeting_{number}_{name}_{lang}")
            check_native(screen, f"meeting slide {name} [{lang}]")
    finally:
        context.close()


def test_the_uploader_speaks_chinese(server, page):
    """Streamlit's own file-uploader words ("Drag and drop", "Limit 200MB per file", "Browse
    files") are replaced by the app's caption in the reader's language."""
    open_page(page, f"{server['url']}/data?lang=zh-Hant")
    dropzone = page.get_by_test_id("stFileUploaderDropzone").first
    dropzone.wait_for(timeout=60_000)
    page.evaluate(VISIBLE_TEXT)  # hides the icons' ligature names, as a reader sees them
    shown = dropzone.evaluate("e => e.innerText")
    assert not foreign_words(shown), shown
    ours = dropzone.evaluate("""e => [
        getComputedStyle(e.querySelector('button [data-testid="stMarkdownContainer"]'), '::after').content,
        getComputedStyle(e.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] > div'),
                         '::after').content]""")
    assert ours == ['"上傳"', '"每個檔案最大 1024 MB"'], ours


def test_a_browser_in_traditional_chinese_opens_in_traditional_chinese(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="zh-TW")
    pg = context.new_page()
    try:
        open_page(pg, f"{server['url']}/funnel")
        assert "業績總覽" in pg.get_by_test_id("stSidebar").inner_text()
    finally:
        context.close()
