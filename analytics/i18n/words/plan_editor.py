"""Words of plan editor."""

WORDS: dict[str, dict[str, str]] = {
    "plan_editor.title": {
        "en": "Commission plan",
        "zh": "提成方案",
        "zh-Hant": "佣金方案",
    },
    "plan_editor.intro": {
        "en": "How commission and the team bonus are paid. The KPI & rewards page applies this plan to every rep; percentages are of the rep's target.",
        "zh": "提成和团队奖金的计算方式。“[[nav.kpi]]”页面对每位销售使用此方案；百分比均相对于销售的目标。",
        "zh-Hant": "佣金和團隊獎金的計算方式。「[[nav.kpi]]」頁面對每位銷售使用此方案；百分比均相對於銷售的目標。",
    },
    "plan_editor.in_use": {
        "en": "In use: **{name}** ({source}).",
        "zh": "正在使用：**{name}**（{source}）。",
        "zh-Hant": "正在使用：**{name}**（{source}）。",
    },
    "plan_editor.source.workspace": {
        "en": "saved for this workspace",
        "zh": "本工作区保存的方案",
        "zh-Hant": "本工作區儲存的方案",
    },
    "plan_editor.source.default": {
        "en": "the default plan",
        "zh": "默认方案",
        "zh-Hant": "預設方案",
    },
    "plan_editor.file_warnings": {
        "en": "The saved commission plan has notes:",
        "zh": "已保存的提成方案有以下提示：",
        "zh-Hant": "已儲存的佣金方案有以下提示：",
    },
    "plan_editor.tab.form": {
        "en": "Edit",
        "zh": "编辑",
        "zh-Hant": "編輯",
    },
    "plan_editor.tab.file": {
        "en": "YAML file",
        "zh": "YAML 文件",
        "zh-Hant": "YAML 檔案",
    },
    "plan_editor.name": {
        "en": "Plan name",
        "zh": "方案名称",
        "zh-Hant": "方案名稱",
    },
    "plan_editor.valid_from": {
        "en": "Valid from (month)",
        "zh": "生效月份",
        "zh-Hant": "生效月份",
    },
    "plan_editor.valid_to": {
        "en": "Valid to (month)",
        "zh": "截止月份",
        "zh-Hant": "截止月份",
    },
    "plan_editor.valid_help": {
        "en": "A month such as 2026-01; leave blank for no limit.",
        "zh": "填写月份，如 2026-01；留空表示不限。",
        "zh-Hant": "填寫月份，如 2026-01；留空表示不限。",
    },
    "plan_editor.payout_period": {
        "en": "Paid per",
        "zh": "发放周期",
        "zh-Hant": "發放週期",
    },
    "plan_editor.period.month": {
        "en": "Month",
        "zh": "月",
        "zh-Hant": "月",
    },
    "plan_editor.period.quarter": {
        "en": "Quarter",
        "zh": "季度",
        "zh-Hant": "季度",
    },
    "plan_editor.period.year": {
        "en": "Year",
        "zh": "年",
        "zh-Hant": "年",
    },
    "plan_editor.per.month": {
        "en": "per month",
        "zh": "每月",
        "zh-Hant": "每月",
    },
    "plan_editor.per.quarter": {
        "en": "per quarter",
        "zh": "每季度",
        "zh-Hant": "每季度",
    },
    "plan_editor.per.year": {
        "en": "per year",
        "zh": "每年",
        "zh-Hant": "每年",
    },
    "plan_editor.threshold": {
        "en": "Threshold (% of target)",
        "zh": "起付门槛（目标的 %）",
        "zh-Hant": "起付門檻（目標的 %）",
    },
    "plan_editor.threshold_help": {
        "en": "Below this attainment no commission is paid at all; 0 for none.",
        "zh": "达成率低于此值时不发提成；填 0 表示无门槛。",
        "zh-Hant": "達成率低於此值時不發佣金；填 0 表示無門檻。",
    },
    "plan_editor.mode": {
        "en": "Tiers pay",
        "zh": "档位计算方式",
        "zh-Hant": "檔位計算方式",
    },
    "plan_editor.mode.marginal": {
        "en": "each slice at its rate",
        "zh": "分段累进",
        "zh-Hant": "分段累進",
    },
    "plan_editor.mode.retroactive": {
        "en": "everything at the tier reached",
        "zh": "全额按所达档位",
        "zh-Hant": "全額按所達檔位",
    },
    "plan_editor.mode_help": {
        "en": "Each slice: revenue between two tiers is paid at that tier's rate. Everything: once a tier is reached, all revenue is paid at its rate.",
        "zh": "分段累进：两个档位之间的收入按该档费率计算。全额按所达档位：达到某档后，全部收入按该档费率计算。",
        "zh-Hant": "分段累進：兩個檔位之間的收入按該檔費率計算。全額按所達檔位：達到某檔後，全部收入按該檔費率計算。",
    },
    "plan_editor.tiers": {
        "en": "Tiers",
        "zh": "提成档位",
        "zh-Hant": "佣金檔位",
    },
    "plan_editor.tiers_help": {
        "en": "One row per tier: where it starts (attainment, % of target; the first starts at 0) and its commission rate. A rate for a tier above 100 % is an accelerator.",
        "zh": "每行一档：起点（达成率，目标的 %；第一档从 0 开始）和提成费率。100 % 以上的档位即加速档。",
        "zh-Hant": "每列一檔：起點（達成率，目標的 %；第一檔從 0 開始）和佣金費率。100 % 以上的檔位即加速檔。",
    },
    "plan_editor.col.from": {
        "en": "From (% of target)",
        "zh": "起点（目标的 %）",
        "zh-Hant": "起點（目標的 %）",
    },
    "plan_editor.col.rate": {
        "en": "Rate (%)",
        "zh": "费率（%）",
        "zh-Hant": "費率（%）",
    },
    "plan_editor.cap": {
        "en": "Most commission per rep and payout period{unit} (0 = no cap)",
        "zh": "每位销售每个发放周期的提成上限{unit}（0 表示不封顶）",
        "zh-Hant": "每位銷售每個發放週期的佣金上限{unit}（0 表示不封頂）",
    },
    "plan_editor.cap_help": {
        "en": "Limits the rep's own commission; the team bonus is added after it.",
        "zh": "只限制个人提成；团队奖金在封顶之后另加。",
        "zh-Hant": "只限制個人佣金；團隊獎金在封頂之後另加。",
    },
    "plan_editor.csat": {
        "en": "Customer satisfaction condition",
        "zh": "客户满意度条件",
        "zh-Hant": "客戶滿意度條件",
    },
    "plan_editor.gate": {
        "en": "Effect",
        "zh": "作用方式",
        "zh-Hant": "作用方式",
    },
    "plan_editor.gate.none": {
        "en": "None",
        "zh": "无",
        "zh-Hant": "無",
    },
    "plan_editor.gate.gate": {
        "en": "Gate",
        "zh": "门槛",
        "zh-Hant": "門檻",
    },
    "plan_editor.gate.multiplier": {
        "en": "Multiplier",
        "zh": "系数",
        "zh-Hant": "係數",
    },
    "plan_editor.gate_help": {
        "en": "Gate: a rep whose CSAT is below the level gets no commission. Multiplier: their commission is multiplied by the factor. A rep with fewer responses is not judged.",
        "zh": "门槛：满意度低于要求的销售不发提成。系数：其提成乘以系数。回复数不足的销售不作评判。",
        "zh-Hant": "門檻：滿意度低於要求的銷售不發佣金。係數：其佣金乘以係數。回覆數不足的銷售不作評判。",
    },
    "plan_editor.gate_level": {
        "en": "CSAT level (%)",
        "zh": "满意度要求（%）",
        "zh-Hant": "滿意度要求（%）",
    },
    "plan_editor.gate_factor": {
        "en": "Factor",
        "zh": "系数",
        "zh-Hant": "係數",
    },
    "plan_editor.gate_factor_help": {
        "en": "For the multiplier: e.g. 0.9 pays 90 % of the commission.",
        "zh": "用于系数方式：如 0.9 表示发放 90 % 的提成。",
        "zh-Hant": "用於係數方式：如 0.9 表示發放 90 % 的佣金。",
    },
    "plan_editor.gate_min_responses": {
        "en": "Judged from {n} responses (Settings)",
        "zh": "至少 {n} 份回复才评判（见“设置”）",
        "zh-Hant": "至少 {n} 份回覆才評判（見「設定」）",
    },
    "plan_editor.pool": {
        "en": "Team bonus (paid when the team reaches its target)",
        "zh": "团队奖金（团队达成目标时发放）",
        "zh-Hant": "團隊獎金（團隊達成目標時發放）",
    },
    "plan_editor.pool_kind": {
        "en": "Pool",
        "zh": "奖金池",
        "zh-Hant": "獎金池",
    },
    "plan_editor.pool.none": {
        "en": "None",
        "zh": "无",
        "zh-Hant": "無",
    },
    "plan_editor.pool.amount": {
        "en": "A fixed sum per team",
        "zh": "每个团队固定金额",
        "zh-Hant": "每個團隊固定金額",
    },
    "plan_editor.pool.share_of_excess": {
        "en": "A share of revenue above target",
        "zh": "超出目标部分收入的比例",
        "zh-Hant": "超出目標部分收入的比例",
    },
    "plan_editor.pool_amount": {
        "en": "Fixed sum per payout period{unit}",
        "zh": "每个发放周期的固定金额{unit}",
        "zh-Hant": "每個發放週期的固定金額{unit}",
    },
    "plan_editor.pool_share": {
        "en": "Share of the excess (%)",
        "zh": "超额部分比例（%）",
        "zh-Hant": "超額部分比例（%）",
    },
    "plan_editor.pool_split": {
        "en": "Split",
        "zh": "分配方式",
        "zh-Hant": "分配方式",
    },
    "plan_editor.split.equal": {
        "en": "equally",
        "zh": "平均分配",
        "zh-Hant": "平均分配",
    },
    "plan_editor.split.contribution": {
        "en": "by contribution",
        "zh": "按贡献分配",
        "zh-Hant": "按貢獻分配",
    },
    "plan_editor.save": {
        "en": "Save plan",
        "zh": "保存方案",
        "zh-Hant": "儲存方案",
    },
    "plan_editor.not_saved": {
        "en": "The plan was not saved:",
        "zh": "方案未保存：",
        "zh-Hant": "方案未儲存：",
    },
    "plan_editor.saved": {
        "en": "Saved “{name}”: the KPI & rewards page now uses it.",
        "zh": "已保存“{name}”：“[[nav.kpi]]”页面已使用该方案。",
        "zh-Hant": "已儲存「{name}」：「[[nav.kpi]]」頁面已使用該方案。",
    },
    "plan_editor.file_help": {
        "en": "Download the plan to keep or edit it as a file; upload a YAML or JSON plan to replace it. The format is described in `docs/commission_plan.md`.",
        "zh": "下载方案可保存或以文件方式编辑；上传 YAML 或 JSON 方案可替换当前方案。格式说明见 `docs/commission_plan.md`。",
        "zh-Hant": "下載方案可儲存或以檔案方式編輯；上傳 YAML 或 JSON 方案可替換目前方案。格式說明見 `docs/commission_plan.md`。",
    },
    "plan_editor.download": {
        "en": "Download the plan in use (YAML)",
        "zh": "下载正在使用的方案（YAML）",
        "zh-Hant": "下載正在使用的方案（YAML）",
    },
    "plan_editor.upload": {
        "en": "Upload a plan (YAML or JSON)",
        "zh": "上传方案（YAML 或 JSON）",
        "zh-Hant": "上傳方案（YAML 或 JSON）",
    },
    "plan_editor.upload_invalid": {
        "en": "{file} cannot be used as the commission plan:",
        "zh": "{file} 不能用作提成方案：",
        "zh-Hant": "{file} 不能用作佣金方案：",
    },
    "plan_editor.upload_valid": {
        "en": "{file} is a valid plan: “{name}” with {tiers} tiers.",
        "zh": "{file} 是有效方案：“{name}”，共 {tiers} 档。",
        "zh-Hant": "{file} 是有效方案：「{name}」，共 {tiers} 檔。",
    },
    "plan_editor.use_upload": {
        "en": "Use the uploaded plan",
        "zh": "使用上传的方案",
        "zh-Hant": "使用上傳的方案",
    },
    "plan_editor.reset": {
        "en": "Go back to the default plan",
        "zh": "恢复默认方案",
        "zh-Hant": "恢復預設方案",
    },
    "plan_editor.reset_done": {
        "en": "The default plan is in use again.",
        "zh": "已恢复使用默认方案。",
        "zh-Hant": "已恢復使用預設方案。",
    },
    "plan_editor.summary.tier": {
        "en": "{rate} from {start}",
        "zh": "{start} 起 {rate}",
        "zh-Hant": "{start} 起 {rate}",
    },
    "plan_editor.summary.mode.marginal": {
        "en": "Each slice of revenue is paid at its tier's rate: {tiers} of target.",
        "zh": "分段累进：每段收入按所在档位费率计算：{tiers}（相对目标）。",
        "zh-Hant": "分段累進：每段收入按所在檔位費率計算：{tiers}（相對目標）。",
    },
    "plan_editor.summary.mode.retroactive": {
        "en": "All revenue is paid at the rate of the highest tier reached: {tiers} of target.",
        "zh": "全部收入按达到的最高档位费率计算：{tiers}（相对目标）。",
        "zh-Hant": "全部收入按達到的最高檔位費率計算：{tiers}（相對目標）。",
    },
    "plan_editor.summary.threshold": {
        "en": "Below {threshold} attainment no commission is paid.",
        "zh": "达成率低于 {threshold} 时不发提成。",
        "zh-Hant": "達成率低於 {threshold} 時不發佣金。",
    },
    "plan_editor.summary.cap": {
        "en": "Commission is capped at {cap} {period}.",
        "zh": "个人提成上限为{period} {cap}。",
        "zh-Hant": "個人佣金上限為{period} {cap}。",
    },
    "plan_editor.summary.gate": {
        "en": "CSAT below {level} (with at least {n} responses): no commission.",
        "zh": "满意度低于 {level}（至少 {n} 份回复时评判）：不发提成。",
        "zh-Hant": "滿意度低於 {level}（至少 {n} 份回覆時評判）：不發佣金。",
    },
    "plan_editor.summary.multiplier": {
        "en": "CSAT below {level} (with at least {n} responses): commission × {factor}.",
        "zh": "满意度低于 {level}（至少 {n} 份回复时评判）：提成 × {factor}。",
        "zh-Hant": "滿意度低於 {level}（至少 {n} 份回覆時評判）：佣金 × {factor}。",
    },
    "plan_editor.summary.pool_amount": {
        "en": "A team that reaches its target shares {amount} {period}, {split}.",
        "zh": "团队达成目标时，{period}获得 {amount} 团队奖金，{split}。",
        "zh-Hant": "團隊達成目標時，{period}獲得 {amount} 團隊獎金，{split}。",
    },
    "plan_editor.summary.pool_share": {
        "en": "A team that reaches its target shares {share} of its revenue above target, {split}.",
        "zh": "团队达成目标时，获得超出目标部分收入的 {share} 作为团队奖金，{split}。",
        "zh-Hant": "團隊達成目標時，獲得超出目標部分收入的 {share} 作為團隊獎金，{split}。",
    },
    "plan_editor.summary.valid": {
        "en": "Valid from {start} to {end}.",
        "zh": "有效期：{start} 至 {end}。",
        "zh-Hant": "有效期：{start} 至 {end}。",
    },
}
