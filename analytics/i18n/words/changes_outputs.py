"""Words of pipeline changes outside its page: the report's sheet, the meeting's slide and the
Data page's dated series of exports."""

WORDS: dict[str, dict[str, str]] = {
    "report.sheet.changes": {"en": "Pipeline changes", "zh": "商机变化", "zh-Hant": "商機變化"},
    "report.contents.changes": {
        "en": "What moved in the period's pipeline: the waterfall, stage moves, pushes by rep and serial slips",
        "zh": "本期在途商机的变化：瀑布图、阶段推进与回退、各销售代表的延期及多次延期商机",
        "zh-Hant": "本期在途商機的變化：瀑布圖、階段推進與回退、各銷售代表的延期及多次延期商機",
    },
    "report.sec.changes": {
        "en": "Pipeline changes in the period", "zh": "本期商机变化", "zh-Hant": "本期商機變化"},
    "report.note.changes": {
        "en": "Open deals closing from {start} to {end}, compared between the snapshot of {before} and the snapshot of {after}.",
        "zh": "成交日期在 {start} 至 {end} 之间的进行中商机，比较 {before} 的快照与 {after} 的快照。",
        "zh-Hant": "成交日期在 {start} 至 {end} 之間的進行中商機，比較 {before} 的快照與 {after} 的快照。",
    },
    "report.note.changes_none": {
        "en": "No pipeline changes: there are not two snapshots of the deals in this period. Each publish of deals is a snapshot; publish at least one at the start and one at the end of the period.",
        "zh": "没有商机变化：本期没有两个商机快照。每次发布商机数据即生成一个快照；请至少在期初和期末各发布一次。",
        "zh-Hant": "沒有商機變化：本期沒有兩個商機快照。每次發佈商機資料即產生一個快照；請至少在期初和期末各發佈一次。",
    },
    "report.note.changes_filters": {
        "en": "These changes cover every deal: the report's filters are not applied to the snapshots.",
        "zh": "此处的变化涵盖全部商机：报告的筛选条件不适用于快照。",
        "zh-Hant": "此處的變化涵蓋全部商機：報告的篩選條件不適用於快照。",
    },
    "report.sec.changes_chart_data": {
        "en": "The chart's bars (an invisible base, then the rise or the fall)",
        "zh": "图表的柱（不可见的底座，加上增加或减少的部分）",
        "zh-Hant": "圖表的柱（不可見的底座，加上增加或減少的部分）",
    },
    "report.sec.changes_moves": {"en": "Stage moves", "zh": "阶段变动", "zh-Hant": "階段變動"},
    "report.sec.changes_by_rep": {
        "en": "Pushes by rep", "zh": "各销售代表的延期", "zh-Hant": "各銷售代表的延期"},
    "report.sec.changes_slips": {
        "en": "Serial slips (pushed two or more times)", "zh": "多次延期（延期两次及以上）",
        "zh-Hant": "多次延期（延期兩次及以上）"},
    "report.col.bucket": {"en": "Change", "zh": "变化", "zh-Hant": "變化"},
    "report.col.deals": {"en": "Deals", "zh": "商机数", "zh-Hant": "商機數"},
    "report.col.signed": {"en": "Effect on the pipeline", "zh": "对在途商机的影响", "zh-Hant": "對在途商機的影響"},
    "report.col.base": {"en": "Base (invisible)", "zh": "底座（不可见）", "zh-Hant": "底座（不可見）"},
    "report.col.up": {"en": "Rise", "zh": "增加", "zh-Hant": "增加"},
    "report.col.down": {"en": "Fall", "zh": "减少", "zh-Hant": "減少"},
    "report.col.direction": {"en": "Direction", "zh": "方向", "zh-Hant": "方向"},
    "report.chart.changes": {
        "en": "Pipeline waterfall", "zh": "商机瀑布图", "zh-Hant": "商機瀑布圖"},
    "meeting.slide.changes": {"en": "Pipeline changes", "zh": "商机变化", "zh-Hant": "商機變化"},
    "meeting.changes_line": {
        "en": "From {before} to {after}: {parts}.",
        "zh": "{before} 至 {after}：{parts}。",
        "zh-Hant": "{before} 至 {after}：{parts}。",
    },
    "meeting.changes_none": {
        "en": "No pipeline changes for {period}: there are not two snapshots of the deals to compare. Each publish of deals is a snapshot.",
        "zh": "{period}没有商机变化：没有两个可比较的商机快照。每次发布商机数据即生成一个快照。",
        "zh-Hant": "{period}沒有商機變化：沒有兩個可比較的商機快照。每次發佈商機資料即產生一個快照。",
    },
    "meeting.changes_note": {
        "en": "Open deals closing in {period}, from the snapshot taken at its start to the latest one taken by its end.",
        "zh": "成交日期在{period}的进行中商机，从期初的快照到期末前最新的快照。",
        "zh-Hant": "成交日期在{period}的進行中商機，從期初的快照到期末前最新的快照。",
    },
    "meeting.changes_filters": {
        "en": "The filters are not applied: snapshots cover every deal.",
        "zh": "筛选条件不适用：快照涵盖全部商机。",
        "zh-Hant": "篩選條件不適用：快照涵蓋全部商機。",
    },
    "meeting.changes_net": {
        "en": "the period's open pipeline {change}",
        "zh": "本期在途商机 {change}",
        "zh-Hant": "本期在途商機 {change}",
    },
    "data.tab.series": {"en": "Dated series", "zh": "按日期的系列导出", "zh-Hant": "按日期的系列匯出"},
    "data.series.intro": {
        "en": "Load several deals exports at once, e.g. twelve weekly files, to build the pipeline's history. Each file is dated by the date in its name (2026-03-01, 20260301, 2026_03_01, 01.03.2026) or by the date you enter, and published as one snapshot, oldest first; the newest becomes the team's deals.",
        "zh": "一次导入多个商机导出文件（例如十二周的周度文件），建立商机的历史。每个文件按文件名中的日期（2026-03-01、20260301、2026_03_01、01.03.2026）或您输入的日期确定日期，并按从早到晚的顺序各发布为一个快照；最新的一个成为团队的商机数据。",
        "zh-Hant": "一次匯入多個商機匯出檔案（例如十二週的週度檔案），建立商機的歷史。每個檔案按檔名中的日期（2026-03-01、20260301、2026_03_01、01.03.2026）或您輸入的日期確定日期，並按從早到晚的順序各發佈為一個快照；最新的一個成為團隊的商機資料。",
    },
    "data.series.uploader": {
        "en": "Deals exports, one per day exported", "zh": "商机导出文件（每个导出日一个）",
        "zh-Hant": "商機匯出檔案（每個匯出日一個）"},
    "data.series.detected": {
        "en": "date found in the name: {date}", "zh": "文件名中的日期：{date}", "zh-Hant": "檔名中的日期：{date}"},
    "data.series.undated": {
        "en": "no date in the name: enter it", "zh": "文件名中没有日期：请输入", "zh-Hant": "檔名中沒有日期：請輸入"},
    "data.series.date": {"en": "Export date of {file}", "zh": "{file} 的导出日期", "zh-Hant": "{file} 的匯出日期"},
    "data.series.not_deals": {
        "en": "{file}: not one deals table, so it cannot be a snapshot of the pipeline. Check its columns on the Upload tab.",
        "zh": "{file}：不是一个商机表，无法作为商机快照。请在“上传”页签检查其列。",
        "zh-Hant": "{file}：不是一個商機表，無法作為商機快照。請在「上傳」頁籤檢查其欄。",
    },
    "data.series.no_date": {
        "en": "No date for {files}: enter the day each was exported. Nothing is published until every file has a date.",
        "zh": "{files} 没有日期：请输入每个文件的导出日期。所有文件都有日期之前不会发布。",
        "zh-Hant": "{files} 沒有日期：請輸入每個檔案的匯出日期。所有檔案都有日期之前不會發佈。",
    },
    "data.series.same_day": {
        "en": "{files} are all dated {date}: one export per day. Correct a date or leave a file out.",
        "zh": "{files} 的日期都是 {date}：每天只能有一个导出。请更正日期或去掉一个文件。",
        "zh-Hant": "{files} 的日期都是 {date}：每天只能有一個匯出。請更正日期或去掉一個檔案。",
    },
    "data.series.confirm": {
        "en": "Snapshots to publish, oldest first", "zh": "将发布的快照（从早到晚）",
        "zh-Hant": "將發佈的快照（從早到晚）"},
    "data.series.col.date": {"en": "Export date", "zh": "导出日期", "zh-Hant": "匯出日期"},
    "data.series.col.file": {"en": "File", "zh": "文件", "zh-Hant": "檔案"},
    "data.series.col.deals": {"en": "Deals", "zh": "商机数", "zh-Hant": "商機數"},
    "data.series.publish": {
        "en": "Publish {n} snapshots", "zh": "发布 {n} 个快照", "zh-Hant": "發佈 {n} 個快照"},
    "data.series.publish_help": {
        "en": "Each file becomes one version of the team's data, in date order; the newest file's deals are the team's deals afterwards.",
        "zh": "每个文件按日期顺序成为团队数据的一个版本；之后团队的商机数据为最新文件中的商机。",
        "zh-Hant": "每個檔案按日期順序成為團隊資料的一個版本；之後團隊的商機資料為最新檔案中的商機。",
    },
    "data.series.published": {
        "en": "Published {n} snapshots, {first} to {last} (versions {v1}–{v2}).",
        "zh": "已发布 {n} 个快照，{first} 至 {last}（版本 {v1}–{v2}）。",
        "zh-Hant": "已發佈 {n} 個快照，{first} 至 {last}（版本 {v1}–{v2}）。",
    },
    "data.series.stopped": {
        "en": "Publishing stopped at {file}: {problem} Published before it: {done}.",
        "zh": "发布在 {file} 处停止：{problem} 此前已发布：{done}。",
        "zh-Hant": "發佈在 {file} 處停止：{problem} 此前已發佈：{done}。",
    },
    "changes.col.history": {"en": "History", "zh": "历史", "zh-Hant": "歷史"},
    "changes.history_link": {"en": "history", "zh": "查看历史", "zh-Hant": "查看歷史"},
    "changes.history_link_help": {
        "en": "The deal's stage, amount and close date in every snapshot (Pipeline changes)",
        "zh": "该商机在每个快照中的阶段、金额和预计成交日期（商机变化）",
        "zh-Hant": "該商機在每個快照中的階段、金額和預計成交日期（商機變化）",
    },
}
