"""Words of customers."""

WORDS: dict[str, dict[str, str]] = {
    "customers.title": {
        "en": "Customers & follow-ups",
        "zh": "客户与跟进",
        "zh-Hant": "客戶與跟進",
    },
    "customers.intro": {
        "en": "Whom to call this week, which signed customers were followed up, and each customer's history. Follow-ups are as of {date}.",
        "zh": "本周该联系谁、已签约客户是否得到跟进，以及每位客户的往来记录。跟进情况截至 {date}。",
        "zh-Hant": "本週該聯絡誰、已簽約客戶是否得到跟進，以及每位客戶的往來記錄。跟進情況截至 {date}。",
    },
    "customers.no_customers": {
        "en": "No customers in this data: the deals file has no customer column, or the filters leave none. Upload a deals export with a customer name on the [[nav.data]] page.",
        "zh": "当前数据中没有客户：商机文件没有客户列，或筛选后没有客户。请在“[[nav.data]]”页面上传含客户名称的商机导出文件。",
        "zh-Hant": "目前資料中沒有客戶：商機檔案沒有客戶欄，或篩選後沒有客戶。請在「[[nav.data]]」頁面上傳含客戶名稱的商機匯出檔案。",
    },
    "customers.no_activities": {
        "en": "No activities are loaded, so follow-ups cannot be tracked. Upload an activities export (date, sales rep, customer, type, next follow-up date) on the [[nav.data]] page.",
        "zh": "尚未导入跟进记录，无法跟踪跟进情况。请在“[[nav.data]]”页面上传跟进记录导出文件（日期、销售代表、客户、类型、下次跟进日期）。",
        "zh-Hant": "尚未匯入跟進記錄，無法跟蹤跟進情況。請在「[[nav.data]]」頁面上傳跟進記錄匯出檔案（日期、銷售代表、客戶、類型、下次跟進日期）。",
    },
    "customers.card.customers": {
        "en": "Customers",
        "zh": "客户数",
        "zh-Hant": "客戶數",
    },
    "customers.card.overdue": {
        "en": "Overdue follow-ups",
        "zh": "逾期跟进",
        "zh-Hant": "逾期跟進",
    },
    "customers.card.overdue_help": {
        "en": "Customers whose next follow-up date, set at the latest contact, has passed.",
        "zh": "最近一次联系时设定的下次跟进日期已过的客户。",
        "zh-Hant": "最近一次聯絡時設定的下次跟進日期已過的客戶。",
    },
    "customers.card.due": {
        "en": "Due in the next {days} days",
        "zh": "未来 {days} 天内到期",
        "zh-Hant": "未來 {days} 天內到期",
    },
    "customers.card.open": {
        "en": "Customers with open deals",
        "zh": "有未结商机的客户",
        "zh-Hant": "有未結商機的客戶",
    },
    "customers.section.followups": {
        "en": "Follow-ups to make",
        "zh": "待办跟进",
        "zh-Hant": "待辦跟進",
    },
    "customers.followups.caption": {
        "en": "The next follow-up set at each customer's latest contact. The sidebar filters choose the customers (those with a deal in the slice).",
        "zh": "按每位客户最近一次联系时设定的下次跟进日期。侧边栏筛选条件决定包含哪些客户（在筛选范围内有商机的客户）。",
        "zh-Hant": "按每位客戶最近一次聯絡時設定的下次跟進日期。側邊欄篩選條件決定包含哪些客戶（在篩選範圍內有商機的客戶）。",
    },
    "customers.followups.rep": {
        "en": "Sales rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "customers.followups.overdue": {
        "en": "Overdue",
        "zh": "已逾期",
        "zh-Hant": "已逾期",
    },
    "customers.followups.due": {
        "en": "Due in the next {days} days",
        "zh": "未来 {days} 天内到期",
        "zh-Hant": "未來 {days} 天內到期",
    },
    "customers.followups.none_overdue": {
        "en": "Nothing overdue. Well done.",
        "zh": "没有逾期的跟进。",
        "zh-Hant": "沒有逾期的跟進。",
    },
    "customers.followups.none_due": {
        "en": "Nothing due in the next {days} days.",
        "zh": "未来 {days} 天内没有到期的跟进。",
        "zh-Hant": "未來 {days} 天內沒有到期的跟進。",
    },
    "customers.col.customer": {
        "en": "Customer",
        "zh": "客户",
        "zh-Hant": "客戶",
    },
    "customers.col.rep": {
        "en": "Sales rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "customers.col.followup_date": {
        "en": "Follow-up date",
        "zh": "跟进日期",
        "zh-Hant": "跟進日期",
    },
    "customers.col.when": {
        "en": "When",
        "zh": "时间",
        "zh-Hant": "時間",
    },
    "customers.col.deal_id": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "customers.when.overdue": {
        "en": "{days} days overdue",
        "zh": "逾期 {days} 天",
        "zh-Hant": "逾期 {days} 天",
    },
    "customers.when.today": {
        "en": "Due today",
        "zh": "今天到期",
        "zh-Hant": "今天到期",
    },
    "customers.when.in": {
        "en": "In {days} days",
        "zh": "{days} 天后",
        "zh-Hant": "{days} 天后",
    },
    "customers.section.coverage": {
        "en": "Are signed customers followed up?",
        "zh": "已签约客户是否得到跟进？",
        "zh-Hant": "已簽約客戶是否得到跟進？",
    },
    "customers.coverage.caption": {
        "en": "Customers won in {period}, per rep: the share with a follow-up activity within {days} days after signing (Settings). Deals signed less than {days} days ago without a follow-up yet are not judged.",
        "zh": "{period} 赢单的客户，按销售代表统计：签约后 {days} 天内（见设置）有跟进记录的比例。签约不足 {days} 天且尚未跟进的商机暂不评判。",
        "zh-Hant": "{period} 成交的客戶，按銷售代表統計：簽約後 {days} 天內（見設定）有跟進記錄的比例。簽約不足 {days} 天且尚未跟進的商機暫不評判。",
    },
    "customers.coverage.none": {
        "en": "No customer was won in {period}.",
        "zh": "{period} 没有赢单客户。",
        "zh-Hant": "{period} 沒有成交客戶。",
    },
    "customers.coverage.axis": {
        "en": "Followed up",
        "zh": "已跟进比例",
        "zh-Hant": "已跟進比例",
    },
    "customers.col.won_customers": {
        "en": "Customers won",
        "zh": "赢单客户",
        "zh-Hant": "成交客戶",
    },
    "customers.col.followed_up": {
        "en": "Followed up",
        "zh": "已跟进",
        "zh-Hant": "已跟進",
    },
    "customers.col.coverage": {
        "en": "Coverage",
        "zh": "跟进率",
        "zh-Hant": "跟進率",
    },
    "customers.section.list": {
        "en": "Customers",
        "zh": "客户列表",
        "zh-Hant": "客戶列表",
    },
    "customers.list.caption": {
        "en": "Lifetime won revenue counts every won deal; last contact is the latest activity, deal creation or close. Satisfaction: CSAT = share of 4–5 answers, NPS from −100 to 100. Click a column header to sort.",
        "zh": "累计赢单收入含全部赢单商机；最近联系为最近一次跟进、商机创建或结单。满意度：CSAT = 4–5 分的比例，NPS 取值 −100 到 100。点击列标题可排序。",
        "zh-Hant": "累計成交收入含全部成交商機；最近聯絡為最近一次跟進、商機建立或結單。滿意度：CSAT = 4–5 分的比例，NPS 取值 −100 到 100。點選欄標題可排序。",
    },
    "customers.search": {
        "en": "Search customers",
        "zh": "搜索客户",
        "zh-Hant": "搜尋客戶",
    },
    "customers.search_placeholder": {
        "en": "Part of a name",
        "zh": "输入名称的一部分",
        "zh-Hant": "輸入名稱的一部分",
    },
    "customers.sort": {
        "en": "Sort by",
        "zh": "排序",
        "zh-Hant": "排序",
    },
    "customers.sort.lifetime_won": {
        "en": "Lifetime revenue",
        "zh": "累计赢单收入",
        "zh-Hant": "累計成交收入",
    },
    "customers.sort.overdue": {
        "en": "Overdue first",
        "zh": "逾期优先",
        "zh-Hant": "逾期優先",
    },
    "customers.sort.next_followup": {
        "en": "Next follow-up",
        "zh": "下次跟进",
        "zh-Hant": "下次跟進",
    },
    "customers.sort.last_contact": {
        "en": "Last contact (oldest first)",
        "zh": "最近联系（最早的在前）",
        "zh-Hant": "最近聯絡（最早的在前）",
    },
    "customers.sort.csat": {
        "en": "Satisfaction (lowest first)",
        "zh": "满意度（最低的在前）",
        "zh-Hant": "滿意度（最低的在前）",
    },
    "customers.overdue_only": {
        "en": "Overdue only",
        "zh": "仅显示逾期",
        "zh-Hant": "僅顯示逾期",
    },
    "customers.list.count": {
        "en": "{shown} of {total} customers",
        "zh": "共 {total} 位客户，显示 {shown} 位",
        "zh-Hant": "共 {total} 位客戶，顯示 {shown} 位",
    },
    "customers.col.lifetime_won": {
        "en": "Lifetime won{unit}",
        "zh": "累计赢单{unit}",
        "zh-Hant": "累計成交{unit}",
    },
    "customers.col.deals_won": {
        "en": "Deals won",
        "zh": "赢单数",
        "zh-Hant": "成交數",
    },
    "customers.col.open_deals": {
        "en": "Open deals",
        "zh": "未结商机",
        "zh-Hant": "未結商機",
    },
    "customers.col.open_amount": {
        "en": "Open amount{unit}",
        "zh": "未结金额{unit}",
        "zh-Hant": "未結金額{unit}",
    },
    "customers.col.last_contact": {
        "en": "Last contact",
        "zh": "最近联系",
        "zh-Hant": "最近聯絡",
    },
    "customers.col.next_followup": {
        "en": "Next follow-up",
        "zh": "下次跟进",
        "zh-Hant": "下次跟進",
    },
    "customers.col.overdue": {
        "en": "Overdue",
        "zh": "逾期",
        "zh-Hant": "逾期",
    },
    "customers.col.csat": {
        "en": "CSAT",
        "zh": "CSAT",
        "zh-Hant": "CSAT",
    },
    "customers.col.nps": {
        "en": "NPS",
        "zh": "NPS",
        "zh-Hant": "NPS",
    },
    "customers.col.responses": {
        "en": "Survey answers",
        "zh": "问卷数",
        "zh-Hant": "問卷數",
    },
    "customers.section.timeline": {
        "en": "Customer history",
        "zh": "客户往来记录",
        "zh-Hant": "客戶往來記錄",
    },
    "customers.timeline.pick": {
        "en": "Customer",
        "zh": "客户",
        "zh-Hant": "客戶",
    },
    "customers.timeline.caption": {
        "en": "Deals, activities and survey answers of {customer}, latest first.",
        "zh": "{customer} 的商机、跟进与问卷记录，最新的在前。",
        "zh-Hant": "{customer} 的商機、跟進與問卷記錄，最新的在前。",
    },
    "customers.timeline.empty": {
        "en": "Nothing recorded for this customer yet.",
        "zh": "该客户暂无记录。",
        "zh-Hant": "該客戶暫無記錄。",
    },
    "customers.col.date": {
        "en": "Date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "customers.col.kind": {
        "en": "Type",
        "zh": "类别",
        "zh-Hant": "類別",
    },
    "customers.col.event": {
        "en": "Event",
        "zh": "事件",
        "zh-Hant": "事件",
    },
    "customers.col.what": {
        "en": "Details",
        "zh": "详情",
        "zh-Hant": "詳情",
    },
    "customers.col.amount": {
        "en": "Amount{unit}",
        "zh": "金额{unit}",
        "zh-Hant": "金額{unit}",
    },
    "customers.kind.deal": {
        "en": "Deal",
        "zh": "商机",
        "zh-Hant": "商機",
    },
    "customers.kind.activity": {
        "en": "Activity",
        "zh": "跟进",
        "zh-Hant": "跟進",
    },
    "customers.kind.survey": {
        "en": "Survey",
        "zh": "问卷",
        "zh-Hant": "問卷",
    },
    "customers.event.created": {
        "en": "Deal created",
        "zh": "创建商机",
        "zh-Hant": "建立商機",
    },
    "customers.event.won": {
        "en": "Won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "customers.event.lost": {
        "en": "Lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "customers.event.open": {
        "en": "Open (no created date)",
        "zh": "进行中（无创建日期）",
        "zh-Hant": "進行中（無建立日期）",
    },
    "customers.event.survey": {
        "en": "Survey answer",
        "zh": "问卷反馈",
        "zh-Hant": "問卷反饋",
    },
    "customers.event.activity": {
        "en": "Activity",
        "zh": "跟进",
        "zh-Hant": "跟進",
    },
    "customers.event.call": {
        "en": "Call",
        "zh": "电话",
        "zh-Hant": "電話",
    },
    "customers.event.email": {
        "en": "Email",
        "zh": "邮件",
        "zh-Hant": "郵件",
    },
    "customers.event.visit": {
        "en": "Visit",
        "zh": "拜访",
        "zh-Hant": "拜訪",
    },
    "customers.event.meeting": {
        "en": "Meeting",
        "zh": "会议",
        "zh-Hant": "會議",
    },
    "customers.event.demo": {
        "en": "Demo",
        "zh": "演示",
        "zh-Hant": "演示",
    },
    "customers.event.note": {
        "en": "Note",
        "zh": "备注",
        "zh-Hant": "備註",
    },
    "customers.event.task": {
        "en": "Task",
        "zh": "任务",
        "zh-Hant": "任務",
    },
    "customers.event.message": {
        "en": "Message",
        "zh": "消息",
        "zh-Hant": "訊息",
    },
    "customers.timeline.later": {
        "en": "{n} later events (after {date}, the as-of day) are not shown.",
        "zh": "另有 {n} 条记录晚于截至日期 {date}，未显示。",
        "zh-Hant": "另有 {n} 條記錄晚於截至日期 {date}，未顯示。",
    },
}
