"""The Segments & channels page (AppTest) and its figure builders (``ui/charts/segments.py``).

Expected figures come from calling analytics directly on the sample company; the pinned day is
2026-11-30, so the page opens on November 2026.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.performance import lead_source_roi, performance
from analytics.periods import month_period
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import assert_clean, start, visible_text
from ui import format as fmt
from ui.charts import BAD, GOOD, NEUTRAL
from ui.charts import segments as charts
from ui.i18n import t

NOV = month_period(date(2026, 11, 1))
OCT = month_period(date(2026, 10, 1))


@pytest.fixture(scope="module")
def con():
    return load_sample().connect()


def open_page(query: dict[str, str] | None = None):
    at = start(query)
    at.switch_page("pages/segments.py").run()
    assert_clean(at)
    return at


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def table(at, first_column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if list(d.value.columns)[0] == first_column)


# --- the page ------------------------------------------------------------------------------------

def test_opens_in_chinese():
    at = open_page({"lang": "zh"})
    assert at.title[0].value == t("segments.title", "zh")
    text = visible_text(at)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert t("segments.promotion", "zh") in [s.value for s in at.subheader]
    # the Chinese view opens the Chinese sample, in yuan: 万元, never "$"
    assert "$" not in metric(at, "赢单收入") and metric(at, "赢单收入").endswith("万元")


def test_figures_equal_analytics_and_follow_period_and_filters(con):
    at = open_page({"lang": "en"})
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in visible_text(at))
    subheaders = [s.value for s in at.subheader]
    assert {"Won revenue by segment", "Segment × channel", "What promotion returns, by lead source",
            "Revenue concentration", "New and returning customers", "Market share by segment"} <= set(subheaders)
    # cards and the "all figures" table are analytics' numbers
    company = performance(con, "company", NOV).iloc[0]
    assert metric(at, "Won revenue") == fmt.money(company["won_revenue"], "USD", "en")
    assert metric(at, "Win rate") == fmt.pct(company["win_rate"])
    expected = performance(con, "segment", NOV)
    shown = table(at, "Segment")
    assert shown["Segment"].tolist() == expected["segment"].tolist()
    assert shown["Won revenue"].tolist() == pytest.approx(expected["won_revenue"].tolist())
    assert shown["Change vs last year"].tolist() == pytest.approx(expected["change_last_year"].tolist(),
                                                                  nan_ok=True)
    assert metric(at, "Largest segment") == expected["segment"].iloc[0]
    # the promotion table is lead_source_roi; a source without campaign cost reads "–" and is named
    roi = lead_source_roi(con, NOV)
    promo = table(at, "Lead source")
    assert promo["Lead source"].tolist() == roi["lead_source"].tolist()
    assert promo["Leads"].tolist() == roi["leads"].tolist()
    assert promo["Conversion"].tolist() == pytest.approx(roi["conversion"].tolist())
    missing = roi.loc[roi["cost"].isna(), "lead_source"].tolist()
    assert missing and all(promo.loc[promo["Lead source"] == s, "Cost"].iloc[0] == "–" for s in missing)
    assert any(", ".join(missing) in c.value for c in at.caption)
    # another period, then a segment filter, change the figures
    nov = metric(at, "Won revenue")
    at.sidebar.selectbox(key="p").set_value("2026-10").run()
    assert_clean(at)
    october = performance(con, "company", OCT).iloc[0]["won_revenue"]
    assert metric(at, "Won revenue") == fmt.money(october, "USD", "en") != nov
    at.sidebar.multiselect(key="segment").set_value(["SMB"]).run()
    smb = performance(con, "company", OCT, Filters(segment=("SMB",))).iloc[0]["won_revenue"]
    assert metric(at, "Won revenue") == fmt.money(smb, "USD", "en")
    # campaign costs are per lead source only: a segment filter leaves them unknown, and says so
    assert any("segment filter" in i.value for i in at.info)


def test_dimension_and_measure_live_in_the_url(con):
    at = open_page({"sdim": "channel", "smeas": "win_rate"})
    assert "Win rate by channel" in [s.value for s in at.subheader]
    assert table(at, "Channel")["Channel"].tolist() == performance(con, "channel", NOV)["channel"].tolist()
    at.segmented_control(key="sdim").set_value("region").run()
    assert at.query_params["sdim"] == "region" and at.query_params["smeas"] == "win_rate"
    assert "Win rate by region" in [s.value for s in at.subheader]


def test_clicks_filter_the_sidebar_or_open_details(con):
    """What the page stores after a click. On the SMB bar: the sidebar applies it before its
    widgets exist, so the filter shows there, in the URL and in every figure. On a lead source
    (not a sidebar filter): its details open on the page."""
    at = open_page()
    at.session_state["_pending_filters"] = {"segment": ["SMB"]}
    at.run()
    assert_clean(at)
    assert at.sidebar.multiselect(key="segment").value == ["SMB"]
    assert at.query_params["segment"] == "SMB"
    smb = performance(con, "company", NOV, Filters(segment=("SMB",))).iloc[0]["won_revenue"]
    assert metric(at, "Won revenue") == fmt.money(smb, "USD", "en")
    assert "_pending_filters" not in at.session_state
    at.sidebar.multiselect(key="segment").set_value([]).run()

    at.segmented_control(key="sdim").set_value("lead_source").run()
    at.session_state["_segments_detail"] = ("lead_source", "Referral")
    at.run()
    assert_clean(at)
    assert "Lead source: Referral" in [s.value for s in at.subheader]
    row = performance(con, "lead_source", NOV).set_index("lead_source").loc["Referral"]
    roi = lead_source_roi(con, NOV).set_index("lead_source").loc["Referral"]
    values = [m.value for m in at.metric]
    assert fmt.money(row["won_revenue"], "USD", "en") in values and fmt.pct(roi["roi"]) in values
    next(b for b in at.button if b.label == "Close details").click().run()
    assert "Lead source: Referral" not in [s.value for s in at.subheader]


def _publish_deals_only(folder) -> None:
    """A team workspace holding only deals, with a lead source but no segment, channel,
    customer, campaigns or markets."""
    deals = pd.DataFrame({"deal_id": ["A1", "A2"], "rep": ["Nia Park", "Nia Park"], "lead_source": ["Web", "Web"],
                          "status": ["won", "lost"], "amount": [1000.0, 500.0],
                          "created_date": [date(2026, 11, 1)] * 2, "close_date": [date(2026, 11, 2), date(2026, 11, 3)]})
    Workspace(folder).publish([PublishItem("deals", deals, "deals.csv", "h1")])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_missing_columns_and_tables_are_said_in_plain_words(lang, _isolated_workspace):
    _publish_deals_only(_isolated_workspace)
    at = open_page({"lang": lang})
    notes = " ".join([i.value for i in at.info] + [c.value for c in at.caption])
    assert t("segments.no_campaigns", lang) in notes
    assert t("segments.no_markets", lang) in notes
    assert t("segments.matrix_missing", lang, missing=" / ".join(
        t(f"dim.{d}", lang).lower() if lang == "en" else t(f"dim.{d}", lang) for d in ("segment", "channel"))) in notes
    assert t("segments.no_dimension", lang, dim=t("dim.segment", lang)) in notes
    assert t("segments.no_customers", lang, period=fmt.period_label(NOV, lang)) in notes
    # the lead source is there: 2 leads created in November, 1 won -> conversion 1 / 2 = 50 %
    shown = table(at, t("dim.lead_source", lang))
    assert shown.iloc[0].tolist() == ["Web", 2, 1, 0.5, 1000.0]
    assert list(shown.columns)[-1] == t("segments.col.won_revenue", lang)  # no cost columns without campaigns


# --- figure builders -----------------------------------------------------------------------------

PERF = pd.DataFrame({
    "segment": ["B", "A", None],
    "won_revenue": [100.0, 300.0, 50.0],
    "revenue_share": [100 / 450, 300 / 450, 50 / 450],
    "win_rate": [0.5, float("nan"), 0.25],
    "change": [0.25, -0.5, float("nan")],
    "change_last_year": [0.0, 1.0, float("nan")],
})


def test_ranked_bars_order_labels_and_changes():
    fig = charts.ranked_bars(PERF, "segment", "win_rate", fmt_value=fmt.pct, none_label="(none)",
                             labels={"measure": "Win rate", "vs_previous": "vs prev", "vs_last_year": "vs LY"})
    bars, prev, last_year = fig.data
    # ranked by win rate, NaN last; plotly lists bottom first: top is B (50 %), then (none) 25 %, then A
    assert list(bars.y) == ["A", "(none)", "B"]
    assert list(bars.text) == ["–", "25.0%", "50.0%"]
    assert list(bars.x) == [0.0, 0.25, 0.5]
    assert list(bars.customdata) == ["A", "", "B"]
    assert list(prev.text) == ["▼ -50.0%", "–", "▲ +25.0%"]
    assert list(prev.textfont.color) == [BAD, NEUTRAL, GOOD]
    assert list(last_year.text) == ["▲ +100%", "–", "+0.0%"]  # from 100 % on, no decimals


def test_ranked_bars_keep_the_top_n_and_escape_names():
    frame = pd.DataFrame({"product": [f"<b>P{i}</b>" for i in range(20)],
                          "won_revenue": [float(i) for i in range(20)],
                          "change": [0.0] * 20, "change_last_year": [0.0] * 20})
    fig = charts.ranked_bars(frame, "product", "won_revenue", fmt_value=str, none_label="-", top_n=15,
                             labels={"measure": "R", "vs_previous": "p", "vs_last_year": "l", "revenue": "Rev"})
    bars = fig.data[0]
    assert len(bars.y) == 15 and bars.y[-1] == "&lt;b&gt;P19&lt;/b&gt;" and bars.customdata[-1] == "<b>P19</b>"
    assert bars.y[0] == "&lt;b&gt;P5&lt;/b&gt;"  # 19 down to 5 are the 15 largest
    assert any(a.text == "Rev<br>p" for a in fig.layout.annotations)


def test_matrix_heatmap_grid_and_click_layer():
    frame = pd.DataFrame({"segment": ["A", "A", "B"], "channel": ["Direct", "Web", "Direct"],
                          "value": [10.0, 0.0, 30.0]})
    fig = charts.matrix_heatmap(frame, "segment", "channel", fmt_value=lambda v: f"{v:.0f}", none_label="-",
                                labels={"rows": "S", "cols": "C", "measure": "M"}, row_order=["B", "A"])
    heat, layer = fig.data
    assert list(heat.y) == ["B", "A"] and list(heat.x) == ["Direct", "Web"]
    assert heat.z[0][0] == 30.0 and math.isnan(heat.z[0][1]) and list(heat.z[1]) == [10.0, 0.0]
    assert [list(c) for c in layer.customdata] == [["B", "Direct"], ["B", "Web"], ["A", "Direct"], ["A", "Web"]]
    assert list(layer.text) == ["30", "", "10", "0"]  # B·Web has no deal: blank, not 0
    assert layer.textfont.color[0] == "#FFFFFF"  # the darkest cell gets white text


def test_trend_multiples_one_panel_per_value_on_one_scale():
    months = ["2026-01", "2026-02"]
    frame = pd.DataFrame({"month": months * 3, "region": ["N", "N", "S", "S", "W", "W"],
                          "won_revenue": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "win_rate": [0.5] * 6})
    fig = charts.trend_multiples(frame, "region", "won_revenue", ["S", "N", "W"], month_label=str,
                                 fmt_value=str, tickformat="~s", none_label="-", max_panels=2)
    assert [a.text for a in fig.layout.annotations] == ["S", "N"]
    lines = [d for d in fig.data if d.mode == "lines"]
    assert [list(d.y) for d in lines] == [[3.0, 4.0], [1.0, 2.0]]
    assert fig.layout.yaxis2.matches == "y"  # shared scale
    assert list(fig.layout.xaxis.ticktext) == ["2026-01", "2026-02"]


def test_pareto_curve_marks_the_80_percent_line():
    frame = pd.DataFrame({"customer": ["A", "B", "C"], "won_revenue": [60.0, 30.0, 10.0],
                          "cum_share": [0.6, 0.9, 1.0], "rank": [1, 2, 3]})
    fig = charts.pareto_curve(frame, 2, money=str, labels={"line": "2 customers make 80 %", "x": "x", "y": "y"})
    assert list(fig.data[0].y) == [0.6, 0.9, 1.0]
    assert {(s.type, s.y0, s.x0) for s in fig.layout.shapes} >= {("line", 0.8, 0), ("line", 0, 2)}
    assert fig.layout.annotations[0].text == "2 customers make 80 %"


def test_new_returning_and_market_share_bars():
    nvr = pd.DataFrame({"customer_type": ["new", "returning"], "customers": [1, 3], "deals_won": [1, 4],
                        "won_revenue": [25.0, 75.0], "revenue_share": [0.25, 0.75]})
    fig = charts.new_returning_bar(nvr, labels={"new": "New", "returning": "Returning"}, money=str)
    assert [d.x[0] for d in fig.data] == [0.25, 0.75] and fig.data[0].text[0] == "New 25.0%"
    market = pd.DataFrame({"segment": ["A", "B", "C"], "won_revenue": [10.0, 5.0, 1.0],
                           "market_size": [100.0, 10.0, None], "share": [0.1, 0.5, None]})
    fig = charts.market_share_bars(market, labels={"share": "s", "revenue": "r", "market_size": "m"}, money=str,
                                   none_label="-")
    assert list(fig.data[0].y) == ["A", "B"] and list(fig.data[0].text) == ["10.0%", "50.0%"]


def test_clicks_become_filters():
    event = {"selection": {"points": [{"customdata": "SMB", "y": "SMB"}, {"x": 1}], "point_indices": [0]}}
    assert charts.clicked(event) == ["SMB"]
    assert charts.clicked({"selection": {"points": []}}) == [] and charts.clicked(None) == []
    cell = {"selection": {"points": [{"customdata": ["SMB", "Direct"]}]}}
    assert charts.clicked(cell) == [["SMB", "Direct"]]
    current = {"segment": ["Enterprise"], "channel": []}
    assert charts.add_to_filters(current, {"segment": "SMB", "channel": "Direct"}) == {
        "segment": ["Enterprise", "SMB"], "channel": ["Direct"]}
    assert charts.add_to_filters(current, {"segment": "Enterprise"}) == {"segment": ["Enterprise"]}
    assert charts.add_to_filters(current, {"segment": ""}) == {}  # a missing value filters nothing


# --- end to end: a real click in Chromium ----------------------------------------------------------
