"""Texts of meeting mode (the sidebar switch and the meeting page): key → (English, 简体中文).

The card, pace, chart and funnel words are the Overview's, Funnel's and Segments' own keys, so a
figure is named the same in the meeting as on its page.
"""

TEXT: dict[str, tuple[str, str]] = {
    # the switch (sidebar) and the frame
    "meeting.toggle": ("Meeting mode", "会议模式"),
    "meeting.toggle_help": ("The dashboard for the big screen: one story per screen (overview, teams, funnel, "
                            "segments, leaderboard), large type, no sidebar. Pay figures stay hidden unless "
                            "switched on. A link with meet=1 opens it directly.",
                            "适合大屏幕的看板：每屏讲一件事（总览、团队、漏斗、细分市场、排行榜），大字号，无侧边栏。"
                            "薪酬数据默认隐藏，需手动开启。带 meet=1 的链接可直接打开。"),
    "meeting.page_title": ("Meeting", "会议"),
    "meeting.slide.overview": ("Where we stand", "业绩总览"),
    "meeting.slide.teams": ("Attainment by team", "各团队达成率"),
    "meeting.slide.funnel": ("Sales funnel", "销售漏斗"),
    "meeting.slide.segments": ("Won revenue by segment", "各细分市场赢单收入"),
    "meeting.slide.leaderboard": ("Leaderboard", "排行榜"),
    "meeting.header": ("{period} · figures as of {date}", "{period} · 数据截至 {date}"),
    "meeting.filters": ("Filters: {filters}", "筛选：{filters}"),
    "meeting.no_filters": ("All teams and reps, no filters", "全部团队与销售代表，无筛选"),
    "meeting.previous": ("Previous", "上一页"),
    "meeting.next": ("Next", "下一页"),
    "meeting.options": ("Options", "选项"),
    "meeting.auto": ("Automatic advance", "自动翻页"),
    "meeting.auto.off": ("Off", "关闭"),
    "meeting.auto.every": ("Every {seconds} s", "每 {seconds} 秒"),
    "meeting.anon": ("Hide reps' names (Rep A, B, …)", "隐藏销售代表姓名（代表 A、B…）"),
    "meeting.rep_prefix": ("Rep", "代表"),
    "meeting.anon_pay": ("Also show pay beside the letters", "在代号旁也显示薪酬"),
    "meeting.anon_pay_help": ("Off by default: the room may work out who a letter is, and then their pay.",
                              "默认关闭：在场的人可能推断出代号是谁，进而知道其薪酬。"),
    "meeting.anon_pay_hidden": ("Names are hidden, so pay is hidden too; switch it on explicitly under Options "
                                "if it must be shown.",
                                "姓名已隐藏，薪酬也随之隐藏；如确需显示，请在“选项”中单独打开。"),
    "meeting.anon_pay_warning": ("Pay is shown beside anonymous names: people in the room may still tell who "
                                 "is who.",
                                 "代号旁正在显示薪酬：在场的人仍可能认出是谁。"),
    "meeting.pay": ("Show pay figures", "显示薪酬数据"),
    "meeting.pay_help": ("Adds each rep's payout under the commission plan in use to the leaderboard. "
                         "Off by default in a meeting.",
                         "在排行榜中按当前提成方案显示每位销售代表的应发金额。会议模式下默认关闭。"),
    "meeting.exit": ("Exit meeting mode", "退出会议模式"),
    # slide 1: overview
    "meeting.vs_previous": ("{change} vs {previous}", "较{previous} {change}"),
    "meeting.gap_open": ("{gap} still to close", "尚差 {gap}"),
    "meeting.gap_met": ("exceeded by {gap}", "超出 {gap}"),
    "meeting.vs_pace": ("{points} pts vs pace", "较进度 {points} 个百分点"),
    "meeting.forecast_note": ("won + weighted pipeline", "已赢单 + 加权商机"),
    "meeting.pace.running": ("{status}: {attainment} of the target won, {expected} expected by {date} "
                             "(day {elapsed} of {days}).",
                             "{status}：已完成目标的 {attainment}，截至 {date} 应完成 {expected}"
                             "（本期 {days} 天中的第 {elapsed} 天）。"),
    "meeting.pace.over": ("{status}: {attainment} of the target won; the period is complete.",
                          "{status}：已完成目标的 {attainment}；本期已结束。"),
    "meeting.pace.not_started": ("The period has not started yet.", "本期尚未开始。"),
    "meeting.pace.no_target": ("No target for this period, so there is no attainment or pace: upload a "
                               "targets file on the Data page.",
                               "本期没有目标，因此没有达成率和进度：请在“数据”页面上传目标文件。"),
    "meeting.no_deals": ("No deals are loaded: upload a deals export (owner, stage, amount, close date) on "
                         "the Data page.",
                         "尚未导入商机数据：请在“数据”页面上传商机导出文件（负责人、阶段、金额、成交日期）。"),
    "meeting.nothing": ("Nothing to show for this period and these filters.", "当前期间与筛选条件下没有可显示的数据。"),
    # slide 2: teams
    "meeting.bar_text": ("{pct} · {actual} of {target}", "{pct} · {actual}（目标 {target}）"),
    "meeting.teams_note": ("Bars: attainment; solid line: 100 % of target; dashed line: where the pace "
                           "expects us to be today.",
                           "条形：达成率；实线：目标的 100%；虚线：按进度今天应达到的位置。"),
    "meeting.teams_note_no_pace": ("Bars: attainment; line: 100 % of target.", "条形：达成率；线：目标的 100%。"),
    "meeting.no_team": ("(no team)", "（无团队）"),
    # slide 3: funnel
    "meeting.funnel_note": ("Deals created in {period} and the stages they reached. Each bar: deals · "
                            "% of the previous stage · % of the first stage.",
                            "{period} 新建的商机及其到达的阶段。每个条形：商机数 · 占上一阶段的比例 · 占第一阶段的比例。"),
    # slide 4: segments
    "meeting.segments_note": ("Won revenue in {period}, largest first; right: the change against the previous "
                              "period and the same period last year.",
                              "{period} 赢单收入，从高到低；右侧为较上期及较去年同期的变化。"),
    "meeting.no_segments": ("The deals have no segment column, so there is nothing to break down: add one to "
                            "the deals file on the Data page.",
                            "商机数据没有细分市场列，无法细分：请在“数据”页面的商机文件中加入该列。"),
    # slide 5: leaderboard
    "meeting.col.rank": ("#", "#"),
    "meeting.col.rep": ("Sales rep", "销售代表"),
    "meeting.col.attainment": ("Attainment", "达成率"),
    "meeting.col.pace": ("Pace", "进度"),
    "meeting.col.payout": ("Payout", "应发金额"),
    "meeting.board_note": ("Ranked by attainment (won revenue ÷ target); reps without a target last.",
                           "按达成率（赢单金额 ÷ 目标）排名；无目标的销售代表排在最后。"),
    "meeting.pay_plan": ("Payouts under “{plan}”: commission and team share.",
                         "按“{plan}”计算的应发金额：提成与团队奖金。"),
    "meeting.pay_unavailable": ("Payouts cannot be worked out for this period: {problem}",
                                "本期无法计算应发金额：{problem}"),
    "meeting.no_reps": ("No rep has a target or a deal in this period.", "本期没有销售代表有目标或商机。"),
}
