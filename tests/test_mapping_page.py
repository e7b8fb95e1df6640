"""The Data page's mapping view: confidence under each column, runner-ups first, checks asked
only for close calls and weak required fields, units stated, failures in red."""

from __future__ import annotations

from tests.fixtures import start
from tests.fixtures import upload as _upload

PIPEDRIVE = (b"Deal - ID,Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Status,"
             b"Deal - Expected close date,Deal - Won time,Deal - Lost time\n"
             b"1,A,100,Ann,Negotiations Started,Won,2026-09-15,2026-10-03 11:20:00,\n"
             b"2,B,50,Ann,Qualified,Open,2026-12-01,,\n")
WEAK = (b"Ref,Owner,Phase,Amount,Close Date,Sales Manager\nD1,Ann,Won,100,2026-10-01,Zoe\n"
        b"D2,Bob,Prospecting,50,2026-10-02,Zoe\nD3,Cy,Negotiation,70,2026-10-03,Max\n")


def captions(at) -> list[str]:
    return [str(c.value) for c in at.caption]


def test_pipedrive_export_maps_with_confidences_and_no_question():
    at = _upload(start(), "pipedrive.csv", PIPEDRIVE)
    assert not at.exception
    selects = {s.label: s for s in at.selectbox if s.key and s.key.startswith("map:")}
    assert selects["Deal \\- Won time"].value == "won_date"
    assert selects["Deal \\- Expected close date"].value == "expected_close_date"
    assert sum("match 100%" in c for c in captions(at)) >= 5
    assert not [w for w in at.warning if "Please check" in str(w.value)]


def test_a_weak_required_field_is_asked_about_and_confirming_clears_it():
    at = _upload(start(), "weak.csv", WEAK)
    phase = next(s for s in at.selectbox if s.label == "Phase")
    assert phase.value == "stage" and phase.options[0].endswith("stage")
    assert any("Please check 1 column(s)" in str(w.value) and "Phase" in str(w.value) for w in at.warning)
    assert any("match 67%" in c and "please check" in c for c in captions(at))
    next(b for b in at.button if b.label == "The mapping is right").click().run()
    assert not [w for w in at.warning if "Please check" in str(w.value)]
    assert any("chosen by you" in c for c in captions(at))


def test_unit_in_the_header_is_stated_in_chinese():
    at = _upload(start({"lang": "zh"}), "目标.csv", "销售人员,月份,销售目标（万元）\n张伟,2026-10,50\n".encode())
    assert any("数值 ×10,000" in c for c in captions(at))


def test_mixed_currencies_are_red_and_named():
    data = b"Deal ID,Owner,Stage,Amount,Currency,Close Date\nD1,Ann,Won,100,CNY,2026-10-01\nD2,Bob,Won,10,USD,2026-10-05\n"
    at = _upload(start(), "mixed.csv", data)
    assert any("several currencies (CNY, USD)" in str(e.value) for e in at.error)
