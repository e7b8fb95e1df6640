"""Chart building blocks shared by every page: one theme, one palette, one way to show a figure.

Figure-building functions take data frames computed in ``analytics`` and return a Plotly
figure (so tests can check them without a browser); pages pass the figure to :func:`show`.
Page-specific figures live in this package's modules (``attainment``, ``funnel`` …).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from analytics.outputs.palette import PACE_COLOURS
from ui.safe import safe_figure

# Okabe–Ito, distinguishable under the common colour-vision deficiencies (same as the theme).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
GOOD = "#009E73"
WARN = "#E69F00"
BAD = "#D55E00"
NEUTRAL = "#8A94A6"
TARGET_LINE = "#1A1F2B"
PACE_STATUS_COLOURS = PACE_COLOURS  # one home for the pace colours: analytics.outputs.palette

FONT = "Source Sans, 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif"


def theme(fig: go.Figure, *, height: int = 360, legend: bool = True, title: str | None = None) -> go.Figure:
    """The house style: readable on a projector, no chart junk, CJK-capable font."""
    fig.update_layout(
        height=height,
        margin={"l": 8, "r": 8, "t": 40 if title else 12, "b": 8},
        font={"family": FONT, "size": 14, "color": "#1A1F2B"},
        title={"text": title, "x": 0, "font": {"size": 16}} if title else None,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        colorway=PALETTE,
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hoverlabel={"font": {"family": FONT}},
    )
    fig.update_xaxes(showgrid=False, zeroline=False)
    fig.update_yaxes(gridcolor="#E6EBF2", zeroline=False)
    return fig


def money_axis(fig: go.Figure, money: Any, values: Iterable[object], *, axis: str = "y", **where: Any) -> None:
    """Tick a money axis with the labels the cards use (``50万元``, ``$1.5M``): ``money`` is the
    page's formatter (``analytics.outputs.numbers.MoneyFormat``) and ``values`` the plotted
    amounts. A plain callable has no ``ticks``: the axis then keeps Plotly's own labels.
    ``where``: ``row``/``col`` of a subplot."""
    ticks = getattr(money, "ticks", None)
    if ticks is None:
        return
    finite = []
    for v in values:
        try:
            f = float(v)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        if math.isfinite(f):
            finite.append(f)
    tickvals, ticktext = ticks(min(finite, default=0.0), max(finite, default=0.0))
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    update(tickmode="array", tickvals=tickvals, ticktext=ticktext, **where)


def show(fig: go.Figure, key: str, *, on_select: str = "ignore", filename: str | None = None):
    """Render a figure with its own PNG download in the toolbar (named after the chart)."""
    config = {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d"] if on_select == "ignore" else ["lasso2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename or key, "scale": 2},
    }
    return st.plotly_chart(safe_figure(fig), key=key, config=config, on_select=on_select, width="stretch")
