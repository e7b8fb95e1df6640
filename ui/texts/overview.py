"""Texts of the Overview page (the director's monthly review): key → (English, 简体中文).

The pace statuses (``overview.status.*``) are shared with My progress.
"""

TEXT: dict[str, tuple[str, str]] = {
    "overview.title": ("Overview · {period}", "业绩总览 · {period}"),
    "overview.intro": ("Are we on target, who is behind, and what closes the gap. Figures as of {date}; "
                       "changes are against {previous}.",
                       "是否达成目标、谁落后、差额如何补足。数据截至 {date}；变化均与 {previous} 相比。"),
    # metric cards
    "overview.card.actual": ("Actual (won revenue)", "实际业绩（赢单金额）"),
    "overview.card.target": ("Target", "目标"),
    "overview.card.attainment": ("Attainment", "达成率"),
    "overview.card.forecast": ("Forecast", "预测业绩"),
    "overview.card.coverage": ("Pipeline coverage", "商机覆盖倍数"),
    "overview.help.actual": ("Sum of the amounts of won deals closed in the period. The change is against {previous}; "
                             "the line shows the last 12 months.",
                             "本期内成交（赢单）商机金额之和。变化与 {previous} 相比；折线为近 12 个月。"),
    "overview.help.target": ("Targets of the months in the period (team and rep filters apply). "
                             "The change is against {previous}; the line shows the last 12 months.",
                             "本期各月目标之和（按团队、销售代表筛选）。变化与 {previous} 相比；折线为近 12 个月。"),
    "overview.help.attainment": ("Actual ÷ target. The change is in percentage points against {previous}; "
                                 "the line shows the last 12 months, each month against its own target.",
                                 "实际 ÷ 目标。变化为与 {previous} 相比的百分点差；折线为近 12 个月，每月与当月目标相比。"),
    "overview.help.forecast": ("Actual + weighted pipeline: open deals expected to close in the period, "
                               "amount × probability. The change is against {previous}.",
                               "实际 + 加权商机：预计本期成交的进行中商机，金额 × 赢单概率。变化与 {previous} 相比。"),
    "overview.help.coverage": ("Open pipeline expected to close in the period ÷ the gap still to close "
                               "(target − actual), compared with the coverage needed at the win rate of {rate} "
                               "(1 ÷ win rate). Not shown once the target is met.",
                               "预计本期成交的进行中商机金额 ÷ 尚需补足的差额（目标 − 实际），并与按 {rate} 赢单率"
                               "所需的覆盖倍数（1 ÷ 赢单率）比较。达成目标后不再显示。"),
    "overview.met": ("Target met", "已达成"),
    "overview.points": ("{value} pts", "{value} 个百分点"),
    "overview.pace_note": ("Day {elapsed} of {days}: by now {expected} of the target is expected (the pace "
                           "marker). Pace status: within ±5 % of that is on pace.",
                           "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}（进度线）。"
                           "与之相差 ±5% 以内为符合进度。"),
    "overview.period_over": ("The period is complete ({days} days): pace is the full target.",
                             "本期已结束（{days} 天）：进度即为全部目标。"),
    "overview.not_started": ("The period has not started yet.", "本期尚未开始。"),
    "overview.vs_needed": ("{value} vs {needed} needed", "{value}（所需 {needed}）"),
    "overview.date_format": ("%d %b", "%m月%d日"),
    "overview.filters_note": ("Targets are set per rep, team and company: the region, segment and channel "
                              "filters narrow the actuals but not the targets.",
                              "目标按销售代表、团队和公司设定：区域、细分市场和渠道筛选只缩小实际业绩，不改变目标。"),
    # empty states
    "overview.no_deals": ("No deals are loaded. Upload a deals export (owner, stage, amount, close date) "
                          "on the Data page.",
                          "尚未导入商机数据。请在“数据”页面上传商机导出文件（负责人、阶段、金额、成交日期）。"),
    "overview.no_targets": ("No targets are loaded, so attainment, pace and the gap cannot be worked out: "
                            "everyone shows “no target”. Upload a targets file (period, rep or team, target) "
                            "on the Data page.",
                            "尚未导入目标数据，因此无法计算达成率、进度和差额：所有人显示为“无目标”。"
                            "请在“数据”页面上传目标文件（期间、销售代表或团队、目标）。"),
    "overview.no_team": ("(no team)", "（无团队）"),
    # pace statuses (shared with My progress)
    "overview.status.ahead": ("Ahead of pace", "超前于进度"),
    "overview.status.on_pace": ("On pace", "符合进度"),
    "overview.status.behind": ("Behind pace", "落后于进度"),
    "overview.status.no_target": ("No target", "无目标"),
    # charts
    "overview.section.bars": ("Attainment against pace", "达成率与进度"),
    "overview.by_team": ("By team", "按团队"),
    "overview.by_rep": ("By rep", "按销售代表"),
    "overview.chart.axis": ("Attainment (% of target)", "达成率（占目标 %）"),
    "overview.chart.target_line": ("100%", "100%"),
    "overview.chart.pace": ("Pace", "进度"),
    "overview.chart.actual": ("Actual", "实际"),
    "overview.chart.target": ("Target", "目标"),
    "overview.chart.last_year": ("Same period last year", "去年同期"),
    "overview.section.cumulative": ("Cumulative won revenue in {period}", "{period} 累计赢单金额"),
    "overview.cum_axis": ("Won revenue, cumulative", "累计赢单金额"),
    "overview.section.table": ("Reps", "销售代表"),
    "overview.table_hint": ("Select a row (the box on the left) to open that rep's progress with the same "
                            "period and filters. Click a column header to sort.",
                            "勾选左侧方框选择一行，即可在相同期间与筛选条件下打开该销售代表的个人进度。"
                            "点击列标题可排序。"),
    "overview.col.target": ("Target", "目标"),
    "overview.col.actual": ("Actual", "实际"),
    "overview.col.attainment": ("Attainment", "达成率"),
    "overview.col.pace": ("Pace", "进度状态"),
    "overview.col.gap": ("Gap to target", "距目标差额"),
    "overview.over_by": ("Over target by {amount}", "超出目标 {amount}"),
    "overview.col.forecast": ("Forecast", "预测业绩"),
    "overview.section.heatmap": ("Monthly attainment by rep, fiscal year {year}", "{year} 财年各销售代表月度达成率"),
    "overview.heat_note": ("Each month against its own target. Months not yet started are blank.",
                           "每月与当月目标相比。尚未开始的月份留空。"),
    "overview.heat_colorbar": ("Attainment", "达成率"),
    "overview.heat_no_targets": ("No monthly targets in fiscal year {year}, so there is no attainment to show.",
                                 "{year} 财年没有月度目标，因此无法显示达成率。"),
    # target decomposition check
    "overview.decomp.title": ("Targets do not add up in {count} place(s): the explicit target is used, "
                              "and the difference is shown below.",
                              "有 {count} 处目标分解不一致：以明确设定的目标为准，差额如下。"),
    "overview.decomp.col.level": ("Level", "层级"),
    "overview.decomp.col.owner": ("Team / company", "团队 / 公司"),
    "overview.decomp.col.explicit": ("Explicit target", "明确设定的目标"),
    "overview.decomp.col.parts": ("Sum of its parts", "下级目标之和"),
    "overview.decomp.col.difference": ("Difference (explicit − sum)", "差额（明确目标 − 下级之和）"),
}
