"""The app on the PostgreSQL store (AppTest, a real throw-away server): a database that does not
answer is named and nothing else is shown, in English and Chinese, and recovers on "Try again";
every page's figures on a published version equal those on the DuckDB file with the same data
(queries still run in the process's DuckDB, so they must)."""

from __future__ import annotations

import socket

import pytest

from analytics.store.postgres import PgWorkspace
from analytics.store.workspace import PublishItem, Workspace
from tests.fixtures import assert_clean, start, visible_text
from tests.test_page_data_workspace import TEAM_DEALS, TEAM_TARGETS, all_text

PAGES = ["pages/overview.py", "pages/funnel.py", "pages/segments.py", "pages/kpi_rewards.py", "pages/customers.py"]


def _items() -> list[PublishItem]:
    return [PublishItem("deals", TEAM_DEALS, "team_deals.csv", "h1"),
            PublishItem("targets", TEAM_TARGETS, "team_targets.csv", "h2")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_database_that_does_not_answer_is_named_never_the_sample(_isolated_workspace, pg_url, monkeypatch, lang):
    PgWorkspace(pg_url, _isolated_workspace).publish(_items())
    down = f"postgresql://sales:hunter2@127.0.0.1:{_free_port()}/team"
    monkeypatch.setenv("SALES_DATABASE_URL", down)
    monkeypatch.setenv("SALES_WORKSPACE_WAIT_S", "0.3")
    at = start({"lang": lang})
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "127.0.0.1" in errors and "hunter2" not in errors
    assert ("does not answer" in errors) if lang == "en" else ("没有响应" in errors)
    text = all_text(at)
    assert "Sample company" not in text and "示例公司" not in text
    assert not at.metric  # no figures of any data
    # The server is back (here: the right address): "Try again" shows the team's data.
    monkeypatch.setenv("SALES_DATABASE_URL", pg_url)
    at.button[0].click().run()
    assert_clean(at)
    assert at.session_state["_context"].source.kind == "workspace"
    assert at.session_state["_context"].source.version == 1


def _figures(at) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_every_page_shows_the_same_figures_on_both_stores(_isolated_workspace, pg_url, monkeypatch, tmp_path):
    Workspace(tmp_path / "file").publish(_items())
    PgWorkspace(pg_url, _isolated_workspace).publish(_items())
    seen: dict[str, dict[str, list]] = {}
    for store, env in (("file", {"SALES_WORKSPACE": str(tmp_path / "file"), "SALES_DATABASE_URL": ""}),
                       ("postgres", {"SALES_DATABASE_URL": pg_url})):
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        at = start()
        assert_clean(at)
        assert at.session_state["_context"].source.kind == "workspace"
        for page in PAGES:
            at.switch_page(page).run()
            assert_clean(at)
            seen.setdefault(page, {})[store] = [_figures(at), [str(t.value) for t in at.dataframe]]
    for page, both in seen.items():
        assert both["file"] == both["postgres"], page
    overview = dict(seen["pages/overview.py"]["postgres"][0])
    assert overview["Actual (won revenue)"] == "800"  # the one won deal of Nov 2026 (hand count; no currency given)
    assert sum(len(both["postgres"][0]) for both in seen.values()) >= 10  # figures were compared, not nothing
    assert "Team data" in visible_text(start())
