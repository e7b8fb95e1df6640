"""Why the pipeline changed between two snapshots of the deals table: the pipeline waterfall.

A snapshot is a deals table as exported on one day (a published version, or a file). For the
open pipeline whose close date falls inside a window (a month, a quarter, or all open deals),
every deal present in either snapshot is classified:

- ``start``: open and in the window in the earlier snapshot (its amount then);
- ``created``: absent from the earlier snapshot, open in the window in the later one;
- ``pulled_in``: in the earlier snapshot but not in the window pipeline (another close date,
  or reopened), and in it in the later one — counted at its earlier amount;
- ``increased`` / ``decreased``: the amount change of a deal present in both snapshots and in
  the window in at least one of them;
- ``pushed_out``: in the window pipeline earlier, still open later with a close date outside it;
- ``won`` / ``lost``: in the window pipeline earlier, closed later — counted at the later amount;
- ``removed``: in the window pipeline earlier, absent from the later export;
- ``untracked``: the net change of deals without an id, which cannot be followed;
- ``end``: open and in the window in the later snapshot.

A deal may fall in two buckets (pushed out *and* decreased). The amounts balance exactly:
start + created + pulled_in + increased − decreased − pushed_out − won − lost − removed
+ untracked = end. Blank amounts count as 0 and are counted in ``unknown_amounts``. A deal id
repeated inside a snapshot is reported; its first row (in file order) is the one followed.
Everything runs in DuckDB; only the per-bucket sums and the deal rows asked for come back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics.messages import InputError, Problem
from analytics.store.schema import SOURCE_ROW
from analytics.store.settings import DEFAULT_SETTINGS, Settings
from analytics.store.snapshots import SNAPSHOT_COLUMNS, snapshot_list, snapshot_view

#: Buckets in waterfall order; ``sign`` is how each enters the balance.
BUCKETS: tuple[tuple[str, int], ...] = (
    ("start", 1), ("created", 1), ("pulled_in", 1), ("increased", 1), ("decreased", -1),
    ("pushed_out", -1), ("won", -1), ("lost", -1), ("removed", -1), ("untracked", 1), ("end", 1),
)
MOVEMENTS = tuple(b for b, _ in BUCKETS if b not in ("start", "end"))



@dataclass(frozen=True)
class ChangesResult:
    """The waterfall between two snapshots.

    ``buckets``: bucket, deals, amount (a magnitude ≥ 0 except ``untracked``, which is a net
    change) and ``signed`` (as it enters the balance). ``deals``: one row per deal and bucket
    with what changed (from → to) for stage, close date, amount and owner. ``stage_moves``:
    direction (``progressed``/``regressed``), deals, amount. ``by_rep``: rep, team, pushed
    deals and amount, decreased amount, won and lost amounts.
    """

    buckets: pd.DataFrame
    deals: pd.DataFrame
    stage_moves: pd.DataFrame
    by_rep: pd.DataFrame
    repeated_ids_before: int  # rows repeating a deal id already seen in the snapshot
    repeated_ids_after: int
    untracked_before: int
    untracked_after: int
    unknown_amounts: int

    def amount(self, bucket: str) -> float:
        row = self.buckets[self.buckets["bucket"] == bucket]
        return float(row["amount"].iloc[0]) if len(row) else 0.0

    @property
    def balanced(self) -> bool:
        movement = float(self.buckets.loc[~self.buckets["bucket"].isin(["start", "end"]), "signed"].sum())
        return abs(self.amount("start") + movement - self.amount("end")) < 0.005


def _q(name: str) -> str:
    """Quote a table or view name we chose (never user text) as a SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    try:
        return {r[0] for r in con.execute(f"DESCRIBE {_q(table)}").fetchall()}
    except duckdb.Error as error:
        raise InputError(Problem("changes.not_a_snapshot", {"name": table})) from error


def _check_currency(con: duckdb.DuckDBPyConnection, before: str, after: str) -> None:
    """Refuse to compare snapshots whose amounts are in different currencies."""
    found = []
    for table in (before, after):
        if "currency" not in _columns(con, table):
            found.append(None)
            continue
        rows = con.execute(f"SELECT DISTINCT currency FROM {_q(table)} WHERE currency IS NOT NULL").fetchall()
        found.append(rows[0][0] if len(rows) == 1 else None)
    if found[0] and found[1] and found[0] != found[1]:
        raise InputError(Problem("changes.currency_changed", {"before": found[0], "after": found[1]}))


def _check_unit(con: duckdb.DuckDBPyConnection, min_deals: int = 5, unchanged: int = 0) -> None:
    """Refuse snapshots whose amounts were exported in another unit (yuan one week, 万 the next):
    when most deals present in both moved by the same power of ten (×10 … ×10⁴ or back),
    the amounts are not comparable and every deal would land in increased or decreased."""
    rows = con.execute(
        """WITH r AS (SELECT log10(amount_after / amount_before) AS l FROM _changes
                      WHERE in_before AND in_after AND amount_before > 0 AND amount_after > 0)
        SELECT round(l)::INTEGER AS k, count(*) AS n FROM r WHERE abs(l - round(l)) < 0.005 GROUP BY k"""
    ).fetchall()
    total = unchanged + int(con.execute("SELECT count(*) FROM _changes WHERE in_before AND in_after "
                                        "AND amount_before > 0 AND amount_after > 0").fetchall()[0][0])
    shifted = [(int(k), int(n)) for k, n in rows if k != 0 and 1 <= abs(k) <= 4]
    if not shifted or total < min_deals:
        return
    k, n = max(shifted, key=lambda x: x[1])
    if n * 2 > total:
        raise InputError(Problem("changes.unit_changed", {"factor": f"{10.0 ** k:g}", "deals": n, "total": total}))


def _stage_orders(con: duckdb.DuckDBPyConnection, tables: Sequence[str], settings: Settings) -> None:
    """Temp table ``_changes_stage(stage, stage_order)`` over the labels of ``tables``."""
    labels: set[str] = set()
    for table in tables:
        labels.update(r[0] for r in con.execute(
            f"SELECT DISTINCT stage FROM {_q(table)} WHERE stage IS NOT NULL").fetchall())
    order = settings.stage_order()
    rows = []
    for label in sorted(labels):
        key, _status = settings.classify_stage(label)
        rows.append((label, order.index(key) if key in order else None))
    frame = pd.DataFrame(rows, columns=["stage", "stage_order"]).astype({"stage": "str", "stage_order": "Int64"})
    con.register("_changes_stage_df", frame)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _changes_stage AS "
                    "SELECT stage::VARCHAR AS stage, stage_order::INTEGER AS stage_order FROM _changes_stage_df")
    finally:
        con.unregister("_changes_stage_df")


def _snapshot_sql(table: str, has_row: bool, unique: bool) -> str:
    """One row per tracked deal id that is in the window in either snapshot (the first row in
    file order when an id repeats), with its stage order. Deals outside the window on both sides
    cannot move the waterfall, so they are left out before the join."""
    dedupe = "" if unique else (
        f"QUALIFY row_number() OVER (PARTITION BY d.deal_id {'ORDER BY ' + SOURCE_ROW if has_row else ''}) = 1")
    return (
        f"SELECT d.deal_id, d.rep, d.team, d.stage, d.status, d.amount, d.close_date, s.stage_order "
        f"FROM {_q(table)} d SEMI JOIN _changes_ids i ON i.deal_id = d.deal_id "
        f"LEFT JOIN _changes_stage s ON s.stage = d.stage {dedupe}"
    )


def _repeated_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows repeating a deal id already seen in the snapshot, among the deals compared."""
    n, distinct = con.execute(f"SELECT count(deal_id), count(DISTINCT deal_id) FROM {_q(table)} d "
                              "SEMI JOIN _changes_ids i ON i.deal_id = d.deal_id").fetchall()[0]
    return int(n) - int(distinct)


def pipeline_changes(con: duckdb.DuckDBPyConnection, before: str, after: str, *,
                     window: tuple[date, date] | None = None,
                     settings: Settings = DEFAULT_SETTINGS, unchanged: int = 0) -> ChangesResult:
    """Classify the open pipeline of ``before`` and ``after`` (two deals tables in ``con``).

    ``unchanged``: deals left out of both tables because they are identical in the two snapshots
    (``compare_stored``), counted in the amount-unit check.

    ``window`` is the (first, last) close date counted, inclusive; None means every open deal.
    Raises ``InputError`` when the snapshots' currencies differ.
    """
    _check_currency(con, before, after)
    _stage_orders(con, (before, after), settings)
    has_row = {t: SOURCE_ROW in _columns(con, t) for t in (before, after)}
    if window is None:
        in_window = "status = 'open'"
        params: list[object] = []
    else:
        in_window = "status = 'open' AND close_date BETWEEN ? AND ?"
        params = [window[0], window[1]]

    def flag(alias: str) -> str:
        return in_window.replace("status", f"{alias}.status").replace("close_date", f"{alias}.close_date")

    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _changes_ids AS
        SELECT deal_id FROM {_q(before)} WHERE deal_id IS NOT NULL AND {in_window}
        UNION SELECT deal_id FROM {_q(after)} WHERE deal_id IS NOT NULL AND {in_window}""",
        params * 2,
    )
    dupes = [_repeated_rows(con, t) for t in (before, after)]
    # One joined row per deal id seen in either snapshot and in the window in at least one.
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _changes AS
        WITH b AS ({_snapshot_sql(before, has_row[before], dupes[0] == 0)}),
             a AS ({_snapshot_sql(after, has_row[after], dupes[1] == 0)}),
             j AS (
               SELECT coalesce(a.deal_id, b.deal_id) AS deal_id,
                      b.deal_id IS NOT NULL AS in_before, a.deal_id IS NOT NULL AS in_after,
                      coalesce({flag('b')}, false) AS before_in_window,
                      coalesce({flag('a')}, false) AS after_in_window,
                      b.rep AS rep_before, a.rep AS rep_after, coalesce(a.rep, b.rep) AS rep,
                      coalesce(a.team, b.team) AS team,
                      b.stage AS stage_before, a.stage AS stage_after,
                      b.stage_order AS order_before, a.stage_order AS order_after,
                      b.status AS status_before, a.status AS status_after,
                      b.close_date AS close_before, a.close_date AS close_after,
                      b.amount AS amount_before, a.amount AS amount_after,
                      (b.deal_id IS NOT NULL AND b.amount IS NULL) OR (a.deal_id IS NOT NULL AND a.amount IS NULL)
                        AS unknown_amount
               FROM b FULL JOIN a ON a.deal_id = b.deal_id)
        SELECT * FROM j WHERE before_in_window OR after_in_window""",
        params * 2,
    )
    _check_unit(con, unchanged=unchanged)
    rows = con.execute(
        """WITH c AS (SELECT *, coalesce(amount_before, 0) AS ab, coalesce(amount_after, 0) AS aa FROM _changes),
        moves AS (
          SELECT deal_id, 'start' AS bucket, ab AS amount FROM c WHERE before_in_window
          UNION ALL SELECT deal_id, 'end', aa FROM c WHERE after_in_window
          UNION ALL SELECT deal_id, 'created', aa FROM c WHERE after_in_window AND NOT in_before
          UNION ALL SELECT deal_id, 'pulled_in', ab FROM c WHERE after_in_window AND in_before AND NOT before_in_window
          UNION ALL SELECT deal_id, 'increased', aa - ab FROM c WHERE in_before AND in_after AND aa > ab
          UNION ALL SELECT deal_id, 'decreased', ab - aa FROM c WHERE in_before AND in_after AND aa < ab
          UNION ALL SELECT deal_id, 'pushed_out', aa FROM c
                    WHERE before_in_window AND NOT after_in_window AND status_after = 'open'
          UNION ALL SELECT deal_id, 'won', aa FROM c WHERE before_in_window AND NOT after_in_window AND status_after = 'won'
          UNION ALL SELECT deal_id, 'lost', aa FROM c
                    WHERE before_in_window AND NOT after_in_window AND status_after = 'lost'
          UNION ALL SELECT deal_id, 'removed', ab FROM c WHERE before_in_window AND NOT in_after)
        SELECT bucket, count(*)::BIGINT AS deals, sum(amount)::DOUBLE AS amount FROM moves GROUP BY bucket"""
    ).fetchall()
    sums = {bucket: (int(n), float(amount or 0.0)) for bucket, n, amount in rows}

    untracked = []
    for table in (before, after):
        n, amount = con.execute(
            f"SELECT count(*), coalesce(sum(amount), 0) FROM {_q(table)} WHERE deal_id IS NULL AND {in_window}",
            params).fetchall()[0]
        untracked.append((int(n), float(amount)))
    # The untracked deals still count in the start and end totals.
    start_n, start_amt = sums.get("start", (0, 0.0))
    end_n, end_amt = sums.get("end", (0, 0.0))
    sums["start"] = (start_n + untracked[0][0], start_amt + untracked[0][1])
    sums["end"] = (end_n + untracked[1][0], end_amt + untracked[1][1])
    sums["untracked"] = (untracked[0][0] + untracked[1][0], untracked[1][1] - untracked[0][1])

    buckets = pd.DataFrame(
        [(b, sums.get(b, (0, 0.0))[0], round(sums.get(b, (0, 0.0))[1], 2),
          round(sign * sums.get(b, (0, 0.0))[1], 2)) for b, sign in BUCKETS],
        columns=["bucket", "deals", "amount", "signed"])

    stage_moves = con.execute(
        """SELECT CASE WHEN order_after > order_before THEN 'progressed' ELSE 'regressed' END AS direction,
                  count(*)::BIGINT AS deals, coalesce(sum(amount_after), 0)::DOUBLE AS amount
           FROM _changes WHERE status_before = 'open' AND status_after = 'open'
                AND order_after IS NOT NULL AND order_before IS NOT NULL AND order_after <> order_before
           GROUP BY 1 ORDER BY 1"""
    ).df()
    by_rep = con.execute(
        """SELECT rep, any_value(team) AS team,
             count(*) FILTER (WHERE before_in_window AND NOT after_in_window AND status_after = 'open')::BIGINT
               AS pushed_deals,
             coalesce(sum(amount_after) FILTER (WHERE before_in_window AND NOT after_in_window
                                                 AND status_after = 'open'), 0)::DOUBLE AS pushed_amount,
             coalesce(sum(coalesce(amount_before, 0) - coalesce(amount_after, 0))
                      FILTER (WHERE in_before AND in_after AND coalesce(amount_after, 0) < coalesce(amount_before, 0)),
                      0)::DOUBLE AS decreased_amount,
             coalesce(sum(amount_after) FILTER (WHERE before_in_window AND NOT after_in_window
                                                 AND status_after = 'won'), 0)::DOUBLE AS won_amount,
             coalesce(sum(amount_after) FILTER (WHERE before_in_window AND NOT after_in_window
                                                 AND status_after = 'lost'), 0)::DOUBLE AS lost_amount
           FROM _changes WHERE rep IS NOT NULL GROUP BY rep
           ORDER BY pushed_amount DESC, pushed_deals DESC, rep"""
    ).df()
    unknown = int(con.execute("SELECT count(*) FROM _changes WHERE unknown_amount").fetchall()[0][0])
    return ChangesResult(buckets, _deal_rows(con), stage_moves, by_rep, dupes[0], dupes[1],
                         untracked[0][0], untracked[1][0], unknown)


def _deal_rows(con: duckdb.DuckDBPyConnection, limit: int = 5000) -> pd.DataFrame:
    """The deals behind the movement buckets (at most ``limit`` per bucket, largest first)."""
    return con.execute(
        """WITH c AS (SELECT *, coalesce(amount_before, 0) AS ab, coalesce(amount_after, 0) AS aa FROM _changes),
        tagged AS (
          SELECT *, 'created' AS bucket, aa AS amount FROM c WHERE after_in_window AND NOT in_before
          UNION ALL SELECT *, 'pulled_in', ab FROM c WHERE after_in_window AND in_before AND NOT before_in_window
          UNION ALL SELECT *, 'increased', aa - ab FROM c WHERE in_before AND in_after AND aa > ab
          UNION ALL SELECT *, 'decreased', ab - aa FROM c WHERE in_before AND in_after AND aa < ab
          UNION ALL SELECT *, 'pushed_out', aa FROM c
                    WHERE before_in_window AND NOT after_in_window AND status_after = 'open'
          UNION ALL SELECT *, 'won', aa FROM c WHERE before_in_window AND NOT after_in_window AND status_after = 'won'
          UNION ALL SELECT *, 'lost', aa FROM c WHERE before_in_window AND NOT after_in_window AND status_after = 'lost'
          UNION ALL SELECT *, 'removed', ab FROM c WHERE before_in_window AND NOT in_after)
        SELECT bucket, deal_id, rep, team, amount, rep_before, rep_after, stage_before, stage_after,
               close_before, close_after, amount_before, amount_after
        FROM tagged
        QUALIFY row_number() OVER (PARTITION BY bucket ORDER BY amount DESC, deal_id) <= ?
        ORDER BY bucket, amount DESC, deal_id""",
        [limit],
    ).df()


def slips(con: duckdb.DuckDBPyConnection, snapshots: Sequence[str], *, min_pushes: int = 2) -> pd.DataFrame:
    """Deals whose expected close date moved later ``min_pushes`` or more times across ``snapshots``
    (in date order): deal_id, rep, team, pushes, first_close, last_close, amount (latest)."""
    if len(snapshots) < 2:
        return pd.DataFrame(columns=["deal_id", "rep", "team", "pushes", "first_close", "last_close", "amount"])
    union = " UNION ALL ".join(
        f"SELECT {i} AS snap, deal_id, rep, team, status, close_date, amount FROM {_q(t)} WHERE deal_id IS NOT NULL"
        for i, t in enumerate(snapshots))
    return con.execute(
        f"""WITH s AS ({union}),
        l AS (SELECT *, lag(close_date) OVER w AS prev_close, lag(status) OVER w AS prev_status
              FROM s WINDOW w AS (PARTITION BY deal_id ORDER BY snap))
        SELECT deal_id, arg_max(rep, snap) AS rep, arg_max(team, snap) AS team,
               count(*) FILTER (WHERE prev_status = 'open' AND status = 'open' AND close_date > prev_close)::BIGINT
                 AS pushes,
               arg_min(close_date, snap) AS first_close, arg_max(close_date, snap) AS last_close,
               arg_max(amount, snap) AS amount
        FROM l GROUP BY deal_id HAVING pushes >= ?
        ORDER BY pushes DESC, amount DESC NULLS LAST, deal_id""",
        [min_pushes],
    ).df()


def deal_history(con: duckdb.DuckDBPyConnection, snapshots: Sequence[tuple[str, date]], deal_id: str) -> pd.DataFrame:
    """One deal across the snapshots (name, date), oldest first: snapshot_date, stage, status,
    amount, close_date, rep. Snapshots where the deal is absent are left out."""
    if not snapshots:
        return pd.DataFrame(columns=["snapshot_date", "stage", "status", "amount", "close_date", "rep"])
    union = " UNION ALL ".join(
        f"(SELECT ?::DATE AS snapshot_date, stage, status, amount, close_date, rep FROM {_q(t)} "
        f"WHERE deal_id = ? LIMIT 1)" for t, _ in snapshots)
    params: list[object] = []
    for _t, day in snapshots:
        params += [day, deal_id]
    return con.execute(f"SELECT * FROM ({union}) ORDER BY snapshot_date", params).df()


# --- snapshots of the workspace or the sample --------------------------------------------------

WINDOWS = ("month", "quarter", "all")


def window_for(kind: str, day: date) -> tuple[date, date] | None:
    """The close-date window ``kind`` (month, quarter or all open) around ``day``."""
    if kind == "all":
        return None
    if kind == "month":
        first = day.replace(day=1)
        months = 1
    else:
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        months = 3
    year, month = divmod(first.month - 1 + months, 12)
    return first, date(first.year + year, month + 1, 1) - timedelta(days=1)


def _check_stored_currency(index: pd.DataFrame, before_id: int, after_id: int) -> None:
    """Refuse two stored snapshots recorded in different currencies (``snap_index.currency``)."""
    if "currency" not in index.columns:
        return
    found = [index.loc[i, "currency"] for i in (before_id, after_id)]
    if all(isinstance(c, str) and c for c in found) and found[0] != found[1]:
        raise InputError(Problem("changes.currency_changed", {"before": found[0], "after": found[1]}))


def compare_stored(con: duckdb.DuckDBPyConnection, before_id: int, after_id: int, *,
                   window: tuple[date, date] | None, settings: Settings = DEFAULT_SETTINGS) -> ChangesResult:
    """``pipeline_changes`` between two stored snapshots, reading only the deals that changed.

    A deal whose row is identical in both snapshots is one shared state (``snap_states``), so
    counting the two membership lists' integer state ids finds the changed deals (a few per
    cent a week) without reading the others' columns; the unchanged ones can only add to the
    start and the end, which one filtered sum over them gives. Falls back to the full
    comparison when a snapshot repeats a deal id (or predates that count), as then "the first
    row" decides and only the full comparison knows the order.
    """
    b, a = int(before_id), int(after_id)
    index = snapshot_list(con).set_index("snapshot_id")
    repeated = [index.loc[i, "repeated"] if "repeated" in index.columns else None for i in (b, a)]
    if any(r is None or pd.isna(r) or int(r) > 0 for r in repeated):
        return pipeline_changes(con, snapshot_view(con, b, "_snapshot_before"),
                                snapshot_view(con, a, "_snapshot_after"), window=window, settings=settings)
    # The two membership lists are integers: how often each state is in either snapshot is a
    # count per state id (np.bincount), so no hash table of a million entries is built.
    mb, ma = (con.execute("SELECT state_id FROM snap_members WHERE snapshot_id = ?", [sid])
              .fetchnumpy()["state_id"].astype(np.int64) for sid in (b, a))
    lo = int(min(mb.min(initial=0), ma.min(initial=0)))
    size = int(max(mb.max(initial=0), ma.max(initial=0))) - lo + 1
    count_b, count_a = np.bincount(mb - lo, minlength=size), np.bincount(ma - lo, minlength=size)
    for name, ids in (("_diff_before", mb[count_a[mb - lo] == 0]), ("_diff_after", ma[count_b[ma - lo] == 0])):
        # a changed state, repeated as often as it was exported (untracked twins)
        con.register("_diff_ids", pd.DataFrame({"state_id": ids}))
        try:
            con.execute(f"""CREATE OR REPLACE TEMP TABLE {name} AS SELECT {", ".join(SNAPSHOT_COLUMNS)}
                FROM _diff_ids d JOIN snap_states t USING (state_id)""")
        finally:
            con.unregister("_diff_ids")
    in_window = "status = 'open'" + ("" if window is None else " AND close_date BETWEEN ? AND ?")
    params: list[object] = [] if window is None else [window[0], window[1]]
    # The unchanged deals in the window: one filtered pass over the shared states; how often each
    # is in either snapshot comes from the sorted lists (a tracked id is in a snapshot once).
    w = con.execute(f"""SELECT state_id, deal_id IS NULL AS untracked, coalesce(amount, 0)::DOUBLE AS amount,
        amount IS NULL AS blank FROM snap_states WHERE {in_window}""", params).fetchnumpy()
    sid = np.asarray(w["state_id"], dtype=np.int64)
    inside = (sid >= lo) & (sid < lo + size)
    nb, na = np.zeros(len(sid), dtype=np.int64), np.zeros(len(sid), dtype=np.int64)
    nb[inside], na[inside] = count_b[sid[inside] - lo], count_a[sid[inside] - lo]
    both = (nb > 0) & (na > 0)
    untracked_mask = np.asarray(w["untracked"], dtype=bool)
    amount = np.asarray(w["amount"], dtype=np.float64)
    kept = both & ~untracked_mask
    loose = both & untracked_mask
    tracked = (int(kept.sum()), float(amount[kept].sum()), int((kept & np.asarray(w["blank"], dtype=bool)).sum()),
               int((kept & (amount > 0)).sum()))
    ub = (int(nb[loose].sum()), float((nb[loose] * amount[loose]).sum()))
    ua = (int(na[loose].sum()), float((na[loose] * amount[loose]).sum()))
    same = {"before": (tracked[0] + ub[0], tracked[1] + ub[1], ub[0], ub[1], tracked[2], tracked[3]),
            "after": (tracked[0] + ua[0], tracked[1] + ua[1], ua[0], ua[1], tracked[2], tracked[3])}
    con.register("_same_ids", pd.DataFrame({"state_id": sid[kept]}))
    try:
        reps = con.execute("SELECT rep, any_value(team) AS team FROM snap_states t SEMI JOIN _same_ids s "
                           "ON s.state_id = t.state_id WHERE rep IS NOT NULL GROUP BY rep").df()
    finally:
        con.unregister("_same_ids")
    r = pipeline_changes(con, "_diff_before", "_diff_after", window=window, settings=settings,
                         unchanged=int(same["before"][5]))
    sb, sa = same["before"], same["after"]
    buckets = r.buckets.set_index("bucket")
    buckets.loc["start", ["deals", "amount"]] = [buckets.loc["start", "deals"] + sb[0],
                                                 round(buckets.loc["start", "amount"] + sb[1], 2)]
    buckets.loc["end", ["deals", "amount"]] = [buckets.loc["end", "deals"] + sa[0],
                                               round(buckets.loc["end", "amount"] + sa[1], 2)]
    buckets.loc["untracked", ["deals", "amount"]] = [buckets.loc["untracked", "deals"] + sb[2] + sa[2],
                                                     round(buckets.loc["untracked", "amount"] + sa[3] - sb[3], 2)]
    signs = dict(BUCKETS)
    buckets["signed"] = [round(signs[k] * float(v), 2) for k, v in buckets["amount"].items()]
    buckets = buckets.reset_index().astype({"deals": "int64", "amount": "float64"})
    # reps whose deals in the window did not change still have their (empty) row
    quiet = reps[~reps["rep"].isin(r.by_rep["rep"])].drop_duplicates("rep")
    by_rep = r.by_rep
    if len(quiet):
        zeros = quiet.assign(pushed_deals=0, pushed_amount=0.0, decreased_amount=0.0, won_amount=0.0, lost_amount=0.0)
        by_rep = pd.concat([by_rep, zeros[by_rep.columns]], ignore_index=True).astype(by_rep.dtypes.to_dict())
        by_rep = by_rep.sort_values(["pushed_amount", "pushed_deals", "rep"], ascending=[False, False, True],
                                    ignore_index=True)
    return ChangesResult(buckets, r.deals, r.stage_moves, by_rep, r.repeated_ids_before, r.repeated_ids_after,
                         r.untracked_before + int(sb[2]), r.untracked_after + int(sa[2]),
                         r.unknown_amounts + int(sb[4]))


def compare_snapshots(con: duckdb.DuckDBPyConnection, before_id: int, after_id: int, window: str = "month",
                      settings: Settings = DEFAULT_SETTINGS) -> ChangesResult:
    """``pipeline_changes`` between two stored snapshots (``analytics.store.snapshots``); the
    window is the month or quarter of the later snapshot's date, or all open deals."""
    index = snapshot_list(con).set_index("snapshot_id")
    _check_stored_currency(index, int(before_id), int(after_id))
    later = index.loc[int(after_id), "taken_on"]
    day = later.date() if hasattr(later, "date") else later
    return compare_stored(con, int(before_id), int(after_id), window=window_for(window, day), settings=settings)


def serial_slips(con: duckdb.DuckDBPyConnection, min_pushes: int = 2) -> pd.DataFrame:
    """``slips`` over every stored snapshot, in date order."""
    ids = snapshot_list(con)["snapshot_id"].tolist()
    return slips(con, [snapshot_view(con, int(i), f"_snapshot_{int(i)}") for i in ids], min_pushes=min_pushes)


def stored_deal_history(con: duckdb.DuckDBPyConnection, deal_id: str) -> pd.DataFrame:
    """``deal_history`` of one deal over every stored snapshot."""
    index = snapshot_list(con)
    pairs = [(snapshot_view(con, int(r.snapshot_id), f"_snapshot_{int(r.snapshot_id)}"), r.taken_on)
             for r in index.itertuples()]
    return deal_history(con, pairs, deal_id)


@dataclass(frozen=True)
class LatestChange:
    """What moved between the two newest snapshots (the Overview's one line)."""

    before: date
    after: date
    result: ChangesResult


def latest_change(con: duckdb.DuckDBPyConnection, window: str = "month",
                  settings: Settings = DEFAULT_SETTINGS) -> LatestChange | None:
    """``compare_snapshots`` of the two newest snapshots; None when there are fewer than two."""
    index = snapshot_list(con)
    if len(index) < 2:
        return None
    before, after = index.iloc[-2], index.iloc[-1]
    result = compare_snapshots(con, int(before["snapshot_id"]), int(after["snapshot_id"]), window, settings)

    def day(value: object) -> date:
        return value.date() if hasattr(value, "date") else value  # type: ignore[return-value]

    return LatestChange(day(before["taken_on"]), day(after["taken_on"]), result)


@dataclass(frozen=True)
class PeriodChanges:
    """The waterfall of a period (the monthly report's sheet, the meeting's slide): from the
    snapshot taken at the period's start to the one taken at its end, for deals closing in it."""

    before_id: int
    after_id: int
    before: date
    after: date
    window: tuple[date, date]
    result: ChangesResult
    slips: pd.DataFrame  # serial slips across the snapshots up to ``after``


def period_snapshots(index: pd.DataFrame, start: date, end: date) -> tuple[int, int] | None:
    """The snapshots that frame ``start``..``end``: the newest taken on or before ``start`` (else
    the first taken inside the period) and the newest taken on or before ``end``; None when they
    are not two different snapshots."""
    if index.empty:
        return None
    days = pd.to_datetime(index["taken_on"]).dt.date
    ids = index["snapshot_id"].astype(int)
    before = ids[days <= start]
    if before.empty:
        before = ids[(days > start) & (days <= end)]
        first = int(before.iloc[0]) if len(before) else None
    else:
        first = int(before.iloc[-1])
    after = ids[days <= end]
    last = int(after.iloc[-1]) if len(after) else None
    if first is None or last is None or first == last:
        return None
    return first, last


def period_changes(con: duckdb.DuckDBPyConnection, start: date, end: date, *, before_id: int | None = None,
                   after_id: int | None = None, settings: Settings = DEFAULT_SETTINGS) -> PeriodChanges | None:
    """``pipeline_changes`` for deals closing from ``start`` to ``end``, between the snapshots
    ``before_id`` and ``after_id`` when given, else those framing the period
    (``period_snapshots``). None when there are not two snapshots to compare."""
    index = snapshot_list(con)
    if before_id is None or after_id is None:
        pair = period_snapshots(index, start, end)
        if pair is None:
            return None
        before_id, after_id = pair
    taken = {int(r.snapshot_id): r.taken_on for r in index.itertuples()}
    for sid in (before_id, after_id):
        if int(sid) not in taken:
            raise InputError(Problem("changes.no_snapshot", {"value": sid}))

    def day(value: object) -> date:
        return value.date() if hasattr(value, "date") else value  # type: ignore[return-value]

    _check_stored_currency(index.set_index("snapshot_id"), int(before_id), int(after_id))
    result = compare_stored(con, int(before_id), int(after_id), window=(start, end), settings=settings)
    series = [int(i) for i in index["snapshot_id"] if day(taken[int(i)]) <= day(taken[int(after_id)])]
    slipped = slips(con, [snapshot_view(con, i, f"_snapshot_{i}") for i in series])
    return PeriodChanges(int(before_id), int(after_id), day(taken[int(before_id)]), day(taken[int(after_id)]),
                         (start, end), result, slipped)


def waterfall_steps(buckets: pd.DataFrame) -> pd.DataFrame:
    """The waterfall as a stacked bar chart draws it: per bucket an invisible ``base`` and a
    visible ``up`` or ``down`` bar (start and end stand on zero; each movement starts where the
    running total stood). Columns: bucket, base, up, down."""
    rows = []
    total = 0.0
    for bucket, signed in zip(buckets["bucket"], buckets["signed"], strict=True):
        value = float(signed)
        if bucket in ("start", "end"):
            rows.append((bucket, 0.0, value, 0.0))
            total = value
        elif value >= 0:
            rows.append((bucket, total, value, 0.0))
            total += value
        else:
            rows.append((bucket, total + value, 0.0, -value))
            total += value
    return pd.DataFrame(rows, columns=["bucket", "base", "up", "down"])
