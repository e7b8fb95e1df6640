"""The embedded sample company: deterministic, well-formed, and telling the intended story."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from analytics.ingest.importer import import_file
from analytics.store import sample
from analytics.store.canonical import connect
from analytics.store.sample import generate, write_sample
from analytics.store.settings import Settings

AS_OF = date(2026, 11, 30)
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"
STAGES = ("Prospecting", "Communication", "Negotiation", "Contract signed")
ENTRIES = ("entered_prospecting", "entered_communication", "entered_negotiation", "entered_contract")
TS_AS_OF = pd.Timestamp(AS_OF)


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return generate(as_of=AS_OF)


@pytest.fixture(scope="module")
def deals(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return frames["deals"]


def _attainment(frames: dict[str, pd.DataFrame], months: list[str]) -> pd.Series:
    """Won amount / revenue target per rep over ``months`` (period keys), computed in pandas."""
    d, t = frames["deals"], frames["targets"]
    won = d[(d["status"] == "won") & d["close_date"].dt.strftime("%Y-%m").isin(months)]
    target = t[(t["metric"] == "revenue") & t["rep"].notna() & t["period"].isin(months)]
    return won.groupby("rep")["amount"].sum() / target.groupby("rep")["target"].sum()


# --- determinism -----------------------------------------------------------------------------------

def test_same_seed_gives_equal_frames(frames):
    again = generate(as_of=AS_OF, seed=sample.SEED)
    assert list(again) == list(sample.TABLE_ORDER)
    for name in sample.TABLE_ORDER:
        pd.testing.assert_frame_equal(frames[name], again[name])


def test_committed_files_equal_a_fresh_generation(tmp_path):
    written = write_sample(tmp_path, as_of=AS_OF)
    names = [p.name for p in written]
    assert names == [f"{t}.csv" for t in sample.TABLE_ORDER] + ["sales_company.xlsx"]
    for path in written:
        committed = SAMPLE_DIR / path.name
        assert committed.exists(), f"{committed} is missing: run write_sample(Path('data/sample'))"
        # Byte-identical, the workbook too (fixed timestamps inside the zip and the properties).
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} differs from a fresh generation"
    total = sum(p.stat().st_size for p in written)
    assert total < 3_000_000


def test_csv_files_have_canonical_headers_and_iso_dates():
    deals_csv = (SAMPLE_DIR / "deals.csv").read_text(encoding="utf-8").splitlines()
    first = dict(zip(deals_csv[0].split(","), deals_csv[1].split(","), strict=False))
    assert date.fromisoformat(first["created_date"]) <= date.fromisoformat(first["close_date"])
    for table in sample.TABLE_ORDER:
        header = (SAMPLE_DIR / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(",") == sample.file_columns(table)
    assert sample.file_columns("deals")[-4:] == list(ENTRIES)
    # Period tables carry text keys; amounts are whole dollars, written without ".0".
    assert (SAMPLE_DIR / "targets.csv").read_text(encoding="utf-8").split("\n")[1].startswith("2024-12,")
    assert ".0," not in deals_csv[1]


def test_committed_files_import_without_a_rejected_row(frames):
    """The importer reads every sample CSV back to the generated frames, nothing rejected."""
    for table in sample.TABLE_ORDER:
        path = SAMPLE_DIR / f"{table}.csv"
        (result,) = import_file(path.read_bytes(), path.name)
        assert result.table == table and result.ok
        assert result.rows_loaded == result.rows_read == len(frames[table])
        cols = [c for c in frames[table].columns if c in result.frame.columns]
        assert len(cols) == len(frames[table].columns)
        pd.testing.assert_frame_equal(result.frame[cols].reset_index(drop=True), frames[table],
                                      check_dtype=False)


def test_workbook_has_one_sheet_per_table_with_a_bold_frozen_header(frames, tmp_path):
    committed = load_workbook(SAMPLE_DIR / "sales_company.xlsx", read_only=True)
    assert committed.sheetnames == list(sample.TABLE_ORDER)
    committed.close()
    # The layout, checked on a small workbook written the same way (3 rows per table).
    path = tmp_path / "small.xlsx"
    sample.write_workbook(path, {t: f.head(3) for t, f in frames.items()}, AS_OF)
    wb = load_workbook(path)
    assert wb.sheetnames == list(sample.TABLE_ORDER)
    for table in sample.TABLE_ORDER:
        ws = wb[table]
        header = [c.value for c in ws[1]]
        assert header == sample.file_columns(table)
        assert all(c.font.b for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 4
    deals_ws = wb["deals"]
    col = header_index(deals_ws, "created_date")
    assert deals_ws.cell(row=2, column=col).value.date() == frames["deals"]["created_date"][0].date()
    assert deals_ws.cell(row=2, column=col).number_format == "yyyy-mm-dd"
    assert isinstance(deals_ws.cell(row=2, column=header_index(deals_ws, "amount")).value, int)
    assert wb.properties.modified.date() == AS_OF


def header_index(ws, name: str) -> int:
    return [c.value for c in ws[1]].index(name) + 1


# --- shape -----------------------------------------------------------------------------------------

def test_company_shape(deals, frames):
    assert set(deals["team"]) == {"East", "West", "Key Accounts"}
    assert deals["rep"].nunique() == 12
    assert sorted(deals["channel"].unique()) == ["Direct", "Distribution", "E-commerce"]
    assert sorted(deals["lead_source"].unique()) == ["Ads", "Promotion", "Referral", "Trade show", "Web"]
    assert set(deals["segment"]) == {"Enterprise", "Mid-market", "SMB", "Public sector"}
    assert set(deals["region"]) == {"North", "South", "East", "West"}
    assert 5 <= deals["product"].nunique() <= 7
    assert 3000 <= len(deals) <= 5000
    assert deals["deal_id"].is_unique
    # About 400 customers, many of them buying more than once.
    customers = deals["customer"].value_counts()
    assert 350 <= len(customers) <= 400
    assert (deals[deals["status"] == "won"]["customer"].value_counts() >= 2).sum() >= 150
    # Four reps per team on as_of (the new hire in East, the mover now in Key Accounts).
    t = frames["targets"]
    current = t[(t["period"] == "2026-11") & t["rep"].notna() & (t["metric"] == "revenue")]
    assert current.groupby("team")["rep"].nunique().to_dict() == {"East": 4, "Key Accounts": 4, "West": 4}


def test_twelve_reps():
    names = [r.name for r in sample.REPS]
    assert len(names) == 12 and len(set(names)) == 12
    assert all(n.isascii() for n in names)


def test_deals_span_24_months_ending_in_as_of_month(deals):
    closed = deals[deals["status"] != "open"]
    months = closed["close_date"].dt.to_period("M")
    # 2024-12 .. 2026-11 is 24 months; every one of them has closed deals.
    assert str(months.min()) == "2024-12" and str(months.max()) == "2026-11"
    assert months.nunique() == 24
    assert closed["close_date"].max() <= TS_AS_OF
    # Deals that closed early in the window were created at most 3 months before it.
    assert deals["created_date"].min() >= pd.Timestamp("2024-09-01")
    assert deals["created_date"].max() <= TS_AS_OF


def test_status_is_consistent_with_stage(deals):
    won, lost, open_ = (deals[deals["status"] == s] for s in ("won", "lost", "open"))
    assert len(won) + len(lost) + len(open_) == len(deals)
    assert (won["stage"] == "Contract signed").all()
    assert (lost["stage"] == "Lost").all()
    assert open_["stage"].isin(STAGES[:3]).all()
    assert lost["lost_stage"].isin(STAGES[:3]).all()
    assert lost["lost_reason"].isin(["Price", "Competitor", "No budget", "Timing", "No decision"]).all()
    assert won["lost_reason"].isna().all() and open_["lost_stage"].isna().all()
    # The default settings read every stage label to the same status.
    settings = Settings()
    for stage, status in deals[["stage", "status"]].drop_duplicates().itertuples(index=False):
        assert settings.classify_stage(stage)[1] == status, stage
    win_rate = len(won) / (len(won) + len(lost))
    assert 0.25 <= win_rate <= 0.35


def test_won_deals_have_amount_and_closed_by_as_of(deals):
    won = deals[deals["status"] == "won"]
    assert won["amount"].notna().all() and (won["amount"] > 0).all()
    assert won["close_date"].notna().all() and (won["close_date"] <= TS_AS_OF).all()
    assert won["created_date"].notna().all()
    # Typical sizes: SMB ~5k, Mid-market ~20k, Enterprise ~80k (means of won deals).
    means = won.groupby("segment")["amount"].mean()
    assert 3_000 < means["SMB"] < 8_000
    assert 12_000 < means["Mid-market"] < 30_000
    assert 55_000 < means["Enterprise"] < 110_000
    # Cycle grows with deal size: SMB about a month, Enterprise about three.
    cycle = (won["close_date"] - won["created_date"]).dt.days.groupby(won["segment"]).mean()
    assert 20 < cycle["SMB"] < 40 and 70 < cycle["Enterprise"] < 100


def _check_paths(deals: pd.DataFrame, as_of: pd.Timestamp) -> None:
    """Stage-entry dates consistent with each deal's path and nothing closed after as_of."""
    won = deals[deals["status"] == "won"]
    assert (deals.loc[deals["status"] != "open", "close_date"] <= as_of).all()
    assert (deals["created_date"].dropna() <= as_of).all()
    dates = won[list(ENTRIES)]
    assert dates.notna().all().all()
    assert (dates.diff(axis=1).iloc[:, 1:] > pd.Timedelta(0)).all().all()
    assert (won["entered_contract"] == won["close_date"]).all()
    has_created = deals["created_date"].notna()
    assert (deals.loc[has_created, "created_date"] == deals.loc[has_created, "entered_prospecting"]).all()
    for status, frame in deals.groupby("status"):
        if status == "won":
            continue
        col = "lost_stage" if status == "lost" else "stage"
        for label, rows in frame.groupby(col):
            k = STAGES.index(label)
            reached = rows[list(ENTRIES[1:k + 1])]
            assert reached.notna().all().all(), (status, label)
            assert rows[list(ENTRIES[k + 1:])].isna().all().all(), (status, label)
            path = rows[list(ENTRIES[:k + 1])].dropna(subset=[ENTRIES[0]])
            if k:
                assert (path.diff(axis=1).iloc[:, 1:] > pd.Timedelta(0)).all().all()
            last = rows[ENTRIES[k]]
            if status == "lost":
                assert (rows["close_date"] > last).all()  # lost after the last stage reached
            else:
                assert (last.dropna() <= as_of).all()


def test_stage_dates_follow_the_path(deals):
    _check_paths(deals, TS_AS_OF)


def test_another_as_of_mid_month_keeps_the_rules():
    as_of = date(2026, 2, 14)
    other = generate(as_of=as_of, seed=11)
    _check_paths(other["deals"], pd.Timestamp(as_of))
    closed = other["deals"][other["deals"]["status"] != "open"]
    assert str(closed["close_date"].min().to_period("M")) == "2024-03"  # 23 months before February 2026
    t = other["targets"]
    assert t[t["metric"] == "revenue"]["period"].max() == "2026-12"
    newcomer = t[(t["rep"] == "Emily Zhou") & (t["metric"] == "revenue")]["period"].min()
    assert newcomer == "2025-07"  # seven months before as_of's month


def test_open_pipeline_is_recent_with_a_few_holes(deals):
    open_ = deals[deals["status"] == "open"]
    recent = open_["created_date"] >= TS_AS_OF - pd.Timedelta(days=92)
    assert recent.sum() / open_["created_date"].notna().sum() >= 0.75
    # Expected close dates: mostly ahead, a few slipped into the recent past.
    ahead = open_["close_date"] > TS_AS_OF
    assert ahead.mean() > 0.8 and (~ahead).sum() >= 1
    assert (open_["close_date"] >= TS_AS_OF - pd.Timedelta(days=30)).all()
    # Blank created dates only on a few Prospecting deals; blank amounts only on a few open deals.
    blank_created = deals[deals["created_date"].isna()]
    assert 1 <= len(blank_created) <= 10
    assert (blank_created["stage"] == "Prospecting").all()
    blank_amount = deals[deals["amount"].isna()]
    assert 1 <= len(blank_amount) <= 10 and (blank_amount["status"] == "open").all()
    # Probability blank for most deals (the stage default applies), set on some open ones.
    assert deals["probability"].notna().sum() < 0.1 * len(deals)
    assert open_["probability"].notna().sum() >= 20
    assert deals["probability"].dropna().between(0, 1).all()


def test_q4_strong_and_february_weak(deals):
    won = deals[deals["status"] == "won"]
    by_month = won.groupby(won["close_date"].dt.month)["amount"].sum()
    assert by_month.idxmax() in (10, 11, 12)
    assert by_month[2] < by_month.drop(2).min() * 1.05


# --- profiles --------------------------------------------------------------------------------------

def test_attainment_profiles_over_the_last_six_months(frames):
    last6 = [f"2026-{m:02d}" for m in range(6, 12)]  # June .. November 2026
    att = _attainment(frames, last6)
    assert 1.30 <= att["Chen Jing"] <= 1.50  # the star
    assert 0.40 <= att["David Kim"] <= 0.60  # far behind
    assert 0.45 <= att["Emily Zhou"] <= 0.85  # the new hire, ramping
    # Everyone else is in the ordinary 80-115 % band.
    rest = att.drop(["Chen Jing", "David Kim", "Emily Zhou"])
    assert rest.between(0.80, 1.15).all(), rest.round(3).to_dict()


def test_new_hire_ramps_up_from_april(frames, deals):
    hers = deals[deals["rep"] == "Emily Zhou"]
    assert hers["created_date"].min() >= pd.Timestamp("2026-04-01")
    t = frames["targets"]
    months = sorted(t[(t["rep"] == "Emily Zhou") & (t["metric"] == "revenue")]["period"])
    assert months[0] == "2026-04" and months[-1] == "2026-12"
    early = _attainment(frames, ["2026-04", "2026-05", "2026-06"])["Emily Zhou"]
    late = _attainment(frames, ["2026-09", "2026-10", "2026-11"])["Emily Zhou"]
    assert early < 0.5 < late


def test_team_change_carries_the_team_of_the_time(frames, deals):
    hers = deals[deals["rep"] == "Li Na"]
    before = hers[hers["close_date"] < pd.Timestamp("2026-07-01")]
    after = hers[hers["close_date"] >= pd.Timestamp("2026-07-01")]
    assert set(before["team"]) == {"West"} and set(after["team"]) == {"Key Accounts"}
    t = frames["targets"]
    rows = t[(t["rep"] == "Li Na") & (t["metric"] == "revenue")].set_index("period")["team"]
    assert rows["2026-06"] == "West" and rows["2026-07"] == "Key Accounts"


# --- targets ---------------------------------------------------------------------------------------

def test_targets_cover_every_month_and_decompose_but_once(frames):
    t = frames["targets"]
    revenue = t[t["metric"] == "revenue"]
    months = sorted(revenue["period"].unique())
    assert months[0] == "2024-12" and months[-1] == "2026-12" and len(months) == 25
    reps = revenue[revenue["rep"].notna()]
    teams = revenue[revenue["rep"].isna() & revenue["team"].notna()].set_index(["period", "team"])["target"]
    company = revenue[revenue["rep"].isna() & revenue["team"].isna()].set_index("period")["target"]
    assert company.index.is_unique and len(company) == 25
    rep_sum = reps.groupby(["period", "team"])["target"].sum()
    diff = (teams - rep_sum).loc[lambda s: s != 0]
    # Exactly one month where a team's own target differs from the sum of its reps.
    assert diff.to_dict() == {("2026-03", "Key Accounts"): 25_000.0}
    assert (company - teams.groupby(level="period").sum()).abs().max() == 0
    assert (revenue["period_start"].dt.day == 1).all()
    assert (revenue["period_end"] == revenue["period_start"] + pd.offsets.MonthEnd(0)).all()
    units = t[t["metric"] == "units"]
    assert sorted(units["period"].unique()) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert (units["target"] > 0).all()


# --- surveys, reviews, activities, costs, markets --------------------------------------------------

def test_surveys_follow_won_deals(frames, deals):
    s = frames["surveys"]
    won = deals[deals["status"] == "won"].set_index("deal_id")
    assert s["deal_id"].isin(won.index).all()
    linked = won.loc[s["deal_id"]]
    assert (s["customer"].to_numpy() == linked["customer"].to_numpy()).all()
    assert (s["rep"].to_numpy() == linked["rep"].to_numpy()).all()
    assert (s["date"].to_numpy() > linked["close_date"].to_numpy()).all()
    assert (s["date"] <= TS_AS_OF).all()
    # About 40 % of the won deals that closed long enough ago to have been surveyed.
    old = won[won["close_date"] <= TS_AS_OF - pd.Timedelta(days=45)]
    share = s["deal_id"].isin(old.index).sum() / len(old)
    assert 0.30 <= share <= 0.50
    assert s["csat"].dropna().isin([1, 2, 3, 4, 5]).all() and s["nps"].dropna().between(0, 10).all()
    csat = s.groupby("rep")["csat"].mean()
    assert csat["Chen Jing"] > csat["David Kim"] + 0.5
    assert s["comment"].dropna().str.contains("[\u4e00-\u9fff]").sum() >= 3  # a few in Chinese


def test_peer_reviews_by_teammates_every_quarter(frames, deals):
    p = frames["peer_reviews"]
    assert p["score"].isin([1, 2, 3, 4, 5]).all()
    assert (p["rep"] != p["reviewer"]).all()
    counts = p.groupby(["period", "rep"]).size()
    assert counts.between(2, 3).all()
    assert p["period"].min() == "2025-Q1" and p["period"].max() == "2026-Q4"
    q3 = p[p["period"] == "2026-Q3"]
    team_of = {"Li Na": "Key Accounts", "Emily Zhou": "East", "Chen Jing": "East"}
    for rep, team in team_of.items():
        mates = set(deals[(deals["team"] == team) & (deals["close_date"].dt.year == 2026)
                          & (deals["close_date"].dt.month.between(7, 9))]["rep"])
        assert set(q3[q3["rep"] == rep]["reviewer"]) <= mates


def test_activities_follow_won_deals_with_due_and_overdue_follow_ups(frames, deals):
    a = frames["activities"]
    won = deals[deals["status"] == "won"].set_index("deal_id")
    assert a["deal_id"].isin(won.index).all()
    first = a.groupby("deal_id")["date"].min()
    delay = (first - won.loc[first.index, "close_date"]).dt.days
    assert (delay >= 1).all()
    assert 0.65 <= (delay <= 14).mean() <= 0.9  # most within 14 days, some late
    closed_early = won[won["close_date"] <= TS_AS_OF - pd.Timedelta(days=60)]
    assert 0.05 <= 1 - closed_early.index.isin(a["deal_id"]).mean() <= 0.3  # some never followed up
    assert set(a["type"]) == {"Call", "Email", "Visit"}
    due = a["next_followup_date"]
    assert due.between(TS_AS_OF + pd.Timedelta(days=1), TS_AS_OF + pd.Timedelta(days=7)).sum() >= 3
    assert (due < TS_AS_OF).sum() >= 3
    assert (due.dropna() > a.loc[due.notna(), "date"]).all()


def test_campaign_costs_and_markets(frames):
    c = frames["campaigns"]
    per_source = c.groupby("lead_source")["period"].nunique()
    assert per_source["Ads"] == 24 and per_source["Web"] == 24
    assert per_source["Trade show"] < 12  # lumpy: only in show months
    ads = c[c["lead_source"] == "Ads"]["cost"]
    shows = c[c["lead_source"] == "Trade show"]["cost"]
    assert ads.std() / ads.mean() < 0.15 and shows.max() > 3 * ads.mean()
    assert (c["cost"] > 0).all()
    m = frames["markets"]
    assert sorted(m["period"].unique()) == ["2024", "2025", "2026"]
    assert m.groupby("period")["segment"].nunique().eq(4).all()
    assert (m["market_size"] > 0).all()


def test_frames_load_into_duckdb(frames):
    con = connect(frames)
    rows = con.execute(
        "SELECT team, count(*) FROM deals WHERE status = 'won' GROUP BY team ORDER BY team"
    ).fetchall()
    assert [r[0] for r in rows] == ["East", "Key Accounts", "West"]
    expected = frames["deals"][frames["deals"]["status"] == "won"].groupby("team").size()
    assert [r[1] for r in rows] == [int(expected[t]) for t in ("East", "Key Accounts", "West")]
    n = con.execute("SELECT count(*) FROM targets WHERE period_start IS NULL").fetchall()[0][0]
    assert n == 0
    assert np.isclose(
        con.execute("SELECT sum(cost) FROM campaigns").fetchall()[0][0], frames["campaigns"]["cost"].sum()
    )
