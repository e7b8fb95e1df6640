"""The monthly report workbook (SPEC §4 "Sharing"): the department's or one rep's period in one
formatted Excel file, in English or Simplified Chinese.

Every figure comes from the analytics modules (attainment, funnel, performance, satisfaction,
kpi, rewards); this module only lays them out. Money is in the data's currency (``data_currency``; the
Settings' reporting currency for data that records none; no symbol when unknown), fractions are stored as fractions and shown as 0.0 %, dates as yyyy-mm-dd.

Sheets: Cover (key figures), Attainment, Pace & forecast, Funnel, Segments & channels,
Satisfaction & KPI, Pipeline changes (a department's report: the waterfall between the snapshots
framing the period) and, only when ``include_pay`` is set, Payouts. A rep's report (``rep=``)
holds that rep's figures only: their attainment and what closes the gap, their pace, funnel,
segments, satisfaction, KPI score (ranked among their peers) and their own payout lines;
never another rep's figures or pay. Lead-source ROI is left out of a rep's report (campaign
costs are not per rep).

Choices: the traffic-light icons on attainment compare it with the share of the target expected
by the as-of day (``attainment.pace_share``) through ``attainment.pace_bands``: green where the
pace column says on pace or ahead, amber where it says behind, red where far behind (below
``FAR_BEHIND`` of the pace); the data bar runs from 0 to 150 %.
Every text cell from the data is neutralised (``analytics.outputs.export.neutralise``) and stored as a
string, so nothing in the workbook is a formula. Pages print A4 landscape, one page wide.
"""


from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from analytics.access import Scope
from analytics.filters import Filters
from analytics.i18n import Lang, parse_lang
from analytics.messages import InputError
from analytics.metrics import changes as pipeline
from analytics.metrics.attainment import pace_share
from analytics.outputs.report.gather import ReportData as ReportData
from analytics.outputs.report.gather import gather as gather
from analytics.outputs.report.labels import label as label
from analytics.outputs.report.labels import period_label as period_label
from analytics.outputs.report.labels import report_file_name as report_file_name
from analytics.outputs.report.sheets import (
    _Book,
    _write_attainment,
    _write_changes,
    _write_cover,
    _write_funnel,
    _write_pace,
    _write_payouts,
    _write_satisfaction,
    _write_segments,
)
from analytics.periods import Period
from analytics.store.settings import Settings, data_currency, register_stage_map, reporting_currency
from analytics.store.transfer import open_workspace

if TYPE_CHECKING:
    from analytics.store.sources import Loaded


# --- public API -----------------------------------------------------------------------------------

def _source_text(con: duckdb.DuckDBPyConnection, source: str | None, version: int | None,
                 lang: Lang) -> tuple[str, dict[str, Any]]:
    key = {"sample": "source.sample", "files": "source.files", "workspace": "source.workspace"}.get(
        source or "", "source.connection")
    text = label("source.workspace_v", lang, v=version) if source == "workspace" and version else label(key, lang)
    cur = con.cursor()
    deals, first, last = cur.execute("SELECT count(*), min(close_date), max(close_date) FROM deals").fetchall()[0]
    targets = cur.execute("SELECT count(*) FROM targets").fetchall()[0][0]
    surveys = cur.execute("SELECT count(*) FROM surveys").fetchall()[0][0]
    return text, {"deals": int(deals), "targets": int(targets), "surveys": int(surveys),
                  "first": first.isoformat() if first else "–", "last": last.isoformat() if last else "–"}


def _changes_sheet(book: _Book, con: duckdb.DuckDBPyConnection, period: Period, settings: Settings,
                   snapshots: tuple[int, int] | None, subtitle: str, filtered: bool):
    """The Pipeline changes sheet; a comparison refused (another currency or unit) is said on it."""
    before, after = snapshots if snapshots else (None, None)
    try:
        found = pipeline.period_changes(con.cursor(), period.start, period.end, before_id=before, after_id=after,
                                        settings=settings)
    except InputError as refused:
        return _write_changes(book, None, refused.problems, subtitle, filtered)
    return _write_changes(book, found, [], subtitle, filtered)


def build_report_from_con(con: duckdb.DuckDBPyConnection, period: Period, *, settings: Settings,
                          rep: str | None = None, lang: Lang = "en", include_pay: bool = False,
                          as_of: date | None = None, plan_text: str | None = None,
                          filters: Filters | None = None, source: str | None = None,
                          version: int | None = None, scope: Scope | None = None,
                          snapshots: tuple[int, int] | None = None) -> bytes:
    """The report workbook (XLSX bytes) from a connection holding the canonical tables.

    ``rep``: that rep's own report (only their figures); ``include_pay``: add the Payouts sheet
    (a rep's report then shows only their own lines). ``plan_text``: the commission plan as YAML
    (None: the workspace's saved plan, else ``data/commission_plan.yaml``). ``as_of``: the day pace
    is measured on (None: min(today, period end)). ``filters``: the app's current slice (a rep's
    report ignores the team and rep filters). ``source``/``version`` describe the data on the cover.
    ``scope``: the pay a signed-in person may see (``Scope.sees_pay_of``; None = everyone's).
    ``snapshots``: the (before, after) snapshot ids of the Pipeline changes sheet (None: the
    snapshots framing the period); a department's report only, as the changes are the whole pipeline's.
    Raises ``InputError`` for an unknown rep.
    """
    lang = parse_lang(lang)
    d = gather(con, period, settings=settings, rep=rep, include_pay=include_pay, as_of=as_of,
               plan_text=plan_text, filters=filters, viewer=scope)
    book = _Book(lang, reporting_currency(settings, data_currency(con)))
    base = label("title.month" if period.kind == "month" else "title.other", lang)
    title = label("title.rep", lang, title=base, rep=rep) if rep else base
    subtitle = label("subtitle", lang, period=period_label(period, lang), as_of=d.as_of.isoformat())
    if rep:
        subtitle = f"{subtitle} · {rep}"
    pace_fraction = pace_share(period, d.as_of)
    contents = [
        (label("sheet.attainment", lang), label("contents.attainment_rep" if rep else "contents.attainment", lang)),
        (label("sheet.pace", lang), label("contents.pace", lang)),
        (label("sheet.funnel", lang), label("contents.funnel", lang)),
        (label("sheet.segments", lang), label("contents.segments_rep" if rep else "contents.segments", lang)),
        (label("sheet.satisfaction", lang), label("contents.satisfaction", lang)),
    ]
    if not rep:
        contents.append((label("sheet.changes", lang), label("contents.changes", lang)))
    if include_pay:
        contents.append((label("sheet.payouts", lang), label("contents.payouts", lang)))
    source_text, counts = _source_text(con, source, version, lang)
    sheets = [_write_cover(book, d, title=title, subtitle=subtitle, source_text=source_text, counts=counts,
                           sheets=contents),
              _write_attainment(book, d, subtitle, pace_fraction),
              _write_pace(book, d, subtitle),
              _write_funnel(book, d, subtitle, settings),
              _write_segments(book, d, subtitle),
              _write_satisfaction(book, d, subtitle, settings)]
    if not rep:
        sheets.append(_changes_sheet(book, con, period, settings, snapshots, subtitle, bool(d.filters.active())))
    if include_pay:
        sheets.append(_write_payouts(book, d, subtitle))
    header = f"{base} · {period_label(period, lang)}"
    for sheet in sheets:
        sheet.finish(label("footer", lang), header)
    book.wb.active = 0
    book.wb.properties.title = title
    book.wb.properties.creator = "Sales performance dashboard"
    return book.to_bytes()


def build_report(loaded: Loaded, period: Period, *, settings: Settings, rep: str | None = None, lang: Lang = "en",
                 include_pay: bool = False, as_of: date | None = None, plan_text: str | None = None,
                 filters: Filters | None = None, scope: Scope | None = None) -> bytes:
    """The report workbook for ``loaded`` (an ``analytics.store.sources.Loaded``): connects and delegates
    to :func:`build_report_from_con` (same arguments)."""
    from analytics.store import scoped
    from analytics.store import snapshots as stored

    con = loaded.connect()
    try:
        # the snapshots the Pipeline changes sheet compares, as the app holds them
        if getattr(loaded, "source", None) == "sample":
            stored.sample_history(con, stored.sample_history_end(con))
        elif getattr(loaded, "source", None) == "workspace":
            open_workspace().load_snapshots_into(con)
        if scope is not None and scoped.restricts_rows(scope):
            # the snapshots just loaded are the whole pipeline's: keep only the scope's rows
            full, con = con, scoped.scoped_connection(con, scope)
            full.close()
        register_stage_map(con, settings)
        return build_report_from_con(con, period, settings=settings, rep=rep, lang=lang, include_pay=include_pay,
                                     as_of=as_of, plan_text=plan_text, filters=filters,
                                     source=getattr(loaded, "source", None), version=getattr(loaded, "version", None),
                                     scope=scope)
    finally:
        con.close()


__all__ = ["ReportData", "build_report", "build_report_from_con", "gather", "label", "period_label",
           "report_file_name"]
