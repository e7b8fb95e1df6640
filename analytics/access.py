"""Who sees what: the signed-in person, their role, and the scope every read and change obeys.

Two modes:

- *personal* (no accounts configured, e.g. on a laptop): one person is everyone, and
  ``Scope.personal()`` allows everything, as before accounts existed;
- *team* (accounts exist in the workspace, or an identity provider is configured): every page
  needs a signed-in ``User``, and ``Scope.for_user(user)`` is what that person may read and do.

The scope is applied where data is read (the shared context, analytics calls, downloads, the
report, the CLI, Explore's tables and SQL, meeting mode), never by hiding widgets alone. URL
parameters may narrow a scope (``Scope.narrow``) but never widen it.

| role     | rows they read                   | pay they see         | may change           |
|----------|----------------------------------|----------------------|----------------------|
| director | everything                       | everyone's           | data, settings, plan |
| manager  | their team(s)                    | their team(s)'s      | nothing shared       |
| rep      | their own (+ team/company totals | their own only       | nothing shared       |
|          | and an attainment leaderboard)   |                      |                      |
| analyst  | everything (data and Explore)    | none, unless granted | data, if granted     |
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from analytics.filters import Filters

Role = Literal["director", "manager", "rep", "analyst"]
ROLES: tuple[Role, ...] = ("director", "manager", "rep", "analyst")
Mode = Literal["personal", "team"]


@dataclass(frozen=True)
class User:
    """A signed-in person. ``login`` is the account name, or the identity provider's e-mail.

    ``rep`` and ``teams`` are names *as they appear in the workspace's data* (the account's
    mapping resolves differences such as "Wei Zhang" vs "Zhang Wei").
    """

    login: str
    display_name: str
    role: Role
    rep: str | None = None
    teams: tuple[str, ...] = ()
    grant_pay: bool = False  # an analyst allowed to see pay
    grant_data: bool = False  # an analyst allowed to publish and roll back


@dataclass(frozen=True)
class Scope:
    """What one session may read and change. Hashable: it is part of every cache key."""

    mode: Mode
    user: User | None = None

    @staticmethod
    def personal() -> Scope:
        return Scope("personal", None)

    @staticmethod
    def for_user(user: User) -> Scope:
        return Scope("team", user)

    @property
    def role(self) -> Role:
        return "director" if self.user is None else self.user.role

    # --- rows -------------------------------------------------------------------------------
    @property
    def row_filters(self) -> Filters:
        """The slice of deal-level rows this scope may read (empty = all rows)."""
        if self.mode == "personal" or self.user is None:
            return Filters()
        if self.role == "manager":
            return Filters(team=self.user.teams or ("\x00no team",))
        if self.role == "rep":
            return Filters(rep=(self.user.rep or "\x00no rep",))
        return Filters()

    def narrow(self, asked: Filters) -> tuple[Filters, bool]:
        """``asked`` (e.g. from the URL) intersected with this scope, and whether it was widened
        beyond the scope (so the page can say "this link named another rep; showing yours")."""
        allowed = self.row_filters
        widened = False
        values = asked.active()
        for dim, mine in allowed.active().items():
            want = values.get(dim, ())
            keep = tuple(v for v in want if v in mine)
            if want and len(keep) < len(want):
                widened = True
            values[dim] = keep or mine
        return Filters(**values), widened

    # --- pay --------------------------------------------------------------------------------
    def sees_pay_of(self, rep: str | None, team: str | None) -> bool:
        if self.mode == "personal" or self.user is None:
            return True
        u = self.user
        if u.role == "director":
            return True
        if u.role == "manager":
            return team is not None and team in u.teams
        if u.role == "rep":
            return rep is not None and rep == u.rep
        return u.grant_pay

    # --- changes ----------------------------------------------------------------------------
    @property
    def may_change_data(self) -> bool:
        """Publish, roll back, restore, pin versions."""
        return self.role == "director" or (self.role == "analyst" and bool(self.user and self.user.grant_data))

    @property
    def may_change_settings(self) -> bool:
        """Settings, the commission plan, KPI weights, accounts."""
        return self.role == "director"

    def with_user(self, **changes: object) -> Scope:
        assert self.user is not None
        return replace(self, user=replace(self.user, **changes))  # type: ignore[arg-type]

    # --- refusals and the audit's "who" -----------------------------------------------------
    @property
    def who(self) -> str:
        """The name the audit trail records: the login, else ``personal``."""
        return self.user.login if self.user is not None else "personal"

    def require(self, right: Right) -> None:
        """Raise :class:`ChangeRefused` unless this scope may make changes of kind ``right``."""
        allowed = self.may_change_data if right == "data" else self.may_change_settings
        if not allowed:
            raise ChangeRefused(right, self)


#: The two kinds of shared change: the team's data (publish, rollback, restore, pin, backup) and
#: the settings (Settings, the commission plan, KPI weights).
Right = Literal["data", "settings"]


class ChangeRefused(Exception):
    """A change this scope may not make; ``problem`` names it for the page and the CLI."""

    def __init__(self, right: Right, scope: Scope):
        from analytics.i18n import Key
        from analytics.messages import Problem

        self.right = right
        # the role in the reader's language (销售代表, not "rep")
        self.problem = Problem(f"scope.refused.{right}", {"login": scope.who, "role": Key(f"role.{scope.role}")})
        super().__init__(self.problem.text("en"))

    def text(self, lang: str = "en") -> str:
        return self.problem.text(lang)  # type: ignore[arg-type]
