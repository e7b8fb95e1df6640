"""Texts of the Segments & channels page: key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "segments.title": ("Segments & channels", "细分市场与渠道"),
    "segments.intro": ("Where the revenue of {period} comes from, where it is going, and what promotion "
                       "returns. Click a bar or a matrix cell to filter the whole app to it; the filter "
                       "shows in the sidebar, where you can remove it.",
                       "{period}的收入来自哪里、走势如何、推广投入回报几何。点击柱形或矩阵单元格即可将整个应用"
                       "筛选到该项；筛选条件显示在侧边栏，可在那里移除。"),
    "segments.dimension": ("Break down by", "分析维度"),
    "segments.measure": ("Measure", "指标"),
    "segments.none": ("(not set)", "（未填写）"),
    # measures
    "segments.m.won_revenue": ("Won revenue", "赢单收入"),
    "segments.m.revenue_share": ("Share of revenue", "收入占比"),
    "segments.m.deals_won": ("Deals won", "赢单数"),
    "segments.m.deals_lost": ("Deals lost", "输单数"),
    "segments.m.win_rate": ("Win rate", "赢单率"),
    "segments.m.win_rate_value": ("Win rate by value", "金额赢单率"),
    "segments.m.avg_deal_size": ("Average deal size", "平均成交额"),
    "segments.m.sales_cycle_days": ("Sales cycle (days)", "销售周期（天）"),
    "segments.m.open_deals": ("Open deals", "在途商机"),
    "segments.m.change": ("Change vs previous period", "较上期变化"),
    "segments.m.change_last_year": ("Change vs last year", "较去年同期变化"),
    "segments.days": ("{days} d", "{days} 天"),
    # cards
    "segments.card.revenue": ("Won revenue", "赢单收入"),
    "segments.card.revenue_help": ("Won deals closed in the period; the change is against the previous "
                                   "period. The line shows the last 12 months.",
                                   "本期内成交的赢单金额；变化为与上一期相比。折线为近 12 个月走势。"),
    "segments.card.win_rate": ("Win rate", "赢单率"),
    "segments.card.win_rate_help": ("Won ÷ (won + lost) deals closed in the period.",
                                    "本期内关闭的商机中：赢单数 ÷（赢单数 + 输单数）。"),
    "segments.card.largest": ("Largest {dim}", "最大{dim}"),
    "segments.card.share_of_revenue": ("{share} of revenue", "占收入 {share}"),
    "segments.card.concentration": ("Customers making 80 % of revenue", "贡献 80% 收入的客户数"),
    "segments.card.concentration_value": ("{count} of {total}", "{count} / {total} 家"),
    "segments.card.vs_previous": ("{change} vs previous period", "较上期 {change}"),
    "segments.card.no_previous": ("no revenue in the previous period", "上期无收入"),
    # ranked bars
    "segments.ranked": ("{measure} by {dim}", "各{dim}的{measure}"),
    "segments.ranked_help": ("Ranked by the chosen measure. The two columns on the right compare won revenue "
                             "with the previous period and with the same period last year.",
                             "按所选指标排序。右侧两列为赢单收入与上一期及去年同期的对比。"),
    "segments.vs_previous": ("vs previous", "较上期"),
    "segments.vs_last_year": ("vs last year", "较去年同期"),
    "segments.top_n": ("Showing the {shown} largest of {total} values; the table below lists them all.",
                       "显示前 {shown} 项（共 {total} 项）；下表列出全部。"),
    "segments.click_filters": ("Click a bar to filter the app to it.", "点击柱形即可将应用筛选到该项。"),
    "segments.click_details": ("Click a bar to see its details here ({dim} is not a sidebar filter).",
                               "点击柱形即可在此查看详情（{dim}不是侧边栏筛选条件）。"),
    "segments.all_figures": ("All figures by {dim}", "按{dim}查看全部指标"),
    "segments.no_closed": ("No deal with a {dim} closed in {period} and no open deal: choose another period "
                           "or clear the filters.",
                           "{period}没有带{dim}的已关闭商机，也没有在途商机：请选择其他期间或清除筛选条件。"),
    "segments.no_dimension": ("The data has no {dim} column, so nothing can be broken down by it. Add the column "
                              "to your deals file and upload it on the Data page.",
                              "数据中没有“{dim}”列，无法按其分析。请在商机文件中加入该列，并在“数据”页面上传。"),
    # details (lead source, product)
    "segments.details": ("{dim}: {value}", "{dim}详情：{value}"),
    "segments.details_close": ("Close details", "关闭详情"),
    "segments.details_by": ("Won revenue by {dim}", "各{dim}的赢单收入"),
    "segments.details_cost": ("Campaign cost", "推广费用"),
    "segments.details_roi": ("ROI", "投资回报率"),
    # matrix
    "segments.matrix": ("Segment × channel", "细分市场 × 渠道"),
    "segments.matrix_help": ("{measure} of each segment sold through each channel. Click a cell to filter the app "
                             "to both.", "各细分市场经各渠道销售的{measure}。点击单元格即可同时按两者筛选。"),
    "segments.matrix_missing": ("The segment × channel matrix needs both a segment and a channel on the deals; "
                                "this data lacks {missing}. Add the column to your deals file on the Data page.",
                                "细分市场 × 渠道矩阵需要商机同时带有细分市场和渠道；当前数据缺少{missing}。"
                                "请在“数据”页面上传包含该列的商机文件。"),
    # trends
    "segments.trends": ("Monthly {measure} by {dim}, last 12 months", "近 12 个月各{dim}的月度{measure}"),
    "segments.trends_help": ("One small chart per value, on the same scale; the dot is the latest month. "
                             "Deals closed from {start} to {end}.",
                             "每个取值一张小图，纵轴刻度相同；圆点为最近一个月。统计 {start} 至 {end} 关闭的商机。"),
    "segments.trends_more": ("The {shown} largest of {total} values are drawn.", "仅绘制前 {shown} 项（共 {total} 项）。"),
    # promotion
    "segments.promotion": ("What promotion returns, by lead source", "推广回报（按线索来源）"),
    "segments.promotion_help": ("Leads are deals created in the period; won counts those leads won so far, so "
                                "conversion follows one cohort. ROI = (won revenue − cost) ÷ cost.",
                                "线索为本期新建的商机；赢单为这些线索中迄今已赢单的数量，因此转化率追踪同一批线索。"
                                "投资回报率 =（赢单收入 − 费用）÷ 费用。"),
    "segments.no_campaigns": ("No campaign costs are loaded, so cost per won deal and ROI cannot be worked out. "
                              "Upload a campaigns file (period, lead source, cost) on the Data page.",
                              "尚未载入推广费用，无法计算单个赢单成本和投资回报率。请在“数据”页面上传推广费用文件"
                              "（期间、线索来源、费用）。"),
    "segments.cost_filtered": ("Campaign costs are recorded per lead source only, so with a {dims} filter their "
                               "cost is unknown. Clear that filter to see cost and ROI.",
                               "推广费用仅按线索来源记录，因此在按{dims}筛选时费用未知。清除该筛选即可查看费用与"
                               "投资回报率。"),
    "segments.cost_missing": ("No campaign cost in this period for: {sources}.", "本期以下来源没有推广费用：{sources}。"),
    "segments.no_lead_source": ("The deals carry no lead source, so leads cannot be traced to promotion. Add a "
                                "lead source column to your deals file on the Data page.",
                                "商机数据没有线索来源，无法追溯推广效果。请在“数据”页面上传包含线索来源列的商机文件。"),
    "segments.col.leads": ("Leads", "线索数"),
    "segments.col.won": ("Won", "赢单数"),
    "segments.col.conversion": ("Conversion", "转化率"),
    "segments.col.won_revenue": ("Won revenue", "赢单收入"),
    "segments.col.cost": ("Cost", "费用"),
    "segments.col.cost_per_won": ("Cost per won deal", "单个赢单成本"),
    "segments.col.roi": ("ROI", "投资回报率"),
    # concentration
    "segments.pareto": ("Revenue concentration", "收入集中度"),
    "segments.pareto_line": ("{count} customers make 80 % of revenue", "{count} 家客户贡献了 80% 的收入"),
    "segments.pareto_summary": ("{count} of {total} customers ({share}) make 80 % of the won revenue of {period}.",
                                "{period}的赢单收入中，80% 来自 {total} 家客户中的 {count} 家（{share}）。"),
    "segments.pareto_x": ("Customers, largest first", "客户（按收入从高到低）"),
    "segments.pareto_y": ("Cumulative share of revenue", "累计收入占比"),
    "segments.no_customers": ("No won deal with a customer name in {period}, so concentration cannot be shown.",
                              "{period}没有带客户名称的赢单，无法显示收入集中度。"),
    "segments.top_customers": ("Largest customers", "最大客户"),
    "segments.col.cum_share": ("Cumulative share", "累计占比"),
    "segments.col.rank": ("Rank", "排名"),
    # new vs returning
    "segments.new_returning": ("New and returning customers", "新客户与老客户"),
    "segments.new_returning_help": ("A customer is new when their first won deal ever closes in this period.",
                                    "客户的首笔赢单在本期成交即为新客户。"),
    "segments.type.new": ("New", "新客户"),
    "segments.type.returning": ("Returning", "老客户"),
    "segments.col.customer_type": ("Customer type", "客户类型"),
    "segments.col.customers": ("Customers", "客户数"),
    "segments.col.share_short": ("Share", "占比"),
    # market share
    "segments.market": ("Market share by segment", "各细分市场的市场份额"),
    "segments.market_help": ("Won revenue ÷ market size of the period (a yearly market size counts 1/12 per "
                             "month).", "赢单收入 ÷ 本期市场规模（年度市场规模按每月 1/12 计）。"),
    "segments.no_markets": ("No market sizes are loaded. Upload a markets file (period, segment, market size) on "
                            "the Data page to see market share.",
                            "尚未载入市场规模。请在“数据”页面上传市场规模文件（期间、细分市场、市场规模）以查看市场"
                            "份额。"),
    "segments.col.market_size": ("Market size", "市场规模"),
    "segments.col.share": ("Market share", "市场份额"),
}
