"""Overview: the director's monthly review. Are we on target, who is behind, what closes the gap.

Cards (actual, target, attainment and forecast against the previous period, the first three with
a twelve-month sparkline; coverage against the coverage needed); attainment by team and rep against
the 100 % line and the pace marker; cumulative actual against the target line and last year; the
rep table (a selected row opens that rep's My progress with the same period and filters); the rep x
month heatmap over the fiscal year; and the note where targets do not add up. Every figure comes
from ``analytics.metrics.attainment``.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from analytics.metrics import attainment, changes
from analytics.outputs import numbers
from analytics.periods import add_months, fiscal_year_of, month_start, year_period
from ui import charts, context, urlstate
from ui import format as fmt
from ui.changes import summary_parts
from ui.charts import attainment as ac
from ui.components import download_buttons, metric_card, no_data, no_targets_notice, report_button
from ui.i18n import t

ctx = context.current()
catalog = st.session_state["_catalog"]
period, filters, as_of, settings = ctx.period, ctx.filters, ctx.as_of, ctx.settings
previous = period.previous()
CURRENCY = ctx.currency
SPARK_MONTHS = 12
TABLE_KEY = "overview_reps"
MY_PROGRESS = "pages/my_progress.py"
TABLE_MAX_ROWS = 16  # taller tables scroll inside a fixed height
TABLE_MAX_HEIGHT = 600


money = ctx.money  # call it for a figure; the charts also take its axis ticks


def times(x: object) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{fmt.number(x, 1)}×"


def money_cells(frame: pd.DataFrame, columns: list[str]):
    return fmt.money_cells(frame, columns, CURRENCY, ctx.lang)


missing = fmt.missing


def status_label(status: str) -> str:
    return t(f"overview.status.{status}")


def chart_labels() -> dict[str, str]:
    labels = {s: status_label(s) for s in ac.PACE_STATUSES}
    labels.update(axis=t("overview.chart.axis"), target_line=t("overview.chart.target_line"),
                  pace=t("overview.chart.pace"), actual=t("overview.chart.actual"),
                  target=t("overview.chart.target"), last_year=t("overview.chart.last_year"),
                  colorbar=t("overview.heat_colorbar"))
    return labels


# --- load -----------------------------------------------------------------------------------------

def load() -> dict[str, object]:
    kw = {"as_of": as_of, "settings": settings}
    spark_end = month_start(min(period.end, max(as_of, period.start)))
    fiscal_year = year_period(fiscal_year_of(period.end, settings.fiscal_start_month), settings.fiscal_start_month)
    return {
        "company": ctx.call(attainment.attainment, period, "company", filters, **kw),
        "previous": ctx.call(attainment.attainment, previous, "company", filters, **kw),
        "teams": ctx.call(attainment.attainment, period, "team", filters, **kw),
        "reps": ctx.call(attainment.attainment, period, "rep", filters, **kw),
        "spark": ctx.call(attainment.monthly_attainment, add_months(spark_end, 1 - SPARK_MONTHS), spark_end,
                          "company", filters, as_of=as_of),
        "cumulative": ctx.call(attainment.cumulative_actual, period, filters, as_of=as_of),
        "fiscal_year": fiscal_year,
        "heat": ctx.call(attainment.monthly_attainment, fiscal_year.start, fiscal_year.end, "rep", filters,
                         as_of=as_of),
        "decomposition": ctx.call(attainment.decomposition_check, period),
    }


# --- render ---------------------------------------------------------------------------------------

def render_header() -> None:
    st.title(t("overview.title", period=fmt.period_label(period)))
    st.caption(t("overview.intro", date=fmt.day(as_of), previous=fmt.period_label(previous)))
    with st.container(horizontal=True, vertical_alignment="center"):
        include_pay = st.checkbox(t("common.include_pay"), key="report_pay")
        report_button(ctx, include_pay=include_pay, key="department_report")


def render_pipeline_change() -> None:
    """One line: what moved in this month's pipeline since the previous snapshot, with the page."""
    latest = ctx.call(changes.latest_change, "month", ctx.settings)
    if latest is None:
        return
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(":material/waterfall_chart: " + t("changes.summary", before=fmt.day(latest.before),
                                                      parts=summary_parts(latest.result, money)))
        st.page_link("pages/pipeline_changes.py", label=t("changes.open_page"), icon=":material/arrow_forward:")


def render_cards(company: dict, prev: dict, spark: pd.DataFrame) -> None:
    change = attainment.period_over_period(company, prev)
    no_target = missing(company["target"])
    prev_label = fmt.period_label(previous)

    def trend(column: str) -> list[float] | None:
        values = [float(v) for v in spark[column] if not missing(v)]
        return values if len(values) > 1 else None

    def signed_pct(x: float) -> str | None:
        return None if missing(x) else fmt.pct(x, signed=True)

    def signed_money(x: float) -> str | None:
        return None if missing(x) else ("+" if x > 0 else "") + money(x)

    c = st.columns(5)
    with c[0]:
        metric_card(t("overview.card.actual"), money(company["actual"]), delta=signed_pct(change["actual"]),
                    help=t("overview.help.actual", previous=prev_label), trend=trend("actual"))
    with c[1]:
        metric_card(t("overview.card.target"), t("common.no_target") if no_target else money(company["target"]),
                    delta=signed_money(change["target"]), delta_color="off",
                    help=t("overview.help.target", previous=prev_label), trend=trend("target"))
    with c[2]:
        points = None if missing(change["attainment"]) else t(
            "overview.points", value=f"{change['attainment'] * 100:+.1f}")
        metric_card(t("overview.card.attainment"),
                    t("common.no_target") if no_target else fmt.pct(company["attainment"]),
                    delta=points, help=t("overview.help.attainment", previous=prev_label),
                    trend=trend("attainment"))
    with c[3]:
        metric_card(t("overview.card.forecast"), money(company["forecast"]), delta=signed_pct(change["forecast"]),
                    help=t("overview.help.forecast", previous=prev_label))
    with c[4]:
        if no_target:
            value = t("common.no_target")
        elif not missing(company["gap"]) and company["gap"] <= 0:
            value = t("overview.met")
        else:
            value = times(company["coverage"])
        vs_needed = change["coverage_vs_needed"]
        delta = None if missing(vs_needed) or value != times(company["coverage"]) else t(
            "overview.vs_needed", value=f"{vs_needed:+.1f}×", needed=times(company["coverage_needed"]))
        metric_card(t("overview.card.coverage"), value, delta=delta,
                    help=t("overview.help.coverage", rate=fmt.pct(company["win_rate"])))

    notes = []
    elapsed, days = period.elapsed_days(as_of), period.days
    if not no_target:
        if elapsed == 0:
            notes.append(t("overview.not_started"))
        elif elapsed >= days:
            notes.append(t("overview.period_over", days=days))
        else:
            notes.append(t("overview.pace_note", elapsed=elapsed, days=days,
                           expected=fmt.pct(attainment.pace_share(period, as_of), 0)))
    if filters.region or filters.segment or filters.channel:
        notes.append(t("overview.filters_note"))
    for note in notes:
        st.caption(note)


def render_decomposition(frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    st.warning(t("overview.decomp.title", count=len(frame)), icon=":material/call_split:")
    shown = pd.DataFrame({
        t("overview.decomp.col.level"): [t(f"dim.{lv}") for lv in frame["level"]],
        t("overview.decomp.col.owner"): [t("dim.company") if lv == "company" else o
                                         for lv, o in zip(frame["level"], frame["owner"], strict=True)],
        t("overview.decomp.col.explicit"): frame["explicit_target"].astype("float64"),
        t("overview.decomp.col.parts"): frame["sum_of_parts"].astype("float64"),
        t("overview.decomp.col.difference"): frame["difference"].astype("float64"),
    })
    st.dataframe(money_cells(shown, list(shown.columns[2:])), hide_index=True, width="stretch", placeholder="–")


def render_bars(company: dict, teams: pd.DataFrame, reps: pd.DataFrame) -> None:
    st.subheader(t("overview.section.bars"))
    labels = chart_labels()
    expected = attainment.pace_share(period, as_of)
    teams = teams.assign(team=teams["team"].fillna(t("overview.no_team")))
    left, right = st.columns([2, 3])
    with left:
        st.markdown("**" + t("overview.by_team") + "**")
        if teams.empty:
            no_data()
        else:
            charts.show(ac.attainment_bars(teams, "team", expected=expected, labels=labels, money=money),
                        key="overview_team_bars", filename="attainment_by_team")
    with right:
        st.markdown("**" + t("overview.by_rep") + "**")
        if reps.empty:
            no_data()
        else:
            charts.show(ac.attainment_bars(reps, "rep", expected=expected, labels=labels, money=money),
                        key="overview_rep_bars", filename="attainment_by_rep")


def render_cumulative(frame: pd.DataFrame) -> None:
    st.subheader(t("overview.section.cumulative", period=fmt.period_label(period)))
    labels = chart_labels() | {"axis": t("overview.cum_axis")}
    charts.show(ac.cumulative_chart(frame, labels=labels, money=money, date_format=t("overview.date_format")),
                key="overview_cumulative",
                filename="cumulative_actual")


def gap_label(gap: object) -> str | None:
    """What is still to win, or "Over target by …" (a negative gap reads as a shortfall)."""
    if missing(gap):
        return None
    value = float(gap)  # type: ignore[arg-type]
    full = numbers.money_cell(abs(value), CURRENCY, ctx.lang)  # as the table's other amounts ($38,800; 3.88万元)
    return full if value > 0 else t("overview.over_by", amount=full)


def rep_table(reps: pd.DataFrame) -> pd.DataFrame:
    """The rep table with translated headers (the download has the same columns)."""
    return pd.DataFrame({
        t("dim.rep"): reps["rep"].astype("str"),
        t("dim.team"): reps["team"].fillna(t("overview.no_team")).astype("str"),
        t("overview.col.attainment"): reps["attainment"].astype("float64"),
        t("overview.col.pace"): [status_label(s) for s in reps["pace_status"]],
        t("overview.col.actual"): reps["actual"].astype("float64"),
        t("overview.col.target"): reps["target"].astype("float64"),
        t("overview.col.gap"): pd.Series([gap_label(g) for g in reps["gap"]], dtype="object"),
        t("overview.col.forecast"): reps["forecast"].astype("float64"),
    })


def render_table(reps: pd.DataFrame) -> str | None:
    """Show the rep table; returns the rep whose row was just selected, if any."""
    st.subheader(t("overview.section.table"))
    if reps.empty:
        no_data()
        return None
    shown = rep_table(reps)
    st.caption(t("overview.table_hint"))
    top = max([1.0, *[v for v in reps["attainment"].astype("float64") if not missing(v)]])
    styled = money_cells(shown, [t(f"overview.col.{c}") for c in ("actual", "target", "forecast")])
    event = st.dataframe(
        styled, hide_index=True, width="stretch", key=TABLE_KEY, on_select="rerun", placeholder="–",
        height="content" if len(shown) <= TABLE_MAX_ROWS else TABLE_MAX_HEIGHT,
        selection_mode="single-row",
        column_config={
            t("overview.col.attainment"): st.column_config.ProgressColumn(
                format="percent", min_value=0.0, max_value=top, step=0.001, width="medium"),
        })
    download_buttons(shown, f"attainment_{period.key}", key="overview_reps_dl")
    rows = list(event.selection.rows) if event is not None else []
    return str(reps["rep"].iloc[rows[0]]) if rows else None


def render_heatmap(frame: pd.DataFrame, fiscal_year) -> None:
    st.subheader(t("overview.section.heatmap", year=fiscal_year.key))
    if frame.empty:
        no_data()
        return
    if frame["target"].notna().sum() == 0:
        st.caption(t("overview.heat_no_targets", year=fiscal_year.key))
        return
    st.caption(t("overview.heat_note"))
    fig = ac.heatmap(frame, "rep", month_label=lambda m: fmt.month(m), labels=chart_labels(), money=money)
    charts.show(fig, key="overview_heatmap", filename="monthly_attainment")


def open_my_progress(rep: str) -> None:
    """Open My progress for ``rep``, keeping every parameter of the link (period, filters, language).

    """
    urlstate.switch_page(MY_PROGRESS, me=rep)


# --- page -----------------------------------------------------------------------------------------

render_header()
if not catalog.has("deals"):
    st.info(t("overview.no_deals"), icon=":material/upload_file:")
else:
    data = load()
    company_row = data["company"].iloc[0].to_dict()
    previous_rows = data["previous"]
    no_targets_notice(catalog)
    render_cards(company_row, previous_rows.iloc[0].to_dict() if len(previous_rows) else {}, data["spark"])
    render_pipeline_change()
    render_decomposition(data["decomposition"])
    render_bars(company_row, data["teams"], data["reps"])
    render_cumulative(data["cumulative"])
    chosen = render_table(data["reps"])
    # A selection left over from before a visit to My progress must not bounce the user back.
    if chosen is None:
        st.session_state.pop("_overview_opened", None)
    elif st.session_state.get("_overview_opened") != chosen:
        st.session_state["_overview_opened"] = chosen
        open_my_progress(chosen)
    render_heatmap(data["heat"], data["fiscal_year"])
