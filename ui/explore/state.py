"""Explore's shared state: the URL keys, where this session's tables live, labels and saved views.

Used by the pivot, join and SQL panels (``ui.explore.pivot``, ``.join``, ``.sql``) and the page.
The page's settings live in the URL (``xt`` table, ``xr`` rows, ``xc`` columns, ``xv`` value,
``xa`` aggregation, ``xg`` date grain, ``xf`` filter columns with ``xf:<column>`` their values,
``xs`` sort, ``xtot`` totals, ``xk`` chart; ``xm`` the tab, ``xq`` the SQL text), so a link
reproduces a view. A SQL text from a link or a saved view is shown, and runs only on a click.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from analytics.messages import InputError
from analytics.metrics import explore
from analytics.metrics.sql_guard import Sandbox
from analytics.store import views
from analytics.store.schema import TABLES
from analytics.store.transfer import open_workspace
from ui import context
from ui.charts import explore as charts
from ui.i18n import current_lang, t
from ui.safe import md

MODES = ("pivot", "join", "sql")
GRAINS = ("day", "week", "month", "quarter", "year")
SORTS = ("label", "-label", "value", "-value")
CHART_CHOICES = ("auto", *charts.CHART_KINDS)
JOIN_KINDS = ("left", "inner", "full")
#: Aggregations that add up (their series may be stacked).
ADDITIVE = ("sum", "count", "share")
MAX_ROW_DIMS = 3
MAX_COL_DIMS = 2
MAX_FILTERS = 3
FILTER_OPTIONS = 500
SQL_MAX_ROWS = 10_000
SQL_TIMEOUT_S = 10.0
JOIN_PREVIEW_ROWS = 20
PREVIEW_TABLE = "_explore_preview"
#: "Not used" in the deals mapping editor (what the importer's overrides take for unmapping).
UNUSED = "-"
#: The page's URL keys (besides ``xf:<column>``) and which of them hold lists.
PAGE_KEYS = ("xm", "xt", "xr", "xc", "xv", "xa", "xg", "xs", "xtot", "xk", "xf", "xq")
LIST_KEYS = ("xr", "xc", "xf")
FILTER_PREFIX = "xf:"
DEFAULT_ROWS = ("team", "rep", "segment", "origin")
EXAMPLE_SQL = "SELECT team, sum(amount) AS won\nFROM deals\nWHERE status = 'won'\nGROUP BY team\nORDER BY won DESC"

# session_state keys of this page
MODE = "_explore_mode"
TABS = "_explore_tabs"
DERIVED = "_explore_derived"
NOTE = "_explore_note"
PENDING = "_explore_pending"
JOINED = "_explore_join"
DEALS_MAP = "_explore_deals_map"
SQL_TEXT = "_explore_sql_text"
SQL_RUN = "_explore_sql_run"
SQL_DONE = "_explore_sql_done"
SQL_LINKED = "_explore_sql_linked"
DATE_COLS = "_explore_date_cols"
SANDBOX = "_explore_sandbox"

def ctx() -> context.Context:
    """This run's context (read per call: these modules are imported once, pages run per session)."""
    return context.current()


def views_path():
    return open_workspace().views_doc


def note(kind: str, text: str) -> None:
    """A message shown at the top of the next run (after a callback or a rerun)."""
    st.session_state[NOTE] = (kind, text)


# --- where tables live ---------------------------------------------------------------------------------

def derived() -> explore.SessionTables:
    """This session's kept joins (``analytics.metrics.explore.SessionTables``), reset with its data."""
    d = st.session_state.get(DERIVED)
    if d is None or d.source_key != ctx().data_key:
        d = explore.SessionTables(ctx().data_key, uuid.uuid4().hex[:12])
        st.session_state[DERIVED] = d
    return d


def is_derived(table: str) -> bool:
    return table in derived().tables


def shared_data() -> bool:
    """The team's published data or the sample: one read-only connection for every session."""
    return ctx().source.kind != "session"


@st.cache_resource(show_spinner=False, max_entries=4)
def _arrow_copies(data_key: str, names: tuple[str, ...], _con) -> dict[str, pa.Table]:
    """Arrow copies of the loaded tables, once per data version (joins on the team's data read them)."""
    return explore.arrow_copies(_con, names)


@st.cache_resource(show_spinner=False, max_entries=4)
def _base_sandbox(data_key: str, names: tuple[str, ...], _con) -> Sandbox:
    """The SQL sandbox of a data version (tables copied once, shared by every session on that data)."""
    return Sandbox(_arrow_copies(data_key, names, _con))


def base_names() -> tuple[str, ...]:
    frame = tables_frame()
    return tuple(frame.loc[frame["origin"] != "derived", "name"])


def work_con() -> duckdb.DuckDBPyConnection:
    """Where joins are stored: the session upload's own DuckDB, or for the team's (read-only, shared)
    data the session's private DuckDB holding views of the team's tables."""
    if not shared_data():
        return ctx().con
    return derived().private_con(lambda: _arrow_copies(ctx().data_key, base_names(), ctx().con))


def con_for(table: str) -> duckdb.DuckDBPyConnection:
    return work_con() if is_derived(table) else ctx().con


def call(func: Callable[..., Any], table: str, *args, **kwargs):
    """``func`` (an ``analytics.metrics.explore`` function) on ``table``: cached for the team's tables,
    direct for this session's."""
    if shared_data() and not is_derived(table):
        return ctx().call(func, table, *args, **kwargs)
    return func(con_for(table), table, *args, **kwargs)


def tables_frame() -> pd.DataFrame:
    """Every loaded table: name, rows, columns, origin ('canonical', 'raw' upload, 'derived' by a join)."""
    d = derived()
    base = ctx().call(explore.list_tables) if shared_data() else explore.list_tables(ctx().con)
    base = base[~base["name"].isin(explore.HIDDEN_TABLES) & ~base["name"].isin(d.tables)]
    parts = [base]
    if d.tables:
        extra = explore.list_tables(work_con())
        parts.append(extra[extra["name"].isin(d.tables)])
    frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else base.copy()
    frame["origin"] = ["derived" if n in d.tables else "canonical" if n in TABLES else "raw" for n in frame["name"]]
    order = {name: i for i, name in enumerate(TABLES)}
    frame["_o"] = [(0, order[n]) if o == "canonical" else (1 if o == "raw" else 2, 0)
                   for n, o in zip(frame["name"], frame["origin"], strict=True)]
    return frame.sort_values(["_o", "name"], kind="stable").drop(columns="_o").reset_index(drop=True)


def sandbox() -> Sandbox:
    """The SQL box's sandbox: the data version's (shared), plus this session's kept joins. An
    upload's own sandbox lives in its session: a cache every session shares would keep a private
    upload's copies after its tab closed."""
    if shared_data():
        base = _base_sandbox(ctx().data_key, base_names(), ctx().con)
    else:
        kept = st.session_state.get(SANDBOX)
        if kept is None or kept[0] != ctx().data_key:
            kept = (ctx().data_key, Sandbox(explore.arrow_copies(ctx().con, base_names())))
            st.session_state[SANDBOX] = kept
        base = kept[1]
    d = derived()
    return base.extended(d.tables) if d.tables else base


# --- labels --------------------------------------------------------------------------------------------

def column_label(table: str, column: str) -> str:
    """A canonical column in the user's words (``Amount``, ``金额``), also in a join of canonical tables;
    any other column as it is named."""
    d = st.session_state.get(DERIVED)
    origins = d.sources.get(table, ()) if d is not None and table in d.tables else (table,)
    for origin in origins:
        if origin in TABLES:
            try:
                col = TABLES[origin].column(column)
            except KeyError:
                continue
            return t(col.label)
    return column


def table_title(name: str) -> str:
    if name in TABLES:
        spec = TABLES[name]
        return t("format.with_note", label=t(spec.label), note=name)
    return name


def agg_label(agg: str) -> str:
    return t(f"explore.agg.{agg}")


def measure_label(table: str, value: str, agg: str) -> str:
    if not value:
        return t("explore.measure.rows") if agg == "count" else t("explore.measure.share_rows")
    return t(f"explore.measure.{agg}", column=column_label(table, value))


# --- URL state -------------------------------------------------------------------------------------------

def is_page_key(key: object) -> bool:
    return isinstance(key, str) and (key in PAGE_KEYS or key.startswith(FILTER_PREFIX))


def apply_params(params: dict[str, object]) -> None:
    """Make the page show ``params`` (a saved view's or a link's keys): every page key is reset
    first, so what the view does not set takes its default. Runs before the widgets exist."""
    for key in [k for k in st.session_state if is_page_key(k)]:
        del st.session_state[key]
    for key in [k for k in st.query_params if is_page_key(k)]:
        del st.query_params[key]
    for key in (*PAGE_KEYS, *(k for k in params if isinstance(k, str) and k.startswith(FILTER_PREFIX))):
        st.session_state[f"_seeded:{key}"] = True
    st.session_state.pop(SQL_DONE, None)
    for key, value in params.items():
        if key == "xm":
            continue
        if key == "xq":  # shown, not run: a query from a link or a view runs on the user's click
            show_linked_sql(str(value))
            st.query_params["xq"] = str(value)
        elif key == "xtot":
            st.session_state[key] = value == "1"
        elif key in LIST_KEYS or key.startswith(FILTER_PREFIX):
            st.session_state[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
        else:
            st.session_state[key] = str(value)
    set_mode(str(params.get("xm", "pivot")))


def show_linked_sql(sql: str) -> None:
    """Put a query from a link or a saved view in the SQL box without running it."""
    st.session_state[SQL_TEXT] = sql
    st.session_state.pop(SQL_RUN, None)
    st.session_state.pop(SQL_DONE, None)
    st.session_state[SQL_LINKED] = bool(sql.strip())


def set_mode(mode: str) -> None:
    mode = mode if mode in MODES else "pivot"
    st.session_state[MODE] = mode
    if mode == "pivot":
        if "xm" in st.query_params:
            del st.query_params["xm"]
    else:
        st.query_params["xm"] = mode


def current_mode() -> str:
    if MODE not in st.session_state:
        url = st.query_params.get("xm")
        st.session_state[MODE] = url if url in MODES else "pivot"
    return st.session_state[MODE]


def on_tab_change() -> None:
    label = st.session_state.get(TABS)
    set_mode(next((m for m in MODES if t(f"explore.tab.{m}") == label), "pivot"))


def pivot_params() -> dict[str, object]:
    """The pivot as it is now, every key explicit (a view must not depend on today's defaults)."""
    state = st.session_state
    params: dict[str, object] = {"xm": "pivot"}
    for key in ("xt", "xv", "xa", "xg", "xs", "xk"):
        if key in state:
            params[key] = str(state[key])
    for key in LIST_KEYS:
        params[key] = [str(v) for v in state.get(key, [])]
    params["xtot"] = "1" if state.get("xtot", True) else "0"
    for column in state.get("xf", []):
        params[FILTER_PREFIX + column] = [str(v) for v in state.get(FILTER_PREFIX + column, [])]
    return params


# --- saved views -----------------------------------------------------------------------------------------

def save_current(kind: str, name_key: str) -> None:
    params = pivot_params() if kind == "pivot" else {"xm": "sql", "xq": st.session_state.get(SQL_RUN) or ""}
    try:
        view = views.make_view(st.session_state.get(name_key, ""), kind, params)
        replaced = views.save_view(views_path(), view)
    except InputError as error:
        note("error", md(error.text(current_lang())))
        return
    except OSError as error:
        note("error", t("explore.views.save_failed", error=type(error).__name__))
        return
    note("success", t("explore.views.replaced" if replaced else "explore.views.saved", name=md(view.name)))


def open_view(name: str) -> None:
    view = views.get_view(views_path(), name)
    if view is None:
        note("warning", t("explore.views.missing", name=md(name)))
        return
    apply_params(view.params)
    note("info", t("explore.views.opened", name=md(view.name)))


def remove_view(name: str) -> None:
    if views.delete_view(views_path(), name):
        note("success", t("explore.views.deleted", name=md(name)))


def view_link(name: str) -> str:
    url = str(getattr(st.context, "url", "") or "")
    base = url.split("?", 1)[0] if url else "/explore"
    if not base.rstrip("/").endswith("explore"):
        base = base.rstrip("/") + "/explore"
    return f"{base}?view={quote(name, safe='')}"


def render_views() -> None:
    saved, problems = views.load_views(views_path())
    with st.popover(t("explore.views.title", count=len(saved)), icon=":material/bookmarks:", width="stretch"):
        for p in problems:
            st.caption(":material/warning: " + md(p.text(current_lang())))
        if not saved:
            st.caption(t("explore.views.none"))
            return
        kinds = {v.name: v.kind for v in saved}
        names = list(kinds)
        if st.session_state.get("_explore_view_pick") not in names:
            st.session_state["_explore_view_pick"] = names[0]
        name = st.selectbox(t("explore.views.pick"), names, key="_explore_view_pick",
                            format_func=lambda n: f"{n} · {t(f'explore.views.kind.{kinds[n]}')}")
        c1, c2 = st.columns(2)
        c1.button(t("explore.views.open"), on_click=open_view, args=(name,), key="_explore_view_open",
                  icon=":material/open_in_new:", width="stretch", type="primary")
        c2.button(t("explore.views.delete"), on_click=remove_view, args=(name,), key="_explore_view_delete",
                  icon=":material/delete:", width="stretch")
        st.caption(t("explore.views.link"))
        st.code(view_link(name), language=None)


def render_save(kind: str) -> None:
    name_key = f"_explore_save_name:{kind}"
    with st.popover(t("explore.views.save"), icon=":material/bookmark_add:"):
        st.text_input(t("explore.views.name"), key=name_key, max_chars=views.MAX_NAME,
                      placeholder=t("explore.views.name_hint"))
        st.button(t("explore.views.save_button"), on_click=save_current, args=(kind, name_key),
                  key=f"_explore_save:{kind}", type="primary", icon=":material/save:")
        st.caption(t("explore.views.save_help"))

