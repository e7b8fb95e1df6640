"""Texts of the My progress page (a rep's personal progress): key → (English, 简体中文).

The pace statuses come from ``overview.status.*``.
"""

TEXT: dict[str, tuple[str, str]] = {
    "my_progress.title": ("My progress · {period}", "我的进度 · {period}"),
    "my_progress.intro": ("Where you stand against your target and pace, and what closes the gap. "
                          "Figures as of {date}.",
                          "您相对目标与进度的位置，以及如何补足差额。数据截至 {date}。"),
    "my_progress.show_rank": ("Show my rank", "显示我的排名"),
    "my_progress.no_reps": ("No sales reps in the data. Upload a deals export (owner, stage, amount, "
                            "close date) on the Data page.",
                            "数据中没有销售代表。请在“数据”页面上传商机导出文件（负责人、阶段、金额、成交日期）。"),
    "my_progress.nothing": ("This rep has no deal and no target in this period.",
                            "该销售代表在本期既没有商机，也没有目标。"),
    "my_progress.no_target": ("No target for this rep in this period, so attainment, pace and the gap "
                              "cannot be worked out. Targets are uploaded on the Data page (period, rep, target).",
                              "该销售代表本期没有目标，因此无法计算达成率、进度和差额。"
                              "目标可在“数据”页面上传（期间、销售代表、目标）。"),
    # cards
    "my_progress.card.attainment": ("Attainment", "达成率"),
    "my_progress.card.actual": ("Won so far", "已成交金额"),
    "my_progress.card.days_left": ("Days left in the period", "本期剩余天数"),
    "my_progress.card.gap": ("Gap to target", "距目标差额"),
    "my_progress.card.per_day": ("Needed per remaining day", "剩余每天需成交"),
    "my_progress.card.deals_needed": ("Deals still to win", "还需赢单数"),
    "my_progress.card.deals_at_rate": ("Deals to work at your win rate", "按赢单率需推进的商机数"),
    "my_progress.card.rank": ("Rank among {count} peers", "排名（共 {count} 人）"),
    "my_progress.help.attainment": ("Won revenue ÷ target. The change line is the distance to pace: "
                                    "attainment minus the share of the target expected by today.",
                                    "赢单金额 ÷ 目标。下方的百分点为与进度的差距：达成率减去今天应完成的目标比例。"),
    "my_progress.help.per_day": ("Gap ÷ days left in the period; – once the period is over.",
                                 "差额 ÷ 本期剩余天数；本期结束后显示 –。"),
    "my_progress.help.deals_needed": ("Gap ÷ your average won deal size ({size}), rounded up.",
                                      "差额 ÷ 您的平均赢单金额（{size}），向上取整。"),
    "my_progress.help.deals_at_rate": ("Deals still to win ÷ your win rate ({rate}), rounded up: how many "
                                       "open deals to push to expect that many wins.",
                                       "还需赢单数 ÷ 您的赢单率（{rate}），向上取整：需要推进多少商机才能预期赢下这些单。"),
    "my_progress.help.rank": ("By attainment among the {count} reps in the current filters who have a target; "
                              "1 is the highest.",
                              "在当前筛选范围内有目标的 {count} 名销售代表中按达成率排名，1 为最高。"),
    "my_progress.help.days_left": ("Days of the {days}-day period after the as-of date.",
                                   "本期共 {days} 天，截至数据日期之后剩余的天数。"),
    "my_progress.vs_pace": ("{value} pts vs pace", "{value} 个百分点"),
    "my_progress.exceeded": ("Target met", "已达成目标"),
    "my_progress.ended_short": ("The period is over {amount} short of target: the figures below show what "
                                "it would have taken.",
                                "本期已结束，距目标还差 {amount}：以下数字为当时补足差额所需。"),
    "my_progress.over_by": ("{amount} above target", "超出目标 {amount}"),
    "my_progress.pace_caption": ("Day {elapsed} of {days}: by now {expected} of the target ({amount}) is "
                                 "expected. The dashed line is that pace, the solid line the target.",
                                 "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}（{amount}）。"
                                 "虚线为进度，实线为目标。"),
    "my_progress.unranked": ("unranked", "未排名"),
    "my_progress.not_in_peers": ("outside the filter", "不在筛选范围内"),
    "my_progress.rank_value": ("#{rank}", "第 {rank} 名"),
    # the gap
    "my_progress.section.gap": ("What closes the gap", "如何补足差额"),
    "my_progress.open_deals_caption": ("Open deals expected to close in {period}, largest weighted value "
                                       "(amount × probability) first. Weighted together: {weighted}; "
                                       "forecast (won + weighted): {forecast}.",
                                       "预计在 {period} 成交的进行中商机，按加权金额（金额 × 赢单概率）从高到低排列。"
                                       "加权合计：{weighted}；预测（已成交 + 加权）：{forecast}。"),
    "my_progress.no_open_deals": ("No open deals are expected to close in this period: new business has to "
                                  "come from deals not yet in the pipeline.",
                                  "本期没有预计成交的进行中商机：需要从尚未进入商机管道的新业务中补足。"),
    "my_progress.col.deal": ("Deal", "商机"),
    "my_progress.col.amount": ("Amount", "金额"),
    "my_progress.col.probability": ("Probability", "赢单概率"),
    "my_progress.col.weighted": ("Weighted value", "加权金额"),
    "my_progress.col.close": ("Expected close", "预计成交日期"),
    # the trend
    "my_progress.section.trend": ("Last 12 months against target", "近 12 个月与目标对比"),
    "my_progress.chart.actual": ("Won revenue", "赢单金额"),
    "my_progress.chart.target": ("Target", "目标"),
    "my_progress.chart.pace": ("Pace", "进度"),
    # follow-ups
    "my_progress.section.followups": ("Follow-ups due this week", "本周待跟进"),
    "my_progress.followups_caption": ("Follow-ups that are overdue or due in the next 7 days, most overdue first.",
                                      "已逾期或将在 7 天内到期的跟进，逾期最久的在前。"),
    "my_progress.no_followups": ("Nothing is overdue or due in the next 7 days.", "没有逾期或 7 天内到期的跟进。"),
    "my_progress.no_activities": ("No activities are loaded, so follow-ups cannot be listed. Upload an "
                                  "activities file (date, rep, customer, next follow-up date) on the Data page.",
                                  "尚未导入跟进记录，因此无法列出待跟进事项。请在“数据”页面上传跟进记录文件"
                                  "（日期、销售代表、客户、下次跟进日期）。"),
    "my_progress.col.followup": ("Follow-up date", "跟进日期"),
    # open deals past their expected close date, and the gap's cover (issue 13.4)
    "my_progress.overdue_badge": ("{n} open deals past their expected close date", "{n} 个进行中商机已过预计成交日期"),
    "my_progress.overdue_list": ("Open deals past their expected close date ({n}): update the date or the stage",
                                 "已过预计成交日期的进行中商机（{n} 个）：请更新日期或阶段"),
    "my_progress.overdue_by": ("Overdue by {days} days", "已逾期 {days} 天"),
    "my_progress.col.status": ("Close date", "成交日期状态"),
    "my_progress.col.overdue_days": ("Days overdue", "逾期天数"),
    "my_progress.cover_ok": ("Your open pipeline covers {share} of the gap: {pipeline} of open deals expected "
                             "this period against a gap of {gap}.",
                             "您的进行中商机可覆盖差额的 {share}：本期预计成交的商机 {pipeline}，差额 {gap}。"),
    "my_progress.cover_short": ("Your open pipeline covers {share} of the gap: {pipeline} of open deals "
                                "expected this period against a gap of {gap}. Even if every one is won, you end "
                                "{short} short: new deals are needed.",
                                "您的进行中商机只能覆盖差额的 {share}：本期预计成交的商机 {pipeline}，差额 {gap}。"
                                "即使全部赢单，仍差 {short}：需要开拓新的商机。"),
    "my_progress.col.days_overdue": ("Days overdue (negative: due in)", "逾期天数（负数为距到期天数）"),
}
