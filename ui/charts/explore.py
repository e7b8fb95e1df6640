"""Figures of the Explore page: a pivot's tidy result (``PivotResult.long``) as bars, lines, areas,
a heat map or dots.

:func:`chart_data` turns the long frame into x labels, one series per value of the other
dimensions and the values, keeping the chart readable (at most ``MAX_CATEGORIES`` bars or
``MAX_TIME_POINTS`` points in time, ``MAX_SERIES`` series; the table keeps everything and the
page says what was left out). :func:`pivot_figure` draws it. Both run without a Streamlit
session so they are tested directly. Data values are escaped: Plotly reads a few HTML tags in
texts, names and tick labels, user data must not.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go

from ui.charts import PALETTE, TARGET_LINE, money_axis, theme
from ui.format import missing as _missing
from ui.safe import plotly_text

CHART_KINDS = ("bar", "line", "area", "heatmap", "scatter")
MAX_CATEGORIES = 40
MAX_TIME_POINTS = 120
MAX_SERIES = 12
LABEL_LIMIT = 32
HEAT_SCALE = [[0.0, "#F4F6F9"], [1.0, PALETTE[0]]]

Fmt = Callable[[object], str]




def label_of(value: object, blank: str) -> str:
    """A dimension value as chart text: dates as ``2026-10-05``, a missing value as ``blank``."""
    if _missing(value):
        return blank
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if (value.hour, value.minute, value.second) == (0, 0, 0) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _number(x: object) -> float:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


@dataclass(frozen=True)
class ChartData:
    """What a pivot chart draws: ``frame`` has columns x, series, value (x and series as labels).

    ``x`` and ``series`` list the labels in drawing order; ``x_values`` the raw values of x
    (numbers for a numeric dimension, for dots on a number axis); ``hidden_*`` count what was left out.
    """

    frame: pd.DataFrame
    x: list[str]
    series: list[str]
    x_values: dict[str, object]
    x_is_time: bool
    x_is_numeric: bool
    hidden_categories: int
    hidden_series: int
    fill: float | None = None


def chart_data(long: pd.DataFrame, dims: Sequence[str], value: str, time_dims: Sequence[str] = (), *,
               blank: str = "(blank)", sort: str | None = None, fill: float | None = None) -> ChartData:
    """Labels and values of a pivot's ``long`` frame: x is the first dimension, the series the others.

    ``sort`` ``"value"``/``"-value"`` orders categories by their total (time stays in time order).
    Categories beyond ``MAX_CATEGORIES`` (the smallest totals; for time, the oldest points beyond
    ``MAX_TIME_POINTS``) and series beyond ``MAX_SERIES`` (the smallest) are left out and counted.
    ``fill`` is drawn where a category has no row for a series (0 for counts; None leaves a gap).
    """
    dims = list(dims)
    frame = long.copy()
    if not dims:
        frame = pd.DataFrame({"x": [""], "series": [""], "value": [frame[value].iloc[0] if len(frame) else None]})
        return ChartData(frame, [""], [""], {"": ""}, False, False, 0, 0, fill)
    x_dim, others = dims[0], dims[1:]
    x_is_time = x_dim in time_dims
    raw_x = frame[x_dim].tolist()
    frame["x"] = [label_of(v, blank) for v in raw_x]
    present = [v for v in raw_x if not _missing(v)]
    x_is_numeric = bool(present) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in present) and not x_is_time
    if others:
        frame["series"] = [" / ".join(label_of(v, blank) for v in row)
                           for row in frame[others].itertuples(index=False, name=None)]
    else:
        frame["series"] = ""
    frame["value"] = frame[value]
    frame = frame[["x", "series", "value"]]
    numeric = pd.api.types.is_numeric_dtype(frame["value"]) or all(
        isinstance(v, int | float) for v in frame["value"].dropna())

    x_order = list(dict.fromkeys(frame["x"]))
    series_order = list(dict.fromkeys(frame["series"]))
    x_values = {label_of(v, blank): v for v in raw_x}
    totals = frame.assign(n=frame["value"].map(_number).abs()).groupby("x", sort=False)["n"].sum() if numeric else None

    hidden_series = 0
    if len(series_order) > MAX_SERIES:
        if numeric:
            weight = frame.assign(n=frame["value"].map(_number).abs()).groupby("series", sort=False)["n"].sum()
            keep = set(weight.sort_values(ascending=False, kind="stable").index[:MAX_SERIES])
        else:
            keep = set(series_order[:MAX_SERIES])
        hidden_series = len(series_order) - len(keep)
        series_order = [s for s in series_order if s in keep]
        frame = frame[frame["series"].isin(keep)]

    if sort in ("value", "-value") and not x_is_time and numeric:
        signed = frame.assign(n=frame["value"].map(_number)).groupby("x", sort=False)["n"].sum()
        x_order = sorted(x_order, key=lambda x: signed.get(x, 0.0), reverse=sort == "-value")
    hidden_categories = 0
    limit = MAX_TIME_POINTS if x_is_time else MAX_CATEGORIES
    if len(x_order) > limit:
        if x_is_time:
            keep_x = x_order[-limit:]
        elif totals is not None:
            biggest = set(totals.sort_values(ascending=False, kind="stable").index[:limit])
            keep_x = [x for x in x_order if x in biggest]
        else:
            keep_x = x_order[:limit]
        hidden_categories = len(x_order) - len(keep_x)
        x_order = keep_x
        frame = frame[frame["x"].isin(set(keep_x))]
    return ChartData(frame.reset_index(drop=True), x_order, series_order, x_values, x_is_time, x_is_numeric,
                     hidden_categories, hidden_series, fill)


def _matrix(data: ChartData) -> list[list[object]]:
    lookup = {(r.x, r.series): r.value for r in data.frame.itertuples(index=False)}
    return [[lookup.get((x, s), data.fill) for x in data.x] for s in data.series]


def pivot_figure(data: ChartData, kind: str, *, value_label: str, x_label: str = "", series_label: str = "",
                 fmt_value: Fmt = str, tickformat: str | None = None, tickprefix: str = "",
                 stack: bool = False) -> go.Figure:
    """``data`` as a ``kind`` chart (bar, line, area, heatmap or scatter).

    ``stack``: the values add up (sums, counts, shares), so many series are stacked and areas
    pile up; otherwise bars are grouped and areas overlap. ``fmt_value`` writes a value for
    hover texts and heat map cells; ``tickformat``/``tickprefix`` format the value axis, and a money
    formatter (with ``ticks``) labels it like the cards (50万元, $1.5M).
    """
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {kind!r}")
    xs_full = [plotly_text(x) for x in data.x]
    xs = _unique([short(x) for x in xs_full])
    names = [plotly_text(s) for s in data.series]
    matrix = _matrix(data)
    many = len(data.series) > 1
    fig = go.Figure()
    if kind == "heatmap":
        return _heatmap(data, xs, xs_full, names, matrix, value_label=value_label, x_label=x_label,
                        series_label=series_label, fmt_value=fmt_value)
    horizontal = kind == "bar" and not data.x_is_time and (
        len(xs) > 10 or max((len(x) for x in data.x), default=0) > 14)
    for i, (name, row) in enumerate(zip(names, matrix, strict=True)):
        colour = PALETTE[i % len(PALETTE)]
        hover = [f"{x}{' · ' + name if name else ''}<br>{plotly_text(value_label)}: {plotly_text(_shown(v, fmt_value))}"
                 for x, v in zip(xs_full, row, strict=True)]
        if kind == "bar":
            trace = go.Bar(name=name, marker_color=colour, hovertext=hover, hoverinfo="text",
                           **({"y": xs, "x": row, "orientation": "h"} if horizontal else {"x": xs, "y": row}))
        elif kind in ("line", "area"):
            extra: dict[str, object] = {}
            if kind == "area":
                extra = {"stackgroup": "one"} if stack else {"fill": "tozeroy"}
            trace = go.Scatter(x=xs, y=row, name=name, mode="lines+markers" if len(xs) <= 36 else "lines",
                               line={"color": colour, "width": 2.5}, marker={"size": 6}, hovertext=hover,
                               hoverinfo="text", connectgaps=False, **extra)
        else:  # scatter: dots, on a number axis when the dimension holds numbers
            x_axis = [data.x_values.get(x) for x in data.x] if data.x_is_numeric else xs
            trace = go.Scatter(x=x_axis, y=row, name=name, mode="markers", hovertext=hover, hoverinfo="text",
                               marker={"color": colour, "size": 11, "opacity": 0.85,
                                       "line": {"width": 1, "color": "#FFFFFF"}})
        fig.add_trace(trace)
    rows = len(xs) if horizontal else 0
    theme(fig, height=max(360, min(900, 60 + 26 * rows * (1 if stack or not many else len(names)))),
          legend=many)
    if kind == "bar":
        fig.update_layout(barmode="stack" if stack and len(names) > 3 else "group", bargap=0.25)
    value_axis = {"tickformat": tickformat, "tickprefix": tickprefix, "title": {"text": plotly_text(value_label)},
                  "gridcolor": "#E6EBF2"}
    category_axis = {"title": {"text": plotly_text(x_label)} if x_label else None, "type": "category"}
    if kind == "scatter" and data.x_is_numeric:
        category_axis = {"title": {"text": plotly_text(x_label)} if x_label else None}
    if horizontal:
        fig.update_xaxes(**value_axis, showgrid=True)
        fig.update_yaxes(**category_axis, autorange="reversed", showgrid=False)
    else:
        fig.update_yaxes(**value_axis)
        fig.update_xaxes(**category_axis)
    values = [_number(v) for row in matrix for v in row]
    if stack:  # stacked bars and areas reach the sum of a category's values
        values += [sum(max(_number(v), 0.0) for v in column if not math.isnan(_number(v)))
                   for column in zip(*matrix, strict=True)]
    money_axis(fig, fmt_value, values, axis="x" if horizontal else "y")
    if many:
        fig.update_layout(legend_title_text=plotly_text(series_label) if series_label else None)
    return fig


def _heatmap(data: ChartData, xs: list[str], xs_full: list[str], names: list[str], matrix: list[list[object]], *,
             value_label: str, x_label: str, series_label: str, fmt_value: Fmt) -> go.Figure:
    """Rows: the first dimension; columns: the series (the other dimensions); the value written in each cell."""
    z = [[_number(v) for v in column] for column in zip(*matrix, strict=True)] if matrix else []
    finite = [v for line in z for v in line if not math.isnan(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    cols = _unique([short(n) if n else plotly_text(value_label) for n in names])
    text = [[_shown(v, fmt_value, "") for v in column] for column in zip(*matrix, strict=True)]
    hover = [[f"{xs_full[i]} · {cols[j]}<br>{plotly_text(value_label)}: {plotly_text(text[i][j] or '–')}"
              for j in range(len(cols))] for i in range(len(xs))]
    zmin, zmax = min(low, 0.0), high if high > min(low, 0.0) else min(low, 0.0) + 1
    fig = go.Figure(go.Heatmap(z=z, x=cols, y=xs, colorscale=HEAT_SCALE, zmin=zmin, zmax=zmax, hovertext=hover,
                               hoverinfo="text", xgap=2, ygap=2, showscale=False))
    # The values as a text layer, white on dark cells (the theme's font colour would win over Plotly's
    # automatic contrast on the heat map's own texts).
    px, py, ptext, pcolour = [], [], [], []
    for i, y in enumerate(xs):
        for j, x in enumerate(cols):
            v = z[i][j]
            px.append(x)
            py.append(y)
            ptext.append(plotly_text(text[i][j]))
            dark = not math.isnan(v) and (v - zmin) / (zmax - zmin) > 0.6
            pcolour.append("#FFFFFF" if dark else TARGET_LINE)
    fig.add_trace(go.Scatter(x=px, y=py, mode="text", text=ptext, textfont={"color": pcolour, "size": 13},
                             hoverinfo="skip", showlegend=False))
    theme(fig, height=max(300, min(1200, 80 + 34 * len(xs))), legend=False)
    fig.update_xaxes(side="top", type="category", title={"text": plotly_text(series_label)} if series_label else None)
    fig.update_yaxes(type="category", autorange="reversed", title={"text": plotly_text(x_label)} if x_label else None)
    return fig


def _shown(value: object, fmt_value: Fmt, missing: str = "–") -> str:
    return missing if _missing(value) else fmt_value(value)


def _unique(labels: list[str]) -> list[str]:
    """Labels made distinct (two long names cut to the same text get a counter)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        n = seen.get(label, 0)
        seen[label] = n + 1
        out.append(label if n == 0 else f"{label} ({n + 1})")
    return out
