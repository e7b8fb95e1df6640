"""Words of sidebar."""

WORDS: dict[str, dict[str, str]] = {
    "sidebar.as_of_pick": {
        "en": "As of",
        "zh": "截至日期",
        "zh-Hant": "截至日期",
    },
    "sidebar.as_of_help": {
        "en": "Figures count what happened up to and including this day; today unless you pick another day.",
        "zh": "数字只统计截至当天（含）发生的事；默认为今天，也可另选日期。",
        "zh-Hant": "數字只統計截至當天（含）發生的事；預設為今天，也可另選日期。",
    },
    "sidebar.data_ends": {
        "en": "The data ends on {date}.",
        "zh": "数据最后日期：{date}。",
        "zh-Hant": "資料最後日期：{date}。",
    },
    "sidebar.data_gap": {
        "en": "The data ends on {date}: the last {days} days of this period up to the as-of day are not in it yet, so its figures are not final.",
        "zh": "数据截止于 {date}：本期截至日期前的最后 {days} 天尚无数据，以下数字并非最终结果。",
        "zh-Hant": "資料截止於 {date}：本期截至日期前的最後 {days} 天尚無資料，以下數字並非最終結果。",
    },
    "sidebar.data_ends_before": {
        "en": "The data ends on {date}, {days} days before the as-of day: later figures are not in it yet.",
        "zh": "数据最后日期为 {date}，比截至日期早 {days} 天：之后的数字尚未录入。",
        "zh-Hant": "資料最後日期為 {date}，比截至日期早 {days} 天：之後的數字尚未錄入。",
    },
}
