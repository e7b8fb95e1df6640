"""Words of role scopes: what a signed-in person may read and change."""

WORDS: dict[str, dict[str, str]] = {
    "scope.widened.rep": {
        "en": "This link named another rep; showing your own figures.",
        "zh": "此链接指向其他销售代表；现显示您本人的数据。",
        "zh-Hant": "此連結指向其他銷售代表；現顯示您本人的資料。",
    },
    "scope.widened.team": {
        "en": "This link named another team; showing your team's figures.",
        "zh": "此链接指向其他团队；现显示您所在团队的数据。",
        "zh-Hant": "此連結指向其他團隊；現顯示您所在團隊的資料。",
    },
    "scope.unmatched.rep": {
        "en": "Your account names the rep {rep}, and no deal or target in this data does, so every figure below is empty. Ask a director to set your account's rep name as the data writes it (Settings → Accounts).",
        "zh": "您的账户对应的销售代表是 {rep}，但当前数据中没有该销售的商机或目标，因此以下数据均为空。请联系总监在“设置 → 账户”中将您账户的销售代表名称改为数据中的写法。",
        "zh-Hant": "您的帳戶對應的銷售代表是 {rep}，但目前資料中沒有該銷售的商機或目標，因此以下資料均為空。請聯絡總監在「設定 → 帳戶」中將您的銷售代表名稱改為資料中的寫法。",
    },
    "scope.unmatched.team": {
        "en": "Your account names the team(s) {teams}, and no deal or target in this data does, so every figure below is empty. Ask a director to set your account's teams as the data writes them (Settings → Accounts).",
        "zh": "您的账户对应的团队是 {teams}，但当前数据中没有这些团队的商机或目标，因此以下数据均为空。请联系总监在“设置 → 账户”中将团队名称改为数据中的写法。",
        "zh-Hant": "您的帳戶對應的團隊是 {teams}，但目前資料中沒有這些團隊的商機或目標，因此以下資料均為空。請聯絡總監在「設定 → 帳戶」中將團隊名稱改為資料中的寫法。",
    },
    "scope.refused.data": {
        "en": "Publishing, rolling back, restoring, pinning and backing up the team's data belong to the director (or an analyst granted data rights). {login} is signed in as {role}: nothing was changed.",
        "zh": "发布、回滚、恢复、固定和备份团队数据仅限总监（或获授权的分析师）。{login} 的角色是 {role}：未做任何更改。",
        "zh-Hant": "發布、回滾、恢復、固定和備份團隊資料僅限總監（或獲授權的分析師）。{login} 的角色是 {role}：未做任何更改。",
    },
    "scope.refused.settings": {
        "en": "Settings, the commission plan and the KPI weights belong to the director. {login} is signed in as {role}: nothing was changed.",
        "zh": "设置、提成方案和 KPI 权重仅限总监修改。{login} 的角色是 {role}：未做任何更改。",
        "zh-Hant": "設定、提成方案和 KPI 權重僅限總監修改。{login} 的角色是 {role}：未做任何更改。",
    },
    "scope.read_only_settings": {
        "en": "You can read the settings here; only the director can change them.",
        "zh": "您可以在此查看设置；只有总监可以修改。",
        "zh-Hant": "您可以在此檢視設定；只有總監可以修改。",
    },
    "scope.data_read_only": {
        "en": "You can upload files for your own session; publishing and rolling back the team's data belong to the director.",
        "zh": "您可以上传文件供本人会话使用；发布和回滚团队数据仅限总监。",
        "zh-Hant": "您可以上傳檔案供本人工作階段使用；發布和回滾團隊資料僅限總監。",
    },
    "scope.no_pay": {
        "en": "Pay figures are not part of your role's view.",
        "zh": "您的角色无权查看薪酬数据。",
        "zh-Hant": "您的角色無權檢視薪酬資料。",
    },
    "scope.standing.title": {
        "en": "Where you stand",
        "zh": "您的排名",
        "zh-Hant": "您的排名",
    },
    "scope.standing.team_total": {
        "en": "Team attainment",
        "zh": "团队达成率",
        "zh-Hant": "團隊達成率",
    },
    "scope.standing.company_total": {
        "en": "Company attainment",
        "zh": "公司达成率",
        "zh-Hant": "公司達成率",
    },
    "scope.standing.rank": {
        "en": "Rank",
        "zh": "排名",
        "zh-Hant": "排名",
    },
    "scope.standing.rep": {
        "en": "Rep",
        "zh": "销售代表",
        "zh-Hant": "銷售代表",
    },
    "scope.standing.attainment": {
        "en": "Attainment",
        "zh": "达成率",
        "zh-Hant": "達成率",
    },
    "scope.cli_unknown_login": {
        "en": "--as {login}: no such account in this workspace. List them with: python -m analytics users list",
        "zh": "--as {login}：此工作区没有该账户。可用以下命令列出账户：python -m analytics users list",
        "zh-Hant": "--as {login}：此工作區沒有該帳戶。可用以下命令列出帳戶：python -m analytics users list",
    },
}
