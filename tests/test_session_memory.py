"""Issue 19.3: a closed session's upload, imports and connections are released at once."""

from __future__ import annotations

from ui import session_memory


def test_release_drops_the_heavy_entries_and_keeps_the_rest() -> None:
    state = {key: object() for key in session_memory.HEAVY_KEYS}
    state.update({"lang": "zh", "_scope": "rep:Ann", "fmonth": "2026-11"})
    session_memory.release_session(session_memory._SessionHandle("no-such-session", state))
    assert state == {"lang": "zh", "_scope": "rep:Ann", "fmonth": "2026-11"}


def test_release_of_a_session_with_nothing_to_release() -> None:
    session_memory.release_session(session_memory._SessionHandle("no-such-session", {}))
