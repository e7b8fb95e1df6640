"""The pipeline waterfall (Plotly's waterfall) for the Pipeline changes page and the meeting.

The builder takes the ``buckets`` frame of ``analytics.metrics.changes.ChangesResult`` and
already-translated labels and a money formatter, so it runs and is tested without Streamlit.
Each bar carries its bucket key in ``customdata`` so a click lists that bucket's deals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go

from ui.charts import BAD, GOOD, NEUTRAL, PALETTE, theme

Fmt = Callable[[object], str]


def waterfall(buckets: pd.DataFrame, labels: Mapping[str, str], money: Fmt, *, height: int = 420,
              title: str | None = None) -> go.Figure:
    """Start, the movements (up: created, pulled in, increased, untracked; down: the rest), end."""
    shown = buckets[(buckets["bucket"].isin(["start", "end"])) | (buckets["signed"] != 0)]
    measure = ["absolute" if b == "start" else "total" if b == "end" else "relative" for b in shown["bucket"]]
    values = [float(v) if b != "end" else 0.0 for b, v in zip(shown["bucket"], shown["signed"], strict=True)]
    fig = go.Figure(go.Waterfall(
        x=[labels[b] for b in shown["bucket"]],
        measure=measure,
        y=values,
        text=[money(v) for v in shown["signed"]],
        textposition="outside",
        customdata=list(shown["bucket"]),
        hovertext=[f"{labels[b]}: {money(v)} · {int(n)}" for b, v, n in
                   zip(shown["bucket"], shown["signed"], shown["deals"], strict=True)],
        hoverinfo="text",
        connector={"line": {"color": NEUTRAL, "width": 1}},
        increasing={"marker": {"color": GOOD}},
        decreasing={"marker": {"color": BAD}},
        totals={"marker": {"color": PALETTE[0]}},
    ))
    theme(fig, height=height, legend=False, title=title)
    fig.update_yaxes(showticklabels=False)
    return fig
