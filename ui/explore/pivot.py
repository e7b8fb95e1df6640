"""Explore's pivot panel: rows × columns of any loaded table, a measure, filters and a date grain,
with a chart, the table and its downloads. The pivot runs in DuckDB (``analytics.metrics.explore``);
this module picks the defaults, labels and formats.

The default pivot of the deals is **won** revenue (a ``status = won`` filter the user can see and
change), with the split by status in a caption: summing won, open and lost amounts together
would give a figure that is nobody's revenue.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.messages import InputError
from analytics.metrics import explore
from analytics.outputs.export import MONEY_FORMAT, column_format
from analytics.store.schema import TABLES
from ui import format as fmt
from ui import urlstate
from ui.changes import history_column, history_url
from ui.charts import explore as charts
from ui.charts import show
from ui.components import download_buttons, metric_card
from ui.explore.state import (
    ADDITIVE,
    CHART_CHOICES,
    DATE_COLS,
    DEFAULT_ROWS,
    FILTER_OPTIONS,
    FILTER_PREFIX,
    GRAINS,
    MAX_COL_DIMS,
    MAX_FILTERS,
    MAX_ROW_DIMS,
    SORTS,
    agg_label,
    call,
    column_label,
    con_for,
    ctx,
    derived,
    is_derived,
    measure_label,
    render_save,
)
from ui.i18n import current_lang, t
from ui.safe import md


def date_columns(table: str, types: dict[str, str]) -> list[str]:
    """Columns a date grain applies to (``analytics.metrics.explore.date_columns``), kept per table and
    data version in this session."""
    d = derived()
    marker = (ctx().data_key, d.version if is_derived(table) else -1, table)
    cache = st.session_state.setdefault(DATE_COLS, {})
    if marker not in cache:
        cache[marker] = explore.date_columns(con_for(table), table, types)
    return cache[marker]


def spec(column: str, dates: list[str], grain: str) -> str:
    return f"{column}:{grain}" if column in dates else column


def output_label(table: str, column: str, dates: list[str], grain: str) -> str:
    label = column_label(table, column)
    if column not in dates:
        return label
    word = t(f"explore.grain.{grain}")
    return t("format.with_note", label=label, note=word)


def allowed_aggs(value: str, types: dict[str, str]) -> list[str]:
    if not value:
        return ["count", "share"]
    if explore.is_numeric_type(types.get(value, "")) or types.get(value, "").upper() == "BOOLEAN":
        return list(explore.AGGREGATIONS)
    return ["count", "count_distinct", "min", "max"]


def value_kind(table: str, value: str, agg: str, types: dict[str, str]) -> str:
    """How the pivot's values read: percent, count, money, number, or as they are (dates, text)."""
    if agg == "share":
        return "percent"
    if agg in ("count", "count_distinct") or not value:
        return "count"
    if not explore.is_numeric_type(types.get(value, "")):
        return "plain"
    if value == "probability" and table in TABLES:
        return "percent"
    if column_format(value, pd.Series([], dtype="float64")) == MONEY_FORMAT:
        return "money"
    return "number"


def value_formatter(kind: str, table: str):
    currency = ctx().currency if table in TABLES else None
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
        return st.column_config.NumberColumn(label, format=fmt.money_printf(ctx().currency if table in TABLES else None))
    if kind == "number":
        return st.column_config.NumberColumn(label, format="%,.2f")
    return st.column_config.Column(label)


def filter_options(table: str, dim: str) -> tuple[list[str], dict[str, object], int]:
    """(option labels, label → value, values left out): the values of ``dim``, most frequent first
    (in time order for dates), at most ``FILTER_OPTIONS``; a blank value is ``(blank)``."""
    result = call(explore.pivot, table, [dim], [], None, "count", totals=False)
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
    types = call(explore.describe, table)
    columns = list(types)
    dates = date_columns(table, types)

    def col_fmt(c: str) -> str:
        label = column_label(table, c)
        return t("format.with_note", label=label, note=t("explore.date_column")) if c in dates else label

    fresh = "xr" not in st.session_state and not urlstate._seeded("xr") and "xr" not in st.query_params
    if fresh:
        first = next((c for c in DEFAULT_ROWS if c in columns), None)
        st.session_state["xr"] = [first] if first else []
    if fresh and not urlstate._seeded("xf") and "xf" not in st.query_params and has_status_split(types):
        # won revenue, not won + open + lost added together: the filter is on screen to change
        st.session_state["xf"] = ["status"]
        st.session_state[FILTER_PREFIX + "status"] = ["won"]
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    rows = urlstate.multiselect(c1, t("explore.rows"), columns, key="xr", max_selections=MAX_ROW_DIMS,
                                format_func=col_fmt, placeholder=t("explore.pick_columns"))
    cols = urlstate.multiselect(c2, t("explore.columns"), [c for c in columns if c not in rows], key="xc",
                                max_selections=MAX_COL_DIMS, format_func=col_fmt,
                                placeholder=t("explore.pick_columns"))
    numeric = [c for c in columns if explore.is_numeric_type(types[c])]
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
                format_func=lambda v, c=column: (t("explore.blank") if v == explore.BLANK_LABEL
                                                 else status_word(v) if c == "status" else v))
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
        result = call(explore.pivot, table, row_specs, col_specs, value or None, agg, filters=filters or None,
                      sort=sort, totals=totals, total_label=t("explore.total"))
    except InputError as error:
        st.warning(md(error.text(current_lang())), icon=":material/rule:")
        return
    render_pivot_result(table, result, types, dates, grain, rows + cols, value, agg, sort, bool(filters))
    if value == "amount" and has_status_split(types):
        render_status_split(table, filters.get("status"), "status" in rows + cols)


def has_status_split(types: dict[str, str]) -> bool:
    """A table with a deal status and a numeric amount (the deals): its amounts mix won, open and lost."""
    return "status" in types and explore.is_numeric_type(types.get("amount", ""))


def render_status_split(table: str, chosen: list | None, split_shown: bool) -> None:
    """The amount per status under the pivot, and which statuses the pivot adds up."""
    split = call(explore.status_split, table)
    if split.empty:
        return
    currency = ctx().currency if table in TABLES else None
    parts = [t("explore.status_split.part", status=md(status_word(s)), amount=fmt.money(a, currency, compact=False),
               deals=fmt.number(n)) for s, n, a in zip(split["status"], split["deals"], split["amount"], strict=True)]
    if split_shown:
        counted = t("explore.status_split.by_status")
    elif chosen:
        counted = t("explore.status_split.counted", statuses=", ".join(md(status_word(s)) for s in chosen))
    else:
        counted = t("explore.status_split.all_added")
    st.caption(":material/info: " + t("explore.status_split", parts=" · ".join(parts)) + " " + counted)


def status_word(status: object) -> str:
    if status is None or (isinstance(status, float) and pd.isna(status)):
        return t("explore.blank")
    key = f"explore.status.{status}"
    word = t(key)
    return str(status) if word == key else word


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
    on_screen = shown
    if table == "deals" and "deal_id" in result.row_dims:  # a row per deal: link each to its history
        link = t("changes.col.history")
        on_screen = shown.assign(**{link: [history_url(v) for v in shown[shown.columns[result.row_dims.index("deal_id")]]]})
        config[link] = history_column()
    if dims:
        st.dataframe(on_screen, hide_index=True, column_config=config, width="stretch",
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

