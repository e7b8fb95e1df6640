"""How numbers and money read in each language: the rules every output shares.

The app (``ui.format``), the chart axes and the report workbook all format through this module,
so a figure reads the same on a card, a chart tick, a table cell and in Excel.

- English groups by thousands and abbreviates with K / M / B: ``$1.23M``, ``¥12.3K``.
- Chinese groups by 万 (10⁴) and 亿 (10⁸) and names the currency after the number:
  ``12.3万元``, ``1.23亿元``, ``12.3万美元``, ``9,876元``. Yuan is never written with ``$``.
- With no known currency (``None``) the numbers are plain: ``1.23M``, ``12.3万``. A symbol is
  only shown when the data says which currency it is; a wrong symbol is worse than none.

Currencies are ISO 4217 codes (``CNY``, ``USD`` …). In English ``¥`` is the yuan (this product is
made for Chinese sales departments) and the yen is ``JP¥``. A code not in :data:`CURRENCIES` is
written as its code (``SEK 1.23M``, ``12.3万 SEK``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from analytics import i18n
from analytics.i18n import Lang

DASH = "–"  # a missing value


@dataclass(frozen=True)
class Currency:
    """How one currency is written: ``symbol`` before the number in English, ``zh`` after it in
    Chinese (元, 美元 …)."""

    code: str
    symbol: str
    zh: str


_KNOWN = (
    Currency("CNY", "¥", "元"),
    Currency("USD", "$", "美元"),
    Currency("EUR", "€", "欧元"),
    Currency("GBP", "£", "英镑"),
    Currency("JPY", "JP¥", "日元"),
    Currency("HKD", "HK$", "港元"),
    Currency("TWD", "NT$", "新台币"),
    Currency("SGD", "S$", "新加坡元"),
    Currency("AUD", "A$", "澳元"),
    Currency("CAD", "C$", "加元"),
    Currency("KRW", "₩", "韩元"),
    Currency("INR", "₹", "印度卢比"),
    Currency("CHF", "CHF ", "瑞士法郎"),
)
#: The currencies with their own symbol and Chinese unit, by ISO code (names: ``currency.<code>`` in the catalogue).
CURRENCIES: dict[str, Currency] = {c.code: c for c in _KNOWN}

_CODE = re.compile(r"^[A-Z]{3}$")


def currency_code(value: object) -> str | None:
    """An ISO 4217 code from text (``" cny "`` → ``CNY``); None for a blank or anything that is
    not three letters."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    code = str(value).strip().upper()
    return code if _CODE.match(code) else None


def currency(code: str | None) -> Currency | None:
    """How ``code`` is written; an unknown but well-formed code is written as itself."""
    code = currency_code(code)
    if code is None:
        return None
    return CURRENCIES.get(code) or Currency(code, f"{code} ", f" {code}")


def _after_number(cur: Currency, lang: Lang) -> str:
    """The currency's unit written after a Chinese number in ``lang`` (元, 美元; 歐元, 英鎊 in
    繁體中文), from the catalogue (``currency.unit.<code>``); an unknown code is written as itself."""
    if cur.code in CURRENCIES:
        return i18n.text(f"currency.unit.{cur.code}", lang)
    return cur.zh


def _missing(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x)  # NaN and pandas' NA/NaT  # noqa: PLR0124
    except (TypeError, ValueError):
        return True


# --- scales -------------------------------------------------------------------------------------

_ZH_SCALES = ((1e8, "亿"), (1e4, "万"))
_EN_SCALES = ((1e9, "B"), (1e6, "M"), (1e3, "K"))


def _card_scale(a: float, lang: Lang) -> tuple[float, str, int]:
    """(divisor, suffix, decimals) of a compact figure of size ``a``: 万 with one decimal (none
    from 1000万) and 亿 with two in Chinese; K (from 10,000) with one, M and B with two in English."""
    if i18n.myriad(lang):
        if a >= 1e8:
            return 1e8, i18n.text("number.yi", lang), 2
        if a >= 1e7:  # 1000万 and more: four digits are enough on a card (1156万)
            return 1e4, i18n.text("number.wan", lang), 0
        if a >= 1e4:
            return 1e4, i18n.text("number.wan", lang), 1
        return 1.0, "", 0
    if a >= 1e9:
        return 1e9, "B", 2
    if a >= 1e6:
        return 1e6, "M", 2
    if a >= 1e4:
        return 1e3, "K", 1
    return 1.0, "", 0


def _grouped(value: float, decimals: int, lang: Lang) -> str:
    """``value`` with thousands separators in English; a count of 万 or 亿 is written without them
    in Chinese (``5000万``, not ``5,000万``)."""
    return f"{value:.{decimals}f}" if i18n.myriad(lang) else f"{value:,.{decimals}f}"


def _with_currency(body: str, sign: str, cur: Currency | None, lang: Lang) -> str:
    if cur is None:
        return f"{sign}{body}"
    if i18n.myriad(lang):
        return f"{sign}{body}{_after_number(cur, lang)}"
    return f"{sign}{cur.symbol}{body}"


def compact_number(x: object, lang: Lang = "en", digits: int | None = None) -> str:
    """A large count or amount without a currency: ``1.23M`` / ``123.5万``; ``–`` when missing."""
    return money(x, None, lang, digits=digits)


def money(x: object, code: str | None = None, lang: Lang = "en", *, compact: bool = True,
          digits: int | None = None) -> str:
    """An amount in ``code`` (ISO; None = no known currency, plain number) as ``lang`` writes it.

    ``compact``: abbreviated for cards and hover (``$1.23M``, ``123.5万元``); otherwise the whole
    amount rounded to units (``$1,234,567``, ``1,234,567元``). ``digits`` overrides the decimals of
    an abbreviated figure. A missing value is ``–``.
    """
    if _missing(x):
        return DASH
    v = float(x)  # type: ignore[arg-type]
    if math.isinf(v):
        return DASH
    cur = currency(code)
    sign = "-" if v < 0 else ""
    a = abs(v)
    if compact:
        divisor, suffix, decimals = _card_scale(a, lang)
        shown = round(a / divisor, decimals if digits is None else digits) * divisor
        if _card_scale(shown, lang)[0] != divisor:  # 9999.96万 rounds to 1.00亿, not 10000.0万
            divisor, suffix, decimals = _card_scale(shown, lang)
        if suffix:
            body = f"{_grouped(a / divisor, decimals if digits is None else digits, lang)}{suffix}"
            return _with_currency(body, sign, cur, lang)
    return _with_currency(f"{a:,.0f}", sign if round(a) else "", cur, lang)


def money_cell(x: object, code: str | None = None, lang: Lang = "en") -> str:
    """An amount in a table cell: the whole amount in English (``$1,234,567``); in Chinese by 万
    and 亿 with two decimals (``123.46万元``), as Chinese ledgers read."""
    if i18n.myriad(lang):
        return money(x, code, lang, digits=2)
    return money(x, code, lang, compact=False)


def unit(code: str | None, lang: Lang = "en") -> str:
    """What a header names as the unit: ``¥`` / ``$`` in English, ``元`` / ``美元`` in Chinese;
    ``""`` with no known currency."""
    cur = currency(code)
    if cur is None:
        return ""
    return _after_number(cur, lang).strip() if i18n.myriad(lang) else cur.symbol.strip()


def with_unit(label: str, code: str | None, lang: Lang = "en") -> str:
    """A column or axis title naming the currency: ``Amount (¥)``, ``金额（元）``; the bare label
    with no known currency."""
    u = unit(code, lang)
    if not u:
        return label
    return f"{label}（{u}）" if i18n.myriad(lang) else f"{label} ({u})"


def money_printf(code: str | None, lang: Lang = "en", decimals: int = 0) -> str:
    """A printf-style format of whole amounts with the currency (``$%,.0f``, ``%,.0f元``), for
    table columns that must stay numeric; ``%`` in a symbol is escaped."""
    cur = currency(code)
    number = f"%,.{decimals}f"
    if cur is None:
        return number
    if i18n.myriad(lang):
        return number + _after_number(cur, lang).replace("%", "%%")
    return cur.symbol.replace("%", "%%") + number


def excel_money_format(code: str | None, lang: Lang = "en") -> str:
    """An Excel number format of whole amounts with the currency: ``"$"#,##0;-"$"#,##0`` in
    English, ``#,##0"元";-#,##0"元"`` in Chinese, ``#,##0`` with no known currency."""
    cur = currency(code)
    if cur is None:
        return "#,##0"
    if i18n.myriad(lang):
        u = _after_number(cur, lang).replace('"', "")
        return f'#,##0"{u}";-#,##0"{u}"'
    s = cur.symbol.replace('"', "")
    return f'"{s}"#,##0;-"{s}"#,##0'


# --- axis ticks --------------------------------------------------------------------------------

def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering [lo, hi] and 0."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi - lo <= 0:
        return [0.0]
    raw = (hi - lo) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * (1 - 1e-9))
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


def _tick_scale(top: float, lang: Lang) -> tuple[float, str]:
    for divisor, suffix in (_ZH_SCALES if i18n.myriad(lang) else _EN_SCALES):
        if top >= divisor:
            return divisor, suffix
    return 1.0, ""


def tick_labels(values: list[float], code: str | None = None, lang: Lang = "en") -> list[str]:
    """Labels for axis ticks ``values``, each on its own scale with as few decimals as make it
    exact and the currency as on the cards: ``$500K``, ``$1M``, ``$1.5M``; ``5000万元``,
    ``1亿元``; zero is ``0``."""
    cur = currency(code)
    out = []
    for v in values:
        if v == 0:
            out.append("0")
            continue
        divisor, suffix = _tick_scale(abs(v), lang)
        s = abs(v) / divisor
        decimals = next((d for d in range(4) if abs(round(s, d) - s) < 1e-9 * max(1.0, s)), 3)
        out.append(_with_currency(f"{_grouped(s, decimals, lang if suffix else 'en')}{suffix}",
                                  "-" if v < 0 else "", cur, lang))
    return out


def money_ticks(lo: float, hi: float, code: str | None = None, lang: Lang = "en",
                count: int = 5) -> tuple[list[float], list[str]]:
    """(tick values, tick labels) for a money axis spanning [lo, hi] (zero included)."""
    values = nice_ticks(lo, hi, count)
    return values, tick_labels(values, code, lang)


@dataclass(frozen=True)
class NumberFormat:
    """A count or quantity: ``text`` writes one value (thousands separators by default); ``ticks``
    labels an axis the way ``lang`` groups large numbers (``50万``, ``1.5M``)."""

    lang: Lang = "en"
    text: Callable[[object], str] | None = None

    def __call__(self, x: object) -> str:
        if self.text is not None:
            return self.text(x)
        return DASH if _missing(x) else f"{float(x):,.0f}"  # type: ignore[arg-type]

    def ticks(self, lo: float, hi: float, count: int = 5) -> tuple[list[float], list[str]]:
        return money_ticks(lo, hi, None, self.lang, count)


@dataclass(frozen=True)
class MoneyFormat:
    """The money formatter of one view: a currency (None = unknown) and a language. Calling it
    gives the compact figure of cards and hover texts; ``ticks`` gives a money axis."""

    code: str | None
    lang: Lang = "en"

    def __call__(self, x: object) -> str:
        return money(x, self.code, self.lang)

    def full(self, x: object) -> str:
        return money(x, self.code, self.lang, compact=False)

    def cell(self, x: object) -> str:
        return money_cell(x, self.code, self.lang)

    def ticks(self, lo: float, hi: float, count: int = 5) -> tuple[list[float], list[str]]:
        return money_ticks(lo, hi, self.code, self.lang, count)

    def label(self, text: str) -> str:
        return with_unit(text, self.code, self.lang)

    @property
    def unit(self) -> str:
        return unit(self.code, self.lang)
