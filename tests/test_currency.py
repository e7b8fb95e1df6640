"""The currency money is shown in: found in the data, named in Settings, carried to the cards, chart
axes, hover texts and tables of the pages, in English and Chinese (issue 12 item 4, issue 13 item 6).

A small company in yuan, worked by hand: in November 2026 Li Na won 1,200,000 + 300,000 and Wang
Fang 150,000 (actual 1,650,000 = 165.0万 = 1.65M); Wang Fang has 500,000 open in negotiation
(60 % -> 300,000 weighted, forecast 1,950,000 = 195.0万). Targets 1,000,000 + 800,000 = 1,800,000
(180.0万); attainment 1,650,000 / 1,800,000 = 91.7 %.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import duckdb
import pandas as pd
import pytest

from analytics.outputs.numbers import MoneyFormat
from analytics.store import canonical
from analytics.store.settings import (
    DEFAULT_SETTINGS,
    data_currencies,
    data_currency,
    load_settings,
    reporting_currency,
    save_settings,
    settings_from_dict,
)
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.test_app import assert_clean, start
from ui import format as fmt
from ui.charts import attainment as ac
from ui.charts import segments as sc


def deals(currency: object = "CNY") -> pd.DataFrame:
    def deal(deal_id, rep, status, stage, amount, close):
        return {"deal_id": deal_id, "rep": rep, "team": "华东", "status": status, "stage": stage,
                "amount": amount, "close_date": close, "created_date": date(2026, 10, 1),
                "segment": "企业", "channel": "直销", "customer": f"客户{deal_id}", "currency": currency}
    return pd.DataFrame([
        deal("C1", "Li Na", "won", "Won", 1_200_000.0, date(2026, 11, 10)),
        deal("C2", "Li Na", "won", "Won", 300_000.0, date(2026, 11, 20)),
        deal("C3", "Wang Fang", "won", "Won", 150_000.0, date(2026, 11, 5)),
        deal("C4", "Wang Fang", "open", "Negotiation", 500_000.0, date(2026, 11, 28)),
    ])


def targets(currency: object = "CNY") -> pd.DataFrame:
    return pd.DataFrame([
        {"period": "2026-11", "period_start": date(2026, 11, 1), "period_end": date(2026, 11, 30), "rep": rep,
         "team": "华东", "metric": "revenue", "target": value, "currency": currency}
        for rep, value in (("Li Na", 1_000_000.0), ("Wang Fang", 800_000.0))])


# --- the data's currency -------------------------------------------------------------------------

def test_data_currency_is_the_one_code_the_tables_record():
    assert data_currency(canonical.connect({"deals": deals(), "targets": targets()})) == "CNY"
    assert data_currency(canonical.connect({"deals": deals(" usd ")})) == "USD"  # any spelling of the code
    assert data_currency(load_sample().connect()) == "USD"  # the sample company sells in dollars


def test_no_currency_or_two_currencies_is_unknown():
    assert data_currency(canonical.connect({"deals": deals(None), "targets": targets(None)})) is None
    # deals in yuan, targets in dollars: no symbol could be right for both
    assert data_currency(canonical.connect({"deals": deals("CNY"), "targets": targets("USD")})) is None
    mixed = pd.concat([deals("CNY").head(2), deals("EUR").tail(2)])
    assert data_currency(canonical.connect({"deals": mixed})) is None
    assert data_currencies(canonical.connect({"deals": mixed})) == ["CNY", "EUR"]


def test_tables_from_before_the_currency_column_record_none():
    con = duckdb.connect()
    con.execute("CREATE TABLE deals AS SELECT 'D1' AS deal_id, 10.0 AS amount")
    con.execute("CREATE TABLE targets AS SELECT '2026-11' AS period, 10.0 AS target")
    assert data_currency(con) is None


def test_reporting_currency_prefers_what_the_data_says():
    eur = replace(DEFAULT_SETTINGS, currency="EUR")
    assert reporting_currency(DEFAULT_SETTINGS, "CNY") == "CNY"  # default: the data's currency
    assert reporting_currency(DEFAULT_SETTINGS, None) is None  # nothing known: plain numbers
    assert reporting_currency(eur, None) == "EUR"  # Settings name the currency of unlabelled data
    assert reporting_currency(eur, "CNY") == "CNY"  # never relabel stored yuan as euros


# --- settings -----------------------------------------------------------------------------------------

def test_reporting_currency_setting(tmp_path):
    assert DEFAULT_SETTINGS.currency == ""
    s, problems = settings_from_dict({"currency": "cny"})
    assert s.currency == "CNY" and problems == []
    s, problems = settings_from_dict({"currency": "yuan"})
    assert s.currency == "" and problems and "yuan" in problems[0]
    path = tmp_path / "settings.yaml"
    save_settings(replace(DEFAULT_SETTINGS, currency="JPY"), path)
    assert load_settings(path)[0].currency == "JPY"


def test_old_settings_files_keep_their_choice_but_not_the_old_default():
    # files saved before the reporting currency existed carried the old default USD/$ pair
    assert settings_from_dict({"currency": "USD", "currency_symbol": "$"}) == (DEFAULT_SETTINGS, [])
    s, problems = settings_from_dict({"currency": "CNY", "currency_symbol": "¥"})
    assert s.currency == "CNY" and problems == []


# --- charts ---------------------------------------------------------------------------------------------

LABELS = {"actual": "实际", "target": "目标", "last_year": "去年", "axis": "累计"}


def cumulative() -> pd.DataFrame:
    days = pd.date_range("2026-11-01", "2026-11-30")
    actual = [0.0] * 4 + [150_000.0] * 5 + [1_350_000.0] * 10 + [1_650_000.0] * 11
    return pd.DataFrame({"date": days, "actual_cum": actual,
                         "target_cum": [1_800_000.0 * (i + 1) / 30 for i in range(30)],
                         "last_year_cum": [float("nan")] * 30})


@pytest.mark.parametrize(("code", "lang", "ticks", "hover"), [
    # the axis reaches 1,800,000: steps of 500,000 up to 2,000,000
    ("CNY", "zh", ["0", "50万元", "100万元", "150万元", "200万元"], "实际: 165.0万元"),
    ("CNY", "en", ["0", "¥500K", "¥1M", "¥1.5M", "¥2M"], "实际: ¥1.65M"),
    ("USD", "zh", ["0", "50万美元", "100万美元", "150万美元", "200万美元"], "实际: 165.0万美元"),
    ("USD", "en", ["0", "$500K", "$1M", "$1.5M", "$2M"], "实际: $1.65M"),
    (None, "zh", ["0", "50万", "100万", "150万", "200万"], "实际: 165.0万"),
])
def test_cumulative_axis_and_hover_in_the_currency(code, lang, ticks, hover):
    fig = ac.cumulative_chart(cumulative(), labels=LABELS, money=MoneyFormat(code, lang))
    assert list(fig.layout.yaxis.ticktext) == ticks
    assert list(fig.layout.yaxis.tickvals) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000]
    assert fig.data[0].hovertext[-1] == hover
    if code == "CNY":
        assert "$" not in json.dumps(fig.to_plotly_json(), default=str)


def test_monthly_trend_and_small_multiples_tick_like_the_cards():
    months = pd.DataFrame({"month": pd.to_datetime(["2026-10-01", "2026-11-01"]),
                           "actual": [400_000.0, 1_650_000.0], "target": [1_800_000.0, 1_800_000.0],
                           "attainment": [0.2222, 0.9167]})
    fig = ac.monthly_trend(months, month_label=lambda d: f"{d.month}月", labels=LABELS,
                           money=MoneyFormat("CNY", "zh"))
    assert list(fig.layout.yaxis.ticktext) == ["0", "50万元", "100万元", "150万元", "200万元"]
    trend = pd.DataFrame({"segment": ["企业", "企业"], "month": ["2026-10", "2026-11"],
                          "won_revenue": [400_000.0, 1_650_000.0]})
    fig = sc.trend_multiples(trend, "segment", "won_revenue", ["企业"], month_label=str,
                             fmt_value=MoneyFormat("USD", "zh"), tickformat=None, none_label="-")
    assert list(fig.layout.yaxis.ticktext) == ["0", "50万美元", "100万美元", "150万美元", "200万美元"]
    assert fig.data[0].text[-1] == "165.0万美元"


# --- pages ----------------------------------------------------------------------------------------------

@pytest.fixture
def yuan_workspace(_isolated_workspace):
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals(), "deals.csv", "c1"),
                                            PublishItem("targets", targets(), "targets.csv", "c2")])
    return _isolated_workspace


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", {"actual": "165.0万元", "target": "180.0万元", "forecast": "195.0万元"}),
    ("en", {"actual": "¥1.65M", "target": "¥1.80M", "forecast": "¥1.95M"}),
])
def test_overview_cards_and_table_in_yuan(yuan_workspace, lang, expected):
    at = start({"lang": lang})
    assert_clean(at)
    values = [m.value for m in at.metric]
    assert values[0] == expected["actual"] and values[1] == expected["target"] and values[3] == expected["forecast"]
    assert "91.7%" in values
    assert not any("$" in str(v) for v in values)


def test_table_cells_in_yuan():
    frame = pd.DataFrame({"rep": ["Li Na", "Wang Fang"], "actual": [1_500_000.0, 150_000.0],
                          "gap": [-500_000.0, None]})
    zh = fmt.money_cells(frame, ["actual", "gap"], "CNY", "zh").to_html()
    assert "150.00万元" in zh and "15.00万元" in zh and "-50.00万元" in zh and "$" not in zh
    en = fmt.money_cells(frame, ["actual", "gap"], "CNY", "en").to_html()
    assert "¥1,500,000" in en and "-¥500,000" in en and "$" not in en
    assert "1,500,000" in fmt.money_cells(frame, ["actual"], None, "en").to_html()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_segments_in_yuan(yuan_workspace, lang):
    at = start({"lang": lang})
    at.switch_page("pages/segments.py").run()
    assert_clean(at)
    revenue = at.metric[0].value
    assert revenue == ("165.0万元" if lang == "zh" else "¥1.65M")


def test_settings_page_names_the_data_currency(yuan_workspace):
    at = start({"lang": "en"})
    at.switch_page("pages/settings.py").run()
    assert_clean(at)
    box = next(b for b in at.selectbox if b.label == "Reporting currency")
    assert box.value == "" and "The data's currency (CNY)" in box.options


def test_explore_axes_group_like_the_language():
    from ui.charts import explore as ex

    # East 1,200,000 + West 300,000 by segment; stacked the East column reaches 1,200,000
    long = pd.DataFrame({"team": ["East", "East", "West"], "segment": ["A", "B", "A"],
                         "v": [700_000.0, 500_000.0, 300_000.0]})
    data = ex.chart_data(long, ["team", "segment"], "v")
    fig = ex.pivot_figure(data, "bar", value_label="金额", fmt_value=MoneyFormat("CNY", "zh"), stack=True)
    # stacked bars reach 1,200,000: 1,200,000 / 5 = 240,000 -> steps of 250,000 to 1,250,000
    assert list(fig.layout.yaxis.ticktext) == ["0", "25万元", "50万元", "75万元", "100万元", "125万元"]
    counts = ex.pivot_figure(data, "line", value_label="数量", fmt_value=fmt.number_format(fmt.number, "zh"))
    assert list(counts.layout.yaxis.ticktext) == ["0", "20万", "40万", "60万", "80万"]  # 700,000 / 5 -> 200,000
    assert fmt.number_format(lang="zh")(1_234_567) == "1,234,567"  # hover keeps the whole count


def test_settings_page_warns_of_two_currencies(_isolated_workspace):
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals("CNY"), "deals.csv", "m1"),
                                            PublishItem("targets", targets("USD"), "targets.csv", "m2")])
    at = start({"lang": "zh"})
    assert "$" not in at.metric[0].value and "元" not in at.metric[0].value  # 165.0万: no symbol
    at.switch_page("pages/settings.py").run()
    assert any("CNY, USD" in w.value for w in at.warning)


def test_choosing_a_reporting_currency_in_settings(_isolated_workspace):
    # data that records no currency: Settings say it is in euros, and the cards follow
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals(None), "deals.csv", "n1"),
                                            PublishItem("targets", targets(None), "targets.csv", "n2")])
    at = start({"lang": "en"})
    assert at.metric[0].value == "1.65M"  # nothing known: a plain number, no symbol
    at.switch_page("pages/settings.py").run()
    box = next(b for b in at.selectbox if b.label == "Reporting currency")
    assert "The data's currency (none recorded)" in box.options
    box.set_value("EUR")
    next(b for b in at.button if b.label == "Save settings").click().run()
    assert_clean(at)
    assert load_settings(Workspace(_isolated_workspace).settings_path)[0].currency == "EUR"
    at.switch_page("pages/overview.py").run()
    assert at.metric[0].value == "€1.65M"


def test_digit_runs_fold_as_the_regex_does() -> None:
    """``fold_digit_runs`` (numpy over the UTF-8 bytes) is exactly ``[0-9]+`` → ``0`` in RE2: random
    cells of digits, separators, symbols, CJK, Arabic-Indic digits (not ASCII: kept), blanks and
    nulls; slices (an offset into the buffers), chunked and empty arrays."""
    import random

    import pyarrow as pa
    import pyarrow.compute as pc

    from analytics.ingest.mapping import fold_digit_runs

    rng = random.Random(19)
    alphabet = [*"0123456789$,. -€¥中USD", "١", "٢"]
    cells = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    cells += [None] * 50
    rng.shuffle(cells)
    whole = pa.array(cells, pa.string())
    for arr in (whole, whole.slice(7, 1000), pa.chunked_array([whole.slice(0, 500), whole.slice(500, 800)]),
                pa.array([], pa.string()), pa.array([None, None], pa.string()), pa.array(["", "5", "a99b"])):
        expected = pc.replace_substring_regex(arr, pattern="[0-9]+", replacement="0")
        assert fold_digit_runs(arr).to_pylist() == expected.to_pylist()
    assert fold_digit_runs(pa.array(["$49,340.26", "USD 1 200"])).to_pylist() == ["$0,0.0", "USD 0 0"]
