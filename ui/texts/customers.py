"""Texts of the customers & follow-ups page: key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "customers.title": ("Customers & follow-ups", "客户与跟进"),
    "customers.intro": ("Whom to call this week, which signed customers were followed up, and each customer's "
                        "history. Follow-ups are as of {date}.",
                        "本周该联系谁、已签约客户是否得到跟进，以及每位客户的往来记录。跟进情况截至 {date}。"),
    "customers.no_customers": ("No customers in this data: the deals file has no customer column, or the "
                               "filters leave none. Upload a deals export with a customer name on the Data page.",
                               "当前数据中没有客户：商机文件没有客户列，或筛选后没有客户。请在“数据”页面上传含客户名称的"
                               "商机导出文件。"),
    "customers.no_activities": ("No activities are loaded, so follow-ups cannot be tracked. Upload an activities "
                                "export (date, sales rep, customer, type, next follow-up date) on the Data page.",
                                "尚未导入跟进记录，无法跟踪跟进情况。请在“数据”页面上传跟进记录导出文件（日期、销售代表、"
                                "客户、类型、下次跟进日期）。"),
    # cards
    "customers.card.customers": ("Customers", "客户数"),
    "customers.card.overdue": ("Overdue follow-ups", "逾期跟进"),
    "customers.card.overdue_help": ("Customers whose next follow-up date, set at the latest contact, has passed.",
                                    "最近一次联系时设定的下次跟进日期已过的客户。"),
    "customers.card.due": ("Due in the next {days} days", "未来 {days} 天内到期"),
    "customers.card.open": ("Customers with open deals", "有未结商机的客户"),
    # follow-ups
    "customers.section.followups": ("Follow-ups to make", "待办跟进"),
    "customers.followups.caption": ("The next follow-up set at each customer's latest contact. The sidebar "
                                    "filters choose the customers (those with a deal in the slice).",
                                    "按每位客户最近一次联系时设定的下次跟进日期。侧边栏筛选条件决定包含哪些客户"
                                    "（在筛选范围内有商机的客户）。"),
    "customers.followups.rep": ("Sales rep", "销售代表"),
    "customers.followups.overdue": ("Overdue", "已逾期"),
    "customers.followups.due": ("Due in the next {days} days", "未来 {days} 天内到期"),
    "customers.followups.none_overdue": ("Nothing overdue. Well done.", "没有逾期的跟进。"),
    "customers.followups.none_due": ("Nothing due in the next {days} days.", "未来 {days} 天内没有到期的跟进。"),
    "customers.col.customer": ("Customer", "客户"),
    "customers.col.rep": ("Sales rep", "销售代表"),
    "customers.col.followup_date": ("Follow-up date", "跟进日期"),
    "customers.col.when": ("When", "时间"),
    "customers.col.deal_id": ("Deal", "商机"),
    "customers.when.overdue": ("{days} days overdue", "逾期 {days} 天"),
    "customers.when.today": ("Due today", "今天到期"),
    "customers.when.in": ("In {days} days", "{days} 天后"),
    # coverage
    "customers.section.coverage": ("Are signed customers followed up?", "已签约客户是否得到跟进？"),
    "customers.coverage.caption": ("Customers won in {period}, per rep: the share with a follow-up activity "
                                   "within {days} days after signing (Settings). Deals signed less than {days} days "
                                   "ago without a follow-up yet are not judged.",
                                   "{period} 赢单的客户，按销售代表统计：签约后 {days} 天内（见设置）有跟进记录的比例。"
                                   "签约不足 {days} 天且尚未跟进的商机暂不评判。"),
    "customers.coverage.none": ("No customer was won in {period}.", "{period} 没有赢单客户。"),
    "customers.coverage.axis": ("Followed up", "已跟进比例"),
    "customers.col.won_customers": ("Customers won", "赢单客户"),
    "customers.col.followed_up": ("Followed up", "已跟进"),
    "customers.col.coverage": ("Coverage", "跟进率"),
    # customer list
    "customers.section.list": ("Customers", "客户列表"),
    "customers.list.caption": ("Lifetime won revenue counts every won deal; last contact is the latest activity, "
                               "deal creation or close. Satisfaction: CSAT = share of 4–5 answers, NPS from −100 "
                               "to 100. Click a column header to sort.",
                               "累计赢单收入含全部赢单商机；最近联系为最近一次跟进、商机创建或结单。满意度：CSAT = 4–5 分"
                               "的比例，NPS 取值 −100 到 100。点击列标题可排序。"),
    "customers.search": ("Search customers", "搜索客户"),
    "customers.search_placeholder": ("Part of a name", "输入名称的一部分"),
    "customers.sort": ("Sort by", "排序"),
    "customers.sort.lifetime_won": ("Lifetime revenue", "累计赢单收入"),
    "customers.sort.overdue": ("Overdue first", "逾期优先"),
    "customers.sort.next_followup": ("Next follow-up", "下次跟进"),
    "customers.sort.last_contact": ("Last contact (oldest first)", "最近联系（最早的在前）"),
    "customers.sort.csat": ("Satisfaction (lowest first)", "满意度（最低的在前）"),
    "customers.overdue_only": ("Overdue only", "仅显示逾期"),
    "customers.list.count": ("{shown} of {total} customers", "共 {total} 位客户，显示 {shown} 位"),
    "customers.col.lifetime_won": ("Lifetime won{unit}", "累计赢单{unit}"),
    "customers.col.deals_won": ("Deals won", "赢单数"),
    "customers.col.open_deals": ("Open deals", "未结商机"),
    "customers.col.open_amount": ("Open amount{unit}", "未结金额{unit}"),
    "customers.col.last_contact": ("Last contact", "最近联系"),
    "customers.col.next_followup": ("Next follow-up", "下次跟进"),
    "customers.col.overdue": ("Overdue", "逾期"),
    "customers.col.csat": ("CSAT", "CSAT"),
    "customers.col.nps": ("NPS", "NPS"),
    "customers.col.responses": ("Survey answers", "问卷数"),
    # timeline
    "customers.section.timeline": ("Customer history", "客户往来记录"),
    "customers.timeline.pick": ("Customer", "客户"),
    "customers.timeline.later": ("{n} later events (after {date}, the as-of day) are not shown.",
                                  "另有 {n} 条记录晚于截至日期 {date}，未显示。"),
    "customers.timeline.caption": ("Deals, activities and survey answers of {customer}, latest first.",
                                   "{customer} 的商机、跟进与问卷记录，最新的在前。"),
    "customers.timeline.empty": ("Nothing recorded for this customer yet.", "该客户暂无记录。"),
    "customers.col.date": ("Date", "日期"),
    "customers.col.kind": ("Type", "类别"),
    "customers.col.event": ("Event", "事件"),
    "customers.col.what": ("Details", "详情"),
    "customers.col.amount": ("Amount{unit}", "金额{unit}"),
    "customers.kind.deal": ("Deal", "商机"),
    "customers.kind.activity": ("Activity", "跟进"),
    "customers.kind.survey": ("Survey", "问卷"),
    "customers.event.created": ("Deal created", "创建商机"),
    "customers.event.won": ("Won", "赢单"),
    "customers.event.lost": ("Lost", "输单"),
    "customers.event.open": ("Open (no created date)", "进行中（无创建日期）"),
    "customers.event.survey": ("Survey answer", "问卷反馈"),
    "customers.event.activity": ("Activity", "跟进"),
    "customers.event.call": ("Call", "电话"),
    "customers.event.email": ("Email", "邮件"),
    "customers.event.visit": ("Visit", "拜访"),
    "customers.event.meeting": ("Meeting", "会议"),
    "customers.event.demo": ("Demo", "演示"),
    "customers.event.note": ("Note", "备注"),
    "customers.event.task": ("Task", "任务"),
    "customers.event.message": ("Message", "消息"),
}
