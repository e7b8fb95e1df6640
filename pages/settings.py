"""Settings: the funnel's stages and names, won/lost names, probabilities, fiscal year, currency,
KPI weights. Saved to the workspace's settings file for everyone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from analytics.access import ChangeRefused
from analytics.i18n import LANG_CODES
from analytics.outputs.numbers import CURRENCIES
from analytics.store import changes
from analytics.store.settings import (
    DEFAULT_PERIODS,
    DEFAULT_SETTINGS,
    StageSetting,
    data_currencies,
    data_currency,
    settings_from_dict,
)
from analytics.store.workspace import WorkspaceError
from ui import accounts_admin, context, plan_editor
from ui import format as fmt
from ui.i18n import LANGS, t

ctx = context.current()
s = ctx.settings
FOUND = ctx.call(data_currency)
#: "" is "the data's currency"; then the codes with a symbol and a Chinese name, and a code
#: saved earlier that is not among them.
CURRENCY_CHOICES = ["", *CURRENCIES, *([s.currency] if s.currency and s.currency not in CURRENCIES else [])]


def currency_name(code: str) -> str:
    if not code:
        return t("settings.currency_auto", found=FOUND or t("settings.currency_none"))
    known = CURRENCIES.get(code)
    if known is None:
        return code
    return f"{code} · {t(f'currency.{code}')}"


st.title(t("settings.title"))
st.caption(t("settings.intro"))
if not ctx.scope.may_change_settings:
    st.info(t("scope.read_only_settings"), icon=":material/lock:")
if len(found_all := ctx.call(data_currencies)) > 1:
    st.warning(t("settings.currency_mixed", codes=", ".join(found_all)), icon=":material/currency_exchange:")
if FOUND and s.currency and s.currency != FOUND:
    st.warning(t("settings.currency_mismatch", data=FOUND, chosen=s.currency), icon=":material/currency_exchange:")

with st.form("settings"):
    st.subheader(t("settings.stages"))
    st.caption(t("settings.stages_help"))
    # One name column per language the product speaks; a name left as the catalogue's is not saved.
    name_columns = {f"name:{code}": code for code in LANG_CODES}
    stages = pd.DataFrame([{
        "key": x.key, **{column: x.label(code) for column, code in name_columns.items()},
        "probability": x.probability, "synonyms": " | ".join(x.synonyms)} for x in s.stages])
    edited = st.data_editor(
        stages, num_rows="dynamic", hide_index=True, width="stretch", key="stage_editor",
        column_config={
            "key": st.column_config.TextColumn(t("settings.col.key"), required=True),
            **{column: st.column_config.TextColumn(t("settings.col.name", language=LANGS[code]), required=True)
               for column, code in name_columns.items()},
            "probability": st.column_config.NumberColumn(t("settings.col.probability"), min_value=0.0,
                                                         max_value=1.0, step=0.05, format="percent"),
            "synonyms": st.column_config.TextColumn(t("settings.col.synonyms"), width="large"),
        })
    keys = [str(k) for k in edited["key"].dropna()]
    c1, c2 = st.columns(2)
    names = dict(zip(edited["key"].astype("str"), edited[f"name:{ctx.lang}"], strict=False))
    won = c1.selectbox(t("settings.won_stage"), keys, index=keys.index(s.won_stage) if s.won_stage in keys else 0,
                       format_func=lambda k, names=names: f"{names.get(k) or k} ({k})")
    lost = c2.text_area(t("settings.lost_names"), "\n".join(s.lost_names), height=120)
    c1, c2 = st.columns(2)
    fiscal = c1.selectbox(t("settings.fiscal"), list(range(1, 13)), index=s.fiscal_start_month - 1,
                          format_func=lambda m, lang=ctx.lang: fmt.month(date(2000, m, 1), lang).replace("2000", "")
                          .strip(" 年"))
    currency = c2.selectbox(t("settings.currency"), CURRENCY_CHOICES,
                            index=CURRENCY_CHOICES.index(s.currency) if s.currency in CURRENCY_CHOICES else 0,
                            format_func=currency_name, help=t("settings.currency_help"), accept_new_options=True)
    st.subheader(t("settings.kpi"))
    c1, c2, c3, c4 = st.columns(4)
    w1 = c1.number_input(t("settings.w_revenue"), 0.0, 1.0, float(s.kpi_weights[0]), 0.05)
    w2 = c2.number_input(t("settings.w_satisfaction"), 0.0, 1.0, float(s.kpi_weights[1]), 0.05)
    w3 = c3.number_input(t("settings.w_collaboration"), 0.0, 1.0, float(s.kpi_weights[2]), 0.05)
    cap = c4.number_input(t("settings.cap"), 0.5, 3.0, float(s.revenue_cap), 0.1, format="%.1f")
    c1, c2, c3, c4 = st.columns(4)
    followup = c1.number_input(t("settings.followup"), 1, 180, s.followup_days)
    min_resp = c2.number_input(t("settings.min_responses"), 1, 100, s.min_responses,
                               help=t("settings.min_responses_help"))
    default_period = c4.selectbox(t("settings.default_period"), list(DEFAULT_PERIODS),
                                  index=list(DEFAULT_PERIODS).index(s.default_period),
                                  format_func=lambda k: t(f"settings.default_period.{k}"))
    retention = c3.number_input(t("settings.retention_days"), 1, 36500, s.retention_days,
                                help=t("settings.retention_help"))
    saved = st.form_submit_button(t("settings.save"), type="primary", icon=":material/save:")

if saved:
    data = {
        "stages": [{"key": r["key"], "names": {code: r[column] for column, code in name_columns.items()
                                               if isinstance(r[column], str) and r[column].strip()},
                    "probability": 0.0 if pd.isna(r["probability"]) else float(r["probability"]),
                    "synonyms": [x.strip() for x in str(r["synonyms"] or "").split("|") if x.strip()]}
                   for r in edited.dropna(subset=["key"]).to_dict("records")],
        "won_stage": won, "lost_names": [x.strip() for x in lost.splitlines() if x.strip()],
        "fiscal_start_month": fiscal, "currency": currency or "",
        "kpi_weights": [w1, w2, w3], "revenue_cap": cap, "followup_days": followup, "min_responses": min_resp,
        "retention_days": retention,
        "default_period": default_period,
    }
    new, problems = settings_from_dict(data)
    if problems:
        st.error(t("settings.invalid", problems="; ".join(problems)))
    else:
        weights_only = replace(s, kpi_weights=new.kpi_weights) == new
        try:
            changes.save_workspace_settings(context.workspace().docs, ctx.scope, s, new,
                                            context.workspace().settings_doc,
                                            "kpi_weights.edit" if weights_only else "settings.edit")
        except ChangeRefused as exc:
            st.error(exc.text(ctx.lang), icon=":material/lock:")
        else:
            st.success(t("settings.saved"))
            st.rerun()

if st.button(t("settings.reset"), icon=":material/restart_alt:"):
    try:
        changes.save_workspace_settings(
            context.workspace().docs, ctx.scope, s,
            replace(DEFAULT_SETTINGS, stages=tuple(StageSetting(**vars(x)) for x in DEFAULT_SETTINGS.stages)),
            context.workspace().settings_doc, "settings.reset")
    except ChangeRefused as exc:
        st.error(exc.text(ctx.lang), icon=":material/lock:")
    else:
        st.rerun()

# --- Commission plan -------------------------------------------------------------------------
st.divider()


def render_pins() -> None:
    """Which published versions are kept for ever, whatever their age."""
    ws = context.workspace()
    try:
        versions = ws.version_list()
    except WorkspaceError as exc:
        st.error(exc.problem.text(ctx.lang))
        return
    if versions.empty:
        return
    st.subheader(t("settings.history"))
    labels = {int(r.version): t("settings.version_label", version=int(r.version),
                                when=f"{r.published_at:%Y-%m-%d %H:%M}", files=r.files or "–")
              for r in versions.itertuples(index=False)}
    pinned = [int(v) for v in versions.loc[versions["pinned"], "version"]]
    with st.form("pins"):
        chosen = st.multiselect(t("settings.pinned"), list(labels), default=pinned, format_func=labels.get)
        if st.form_submit_button(t("settings.pin_save"), icon=":material/push_pin:"):
            try:
                with context._WS_LOCK:
                    for version in labels:
                        if (version in chosen) != (version in pinned):
                            changes.pin(ws, ctx.scope, version, version in chosen)
            except ChangeRefused as exc:
                st.error(exc.text(ctx.lang), icon=":material/lock:")
            else:
                st.success(t("settings.pins_saved"))


render_pins()
plan_editor.render_settings(ctx.lang, ctx.currency)
accounts_admin.render()
