"""Words of workspace."""

WORDS: dict[str, dict[str, str]] = {
    "workspace.opening": {
        "en": "Opening the team's data…",
        "zh": "正在打开团队数据…",
        "zh-Hant": "正在開啟團隊資料…",
    },
    "workspace.busy_retrying": {
        "en": "The team's data is busy (another program is using it), retrying… {seconds} s of {limit} s.",
        "zh": "团队数据正忙（另一个程序正在使用），正在重试… 已等待 {seconds} 秒，最多 {limit} 秒。",
        "zh-Hant": "團隊資料正忙（另一個程式正在使用），正在重試… 已等待 {seconds} 秒，最多 {limit} 秒。",
    },
    "workspace.busy_gave_up": {
        "en": "The team's data is still busy after {seconds} s: it is held by {holder}. Nothing is shown rather than other data. Try again when that program has finished.",
        "zh": "等待 {seconds} 秒后团队数据仍然被占用：占用者为 {holder}。为避免显示其他数据，此处不显示任何内容。请在该程序结束后重试。",
        "zh-Hant": "等待 {seconds} 秒後團隊資料仍然被佔用：佔用者為 {holder}。為避免顯示其他資料，此處不顯示任何內容。請在該程式結束後重試。",
    },
    "workspace.holder_unknown": {
        "en": "another program",
        "zh": "另一个程序",
        "zh-Hant": "另一個程式",
    },
    "workspace.new_version": {
        "en": "Version {version} was just published: the page now shows it.",
        "zh": "刚刚发布了版本 {version}：页面已显示该版本。",
        "zh-Hant": "剛剛發佈了版本 {version}：頁面已顯示該版本。",
    },
    "workspace.try_again": {
        "en": "Try again",
        "zh": "重试",
        "zh-Hant": "重試",
    },
    "data.upload_kept": {
        "en": "Your upload is kept while you use other pages: {files}. Uploading files again replaces it.",
        "zh": "切换页面时会保留您上传的文件：{files}。重新上传将替换这些文件。",
        "zh-Hant": "切換頁面時會保留您上傳的檔案：{files}。重新上傳將替換這些檔案。",
    },
    "data.clear_upload": {
        "en": "Clear upload",
        "zh": "清除上传",
        "zh-Hant": "清除上傳",
    },
    "data.already_published": {
        "en": "{file} has the same content as {earlier}, already published in version {version} ({when}). Publishing it again would count it twice.",
        "zh": "{file} 的内容与已在版本 {version}（{when}）中发布的 {earlier} 相同，再次发布会重复计算。",
        "zh-Hant": "{file} 的內容與已在版本 {version}（{when}）中發布的 {earlier} 相同，再次發布會重複計算。",
    },
    "data.team_none_to_combine": {
        "en": "Tables your files do not contain stay empty: the team has not published data to combine with them (the sample company is never mixed in).",
        "zh": "您的文件中没有的表保持为空：团队尚未发布可与之合并的数据（示例公司数据不会混入）。",
        "zh-Hant": "您的檔案中沒有的表保持為空：團隊尚未發布可與之合併的資料（範例公司資料不會混入）。",
    },
    "data.combine_title": {
        "en": "Combine with the team's published data (version {version}), table by table",
        "zh": "逐表与团队已发布的数据（版本 {version}）合并",
        "zh-Hant": "逐表與團隊已發布的資料（版本 {version}）合併",
    },
    "data.use_team_table": {
        "en": "Use the team's {table} with my files",
        "zh": "将团队的{table}与我的文件一起使用",
        "zh-Hant": "將團隊的{table}與我的檔案一起使用",
    },
    "data.publish_failed_because": {
        "en": "Publishing failed; the team's data is unchanged. {problem}",
        "zh": "发布失败，团队数据未改变。{problem}",
        "zh-Hant": "發布失敗，團隊資料未改變。{problem}",
    },
    "data.retention_note": {
        "en": "Versions are kept for {days} days, pinned versions for ever (Settings).",
        "zh": "版本保留 {days} 天，已固定的版本永久保留（见“设置”）。",
        "zh-Hant": "版本保留 {days} 天，已固定的版本永久保留（見「設定」）。",
    },
    "data.hist.files": {
        "en": "Files",
        "zh": "文件",
        "zh-Hant": "檔案",
    },
    "data.hist.pinned": {
        "en": "Pinned",
        "zh": "已固定",
        "zh-Hant": "已固定",
    },
    "data.hist.log": {
        "en": "Every publish and rollback",
        "zh": "所有发布与恢复记录",
        "zh-Hant": "所有發布與恢復記錄",
    },
    "banner.session_origins": {
        "en": "Your uploaded files (only you see them until you publish): {files}. {origins}",
        "zh": "您上传的文件（发布前仅您可见）：{files}。{origins}",
        "zh-Hant": "您上傳的檔案（發布前僅您可見）：{files}。{origins}",
    },
    "banner.origin.upload": {
        "en": "{table}: your upload",
        "zh": "{table}：您的上传",
        "zh-Hant": "{table}：您的上傳",
    },
    "banner.origin.team": {
        "en": "{table}: team's published data (version {version})",
        "zh": "{table}：团队已发布数据（版本 {version}）",
        "zh-Hant": "{table}：團隊已發布資料（版本 {version}）",
    },
    "banner.origin.none": {
        "en": "not loaded: {tables}",
        "zh": "未加载：{tables}",
        "zh-Hant": "未載入：{tables}",
    },
    "common.no_targets_loaded": {
        "en": "No targets loaded: attainment, pace and gaps need a targets file. Reps are not marked as behind.",
        "zh": "未加载目标：达成率、进度和差距需要目标文件。不会将销售代表标记为落后。",
        "zh-Hant": "未載入目標：達成率、進度和差距需要目標檔案。不會將銷售代表標記為落後。",
    },
    "common.go_to_data": {
        "en": "Open the Data page",
        "zh": "打开“数据”页面",
        "zh-Hant": "開啟「資料」頁面",
    },
    "settings.history": {
        "en": "Published versions",
        "zh": "已发布版本",
        "zh-Hant": "已發布版本",
    },
    "settings.retention_days": {
        "en": "Keep versions for (days)",
        "zh": "版本保留天数",
        "zh-Hant": "版本保留天數",
    },
    "settings.retention_help": {
        "en": "Older versions are dropped at the next publish unless pinned; the version in use is always kept.",
        "zh": "超过天数的旧版本会在下次发布时删除（已固定的除外）；正在使用的版本始终保留。",
        "zh-Hant": "超過天數的舊版本會在下次發布時刪除（已固定的除外）；正在使用的版本始終保留。",
    },
    "settings.pinned": {
        "en": "Pinned versions (kept for ever)",
        "zh": "固定的版本（永久保留）",
        "zh-Hant": "固定的版本（永久保留）",
    },
    "settings.pin_save": {
        "en": "Save pins",
        "zh": "保存固定设置",
        "zh-Hant": "儲存固定設定",
    },
    "settings.pins_saved": {
        "en": "Pinned versions saved.",
        "zh": "已保存固定的版本。",
        "zh-Hant": "已儲存固定的版本。",
    },
    "settings.version_label": {
        "en": "Version {version} · {when} · {files}",
        "zh": "版本 {version} · {when} · {files}",
        "zh-Hant": "版本 {version} · {when} · {files}",
    },
}
