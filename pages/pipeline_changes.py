"""Pipeline changes: what moved in the open pipeline between two snapshots, and who keeps pushing.

Every figure comes from ``analytics.metrics.changes`` over the snapshots kept by
``analytics.store.snapshots``. Page state in the URL: the two snapshots (``cb``, ``ca``) and the
window (``cw``). A click on a bar of the waterfall lists that bucket's deals.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.metrics import changes
from analytics.store import snapshots
from ui import context, urlstate
from ui import format as fmt
from ui.charts import changes as charts
from ui.charts import show
from ui.components import download_buttons, metric_card, show_table
from ui.i18n import t

CHART = "changes_waterfall"
DEAL_COLUMNS = ("deal_id", "rep", "team", "amount", "stage_before", "stage_after", "close_before", "close_after",
                "amount_before", "amount_after", "rep_before")

ctx = context.current()


STAGE_LABELS = {s.key: s.label(ctx.lang) for s in ctx.settings.stages}


money = ctx.money  # the data's currency, in the language's way (万/亿 in Chinese)


def stage_text(label: object) -> object:
    """A stage label of the data in the user's language (the configured stage's name)."""
    if fmt.missing(label):
        return label
    key, status = ctx.settings.classify_stage(str(label))
    if status == "lost":
        return t("changes.status.lost")
    return STAGE_LABELS.get(key, label) if key else label


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Stage and status values in the user's language."""
    out = frame.copy()
    for c in ("stage", "stage_before", "stage_after"):
        if c in out.columns:
            out[c] = out[c].map(stage_text)
    if "status" in out.columns:
        out["status"] = out["status"].map(lambda v: v if fmt.missing(v) else t(f"changes.status.{v}"))
    return out


def bucket_labels() -> dict[str, str]:
    return {b: t(f"changes.bucket.{b}") for b, _ in changes.BUCKETS}


def table(frame: pd.DataFrame, columns: tuple[str, ...], key: str) -> None:
    shown = readable(frame[[c for c in columns if c in frame.columns]])
    config = {c: st.column_config.TextColumn(t(f"changes.col.{c}")) for c in shown.columns}
    for c in shown.columns:
        if c.startswith("amount") or c.endswith("_amount"):
            config[c] = st.column_config.NumberColumn(t(f"changes.col.{c}"), format="localized")
        elif c.startswith("close") or c.endswith("_close") or c == "snapshot_date":
            config[c] = st.column_config.DateColumn(t(f"changes.col.{c}"))
    show_table(shown, column_config=config, max_px=420)
    download_buttons(shown, key, key=key, narrow=True)


def render_history(candidates: list[object]) -> None:
    """One deal across every snapshot; the deal a link asked for (``?cdeal=``, from any deal
    table of the app) comes first, whether or not it moved between the two snapshots."""
    st.subheader(t("changes.history"))
    asked = st.query_params.get("cdeal")
    options = [str(c) for c in dict.fromkeys([*([asked] if asked else []), *candidates])]
    if not options:
        return
    deal = urlstate.selectbox(st, t("changes.history_pick"), options, "cdeal", options[0])
    history = ctx.call(changes.stored_deal_history, deal)
    if history.empty:
        st.caption(t("changes.history_none"))
    else:
        table(history, ("snapshot_date", "stage", "status", "amount", "close_date", "rep"), "deal_history")


st.title(t("changes.title"))
st.caption(t("changes.intro"))

index = ctx.call(snapshots.snapshot_list)
if len(index) < 2:
    if len(index) == 1:
        st.info(t("changes.one", date=fmt.day(index["taken_on"].iloc[0])), icon=":material/history:")
    else:
        st.info(t("changes.none"), icon=":material/history:")
    st.stop()

ids = [str(int(i)) for i in index["snapshot_id"]]
label_of = {str(int(r.snapshot_id)): t("changes.snapshot", date=fmt.day(r.taken_on), rows=fmt.number(r.rows))
            for r in index.itertuples()}
c1, c2, c3 = st.columns([1, 1, 1.2])
after_id = urlstate.selectbox(c2, t("changes.after"), ids, "ca", ids[-1], format_func=label_of.get)
before_default = ids[ids.index(after_id) - 1] if ids.index(after_id) > 0 else ids[0]
before_id = urlstate.selectbox(c1, t("changes.before"), ids, "cb", before_default, format_func=label_of.get)
window = urlstate.segmented(c3, t("changes.window"), list(changes.WINDOWS), "cw", "month",
                            format_func=lambda w: t(f"changes.window.{w}"))
if ids.index(before_id) >= ids.index(after_id):
    st.warning(t("changes.order"), icon=":material/swap_horiz:")
    st.stop()

result: changes.ChangesResult = ctx.call(changes.compare_snapshots, int(before_id), int(after_id), window,
                                         ctx.settings)
labels = bucket_labels()

cards = st.columns(4)
with cards[0]:
    metric_card(labels["start"], money(result.amount("start")))
with cards[1]:
    metric_card(labels["end"], money(result.amount("end")),
                delta=money(result.amount("end") - result.amount("start")))
with cards[2]:
    pushed_n = int(result.buckets.set_index("bucket").loc["pushed_out", "deals"])
    metric_card(t("changes.card.pushed", n=fmt.number(pushed_n)), money(result.amount("pushed_out")))
with cards[3]:
    metric_card(labels["won"], money(result.amount("won")))

left, right = st.columns([3, 1])
with left:
    event = show(charts.waterfall(result.buckets, labels, money), key=CHART, on_select="rerun",
                 filename="pipeline_changes")
with right:
    st.subheader(t("changes.moves"))
    moves = result.stage_moves.set_index("direction") if len(result.stage_moves) else pd.DataFrame()
    for direction in ("progressed", "regressed"):
        n = int(moves.loc[direction, "deals"]) if direction in moves.index else 0
        amount = float(moves.loc[direction, "amount"]) if direction in moves.index else 0.0
        metric_card(t(f"changes.{direction}"), t("changes.moves_value", n=fmt.number(n), amount=money(amount)))
    if result.untracked_before or result.untracked_after:
        st.caption(t("changes.untracked_note", n=fmt.number(result.untracked_before + result.untracked_after)))
    if result.repeated_ids_before or result.repeated_ids_after:
        st.caption(t("changes.repeated_note", before=fmt.number(result.repeated_ids_before),
                     after=fmt.number(result.repeated_ids_after)))
    if result.unknown_amounts:
        st.caption(t("changes.unknown_note", n=fmt.number(result.unknown_amounts)))

points = (event or {}).get("selection", {}).get("points", []) if event else []
picked = next((p.get("customdata") for p in points if p.get("customdata")), None)
if isinstance(picked, list):
    picked = picked[0] if picked else None
if picked and picked in labels and picked not in ("start", "end"):
    rows = result.deals[result.deals["bucket"] == picked]
    st.subheader(t("changes.deals_title", bucket=labels[picked], n=fmt.number(len(rows))))
    table(rows, DEAL_COLUMNS, f"pipeline_{picked}")
else:
    st.caption(t("changes.deals_hint"))

st.subheader(t("changes.by_rep"))
table(result.by_rep, ("rep", "team", "pushed_deals", "pushed_amount", "decreased_amount", "won_amount",
                      "lost_amount"), "pushes_by_rep")

st.subheader(t("changes.slips"))
slipped = ctx.call(changes.serial_slips)
if slipped.empty:
    st.caption(t("changes.slips_none"))
else:
    table(slipped, ("deal_id", "rep", "team", "pushes", "first_close", "last_close", "amount"), "serial_slips")

render_history([*slipped["deal_id"].head(50), *result.deals["deal_id"].dropna().head(200)])
