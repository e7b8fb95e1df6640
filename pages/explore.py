"""Explore: ad-hoc analysis over every loaded table (the canonical ones and any uploaded sheet kept
raw): a pivot builder, a join of two tables, a read-only SQL box, and saved views.

- The pivot's settings live in the URL (``xt`` table, ``xr`` rows, ``xc`` columns, ``xv`` value,
  ``xa`` aggregation, ``xg`` date grain, ``xf`` filter columns with ``xf:<column>`` their values,
  ``xs`` sort, ``xtot`` totals, ``xk`` chart; ``xm`` the tab, ``xq`` the last SQL run), so a link
  reproduces it. A saved view stores the same keys; ``?view=<name>`` opens one.
- Pivots and joins run in DuckDB (``analytics.metrics.explore``). The team's shared connection is read-only
  for every session, so a join made on the team's data is kept in a private in-memory DuckDB of
  this browser session that sees the team's tables as views of Arrow copies (one copy per data
  version, shared with the SQL box). A session upload has its own DuckDB: joins go there.
- SQL runs in ``analytics.metrics.sql_guard``'s locked sandbox: its Arrow copies are built once per data
  version (``st.cache_resource``), plus this session's joined tables.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote

import duckdb
import pandas as pd
import pyarrow as pa
import streamlit as st

from analytics.ingest.importer import ImportResult, import_sheet
from analytics.ingest.readers import Sheet
from analytics.messages import InputError
from analytics.metrics import explore
from analytics.metrics.sql_guard import QueryResult, Sandbox
from analytics.outputs.export import MONEY_FORMAT, column_format
from analytics.store import views
from analytics.store.canonical import create_table
from analytics.store.schema import STAGES, TABLES, stage_entry_column
from analytics.store.workspace import Workspace
from ui import context, urlstate
from ui import format as fmt
from ui.charts import explore as charts
from ui.charts import show
from ui.components import download_buttons, metric_card
from ui.i18n import t

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
#: Tables of the app's own machinery, not the user's data.
HIDDEN_TABLES = frozenset({"stage_map"})
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
DATE_COLS = "_explore_date_cols"

ctx = context.current()
lang = ctx.lang
CURRENCY = ctx.currency
VIEWS_PATH = Workspace().views_path


def md(text: object) -> str:
    """A data value (or a message quoting one) made safe for markdown."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", str(text))


def note(kind: str, text: str) -> None:
    """A message shown at the top of the next run (after a callback or a rerun)."""
    st.session_state[NOTE] = (kind, text)


# --- where tables live ---------------------------------------------------------------------------------

@dataclass
class Derived:
    """Tables this session made by joins: where they live and their Arrow copies (for the SQL box)."""

    source_key: str
    token: str
    con: duckdb.DuckDBPyConnection | None = None  # private DuckDB (team data); None: the session's own
    tables: dict[str, pa.Table] = field(default_factory=dict)
    version: int = 0
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # joined table -> (left, right)


def derived() -> Derived:
    d = st.session_state.get(DERIVED)
    if d is None or d.source_key != ctx.data_key:
        d = Derived(ctx.data_key, uuid.uuid4().hex[:12])
        st.session_state[DERIVED] = d
    return d


def is_derived(table: str) -> bool:
    return table in derived().tables


def shared_data() -> bool:
    """The team's published data or the sample: one read-only connection for every session."""
    return ctx.source.kind != "session"


def _quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


@st.cache_resource(show_spinner=False, max_entries=4)
def _arrow_copies(data_key: str, names: tuple[str, ...], _con) -> dict[str, pa.Table]:
    """Arrow copies of the loaded tables, once per data version (the SQL sandbox and joins read them)."""
    return {name: _con.sql(f"SELECT * FROM {_quote(name)}").to_arrow_table() for name in names}


@st.cache_resource(show_spinner=False, max_entries=4)
def _base_sandbox(data_key: str, names: tuple[str, ...], _con) -> Sandbox:
    """The SQL sandbox of a data version (tables copied once, shared by every session on that data)."""
    return Sandbox(_arrow_copies(data_key, names, _con))


def base_names() -> tuple[str, ...]:
    frame = tables_frame()
    return tuple(frame.loc[frame["origin"] != "derived", "name"])


def work_con() -> duckdb.DuckDBPyConnection:
    """Where joins are stored: the session upload's own DuckDB, or for the team's (read-only, shared)
    data a private DuckDB of this browser session holding views of the team's tables."""
    if not shared_data():
        return ctx.con
    d = derived()
    if d.con is None:
        con = duckdb.connect(":memory:")
        for name, table in _arrow_copies(ctx.data_key, base_names(), ctx.con).items():
            con.register(name, table)
        d.con = con
    return d.con


def con_for(table: str) -> duckdb.DuckDBPyConnection:
    return work_con() if is_derived(table) else ctx.con


def call(func: str, table: str, *args, **kwargs):
    """``analytics.metrics.explore.<func>`` on ``table``: cached for the team's tables, direct for this session's."""
    if shared_data() and not is_derived(table):
        return ctx.call(getattr(explore, func), table, *args, **kwargs)
    return getattr(explore, func)(con_for(table), table, *args, **kwargs)


def tables_frame() -> pd.DataFrame:
    """Every loaded table: name, rows, columns, origin ('canonical', 'raw' upload, 'derived' by a join)."""
    d = derived()
    base = ctx.call(explore.list_tables) if shared_data() else explore.list_tables(ctx.con)
    base = base[~base["name"].isin(HIDDEN_TABLES) & ~base["name"].isin(d.tables)]
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
    base = _base_sandbox(ctx.data_key, base_names(), ctx.con)
    d = derived()
    if not d.tables:
        return base
    return Sandbox({**_arrow_copies(ctx.data_key, base_names(), ctx.con), **d.tables})


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
        if key == "xq":
            st.session_state[SQL_TEXT] = st.session_state[SQL_RUN] = str(value)
            st.query_params["xq"] = str(value)
        elif key == "xtot":
            st.session_state[key] = value == "1"
        elif key in LIST_KEYS or key.startswith(FILTER_PREFIX):
            st.session_state[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
        else:
            st.session_state[key] = str(value)
    set_mode(str(params.get("xm", "pivot")))


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
        replaced = views.save_view(VIEWS_PATH, view)
    except InputError as error:
        note("error", md(error.text(lang)))
        return
    except OSError as error:
        note("error", t("explore.views.save_failed", error=type(error).__name__))
        return
    note("success", t("explore.views.replaced" if replaced else "explore.views.saved", name=md(view.name)))


def open_view(name: str) -> None:
    view = views.get_view(VIEWS_PATH, name)
    if view is None:
        note("warning", t("explore.views.missing", name=md(name)))
        return
    apply_params(view.params)
    note("info", t("explore.views.opened", name=md(view.name)))


def remove_view(name: str) -> None:
    if views.delete_view(VIEWS_PATH, name):
        note("success", t("explore.views.deleted", name=md(name)))


def view_link(name: str) -> str:
    url = str(getattr(st.context, "url", "") or "")
    base = url.split("?", 1)[0] if url else "/explore"
    if not base.rstrip("/").endswith("explore"):
        base = base.rstrip("/") + "/explore"
    return f"{base}?view={quote(name, safe='')}"


def render_views() -> None:
    saved, problems = views.load_views(VIEWS_PATH)
    with st.popover(t("explore.views.title", count=len(saved)), icon=":material/bookmarks:", width="stretch"):
        for p in problems:
            st.caption(":material/warning: " + md(p.text(lang)))
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


# --- pivot -------------------------------------------------------------------------------------------------

def date_columns(table: str, types: dict[str, str]) -> list[str]:
    """Columns a date grain applies to: date/timestamp columns, and text columns whose values are dates
    (raw uploads keep dates as text), judged on up to 500 rows."""
    d = derived()
    marker = (ctx.data_key, d.version if is_derived(table) else -1, table)
    cache = st.session_state.setdefault(DATE_COLS, {})
    if marker in cache:
        return cache[marker]
    found = [c for c, kind in types.items() if kind.upper().startswith(("DATE", "TIMESTAMP"))]
    texts = [c for c, kind in types.items() if kind.upper() == "VARCHAR"]
    if texts:
        parts = ", ".join(f"count({_quote(c)}), count(TRY_CAST({_quote(c)} AS TIMESTAMP))" for c in texts)
        counts = con_for(table).cursor().execute(
            f"SELECT {parts} FROM (SELECT * FROM {_quote(table)} LIMIT 500)").fetchall()[0]
        for i, c in enumerate(texts):
            present, dates = counts[2 * i], counts[2 * i + 1]
            if present and dates >= 0.9 * present:
                found.append(c)
    found = [c for c in types if c in found]
    cache[marker] = found
    return found


def spec(column: str, dates: list[str], grain: str) -> str:
    return f"{column}:{grain}" if column in dates else column


def output_label(table: str, column: str, dates: list[str], grain: str) -> str:
    label = column_label(table, column)
    if column not in dates:
        return label
    word = t(f"explore.grain.{grain}")
    return t("format.with_note", label=label, note=word)


def numeric_type(kind: str) -> bool:
    return bool(re.match(r"^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|REAL|DECIMAL.*|NUMERIC.*)$",
                         kind.upper()))


def allowed_aggs(value: str, types: dict[str, str]) -> list[str]:
    if not value:
        return ["count", "share"]
    if numeric_type(types.get(value, "")) or types.get(value, "").upper() == "BOOLEAN":
        return list(explore.AGGREGATIONS)
    return ["count", "count_distinct", "min", "max"]


def value_kind(table: str, value: str, agg: str, types: dict[str, str]) -> str:
    """How the pivot's values read: percent, count, money, number, or as they are (dates, text)."""
    if agg == "share":
        return "percent"
    if agg in ("count", "count_distinct") or not value:
        return "count"
    if not numeric_type(types.get(value, "")):
        return "plain"
    if value == "probability" and table in TABLES:
        return "percent"
    if column_format(value, pd.Series([], dtype="float64")) == MONEY_FORMAT:
        return "money"
    return "number"


def value_formatter(kind: str, table: str):
    currency = CURRENCY if table in TABLES else None
    if kind == "percent":
        return lambda x: fmt.pct(x)
    if kind == "count":
        return fmt.number_format(fmt.number)
    if kind == "money":
        return fmt.money_format(currency)
    if kind == "number":
        return fmt.number_format(lambda x: fmt.number(x, 0 if _whole(x) else 2))
    return lambda x: "–" if x is None or (isinstance(x, float) and pd.isna(x)) else charts.label_of(x, "–")


def _whole(x: object) -> bool:
    try:
        return float(x).is_integer()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def column_config_for(kind: str, label: str, table: str):
    if kind == "percent":
        return st.column_config.NumberColumn(label, format="percent")
    if kind == "count":
        return st.column_config.NumberColumn(label, format="%,d")
    if kind == "money":
        return st.column_config.NumberColumn(label, format=fmt.money_printf(CURRENCY if table in TABLES else None))
    if kind == "number":
        return st.column_config.NumberColumn(label, format="%,.2f")
    return st.column_config.Column(label)


def filter_options(table: str, dim: str) -> tuple[list[str], dict[str, object], int]:
    """(option labels, label → value, values left out): the values of ``dim``, most frequent first
    (in time order for dates), at most ``FILTER_OPTIONS``; a blank value is ``(blank)``."""
    result = call("pivot", table, [dim], [], None, "count", totals=False)
    long = result.long
    name = result.row_dims[0]
    if dim.partition(":")[2] == "":
        long = long.sort_values("count", ascending=False, kind="stable")
    values = long[name].tolist()
    hidden = max(0, len(values) - FILTER_OPTIONS)
    mapping: dict[str, object] = {}
    for v in values[:FILTER_OPTIONS]:
        mapping.setdefault(charts.label_of(v, explore.BLANK_LABEL), None if charts._missing(v) else v)
    return list(mapping), mapping, hidden


def render_pivot(table: str, info: pd.Series) -> None:
    types = call("describe", table)
    columns = list(types)
    dates = date_columns(table, types)

    def col_fmt(c: str) -> str:
        label = column_label(table, c)
        return t("format.with_note", label=label, note=t("explore.date_column")) if c in dates else label

    if "xr" not in st.session_state and not urlstate._seeded("xr") and "xr" not in st.query_params:
        first = next((c for c in DEFAULT_ROWS if c in columns), None)
        st.session_state["xr"] = [first] if first else []
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    rows = urlstate.multiselect(c1, t("explore.rows"), columns, key="xr", max_selections=MAX_ROW_DIMS,
                                format_func=col_fmt, placeholder=t("explore.pick_columns"))
    cols = urlstate.multiselect(c2, t("explore.columns"), [c for c in columns if c not in rows], key="xc",
                                max_selections=MAX_COL_DIMS, format_func=col_fmt,
                                placeholder=t("explore.pick_columns"))
    numeric = [c for c in columns if numeric_type(types[c])]
    default_value = "amount" if "amount" in numeric else ""
    value = urlstate.selectbox(c3, t("explore.value"), ["", *columns], key="xv", default=default_value,
                               format_func=lambda c: t("explore.value.rows") if not c else column_label(table, c))
    aggs = allowed_aggs(value, types)
    agg = urlstate.selectbox(c4, t("explore.agg"), aggs, key="xa", default="sum" if "sum" in aggs else "count",
                             format_func=agg_label)

    c1, c2, c3, c4 = st.columns([3, 2, 2, 2], vertical_alignment="bottom")
    filter_cols = urlstate.multiselect(c1, t("explore.filter_by"), columns, key="xf", max_selections=MAX_FILTERS,
                                       format_func=col_fmt, placeholder=t("explore.pick_columns"))
    used_dates = [c for c in [*rows, *cols, *filter_cols] if c in dates]
    grain = str(st.session_state.get("xg", "month"))
    if used_dates:
        grain = urlstate.selectbox(c2, t("explore.grain"), GRAINS, key="xg", default="month",
                                   format_func=lambda g: t(f"explore.grain.{g}"))
    grain = grain if grain in GRAINS else "month"
    sort = urlstate.selectbox(c3, t("explore.sort"), SORTS, key="xs", default="label",
                              format_func=lambda s: t(f"explore.sort.{s.replace('-', 'desc_')}"))
    totals = urlstate.toggle(c4, t("explore.totals"), key="xtot", default=True)

    for key in [k for k in list(st.query_params) if k.startswith(FILTER_PREFIX)]:
        if key.removeprefix(FILTER_PREFIX) not in filter_cols:  # a filter column taken away
            del st.query_params[key]
    for key in [k for k in list(st.session_state) if isinstance(k, str) and k.startswith(FILTER_PREFIX)]:
        if key.removeprefix(FILTER_PREFIX) not in filter_cols:
            del st.session_state[key]
    filters: dict[str, list] = {}
    if filter_cols:
        boxes = st.columns(len(filter_cols))
        for box, column in zip(boxes, filter_cols, strict=True):
            dim = spec(column, dates, grain)
            options, mapping, hidden = filter_options(table, dim)
            chosen = urlstate.multiselect(
                box, md(output_label(table, column, dates, grain)), options,
                key=FILTER_PREFIX + column, placeholder=t("explore.filter_all"),
                format_func=lambda v: t("explore.blank") if v == explore.BLANK_LABEL else v)
            if hidden:
                box.caption(t("explore.filter_hidden", shown=f"{FILTER_OPTIONS:,}", hidden=f"{hidden:,}"))
            if chosen:
                filters[dim] = [mapping[v] for v in chosen]

    if info["rows"] == 0:
        st.info(t("explore.empty_table", table=md(table)), icon=":material/table_chart:")
        return
    row_specs = [spec(c, dates, grain) for c in rows]
    col_specs = [spec(c, dates, grain) for c in cols]
    try:
        result = call("pivot", table, row_specs, col_specs, value or None, agg, filters=filters or None,
                      sort=sort, totals=totals, total_label=t("explore.total"))
    except InputError as error:
        st.warning(md(error.text(lang)), icon=":material/rule:")
        return
    render_pivot_result(table, result, types, dates, grain, rows + cols, value, agg, sort, bool(filters))


def render_pivot_result(table: str, result: explore.PivotResult, types: dict[str, str], dates: list[str],
                        grain: str, dim_columns: list[str], value: str, agg: str, sort: str,
                        filtered: bool) -> None:
    measure = measure_label(table, value, agg)
    kind = value_kind(table, value, agg, types)
    show_value = value_formatter(kind, table)
    labels = {out: output_label(table, c, dates, grain)
              for out, c in zip(result.row_dims + result.col_dims, dim_columns, strict=True)}
    by = " × ".join(labels.values())
    head, save = st.columns([5, 1], vertical_alignment="bottom")
    head.subheader(t("explore.result_title", measure=md(measure), dims=md(by)) if by else md(measure))
    with save:
        render_save("pivot")
    if result.long.empty:
        st.info(t("explore.no_rows_match") if filtered else t("common.no_data"), icon=":material/search_off:")
        return
    dims = result.row_dims + result.col_dims
    if not dims:
        metric_card(md(measure), show_value(result.grand_total))
        st.caption(t("explore.pick_rows_hint"))
    else:
        choice = urlstate.segmented(st, t("explore.chart"), CHART_CHOICES, key="xk", default="auto",
                                    format_func=lambda k: t(f"explore.chart.{k}"))
        chart = result.chart_kind if choice == "auto" else choice
        if chart == "table":
            st.caption(t("explore.chart_table"))
        else:
            counted = agg in ("count", "count_distinct") or (agg == "share" and not value)
            data = charts.chart_data(result.long, dims, result.value_name, result.time_dims,
                                     blank=t("explore.blank"), sort=sort, fill=0 if counted else None)
            fig = charts.pivot_figure(
                data, chart, value_label=measure, x_label=labels[dims[0]],
                series_label=" / ".join(labels[d] for d in dims[1:]), fmt_value=show_value,
                tickformat=".0%" if kind == "percent" else None,
                stack=agg in ADDITIVE)
            show(fig, key="explore_chart", filename=f"pivot_{table}")
            if data.hidden_categories:
                st.caption(t("explore.chart_hidden_categories", count=f"{data.hidden_categories:,}"))
            if data.hidden_series:
                st.caption(t("explore.chart_hidden_series", count=f"{data.hidden_series:,}"))
    shown = display_frame(result, labels, measure)
    config = {name: column_config_for(kind, name, table) for name in shown.columns[len(result.row_dims):]}
    for name in shown.columns[: len(result.row_dims)]:
        config[name] = st.column_config.Column(name)
    if dims:
        st.dataframe(shown, hide_index=True, column_config=config, width="stretch",
                     height=min(640, 38 + 35 * len(shown)), placeholder="–")
    if result.dropped_columns:
        st.caption(t("explore.dropped_columns", shown=f"{len(shown.columns) - len(result.row_dims):,}",
                     dropped=f"{result.dropped_columns:,}"))
    download_buttons(shown, f"pivot_{table}", key="explore_pivot_dl")


def display_frame(result: explore.PivotResult, labels: dict[str, str], measure: str) -> pd.DataFrame:
    """The wide pivot with the user's headers: dimension labels, the measure's name, blanks in words."""
    wide = result.wide.copy()
    names: list[str] = []
    taken: set[str] = set()
    for column in wide.columns:
        if column in labels:
            name = labels[column]
        elif column == result.value_name:
            name = measure
        else:
            name = str(column)
        base, n = name, 2
        while name in taken:
            name, n = f"{base} ({n})", n + 1
        taken.add(name)
        names.append(name)
    blank = t("explore.blank")
    for column in result.row_dims:
        values = wide[column].tolist()
        if any(isinstance(v, str) for v in values) and not all(isinstance(v, str) or v is None for v in values):
            # numbers or dates as rows, plus the Total row: all shown as text (one type per column)
            wide[column] = [None if v is None else charts.label_of(v, blank) for v in values]
        elif wide[column].dtype == object or pd.api.types.is_string_dtype(wide[column]):
            wide[column] = wide[column].map(lambda v: blank if v == explore.BLANK_LABEL else v)
    wide.columns = names
    return wide


# --- join ----------------------------------------------------------------------------------------------------

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
    return {c for c in call("describe", table) if c.lower().endswith("id")}


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
    left_cols, right_cols = list(call("describe", left)), list(call("describe", right))
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
            st.warning(md(error.text(lang)), icon=":material/rule:")
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
    taken = set(base_names()) | HIDDEN_TABLES
    if name in taken or name.lower() in {n.lower() for n in taken} or name.startswith(("_", "raw_")):
        st.warning(t("explore.join.name_taken", name=md(name)), icon=":material/rule:")
        return
    con = work_con()
    try:
        result = explore.join_tables(con, join.left, join.right, list(join.left_on), list(join.right_on),
                                     how=join.how, name=name, preview_rows=1)
    except InputError as error:
        st.warning(md(error.text(lang)), icon=":material/rule:")
        return
    d = derived()
    d.tables[name] = con.sql(f"SELECT * FROM {_quote(name)}").to_arrow_table()
    d.sources[name] = (join.left, join.right)
    d.version += 1
    first = next((c for c in DEFAULT_ROWS if c in result.columns), None)
    st.session_state[PENDING] = {"xm": "pivot", "xt": name, "xr": [first] if first else [], "xv": "", "xa": "count"}
    note("success", t("explore.join.kept", name=md(name), rows=fmt.number(result.rows)))
    st.rerun()


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as the importer reads them from a file: text, or None for a blank."""
    def cell(v: object) -> str | None:
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
            return None
        if isinstance(v, pd.Timestamp):
            return v.date().isoformat() if v == v.normalize() else v.isoformat(sep=" ")
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    return pd.DataFrame({c: [cell(v) for v in frame[c].tolist()] for c in frame.columns}, dtype=object)


def map_to_deals(overrides: dict[str, str] | None = None) -> ImportResult:
    """The joined table read as a deals export: columns mapped (``suggest_mapping``, then the user's
    ``overrides`` header → column, ``-`` for not used), rows checked as on the Data page."""
    frame = work_con().sql(f"SELECT * FROM {_quote(PREVIEW_TABLE)}").df()
    text = _as_text(frame)
    sheet = Sheet("joined", text, 1, list(range(2, len(text) + 2)))
    return import_sheet(sheet, "joined", table="deals", overrides=overrides or None, settings=ctx.settings)


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
        st.warning(md(p.text(lang)), icon=":material/rule:")
    if not result.ok or result.rows_loaded == 0:
        st.info(t("explore.join.not_deals"), icon=":material/info:")
        return
    c1, c2 = st.columns(2)
    c1.metric(t("explore.join.map.loaded"), fmt.number(result.rows_loaded))
    c2.metric(t("explore.join.map.rejected"), fmt.number(result.rows_rejected))
    if result.rows_rejected:
        reasons = pd.Series([p.text(lang) for _, problems, _ in result.rejected for p in problems]).value_counts()
        listed = "; ".join(f"{reason} ({count:,})" for reason, count in reasons.head(3).items())
        st.caption(t("explore.join.map.rejected_note", reasons=md(listed)))
    if st.button(t("explore.join.use_deals", rows=fmt.number(result.rows_loaded)), type="primary",
                 icon=":material/swap_horiz:", key="_explore_join_deals"):
        use_as_deals(join, result)


def use_as_deals(join: JoinSpec, result: ImportResult) -> None:
    """Make the mapped join this session's deals table: a new session DuckDB with the team's (or the
    upload's) other tables, the raw uploads and this session's joined tables copied beside it."""
    con = duckdb.connect(":memory:")
    d = derived()
    for name in base_names():
        if name == "deals":
            continue
        arrow = ctx.con.sql(f"SELECT * FROM {_quote(name)}").to_arrow_table()
        con.register("_incoming", arrow)
        con.execute(f"CREATE TABLE {_quote(name)} AS SELECT * FROM _incoming")
        con.unregister("_incoming")
    create_table(con, "deals", result.frame)
    for name, arrow in d.tables.items():
        con.register("_incoming", arrow)
        con.execute(f"CREATE TABLE {_quote(name)} AS SELECT * FROM _incoming")
        con.unregister("_incoming")
    files = list(ctx.source.files) if ctx.source.kind == "session" else []
    files.append(t("explore.join.file_label", left=join.left, right=join.right))
    key = "session:" + hashlib.sha256(f"{ctx.data_key}:{join}:{uuid.uuid4()}".encode()).hexdigest()[:16]
    context.set_session_upload(context.SessionUpload(key, con, [result], files, {"deals": result.frame}))
    st.session_state["use_upload"] = True
    st.session_state[DERIVED] = Derived(key, d.token, None, dict(d.tables), d.version + 1, dict(d.sources))
    st.session_state.pop(JOINED, None)
    st.session_state.pop(DEALS_MAP, None)
    note("success", t("explore.join.deals_done", rows=fmt.number(result.rows_loaded)))
    st.rerun()


# --- SQL -------------------------------------------------------------------------------------------------------

def run_sql() -> None:
    st.session_state[SQL_RUN] = st.session_state.get(SQL_TEXT, "")
    st.session_state.pop(SQL_DONE, None)
    if st.session_state[SQL_RUN].strip():
        st.query_params["xq"] = st.session_state[SQL_RUN]
    set_mode("sql")


def render_sql(frame: pd.DataFrame) -> None:
    st.caption(t("explore.sql.intro", rows=f"{SQL_MAX_ROWS:,}", seconds=f"{SQL_TIMEOUT_S:g}"))
    with st.expander(t("explore.sql.tables"), icon=":material/table_rows:"):
        listing = pd.DataFrame({
            t("explore.tables.name"): frame["name"],
            t("explore.tables.rows"): frame["rows"],
            t("explore.sql.columns"): [", ".join(call("describe", n)) for n in frame["name"]],
        })
        st.dataframe(listing, hide_index=True, width="stretch")
    if not urlstate._seeded("xq"):
        url = st.query_params.get("xq")
        if url:
            st.session_state[SQL_TEXT] = st.session_state[SQL_RUN] = url
        st.session_state["_seeded:xq"] = True
    st.session_state.setdefault(SQL_TEXT, "")
    st.text_area(t("explore.sql.label"), key=SQL_TEXT, height=170, placeholder=EXAMPLE_SQL)
    st.button(t("explore.sql.run"), on_click=run_sql, type="primary", icon=":material/play_arrow:",
              key="_explore_sql_go")
    sql = st.session_state.get(SQL_RUN, "")
    if not sql:
        return
    d = derived()
    marker = (ctx.data_key, d.token, d.version, sql)
    done = st.session_state.get(SQL_DONE)
    if done is None or done[0] != marker:
        try:
            outcome: QueryResult | str = sandbox().run(sql, max_rows=SQL_MAX_ROWS, timeout_s=SQL_TIMEOUT_S)
        except InputError as error:
            outcome = error.text(lang)
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
    st.dataframe(outcome.frame, hide_index=True, width="stretch", placeholder="–",
                 height=min(640, 38 + 35 * max(len(outcome.frame), 1)))
    download_buttons(outcome.frame, "query", key="explore_sql_dl")


# --- page ------------------------------------------------------------------------------------------------------

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
