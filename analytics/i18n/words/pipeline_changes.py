"""Words of pipeline changes."""

WORDS: dict[str, dict[str, str]] = {
    "nav.pipeline_changes": {
        "en": "Pipeline changes",
        "zh": "商机变化",
        "zh-Hant": "商機變化",
    },
    "changes.title": {
        "en": "Pipeline changes",
        "zh": "商机变化",
        "zh-Hant": "商機變化",
    },
    "changes.intro": {
        "en": "What moved in the open pipeline between two snapshots of the deals, and who keeps pushing deals. Click a bar to list its deals.",
        "zh": "两次商机快照之间，在途商机发生了哪些变化，以及谁在反复推迟成交。点击柱形可列出其中的商机。",
        "zh-Hant": "兩次商機快照之間，在途商機發生了哪些變化，以及誰在反覆推遲成交。點選柱形可列出其中的商機。",
    },
    "changes.none": {
        "en": "No snapshots yet: every publish of deals on the Data page is a dated snapshot. Publish two exports (for example last week's and this week's) to see what changed.",
        "zh": "还没有快照：在“数据”页面每发布一次商机就记录一个带日期的快照。发布两次导出（例如上周和本周）即可查看变化。",
        "zh-Hant": "還沒有快照：在「資料」頁面每發布一次商機就記錄一個帶日期的快照。發布兩次匯出（例如上週和本週）即可檢視變化。",
    },
    "changes.one": {
        "en": "Only one snapshot so far ({date}): publish another export to compare.",
        "zh": "目前只有一个快照（{date}）：再发布一次导出即可比较。",
        "zh-Hant": "目前只有一個快照（{date}）：再發布一次匯出即可比較。",
    },
    "changes.before": {
        "en": "Earlier snapshot",
        "zh": "较早的快照",
        "zh-Hant": "較早的快照",
    },
    "changes.after": {
        "en": "Later snapshot",
        "zh": "较晚的快照",
        "zh-Hant": "較晚的快照",
    },
    "changes.window": {
        "en": "Deals closing in",
        "zh": "预计成交期间",
        "zh-Hant": "預計成交期間",
    },
    "changes.window.month": {
        "en": "the later snapshot's month",
        "zh": "较晚快照所在月份",
        "zh-Hant": "較晚快照所在月份",
    },
    "changes.window.quarter": {
        "en": "its quarter",
        "zh": "所在季度",
        "zh-Hant": "所在季度",
    },
    "changes.window.all": {
        "en": "any time (all open)",
        "zh": "不限（全部在途）",
        "zh-Hant": "不限（全部在途）",
    },
    "changes.snapshot": {
        "en": "{date} · {rows} deals",
        "zh": "{date} · {rows} 个商机",
        "zh-Hant": "{date} · {rows} 個商機",
    },
    "changes.order": {
        "en": "The earlier snapshot must be older than the later one.",
        "zh": "较早的快照必须早于较晚的快照。",
        "zh-Hant": "較早的快照必須早於較晚的快照。",
    },
    "changes.bucket.start": {
        "en": "Start",
        "zh": "期初",
        "zh-Hant": "期初",
    },
    "changes.bucket.created": {
        "en": "Created",
        "zh": "新建",
        "zh-Hant": "新建",
    },
    "changes.bucket.pulled_in": {
        "en": "Pulled in",
        "zh": "提前纳入",
        "zh-Hant": "提前納入",
    },
    "changes.bucket.increased": {
        "en": "Amount up",
        "zh": "金额增加",
        "zh-Hant": "金額增加",
    },
    "changes.bucket.decreased": {
        "en": "Amount down",
        "zh": "金额减少",
        "zh-Hant": "金額減少",
    },
    "changes.bucket.pushed_out": {
        "en": "Pushed out",
        "zh": "推迟移出",
        "zh-Hant": "推遲移出",
    },
    "changes.bucket.won": {
        "en": "Won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "changes.bucket.lost": {
        "en": "Lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "changes.bucket.removed": {
        "en": "Removed",
        "zh": "已删除",
        "zh-Hant": "已刪除",
    },
    "changes.bucket.untracked": {
        "en": "Untracked (no id)",
        "zh": "无编号（无法跟踪）",
        "zh-Hant": "無編號（無法跟蹤）",
    },
    "changes.bucket.end": {
        "en": "End",
        "zh": "期末",
        "zh-Hant": "期末",
    },
    "changes.summary": {
        "en": "Since {before}: {parts}.",
        "zh": "自 {before} 以来：{parts}。",
        "zh-Hant": "自 {before} 以來：{parts}。",
    },
    "changes.moves": {
        "en": "Stage moves",
        "zh": "阶段变化",
        "zh-Hant": "階段變化",
    },
    "changes.progressed": {
        "en": "Moved forward",
        "zh": "推进",
        "zh-Hant": "推進",
    },
    "changes.regressed": {
        "en": "Moved back",
        "zh": "回退",
        "zh-Hant": "回退",
    },
    "changes.moves_value": {
        "en": "{amount} · deals: {n}",
        "zh": "{amount} · {n} 个商机",
        "zh-Hant": "{amount} · {n} 個商機",
    },
    "changes.card.pushed": {
        "en": "Pushed out (deals: {n})",
        "zh": "推迟移出（{n} 个商机）",
        "zh-Hant": "推遲移出（{n} 個商機）",
    },
    "changes.untracked_note": {
        "en": "{n} deals have no id and cannot be followed: they count in the start and end totals only.",
        "zh": "{n} 个商机没有编号，无法跟踪：只计入期初和期末合计。",
        "zh-Hant": "{n} 個商機沒有編號，無法跟蹤：只計入期初和期末合計。",
    },
    "changes.repeated_note": {
        "en": "Repeated deal ids: {before} in the earlier and {after} in the later snapshot; the first row of each id is followed.",
        "zh": "重复的商机编号：较早快照 {before} 行、较晚快照 {after} 行；每个编号按第一行跟踪。",
        "zh-Hant": "重複的商機編號：較早快照 {before} 列、較晚快照 {after} 列；每個編號按第一列跟蹤。",
    },
    "changes.unknown_note": {
        "en": "{n} deals have a blank amount, counted as 0.",
        "zh": "{n} 个商机金额为空，按 0 计。",
        "zh-Hant": "{n} 個商機金額為空，按 0 計。",
    },
    "changes.deals_title": {
        "en": "Deals in “{bucket}” ({n})",
        "zh": "“{bucket}”中的商机（{n} 个）",
        "zh-Hant": "「{bucket}」中的商機（{n} 個）",
    },
    "changes.deals_hint": {
        "en": "Click a bar of the chart to list its deals.",
        "zh": "点击图中的柱形即可列出其中的商机。",
        "zh-Hant": "點選圖中的柱形即可列出其中的商機。",
    },
    "changes.by_rep": {
        "en": "Pushes by rep",
        "zh": "各销售推迟情况",
        "zh-Hant": "各銷售推遲情況",
    },
    "changes.slips": {
        "en": "Serial slips: deals pushed two or more times",
        "zh": "多次推迟：被推迟两次及以上的商机",
        "zh-Hant": "多次推遲：被推遲兩次及以上的商機",
    },
    "changes.slips_none": {
        "en": "No deal was pushed twice across the snapshots.",
        "zh": "各快照中没有被推迟两次的商机。",
        "zh-Hant": "各快照中沒有被推遲兩次的商機。",
    },
    "changes.history": {
        "en": "A deal's history",
        "zh": "商机历史",
        "zh-Hant": "商機歷史",
    },
    "changes.history_pick": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "changes.history_none": {
        "en": "This deal is in no snapshot.",
        "zh": "该商机不在任何快照中。",
        "zh-Hant": "該商機不在任何快照中。",
    },
    "changes.col.bucket": {
        "en": "Change",
        "zh": "变化",
        "zh-Hant": "變化",
    },
    "changes.col.deal_id": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "changes.col.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "changes.col.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "changes.col.amount": {
        "en": "Amount",
        "zh": "金额",
        "zh-Hant": "金額",
    },
    "changes.col.stage_before": {
        "en": "Stage before",
        "zh": "原阶段",
        "zh-Hant": "原階段",
    },
    "changes.col.stage_after": {
        "en": "Stage now",
        "zh": "现阶段",
        "zh-Hant": "現階段",
    },
    "changes.col.close_before": {
        "en": "Close date before",
        "zh": "原预计成交日",
        "zh-Hant": "原預計成交日",
    },
    "changes.col.close_after": {
        "en": "Close date now",
        "zh": "现预计成交日",
        "zh-Hant": "現預計成交日",
    },
    "changes.col.amount_before": {
        "en": "Amount before",
        "zh": "原金额",
        "zh-Hant": "原金額",
    },
    "changes.col.amount_after": {
        "en": "Amount now",
        "zh": "现金额",
        "zh-Hant": "現金額",
    },
    "changes.col.rep_before": {
        "en": "Owner before",
        "zh": "原负责人",
        "zh-Hant": "原負責人",
    },
    "changes.col.pushed_deals": {
        "en": "Deals pushed",
        "zh": "推迟商机数",
        "zh-Hant": "推遲商機數",
    },
    "changes.col.pushed_amount": {
        "en": "Amount pushed",
        "zh": "推迟金额",
        "zh-Hant": "推遲金額",
    },
    "changes.col.decreased_amount": {
        "en": "Amount cut",
        "zh": "减少金额",
        "zh-Hant": "減少金額",
    },
    "changes.col.won_amount": {
        "en": "Won",
        "zh": "赢单金额",
        "zh-Hant": "成交金額",
    },
    "changes.col.lost_amount": {
        "en": "Lost",
        "zh": "输单金额",
        "zh-Hant": "失單金額",
    },
    "changes.col.pushes": {
        "en": "Times pushed",
        "zh": "推迟次数",
        "zh-Hant": "推遲次數",
    },
    "changes.col.first_close": {
        "en": "First expected",
        "zh": "最初预计成交",
        "zh-Hant": "最初預計成交",
    },
    "changes.col.last_close": {
        "en": "Now expected",
        "zh": "现预计成交",
        "zh-Hant": "現預計成交",
    },
    "changes.col.snapshot_date": {
        "en": "Snapshot",
        "zh": "快照日期",
        "zh-Hant": "快照日期",
    },
    "changes.col.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "changes.col.status": {
        "en": "Status",
        "zh": "状态",
        "zh-Hant": "狀態",
    },
    "changes.col.close_date": {
        "en": "Expected close",
        "zh": "预计成交日",
        "zh-Hant": "預計成交日",
    },
    "changes.status.open": {
        "en": "open",
        "zh": "在途",
        "zh-Hant": "在途",
    },
    "changes.status.won": {
        "en": "won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "changes.status.lost": {
        "en": "lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "changes.part.created": {
        "en": "+{n} created ({amount})",
        "zh": "新建 {n} 个（{amount}）",
        "zh-Hant": "新建 {n} 個（{amount}）",
    },
    "changes.part.pushed_out": {
        "en": "{n} pushed out ({amount})",
        "zh": "推迟移出 {n} 个（{amount}）",
        "zh-Hant": "推遲移出 {n} 個（{amount}）",
    },
    "changes.part.won": {
        "en": "{n} won ({amount})",
        "zh": "赢单 {n} 个（{amount}）",
        "zh-Hant": "成交 {n} 個（{amount}）",
    },
    "changes.part.lost": {
        "en": "{n} lost ({amount})",
        "zh": "输单 {n} 个（{amount}）",
        "zh-Hant": "失單 {n} 個（{amount}）",
    },
    "changes.part.net": {
        "en": "this month's open pipeline {change}",
        "zh": "本月在途商机 {change}",
        "zh-Hant": "本月在途商機 {change}",
    },
    "changes.open_page": {
        "en": "What moved",
        "zh": "查看变化",
        "zh-Hant": "查看變化",
    },
}
