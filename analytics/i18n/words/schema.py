"""Names of the canonical tables, columns and funnel stages (analytics/store/schema.py)."""

WORDS: dict[str, dict[str, str]] = {
    "table.deals": {
        "en": "Deals",
        "zh": "商机/订单",
        "zh-Hant": "商機/訂單",
    },
    "table.targets": {
        "en": "Targets",
        "zh": "目标",
        "zh-Hant": "目標",
    },
    "table.surveys": {
        "en": "Surveys",
        "zh": "满意度调查",
        "zh-Hant": "滿意度調查",
    },
    "table.peer_reviews": {
        "en": "Peer reviews",
        "zh": "互评",
        "zh-Hant": "互評",
    },
    "table.activities": {
        "en": "Activities",
        "zh": "跟进记录",
        "zh-Hant": "跟進記錄",
    },
    "table.campaigns": {
        "en": "Campaign costs",
        "zh": "推广费用",
        "zh-Hant": "推廣費用",
    },
    "table.markets": {
        "en": "Market sizes",
        "zh": "市场规模",
        "zh-Hant": "市場規模",
    },
    "column.deal_id": {
        "en": "Deal ID",
        "zh": "商机编号",
        "zh-Hant": "商機編號",
    },
    "column.customer": {
        "en": "Customer",
        "zh": "客户",
        "zh-Hant": "客戶",
    },
    "column.rep": {
        "en": "Sales rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "column.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "column.region": {
        "en": "Region",
        "zh": "区域",
        "zh-Hant": "區域",
    },
    "column.segment": {
        "en": "Segment",
        "zh": "细分市场",
        "zh-Hant": "市場區隔",
    },
    "column.channel": {
        "en": "Channel",
        "zh": "渠道",
        "zh-Hant": "通路",
    },
    "column.lead_source": {
        "en": "Lead source",
        "zh": "线索来源",
        "zh-Hant": "潛在客戶來源",
    },
    "column.product": {
        "en": "Product",
        "zh": "产品",
        "zh-Hant": "產品",
    },
    "column.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "column.status": {
        "en": "Status",
        "zh": "状态",
        "zh-Hant": "狀態",
    },
    "column.amount": {
        "en": "Amount",
        "zh": "金额",
        "zh-Hant": "金額",
    },
    "column.quantity": {
        "en": "Quantity",
        "zh": "数量",
        "zh-Hant": "數量",
    },
    "column.created_date": {
        "en": "Created",
        "zh": "创建日期",
        "zh-Hant": "建立日期",
    },
    "column.close_date": {
        "en": "Close date",
        "zh": "成交日期",
        "zh-Hant": "成交日期",
    },
    "column.probability": {
        "en": "Probability",
        "zh": "赢单概率",
        "zh-Hant": "成交機率",
    },
    "column.lost_reason": {
        "en": "Lost reason",
        "zh": "输单原因",
        "zh-Hant": "失單原因",
    },
    "column.lost_stage": {
        "en": "Stage when lost",
        "zh": "输单阶段",
        "zh-Hant": "失單階段",
    },
    "column.period": {
        "en": "Period",
        "zh": "期间",
        "zh-Hant": "期間",
    },
    "column.metric": {
        "en": "Metric",
        "zh": "指标",
        "zh-Hant": "指標",
    },
    "column.target": {
        "en": "Target",
        "zh": "目标值",
        "zh-Hant": "目標值",
    },
    "column.date": {
        "en": "Date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "column.csat": {
        "en": "CSAT (1–5)",
        "zh": "满意度 (1–5)",
        "zh-Hant": "滿意度 (1–5)",
    },
    "column.nps": {
        "en": "NPS (0–10)",
        "zh": "推荐度 (0–10)",
        "zh-Hant": "推薦度 (0–10)",
    },
    "column.comment": {
        "en": "Comment",
        "zh": "评价",
        "zh-Hant": "評價",
    },
    "column.reviewee": {
        "en": "Sales rep",
        "zh": "被评人",
        "zh-Hant": "被評人",
    },
    "column.reviewer": {
        "en": "Reviewer",
        "zh": "评价人",
        "zh-Hant": "評價人",
    },
    "column.score": {
        "en": "Score (1–5)",
        "zh": "评分 (1–5)",
        "zh-Hant": "評分 (1–5)",
    },
    "column.type": {
        "en": "Type",
        "zh": "类型",
        "zh-Hant": "類型",
    },
    "column.next_followup_date": {
        "en": "Next follow-up",
        "zh": "下次跟进",
        "zh-Hant": "下次跟進",
    },
    "column.note": {
        "en": "Note",
        "zh": "备注",
        "zh-Hant": "備註",
    },
    "column.cost": {
        "en": "Cost",
        "zh": "费用",
        "zh-Hant": "費用",
    },
    "column.market_size": {
        "en": "Market size",
        "zh": "市场规模",
        "zh-Hant": "市場規模",
    },
    "stage.prospecting": {
        "en": "Prospecting",
        "zh": "客户开拓",
        "zh-Hant": "客戶開拓",
    },
    "stage.communication": {
        "en": "Communication",
        "zh": "客户沟通",
        "zh-Hant": "客戶溝通",
    },
    "stage.negotiation": {
        "en": "Negotiation",
        "zh": "销售谈判",
        "zh-Hant": "銷售談判",
    },
    "stage.contract": {
        "en": "Contract signed",
        "zh": "签订合同",
        "zh-Hant": "簽訂合約",
    },
    "template.entered": {
        "en": "Entered {stage}",
        "zh": "进入{stage}",
        "zh-Hant": "進入{stage}",
    },
    "column.currency": {
        "en": "Currency",
        "zh": "币种",
        "zh-Hant": "幣種",
    },
    "table.fx_rates": {
        "en": "Exchange rates",
        "zh": "汇率",
        "zh-Hant": "匯率",
    },
    "column.expected_close_date": {
        "en": "Expected close date",
        "zh": "预计成交日期",
        "zh-Hant": "預計成交日期",
    },
    "column.won_date": {
        "en": "Won on",
        "zh": "赢单日期",
        "zh-Hant": "成交日期",
    },
    "column.lost_date": {
        "en": "Lost on",
        "zh": "输单日期",
        "zh-Hant": "失單日期",
    },
    "column.rate": {
        "en": "Rate to reporting currency",
        "zh": "折算汇率",
        "zh-Hant": "折算匯率",
    },
}
