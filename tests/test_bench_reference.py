"""The benchmark's plain-pandas reference computes the same figures as the analytics.

``bench/bench_pages.py`` times the pages' analytics calls against ``bench/pandas_reference.py``;
the comparison is honest only if both sides produce the same numbers. Here both run on the
benchmark's own data generator at a small size (unique deal ids: the fast path) and on a copy
whose ids repeat (order lines: the de-duplicating path), for several rounds of filters and
periods, and every frame the pages get is compared cell by cell; the pandas side also with its
text columns left as ``str`` instead of ``category``.
"""

from __future__ import annotations

import math
import sys
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import bench_pages as bp  # noqa: E402
import pandas_reference as ref  # noqa: E402

from analytics.filters import Filters  # noqa: E402
from analytics.metrics.funnel import FunnelResult  # noqa: E402
from analytics.periods import parse_period  # noqa: E402
from analytics.store import canonical  # noqa: E402


def _values(frame: pd.DataFrame) -> pd.DataFrame:
    """Comparable cells: numbers as float, text and dates as objects, missing as None."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            out[col] = pd.to_numeric(s, errors="coerce").astype("float64").reset_index(drop=True)
        else:
            out[col] = s.astype("object").where(s.notna(), None).reset_index(drop=True)
    return pd.DataFrame(out)


def assert_same(duck: object, pandas: object, what: str) -> None:
    if isinstance(duck, FunnelResult):
        assert isinstance(pandas, FunnelResult), what
        for f in fields(FunnelResult):
            a, b = getattr(duck, f.name), getattr(pandas, f.name)
            if f.name in ("table",):
                assert_same(a, b, f"{what}.table")
            elif f.name not in ("mode", "too_young_cohorts", "median_won_cycle_days"):
                assert a == b, f"{what}.{f.name}: {a} != {b}"
        return
    assert isinstance(duck, pd.DataFrame) and isinstance(pandas, pd.DataFrame), what
    assert list(duck.columns) == list(pandas.columns), f"{what}: {list(duck.columns)} != {list(pandas.columns)}"
    assert len(duck) == len(pandas), f"{what}: {len(duck)} rows != {len(pandas)}"
    a, b = _values(duck), _values(pandas)
    for col in a.columns:
        if a[col].dtype == "float64":
            x, y = a[col].to_numpy(), b[col].to_numpy(dtype="float64")
            ok = np.isclose(x, y, rtol=1e-9, atol=1e-6) | (np.isnan(x) & np.isnan(y))
            assert ok.all(), f"{what}.{col}: {x[~ok][:5]} != {y[~ok][:5]}"
        else:
            assert a[col].tolist() == b[col].tolist(), f"{what}.{col}"


@pytest.fixture(scope="module")
def datasets() -> dict[str, tuple[object, ref.Frames]]:
    tables = bp.make_tables(2500, seed=5)
    out = {}
    con = canonical.connect(tables)
    out["unique ids"] = (con.cursor(), ref.Frames.from_connection(con))
    out["plain text"] = (con.cursor(), ref.Frames.from_connection(con, categorical=False))
    deals = tables["deals"].copy()
    deals.loc[deals.index % 7 == 0, "deal_id"] = deals["deal_id"].shift(1)  # every 7th row: a second line
    con = canonical.connect({**tables, "deals": deals})
    frames = ref.Frames.from_connection(con)
    assert not frames.unique_ids and not canonical.deal_ids_unique(con)
    out["order lines"] = (con.cursor(), frames)
    return out


# A month under way (as_of inside it), a month whose West target differs from its reps' sum
# (October), a quarter, a custom range across a year end; filters on each kind of dimension.
ROUNDS = [bp.Round(parse_period(p), f, rep, as_of) for p, f, rep, as_of in (
    ("2026-11", Filters(), "Rep 01", date(2026, 11, 12)),
    ("2026-10", Filters(team=("West",), lead_source=("Referral", "Web", "Ads")), "Rep 12", bp.AS_OF),
    ("2026-Q3", Filters(team=("East", "Central"), region=("North", "South")), "Rep 21", bp.AS_OF),
    ("2025-12-20..2026-01-10", Filters(rep=("Rep 07", "Rep 08")), "Rep 07", bp.AS_OF),
)]


# Order lines matter where deals are counted (funnel, performance); attainment sums amounts.
@pytest.mark.parametrize(("page", "data"), [
    ("overview", "unique ids"), ("my_progress", "unique ids"), ("funnel", "unique ids"), ("segments", "unique ids"),
    ("funnel", "order lines"), ("segments", "order lines"),
    ("funnel", "plain text"), ("segments", "plain text"),
])
def test_reference_equals_analytics(datasets, page, data):
    con, frames = datasets[data]
    duck_page, pandas_page = bp.PAGES[page]
    for r in ROUNDS if data != "plain text" else ROUNDS[1:2]:  # text columns as str: the other code paths
        duck_calls, pandas_calls = duck_page(con, r), pandas_page(frames, r)
        assert list(duck_calls) == list(pandas_calls)
        for name in duck_calls:
            assert_same(duck_calls[name](), pandas_calls[name](), f"{data} {page} {r.period.key} "
                                                                   f"{r.filters.active()} {name}")


def test_the_comparison_can_fail(datasets):
    """The comparator sees a changed figure (so the test above cannot pass by accident)."""
    con, frames = datasets["unique ids"]
    r = ROUNDS[0]
    duck = bp.duck_overview(con, r)["company"]()
    # the company row: one actual, changed by one cent
    changed = duck.assign(actual=duck["actual"] + 0.01)
    with pytest.raises(AssertionError):
        assert_same(duck, changed, "changed")
    assert math.isclose(duck["actual"].iloc[0], ref.overview(frames, r)["company"]()["actual"].iloc[0])


def test_rounds_change_what_is_computed(datasets):
    """Every benchmark round selects other deals: a filter change is never a repeat."""
    con, _ = datasets["unique ids"]
    rounds = bp.rounds(5)
    assert len({(r.period, r.filters) for r in rounds}) == len(rounds)
    totals = [float(bp.duck_overview(con, r)["company"]()["actual"].iloc[0]) for r in rounds]
    assert len(set(totals)) == len(totals)
    assert replace(rounds[1], rep="x").rep == "x" and rounds[0].as_of == date(2026, 11, 30)
