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
    "open": "open", "opened": "open", "in progress": "open", "active": "open", "on hold": "open",
    # Odoo sale orders: a quotation is open, a confirmed sales order won, a cancelled one lost.
    "quotation": "open", "quotation sent": "open", "sales order": "won", "locked": "won",
    "cancelled": "lost", "canceled": "lost", "out-sold": "lost", "outsold": "lost",
    "无效": "lost", "已取消": "lost", "已关闭": "lost",
    "进行中": "open", "跟进中": "open", "未关闭": "open", "進行中": "open",
    "won": "won", "win": "won", "closed won": "won", "赢单": "won", "成交": "won", "贏單": "won",
    "lost": "lost", "closed lost": "lost", "输单": "lost", "丢单": "lost", "輸單": "lost",
}

# --- money: currencies and units ----------------------------------------------------------------

#: Headers of a currency column (deals and targets share them).
CURRENCY_HEADERS: tuple[str, ...] = (
    "currency", "currency code", "deal currency", "deal - currency", "deal - currency of value",
    "currency of value", "opportunity currency", "document currency", "transaction currency",
    "amount currency", "total amount currency", "currency_id", "currencyisocode",
    "币种", "币别", "货币", "结算币别", "结算币种", "交易币种", "幣別", "幣種", "貨幣",
)

#: Currency names, codes and symbols as they appear in cells and headers → ISO code.
CURRENCY_NAMES: dict[str, str] = {
    "cny": "CNY", "rmb": "CNY", "人民币": "CNY", "人民幣": "CNY", "元": "CNY", "yuan": "CNY",
    "chinese yuan": "CNY", "renminbi": "CNY", "¥": "CNY", "￥": "CNY",
    "usd": "USD", "us dollar": "USD", "us$": "USD", "美元": "USD", "dollar": "USD", "$": "USD",
    "eur": "EUR", "euro": "EUR", "欧元": "EUR", "歐元": "EUR", "€": "EUR",
    "gbp": "GBP", "pound sterling": "GBP", "british pound": "GBP", "英镑": "GBP", "£": "GBP",
    "jpy": "JPY", "yen": "JPY", "japanese yen": "JPY", "日元": "JPY", "円": "JPY",
    "hkd": "HKD", "hk$": "HKD", "港元": "HKD", "港币": "HKD", "港幣": "HKD", "hong kong dollar": "HKD",
    "twd": "TWD", "nt$": "TWD", "ntd": "TWD", "新台币": "TWD", "新台幣": "TWD", "台币": "TWD",
    "inr": "INR", "₹": "INR", "rupee": "INR", "indian rupee": "INR",
    "sgd": "SGD", "s$": "SGD", "新加坡元": "SGD", "aud": "AUD", "a$": "AUD", "澳元": "AUD",
    "cad": "CAD", "c$": "CAD", "加元": "CAD", "chf": "CHF", "krw": "KRW", "₩": "KRW", "韩元": "KRW",
    "brl": "BRL", "r$": "BRL", "mxn": "MXN", "rub": "RUB", "₽": "RUB", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "zar": "ZAR", "aed": "AED", "sar": "SAR", "thb": "THB", "myr": "MYR", "idr": "IDR",
    "php": "PHP", "vnd": "VND", "nzd": "NZD", "pln": "PLN", "czk": "CZK", "huf": "HUF", "try": "TRY",
}

#: Multipliers a header may state for its money values (``合同金额（万元）``, ``Amount (k)``).
UNIT_FACTORS: dict[str, float] = {
    "元": 1.0, "千元": 1e3, "万元": 1e4, "萬元": 1e4, "十万元": 1e5, "百万元": 1e6, "百萬元": 1e6,
    "千万元": 1e7, "亿元": 1e8, "億元": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3, "亿": 1e8, "億": 1e8,
    "k": 1e3, "'000": 1e3, "000s": 1e3, "000": 1e3, "thousands": 1e3, "in thousands": 1e3,
    "m": 1e6, "mm": 1e6, "mn": 1e6, "millions": 1e6, "in millions": 1e6,
}


def currency_code(text: object) -> str | None:
    """The ISO code a cell or header fragment names (``人民币`` → CNY, ``US Dollar`` → USD), else None."""
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", str(text)).strip().lower()
    # "US Dollars", "Euros": the plural names the same currency.
    return CURRENCY_NAMES.get(folded) or (CURRENCY_NAMES.get(folded[:-1]) if folded.endswith("s") else None)


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
_CURRENCY = _c("currency", "text", *CURRENCY_HEADERS,
               description="ISO 4217 code of the amounts (CNY, USD, EUR …), the same on every row.")


DEALS = Table(
    "deals",
    (
        _c("deal_id", "text",
           "deal id", "opportunity id", "opportunity_id", "opp id", "record id", "id",
           "deal - pipedrive system id", "deal - id", "order id", "order no", "order number",
           "invoice id", "invoice number", "invoice no", "contract id", "contract no",
           "商机编号", "商机id", "机会编号", "订单号", "订单编号", "单号", "合同号", "合同编号",
           "编号", "商機編號", "訂單編號", "合約編號", "商机编码", "单据编号", "销售订单编号", "销售单号",
           "销货单号", "銷貨單號", "房号", "房间编号", "num", "document number", "doc no", "salesordernumber",
           "sales order number", "order reference", "transaction id", "record id", "deal - id",
           # A deal's name is the last resort: Salesforce and Odoo reports often carry no id.
           "opportunity name", "deal name", "deal_name", "deal - title", "opportunity", "title", "topic",
           "name", "商机名称", "机会名称", "销售机会名称", "商機名稱", "项目名称",
           required=True, description="Unique per opportunity; repeats are order lines in a sales list."),
        _c("customer", "text",
           "customer", "customer name", "account", "account name", "company", "company name",
           "organization", "organisation", "organization - name", "deal - organization",
           "associated company", "client", "partner", "partner_id", "buyer",
           "potential customer", "billing name", "customer/vendor name", "bill to", "sold-to party", "reseller",
           "客户", "客户名称", "客户名", "公司名称", "买方姓名", "客户姓名", "客户简称", "购买方", "單位名稱", "客戶",
           "客戶名稱", "客戶簡稱"),
        _c("rep", "text",
           "rep", "sales rep", "sales representative", "salesperson", "sales person",
           "sales agent", "sales_agent", "agent", "owner", "opportunity owner", "deal owner",
           "deal - owner", "owner name", "account owner", "user_id", "assigned to", "seller",
           "employee", "employee name", "sr_id", "sales_rep",
           "销售代表", "销售", "销售人员", "销售员", "业务员", "负责人", "跟进人", "所属销售",
           "销售姓名", "销售人员填写分机", "所有人", "业务人员", "业务代表", "置业顾问", "客户经理", "销售经理",
           "sales employee", "sales consultant", "account manager", "user", "assignee", "responsible",
           "responsible person", "assigned user", "销售负责人", "归属人",
           "銷售代表", "業務員", "負責人", "銷售人員", "業務人員", "業務代表", "負責業務", "銷售員",
           required=True),
        _c("team", "text",
           "team", "sales team", "team_id", "manager", "sales manager", "group", "department",
           "团队", "销售团队", "小组", "部门", "所属团队", "所属部门", "销售部门", "负责人主属部门", "團隊",
           "銷售團隊", "部門", "所屬部門"),
        _c("region", "text",
           "region", "territory", "territory region", "regional office", "area", "state",
           "province", "country", "country/region", "sales region", "sales territory",
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
           "campaign_source", "campaign", "marketing source", "original source type",
           "线索来源", "来源", "客户来源", "来源类型", "机会来源", "商机来源", "線索來源", "來源", "客戶來源"),
        _c("product", "text",
           "product", "product name", "item", "sku", "product line", "lineitem name", "item name",
           "产品", "产品名称", "商品", "商品名称", "意向产品", "存货名称", "物料名称", "品名", "產品", "產品名稱", "商品名稱"),
        _c("stage", "text",
           "stage", "deal stage", "deal_stage", "deal - stage", "deal - stage pipeline",
           "stage_id", "sales stage", "pipeline stage", "opportunity stage",
           "pipeline phase",
           "阶段", "销售阶段", "商机阶段", "项目阶段", "项目阶段必填", "阶段名称", "跟进阶段", "階段", "銷售階段",
           "商機階段",
           required=True,
           description="Required for a pipeline; a file with neither stage nor status is a sales list."),
        _c("status", "status",
           "status", "deal status", "deal - status", "state of deal", "won/lost", "outcome",
           "状态", "商机状态", "赢单/输单", "結果", "狀態", "商機狀態"),
        _c("amount", "number",
           "amount", "deal amount", "deal value", "deal - value", "value", "close value",
           "close_value", "total amount", "opportunity amount", "revenue", "sales", "sales amount",
           "total", "total price", "price", "net amount", "expected revenue",
           "est revenue", "estimated revenue", "document total", "total due", "grand total", "salesamount",
           "income", "opportunity value", "contract value",
           "金额", "合同金额", "销售额", "成交金额", "实际成交金额", "总价", "订单金额", "销售金额", "商机金额",
           "预计金额", "预计签单金额", "销售订单金额", "价税合计", "含税金额", "项目预算", "收入",
           "金額", "合約金額", "銷售額", "預估金額", "含稅金額", "價稅合計", "成交金額", "訂單金額",
           required=True, minimum=0.0),
        _c("quantity", "number",
           "quantity", "qty", "units", "unit count", "volume", "order quantity", "lineitem quantity",
           "数量", "件数", "台数", "销售数量", "數量", "銷售數量",
           minimum=0.0),
        _c("created_date", "date",
           "created date", "create date", "created", "created on", "creation date",
           "deal - creation date", "create_date", "created time", "engage date", "engage_date",
           "first contact date", "first_contact_date", "opened date", "date created",
           "deal created", "created at",
           "创建日期", "创建时间", "添加时间", "立项日期", "录入日期", "登记日期", "认购日期", "建立日期", "創建日期",
           "建立時間"),
        _c("close_date", "date",
           "close date", "closing date", "closed date", "closed on", "deal - closed on", "actual close date",
           "date_closed", "close_date", "closing_date", "invoice date", "order date", "sale date",
           "date of sale", "posting date", "paid at", "document date", "transaction date", "date",
           "成交日期", "签约日期", "签订日期", "关闭日期", "签单日期", "结单日期", "结束日期", "成交时间",
           "订单日期", "下单日期", "单据日期", "销货日期", "网签日期", "日期",
           "網簽日期", "認購日期", "成交時間", "簽約日期", "結案日期", "銷貨日期", "訂單日期", "結單日期"),
        _c("probability", "probability",
           "probability", "probability %", "deal - probability", "win probability", "likelihood",
           "deal probability",
           "赢单概率", "成交概率", "赢率", "赢单率", "成功率", "概率", "可能性", "贏單機率", "贏率"),
        _c("lost_reason", "text",
           "lost reason", "loss reason", "deal - lost reason", "reason lost", "closed lost reason",
           "closed lost reason", "输单原因", "丢单原因", "失败原因", "輸單原因"),
        _c("lost_stage", "text",
           "lost stage", "stage lost", "lost at stage", "输单阶段", "丢单阶段", "輸單階段"),
        _CURRENCY,
    ),
    key=("deal_id",),
    description="One row per opportunity or, in a sales list, per order line.",
)


#: Import-only date roles of a deal export (never stored): a vendor's expected close date, won time
#: and lost time become ``close_date`` by status (see the importer's ``_close_date_by_status``).
DEAL_DATE_ROLES: tuple[Column, ...] = (
    _c("expected_close_date", "date",
       "expected close date", "deal - expected close date", "expected closing", "date_deadline",
       "est close date", "estimated close date", "expected close", "forecast close date",
       "预计成交日期", "预计签单日期", "预计结单日期", "预计成交时间", "预计关闭日期",
       "預計成交日期", "預計結案日", "預計結案日期", "預計簽約日期",
       description="The close date of open deals only."),
    _c("won_date", "date",
       "won time", "deal - won time", "won date", "won_date", "won on", "date won",
       "赢单日期", "赢单时间", "贏單日期",
       description="The close date of won deals."),
    _c("lost_date", "date",
       "lost time", "deal - lost time", "lost date", "lost_date", "lost on", "date lost",
       "输单日期", "输单时间", "丢单日期", "輸單日期",
       description="The close date of lost deals."),
)
DEAL_DATE_ROLE_NAMES = tuple(c.name for c in DEAL_DATE_ROLES)


def stage_entry_column(stage_key: str) -> str:
    """Name of the optional stage-entry date column for a stage, e.g. ``entered_negotiation``."""
    return f"entered_{stage_key}"


TARGETS = Table(
    "targets",
    (
        _c("period", "period",
           "period", "month", "quarter", "year", "quota date", "quotadate", "target period",
           "fiscal period", "date", "start date", "from", "forecast period", "goal period",
           "月份", "期间", "月度", "季度", "年度", "年份", "日期", "考核月份", "考核期间", "考核周期", "周期",
           "目标月份", "期間", "週期",
           required=True),
        _c("rep", "text",
           "rep", "sales rep", "salesperson", "sales person", "sales agent", "owner", "employee",
           "employeeid", "employee id", "businessentityid", "user", "quota owner", "goal owner", "assigned to",
           "assignee", "owner name", "name",
           "销售代表", "销售", "销售人员", "业务员", "负责人", "姓名", "目标对象", "考核对象", "所有人",
           "銷售代表", "業務員", "業務代表", "業務人員", "銷售人員"),
        _c("team", "text",
           "team", "sales team", "manager", "group", "department",
           "团队", "销售团队", "小组", "部门", "所属部门", "销售部门", "團隊", "部門", "所屬部門"),
        _c("metric", "text",
           "metric", "measure", "kpi", "target type", "goal type", "goal metric", "goal definition",
           "指标", "目标类型", "指标类型", "指標", "目標類型"),
        _c("target", "number",
           "target", "quota", "salesquota", "sales quota", "goal", "target amount", "plan", "quota amount",
           "goal target", "goal value", "target value", "target money", "to reach",
           "业绩指标", "业绩目标", "销售指标", "任务指标",
           "目标", "目标值", "目标金额", "销售目标", "任务", "任务额", "销售任务", "指标值", "配额",
           "目標", "目標值", "目標金額", "銷售目標",
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
           "日期", "回复日期", "调查日期", "提交时间", "提交答卷时间", "答卷时间", "時間",
           required=True),
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
           "评价", "意见", "意见建议", "建议", "反馈", "备注", "評價", "意見"),
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

FX_RATES = Table(
    "fx_rates",
    (
        _c("currency", "text", "currency", "currency code", "from currency", "source currency",
           "币种", "币别", "货币", "幣別", required=True),
        _c("period", "period", "period", "month", "date", "valid from", "月份", "期间", "日期"),
        _c("rate", "number",
           "rate", "fx rate", "exchange rate", "rate to reporting currency", "conversion rate",
           "汇率", "折算汇率", "兑换率", "匯率", required=True, minimum=0.0),
    ),
    key=("currency", "period"),
    description="Rate that turns one unit of a currency into the reporting currency, per month "
                "(blank period: every month). Used to convert a file that mixes currencies.",
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DEALS, TARGETS, SURVEYS, PEER_REVIEWS, ACTIVITIES, CAMPAIGNS, MARKETS, FX_RATES)
}

#: Canonical columns that hold money (scaled by a unit in the header, converted between currencies).
MONEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "deals": ("amount",), "targets": ("target",), "campaigns": ("cost",), "markets": ("market_size",),
}

#: Canonical columns that the importer adds to every loaded table.
SOURCE_ROW = "source_row"


