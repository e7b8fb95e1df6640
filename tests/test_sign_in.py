"""The sign-in screen in AppTest: team mode stops every page until someone signs in; a good
password signs in and sets the session's scope; a bad one says only "wrong login or password";
five lock the login; sign-out forgets the session; personal mode shows its badge."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analytics.access import Scope, User
from analytics.store import accounts
from tests.conftest import ROOT
from tests.fixtures import start, visible_text

PAGES = ["pages/overview.py", "pages/my_progress.py", "pages/funnel.py", "pages/kpi_rewards.py",
         "pages/data.py", "pages/explore.py", "pages/settings.py"]
WEI = User("wei@x.com", "Wei Zhang", "rep", "Zhang Wei", ("North",))
OIDC = {"auth": {"redirect_uri": "http://127.0.0.1:1/oauth2callback", "cookie_secret": "s" * 32,
                 "client_id": "app", "client_secret": "secret",
                 "server_metadata_url": "http://idp.example.com/.well-known/openid-configuration"}}


@pytest.fixture
def team(_isolated_workspace):
    accounts.add(_isolated_workspace, "cli:test", "boss@x.com", "director", "boss-secret", display_name="Bo Ss")
    accounts.add(_isolated_workspace, "cli:test", "wei@x.com", "rep", "wei-secret1", display_name="Wei Zhang",
                 rep="Zhang Wei", teams=("North",))
    return _isolated_workspace


def sign_in(at: AppTest, login: str, password: str) -> AppTest:
    at.text_input(key="sign_in_login").input(login)
    at.text_input(key="sign_in_password").input(password)
    return next(b for b in at.button if b.label == "Sign in").click().run()


def test_personal_mode_shows_its_badge_and_everything():
    at = start()
    assert not at.exception
    assert any("Personal mode" in c.value for c in at.sidebar.caption)
    assert at.session_state["_scope"] == Scope.personal()


@pytest.mark.parametrize("page", PAGES)
def test_team_mode_stops_every_page_until_signed_in(team, page):
    at = start()
    at.switch_page(page).run()
    assert not at.exception
    assert [x.value for x in at.title] == ["Sign in"]
    assert "_scope" not in at.session_state
    assert not at.metric and not at.dataframe


def test_good_password_signs_in_with_the_accounts_scope(team):
    at = sign_in(start(), "wei@x.com", "wei-secret1")
    assert not at.exception
    assert at.session_state["_scope"] == Scope.for_user(WEI)
    assert any("Signed in as Wei Zhang (rep)" in c.value for c in at.sidebar.caption)
    assert "Sign in" not in [x.value for x in at.title]


def test_bad_password_and_unknown_login_say_the_same(team):
    at = sign_in(start(), "wei@x.com", "nope")
    wrong = [e.value for e in at.error]
    at = sign_in(start(), "ghost@x.com", "nope")
    assert wrong == [e.value for e in at.error] == ["Wrong login or password."]
    assert "_scope" not in at.session_state


def test_five_wrong_passwords_lock_and_say_until_when(team):
    at = start()
    for _ in range(5):
        at = sign_in(at, "wei@x.com", "nope")
    assert "locked until" in at.error[0].value and "UTC" in at.error[0].value
    at = sign_in(at, "wei@x.com", "wei-secret1")
    assert "locked until" in at.error[0].value
    assert "_scope" not in at.session_state


def test_sign_out_returns_to_the_sign_in_screen(team):
    at = sign_in(start(), "boss@x.com", "boss-secret")
    assert at.session_state["_scope"].role == "director"
    at.sidebar.button(key="sign_out").click().run()
    assert not at.exception
    assert [x.value for x in at.title] == ["Sign in"]
    assert "_user" not in at.session_state


def test_a_removed_account_is_signed_out_on_the_next_run(team):
    at = sign_in(start(), "wei@x.com", "wei-secret1")
    accounts.remove(team, "boss@x.com", "wei@x.com")
    at.run()
    assert [x.value for x in at.title] == ["Sign in"]


def test_chinese_sign_in_screen(team):
    at = start({"lang": "zh"})
    assert [x.value for x in at.title] == ["登录"]
    assert "Sign" not in visible_text(at)


def test_identity_provider_user_maps_to_an_account(_isolated_workspace):
    accounts.add(_isolated_workspace, "cli:test", "wei@x.com", "rep", None, display_name="Wei Zhang",
                 rep="Zhang Wei", teams=("North",))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets = OIDC
    at.run()
    assert [b.label.replace("\\", "") for b in at.button if b.label.startswith("Sign in with")] == ["Sign in with idp.example.com"]
    at.user = {"is_logged_in": True, "email": "wei@x.com"}
    at.run()
    assert at.session_state["_scope"] == Scope.for_user(WEI)


def test_identity_provider_sign_out_logs_out(_isolated_workspace):
    accounts.add(_isolated_workspace, "cli:test", "wei@x.com", "rep", None, rep="Zhang Wei")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets = OIDC
    at.user = {"is_logged_in": True, "email": "wei@x.com"}
    at.run()
    assert at.session_state["_scope"].user.login == "wei@x.com"
    at.sidebar.button(key="sign_out").click().run()
    assert at.user == {"is_logged_in": False}
    assert [x.value for x in at.title] == ["Sign in"] and "_user" not in at.session_state


def test_identity_provider_user_without_account_is_refused(_isolated_workspace):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets = OIDC
    at.user = {"is_logged_in": True, "email": "stranger@x.com"}
    at.run()
    assert "no account for stranger@x.com" in at.error[0].value.replace("\\", "")
    assert "_scope" not in at.session_state


def _settings_as(at: AppTest, login: str, password: str) -> AppTest:
    at = sign_in(at, login, password)
    return at.switch_page("pages/settings.py").run()


def test_director_manages_accounts_in_settings_and_sees_the_audit_log(team):
    at = _settings_as(start(), "boss@x.com", "boss-secret")
    assert not at.exception
    assert "Accounts" in [s.value for s in at.subheader] and "Audit log" in [s.value for s in at.subheader]
    at.text_input(key="add_login").input("ana@x.com")
    at.text_input(key="add_rep").input("Li Na")  # the rep as the data spells it
    at.selectbox(key="add_role").select("analyst")
    at.text_input(key="add_password").input("ana-secret1")
    next(b for b in at.button if b.label == "Add an account").click().run()
    assert not at.exception
    assert accounts.get(team, "ana@x.com").rep == "Li Na"
    log = at.dataframe[-1].value
    assert log.iloc[0]["Who"] == "boss@x.com" and log.iloc[0]["Action"] == "user.add"


def test_non_director_gets_no_accounts_section(team):
    at = _settings_as(start(), "wei@x.com", "wei-secret1")
    assert "Accounts" not in [s.value for s in at.subheader]
    assert "Audit log" not in [s.value for s in at.subheader]
