"""The commission plan in use, and its editor in Settings (a form, YAML upload and download).

The plan in use is decided by ``analytics.metrics.plan.plan_in_use``: the workspace's plan file
when it exists, else the default plan in ``data/commission_plan.yaml``. An invalid workspace file
is never fatal and never replaced by the default: pages, the report and the CLI say the plan is
invalid and show no pay; Settings shows why and offers the default plan as a starting point to
fix it. Saving validates with ``analytics.metrics.plan.load_plan`` and writes the file atomically
(a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
import yaml

from analytics import i18n
from analytics.access import ChangeRefused
from analytics.metrics.plan import (
    EFFECTS,
    MODES,
    PAYOUT_PERIODS,
    SPLITS,
    Plan,
    PlanInUse,
    default_plan,
    load_plan,
)
from analytics.metrics.plan import plan_in_use as _plan_in_use
from analytics.store import changes
from analytics.store.documents import Doc, doc_of
from analytics.store.settings import DEFAULT_SETTINGS
from ui import context
from ui import format as fmt
from ui.i18n import Lang, t
from ui.safe import md

GATE_CHOICES = ("none", *EFFECTS)
POOL_CHOICES = ("none", "amount", "share_of_excess")
_NOTE = "_plan_note"



def plan_in_use() -> PlanInUse:
    """The commission plan in use for this workspace (``analytics.metrics.plan.plan_in_use``: the
    saved plan, else the default; an invalid saved plan means no pay, never the default)."""
    return _plan_in_use(context.workspace())


def save_plan_text(text: str, path: Path | Doc) -> None:
    """Write ``text`` to the store's plan atomically: readers see the old plan or the new one, never half."""
    doc_of(path).write(text)


def show_file_problems(pin: PlanInUse, lang: Lang) -> None:
    """A warning when the plan in use is invalid (and why: no pay until it is fixed), or a note
    with the plan file's warnings."""
    if pin.invalid:
        problems = pin.pay_problems()
        lines = "\n".join(f"- {md(p.text(lang))}" for p in problems[1:])
        st.warning(md(problems[0].text(lang)) + "\n\n" + lines, icon=":material/rule:")
    elif pin.problems:
        lines = "\n".join(f"- {md(p.text(lang))}" for p in pin.problems)
        st.caption(t("plan_editor.file_warnings") + "\n\n" + lines)


# --- the form ------------------------------------------------------------------------------------


def to_percent(fraction: float | None) -> float:
    """0.05 → 5.0 (rounded so 0.07 shows as 7, not 7.000000000000001)."""
    return 0.0 if fraction is None else round(float(fraction) * 100.0, 8)


def to_fraction(percent: object) -> float | None:
    """5 → 0.05; blank → None (the validation then says the value is missing)."""
    if percent is None or (isinstance(percent, float) and math.isnan(percent)) or percent is pd.NA:
        return None
    return round(float(percent) / 100.0, 10)  # type: ignore[arg-type]


def tiers_frame(plan: Plan) -> pd.DataFrame:
    """The plan's tiers as the editor shows them: from and rate in percent."""
    return pd.DataFrame(
        {
            "from_pct": [to_percent(x.start) for x in plan.tiers],
            "rate_pct": [to_percent(x.rate) for x in plan.tiers],
        }
    ).astype("float64")


def form_to_dict(
    *,
    name: str,
    valid_from: str,
    valid_to: str,
    payout_period: str,
    threshold_pct: float,
    mode: str,
    tiers: pd.DataFrame,
    cap: float,
    gate: str,
    gate_level_pct: float,
    gate_factor: float,
    pool: str,
    pool_amount: float,
    pool_share_pct: float,
    pool_split: str,
) -> dict[str, Any]:
    """The form's values as a plan in the documented schema (percent inputs become fractions;
    blank validity, a cap of 0, "none" gate and pool are left out). Validation is load_plan's."""
    data: dict[str, Any] = {"name": name.strip() or "Commission plan"}
    if valid_from.strip():
        data["valid_from"] = valid_from.strip()
    if valid_to.strip():
        data["valid_to"] = valid_to.strip()
    data["payout_period"] = payout_period
    data["basis"] = "revenue"
    data["threshold"] = to_fraction(threshold_pct) or 0.0
    data["mode"] = mode
    rows = tiers.dropna(how="all")
    data["tiers"] = [
        {"from": to_fraction(r.from_pct), "rate": to_fraction(r.rate_pct)}
        for r in rows.itertuples(index=False)
    ]
    if cap and cap > 0:
        data["cap"] = float(cap)
    if gate == "gate":
        data["csat_gate"] = {"effect": "gate", "min_csat": to_fraction(gate_level_pct)}
    elif gate == "multiplier":
        data["csat_gate"] = {
            "effect": "multiplier",
            "below": to_fraction(gate_level_pct),
            "factor": float(gate_factor),
        }
    if pool == "amount":
        data["team_pool"] = {"when": "team_reaches_target", "amount": float(pool_amount), "split": pool_split}
    elif pool == "share_of_excess":
        data["team_pool"] = {
            "when": "team_reaches_target",
            "share_of_excess": to_fraction(pool_share_pct),
            "split": pool_split,
        }
    return data


def dict_to_yaml(data: dict[str, Any]) -> str:
    header = "# Commission plan saved from Settings (schema: docs/commission_plan.md)\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None)


def validate_and_save(text: str | bytes, path: Path, lang: Lang) -> bool:
    """Validate ``text`` with ``load_plan``; save it when valid (True), else show every problem."""
    plan, problems = load_plan(text)
    errors = [p for p in problems if p.severity == "error"]
    if plan is None or errors:
        st.error(
            t("plan_editor.not_saved")
            + "\n\n"
            + "\n".join(f"- {md(p.text(lang))}" for p in errors or problems),
            icon=":material/error:",
        )
        return False
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    try:
        changes.save_plan(context.workspace().docs, context.current().scope, path, text.lstrip("\ufeff"), save_plan_text)
    except ChangeRefused as exc:
        st.error(exc.text(lang), icon=":material/lock:")
        return False
    note = t("plan_editor.saved", name=plan.name)
    warnings = [p.text(lang) for p in problems]
    st.session_state[_NOTE] = (note, warnings)
    return True


def _render_form(pin: PlanInUse, lang: Lang, currency: str | None, path: Path) -> None:
    plan = pin.plan or default_plan()  # an invalid saved plan: start its repair from the default
    key = f"plan:{pin.token}"
    with st.form(f"{key}:form"):
        c1, c2, c3 = st.columns([2, 1, 1])
        name = c1.text_input(t("plan_editor.name"), plan.name, max_chars=80, key=f"{key}:name")
        valid_from = c2.text_input(
            t("plan_editor.valid_from"),
            plan.valid_from or "",
            placeholder="YYYY-MM",
            help=t("plan_editor.valid_help"),
            key=f"{key}:from",
        )
        valid_to = c3.text_input(
            t("plan_editor.valid_to"),
            plan.valid_to or "",
            placeholder="YYYY-MM",
            help=t("plan_editor.valid_help"),
            key=f"{key}:to",
        )
        c1, c2, c3 = st.columns([1, 1, 2])
        periods = list(PAYOUT_PERIODS)
        payout_period = c1.selectbox(
            t("plan_editor.payout_period"),
            periods,
            index=periods.index(plan.payout_period),
            format_func=lambda p: t(f"plan_editor.period.{p}", lang),
            key=f"{key}:pp",
        )
        threshold = c2.number_input(
            t("plan_editor.threshold"),
            0.0,
            1000.0,
            to_percent(plan.threshold),
            5.0,
            format="%.1f",
            help=t("plan_editor.threshold_help"),
            key=f"{key}:thr",
        )
        mode = c3.radio(
            t("plan_editor.mode"),
            list(MODES),
            index=list(MODES).index(plan.mode),
            horizontal=True,
            format_func=lambda m: t(f"plan_editor.mode.{m}", lang),
            help=t("plan_editor.mode_help"),
            key=f"{key}:mode",
        )
        left, right = st.columns([3, 2])
        left.markdown("**" + t("plan_editor.tiers") + "**")
        tiers = left.data_editor(
            tiers_frame(plan),
            num_rows="dynamic",
            hide_index=True,
            key=f"{key}:tiers",
            width="stretch",
            column_config={
                "from_pct": st.column_config.NumberColumn(
                    t("plan_editor.col.from"),
                    min_value=0.0,
                    max_value=1000.0,
                    step=1.0,
                    format="%.1f %%",
                    required=True,
                ),
                "rate_pct": st.column_config.NumberColumn(
                    t("plan_editor.col.rate"),
                    min_value=0.0,
                    max_value=100.0,
                    step=0.5,
                    format="%.2f %%",
                    required=True,
                ),
            },
        )
        right.caption(t("plan_editor.tiers_help"))
        cap = right.number_input(
            t("plan_editor.cap", unit=fmt.with_unit("", currency, lang)),
            0.0,
            1e12,
            float(plan.cap or 0.0),
            1000.0,
            format="%.0f",
            help=t("plan_editor.cap_help"),
            key=f"{key}:cap",
        )

        st.markdown("**" + t("plan_editor.csat") + "**")
        g = plan.csat_gate
        c1, c2, c3, c4 = st.columns(4)
        gate = c1.selectbox(
            t("plan_editor.gate"),
            list(GATE_CHOICES),
            index=GATE_CHOICES.index(g.effect if g else "none"),
            format_func=lambda x: t(f"plan_editor.gate.{x}", lang),
            help=t("plan_editor.gate_help"),
            key=f"{key}:gate",
        )
        level = c2.number_input(
            t("plan_editor.gate_level"),
            0.0,
            100.0,
            to_percent(g.min_csat) if g else 80.0,
            5.0,
            format="%.1f",
            key=f"{key}:glevel",
        )
        factor = c3.number_input(
            t("plan_editor.gate_factor"),
            0.0,
            10.0,
            float(g.factor) if g else 0.9,
            0.05,
            format="%.2f",
            help=t("plan_editor.gate_factor_help"),
            key=f"{key}:gfactor",
        )
        # How many responses it takes to judge is the department's one rule (Settings), not the plan's.
        c4.caption(t("plan_editor.gate_min_responses", n=context.current().settings.min_responses))

        st.markdown("**" + t("plan_editor.pool") + "**")
        p = plan.team_pool
        current_pool = "none" if p is None else ("amount" if p.amount is not None else "share_of_excess")
        c1, c2, c3, c4 = st.columns(4)
        pool = c1.selectbox(
            t("plan_editor.pool_kind"),
            list(POOL_CHOICES),
            index=POOL_CHOICES.index(current_pool),
            format_func=lambda x: t(f"plan_editor.pool.{x}", lang),
            key=f"{key}:pool",
        )
        amount = c2.number_input(
            t("plan_editor.pool_amount", unit=fmt.with_unit("", currency, lang)),
            0.0,
            1e12,
            float(p.amount) if p and p.amount is not None else 5000.0,
            500.0,
            format="%.0f",
            key=f"{key}:pamount",
        )
        share = c3.number_input(
            t("plan_editor.pool_share"),
            0.0,
            100.0,
            to_percent(p.share_of_excess) if p and p.share_of_excess is not None else 5.0,
            0.5,
            format="%.2f",
            key=f"{key}:pshare",
        )
        split = c4.selectbox(
            t("plan_editor.pool_split"),
            list(SPLITS),
            index=list(SPLITS).index(p.split if p else "equal"),
            format_func=lambda x: t(f"plan_editor.split.{x}", lang),
            key=f"{key}:psplit",
        )
        saved = st.form_submit_button(t("plan_editor.save"), type="primary", icon=":material/save:")
    if saved:
        data = form_to_dict(
            name=name,
            valid_from=valid_from,
            valid_to=valid_to,
            payout_period=payout_period,
            threshold_pct=threshold,
            mode=mode,
            tiers=tiers,
            cap=cap,
            gate=gate,
            gate_level_pct=level,
            gate_factor=factor,
            pool=pool,
            pool_amount=amount,
            pool_share_pct=share,
            pool_split=split,
        )
        if validate_and_save(dict_to_yaml(data), path, lang):
            st.rerun()


def _render_file(pin: PlanInUse, lang: Lang, path: Path) -> None:
    st.caption(t("plan_editor.file_help"))
    st.download_button(
        t("plan_editor.download"),
        pin.text.encode("utf-8"),
        file_name="commission_plan.yaml",
        mime="application/x-yaml",
        icon=":material/download:",
        key="plan_download",
    )
    upload = st.file_uploader(t("plan_editor.upload"), type=["yaml", "yml", "json"], key="plan_upload")
    if upload is None:
        return
    data = upload.getvalue()
    plan, problems = load_plan(data)
    errors = [p for p in problems if p.severity == "error"]
    if plan is None or errors:
        st.error(
            t("plan_editor.upload_invalid", file=md(upload.name))
            + "\n\n"
            + "\n".join(f"- {md(p.text(lang))}" for p in errors or problems),
            icon=":material/error:",
        )
        return
    st.success(
        t(
            "plan_editor.upload_valid",
            file=md(upload.name),
            name=md(plan.name),
            tiers=len(plan.tiers),
        ),
        icon=":material/task_alt:",
    )
    for p in problems:
        st.warning(md(p.text(lang)))
    if st.button(
        t("plan_editor.use_upload"), type="primary", icon=":material/publish:", key="plan_use_upload"
    ) and validate_and_save(data, path, lang):
        st.rerun()


def render_settings(lang: Lang, currency: str | None = None) -> None:
    """The "Commission plan" section of Settings; amounts in ``currency`` (ISO code, None = unknown)."""
    path = context.workspace().plan_doc
    pin = plan_in_use()
    st.header(t("plan_editor.title"))
    st.caption(t("plan_editor.intro"))
    if note := st.session_state.pop(_NOTE, None):
        st.success(note[0], icon=":material/task_alt:")
        for w in note[1]:
            st.warning(md(w))
    show_file_problems(pin, lang)
    if pin.plan is not None:
        source = t(f"plan_editor.source.{pin.source}")
        st.markdown(t("plan_editor.in_use", name=md(pin.plan.name), source=source))
    tab_form, tab_file = st.tabs([t("plan_editor.tab.form"), t("plan_editor.tab.file")])
    with tab_form:
        _render_form(pin, lang, currency, path)
    with tab_file:
        _render_file(pin, lang, path)
    if path.exists() and st.button(t("plan_editor.reset"), icon=":material/restart_alt:", key="plan_reset"):
        path.delete()
        st.session_state[_NOTE] = (t("plan_editor.reset_done"), [])
        st.rerun()


def plan_summary(plan: Plan, currency: str | None, lang: Lang,
                 min_responses: int = DEFAULT_SETTINGS.min_responses) -> list[str]:
    """The plan in a few plain lines (for the KPI & rewards page's "how this plan pays");
    ``min_responses`` is the department's minimum-evidence rule (``Settings.min_responses``)."""
    out = []
    tiers = i18n.join([t("plan_editor.summary.tier", lang, start=fmt.pct(x.start, 0), rate=fmt.pct(x.rate, 1))
                       for x in plan.tiers], lang)
    out.append(t(f"plan_editor.summary.mode.{plan.mode}", lang, tiers=tiers))
    if plan.threshold > 0:
        out.append(t("plan_editor.summary.threshold", lang, threshold=fmt.pct(plan.threshold, 0)))
    if plan.cap is not None:
        out.append(
            t(
                "plan_editor.summary.cap",
                lang,
                cap=fmt.money(plan.cap, currency, lang, compact=False),
                period=t(f"plan_editor.per.{plan.payout_period}", lang),
            )
        )
    g = plan.csat_gate
    if g is not None:
        key = "plan_editor.summary.gate" if g.effect == "gate" else "plan_editor.summary.multiplier"
        out.append(t(key, lang, level=fmt.pct(g.min_csat, 0), factor=f"{g.factor:g}", n=min_responses))
    p = plan.team_pool
    if p is not None:
        split = t(f"plan_editor.split.{p.split}", lang)
        if p.amount is not None:
            out.append(
                t(
                    "plan_editor.summary.pool_amount",
                    lang,
                    amount=fmt.money(p.amount, currency, lang, compact=False),
                    period=t(f"plan_editor.per.{plan.payout_period}", lang),
                    split=split,
                )
            )
        else:
            out.append(
                t("plan_editor.summary.pool_share", lang, share=fmt.pct(p.share_of_excess, 1), split=split)
            )
    if plan.valid_from or plan.valid_to:
        out.append(
            t("plan_editor.summary.valid", lang, start=plan.valid_from or "…", end=plan.valid_to or "…")
        )
    return out
