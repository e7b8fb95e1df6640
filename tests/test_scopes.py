"""Role scopes (issue 14): what each role reads, the pay it sees, and the changes it may make,
enforced where data is read — and the attacks that try to get round it.

The fixture is a team workspace worked by hand (November 2026, default commission plan):

| rep | team | won   | target | attainment |
|-----|------|-------|--------|------------|
| Ann | East | 1,000 | 2,000  | 50 %       |
| Ben | East | 2,000 | 2,000  | 100 %      |
| Cai | West | 4,000 | 5,000  | 80 %       |

East: 3,000 of 4,000 = 75 %; West 80 %; company 7,000 of 9,000 = 77.8 %.
Leaderboard by attainment: 1 Ben, 2 Cai, 3 Ann. Ann also has one open deal (A-OPEN, 500).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.access import ChangeRefused, Scope, User
from analytics.ingest.importer import import_file
from analytics.metrics import standing
from analytics.metrics.payouts import payouts_for
from analytics.metrics.plan import default_plan
from analytics.metrics.sql_guard import build_sandbox
from analytics.periods import parse_period
from analytics.store import accounts, audit, changes, scoped
from analytics.store.settings import DEFAULT_SETTINGS, load_settings
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import ROOT, assert_clean, visible_text
from ui.auth import USER_KEY

DEALS_CSV = (b"Deal ID,Owner,Team,Stage,Amount,Close Date,Created Date\n"
             b"A-1,Ann,East,Won,1000,2026-11-05,2026-10-01\n"
             b"A-OPEN,Ann,East,Negotiation,500,2026-11-25,2026-10-01\n"
             b"B-1,Ben,East,Won,2000,2026-11-10,2026-10-01\n"
             b"C-1,Cai,West,Won,4000,2026-11-12,2026-10-01\n")
TARGETS_CSV = (b"Period,Owner,Team,Target\n"
               b"2026-11,Ann,East,2000\n2026-11,Ben,East,2000\n2026-11,Cai,West,5000\n")
NOV = parse_period("2026-11")

ANN = User("ann", "Ann", "rep", rep="Ann", teams=("East",))
EVE = User("eve", "Eve", "manager", teams=("East",))
DORA = User("dora", "Dora", "director")
ALI = User("ali", "Ali", "analyst")
ALI_PAY = User("ali2", "Ali", "analyst", grant_pay=True)


def frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    return (import_file(DEALS_CSV, "deals.csv")[0].frame, import_file(TARGETS_CSV, "targets.csv")[0].frame)


def publish(folder) -> Workspace:
    deals, targets = frames()
    ws = Workspace(folder)
    ws.publish([PublishItem("deals", deals, "deals.csv", "h1"), PublishItem("targets", targets, "targets.csv", "h2")])
    return ws


@pytest.fixture
def team(_isolated_workspace) -> Workspace:
    return publish(_isolated_workspace)


@pytest.fixture
def full_con(team) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    team.load_into(con)
    return con


def reps_in(con: duckdb.DuckDBPyConnection, table: str = "deals") -> list[str]:
    return sorted(r[0] for r in con.execute(f"SELECT DISTINCT rep FROM {table}").fetchall())


# --- the scoped copy ---------------------------------------------------------------------------


def test_a_reps_copy_holds_only_their_rows(full_con):
    con = scoped.scoped_connection(full_con, Scope.for_user(ANN))
    assert reps_in(con) == ["Ann"]
    assert reps_in(con, "targets") == ["Ann"]
    assert con.execute("SELECT count(*) FROM deals").fetchall() == [(2,)]


def test_a_managers_copy_holds_their_team(full_con):
    con = scoped.scoped_connection(full_con, Scope.for_user(EVE))
    assert reps_in(con) == ["Ann", "Ben"]
    assert con.execute("SELECT sum(target) FROM targets").fetchall() == [(4000.0,)]


def test_directors_and_analysts_read_everything():
    assert not scoped.restricts_rows(Scope.for_user(DORA))
    assert not scoped.restricts_rows(Scope.for_user(ALI))
    assert not scoped.restricts_rows(Scope.personal())


@pytest.mark.parametrize("sql", [
    "SELECT * FROM main.deals",
    "SELECT * FROM memory.main.deals",
    "SELECT * FROM information_schema.tables",
    "SELECT * FROM duckdb_tables()",
])
def test_catalogue_and_schema_names_find_no_other_rep(full_con, sql):
    """On the copy itself (the app's cursor), every name reaches only the rep's rows."""
    con = scoped.scoped_connection(full_con, Scope.for_user(ANN))
    text = con.execute(sql).df().to_string()
    assert "Ben" not in text and "Cai" not in text


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('{db}')",
    "ATTACH '{db}' AS w (READ_ONLY)",
    "SET enable_external_access = true",
])
def test_the_copy_cannot_reach_the_workspace_file(full_con, team, sql):
    con = scoped.scoped_connection(full_con, Scope.for_user(ANN))
    with pytest.raises(duckdb.Error):
        con.execute(sql.format(db=team.db_path))


@pytest.mark.parametrize("sql", [
    "SELECT * FROM deals",
    "SELECT * FROM main.deals",
    "SELECT rep FROM deals UNION ALL SELECT rep FROM targets",
    "SELECT * FROM duckdb_tables()",
    "SELECT * FROM information_schema.tables",
])
def test_explore_sql_of_a_rep_sees_only_their_rows(full_con, sql):
    sandbox = build_sandbox(scoped.scoped_connection(full_con, Scope.for_user(ANN)))
    try:
        frame = sandbox.run(sql, timeout_s=20).frame
    except Exception as exc:  # noqa: BLE001 - a refusal is fine; the point is no other rep
        assert "Ben" not in str(exc)
        return
    assert "Ben" not in frame.to_string() and "Cai" not in frame.to_string()
    if sql == "SELECT * FROM deals":
        assert sorted(frame["deal_id"]) == ["A-1", "A-OPEN"]


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('{db}')",
    "SELECT * FROM '{db}'",
    "ATTACH '{db}' AS w",
    "SELECT * FROM glob('{folder}/*')",
])
def test_explore_sql_refuses_files(full_con, team, sql):
    sandbox = build_sandbox(scoped.scoped_connection(full_con, Scope.for_user(ANN)))
    with pytest.raises(Exception):  # noqa: B017,PT011 - refused by the guard or the locked sandbox
        sandbox.run(sql.format(db=team.db_path, folder=team.folder), timeout_s=20)


# --- aggregates a rep may see ------------------------------------------------------------------


def test_team_and_company_attainment_by_hand(full_con):
    got = standing.team_and_company(full_con, NOV, "East")
    assert got["team"] == pytest.approx(3000 / 4000)
    assert got["company"] == pytest.approx(7000 / 9000)


def test_leaderboard_is_rank_name_and_attainment_only(full_con):
    board = standing.leaderboard(full_con, NOV)
    assert list(board.columns) == ["rank", "rep", "attainment"]
    assert board["rep"].tolist() == ["Ben", "Cai", "Ann"]
    assert board["rank"].tolist() == [1, 2, 3]
    assert board["attainment"].tolist() == pytest.approx([1.0, 0.8, 0.5])


# --- pay -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("user", "paid"), [
    (ANN, ["Ann"]), (EVE, ["Ann", "Ben"]), (DORA, ["Ann", "Ben", "Cai"]), (ALI, []), (ALI_PAY, ["Ann", "Ben", "Cai"]),
])
def test_payouts_only_as_the_scope_sees_them(full_con, user, paid):
    from analytics.filters import Filters

    result = payouts_for(full_con, NOV, Filters(), default_plan(), scope=Scope.for_user(user))
    assert sorted(result.totals["rep"]) == paid
    assert sorted(set(result.lines["rep"])) == paid


def test_report_workbook_of_a_rep_carries_only_their_pay(full_con):
    import io

    import openpyxl

    from analytics.outputs.report import build_report_from_con
    from analytics.store.settings import register_stage_map

    con = scoped.scoped_connection(full_con, Scope.for_user(ANN))
    cur = con.cursor()
    register_stage_map(cur, DEFAULT_SETTINGS)
    data = build_report_from_con(cur, NOV, settings=DEFAULT_SETTINGS, include_pay=True, scope=Scope.for_user(ANN))
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "Ann" in cells and "Ben" not in cells and "Cai" not in cells


# --- changes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("user", [ANN, EVE, ALI])
def test_data_changes_are_refused_by_name_and_change_nothing(team, user):
    scope = Scope.for_user(user)
    with pytest.raises(ChangeRefused) as refused:
        changes.rollback(team, scope, 1)
    assert user.login in refused.value.text("en") and user.role in refused.value.text("en")
    with pytest.raises(ChangeRefused):
        changes.pin(team, scope, 1)
    with pytest.raises(ChangeRefused):
        changes.publish(team, scope, [])
    assert team.status().version == 1
    assert audit.read(team.folder).empty


def test_a_director_rolls_back_and_the_audit_says_so(team):
    deals, _ = frames()
    changes.publish(team, Scope.for_user(DORA), [PublishItem("deals", deals.head(1), "week2.csv", "h3")])
    changes.rollback(team, Scope.for_user(DORA), 1)
    log = audit.read(team.folder)
    assert log["action"].tolist() == ["rollback", "publish"]
    assert log["who"].tolist() == ["dora", "dora"]
    assert json.loads(log["before"][0]) == {"version": 2}


def test_an_analyst_granted_data_may_publish(team):
    deals, _ = frames()
    analyst = Scope.for_user(User("al", "Al", "analyst", grant_data=True))
    assert changes.publish(team, analyst, [PublishItem("deals", deals, "again.csv", "h4")]) == 2


def test_settings_edit_records_before_and_after(team):
    path = team.folder / "settings.yaml"
    new = DEFAULT_SETTINGS.__class__(**{**vars(DEFAULT_SETTINGS), "followup_days": 21})
    with pytest.raises(ChangeRefused):
        changes.save_workspace_settings(team.folder, Scope.for_user(EVE), DEFAULT_SETTINGS, new, path)
    changes.save_workspace_settings(team.folder, Scope.for_user(DORA), DEFAULT_SETTINGS, new, path)
    assert load_settings(path)[0].followup_days == 21
    entry = audit.read(team.folder).iloc[0]
    assert json.loads(entry["before"]) == {"followup_days": DEFAULT_SETTINGS.followup_days}
    assert json.loads(entry["after"]) == {"followup_days": 21}


# --- the app (AppTest): role x page x action -----------------------------------------------------


def sign_in(user: User) -> User:
    """``user``'s account in the test workspace (team mode), as the auth work stores it."""
    folder = Path(os.environ["SALES_WORKSPACE"])
    if accounts.get(folder, user.login) is None:
        accounts.add(folder, "test", user.login, user.role, None, display_name=user.display_name, rep=user.rep,
                     teams=user.teams, grant_pay=user.grant_pay, grant_data=user.grant_data)
    signed = accounts.user_for_login(folder, user.login)
    assert signed == user
    return signed


def changes_made(folder) -> list[str]:
    """The audit's actions, newest first, without the test's own account set-up."""
    return [a for a in audit.read(folder)["action"] if not a.startswith("user.")]


def run_as(user: User | None, page: str | None = None, query: dict[str, str] | None = None):
    """The app signed in as ``user`` (an account in the workspace: team mode), None: personal."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if user is not None:
        at.session_state[USER_KEY] = sign_in(user)
    for k, v in {"p": "2026-11", **(query or {})}.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def everything(at, but_the_leaderboard: bool = False) -> str:
    parts = [visible_text(at)] + [str(m.value) for m in at.metric] + [str(e.value) for e in at.error]
    parts += [d.value.to_string() for d in at.dataframe if not (but_the_leaderboard and "Rank" in d.value.columns)]
    return " ".join(parts)


PAGES = ["pages/overview.py", "pages/my_progress.py", "pages/funnel.py", "pages/segments.py",
         "pages/kpi_rewards.py", "pages/customers.py", "pages/pipeline_changes.py", "pages/data.py",
         "pages/explore.py", "pages/settings.py"]


@pytest.mark.parametrize("page", PAGES)
def test_a_rep_on_every_page_sees_no_other_rep(team, page):
    at = run_as(ANN, page)
    assert_clean(at)
    # defence in depth: the session's cursor itself holds only Ann's rows
    assert reps_in(at.session_state["_context"].con) == ["Ann"]
    text = everything(at, but_the_leaderboard=True)
    assert "Ben" not in text and "Cai" not in text


def test_a_rep_sees_team_and_company_attainment_and_the_leaderboard_without_amounts(team):
    at = run_as(ANN, "pages/my_progress.py")
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Team attainment"] == "75.0%" and metrics["Company attainment"] == "77.8%"
    # her rank is on the whole team's leaderboard, not "#1 among 1" in her own copy of the data
    assert metrics["Rank among 3 peers"] == "#3"
    board = next(d.value for d in at.dataframe if "Rank" in d.value.columns)
    assert board.to_dict("list") == {"Rank": [1, 2, 3], "Rep": ["Ben", "Cai", "Ann"],
                                     "Attainment": ["100.0%", "80.0%", "50.0%"]}
    text = everything(at)
    for others in ("4,000", "5,000", "2,000.00"):  # Cai's won and target, Ben's won (Ann's target is 2,000)
        assert others not in text


def test_a_managers_overview_is_their_teams_totals(team):
    at = run_as(EVE, "pages/overview.py")
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Actual (won revenue)"] == "3,000"
    assert metrics["Target"] == "4,000"
    assert "Cai" not in everything(at)


def test_a_rep_on_kpi_rewards_sees_only_their_payout_even_with_pay_1(team):
    at = run_as(ANN, "pages/kpi_rewards.py", {"pay": "1", "view": "team"})
    assert_clean(at)
    totals = next((d.value for d in at.dataframe if "team_share" in d.value.columns), None)
    if totals is not None:
        assert totals["rep"].tolist() == ["Ann"]
    assert "Ben" not in everything(at)


def test_an_analyst_sees_data_but_no_pay(team):
    at = run_as(ALI, "pages/kpi_rewards.py", {"pay": "1"})
    assert_clean(at)
    assert "Pay figures are not part of your role's view." in [i.value for i in at.info]
    assert not any("team_share" in d.value.columns for d in at.dataframe)
    assert "Cai" in everything(at)  # the data itself is theirs to read


@pytest.mark.parametrize(("query", "note"), [
    ({"rep": "Ben"}, "This link named another rep; showing your own figures."),
    ({"team": "West"}, None),
])
def test_a_reps_link_naming_another_opens_their_own_view(team, query, note):
    at = run_as(ANN, "pages/overview.py", query)
    assert_clean(at)
    ctx = at.session_state["_context"]
    assert ctx.filters.rep == ("Ann",)
    if note:
        assert note in [i.value for i in at.info]
    assert "Ben" not in everything(at)


def test_a_managers_link_to_another_team_says_so(team):
    at = run_as(EVE, "pages/overview.py", {"team": "West"})
    assert "This link named another team; showing your team's figures." in [i.value for i in at.info]
    assert at.session_state["_context"].filters.team == ("East",)
    assert {m.label: m.value for m in at.metric}["Actual (won revenue)"] == "3,000"


@pytest.mark.parametrize("slide", ["overview", "teams", "leaderboard"])
def test_meeting_slides_of_a_rep_stay_in_scope(team, slide):
    at = run_as(ANN, None, {"meet": "1", "pay": "1", "slide": slide, "rep": "Ben"})
    assert not at.exception
    text = everything(at)
    assert "Ben" not in text and "Cai" not in text


def test_a_reps_explore_sql_returns_only_their_deals(team):
    at = run_as(ANN, "pages/explore.py", {"xm": "sql"})
    for sql in ["SELECT * FROM deals", "SELECT * FROM main.deals", "SELECT * FROM information_schema.tables",
                f"SELECT * FROM read_csv('{team.db_path}')"]:
        at.text_area(key="_explore_sql_text").set_value(sql).run()
        at.button(key="_explore_sql_go").click().run()
        assert not at.exception
        text = everything(at)
        assert "Ben" not in text and "Cai" not in text
        if sql == "SELECT * FROM deals":
            shown = next(d.value for d in at.dataframe if "deal_id" in d.value.columns)
            assert sorted(shown["deal_id"]) == ["A-1", "A-OPEN"]


@pytest.mark.parametrize("user", [ANN, EVE])
def test_rollback_from_the_data_page_is_refused(team, user):
    deals, _ = frames()
    team.publish([PublishItem("deals", deals.head(1), "week2.csv", "h3")])
    at = run_as(user, "pages/data.py")
    next(b for b in at.button if b.label == "Restore").click().run()
    assert any("belong to the director" in str(e.value) for e in at.error)
    assert team.status().version == 2
    assert changes_made(team.folder) == []


def test_rollback_from_the_data_page_by_the_director_is_audited(team):
    deals, _ = frames()
    team.publish([PublishItem("deals", deals.head(1), "week2.csv", "h3")])
    at = run_as(DORA, "pages/data.py")
    next(b for b in at.button if b.label == "Restore").click().run()
    assert_clean(at)
    assert team.status().version == 1
    assert changes_made(team.folder) == ["rollback"]


def test_settings_save_by_a_manager_is_refused(team):
    at = run_as(EVE, "pages/settings.py")
    assert "You can read the settings here; only the director can change them." in [i.value for i in at.info]
    next(b for b in at.button if b.label == "Save settings").click().run()
    assert any("belong to the director" in str(e.value) for e in at.error)
    assert not (team.folder / "settings.yaml").exists()
    assert changes_made(team.folder) == []


def test_personal_mode_is_unchanged(team):
    at = run_as(None, "pages/overview.py")
    assert_clean(at)
    assert {m.label: m.value for m in at.metric}["Actual (won revenue)"] == "7,000"
    assert at.session_state["_context"].scope == Scope.personal()


def test_the_session_scope_is_the_signed_in_accounts(team):
    at = run_as(EVE, "pages/overview.py")
    assert at.session_state["_context"].scope == Scope.for_user(EVE)


# --- the CLI run by the server (--as LOGIN) ------------------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from analytics.outputs.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_cli_as_a_rep_reads_and_pays_only_them(team):
    sign_in(ANN)
    code, out, _ = cli("--as", "ann", "--format", "json", "attainment", "--period", "2026-11", "--by", "rep")
    assert code == 0 and [r["rep"] for r in json.loads(out)] == ["Ann"]
    code, out, _ = cli("--as", "ann", "--format", "json", "rewards", "--period", "2026-11")
    assert code == 0 and {r["rep"] for r in json.loads(out)} == {"Ann"}
    code, out, _ = cli("--as", "ann", "--format", "json", "query", "SELECT rep FROM main.deals")
    assert code == 0 and {r["rep"] for r in json.loads(out)} == {"Ann"}
    code, out, _ = cli("--format", "json", "attainment", "--period", "2026-11", "--by", "rep")  # personal: all
    assert {r["rep"] for r in json.loads(out)} == {"Ann", "Ben", "Cai"}


def test_cli_as_an_analyst_gets_no_pay(team):
    sign_in(ALI)
    code, out, _ = cli("--as", "ali", "--format", "json", "rewards", "--period", "2026-11")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("argv", [("workspace", "pin", "1"), ("workspace", "backup", "{tmp}/b"),
                                  ("workspace", "restore", "{tmp}/b")])
def test_cli_as_a_manager_changes_nothing(team, tmp_path, argv):
    sign_in(EVE)
    code, _, err = cli("--as", "eve", *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2 and "belong to the director" in err
    assert changes_made(team.folder) == []


def test_cli_unknown_login_and_personal_who(team):
    code, _, err = cli("--as", "nobody", "attainment", "--period", "2026-11")
    assert code == 2 and "no such account" in err
    code, _, _ = cli("workspace", "pin", "1")
    assert code == 0
    assert audit.read(team.folder)["who"][0].startswith("cli:")


def test_a_refusal_names_the_role_in_the_readers_language():
    rep = Scope.for_user(User("ann", "Ann", "rep", rep="Ann"))
    assert "销售代表" in ChangeRefused("data", rep).text("zh")
    assert "銷售代表" in ChangeRefused("settings", rep).text("zh-Hant")
    assert " rep" not in ChangeRefused("data", rep).text("zh")


def test_cli_report_as_a_manager_keeps_other_teams_out_of_the_pipeline_changes(team, tmp_path):
    """The report's Pipeline changes sheet reads the stored snapshots, which are the whole
    pipeline's: a manager's report must show their team's deals only (West's C-NEW never)."""
    import openpyxl

    before, _ = frames()
    team.publish([PublishItem("deals", before, "deals1.csv", "h3")], snapshot_date=date(2026, 10, 30))
    later = DEALS_CSV + b"C-NEW,Cai,West,Negotiation,7777,2026-11-28,2026-11-20\n"
    deals = import_file(later, "deals.csv")[0].frame
    team.publish([PublishItem("deals", deals, "deals2.csv", "h4")], snapshot_date=date(2026, 11, 20))
    sign_in(EVE)
    sign_in(DORA)
    for login, sees_west in (("eve", False), ("dora", True)):
        out = tmp_path / f"{login}.xlsx"
        code, _, err = cli("--as", login, "report", "--period", "2026-11", "--out", str(out))
        assert code == 0, err
        cells = {str(c.value) for ws in openpyxl.load_workbook(out).worksheets for row in ws.iter_rows()
                 for c in row if c.value is not None}
        assert any("Cai" in c or "C-NEW" in c or "7777" in c or "7,777" in c for c in cells) is sees_west, login


def test_an_account_that_names_nobody_in_the_data_is_told_so(team):
    """A rep's account whose rep name the data never writes reads an empty copy: the page says
    why, instead of "no deals imported"."""
    ghost = User("ghost", "Wang Lei", "rep", rep="Wang Lei", teams=("East",))
    at = run_as(ghost, "pages/my_progress.py")
    assert_clean(at)
    assert any("Wang Lei" in w.value and "Settings" in w.value for w in at.warning)
    at = run_as(ANN, "pages/my_progress.py")
    assert not any("Settings" in str(w.value) for w in at.warning)
    assert scoped.names_nobody(team_con(team), Scope.for_user(EVE)) is False
    assert scoped.names_nobody(team_con(team), Scope.for_user(User("m", "M", "manager", teams=("North",))))


def team_con(ws: Workspace) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    ws.load_into(con)
    return con
