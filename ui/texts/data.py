"""Texts of the data page: key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "data.title": ("Data", "数据"),
    "data.intro": ("Drop your CRM, order or quota exports here (Excel or CSV, English or Chinese headers). "
                   "They are checked row by row; only you see them until you publish them to the team.",
                   "将 CRM、订单或目标的导出文件拖到这里（Excel 或 CSV，中英文表头均可）。系统逐行检查；"
                   "发布到团队之前只有您能看到。"),
    "data.tab.upload": ("Upload", "上传"),
    "data.tab.history": ("Published data", "已发布数据"),
    "data.tab.templates": ("Templates & formats", "模板与格式"),
    "data.uploader": ("Files (CSV, XLSX, XLS; several at once, or one workbook with several sheets)",
                      "文件（CSV、XLSX、XLS；可多选，或一个含多个工作表的工作簿）"),
    "data.reading": ("Reading {file}…", "正在读取 {file}…"),
    "data.read": ("Rows read", "读取行数"),
    "data.loaded": ("Loaded", "已导入"),
    "data.rejected": ("Rejected", "已拒绝"),
    "data.table": ("Holds", "数据类型"),
    "data.table.raw": ("Other (raw table for Explore)", "其他（作为原始表用于自助分析）"),
    "data.header_row": ("Header found on row {row}.", "表头位于第 {row} 行。"),
    "data.mapping": ("Column mapping — what each column of your file is used as", "字段对应 — 文件中每一列的用途"),
    "data.entered": ("Entered", "进入"),
    "data.month_column": ("target for month {month}", "第 {month} 月目标"),
    "data.examples_help": ("Examples from your file: {examples}", "文件中的示例值：{examples}"),
    "data.col.header": ("Column in your file", "文件中的列"),
    "data.col.examples": ("Examples", "示例值"),
    "data.col.maps_to": ("Used as", "对应字段"),
    "data.not_used": ("(not used)", "（不使用）"),
    "data.rejected_rows": ("Rejected rows ({count}) — fix them in the file and upload it again",
                           "被拒绝的行（{count}）— 请在文件中修正后重新上传"),
    "data.no_rejected": ("Every row was loaded.", "所有行均已导入。"),
    "data.use_upload": ("Use my uploaded files in this session", "本次会话使用我上传的文件"),
    "data.publish": ("Publish to team", "发布到团队"),
    "data.publish_mode": ("How to publish", "发布方式"),
    "data.mode.replace": ("Replace those tables", "替换这些表"),
    "data.mode.append": ("Append to those tables", "追加到这些表"),
    "data.publish_help": ("Everyone who opens the app will see the published data. The previous version "
                          "is kept and can be restored.",
                          "所有打开应用的人都将看到发布的数据。之前的版本会保留，可以恢复。"),
    "data.published": ("Published as version {version}: {tables}.", "已发布为版本 {version}：{tables}。"),
    "data.publish_failed": ("Publishing failed ({error}); the team's data is unchanged.",
                            "发布失败（{error}）；团队数据未改变。"),
    "data.nothing_to_publish": ("Nothing to publish: no file loaded any rows.", "没有可发布的数据：没有文件成功导入任何行。"),
    "data.history_empty": ("Nothing published yet: everyone sees the sample company.",
                           "尚未发布任何数据：所有人看到的是示例公司。"),
    "data.current_version": ("In use: version {version}.", "正在使用：版本 {version}。"),
    "data.rollback": ("Restore version", "恢复到版本"),
    "data.rollback_button": ("Restore", "恢复"),
    "data.rolled_back": ("Version {version} is in use again.", "已恢复使用版本 {version}。"),
    "data.template_for": ("Blank template", "空白模板"),
    "data.columns_of": ("Columns of {table}", "{table} 的字段"),
    "data.required": ("required", "必填"),
    "data.formats": ("Accepted formats: CSV in UTF-8 (with or without BOM), GB18030/GBK, UTF-16 or Latin-1, "
                     "separated by `,` `;` or tab; Excel .xlsx/.xls (any sheet; title rows above the header "
                     "are fine). Dates such as `2026-11-30`, `2026/11/30`, `30.11.2026`, `11/30/2026`, "
                     "`2026年11月30日` or Excel dates; amounts such as `$12,500.00`, `1.234,50`, `(123)`, "
                     "`1.2万`.",
                     "支持格式：CSV（UTF-8（含或不含 BOM）、GB18030/GBK、UTF-16 或 Latin-1 编码，以逗号、分号或制表符分隔）；"
                     "Excel .xlsx/.xls（任意工作表，表头上方可有标题行）。日期如 `2026-11-30`、`2026/11/30`、"
                     "`30.11.2026`、`11/30/2026`、`2026年11月30日` 或 Excel 日期；金额如 `$12,500.00`、"
                     "`1.234,50`、`(123)`、`1.2万`。"),
    "data.hist.version": ("Version", "版本"),
    "data.hist.when": ("When", "时间"),
    "data.hist.action": ("Action", "操作"),
    "data.hist.file": ("File", "文件"),
    "data.hist.hash": ("Content hash", "内容哈希"),
    "data.hist.table": ("Table", "表"),
    "data.hist.mode": ("Mode", "方式"),
    "data.hist.rows_loaded": ("Rows loaded", "导入行数"),
    "data.hist.rows_rejected": ("Rows rejected", "拒绝行数"),
    "data.match": ("match {pct}", "匹配度 {pct}"),
    "data.chosen": ("chosen by you", "您已选择"),
    "data.check": ("please check", "请确认"),
    "data.unit_scaled": ("values ×{factor} ({unit} in the header)", "数值 ×{factor}（表头单位 {unit}）"),
    "data.unit_currency": ("currency {currency} (from the header)", "币种 {currency}（来自表头）"),
    "data.confirm_intro": ("Please check {count} column(s) before relying on the figures: {columns}. Either "
                           "the two best fields are close, or a required field matched weakly. The other "
                           "fields it could be are listed first in its list.",
                           "使用数据前请确认 {count} 列：{columns}。这些列的前两个候选字段很接近，或必需字段匹配度较低；"
                           "其他可能的字段排在下拉列表最前面。"),
    "data.confirm_button": ("The mapping is right", "对应无误"),
}
