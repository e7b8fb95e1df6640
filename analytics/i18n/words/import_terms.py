"""Words the importer names inside its messages: file kinds, delimiters, expected values, statuses."""

WORDS: dict[str, dict[str, str]] = {
    "file_kind.pdf_document": {
        "en": "a PDF document",
        "zh": "PDF 文档",
        "zh-Hant": "PDF 檔案",
    },
    "file_kind.png_image": {
        "en": "a PNG image",
        "zh": "PNG 图片",
        "zh-Hant": "PNG 圖片",
    },
    "file_kind.gif_image": {
        "en": "a GIF image",
        "zh": "GIF 图片",
        "zh-Hant": "GIF 圖片",
    },
    "file_kind.jpeg_image": {
        "en": "a JPEG image",
        "zh": "JPEG 图片",
        "zh-Hant": "JPEG 圖片",
    },
    "file_kind.gzip_archive": {
        "en": "a gzip archive",
        "zh": "gzip 压缩包",
        "zh-Hant": "gzip 壓縮包",
    },
    "file_kind.7_zip_archive": {
        "en": "a 7-Zip archive",
        "zh": "7-Zip 压缩包",
        "zh-Hant": "7-Zip 壓縮包",
    },
    "file_kind.rar_archive": {
        "en": "a RAR archive",
        "zh": "RAR 压缩包",
        "zh-Hant": "RAR 壓縮包",
    },
    "file_kind.program": {
        "en": "a program",
        "zh": "程序文件",
        "zh-Hant": "程式檔案",
    },
    "file_kind.empty_zip_archive": {
        "en": "an empty zip archive",
        "zh": "空 zip 压缩包",
        "zh-Hant": "空 zip 壓縮包",
    },
    "file_kind.binary": {
        "en": "binary data",
        "zh": "二进制数据",
        "zh-Hant": "二進位資料",
    },
    "file_kind.html": {
        "en": "a web page (HTML)",
        "zh": "网页（HTML）",
        "zh-Hant": "網頁（HTML）",
    },
    "file_kind.excel_2003_xml": {
        "en": "an Excel 2003 XML spreadsheet",
        "zh": "Excel 2003 XML 电子表格",
        "zh-Hant": "Excel 2003 XML 試算表",
    },
    "delimiter.comma": {
        "en": "comma (,)",
        "zh": "逗号（,）",
        "zh-Hant": "逗號（,）",
    },
    "delimiter.semicolon": {
        "en": "semicolon (;)",
        "zh": "分号（;）",
        "zh-Hant": "分號（;）",
    },
    "delimiter.tab": {
        "en": "tab",
        "zh": "制表符",
        "zh-Hant": "定位字元",
    },
    "delimiter.pipe": {
        "en": "pipe (|)",
        "zh": "竖线（|）",
        "zh-Hant": "直線（|）",
    },
    "expected.date": {
        "en": "a date",
        "zh": "日期",
        "zh-Hant": "日期",
    },
    "expected.number": {
        "en": "a number",
        "zh": "数字",
        "zh-Hant": "數字",
    },
    "expected.probability": {
        "en": "a probability (0–1 or 0–100 %)",
        "zh": "概率（0–1 或 0–100%）",
        "zh-Hant": "機率（0–1 或 0–100%）",
    },
    "expected.score": {
        "en": "a score",
        "zh": "评分",
        "zh-Hant": "評分",
    },
    "expected.valid": {
        "en": "valid",
        "zh": "有效值",
        "zh-Hant": "有效值",
    },
    "deal_status.won": {
        "en": "won",
        "zh": "赢单",
        "zh-Hant": "成交",
    },
    "deal_status.lost": {
        "en": "lost",
        "zh": "输单",
        "zh-Hant": "失單",
    },
    "deal_status.open": {
        "en": "open",
        "zh": "进行中",
        "zh-Hant": "進行中",
    },
    "duplicate_key.target_owner": {
        "en": "period and owner",
        "zh": "期间和负责人",
        "zh-Hant": "期間和負責人",
    },
    "date_order.day_first": {
        "en": "day/month/year",
        "zh": "日/月/年",
        "zh-Hant": "日/月/年",
    },
    "date_order.month_first": {
        "en": "month/day/year",
        "zh": "月/日/年",
        "zh-Hant": "月/日/年",
    },
    "decimal.comma": {
        "en": "the comma \",\"",
        "zh": "逗号“,”",
        "zh-Hant": "逗號「,」",
    },
    "decimal.point": {
        "en": "the point \".\"",
        "zh": "句点“.”",
        "zh-Hant": "句點「.」",
    },
    "rejected.row": {
        "en": "row",
        "zh": "行号",
        "zh-Hant": "列號",
    },
    "rejected.reason": {
        "en": "reason",
        "zh": "原因",
        "zh-Hant": "原因",
    },
}
