"""My progress: one rep's attainment against pace, the gap and what closes it, the last twelve
months against target, the rank among peers (can be hidden) and the follow-ups due this week.

The rep is chosen in the page (URL key ``me``; the Overview's rep table links here with it). The
sidebar's period and region/segment/channel filters apply; the team and rep filters pick the
peers the rep is ranked among. Every figure comes from ``analytics``.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from analytics.metrics import attainment, customers, progress, standing
from analytics.metrics.attainment import rank_among_peers
from analytics.periods import add_months, month_start
from ui import charts, context, urlstate
from ui import format as fmt
from ui.changes import history_column, history_url
from ui.charts import attainment as ac
from ui.components import download_buttons, metric_card, no_data, no_targets_notice, report_button, show_table
from ui.i18n import t

ctx = context.current()
catalog = st.session_state["_catalog"]
period, filters, as_of, settings = ctx.period, ctx.filters, ctx.as_of, ctx.settings
CURRENCY = ctx.currency
TREND_MONTHS = 12
FOLLOWUP_DAYS = 7
BADGE_COLOURS = {"ahead": "green", "on_pace": "blue", "behind": "red", "no_target": "gray"}
BADGE_ICONS = {"ahead": ":material/trending_up:", "on_pace": ":material/trending_flat:",
               "behind": ":material/trending_down:", "no_target": ":material/flag:"}


money = ctx.money  # call it for a figure; the charts also take its axis ticks


def money_cells(frame: pd.DataFrame, columns: list[str]):
    return fmt.money_cells(frame, columns, CURRENCY, ctx.lang)


missing = fmt.missing


def count(x: object) -> str:
    return "–" if missing(x) else f"{int(x):,}"  # type: ignore[call-overload]


# --- choose the rep -------------------------------------------------------------------------------

def choose_rep(options: list[str]) -> tuple[str, bool]:
    default = next((r for r in filters.rep if r in options), options[0])
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    rep = urlstate.selectbox(left, t("dim.rep"), options, "me", default)
    show_rank = urlstate.toggle(right, t("my_progress.show_rank"), "rank", default=True)
    return rep, show_rank


# --- load -----------------------------------------------------------------------------------------

def load(rep: str) -> dict[str, object]:
    own = replace(filters, rep=(rep,), team=())  # the rep's own figures, whatever team filter is set
    slice_ = filters.without("rep", "team")
    kw = {"as_of": as_of, "settings": settings}
    trend_end = month_start(min(period.end, max(as_of, period.start)))
    data: dict[str, object] = {
        "row": ctx.call(attainment.attainment, period, "rep", own, **kw),
        "peers": ctx.call(attainment.attainment, period, "rep", filters.without("rep"), **kw),
        "open": ctx.call(attainment.open_deals_for_gap, period, rep, settings=settings, filters=slice_),
        "overdue": ctx.call(progress.overdue_open_deals, rep, as_of, settings=settings, filters=slice_),
        "trend": ctx.call(attainment.monthly_attainment, add_months(trend_end, 1 - TREND_MONTHS), trend_end,
                          "rep", own, as_of=as_of),
    }
    if catalog.has("activities"):
        data["followups"] = ctx.call(customers.overdue_followups, as_of, slice_, rep=rep,
                                     horizon_days=FOLLOWUP_DAYS)
    return data


# --- render ---------------------------------------------------------------------------------------

def render_pace(row: dict, rank: tuple[object, int] | None) -> None:
    status = str(row["pace_status"])
    st.badge(t(f"overview.status.{status}"), icon=BADGE_ICONS[status], color=BADGE_COLOURS[status])
    no_target = missing(row["target"])
    elapsed, days = period.elapsed_days(as_of), period.days
    c = st.columns(5 if rank is not None else 4)
    points = attainment.pace_points(row)
    with c[0]:
        metric_card(t("my_progress.card.attainment"),
                    t("common.no_target") if no_target else fmt.pct(row["attainment"]),
                    delta=None if missing(points) else t("my_progress.vs_pace", value=f"{points * 100:+.1f}"),
                    help=t("my_progress.help.attainment"))
    with c[1]:
        metric_card(t("my_progress.card.actual"), money(row["actual"]))
    with c[2]:
        metric_card(t("overview.card.target"), t("common.no_target") if no_target else money(row["target"]))
    with c[3]:
        metric_card(t("my_progress.card.days_left"), f"{attainment.days_left(period, as_of):,}",
                    help=t("my_progress.help.days_left", days=days))
    if rank is not None:
        with c[4]:
            metric_card(t("my_progress.card.rank", count=rank[1]), str(rank[0]), help=t("my_progress.help.rank", count=rank[1]))
    if no_target:
        if catalog.has("targets"):  # with none loaded at all, the page said so once at the top
            st.info(t("my_progress.no_target"), icon=":material/flag:")
        return
    charts.show(ac.pace_bullet(row, labels={"actual": t("my_progress.chart.actual"),
                                            "target": t("my_progress.chart.target"),
                                            "pace": t("my_progress.chart.pace")}, money=money),
                key="my_progress_bullet", filename="attainment_against_pace")
    if 0 < elapsed < days:
        st.caption(t("my_progress.pace_caption", elapsed=elapsed, days=days,
                     expected=fmt.pct(attainment.pace_share(period, as_of), 0), amount=money(row["expected_to_date"])))


def render_cover(row: dict) -> None:
    """"Your open pipeline covers N % of the gap", said plainly, with what is short if it cannot."""
    cover = progress.gap_cover(row)
    if cover is None:
        return
    values = {"share": fmt.pct(cover.share, 0), "pipeline": money(cover.open_pipeline), "gap": money(cover.gap)}
    if cover.covers:
        st.info(t("my_progress.cover_ok", **values), icon=":material/check_circle:")
    else:
        st.warning(t("my_progress.cover_short", **values, short=money(cover.short_if_all_won)),
                   icon=":material/report:")


def render_overdue(overdue: pd.DataFrame) -> None:
    """A badge and the list of open deals whose expected close date has passed (any period)."""
    if overdue.empty:
        return
    st.badge(t("my_progress.overdue_badge", n=len(overdue)), icon=":material/event_busy:", color="orange")
    with st.expander(t("my_progress.overdue_list", n=len(overdue))):
        shown = pd.DataFrame({
            t("my_progress.col.deal"): overdue["deal_id"].astype("str"),
            t("dim.customer"): overdue["customer"].astype("str"),
            t("dim.stage"): [ctx.settings.stage_name(s, ctx.lang) for s in overdue["stage"]],
            t("my_progress.col.amount"): overdue["amount"].astype("float64"),
            t("my_progress.col.close"): pd.to_datetime(overdue["close_date"]).dt.date,
            t("my_progress.col.overdue_days"): overdue["days_overdue"].astype("Int64"),
        })
        linked = shown.assign(**{t("changes.col.history"): [history_url(d) for d in overdue["deal_id"]]})
        st.dataframe(money_cells(linked, [t("my_progress.col.amount")]), hide_index=True, width="stretch",
                     key="my_progress_overdue", placeholder="–",
                     column_config={t("changes.col.history"): history_column()})


def render_gap(row: dict, deals: pd.DataFrame, overdue: pd.DataFrame) -> None:
    st.subheader(t("my_progress.section.gap"))
    if not missing(row["target"]):
        gap = float(row["gap"])
        if gap > 0 and period.elapsed_days(as_of) >= period.days:
            st.caption(t("my_progress.ended_short", amount=money(gap)))
        c = st.columns(4)
        with c[0]:
            if gap <= 0:
                metric_card(t("my_progress.card.gap"), t("my_progress.exceeded"),
                            delta=t("my_progress.over_by", amount=money(-gap)))
            else:
                metric_card(t("my_progress.card.gap"), money(gap))
        with c[1]:
            metric_card(t("my_progress.card.per_day"), money(row["required_per_day"]),
                        help=t("my_progress.help.per_day"))
        with c[2]:
            metric_card(t("my_progress.card.deals_needed"), count(row["deals_needed"]),
                        help=t("my_progress.help.deals_needed", size=money(row["avg_deal_size"])))
        with c[3]:
            metric_card(t("my_progress.card.deals_at_rate"), count(row["deals_needed_at_win_rate"]),
                        help=t("my_progress.help.deals_at_rate", rate=fmt.pct(row["win_rate"])))
        render_cover(row)
    render_overdue(overdue)
    if deals.empty:
        st.caption(t("my_progress.no_open_deals"))
        return
    st.caption(t("my_progress.open_deals_caption", period=fmt.period_label(period),
                 weighted=money(row["weighted_pipeline"]), forecast=money(row["forecast"])))
    shown = pd.DataFrame({
        t("my_progress.col.deal"): deals["deal_id"].astype("str"),
        t("dim.customer"): deals["customer"].astype("str"),
        t("dim.stage"): [ctx.settings.stage_name(s, ctx.lang) for s in deals["stage"]],
        t("my_progress.col.amount"): deals["amount"].astype("float64"),
        t("my_progress.col.probability"): deals["probability"].astype("float64"),
        t("my_progress.col.weighted"): deals["weighted_value"].astype("float64"),
        t("my_progress.col.close"): pd.to_datetime(deals["close_date"]).dt.date,
        t("my_progress.col.status"): [t("my_progress.overdue_by", days=int(d)) if d > 0 else ""
                                      for d in progress.days_overdue(deals["close_date"], as_of)],
    })

    def styled(page: pd.DataFrame):
        out = money_cells(page, [t("my_progress.col.amount"), t("my_progress.col.weighted")])
        return out.format("{:.0%}", subset=[t("my_progress.col.probability")], na_rep="–")

    linked = shown.assign(**{t("changes.col.history"): [history_url(d) for d in deals["deal_id"]]})
    show_table(linked, style=styled, key="my_progress_open", column_config={t("changes.col.history"): history_column()})
    download_buttons(shown, f"open_deals_{period.key}", key="my_progress_open_dl")


def render_trend(trend: pd.DataFrame) -> None:
    st.subheader(t("my_progress.section.trend"))
    if trend.empty:
        no_data()
        return
    fig = ac.monthly_trend(trend, month_label=lambda m: fmt.month(m),
                           labels={"actual": t("my_progress.chart.actual"), "target": t("my_progress.chart.target")},
                           money=money)
    charts.show(fig, key="my_progress_trend", filename="monthly_trend")


def render_followups(frame: pd.DataFrame | None) -> None:
    st.subheader(t("my_progress.section.followups"))
    if frame is None:
        st.info(t("my_progress.no_activities"), icon=":material/event_busy:")
        return
    if frame.empty:
        st.caption(t("my_progress.no_followups"))
        return
    st.caption(t("my_progress.followups_caption"))
    shown = pd.DataFrame({
        t("dim.customer"): frame["customer"].astype("str"),
        t("my_progress.col.followup"): pd.to_datetime(frame["next_followup_date"]).dt.date,
        t("my_progress.col.days_overdue"): frame["days_overdue"].astype("int64"),
        t("my_progress.col.deal"): frame["deal_id"].astype("str"),
    })
    show_table(shown, key="my_progress_followups")
    download_buttons(shown, "followups", key="my_progress_followups_dl")


def signed_in_rep() -> bool:
    return ctx.scope.role == "rep" and ctx.scope.mode == "team"


def rank_of(rep: str, peers: pd.DataFrame) -> tuple[object, int]:
    """(rank text, number of ranked peers): the rep's place among the peers with a target."""
    ranks = rank_among_peers(peers)
    ranked = int(ranks.notna().sum())
    mine = ranks[peers["rep"] == rep]
    if mine.empty:
        return t("my_progress.not_in_peers"), ranked
    if missing(mine.iloc[0]):
        return t("my_progress.unranked"), ranked
    return t("my_progress.rank_value", rank=int(mine.iloc[0])), ranked


def render_standing(me: str) -> None:
    """A signed-in rep reads only their own rows; their team's and the company's attainment and
    the attainment leaderboard (rank, name, %: no amounts, no pay) come from the whole team's
    data through the aggregate-only functions of ``analytics.metrics.standing``."""
    team = ctx.scope.user.teams[0] if ctx.scope.user and ctx.scope.user.teams else None
    totals = ctx.call_standing(standing.team_and_company, period, team, settings=ctx.settings)
    board = ctx.call_standing(standing.leaderboard, period, settings=ctx.settings)
    st.subheader(t("scope.standing.title"))
    for column, (label, value) in zip(st.columns(2), [("scope.standing.team_total", totals["team"]),
                                                      ("scope.standing.company_total", totals["company"])],
                                      strict=True):
        with column:
            metric_card(t(label), t("common.no_target") if value is None else fmt.pct(value))
    shown = pd.DataFrame({t("scope.standing.rank"): board["rank"], t("scope.standing.rep"): board["rep"],
                          t("scope.standing.attainment"): [fmt.pct(x) for x in board["attainment"]]})
    show_table(shown, key="my_progress_standing")


# --- page -----------------------------------------------------------------------------------------

st.title(t("my_progress.title", period=fmt.period_label(period)))
st.caption(t("my_progress.intro", date=fmt.day(as_of)))
rep_options = list(catalog.dimension_values.get("rep", ()))
if not rep_options:
    st.info(t("my_progress.no_reps"), icon=":material/upload_file:")
else:
    no_targets_notice(catalog)
    me, show_rank = choose_rep(rep_options)
    report_button(ctx, rep=me, include_pay=True, key="my_report")
    data = load(me)
    rows = data["row"]
    rows = rows[rows["rep"] == me]
    if rows.empty:
        st.info(t("my_progress.nothing"), icon=":material/search_off:")
    else:
        row = rows.iloc[0].to_dict()
        # a signed-in rep's session holds their own rows only: they rank on the whole team's
        # leaderboard (attainment only), not among the one rep their copy holds
        peers = ctx.call_standing(standing.leaderboard, period, settings=ctx.settings) if signed_in_rep() \
            else data["peers"]
        rank = rank_of(me, peers) if show_rank else None
        render_pace(row, rank if rank and rank[1] else None)  # nobody has a target: no ranking
        render_gap(row, data["open"], data["overdue"])
    if signed_in_rep():
        render_standing(me)
    render_trend(data["trend"])
    render_followups(data.get("followups"))
