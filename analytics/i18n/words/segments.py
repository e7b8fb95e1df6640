"""Words of segments."""

WORDS: dict[str, dict[str, str]] = {
    "segments.title": {
        "en": "Segments & channels",
        "zh": "细分市场与渠道",
        "zh-Hant": "市場區隔與通路",
    },
    "segments.intro": {
        "en": "Where the revenue of {period} comes from, where it is going, and what promotion returns. Click a bar or a matrix cell to filter the whole app to it; the filter shows in the sidebar, where you can remove it.",
        "zh": "{period}的收入来自哪里、走势如何、推广投入回报几何。点击柱形或矩阵单元格即可将整个应用筛选到该项；筛选条件显示在侧边栏，可在那里移除。",
        "zh-Hant": "{period}的收入來自哪裡、走勢如何、推廣投入回報幾何。點選柱形或矩陣儲存格即可將整個應用篩選到該項；篩選條件顯示在側邊欄，可在那裡移除。",
    },
    "segments.dimension": {
        "en": "Break down by",
        "zh": "分析维度",
        "zh-Hant": "分析維度",
    },
    "segments.measure": {
        "en": "Measure",
        "zh": "指标",
        "zh-Hant": "指標",
    },
    "segments.none": {
        "en": "(not set)",
        "zh": "（未填写）",
        "zh-Hant": "（未填寫）",
    },
    "segments.m.won_revenue": {
        "en": "Won revenue",
        "zh": "赢单收入",
        "zh-Hant": "成交收入",
    },
    "segments.m.revenue_share": {
        "en": "Share of revenue",
        "zh": "收入占比",
        "zh-Hant": "收入佔比",
    },
    "segments.m.deals_won": {
        "en": "Deals won",
        "zh": "赢单数",
        "zh-Hant": "成交數",
    },
    "segments.m.deals_lost": {
        "en": "Deals lost",
        "zh": "输单数",
        "zh-Hant": "失單數",
    },
    "segments.m.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "segments.m.win_rate_value": {
        "en": "Win rate by value",
        "zh": "金额赢单率",
        "zh-Hant": "金額成交率",
    },
    "segments.m.avg_deal_size": {
        "en": "Average deal size",
        "zh": "平均成交额",
        "zh-Hant": "平均成交額",
    },
    "segments.m.sales_cycle_days": {
        "en": "Sales cycle (days)",
        "zh": "销售周期（天）",
        "zh-Hant": "銷售週期（天）",
    },
    "segments.m.open_deals": {
        "en": "Open deals",
        "zh": "在途商机",
        "zh-Hant": "在途商機",
    },
    "segments.m.change": {
        "en": "Change vs previous period",
        "zh": "较上期变化",
        "zh-Hant": "較上期變化",
    },
    "segments.m.change_last_year": {
        "en": "Change vs last year",
        "zh": "较去年同期变化",
        "zh-Hant": "較去年同期變化",
    },
    "segments.days": {
        "en": "{days} d",
        "zh": "{days} 天",
        "zh-Hant": "{days} 天",
    },
    "segments.card.revenue": {
        "en": "Won revenue",
        "zh": "赢单收入",
        "zh-Hant": "成交收入",
    },
    "segments.card.revenue_help": {
        "en": "Won deals closed in the period; the change is against the previous period. The line shows the last 12 months.",
        "zh": "本期内成交的赢单金额；变化为与上一期相比。折线为近 12 个月走势。",
        "zh-Hant": "本期內成交的成交金額；變化為與上一期相比。折線為近 12 個月走勢。",
    },
    "segments.card.win_rate": {
        "en": "Win rate",
        "zh": "赢单率",
        "zh-Hant": "成交率",
    },
    "segments.card.win_rate_help": {
        "en": "Won ÷ (won + lost) deals closed in the period.",
        "zh": "本期内关闭的商机中：赢单数 ÷（赢单数 + 输单数）。",
        "zh-Hant": "本期內關閉的商機中：成交數 ÷（成交數 + 失單數）。",
    },
    "segments.card.largest": {
        "en": "Largest {dim}",
        "zh": "最大{dim}",
        "zh-Hant": "最大{dim}",
    },
    "segments.card.share_of_revenue": {
        "en": "{share} of revenue",
        "zh": "占收入 {share}",
        "zh-Hant": "佔收入 {share}",
    },
    "segments.card.concentration": {
        "en": "Customers making 80 % of revenue",
        "zh": "贡献 80% 收入的客户数",
        "zh-Hant": "貢獻 80% 收入的客戶數",
    },
    "segments.card.concentration_value": {
        "en": "{count} of {total}",
        "zh": "{count} / {total} 家",
        "zh-Hant": "{count} / {total} 家",
    },
    "segments.card.vs_previous": {
        "en": "{change} vs previous period",
        "zh": "较上期 {change}",
        "zh-Hant": "較上期 {change}",
    },
    "segments.card.no_previous": {
        "en": "no revenue in the previous period",
        "zh": "上期无收入",
        "zh-Hant": "上期無收入",
    },
    "segments.ranked": {
        "en": "{measure} by {dim}",
        "zh": "各{dim}的{measure}",
        "zh-Hant": "各{dim}的{measure}",
    },
    "segments.ranked_help": {
        "en": "Ranked by the chosen measure. The two columns on the right compare won revenue with the previous period and with the same period last year.",
        "zh": "按所选指标排序。右侧两列为赢单收入与上一期及去年同期的对比。",
        "zh-Hant": "按所選指標排序。右側兩列為成交收入與上一期及去年同期的對比。",
    },
    "segments.vs_previous": {
        "en": "vs previous",
        "zh": "较上期",
        "zh-Hant": "較上期",
    },
    "segments.vs_last_year": {
        "en": "vs last year",
        "zh": "较去年同期",
        "zh-Hant": "較去年同期",
    },
    "segments.top_n": {
        "en": "Showing the {shown} largest of {total} values; the table below lists them all.",
        "zh": "显示前 {shown} 项（共 {total} 项）；下表列出全部。",
        "zh-Hant": "顯示前 {shown} 項（共 {total} 項）；下表列出全部。",
    },
    "segments.click_filters": {
        "en": "Click a bar to filter the app to it.",
        "zh": "点击柱形即可将应用筛选到该项。",
        "zh-Hant": "點選柱形即可將應用篩選到該項。",
    },
    "segments.click_details": {
        "en": "Click a bar to see its details here ({dim} is not a sidebar filter).",
        "zh": "点击柱形即可在此查看详情（{dim}不是侧边栏筛选条件）。",
        "zh-Hant": "點選柱形即可在此檢視詳情（{dim}不是側邊欄篩選條件）。",
    },
    "segments.all_figures": {
        "en": "All figures by {dim}",
        "zh": "按{dim}查看全部指标",
        "zh-Hant": "按{dim}檢視全部指標",
    },
    "segments.no_closed": {
        "en": "No deal with a {dim} closed in {period} and no open deal: choose another period or clear the filters.",
        "zh": "{period}没有带{dim}的已关闭商机，也没有在途商机：请选择其他期间或清除筛选条件。",
        "zh-Hant": "{period}沒有帶{dim}的已關閉商機，也沒有在途商機：請選擇其他期間或清除篩選條件。",
    },
    "segments.no_dimension": {
        "en": "The data has no {dim} column, so nothing can be broken down by it. Add the column to your deals file and upload it on the [[nav.data]] page.",
        "zh": "数据中没有“{dim}”列，无法按其分析。请在商机文件中加入该列，并在“[[nav.data]]”页面上传。",
        "zh-Hant": "資料中沒有「{dim}」欄，無法按其分析。請在商機檔案中加入該欄，並在「[[nav.data]]」頁面上傳。",
    },
    "segments.details": {
        "en": "{dim}: {value}",
        "zh": "{dim}详情：{value}",
        "zh-Hant": "{dim}詳情：{value}",
    },
    "segments.details_close": {
        "en": "Close details",
        "zh": "关闭详情",
        "zh-Hant": "關閉詳情",
    },
    "segments.details_by": {
        "en": "Won revenue by {dim}",
        "zh": "各{dim}的赢单收入",
        "zh-Hant": "各{dim}的成交收入",
    },
    "segments.details_cost": {
        "en": "Campaign cost",
        "zh": "推广费用",
        "zh-Hant": "推廣費用",
    },
    "segments.details_roi": {
        "en": "ROI",
        "zh": "投资回报率",
        "zh-Hant": "投資回報率",
    },
    "segments.matrix": {
        "en": "Segment × channel",
        "zh": "细分市场 × 渠道",
        "zh-Hant": "市場區隔 × 通路",
    },
    "segments.matrix_help": {
        "en": "{measure} of each segment sold through each channel. Click a cell to filter the app to both.",
        "zh": "各细分市场经各渠道销售的{measure}。点击单元格即可同时按两者筛选。",
        "zh-Hant": "各市場區隔經各通路銷售的{measure}。點選儲存格即可同時按兩者篩選。",
    },
    "segments.matrix_missing": {
        "en": "The segment × channel matrix needs both a segment and a channel on the deals; this data lacks {missing}. Add the column to your deals file on the [[nav.data]] page.",
        "zh": "细分市场 × 渠道矩阵需要商机同时带有细分市场和渠道；当前数据缺少{missing}。请在“[[nav.data]]”页面上传包含该列的商机文件。",
        "zh-Hant": "市場區隔 × 通路矩陣需要商機同時帶有市場區隔和通路；目前資料缺少{missing}。請在「[[nav.data]]」頁面上傳包含該欄的商機檔案。",
    },
    "segments.trends": {
        "en": "Monthly {measure} by {dim}, last 12 months",
        "zh": "近 12 个月各{dim}的月度{measure}",
        "zh-Hant": "近 12 個月各{dim}的月度{measure}",
    },
    "segments.trends_help": {
        "en": "One small chart per value, on the same scale; the dot is the latest month. Deals closed from {start} to {end}.",
        "zh": "每个取值一张小图，纵轴刻度相同；圆点为最近一个月。统计 {start} 至 {end} 关闭的商机。",
        "zh-Hant": "每個取值一張小圖，縱軸刻度相同；圓點為最近一個月。統計 {start} 至 {end} 關閉的商機。",
    },
    "segments.trends_more": {
        "en": "The {shown} largest of {total} values are drawn.",
        "zh": "仅绘制前 {shown} 项（共 {total} 项）。",
        "zh-Hant": "僅繪製前 {shown} 項（共 {total} 項）。",
    },
    "segments.promotion": {
        "en": "What promotion returns, by lead source",
        "zh": "推广回报（按线索来源）",
        "zh-Hant": "推廣回報（按潛在客戶來源）",
    },
    "segments.promotion_help": {
        "en": "Leads are deals created in the period; won counts those leads won so far, so conversion follows one cohort. ROI = (won revenue − cost) ÷ cost.",
        "zh": "线索为本期新建的商机；赢单为这些线索中迄今已赢单的数量，因此转化率追踪同一批线索。投资回报率 =（赢单收入 − 费用）÷ 费用。",
        "zh-Hant": "潛在客戶為本期新建的商機；成交為這些潛在客戶中迄今已成交的數量，因此轉化率追蹤同一批潛在客戶。投資回報率 =（成交收入 − 費用）÷ 費用。",
    },
    "segments.no_campaigns": {
        "en": "No campaign costs are loaded, so cost per won deal and ROI cannot be worked out. Upload a campaigns file (period, lead source, cost) on the [[nav.data]] page.",
        "zh": "尚未载入推广费用，无法计算单个赢单成本和投资回报率。请在“[[nav.data]]”页面上传推广费用文件（期间、线索来源、费用）。",
        "zh-Hant": "尚未載入推廣費用，無法計算單個成交成本和投資回報率。請在「[[nav.data]]」頁面上傳推廣費用檔案（期間、潛在客戶來源、費用）。",
    },
    "segments.cost_filtered": {
        "en": "Campaign costs are recorded per lead source only, so with a {dims} filter their cost is unknown. Clear that filter to see cost and ROI.",
        "zh": "推广费用仅按线索来源记录，因此在按{dims}筛选时费用未知。清除该筛选即可查看费用与投资回报率。",
        "zh-Hant": "推廣費用僅按潛在客戶來源記錄，因此在按{dims}篩選時費用未知。清除該篩選即可檢視費用與投資回報率。",
    },
    "segments.cost_missing": {
        "en": "No campaign cost in this period for: {sources}.",
        "zh": "本期以下来源没有推广费用：{sources}。",
        "zh-Hant": "本期以下來源沒有推廣費用：{sources}。",
    },
    "segments.no_lead_source": {
        "en": "The deals carry no lead source, so leads cannot be traced to promotion. Add a lead source column to your deals file on the [[nav.data]] page.",
        "zh": "商机数据没有线索来源，无法追溯推广效果。请在“[[nav.data]]”页面上传包含线索来源列的商机文件。",
        "zh-Hant": "商機資料沒有潛在客戶來源，無法追溯推廣效果。請在「[[nav.data]]」頁面上傳包含潛在客戶來源欄的商機檔案。",
    },
    "segments.col.leads": {
        "en": "Leads",
        "zh": "线索数",
        "zh-Hant": "潛在客戶數",
    },
    "segments.col.won": {
        "en": "Won",
        "zh": "赢单数",
        "zh-Hant": "成交數",
    },
    "segments.col.conversion": {
        "en": "Conversion",
        "zh": "转化率",
        "zh-Hant": "轉化率",
    },
    "segments.col.won_revenue": {
        "en": "Won revenue",
        "zh": "赢单收入",
        "zh-Hant": "成交收入",
    },
    "segments.col.cost": {
        "en": "Cost",
        "zh": "费用",
        "zh-Hant": "費用",
    },
    "segments.col.cost_per_won": {
        "en": "Cost per won deal",
        "zh": "单个赢单成本",
        "zh-Hant": "單個成交成本",
    },
    "segments.col.roi": {
        "en": "ROI",
        "zh": "投资回报率",
        "zh-Hant": "投資回報率",
    },
    "segments.pareto": {
        "en": "Revenue concentration",
        "zh": "收入集中度",
        "zh-Hant": "收入集中度",
    },
    "segments.pareto_line": {
        "en": "{count} customers make 80 % of revenue",
        "zh": "{count} 家客户贡献了 80% 的收入",
        "zh-Hant": "{count} 家客戶貢獻了 80% 的收入",
    },
    "segments.pareto_summary": {
        "en": "{count} of {total} customers ({share}) make 80 % of the won revenue of {period}.",
        "zh": "{period}的赢单收入中，80% 来自 {total} 家客户中的 {count} 家（{share}）。",
        "zh-Hant": "{period}的成交收入中，80% 來自 {total} 家客戶中的 {count} 家（{share}）。",
    },
    "segments.pareto_x": {
        "en": "Customers, largest first",
        "zh": "客户（按收入从高到低）",
        "zh-Hant": "客戶（按收入從高到低）",
    },
    "segments.pareto_y": {
        "en": "Cumulative share of revenue",
        "zh": "累计收入占比",
        "zh-Hant": "累計收入佔比",
    },
    "segments.no_customers": {
        "en": "No won deal with a customer name in {period}, so concentration cannot be shown.",
        "zh": "{period}没有带客户名称的赢单，无法显示收入集中度。",
        "zh-Hant": "{period}沒有帶客戶名稱的成交，無法顯示收入集中度。",
    },
    "segments.top_customers": {
        "en": "Largest customers",
        "zh": "最大客户",
        "zh-Hant": "最大客戶",
    },
    "segments.col.cum_share": {
        "en": "Cumulative share",
        "zh": "累计占比",
        "zh-Hant": "累計佔比",
    },
    "segments.col.rank": {
        "en": "Rank",
        "zh": "排名",
        "zh-Hant": "排名",
    },
    "segments.new_returning": {
        "en": "New and returning customers",
        "zh": "新客户与老客户",
        "zh-Hant": "新客戶與老客戶",
    },
    "segments.new_returning_help": {
        "en": "A customer is new when their first won deal ever closes in this period.",
        "zh": "客户的首笔赢单在本期成交即为新客户。",
        "zh-Hant": "客戶的首筆成交在本期成交即為新客戶。",
    },
    "segments.type.new": {
        "en": "New",
        "zh": "新客户",
        "zh-Hant": "新客戶",
    },
    "segments.type.returning": {
        "en": "Returning",
        "zh": "老客户",
        "zh-Hant": "老客戶",
    },
    "segments.col.customer_type": {
        "en": "Customer type",
        "zh": "客户类型",
        "zh-Hant": "客戶類型",
    },
    "segments.col.customers": {
        "en": "Customers",
        "zh": "客户数",
        "zh-Hant": "客戶數",
    },
    "segments.col.share_short": {
        "en": "Share",
        "zh": "占比",
        "zh-Hant": "佔比",
    },
    "segments.market": {
        "en": "Market share by segment",
        "zh": "各细分市场的市场份额",
        "zh-Hant": "各市場區隔的市場份額",
    },
    "segments.market_help": {
        "en": "Won revenue ÷ market size of the period (a yearly market size counts 1/12 per month).",
        "zh": "赢单收入 ÷ 本期市场规模（年度市场规模按每月 1/12 计）。",
        "zh-Hant": "成交收入 ÷ 本期市場規模（年度市場規模按每月 1/12 計）。",
    },
    "segments.no_markets": {
        "en": "No market sizes are loaded. Upload a markets file (period, segment, market size) on the [[nav.data]] page to see market share.",
        "zh": "尚未载入市场规模。请在“[[nav.data]]”页面上传市场规模文件（期间、细分市场、市场规模）以查看市场份额。",
        "zh-Hant": "尚未載入市場規模。請在「[[nav.data]]」頁面上傳市場規模檔案（期間、市場區隔、市場規模）以檢視市場份額。",
    },
    "segments.col.market_size": {
        "en": "Market size",
        "zh": "市场规模",
        "zh-Hant": "市場規模",
    },
    "segments.col.share": {
        "en": "Market share",
        "zh": "市场份额",
        "zh-Hant": "市場份額",
    },
}
