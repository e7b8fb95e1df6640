"""Meeting mode: the dashboard on the big screen, one story per slide.

Overview (company actual, target, attainment and forecast, the pace line and the cumulative
chart) → teams (attainment bars) → funnel → segments (won revenue) → leaderboard (reps ranked by
attainment, with their pace status and, only when switched on, their payout) → pipeline changes
(the period's waterfall between the snapshots framing it, and its one line). Previous / next
buttons and an optional automatic advance move between the slides (``?slide=2``); reps' names
can be replaced by "Rep A, B, …" (``?anon=1``); pay figures are hidden unless switched on
(``?pay=1``). The sidebar still runs (period and filters come from the link) but is hidden, as
are Streamlit's header and the data banner. Every figure comes from ``analytics`` through
``ctx.call``, as on the pages the charts are borrowed from.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.messages import InputError
from analytics.metrics import attainment, changes, funnel, payouts, performance
from ui import charts, context, plan_editor, urlstate
from ui import format as fmt
from ui import meeting as mt
from ui.changes import summary_parts
from ui.charts import attainment as ac
from ui.charts import changes as wc
from ui.charts import funnel as fc
from ui.charts import segments as sc
from ui.components import no_targets_notice
from ui.i18n import t
from ui.safe import md
from ui.sidebar import FILTER_DIMS

ctx = context.current()
catalog = st.session_state["_catalog"]
period, filters, as_of, settings = ctx.period, ctx.filters, ctx.as_of, ctx.settings
lang = ctx.lang
CURRENCY = ctx.currency
PERIOD_LABEL = fmt.period_label(period, lang)
STAGE_LABELS = {s.key: s.label(lang) for s in settings.stages}
FULL_RUN = "_meeting_full_run"
#: Chart heights (px) that fill a 1080-pixel-high screen under the slide header.
CHART_HEIGHT = 820
CUMULATIVE_HEIGHT = 540


# --- small helpers ---------------------------------------------------------------------------------

money = ctx.money  # call it for a figure; the charts also take its axis ticks
money_full = money.full


missing = fmt.missing


def status_label(status: str) -> str:
    return t(f"overview.status.{status}")


def chart_labels() -> dict[str, str]:
    labels = {s: status_label(s) for s in ac.PACE_STATUSES}
    labels.update(axis=t("overview.chart.axis"), target_line=t("overview.chart.target_line"),
                  pace=t("overview.chart.pace"), actual=t("overview.chart.actual"),
                  target=t("overview.chart.target"), last_year=t("overview.chart.last_year"))
    return labels


def auto_label(option: str) -> str:
    return t("meeting.auto.off") if option == "off" else t("meeting.auto.every", seconds=option)


def show(fig, key: str, height: int = CHART_HEIGHT) -> None:
    charts.show(mt.big_figure(fig, height=height), key=f"meeting_{key}", filename=f"meeting_{key}")


def att(by: str) -> pd.DataFrame:
    return ctx.call(attainment.attainment, period, by, filters, as_of=as_of, settings=settings)


# --- state: which slide, and the presenter's switches ----------------------------------------------

def current_slide() -> int:
    """The slide shown: seeded once from the link's ``slide``, then moved by the buttons; the
    link always says where the meeting is."""
    if mt.SLIDE_STATE not in st.session_state:
        st.session_state[mt.SLIDE_STATE] = mt.parse_slide(st.query_params.get(mt.SLIDE_KEY))
    slide = mt.parse_slide(st.session_state[mt.SLIDE_STATE])
    st.query_params[mt.SLIDE_KEY] = str(slide)
    return slide


def move(delta: int) -> None:
    st.session_state[mt.SLIDE_STATE] = mt.step(mt.parse_slide(st.session_state.get(mt.SLIDE_STATE)), delta)


def auto_advance(seconds: int | None) -> None:
    """Every ``seconds``, go to the next slide (after the last, back to the first)."""
    if not seconds:
        return
    st.session_state[FULL_RUN] = True

    @st.fragment(run_every=seconds)
    def tick() -> None:
        if st.session_state.pop(FULL_RUN, False):  # the run that drew the slide: wait for the timer
            return
        move(1)
        st.rerun(scope="app")

    tick()


# --- the frame: title, period and filters, buttons --------------------------------------------------

def render_bar(slide: int) -> tuple[bool, bool, int | None]:
    """The slide's title, the period and filters, and the controls; returns (anonymise, show pay,
    seconds between automatic advances)."""
    head, prev, pos, nxt, opts, leave = st.columns([7.2, 1.5, 1.0, 1.5, 1.5, 2.5], vertical_alignment="center")
    prev.button(t("meeting.previous"), icon=":material/chevron_left:", key="meeting_prev", on_click=move,
                args=(-1,), width="stretch")
    with pos.container(key="meeting-position"):
        st.markdown(mt.position(slide))
    nxt.button(t("meeting.next"), icon=":material/chevron_right:", key="meeting_next", on_click=move, args=(1,),
               width="stretch")
    with opts.popover(t("meeting.options"), icon=":material/tune:", width="stretch"):
        auto = urlstate.selectbox(st, t("meeting.auto"), mt.AUTO_OPTIONS, mt.AUTO_KEY, "off", format_func=auto_label)
        anon = urlstate.toggle(st, t("meeting.anon"), mt.ANON_KEY)
        pay = urlstate.toggle(st, t("meeting.pay"), mt.PAY_KEY, default=False, help=t("meeting.pay_help"))
        # Pay beside anonymous names needs its own, explicit switch: never from a link.
        beside = anon and pay and st.toggle(t("meeting.anon_pay"), key=mt.ANON_PAY_KEY,
                                            help=t("meeting.anon_pay_help"))
    if anon and pay and not beside:
        st.caption(":material/visibility_off: " + t("meeting.anon_pay_hidden"))
    elif anon and beside:
        st.warning(t("meeting.anon_pay_warning"), icon=":material/warning:")
    pay = mt.pay_visible(pay, anon, bool(beside))
    leave.button(t("meeting.exit"), icon=":material/close_fullscreen:", key="meeting_exit",
                 on_click=mt.exit_meeting, type="primary", width="stretch")
    with head:
        st.title(t(f"meeting.slide.{mt.SLIDES[slide - 1]}"), anchor=False)
        st.caption(header_line(rep_names() if anon else None))
    return anon, pay, mt.auto_seconds(auto)


def header_line(names: dict[str, str] | None) -> str:
    """``Nov 2026 · figures as of 30 Nov 2026 · Filters: Team: East`` (data values escaped)."""
    line = t("meeting.header", period=PERIOD_LABEL, date=fmt.day(as_of, lang))
    used = mt.filters_in_use(filters, FILTER_DIMS, names)
    if not used:
        return f"{line} · {t('meeting.no_filters')}"
    parts = "; ".join(f"{t(f'dim.{dim}')}: " + ", ".join(md(v) for v in values) for dim, values in used)
    return f"{line} · {t('meeting.filters', filters=parts)}"


def rep_names() -> dict[str, str]:
    """Every rep the data knows → "Rep A" …, so a rep keeps the same letter on every slide and
    whatever the filters."""
    return mt.anonymise_reps(catalog.dimension_values.get("rep", ()), t("meeting.rep_prefix"), mt.meeting_seed())


# --- slides ----------------------------------------------------------------------------------------

def slide_overview() -> None:
    company = att("company").iloc[0].to_dict()
    previous = period.previous()
    no_target = missing(company["target"])
    change = company.get("change_vs_previous")
    gap = company.get("gap")
    points = attainment.pace_points(company)
    c = st.columns(4)
    with c[0]:
        st.metric(t("overview.card.actual"), money(company["actual"]), border=True,
                  delta=None if missing(change) else t("meeting.vs_previous", change=fmt.pct(change, signed=True),
                                                        previous=fmt.period_label(previous, lang)))
    with c[1]:
        gap_text = None
        if not missing(gap):
            gap_text = (t("meeting.gap_open", gap=money(gap)) if gap > 0 else t("meeting.gap_met", gap=money(-gap)))
        st.metric(t("overview.card.target"), t("common.no_target") if no_target else money(company["target"]),
                  delta=gap_text, delta_color="off", delta_arrow="off", border=True)
    with c[2]:
        st.metric(t("overview.card.attainment"), t("common.no_target") if no_target else fmt.pct(company["attainment"]),
                  delta=None if missing(points) else t("meeting.vs_pace", points=f"{points * 100:+.1f}"),
                  border=True)
    with c[3]:
        st.metric(t("overview.card.forecast"), money(company["forecast"]), delta=t("meeting.forecast_note"),
                  delta_color="off", delta_arrow="off", border=True)
    with st.container(key="meeting-pace"):
        st.markdown(pace_line(company))
    frame = ctx.call(attainment.cumulative_actual, period, filters, as_of=as_of)
    labels = chart_labels() | {"axis": t("overview.cum_axis")}
    show(ac.cumulative_chart(frame, labels=labels, money=money, date_format=t("overview.date_format")),
         "cumulative", height=CUMULATIVE_HEIGHT)


def pace_line(company: dict) -> str:
    """One sentence: the pace status, attainment against what the pace expects today."""
    if missing(company["target"]):
        return "" if not catalog.has("targets") else ":gray[" + t("meeting.pace.no_target") + "]"
    elapsed, days = period.elapsed_days(as_of), period.days
    status = str(company["pace_status"])
    colour = {"ahead": "green", "on_pace": "blue", "behind": "red"}.get(status, "gray")
    if elapsed <= 0:
        text = t("meeting.pace.not_started")
    elif elapsed >= days:
        text = t("meeting.pace.over", status=status_label(status), attainment=fmt.pct(company["attainment"]))
    else:
        text = t("meeting.pace.running", status=status_label(status), attainment=fmt.pct(company["attainment"]),
                 expected=fmt.pct(attainment.pace_share(period, as_of)), date=fmt.day(as_of, lang), elapsed=elapsed,
                 days=days)
    return f":{colour}[{text}]"


def slide_teams() -> None:
    teams = att("team")
    if teams.empty:
        st.info(t("meeting.nothing"), icon=":material/search_off:")
        return
    expected = attainment.pace_share(period, as_of)
    teams = teams.assign(team=teams["team"].fillna(t("meeting.no_team")))
    labels = chart_labels()
    fig = ac.attainment_bars(teams, "team", expected=expected, labels=labels, money=money)

    def text(row) -> str:
        if missing(row["target"]):
            return f"{labels['no_target']} · {money(row['actual'])}"
        return t("meeting.bar_text", pct=f"<b>{fmt.pct(row['attainment'])}</b>", actual=money(row["actual"]),
                 target=money(row["target"]))

    mt.label_bars(fig, teams, "team", text)
    top = max([1.0, *[v for v in teams["attainment"].astype("float64") if not missing(v)]])
    fig.update_xaxes(range=[0, top * 1.5])  # room for the longer labels at 20 px
    fig.update_layout(bargap=0.3)
    show(fig, "teams", height=CHART_HEIGHT - 40)
    st.caption(t("meeting.teams_note") if ac.shows_pace(teams, expected) else t("meeting.teams_note_no_pace"))


def slide_funnel() -> None:
    result = ctx.call(funnel.funnel, period, filters, settings, mode="snapshot", strict=False, as_of=as_of)
    labels = {"of_previous": t("funnel.label.of_previous"), "of_first": t("funnel.label.of_first"),
              "reached": t("funnel.label.reached"), "axis": t("funnel.axis.deals")}
    if result.table.empty or int(result.table["reached"].max() or 0) == 0:
        st.info(t("meeting.nothing"), icon=":material/search_off:")
        return
    fig = fc.funnel_bars(result.table, STAGE_LABELS, labels=labels, emphasis="previous")
    fig.update_layout(clickmode="none")
    show(fig, "funnel", height=CHART_HEIGHT - 40)
    st.caption(t("meeting.funnel_note", period=PERIOD_LABEL))


def slide_segments() -> None:
    if not catalog.dimension_values.get("segment"):
        st.info(t("meeting.no_segments"), icon=":material/table_rows:")
        return
    perf = ctx.call(performance.performance, "segment", period, filters)
    if perf.empty:
        st.info(t("meeting.nothing"), icon=":material/search_off:")
        return
    fig = sc.ranked_bars(perf, "segment", "won_revenue", fmt_value=money, none_label=t("segments.none"),
                         labels={"measure": t("segments.m.won_revenue"), "vs_previous": t("segments.vs_previous"),
                                 "vs_last_year": t("segments.vs_last_year")})
    fig.update_layout(clickmode="none", margin={"t": 48})
    show(fig, "segments", height=CHART_HEIGHT - 40)
    st.caption(t("meeting.segments_note", period=PERIOD_LABEL))


def slide_leaderboard(anon: bool, pay: bool) -> None:
    reps = att("rep")
    if reps.empty:
        st.info(t("meeting.no_reps"), icon=":material/search_off:")
        return
    totals = None
    if pay:
        pin = plan_editor.plan_in_use()
        result = ctx.call(payouts.payouts_for, period, filters, pin, as_of=as_of, settings=settings, scope=ctx.scope)
        if result.problems:
            st.caption(":material/event_busy: " + t("meeting.pay_unavailable", problem=md(
                result.problems[0].text(lang))))
            pay = False
        else:
            totals = result.totals
    board = attainment.leaderboard(reps, totals)
    names = rep_names() if anon else None
    parts = mt.split_rows(len(board))
    with st.container(key="meeting-board", gap=None):
        if len(parts) == 1:
            board_rows(board, names, pay, wide=True)
        else:  # many reps: two narrower halves side by side, in smaller type
            for half, (column, rows) in enumerate(zip(st.columns(len(parts), gap="large"), parts, strict=True)):
                with column, st.container(key=f"meeting-half-{half}"):
                    board_rows(board.iloc[list(rows)], names, pay, wide=False)
    note = t("meeting.board_note")
    if pay:  # pay is shown only under a valid plan
        note += " " + t("meeting.pay_plan", plan=md(pin.plan.name))
    st.caption(note)


def board_rows(rows: pd.DataFrame, names: dict[str, str] | None, pay: bool, wide: bool) -> None:
    """Header and one row per rep: rank, name, team (one column of reps only, and never beside
    anonymous names: a small team would give the name away), the attainment bar in the pace
    colour, attainment, pace status and, when shown, the payout."""
    widths = [0.6, 3.0, 2.0, 5.0, 1.7, 2.3] if wide else [0.7, 3.0, 0.0, 2.4, 1.7, 2.3]
    if names is not None:
        widths[2] = 0.0
    if pay:
        widths.append(2.2)
    keep = [i for i, w in enumerate(widths) if w > 0]
    heads = [t("meeting.col.rank"), t("meeting.col.rep"), t("dim.team"), "", t("meeting.col.attainment"),
             t("meeting.col.pace"), t("meeting.col.payout")]
    for col, i in zip(st.columns([widths[i] for i in keep], vertical_alignment="bottom"), keep, strict=True):
        col.caption(heads[i])
    for index, row in zip(rows.index, rows.to_dict("records"), strict=True):
        status = str(row["pace_status"])
        with st.container(key=f"meeting-row-{index}-{status}"):
            cols = dict(zip(keep, st.columns([widths[i] for i in keep], vertical_alignment="center"), strict=True))
        cols[0].markdown("–" if missing(row["rank"]) else f"**{int(row['rank'])}**")
        cols[1].markdown(md(mt.shown_name(row["rep"], names)))
        if 2 in cols:
            cols[2].markdown(md("–" if missing(row["team"]) else row["team"]))
        cols[3].progress(float(row["bar"]))
        cols[4].markdown("–" if missing(row["attainment"]) else f"**{fmt.pct(row['attainment'])}**")
        cols[5].badge(status_label(status), color=mt.PACE_BADGE_COLOURS.get(status, "gray"))
        if pay:
            cols[6].markdown(md(money_full(row["payout"])))


def slide_changes() -> None:
    """The period's pipeline waterfall, between the snapshots framing the period, and its one
    line. It names nobody (no rep, no team), so it is the same with anonymous names."""
    try:
        found = ctx.call(changes.period_changes, period.start, period.end, settings=settings)
    except InputError as refused:
        st.warning(md(" ".join(p.text(lang) for p in refused.problems)), icon=":material/block:")
        return
    if found is None:
        st.info(t("meeting.changes_none", period=PERIOD_LABEL), icon=":material/history:")
        return
    with st.container(key="meeting-changes-line"):
        st.markdown(md(t("meeting.changes_line", before=fmt.day(found.before, lang),
                         after=fmt.day(found.after, lang), parts=summary_parts(found.result, money, "meeting.changes_net"))))
    labels = {b: t(f"changes.bucket.{b}") for b, _ in changes.BUCKETS}
    fig = wc.waterfall(found.result.buckets, labels, money)
    fig.update_layout(clickmode="none")
    show(fig, "changes", height=CHART_HEIGHT - 80)
    note = t("meeting.changes_note", period=PERIOD_LABEL)
    if filters.active():
        note += " " + t("meeting.changes_filters")
    st.caption(note)


SLIDE_RENDERERS = {"overview": slide_overview, "teams": slide_teams, "funnel": slide_funnel,
                   "segments": slide_segments, "changes": slide_changes}


# --- page ------------------------------------------------------------------------------------------

st.html(mt.CSS)
with st.container(key="meeting"):
    slide = current_slide()
    anonymise, show_pay, seconds = render_bar(slide)
    name = mt.SLIDES[slide - 1]
    if not catalog.has("deals"):
        st.info(t("meeting.no_deals"), icon=":material/upload_file:")
    else:
        if name in ("overview", "teams", "leaderboard"):  # the slides that show attainment
            no_targets_notice(catalog)
        if name == "leaderboard":
            slide_leaderboard(anonymise, show_pay)
        else:
            SLIDE_RENDERERS[name]()
    auto_advance(seconds)
