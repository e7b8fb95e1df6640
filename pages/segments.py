"""Segments & channels: where the revenue comes from (ranked bars, the segment × channel matrix),
where it is going (monthly small multiples, change vs previous period and last year), what
promotion returns (lead source cost, conversion, ROI), how concentrated it is (Pareto curve),
new against returning customers and market share.

A click on a bar or a matrix cell of a sidebar dimension (segment, channel, region) adds the
value to the sidebar filter through ``_pending_filters`` (applied by ``ui.sidebar`` before its
widgets exist), so the filter is visible and removable there. Lead source and product are not
sidebar filters: a click on them opens their details on this page.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from analytics import i18n
from analytics.metrics import attainment, performance
from analytics.metrics.performance import top_customers_covering
from analytics.periods import add_months, month_start
from ui import context, urlstate
from ui import format as fmt
from ui.charts import segments as charts
from ui.charts import show
from ui.components import download_buttons, metric_card
from ui.i18n import t
from ui.safe import md

DIMENSIONS = ("segment", "channel", "lead_source", "region", "product")
#: Dimensions a click filters the whole app by (they are sidebar filters).
SIDEBAR_DIMS = ("segment", "channel", "region")
MEASURES = ("won_revenue", "revenue_share", "deals_won", "win_rate", "win_rate_value", "avg_deal_size",
            "sales_cycle_days")
#: Columns of the "all figures" table, in order.
TABLE_MEASURES = ("won_revenue", "revenue_share", "deals_won", "deals_lost", "win_rate", "win_rate_value",
                  "avg_deal_size", "sales_cycle_days", "open_deals", "change", "change_last_year")
TREND_MONTHS = 12
TOP_CUSTOMERS = 20
PENDING = "_pending_filters"
DETAIL = "_segments_detail"
CLICKS = "_segments_clicks"

ctx = context.current()
catalog = st.session_state["_catalog"]
CURRENCY = ctx.currency
PERIOD_LABEL = fmt.period_label(ctx.period)


# --- formats -----------------------------------------------------------------------------------------

money = ctx.money  # call it for a figure; the charts also take its axis ticks


def days(x: object) -> str:
    return "–" if x is None or pd.isna(x) else t("segments.days", days=fmt.number(x))


def measure_format(measure: str):
    kind = charts.MEASURE_KIND[measure]
    if kind == "money":
        return money
    if kind == "fraction":
        return fmt.pct
    if kind == "days":
        return days
    return fmt.number


def roi_text(x: object) -> str:
    return "–" if x is None or pd.isna(x) else f"{float(x) * 100:+,.0f}%"


def dim_label(dim: str) -> str:
    return t(f"dim.{dim}")


def dim_word(dim: str) -> str:
    """The dimension's name inside a sentence ("by lead source")."""
    label = dim_label(dim)
    return i18n.inline(label, ctx.lang)


def money_config(label: str) -> st.column_config.NumberColumn:
    """A money column: no format of its own, so the texts of :func:`money_table` show (万 and 亿 in
    Chinese, which a printf format cannot write) while the column sorts as numbers."""
    return st.column_config.NumberColumn(label)


def money_table(frame: pd.DataFrame, columns: list[str]):
    return fmt.money_cells(frame, columns, CURRENCY, ctx.lang)


def measure_config(measure: str, label: str):
    kind = charts.MEASURE_KIND[measure]
    if kind == "money":
        return money_config(label)
    if kind == "fraction":
        return st.column_config.NumberColumn(label, format="percent")
    if kind == "days":
        return st.column_config.NumberColumn(label, format="%.0f")
    return st.column_config.NumberColumn(label, format="%,d")


def click_key(name: str) -> str:
    """A chart key that changes after every handled click, so the next run starts unselected."""
    return f"{name}:{st.session_state.get(CLICKS, 0)}"


def after_click(pending: dict[str, list[str]] | None = None, detail: tuple[str, str] | None = None) -> None:
    if pending:
        st.session_state[PENDING] = pending
    if detail:
        st.session_state[DETAIL] = detail
    st.session_state[CLICKS] = st.session_state.get(CLICKS, 0) + 1
    st.rerun()


def current_filters() -> dict[str, list[str]]:
    return {d: list(st.session_state.get(d, [])) for d in SIDEBAR_DIMS}


def has_dimension(dim: str) -> bool:
    return bool(catalog.dimension_values.get(dim))


# --- load --------------------------------------------------------------------------------------------

def trend_window() -> tuple[date, date]:
    end = min(ctx.period.end, ctx.as_of)
    return add_months(month_start(end), -(TREND_MONTHS - 1)), end


def performance_by(dim: str, filters=None) -> pd.DataFrame:
    return ctx.call(performance.performance, dim, ctx.period, filters if filters is not None else ctx.filters)


# --- sections ----------------------------------------------------------------------------------------

def render_cards(dim: str, perf: pd.DataFrame, company: pd.DataFrame, company_trend: pd.DataFrame,
                 pareto: pd.DataFrame) -> None:
    c1, c2, c3, c4 = st.columns(4)
    row = company.iloc[0] if len(company) else None
    with c1:
        change = None if row is None else row["change"]
        delta = None
        if row is not None:
            delta = (t("segments.card.no_previous") if pd.isna(change)
                     else t("segments.card.vs_previous", change=fmt.pct(change, signed=True)))
        metric_card(t("segments.card.revenue"), money(None if row is None else row["won_revenue"]),
                    delta=delta, delta_color="off" if change is None or pd.isna(change) else "normal",
                    help=t("segments.card.revenue_help"), trend=company_trend["won_revenue"].tolist())
    with c2:
        metric_card(t("segments.card.win_rate"), fmt.pct(None if row is None else row["win_rate"]),
                    help=t("segments.card.win_rate_help"))
    with c3:
        top = charts.ranked(perf, dim, "won_revenue") if len(perf) else perf
        top = top[top["won_revenue"] > 0] if len(top) else top
        if len(top):
            # a share is not a change: no arrow (metric_card has no such option)
            st.metric(t("segments.card.largest", dim=dim_word(dim)),
                      charts.raw_value(top.iloc[0][dim]) or t("segments.none"), border=True,
                      delta=t("segments.card.share_of_revenue", share=fmt.pct(top.iloc[0]["revenue_share"])),
                      delta_color="off", delta_arrow="off")
        else:
            metric_card(t("segments.card.largest", dim=dim_word(dim)), "–")
    with c4:
        count = top_customers_covering(pareto)
        value = "–" if count is None else t("segments.card.concentration_value", count=f"{count:,}",
                                             total=f"{len(pareto):,}")
        metric_card(t("segments.card.concentration"), value)


def render_ranked(dim: str, measure: str, perf: pd.DataFrame) -> None:
    st.subheader(t("segments.ranked", measure=t(f"segments.m.{measure}"), dim=dim_word(dim)),
                 help=t("segments.ranked_help"))
    if not has_dimension(dim):
        st.info(t("segments.no_dimension", dim=dim_label(dim)), icon=":material/table_rows:")
        return
    if perf.empty:
        st.info(t("segments.no_closed", dim=dim_word(dim), period=PERIOD_LABEL), icon=":material/search_off:")
        return
    labels = {"measure": t(f"segments.m.{measure}"), "vs_previous": t("segments.vs_previous"),
              "vs_last_year": t("segments.vs_last_year")}
    if measure != "won_revenue":  # the change columns are always about revenue
        labels["revenue"] = t("segments.m.won_revenue")
    fig = charts.ranked_bars(perf, dim, measure, fmt_value=measure_format(measure), none_label=t("segments.none"),
                             labels=labels)
    event = show(fig, key=click_key(f"seg_bars_{dim}"), on_select="rerun", filename=f"{dim}_{measure}")
    notes = [t("segments.click_filters") if dim in SIDEBAR_DIMS
             else t("segments.click_details", dim=dim_word(dim))]
    if len(perf) > charts.TOP_N:
        notes.append(t("segments.top_n", shown=charts.TOP_N, total=f"{len(perf):,}"))
    st.caption(" ".join(notes))
    picked = [v for v in charts.clicked(event) if isinstance(v, str) and v]
    if picked:
        if dim in SIDEBAR_DIMS:
            after_click(pending=charts.add_to_filters(current_filters(), {dim: picked[0]}))
        else:
            after_click(detail=(dim, picked[0]))


def render_details(dim: str, perf: pd.DataFrame, roi: pd.DataFrame) -> None:
    """The figures of a clicked lead source or product, and its revenue by segment and channel."""
    detail = st.session_state.get(DETAIL)
    if not detail:
        return
    if detail[0] != dim:
        st.session_state.pop(DETAIL, None)
        return
    value = detail[1]
    rows = perf[perf[dim] == value]
    with st.container(border=True):
        head, close = st.columns([5, 1], vertical_alignment="center")
        head.subheader(t("segments.details", dim=dim_label(dim), value=md(value)))
        close.button(t("segments.details_close"), icon=":material/close:", key="seg_detail_close",
                     on_click=lambda: st.session_state.pop(DETAIL, None))
        if rows.empty:
            st.info(t("segments.no_closed", dim=dim_word(dim), period=PERIOD_LABEL))
            return
        row = rows.iloc[0]
        cards = [(t("segments.m.won_revenue"), money(row["won_revenue"]),
                  None if pd.isna(row["change"]) else fmt.pct(row["change"], signed=True)),
                 (t("segments.m.deals_won"), fmt.number(row["deals_won"]), None),
                 (t("segments.m.win_rate"), fmt.pct(row["win_rate"]), None),
                 (t("segments.m.avg_deal_size"), money(row["avg_deal_size"]), None),
                 (t("segments.m.sales_cycle_days"), days(row["sales_cycle_days"]), None)]
        if dim == "lead_source":
            source = roi[roi["lead_source"] == value]
            if len(source) and pd.notna(source.iloc[0]["cost"]):
                cards += [(t("segments.details_cost"), money(source.iloc[0]["cost"]), None),
                          (t("segments.details_roi"), fmt.pct(source.iloc[0]["roi"]), None)]
        for col, (label, shown, delta) in zip(st.columns(len(cards)), cards, strict=True):
            col.metric(label, shown, delta=delta, delta_description=t("segments.vs_previous") if delta else None,
                       border=True)
        slice_ = replace(ctx.filters, **{dim: (value,)})
        breakdowns = [d for d in ("segment", "channel") if has_dimension(d)]
        for col, by in zip(st.columns(max(1, len(breakdowns))), breakdowns, strict=False):
            with col:
                st.markdown("**" + t("segments.details_by", dim=dim_word(by)) + "**")
                frame = performance_by(by, slice_)
                show(charts.detail_bars(frame, by, money=money, none_label=t("segments.none")),
                     key=f"seg_detail_{by}", filename=f"{dim}_{by}")


def render_table(dim: str, perf: pd.DataFrame) -> None:
    if perf.empty:
        return
    with st.expander(t("segments.all_figures", dim=dim_word(dim)), icon=":material/table_view:"):
        shown = perf[[dim, *TABLE_MEASURES]].copy()
        shown[dim] = shown[dim].astype("object").where(shown[dim].notna(), t("segments.none"))
        headers = {dim: dim_label(dim), **{m: t(f"segments.m.{m}") for m in TABLE_MEASURES}}
        shown = shown.rename(columns=headers)
        money_columns = [headers[m] for m in TABLE_MEASURES if charts.MEASURE_KIND[m] == "money"]
        st.dataframe(money_table(shown, money_columns), hide_index=True, width="stretch", key="seg_table",
                     column_config={headers[m]: measure_config(m, headers[m]) for m in TABLE_MEASURES}, placeholder="–")
        download_buttons(shown, f"performance_by_{dim}", key="seg_table_dl")


def render_matrix(measure: str) -> None:
    st.subheader(t("segments.matrix"), help=t("segments.matrix_help", measure=t(f"segments.m.{measure}")))
    missing = [dim_word(d) for d in ("segment", "channel") if not has_dimension(d)]
    if missing:
        st.info(t("segments.matrix_missing", missing=" / ".join(missing)), icon=":material/grid_off:")
        return
    frame = ctx.call(performance.matrix, "segment", "channel", measure, ctx.period, ctx.filters)
    if frame.empty:
        st.info(t("segments.no_closed", dim=dim_word("segment"), period=PERIOD_LABEL), icon=":material/search_off:")
        return
    order = {d: performance_by(d)[d].tolist() for d in ("segment", "channel")}
    fig = charts.matrix_heatmap(frame, "segment", "channel", fmt_value=measure_format(measure),
                                none_label=t("segments.none"), row_order=order["segment"],
                                col_order=order["channel"],
                                labels={"rows": dim_label("segment"), "cols": dim_label("channel"),
                                        "measure": t(f"segments.m.{measure}")})
    event = show(fig, key=click_key("seg_matrix"), on_select="rerun", filename=f"segment_channel_{measure}")
    for cell in charts.clicked(event):
        if isinstance(cell, (list, tuple)) and len(cell) == 2 and all(cell):
            after_click(pending=charts.add_to_filters(current_filters(),
                                                      {"segment": cell[0], "channel": cell[1]}))


def render_trends(dim: str, measure: str, perf: pd.DataFrame) -> None:
    value = "win_rate" if measure in ("win_rate", "win_rate_value") else "won_revenue"
    start, end = trend_window()
    st.subheader(t("segments.trends", measure=i18n.inline(t(f"segments.m.{value}"), ctx.lang), dim=dim_word(dim)),
                 help=t("segments.trends_help", start=fmt.day(start), end=fmt.day(end)))
    if not has_dimension(dim):
        st.info(t("segments.no_dimension", dim=dim_label(dim)), icon=":material/table_rows:")
        return
    frame = ctx.call(performance.monthly_trend, dim, start, end, ctx.filters)
    if frame.empty:
        st.info(t("segments.no_closed", dim=dim_word(dim), period=f"{fmt.day(start)} – {fmt.day(end)}"),
                icon=":material/search_off:")
        return
    order = charts.ranked(perf, dim, "won_revenue")[dim].tolist() if len(perf) else []
    order += [v for v in frame[dim].drop_duplicates() if v not in order]
    fig = charts.trend_multiples(
        frame, dim, value, order, month_label=lambda m: fmt.month(date(int(m[:4]), int(m[5:7]), 1)),
        fmt_value=money if value == "won_revenue" else fmt.pct,
        tickformat=None if value == "won_revenue" else ".0%",
        none_label=t("segments.none"))
    show(fig, key=f"seg_trends_{dim}", filename=f"{dim}_monthly_{value}")
    shown = frame[dim].nunique(dropna=False)
    if shown > charts.MAX_PANELS:
        st.caption(t("segments.trends_more", shown=charts.MAX_PANELS, total=f"{shown:,}"))


def render_promotion(roi: pd.DataFrame) -> None:
    st.subheader(t("segments.promotion"), help=t("segments.promotion_help"))
    if not has_dimension("lead_source"):
        st.info(t("segments.no_lead_source"), icon=":material/campaign:")
        return
    has_costs = catalog.has("campaigns")
    other_filters = [d for d in ctx.filters.active() if d != "lead_source"]
    if not has_costs:
        st.info(t("segments.no_campaigns"), icon=":material/payments:")
    elif other_filters:
        st.info(t("segments.cost_filtered", dims=", ".join(dim_word(d) for d in other_filters)),
                icon=":material/filter_alt:")
    else:
        missing = [charts.raw_value(s) or t("segments.none")
                   for s, c, n in zip(roi["lead_source"], roi["cost"], roi["leads"], strict=True)
                   if pd.isna(c) and n > 0]
        if missing:
            st.caption(":material/info: " + t("segments.cost_missing", sources=", ".join(md(s) for s in missing)))
    if roi.empty:
        st.info(t("common.no_data"), icon=":material/search_off:")
        return
    columns = ["lead_source", "leads", "won", "conversion", "won_revenue"]
    if has_costs:
        columns += ["cost", "cost_per_won", "roi"]
    shown = roi[columns].copy()
    shown["lead_source"] = shown["lead_source"].astype("object").where(shown["lead_source"].notna(),
                                                                       t("segments.none"))
    headers = {"lead_source": dim_label("lead_source"), **{c: t(f"segments.col.{c}") for c in columns[1:]}}
    shown = shown.rename(columns=headers)
    config = {headers["leads"]: st.column_config.NumberColumn(headers["leads"], format="%,d"),
              headers["won"]: st.column_config.NumberColumn(headers["won"], format="%,d"),
              headers["conversion"]: st.column_config.ProgressColumn(
                  headers["conversion"], format="percent", min_value=0.0,
                  max_value=max(0.01, float(roi["conversion"].max(skipna=True) or 0.0))),
              headers["won_revenue"]: money_config(headers["won_revenue"])}
    display = shown.copy()
    if has_costs:
        # an unknown cost must read "–" (a number column would show "None"), so these are texts
        whole = money.cell
        for col, text in ((headers["cost"], whole), (headers["cost_per_won"], whole), (headers["roi"], roi_text)):
            display[col] = [text(v) for v in display[col]]
            config[col] = st.column_config.TextColumn(col, alignment="right")
    st.dataframe(money_table(display, [headers["won_revenue"]]), hide_index=True, width="stretch", key="seg_promotion",
                 column_config=config, placeholder="–")
    download_buttons(shown, "lead_source_roi", key="seg_promotion_dl")


def render_pareto(pareto: pd.DataFrame) -> None:
    st.subheader(t("segments.pareto"))
    if pareto.empty or pareto["won_revenue"].sum() <= 0:
        st.info(t("segments.no_customers", period=PERIOD_LABEL), icon=":material/groups:")
        return
    count = top_customers_covering(pareto)
    fig = charts.pareto_curve(pareto, count, money=money, labels={
        "line": t("segments.pareto_line", count=f"{count:,}"), "x": t("segments.pareto_x"),
        "y": t("segments.pareto_y")})
    show(fig, key="seg_pareto", filename="revenue_concentration")
    with st.expander(t("segments.top_customers"), icon=":material/leaderboard:"):
        shown = pareto.rename(columns={"rank": t("segments.col.rank"), "customer": dim_label("customer"),
                                       "won_revenue": t("segments.col.won_revenue"),
                                       "cum_share": t("segments.col.cum_share")})
        shown = shown[[t("segments.col.rank"), dim_label("customer"), t("segments.col.won_revenue"),
                       t("segments.col.cum_share")]]
        st.dataframe(money_table(shown.head(TOP_CUSTOMERS), [t("segments.col.won_revenue")]), hide_index=True, width="stretch", key="seg_top_customers",
                     column_config={t("segments.col.won_revenue"): money_config(t("segments.col.won_revenue")),
                                    t("segments.col.cum_share"): st.column_config.NumberColumn(
                                        t("segments.col.cum_share"), format="percent")}, placeholder="–")
        download_buttons(shown, "customers_by_revenue", key="seg_customers_dl", narrow=True)


def render_new_returning(frame: pd.DataFrame) -> None:
    st.subheader(t("segments.new_returning"), help=t("segments.new_returning_help"))
    if frame["won_revenue"].sum() <= 0 and frame["customers"].sum() == 0:
        st.info(t("segments.no_customers", period=PERIOD_LABEL), icon=":material/groups:")
        return
    labels = {k: t(f"segments.type.{k}") for k in ("new", "returning")}
    show(charts.new_returning_bar(frame, labels=labels, money=money), key="seg_new_returning",
         filename="new_vs_returning")
    shown = frame.assign(customer_type=frame["customer_type"].map(labels)).drop(columns="deals_won").rename(
        columns={"customer_type": t("segments.col.customer_type"), "customers": t("segments.col.customers"),
                 "won_revenue": t("segments.col.won_revenue"), "revenue_share": t("segments.col.share_short")})
    st.dataframe(money_table(shown, [t("segments.col.won_revenue")]), hide_index=True, width="stretch",
                 key="seg_new_returning_table", column_config={
        t("segments.col.won_revenue"): money_config(t("segments.col.won_revenue")),
        t("segments.col.share_short"): st.column_config.NumberColumn(t("segments.col.share_short"),
                                                                     format="percent")}, placeholder="–")
    download_buttons(shown, "new_vs_returning", key="seg_new_returning_dl", narrow=True)


def render_market_share() -> None:
    st.subheader(t("segments.market"), help=t("segments.market_help"))
    if not catalog.has("markets"):
        st.caption(":material/info: " + t("segments.no_markets"))
        return
    frame = ctx.call(attainment.market_share, ctx.period, ctx.filters)
    if frame.empty or frame["share"].notna().sum() == 0:
        st.caption(":material/info: " + t("segments.no_markets"))
        return
    show(charts.market_share_bars(frame, money=money, none_label=t("segments.none"), labels={
        "share": t("segments.col.share"), "revenue": t("segments.col.won_revenue"),
        "market_size": t("segments.col.market_size")}), key="seg_market", filename="market_share")
    shown = frame.copy()
    shown["segment"] = shown["segment"].astype("object").where(shown["segment"].notna(), t("segments.none"))
    shown = shown.rename(columns={"segment": dim_label("segment"), "won_revenue": t("segments.col.won_revenue"),
                                  "market_size": t("segments.col.market_size"), "share": t("segments.col.share")})
    st.dataframe(money_table(shown, [t("segments.col.won_revenue"), t("segments.col.market_size")]),
                 hide_index=True, width="stretch", key="seg_market_table", column_config={
        t("segments.col.won_revenue"): money_config(t("segments.col.won_revenue")),
        t("segments.col.market_size"): money_config(t("segments.col.market_size")),
        t("segments.col.share"): st.column_config.NumberColumn(t("segments.col.share"), format="percent")}, placeholder="–")
    download_buttons(shown, "market_share", key="seg_market_dl", narrow=True)


# --- page --------------------------------------------------------------------------------------------

st.title(t("segments.title"))
st.caption(t("segments.intro", period=PERIOD_LABEL))
c_dim, c_measure, _ = st.columns([3, 2, 1])
DIM = urlstate.segmented(c_dim, t("segments.dimension"), DIMENSIONS, "sdim", "segment", format_func=dim_label)
MEASURE = urlstate.selectbox(c_measure, t("segments.measure"), MEASURES, "smeas", "won_revenue",
                             format_func=lambda m: t(f"segments.m.{m}"))

TREND_START, TREND_END = trend_window()
perf = performance_by(DIM)
if not has_dimension(DIM):  # every row would be "(not set)"
    perf = perf.iloc[0:0]
company = performance_by("company")
company_trend = ctx.call(performance.monthly_trend, "company", TREND_START, TREND_END, ctx.filters)
pareto = ctx.call(performance.pareto, ctx.period, ctx.filters)
roi = ctx.call(performance.lead_source_roi, ctx.period, ctx.filters)
new_returning = ctx.call(performance.new_vs_returning, ctx.period, ctx.filters)

render_cards(DIM, perf, company, company_trend, pareto)
left, right = st.columns([3, 2], gap="large")
with left:
    render_ranked(DIM, MEASURE, perf)
with right:
    render_matrix(MEASURE)
render_details(DIM, perf, roi)
render_table(DIM, perf)
render_trends(DIM, MEASURE, perf)
render_promotion(roi)
left, right = st.columns([3, 2], gap="large")
with left:
    render_pareto(pareto)
with right:
    render_new_returning(new_returning)
    render_market_share()
