"""Strategy figures (analytics.metrics.performance) on public data nobody on this project wrote.

- Superstore 2015 (Tableau): the Orders sheet of the .xls, imported as a user would, gives the
  published sales by segment.
- Olist marketing funnel: 8,000 qualified leads and the 842 deals closed from them. Joined the
  way a user would (a lead is a deal created on its first contact date, won when it closed),
  ``lead_source_roi`` gives the lead → won conversion by origin that plain pandas gives.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.ingest.importer import import_file
from analytics.metrics.performance import lead_source_roi, performance
from analytics.store import canonical
from tests.conftest import dataset

pytestmark = pytest.mark.real_data


def test_superstore_2015_sales_by_segment():
    path = dataset("superstore/superstore-2015.xls")
    (result,) = import_file(path.read_bytes(), path.name, sheet="Orders")
    assert result.table == "deals" and result.rows_loaded == 9_994 and result.rows_rejected == 0
    con = canonical.connect({"deals": result.frame})
    table = performance(con, "segment", None).set_index("segment")
    # published figures of the 2015 edition
    assert round(table.loc["Consumer", "won_revenue"], 2) == 1_161_401.34
    assert round(table.loc["Corporate", "won_revenue"], 2) == 706_146.37
    assert round(table.loc["Home Office", "won_revenue"], 2) == 429_653.15
    assert round(table["won_revenue"].sum(), 2) == 2_297_200.86
    # 5,009 orders: the lines of one order are one deal
    assert table["deals_won"].sum() == 5_009
    assert table["revenue_share"].sum() == pytest.approx(1.0)


def _olist() -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = "olist-marketing-funnel/"
    leads = pd.read_csv(dataset(folder + "olist_marketing_qualified_leads_dataset.csv"))
    closed = pd.read_csv(dataset(folder + "olist_closed_deals_dataset.csv"))
    return leads, closed


def test_olist_lead_to_won_conversion_by_origin():
    leads, closed = _olist()
    assert len(leads) == 8_000 and len(closed) == 842
    joined = leads.merge(closed[["mql_id", "won_date"]], on="mql_id", how="left", validate="one_to_one")
    # the expected figures, in plain pandas
    expected = joined.groupby("origin").agg(leads=("mql_id", "size"), won=("won_date", "count"))
    expected["conversion"] = expected["won"] / expected["leads"]
    assert expected.loc["organic_search"].tolist()[:2] == [2_296, 271]
    assert expected.loc["paid_search"].tolist()[:2] == [1_586, 195]

    deals = pd.DataFrame({
        "deal_id": joined["mql_id"],
        "created_date": pd.to_datetime(joined["first_contact_date"]).dt.date,
        "lead_source": joined["origin"],
        "status": joined["won_date"].notna().map({True: "won", False: "open"}),
        "close_date": pd.to_datetime(joined["won_date"]).dt.date,
    })
    con = canonical.connect({"deals": deals})
    roi = lead_source_roi(con, None)
    got = roi[roi["lead_source"].notna()].set_index("lead_source").sort_index()
    assert got.index.tolist() == expected.index.tolist()
    assert got["leads"].tolist() == expected["leads"].tolist()
    assert got["won"].tolist() == expected["won"].tolist()
    assert got["conversion"].tolist() == pytest.approx(expected["conversion"].tolist())
    assert got.loc["organic_search", "conversion"] == pytest.approx(271 / 2_296)  # 11.80 %
    # 60 leads have no origin (14 of them won): one row with a missing source, not dropped
    blank = roi[roi["lead_source"].isna()].iloc[0]
    assert (blank["leads"], blank["won"]) == (60, 14)
    assert roi["leads"].sum() == 8_000 and roi["won"].sum() == 842
    # no campaign costs in this data: cost, cost per won and ROI are unknown, never 0
    assert roi["cost"].isna().all() and roi["roi"].isna().all()
