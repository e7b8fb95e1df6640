"""Texts of the funnel page: key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "funnel.title": ("Sales funnel", "销售漏斗"),
    "funnel.intro": ("Where deals stall and who converts best. The funnel follows the deals created in "
                     "{period}; win rate, deal size and cycle count the deals closed in {period}.",
                     "看商机在哪里停滞、谁的转化最好。漏斗跟踪 {period} 创建的商机；赢单率、平均成交额和销售周期"
                     "统计 {period} 结单的商机。"),
    "funnel.no_deals": ("No deals are loaded. Upload a deals or opportunities export (deal ID, sales rep, "
                        "stage, amount, dates) on the Data page to see the funnel.",
                        "尚未导入商机数据。请在“数据”页面上传商机导出文件（商机编号、销售代表、阶段、金额、日期），"
                        "即可查看漏斗。"),
    # switches
    "funnel.mode": ("View", "视图"),
    "funnel.mode.snapshot": ("Snapshot", "当前快照"),
    "funnel.mode.cohort": ("By created month", "按创建月份"),
    "funnel.mode.help": ("Snapshot: all deals created in the period, where they stand today. By created "
                         "month: one funnel per month of creation, so young months are not mixed with "
                         "mature ones.",
                         "当前快照：本期创建的全部商机目前所处的位置。按创建月份：每个创建月份一个漏斗，"
                         "避免把刚创建的月份和已成熟的月份混在一起。"),
    "funnel.pct": ("Percentages", "百分比"),
    "funnel.pct.previous": ("% of previous stage", "占上一阶段"),
    "funnel.pct.first": ("% of first stage", "占第一阶段"),
    "funnel.pct.help": ("Which percentage leads the labels and the comparison chart; the funnel bars "
                        "always show both.",
                        "选择标签和对比图中优先显示的百分比；漏斗条形图始终同时显示两者。"),
    "funnel.strict": ("Counting", "计数方式"),
    "funnel.strict.any": ("Reached the stage", "到达即计"),
    "funnel.strict.strict": ("Passed every stage", "逐阶段经过"),
    "funnel.strict.help": ("Reached: a deal counts at a stage when it got there or further, even if it "
                           "skipped a step. Passed every stage: only when it has been through every "
                           "earlier stage too (from stage-entry dates).",
                           "到达即计：商机到达该阶段或更后阶段即计入，即使跳过了某一步。逐阶段经过：还须经过此前"
                           "每个阶段（依据阶段进入日期）。"),
    # bar labels
    "funnel.label.of_previous": ("{pct} of previous", "上一阶段的 {pct}"),
    "funnel.label.of_first": ("{pct} of first", "第一阶段的 {pct}"),
    "funnel.label.reached": ("Deals reached", "到达商机数"),
    "funnel.axis.deals": ("Deals", "商机数"),
    "funnel.axis.share": ("Share of deals", "商机占比"),
    # cards
    "funnel.card.entered": ("Deals entered", "进入漏斗的商机"),
    "funnel.card.entered_help": ("Deals created in the period: every one counts at the first stage.",
                                 "本期创建的商机，均计入第一阶段。"),
    "funnel.card.signed": ("Reached contract", "到达签约阶段"),
    "funnel.card.signed_help": ("Of the deals created in the period, those that reached the last stage, and "
                                "their share of the deals entered.",
                                "本期创建的商机中到达最后阶段的数量及其占进入漏斗商机的比例。"),
    "funnel.card.win_rate": ("Win rate", "赢单率"),
    "funnel.card.win_rate_help": ("Won ÷ (won + lost), deals closed in the period, by count; below, by value.",
                                  "本期结单商机中 赢单 ÷（赢单 + 输单），按数量；下方为按金额。"),
    "funnel.card.by_value": ("{pct} by value", "按金额 {pct}"),
    "funnel.card.deal_size": ("Average won deal", "平均赢单金额"),
    "funnel.card.cycle": ("Sales cycle", "销售周期"),
    "funnel.card.cycle_help": ("Mean days from creation to close of the deals won in the period.",
                               "本期赢单商机从创建到结单的平均天数。"),
    "funnel.card.velocity": ("Sales velocity", "销售速度"),
    "funnel.card.velocity_help": ("Open deals × win rate × average won deal ÷ sales cycle: revenue the "
                                  "pipeline brings per day at today's rates.",
                                  "未结商机数 × 赢单率 × 平均赢单金额 ÷ 销售周期：按当前水平管道每天带来的收入。"),
    "funnel.days": ("{days} days", "{days} 天"),
    "funnel.per_day": ("{value}/day", "{value}/天"),
    # funnel section
    "funnel.section.funnel": ("Funnel", "漏斗"),
    "funnel.section.caption": ("Stages in your configured order. Each bar: deals that reached the stage · "
                               "% of the previous stage · % of the first stage. Click a bar to list its deals.",
                               "阶段按设置中的顺序排列。每个条形：到达该阶段的商机数 · 占上一阶段的比例 · "
                               "占第一阶段的比例。点击条形可列出其商机。"),
    "funnel.cohort.caption": ("One funnel per month of creation in the period; grey months are too young "
                              "to judge (younger than the median won cycle).",
                              "本期每个创建月份一个漏斗；灰色月份时间太短，尚无法判断（短于赢单周期中位数）。"),
    "funnel.compact.caption": ("Each bar: deals reached · {lead} · {other}.", "每个条形：到达商机数 · {lead} · {other}。"),
    "funnel.deals.prompt": ("Click a bar in the funnel, or choose a stage here, to list the deals that reached it.",
                            "点击漏斗中的条形，或在此选择阶段，即可列出到达该阶段的商机。"),
    "funnel.cohort.young": ("{month} (too young)", "{month}（时间太短）"),
    "funnel.table.expander": ("Funnel figures (table)", "漏斗数据（表格）"),
    "funnel.col.stage": ("Stage", "阶段"),
    "funnel.col.reached": ("Deals reached", "到达商机数"),
    "funnel.col.from_previous": ("% of previous", "占上一阶段"),
    "funnel.col.from_first": ("% of first", "占第一阶段"),
    "funnel.col.to_next": ("Converts to next", "转入下一阶段"),
    "funnel.col.created_month": ("Created in", "创建月份"),
    "funnel.col.too_young": ("Too young", "时间太短"),
    # stage deals
    "funnel.deals.title": ("Deals behind a stage", "某阶段的商机明细"),
    "funnel.deals.stage": ("Stage", "阶段"),
    "funnel.deals.caption": ("{count} deals created in {period} reached {stage}, with the sidebar filters "
                             "applied.",
                             "在侧边栏筛选条件下，{period} 创建的商机中有 {count} 个到达“{stage}”。"),
    "funnel.deals.caption_month": ("{count} deals created in {month} reached {stage}, with the sidebar "
                                   "filters applied.",
                                   "在侧边栏筛选条件下，{month} 创建的商机中有 {count} 个到达“{stage}”。"),
    "funnel.col.deal_id": ("Deal", "商机"),
    "funnel.col.status": ("Status", "状态"),
    "funnel.col.current_stage": ("Current stage", "当前阶段"),
    "funnel.col.amount": ("Amount{unit}", "金额{unit}"),
    "funnel.col.created": ("Created", "创建日期"),
    "funnel.col.close": ("Close date", "结单日期"),
    "funnel.status.open": ("Open", "进行中"),
    "funnel.status.won": ("Won", "赢单"),
    "funnel.status.lost": ("Lost", "输单"),
    # comparison
    "funnel.section.compare": ("Who converts best", "谁的转化最好"),
    "funnel.compare.by": ("Compare by", "对比维度"),
    "funnel.compare.layout": ("Layout", "布局"),
    "funnel.compare.grouped": ("Grouped bars", "分组条形图"),
    "funnel.compare.small": ("Small multiples", "小图组"),
    "funnel.compare.caption": ("The funnel of the deals created in {period}, per {dim}: {pct}. Hover a bar "
                               "for the deal count and the other percentage.",
                               "{period} 创建的商机按{dim}分别统计的漏斗：{pct}。鼠标悬停可查看商机数和另一个百分比。"),
    "funnel.compare.small_caption": ("The funnel of the deals created in {period}, per {dim}.",
                                     "{period} 创建的商机按{dim}分别统计的漏斗。"),
    "funnel.compare.none": ("(none)", "（空）"),
    "funnel.perf.title": ("Performance by {dim}", "按{dim}的业绩"),
    "funnel.perf.caption": ("Deals closed in {period}. Open deals are today's pipeline; velocity = open deals "
                            "× win rate × average won deal ÷ cycle.",
                            "{period} 结单的商机。未结商机为当前管道；销售速度 = 未结商机数 × 赢单率 × 平均赢单金额 "
                            "÷ 销售周期。"),
    "funnel.col.won_revenue": ("Won revenue{unit}", "赢单收入{unit}"),
    "funnel.col.revenue_share": ("Share", "占比"),
    "funnel.col.deals_won": ("Won", "赢单数"),
    "funnel.col.deals_lost": ("Lost", "输单数"),
    "funnel.col.win_rate": ("Win rate", "赢单率"),
    "funnel.col.win_rate_value": ("Win rate by value", "按金额赢单率"),
    "funnel.col.avg_deal_size": ("Average won deal{unit}", "平均赢单金额{unit}"),
    "funnel.col.cycle": ("Cycle (days)", "周期（天）"),
    "funnel.col.open_deals": ("Open deals", "未结商机"),
    "funnel.col.velocity": ("Velocity per day{unit}", "每天销售速度{unit}"),
    "funnel.col.change": ("vs previous period", "较上期"),
    # cohorts
    "funnel.section.cohorts": ("Cohorts: how each month's new deals progressed", "批次：每月新商机的推进情况"),
    "funnel.cohorts.caption": ("Rows: the month deals were created (with their number), last 12 months up to "
                               "{end}. Cells: share of that month's deals that reached the stage. ⏳ marks "
                               "months younger than the median won cycle: their figures will still rise.",
                               "行：商机创建月份（附商机数），截至 {end} 的最近 12 个月。单元格：该月商机中到达该阶段的"
                               "比例。⏳ 表示时间短于赢单周期中位数的月份：其数字仍会上升。"),
    "funnel.cohorts.young_mark": ("⏳", "⏳"),
    "funnel.cohorts.colorbar": ("Share", "占比"),
    "funnel.col.share_of_cohort": ("Share of cohort", "占该批次"),
    "funnel.col.cohort_age": ("Age (days)", "月龄（天）"),
    # time in stage
    "funnel.section.time": ("Time in stage", "阶段停留时间"),
    "funnel.time.caption": ("Days from entering a stage to entering the next, for deals created in {period} "
                            "that moved on (from stage-entry dates).",
                            "{period} 创建并已推进的商机，从进入某阶段到进入下一阶段的天数（依据阶段进入日期）。"),
    "funnel.time.none": ("No stage-entry dates in this data, so time in stage cannot be measured. Add columns "
                         "such as “Entered Negotiation” to your deals file on the Data page.",
                         "数据中没有阶段进入日期，无法计算阶段停留时间。可在“数据”页面的商机文件中加入“进入销售谈判”"
                         "等日期列。"),
    "funnel.time.none_moved": ("No deal created in {period} has moved on to a later stage yet, so there is no "
                               "time in stage to measure.",
                               "{period} 创建的商机尚未推进到下一阶段，暂无阶段停留时间可计算。"),
    "funnel.time.median": ("Median", "中位数"),
    "funnel.time.p75": ("75th percentile", "75 分位"),
    "funnel.time.axis": ("Days", "天数"),
    "funnel.col.measured": ("Deals measured", "计入商机数"),
    "funnel.col.median_days": ("Median days", "中位天数"),
    "funnel.col.p75_days": ("75th percentile days", "75 分位天数"),
    # lost reasons
    "funnel.section.lost": ("Why deals are lost", "输单原因"),
    "funnel.lost.caption": ("Deals lost with a close date in {period}.", "{period} 结单的输单商机。"),
    "funnel.lost.none": ("No deal was lost in {period}.", "{period} 没有输单商机。"),
    "funnel.lost.no_reason": ("(no reason given)", "（未填写原因）"),
    "funnel.col.lost_reason": ("Reason", "原因"),
    "funnel.col.lost_deals": ("Deals", "商机数"),
    "funnel.col.lost_amount": ("Amount{unit}", "金额{unit}"),
    "funnel.col.lost_share": ("Share", "占比"),
    # trends
    "funnel.section.trends": ("Win rate and cycle, last 12 months", "最近 12 个月的赢单率与销售周期"),
    "funnel.trends.caption": ("Deals closed each month up to {end}, with the sidebar filters applied.",
                              "截至 {end} 每月结单的商机，已应用侧边栏筛选条件。"),
    "funnel.trends.win_rate": ("Win rate", "赢单率"),
    "funnel.trends.cycle": ("Sales cycle (days)", "销售周期（天）"),
    # the six-step process strip (issue 13.5)
    "funnel.steps.title": ("The six steps of the sales process", "销售流程六步"),
    "funnel.steps.follow_up": ("Follow-up", "客户跟进"),
    "funnel.steps.report": ("Report", "销售报告"),
    "funnel.steps.of.deals": ("{share} of the {of} deals created", "占新建 {of} 个商机的 {share}"),
    "funnel.steps.of.customers": ("{share} of {of} won customers", "占 {of} 个成交客户的 {share}"),
    "funnel.steps.of.reps": ("{share} of {of} reps", "占 {of} 名销售代表的 {share}"),
    "funnel.steps.help.deals": ("Deals created in the period that reached this stage: {count} of {of}.",
                                "本期新建并到达此阶段的商机：{of} 个中的 {count} 个。"),
    "funnel.steps.help.customers": ("Customers won in the period with an activity within {days} days after "
                                    "signing: {count} of {of} (deals still inside the window and not yet "
                                    "followed up are left out).",
                                    "本期成交、签约后 {days} 天内有跟进记录的客户：{of} 个中的 {count} 个"
                                    "（尚在跟进期内且未跟进的不计入）。"),
    "funnel.steps.help.reps": ("Reps whose report for this period was built through the product: {count} of "
                               "{of} (reps with a target or a sale in the period).",
                               "本期报告已通过本系统生成的销售代表：{of} 名中的 {count} 名（本期有目标或成交的销售代表）。"),
    "funnel.steps.link.deals": ("Deals at this stage", "查看此阶段商机"),
    "funnel.steps.link.won": ("Won revenue", "成交业绩"),
    "funnel.steps.link.follow_up": ("Follow-ups", "客户跟进"),
    "funnel.steps.link.report": ("Build a report", "生成报告"),
    "funnel.steps.note": ("Steps 1–4 count the deals created in the period; step 5 the customers won in it "
                          "and followed up within {days} days; step 6 the reps whose monthly report was built "
                          "(My progress or the command line).",
                          "第 1–4 步统计本期新建的商机；第 5 步统计本期成交并在 {days} 天内跟进的客户；"
                          "第 6 步统计已生成月度报告的销售代表（“我的进度”或命令行）。"),
}
