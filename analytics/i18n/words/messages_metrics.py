"""Words of messages metrics."""

WORDS: dict[str, dict[str, str]] = {
    "explore_no_table": {
        "en": "There is no table {table}. Loaded tables: {tables}.",
        "zh": "没有名为 {table} 的表。已加载的表：{tables}。",
        "zh-Hant": "沒有名為 {table} 的表。已載入的表：{tables}。",
    },
    "explore_no_column": {
        "en": "Table {table} has no column {column}. Its columns: {columns}.",
        "zh": "表 {table} 中没有列 {column}。它的列有：{columns}。",
        "zh-Hant": "表 {table} 中沒有欄 {column}。它的欄有：{columns}。",
    },
    "explore_bad_agg": {
        "en": "Unknown aggregation {agg}; choose one of {choices}.",
        "zh": "未知的汇总方式 {agg}，请从 {choices} 中选择。",
        "zh-Hant": "未知的彙總方式 {agg}，請從 {choices} 中選擇。",
    },
    "explore_needs_values": {
        "en": "{agg} needs a value column.",
        "zh": "{agg} 需要选择一个数值列。",
        "zh-Hant": "{agg} 需要選擇一個數值欄。",
    },
    "explore_not_numeric": {
        "en": "{agg} needs a number column, but {column} holds {kind} values.",
        "zh": "{agg} 需要数值列，但 {column} 是 {kind} 类型。",
        "zh-Hant": "{agg} 需要數值欄，但 {column} 是 {kind} 類型。",
    },
    "explore_bad_grain": {
        "en": "{column}: cannot group by {grain}; use one of {choices} on a date column.",
        "zh": "{column}：无法按 {grain} 分组；请对日期列使用 {choices}。",
        "zh-Hant": "{column}：無法按 {grain} 分組；請對日期欄使用 {choices}。",
    },
    "explore_bad_sort": {
        "en": "Unknown sort {sort}; use label, -label, value or -value.",
        "zh": "未知的排序方式 {sort}；请使用 label、-label、value 或 -value。",
        "zh-Hant": "未知的排序方式 {sort}；請使用 label、-label、value 或 -value。",
    },
    "explore_bad_join": {
        "en": "Unknown join kind {how}; choose one of {choices}.",
        "zh": "未知的连接方式 {how}，请从 {choices} 中选择。",
        "zh-Hant": "未知的連線方式 {how}，請從 {choices} 中選擇。",
    },
    "explore_join_keys": {
        "en": "Choose the same number of key columns on both sides (left {left}, right {right}).",
        "zh": "两边需选择相同数量的关联列（左边 {left} 个，右边 {right} 个）。",
        "zh-Hant": "兩邊需選擇相同數量的關聯欄（左邊 {left} 個，右邊 {right} 個）。",
    },
    "explore_bad_name": {
        "en": "{name} cannot be used as a table name: use letters, digits and _, not starting with a digit, and not the name of a table being joined.",
        "zh": "{name} 不能用作表名：请使用字母、数字和下划线，不能以数字开头，也不能与参与连接的表同名。",
        "zh-Hant": "{name} 不能用作表名：請使用字母、數字和下劃線，不能以數字開頭，也不能與參與連線的表同名。",
    },
    "funnel.lost_without_stage": {
        "en": "Lost deals with no stage of loss and no stage dates: {count}. They count as reaching only the first stage, so the conversion out of the first stage is understated and the later stages' conversion looks better than it is.",
        "zh": "{count} 个输单商机既没有输单阶段也没有阶段日期：它们只计入第一阶段，因此第一阶段的转化率被低估，后续阶段的转化率显得偏高。",
        "zh-Hant": "{count} 個失單商機既沒有失單階段也沒有階段日期：它們只計入第一階段，因此第一階段的轉化率被低估，後續階段的轉化率顯得偏高。",
    },
    "funnel.no_created_date": {
        "en": "Deals without a created date, left out of this funnel: {count}.",
        "zh": "{count} 个商机没有创建日期，未计入此漏斗。",
        "zh-Hant": "{count} 個商機沒有建立日期，未計入此漏斗。",
    },
    "funnel.no_stage_dates": {
        "en": "Deals without stage-entry dates: {count} of {total}. The stage they reached comes from their current stage; the strict funnel and time in stage cannot check them.",
        "zh": "{total} 个商机中有 {count} 个没有阶段进入日期：其到达的阶段按当前阶段判断，严格漏斗和阶段停留时间无法核对它们。",
        "zh-Hant": "{total} 個商機中有 {count} 個沒有階段進入日期：其到達的階段按目前階段判斷，嚴格漏斗和階段停留時間無法核對它們。",
    },
    "funnel.backward_moves": {
        "en": "Deals that moved back to an earlier stage: {count}. They count at every stage they touched.",
        "zh": "{count} 个商机曾退回较早的阶段；它们计入到达过的每个阶段。",
        "zh-Hant": "{count} 個商機曾退回較早的階段；它們計入到達過的每個階段。",
    },
    "funnel.skipped_stages": {
        "en": "Deals that skipped a stage: {count}. The any-stage funnel counts the skipped stage as reached; the strict funnel does not.",
        "zh": "{count} 个商机跳过了某个阶段：非严格漏斗把跳过的阶段算作已到达，严格漏斗不算。",
        "zh-Hant": "{count} 個商機跳過了某個階段：非嚴格漏斗把跳過的階段算作已到達，嚴格漏斗不算。",
    },
    "funnel.cohort_too_young": {
        "en": "Cohorts younger than the median won cycle of {days:.0f} days: {count} (from {first}). Their conversion is not final yet.",
        "zh": "{count} 个批次（自 {first} 起）的时间短于赢单周期中位数 {days:.0f} 天：其转化率尚未定型。",
        "zh-Hant": "{count} 個批次（自 {first} 起）的時間短於成交週期中位數 {days:.0f} 天：其轉化率尚未定型。",
    },
    "plan.outside_period": {
        "en": "Commission plan “{name}” is valid from {valid_from} to {valid_to}; it cannot be applied to {period}.",
        "zh": "提成方案“{name}”的有效期为 {valid_from} 至 {valid_to}，不能用于 {period}。",
        "zh-Hant": "佣金方案「{name}」的有效期為 {valid_from} 至 {valid_to}，不能用於 {period}。",
    },
    "sql_empty": {
        "en": "The SQL box is empty: write one SELECT statement.",
        "zh": "SQL 为空：请写一条 SELECT 语句。",
        "zh-Hant": "SQL 為空：請寫一條 SELECT 語句。",
    },
    "sql_several": {
        "en": "Only one statement can run at a time; this text has {count}. Remove the extra ';' and what follows.",
        "zh": "一次只能运行一条语句，这里有 {count} 条。请删除多余的分号及其后的内容。",
        "zh-Hant": "一次只能執行一條語句，這裡有 {count} 條。請刪除多餘的分號及其後的內容。",
    },
    "sql_not_select": {
        "en": "Only reading is allowed: write one SELECT (or WITH … SELECT) statement. {kind} statements are refused.",
        "zh": "只允许读取：请写一条 SELECT（或 WITH … SELECT）语句。不允许 {kind} 语句。",
        "zh-Hant": "只允許讀取：請寫一條 SELECT（或 WITH … SELECT）語句。不允許 {kind} 語句。",
    },
    "sql_writes": {
        "en": "{kind} inside a query is not allowed: the SQL box only reads the loaded tables.",
        "zh": "查询中不允许 {kind}：SQL 只能读取已加载的表。",
        "zh-Hant": "查詢中不允許 {kind}：SQL 只能讀取已載入的表。",
    },
    "sql_syntax": {
        "en": "Syntax error at line {line}, column {column}: {detail}",
        "zh": "语法错误，第 {line} 行第 {column} 列：{detail}",
        "zh-Hant": "語法錯誤，第 {line} 行第 {column} 欄：{detail}",
    },
    "sql_function": {
        "en": "Line {line}, column {column}: the function {name}() is not available in the SQL box (only the loaded tables can be read; no files, URLs or settings).",
        "zh": "第 {line} 行第 {column} 列：SQL 中不能使用函数 {name}()（只能读取已加载的表，不能读取文件、网址或设置）。",
        "zh-Hant": "第 {line} 行第 {column} 欄：SQL 中不能使用函式 {name}()（只能讀取已載入的表，不能讀取檔案、網址或設定）。",
    },
    "sql_outside": {
        "en": "Reading files, URLs or other databases is not allowed; only the loaded tables can be queried ({tables}).",
        "zh": "不允许读取文件、网址或其他数据库；只能查询已加载的表（{tables}）。",
        "zh-Hant": "不允許讀取檔案、網址或其他資料庫；只能查詢已載入的表（{tables}）。",
    },
    "sql_unsupported": {
        "en": "This form of query cannot be checked, so it is refused ({detail}). Rewrite it as a plain SELECT; for a PIVOT use GROUP BY or the pivot builder.",
        "zh": "无法检查这种查询形式，因此不予执行（{detail}）。请改写为普通的 SELECT；透视请使用 GROUP BY 或透视表工具。",
        "zh-Hant": "無法檢查這種查詢形式，因此不予執行（{detail}）。請改寫為普通的 SELECT；透視請使用 GROUP BY 或透視表工具。",
    },
    "sql_timeout": {
        "en": "The query took longer than {seconds} s and was stopped. Add a WHERE or a LIMIT, or aggregate first.",
        "zh": "查询用时超过 {seconds} 秒，已被停止。请加上 WHERE 或 LIMIT 条件，或先做汇总。",
        "zh-Hant": "查詢用時超過 {seconds} 秒，已被停止。請加上 WHERE 或 LIMIT 條件，或先做彙總。",
    },
    "sql_memory": {
        "en": "The query needs more memory than the {limit} allowed and was stopped.",
        "zh": "查询所需内存超过允许的 {limit}，已被停止。",
        "zh-Hant": "查詢所需記憶體超過允許的 {limit}，已被停止。",
    },
    "sql_unknown_table": {
        "en": "Line {line}, column {column}: there is no table {name}. Loaded tables: {tables}.",
        "zh": "第 {line} 行第 {column} 列：没有名为 {name} 的表。已加载的表：{tables}。",
        "zh-Hant": "第 {line} 行第 {column} 欄：沒有名為 {name} 的表。已載入的表：{tables}。",
    },
    "sql_error": {
        "en": "The query failed at line {line}, column {column}: {detail}",
        "zh": "查询出错，第 {line} 行第 {column} 列：{detail}",
        "zh-Hant": "查詢出錯，第 {line} 行第 {column} 欄：{detail}",
    },
    "sql_error_nopos": {
        "en": "The query failed: {detail}",
        "zh": "查询出错：{detail}",
        "zh-Hant": "查詢出錯：{detail}",
    },
    "plan.unreadable": {
        "en": "Commission plan: the file {path} cannot be read ({detail}).",
        "zh": "提成方案：无法读取文件 {path}（{detail}）。",
        "zh-Hant": "佣金方案：無法讀取檔案 {path}（{detail}）。",
    },
    "plan.too_large": {
        "en": "Commission plan: the file is {size} bytes; a plan is at most {limit} bytes.",
        "zh": "提成方案：文件大小为 {size} 字节，方案文件最多 {limit} 字节。",
        "zh-Hant": "佣金方案：檔案大小為 {size} 位元組，方案檔案最多 {limit} 位元組。",
    },
    "plan.yaml_syntax": {
        "en": "Commission plan: the YAML cannot be read at line {line}, column {column}: {detail}. Check the indentation and that every key is followed by a colon.",
        "zh": "提成方案：YAML 第 {line} 行第 {column} 列无法解析：{detail}。请检查缩进，以及每个键后是否有冒号。",
        "zh-Hant": "佣金方案：YAML 第 {line} 行第 {column} 欄無法解析：{detail}。請檢查縮排，以及每個鍵後是否有冒號。",
    },
    "plan.empty": {
        "en": "Commission plan: the file is empty; a plan needs at least tiers.",
        "zh": "提成方案：文件为空；方案至少需要 tiers（提成档位）。",
        "zh-Hant": "佣金方案：檔案為空；方案至少需要 tiers（佣金檔位）。",
    },
    "plan.not_mapping": {
        "en": "Commission plan: {key} must be a set of keys with values (such as name: and tiers:), not {found}.",
        "zh": "提成方案：{key} 必须是“键: 值”的集合（如 name: 和 tiers:），而不是{found}。",
        "zh-Hant": "佣金方案：{key} 必須是「鍵: 值」的集合（如 name: 和 tiers:），而不是{found}。",
    },
    "plan.missing_key": {
        "en": "Commission plan: {key} is missing.",
        "zh": "提成方案：缺少 {key}。",
        "zh-Hant": "佣金方案：缺少 {key}。",
    },
    "plan.tiers_missing": {
        "en": "Commission plan: tiers is missing; list at least one tier, such as - {{from: 0.0, rate: 0.03}}.",
        "zh": "提成方案：缺少 tiers（提成档位）；至少列出一档，如 - {{from: 0.0, rate: 0.03}}。",
        "zh-Hant": "佣金方案：缺少 tiers（佣金檔位）；至少列出一檔，如 - {{from: 0.0, rate: 0.03}}。",
    },
    "plan.tiers_not_list": {
        "en": "Commission plan: tiers must be a list with one line per tier (each starting with '- '), not {found}.",
        "zh": "提成方案：tiers 必须是列表，每档一行（以“- ”开头），而不是{found}。",
        "zh-Hant": "佣金方案：tiers 必須是列表，每檔一行（以「- 」開頭），而不是{found}。",
    },
    "plan.tiers_empty": {
        "en": "Commission plan: tiers is empty; list at least one tier.",
        "zh": "提成方案：tiers 为空；至少列出一档。",
        "zh-Hant": "佣金方案：tiers 為空；至少列出一檔。",
    },
    "plan.not_number": {
        "en": "Commission plan: {key} must be a number, not {value}; write fractions as decimals, e.g. 0.05 for 5 %.",
        "zh": "提成方案：{key} 必须是数字，而不是 {value}；比例请写成小数，如 5 % 写作 0.05。",
        "zh-Hant": "佣金方案：{key} 必須是數字，而不是 {value}；比例請寫成小數，如 5 % 寫作 0.05。",
    },
    "plan.negative": {
        "en": "Commission plan: {key} is {value}; it cannot be negative.",
        "zh": "提成方案：{key} 为 {value}，不能为负数。",
        "zh-Hant": "佣金方案：{key} 為 {value}，不能為負數。",
    },
    "plan.not_positive": {
        "en": "Commission plan: {key} is {value}; it must be greater than 0.",
        "zh": "提成方案：{key} 为 {value}，必须大于 0。",
        "zh-Hant": "佣金方案：{key} 為 {value}，必須大於 0。",
    },
    "plan.percent_like": {
        "en": "Commission plan: {key} is {value}, which reads as a percentage; write it as a fraction, e.g. {suggestion} for {value} %.",
        "zh": "提成方案：{key} 为 {value}，看起来是百分数；请写成小数，如 {value} % 写作 {suggestion}。",
        "zh-Hant": "佣金方案：{key} 為 {value}，看起來是百分數；請寫成小數，如 {value} % 寫作 {suggestion}。",
    },
    "plan.too_high": {
        "en": "Commission plan: {key} is {value}; it must be at most {limit}.",
        "zh": "提成方案：{key} 为 {value}，最大为 {limit}。",
        "zh-Hant": "佣金方案：{key} 為 {value}，最大為 {limit}。",
    },
    "plan.first_tier": {
        "en": "Commission plan: the first tier must start at 0 (from: 0.0), not {value}; use threshold to pay nothing below a level of attainment.",
        "zh": "提成方案：第一档必须从 0 开始（from: 0.0），而不是 {value}；如需低于某完成率不发提成，请使用 threshold。",
        "zh-Hant": "佣金方案：第一檔必須從 0 開始（from: 0.0），而不是 {value}；如需低於某完成率不發佣金，請使用 threshold。",
    },
    "plan.not_increasing": {
        "en": "Commission plan: tiers must go up: {key} is {value}, which is not above the previous tier's {previous}.",
        "zh": "提成方案：档位必须递增：{key} 为 {value}，没有高于上一档的 {previous}。",
        "zh-Hant": "佣金方案：檔位必須遞增：{key} 為 {value}，沒有高於上一檔的 {previous}。",
    },
    "plan.unknown_value": {
        "en": "Commission plan: {key} is {value}; use one of: {allowed}.",
        "zh": "提成方案：{key} 为 {value}；可选值：{allowed}。",
        "zh-Hant": "佣金方案：{key} 為 {value}；可選值：{allowed}。",
    },
    "plan.unknown_key": {
        "en": "Commission plan: {key} is not a known setting and is ignored.",
        "zh": "提成方案：{key} 不是可识别的设置，已忽略。",
        "zh-Hant": "佣金方案：{key} 不是可識別的設定，已忽略。",
    },
    "plan.not_text": {
        "en": "Commission plan: {key} must be text, not {found}.",
        "zh": "提成方案：{key} 必须是文本，而不是{found}。",
        "zh-Hant": "佣金方案：{key} 必須是文字，而不是{found}。",
    },
    "plan.not_whole": {
        "en": "Commission plan: {key} must be a whole number of at least 1, not {value}.",
        "zh": "提成方案：{key} 必须是不小于 1 的整数，而不是 {value}。",
        "zh-Hant": "佣金方案：{key} 必須是不小於 1 的整數，而不是 {value}。",
    },
    "plan.pool_none": {
        "en": "Commission plan: team_pool needs amount (a fixed sum) or share_of_excess (a fraction of team revenue above target).",
        "zh": "提成方案：team_pool 需要 amount（固定金额）或 share_of_excess（团队超出目标部分收入的比例）。",
        "zh-Hant": "佣金方案：team_pool 需要 amount（固定金額）或 share_of_excess（團隊超出目標部分收入的比例）。",
    },
    "plan.pool_both": {
        "en": "Commission plan: team_pool has both amount and share_of_excess; keep one of them.",
        "zh": "提成方案：team_pool 同时有 amount 和 share_of_excess；请只保留其一。",
        "zh-Hant": "佣金方案：team_pool 同時有 amount 和 share_of_excess；請只保留其一。",
    },
    "plan.bad_period": {
        "en": "Commission plan: {key} is {value}, not a period; write a month such as 2026-01.",
        "zh": "提成方案：{key} 为 {value}，不是有效期间；请写成月份，如 2026-01。",
        "zh-Hant": "佣金方案：{key} 為 {value}，不是有效期間；請寫成月份，如 2026-01。",
    },
    "plan.period_order": {
        "en": "Commission plan: valid_to ({valid_to}) is before valid_from ({valid_from}).",
        "zh": "提成方案：valid_to（{valid_to}）早于 valid_from（{valid_from}）。",
        "zh-Hant": "佣金方案：valid_to（{valid_to}）早於 valid_from（{valid_from}）。",
    },
    "changes.currency_changed": {
        "en": "Pipeline changes: the two snapshots are in different currencies ({before} and {after}); convert one before comparing them.",
        "zh": "商机变化：两个快照的币种不同（{before} 与 {after}），请先换算为同一币种再比较。",
        "zh-Hant": "商機變化：兩個快照的幣種不同（{before} 與 {after}），請先換算為同一幣種再比較。",
    },
    "changes.unit_changed": {
        "en": "Pipeline changes: {deals} of the {total} deals in both snapshots changed amount by the same factor (×{factor}), so the amounts were exported in another unit (e.g. yuan and 10k yuan); export both in the same unit before comparing them.",
        "zh": "商机变化：两个快照共有的 {total} 个商机中，有 {deals} 个的金额按同一倍数（×{factor}）变化，说明金额的单位不同（例如元与万元）；请以相同单位导出后再比较。",
        "zh-Hant": "商機變化：兩個快照共有的 {total} 個商機中，有 {deals} 個的金額按同一倍數（×{factor}）變化，說明金額的單位不同（例如元與萬元）；請以相同單位匯出後再比較。",
    },
    "changes.no_snapshot": {
        "en": "Pipeline changes: there is no snapshot {value}.",
        "zh": "商机变化：没有编号为 {value} 的快照。",
        "zh-Hant": "商機變化：沒有編號為 {value} 的快照。",
    },
    "changes.not_a_snapshot": {
        "en": "Pipeline changes: {name} has no deals, so it cannot be compared.",
        "zh": "商机变化：{name} 中没有商机数据，无法比较。",
        "zh-Hant": "商機變化：{name} 中沒有商機資料，無法比較。",
    },
    "plan.invalid_in_use": {
        "en": "Commission plan: the plan in use has errors, so no pay is worked out until it is fixed or reset (Settings → Commission plan, or the plan file).",
        "zh": "提成方案：当前使用的方案有错误，在修正或重置之前不计算任何提成（设置 → 提成方案，或方案文件）。",
        "zh-Hant": "佣金方案：目前使用的方案有錯誤，在修正或重置之前不計算任何佣金（設定 → 佣金方案，或方案檔案）。",
    },
    "sql_result_too_big": {
        "en": "The result is too large to show ({size}; at most {limit}). Select fewer or shorter columns, or aggregate.",
        "zh": "结果太大，无法显示（{size}，上限 {limit}）。请少选列、缩短文本或先做汇总。",
        "zh-Hant": "結果太大，無法顯示（{size}，上限 {limit}）。請少選欄、縮短文字或先做彙總。",
    },
    "sql_crashed": {
        "en": "The query stopped unexpectedly, most likely for lack of memory (limit {limit}). Nothing else was affected; simplify the query and run it again.",
        "zh": "查询意外停止，很可能是内存不足（上限 {limit}）。其他内容未受影响；请简化查询后再运行。",
        "zh-Hant": "查詢意外停止，很可能是記憶體不足（上限 {limit}）。其他內容未受影響；請簡化查詢後再執行。",
    },
    "sql_busy": {
        "en": "Other queries are running; this one waited {seconds} s and was not started. Try again shortly.",
        "zh": "其他查询正在运行，本查询等待 {seconds} 秒后未能开始。请稍后再试。",
        "zh-Hant": "其他查詢正在執行，本查詢等待 {seconds} 秒後未能開始。請稍後再試。",
    },
    "plan.min_responses_moved": {
        "en": "Commission plan: {key} ({value}) is not used: how many survey responses it takes to judge CSAT is one department rule, set in Settings (Fewest survey responses to judge).",
        "zh": "提成方案：{key}（{value}）不再使用：满意度评判所需的最少回复数是全部门统一的规则，请在“设置”中设定（满意度评判的最少回复数）。",
        "zh-Hant": "佣金方案：{key}（{value}）不再使用：滿意度評判所需的最少回覆數是全部門統一的規則，請在「設定」中設定（滿意度評判的最少回覆數）。",
    },
}
