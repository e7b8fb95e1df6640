"""Explore's SQL panel: one read-only SELECT over the loaded tables, in the bounded sandbox of
``analytics.metrics.sql_guard`` (a worker process under a memory cap, a time and a row limit).

A query that arrives with a link (``?xm=sql&xq=…``) or a saved view is shown in the box and runs
only when the user presses Run: a shared link cannot make anyone's browser start a query.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.messages import InputError
from analytics.metrics import explore
from analytics.metrics.sql_guard import DEFAULT_MEMORY_LIMIT, QueryResult
from ui import format as fmt
from ui import urlstate
from ui.changes import history_column, with_history_links
from ui.components import download_buttons
from ui.explore.state import (
    SQL_DONE,
    SQL_LINKED,
    SQL_RUN,
    SQL_TEXT,
    call,
    ctx,
    derived,
    render_save,
    sandbox,
    set_mode,
    show_linked_sql,
)
from ui.i18n import current_lang, t
from ui.safe import md

SQL_MAX_ROWS = 10_000
SQL_TIMEOUT_S = 10.0
EXAMPLE_SQL = "SELECT team, sum(amount) AS won\nFROM deals\nWHERE status = 'won'\nGROUP BY team\nORDER BY won DESC"


def run_sql() -> None:
    """The Run button: run what is in the box (and put it in the URL, so the link shows it)."""
    st.session_state[SQL_RUN] = st.session_state.get(SQL_TEXT, "")
    st.session_state.pop(SQL_DONE, None)
    st.session_state.pop(SQL_LINKED, None)
    if st.session_state[SQL_RUN].strip():
        st.query_params["xq"] = st.session_state[SQL_RUN]
    set_mode("sql")


def render_sql(frame: pd.DataFrame) -> None:
    st.caption(t("explore.sql.intro", rows=f"{SQL_MAX_ROWS:,}", seconds=f"{SQL_TIMEOUT_S:g}",
                 memory=DEFAULT_MEMORY_LIMIT))
    with st.expander(t("explore.sql.tables"), icon=":material/table_rows:"):
        listing = pd.DataFrame({
            t("explore.tables.name"): frame["name"],
            t("explore.tables.rows"): frame["rows"],
            t("explore.sql.columns"): [", ".join(call(explore.describe, n)) for n in frame["name"]],
        })
        st.dataframe(listing, hide_index=True, width="stretch")
    if not urlstate._seeded("xq"):
        url = st.query_params.get("xq")
        if url:
            show_linked_sql(url)
        st.session_state["_seeded:xq"] = True
    st.session_state.setdefault(SQL_TEXT, "")
    st.text_area(t("explore.sql.label"), key=SQL_TEXT, height=170, placeholder=EXAMPLE_SQL)
    if st.session_state.get(SQL_LINKED):
        st.info(t("explore.sql.from_link"), icon=":material/link:")
    st.button(t("explore.sql.run"), on_click=run_sql, type="primary", icon=":material/play_arrow:",
              key="_explore_sql_go")
    sql = st.session_state.get(SQL_RUN, "")
    if not sql:
        return
    d = derived()
    marker = (ctx().data_key, d.token, d.version, sql)
    done = st.session_state.get(SQL_DONE)
    if done is None or done[0] != marker:
        try:
            outcome: QueryResult | str = sandbox().run(sql, max_rows=SQL_MAX_ROWS, timeout_s=SQL_TIMEOUT_S)
        except InputError as error:
            outcome = error.text(current_lang())
        done = (marker, outcome)
        st.session_state[SQL_DONE] = done
    outcome = done[1]
    if isinstance(outcome, str):
        st.error(md(outcome), icon=":material/block:")
        return
    c1, c2 = st.columns([5, 1], vertical_alignment="center")
    c1.caption(t("explore.sql.done", rows=fmt.number(len(outcome.frame)), ms=fmt.number(outcome.elapsed_s * 1000)))
    with c2:
        render_save("sql")
    if outcome.truncated:
        st.warning(t("explore.sql.truncated", rows=f"{outcome.max_rows:,}"), icon=":material/content_cut:")
    # a result that names deals links each to its history across the snapshots
    linked = "deal_id" in outcome.frame.columns and "history" not in outcome.frame.columns
    st.dataframe(with_history_links(outcome.frame) if linked else outcome.frame, hide_index=True, width="stretch",
                 placeholder="–", height=min(640, 38 + 35 * max(len(outcome.frame), 1)),
                 column_config={"history": history_column()} if linked else None)
    download_buttons(outcome.frame, "query", key="explore_sql_dl")
