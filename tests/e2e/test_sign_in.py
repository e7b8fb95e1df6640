"""Both sign-in paths in the real app and browser: built-in accounts (wrong password, right
password, sign-out) and the company's identity provider through ``st.login``, against a local
OpenID Connect provider (oidc-provider-mock) that the test starts. Each path gets its own app
server: team mode needs its own workspace with accounts, and the identity provider its own
secrets file (``--secrets.files``). Screenshots of the sign-in screen in English and Chinese go to
``artifacts/screenshots/``."""

from __future__ import annotations

import pytest

from analytics.store import accounts
from tests.e2e.conftest import _free_port, app_server, no_exception, shoot, wait_idle

pytestmark = pytest.mark.e2e


def open_app(page, url: str) -> None:
    page.goto(url)
    wait_idle(page, timeout=90_000)


def sign_in_with_password(page, login: str, password: str) -> None:
    page.get_by_role("textbox", name="Login").fill(login)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_test_id("stBaseButton-primaryFormSubmit").click()


def test_built_in_sign_in(page, tmp_path):
    accounts.add(tmp_path, "cli:test", "wei@x.com", "rep", "wei-secret1", display_name="Wei Zhang",
                 rep="Wei Zhang", teams=("North",))
    with app_server(tmp_path) as url:
        open_app(page, url + "/funnel")
        page.get_by_role("heading", name="Sign in").wait_for()
        no_exception(page)
        assert page.get_by_test_id("stMetric").count() == 0
        shoot(page, "sign_in_en")
        sign_in_with_password(page, "wei@x.com", "wrong-password")
        page.get_by_text("Wrong login or password.").wait_for()
        sign_in_with_password(page, "wei@x.com", "wei-secret1")
        page.get_by_text("Signed in as Wei Zhang (rep)").wait_for(timeout=90_000)
        wait_idle(page, timeout=90_000)
        no_exception(page)
        shoot(page, "signed_in_rep")
        page.get_by_role("button", name="Sign out").click()
        page.get_by_role("heading", name="Sign in").wait_for()
        open_app(page, url + "/?lang=zh")
        page.get_by_role("heading", name="登录").wait_for()
        shoot(page, "sign_in_zh")


def test_identity_provider_sign_in(browser, tmp_path):
    from oidc_provider_mock import run_server_in_thread

    accounts.add(tmp_path, "cli:test", "wei@x.com", "rep", None, display_name="Wei Zhang", rep="Wei Zhang")
    port = _free_port()
    with run_server_in_thread() as idp:
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            'cookie_secret = "a-test-cookie-secret-that-is-long-enough"\n'
            'client_id = "sales-dashboard"\nclient_secret = "test-secret"\n'
            f'server_metadata_url = "http://localhost:{idp.server_port}/.well-known/openid-configuration"\n')
        with app_server(tmp_path, "--secrets.files", str(secrets), port=port) as url:
            for who, expect in (("wei@x.com", "Signed in as Wei Zhang (rep)"),
                                ("stranger@x.com", "There is no account for stranger@x.com")):
                context = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="en-US")
                page = context.new_page()
                open_app(page, url)
                shoot(page, "sign_in_oidc_en")
                page.get_by_role("button", name="Sign in with localhost").click()
                page.locator("input[name=sub]").fill(who)
                page.get_by_role("button", name="Authorize").click()
                page.get_by_text(expect).wait_for(timeout=90_000)
                wait_idle(page, timeout=90_000)
                no_exception(page)
                shoot(page, f"oidc_{who.split('@')[0]}")
                context.close()
