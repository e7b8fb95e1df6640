"""Words of the monthly report workbook (sheets, titles, columns, notes)."""

WORDS: dict[str, dict[str, str]] = {
    "report.sheet.cover": {
        "en": "Cover",
        "zh": "封面",
        "zh-Hant": "封面",
    },
    "report.sheet.attainment": {
        "en": "Attainment",
        "zh": "目标达成",
        "zh-Hant": "目標達成",
    },
    "report.sheet.pace": {
        "en": "Pace & forecast",
        "zh": "进度与预测",
        "zh-Hant": "進度與預測",
    },
    "report.sheet.funnel": {
        "en": "Funnel",
        "zh": "销售漏斗",
        "zh-Hant": "銷售漏斗",
    },
    "report.sheet.segments": {
        "en": "Segments & channels",
        "zh": "细分市场与渠道",
        "zh-Hant": "市場區隔與通路",
    },
    "report.sheet.satisfaction": {
        "en": "Satisfaction & KPI",
        "zh": "满意度与考核",
        "zh-Hant": "滿意度與考核",
    },
    "report.sheet.payouts": {
        "en": "Payouts",
        "zh": "提成与奖金",
        "zh-Hant": "佣金與獎金",
    },
    "report.title.month": {
        "en": "Monthly sales report",
        "zh": "月度销售报告",
        "zh-Hant": "月度銷售報表",
    },
    "report.title.other": {
        "en": "Sales report",
        "zh": "销售报告",
        "zh-Hant": "銷售報表",
    },
    "report.title.rep": {
        "en": "{title}: {rep}",
        "zh": "{title}：{rep}",
        "zh-Hant": "{title}：{rep}",
    },
    "report.subtitle": {
        "en": "{period} · figures as of {as_of}",
        "zh": "{period} · 数据截至 {as_of}",
        "zh-Hant": "{period} · 資料截至 {as_of}",
    },
    "report.footer": {
        "en": "Page &P of &N",
        "zh": "第 &P 页，共 &N 页",
        "zh-Hant": "第 &P 頁，共 &N 頁",
    },
    "report.cover.report": {
        "en": "Report",
        "zh": "报告",
        "zh-Hant": "報表",
    },
    "report.cover.scope": {
        "en": "Scope",
        "zh": "范围",
        "zh-Hant": "範圍",
    },
    "report.cover.department": {
        "en": "Sales department, all teams",
        "zh": "销售部（全部团队）",
        "zh-Hant": "銷售部（全部團隊）",
    },
    "report.cover.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "report.cover.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "report.cover.period": {
        "en": "Period",
        "zh": "期间",
        "zh-Hant": "期間",
    },
    "report.cover.as_of": {
        "en": "Figures as of",
        "zh": "数据截至",
        "zh-Hant": "資料截至",
    },
    "report.cover.generated": {
        "en": "Generated on",
        "zh": "生成日期",
        "zh-Hant": "生成日期",
    },
    "report.cover.filters": {
        "en": "Filters",
        "zh": "筛选条件",
        "zh-Hant": "篩選條件",
    },
    "report.cover.key_figures": {
        "en": "Key figures",
        "zh": "关键指标",
        "zh-Hant": "關鍵指標",
    },
    "report.cover.data": {
        "en": "About the data",
        "zh": "数据说明",
        "zh-Hant": "資料說明",
    },
    "report.cover.contents": {
        "en": "Contents",
        "zh": "目录",
        "zh-Hant": "目錄",
    },
    "report.cover.responses": {
        "en": "responses: {n}",
        "zh": "回复数：{n}",
        "zh-Hant": "回覆數：{n}",
    },
    "report.cover.met": {
        "en": "target met",
        "zh": "已达成目标",
        "zh-Hant": "已達成目標",
    },
    "report.cover.rank_of": {
        "en": "of {n}",
        "zh": "共 {n} 人",
        "zh-Hant": "共 {n} 人",
    },
    "report.source.sample": {
        "en": "the embedded sample company (demonstration data)",
        "zh": "内置示例公司（演示数据）",
        "zh-Hant": "內建範例公司（演示資料）",
    },
    "report.source.workspace": {
        "en": "the team's published data",
        "zh": "团队已发布的数据",
        "zh-Hant": "團隊已發布的資料",
    },
    "report.source.workspace_v": {
        "en": "the team's published data, version {v}",
        "zh": "团队已发布的数据（第 {v} 版）",
        "zh-Hant": "團隊已發布的資料（第 {v} 版）",
    },
    "report.source.files": {
        "en": "the files given",
        "zh": "所提供的文件",
        "zh-Hant": "所提供的檔案",
    },
    "report.source.connection": {
        "en": "the loaded data",
        "zh": "已导入的数据",
        "zh-Hant": "已匯入的資料",
    },
    "report.data.note": {
        "en": "Source: {source}. {deals:,} deals (closing {first} to {last}), {targets:,} target rows, {surveys:,} survey responses. Every figure is computed by the dashboard's analytics library, the same as the app and the command line (python -m analytics). Actual = won deals closed in the period; attainment = actual ÷ target; forecast = actual + open deals × probability.",
        "zh": "数据来源：{source}。共 {deals:,} 个商机（成交日期 {first} 至 {last}）、{targets:,} 行目标、{surveys:,} 份调查回复。所有数字均由仪表板的分析库计算，与应用程序和命令行（python -m analytics）一致。实际 = 本期成交的赢单；达成率 = 实际 ÷ 目标；预测 = 实际 + 进行中商机 × 赢单概率。",
        "zh-Hant": "資料來源：{source}。共 {deals:,} 個商機（成交日期 {first} 至 {last}）、{targets:,} 列目標、{surveys:,} 份問卷回覆。所有數字均由儀表板的分析庫計算，與應用程式和命令列（python -m analytics）一致。實際 = 本期成交的成交；達成率 = 實際 ÷ 目標；預測 = 實際 + 進行中商機 × 成交機率。",
    },
    "report.contents.attainment": {
        "en": "Target, actual, attainment, gap and pace by team and rep",
        "zh": "按团队和销售代表的目标、实际、达成率、差额与进度",
        "zh-Hant": "按團隊和銷售代表的目標、實際、達成率、差額與進度",
    },
    "report.contents.attainment_rep": {
        "en": "Attainment, pace and what closes the gap",
        "zh": "达成率、进度及补足差额的途径",
        "zh-Hant": "達成率、進度及補足差額的途徑",
    },
    "report.contents.pace": {
        "en": "Expected to date, run rate, weighted pipeline, forecast; day by day and 12 months",
        "zh": "截至当日应完成、按当前速度预计、加权商机、预测；逐日累计与近 12 个月",
        "zh-Hant": "截至當日應完成、按目前速度預計、加權商機、預測；逐日累計與近 12 個月",
    },
    "report.contents.funnel": {
        "en": "Deals reached per stage and conversion",
        "zh": "各阶段到达商机数与转化率",
        "zh-Hant": "各階段到達商機數與轉化率",
    },
    "report.contents.segments": {
        "en": "Performance by segment and channel; lead source ROI",
        "zh": "按细分市场和渠道的业绩；线索来源投资回报率",
        "zh-Hant": "按市場區隔和通路的業績；潛在客戶來源投資回報率",
    },
    "report.contents.segments_rep": {
        "en": "Performance by segment and channel",
        "zh": "按细分市场和渠道的业绩",
        "zh-Hant": "按市場區隔和通路的業績",
    },
    "report.contents.satisfaction": {
        "en": "CSAT, NPS, peer reviews and KPI scores with rank",
        "zh": "客户满意度、净推荐值、同事互评与考核得分及排名",
        "zh-Hant": "客戶滿意度、淨推薦值、同事互評與考核得分及排名",
    },
    "report.contents.payouts": {
        "en": "Commission and team bonus, line by line",
        "zh": "提成与团队奖金（逐行计算过程）",
        "zh-Hant": "佣金與團隊獎金（逐行計算過程）",
    },
    "report.kf.actual": {
        "en": "Actual (won revenue)",
        "zh": "实际业绩（赢单金额）",
        "zh-Hant": "實際業績（成交金額）",
    },
    "report.kf.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "report.kf.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "report.kf.gap": {
        "en": "Gap (target − actual)",
        "zh": "差额（目标 − 实际）",
        "zh-Hant": "差額（目標 − 實際）",
    },
    "report.kf.pace": {
        "en": "Pace",
        "zh": "进度状态",
        "zh-Hant": "進度狀態",
    },
    "report.kf.forecast": {
        "en": "Forecast (actual + weighted pipeline)",
        "zh": "预测业绩（实际 + 加权商机）",
        "zh-Hant": "預測業績（實際 + 加權商機）",
    },
    "report.kf.coverage": {
        "en": "Pipeline coverage",
        "zh": "商机覆盖倍数",
        "zh-Hant": "商機覆蓋倍數",
    },
    "report.kf.win_rate": {
        "en": "Win rate (deals closed in the period)",
        "zh": "赢单率（本期关闭的商机）",
        "zh-Hant": "成交率（本期關閉的商機）",
    },
    "report.kf.csat": {
        "en": "CSAT (share scoring 4–5)",
        "zh": "客户满意度 CSAT（4–5 分占比）",
        "zh-Hant": "客戶滿意度 CSAT（4–5 分佔比）",
    },
    "report.kf.nps": {
        "en": "NPS (−100 to 100)",
        "zh": "净推荐值 NPS（−100 至 100）",
        "zh-Hant": "淨推薦值 NPS（−100 至 100）",
    },
    "report.kf.deals_needed": {
        "en": "Deals needed to close the gap",
        "zh": "补足差额所需商机数",
        "zh-Hant": "補足差額所需商機數",
    },
    "report.kf.kpi": {
        "en": "KPI score (0–100)",
        "zh": "考核得分（0–100）",
        "zh-Hant": "考核得分（0–100）",
    },
    "report.kf.rank": {
        "en": "KPI rank",
        "zh": "考核排名",
        "zh-Hant": "考核排名",
    },
    "report.kf.payout": {
        "en": "Payout (commission + team bonus)",
        "zh": "提成合计（个人提成 + 团队奖金）",
        "zh-Hant": "佣金合計（個人佣金 + 團隊獎金）",
    },
    "report.level": {
        "en": "Level",
        "zh": "层级",
        "zh-Hant": "層級",
    },
    "report.level.company": {
        "en": "Company",
        "zh": "公司",
        "zh-Hant": "公司",
    },
    "report.level.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "report.level.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "report.company": {
        "en": "Whole company",
        "zh": "全公司",
        "zh-Hant": "全公司",
    },
    "report.no_team": {
        "en": "(no team)",
        "zh": "（无团队）",
        "zh-Hant": "（無團隊）",
    },
    "report.none": {
        "en": "(not given)",
        "zh": "（未填写）",
        "zh-Hant": "（未填寫）",
    },
    "report.status.ahead": {
        "en": "Ahead of pace",
        "zh": "超前于进度",
        "zh-Hant": "超前於進度",
    },
    "report.status.on_pace": {
        "en": "On pace",
        "zh": "符合进度",
        "zh-Hant": "符合進度",
    },
    "report.status.behind": {
        "en": "Behind pace",
        "zh": "落后于进度",
        "zh-Hant": "落後於進度",
    },
    "report.status.no_target": {
        "en": "No target",
        "zh": "无目标",
        "zh-Hant": "無目標",
    },
    "report.col.name": {
        "en": "Name",
        "zh": "名称",
        "zh-Hant": "名稱",
    },
    "report.col.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "report.col.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "report.col.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "report.col.actual": {
        "en": "Actual",
        "zh": "实际",
        "zh-Hant": "實際",
    },
    "report.col.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "report.col.gap": {
        "en": "Gap (target − actual)",
        "zh": "差额（目标 − 实际）",
        "zh-Hant": "差額（目標 − 實際）",
    },
    "report.col.pace": {
        "en": "Pace",
        "zh": "进度状态",
        "zh-Hant": "進度狀態",
    },
    "report.col.forecast": {
        "en": "Forecast",
        "zh": "预测业绩",
        "zh-Hant": "預測業績",
    },
    "report.col.deals_needed": {
        "en": "Deals needed",
        "zh": "所需商机数",
        "zh-Hant": "所需商機數",
    },
    "report.col.expected": {
        "en": "Expected to date",
        "zh": "截至当日应完成",
        "zh-Hant": "截至當日應完成",
    },
    "report.col.run_rate": {
        "en": "Run-rate projection",
        "zh": "按当前速度预计",
        "zh-Hant": "按目前速度預計",
    },
    "report.col.weighted": {
        "en": "Weighted pipeline",
        "zh": "加权商机",
        "zh-Hant": "加權商機",
    },
    "report.col.open_pipeline": {
        "en": "Open pipeline",
        "zh": "进行中商机金额",
        "zh-Hant": "進行中商機金額",
    },
    "report.col.coverage": {
        "en": "Coverage",
        "zh": "覆盖倍数",
        "zh-Hant": "覆蓋倍數",
    },
    "report.col.coverage_needed": {
        "en": "Coverage needed",
        "zh": "所需覆盖倍数",
        "zh-Hant": "所需覆蓋倍數",
    },
    "report.col.per_day": {
        "en": "Needed per day",
        "zh": "每日需完成",
        "zh-Hant": "每日需完成",
    },
    "report.col.date": {
        "en": "Date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "report.col.actual_cum": {
        "en": "Actual, cumulative",
        "zh": "累计实际",
        "zh-Hant": "累計實際",
    },
    "report.col.target_cum": {
        "en": "Target, accrued",
        "zh": "累计目标",
        "zh-Hant": "累計目標",
    },
    "report.col.last_year_cum": {
        "en": "Same period last year",
        "zh": "去年同期累计",
        "zh-Hant": "去年同期累計",
    },
    "report.col.month": {
        "en": "Month",
        "zh": "月份",
        "zh-Hant": "月份",
    },
    "report.col.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "report.col.reached": {
        "en": "Deals reached",
        "zh": "到达商机数",
        "zh-Hant": "到達商機數",
    },
    "report.col.from_previous": {
        "en": "% of previous stage",
        "zh": "占上一阶段",
        "zh-Hant": "佔上一階段",
    },
    "report.col.to_next": {
        "en": "Converts to next",
        "zh": "转入下一阶段",
        "zh-Hant": "轉入下一階段",
    },
    "report.col.from_first": {
        "en": "% of first stage",
        "zh": "占第一阶段",
        "zh-Hant": "佔第一階段",
    },
    "report.col.dimension": {
        "en": "By",
        "zh": "维度",
        "zh-Hant": "維度",
    },
    "report.col.won_revenue": {
        "en": "Won revenue",
        "zh": "赢单收入",
        "zh-Hant": "成交收入",
    },
    "report.col.share": {
        "en": "Share of revenue",
        "zh": "收入占比",
        "zh-Hant": "收入佔比",
    },
    "report.col.deals_won": {
        "en": "Deals won",
        "zh": "赢单数",
        "zh-Hant": "成交數",
    },
    "report.col.deals_lost": {
        "en": "Deals lost",
        "zh": "输单数",
        "zh-Hant": "失單數",
    },
    "report.col.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "report.col.avg_deal": {
        "en": "Average deal size",
        "zh": "平均单笔金额",
        "zh-Hant": "平均單筆金額",
    },
    "report.col.cycle": {
        "en": "Sales cycle (days)",
        "zh": "销售周期（天）",
        "zh-Hant": "銷售週期（天）",
    },
    "report.col.change": {
        "en": "Change vs previous period",
        "zh": "较上期变化",
        "zh-Hant": "較上期變化",
    },
    "report.col.lead_source": {
        "en": "Lead source",
        "zh": "线索来源",
        "zh-Hant": "潛在客戶來源",
    },
    "report.col.leads": {
        "en": "Leads",
        "zh": "线索数",
        "zh-Hant": "潛在客戶數",
    },
    "report.col.won": {
        "en": "Won",
        "zh": "赢单线索数",
        "zh-Hant": "成交潛在客戶數",
    },
    "report.col.conversion": {
        "en": "Conversion",
        "zh": "转化率",
        "zh-Hant": "轉化率",
    },
    "report.col.cost": {
        "en": "Cost",
        "zh": "费用",
        "zh-Hant": "費用",
    },
    "report.col.cost_per_won": {
        "en": "Cost per won deal",
        "zh": "单个赢单成本",
        "zh-Hant": "單個成交成本",
    },
    "report.col.roi": {
        "en": "ROI",
        "zh": "投资回报率",
        "zh-Hant": "投資回報率",
    },
    "report.col.responses": {
        "en": "Responses",
        "zh": "回复数",
        "zh-Hant": "回覆數",
    },
    "report.col.csat": {
        "en": "CSAT",
        "zh": "满意度 CSAT",
        "zh-Hant": "滿意度 CSAT",
    },
    "report.col.nps": {
        "en": "NPS",
        "zh": "净推荐值 NPS",
        "zh-Hant": "淨推薦值 NPS",
    },
    "report.col.peer": {
        "en": "Mean peer score (1–5)",
        "zh": "互评平均分（1–5）",
        "zh-Hant": "互評平均分（1–5）",
    },
    "report.col.revenue_score": {
        "en": "Revenue score",
        "zh": "收入得分",
        "zh-Hant": "收入得分",
    },
    "report.col.satisfaction_score": {
        "en": "Satisfaction score",
        "zh": "满意度得分",
        "zh-Hant": "滿意度得分",
    },
    "report.col.collaboration_score": {
        "en": "Collaboration score",
        "zh": "协作得分",
        "zh-Hant": "協作得分",
    },
    "report.col.kpi": {
        "en": "KPI score",
        "zh": "考核得分",
        "zh-Hant": "考核得分",
    },
    "report.col.rank": {
        "en": "Rank",
        "zh": "排名",
        "zh-Hant": "排名",
    },
    "report.col.note": {
        "en": "Note",
        "zh": "说明",
        "zh-Hant": "說明",
    },
    "report.col.tier": {
        "en": "Tier reached",
        "zh": "达到档位",
        "zh-Hant": "達到檔位",
    },
    "report.col.commission": {
        "en": "Commission",
        "zh": "个人提成",
        "zh-Hant": "個人佣金",
    },
    "report.col.team_share": {
        "en": "Team bonus",
        "zh": "团队奖金",
        "zh-Hant": "團隊獎金",
    },
    "report.col.total": {
        "en": "Total",
        "zh": "合计",
        "zh-Hant": "合計",
    },
    "report.col.line_no": {
        "en": "Line",
        "zh": "行",
        "zh-Hant": "行",
    },
    "report.col.working": {
        "en": "Working",
        "zh": "计算过程",
        "zh-Hant": "計算過程",
    },
    "report.col.amount": {
        "en": "Amount",
        "zh": "金额",
        "zh-Hant": "金額",
    },
    "report.col.deal": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "report.col.customer": {
        "en": "Customer",
        "zh": "客户",
        "zh-Hant": "客戶",
    },
    "report.col.probability": {
        "en": "Probability",
        "zh": "赢单概率",
        "zh-Hant": "成交機率",
    },
    "report.col.weighted_value": {
        "en": "Weighted value",
        "zh": "加权金额",
        "zh-Hant": "加權金額",
    },
    "report.col.close_date": {
        "en": "Expected close",
        "zh": "预计成交日期",
        "zh-Hant": "預計成交日期",
    },
    "report.dim.segment": {
        "en": "Segment",
        "zh": "细分市场",
        "zh-Hant": "市場區隔",
    },
    "report.dim.channel": {
        "en": "Channel",
        "zh": "渠道",
        "zh-Hant": "通路",
    },
    "report.dim.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "report.dim.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "report.dim.region": {
        "en": "Region",
        "zh": "区域",
        "zh-Hant": "區域",
    },
    "report.dim.lead_source": {
        "en": "Lead source",
        "zh": "线索来源",
        "zh-Hant": "潛在客戶來源",
    },
    "report.dim.product": {
        "en": "Product",
        "zh": "产品",
        "zh-Hant": "產品",
    },
    "report.sec.attainment": {
        "en": "Attainment by team and rep",
        "zh": "按团队和销售代表的目标达成",
        "zh-Hant": "按團隊和銷售代表的目標達成",
    },
    "report.sec.attainment_rep": {
        "en": "Attainment",
        "zh": "目标达成",
        "zh-Hant": "目標達成",
    },
    "report.sec.gap": {
        "en": "What closes the gap",
        "zh": "如何补足差额",
        "zh-Hant": "如何補足差額",
    },
    "report.sec.open_deals": {
        "en": "Open deals expected to close in the period",
        "zh": "预计本期成交的进行中商机",
        "zh-Hant": "預計本期成交的進行中商機",
    },
    "report.sec.decomposition": {
        "en": "Target decomposition check",
        "zh": "目标分解核对",
        "zh-Hant": "目標分解核對",
    },
    "report.sec.pace": {
        "en": "Pace and forecast",
        "zh": "进度与预测",
        "zh-Hant": "進度與預測",
    },
    "report.sec.cumulative": {
        "en": "Cumulative won revenue, day by day",
        "zh": "逐日累计赢单金额",
        "zh-Hant": "逐日累計成交金額",
    },
    "report.sec.trend": {
        "en": "The last 12 months",
        "zh": "近 12 个月",
        "zh-Hant": "近 12 個月",
    },
    "report.sec.funnel": {
        "en": "Funnel",
        "zh": "销售漏斗",
        "zh-Hant": "銷售漏斗",
    },
    "report.note.funnel": {
        "en": "Deals created in {period} and the furthest stage each reached (a won deal reached every stage). Conversion to the next stage = deals reached there ÷ deals reached here.",
        "zh": "{period}创建的商机及其到达的最远阶段（赢单商机视为到达所有阶段）。转入下一阶段 = 到达下一阶段的商机数 ÷ 到达本阶段的商机数。",
        "zh-Hant": "{period}建立的商機及其到達的最遠階段（成交商機視為到達所有階段）。轉入下一階段 = 到達下一階段的商機數 ÷ 到達本階段的商機數。",
    },
    "report.sec.segments": {
        "en": "Performance by segment and channel",
        "zh": "按细分市场和渠道的业绩",
        "zh-Hant": "按市場區隔和通路的業績",
    },
    "report.sec.roi": {
        "en": "Lead source ROI (leads created in the period)",
        "zh": "线索来源投资回报率（本期创建的线索）",
        "zh-Hant": "潛在客戶來源投資回報率（本期建立的潛在客戶）",
    },
    "report.sec.satisfaction": {
        "en": "Customer satisfaction, collaboration and KPI scores",
        "zh": "客户满意度、团队协作与考核得分",
        "zh-Hant": "客戶滿意度、團隊協作與考核得分",
    },
    "report.sec.payouts": {
        "en": "Payouts under the plan “{plan}”",
        "zh": "按提成方案“{plan}”计算的提成",
        "zh-Hant": "按佣金方案「{plan}」計算的佣金",
    },
    "report.sec.pay_lines": {
        "en": "The working, line by line",
        "zh": "逐行计算过程",
        "zh-Hant": "逐行計算過程",
    },
    "report.note.icons": {
        "en": "Icons on attainment: green from {green} of the target (on pace or ahead on {as_of}), amber from {amber}, red below; the bar runs from 0 to 150 %.",
        "zh": "达成率图标：达到目标的 {green} 及以上为绿色（截至 {as_of} 符合或超前于进度），{amber} 及以上为黄色，低于此为红色；数据条范围为 0 至 150%。",
        "zh-Hant": "達成率圖示：達到目標的 {green} 及以上為綠色（截至 {as_of} 符合或超前於進度），{amber} 及以上為黃色，低於此為紅色；資料條範圍為 0 至 150%。",
    },
    "report.note.decomp_ok": {
        "en": "Targets add up: every team's target equals the sum of its reps' targets.",
        "zh": "目标分解一致：各团队目标均等于其销售代表目标之和。",
        "zh-Hant": "目標分解一致：各團隊目標均等於其銷售代表目標之和。",
    },
    "report.note.decomp_bad": {
        "en": "{level} {owner}: the explicit target {explicit} differs from the sum of its parts {parts} by {difference}; the explicit target is used.",
        "zh": "{level} {owner}：明确设定的目标 {explicit} 与下级目标之和 {parts} 相差 {difference}；以明确设定的目标为准。",
        "zh-Hant": "{level} {owner}：明確設定的目標 {explicit} 與下級目標之和 {parts} 相差 {difference}；以明確設定的目標為準。",
    },
    "report.note.pace": {
        "en": "Day {elapsed} of {days}: {expected} of the target is expected by now. Within ±5 % of that is on pace. Coverage = open pipeline ÷ (target − actual); coverage needed = 1 ÷ win rate.",
        "zh": "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}。与之相差 ±5% 以内为符合进度。覆盖倍数 = 进行中商机金额 ÷（目标 − 实际）；所需覆盖倍数 = 1 ÷ 赢单率。",
        "zh-Hant": "本期共 {days} 天，已過 {elapsed} 天：此時應完成目標的 {expected}。與之相差 ±5% 以內為符合進度。覆蓋倍數 = 進行中商機金額 ÷（目標 − 實際）；所需覆蓋倍數 = 1 ÷ 成交率。",
    },
    "report.note.no_open_deals": {
        "en": "No open deals are expected to close in the period.",
        "zh": "本期没有预计成交的进行中商机。",
        "zh-Hant": "本期沒有預計成交的進行中商機。",
    },
    "report.note.too_few": {
        "en": "fewer than {n} responses: too few to judge",
        "zh": "回复少于 {n} 份：样本太少，仅供参考",
        "zh-Hant": "回覆少於 {n} 份：樣本太少，僅供參考",
    },
    "report.note.left_out": {
        "en": "left out (no data): {parts}",
        "zh": "未计入（无数据）：{parts}",
        "zh-Hant": "未計入（無資料）：{parts}",
    },
    "report.note.kpi": {
        "en": "KPI score = weighted mean of revenue (attainment, capped at {cap}), satisfaction (CSAT) and collaboration ((peer score − 1) ÷ 4) scores, weights {weights}; a part with no data is left out and the weights renormalised.",
        "zh": "考核得分 = 收入（达成率，上限 {cap}）、满意度（CSAT）与协作（（互评分 − 1）÷ 4）得分的加权平均，权重 {weights}；无数据的部分不计入，权重按比例重新分配。",
        "zh-Hant": "考核得分 = 收入（達成率，上限 {cap}）、滿意度（CSAT）與協作（（互評分 − 1）÷ 4）得分的加權平均，權重 {weights}；無資料的部分不計入，權重按比例重新分配。",
    },
    "report.note.pay_private": {
        "en": "Pay is personal: share this sheet only with the people it concerns.",
        "zh": "薪酬信息属于个人隐私：本表仅限相关人员查看。",
        "zh-Hant": "薪酬資訊屬於個人隱私：本表僅限相關人員檢視。",
    },
    "report.note.no_payouts": {
        "en": "No payouts for this period.",
        "zh": "本期无提成。",
        "zh-Hant": "本期無佣金。",
    },
    "report.note.plan_problem": {
        "en": "The commission plan cannot be applied: {problems}",
        "zh": "提成方案无法使用：{problems}",
        "zh-Hant": "佣金方案無法使用：{problems}",
    },
    "report.note.roi": {
        "en": "Cost is the campaign cost of the source in the period; ROI = (won revenue − cost) ÷ cost. Blank where no cost is known.",
        "zh": "费用为本期该来源的推广费用；投资回报率 =（赢单收入 − 费用）÷ 费用。未知费用处留空。",
        "zh-Hant": "費用為本期該來源的推廣費用；投資回報率 =（成交收入 − 費用）÷ 費用。未知費用處留空。",
    },
    "report.component.revenue": {
        "en": "revenue",
        "zh": "收入",
        "zh-Hant": "收入",
    },
    "report.component.satisfaction": {
        "en": "satisfaction",
        "zh": "满意度",
        "zh-Hant": "滿意度",
    },
    "report.component.collaboration": {
        "en": "collaboration",
        "zh": "协作",
        "zh-Hant": "協作",
    },
    "report.yes": {
        "en": "yes",
        "zh": "是",
        "zh-Hant": "是",
    },
    "report.chart.cumulative": {
        "en": "Cumulative won revenue against target",
        "zh": "累计赢单金额与目标",
        "zh-Hant": "累計成交金額與目標",
    },
    "report.chart.trend": {
        "en": "Actual and target by month",
        "zh": "各月实际与目标",
        "zh-Hant": "各月實際與目標",
    },
    "report.chart.funnel": {
        "en": "Deals reached per stage",
        "zh": "各阶段到达商机数",
        "zh-Hant": "各階段到達商機數",
    },
    "report.chart.segment": {
        "en": "Won revenue by segment",
        "zh": "各细分市场赢单收入",
        "zh-Hant": "各市場區隔成交收入",
    },
    "report.chart.channel": {
        "en": "Won revenue by channel",
        "zh": "各渠道赢单收入",
        "zh-Hant": "各通路成交收入",
    },
    "report.chart.attainment": {
        "en": "Attainment by rep",
        "zh": "各销售代表达成率",
        "zh-Hant": "各銷售代表達成率",
    },
    "report.chart.kpi": {
        "en": "KPI score by rep",
        "zh": "各销售代表考核得分",
        "zh-Hant": "各銷售代表考核得分",
    },
    "report.note.too_few_kpi": {
        "en": "fewer than {n} CSAT responses: too few to judge, satisfaction left out of the KPI score",
        "zh": "满意度回复少于 {n} 份：样本太少不作评判，考核得分不计满意度",
        "zh-Hant": "滿意度回覆少於 {n} 份：樣本太少不作評判，考核得分不計滿意度",
    },
}
