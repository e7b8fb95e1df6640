"""Words of sign-in, accounts and the audit log."""

WORDS: dict[str, dict[str, str]] = {
    # --- problems the accounts library reports ---
    "accounts.unknown_login": {
        "en": "No account with the login {login!r}.",
        "zh": "没有登录名为 {login!r} 的账户。",
        "zh-Hant": "沒有登入名稱為 {login!r} 的帳戶。",
    },
    "accounts.bad_role": {
        "en": "{role!r} is not a role; use one of: {roles}.",
        "zh": "{role!r} 不是有效角色，请使用：{roles}。",
        "zh-Hant": "{role!r} 不是有效角色，請使用：{roles}。",
    },
    "accounts.short_password": {
        "en": "The password is too short: use at least {min} characters.",
        "zh": "密码太短：至少需要 {min} 个字符。",
        "zh-Hant": "密碼太短：至少需要 {min} 個字元。",
    },
    "accounts.empty_login": {
        "en": "The login is empty.",
        "zh": "登录名为空。",
        "zh-Hant": "登入名稱為空。",
    },
    "accounts.exists": {
        "en": "An account with the login {login!r} already exists.",
        "zh": "登录名为 {login!r} 的账户已存在。",
        "zh-Hant": "登入名稱為 {login!r} 的帳戶已存在。",
    },
    "accounts.last_director": {
        "en": "This is the last director: add another director first, or nobody could manage accounts and settings.",
        "zh": "这是最后一位总监：请先添加另一位总监，否则将无人能管理账户和设置。",
        "zh-Hant": "這是最後一位總監：請先新增另一位總監，否則將無人能管理帳戶和設定。",
    },
    # --- command line ---
    "accounts.cli.added": {
        "en": "account {login} added ({role})",
        "zh": "已添加账户 {login}（{role}）",
        "zh-Hant": "已新增帳戶 {login}（{role}）",
    },
    "accounts.cli.removed": {
        "en": "account {login} removed",
        "zh": "已删除账户 {login}",
        "zh-Hant": "已刪除帳戶 {login}",
    },
    "accounts.cli.role_set": {
        "en": "account {login} is now {role}",
        "zh": "账户 {login} 的角色已改为 {role}",
        "zh-Hant": "帳戶 {login} 的角色已改為 {role}",
    },
    "accounts.cli.password_set": {
        "en": "password of {login} changed (any lock-out lifted)",
        "zh": "已修改 {login} 的密码（锁定同时解除）",
        "zh-Hant": "已修改 {login} 的密碼（鎖定同時解除）",
    },
    "accounts.cli.unlocked": {
        "en": "account {login} unlocked",
        "zh": "已解锁账户 {login}",
        "zh-Hant": "已解鎖帳戶 {login}",
    },
    "accounts.cli.password_prompt": {
        "en": "Password for {login}: ",
        "zh": "{login} 的密码：",
        "zh-Hant": "{login} 的密碼：",
    },
    "accounts.cli.password_again": {
        "en": "The same password again: ",
        "zh": "再次输入密码：",
        "zh-Hant": "再次輸入密碼：",
    },
    "accounts.cli.password_mismatch": {
        "en": "The two passwords differ; nothing changed.",
        "zh": "两次输入的密码不一致，未做任何修改。",
        "zh-Hant": "兩次輸入的密碼不一致，未做任何修改。",
    },
    "accounts.cli.no_password": {
        "en": "No password given on standard input; nothing changed.",
        "zh": "标准输入中没有密码，未做任何修改。",
        "zh-Hant": "標準輸入中沒有密碼，未做任何修改。",
    },
    # --- roles ---
    "role.director": {"en": "director", "zh": "总监", "zh-Hant": "總監"},
    "role.manager": {"en": "manager", "zh": "经理", "zh-Hant": "經理"},
    "role.rep": {"en": "rep", "zh": "销售代表", "zh-Hant": "銷售代表"},
    "role.analyst": {"en": "analyst", "zh": "分析员", "zh-Hant": "分析員"},
    # --- sign-in ---
    "auth.personal_badge": {
        "en": "Personal mode: no sign-in; everyone who opens this sees everything.",
        "zh": "个人模式：无需登录，打开此页面的任何人都能看到全部内容。",
        "zh-Hant": "個人模式：無需登入，開啟此頁面的任何人都能看到全部內容。",
    },
    "auth.title": {
        "en": "Sign in",
        "zh": "登录",
        "zh-Hant": "登入",
    },
    "auth.intro": {
        "en": "This dashboard is shared by a team: sign in to see the figures your role allows.",
        "zh": "此看板由团队共享：请登录，查看您的角色可见的数据。",
        "zh-Hant": "此看板由團隊共用：請登入，檢視您的角色可見的資料。",
    },
    "auth.login": {
        "en": "Login",
        "zh": "登录名",
        "zh-Hant": "登入名稱",
    },
    "auth.password": {
        "en": "Password",
        "zh": "密码",
        "zh-Hant": "密碼",
    },
    "auth.submit": {
        "en": "Sign in",
        "zh": "登录",
        "zh-Hant": "登入",
    },
    "auth.wrong": {
        "en": "Wrong login or password.",
        "zh": "登录名或密码错误。",
        "zh-Hant": "登入名稱或密碼錯誤。",
    },
    "auth.locked": {
        "en": "Too many wrong passwords: signing in with this login is locked until {until}. Try again then, or ask a director to unlock it.",
        "zh": "密码错误次数过多：此登录名已锁定至 {until}。请届时再试，或请总监解锁。",
        "zh-Hant": "密碼錯誤次數過多：此登入名稱已鎖定至 {until}。請屆時再試，或請總監解鎖。",
    },
    "auth.rule": {
        "en": "After {count} wrong passwords in a row, a login is locked for {minutes} minutes.",
        "zh": "连续输错 {count} 次密码后，该登录名将锁定 {minutes} 分钟。",
        "zh-Hant": "連續輸錯 {count} 次密碼後，該登入名稱將鎖定 {minutes} 分鐘。",
    },
    "auth.sign_in_with": {
        "en": "Sign in with {provider}",
        "zh": "通过 {provider} 登录",
        "zh-Hant": "透過 {provider} 登入",
    },
    "auth.no_account": {
        "en": "There is no account for {login}; ask a director to add one.",
        "zh": "{login} 没有账户，请联系总监添加。",
        "zh-Hant": "{login} 沒有帳戶，請聯絡總監新增。",
    },
    "auth.no_email": {
        "en": "The identity provider did not say who you are (no e-mail address); ask a director.",
        "zh": "身份提供方未提供您的身份（没有电子邮件地址），请联系总监。",
        "zh-Hant": "身分提供者未提供您的身分（沒有電子郵件地址），請聯絡總監。",
    },
    "auth.signed_in_as": {
        "en": "Signed in as {name} ({role})",
        "zh": "当前登录：{name}（{role}）",
        "zh-Hant": "目前登入：{name}（{role}）",
    },
    "auth.secrets_unreadable": {
        "en": "The secrets file {file} cannot be read, so sign-in cannot be set up: fix it and restart the app.",
        "zh": "无法读取密钥文件 {file}，因此无法设置登录：请修正后重启应用。",
        "zh-Hant": "無法讀取金鑰檔案 {file}，因此無法設定登入：請修正後重新啟動應用程式。",
    },
    "auth.sign_out": {
        "en": "Sign out",
        "zh": "退出登录",
        "zh-Hant": "登出",
    },
    # --- Settings: accounts (directors only) ---
    "admin.title": {
        "en": "Accounts",
        "zh": "账户",
        "zh-Hant": "帳戶",
    },
    "admin.intro": {
        "en": "Who may sign in, with which role, and as which rep and team as the data names them.",
        "zh": "谁可以登录、担任什么角色，以及对应数据中的哪位销售代表和哪个团队。",
        "zh-Hant": "誰可以登入、擔任什麼角色，以及對應資料中的哪位銷售代表和哪個團隊。",
    },
    "admin.col.login": {"en": "Login", "zh": "登录名", "zh-Hant": "登入名稱"},
    "admin.col.name": {"en": "Name", "zh": "姓名", "zh-Hant": "姓名"},
    "admin.col.role": {"en": "Role", "zh": "角色", "zh-Hant": "角色"},
    "admin.col.rep": {"en": "Rep in the data", "zh": "数据中的销售代表", "zh-Hant": "資料中的銷售代表"},
    "admin.col.teams": {"en": "Teams", "zh": "团队", "zh-Hant": "團隊"},
    "admin.col.grant_pay": {"en": "Sees pay", "zh": "可见薪酬", "zh-Hant": "可見薪酬"},
    "admin.col.grant_data": {"en": "May publish", "zh": "可发布数据", "zh-Hant": "可發布資料"},
    "admin.col.locked_until": {"en": "Locked until", "zh": "锁定至", "zh-Hant": "鎖定至"},
    "admin.add": {"en": "Add an account", "zh": "添加账户", "zh-Hant": "新增帳戶"},
    "admin.edit": {"en": "Change an account", "zh": "修改账户", "zh-Hant": "修改帳戶"},
    "admin.account": {"en": "Account", "zh": "账户", "zh-Hant": "帳戶"},
    "admin.teams_help": {
        "en": "Team names as the data spells them, separated by commas.",
        "zh": "团队名称须与数据中一致，用逗号分隔。",
        "zh-Hant": "團隊名稱須與資料中一致，用逗號分隔。",
    },
    "admin.password_help": {
        "en": "Leave empty for someone who signs in through the identity provider only.",
        "zh": "仅通过身份提供方登录的人员可留空。",
        "zh-Hant": "僅透過身分提供者登入的人員可留空。",
    },
    "admin.save": {"en": "Save", "zh": "保存", "zh-Hant": "儲存"},
    "admin.remove": {"en": "Remove", "zh": "删除", "zh-Hant": "刪除"},
    "admin.unlock": {"en": "Unlock", "zh": "解锁", "zh-Hant": "解鎖"},
    "admin.new_password": {"en": "New password", "zh": "新密码", "zh-Hant": "新密碼"},
    "admin.set_password": {"en": "Set password", "zh": "设置密码", "zh-Hant": "設定密碼"},
    "admin.done": {"en": "Saved.", "zh": "已保存。", "zh-Hant": "已儲存。"},
    "admin.audit": {"en": "Audit log", "zh": "审计日志", "zh-Hant": "稽核日誌"},
    "admin.audit_intro": {
        "en": "Every change to accounts, data, settings and plans: who, when, what, before and after.",
        "zh": "账户、数据、设置和方案的每一次变更：谁、何时、改了什么、改前与改后。",
        "zh-Hant": "帳戶、資料、設定和方案的每一次變更：誰、何時、改了什麼、改前與改後。",
    },
    "admin.col.at": {"en": "When (UTC)", "zh": "时间（UTC）", "zh-Hant": "時間（UTC）"},
    "admin.col.who": {"en": "Who", "zh": "操作人", "zh-Hant": "操作人"},
    "admin.col.action": {"en": "Action", "zh": "操作", "zh-Hant": "操作"},
    "admin.col.what": {"en": "What", "zh": "对象", "zh-Hant": "對象"},
    "admin.col.before": {"en": "Before", "zh": "改前", "zh-Hant": "改前"},
    "admin.col.after": {"en": "After", "zh": "改后", "zh-Hant": "改後"},
}
