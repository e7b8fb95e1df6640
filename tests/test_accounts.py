"""Built-in accounts: argon2 hashes, sign-in, lock-out on a pinned clock, unlock, concurrent
writers, and an audit trail that never holds a hash."""

from __future__ import annotations

import json
import multiprocessing
from datetime import UTC, datetime, timedelta

import pytest

from analytics.access import User
from analytics.store import accounts, audit
from analytics.store.accounts import AccountError, Refusal

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path):
    accounts.add(tmp_path, "cli:test", "boss@x.com", "director", "boss-secret", display_name="Bo Ss")
    accounts.add(tmp_path, "cli:test", "wei@x.com", "rep", "wei-secret1", display_name="Wei Zhang",
                 rep="Zhang Wei", teams=("North",))
    return tmp_path


def test_password_is_stored_as_an_argon2_hash_in_a_private_file(folder):
    raw = accounts.accounts_path(folder).read_text()
    assert "wei-secret1" not in raw
    stored = json.loads(raw)["accounts"][1]["password_hash"]
    assert stored.startswith("$argon2id$")
    assert accounts.accounts_path(folder).stat().st_mode & 0o777 == 0o600


def test_verify_maps_the_account_to_its_rep_in_the_data(folder):
    user = accounts.verify(folder, " WEI@x.com ", "wei-secret1", T0)
    assert user == User("wei@x.com", "Wei Zhang", "rep", "Zhang Wei", ("North",))


def test_wrong_and_unknown_are_refused(folder):
    assert accounts.verify(folder, "wei@x.com", "nope", T0) == Refusal("wrong")
    assert accounts.verify(folder, "ghost@x.com", "nope", T0) == Refusal("unknown")


def test_five_wrong_passwords_lock_for_fifteen_minutes(folder):
    for _ in range(4):
        assert accounts.verify(folder, "wei@x.com", "nope", T0) == Refusal("wrong")
    until = T0 + timedelta(minutes=15)
    assert accounts.verify(folder, "wei@x.com", "nope", T0) == Refusal("locked", until)
    # while locked even the right password is refused, without being checked
    assert accounts.verify(folder, "wei@x.com", "wei-secret1", T0 + timedelta(minutes=14)) == Refusal("locked", until)
    assert isinstance(accounts.verify(folder, "wei@x.com", "wei-secret1", until + timedelta(seconds=1)), User)


def test_a_correct_password_resets_the_count(folder):
    for _ in range(4):
        accounts.verify(folder, "wei@x.com", "nope", T0)
    assert isinstance(accounts.verify(folder, "wei@x.com", "wei-secret1", T0), User)
    for _ in range(4):
        assert accounts.verify(folder, "wei@x.com", "nope", T0) == Refusal("wrong")


def test_unknown_logins_lock_the_same_way_so_a_lock_does_not_reveal_an_account(folder):
    answers = [accounts.verify(folder, "ghost@x.com", "nope", T0) for _ in range(5)]
    assert answers[-1] == Refusal("locked", T0 + timedelta(minutes=15))


def test_unlock_and_password_reset_lift_the_lock(folder):
    for _ in range(5):
        accounts.verify(folder, "wei@x.com", "nope", T0)
    accounts.unlock(folder, "boss@x.com", "wei@x.com")
    assert isinstance(accounts.verify(folder, "wei@x.com", "wei-secret1", T0), User)
    for _ in range(5):
        accounts.verify(folder, "wei@x.com", "nope", T0)
    accounts.set_password(folder, "boss@x.com", "wei@x.com", "brand-new-pass")
    assert accounts.verify(folder, "wei@x.com", "wei-secret1", T0) == Refusal("wrong")
    assert isinstance(accounts.verify(folder, "wei@x.com", "brand-new-pass", T0), User)


def test_changes_are_checked(folder):
    with pytest.raises(AccountError, match="already exists"):
        accounts.add(folder, "t", "WEI@x.com", "rep", "long-enough")
    with pytest.raises(AccountError, match="not a role"):
        accounts.set_role(folder, "t", "wei@x.com", "king")
    with pytest.raises(AccountError, match="too short"):
        accounts.add(folder, "t", "new@x.com", "rep", "short")
    with pytest.raises(AccountError, match="last director"):
        accounts.set_role(folder, "t", "boss@x.com", "rep")
    with pytest.raises(AccountError, match="last director"):
        accounts.remove(folder, "t", "boss@x.com")
    with pytest.raises(AccountError, match="No account"):
        accounts.remove(folder, "t", "ghost@x.com")


def test_team_mode_when_accounts_or_a_provider_exist(tmp_path, folder):
    assert not accounts.team_mode(tmp_path / "empty", {})
    assert accounts.team_mode(folder, {})
    oidc = {"auth": {"redirect_uri": "u", "cookie_secret": "s", "client_id": "c", "client_secret": "s",
                     "server_metadata_url": "http://idp.example.com/.well-known/openid-configuration"}}
    assert accounts.team_mode(tmp_path / "empty", oidc)
    assert accounts.oidc_providers(oidc) == [(None, "idp.example.com")]
    assert accounts.oidc_providers({"auth": {"redirect_uri": "u"}}) == []


def test_every_change_is_audited_without_a_hash(folder):
    accounts.set_role(folder, "boss@x.com", "wei@x.com", "manager")
    accounts.update(folder, "boss@x.com", "wei@x.com", teams=("North", "South"), grant_pay=True)
    accounts.set_password(folder, "boss@x.com", "wei@x.com", "another-pass")
    for _ in range(5):
        accounts.verify(folder, "wei@x.com", "nope", T0)
    accounts.unlock(folder, "boss@x.com", "wei@x.com")
    accounts.remove(folder, "boss@x.com", "wei@x.com")
    log = audit.read(folder)
    assert list(log["action"])[::-1] == ["user.add", "user.add", "user.role", "user.edit", "user.password",
                                         "user.locked", "user.unlock", "user.remove"]
    role = log[log["action"] == "user.role"].iloc[0]
    assert (json.loads(role["before"]), json.loads(role["after"])) == ({"role": "rep"}, {"role": "manager"})
    text = audit.audit_path(folder).read_text()
    assert "$argon2" not in text and "password_hash" not in text and "another-pass" not in text


def _add_many(args):
    folder, start = args
    for i in range(start, start + 5):
        accounts.add(folder, "t", f"user{i}@x.com", "rep", "long-enough-pw")


def test_concurrent_writers_lose_nothing(tmp_path):
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        pool.map(_add_many, [(tmp_path, n) for n in (0, 5, 10, 15)])
    assert len(accounts.list_accounts(tmp_path)) == 20
    assert len(audit.read(tmp_path)) == 20


def test_the_audit_download_neutralises_formulas_in_logins(tmp_path):
    from analytics.outputs.export import to_csv_bytes

    accounts.add(tmp_path, "=cmd|' /C calc'!A0", "@evil", "director", "long-enough")
    csv = to_csv_bytes(audit.read(tmp_path)).decode("utf-8-sig")
    assert "'=cmd" in csv and "'@evil" in csv
    assert "\n=cmd" not in csv and ",=cmd" not in csv and ",@evil" not in csv
