"""Table downloads in the real app: the bytes are built on the click (a deferred ``data``
callable), and what arrives is the table, neutralised, in both formats."""

from __future__ import annotations

import csv
import io

from tests.e2e.conftest import open_page, wait_idle


def test_a_table_downloads_on_click_as_csv_and_excel(server, page, tmp_path):
    from openpyxl import load_workbook

    open_page(page, f"{server['url']}/customers?lang=en")
    buttons = page.get_by_test_id("stDownloadButton")
    with page.expect_download(timeout=90_000) as info:
        buttons.filter(has_text="Download CSV").first.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert len(rows) > 1 and rows[0][0] == "customer"
    with page.expect_download(timeout=90_000) as info:
        buttons.filter(has_text="Download Excel").first.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    book = load_workbook(path, read_only=True)
    assert next(book.active.iter_rows(max_row=1, values_only=True))[0] == "customer"
    wait_idle(page)  # the click did not rerun the page into an error
    assert page.get_by_test_id("stException").count() == 0
