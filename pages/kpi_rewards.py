"""KPI & rewards: each rep's KPI score and its breakdown, the ranking, payouts line by line under
the commission plan, the director's cost, a what-if on open deals, customer satisfaction with its
comments, and team collaboration.

Pay figures are personal: the "One rep" view shows the chosen rep's pay only, and one switch
hides every pay figure (for screen sharing; off by default in meeting mode).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.metrics import attainment, satisfaction
from analytics.metrics.kpi import kpi_scores
from analytics.metrics.payouts import cost_summary, kpi_breakdown, payouts_for, what_if_deals
from ui import context, layout, plan_editor, urlstate
from ui import format as fmt
from ui.charts import rewards as charts
from ui.charts import show
from ui.components import download_buttons, metric_card, no_targets_notice, show_table
from ui.i18n import t
from ui.safe import md

VIEWS = ("director", "rep")
SATISFACTION_BY = ("rep", "team", "segment", "channel")
COMPONENTS = ("revenue", "satisfaction", "collaboration")
MAX_DEAL_OPTIONS = 200

ctx = context.current()
lang = ctx.lang
settings = ctx.settings
currency = ctx.currency
catalog = st.session_state["_catalog"]
period_name = fmt.period_label(ctx.period, lang)

# --- load ---------------------------------------------------------------------------------------
pin = plan_editor.plan_in_use()
att = ctx.call(attainment.attainment, ctx.period, "rep", ctx.filters, as_of=ctx.as_of, settings=settings)
teams = ctx.call(attainment.attainment, ctx.period, "team", ctx.filters, as_of=ctx.as_of, settings=settings)
sat_rep = ctx.call(
    satisfaction.satisfaction, "rep", ctx.period, ctx.filters, min_responses=settings.min_responses
)
sat_company = ctx.call(
    satisfaction.satisfaction, None, ctx.period, ctx.filters, min_responses=settings.min_responses
)
collab = ctx.call(satisfaction.collaboration, ctx.period, ctx.filters)
kpi = kpi_scores(att, sat_rep, collab, settings.kpi_weights, settings.revenue_cap, settings.min_responses)
result = ctx.call(payouts_for, ctx.period, ctx.filters, pin, as_of=ctx.as_of, settings=settings, scope=ctx.scope)
reps = sorted({str(r) for r in [*att["rep"].dropna(), *kpi["rep"].dropna()]})
team_of = {str(r.rep): r.team for r in att.itertuples(index=False) if pd.notna(r.rep)}


def component_label(name: str) -> str:
    return t(f"kpi_rewards.component.{name}")


def weights_text(weights: dict) -> str:
    return " · ".join(f"{component_label(k)} {fmt.pct(w, 0)}" for k, w in weights.items())


def left_out_note(row: pd.Series) -> str:
    """Why a rep's score leaves a part out: no data, or too few survey responses to judge."""
    weights = row["weights_used"] if isinstance(row["weights_used"], dict) else {}
    thin = list(row["too_few"]) if isinstance(row["too_few"], list) else []
    missing = [m for m in row["missing"] if m not in thin]
    if not missing and not thin:
        return ""
    if not weights:
        return t("kpi_rewards.note.no_data")
    notes = []
    if thin:
        n = row["csat_responses"]
        notes.append(t("kpi_rewards.note.too_few", n=0 if pd.isna(n) else int(n), min=settings.min_responses))
    if missing:
        notes.append(t("kpi_rewards.note.no_data_for", parts=", ".join(component_label(m) for m in missing)))
    return t("kpi_rewards.note.left_out", parts="; ".join(notes), weights=weights_text(weights))


def table_height(rows: int, most: int = 20) -> int | str:
    """Every row up to ``most`` rows, then the table scrolls."""
    return "content" if rows <= most else fmt.table_height(most, max_px=None)


def as_text(values: pd.Series, digits: int = 1) -> list[str]:
    """Numbers as text, a missing one as "–" (a number column would show "None" in either language)."""
    return [fmt.number(v, digits) for v in values]


def money(x: object) -> str:
    return fmt.money(x, currency, lang, compact=False)


def money_column(label: str) -> st.column_config.NumberColumn:
    return st.column_config.NumberColumn(label, format=fmt.numbers.money_printf(currency, lang, decimals=2))


def tier_text(start: object) -> str:
    if start is None or pd.isna(start):
        return "–"
    tiers = pin.plan.tiers if pin.plan is not None else ()
    rate = next((x.rate for x in tiers if abs(x.start - float(start)) < 1e-9), None)
    return t("kpi_rewards.tier", start=fmt.pct(start, 0), rate=fmt.pct(rate, 1) if rate is not None else "–")


# --- render -------------------------------------------------------------------------------------


def render_controls() -> tuple[str, str | None, bool]:
    c1, c2, c3 = st.columns([2, 2, 2], vertical_alignment="bottom")
    view = urlstate.segmented(
        c1,
        t("kpi_rewards.view"),
        VIEWS,
        key="view",
        default="director",
        format_func=lambda v: t(f"kpi_rewards.view.{v}", lang),
    )
    me = None
    if reps:
        me = urlstate.selectbox(
            c2, t("dim.rep"), reps, key="me", default=reps[0], help=t(f"kpi_rewards.me_help.{view}")
        )
    show_pay = urlstate.toggle(
        c3,
        t("kpi_rewards.show_pay"),
        key="pay",
        default=not layout.meeting_mode_active(),
        help=t("kpi_rewards.show_pay_help"),
    )
    return view, me, show_pay


def render_cards(view: str, me: str | None, show_pay: bool) -> None:
    company = sat_company.iloc[0]
    cols = st.columns(4)
    if view == "director" or me is None:
        leader = kpi[kpi["rank"] == 1]
        with cols[0]:
            if len(leader):
                metric_card(
                    t("kpi_rewards.card.leader"),
                    str(leader["rep"].iloc[0]),
                    help=t("kpi_rewards.card.leader_help", score=fmt.number(leader["kpi_score"].iloc[0], 1)),
                )
            else:
                metric_card(t("kpi_rewards.card.leader"), "–")
        with cols[1]:
            metric_card(
                t("kpi_rewards.card.csat", n=f"{int(company['csat_responses']):,}"),
                fmt.pct(company["csat"], 0),
            )
        with cols[2]:
            metric_card(
                t("kpi_rewards.card.nps", n=f"{int(company['nps_responses']):,}"),
                fmt.number(company["nps"], 0),
            )
        with cols[3]:
            if show_pay and not result.problems:
                metric_card(t("kpi_rewards.card.cost"), money(result.total_cost))
            else:
                metric_card(t("kpi_rewards.card.cost"), t("kpi_rewards.hidden") if not show_pay else "–")
        return
    row = kpi[kpi["rep"] == me]
    ranked = int(kpi["rank"].notna().sum())
    with cols[0]:
        if len(row) and pd.notna(row["kpi_score"].iloc[0]):
            metric_card(
                t("kpi_rewards.card.my_score_rank", rank=int(row["rank"].iloc[0]), of=ranked),
                fmt.number(row["kpi_score"].iloc[0], 1),
            )
        else:
            metric_card(t("kpi_rewards.card.my_score"), "–")
    mine = sat_rep[sat_rep["rep"] == me]
    with cols[1]:
        if len(mine):
            m = mine.iloc[0]
            metric_card(t("kpi_rewards.card.csat", n=f"{int(m['csat_responses']):,}"), fmt.pct(m["csat"], 0))
            if m["too_few"]:
                st.badge(t("kpi_rewards.too_few"), icon=":material/hourglass_empty:", color="gray")
        else:
            metric_card(t("kpi_rewards.card.csat", n="0"), "–")
    peer = collab[collab["rep"] == me]
    with cols[2]:
        if len(peer):
            metric_card(
                t("kpi_rewards.card.peer", n=int(peer["reviewers"].iloc[0])),
                fmt.number(peer["mean_score"].iloc[0], 2) + " / 5",
            )
        else:
            metric_card(t("kpi_rewards.card.peer", n=0), "–")
    mine_pay = result.totals[result.totals["rep"] == me]
    with cols[3]:
        if show_pay and len(mine_pay):
            metric_card(t("kpi_rewards.card.my_pay"), money(mine_pay["total"].iloc[0]))
        else:
            metric_card(t("kpi_rewards.card.my_pay"), t("kpi_rewards.hidden") if not show_pay else "–")


def render_kpi(view: str, me: str | None) -> None:
    st.subheader(t("kpi_rewards.kpi.title"))
    st.caption(
        t(
            "kpi_rewards.kpi.how",
            cap=fmt.pct(settings.revenue_cap, 0),
            min=settings.min_responses,
            weights=weights_text(dict(zip(COMPONENTS, settings.kpi_weights, strict=True))),
        )
    )
    if kpi.empty or kpi["kpi_score"].notna().sum() == 0:
        st.info(t("kpi_rewards.kpi.empty"), icon=":material/info:")
        return
    numbers = pd.DataFrame(
        {
            "rank": kpi["rank"],
            "rep": kpi["rep"].astype(str),
            "team": [team_of.get(str(r)) for r in kpi["rep"]],
            "kpi_score": kpi["kpi_score"].astype("float64"),
            "revenue_score": kpi["revenue_score"].astype("float64"),
            "satisfaction_score": kpi["satisfaction_score"].astype("float64"),
            "collaboration_score": kpi["collaboration_score"].astype("float64"),
            "note": [left_out_note(row) for _, row in kpi.iterrows()],
        }
    )
    parts = ["revenue_score", "satisfaction_score", "collaboration_score"]
    table = numbers.assign(**{c: as_text(numbers[c]) for c in parts})
    score = "%.1f"
    right = "right"
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=table_height(len(table)),
        key="kpi_table",
        column_config={
            "rank": st.column_config.NumberColumn(t("kpi_rewards.col.rank"), format="%d", width="small"),
            "rep": st.column_config.TextColumn(t("dim.rep")),
            "team": st.column_config.TextColumn(t("dim.team")),
            "kpi_score": st.column_config.ProgressColumn(
                t("kpi_rewards.col.kpi_score"), min_value=0, max_value=100, format=score
            ),
            **{
                c: st.column_config.TextColumn(component_label(c.removesuffix("_score")), alignment=right)
                for c in parts
            },
            "note": st.column_config.TextColumn(t("kpi_rewards.col.note"), width="large"),
        }, placeholder="–")
    download_buttons(numbers, f"kpi_scores_{ctx.period.key}", key="dl:kpi")
    if me is not None:
        render_breakdown(view, me)


def render_breakdown(view: str, me: str) -> None:
    """One rep's score taken apart (the rep view has the score and rank in its cards already)."""
    parts = kpi_breakdown(kpi, me)
    st.markdown("**" + t("kpi_rewards.breakdown", rep=md(me)) + "**")
    if parts.empty:
        st.caption(t("kpi_rewards.breakdown_none"))
        return
    row = kpi[kpi["rep"] == me].iloc[0]
    thin = set(row["too_few"]) if isinstance(row["too_few"], list) else set()

    def status(component: str, included: bool) -> str:
        if included:
            return t("kpi_rewards.included")
        return t("kpi_rewards.left_out_too_few") if component in thin else t("kpi_rewards.left_out")

    shown = pd.DataFrame(
        {
            "component": [component_label(c) for c in parts["component"]],
            "score": as_text(parts["score"]),
            "weight": parts["weight"],
            "points": parts["points"],
            "status": [status(c, inc) for c, inc in zip(parts["component"], parts["included"], strict=True)],
        }
    )
    c1, c2 = st.columns([3, 2])
    c1.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        key="kpi_breakdown",
        column_config={
            "component": st.column_config.TextColumn(t("kpi_rewards.col.component")),
            "score": st.column_config.TextColumn(t("kpi_rewards.col.score"), alignment="right"),
            "weight": st.column_config.NumberColumn(t("kpi_rewards.col.weight"), format="percent"),
            "points": st.column_config.NumberColumn(t("kpi_rewards.col.points"), format="%.1f"),
            "status": st.column_config.TextColumn(t("kpi_rewards.col.status")),
        },
    )
    with c2:
        if view == "director" and pd.notna(row["kpi_score"]):
            metric_card(
                t("kpi_rewards.card.my_score_rank", rank=int(row["rank"]), of=int(kpi["rank"].notna().sum())),
                fmt.number(row["kpi_score"], 1),
            )
        note = left_out_note(row)
        if note:
            st.caption(":material/info: " + md(note))


def render_payouts(view: str, me: str | None, show_pay: bool) -> None:
    st.subheader(t("kpi_rewards.pay.title", plan=md(pin.plan.name if pin.plan is not None else "–")))
    plan_editor.show_file_problems(pin, lang)  # an invalid plan: says so, and no pay follows
    if pin.plan is not None:
        with st.expander(t("kpi_rewards.pay.how")):
            st.markdown(
                "\n".join("- " + md(line)
                          for line in plan_editor.plan_summary(pin.plan, currency, lang, settings.min_responses))
            )
            st.caption(t("kpi_rewards.pay.edit_in_settings"))
    if ctx.scope.role == "analyst" and not ctx.scope.sees_pay_of(None, None):
        st.info(t("scope.no_pay"), icon=":material/lock:")
        return
    if not show_pay:
        st.info(t("kpi_rewards.pay.hidden"), icon=":material/visibility_off:")
        return
    if not pin.invalid:  # the invalid plan's problems are shown above
        for problem in result.problems:
            st.warning(problem.text(lang), icon=":material/event_busy:")
    if result.problems:
        return
    if catalog.has("targets") and (att.empty or att["target"].notna().sum() == 0):
        st.info(t("kpi_rewards.pay.no_targets"), icon=":material/flag:")
    if not ctx.filters.is_empty():
        st.caption(":material/filter_alt: " + t("kpi_rewards.pay.filtered"))
    if view == "director":
        render_cost()
    if me is not None:
        render_working(me)


def render_cost() -> None:
    totals = result.totals
    if totals.empty:
        st.info(t("common.no_data"), icon=":material/search_off:")
        return
    cost = cost_summary(totals)
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        metric_card(t("kpi_rewards.card.cost"), money(cost["total"]))
    with c2:
        metric_card(t("kpi_rewards.card.commission"), money(cost["commission"]))
    with c3:
        share = cost["team_share_fraction"]
        label = (
            t("kpi_rewards.col.team_share")
            if pd.isna(share)
            else t("kpi_rewards.card.team_share_of", share=fmt.pct(share, 0))
        )
        metric_card(label, money(cost["team_share"]))
    with c4:
        metric_card(
            t("kpi_rewards.card.reps_paid"),
            t("kpi_rewards.card.n_of", n=int(cost["reps_paid"]), of=int(cost["reps"])),
        )
    show(
        charts.cost_distribution(
            totals,
            commission_label=t("kpi_rewards.col.commission"),
            team_share_label=t("kpi_rewards.col.team_share"),
            currency=currency,
            lang=lang,
            title=t("kpi_rewards.pay.distribution"),
        ),
        key="chart:cost",
        filename=f"payout_cost_{ctx.period.key}",
    )
    table = totals.sort_values(["total", "rep"], ascending=[False, True], kind="stable").copy()
    table["tier_reached"] = [tier_text(x) for x in table["tier_reached"]]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=table_height(len(table)),
        key="payout_totals",
        column_config={
            "rep": st.column_config.TextColumn(t("dim.rep")),
            "team": st.column_config.TextColumn(t("dim.team")),
            "attainment": st.column_config.NumberColumn(t("kpi_rewards.col.attainment"), format="percent"),
            "tier_reached": st.column_config.TextColumn(t("kpi_rewards.col.tier")),
            "commission": money_column(t("kpi_rewards.col.commission")),
            "team_share": money_column(t("kpi_rewards.col.team_share")),
            "total": money_column(t("kpi_rewards.col.total")),
        }, placeholder="–")
    download_buttons(totals, f"payouts_{ctx.period.key}", key="dl:payouts")
    with st.expander(t("kpi_rewards.pay.all_lines")):
        lines = working_table(result.lines)
        st.dataframe(
            lines, hide_index=True, width="stretch", key="payout_lines_all", column_config=working_config(), placeholder="–")
        download_buttons(lines, f"payout_working_{ctx.period.key}", key="dl:lines")


def working_table(lines: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"rep": lines["rep"], "line_no": lines["line_no"],
                         "line": [t(d) for d in lines["description"]], "amount": lines["amount"]})


def working_config() -> dict:
    return {
        "rep": st.column_config.TextColumn(t("dim.rep")),
        "line_no": st.column_config.NumberColumn("#", format="%d", width="small"),
        "line": st.column_config.TextColumn(t("kpi_rewards.col.line"), width="large"),
        "amount": money_column(t("kpi_rewards.col.amount")),
    }


def render_working(me: str) -> None:
    mine = result.lines[result.lines["rep"] == me]
    st.markdown("**" + t("kpi_rewards.pay.working", rep=md(me)) + "**")
    if mine.empty:
        st.caption(t("kpi_rewards.pay.not_listed"))
        return
    table = working_table(mine).drop(columns="rep")
    st.dataframe(
        table, hide_index=True, width="stretch", key="payout_working", column_config=working_config(), placeholder="–")
    download_buttons(table, f"payout_working_{ctx.period.key}_{me}", key="dl:working")


def deal_label(deals: pd.DataFrame):
    by_id = {str(r.deal_id): r for r in deals.itertuples(index=False)}

    def label(deal_id: str) -> str:
        r = by_id[deal_id]
        parts = [
            deal_id,
            str(r.customer) if pd.notna(r.customer) else "–",
            str(r.stage) if pd.notna(r.stage) else "–",
            money(r.amount) if pd.notna(r.amount) else t("kpi_rewards.whatif.no_amount", lang),
            fmt.day(r.close_date, lang),
        ]
        return " · ".join(parts)

    return label


def render_what_if(me: str | None, show_pay: bool) -> None:
    if me is None or result.problems:
        return
    st.subheader(t("kpi_rewards.whatif.title", rep=md(me)))
    deals = ctx.call(attainment.open_deals_for_gap, ctx.period, me, settings=settings, filters=ctx.filters)
    if deals.empty:
        st.info(t("kpi_rewards.whatif.no_deals", period=period_name), icon=":material/inbox:")
        return
    deals = deals.head(MAX_DEAL_OPTIONS)
    ids = [str(d) for d in deals["deal_id"]]
    chosen = st.multiselect(
        t("kpi_rewards.whatif.pick", n=len(ids)),
        ids,
        key=f"whatif:{me}",
        format_func=deal_label(deals),
        placeholder=t("kpi_rewards.whatif.placeholder"),
    )
    w = what_if_deals(pin.plan, att, teams, sat_rep, ctx.period, me, deals, chosen, settings.min_responses)
    before, after = w.before, w.after
    rows = [
        (t("kpi_rewards.whatif.extra"), "", "+" + money(w.extra)),
        (
            t("kpi_rewards.col.attainment"),
            fmt.pct(before.get("attainment")),
            fmt.pct(after.get("attainment")),
        ),
        (
            t("kpi_rewards.col.tier"),
            tier_text(before.get("tier_reached")),
            tier_text(after.get("tier_reached")),
        ),
    ]
    if show_pay:
        rows += [
            (
                t("kpi_rewards.col.commission"),
                money(before.get("commission")),
                money(after.get("commission")),
            ),
            (
                t("kpi_rewards.col.team_share"),
                money(before.get("team_share")),
                money(after.get("team_share")),
            ),
            (t("kpi_rewards.whatif.payout"), money(before.get("total")), money(after.get("total"))),
        ]
    table = pd.DataFrame(rows, columns=["item", "now", "after"])
    c1, c2 = st.columns([3, 2])
    c1.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="whatif_table",
        column_config={
            "item": st.column_config.TextColumn(""),
            "now": st.column_config.TextColumn(t("kpi_rewards.whatif.now")),
            "after": st.column_config.TextColumn(t("kpi_rewards.whatif.after")),
        },
    )
    with c2:
        if show_pay:
            metric_card(
                t("kpi_rewards.whatif.payout_after"),
                money(after.get("total")),
                help=t("kpi_rewards.whatif.now_was", value=money(before.get("total"))),
            )
        else:
            metric_card(
                t("kpi_rewards.whatif.attainment_after"),
                fmt.pct(after.get("attainment")),
                help=t("kpi_rewards.whatif.now_was", value=fmt.pct(before.get("attainment"))),
            )
    if show_pay and chosen:
        with st.expander(t("kpi_rewards.whatif.working")):
            st.dataframe(
                working_table(w.lines).drop(columns="rep"),
                hide_index=True,
                width="stretch",
                key="whatif_lines",
                column_config=working_config(), placeholder="–")
    if pd.isna(before.get("attainment")):
        st.caption(t("kpi_rewards.whatif.no_target"))


def render_satisfaction() -> None:
    st.subheader(t("kpi_rewards.sat.title"))
    if sat_company["responses"].iloc[0] == 0:
        st.info(
            t("kpi_rewards.sat.none_period", period=period_name)
            if catalog.has("surveys")
            else t("kpi_rewards.sat.no_file"),
            icon=":material/sentiment_neutral:",
        )
        return
    by = urlstate.segmented(
        st,
        t("kpi_rewards.sat.by"),
        SATISFACTION_BY,
        key="sby",
        default="rep",
        format_func=lambda d: t(f"dim.{d}", lang),
    )
    frame = ctx.call(
        satisfaction.satisfaction, by, ctx.period, ctx.filters, min_responses=settings.min_responses
    )
    st.caption(t("kpi_rewards.sat.how", n=settings.min_responses))
    if not frame.empty:
        table = frame[
            [
                by,
                "responses",
                "csat",
                "csat_responses",
                "nps",
                "nps_responses",
                "promoters",
                "passives",
                "detractors",
            ]
        ].copy()
        table["judged"] = [t("kpi_rewards.too_few") if few else "" for few in frame["too_few"]]
        st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            height=table_height(len(table)),
            key="sat_table",
            column_config={
                by: st.column_config.TextColumn(t(f"dim.{by}")),
                "responses": st.column_config.NumberColumn(t("kpi_rewards.col.responses"), format="%d"),
                "csat": st.column_config.NumberColumn(t("kpi_rewards.col.csat"), format="percent"),
                "csat_responses": st.column_config.NumberColumn(t("kpi_rewards.col.csat_n"), format="%d"),
                "nps": st.column_config.NumberColumn(t("kpi_rewards.col.nps"), format="%.0f"),
                "nps_responses": st.column_config.NumberColumn(t("kpi_rewards.col.nps_n"), format="%d"),
                "promoters": st.column_config.NumberColumn(t("kpi_rewards.col.promoters"), format="%d"),
                "passives": st.column_config.NumberColumn(t("kpi_rewards.col.passives"), format="%d"),
                "detractors": st.column_config.NumberColumn(t("kpi_rewards.col.detractors"), format="%d"),
                "judged": st.column_config.TextColumn(t("kpi_rewards.col.judged")),
            }, placeholder="–")
        download_buttons(frame, f"satisfaction_{by}_{ctx.period.key}", key="dl:sat")
        show(
            charts.satisfaction_bars(
                frame,
                by,
                csat_label=t("kpi_rewards.col.csat"),
                responses_label=t("kpi_rewards.col.responses"),
                too_few_label=t("kpi_rewards.too_few"),
            ),
            key="chart:sat",
            filename=f"csat_{by}_{ctx.period.key}",
        )
    render_comments()


def render_comments() -> None:
    st.markdown("**" + t("kpi_rewards.comments.title") + "**")
    search = st.text_input(
        t("kpi_rewards.comments.search"),
        key="comment_search",
        max_chars=100,
        placeholder=t("kpi_rewards.comments.placeholder"),
    )
    found = ctx.call(satisfaction.comments, ctx.period, ctx.filters, search=search.strip() or None)
    if found.empty:
        st.caption(t("kpi_rewards.comments.none"))
        return
    st.caption(t("kpi_rewards.comments.count", n=f"{len(found):,}"))
    shown = found.assign(csat=as_text(found["csat"], 0), nps=as_text(found["nps"], 0))
    show_table(
        shown,
        key="comments",
        column_config={
            "date": st.column_config.DateColumn(t("kpi_rewards.col.date"), format="YYYY-MM-DD"),
            "customer": st.column_config.TextColumn(t("dim.customer")),
            "rep": st.column_config.TextColumn(t("dim.rep")),
            "csat": st.column_config.TextColumn("CSAT", alignment="right"),
            "nps": st.column_config.TextColumn("NPS", alignment="right"),
            "comment": st.column_config.TextColumn(t("kpi_rewards.col.comment"), width="large"),
        }, placeholder="–")
    download_buttons(found, f"comments_{ctx.period.key}", key="dl:comments")


def render_collaboration() -> None:
    st.subheader(t("kpi_rewards.collab.title"))
    if collab.empty:
        st.info(
            t("kpi_rewards.collab.none_period", period=period_name)
            if catalog.has("peer_reviews")
            else t("kpi_rewards.collab.no_file"),
            icon=":material/groups:",
        )
        return
    st.caption(t("kpi_rewards.collab.how"))
    st.dataframe(
        collab,
        hide_index=True,
        width="stretch",
        height=table_height(len(collab)),
        key="collab_table",
        column_config={
            "rep": st.column_config.TextColumn(t("dim.rep")),
            "mean_score": st.column_config.ProgressColumn(
                t("kpi_rewards.col.mean_score"), min_value=1, max_value=5, format="%.2f"
            ),
            "reviewers": st.column_config.NumberColumn(t("kpi_rewards.col.reviewers"), format="%d"),
            "reviews": st.column_config.NumberColumn(t("kpi_rewards.col.reviews"), format="%d"),
        }, placeholder="–")
    download_buttons(collab, f"collaboration_{ctx.period.key}", key="dl:collab")


st.title(t("kpi_rewards.title"))
st.caption(t("kpi_rewards.intro", period=period_name))
if not catalog.has("deals"):
    st.info(t("kpi_rewards.no_deals"), icon=":material/upload_file:")
else:
    no_targets_notice(catalog)
view, me, show_pay = render_controls()
render_cards(view, me, show_pay)
render_kpi(view, me)
render_payouts(view, me, show_pay)
render_what_if(me, show_pay)
render_satisfaction()
render_collaboration()
