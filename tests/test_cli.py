"""The command line: the same numbers as the library, readable errors, status 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.metrics.attainment import attainment
from analytics.periods import parse_period
from analytics.store import canonical
from analytics.store.sources import load_sample
from tests.conftest import ROOT, dataset


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def as_json(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_help_lists_every_command():
    out = run("--help").stdout
    for command in ("validate", "attainment", "funnel", "performance", "satisfaction", "kpi", "rewards",
                    "report", "query", "sample"):
        assert command in out


def test_validate_counts_and_reasons(tmp_path):
    f = tmp_path / "deals.csv"
    f.write_text("Deal ID,Owner,Stage,Amount,Close Date\nA,Ann,Won,10,2026-11-01\nB,Ann,Won,-3,2026-11-02\n"
                 "A,Bob,Lost,5,2026-11-03\n", encoding="utf-8")
    proc = run("validate", str(f))
    assert proc.returncode == 1  # loaded, with rejected rows
    assert "rows read:     3" in proc.stdout and "rows loaded:   1" in proc.stdout
    assert "row 3: Amount '-3' is negative" in proc.stdout
    assert "row 4: duplicate of row 2" in proc.stdout
    report = json.loads(run("--format", "json", "validate", str(f)).stdout)
    assert report[0]["rows_rejected"] == 2 and [r["row"] for r in report[0]["rejected"]] == [3, 4]
    zh = run("--lang", "zh", "validate", str(f)).stdout
    assert "为负数" in zh


@pytest.mark.parametrize("name, content", [
    ("empty.csv", b""),
    ("fake.xlsx", b"PK\x03\x04 this is no workbook"),
    ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
])
def test_unreadable_files_exit_2_without_traceback(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    proc = run("validate", str(f))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and name in proc.stderr


def test_missing_required_column_exit_2(tmp_path):
    f = tmp_path / "deals.csv"
    f.write_text("Deal ID,Owner,Stage,Close Date\nA,Ann,Won,2026-11-01\n", encoding="utf-8")
    proc = run("validate", str(f), "--kind", "deals")
    assert proc.returncode == 2 and "amount" in proc.stderr and "Traceback" not in proc.stderr


def test_map_option_overrides(tmp_path):
    f = tmp_path / "odd.csv"
    f.write_text("Ref,Seller,Phase,Value,When\nR1,Ann,Won,10,2026-11-01\n", encoding="utf-8")
    proc = run("validate", str(f), "--kind", "deals", "--map", "Ref=deal_id", "--map", "Seller=rep",
               "--map", "Phase=stage", "--map", "Value=amount", "--map", "When=close_date")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bad = run("validate", str(f), "--map", "Ref=nonsense")
    assert bad.returncode == 2 and "nonsense" in bad.stderr


def test_attainment_matches_the_library_on_the_sample():
    rows = as_json(run("--format", "json", "attainment", "--period", "2026-11", "--by", "team"))
    con = canonical.connect(load_sample().tables)
    expected = attainment(con, parse_period("2026-11"), "team").set_index("team")
    assert [r["team"] for r in rows] == list(expected.index)
    for r in rows:
        assert r["target"] == pytest.approx(expected.loc[r["team"], "target"])
        assert r["actual"] == pytest.approx(expected.loc[r["team"], "actual"])
        assert r["attainment"] == pytest.approx(expected.loc[r["team"], "attainment"])
    assert list(rows[0])[:5] == ["team", "target", "actual", "attainment", "gap"]


def test_bad_period_exit_2():
    proc = run("attainment", "--period", "someday")
    assert proc.returncode == 2 and "someday" in proc.stderr and "Traceback" not in proc.stderr


def test_csv_output_is_snake_case_with_fractions():
    proc = run("--format", "csv", "attainment", "--period", "2026-11", "--by", "company")
    assert proc.returncode == 0
    header, row = proc.stdout.strip().splitlines()[:2]
    assert header.startswith("company,target,actual,attainment,gap")
    assert 0 < float(row.split(",")[3]) < 5  # a fraction, not a percentage


@pytest.mark.real_data
def test_performance_company_on_maven_matches_published_figures():
    path = dataset("maven-crm/sales_pipeline.csv")
    rows = as_json(run("--format", "json", "performance", "--by", "company", "--deals", str(path)))
    company = rows[0]
    assert round(company["win_rate"], 4) == 0.6315
    assert company["won_revenue"] == 10_005_534
    assert round(company["avg_deal_size"]) == 2361
    assert round(company["sales_cycle_days"], 1) == 51.8


@pytest.mark.real_data
def test_funnel_on_maven():
    path = dataset("maven-crm/sales_pipeline.csv")
    rows = as_json(run("--format", "json", "funnel", "--deals", str(path)))
    assert [r["stage"] for r in rows][:1] == ["prospecting"]
    assert rows[0]["reached"] == 8800


def test_query_is_read_only():
    ok = as_json(run("--format", "json", "query", "SELECT count(*) AS n FROM deals WHERE status = 'won'"))
    assert ok[0]["n"] > 0
    for sql in ("DROP TABLE deals", "SELECT * FROM read_csv('/etc/passwd')", "COPY deals TO '/tmp/x.csv'"):
        proc = run("query", sql)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, sql


def test_sample_command_writes_the_files(tmp_path):
    proc = run("sample", "--out", str(tmp_path / "s"))
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in (tmp_path / "s").iterdir()}
    assert {"deals.csv", "targets.csv", "surveys.csv", "sales_company.xlsx"} <= names
    # the committed sample is that command's output
    assert (tmp_path / "s" / "deals.csv").read_bytes() == (ROOT / "data" / "sample" / "deals.csv").read_bytes()


@pytest.mark.real_data
def test_satisfaction_on_the_nps_survey():
    # Sudzilla: 39 responses, 8 promoters (9–10), 22 detractors (0–6): (8 − 22) / 39 × 100 = −35.9
    path = dataset("nps-survey/input_01.csv")
    rows = as_json(run("--format", "json", "satisfaction", "--surveys", str(path)))
    assert rows == [{"company": "Company", "responses": 39, "csat": None, "nps": pytest.approx(-1400 / 39),
                     "promoters": 8, "detractors": 22}]


def test_kpi_and_rewards_on_the_sample():
    kpi = as_json(run("--format", "json", "kpi", "--period", "2026-11"))
    assert list(kpi[0])[:6] == ["rep", "revenue_score", "satisfaction_score", "collaboration_score",
                                "kpi_score", "rank"]
    assert kpi[0]["rank"] == 1 and all(0 <= r["kpi_score"] <= 100 for r in kpi if r["kpi_score"] is not None)
    lines = as_json(run("--format", "json", "rewards", "--period", "2026-11"))
    totals = [r for r in lines if r["kind"] == "total"]
    assert len(totals) == len({r["rep"] for r in lines})
    for total in totals:  # every rep's lines add up to their total
        parts = [r["amount"] for r in lines if r["rep"] == total["rep"] and r["kind"] != "total"]
        assert sum(parts) == pytest.approx(total["amount"])
    zh = run("--lang", "zh", "rewards", "--period", "2026-11").stdout
    assert "区间" in zh
    bad = run("rewards", "--period", "2026-11", "--plan", str(ROOT / "README.md"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
