"""Settings → Accounts (directors only): who may sign in, with which role and as which rep, and
the workspace's audit log with a download.

Every change goes through ``analytics.store.accounts``, which checks it (roles, the last
director, password length) and records it in the audit log under the signed-in login.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.access import ROLES, Scope
from analytics.store import accounts, audit
from analytics.store.transfer import open_workspace
from ui.components import download_buttons, show_table
from ui.i18n import t


def _who(scope: Scope) -> str:
    return scope.user.login if scope.user else "personal"


def _teams(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(",") if x.strip())


def render() -> None:
    """The section, for a director (in personal mode the one person is the director)."""
    scope: Scope = st.session_state.get("_scope", Scope.personal())
    if not scope.may_change_settings:
        return
    folder = open_workspace().docs
    who = _who(scope)
    st.divider()
    st.subheader(t("admin.title"))
    st.caption(t("admin.intro"))
    found = accounts.list_accounts(folder)
    if found:
        table = pd.DataFrame([{
            t("admin.col.login"): a.login, t("admin.col.name"): a.display_name,
            t("admin.col.role"): t(f"role.{a.role}"), t("admin.col.rep"): a.rep,
            t("admin.col.teams"): ", ".join(a.teams), t("admin.col.grant_pay"): a.grant_pay,
            t("admin.col.grant_data"): a.grant_data,
            t("admin.col.locked_until"): f"{a.locked_until:%Y-%m-%d %H:%M} UTC" if a.locked_until else None}
            for a in found])
        show_table(table)
    _add_form(folder, who, first=not found)
    if found:
        _change_form(folder, who, found)
    _audit_log(folder)


def _add_form(folder, who: str, first: bool) -> None:
    # The first account must be a director: it switches the app to team mode, and someone must
    # be able to manage accounts and settings after that.
    roles = ("director",) if first else ROLES
    with st.expander(t("admin.add"), icon=":material/person_add:", expanded=first), st.form("account_add"):
        c1, c2, c3 = st.columns(3)
        login = c1.text_input(t("admin.col.login"), key="add_login")
        name = c2.text_input(t("admin.col.name"), key="add_name")
        role = c3.selectbox(t("admin.col.role"), roles, format_func=lambda r: t(f"role.{r}"), key="add_role")
        c1, c2, c3 = st.columns(3)
        rep = c1.text_input(t("admin.col.rep"), key="add_rep")
        teams = c2.text_input(t("admin.col.teams"), help=t("admin.teams_help"), key="add_teams")
        password = c3.text_input(t("auth.password"), type="password", help=t("admin.password_help"),
                                 key="add_password")
        c1, c2 = st.columns(2)
        grant_pay = c1.checkbox(t("admin.col.grant_pay"))
        grant_data = c2.checkbox(t("admin.col.grant_data"))
        if st.form_submit_button(t("admin.add"), icon=":material/person_add:"):
            _apply(lambda: accounts.add(folder, who, login, role, password or None, display_name=name, rep=rep,
                                        teams=_teams(teams), grant_pay=grant_pay, grant_data=grant_data))


def _change_form(folder, who: str, found: list[accounts.Account]) -> None:
    with st.expander(t("admin.edit"), icon=":material/manage_accounts:"):
        logins = [a.login for a in found]
        login = st.selectbox(t("admin.account"), logins, key="account_pick")
        a = found[logins.index(login)]
        with st.form(f"account_edit:{a.login}"):
            c1, c2, c3 = st.columns(3)
            name = c1.text_input(t("admin.col.name"), a.display_name)
            role = c2.selectbox(t("admin.col.role"), ROLES, index=ROLES.index(a.role),
                                format_func=lambda r: t(f"role.{r}"))
            rep = c3.text_input(t("admin.col.rep"), a.rep or "")
            c1, c2, c3 = st.columns(3)
            teams = c1.text_input(t("admin.col.teams"), ", ".join(a.teams), help=t("admin.teams_help"))
            grant_pay = c2.checkbox(t("admin.col.grant_pay"), a.grant_pay)
            grant_data = c3.checkbox(t("admin.col.grant_data"), a.grant_data)
            if st.form_submit_button(t("admin.save"), icon=":material/save:"):
                _apply(lambda: accounts.update(folder, who, a.login, role=role, display_name=name, rep=rep,
                                               teams=_teams(teams), grant_pay=grant_pay, grant_data=grant_data))
        with st.form(f"account_password:{a.login}"):
            password = st.text_input(t("admin.new_password"), type="password")
            if st.form_submit_button(t("admin.set_password"), icon=":material/key:"):
                _apply(lambda: accounts.set_password(folder, who, a.login, password))
        c1, c2 = st.columns(2)
        if a.locked_until and c1.button(t("admin.unlock"), icon=":material/lock_open:", key="account_unlock"):
            _apply(lambda: accounts.unlock(folder, who, a.login))
        if c2.button(t("admin.remove"), icon=":material/person_remove:", key="account_remove"):
            _apply(lambda: accounts.remove(folder, who, a.login))


def _apply(change) -> None:
    try:
        change()
    except accounts.AccountError as exc:
        st.error(t(exc.problem.code, **exc.problem.params))
        return
    st.success(t("admin.done"))
    st.rerun()


def _audit_log(folder) -> None:
    st.subheader(t("admin.audit"))
    st.caption(t("admin.audit_intro"))
    log = audit.read(folder)
    shown = log.rename(columns={c: t(f"admin.col.{c}") for c in audit.COLUMNS})
    show_table(shown)
    # The download keeps the stable column names; formula-like cells are neutralised by export.
    download_buttons(log, "audit_log", key="audit_log")
