"""Words of overview."""

WORDS: dict[str, dict[str, str]] = {
    "overview.title": {
        "en": "Overview · {period}",
        "zh": "业绩总览 · {period}",
        "zh-Hant": "業績總覽 · {period}",
    },
    "overview.intro": {
        "en": "Are we on target, who is behind, and what closes the gap. Figures as of {date}; changes are against {previous}.",
        "zh": "是否达成目标、谁落后、差额如何补足。数据截至 {date}；变化均与 {previous} 相比。",
        "zh-Hant": "是否達成目標、誰落後、差額如何補足。資料截至 {date}；變化均與 {previous} 相比。",
    },
    "overview.card.actual": {
        "en": "Actual (won revenue)",
        "zh": "实际业绩（赢单金额）",
        "zh-Hant": "實際業績（成交金額）",
    },
    "overview.card.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "overview.card.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "overview.card.forecast": {
        "en": "Forecast",
        "zh": "预测业绩",
        "zh-Hant": "預測業績",
    },
    "overview.card.coverage": {
        "en": "Pipeline coverage",
        "zh": "商机覆盖倍数",
        "zh-Hant": "商機覆蓋倍數",
    },
    "overview.help.actual": {
        "en": "Sum of the amounts of won deals closed in the period. The change is against {previous}; the line shows the last 12 months.",
        "zh": "本期内成交（赢单）商机金额之和。变化与 {previous} 相比；折线为近 12 个月。",
        "zh-Hant": "本期內成交（成交）商機金額之和。變化與 {previous} 相比；折線為近 12 個月。",
    },
    "overview.help.target": {
        "en": "Targets of the months in the period (team and rep filters apply). The change is against {previous}; the line shows the last 12 months.",
        "zh": "本期各月目标之和（按团队、销售代表筛选）。变化与 {previous} 相比；折线为近 12 个月。",
        "zh-Hant": "本期各月目標之和（按團隊、銷售代表篩選）。變化與 {previous} 相比；折線為近 12 個月。",
    },
    "overview.help.attainment": {
        "en": "Actual ÷ target. The change is in percentage points against {previous}; the line shows the last 12 months, each month against its own target.",
        "zh": "实际 ÷ 目标。变化为与 {previous} 相比的百分点差；折线为近 12 个月，每月与当月目标相比。",
        "zh-Hant": "實際 ÷ 目標。變化為與 {previous} 相比的百分點差；折線為近 12 個月，每月與當月目標相比。",
    },
    "overview.help.forecast": {
        "en": "Actual + weighted pipeline: open deals expected to close in the period, amount × probability. The change is against {previous}.",
        "zh": "实际 + 加权商机：预计本期成交的进行中商机，金额 × 赢单概率。变化与 {previous} 相比。",
        "zh-Hant": "實際 + 加權商機：預計本期成交的進行中商機，金額 × 成交機率。變化與 {previous} 相比。",
    },
    "overview.help.coverage": {
        "en": "Open pipeline expected to close in the period ÷ the gap still to close (target − actual), compared with the coverage needed at the win rate of {rate} (1 ÷ win rate). Not shown once the target is met.",
        "zh": "预计本期成交的进行中商机金额 ÷ 尚需补足的差额（目标 − 实际），并与按 {rate} 赢单率所需的覆盖倍数（1 ÷ 赢单率）比较。达成目标后不再显示。",
        "zh-Hant": "預計本期成交的進行中商機金額 ÷ 尚需補足的差額（目標 − 實際），並與按 {rate} 成交率所需的覆蓋倍數（1 ÷ 成交率）比較。達成目標後不再顯示。",
    },
    "overview.met": {
        "en": "Target met",
        "zh": "已达成",
        "zh-Hant": "已達成",
    },
    "overview.points": {
        "en": "{value} pts",
        "zh": "{value} 个百分点",
        "zh-Hant": "{value} 個百分點",
    },
    "overview.pace_note": {
        "en": "Day {elapsed} of {days}: by now {expected} of the target is expected (the pace marker). Pace status: within ±5 % of that is on pace.",
        "zh": "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}（进度线）。与之相差 ±5% 以内为符合进度。",
        "zh-Hant": "本期共 {days} 天，已過 {elapsed} 天：此時應完成目標的 {expected}（進度線）。與之相差 ±5% 以內為符合進度。",
    },
    "overview.period_over": {
        "en": "The period is complete ({days} days): pace is the full target.",
        "zh": "本期已结束（{days} 天）：进度即为全部目标。",
        "zh-Hant": "本期已結束（{days} 天）：進度即為全部目標。",
    },
    "overview.not_started": {
        "en": "The period has not started yet.",
        "zh": "本期尚未开始。",
        "zh-Hant": "本期尚未開始。",
    },
    "overview.vs_needed": {
        "en": "{value} vs {needed} needed",
        "zh": "{value}（所需 {needed}）",
        "zh-Hant": "{value}（所需 {needed}）",
    },
    "overview.date_format": {
        "en": "%d %b",
        "zh": "%m月%d日",
        "zh-Hant": "%m月%d日",
    },
    "overview.filters_note": {
        "en": "Targets are set per rep, team and company: the region, segment and channel filters narrow the actuals but not the targets.",
        "zh": "目标按销售代表、团队和公司设定：区域、细分市场和渠道筛选只缩小实际业绩，不改变目标。",
        "zh-Hant": "目標按銷售代表、團隊和公司設定：區域、市場區隔和通路篩選只縮小實際業績，不改變目標。",
    },
    "overview.no_deals": {
        "en": "No deals are loaded. Upload a deals export (owner, stage, amount, close date) on the [[nav.data]] page.",
        "zh": "尚未导入商机数据。请在“[[nav.data]]”页面上传商机导出文件（负责人、阶段、金额、成交日期）。",
        "zh-Hant": "尚未匯入商機資料。請在「[[nav.data]]」頁面上傳商機匯出檔案（負責人、階段、金額、成交日期）。",
    },
    "overview.no_targets": {
        "en": "No targets are loaded, so attainment, pace and the gap cannot be worked out: everyone shows “no target”. Upload a targets file (period, rep or team, target) on the [[nav.data]] page.",
        "zh": "尚未导入目标数据，因此无法计算达成率、进度和差额：所有人显示为“无目标”。请在“[[nav.data]]”页面上传目标文件（期间、销售代表或团队、目标）。",
        "zh-Hant": "尚未匯入目標資料，因此無法計算達成率、進度和差額：所有人顯示為「無目標」。請在「[[nav.data]]」頁面上傳目標檔案（期間、銷售代表或團隊、目標）。",
    },
    "overview.no_team": {
        "en": "(no team)",
        "zh": "（无团队）",
        "zh-Hant": "（無團隊）",
    },
    "overview.status.ahead": {
        "en": "Ahead of pace",
        "zh": "超前于进度",
        "zh-Hant": "超前於進度",
    },
    "overview.status.on_pace": {
        "en": "On pace",
        "zh": "符合进度",
        "zh-Hant": "符合進度",
    },
    "overview.status.behind": {
        "en": "Behind pace",
        "zh": "落后于进度",
        "zh-Hant": "落後於進度",
    },
    "overview.status.no_target": {
        "en": "No target",
        "zh": "无目标",
        "zh-Hant": "無目標",
    },
    "overview.section.bars": {
        "en": "Attainment against pace",
        "zh": "达成率与进度",
        "zh-Hant": "達成率與進度",
    },
    "overview.by_team": {
        "en": "By team",
        "zh": "按团队",
        "zh-Hant": "按團隊",
    },
    "overview.by_rep": {
        "en": "By rep",
        "zh": "按销售代表",
        "zh-Hant": "按銷售代表",
    },
    "overview.chart.axis": {
        "en": "Attainment (% of target)",
        "zh": "达成率（占目标 %）",
        "zh-Hant": "達成率（佔目標 %）",
    },
    "overview.chart.target_line": {
        "en": "100%",
        "zh": "100%",
        "zh-Hant": "100%",
    },
    "overview.chart.pace": {
        "en": "Pace",
        "zh": "进度",
        "zh-Hant": "進度",
    },
    "overview.chart.actual": {
        "en": "Actual",
        "zh": "实际",
        "zh-Hant": "實際",
    },
    "overview.chart.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "overview.chart.last_year": {
        "en": "Same period last year",
        "zh": "去年同期",
        "zh-Hant": "去年同期",
    },
    "overview.section.cumulative": {
        "en": "Cumulative won revenue in {period}",
        "zh": "{period} 累计赢单金额",
        "zh-Hant": "{period} 累計成交金額",
    },
    "overview.cum_axis": {
        "en": "Won revenue, cumulative",
        "zh": "累计赢单金额",
        "zh-Hant": "累計成交金額",
    },
    "overview.section.table": {
        "en": "Reps",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "overview.table_hint": {
        "en": "Select a row (the box on the left) to open that rep's progress with the same period and filters. Click a column header to sort.",
        "zh": "勾选左侧方框选择一行，即可在相同期间与筛选条件下打开该销售代表的个人进度。点击列标题可排序。",
        "zh-Hant": "勾選左側方框選擇一列，即可在相同期間與篩選條件下開啟該銷售代表的個人進度。點選欄標題可排序。",
    },
    "overview.col.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "overview.col.actual": {
        "en": "Actual",
        "zh": "实际",
        "zh-Hant": "實際",
    },
    "overview.col.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "overview.col.pace": {
        "en": "Pace",
        "zh": "进度状态",
        "zh-Hant": "進度狀態",
    },
    "overview.col.gap": {
        "en": "Gap to target",
        "zh": "距目标差额",
        "zh-Hant": "距目標差額",
    },
    "overview.col.forecast": {
        "en": "Forecast",
        "zh": "预测业绩",
        "zh-Hant": "預測業績",
    },
    "overview.section.heatmap": {
        "en": "Monthly attainment by rep, fiscal year {year}",
        "zh": "{year} 财年各销售代表月度达成率",
        "zh-Hant": "{year} 財年各銷售代表月度達成率",
    },
    "overview.heat_note": {
        "en": "Each month against its own target. Months not yet started are blank.",
        "zh": "每月与当月目标相比。尚未开始的月份留空。",
        "zh-Hant": "每月與當月目標相比。尚未開始的月份留空。",
    },
    "overview.heat_colorbar": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "overview.heat_no_targets": {
        "en": "No monthly targets in fiscal year {year}, so there is no attainment to show.",
        "zh": "{year} 财年没有月度目标，因此无法显示达成率。",
        "zh-Hant": "{year} 財年沒有月度目標，因此無法顯示達成率。",
    },
    "overview.decomp.title": {
        "en": "Targets do not add up in {count} place(s): the explicit target is used, and the difference is shown below.",
        "zh": "有 {count} 处目标分解不一致：以明确设定的目标为准，差额如下。",
        "zh-Hant": "有 {count} 處目標分解不一致：以明確設定的目標為準，差額如下。",
    },
    "overview.decomp.col.level": {
        "en": "Level",
        "zh": "层级",
        "zh-Hant": "層級",
    },
    "overview.decomp.col.owner": {
        "en": "Team / company",
        "zh": "团队 / 公司",
        "zh-Hant": "團隊 / 公司",
    },
    "overview.decomp.col.explicit": {
        "en": "Explicit target",
        "zh": "明确设定的目标",
        "zh-Hant": "明確設定的目標",
    },
    "overview.decomp.col.parts": {
        "en": "Sum of its parts",
        "zh": "下级目标之和",
        "zh-Hant": "下級目標之和",
    },
    "overview.decomp.col.difference": {
        "en": "Difference (explicit − sum)",
        "zh": "差额（明确目标 − 下级之和）",
        "zh-Hant": "差額（明確目標 − 下級之和）",
    },
    "overview.over_by": {
        "en": "Over target by {amount}",
        "zh": "超出目标 {amount}",
        "zh-Hant": "超出目標 {amount}",
    },
}
