"""Figures of the Funnel and Customers pages: the funnel in stage order, its comparison by a
dimension, the cohort heatmap, time in stage, lost reasons, trends and follow-up coverage.

Every builder takes frames from ``analytics.metrics.funnel`` / ``analytics.metrics.performance`` /
``analytics.metrics.customers`` and already-translated labels (so they run, and are tested, without a
Streamlit session) and returns a Plotly figure. Stages are always drawn in the configured order
given by ``stage_labels`` (an ordered mapping stage key → label), never alphabetically.
Percentages are fractions (0.45 = 45 %).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from ui.charts import BAD, GOOD, NEUTRAL, PALETTE, WARN, theme
from ui.format import missing as _missing
from ui.format import pct as pct_text
from ui.safe import plotly_text

Money = Callable[[object], str]

#: Which conversion column a percentage switch shows.
PCT_COLUMNS = {"previous": "conversion_from_previous", "first": "conversion_from_first"}
FUNNEL_COLOUR = PALETTE[0]
SELECTED_COLOUR = PALETTE[1]
YOUNG_COLOUR = NEUTRAL
HEAT_SCALE = [[0.0, "#F4F6F9"], [0.5, "#56B4E9"], [1.0, "#0B4F8A"]]
ROW_HEIGHT = 46


def bar_label(row: Mapping[str, object], *, labels: Mapping[str, str], emphasis: str = "previous",
              compact: bool = False) -> str:
    """The text on one funnel bar: deals reached, then % of previous and % of first stage.

    ``labels``: ``of_previous`` and ``of_first`` templates with a ``{pct}`` field. The chosen
    percentage (``emphasis``) comes first, in bold; the first stage has no "% of previous" (left
    out, or ``–`` in the ``compact`` form, which shows bare percentages in a fixed order so small
    panels stay readable: deals · chosen % · other %).
    """
    values = {"previous": row.get("conversion_from_previous"), "first": row.get("conversion_from_first")}
    order = [emphasis, "first" if emphasis == "previous" else "previous"]
    texts: list[str] = []
    for k in order:
        if compact:
            text = pct_text(values[k], 0)
        elif _missing(values[k]):
            continue
        else:
            text = labels[f"of_{k}"].format(pct=pct_text(values[k]))
        texts.append(f"<b>{text}</b>" if k == emphasis else text)
    return " · ".join([f"{int(row.get('reached') or 0):,}", *texts])  # type: ignore[arg-type]


def _ordered(frame: pd.DataFrame, stage_labels: Mapping[str, str]) -> pd.DataFrame:
    """Rows of ``frame`` in the configured stage order (stages not configured are dropped)."""
    order = {k: i for i, k in enumerate(stage_labels)}
    f = frame[frame["stage"].isin(order)].copy()
    f["_order"] = f["stage"].map(order)
    return f.sort_values("_order", kind="stable")


def _funnel_trace(f: pd.DataFrame, stage_labels: Mapping[str, str], labels: Mapping[str, str],
                  emphasis: str, *, colour: str, selected: str | None, compact: bool,
                  group: object = None) -> go.Bar:
    colours = [SELECTED_COLOUR if k == selected else colour for k in f["stage"]]
    records = f.to_dict("records")
    hover = [f"{stage_labels[r['stage']]}<br>{labels['reached']}: {int(r['reached']):,}"
             f"<br>{labels['of_previous'].format(pct=pct_text(r['conversion_from_previous']))}"
             f"<br>{labels['of_first'].format(pct=pct_text(r['conversion_from_first']))}"
             for r in records]
    return go.Bar(
        y=[stage_labels[k] for k in f["stage"]], x=f["reached"].astype("int64").tolist(), orientation="h",
        marker={"color": colours}, text=[bar_label(r, labels=labels, emphasis=emphasis, compact=compact)
                                         for r in records],
        textposition="outside", cliponaxis=False, textfont={"size": 12 if compact else 14},
        hovertext=hover, hoverinfo="text", showlegend=False,
        customdata=[[k, "" if group is None else str(group)] for k in f["stage"]])


def funnel_bars(table: pd.DataFrame, stage_labels: Mapping[str, str], *, labels: Mapping[str, str],
                emphasis: str = "previous", selected: str | None = None) -> go.Figure:
    """Horizontal funnel: one bar per stage, first stage at the top, labelled with the deals
    reached, % of previous and % of first stage (``FunnelResult.table``, no grouping column).

    ``labels``: ``of_previous``, ``of_first`` (templates with ``{pct}``), ``reached``, ``axis``.
    ``selected`` (a stage key) is drawn in the highlight colour. Each bar's customdata is
    ``[stage_key, ""]`` so a click tells the page which stage was chosen.
    """
    f = _ordered(table, stage_labels)
    fig = go.Figure(_funnel_trace(f, stage_labels, labels, emphasis, colour=FUNNEL_COLOUR,
                                  selected=selected, compact=False))
    top = max([1, *f["reached"].tolist()])
    fig.update_xaxes(range=[0, top * 1.75], title=labels.get("axis"), showticklabels=True)
    fig.update_yaxes(categoryorder="array", categoryarray=list(stage_labels.values()), autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    fig.update_layout(bargap=0.3, clickmode="event+select", dragmode=False)
    return theme(fig, height=90 + ROW_HEIGHT * len(stage_labels), legend=False)


def funnel_small_multiples(table: pd.DataFrame, group: str, stage_labels: Mapping[str, str], *,
                           labels: Mapping[str, str], emphasis: str = "previous",
                           group_label: Callable[[object], str] = str, muted: Sequence[object] = (),
                           columns: int = 3) -> go.Figure:
    """One small funnel per value of ``group`` (a comparison dimension or ``created_month``),
    in the frame's order, each bar labelled like :func:`funnel_bars` in the compact form
    (deals · chosen % · other %); stage names on the first panel of each row only.

    ``muted`` groups (e.g. cohorts too young to judge) are drawn grey. customdata is
    ``[stage_key, group value]``.
    """
    groups = list(dict.fromkeys(table[group].tolist()))
    n = max(len(groups), 1)
    cols = max(1, min(columns, n))
    rows = math.ceil(n / cols)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[plotly_text(group_label(g)) for g in groups] or [""],
                        horizontal_spacing=0.04, vertical_spacing=min(0.12, 0.5 / rows))
    top = max([1, *table["reached"].tolist()]) if len(table) else 1
    for i, g in enumerate(groups):
        part = _ordered(table[table[group].isna()] if _missing(g) else table[table[group] == g], stage_labels)
        colour = YOUNG_COLOUR if g in set(muted) else FUNNEL_COLOUR
        fig.add_trace(_funnel_trace(part, stage_labels, labels, emphasis, colour=colour, selected=None,
                                    compact=True, group=g), row=i // cols + 1, col=i % cols + 1)
    fig.update_xaxes(range=[0, top * 1.9], showticklabels=False, showgrid=False)
    fig.update_yaxes(categoryorder="array", categoryarray=list(stage_labels.values()), autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    for c in range(2, cols + 1):
        fig.update_yaxes(showticklabels=False, col=c)
    for ann in fig.layout.annotations:
        ann.font = {"size": 13}
    fig.update_layout(bargap=0.25, clickmode="event+select", dragmode=False)
    theme(fig, height=40 + rows * (50 + 30 * len(stage_labels)), legend=False)
    fig.update_layout(margin={"t": 30})
    return fig


def comparison_bars(table: pd.DataFrame, group: str, stage_labels: Mapping[str, str], *,
                    labels: Mapping[str, str], pct: str = "previous",
                    group_label: Callable[[object], str] = str) -> go.Figure:
    """Grouped bars: for each stage (in order) one bar per ``group`` value showing the chosen
    percentage (``pct`` 'previous' or 'first') and, in brackets, the deals reached, so a 100 % from
    one deal reads as such. With 'previous' the first stage is left out (it has no previous
    stage). Hover shows the deals reached and both percentages.
    ``labels``: ``of_previous``, ``of_first``, ``reached``, ``axis``.
    """
    column = PCT_COLUMNS[pct]
    stages = list(stage_labels)[1:] if pct == "previous" else list(stage_labels)
    fig = go.Figure()
    groups = list(dict.fromkeys(table[group].tolist()))
    # Okabe–Ito has 8 colours; more groups (12 reps) take a longer palette so no two share one.
    colours = PALETTE if len(groups) <= len(PALETTE) else [*qualitative.Safe, *qualitative.Vivid]
    crowded = len(groups) > 6  # narrow bars: labels turn upright to stay legible
    for i, g in enumerate(groups):
        part = _ordered(table[table[group].isna()] if _missing(g) else table[table[group] == g], stage_labels)
        part = part[part["stage"].isin(stages)]
        name = plotly_text(group_label(g))
        hover = [f"{name} · {stage_labels[r['stage']]}<br>{labels['reached']}: {int(r['reached']):,}"
                 f"<br>{labels['of_previous'].format(pct=pct_text(r['conversion_from_previous']))}"
                 f"<br>{labels['of_first'].format(pct=pct_text(r['conversion_from_first']))}"
                 for r in part.to_dict("records")]
        fig.add_trace(go.Bar(
            x=[stage_labels[k] for k in part["stage"]], y=part[column].astype("float64").tolist(), name=name,
            marker={"color": colours[i % len(colours)]},
            text=[f"{pct_text(v, 0)} ({int(n):,})"
                  for v, n in zip(part[column], part["reached"], strict=True)],
            textposition="outside", cliponaxis=False, hovertext=hover, hoverinfo="text",
            textangle=-90 if crowded else 0, textfont={"size": 11 if crowded else 13},
            customdata=[[k, "" if _missing(g) else str(g)] for k in part["stage"]]))
    fig.update_xaxes(categoryorder="array", categoryarray=[stage_labels[k] for k in stages])
    top = max([0.0, *[v for v in table[column].astype("float64").tolist() if not _missing(v)]])
    fig.update_yaxes(tickformat=".0%", range=[0, max(top, 0.01) * (1.3 if crowded else 1.15)],
                     title=labels.get("axis"))
    fig.update_layout(barmode="group", bargap=0.2, bargroupgap=0.05, dragmode=False,
                      uniformtext={"minsize": 10, "mode": "show"})
    theme(fig, height=420)
    fig.update_layout(margin={"t": 60})
    return fig


def cohort_heatmap(frame: pd.DataFrame, stage_labels: Mapping[str, str], *,
                   month_label: Callable[[str], str], labels: Mapping[str, str]) -> go.Figure:
    """Created month (rows, oldest at the top) × stage (columns, in order): share of the cohort
    that reached the stage (``cohort_funnel``). Cohorts flagged ``too_young`` get ``labels['young']``
    appended to their row name. ``labels``: ``young``, ``reached``, ``colorbar``.
    """
    f = frame[frame["stage"].isin(list(stage_labels))]
    months = sorted(f["created_month"].unique())
    young = set(f.loc[f["too_young"], "created_month"])
    first = next(iter(stage_labels), None)
    size = {m: int(r) for m, r in zip(f.loc[f["stage"] == first, "created_month"],
                                      f.loc[f["stage"] == first, "reached"], strict=True)}
    cells = {(m, s): r for m, s, r in zip(f["created_month"], f["stage"], f.to_dict("records"), strict=True)}
    names = [f"{month_label(m)} · {size.get(m, 0):,}" + (f" {labels['young']}" if m in young else "")
             for m in months]
    z, text, hover = [], [], []
    for m, name in zip(months, names, strict=True):
        zr, tr, hr = [], [], []
        for k in stage_labels:
            r = cells.get((m, k), {})
            share = r.get("share_of_cohort")
            zr.append(None if _missing(share) else float(share))  # type: ignore[arg-type]
            tr.append(pct_text(share, 0))
            hr.append(f"{name}<br>{stage_labels[k]}: {pct_text(share)}<br>{labels['reached']}: "
                      f"{int(r.get('reached') or 0):,}")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    fig = go.Figure(go.Heatmap(
        z=z, x=list(stage_labels.values()), y=names, text=text, texttemplate="%{text}", textfont={"size": 13},
        hovertext=hover, hoverinfo="text", colorscale=HEAT_SCALE, zmin=0, zmax=1, xgap=2, ygap=2,
        colorbar={"title": {"text": labels.get("colorbar", "")}, "tickformat": ".0%", "thickness": 12}))
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_yaxes(showgrid=False, autorange="reversed", categoryorder="array", categoryarray=names)
    return theme(fig, height=max(220, 90 + 30 * len(months)), legend=False)


def time_in_stage_bars(frame: pd.DataFrame, stage_labels: Mapping[str, str], *,
                       labels: Mapping[str, str]) -> go.Figure:
    """Median and 75th-percentile days per stage (``time_in_stage``), stages top to bottom.

    ``labels``: ``median``, ``p75``, ``days`` (template with ``{days}``), ``axis``. A stage with
    no measured deal gets no bar.
    """
    f = _ordered(frame, stage_labels)
    ys = [stage_labels[k] for k in f["stage"]]
    fig = go.Figure()
    for column, name, colour in (("median_days", labels["median"], PALETTE[0]),
                                 ("p75_days", labels["p75"], PALETTE[4])):
        values = f[column].astype("float64").tolist()
        fig.add_trace(go.Bar(
            y=ys, x=values, orientation="h", name=name, marker={"color": colour},
            text=["" if _missing(v) else labels["days"].format(days=f"{v:.0f}") for v in values],
            textposition="outside", cliponaxis=False, hoverinfo="y+name+text"))
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed", gridcolor="rgba(0,0,0,0)")
    longest = max([1.0, *[v for v in f["p75_days"].astype("float64").tolist() if not _missing(v)]])
    fig.update_xaxes(title=labels.get("axis"), range=[0, longest * 1.3])
    fig.update_layout(barmode="group", bargap=0.3)
    return theme(fig, height=120 + 60 * max(len(ys), 1))


def lost_reason_bars(frame: pd.DataFrame, *, labels: Mapping[str, str]) -> go.Figure:
    """Lost deals by reason (``lost_reasons``), in the frame's order (largest first, no reason
    last), labelled with the count and share. ``labels``: ``none`` (for a missing reason), ``axis``.
    """
    names = [labels["none"] if _missing(r) else plotly_text(r) for r in frame["lost_reason"]]
    colours = [NEUTRAL if _missing(r) else BAD for r in frame["lost_reason"]]
    fig = go.Figure(go.Bar(
        y=names, x=frame["deals"].astype("int64").tolist(), orientation="h", marker={"color": colours},
        text=[f"{int(d):,} · {pct_text(s)}" for d, s in zip(frame["deals"], frame["share"], strict=True)],
        textposition="outside", cliponaxis=False, hoverinfo="y+text"))
    top = max([1, *frame["deals"].tolist()])
    fig.update_xaxes(range=[0, top * 1.35], title=labels.get("axis"))
    fig.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    fig.update_layout(bargap=0.3)
    return theme(fig, height=90 + 36 * max(len(names), 1), legend=False)


def trend_line(months: Sequence[str], values: Sequence[float], *, month_label: Callable[[str], str],
               value_text: Callable[[float], str], name: str, percent: bool = False,
               colour: str = PALETTE[0]) -> go.Figure:
    """One monthly series (oldest first) as a line with markers and value labels; a month
    without a value leaves a gap. ``percent`` formats the axis as a percentage."""
    xs = [month_label(m) for m in months]
    ys = [None if _missing(v) else float(v) for v in values]
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="lines+markers+text", name=name, line={"color": colour, "width": 3},
        text=["" if v is None else value_text(v) for v in ys], textposition="top center",
        cliponaxis=False, hoverinfo="x+text"))
    fig.update_xaxes(categoryorder="array", categoryarray=xs, tickangle=-45)
    fig.update_yaxes(tickformat=".0%" if percent else None, rangemode="tozero", title=name)
    return theme(fig, height=320, legend=False)


def coverage_bars(frame: pd.DataFrame, *, labels: Mapping[str, str], target: float = 0.8) -> go.Figure:
    """Follow-up coverage per rep (``followup_coverage``), lowest first at the top, labelled
    ``followed / won customers``. Below ``target`` is orange. ``labels``: ``axis``, ``none``.
    """
    f = frame.sort_values(["coverage", "rep"], ascending=[True, True], na_position="first", kind="stable")
    names = [labels["none"] if _missing(r) else plotly_text(r) for r in f["rep"]]
    colours = [GOOD if not _missing(c) and c >= target else WARN for c in f["coverage"]]
    fig = go.Figure(go.Bar(
        y=names, x=f["coverage"].astype("float64").tolist(), orientation="h", marker={"color": colours},
        text=[f"{pct_text(c, 0)} ({int(a)}/{int(w)})" for c, a, w in
              zip(f["coverage"], f["followed_up"], f["won_customers"], strict=True)],
        textposition="outside", cliponaxis=False, hoverinfo="y+text"))
    fig.update_xaxes(range=[0, 1.3], tickformat=".0%", tickvals=[0, 0.25, 0.5, 0.75, 1],
                     title=labels.get("axis"))
    fig.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed",
                     gridcolor="rgba(0,0,0,0)")
    return theme(fig, height=90 + 30 * max(len(names), 1), legend=False)
