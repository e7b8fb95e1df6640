"""Segments & channels in the browser: clicking a bar filters the whole app (sidebar and link)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import open_page, shoot, wait_idle

pytestmark = pytest.mark.e2e


def test_clicking_a_bar_filters_the_app(server, page):
    open_page(page, f"{server['url']}/segments?lang=en")
    bars = page.locator(".js-plotly-plot").first.locator(".barlayer .point path")
    bars.first.wait_for(timeout=90_000)
    bars.last.click(force=True)  # the top bar: the largest segment
    segment = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Segment")
    segment.get_by_text("Enterprise").wait_for(timeout=90_000)
    wait_idle(page)
    assert "segment=Enterprise" in page.url
    shoot(page, "segments_clicked_filter")
