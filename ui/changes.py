"""Pipeline changes beyond its page: the one line that says what moved (the Overview and the
meeting's slide), and the link from any deal table to a deal's history across the snapshots."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from analytics import i18n
from analytics.metrics.changes import ChangesResult
from ui import format as fmt
from ui.i18n import current_lang, t

SUMMARY_BUCKETS = ("created", "pushed_out", "won", "lost")


def summary_parts(result: ChangesResult, money: Callable[[object], str], net_key: str = "changes.part.net") -> str:
    """``+3 created (¥1.2M), −2 pushed (…), …, net +¥0.4M``: the movements that happened, then the
    net change in the words of ``net_key`` (the Overview's month, the meeting's period)."""
    counts = result.buckets.set_index("bucket")
    parts = [t(f"changes.part.{b}", n=fmt.number(int(counts.loc[b, "deals"])), amount=money(counts.loc[b, "amount"]))
             for b in SUMMARY_BUCKETS if int(counts.loc[b, "deals"])]
    net = result.amount("end") - result.amount("start")
    parts.append(t(net_key, change=("+" if net >= 0 else "") + money(net)))
    return i18n.join(parts, current_lang())


HISTORY_PAGE = "pipeline_changes"  # the page's url_path (app.py)


def history_url(deal_id: object) -> str | None:
    """The Pipeline changes page showing ``deal_id``'s history, as a link relative to the current
    page (so it holds under any base path); the id is URL-encoded, never pasted in raw."""
    if fmt.missing(deal_id) or not str(deal_id).strip():
        return None
    return f"{HISTORY_PAGE}?{urlencode({'cdeal': str(deal_id), 'lang': current_lang()})}"


def with_history_links(frame: pd.DataFrame, id_column: str = "deal_id") -> pd.DataFrame:
    """``frame`` with a ``history`` column of links (for the screen; downloads keep the plain table)."""
    return frame.assign(history=[history_url(v) for v in frame[id_column]])


def history_column() -> st.column_config.LinkColumn:
    return st.column_config.LinkColumn(t("changes.col.history"), display_text=t("changes.history_link"),
                                       help=t("changes.history_link_help"))
