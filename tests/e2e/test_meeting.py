"""Meeting mode in a real browser at 1920 × 1080: every slide in both languages, no sidebar and
no Streamlit header, the position indicator and the link follow the buttons, and the exit button
brings the app back. Screenshots of every slide go to ``artifacts/screenshots/meeting_*.png``."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import no_exception, shoot, wait_idle
from ui.meeting import SLIDES

pytestmark = pytest.mark.e2e

TITLES = {
    "en": ["Where we stand", "Attainment by team", "Sales funnel", "Won revenue by segment", "Leaderboard",
           "Pipeline changes"],
    "zh": ["业绩总览", "各团队达成率", "销售漏斗", "各细分市场赢单收入", "排行榜", "商机变化"],
}
NEXT = {"en": "Next", "zh": "下一页"}
EXIT = {"en": "Exit meeting mode", "zh": "退出会议模式"}


@pytest.fixture
def screen(browser):
    """A page the size of a meeting room's screen."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    pg = context.new_page()
    yield pg
    context.close()


def open_meeting(page, url: str) -> None:
    """Like ``open_page``, but the sidebar ``open_page`` waits for is hidden in meeting mode: wait
    for the meeting's own container instead."""
    page.goto(url)
    page.wait_for_selector(".st-key-meeting", timeout=60_000)
    wait_idle(page)
    # The first paint lazily loads a few components (and the meeting's style with them).
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)
    page.get_by_test_id("stSidebar").wait_for(state="hidden", timeout=30_000)


def position(page) -> str:
    return page.locator(".st-key-meeting-position").inner_text().strip()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_slide_on_the_big_screen(server, screen, lang):
    open_meeting(screen, f"{server['url']}/?meet=1&lang={lang}")
    for number, name in enumerate(SLIDES, start=1):
        no_exception(screen)
        assert not screen.get_by_test_id("stSidebar").is_visible()
        assert not screen.get_by_test_id("stHeader").is_visible()
        assert screen.get_by_test_id("stSidebarCollapsedControl").count() == 0 or not screen.get_by_test_id(
            "stSidebarCollapsedControl").is_visible()
        assert not screen.get_by_text("Sample company data").is_visible()  # the data banner is hidden
        assert position(screen) == f"{number} / {len(SLIDES)}"
        assert f"slide={number}" in screen.url and "meet=1" in screen.url
        heading = screen.locator(".st-key-meeting").get_by_test_id("stHeading").first.inner_text()
        assert TITLES[lang][number - 1] in heading
        assert (re.search(r"[\u4e00-\u9fff]", heading) is not None) == (lang == "zh")
        shoot(screen, f"meeting_{lang}_{number}_{name}")
        screen.get_by_role("button", name=NEXT[lang]).click()
        wait_idle(screen)
    assert position(screen) == f"1 / {len(SLIDES)}"  # after the last slide, the first again


def test_anonymous_names_and_exit(server, screen):
    open_meeting(screen, f"{server['url']}/?meet=1&lang=en&slide=5&anon=1")
    no_exception(screen)
    board = screen.locator(".st-key-meeting-board").inner_text()
    assert "Rep A" in board and "Chen Jing" not in board and "Payout" not in board
    shoot(screen, "meeting_en_leaderboard_anonymous")
    screen.get_by_role("button", name=EXIT["en"]).click()
    wait_idle(screen)
    screen.get_by_test_id("stSidebar").wait_for(state="visible", timeout=30_000)
    no_exception(screen)
    assert "meet=" not in screen.url and "slide=" not in screen.url
    assert screen.get_by_test_id("stSidebar").get_by_text("Meeting mode").is_visible()
