"""Sign-in: which ``Scope`` this browser session reads with.

``app.py`` calls :func:`session_scope` before it builds the data context and stores the answer
in ``st.session_state["_scope"]``, which the context and every read obey.

- Personal mode (no accounts in the workspace, no identity provider in ``secrets.toml``): the
  session is everyone, and a badge in the sidebar says so.
- Team mode: nobody signed in sees the sign-in screen only, and the page stops there
  (``st.stop()``, before any data is read). Built-in accounts sign in with a password; an
  identity provider configured in ``[auth]`` signs in with Streamlit's ``st.login``, and the
  e-mail it vouches for must be an account's login. The account is read again on every run,
  so a role changed or an account removed by a director applies at once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from analytics.access import Scope, User
from analytics.store import accounts
from analytics.store.accounts import Refusal
from analytics.store.transfer import open_workspace
from ui.i18n import t
from ui.safe import md

#: The signed-in built-in or identity-provider user of this session.
USER_KEY = "_user"
#: "password" or "oidc": how the session signed in (sign-out differs).
VIA_KEY = "_signed_in_via"


def secrets() -> dict[str, Any]:
    """``st.secrets`` as a dict; {} when there is no secrets file. A secrets file that exists but
    cannot be read stops the page: guessing "no identity provider" could open a team's data."""
    try:
        return dict(st.secrets)
    except StreamlitSecretNotFoundError:
        present = [p for p in st.get_option("secrets.files") if Path(p).exists()]
        if present:
            st.error(t("auth.secrets_unreadable", file=", ".join(present)))
            st.stop()
        return {}


def session_scope(folder: Path | None = None) -> Scope:
    """The session's scope; in team mode without a signed-in user, the sign-in screen and a stop."""
    folder = folder or open_workspace().docs
    config = secrets()
    if not accounts.team_mode(folder, config):
        st.sidebar.caption(":material/lock_open: " + t("auth.personal_badge"))
        return Scope.personal()
    user = _signed_in_user(folder, config)
    if user is None:
        sign_in_screen(folder, config)
        st.stop()
    assert user is not None
    _sidebar_badge(user)
    return Scope.for_user(user)


def _signed_in_user(folder: Path, config: dict[str, Any]) -> User | None:
    """The session's user, read again from the accounts (None when gone or not signed in)."""
    kept: User | None = st.session_state.get(USER_KEY)
    if kept is not None:
        fresh = accounts.user_for_login(folder, kept.login)
        if fresh is None:  # the account was removed: the session ends
            for key in (USER_KEY, VIA_KEY):
                st.session_state.pop(key, None)
        else:
            st.session_state[USER_KEY] = fresh
        return fresh
    if accounts.oidc_providers(config) and st.user.get("is_logged_in"):
        email = str(st.user.get("email") or "")
        fresh = accounts.user_for_login(folder, email) if email else None
        if fresh is not None:
            st.session_state[USER_KEY] = fresh
            st.session_state[VIA_KEY] = "oidc"
        return fresh
    return None


def sign_in_screen(folder: Path, config: dict[str, Any]) -> None:
    """The password form, and one button per configured identity provider."""
    # The page menu is not drawn before sign-in (st.navigation never runs), but on a server's first
    # run Streamlit lists the pages/ folder by file name: hide it, the names say nothing yet.
    st.html("<style>[data-testid='stSidebarNav'] { display: none; }</style>")
    st.title(t("auth.title"))
    st.caption(t("auth.intro"))
    providers = accounts.oidc_providers(config)
    if providers and st.user.get("is_logged_in"):
        # The provider vouched for someone who has no account here.
        email = str(st.user.get("email") or "")
        st.error(t("auth.no_account", login=md(email)) if email else t("auth.no_email"))
        if st.button(t("auth.sign_out"), icon=":material/logout:", key="oidc_sign_out"):
            st.logout()
        return
    left, _ = st.columns([2, 3])
    with left:
        for name, label in providers:
            if st.button(t("auth.sign_in_with", provider=md(label)), icon=":material/badge:",
                         key=f"oidc:{name or 'default'}", type="primary", width="stretch"):
                st.login(name) if name else st.login()
        if not accounts.list_accounts(folder) and providers:
            return  # no built-in accounts: the provider is the only way in
        with st.form("sign_in"):
            login = st.text_input(t("auth.login"), key="sign_in_login", autocomplete="username")
            password = st.text_input(t("auth.password"), type="password", key="sign_in_password",
                                     autocomplete="current-password")
            submitted = st.form_submit_button(t("auth.submit"), type="primary", icon=":material/login:")
        st.caption(t("auth.rule", count=accounts.MAX_FAILURES, minutes=accounts.LOCK_MINUTES))
        if not submitted:
            return
        answer = accounts.verify(folder, login, password, _now())
        if isinstance(answer, Refusal):
            if answer.reason == "locked" and answer.locked_until is not None:
                st.error(t("auth.locked", until=f"{answer.locked_until:%Y-%m-%d %H:%M} UTC"),
                         icon=":material/lock_clock:")
            else:
                st.error(t("auth.wrong"), icon=":material/error:")
            return
        st.session_state[USER_KEY] = answer
        st.session_state[VIA_KEY] = "password"
        st.rerun()


def _now():
    """The clock sign-in counts lock-outs with: ``$SALES_NOW`` (ISO, tests) pins it."""
    from datetime import UTC, datetime

    pinned = os.environ.get("SALES_NOW")
    return datetime.fromisoformat(pinned) if pinned else datetime.now(UTC)


def _sidebar_badge(user: User) -> None:
    sb = st.sidebar
    sb.caption(":material/account_circle: " + t("auth.signed_in_as", name=md(user.display_name),
                                                 role=t(f"role.{user.role}")))
    if sb.button(t("auth.sign_out"), icon=":material/logout:", key="sign_out"):
        via = st.session_state.get(VIA_KEY)
        st.session_state.clear()  # nothing of this person stays in the session (uploads included)
        if via == "oidc":
            st.logout()
        st.rerun()
