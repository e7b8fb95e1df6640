"""The sidebar's as-of day and the data's end (issue 13.2)."""

TEXT: dict[str, tuple[str, str]] = {
    "sidebar.as_of_pick": ("As of", "截至日期"),
    "sidebar.as_of_help": ("Figures count what happened up to and including this day; today unless you pick "
                           "another day.",
                           "数字只统计截至当天（含）发生的事；默认为今天，也可另选日期。"),
    "sidebar.data_ends": ("The data ends on {date}.", "数据最后日期：{date}。"),
    "sidebar.data_ends_before": ("The data ends on {date}, {days} days before the as-of day: later figures "
                                 "are not in it yet.",
                                 "数据最后日期为 {date}，比截至日期早 {days} 天：之后的数字尚未录入。"),
}
