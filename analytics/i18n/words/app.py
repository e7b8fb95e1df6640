"""Words of the app's frame: navigation, sidebar, data banner and the common words."""

WORDS: dict[str, dict[str, str]] = {
    "app.name": {
        "en": "Sales Performance",
        "zh": "销售业绩看板",
        "zh-Hant": "銷售業績看板",
    },
    "style.card_figure_size": {  # CSS, not words: a card's figure must fit its card in this language
        "en": "2.25rem",
        "zh": "min(2.25rem, 13.5cqi)",
        "zh-Hant": "min(2.25rem, 13.5cqi)",
    },
    "app.tagline": {
        "en": "Targets, pipeline, satisfaction and rewards from your own exports",
        "zh": "用您自己的导出数据看目标、商机、满意度与激励",
        "zh-Hant": "用您自己的匯出資料看目標、商機、滿意度與激勵",
    },
    "nav.overview": {
        "en": "Overview",
        "zh": "业绩总览",
        "zh-Hant": "業績總覽",
    },
    "nav.my_progress": {
        "en": "My progress",
        "zh": "我的进度",
        "zh-Hant": "我的進度",
    },
    "nav.funnel": {
        "en": "Funnel",
        "zh": "销售漏斗",
        "zh-Hant": "銷售漏斗",
    },
    "nav.segments": {
        "en": "Segments & channels",
        "zh": "细分市场与渠道",
        "zh-Hant": "市場區隔與通路",
    },
    "nav.kpi": {
        "en": "KPI & rewards",
        "zh": "考核与奖金",
        "zh-Hant": "考核與獎金",
    },
    "nav.customers": {
        "en": "Customers & follow-ups",
        "zh": "客户与跟进",
        "zh-Hant": "客戶與跟進",
    },
    "nav.data": {
        "en": "Data",
        "zh": "数据",
        "zh-Hant": "資料",
    },
    "nav.explore": {
        "en": "Explore",
        "zh": "自助分析",
        "zh-Hant": "自助分析",
    },
    "nav.settings": {
        "en": "Settings",
        "zh": "设置",
        "zh-Hant": "設定",
    },
    "nav.section.review": {
        "en": "Review",
        "zh": "业绩",
        "zh-Hant": "業績",
    },
    "nav.section.analyse": {
        "en": "Analyse",
        "zh": "分析",
        "zh-Hant": "分析",
    },
    "nav.section.manage": {
        "en": "Manage",
        "zh": "管理",
        "zh-Hant": "管理",
    },
    "sidebar.language": {
        "en": "Language",
        "zh": "语言",
        "zh-Hant": "語言",
    },
    "sidebar.period": {
        "en": "Period",
        "zh": "期间",
        "zh-Hant": "期間",
    },
    "sidebar.period_kind": {
        "en": "Period type",
        "zh": "期间类型",
        "zh-Hant": "期間類型",
    },
    "period.month": {
        "en": "Month",
        "zh": "月度",
        "zh-Hant": "月度",
    },
    "period.quarter": {
        "en": "Quarter",
        "zh": "季度",
        "zh-Hant": "季度",
    },
    "period.ytd": {
        "en": "Year to date",
        "zh": "年初至今",
        "zh-Hant": "年初至今",
    },
    "period.year": {
        "en": "Full year",
        "zh": "全年",
        "zh-Hant": "全年",
    },
    "period.custom": {
        "en": "Custom range",
        "zh": "自定义",
        "zh-Hant": "自訂",
    },
    "sidebar.from": {
        "en": "From",
        "zh": "开始",
        "zh-Hant": "開始",
    },
    "sidebar.to": {
        "en": "To",
        "zh": "结束",
        "zh-Hant": "結束",
    },
    "sidebar.filters": {
        "en": "Filters",
        "zh": "筛选",
        "zh-Hant": "篩選",
    },
    "sidebar.clear_filters": {
        "en": "Clear filters",
        "zh": "清除筛选",
        "zh-Hant": "清除篩選",
    },
    "sidebar.all": {
        "en": "All",
        "zh": "全部",
        "zh-Hant": "全部",
    },
    "dim.team": {
        "en": "Team",
        "zh": "团队",
        "zh-Hant": "團隊",
    },
    "dim.rep": {
        "en": "Sales rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "dim.region": {
        "en": "Region",
        "zh": "区域",
        "zh-Hant": "區域",
    },
    "dim.segment": {
        "en": "Segment",
        "zh": "细分市场",
        "zh-Hant": "市場區隔",
    },
    "dim.channel": {
        "en": "Channel",
        "zh": "渠道",
        "zh-Hant": "通路",
    },
    "dim.lead_source": {
        "en": "Lead source",
        "zh": "线索来源",
        "zh-Hant": "潛在客戶來源",
    },
    "dim.product": {
        "en": "Product",
        "zh": "产品",
        "zh-Hant": "產品",
    },
    "dim.customer": {
        "en": "Customer",
        "zh": "客户",
        "zh-Hant": "客戶",
    },
    "dim.company": {
        "en": "Company",
        "zh": "公司",
        "zh-Hant": "公司",
    },
    "dim.stage": {
        "en": "Stage",
        "zh": "阶段",
        "zh-Hant": "階段",
    },
    "dim.month": {
        "en": "Month",
        "zh": "月份",
        "zh-Hant": "月份",
    },
    "sidebar.share": {
        "en": "Share this view",
        "zh": "分享当前视图",
        "zh-Hant": "分享目前檢視",
    },
    "sidebar.link_note": {
        "en": "The address bar holds this view: copy it to share exactly what you see.",
        "zh": "地址栏包含当前视图，复制链接即可分享您看到的内容。",
        "zh-Hant": "位址列包含目前檢視，複製連結即可分享您看到的內容。",
    },
    "sidebar.ignored_param": {
        "en": "Ignored from the link: {names} (not in the data).",
        "zh": "链接中的 {names} 在数据中不存在，已忽略。",
        "zh-Hant": "連結中的 {names} 在資料中不存在，已忽略。",
    },
    "sidebar.as_of": {
        "en": "Figures as of {date}",
        "zh": "数据截至 {date}",
        "zh-Hant": "資料截至 {date}",
    },
    "banner.sample": {
        "en": "Sample company data: upload your exports on the [[nav.data]] page to see your own numbers.",
        "zh": "当前为示例公司数据：在“[[nav.data]]”页面上传您的导出文件即可查看自己的数据。",
        "zh-Hant": "目前為範例公司資料：在「[[nav.data]]」頁面上傳您的匯出檔案即可檢視自己的資料。",
    },
    "banner.workspace": {
        "en": "Team data published {when} (version {version}).",
        "zh": "团队数据，发布于 {when}（版本 {version}）。",
        "zh-Hant": "團隊資料，發布於 {when}（版本 {version}）。",
    },
    "banner.session": {
        "en": "Your uploaded files (only you see them until you publish): {files}.",
        "zh": "您上传的文件（发布前仅您可见）：{files}。",
        "zh-Hant": "您上傳的檔案（發布前僅您可見）：{files}。",
    },
    "banner.settings_problem": {
        "en": "Settings file problem, defaults used: {problem}",
        "zh": "设置文件有问题，已使用默认值：{problem}",
        "zh-Hant": "設定檔案有問題，已使用預設值：{problem}",
    },
    "common.no_data": {
        "en": "No data for this selection.",
        "zh": "当前筛选条件下没有数据。",
        "zh-Hant": "目前篩選條件下沒有資料。",
    },
    "common.no_target": {
        "en": "no target",
        "zh": "无目标",
        "zh-Hant": "無目標",
    },
    "common.report": {
        "en": "Monthly report (Excel)",
        "zh": "月度报告（Excel）",
        "zh-Hant": "月度報表（Excel）",
    },
    "common.report_rep": {
        "en": "My monthly report (Excel)",
        "zh": "我的月度报告（Excel）",
        "zh-Hant": "我的月度報表（Excel）",
    },
    "common.include_pay": {
        "en": "Include payouts",
        "zh": "包含奖金",
        "zh-Hant": "包含獎金",
    },
    "common.download_csv": {
        "en": "Download CSV",
        "zh": "下载 CSV",
        "zh-Hant": "下載 CSV",
    },
    "common.download_xlsx": {
        "en": "Download Excel",
        "zh": "下载 Excel",
        "zh-Hant": "下載 Excel",
    },
    "common.error": {
        "en": "Something went wrong on this page: {error}. The rest of the app still works; try another period or filter, or reload.",
        "zh": "此页面出错：{error}。应用其他部分不受影响；请尝试其他期间或筛选条件，或刷新页面。",
        "zh-Hant": "此頁面出錯：{error}。應用其他部分不受影響；請嘗試其他期間或篩選條件，或重新整理頁面。",
    },
    "common.coming": {
        "en": "This page is being built: its figures are available from the command line (`python -m analytics {command}`).",
        "zh": "此页面正在建设中：可通过命令行查看相应数据（`python -m analytics {command}`）。",
        "zh-Hant": "此頁面正在建設中：可通過命令列檢視相應資料（`python -m analytics {command}`）。",
    },
    "upload.button": {
        "en": "Upload",
        "zh": "上传",
        "zh-Hant": "上傳",
    },
    "upload.limit": {
        "en": "Up to {size} MB per file",
        "zh": "每个文件最大 {size} MB",
        "zh-Hant": "每個檔案最大 {size} MB",
    },
    "common.xlsx_part": {
        "en": "Rows in the Excel file",
        "zh": "Excel 文件中的行",
        "zh-Hant": "Excel 檔案中的列",
    },
    "common.rows_range": {
        "en": "rows {first}–{last}",
        "zh": "第 {first}–{last} 行",
        "zh-Hant": "第 {first}–{last} 列",
    },
    "common.rows_shown": {
        "en": "The first {shown} of {total} rows are shown; the downloads hold them all.",
        "zh": "显示前 {shown} 行，共 {total} 行；下载文件包含全部行。",
        "zh-Hant": "顯示前 {shown} 列，共 {total} 列；下載檔案包含全部列。",
    },
}
