"""Issue 13.3: anonymised means anonymous — letters shuffled per meeting, no team beside them,
no pay beside them unless explicitly switched on (with a warning)."""

from __future__ import annotations

from datetime import date

from analytics.filters import Filters
from analytics.metrics.attainment import attainment
from analytics.periods import month_period
from analytics.store.sources import load_sample
from tests.test_app import assert_clean, start
from ui import meeting as mt

NOV = month_period(date(2026, 11, 1))


def meeting(**query: str):
    at = start({"meet": "1", "lang": "en", **query})
    return at


def test_letters_are_shuffled_by_the_meeting_seed_not_alphabetical():
    names = ["Adam", "Bea", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"]
    alphabetical = {n: f"Rep {mt.letters(i)}" for i, n in enumerate(names)}
    seeds = range(20)
    shuffles = [mt.anonymise_reps(names, seed=s) for s in seeds]
    # every shuffle is a one-to-one mapping onto A..H
    assert all(sorted(m.values()) == sorted(alphabetical.values()) for m in shuffles)
    # stable for one meeting (same seed), different across meetings, and not the alphabetical order
    assert mt.anonymise_reps(reversed(names), seed=7) == mt.anonymise_reps(names, seed=7)
    assert len({tuple(sorted(m.items())) for m in shuffles}) > 10
    assert sum(m == alphabetical for m in shuffles) <= 1  # 1 in 8! = 40,320 by chance


def test_pay_visible_rule():
    assert mt.pay_visible(False, False, False) is False
    assert mt.pay_visible(True, False, False) is True
    assert mt.pay_visible(True, True, False) is False   # anonymised: the pay switch alone is not enough
    assert mt.pay_visible(True, True, True) is True
    assert mt.pay_visible(False, True, True) is False


def test_sample_leaderboard_anonymised_hides_team_and_pay():
    con = load_sample().connect()
    reps = attainment(con, NOV, "rep", Filters(), as_of=date(2026, 11, 30))
    names = set(reps["rep"].astype(str))
    teams = set(reps["team"].dropna().astype(str))
    at = meeting(slide="5", anon="1", pay="1")
    assert_clean(at)
    shown = [m.value for m in at.main.markdown]
    assert not [n for n in names if any(n in s for s in shown)]
    assert not [tm for tm in teams if tm in shown]              # no team beside the letters
    assert not any(s.startswith("\\$") or s.startswith("$") for s in shown)  # pay=1 from the link: still hidden
    assert any("pay is hidden too" in c.value for c in at.main.caption)
    # the explicit switch shows pay, with a warning
    at.toggle(key=mt.ANON_PAY_KEY).set_value(True).run()
    assert_clean(at)
    assert any(s.startswith("\\$") for s in (m.value for m in at.main.markdown))
    assert any("people in the room may still tell" in w.value for w in at.warning)


def test_sample_letters_do_not_follow_alphabetical_order_of_names():
    con = load_sample().connect()
    names = sorted(attainment(con, NOV, "rep", Filters(), as_of=date(2026, 11, 30))["rep"].astype(str))
    at = meeting(slide="5", anon="1")
    assert_clean(at)
    seed = at.session_state[mt.ANON_SEED]
    mapping = mt.anonymise_reps(names, "Rep", seed)
    alphabetical = {n: f"Rep {mt.letters(i)}" for i, n in enumerate(sorted(names, key=str.casefold))}
    shown = [m.value for m in at.main.markdown]
    assert all(letter in shown for letter in mapping.values())
    # the page uses this meeting's shuffle (the chance it equals the alphabetical order is 1 in 12!)
    assert mapping != alphabetical
