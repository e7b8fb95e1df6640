"""The canonical schema: every table the product understands, declared once.

This module is the single source of truth for column names, types, whether a column is
required, the header synonyms a file may use (English, simplified and traditional Chinese,
vendor exports from Salesforce, HubSpot, Pipedrive, Zoho and Odoo) and the stage vocabulary.
Import, validation, the blank templates and the README's format section all read it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["text", "number", "date", "period", "probability", "score", "status"]


@dataclass(frozen=True)
class Column:
    """One canonical column.

    ``synonyms`` are compared after :func:`normalise_header`, so case, spacing, punctuation
    and full-width characters do not matter.
    """

    name: str
    type: ColumnType
    label: str  # catalogue key of the column's name (``column.<name>``), translated at display
    required: bool = False
    synonyms: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    description: str = ""


@dataclass(frozen=True)
class Table:
    """One canonical table: its columns and the key that makes a row unique."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    # At least one column of each group must be mapped (e.g. csat or nps in surveys).
    one_of: tuple[tuple[str, ...], ...] = ()
    description: str = ""

    @property
    def label(self) -> str:
        """Catalogue key of the table's name."""
        return f"table.{self.name}"

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


# --- stages -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stage:
    key: str
    default_probability: float
    synonyms: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Catalogue key of the stage's name (``stage.<key>``)."""
        return f"stage.{self.key}"


#: The department's funnel, in order. ``contract`` (签订合同) is the won stage; follow-up
#: comes after the sale and is measured from activities, not as a deal stage.
STAGES: tuple[Stage, ...] = (
    Stage("prospecting", 0.10, (
        "prospecting", "prospect", "lead", "new", "qualification", "qualify", "qualified",
        "appointmentscheduled", "appointment scheduled", "qualifiedtobuy", "qualified to buy",
        "lead in", "contact made", "new lead", "discovery", "prospection",
        "客户开拓", "开拓", "线索", "潜在客户", "初步接洽", "初步接触", "客戶開拓", "線索",
    )),
    Stage("communication", 0.30, (
        "communication", "engaging", "engaged", "needs analysis", "needs assessment",
        "value proposition", "id. decision makers", "identify decision makers",
        "presentationscheduled", "presentation scheduled", "demo scheduled", "demo",
        "proposal", "proposal/price quote", "proposal made", "perception analysis",
        "decisionmakerboughtin", "decision maker bought-in", "solution", "meeting",
        "客户沟通", "沟通", "需求分析", "方案", "方案报价", "需求确认", "客戶溝通", "溝通",
    )),
    Stage("negotiation", 0.60, (
        "negotiation", "negotiation/review", "negotiating", "contractsent", "contract sent",
        "negotiations started", "commit", "closing", "verbal", "verbal commitment",
        "销售谈判", "谈判", "商务谈判", "合同审批", "銷售談判", "談判",
    )),
    Stage("contract", 1.0, (
        "contract", "contract signed", "closed won", "closedwon", "won", "win", "deal won",
        "signed", "closed-won", "closed/won", "order", "sold",
        "签订合同", "签约", "已签约", "赢单", "成交", "已成交", "签单", "簽訂合同", "贏單", "成交單",
    )),
)

WON_STAGE_KEY = "contract"

#: Stage names that mean a deal was lost.
LOST_SYNONYMS: tuple[str, ...] = (
    "lost", "closed lost", "closedlost", "closed-lost", "closed/lost", "lose", "deal lost",
    "dead", "disqualified", "unqualified", "cancelled", "canceled",
    "输单", "丢单", "失败", "已丢单", "关闭-失败", "輸單", "丟單",
)

STATUSES = ("open", "won", "lost")
STATUS_SYNONYMS: dict[str, str] = {
    "open": "open", "opened": "open", "in progress": "open", "active": "open",
    "进行中": "open", "跟进中": "open", "未关闭": "open", "進行中": "open",
    "won": "won", "win": "won", "closed won": "won", "赢单": "won", "成交": "won", "贏單": "won",
    "lost": "lost", "closed lost": "lost", "输单": "lost", "丢单": "lost", "輸單": "lost",
}

# --- header normalisation --------------------------------------------------------------------

_PUNCT = re.compile(r"[\s_\-./\\:;,*#()\[\]{}（）【】：，。、'\"?？!！%％]+")


def normalise_header(text: object) -> str:
    """Fold a header or stage label for comparison: NFKC, lower case, no spacing/punctuation."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    return _PUNCT.sub("", folded)


# --- tables ----------------------------------------------------------------------------------

def _c(name: str, type_: ColumnType, *syn: str, required: bool = False, label: str = "",
       minimum: float | None = None, maximum: float | None = None, description: str = "") -> Column:
    return Column(name, type_, label or f"column.{name}", required, tuple(syn), minimum, maximum, description)


# After import every amount of a table is in one currency, recorded on every row (NULL when the
# file did not say); the pages show that currency's symbol (analytics.outputs.numbers).
_CURRENCY = _c("currency", "text",
               "currency", "currency code", "币种", "货币", "幣種", "貨幣",
               description="ISO 4217 code of the amounts (CNY, USD, EUR …), the same on every row.")


DEALS = Table(
    "deals",
    (
        _c("deal_id", "text",
           "deal id", "opportunity id", "opportunity_id", "opp id", "record id", "id",
           "deal - pipedrive system id", "deal - id", "order id", "order no", "order number",
           "invoice id", "invoice number", "invoice no", "contract id", "contract no",
           "商机编号", "商机id", "机会编号", "订单号", "订单编号", "单号", "合同号", "合同编号",
           "编号", "商機編號", "訂單編號", "合約編號",
           # A deal's name is the last resort: Salesforce and Odoo reports often carry no id.
           "opportunity name", "deal name", "deal_name", "deal - title", "opportunity", "商机名称",
           required=True, description="Unique per opportunity; repeats are order lines in a sales list."),
        _c("customer", "text",
           "customer", "customer name", "account", "account name", "company", "company name",
           "organization", "organisation", "organization - name", "deal - organization",
           "associated company", "client", "partner", "partner_id", "buyer",
           "客户", "客户名称", "客户名", "公司名称", "买方姓名", "客户姓名", "單位名稱", "客戶", "客戶名稱"),
        _c("rep", "text",
           "rep", "sales rep", "sales representative", "salesperson", "sales person",
           "sales agent", "sales_agent", "agent", "owner", "opportunity owner", "deal owner",
           "deal - owner", "owner name", "account owner", "user_id", "assigned to", "seller",
           "employee", "employee name", "sr_id", "sales_rep",
           "销售代表", "销售", "销售人员", "销售员", "业务员", "负责人", "跟进人", "所属销售",
           "销售姓名", "销售人员填写分机", "銷售代表", "業務員", "負責人", "銷售人員",
           required=True),
        _c("team", "text",
           "team", "sales team", "team_id", "manager", "sales manager", "group", "department",
           "团队", "销售团队", "小组", "部门", "所属团队", "團隊", "銷售團隊", "部門"),
        _c("region", "text",
           "region", "territory", "territory region", "regional office", "area", "state",
           "province", "country", "country/region", "sales region",
           "区域", "地区", "大区", "片区", "所属省份", "所属省份必填", "省份", "區域", "地區"),
        _c("segment", "text",
           "segment", "market segment", "customer segment", "industry", "sector", "vertical",
           "business segment", "business_segment", "customer type",
           "细分市场", "市场细分", "行业", "客户类型", "客户行业", "細分市場", "行業"),
        _c("channel", "text",
           "channel", "sales channel", "route to market", "distribution channel",
           "渠道", "销售渠道", "通路", "銷售渠道"),
        _c("lead_source", "text",
           "lead source", "lead_source", "source", "original source", "origin", "campaign source",
           "campaign_source", "campaign", "marketing source",
           "线索来源", "来源", "客户来源", "来源类型", "線索來源", "來源"),
        _c("product", "text",
           "product", "product name", "item", "sku", "product line",
           "产品", "产品名称", "商品", "商品名称", "產品", "產品名稱"),
        _c("stage", "text",
           "stage", "deal stage", "deal_stage", "deal - stage", "deal - stage pipeline",
           "stage_id", "sales stage", "pipeline stage", "opportunity stage",
           "阶段", "销售阶段", "商机阶段", "项目阶段", "项目阶段必填", "阶段名称", "階段", "銷售階段",
           required=True,
           description="Required for a pipeline; a file with neither stage nor status is a sales list."),
        _c("status", "status",
           "status", "deal status", "deal - status", "state of deal", "won/lost", "outcome",
           "状态", "商机状态", "赢单/输单", "結果", "狀態"),
        _c("amount", "number",
           "amount", "deal amount", "deal value", "deal - value", "value", "close value",
           "close_value", "total amount", "opportunity amount", "revenue", "sales", "sales amount",
           "total", "total price", "price", "net amount", "expected revenue",
           "金额", "合同金额", "合同金额元", "销售额", "成交金额", "实际成交金额", "总价", "订单金额",
           "项目预算", "收入", "金額", "合約金額", "銷售額",
           required=True, minimum=0.0),
        _c("quantity", "number",
           "quantity", "qty", "units", "unit count", "volume", "数量", "件数", "台数", "數量",
           minimum=0.0),
        _c("created_date", "date",
           "created date", "create date", "created", "created on", "creation date",
           "deal - creation date", "create_date", "created time", "engage date", "engage_date",
           "first contact date", "first_contact_date", "opened date", "date created",
           "创建日期", "创建时间", "添加时间", "立项日期", "录入日期", "下单日期", "建立日期", "創建日期"),
        _c("close_date", "date",
           "close date", "closing date", "closed date", "closed on", "deal - closed on",
           "expected close date", "deal - expected close date", "expected closing",
           "date_deadline", "date_closed", "won date", "won_date", "deal - won time",
           "close_date", "closing_date", "invoice date", "order date", "sale date", "date of sale",
           "成交日期", "签约日期", "签订日期", "关闭日期", "预计成交日期", "签单日期", "網簽日期",
           "网签日期", "認購日期", "成交時間", "簽約日期"),
        _c("probability", "probability",
           "probability", "probability %", "deal - probability", "win probability", "likelihood",
           "赢单概率", "成交概率", "赢率", "概率", "可能性", "贏單機率"),
        _c("lost_reason", "text",
           "lost reason", "loss reason", "deal - lost reason", "reason lost", "closed lost reason",
           "输单原因", "丢单原因", "失败原因", "輸單原因"),
        _c("lost_stage", "text",
           "lost stage", "stage lost", "lost at stage", "输单阶段", "丢单阶段", "輸單階段"),
        _CURRENCY,
    ),
    key=("deal_id",),
    description="One row per opportunity or, in a sales list, per order line.",
)


def stage_entry_column(stage_key: str) -> str:
    """Name of the optional stage-entry date column for a stage, e.g. ``entered_negotiation``."""
    return f"entered_{stage_key}"


TARGETS = Table(
    "targets",
    (
        _c("period", "period",
           "period", "month", "quarter", "year", "quota date", "quotadate", "target period",
           "fiscal period", "date", "月份", "期间", "月度", "季度", "年度", "年份", "日期", "期間",
           required=True),
        _c("rep", "text",
           "rep", "sales rep", "salesperson", "sales person", "sales agent", "owner", "employee",
           "employeeid", "employee id", "businessentityid", "user",
           "销售代表", "销售", "销售人员", "业务员", "负责人", "姓名", "銷售代表", "業務員"),
        _c("team", "text",
           "team", "sales team", "manager", "group", "团队", "销售团队", "小组", "部门", "團隊"),
        _c("metric", "text",
           "metric", "measure", "kpi", "target type", "指标", "目标类型", "指標"),
        _c("target", "number",
           "target", "quota", "salesquota", "sales quota", "goal", "target amount", "plan",
           "目标", "目标值", "目标金额", "销售目标", "任务", "指标值", "配额", "目標", "目標值",
           required=True, minimum=0.0),
        _CURRENCY,
    ),
    key=("period", "rep", "team", "metric"),
    description="One row per owner and period; neither rep nor team is a company target.",
)

TARGET_METRICS = ("revenue", "units", "market_share", "new_customers")

SURVEYS = Table(
    "surveys",
    (
        _c("date", "date",
           "date", "response date", "submitted", "submitted at", "timestamp", "survey date",
           "日期", "回复日期", "调查日期", "提交时间", "時間", required=True),
        _c("customer", "text",
           "customer", "customer name", "account", "company", "客户", "客户名称", "客戶"),
        _c("rep", "text",
           "rep", "sales rep", "owner", "salesperson", "销售代表", "销售", "负责人", "銷售代表"),
        _c("deal_id", "text",
           "deal id", "opportunity id", "order id", "商机编号", "订单号", "合同号"),
        _c("csat", "score",
           "csat", "satisfaction", "customer satisfaction", "csat score", "rating",
           "满意度", "满意度评分", "客户满意度", "評分", "滿意度",
           minimum=1, maximum=5),
        _c("nps", "score",
           "nps", "nps score", "recommend", "likelihood to recommend", "how likely",
           "on a scale of 0-10", "0-10", "scale of 0 to 10",
           "推荐度", "推荐意愿", "净推荐值", "推薦度",
           minimum=0, maximum=10),
        _c("comment", "text",
           "comment", "comments", "feedback", "why", "verbatim", "remarks",
           "评价", "意见", "反馈", "备注", "評價", "意見"),
    ),
    one_of=(("csat", "nps"),),
    description="One row per customer response; at least one of csat and nps.",
)

PEER_REVIEWS = Table(
    "peer_reviews",
    (
        _c("period", "period",
           "period", "quarter", "month", "review period", "期间", "季度", "月份", "期間",
           required=True),
        _c("rep", "text",
           "rep", "reviewee", "sales rep", "employee", "被评人", "销售代表", "被評人", required=True,
           label="column.reviewee"),
        _c("reviewer", "text",
           "reviewer", "rated by", "评价人", "评分人", "評價人"),
        _c("score", "score",
           "score", "rating", "collaboration", "collaboration score", "评分", "协作评分", "分数", "評分",
           required=True, minimum=1, maximum=5),
    ),
    description="Team-collaboration ratings of reps by their colleagues.",
)

ACTIVITIES = Table(
    "activities",
    (
        _c("date", "date",
           "date", "activity date", "activity - due date", "due date", "visit date", "拜访时间",
           "日期", "跟进日期", "联系日期", "拜訪時間", required=True),
        _c("rep", "text",
           "rep", "owner", "sales rep", "assigned to", "销售代表", "销售", "跟进人", "負責人"),
        _c("customer", "text",
           "customer", "account", "company", "organization", "拜访客户", "客户", "客户名称", "客戶"),
        _c("deal_id", "text", "deal id", "opportunity id", "商机编号"),
        _c("type", "text",
           "type", "activity type", "activity - type", "subject", "类型", "跟进方式", "類型"),
        _c("next_followup_date", "date",
           "next followup date", "next follow-up", "next follow up date", "next step date",
           "下次联系时间", "下次跟进", "下次跟进日期", "下次聯繫時間"),
        _c("note", "text",
           "note", "notes", "note - content", "description", "备注", "联系记录", "跟进记录", "備註"),
    ),
    description="Calls, visits and follow-ups with customers.",
)

CAMPAIGNS = Table(
    "campaigns",
    (
        _c("period", "period", "period", "month", "date", "月份", "期间",
           required=True),
        _c("lead_source", "text",
           "lead source", "source", "campaign", "channel", "线索来源", "来源", "推广渠道",
           required=True),
        _c("cost", "number",
           "cost", "spend", "amount spent", "budget spent", "费用", "花费", "推广费用", "成本",
           required=True, minimum=0.0),
    ),
    description="Marketing spend per lead source and period (ads, promotions, trade shows).",
)

MARKETS = Table(
    "markets",
    (
        _c("period", "period", "period", "year", "month", "期间", "年度",
           required=True),
        _c("segment", "text", "segment", "market", "细分市场", "市场",
           required=True),
        _c("market_size", "number",
           "market size", "market_size", "tam", "market value", "市场规模", "市场容量",
           required=True, minimum=0.0),
    ),
    description="Total market size per segment and period, for market share.",
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DEALS, TARGETS, SURVEYS, PEER_REVIEWS, ACTIVITIES, CAMPAIGNS, MARKETS)
}

#: Canonical columns that the importer adds to every loaded table.
SOURCE_ROW = "source_row"


