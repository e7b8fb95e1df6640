"""Memory that comes back when a session ends (issue 19.3).

A session's upload is its biggest possession: the file's bytes (kept so the upload survives a
change of page), the imports (a million-row frame each), the upload's own DuckDB connection and
the cursors on it. Streamlit keeps a closed tab's session for ``server.disconnectedSessionTTL``
seconds (120 by default) so that a reconnecting browser finds it again, and drops it later still:
its session store only expires entries when someone touches it. Until then the session state
holds all of the above.

So every run registers a *session-scoped* resource (``st.cache_resource(scope="session")``, which
Streamlit clears the moment the session's websocket closes, calling ``on_release``). Its release
drops the heavy entries of that session's state, the uploader's files from Streamlit's upload
store, and hands the freed heap back to the OS (``release_memory``: Arrow's pool and glibc's
``malloc_trim``). The light state (language, sign-in, filters) stays, so a browser that
reconnects within the TTL keeps its place; it only has to upload its file again.

"""

from __future__ import annotations

import contextlib
import gc
import logging
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from analytics.ingest.importer import release_memory
from ui.explore import state as explore_state

log = logging.getLogger("sales")

#: Session-state entries that hold an upload's bytes, frames or connections.
HEAVY_KEYS = ("_upload_files", "_imports", "session_upload", "_session_con", "_cursor", "_context",
              "_explore_map_cache", explore_state.DERIVED, explore_state.JOINED, explore_state.DEALS_MAP,
              explore_state.SANDBOX, "_publish_imports", "_publish_series", "uploader", "series_uploader",
              "plan_upload")


@dataclass
class _SessionHandle:
    session_id: str
    state: Any  # the session's SafeSessionState (thread-safe)


def release_session(handle: _SessionHandle) -> None:
    """Drop what a closed session holds; runs on Streamlit's event loop thread."""
    with contextlib.suppress(Exception):  # no context yet (the first run did not get that far)
        handle.state["_context"].release()  # page globals keep this object after the run
    for key in HEAVY_KEYS:
        with contextlib.suppress(Exception):  # absent, or a widget Streamlit no longer knows
            del handle.state[key]
    with contextlib.suppress(Exception):  # no runtime (AppTest), or the files are gone already
        Runtime.instance().uploaded_file_mgr.remove_session_files(handle.session_id)
    gc.collect()
    release_memory()
    log.info("session %s closed: its upload and imports released", handle.session_id[:8])


@st.cache_resource(scope="session", on_release=release_session, show_spinner=False)
def _handle() -> _SessionHandle:
    ctx = get_script_run_ctx()
    assert ctx is not None  # called from a script run only
    return _SessionHandle(ctx.session_id, ctx.session_state)


def watch_session() -> None:
    """Register this session for release when it closes (cheap: a cache hit after the first run)."""
    if get_script_run_ctx() is not None:
        _handle()
