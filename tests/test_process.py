"""Issue 13.5: the six steps of the sales process, one strip on the Funnel page.

A hand-made fixture whose every figure is worked out in the comments, the report record, and the
sample company's strip checked against the funnel and follow-up modules.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from analytics.filters import Filters
from analytics.metrics.customers import followup_coverage
from analytics.metrics.funnel import funnel
from analytics.metrics.process import FOLLOW_UP, REPORT, process_steps, six_steps
from analytics.periods import month_period
from analytics.store import canonical
from analytics.store.report_log import record_report, reports_logged
from analytics.store.sources import load_sample
from tests.test_app import assert_clean, start

NOV = month_period(date(2026, 11, 1))

# Five deals created in November (stage reached without dates: the current stage or later; won
# reached every stage; lost without lost_stage: only the first):
#   P1 open Prospecting, C1 open Communication, N1 open Negotiation, W1 won, W2 won, L1 lost
#   prospecting 6, communication 4 (C1 N1 W1 W2), negotiation 3 (N1 W1 W2), contract 2 (W1 W2)
D = date
DEALS = pd.DataFrame({
    "deal_id": ["P1", "C1", "N1", "W1", "W2", "L1"],
    "customer": ["Pa", "Ca", "Na", "Wa", "Wb", "La"],
    "rep": ["Ann", "Ann", "Bob", "Ann", "Bob", "Cy"],
    "stage": ["Prospecting", "Communication", "Negotiation", "Won", "Won", "Lost"],
    "status": ["open", "open", "open", "won", "won", "lost"],
    "amount": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
    "created_date": [D(2026, 11, 2)] * 6,
    "close_date": [D(2026, 12, 20), D(2026, 12, 20), D(2026, 12, 20), D(2026, 11, 5), D(2026, 11, 10),
                   D(2026, 11, 12)],
})
# Wa was called 3 days after signing (within 14): followed up; Wb was called 20 days after: not.
ACTIVITIES = pd.DataFrame({"date": [D(2026, 11, 8), D(2026, 11, 30)], "rep": ["Ann", "Bob"],
                           "customer": ["Wa", "Wb"], "type": ["call", "call"]})
TARGETS = pd.DataFrame({"period": ["2026-11"] * 2, "period_start": [D(2026, 11, 1)] * 2,
                        "period_end": [D(2026, 11, 30)] * 2, "rep": ["Ann", "Dee"], "target": [100.0, 100.0]})


@pytest.fixture()
def con():
    return canonical.connect({"deals": DEALS, "activities": ACTIVITIES, "targets": TARGETS})


def test_six_steps_on_a_hand_made_fixture(con, tmp_path):
    record_report(tmp_path, "2026-11", "Ann")
    record_report(tmp_path, "2026-10", "Bob")   # another month: does not count
    record_report(tmp_path, "2026-11", None)    # the department's report: not a rep's
    record_report(tmp_path, "2026-11", "Zed")   # not a rep of the period: not counted
    steps = six_steps(con, NOV, Filters(), reports_logged(tmp_path), as_of=D(2026, 12, 31))
    assert steps["step"].tolist() == ["prospecting", "communication", "negotiation", "contract", FOLLOW_UP, REPORT]
    assert steps["count"].tolist() == [6, 4, 3, 2, 1, 1]
    # deals out of the 6 created; 1 of 2 won customers followed up; reps of the period: Ann, Bob,
    # Cy (deals closing in November) and Dee (a target) = 4, of whom Ann reported
    assert steps["of"].tolist() == [6, 6, 6, 6, 2, 4]
    assert steps["share"].tolist() == pytest.approx([1, 4 / 6, 3 / 6, 2 / 6, 0.5, 0.25])


def test_process_steps_with_no_base_has_no_share():
    stages = pd.DataFrame({"stage": ["prospecting", "contract"], "reached": [0, 0]})
    follow = pd.DataFrame({"won_customers": pd.Series([], dtype="int64"),
                           "followed_up": pd.Series([], dtype="int64")})
    out = process_steps(stages, follow, [], reports_logged(__import__("pathlib").Path("/nonexistent")), "2026-11")
    assert out["count"].tolist() == [0, 0, 0, 0] and out["share"].isna().all()


def test_report_log_round_trip_and_damaged_lines(tmp_path):
    record_report(tmp_path, "2026-11", "李娜", when=datetime(2026, 11, 30, 9, 0), source="workspace")
    (tmp_path / "reports.jsonl").open("a", encoding="utf-8").write("not json\n")
    logged = reports_logged(tmp_path)
    assert logged.to_dict("records") == [{"period": "2026-11", "rep": "李娜",
                                          "generated_at": "2026-11-30T09:00:00", "source": "workspace"}]
    assert reports_logged(tmp_path / "nowhere").empty


def test_sample_strip_matches_the_funnel_and_follow_up_modules(tmp_path):
    sample = load_sample().connect()
    as_of = D(2026, 11, 30)
    steps = six_steps(sample, NOV, Filters(), reports_logged(tmp_path), as_of=as_of).set_index("step")
    table = funnel(sample, NOV).table.set_index("stage")
    for stage in ("prospecting", "communication", "negotiation", "contract"):
        assert steps.loc[stage, "count"] == table.loc[stage, "reached"]
    cover = followup_coverage(sample, NOV, as_of=as_of)
    assert steps.loc[FOLLOW_UP, "count"] == cover["followed_up"].sum()
    assert steps.loc[FOLLOW_UP, "of"] == cover["won_customers"].sum()
    assert (steps.loc[REPORT, "count"], steps.loc[REPORT, "of"]) == (0, 12)   # nobody reported yet
    record_report(tmp_path, "2026-11", "Chen Jing")
    steps = six_steps(sample, NOV, Filters(), reports_logged(tmp_path), as_of=as_of).set_index("step")
    assert steps.loc[REPORT, "count"] == 1


def test_funnel_page_shows_the_strip_and_counts_a_report_built_in_the_product():
    from ui import context

    at = start()
    at.switch_page("pages/funnel.py").run()
    assert_clean(at)
    labels = [m.label for m in at.metric if m.label[:2] in {"1.", "2.", "3.", "4.", "5.", "6."}]
    assert labels == ["1. Prospecting", "2. Communication", "3. Negotiation", "4. Contract signed",
                          "5. Follow-up", "6. Report"]
    values = {m.label: m.value for m in at.metric}
    assert values["6. Report"] == "0"
    record_report(context.workspace().folder, "2026-11", "Chen Jing", source="sample")
    at = start()
    at.switch_page("pages/funnel.py").run()
    assert {m.label: m.value for m in at.metric}["6. Report"] == "1"
