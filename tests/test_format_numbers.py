"""Money and number formats (``analytics.outputs.numbers``, used by ``ui.format``, the charts and
the report): hand-worked figures for yuan and dollars in English and Chinese, and for data whose
currency is unknown."""

from __future__ import annotations

import math

import pytest

from analytics.outputs import numbers
from analytics.outputs.numbers import (
    MoneyFormat,
    currency_code,
    excel_money_format,
    money,
    money_cell,
    money_printf,
    money_ticks,
    nice_ticks,
    tick_labels,
    with_unit,
)
from ui import format as fmt

# (value, currency, lang, card text, table cell): 123,456 = 12.3456万 = 123.456 thousand;
# 123,456,789 = 1.23456789亿 = 123.456789 million.
CASES = [
    (123_456, "CNY", "zh", "12.3万元", "12.35万元"),
    (123_456, "CNY", "en", "¥123.5K", "¥123,456"),
    (123_456_789, "CNY", "zh", "1.23亿元", "1.23亿元"),
    (123_456_789, "CNY", "en", "¥123.46M", "¥123,456,789"),
    (123_456, "USD", "zh", "12.3万美元", "12.35万美元"),
    (123_456, "USD", "en", "$123.5K", "$123,456"),
    (1_650_845, "USD", "en", "$1.65M", "$1,650,845"),
    (1_650_845, "USD", "zh", "165.1万美元", "165.08万美元"),
    (9_876, "CNY", "zh", "9,876元", "9,876元"),
    (11_556_000, "CNY", "zh", "1156万元", "1155.60万元"),  # from 1000万 a card needs no decimal
    (9_876, "USD", "en", "$9,876", "$9,876"),
    (-123_456, "CNY", "zh", "-12.3万元", "-12.35万元"),
    (-123_456, "USD", "en", "-$123.5K", "-$123,456"),
    (123_456, None, "zh", "12.3万", "12.35万"),
    (123_456, None, "en", "123.5K", "123,456"),
    (2_500_000_000, "EUR", "en", "€2.50B", "€2,500,000,000"),
    (123_456, "SEK", "en", "SEK 123.5K", "SEK 123,456"),  # a code without a symbol is written as itself
    (123_456, "SEK", "zh", "12.3万 SEK", "12.35万 SEK"),
]


@pytest.mark.parametrize(("value", "code", "lang", "card", "cell"), CASES)
def test_money_on_cards_and_in_tables(value, code, lang, card, cell):
    assert money(value, code, lang) == card
    assert money_cell(value, code, lang) == cell
    assert fmt.money(value, code, lang) == card  # the UI formatter is the same rule


def test_yuan_never_shows_a_dollar_sign():
    for lang in ("en", "zh"):
        for value in (5, 9_876, 123_456, 123_456_789, -42_000):
            assert "$" not in money(value, "CNY", lang) + money_cell(value, "CNY", lang)


def test_whole_amounts():
    assert money(1_234_567.4, "CNY", "zh", compact=False) == "1,234,567元"
    assert money(1_234_567.4, "USD", "en", compact=False) == "$1,234,567"
    assert money(1_234_567.4, None, "en", compact=False) == "1,234,567"
    assert money(-0.2, "USD", "en", compact=False) == "$0"  # no "-$0"


def test_rounding_moves_to_the_next_unit():
    # 99,999,999 = 9999.9999万, which would round to "10000.0万": it is 1.00亿
    assert money(99_999_999, "CNY", "zh") == "1.00亿元"
    assert money(999_999, "USD", "en") == "$1.00M"
    assert money(9_999.7, "CNY", "zh") == "1.0万元"


@pytest.mark.parametrize("missing", [None, math.nan, float("inf")])
def test_missing_is_a_dash(missing):
    assert money(missing, "CNY", "zh") == money_cell(missing, "USD", "en") == "–"


def test_currency_codes():
    assert currency_code(" cny ") == "CNY" and currency_code("usd") == "USD"
    assert currency_code("$") is None and currency_code("") is None and currency_code("yuan") is None
    assert currency_code(math.nan) is None


def test_units_in_headers():
    assert with_unit("Amount", "CNY", "en") == "Amount (¥)"
    assert with_unit("金额", "CNY", "zh") == "金额（元）"
    assert with_unit("金额", "USD", "zh") == "金额（美元）"
    assert with_unit("Amount", None, "en") == "Amount"  # no known currency: no unit, never a guess
    assert with_unit("", "USD", "en") == " ($)"


def test_numeric_column_formats():
    assert money_printf("USD", "en") == "$%,.0f"
    assert money_printf("CNY", "zh") == "%,.0f元"
    assert money_printf(None, "zh") == "%,.0f"
    assert money_printf("EUR", "en", decimals=2) == "€%,.2f"


def test_excel_formats():
    assert excel_money_format("USD", "en") == '"$"#,##0;-"$"#,##0'
    assert excel_money_format("CNY", "en") == '"¥"#,##0;-"¥"#,##0'
    assert excel_money_format("CNY", "zh") == '#,##0"元";-#,##0"元"'
    assert excel_money_format("USD", "zh") == '#,##0"美元";-#,##0"美元"'
    assert excel_money_format(None, "zh") == "#,##0"


# --- axis ticks ----------------------------------------------------------------------------------

def test_nice_ticks():
    # 1,340,000 / 5 = 268,000 -> steps of 500,000 (1, 2, 2.5 are too small) -> 0 … 1,500,000
    assert nice_ticks(0, 1_340_000) == [0, 500_000, 1_000_000, 1_500_000]
    # -20 … 130: 150 / 5 = 30 -> 50
    assert nice_ticks(-20, 130) == [-50, 0, 50, 100, 150]
    assert nice_ticks(0, 0) == [0.0]
    assert nice_ticks(0, 7_300) == [0, 2_000, 4_000, 6_000, 8_000]


def test_money_ticks_read_like_the_cards():
    assert money_ticks(0, 1_340_000, "CNY", "zh") == ([0, 500_000, 1_000_000, 1_500_000],
                                                     ["0", "50万元", "100万元", "150万元"])
    assert money_ticks(0, 1_340_000, "USD", "en")[1] == ["0", "$500K", "$1M", "$1.5M"]
    assert money_ticks(0, 1_340_000, "USD", "zh")[1] == ["0", "50万美元", "100万美元", "150万美元"]
    assert money_ticks(0, 1_340_000, "CNY", "en")[1] == ["0", "¥500K", "¥1M", "¥1.5M"]
    assert money_ticks(0, 1_340_000, None, "zh")[1] == ["0", "50万", "100万", "150万"]
    assert money_ticks(0, 1_340_000, None, "en")[1] == ["0", "500K", "1M", "1.5M"]
    # 1.3亿: steps of 5000万
    assert money_ticks(0, 130_000_000, "CNY", "zh")[1] == ["0", "5000万元", "1亿元", "1.5亿元"]
    assert tick_labels([-250_000.0, 0.0, 250_000.0], "CNY", "zh") == ["-25万元", "0", "25万元"]


def test_money_format_object():
    f = MoneyFormat("CNY", "zh")
    assert f(123_456) == "12.3万元" and f.full(123_456) == "123,456元" and f.cell(123_456) == "12.35万元"
    assert f.label("金额") == "金额（元）" and f.unit == "元"
    assert f.ticks(0, 1_340_000) == numbers.money_ticks(0, 1_340_000, "CNY", "zh")
    assert fmt.money_format("USD", "en")(1_650_845) == "$1.65M"


def test_traditional_chinese_writes_currency_units_in_traditional_characters():
    """繁體中文 readers see 歐元 and 英鎊, not the simplified 欧元 and 英镑; 元 stays 元."""
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    assert numbers.money(123456, "EUR", "zh-Hant") == "12.3萬歐元"
    assert numbers.unit("GBP", "zh-Hant") == "英鎊"
    assert numbers.money(1234567, "CNY", "zh-Hant") == "123.5萬元"
    for code in numbers.CURRENCIES:
        hant = numbers.unit(code, "zh-Hant")
        assert hant and to_traditional.convert(hant) == hant, (code, hant)  # nothing left simplified
