"""Figures of the Segments & channels page, and how a click on them becomes a filter.

Every builder takes frames from ``analytics.metrics.performance`` / ``analytics.metrics.attainment`` and the
already-translated labels and formatters (so they run, and are tested, without a Streamlit
session) and returns a Plotly figure. Fractions are fractions (0.25 = 25 %). Each clickable mark
carries the raw dimension value in ``customdata`` so a click can be turned back into a filter
whatever the displayed label (a missing value is ``""``, which filters nothing).

Streamlit does not report clicks on a Plotly heatmap, so the matrix is a heatmap for the colours
with a transparent scatter of cell centres on top that receives the clicks and carries the texts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts import BAD, GOOD, NEUTRAL, PALETTE, TARGET_LINE, money_axis, theme
from ui.format import missing as _missing
from ui.format import pct as _pct
from ui.safe import plotly_text

Fmt = Callable[[object], str]

#: How a measure of ``analytics.metrics.performance.MEASURES`` is shown: money, fraction, count or days.
MEASURE_KIND = {
    "won_revenue": "money", "revenue_share": "fraction", "deals_won": "count", "deals_lost": "count",
    "win_rate": "fraction", "win_rate_value": "fraction", "avg_deal_size": "money",
    "sales_cycle_days": "days", "open_deals": "count", "change": "fraction", "change_last_year": "fraction",
}
#: The ranked bars show at most this many values; the table lists all.
TOP_N = 15
#: Small multiples drawn at most, and per row.
MAX_PANELS = 8
PANELS_PER_ROW = 4
BAR_ROW_HEIGHT = 34
#: Longest label (characters) on a bar axis, a matrix axis and a small multiple's title.
LABEL_LIMIT = 28
TITLE_LIMIT = 30
HEAT_SCALE = [[0.0, "#F4F6F9"], [1.0, PALETTE[0]]]




def display_name(value: object, none_label: str) -> str:
    """The label of a dimension value; a missing one is ``none_label``."""
    return none_label if _missing(value) else plotly_text(value)


def short(label: str, limit: int) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis (long product names would squeeze
    the bars); the full name stays in the hover text."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def raw_value(value: object) -> str:
    """The value a click reports: the data value itself, ``""`` for a missing one."""
    return "" if _missing(value) else str(value)


def ranked(frame: pd.DataFrame, dim: str, measure: str) -> pd.DataFrame:
    """The rows of a ``performance`` frame, largest ``measure`` first, missing values last
    (ties by won revenue, then name)."""
    f = frame.copy()
    f["_key"] = f[dim].astype("object").where(f[dim].notna(), "")
    f = f.sort_values([measure, "won_revenue", "_key"], ascending=[False, False, True], na_position="last",
                      kind="stable")
    return f.drop(columns="_key").reset_index(drop=True)


# --- ranked bars -------------------------------------------------------------------------------------

def ranked_bars(frame: pd.DataFrame, dim: str, measure: str, *, fmt_value: Fmt, labels: Mapping[str, str],
                none_label: str, top_n: int = TOP_N) -> go.Figure:
    """Horizontal bars of ``measure`` per ``dim`` value (largest at the top, at most ``top_n``),
    beside two text columns: won revenue change vs the previous period and vs last year.

    ``frame`` is ``performance(by=dim)``. ``labels``: ``measure``, ``vs_previous``,
    ``vs_last_year`` and optionally ``revenue`` (a first line over both column heads, for a
    measure other than revenue). Bars carry the raw value in ``customdata``.
    """
    f = ranked(frame, dim, measure).head(top_n)
    f = f.iloc[::-1]  # plotly draws the first category at the bottom
    full = [display_name(v, none_label) for v in f[dim]]
    names = [short(n, LABEL_LIMIT) for n in full]
    y = _unique(names)  # two values may display alike
    values = f[measure].astype("float64")
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.64, 0.36], horizontal_spacing=0.02)
    fig.add_trace(go.Bar(
        y=y, x=[0.0 if _missing(v) else v for v in values], orientation="h", name=labels["measure"],
        marker={"color": PALETTE[0]}, text=[fmt_value(v) for v in values], textposition="outside",
        cliponaxis=False, customdata=[raw_value(v) for v in f[dim]], hovertext=full,
        hovertemplate="%{hovertext}<br>" + plotly_text(labels["measure"]) + ": %{text}<extra></extra>"), row=1, col=1)
    for x, col, key in ((0.0, "change", "vs_previous"), (1.0, "change_last_year", "vs_last_year")):
        changes = f[col].astype("float64")
        fig.add_trace(go.Scatter(
            y=y, x=[x] * len(f), mode="text", text=[_arrow(v) for v in changes], name=labels[key],
            textfont={"color": [_change_colour(v) for v in changes], "size": 13},
            customdata=[raw_value(v) for v in f[dim]], hovertext=full,
            hovertemplate="%{hovertext}<br>" + plotly_text(labels[key]) + ": %{text}<extra></extra>"), row=1, col=2)
    top = max([0.0, *[v for v in values if not _missing(v)]])
    theme(fig, height=max(130, 80 + BAR_ROW_HEIGHT * len(f)), legend=False)
    fig.update_layout(margin={"l": 8, "r": 8, "t": 52 if "revenue" in labels else 34, "b": 8}, bargap=0.3, clickmode="event+select",
                      dragmode=False)
    fig.update_xaxes(visible=False, range=[0, top * 1.25 if top > 0 else 1], row=1, col=1)
    fig.update_xaxes(visible=False, range=[-0.55, 1.55], fixedrange=True, row=1, col=2)
    fig.update_yaxes(fixedrange=True, gridcolor="rgba(0,0,0,0)")
    for x, key in ((0.0, "vs_previous"), (1.0, "vs_last_year")):
        head = plotly_text(labels[key]) if "revenue" not in labels else f"{plotly_text(labels['revenue'])}<br>{plotly_text(labels[key])}"
        fig.add_annotation(x=x, y=1.0, xref="x2", yref="paper", yanchor="bottom", showarrow=False,
                           text=head, font={"size": 13, "color": NEUTRAL})
    return fig


def _arrow(change: object) -> str:
    if _missing(change):
        return "–"
    v = float(change)  # type: ignore[arg-type]
    text = f"{v * 100:+,.0f}%" if abs(v) >= 1 else _pct(v, signed=True)  # +1,290% rather than +1290.0%
    return ("▲ " if v > 0 else "▼ " if v < 0 else "") + text


def _change_colour(change: object) -> str:
    if _missing(change) or float(change) == 0:  # type: ignore[arg-type]
        return NEUTRAL
    return GOOD if float(change) > 0 else BAD  # type: ignore[arg-type]


# --- segment x channel matrix ---------------------------------------------------------------------------

def matrix_heatmap(frame: pd.DataFrame, rows: str, cols: str, *, fmt_value: Fmt, labels: Mapping[str, str],
                   none_label: str, row_order: Sequence[object] = (), col_order: Sequence[object] = ()) -> go.Figure:
    """The long ``matrix`` frame (rows, cols, value) as a heatmap with each cell's formatted value
    written in it; rows top to bottom and columns left to right in ``row_order``/``col_order``
    (e.g. by won revenue), values not listed there after them in the frame's order.

    ``labels``: ``rows``, ``cols``, ``measure``. The clickable layer is a transparent scatter of
    cell centres whose ``customdata`` is ``[row value, col value]``; a cell with no deals is blank.
    """
    f = frame.copy()
    row_raw = _ordered(f[rows], row_order)
    col_raw = _ordered(f[cols], col_order)
    row_full = [display_name(v, none_label) for v in row_raw]
    col_full = [display_name(v, none_label) for v in col_raw]
    row_names = _unique([short(n, LABEL_LIMIT) for n in row_full])
    col_names = _unique([short(n, LABEL_LIMIT) for n in col_full])
    lookup = {(raw_value(r), raw_value(c)): v for r, c, v in zip(f[rows], f[cols], f["value"], strict=True)}
    z = [[_num(lookup.get((raw_value(r), raw_value(c)))) for c in col_raw] for r in row_raw]
    finite = [v for line in z for v in line if not math.isnan(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    fig = go.Figure(go.Heatmap(
        z=z, x=col_names, y=row_names, colorscale=HEAT_SCALE, zmin=min(low, 0.0), zmax=high if high > 0 else 1.0,
        showscale=False, hoverinfo="skip", xgap=3, ygap=3))
    xs, ys, texts, colours, custom, hover = [], [], [], [], [], []
    span = (high - min(low, 0.0)) or 1.0
    for i, r in enumerate(row_raw):
        for j, c in enumerate(col_raw):
            v = z[i][j]
            xs.append(col_names[j])
            ys.append(row_names[i])
            texts.append(fmt_value(v) if (raw_value(r), raw_value(c)) in lookup else "")
            colours.append("#FFFFFF" if not math.isnan(v) and (v - min(low, 0.0)) / span > 0.6 else TARGET_LINE)
            custom.append([raw_value(r), raw_value(c)])
            hover.append(f"{row_full[i]} · {col_full[j]}<br>{plotly_text(labels['measure'])}: {fmt_value(v)}")
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=texts, textfont={"color": colours, "size": 15},
        marker={"size": 40, "color": "rgba(0,0,0,0)", "symbol": "square"}, customdata=custom,
        hovertext=hover, hoverinfo="text", selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}}, showlegend=False))
    theme(fig, height=70 + 62 * max(len(row_raw), 2), legend=False)
    fig.update_layout(clickmode="event+select", dragmode=False, hovermode="closest", hoverdistance=-1,
                      margin={"l": 8, "r": 8, "t": 30, "b": 8})
    fig.update_xaxes(side="top", title=None, fixedrange=True, showgrid=False)
    fig.update_yaxes(autorange="reversed", fixedrange=True, showgrid=False, title=None)
    return fig


def _ordered(values: pd.Series, first: Sequence[object] = ()) -> list[Any]:
    """Distinct values: those in ``first`` (in its order) then the rest as first seen; a missing
    value last."""
    present = set(values.dropna().tolist())
    seen: list[Any] = [v for v in first if not _missing(v) and v in present]
    for v in values:
        if not _missing(v) and v not in seen:
            seen.append(v)
    if values.isna().any():
        seen.append(None)
    return seen


def _unique(names: list[str]) -> list[str]:
    """Labels made distinct (a thin space per repeat) so two values never share a row."""
    return [n + "\u2009" * names[:i].count(n) if names[:i].count(n) else n for i, n in enumerate(names)]


def _num(x: object) -> float:
    return math.nan if _missing(x) else float(x)  # type: ignore[arg-type]


# --- small multiples ---------------------------------------------------------------------------------

def trend_multiples(frame: pd.DataFrame, dim: str, value: str, order: Sequence[object], *, month_label: Fmt,
                    fmt_value: Fmt, tickformat: str | None, none_label: str, max_panels: int = MAX_PANELS,
                    panels_per_row: int = PANELS_PER_ROW) -> go.Figure:
    """One small line chart per ``dim`` value (in ``order``, at most ``max_panels``) of the
    ``monthly_trend`` column ``value`` ('won_revenue' or 'win_rate'), all on one y scale; the
    latest month is marked. ``month_label`` turns 'YYYY-MM' into the axis label. Won revenue is
    ticked like the cards when ``fmt_value`` is the page's money formatter; ``tickformat`` (d3)
    formats any other axis."""
    wanted = [v for v in order if (frame[dim].isna().any() if _missing(v) else (frame[dim] == v).any())]
    wanted = wanted[:max_panels]
    n = max(1, len(wanted))
    ncols = min(panels_per_row, n)
    nrows = math.ceil(n / ncols)
    full = [display_name(v, none_label) for v in wanted]
    titles = [short(n, TITLE_LIMIT) for n in full]
    fig = make_subplots(rows=nrows, cols=ncols, shared_yaxes="all", subplot_titles=titles,
                        horizontal_spacing=0.07, vertical_spacing=0.14 if nrows > 1 else 0.0)
    months = sorted(frame["month"].dropna().unique().tolist())
    for k, v in enumerate(wanted):
        part = frame[frame[dim].isna()] if _missing(v) else frame[frame[dim] == v]
        part = part.sort_values("month")
        ys = [None if _missing(x) else float(x) for x in part[value]]
        row, col = k // ncols + 1, k % ncols + 1
        colour = PALETTE[0]
        fig.add_trace(go.Scatter(
            x=part["month"].tolist(), y=ys, mode="lines", line={"color": colour, "width": 2},
            fill="tozeroy" if value == "won_revenue" else None, fillcolor="rgba(0,114,178,0.10)",
            connectgaps=False, name=titles[k], customdata=[month_label(m) for m in part["month"]],
            text=[fmt_value(x) for x in part[value]],
            hovertemplate=full[k] + " · %{customdata}<br>%{text}<extra></extra>"), row=row, col=col)
        last = [(m, y) for m, y in zip(part["month"], ys, strict=True) if y is not None]
        if last:
            fig.add_trace(go.Scatter(x=[last[-1][0]], y=[last[-1][1]], mode="markers",
                                     marker={"color": colour, "size": 8}, hoverinfo="skip"), row=row, col=col)
    theme(fig, height=60 + 170 * nrows, legend=False)
    fig.update_layout(margin={"l": 8, "r": 8, "t": 40, "b": 8})
    ticks = [months[0], months[-1]] if months else []
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=months, tickmode="array",
                     tickvals=ticks, ticktext=[month_label(m) for m in ticks], tickfont={"size": 12})
    fig.update_yaxes(tickformat=tickformat, tickfont={"size": 12}, rangemode="tozero")
    if value == "won_revenue":
        money_axis(fig, fmt_value, frame[value])
    fig.update_annotations(font={"size": 14})
    return fig


# --- concentration, customers, market ----------------------------------------------------------------

def pareto_curve(frame: pd.DataFrame, count: int | None, *, labels: Mapping[str, str], money: Fmt) -> go.Figure:
    """Cumulative share of won revenue by customer rank (``pareto`` frame), with the 80 % line
    and a marker where ``count`` customers reach it. ``labels``: ``line`` (already holding the
    count), ``x``, ``y``."""
    fig = go.Figure(go.Scatter(
        x=frame["rank"].tolist(), y=frame["cum_share"].astype("float64").tolist(), mode="lines",
        line={"color": PALETTE[0], "width": 2.5, "shape": "hv"}, fill="tozeroy",
        fillcolor="rgba(0,114,178,0.10)",
        customdata=[[plotly_text(c), money(r)] for c, r in zip(frame["customer"], frame["won_revenue"], strict=True)],
        hovertemplate="#%{x} %{customdata[0]}<br>%{customdata[1]} · %{y:.1%}<extra></extra>"))
    fig.add_hline(y=0.8, line={"color": NEUTRAL, "width": 1.5, "dash": "dash"})
    if count is not None:
        fig.add_vline(x=count, line={"color": TARGET_LINE, "width": 1.5, "dash": "dot"})
        fig.add_trace(go.Scatter(x=[count], y=[0.8], mode="markers", marker={"color": TARGET_LINE, "size": 10},
                                 hoverinfo="skip"))
        fig.add_annotation(x=count, y=0.8, text=plotly_text(labels["line"]), showarrow=False, xanchor="left",
                           yanchor="top", xshift=8, yshift=-6, font={"size": 14, "color": TARGET_LINE},
                           bgcolor="rgba(255,255,255,0.85)")
    theme(fig, height=340, legend=False)
    fig.update_xaxes(title=labels["x"], rangemode="tozero")
    fig.update_yaxes(title=labels["y"], tickformat=".0%", range=[0, 1.05])
    return fig


def new_returning_bar(frame: pd.DataFrame, *, labels: Mapping[str, str], money: Fmt) -> go.Figure:
    """One 100 % bar split into new and returning customers' share of won revenue (the
    ``new_vs_returning`` frame); ``labels``: ``new``, ``returning``."""
    fig = go.Figure()
    colours = {"new": PALETTE[1], "returning": PALETTE[0]}
    for row in frame.itertuples(index=False):
        share = 0.0 if _missing(row.revenue_share) else float(row.revenue_share)
        label = labels[row.customer_type]
        fig.add_trace(go.Bar(
            x=[share], y=[""], orientation="h", name=label, marker={"color": colours[row.customer_type]},
            text=[f"{label} {_pct(row.revenue_share)}"] if share >= 0.12 else [""], textposition="inside",
            insidetextanchor="middle", textfont={"color": "#FFFFFF", "size": 14},
            hovertemplate=f"{label}: {money(row.won_revenue)} ({_pct(row.revenue_share)})<extra></extra>"))
    theme(fig, height=120, legend=True)
    fig.update_layout(barmode="stack", margin={"l": 8, "r": 8, "t": 30, "b": 8})
    fig.update_xaxes(visible=False, range=[0, 1])
    fig.update_yaxes(visible=False)
    return fig


def market_share_bars(frame: pd.DataFrame, *, labels: Mapping[str, str], money: Fmt,
                      none_label: str) -> go.Figure:
    """Market share per segment (``market_share`` frame), largest at the top; segments without
    a market size are left out. ``labels``: ``share``, ``revenue``, ``market_size``."""
    f = frame[frame["share"].notna()].sort_values("share", ascending=True)
    names = _unique([short(display_name(v, none_label), LABEL_LIMIT) for v in f["segment"]])
    fig = go.Figure(go.Bar(
        y=names, x=f["share"].astype("float64").tolist(), orientation="h", marker={"color": PALETTE[2]},
        text=[_pct(v) for v in f["share"]], textposition="outside", cliponaxis=False,
        customdata=[[money(r), money(m)] for r, m in zip(f["won_revenue"], f["market_size"], strict=True)],
        hovertemplate="%{y}<br>" + plotly_text(labels["revenue"]) + ": %{customdata[0]}<br>"
                      + plotly_text(labels["market_size"]) + ": %{customdata[1]}<extra></extra>"))
    top = max([0.0, *f["share"].astype("float64").tolist()])
    theme(fig, height=max(110, 40 + BAR_ROW_HEIGHT * len(f)), legend=False)
    fig.update_xaxes(visible=False, range=[0, top * 1.3 if top > 0 else 1])
    return fig


def detail_bars(frame: pd.DataFrame, dim: str, *, money: Fmt, none_label: str) -> go.Figure:
    """Won revenue per ``dim`` value of a ``performance`` frame, largest at the top (the details
    of a clicked lead source or product)."""
    f = ranked(frame, dim, "won_revenue").head(TOP_N).iloc[::-1]
    fig = go.Figure(go.Bar(
        y=_unique([short(display_name(v, none_label), LABEL_LIMIT) for v in f[dim]]),
        x=f["won_revenue"].astype("float64").tolist(),
        orientation="h", marker={"color": PALETTE[4]}, text=[money(v) for v in f["won_revenue"]],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>"))
    top = max([0.0, *f["won_revenue"].astype("float64").tolist()])
    theme(fig, height=max(110, 40 + BAR_ROW_HEIGHT * len(f)), legend=False)
    fig.update_xaxes(visible=False, range=[0, top * 1.3 if top > 0 else 1])
    return fig


# --- clicks ------------------------------------------------------------------------------------------

def clicked(event: object) -> list[Any]:
    """The ``customdata`` of the points a chart selection reports (first point first); [] for none."""
    if event is None:
        return []
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return []
    out = []
    for p in points or []:
        data = p.get("customdata") if isinstance(p, Mapping) else None
        if data is not None:
            out.append(data)
    return out


def add_to_filters(current: Mapping[str, Sequence[str]], picks: Mapping[str, str]) -> dict[str, list[str]]:
    """The sidebar filters after a click: each picked value added to its dimension's selection
    (kept once, in order). An empty pick (a missing value) changes nothing. Only the dimensions
    picked are returned."""
    out: dict[str, list[str]] = {}
    for dim, value in picks.items():
        if not value:
            continue
        chosen = list(current.get(dim, []))
        if value not in chosen:
            chosen.append(value)
        out[dim] = chosen
    return out
