"""Sales Performance: the app's frame. Builds the language, data context, period and filters,
then runs the chosen page from ``pages/``.

Run with ``streamlit run app.py``.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics.store import catalog
from ui import auth, context, layout, session_memory, sidebar, urlstate
from ui import meeting as meeting_ui
from ui.i18n import card_css, native_uploader_css, t
from ui.safe import md

if PagesManager.uses_pages_directory:
    # A fresh server runs its first session's first script run in Streamlit's old pages/ mode;
    # its page bookkeeping then differs from the next run's, and the session's first click would
    # wipe every widget's state (filters, meeting mode). Switch modes and start the run again.
    PagesManager.uses_pages_directory = False
    st.rerun()

# In meeting mode the sidebar is hidden (its widgets still run): start it collapsed so it does not
# flash on screen before the meeting's style arrives.
_meeting_now = bool(st.session_state.get("meet", layout.meeting_mode_active()))
st.set_page_config(page_title="Sales Performance · 销售业绩", page_icon=":material/trending_up:",
                   layout="wide", initial_sidebar_state="collapsed" if _meeting_now else "expanded")


def today() -> date:
    """Today, or ``$SALES_TODAY`` (tests and demos pin the clock)."""
    pinned = os.environ.get("SALES_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


PAGES = {
    "nav.section.review": [
        ("pages/overview.py", "nav.overview", ":material/dashboard:", "overview"),
        ("pages/my_progress.py", "nav.my_progress", ":material/person:", "my_progress"),
    ],
    "nav.section.analyse": [
        ("pages/funnel.py", "nav.funnel", ":material/filter_alt:", "funnel"),
        ("pages/segments.py", "nav.segments", ":material/donut_small:", "segments"),
        ("pages/kpi_rewards.py", "nav.kpi", ":material/emoji_events:", "kpi_rewards"),
        ("pages/customers.py", "nav.customers", ":material/contacts:", "customers"),
        ("pages/pipeline_changes.py", "nav.pipeline_changes", ":material/waterfall_chart:", "pipeline_changes"),
    ],
    "nav.section.manage": [
        ("pages/data.py", "nav.data", ":material/upload_file:", "data"),
        ("pages/explore.py", "nav.explore", ":material/query_stats:", "explore"),
        ("pages/settings.py", "nav.settings", ":material/settings:", "settings"),
    ],
}

DEFAULT_URL = "overview"


def deep_linked(path: str, title: str, icon: str, url: str) -> list:
    """The default page, served at the root, and again at its own address: Streamlit serves the
    default page at "/" only, so a link to /overview would open a "Page not found" dialog. The
    second page (hidden from the menu) answers there; both run the same script."""
    return [st.Page(path, title=title, icon=icon, url_path=f"{url}-home", default=True),
            st.Page(path, title=title, icon=icon, url_path=url, visibility="hidden")]


ASSETS = Path(__file__).parent / "ui" / "assets"
session_memory.watch_session()  # a closed tab's upload and imports are released at once
st.logo(str(ASSETS / "logo.svg"), icon_image=str(ASSETS / "icon.svg"), size="large")
lang = sidebar.language_picker()
st.html(native_uploader_css(lang, int(st.get_option("server.maxUploadSize"))))
st.html(card_css(lang))
with context.store_faults_stop():  # a database that does not answer is named here, not a traceback
    st.session_state["_scope"] = auth.session_scope()  # in team mode, stops here until signed in
    ctx = context.build_context(lang)
data_catalog = ctx.call(catalog.catalog)
ctx.period, ctx.as_of = sidebar.period_picker(data_catalog, ctx.settings.fiscal_start_month, today(),
                                              ctx.settings.default_period)
# The URL and the sidebar may narrow the session's scope, never widen it (analytics.access).
url_widened = sidebar.link_outside_scope(ctx.scope)
ctx.filters, widened = ctx.scope.narrow(sidebar.filter_pickers(data_catalog))
ctx.widened = widened or url_widened
sidebar.share_link()
meeting = urlstate.toggle(st.sidebar, t("meeting.toggle"), "meet", help=t("meeting.toggle_help"),
                          on_change=meeting_ui.forget_presenter_state)
st.session_state["_context"] = ctx
st.session_state["_catalog"] = data_catalog
context.watch_publishes(ctx)  # several app servers (PostgreSQL): another's publish shows here within 2 s

if meeting:
    # One page, the meeting, served at every page's address: a link to any page with ?meet=1 opens
    # it, and leaving meeting mode returns to the page the link named.
    navigation = st.navigation(
        [*deep_linked("pages/meeting.py", t("meeting.page_title"), ":material/co_present:", DEFAULT_URL),
         *(st.Page("pages/meeting.py", title=t("meeting.page_title"), icon=":material/co_present:", url_path=url)
           for pages in PAGES.values() for _, _, _, url in pages if url != DEFAULT_URL)],
        position="hidden",
    )
else:
    navigation = st.navigation(
        {t(section): [page for path, title, icon, url in pages
                      for page in (deep_linked(path, t(title), icon, url) if url == DEFAULT_URL
                                   else [st.Page(path, title=t(title), icon=icon, url_path=url)])]
         for section, pages in PAGES.items()},
        position="sidebar",
    )

scoped_dims = ctx.scope.row_filters.active() if ctx.widened else {}
layout.header(ctx, [x for x in urlstate.ignored() if x.split("=", 1)[0] not in scoped_dims])
if ctx.widened:
    st.info(t("scope.widened.rep" if ctx.scope.role == "rep" else "scope.widened.team"), icon=":material/person_pin:")
if context.account_names_nobody(ctx):
    user = ctx.scope.user
    st.warning(t("scope.unmatched.rep", rep=md(user.rep or "")) if ctx.scope.role == "rep"
               else t("scope.unmatched.team", teams=md(", ".join(user.teams))), icon=":material/person_off:")
sidebar.data_gap_notice(data_catalog, ctx.period, ctx.as_of)
layout.run_page(navigation)
