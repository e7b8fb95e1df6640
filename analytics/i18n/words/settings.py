"""Words of settings."""

WORDS: dict[str, dict[str, str]] = {
    "settings.title": {
        "en": "Settings",
        "zh": "设置",
        "zh-Hant": "設定",
    },
    "settings.intro": {
        "en": "These settings apply to everyone using this workspace.",
        "zh": "这些设置对使用此工作区的所有人生效。",
        "zh-Hant": "這些設定對使用此工作區的所有人生效。",
    },
    "settings.stages": {
        "en": "Funnel stages, in order",
        "zh": "漏斗阶段（按顺序）",
        "zh-Hant": "漏斗階段（按順序）",
    },
    "settings.stages_help": {
        "en": "Add your CRM's stage names under 'Also called' (separated by |) so its exports map onto these stages.",
        "zh": "在“别名”中添加 CRM 的阶段名称（用 | 分隔），导出文件即可对应到这些阶段。",
        "zh-Hant": "在「別名」中新增 CRM 的階段名稱（用 | 分隔），匯出檔案即可對應到這些階段。",
    },
    "settings.col.key": {
        "en": "Key",
        "zh": "代码",
        "zh-Hant": "程式碼",
    },
    "settings.col.name": {
        "en": "Name ({language})",
        "zh": "名称（{language}）",
        "zh-Hant": "名稱（{language}）",
    },
    "settings.col.probability": {
        "en": "Default probability",
        "zh": "默认赢单概率",
        "zh-Hant": "預設成交機率",
    },
    "settings.col.synonyms": {
        "en": "Also called",
        "zh": "别名",
        "zh-Hant": "別名",
    },
    "settings.won_stage": {
        "en": "Stage that means won (contract signed)",
        "zh": "代表赢单（签订合同）的阶段",
        "zh-Hant": "代表成交（簽訂合約）的階段",
    },
    "settings.lost_names": {
        "en": "Names that mean lost (one per line)",
        "zh": "代表输单的名称（每行一个）",
        "zh-Hant": "代表失單的名稱（每行一個）",
    },
    "settings.fiscal": {
        "en": "Fiscal year starts in",
        "zh": "财年起始月份",
        "zh-Hant": "財年起始月份",
    },
    "settings.currency": {
        "en": "Reporting currency",
        "zh": "报告货币",
        "zh-Hant": "報表貨幣",
    },
    "settings.kpi": {
        "en": "KPI weights (revenue / satisfaction / collaboration)",
        "zh": "考核权重（收入 / 满意度 / 协作）",
        "zh-Hant": "考核權重（收入 / 滿意度 / 協作）",
    },
    "settings.w_revenue": {
        "en": "Revenue",
        "zh": "收入",
        "zh-Hant": "收入",
    },
    "settings.w_satisfaction": {
        "en": "Satisfaction",
        "zh": "满意度",
        "zh-Hant": "滿意度",
    },
    "settings.w_collaboration": {
        "en": "Collaboration",
        "zh": "协作",
        "zh-Hant": "協作",
    },
    "settings.cap": {
        "en": "Revenue score cap (attainment counted up to)",
        "zh": "收入得分上限（达成率最多计入）",
        "zh-Hant": "收入得分上限（達成率最多計入）",
    },
    "settings.followup": {
        "en": "Follow-up window after signing (days)",
        "zh": "签约后跟进时限（天）",
        "zh-Hant": "簽約後跟進時限（天）",
    },
    "settings.min_responses": {
        "en": "Fewest survey responses to judge",
        "zh": "满意度评判的最少回复数",
        "zh-Hant": "滿意度評判的最少回覆數",
    },
    "settings.save": {
        "en": "Save settings",
        "zh": "保存设置",
        "zh-Hant": "儲存設定",
    },
    "settings.reset": {
        "en": "Restore defaults",
        "zh": "恢复默认",
        "zh-Hant": "恢復預設",
    },
    "settings.saved": {
        "en": "Saved. Every page now uses these settings.",
        "zh": "已保存，所有页面已使用新设置。",
        "zh-Hant": "已儲存，所有頁面已使用新設定。",
    },
    "settings.invalid": {
        "en": "Not saved: {problems}",
        "zh": "未保存：{problems}",
        "zh-Hant": "未儲存：{problems}",
    },
    "settings.col.label_en": {
        "en": "English name",
        "zh": "英文名称",
        "zh-Hant": "英文名稱",
    },
    "settings.col.label_zh": {
        "en": "Chinese name",
        "zh": "中文名称",
        "zh-Hant": "中文名稱",
    },
    "settings.currency_help": {
        "en": "Amounts are shown in the currency the data records. This names the currency of data that records none, and the currency imports convert to.",
        "zh": "金额按数据记录的币种显示。此项用于未注明币种的数据，也是导入时换算的目标币种。",
        "zh-Hant": "金額按資料記錄的幣種顯示。此項用於未註明幣種的資料，也是匯入時換算的目標幣種。",
    },
    "settings.currency_auto": {
        "en": "The data's currency ({found})",
        "zh": "数据的币种（{found}）",
        "zh-Hant": "資料的幣種（{found}）",
    },
    "settings.currency_none": {
        "en": "none recorded",
        "zh": "未注明",
        "zh-Hant": "未註明",
    },
    "settings.currency_mixed": {
        "en": "The loaded tables record more than one currency ({codes}), so amounts are shown without a symbol. Import deals and targets in one currency.",
        "zh": "已加载的表记录了多种币种（{codes}），因此金额不显示币种符号。请以同一币种导入商机与目标。",
        "zh-Hant": "已載入的表記錄了多種幣種（{codes}），因此金額不顯示幣種符號。請以同一幣種匯入商機與目標。",
    },
    "settings.currency_mismatch": {
        "en": "The loaded data records its amounts in {data}, so pages show {data}; {chosen} applies to data that records no currency. Re-import the files to convert them.",
        "zh": "已加载的数据以 {data} 记录金额，页面按 {data} 显示；{chosen} 仅用于未注明币种的数据。如需换算，请重新导入文件。",
        "zh-Hant": "已載入的資料以 {data} 記錄金額，頁面按 {data} 顯示；{chosen} 僅用於未註明幣種的資料。如需換算，請重新匯入檔案。",
    },
    "settings.min_responses_help": {
        "en": "With fewer CSAT responses, satisfaction is left out of the KPI score and the rank, the commission plan's CSAT gate does not apply, and the report says so.",
        "zh": "满意度回复少于此数时：考核得分与排名不计满意度，提成方案的满意度门槛不适用，报表中注明。",
        "zh-Hant": "滿意度回覆少於此數時：考核得分與排名不計滿意度，佣金方案的滿意度門檻不適用，報表中註明。",
    },
    "settings.default_period": {
        "en": "Pages open on",
        "zh": "页面默认期间",
        "zh-Hant": "頁面預設期間",
    },
    "settings.default_period.current": {
        "en": "The current period (calendar)",
        "zh": "当前期间（按日历）",
        "zh-Hant": "目前期間（按日曆）",
    },
    "settings.default_period.last_complete": {
        "en": "The last complete period",
        "zh": "最近一个完整期间",
        "zh-Hant": "最近一個完整期間",
    },
}
