"""Words of number, date and period formats, and of running-text lists (the format rules live in ui/format.py)."""

WORDS: dict[str, dict[str, str]] = {
    "list.separator": {
        "en": ", ",
        "zh": "、",
        "zh-Hant": "、",
    },
    "format.with_note": {
        "en": "{label} ({note})",
        "zh": "{label}（{note}）",
        "zh-Hant": "{label}（{note}）",
    },
    "format.day": {
        "en": "{day} {month_short} {year}",
        "zh": "{year}年{month}月{day}日",
        "zh-Hant": "{year}年{month}月{day}日",
    },
    "format.month": {
        "en": "{month_short} {year}",
        "zh": "{year}年{month}月",
        "zh-Hant": "{year}年{month}月",
    },
    "format.month_long": {
        "en": "{month_long} {year}",
        "zh": "{year}年{month}月",
        "zh-Hant": "{year}年{month}月",
    },
    "format.month_only": {
        "en": "{month_short}",
        "zh": "{month}月",
        "zh-Hant": "{month}月",
    },
    "format.quarter": {
        "en": "Q{quarter} {year}",
        "zh": "{year}年第{quarter}季度",
        "zh-Hant": "{year}年第{quarter}季",
    },
    "format.year": {
        "en": "{year}",
        "zh": "{year}年",
        "zh-Hant": "{year}年",
    },
    "format.ytd": {
        "en": "{year} to {month_short}",
        "zh": "{year}年初至{month}月",
        "zh-Hant": "{year}年初至{month}月",
    },
    "format.range": {
        "en": "{start} – {end}",
        "zh": "{start} – {end}",
        "zh-Hant": "{start} – {end}",
    },
    "number.wan": {
        "en": "×10,000",
        "zh": "万",
        "zh-Hant": "萬",
    },
    "number.yi": {
        "en": "×100,000,000",
        "zh": "亿",
        "zh-Hant": "億",
    },
    "month.short.1": {
        "en": "Jan",
        "zh": "1月",
        "zh-Hant": "1月",
    },
    "month.long.1": {
        "en": "January",
        "zh": "1月",
        "zh-Hant": "1月",
    },
    "month.short.2": {
        "en": "Feb",
        "zh": "2月",
        "zh-Hant": "2月",
    },
    "month.long.2": {
        "en": "February",
        "zh": "2月",
        "zh-Hant": "2月",
    },
    "month.short.3": {
        "en": "Mar",
        "zh": "3月",
        "zh-Hant": "3月",
    },
    "month.long.3": {
        "en": "March",
        "zh": "3月",
        "zh-Hant": "3月",
    },
    "month.short.4": {
        "en": "Apr",
        "zh": "4月",
        "zh-Hant": "4月",
    },
    "month.long.4": {
        "en": "April",
        "zh": "4月",
        "zh-Hant": "4月",
    },
    "month.short.5": {
        "en": "May",
        "zh": "5月",
        "zh-Hant": "5月",
    },
    "month.long.5": {
        "en": "May",
        "zh": "5月",
        "zh-Hant": "5月",
    },
    "month.short.6": {
        "en": "Jun",
        "zh": "6月",
        "zh-Hant": "6月",
    },
    "month.long.6": {
        "en": "June",
        "zh": "6月",
        "zh-Hant": "6月",
    },
    "month.short.7": {
        "en": "Jul",
        "zh": "7月",
        "zh-Hant": "7月",
    },
    "month.long.7": {
        "en": "July",
        "zh": "7月",
        "zh-Hant": "7月",
    },
    "month.short.8": {
        "en": "Aug",
        "zh": "8月",
        "zh-Hant": "8月",
    },
    "month.long.8": {
        "en": "August",
        "zh": "8月",
        "zh-Hant": "8月",
    },
    "month.short.9": {
        "en": "Sep",
        "zh": "9月",
        "zh-Hant": "9月",
    },
    "month.long.9": {
        "en": "September",
        "zh": "9月",
        "zh-Hant": "9月",
    },
    "month.short.10": {
        "en": "Oct",
        "zh": "10月",
        "zh-Hant": "10月",
    },
    "month.long.10": {
        "en": "October",
        "zh": "10月",
        "zh-Hant": "10月",
    },
    "month.short.11": {
        "en": "Nov",
        "zh": "11月",
        "zh-Hant": "11月",
    },
    "month.long.11": {
        "en": "November",
        "zh": "11月",
        "zh-Hant": "11月",
    },
    "month.short.12": {
        "en": "Dec",
        "zh": "12月",
        "zh-Hant": "12月",
    },
    "month.long.12": {
        "en": "December",
        "zh": "12月",
        "zh-Hant": "12月",
    },
    "currency.CNY": {
        "en": "Chinese yuan",
        "zh": "人民币",
        "zh-Hant": "人民幣",
    },
    "currency.USD": {
        "en": "US dollar",
        "zh": "美元",
        "zh-Hant": "美元",
    },
    "currency.EUR": {
        "en": "Euro",
        "zh": "欧元",
        "zh-Hant": "歐元",
    },
    "currency.GBP": {
        "en": "Pound sterling",
        "zh": "英镑",
        "zh-Hant": "英鎊",
    },
    "currency.JPY": {
        "en": "Japanese yen",
        "zh": "日元",
        "zh-Hant": "日元",
    },
    "currency.HKD": {
        "en": "Hong Kong dollar",
        "zh": "港元",
        "zh-Hant": "港元",
    },
    "currency.TWD": {
        "en": "New Taiwan dollar",
        "zh": "新台币",
        "zh-Hant": "新臺幣",
    },
    "currency.SGD": {
        "en": "Singapore dollar",
        "zh": "新加坡元",
        "zh-Hant": "新加坡元",
    },
    "currency.AUD": {
        "en": "Australian dollar",
        "zh": "澳元",
        "zh-Hant": "澳元",
    },
    "currency.CAD": {
        "en": "Canadian dollar",
        "zh": "加元",
        "zh-Hant": "加元",
    },
    "currency.KRW": {
        "en": "South Korean won",
        "zh": "韩元",
        "zh-Hant": "韓元",
    },
    "currency.INR": {
        "en": "Indian rupee",
        "zh": "印度卢比",
        "zh-Hant": "印度盧比",
    },
    "currency.CHF": {
        "en": "Swiss franc",
        "zh": "瑞士法郎",
        "zh-Hant": "瑞士法郎",
    },
    "currency.unit.CNY": {
        "en": "yuan",
        "zh": "元",
        "zh-Hant": "元",
    },
    "currency.unit.USD": {
        "en": "US dollars",
        "zh": "美元",
        "zh-Hant": "美元",
    },
    "currency.unit.EUR": {
        "en": "euros",
        "zh": "欧元",
        "zh-Hant": "歐元",
    },
    "currency.unit.GBP": {
        "en": "pounds",
        "zh": "英镑",
        "zh-Hant": "英鎊",
    },
    "currency.unit.JPY": {
        "en": "yen",
        "zh": "日元",
        "zh-Hant": "日圓",
    },
    "currency.unit.HKD": {
        "en": "Hong Kong dollars",
        "zh": "港元",
        "zh-Hant": "港幣",
    },
    "currency.unit.TWD": {
        "en": "New Taiwan dollars",
        "zh": "新台币",
        "zh-Hant": "新臺幣",
    },
    "currency.unit.SGD": {
        "en": "Singapore dollars",
        "zh": "新加坡元",
        "zh-Hant": "新加坡元",
    },
    "currency.unit.AUD": {
        "en": "Australian dollars",
        "zh": "澳元",
        "zh-Hant": "澳幣",
    },
    "currency.unit.CAD": {
        "en": "Canadian dollars",
        "zh": "加元",
        "zh-Hant": "加幣",
    },
    "currency.unit.KRW": {
        "en": "won",
        "zh": "韩元",
        "zh-Hant": "韓元",
    },
    "currency.unit.INR": {
        "en": "rupees",
        "zh": "印度卢比",
        "zh-Hant": "印度盧比",
    },
    "currency.unit.CHF": {
        "en": "Swiss francs",
        "zh": "瑞士法郎",
        "zh-Hant": "瑞士法郎",
    },
}
