"""What a rep may see beyond their own rows: their team's and the company's attainment, and a
leaderboard of attainment. Aggregates only, read from the whole team's data.

A rep's session reads a copy holding only their rows (``analytics.store.scoped``), so these are
the only figures computed past it (``ui.context.Context.call_standing`` refuses any function
not listed in :data:`AGGREGATE_ONLY`). What they return, by decision:

- ``team_and_company``: for the rep's team and for the company, attainment (actual / target)
  alone — no amounts, no targets, no other rep's figures;
- ``leaderboard``: every rep with a target in the period, ranked by attainment (highest first,
  ties share the rank, reps without a target are left out): rank, name and attainment %. No
  amounts, no targets, no pay: attainment is the department's published yardstick, pay is
  personal.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.filters import Filters
from analytics.metrics.attainment import attainment
from analytics.periods import Period
from analytics.store.settings import DEFAULT_SETTINGS, Settings

LEADERBOARD_COLUMNS = ["rank", "rep", "attainment"]


def team_and_company(con: duckdb.DuckDBPyConnection, period: Period, team: str | None,
                     settings: Settings = DEFAULT_SETTINGS) -> dict[str, float | None]:
    """``{"team": attainment, "company": attainment}`` (fractions; None without a target or team)."""
    def value(frame: pd.DataFrame) -> float | None:
        if frame.empty or pd.isna(frame["attainment"].iloc[0]):
            return None
        return float(frame["attainment"].iloc[0])

    company = attainment(con, period, "company", settings=settings)
    team_value = None
    if team:
        teams = attainment(con, period, "team", Filters(team=(team,)), settings=settings)
        team_value = value(teams[teams["team"] == team])
    return {"team": team_value, "company": value(company)}


def leaderboard(con: duckdb.DuckDBPyConnection, period: Period,
                settings: Settings = DEFAULT_SETTINGS) -> pd.DataFrame:
    """Rank, rep and attainment of every rep with a target (see the module note)."""
    reps = attainment(con, period, "rep", settings=settings)
    reps = reps[reps["rep"].notna() & reps["attainment"].notna()]
    reps = reps.groupby("rep", as_index=False)["attainment"].first() if reps["rep"].duplicated().any() else reps
    out = reps[["rep", "attainment"]].sort_values(["attainment", "rep"], ascending=[False, True])
    out.insert(0, "rank", out["attainment"].rank(method="min", ascending=False).astype(int))
    return out.reset_index(drop=True)[LEADERBOARD_COLUMNS]


#: The functions allowed to read past a scoped copy.
AGGREGATE_ONLY = frozenset({team_and_company, leaderboard})
