"""One translation function for the whole app: ``t(key, **params)``.

The catalogue is ``TEXT`` (UI labels, below and in the ``ui/texts/<page>.py`` blocks merged here) plus
the library's problem messages (``analytics.messages.CATALOGUE``), so a message raised in
``analytics`` reads the same in the app and the CLI. ``tests/test_i18n.py`` fails when a key
lacks either language or a page uses a key that does not exist.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from analytics.messages import CATALOGUE

Lang = Literal["en", "zh"]
LANGS: dict[str, str] = {"en": "English", "zh": "简体中文"}

# key: (English, 简体中文)
TEXT: dict[str, tuple[str, str]] = {
    "app.name": ("Sales Performance", "销售业绩看板"),
    "app.tagline": ("Targets, pipeline, satisfaction and rewards from your own exports",
                    "用您自己的导出数据看目标、商机、满意度与激励"),
    # navigation
    "nav.overview": ("Overview", "业绩总览"),
    "nav.my_progress": ("My progress", "我的进度"),
    "nav.funnel": ("Funnel", "销售漏斗"),
    "nav.segments": ("Segments & channels", "细分市场与渠道"),
    "nav.kpi": ("KPI & rewards", "考核与奖金"),
    "nav.customers": ("Customers & follow-ups", "客户与跟进"),
    "nav.data": ("Data", "数据"),
    "nav.explore": ("Explore", "自助分析"),
    "nav.settings": ("Settings", "设置"),
    "nav.section.review": ("Review", "业绩"),
    "nav.section.analyse": ("Analyse", "分析"),
    "nav.section.manage": ("Manage", "管理"),
    # sidebar
    "sidebar.language": ("Language", "语言"),
    "sidebar.period": ("Period", "期间"),
    "sidebar.period_kind": ("Period type", "期间类型"),
    "period.month": ("Month", "月度"),
    "period.quarter": ("Quarter", "季度"),
    "period.ytd": ("Year to date", "年初至今"),
    "period.year": ("Full year", "全年"),
    "period.custom": ("Custom range", "自定义"),
    "sidebar.from": ("From", "开始"),
    "sidebar.to": ("To", "结束"),
    "sidebar.filters": ("Filters", "筛选"),
    "sidebar.clear_filters": ("Clear filters", "清除筛选"),
    "sidebar.all": ("All", "全部"),
    "dim.team": ("Team", "团队"),
    "dim.rep": ("Sales rep", "销售代表"),
    "dim.region": ("Region", "区域"),
    "dim.segment": ("Segment", "细分市场"),
    "dim.channel": ("Channel", "渠道"),
    "dim.lead_source": ("Lead source", "线索来源"),
    "dim.product": ("Product", "产品"),
    "dim.customer": ("Customer", "客户"),
    "dim.company": ("Company", "公司"),
    "dim.stage": ("Stage", "阶段"),
    "dim.month": ("Month", "月份"),
    "sidebar.share": ("Share this view", "分享当前视图"),
    "sidebar.link_note": ("The address bar holds this view: copy it to share exactly what you see.",
                          "地址栏包含当前视图，复制链接即可分享您看到的内容。"),
    "sidebar.ignored_param": ("Ignored from the link: {names} (not in the data).",
                              "链接中的 {names} 在数据中不存在，已忽略。"),
    "sidebar.as_of": ("Figures as of {date}", "数据截至 {date}"),
    # data banner
    "banner.sample": ("Sample company data: upload your exports on the Data page to see your own numbers.",
                      "当前为示例公司数据：在“数据”页面上传您的导出文件即可查看自己的数据。"),
    "banner.workspace": ("Team data published {when} (version {version}).",
                         "团队数据，发布于 {when}（版本 {version}）。"),
    "banner.session": ("Your uploaded files (only you see them until you publish): {files}.",
                       "您上传的文件（发布前仅您可见）：{files}。"),
    "banner.settings_problem": ("Settings file problem, defaults used: {problem}",
                                "设置文件有问题，已使用默认值：{problem}"),
    "common.no_data": ("No data for this selection.", "当前筛选条件下没有数据。"),
    "common.no_target": ("no target", "无目标"),
    "common.report": ("Monthly report (Excel)", "月度报告（Excel）"),
    "common.report_rep": ("My monthly report (Excel)", "我的月度报告（Excel）"),
    "common.include_pay": ("Include payouts", "包含奖金"),
    "common.download_csv": ("Download CSV", "下载 CSV"),
    "common.download_xlsx": ("Download Excel", "下载 Excel"),
    "common.xlsx_part": ("Rows in the Excel file", "Excel 文件中的行"),
    "common.rows_range": ("rows {first}–{last}", "第 {first}–{last} 行"),
    "common.rows_shown": ("The first {shown} of {total} rows are shown; the downloads hold them all.",
                          "显示前 {shown} 行，共 {total} 行；下载文件包含全部行。"),
    "common.error": ("Something went wrong on this page: {error}. The rest of the app still works; "
                     "try another period or filter, or reload.",
                     "此页面出错：{error}。应用其他部分不受影响；请尝试其他期间或筛选条件，或刷新页面。"),
    "common.coming": ("This page is being built: its figures are available from the command line "
                      "(`python -m analytics {command}`).",
                      "此页面正在建设中：可通过命令行查看相应数据（`python -m analytics {command}`）。"),
}


def _merge_page_texts() -> None:
    """Fold every ``ui/texts/<page>.py`` block into ``TEXT`` (a key may be defined once only)."""
    import importlib
    import pkgutil

    from ui import texts

    for info in pkgutil.iter_modules(texts.__path__):
        block: dict[str, tuple[str, str]] = importlib.import_module(f"ui.texts.{info.name}").TEXT
        clash = set(block) & set(TEXT)
        if clash:
            raise ValueError(f"ui/texts/{info.name}.py redefines {sorted(clash)}")
        TEXT.update(block)


_merge_page_texts()


_last_lang: Lang = "en"


def current_lang() -> Lang:
    """The session's language. Outside a script run (AppTest calls a widget's format_func from
    the test thread) there is no session: the language of the last run is used."""
    global _last_lang
    if get_script_run_ctx(suppress_warning=True) is None:
        return _last_lang
    lang: Lang = "zh" if st.session_state.get("lang") == "zh" else "en"
    _last_lang = lang
    return lang


def t(key: str, lang: Lang | None = None, **params: object) -> str:
    """The text of ``key`` in the current language, with ``params`` filled in."""
    lang = lang or current_lang()
    entry = TEXT.get(key)
    if entry is not None:
        template = entry[1] if lang == "zh" else entry[0]
    elif key in CATALOGUE:
        template = CATALOGUE[key].get(lang) or CATALOGUE[key]["en"]
    else:
        return key
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
