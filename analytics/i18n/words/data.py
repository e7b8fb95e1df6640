"""Words of data."""

WORDS: dict[str, dict[str, str]] = {
    "data.title": {
        "en": "Data",
        "zh": "数据",
        "zh-Hant": "資料",
    },
    "data.intro": {
        "en": "Drop your CRM, order or quota exports here (Excel or CSV, English or Chinese headers). They are checked row by row; only you see them until you publish them to the team.",
        "zh": "将 CRM、订单或目标的导出文件拖到这里（Excel 或 CSV，中英文表头均可）。系统逐行检查；发布到团队之前只有您能看到。",
        "zh-Hant": "將 CRM、訂單或目標的匯出檔案拖到這裡（Excel 或 CSV，中英文表頭均可）。系統逐行檢查；發布到團隊之前只有您能看到。",
    },
    "data.tab.upload": {
        "en": "Upload",
        "zh": "上传",
        "zh-Hant": "上傳",
    },
    "data.tab.history": {
        "en": "Published data",
        "zh": "已发布数据",
        "zh-Hant": "已發布資料",
    },
    "data.tab.templates": {
        "en": "Templates & formats",
        "zh": "模板与格式",
        "zh-Hant": "範本與格式",
    },
    "data.uploader": {
        "en": "Files (CSV, XLSX, XLS; several at once, or one workbook with several sheets)",
        "zh": "文件（CSV、XLSX、XLS；可多选，或一个含多个工作表的工作簿）",
        "zh-Hant": "檔案（CSV、XLSX、XLS；可多選，或一個含多個工作表的工作簿）",
    },
    "data.progress": {
        "en": "{file}: {read:,} rows read · {checked:,} rows checked · {left}",
        "zh": "{file}：已读取 {read:,} 行 · 已检查 {checked:,} 行 · {left}",
        "zh-Hant": "{file}：已讀取 {read:,} 列 · 已檢查 {checked:,} 列 · {left}",
    },
    "data.progress_left": {
        "en": "about {seconds:,} s left",
        "zh": "预计还需约 {seconds:,} 秒",
        "zh-Hant": "預計還需約 {seconds:,} 秒",
    },
    "data.progress_estimating": {
        "en": "estimating the time left…",
        "zh": "正在估算剩余时间…",
        "zh-Hant": "正在估算剩餘時間…",
    },
    "data.read": {
        "en": "Rows read",
        "zh": "读取行数",
        "zh-Hant": "讀取列數",
    },
    "data.loaded": {
        "en": "Loaded",
        "zh": "已导入",
        "zh-Hant": "已匯入",
    },
    "data.rejected": {
        "en": "Rejected",
        "zh": "已拒绝",
        "zh-Hant": "已拒絕",
    },
    "data.table": {
        "en": "Holds",
        "zh": "数据类型",
        "zh-Hant": "資料類型",
    },
    "data.table.raw": {
        "en": "Other (raw table for Explore)",
        "zh": "其他（作为原始表用于自助分析）",
        "zh-Hant": "其他（作為原始表用於自助分析）",
    },
    "data.header_row": {
        "en": "Header found on row {row}.",
        "zh": "表头位于第 {row} 行。",
        "zh-Hant": "表頭位於第 {row} 列。",
    },
    "data.mapping": {
        "en": "Column mapping — what each column of your file is used as",
        "zh": "字段对应 — 文件中每一列的用途",
        "zh-Hant": "欄位對應 — 檔案中每一欄的用途",
    },
    "data.entered": {
        "en": "Entered",
        "zh": "进入",
        "zh-Hant": "進入",
    },
    "data.month_column": {
        "en": "target for month {month}",
        "zh": "第 {month} 月目标",
        "zh-Hant": "第 {month} 月目標",
    },
    "data.examples_help": {
        "en": "Examples from your file: {examples}",
        "zh": "文件中的示例值：{examples}",
        "zh-Hant": "檔案中的範例值：{examples}",
    },
    "data.col.header": {
        "en": "Column in your file",
        "zh": "文件中的列",
        "zh-Hant": "檔案中的欄",
    },
    "data.col.examples": {
        "en": "Examples",
        "zh": "示例值",
        "zh-Hant": "範例值",
    },
    "data.col.maps_to": {
        "en": "Used as",
        "zh": "对应字段",
        "zh-Hant": "對應欄位",
    },
    "data.not_used": {
        "en": "(not used)",
        "zh": "（不使用）",
        "zh-Hant": "（不使用）",
    },
    "data.rejected_rows": {
        "en": "Rejected rows ({count}) — fix them in the file and upload it again",
        "zh": "被拒绝的行（{count}）— 请在文件中修正后重新上传",
        "zh-Hant": "被拒絕的列（{count}）— 請在檔案中修正後重新上傳",
    },
    "data.no_rejected": {
        "en": "Every row was loaded.",
        "zh": "所有行均已导入。",
        "zh-Hant": "所有列均已匯入。",
    },
    "data.use_upload": {
        "en": "Use my uploaded files in this session",
        "zh": "本次会话使用我上传的文件",
        "zh-Hant": "本次工作階段使用我上傳的檔案",
    },
    "data.publish": {
        "en": "Publish to team",
        "zh": "发布到团队",
        "zh-Hant": "發布到團隊",
    },
    "data.publish_mode": {
        "en": "How to publish",
        "zh": "发布方式",
        "zh-Hant": "發布方式",
    },
    "data.mode.replace": {
        "en": "Replace those tables",
        "zh": "替换这些表",
        "zh-Hant": "替換這些表",
    },
    "data.mode.append": {
        "en": "Append to those tables",
        "zh": "追加到这些表",
        "zh-Hant": "追加到這些表",
    },
    "data.publish_help": {
        "en": "Everyone who opens the app will see the published data. The previous version is kept and can be restored.",
        "zh": "所有打开应用的人都将看到发布的数据。之前的版本会保留，可以恢复。",
        "zh-Hant": "所有開啟應用的人都將看到發布的資料。之前的版本會保留，可以恢復。",
    },
    "data.published": {
        "en": "Published as version {version}: {tables}.",
        "zh": "已发布为版本 {version}：{tables}。",
        "zh-Hant": "已發布為版本 {version}：{tables}。",
    },
    "data.publish_failed": {
        "en": "Publishing failed ({error}); the team's data is unchanged.",
        "zh": "发布失败（{error}）；团队数据未改变。",
        "zh-Hant": "發布失敗（{error}）；團隊資料未改變。",
    },
    "data.nothing_to_publish": {
        "en": "Nothing to publish: no file loaded any rows.",
        "zh": "没有可发布的数据：没有文件成功导入任何行。",
        "zh-Hant": "沒有可發布的資料：沒有檔案成功匯入任何列。",
    },
    "data.history_empty": {
        "en": "Nothing published yet: everyone sees the sample company.",
        "zh": "尚未发布任何数据：所有人看到的是示例公司。",
        "zh-Hant": "尚未發布任何資料：所有人看到的是範例公司。",
    },
    "data.current_version": {
        "en": "In use: version {version}.",
        "zh": "正在使用：版本 {version}。",
        "zh-Hant": "正在使用：版本 {version}。",
    },
    "data.rollback": {
        "en": "Restore version",
        "zh": "恢复到版本",
        "zh-Hant": "恢復到版本",
    },
    "data.rollback_button": {
        "en": "Restore",
        "zh": "恢复",
        "zh-Hant": "恢復",
    },
    "data.rolled_back": {
        "en": "Version {version} is in use again.",
        "zh": "已恢复使用版本 {version}。",
        "zh-Hant": "已恢復使用版本 {version}。",
    },
    "data.template_for": {
        "en": "Blank template",
        "zh": "空白模板",
        "zh-Hant": "空白範本",
    },
    "data.columns_of": {
        "en": "Columns of {table}",
        "zh": "{table} 的字段",
        "zh-Hant": "{table} 的欄位",
    },
    "data.required": {
        "en": "required",
        "zh": "必填",
        "zh-Hant": "必填",
    },
    "data.formats": {
        "en": "Accepted formats: CSV in UTF-8 (with or without BOM), GB18030/GBK, UTF-16 or Latin-1, separated by `,` `;` or tab; Excel .xlsx/.xls (any sheet; title rows above the header are fine). Dates such as `2026-11-30`, `2026/11/30`, `30.11.2026`, `11/30/2026`, `2026年11月30日` or Excel dates; amounts such as `$12,500.00`, `1.234,50`, `(123)`, `1.2万`.",
        "zh": "支持格式：CSV（UTF-8（含或不含 BOM）、GB18030/GBK、UTF-16 或 Latin-1 编码，以逗号、分号或制表符分隔）；Excel .xlsx/.xls（任意工作表，表头上方可有标题行）。日期如 `2026-11-30`、`2026/11/30`、`30.11.2026`、`11/30/2026`、`2026年11月30日` 或 Excel 日期；金额如 `$12,500.00`、`1.234,50`、`(123)`、`1.2万`。",
        "zh-Hant": "支援格式：CSV（UTF-8（含或不含 BOM）、GB18030/GBK、UTF-16 或 Latin-1 編碼，以逗號、分號或定位字元分隔）；Excel .xlsx/.xls（任意工作表，表頭上方可有標題列）。日期如 `2026-11-30`、`2026/11/30`、`30.11.2026`、`11/30/2026`、`2026年11月30日` 或 Excel 日期；金額如 `$12,500.00`、`1.234,50`、`(123)`、`1.2万`。",
    },
    "data.hist.version": {
        "en": "Version",
        "zh": "版本",
        "zh-Hant": "版本",
    },
    "data.hist.when": {
        "en": "When",
        "zh": "时间",
        "zh-Hant": "時間",
    },
    "data.hist.action": {
        "en": "Action",
        "zh": "操作",
        "zh-Hant": "操作",
    },
    "data.hist.file": {
        "en": "File",
        "zh": "文件",
        "zh-Hant": "檔案",
    },
    "data.hist.hash": {
        "en": "Content hash",
        "zh": "内容哈希",
        "zh-Hant": "內容雜湊",
    },
    "data.hist.table": {
        "en": "Table",
        "zh": "表",
        "zh-Hant": "表",
    },
    "data.hist.mode": {
        "en": "Mode",
        "zh": "方式",
        "zh-Hant": "方式",
    },
    "data.hist.rows_loaded": {
        "en": "Rows loaded",
        "zh": "导入行数",
        "zh-Hant": "匯入列數",
    },
    "data.hist.rows_rejected": {
        "en": "Rows rejected",
        "zh": "拒绝行数",
        "zh-Hant": "拒絕列數",
    },
    "data.match": {
        "en": "match {pct}",
        "zh": "匹配度 {pct}",
        "zh-Hant": "匹配度 {pct}",
    },
    "data.chosen": {
        "en": "chosen by you",
        "zh": "您已选择",
        "zh-Hant": "您已選擇",
    },
    "data.check": {
        "en": "please check",
        "zh": "请确认",
        "zh-Hant": "請確認",
    },
    "data.unit_scaled": {
        "en": "values ×{factor} ({unit} in the header)",
        "zh": "数值 ×{factor}（表头单位 {unit}）",
        "zh-Hant": "數值 ×{factor}（表頭單位 {unit}）",
    },
    "data.unit_currency": {
        "en": "currency {currency} (from the header)",
        "zh": "币种 {currency}（来自表头）",
        "zh-Hant": "幣種 {currency}（來自表頭）",
    },
    "data.confirm_intro": {
        "en": "Please check {count} column(s) before relying on the figures: {columns}. Either the two best fields are close, or a required field matched weakly. The other fields it could be are listed first in its list.",
        "zh": "使用数据前请确认 {count} 列：{columns}。这些列的前两个候选字段很接近，或必需字段匹配度较低；其他可能的字段排在下拉列表最前面。",
        "zh-Hant": "使用資料前請確認 {count} 欄：{columns}。這些欄的前兩個候選欄位很接近，或必需欄位匹配度較低；其他可能的欄位排在下拉式清單最前面。",
    },
    "data.confirm_button": {
        "en": "The mapping is right",
        "zh": "对应无误",
        "zh-Hant": "對應無誤",
    },
}
