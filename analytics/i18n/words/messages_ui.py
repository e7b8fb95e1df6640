"""Words of messages ui."""

WORDS: dict[str, dict[str, str]] = {
    "upload_failed": {
        "en": "{file}: the file could not be read ({reason}). Save it again as .xlsx or UTF-8 CSV and retry.",
        "zh": "{file}：无法读取此文件（{reason}）。请另存为 .xlsx 或 UTF-8 CSV 后重试。",
        "zh-Hant": "{file}：無法讀取此檔案（{reason}）。請另存為 .xlsx 或 UTF-8 CSV 後重試。",
    },
}
