"""Built-in accounts for team mode: who may sign in, with which role, and as which rep.

Kept in ``<workspace>/accounts.json`` (mode 0600). Every change is a read-modify-write under an
exclusive ``fcntl`` lock on a side file, written to a temporary file and renamed over the old
one, so two app processes and the CLI never lose each other's changes and a reader never sees
half a file. Passwords are stored only as argon2 hashes (argon2-cffi's ``PasswordHasher``).

An account's ``rep`` is the rep's name *as the workspace's data spells it*: it is the name
mapping ("Wei Zhang" signs in, the data says "Zhang Wei").

Lock-out: :data:`MAX_FAILURES` wrong passwords in a row lock the login for
:data:`LOCK_MINUTES` minutes; a correct password resets the count. While locked, no password is
checked at all (so a locked login cannot be guessed). Unknown logins are counted and locked the
same way, so the answers never tell whether a login exists.

Every change is recorded with :func:`analytics.store.audit.record` (never a hash).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from analytics.access import ROLES, Role, User
from analytics.messages import Problem
from analytics.store import audit
from analytics.store.documents import Documents, docs_of

FILE_NAME = "accounts.json"
MAX_FAILURES = 5
LOCK_MINUTES = 15
#: Unknown logins whose failures are remembered (the oldest are forgotten first).
MAX_UNKNOWN = 500

_HASHER = PasswordHasher()
#: Checked against for an unknown login, so it costs the same time as a known one.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class AccountError(Exception):
    """A change that cannot be made (unknown login, bad role, last director …)."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.text("en"))


@dataclass(frozen=True)
class Account:
    login: str
    display_name: str
    role: Role
    rep: str | None = None
    teams: tuple[str, ...] = ()
    grant_pay: bool = False
    grant_data: bool = False
    password_hash: str = field(default="", repr=False)
    failed_attempts: int = 0
    locked_until: datetime | None = None

    def user(self) -> User:
        return User(self.login, self.display_name, self.role, self.rep, self.teams, self.grant_pay, self.grant_data)

    def public(self) -> dict[str, Any]:
        """What may be shown and audited: everything but the hash."""
        return {"login": self.login, "display_name": self.display_name, "role": self.role, "rep": self.rep,
                "teams": list(self.teams), "grant_pay": self.grant_pay, "grant_data": self.grant_data}


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in was refused. The UI says "wrong login or password" for both ``unknown`` and
    ``wrong``, and names the time for ``locked``."""

    reason: Literal["unknown", "wrong", "locked"]
    locked_until: datetime | None = None


def accounts_path(folder: Path) -> Path:
    return Path(folder) / FILE_NAME


def normal_login(login: str) -> str:
    """Logins (often e-mail addresses) compare without case and surrounding spaces."""
    return login.strip().casefold()


# --- the file --------------------------------------------------------------------------------

def _to_json(a: Account) -> dict[str, Any]:
    data = asdict(a)
    data["teams"] = list(a.teams)
    data["locked_until"] = a.locked_until.isoformat() if a.locked_until else None
    return data


def _from_json(d: Mapping[str, Any]) -> Account:
    until = d.get("locked_until")
    return Account(login=str(d["login"]), display_name=str(d.get("display_name") or d["login"]),
                   role=d["role"], rep=d.get("rep") or None, teams=tuple(d.get("teams") or ()),
                   grant_pay=bool(d.get("grant_pay")), grant_data=bool(d.get("grant_data")),
                   password_hash=str(d.get("password_hash") or ""),
                   failed_attempts=int(d.get("failed_attempts") or 0),
                   locked_until=datetime.fromisoformat(until) if until else None)


def _read(folder: Path | Documents) -> dict[str, Any]:
    text = docs_of(folder).read(FILE_NAME)
    if text is None:
        return {"accounts": [], "unknown": {}}
    data = json.loads(text)
    data.setdefault("accounts", [])
    data.setdefault("unknown", {})
    return data


def _write(folder: Path | Documents, data: dict[str, Any]) -> None:
    docs_of(folder).write(FILE_NAME, json.dumps(data, ensure_ascii=False, indent=1))


@contextmanager
def _locked(folder: Path | Documents) -> Iterator[dict[str, Any]]:
    """The accounts' content, held under the store's exclusive lock; written back on exit."""
    docs = docs_of(folder)
    with docs.locked(FILE_NAME):
        data = _read(docs)
        before = json.dumps(data, sort_keys=True)
        yield data
        if json.dumps(data, sort_keys=True) != before:
            _write(docs, data)


def _find(data: dict[str, Any], login: str) -> int | None:
    wanted = normal_login(login)
    for i, d in enumerate(data["accounts"]):
        if normal_login(d["login"]) == wanted:
            return i
    return None


def _get(data: dict[str, Any], login: str) -> tuple[int, Account]:
    i = _find(data, login)
    if i is None:
        raise AccountError(Problem("accounts.unknown_login", {"login": login}))
    return i, _from_json(data["accounts"][i])


def _check_role(role: str) -> Role:
    if role not in ROLES:
        raise AccountError(Problem("accounts.bad_role", {"role": role, "roles": ", ".join(ROLES)}))
    return role  # type: ignore[return-value]


def _check_password(password: str) -> None:
    if len(password) < 8:
        raise AccountError(Problem("accounts.short_password", {"min": 8}))


def _directors(data: dict[str, Any]) -> int:
    return sum(1 for d in data["accounts"] if d["role"] == "director")


# --- reading ---------------------------------------------------------------------------------

def list_accounts(folder: Path) -> list[Account]:
    """Every account, by login."""
    return sorted((_from_json(d) for d in _read(folder)["accounts"]), key=lambda a: normal_login(a.login))


def get(folder: Path, login: str) -> Account | None:
    data = _read(folder)
    i = _find(data, login)
    return None if i is None else _from_json(data["accounts"][i])


def oidc_providers(secrets: Mapping[str, Any] | None) -> list[tuple[str | None, str]]:
    """The identity providers configured in ``[auth]`` of ``secrets.toml``, as
    (name for ``st.login``, what to call it): the unnamed one (None) is called by its host."""
    auth = (secrets or {}).get("auth") if secrets is not None else None
    if not isinstance(auth, Mapping):
        return []
    found: list[tuple[str | None, str]] = []
    if auth.get("client_id") and auth.get("server_metadata_url"):
        from urllib.parse import urlparse

        found.append((None, urlparse(str(auth["server_metadata_url"])).hostname or "OIDC"))
    for name, section in auth.items():
        if isinstance(section, Mapping) and section.get("client_id") and section.get("server_metadata_url"):
            found.append((str(name), str(name).replace("_", " ").title()))
    return found


def team_mode(folder: Path, secrets: Mapping[str, Any] | None = None) -> bool:
    """True when accounts exist in the workspace or an identity provider is configured."""
    return bool(_read(folder)["accounts"]) or bool(oidc_providers(secrets))


# --- changes ---------------------------------------------------------------------------------

def add(folder: Path, who: str, login: str, role: str, password: str | None, *, display_name: str | None = None,
        rep: str | None = None, teams: tuple[str, ...] = (), grant_pay: bool = False,
        grant_data: bool = False) -> Account:
    """A new account. ``password`` None: the person signs in through the identity provider only."""
    login = login.strip()
    if not login:
        raise AccountError(Problem("accounts.empty_login"))
    role_ = _check_role(role)
    if password is not None:
        _check_password(password)
    with _locked(folder) as data:
        if _find(data, login) is not None:
            raise AccountError(Problem("accounts.exists", {"login": login}))
        account = Account(login, (display_name or "").strip() or login, role_, (rep or "").strip() or None,
                          tuple(t.strip() for t in teams if t.strip()), grant_pay, grant_data,
                          _HASHER.hash(password) if password is not None else "")
        data["accounts"].append(_to_json(account))
        data["unknown"].pop(normal_login(login), None)
    audit.record(folder, who, "user.add", login, None, account.public())
    return account


def remove(folder: Path, who: str, login: str) -> None:
    with _locked(folder) as data:
        i, account = _get(data, login)
        if account.role == "director" and _directors(data) == 1 and len(data["accounts"]) > 1:
            raise AccountError(Problem("accounts.last_director"))
        del data["accounts"][i]
    audit.record(folder, who, "user.remove", account.login, account.public(), None)


def update(folder: Path, who: str, login: str, *, role: str | None = None, display_name: str | None = None,
           rep: str | None = None, teams: tuple[str, ...] | None = None, grant_pay: bool | None = None,
           grant_data: bool | None = None) -> Account:
    """Change an account's role, name, rep, teams or grants (None: unchanged; ``rep=""``: none)."""
    with _locked(folder) as data:
        i, old = _get(data, login)
        changes: dict[str, Any] = {}
        if role is not None:
            changes["role"] = _check_role(role)
            if old.role == "director" and role != "director" and _directors(data) == 1:
                raise AccountError(Problem("accounts.last_director"))
        if display_name is not None:
            changes["display_name"] = display_name.strip() or old.login
        if rep is not None:
            changes["rep"] = rep.strip() or None
        if teams is not None:
            changes["teams"] = tuple(t.strip() for t in teams if t.strip())
        if grant_pay is not None:
            changes["grant_pay"] = grant_pay
        if grant_data is not None:
            changes["grant_data"] = grant_data
        new = replace(old, **changes)
        data["accounts"][i] = _to_json(new)
    before = {k: v for k, v in old.public().items() if new.public()[k] != v}
    after = {k: new.public()[k] for k in before}
    if before:
        audit.record(folder, who, "user.role" if set(before) == {"role"} else "user.edit", old.login, before, after)
    return new


def set_role(folder: Path, who: str, login: str, role: str) -> Account:
    return update(folder, who, login, role=role)


def set_password(folder: Path, who: str, login: str, password: str) -> None:
    """A new password; also lifts a lock-out (a director reset it on purpose)."""
    _check_password(password)
    with _locked(folder) as data:
        i, old = _get(data, login)
        data["accounts"][i] = _to_json(replace(old, password_hash=_HASHER.hash(password), failed_attempts=0,
                                               locked_until=None))
    audit.record(folder, who, "user.password", old.login)


def unlock(folder: Path, who: str, login: str) -> None:
    with _locked(folder) as data:
        i, old = _get(data, login)
        data["accounts"][i] = _to_json(replace(old, failed_attempts=0, locked_until=None))
    audit.record(folder, who, "user.unlock", old.login, {"locked_until": old.locked_until}, None)


# --- signing in ------------------------------------------------------------------------------

def verify(folder: Path, login: str, password: str, now: datetime | None = None) -> User | Refusal:
    """The account's user when ``password`` is right; else why not.

    A locked login is refused without checking the password. Every wrong answer counts, for
    unknown logins too (remembered separately, at most :data:`MAX_UNKNOWN`)."""
    now = now or datetime.now(UTC)
    key = normal_login(login)
    locked_now: datetime | None = None
    with _locked(folder) as data:
        i = _find(data, login)
        if i is None:
            entry = data["unknown"].get(key) or {"failed": 0, "locked_until": None}
            until = datetime.fromisoformat(entry["locked_until"]) if entry["locked_until"] else None
            if until and until > now:
                return Refusal("locked", until)
            _check_hash(_DUMMY_HASH, password)  # the same time as a known login
            failed = (0 if until else entry["failed"]) + 1
            locked = now + timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILURES else None
            data["unknown"][key] = {"failed": 0 if locked else failed,
                                    "locked_until": locked.isoformat() if locked else None}
            if len(data["unknown"]) > MAX_UNKNOWN:
                for old in list(data["unknown"])[: len(data["unknown"]) - MAX_UNKNOWN]:
                    del data["unknown"][old]
            return Refusal("locked", locked) if locked else Refusal("unknown")
        account = _from_json(data["accounts"][i])
        if account.locked_until and account.locked_until > now:
            return Refusal("locked", account.locked_until)
        ok = bool(account.password_hash) and _check_hash(account.password_hash, password)
        if ok:
            new = replace(account, failed_attempts=0, locked_until=None)
            if _HASHER.check_needs_rehash(account.password_hash):
                new = replace(new, password_hash=_HASHER.hash(password))
            data["accounts"][i] = _to_json(new)
            return new.user()
        failed = (0 if account.locked_until else account.failed_attempts) + 1
        if failed >= MAX_FAILURES:
            locked_now = now + timedelta(minutes=LOCK_MINUTES)
            data["accounts"][i] = _to_json(replace(account, failed_attempts=0, locked_until=locked_now))
        else:
            data["accounts"][i] = _to_json(replace(account, failed_attempts=failed, locked_until=None))
    if locked_now:
        audit.record(folder, "system", "user.locked", account.login, None, {"locked_until": locked_now}, at=now)
        return Refusal("locked", locked_now)
    return Refusal("wrong")


def _check_hash(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def user_for_login(folder: Path, login: str) -> User | None:
    """The user of an account named by an identity provider (its e-mail), or None."""
    account = get(folder, login)
    return account.user() if account else None
