"""Department settings: stage order and names, probabilities, fiscal year, currency, KPI weights.

Settings live in a YAML file in the workspace. A file that cannot be read, or holds invalid
values, yields the defaults plus a list of readable problems; it never raises.

Currency: the reporting currency is an ISO code, or ``""`` for "the data's currency" (the
default). Amounts are shown in the currency the data records (:func:`data_currency`); the setting
names the currency of data that records none, and is where import converts to. Settings files
written before the reporting currency existed hold ``currency: USD`` with ``currency_symbol: $``
as the old default; that pair is read as "the data's currency", any other code is kept.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import yaml

from analytics import i18n
from analytics.i18n import LANG_CODES, LANGUAGES, Lang
from analytics.outputs.numbers import currency_code
from analytics.store.documents import Doc, doc_of
from analytics.store.schema import LOST_SYNONYMS, STAGES, WON_STAGE_KEY, normalise_header


@dataclass(frozen=True)
class StageSetting:
    """One funnel stage as the department configured it.

    ``names`` holds the department's own names, as (language, name) pairs; a language without
    one reads the catalogue's name of a standard stage (``stage.<key>``), so the standard stages
    speak every language the product does and a renamed one says what the department wrote.
    """

    key: str
    probability: float
    synonyms: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()

    def label(self, lang: Lang) -> str:
        """The stage's name to show in ``lang``."""
        own = {code: name for code, name in self.names if name}
        code: Lang | None = lang
        while code is not None:
            if own.get(code):
                return own[code]
            if i18n.has(f"stage.{self.key}"):
                return i18n.text(f"stage.{self.key}", lang)
            code = LANGUAGES[code].fallback if code in LANGUAGES else None
        return next(iter(own.values()), self.key)

    def all_names(self) -> tuple[str, ...]:
        """Every name of the stage in every language (what a file may write in its stage column)."""
        own = tuple(name for _code, name in self.names if name)
        return (self.key, *own, *i18n.texts(f"stage.{self.key}"), *self.synonyms)


def _default_stages() -> tuple[StageSetting, ...]:
    return tuple(StageSetting(s.key, s.default_probability, s.synonyms) for s in STAGES)


def _stage_names(entry: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The department's own names of a stage in a settings file: ``names: {en: .., zh: ..}``, or
    the older ``label_en``/``label_zh`` fields. Names equal to the catalogue's are not kept."""
    given = dict(entry.get("names") or {})
    for code in LANG_CODES:
        old = entry.get(f"label_{code.replace('-', '_').lower()}")
        if old and code not in given:
            given[code] = old
    standard = f"stage.{entry['key']}"
    return tuple((code, str(name)) for code, name in given.items()
                 if code in LANGUAGES and name and not (i18n.has(standard) and i18n.text(standard, code) == str(name)))


@dataclass(frozen=True)
class Settings:
    """Everything a department configures. Fractions are fractions (0.3, not 30)."""

    stages: tuple[StageSetting, ...] = field(default_factory=_default_stages)
    won_stage: str = WON_STAGE_KEY
    lost_names: tuple[str, ...] = LOST_SYNONYMS
    fiscal_start_month: int = 1
    currency: str = ""  # reporting currency, ISO code; "" = the data's currency
    kpi_weights: tuple[float, float, float] = (0.5, 0.3, 0.2)  # revenue, satisfaction, collaboration
    revenue_cap: float = 1.0  # attainment above this counts as the cap in the KPI revenue score
    followup_days: int = 14  # a won customer is "followed up" with an activity within N days
    # The one minimum-evidence rule: fewer CSAT responses than this are "too few to judge" and leave
    # satisfaction out of the KPI score, the rank, the rewards CSAT gate and the report.
    min_responses: int = 5
    # The period a page opens on: the calendar period holding the as-of day ("current"), or the
    # last one that is over ("last_complete").
    default_period: str = "current"
    retention_days: int = 90  # published versions older than this are dropped unless pinned

    def stage_order(self) -> list[str]:
        return [s.key for s in self.stages]

    def stage(self, key: str) -> StageSetting:
        for s in self.stages:
            if s.key == key:
                return s
        raise KeyError(key)

    def classify_stage(self, label: object) -> tuple[str | None, str]:
        """(stage key or None, status) for a stage label as it appears in a file.

        Won and lost names win over the funnel order: ``Closed Lost`` → (None, "lost").
        An unknown label is (None, "open") and is reported as an unknown stage.
        """
        if label is None or (isinstance(label, float) and pd.isna(label)):
            return None, "open"
        folded = normalise_header(label)
        if not folded:
            return None, "open"
        if any(folded == normalise_header(n) for n in self.lost_names):
            return None, "lost"
        for s in self.stages:
            if any(folded == normalise_header(n) for n in s.all_names()):
                return s.key, ("won" if s.key == self.won_stage else "open")
        return None, "open"

    def stage_name(self, label: object, lang: Lang) -> str:
        """A stage as written in a file, named in ``lang``: the configured stage's name, the word
        for lost, else the file's own label (a stage the settings do not know)."""
        key, status = self.classify_stage(label)
        if key is not None:
            return self.stage(key).label(lang)
        if status == "lost":
            return i18n.text("deal_status.lost", lang)
        return "" if label is None or (isinstance(label, float) and pd.isna(label)) else str(label)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stages"] = [{"key": s.key, "probability": s.probability, "synonyms": list(s.synonyms),
                           "names": dict(s.names)} for s in self.stages]
        data["lost_names"] = list(self.lost_names)
        data["kpi_weights"] = list(self.kpi_weights)
        return data


DEFAULT_SETTINGS = Settings()
DEFAULT_PERIODS = ("current", "last_complete")


def settings_from_dict(data: object) -> tuple[Settings, list[str]]:
    """Settings from parsed YAML; invalid entries fall back to defaults, with a message each."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return DEFAULT_SETTINGS, ["settings file is not a mapping of names to values; defaults used"]
    out = DEFAULT_SETTINGS
    if "stages" in data:
        try:
            stages = tuple(
                StageSetting(str(s["key"]), float(s.get("probability", 0.0)),
                             tuple(map(str, s.get("synonyms", ()))), _stage_names(s))
                for s in data["stages"]
            )
            if not stages or any(not 0 <= s.probability <= 1 for s in stages):
                raise ValueError("each stage needs a probability between 0 and 1")
            out = replace(out, stages=stages)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"stages: {exc}; default stages used")
    if "currency" in data:
        legacy_default = "currency_symbol" in data and str(data["currency"]).strip().upper() == "USD"
        raw = data["currency"]
        code = currency_code(raw)
        if legacy_default or raw in (None, ""):
            pass
        elif code is None:
            problems.append(f"currency: {raw!r} is not a three-letter currency code; the data's currency used")
        else:
            out = replace(out, currency=code)
    simple = {
        "won_stage": str,
        "fiscal_start_month": int, "followup_days": int, "min_responses": int, "revenue_cap": float,
        "retention_days": int,
        "default_period": str,
    }
    for name, kind in simple.items():
        if name in data:
            try:
                out = replace(out, **{name: kind(data[name])})
            except (TypeError, ValueError):
                problems.append(f"{name}: {data[name]!r} is not valid; default used")
    if not 1 <= out.fiscal_start_month <= 12:
        problems.append("fiscal_start_month must be 1–12; January used")
        out = replace(out, fiscal_start_month=1)
    if out.retention_days < 1:
        problems.append("retention_days must be at least 1; 90 used")
        out = replace(out, retention_days=90)
    if out.min_responses < 1:
        problems.append("min_responses must be at least 1; 5 used")
        out = replace(out, min_responses=DEFAULT_SETTINGS.min_responses)
    if out.default_period not in DEFAULT_PERIODS:
        problems.append(f"default_period must be one of {', '.join(DEFAULT_PERIODS)}; current used")
        out = replace(out, default_period="current")
    if out.won_stage not in out.stage_order():
        problems.append(f"won_stage {out.won_stage!r} is not one of the stages; last stage used")
        out = replace(out, won_stage=out.stage_order()[-1])
    if "lost_names" in data:
        if isinstance(data["lost_names"], list) and data["lost_names"]:
            out = replace(out, lost_names=tuple(map(str, data["lost_names"])))
        else:
            problems.append("lost_names must be a list of names; defaults used")
    if "kpi_weights" in data:
        try:
            weights = tuple(float(w) for w in data["kpi_weights"])
            if len(weights) != 3 or any(w < 0 for w in weights) or sum(weights) <= 0:
                raise ValueError
            out = replace(out, kpi_weights=weights)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            problems.append("kpi_weights must be three non-negative numbers; 50/30/20 used")
    return out, problems


def load_settings(path: Path | Doc) -> tuple[Settings, list[str]]:
    """Settings from the store's YAML document (or a file); a missing one is the defaults with no problem."""
    doc = doc_of(path)
    try:
        text = doc.read()
    except (OSError, UnicodeDecodeError) as exc:
        return DEFAULT_SETTINGS, [f"{doc.name} could not be read ({exc.__class__.__name__}); defaults used"]
    return settings_from_text(text, doc.name)


def settings_from_text(text: str | None, name: str = "settings.yaml") -> tuple[Settings, list[str]]:
    """Settings from YAML text (None: never saved, the defaults with no problem)."""
    if text is None:
        return DEFAULT_SETTINGS, []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return DEFAULT_SETTINGS, [f"{name} could not be read ({exc.__class__.__name__}); defaults used"]
    return settings_from_dict(data)


def save_settings(settings: Settings, path: Path | Doc) -> None:
    doc_of(path).write(yaml.safe_dump(settings.to_dict(), allow_unicode=True, sort_keys=False))


def register_stage_map(con: duckdb.DuckDBPyConnection, settings: Settings = DEFAULT_SETTINGS) -> None:
    """Create temp table ``stage_map(stage, stage_key, stage_order, probability)``.

    One row per distinct ``deals.stage`` label; ``stage_order`` is 0-based in the configured
    funnel, NULL for lost and unknown labels. Metrics join it ``USING (stage)``.
    """
    labels = [r[0] for r in con.execute("SELECT DISTINCT stage FROM deals WHERE stage IS NOT NULL").fetchall()]
    order = settings.stage_order()
    rows = []
    for label in labels:
        key, _status = settings.classify_stage(label)
        rows.append({
            "stage": label,
            "stage_key": key,
            "stage_order": order.index(key) if key else None,
            "probability": settings.stage(key).probability if key else None,
        })
    frame = pd.DataFrame(rows, columns=["stage", "stage_key", "stage_order", "probability"])
    frame = frame.astype({"stage": "str", "stage_key": "object", "stage_order": "Int64", "probability": "float64"})
    con.register("_stage_map_df", frame)
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE stage_map AS SELECT stage::VARCHAR AS stage, "
            "stage_key::VARCHAR AS stage_key, stage_order::INTEGER AS stage_order, "
            "probability::DOUBLE AS probability FROM _stage_map_df"
        )
    finally:
        con.unregister("_stage_map_df")


def data_currency(con: duckdb.DuckDBPyConnection) -> str | None:
    """The one currency the loaded deals and targets record (ISO code), or None when they record
    none, or more than one (then no figure can carry a symbol without being wrong somewhere).
    Tables loaded before the ``currency`` column existed record none."""
    codes = data_currencies(con)
    return codes[0] if len(codes) == 1 else None


def data_currencies(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every currency the loaded deals and targets record, sorted (a value that is not an ISO
    code is listed as written)."""
    codes: set[str] = set()
    for table in ("deals", "targets"):
        columns = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        if "currency" not in columns:
            continue
        for (value,) in con.execute(f'SELECT DISTINCT currency FROM "{table}" WHERE currency IS NOT NULL').fetchall():
            code = currency_code(value)
            codes.add(code if code else str(value))
    return sorted(codes)


def reporting_currency(settings: Settings, found: str | None) -> str | None:
    """The currency money is shown in: the data's own (``found``, from :func:`data_currency`) when it
    records one, else the Settings' reporting currency, else None (plain numbers)."""
    return found or currency_code(settings.currency)
