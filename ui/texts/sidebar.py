"""The sidebar's as-of day and the data's end (issue 13.2)."""

TEXT: dict[str, tuple[str, str]] = {
    "sidebar.as_of_pick": ("As of", "截至日期"),
    "sidebar.as_of_help": ("Figures count what happened up to and including this day; today unless you pick "
                           "another day.",
                           "数字只统计截至当天（含）发生的事；默认为今天，也可另选日期。"),
    "sidebar.data_ends": ("The data ends on {date}.", "数据最后日期：{date}。"),
    "sidebar.data_gap": ("The data ends on {date}: the last {days} days of this period up to the as-of day are "
                         "not in it yet, so its figures are not final.",
                         "数据截止于 {date}：本期截至日期前的最后 {days} 天尚无数据，以下数字并非最终结果。"),
    "sidebar.data_ends_before": ("The data ends on {date}, {days} days before the as-of day: later figures "
                                 "are not in it yet.",
                                 "数据最后日期为 {date}，比截至日期早 {days} 天：之后的数字尚未录入。"),
}
