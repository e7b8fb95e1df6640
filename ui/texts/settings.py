"""Texts of the settings page: key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "settings.title": ("Settings", "设置"),
    "settings.intro": ("These settings apply to everyone using this workspace.", "这些设置对使用此工作区的所有人生效。"),
    "settings.stages": ("Funnel stages, in order", "漏斗阶段（按顺序）"),
    "settings.stages_help": ("Add your CRM's stage names under 'Also called' (separated by |) so its "
                             "exports map onto these stages.",
                             "在“别名”中添加 CRM 的阶段名称（用 | 分隔），导出文件即可对应到这些阶段。"),
    "settings.col.key": ("Key", "代码"),
    "settings.col.label_en": ("English name", "英文名称"),
    "settings.col.label_zh": ("Chinese name", "中文名称"),
    "settings.col.probability": ("Default probability", "默认赢单概率"),
    "settings.col.synonyms": ("Also called", "别名"),
    "settings.won_stage": ("Stage that means won (contract signed)", "代表赢单（签订合同）的阶段"),
    "settings.lost_names": ("Names that mean lost (one per line)", "代表输单的名称（每行一个）"),
    "settings.fiscal": ("Fiscal year starts in", "财年起始月份"),
    "settings.currency": ("Reporting currency", "报告货币"),
    "settings.currency_help": ("Amounts are shown in the currency the data records. This names the currency "
                               "of data that records none, and the currency imports convert to.",
                               "金额按数据记录的币种显示。此项用于未注明币种的数据，也是导入时换算的目标币种。"),
    "settings.currency_auto": ("The data's currency ({found})", "数据的币种（{found}）"),
    "settings.currency_none": ("none recorded", "未注明"),
    "settings.currency_mixed": ("The loaded tables record more than one currency ({codes}), so amounts are "
                                "shown without a symbol. Import deals and targets in one currency.",
                                "已加载的表记录了多种币种（{codes}），因此金额不显示币种符号。请以同一币种导入商机与目标。"),
    "settings.currency_mismatch": ("The loaded data records its amounts in {data}, so pages show {data}; "
                                   "{chosen} applies to data that records no currency. Re-import the files "
                                   "to convert them.",
                                   "已加载的数据以 {data} 记录金额，页面按 {data} 显示；{chosen} 仅用于未注明币种的"
                                   "数据。如需换算，请重新导入文件。"),
    "settings.kpi": ("KPI weights (revenue / satisfaction / collaboration)", "考核权重（收入 / 满意度 / 协作）"),
    "settings.w_revenue": ("Revenue", "收入"),
    "settings.w_satisfaction": ("Satisfaction", "满意度"),
    "settings.w_collaboration": ("Collaboration", "协作"),
    "settings.cap": ("Revenue score cap (attainment counted up to)", "收入得分上限（达成率最多计入）"),
    "settings.followup": ("Follow-up window after signing (days)", "签约后跟进时限（天）"),
    "settings.min_responses": ("Fewest survey responses to judge", "满意度评判的最少回复数"),
    "settings.min_responses_help": ("With fewer CSAT responses, satisfaction is left out of the KPI score and the "
                                    "rank, the commission plan's CSAT gate does not apply, and the report says so.",
                                    "满意度回复少于此数时：考核得分与排名不计满意度，提成方案的满意度门槛不适用，报表中注明。"),
    "settings.default_period": ("Pages open on", "页面默认期间"),
    "settings.default_period.current": ("The current period (calendar)", "当前期间（按日历）"),
    "settings.default_period.last_complete": ("The last complete period", "最近一个完整期间"),
    "settings.save": ("Save settings", "保存设置"),
    "settings.reset": ("Restore defaults", "恢复默认"),
    "settings.saved": ("Saved. Every page now uses these settings.", "已保存，所有页面已使用新设置。"),
    "settings.invalid": ("Not saved: {problems}", "未保存：{problems}"),
}
