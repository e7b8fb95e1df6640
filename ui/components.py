"""Small shared UI pieces: downloads, metric cards, the "no data" state."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.outputs.export import to_csv_bytes, to_xlsx_bytes
from ui.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(frame: pd.DataFrame, basename: str, key: str, *, narrow: bool = False) -> None:
    """CSV and formatted XLSX of ``frame``; formula-like cells are neutralised by ``export``.

    ``narrow``: the buttons share the whole width (for tables in a half-width column)."""
    c1, c2 = st.columns(2) if narrow else st.columns([1, 1, 4])[:2]
    width = "stretch" if narrow else "content"
    c1.download_button(t("common.download_csv"), to_csv_bytes(frame), file_name=f"{basename}.csv",
                       mime="text/csv", key=f"{key}:csv", icon=":material/download:", width=width)
    c2.download_button(t("common.download_xlsx"), to_xlsx_bytes(frame), file_name=f"{basename}.xlsx",
                       mime=XLSX_MIME, key=f"{key}:xlsx", icon=":material/table_view:", width=width)


def no_data() -> None:
    st.info(t("common.no_data"), icon=":material/search_off:")


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
    as_of, filters = ctx.as_of, ctx.filters

    from analytics.store.report_log import record_report
    from ui.context import workspace

    folder = workspace().folder

    def build() -> bytes:
        cur = source.con.cursor()
        register_stage_map(cur, settings)
        data = build_report_from_con(cur, period, settings=settings, rep=rep, lang=lang, include_pay=include_pay,
                                     as_of=as_of, filters=filters, source=source.kind, version=source.version)
        # The sales process's sixth step (the periodic report) is read from this record.
        record_report(folder, period.key, rep, source=str(source.kind))
        return data

    st.download_button(t("common.report_rep" if rep else "common.report"), build,
                       file_name=report_file_name(period, rep), mime=XLSX_MIME, key=key,
                       icon=":material/summarize:", on_click="ignore", type="primary")
