"""Words of my progress."""

WORDS: dict[str, dict[str, str]] = {
    "my_progress.title": {
        "en": "My progress · {period}",
        "zh": "我的进度 · {period}",
        "zh-Hant": "我的進度 · {period}",
    },
    "my_progress.intro": {
        "en": "Where you stand against your target and pace, and what closes the gap. Figures as of {date}.",
        "zh": "您相对目标与进度的位置，以及如何补足差额。数据截至 {date}。",
        "zh-Hant": "您相對目標與進度的位置，以及如何補足差額。資料截至 {date}。",
    },
    "my_progress.show_rank": {
        "en": "Show my rank",
        "zh": "显示我的排名",
        "zh-Hant": "顯示我的排名",
    },
    "my_progress.no_reps": {
        "en": "No sales reps in the data. Upload a deals export (owner, stage, amount, close date) on the [[nav.data]] page.",
        "zh": "数据中没有销售代表。请在“[[nav.data]]”页面上传商机导出文件（负责人、阶段、金额、成交日期）。",
        "zh-Hant": "資料中沒有銷售代表。請在「[[nav.data]]」頁面上傳商機匯出檔案（負責人、階段、金額、成交日期）。",
    },
    "my_progress.nothing": {
        "en": "This rep has no deal and no target in this period.",
        "zh": "该销售代表在本期既没有商机，也没有目标。",
        "zh-Hant": "該銷售代表在本期既沒有商機，也沒有目標。",
    },
    "my_progress.no_target": {
        "en": "No target for this rep in this period, so attainment, pace and the gap cannot be worked out. Targets are uploaded on the [[nav.data]] page (period, rep, target).",
        "zh": "该销售代表本期没有目标，因此无法计算达成率、进度和差额。目标可在“[[nav.data]]”页面上传（期间、销售代表、目标）。",
        "zh-Hant": "該銷售代表本期沒有目標，因此無法計算達成率、進度和差額。目標可在「[[nav.data]]」頁面上傳（期間、銷售代表、目標）。",
    },
    "my_progress.card.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "my_progress.card.actual": {
        "en": "Won so far",
        "zh": "已成交金额",
        "zh-Hant": "已成交金額",
    },
    "my_progress.card.days_left": {
        "en": "Days left in the period",
        "zh": "本期剩余天数",
        "zh-Hant": "本期剩餘天數",
    },
    "my_progress.card.gap": {
        "en": "Gap to target",
        "zh": "距目标差额",
        "zh-Hant": "距目標差額",
    },
    "my_progress.card.per_day": {
        "en": "Needed per remaining day",
        "zh": "剩余每天需成交",
        "zh-Hant": "剩餘每天需成交",
    },
    "my_progress.card.deals_needed": {
        "en": "Deals still to win",
        "zh": "还需赢单数",
        "zh-Hant": "還需成交數",
    },
    "my_progress.card.deals_at_rate": {
        "en": "Deals to work at your win rate",
        "zh": "按赢单率需推进的商机数",
        "zh-Hant": "按成交率需推進的商機數",
    },
    "my_progress.card.rank": {
        "en": "Rank among {count} peers",
        "zh": "排名（共 {count} 人）",
        "zh-Hant": "排名（共 {count} 人）",
    },
    "my_progress.help.attainment": {
        "en": "Won revenue ÷ target. The change line is the distance to pace: attainment minus the share of the target expected by today.",
        "zh": "赢单金额 ÷ 目标。下方的百分点为与进度的差距：达成率减去今天应完成的目标比例。",
        "zh-Hant": "成交金額 ÷ 目標。下方的百分點為與進度的差距：達成率減去今天應完成的目標比例。",
    },
    "my_progress.help.per_day": {
        "en": "Gap ÷ days left in the period; – once the period is over.",
        "zh": "差额 ÷ 本期剩余天数；本期结束后显示 –。",
        "zh-Hant": "差額 ÷ 本期剩餘天數；本期結束後顯示 –。",
    },
    "my_progress.help.deals_needed": {
        "en": "Gap ÷ your average won deal size ({size}), rounded up.",
        "zh": "差额 ÷ 您的平均赢单金额（{size}），向上取整。",
        "zh-Hant": "差額 ÷ 您的平均成交金額（{size}），向上取整。",
    },
    "my_progress.help.deals_at_rate": {
        "en": "Deals still to win ÷ your win rate ({rate}), rounded up: how many open deals to push to expect that many wins.",
        "zh": "还需赢单数 ÷ 您的赢单率（{rate}），向上取整：需要推进多少商机才能预期赢下这些单。",
        "zh-Hant": "還需成交數 ÷ 您的成交率（{rate}），向上取整：需要推進多少商機才能預期贏下這些單。",
    },
    "my_progress.help.rank": {
        "en": "By attainment among the {count} reps in the current filters who have a target; 1 is the highest.",
        "zh": "在当前筛选范围内有目标的 {count} 名销售代表中按达成率排名，1 为最高。",
        "zh-Hant": "在目前篩選範圍內有目標的 {count} 名銷售代表中按達成率排名，1 為最高。",
    },
    "my_progress.help.days_left": {
        "en": "Days of the {days}-day period after the as-of date.",
        "zh": "本期共 {days} 天，截至数据日期之后剩余的天数。",
        "zh-Hant": "本期共 {days} 天，截至資料日期之後剩餘的天數。",
    },
    "my_progress.vs_pace": {
        "en": "{value} pts vs pace",
        "zh": "{value} 个百分点",
        "zh-Hant": "{value} 個百分點",
    },
    "my_progress.exceeded": {
        "en": "Target met",
        "zh": "已达成目标",
        "zh-Hant": "已達成目標",
    },
    "my_progress.ended_short": {
        "en": "The period is over {amount} short of target: the figures below show what it would have taken.",
        "zh": "本期已结束，距目标还差 {amount}：以下数字为当时补足差额所需。",
        "zh-Hant": "本期已結束，距目標還差 {amount}：以下數字為當時補足差額所需。",
    },
    "my_progress.over_by": {
        "en": "{amount} above target",
        "zh": "超出目标 {amount}",
        "zh-Hant": "超出目標 {amount}",
    },
    "my_progress.pace_caption": {
        "en": "Day {elapsed} of {days}: by now {expected} of the target ({amount}) is expected. The dashed line is that pace, the solid line the target.",
        "zh": "本期共 {days} 天，已过 {elapsed} 天：此时应完成目标的 {expected}（{amount}）。虚线为进度，实线为目标。",
        "zh-Hant": "本期共 {days} 天，已過 {elapsed} 天：此時應完成目標的 {expected}（{amount}）。虛線為進度，實線為目標。",
    },
    "my_progress.unranked": {
        "en": "unranked",
        "zh": "未排名",
        "zh-Hant": "未排名",
    },
    "my_progress.not_in_peers": {
        "en": "outside the filter",
        "zh": "不在筛选范围内",
        "zh-Hant": "不在篩選範圍內",
    },
    "my_progress.rank_value": {
        "en": "#{rank}",
        "zh": "第 {rank} 名",
        "zh-Hant": "第 {rank} 名",
    },
    "my_progress.section.gap": {
        "en": "What closes the gap",
        "zh": "如何补足差额",
        "zh-Hant": "如何補足差額",
    },
    "my_progress.open_deals_caption": {
        "en": "Open deals expected to close in {period}, largest weighted value (amount × probability) first. Weighted together: {weighted}; forecast (won + weighted): {forecast}.",
        "zh": "预计在 {period} 成交的进行中商机，按加权金额（金额 × 赢单概率）从高到低排列。加权合计：{weighted}；预测（已成交 + 加权）：{forecast}。",
        "zh-Hant": "預計在 {period} 成交的進行中商機，按加權金額（金額 × 成交機率）從高到低排列。加權合計：{weighted}；預測（已成交 + 加權）：{forecast}。",
    },
    "my_progress.no_open_deals": {
        "en": "No open deals are expected to close in this period: new business has to come from deals not yet in the pipeline.",
        "zh": "本期没有预计成交的进行中商机：需要从尚未进入商机管道的新业务中补足。",
        "zh-Hant": "本期沒有預計成交的進行中商機：需要從尚未進入商機管道的新業務中補足。",
    },
    "my_progress.col.deal": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "my_progress.col.amount": {
        "en": "Amount",
        "zh": "金额",
        "zh-Hant": "金額",
    },
    "my_progress.col.probability": {
        "en": "Probability",
        "zh": "赢单概率",
        "zh-Hant": "成交機率",
    },
    "my_progress.col.weighted": {
        "en": "Weighted value",
        "zh": "加权金额",
        "zh-Hant": "加權金額",
    },
    "my_progress.col.close": {
        "en": "Expected close",
        "zh": "预计成交日期",
        "zh-Hant": "預計成交日期",
    },
    "my_progress.section.trend": {
        "en": "Last 12 months against target",
        "zh": "近 12 个月与目标对比",
        "zh-Hant": "近 12 個月與目標對比",
    },
    "my_progress.chart.actual": {
        "en": "Won revenue",
        "zh": "赢单金额",
        "zh-Hant": "成交金額",
    },
    "my_progress.chart.target": {
        "en": "Target",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "my_progress.chart.pace": {
        "en": "Pace",
        "zh": "进度",
        "zh-Hant": "進度",
    },
    "my_progress.section.followups": {
        "en": "Follow-ups due this week",
        "zh": "本周待跟进",
        "zh-Hant": "本週待跟進",
    },
    "my_progress.followups_caption": {
        "en": "Follow-ups that are overdue or due in the next 7 days, most overdue first.",
        "zh": "已逾期或将在 7 天内到期的跟进，逾期最久的在前。",
        "zh-Hant": "已逾期或將在 7 天內到期的跟進，逾期最久的在前。",
    },
    "my_progress.no_followups": {
        "en": "Nothing is overdue or due in the next 7 days.",
        "zh": "没有逾期或 7 天内到期的跟进。",
        "zh-Hant": "沒有逾期或 7 天內到期的跟進。",
    },
    "my_progress.no_activities": {
        "en": "No activities are loaded, so follow-ups cannot be listed. Upload an activities file (date, rep, customer, next follow-up date) on the [[nav.data]] page.",
        "zh": "尚未导入跟进记录，因此无法列出待跟进事项。请在“[[nav.data]]”页面上传跟进记录文件（日期、销售代表、客户、下次跟进日期）。",
        "zh-Hant": "尚未匯入跟進記錄，因此無法列出待跟進事項。請在「[[nav.data]]」頁面上傳跟進記錄檔案（日期、銷售代表、客戶、下次跟進日期）。",
    },
    "my_progress.col.followup": {
        "en": "Follow-up date",
        "zh": "跟进日期",
        "zh-Hant": "跟進日期",
    },
    "my_progress.col.days_overdue": {
        "en": "Days overdue (negative: due in)",
        "zh": "逾期天数（负数为距到期天数）",
        "zh-Hant": "逾期天數（負數為距到期天數）",
    },
    "my_progress.overdue_badge": {
        "en": "{n} open deals past their expected close date",
        "zh": "{n} 个进行中商机已过预计成交日期",
        "zh-Hant": "{n} 個進行中商機已過預計成交日期",
    },
    "my_progress.overdue_list": {
        "en": "Open deals past their expected close date ({n}): update the date or the stage",
        "zh": "已过预计成交日期的进行中商机（{n} 个）：请更新日期或阶段",
        "zh-Hant": "已過預計成交日期的進行中商機（{n} 個）：請更新日期或階段",
    },
    "my_progress.overdue_by": {
        "en": "Overdue by {days} days",
        "zh": "已逾期 {days} 天",
        "zh-Hant": "已逾期 {days} 天",
    },
    "my_progress.col.status": {
        "en": "Close date",
        "zh": "成交日期状态",
        "zh-Hant": "成交日期狀態",
    },
    "my_progress.col.overdue_days": {
        "en": "Days overdue",
        "zh": "逾期天数",
        "zh-Hant": "逾期天數",
    },
    "my_progress.cover_ok": {
        "en": "Your open pipeline covers {share} of the gap: {pipeline} of open deals expected this period against a gap of {gap}.",
        "zh": "您的进行中商机可覆盖差额的 {share}：本期预计成交的商机 {pipeline}，差额 {gap}。",
        "zh-Hant": "您的進行中商機可覆蓋差額的 {share}：本期預計成交的商機 {pipeline}，差額 {gap}。",
    },
    "my_progress.cover_short": {
        "en": "Your open pipeline covers {share} of the gap: {pipeline} of open deals expected this period against a gap of {gap}. Even if every one is won, you end {short} short: new deals are needed.",
        "zh": "您的进行中商机只能覆盖差额的 {share}：本期预计成交的商机 {pipeline}，差额 {gap}。即使全部赢单，仍差 {short}：需要开拓新的商机。",
        "zh-Hant": "您的進行中商機只能覆蓋差額的 {share}：本期預計成交的商機 {pipeline}，差額 {gap}。即使全部成交，仍差 {short}：需要開拓新的商機。",
    },
}
