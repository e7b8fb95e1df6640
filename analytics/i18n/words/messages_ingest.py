"""Words of messages ingest."""

WORDS: dict[str, dict[str, str]] = {
    "missing_required": {
        "en": "{file}: the {table} table needs a column for {missing}, which was not found. Columns found: {found}. Rename the column in the file, or map it on the [[nav.data]] page (CLI: --map \"Their Header={first}\").",
        "zh": "{file}：{table}表缺少必需的字段 {missing}。文件中的列：{found}。请在文件中改列名，或在“[[nav.data]]”页面手动对应（命令行：--map \"原表头={first}\"）。",
        "zh-Hant": "{file}：{table}表缺少必需的欄位 {missing}。檔案中的欄：{found}。請在檔案中改欄名，或在「[[nav.data]]」頁面手動對應（命令列：--map \"原表頭={first}\"）。",
    },
    "missing_one_of": {
        "en": "{file}: the {table} table needs at least one of {names}; none was found.",
        "zh": "{file}：{table}表至少需要 {names} 中的一列，文件中一个也没有。",
        "zh-Hant": "{file}：{table}表至少需要 {names} 中的一欄，檔案中一個也沒有。",
    },
    "no_rows": {
        "en": "{file}: the sheet {sheet!r} has a header but no data rows.",
        "zh": "{file}：工作表 {sheet!r} 只有表头，没有数据行。",
        "zh-Hant": "{file}：工作表 {sheet!r} 只有表頭，沒有資料列。",
    },
    "unknown_table": {
        "en": "{file}: could not tell which table the sheet {sheet!r} holds (headers: {headers}); it is kept as a raw table for Explore. Map it on the [[nav.data]] page to use it as deals, targets or surveys.",
        "zh": "{file}：无法判断工作表 {sheet!r} 属于哪类数据（表头：{headers}），已作为原始表保留，可在“[[nav.explore]]”中分析；如需作为商机、目标或调查使用，请在“[[nav.data]]”页面手动对应。",
        "zh-Hant": "{file}：無法判斷工作表 {sheet!r} 屬於哪類資料（表頭：{headers}），已作為原始表保留，可在「[[nav.explore]]」中分析；如需作為商機、目標或調查使用，請在「[[nav.data]]」頁面手動對應。",
    },
    "required_blank": {
        "en": "{column} is empty",
        "zh": "{column} 为空",
        "zh-Hant": "{column} 為空",
    },
    "bad_value": {
        "en": "{column} {value!r} is not {expected}",
        "zh": "{column} 的值 {value!r} 不是{expected}",
        "zh-Hant": "{column} 的值 {value!r} 不是{expected}",
    },
    "negative_amount": {
        "en": "{column} {value!r} is negative",
        "zh": "{column} 的值 {value!r} 为负数",
        "zh-Hant": "{column} 的值 {value!r} 為負數",
    },
    "out_of_range": {
        "en": "{column} {value!r} is outside {low}–{high}",
        "zh": "{column} 的值 {value!r} 超出 {low}–{high} 的范围",
        "zh-Hant": "{column} 的值 {value!r} 超出 {low}–{high} 的範圍",
    },
    "duplicate_of": {
        "en": "duplicate of row {row} (same {key})",
        "zh": "与第 {row} 行重复（{key} 相同）",
        "zh-Hant": "與第 {row} 列重複（{key} 相同）",
    },
    "won_without_amount": {
        "en": "a won deal needs an amount",
        "zh": "赢单必须有金额",
        "zh-Hant": "成交必須有金額",
    },
    "closed_without_date": {
        "en": "a {status} deal needs a close date",
        "zh": "已{status}的商机必须有成交日期",
        "zh-Hant": "已{status}的商機必須有成交日期",
    },
    "bad_status": {
        "en": "status {value!r} is not open, won or lost",
        "zh": "状态 {value!r} 不是进行中、赢单或输单",
        "zh-Hant": "狀態 {value!r} 不是進行中、成交或失單",
    },
    "bad_period": {
        "en": "period {value!r} is not a month, quarter or year (e.g. 2026-10, 2026-Q4, 2026)",
        "zh": "期间 {value!r} 不是月份、季度或年份（例如 2026-10、2026-Q4、2026）",
        "zh-Hant": "期間 {value!r} 不是月份、季度或年份（例如 2026-10、2026-Q4、2026）",
    },
    "target_not_positive": {
        "en": "target {value!r} must be greater than 0",
        "zh": "目标值 {value!r} 必须大于 0",
        "zh-Hant": "目標值 {value!r} 必須大於 0",
    },
    "no_score": {
        "en": "neither CSAT nor NPS has a value",
        "zh": "满意度和推荐度都没有填写",
        "zh-Hant": "滿意度和推薦度都沒有填寫",
    },
    "warn_blank_amount": {
        "en": "{count} open or lost deal(s) have no amount; they are kept and counted as unknown in pipeline figures (rows {rows}).",
        "zh": "{count} 个进行中或输单的商机没有金额，已保留，在管道统计中计为未知（第 {rows} 行）。",
        "zh-Hant": "{count} 個進行中或失單的商機沒有金額，已保留，在管道統計中計為未知（第 {rows} 列）。",
    },
    "warn_blank_created": {
        "en": "{count} deal(s) have no created date; they are kept but left out of cycle and cohort figures (rows {rows}).",
        "zh": "{count} 个商机没有创建日期，已保留，但不计入销售周期和分组漏斗（第 {rows} 行）。",
        "zh-Hant": "{count} 個商機沒有建立日期，已保留，但不計入銷售週期和分組漏斗（第 {rows} 列）。",
    },
    "warn_unknown_stage": {
        "en": "{count} deal(s) have a stage that is not in the funnel settings: {stages}. They are loaded as open; map these names in [[nav.settings]] (rows {rows}).",
        "zh": "{count} 个商机的阶段不在漏斗设置中：{stages}。已按进行中导入，请在“[[nav.settings]]”中对应这些阶段（第 {rows} 行）。",
        "zh-Hant": "{count} 個商機的階段不在漏斗設定中：{stages}。已按進行中匯入，請在「[[nav.settings]]」中對應這些階段（第 {rows} 列）。",
    },
    "warn_duplicates": {
        "en": "{count} row(s) repeat a {key} already loaded; the first row is kept and each repeat is listed as rejected.",
        "zh": "{count} 行的{key}与已导入的行重复；保留第一行，重复行列为已拒绝。",
        "zh-Hant": "{count} 列的{key}與已匯入的列重複；保留第一列，重複列列為已拒絕。",
    },
    "note_sales_list": {
        "en": "No stage or status column: this is read as a list of sales (orders or invoices), and every row counts as won.",
        "zh": "没有阶段或状态列：按销售清单（订单或发票）读取，每一行都计为赢单。",
        "zh-Hant": "沒有階段或狀態欄：按銷售清單（訂單或發票）讀取，每一列都計為成交。",
    },
    "note_order_lines": {
        "en": "{count} rows share an order ID with another row; in a sales list these are lines of one order and all are kept.",
        "zh": "{count} 行与其他行的订单号相同；在销售清单中它们是同一订单的多行明细，全部保留。",
        "zh-Hant": "{count} 列與其他列的訂單號相同；在銷售清單中它們是同一訂單的多列明細，全部保留。",
    },
    "note_no_rep": {
        "en": "No sales rep column: revenue is counted for the company, teams and segments, but not per rep.",
        "zh": "没有销售代表列：收入计入公司、团队和细分市场，但无法按销售代表统计。",
        "zh-Hant": "沒有銷售代表欄：收入計入公司、團隊和市場區隔，但無法按銷售代表統計。",
    },
    "note_generated_ids": {
        "en": "No deal ID column: each row's number in the file is used as its ID.",
        "zh": "没有商机编号列：以文件中的行号作为编号。",
        "zh-Hant": "沒有商機編號欄：以檔案中的列號作為編號。",
    },
    "note_wide_targets": {
        "en": "Wide layout: {rows} rows × {months} month columns became {cells} targets, one per owner and month; blank and '-' cells mean no target.",
        "zh": "宽表格式：{rows} 行 × {months} 个月份列转换为 {cells} 条目标（每个负责人每月一条）；空白和“-”表示无目标。",
        "zh-Hant": "寬表格式：{rows} 列 × {months} 個月份欄轉換為 {cells} 筆目標（每個負責人每月一條）；空白和「-」表示無目標。",
    },
    "note_kept_raw": {
        "en": "Kept as a raw table for Explore, as chosen.",
        "zh": "已按您的选择作为原始表保留，可在“[[nav.explore]]”中使用。",
        "zh-Hant": "已按您的選擇作為原始表保留，可在「[[nav.explore]]」中使用。",
    },
    "note_mapping_remembered": {
        "en": "The column mapping confirmed earlier for these headers was used.",
        "zh": "使用了之前为这组表头确认过的字段对应。",
        "zh-Hant": "使用了之前為這組表頭確認過的欄位對應。",
    },
    "report_header": {
        "en": "{file} [{sheet}] → {table}: {rows_read} read, {rows_loaded} loaded, {rows_rejected} rejected",
        "zh": "{file} [{sheet}] → {table}：读取 {rows_read} 行，导入 {rows_loaded} 行，拒绝 {rows_rejected} 行",
        "zh-Hant": "{file} [{sheet}] → {table}：讀取 {rows_read} 列，匯入 {rows_loaded} 列，拒絕 {rows_rejected} 列",
    },
    "map_unknown_column": {
        "en": "--map names {target!r}, which is not a column of the {table} table (columns: {columns}).",
        "zh": "--map 指定的 {target!r} 不是 {table} 表的字段（可用字段：{columns}）。",
        "zh-Hant": "--map 指定的 {target!r} 不是 {table} 表的欄位（可用欄位：{columns}）。",
    },
    "map_bad_syntax": {
        "en": "--map {text!r} must look like \"Their Header=canonical_name\".",
        "zh": "--map {text!r} 的格式应为 \"原表头=标准字段名\"。",
        "zh-Hant": "--map {text!r} 的格式應為 \"原表頭=標準欄位名\"。",
    },
    "map_unknown_header": {
        "en": "--map names the header {header!r}, which the file does not have (headers found: {headers}).",
        "zh": "--map 指定的表头 {header!r} 在文件中不存在（文件中的表头：{headers}）。",
        "zh-Hant": "--map 指定的表頭 {header!r} 在檔案中不存在（檔案中的表頭：{headers}）。",
    },
    "read_empty": {
        "en": "{file} is empty (0 bytes). Export the data again and upload the new file.",
        "zh": "{file} 是空文件（0 字节）。请重新导出数据后再上传。",
        "zh-Hant": "{file} 是空檔案（0 位元組）。請重新匯出資料後再上傳。",
    },
    "read_no_data": {
        "en": "{file} contains no data: every row is blank. Check that you exported the right sheet or report.",
        "zh": "{file} 没有任何数据：所有行都是空的。请确认导出的是正确的工作表或报表。",
        "zh-Hant": "{file} 沒有任何資料：所有列都是空的。請確認匯出的是正確的工作表或報表。",
    },
    "read_sheet_empty": {
        "en": "{file}: the sheet {sheet!r} is empty. Choose another sheet.",
        "zh": "{file}：工作表 {sheet!r} 是空的。请选择其他工作表。",
        "zh-Hant": "{file}：工作表 {sheet!r} 是空的。請選擇其他工作表。",
    },
    "read_too_large": {
        "en": "{file} is {size_mb} MB, more than the {limit_mb} MB allowed. Remove unused sheets or columns, or split the file, and upload again.",
        "zh": "{file} 有 {size_mb} MB，超过了允许的 {limit_mb} MB。请删除不用的工作表或列，或拆分文件后再上传。",
        "zh-Hant": "{file} 有 {size_mb} MB，超過了允許的 {limit_mb} MB。請刪除不用的工作表或欄，或拆分檔案後再上傳。",
    },
    "read_not_spreadsheet": {
        "en": "{file} is not a spreadsheet or CSV file (it looks like {kind}). Upload an Excel workbook (.xlsx, .xls) or a CSV/text file.",
        "zh": "{file} 不是电子表格或 CSV 文件（看起来是{kind}）。请上传 Excel 工作簿（.xlsx、.xls）或 CSV/文本文件。",
        "zh-Hant": "{file} 不是電子表格或 CSV 檔案（看起來是{kind}）。請上傳 Excel 工作簿（.xlsx、.xls）或 CSV/文字檔案。",
    },
    "read_save_as_xlsx": {
        "en": "{file} is {kind} saved with a spreadsheet name, which cannot be read directly. Open it in Excel and save it as .xlsx (Excel Workbook) or CSV, then upload that file.",
        "zh": "{file} 实际上是{kind}，只是使用了电子表格的文件名，无法直接读取。请用 Excel 打开，另存为 .xlsx（Excel 工作簿）或 CSV 后再上传。",
        "zh-Hant": "{file} 實際上是{kind}，只是使用了電子表格的檔名，無法直接讀取。請用 Excel 開啟，另存為 .xlsx（Excel 工作簿）或 CSV 後再上傳。",
    },
    "read_bad_csv": {
        "en": "{file}: the text could not be split into columns near line {line} ({detail}). Check for a quote (\") that is opened but never closed, or export the file again as CSV.",
        "zh": "{file}：第 {line} 行附近的文本无法拆分成列（{detail}）。请检查是否有未闭合的引号（\"），或重新导出为 CSV。",
        "zh-Hant": "{file}：第 {line} 行附近的文字無法拆分成欄（{detail}）。請檢查是否有未閉合的引號（\"），或重新匯出為 CSV。",
    },
    "read_text_format": {
        "en": "{file}: read as {encoding} text, columns separated by {delimiter}.",
        "zh": "{file}：按 {encoding} 编码的文本读取，列分隔符为{delimiter}。",
        "zh-Hant": "{file}：按 {encoding} 編碼的文字讀取，欄分隔符為{delimiter}。",
    },
    "read_kind_mismatch": {
        "en": "{file} is named like {named} but is really {actual}; it was read as {actual}.",
        "zh": "{file} 的文件名看起来是 {named}，实际上是 {actual}，已按 {actual} 读取。",
        "zh-Hant": "{file} 的檔名看起來是 {named}，實際上是 {actual}，已按 {actual} 讀取。",
    },
    "read_decode_replaced": {
        "en": "{file}: some bytes are not valid {encoding} and were replaced by �. Save the file as UTF-8 if names look wrong.",
        "zh": "{file}：部分字节不是有效的 {encoding} 编码，已替换为 �。如果名称显示不正确，请将文件另存为 UTF-8。",
        "zh-Hant": "{file}：部分位元組不是有效的 {encoding} 編碼，已替換為 �。如果名稱顯示不正確，請將檔案另存為 UTF-8。",
    },
    "read_hidden_sheet": {
        "en": "{file}: the sheet {sheet!r} is hidden in Excel; it was read like the others.",
        "zh": "{file}：工作表 {sheet!r} 在 Excel 中是隐藏的，已与其他工作表一样读取。",
        "zh-Hant": "{file}：工作表 {sheet!r} 在 Excel 中是隱藏的，已與其他工作表一樣讀取。",
    },
    "date_order_detected": {
        "en": "Column {column}: dates read as {order} ({example} can only be read that way).",
        "zh": "列 {column}：日期按{order}读取（{example} 只能这样理解）。",
        "zh-Hant": "欄 {column}：日期按{order}讀取（{example} 只能這樣理解）。",
    },
    "date_order_assumed": {
        "en": "Column {column}: no value shows whether dates are day/month or month/day, so {order} was assumed ({example} read as {read}). Check that this is right.",
        "zh": "列 {column}：数据无法判断日期是“日/月”还是“月/日”，已按{order}读取（{example} 读作 {read}），请核对。",
        "zh-Hant": "欄 {column}：資料無法判斷日期是「日/月」還是「月/日」，已按{order}讀取（{example} 讀作 {read}），請核對。",
    },
    "date_order_inconsistent": {
        "en": "Column {column} mixes day/month and month/day dates: {majority} cell(s) can only be {order}, {minority} only the other way (e.g. {example}); the column is read as {order} and those {minority} cell(s) are rejected.",
        "zh": "列 {column} 混用了“日/月”和“月/日”两种日期：{majority} 个单元格只能是{order}，{minority} 个只能是另一种（如 {example}）；整列按{order}读取，这 {minority} 个单元格被拒绝。",
        "zh-Hant": "欄 {column} 混用了「日/月」和「月/日」兩種日期：{majority} 個儲存格只能是{order}，{minority} 個只能是另一種（如 {example}）；整欄按{order}讀取，這 {minority} 個儲存格被拒絕。",
    },
    "decimal_separator_detected": {
        "en": "Column {column}: numbers use {decimal} as the decimal separator, so {example} was read as {read}.",
        "zh": "列 {column}：数字以{decimal}作小数点，因此 {example} 读作 {read}。",
        "zh-Hant": "欄 {column}：數字以{decimal}作小數點，因此 {example} 讀作 {read}。",
    },
    "decimal_separator_assumed": {
        "en": "Column {column}: {example} could be a whole number with a thousands separator or a decimal; nothing else in the column decides it, so it was read as {read}. Check that this is right.",
        "zh": "列 {column}：{example} 既可能是带千位分隔符的整数，也可能是小数；该列中没有其他值可判断，已读作 {read}，请核对。",
        "zh-Hant": "欄 {column}：{example} 既可能是帶千位分隔符的整數，也可能是小數；該欄中沒有其他值可判斷，已讀作 {read}，請核對。",
    },
    "probability_percent_detected": {
        "en": "Column {column}: probabilities are written as percentages ({example} read as {read} %).",
        "zh": "列 {column}：概率以百分数填写（{example} 读作 {read}%）。",
        "zh-Hant": "欄 {column}：機率以百分數填寫（{example} 讀作 {read}%）。",
    },
    "probability_scale_mixed": {
        "en": "Column {column} holds percentages, yet {example} looks like a fraction; it was read as {example} %, not {read} %. Check that this is right.",
        "zh": "列 {column} 为百分数，但 {example} 看起来像小数；已读作 {example}%，而不是 {read}%，请核对。",
        "zh-Hant": "欄 {column} 為百分數，但 {example} 看起來像小數；已讀作 {example}%，而不是 {read}%，請核對。",
    },
    "read_corrupt_workbook": {
        "en": "{file} looks like an Excel workbook but is damaged ({detail}). Open it in Excel, save it again as .xlsx, and upload the new file.",
        "zh": "{file} 看起来是 Excel 工作簿，但文件已损坏（{detail}）。请用 Excel 打开并重新另存为 .xlsx 后再上传。",
        "zh-Hant": "{file} 看起來是 Excel 工作簿，但檔案已損壞（{detail}）。請用 Excel 開啟並重新另存為 .xlsx 後再上傳。",
    },
    "read_zip_not_workbook": {
        "en": "{file} is a zip archive but not an Excel workbook. Unzip it and upload the spreadsheet inside.",
        "zh": "{file} 是一个 zip 压缩包，而不是 Excel 工作簿。请解压后上传其中的电子表格。",
        "zh-Hant": "{file} 是一個 zip 壓縮包，而不是 Excel 工作簿。請解壓後上傳其中的電子表格。",
    },
    "read_zip_bomb": {
        "en": "{file} was refused: its part {part} would expand to {size_mb} MB (compression {ratio}:1), far beyond any real workbook (a 'zip bomb'). If the file is genuine, open it in Excel and save it again.",
        "zh": "{file} 已被拒绝：其中的 {part} 解压后将达到 {size_mb} MB（压缩比 {ratio}:1），远超正常工作簿（疑似“压缩炸弹”）。如果文件确实无害，请用 Excel 打开并重新保存。",
        "zh-Hant": "{file} 已被拒絕：其中的 {part} 解壓後將達到 {size_mb} MB（壓縮比 {ratio}:1），遠超正常工作簿（疑似「壓縮炸彈」）。如果檔案確實無害，請用 Excel 開啟並重新儲存。",
    },
    "read_unzipped_too_big": {
        "en": "{file} would expand to {size_mb:,} MB when unzipped, more than the {limit_mb:,} MB allowed. Remove unused sheets, pictures or formatting, or export the data as CSV.",
        "zh": "{file} 解压后将达到 {size_mb:,} MB，超过允许的 {limit_mb:,} MB。请删除不用的工作表、图片或格式，或导出为 CSV。",
        "zh-Hant": "{file} 解壓後將達到 {size_mb:,} MB，超過允許的 {limit_mb:,} MB。請刪除不用的工作表、圖片或格式，或匯出為 CSV。",
    },
    "read_xml_entities": {
        "en": "{file} was refused: its part {part} declares a DOCTYPE or XML entities, which Excel never writes and which are used in 'XML bomb' attacks. Open the file in Excel and save it again.",
        "zh": "{file} 已被拒绝：其中的 {part} 含有 DOCTYPE 或 XML 实体声明，Excel 从不生成这种内容，它常被用于“XML 炸弹”攻击。请用 Excel 打开并重新保存。",
        "zh-Hant": "{file} 已被拒絕：其中的 {part} 含有 DOCTYPE 或 XML 實體宣告，Excel 從不生成這種內容，它常被用於「XML 炸彈」攻擊。請用 Excel 開啟並重新儲存。",
    },
    "read_declared_too_big": {
        "en": "{file}: the sheet {sheet!r} claims {rows:,} rows × {cols:,} columns ({cells:,} cells), more than the {limit:,} cells allowed. Delete the unused rows and columns in Excel (or copy the data to a new sheet) and save again.",
        "zh": "{file}：工作表 {sheet!r} 声称有 {rows:,} 行 × {cols:,} 列（{cells:,} 个单元格），超过允许的 {limit:,} 个。请在 Excel 中删除多余的空行和空列（或把数据复制到新工作表）后重新保存。",
        "zh-Hant": "{file}：工作表 {sheet!r} 聲稱有 {rows:,} 列 × {cols:,} 欄（{cells:,} 個儲存格），超過允許的 {limit:,} 個。請在 Excel 中刪除多餘的空列和空欄（或把資料複製到新工作表）後重新儲存。",
    },
    "read_too_many_cells": {
        "en": "{file}: the sheet {sheet!r} uses {rows:,} rows × {cols:,} columns, more than the {limit:,} cells allowed. Delete unused rows and columns, or split the data into several files.",
        "zh": "{file}：工作表 {sheet!r} 使用了 {rows:,} 行 × {cols:,} 列，超过允许的 {limit:,} 个单元格。请删除多余的行和列，或把数据拆分成多个文件。",
        "zh-Hant": "{file}：工作表 {sheet!r} 使用了 {rows:,} 列 × {cols:,} 欄，超過允許的 {limit:,} 個儲存格。請刪除多餘的列和欄，或把資料拆分成多個檔案。",
    },
    "read_out_of_limits": {
        "en": "{file} could not be read within the safety limits ({memory_mb} MB of memory; the reader stopped with {how}). The workbook is damaged or its used range is huge: open it in Excel, delete empty rows and columns, save it again, or export the data as CSV.",
        "zh": "{file} 无法在安全限制内读取（内存上限 {memory_mb} MB；读取程序以 {how} 结束）。工作簿可能已损坏，或者已用区域过大：请用 Excel 打开，删除空行和空列后重新保存，或导出为 CSV。",
        "zh-Hant": "{file} 無法在安全限制內讀取（記憶體上限 {memory_mb} MB；讀取程式以 {how} 結束）。工作簿可能已損壞，或者已用區域過大：請用 Excel 開啟，刪除空列和空欄後重新儲存，或匯出為 CSV。",
    },
    "read_timeout": {
        "en": "{file} took more than {seconds:g} s to read and was stopped. Remove unused sheets, or export the data as CSV, and upload again.",
        "zh": "读取 {file} 超过 {seconds:g} 秒，已停止。请删除不用的工作表，或导出为 CSV 后再上传。",
        "zh-Hant": "讀取 {file} 超過 {seconds:g} 秒，已停止。請刪除不用的工作表，或匯出為 CSV 後再上傳。",
    },
    "read_password": {
        "en": "{file} is protected by a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save, and upload again.",
        "zh": "{file} 设置了密码保护。请用 Excel 打开，移除密码（文件 › 信息 › 保护工作簿）并保存后再上传。",
        "zh-Hant": "{file} 設定了密碼保護。請用 Excel 開啟，移除密碼（檔案 › 資訊 › 保護工作簿）並儲存後再上傳。",
    },
    "read_sheet_not_found": {
        "en": "{file} has no sheet named {sheet!r}. Its sheets are: {sheets}.",
        "zh": "{file} 中没有名为 {sheet!r} 的工作表。现有的工作表：{sheets}。",
        "zh-Hant": "{file} 中沒有名為 {sheet!r} 的工作表。現有的工作表：{sheets}。",
    },
    "read_workbook_error": {
        "en": "{file} could not be read as an Excel workbook ({detail}). Open it in Excel, save it again as .xlsx, and upload the new file.",
        "zh": "{file} 无法作为 Excel 工作簿读取（{detail}）。请用 Excel 打开并重新另存为 .xlsx 后再上传。",
        "zh-Hant": "{file} 無法作為 Excel 工作簿讀取（{detail}）。請用 Excel 開啟並重新另存為 .xlsx 後再上傳。",
    },
    "excel_error": {
        "en": "{column} holds the Excel error {value} (a formula that failed); fix it in the workbook",
        "zh": "{column} 是 Excel 错误值 {value}（公式计算失败），请在工作簿中修正",
        "zh-Hant": "{column} 是 Excel 錯誤值 {value}（公式計算失敗），請在工作簿中修正",
    },
    "note_unit_scaled": {
        "en": "{column}: the header gives the unit {unit}, so every value was multiplied by {factor} (stored in {base}).",
        "zh": "{column}：表头注明单位为 {unit}，所有数值已乘以 {factor}（按{base}保存）。",
        "zh-Hant": "{column}：表頭註明單位為 {unit}，所有數值已乘以 {factor}（按{base}儲存）。",
    },
    "note_currency": {
        "en": "{table}: amounts are in {currency} ({how}).",
        "zh": "{table}：金额币种为 {currency}（{how}）。",
        "zh-Hant": "{table}：金額幣種為 {currency}（{how}）。",
    },
    "mixed_currencies": {
        "en": "{file}: the amounts are in several currencies ({currencies}) and cannot be added up. Upload an exchange-rate table with the file (columns: currency, period, rate to the reporting currency) or split the file by currency.",
        "zh": "{file}：金额包含多种币种（{currencies}），不能直接相加。请同时上传汇率表（列：币种、期间、折算为报告币种的汇率），或按币种拆分文件。",
        "zh-Hant": "{file}：金額包含多種幣種（{currencies}），不能直接相加。請同時上傳匯率表（欄：幣種、期間、折算為報表幣種的匯率），或按幣種拆分檔案。",
    },
    "note_converted": {
        "en": "Amounts in {currencies} were converted to {target} with the uploaded exchange rates ({rows} rows).",
        "zh": "{currencies} 金额已按上传的汇率折算为 {target}（{rows} 行）。",
        "zh-Hant": "{currencies} 金額已按上傳的匯率折算為 {target}（{rows} 列）。",
    },
    "no_fx_rate": {
        "en": "no exchange rate for {currency} in {period}",
        "zh": "缺少 {currency} 在 {period} 的汇率",
        "zh-Hant": "缺少 {currency} 在 {period} 的匯率",
    },
    "unknown_currency": {
        "en": "currency {value!r} is not a known currency code (such as CNY, USD, EUR)",
        "zh": "币种 {value!r} 不是可识别的币种代码（如 CNY、USD、EUR）",
        "zh-Hant": "幣種 {value!r} 不是可識別的幣種程式碼（如 CNY、USD、EUR）",
    },
    "currency_unknown_in_mix": {
        "en": "the currency of this amount is not stated, and the file mixes {currencies}",
        "zh": "此金额未注明币种，而文件中混有 {currencies}",
        "zh-Hant": "此金額未註明幣種，而檔案中混有 {currencies}",
    },
    "note_close_by_status": {
        "en": "Close dates by status: won deals take {won}, lost deals {lost}, open deals {expected}.",
        "zh": "按状态取成交日期：赢单用 {won}，输单用 {lost}，进行中用 {expected}。",
        "zh-Hant": "按狀態取成交日期：成交用 {won}，失單用 {lost}，進行中用 {expected}。",
    },
    "nothing_loaded": {
        "en": "{file} [{sheet}]: none of the {rows} row(s) could be loaded as {table}. First reasons: {reasons}. Check the column mapping on the Data page (CLI: --map).",
        "zh": "{file} [{sheet}]：{rows} 行中没有一行能作为{table}导入。主要原因：{reasons}。请在“数据”页面检查字段对应（命令行：--map）。",
        "zh-Hant": "{file} [{sheet}]：{rows} 列中沒有一列能作為{table}匯入。主要原因：{reasons}。請在「資料」頁面檢查欄位對應（命令列：--map）。",
    },
    "values_do_not_fit": {
        "en": "{file}: the column {header!r} is named like {column}, but its values are not {expected} (e.g. {examples}), so it was not used.",
        "zh": "{file}：列 {header!r} 的名称像 {column}，但其中的值不是{expected}（例如 {examples}），因此未使用。",
        "zh-Hant": "{file}：欄 {header!r} 的名稱像 {column}，但其中的值不是{expected}（例如 {examples}），因此未使用。",
    },
    "sheet_skipped": {
        "en": "{file}: sheet {sheet!r} was skipped: it does not hold {table} ({why}).",
        "zh": "{file}：已跳过工作表 {sheet!r}：它不是{table}数据（{why}）。",
        "zh-Hant": "{file}：已跳過工作表 {sheet!r}：它不是{table}資料（{why}）。",
    },
    "import.why.no_rows": {
        "en": "no data rows",
        "zh": "没有数据行",
        "zh-Hant": "沒有資料列",
    },
    "import.why.looks_like": {
        "en": "it looks like {table}",
        "zh": "看起来是{table}",
        "zh-Hant": "看起來是{table}",
    },
    "import.why.no_column": {
        "en": "no column for {names}",
        "zh": "缺少 {names} 列",
        "zh-Hant": "缺少 {names} 欄",
    },
    "import.reason_count": {
        "en": "{reason} ({n}×)",
        "zh": "{reason}（{n} 次）",
        "zh-Hant": "{reason}（{n} 次）",
    },
    "import.base_unit": {
        "en": "units",
        "zh": "基本单位",
        "zh-Hant": "基本單位",
    },
    "import.currency_how.column": {
        "en": "from the currency column",
        "zh": "来自币种列",
        "zh-Hant": "來自幣種欄",
    },
    "import.currency_how.cells": {
        "en": "from the symbols in the cells",
        "zh": "来自单元格中的货币符号",
        "zh-Hant": "來自儲存格中的貨幣符號",
    },
    "import.currency_how.header": {
        "en": "from the header",
        "zh": "来自表头",
        "zh-Hant": "來自表頭",
    },
    "import.expected.period": {
        "en": "a month, quarter or year",
        "zh": "月份、季度或年份",
        "zh-Hant": "月份、季度或年份",
    },
    "import.expected.date": {
        "en": "a date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "import.expected.number": {
        "en": "a number",
        "zh": "数字",
        "zh-Hant": "數字",
    },
    "import.expected.probability": {
        "en": "a probability (0–1 or 0–100 %)",
        "zh": "概率（0–1 或 0–100%）",
        "zh-Hant": "機率（0–1 或 0–100%）",
    },
    "import.expected.score": {
        "en": "a score",
        "zh": "评分",
        "zh-Hant": "評分",
    },
}
