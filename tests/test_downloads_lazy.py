"""No page builds a download it was not asked for (issue 20).

Every page is rendered in-process with the functions that build download bytes replaced by
counting wrappers: a render must call none of them. Every download button must instead carry a
callable, which Streamlit runs on the click; calling the recorded callables afterwards must build
real files (neutralised CSV, readable XLSX), which shows the buttons still download the tables.
"""

from __future__ import annotations

import io
from collections import Counter

import openpyxl
import pytest
import streamlit
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

import analytics.ingest.templates as templates
import analytics.outputs.report as report
import ui.components as components
from analytics import i18n
from tests.fixtures import DEALS, assert_clean, start, upload
from tests.test_app import PAGES

#: (module, function name) of everything that turns a table into download bytes.
BUILDERS = [(components, "to_csv_bytes"), (components, "to_xlsx_bytes"), (templates, "template_xlsx"),
            (report, "build_report_from_con")]


@pytest.fixture
def recorded(monkeypatch):
    """(calls per builder, [(label, data) of every download button rendered])."""
    calls: Counter[str] = Counter()
    buttons: list[tuple[str, object]] = []
    for module, name in BUILDERS:
        real = getattr(module, name)

        def counting(*args, _real=real, _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    real_button = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        buttons.append((label, data))
        return real_button(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setattr(streamlit, "download_button",
                        lambda *a, **k: recording(streamlit._main, *a, **k))
    return calls, buttons


def test_rendering_every_page_builds_no_download(recorded):
    calls, buttons = recorded
    at = start({"lang": "en"})
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert_clean(at)
    # the Customers page with a customer picked, the Data page with rejected rows to download
    at.switch_page("pages/customers.py").run()
    upload(at, "deals.csv", DEALS)
    assert_clean(at)
    assert not calls, f"built while rendering: {dict(calls)}"
    labels = {label for label, _ in buttons}
    assert {"Download CSV", "Download Excel", "Monthly report (Excel)"} <= labels
    assert len(buttons) > 30
    # The plan file is the text already in memory (a few hundred bytes): nothing to build.
    plan_file = i18n.text("plan_editor.download", "en")
    eager = [label for label, data in buttons if not callable(data) and label != plan_file]
    assert not eager, f"buttons given bytes instead of a callable: {eager}"


def test_a_click_builds_the_file(recorded):
    calls, buttons = recorded
    at = start({"lang": "en"})
    upload(at, "deals.csv", DEALS)  # one rejected row: "-5" is neutralised in the download
    assert not calls
    csv_data = [data for label, data in buttons if label == "Download CSV"]
    xlsx_data = [data for label, data in buttons if label == "Download Excel"]
    assert csv_data and xlsx_data
    rejected_csv = csv_data[-1]().decode("utf-8-sig")
    assert calls["to_csv_bytes"] == 1
    assert "'-5" in rejected_csv  # the formula-like cell is still neutralised
    book = openpyxl.load_workbook(io.BytesIO(xlsx_data[-1]()))
    assert calls["to_xlsx_bytes"] == 1
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "'-5" in values


def test_a_very_large_table_comes_in_excel_parts_and_is_fetched_only_on_click(recorded):
    calls, buttons = recorded

    def script():
        import pandas as pd

        from ui.components import download_buttons

        fetched = []

        def everything():
            fetched.append(1)
            return pd.DataFrame({"n": range(250_001)})

        download_buttons(everything, "history", key="big", rows=250_001)
        import streamlit as st

        st.session_state["fetched"] = fetched

    at = AppTest.from_function(script, default_timeout=60).run()
    assert not at.exception
    assert at.session_state["fetched"] == []  # nothing fetched or built on render
    parts = at.selectbox(key="big:part")
    assert parts.options == ["rows 1–100,000", "rows 100,001–200,000", "rows 200,001–250,001"]
    parts.set_value(2).run()
    label, xlsx = buttons[-1]
    assert label == "Download Excel" and not calls
    book = openpyxl.load_workbook(io.BytesIO(xlsx()), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == ("n",) and rows[1] == (200_000,) and len(rows) == 1 + 50_001  # the third part
    assert at.session_state["fetched"] == [1]
