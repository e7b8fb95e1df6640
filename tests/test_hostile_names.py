"""Hostile names (issue 17.4): every text field of the sample company carries markup, links,
maths, colour directives and spreadsheet formulas; every page (and the meeting's slides) is
walked in both languages, and every download path is checked.

What "escaped" means here:

- Markdown (titles, captions, notes, metric and widget labels): the payload's raw pieces never
  appear; escaped, they carry backslashes (``https\\:\\/\\/…``), which Markdown shows as the
  plain characters.
- Plotly: no figure sent to the browser contains a raw ``<a`` or the payload's ``<b>`` tag (user
  values are HTML entities there: ``&lt;a href…``).
- Downloads: no cell of a CSV, an XLSX or the report workbook starts with ``= + - @``.
"""

from __future__ import annotations

import io
import json
import re

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.outputs.export import to_csv_bytes, to_xlsx_bytes
from analytics.store import canonical
from analytics.store.sources import load_sample
from tests.conftest import ROOT
from tests.test_app import PAGES, assert_clean
from ui import context

LINK = '<a href="https://evil.example/x">Open CRM</a>'
PAYLOAD = f" {LINK} <b>B</b> **bold** :red[red] $x^2$ https://evil.example www.evil.example"
#: Raw pieces of the payload that must never reach Markdown as they are (escaped, each has a
#: backslash before its first mark).
MARKDOWN_RAW = ("<a href", "**bold**", ":red[", "$x^2$", "https://evil", "www.evil")
_UNESCAPED = [re.compile(r"(?<!\\)" + re.escape(raw)) for raw in MARKDOWN_RAW]
#: Raw pieces that must never reach a Plotly figure (its HTML subset).
PLOTLY_RAW = ("<a ", "<a\n", "<b>B</b>")
#: Columns that carry the product's own keys (stage names, statuses, periods), not free text.
KEYS = {"stage", "status", "lost_stage", "metric", "period"}
FORMULA_STARTS = "=+-@"


def hostile(value: object, column: str) -> object:
    """``value`` made hostile: starts like a formula (the trigger depends on the column's name) and
    ends with markup. The same value of a column always becomes the same text, so tables still join."""
    if not isinstance(value, str) or value == "":
        return value
    start = FORMULA_STARTS[sum(map(ord, column)) % len(FORMULA_STARTS)]
    return f"{start}{value}{PAYLOAD}"


def hostile_tables() -> dict[str, pd.DataFrame]:
    tables = {}
    for name, frame in load_sample().tables.items():
        frame = frame.copy()
        for column in frame.columns:
            if column in KEYS or not pd.api.types.is_string_dtype(frame[column]):
                continue
            frame[column] = frame[column].map(lambda v, c=column: hostile(v, c)).astype(frame[column].dtype)
        tables[name] = frame
    return tables


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return hostile_tables()


def upload(tables: dict[str, pd.DataFrame]) -> context.SessionUpload:
    return context.SessionUpload("session:hostile", canonical.connect(tables), [], ["hostile.xlsx"], tables)


def start(tables, query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in query.items():
        at.query_params[k] = v
    at.session_state["session_upload"] = upload(tables)
    return at.run()


def markdown_texts(at: AppTest) -> list[str]:
    """Every string the app hands to Markdown: bodies of text elements and widget/metric labels."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for kind in ("metric", "button", "toggle", "radio", "selectbox", "multiselect", "text_input", "text_area",
                 "checkbox", "number_input", "slider", "date_input", "expander", "tabs"):
        texts += [str(getattr(e, "label", "")) for e in getattr(at, kind)]
    return texts


def figures(at: AppTest) -> list[str]:
    """The JSON spec of every Plotly figure on the page (what the browser receives)."""
    return [e.proto.spec for e in at.get("plotly_chart")]


def problems(at: AppTest) -> list[str]:
    found = []
    for text in markdown_texts(at):
        for raw in _UNESCAPED:
            if raw.search(text):
                found.append(f"markdown {raw.pattern!r} in {text[:160]!r}")
    for spec in figures(at):
        for raw in PLOTLY_RAW:
            if raw in spec:
                i = spec.index(raw)
                found.append(f"plotly {raw!r} in …{spec[max(0, i - 80): i + 60]}…")
    return found


def test_the_hostile_sample_really_is_hostile(tables):
    rep = tables["deals"]["rep"].iloc[0]
    assert rep[0] in FORMULA_STARTS and LINK in rep
    assert tables["targets"]["rep"].dropna().isin(set(tables["deals"]["rep"])).all()  # still joins


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_names_as_text(tables, page, lang):
    at = start(tables, {"lang": lang})
    at.switch_page(f"pages/{page}.py").run()
    assert_clean(at)
    assert problems(at) == []
    if page in ("overview", "kpi_rewards", "segments", "funnel", "my_progress"):
        assert figures(at), "the page drew no chart: nothing was checked"
    if page in ("overview", "kpi_rewards", "segments"):  # their charts name reps, teams, segments
        assert any("&lt;a href" in spec for spec in figures(at)), "no hostile name reached a chart"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_meeting_slide_shows_hostile_names_as_text(tables, lang):
    at = start(tables, {"lang": lang, "meet": "1"})
    assert_clean(at)
    seen = set()
    for _ in range(12):
        title = at.title[0].value if at.title else ""
        if title in seen:
            break
        seen.add(title)
        assert problems(at) == [], title
        at.button(key="meeting_next").click().run()
        assert_clean(at)
    assert len(seen) >= 3
    # names shown and pay on: the leaderboard lists the real (hostile) names
    at = start(tables, {"lang": lang, "meet": "1", "slide": "2"})
    assert problems(at) == []


def test_the_customers_caption_and_rep_pages_escape_a_chosen_name(tables):
    """A customer and a rep picked in the page's own selector (their names go into captions)."""
    at = start(tables, {"lang": "en"})
    at.switch_page("pages/customers.py").run()
    for box in at.selectbox:
        if any(LINK in str(o) for o in box.options):
            box.set_value(box.options[-1]).run()
            assert_clean(at)
            assert problems(at) == []
    at.switch_page("pages/my_progress.py").run()
    assert problems(at) == []


def _cells(data: bytes, kind: str) -> list[str]:
    if kind == "csv":
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        return [*frame.columns, *frame.to_numpy().ravel().tolist()]
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _formulas(data: bytes, kind: str) -> list[str]:
    return [c for c in _cells(data, kind) if isinstance(c, str) and c[:1] and c[0] in FORMULA_STARTS and c != "-"]


@pytest.mark.parametrize("table", ["deals", "targets", "surveys", "activities", "peer_reviews"])
def test_table_downloads_neutralise_formula_cells(tables, table):
    frame = tables[table]
    assert any(isinstance(v, str) and v[:1] and v[0] in FORMULA_STARTS for v in frame.to_numpy().ravel())
    assert _formulas(to_csv_bytes(frame), "csv") == []
    assert _formulas(to_xlsx_bytes(frame), "xlsx") == []
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame)))
    assert not any(c.data_type == "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)


def test_the_report_workbook_neutralises_formula_cells(tables):
    from analytics.outputs.report import build_report_from_con
    from analytics.periods import parse_period
    from analytics.store.settings import DEFAULT_SETTINGS, register_stage_map

    con = canonical.connect(tables)
    register_stage_map(con, DEFAULT_SETTINGS)
    period = parse_period("2026-11")
    data = build_report_from_con(con, period, settings=DEFAULT_SETTINGS, lang="en", include_pay=True)
    assert _formulas(data, "xlsx") == []
    rep = tables["deals"]["rep"].iloc[0]
    data = build_report_from_con(con, period, settings=DEFAULT_SETTINGS, rep=rep, lang="zh", include_pay=True)
    cells = _cells(data, "xlsx")
    assert _formulas(data, "xlsx") == [] and any(LINK in c for c in cells)  # the name is there, as text


def test_the_dataframe_toolbar_download_is_off():
    """Streamlit's own "Download as CSV" writes cells as they are: it is switched off in the app's
    config, so the neutralising CSV/XLSX buttons are the only download of a table."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_escapers_neutralise_each_kind_of_markup():
    from ui.safe import md, plotly_text, safe_figure

    text = md(f"=A1{PAYLOAD}\n# heading\n- item a@b.co")
    assert not any(raw.search(text) for raw in _UNESCAPED)
    for raw in ("\n", "a@b", " # "):
        assert raw not in text
    assert text.replace("\\", "") == f"=A1{PAYLOAD} # heading - item a@b.co"  # nothing lost but the line breaks
    assert plotly_text(LINK) == '&lt;a href="https://evil.example/x"&gt;Open CRM&lt;/a&gt;'
    import plotly.graph_objects as go

    fig = safe_figure(go.Figure(go.Bar(y=[LINK, "&lt;a&gt; kept"], x=[1, 2], hovertemplate="%{y}<br>n<extra></extra>"),
                                layout={"title": {"text": f"<b>Title</b> {LINK}"}}))
    spec = json.dumps(fig.to_plotly_json())
    assert "<a " not in spec and "&lt;a href" in spec and "<br>n<extra></extra>" in spec and "<b>Title</b>" in spec
    assert "&lt;a&gt; kept" in spec  # already escaped text is not escaped twice
