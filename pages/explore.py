"""Explore: ad-hoc analysis over every loaded table (the canonical ones and any uploaded sheet kept
raw): a pivot builder, a join of two tables, a read-only SQL box, and saved views.

The panels live in ``ui.explore`` (``pivot``, ``join``, ``sql``; shared state, URL keys and saved
views in ``state``); pivots, joins and a session's own tables in ``analytics.metrics.explore``; the
SQL sandbox in ``analytics.metrics.sql_guard``. This page only lays them out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import format as fmt
from ui import urlstate
from ui.explore.join import render_join
from ui.explore.pivot import render_pivot
from ui.explore.sql import render_sql
from ui.explore.state import (
    MODES,
    NOTE,
    PENDING,
    TABS,
    apply_params,
    current_mode,
    on_tab_change,
    open_view,
    render_views,
    shared_data,
    table_title,
    tables_frame,
)
from ui.i18n import t


def table_option(frame: pd.DataFrame):
    rows = dict(zip(frame["name"], frame["rows"], strict=True))
    return lambda n: t("explore.table_option", table=table_title(n), rows=fmt.number(rows.get(n, 0)))


def render_tables(frame: pd.DataFrame) -> None:
    with st.expander(t("explore.tables.title", count=len(frame)), icon=":material/dataset:"):
        st.dataframe(pd.DataFrame({
            t("explore.tables.name"): frame["name"],
            t("explore.tables.origin"): [t(f"explore.origin.{o}") for o in frame["origin"]],
            t("explore.tables.rows"): frame["rows"],
            t("explore.tables.columns"): frame["columns"],
        }), hide_index=True, width="stretch",
            column_config={t("explore.tables.rows"): st.column_config.NumberColumn(format="%,d")})
        if shared_data():
            st.caption(t("explore.tables.raw_hint"))


if pending := st.session_state.pop(PENDING, None):
    apply_params(pending)
if view_name := st.query_params.get("view"):
    del st.query_params["view"]
    open_view(view_name)

st.title(t("explore.title"))
st.caption(t("explore.intro"))
if message := st.session_state.pop(NOTE, None):
    getattr(st, message[0])(message[1])

tables = tables_frame()
names = tables["name"].tolist()
top1, top2 = st.columns([3, 1], vertical_alignment="bottom")
table = urlstate.selectbox(top1, t("explore.table"), names, key="xt",
                           default="deals" if "deals" in names else names[0], format_func=table_option(tables))
with top2:
    render_views()
render_tables(tables)
info = tables.set_index("name").loc[table]

mode = current_mode()
st.session_state[TABS] = t(f"explore.tab.{mode}")
tabs = st.tabs([t(f"explore.tab.{m}") for m in MODES], key=TABS, on_change=on_tab_change)
for m, tab in zip(MODES, tabs, strict=True):
    if not tab.open:
        continue
    with tab:
        if m == "pivot":
            render_pivot(table, info)
        elif m == "join":
            render_join(names, table)
        else:
            render_sql(tables)
