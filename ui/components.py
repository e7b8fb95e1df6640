"""Small shared UI pieces: downloads, a page of a table, metric cards, the "no data" state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from analytics.outputs.export import to_csv_bytes, to_xlsx_bytes
from ui.format import table_height
from ui.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


#: Rows a table shows on screen: what a person can read; the downloads hold every row.
PAGE_ROWS = 200
#: Rows per Excel download: openpyxl writes about 4,000 rows a second, so a larger table is offered
#: in parts of this size (Excel itself stops at 1,048,576 rows); the CSV always holds every row.
XLSX_PART_ROWS = 100_000

Rows = pd.DataFrame | Callable[[], pd.DataFrame]


def download_buttons(frame: Rows, basename: str, key: str, *, narrow: bool = False,
                     rows: int | None = None) -> None:
    """CSV and formatted XLSX of ``frame``; formula-like cells are neutralised by ``export``.

    Nothing is built while the page renders: Streamlit runs the ``data`` callables only when the
    button is clicked (``on_click="ignore"``: the click downloads without rerunning the page).
    ``frame`` may itself be a callable that fetches the rows then, for a table too large to keep
    (give its length in ``rows``); it runs outside the page's run, so it must not use the
    session's cursor. Above :data:`XLSX_PART_ROWS` rows the Excel file comes in parts, chosen
    beside the button.

    ``narrow``: the buttons share the whole width (for tables in a half-width column)."""
    fetch = frame if callable(frame) else (lambda: frame)
    total = len(frame) if isinstance(frame, pd.DataFrame) else int(rows or 0)
    c1, c2 = st.columns(2) if narrow else st.columns([1, 1, 4])[:2]
    width = "stretch" if narrow else "content"
    part = 0
    parts = -(-total // XLSX_PART_ROWS)
    if parts > 1:
        part = c2.selectbox(t("common.xlsx_part"), range(parts), key=f"{key}:part",
                            format_func=lambda i: t("common.rows_range", first=f"{i * XLSX_PART_ROWS + 1:,}",
                                                    last=f"{min((i + 1) * XLSX_PART_ROWS, total):,}"))

    def csv() -> bytes:
        return to_csv_bytes(fetch())

    def xlsx() -> bytes:
        rows_ = fetch()
        if parts > 1:
            rows_ = rows_.iloc[part * XLSX_PART_ROWS:(part + 1) * XLSX_PART_ROWS]
        return to_xlsx_bytes(rows_)

    suffix = f"_{part + 1}" if parts > 1 else ""
    c1.download_button(t("common.download_csv"), csv, file_name=f"{basename}.csv", on_click="ignore",
                       mime="text/csv", key=f"{key}:csv", icon=":material/download:", width=width)
    c2.download_button(t("common.download_xlsx"), xlsx, file_name=f"{basename}{suffix}.xlsx", on_click="ignore",
                       mime=XLSX_MIME, key=f"{key}:xlsx", icon=":material/table_view:", width=width)


def show_table(frame: pd.DataFrame, *, total: int | None = None, max_px: int = 560,
          style: Callable[[pd.DataFrame], Any] | None = None, **dataframe_args: Any) -> None:
    """At most :data:`PAGE_ROWS` rows of ``frame`` on screen, in the order given, and when there are
    more, a line saying how many (``total``: the table's full length when ``frame`` holds only its
    first rows). Sending a quarter of a million rows to a browser shows nobody anything; the
    downloads beside the table hold every row. ``style`` (e.g. a Styler) is applied to the rows
    shown only; ``max_px`` caps the height."""
    total = len(frame) if total is None else total
    page = frame.head(PAGE_ROWS)
    dataframe_args.setdefault("hide_index", True)
    dataframe_args.setdefault("width", "stretch")
    dataframe_args.setdefault("placeholder", "–")
    st.dataframe(style(page) if style else page, height=table_height(len(page), max_px), **dataframe_args)
    if total > len(page):
        st.caption(t("common.rows_shown", shown=f"{len(page):,}", total=f"{total:,}"))


def no_data() -> None:
    st.info(t("common.no_data"), icon=":material/search_off:")


def no_targets_notice(catalog) -> bool:
    """When the data holds no targets at all: say so once, plainly, with a way to the Data page.

    Returns True when shown, so the page can leave out what needs targets (pace colours)."""
    if catalog.has("targets"):
        return False
    with st.container(border=True):
        c1, c2 = st.columns([3, 1], vertical_alignment="center")
        c1.markdown(":material/flag: " + t("common.no_targets_loaded"))
        # Meeting mode serves one page only (no Data page to link to): the text alone there.
        if st.query_params.get("meet") != "1":
            c2.page_link("pages/data.py", label=t("common.go_to_data"), icon=":material/upload_file:")
    return True


def metric_card(label: str, value: str, *, delta: str | None = None, delta_color: str = "normal",
                help: str | None = None, trend: list[float] | None = None) -> None:
    """A bordered metric with an optional change line and sparkline (``trend``, oldest first)."""
    st.metric(label, value, delta=delta, delta_color=delta_color, help=help, border=True,
              chart_data=trend if trend else None, chart_type="line")


def report_button(ctx, *, rep: str | None = None, include_pay: bool = False, key: str = "report") -> None:
    """One click: the month's report workbook (department, or ``rep``'s own with their pay).

    The workbook is built only when the button is clicked (deferred ``data``), on a fresh
    cursor because that happens outside the page's run.
    """
    from analytics.outputs.report import build_report_from_con, report_file_name
    from analytics.store.settings import register_stage_map

    source, period, settings, lang = ctx.source, ctx.period, ctx.settings, ctx.lang
    as_of, filters, scope = ctx.as_of, ctx.filters, ctx.scope

    from analytics.store.report_log import record_report
    from ui.context import workspace

    folder = workspace().docs

    def build() -> bytes:
        cur = source.con.cursor()
        register_stage_map(cur, settings)
        data = build_report_from_con(cur, period, settings=settings, rep=rep, lang=lang, include_pay=include_pay,
                                     as_of=as_of, filters=filters, source=source.kind, version=source.version,
                                     scope=scope)
        # The sales process's sixth step (the periodic report) is read from this record.
        record_report(folder, period.key, rep, source=str(source.kind))
        return data

    st.download_button(t("common.report_rep" if rep else "common.report"), build,
                       file_name=report_file_name(period, rep), mime=XLSX_MIME, key=key,
                       icon=":material/summarize:", on_click="ignore", type="primary")
