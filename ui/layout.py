"""Page frame: the data banner, meeting mode, and a guard so one page's error stays on that page."""

from __future__ import annotations

import logging

import streamlit as st

from analytics.store.workspace import WorkspaceError
from ui import format as fmt
from ui.context import Context
from ui.i18n import current_lang, t

log = logging.getLogger("sales")


def meeting_mode_active() -> bool:
    return st.query_params.get("meet") == "1"


def header(ctx: Context, ignored: list[str]) -> None:
    """Which data is in use, settings problems and ignored link values, above every page."""
    src = ctx.source
    if src.kind == "sample":
        st.info(t("banner.sample"), icon=":material/science:")
    elif src.kind == "workspace":
        when = fmt.day(src.published_at) if src.published_at else "–"
        if src.published_at:
            when += f" {src.published_at:%H:%M}"
        st.caption(":material/groups: " + t("banner.workspace", when=when, version=src.version))
    else:
        st.warning(t("banner.session_origins", files=", ".join(src.files), origins=origins_text(src)),
                   icon=":material/lock:")
    for problem in ctx.settings_problems:
        st.warning(t("banner.settings_problem", problem=problem))
    if ignored:
        st.caption(":material/link_off: " + t("sidebar.ignored_param", names=", ".join(ignored)))


def origins_text(src) -> str:
    """Per table, where its rows come from: "Deals: your upload · Targets: team's … · not loaded: …"."""
    from analytics.store.schema import TABLES
    def label(name: str) -> str:
        return t(TABLES[name].label)

    parts = [t(f"banner.origin.{origin}", table=label(name), version=src.version)
             for name, origin in src.origins.items() if origin in ("upload", "team")]
    empty = [label(name) for name, origin in src.origins.items() if origin == "none"]
    if empty:
        parts.append(t("banner.origin.none", tables=", ".join(empty)))
    return " · ".join(parts)


def run_page(navigation) -> None:
    """Run the chosen page; an unexpected error is reported in one line, never a traceback."""
    try:
        navigation.run()
    except WorkspaceError as exc:  # the store failed mid-page (a document read or write): named
        log.warning("page stopped by the store: %s", exc)
        st.error(exc.problem.text(current_lang()), icon=":material/cloud_off:")
    except Exception as exc:  # noqa: BLE001 - the boundary between a page and the user
        log.exception("page failed")
        st.error(t("common.error", error=type(exc).__name__), icon=":material/error:")
