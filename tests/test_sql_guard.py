"""The read-only SQL box: what runs, what is refused, time and row limits, positions of mistakes."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analytics.messages import CATALOGUE, InputError
from analytics.metrics import sql_guard
from analytics.metrics.sql_guard import Sandbox, build_sandbox, check_statement, run_readonly_query
from analytics.store import canonical

DEALS = pd.DataFrame({
    "deal_id": ["D1", "D2", "D3", "D4"],
    "rep": ["Ann", "Ann", "Bob", "Cy"],
    "status": ["won", "lost", "won", "open"],
    "amount": [100.0, 50.0, 300.0, 40.0],
})


@pytest.fixture(scope="module")
def box() -> Sandbox:
    return build_sandbox(canonical.connect({"deals": DEALS}))


def refused(box: Sandbox, sql: str, timeout_s: float = 10.0) -> InputError:
    with pytest.raises(InputError) as err:
        box.run(sql, timeout_s=timeout_s)
    problem = err.value.problems[0]
    assert problem.code in CATALOGUE
    assert err.value.text("en") and err.value.text("zh") != err.value.text("en")
    return err.value


def test_a_legal_query_with_a_cte_and_a_where_runs(box):
    result = box.run(
        "WITH w AS (SELECT rep, amount FROM deals WHERE status = 'won')\n"
        "SELECT rep, sum(amount) AS won_revenue FROM w GROUP BY rep ORDER BY rep")
    assert result.frame.to_dict("list") == {"rep": ["Ann", "Bob"], "won_revenue": [100.0, 300.0]}  # D1; D3
    assert result.truncated is False and result.elapsed_s >= 0


def test_the_other_canonical_tables_are_there_and_empty(box):
    assert set(box.names) >= {"deals", "targets", "surveys", "activities"}
    assert box.run("SELECT count(*) AS n FROM targets").frame["n"].tolist() == [0]


def test_row_limit_sets_truncated_and_keeps_order(box):
    result = box.run("SELECT * FROM range(25000) t(n) ORDER BY n DESC", max_rows=10_000)
    assert len(result.frame) == 10_000 and result.truncated
    assert result.frame["n"].iloc[0] == 24_999 and result.frame["n"].iloc[-1] == 15_000  # 24999 - 9999
    exact = box.run("SELECT * FROM range(3)", max_rows=3)
    assert len(exact.frame) == 3 and not exact.truncated  # exactly the limit is not truncated


@pytest.mark.parametrize("sql, kind", [
    ("INSERT INTO deals (deal_id) VALUES ('X')", "INSERT"),
    ("UPDATE deals SET amount = 0", "UPDATE"),
    ("DELETE FROM deals", "DELETE"),
    ("DROP TABLE deals", "DROP"),
    ("CREATE TABLE stolen AS SELECT * FROM deals", "CREATE"),
    ("COPY deals TO '/tmp/stolen.csv'", "COPY"),
    ("ATTACH '/tmp/other.duckdb' AS other", "ATTACH"),
    ("SET enable_external_access = true", "SET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("INSTALL httpfs", "INSTALL/LOAD"),
    ("LOAD httpfs", "INSTALL/LOAD"),
    ("EXPORT DATABASE '/tmp/everything'", "EXPORT"),
    ("CALL pragma_version()", "CALL"),
    ("SET VARIABLE x = 1", "SET"),
])
def test_statements_that_are_not_a_select_are_refused(box, sql, kind):
    error = refused(box, sql)
    assert error.problems[0].code == "sql_not_select"
    assert error.problems[0].params["kind"] == kind


@pytest.mark.parametrize("sql", [
    "SELECT 1; DROP TABLE deals",
    "SELECT 1 --\n; DROP TABLE deals",
    "SELECT * FROM deals;\nDELETE FROM deals;",
])
def test_several_statements_are_refused(box, sql):
    assert refused(box, sql).problems[0].code == "sql_several"


def test_a_trailing_semicolon_and_comment_are_fine(box):
    assert box.run("SELECT count(*) AS n FROM deals; -- all of them").frame["n"].tolist() == [4]


def test_pivot_statements_are_refused_as_uncheckable(box):
    # DuckDB runs PIVOT as several statements; the pivot builder does this safely instead.
    assert refused(box, "PIVOT deals ON rep USING sum(amount)").problems[0].code == "sql_unsupported"


def test_semicolons_inside_comments_and_strings_are_one_statement(box):
    assert box.run("SELECT ';DROP TABLE deals' AS s /* ; DELETE FROM deals */;").frame["s"].tolist() == [
        ";DROP TABLE deals"]


@pytest.mark.parametrize("sql", [
    # DuckDB types these as SELECT statements; the syntax tree shows the write inside.
    "WITH d AS (DELETE FROM deals RETURNING *) SELECT * FROM d",
    "WITH d AS (UPDATE deals SET amount = 0 RETURNING *) SELECT * FROM d",
    "WITH d AS (INSERT INTO deals (deal_id) VALUES ('X') RETURNING *) SELECT * FROM d",
    "WITH d AS (COPY deals TO '/tmp/stolen.csv') SELECT * FROM d",
])
def test_writes_hidden_in_a_cte_are_refused(box, sql, tmp_path):
    assert refused(box, sql).problems[0].code == "sql_writes"
    assert not Path("/tmp/stolen.csv").exists()


@pytest.mark.parametrize("sql, name", [
    ("SELECT * FROM read_csv('/etc/passwd')", "read_csv"),
    ("SELECT * FROM read_csv_auto('/etc/passwd', sep = ':')", "read_csv_auto"),
    ("SELECT * FROM read_text('/etc/passwd')", "read_text"),
    ("SELECT * FROM read_blob('/etc/passwd')", "read_blob"),
    ("SELECT * FROM glob('/etc/*')", "glob"),
    ("SELECT * FROM read_parquet('https://example.com/x.parquet')", "read_parquet"),
    ("SELECT * FROM read_json('/etc/hosts')", "read_json"),
    ("SELECT * FROM sniff_csv('/etc/passwd')", "sniff_csv"),
    ("SELECT * FROM query('SELECT 42')", "query"),
    ("SELECT * FROM duckdb_settings()", "duckdb_settings"),
    ("SELECT * FROM pandas_scan(1234)", "pandas_scan"),
    ("SELECT rep FROM deals WHERE rep IN (SELECT file FROM glob('/home/*'))", "glob"),
    ("SELECT current_setting('home_directory')", "current_setting"),
])
def test_functions_reaching_outside_are_refused_with_their_position(box, sql, name):
    problem = refused(box, sql).problems[0]
    assert problem.code == "sql_function" and problem.params["name"] == name
    assert problem.params["line"] == 1
    assert sql[problem.params["column"] - 1:].lower().startswith(name)


@pytest.mark.parametrize("sql", [
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM 'https://example.com/deals.csv'",
    "SELECT * FROM \"~/.ssh/id_rsa\"",
])
def test_file_paths_as_table_names_are_refused(box, sql):
    assert refused(box, sql).problems[0].code == "sql_outside"


def test_the_sandbox_itself_refuses_files_urls_and_settings(box):
    """Belt and braces: even without the statement check, the locked connection refuses."""
    con = box.connect()
    try:
        for sql in ["SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/etc/*')",
                    "SELECT * FROM read_text('/etc/hostname')", "COPY deals TO '/tmp/stolen.csv'",
                    "ATTACH '/tmp/other.duckdb'", "SELECT * FROM read_parquet('http://example.com/x.parquet')",
                    "WITH d AS (COPY deals TO '/tmp/stolen.csv') SELECT * FROM d"]:
            with pytest.raises(duckdb.PermissionException):
                con.execute(sql).fetchall()
        for sql in ["SET enable_external_access = true", "RESET lock_configuration", "SET threads = 1"]:
            with pytest.raises(duckdb.InvalidInputException, match="locked"):
                con.execute(sql)
        with pytest.raises(duckdb.Error):
            con.execute("LOAD httpfs")
        with pytest.raises(duckdb.CatalogException):  # a Python variable of this test is not a table
            con.execute("SELECT * FROM DEALS_FRAME_NOT_REGISTERED").fetchall()
    finally:
        con.close()
    assert not Path("/tmp/stolen.csv").exists()


def test_python_variables_are_not_reachable(box):
    secret_frame = pd.DataFrame({"password": ["hunter2"]})  # noqa: F841 - the query must not see it
    assert refused(box, "SELECT * FROM secret_frame").problems[0].code == "sql_unknown_table"


def test_the_app_connection_is_untouched():
    con = canonical.connect({"deals": DEALS})
    box = Sandbox.from_connection(con)
    for sql in ["DELETE FROM deals", "WITH d AS (DELETE FROM deals RETURNING *) SELECT * FROM d"]:
        with pytest.raises(InputError):
            box.run(sql)
    assert con.execute("SELECT count(*) FROM deals").fetchall()[0][0] == 4
    assert con.execute("SELECT current_setting('enable_external_access')").fetchall()[0][0] is True


def test_a_query_that_runs_forever_is_stopped():
    box = build_sandbox({"deals": DEALS})
    for sql in ["SELECT count(*) FROM range(10000000000) a, range(1000) b",
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t"]:
        started = time.monotonic()
        error = refused(box, sql, timeout_s=0.5)
        assert time.monotonic() - started < 0.5 + 2.0  # returns within timeout + 2 s
        assert error.problems[0].code == "sql_timeout"
        assert "0.5 s" in error.text("en") and "0.5 秒" in error.text("zh")


def test_syntax_error_has_line_and_column():
    sql = "SELECT rep,\n       sum(amount\nFROM deals GROUP BY rep"
    with pytest.raises(InputError) as err:
        check_statement(sql)
    problem = err.value.problems[0]
    # The parser stops at FROM, the first word of line 3.
    assert problem.code == "sql_syntax"
    assert (problem.params["line"], problem.params["column"]) == (3, 1)
    assert "line 3, column 1" in err.value.text("en") and "第 3 行第 1 列" in err.value.text("zh")


def test_syntax_error_position_counts_characters_not_bytes():
    sql = "SELECT '客户' AS 名称,\n  x FROM deals WHERE = 1"
    with pytest.raises(InputError) as err:
        check_statement(sql)
    # line 2 is "  x FROM deals WHERE = 1": the '=' is its 22nd character
    assert (err.value.problems[0].params["line"], err.value.problems[0].params["column"]) == (2, 22)


def test_binding_errors_point_at_the_mistake(box):
    problem = refused(box, "SELECT rep\nFROM deals\nWHERE amout > 10").problems[0]
    assert problem.code == "sql_error" and (problem.params["line"], problem.params["column"]) == (3, 7)
    problem = refused(box, "SELECT * FROM dealz").problems[0]
    assert problem.code == "sql_unknown_table" and problem.params["column"] == 15
    assert "deals" in problem.params["tables"]


def test_empty_text_is_refused(box):
    for sql in ["", "   ", "-- just a comment"]:
        assert refused(box, sql).problems[0].code == "sql_empty"


def test_run_readonly_query_accepts_frames_and_connections():
    frames = {"deals": DEALS}
    from_frames = run_readonly_query(frames, "SELECT count(*) AS n FROM deals WHERE amount > 60")
    assert from_frames.frame["n"].tolist() == [2]  # D1 100, D3 300
    con = canonical.connect(frames)
    from_con = run_readonly_query(con, "SELECT max(amount) AS top FROM deals", max_rows=1)
    assert from_con.frame["top"].tolist() == [300.0] and not from_con.truncated


def test_position_helpers():
    assert sql_guard.line_column("ab\ncd", 4) == (2, 2)
    message = 'Binder Error: x\n\nLINE 2: WHERE y > 1\n              ^'
    assert sql_guard.position_from_message("SELECT x\nWHERE y > 1", message) == (2, 7)


def test_memory_limit_gives_a_readable_error():
    small = Sandbox({"deals": DEALS}, memory_limit="64MB")
    error = refused(small, "SELECT count(*) FROM (SELECT DISTINCT range AS x FROM range(50000000))")
    # 50 M distinct BIGINTs need about 400 MB of hash table; nothing spills (no temp directory).
    assert error.problems[0].code == "sql_memory" and "64MB" in error.text("en")


# --- bounded memory (issue 17.5) -----------------------------------------------------------------

GB = 2**30
MEMORY_ATTACKS = {
    # one 2 GB string: DuckDB's memory_limit alone let this take 5.9-7.7 GB in the app's process
    "repeat": "SELECT repeat('x', 2000000000) AS s",
    # 4,096 x 4,096 x 4,096 rows sorted at random: the sort alone is far past the limit
    "cross join": "SELECT a.range AS x, b.range AS y FROM range(4096) a, range(4096) b, range(4096) c ORDER BY random()",
    # a string that doubles at every step: 2^31 bytes by step 32
    "recursive CTE": ("WITH RECURSIVE t(n, s) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, s || s FROM t WHERE n < 40) "
                      "SELECT max(length(s)) FROM t"),
    "string_agg": "SELECT string_agg(repeat('x', 1000000), ',') FROM range(3000)",
}


def _peak_rss() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.parametrize("name", list(MEMORY_ATTACKS))
def test_a_query_cannot_take_the_servers_memory_and_the_next_query_works(name):
    box = Sandbox({"deals": DEALS})
    error = refused(box, MEMORY_ATTACKS[name], timeout_s=60)
    assert error.problems[0].code in ("sql_memory", "sql_crashed"), error.text("en")
    assert "1GB" in error.text("en")
    assert _peak_rss() < 2.5 * GB  # this process is the app's server
    # the worker was held under its cap: the memory limit x 1.5 + slack above its start
    cap = sql_guard.parse_bytes(sql_guard.DEFAULT_MEMORY_LIMIT) * sql_guard.ADDRESS_HEADROOM + sql_guard.ADDRESS_SLACK
    assert box.last_worker_peak < cap + 0.5 * GB
    assert box.run("SELECT sum(amount) AS total FROM deals").frame["total"].tolist() == [490.0]  # 100+50+300+40


def test_a_result_too_large_to_send_is_refused_in_the_worker():
    box = Sandbox({"deals": DEALS})
    error = refused(box, "SELECT repeat('x', 60000000) AS s FROM range(3)")  # 180 MB of text
    assert error.problems[0].code in ("sql_result_too_big", "sql_memory")
    assert _peak_rss() < 2.5 * GB


def test_a_killed_worker_is_a_readable_error_and_does_not_leave_the_next_query_waiting():
    box = Sandbox({"deals": DEALS})
    started = time.monotonic()
    error = refused(box, "SELECT count(*) FROM range(10000000000) a, range(1000) b", timeout_s=0.5)
    assert error.problems[0].code == "sql_timeout" and time.monotonic() - started < 3
    assert box.run("SELECT count(*) AS n FROM deals").frame["n"].tolist() == [4]


def test_memory_sizes_are_read_as_duckdb_writes_them():
    assert sql_guard.parse_bytes("1GB") == 1_000_000_000
    assert sql_guard.parse_bytes("512MB") == 512_000_000
    assert sql_guard.parse_bytes("64MiB") == 64 * 2**20
    with pytest.raises(ValueError):
        sql_guard.parse_bytes("lots")


def test_the_cli_query_is_bounded_too():
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-m", "analytics", "query", "SELECT repeat('x', 2000000000) AS s"],
                          capture_output=True, text=True, cwd=root, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "memory" in proc.stderr
    ok = subprocess.run([sys.executable, "-m", "analytics", "--format", "json", "query", "SELECT 41 + 1 AS n"],
                        capture_output=True, text=True, cwd=root, timeout=120)
    assert ok.returncode == 0 and '"n": 42' in ok.stdout.replace(" ", "").replace('"n":42', '"n": 42')
    bad = subprocess.run([sys.executable, "-m", "analytics", "query", "SELECT 1", "--memory-limit", "lots"],
                         capture_output=True, text=True, cwd=root, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
