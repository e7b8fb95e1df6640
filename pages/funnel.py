"""Funnel: where deals stall, how fast they move, why they are lost and who converts best.

Every figure comes from ``analytics.metrics.funnel`` and ``analytics.metrics.performance``. Three switches (kept
in the URL): snapshot or one funnel per created month (``fmode``), which percentage leads
(``fpct``), reached-any or passed-every-stage counting (``fstrict``). A click on a funnel bar
(or the stage picker) lists that stage's deals under the same period and filters.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from analytics.metrics import funnel, performance, process
from analytics.metrics.funnel import FunnelResult
from analytics.periods import add_months, month_start
from analytics.store.report_log import reports_logged
from ui import context, urlstate
from ui import format as fmt
from ui.changes import history_column, with_history_links
from ui.charts import funnel as charts
from ui.charts import show
from ui.components import download_buttons, metric_card, show_table
from ui.i18n import current_lang, t

MODES = ("snapshot", "cohort")
PCTS = ("previous", "first")
STRICTNESS = ("any", "strict")
COMPARE_DIMS = ("team", "rep", "segment", "channel", "lead_source")
LAYOUTS = ("grouped", "small")
TREND_MONTHS = 12
FUNNEL_CHART = "funnel_chart"
COHORT_CHART = "funnel_cohort_chart"
ALL_MONTHS = ""

ctx = context.current()
lang = current_lang()
catalog = st.session_state["_catalog"]
CURRENCY = ctx.currency
UNIT = fmt.with_unit("", CURRENCY, lang)  # " ($)" / "（元）" after a column name; "" when unknown
STAGE_LABELS = {s.key: s.label(lang) for s in ctx.settings.stages}
PERIOD_NAME = fmt.period_label(ctx.period, lang)
BAR_TEXTS = {"of_previous": t("funnel.label.of_previous"), "of_first": t("funnel.label.of_first"),
             "reached": t("funnel.label.reached"), "axis": t("funnel.axis.deals")}


# --- small helpers ------------------------------------------------------------------------------

def money(x: object) -> str:
    return fmt.money(x, CURRENCY, lang)


def days(x: object) -> str:
    return "–" if pd.isna(x) else t("funnel.days", days=fmt.number(x, 1))


def month_name(key: str) -> str:
    return fmt.month(date.fromisoformat(f"{key}-01"), lang)


def group_name(value: object) -> str:
    return t("funnel.compare.none") if value is None or pd.isna(value) else str(value)


def compact_caption(pct: str) -> str:
    other = "first" if pct == "previous" else "previous"
    return t("funnel.compact.caption", lead=t(f"funnel.pct.{pct}"), other=t(f"funnel.pct.{other}"))


def last_month_end() -> date:
    """The end of the trailing windows (cohorts, trends): the period's end, not after as_of."""
    return min(ctx.period.end, ctx.as_of) if ctx.as_of else ctx.period.end


def trailing_start(end: date) -> date:
    return month_start(add_months(end, -(TREND_MONTHS - 1)))


def stage_table(table: pd.DataFrame, extra: list[str] | None = None) -> pd.DataFrame:
    """The funnel table for people: translated stage names and headers, stage order kept."""
    extra = extra or []
    out = table[[*extra, "stage", "reached", "conversion_from_previous", "conversion_from_first",
                 "conversion"]].copy()
    out["stage"] = out["stage"].map(STAGE_LABELS)
    if "created_month" in out:
        out["created_month"] = out["created_month"].map(month_name)
    return out


def pct_col(label: str):
    return st.column_config.NumberColumn(label, format="percent")


def count_col(label: str):
    """A count or an amount: thousands separators, no decimals (the currency is in the header)."""
    return st.column_config.NumberColumn(label, format="localized", step=1)


def money_col(label: str):
    """An amount column of a short table (one row per group): no format of its own, so the texts
    of :func:`money_table` show (万/亿 in Chinese) while it sorts as numbers."""
    return st.column_config.NumberColumn(label)


def money_table(frame: pd.DataFrame, columns: list[str]):
    return fmt.money_cells(frame, columns, CURRENCY, lang)


STAGE_COLUMNS = {
    "created_month": st.column_config.TextColumn(t("funnel.col.created_month")),
    "stage": st.column_config.TextColumn(t("funnel.col.stage")),
    "reached": count_col(t("funnel.col.reached")),
    "conversion_from_previous": pct_col(t("funnel.col.from_previous")),
    "conversion_from_first": pct_col(t("funnel.col.from_first")),
    "conversion": pct_col(t("funnel.col.to_next")),
    "too_young": st.column_config.CheckboxColumn(t("funnel.col.too_young")),
}


# --- load -----------------------------------------------------------------------------------------

def load_switches() -> tuple[str, str, bool]:
    c1, c2, c3 = st.columns(3)
    mode = urlstate.segmented(c1, t("funnel.mode"), MODES, "fmode", "snapshot",
                              format_func=lambda m: t(f"funnel.mode.{m}"), help=t("funnel.mode.help"))
    pct = urlstate.segmented(c2, t("funnel.pct"), PCTS, "fpct", "previous",
                             format_func=lambda p: t(f"funnel.pct.{p}"), help=t("funnel.pct.help"))
    strict = urlstate.segmented(c3, t("funnel.strict"), STRICTNESS, "fstrict", "any",
                                format_func=lambda s: t(f"funnel.strict.{s}"), help=t("funnel.strict.help"))
    return mode, pct, strict == "strict"


def load_funnel(mode: str, strict: bool) -> FunnelResult:
    return ctx.call(funnel.funnel, ctx.period, ctx.filters, ctx.settings, mode=mode, strict=strict,
                    as_of=ctx.as_of)


def load_company() -> dict[str, object]:
    perf = ctx.call(performance.performance, "company", ctx.period, ctx.filters, ctx.settings)
    return perf.iloc[0].to_dict() if len(perf) else {}


def load_trends() -> tuple[pd.DataFrame, list[float]]:
    """Win rate and sales cycle per month: one grouped call (monthly_trend with the cycle)."""
    end = last_month_end()
    start = trailing_start(end)
    trend = ctx.call(performance.monthly_trend, "company", start, end, ctx.filters, with_cycle=True)
    return trend, trend["sales_cycle_days"].tolist()


# --- render ---------------------------------------------------------------------------------------

def render_cards(snap: FunnelResult, company: dict[str, object], trend: pd.DataFrame,
                 cycles: list[float]) -> None:
    table = snap.table
    entered = int(table["reached"].iloc[0]) if len(table) else 0
    signed = int(table["reached"].iloc[-1]) if len(table) else 0
    share = table["conversion_from_first"].iloc[-1] if len(table) else float("nan")
    win_trend = [v for v in trend["win_rate"].tolist() if pd.notna(v)]
    cycle_trend = [v for v in cycles if pd.notna(v)]
    row1 = st.columns(4)
    with row1[0]:
        metric_card(t("funnel.card.entered"), fmt.number(entered), help=t("funnel.card.entered_help"))
    with row1[1]:
        metric_card(t("funnel.card.signed"), f"{fmt.number(signed)} · {fmt.pct(share)}",
                    help=t("funnel.card.signed_help"))
    with row1[2]:
        metric_card(t("funnel.card.win_rate"), fmt.pct(company.get("win_rate")),
                    help=t("funnel.card.win_rate_help"), trend=win_trend)
    with row1[3]:
        metric_card(t("funnel.col.win_rate_value"), fmt.pct(company.get("win_rate_value")),
                    help=t("funnel.card.win_rate_help"))
    row2 = st.columns(4)
    with row2[0]:
        metric_card(t("funnel.card.deal_size"), money(company.get("avg_deal_size")))
    with row2[1]:
        metric_card(t("funnel.card.cycle"), days(company.get("sales_cycle_days")),
                    help=t("funnel.card.cycle_help"), trend=cycle_trend)
    with row2[2]:
        metric_card(t("funnel.col.open_deals"), fmt.number(company.get("open_deals")))
    with row2[3]:
        velocity = company.get("sales_velocity")
        metric_card(t("funnel.card.velocity"),
                    "–" if pd.isna(velocity) else t("funnel.per_day", value=money(velocity)),
                    help=t("funnel.card.velocity_help"))


def render_notes(result: FunnelResult) -> None:
    """What missing stages and dates do to the figures, in the user's language."""
    for problem in result.notes():
        if problem.severity == "warning":
            st.warning(problem.text(lang), icon=":material/warning:")
        else:
            st.caption(":material/info: " + problem.text(lang))


def _clicked(chart_key: str) -> tuple[str, str] | None:
    """(stage key, group) of the bar clicked last in ``chart_key``, if any."""
    state = st.session_state.get(chart_key)
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    for point in points:
        data = point.get("customdata")
        if data and data[0] in STAGE_LABELS:
            return str(data[0]), str(data[1]) if len(data) > 1 else ""
    return None


def apply_click(chart_key: str, months: list[str]) -> None:
    """A new bar click chooses the stage (and cohort month) of the deal list below."""
    clicked = _clicked(chart_key)
    if clicked is None or st.session_state.get(f"_last_click:{chart_key}") == clicked:
        return
    st.session_state[f"_last_click:{chart_key}"] = clicked
    st.session_state["fstage"] = clicked[0]
    if clicked[1] in months:
        st.session_state["fmonth"] = clicked[1]


def render_funnel(result: FunnelResult, mode: str, pct: str) -> list[str]:
    """The funnel chart (snapshot) or one funnel per created month (cohort); returns the months."""
    st.subheader(t("funnel.section.funnel"))
    table = result.table
    if mode == "snapshot":
        st.caption(t("funnel.section.caption"))
        apply_click(FUNNEL_CHART, [])
        fig = charts.funnel_bars(table, STAGE_LABELS, labels=BAR_TEXTS, emphasis=pct,
                                 selected=st.session_state.get("fstage") or None)
        show(fig, key=FUNNEL_CHART, on_select="rerun", filename="funnel")
        months: list[str] = []
        shown = stage_table(table)
    else:
        months = sorted(table["created_month"].dropna().unique().tolist())
        apply_click(COHORT_CHART, months)
        young = set(result.too_young_cohorts)
        st.caption(t("funnel.cohort.caption") + " " + compact_caption(pct))
        fig = charts.funnel_small_multiples(
            table, "created_month", STAGE_LABELS, labels=BAR_TEXTS, emphasis=pct, muted=sorted(young),
            group_label=lambda m: t("funnel.cohort.young", month=month_name(m)) if m in young
            else month_name(m))
        show(fig, key=COHORT_CHART, on_select="rerun", filename="funnel_by_month")
        shown = stage_table(table, ["created_month"])
        shown["too_young"] = table["too_young"].to_numpy()
    render_notes(result)
    with st.expander(t("funnel.table.expander"), icon=":material/table:"):
        st.dataframe(shown, hide_index=True, width="stretch", column_config=STAGE_COLUMNS, placeholder="–")
        download_buttons(shown, f"funnel_{ctx.period.key}", key="funnel_table")
    return months


# A fragment: changing this panel's own controls reruns the panel only, not the whole page.
@st.fragment
def render_stage_deals(strict: bool, months: list[str]) -> None:
    st.subheader(t("funnel.deals.title"), anchor="stage-deals")
    stages = ["", *STAGE_LABELS]
    c1, c2, _ = st.columns([2, 2, 3])
    stage = urlstate.selectbox(c1, t("funnel.deals.stage"), stages, "fstage", "",
                               format_func=lambda k: STAGE_LABELS.get(k, "—"))
    month = ALL_MONTHS
    if not months and "fmonth" in st.query_params:
        del st.query_params["fmonth"]  # a hidden picker's value must not linger in the link
    if months:
        month = urlstate.selectbox(c2, t("funnel.col.created_month"), [ALL_MONTHS, *months], "fmonth",
                                   ALL_MONTHS, format_func=lambda m: month_name(m) if m else t("sidebar.all"))
    if not stage:
        st.caption(t("funnel.deals.prompt"))
        return
    deals = ctx.call(funnel.stage_deals, ctx.period, ctx.filters, ctx.settings, stage, strict=strict,
                     created_month=month or None)
    if month:
        st.caption(t("funnel.deals.caption_month", count=fmt.number(len(deals)), month=month_name(month),
                     stage=STAGE_LABELS[stage]))
    else:
        st.caption(t("funnel.deals.caption", count=fmt.number(len(deals)), period=PERIOD_NAME,
                     stage=STAGE_LABELS[stage]))
    shown = deals[["deal_id", "customer", "rep", "team", "segment", "channel", "stage", "status", "amount",
                   "created_date", "close_date"]].copy()
    shown["status"] = shown["status"].map(lambda s: t(f"funnel.status.{s}") if s in ("open", "won", "lost")
                                          else s)
    # whole amounts (the unit in the header); a page of the list is shown, the downloads hold it all
    show_table(with_history_links(shown), max_px=420, column_config={
        "history": history_column(),
        "deal_id": st.column_config.TextColumn(t("funnel.col.deal_id")),
        "customer": st.column_config.TextColumn(t("dim.customer")),
        "rep": st.column_config.TextColumn(t("dim.rep")),
        "team": st.column_config.TextColumn(t("dim.team")),
        "segment": st.column_config.TextColumn(t("dim.segment")),
        "channel": st.column_config.TextColumn(t("dim.channel")),
        "stage": st.column_config.TextColumn(t("funnel.col.current_stage")),
        "status": st.column_config.TextColumn(t("funnel.col.status")),
        "amount": count_col(t("funnel.col.amount", unit=UNIT)),
        "created_date": st.column_config.DateColumn(t("funnel.col.created")),
        "close_date": st.column_config.DateColumn(t("funnel.col.close")),
    })
    download_buttons(shown, f"deals_{stage}_{ctx.period.key}", key="stage_deals")


# A fragment: changing this panel's own controls reruns the panel only, not the whole page.
@st.fragment
def render_comparison(pct: str, strict: bool) -> None:
    st.subheader(t("funnel.section.compare"))
    c1, c2, _ = st.columns([2, 2, 3])
    by = urlstate.selectbox(c1, t("funnel.compare.by"), COMPARE_DIMS, "fby", "team",
                            format_func=lambda d: t(f"dim.{d}"))
    layout = urlstate.segmented(c2, t("funnel.compare.layout"), LAYOUTS, "fview", "grouped",
                                format_func=lambda v: t(f"funnel.compare.{v}"))
    dim = t(f"dim.{by}")
    result: FunnelResult = ctx.call(funnel.funnel, ctx.period, ctx.filters, ctx.settings, strict=strict,
                                    by=by)
    table = result.table
    if table.empty:
        st.info(t("common.no_data"), icon=":material/search_off:")
    elif layout == "grouped":
        st.caption(t("funnel.compare.caption", period=PERIOD_NAME, dim=dim, pct=t(f"funnel.pct.{pct}")))
        fig = charts.comparison_bars(table, by, STAGE_LABELS, pct=pct, group_label=group_name,
                                     labels={**BAR_TEXTS, "axis": t(f"funnel.pct.{pct}")})
        show(fig, key="funnel_compare", filename=f"funnel_by_{by}")
    else:
        st.caption(t("funnel.compare.small_caption", period=PERIOD_NAME, dim=dim) + " "
                   + compact_caption(pct))
        fig = charts.funnel_small_multiples(table, by, STAGE_LABELS, labels=BAR_TEXTS, emphasis=pct,
                                            group_label=group_name, columns=3)
        show(fig, key="funnel_compare_small", filename=f"funnel_by_{by}")
    render_performance(by, dim)


def render_performance(by: str, dim: str) -> None:
    st.markdown("**" + t("funnel.perf.title", dim=dim) + "**")
    st.caption(t("funnel.perf.caption", period=PERIOD_NAME))
    perf = ctx.call(performance.performance, by, ctx.period, ctx.filters, ctx.settings)
    if perf.empty:
        st.info(t("common.no_data"), icon=":material/search_off:")
        return
    shown = perf[[by, "won_revenue", "revenue_share", "deals_won", "deals_lost", "win_rate", "win_rate_value",
                  "avg_deal_size", "sales_cycle_days", "open_deals", "sales_velocity", "change"]].copy()
    shown[by] = shown[by].map(group_name)
    shown_money = money_table(shown, ["won_revenue", "avg_deal_size", "sales_velocity"])
    st.dataframe(shown_money, hide_index=True, width="stretch", column_config={
        by: st.column_config.TextColumn(dim),
        "won_revenue": money_col(t("funnel.col.won_revenue", unit=UNIT)),
        "revenue_share": pct_col(t("funnel.col.revenue_share")),
        "deals_won": st.column_config.NumberColumn(t("funnel.col.deals_won")),
        "deals_lost": st.column_config.NumberColumn(t("funnel.col.deals_lost")),
        "win_rate": st.column_config.ProgressColumn(t("funnel.col.win_rate"), format="percent", min_value=0,
                                                    max_value=1),
        "win_rate_value": pct_col(t("funnel.col.win_rate_value")),
        "avg_deal_size": money_col(t("funnel.col.avg_deal_size", unit=UNIT)),
        "sales_cycle_days": st.column_config.NumberColumn(t("funnel.col.cycle"), format="%.1f"),
        "open_deals": st.column_config.NumberColumn(t("funnel.col.open_deals")),
        "sales_velocity": money_col(t("funnel.col.velocity", unit=UNIT)),
        "change": pct_col(t("funnel.col.change")),
    }, placeholder="–")
    download_buttons(shown, f"performance_by_{by}_{ctx.period.key}", key="funnel_perf")


def render_cohorts(strict: bool) -> None:
    st.subheader(t("funnel.section.cohorts"))
    end = last_month_end()
    cohorts = ctx.call(funnel.cohort_funnel, trailing_start(end), end, ctx.filters, ctx.settings,
                       strict=strict, as_of=ctx.as_of)
    st.caption(t("funnel.cohorts.caption", end=fmt.day(end, lang)))
    if cohorts.empty:
        st.info(t("common.no_data"), icon=":material/search_off:")
        return
    fig = charts.cohort_heatmap(cohorts, STAGE_LABELS, month_label=month_name,
                                labels={"young": t("funnel.cohorts.young_mark"),
                                        "reached": BAR_TEXTS["reached"],
                                        "colorbar": t("funnel.cohorts.colorbar")})
    show(fig, key="funnel_cohorts", filename="funnel_cohorts")
    shown = cohorts[["created_month", "stage", "reached", "share_of_cohort", "cohort_age_days",
                     "too_young"]].copy()
    shown["created_month"] = shown["created_month"].map(month_name)
    shown["stage"] = shown["stage"].map(STAGE_LABELS)
    with st.expander(t("funnel.table.expander"), icon=":material/table:"):
        st.dataframe(shown, hide_index=True, width="stretch", column_config={
            **STAGE_COLUMNS,
            "share_of_cohort": pct_col(t("funnel.col.share_of_cohort")),
            "cohort_age_days": st.column_config.NumberColumn(t("funnel.col.cohort_age")),
        }, placeholder="–")
        download_buttons(shown, "funnel_cohorts", key="funnel_cohorts_table")


def render_time_in_stage(snap: FunnelResult) -> None:
    st.subheader(t("funnel.section.time"))
    frame = ctx.call(funnel.time_in_stage, ctx.period, ctx.filters, ctx.settings)
    if frame.empty or int(frame["deals"].sum()) == 0:
        if snap.deals == 0:
            st.info(t("common.no_data"), icon=":material/search_off:")
        elif snap.deals_without_stage_dates >= snap.deals:
            st.info(t("funnel.time.none"), icon=":material/schedule:")
        else:
            st.info(t("funnel.time.none_moved", period=PERIOD_NAME), icon=":material/schedule:")
        return
    st.caption(t("funnel.time.caption", period=PERIOD_NAME))
    fig = charts.time_in_stage_bars(frame, STAGE_LABELS, labels={
        "median": t("funnel.time.median"), "p75": t("funnel.time.p75"),
        "days": t("funnel.days", days="{days}"), "axis": t("funnel.time.axis")})
    shown = frame.assign(stage=frame["stage"].map(STAGE_LABELS))
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        show(fig, key="funnel_time", filename="time_in_stage")
    right.dataframe(shown, hide_index=True, width="stretch", column_config={
        "stage": st.column_config.TextColumn(t("funnel.col.stage")),
        "deals": st.column_config.NumberColumn(t("funnel.col.measured")),
        "median_days": st.column_config.NumberColumn(t("funnel.col.median_days"), format="%.1f"),
        "p75_days": st.column_config.NumberColumn(t("funnel.col.p75_days"), format="%.1f"),
    })
    download_buttons(shown, f"time_in_stage_{ctx.period.key}", key="funnel_time_table")


def render_lost_reasons() -> None:
    st.subheader(t("funnel.section.lost"))
    frame = ctx.call(funnel.lost_reasons, ctx.period, ctx.filters)
    if frame.empty:
        st.info(t("funnel.lost.none", period=PERIOD_NAME), icon=":material/thumb_up:")
        return
    st.caption(t("funnel.lost.caption", period=PERIOD_NAME))
    none = t("funnel.lost.no_reason")
    fig = charts.lost_reason_bars(frame, labels={"none": none, "axis": t("funnel.col.lost_deals")})
    shown = frame.assign(lost_reason=frame["lost_reason"].map(
        lambda r: none if r is None or pd.isna(r) else r))
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        show(fig, key="funnel_lost", filename="lost_reasons")
    right.dataframe(money_table(shown, ["amount"]), hide_index=True, width="stretch", column_config={
        "lost_reason": st.column_config.TextColumn(t("funnel.col.lost_reason")),
        "deals": st.column_config.NumberColumn(t("funnel.col.lost_deals")),
        "amount": money_col(t("funnel.col.lost_amount", unit=UNIT)),
        "share": pct_col(t("funnel.col.lost_share")),
    })
    download_buttons(shown, f"lost_reasons_{ctx.period.key}", key="funnel_lost_table")


def render_trends(trend: pd.DataFrame, cycles: list[float]) -> None:
    st.subheader(t("funnel.section.trends"))
    st.caption(t("funnel.trends.caption", end=fmt.day(last_month_end(), lang)))
    months = trend["month"].tolist()
    c1, c2 = st.columns(2)
    with c1:
        fig = charts.trend_line(months, trend["win_rate"].tolist(), month_label=month_name,
                                value_text=lambda v: fmt.pct(v, 0), name=t("funnel.trends.win_rate"),
                                percent=True)
        show(fig, key="funnel_trend_win", filename="win_rate_trend")
    with c2:
        fig = charts.trend_line(months, cycles, month_label=month_name, value_text=lambda v: fmt.number(v),
                                name=t("funnel.trends.cycle"), colour=charts.PALETTE[2])
        show(fig, key="funnel_trend_cycle", filename="sales_cycle_trend")


#: The page behind each step of the process strip (stages: this page's deal list).
STEP_PAGES = {process.FOLLOW_UP: ("pages/customers.py", ":material/contacts:"),
              process.REPORT: ("pages/my_progress.py", ":material/summarize:")}
WON_PAGE = ("pages/overview.py", ":material/dashboard:")


def step_label(step: str) -> str:
    return STAGE_LABELS.get(step) or t(f"funnel.steps.{step}")


def step_value(row: dict) -> str:
    return f"{int(row['count']):,}"


def step_help(row: dict) -> str:
    share = fmt.pct(row["share"], 0)
    key = {"deals": "funnel.steps.help.deals", "customers": "funnel.steps.help.customers",
           "reps": "funnel.steps.help.reps"}[str(row["kind"])]
    return t(key, count=f"{int(row['count']):,}", of=f"{int(row['of']):,}", share=share,
             days=ctx.settings.followup_days)


def render_steps() -> None:
    """The department's six-step process in one strip: each step's figure and the page behind it."""
    st.subheader(t("funnel.steps.title"))
    logged = reports_logged(context.workspace().docs)
    logged = logged[logged["source"].astype("object") == ctx.source.kind] if len(logged) else logged
    steps = ctx.call(process.six_steps, ctx.period, ctx.filters, logged, ctx.settings, as_of=ctx.as_of)
    rows = steps.to_dict("records")
    won_stage = ctx.settings.won_stage
    for col, row in zip(st.columns(len(rows)), rows, strict=True):
        with col:
            step = str(row["step"])
            metric_card(f"{rows.index(row) + 1}. {step_label(step)}", step_value(row), help=step_help(row))
            st.caption(t(f"funnel.steps.of.{row['kind']}", share=fmt.pct(row["share"], 0),
                         of=f"{int(row['of']):,}"))
            if step in STEP_PAGES or step == won_stage:
                page, icon = STEP_PAGES.get(step, WON_PAGE)
                st.page_link(page, label=t(f"funnel.steps.link.{'won' if step == won_stage else step}"), icon=icon)
            else:
                st.markdown(f"[{t('funnel.steps.link.deals')}](#stage-deals)")
    st.caption(t("funnel.steps.note", days=ctx.settings.followup_days))


# --- page -----------------------------------------------------------------------------------------

st.title(t("funnel.title"))
st.caption(t("funnel.intro", period=PERIOD_NAME))
if not catalog.has("deals"):
    st.info(t("funnel.no_deals"), icon=":material/upload_file:")
else:
    MODE, PCT, STRICT = load_switches()
    SNAPSHOT = load_funnel("snapshot", STRICT)
    SHOWN = SNAPSHOT if MODE == "snapshot" else load_funnel("cohort", STRICT)
    COMPANY = load_company()
    TREND, CYCLES = load_trends()

    render_cards(SNAPSHOT, COMPANY, TREND, CYCLES)
    render_steps()
    MONTHS = render_funnel(SHOWN, MODE, PCT)
    render_stage_deals(STRICT, MONTHS)
    st.divider()
    render_comparison(PCT, STRICT)
    st.divider()
    render_cohorts(STRICT)
    st.divider()
    render_time_in_stage(SNAPSHOT)
    st.divider()
    render_lost_reasons()
    st.divider()
    render_trends(TREND, CYCLES)
