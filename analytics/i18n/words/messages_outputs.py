"""Words of messages outputs."""

WORDS: dict[str, dict[str, str]] = {
    "cli_bad_period": {
        "en": "--period {value!r}: {reason}",
        "zh": "--period 参数 {value!r} 无效：{reason}",
        "zh-Hant": "--period 引數 {value!r} 無效：{reason}",
    },
    "cli_file_errors": {
        "en": "{count} file(s) or sheet(s) could not be loaded.",
        "zh": "{count} 个文件或工作表无法导入。",
        "zh-Hant": "{count} 個檔案或工作表無法匯入。",
    },
    "report.unknown_rep": {
        "en": "Report: there is no rep called {rep!r} in the data (deals, targets or surveys).",
        "zh": "报告：数据（商机、目标或调查）中没有名为 {rep!r} 的销售代表。",
        "zh-Hant": "報表：資料（商機、目標或調查）中沒有名為 {rep!r} 的銷售代表。",
    },
    "report.no_plan": {
        "en": "Report: the commission plan cannot be used, so the payouts are left out.",
        "zh": "报告：提成方案无法使用，因此未包含提成。",
        "zh-Hant": "報表：佣金方案無法使用，因此未包含佣金。",
    },
    "cli_bad_date": {
        "en": "{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.",
        "zh": "{value!r} 不是日期：请写成 YYYY-MM-DD，例如 2026-03-01。",
        "zh-Hant": "{value!r} 不是日期：請寫成 YYYY-MM-DD，例如 2026-03-01。",
    },
    "cli_no_snapshot": {
        "en": "There is no snapshot {value!r}: give a snapshot number, a date on or after the first snapshot, or a deals file.",
        "zh": "没有快照 {value!r}：请给出快照编号、不早于第一个快照的日期，或一个商机文件。",
        "zh-Hant": "沒有快照 {value!r}：請給出快照編號、不早於第一個快照的日期，或一個商機檔案。",
    },
    "cli_unknown_table": {
        "en": "{where}: not recognised as any table; nothing was published. Use --map to name its columns.",
        "zh": "{where}：无法识别为任何数据表，未发布任何数据。请用 --map 指定列。",
        "zh-Hant": "{where}：無法識別為任何資料表，未發布任何資料。請用 --map 指定欄。",
    },
    "cli_no_rows": {
        "en": "{where}: no row could be loaded (first: row {row}, {reason}).",
        "zh": "{where}：没有可导入的行（第一行：第 {row} 行，{reason}）。",
        "zh-Hant": "{where}：沒有可匯入的列（第一列：第 {row} 列，{reason}）。",
    },
    "cli_already_published": {
        "en": "{file} has the same content as {earlier}, already published in version {version} ({when}).",
        "zh": "{file} 的内容与 {earlier} 相同，已在版本 {version}（{when}）中发布。",
        "zh-Hant": "{file} 的內容與 {earlier} 相同，已在版本 {version}（{when}）中發布。",
    },
    "cli_not_published": {
        "en": "Nothing was published: {count} file(s) failed.",
        "zh": "未发布任何数据：{count} 个文件未通过检查。",
        "zh-Hant": "未發布任何資料：{count} 個檔案未通過檢查。",
    },
}
