"""Words of messages store."""

WORDS: dict[str, dict[str, str]] = {
    "file_not_found": {
        "en": "{file}: no such file or folder.",
        "zh": "{file}：文件或文件夹不存在。",
        "zh-Hant": "{file}：檔案或資料夾不存在。",
    },
    "file_unreadable": {
        "en": "{file}: could not be opened ({reason}).",
        "zh": "{file}：无法打开（{reason}）。",
        "zh-Hant": "{file}：無法開啟（{reason}）。",
    },
    "kind_mismatch": {
        "en": "{file} was given as {kind} but looks like {found}; it is read as {kind}.",
        "zh": "{file} 按 {kind} 提供，但看起来是 {found}；已按 {kind} 读取。",
        "zh-Hant": "{file} 按 {kind} 提供，但看起來是 {found}；已按 {kind} 讀取。",
    },
    "view_bad_name": {
        "en": "A view needs a name of 1 to {limit} characters, without line breaks or control characters.",
        "zh": "视图名称须为 1 到 {limit} 个字符，且不能包含换行或控制字符。",
        "zh-Hant": "檢視名稱須為 1 到 {limit} 個字元，且不能包含換行或控制字元。",
    },
    "view_bad_kind": {
        "en": "Unknown kind of view {kind}; use one of {choices}.",
        "zh": "未知的视图类型 {kind}，请使用 {choices} 之一。",
        "zh-Hant": "未知的檢視類型 {kind}，請使用 {choices} 之一。",
    },
    "view_bad_params": {
        "en": "The view {name} holds settings the Explore page does not know ({detail}).",
        "zh": "视图 {name} 包含“[[nav.explore]]”页面无法识别的设置（{detail}）。",
        "zh-Hant": "檢視 {name} 包含「[[nav.explore]]」頁面無法識別的設定（{detail}）。",
    },
    "view_too_many": {
        "en": "The workspace already keeps {limit} views: delete some first.",
        "zh": "工作区已保存 {limit} 个视图，请先删除一些。",
        "zh-Hant": "工作區已儲存 {limit} 個檢視，請先刪除一些。",
    },
    "views_unreadable": {
        "en": "The saved views file could not be read ({reason}); it is kept as {backup} when the next view is saved.",
        "zh": "无法读取已保存视图的文件（{reason}）；保存下一个视图时，原文件将另存为 {backup}。",
        "zh-Hant": "無法讀取已儲存檢視的檔案（{reason}）；儲存下一個檢視時，原檔案將另存為 {backup}。",
    },
    "view_skipped": {
        "en": "Saved view {name} was skipped: {reason}",
        "zh": "已跳过保存的视图 {name}：{reason}",
        "zh-Hant": "已跳過儲存的檢視 {name}：{reason}",
    },
    "duplicate_of_file": {
        "en": "duplicate of {file} row {row} (same deal ID)",
        "zh": "与 {file} 第 {row} 行重复（商机编号相同）",
        "zh-Hant": "與 {file} 第 {row} 列重複（商機編號相同）",
    },
    "warn_duplicates_across": {
        "en": "{count} row(s) repeat a deal ID already loaded from {files}; each repeat is listed as rejected.",
        "zh": "{count} 行的商机编号与 {files} 中已导入的行重复；重复行列为已拒绝。",
        "zh-Hant": "{count} 列的商機編號與 {files} 中已匯入的列重複；重複列列為已拒絕。",
    },
    "workspace_busy": {
        "en": "The team's data ({file}) is busy: another program holds it{holder}. Tried {attempts} times over {waited:.1f} s.",
        "zh": "团队数据（{file}）正被占用：另一个程序正在使用它{holder}。已在 {waited:.1f} 秒内重试 {attempts} 次。",
        "zh-Hant": "團隊資料（{file}）正被佔用：另一個程式正在使用它{holder}。已在 {waited:.1f} 秒內重試 {attempts} 次。",
    },
    "workspace_corrupt": {
        "en": "The team's data file {file} is damaged and cannot be read ({reason}). Restore it from a backup: {command}",
        "zh": "团队数据文件 {file} 已损坏，无法读取（{reason}）。请从备份恢复：{command}",
        "zh-Hant": "團隊資料檔案 {file} 已損壞，無法讀取（{reason}）。請從備份恢復：{command}",
    },
    "workspace_unreachable": {
        "en": "The team's database ({database}) does not answer after {waited:.0f} s ({reason}). Nothing is shown rather than other data. Check that the database server is running, then try again.",
        "zh": "团队数据库（{database}）在 {waited:.0f} 秒内没有响应（{reason}）。为避免显示其他数据，此处不显示任何内容。请确认数据库服务器正在运行，然后重试。",
        "zh-Hant": "團隊資料庫（{database}）在 {waited:.0f} 秒內沒有回應（{reason}）。為避免顯示其他資料，此處不顯示任何內容。請確認資料庫伺服器正在執行，然後重試。",
    },
    "workspace_nothing": {
        "en": "Nothing has been published to {folder} yet.",
        "zh": "{folder} 中尚未发布任何数据。",
        "zh-Hant": "{folder} 中尚未發布任何資料。",
    },
}
