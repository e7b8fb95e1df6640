"""Every label of the report workbook, the period's name and the file name, in each language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from analytics.periods import Period

Lang = Literal["en", "zh"]

if TYPE_CHECKING:
    pass



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
    "note.too_few_kpi": ("fewer than {n} CSAT responses: too few to judge, satisfaction left out of the KPI score",
                         "满意度回复少于 {n} 份：样本太少不作评判，考核得分不计满意度"),
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
