"""The Explore page (AppTest) and its figure builders (``ui/charts/explore.py``).

Expected pivot figures are computed with pandas straight from the sample CSV, not through the
app's analytics, so a wrong filter or aggregation in the page or in DuckDB would show.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics.metrics import explore
from analytics.store import canonical, views
from analytics.store.workspace import Workspace
from tests.conftest import ROOT, dataset
from tests.fixtures import assert_clean, visible_text
from ui import context
from ui.charts import explore as charts
from ui.i18n import t

PAGE = "pages/explore.py"
SAMPLE_DEALS = ROOT / "data" / "sample" / "deals.csv"
WON_BY_TEAM = {"xr": "team", "xv": "amount", "xa": "sum", "xf": "status", "xf:status": "won"}


def open_page(query: dict[str, str] | None = None, upload: context.SessionUpload | None = None,
              clean: bool = True) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    if upload is not None:
        at.session_state["session_upload"] = upload
    at.run()
    at.switch_page(PAGE).run()
    if clean:
        assert_clean(at)
    return at


def frame(at: AppTest, first_column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if list(d.value.columns)[0] == first_column)


def plain(text: str) -> str:
    return text.replace("\\", "")  # markdown escaping adds backslashes nobody sees


def url(at: AppTest, key: str) -> list[str]:
    """A link parameter's values (AppTest keeps a single value as a plain string)."""
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def sample_deals() -> pd.DataFrame:
    return pd.read_csv(SAMPLE_DEALS)


# --- the page -------------------------------------------------------------------------------------

def test_opens_in_both_languages():
    en = open_page({"lang": "en"})
    assert en.title[0].value == "Explore"
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in visible_text(en))
    zh = open_page({"lang": "zh"})
    assert zh.title[0].value == "自助分析"
    assert "按团队的金额合计" in [plain(s.value) for s in zh.subheader]  # the default pivot: amount by team
    assert [tab.label for tab in zh.tabs] == ["透视表", "合并表", "SQL 查询"]
    assert zh.selectbox(key="xt").value == "deals"


def test_pivot_equals_pandas_on_the_sample_csv():
    at = open_page({"lang": "en", **WON_BY_TEAM})
    deals = sample_deals()
    won = deals[deals["status"] == "won"].groupby("team")["amount"].sum()
    shown = frame(at, "Team")
    assert shown.columns.tolist() == ["Team", "Sum of Amount"]
    assert shown["Team"].tolist() == [*won.index, "Total"]
    assert shown["Sum of Amount"].tolist() == pytest.approx([*won.tolist(), won.sum()])
    assert "Sum of Amount by Team" in [s.value for s in at.subheader]
    # another filter value changes the figures (and the link)
    at.multiselect(key="xf:status").set_value(["lost"]).run()
    assert_clean(at)
    lost = deals[deals["status"] == "lost"].groupby("team")["amount"].sum()
    assert frame(at, "Team")["Sum of Amount"].tolist() == pytest.approx([*lost.tolist(), lost.sum()])
    assert url(at, "xf:status") == ["lost"]
    # columns and a mean: Team × Segment averages, the total is the mean of all won deals, not of the cells
    at.multiselect(key="xf:status").set_value(["won"]).run()
    at.multiselect(key="xc").set_value(["segment"]).run()
    at.selectbox(key="xa").set_value("mean").run()
    assert_clean(at)
    table = frame(at, "Team").set_index("Team")
    mean = deals[deals["status"] == "won"].pivot_table(index="team", columns="segment", values="amount",
                                                         aggfunc="mean")
    assert table.loc["East", "Enterprise"] == pytest.approx(mean.loc["East", "Enterprise"])
    assert table.loc["Total", "Total"] == pytest.approx(deals.loc[deals["status"] == "won", "amount"].mean())
    assert url(at, "xa") == ["mean"] and url(at, "xc") == ["segment"]


def test_dates_by_quarter_and_share_of_total():
    at = open_page({"lang": "en", "xr": "close_date", "xg": "quarter", "xa": "share", "xv": "amount",
                    "xf": "status", "xf:status": "won"})
    shown = frame(at, "Close date (quarter)")
    deals = sample_deals()
    won = deals[deals["status"] == "won"].copy()
    won["q"] = pd.PeriodIndex(pd.to_datetime(won["close_date"]), freq="Q").strftime("%Y-Q%q")
    share = won.groupby("q")["amount"].sum() / won["amount"].sum()
    body = shown[shown["Close date (quarter)"] != "Total"]
    assert body["Close date (quarter)"].tolist() == share.index.tolist()
    assert body["Share of Amount"].tolist() == pytest.approx(share.tolist())
    assert shown["Share of Amount"].iloc[-1] == pytest.approx(1.0)


def test_sql_escape_is_refused_readably_and_a_query_runs():
    at = open_page({"lang": "en", "xm": "sql"})
    box = at.text_area(key="_explore_sql_text")
    box.set_value("SELECT * FROM read_csv('/etc/passwd')").run()
    at.button(key="_explore_sql_go").click().run()
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    assert errors == ["Line 1, column 15: the function read_csv() is not available in the SQL box "
                      "(only the loaded tables can be read; no files, URLs or settings)."]
    for attempt in ("COPY deals TO 'out.csv'", "ATTACH 'x.db'", "SELECT 1; DROP TABLE deals", "SET threads=1"):
        at.text_area(key="_explore_sql_text").set_value(attempt).run()
        at.button(key="_explore_sql_go").click().run()
        assert not at.exception and len(at.error) == 1, attempt
    # a read works, and equals pandas
    at.text_area(key="_explore_sql_text").set_value(
        "SELECT team, sum(amount) AS won FROM deals WHERE status = 'won' GROUP BY team ORDER BY team").run()
    at.button(key="_explore_sql_go").click().run()
    assert_clean(at)
    result = frame(at, "team")
    deals = sample_deals()
    expected = deals[deals["status"] == "won"].groupby("team")["amount"].sum()
    assert result["won"].tolist() == pytest.approx(expected.tolist())
    assert at.query_params["xm"] == "sql" and "GROUP BY team" in at.query_params["xq"]


def test_sql_error_in_chinese_names_the_position():
    at = open_page({"lang": "zh", "xm": "sql", "xq": "SELECT team,\n  sum(amount FROM deals"}, clean=False)
    assert not at.exception and not at.error  # shown, not run
    at.button(key="_explore_sql_go").click().run()
    assert plain(at.error[0].value).startswith("语法错误，第 2 行第")


def test_a_shared_sql_link_shows_the_query_and_runs_it_only_on_a_click(monkeypatch):
    """``/explore?xm=sql&xq=…`` must not start a query in the browser of whoever opens it."""
    from analytics.metrics.sql_guard import Sandbox

    started: list[str] = []
    real_run = Sandbox.run
    monkeypatch.setattr(Sandbox, "run", lambda self, sql, **kw: started.append(sql) or real_run(self, sql, **kw))
    sql = "SELECT team, count(*) AS deals FROM deals GROUP BY team ORDER BY team"
    at = open_page({"lang": "en", "xm": "sql", "xq": sql})
    assert at.text_area(key="_explore_sql_text").value == sql
    assert started == [] and not any(list(d.value.columns) == ["team", "deals"] for d in at.dataframe)
    assert any("has not run yet" in plain(i.value) for i in at.info)
    at.button(key="_explore_sql_go").click().run()
    assert_clean(at)
    assert started == [sql]
    teams = sorted(sample_deals()["team"].unique())
    assert frame(at, "team")["team"].tolist() == teams
    assert not any("has not run yet" in plain(i.value) for i in at.info)


def test_saved_view_round_trips(_isolated_workspace):
    at = open_page({"lang": "en", **WON_BY_TEAM, "xc": "segment"})
    before = frame(at, "Team")
    at.text_input(key="_explore_save_name:pivot").set_value("Won by team and segment").run()
    at.button(key="_explore_save:pivot").click().run()
    assert_clean(at)
    assert any("Saved the view" in plain(s.value) for s in at.success)
    saved = views.get_view(Workspace(_isolated_workspace).views_path, "Won by team and segment")
    assert saved is not None and saved.params["xf:status"] == ["won"] and saved.params["xc"] == ["segment"]
    # opened from a link in a new session: the same pivot
    again = open_page({"lang": "en", "view": "Won by team and segment"})
    assert any("Opened the saved view" in plain(i.value) for i in again.info)
    pd.testing.assert_frame_equal(frame(again, "Team"), before)
    assert again.multiselect(key="xc").value == ["segment"]
    assert url(again, "xf:status") == ["won"] and "view" not in again.query_params
    # a query view opens on the SQL tab, shown; it runs on a click; then delete it from the list
    sql = views.make_view("Teams", "sql", {"xm": "sql", "xq": "SELECT DISTINCT team FROM deals ORDER BY 1"})
    views.save_view(Workspace(_isolated_workspace).views_path, sql)
    third = open_page({"lang": "en", "view": "Teams"})
    assert third.text_area(key="_explore_sql_text").value == sql.params["xq"]
    assert not any(list(d.value.columns) == ["team"] for d in third.dataframe)
    third.button(key="_explore_sql_go").click().run()
    assert frame(third, "team")["team"].tolist() == sorted(sample_deals()["team"].unique())
    third.selectbox(key="_explore_view_pick").set_value("Teams").run()
    third.button(key="_explore_view_delete").click().run()
    assert_clean(third)
    assert [v.name for v in views.list_views(Workspace(_isolated_workspace).views_path)] == ["Won by team and segment"]
    missing = open_page({"lang": "en", "view": "Nope"})
    assert any("no saved view called" in plain(w.value) for w in missing.warning)


def test_join_on_team_data_stays_in_this_session():
    """Surveys joined to their deals on the shared (read-only) sample connection: the table is kept
    in a private DuckDB of this session, can be pivoted and queried, and the shared one is untouched."""
    at = open_page({"lang": "en", "xm": "join", "xt": "surveys"})
    assert at.selectbox(key="_explore_join_left").value == "surveys"
    at.selectbox(key="_explore_join_right").set_value("deals").run()
    assert at.multiselect(key="_explore_join_lk").value == ["deal_id"]  # the shared id column is suggested
    assert at.multiselect(key="_explore_join_rk").value == ["deal_id"]
    at.button(key="_explore_join_go").click().run()
    assert_clean(at)
    surveys = pd.read_csv(ROOT / "data" / "sample" / "surveys.csv")
    cards = {m.label: m.value for m in at.metric}
    assert cards["Rows in the result"] == f"{len(surveys):,}"
    matched = surveys["deal_id"].isin(sample_deals()["deal_id"]).sum()
    assert cards["First table: rows with a match"] == f"{matched:,}"
    at.text_input(key="_explore_join_name").set_value("surveyed_deals").run()
    at.button(key="_explore_join_keep").click().run()
    assert_clean(at)
    assert at.selectbox(key="xt").value == "surveyed_deals"
    # pivot on the new table: surveys per team equal pandas
    at.multiselect(key="xr").set_value(["team"]).run()
    counts = frame(at, "Team")  # the deals' column keeps its label in the joined table
    expected = surveys.merge(sample_deals()[["deal_id", "team"]], on="deal_id", how="left")
    by_team = expected.groupby("team").size()
    body = counts[counts["Team"] != "Total"]
    assert body["Number of rows"].tolist() == by_team.tolist()
    # the SQL box sees it too (the tab is switched the way a click does: through the mode state)
    at.session_state["_explore_mode"] = "sql"
    at.run()
    at.text_area(key="_explore_sql_text").set_value("SELECT count(*) AS n FROM surveyed_deals").run()
    at.button(key="_explore_sql_go").click().run()
    assert_clean(at)
    assert frame(at, "n")["n"].tolist() == [len(surveys)]
    # nobody else sees the table: the shared connection has no such table
    ctx = at.session_state["_context"]
    assert ctx.source.kind == "sample"
    assert "surveyed_deals" not in explore.list_tables(ctx.con)["name"].tolist()
    other = open_page({"lang": "en"})
    assert not any(o.startswith("surveyed_deals") for o in other.selectbox(key="xt").options)


def test_empty_table_in_a_deals_only_upload_says_so():
    upload = context.SessionUpload("session:test-deals-only", canonical.connect({"deals": sample_deals().head(5)}),
                                   [], ["deals.csv"], {})
    at = open_page({"lang": "en", "xt": "targets"}, upload=upload)
    assert any("has no rows" in plain(i.value) and "Data page" in i.value for i in at.info)


def _olist_session() -> context.SessionUpload:
    """What the Data page builds from the two Olist files kept as raw tables (plus empty canonical ones)."""
    folder = dataset("olist-marketing-funnel/olist_closed_deals_dataset.csv").parent
    con = canonical.connect({})
    leads = pd.read_csv(folder / "olist_marketing_qualified_leads_dataset.csv", dtype=str)
    deals = pd.read_csv(folder / "olist_closed_deals_dataset.csv", dtype=str)
    explore.add_table(con, "raw_olist_marketing_qualified_leads_dataset", leads.astype(object))
    explore.add_table(con, "raw_olist_closed_deals_dataset", deals.astype(object))
    return context.SessionUpload("session:test-olist", con, [], ["leads.csv", "closed_deals.csv"], {})


@pytest.mark.real_data
def test_olist_leads_joined_to_closed_deals_then_used_as_deals():
    leads_name, deals_name = "raw_olist_marketing_qualified_leads_dataset", "raw_olist_closed_deals_dataset"
    at = open_page({"lang": "en", "xm": "join", "xt": leads_name}, upload=_olist_session())
    at.selectbox(key="_explore_join_right").set_value(deals_name).run()
    assert at.multiselect(key="_explore_join_lk").value == ["mql_id"]
    at.segmented_control(key="_explore_join_how").set_value("inner").run()
    at.button(key="_explore_join_go").click().run()
    assert_clean(at)
    cards = {plain(m.label): m.value for m in at.metric}
    # 8,000 qualified leads, 842 of them closed; every closed deal came from a lead
    assert cards["Rows in the result"] == "842"
    assert cards["First table: rows with a match"] == "842"
    assert "842 of the 8,000 rows of the first table found a match." in [c.value for c in at.caption]
    assert cards["First table: rows without a match"] == "7,158"
    assert cards["Second table: rows without a match"] == "0"
    # what maps onto deals, then use it as this session's deals
    at.button(key="_explore_join_map").click().run()
    assert_clean(at)
    mapping = frame(at, "Column").set_index("Column")["Used as"]
    assert (mapping["won_date"], mapping["origin"], mapping["sr_id"]) == ("close_date", "lead_source", "rep")
    assert mapping["mql_id"] == "deal_id"  # a unique id column: the mapper takes it as the deal id
    # Olist's closed deals carry no deal amount: declared_monthly_revenue is the seller's declared
    # revenue, not the deal's, and is no longer taken for it. Every won deal needs an amount, so the
    # join cannot be used as deals until the user maps one; the page says why instead of loading it.
    assert mapping["declared_monthly_revenue"] == "-"
    assert any("the Deals table needs a column for Amount" in plain(w.value) for w in at.warning)
    assert not [b for b in at.button if b.key == "_explore_join_deals"]
    # the raw tables are still there to explore
    assert any(o.startswith(leads_name + " · 8,000 rows") for o in at.selectbox(key="xt").options)


# --- figure builders --------------------------------------------------------------------------------

LONG = pd.DataFrame({
    "team": ["East", "East", "West", "West", None],
    "segment": ["SMB", "Enterprise", "SMB", "Enterprise", "SMB"],
    "sum_amount": [100.0, 300.0, 50.0, None, 20.0],
})


def test_chart_data_labels_series_and_order():
    data = charts.chart_data(LONG, ["team", "segment"], "sum_amount", blank="(none)")
    assert data.x == ["East", "West", "(none)"] and data.series == ["SMB", "Enterprise"]
    by_value = charts.chart_data(LONG, ["team", "segment"], "sum_amount", blank="(none)", sort="-value")
    assert by_value.x == ["East", "West", "(none)"]  # totals 400, 50, 20
    smallest = charts.chart_data(LONG, ["team", "segment"], "sum_amount", blank="(none)", sort="value")
    assert smallest.x == ["(none)", "West", "East"]
    # a team without a row for a segment: a gap for sums, 0 for counts
    partial = LONG.iloc[:3]  # West has SMB only
    assert charts._matrix(charts.chart_data(partial, ["team", "segment"], "sum_amount"))[1] == [300.0, None]
    assert charts._matrix(charts.chart_data(partial, ["team", "segment"], "sum_amount", fill=0))[1] == [300.0, 0]
    single = charts.chart_data(LONG.iloc[:2], ["segment"], "sum_amount")
    assert single.series == [""] and single.x == ["SMB", "Enterprise"]


def test_chart_data_keeps_the_largest_categories_and_series(monkeypatch):
    monkeypatch.setattr(charts, "MAX_CATEGORIES", 2)
    monkeypatch.setattr(charts, "MAX_SERIES", 1)
    data = charts.chart_data(LONG, ["team", "segment"], "sum_amount", blank="(none)")
    # teams: East 400, West 50, blank 20 -> East and West; segments: SMB 170, Enterprise 300 -> Enterprise
    assert data.x == ["East", "West"] and data.series == ["Enterprise"]
    assert (data.hidden_categories, data.hidden_series) == (1, 1)
    monkeypatch.setattr(charts, "MAX_TIME_POINTS", 2)
    months = pd.DataFrame({"m": ["2026-01", "2026-02", "2026-03"], "count": [1, 9, 2]})
    recent = charts.chart_data(months, ["m"], "count", ["m"])
    assert recent.x == ["2026-02", "2026-03"] and recent.hidden_categories == 1  # time keeps the latest


@pytest.mark.parametrize("kind", charts.CHART_KINDS)
def test_every_kind_draws_and_escapes_data(kind):
    long = pd.DataFrame({"rep": ["<b>Ann</b>", "Bob"], "quarter": ["2026-Q3", "2026-Q4"], "v": [0.25, 0.75]})
    data = charts.chart_data(long, ["rep", "quarter"], "v")
    fig = charts.pivot_figure(data, kind, value_label="Share", fmt_value=lambda x: f"{x:.0%}",
                              tickformat=".0%", stack=True)
    text = fig.to_json()
    assert "<b>Ann" not in text and "&lt;b&gt;Ann" in text
    assert len(fig.data) >= 1
    if kind == "heatmap":
        assert fig.data[0].type == "heatmap" and "25%" in fig.data[1].text
    elif kind == "bar":
        assert fig.layout.yaxis.tickformat == ".0%"
    if kind == "scatter":
        assert fig.data[0].mode == "markers"
    with pytest.raises(ValueError):
        charts.pivot_figure(data, "pie", value_label="x")


def test_scatter_uses_a_number_axis_for_numeric_dimensions():
    long = pd.DataFrame({"quantity": [1.0, 2.0, 10.0], "count": [4, 3, 1]})
    data = charts.chart_data(long, ["quantity"], "count")
    assert data.x_is_numeric and data.x == ["1", "2", "10"]
    fig = charts.pivot_figure(data, "scatter", value_label="Deals")
    assert list(fig.data[0].x) == [1.0, 2.0, 10.0]


def test_labels_of_dates_numbers_and_blanks():
    assert charts.label_of(pd.Timestamp("2026-10-05"), "-") == "2026-10-05"
    assert charts.label_of(3.0, "-") == "3" and charts.label_of(2.5, "-") == "2.5"
    assert charts.label_of(None, "(blank)") == "(blank)" and charts.label_of(float("nan"), "x") == "x"
    assert t("explore.blank", "zh") == "（空白）"


def test_private_connection_sees_arrow_views():
    """The mechanism the page relies on for the team's data: views of Arrow copies in a private DuckDB."""
    shared = canonical.connect({"deals": sample_deals().head(20)})
    private = duckdb.connect(":memory:")
    private.register("deals", shared.sql("SELECT * FROM deals").to_arrow_table())
    explore.add_table(private, "reps", pd.DataFrame({"rep": sample_deals()["rep"].unique()[:3]}))
    joined = explore.join_tables(private, "deals", "reps", ["rep"], ["rep"], how="inner", name="mine")
    assert joined.rows == (sample_deals().head(20)["rep"].isin(sample_deals()["rep"].unique()[:3])).sum()
    assert "mine" not in explore.list_tables(shared)["name"].tolist()


# --- fair defaults and labels (issue 13.4) ---------------------------------------------------------

def test_the_default_pivot_is_won_revenue_with_the_status_split_visible():
    at = open_page({"lang": "en"})
    deals = sample_deals()
    won = deals[deals["status"] == "won"].groupby("team")["amount"].sum()
    assert at.multiselect(key="xf").value == ["status"] and at.multiselect(key="xf:status").value == ["won"]
    shown = frame(at, "Team")
    assert shown["Sum of Amount"].tolist() == pytest.approx([*won.tolist(), won.sum()])
    split = next(plain(c.value) for c in at.caption if "Amount by status" in plain(c.value))
    by_status = deals.groupby("status")["amount"].sum()
    for status in ("won", "open", "lost"):
        assert f"{status} ${by_status[status]:,.0f}" in split.replace("\u00a0", " "), split
    assert "counts only: won" in split
    # with the filter taken away the page says the total is not revenue
    at.multiselect(key="xf").set_value([]).run()
    assert any("not revenue" in plain(c.value) for c in at.caption)
    zh = open_page({"lang": "zh"})
    assert any("按状态的金额" in plain(c.value) and "赢单" in plain(c.value) for c in zh.caption)


def test_the_total_row_is_labelled_total_not_blank():
    at = open_page({"lang": "en", "xr": ["team", "rep"], "xv": "amount", "xa": "sum"})
    shown = frame(at, "Team")
    last = shown.iloc[-1]
    assert last["Team"] == "Total" and last["Sales rep"] == ""
    assert "(blank)" not in shown["Sales rep"].tolist()
    zh = open_page({"lang": "zh", "xr": ["team", "rep"], "xv": "amount", "xa": "sum"})
    assert frame(zh, "团队").iloc[-1].tolist()[:2] == ["合计", ""]


def test_a_query_that_lists_deals_links_each_to_its_history():
    """Issue 15: a deal's history is reachable from Explore's rows."""
    at = open_page({"lang": "en", "xm": "sql",
                    "xq": "SELECT deal_id, amount FROM deals ORDER BY deal_id LIMIT 3"})
    at.button(key="_explore_sql_go").click().run()
    assert not at.exception
    shown = at.dataframe[-1].value
    assert shown["history"].tolist() == [f"pipeline_changes?cdeal={d}&lang=en" for d in shown["deal_id"]]
