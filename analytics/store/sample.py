"""The embedded sample company: a deterministic generator of every canonical table.

Three teams and twelve reps with distinct profiles (a star, a ramping new hire, one far behind,
one who changes team mid-year), two years of deals with seasonality, monthly targets, surveys,
peer reviews, follow-up activities, campaign costs and market sizes. The same ``as_of`` and
``seed`` always give the same tables and byte-identical files; nothing reads the clock.
Money is in USD, probabilities are fractions (0.25), scores are on their canonical scales.

The Chinese edition (``edition="zh"``) is the same company with every name, label and comment in
Chinese and its money in CNY (元): the same rows and the same figures, only the words change
(``translate``), so every figure tested on one edition holds on the other.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

import numpy as np
import pandas as pd

from analytics import i18n
from analytics.periods import (
    Period,
    add_months,
    month_end,
    month_period,
    month_start,
    quarter_of,
    year_period,
)
from analytics.store.canonical import conform
from analytics.store.schema import SOURCE_ROW, STAGES, TABLES, stage_entry_column

AS_OF = date(2026, 11, 30)
SEED = 20261130
#: The sample company sells in US dollars; every deal and target row says so.
CURRENCY = "USD"
TABLE_ORDER: tuple[str, ...] = (
    "deals", "targets", "surveys", "peer_reviews", "activities", "campaigns", "markets",
)
WORKBOOK_NAME = "sales_company.xlsx"

TEAMS: tuple[str, ...] = ("East", "West", "Key Accounts")
SEGMENTS: tuple[str, ...] = ("Enterprise", "Mid-market", "SMB", "Public sector")
CHANNELS: tuple[str, ...] = ("Direct", "Distribution", "E-commerce")
LEAD_SOURCES: tuple[str, ...] = ("Ads", "Promotion", "Trade show", "Referral", "Web")
REGIONS: tuple[str, ...] = ("North", "South", "East", "West")
LOST_REASONS: tuple[str, ...] = ("Price", "Competitor", "No budget", "Timing", "No decision")
STAGE_LABELS: tuple[str, ...] = tuple(i18n.text(s.label, "en") for s in STAGES)  # Prospecting … Contract signed
LOST_LABEL = "Lost"
ENTRY_COLUMNS: tuple[str, ...] = tuple(stage_entry_column(s.key) for s in STAGES)


@dataclass(frozen=True)
class RepProfile:
    """One rep of the sample company; ``attainment`` is the long-run fraction of target won."""

    name: str
    team: str
    profile: str  # "star" | "ramp" | "behind" | "steady"
    attainment: float
    win_rate: float
    quota: float  # monthly revenue target in the year before as_of's year, USD
    csat: float  # mean CSAT (1-5) of their customers
    collaboration: float  # mean peer-review score (1-5)
    followup: float  # share of won deals followed up at all
    hired_months_before: int | None = None  # started this many months before as_of's month
    moves_to: str | None = None  # joins this team ``MOVE_MONTHS_BEFORE`` months before as_of's month


HIRE_MONTHS_BEFORE = 7  # the new hire's first month: 8 months up to and including as_of's month
MOVE_MONTHS_BEFORE = 4  # the team change: July when as_of is in November
OPEN_PIPELINE_MONTHS = 4.5  # open pipeline value, in months of expected wins
EARLIEST_MONTHS = 3  # deals closing early in the window were created at most this much before it
MISMATCH_MONTHS_BEFORE = 8  # the one month whose team target differs from its reps' sum
MISMATCH_TEAM = "Key Accounts"
MISMATCH_EXTRA = 25_000.0

REPS: tuple[RepProfile, ...] = (
    RepProfile("Chen Jing", "East", "star", 1.40, 0.40, 83_000, 4.5, 3.9, 0.93),
    RepProfile("Sarah Miller", "East", "steady", 1.05, 0.31, 79_000, 4.2, 4.4, 0.88),
    RepProfile("Zhang Wei", "East", "steady", 0.90, 0.28, 74_000, 3.9, 4.0, 0.82),
    RepProfile("Emily Zhou", "East", "ramp", 1.00, 0.24, 70_000, 4.1, 4.2, 0.90,
               hired_months_before=HIRE_MONTHS_BEFORE),
    RepProfile("David Kim", "West", "behind", 0.50, 0.19, 79_000, 3.4, 3.6, 0.62),
    RepProfile("Wang Lei", "West", "steady", 1.08, 0.33, 83_000, 4.0, 3.8, 0.85),
    RepProfile("Maria Garcia", "West", "steady", 0.85, 0.27, 74_000, 3.8, 4.3, 0.80),
    RepProfile("James Carter", "West", "steady", 0.95, 0.29, 77_000, 4.0, 4.2, 0.85),
    RepProfile("Li Na", "West", "steady", 0.97, 0.30, 79_000, 4.1, 4.1, 0.86, moves_to="Key Accounts"),
    RepProfile("Liu Yang", "Key Accounts", "steady", 1.08, 0.30, 140_000, 4.3, 4.1, 0.90),
    RepProfile("Michael Brown", "Key Accounts", "steady", 0.93, 0.28, 132_000, 3.9, 3.7, 0.84),
    RepProfile("Zhao Min", "Key Accounts", "steady", 1.00, 0.29, 136_000, 4.2, 4.5, 0.88),
)
# Li Na's quota after joining Key Accounts (its deals are larger).
KEY_ACCOUNTS_MOVER_QUOTA = 125_000.0

# Ramp-up of the new hire: attainment in their 1st, 2nd, … month.
RAMP = (0.10, 0.25, 0.40, 0.55, 0.65, 0.75, 0.85, 0.90, 0.95, 1.0)

# Seasonality of sales by calendar month (Q4 strong, February weak) and the milder
# seasonality management builds into the targets.
SEASON = np.array([0.85, 0.65, 1.00, 0.92, 0.97, 1.08, 0.88, 0.85, 1.05, 1.10, 1.20, 1.40])
SEASON = SEASON / SEASON.mean()
TARGET_SEASON = 1.0 + 0.6 * (SEASON - 1.0)
YEARLY_GROWTH = 1.08

# Deal mix by segment: share of deals (count) per team; lognormal amount (median, sigma);
# sales cycle of won deals in days (mean of a gamma with shape 3).
SEGMENT_MIX = {
    "East": (0.07, 0.38, 0.50, 0.05),
    "West": (0.07, 0.38, 0.50, 0.05),
    "Key Accounts": (0.50, 0.25, 0.0, 0.25),
    "ramp": (0.02, 0.33, 0.65, 0.0),
}
AMOUNT = {"Enterprise": (80_000, 0.6), "Mid-market": (18_000, 0.5), "SMB": (4_500, 0.55),
          "Public sector": (50_000, 0.55)}
CYCLE_DAYS = {"Enterprise": 85, "Mid-market": 50, "SMB": 28, "Public sector": 95}
CHANNEL_MIX = {"Enterprise": (0.85, 0.15, 0.0), "Mid-market": (0.50, 0.40, 0.10),
               "SMB": (0.25, 0.35, 0.40), "Public sector": (0.80, 0.20, 0.0)}
# Lead source weights (Ads, Promotion, Trade show, Referral, Web) and how each converts.
LEAD_MIX = {"Enterprise": (0.10, 0.05, 0.30, 0.35, 0.20), "Mid-market": (0.20, 0.15, 0.15, 0.20, 0.30),
            "SMB": (0.25, 0.25, 0.05, 0.10, 0.35), "Public sector": (0.10, 0.05, 0.30, 0.30, 0.25)}
LEAD_WIN_FACTOR = np.array([0.8, 0.9, 1.1, 1.6, 0.9])
TRADE_SHOW_MONTHS = (3, 6, 9)
PROMOTION_MONTHS = (6, 11)

# Products: (name, list price per unit, weight per segment in SEGMENTS order).
PRODUCTS: tuple[tuple[str, float, tuple[float, float, float, float]], ...] = (
    ("Starter Kit", 400.0, (0.0, 0.10, 0.45, 0.0)),
    ("Pro Suite", 1_500.0, (0.15, 0.40, 0.25, 0.20)),
    ("Enterprise Platform", 6_000.0, (0.45, 0.10, 0.0, 0.35)),
    ("Data Connector", 2_500.0, (0.20, 0.15, 0.05, 0.15)),
    ("Support Plan", 1_200.0, (0.12, 0.15, 0.15, 0.15)),
    ("Training", 800.0, (0.08, 0.10, 0.10, 0.15)),
)
DISCOUNTS = (0.0, 0.05, 0.10, 0.15)

LOST_STAGE_MIX = (0.35, 0.35, 0.30)  # Prospecting, Communication, Negotiation
LOST_CYCLE_FACTOR = (0.35, 0.65, 0.95)
LOST_REASON_MIX = (  # Price, Competitor, No budget, Timing, No decision; per lost stage
    (0.05, 0.05, 0.40, 0.25, 0.25),
    (0.15, 0.20, 0.20, 0.20, 0.25),
    (0.40, 0.35, 0.05, 0.10, 0.10),
)
PROBABILITY_CHOICES = ((0.05, 0.1, 0.2), (0.2, 0.3, 0.4, 0.5), (0.5, 0.6, 0.7, 0.8, 0.9))

# Customers: how many of each segment each team's territory holds (400 in all).
CUSTOMER_POOLS = {
    "East": {"SMB": 80, "Mid-market": 57, "Enterprise": 7, "Public sector": 5},
    "West": {"SMB": 80, "Mid-market": 58, "Enterprise": 8, "Public sector": 5},
    "Key Accounts": {"Mid-market": 15, "Enterprise": 55, "Public sector": 30},
}
TEAM_REGIONS = {"East": (0.0, 0.4, 0.6, 0.0), "West": (0.0, 0.4, 0.0, 0.6),
                "Key Accounts": (0.25, 0.25, 0.25, 0.25)}  # North, South, East, West
_STEMS = (
    "Acme", "Apex", "Blue River", "Bright Star", "Cedar Hill", "Dragon Gate", "Eastwind",
    "Everbright", "Evergreen", "Golden Bridge", "Great Wall", "Harbor", "Hengtai", "Huaxin",
    "Jade River", "Jinfeng", "Kunlun", "Lakeside", "Lotus", "Maple Leaf", "Meridian", "Mingyang",
    "Northwind", "Oakridge", "Orient Star", "Pacific Rim", "Pearl River", "Phoenix", "Pine Valley",
    "Redwood", "Silver Peak", "Silk Road", "Summit", "Sunrise", "Tianyu", "Twin Rivers", "Westgate",
    "Yangtze", "Zhongxin", "Riverbend",
)
_INDUSTRIES = (
    "Electronics", "Logistics", "Foods", "Pharma", "Retail", "Textiles", "Machinery", "Software",
    "Energy", "Hotels", "Motors", "Chemicals", "Health", "Construction", "Media", "Agritech",
    "Instruments", "Packaging", "Furniture", "Telecom",
)
_SUFFIX = {"SMB": ("Co", "Trading", "Studio"), "Mid-market": ("Ltd", "Inc"),
           "Enterprise": ("Group", "Holdings", "Corporation")}
_CITIES = (
    "Hangzhou", "Suzhou", "Nanjing", "Chengdu", "Wuhan", "Xiamen", "Qingdao", "Ningbo", "Kunming",
    "Dalian", "Springfield", "Riverside", "Fairview", "Lakewood", "Georgetown", "Franklin",
    "Madison", "Clinton", "Salem", "Bristol",
)
_INSTITUTIONS = (
    "City Hospital", "University", "Water Authority", "Transport Bureau", "Public Library",
    "School District", "Health Commission", "Tax Office",
)

COMMENTS_EN = {
    5: ("Great support during rollout.", "Very responsive team.", "Smooth onboarding, thank you.",
        "Excellent service, will buy again.", "The rep understood our needs well."),
    4: ("Good overall, delivery a bit slow.", "Solid product, training could be better.",
        "Happy with the purchase.", "Helpful rep, fair pricing."),
    3: ("Okay, but communication was patchy.", "Implementation took longer than promised.",
        "Average experience."),
    2: ("Slow to respond after the sale.", "Product did not match the demo.",
        "Too expensive for what we got."),
    1: ("Billing problems, still unresolved.", "Nobody followed up after we signed."),
}
COMMENTS_ZH = {5: ("服务很好，响应及时。", "非常满意，会继续合作。"), 4: ("整体不错，交付稍慢。",),
               3: ("一般，沟通不够顺畅。",), 2: ("售后响应太慢。", "价格偏高。"), 1: ("问题一直没有解决。",)}
ACTIVITY_NOTES = {
    "Call": ("Post-sale check-in call", "Call to confirm go-live", "Satisfaction call"),
    "Email": ("Sent onboarding guide", "Sent invoice and welcome pack", "Follow-up email on training"),
    "Visit": ("On-site visit: delivery and training", "Visit to review first results"),
}
SECOND_NOTES = ("Quarterly business review", "Renewal and upsell discussion", "Usage review call")

# Campaign cost per month (USD): steady sources (mean, relative noise) and lumpy ones.
CAMPAIGN_STEADY = {"Ads": (14_000, 0.05), "Web": (5_000, 0.08), "Referral": (2_000, 0.15),
                   "Promotion": (6_000, 0.10)}
TRADE_SHOW_COST = {3: (45_000, 60_000), 6: (20_000, 30_000), 9: (55_000, 80_000)}
# Market size per segment in the year before as_of's year (USD), growing 6 % a year.
MARKET_SIZE = {"Enterprise": 120e6, "Mid-market": 90e6, "SMB": 45e6, "Public sector": 75e6}
MARKET_GROWTH = 1.06


_PRODUCT_WEIGHTS = {seg: [p[2][i] for p in PRODUCTS] for i, seg in enumerate(SEGMENTS)}


def _pick(rng: np.random.Generator, weights: Sequence[float]) -> int:
    """Index drawn with probability proportional to ``weights`` (one uniform draw)."""
    cumulative = list(accumulate(weights))
    return min(bisect_right(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


# --- calendar helpers ---------------------------------------------------------------------------

def _months(first: date, last: date) -> list[date]:
    out, cur = [], month_start(first)
    while cur <= last:
        out.append(cur)
        cur = add_months(cur, 1)
    return out


def _months_before(as_of: date, n: int) -> date:
    return add_months(month_start(as_of), -n)


def _weekday(d: date, lo: date) -> date:
    """``d`` moved off a weekend to the Friday before (the Monday after if that Friday is before lo)."""
    if d.weekday() < 5:
        return d
    back = d - timedelta(days=d.weekday() - 4)
    return back if back >= lo else d + timedelta(days=7 - d.weekday())


@dataclass
class _Company:
    as_of: date
    start: date  # first month of the 24-month window
    hire: date
    move: date
    rng: np.random.Generator
    customers: dict[tuple[str, str], list[tuple[str, str]]]  # (team, segment) -> [(name, region)]
    weights: dict[tuple[str, str], list[float]]

    def team_of(self, rep: RepProfile, d: date) -> str:
        return rep.moves_to if rep.moves_to and d >= self.move else rep.team

    def earliest(self, rep: RepProfile) -> date:
        """First possible created date: the hire date, or three months before the window."""
        return self.hire if rep.profile == "ramp" else add_months(self.start, -EARLIEST_MONTHS)

    def active(self, rep: RepProfile, month: date) -> bool:
        return rep.hired_months_before is None or month >= self.hire

    def quota(self, rep: RepProfile, month: date) -> float:
        base = KEY_ACCOUNTS_MOVER_QUOTA if rep.moves_to and month >= self.move else rep.quota
        growth = YEARLY_GROWTH ** (month.year - (self.as_of.year - 1))
        return float(round(base * growth * TARGET_SEASON[month.month - 1], -3))

    def attainment(self, rep: RepProfile, month: date) -> float:
        if rep.profile == "ramp":
            k = (month.year - self.hire.year) * 12 + month.month - self.hire.month
            return RAMP[min(k, len(RAMP) - 1)]
        return rep.attainment


# --- reference data --------------------------------------------------------------------------------

def _customers(rng: np.random.Generator) -> tuple[dict[tuple[str, str], list[tuple[str, str]]],
                                                 dict[tuple[str, str], list[float]]]:
    """About 400 ASCII company names split into (team, segment) pools, with Zipf-like weights."""
    need = {seg: sum(p.get(seg, 0) for p in CUSTOMER_POOLS.values()) for seg in SEGMENTS}
    corporate = need["SMB"] + need["Mid-market"] + need["Enterprise"]
    picks = rng.choice(len(_STEMS) * len(_INDUSTRIES), size=corporate, replace=False)
    corp_names = [f"{_STEMS[i // len(_INDUSTRIES)]} {_INDUSTRIES[i % len(_INDUSTRIES)]}" for i in picks]
    pub = rng.choice(len(_CITIES) * len(_INSTITUTIONS), size=need["Public sector"], replace=False)
    pub_names = [f"{_CITIES[i // len(_INSTITUTIONS)]} {_INSTITUTIONS[i % len(_INSTITUTIONS)]}" for i in pub]
    by_segment: dict[str, list[str]] = {"Public sector": pub_names}
    pos = 0
    for seg in ("SMB", "Mid-market", "Enterprise"):
        names = corp_names[pos:pos + need[seg]]
        pos += need[seg]
        suffixes = _SUFFIX[seg]
        by_segment[seg] = [f"{n} {suffixes[int(rng.integers(len(suffixes)))]}" for n in names]
    pools: dict[tuple[str, str], list[tuple[str, str]]] = {}
    weights: dict[tuple[str, str], list[float]] = {}
    taken = dict.fromkeys(SEGMENTS, 0)
    for team in TEAMS:
        for seg in SEGMENTS:
            n = CUSTOMER_POOLS[team].get(seg, 0)
            if not n:
                continue
            names = by_segment[seg][taken[seg]:taken[seg] + n]
            taken[seg] += n
            regions = rng.choice(len(REGIONS), size=n, p=TEAM_REGIONS[team])
            pools[(team, seg)] = [(name, REGIONS[r]) for name, r in zip(names, regions, strict=True)]
            w = 1.0 / np.arange(1, n + 1) ** 0.8  # a few big repeat customers, a long tail
            weights[(team, seg)] = (w / w.sum()).tolist()
    return pools, weights


def _split(rng: np.random.Generator, total: int, parts: int, alpha: tuple[float, ...]) -> list[int]:
    """``parts`` gaps of at least one day adding up to ``total`` days (``total >= parts``)."""
    extra = total - parts
    shares = rng.dirichlet(alpha[:parts]) if parts > 1 else np.array([1.0])
    gaps = [1 + int(s * extra) for s in shares]
    gaps[-1] += total - sum(gaps)
    return gaps


# --- deals -----------------------------------------------------------------------------------------

def _draw_deal(co: _Company, rep: RepProfile, team: str, outcome: str, close: date | None,
               lost_index: int = 0) -> dict:
    """One deal's attributes; dates from ``close`` backwards (closed) or back from as_of (open)."""
    rng = co.rng
    mix = SEGMENT_MIX["ramp" if rep.profile == "ramp" else team]
    seg = SEGMENTS[_pick(rng, mix)]
    pool = co.customers[(team, seg)]
    customer, region = pool[_pick(rng, co.weights[(team, seg)])]
    product_name, price, _ = PRODUCTS[_pick(rng, _PRODUCT_WEIGHTS[seg])]
    median, sigma = AMOUNT[seg]
    wanted = float(rng.lognormal(np.log(median), sigma))
    unit = price * (1.0 - DISCOUNTS[int(rng.integers(len(DISCOUNTS)))])
    quantity = max(1, round(wanted / unit))
    channel = CHANNELS[_pick(rng, CHANNEL_MIX[seg])]
    mean_cycle = CYCLE_DAYS[seg]

    entries: list[date] = []
    created: date
    if outcome == "won":
        assert close is not None
        cycle = max(5, min(2 * mean_cycle, int(rng.gamma(4.0, mean_cycle / 4.0))))
        created = max(close - timedelta(days=cycle), co.earliest(rep))
        gaps = _split(rng, (close - created).days, 3, (2.0, 3.0, 3.0))
        entries = [created]
        for g in gaps:
            entries.append(entries[-1] + timedelta(days=g))
    elif outcome == "lost":
        assert close is not None
        mean_lost = mean_cycle * LOST_CYCLE_FACTOR[lost_index]
        cycle = max(lost_index + 2, min(int(2 * mean_lost), int(rng.gamma(4.0, mean_lost / 4.0))))
        created = max(close - timedelta(days=cycle), co.earliest(rep))
        gaps = _split(rng, (close - created).days, lost_index + 1, (2.0, 3.0, 3.0))
        entries = [created]
        for g in gaps[:-1]:
            entries.append(entries[-1] + timedelta(days=g))
    else:  # open: young deals far more common than old ones; a few stale
        frac = float(rng.beta(1.0, 1.6)) if rng.random() < 0.88 else float(rng.uniform(1.2, 2.5))
        age = int(frac * 1.3 * mean_cycle)
        created = max(co.as_of - timedelta(days=age), co.earliest(rep))
        age = (co.as_of - created).days
        index = int(np.clip(np.floor(3 * frac + rng.normal(0, 0.5)), 0, 2))
        index = min(index, max(age - 1, 0))  # each stage entry a day or more after the last
        entries = [created]
        if index:
            gaps = _split(rng, age, index + 1, (2.0, 3.0, 3.0))
            for g in gaps[:-1]:
                entries.append(entries[-1] + timedelta(days=g))
        expected = created + timedelta(days=max(7, int(rng.gamma(3.0, mean_cycle / 3.0))))
        if expected <= co.as_of:
            slip = rng.random() < 0.25 and (co.as_of - entries[-1]).days > 2
            expected = (co.as_of - timedelta(days=int(rng.integers(1, min(20, (co.as_of - entries[-1]).days))))
                        if slip else co.as_of + timedelta(days=int(rng.integers(3, 46))))
        close = expected
        lost_index = index

    # Lead source depends on the month the deal was created (trade shows, promotion season).
    w = np.array(LEAD_MIX[seg])
    show = created.month in TRADE_SHOW_MONTHS or (created.month - 1) in TRADE_SHOW_MONTHS
    w[2] *= 3.0 if show else 0.4
    w[1] *= 2.0 if created.month in PROMOTION_MONTHS else 1.0
    if outcome == "won":
        w = w * LEAD_WIN_FACTOR
    elif outcome == "lost":
        w = w * (1.0 - 0.3 * LEAD_WIN_FACTOR) / 0.7
    lead = LEAD_SOURCES[_pick(rng, w.tolist())]

    row: dict = {
        "customer": customer, "rep": rep.name, "team": team, "region": region, "segment": seg,
        "channel": channel, "lead_source": lead, "product": product_name,
        "amount": round(quantity * unit, 2), "quantity": float(quantity),
        "created_date": created, "close_date": close, "probability": np.nan,
        "lost_reason": None, "lost_stage": None,
    }
    for col, d in zip(ENTRY_COLUMNS, entries, strict=False):
        row[col] = d
    if outcome == "won":
        row.update(stage=STAGE_LABELS[3], status="won")
    elif outcome == "lost":
        reason = LOST_REASONS[_pick(rng, LOST_REASON_MIX[lost_index])]
        row.update(stage=LOST_LABEL, status="lost", lost_stage=STAGE_LABELS[lost_index], lost_reason=reason)
    else:
        row.update(stage=STAGE_LABELS[lost_index], status="open")
        if rng.random() < 0.25:
            choices = PROBABILITY_CHOICES[lost_index]
            row["probability"] = float(choices[int(rng.integers(len(choices)))])
    return row


def _close_day(co: _Company, month: date, lo: date, skew: bool) -> date:
    hi = min(month_end(month), co.as_of)
    span = (hi - lo).days
    frac = co.rng.beta(1.6, 1.0) if skew else co.rng.random()
    day = lo + timedelta(days=int(round(frac * span)))
    moved = _weekday(day, lo)
    return moved if moved <= hi else day


def _closed_deals(co: _Company, rep: RepProfile) -> list[dict]:
    """Won and lost deals month by month; won revenue tracks target × the rep's profile."""
    rng = co.rng
    rows: list[dict] = []
    desired_total = actual_total = 0.0
    previous_wobble = 0.0
    for month in _months(co.start, co.as_of):
        if not co.active(rep, month):
            continue
        team = co.team_of(rep, month)
        lo = max(month, co.hire + timedelta(days=12)) if rep.profile == "ramp" else month
        if lo > min(month_end(month), co.as_of):
            continue
        share = 1.0
        if month == month_start(co.as_of):
            share = co.as_of.day / month_end(co.as_of).day
        ratio = SEASON[month.month - 1] / TARGET_SEASON[month.month - 1]
        expected = co.quota(rep, month) * co.attainment(rep, month) * ratio * share
        # Month-to-month wobble that cancels out over time: a good month is partly borrowed
        # from the next, so any half-year stays close to the rep's profile.
        wobble = float(rng.normal(0.0, 0.12)) * expected
        desired_total += max(0.0, expected + wobble - previous_wobble)
        previous_wobble = wobble
        won = misses = 0
        for _ in range(300):
            deal = _draw_deal(co, rep, team, "won", _close_day(co, month, lo, skew=True))
            if actual_total + deal["amount"] / 2 > desired_total:
                misses += 1  # mostly beyond what is left of the month: try another
                if misses >= 4:
                    break
                continue
            rows.append(deal)
            actual_total += deal["amount"]
            won += 1
        n_lost = int(rng.poisson(max(won, 0.5) * (1 - rep.win_rate) / rep.win_rate))
        for _ in range(n_lost):
            index = _pick(rng, LOST_STAGE_MIX)
            rows.append(_draw_deal(co, rep, team, "lost", _close_day(co, month, lo, skew=False),
                                   lost_index=index))
    return rows


def _open_deals(co: _Company, rep: RepProfile) -> list[dict]:
    """The rep's pipeline on as_of: mostly created in the last three months, a few stale.

    Its value is about 4.5 times what the rep is expected to win next month, so the weighted
    pipeline covers most of next month's target for a rep on track and less for one behind.
    """
    after = add_months(month_start(co.as_of), 1)
    ratio = SEASON[after.month - 1] / TARGET_SEASON[after.month - 1]
    goal = OPEN_PIPELINE_MONTHS * co.quota(rep, after) * co.attainment(rep, after) * ratio
    team = co.team_of(rep, co.as_of)
    rows: list[dict] = []
    total = 0.0
    while total < goal and len(rows) < 200:
        rows.append(_draw_deal(co, rep, team, "open", None))
        total += rows[-1]["amount"]
    return rows


def _deals(co: _Company) -> pd.DataFrame:
    rows: list[dict] = []
    for rep in REPS:
        closed = _closed_deals(co, rep)
        rows += closed + _open_deals(co, rep)
    frame = pd.DataFrame(rows)
    frame["_order"] = np.arange(len(frame))
    frame = frame.sort_values(["created_date", "_order"], kind="stable").reset_index(drop=True)
    frame.insert(0, "deal_id", [f"D-{10001 + i}" for i in range(len(frame))])
    rng = co.rng
    # Real exports have holes: a few early-stage deals without a created date and a few open
    # deals without an amount yet.
    early = frame.index[(frame["status"] == "open") & (frame["stage"] == STAGE_LABELS[0])]
    for i in rng.choice(early, size=min(5, len(early)), replace=False):
        frame.loc[i, ["created_date", ENTRY_COLUMNS[0]]] = None
    still_open = frame.index[frame["status"] == "open"]
    for i in rng.choice(still_open, size=min(8, len(still_open)), replace=False):
        frame.loc[i, ["amount", "quantity"]] = np.nan
    return frame.drop(columns="_order")


# --- targets ---------------------------------------------------------------------------------------

def _target_row(period: Period, rep: str | None, team: str | None, metric: str, value: float) -> dict:
    return {"period": period.key, "period_start": period.start, "period_end": period.end,
            "rep": rep, "team": team, "metric": metric, "target": value}


def _targets(co: _Company, deals: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict] = []
    last = date(co.as_of.year, 12, 1)
    mismatch = _months_before(co.as_of, MISMATCH_MONTHS_BEFORE)
    for month in _months(co.start, last):
        period = month_period(month)
        team_sum = dict.fromkeys(TEAMS, 0.0)
        for rep in REPS:
            if co.active(rep, month):
                team, value = co.team_of(rep, month), co.quota(rep, month)
                rows.append(_target_row(period, rep.name, team, "revenue", value))
                team_sum[team] += value
        if month == mismatch:
            team_sum[MISMATCH_TEAM] += MISMATCH_EXTRA  # the decomposition check has one to find
        for team in TEAMS:
            rows.append(_target_row(period, None, team, "revenue", team_sum[team]))
        rows.append(_target_row(period, None, None, "revenue", sum(team_sum.values())))
    # Quarterly unit targets for the current year, from each rep's units per dollar won.
    won = deals[deals["status"] == "won"]
    per_dollar = (won.groupby("rep")["quantity"].sum() / won.groupby("rep")["amount"].sum()).to_dict()
    for q in range(4):
        qstart = date(co.as_of.year, 3 * q + 1, 1)
        period = quarter_of(qstart)
        team_sum = dict.fromkeys(TEAMS, 0.0)
        for rep in REPS:
            months = [m for m in _months(qstart, period.end) if co.active(rep, m)]
            if not months:
                continue
            team = co.team_of(rep, months[0])
            units = float(round(sum(co.quota(rep, m) for m in months) * per_dollar[rep.name], -1))
            rows.append(_target_row(period, rep.name, team, "units", units))
            team_sum[team] += units
        for team in TEAMS:
            rows.append(_target_row(period, None, team, "units", team_sum[team]))
        rows.append(_target_row(period, None, None, "units", sum(team_sum.values())))
    return pd.DataFrame(rows)


# --- surveys, peer reviews, activities -------------------------------------------------------------

def _surveys(co: _Company, deals: pd.DataFrame) -> pd.DataFrame:
    rng = co.rng
    profile = {r.name: r for r in REPS}
    rows = []
    won = deals[deals["status"] == "won"]
    for deal in won.itertuples(index=False):
        if rng.random() >= 0.42:
            continue
        when = deal.close_date + timedelta(days=int(rng.integers(5, 41)))
        if when > co.as_of:
            continue
        csat = int(np.clip(round(rng.normal(profile[deal.rep].csat, 0.8)), 1, 5))
        nps = int(np.clip(round(2.2 * csat - 1.0 + rng.normal(0.0, 1.2)), 0, 10))
        comment = None
        if rng.random() < 0.6:
            pool = COMMENTS_ZH[csat] if rng.random() < 0.08 else COMMENTS_EN[csat]
            comment = pool[int(rng.integers(len(pool)))]
        answered = rng.random()
        rows.append({
            "date": when, "customer": deal.customer, "rep": deal.rep, "deal_id": deal.deal_id,
            "csat": np.nan if answered < 0.03 else float(csat),
            "nps": np.nan if 0.03 <= answered < 0.08 else float(nps),
            "comment": comment,
        })
    return pd.DataFrame(rows).sort_values(["date", "deal_id"], kind="stable")


def _peer_reviews(co: _Company) -> pd.DataFrame:
    rng = co.rng
    rows = []
    first = quarter_of(co.start)
    quarter = first if first.start >= co.start else quarter_of(add_months(first.start, 3))
    while quarter.start <= co.as_of:
        members: dict[str, list[RepProfile]] = {t: [] for t in TEAMS}
        for rep in REPS:
            month = min(month_start(quarter.end), month_start(co.as_of))
            if co.active(rep, quarter.start) or co.active(rep, month):
                members[co.team_of(rep, month)].append(rep)
        for team in TEAMS:
            for rep in members[team]:
                mates = [m.name for m in members[team] if m.name != rep.name]
                k = min(len(mates), int(rng.integers(2, 4)))
                for reviewer in rng.choice(mates, size=k, replace=False):
                    score = int(np.clip(round(rng.normal(rep.collaboration, 0.6)), 1, 5))
                    rows.append({"period": quarter.key, "period_start": quarter.start,
                                 "period_end": quarter.end, "rep": rep.name, "reviewer": str(reviewer),
                                 "score": float(score)})
        quarter = quarter_of(add_months(quarter.start, 3))
    return pd.DataFrame(rows)


def _activities(co: _Company, deals: pd.DataFrame) -> pd.DataFrame:
    rng = co.rng
    profile = {r.name: r for r in REPS}
    rows = []
    won = deals[deals["status"] == "won"]
    for deal in won.itertuples(index=False):
        if rng.random() >= profile[deal.rep].followup:
            continue  # never followed up
        delay = int(rng.integers(1, 15)) if rng.random() < 0.75 else int(rng.integers(15, 46))
        when = deal.close_date + timedelta(days=delay)
        if when > co.as_of:
            continue  # not yet
        kind = ("Call", "Email", "Visit")[_pick(rng, (0.5, 0.3, 0.2))]
        if deal.segment in ("Enterprise", "Public sector") and rng.random() < 0.4:
            kind = "Visit"
        notes = ACTIVITY_NOTES[kind]
        rows.append({"date": when, "rep": deal.rep, "customer": deal.customer, "deal_id": deal.deal_id,
                     "type": kind, "next_followup_date": None, "note": notes[int(rng.integers(len(notes)))]})
        if rng.random() < 0.3:
            later = when + timedelta(days=int(rng.integers(30, 91)))
            if later <= co.as_of:
                rows.append({"date": later, "rep": deal.rep, "customer": deal.customer,
                             "deal_id": deal.deal_id, "type": "Call", "next_followup_date": None,
                             "note": SECOND_NOTES[int(rng.integers(len(SECOND_NOTES)))]})
    frame = pd.DataFrame(rows).sort_values(["date", "deal_id"], kind="stable").reset_index(drop=True)
    # Next follow-ups planned on recent activities: some due in the coming week, some overdue.
    recent = frame.index[(frame["date"] > co.as_of - timedelta(days=60)) & frame["next_followup_date"].isna()]
    picks = rng.choice(recent, size=min(len(recent), 30), replace=False)
    for n, i in enumerate(sorted(picks)):
        done = frame.at[i, "date"]
        if n % 6 == 0:
            due = co.as_of + timedelta(days=int(rng.integers(1, 8)))  # due in the coming week
        elif n % 6 == 1 and (co.as_of - done).days > 2:
            due = done + timedelta(days=int(rng.integers(1, (co.as_of - done).days)))  # overdue
        else:
            due = co.as_of + timedelta(days=int(rng.integers(8, 41)))  # later
        frame.at[i, "next_followup_date"] = due
    return frame


# --- campaigns and markets -------------------------------------------------------------------------

def _campaigns(co: _Company) -> pd.DataFrame:
    rng = co.rng
    rows = []
    for month in _months(co.start, co.as_of):
        period = month_period(month)
        for source in LEAD_SOURCES:
            if source == "Trade show":
                if month.month not in TRADE_SHOW_COST:
                    continue  # no show, no cost
                lo, hi = TRADE_SHOW_COST[month.month]
                cost = float(rng.integers(lo, hi + 1))
            else:
                mean, noise = CAMPAIGN_STEADY[source]
                boost = 2.5 if source == "Promotion" and month.month in PROMOTION_MONTHS else 1.0
                cost = mean * boost * (1.0 + rng.normal(0.0, noise))
            rows.append({"period": period.key, "period_start": period.start, "period_end": period.end,
                         "lead_source": source, "cost": float(round(cost, -1))})
    return pd.DataFrame(rows)


def _markets(co: _Company) -> pd.DataFrame:
    rows = []
    for year in range(co.start.year, co.as_of.year + 1):
        period = year_period(year)
        growth = MARKET_GROWTH ** (year - (co.as_of.year - 1))
        for seg in SEGMENTS:
            rows.append({"period": period.key, "period_start": period.start, "period_end": period.end,
                         "segment": seg, "market_size": float(round(MARKET_SIZE[seg] * growth, -5))})
    return pd.DataFrame(rows)


# --- public API -----------------------------------------------------------------------------------

# --- the Chinese edition ----------------------------------------------------------------------

EDITIONS: tuple[str, ...] = ("en", "zh")
EDITION_CURRENCY = {"en": ("USD", "$"), "zh": ("CNY", "¥")}  # ISO code, symbol
REP_NAMES_ZH = {
    "Chen Jing": "陈静", "Sarah Miller": "孙莎莎", "Zhang Wei": "张伟", "Emily Zhou": "周怡",
    "David Kim": "金大伟", "Wang Lei": "王磊", "Maria Garcia": "马丽", "James Carter": "高健",
    "Li Na": "李娜", "Liu Yang": "刘洋", "Michael Brown": "白明", "Zhao Min": "赵敏",
}
TEAMS_ZH = {"East": "华东组", "West": "华西组", "Key Accounts": "大客户组"}
SEGMENTS_ZH = {"Enterprise": "大型企业", "Mid-market": "中型企业", "SMB": "小微企业", "Public sector": "公共部门"}
CHANNELS_ZH = {"Direct": "直销", "Distribution": "分销", "E-commerce": "电商"}
LEAD_SOURCES_ZH = {"Ads": "广告", "Promotion": "促销", "Trade show": "展会", "Referral": "转介绍", "Web": "官网"}
REGIONS_ZH = {"North": "北区", "South": "南区", "East": "东区", "West": "西区"}
LOST_REASONS_ZH = {"Price": "价格", "Competitor": "竞争对手", "No budget": "没有预算", "Timing": "时机不合适",
                   "No decision": "迟迟未决策"}
STAGES_ZH = {**{i18n.text(s.label, "en"): i18n.text(s.label, "zh") for s in STAGES}, LOST_LABEL: "输单"}
PRODUCTS_ZH = {"Starter Kit": "入门套件", "Pro Suite": "专业版套件", "Enterprise Platform": "企业平台",
               "Data Connector": "数据连接器", "Support Plan": "支持服务", "Training": "培训"}
_STEMS_ZH = (
    "艾克美", "顶峰", "蓝河", "明星", "雪松山", "龙门", "东风", "光大", "长青", "金桥", "长城", "海港", "恒泰",
    "华信", "玉河", "金丰", "昆仑", "湖畔", "莲花", "枫叶", "子午", "明阳", "北风", "橡树岭", "东方之星", "环太",
    "珠江", "凤凰", "松谷", "红木", "银峰", "丝路", "巅峰", "旭日", "天宇", "双河", "西门", "扬子", "中鑫", "河湾",
)
_INDUSTRIES_ZH = (
    "电子", "物流", "食品", "医药", "零售", "纺织", "机械", "软件", "能源", "酒店", "汽车", "化工", "健康", "建设",
    "传媒", "农业科技", "仪器", "包装", "家具", "通信",
)
_SUFFIX_ZH = {"Co": "商行", "Trading": "贸易公司", "Studio": "工作室", "Ltd": "有限公司", "Inc": "股份有限公司",
              "Group": "集团", "Holdings": "控股", "Corporation": "总公司"}
_CITIES_ZH = (
    "杭州", "苏州", "南京", "成都", "武汉", "厦门", "青岛", "宁波", "昆明", "大连", "济南", "合肥", "福州", "长沙",
    "西安", "郑州", "无锡", "佛山", "东莞", "常州",
)
_INSTITUTIONS_ZH = ("市人民医院", "大学", "水务局", "交通局", "图书馆", "教育局", "卫健委", "税务局")
COMMENTS_EN_ZH = {
    "Great support during rollout.": "上线期间支持很到位。", "Very responsive team.": "团队响应很快。",
    "Smooth onboarding, thank you.": "导入很顺利，谢谢。", "Excellent service, will buy again.": "服务出色，还会再买。",
    "The rep understood our needs well.": "销售很懂我们的需求。",
    "Good overall, delivery a bit slow.": "整体不错，交付稍慢。",
    "Solid product, training could be better.": "产品扎实，培训还可以更好。",
    "Happy with the purchase.": "对这次采购很满意。", "Helpful rep, fair pricing.": "销售热心，价格公道。",
    "Okay, but communication was patchy.": "还行，但沟通时断时续。",
    "Implementation took longer than promised.": "实施时间比承诺的长。", "Average experience.": "体验一般。",
    "Slow to respond after the sale.": "售后响应慢。", "Product did not match the demo.": "产品与演示不符。",
    "Too expensive for what we got.": "性价比不高。", "Billing problems, still unresolved.": "账单问题至今未解决。",
    "Nobody followed up after we signed.": "签约后没人跟进。",
}
ACTIVITY_TYPES_ZH = {"Call": "电话", "Email": "邮件", "Visit": "拜访"}
ACTIVITY_NOTES_ZH = {
    "Post-sale check-in call": "售后回访电话", "Call to confirm go-live": "电话确认上线",
    "Satisfaction call": "满意度回访", "Sent onboarding guide": "发送上手指南",
    "Sent invoice and welcome pack": "发送发票和欢迎资料", "Follow-up email on training": "培训跟进邮件",
    "On-site visit: delivery and training": "上门拜访：交付与培训", "Visit to review first results": "拜访复盘初期成效",
    "Quarterly business review": "季度业务回顾", "Renewal and upsell discussion": "续约与增购洽谈",
    "Usage review call": "使用情况回访电话",
}


def _customer_names_chinese() -> dict[str, str]:
    """Every customer name the generator can draw → its Chinese name (same parts, same order)."""
    out: dict[str, str] = {}
    for i, stem in enumerate(_STEMS):
        for j, industry in enumerate(_INDUSTRIES):
            for suffix, suffix_cn in _SUFFIX_ZH.items():
                out[f"{stem} {industry} {suffix}"] = f"{_STEMS_ZH[i]}{_INDUSTRIES_ZH[j]}{suffix_cn}"
    for i, city in enumerate(_CITIES):
        for j, institution in enumerate(_INSTITUTIONS):
            out[f"{city} {institution}"] = f"{_CITIES_ZH[i]}{_INSTITUTIONS_ZH[j]}"
    return out


def _zh_columns() -> dict[str, dict[str, dict[str, str]]]:
    """table → column → English value → Chinese value."""
    customers = _customer_names_chinese()
    comments = {**COMMENTS_EN_ZH, **{c: c for pool in COMMENTS_ZH.values() for c in pool}}
    return {
        "deals": {"customer": customers, "rep": REP_NAMES_ZH, "team": TEAMS_ZH, "region": REGIONS_ZH,
                  "segment": SEGMENTS_ZH, "channel": CHANNELS_ZH, "lead_source": LEAD_SOURCES_ZH,
                  "product": PRODUCTS_ZH, "stage": STAGES_ZH, "lost_reason": LOST_REASONS_ZH,
                  "lost_stage": STAGES_ZH},
        "targets": {"rep": REP_NAMES_ZH, "team": TEAMS_ZH},
        "surveys": {"customer": customers, "rep": REP_NAMES_ZH, "comment": comments},
        "peer_reviews": {"rep": REP_NAMES_ZH, "reviewer": REP_NAMES_ZH},
        "activities": {"customer": customers, "rep": REP_NAMES_ZH, "type": ACTIVITY_TYPES_ZH,
                       "note": ACTIVITY_NOTES_ZH},
        "campaigns": {"lead_source": LEAD_SOURCES_ZH},
        "markets": {"segment": SEGMENTS_ZH},
    }


def translate(frames: dict[str, pd.DataFrame], edition: str) -> dict[str, pd.DataFrame]:
    """The tables of ``edition``: "en" as generated; "zh" with every name, label and comment in
    Chinese (numbers, dates and ids untouched). A value with no translation raises ``KeyError``,
    so the Chinese edition never carries an English word by accident."""
    if edition not in EDITIONS:
        raise ValueError(f"sample edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
    if edition == "en":
        return frames
    out = {}
    for name, frame in frames.items():
        frame = frame.copy()
        for column, mapping in _zh_columns().get(name, {}).items():
            if column not in frame.columns:
                continue
            values = frame[column]
            unknown = sorted({str(v) for v in values.dropna() if v not in mapping})
            if unknown:
                raise KeyError(f"sample {name}.{column}: no Chinese for {unknown[:5]}")
            frame[column] = values.map(lambda v, m=mapping: m[v] if isinstance(v, str) else v).astype(values.dtype)
        out[name] = frame
    return out


def generate(as_of: date = AS_OF, seed: int = SEED, edition: str = "en") -> dict[str, pd.DataFrame]:
    """The sample company's canonical tables (deals, targets, …) as they stand on ``as_of``,
    in ``edition``'s language (see :func:`translate`).

    Deals run from 23 months before as_of's month through ``as_of``; targets to December of
    as_of's year. Frames have the canonical columns and dtypes of ``store.table_layout``
    (period tables with ``period_start``/``period_end``), without ``source_row``.
    """
    rng = np.random.default_rng(seed)
    pools, weights = _customers(rng)
    co = _Company(as_of=as_of, start=_months_before(as_of, 23),
                  hire=_months_before(as_of, HIRE_MONTHS_BEFORE),
                  move=_months_before(as_of, MOVE_MONTHS_BEFORE),
                  rng=rng, customers=pools, weights=weights)
    deals = _deals(co)
    raw = {
        "deals": deals,
        "targets": _targets(co, deals),
        "surveys": _surveys(co, deals),
        "peer_reviews": _peer_reviews(co),
        "activities": _activities(co, deals),
        "campaigns": _campaigns(co),
        "markets": _markets(co),
    }
    currency = EDITION_CURRENCY[edition][0] if edition in EDITION_CURRENCY else CURRENCY
    for table in ("deals", "targets"):  # the money's currency, recorded on every row
        raw[table] = raw[table].assign(currency=currency)
    frames = {name: conform(name, raw[name]).drop(columns=SOURCE_ROW) for name in TABLE_ORDER}
    return translate(frames, edition)


def file_columns(table: str) -> list[str]:
    """The columns written to the sample files: the schema's columns (+ stage-entry dates for deals)."""
    names = list(TABLES[table].names)
    return names + list(ENTRY_COLUMNS) if table == "deals" else names


def _file_frame(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` as written: whole-number columns as integers, dates as ISO text."""
    out = frame[file_columns(table)].copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[col] = values.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(values):
            present = values.dropna()
            if (present == present.round()).all():
                out[col] = values.astype("Int64")
    return out


def write_workbook(path: Path, frames: dict[str, pd.DataFrame], as_of: date = AS_OF) -> None:
    """Write ``frames`` as one sheet per table (bold, frozen header; real date cells).

    Timestamps inside the file are ``as_of``, so the same frames always give the same bytes.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in TABLE_ORDER:
        frame = _file_frame(table, frames[table])
        ws = wb.create_sheet(table)
        ws.freeze_panes = "A2"
        for i, col in enumerate(frame.columns):
            longest = int(frame[col].dropna().astype(str).str.len().max()) if frame[col].notna().any() else 0
            ws.column_dimensions[get_column_letter(i + 1)].width = min(36, max(10, len(col), longest) + 2)
        header = []
        for col in frame.columns:
            cell = WriteOnlyCell(ws, value=col)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        is_date = [pd.api.types.is_datetime64_any_dtype(frames[table][c]) for c in frame.columns]
        for record in frame.itertuples(index=False, name=None):
            row: list = []
            for v, dated in zip(record, is_date, strict=True):
                if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
                    row.append(None)
                elif dated:
                    cell = WriteOnlyCell(ws, value=date.fromisoformat(v))
                    cell.number_format = "yyyy-mm-dd"
                    row.append(cell)
                else:
                    row.append(v.item() if isinstance(v, np.generic) else v)
            ws.append(row)
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "Sales performance dashboard sample"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    # Rewrite the archive with fixed timestamps so the same data gives the same bytes.
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(as_of.year, as_of.month, as_of.day, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


def write_sample(out_dir: Path, as_of: date = AS_OF, seed: int = SEED, edition: str = "en") -> list[Path]:
    """Write one UTF-8 CSV per table (canonical headers, ISO dates) and ``sales_company.xlsx``.

    The workbook has one sheet per table, header row bold and frozen. Returns the written paths;
    the same ``as_of`` and ``seed`` give byte-identical files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = generate(as_of, seed, edition)
    paths = []
    for table in TABLE_ORDER:
        path = out_dir / f"{table}.csv"
        _file_frame(table, frames[table]).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        paths.append(path)
    workbook = out_dir / WORKBOOK_NAME
    write_workbook(workbook, frames, as_of)
    paths.append(workbook)
    return paths
