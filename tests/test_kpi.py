"""KPI score: components, renormalised weights when one is missing, cap, and ranking with ties."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.metrics.kpi import kpi_scores, one_row_per_rep


def attainment_frame(rows: list[tuple[str, str | None, float | None, float]]) -> pd.DataFrame:
    """rep, team, target, actual -> the attainment module's columns (no target -> NaN attainment)."""
    frame = pd.DataFrame(rows, columns=["rep", "team", "target", "actual"]).astype(
        {"target": "float64", "actual": "float64"})
    frame["attainment"] = frame["actual"] / frame["target"]
    return frame


ATTAINMENT = attainment_frame([
    ("Ann", "North", 100_000, 120_000),   # 1.2 -> capped at 1.0 -> 100
    ("Bob", "North", 100_000, 80_000),    # 0.8 -> 80
    ("Cat", "South", None, 50_000),       # no target -> revenue left out
    ("Dan", "South", 200_000, 100_000),   # 0.5 -> 50
    ("Fay", "South", None, 0),            # no target and nothing else -> no KPI
])
SATISFACTION = pd.DataFrame({
    "rep": ["Ann", "Bob", "Cat", "Dan"],
    "csat": [0.9, 0.7, 0.7, math.nan],    # Dan: NPS answers only -> satisfaction left out
    "csat_responses": [10, 10, 10, 0],
})
COLLABORATION = pd.DataFrame({
    "rep": ["Ann", "Bob", "Cat", "Dan", "Eve"],
    "mean_score": [4.2, 5.0, 2.6, 4.6, 3.32],  # (m - 1) / 4 * 100 = 80, 100, 40, 90, 58
    "reviewers": [3, 3, 3, 3, 3],
    "reviews": [3, 3, 3, 3, 3],
})


def by_rep(frame: pd.DataFrame) -> dict[str, dict[str, object]]:
    return {r["rep"]: r for r in frame.to_dict("records")}


def test_components_weights_and_ranking():
    out = kpi_scores(ATTAINMENT, SATISFACTION, COLLABORATION)
    rows = by_rep(out)
    ann = rows["Ann"]
    assert (ann["revenue_score"], ann["satisfaction_score"], ann["collaboration_score"]) == pytest.approx(
        (100.0, 90.0, 80.0))
    assert ann["kpi_score"] == pytest.approx(93.0)  # 0.5*100 + 0.3*90 + 0.2*80 = 50 + 27 + 16
    assert ann["missing"] == [] and ann["weights_used"] == pytest.approx(
        {"revenue": 0.5, "satisfaction": 0.3, "collaboration": 0.2})
    assert rows["Bob"]["kpi_score"] == pytest.approx(81.0)  # 0.5*80 + 0.3*70 + 0.2*100 = 40 + 21 + 20

    # Cat has no target: revenue left out, weights 0.3 : 0.2 renormalised to 0.6 : 0.4
    cat = rows["Cat"]
    assert math.isnan(cat["revenue_score"]) and cat["missing"] == ["revenue"]
    assert cat["weights_used"] == pytest.approx({"satisfaction": 0.6, "collaboration": 0.4})
    assert cat["kpi_score"] == pytest.approx(58.0)  # 0.6*70 + 0.4*40 = 42 + 16

    # Dan has no CSAT: 0.5 : 0.2 -> 5/7 : 2/7; 5/7*50 + 2/7*90 = (250 + 180) / 7 = 61.43
    assert rows["Dan"]["missing"] == ["satisfaction"]
    assert rows["Dan"]["kpi_score"] == pytest.approx(430 / 7)

    # Eve only has peer reviews: KPI = collaboration score (3.32 - 1) / 4 * 100 = 58
    # (in floating point 57.99999999999999 against Cat's 58.0: they must still tie)
    eve = rows["Eve"]
    assert eve["missing"] == ["revenue", "satisfaction"] and eve["weights_used"] == {"collaboration": 1.0}
    assert eve["kpi_score"] == pytest.approx(58.0)

    # Fay: no component -> no KPI and no rank
    assert math.isnan(rows["Fay"]["kpi_score"]) and pd.isna(rows["Fay"]["rank"])
    assert rows["Fay"]["missing"] == ["revenue", "satisfaction", "collaboration"]

    # Ranks: Ann 93 -> 1, Bob 81 -> 2, Dan 61.43 -> 3, Cat 58 and Eve 58 tie at 4; Fay unranked, last
    assert out["rep"].tolist() == ["Ann", "Bob", "Dan", "Cat", "Eve", "Fay"]
    assert out["rank"].tolist()[:5] == [1, 2, 3, 4, 4]
    assert str(out["rank"].dtype) == "Int64"
    assert list(out.columns) == ["rep", "revenue_score", "satisfaction_score", "collaboration_score",
                                 "kpi_score", "missing", "too_few", "csat_responses", "weights_used", "rank"]


def test_revenue_cap_and_custom_weights():
    out = by_rep(kpi_scores(ATTAINMENT, SATISFACTION, COLLABORATION, weights=(1, 1, 2), revenue_cap=1.2))
    # cap 120 %: Ann min(1.2, 1.2) / 1.2 * 100 = 100; Bob 0.8 / 1.2 * 100 = 66.67
    assert out["Ann"]["revenue_score"] == pytest.approx(100.0)
    assert out["Bob"]["revenue_score"] == pytest.approx(200 / 3)
    # weights 1:1:2 -> 0.25, 0.25, 0.5; Bob = 0.25*66.67 + 0.25*70 + 0.5*100 = 16.67 + 17.5 + 50 = 84.17
    assert out["Bob"]["kpi_score"] == pytest.approx(0.25 * 200 / 3 + 0.25 * 70 + 0.5 * 100)


def test_zero_weight_component_alone_gives_no_score():
    out = by_rep(kpi_scores(ATTAINMENT, SATISFACTION, COLLABORATION, weights=(0.5, 0.5, 0.0)))
    # Eve has only collaboration, whose weight is 0: nothing to average
    assert math.isnan(out["Eve"]["kpi_score"]) and pd.isna(out["Eve"]["rank"])
    # Ann: 0.5*100 + 0.5*90 = 95
    assert out["Ann"]["kpi_score"] == pytest.approx(95.0)


def test_bad_weights_and_cap_raise():
    with pytest.raises(ValueError, match="three non-negative"):
        kpi_scores(ATTAINMENT, None, None, weights=(0.5, -0.3, 0.8))
    with pytest.raises(ValueError, match="three non-negative"):
        kpi_scores(ATTAINMENT, None, None, weights=(0.5, 0.5))
    with pytest.raises(ValueError, match="revenue cap"):
        kpi_scores(ATTAINMENT, None, None, revenue_cap=0)


def test_missing_frames_and_no_reps():
    out = by_rep(kpi_scores(ATTAINMENT, None, None))
    # only revenue: KPI = revenue score; Dan 50
    assert out["Dan"]["kpi_score"] == pytest.approx(50.0) and out["Dan"]["missing"] == [
        "satisfaction", "collaboration"]
    empty = kpi_scores(None, None, None)
    assert empty.empty and "kpi_score" in empty.columns


def test_one_row_per_rep_sums_a_repeated_rep():
    frame = attainment_frame([("Gus", "North", 50_000, 30_000), ("Gus", "South", 50_000, 60_000),
                              ("Hal", "South", None, 10_000), (None, "South", 100_000, 70_000)])
    out = one_row_per_rep(frame)
    # Gus: target 50k + 50k = 100k, actual 30k + 60k = 90k -> 0.9; the row without a rep is dropped
    assert out["rep"].tolist() == ["Gus", "Hal"]
    gus = out.iloc[0]
    assert (gus["team"], gus["target"], gus["actual"], gus["attainment"]) == ("North", 100_000, 90_000, 0.9)
    assert math.isnan(out.iloc[1]["attainment"])
    scores = by_rep(kpi_scores(frame, None, None))
    assert scores["Gus"]["revenue_score"] == pytest.approx(90.0)


def test_satisfaction_on_too_few_responses_is_left_out_not_scored_zero():
    """Issue 13.1: CSAT 0 % from one response must not score 0 and rank the rep last."""
    att = attainment_frame([("Ann", "North", 100_000, 80_000),    # 80
                            ("Gus", "North", 100_000, 80_000)])   # 80
    sat = pd.DataFrame({"rep": ["Ann", "Gus"], "csat": [0.8, 0.0], "csat_responses": [5, 1]})
    col = pd.DataFrame({"rep": ["Ann", "Gus"], "mean_score": [3.0, 3.0]})  # 50
    rows = by_rep(kpi_scores(att, sat, col))  # the default rule: 5 responses
    # Ann has exactly 5: judged. 0.5*80 + 0.3*80 + 0.2*50 = 40 + 24 + 10 = 74
    assert rows["Ann"]["kpi_score"] == pytest.approx(74.0) and rows["Ann"]["too_few"] == []
    # Gus has 1: satisfaction left out, 0.5 : 0.2 -> 5/7 : 2/7; 5/7*80 + 2/7*50 = (400 + 100) / 7 = 71.43
    gus = rows["Gus"]
    assert math.isnan(gus["satisfaction_score"])
    assert gus["missing"] == ["satisfaction"] and gus["too_few"] == ["satisfaction"]
    assert gus["csat_responses"] == 1
    assert gus["weights_used"] == pytest.approx({"revenue": 5 / 7, "collaboration": 2 / 7})
    assert gus["kpi_score"] == pytest.approx(500 / 7)
    # with the rule set to 1 response, Gus's 0 % counts: 0.5*80 + 0.3*0 + 0.2*50 = 50, ranked below Ann
    strict = by_rep(kpi_scores(att, sat, col, min_responses=1))
    assert strict["Gus"]["kpi_score"] == pytest.approx(50.0) and strict["Gus"]["rank"] == 2
    assert strict["Gus"]["too_few"] == []


@pytest.fixture(scope="module")
def sample_con():
    from analytics.store.sources import load_sample

    return load_sample().connect()


def test_evidence_rule_on_the_sample_matches_the_count_behind_each_score(sample_con):
    """On the sample, every rep with fewer CSAT responses than Settings.min_responses has no
    satisfaction score, and every rep with enough has one (the KPI and the gate share the rule)."""
    from analytics.metrics.attainment import attainment
    from analytics.metrics.satisfaction import satisfaction
    from analytics.periods import parse_period
    from analytics.store.settings import DEFAULT_SETTINGS

    period = parse_period("2026-11")
    sat = satisfaction(sample_con, "rep", period)
    out = kpi_scores(attainment(sample_con, period, "rep"), sat, None,
                     min_responses=DEFAULT_SETTINGS.min_responses)
    counts = dict(zip(sat["rep"], sat["csat_responses"], strict=True))
    thin = [r for r, n in counts.items() if n < DEFAULT_SETTINGS.min_responses]
    judged = [r for r, n in counts.items() if n >= DEFAULT_SETTINGS.min_responses]
    rows = by_rep(out)
    assert thin and judged, "the sample should hold both kinds of rep in November"
    assert all(math.isnan(rows[r]["satisfaction_score"]) and rows[r]["too_few"] == ["satisfaction"] for r in thin)
    assert all(not math.isnan(rows[r]["satisfaction_score"]) for r in judged)
