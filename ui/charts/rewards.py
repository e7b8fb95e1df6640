"""Figures of the KPI & rewards page: the cost of the plan per rep and satisfaction per group.

Each builder takes a frame from ``analytics`` and the already translated labels, and returns a
Plotly figure (no Streamlit call, so tests can check the figures directly).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import format as fmt
from ui.charts import BAD, GOOD, NEUTRAL, PALETTE, WARN, money_axis, theme
from ui.i18n import Lang
from ui.safe import plotly_texts

COMMISSION_COLOUR = PALETTE[0]
TEAM_SHARE_COLOUR = PALETTE[1]
#: CSAT at or above this reads green, below it amber; groups with too few responses are grey.
CSAT_GOOD = 0.8


def _height(rows: int) -> int:
    return max(220, 60 + 30 * rows)


def cost_distribution(
    totals: pd.DataFrame,
    *,
    commission_label: str,
    team_share_label: str,
    currency: str | None = None,
    lang: Lang = "en",
    title: str | None = None,
) -> go.Figure:
    """Stacked horizontal bars per rep: commission and team share (``payouts(...).totals``),
    the most expensive rep on top; reps paid nothing are kept (they show an empty bar). Amounts are
    in ``currency`` (ISO code; None = unknown, plain numbers)."""
    frame = totals.sort_values(["total", "rep"], ascending=[True, False], kind="stable")
    fig = go.Figure()
    for column, label, colour in (
        ("commission", commission_label, COMMISSION_COLOUR),
        ("team_share", team_share_label, TEAM_SHARE_COLOUR),
    ):
        values = frame[column].astype("float64")
        fig.add_bar(
            y=plotly_texts(frame["rep"].astype(str)),
            x=values,
            orientation="h",
            name=label,
            marker_color=colour,
            customdata=[fmt.money(v, currency, lang, compact=False) for v in values],
            hovertemplate="%{y}<br>" + label + ": %{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    money_axis(fig, fmt.money_format(currency, lang), totals["total"], axis="x")
    theme(fig, height=_height(len(frame)), title=title)
    fig.update_layout(legend={"traceorder": "normal", "x": 1, "xanchor": "right"})
    return fig


def satisfaction_bars(
    frame: pd.DataFrame,
    by: str,
    *,
    csat_label: str,
    responses_label: str,
    too_few_label: str,
    title: str | None = None,
) -> go.Figure:
    """CSAT per group (``satisfaction(by=...)``) as bars with the response count on each;
    groups with too few responses to judge are grey. Groups with no CSAT response are left out."""
    data = frame[frame["csat"].notna()].sort_values(["csat", by], ascending=[True, False], kind="stable")
    names = plotly_texts(data[by].astype("object").where(data[by].notna(), "–").astype(str))
    colours = [
        NEUTRAL if few else (GOOD if csat >= CSAT_GOOD else WARN if csat >= 0.5 else BAD)
        for csat, few in zip(data["csat"], data["too_few"], strict=True)
    ]
    notes = [
        f"{fmt.pct(c, 0)} · n={int(n)}" + (f" · {too_few_label}" if few else "")
        for c, n, few in zip(data["csat"], data["csat_responses"], data["too_few"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=data["csat"].astype("float64"),
            orientation="h",
            marker_color=colours,
            text=notes,
            textposition="outside",
            cliponaxis=False,
            name=csat_label,
            customdata=data["csat_responses"].astype("int64"),
            hovertemplate="%{y}<br>"
            + csat_label
            + ": %{x:.0%}<br>"
            + responses_label
            + ": %{customdata}<extra></extra>",
        )
    )
    fig.update_xaxes(range=[0, 1.45], tickvals=[0, 0.25, 0.5, 0.75, 1], tickformat=".0%", title=csat_label)
    return theme(fig, height=_height(len(data)), legend=False, title=title)
