"""The pipeline waterfall between two snapshots: every bucket worked by hand, and the balance on
random data."""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from analytics.messages import InputError
from analytics.metrics.changes import deal_history, pipeline_changes, slips

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def _con(**tables: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name, frame in tables.items():
        frame = frame.copy()
        frame["source_row"] = range(2, len(frame) + 2)
        con.register(f"_{name}", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT deal_id::VARCHAR AS deal_id, rep::VARCHAR AS rep, "
                    f"team::VARCHAR AS team, stage::VARCHAR AS stage, status::VARCHAR AS status, "
                    f"amount::DOUBLE AS amount, close_date::DATE AS close_date, source_row FROM _{name}")
    return con


def _deals(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["deal_id", "rep", "team", "stage", "status", "amount", "close_date"])


# Before (1 Nov): the November pipeline is D1..D7 (start = 100+200+300+400+500+600+700 = 2,800);
# D8 closes in December; D10 has no id.
BEFORE = _deals([
    ("D1", "Ann", "East", "Prospecting", "open", 100, "2026-11-20"),   # unchanged
    ("D2", "Ann", "East", "Prospecting", "open", 200, "2026-11-15"),   # amount up to 250
    ("D3", "Bob", "East", "Negotiation", "open", 300, "2026-11-10"),   # pushed to December, and down to 280
    ("D4", "Bob", "West", "Negotiation", "open", 400, "2026-11-05"),   # won at 450
    ("D5", "Cai", "West", "Communication", "open", 500, "2026-11-25"),  # lost
    ("D6", "Cai", "West", "Prospecting", "open", 600, "2026-11-28"),   # removed from the export
    ("D7", "Ann", "East", "Prospecting", "open", 700, "2026-11-30"),   # regressed? no: progressed to Negotiation
    ("D8", "Bob", "East", "Prospecting", "open", 800, "2026-12-15"),   # pulled into November
    (None, "Cai", "West", "Prospecting", "open", 50, "2026-11-11"),     # untracked
])
AFTER = _deals([
    ("D1", "Ann", "East", "Prospecting", "open", 100, "2026-11-20"),
    ("D2", "Ann", "East", "Prospecting", "open", 250, "2026-11-15"),
    ("D3", "Bob", "East", "Negotiation", "open", 280, "2026-12-10"),
    ("D4", "Bob", "West", "Closed Won", "won", 450, "2026-11-06"),
    ("D5", "Cai", "West", "Closed Lost", "lost", 500, "2026-11-07"),
    ("D7", "Ann", "East", "Negotiation", "open", 700, "2026-11-30"),
    ("D8", "Bob", "East", "Prospecting", "open", 800, "2026-11-29"),
    ("D9", "Cai", "West", "Prospecting", "open", 900, "2026-11-18"),   # created
    (None, "Cai", "West", "Prospecting", "open", 70, "2026-11-11"),
    (None, "Cai", "West", "Prospecting", "open", 10, "2026-11-12"),
])


def test_every_bucket_worked_by_hand():
    con = _con(before=BEFORE, after=AFTER)
    r = pipeline_changes(con, "before", "after", window=NOV)
    got = {b: (d, a) for b, d, a in r.buckets[["bucket", "deals", "amount"]].itertuples(index=False)}
    # start: D1..D7 = 2,800 plus the untracked 50 → 2,850 over 8 deals
    assert got["start"] == (8, 2850.0)
    assert got["created"] == (1, 900.0)              # D9
    assert got["pulled_in"] == (1, 800.0)            # D8 at its earlier amount
    assert got["increased"] == (2, 100.0)            # D2 +50, D4 +50 (won at a higher amount)
    assert got["decreased"] == (1, 20.0)             # D3 300 → 280
    assert got["pushed_out"] == (1, 280.0)           # D3 at its later amount
    assert got["won"] == (1, 450.0)
    assert got["lost"] == (1, 500.0)
    assert got["removed"] == (1, 600.0)              # D6
    assert got["untracked"] == (3, 30.0)             # 70 + 10 − 50
    # end: D1 100 + D2 250 + D7 700 + D8 800 + D9 900 = 2,750, plus untracked 80 → 2,830
    assert got["end"] == (7, 2830.0)
    # 2,850 + 900 + 800 + 100 − 20 − 280 − 450 − 500 − 600 + 30 = 2,830
    assert r.balanced
    assert r.untracked_before == 1 and r.untracked_after == 2


def test_deal_rows_say_what_changed():
    con = _con(before=BEFORE, after=AFTER)
    r = pipeline_changes(con, "before", "after", window=NOV)
    pushed = r.deals[r.deals["bucket"] == "pushed_out"].iloc[0]
    assert pushed["deal_id"] == "D3"
    assert str(pushed["close_before"])[:10] == "2026-11-10" and str(pushed["close_after"])[:10] == "2026-12-10"
    assert pushed["amount_before"] == 300 and pushed["amount_after"] == 280
    assert set(r.deals.loc[r.deals["bucket"] == "increased", "deal_id"]) == {"D2", "D4"}


def test_stage_moves_and_by_rep():
    con = _con(before=BEFORE, after=AFTER)
    r = pipeline_changes(con, "before", "after", window=NOV)
    moves = dict(zip(r.stage_moves["direction"], r.stage_moves["deals"], strict=True))
    assert moves == {"progressed": 1}  # D7 prospecting → negotiation
    bob = r.by_rep.set_index("rep").loc["Bob"]
    assert bob["pushed_deals"] == 1 and bob["pushed_amount"] == 280.0
    assert bob["won_amount"] == 450.0 and bob["decreased_amount"] == 20.0
    assert r.by_rep["rep"].iloc[0] == "Bob"  # the rep who pushed most comes first


def test_all_open_window_ignores_close_dates():
    con = _con(before=BEFORE, after=AFTER)
    r = pipeline_changes(con, "before", "after", window=None)
    assert r.amount("pushed_out") == 0.0 and r.amount("pulled_in") == 0.0
    # D8 was open before and is open now: no movement, and it is in both totals
    assert r.amount("start") == 2850.0 + 800.0
    assert r.balanced


def test_duplicate_ids_are_reported_and_the_first_row_followed():
    before = pd.concat([BEFORE, _deals([("D1", "Ann", "East", "Prospecting", "open", 999, "2026-11-20")])])
    con = _con(before=before, after=AFTER)
    r = pipeline_changes(con, "before", "after", window=NOV)
    assert r.repeated_ids_before == 1 and r.repeated_ids_after == 0
    assert r.amount("start") == 2850.0  # D1 counted once, at the first row's 100
    assert r.balanced


def test_a_change_of_currency_is_refused():
    con = _con(before=BEFORE, after=AFTER)
    con.execute("ALTER TABLE before ADD COLUMN currency VARCHAR DEFAULT 'USD'")
    con.execute("ALTER TABLE after ADD COLUMN currency VARCHAR DEFAULT 'CNY'")
    with pytest.raises(InputError) as caught:
        pipeline_changes(con, "before", "after", window=NOV)
    assert "USD" in caught.value.problems[0].text("en") and "CNY" in caught.value.problems[0].text("zh")


@pytest.mark.parametrize("seed", range(12))
def test_the_waterfall_balances_on_random_snapshots(seed):
    rng = np.random.default_rng(seed)
    n = 400
    ids = [f"D{i}" if rng.random() > 0.03 else None for i in range(n)]
    statuses = np.array(["open", "won", "lost"])
    days = pd.to_datetime("2026-10-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")

    def snap(shift: int) -> pd.DataFrame:
        r = np.random.default_rng(seed * 100 + shift)
        amount = np.where(r.random(n) < 0.05, np.nan, r.integers(0, 5000, n).astype(float))
        frame = _deals([
            (ids[i], f"R{i % 7}", f"T{i % 3}", "Prospecting", statuses[r.integers(0, 3)] if r.random() < 0.3
             else "open", amount[i], (days[i] + pd.Timedelta(days=int(r.integers(-40, 40)))).date())
            for i in range(n)])
        keep = r.random(n) > 0.1  # some deals are missing from each export
        return frame[keep]

    con = _con(before=snap(1), after=snap(2))
    for window in (NOV, (date(2026, 10, 1), date(2026, 12, 31)), None):
        r = pipeline_changes(con, "before", "after", window=window)
        assert r.balanced, r.buckets


def test_serial_slips_and_deal_history():
    s1 = _deals([("D1", "Ann", "East", "Prospecting", "open", 100, "2026-11-10"),
                 ("D2", "Bob", "East", "Prospecting", "open", 200, "2026-11-10")])
    s2 = _deals([("D1", "Ann", "East", "Negotiation", "open", 120, "2026-11-20"),
                 ("D2", "Bob", "East", "Prospecting", "open", 200, "2026-11-05")])
    s3 = _deals([("D1", "Ann", "East", "Negotiation", "open", 120, "2026-12-20"),
                 ("D2", "Bob", "East", "Prospecting", "open", 200, "2026-11-25")])
    con = _con(s1=s1, s2=s2, s3=s3)
    out = slips(con, ["s1", "s2", "s3"])
    assert out["deal_id"].tolist() == ["D1"]  # pushed twice; D2 moved earlier then later (once)
    assert int(out["pushes"].iloc[0]) == 2
    history = deal_history(con, [("s1", date(2026, 11, 1)), ("s2", date(2026, 11, 8)), ("s3", date(2026, 11, 15))],
                           "D1")
    assert history["stage"].tolist() == ["Prospecting", "Negotiation", "Negotiation"]
    assert history["amount"].tolist() == [100, 120, 120]


def _write(path, frame: pd.DataFrame) -> None:
    out = frame.rename(columns={"deal_id": "Deal ID", "rep": "Sales rep", "team": "Team", "stage": "Stage",
                                "amount": "Amount", "close_date": "Close date"}).drop(columns="status")
    out["Created"] = "2026-09-01"
    out.to_csv(path, index=False)


def test_cli_compares_two_files(tmp_path, monkeypatch, capsys):
    import json

    from analytics.outputs.cli import main

    monkeypatch.setenv("SALES_WORKSPACE", str(tmp_path / "ws"))
    tracked_before, tracked_after = BEFORE[BEFORE["deal_id"].notna()], AFTER[AFTER["deal_id"].notna()]
    _write(tmp_path / "before.csv", tracked_before)
    _write(tmp_path / "after.csv", tracked_after)
    code = main(["--format", "json", "changes", "--before", str(tmp_path / "before.csv"),
                 "--after", str(tmp_path / "after.csv"), "--window", "2026-11"])
    assert code == 0
    rows = {r["bucket"]: r for r in json.loads(capsys.readouterr().out)}
    # the hand-worked fixture above without its untracked rows
    assert rows["start"]["amount"] == 2800 and rows["end"]["amount"] == 2750
    assert rows["pushed_out"]["deals"] == 1 and rows["won"]["amount"] == 450
    assert rows["removed"]["amount"] == 600


def test_cli_names_a_missing_snapshot(tmp_path, monkeypatch, capsys):
    from analytics.outputs.cli import main

    monkeypatch.setenv("SALES_WORKSPACE", str(tmp_path / "ws"))
    assert main(["changes", "--before", "1999-01-01", "--after", "52"]) == 2
    assert "1999-01-01" in capsys.readouterr().err


def test_each_publish_of_deals_is_a_dated_snapshot(tmp_path):
    from analytics.store import canonical, snapshots
    from analytics.store.workspace import PublishItem, Workspace

    ws = Workspace(tmp_path / "ws")
    for frame, day in ((BEFORE, date(2026, 11, 1)), (AFTER, date(2026, 11, 8))):
        deals = canonical.conform("deals", frame.assign(close_date=pd.to_datetime(frame["close_date"])))
        ws.publish([PublishItem("deals", deals, f"deals_{day}.csv", f"h{day}")], snapshot_date=day)
    con = duckdb.connect()
    ws.load_snapshots_into(con)
    index = snapshots.snapshot_list(con)
    assert [str(d)[:10] for d in index["taken_on"]] == ["2026-11-01", "2026-11-08"]
    assert index["version"].tolist() == [1, 2]
    snapshots.snapshot_view(con, 1, "b")
    snapshots.snapshot_view(con, 2, "a")
    r = pipeline_changes(con, "b", "a", window=NOV)
    assert r.amount("start") == 2850.0 and r.amount("end") == 2830.0 and r.balanced


def test_a_change_of_amount_unit_is_refused():
    # the later export states every amount in thousands: 100 → 0.1 and so on
    after = BEFORE.assign(amount=BEFORE["amount"] / 1000)
    con = _con(before=BEFORE, after=after)
    with pytest.raises(InputError) as caught:
        pipeline_changes(con, "before", "after", window=NOV)
    problem = caught.value.problems[0]
    assert problem.code == "changes.unit_changed" and problem.params["factor"] == "0.001"
    assert "0.001" in problem.text("zh")


def test_a_few_tenfold_amount_changes_are_not_a_unit_change():
    after = BEFORE.copy()
    after.loc[after["deal_id"] == "D1", "amount"] = 1000  # one deal really grew tenfold
    r = pipeline_changes(_con(before=BEFORE, after=after), "before", "after", window=NOV)
    assert r.amount("increased") == 900.0 and r.balanced


def test_stored_snapshots_in_different_currencies_are_refused(tmp_path):
    from analytics.metrics.changes import compare_snapshots, period_changes
    from analytics.store import canonical, snapshots
    from analytics.store.workspace import PublishItem, Workspace

    ws = Workspace(tmp_path / "ws")
    for frame, day, cur in ((BEFORE, date(2026, 11, 1), "USD"), (AFTER, date(2026, 11, 8), "CNY")):
        deals = canonical.conform("deals", frame.assign(close_date=pd.to_datetime(frame["close_date"]),
                                                        currency=cur))
        ws.publish([PublishItem("deals", deals, f"deals_{day}.csv", f"h{day}")], snapshot_date=day)
    con = duckdb.connect()
    ws.load_snapshots_into(con)
    assert snapshots.snapshot_list(con)["currency"].tolist() == ["USD", "CNY"]
    with pytest.raises(InputError) as caught:
        compare_snapshots(con, 1, 2, "month")
    assert caught.value.problems[0].code == "changes.currency_changed"
    with pytest.raises(InputError):
        period_changes(con, *NOV)


def test_period_snapshots_frame_the_period():
    from analytics.metrics.changes import period_snapshots

    index = pd.DataFrame({"snapshot_id": [1, 2, 3, 4], "taken_on": pd.to_datetime(
        ["2026-10-26", "2026-11-02", "2026-11-30", "2026-12-07"])})
    assert period_snapshots(index, *NOV) == (1, 3)  # the last on or before 1 Nov → the last on or before 30 Nov
    later = index[index["snapshot_id"] > 1]
    assert period_snapshots(later, *NOV) == (2, 3)  # none before: the first inside the month
    assert period_snapshots(index[index["snapshot_id"] == 4], *NOV) is None


def test_waterfall_steps_stack_to_the_running_total():
    from analytics.metrics.changes import waterfall_steps

    r = pipeline_changes(_con(before=BEFORE, after=AFTER), "before", "after", window=NOV)
    steps = waterfall_steps(r.buckets).set_index("bucket")
    # start 2,850 stands on zero; created (+900) starts at 2,850; pushed out (−280) ends where it starts less 280
    assert steps.loc["start"].tolist() == [0.0, 2850.0, 0.0]
    assert steps.loc["created", "base"] == 2850.0 and steps.loc["created", "up"] == r.amount("created")
    running = 0.0
    for bucket, row in steps.iterrows():
        if bucket in ("start", "end"):
            running = row["up"]
            continue
        top = row["base"] + row["up"] + row["down"]
        assert running in (row["base"], top)  # each bar starts where the previous one ended
        running = top if row["up"] else row["base"]
    assert running == r.amount("end") == steps.loc["end", "up"]


def test_cli_publishes_an_old_export_as_a_dated_snapshot(tmp_path, monkeypatch, capsys):
    from analytics.outputs.cli import main
    from analytics.store import snapshots
    from analytics.store.workspace import Workspace

    monkeypatch.setenv("SALES_WORKSPACE", str(tmp_path / "ws"))
    tracked = BEFORE[BEFORE["deal_id"].notna()]
    _write(tmp_path / "deals_old.csv", tracked)
    assert main(["publish", str(tmp_path / "deals_old.csv"), "--snapshot-date", "2026-03-01"]) == 0
    con = duckdb.connect()
    Workspace(tmp_path / "ws").load_snapshots_into(con)
    index = snapshots.snapshot_list(con)
    assert [str(d)[:10] for d in index["taken_on"]] == ["2026-03-01"] and index["rows"].tolist() == [len(tracked)]
    capsys.readouterr()
    assert main(["publish", str(tmp_path / "deals_old.csv"), "--snapshot-date", "1 March"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "day"), [
    ("deals_2026-03-01.csv", date(2026, 3, 1)),
    ("deals 20260301.xlsx", date(2026, 3, 1)),
    ("export_2026_03_01.csv", date(2026, 3, 1)),
    ("pipeline 2026.03.01.csv", date(2026, 3, 1)),
    ("Opportunities 01.03.2026.xlsx", date(2026, 3, 1)),
    ("商机导出2026年3月1日.xlsx", date(2026, 3, 1)),
    ("deals_2026-03-01_copy_2026-03-01.csv", date(2026, 3, 1)),  # the same date twice is one date
    ("deals.csv", None),
    ("deals_2026-03-01_vs_2026-03-08.csv", None),  # two dates: ask, never guess
    ("deals_20261399.csv", None),                   # digits that are no date
    ("deals_2026-0301.csv", None),                  # mixed separators
    ("order 123456789.csv", None),
])
def test_date_in_file_name(name, day):
    from analytics.store.snapshots import date_in_file_name

    assert date_in_file_name(name) == day


def _full_and_fast(con, b, a, window):
    from analytics.metrics.changes import compare_stored
    from analytics.store import snapshots

    full = pipeline_changes(con, snapshots.snapshot_view(con, b, "_b"), snapshots.snapshot_view(con, a, "_a"),
                            window=window)
    return full, compare_stored(con, b, a, window=window)


def _same_result(full, fast):
    pd.testing.assert_frame_equal(full.buckets, fast.buckets, check_exact=False, atol=0.01)
    assert (full.untracked_before, full.untracked_after, full.unknown_amounts) == (
        fast.untracked_before, fast.untracked_after, fast.unknown_amounts)
    pd.testing.assert_frame_equal(full.stage_moves.reset_index(drop=True), fast.stage_moves.reset_index(drop=True))
    cols = ["rep", "pushed_deals", "pushed_amount", "decreased_amount", "won_amount", "lost_amount"]
    pd.testing.assert_frame_equal(full.by_rep[cols].reset_index(drop=True), fast.by_rep[cols].reset_index(drop=True),
                                  check_dtype=False)
    assert sorted(map(tuple, full.deals[["bucket", "deal_id"]].values)) == sorted(
        map(tuple, fast.deals[["bucket", "deal_id"]].values))


def test_the_stored_comparison_skips_unchanged_deals_and_gives_the_same_answer():
    from analytics.store import snapshots
    from analytics.store.sources import load_sample

    con = load_sample().connect()
    snapshots.sample_history(con, snapshots.sample_history_end(con))
    ids = snapshots.snapshot_list(con)["snapshot_id"].tolist()
    for b, a in ((ids[-2], ids[-1]), (ids[10], ids[30]), (ids[0], ids[-1])):
        for window in (NOV, (date(2026, 4, 1), date(2026, 6, 30)), None):
            full, fast = _full_and_fast(con, b, a, window)
            _same_result(full, fast)
            assert fast.balanced


@pytest.mark.parametrize("seed", range(4))
def test_the_stored_comparison_on_random_snapshots_with_untracked_twins(seed):
    from analytics.store import snapshots

    rng = np.random.default_rng(seed)
    n = 300
    base = _deals([(f"D{i}" if i % 17 else None, f"R{i % 5}", "T", "Prospecting", "open",
                    float(rng.integers(0, 900)) if i % 23 else np.nan,
                    (pd.Timestamp("2026-10-15") + pd.Timedelta(days=int(rng.integers(0, 60)))).date())
                   for i in range(n)])
    later = base.copy()
    moved = rng.random(n) < 0.2
    later.loc[moved, "amount"] = later.loc[moved, "amount"] * 0.5
    later.loc[rng.random(n) < 0.1, "status"] = "won"
    later = pd.concat([later[rng.random(n) > 0.05], later[later["deal_id"].isna()].head(3)])  # untracked twins
    con = duckdb.connect()
    for i, (frame, day) in enumerate(((base, date(2026, 11, 1)), (later, date(2026, 11, 8)))):
        con.register("_f", frame.assign(close_date=pd.to_datetime(frame["close_date"])))
        con.execute(f"CREATE TABLE s{i} AS SELECT * FROM _f")
        con.unregister("_f")
        snapshots.record(con, f"s{i}", day)
    for window in (NOV, None):
        full, fast = _full_and_fast(con, 1, 2, window)
        _same_result(full, fast)
        assert fast.balanced and fast.untracked_after > 0


def test_a_snapshot_with_repeated_ids_is_compared_in_full():
    from analytics.metrics.changes import compare_stored
    from analytics.store import snapshots

    con = duckdb.connect()
    before = pd.concat([BEFORE, _deals([("D1", "Ann", "East", "Prospecting", "open", 999, "2026-11-20")])])
    for i, (frame, day) in enumerate(((before, date(2026, 11, 1)), (AFTER, date(2026, 11, 8)))):
        con.register("_f", frame.assign(close_date=pd.to_datetime(frame["close_date"])))
        con.execute(f"CREATE TABLE s{i} AS SELECT * FROM _f")
        con.unregister("_f")
        snapshots.record(con, f"s{i}", day)
    assert snapshots.snapshot_list(con)["repeated"].tolist() == [1, 0]
    r = compare_stored(con, 1, 2, window=NOV)
    assert r.repeated_ids_before == 1 and r.balanced
