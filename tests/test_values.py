"""Cell values in every accepted form: dates, amounts, numbers, probabilities, scores (analytics.ingest.values).

Expected values are written out by hand next to each case; the 100k-row and real-data tests
compare against an independent reading (pandas' own float parser, the ISO original of a file
that Excel re-saved, the year inside Superstore's order IDs, Maven's published won revenue).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics.ingest import values
from analytics.ingest.values import parse_amounts, parse_dates, parse_numbers, parse_probability, parse_score
from tests.conftest import dataset


def col(*cells: object, dtype: str = "str") -> pd.Series:
    return pd.Series(list(cells), dtype=dtype)


def as_dates(parsed) -> list[date | None]:
    return [None if pd.isna(v) else v.date() for v in parsed.values]


def one_date(text: str) -> date | None:
    return as_dates(parse_dates(col(text), "d"))[0]


def note_codes(parsed) -> list[str]:
    return [p.code for p in parsed.notes]


# --------------------------------------------------------------------------- dates: every form

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-30", date(2026, 11, 30)),
    ("2026-11-30 14:22", date(2026, 11, 30)),
    ("2026-11-30 14:22:00", date(2026, 11, 30)),             # calamine's datetime text
    ("2026-11-30T14:22:00Z", date(2026, 11, 30)),
    ("2026-11-30T14:22:00.123456", date(2026, 11, 30)),
    ("2026/11/30", date(2026, 11, 30)),
    ("2016/1/29  13:22:39", date(2016, 1, 29)),              # two spaces before the time
    ("30.11.2026", date(2026, 11, 30)),                      # 30 > 12: day first
    ("30.11.2026.", date(2026, 11, 30)),                     # German trailing point
    ("11/30/2026", date(2026, 11, 30)),                      # 30 > 12 in second place: month first
    ("30/11/2026", date(2026, 11, 30)),
    ("2/26/2018 19:58", date(2018, 2, 26)),
    ("10/31/2026 11:59 PM", date(2026, 10, 31)),
    ("20-10-2017", date(2017, 10, 20)),                      # dd-mm-yyyy
    ("26-02-2018 19:58", date(2018, 2, 26)),                 # Olist after an Excel round trip
    ("2026年11月30日", date(2026, 11, 30)),
    ("2026年11月30日 14:22", date(2026, 11, 30)),
    ("2026年1月5日", date(2026, 1, 5)),
    ("２０２６－１１－３０", date(2026, 11, 30)),               # full-width digits and dash (NFKC)
    ("30-Nov-2026", date(2026, 11, 30)),
    ("30 November 2026", date(2026, 11, 30)),
    ("Nov 30, 2026", date(2026, 11, 30)),
    ("November 30 2026", date(2026, 11, 30)),
    ("Mon, 30 Nov 2026 14:22:00 +0000", date(2026, 11, 30)),  # e-mail style
    ("Mon Nov 30 2026 14:22:00 GMT+0800 (China Standard Time)", date(2026, 11, 30)),  # JavaScript
    ("20261130", date(2026, 11, 30)),
    ("  2026-11-30  ", date(2026, 11, 30)),
])
def test_every_date_form(text, expected):
    parsed = parse_dates(col(text), "close_date")
    assert as_dates(parsed) == [expected]
    assert not parsed.bad.iloc[0] and not parsed.blank.iloc[0]


@pytest.mark.parametrize(("text", "expected"), [
    # Excel counts days from 1899-12-30: 46356 days later is 2026-11-30 (Excel's DATE(2026,11,30) = 46356).
    ("46356", date(2026, 11, 30)),
    ("46356.59930555556", date(2026, 11, 30)),  # 14:23 that day: the fraction is the time
    ("46356.0", date(2026, 11, 30)),
    ("20000", date(1954, 10, 3)),    # lowest accepted serial
    ("80000", date(2119, 1, 11)),    # highest accepted serial
])
def test_excel_serial_numbers(text, expected):
    assert one_date(text) == expected


def test_serial_numbers_out_of_the_window_are_not_dates():
    parsed = parse_dates(col("19999", "80001", "12500", "46356"), "d")
    assert parsed.reasons.tolist() == ["not_a_date", "not_a_date", "not_a_date", None]


def test_two_digit_years_pivot_at_70():
    # 12/31/69 → 2069, 12/31/70 → 1970 (POSIX %y); 31 > 12 makes the column month-first.
    parsed = parse_dates(col("12/31/69", "12/31/70", "03/01/05"), "d")
    assert as_dates(parsed) == [date(2069, 12, 31), date(1970, 12, 31), date(2005, 3, 1)]


def test_datetime_at_2359_on_the_last_day_stays_on_that_day():
    parsed = parse_dates(col(
        "2026-10-31T23:59:00Z",        # UTC: no shift to another zone
        "2026-10-31T23:59:00+08:00",   # local date as written, not 15:59 UTC
        "2026-10-31T23:59:00-05:00",   # would be 1 November in UTC: still 31 October
        "2026-10-31 23:59:59.999999",
        "10/31/2026 23:59",
        "2026年10月31日 23:59",
    ), "close_date")
    assert as_dates(parsed) == [date(2026, 10, 31)] * 6
    assert (parsed.values == pd.Timestamp("2026-10-31")).all()  # time dropped: midnight


def test_datetime_series_keeps_local_date_and_drops_time():
    stamps = pd.Series(pd.to_datetime(["2026-10-31 23:59", None]).tz_localize("Asia/Shanghai"))
    parsed = parse_dates(stamps, "d")
    assert as_dates(parsed) == [date(2026, 10, 31), None]
    assert parsed.blank.tolist() == [False, True]


def test_values_are_midnight_datetime64_us_on_the_input_index():
    s = pd.Series(["2026-11-30 14:22", None], index=[7, 9], dtype="object")
    parsed = parse_dates(s, "d")
    assert parsed.values.dtype == "datetime64[us]"
    assert parsed.values.index.tolist() == [7, 9]
    assert parsed.values.iloc[0] == pd.Timestamp("2026-11-30 00:00")
    assert pd.isna(parsed.values.iloc[1])


@pytest.mark.parametrize("text", ["", "   ", "-", "N/A", "n/a", "NULL", "—", "None", None, np.nan])
def test_blank_date_cells(text):
    parsed = parse_dates(pd.Series([text, "2026-11-30"], dtype="object"), "d")
    assert parsed.blank.tolist() == [True, False]
    assert parsed.bad.tolist() == [False, False]
    assert parsed.reasons.iloc[0] is None
    assert pd.isna(parsed.values.iloc[0])


@pytest.mark.parametrize(("text", "reason"), [
    ("2026-02-30", "not_a_date"),     # February has no 30th
    ("2023-02-29", "not_a_date"),     # 2023 is not a leap year
    ("1900-02-29", "not_a_date"),     # 1900 is not a leap year (divisible by 100, not by 400)
    ("2026-13-01", "not_a_date"),
    ("2026-04-31", "not_a_date"),
    ("2026-11-30 25:00", "not_a_date"),
    ("2026-11-30 10:75", "not_a_date"),
    ("11/30/2026 13:00 PM", "not_a_date"),
    ("31 Foo 2026", "not_a_date"),
    ("tomorrow", "not_a_date"),
    ("2026-11", "not_a_date"),
    ("12:30", "not_a_date"),
    ("2026-11/30", "not_a_date"),     # two different separators
    ("1850-01-01", "out_of_range"),   # valid calendar date, outside 1900–2199
    ("9999-12-31", "out_of_range"),   # a "no date" sentinel some systems write
])
def test_bad_dates(text, reason):
    parsed = parse_dates(col(text), "d")
    assert parsed.bad.tolist() == [True]
    assert parsed.reasons.tolist() == [reason]
    assert pd.isna(parsed.values.iloc[0])


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-02-29", date(2024, 2, 29)),
    ("2000-02-29", date(2000, 2, 29)),   # divisible by 400: leap
])
def test_leap_days(text, expected):
    assert one_date(text) == expected


# --------------------------------------------------------------------------- dates: day/month order per column

def test_day_first_column():
    # 25 > 12 can only be a day, so the whole column is day/month: 03/04 is 3 April, 01/02 is 1 February.
    parsed = parse_dates(col("03/04/2026", "25/12/2026", "01/02/2026"), "close_date")
    assert as_dates(parsed) == [date(2026, 4, 3), date(2026, 12, 25), date(2026, 2, 1)]
    assert note_codes(parsed) == ["date_order_detected"]
    note = parsed.notes[0]
    assert note.severity == "info" and note.column == "close_date"
    assert note.params["example"] == "25/12/2026"
    assert "day/month/year" in note.text("en") and "日/月/年" in note.text("zh")


def test_month_first_column():
    # 25 in second place can only be a day: month/day, so 03/04 is 4 March.
    parsed = parse_dates(col("03/04/2026", "12/25/2026"), "d")
    assert as_dates(parsed) == [date(2026, 3, 4), date(2026, 12, 25)]
    assert note_codes(parsed) == ["date_order_detected"]
    assert "month/day/year" in parsed.notes[0].text("en")


def test_undecidable_slash_column_is_month_first_with_a_warning():
    parsed = parse_dates(col("03/04/2026", "01/02/2026", "2026-05-06"), "close_date")
    assert as_dates(parsed) == [date(2026, 3, 4), date(2026, 1, 2), date(2026, 5, 6)]
    assert note_codes(parsed) == ["date_order_assumed"]
    note = parsed.notes[0]
    assert note.severity == "warning"
    assert note.params["example"] == "03/04/2026"
    assert "03/04/2026 read as 4 March 2026" in note.text("en")
    assert "03/04/2026 读作 2026年3月4日" in note.text("zh")
    assert "month/day/year" in note.text("en") and "月/日/年" in note.text("zh")


@pytest.mark.parametrize(("text", "expected", "read_en"), [
    ("03.04.2026", date(2026, 4, 3), "3 April 2026"),   # "." is European: day first
    ("03-04-2026", date(2026, 4, 3), "3 April 2026"),   # "-" with the year last: day first
])
def test_undecidable_point_and_dash_columns_are_day_first(text, expected, read_en):
    parsed = parse_dates(col(text), "d")
    assert as_dates(parsed) == [expected]
    assert note_codes(parsed) == ["date_order_assumed"]
    assert f"read as {read_en}" in parsed.notes[0].text("en")


def test_no_note_when_the_order_changes_nothing():
    # 03/03/2026 is 3 March either way; ISO cells are never ambiguous.
    parsed = parse_dates(col("03/03/2026", "2026-11-30"), "d")
    assert as_dates(parsed) == [date(2026, 3, 3), date(2026, 11, 30)]
    assert parsed.notes == []


def test_evidence_in_one_separator_decides_the_whole_column():
    # 25.12.2026 is day-first, so 03/04/2026 in the same column is 3 April too.
    parsed = parse_dates(col("25.12.2026", "03/04/2026"), "d")
    assert as_dates(parsed) == [date(2026, 12, 25), date(2026, 4, 3)]
    assert note_codes(parsed) == ["date_order_detected"]


def test_inconsistent_column_rejects_the_minority():
    # Two cells can only be day-first (25/12, 26/12), one only month-first (12/27): day-first wins,
    # 12/27/2026 is rejected, and the undecided 03/04/2026 follows the majority (3 April).
    parsed = parse_dates(col("25/12/2026", "26/12/2026", "12/27/2026", "03/04/2026"), "d")
    assert as_dates(parsed) == [date(2026, 12, 25), date(2026, 12, 26), None, date(2026, 4, 3)]
    assert parsed.reasons.tolist() == [None, None, "ambiguous_order", None]
    assert parsed.bad.tolist() == [False, False, True, False]
    assert note_codes(parsed) == ["date_order_inconsistent"]
    note = parsed.notes[0]
    assert note.severity == "warning"
    assert (note.params["majority"], note.params["minority"], note.params["example"]) == (2, 1, "12/27/2026")
    assert "12/27/2026" in note.text("zh")


def test_tie_follows_the_separator_default():
    # One cell each way with "/": month-first (the "/" default), so 25/12/2026 is the contradiction.
    parsed = parse_dates(col("25/12/2026", "12/25/2026"), "d")
    assert parsed.reasons.tolist() == ["ambiguous_order", None]
    assert as_dates(parsed)[1] == date(2026, 12, 25)


def test_both_parts_above_12_is_not_a_date():
    parsed = parse_dates(col("13/14/2026", "25/12/2026"), "d")
    assert parsed.reasons.tolist() == ["not_a_date", None]


# --------------------------------------------------------------------------- amounts: every form

@pytest.mark.parametrize(("text", "expected"), [
    ("12500", 12500.0),
    ("12,500.00", 12500.0),
    ("$12,500.00", 12500.0),
    ("¥12,500", 12500.0),
    ("￥1,234.5", 1234.5),              # full-width yen sign
    ("€1.234,50", 1234.5),              # European: the last separator has 2 digits after it
    ("1.234.567", 1234567.0),           # two points: thousands
    ("1.234.567,89", 1234567.89),
    ("1 234,50", 1234.5),               # space thousands
    ("1\u00a0234,50", 1234.5),          # no-break space thousands
    ("1\u202f234,50", 1234.5),          # narrow no-break space (French)
    ("1'234.50", 1234.5),               # Swiss
    ("1,23,456.00", 123456.0),          # Indian lakh grouping
    ("12,5", 12.5),                     # comma decimal
    ("0.15", 0.15),
    ("0.125", 0.125),                   # a leading 0 is never a thousands group
    ("1234.567", 1234.567),             # four digits before the point: a decimal
    ("1.2万", 12000.0),                 # 1.2 × 10,000
    ("3万元", 30000.0),
    ("1.1万", 11000.0),                 # 1.1 × 10,000 exactly, not 11000.000000000002
    ("1.5亿", 150000000.0),             # 1.5 × 100,000,000
    ("250k", 250000.0),
    ("1.2M", 1200000.0),
    ("3.4K", 3400.0),
    ("1.2 MM USD", 1200000.0),
    ("£1001", 1001.0),
    ("USD 1,200", 1200.0),
    ("1,200 USD", 1200.0),
    ("1200元", 1200.0),
    ("人民币1200", 1200.0),
    ("R$ 1.234,56", 1234.56),           # Brazilian real
    ("Rs.500", 500.0),
    ("１２３４", 1234.0),                # full-width digits (NFKC)
    ("1.2E+05", 120000.0),
    ("+500", 500.0),
    ("  $ 12,500.00  ", 12500.0),
    ("0", 0.0),
    ("-0", 0.0),                        # minus zero is zero, not a negative amount
])
def test_every_amount_form(text, expected):
    parsed = parse_amounts(col(text), "amount")
    assert parsed.values.tolist() == [expected]
    assert parsed.bad.tolist() == [False]


@pytest.mark.parametrize("text", ["(123)", "-123", "123-", "−123", "($1,234.00)", "-$1,234", "$-1,234", "(1.2万)"])
def test_negative_amounts_are_bad_not_zero(text):
    parsed = parse_amounts(col(text), "amount")
    assert parsed.bad.tolist() == [True]
    assert parsed.reasons.tolist() == ["negative"]
    assert np.isnan(parsed.values.iloc[0])


def test_negative_amounts_when_allowed():
    parsed = parse_amounts(col("(123)", "-123", "123-", "($1,234.00)", "(1.2万)"), "profit", allow_negative=True)
    assert parsed.values.tolist() == [-123.0, -123.0, -123.0, -1234.0, -12000.0]
    assert not parsed.bad.any()


@pytest.mark.parametrize("text", ["12%", "abc", "$", "1,2,3", "12.5.3", "(12", "12)", "1 2", "INV123", "12 apples"])
def test_bad_amounts(text):
    parsed = parse_amounts(col(text), "amount")
    assert parsed.reasons.tolist() == ["not_a_number"]
    assert np.isnan(parsed.values.iloc[0])


@pytest.mark.parametrize("text", ["-", "", "  ", "N/A", "NULL", "—", None, "$ -", " $ -   ", "¥-"])
def test_blank_amounts(text):
    # "$ -" is Excel's accounting format for an empty cell: blank like "-", not bad.
    parsed = parse_amounts(pd.Series([text], dtype="object"), "amount")
    assert parsed.blank.tolist() == [True]
    assert parsed.bad.tolist() == [False]
    assert np.isnan(parsed.values.iloc[0])


def test_amounts_keep_the_input_index():
    parsed = parse_amounts(pd.Series(["1", "x"], index=["a", "b"], dtype="object"), "amount")
    assert parsed.values.index.tolist() == ["a", "b"]
    assert parsed.values.dtype == "float64"
    assert parsed.reasons.to_dict() == {"a": None, "b": "not_a_number"}


# --------------------------------------------------------------------------- amounts: decimal separator per column

def test_lone_point_thousands_in_a_decimal_comma_column():
    # "2,50" writes decimals with a comma, so "1.234" is 1234 (point = thousands).
    parsed = parse_amounts(col("1.234", "2,50"), "amount")
    assert parsed.values.tolist() == [1234.0, 2.5]
    assert note_codes(parsed) == ["decimal_separator_detected"]
    assert parsed.notes[0].severity == "info"
    assert "1.234 was read as 1234" in parsed.notes[0].text("en")


def test_lone_comma_is_a_decimal_in_a_decimal_comma_column():
    # "1.234.567,5" is European, so "1,234" is 1.234 (comma = decimal).
    parsed = parse_amounts(col("1,234", "1.234.567,5"), "amount")
    assert parsed.values.tolist() == [1.234, 1234567.5]


def test_lone_point_is_a_decimal_without_decimal_commas_and_is_noted():
    parsed = parse_amounts(col("1.234", "5"), "amount")
    assert parsed.values.tolist() == [1.234, 5.0]
    assert note_codes(parsed) == ["decimal_separator_assumed"]
    assert parsed.notes[0].severity == "warning"
    assert "read as 1.234" in parsed.notes[0].text("en") and "1.234" in parsed.notes[0].text("zh")


def test_lone_point_in_a_point_decimal_column_is_a_decimal():
    # Superstore writes 16.448 beside 3.54: the point is the decimal separator.
    parsed = parse_amounts(col("16.448", "3.54"), "sales")
    assert parsed.values.tolist() == [16.448, 3.54]
    assert note_codes(parsed) == ["decimal_separator_detected"]


def test_lone_comma_thousands_needs_no_note():
    parsed = parse_amounts(col("1,234", "2.5"), "amount")
    assert parsed.values.tolist() == [1234.0, 2.5]
    assert parsed.notes == []


# --------------------------------------------------------------------------- numbers, probabilities, scores

def test_numbers_with_a_range():
    parsed = parse_numbers(col("3", "-2", "1,200", "12.5", "x", "0"), "quantity", minimum=0)
    assert parsed.values.tolist()[2:4] == [1200.0, 12.5]
    assert parsed.reasons.tolist() == [None, "negative", None, None, "not_a_number", None]
    parsed = parse_numbers(col("5", "11", "0"), "score", minimum=1, maximum=10)
    assert parsed.reasons.tolist() == [None, "out_of_range", "out_of_range"]
    assert parsed.values.iloc[0] == 5.0


@pytest.mark.parametrize(("cells", "expected"), [
    (["0.3", "0.25", "1"], [0.3, 0.25, 1.0]),          # all within 0..1: fractions
    (["30", "25", "100"], [0.3, 0.25, 1.0]),            # 30 > 1: the column is in percent
    (["30%", "30 %", "0.3"], [0.3, 0.3, 0.3]),          # "%" is always percent; 0.3 alone stays a fraction
    (["55.5%", "0.5%"], [0.555, 0.005]),
    (["０.３"], [0.3]),
    (["0,25", "0,5"], [0.25, 0.5]),                      # decimal comma
])
def test_probability_scales(cells, expected):
    parsed = parse_probability(col(*cells), "probability")
    assert parsed.values.tolist() == pytest.approx(expected, abs=1e-12)
    assert not parsed.bad.any()


def test_probability_percent_column_note_and_mixed_scale_warning():
    # 30 makes the column percent; 0.3 beside it is then 0.3 % = 0.003, and that is flagged.
    parsed = parse_probability(col("30", "0.3", ""), "probability")
    assert parsed.values.tolist()[:2] == pytest.approx([0.3, 0.003])
    assert note_codes(parsed) == ["probability_percent_detected", "probability_scale_mixed"]
    assert [p.severity for p in parsed.notes] == ["info", "warning"]
    assert parsed.blank.tolist() == [False, False, True]


def test_probability_out_of_range():
    parsed = parse_probability(col("150", "-5", "101%", "abc", "50"), "probability")
    assert parsed.reasons.tolist() == ["out_of_range", "out_of_range", "out_of_range", "not_a_number", None]
    assert parsed.values.iloc[4] == 0.5  # 50 > 1: percent


@pytest.mark.parametrize(("text", "expected"), [
    ("4", 4.0), ("4.5", 4.5), ("4,5", 4.5), ("4/5", 4.0), ("5/5", 5.0), ("1", 1.0),
    ("5分", 5.0), ("4 stars", 4.0), ("3 - neutral", 3.0), ("５", 5.0),
])
def test_csat_scores(text, expected):
    parsed = parse_score(col(text), "csat", 1, 5)
    assert parsed.values.tolist() == [expected]
    assert not parsed.bad.any()


@pytest.mark.parametrize(("text", "expected"), [
    ("9 - very likely", 9.0), ("10 - Extremely likely", 10.0), ("0 - Not at all likely", 0.0),
    ("10 (extremely likely)", 10.0), ("7", 7.0), ("8/10", 8.0),
])
def test_nps_scores(text, expected):
    assert parse_score(col(text), "nps", 0, 10).values.tolist() == [expected]


@pytest.mark.parametrize(("text", "reason"), [
    ("6", "out_of_range"), ("0", "out_of_range"), ("-1", "out_of_range"), ("8/10", "out_of_range"),
    ("6/5", "out_of_range"), ("4-5", "not_a_number"), ("Very likely", "not_a_number"), ("4 5", "not_a_number"),
])
def test_bad_csat_scores(text, reason):
    parsed = parse_score(col(text), "csat", 1, 5)
    assert parsed.reasons.tolist() == [reason]
    assert np.isnan(parsed.values.iloc[0])


def test_blank_scores():
    parsed = parse_score(pd.Series(["", "N/A", None, "-"], dtype="object"), "csat", 1, 5)
    assert parsed.blank.all() and not parsed.bad.any()


def test_cells_that_are_not_text_yet():
    # A reader that left Python numbers or datetimes in an object column still gets them parsed.
    amounts = parse_amounts(pd.Series([12500, 1.5, None], dtype="object"), "amount")
    assert amounts.values.tolist()[:2] == [12500.0, 1.5] and amounts.blank.tolist() == [False, False, True]
    stamps = parse_dates(pd.Series([pd.Timestamp("2026-11-30 14:22"), date(2026, 1, 2), None], dtype="object"), "d")
    assert as_dates(stamps) == [date(2026, 11, 30), date(2026, 1, 2), None]
    assert as_dates(parse_dates(pd.Series([46356, 46356.5]), "d")) == [date(2026, 11, 30)] * 2


@pytest.mark.parametrize("parse", [
    lambda s: parse_dates(s, "d"), lambda s: parse_amounts(s, "a"), lambda s: parse_numbers(s, "n"),
    lambda s: parse_probability(s, "p"), lambda s: parse_score(s, "s", 1, 5),
])
def test_empty_and_all_blank_columns(parse):
    assert len(parse(pd.Series([], dtype="str")).values) == 0
    parsed = parse(pd.Series([None, "", " "], dtype="object"))
    assert parsed.blank.all() and not parsed.bad.any() and parsed.values.isna().all() and parsed.notes == []


# --------------------------------------------------------------------------- 100k rows

N = 100_000


def test_100k_iso_and_us_dates_parse_exactly():
    rng = np.random.default_rng(7)
    days = pd.Timestamp("2015-01-01") + pd.to_timedelta(rng.integers(0, 4000, N), unit="D")
    iso = pd.Series(days.strftime("%Y-%m-%d"), dtype="str")
    us = pd.Series([f"{d.month}/{d.day}/{d.year} 23:59" for d in days], dtype="str")
    calamine = iso + " 14:22:00"
    expected = days.astype("datetime64[us]")
    for text in (iso, us, calamine):
        parsed = parse_dates(text, "d")
        assert (parsed.values.to_numpy() == expected.to_numpy()).all()
        assert not parsed.bad.any()


def test_100k_dates_with_blanks_and_bad_cells_in_place():
    cells = ["2026-11-30", "", "30.11.2026", "2026-02-30", "46356"] * (N // 5)
    parsed = parse_dates(col(*cells), "d")
    assert parsed.blank.sum() == N // 5
    assert parsed.bad.sum() == N // 5
    assert (parsed.reasons[parsed.bad] == "not_a_date").all()
    good = parsed.values[~parsed.bad & ~parsed.blank]
    assert len(good) == 3 * N // 5 and (good == pd.Timestamp("2026-11-30")).all()


def test_100k_dollar_amounts_match_their_cents():
    rng = np.random.default_rng(11)
    cents = rng.integers(0, 10_000_000_00, N)
    text = pd.Series([f"${c / 100:,.2f}" for c in cents], dtype="str")   # "$12,500.00"
    parsed = parse_amounts(text, "amount")
    assert not parsed.bad.any()
    assert (parsed.values.to_numpy() == cents / 100).all()


def test_100k_european_amounts_with_negatives():
    rng = np.random.default_rng(12)
    cents = rng.integers(100_000, 100_000_000, N)
    text = [f"€{c / 100:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") for c in cents]
    text[::10] = [f"({t})" for t in text[::10]]      # every tenth a negative in brackets
    parsed = parse_amounts(col(*text), "amount")
    assert parsed.reasons[::10].eq("negative").all() and parsed.bad.sum() == N // 10
    ok = ~parsed.bad.to_numpy()
    assert (parsed.values.to_numpy()[ok] == (cents / 100)[ok]).all()


# --------------------------------------------------------------------------- real public data

pytestmark_real = pytest.mark.real_data


@pytestmark_real
def test_maven_excel_resaved_dates_match_the_iso_original():
    original = pd.read_csv(dataset("maven-crm/sales_pipeline.csv"), dtype="str")
    resaved = pd.read_csv(dataset("maven-crm/excel-resaved/sales_pipeline.csv"), dtype="str")
    for column in ("engage_date", "close_date"):
        iso, us = parse_dates(original[column], column), parse_dates(resaved[column], column)
        assert not iso.bad.any() and not us.bad.any()
        assert (iso.blank == us.blank).all()
        assert iso.values.equals(us.values)                      # 10/20/2016 is 2016-10-20
        assert note_codes(us) == ["date_order_detected"] and "month/day" in us.notes[0].text("en")
    # 500 deals were never engaged, 2,089 are still open (no close date), per the data dictionary.
    assert parse_dates(original["engage_date"], "e").blank.sum() == 500
    assert parse_dates(original["close_date"], "c").blank.sum() == 2089


@pytestmark_real
def test_maven_won_revenue_matches_the_published_figure():
    deals = pd.read_csv(dataset("maven-crm/sales_pipeline.csv"), dtype="str")
    value = parse_amounts(deals["close_value"], "close_value")
    won = deals["deal_stage"] == "Won"
    assert not value.bad.any()
    assert value.values[won].sum() == 10_005_534          # published won revenue
    assert round(value.values[won].mean()) == 2361        # published average won deal


@pytestmark_real
@pytest.mark.parametrize(("variant", "file", "column"), [
    ("lasya", "olist_closed_deals_dataset.csv", "won_date"),                      # 26-02-2018 19:58
    ("mohith", "olist_closed_deals_dataset.csv", "won_date"),                     # 2/26/2018 19:58
    ("lasya", "olist_marketing_qualified_leads_dataset.csv", "first_contact_date"),  # 20-10-2017
    ("mohith", "olist_marketing_qualified_leads_dataset.csv", "first_contact_date"),  # 10/20/2017
])
def test_olist_excel_mangled_dates_match_the_original(variant, file, column):
    original = pd.read_csv(dataset(f"olist-marketing-funnel/{file}"), dtype="str")
    mangled = pd.read_csv(dataset(f"olist-marketing-funnel/excel_mangled_variants/{variant}_{file}"), dtype="str")
    pairs = mangled[["mql_id", column]].merge(original[["mql_id", column]], on="mql_id", suffixes=("", "_iso"))
    assert len(pairs) == len(mangled)
    got, want = parse_dates(pairs[column], column), parse_dates(pairs[f"{column}_iso"], column)
    assert not got.bad.any() and not got.blank.any()
    assert got.values.equals(want.values)
    assert note_codes(got) == ["date_order_detected"]


@pytestmark_real
def test_superstore_2023_day_first_two_digit_years_and_three_decimal_sales():
    path = dataset("superstore/superstore-2023.csv")
    text = pd.read_csv(path, dtype="str", encoding="utf-8-sig")
    floats = pd.read_csv(path, encoding="utf-8-sig")
    ordered = parse_dates(text["Order Date"], "Order Date")   # 03/01/19 is 3 January 2019
    shipped = parse_dates(text["Ship Date"], "Ship Date")
    assert not ordered.bad.any() and not shipped.bad.any()
    assert ordered.notes[0].code == "date_order_detected" and "day/month" in ordered.notes[0].text("en")
    # The order ID carries the order year (US-2019-103800): every parsed year agrees.
    assert (ordered.values.dt.year == text["Order ID"].str.split("-").str[1].astype(int)).all()
    assert (shipped.values >= ordered.values).all()
    # 16.448 next to 3.54: the point is a decimal point; pandas' own float parser agrees on every row.
    sales = parse_amounts(text["Sales"], "Sales")
    assert not sales.bad.any()
    assert (sales.values == floats["Sales"]).all()
    # Profit has 1,901 losses: rejected as amounts, kept when negatives are allowed.
    assert (parse_amounts(text["Profit"], "Profit").reasons == "negative").sum() == (floats["Profit"] < 0).sum()
    profit = parse_amounts(text["Profit"], "Profit", allow_negative=True)
    assert (profit.values == floats["Profit"]).all()


@pytestmark_real
def test_nps_survey_timestamps_and_scores():
    us = pd.read_csv(dataset("nps-survey/input_01.csv"), dtype="str")   # 11/1/2019 8:51:12
    iso = pd.read_csv(dataset("nps-survey/input_02.csv"), dtype="str")  # 2019-11-01 08:51:12.402
    got = parse_dates(us["Timestamp"], "Timestamp")
    # Every cell is 11/1, 11/2 or 11/4: nothing decides, so month-first is assumed and said.
    assert note_codes(got) == ["date_order_assumed"]
    assert "read as 1 November 2019" in got.notes[0].text("en")
    assert got.values.equals(parse_dates(iso["Timestamp"], "Timestamp").values)
    scores = parse_score(us.iloc[:, 1], "nps", 0, 10)
    assert not scores.bad.any() and scores.values.between(0, 10).all()
    assert scores.values.sum() == us.iloc[:, 1].astype(int).sum()


@pytestmark_real
def test_adventureworks_quotas_and_dash_blanks():
    quotas = pd.read_csv(dataset("adventureworks/oltp/SalesPersonQuotaHistory.csv"), dtype="str")
    rep = quotas["BusinessEntityID"] == "274"
    assert parse_amounts(quotas["SalesQuota"], "SalesQuota").values[rep].head(4).tolist() == \
        [28000.0, 7000.0, 91000.0, 140000.0]                            # published: 28,000 → 7,000 → 91,000 → 140,000
    dates = parse_dates(quotas["QuotaDate"], "QuotaDate")              # 2011-05-31 00:00:00
    assert as_dates(dates)[0] == date(2011, 5, 31) and not dates.bad.any()
    wide = pd.read_csv(dataset("adventureworks/pl300/ResellerSalesTargets.csv"), dtype="str", encoding="utf-16")
    january = parse_amounts(wide["M01"], "M01")
    assert not january.bad.any()
    assert january.blank.sum() == (wide["M01"].str.strip() == "-").sum() > 0   # "-" means no target


# --- issue 19: parsing once per distinct text gives what parsing every cell gave ----------------

def _same(a: values.ParsedColumn, b: values.ParsedColumn) -> None:
    pd.testing.assert_series_equal(a.values, b.values)
    pd.testing.assert_series_equal(a.blank, b.blank)
    pd.testing.assert_series_equal(a.bad, b.bad)
    pd.testing.assert_series_equal(a.reasons, b.reasons)
    assert [(p.code, p.text("en")) for p in a.notes] == [(p.code, p.text("en")) for p in b.notes]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_per_distinct_parsing_equals_per_cell(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 3000
    dates = ["03/04/2026", "13/04/2026", "04/13/2026", "2026-11-30", "30.11.2026", "2026年11月30日", "45000",
             "Nov 30, 2026", "2026-02-30", "nonsense", "", None, "  -  ", "2026-11-30T10:00:00Z", "01/02/26",
             "2026-11-30 25:00"]
    amounts = ["$1,234.50", "1.234", "1,234", "(123)", "-5", "1.2万", "€1.234,50", "abc", None, "", "$ -",
               "12,5", "1 234,50", "7k", "30%", "0.125"]
    probabilities = ["30", "30%", "0.3", "110", "", None, "1,5", "abc", "0.125"]
    scores = ["4", "4.5", "4/5", "9 - very likely", "6/10", "-1", "x", None]
    # skewed draws: some texts are frequent, so weighted and unweighted counts would differ
    def column(pool: list) -> pd.Series:
        p = rng.dirichlet(np.full(len(pool), 0.3))
        return pd.Series([pool[i] for i in rng.choice(len(pool), n, p=p)], dtype=object)

    for _ in range(4):
        s = column(dates)
        assert values._distinct(s) is not None
        _same(values.parse_dates(s, "d"), values._parse_dates(s, "d", None))
        s = column(amounts)
        _same(values.parse_amounts(s, "a"), values._parse_amounts(s, "a", weights=None, allow_negative=False))
        _same(values.parse_amounts(s, "a", allow_negative=True),
              values._parse_amounts(s, "a", weights=None, allow_negative=True))
        _same(values.parse_numbers(s, "q", 0, 1e6), values._parse_numbers(s, "q", 0, 1e6, weights=None))
        s = column(probabilities)
        _same(values.parse_probability(s, "p"), values._parse_probability(s, "p", None))
        s = column(scores)
        _same(values.parse_score(s, "c", 0, 10), values._parse_score(s, "c", 0, 10, weights=None))


def test_per_distinct_keeps_the_majority_of_cells_not_of_texts() -> None:
    # 5 texts say day-first, each once; one month-first text fills 100 cells: month-first wins.
    cells = ["13/01/2026", "14/01/2026", "15/01/2026", "16/01/2026", "17/01/2026"] + ["01/20/2026"] * 100
    parsed = values.parse_dates(pd.Series(cells, dtype=object), "Close")
    assert parsed.values.iloc[-1] == pd.Timestamp("2026-01-20")
    assert parsed.reasons.iloc[0] == "ambiguous_order"
    note = next(p for p in parsed.notes if p.code == "date_order_inconsistent")
    assert (note.params["majority"], note.params["minority"]) == (100, 5)


def test_mostly_distinct_or_mixed_type_columns_are_parsed_per_cell() -> None:
    assert values._distinct(pd.Series([f"{i}.5" for i in range(1000)], dtype=object)) is None
    assert values._distinct(pd.Series([1, 1.0, True, "1"] * 50, dtype=object)) is None
    assert values._distinct(pd.Series(["1", "2"] * 50, dtype="str")) is not None
