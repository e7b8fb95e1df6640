"""Pivot, join and table list of the Explore page, on a hand-worked 8-row fixture and the Olist data."""

from __future__ import annotations

import math
import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.messages import InputError
from analytics.metrics import explore
from tests.conftest import DATASETS

OLIST = DATASETS / "olist-marketing-funnel"

# The fixture, with the figures every test below works from:
#
#  id rep region product amount close_date
#   1 Ann East   A        100   2026-01-05
#   2 Ann East   B        200   2026-01-20
#   3 Ann West   A         50   2026-02-03
#   4 Bob East   A        300   2026-02-14
#   5 Bob West   B        150   2026-02-28
#   6 Bob West   B       (none) 2026-03-01
#   7 Cy  East   A        400   2026-03-15
#   8 Cy  (none) B         80   2026-04-10
ROWS = [
    (1, "Ann", "East", "A", 100.0, "2026-01-05"),
    (2, "Ann", "East", "B", 200.0, "2026-01-20"),
    (3, "Ann", "West", "A", 50.0, "2026-02-03"),
    (4, "Bob", "East", "A", 300.0, "2026-02-14"),
    (5, "Bob", "West", "B", 150.0, "2026-02-28"),
    (6, "Bob", "West", "B", None, "2026-03-01"),
    (7, "Cy", "East", "A", 400.0, "2026-03-15"),
    (8, "Cy", None, "B", 80.0, "2026-04-10"),
]


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    frame = pd.DataFrame(ROWS, columns=["id", "rep", "region", "product", "amount", "close_date"])
    frame["close_date"] = pd.to_datetime(frame["close_date"]).dt.date
    c = duckdb.connect(":memory:")
    explore.add_table(c, "sales", frame)
    return c


def by_rep(result: explore.PivotResult) -> dict:
    return dict(zip(result.long["rep"], result.long[result.value_name], strict=True))


def test_sum_by_rep_with_totals(con):
    result = explore.pivot(con, "sales", ["rep"], [], "amount", "sum")
    # Ann 100+200+50 = 350; Bob 300+150+(none) = 450; Cy 400+80 = 480
    assert by_rep(result) == {"Ann": 350.0, "Bob": 450.0, "Cy": 480.0}
    assert result.value_name == "sum_amount"
    assert result.grand_total == 1280.0  # 350+450+480
    assert list(result.wide["rep"]) == ["Ann", "Bob", "Cy", "Total"]
    assert list(result.wide["sum_amount"]) == [350.0, 450.0, 480.0, 1280.0]
    assert result.chart_kind == "bar"


def test_count_rows_and_count_values(con):
    rows = explore.pivot(con, "sales", ["rep"], [], None, "count")
    assert by_rep(rows) == {"Ann": 3, "Bob": 3, "Cy": 2}  # rows per rep; 3+3+2 = 8
    assert rows.grand_total == 8
    values = explore.pivot(con, "sales", ["rep"], [], "amount", "count")
    assert by_rep(values) == {"Ann": 3, "Bob": 2, "Cy": 2}  # Bob's deal 6 has no amount
    assert values.grand_total == 7


def test_count_distinct_total_is_not_a_sum_of_cells(con):
    result = explore.pivot(con, "sales", ["rep"], [], "region", "count_distinct")
    # Ann {East, West} 2; Bob {East, West} 2; Cy {East} 1 (a blank region is not a value)
    assert by_rep(result) == {"Ann": 2, "Bob": 2, "Cy": 1}
    assert result.grand_total == 2  # East and West overall, not 2+2+1 = 5


def test_mean_median_min_max(con):
    mean = explore.pivot(con, "sales", ["rep"], [], "amount", "mean")
    # Ann 350/3; Bob 450/2 = 225 (the blank amount is left out); Cy 480/2 = 240; all 1280/7
    assert by_rep(mean) == pytest.approx({"Ann": 350 / 3, "Bob": 225.0, "Cy": 240.0})
    assert mean.grand_total == pytest.approx(1280 / 7)  # 182.857..., not the mean of the three means
    median = explore.pivot(con, "sales", ["rep"], [], "amount", "median")
    # Ann median(50,100,200) = 100; Bob median(150,300) = 225; Cy median(80,400) = 240
    assert by_rep(median) == {"Ann": 100.0, "Bob": 225.0, "Cy": 240.0}
    assert median.grand_total == 150.0  # median of 50,80,100,150,200,300,400
    low = explore.pivot(con, "sales", ["rep"], [], "amount", "min")
    high = explore.pivot(con, "sales", ["rep"], [], "amount", "max")
    assert by_rep(low) == {"Ann": 50.0, "Bob": 150.0, "Cy": 80.0} and low.grand_total == 50.0
    assert by_rep(high) == {"Ann": 200.0, "Bob": 300.0, "Cy": 400.0} and high.grand_total == 400.0


def test_share_is_a_fraction_of_the_grand_total(con):
    result = explore.pivot(con, "sales", ["rep"], [], "amount", "share")
    # 350/1280 = 0.2734375; 450/1280 = 0.3515625; 480/1280 = 0.375
    assert by_rep(result) == {"Ann": 0.2734375, "Bob": 0.3515625, "Cy": 0.375}
    assert result.value_name == "share_amount"
    assert result.grand_total == 1.0
    assert result.wide["share_amount"].iloc[-1] == 1.0


def test_two_dimensions_with_row_and_column_totals(con):
    result = explore.pivot(con, "sales", ["rep"], ["region"], "amount", "sum")
    wide = result.wide.set_index("rep")
    # Columns by label, blank last: East, West, (blank); then Total.
    assert list(wide.columns) == ["East", "West", "(blank)", "Total"]
    assert wide.loc["Ann", "East"] == 300.0  # 100+200
    assert wide.loc["Ann", "West"] == 50.0
    assert pd.isna(wide.loc["Ann", "(blank)"])  # no Ann deal without a region: no invented zero
    assert wide.loc["Bob", "West"] == 150.0  # 150 + (none)
    assert wide.loc["Cy", "(blank)"] == 80.0
    assert list(wide["Total"]) == [350.0, 450.0, 480.0, 1280.0]
    assert list(wide.loc["Total", ["East", "West", "(blank)"]]) == [1000.0, 200.0, 80.0]  # 300+300+400; 50+150
    assert len(result.long) == 6  # Ann×East, Ann×West, Bob×East, Bob×West, Cy×East, Cy×blank
    assert result.chart_kind == "heatmap"


def test_two_dimension_share_cell(con):
    result = explore.pivot(con, "sales", ["rep"], ["region"], "amount", "share")
    wide = result.wide.set_index("rep")
    assert wide.loc["Ann", "East"] == 0.234375  # 300/1280
    assert wide.loc["Total", "Total"] == 1.0


def test_month_and_quarter_grouping(con):
    month = explore.pivot(con, "sales", ["close_date:month"], [], "amount", "sum")
    got = dict(zip(month.long["close_date_month"], month.long["sum_amount"], strict=True))
    # Jan 100+200; Feb 50+300+150; Mar (none)+400; Apr 80
    assert got == {"2026-01": 300.0, "2026-02": 500.0, "2026-03": 400.0, "2026-04": 80.0}
    assert month.chart_kind == "line"
    assert month.time_dims == ["close_date_month"]
    quarter = explore.pivot(con, "sales", ["close_date:quarter"], [], "amount", "sum")
    got = dict(zip(quarter.long["close_date_quarter"], quarter.long["sum_amount"], strict=True))
    assert got == {"2026-Q1": 1200.0, "2026-Q2": 80.0}  # 300+500+400; 80


def test_filters_are_values_not_sql(con):
    east = explore.pivot(con, "sales", ["rep"], [], "amount", "sum", filters={"region": ["East"]})
    assert by_rep(east) == {"Ann": 300.0, "Bob": 300.0, "Cy": 400.0}  # deals 1+2, 4, 7
    blank = explore.pivot(con, "sales", ["rep"], [], "amount", "sum", filters={"region": [None]})
    assert by_rep(blank) == {"Cy": 80.0}  # only deal 8 has no region
    february = explore.pivot(con, "sales", ["rep"], [], "amount", "sum",
                             filters={"close_date:month": ["2026-02"], "rep": []})
    assert by_rep(february) == {"Ann": 50.0, "Bob": 450.0}  # empty list = no filter on rep
    hostile = explore.pivot(con, "sales", ["rep"], [], "amount", "sum",
                            filters={"region": ["East' OR '1'='1"]})
    assert hostile.long.empty and hostile.grand_total is None  # matched literally: no such region


def test_sort_by_value_and_column_limit(con):
    result = explore.pivot(con, "sales", ["rep"], [], "amount", "sum", sort="-value")
    assert list(result.wide["rep"]) == ["Cy", "Bob", "Ann", "Total"]  # 480 > 450 > 350
    limited = explore.pivot(con, "sales", ["rep"], ["region"], "amount", "sum", limit_cols=2)
    # Column totals East 1000, West 200, blank 80: the blank column goes; row totals keep all data.
    assert limited.dropped_columns == 1
    assert list(limited.wide.columns) == ["rep", "East", "West", "Total"]
    assert list(limited.wide["Total"]) == [350.0, 450.0, 480.0, 1280.0]


def test_count_cells_without_rows_are_zero_and_no_totals(con):
    result = explore.pivot(con, "sales", ["rep"], ["product"], None, "count", totals=False)
    wide = result.wide.set_index("rep")
    # Ann A,B,A; Bob A,B,B; Cy A,B
    assert wide.to_dict("index") == {"Ann": {"A": 2, "B": 1}, "Bob": {"A": 1, "B": 2}, "Cy": {"A": 1, "B": 1}}


def test_columns_only_and_no_dimensions(con):
    result = explore.pivot(con, "sales", [], ["region"], None, "count")
    assert list(result.wide.columns) == ["East", "West", "(blank)", "Total"]
    assert result.wide.iloc[0].tolist() == [4, 3, 1, 8]  # East 1,2,4,7; West 3,5,6; blank 8
    whole = explore.pivot(con, "sales", [], [], "amount", "sum")
    assert whole.grand_total == 1280.0 and whole.wide.iloc[0, 0] == 1280.0


def test_refuses_unknown_names_and_wrong_types(con):
    with pytest.raises(InputError) as err:
        explore.pivot(con, "sales", ['rep" FROM sales; DROP TABLE sales; --'], [], "amount", "sum")
    assert err.value.problems[0].code == "explore_no_column"
    with pytest.raises(InputError) as err:
        explore.pivot(con, "nosuch", ["rep"], [], "amount", "sum")
    assert err.value.problems[0].code == "explore_no_table"
    with pytest.raises(InputError) as err:
        explore.pivot(con, "sales", ["rep"], [], "region", "sum")
    assert err.value.problems[0].code == "explore_not_numeric"
    assert "region" in err.value.text("zh")
    with pytest.raises(InputError) as err:
        explore.pivot(con, "sales", ["rep:month"], [], "amount", "sum")
    assert err.value.problems[0].code == "explore_bad_grain"
    with pytest.raises(InputError):
        explore.pivot(con, "sales", ["rep"], [], "amount", "average")
    assert con.execute("SELECT count(*) FROM sales").fetchall()[0][0] == 8


def test_list_tables(con):
    explore.add_table(con, "targets", pd.DataFrame({"rep": ["Ann"], "target": [500.0]}))
    tables = explore.list_tables(con)
    assert tables.to_dict("records") == [
        {"name": "sales", "rows": 8, "columns": 6, "kind": "table"},
        {"name": "targets", "rows": 1, "columns": 2, "kind": "table"},
    ]


def test_join_counts_on_the_fixture(con):
    explore.add_table(con, "reps", pd.DataFrame({"rep": ["Ann", "Bob", "Dee"], "team": ["N", "S", "S"]}))
    result = explore.join_tables(con, "sales", "reps", ["rep"], ["rep"], name="sales_team")
    # Ann's 3 and Bob's 3 deals match; Cy's 2 do not; Dee has no deal.
    assert (result.rows, result.matched_left, result.unmatched_left, result.unmatched_right) == (8, 6, 2, 1)
    assert result.columns == ["id", "rep", "region", "product", "amount", "close_date", "team"]
    full = explore.join_tables(con, "sales", "reps", ["rep"], ["rep"], how="full", name="everyone")
    assert full.rows == 9  # 8 deals + Dee
    assert "Dee" in set(con.execute("SELECT rep FROM everyone").df()["rep"])


def _olist_or_skip() -> Path:
    if not OLIST.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{OLIST} is missing in CI")
        pytest.skip(f"public data set not present at {OLIST}")
    return OLIST


@pytest.mark.real_data
def test_olist_leads_joined_to_closed_deals():
    folder = _olist_or_skip()
    leads = pd.read_csv(folder / "olist_marketing_qualified_leads_dataset.csv")
    deals = pd.read_csv(folder / "olist_closed_deals_dataset.csv")
    con = duckdb.connect(":memory:")
    explore.add_table(con, "leads", leads)
    explore.add_table(con, "closed_deals", deals)
    result = explore.join_tables(con, "leads", "closed_deals", ["mql_id"], ["mql_id"], name="funnel")
    assert (result.left_rows, result.right_rows) == (8000, 842)
    assert result.rows == 8000 and result.matched_left == 842 and result.unmatched_left == 7158
    assert result.unmatched_right == 0  # every closed deal came from a qualified lead

    # Conversion by origin from two pivots: closed deals (non-blank won_date) / leads.
    won = explore.pivot(con, "funnel", ["origin"], [], "won_date", "count")
    leads_by_origin = explore.pivot(con, "funnel", ["origin"], [], None, "count")
    key = lambda o: None if pd.isna(o) else o  # noqa: E731
    won_by = {key(o): w for o, w in zip(won.long["origin"], won.long["count_won_date"], strict=True)}
    conversion = {key(o): won_by[key(o)] / n
                  for o, n in zip(leads_by_origin.long["origin"], leads_by_origin.long["count"], strict=True)}
    expected = leads.assign(won=leads["mql_id"].isin(deals["mql_id"])).groupby(
        leads["origin"].fillna("(none)"))["won"].mean()
    assert len(conversion) == len(expected) == 11  # 10 origins and the blank one
    for origin, rate in expected.items():
        assert conversion[None if origin == "(none)" else origin] == pytest.approx(rate), origin
    assert won.grand_total == 842 and leads_by_origin.grand_total == 8000
    assert math.isclose(conversion["organic_search"], 271 / 2296)  # 11.8 % of the largest origin
    assert math.isclose(conversion["paid_search"], 195 / 1586)  # 12.3 %


# --- a session's own tables, the status split, the Total row ------------------------------------

def _deals_con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE deals AS SELECT * FROM (VALUES ('D1', 'Ann', 'won', 100.0, '2026-01-05'), "
                "('D2', 'Ann', 'lost', 50.0, '2026-02-01'), ('D3', 'Bob', 'won', 300.0, 'n/a'), "
                "('D4', 'Cy', 'open', 40.0, '2026-03-09'), ('D5', 'Cy', NULL, 7.0, NULL)) "
                "t(deal_id, rep, status, amount, day)")
    return con


def test_status_split_gives_each_status_its_amount_won_first():
    split = explore.status_split(_deals_con())
    assert split["status"].tolist()[:3] == ["won", "open", "lost"] and pd.isna(split["status"].iloc[3])
    assert split["amount"].tolist() == [400.0, 40.0, 50.0, 7.0]  # 100+300; 40; 50; 7
    assert split["deals"].tolist() == [2, 1, 1, 1]
    con = duckdb.connect(":memory:")
    con.execute("CREATE TABLE t AS SELECT 1 AS amount")
    assert explore.status_split(con, "t").empty  # no status column: nothing to split


def test_the_total_rows_other_dimensions_are_empty_text():
    result = explore.pivot(_deals_con(), "deals", ["rep", "status"], [], "amount", "sum")
    assert result.wide.iloc[-1][["rep", "status"]].tolist() == ["Total", ""]
    assert result.wide.iloc[-1]["sum_amount" if "sum_amount" in result.wide else result.value_name] == 497.0


def test_date_columns_include_text_holding_dates():
    con = _deals_con()
    types = explore.describe(con, "deals")
    # day: 3 of the 4 present values are dates (75 %) -> below the 90 % rule
    assert explore.date_columns(con, "deals", types) == []
    con.execute("UPDATE deals SET day = '2026-01-01' WHERE day = 'n/a'")
    assert explore.date_columns(con, "deals", types) == ["day"]


def test_session_tables_keep_joins_privately_and_names_are_checked():
    base = _deals_con()
    session = explore.SessionTables("sample:1", "tok")
    made = []
    con = session.private_con(lambda: made.append(1) or explore.arrow_copies(base, ["deals"]))
    session.private_con(lambda: made.append(1) or {})
    assert made == [1]  # copied once
    con.execute("CREATE TABLE mine AS SELECT rep, count(*) AS n FROM deals GROUP BY rep")
    session.keep(con, "mine", "deals", "deals")
    assert session.version == 1 and session.tables["mine"].num_rows == 3 and session.sources["mine"] == ("deals", "deals")
    assert "mine" not in [r[0] for r in base.execute("SHOW TABLES").fetchall()]  # the shared data is untouched
    moved = session.moved_to("session:abc")
    assert moved.con is None and moved.version == 2 and set(moved.tables) == {"mine"}
    assert explore.name_taken("Deals", ["deals"]) and explore.name_taken("raw_x", []) and explore.name_taken("stage_map", [])
    assert not explore.name_taken("joined", ["deals"])


def test_as_text_reads_cells_as_a_file_would():
    frame = pd.DataFrame({"a": [1.0, 2.5, None], "d": pd.to_datetime(["2026-01-02", "2026-01-02 10:30", None], format="mixed")})
    assert explore.as_text(frame).to_dict("list") == {"a": ["1", "2.5", None],
                                                      "d": ["2026-01-02", "2026-01-02 10:30:00", None]}
