"""The CRM view: customer table, timeline, follow-up coverage and overdue follow-ups.

As of 2026-03-15 unless said. Every expected figure was worked out by hand from ``_con``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pandas as pd

from analytics.filters import Filters
from analytics.metrics.customers import (
    customer_counts,
    customer_table,
    customer_timeline,
    customer_timeline_length,
    followup_coverage,
    overdue_followups,
)
from analytics.periods import parse_period
from analytics.store import canonical
from analytics.store.settings import DEFAULT_SETTINGS

AS_OF = date(2026, 3, 15)
Q1 = parse_period("2026-Q1")


def _con():
    deals = pd.DataFrame([
        # id, customer, rep, status, amount, created, close
        ("D1", "Acme", "Ann", "won", 1000.0, "2026-01-01", "2026-02-01"),
        ("D2", "Acme", "Ann", "open", 500.0, "2026-03-01", "2026-04-30"),  # expected close: not a contact
        ("D3", "Beta", "Bob", "won", 2000.0, "2026-01-10", "2026-03-01"),
        ("D4", "Cora", "Bob", "lost", 300.0, "2026-02-01", "2026-02-20"),
        ("D5", "Dina", "Ann", "won", 700.0, "2026-02-05", "2026-03-10"),
    ], columns=["deal_id", "customer", "rep", "status", "amount", "created_date", "close_date"])
    deals["stage"] = deals["status"].map({"won": "Won", "lost": "Lost", "open": "Negotiation"})
    activities = pd.DataFrame([
        # date, customer, rep, deal_id, type, next_followup_date, note
        ("2026-02-05", "Acme", "Ann", None, "call", "2026-03-01", "delivery check"),   # a1, superseded by a2
        ("2026-03-05", "Acme", "Ann", None, "visit", "2026-03-12", "demo"),            # a2: live, overdue 3 d
        ("2026-03-08", None, None, "D3", "call", "2026-03-18", None),                  # a3: Beta/Bob via D3
        ("2026-02-21", "Cora", "Bob", None, "call", "2026-02-28", None),               # a4, superseded by a5
        ("2026-03-02", "Cora", "Bob", None, "email", None, "no interest"),             # a5: nothing scheduled
        ("2026-03-10", "Dina", "Ann", None, "visit", "2026-04-30", "signing"),         # a6: signing day
        ("2026-03-25", "Beta", "Bob", None, "call", None, None),                       # a7: after as_of
    ], columns=["date", "customer", "rep", "deal_id", "type", "next_followup_date", "note"])
    surveys = pd.DataFrame([
        ("2026-02-10", "Acme", "Ann", "D1", 5.0, 10.0, "great"),
        ("2026-03-10", "Acme", "Ann", "D1", 3.0, 6.0, None),
        ("2026-03-12", "Beta", "Bob", "D3", 4.0, None, None),
    ], columns=["date", "customer", "rep", "deal_id", "csat", "nps", "comment"])
    return canonical.connect({"deals": deals, "activities": activities, "surveys": surveys})


def _nan(x: object) -> bool:
    return x is None or x is pd.NaT or (isinstance(x, float) and math.isnan(x)) or pd.isna(x)


def test_customer_table():
    t = customer_table(_con(), AS_OF, Filters(), DEFAULT_SETTINGS)
    assert t["customer"].tolist() == ["Beta", "Acme", "Dina", "Cora"]  # lifetime won 2000, 1000, 700, 0
    assert list(t.columns) == ["customer", "lifetime_won", "deals_won", "open_deals", "open_amount",
                               "last_contact", "next_followup", "overdue", "csat", "nps", "responses"]
    rows = t.set_index("customer")
    acme = rows.loc["Acme"]
    assert acme["lifetime_won"] == 1000 and acme["deals_won"] == 1
    assert acme["open_deals"] == 1 and acme["open_amount"] == 500
    # latest of a2 03-05, D2 created 03-01, D1 closed 02-01 (D2's 04-30 is only expected)
    assert acme["last_contact"] == pd.Timestamp("2026-03-05")
    assert _nan(acme["next_followup"])  # 03-01 and 03-12 are both before 03-15
    assert acme["overdue"]  # live follow-up 03-12 < 03-15, set by the latest activity
    assert acme["csat"] == 0.5  # answers 5 and 3 → one of two is 4–5
    assert acme["nps"] == 0.0  # 10 is a promoter, 6 a detractor: 50 % − 50 %
    assert acme["responses"] == 2
    beta = rows.loc["Beta"]
    # a3 (03-08) names no customer: it is Beta's through deal D3; a7 (03-25) is after as_of
    assert beta["last_contact"] == pd.Timestamp("2026-03-08")
    assert beta["next_followup"] == pd.Timestamp("2026-03-18") and not beta["overdue"]
    assert beta["open_amount"] == 0 and beta["csat"] == 1.0 and _nan(beta["nps"]) and beta["responses"] == 1
    cora = rows.loc["Cora"]
    # a4's 02-28 follow-up was superseded by a5 (03-02), which scheduled nothing → not overdue
    assert not cora["overdue"] and cora["last_contact"] == pd.Timestamp("2026-03-02")
    assert _nan(cora["csat"]) and cora["responses"] == 0
    assert rows.loc["Dina", "next_followup"] == pd.Timestamp("2026-04-30")


def test_customer_table_filter_keeps_customers_with_deals_in_the_slice():
    t = customer_table(_con(), AS_OF, Filters(rep=("Bob",)), DEFAULT_SETTINGS)
    assert t["customer"].tolist() == ["Beta", "Cora"]


def test_overdue_followups():
    t = overdue_followups(_con(), AS_OF, Filters())
    assert list(t.columns) == ["customer", "rep", "next_followup_date", "days_overdue", "deal_id"]
    # Acme: 03-12 → 3 days overdue; Beta: 03-18 → due in 3 days (−3), within the 7-day horizon;
    # Dina's 04-30 is beyond 03-22; Cora has no live follow-up
    assert t["customer"].tolist() == ["Acme", "Beta"]
    assert t["days_overdue"].tolist() == [3, -3]
    assert t["rep"].tolist() == ["Ann", "Bob"]  # Beta's activity has no rep: D3's rep
    assert pd.isna(t["deal_id"].iloc[0]) and t["deal_id"].iloc[1] == "D3"
    assert overdue_followups(_con(), AS_OF, Filters(), rep="Ann")["customer"].tolist() == ["Acme"]
    assert overdue_followups(_con(), AS_OF, Filters(rep=("Bob",)))["customer"].tolist() == ["Beta"]
    # overdue only: a horizon of 0 days keeps dates before as_of
    assert overdue_followups(_con(), AS_OF, Filters(), horizon_days=0)["customer"].tolist() == ["Acme"]


def test_customer_counts_for_the_cards():
    con = _con()
    counts = customer_counts(customer_table(con, AS_OF, Filters(), DEFAULT_SETTINGS),
                             overdue_followups(con, AS_OF, Filters()))
    # 4 customers; only Acme has an open deal (D2); Acme's follow-up is 3 days overdue, Beta's due in 3
    assert counts == {"customers": 4, "with_open_deals": 1, "overdue": 1, "due": 1}
    no_activities = customer_counts(customer_table(con, AS_OF, Filters(), DEFAULT_SETTINGS), None)
    assert no_activities["overdue"] is None and no_activities["due"] is None


def test_followup_coverage():
    t = followup_coverage(_con(), Q1, Filters(), DEFAULT_SETTINGS).set_index("rep")
    # 14 days after signing: D1 Acme 02-01 → a1 02-05 ✓; D5 Dina 03-10 → a6 is on the signing day
    # itself (not after) ✗; D3 Beta 03-01 → a3 03-08 ✓
    assert t.loc["Ann", "won_customers"] == 2 and t.loc["Ann", "followed_up"] == 1
    assert t.loc["Ann", "coverage"] == 0.5
    assert t.loc["Bob", "won_customers"] == 1 and t.loc["Bob", "coverage"] == 1.0
    # N = 3 days: a1 is 4 days after D1, a3 7 days after D3 → nobody followed up
    short = followup_coverage(_con(), Q1, Filters(), replace(DEFAULT_SETTINGS, followup_days=3))
    assert short["followed_up"].tolist() == [0, 0] and short["coverage"].tolist() == [0.0, 0.0]
    # as of 03-15, Dina's window (to 03-24) is still open and empty: too early to judge → left out
    judged = followup_coverage(_con(), Q1, Filters(), DEFAULT_SETTINGS, as_of=AS_OF).set_index("rep")
    assert judged.loc["Ann", "won_customers"] == 1 and judged.loc["Ann", "coverage"] == 1.0


def test_customer_timeline():
    t = customer_timeline(_con(), "Acme")
    assert list(t.columns) == ["date", "kind", "event", "what", "amount", "rep", "deal_id", "stage"]
    # latest first: survey 03-10, a2 03-05, D2 created 03-01, survey 02-10, a1 02-05, D1 won 02-01,
    # D1 created 01-01
    assert t["date"].dt.strftime("%m-%d").tolist() == ["03-10", "03-05", "03-01", "02-10", "02-05", "02-01",
                                                       "01-01"]
    assert t["kind"].tolist() == ["survey", "activity", "deal", "survey", "activity", "deal", "deal"]
    assert t["event"].tolist() == ["survey", "visit", "created", "survey", "call", "won", "created"]
    assert t["what"].iloc[3] == "CSAT 5 · NPS 10 · great"
    assert t["what"].iloc[1] == "visit · demo"
    # A deal's stage travels on its own, for the page to name in the reader's language.
    assert t["what"].iloc[2] == "D2" and t["stage"].iloc[2] == "Negotiation" and pd.isna(t["stage"].iloc[1])
    assert t["amount"].iloc[5] == 1000
    assert customer_timeline(_con(), "Nobody").empty


def test_customer_timeline_first_rows_and_length():
    # Acme has 7 events (see above); the page shows the first ones and says how many there are.
    assert customer_timeline_length(_con(), "Acme") == 7
    assert customer_timeline_length(_con(), "Nobody") == 0
    first = customer_timeline(_con(), "Acme", limit=3)
    assert first["event"].tolist() == ["survey", "visit", "created"]
    assert first["date"].dt.strftime("%m-%d").tolist() == ["03-10", "03-05", "03-01"]


def test_no_activities_at_all():
    deals = pd.DataFrame({"deal_id": ["X"], "customer": ["Zed"], "rep": ["Ann"], "stage": ["Won"],
                          "status": ["won"], "amount": [10.0], "close_date": ["2026-03-01"]})
    c = canonical.connect({"deals": deals})
    row = customer_table(c, AS_OF, Filters(), DEFAULT_SETTINGS).iloc[0]
    assert row["last_contact"] == pd.Timestamp("2026-03-01") and not row["overdue"]
    cov = followup_coverage(c, Q1, Filters(), DEFAULT_SETTINGS)
    assert cov["followed_up"].tolist() == [0] and cov["coverage"].tolist() == [0.0]
    assert overdue_followups(c, AS_OF, Filters()).empty


def test_followup_due_today_is_zero_days_overdue():
    t = overdue_followups(_con(), date(2026, 3, 12), Filters())
    # on 03-12 Acme's follow-up is due today (0); Beta's latest activity up to then is a3 (03-08): 03-18 is
    # due in 6 days (−6)
    assert dict(zip(t["customer"], t["days_overdue"], strict=True)) == {"Acme": 0, "Beta": -6}
