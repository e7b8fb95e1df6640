"""The KPI & rewards page and the commission plan section of Settings, in-process (AppTest),
plus the page's figure builders and the plan editor's helpers."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
import yaml

from analytics.metrics.attainment import attainment
from analytics.metrics.kpi import kpi_scores
from analytics.metrics.payouts import payouts
from analytics.metrics.plan import default_plan, load_plan, plan_in_use
from analytics.metrics.satisfaction import collaboration, satisfaction
from analytics.periods import parse_period
from analytics.store.settings import DEFAULT_SETTINGS, register_stage_map
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import DEALS, assert_clean, start, upload, visible_text
from ui import format as fmt
from ui import plan_editor
from ui.charts import NEUTRAL
from ui.charts import rewards as charts

PAGE = "pages/kpi_rewards.py"
AS_OF = date(2026, 11, 30)

BAD_PLAN = b"""name: Broken plan
threshold: 50
mode: sometimes
tiers:
  - {from: 0.0, rate: 0.03}
  - {from: 0.8, rate: -0.05}
"""
RETRO_PLAN = b"""name: Retro test plan
mode: retroactive
tiers:
  - {from: 0.0, rate: 0.02}
  - {from: 1.0, rate: 0.04}
"""


@pytest.fixture(scope="module")
def sample():
    con = load_sample().connect()
    register_stage_map(con, DEFAULT_SETTINGS)
    return con


def figures(con, key: str, team: tuple[str, ...] = ()):
    """What the page computes, straight from analytics (default settings, no filters but team)."""
    from analytics.filters import Filters

    period, filters, s = parse_period(key), Filters(team=team), DEFAULT_SETTINGS
    att = attainment(con, period, "rep", filters, as_of=min(AS_OF, period.end), settings=s)
    teams = attainment(con, period, "team", filters, as_of=min(AS_OF, period.end), settings=s)
    sat = satisfaction(con, "rep", period, filters, min_responses=s.min_responses)
    col = collaboration(con, period, filters)
    kpi = kpi_scores(att, sat, col, s.kpi_weights, s.revenue_cap)
    return kpi, payouts(default_plan(), att, teams, sat, period)


def open_page(query: dict[str, str] | None = None):
    at = start({"p": "2026-11", **(query or {})})
    at.switch_page(PAGE).run()
    assert_clean(at)
    return at


def frame(at, column: str) -> pd.DataFrame | None:
    """The first table shown whose columns include ``column``."""
    return next((d.value for d in at.dataframe if column in d.value.columns), None)


def frames_with(at, column: str) -> list[pd.DataFrame]:
    return [d.value for d in at.dataframe if column in d.value.columns]


def all_text(at) -> str:
    """Everything a user reads: visible text, metric values and every table cell."""
    parts = [visible_text(at)] + [str(m.value) for m in at.metric]
    parts += [d.value.to_string() for d in at.dataframe]
    return " ".join(parts)


# --- the page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_opens_in_both_languages(lang):
    at = open_page({"lang": lang})
    text = visible_text(at)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) == (lang == "zh")
    title = {"en": "KPI & rewards", "zh": "考核与奖金"}[lang]
    assert title in [x.value for x in at.title]
    # the working of the chosen rep is in the user's language
    working = frame(at, "line")
    assert working is not None
    assert ("完成率" in working["line"].iloc[0]) == (lang == "zh")


def test_kpi_table_score_equals_kpi_scores_for_2026_11(sample):
    expected, _ = figures(sample, "2026-11")
    at = open_page()
    shown = frame(at, "kpi_score").set_index("rep")
    exp = expected.set_index("rep")
    assert set(shown.index) == set(exp.index)
    for rep in exp.index:
        assert shown.loc[rep, "kpi_score"] == pytest.approx(exp.loc[rep, "kpi_score"]), rep
        assert shown.loc[rep, "rank"] == exp.loc[rep, "rank"], rep
    # Sarah Miller: revenue 100 (115.5 % capped), CSAT 100 %, peers (4.667 - 1) / 4 = 91.67
    # 100 x 0.5 + 100 x 0.3 + 91.67 x 0.2 = 98.33, rank 1
    assert shown.loc["Sarah Miller", "kpi_score"] == pytest.approx(50 + 30 + 0.2 * (14 / 3 - 1) / 4 * 100)
    assert shown.loc["Sarah Miller", "rank"] == 1
    # Li Na has no survey: satisfaction left out, weights 0.5 / 0.7 and 0.2 / 0.7, and the note says so
    assert shown.loc["Li Na", "satisfaction_score"] == "–"
    assert "Satisfaction left out" in shown.loc["Li Na", "note"] and "71%" in shown.loc["Li Na", "note"]


def test_period_and_filter_change_the_scores(sample):
    october, _ = figures(sample, "2026-10")
    at = start({"p": "2026-10"})
    at.switch_page(PAGE).run()
    assert_clean(at)
    shown = frame(at, "kpi_score").set_index("rep")
    for rep, row in october.set_index("rep").iterrows():
        assert shown.loc[rep, "kpi_score"] == pytest.approx(row["kpi_score"]), rep
    november, _ = figures(sample, "2026-11")
    assert not october.set_index("rep")["kpi_score"].equals(november.set_index("rep")["kpi_score"])

    east, east_pay = figures(sample, "2026-11", team=("East",))
    at = open_page()
    at.sidebar.multiselect(key="team").set_value(["East"]).run()
    assert_clean(at)
    shown = frame(at, "kpi_score")
    assert set(shown["rep"]) == set(east["rep"]) == {"Chen Jing", "Emily Zhou", "Sarah Miller", "Zhang Wei"}
    cost = {m.label: m.value for m in at.metric}["Total payout cost"]
    assert cost == fmt.money(east_pay.total_cost, "USD", "en", compact=False)


def test_director_sees_cost_and_every_payout(sample):
    _, result = figures(sample, "2026-11")
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    # 13,009.20 + 0 + 5,285.60 + ... = 80,816.25 (analytics.metrics.rewards, checked in test_rewards):
    # Zhang Wei's 4 CSAT responses are fewer than Settings.min_responses (5), so his 75 % CSAT is not
    # judged and his 5,922 commission is not multiplied by 0.9 (it was 80,224.05 with 5,329.80).
    assert metrics["Total payout cost"] == fmt.money(result.total_cost, "USD", "en", compact=False) == "$80,816"
    totals = frame(at, "team_share").set_index("rep")
    assert totals["total"].to_dict() == pytest.approx(result.totals.set_index("rep")["total"].to_dict())
    # the chosen rep's working (default: the first rep, Chen Jing), line by line, adding up to her total
    everyone, working = frames_with(at, "line")
    assert set(everyone["rep"]) == set(result.totals["rep"])
    assert "rep" not in working.columns
    assert working["amount"].iloc[-1] == pytest.approx(13_009.20)
    assert working["line"].iloc[-1] == "Total: commission 11,509.20 + team share 1,500 = 13,009.20"


def test_rep_view_shows_only_that_reps_pay(sample):
    _, result = figures(sample, "2026-11")
    at = open_page({"view": "rep", "me": "Li Na"})
    assert at.query_params["view"] == "rep" and at.query_params["me"] == "Li Na"
    assert frame(at, "team_share") is None  # no table of everybody's payouts
    metrics = {m.label: m.value for m in at.metric}
    assert "Total payout cost" not in metrics
    li_na = result.totals.set_index("rep").loc["Li Na", "total"]
    assert metrics["Payout"] == fmt.money(li_na, "USD", "en", compact=False) == "$12,273"
    [working] = frames_with(at, "line")
    assert "rep" not in working.columns and working["amount"].iloc[-1] == pytest.approx(12_272.80)
    others = result.totals[result.totals["rep"] != "Li Na"]["total"]
    text = all_text(at)
    for total in others:
        if total > 0:
            assert fmt.money(total, "USD", "en", compact=False) not in text
            assert f"{total:,.2f}" not in text


def test_pay_switch_hides_every_pay_figure(sample):
    _, result = figures(sample, "2026-11")
    at = open_page()
    assert at.toggle(key="pay").value is True
    assert "$80,816" in all_text(at)
    at.toggle(key="pay").set_value(False).run()
    assert_clean(at)
    assert at.query_params["pay"] == "0"
    text = all_text(at)
    assert "Pay figures are hidden" in text
    for value in [
        result.total_cost,
        *result.totals["commission"],
        *result.totals["team_share"],
        *result.totals["total"],
    ]:
        if value > 0:
            assert fmt.money(value, "USD", "en", compact=False) not in text, value
            assert f"{value:,.2f}" not in text, value
    for column in ("commission", "team_share", "total", "amount", "line"):
        assert frame(at, column) is None, column
    # the same link opens with pay hidden; meeting mode hides pay unless switched on
    assert open_page({"pay": "0"}).toggle(key="pay").value is False
    meeting = start({"meet": "1", "slide": "5"})  # a meeting link shows only the meeting, pay off
    assert meeting.toggle(key="pay").value is False


def test_what_if_changes_the_payout(sample):
    _, result = figures(sample, "2026-11")
    at = open_page({"me": "David Kim"})
    table = frame(at, "after").set_index("item")
    # before: 46,455 of 96,000 = 48.39 % < 50 % threshold -> nothing
    assert table.loc["Payout", "now"] == table.loc["Payout", "after"] == "$0"
    at.multiselect(key="whatif:David Kim").set_value(["D-14463"]).run()
    assert_clean(at)
    table = frame(at, "after").set_index("item")
    # + D-14463 (4,940): 51,395 of 96,000 = 53.54 % >= 50 %: 51,395 x 3 % = 1,541.85;
    # West 330,185 < 380,000: no team share; 1 CSAT response < 3: CSAT not applied
    assert table.loc["Extra revenue", "after"] == "+$4,940"
    assert table.loc["Attainment", "now"] == "48.4%" and table.loc["Attainment", "after"] == "53.5%"
    assert table.loc["Payout", "after"] == "$1,542"
    assert table.loc["Commission", "after"] == fmt.money(1_541.85, "USD", "en", compact=False)
    lines = frames_with(at, "line")[-1]  # the what-if's new working (after everybody's and David's)
    assert lines["amount"].iloc[-1] == pytest.approx(1_541.85)
    # with pay hidden the what-if keeps attainment and tier, and drops the pay rows
    at.toggle(key="pay").set_value(False).run()
    table = frame(at, "after").set_index("item")
    assert "Payout" not in table.index and "Commission" not in table.index
    assert table.loc["Attainment", "after"] == "53.5%"
    assert result.totals.set_index("rep").loc["David Kim", "total"] == 0


def test_satisfaction_selector_comments_search_and_badge(sample):
    at = open_page()
    by_rep = frame(at, "judged")
    expected = satisfaction(
        sample, "rep", parse_period("2026-11"), min_responses=DEFAULT_SETTINGS.min_responses
    )
    assert by_rep["csat"].tolist() == pytest.approx(expected["csat"].tolist())
    # Sarah Miller has 5 responses (= min 5): judged; Zhang Wei 4: too few
    judged = by_rep.set_index("rep")["judged"]
    assert judged["Sarah Miller"] == "" and judged["Zhang Wei"] == "too few to judge"
    at.segmented_control(key="sby").set_value("segment").run()
    assert_clean(at)
    by_segment = frame(at, "judged")
    assert "segment" in by_segment.columns and at.query_params["sby"] == "segment"
    # SMB: 9 responses, 7 of them 4 or 5 -> 7 / 9
    assert by_segment.set_index("segment").loc["SMB", "csat"] == pytest.approx(7 / 9)
    comments = frame(at, "comment")
    assert len(comments) == 12
    at.text_input(key="comment_search").input("PRICING").run()
    found = frame(at, "comment")
    # "Helpful rep, fair pricing." on 29, 25 and 1 November
    assert len(found) == 3 and all("pricing" in c.lower() for c in found["comment"])


def test_empty_data_states_say_what_is_missing(_isolated_workspace):
    # the team publishes deals only: no targets, surveys or peer reviews
    deals = pd.DataFrame(
        {
            "deal_id": ["N1", "N2"],
            "rep": ["Nia Park", "Nia Park"],
            "team": ["North", "North"],
            "stage": ["Won", "Won"],
            "status": ["won", "won"],
            "amount": [1000.0, 500.0],
            "close_date": [date(2026, 11, 2), date(2026, 11, 3)],
        }
    )
    Workspace(_isolated_workspace).publish([PublishItem("deals", deals, "deals.csv", "h1")])
    for lang in ("en", "zh"):
        at = open_page({"lang": lang})
        assert at.session_state["_context"].source.kind == "workspace"
        text = visible_text(at)
        if lang == "en":
            assert "No KPI scores for this period" in text
            assert text.count("No targets loaded") == 1
            assert "No surveys are loaded" in text
            assert "No peer reviews are loaded" in text
        else:
            assert "本期没有考核得分" in text and "尚未导入满意度调查" in text and "尚未导入同事互评" in text
    # Nia Park has no target: her working says so, and the what-if cannot earn commission
    working = frames_with(at, "line")[-1]
    assert working["line"].iloc[0] == "本期无目标：无提成"


def test_session_upload_of_deals_only_keeps_the_page_working():
    at = upload(start(), "deals.csv", DEALS)
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert at.session_state["_context"].source.kind == "session"


# --- the plan in use and Settings -------------------------------------------------------------


def test_invalid_plan_upload_shows_the_readable_error(_isolated_workspace):
    for lang, expected in (
        ("en", "tiers[2].rate is -0.05; it cannot be negative"),
        ("zh", "tiers[2].rate 为 -0.05，不能为负数"),
    ):
        at = start({"lang": lang})
        at.switch_page("pages/settings.py").run()
        assert_clean(at)
        at.file_uploader(key="plan_upload").set_value([("bad.yaml", BAD_PLAN, "application/x-yaml")]).run()
        assert not at.exception
        errors = " ".join(e.value for e in at.error)
        # markdown escaping doubles nothing a reader sees; compare without the backslashes
        plain = errors.replace("\\", "")
        assert expected in plain, plain
        assert "sometimes" in plain and ("0.5" in plain)
    assert not Workspace(_isolated_workspace).plan_path.exists()


def test_valid_plan_upload_is_saved_and_used(_isolated_workspace, sample):
    at = start()
    at.switch_page("pages/settings.py").run()
    at.file_uploader(key="plan_upload").set_value([("retro.yaml", RETRO_PLAN, "application/x-yaml")]).run()
    assert_clean(at)
    assert any("valid plan" in s.value for s in at.success)
    at.button(key="plan_use_upload").click().run()
    assert_clean(at)
    path = Workspace(_isolated_workspace).plan_path
    assert path.read_bytes() == RETRO_PLAN
    page = open_page()
    assert any("Retro test plan" in s.value for s in page.subheader)
    totals = frame(page, "team_share").set_index("rep")
    # Chen Jing: 201,940 of 101,000 (>= 100 %): everything at 4 % = 8,077.60, no cap, no pool
    assert totals.loc["Chen Jing", "total"] == pytest.approx(8_077.60)
    # David Kim: 46,455 of 96,000 (< 100 %): 2 % = 929.10 (no threshold in this plan)
    assert totals.loc["David Kim", "total"] == pytest.approx(929.10)


def test_broken_plan_file_means_no_pay_never_the_default_plan(_isolated_workspace):
    # one behaviour for an invalid saved plan (the report and the CLI: tests/test_consistency.py)
    Workspace(_isolated_workspace).plan_path.write_bytes(BAD_PLAN)
    at = open_page()
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "the plan in use has errors, so no pay is worked out" in warnings
    assert "tiers[2].rate is -0.05" in warnings
    assert {m.label: m.value for m in at.metric}["Total payout cost"] == "–"
    assert frame(at, "team_share") is None and frame(at, "line") is None and frame(at, "after") is None
    assert frame(at, "kpi_score") is not None  # scores do not depend on the plan
    settings = start()
    settings.switch_page("pages/settings.py").run()
    assert_clean(settings)
    assert any("no pay is worked out" in w.value for w in settings.warning)


def test_plan_outside_its_validity_says_so_and_pays_nothing(_isolated_workspace):
    Workspace(_isolated_workspace).plan_path.write_bytes(
        RETRO_PLAN + b"valid_from: 2026-01\nvalid_to: 2026-06\n"
    )
    at = open_page()
    warnings = " ".join(w.value for w in at.warning)
    assert "is valid from 2026-01 to 2026-06; it cannot be applied to 2026-11" in warnings
    assert frame(at, "team_share") is None and frame(at, "line") is None and frame(at, "after") is None
    assert {m.label: m.value for m in at.metric}["Total payout cost"] == "–"
    assert frame(at, "kpi_score") is not None  # scores do not depend on the plan


def test_settings_form_saves_a_valid_plan_and_refuses_an_invalid_one(_isolated_workspace):
    path = Workspace(_isolated_workspace).plan_path
    at = start()
    at.switch_page("pages/settings.py").run()
    key = "plan:" + plan_in_use(Workspace(_isolated_workspace)).token
    # a form applies its fields on submit: set them, click "Save plan", then run once
    at.text_input(key=f"{key}:to").input("last year")
    next(b for b in at.button if b.label == "Save plan").click()
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error).replace("\\", "")
    assert "The plan was not saved" in errors and "valid_to is 'last year', not a period" in errors
    assert not path.exists()

    at.text_input(key=f"{key}:to").input("2026-12")
    at.number_input(key=f"{key}:thr").set_value(60.0)
    at.radio(key=f"{key}:mode").set_value("retroactive")
    next(b for b in at.button if b.label == "Save plan").click()
    at.run()
    assert_clean(at)
    plan, problems = load_plan(path)
    assert plan is not None and problems == []
    assert (plan.threshold, plan.mode, plan.valid_to) == (0.6, "retroactive", "2026-12")
    # everything else is the default plan's, unchanged
    default = default_plan()
    assert (plan.tiers, plan.cap, plan.csat_gate, plan.team_pool) == (
        default.tiers,
        default.cap,
        default.csat_gate,
        default.team_pool,
    )
    assert any("Saved" in s.value for s in at.success)
    at.button(key="plan_reset").click().run()
    assert not path.exists()


# --- helpers and figures -----------------------------------------------------------------------


def test_form_to_dict_turns_percent_inputs_into_a_valid_plan():
    tiers = pd.DataFrame({"from_pct": [0.0, 80.0, 100.0, None], "rate_pct": [3.0, 5.0, 8.0, None]})
    data = plan_editor.form_to_dict(
        name=" Q plan ",
        valid_from="2026-01",
        valid_to="",
        payout_period="quarter",
        threshold_pct=50.0,
        mode="marginal",
        tiers=tiers,
        cap=0.0,
        gate="multiplier",
        gate_level_pct=80.0,
        gate_factor=0.9,
        pool="share_of_excess",
        pool_amount=0.0,
        pool_share_pct=2.5,
        pool_split="contribution",
    )
    # 50 % -> 0.5, 3 % -> 0.03, 2.5 % -> 0.025; blank row dropped; cap 0 = no cap; no valid_to
    assert data["threshold"] == 0.5 and data["tiers"][1] == {"from": 0.8, "rate": 0.05}
    assert len(data["tiers"]) == 3 and "cap" not in data and "valid_to" not in data
    assert data["csat_gate"] == {"effect": "multiplier", "below": 0.8, "factor": 0.9}
    assert data["team_pool"]["share_of_excess"] == 0.025
    plan, problems = load_plan(plan_editor.dict_to_yaml(data))
    assert plan is not None and problems == [] and plan.name == "Q plan"
    assert plan_editor.to_percent(0.07) == 7.0 and plan_editor.to_fraction(7.0) == 0.07


def test_save_plan_text_is_atomic_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "ws" / "commission_plan.yaml"
    plan_editor.save_plan_text("name: A\ntiers: [{from: 0, rate: 0.01}]\n", path)
    plan_editor.save_plan_text("name: B\ntiers: [{from: 0, rate: 0.02}]\n", path)
    assert yaml.safe_load(path.read_text())["name"] == "B"
    assert [p.name for p in path.parent.iterdir()] == ["commission_plan.yaml"]


def test_md_escape_keeps_user_text_literal():
    from ui.safe import md

    assert md("[x](http://e) *b* $1$") == r"\[x\]\(http\:\/\/e\) \*b\* \$1\$"


def test_cost_distribution_figure(sample):
    _, result = figures(sample, "2026-11")
    fig = charts.cost_distribution(
        result.totals, commission_label="Commission", team_share_label="Team bonus"
    )
    assert [tr.name for tr in fig.data] == ["Commission", "Team bonus"]
    assert fig.layout.barmode == "stack"
    # bars are sorted ascending so the most expensive rep (Chen Jing, 13,009.20) is on top
    assert fig.data[0].y[-1] == "Chen Jing"
    assert fig.data[0].x[-1] + fig.data[1].x[-1] == pytest.approx(13_009.20)
    assert sum(fig.data[0].x) + sum(fig.data[1].x) == pytest.approx(result.total_cost)


def test_satisfaction_bars_grey_out_too_few(sample):
    frame_ = satisfaction(sample, "rep", parse_period("2026-11"), min_responses=5)
    fig = charts.satisfaction_bars(frame_, "rep", csat_label="CSAT", responses_label="n", too_few_label="few")
    bar = fig.data[0]
    colours = dict(zip(bar.y, bar.marker.color, strict=True))
    assert colours["Zhang Wei"] == NEUTRAL  # 4 responses < 5
    assert colours["Sarah Miller"] != NEUTRAL  # 5 responses, CSAT 100 %
    assert dict(zip(bar.y, bar.x, strict=True))["Zhang Wei"] == pytest.approx(0.75)  # 3 of 4 rated 4-5


def test_plan_summary_in_both_languages():
    en = plan_editor.plan_summary(default_plan(), "USD", "en")
    assert (
        en[0]
        == "Each slice of revenue is paid at its tier's rate: 3.0% from 0%, 5.0% from 80%, 8.0% from 100% of target."
    )
    assert "Commission is capped at $15,000 per month." in en
    assert "CSAT below 80% (with at least 5 responses): commission × 0.9." in en
    # the count is the department's rule from Settings, not the plan's
    assert "CSAT below 80% (with at least 7 responses): commission × 0.9." in plan_editor.plan_summary(
        default_plan(), "USD", "en", 7)
    zh = plan_editor.plan_summary(default_plan(), "USD", "zh")
    assert (
        "个人提成上限为每月 15,000美元。" in zh and "团队达成目标时，每月获得 6,000美元 团队奖金，平均分配。" in zh
    )


def test_kpi_table_says_satisfaction_is_left_out_on_too_few_responses(sample):
    """Issue 13.1 on the sample: Zhang Wei has 4 CSAT responses in November (fewer than 5)."""
    at = open_page()
    shown = frame(at, "kpi_score").set_index("rep")
    assert shown.loc["Zhang Wei", "satisfaction_score"] == "–"
    note = shown.loc["Zhang Wei", "note"]
    assert "4 CSAT responses, fewer than 5" in note and "too few to judge" in note
    # Sarah Miller has 5: judged, no note about satisfaction
    assert shown.loc["Sarah Miller", "satisfaction_score"] == "100.0"
    assert "too few" not in (shown.loc["Sarah Miller", "note"] or "")
    # the breakdown of the chosen rep (Chen Jing: 1 response) names the reason, not "no data"
    parts = frame(at, "status").set_index("component")
    assert parts.loc["Satisfaction", "status"] == "left out (too few responses)"
