"""The reference for ``bench_browser.py``: a plain Streamlit + pandas page, as anyone would write it.

One script, no navigation: the deals, targets and campaigns are read once into DataFrames
(``st.cache_resource``), a Team multiselect filters them, and the rep attainment table of the
month is computed with pandas (``pandas_reference.attainment``, tested cell by cell against the
app's analytics in ``tests/test_bench_reference.py``) and shown. It runs with Streamlit's default
settings (the benchmark starts it from ``bench/``, outside the project's ``.streamlit/``).

    BENCH_DATA=/tmp/bench_browser BENCH_ROWS=1000000 streamlit run bench/plain_page.py
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas_reference as ref  # noqa: E402

from analytics.filters import Filters  # noqa: E402
from analytics.periods import month_period  # noqa: E402
from analytics.store import canonical  # noqa: E402
from analytics.store.settings import DEFAULT_SETTINGS  # noqa: E402

AS_OF = date(2026, 11, 30)


@st.cache_resource
def frames() -> ref.Frames:
    folder, rows = Path(os.environ["BENCH_DATA"]), os.environ["BENCH_ROWS"]
    tables = {t: pd.read_parquet(folder / f"{t}_{rows}_created.parquet") for t in ("deals", "targets", "campaigns")}
    return ref.Frames.from_connection(canonical.connect(tables), categorical=False)


f = frames()
teams = st.sidebar.multiselect("Team", sorted(f.deals["team"].dropna().unique()), placeholder="All")
period = month_period(AS_OF)
table = ref.attainment(f, period, "rep", Filters(team=tuple(teams)), AS_OF, DEFAULT_SETTINGS)
st.title("Attainment")
st.dataframe(table, hide_index=True)
