"""Words of explore."""

WORDS: dict[str, dict[str, str]] = {
    "explore.title": {
        "en": "Explore",
        "zh": "自助分析",
        "zh-Hant": "自助分析",
    },
    "explore.intro": {
        "en": "Answer one-off questions from any loaded table: pivot it, join two tables, or query them in SQL. Explore works on whole tables: the sidebar's period and filters do not apply here; use the pivot's own filters.",
        "zh": "用任意已加载的表回答临时问题：做透视、合并两张表，或用 SQL 查询。自助分析作用于整张表，侧边栏的期间和筛选在此不生效，请使用透视表自带的筛选。",
        "zh-Hant": "用任意已載入的表回答臨時問題：做透視、合併兩張表，或用 SQL 查詢。自助分析作用於整張表，側邊欄的期間和篩選在此不生效，請使用透視表自帶的篩選。",
    },
    "explore.table": {
        "en": "Table",
        "zh": "数据表",
        "zh-Hant": "資料表",
    },
    "explore.table_option": {
        "en": "{table} · {rows} rows",
        "zh": "{table} · {rows} 行",
        "zh-Hant": "{table} · {rows} 列",
    },
    "explore.tables.title": {
        "en": "All loaded tables ({count})",
        "zh": "全部已加载的表（{count} 张）",
        "zh-Hant": "全部已載入的表（{count} 張）",
    },
    "explore.tables.name": {
        "en": "Table",
        "zh": "表名",
        "zh-Hant": "表名",
    },
    "explore.tables.origin": {
        "en": "What it is",
        "zh": "来源",
        "zh-Hant": "來源",
    },
    "explore.tables.rows": {
        "en": "Rows",
        "zh": "行数",
        "zh-Hant": "列數",
    },
    "explore.tables.columns": {
        "en": "Columns",
        "zh": "列数",
        "zh-Hant": "欄數",
    },
    "explore.tables.raw_hint": {
        "en": "A spreadsheet that matches none of these tables can be uploaded on the [[nav.data]] page: it appears here as a table of its own (`raw_…`), with its own columns.",
        "zh": "与上述表都不匹配的表格也可以在“[[nav.data]]”页面上传：它会以单独的表（`raw_…`）出现在这里，保留自己的列。",
        "zh-Hant": "與上述表都不匹配的表格也可以在「[[nav.data]]」頁面上傳：它會以單獨的表（`raw_…`）出現在這裡，保留自己的欄。",
    },
    "explore.origin.canonical": {
        "en": "Sales data",
        "zh": "销售数据",
        "zh-Hant": "銷售資料",
    },
    "explore.origin.raw": {
        "en": "Uploaded sheet, kept as it is",
        "zh": "上传的原始表格",
        "zh-Hant": "上傳的原始表格",
    },
    "explore.origin.derived": {
        "en": "Made here by a join (this session only)",
        "zh": "在此合并生成（仅本次会话）",
        "zh-Hant": "在此合併生成（僅本次工作階段）",
    },
    "explore.tab.pivot": {
        "en": "Pivot",
        "zh": "透视表",
        "zh-Hant": "透視表",
    },
    "explore.tab.join": {
        "en": "Join tables",
        "zh": "合并表",
        "zh-Hant": "合併表",
    },
    "explore.tab.sql": {
        "en": "SQL",
        "zh": "SQL 查询",
        "zh-Hant": "SQL 查詢",
    },
    "explore.views.title": {
        "en": "Saved views ({count})",
        "zh": "已保存的视图（{count}）",
        "zh-Hant": "已儲存的檢視（{count}）",
    },
    "explore.views.none": {
        "en": "No saved views yet. Build a pivot or a query, then use “Save view”.",
        "zh": "还没有保存的视图。先做一个透视表或查询，再点“保存视图”。",
        "zh-Hant": "還沒有儲存的檢視。先做一個透視表或查詢，再點「儲存檢視」。",
    },
    "explore.views.pick": {
        "en": "View",
        "zh": "视图",
        "zh-Hant": "檢視",
    },
    "explore.views.kind.pivot": {
        "en": "pivot",
        "zh": "透视表",
        "zh-Hant": "透視表",
    },
    "explore.views.kind.sql": {
        "en": "SQL query",
        "zh": "SQL 查询",
        "zh-Hant": "SQL 查詢",
    },
    "explore.views.open": {
        "en": "Open",
        "zh": "打开",
        "zh-Hant": "開啟",
    },
    "explore.views.delete": {
        "en": "Delete",
        "zh": "删除",
        "zh-Hant": "刪除",
    },
    "explore.views.link": {
        "en": "Link that opens this view:",
        "zh": "打开此视图的链接：",
        "zh-Hant": "開啟此檢視的連結：",
    },
    "explore.views.save": {
        "en": "Save view",
        "zh": "保存视图",
        "zh-Hant": "儲存檢視",
    },
    "explore.views.name": {
        "en": "Name of the view",
        "zh": "视图名称",
        "zh-Hant": "檢視名稱",
    },
    "explore.views.name_hint": {
        "en": "e.g. Won revenue by team",
        "zh": "例如：各团队赢单收入",
        "zh-Hant": "例如：各團隊成交收入",
    },
    "explore.views.save_button": {
        "en": "Save",
        "zh": "保存",
        "zh-Hant": "儲存",
    },
    "explore.views.save_help": {
        "en": "Saved in the team's workspace: everyone using this app can open it. A view with the same name is replaced.",
        "zh": "保存在团队工作区：使用本应用的所有人都能打开。同名视图将被替换。",
        "zh-Hant": "儲存在團隊工作區：使用本應用的所有人都能開啟。同名檢視將被替換。",
    },
    "explore.views.saved": {
        "en": "Saved the view “{name}”.",
        "zh": "已保存视图“{name}”。",
        "zh-Hant": "已儲存檢視「{name}」。",
    },
    "explore.views.replaced": {
        "en": "Replaced the saved view “{name}”.",
        "zh": "已替换视图“{name}”。",
        "zh-Hant": "已替換檢視「{name}」。",
    },
    "explore.views.save_failed": {
        "en": "The view could not be saved ({error}).",
        "zh": "视图保存失败（{error}）。",
        "zh-Hant": "檢視儲存失敗（{error}）。",
    },
    "explore.views.missing": {
        "en": "There is no saved view called “{name}”.",
        "zh": "没有名为“{name}”的已保存视图。",
        "zh-Hant": "沒有名為「{name}」的已儲存檢視。",
    },
    "explore.views.opened": {
        "en": "Opened the saved view “{name}”.",
        "zh": "已打开视图“{name}”。",
        "zh-Hant": "已開啟檢視「{name}」。",
    },
    "explore.views.deleted": {
        "en": "Deleted the saved view “{name}”.",
        "zh": "已删除视图“{name}”。",
        "zh-Hant": "已刪除檢視「{name}」。",
    },
    "explore.rows": {
        "en": "Rows",
        "zh": "行",
        "zh-Hant": "列",
    },
    "explore.columns": {
        "en": "Columns",
        "zh": "列",
        "zh-Hant": "欄",
    },
    "explore.pick_columns": {
        "en": "Choose columns",
        "zh": "选择列",
        "zh-Hant": "選擇欄",
    },
    "explore.value": {
        "en": "Value",
        "zh": "数值",
        "zh-Hant": "數值",
    },
    "explore.value.rows": {
        "en": "(number of rows)",
        "zh": "（行数）",
        "zh-Hant": "（列數）",
    },
    "explore.agg": {
        "en": "Aggregation",
        "zh": "汇总方式",
        "zh-Hant": "彙總方式",
    },
    "explore.agg.sum": {
        "en": "Sum",
        "zh": "求和",
        "zh-Hant": "求和",
    },
    "explore.agg.count": {
        "en": "Count",
        "zh": "计数",
        "zh-Hant": "計數",
    },
    "explore.agg.count_distinct": {
        "en": "Distinct count",
        "zh": "去重计数",
        "zh-Hant": "去重計數",
    },
    "explore.agg.mean": {
        "en": "Average",
        "zh": "平均值",
        "zh-Hant": "平均值",
    },
    "explore.agg.median": {
        "en": "Median",
        "zh": "中位数",
        "zh-Hant": "中位數",
    },
    "explore.agg.min": {
        "en": "Minimum",
        "zh": "最小值",
        "zh-Hant": "最小值",
    },
    "explore.agg.max": {
        "en": "Maximum",
        "zh": "最大值",
        "zh-Hant": "最大值",
    },
    "explore.agg.share": {
        "en": "Share of total",
        "zh": "占总计比例",
        "zh-Hant": "佔總計比例",
    },
    "explore.measure.sum": {
        "en": "Sum of {column}",
        "zh": "{column}合计",
        "zh-Hant": "{column}合計",
    },
    "explore.measure.count": {
        "en": "Count of {column}",
        "zh": "{column}计数",
        "zh-Hant": "{column}計數",
    },
    "explore.measure.count_distinct": {
        "en": "Distinct {column}",
        "zh": "{column}去重计数",
        "zh-Hant": "{column}去重計數",
    },
    "explore.measure.mean": {
        "en": "Average {column}",
        "zh": "{column}平均值",
        "zh-Hant": "{column}平均值",
    },
    "explore.measure.median": {
        "en": "Median {column}",
        "zh": "{column}中位数",
        "zh-Hant": "{column}中位數",
    },
    "explore.measure.min": {
        "en": "Lowest {column}",
        "zh": "{column}最小值",
        "zh-Hant": "{column}最小值",
    },
    "explore.measure.max": {
        "en": "Highest {column}",
        "zh": "{column}最大值",
        "zh-Hant": "{column}最大值",
    },
    "explore.measure.share": {
        "en": "Share of {column}",
        "zh": "{column}占比",
        "zh-Hant": "{column}佔比",
    },
    "explore.measure.rows": {
        "en": "Number of rows",
        "zh": "行数",
        "zh-Hant": "列數",
    },
    "explore.measure.share_rows": {
        "en": "Share of rows",
        "zh": "行数占比",
        "zh-Hant": "列數佔比",
    },
    "explore.filter_by": {
        "en": "Filter by",
        "zh": "筛选列",
        "zh-Hant": "篩選欄",
    },
    "explore.filter_all": {
        "en": "All values",
        "zh": "全部值",
        "zh-Hant": "全部值",
    },
    "explore.filter_hidden": {
        "en": "The {shown} most common values are listed; {hidden} rarer ones are not.",
        "zh": "仅列出最常见的 {shown} 个值，其余 {hidden} 个未列出。",
        "zh-Hant": "僅列出最常見的 {shown} 個值，其餘 {hidden} 個未列出。",
    },
    "explore.grain": {
        "en": "Dates by",
        "zh": "日期粒度",
        "zh-Hant": "日期粒度",
    },
    "explore.grain.day": {
        "en": "day",
        "zh": "日",
        "zh-Hant": "日",
    },
    "explore.grain.week": {
        "en": "week",
        "zh": "周",
        "zh-Hant": "周",
    },
    "explore.grain.month": {
        "en": "month",
        "zh": "月",
        "zh-Hant": "月",
    },
    "explore.grain.quarter": {
        "en": "quarter",
        "zh": "季度",
        "zh-Hant": "季度",
    },
    "explore.grain.year": {
        "en": "year",
        "zh": "年",
        "zh-Hant": "年",
    },
    "explore.sort": {
        "en": "Sort rows",
        "zh": "行排序",
        "zh-Hant": "列排序",
    },
    "explore.sort.label": {
        "en": "By name, A to Z",
        "zh": "按名称升序",
        "zh-Hant": "按名稱升序",
    },
    "explore.sort.desc_label": {
        "en": "By name, Z to A",
        "zh": "按名称降序",
        "zh-Hant": "按名稱降序",
    },
    "explore.sort.value": {
        "en": "Smallest first",
        "zh": "数值从小到大",
        "zh-Hant": "數值從小到大",
    },
    "explore.sort.desc_value": {
        "en": "Largest first",
        "zh": "数值从大到小",
        "zh-Hant": "數值從大到小",
    },
    "explore.totals": {
        "en": "Totals",
        "zh": "显示合计",
        "zh-Hant": "顯示合計",
    },
    "explore.total": {
        "en": "Total",
        "zh": "合计",
        "zh-Hant": "合計",
    },
    "explore.blank": {
        "en": "(blank)",
        "zh": "（空白）",
        "zh-Hant": "（空白）",
    },
    "explore.empty_table": {
        "en": "The table {table} has no rows. Upload a file for it on the [[nav.data]] page, or choose another table.",
        "zh": "表 {table} 没有数据。请在“[[nav.data]]”页面上传对应的文件，或选择其他表。",
        "zh-Hant": "表 {table} 沒有資料。請在「[[nav.data]]」頁面上傳對應的檔案，或選擇其他表。",
    },
    "explore.result_title": {
        "en": "{measure} by {dims}",
        "zh": "按{dims}的{measure}",
        "zh-Hant": "按{dims}的{measure}",
    },
    "explore.pick_rows_hint": {
        "en": "Choose rows or columns above to break this figure down.",
        "zh": "在上方选择行或列，即可拆分这个数字。",
        "zh-Hant": "在上方選擇列或欄，即可拆分這個數字。",
    },
    "explore.no_rows_match": {
        "en": "No rows match these filters.",
        "zh": "没有符合这些筛选条件的行。",
        "zh-Hant": "沒有符合這些篩選條件的列。",
    },
    "explore.chart": {
        "en": "Chart",
        "zh": "图表",
        "zh-Hant": "圖表",
    },
    "explore.chart.auto": {
        "en": "Automatic",
        "zh": "自动",
        "zh-Hant": "自動",
    },
    "explore.chart.bar": {
        "en": "Bars",
        "zh": "柱状图",
        "zh-Hant": "柱狀圖",
    },
    "explore.chart.line": {
        "en": "Lines",
        "zh": "折线图",
        "zh-Hant": "折線圖",
    },
    "explore.chart.area": {
        "en": "Areas",
        "zh": "面积图",
        "zh-Hant": "面積圖",
    },
    "explore.chart.heatmap": {
        "en": "Heat map",
        "zh": "热力图",
        "zh-Hant": "熱力圖",
    },
    "explore.chart.scatter": {
        "en": "Dots",
        "zh": "散点图",
        "zh-Hant": "散點圖",
    },
    "explore.chart_table": {
        "en": "Three or more dimensions make no readable chart by themselves: pick a chart type above, or read the table.",
        "zh": "三个及以上维度无法自动生成易读的图表：请在上方选择图表类型，或查看表格。",
        "zh-Hant": "三個及以上維度無法自動生成易讀的圖表：請在上方選擇圖表類型，或查看表格。",
    },
    "explore.chart_hidden_categories": {
        "en": "The chart leaves out the {count} smallest categories (or oldest dates); the table has them all.",
        "zh": "图表省略了最小的 {count} 个类别（或最早的日期）；表格中包含全部数据。",
        "zh-Hant": "圖表省略了最小的 {count} 個類別（或最早的日期）；表格中包含全部資料。",
    },
    "explore.chart_hidden_series": {
        "en": "The chart leaves out the {count} smallest series; the table has them all.",
        "zh": "图表省略了最小的 {count} 个系列；表格中包含全部数据。",
        "zh-Hant": "圖表省略了最小的 {count} 個系列；表格中包含全部資料。",
    },
    "explore.dropped_columns": {
        "en": "The table shows the {shown} columns with the largest totals; {dropped} smaller ones are left out.",
        "zh": "表格显示合计最大的 {shown} 列，其余 {dropped} 列未显示。",
        "zh-Hant": "表格顯示合計最大的 {shown} 欄，其餘 {dropped} 欄未顯示。",
    },
    "explore.join.intro": {
        "en": "Put two tables side by side on the columns they share (e.g. leads and the deals closed from them, on the lead ID). Preview first, then keep the result.",
        "zh": "按两张表共有的列把它们并在一起（例如按线索编号合并线索与由其成交的商机）。先预览，再保留结果。",
        "zh-Hant": "按兩張表共有的欄把它們並在一起（例如按潛在客戶編號合併潛在客戶與由其成交的商機）。先預覽，再保留結果。",
    },
    "explore.join.left": {
        "en": "First table",
        "zh": "第一张表",
        "zh-Hant": "第一張表",
    },
    "explore.join.right": {
        "en": "Second table",
        "zh": "第二张表",
        "zh-Hant": "第二張表",
    },
    "explore.join.one_table": {
        "en": "Only one table is loaded: upload another on the [[nav.data]] page to join them.",
        "zh": "目前只加载了一张表：请在“[[nav.data]]”页面再上传一张以便合并。",
        "zh-Hant": "目前只載入了一張表：請在「[[nav.data]]」頁面再上傳一張以便合併。",
    },
    "explore.join.left_keys": {
        "en": "Match on (first table)",
        "zh": "关联列（第一张表）",
        "zh-Hant": "關聯欄（第一張表）",
    },
    "explore.join.right_keys": {
        "en": "Match on (second table)",
        "zh": "关联列（第二张表）",
        "zh-Hant": "關聯欄（第二張表）",
    },
    "explore.join.how": {
        "en": "Keep",
        "zh": "保留",
        "zh-Hant": "保留",
    },
    "explore.join.how.left": {
        "en": "All rows of the first table",
        "zh": "第一张表的所有行",
        "zh-Hant": "第一張表的所有列",
    },
    "explore.join.how.inner": {
        "en": "Only rows that match",
        "zh": "仅匹配的行",
        "zh-Hant": "僅匹配的列",
    },
    "explore.join.how.full": {
        "en": "All rows of both",
        "zh": "两张表的所有行",
        "zh-Hant": "兩張表的所有列",
    },
    "explore.join.preview": {
        "en": "Preview the join",
        "zh": "预览合并结果",
        "zh-Hant": "預覽合併結果",
    },
    "explore.join.same_count": {
        "en": "Choose the same number of columns on both sides.",
        "zh": "请在两边选择相同数量的列。",
        "zh-Hant": "請在兩邊選擇相同數量的欄。",
    },
    "explore.join.rows": {
        "en": "Rows in the result",
        "zh": "结果行数",
        "zh-Hant": "結果列數",
    },
    "explore.join.matched_left": {
        "en": "First table: rows with a match",
        "zh": "第一张表：有匹配的行",
        "zh-Hant": "第一張表：有匹配的列",
    },
    "explore.join.summary": {
        "en": "{part} of the {whole} rows of the first table found a match.",
        "zh": "第一张表的 {whole} 行中有 {part} 行找到了匹配。",
        "zh-Hant": "第一張表的 {whole} 列中有 {part} 列找到了匹配。",
    },
    "explore.join.unmatched_left": {
        "en": "First table: rows without a match",
        "zh": "第一张表：无匹配的行",
        "zh-Hant": "第一張表：無匹配的列",
    },
    "explore.join.unmatched_right": {
        "en": "Second table: rows without a match",
        "zh": "第二张表：无匹配的行",
        "zh-Hant": "第二張表：無匹配的列",
    },
    "explore.join.as_text": {
        "en": "Some key columns hold different kinds of values (e.g. numbers and text): they were compared as text.",
        "zh": "部分关联列的值类型不同（例如数字与文本），已按文本比较。",
        "zh-Hant": "部分關聯欄的值類型不同（例如數字與文字），已按文字比較。",
    },
    "explore.join.repeats": {
        "en": "Some keys appear more than once in {table}, so the result has more rows than the first table.",
        "zh": "{table} 中有重复的关联值，因此结果行数多于第一张表。",
        "zh-Hant": "{table} 中有重複的關聯值，因此結果列數多於第一張表。",
    },
    "explore.join.preview_title": {
        "en": "First {rows} rows",
        "zh": "前 {rows} 行",
        "zh-Hant": "前 {rows} 列",
    },
    "explore.join.keep": {
        "en": "Keep the result",
        "zh": "保留结果",
        "zh-Hant": "保留結果",
    },
    "explore.join.name": {
        "en": "Name of the new table",
        "zh": "新表名称",
        "zh-Hant": "新表名稱",
    },
    "explore.join.use_table": {
        "en": "Use as a new table",
        "zh": "作为新表使用",
        "zh-Hant": "作為新表使用",
    },
    "explore.join.name_taken": {
        "en": "{name} cannot be used: it is the name of a loaded table, or starts with _ or raw_. Choose another name.",
        "zh": "不能使用 {name}：它是已加载的表名，或以 `_` 或 `raw_` 开头。请换一个名称。",
        "zh-Hant": "不能使用 {name}：它是已載入的表名，或以 `_` 或 `raw_` 開頭。請換一個名稱。",
    },
    "explore.join.kept": {
        "en": "The table {name} ({rows} rows) is ready to pivot and query. It lasts for this browser session.",
        "zh": "表 {name}（{rows} 行）已可用于透视和查询，在本次浏览器会话中有效。",
        "zh-Hant": "表 {name}（{rows} 列）已可用於透視和查詢，在本次瀏覽器工作階段中有效。",
    },
    "explore.join.as_deals_title": {
        "en": "Use as the deals table of this session",
        "zh": "作为本次会话的商机表",
        "zh-Hant": "作為本次工作階段的商機表",
    },
    "explore.join.as_deals_help": {
        "en": "If the joined table is a list of deals, every page can use it: its columns are matched to the deals columns as on the [[nav.data]] page (correct them in the table below), and only you see it.",
        "zh": "如果合并后的表是一份商机清单，所有页面都可以使用它：其列会像在“[[nav.data]]”页面一样对应到商机表的列（可在下表中修改），且只有您能看到。",
        "zh-Hant": "如果合併後的表是一份商機清單，所有頁面都可以使用它：其欄會像在「[[nav.data]]」頁面一樣對應到商機表的欄（可在下表中修改），且只有您能看到。",
    },
    "explore.join.check_deals": {
        "en": "Check how it maps onto deals",
        "zh": "检查与商机表的对应关系",
        "zh-Hant": "檢查與商機表的對應關係",
    },
    "explore.join.map.column": {
        "en": "Column",
        "zh": "列",
        "zh-Hant": "欄",
    },
    "explore.join.map.used_as": {
        "en": "Used as",
        "zh": "对应为",
        "zh-Hant": "對應為",
    },
    "explore.join.map.unused_option": {
        "en": "(not used)",
        "zh": "（不使用）",
        "zh-Hant": "（不使用）",
    },
    "explore.join.not_deals": {
        "en": "This table does not map onto deals, so it cannot replace them. It can still be kept as a new table.",
        "zh": "此表无法对应到商机表，因此不能替换商机数据；但仍可作为新表保留。",
        "zh-Hant": "此表無法對應到商機表，因此不能替換商機資料；但仍可作為新表保留。",
    },
    "explore.join.map.loaded": {
        "en": "Deals that would load",
        "zh": "可载入的商机",
        "zh-Hant": "可載入的商機",
    },
    "explore.join.map.rejected": {
        "en": "Rows left out",
        "zh": "被排除的行",
        "zh-Hant": "被排除的列",
    },
    "explore.join.map.rejected_note": {
        "en": "Why rows are left out: {reasons}",
        "zh": "行被排除的原因：{reasons}",
        "zh-Hant": "列被排除的原因：{reasons}",
    },
    "explore.join.use_deals": {
        "en": "Use these {rows} deals in this session",
        "zh": "在本次会话中使用这 {rows} 条商机",
        "zh-Hant": "在本次工作階段中使用這 {rows} 筆商機",
    },
    "explore.join.file_label": {
        "en": "{left} joined with {right}",
        "zh": "{left} 与 {right} 合并",
        "zh-Hant": "{left} 與 {right} 合併",
    },
    "explore.join.deals_done": {
        "en": "This session now uses the {rows} joined deals on every page (only you see them). Opening the Data page goes back to the files uploaded there.",
        "zh": "本次会话的所有页面现在使用合并后的 {rows} 条商机（仅您可见）。打开“[[nav.data]]”页面会恢复为在那里上传的文件。",
        "zh-Hant": "本次工作階段的所有頁面現在使用合併後的 {rows} 筆商機（僅您可見）。開啟「[[nav.data]]」頁面會恢復為在那裡上傳的檔案。",
    },
    "explore.sql.intro": {
        "en": "One SELECT (or WITH … SELECT) over the loaded tables. Nothing can be changed and no file or address can be read; at most {rows} rows are shown, and a query is stopped after {seconds} s or when it needs more than {memory} of memory.",
        "zh": "对已加载的表写一条 SELECT（或 WITH … SELECT）语句。不能修改数据，也不能读取文件或网址；最多显示 {rows} 行，查询超过 {seconds} 秒或所需内存超过 {memory} 会被停止。",
        "zh-Hant": "對已載入的表寫一條 SELECT（或 WITH … SELECT）語句。不能修改資料，也不能讀取檔案或網址；最多顯示 {rows} 列，查詢超過 {seconds} 秒或所需記憶體超過 {memory} 會被停止。",
    },
    "explore.sql.tables": {
        "en": "Tables and their columns",
        "zh": "表及其列",
        "zh-Hant": "表及其欄",
    },
    "explore.sql.columns": {
        "en": "Columns",
        "zh": "列",
        "zh-Hant": "欄",
    },
    "explore.sql.label": {
        "en": "SQL query",
        "zh": "SQL 查询语句",
        "zh-Hant": "SQL 查詢語句",
    },
    "explore.sql.run": {
        "en": "Run",
        "zh": "运行",
        "zh-Hant": "執行",
    },
    "explore.sql.done": {
        "en": "{rows} rows in {ms} ms.",
        "zh": "共 {rows} 行，用时 {ms} 毫秒。",
        "zh-Hant": "共 {rows} 列，用時 {ms} 毫秒。",
    },
    "explore.sql.truncated": {
        "en": "Only the first {rows} rows are shown: add a LIMIT or aggregate to see the rest.",
        "zh": "仅显示前 {rows} 行：请加上 LIMIT 或先汇总以查看其余数据。",
        "zh-Hant": "僅顯示前 {rows} 列：請加上 LIMIT 或先彙總以檢視其餘資料。",
    },
    "explore.date_column": {
        "en": "date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "explore.status_split": {
        "en": "Amount by status: {parts}.",
        "zh": "按状态的金额：{parts}。",
        "zh-Hant": "按狀態的金額：{parts}。",
    },
    "explore.status_split.part": {
        "en": "{status} {amount} ({deals} deals)",
        "zh": "{status} {amount}（{deals} 笔）",
        "zh-Hant": "{status} {amount}（{deals} 筆）",
    },
    "explore.status_split.counted": {
        "en": "The pivot counts only: {statuses} (change it in “Filter by”).",
        "zh": "透视表只计入：{statuses}（可在“筛选列”中更改）。",
        "zh-Hant": "透視表只計入：{statuses}（可在「篩選欄」中更改）。",
    },
    "explore.status_split.all_added": {
        "en": "The pivot adds every status together: that total is not revenue. Filter by status to see won revenue.",
        "zh": "透视表把所有状态的金额加在一起，这个合计不是收入。请按状态筛选以查看赢单收入。",
        "zh-Hant": "透視表把所有狀態的金額加在一起，這個合計不是收入。請按狀態篩選以檢視成交收入。",
    },
    "explore.status_split.by_status": {
        "en": "The pivot shows each status on its own.",
        "zh": "透视表按状态分别显示。",
        "zh-Hant": "透視表按狀態分別顯示。",
    },
    "explore.status.won": {
        "en": "won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "explore.status.open": {
        "en": "open",
        "zh": "进行中",
        "zh-Hant": "進行中",
    },
    "explore.status.lost": {
        "en": "lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "explore.sql.from_link": {
        "en": "This query came with a link or a saved view and has not run yet. Read it, then press Run.",
        "zh": "此查询来自链接或已保存的视图，尚未运行。请先查看，再点击“运行”。",
        "zh-Hant": "此查詢來自連結或已儲存的檢視，尚未執行。請先檢視，再點選「執行」。",
    },
}
