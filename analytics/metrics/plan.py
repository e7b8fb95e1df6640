"""Commission plans (a YAML or JSON file): parsing, validation and the default plan.

The payouts a plan produces are in ``analytics.metrics.payouts``.

A plan has tiers by attainment, each with a rate on the revenue in that slice (``marginal``)
or on all revenue once reached (``retroactive``), an optional threshold, cap, CSAT gate or
multiplier, and a team pool. The schema is documented in ``docs/commission_plan.md``; loading a
plan never raises: it returns the plan (or None) and readable problems in English and Chinese.

Money is in the data's currency; attainment, thresholds, tier bounds and rates are fractions
(0.8 = 80 %). Order of work per rep: threshold → tiers → CSAT gate/multiplier → cap; the team
share is added after the cap (the cap limits the rep's own commission only).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from analytics.messages import InputError, Problem
from analytics.periods import Period, parse_period

if TYPE_CHECKING:
    from analytics.store.workspace import Workspace

MODES = ("marginal", "retroactive")
BASES = ("revenue",)
EFFECTS = ("gate", "multiplier")
SPLITS = ("equal", "contribution")
POOL_WHEN = ("team_reaches_target",)
#: Months in each payout period a plan can state; a cap or a fixed pool amount is per payout period.
PAYOUT_PERIODS = {"month": 1, "quarter": 3, "year": 12}
KINDS = ("no_target", "threshold", "tier", "csat_gate", "csat_multiplier", "cap", "team_share", "total")

DEFAULT_PLAN_PATH = Path(__file__).resolve().parents[2] / "data" / "commission_plan.yaml"
MAX_PLAN_BYTES = 64_000
_EPS = 1e-9

_TOP_KEYS = ("name", "valid_from", "valid_to", "payout_period", "basis", "threshold", "mode",
             "tiers", "cap", "csat_gate", "team_pool")



# --- the plan ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tier:
    """A tier starts at attainment ``start`` (YAML ``from``, a fraction) and pays ``rate`` (a fraction)."""

    start: float
    rate: float


@dataclass(frozen=True)
class CsatGate:
    """``gate``: CSAT below ``min_csat`` → commission 0. ``multiplier``: below → commission × ``factor``.

    Reps with too few CSAT responses are not judged (the gate does not apply); how few is the
    department's one minimum-evidence rule, ``Settings.min_responses``, not a plan setting.
    """

    effect: str
    min_csat: float
    factor: float = 1.0


@dataclass(frozen=True)
class TeamPool:
    """A pool for each team whose actual ≥ target: a fixed ``amount`` (per payout period) or
    ``share_of_excess`` × (team actual − team target), split ``equal`` or by ``contribution``."""

    split: str = "equal"
    amount: float | None = None
    share_of_excess: float | None = None
    when: str = "team_reaches_target"


@dataclass(frozen=True)
class Plan:
    """A validated commission plan (see docs/commission_plan.md)."""

    name: str
    tiers: tuple[Tier, ...]
    mode: str = "marginal"
    basis: str = "revenue"
    threshold: float = 0.0
    cap: float | None = None
    csat_gate: CsatGate | None = None
    team_pool: TeamPool | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    payout_period: str = "month"

    def valid_start(self) -> date | None:
        """First day the plan applies (None: open-ended)."""
        return parse_period(self.valid_from).start if self.valid_from else None

    def valid_end(self) -> date | None:
        """Last day the plan applies (None: open-ended)."""
        return parse_period(self.valid_to).end if self.valid_to else None


# --- loading and validation -------------------------------------------------------------------


def _found(value: object) -> str:
    """A short description of a wrong value that never expands a large structure."""
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    if value is None:
        return "empty"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _fmt_num(value: float) -> str:
    return f"{value:g}"


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, key: str | None = None, severity: str = "error", **params: object) -> None:
        if key is not None:
            params = {"key": key, **params}
        self.problems.append(Problem(code, params, severity, column=key))  # type: ignore[arg-type]

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def number(self, value: object, key: str, *, positive: bool = False, fraction_max: float | None = None,
               limit: float | None = None) -> float | None:
        """A finite number, or None after recording why not.

        ``fraction_max``: above it the value reads as a percentage (50 for 0.5).
        """
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.add("plan.not_number", key, value=_found(value))
            return None
        number = float(value)
        if number < 0:
            self.add("plan.negative", key, value=_fmt_num(number))
            return None
        if positive and number == 0:
            self.add("plan.not_positive", key, value=_fmt_num(number))
            return None
        if fraction_max is not None and number > fraction_max:
            if number <= 100 * max(fraction_max, 1.0):
                self.add("plan.percent_like", key, value=_fmt_num(number), suggestion=_fmt_num(number / 100))
            else:
                self.add("plan.too_high", key, value=_fmt_num(number), limit=_fmt_num(fraction_max))
            return None
        if limit is not None and number > limit:
            self.add("plan.too_high", key, value=_fmt_num(number), limit=_fmt_num(limit))
            return None
        return number

    def choice(self, value: object, key: str, allowed: tuple[str, ...]) -> str | None:
        if isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower()
        self.add("plan.unknown_value", key, value=_found(value), allowed=", ".join(allowed))
        return None

    def unknown_keys(self, data: Mapping[Any, Any], known: tuple[str, ...], prefix: str = "") -> None:
        for key in data:
            if str(key) not in known:
                self.add("plan.unknown_key", f"{prefix}{key}", severity="warning")


def _period_text(checker: _Checker, data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | date):
        checker.add("plan.bad_period", key, value=_found(value))
        return None
    text = str(value).strip()
    try:
        parse_period(text)
    except ValueError:
        checker.add("plan.bad_period", key, value=_found(data[key]))
        return None
    return text


def _tiers(checker: _Checker, data: Mapping[str, Any]) -> tuple[Tier, ...] | None:
    if "tiers" not in data or data["tiers"] is None:
        checker.add("plan.tiers_missing", "tiers")
        return None
    raw = data["tiers"]
    if not isinstance(raw, list):
        checker.add("plan.tiers_not_list", "tiers", found=_found(raw))
        return None
    if not raw:
        checker.add("plan.tiers_empty", "tiers")
        return None
    tiers: list[Tier] = []
    previous: float | None = None
    complete = True
    for i, item in enumerate(raw):
        key = f"tiers[{i + 1}]"
        if not isinstance(item, Mapping):
            checker.add("plan.not_mapping", key, found=_found(item))
            complete = False
            continue
        checker.unknown_keys(item, ("from", "rate"), f"{key}.")
        start = rate = None
        for name in ("from", "rate"):
            if name not in item:
                checker.add("plan.missing_key", f"{key}.{name}")
        if "from" in item:
            start = checker.number(item["from"], f"{key}.from", fraction_max=10.0)
        if "rate" in item:
            rate = checker.number(item["rate"], f"{key}.rate", fraction_max=1.0)
        if start is not None and i == 0 and start != 0:
            checker.add("plan.first_tier", value=_fmt_num(start))
        if start is not None and previous is not None and start <= previous:
            checker.add("plan.not_increasing", f"{key}.from", value=_fmt_num(start), previous=_fmt_num(previous))
        if start is not None:
            previous = start
        if start is None or rate is None:
            complete = False
        else:
            tiers.append(Tier(start, rate))
    return tuple(tiers) if complete else None


def _csat_gate(checker: _Checker, raw: object) -> CsatGate | None:
    key = "csat_gate"
    if not isinstance(raw, Mapping):
        checker.add("plan.not_mapping", key, found=_found(raw))
        return None
    checker.unknown_keys(raw, ("effect", "min_csat", "below", "factor", "min_responses"), f"{key}.")
    if "effect" not in raw:
        checker.add("plan.missing_key", f"{key}.effect")
        return None
    effect = checker.choice(raw["effect"], f"{key}.effect", EFFECTS)
    if effect is None:
        return None
    level_key = "min_csat" if effect == "gate" or "below" not in raw else "below"
    if level_key not in raw:
        checker.add("plan.missing_key", f"{key}.{'min_csat' if effect == 'gate' else 'below'}")
        return None
    level = checker.number(raw[level_key], f"{key}.{level_key}", positive=True, fraction_max=1.0)
    factor = 1.0
    if effect == "multiplier":
        if "factor" not in raw:
            checker.add("plan.missing_key", f"{key}.factor")
            return None
        factor_value = checker.number(raw["factor"], f"{key}.factor", limit=10.0)
        if factor_value is None:
            return None
        factor = factor_value
    if "min_responses" in raw:
        # Plans written before the rule moved to Settings: say the value is not used, never drop it silently.
        checker.add("plan.min_responses_moved", f"{key}.min_responses", "warning", value=_found(raw["min_responses"]))
    if level is None:
        return None
    return CsatGate(effect, level, factor)


def _team_pool(checker: _Checker, raw: object) -> TeamPool | None:
    key = "team_pool"
    if not isinstance(raw, Mapping):
        checker.add("plan.not_mapping", key, found=_found(raw))
        return None
    checker.unknown_keys(raw, ("when", "amount", "share_of_excess", "split"), f"{key}.")
    when = checker.choice(raw.get("when", POOL_WHEN[0]), f"{key}.when", POOL_WHEN)
    split = checker.choice(raw.get("split", "equal"), f"{key}.split", SPLITS)
    has_amount = raw.get("amount") is not None
    has_share = raw.get("share_of_excess") is not None
    if has_amount and has_share:
        checker.add("plan.pool_both", key)
        return None
    if not has_amount and not has_share:
        checker.add("plan.pool_none", key)
        return None
    amount = share = None
    if has_amount:
        amount = checker.number(raw["amount"], f"{key}.amount", positive=True)
        if amount is None:
            return None
    else:
        share = checker.number(raw["share_of_excess"], f"{key}.share_of_excess", positive=True,
                               fraction_max=1.0)
        if share is None:
            return None
    if when is None or split is None:
        return None
    return TeamPool(split, amount, share, when)


def plan_from_dict(data: object) -> tuple[Plan | None, list[Problem]]:
    """A plan from parsed YAML/JSON (or the Settings form); None when any error is found.

    Problems name the key (``tiers[2].rate``) and what is wrong; unknown keys are warnings.
    """
    checker = _Checker()
    if not isinstance(data, Mapping):
        checker.add("plan.not_mapping", "the plan", found=_found(data))
        return None, checker.problems
    checker.unknown_keys(data, _TOP_KEYS)
    name = data.get("name", "Commission plan")
    if not isinstance(name, str | int | float) or isinstance(name, bool):
        checker.add("plan.not_text", "name", found=_found(name))
        name = "Commission plan"
    name = str(name).strip() or "Commission plan"
    valid_from = _period_text(checker, data, "valid_from")
    valid_to = _period_text(checker, data, "valid_to")
    if valid_from and valid_to and parse_period(valid_to).end < parse_period(valid_from).start:
        checker.add("plan.period_order", valid_from=valid_from, valid_to=valid_to)
    payout_period = checker.choice(data.get("payout_period", "month"), "payout_period", tuple(PAYOUT_PERIODS))
    basis = checker.choice(data.get("basis", "revenue"), "basis", BASES)
    mode = checker.choice(data.get("mode", "marginal"), "mode", MODES)
    threshold = 0.0
    if data.get("threshold") is not None:
        threshold = checker.number(data["threshold"], "threshold", fraction_max=10.0)
    tiers = _tiers(checker, data)
    cap = None
    if data.get("cap") is not None:
        cap = checker.number(data["cap"], "cap", positive=True)
    gate = _csat_gate(checker, data["csat_gate"]) if data.get("csat_gate") is not None else None
    pool = _team_pool(checker, data["team_pool"]) if data.get("team_pool") is not None else None
    if not checker.ok or tiers is None or mode is None or basis is None or payout_period is None \
            or threshold is None:
        return None, checker.problems
    plan = Plan(name=name, tiers=tiers, mode=mode, basis=basis, threshold=threshold, cap=cap,
                csat_gate=gate, team_pool=pool, valid_from=valid_from, valid_to=valid_to,
                payout_period=payout_period)
    return plan, checker.problems


def load_plan(text_or_path: str | bytes | Path) -> tuple[Plan | None, list[Problem]]:
    """Load a plan from YAML/JSON text, uploaded bytes or a file path (a ``Path``, or a one-line
    string ending in .yaml/.yml/.json). Never raises: returns (plan or None, problems)."""
    checker = _Checker()
    source = text_or_path
    if isinstance(source, str) and "\n" not in source and source.strip().lower().endswith((".yaml", ".yml", ".json")):
        source = Path(source.strip())
    if isinstance(source, Path):
        try:
            size = source.stat().st_size
            if size > MAX_PLAN_BYTES:
                checker.add("plan.too_large", size=size, limit=MAX_PLAN_BYTES)
                return None, checker.problems
            source = source.read_bytes()
        except OSError as exc:
            checker.add("plan.unreadable", path=str(text_or_path), detail=exc.strerror or exc.__class__.__name__)
            return None, checker.problems
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            checker.add("plan.unreadable", path="(upload)", detail="not UTF-8 text")
            return None, checker.problems
    text = str(source).lstrip("\ufeff")
    if len(text.encode("utf-8")) > MAX_PLAN_BYTES:
        checker.add("plan.too_large", size=len(text.encode("utf-8")), limit=MAX_PLAN_BYTES)
        return None, checker.problems
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        detail = getattr(exc, "problem", None) or exc.__class__.__name__
        checker.add("plan.yaml_syntax", line=(mark.line + 1) if mark else "?",
                    column=(mark.column + 1) if mark else "?", detail=str(detail))
        return None, checker.problems
    except RecursionError:
        checker.add("plan.yaml_syntax", line="?", column="?", detail="nested too deeply")
        return None, checker.problems
    if data is None:
        checker.add("plan.empty")
        return None, checker.problems
    return plan_from_dict(data)


def default_plan() -> Plan:
    """The plan shipped in ``data/commission_plan.yaml``; raises ``InputError`` if it is broken."""
    plan, problems = load_plan(DEFAULT_PLAN_PATH)
    if plan is None:
        raise InputError(problems)
    return plan




@dataclass(frozen=True)
class PlanInUse:
    """Which commission plan applies, decided one way for the pages, the report and the CLI.

    ``plan`` is None when the plan that should apply (the workspace's saved file, or a file or
    text given explicitly) has errors: nothing then falls back to another plan, and no pay is
    worked out; :meth:`pay_problems` says why. ``text`` is the plan's YAML (the invalid file's
    own text, when it could be read); ``source`` is ``workspace``, ``default`` or ``given``;
    ``problems`` are the file's errors and notes.
    """

    plan: Plan | None
    text: str
    source: str
    problems: tuple[Problem, ...] = ()

    @property
    def invalid(self) -> bool:
        return self.plan is None

    @property
    def token(self) -> str:
        """Short hash of the plan text (widget keys change when the plan changes)."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:10]

    def pay_problems(self) -> list[Problem]:
        """Why no pay can be worked out (the plan is invalid, then each error); empty when valid."""
        if self.plan is not None:
            return []
        return [Problem("plan.invalid_in_use"), *(p for p in self.problems if p.severity == "error")]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def plan_in_use(workspace: Workspace, given: str | bytes | Path | None = None) -> PlanInUse:
    """The plan that applies: ``given`` (a file or YAML text, as the CLI's ``--plan`` or a report's
    ``plan_text``) when set, else the workspace's saved plan file when it exists, else the default
    plan in ``data/commission_plan.yaml``. An invalid given or saved plan gives ``plan=None`` (no
    fallback to the default: see :class:`PlanInUse`). Never raises for a bad file."""
    if isinstance(given, str) and "\n" not in given and given.strip().lower().endswith((".yaml", ".yml", ".json")):
        given = Path(given.strip())  # the rule load_plan applies, so ``text`` is the file's
    if given is not None:
        plan, problems = load_plan(given)
        if isinstance(given, Path):
            text = _read_text(given)
        else:
            text = given.decode("utf-8-sig", "replace") if isinstance(given, bytes) else given
        return PlanInUse(plan, plan_to_yaml(plan) if plan is not None and not text else text, "given",
                         tuple(problems))
    saved = workspace.plan_doc.read()
    if saved is not None:
        plan, problems = load_plan(saved.encode("utf-8"))
        text = saved.lstrip("\ufeff")
        if plan is not None and not text:
            text = plan_to_yaml(plan)
        return PlanInUse(plan, text, "workspace", tuple(problems))
    text = DEFAULT_PLAN_PATH.read_text(encoding="utf-8-sig")
    plan, problems = load_plan(text)
    if plan is None:  # the shipped file is part of the project; a broken one is a bug
        raise InputError(problems)
    return PlanInUse(plan, text, "default", tuple(problems))


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in the documented schema (keys left out when not set)."""
    out: dict[str, Any] = {"name": plan.name}
    if plan.valid_from:
        out["valid_from"] = plan.valid_from
    if plan.valid_to:
        out["valid_to"] = plan.valid_to
    out["payout_period"] = plan.payout_period
    out["basis"] = plan.basis
    out["threshold"] = plan.threshold
    out["mode"] = plan.mode
    out["tiers"] = [{"from": t.start, "rate": t.rate} for t in plan.tiers]
    if plan.cap is not None:
        out["cap"] = plan.cap
    if plan.csat_gate is not None:
        g = plan.csat_gate
        gate: dict[str, Any] = {"effect": g.effect}
        if g.effect == "gate":
            gate["min_csat"] = g.min_csat
        else:
            gate["below"] = g.min_csat
            gate["factor"] = g.factor
        out["csat_gate"] = gate
    if plan.team_pool is not None:
        p = plan.team_pool
        pool: dict[str, Any] = {"when": p.when}
        if p.amount is not None:
            pool["amount"] = p.amount
        else:
            pool["share_of_excess"] = p.share_of_excess
        pool["split"] = p.split
        out["team_pool"] = pool
    return out


def plan_to_yaml(plan: Plan) -> str:
    """The plan as YAML text that :func:`load_plan` reads back to an equal plan."""
    return yaml.safe_dump(plan_to_dict(plan), sort_keys=False, allow_unicode=True, default_flow_style=None)


def check_period(plan: Plan, period: Period | None) -> list[Problem]:
    """An error when ``period`` is not inside the plan's valid_from..valid_to (open ends allowed)."""
    if period is None or (not plan.valid_from and not plan.valid_to):
        return []
    start, end = plan.valid_start(), plan.valid_end()
    if (start is None or period.start >= start) and (end is None or period.end <= end):
        return []
    return [Problem("plan.outside_period", {"name": plan.name, "valid_from": plan.valid_from or "…",
                                            "valid_to": plan.valid_to or "…", "period": period.key})]
