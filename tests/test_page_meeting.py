"""Meeting mode (AppTest) and its pure helpers (``ui.meeting``).

The app runs on the sample company with ``SALES_TODAY=2026-11-30`` (default period Nov 2026);
every figure the meeting shows is compared with ``analytics`` called directly.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest

from analytics.filters import Filters
from analytics.metrics.attainment import attainment
from analytics.metrics.payouts import payouts
from analytics.metrics.plan import default_plan
from analytics.metrics.satisfaction import satisfaction
from analytics.periods import month_period
from analytics.store.settings import Settings
from analytics.store.sources import load_sample
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import assert_clean, start, visible_text
from ui import format as fmt
from ui import meeting as mt
from ui.charts import attainment as ac
from ui.safe import md as md_escape

NOV = month_period(date(2026, 11, 1))
AS_OF = date(2026, 11, 30)
MEETING = "meeting.py"
ALL = Filters()
ONLY_DEALS = pd.DataFrame({
    "deal_id": ["N1", "N2", "N3"], "rep": ["Nia Park", "Nia Park", "Olu Ade"], "team": ["North"] * 3,
    "status": ["won", "open", "won"], "stage": ["Won", "Negotiation", "Won"], "amount": [1000.0, 400.0, 250.0],
    "close_date": [date(2026, 11, 2), date(2026, 11, 20), date(2026, 11, 5)],
    "created_date": [date(2026, 10, 1)] * 3})


@pytest.fixture(scope="module")
def con():
    return load_sample().connect()


def company(con, filters=ALL) -> dict:
    return attainment(con, NOV, "company", filters, as_of=AS_OF).iloc[0].to_dict()


def meeting(**query: str):
    return start({"meet": "1", "lang": "en", **query})


def cards(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def shown_text(at) -> str:
    """Everything the main area writes, data values included (names, figures)."""
    parts = [str(e.value) for kind in ("title", "markdown", "caption", "info", "warning") for e in getattr(at.main, kind)]
    parts += [f"{m.label} {m.value}" for m in at.main.metric]
    return " ".join(parts)


def title(at) -> str:
    return at.main.title[0].value


# --- the switch and the frame ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_meet_link_shows_the_meeting_and_no_navigation(lang):
    at = start({"meet": "1", "lang": lang})
    assert_clean(at)
    # Only the meeting is registered (under every page's address), so there is no page to link to.
    scripts = {str(info.get("script_path", "")) for info in at._registered_pages.values()}
    assert scripts and all(s.endswith(MEETING) for s in scripts), scripts
    assert title(at) == ("Where we stand" if lang == "en" else "业绩总览")
    assert at.main.markdown[0].value == "1 / 6"
    text = visible_text(at)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text) == (lang == "zh")
    assert at.query_params["slide"] == "1"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_slide_opens_in_both_languages(lang):
    at = start({"meet": "1", "lang": lang})
    titles = []
    for _ in mt.SLIDES:
        assert_clean(at)
        titles.append(title(at))
        at.button(key="meeting_next").click().run()
    assert len(set(titles)) == len(mt.SLIDES)
    assert title(at) == titles[0]  # after the last, back to the first


def test_next_and_previous_move_the_slide_and_the_link():
    at = meeting()
    at.button(key="meeting_next").click().run()
    assert at.query_params["slide"] == "2" and title(at) == "Attainment by team"
    assert at.main.markdown[0].value == "2 / 6"
    at.button(key="meeting_prev").click().run()
    at.button(key="meeting_prev").click().run()  # before the first: the last
    assert at.query_params["slide"] == "6" and title(at) == "Pipeline changes"
    again = meeting(slide="3")  # a link opens the slide it names
    assert title(again) == "Sales funnel" and again.query_params["slide"] == "3"
    bad = meeting(slide="9")
    assert bad.query_params["slide"] == "1"


def test_sidebar_switch_turns_the_meeting_on_and_exit_turns_it_off():
    at = start({"lang": "en"})
    assert title(at).startswith("Overview")
    at.sidebar.toggle(key="meet").set_value(True).run()
    assert_clean(at)
    assert at.query_params["meet"] == "1" and title(at) == "Where we stand"
    at.button(key="meeting_next").click().run()
    at.button(key="meeting_exit").click().run()
    assert_clean(at)
    assert "meet" not in at.query_params and "slide" not in at.query_params
    assert title(at).startswith("Overview")


def test_slide_one_numbers_equal_company_attainment(con):
    at = meeting()
    row = company(con)  # Nov 2026: actual 1,650,845; target 1,399,000; forecast 1,798,722.75
    shown = cards(at)
    assert shown["Actual (won revenue)"] == fmt.money(row["actual"], "USD", "en") == "$1.65M"
    assert shown["Target"] == fmt.money(row["target"], "USD", "en") == "$1.40M"
    assert shown["Attainment"] == fmt.pct(row["attainment"]) == "118.0%"  # 1,650,845 / 1,399,000 = 1.1800
    assert shown["Forecast"] == fmt.money(row["forecast"], "USD", "en") == "$1.80M"
    # gap = 1,399,000 - 1,650,845 = -251,845: exceeded by $251.8K
    target_card = next(m for m in at.main.metric if m.label == "Target")
    assert "251.8K" in target_card.proto.delta
    east = meeting(team="East")  # a filter changes the figures
    row_east = company(con, Filters(team=("East",)))
    assert cards(east)["Actual (won revenue)"] == fmt.money(row_east["actual"], "USD", "en") != shown["Actual (won revenue)"]
    assert "Team: East" in " ".join(c.value for c in east.main.caption)


def test_pace_line_states_status_and_period():
    at = meeting()
    # Nov 2026 is over on 30 Nov (30 of 30 days) and 118.0 % is above the full target: ahead
    assert ":green[Ahead of pace: 118.0% of the target won; the period is complete.]" in [
        m.value for m in at.main.markdown]


# --- leaderboard: anonymous names and pay --------------------------------------------------------

def test_anonymised_leaderboard_shows_letters_and_no_real_name(con):
    reps = attainment(con, NOV, "rep", Filters(), as_of=AS_OF)
    names = sorted(reps["rep"].astype(str))
    plain = meeting(slide="5")
    assert_clean(plain)
    assert all(n in shown_text(plain) for n in names)
    at = meeting(slide="5", anon="1")
    assert_clean(at)
    text = shown_text(at)
    assert "Rep A" in text and "Rep L" in text  # 12 reps: A … L
    assert not [n for n in names if n in text]
    # Chen Jing is first by attainment (201,940 / 101,000 = 199.9 %) under this meeting's letter
    letter = mt.anonymise_reps(names, "Rep", at.session_state[mt.ANON_SEED])
    rows = [m.value for m in at.main.markdown]
    assert rows[rows.index("**1**") + 1] == letter["Chen Jing"]
    # a rep filter in the header is anonymised too
    filtered = meeting(slide="5", anon="1", rep="David Kim")
    letter = mt.anonymise_reps(names, "Rep", filtered.session_state[mt.ANON_SEED])
    assert "David Kim" not in shown_text(filtered)
    assert f"Sales rep: {letter['David Kim']}" in shown_text(filtered)


def test_pay_hidden_by_default_and_shown_when_switched_on(con):
    at = meeting(slide="5")
    assert at.toggle(key="pay").value is False
    captions = [c.value for c in at.main.caption]
    assert "Payout" not in captions and not any(m.value.startswith("\\$") for m in at.main.markdown)
    at.toggle(key="pay").set_value(True).run()
    assert_clean(at)
    assert at.query_params["pay"] == "1" and "Payout" in [c.value for c in at.main.caption]
    settings = Settings()
    reps = attainment(con, NOV, "rep", Filters(), as_of=AS_OF, settings=settings)
    teams = attainment(con, NOV, "team", Filters(), as_of=AS_OF, settings=settings)
    sat = satisfaction(con, "rep", NOV, Filters(), min_responses=settings.min_responses)
    totals = payouts(default_plan(), reps, teams, sat, NOV).totals
    expected = {md_escape(fmt.money(v, "USD", "en", compact=False)) for v in totals["total"]}
    shown = {m.value for m in at.main.markdown if m.value.startswith("\\$")}
    assert shown == expected and len(totals) == 12


def test_pay_on_kpi_page_does_not_follow_into_the_meeting():
    at = start({"lang": "en"})
    at.switch_page("pages/kpi_rewards.py").run()
    assert at.toggle(key="pay").value is True  # the KPI page shows pay by default outside a meeting
    at.sidebar.toggle(key="meet").set_value(True).run()
    assert_clean(at)
    assert at.toggle(key="pay").value is False and "pay" not in at.query_params


# --- data that lacks targets or segments ----------------------------------------------------------

def test_data_without_targets_or_segments_says_so(_isolated_workspace):
    Workspace(_isolated_workspace).publish([PublishItem("deals", ONLY_DEALS, "deals.csv", "h1")])
    at = meeting()
    assert_clean(at)
    text = shown_text(at)
    assert text.count("No targets loaded") == 1 and cards(at)["Target"] == "no target"
    assert cards(at)["Actual (won revenue)"] == "1,250"  # 1,000 + 250 won in November; no currency recorded, no symbol
    for _ in range(3):
        at.button(key="meeting_next").click().run()
    assert_clean(at)
    assert "no segment column" in shown_text(at)
    at.button(key="meeting_next").click().run()  # the leaderboard: both reps, no rank, "No target"
    assert_clean(at)
    rows = [m.value for m in at.main.markdown]
    assert "Nia Park" in rows and "Olu Ade" in rows and "**1**" not in rows


# --- pure helpers ---------------------------------------------------------------------------------

def test_anonymise_reps_is_stable_for_a_seed():
    names = ["Zoe", "adam", "Bea", None, "Bea", float("nan")]
    assert sorted(mt.anonymise_reps(names, seed=3).values()) == ["Rep A", "Rep B", "Rep C"]
    assert mt.anonymise_reps(names, seed=3) == mt.anonymise_reps(reversed(["adam", "Bea", "Zoe"]), seed=3)
    assert set(mt.anonymise_reps(["adam", "Bea", "Zoe"], "代表", seed=3).values()) == {"代表 A", "代表 B", "代表 C"}
    assert [mt.letters(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]
    assert mt.shown_name("Bea", {"Bea": "Rep B"}) == "Rep B" and mt.shown_name("Bea", None) == "Bea"
    assert mt.shown_name(None, None) == "–"


def test_slide_arithmetic():
    assert [mt.step(s, 1) for s in range(1, 7)] == [2, 3, 4, 5, 6, 1]
    assert [mt.step(s, -1) for s in range(1, 7)] == [6, 1, 2, 3, 4, 5]
    assert [mt.parse_slide(v) for v in ("3", "6", "0", "7", "x", None, "-1")] == [3, 6, 1, 1, 1, 1, 1]
    assert mt.position(2) == "2 / 6"
    assert [mt.auto_seconds(o) for o in mt.AUTO_OPTIONS] == [None, 15, 30, 60]


def test_split_rows_and_filters_in_use():
    assert mt.split_rows(12) == [range(12)]
    assert mt.split_rows(13) == [range(7), range(7, 13)]  # ceil(13 / 2) = 7 on the left
    used = mt.filters_in_use(Filters(team=("East",), rep=("Bea",)), ("team", "rep", "region"), {"Bea": "Rep B"})
    assert used == [("team", ["East"]), ("rep", ["Rep B"])]
    assert mt.filters_in_use(Filters(), ("team", "rep")) == []


def test_big_figure_and_bar_labels():
    frame = pd.DataFrame({"team": ["N", "S"], "attainment": [1.2, 0.5], "pace_status": ["ahead", "behind"],
                          "actual": [120.0, 50.0], "target": [100.0, 100.0], "expected_to_date": [50.0, 50.0]})
    labels = {"ahead": "Ahead", "on_pace": "On", "behind": "Behind", "no_target": "none", "axis": "A",
              "target_line": "100%", "pace": "Pace", "actual": "Actual", "target": "Target"}
    fig = ac.attainment_bars(frame, "team", expected=0.5, labels=labels, money=str)
    mt.label_bars(fig, frame, "team", lambda r: f"{r['team']}={r['actual']:.0f}")
    texts = {y: x for trace in fig.data for y, x in zip(trace.y, trace.text, strict=True)}
    assert texts == {"N": "N=120", "S": "S=50"}
    mt.big_figure(fig, height=700)
    assert fig.layout.font.size == mt.CHART_FONT == 20 and fig.layout.height == 700
    assert fig.layout.xaxis.tickfont.size == 20 and fig.layout.yaxis.tickfont.size == 20
    assert all(a.font.size == 20 for a in fig.layout.annotations) and fig.layout.annotations
    assert all(trace.textfont.size == 20 for trace in fig.data)
    scatter = mt.big_figure(go.Figure(go.Scatter(x=[1], y=[1], mode="text", text=["a"])))
    assert scatter.data[0].textfont.size == 20


def test_css_is_static_and_hides_the_chrome():
    for part in ('[data-testid="stSidebar"]', '[data-testid="stSidebarCollapsedControl"]',
                 '[data-testid="stHeader"]', '[data-testid="stToolbar"]', "font-size: 22px", "3.5rem"):
        assert part in mt.CSS
    assert mt.CSS.startswith("<style>") and mt.CSS.endswith("</style>") and "{" in mt.CSS


# --- the pipeline changes slide (issue 15) ---------------------------------------------------------

@pytest.fixture(scope="module")
def nov_changes():
    from analytics.metrics.changes import period_changes
    from analytics.store import snapshots

    con = load_sample().connect()
    snapshots.sample_history(con, snapshots.sample_history_end(con))  # as the app holds the sample
    return period_changes(con, NOV.start, NOV.end)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_changes_slide_shows_the_periods_waterfall_line(nov_changes, lang):
    at = start({"meet": "1", "lang": lang, "slide": "6"})
    assert_clean(at)
    assert title(at) == ("Pipeline changes" if lang == "en" else "商机变化")
    counts = nov_changes.result.buckets.set_index("bucket")["deals"]
    line = next(m.value for m in at.main.markdown if fmt.day(nov_changes.after, lang) in m.value)
    assert fmt.day(nov_changes.before, lang) in line
    created = int(counts["created"])
    assert created > 0 and (f"+{created} created" if lang == "en" else f"新建 {created} 个") in line
    assert (f"{int(counts['won'])} won" if lang == "en" else f"赢单 {int(counts['won'])} 个") in line
    assert len(at.main.get("plotly_chart")) == 1 or any(e.type == "plotly_chart" for e in at.main)


@pytest.mark.parametrize("anon", ["0", "1"])
def test_changes_slide_names_nobody(con, anon):
    reps = attainment(con, NOV, "rep", ALL, as_of=AS_OF)
    names = set(reps["rep"].astype(str)) | set(reps["team"].dropna().astype(str))
    at = meeting(slide="6", anon=anon)
    assert_clean(at)
    text = shown_text(at)
    assert not [n for n in names if n in text]
