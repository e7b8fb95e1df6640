"""Figures of the Overview and My progress pages (targets and attainment).

Every builder takes frames from ``analytics.metrics.attainment`` and the already-translated labels (so
they run, and are tested, without a Streamlit session) and returns a Plotly figure. Attainment
is a fraction (1.0 = 100 % of target); an owner without a target is shown as "no target", never
as 0 % or infinity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from ui.charts import NEUTRAL, PACE_STATUS_COLOURS, PALETTE, TARGET_LINE, money_axis, theme
from ui.format import missing as _missing
from ui.format import pct as _pct
from ui.safe import plotly_text

#: Pace statuses in the order a legend lists them.
PACE_STATUSES = ("ahead", "on_pace", "behind", "no_target")
#: The heatmap's colour scale runs from HEAT_LOW to HEAT_HIGH attainment, centred on 100 %.
HEAT_LOW, HEAT_HIGH = 0.5, 1.5
HEAT_SCALE = [[0.0, "#D55E00"], [0.5, "#F4F6F9"], [1.0, "#009E73"]]
BAR_ROW_HEIGHT = 30

Money = Callable[[object], str]


def shows_pace(frame: pd.DataFrame, expected: float) -> bool:
    """Whether an attainment chart of ``frame`` draws the pace marker at ``expected`` (the pace
    share, ``analytics.metrics.attainment.pace_share``): only while the period runs and some
    owner in it has a target to be on pace with."""
    return not _missing(expected) and 0 < expected < 1 and bool(frame["target"].notna().any())


# --- figures ---------------------------------------------------------------------------------------

def attainment_bars(frame: pd.DataFrame, owner: str, *, expected: float, labels: Mapping[str, str],
                    money: Money, height: int | None = None) -> go.Figure:
    """Horizontal attainment bars, best at the top, coloured by pace status, with the 100 % line
    and a pace marker at ``expected`` (the pace share; see :func:`shows_pace`).

    ``labels``: the pace statuses (``ahead``, ``on_pace``, ``behind``, ``no_target``), ``axis``,
    ``target_line``, ``pace``, ``actual``, ``target``. Owners without a target get a grey "no
    target" label at zero instead of a bar.
    """
    f = frame.copy()
    f[owner] = [plotly_text(o) for o in f[owner].fillna("–").astype("str")]  # a name is text, never markup
    f["_x"] = f["attainment"].astype("float64")
    f = f.sort_values(["_x", owner], ascending=[True, False], na_position="first", kind="stable")
    order = f[owner].tolist()
    fig = go.Figure()
    for status in PACE_STATUSES:
        part = f[f["pace_status"] == status]
        if part.empty:
            continue
        no_target = status == "no_target"
        x = [0.0] * len(part) if no_target else part["_x"].tolist()
        text = [labels["no_target"]] * len(part) if no_target else [_pct(v) for v in part["_x"]]
        hover = [f"{o}<br>{labels['actual']}: {money(a)}<br>{labels['target']}: "
                 f"{labels['no_target'] if _missing(tg) else money(tg)}"
                 for o, a, tg in zip(part[owner], part["actual"], part["target"], strict=True)]
        fig.add_trace(go.Bar(
            y=part[owner].tolist(), x=x, orientation="h", name=labels[status],
            marker={"color": PACE_STATUS_COLOURS[status]}, text=text,
            textposition="outside" if not no_target else "outside", cliponaxis=False,
            hovertext=hover, hoverinfo="text"))
    top = max([1.0, *[v for v in f["_x"] if not _missing(v)]])
    # the 100 % label sits right of its line and the pace label left of its own, so they never collide
    fig.add_vline(x=1.0, line={"color": TARGET_LINE, "width": 2},
                  annotation={"text": labels["target_line"], "yanchor": "bottom"}, annotation_position="top right")
    if shows_pace(f, expected):
        fig.add_vline(x=expected, line={"color": NEUTRAL, "width": 2, "dash": "dash"},
                      annotation={"text": labels["pace"], "yanchor": "bottom"}, annotation_position="top left")
    fig.update_xaxes(tickformat=".0%", range=[0, top * 1.18], title=None)
    fig.update_yaxes(categoryorder="array", categoryarray=order, gridcolor="rgba(0,0,0,0)", title=None)
    fig.update_layout(barmode="overlay", bargap=0.35)
    theme(fig, height=height or max(200, 130 + BAR_ROW_HEIGHT * len(order)))
    # the legend goes under the axis, so the 100 % and pace labels have the top to themselves
    fig.update_layout(margin={"t": 28, "b": 8},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.1, "x": 0})
    return fig


def cumulative_chart(frame: pd.DataFrame, *, labels: Mapping[str, str], money: Money,
                     date_format: str = "%d %b") -> go.Figure:
    """Cumulative actual within the period against the target line and last year.

    ``frame`` is ``cumulative_actual`` (date, actual_cum, target_cum, last_year_cum); a series that
    is all NaN (no target, no deals a year ago) is left out. ``labels``: actual, target,
    last_year, axis. ``date_format`` is the d3 format of the day ticks (``%m月%d日`` in Chinese).
    """
    fig = go.Figure()
    series = (("actual_cum", "actual", PALETTE[0], "solid", 3),
              ("target_cum", "target", TARGET_LINE, "dash", 2),
              ("last_year_cum", "last_year", NEUTRAL, "dot", 2))
    for column, label, colour, dash, width in series:
        values = frame[column].astype("float64")
        if values.notna().sum() == 0:
            continue
        fig.add_trace(go.Scatter(
            x=frame["date"], y=values, mode="lines", name=labels[label],
            line={"color": colour, "dash": dash, "width": width},
            hovertext=[f"{labels[label]}: {money(v)}" for v in values], hoverinfo="x+text"))
    fig.update_yaxes(title=labels["axis"], rangemode="tozero")
    money_axis(fig, money, [v for c in ("actual_cum", "target_cum", "last_year_cum") for v in frame[c]])
    fig.update_xaxes(title=None, tickformat=date_format, hoverformat="%Y-%m-%d")
    return theme(fig, height=340)


def heatmap(frame: pd.DataFrame, owner: str, *, month_label: Callable[[date], str],
            labels: Mapping[str, str], money: Money) -> go.Figure:
    """Owner x month attainment (``monthly_attainment``), green above 100 %, orange-red below.

    A month with actuals but no target reads "no target"; a month not yet started is blank.
    ``labels``: no_target, actual, target, colorbar.
    """
    f = frame.copy()
    f[owner] = [plotly_text(o) for o in f[owner].fillna("–").astype("str")]  # a name is text, never markup
    months = sorted(pd.to_datetime(f["month"]).dt.date.unique())
    owners = sorted(f[owner].unique(), reverse=True)  # plotly draws the first row at the bottom
    f["_month"] = pd.to_datetime(f["month"]).dt.date
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    hover: list[list[str]] = []
    cells = {(o, m): r for o, m, r in zip(f[owner], f["_month"], f.to_dict("records"), strict=True)}
    for o in owners:
        zr: list[float | None] = []
        tr: list[str] = []
        hr: list[str] = []
        for m in months:
            r = cells.get((o, m), {})
            att, act, tgt = r.get("attainment"), r.get("actual"), r.get("target")
            zr.append(None if _missing(att) else float(att))  # type: ignore[arg-type]
            if not _missing(att):
                tr.append(_pct(att))
            elif not _missing(act) and _missing(tgt):
                tr.append(labels["no_target"])
            else:
                tr.append("")
            hr.append(f"{o} · {month_label(m)}<br>{labels['actual']}: {money(act)}<br>{labels['target']}: "
                      f"{labels['no_target'] if _missing(tgt) else money(tgt)}")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    fig = go.Figure(go.Heatmap(
        z=z, x=[month_label(m) for m in months], y=owners, text=text, texttemplate="%{text}",
        textfont={"size": 12}, hovertext=hover, hoverinfo="text", colorscale=HEAT_SCALE, zmin=HEAT_LOW,
        zmax=HEAT_HIGH, xgap=2, ygap=2,
        colorbar={"title": {"text": labels["colorbar"]}, "tickformat": ".0%", "thickness": 12}))
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_yaxes(showgrid=False)
    return theme(fig, height=max(220, 80 + 34 * len(owners)), legend=False)


def pace_bullet(row: Mapping[str, object], *, labels: Mapping[str, str], money: Money) -> go.Figure:
    """One rep's actual as a bar against the target (solid line) and the expected-to-date figure
    (dashed), coloured by pace status. ``labels``: actual, target, pace."""
    actual = 0.0 if _missing(row.get("actual")) else float(row["actual"])  # type: ignore[arg-type]
    target = row.get("target")
    expected = row.get("expected_to_date")
    status = str(row.get("pace_status") or "no_target")
    fig = go.Figure(go.Bar(
        x=[actual], y=[labels["actual"]], orientation="h", marker={"color": PACE_STATUS_COLOURS[status]},
        text=[money(actual)], textposition="inside", insidetextanchor="start", hoverinfo="skip",
        showlegend=False, width=0.5))
    top = actual
    if not _missing(target):
        top = max(top, float(target))  # type: ignore[arg-type]
        fig.add_vline(x=float(target), line={"color": TARGET_LINE, "width": 3},  # type: ignore[arg-type]
                      annotation={"text": f"{labels['target']} {money(target)}"}, annotation_position="top")
        if not _missing(expected) and float(expected) < float(target):  # type: ignore[arg-type]
            fig.add_vline(x=float(expected), line={"color": NEUTRAL, "width": 2, "dash": "dash"},  # type: ignore[arg-type]
                          annotation={"text": f"{labels['pace']} {money(expected)}"},
                          annotation_position="bottom")
    fig.update_xaxes(range=[0, max(top, 1.0) * 1.12], showticklabels=False)
    fig.update_yaxes(showticklabels=False, gridcolor="rgba(0,0,0,0)")
    theme(fig, height=150, legend=False)
    fig.update_layout(margin={"l": 8, "r": 8, "t": 30, "b": 30})
    return fig


def monthly_trend(frame: pd.DataFrame, *, month_label: Callable[[date], str], labels: Mapping[str, str],
                  money: Money) -> go.Figure:
    """Monthly actual as bars with the monthly target as a line (``monthly_attainment`` rows of one
    owner). Months without a target break the line. ``labels``: actual, target."""
    months = [month_label(pd.Timestamp(m).date()) for m in frame["month"]]
    actual = frame["actual"].astype("float64")
    target = frame["target"].astype("float64")
    fig = go.Figure()
    fig.add_trace(go.Bar(x=months, y=actual, name=labels["actual"], marker={"color": PALETTE[0]},
                         hovertext=[f"{labels['actual']}: {money(v)}<br>{_pct(a)}"
                                    for v, a in zip(actual, frame["attainment"], strict=True)],
                         hoverinfo="x+text"))
    if target.notna().any():
        fig.add_trace(go.Scatter(x=months, y=target, name=labels["target"], mode="lines+markers",
                                 line={"color": TARGET_LINE, "width": 2}, connectgaps=False,
                                 hovertext=[f"{labels['target']}: {money(v)}" for v in target],
                                 hoverinfo="x+text"))
    fig.update_yaxes(rangemode="tozero")
    money_axis(fig, money, [*actual, *target])
    return theme(fig, height=320)


__all__ = ["PACE_STATUSES", "attainment_bars", "cumulative_chart", "heatmap", "monthly_trend", "pace_bullet",
           "shows_pace"]
