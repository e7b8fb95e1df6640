"""Customers & follow-ups (the CRM view): whom to call this week, whether signed customers were
followed up, every customer with revenue, pipeline, last contact and satisfaction, and one
customer's history.

Every figure comes from ``analytics.metrics.customers``. Page state in the URL: the rep of the
follow-up list (``crep``), the list's order (``csort``) and overdue-only switch (``coverdue``),
and the customer whose history is shown (``cust``).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import i18n
from analytics.metrics import customers
from ui import context, urlstate
from ui import format as fmt
from ui.changes import history_column, with_history_links
from ui.charts import funnel as charts
from ui.charts import show
from ui.components import PAGE_ROWS, download_buttons, metric_card, show_table
from ui.i18n import Lang, current_lang, t
from ui.safe import md

HORIZON_DAYS = 7
SORTS = ("lifetime_won", "overdue", "next_followup", "last_contact", "csat")
#: Sort column and direction of each choice of ``csort``; ties by lifetime revenue, then name.
SORT_ORDER = {
    "lifetime_won": (["lifetime_won", "customer"], [False, True]),
    "overdue": (["overdue", "next_followup", "customer"], [False, True, True]),
    "next_followup": (["next_followup", "customer"], [True, True]),
    "last_contact": (["last_contact", "customer"], [True, True]),
    "csat": (["csat", "responses", "customer"], [True, False, True]),
}
ALL = ""

ctx = context.current()
lang = current_lang()
catalog = st.session_state["_catalog"]
CURRENCY = ctx.currency
UNIT = fmt.with_unit("", CURRENCY, lang)  # " ($)" / "（元）" after a column name; "" when unknown
PERIOD_NAME = fmt.period_label(ctx.period, lang)


def money(x: object) -> str:
    return fmt.money(x, CURRENCY, lang)


def count_col(label: str):
    """A count or an amount: thousands separators, no decimals (the currency is in the header)."""
    return st.column_config.NumberColumn(label, format="localized", step=1)


def event_label(event: object, lang_: Lang | None = None) -> str:
    """A timeline event code (created, won, lost, open, survey, an activity type) in the user's words."""
    if event is None or pd.isna(event):
        return "–"
    key = f"customers.event.{str(event).strip().lower()}"
    return t(key) if i18n.has(key) else str(event)


def iso_day(d: object) -> str:
    """A date as ``2026-11-30`` (sorts correctly as text, reads the same in both languages); ``–``
    when missing, which sorts after every date."""
    return "–" if d is None or pd.isna(d) else pd.Timestamp(d).strftime("%Y-%m-%d")


def when_label(days_overdue: int) -> str:
    if days_overdue > 0:
        return t("customers.when.overdue", days=days_overdue)
    if days_overdue == 0:
        return t("customers.when.today")
    return t("customers.when.in", days=-days_overdue)


# --- load -----------------------------------------------------------------------------------------

def load_customers() -> pd.DataFrame:
    return ctx.call(customers.customer_table, ctx.as_of, ctx.filters, ctx.settings)


def load_followups(rep: str) -> pd.DataFrame:
    return ctx.call(customers.overdue_followups, ctx.as_of, ctx.filters, rep or None,
                    horizon_days=HORIZON_DAYS)


# --- render ---------------------------------------------------------------------------------------

def render_cards(table: pd.DataFrame, followups: pd.DataFrame | None) -> None:
    counts = customers.customer_counts(table, followups)
    cols = st.columns(4)
    with cols[0]:
        metric_card(t("customers.card.customers"), fmt.number(counts["customers"]))
    with cols[1]:
        metric_card(t("customers.card.open"), fmt.number(counts["with_open_deals"]))
    with cols[2]:
        metric_card(t("customers.card.overdue"), fmt.number(counts["overdue"]), help=t("customers.card.overdue_help"))
    with cols[3]:
        metric_card(t("customers.card.due", days=HORIZON_DAYS), fmt.number(counts["due"]))


def followup_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Follow-ups for people: customer, rep, when (in words), date and deal."""
    out = frame[["customer", "rep", "days_overdue", "next_followup_date", "deal_id"]].copy()
    out.insert(2, "when", out["days_overdue"].map(when_label))
    return out.drop(columns=["days_overdue"])


FOLLOWUP_COLUMNS = {
    "customer": st.column_config.TextColumn(t("customers.col.customer")),
    "rep": st.column_config.TextColumn(t("customers.col.rep")),
    "next_followup_date": st.column_config.DateColumn(t("customers.col.followup_date")),
    "when": st.column_config.TextColumn(t("customers.col.when")),
    "deal_id": st.column_config.TextColumn(t("customers.col.deal_id")),
}


def render_followups(followups: pd.DataFrame) -> None:
    overdue = followups[followups["days_overdue"] > 0]
    due = followups[followups["days_overdue"] <= 0].sort_values(["next_followup_date", "customer"])
    left, right = st.columns(2)
    with left:
        st.markdown(":material/alarm: **" + t("customers.followups.overdue") + f"** ({len(overdue)})")
        if overdue.empty:
            st.success(t("customers.followups.none_overdue"), icon=":material/task_alt:")
        else:
            show_table(followup_frame(overdue.head(PAGE_ROWS)).drop(columns=["deal_id"]), total=len(overdue),
                       max_px=400, column_config=FOLLOWUP_COLUMNS)
    with right:
        st.markdown(":material/event: **" + t("customers.followups.due", days=HORIZON_DAYS)
                    + f"** ({len(due)})")
        if due.empty:
            st.info(t("customers.followups.none_due", days=HORIZON_DAYS), icon=":material/event_available:")
        else:
            show_table(followup_frame(due.head(PAGE_ROWS)).drop(columns=["deal_id"]), total=len(due),
                       max_px=400, column_config=FOLLOWUP_COLUMNS)
    if len(followups):
        download_buttons(followup_frame(followups), f"followups_{ctx.as_of.isoformat()}",
                         key="cust_followups")


def render_coverage() -> None:
    st.subheader(t("customers.section.coverage"))
    days = int(ctx.settings.followup_days)
    st.caption(t("customers.coverage.caption", period=PERIOD_NAME, days=days))
    cov = ctx.call(customers.followup_coverage, ctx.period, ctx.filters, ctx.settings, as_of=ctx.as_of)
    if cov.empty:
        st.info(t("customers.coverage.none", period=PERIOD_NAME), icon=":material/handshake:")
        return
    fig = charts.coverage_bars(cov, labels={"axis": t("customers.coverage.axis"), "none": "–"})
    left, right = st.columns([1, 1], vertical_alignment="center")
    with left:
        show(fig, key="cust_coverage", filename="followup_coverage")
    right.dataframe(cov, hide_index=True, width="stretch", column_config={
        "rep": st.column_config.TextColumn(t("customers.col.rep")),
        "won_customers": st.column_config.NumberColumn(t("customers.col.won_customers")),
        "followed_up": st.column_config.NumberColumn(t("customers.col.followed_up")),
        "coverage": st.column_config.ProgressColumn(t("customers.col.coverage"), format="percent",
                                                    min_value=0, max_value=1),
    })
    download_buttons(cov, f"followup_coverage_{ctx.period.key}", key="cust_coverage_table")


# A fragment: changing this panel's own controls reruns the panel only, not the whole page.
@st.fragment
def render_list(table: pd.DataFrame) -> None:
    st.subheader(t("customers.section.list"))
    st.caption(t("customers.list.caption"))
    c1, c2, c3 = st.columns([3, 2, 1], vertical_alignment="bottom")
    query = c1.text_input(t("customers.search"), key="cfind", placeholder=t("customers.search_placeholder"))
    order = urlstate.selectbox(c2, t("customers.sort"), SORTS, "csort", "lifetime_won",
                               format_func=lambda s: t(f"customers.sort.{s}"))
    overdue_only = urlstate.toggle(c3, t("customers.overdue_only"), "coverdue")
    shown = table
    if query.strip():
        shown = shown[shown["customer"].str.contains(query.strip(), case=False, regex=False, na=False)]
    if overdue_only:
        shown = shown[shown["overdue"]]
    columns, ascending = SORT_ORDER[order]
    shown = shown.sort_values(columns, ascending=ascending, na_position="last", kind="stable")
    st.caption(t("customers.list.count", shown=fmt.number(len(shown)), total=fmt.number(len(table))))
    page = shown.head(PAGE_ROWS)
    show_table(page.assign(last_contact=page["last_contact"].map(iso_day),
                           next_followup=page["next_followup"].map(iso_day)),
               total=len(shown), key="cust_table", column_config={
                   "customer": st.column_config.TextColumn(t("customers.col.customer"), pinned=True),
                   "lifetime_won": count_col(t("customers.col.lifetime_won", unit=UNIT)),
                   "deals_won": st.column_config.NumberColumn(t("customers.col.deals_won")),
                   "open_deals": st.column_config.NumberColumn(t("customers.col.open_deals")),
                   "open_amount": count_col(t("customers.col.open_amount", unit=UNIT)),
                   "last_contact": st.column_config.TextColumn(t("customers.col.last_contact")),
                   "next_followup": st.column_config.TextColumn(t("customers.col.next_followup")),
                   "overdue": st.column_config.CheckboxColumn(t("customers.col.overdue")),
                   "csat": st.column_config.NumberColumn(t("customers.col.csat"), format="percent"),
                   "nps": st.column_config.NumberColumn(t("customers.col.nps"), format="%.0f"),
                   "responses": st.column_config.NumberColumn(t("customers.col.responses")),
               })
    download_buttons(shown, f"customers_{ctx.as_of.isoformat()}", key="cust_list")


# A fragment: changing this panel's own controls reruns the panel only, not the whole page.
@st.fragment
def render_timeline(table: pd.DataFrame) -> None:
    st.subheader(t("customers.section.timeline"))
    names = table["customer"].tolist()
    c1, _ = st.columns([2, 3])
    name = urlstate.selectbox(c1, t("customers.timeline.pick"), names, "cust", names[0])
    row = table[table["customer"] == name].iloc[0]
    cols = st.columns([1.1, 0.8, 1.1, 1.1, 0.9])
    with cols[0]:
        metric_card(t("customers.sort.lifetime_won"), money(row["lifetime_won"]))
    with cols[1]:
        metric_card(t("customers.col.open_deals"), fmt.number(row["open_deals"]))
    with cols[2]:
        metric_card(t("customers.col.last_contact"), iso_day(row["last_contact"]))
    with cols[3]:
        metric_card(t("customers.col.next_followup"), iso_day(row["next_followup"]),
                    delta=t("customers.col.overdue") if row["overdue"] else None, delta_color="inverse")
    with cols[4]:
        metric_card(t("customers.col.csat"), fmt.pct(row["csat"], 0),
                    help=f"{t('customers.col.nps')} {fmt.number(row['nps'])} · "
                         f"{t('customers.col.responses')} {int(row['responses'])}")
    # A large customer has hundreds of thousands of events: the page fetches the first page of
    # them and their number; the downloads fetch them all, only when clicked. Nothing after the
    # as-of day: a history "as of 15 Nov" does not show 20 Nov's sale.
    events = ctx.call(customers.customer_timeline_length, name, ctx.as_of)
    later = ctx.call(customers.timeline_after, name, ctx.as_of)
    if not events:
        st.info(t("customers.timeline.empty"), icon=":material/history:")
    else:
        st.caption(t("customers.timeline.caption", customer=md(name)))
    if later:
        st.caption(":material/event_upcoming: " + t("customers.timeline.later", n=later,
                                                        date=fmt.day(ctx.as_of, lang)))
    if not events:
        return
    first = ctx.call(customers.customer_timeline, name, ctx.as_of, limit=PAGE_ROWS)
    shown = first[["date", "kind", "event", "what", "amount", "rep", "deal_id"]].copy()
    # A deal's stage is named in the reader's language (the file's own label when it is not a stage).
    shown["what"] = [what if stage is None or pd.isna(stage) else f"{what} · {ctx.settings.stage_name(stage, lang)}"
                     for what, stage in zip(shown["what"], first["stage"], strict=True)]
    shown["kind"] = shown["kind"].map(lambda k: t(f"customers.kind.{k}"))
    shown["event"] = shown["event"].map(event_label)
    # Activities and survey answers have no amount: blank, not "None", in either language.
    shown["amount"] = shown["amount"].map(lambda x: "" if pd.isna(x) else fmt.number(x))
    show_table(with_history_links(shown), total=events, column_config={
        "history": history_column(),
        "date": st.column_config.DateColumn(t("customers.col.date")),
        "kind": st.column_config.TextColumn(t("customers.col.kind")),
        "event": st.column_config.TextColumn(t("customers.col.event")),
        "what": st.column_config.TextColumn(t("customers.col.what"), width="large"),
        "amount": st.column_config.TextColumn(t("customers.col.amount", unit=UNIT), alignment="right"),
        "rep": st.column_config.TextColumn(t("customers.col.rep")),
        "deal_id": st.column_config.TextColumn(t("customers.col.deal_id")),
    })
    source, lang_, as_of = ctx.source, lang, ctx.as_of

    def everything() -> pd.DataFrame:
        # Runs on the click, outside the page's run: a cursor of its own, the language passed in.
        rows = customers.customer_timeline(source.con.cursor(), name, as_of)
        kinds = {k: t(f"customers.kind.{k}", lang_) for k in ("deal", "activity", "survey")}
        return rows.assign(kind=rows["kind"].map(kinds), event=rows["event"].map(lambda e: event_label(e, lang_)))

    download_buttons(everything, "customer_history", key="cust_timeline", rows=events)


# --- page -----------------------------------------------------------------------------------------

st.title(t("customers.title"))
st.caption(t("customers.intro", date=fmt.day(ctx.as_of, lang)))
CUSTOMERS = load_customers() if catalog.has("deals") else pd.DataFrame()
HAS_ACTIVITIES = catalog.has("activities")
if CUSTOMERS.empty:
    if catalog.has("deals") and not ctx.filters.is_empty():
        st.info(t("common.no_data"), icon=":material/search_off:")
    else:
        st.info(t("customers.no_customers"), icon=":material/upload_file:")
else:
    st.subheader(t("customers.section.followups"))
    if HAS_ACTIVITIES:
        st.caption(t("customers.followups.caption"))
        REPS = [ALL, *catalog.dimension_values.get("rep", ())]
        c1, _ = st.columns([2, 3])
        REP = urlstate.selectbox(c1, t("customers.followups.rep"), REPS, "crep", ALL,
                                 format_func=lambda r: r or t("sidebar.all"))
        FOLLOWUPS = load_followups(REP)
        render_cards(CUSTOMERS, FOLLOWUPS)
        render_followups(FOLLOWUPS)
        st.divider()
        render_coverage()
    else:
        render_cards(CUSTOMERS, None)
        st.info(t("customers.no_activities"), icon=":material/upload_file:")
    st.divider()
    render_list(CUSTOMERS)
    st.divider()
    render_timeline(CUSTOMERS)
