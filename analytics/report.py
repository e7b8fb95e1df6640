"""The monthly report workbook (SPEC §4 "Sharing"): the department's or one rep's period in one
formatted Excel file, in English or Simplified Chinese.

Every figure comes from the analytics modules (attainment, funnel, performance, satisfaction,
kpi, rewards); this module only lays them out. Money is in the data's currency (the symbol from
``Settings``), fractions are stored as fractions and shown as 0.0 %, dates as yyyy-mm-dd.

Sheets: Cover (key figures), Attainment, Pace & forecast, Funnel, Segments & channels,
Satisfaction & KPI and, only when ``include_pay`` is set, Payouts. A rep's report (``rep=``)
holds that rep's figures only: their attainment and what closes the gap, their pace, funnel,
segments, satisfaction, KPI score (ranked among their peers) and their own payout lines;
never another rep's figures or pay. Lead-source ROI is left out of a rep's report (campaign
costs are not per rep).

Choices: the traffic-light icons on attainment compare it with the share of the target expected
by the as-of day (``f`` = elapsed days / days): red below 0.8·f, amber from 0.8·f, green from
0.95·f (0.95 is where the analytics' "behind pace" ends); the data bar runs from 0 to 150 %.
Every text cell from the data is neutralised (``analytics.export.neutralise``) and stored as a
string, so nothing in the workbook is a formula. Pages print A4 landscape, one page wide.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

import duckdb
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

from analytics.attainment import (
    COMPANY,
    attainment,
    cumulative_actual,
    decomposition_check,
    monthly_attainment,
    open_deals_for_gap,
)
from analytics.export import display_width, neutralise
from analytics.filters import Filters
from analytics.funnel import FunnelResult, funnel
from analytics.kpi import kpi_scores
from analytics.messages import InputError, Problem, define
from analytics.performance import lead_source_roi, performance
from analytics.periods import Period, add_months, month_start
from analytics.rewards import DEFAULT_PLAN_PATH, PayoutResult, load_plan, payouts
from analytics.satisfaction import collaboration, satisfaction
from analytics.settings import Settings, register_stage_map

if TYPE_CHECKING:
    from analytics.sources import Loaded

Lang = Literal["en", "zh"]

define("report.unknown_rep", "Report: there is no rep called {rep!r} in the data (deals, targets or surveys).",
       "报告：数据（商机、目标或调查）中没有名为 {rep!r} 的销售代表。")
define("report.no_plan", "Report: the commission plan cannot be used, so the payouts are left out.",
       "报告：提成方案无法使用，因此未包含提成。")

# --- labels -----------------------------------------------------------------------------------

#: Every label of the workbook: key -> (English, 简体中文).
LABELS: dict[str, tuple[str, str]] = {
    # sheets
    "sheet.cover": ("Cover", "封面"),
    "sheet.attainment": ("Attainment", "目标达成"),
    "sheet.pace": ("Pace & forecast", "进度与预测"),
    "sheet.funnel": ("Funnel", "销售漏斗"),
    "sheet.segments": ("Segments & channels", "细分市场与渠道"),
    "sheet.satisfaction": ("Satisfaction & KPI", "满意度与考核"),
    "sheet.payouts": ("Payouts", "提成与奖金"),
    # titles
    "title.month": ("Monthly sales report", "月度销售报告"),
    "title.other": ("Sales report", "销售报告"),
    "title.rep": ("{title}: {rep}", "{title}：{rep}"),
    "subtitle": ("{period} · figures as of {as_of}", "{period} · 数据截至 {as_of}"),
    "footer": ("Page &P of &N", "第 &P 页，共 &N 页"),
    # cover
    "cover.report": ("Report", "报告"),
    "cover.scope": ("Scope", "范围"),
    "cover.department": ("Sales department, all teams", "销售部（全部团队）"),
    "cover.rep": ("Rep", "销售代表"),
    "cover.team": ("Team", "团队"),
    "cover.period": ("Period", "期间"),
    "cover.as_of": ("Figures as of", "数据截至"),
    "cover.generated": ("Generated on", "生成日期"),
    "cover.filters": ("Filters", "筛选条件"),
    "cover.key_figures": ("Key figures", "关键指标"),
    "cover.data": ("About the data", "数据说明"),
    "cover.contents": ("Contents", "目录"),
    "cover.responses": ("responses: {n}", "回复数：{n}"),
    "cover.met": ("target met", "已达成目标"),
    "cover.rank_of": ("of {n}", "共 {n} 人"),
    "source.sample": ("the embedded sample company (demonstration data)", "内置示例公司（演示数据）"),
    "source.workspace": ("the team's published data", "团队已发布的数据"),
    "source.workspace_v": ("the team's published data, version {v}", "团队已发布的数据（第 {v} 版）"),
    "source.files": ("the files given", "所提供的文件"),
    "source.connection": ("the loaded data", "已导入的数据"),
    "data.note": (
        "Source: {source}. {deals:,} deals (closing {first} to {last}), {targets:,} target rows, "
        "{surveys:,} survey responses. Every figure is computed by the dashboard's analytics library, "
        "the same as the app and the command line (python -m analytics). Actual = won deals closed in "
        "the period; attainment = actual ÷ target; forecast = actual + open deals × probability.",
        "数据来源：{source}。共 {deals:,} 个商机（成交日期 {first} 至 {last}）、{targets:,} 行目标、"
        "{surveys:,} 份调查回复。所有数字均由仪表板的分析库计算，与应用程序和命令行（python -m analytics）"
        "一致。实际 = 本期成交的赢单；达成率 = 实际 ÷ 目标；预测 = 实际 + 进行中商机 × 赢单概率。"),
    "contents.attainment": ("Target, actual, attainment, gap and pace by team and rep",
                            "按团队和销售代表的目标、实际、达成率、差额与进度"),
    "contents.attainment_rep": ("Attainment, pace and what closes the gap", "达成率、进度及补足差额的途径"),
    "contents.pace": ("Expected to date, run rate, weighted pipeline, forecast; day by day and 12 months",
                      "截至当日应完成、按当前速度预计、加权商机、预测；逐日累计与近 12 个月"),
    "contents.funnel": ("Deals reached per stage and conversion", "各阶段到达商机数与转化率"),
    "contents.segments": ("Performance by segment and channel; lead source ROI",
                          "按细分市场和渠道的业绩；线索来源投资回报率"),
    "contents.segments_rep": ("Performance by segment and channel", "按细分市场和渠道的业绩"),
    "contents.satisfaction": ("CSAT, NPS, peer reviews and KPI scores with rank",
                              "客户满意度、净推荐值、同事互评与考核得分及排名"),
    "contents.payouts": ("Commission and team bonus, line by line", "提成与团队奖金（逐行计算过程）"),
    # key figures
    "kf.actual": ("Actual (won revenue)", "实际业绩（赢单金额）"),
    "kf.target": ("Target", "目标"),
    "kf.attainment": ("Attainment", "达成率"),
    "kf.gap": ("Gap (target − actual)", "差额（目标 − 实际）"),
    "kf.pace": ("Pace", "进度状态"),
    "kf.forecast": ("Forecast (actual + weighted pipeline)", "预测业绩（实际 + 加权商机）"),
    "kf.coverage": ("Pipeline coverage", "商机覆盖倍数"),
    "kf.win_rate": ("Win rate (deals closed in the period)", "赢单率（本期关闭的商机）"),
    "kf.csat": ("CSAT (share scoring 4–5)", "客户满意度 CSAT（4–5 分占比）"),
    "kf.nps": ("NPS (−100 to 100)", "净推荐值 NPS（−100 至 100）"),
    "kf.deals_needed": ("Deals needed to close the gap", "补足差额所需商机数"),
    "kf.kpi": ("KPI score (0–100)", "考核得分（0–100）"),
    "kf.rank": ("KPI rank", "考核排名"),
    "kf.payout": ("Payout (commission + team bonus)", "提成合计（个人提成 + 团队奖金）"),
    # levels and statuses
    "level": ("Level", "层级"),
    "level.company": ("Company", "公司"),
    "level.team": ("Team", "团队"),
    "level.rep": ("Rep", "销售代表"),
    "company": ("Whole company", "全公司"),
    "no_team": ("(no team)", "（无团队）"),
    "none": ("(not given)", "（未填写）"),
    "status.ahead": ("Ahead of pace", "超前于进度"),
    "status.on_pace": ("On pace", "符合进度"),
    "status.behind": ("Behind pace", "落后于进度"),
    "status.no_target": ("No target", "无目标"),
    # columns
    "col.name": ("Name", "名称"),
    "col.team": ("Team", "团队"),
    "col.rep": ("Rep", "销售代表"),
    "col.target": ("Target", "目标"),
    "col.actual": ("Actual", "实际"),
    "col.attainment": ("Attainment", "达成率"),
    "col.gap": ("Gap (target − actual)", "差额（目标 − 实际）"),
    "col.pace": ("Pace", "进度状态"),
    "col.forecast": ("Forecast", "预测业绩"),
    "col.deals_needed": ("Deals needed", "所需商机数"),
    "col.expected": ("Expected to date", "截至当日应完成"),
    "col.run_rate": ("Run-rate projection", "按当前速度预计"),
    "col.weighted": ("Weighted pipeline", "加权商机"),
    "col.open_pipeline": ("Open pipeline", "进行中商机金额"),
    "col.coverage": ("Coverage", "覆盖倍数"),
    "col.coverage_needed": ("Coverage needed", "所需覆盖倍数"),
    "col.per_day": ("Needed per day", "每日需完成"),
    "col.date": ("Date", "日期"),
    "col.actual_cum": ("Actual, cumulative", "累计实际"),
    "col.target_cum": ("Target, accrued", "累计目标"),
    "col.last_year_cum": ("Same period last year", "去年同期累计"),
    "col.month": ("Month", "月份"),
    "col.stage": ("Stage", "阶段"),
    "col.reached": ("Deals reached", "到达商机数"),
    "col.from_previous": ("% of previous stage", "占上一阶段"),
    "col.to_next": ("Converts to next", "转入下一阶段"),
    "col.from_first": ("% of first stage", "占第一阶段"),
    "col.dimension": ("By", "维度"),
    "col.won_revenue": ("Won revenue", "赢单收入"),
    "col.share": ("Share of revenue", "收入占比"),
    "col.deals_won": ("Deals won", "赢单数"),
    "col.deals_lost": ("Deals lost", "输单数"),
    "col.win_rate": ("Win rate", "赢单率"),
    "col.avg_deal": ("Average deal size", "平均单笔金额"),
    "col.cycle": ("Sales cycle (days)", "销售周期（天）"),
    "col.change": ("Change vs previous period", "较上期变化"),
    "col.lead_source": ("Lead source", "线索来源"),
    "col.leads": ("Leads", "线索数"),
    "col.won": ("Won", "赢单线索数"),
    "col.conversion": ("Conversion", "转化率"),
    "col.cost": ("Cost", "费用"),
    "col.cost_per_won": ("Cost per won deal", "单个赢单成本"),
    "col.roi": ("ROI", "投资回报率"),
    "col.responses": ("Responses", "回复数"),
    "col.csat": ("CSAT", "满意度 CSAT"),
    "col.nps": ("NPS", "净推荐值 NPS"),
    "col.peer": ("Mean peer score (1–5)", "互评平均分（1–5）"),
    "col.revenue_score": ("Revenue score", "收入得分"),
    "col.satisfaction_score": ("Satisfaction score", "满意度得分"),
    "col.collaboration_score": ("Collaboration score", "协作得分"),
    "col.kpi": ("KPI score", "考核得分"),
    "col.rank": ("Rank", "排名"),
    "col.note": ("Note", "说明"),
    "col.tier": ("Tier reached", "达到档位"),
    "col.commission": ("Commission", "个人提成"),
    "col.team_share": ("Team bonus", "团队奖金"),
    "col.total": ("Total", "合计"),
    "col.line_no": ("Line", "行"),
    "col.working": ("Working", "计算过程"),
    "col.amount": ("Amount", "金额"),
    "col.deal": ("Deal", "商机"),
    "col.customer": ("Customer", "客户"),
    "col.probability": ("Probability", "赢单概率"),
    "col.weighted_value": ("Weighted value", "加权金额"),
    "col.close_date": ("Expected close", "预计成交日期"),
    "dim.segment": ("Segment", "细分市场"),
    "dim.channel": ("Channel", "渠道"),
    "dim.team": ("Team", "团队"),
    "dim.rep": ("Rep", "销售代表"),
    "dim.region": ("Region", "区域"),
    "dim.lead_source": ("Lead source", "线索来源"),
    "dim.product": ("Product", "产品"),
    # sections and notes
    "sec.attainment": ("Attainment by team and rep", "按团队和销售代表的目标达成"),
    "sec.attainment_rep": ("Attainment", "目标达成"),
    "sec.gap": ("What closes the gap", "如何补足差额"),
    "sec.open_deals": ("Open deals expected to close in the period", "预计本期成交的进行中商机"),
    "sec.decomposition": ("Target decomposition check", "目标分解核对"),
    "sec.pace": ("Pace and forecast", "进度与预测"),
    "sec.cumulative": ("Cumulative won revenue, day by day", "逐日累计赢单金额"),
    "sec.trend": ("The last 12 months", "近 12 个月"),
    "sec.funnel": ("Funnel", "销售漏斗"),
    "note.funnel": ("Deals created in {period} and the furthest stage each reached (a won deal reached every "
                    "stage). Conversion to the next stage = deals reached there ÷ deals reached here.",
                    "{period}创建的商机及其到达的最远阶段（赢单商机视为到达所有阶段）。"
                    "转入下一阶段 = 到达下一阶段的商机数 ÷ 到达本阶段的商机数。"),
    "sec.segments": ("Performance by segment and channel", "按细分市场和渠道的业绩"),
    "sec.roi": ("Lead source ROI (leads created in the period)", "线索来源投资回报率（本期创建的线索）"),
    "sec.satisfaction": ("Customer satisfaction, collaboration and KPI scores", "客户满意度、团队协作与考核得分"),
    "sec.payouts": ("Payouts under the plan “{plan}”", "按提成方案“{plan}”计算的提成"),
    "sec.pay_lines": ("The working, line by line", "逐行计算过程"),
    "note.icons": ("Icons on attainment: green from {green} of the target (on pace or ahead on {as_of}), amber "
                   "from {amber}, red below; the bar runs from 0 to 150 %.",
                   "达成率图标：达到目标的 {green} 及以上为绿色（截至 {as_of} 符合或超前于进度），{amber} 及以上为黄色，"
                   "低于此为红色；数据条范围为 0 至 150%。"),
    "note.decomp_ok": ("Targets add up: every team's target equals the sum of its reps' targets.",
                       "目标分解一致：各团队目标均等于其销售代表目标之和。"),
    "note.decomp_bad": ("{level} {owner}: the explicit target {explicit} differs from the sum of its parts {parts} "
                        "by {difference}; the explicit target is used.",
                        "{level} {owner}：明确设定的目标 {explicit} 与下级目标之和 {parts} 相差 {difference}；以明确设定的目标为准。"),
    "note.pace": ("Day {elapsed} of {days}: {expected} of the target is expected by now. Within ±5 % of that is on "
                  "pace. Coverage = open pipeline ÷ (target − actual); coverage needed = 1 ÷ win rate.",
                  "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}。与之相差 ±5% 以内为符合进度。"
                  "覆盖倍数 = 进行中商机金额 ÷（目标 − 实际）；所需覆盖倍数 = 1 ÷ 赢单率。"),
    "note.no_open_deals": ("No open deals are expected to close in the period.", "本期没有预计成交的进行中商机。"),
    "note.too_few": ("fewer than {n} responses: too few to judge", "回复少于 {n} 份：样本太少，仅供参考"),
    "note.left_out": ("left out (no data): {parts}", "未计入（无数据）：{parts}"),
    "note.kpi": ("KPI score = weighted mean of revenue (attainment, capped at {cap}), satisfaction (CSAT) and "
                 "collaboration ((peer score − 1) ÷ 4) scores, weights {weights}; a part with no data is left out "
                 "and the weights renormalised.",
                 "考核得分 = 收入（达成率，上限 {cap}）、满意度（CSAT）与协作（（互评分 − 1）÷ 4）得分的加权平均，"
                 "权重 {weights}；无数据的部分不计入，权重按比例重新分配。"),
    "note.pay_private": ("Pay is personal: share this sheet only with the people it concerns.",
                         "薪酬信息属于个人隐私：本表仅限相关人员查看。"),
    "note.no_payouts": ("No payouts for this period.", "本期无提成。"),
    "note.plan_problem": ("The commission plan cannot be applied: {problems}", "提成方案无法使用：{problems}"),
    "note.roi": ("Cost is the campaign cost of the source in the period; ROI = (won revenue − cost) ÷ cost. Blank "
                 "where no cost is known.",
                 "费用为本期该来源的推广费用；投资回报率 =（赢单收入 − 费用）÷ 费用。未知费用处留空。"),
    "component.revenue": ("revenue", "收入"),
    "component.satisfaction": ("satisfaction", "满意度"),
    "component.collaboration": ("collaboration", "协作"),
    "yes": ("yes", "是"),
    "chart.cumulative": ("Cumulative won revenue against target", "累计赢单金额与目标"),
    "chart.trend": ("Actual and target by month", "各月实际与目标"),
    "chart.funnel": ("Deals reached per stage", "各阶段到达商机数"),
    "chart.segment": ("Won revenue by segment", "各细分市场赢单收入"),
    "chart.channel": ("Won revenue by channel", "各渠道赢单收入"),
    "chart.attainment": ("Attainment by rep", "各销售代表达成率"),
    "chart.kpi": ("KPI score by rep", "各销售代表考核得分"),
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def label(key: str, lang: Lang, **params: object) -> str:
    """The workbook label ``key`` in ``lang`` (``str.format`` fields filled from ``params``)."""
    en, zh = LABELS[key]
    text = zh if lang == "zh" else en
    return text.format(**params) if params else text


def period_label(period: Period, lang: Lang) -> str:
    """``November 2026`` / ``2026年11月``, ``Q4 2026`` / ``2026年第4季度``, a year, else the date range."""
    if period.kind == "month":
        m = period.start
        return f"{m.year}年{m.month}月" if lang == "zh" else f"{_MONTHS_EN[m.month - 1]} {m.year}"
    if period.kind == "quarter" and "Q" in period.key:
        q = period.key.split("Q")[-1]
        return f"{period.start.year}年第{q}季度" if lang == "zh" else f"Q{q} {period.start.year}"
    if period.kind == "year":
        return f"{period.key}年" if lang == "zh" else period.key
    return f"{period.start.isoformat()} – {period.end.isoformat()}"


def report_file_name(period: Period, rep: str | None = None) -> str:
    """A safe download name: ``sales_report_2026-11.xlsx`` or ``sales_report_2026-11_Chen_Jing.xlsx``."""
    key = re.sub(r"[^0-9A-Za-z._-]+", "_", period.key).strip("_")
    if not rep:
        return f"sales_report_{key}.xlsx"
    who = re.sub(r"[^\w.-]+", "_", rep, flags=re.UNICODE).strip("._") or "rep"
    return f"sales_report_{key}_{who[:60]}.xlsx"


# --- gathering the figures ----------------------------------------------------------------------

@dataclass
class ReportData:
    """The analytics results one report shows (every frame as the analytics module returned it)."""

    period: Period
    as_of: date
    rep: str | None
    filters: Filters
    company: pd.DataFrame  # attainment by company (department) or the rep's own attainment row
    teams: pd.DataFrame  # attainment by team (empty in a rep report)
    reps: pd.DataFrame  # attainment by rep (only the rep in a rep report)
    decomposition: pd.DataFrame
    cumulative: pd.DataFrame
    trend: pd.DataFrame
    funnel: FunnelResult
    segments: pd.DataFrame
    channels: pd.DataFrame
    roi: pd.DataFrame | None
    satisfaction_company: pd.DataFrame
    satisfaction_reps: pd.DataFrame
    collaboration: pd.DataFrame
    kpi: pd.DataFrame  # ranked among all reps in scope; only the rep's row in a rep report
    ranked_reps: int
    open_deals: pd.DataFrame | None
    pay: PayoutResult | None
    plan_name: str | None = None
    plan_problems: list[Problem] = field(default_factory=list)


def _rep_exists(con: duckdb.DuckDBPyConnection, rep: str) -> bool:
    cur = con.cursor()
    found = cur.execute(
        "SELECT EXISTS (SELECT 1 FROM deals WHERE rep = ?) OR EXISTS (SELECT 1 FROM targets WHERE rep = ?) "
        "OR EXISTS (SELECT 1 FROM surveys WHERE rep = ?) OR EXISTS (SELECT 1 FROM peer_reviews WHERE rep = ?)",
        [rep, rep, rep, rep]).fetchall()
    return bool(found[0][0])


def _plan(plan_text: str | None):
    if plan_text is not None:
        return load_plan(plan_text)
    from analytics.workspace import Workspace  # the team's saved plan, as the `rewards` command uses

    path = Workspace().plan_path
    return load_plan(path if path.exists() else DEFAULT_PLAN_PATH)


def gather(con: duckdb.DuckDBPyConnection, period: Period, *, settings: Settings, rep: str | None = None,
           include_pay: bool = False, as_of: date | None = None, plan_text: str | None = None,
           filters: Filters | None = None) -> ReportData:
    """Run the analytics a report needs. ``as_of`` defaults to min(today, period end).

    A rep's report filters every figure to that rep (their team and rep filters are cleared); the
    KPI rank and the payouts are worked out among all reps in scope and then narrowed to the rep.
    Raises ``InputError`` for a rep the data does not know.
    """
    filters = filters or Filters()
    as_of = as_of if as_of is not None else min(date.today(), period.end)
    if rep is not None and not _rep_exists(con, rep):
        raise InputError(Problem("report.unknown_rep", {"rep": rep}))
    kw: dict[str, Any] = {"as_of": as_of, "settings": settings}
    peers = filters.without("rep", "team") if rep is not None else filters
    scope = replace(filters, rep=(rep,), team=()) if rep is not None else filters
    all_reps = attainment(con, period, "rep", peers, **kw)
    all_teams = attainment(con, period, "team", peers, **kw)
    if rep is not None:
        company = all_reps[all_reps["rep"] == rep].reset_index(drop=True)
        teams = all_teams.iloc[0:0]
        reps = company
    else:
        company = attainment(con, period, "company", filters, **kw)
        teams, reps = all_teams, all_reps
    trend_end = month_start(period.end)
    trend = monthly_attainment(con, add_months(trend_end, -11), period.end, "rep" if rep else "company", scope,
                               as_of=as_of)
    if rep is not None:
        trend = trend[trend["rep"] == rep].reset_index(drop=True)
    sat_peers = satisfaction(con, "rep", period, peers, min_responses=settings.min_responses)
    collab_peers = collaboration(con, period, peers)
    kpi = kpi_scores(all_reps, sat_peers, collab_peers, settings.kpi_weights, settings.revenue_cap)
    ranked = int(kpi["rank"].notna().sum())
    if rep is not None:
        sat_company = satisfaction(con, None, period, scope, min_responses=settings.min_responses)
        sat_reps = sat_peers[sat_peers["rep"] == rep].reset_index(drop=True)
        collab = collab_peers[collab_peers["rep"] == rep].reset_index(drop=True)
        kpi = kpi[kpi["rep"] == rep].reset_index(drop=True)
    else:
        sat_company = satisfaction(con, None, period, filters, min_responses=settings.min_responses)
        sat_reps, collab = sat_peers, collab_peers
    pay = None
    plan_name = None
    plan_problems: list[Problem] = []
    if include_pay:
        plan, plan_problems = _plan(plan_text)
        plan_problems = [p for p in plan_problems if p.severity == "error"]
        if plan is not None and not plan_problems:
            plan_name = plan.name
            pay = payouts(plan, all_reps, all_teams, sat_peers, period)
            plan_problems = list(pay.problems)
            if rep is not None:
                pay = PayoutResult(pay.lines[pay.lines["rep"] == rep].reset_index(drop=True),
                                   pay.totals[pay.totals["rep"] == rep].reset_index(drop=True), pay.problems)
    return ReportData(
        period=period, as_of=as_of, rep=rep, filters=filters, company=company, teams=teams, reps=reps,
        decomposition=decomposition_check(con, period) if rep is None else pd.DataFrame(),
        cumulative=cumulative_actual(con, period, scope, as_of=as_of),
        trend=trend,
        funnel=funnel(con, period, scope, settings),
        segments=performance(con, "segment", period, scope, settings),
        channels=performance(con, "channel", period, scope, settings),
        roi=lead_source_roi(con, period, scope) if rep is None else None,
        satisfaction_company=sat_company, satisfaction_reps=sat_reps, collaboration=collab, kpi=kpi,
        ranked_reps=ranked,
        open_deals=open_deals_for_gap(con, period, rep, settings, scope.without("rep")) if rep else None,
        pay=pay, plan_name=plan_name, plan_problems=plan_problems,
    )


# --- cell writing -------------------------------------------------------------------------------

Kind = Literal["text", "money", "pct", "int", "score", "nps", "days", "times", "date", "month"]

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_TITLE_FONT = Font(bold=True, size=16, color="1F3864")
_SECTION_FONT = Font(bold=True, size=12, color="1F3864")
_THIN = Side(style="thin", color="B7C4D8")
_HEADER_BORDER = Border(bottom=_THIN)
_STATUS_FILLS = {"ahead": "C6EFCE", "on_pace": "DDEBF7", "behind": "FFC7CE", "no_target": "EDEDED"}
_CHART_ROWS = 17  # rows a chart takes (8 cm high at the default row height)
_MAX_WIDTH = 60


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


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
    def __init__(self, lang: Lang, symbol: str):
        self.lang = lang
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        sym = symbol.replace('"', "")
        money = f'"{sym}"#,##0;-"{sym}"#,##0' if sym else "#,##0"
        self.formats: dict[str, str | None] = {
            "text": None, "money": money, "pct": "0.0%", "int": "#,##0", "score": "0.0", "nps": "0.0",
            "days": "0.0", "times": '0.00"×"', "date": "yyyy-mm-dd", "month": "yyyy-mm"}
        self.symbol = sym

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
            return f"{self.symbol}{value:,.0f}" + ("-" if value < 0 else "")
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
    s = book.sheet("sheet.attainment")
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
                                                          [0, round(0.8 * pace_fraction, 6),
                                                           round(0.95 * pace_fraction, 6)]))
    span = len(columns)
    s.note(t("note.icons", green=f"{0.95 * pace_fraction:.0%}", amber=f"{0.8 * pace_fraction:.0%}",
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
    return "–" if _missing(value) else f"{book.symbol}{float(value):,.0f}"  # type: ignore[arg-type]


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
    s.note(t("note.pace", elapsed=elapsed, days=d.period.days, expected=f"{elapsed / d.period.days:.0%}"),
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
    label_col = "stage_label_zh" if lang == "zh" else "stage_label_en"
    columns: list[tuple[str, str, Kind]] = [
        ("stage", t("col.stage"), "text"), ("reached", t("col.reached"), "int"),
        ("from_previous", t("col.from_previous"), "pct"), ("to_next", t("col.to_next"), "pct"),
        ("from_first", t("col.from_first"), "pct")]
    rows = [[r[label_col], r["reached"], r["conversion_from_previous"], r["conversion"],
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
        if sr.get("too_few"):
            notes.append(too_few)
        missing = kr.get("missing") or []
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
    text_col = "description_zh" if lang == "zh" else "description_en"
    line_cols: list[tuple[str, str, Kind]] = [
        ("rep", t("col.rep"), "text"), ("line_no", t("col.line_no"), "int"), ("working", t("col.working"), "text"),
        ("amount", t("col.amount"), "money")]
    lines = s.table(line_cols, d.pay.lines[["rep", "line_no", text_col, "amount"]].values.tolist())
    working = lines.col("working")
    for r in range(lines.first_row, lines.last_row + 1):
        s.ws.cell(row=r, column=working).alignment = Alignment(wrap_text=True, vertical="top")
        if s.ws.cell(row=r, column=working + 1).value is not None and \
                d.pay.lines["kind"].iloc[r - lines.first_row] == "total":
            for j in range(1, len(line_cols) + 1):
                s.ws.cell(row=r, column=j).font = Font(bold=True)
    return s


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


def build_report_from_con(con: duckdb.DuckDBPyConnection, period: Period, *, settings: Settings,
                          rep: str | None = None, lang: Lang = "en", include_pay: bool = False,
                          as_of: date | None = None, plan_text: str | None = None,
                          filters: Filters | None = None, source: str | None = None,
                          version: int | None = None) -> bytes:
    """The report workbook (XLSX bytes) from a connection holding the canonical tables.

    ``rep``: that rep's own report (only their figures); ``include_pay``: add the Payouts sheet
    (a rep's report then shows only their own lines). ``plan_text``: the commission plan as YAML
    (None: the workspace's saved plan, else ``data/commission_plan.yaml``). ``as_of``: the day pace
    is measured on (None: min(today, period end)). ``filters``: the app's current slice (a rep's
    report ignores the team and rep filters). ``source``/``version`` describe the data on the cover.
    Raises ``InputError`` for an unknown rep.
    """
    lang = "zh" if lang == "zh" else "en"
    d = gather(con, period, settings=settings, rep=rep, include_pay=include_pay, as_of=as_of,
               plan_text=plan_text, filters=filters)
    book = _Book(lang, settings.currency_symbol)
    base = label("title.month" if period.kind == "month" else "title.other", lang)
    title = label("title.rep", lang, title=base, rep=rep) if rep else base
    subtitle = label("subtitle", lang, period=period_label(period, lang), as_of=d.as_of.isoformat())
    if rep:
        subtitle = f"{subtitle} · {rep}"
    elapsed = period.elapsed_days(d.as_of)
    pace_fraction = elapsed / period.days if period.days else 1.0
    contents = [
        (label("sheet.attainment", lang), label("contents.attainment_rep" if rep else "contents.attainment", lang)),
        (label("sheet.pace", lang), label("contents.pace", lang)),
        (label("sheet.funnel", lang), label("contents.funnel", lang)),
        (label("sheet.segments", lang), label("contents.segments_rep" if rep else "contents.segments", lang)),
        (label("sheet.satisfaction", lang), label("contents.satisfaction", lang)),
    ]
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
                 filters: Filters | None = None) -> bytes:
    """The report workbook for ``loaded`` (an ``analytics.sources.Loaded``): connects and delegates
    to :func:`build_report_from_con` (same arguments)."""
    con = loaded.connect()
    try:
        register_stage_map(con, settings)
        return build_report_from_con(con, period, settings=settings, rep=rep, lang=lang, include_pay=include_pay,
                                     as_of=as_of, plan_text=plan_text, filters=filters,
                                     source=getattr(loaded, "source", None), version=getattr(loaded, "version", None))
    finally:
        con.close()


__all__ = ["LABELS", "ReportData", "build_report", "build_report_from_con", "gather", "label", "period_label",
           "report_file_name"]
