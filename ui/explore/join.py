"""Explore's join panel: join two loaded tables on key columns, keep the result as a table of this
session, or read it as a deals export (mapped and checked as on the Data page) and use it as this
session's deals. The joins themselves run in ``analytics.metrics.explore``.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import NamedTuple

import pandas as pd
import streamlit as st

from analytics.ingest.importer import ImportResult, import_sheet
from analytics.ingest.readers import Sheet
from analytics.messages import InputError
from analytics.metrics import explore
from analytics.sql import quote_identifier
from analytics.store.schema import STAGES, TABLES, stage_entry_column
from ui import context
from ui import format as fmt
from ui.components import metric_card
from ui.explore.state import (
    DEALS_MAP,
    DEFAULT_ROWS,
    DERIVED,
    JOIN_KINDS,
    JOIN_PREVIEW_ROWS,
    JOINED,
    PENDING,
    PREVIEW_TABLE,
    UNUSED,
    base_names,
    call,
    column_label,
    ctx,
    derived,
    note,
    table_title,
    tables_frame,
    work_con,
)
from ui.i18n import current_lang, t
from ui.safe import md


class JoinSpec(NamedTuple):
    """What was joined (a tuple: it compares equal across reruns, which re-create this class)."""

    left: str
    right: str
    left_on: tuple[str, ...]
    right_on: tuple[str, ...]
    how: str


def keyed_multiselect(container, label: str, options: list[str], key: str, suggested: list[str]) -> list[str]:
    """A multiselect whose kept choice survives a change of options (a new table), else ``suggested``."""
    current = [v for v in st.session_state.get(key, []) if v in options]
    st.session_state[key] = current or [v for v in suggested if v in options]
    return container.multiselect(label, options, key=key, placeholder=t("explore.pick_columns"))


def id_columns(table: str) -> set[str]:
    return {c for c in call(explore.describe, table) if c.lower().endswith("id")}


def partner(left: str, rights: list[str]) -> str:
    """The table to suggest joining ``left`` with: the first sharing an ID column with it and holding rows."""
    keys = id_columns(left)
    listed = tables_frame()
    counts = dict(zip(listed["name"], listed["rows"], strict=True))
    for name in rights:
        if counts.get(name) and keys & id_columns(name):
            return name
    return rights[0]


def render_join(names: list[str], table: str) -> None:
    st.caption(t("explore.join.intro"))
    c1, c2 = st.columns(2)
    if st.session_state.get("_explore_join_left") not in names:
        st.session_state["_explore_join_left"] = table
    left = c1.selectbox(t("explore.join.left"), names, key="_explore_join_left", format_func=table_title)
    rights = [n for n in names if n != left]
    if not rights:
        st.info(t("explore.join.one_table"))
        return
    if st.session_state.get("_explore_join_right") not in rights:
        st.session_state["_explore_join_right"] = partner(left, rights)
    right = c2.selectbox(t("explore.join.right"), rights, key="_explore_join_right", format_func=table_title)
    left_cols, right_cols = list(call(explore.describe, left)), list(call(explore.describe, right))
    common = [c for c in left_cols if c in right_cols]
    suggested_left = [c for c in common if c.lower().endswith("id")][:1] or common[:1]
    left_on = keyed_multiselect(c1, t("explore.join.left_keys"), left_cols, "_explore_join_lk", suggested_left)
    paired = [c for c in left_on if c in right_cols]
    right_on = keyed_multiselect(c2, t("explore.join.right_keys"), right_cols, "_explore_join_rk", paired)
    if st.session_state.get("_explore_join_how") not in JOIN_KINDS:
        st.session_state["_explore_join_how"] = "left"
    how = st.segmented_control(t("explore.join.how"), JOIN_KINDS, key="_explore_join_how",
                               format_func=lambda k: t(f"explore.join.how.{k}")) or "left"
    join = JoinSpec(left, right, tuple(left_on), tuple(right_on), how)
    if st.button(t("explore.join.preview"), type="primary", icon=":material/join_inner:",
                 disabled=not left_on or not right_on, key="_explore_join_go"):
        try:
            result = explore.join_tables(work_con(), left, right, list(left_on), list(right_on), how=how,
                                         name=PREVIEW_TABLE, preview_rows=JOIN_PREVIEW_ROWS)
        except InputError as error:
            st.warning(md(error.text(current_lang())), icon=":material/rule:")
            return
        st.session_state[JOINED] = (join, result, derived().version)
        st.session_state.pop(DEALS_MAP, None)
    stored = st.session_state.get(JOINED)
    if stored is None or stored[0] != join or stored[2] != derived().version:
        if left_on and len(left_on) != len(right_on):
            st.caption(t("explore.join.same_count"))
        return
    render_join_result(join, stored[1])


def render_join_result(join: JoinSpec, result: explore.JoinResult) -> None:
    c = st.columns(4)
    with c[0]:
        metric_card(t("explore.join.rows"), fmt.number(result.rows))
    with c[1]:
        metric_card(t("explore.join.matched_left"), fmt.number(result.matched_left))
    with c[2]:
        metric_card(t("explore.join.unmatched_left"), fmt.number(result.unmatched_left))
    with c[3]:
        metric_card(t("explore.join.unmatched_right"), fmt.number(result.unmatched_right))
    st.caption(t("explore.join.summary", part=fmt.number(result.matched_left), whole=fmt.number(result.left_rows)))
    if result.notes:
        st.caption(":material/info: " + t("explore.join.as_text"))
    if result.rows > result.left_rows and join.how in ("left", "inner"):
        st.caption(":material/info: " + t("explore.join.repeats", table=md(join.right)))
    st.markdown("**" + t("explore.join.preview_title", rows=min(JOIN_PREVIEW_ROWS, result.rows)) + "**")
    st.dataframe(result.preview, hide_index=True, width="stretch", placeholder="–")

    st.markdown("**" + t("explore.join.keep") + "**")
    c1, c2 = st.columns([2, 3], vertical_alignment="bottom")
    name = c1.text_input(t("explore.join.name"), value="joined", key="_explore_join_name", max_chars=60)
    if c2.button(t("explore.join.use_table"), icon=":material/add_box:", key="_explore_join_keep"):
        keep_join(join, name.strip())
    st.divider()
    st.markdown("**" + t("explore.join.as_deals_title") + "**")
    st.caption(t("explore.join.as_deals_help"))
    if st.button(t("explore.join.check_deals"), icon=":material/fact_check:", key="_explore_join_map"):
        st.session_state[DEALS_MAP] = (join, map_to_deals())
    mapped = st.session_state.get(DEALS_MAP)
    if mapped is not None and mapped[0] == join:
        render_deals_mapping(join, mapped[1])


def keep_join(join: JoinSpec, name: str) -> None:
    """Store the join as table ``name`` in this session (refusing the name of a loaded table)."""
    if explore.name_taken(name, base_names()):
        st.warning(t("explore.join.name_taken", name=md(name)), icon=":material/rule:")
        return
    con = work_con()
    try:
        result = explore.join_tables(con, join.left, join.right, list(join.left_on), list(join.right_on),
                                     how=join.how, name=name, preview_rows=1)
    except InputError as error:
        st.warning(md(error.text(current_lang())), icon=":material/rule:")
        return
    derived().keep(con, name, join.left, join.right)
    first = next((c for c in DEFAULT_ROWS if c in result.columns), None)
    st.session_state[PENDING] = {"xm": "pivot", "xt": name, "xr": [first] if first else [], "xv": "", "xa": "count"}
    note("success", t("explore.join.kept", name=md(name), rows=fmt.number(result.rows)))
    st.rerun()


def map_to_deals(overrides: dict[str, str] | None = None) -> ImportResult:
    """The joined table read as a deals export: columns mapped (``suggest_mapping``, then the user's
    ``overrides`` header → column, ``-`` for not used), rows checked as on the Data page."""
    frame = work_con().sql(f"SELECT * FROM {quote_identifier(PREVIEW_TABLE)}").df()
    text = explore.as_text(frame)
    sheet = Sheet("joined", text, 1, list(range(2, len(text) + 2)))
    return import_sheet(sheet, "joined", table="deals", overrides=overrides or None, settings=ctx().settings)


def deals_columns() -> list[str]:
    return [UNUSED, *TABLES["deals"].names, *(stage_entry_column(s.key) for s in STAGES)]


def deals_column_label(name: str) -> str:
    if not name or name == UNUSED:
        return t("explore.join.map.unused_option")
    return f"{column_label('deals', name)} · {name}"


def render_deals_mapping(join: JoinSpec, base: ImportResult) -> None:
    """The suggested mapping, editable in place (as on the Data page); the check re-runs with the changes."""
    suggested = dict(base.mapping.columns) if base.mapping else {}
    headers = list(base.headers)
    column_h, used_h = t("explore.join.map.column"), t("explore.join.map.used_as")
    editor = pd.DataFrame({column_h: headers, used_h: [suggested.get(h) or UNUSED for h in headers]})
    edited = st.data_editor(
        editor, hide_index=True, width=640, num_rows="fixed", height=38 + 35 * len(headers), key="_explore_map_editor:" + hashlib.sha1(repr(join).encode()).hexdigest()[:10],
        column_config={column_h: st.column_config.TextColumn(column_h, disabled=True, width="medium"),
                       used_h: st.column_config.SelectboxColumn(used_h, options=deals_columns(), required=True,
                                                                format_func=deals_column_label, width="large")})
    overrides = {h: (v or UNUSED) for h, v in zip(edited[column_h], edited[used_h].fillna(UNUSED), strict=True)
                 if (v or UNUSED) != (suggested.get(h) or UNUSED)}
    result = base
    if overrides:
        cache = st.session_state.setdefault("_explore_map_cache", {})
        marker = (join, tuple(sorted(overrides.items())))
        if marker not in cache:
            cache.clear()
            cache[marker] = map_to_deals(overrides)
        result = cache[marker]
    for p in result.errors:
        st.warning(md(p.text(current_lang())), icon=":material/rule:")
    if not result.ok or result.rows_loaded == 0:
        st.info(t("explore.join.not_deals"), icon=":material/info:")
        return
    c1, c2 = st.columns(2)
    c1.metric(t("explore.join.map.loaded"), fmt.number(result.rows_loaded))
    c2.metric(t("explore.join.map.rejected"), fmt.number(result.rows_rejected))
    if result.rows_rejected:
        reasons = pd.Series([p.text(current_lang()) for _, problems, _ in result.rejected for p in problems]).value_counts()
        listed = "; ".join(f"{reason} ({count:,})" for reason, count in reasons.head(3).items())
        st.caption(t("explore.join.map.rejected_note", reasons=md(listed)))
    if st.button(t("explore.join.use_deals", rows=fmt.number(result.rows_loaded)), type="primary",
                 icon=":material/swap_horiz:", key="_explore_join_deals"):
        use_as_deals(join, result)


def use_as_deals(join: JoinSpec, result: ImportResult) -> None:
    """Make the mapped join this session's deals table: a new session DuckDB with the team's (or the
    upload's) other tables, the raw uploads and this session's joined tables copied beside it."""
    d = derived()
    con = explore.session_database(ctx().con, base_names(), result.frame, d.tables)
    files = list(ctx().source.files) if ctx().source.kind == "session" else []
    files.append(t("explore.join.file_label", left=join.left, right=join.right))
    key = "session:" + hashlib.sha256(f"{ctx().data_key}:{join}:{uuid.uuid4()}".encode()).hexdigest()[:16]
    context.set_session_upload(context.SessionUpload(key, con, [result], files, {"deals": result.frame}))
    context.set_use_upload(True)
    st.session_state[DERIVED] = d.moved_to(key)
    st.session_state.pop(JOINED, None)
    st.session_state.pop(DEALS_MAP, None)
    note("success", t("explore.join.deals_done", rows=fmt.number(result.rows_loaded)))
    st.rerun()

