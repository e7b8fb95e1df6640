"""``python -m analytics users …`` and ``audit``: accounts from the command line, exit codes,
messages in the chosen language, and the audit log."""

from __future__ import annotations

import io
import json

import pytest

from analytics.access import User
from analytics.outputs import cli
from analytics.store import accounts


def run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_sign_in(capsys, monkeypatch, _isolated_workspace):
    code, out, _ = run(capsys, monkeypatch, "users", "add", "wei@x.com", "--role", "rep", "--name", "Wei Zhang",
                       "--rep", "Zhang Wei", "--team", "North", "--team", "East", "--password-stdin",
                       stdin="wei-secret1\n")
    assert code == 0 and "added" in out
    assert accounts.verify(_isolated_workspace, "wei@x.com", "wei-secret1") == \
        User("wei@x.com", "Wei Zhang", "rep", "Zhang Wei", ("North", "East"))
    code, out, _ = run(capsys, monkeypatch, "users", "list", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["login"] for r in rows] == ["wei@x.com"]
    assert rows[0]["teams"] == "North, East" and "hash" not in out and "argon" not in out


def test_password_typed_twice_must_match(capsys, monkeypatch, _isolated_workspace):
    answers = iter(["first-password", "other-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run(capsys, monkeypatch, "users", "add", "a@x.com", "--role", "director")
    assert code == 2 and "differ" in err
    assert accounts.list_accounts(_isolated_workspace) == []


def test_set_role_set_password_unlock_remove(capsys, monkeypatch, _isolated_workspace):
    run(capsys, monkeypatch, "users", "add", "boss@x.com", "--role", "director", "--password-stdin",
        stdin="boss-secret\n")
    run(capsys, monkeypatch, "users", "add", "ana@x.com", "--role", "analyst", "--no-password")
    assert run(capsys, monkeypatch, "users", "set-role", "ana@x.com", "manager")[0] == 0
    assert accounts.get(_isolated_workspace, "ana@x.com").role == "manager"
    assert run(capsys, monkeypatch, "users", "set-password", "ana@x.com", "--password-stdin",
               stdin="ana-secret1\n")[0] == 0
    for _ in range(5):
        accounts.verify(_isolated_workspace, "ana@x.com", "nope")
    assert accounts.verify(_isolated_workspace, "ana@x.com", "ana-secret1").reason == "locked"
    assert run(capsys, monkeypatch, "users", "unlock", "ana@x.com")[0] == 0
    assert isinstance(accounts.verify(_isolated_workspace, "ana@x.com", "ana-secret1"), User)
    assert run(capsys, monkeypatch, "users", "remove", "ana@x.com")[0] == 0
    assert accounts.get(_isolated_workspace, "ana@x.com") is None


@pytest.mark.parametrize(("argv", "stdin", "message"), [
    (("users", "remove", "nobody"), "", "没有登录名为 'nobody' 的账户"),
    (("users", "add", "x@x.com", "--role", "rep", "--password-stdin"), "short\n", "密码太短"),
    (("users", "set-role", "boss@x.com", "rep"), "", "最后一位总监"),
])
def test_refusals_exit_2_with_a_message_in_the_language(capsys, monkeypatch, argv, stdin, message):
    run(capsys, monkeypatch, "users", "add", "boss@x.com", "--role", "director", "--password-stdin",
        stdin="boss-secret\n")
    code, _, err = run(capsys, monkeypatch, "--lang", "zh", *argv, stdin=stdin)
    assert code == 2 and message in err and "Traceback" not in err


def test_audit_lists_the_changes_newest_first(capsys, monkeypatch):
    run(capsys, monkeypatch, "users", "add", "boss@x.com", "--role", "director", "--password-stdin",
        stdin="boss-secret\n")
    run(capsys, monkeypatch, "users", "add", "wei@x.com", "--role", "rep", "--no-password")
    run(capsys, monkeypatch, "users", "set-role", "wei@x.com", "manager")
    code, out, _ = run(capsys, monkeypatch, "audit", "--limit", "2", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["action"] for r in rows] == ["user.role", "user.add"]
    assert rows[0]["who"].startswith("cli:") and json.loads(rows[0]["after"]) == {"role": "manager"}
