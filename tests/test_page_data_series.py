"""The Data page's dated series (issue 15.1): several deals exports at once, each dated by its
file name or an entered date, confirmed in date order and published as snapshots (AppTest)."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from analytics.store import snapshots
from analytics.store.workspace import Workspace, content_hash
from tests.fixtures import assert_clean, start

HEAD = b"Deal ID,Owner,Team,Stage,Amount,Close Date,Created Date\n"


def week(n: int) -> bytes:
    """A weekly export: D1 slips a week each time, D2 grows, and a new deal appears every week."""
    rows = [f"D1,Nia Park,North,Prospecting,1000,2026-11-{20 + n:02d},2026-10-01",
            f"D2,Nia Park,North,Negotiation,{2000 + 100 * n},2026-11-25,2026-10-01"]
    rows += [f"N{i},Omar Li,South,Prospecting,500,2026-12-15,2026-10-{10 + i:02d}" for i in range(n)]
    return HEAD + "\n".join(rows).encode() + b"\n"


FILES = [("deals_week3.csv", week(3)), ("deals_09.11.2026.csv", week(2)), ("deals_2026-11-02.csv", week(1))]


def series(at, files):
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="series_uploader").set_value([(n, d, "text/csv") for n, d in files]).run()
    return at


def texts(at, kind: str) -> str:
    return " ".join(str(e.value) for e in getattr(at, kind))


def test_detected_dates_are_shown_an_undated_file_is_refused_until_dated(_isolated_workspace):
    at = series(start({"lang": "en"}), FILES)
    assert not at.exception
    shown = texts(at, "markdown")
    assert "date found in the name: 2026-11-02" in shown and "date found in the name: 2026-11-09" in shown
    assert "**deals\\_week3\\.csv** · no date in the name: enter it" in shown  # the name escaped
    assert "No date for deals_week3.csv" in texts(at, "error")
    button = at.button(key="series_publish")
    assert button.disabled
    confirm = at.dataframe[0].value
    assert [str(d)[:10] for d in confirm.iloc[:, 0]] == ["2026-11-02", "2026-11-09"]  # oldest first
    assert confirm.iloc[:, 2].tolist() == [3, 4]

    at.date_input(key=f"series_date:{content_hash(week(3))}").set_value(date(2026, 11, 16)).run()
    assert_clean(at)
    assert "No date" not in texts(at, "error")
    assert not at.button(key="series_publish").disabled
    at.button(key="series_publish").click().run()
    assert_clean(at)
    assert "Published 3 snapshots, 2026-11-02 to 2026-11-16" in texts(at, "success")

    ws = Workspace(_isolated_workspace)
    con = duckdb.connect()
    ws.load_snapshots_into(con)
    index = snapshots.snapshot_list(con)
    assert [str(d)[:10] for d in index["taken_on"]] == ["2026-11-02", "2026-11-09", "2026-11-16"]
    assert index["rows"].tolist() == [3, 4, 5] and index["version"].tolist() == [1, 2, 3]
    assert len(ws.tables()["deals"]) == 5  # the newest export is the team's deals


def test_two_files_on_one_day_are_refused(_isolated_workspace):
    at = series(start({"lang": "en"}), [("deals_2026-11-02.csv", week(1)), ("deals 20261102.csv", week(2))])
    assert not at.exception
    assert "are all dated 2026-11-02" in texts(at, "error")
    assert at.button(key="series_publish").disabled


def test_a_file_that_is_not_deals_is_refused(_isolated_workspace):
    targets = b"Period,Owner,Target\n2026-11,Nia Park,2000\n"
    at = series(start({"lang": "en"}), [("deals_2026-11-02.csv", week(1)), ("targets_2026-11-09.csv", targets)])
    assert not at.exception
    assert "targets_2026-11-09.csv: not one deals table" in texts(at, "error")
    assert at.button(key="series_publish").disabled


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_the_series_tab_speaks_chinese(_isolated_workspace, lang):
    at = series(start({"lang": lang}), FILES[:1])
    assert not at.exception
    assert "请输入每个文件的导出日期" in texts(at, "error") or "請輸入每個檔案的匯出日期" in texts(at, "error")
