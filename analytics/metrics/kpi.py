"""KPI score per rep: a weighted mean of revenue, satisfaction and collaboration scores (0–100).

The inputs are the small frames other modules produce, so this module runs no SQL:
attainment per rep (rep, team, target, actual, attainment), satisfaction by rep (rep, csat)
and collaboration (rep, mean_score).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from analytics.store.settings import DEFAULT_SETTINGS

COMPONENTS: tuple[str, ...] = ("revenue", "satisfaction", "collaboration")


def enough_responses(responses: object, min_responses: int = DEFAULT_SETTINGS.min_responses) -> bool:
    """The one minimum-evidence rule: CSAT is judged only on at least ``min_responses`` responses.

    ``min_responses`` comes from the department's Settings (``Settings.min_responses``), so the
    KPI score, the rank, the rewards CSAT gate and the report all judge on the same evidence.
    """
    if responses is None or pd.isna(responses):  # type: ignore[call-overload]
        return False
    return int(responses) >= int(min_responses)  # type: ignore[call-overload]


def one_row_per_rep(attainment: pd.DataFrame) -> pd.DataFrame:
    """``attainment`` with one row per rep: rows of a repeated rep are summed (target, actual).

    Rows without a rep (team or company rows) are dropped. The team kept is the first one named.
    Attainment is recomputed as actual / target when a rep was repeated; no target → NaN.
    """
    frame = attainment.copy()
    for col in ("team", "target", "actual", "attainment"):
        if col not in frame.columns:
            frame[col] = math.nan if col != "team" else None
    frame = frame[frame["rep"].notna()]
    if not frame["rep"].duplicated().any():
        return frame[["rep", "team", "target", "actual", "attainment"]].reset_index(drop=True)
    grouped = frame.groupby("rep", sort=False, dropna=False)
    out = pd.DataFrame({
        "team": grouped["team"].first(),
        "target": grouped["target"].sum(min_count=1),
        "actual": grouped["actual"].sum(min_count=1),
    }).reset_index()
    target = out["target"].where(out["target"] > 0)
    out["attainment"] = out["actual"].fillna(0.0) / target
    return out[["rep", "team", "target", "actual", "attainment"]]


def _column(frame: pd.DataFrame | None, name: str) -> pd.Series:
    """``frame[name]`` indexed by rep (empty when the frame or the column is absent)."""
    if frame is None or frame.empty or "rep" not in frame.columns or name not in frame.columns:
        return pd.Series(dtype="float64")
    rows = frame[frame["rep"].notna()].drop_duplicates("rep")
    return pd.to_numeric(rows.set_index("rep")[name], errors="coerce").astype("float64")


def kpi_scores(attainment: pd.DataFrame | None, satisfaction: pd.DataFrame | None,
               collaboration: pd.DataFrame | None, weights: Sequence[float] = (0.5, 0.3, 0.2),
               revenue_cap: float = 1.0, min_responses: int = DEFAULT_SETTINGS.min_responses) -> pd.DataFrame:
    """KPI score (0–100) per rep with its components, ranked (1 = best).

    revenue_score = min(attainment, cap) / cap × 100 (no target → left out); satisfaction_score
    = CSAT × 100 (no csat responses, or fewer than ``min_responses`` of them → left out, see
    ``enough_responses``); collaboration_score = (mean − 1) / 4 × 100 (no reviews → left out).
    kpi_score is the weighted mean of the components present, the weights renormalised to sum to
    1 (``weights_used``, a dict) and the absent ones listed in ``missing``; ``too_few`` lists the
    components left out for too little evidence (a subset of ``missing``), ``csat_responses``
    the count behind the satisfaction score. No component at all (or only zero weights) →
    kpi_score NaN, rank <NA>. Ties share a rank.
    """
    weights = tuple(float(w) for w in weights)
    if len(weights) != 3 or any(not math.isfinite(w) or w < 0 for w in weights) or sum(weights) <= 0:
        raise ValueError("KPI weights must be three non-negative numbers with a positive sum "
                         "(revenue, satisfaction, collaboration)")
    if not math.isfinite(revenue_cap) or revenue_cap <= 0:
        raise ValueError(f"revenue cap must be a positive fraction such as 1.0 (100 %), not {revenue_cap!r}")
    att = one_row_per_rep(attainment) if attainment is not None and "rep" in attainment.columns else None
    attain = _column(att, "attainment")
    csat = _column(satisfaction, "csat")
    csat_n = _column(satisfaction, "csat_responses")
    mean = _column(collaboration, "mean_score")
    reps = list(dict.fromkeys([*attain.index, *csat.index, *mean.index]))

    rows = []
    for rep in reps:
        a, c, m = attain.get(rep, math.nan), csat.get(rep, math.nan), mean.get(rep, math.nan)
        # A frame without counts (a bare csat column) is taken as judged; with counts the rule applies.
        n = csat_n.get(rep, math.nan)
        thin = pd.notna(c) and len(csat_n) > 0 and not enough_responses(n, min_responses)
        if thin:
            c = math.nan
        scores = {
            "revenue": min(max(a, 0.0), revenue_cap) / revenue_cap * 100.0 if pd.notna(a) else math.nan,
            "satisfaction": c * 100.0 if pd.notna(c) else math.nan,
            "collaboration": (m - 1.0) / 4.0 * 100.0 if pd.notna(m) else math.nan,
        }
        present = [k for k in COMPONENTS if not math.isnan(scores[k])]
        total_weight = sum(weights[COMPONENTS.index(k)] for k in present)
        used = ({k: weights[COMPONENTS.index(k)] / total_weight for k in present}
                if total_weight > 0 else {})
        kpi = sum(scores[k] * w for k, w in used.items()) if used else math.nan
        rows.append({
            "rep": rep,
            "revenue_score": scores["revenue"],
            "satisfaction_score": scores["satisfaction"],
            "collaboration_score": scores["collaboration"],
            "kpi_score": kpi,
            "missing": [k for k in COMPONENTS if k not in present],
            "too_few": ["satisfaction"] if thin else [],
            "csat_responses": n,
            "weights_used": used,
        })
    columns = ["rep", "revenue_score", "satisfaction_score", "collaboration_score", "kpi_score",
               "missing", "too_few", "csat_responses", "weights_used", "rank"]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in columns}).astype(
            {"rep": "str", "missing": "object", "too_few": "object", "weights_used": "object", "rank": "Int64",
             "csat_responses": "Int64"})
    out = pd.DataFrame(rows)
    out["csat_responses"] = out["csat_responses"].astype("Int64")
    # Round before ranking so that equal scores reached by different sums tie.
    out["rank"] = out["kpi_score"].round(9).rank(method="min", ascending=False).astype("Int64")
    out = out.sort_values(["rank", "rep"], na_position="last", kind="stable").reset_index(drop=True)
    return out[columns]
