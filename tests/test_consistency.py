"""The same figure on every surface: for the sample company, one period and one set of filters,
the pages (AppTest), the report workbook (read back with openpyxl) and the CLI (``--format json``)
show equal cards, rep attainment, win rate and payouts.

The report is built from the page's own context, exactly as its download button builds it; the
CLI runs in-process on the same sample. Numbers in the workbook and in the JSON are compared
exactly (to float noise); a page's card is compared with the page's formatter applied to the
CLI's number, and a page's table with its raw values.
"""

from __future__ import annotations

import io
import json
import math

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from analytics.outputs import cli
from analytics.outputs.report import build_report_from_con, label
from analytics.store.settings import register_stage_map
from analytics.store.workspace import Workspace
from tests.fixtures import assert_clean, start
from ui import format as fmt
from ui.i18n import t

PERIOD = "2026-11"
AS_OF = "2026-11-30"  # the day the conftest's SALES_TODAY makes the app's as-of
# no filter, and a team filter (the CLI's --team-filter, the app's ?team=)
CASES = {"all": {}, "east": {"team": "East"}}


def run_cli(capsys, *args: str, filters: dict[str, str]) -> list[dict]:
    """The command's JSON rows, run in-process on the data a user with no files gets (the sample)."""
    argv = ["--format", "json", *args, "--period", PERIOD, "--as-of", AS_OF]
    for dim, value in filters.items():
        argv += [f"--{dim}-filter", value]
    capsys.readouterr()
    assert cli.main(argv) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def near(a: object, b: object) -> bool:
    """Equal numbers (to float noise), or both missing (None/NaN)."""
    missing_a = a is None or (isinstance(a, float) and math.isnan(a))
    missing_b = b is None or (isinstance(b, float) and math.isnan(b))
    if missing_a or missing_b:
        return missing_a and missing_b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)  # type: ignore[arg-type]


def report_for(at, *, include_pay: bool):
    """The department report the page's download button would build, read back with openpyxl."""
    ctx = at.session_state["_context"]
    cur = ctx.source.con.cursor()
    register_stage_map(cur, ctx.settings)
    data = build_report_from_con(cur, ctx.period, settings=ctx.settings, lang="en", include_pay=include_pay,
                                 as_of=ctx.as_of, filters=ctx.filters, source=ctx.source.kind,
                                 version=ctx.source.version)
    return load_workbook(io.BytesIO(data))


def cover_figures(book) -> dict[object, object]:
    ws = book[label("sheet.cover", "en")]
    values: dict[object, object] = {}
    for r in range(1, ws.max_row + 1):  # the first row with a label (the contents list repeats names)
        values.setdefault(ws.cell(r, 1).value, ws.cell(r, 2).value)
    return values


def sheet_table(book, sheet_key: str, first_header_key: str) -> list[dict[str, object]]:
    """Rows of the table whose header row starts with the label ``first_header_key``, keyed by label."""
    ws = book[label(sheet_key, "en")]
    first = label(first_header_key, "en")
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first)
    names = [ws.cell(header, c).value for c in range(1, ws.max_column + 1)]
    rows, r = [], header + 1
    while ws.cell(r, 1).value not in (None, "") and not isinstance(ws.cell(r, 2), MergedCell):
        rows.append({n: ws.cell(r, c + 1).value for c, n in enumerate(names) if n})
        r += 1
    return rows


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def open_page(page: str, filters: dict[str, str]):
    at = start({"p": PERIOD, "lang": "en", **filters})
    at.switch_page(page).run()
    assert_clean(at)
    return at


@pytest.mark.parametrize("case", list(CASES))
def test_cards_rep_attainment_and_win_rate_agree_on_every_surface(case, capsys):
    filters = CASES[case]
    company = run_cli(capsys, "attainment", "--by", "company", filters=filters)[0]
    reps = {r["rep"]: r for r in run_cli(capsys, "attainment", "--by", "rep", filters=filters)}
    performance = run_cli(capsys, "performance", "--by", "company", filters=filters)[0]

    overview = open_page("pages/overview.py", filters)
    cards = metrics(overview)
    money = lambda x: fmt.money(x, "USD", "en")  # noqa: E731 - the Overview's own card format
    assert cards[t("overview.card.actual", "en")] == money(company["actual"])
    assert cards[t("overview.card.target", "en")] == money(company["target"])
    assert cards[t("overview.card.attainment", "en")] == fmt.pct(company["attainment"])
    assert cards[t("overview.card.forecast", "en")] == money(company["forecast"])

    # rep attainment: the Overview's rep table, the report's Attainment sheet, the CLI
    table = next(d.value for d in overview.dataframe if t("dim.rep", "en") in d.value.columns)
    page_reps = dict(zip(table[t("dim.rep", "en")], table[t("overview.col.attainment", "en")], strict=True))
    book = report_for(overview, include_pay=False)
    sheet_reps = {r[label("col.name", "en")]: r[label("col.attainment", "en")]
                  for r in sheet_table(book, "sheet.attainment", "level")
                  if r[label("level", "en")] == label("level.rep", "en")}
    assert set(page_reps) == set(sheet_reps) == set(reps) and len(reps) > 1
    for rep, row in reps.items():
        assert near(page_reps[rep], row["attainment"]), rep
        assert near(sheet_reps[rep], row["attainment"]), rep

    # the cover's key figures and the CLI
    cover = cover_figures(book)
    for key, column in (("kf.actual", "actual"), ("kf.target", "target"), ("kf.attainment", "attainment"),
                        ("kf.forecast", "forecast")):
        assert near(cover[label(key, "en")], company[column]), key

    # win rate: the report's cover, the CLI's performance and the Funnel page's card
    assert near(cover[label("kf.win_rate", "en")], performance["win_rate"])
    assert 0 < performance["win_rate"] < 1
    funnel = open_page("pages/funnel.py", filters)
    assert metrics(funnel)[t("funnel.card.win_rate", "en")] == fmt.pct(performance["win_rate"])


@pytest.mark.parametrize("case", list(CASES))
def test_payouts_agree_on_every_surface(case, capsys):
    filters = CASES[case]
    lines = run_cli(capsys, "rewards", filters=filters)
    cli_totals = {r["rep"]: r["amount"] for r in lines if r["kind"] == "total"}

    at = open_page("pages/kpi_rewards.py", filters)
    page = next(d.value for d in at.dataframe if "team_share" in d.value.columns)
    page_totals = dict(zip(page["rep"], page["total"], strict=True))
    cost = sum(page_totals.values())
    assert metrics(at)[t("kpi_rewards.card.cost", "en")] == fmt.money(cost, "USD", "en", compact=False)

    book = report_for(at, include_pay=True)
    rows = sheet_table(book, "sheet.payouts", "col.rep")
    report_totals = {r[label("col.rep", "en")]: r[label("col.total", "en")] for r in rows}
    report_cost = report_totals.pop(label("col.total", "en"))  # the department's total row

    assert set(cli_totals) == set(page_totals) == set(report_totals) and len(cli_totals) > 1
    assert sum(1 for v in cli_totals.values() if v > 0) > 1  # some pay to compare, not only zeros
    for rep, total in cli_totals.items():
        assert near(page_totals[rep], total), rep
        assert near(report_totals[rep], total), rep
    assert near(report_cost, cost)


def test_an_invalid_saved_plan_means_no_pay_on_every_surface(_isolated_workspace, capsys):
    Workspace(_isolated_workspace).plan_path.write_text(
        "name: Broken\nmode: sometimes\ntiers:\n  - {from: 0.0, rate: 0.03}\n", encoding="utf-8")
    invalid = "the plan in use has errors, so no pay is worked out"

    # the page: says so, and no payout table or cost
    at = open_page("pages/kpi_rewards.py", {})
    assert invalid in " ".join(w.value for w in at.warning).replace("\\", "")
    assert not any("team_share" in d.value.columns for d in at.dataframe)
    assert metrics(at)[t("kpi_rewards.card.cost", "en")] == "–"

    # the report: the Payouts sheet says so and lists nobody's pay
    book = report_for(at, include_pay=True)
    ws = book[label("sheet.payouts", "en")]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert invalid in text and "mode" in text
    assert label("col.total", "en") not in [ws.cell(r, 7).value for r in range(1, ws.max_row + 1)]

    # the CLI: exit 2, the same message, no rows
    capsys.readouterr()
    assert cli.main(["--format", "json", "rewards", "--period", PERIOD]) == 2
    out = capsys.readouterr()
    assert invalid in out.err and out.out == ""
