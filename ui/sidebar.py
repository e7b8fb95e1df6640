"""The sidebar: language, period and the global filters, every one of them kept in the URL.

The address bar always holds the view (``ui.urlstate``), so a copied link reproduces it.
Values in a link that the data does not have are ignored, and the page says which, so nobody
wonders why a shared link shows something else.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from analytics import i18n
from analytics.access import Scope
from analytics.filters import Filters
from analytics.periods import (
    Period,
    add_months,
    custom_period,
    fiscal_year_of,
    month_period,
    month_start,
    parse_period,
    quarter_of,
    year_period,
    year_to_date,
)
from analytics.store.catalog import DataCatalog, days_after_data_end, default_period_day
from ui import format as fmt
from ui import urlstate
from ui.i18n import LANGS, current_lang, t

PERIOD_KINDS = ("month", "quarter", "ytd", "year", "custom")
FILTER_DIMS = ("team", "rep", "region", "segment", "channel")


def language_picker() -> i18n.Lang:
    """The language selector (first in the sidebar); defaults to the browser's locale."""
    locale = (st.context.locale or "") if hasattr(st.context, "locale") else ""
    urlstate.reset_ignored()
    # Labelled in every language at once, so someone who cannot read the current one still finds it.
    label = " / ".join(dict.fromkeys(i18n.texts("sidebar.language")))
    return i18n.parse_lang(urlstate.selectbox(st.sidebar, label, list(LANGS), "lang", i18n.lang_for_locale(locale),
                                              format_func=LANGS.get))


def period_picker(cat: DataCatalog, fiscal_start: int, today: date,
                  default_period: str = "current") -> tuple[Period, date]:
    """Period kind and value, and the as-of day; returns (period, as_of).

    As of is today unless the user picks a day (``asof`` in the link); the period opens on the
    calendar period holding it, or the last complete one (``default_period``, a Settings choice).
    The sidebar says when the data ends, so a page never passes off missing days as a slow month.
    """
    lang = current_lang()
    sb = st.sidebar
    sb.subheader(t("sidebar.period"))
    as_of = urlstate.date_input(sb, t("sidebar.as_of_pick"), "asof", today, help=t("sidebar.as_of_help"),
                                format="YYYY-MM-DD")
    first = cat.first_date or add_months(as_of, -23)
    last = max(as_of, cat.last_date or as_of)
    kind = urlstate.segmented(sb, t("sidebar.period_kind"), PERIOD_KINDS, "pk", "month",
                              format_func=lambda k, lang=lang: t(f"period.{k}", lang), label_visibility="collapsed")
    for other, param in (("month", "p"), ("quarter", "q"), ("year", "y"), ("custom", "from"), ("custom", "to")):
        if other != kind and param in st.query_params:
            del st.query_params[param]  # a hidden widget's value must not linger in the link

    months: list[date] = []
    cur = month_start(last)
    while cur >= month_start(first):
        months.append(cur)
        cur = add_months(cur, -1)
    if kind == "month":
        keys = [f"{m.year}-{m.month:02d}" for m in months]
        day = default_period_day(as_of, default_period, month_start(as_of))
        default_key = f"{day.year}-{day.month:02d}"
        key = urlstate.selectbox(sb, t("period.month"), keys, "p", default_key if default_key in keys else keys[0],
                                 format_func=lambda k, lang=lang: fmt.month(parse_period(k).start, lang),
                                 label_visibility="collapsed")
        period = month_period(parse_period(key).start)
    elif kind == "quarter":
        quarters: list[Period] = []
        for m in months:
            q = quarter_of(m, fiscal_start)
            if q not in quarters:
                quarters.append(q)
        keys = [q.key for q in quarters]
        day = default_period_day(as_of, default_period, quarter_of(as_of, fiscal_start).start)
        default_key = quarter_of(day, fiscal_start).key
        key = urlstate.selectbox(sb, t("period.quarter"), keys, "q",
                                 default_key if default_key in keys else keys[0],
                                 format_func=lambda k, lang=lang: fmt.period_label(quarters[keys.index(k)], lang),
                                 label_visibility="collapsed")
        period = quarters[keys.index(key)]
    elif kind == "year":
        years = sorted({fiscal_year_of(m, fiscal_start) for m in months}, reverse=True)
        keys = [str(y) for y in years]
        day = default_period_day(as_of, default_period, year_period(fiscal_year_of(as_of, fiscal_start),
                                                                     fiscal_start).start)
        default_key = str(fiscal_year_of(day, fiscal_start))
        key = urlstate.selectbox(sb, t("period.year"), keys, "y", default_key if default_key in keys else keys[0],
                                 label_visibility="collapsed")
        period = year_period(int(key), fiscal_start)
    elif kind == "ytd":
        period = year_to_date(as_of, fiscal_start)
    else:
        c1, c2 = sb.columns(2)
        start = urlstate.date_input(c1, t("sidebar.from"), "from", month_start(as_of))
        end = urlstate.date_input(c2, t("sidebar.to"), "to", as_of)
        if end < start:
            start, end = end, start
        period = custom_period(start, end)
    sb.caption(data_end_note(cat.data_end, as_of))
    return period, as_of


def data_end_note(data_end: date | None, as_of: date) -> str:
    """"Figures as of …" and when the data ends; a gap between the two is named in days."""
    head = t("sidebar.as_of", date=fmt.day(as_of))
    if data_end is None:
        return head
    if data_end < as_of:
        return head + " · " + t("sidebar.data_ends_before", date=fmt.day(data_end), days=(as_of - data_end).days)
    return head + " · " + t("sidebar.data_ends", date=fmt.day(data_end))


def data_gap_notice(cat: DataCatalog, period: Period, as_of: date) -> None:
    """Above the page: the period reaches days the data does not cover yet (no silent zeros)."""
    missing = days_after_data_end(cat.data_end, period.start, period.end, as_of)
    if missing and cat.data_end is not None:
        st.info(t("sidebar.data_gap", date=fmt.day(cat.data_end), days=missing), icon=":material/event_busy:")


def link_outside_scope(scope: Scope) -> bool:
    """Whether this session's link named a rep or team outside ``scope`` (remembered for the
    session, so the page keeps saying so). The sidebar then shows the scope's own rows: the
    scoped data has no such name, and the "not in the data" note is not repeated for it."""
    mine = scope.row_filters.active()
    for dim in mine:
        if urlstate._seeded(dim):
            continue
        asked = Filters(**{dim: tuple(v for v in st.query_params.get_all(dim) if v)})
        if scope.narrow(asked)[1]:
            st.session_state["_scope_widened"] = True
    return bool(st.session_state.get("_scope_widened"))


def filter_pickers(cat: DataCatalog) -> Filters:
    """Multiselects for team, rep, region, segment, channel (only those the data has)."""
    sb = st.sidebar
    sb.subheader(t("sidebar.filters"))
    # A page (e.g. a chart click) may ask for filters; apply them before the widgets exist.
    for dim, values in (st.session_state.pop("_pending_filters", None) or {}).items():
        if dim in FILTER_DIMS:
            st.session_state[dim] = list(values)
    picks: dict[str, tuple[str, ...]] = {}
    for dim in FILTER_DIMS:
        options = list(cat.dimension_values.get(dim, ()))
        if not options:
            continue
        chosen = urlstate.multiselect(sb, t(f"dim.{dim}"), options, dim, placeholder=t("sidebar.all"))
        picks[dim] = tuple(chosen)
    if any(picks.values()):
        sb.button(t("sidebar.clear_filters"), icon=":material/filter_alt_off:", on_click=_clear_filters)
    return Filters(**picks)


def _clear_filters() -> None:
    for dim in FILTER_DIMS:
        st.session_state[dim] = []


def share_link() -> None:
    """The address of exactly this view, with a copy button (``st.code`` has one)."""
    url = st.context.url or ""
    base = url.split("?", 1)[0]
    params = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    with st.sidebar.expander(t("sidebar.share"), icon=":material/link:"):
        st.caption(t("sidebar.link_note"))
        st.code(f"{base}?{params}" if params else base, language=None, wrap_lines=True)
