"""Pipeline changes in a real browser (issue 15): the meeting's slide and the Data page's dated
series, in English and Chinese, with screenshots in ``artifacts/screenshots/changes_*.png``."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import no_exception, open_page, shoot, wait_idle
from tests.e2e.test_meeting import open_meeting
from tests.test_page_data_series import week

pytestmark = pytest.mark.e2e

WORDS = {"en": ("Pipeline changes", "created", "Dated series", "No date for"),
         "zh": ("商机变化", "新建", "按日期的系列导出", "没有日期")}


@pytest.fixture
def screen(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_meeting_slide(server, screen, lang):
    open_meeting(screen, f"{server['url']}/?meet=1&lang={lang}&slide=6")
    no_exception(screen)
    title, created, _tab, _no_date = WORDS[lang]
    assert screen.locator(".st-key-meeting").get_by_test_id("stHeading").first.inner_text().strip() == title
    assert created in screen.locator(".st-key-meeting-changes-line").inner_text()
    screen.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    shoot(screen, f"changes_meeting_slide_{lang}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_data_page_series(server, page, tmp_path, lang):
    files = []
    for name, data in (("deals_2026-11-02.csv", week(1)), ("deals_09.11.2026.csv", week(2)),
                       ("deals_week3.csv", week(3))):
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    open_page(page, f"{server['url']}/data?lang={lang}")
    _title, _created, tab, no_date = WORDS[lang]
    page.get_by_role("tab", name=tab).click()
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").nth(1).set_input_files(files)
    page.get_by_text(no_date).first.wait_for(timeout=60_000)
    wait_idle(page)
    no_exception(page)
    shoot(page, f"changes_data_series_{lang}")
