"""Twenty signed-in sessions of mixed roles on one server never see each other's scopes or
uploads (issue 14). Bounded: 4 rounds of 5 browser contexts open at the same time, their steps
interleaved (sign in, a tampered KPI link, an upload of their own file).

Sessions sign in through the built-in accounts of the auth work (argon2 passwords), in a team
workspace holding the hand-worked fixture of ``tests/test_scopes.py`` (Ann and Ben in East, Cai
in West). Each session then opens ``/kpi_rewards?pay=1&view=team&rep=Ben`` — a link naming
someone — and its page must show only its scope; then uploads ``own_<round>_<n>.csv`` on the
Data page, which no other session may ever see.
"""

from __future__ import annotations

import pytest

from analytics.store import accounts
from tests.e2e.conftest import app_server, no_exception, shoot, wait_idle
from tests.e2e.test_sign_in import sign_in_with_password
from tests.test_scopes import DEALS_CSV, publish

pytestmark = pytest.mark.e2e

PASSWORD = "scope-secret-1"
#: login, role, rep, teams, names that must appear on their tampered KPI page, names that must not
PEOPLE = [
    ("ann", "rep", "Ann", ("East",), ["How Ann's score is made"], ["Ben", "Cai"]),
    ("ben", "rep", "Ben", ("East",), ["How Ben's score is made"], ["Ann", "Cai"]),
    ("cai", "rep", "Cai", ("West",), ["How Cai's score is made"], ["Ann", "Ben"]),
    ("eve", "manager", None, ("East",), ["How Ben's score is made"], ["Cai"]),
    ("dora", "director", None, (), ["How Ben's score is made"], []),
    ("ali", "analyst", None, (), ["Pay figures are not part of your role's view."], []),
]
ROUNDS, AT_ONCE = 4, 5


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def test_twenty_sessions_of_mixed_roles_stay_apart(browser, tmp_path):
    publish(tmp_path)
    for login, role, rep, teams, _, _ in PEOPLE:
        accounts.add(tmp_path, "test", login, role, PASSWORD, display_name=login.title(), rep=rep, teams=teams)
    uploads_seen: list[str] = []
    with app_server(tmp_path) as url:
        # one session first: a fresh server's first run switches Streamlit's page mode (see app.py)
        warm = browser.new_context()
        warm.new_page().goto(url)
        warm.pages[0].get_by_role("heading", name="Sign in").wait_for(timeout=90_000)
        warm.close()
        for round_no in range(ROUNDS):
            sessions = []
            for n in range(AT_ONCE):
                person = PEOPLE[(round_no * AT_ONCE + n) % len(PEOPLE)]
                context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="en-US")
                page = context.new_page()
                page.goto(url + "/kpi_rewards?pay=1&view=team&rep=Ben&p=2026-11")
                sessions.append((context, page, person, f"own_{round_no}_{n}.csv"))
            for n, (_, page, person, _) in enumerate(sessions):  # every sign-in form, then all submitted
                try:
                    page.get_by_role("heading", name="Sign in").wait_for(timeout=90_000)
                except Exception:
                    shoot(page, f"scopes_concurrent_no_sign_in_{round_no}_{n}")
                    raise
                sign_in_with_password(page, person[0], PASSWORD)
            for _, page, person, _ in sessions:
                page.get_by_text(f"Signed in as {person[0].title()}").wait_for(timeout=120_000)
                wait_idle(page, timeout=120_000)
                # sign-in may land on the default page: go on to KPI & rewards within the session
                page.get_by_test_id("stSidebarNavLink").filter(has_text="KPI & rewards").click()
                page.get_by_role("heading", name="Payouts: Standard plan").wait_for(timeout=120_000)
                wait_idle(page, timeout=120_000)
                no_exception(page)
                text = main_text(page)
                login, must, must_not = person[0], person[4], person[5]
                for name in must:
                    assert name in text, (login, name)
                for name in must_not:
                    assert name not in text, (login, name)
            for _, page, _, file_name in sessions:  # each uploads its own file for its own session
                page.get_by_test_id("stSidebarNavLink").filter(has_text="Data").click()
                page.get_by_test_id("stFileUploaderDropzoneInput").first.wait_for(state="attached", timeout=90_000)
                page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
                    files=[{"name": file_name, "mimeType": "text/csv", "buffer": DEALS_CSV}])
            uploads_seen += [s[3] for s in sessions]
            for _, page, _, file_name in sessions:
                page.get_by_text(file_name).first.wait_for(timeout=120_000)
                wait_idle(page, timeout=120_000)
                no_exception(page)
                text = main_text(page)
                others = [f for f in uploads_seen if f != file_name and f in text]
                assert not others, (file_name, others)
            for context, _, _, _ in sessions:
                context.close()
