"""Texts of the team's workspace (busy, damaged, history, retention) and of the data's origins:
key → (English, 简体中文)."""

TEXT: dict[str, tuple[str, str]] = {
    "workspace.opening": ("Opening the team's data…", "正在打开团队数据…"),
    "workspace.busy_retrying": ("The team's data is busy (another program is using it), retrying… "
                                "{seconds} s of {limit} s.",
                                "团队数据正忙（另一个程序正在使用），正在重试… 已等待 {seconds} 秒，最多 {limit} 秒。"),
    "workspace.busy_gave_up": ("The team's data is still busy after {seconds} s: it is held by {holder}. Nothing "
                               "is shown rather than other data. Try again when that program has finished.",
                               "等待 {seconds} 秒后团队数据仍然被占用：占用者为 {holder}。为避免显示其他数据，"
                               "此处不显示任何内容。请在该程序结束后重试。"),
    "workspace.holder_unknown": ("another program", "另一个程序"),
    "workspace.try_again": ("Try again", "重试"),
    # data page: upload kept, duplicates, combining, history
    "data.upload_kept": ("Your upload is kept while you use other pages: {files}. Uploading files again "
                         "replaces it.",
                         "切换页面时会保留您上传的文件：{files}。重新上传将替换这些文件。"),
    "data.clear_upload": ("Clear upload", "清除上传"),
    "data.already_published": ("{file} has the same content as {earlier}, already published in version "
                               "{version} ({when}). Publishing it again would count it twice.",
                               "{file} 的内容与已在版本 {version}（{when}）中发布的 {earlier} 相同，"
                               "再次发布会重复计算。"),
    "data.team_none_to_combine": ("Tables your files do not contain stay empty: the team has not published "
                                  "data to combine with them (the sample company is never mixed in).",
                                  "您的文件中没有的表保持为空：团队尚未发布可与之合并的数据（示例公司数据不会混入）。"),
    "data.combine_title": ("Combine with the team's published data (version {version}), table by table",
                           "逐表与团队已发布的数据（版本 {version}）合并"),
    "data.use_team_table": ("Use the team's {table} with my files", "将团队的{table}与我的文件一起使用"),
    "data.publish_failed_because": ("Publishing failed; the team's data is unchanged. {problem}",
                                    "发布失败，团队数据未改变。{problem}"),
    "data.retention_note": ("Versions are kept for {days} days, pinned versions for ever (Settings).",
                            "版本保留 {days} 天，已固定的版本永久保留（见“设置”）。"),
    "data.hist.files": ("Files", "文件"),
    "data.hist.pinned": ("Pinned", "已固定"),
    "data.hist.log": ("Every publish and rollback", "所有发布与恢复记录"),
    # the banner: where each table's rows come from
    "banner.session_origins": ("Your uploaded files (only you see them until you publish): {files}. {origins}",
                               "您上传的文件（发布前仅您可见）：{files}。{origins}"),
    "banner.origin.upload": ("{table}: your upload", "{table}：您的上传"),
    "banner.origin.team": ("{table}: team's published data (version {version})",
                           "{table}：团队已发布数据（版本 {version}）"),
    "banner.origin.none": ("not loaded: {tables}", "未加载：{tables}"),
    # attainment views without targets
    "common.no_targets_loaded": ("No targets loaded: attainment, pace and gaps need a targets file. Reps are "
                                 "not marked as behind.",
                                 "未加载目标：达成率、进度和差距需要目标文件。不会将销售代表标记为落后。"),
    "common.go_to_data": ("Open the Data page", "打开“数据”页面"),
    # settings: history
    "settings.history": ("Published versions", "已发布版本"),
    "settings.retention_days": ("Keep versions for (days)", "版本保留天数"),
    "settings.retention_help": ("Older versions are dropped at the next publish unless pinned; the version in "
                                "use is always kept.",
                                "超过天数的旧版本会在下次发布时删除（已固定的除外）；正在使用的版本始终保留。"),
    "settings.pinned": ("Pinned versions (kept for ever)", "固定的版本（永久保留）"),
    "settings.pin_save": ("Save pins", "保存固定设置"),
    "settings.pins_saved": ("Pinned versions saved.", "已保存固定的版本。"),
    "settings.version_label": ("Version {version} · {when} · {files}", "版本 {version} · {when} · {files}"),
}
