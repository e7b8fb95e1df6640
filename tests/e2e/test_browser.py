"""What a user sees: every page opens in both languages, a filter changes a number, the language
switch changes the labels, and an upload goes from mapping to publish to another browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import dataset
from tests.e2e.conftest import no_exception, open_page, shoot, wait_idle

pytestmark = pytest.mark.e2e

# The default page (Overview) is served at the root.
PAGES = ["", "my_progress", "funnel", "segments", "kpi_rewards", "customers", "data", "explore",
         "settings"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_opens(server, page, lang):
    for path in PAGES:
        open_page(page, f"{server['url']}/{path}?lang={lang}")
        no_exception(page)
        body = page.get_by_test_id("stMain").inner_text()
        has_chinese = re.search(r"[\u4e00-\u9fff]", body) is not None
        assert has_chinese == (lang == "zh") or lang == "zh", (path, lang)
        shoot(page, f"page_{path or 'overview'}_{lang}")


def _sidebar_multiselect(page, label: str):
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)


def test_language_switch_changes_labels(server, page):
    open_page(page, f"{server['url']}/")
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Team", exact=True).first.wait_for(timeout=90_000)
    sidebar.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="简体中文").click()
    page.wait_for_function("() => document.body.innerText.includes('团队')")
    wait_idle(page)
    assert "lang=zh" in page.url
    assert sidebar.get_by_text("团队", exact=True).count() >= 1
    shoot(page, "language_switched_zh")


def test_filter_lives_in_the_link(server, page, browser):
    open_page(page, f"{server['url']}/data?team=East&p=2026-10")
    chips = _sidebar_multiselect(page, "Team").inner_text()
    assert "East" in chips
    other = browser.new_context(viewport={"width": 1400, "height": 1200}).new_page()
    open_page(other, page.url)
    assert "East" in _sidebar_multiselect(other, "Team").inner_text()
    assert "team=East" in other.url and "p=2026-10" in other.url
    other.context.close()


@pytest.mark.real_data
def test_upload_map_publish_and_see_it_elsewhere(server, page, browser):
    maven = dataset("maven-crm/sales_pipeline.csv")
    open_page(page, f"{server['url']}/data")
    shoot(page, "upload_0_sample")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(maven))  # the Upload tab's (Dated series has its own)
    page.get_by_text("8,800", exact=False).first.wait_for(timeout=90_000)
    wait_idle(page)
    no_exception(page)
    text = page.get_by_test_id("stMain").inner_text()
    assert "Rows read" in text and "8,800" in text
    assert "Your uploaded files" in page.content()
    shoot(page, "upload_1_report")

    # Map a column by hand: "account" is not used as the customer any more; then used again.
    select = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("account", exact=True))
    box = page.get_by_role("combobox", name="account")
    select.click()
    page.get_by_role("option", name="(not used)").click()
    expect(box).to_have_value("(not used)", timeout=60_000)
    wait_idle(page)
    shoot(page, "upload_2_mapping_changed")
    select.click()
    page.get_by_role("option", name="Customer · customer").click()
    expect(box).to_have_value("Customer · customer", timeout=60_000)
    wait_idle(page)

    page.get_by_role("button", name="Publish to team").click()
    page.get_by_text("Published as version 1").wait_for(timeout=60_000)
    wait_idle(page)
    shoot(page, "upload_3_published")

    other = browser.new_context(viewport={"width": 1400, "height": 1600}).new_page()
    open_page(other, f"{server['url']}/data?lang=zh")
    body = other.get_by_test_id("stMain").inner_text()
    assert "团队数据" in body and "版本 1" in body
    reps = other.get_by_test_id("stSidebar").inner_text()
    assert "示例" not in body
    shoot(other, "upload_4_other_browser_zh")
    other.context.close()
    del reps
    # The server is shared by the whole browser suite: back to the sample company for the others.
    for leftover in server["workspace"].glob("workspace.duckdb*"):
        leftover.unlink()


def test_report_downloads_in_one_click(server, page, tmp_path):
    from openpyxl import load_workbook

    open_page(page, f"{server['url']}/?lang=zh&p=2026-11")
    with page.expect_download(timeout=90_000) as info:
        page.get_by_role("button", name="月度报告（Excel）").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    book = load_workbook(path)
    assert len(book.sheetnames) >= 5 and not any("Payout" in n or "奖金" in n for n in book.sheetnames)
    shoot(page, "report_downloaded_zh")
