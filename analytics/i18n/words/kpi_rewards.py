"""Words of kpi rewards."""

WORDS: dict[str, dict[str, str]] = {
    "kpi_rewards.title": {
        "en": "KPI & rewards",
        "zh": "考核与奖金",
        "zh-Hant": "考核與獎金",
    },
    "kpi_rewards.intro": {
        "en": "{period}: each rep's KPI score and why, the ranking, what the commission plan pays and what it costs, customer satisfaction and team collaboration.",
        "zh": "{period}：每位销售的考核得分及其构成、排名、提成方案的发放金额与总成本、客户满意度和团队协作。",
        "zh-Hant": "{period}：每位銷售的考核得分及其構成、排名、佣金方案的發放金額與總成本、客戶滿意度和團隊協作。",
    },
    "kpi_rewards.no_deals": {
        "en": "No deals are loaded: upload a deals export on the [[nav.data]] page to see revenue scores and payouts.",
        "zh": "尚未导入商机数据：请在“[[nav.data]]”页面上传商机导出文件，以查看收入得分和奖金。",
        "zh-Hant": "尚未匯入商機資料：請在「[[nav.data]]」頁面上傳商機匯出檔案，以檢視收入得分和獎金。",
    },
    "kpi_rewards.view": {
        "en": "View",
        "zh": "视图",
        "zh-Hant": "檢視",
    },
    "kpi_rewards.view.director": {
        "en": "Director",
        "zh": "销售总监",
        "zh-Hant": "銷售總監",
    },
    "kpi_rewards.view.rep": {
        "en": "One rep",
        "zh": "单个销售",
        "zh-Hant": "單個銷售",
    },
    "kpi_rewards.me_help.director": {
        "en": "The rep whose breakdown, payout working and what-if are shown below.",
        "zh": "下方显示其得分构成、奖金计算过程和假设测算的销售。",
        "zh-Hant": "下方顯示其得分構成、獎金計算過程和假設測算的銷售。",
    },
    "kpi_rewards.me_help.rep": {
        "en": "Only this rep's pay is shown.",
        "zh": "仅显示该销售本人的奖金。",
        "zh-Hant": "僅顯示該銷售本人的獎金。",
    },
    "kpi_rewards.show_pay": {
        "en": "Show pay figures",
        "zh": "显示奖金金额",
        "zh-Hant": "顯示獎金金額",
    },
    "kpi_rewards.show_pay_help": {
        "en": "Switch off before sharing your screen: every commission, team share and cost is hidden.",
        "zh": "共享屏幕前请关闭：所有提成、团队奖金和成本金额都会隐藏。",
        "zh-Hant": "共享螢幕前請關閉：所有佣金、團隊獎金和成本金額都會隱藏。",
    },
    "kpi_rewards.hidden": {
        "en": "hidden",
        "zh": "已隐藏",
        "zh-Hant": "已隱藏",
    },
    "kpi_rewards.card.leader": {
        "en": "Top KPI score",
        "zh": "考核得分第一",
        "zh-Hant": "考核得分第一",
    },
    "kpi_rewards.card.leader_help": {
        "en": "KPI score {score} of 100.",
        "zh": "考核得分 {score}（满分 100）。",
        "zh-Hant": "考核得分 {score}（滿分 100）。",
    },
    "kpi_rewards.card.csat": {
        "en": "CSAT (responses: {n})",
        "zh": "客户满意度（{n} 份回复）",
        "zh-Hant": "客戶滿意度（{n} 份回覆）",
    },
    "kpi_rewards.card.nps": {
        "en": "NPS (responses: {n})",
        "zh": "净推荐值 NPS（{n} 份回复）",
        "zh-Hant": "淨推薦值 NPS（{n} 份回覆）",
    },
    "kpi_rewards.card.cost": {
        "en": "Total payout cost",
        "zh": "奖金总成本",
        "zh-Hant": "獎金總成本",
    },
    "kpi_rewards.card.commission": {
        "en": "Commission",
        "zh": "个人提成",
        "zh-Hant": "個人佣金",
    },
    "kpi_rewards.card.team_share_of": {
        "en": "Team bonus ({share} of the cost)",
        "zh": "团队奖金（占总成本 {share}）",
        "zh-Hant": "團隊獎金（佔總成本 {share}）",
    },
    "kpi_rewards.card.reps_paid": {
        "en": "Reps paid",
        "zh": "获得奖金的销售",
        "zh-Hant": "獲得獎金的銷售",
    },
    "kpi_rewards.card.n_of": {
        "en": "{n} of {of}",
        "zh": "{n} / {of} 人",
        "zh-Hant": "{n} / {of} 人",
    },
    "kpi_rewards.card.my_score": {
        "en": "KPI score",
        "zh": "考核得分",
        "zh-Hant": "考核得分",
    },
    "kpi_rewards.card.my_score_rank": {
        "en": "KPI score (rank {rank} of {of})",
        "zh": "考核得分（排名 {rank} / {of}）",
        "zh-Hant": "考核得分（排名 {rank} / {of}）",
    },
    "kpi_rewards.card.peer": {
        "en": "Peer score (reviewers: {n})",
        "zh": "同事互评（{n} 位评价人）",
        "zh-Hant": "同事互評（{n} 位評價人）",
    },
    "kpi_rewards.card.my_pay": {
        "en": "Payout",
        "zh": "应发奖金",
        "zh-Hant": "應發獎金",
    },
    "kpi_rewards.too_few": {
        "en": "too few to judge",
        "zh": "回复太少，不作评判",
        "zh-Hant": "回覆太少，不作評判",
    },
    "kpi_rewards.kpi.title": {
        "en": "KPI scores and ranking",
        "zh": "考核得分与排名",
        "zh-Hant": "考核得分與排名",
    },
    "kpi_rewards.kpi.how": {
        "en": "Score out of 100: revenue = attainment, counted up to {cap}; satisfaction = CSAT; collaboration = (mean peer score − 1) ÷ 4. Weights: {weights}. A part without data, or satisfaction from fewer than {min} responses, is left out and the other weights are scaled up to 100 % (the note column says so).",
        "zh": "满分 100：收入 = 目标达成率（最多计入 {cap}）；满意度 = 客户满意度 CSAT；协作 = （同事互评均分 − 1）÷ 4。权重：{weights}。某项没有数据、或满意度回复少于 {min} 份时不计入，其余权重按比例放大到 100 %（见“说明”列）。",
        "zh-Hant": "滿分 100：收入 = 目標達成率（最多計入 {cap}）；滿意度 = 客戶滿意度 CSAT；協作 = （同事互評均分 − 1）÷ 4。權重：{weights}。某項沒有資料、或滿意度回覆少於 {min} 份時不計入，其餘權重按比例放大到 100 %（見「說明」欄）。",
    },
    "kpi_rewards.kpi.empty": {
        "en": "No KPI scores for this period: they need targets (revenue), surveys (satisfaction) or peer reviews (collaboration). Upload those files on the [[nav.data]] page.",
        "zh": "本期没有考核得分：需要目标（收入）、满意度调查（满意度）或同事互评（协作）数据。请在“[[nav.data]]”页面上传这些文件。",
        "zh-Hant": "本期沒有考核得分：需要目標（收入）、滿意度調查（滿意度）或同事互評（協作）資料。請在「[[nav.data]]」頁面上傳這些檔案。",
    },
    "kpi_rewards.component.revenue": {
        "en": "Revenue",
        "zh": "收入",
        "zh-Hant": "收入",
    },
    "kpi_rewards.component.satisfaction": {
        "en": "Satisfaction",
        "zh": "满意度",
        "zh-Hant": "滿意度",
    },
    "kpi_rewards.component.collaboration": {
        "en": "Collaboration",
        "zh": "协作",
        "zh-Hant": "協作",
    },
    "kpi_rewards.note.left_out": {
        "en": "{parts} — weights used: {weights}",
        "zh": "{parts}——实际权重：{weights}",
        "zh-Hant": "{parts}——實際權重：{weights}",
    },
    "kpi_rewards.note.no_data": {
        "en": "No data for any part: no score",
        "zh": "各项均无数据：无得分",
        "zh-Hant": "各項均無資料：無得分",
    },
    "kpi_rewards.breakdown": {
        "en": "How {rep}'s score is made",
        "zh": "{rep} 的得分构成",
        "zh-Hant": "{rep} 的得分構成",
    },
    "kpi_rewards.breakdown_none": {
        "en": "This rep has no KPI data in this period.",
        "zh": "该销售本期没有考核数据。",
        "zh-Hant": "該銷售本期沒有考核資料。",
    },
    "kpi_rewards.included": {
        "en": "counted",
        "zh": "计入",
        "zh-Hant": "計入",
    },
    "kpi_rewards.left_out": {
        "en": "left out (no data)",
        "zh": "不计入（无数据）",
        "zh-Hant": "不計入（無資料）",
    },
    "kpi_rewards.col.rank": {
        "en": "Rank",
        "zh": "排名",
        "zh-Hant": "排名",
    },
    "kpi_rewards.col.kpi_score": {
        "en": "KPI score",
        "zh": "考核得分",
        "zh-Hant": "考核得分",
    },
    "kpi_rewards.col.note": {
        "en": "Note",
        "zh": "说明",
        "zh-Hant": "說明",
    },
    "kpi_rewards.col.component": {
        "en": "Part",
        "zh": "考核项",
        "zh-Hant": "考核項",
    },
    "kpi_rewards.col.score": {
        "en": "Score (0–100)",
        "zh": "得分（0–100）",
        "zh-Hant": "得分（0–100）",
    },
    "kpi_rewards.col.weight": {
        "en": "Weight",
        "zh": "权重",
        "zh-Hant": "權重",
    },
    "kpi_rewards.col.points": {
        "en": "Points",
        "zh": "折合分数",
        "zh-Hant": "折合分數",
    },
    "kpi_rewards.col.status": {
        "en": "Counted?",
        "zh": "是否计入",
        "zh-Hant": "是否計入",
    },
    "kpi_rewards.pay.title": {
        "en": "Payouts: {plan}",
        "zh": "奖金：{plan}",
        "zh-Hant": "獎金：{plan}",
    },
    "kpi_rewards.pay.how": {
        "en": "How this plan pays",
        "zh": "本方案如何计算奖金",
        "zh-Hant": "本方案如何計算獎金",
    },
    "kpi_rewards.pay.edit_in_settings": {
        "en": "The plan is edited on the [[nav.settings]] page.",
        "zh": "方案可在“[[nav.settings]]”页面修改。",
        "zh-Hant": "方案可在「[[nav.settings]]」頁面修改。",
    },
    "kpi_rewards.pay.hidden": {
        "en": "Pay figures are hidden. Switch on “Show pay figures” above to see them.",
        "zh": "奖金金额已隐藏。打开上方的“显示奖金金额”即可查看。",
        "zh-Hant": "獎金金額已隱藏。開啟上方的「顯示獎金金額」即可檢視。",
    },
    "kpi_rewards.pay.no_targets": {
        "en": "No rep has a target for this period, so nobody earns commission. Upload a targets file on the [[nav.data]] page.",
        "zh": "本期没有任何销售设定目标，因此没有提成。请在“[[nav.data]]”页面上传目标文件。",
        "zh-Hant": "本期沒有任何銷售設定目標，因此沒有佣金。請在「[[nav.data]]」頁面上傳目標檔案。",
    },
    "kpi_rewards.pay.filtered": {
        "en": "Payouts follow the sidebar filters: only the filtered deals count.",
        "zh": "奖金按侧边栏的筛选条件计算：只计入筛选后的商机。",
        "zh-Hant": "獎金按側邊欄的篩選條件計算：只計入篩選後的商機。",
    },
    "kpi_rewards.pay.distribution": {
        "en": "Cost per rep",
        "zh": "每位销售的奖金成本",
        "zh-Hant": "每位銷售的獎金成本",
    },
    "kpi_rewards.pay.all_lines": {
        "en": "Every rep's working, line by line",
        "zh": "所有销售的逐行计算过程",
        "zh-Hant": "所有銷售的逐行計算過程",
    },
    "kpi_rewards.pay.working": {
        "en": "{rep}'s payout, line by line",
        "zh": "{rep} 的奖金逐行计算",
        "zh-Hant": "{rep} 的獎金逐行計算",
    },
    "kpi_rewards.pay.not_listed": {
        "en": "This rep has no target and no won deal in this period: nothing to pay.",
        "zh": "该销售本期既无目标也无成交：没有奖金。",
        "zh-Hant": "該銷售本期既無目標也無成交：沒有獎金。",
    },
    "kpi_rewards.tier": {
        "en": "from {start} ({rate})",
        "zh": "{start} 起（{rate}）",
        "zh-Hant": "{start} 起（{rate}）",
    },
    "kpi_rewards.col.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "kpi_rewards.col.tier": {
        "en": "Tier reached",
        "zh": "达到档位",
        "zh-Hant": "達到檔位",
    },
    "kpi_rewards.col.commission": {
        "en": "Commission",
        "zh": "个人提成",
        "zh-Hant": "個人佣金",
    },
    "kpi_rewards.col.team_share": {
        "en": "Team bonus",
        "zh": "团队奖金",
        "zh-Hant": "團隊獎金",
    },
    "kpi_rewards.col.total": {
        "en": "Total",
        "zh": "合计",
        "zh-Hant": "合計",
    },
    "kpi_rewards.col.line": {
        "en": "Working",
        "zh": "计算过程",
        "zh-Hant": "計算過程",
    },
    "kpi_rewards.col.amount": {
        "en": "Amount",
        "zh": "金额",
        "zh-Hant": "金額",
    },
    "kpi_rewards.whatif.title": {
        "en": "What if {rep} wins more deals?",
        "zh": "如果 {rep} 再赢下几单？",
        "zh-Hant": "如果 {rep} 再贏下幾單？",
    },
    "kpi_rewards.whatif.pick": {
        "en": "Tick open deals expected to close this period ({n} open)",
        "zh": "勾选预计本期成交的在途商机（共 {n} 个）",
        "zh-Hant": "勾選預計本期成交的在途商機（共 {n} 個）",
    },
    "kpi_rewards.whatif.placeholder": {
        "en": "Choose deals",
        "zh": "选择商机",
        "zh-Hant": "選擇商機",
    },
    "kpi_rewards.whatif.no_deals": {
        "en": "No open deals are expected to close in {period}.",
        "zh": "没有预计在 {period} 成交的在途商机。",
        "zh-Hant": "沒有預計在 {period} 成交的在途商機。",
    },
    "kpi_rewards.whatif.extra": {
        "en": "Extra revenue",
        "zh": "新增收入",
        "zh-Hant": "新增收入",
    },
    "kpi_rewards.whatif.payout": {
        "en": "Payout",
        "zh": "奖金",
        "zh-Hant": "獎金",
    },
    "kpi_rewards.whatif.now": {
        "en": "Now",
        "zh": "目前",
        "zh-Hant": "目前",
    },
    "kpi_rewards.whatif.after": {
        "en": "With the ticked deals",
        "zh": "加上勾选的商机",
        "zh-Hant": "加上勾選的商機",
    },
    "kpi_rewards.whatif.payout_after": {
        "en": "Payout with the ticked deals",
        "zh": "加上勾选商机后的奖金",
        "zh-Hant": "加上勾選商機後的獎金",
    },
    "kpi_rewards.whatif.attainment_after": {
        "en": "Attainment with the ticked deals",
        "zh": "加上勾选商机后的达成率",
        "zh-Hant": "加上勾選商機後的達成率",
    },
    "kpi_rewards.whatif.now_was": {
        "en": "now {value}",
        "zh": "目前 {value}",
        "zh-Hant": "目前 {value}",
    },
    "kpi_rewards.whatif.working": {
        "en": "The new working, line by line",
        "zh": "新的逐行计算过程",
        "zh-Hant": "新的逐行計算過程",
    },
    "kpi_rewards.whatif.no_target": {
        "en": "This rep has no target for this period: more revenue earns no commission (only a team bonus can change).",
        "zh": "该销售本期没有目标：新增收入不产生提成（只有团队奖金可能变化）。",
        "zh-Hant": "該銷售本期沒有目標：新增收入不產生佣金（只有團隊獎金可能變化）。",
    },
    "kpi_rewards.whatif.no_amount": {
        "en": "no amount",
        "zh": "无金额",
        "zh-Hant": "無金額",
    },
    "kpi_rewards.sat.title": {
        "en": "Customer satisfaction",
        "zh": "客户满意度",
        "zh-Hant": "客戶滿意度",
    },
    "kpi_rewards.sat.by": {
        "en": "Group by",
        "zh": "分组",
        "zh-Hant": "分組",
    },
    "kpi_rewards.sat.how": {
        "en": "CSAT = share of ratings of 4 or 5 out of 5. NPS = % scoring 9–10 minus % scoring 0–6 (−100 to 100). Fewer than {n} responses: too few to judge (see Settings).",
        "zh": "客户满意度 CSAT = 5 分制中打 4 或 5 分的比例。净推荐值 NPS = 9–10 分的比例减去 0–6 分的比例（−100 至 100）。回复少于 {n} 份时不作评判（可在“[[nav.settings]]”中修改）。",
        "zh-Hant": "客戶滿意度 CSAT = 5 分制中打 4 或 5 分的比例。淨推薦值 NPS = 9–10 分的比例減去 0–6 分的比例（−100 至 100）。回覆少於 {n} 份時不作評判（可在「[[nav.settings]]」中修改）。",
    },
    "kpi_rewards.sat.none_period": {
        "en": "No survey responses in {period}.",
        "zh": "{period} 没有满意度调查回复。",
        "zh-Hant": "{period} 沒有滿意度問卷回覆。",
    },
    "kpi_rewards.sat.no_file": {
        "en": "No surveys are loaded: upload a surveys file (date, customer, rep, csat, nps, comment) on the [[nav.data]] page.",
        "zh": "尚未导入满意度调查：请在“[[nav.data]]”页面上传调查文件（日期、客户、销售、CSAT、NPS、评论）。",
        "zh-Hant": "尚未匯入滿意度調查：請在「[[nav.data]]」頁面上傳調查檔案（日期、客戶、銷售、CSAT、NPS、評論）。",
    },
    "kpi_rewards.col.responses": {
        "en": "Responses",
        "zh": "回复数",
        "zh-Hant": "回覆數",
    },
    "kpi_rewards.col.csat": {
        "en": "CSAT",
        "zh": "满意度 CSAT",
        "zh-Hant": "滿意度 CSAT",
    },
    "kpi_rewards.col.csat_n": {
        "en": "CSAT responses",
        "zh": "CSAT 回复数",
        "zh-Hant": "CSAT 回覆數",
    },
    "kpi_rewards.col.nps": {
        "en": "NPS",
        "zh": "净推荐值 NPS",
        "zh-Hant": "淨推薦值 NPS",
    },
    "kpi_rewards.col.nps_n": {
        "en": "NPS responses",
        "zh": "NPS 回复数",
        "zh-Hant": "NPS 回覆數",
    },
    "kpi_rewards.col.promoters": {
        "en": "Promoters (9–10)",
        "zh": "推荐者（9–10）",
        "zh-Hant": "推薦者（9–10）",
    },
    "kpi_rewards.col.passives": {
        "en": "Passives (7–8)",
        "zh": "中立者（7–8）",
        "zh-Hant": "中立者（7–8）",
    },
    "kpi_rewards.col.detractors": {
        "en": "Detractors (0–6)",
        "zh": "贬损者（0–6）",
        "zh-Hant": "貶損者（0–6）",
    },
    "kpi_rewards.col.judged": {
        "en": "Judged?",
        "zh": "是否评判",
        "zh-Hant": "是否評判",
    },
    "kpi_rewards.comments.title": {
        "en": "What customers said",
        "zh": "客户评论",
        "zh-Hant": "客戶評論",
    },
    "kpi_rewards.comments.search": {
        "en": "Search the comments",
        "zh": "搜索评论",
        "zh-Hant": "搜尋評論",
    },
    "kpi_rewards.comments.placeholder": {
        "en": "a word, e.g. price",
        "zh": "输入关键词，如 价格",
        "zh-Hant": "輸入關鍵詞，如 價格",
    },
    "kpi_rewards.comments.none": {
        "en": "No comments match.",
        "zh": "没有匹配的评论。",
        "zh-Hant": "沒有匹配的評論。",
    },
    "kpi_rewards.comments.count": {
        "en": "{n} comments, newest first",
        "zh": "共 {n} 条评论，最新的在前",
        "zh-Hant": "共 {n} 則評論，最新的在前",
    },
    "kpi_rewards.col.date": {
        "en": "Date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "kpi_rewards.col.comment": {
        "en": "Comment",
        "zh": "评论",
        "zh-Hant": "評論",
    },
    "kpi_rewards.collab.title": {
        "en": "Team collaboration",
        "zh": "团队协作",
        "zh-Hant": "團隊協作",
    },
    "kpi_rewards.collab.how": {
        "en": "Mean peer-review score (1–5) from the reviews covering this period.",
        "zh": "覆盖本期的同事互评平均分（1–5 分）。",
        "zh-Hant": "覆蓋本期的同事互評平均分（1–5 分）。",
    },
    "kpi_rewards.collab.none_period": {
        "en": "No peer reviews cover {period}.",
        "zh": "没有覆盖 {period} 的同事互评。",
        "zh-Hant": "沒有覆蓋 {period} 的同事互評。",
    },
    "kpi_rewards.collab.no_file": {
        "en": "No peer reviews are loaded: upload a peer reviews file (period, rep, reviewer, score) on the [[nav.data]] page.",
        "zh": "尚未导入同事互评：请在“[[nav.data]]”页面上传互评文件（期间、销售、评价人、分数）。",
        "zh-Hant": "尚未匯入同事互評：請在「[[nav.data]]」頁面上傳互評檔案（期間、銷售、評價人、分數）。",
    },
    "kpi_rewards.col.mean_score": {
        "en": "Mean peer score",
        "zh": "互评平均分",
        "zh-Hant": "互評平均分",
    },
    "kpi_rewards.col.reviewers": {
        "en": "Reviewers",
        "zh": "评价人数",
        "zh-Hant": "評價人數",
    },
    "kpi_rewards.col.reviews": {
        "en": "Reviews",
        "zh": "评价条数",
        "zh-Hant": "評價條數",
    },
    "kpi_rewards.note.no_data_for": {
        "en": "{parts} left out (no data)",
        "zh": "{parts}无数据，不计入",
        "zh-Hant": "{parts}無資料，不計入",
    },
    "kpi_rewards.note.too_few": {
        "en": "Satisfaction left out: {n} CSAT responses, fewer than {min} — too few to judge",
        "zh": "满意度不计入：仅 {n} 份满意度回复，少于 {min} 份，样本太少不作评判",
        "zh-Hant": "滿意度不計入：僅 {n} 份滿意度回覆，少於 {min} 份，樣本太少不作評判",
    },
    "kpi_rewards.left_out_too_few": {
        "en": "left out (too few responses)",
        "zh": "不计入（回复太少）",
        "zh-Hant": "不計入（回覆太少）",
    },
}
