"""Words of funnel."""

WORDS: dict[str, dict[str, str]] = {
    "funnel.title": {
        "en": "Sales funnel",
        "zh": "销售漏斗",
        "zh-Hant": "銷售漏斗",
    },
    "funnel.intro": {
        "en": "Where deals stall and who converts best. The funnel follows the deals created in {period}; win rate, deal size and cycle count the deals closed in {period}.",
        "zh": "看商机在哪里停滞、谁的转化最好。漏斗跟踪 {period} 创建的商机；赢单率、平均成交额和销售周期统计 {period} 结单的商机。",
        "zh-Hant": "看商機在哪裡停滯、誰的轉化最好。漏斗跟蹤 {period} 建立的商機；成交率、平均成交額和銷售週期統計 {period} 結單的商機。",
    },
    "funnel.no_deals": {
        "en": "No deals are loaded. Upload a deals or opportunities export (deal ID, sales rep, stage, amount, dates) on the [[nav.data]] page to see the funnel.",
        "zh": "尚未导入商机数据。请在“[[nav.data]]”页面上传商机导出文件（商机编号、销售代表、阶段、金额、日期），即可查看漏斗。",
        "zh-Hant": "尚未匯入商機資料。請在「[[nav.data]]」頁面上傳商機匯出檔案（商機編號、銷售代表、階段、金額、日期），即可檢視漏斗。",
    },
    "funnel.mode": {
        "en": "View",
        "zh": "视图",
        "zh-Hant": "檢視",
    },
    "funnel.mode.snapshot": {
        "en": "Snapshot",
        "zh": "当前快照",
        "zh-Hant": "目前快照",
    },
    "funnel.mode.cohort": {
        "en": "By created month",
        "zh": "按创建月份",
        "zh-Hant": "按建立月份",
    },
    "funnel.mode.help": {
        "en": "Snapshot: all deals created in the period, where they stand today. By created month: one funnel per month of creation, so young months are not mixed with mature ones.",
        "zh": "当前快照：本期创建的全部商机目前所处的位置。按创建月份：每个创建月份一个漏斗，避免把刚创建的月份和已成熟的月份混在一起。",
        "zh-Hant": "目前快照：本期建立的全部商機目前所處的位置。按建立月份：每個建立月份一個漏斗，避免把剛建立的月份和已成熟的月份混在一起。",
    },
    "funnel.pct": {
        "en": "Percentages",
        "zh": "百分比",
        "zh-Hant": "百分比",
    },
    "funnel.pct.previous": {
        "en": "% of previous stage",
        "zh": "占上一阶段",
        "zh-Hant": "佔上一階段",
    },
    "funnel.pct.first": {
        "en": "% of first stage",
        "zh": "占第一阶段",
        "zh-Hant": "佔第一階段",
    },
    "funnel.pct.help": {
        "en": "Which percentage leads the labels and the comparison chart; the funnel bars always show both.",
        "zh": "选择标签和对比图中优先显示的百分比；漏斗条形图始终同时显示两者。",
        "zh-Hant": "選擇標籤和對比圖中優先顯示的百分比；漏斗條形圖始終同時顯示兩者。",
    },
    "funnel.strict": {
        "en": "Counting",
        "zh": "计数方式",
        "zh-Hant": "計數方式",
    },
    "funnel.strict.any": {
        "en": "Reached the stage",
        "zh": "到达即计",
        "zh-Hant": "到達即計",
    },
    "funnel.strict.strict": {
        "en": "Passed every stage",
        "zh": "逐阶段经过",
        "zh-Hant": "逐階段經過",
    },
    "funnel.strict.help": {
        "en": "Reached: a deal counts at a stage when it got there or further, even if it skipped a step. Passed every stage: only when it has been through every earlier stage too (from stage-entry dates).",
        "zh": "到达即计：商机到达该阶段或更后阶段即计入，即使跳过了某一步。逐阶段经过：还须经过此前每个阶段（依据阶段进入日期）。",
        "zh-Hant": "到達即計：商機到達該階段或更後階段即計入，即使跳過了某一步。逐階段經過：還須經過此前每個階段（依據階段進入日期）。",
    },
    "funnel.label.of_previous": {
        "en": "{pct} of previous",
        "zh": "上一阶段的 {pct}",
        "zh-Hant": "上一階段的 {pct}",
    },
    "funnel.label.of_first": {
        "en": "{pct} of first",
        "zh": "第一阶段的 {pct}",
        "zh-Hant": "第一階段的 {pct}",
    },
    "funnel.label.reached": {
        "en": "Deals reached",
        "zh": "到达商机数",
        "zh-Hant": "到達商機數",
    },
    "funnel.axis.deals": {
        "en": "Deals",
        "zh": "商机数",
        "zh-Hant": "商機數",
    },
    "funnel.axis.share": {
        "en": "Share of deals",
        "zh": "商机占比",
        "zh-Hant": "商機佔比",
    },
    "funnel.card.entered": {
        "en": "Deals entered",
        "zh": "进入漏斗的商机",
        "zh-Hant": "進入漏斗的商機",
    },
    "funnel.card.entered_help": {
        "en": "Deals created in the period: every one counts at the first stage.",
        "zh": "本期创建的商机，均计入第一阶段。",
        "zh-Hant": "本期建立的商機，均計入第一階段。",
    },
    "funnel.card.signed": {
        "en": "Reached contract",
        "zh": "到达签约阶段",
        "zh-Hant": "到達簽約階段",
    },
    "funnel.card.signed_help": {
        "en": "Of the deals created in the period, those that reached the last stage, and their share of the deals entered.",
        "zh": "本期创建的商机中到达最后阶段的数量及其占进入漏斗商机的比例。",
        "zh-Hant": "本期建立的商機中到達最後階段的數量及其佔進入漏斗商機的比例。",
    },
    "funnel.card.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "funnel.card.win_rate_help": {
        "en": "Won ÷ (won + lost), deals closed in the period, by count; below, by value.",
        "zh": "本期结单商机中 赢单 ÷（赢单 + 输单），按数量；下方为按金额。",
        "zh-Hant": "本期結單商機中 成交 ÷（成交 + 失單），按數量；下方為按金額。",
    },
    "funnel.card.by_value": {
        "en": "{pct} by value",
        "zh": "按金额 {pct}",
        "zh-Hant": "按金額 {pct}",
    },
    "funnel.card.deal_size": {
        "en": "Average won deal",
        "zh": "平均赢单金额",
        "zh-Hant": "平均成交金額",
    },
    "funnel.card.cycle": {
        "en": "Sales cycle",
        "zh": "销售周期",
        "zh-Hant": "銷售週期",
    },
    "funnel.card.cycle_help": {
        "en": "Mean days from creation to close of the deals won in the period.",
        "zh": "本期赢单商机从创建到结单的平均天数。",
        "zh-Hant": "本期成交商機從建立到結單的平均天數。",
    },
    "funnel.card.velocity": {
        "en": "Sales velocity",
        "zh": "销售速度",
        "zh-Hant": "銷售速度",
    },
    "funnel.card.velocity_help": {
        "en": "Open deals × win rate × average won deal ÷ sales cycle: revenue the pipeline brings per day at today's rates.",
        "zh": "未结商机数 × 赢单率 × 平均赢单金额 ÷ 销售周期：按当前水平管道每天带来的收入。",
        "zh-Hant": "未結商機數 × 成交率 × 平均成交金額 ÷ 銷售週期：按目前水平管道每天帶來的收入。",
    },
    "funnel.days": {
        "en": "{days} days",
        "zh": "{days} 天",
        "zh-Hant": "{days} 天",
    },
    "funnel.per_day": {
        "en": "{value}/day",
        "zh": "{value}/天",
        "zh-Hant": "{value}/天",
    },
    "funnel.section.funnel": {
        "en": "Funnel",
        "zh": "漏斗",
        "zh-Hant": "漏斗",
    },
    "funnel.section.caption": {
        "en": "Stages in your configured order. Each bar: deals that reached the stage · % of the previous stage · % of the first stage. Click a bar to list its deals.",
        "zh": "阶段按设置中的顺序排列。每个条形：到达该阶段的商机数 · 占上一阶段的比例 · 占第一阶段的比例。点击条形可列出其商机。",
        "zh-Hant": "階段按設定中的順序排列。每個條形：到達該階段的商機數 · 佔上一階段的比例 · 佔第一階段的比例。點選條形可列出其商機。",
    },
    "funnel.cohort.caption": {
        "en": "One funnel per month of creation in the period; grey months are too young to judge (younger than the median won cycle).",
        "zh": "本期每个创建月份一个漏斗；灰色月份时间太短，尚无法判断（短于赢单周期中位数）。",
        "zh-Hant": "本期每個建立月份一個漏斗；灰色月份時間太短，尚無法判斷（短於成交週期中位數）。",
    },
    "funnel.compact.caption": {
        "en": "Each bar: deals reached · {lead} · {other}.",
        "zh": "每个条形：到达商机数 · {lead} · {other}。",
        "zh-Hant": "每個條形：到達商機數 · {lead} · {other}。",
    },
    "funnel.deals.prompt": {
        "en": "Click a bar in the funnel, or choose a stage here, to list the deals that reached it.",
        "zh": "点击漏斗中的条形，或在此选择阶段，即可列出到达该阶段的商机。",
        "zh-Hant": "點選漏斗中的條形，或在此選擇階段，即可列出到達該階段的商機。",
    },
    "funnel.cohort.young": {
        "en": "{month} (too young)",
        "zh": "{month}（时间太短）",
        "zh-Hant": "{month}（時間太短）",
    },
    "funnel.table.expander": {
        "en": "Funnel figures (table)",
        "zh": "漏斗数据（表格）",
        "zh-Hant": "漏斗資料（表格）",
    },
    "funnel.col.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "funnel.col.reached": {
        "en": "Deals reached",
        "zh": "到达商机数",
        "zh-Hant": "到達商機數",
    },
    "funnel.col.from_previous": {
        "en": "% of previous",
        "zh": "占上一阶段",
        "zh-Hant": "佔上一階段",
    },
    "funnel.col.from_first": {
        "en": "% of first",
        "zh": "占第一阶段",
        "zh-Hant": "佔第一階段",
    },
    "funnel.col.to_next": {
        "en": "Converts to next",
        "zh": "转入下一阶段",
        "zh-Hant": "轉入下一階段",
    },
    "funnel.col.created_month": {
        "en": "Created in",
        "zh": "创建月份",
        "zh-Hant": "建立月份",
    },
    "funnel.col.too_young": {
        "en": "Too young",
        "zh": "时间太短",
        "zh-Hant": "時間太短",
    },
    "funnel.deals.title": {
        "en": "Deals behind a stage",
        "zh": "某阶段的商机明细",
        "zh-Hant": "某階段的商機明細",
    },
    "funnel.deals.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "funnel.deals.caption": {
        "en": "{count} deals created in {period} reached {stage}, with the sidebar filters applied.",
        "zh": "在侧边栏筛选条件下，{period} 创建的商机中有 {count} 个到达“{stage}”。",
        "zh-Hant": "在側邊欄篩選條件下，{period} 建立的商機中有 {count} 個到達「{stage}」。",
    },
    "funnel.deals.caption_month": {
        "en": "{count} deals created in {month} reached {stage}, with the sidebar filters applied.",
        "zh": "在侧边栏筛选条件下，{month} 创建的商机中有 {count} 个到达“{stage}”。",
        "zh-Hant": "在側邊欄篩選條件下，{month} 建立的商機中有 {count} 個到達「{stage}」。",
    },
    "funnel.col.deal_id": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "funnel.col.status": {
        "en": "Status",
        "zh": "状态",
        "zh-Hant": "狀態",
    },
    "funnel.col.current_stage": {
        "en": "Current stage",
        "zh": "当前阶段",
        "zh-Hant": "目前階段",
    },
    "funnel.col.amount": {
        "en": "Amount{unit}",
        "zh": "金额{unit}",
        "zh-Hant": "金額{unit}",
    },
    "funnel.col.created": {
        "en": "Created",
        "zh": "创建日期",
        "zh-Hant": "建立日期",
    },
    "funnel.col.close": {
        "en": "Close date",
        "zh": "结单日期",
        "zh-Hant": "結單日期",
    },
    "funnel.status.open": {
        "en": "Open",
        "zh": "进行中",
        "zh-Hant": "進行中",
    },
    "funnel.status.won": {
        "en": "Won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "funnel.status.lost": {
        "en": "Lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "funnel.section.compare": {
        "en": "Who converts best",
        "zh": "谁的转化最好",
        "zh-Hant": "誰的轉化最好",
    },
    "funnel.compare.by": {
        "en": "Compare by",
        "zh": "对比维度",
        "zh-Hant": "對比維度",
    },
    "funnel.compare.layout": {
        "en": "Layout",
        "zh": "布局",
        "zh-Hant": "佈局",
    },
    "funnel.compare.grouped": {
        "en": "Grouped bars",
        "zh": "分组条形图",
        "zh-Hant": "分組條形圖",
    },
    "funnel.compare.small": {
        "en": "Small multiples",
        "zh": "小图组",
        "zh-Hant": "小圖組",
    },
    "funnel.compare.caption": {
        "en": "The funnel of the deals created in {period}, per {dim}: {pct}. Hover a bar for the deal count and the other percentage.",
        "zh": "{period} 创建的商机按{dim}分别统计的漏斗：{pct}。鼠标悬停可查看商机数和另一个百分比。",
        "zh-Hant": "{period} 建立的商機按{dim}分別統計的漏斗：{pct}。滑鼠懸停可檢視商機數和另一個百分比。",
    },
    "funnel.compare.small_caption": {
        "en": "The funnel of the deals created in {period}, per {dim}.",
        "zh": "{period} 创建的商机按{dim}分别统计的漏斗。",
        "zh-Hant": "{period} 建立的商機按{dim}分別統計的漏斗。",
    },
    "funnel.compare.none": {
        "en": "(none)",
        "zh": "（空）",
        "zh-Hant": "（空）",
    },
    "funnel.perf.title": {
        "en": "Performance by {dim}",
        "zh": "按{dim}的业绩",
        "zh-Hant": "按{dim}的業績",
    },
    "funnel.perf.caption": {
        "en": "Deals closed in {period}. Open deals are today's pipeline; velocity = open deals × win rate × average won deal ÷ cycle.",
        "zh": "{period} 结单的商机。未结商机为当前管道；销售速度 = 未结商机数 × 赢单率 × 平均赢单金额 ÷ 销售周期。",
        "zh-Hant": "{period} 結單的商機。未結商機為目前管道；銷售速度 = 未結商機數 × 成交率 × 平均成交金額 ÷ 銷售週期。",
    },
    "funnel.col.won_revenue": {
        "en": "Won revenue{unit}",
        "zh": "赢单收入{unit}",
        "zh-Hant": "成交收入{unit}",
    },
    "funnel.col.revenue_share": {
        "en": "Share",
        "zh": "占比",
        "zh-Hant": "佔比",
    },
    "funnel.col.deals_won": {
        "en": "Won",
        "zh": "赢单数",
        "zh-Hant": "成交數",
    },
    "funnel.col.deals_lost": {
        "en": "Lost",
        "zh": "输单数",
        "zh-Hant": "失單數",
    },
    "funnel.col.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "funnel.col.win_rate_value": {
        "en": "Win rate by value",
        "zh": "按金额赢单率",
        "zh-Hant": "按金額成交率",
    },
    "funnel.col.avg_deal_size": {
        "en": "Average won deal{unit}",
        "zh": "平均赢单金额{unit}",
        "zh-Hant": "平均成交金額{unit}",
    },
    "funnel.col.cycle": {
        "en": "Cycle (days)",
        "zh": "周期（天）",
        "zh-Hant": "週期（天）",
    },
    "funnel.col.open_deals": {
        "en": "Open deals",
        "zh": "未结商机",
        "zh-Hant": "未結商機",
    },
    "funnel.col.velocity": {
        "en": "Velocity per day{unit}",
        "zh": "每天销售速度{unit}",
        "zh-Hant": "每天銷售速度{unit}",
    },
    "funnel.col.change": {
        "en": "vs previous period",
        "zh": "较上期",
        "zh-Hant": "較上期",
    },
    "funnel.section.cohorts": {
        "en": "Cohorts: how each month's new deals progressed",
        "zh": "批次：每月新商机的推进情况",
        "zh-Hant": "批次：每月新商機的推進情況",
    },
    "funnel.cohorts.caption": {
        "en": "Rows: the month deals were created (with their number), last 12 months up to {end}. Cells: share of that month's deals that reached the stage. [[funnel.cohorts.young_mark]] marks months younger than the median won cycle: their figures will still rise.",
        "zh": "行：商机创建月份（附商机数），截至 {end} 的最近 12 个月。单元格：该月商机中到达该阶段的比例。[[funnel.cohorts.young_mark]]表示时间短于赢单周期中位数的月份：其数字仍会上升。",
        "zh-Hant": "列：商機建立月份（附商機數），截至 {end} 的最近 12 個月。儲存格：該月商機中到達該階段的比例。[[funnel.cohorts.young_mark]]表示時間短於成交週期中位數的月份：其數字仍會上升。",
    },
    "funnel.cohorts.young_mark": {
        "en": "(young)",
        "zh": "（尚早）",
        "zh-Hant": "（尚早）",
    },
    "funnel.cohorts.colorbar": {
        "en": "Share",
        "zh": "占比",
        "zh-Hant": "佔比",
    },
    "funnel.col.share_of_cohort": {
        "en": "Share of cohort",
        "zh": "占该批次",
        "zh-Hant": "佔該批次",
    },
    "funnel.col.cohort_age": {
        "en": "Age (days)",
        "zh": "月龄（天）",
        "zh-Hant": "月齡（天）",
    },
    "funnel.section.time": {
        "en": "Time in stage",
        "zh": "阶段停留时间",
        "zh-Hant": "階段停留時間",
    },
    "funnel.time.caption": {
        "en": "Days from entering a stage to entering the next, for deals created in {period} that moved on (from stage-entry dates).",
        "zh": "{period} 创建并已推进的商机，从进入某阶段到进入下一阶段的天数（依据阶段进入日期）。",
        "zh-Hant": "{period} 建立並已推進的商機，從進入某階段到進入下一階段的天數（依據階段進入日期）。",
    },
    "funnel.time.none": {
        "en": "No stage-entry dates in this data, so time in stage cannot be measured. Add columns such as “Entered Negotiation” to your deals file on the [[nav.data]] page.",
        "zh": "数据中没有阶段进入日期，无法计算阶段停留时间。可在“[[nav.data]]”页面的商机文件中加入“进入销售谈判”等日期列。",
        "zh-Hant": "資料中沒有階段進入日期，無法計算階段停留時間。可在「[[nav.data]]」頁面的商機檔案中加入「進入銷售談判」等日期欄。",
    },
    "funnel.time.none_moved": {
        "en": "No deal created in {period} has moved on to a later stage yet, so there is no time in stage to measure.",
        "zh": "{period} 创建的商机尚未推进到下一阶段，暂无阶段停留时间可计算。",
        "zh-Hant": "{period} 建立的商機尚未推進到下一階段，暫無階段停留時間可計算。",
    },
    "funnel.time.median": {
        "en": "Median",
        "zh": "中位数",
        "zh-Hant": "中位數",
    },
    "funnel.time.p75": {
        "en": "75th percentile",
        "zh": "75 分位",
        "zh-Hant": "75 分位",
    },
    "funnel.time.axis": {
        "en": "Days",
        "zh": "天数",
        "zh-Hant": "天數",
    },
    "funnel.col.measured": {
        "en": "Deals measured",
        "zh": "计入商机数",
        "zh-Hant": "計入商機數",
    },
    "funnel.col.median_days": {
        "en": "Median days",
        "zh": "中位天数",
        "zh-Hant": "中位天數",
    },
    "funnel.col.p75_days": {
        "en": "75th percentile days",
        "zh": "75 分位天数",
        "zh-Hant": "75 分位天數",
    },
    "funnel.section.lost": {
        "en": "Why deals are lost",
        "zh": "输单原因",
        "zh-Hant": "失單原因",
    },
    "funnel.lost.caption": {
        "en": "Deals lost with a close date in {period}.",
        "zh": "{period} 结单的输单商机。",
        "zh-Hant": "{period} 結單的失單商機。",
    },
    "funnel.lost.none": {
        "en": "No deal was lost in {period}.",
        "zh": "{period} 没有输单商机。",
        "zh-Hant": "{period} 沒有失單商機。",
    },
    "funnel.lost.no_reason": {
        "en": "(no reason given)",
        "zh": "（未填写原因）",
        "zh-Hant": "（未填寫原因）",
    },
    "funnel.col.lost_reason": {
        "en": "Reason",
        "zh": "原因",
        "zh-Hant": "原因",
    },
    "funnel.col.lost_deals": {
        "en": "Deals",
        "zh": "商机数",
        "zh-Hant": "商機數",
    },
    "funnel.col.lost_amount": {
        "en": "Amount{unit}",
        "zh": "金额{unit}",
        "zh-Hant": "金額{unit}",
    },
    "funnel.col.lost_share": {
        "en": "Share",
        "zh": "占比",
        "zh-Hant": "佔比",
    },
    "funnel.section.trends": {
        "en": "Win rate and cycle, last 12 months",
        "zh": "最近 12 个月的赢单率与销售周期",
        "zh-Hant": "最近 12 個月的成交率與銷售週期",
    },
    "funnel.trends.caption": {
        "en": "Deals closed each month up to {end}, with the sidebar filters applied.",
        "zh": "截至 {end} 每月结单的商机，已应用侧边栏筛选条件。",
        "zh-Hant": "截至 {end} 每月結單的商機，已應用側邊欄篩選條件。",
    },
    "funnel.trends.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "funnel.trends.cycle": {
        "en": "Sales cycle (days)",
        "zh": "销售周期（天）",
        "zh-Hant": "銷售週期（天）",
    },
    "funnel.steps.title": {
        "en": "The six steps of the sales process",
        "zh": "销售流程六步",
        "zh-Hant": "銷售流程六步",
    },
    "funnel.steps.follow_up": {
        "en": "Follow-up",
        "zh": "客户跟进",
        "zh-Hant": "客戶跟進",
    },
    "funnel.steps.report": {
        "en": "Report",
        "zh": "销售报告",
        "zh-Hant": "銷售報表",
    },
    "funnel.steps.of.deals": {
        "en": "{share} of the {of} deals created",
        "zh": "占新建 {of} 个商机的 {share}",
        "zh-Hant": "佔新建 {of} 個商機的 {share}",
    },
    "funnel.steps.of.customers": {
        "en": "{share} of {of} won customers",
        "zh": "占 {of} 个成交客户的 {share}",
        "zh-Hant": "佔 {of} 個成交客戶的 {share}",
    },
    "funnel.steps.of.reps": {
        "en": "{share} of {of} reps",
        "zh": "占 {of} 名销售代表的 {share}",
        "zh-Hant": "佔 {of} 名銷售代表的 {share}",
    },
    "funnel.steps.help.deals": {
        "en": "Deals created in the period that reached this stage: {count} of {of}.",
        "zh": "本期新建并到达此阶段的商机：{of} 个中的 {count} 个。",
        "zh-Hant": "本期新建併到達此階段的商機：{of} 箇中的 {count} 個。",
    },
    "funnel.steps.help.customers": {
        "en": "Customers won in the period with an activity within {days} days after signing: {count} of {of} (deals still inside the window and not yet followed up are left out).",
        "zh": "本期成交、签约后 {days} 天内有跟进记录的客户：{of} 个中的 {count} 个（尚在跟进期内且未跟进的不计入）。",
        "zh-Hant": "本期成交、簽約後 {days} 天內有跟進記錄的客戶：{of} 箇中的 {count} 個（尚在跟進期內且未跟進的不計入）。",
    },
    "funnel.steps.help.reps": {
        "en": "Reps whose report for this period was built through the product: {count} of {of} (reps with a target or a sale in the period).",
        "zh": "本期报告已通过本系统生成的销售代表：{of} 名中的 {count} 名（本期有目标或成交的销售代表）。",
        "zh-Hant": "本期報表已通過本系統生成的銷售代表：{of} 名中的 {count} 名（本期有目標或成交的銷售代表）。",
    },
    "funnel.steps.link.deals": {
        "en": "Deals at this stage",
        "zh": "查看此阶段商机",
        "zh-Hant": "檢視此階段商機",
    },
    "funnel.steps.link.won": {
        "en": "Won revenue",
        "zh": "成交业绩",
        "zh-Hant": "成交業績",
    },
    "funnel.steps.link.follow_up": {
        "en": "Follow-ups",
        "zh": "客户跟进",
        "zh-Hant": "客戶跟進",
    },
    "funnel.steps.link.report": {
        "en": "Build a report",
        "zh": "生成报告",
        "zh-Hant": "生成報表",
    },
    "funnel.steps.note": {
        "en": "Steps 1–4 count the deals created in the period; step 5 the customers won in it and followed up within {days} days; step 6 the reps whose monthly report was built (My progress or the command line).",
        "zh": "第 1–4 步统计本期新建的商机；第 5 步统计本期成交并在 {days} 天内跟进的客户；第 6 步统计已生成月度报告的销售代表（“我的进度”或命令行）。",
        "zh-Hant": "第 1–4 步統計本期新建的商機；第 5 步統計本期成交併在 {days} 天內跟進的客戶；第 6 步統計已生成月度報表的銷售代表（「我的進度」或命令列）。",
    },
}
