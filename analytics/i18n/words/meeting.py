"""Words of meeting."""

WORDS: dict[str, dict[str, str]] = {
    "meeting.toggle": {
        "en": "Meeting mode",
        "zh": "会议模式",
        "zh-Hant": "會議模式",
    },
    "meeting.toggle_help": {
        "en": "The dashboard for the big screen: one story per screen (overview, teams, funnel, segments, leaderboard), large type, no sidebar. Pay figures stay hidden unless switched on. A link with meet=1 opens it directly.",
        "zh": "适合大屏幕的看板：每屏讲一件事（总览、团队、漏斗、细分市场、排行榜），大字号，无侧边栏。薪酬数据默认隐藏，需手动开启。带 meet=1 的链接可直接打开。",
        "zh-Hant": "適合大螢幕的看板：每屏講一件事（總覽、團隊、漏斗、市場區隔、排列榜），大字號，無側邊欄。薪酬資料預設隱藏，需手動開啟。帶 meet=1 的連結可直接開啟。",
    },
    "meeting.page_title": {
        "en": "Meeting",
        "zh": "会议",
        "zh-Hant": "會議",
    },
    "meeting.slide.overview": {
        "en": "Where we stand",
        "zh": "业绩总览",
        "zh-Hant": "業績總覽",
    },
    "meeting.slide.teams": {
        "en": "Attainment by team",
        "zh": "各团队达成率",
        "zh-Hant": "各團隊達成率",
    },
    "meeting.slide.funnel": {
        "en": "Sales funnel",
        "zh": "销售漏斗",
        "zh-Hant": "銷售漏斗",
    },
    "meeting.slide.segments": {
        "en": "Won revenue by segment",
        "zh": "各细分市场赢单收入",
        "zh-Hant": "各市場區隔成交收入",
    },
    "meeting.slide.leaderboard": {
        "en": "Leaderboard",
        "zh": "排行榜",
        "zh-Hant": "排列榜",
    },
    "meeting.header": {
        "en": "{period} · figures as of {date}",
        "zh": "{period} · 数据截至 {date}",
        "zh-Hant": "{period} · 資料截至 {date}",
    },
    "meeting.filters": {
        "en": "Filters: {filters}",
        "zh": "筛选：{filters}",
        "zh-Hant": "篩選：{filters}",
    },
    "meeting.no_filters": {
        "en": "All teams and reps, no filters",
        "zh": "全部团队与销售代表，无筛选",
        "zh-Hant": "全部團隊與銷售代表，無篩選",
    },
    "meeting.previous": {
        "en": "Previous",
        "zh": "上一页",
        "zh-Hant": "上一頁",
    },
    "meeting.next": {
        "en": "Next",
        "zh": "下一页",
        "zh-Hant": "下一頁",
    },
    "meeting.options": {
        "en": "Options",
        "zh": "选项",
        "zh-Hant": "選項",
    },
    "meeting.auto": {
        "en": "Automatic advance",
        "zh": "自动翻页",
        "zh-Hant": "自動翻頁",
    },
    "meeting.auto.off": {
        "en": "Off",
        "zh": "关闭",
        "zh-Hant": "關閉",
    },
    "meeting.auto.every": {
        "en": "Every {seconds} s",
        "zh": "每 {seconds} 秒",
        "zh-Hant": "每 {seconds} 秒",
    },
    "meeting.anon": {
        "en": "Hide reps' names (Rep A, B, …)",
        "zh": "隐藏销售代表姓名（代表 A、B…）",
        "zh-Hant": "隱藏銷售代表姓名（代表 A、B…）",
    },
    "meeting.rep_prefix": {
        "en": "Rep",
        "zh": "代表",
        "zh-Hant": "代表",
    },
    "meeting.pay": {
        "en": "Show pay figures",
        "zh": "显示薪酬数据",
        "zh-Hant": "顯示薪酬資料",
    },
    "meeting.pay_help": {
        "en": "Adds each rep's payout under the commission plan in use to the leaderboard. Off by default in a meeting.",
        "zh": "在排行榜中按当前提成方案显示每位销售代表的应发金额。会议模式下默认关闭。",
        "zh-Hant": "在排列榜中按目前佣金方案顯示每位銷售代表的應發金額。會議模式下預設關閉。",
    },
    "meeting.exit": {
        "en": "Exit meeting mode",
        "zh": "退出会议模式",
        "zh-Hant": "退出會議模式",
    },
    "meeting.vs_previous": {
        "en": "{change} vs {previous}",
        "zh": "较{previous} {change}",
        "zh-Hant": "較{previous} {change}",
    },
    "meeting.gap_open": {
        "en": "{gap} still to close",
        "zh": "尚差 {gap}",
        "zh-Hant": "尚差 {gap}",
    },
    "meeting.gap_met": {
        "en": "exceeded by {gap}",
        "zh": "超出 {gap}",
        "zh-Hant": "超出 {gap}",
    },
    "meeting.vs_pace": {
        "en": "{points} pts vs pace",
        "zh": "较进度 {points} 个百分点",
        "zh-Hant": "較進度 {points} 個百分點",
    },
    "meeting.forecast_note": {
        "en": "won + weighted pipeline",
        "zh": "已赢单 + 加权商机",
        "zh-Hant": "已成交 + 加權商機",
    },
    "meeting.pace.running": {
        "en": "{status}: {attainment} of the target won, {expected} expected by {date} (day {elapsed} of {days}).",
        "zh": "{status}：已完成目标的 {attainment}，截至 {date} 应完成 {expected}（本期 {days} 天中的第 {elapsed} 天）。",
        "zh-Hant": "{status}：已完成目標的 {attainment}，截至 {date} 應完成 {expected}（本期 {days} 天中的第 {elapsed} 天）。",
    },
    "meeting.pace.over": {
        "en": "{status}: {attainment} of the target won; the period is complete.",
        "zh": "{status}：已完成目标的 {attainment}；本期已结束。",
        "zh-Hant": "{status}：已完成目標的 {attainment}；本期已結束。",
    },
    "meeting.pace.not_started": {
        "en": "The period has not started yet.",
        "zh": "本期尚未开始。",
        "zh-Hant": "本期尚未開始。",
    },
    "meeting.pace.no_target": {
        "en": "No target for this period, so there is no attainment or pace: upload a targets file on the [[nav.data]] page.",
        "zh": "本期没有目标，因此没有达成率和进度：请在“[[nav.data]]”页面上传目标文件。",
        "zh-Hant": "本期沒有目標，因此沒有達成率和進度：請在「[[nav.data]]」頁面上傳目標檔案。",
    },
    "meeting.no_deals": {
        "en": "No deals are loaded: upload a deals export (owner, stage, amount, close date) on the [[nav.data]] page.",
        "zh": "尚未导入商机数据：请在“[[nav.data]]”页面上传商机导出文件（负责人、阶段、金额、成交日期）。",
        "zh-Hant": "尚未匯入商機資料：請在「[[nav.data]]」頁面上傳商機匯出檔案（負責人、階段、金額、成交日期）。",
    },
    "meeting.nothing": {
        "en": "Nothing to show for this period and these filters.",
        "zh": "当前期间与筛选条件下没有可显示的数据。",
        "zh-Hant": "目前期間與篩選條件下沒有可顯示的資料。",
    },
    "meeting.bar_text": {
        "en": "{pct} · {actual} of {target}",
        "zh": "{pct} · {actual}（目标 {target}）",
        "zh-Hant": "{pct} · {actual}（目標 {target}）",
    },
    "meeting.teams_note": {
        "en": "Bars: attainment; solid line: 100 % of target; dashed line: where the pace expects us to be today.",
        "zh": "条形：达成率；实线：目标的 100%；虚线：按进度今天应达到的位置。",
        "zh-Hant": "條形：達成率；實線：目標的 100%；虛線：按進度今天應達到的位置。",
    },
    "meeting.teams_note_no_pace": {
        "en": "Bars: attainment; line: 100 % of target.",
        "zh": "条形：达成率；线：目标的 100%。",
        "zh-Hant": "條形：達成率；線：目標的 100%。",
    },
    "meeting.no_team": {
        "en": "(no team)",
        "zh": "（无团队）",
        "zh-Hant": "（無團隊）",
    },
    "meeting.funnel_note": {
        "en": "Deals created in {period} and the stages they reached. Each bar: deals · % of the previous stage · % of the first stage.",
        "zh": "{period} 新建的商机及其到达的阶段。每个条形：商机数 · 占上一阶段的比例 · 占第一阶段的比例。",
        "zh-Hant": "{period} 新建的商機及其到達的階段。每個條形：商機數 · 佔上一階段的比例 · 佔第一階段的比例。",
    },
    "meeting.segments_note": {
        "en": "Won revenue in {period}, largest first; right: the change against the previous period and the same period last year.",
        "zh": "{period} 赢单收入，从高到低；右侧为较上期及较去年同期的变化。",
        "zh-Hant": "{period} 成交收入，從高到低；右側為較上期及較去年同期的變化。",
    },
    "meeting.no_segments": {
        "en": "The deals have no segment column, so there is nothing to break down: add one to the deals file on the [[nav.data]] page.",
        "zh": "商机数据没有细分市场列，无法细分：请在“[[nav.data]]”页面的商机文件中加入该列。",
        "zh-Hant": "商機資料沒有市場區隔欄，無法細分：請在「[[nav.data]]」頁面的商機檔案中加入該欄。",
    },
    "meeting.col.rank": {
        "en": "#",
        "zh": "#",
        "zh-Hant": "#",
    },
    "meeting.col.rep": {
        "en": "Sales rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "meeting.col.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "meeting.col.pace": {
        "en": "Pace",
        "zh": "进度",
        "zh-Hant": "進度",
    },
    "meeting.col.payout": {
        "en": "Payout",
        "zh": "应发金额",
        "zh-Hant": "應發金額",
    },
    "meeting.board_note": {
        "en": "Ranked by attainment (won revenue ÷ target); reps without a target last.",
        "zh": "按达成率（赢单金额 ÷ 目标）排名；无目标的销售代表排在最后。",
        "zh-Hant": "按達成率（成交金額 ÷ 目標）排名；無目標的銷售代表排在最後。",
    },
    "meeting.pay_plan": {
        "en": "Payouts under “{plan}”: commission and team share.",
        "zh": "按“{plan}”计算的应发金额：提成与团队奖金。",
        "zh-Hant": "按「{plan}」計算的應發金額：佣金與團隊獎金。",
    },
    "meeting.pay_unavailable": {
        "en": "Payouts cannot be worked out for this period: {problem}",
        "zh": "本期无法计算应发金额：{problem}",
        "zh-Hant": "本期無法計算應發金額：{problem}",
    },
    "meeting.no_reps": {
        "en": "No rep has a target or a deal in this period.",
        "zh": "本期没有销售代表有目标或商机。",
        "zh-Hant": "本期沒有銷售代表有目標或商機。",
    },
    "meeting.anon_pay": {
        "en": "Also show pay beside the letters",
        "zh": "在代号旁也显示薪酬",
        "zh-Hant": "在代號旁也顯示薪酬",
    },
    "meeting.anon_pay_help": {
        "en": "Off by default: the room may work out who a letter is, and then their pay.",
        "zh": "默认关闭：在场的人可能推断出代号是谁，进而知道其薪酬。",
        "zh-Hant": "預設關閉：在場的人可能推斷出代號是誰，進而知道其薪酬。",
    },
    "meeting.anon_pay_hidden": {
        "en": "Names are hidden, so pay is hidden too; switch it on explicitly under Options if it must be shown.",
        "zh": "姓名已隐藏，薪酬也随之隐藏；如确需显示，请在“选项”中单独打开。",
        "zh-Hant": "姓名已隱藏，薪酬也隨之隱藏；如確需顯示，請在「選項」中單獨開啟。",
    },
    "meeting.anon_pay_warning": {
        "en": "Pay is shown beside anonymous names: people in the room may still tell who is who.",
        "zh": "代号旁正在显示薪酬：在场的人仍可能认出是谁。",
        "zh-Hant": "代號旁正在顯示薪酬：在場的人仍可能認出是誰。",
    },
}
