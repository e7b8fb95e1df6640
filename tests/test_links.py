"""A link reproduces the view: every page's URL-kept settings survive a run unchanged, and the
widgets show them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import ROOT, assert_clean

# English: the Chinese view opens the Chinese sample, whose teams and reps have Chinese names.
SIDEBAR = {"lang": "en", "pk": "quarter", "q": "2026-Q3", "team": "East", "region": "East"}

TOGGLES = {"rank", "pay"}

# page file → its own URL keys with a non-default value each
PAGE_PARAMS = {
    "overview": {},
    "my_progress": {"me": "Sarah Miller", "rank": "0"},
    "funnel": {"fmode": "cohort", "fpct": "first", "fstrict": "strict", "fby": "segment"},
    "segments": {"sdim": "channel", "smeas": "win_rate"},
    "kpi_rewards": {"view": "rep", "me": "Sarah Miller", "pay": "0"},
    "customers": {"crep": "Sarah Miller"},
    "data": {},
    "explore": {},
    "settings": {},
}


def _open(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.mark.parametrize("page", list(PAGE_PARAMS))
def test_link_round_trip(page):
    wanted = {**SIDEBAR, **PAGE_PARAMS[page]}
    at = _open(page, wanted)
    assert_clean(at)
    got = {k: (v if isinstance(v, str) else v[0] if len(v) == 1 else v) for k, v in at.query_params.items()}
    for key, value in wanted.items():
        if key == "lang":  # English is the default, so the link leaves it out
            continue
        assert got.get(key) == value, (page, key, got)
    assert at.session_state["lang"] == "en"
    assert at.session_state["team"] == ["East"]
    assert at.session_state["_context"].period.key == "2026-Q3"
    for key, value in PAGE_PARAMS[page].items():
        shown = at.session_state[key]
        assert shown == ({"0": False, "1": True}[value] if key in TOGGLES else value), (page, key, shown)
