"""Commission plans and payouts: every figure below is worked out by hand in the comment beside it."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analytics.metrics.payouts import payouts, what_if
from analytics.metrics.plan import (
    DEFAULT_PLAN_PATH,
    Plan,
    default_plan,
    load_plan,
    plan_from_dict,
    plan_to_dict,
    plan_to_yaml,
)
from analytics.periods import parse_period

BASE_YAML = """
name: Standard 2026
valid_from: 2026-01
valid_to: 2026-12
basis: revenue
threshold: 0.5
mode: marginal
tiers:
  - {from: 0.0,  rate: 0.03}
  - {from: 0.8,  rate: 0.05}
  - {from: 1.0,  rate: 0.08}   # accelerator above 100 %
"""
MONTH = parse_period("2026-03")



def _said(description, lang):
    """The payout working in ``lang``: the lines carry catalogue keys, translated at display."""
    if isinstance(description, pd.Series):
        return description.map(lambda key: key.text(lang))
    return description.text(lang)

def base_dict() -> dict:
    plan, problems = load_plan(BASE_YAML)
    assert plan is not None and problems == []
    return plan_to_dict(plan)


def make_plan(**changes: object) -> Plan:
    data = base_dict() | changes
    plan, problems = plan_from_dict(data)
    assert plan is not None, [p.text() for p in problems]
    return plan


def attainment_frame(rows: list[tuple[str, str | None, float | None, float]]) -> pd.DataFrame:
    """A small stand-in for the attainment module's per-rep frame."""
    frame = pd.DataFrame(rows, columns=["rep", "team", "target", "actual"]).astype(
        {"target": "float64", "actual": "float64"})
    frame["attainment"] = frame["actual"] / frame["target"]
    return frame


def team_frame(rows: list[tuple[str, float | None, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["team", "target", "actual"]).astype(
        {"target": "float64", "actual": "float64"})
    frame["attainment"] = frame["actual"] / frame["target"]
    return frame


def one_rep(plan: Plan, target: float | None, actual: float, satisfaction: pd.DataFrame | None = None,
            period=MONTH, min_responses: int = 5):
    result = payouts(plan, attainment_frame([("Ann", "North", target, actual)]), None, satisfaction, period,
                     min_responses)
    assert result.problems == []
    return result.totals.iloc[0], result.lines


def kinds(lines: pd.DataFrame) -> list[str]:
    return lines["kind"].tolist()


def assert_lines_add_up(lines: pd.DataFrame, totals: pd.DataFrame) -> None:
    for rep, group in lines.groupby("rep"):
        parts = group[group["kind"] != "total"]["amount"].sum()
        total_line = group[group["kind"] == "total"]["amount"].iloc[0]
        assert parts == pytest.approx(total_line)
        assert totals.set_index("rep").loc[rep, "total"] == pytest.approx(total_line)


# --- tiers ------------------------------------------------------------------------------------


def test_marginal_against_retroactive_on_the_same_attainment():
    # target 100,000, actual 125,000 -> attainment 1.25
    marginal, lines = one_rep(make_plan(), 100_000, 125_000)
    # 80,000 x 3 % = 2,400 + 20,000 x 5 % = 1,000 + 25,000 x 8 % = 2,000 -> 5,400
    assert marginal["commission"] == pytest.approx(5_400)
    tiers = lines[lines["kind"] == "tier"]
    assert tiers["base"].tolist() == [80_000, 20_000, 25_000]
    assert tiers["rate"].tolist() == [0.03, 0.05, 0.08]
    assert tiers["amount"].tolist() == [2_400, 1_000, 2_000]
    assert _said(tiers["description"], "en").tolist()[1] == "Slice 80 %–100 % of target: 20,000 × 5 % = 1,000"
    assert _said(tiers["description"], "zh").tolist()[1] == "目标 80 %–100 % 区间：20,000 × 5 % = 1,000"
    assert _said(tiers["description"], "en").tolist()[2] == "Slice above 100 % of target: 25,000 × 8 % = 2,000"
    assert (marginal["attainment"], marginal["tier_reached"]) == (1.25, 1.0)

    retro, lines = one_rep(make_plan(mode="retroactive"), 100_000, 125_000)
    # everything at the tier reached (>= 100 %): 125,000 x 8 % = 10,000
    assert retro["commission"] == pytest.approx(10_000)
    assert lines[lines["kind"] == "tier"]["base"].tolist() == [125_000]
    assert "125,000 × 8 % = 10,000" in _said(lines[lines["kind"] == "tier"]["description"], "en").iloc[0]


def test_exactly_at_a_tier_boundary():
    # attainment exactly 1.0 (100,000 of 100,000): the 100 % tier is reached
    marginal, lines = one_rep(make_plan(), 100_000, 100_000)
    # 80,000 x 3 % = 2,400 + 20,000 x 5 % = 1,000 = 3,400; the slice above 100 % is empty (no line)
    assert marginal["commission"] == pytest.approx(3_400)
    assert marginal["tier_reached"] == 1.0
    assert lines[lines["kind"] == "tier"]["amount"].tolist() == [2_400, 1_000]
    retro, _ = one_rep(make_plan(mode="retroactive"), 100_000, 100_000)
    assert retro["commission"] == pytest.approx(8_000)  # 100,000 x 8 %
    # one unit below the boundary: 99,999 x 5 % = 4,999.95 at the 80 % tier
    below, _ = one_rep(make_plan(mode="retroactive"), 100_000, 99_999)
    assert (below["commission"], below["tier_reached"]) == (pytest.approx(4_999.95), 0.8)


def test_above_the_cap():
    # target 200,000, actual 500,000 (250 %), cap 30,000
    plan = make_plan(cap=30_000)
    total, lines = one_rep(plan, 200_000, 500_000)
    # marginal: 160,000 x 3 % = 4,800 + 40,000 x 5 % = 2,000 + 300,000 x 8 % = 24,000 = 30,800 -> 30,000
    assert total["commission"] == pytest.approx(30_000)
    cap_line = lines[lines["kind"] == "cap"].iloc[0]
    assert cap_line["amount"] == pytest.approx(-800) and cap_line["base"] == pytest.approx(30_800)
    assert _said(cap_line["description"], "en") == "Cap 30,000: commission 30,800 reduced by 800"
    # retroactive: 500,000 x 8 % = 40,000 -> capped at 30,000, a -10,000 line
    retro, lines = one_rep(make_plan(cap=30_000, mode="retroactive"), 200_000, 500_000)
    assert retro["commission"] == pytest.approx(30_000)
    assert lines[lines["kind"] == "cap"]["amount"].tolist() == [pytest.approx(-10_000)]
    # below the cap: no cap line (100,000 of 100,000 -> 3,400)
    _, lines = one_rep(plan, 100_000, 100_000)
    assert "cap" not in kinds(lines)


def test_cap_is_scaled_when_the_period_spans_several_payout_periods():
    # monthly cap 30,000 over a quarter = 90,000; quarter target 600,000, actual 1,500,000 (250 %)
    plan = make_plan(cap=30_000, mode="retroactive")
    total, lines = one_rep(plan, 600_000, 1_500_000, period=parse_period("2026-Q1"))
    # 1,500,000 x 8 % = 120,000 -> capped at 90,000
    assert total["commission"] == pytest.approx(90_000)
    assert "30,000 per month × 3 = 90,000" in _said(lines[lines["kind"] == "cap"]["description"], "en").iloc[0]


def test_threshold_not_met_and_exactly_met():
    # 45,000 of 100,000 = 45 % < 50 %: nothing, and the line says why
    total, lines = one_rep(make_plan(), 100_000, 45_000)
    assert total["commission"] == 0 and total["total"] == 0
    assert math.isnan(total["tier_reached"])  # no tier on a zero payout below the threshold (issue 13.4)
    assert kinds(lines) == ["threshold", "total"]
    assert _said(lines.iloc[0]["description"], "en") == "Attainment 45 % is below the 50 % threshold: no commission"
    assert _said(lines.iloc[0]["description"], "zh") == "完成率 45 % 低于 50 % 的门槛：无提成"
    # exactly 50 %: paid, 50,000 x 3 % = 1,500
    total, _ = one_rep(make_plan(), 100_000, 50_000)
    assert total["commission"] == pytest.approx(1_500) and total["tier_reached"] == 0.0


def test_zero_revenue_without_threshold():
    total, lines = one_rep(make_plan(threshold=0), 100_000, 0)
    assert total["commission"] == 0 and kinds(lines) == ["tier", "total"]
    assert math.isnan(total["tier_reached"])  # nothing won: no rate applies, so no tier is shown
    assert _said(lines.iloc[0]["description"], "en") == "No won revenue in the period: no commission"


# --- CSAT ------------------------------------------------------------------------------------

def csat(value: float, responses: int = 8) -> pd.DataFrame:
    return pd.DataFrame({"rep": ["Ann"], "csat": [value], "csat_responses": [responses]})


def test_csat_gate_failing_and_passing():
    plan = make_plan(csat_gate={"effect": "gate", "min_csat": 0.8})
    # 125,000 of 100,000 -> 5,400 (as above); CSAT 6 of 8 = 75 % < 80 % -> withheld
    total, lines = one_rep(plan, 100_000, 125_000, csat(0.75))
    assert total["commission"] == 0 and total["total"] == 0
    gate = lines[lines["kind"] == "csat_gate"].iloc[0]
    assert gate["amount"] == pytest.approx(-5_400)
    assert _said(gate["description"], "en") == "CSAT 75 % is below the 80 % minimum: commission 5,400 withheld"
    # exactly 80 %: passes, 5,400 kept, the line says so with amount 0
    total, lines = one_rep(plan, 100_000, 125_000, csat(0.8))
    assert total["commission"] == pytest.approx(5_400)
    assert lines[lines["kind"] == "csat_gate"]["amount"].tolist() == [0]
    # no CSAT answers: the gate does not apply
    total, lines = one_rep(plan, 100_000, 125_000, None)
    assert total["commission"] == pytest.approx(5_400)
    assert "No CSAT responses" in _said(lines[lines["kind"] == "csat_gate"]["description"], "en").iloc[0]


def test_csat_multiplier_and_min_responses():
    plan = make_plan(csat_gate={"effect": "multiplier", "below": 0.8, "factor": 0.9})
    # 5,400 x 0.9 = 4,860, a -540 line
    total, lines = one_rep(plan, 100_000, 125_000, csat(0.75, responses=4), min_responses=3)
    assert total["commission"] == pytest.approx(4_860)
    line = lines[lines["kind"] == "csat_multiplier"].iloc[0]
    assert (line["amount"], line["rate"]) == (pytest.approx(-540), 0.9)
    # only 2 responses (< 3, the department's rule): not judged, 5,400 kept
    total, lines = one_rep(plan, 100_000, 125_000, csat(0.5, responses=2), min_responses=3)
    assert total["commission"] == pytest.approx(5_400)
    assert "fewer than 3" in _said(lines[lines["kind"] == "csat_multiplier"]["description"], "en").iloc[0]
    # the same 4 responses under the default rule (5) are too few: not judged either
    total, lines = one_rep(plan, 100_000, 125_000, csat(0.75, responses=4))
    assert total["commission"] == pytest.approx(5_400)
    assert "too few to judge" in _said(lines[lines["kind"] == "csat_multiplier"]["description"], "en").iloc[0]


def test_a_plan_naming_its_own_min_responses_is_told_the_rule_is_in_settings():
    plan, problems = plan_from_dict(base_dict() | {"csat_gate": {"effect": "gate", "min_csat": 0.8,
                                                                  "min_responses": 3}})
    assert plan is not None and plan.csat_gate is not None
    codes = {(p.code, p.severity) for p in problems}
    assert ("plan.min_responses_moved", "warning") in codes


def test_csat_multiplier_applies_before_the_cap():
    # 500,000 of 200,000 -> 30,800 (see test_above_the_cap) x 0.9 = 27,720 -> under the 30,000 cap
    plan = make_plan(cap=30_000, csat_gate={"effect": "multiplier", "below": 0.8, "factor": 0.9})
    total, lines = one_rep(plan, 200_000, 500_000, csat(0.5))
    assert total["commission"] == pytest.approx(27_720)
    assert "cap" not in kinds(lines)


# --- team pool and reps without a target ------------------------------------------------------

# North: target 300,000 and actual 300,000 (reached exactly). Dee has no target but sold 30,000.
NORTH = attainment_frame([
    ("Ann", "North", 100_000, 150_000),   # 80k x 3 % + 20k x 5 % + 50k x 8 % = 2,400 + 1,000 + 4,000 = 7,400
    ("Bob", "North", 100_000, 90_000),    # 80k x 3 % + 10k x 5 % = 2,400 + 500 = 2,900
    ("Cal", "North", 100_000, 30_000),    # 30 % < 50 % threshold -> 0
    ("Dee", "North", None, 30_000),       # no target -> 0, still in the pool
    ("Eli", "South", 200_000, 190_000),   # 160k x 3 % + 30k x 5 % = 4,800 + 1,500 = 6,300
])
TEAMS = team_frame([("North", 300_000, 300_000), ("South", 200_000, 190_000)])


def totals_by_rep(result) -> dict[str, dict[str, object]]:
    return {r["rep"]: r for r in result.totals.to_dict("records")}


def test_team_pool_equal_split_and_rep_without_target():
    plan = make_plan(team_pool={"when": "team_reaches_target", "amount": 9_000, "split": "equal"})
    result = payouts(plan, NORTH, TEAMS, None, MONTH)
    out = totals_by_rep(result)
    # North reached 300,000 >= 300,000: 9,000 / 4 reps = 2,250 each; South 190,000 < 200,000: nothing
    assert {r: out[r]["team_share"] for r in out} == {"Ann": 2_250, "Bob": 2_250, "Cal": 2_250, "Dee": 2_250,
                                                     "Eli": 0}
    assert {r: out[r]["commission"] for r in out} == pytest.approx(
        {"Ann": 7_400, "Bob": 2_900, "Cal": 0, "Dee": 0, "Eli": 6_300})
    # totals: 9,650 + 5,150 + 2,250 + 2,250 + 6,300 = 25,600
    assert result.total_cost == pytest.approx(25_600)
    dee = result.lines[result.lines["rep"] == "Dee"]
    assert kinds(dee) == ["no_target", "team_share", "total"]
    assert _said(dee.iloc[0]["description"], "en") == "No target for this period: no commission"
    assert math.isnan(out["Dee"]["attainment"]) and math.isnan(out["Dee"]["tier_reached"])
    eli_share = result.lines[(result.lines["rep"] == "Eli") & (result.lines["kind"] == "team_share")].iloc[0]
    assert _said(eli_share["description"], "en") == ("Team South did not reach its target (190,000 of 200,000): "
                                           "no team share")
    assert "9,000 ÷ 4 = 2,250" in _said(dee.iloc[1]["description"], "en")
    assert_lines_add_up(result.lines, result.totals)


def test_team_pool_by_contribution():
    plan = make_plan(team_pool={"amount": 9_000, "split": "contribution"})
    out = totals_by_rep(payouts(plan, NORTH, TEAMS, None, MONTH))
    # North reps' actuals 150k + 90k + 30k + 30k = 300k; 9,000 x 150/300 = 4,500, x 90/300 = 2,700,
    # x 30/300 = 900 (Cal) and 900 (Dee, no target but a contributor)
    assert {r: out[r]["team_share"] for r in ("Ann", "Bob", "Cal", "Dee")} == pytest.approx(
        {"Ann": 4_500, "Bob": 2_700, "Cal": 900, "Dee": 900})
    assert out["Ann"]["total"] == pytest.approx(11_900)  # 7,400 + 4,500


def test_team_pool_share_of_excess():
    plan = make_plan(team_pool={"share_of_excess": 0.02, "split": "equal"})
    teams = team_frame([("North", 250_000, 300_000), ("South", 200_000, 190_000)])
    result = payouts(plan, NORTH, teams, None, MONTH)
    # pool 2 % x (300,000 - 250,000) = 1,000; / 4 = 250 each
    assert totals_by_rep(result)["Ann"]["team_share"] == pytest.approx(250)
    line = result.lines[(result.lines["rep"] == "Ann") & (result.lines["kind"] == "team_share")].iloc[0]
    assert "pool 2 % × 50,000 above target = 1,000" in _said(line["description"], "en")


def test_team_without_target_pays_no_pool():
    plan = make_plan(team_pool={"amount": 9_000})
    result = payouts(plan, NORTH, team_frame([("North", None, 300_000)]), None, MONTH)
    assert result.totals["team_share"].sum() == 0
    assert "Team North has no target" in _said(result.lines[result.lines["kind"] == "team_share"][
        "description"], "en").iloc[0]


# --- plan period -----------------------------------------------------------------------------

def test_plan_applied_outside_its_validity_is_an_error():
    plan = make_plan()
    result = payouts(plan, NORTH, TEAMS, None, parse_period("2027-01"))
    assert result.totals.empty and result.lines.empty
    assert [p.code for p in result.problems] == ["plan.outside_period"]
    assert result.problems[0].text() == ("Commission plan \u201cStandard 2026\u201d is valid from 2026-01 to "
                                         "2026-12; it cannot be applied to 2027-01.")
    assert "不能用于 2027-01" in result.problems[0].text("zh")
    # a range straddling the start is outside too; a quarter inside is fine
    assert payouts(plan, NORTH, TEAMS, None, parse_period("2025-12..2026-01")).problems
    assert not payouts(plan, NORTH, TEAMS, None, parse_period("2026-Q4")).problems


# --- what-if ---------------------------------------------------------------------------------

def test_what_if_ticking_open_deals():
    plan = make_plan(team_pool={"amount": 9_000, "split": "equal"})
    bob = NORTH.iloc[1]
    result = what_if(plan, bob, 20_000, MONTH, attainment=NORTH, team_attainment=TEAMS)
    # before: 90,000 -> 2,900 + share 2,250 = 5,150
    assert result.before["total"] == pytest.approx(5_150)
    # after: 110,000 of 100,000 = 110 %, tier 100 %: 2,400 + 1,000 + 10,000 x 8 % = 800 -> 4,200 + 2,250
    assert (result.attainment, result.tier_reached) == (pytest.approx(1.1), 1.0)
    assert result.after["commission"] == pytest.approx(4_200)
    assert result.payout == pytest.approx(6_450)
    assert result.lines["kind"].tolist()[-1] == "total"

    # Eli's 10,000 lifts South from 190,000 to 200,000: the team reaches its target, pool 9,000 / 1
    eli = what_if(plan, NORTH.iloc[4], 10_000, MONTH, attainment=NORTH, team_attainment=TEAMS)
    # before: 6,300 + 0; after: 160k x 3 % + 40k x 5 % = 4,800 + 2,000 = 6,800 + 9,000 = 15,800
    assert eli.before["total"] == pytest.approx(6_300)
    assert eli.after["team_share"] == pytest.approx(9_000) and eli.payout == pytest.approx(15_800)

    # without the other reps: the rep alone, no team figures
    alone = what_if(make_plan(), {"rep": "Cal", "team": "North", "target": 100_000, "actual": 30_000}, 30_000)
    assert alone.after["commission"] == pytest.approx(1_800)  # 60,000 = 60 % >= 50 %: 60,000 x 3 %
    with pytest.raises(ValueError, match="0 or more"):
        what_if(make_plan(), bob, -1)


# --- plan files ------------------------------------------------------------------------------

def test_default_plan_loads_and_round_trips():
    plan, problems = load_plan(DEFAULT_PLAN_PATH)
    assert plan is not None and problems == []
    assert plan == default_plan()
    assert load_plan(plan_to_yaml(plan)) == (plan, [])
    # sample rep with a 150,000 monthly target at 100 %: 120,000 x 3 % + 30,000 x 5 % = 5,100
    total, _ = one_rep(plan, 150_000, 150_000)
    assert total["commission"] == pytest.approx(5_100)
    full = make_plan(cap=30_000, csat_gate={"effect": "gate", "min_csat": 0.8},
                     team_pool={"share_of_excess": 0.02, "split": "contribution"})
    assert load_plan(plan_to_yaml(full)) == (full, [])


def test_plan_as_json_and_bytes():
    plan, problems = load_plan('{"name": "J", "tiers": [{"from": 0, "rate": 0.04}], "mode": "retroactive"}')
    assert problems == [] and plan is not None and plan.tiers[0].rate == 0.04
    plan, problems = load_plan(BASE_YAML.encode("utf-8"))
    assert problems == [] and plan is not None and plan.name == "Standard 2026"


def problem_texts(text: str) -> tuple[list[str], list[str], list[str]]:
    plan, problems = load_plan(text)
    assert plan is None
    return [p.code for p in problems], [p.text("en") for p in problems], [p.text("zh") for p in problems]


def test_invalid_plan_missing_tiers():
    codes, en, zh = problem_texts("name: No tiers\nmode: marginal\n")
    assert codes == ["plan.tiers_missing"]
    assert en[0].startswith("Commission plan: tiers is missing; list at least one tier, such as - {from: 0.0")
    assert zh[0].startswith("提成方案：缺少 tiers")


def test_invalid_plan_negative_rate():
    codes, en, zh = problem_texts(BASE_YAML.replace("rate: 0.05", "rate: -0.05"))
    assert codes == ["plan.negative"]
    assert en == ["Commission plan: tiers[2].rate is -0.05; it cannot be negative."]
    assert zh == ["提成方案：tiers[2].rate 为 -0.05，不能为负数。"]


def test_invalid_plan_tiers_not_increasing():
    codes, en, _ = problem_texts(BASE_YAML.replace("from: 1.0", "from: 0.7"))
    assert codes == ["plan.not_increasing"]
    assert en == ["Commission plan: tiers must go up: tiers[3].from is 0.7, which is not above the "
                  "previous tier's 0.8."]


def test_invalid_plan_unknown_mode():
    codes, en, zh = problem_texts(BASE_YAML.replace("mode: marginal", "mode: progressive"))
    assert codes == ["plan.unknown_value"]
    assert en == ["Commission plan: mode is 'progressive'; use one of: marginal, retroactive."]
    assert zh == ["提成方案：mode 为 'progressive'；可选值：marginal, retroactive。"]


def test_invalid_plan_bad_yaml_syntax():
    codes, en, zh = problem_texts("name: Broken\ntiers:\n  - {from: 0.0, rate: 0.03\nmode: marginal\n")
    assert codes == ["plan.yaml_syntax"]
    assert en[0].startswith("Commission plan: the YAML cannot be read at line 4, column 5:")
    assert "第 4 行第 5 列" in zh[0]


def test_invalid_plan_other_mistakes_each_named():
    # a rate written as a percentage, a first tier not at 0, both pool kinds, a text threshold
    text = """
tiers:
  - {from: 0.2, rate: 5}
threshold: half
team_pool: {amount: 100, share_of_excess: 0.1}
bonus: 3
"""
    plan, problems = load_plan(text)
    assert plan is None
    by_code = {p.code: p for p in problems}
    assert by_code["plan.percent_like"].text() == ("Commission plan: tiers[1].rate is 5, which reads as a "
                                                   "percentage; write it as a fraction, e.g. 0.05 for 5 %.")
    assert "the first tier must start at 0 (from: 0.0), not 0.2" in by_code["plan.first_tier"].text()
    assert by_code["plan.not_number"].text().startswith("Commission plan: threshold must be a number, not 'half'")
    assert by_code["plan.pool_both"].column == "team_pool"
    assert by_code["plan.unknown_key"].severity == "warning"
    assert by_code["plan.unknown_key"].text() == "Commission plan: bonus is not a known setting and is ignored."


def test_invalid_plan_files_and_shapes(tmp_path):
    assert [p.code for p in load_plan(tmp_path / "nope.yaml")[1]] == ["plan.unreadable"]
    assert [p.code for p in load_plan("")[1]] == ["plan.empty"]
    assert [p.code for p in load_plan("- just\n- a list\n")[1]] == ["plan.not_mapping"]
    assert [p.code for p in load_plan("tiers: {from: 0, rate: 0.1}\n")[1]] == ["plan.tiers_not_list"]
    codes = [p.code for p in load_plan(BASE_YAML + "csat_gate: {effect: bonus}\n")[1]]
    assert codes == ["plan.unknown_value"]
    codes = [p.code for p in load_plan(BASE_YAML.replace("valid_to: 2026-12", "valid_to: 2025-12"))[1]]
    assert codes == ["plan.period_order"]
    codes = [p.code for p in load_plan(BASE_YAML.replace("valid_to: 2026-12", "valid_to: next year"))[1]]
    assert codes == ["plan.bad_period"]
    # a file with an unknown key only still loads, with a warning
    plan, problems = load_plan(BASE_YAML + "notes: for sales only\n")
    assert plan is not None and [p.severity for p in problems] == ["warning"]
    path = tmp_path / "plan.yaml"
    path.write_text(BASE_YAML, encoding="utf-8")
    assert load_plan(str(path))[0] == load_plan(BASE_YAML)[0]


def test_hostile_plan_with_yaml_aliases_is_refused_without_expanding():
    # each level refers 9 times to the one above: 9^8 leaves if anything walked or printed it whole
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    text = "\n".join(levels) + "\nname: *a7\nvalid_from: *a7\nthreshold: *a7\ntiers: *a7\n"
    plan, problems = load_plan(text)
    assert plan is None
    codes = {p.code for p in problems}
    assert {"plan.not_text", "plan.bad_period", "plan.not_number", "plan.not_mapping"} <= codes
    assert max(len(p.text()) for p in problems) < 300


def test_deeply_nested_plan_is_a_readable_problem():
    plan, problems = load_plan("tiers: " + "[" * 3_000 + "]" * 3_000)
    assert plan is None and [p.code for p in problems] == ["plan.yaml_syntax"]
    assert "nested too deeply" in problems[0].text()


# --- helpers for the KPI & rewards page ------------------------------------------------------

def test_what_if_deals_sums_the_ticked_open_deals():
    from analytics.metrics.payouts import what_if_deals

    plan = make_plan(team_pool={"amount": 9_000, "split": "equal"})
    deals = pd.DataFrame({"deal_id": ["B1", "B2", "B3"], "amount": [15_000.0, 5_000.0, None]})
    # Bob ticks B1 and B2 (15,000 + 5,000 = 20,000), B3 (no amount, adds 0) and an unknown id
    result = what_if_deals(plan, NORTH, TEAMS, None, MONTH, "Bob", deals, ["B1", "B2", "B3", "ZZ", "B1"])
    assert result.extra == pytest.approx(20_000)
    # same as test_what_if_ticking_open_deals: 110,000 of 100,000 -> 4,200 + 2,250 = 6,450
    assert result.before["total"] == pytest.approx(5_150) and result.payout == pytest.approx(6_450)
    # nothing ticked: after = before
    same = what_if_deals(plan, NORTH, TEAMS, None, MONTH, "Bob", deals, [])
    assert same.extra == 0 and same.payout == pytest.approx(5_150)
    # a rep missing from attainment: no target, so no commission whatever is ticked
    zed = what_if_deals(plan, NORTH, TEAMS, None, MONTH, "Zed", deals, ["B1"])
    assert zed.after["commission"] == 0 and math.isnan(zed.attainment)


def test_cost_summary():
    from analytics.metrics.payouts import cost_summary

    plan = make_plan(team_pool={"when": "team_reaches_target", "amount": 9_000, "split": "equal"})
    cost = cost_summary(payouts(plan, NORTH, TEAMS, None, MONTH).totals)
    # commissions 7,400 + 2,900 + 0 + 0 + 6,300 = 16,600; shares 4 x 2,250 = 9,000; total 25,600
    assert cost["commission"] == pytest.approx(16_600) and cost["team_share"] == pytest.approx(9_000)
    assert cost["total"] == pytest.approx(25_600)
    assert cost["team_share_fraction"] == pytest.approx(9_000 / 25_600)  # 0.3515625
    # Ann, Bob, Cal (share 2,250), Dee (share 2,250) and Eli are all paid something: 5 of 5
    assert (cost["reps"], cost["reps_paid"]) == (5, 5)
    empty = cost_summary(payouts(plan, NORTH.iloc[:0], None, None, MONTH).totals)
    assert empty["total"] == 0 and math.isnan(empty["team_share_fraction"]) and empty["reps_paid"] == 0


def test_kpi_breakdown_points_add_up_to_the_score():
    from analytics.metrics.kpi import kpi_scores
    from analytics.metrics.payouts import kpi_breakdown

    att = attainment_frame([("Ann", "North", 100_000, 90_000), ("Bob", "North", 100_000, 120_000)])
    sat = pd.DataFrame({"rep": ["Ann"], "csat": [0.8]})
    col = pd.DataFrame({"rep": ["Ann", "Bob"], "mean_score": [4.0, 2.0]})
    kpi = kpi_scores(att, sat, col, (0.5, 0.3, 0.2), 1.0)
    ann = kpi_breakdown(kpi, "Ann").set_index("component")
    # Ann: revenue 90, satisfaction 80, collaboration (4-1)/4 x 100 = 75
    # points 90 x 0.5 = 45 + 80 x 0.3 = 24 + 75 x 0.2 = 15 -> 84
    assert ann["points"].tolist() == pytest.approx([45, 24, 15])
    assert ann["points"].sum() == pytest.approx(84)
    assert ann["included"].all()
    bob = kpi_breakdown(kpi, "Bob").set_index("component")
    # Bob: no CSAT -> weights 0.5 / 0.7 and 0.2 / 0.7; revenue 100 (capped), collaboration 25
    # points 100 x 5/7 = 71.43 + 25 x 2/7 = 7.14 -> 78.57
    assert not bob.loc["satisfaction", "included"] and bob.loc["satisfaction", "weight"] == 0
    assert math.isnan(bob.loc["satisfaction", "score"])
    assert bob.loc["revenue", "weight"] == pytest.approx(5 / 7)
    assert bob["points"].sum() == pytest.approx(550 / 7)
    assert bob["points"].sum() == pytest.approx(kpi.set_index("rep").loc["Bob", "kpi_score"])
    assert kpi_breakdown(kpi, "Nobody").empty
