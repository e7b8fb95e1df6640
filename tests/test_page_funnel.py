"""The Funnel page in-process (AppTest) against the analytics it shows, and its figure builders.

Expected numbers are computed by calling ``analytics.metrics.funnel`` / ``analytics.metrics.performance``
directly on the same data, period, filters and settings the page used (read back from its
context), so a page that re-derives or mislabels a figure fails here. AppTest runs cost about
1–2 s each, so each page test checks several things of one session.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics.messages import Problem
from analytics.metrics.funnel import LOST_WITHOUT_STAGE, funnel, stage_deals
from analytics.metrics.performance import performance
from analytics.store.settings import register_stage_map
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import assert_clean, start, upload, visible_text
from ui.charts import NEUTRAL
from ui.charts import funnel as charts
from ui.i18n import t

LABELS = {"of_previous": "{pct} of previous", "of_first": "{pct} of first", "reached": "Deals reached",
          "axis": "Deals"}
STAGES = {"prospecting": "Prospecting", "communication": "Communication", "negotiation": "Negotiation",
          "contract": "Contract signed"}

# A session upload with one skipped stage and one lost deal without a stage of loss, all created
# in Nov 2026 (the default period, as SALES_TODAY is 2026-11-30):
#   A1 entered prospecting and negotiation, never communication (skipped a stage)
#   A2 prospecting → communication, still open
#   A3 lost, no lost stage, no stage dates (counts at the first stage only)
#   A4 won, through every stage
# Any-stage: prospecting 4; communication A1 A2 A4 = 3; negotiation A1 A4 = 2; contract A4 = 1.
# Strict:    prospecting 4; communication A2 A4 = 2 (A1 skipped it); negotiation A4 = 1; contract 1.
SKIP_DEALS = (
    b"Deal ID,Owner,Team,Customer,Stage,Amount,Close Date,Created Date,"
    b"Entered Prospecting,Entered Communication,Entered Negotiation\n"
    b"A1,Nia Park,North,Acme,Negotiation,1000,2026-12-20,2026-11-02,2026-11-02,,2026-11-10\n"
    b"A2,Nia Park,North,Acme,Communication,500,2026-12-20,2026-11-03,2026-11-03,2026-11-05,\n"
    b"A3,Nia Park,North,Birch,Closed Lost,700,2026-11-20,2026-11-04,,,\n"
    b"A4,Nia Park,North,Birch,Won,1200,2026-11-25,2026-11-05,2026-11-05,2026-11-08,2026-11-12\n"
)


def _funnel_page(query: dict[str, str] | None = None):
    at = start(query)
    at.switch_page("pages/funnel.py").run()
    assert_clean(at)
    return at


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _expected(at, **kwargs):
    """The analytics' funnel for the page's own data, period, filters and settings."""
    ctx = at.session_state["_context"]
    cur = ctx.con.cursor()
    register_stage_map(cur, ctx.settings)
    return funnel(cur, ctx.period, ctx.filters, ctx.settings, as_of=ctx.as_of, **kwargs), ctx


def _funnel_table(at) -> pd.DataFrame:
    """The funnel figures table the page shows (its expander under the chart)."""
    return next(df.value for df in at.dataframe if "conversion_from_previous" in df.value.columns)


# --- the page --------------------------------------------------------------------------------------

def test_first_stage_number_and_win_rate_equal_the_analytics():
    at = _funnel_page({"lang": "en"})
    assert "Sales funnel" in visible_text(at)
    result, ctx = _expected(at)
    assert ctx.period.key == "2026-11"
    entered = int(result.table["reached"].iloc[0])
    assert entered > 0
    assert _metric(at, "Deals entered") == f"{entered:,}"
    # the table under the chart: every stage, in the configured order, with the analytics' counts
    shown = _funnel_table(at)
    assert shown["stage"].tolist() == ["Prospecting", "Communication", "Negotiation", "Contract signed"]
    assert shown["reached"].tolist() == result.table["reached"].tolist()
    company = performance(ctx.con.cursor(), "company", ctx.period, ctx.filters, ctx.settings).iloc[0]
    assert _metric(at, "Win rate") == f"{company['win_rate'] * 100:.1f}%"


def test_page_opens_in_chinese():
    at = _funnel_page({"lang": "zh"})
    text = visible_text(at)
    assert "销售漏斗" in text and "进入漏斗的商机" in text
    assert "Sales funnel" not in text


def test_period_and_filter_changes_change_the_first_stage():
    at = _funnel_page()
    november = _metric(at, "Deals entered")
    at.sidebar.selectbox(key="p").set_value("2026-10").run()
    assert_clean(at)
    october, ctx = _expected(at)
    assert ctx.period.key == "2026-10"
    assert _metric(at, "Deals entered") == f"{int(october.table['reached'].iloc[0]):,}" != november
    at.sidebar.multiselect(key="team").set_value(["East"]).run()
    assert_clean(at)
    east, ctx = _expected(at)
    assert ctx.filters.team == ("East",)
    assert _metric(at, "Deals entered") == f"{int(east.table['reached'].iloc[0]):,}"
    assert int(east.table["reached"].iloc[0]) < int(october.table["reached"].iloc[0])


def test_strict_switch_changes_a_count_and_lost_deals_without_stage_are_explained():
    at = upload(start(), "deals.csv", SKIP_DEALS)
    at.switch_page("pages/funnel.py").run()
    assert_clean(at)
    assert _funnel_table(at)["reached"].tolist() == [4, 3, 2, 1]  # any stage, worked out above
    assert Problem(LOST_WITHOUT_STAGE, {"count": 1}).text("en") in [w.value for w in at.warning]  # A3
    at.segmented_control(key="fstrict").set_value("strict").run()
    assert_clean(at)
    assert _funnel_table(at)["reached"].tolist() == [4, 2, 1, 1]  # strict: A1 skipped communication
    assert at.query_params["fstrict"] == "strict"
    at.sidebar.selectbox(key="lang").set_value("zh").run()
    assert_clean(at)
    assert Problem(LOST_WITHOUT_STAGE, {"count": 1}).text("zh") in [w.value for w in at.warning]


def test_a_chosen_stage_lists_its_deals_with_the_filters_kept():
    at = _funnel_page()
    at.sidebar.multiselect(key="team").set_value(["West"]).run()
    at.selectbox(key="fstage").set_value("negotiation").run()
    assert_clean(at)
    ctx = at.session_state["_context"]
    cur = ctx.con.cursor()
    register_stage_map(cur, ctx.settings)
    expected = stage_deals(cur, ctx.period, ctx.filters, ctx.settings, "negotiation")
    assert len(expected) > 0
    shown = next(df.value for df in at.dataframe if "deal_id" in df.value.columns)
    assert shown["deal_id"].tolist() == expected["deal_id"].tolist()
    assert set(shown["team"]) == {"West"}
    assert at.query_params["fstage"] == "negotiation"


def test_switches_come_back_from_the_link_and_the_table_follows_the_dimension():
    at = _funnel_page({"fmode": "cohort", "fpct": "first", "fstrict": "strict", "fby": "segment",
                       "fview": "small"})
    assert at.segmented_control(key="fmode").value == "cohort"
    assert at.segmented_control(key="fpct").value == "first"
    assert at.segmented_control(key="fstrict").value == "strict"
    assert at.selectbox(key="fby").value == "segment"
    shown = _funnel_table(at)
    assert "created_month" in shown.columns and "too_young" in shown.columns  # one funnel per month
    ctx = at.session_state["_context"]
    expected = performance(ctx.con.cursor(), "segment", ctx.period, ctx.filters, ctx.settings)
    perf = next(df.value for df in at.dataframe if {"segment", "win_rate"} <= set(df.value.columns))
    assert perf["segment"].tolist() == expected["segment"].tolist()
    assert perf["win_rate"].tolist() == pytest.approx(expected["win_rate"].tolist(), nan_ok=True)


def test_without_deals_the_page_says_which_file_to_upload(_isolated_workspace):
    # the team's published data holds survey answers only: no deal at all
    surveys = pd.DataFrame({"date": [date(2026, 11, 2)], "customer": ["Acme"], "csat": [5.0]})
    Workspace(_isolated_workspace).publish([PublishItem("surveys", surveys, "surveys.csv", "h1")])
    at = _funnel_page({"lang": "en"})
    assert at.session_state["_catalog"].rows["deals"] == 0
    assert [i.value for i in at.info][-1] == t("funnel.no_deals", "en")
    at.sidebar.selectbox(key="lang").set_value("zh").run()
    assert_clean(at)
    assert [i.value for i in at.info][-1] == t("funnel.no_deals", "zh")


# --- figure builders --------------------------------------------------------------------------------

def _table(rows: list[tuple[str, int]]) -> pd.DataFrame:
    """A FunnelResult-like table from (stage, reached) with the percentages worked out."""
    reached = [r for _, r in rows]
    out = []
    for i, (stage, r) in enumerate(rows):
        out.append({"stage": stage, "reached": r,
                    "conversion_from_previous": r / reached[i - 1] if i else float("nan"),
                    "conversion_from_first": r / reached[0]})
    return pd.DataFrame(out)


def test_funnel_bars_keep_the_configured_stage_order_and_label_both_percentages():
    # rows arrive shuffled; 200 → 100 → 40 → 10: 50 % / 40 % / 25 % of previous, 50 / 20 / 5 % of first
    table = _table([("prospecting", 200), ("communication", 100), ("negotiation", 40), ("contract", 10)])
    fig = charts.funnel_bars(table.iloc[[2, 0, 3, 1]], STAGES, labels=LABELS)
    bar = fig.data[0]
    assert list(bar.y) == list(STAGES.values())
    assert list(bar.x) == [200, 100, 40, 10]
    assert bar.text[0] == "200 · 100.0% of first"  # the first stage has no previous
    assert bar.text[1] == "100 · <b>50.0% of previous</b> · 50.0% of first"
    assert bar.text[2] == "40 · <b>40.0% of previous</b> · 20.0% of first"
    assert bar.text[3] == "10 · <b>25.0% of previous</b> · 5.0% of first"
    assert [c[0] for c in bar.customdata] == list(STAGES)  # a click names the stage
    assert list(fig.layout.yaxis.categoryarray) == list(STAGES.values())


def test_funnel_bars_follow_a_custom_stage_order_and_emphasis():
    order = {"contract": "签订合同", "prospecting": "客户开拓"}  # a department's own order
    table = _table([("prospecting", 8), ("contract", 2)])
    fig = charts.funnel_bars(table, order, labels={**LABELS, "of_previous": "上一阶段的 {pct}",
                                                   "of_first": "第一阶段的 {pct}"}, emphasis="first",
                             selected="contract")
    bar = fig.data[0]
    assert list(bar.y) == ["签订合同", "客户开拓"]
    # 2 / 8 = 25 % of first and of previous; the emphasised one (first) comes first, in bold
    assert bar.text[0] == "2 · <b>第一阶段的 25.0%</b> · 上一阶段的 25.0%"
    assert bar.marker.color[0] == charts.SELECTED_COLOUR and bar.marker.color[1] == charts.FUNNEL_COLOUR


def test_compact_label_keeps_positions_with_a_dash_for_the_first_stage():
    row = {"reached": 53, "conversion_from_previous": float("nan"), "conversion_from_first": 1.0}
    assert charts.bar_label(row, labels=LABELS, compact=True) == "53 · <b>–</b> · 100%"
    row = {"reached": 31, "conversion_from_previous": 0.585, "conversion_from_first": 0.585}
    assert charts.bar_label(row, labels=LABELS, emphasis="first", compact=True) == "31 · <b>58%</b> · 58%"


def test_comparison_bars_one_trace_per_group_in_stage_order():
    east = _table([("prospecting", 10), ("communication", 5), ("negotiation", 1), ("contract", 1)])
    west = _table([("prospecting", 4), ("communication", 4), ("negotiation", 2), ("contract", 0)])
    table = pd.concat([east.assign(team="East"), west.assign(team="West")]).iloc[::-1]
    fig = charts.comparison_bars(table, "team", STAGES, labels=LABELS, pct="previous")
    assert [tr.name for tr in fig.data] == ["West", "East"]
    east_bar = next(tr for tr in fig.data if tr.name == "East")
    # % of previous has no value at the first stage, so that stage is left out
    assert list(east_bar.x) == ["Communication", "Negotiation", "Contract signed"]
    assert list(east_bar.y) == pytest.approx([0.5, 0.2, 1.0])  # 5/10, 1/5, 1/1
    first = charts.comparison_bars(table, "team", STAGES, labels=LABELS, pct="first")
    west_bar = next(tr for tr in first.data if tr.name == "West")
    assert list(west_bar.y) == pytest.approx([1.0, 1.0, 0.5, 0.0])  # 4/4, 4/4, 2/4, 0/4
    assert list(west_bar.text) == ["100% (4)", "100% (4)", "50% (2)", "0% (0)"]


def test_small_multiples_one_panel_per_group_with_young_months_grey():
    a = _table([("prospecting", 10), ("communication", 5), ("negotiation", 2), ("contract", 1)])
    table = pd.concat([a.assign(created_month="2026-10"), a.assign(created_month="2026-11")])
    fig = charts.funnel_small_multiples(table, "created_month", STAGES, labels=LABELS, muted=["2026-11"],
                                        group_label=lambda m: f"M {m}")
    assert len(fig.data) == 2
    assert [a.text for a in fig.layout.annotations] == ["M 2026-10", "M 2026-11"]
    assert list(fig.data[0].y) == list(STAGES.values())
    assert set(fig.data[0].marker.color) == {charts.FUNNEL_COLOUR}
    assert set(fig.data[1].marker.color) == {NEUTRAL}
    assert fig.data[1].customdata[0][1] == "2026-11"  # a click names the month too


def test_cohort_heatmap_rows_months_columns_stages_with_young_marked():
    rows = []
    for month, size, young in (("2026-10", 20, False), ("2026-11", 10, True)):
        for stage, reached in zip(STAGES, (size, size // 2, size // 5, size // 10), strict=True):
            rows.append({"created_month": month, "stage": stage, "reached": reached,
                         "share_of_cohort": reached / size, "too_young": young})
    frame = pd.DataFrame(rows).iloc[::-1]
    fig = charts.cohort_heatmap(frame, STAGES, month_label=lambda m: m, labels={"young": "⏳", "reached": "n"})
    heat = fig.data[0]
    assert list(heat.x) == list(STAGES.values())
    assert list(heat.y) == ["2026-10 · 20", "2026-11 · 10 ⏳"]
    # shares: 20 → 10, 4, 2 = 100 %, 50 %, 20 %, 10 %
    assert list(heat.z[0]) == pytest.approx([1.0, 0.5, 0.2, 0.1])
    assert list(heat.text[0]) == ["100%", "50%", "20%", "10%"]


def test_time_lost_and_coverage_figures():
    time = pd.DataFrame({"stage": ["negotiation", "prospecting"], "deals": [3, 5], "median_days": [7.0, 4.0],
                         "p75_days": [9.0, float("nan")]})
    fig = charts.time_in_stage_bars(time, STAGES,
                                    labels={"median": "Median", "p75": "P75", "days": "{days} d"})
    assert list(fig.data[0].y) == ["Prospecting", "Negotiation"]
    assert list(fig.data[0].text) == ["4 d", "7 d"] and list(fig.data[1].text) == ["", "9 d"]
    lost = pd.DataFrame({"lost_reason": ["Price", None], "deals": [3, 1], "amount": [30.0, 5.0],
                         "share": [0.75, 0.25]})
    fig = charts.lost_reason_bars(lost, labels={"none": "(no reason)"})
    assert list(fig.data[0].y) == ["Price", "(no reason)"]
    assert list(fig.data[0].text) == ["3 · 75.0%", "1 · 25.0%"]
    cov = pd.DataFrame({"rep": ["Ann", "Bob"], "won_customers": [4, 2], "followed_up": [4, 1],
                        "coverage": [1.0, 0.5]})
    fig = charts.coverage_bars(cov, labels={"none": "–"})
    assert list(fig.data[0].y) == ["Bob", "Ann"]  # lowest coverage first
    assert list(fig.data[0].text) == ["50% (1/2)", "100% (4/4)"]


def test_trend_line_leaves_gaps_for_months_without_a_value():
    fig = charts.trend_line(["2026-10", "2026-11"], [0.25, float("nan")], month_label=lambda m: m,
                            value_text=lambda v: f"{v:.0%}", name="Win rate", percent=True)
    assert list(fig.data[0].y) == [0.25, None]
    assert list(fig.data[0].text) == ["25%", ""]

