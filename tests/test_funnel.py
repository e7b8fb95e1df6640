"""Funnel: reached per stage, conversions, the three switches, stage dates, cohorts, time in stage.

Stages (default settings): 0 prospecting, 1 communication, 2 negotiation, 3 contract (= won).
Every expected figure below was worked out by hand from the fixture table in ``_deals``.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.funnel import cohort_funnel, funnel, lost_reasons, stage_deals, time_in_stage
from analytics.periods import parse_period
from analytics.store import canonical
from analytics.store.settings import DEFAULT_SETTINGS

NaT = None


def _deals() -> pd.DataFrame:
    """Ten deals. reach = last stage reached (any-stage rule), strict = last stage with every
    earlier stage touched. Dates are 2026 unless said.

    id rep stage         status lost_stage     created  entry dates (p, c, n)     reach strict
    A  Ann Closed Won    won    -              01-05    -                          3     3
    B  Ann Negotiation   open   -              01-10    -                          2     2
    C  Ann Prospecting   open   -              01-20    -                          0     0
    D  Ann Closed Lost   lost   Communication  01-25    -                          1     1
    E  Ann Closed Lost   lost   -              02-03    -                          0     0  (no stage of loss)
    F  Bob Negotiation   open   -              02-01    p 02-01, n 02-10           2     0  (skipped c)
    G  Bob Closed Won    won    -              02-02    p 02-02, c 02-05, n 02-15  3     3
    H  Bob Communication open   -              02-04    p 02-04, c 02-20, n 02-12  2     2  (backward n→c)
    I  Bob Closed Lost   lost   Negotiation    02-05    p 02-05                    2     0  (skipped c)
    J  Bob Communication open   -              (none)   -                          1     1
    """
    rows = [
        # id, rep, stage, status, lost_stage, lost_reason, amount, created, close, p, c, n
        ("A", "Ann", "Closed Won", "won", None, None, 1000.0, "2026-01-05", "2026-02-10", NaT, NaT, NaT),
        ("B", "Ann", "Negotiation", "open", None, None, 500.0, "2026-01-10", "2026-06-30", NaT, NaT, NaT),
        ("C", "Ann", "Prospecting", "open", None, None, None, "2026-01-20", None, NaT, NaT, NaT),
        ("D", "Ann", "Closed Lost", "lost", "Communication", "Price", 200.0, "2026-01-25", "2026-02-20",
         NaT, NaT, NaT),
        ("E", "Ann", "Closed Lost", "lost", None, "Price", None, "2026-02-03", "2026-02-25", NaT, NaT, NaT),
        ("F", "Bob", "Negotiation", "open", None, None, 800.0, "2026-02-01", "2026-05-31",
         "2026-02-01", NaT, "2026-02-10"),
        ("G", "Bob", "Closed Won", "won", None, None, 2000.0, "2026-02-02", "2026-03-01",
         "2026-02-02", "2026-02-05", "2026-02-15"),
        ("H", "Bob", "Communication", "open", None, None, 300.0, "2026-02-04", "2026-05-31",
         "2026-02-04", "2026-02-20", "2026-02-12"),
        ("I", "Bob", "Closed Lost", "lost", "Negotiation", None, 300.0, "2026-02-05", "2026-03-10",
         "2026-02-05", NaT, NaT),
        ("J", "Bob", "Communication", "open", None, None, None, None, "2026-04-30", NaT, NaT, NaT),
    ]
    cols = ["deal_id", "rep", "stage", "status", "lost_stage", "lost_reason", "amount", "created_date",
            "close_date", "entered_prospecting", "entered_communication", "entered_negotiation"]
    return pd.DataFrame(rows, columns=cols)


@pytest.fixture
def con():
    return canonical.connect({"deals": _deals()})


def _reached(table: pd.DataFrame) -> list[int]:
    return table["reached"].tolist()


def _close(values, expected) -> bool:
    return all((math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9 for a, b in zip(values, expected, strict=True))


NAN = float("nan")


# --- snapshot, any stage ----------------------------------------------------------------------

def test_snapshot_all_deals_reached_and_conversions(con):
    result = funnel(con, None)
    t = result.table
    assert t["stage"].tolist() == ["prospecting", "communication", "negotiation", "contract"]
    assert [DEFAULT_SETTINGS.stage(k).label("zh") for k in t["stage"]] == ["客户开拓", "客户沟通", "销售谈判", "签订合同"]
    # reach A3 B2 C0 D1 E0 F2 G3 H2 I2 J1: >=0: 10; >=1: A B D F G H I J = 8; >=2: A B F G H I = 6; >=3: A G = 2
    assert _reached(t) == [10, 8, 6, 2]
    # to next stage: 8/10, 6/8, 2/6, last NaN
    assert _close(t["conversion"], [0.8, 0.75, 2 / 6, NAN])
    # from first: 10/10, 8/10, 6/10, 2/10
    assert _close(t["conversion_from_first"], [1.0, 0.8, 0.6, 0.2])
    # from previous: first NaN, then 8/10, 6/8, 2/6
    assert _close(t["conversion_from_previous"], [NAN, 0.8, 0.75, 2 / 6])
    assert result.deals == 10
    assert result.lost_without_stage == 1  # E: lost, no lost_stage, no dates, stage label 'Closed Lost'
    assert result.deals_without_stage_dates == 6  # A B C D E J
    assert result.deals_without_created_date == 0  # no period: J is in
    assert result.backward_moves == 1  # H: negotiation 02-12 before communication 02-20
    assert result.skipped_stages == 2  # F and I have no communication date


def test_snapshot_period_uses_created_date_and_counts_deals_without_it(con):
    result = funnel(con, parse_period("2026-02"))
    # created in February: E F G H I (J has no created date: left out, counted)
    # reach E0 F2 G3 H2 I2 → >=0: 5, >=1: 4, >=2: 4, >=3: 1
    assert _reached(result.table) == [5, 4, 4, 1]
    assert _close(result.table["conversion"], [4 / 5, 4 / 4, 1 / 4, NAN])
    assert result.deals == 5
    assert result.deals_without_created_date == 1
    assert result.lost_without_stage == 1  # E
    codes = [p.code for p in result.notes()]
    assert "funnel.lost_without_stage" in codes and "funnel.no_created_date" in codes
    # The page shows the notes in both languages.
    lost_note = next(p for p in result.notes() if p.code == "funnel.lost_without_stage")
    assert lost_note.text("en").startswith("Lost deals with no stage of loss and no stage dates: 1.") and "输单" in lost_note.text("zh")


# --- strict -----------------------------------------------------------------------------------

def test_strict_does_not_count_skipped_stages(con):
    result = funnel(con, None, strict=True)
    # strict idx A3 B2 C0 D1 E0 J1 (no dates: as non-strict), F0 (skipped c), G3, H2, I0 (skipped c)
    # >=0: 10; >=1: A B D J G H = 6; >=2: A B G H = 4; >=3: A G = 2
    assert _reached(result.table) == [10, 6, 4, 2]
    assert _close(result.table["conversion"], [0.6, 4 / 6, 0.5, NAN])


def test_strict_only_dated_deals_differ():
    # One deal won after prospecting → negotiation (communication skipped), one with no dates.
    deals = pd.DataFrame({
        "deal_id": ["W", "X"], "rep": ["r", "r"], "stage": ["Won", "Won"], "status": ["won", "won"],
        "created_date": ["2026-01-01", "2026-01-01"], "close_date": ["2026-02-01", "2026-02-01"],
        "entered_prospecting": ["2026-01-01", None], "entered_negotiation": ["2026-01-10", None],
    })
    c = canonical.connect({"deals": deals})
    # any stage: both won → reached every stage: 2, 2, 2, 2
    assert _reached(funnel(c, None).table) == [2, 2, 2, 2]
    # strict: W stops at prospecting (communication untouched); X has no dates → falls back: 2, 1, 1, 1
    assert _reached(funnel(c, None, strict=True).table) == [2, 1, 1, 1]


def test_backward_move_counts_every_touched_stage_in_both_modes(con):
    h_only = funnel(con, None, Filters(rep=("Bob",)))
    # Bob: F2 G3 H2 I2 J1 → 5, 5, 4, 1
    assert _reached(h_only.table) == [5, 5, 4, 1]
    strict = funnel(con, None, Filters(rep=("Bob",)), strict=True)
    # strict: F0 G3 H2 I0 J1 → >=0 5, >=1 G H J = 3, >=2 G H = 2, >=3 G = 1
    assert _reached(strict.table) == [5, 3, 2, 1]
    assert strict.backward_moves == 1


# --- lost deals -------------------------------------------------------------------------------

def test_lost_deals_with_and_without_lost_stage():
    deals = pd.DataFrame({
        "deal_id": ["L1", "L2", "L3", "L4", "L5"],
        "rep": ["r"] * 5,
        # L4: the CRM kept the stage and marked the status lost → lost in negotiation.
        "stage": ["Closed Lost", "Closed Lost", "Closed Lost", "Negotiation", "Closed Lost"],
        "status": ["lost"] * 5,
        # L3's lost_stage is Chinese (销售谈判 = negotiation); L5's cannot be classified.
        "lost_stage": ["Communication", None, "销售谈判", None, "somewhere"],
        "created_date": ["2026-01-01"] * 5, "close_date": ["2026-02-01"] * 5,
    })
    result = funnel(canonical.connect({"deals": deals}), None)
    # reach L1 1, L2 0, L3 2, L4 2, L5 0 → >=0 5, >=1 3, >=2 2, >=3 0 (a lost deal never reaches contract)
    assert _reached(result.table) == [5, 3, 2, 0]
    assert result.lost_without_stage == 2  # L2 and L5 (an unknown lost_stage is no stage)
    assert _close(result.table["conversion"], [3 / 5, 2 / 3, 0.0, NAN])


def test_lost_stage_equal_to_won_stage_is_capped_below_it():
    deals = pd.DataFrame({"deal_id": ["L"], "rep": ["r"], "stage": ["Lost"], "status": ["lost"],
                          "lost_stage": ["Contract signed"], "created_date": ["2026-01-01"],
                          "close_date": ["2026-01-05"]})
    # a lost deal reached at most negotiation: 1, 1, 1, 0
    assert _reached(funnel(canonical.connect({"deals": deals}), None).table) == [1, 1, 1, 0]


# --- by and cohort ----------------------------------------------------------------------------

def test_by_rep(con):
    t = funnel(con, None, by="rep").table
    assert list(t.columns[:2]) == ["rep", "stage"]
    # Ann: A3 B2 C0 D1 E0 → 5, 3, 2, 1 ; Bob: F2 G3 H2 I2 J1 → 5, 5, 4, 1
    assert _reached(t[t["rep"] == "Ann"]) == [5, 3, 2, 1]
    assert _reached(t[t["rep"] == "Bob"]) == [5, 5, 4, 1]
    with pytest.raises(ValueError):
        funnel(con, None, by="amount; DROP TABLE deals")


def test_cohort_mode_groups_by_created_month(con):
    result = funnel(con, None, mode="cohort")
    t = result.table
    # January: A3 B2 C0 D1 → 4, 3, 2, 1 ; February: E0 F2 G3 H2 I2 → 5, 4, 4, 1 ; J (no date) left out
    assert _reached(t[t["created_month"] == "2026-01"]) == [4, 3, 2, 1]
    assert _reached(t[t["created_month"] == "2026-02"]) == [5, 4, 4, 1]
    assert result.deals_without_created_date == 1
    # data as of 2026-03-10 (I's close date, the latest non-expected date); won cycles A 36 d, G 27 d
    # → median 31.5; January's youngest deals are 38 days old (01-31 → 03-10), February's 10 days.
    assert result.median_won_cycle_days == 31.5
    assert result.too_young_cohorts == ["2026-02"]
    assert any(p.code == "funnel.cohort_too_young" for p in result.notes())


def test_cohort_funnel_shares_ages_and_too_young(con):
    t = cohort_funnel(con, None, None, Filters(), DEFAULT_SETTINGS)
    assert list(t.columns) == ["created_month", "stage", "reached", "share_of_cohort", "cohort_age_days",
                               "too_young"]
    jan, feb = t[t["created_month"] == "2026-01"], t[t["created_month"] == "2026-02"]
    assert _close(jan["share_of_cohort"], [4 / 4, 3 / 4, 2 / 4, 1 / 4])
    assert _close(feb["share_of_cohort"], [5 / 5, 4 / 5, 4 / 5, 1 / 5])
    assert jan["cohort_age_days"].iloc[0] == 38 and feb["cohort_age_days"].iloc[0] == 10
    assert not jan["too_young"].any() and feb["too_young"].all()
    # as of 2026-04-30: January 89 days (28 + 31 + 30), February 61 (31 + 30): both old enough
    later = cohort_funnel(con, None, None, as_of=date(2026, 4, 30))
    assert sorted(later["cohort_age_days"].unique()) == [61, 89]
    assert not later["too_young"].any()
    # range: only January's cohort
    only_jan = cohort_funnel(con, date(2026, 1, 1), date(2026, 1, 31))
    assert only_jan["created_month"].unique().tolist() == ["2026-01"]


# --- time in stage, lost reasons, stage deals -------------------------------------------------

def test_time_in_stage_from_entry_dates(con):
    t = time_in_stage(con, None, Filters(), DEFAULT_SETTINGS).set_index("stage")
    assert t.index.tolist() == ["prospecting", "communication", "negotiation"]
    # prospecting: F 02-01→02-10 (next dated stage) 9 d; G 02-02→02-05 3 d; H 02-04→02-12 8 d; I never left
    # sorted 3, 8, 9 → median 8; p75 at position 1.5 → 8 + 0.5 × (9 − 8) = 8.5
    assert t.loc["prospecting", "deals"] == 3
    assert t.loc["prospecting", "median_days"] == 8 and t.loc["prospecting", "p75_days"] == 8.5
    # communication: G 02-05→02-15 = 10 d; H 02-20 has only an earlier negotiation date → left out
    assert t.loc["communication", "deals"] == 1 and t.loc["communication", "median_days"] == 10
    # negotiation: G 02-15 → won 03-01 (close date stands for the contract entry) = 14 d; F and H still open
    assert t.loc["negotiation", "deals"] == 1 and t.loc["negotiation", "median_days"] == 14


def test_time_in_stage_without_dates_is_nan(con):
    t = time_in_stage(con, None, Filters(rep=("Ann",)), DEFAULT_SETTINGS)
    assert t["deals"].tolist() == [0, 0, 0]
    assert t["median_days"].isna().all()


def test_lost_reasons(con):
    t = lost_reasons(con, None, Filters())
    # lost: D Price 200, E Price (amount unknown), I no reason 300 → Price 2 deals 200 2/3; none 1 300 1/3
    assert t["lost_reason"].iloc[0] == "Price" and pd.isna(t["lost_reason"].iloc[1])
    assert t["deals"].tolist() == [2, 1]
    assert t["amount"].tolist() == [200.0, 300.0]
    assert _close(t["share"], [2 / 3, 1 / 3])
    # closed in February: D and E only
    feb = lost_reasons(con, parse_period("2026-02"), Filters())
    assert feb["deals"].tolist() == [2] and feb["share"].tolist() == [1.0]


def test_stage_deals_behind_a_bar(con):
    nego = stage_deals(con, None, Filters(), DEFAULT_SETTINGS, "negotiation")
    assert sorted(nego["deal_id"]) == ["A", "B", "F", "G", "H", "I"]  # reach >= 2
    strict = stage_deals(con, None, Filters(), DEFAULT_SETTINGS, "negotiation", strict=True)
    assert sorted(strict["deal_id"]) == ["A", "B", "G", "H"]
    cell = stage_deals(con, None, Filters(), DEFAULT_SETTINGS, "communication", created_month="2026-01")
    assert sorted(cell["deal_id"]) == ["A", "B", "D"]  # January cohort with reach >= 1
    kept = stage_deals(con, None, Filters(rep=("Ann",)), DEFAULT_SETTINGS, "negotiation")
    assert sorted(kept["deal_id"]) == ["A", "B"]  # the filter stays on


def test_empty_data_gives_stages_with_zero_and_nan():
    t = funnel(canonical.connect({}), None).table
    assert _reached(t) == [0, 0, 0, 0]
    assert t["conversion"].isna().all() and t["conversion_from_first"].isna().all()


# --- real data --------------------------------------------------------------------------------



@pytest.mark.real_data
def test_maven_funnel(maven_deals):
    deals = maven_deals
    result = funnel(canonical.connect({"deals": deals}), None)
    # 8,800 deals: Won 4,238 (every stage), Engaging 1,589 (= communication), Prospecting 500,
    # Lost 2,473 with no stage of loss (first stage only).
    # communication: 4,238 + 1,589 = 5,827; negotiation and contract: the 4,238 won
    assert _reached(result.table) == [8800, 5827, 4238, 4238]
    assert result.lost_without_stage == 2473
    assert result.deals_without_stage_dates == 8800


def test_configured_stage_order_is_used():
    from analytics.store.settings import settings_from_dict

    settings, problems = settings_from_dict({"stages": [
        {"key": "lead", "label_en": "Lead", "label_zh": "线索", "synonyms": ["Lead"]},
        {"key": "prospecting", "label_en": "Prospecting"},
        {"key": "demo", "label_en": "Demo", "synonyms": ["Demo"]},
        {"key": "negotiation", "label_en": "Negotiation"},
        {"key": "contract", "label_en": "Won", "synonyms": ["Won"]},
    ], "won_stage": "contract"})
    assert problems == []
    deals = pd.DataFrame({"deal_id": list("abcd"), "rep": "r", "stage": ["Lead", "Demo", "Won", "Lost"],
                          "status": ["open", "open", "won", "lost"], "created_date": "2026-01-01",
                          "close_date": "2026-02-01"})
    t = funnel(canonical.connect({"deals": deals}), None, settings=settings).table
    assert t["stage"].tolist() == ["lead", "prospecting", "demo", "negotiation", "contract"]
    assert settings.stage(t["stage"].iloc[0]).label("zh") == "线索"
    # a at lead (0), b at demo (2), c won (4), d lost without stage (0): 4, 2, 2, 1, 1
    assert _reached(t) == [4, 2, 2, 1, 1]
