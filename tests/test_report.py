"""The monthly report workbook (issue 9): cells checked against the analytics results.

Two kinds of fixture: the sample company for November 2026 (every cell compared with what the
analytics modules return for that month, in English and in Chinese), and a two-rep company
whose figures were worked out by hand (with a rep called ``=HYPERLINK(...)``).
"""

from __future__ import annotations

import io
import math
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from analytics.i18n import CATALOGUE
from analytics.messages import InputError
from analytics.metrics.attainment import attainment, decomposition_check
from analytics.metrics.funnel import funnel
from analytics.metrics.kpi import kpi_scores
from analytics.metrics.payouts import payouts
from analytics.metrics.performance import performance
from analytics.metrics.plan import default_plan
from analytics.metrics.satisfaction import collaboration, satisfaction
from analytics.outputs import cli
from analytics.outputs.export import display_width
from analytics.outputs.report import build_report, build_report_from_con, label, report_file_name
from analytics.periods import parse_period
from analytics.store import canonical, snapshots
from analytics.store.settings import DEFAULT_SETTINGS, register_stage_map
from analytics.store.sources import load_sample

NOV = parse_period("2026-11")
AS_OF = date(2026, 11, 30)
SHEETS = ("cover", "attainment", "pace", "funnel", "segments", "satisfaction")
EVIL_REP = '=HYPERLINK("http://evil.example","click")'
EVIL_CUSTOMER = "+cmd|' /C calc'!A0"


# --- helpers -------------------------------------------------------------------------------------

def open_book(data: bytes):
    return load_workbook(io.BytesIO(data))


def sheet(book, key: str, lang: str = "en"):
    return book[label(f"sheet.{key}", lang)]


def table(ws, first_header: str, lang: str = "en") -> list[dict[str, object]]:
    """The rows of the table whose header row starts with ``first_header`` (a label key), keyed by
    header label key (``col.actual`` …), up to the first row with an empty first cell."""
    text = label(first_header, lang)
    header_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text)
    keys = [k.removeprefix("report.") for k in CATALOGUE if k.startswith("report.")]
    by_text = {label(k, lang): k for k in keys if k.startswith("col.") or k == "level"}
    keys = [by_text.get(ws.cell(header_row, c).value) for c in range(1, ws.max_column + 1)]
    rows = []
    r = header_row + 1
    # a table ends at an empty row or at the note merged across the columns below it
    while ws.cell(r, 1).value not in (None, "") and not isinstance(ws.cell(r, 2), MergedCell):
        rows.append({k: ws.cell(r, c + 1) for c, k in enumerate(keys) if k})
        r += 1
    return rows


def pick(rows: list[dict], level: str, name: str, lang: str = "en") -> dict:
    hits = [r for r in rows if r["level"].value == label(f"level.{level}", lang) and r["col.name"].value == name]
    assert len(hits) == 1, (level, name)
    return hits[0]


def close(cell_value: object, expected: object) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)) or expected is pd.NA:
        return cell_value is None
    return cell_value is not None and math.isclose(float(cell_value), float(expected), rel_tol=1e-9, abs_tol=1e-9)


def all_cells(book):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            yield from row


# --- the sample company, November 2026 ----------------------------------------------------------

@pytest.fixture(scope="module")
def sample():
    loaded = load_sample()
    con = loaded.connect()
    register_stage_map(con, DEFAULT_SETTINGS)
    snapshots.sample_history(con, snapshots.sample_history_end(con))  # as the app holds them
    kw = {"settings": DEFAULT_SETTINGS, "as_of": AS_OF}
    books = {
        # through the Loaded entry point the CLI uses
        "en": build_report(loaded, NOV, rep=None, lang="en", include_pay=False, **kw),
        "zh": build_report_from_con(con, NOV, rep=None, lang="zh", include_pay=True, **kw),
        "rep": build_report_from_con(con, NOV, rep="Chen Jing", lang="en", include_pay=True, **kw),
    }
    return loaded, con, {k: open_book(v) for k, v in books.items()}


@pytest.fixture(scope="module")
def expected(sample):
    _loaded, con, _books = sample
    kw = {"as_of": AS_OF, "settings": DEFAULT_SETTINGS}
    reps = attainment(con, NOV, "rep", **kw)
    teams = attainment(con, NOV, "team", **kw)
    sat_reps = satisfaction(con, "rep", NOV)
    return {
        "company": attainment(con, NOV, "company", **kw),
        "teams": teams,
        "reps": reps,
        "sat": satisfaction(con, None, NOV),
        "sat_reps": sat_reps,
        "kpi": kpi_scores(reps, sat_reps, collaboration(con, NOV), DEFAULT_SETTINGS.kpi_weights),
        "funnel": funnel(con, NOV, settings=DEFAULT_SETTINGS).table,
        "segment": performance(con, "segment", NOV),
        "channel": performance(con, "channel", NOV),
        "pay": payouts(default_plan(), reps, teams, sat_reps, NOV),
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_sheet_exists_in_the_chosen_language(sample, lang):
    book = sample[2][lang]
    names = [label(f"sheet.{k}", lang) for k in SHEETS]
    assert book.sheetnames[:len(SHEETS)] == names
    if lang == "zh":
        assert book.sheetnames == [*names, "商机变化", "提成与奖金"]  # changes: a department's report; pay asked for
        assert sheet(book, "attainment", "zh").cell(4, 1).value == "层级"
        assert sheet(book, "cover", "zh").cell(1, 1).value == "月度销售报告"


def test_department_report_without_pay_has_no_payout_sheet(sample):
    book = sample[2]["en"]
    assert label("sheet.payouts", "en") not in book.sheetnames
    texts = [str(c.value) for c in all_cells(book) if isinstance(c.value, str)]
    assert not any("commission" in t.lower() for t in texts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_attainment_sheet_equals_the_analytics(sample, expected, lang):
    book = sample[2][lang]
    rows = table(sheet(book, "attainment", lang), "level", lang)
    company = expected["company"].iloc[0]
    # sample, Nov 2026: target 1,399,000, actual 1,650,845 -> 118.0 %
    assert company["target"] == 1_399_000 and company["actual"] == 1_650_845
    got = pick(rows, "company", label("company", lang), lang)
    for key, col in (("col.target", "target"), ("col.actual", "actual"), ("col.attainment", "attainment"),
                     ("col.gap", "gap"), ("col.forecast", "forecast")):
        assert close(got[key].value, company[col]), key
    assert got["col.pace"].value == label(f"status.{company['pace_status']}", lang)
    for team in expected["teams"].itertuples(index=False):
        got = pick(rows, "team", team.team, lang)
        assert close(got["col.target"].value, team.target) and close(got["col.actual"].value, team.actual)
        assert close(got["col.attainment"].value, team.attainment), team.team
        assert close(got["col.gap"].value, team.gap) and close(got["col.forecast"].value, team.forecast)
    for rep in expected["reps"].itertuples(index=False):
        got = pick(rows, "rep", rep.rep, lang)
        assert got["col.team"].value == rep.team
        assert close(got["col.attainment"].value, rep.attainment) and close(got["col.actual"].value, rep.actual)
        assert got["col.pace"].value == label(f"status.{rep.pace_status}", lang)
        assert close(got["col.deals_needed"].value, rep.deals_needed)
    assert len(rows) == 1 + len(expected["teams"]) + len(expected["reps"])
    # formats: fractions as 0.0 %, money with the currency symbol
    assert got["col.attainment"].number_format == "0.0%"
    # the sample company is in US dollars: "$" in English, 美元 after the number in Chinese
    assert got["col.actual"].number_format == ('#,##0"美元";-#,##0"美元"' if lang == "zh" else '"$"#,##0;-"$"#,##0')


def test_traffic_lights_follow_the_pace_column_mid_month(sample):
    loaded, con, _books = sample
    as_of = date(2026, 11, 10)  # 10 of 30 days: a third of the target expected
    book = open_book(build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, as_of=as_of))
    ws = sheet(book, "attainment")
    icons = next(r for cf in ws.conditional_formatting for r in cf.rules if r.type == "iconSet").iconSet
    red_below, amber_below = (float(v.val) for v in icons.cfvo[1:])
    # red below 0.8 x 1/3 = 0.2667 (far behind), amber below 0.95 x 1/3 = 0.3167 (behind), green from there
    assert (red_below, amber_below) == (pytest.approx(0.8 / 3, abs=1e-6), pytest.approx(0.95 / 3, abs=1e-6))
    reps = attainment(con, NOV, "rep", as_of=as_of)
    for r in reps.to_dict("records"):
        if not math.isnan(r["target"]):
            assert (r["attainment"] < amber_below) == (r["pace_status"] == "behind"), r["rep"]


def test_attainment_sheet_has_conditional_formatting_and_a_chart(sample):
    ws = sheet(sample[2]["en"], "attainment")
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    assert {r.type for r in rules} == {"dataBar", "iconSet"}
    icons = next(r for r in rules if r.type == "iconSet").iconSet
    assert icons.iconSet == "3TrafficLights1"
    # as of 30 Nov the whole month has elapsed: amber from 0.8 x 1, green from 0.95 x 1
    assert [float(v.val) for v in icons.cfvo] == [0, 0.8, 0.95]
    ranges = {str(cf.sqref) for cf in ws.conditional_formatting}
    assert ranges == {"F5:F20"}  # the attainment column: company, 3 teams, 12 reps on rows 5-20
    assert len(ws._charts) == 1


def test_cover_key_figures(sample, expected):
    ws = sheet(sample[2]["en"], "cover")
    values: dict[object, object] = {}
    for r in range(1, ws.max_row + 1):  # the first row with a label (the contents list repeats sheet names)
        values.setdefault(ws.cell(r, 1).value, ws.cell(r, 2))
    company, sat = expected["company"].iloc[0], expected["sat"].iloc[0]
    assert close(values[label("kf.actual", "en")].value, company["actual"])
    assert close(values[label("kf.target", "en")].value, company["target"])
    assert close(values[label("kf.attainment", "en")].value, company["attainment"])
    assert close(values[label("kf.forecast", "en")].value, company["forecast"])
    assert close(values[label("kf.win_rate", "en")].value, company["win_rate"])
    # sample Nov 2026: 19 csat responses, 15 scoring 4-5 -> 0.789...; nps (8 - 4) / 18 x 100 = 22.2
    assert close(values[label("kf.csat", "en")].value, sat["csat"]) and round(sat["csat"], 4) == 0.7895
    assert close(values[label("kf.nps", "en")].value, sat["nps"]) and round(sat["nps"], 1) == 22.2
    # coverage is NaN once the target is met: blank, never 0
    assert values[label("kf.coverage", "en")].value is None
    assert values[label("cover.as_of", "en")].number_format == "yyyy-mm-dd"
    assert values[label("cover.as_of", "en")].value.date() == AS_OF


def test_funnel_segments_and_kpi_sheets(sample, expected):
    book = sample[2]["en"]
    funnel_rows = table(sheet(book, "funnel"), "col.stage")
    assert [r["col.reached"].value for r in funnel_rows] == expected["funnel"]["reached"].tolist()
    assert [r["col.stage"].value for r in funnel_rows] == [DEFAULT_SETTINGS.stage(k).label("en") for k in expected["funnel"]["stage"]]
    seg_rows = table(sheet(book, "segments"), "col.dimension")
    for dim in ("segment", "channel"):
        frame = expected[dim]
        got = [r for r in seg_rows if r["col.dimension"].value == label(f"dim.{dim}", "en")]
        assert [r["col.name"].value for r in got] == frame[dim].tolist()
        assert all(close(r["col.won_revenue"].value, v) for r, v in zip(got, frame["won_revenue"], strict=True))
        assert all(close(r["col.win_rate"].value, v) for r, v in zip(got, frame["win_rate"], strict=True))
    kpi_rows = table(sheet(book, "satisfaction"), "level")
    for k in expected["kpi"].itertuples(index=False):
        got = pick(kpi_rows, "rep", k.rep)
        assert close(got["col.kpi"].value, k.kpi_score) and got["col.rank"].value == k.rank
    for s in expected["sat_reps"].itertuples(index=False):
        assert close(pick(kpi_rows, "rep", s.rep)["col.csat"].value, s.csat)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_native_charts_exist(sample, lang):
    book = sample[2][lang]
    counts = {k: len(sheet(book, k, lang)._charts) for k in SHEETS}
    # attainment by rep; cumulative line + monthly bars; funnel bars; segment + channel bars; KPI bars
    assert counts == {"cover": 0, "attainment": 1, "pace": 2, "funnel": 1, "segments": 2, "satisfaction": 1}
    pace = sheet(book, "pace", lang)
    assert {type(c).__name__ for c in pace._charts} == {"LineChart", "BarChart"}


@pytest.mark.parametrize("key", ["en", "zh", "rep"])
def test_print_setup_freeze_and_no_formulas(sample, key):
    book = sample[2][key]
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        if ws.title != label("sheet.cover", "zh" if key == "zh" else "en"):
            assert ws.freeze_panes == "A5", ws.title  # the first table's header (row 4) stays in view
    assert not [c.coordinate for c in all_cells(book) if c.data_type == "f"]


def test_column_widths_count_chinese_characters_double(sample):
    ws = sheet(sample[2]["zh"], "attainment", "zh")
    header = "差额（目标 − 实际）"  # 8 wide characters (with the full-width brackets) x 2 + 3 narrow = 19
    assert display_width(header) == 19
    col = next(c for c in range(1, ws.max_column + 1) if ws.cell(4, c).value == header)
    assert ws.column_dimensions[ws.cell(4, col).column_letter].width >= 19  # len() would say 11


def test_payouts_in_the_department_report_when_asked(sample, expected):
    ws = sheet(sample[2]["zh"], "payouts", "zh")
    rows = table(ws, "col.rep", "zh")
    totals = expected["pay"].totals
    by_rep = {r["col.rep"].value: r for r in rows}
    for t in totals.itertuples(index=False):
        assert close(by_rep[t.rep]["col.total"].value, t.total)
    # the director's cost: sum of every rep's total
    assert close(by_rep["合计"]["col.total"].value, round(expected["pay"].total_cost, 2))


def test_rep_report_shows_only_that_rep(sample, expected):
    book = sample[2]["rep"]
    assert book.sheetnames[-1] == label("sheet.payouts", "en")
    ws = sheet(book, "payouts")
    totals = table(ws, "col.rep")  # the totals table comes first
    mine = expected["pay"].totals.set_index("rep").loc["Chen Jing"]
    # sample: 80,800 x 3 % + 20,200 x 5 % + 100,940 x 8 % = 11,509.20 commission + 1,500 team share
    assert mine["total"] == pytest.approx(13_009.20)
    assert len(totals) == 1 and close(totals[0]["col.total"].value, mine["total"])
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == label("col.working", "en"))
    lines = [[ws.cell(r, c).value for c in (1, 4)] for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value]
    pay = expected["pay"].lines
    assert lines == [["Chen Jing", pytest.approx(a)] for a in pay.loc[pay["rep"] == "Chen Jing", "amount"]]
    # no other rep's name anywhere in the workbook, so never their pay either
    others = set(expected["reps"]["rep"]) - {"Chen Jing"}
    texts = " ".join(str(c.value) for c in all_cells(book) if isinstance(c.value, str))
    assert not [name for name in others if name in texts]
    # the rep's own figures
    rows = table(sheet(book, "attainment"), "level")
    me = expected["reps"].set_index("rep").loc["Chen Jing"]
    assert len(rows) == 1 and close(rows[0]["col.attainment"].value, me["attainment"])
    assert close(rows[0]["col.deals_needed"].value, me["deals_needed"])


def test_cli_writes_the_report(sample, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "load_default", lambda settings=None: sample[0])  # the sample, loaded once
    out = tmp_path / "r.xlsx"
    assert cli.main(["report", "--period", "2026-11", "--as-of", "2026-11-30", "--out", str(out)]) == 0
    book = open_book(out.read_bytes())
    assert book.sheetnames == [label(f"sheet.{k}", "en") for k in (*SHEETS, "changes")]


def test_unknown_rep_is_a_readable_error(sample):
    with pytest.raises(InputError) as err:
        build_report_from_con(sample[1], NOV, settings=DEFAULT_SETTINGS, rep="Nobody", lang="zh",
                              include_pay=True, as_of=AS_OF)
    assert "Nobody" in err.value.text("zh") and "销售代表" in err.value.text("zh")


# --- a small company worked out by hand -----------------------------------------------------------

def hand_company():
    def deal(deal_id, rep, status, amount, close_date, stage, customer="Acme"):
        return dict(deal_id=deal_id, rep=rep, team="North", status=status, amount=amount, close_date=close_date,
                    created_date="2026-11-01", stage=stage, customer=customer, segment="SMB", channel="Direct",
                    currency="CNY")

    deals = [deal("D1", EVIL_REP, "won", 80_000, "2026-11-10", "Won"),
             deal("D2", EVIL_REP, "won", 40_000, "2026-11-20", "Won"),
             deal("D3", "Bob", "won", 20_000, "2026-11-15", "Won"),
             deal("D4", EVIL_REP, "open", 10_000, "2026-11-25", "Negotiation", customer=EVIL_CUSTOMER),
             deal("D5", "Bob", "open", 30_000, "2026-11-28", "Negotiation"),
             deal("D6", "Bob", "lost", 10_000, "2026-11-05", "Lost")]
    targets = [dict(period="2026-11", period_start=NOV.start, period_end=NOV.end, rep=rep, team="North",
                    metric="revenue", target=value) for rep, value in ((EVIL_REP, 100_000), ("Bob", 50_000))]
    targets.append(dict(period="2026-11", period_start=NOV.start, period_end=NOV.end, rep=None, team="North",
                        metric="revenue", target=160_000))
    for row in targets:
        row["currency"] = "CNY"
    return canonical.connect({"deals": pd.DataFrame(deals), "targets": pd.DataFrame(targets)})


def test_hand_worked_company_and_a_formula_looking_rep_name():
    con = hand_company()
    data = build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, rep=None, lang="en", include_pay=True,
                                 as_of=AS_OF)
    book = open_book(data)
    rows = table(sheet(book, "attainment"), "level")
    evil = pick(rows, "rep", "'" + EVIL_REP)  # stored as text with the apostrophe, never as a formula
    assert evil["col.name"].data_type == "s"
    # 80,000 + 40,000 won against 100,000 -> 1.2; open 10,000 x 0.6 (negotiation) -> forecast 126,000
    assert evil["col.actual"].value == 120_000 and evil["col.attainment"].value == pytest.approx(1.2)
    assert evil["col.forecast"].value == pytest.approx(126_000)
    bob = pick(rows, "rep", "Bob")  # 20,000 / 50,000 = 0.4, behind; gap 30,000
    assert bob["col.attainment"].value == pytest.approx(0.4) and bob["col.gap"].value == 30_000
    assert bob["col.pace"].value == label("status.behind", "en")
    # the team's explicit target (160,000) wins over its reps' 150,000: 140,000 / 160,000 = 0.875
    north = pick(rows, "team", "North")
    assert north["col.target"].value == 160_000 and north["col.attainment"].value == pytest.approx(0.875)
    company = pick(rows, "company", label("company", "en"))
    assert company["col.target"].value == 160_000 and company["col.actual"].value == 140_000
    # forecast 140,000 + 10,000 x 0.6 + 30,000 x 0.6 = 164,000
    assert company["col.forecast"].value == pytest.approx(164_000)
    assert decomposition_check(con, NOV)["difference"].tolist() == [10_000]
    texts = [str(c.value) for c in all_cells(book) if isinstance(c.value, str)]
    # the decomposition note, in the data's yuan
    assert any("¥160,000" in t and "¥150,000" in t and "¥10,000" in t for t in texts)
    assert company["col.actual"].number_format == '"¥"#,##0;-"¥"#,##0'
    # win rate: 3 won / (3 won + 1 lost) = 0.75
    cover = sheet(book, "cover")
    win = next(r for r in range(1, cover.max_row + 1) if cover.cell(r, 1).value == label("kf.win_rate", "en"))
    assert cover.cell(win, 2).value == pytest.approx(0.75)
    assert not [c.coordinate for c in all_cells(book) if c.data_type == "f"]


def test_hand_worked_rep_report_neutralises_names_and_shows_own_pay():
    con = hand_company()
    data = build_report_from_con(con, NOV, settings=DEFAULT_SETTINGS, rep=EVIL_REP, lang="zh", include_pay=True,
                                 as_of=AS_OF)
    book = open_book(data)
    cover = sheet(book, "cover", "zh")
    rep_row = next(r for r in range(1, cover.max_row + 1) if cover.cell(r, 1).value == "销售代表")
    assert cover.cell(rep_row, 2).value == "'" + EVIL_REP and cover.cell(rep_row, 2).data_type == "s"
    customers = [c for c in all_cells(book) if isinstance(c.value, str) and "calc" in c.value]
    assert [c.value for c in customers] == ["'" + EVIL_CUSTOMER]  # the open deal's customer, as text
    pay = table(sheet(book, "payouts", "zh"), "col.rep", "zh")
    # default plan, attainment 1.2: 80,000 x 3 % + 20,000 x 5 % + 20,000 x 8 % = 2,400 + 1,000 + 1,600 = 5,000;
    # team North 140,000 < 160,000: no team share; Bob (0.4, below the 50 % threshold) is not shown
    assert len(pay) == 1 and pay[0]["col.total"].value == pytest.approx(5_000)
    assert not [c for c in all_cells(book) if c.value == "Bob"]
    assert not [c.coordinate for c in all_cells(book) if c.data_type == "f"]


def test_report_file_name():
    assert report_file_name(NOV) == "sales_report_2026-11.xlsx"
    assert report_file_name(NOV, "Chen Jing") == "sales_report_2026-11_Chen_Jing.xlsx"
    assert "/" not in report_file_name(NOV, "../../etc/passwd") and report_file_name(NOV, "王伟").endswith("王伟.xlsx")


def test_report_leaves_satisfaction_out_on_too_few_responses(sample):
    """Issue 13.1: the report judges on the same evidence as the page (Settings.min_responses)."""
    kpi_rows = table(sheet(sample[2]["en"], "satisfaction"), "level")
    zhang = pick(kpi_rows, "rep", "Zhang Wei")  # 4 CSAT responses in November, fewer than 5
    assert zhang["col.satisfaction_score"].value is None
    assert "fewer than 5 CSAT responses: too few to judge, satisfaction left out of the KPI score" in \
        zhang["col.note"].value
    assert "no data" not in zhang["col.note"].value
    sarah = pick(kpi_rows, "rep", "Sarah Miller")  # 5 responses: judged, 100 %
    assert sarah["col.satisfaction_score"].value == 100
