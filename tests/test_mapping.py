"""Column profiles, header scores, the assignment and the confidence the Data page shows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.ingest.mapping import (
    THRESHOLD,
    WEAK,
    best_assignment,
    detect_table,
    header_unit,
    name_score,
    profile_column,
    suggest_mapping,
)


def frame(text: str) -> pd.DataFrame:
    rows = [line.split(",") for line in text.strip().splitlines()]
    return pd.DataFrame(rows[1:], columns=rows[0], dtype=object)


@pytest.mark.parametrize("seed", range(12))
def test_best_assignment_matches_scipy(seed: int) -> None:
    scipy_optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(seed)
    gain = rng.random((rng.integers(1, 9), rng.integers(1, 9)))
    gain[gain < 0.3] = 0.0
    ours = best_assignment(gain)
    rows, cols = scipy_optimize.linear_sum_assignment(gain, maximize=True)
    assert sum(gain[r, c] for r, c in ours) == pytest.approx(gain[rows, cols].sum())
    assert len({r for r, _ in ours}) == len(ours) == len({c for _, c in ours})


def test_best_assignment_prefers_the_consistent_whole_over_greedy() -> None:
    # Greedy would give column 0 to row 0 (0.9) and leave row 1 with nothing.
    gain = np.array([[0.9, 0.8], [0.85, 0.0]])
    assert best_assignment(gain) == [(0, 1), (1, 0)]


def test_profile_of_typical_columns() -> None:
    p = profile_column(pd.Series(["$1,200", "$3,400.50", "", None, "$90"], dtype=object))
    assert (p.filled, p.number, p.symbols) == (3, 1.0, ("USD",))
    d = profile_column(pd.Series(["2026/1/29  13:22:39", "2026-10-01", "2026年9月3日"], dtype=object))
    assert d.date == 1.0 and d.number == 0.0 and d.datetime == pytest.approx(1 / 3)
    per = profile_column(pd.Series(["2026-10", "2026-Q4", "2026年9月", "Oct 2026"], dtype=object))
    assert per.period == 1.0
    st = profile_column(pd.Series(["Closed Won", "赢单", "Negotiation/Review", "Acme"], dtype=object))
    assert st.stage == 0.75
    pr = profile_column(pd.Series(["40%", "100%", "0%"], dtype=object))
    assert pr.percent == 1.0 and pr.probability
    cur = profile_column(pd.Series(["人民币", "USD", "US Dollar", "x"], dtype=object))
    assert cur.currency == 0.75
    ids = profile_column(pd.Series(["SO71691", "SO71692", "SO71693"], dtype=object))
    assert ids.id_like == 1.0 and ids.unique == 1.0


def test_chinese_synonym_inside_a_longer_header() -> None:
    # Two-character synonyms count inside longer headers; the head noun (last) weighs more.
    assert name_score("负责人主属部门", "deals", "team") > THRESHOLD
    assert name_score("商机金额", "deals", "amount") > THRESHOLD
    assert name_score("负责人主属部门", "deals", "team") > name_score("负责人主属部门", "deals", "rep")
    assert name_score("declared_monthly_revenue", "deals", "amount") == 0.0  # mostly about something else


def test_text_column_with_a_target_header_is_never_the_target() -> None:
    # The first report: a text column whose header holds a target synonym.
    data = frame("Target Name,Rep,Month,Quota\nQ4 push,Ann,2026-10,100\nQ4 push,Bob,2026-10,80\n")
    m = suggest_mapping(list(data.columns), "targets", data)
    assert m.columns["Target Name"] is None and m.columns["Quota"] == "target"


def test_header_units() -> None:
    assert header_unit("合同金额（万元）")[1].factor == 1e4
    assert header_unit("合同金额（万元）")[1].currency == "CNY"
    assert header_unit("Revenue (k)")[1].factor == 1e3
    assert header_unit("Revenue ('000)")[1].factor == 1e3
    assert header_unit("Amount (USD)")[1].currency == "USD"
    assert header_unit("金额(元)") [1].factor == 1.0
    assert header_unit("金額(港元)")[1].currency == "HKD"
    assert header_unit("金额（千元）")[1].factor == 1e3
    assert header_unit("Probability (%)")[1] is None
    assert header_unit("所属省份(必填)")[1] is None


def test_confidence_runner_ups_and_close_calls() -> None:
    data = frame("Deal ID,Owner,Stage,Amount,Close Date,Sales Manager\n"
                 "D1,Ann,Won,100,2026-10-01,Zoe\nD2,Bob,Lost,50,2026-10-02,Zoe\n")
    m = suggest_mapping(list(data.columns), "deals", data)
    assert m.columns["Owner"] == "rep" and m.confidence["Owner"] > 0.9
    assert m.confidence["Amount"] == 1.0
    assert not m.to_confirm()
    # "Sales Manager" is a team synonym and partly a rep name: its runner-up is offered.
    assert m.columns["Sales Manager"] == "team"
    assert [f for f, _ in m.candidates["Sales Manager"]][:1] == ["team"]


def test_a_weak_required_field_asks_to_be_checked() -> None:
    data = frame("Ref,Who,Phase,Money Amt,Booked\nD1,Ann,Won,100,2026-10-01\nD2,Bob,Prospecting,50,2026-10-02\n"
                 "D3,Cy,Negotiation,70,2026-10-03\n")
    m = suggest_mapping(list(data.columns), "deals", data)
    assert m.columns["Phase"] == "stage"          # recognised by its values alone
    assert m.confidence["Phase"] < WEAK and "Phase" in m.to_confirm()


def test_detection_uses_the_same_scores() -> None:
    ledger = frame("日期,客户名称,产品名称,数量,金额,业务员\n2026/10/8,顺达,电机,20,7000,李强\n2026/10/9,恒丰,电机,5,6000,王芳\n")
    found = detect_table(list(ledger.columns), ledger)
    assert found is not None and found.table == "deals"
    assert found.columns["日期"] == "close_date" and found.columns["金额"] == "amount"
