"""Saved views (analytics/views.py): round trip, replace, delete, validation on load, atomic writes."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime

import pytest

from analytics.messages import InputError
from analytics.store import files, views

PIVOT = {"xt": "deals", "xr": ["team"], "xv": "amount", "xa": "sum", "xf": ["status"], "xf:status": ["won"]}
NOW = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


@pytest.fixture()
def path(tmp_path):
    return tmp_path / "ws" / "saved_views.json"


def test_round_trip_replace_and_delete(path):
    assert views.list_views(path) == []  # no file yet: no views, no problem
    assert views.load_views(path) == ([], [])
    first = views.make_view("  Won revenue   by team ", "pivot", PIVOT, now=NOW)
    assert first.name == "Won revenue by team"  # trimmed, inner spaces made one
    assert first.saved_at == "2026-11-30T09:30:00+00:00"
    assert views.save_view(path, first) is False  # new
    sql = views.make_view("大客户", "sql", {"xm": "sql", "xq": "SELECT 1"})
    views.save_view(path, sql)
    names = [v.name for v in views.list_views(path)]
    assert names == ["Won revenue by team", "大客户"]
    got = views.get_view(path, "Won revenue by team")
    assert got is not None and got.kind == "pivot" and got.params == PIVOT
    assert views.get_view(path, " Won revenue  by team") == got  # looked up by the cleaned name
    # the same name again replaces, it does not duplicate
    again = views.make_view("Won revenue by team", "pivot", {**PIVOT, "xa": "mean"})
    assert views.save_view(path, again) is True
    assert [v.params["xa"] for v in views.list_views(path) if v.kind == "pivot"] == ["mean"]
    assert len(views.list_views(path)) == 2
    assert views.delete_view(path, "大客户") is True
    assert views.delete_view(path, "大客户") is False
    assert [v.name for v in views.list_views(path)] == ["Won revenue by team"]
    # the file is plain JSON with a format version, Chinese kept readable
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["version"] == 1 and body["views"][0]["params"]["xf:status"] == ["won"]
    assert not list(path.parent.glob("*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize("name", ["", "   ", "x" * 61, "two\nlines", "tab\there", None, 5])
def test_bad_names_are_refused(name):
    with pytest.raises(InputError) as error:
        views.make_view(name, "pivot", {})
    assert "1 to 60" in error.value.text("en") and "1 到 60" in error.value.text("zh")


def test_bad_kind_and_params_are_refused():
    with pytest.raises(InputError):
        views.make_view("v", "chart", {})
    for params in ({"lang": "zh"}, {"xt": 3}, {"xr": ["a", 1]}, {"xq": "s" * 20_001}, [("xt", "deals")],
                   {f"x{i}": "v" for i in range(41)}):
        with pytest.raises(InputError):
            views.make_view("v", "pivot", params)  # type: ignore[arg-type]
    ok = views.make_view("v", "pivot", {"xf:Close date (月)": ["2026-10"]})  # any column name after xf:
    assert ok.params == {"xf:Close date (月)": ["2026-10"]}


def test_invalid_entries_are_skipped_on_load(path):
    path.parent.mkdir(parents=True)
    good = views.make_view("Good", "pivot", PIVOT, now=NOW).to_json()
    path.write_text(json.dumps({"version": 1, "views": [
        good,
        {"name": "Evil", "kind": "pivot", "params": {"lang": "zh", "team": "East"}},  # not Explore keys
        {"name": "", "kind": "sql", "params": {}},
        "just text",
        {"name": "Odd date", "kind": "sql", "params": {"xq": "SELECT 1"}, "saved_at": "yesterday"},
    ]}), encoding="utf-8")
    loaded, problems = views.load_views(path)
    assert [v.name for v in loaded] == ["Good", "Odd date"]
    assert loaded[0].saved_at == "2026-11-30T09:30:00+00:00"
    assert loaded[1].saved_at != "yesterday"  # an unreadable stamp is replaced, the view kept
    assert len(problems) == 3 and all(p.code == views.VIEW_SKIPPED for p in problems)
    assert "Evil" in problems[0].text("en")


def test_unreadable_file_is_kept_aside_not_lost(path):
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    loaded, problems = views.load_views(path)
    assert loaded == [] and [p.code for p in problems] == [views.VIEWS_UNREADABLE]
    assert "saved_views.json.broken" in problems[0].text("en")
    assert views.delete_view(path, "anything") is False
    assert path.read_text(encoding="utf-8") == "{not json"  # a delete does not touch it
    views.save_view(path, views.make_view("New", "sql", {"xq": "SELECT 1"}))
    assert (path.parent / "saved_views.json.broken").read_text(encoding="utf-8") == "{not json"
    assert [v.name for v in views.list_views(path)] == ["New"]
    # a JSON file of the wrong shape is unreadable too
    path.write_text("[1, 2]", encoding="utf-8")
    assert [p.code for p in views.load_views(path)[1]] == [views.VIEWS_UNREADABLE]


def test_a_failed_write_leaves_the_old_file(path, monkeypatch):
    views.save_view(path, views.make_view("Kept", "sql", {"xq": "SELECT 1"}))
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    # every document is written through analytics.store.files.write_atomic
    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        views.save_view(path, views.make_view("Lost", "sql", {"xq": "SELECT 2"}))
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.tmp"))


def test_concurrent_saves_keep_every_view(path):
    def save(i: int) -> None:
        views.save_view(path, views.make_view(f"view {i:02d}", "sql", {"xq": f"SELECT {i}"}))

    threads = [threading.Thread(target=save, args=(i,)) for i in range(12)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert [v.name for v in views.list_views(path)] == [f"view {i:02d}" for i in range(12)]


def test_too_many_views(path, monkeypatch):
    monkeypatch.setattr(views, "MAX_VIEWS", 2)
    views.save_view(path, views.make_view("a", "sql", {}))
    views.save_view(path, views.make_view("b", "sql", {}))
    views.save_view(path, views.make_view("b", "sql", {"xq": "SELECT 1"}))  # replacing is fine
    with pytest.raises(InputError):
        views.save_view(path, views.make_view("c", "sql", {}))
