"""Writing the report's sheets: cells, formats, native charts and print set-up (openpyxl)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.axis import DateAxis
from openpyxl.chart.legend import Legend
from openpyxl.formatting.rule import DataBarRule, IconSetRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from analytics import i18n
from analytics.i18n import Lang
from analytics.messages import Problem
from analytics.metrics.attainment import COMPANY, pace_bands, pace_share
from analytics.metrics.changes import PeriodChanges, waterfall_steps
from analytics.outputs import numbers
from analytics.outputs.export import display_width, neutralise
from analytics.outputs.export import missing as _missing
from analytics.outputs.palette import PACE_TINTS
from analytics.store.settings import Settings

if TYPE_CHECKING:
    pass

from analytics.outputs.report.gather import ReportData
from analytics.outputs.report.labels import label, period_label

# --- cell writing -------------------------------------------------------------------------------

Kind = Literal["text", "money", "pct", "int", "score", "nps", "days", "times", "date", "month"]

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_TITLE_FONT = Font(bold=True, size=16, color="1F3864")
_SECTION_FONT = Font(bold=True, size=12, color="1F3864")
_THIN = Side(style="thin", color="B7C4D8")
_HEADER_BORDER = Border(bottom=_THIN)
_STATUS_FILLS = PACE_TINTS
_CHART_ROWS = 17  # rows a chart takes (8 cm high at the default row height)
_MAX_WIDTH = 60


def _clean(value: Any, kind: Kind) -> Any:
    """A value openpyxl stores as data: NaN → empty, numpy → Python, text neutralised, dates as dates."""
    if _missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if kind in ("date", "month"):
        if isinstance(value, pd.Timestamp):
            return value.date()
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
    if kind != "text" and isinstance(value, bool):
        return int(value)
    if kind != "text" and isinstance(value, int | float):
        if isinstance(value, float) and math.isinf(value):
            return None
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(str(value)))


class _Book:
    def __init__(self, lang: Lang, currency: str | None):
        """``currency``: the ISO code of every amount (None = unknown: plain numbers, no symbol)."""
        self.lang = lang
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.formats: dict[str, str | None] = {
            "text": None, "money": numbers.excel_money_format(currency, lang), "pct": "0.0%", "int": "#,##0", "score": "0.0", "nps": "0.0",
            "days": "0.0", "times": '0.00"×"', "date": "yyyy-mm-dd", "month": "yyyy-mm"}
        self.currency = currency

    def sheet(self, key: str) -> _Sheet:
        return _Sheet(self, self.wb.create_sheet(label(key, self.lang)[:31]))

    def shown(self, value: Any, kind: Kind) -> str:
        """Roughly what Excel shows for ``value``: used to fit the column widths."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, date):
            return value.strftime("%Y-%m" if kind == "month" else "%Y-%m-%d")
        if kind == "money":
            return numbers.money(value, self.currency, self.lang, compact=False)
        if kind == "pct":
            return f"{value:.1%}"
        if kind == "int":
            return f"{value:,.0f}"
        if kind == "times":
            return f"{value:.2f}×"
        if kind in ("score", "nps", "days"):
            return f"{value:.1f}"
        return f"{value:.6g}" if isinstance(value, float) else str(value)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


@dataclass
class _Table:
    header_row: int
    first_row: int
    last_row: int  # == header_row when there is no data row
    columns: dict[str, int]  # column key -> column number

    def col(self, key: str) -> int:
        return self.columns[key]


class _Sheet:
    def __init__(self, book: _Book, ws: Worksheet):
        self.book, self.ws, self.lang = book, ws, book.lang
        self.widths: dict[int, int] = {}
        self.row = 1
        self.max_col = 1
        self.end_row = 1
        self.charts: list[tuple[int, float]] = []  # (anchor column, width in cm)

    def t(self, key: str, **params: object) -> str:
        return label(key, self.lang, **params)

    def put(self, row: int, col: int, value: Any, kind: Kind = "text", *, bold: bool = False,
            fit: bool = True, wrap: bool = False) -> Cell:
        clean = _clean(value, kind)
        cell = self.ws.cell(row=row, column=col, value=clean)
        if isinstance(clean, str):
            cell.data_type = "s"  # text is text, never a formula
        elif clean is not None and self.book.formats.get(kind):
            cell.number_format = self.book.formats[kind]  # type: ignore[assignment]
        if bold:
            cell.font = Font(bold=True)
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if fit:
            width = display_width(self.book.shown(clean, kind))
            self.widths[col] = max(self.widths.get(col, 0), width)
        self.max_col = max(self.max_col, col)
        self.end_row = max(self.end_row, row)
        return cell

    def title(self, text: str, subtitle: str) -> None:
        self.put(1, 1, text, fit=False).font = _TITLE_FONT
        self.put(2, 1, subtitle, fit=False).font = Font(italic=True, color="595959")
        self.row = 4

    def section(self, text: str) -> None:
        self.put(self.row, 1, text, fit=False).font = _SECTION_FONT
        self.row += 1

    def note(self, text: str, span: int | None = None, *, col: int = 1, plain: bool = False) -> Cell:
        """A sentence wrapped over ``span`` columns from ``col`` (a table's width); the row is made
        tall enough for it, since no spreadsheet fits the height of merged cells by itself."""
        span = max(span or self.max_col, 1)
        cell = self.put(self.row, col, text, fit=False, wrap=True)
        cell.font = Font() if plain else Font(italic=True, color="595959", size=9)
        if span > 1:
            self.ws.merge_cells(start_row=self.row, start_column=col, end_row=self.row, end_column=col + span - 1)
        chars = sum(min(max(self.widths.get(c, 8) + 2, 8), _MAX_WIDTH) for c in range(col, col + span))
        lines = max(1, math.ceil(display_width(text) * (1.0 if plain else 0.9) / max(chars - 1, 10)))
        self.ws.row_dimensions[self.row].height = (15 if plain else 12.5) * lines + 2
        self.row += 1
        return cell

    def table(self, columns: Sequence[tuple[str, str, Kind]], rows: Sequence[Sequence[Any]]) -> _Table:
        """Header (bold, shaded) at the current row, then ``rows``; ``columns`` = (key, header, kind)."""
        header = self.row
        for j, (_key, text, _kind) in enumerate(columns, start=1):
            cell = self.put(header, j, text, bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _HEADER_BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for i, values in enumerate(rows, start=1):
            for j, ((_key, _text, kind), value) in enumerate(zip(columns, values, strict=True), start=1):
                self.put(header + i, j, value, kind)
        self.row = header + len(rows) + 1
        return _Table(header, header + 1, header + len(rows), {k: j for j, (k, _, _) in enumerate(columns, 1)})

    def pairs(self, rows: Sequence[tuple[str, Any, Kind] | tuple[str, Any, Kind, Any]]) -> dict[str, int]:
        """Label | value | detail rows (the cover's key figures); returns label -> row number."""
        where: dict[str, int] = {}
        for item in rows:
            text, value, kind = item[0], item[1], item[2]
            detail = item[3] if len(item) > 3 else None
            self.put(self.row, 1, text, bold=True)
            self.put(self.row, 2, value, kind).alignment = Alignment(horizontal="right")
            if detail is not None:
                self.put(self.row, 3, detail)
            where[text] = self.row
            self.row += 1
        return where

    def status(self, row: int, col: int, status: object) -> None:
        """A pace status label with its colour (green ahead, blue on pace, red behind, grey no target)."""
        key = str(status) if status in _STATUS_FILLS else "no_target"
        cell = self.put(row, col, self.t(f"status.{key}"))
        cell.fill = PatternFill("solid", fgColor=_STATUS_FILLS[key])

    def freeze_below(self, table: _Table) -> None:
        self.ws.freeze_panes = self.ws.cell(row=table.header_row + 1, column=1)

    def chart(self, chart: Any, *, col: int = 1) -> None:
        """Anchor ``chart`` below everything written so far, or beside the last one (``col`` > 1)."""
        if col == 1:
            self.row = max(self.row, self.end_row + 2)
            if self.row > 12:  # start the chart on a fresh printed page rather than split it
                self.ws.row_breaks.append(Break(id=self.row - 1))
        chart.width = 16 if col > 1 else max(chart.width, 16)  # cm
        chart.height = 8
        self.ws.add_chart(chart, f"{get_column_letter(col)}{self.row}")
        self.charts.append((col, float(chart.width)))
        self.end_row = max(self.end_row, self.row + _CHART_ROWS)

    def column_cm(self, col: int) -> float:
        """Width of column ``col`` in cm as finished (Excel: width × 7 + 5 pixels at 96 dpi)."""
        width = min(max(self.widths.get(col, 8) + 2, 8), _MAX_WIDTH)
        return (width * 7 + 5) * 2.54 / 96

    def column_after(self, col: int, cm: float) -> int:
        """The column in which a drawing ``cm`` wide, anchored at the left of ``col``, ends."""
        used = 0.0
        while used < cm and col < 200:
            used += self.column_cm(col)
            col += 1
        return col - 1

    def finish(self, footer: str, header: str) -> None:
        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), _MAX_WIDTH)
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = footer
        ws.oddHeader.left.text = header.replace("&", "&&")
        last_col = max(self.max_col, self._chart_columns())
        ws.print_area = f"A1:{get_column_letter(last_col)}{max(self.end_row, 1)}"
        ws.sheet_view.showGridLines = False

    def _chart_columns(self) -> int:
        """The last column a chart reaches, so that the print area holds the charts whole."""
        return max([self.column_after(col, cm) for col, cm in self.charts], default=1)


def _bar(title: str, y_title: str | None = None, *, horizontal: bool = False, fmt: str | None = None) -> BarChart:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.style = 10
    chart.legend = None
    chart.y_axis.title = y_title
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if fmt:
        chart.y_axis.number_format = fmt
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first stage on top
    return chart


# --- values in the report's words -----------------------------------------------------------------

def _name(value: object, lang: Lang, none_key: str = "none") -> str:
    return label(none_key, lang) if _missing(value) else str(value)


def _row(frame: pd.DataFrame) -> dict[str, Any]:
    return frame.iloc[0].to_dict() if len(frame) else {}


# --- the sheets -----------------------------------------------------------------------------------

def _write_cover(book: _Book, d: ReportData, *, title: str, subtitle: str, source_text: str,
                 counts: dict[str, Any], sheets: list[tuple[str, str]]) -> _Sheet:
    s = book.sheet("sheet.cover")
    t = s.t
    s.widths.update({1: 32, 2: 20, 3: 34})  # labels | values | details and descriptions (at least)
    s.title(title, subtitle)
    generated = date.today()
    info: list[tuple[str, Any, Kind]] = [(t("cover.report"), title, "text")]
    if d.rep is None:
        info.append((t("cover.scope"), t("cover.department"), "text"))
    else:
        info.append((t("cover.rep"), d.rep, "text"))
        info.append((t("cover.team"), _name(_row(d.company).get("team"), book.lang, "no_team"), "text"))
    info += [(t("cover.period"), period_label(d.period, book.lang), "text"),
             (t("cover.as_of"), d.as_of, "date"), (t("cover.generated"), generated, "date")]
    active = d.filters.without("rep", "team").active() if d.rep else d.filters.active()
    if active:
        info.append((t("cover.filters"), "; ".join(f"{t(f'dim.{k}')} = {', '.join(v)}" for k, v in active.items()),
                     "text"))
    s.pairs(info)
    s.row += 1
    s.section(t("cover.key_figures"))
    row = _row(d.company)
    sat = _row(d.satisfaction_company)
    coverage = row.get("coverage")
    met = not _missing(row.get("gap")) and row.get("gap", 1) <= 0
    figures: list[Any] = [
        (t("kf.actual"), row.get("actual"), "money"),
        (t("kf.target"), row.get("target"), "money", None if not _missing(row.get("target")) else t("status.no_target")),
        (t("kf.attainment"), row.get("attainment"), "pct"),
        (t("kf.gap"), row.get("gap"), "money"),
        (t("kf.pace"), t(f"status.{row.get('pace_status', 'no_target')}"), "text"),
        (t("kf.forecast"), row.get("forecast"), "money"),
        (t("kf.coverage"), coverage, "times", t("cover.met") if met else None),
        (t("kf.win_rate"), row.get("win_rate"), "pct"),
        (t("kf.csat"), sat.get("csat"), "pct", t("cover.responses", n=int(sat.get("csat_responses", 0) or 0))),
        (t("kf.nps"), sat.get("nps"), "nps", t("cover.responses", n=int(sat.get("nps_responses", 0) or 0))),
    ]
    if d.rep is not None:
        figures.append((t("kf.deals_needed"), row.get("deals_needed"), "int"))
        k = _row(d.kpi)
        figures.append((t("kf.kpi"), k.get("kpi_score"), "score"))
        figures.append((t("kf.rank"), k.get("rank"), "int", t("cover.rank_of", n=d.ranked_reps)))
        if d.pay is not None and len(d.pay.totals):
            figures.append((t("kf.payout"), d.pay.totals["total"].iloc[0], "money"))
    s.pairs(figures)
    s.row += 1
    s.section(t("cover.data"))
    s.note(t("data.note", source=source_text, **counts), span=3)
    s.row += 1
    s.section(t("cover.contents"))
    for name, description in sheets:
        cell = s.put(s.row, 1, name, bold=True)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{name}'!A1")
        cell.font = Font(bold=True, color="0563C1", underline="single")
        s.note(description, 2, col=2, plain=True)
    return s


def _write_attainment(book: _Book, d: ReportData, subtitle: str, pace_fraction: float) -> _Sheet:
    """The attainment table; its traffic lights follow the pace status (``attainment.pace_bands``)."""
    s = book.sheet("sheet.attainment")
    far_behind, on_pace = pace_bands(pace_fraction)
    t, lang = s.t, book.lang
    s.title(t("sec.attainment_rep" if d.rep else "sec.attainment"), subtitle)
    columns: list[tuple[str, str, Kind]] = [
        ("level", t("level"), "text"), ("name", t("col.name"), "text"), ("team", t("col.team"), "text"),
        ("target", t("col.target"), "money"), ("actual", t("col.actual"), "money"),
        ("attainment", t("col.attainment"), "pct"), ("gap", t("col.gap"), "money"),
        ("pace", t("col.pace"), "text"), ("forecast", t("col.forecast"), "money"),
        ("deals_needed", t("col.deals_needed"), "int")]
    rows: list[list[Any]] = []
    statuses: list[object] = []

    def add(level: str, name: str, team: object, r: dict[str, Any]) -> None:
        rows.append([t(f"level.{level}"), name, team, r.get("target"), r.get("actual"), r.get("attainment"),
                     r.get("gap"), "", r.get("forecast"), r.get("deals_needed")])
        statuses.append(r.get("pace_status"))

    if d.rep is None:
        for r in d.company.to_dict("records"):
            add("company", t("company"), None, r)
        for r in d.teams.to_dict("records"):
            add("team", _name(r["team"], lang, "no_team"), None, r)
    first_rep = len(rows)
    for r in d.reps.to_dict("records"):
        add("rep", _name(r["rep"], lang), _name(r.get("team"), lang, "no_team"), r)
    table = s.table(columns, rows)
    s.freeze_below(table)
    s.ws.print_title_rows = f"{table.header_row}:{table.header_row}"
    for i, status in enumerate(statuses):
        s.status(table.first_row + i, table.col("pace"), status)
    if rows:
        letter = get_column_letter(table.col("attainment"))
        area = f"{letter}{table.first_row}:{letter}{table.last_row}"
        s.ws.conditional_formatting.add(area, DataBarRule(start_type="num", start_value=0, end_type="num",
                                                          end_value=1.5, color="8EB4E3", showValue=True))
        s.ws.conditional_formatting.add(area, IconSetRule("3TrafficLights1", "num",
                                                          [0, round(far_behind, 6), round(on_pace, 6)]))
    span = len(columns)
    s.note(t("note.icons", green=f"{on_pace:.0%}", amber=f"{far_behind:.0%}",
             as_of=d.as_of.isoformat()), span)
    if d.rep is None:
        s.row += 1
        s.section(t("sec.decomposition"))
        if d.decomposition.empty:
            s.note(t("note.decomp_ok"), span)
        for r in d.decomposition.to_dict("records"):
            owner = t("company") if r["owner"] == COMPANY and r["level"] == "company" else _name(r["owner"], lang)
            s.note(t("note.decomp_bad", level=t(f"level.{r['level']}"), owner=owner,
                     explicit=_money_text(book, r["explicit_target"]), parts=_money_text(book, r["sum_of_parts"]),
                     difference=_money_text(book, r["difference"])), span)
        reps_n = len(rows) - first_rep
        if reps_n:
            chart = _bar(t("chart.attainment"), fmt="0%")
            col = table.col("attainment")
            chart.add_data(Reference(s.ws, min_col=col, min_row=table.first_row + first_rep,
                                     max_row=table.last_row), titles_from_data=False)
            chart.set_categories(Reference(s.ws, min_col=table.col("name"), min_row=table.first_row + first_rep,
                                           max_row=table.last_row))
            chart.width = 24
            s.chart(chart)
    else:
        _write_gap(s, d)
    return s


def _money_text(book: _Book, value: object) -> str:
    return numbers.money(value, book.currency, book.lang, compact=False)


def _write_gap(s: _Sheet, d: ReportData) -> None:
    """A rep's report: what closes the gap, and the open deals that can close it."""
    t = s.t
    r = _row(d.company)
    s.row += 1
    s.section(t("sec.gap"))
    s.pairs([(t("col.gap"), r.get("gap"), "money"), (t("col.per_day"), r.get("required_per_day"), "money"),
             (t("col.avg_deal"), r.get("avg_deal_size"), "money"), (t("col.win_rate"), r.get("win_rate"), "pct"),
             (t("col.deals_needed"), r.get("deals_needed"), "int"),
             (t("col.open_pipeline"), r.get("open_pipeline"), "money"),
             (t("col.weighted"), r.get("weighted_pipeline"), "money"),
             (t("col.coverage"), r.get("coverage"), "times"),
             (t("col.coverage_needed"), r.get("coverage_needed"), "times")])
    s.row += 1
    s.section(t("sec.open_deals"))
    deals = d.open_deals if d.open_deals is not None else pd.DataFrame()
    if deals.empty:
        s.note(t("note.no_open_deals"), 7)
        return
    columns: list[tuple[str, str, Kind]] = [
        ("deal", t("col.deal"), "text"), ("customer", t("col.customer"), "text"), ("stage", t("col.stage"), "text"),
        ("amount", t("col.amount"), "money"), ("probability", t("col.probability"), "pct"),
        ("weighted", t("col.weighted_value"), "money"), ("close", t("col.close_date"), "date")]
    s.table(columns, deals[["deal_id", "customer", "stage", "amount", "probability", "weighted_value",
                            "close_date"]].values.tolist())


def _write_pace(book: _Book, d: ReportData, subtitle: str) -> _Sheet:
    s = book.sheet("sheet.pace")
    t, lang = s.t, book.lang
    s.title(t("sec.pace"), subtitle)
    columns: list[tuple[str, str, Kind]] = [
        ("level", t("level"), "text"), ("name", t("col.name"), "text"), ("target", t("col.target"), "money"),
        ("expected", t("col.expected"), "money"), ("actual", t("col.actual"), "money"),
        ("pace", t("col.pace"), "text"), ("run_rate", t("col.run_rate"), "money"),
        ("weighted", t("col.weighted"), "money"), ("forecast", t("col.forecast"), "money"),
        ("open", t("col.open_pipeline"), "money"), ("coverage", t("col.coverage"), "times"),
        ("coverage_needed", t("col.coverage_needed"), "times"), ("per_day", t("col.per_day"), "money")]
    rows, statuses = [], []
    owners: list[tuple[str, str, dict[str, Any]]] = []
    if d.rep is None:
        owners += [("company", t("company"), r) for r in d.company.to_dict("records")]
        owners += [("team", _name(r["team"], lang, "no_team"), r) for r in d.teams.to_dict("records")]
    else:
        owners += [("rep", _name(r["rep"], lang), r) for r in d.company.to_dict("records")]
    for level, name, r in owners:
        rows.append([t(f"level.{level}"), name, r.get("target"), r.get("expected_to_date"), r.get("actual"), "",
                     r.get("run_rate_projection"), r.get("weighted_pipeline"), r.get("forecast"),
                     r.get("open_pipeline"), r.get("coverage"), r.get("coverage_needed"), r.get("required_per_day")])
        statuses.append(r.get("pace_status"))
    table = s.table(columns, rows)
    s.freeze_below(table)
    for i, status in enumerate(statuses):
        s.status(table.first_row + i, table.col("pace"), status)
    elapsed = d.period.elapsed_days(d.as_of)
    s.note(t("note.pace", elapsed=elapsed, days=d.period.days, expected=f"{pace_share(d.period, d.as_of):.0%}"),
           len(columns))

    s.row += 1
    s.section(t("sec.cumulative"))
    cum = d.cumulative
    cum_table = s.table(
        [("date", t("col.date"), "date"), ("actual", t("col.actual_cum"), "money"),
         ("target", t("col.target_cum"), "money"), ("last_year", t("col.last_year_cum"), "money")],
        cum[["date", "actual_cum", "target_cum", "last_year_cum"]].values.tolist())
    s.row += 1
    s.section(t("sec.trend"))
    trend = d.trend
    trend_table = s.table(
        [("month", t("col.month"), "month"), ("target", t("col.target"), "money"),
         ("actual", t("col.actual"), "money"), ("attainment", t("col.attainment"), "pct")],
        trend[["month", "target", "actual", "attainment"]].values.tolist())

    if len(cum):
        line = LineChart()
        line.title = t("chart.cumulative")
        line.style = 12
        line.y_axis.number_format = book.formats["money"]
        line.y_axis.delete = False
        line.y_axis.crossAx = 500  # the date axis' id
        line.x_axis = DateAxis(crossAx=100)
        line.x_axis.number_format = "mm-dd"
        line.x_axis.majorTimeUnit = "days"
        line.x_axis.delete = False
        line.add_data(Reference(s.ws, min_col=2, max_col=4, min_row=cum_table.header_row, max_row=cum_table.last_row),
                      titles_from_data=True)
        line.set_categories(Reference(s.ws, min_col=1, min_row=cum_table.first_row, max_row=cum_table.last_row))
        line.legend.position = "b"
        s.chart(line)
    if len(trend):
        bars = _bar(t("chart.trend"), fmt=book.formats["money"])
        bars.add_data(Reference(s.ws, min_col=2, max_col=3, min_row=trend_table.header_row,
                                max_row=trend_table.last_row), titles_from_data=True)
        bars.set_categories(Reference(s.ws, min_col=1, min_row=trend_table.first_row, max_row=trend_table.last_row))
        bars.x_axis.number_format = "yyyy-mm"
        bars.legend = Legend()
        bars.legend.position = "b"
        s.chart(bars, col=_side_column(s))
    return s


def _side_column(s: _Sheet) -> int:
    """The first column right of a 16 cm chart anchored in column A, with a little gap."""
    return s.column_after(1, 16.4) + 1


def _write_funnel(book: _Book, d: ReportData, subtitle: str, settings: Settings) -> _Sheet:
    s = book.sheet("sheet.funnel")
    t, lang = s.t, book.lang
    s.title(t("sec.funnel"), subtitle)
    table_frame = d.funnel.table
    columns: list[tuple[str, str, Kind]] = [
        ("stage", t("col.stage"), "text"), ("reached", t("col.reached"), "int"),
        ("from_previous", t("col.from_previous"), "pct"), ("to_next", t("col.to_next"), "pct"),
        ("from_first", t("col.from_first"), "pct")]
    rows = [[settings.stage(r["stage"]).label(lang) if r["stage"] in settings.stage_order() else r["stage"], r["reached"], r["conversion_from_previous"], r["conversion"],
             r["conversion_from_first"]] for r in table_frame.to_dict("records")]
    table = s.table(columns, rows)
    s.freeze_below(table)
    s.note(t("note.funnel", period=period_label(d.period, lang)), len(columns))
    for problem in d.funnel.notes():
        s.note(problem.text(lang), len(columns))
    if rows:
        chart = _bar(t("chart.funnel"), horizontal=True)
        chart.add_data(Reference(s.ws, min_col=2, min_row=table.first_row, max_row=table.last_row),
                       titles_from_data=False)
        chart.set_categories(Reference(s.ws, min_col=1, min_row=table.first_row, max_row=table.last_row))
        s.chart(chart)
    return s


def _write_segments(book: _Book, d: ReportData, subtitle: str) -> _Sheet:
    s = book.sheet("sheet.segments")
    t, lang = s.t, book.lang
    s.title(t("sec.segments"), subtitle)
    columns: list[tuple[str, str, Kind]] = [
        ("dimension", t("col.dimension"), "text"), ("name", t("col.name"), "text"),
        ("won_revenue", t("col.won_revenue"), "money"), ("share", t("col.share"), "pct"),
        ("deals_won", t("col.deals_won"), "int"), ("deals_lost", t("col.deals_lost"), "int"),
        ("win_rate", t("col.win_rate"), "pct"), ("avg", t("col.avg_deal"), "money"),
        ("cycle", t("col.cycle"), "days"), ("change", t("col.change"), "pct")]
    rows: list[list[Any]] = []
    spans: dict[str, tuple[int, int]] = {}
    for dim, frame in (("segment", d.segments), ("channel", d.channels)):
        start = len(rows)
        for r in frame.to_dict("records"):
            rows.append([t(f"dim.{dim}"), _name(r[dim], lang), r["won_revenue"], r["revenue_share"],
                         r["deals_won"], r["deals_lost"], r["win_rate"], r["avg_deal_size"],
                         r["sales_cycle_days"], r["change"]])
        spans[dim] = (start, len(rows))
    table = s.table(columns, rows)
    s.freeze_below(table)
    if d.roi is not None:
        s.row += 1
        s.section(t("sec.roi"))
        roi_cols: list[tuple[str, str, Kind]] = [
            ("source", t("col.lead_source"), "text"), ("leads", t("col.leads"), "int"), ("won", t("col.won"), "int"),
            ("conversion", t("col.conversion"), "pct"), ("won_revenue", t("col.won_revenue"), "money"),
            ("cost", t("col.cost"), "money"), ("cost_per_won", t("col.cost_per_won"), "money"),
            ("roi", t("col.roi"), "pct")]
        s.table(roi_cols, [[_name(r["lead_source"], lang), r["leads"], r["won"], r["conversion"], r["won_revenue"],
                            r["cost"], r["cost_per_won"], r["roi"]] for r in d.roi.to_dict("records")])
        s.note(t("note.roi"), len(columns))
    side = _side_column(s)
    for i, dim in enumerate(("segment", "channel")):
        start, end = spans[dim]
        if end == start:
            continue
        chart = _bar(t(f"chart.{dim}"), fmt=book.formats["money"])
        chart.add_data(Reference(s.ws, min_col=table.col("won_revenue"), min_row=table.first_row + start,
                                 max_row=table.first_row + end - 1), titles_from_data=False)
        chart.set_categories(Reference(s.ws, min_col=table.col("name"), min_row=table.first_row + start,
                                       max_row=table.first_row + end - 1))
        s.chart(chart, col=1 if i == 0 else side)
    return s


def _write_satisfaction(book: _Book, d: ReportData, subtitle: str, settings: Settings) -> _Sheet:
    s = book.sheet("sheet.satisfaction")
    t = s.t
    s.title(t("sec.satisfaction"), subtitle)
    columns: list[tuple[str, str, Kind]] = [
        ("level", t("level"), "text"), ("name", t("col.name"), "text"), ("responses", t("col.responses"), "int"),
        ("csat", t("col.csat"), "pct"), ("nps", t("col.nps"), "nps"), ("peer", t("col.peer"), "score"),
        ("revenue", t("col.revenue_score"), "score"), ("satisfaction", t("col.satisfaction_score"), "score"),
        ("collaboration", t("col.collaboration_score"), "score"), ("kpi", t("col.kpi"), "score"),
        ("rank", t("col.rank"), "int"), ("note", t("col.note"), "text")]
    too_few = t("note.too_few", n=settings.min_responses)
    rows: list[list[Any]] = []
    if d.rep is None:
        c = _row(d.satisfaction_company)
        rows.append([t("level.company"), t("company"), c.get("responses"), c.get("csat"), c.get("nps"),
                     None, None, None, None, None, None, too_few if c.get("too_few") else None])
    sat = {r["rep"]: r for r in d.satisfaction_reps.to_dict("records") if not _missing(r["rep"])}
    peer = {r["rep"]: r for r in d.collaboration.to_dict("records")}
    kpi = {r["rep"]: r for r in d.kpi.to_dict("records") if not _missing(r["rep"])}
    names = list(dict.fromkeys([*kpi, *sorted(sat), *sorted(peer)]))
    first_rep = len(rows)
    for name in names:
        sr, pr, kr = sat.get(name, {}), peer.get(name, {}), kpi.get(name, {})
        notes = []
        thin = list(kr.get("too_few") or [])
        if thin:  # the KPI's own rule (Settings.min_responses on CSAT responses) left satisfaction out
            notes.append(t("note.too_few_kpi", n=settings.min_responses))
        elif sr.get("too_few"):
            notes.append(too_few)
        missing = [m for m in (kr.get("missing") or []) if m not in thin]
        if missing and not _missing(kr.get("kpi_score")):
            notes.append(t("note.left_out", parts=", ".join(t(f"component.{m}") for m in missing)))
        rows.append([t("level.rep"), name, sr.get("responses"), sr.get("csat"), sr.get("nps"), pr.get("mean_score"),
                     kr.get("revenue_score"), kr.get("satisfaction_score"), kr.get("collaboration_score"),
                     kr.get("kpi_score"), kr.get("rank"), "; ".join(notes) or None])
    table = s.table(columns, rows)
    s.freeze_below(table)
    weights = " / ".join(f"{w / sum(settings.kpi_weights):.0%}" for w in settings.kpi_weights)
    s.note(t("note.kpi", cap=f"{settings.revenue_cap:.0%}", weights=weights), len(columns) - 1)
    if d.rep is None and len(rows) > first_rep:
        chart = _bar(t("chart.kpi"))
        chart.add_data(Reference(s.ws, min_col=table.col("kpi"), min_row=table.first_row + first_rep,
                                 max_row=table.last_row), titles_from_data=False)
        chart.set_categories(Reference(s.ws, min_col=table.col("name"), min_row=table.first_row + first_rep,
                                       max_row=table.last_row))
        chart.width = 24
        s.chart(chart)
    return s


def _write_payouts(book: _Book, d: ReportData, subtitle: str) -> _Sheet:
    s = book.sheet("sheet.payouts")
    t, lang = s.t, book.lang
    s.title(t("sec.payouts", plan=d.plan_name or "–"), subtitle)
    if d.pay is None or d.plan_problems:
        problems = " ".join(p.text(lang) for p in d.plan_problems) or Problem("report.no_plan").text(lang)
        s.note(t("note.plan_problem", problems=problems), 7)
        return s
    columns: list[tuple[str, str, Kind]] = [
        ("rep", t("col.rep"), "text"), ("team", t("col.team"), "text"), ("attainment", t("col.attainment"), "pct"),
        ("tier", t("col.tier"), "pct"), ("commission", t("col.commission"), "money"),
        ("team_share", t("col.team_share"), "money"), ("total", t("col.total"), "money")]
    rows = [[r["rep"], _name(r["team"], lang, "no_team"), r["attainment"], r["tier_reached"], r["commission"],
             r["team_share"], r["total"]] for r in d.pay.totals.to_dict("records")]
    if d.rep is None and rows:
        rows.append([t("col.total"), None, None, None, round(float(d.pay.totals["commission"].sum()), 2),
                     round(float(d.pay.totals["team_share"].sum()), 2), round(d.pay.total_cost, 2)])
    table = s.table(columns, rows)
    s.freeze_below(table)
    if d.rep is None and rows:
        for j in range(1, len(columns) + 1):
            s.ws.cell(row=table.last_row, column=j).font = Font(bold=True)
    if not rows:
        s.note(t("note.no_payouts"), len(columns))
    s.note(t("note.pay_private"), len(columns))
    s.row += 1
    s.section(t("sec.pay_lines"))

    line_cols: list[tuple[str, str, Kind]] = [
        ("rep", t("col.rep"), "text"), ("line_no", t("col.line_no"), "int"), ("working", t("col.working"), "text"),
        ("amount", t("col.amount"), "money")]
    lines = s.table(line_cols, [[r.rep, r.line_no, i18n.render(r.description, lang), r.amount] for r in d.pay.lines.itertuples()])
    working = lines.col("working")
    for r in range(lines.first_row, lines.last_row + 1):
        s.ws.cell(row=r, column=working).alignment = Alignment(wrap_text=True, vertical="top")
        if s.ws.cell(row=r, column=working + 1).value is not None and \
                d.pay.lines["kind"].iloc[r - lines.first_row] == "total":
            for j in range(1, len(line_cols) + 1):
                s.ws.cell(row=r, column=j).font = Font(bold=True)
    return s


def _write_changes(book: _Book, changes: PeriodChanges | None, problems: Sequence[Problem], subtitle: str,
                   filtered: bool) -> _Sheet:
    """Pipeline changes: the period's waterfall (a stacked bar chart whose invisible base series
    lifts each movement to the running total), the bucket table, stage moves, pushes by rep and
    serial slips. ``problems``: why no comparison could be made (e.g. a change of currency)."""
    s = book.sheet("sheet.changes")
    t, lang = s.t, book.lang
    s.title(t("sec.changes"), subtitle)
    if problems or changes is None:
        s.widths[1] = 40
        s.note(" ".join(p.text(lang) for p in problems) or t("note.changes_none"), 6, plain=True)
        return s
    r = changes.result
    start, end = changes.window
    # which snapshots and which close dates, on the line above the first table (row 3)
    s.put(3, 1, t("note.changes", before=changes.before.isoformat(), after=changes.after.isoformat(),
                  start=start.isoformat(), end=end.isoformat()), fit=False).font = Font(color="595959")

    def bucket(key: str) -> str:
        return i18n.text(f"changes.bucket.{key}", lang)

    buckets = s.table([("bucket", t("col.bucket"), "text"), ("deals", t("col.deals"), "int"),
                       ("amount", t("col.amount"), "money"), ("signed", t("col.signed"), "money")],
                      [[bucket(b.bucket), b.deals, b.amount, b.signed] for b in r.buckets.itertuples()])
    s.freeze_below(buckets)
    notes = []
    if r.untracked_before or r.untracked_after:
        notes.append(i18n.text("changes.untracked_note", lang, n=f"{r.untracked_before + r.untracked_after:,}"))
    if r.repeated_ids_before or r.repeated_ids_after:
        notes.append(i18n.text("changes.repeated_note", lang, before=f"{r.repeated_ids_before:,}",
                               after=f"{r.repeated_ids_after:,}"))
    if r.unknown_amounts:
        notes.append(i18n.text("changes.unknown_note", lang, n=f"{r.unknown_amounts:,}"))
    if filtered:
        notes.append(t("note.changes_filters"))
    if notes:
        s.note(" ".join(notes), 4)
    s.row += 1
    # The chart's series: visible as a table, so that the chart reads plain numbers
    s.section(t("sec.changes_chart_data"))
    steps = waterfall_steps(r.buckets)
    data = s.table([("bucket", t("col.bucket"), "text"), ("base", t("col.base"), "money"),
                    ("up", t("col.up"), "money"), ("down", t("col.down"), "money")],
                   [[bucket(x.bucket), x.base, x.up, x.down] for x in steps.itertuples()])
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = t("chart.changes")
    chart.style = 10
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.number_format = book.formats["money"] or "#,##0"
    chart.add_data(Reference(s.ws, min_col=data.col("base"), max_col=data.col("down"), min_row=data.header_row,
                             max_row=data.last_row), titles_from_data=True)
    chart.set_categories(Reference(s.ws, min_col=data.col("bucket"), min_row=data.first_row, max_row=data.last_row))
    base, up, down = chart.series
    base.graphicalProperties.noFill = True  # the invisible base that lifts each step
    base.graphicalProperties.line.noFill = True
    up.graphicalProperties.solidFill = "2E7D32"
    down.graphicalProperties.solidFill = "C62828"
    chart.width = 24
    s.chart(chart)
    s.row = s.end_row + 2
    s.section(t("sec.changes_moves"))
    moves = r.stage_moves.set_index("direction") if len(r.stage_moves) else pd.DataFrame()
    s.table([("direction", t("col.direction"), "text"), ("deals", t("col.deals"), "int"),
             ("amount", t("col.amount"), "money")],
            [[i18n.text(f"changes.{d}", lang), int(moves.loc[d, "deals"]) if d in moves.index else 0,
              float(moves.loc[d, "amount"]) if d in moves.index else 0.0] for d in ("progressed", "regressed")])
    s.row += 1
    s.section(t("sec.changes_by_rep"))
    rep_cols = ("rep", "team", "pushed_deals", "pushed_amount", "decreased_amount", "won_amount", "lost_amount")
    kinds: dict[str, Kind] = {"rep": "text", "team": "text", "pushed_deals": "int"}
    s.table([(c, i18n.text(f"changes.col.{c}", lang), kinds.get(c, "money")) for c in rep_cols],
            [[_name(row[c], lang) if c in ("rep", "team") else row[c] for c in rep_cols]
             for row in r.by_rep.to_dict("records")])
    s.row += 1
    s.section(t("sec.changes_slips"))
    slip_cols = ("deal_id", "rep", "team", "pushes", "first_close", "last_close", "amount")
    slip_kinds: dict[str, Kind] = {"pushes": "int", "first_close": "date", "last_close": "date", "amount": "money"}
    if changes.slips.empty:
        s.note(i18n.text("changes.slips_none", lang), 4)
    else:
        s.table([(c, i18n.text(f"changes.col.{c}", lang), slip_kinds.get(c, "text")) for c in slip_cols],
                [[row[c] for c in slip_cols] for row in changes.slips.to_dict("records")])
    return s
