"""The one line that says what moved in the pipeline (the Overview and the meeting's slide)."""

from __future__ import annotations

from collections.abc import Callable

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
