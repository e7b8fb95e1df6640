"""``python -m analytics``: the same library as the app, without the UI (SPEC §5).

Exit status: 0 success; 1 the input loaded but some rows were rejected (``validate`` only);
2 invalid input or usage (a readable list of problems on stderr, never a traceback); 3 the
team's workspace could not be used (busy with another program's lock, or damaged) or failed
``workspace check``: the sample never answers in its place.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd

from analytics import i18n
from analytics.access import ChangeRefused, Scope
from analytics.filters import Filters
from analytics.i18n import LANG_CODES, parse_lang
from analytics.ingest.mapping import MappingMemory, parse_overrides
from analytics.messages import InputError, Lang, Problem
from analytics.periods import Period, parse_period
from analytics.sql import quote_identifier
from analytics.store import changes, scoped
from analytics.store.schema import TABLES
from analytics.store.settings import Settings, load_settings
from analytics.store.sources import Loaded, load_default, load_files, snapshot_connection
from analytics.store.transfer import open_workspace
from analytics.store.workspace import PublishItem, WorkspaceError, content_hash

FILE_OPTIONS = ("deals", "targets", "surveys", "peer_reviews", "activities", "campaigns", "markets", "fx_rates")


class CliError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems


# --- output ----------------------------------------------------------------------------------

def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (pd.Timestamp, date)):
        return value.date().isoformat() if isinstance(value, pd.Timestamp) else value.isoformat()
    return value


def emit(frame: pd.DataFrame, fmt: str, out=None) -> None:
    """Print ``frame`` as an aligned table, CSV or a JSON array of objects."""
    out = out or sys.stdout
    if fmt == "json":
        records = [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
        json.dump(records, out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    elif fmt == "csv":
        frame.to_csv(out, index=False, lineterminator="\n")
    else:
        if frame.empty:
            out.write("(no rows)\n")
            return
        shown = frame.copy()
        for col in shown.columns:
            if pd.api.types.is_float_dtype(shown[col]):
                shown[col] = shown[col].map(lambda v: "" if pd.isna(v) else f"{v:,.4f}".rstrip("0").rstrip("."))
        out.write(shown.to_string(index=False, na_rep="") + "\n")


# --- loading ---------------------------------------------------------------------------------

def _settings() -> Settings:
    settings, _problems = load_settings(open_workspace().settings_doc)
    return settings


def _scope(args: argparse.Namespace) -> Scope:
    """``--as LOGIN``: the account's scope (the CLI run by the server for a signed-in person);
    without it, personal (the laptop's owner is everyone, as before accounts)."""
    login = getattr(args, "as_login", None)
    if not login:
        return Scope.personal()
    from analytics.store import accounts

    user = accounts.user_for_login(open_workspace().docs, login)
    if user is None:
        raise CliError([Problem("scope.cli_unknown_login", {"login": login})])
    return Scope.for_user(user)


def _who(args: argparse.Namespace) -> str | None:
    """The audit's "who" for a change made here: the ``--as`` login, else ``cli:<os user>``."""
    if getattr(args, "as_login", None):
        return None  # the scope's login
    import getpass

    return f"cli:{getpass.getuser()}"


def _scoped(loaded: Loaded, scope: Scope) -> Loaded:
    """Only the rows ``scope`` reads (``analytics.store.scoped``), for every command after."""
    if not scoped.restricts_rows(scope):
        return loaded
    con = scoped.scoped_connection(loaded.connect(), scope)
    tables = {name: con.execute(f"SELECT * FROM {quote_identifier(name)}").df() for name in loaded.tables}
    return replace(loaded, tables=tables)


def load_from_args(args: argparse.Namespace, settings: Settings) -> Loaded:
    return _scoped(_load_from_args(args, settings), _scope(args))


def _load_from_args(args: argparse.Namespace, settings: Settings) -> Loaded:
    files: dict[str, list[Path]] = {}
    for kind in FILE_OPTIONS:
        for p in getattr(args, kind, None) or []:
            files.setdefault(kind, []).append(Path(p))
    for p in getattr(args, "data", None) or []:
        files.setdefault("data", []).append(Path(p))
    overrides = parse_overrides(args.map or [])
    if not files:
        return load_default(settings=settings)
    loaded = load_files(files, overrides=overrides, settings=settings,
                        memory=MappingMemory(open_workspace().mappings_doc))
    failed = [r for r in loaded.results if r.errors]
    if failed:
        raise CliError([p for r in failed for p in r.errors])
    # Sheets of a workbook that were skipped (not the kind asked for) are named on stderr.
    for r in loaded.results:
        for p in r.notes:
            if p.code == "sheet_skipped":
                print(p.text(parse_lang(getattr(args, "lang", "en"))), file=sys.stderr)
    return loaded


def _period(text: str | None, settings: Settings) -> Period | None:
    if text is None:
        return None
    try:
        return parse_period(text, settings.fiscal_start_month)
    except ValueError as exc:
        raise CliError([Problem("cli_bad_period", {"value": text, "reason": str(exc)})]) from None


def _filters(args: argparse.Namespace) -> Filters:
    picks = {d: tuple(getattr(args, f"f_{d}") or ()) for d in ("team", "rep", "region", "segment", "channel")}
    return Filters(**picks)


# --- commands --------------------------------------------------------------------------------

def cmd_validate(args: argparse.Namespace, lang: Lang) -> int:
    from analytics.ingest.importer import import_file

    settings = _settings()
    overrides = parse_overrides(args.map or [])
    path = Path(args.file)
    if not path.exists():
        raise CliError([Problem("file_not_found", {"file": str(path)})])
    results = import_file(path.read_bytes(), path.name, table=args.kind, overrides=overrides,
                          settings=settings)
    rows = []
    for r in results:
        rejected = r.rejected_frame(lang)
        rows.append({
            **r.summary(lang),
            "header_row": r.header_row,
            "mapping": {h: c for h, c in (r.mapping.mapped.items() if r.mapping else [])},
            "errors": [p.text(lang) for p in r.errors],
            "warnings": [p.text(lang) for p in r.warnings],
            "notes": [p.text(lang) for p in r.notes],
            "rejected": [{"row": int(row[0]), "reason": row[1]} for row in rejected.iloc[:, :2].itertuples(index=False)],
        })
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    elif args.format == "csv":
        flat = [{"file": r["file"], "sheet": r["sheet"], "table": r["table"], "row": x["row"], "reason": x["reason"]}
                for r in rows for x in r["rejected"]]
        emit(pd.DataFrame(flat, columns=["file", "sheet", "table", "row", "reason"]), "csv")
    else:
        for r in rows:
            print(f"{r['file']} [{r['sheet']}] → {r['table']} (header on row {r['header_row']})")
            print(f"  rows read:     {r['rows_read']}")
            print(f"  rows loaded:   {r['rows_loaded']}")
            print(f"  rows rejected: {r['rows_rejected']}")
            if r["mapping"]:
                print("  columns: " + ", ".join(f"{h} → {c}" for h, c in r["mapping"].items()))
            for label, items in (("error", r["errors"]), ("warning", r["warnings"]), ("note", r["notes"])):
                for text in items:
                    print(f"  [{label}] {text}")
            if r["rejected"]:
                print("  rejected rows:")
                for x in r["rejected"]:
                    print(f"    row {x['row']}: {x['reason']}")
    for r, result in zip(rows, results, strict=True):
        if result.table is None:  # nothing recognisable: for validate that is a failure
            r["errors"] = [p.text(lang) for p in result.notes if p.code == "unknown_table"]
    if any(r["errors"] for r in rows):
        for r in rows:
            for text in r["errors"]:
                print(text, file=sys.stderr)
        return 2
    return 1 if any(r["rows_rejected"] for r in rows) else 0


def _with_data(run: Callable[[argparse.Namespace, Loaded, Settings], pd.DataFrame]):
    def command(args: argparse.Namespace, lang: Lang) -> int:
        settings = _settings()
        loaded = load_from_args(args, settings)
        frame = run(args, loaded, settings)
        emit(frame, args.format)
        return 0
    return command


def _connect(loaded: Loaded, settings: Settings):
    from analytics.store.settings import register_stage_map

    con = loaded.connect()
    register_stage_map(con, settings)
    return con


def _as_of(args: argparse.Namespace) -> date | None:
    return date.fromisoformat(args.as_of) if getattr(args, "as_of", None) else None


@_with_data
def cmd_attainment(args, loaded, settings):
    from analytics.metrics.attainment import attainment

    period = _period(args.period, settings)
    frame = attainment(_connect(loaded, settings), period, args.by, _filters(args), as_of=_as_of(args),
                       settings=settings)
    first = args.by
    cols = [first, "target", "actual", "attainment", "gap"]
    extra = [c for c in ("expected_to_date", "pace_status", "forecast", "coverage") if c in frame.columns]
    return frame[cols + extra]


@_with_data
def cmd_funnel(args, loaded, settings):
    from analytics.metrics.funnel import funnel

    result = funnel(_connect(loaded, settings), _period(args.period, settings), _filters(args), settings,
                    by=args.by)
    table = result.table if hasattr(result, "table") else result
    cols = ([args.by] if args.by else []) + ["stage", "reached", "conversion", "conversion_from_first"]
    return table[cols]


@_with_data
def cmd_performance(args, loaded, settings):
    from analytics.metrics.performance import performance

    frame = performance(_connect(loaded, settings), args.by, _period(args.period, settings), _filters(args),
                        settings)
    cols = [args.by, "won_revenue", "revenue_share", "deals_won", "deals_lost", "win_rate", "win_rate_value",
            "avg_deal_size", "sales_cycle_days", "change"]
    return frame[[c for c in cols if c in frame.columns]]


@_with_data
def cmd_satisfaction(args, loaded, settings):
    from analytics.metrics.satisfaction import satisfaction

    frame = satisfaction(_connect(loaded, settings), args.by, _period(args.period, settings), _filters(args),
                         min_responses=settings.min_responses)
    first = args.by or "company"
    return frame[[first, "responses", "csat", "nps", "promoters", "detractors"]]


def _kpi_frame(args, loaded, settings):
    from analytics.metrics.attainment import attainment
    from analytics.metrics.kpi import kpi_scores
    from analytics.metrics.satisfaction import collaboration, satisfaction

    period = _period(args.period, settings)
    con = _connect(loaded, settings)
    att = attainment(con, period, "rep", _filters(args), as_of=_as_of(args), settings=settings)
    sat = satisfaction(con, "rep", period, _filters(args), min_responses=settings.min_responses)
    col = collaboration(con, period, _filters(args))
    return kpi_scores(att, sat, col, settings.kpi_weights, settings.revenue_cap, settings.min_responses)


@_with_data
def cmd_kpi(args, loaded, settings):
    frame = _kpi_frame(args, loaded, settings)
    return frame[["rep", "revenue_score", "satisfaction_score", "collaboration_score", "kpi_score", "rank"]]


@_with_data
def cmd_rewards(args, loaded, settings):
    from analytics.metrics.payouts import payouts_for
    from analytics.metrics.plan import plan_in_use

    # the plan the app and the report use (``--plan`` overrides it); an invalid one: exit 2, no pay
    pin = plan_in_use(open_workspace(), Path(args.plan) if args.plan else None)
    period = _period(args.period, settings)
    result = payouts_for(_connect(loaded, settings), period, _filters(args), pin, as_of=_as_of(args),
                         settings=settings, scope=_scope(args))
    if result.problems:
        raise CliError(result.problems)
    lines = result.lines.copy()
    lines["line"] = [i18n.render(d, parse_lang(args.lang)) for d in lines["description"]]
    return lines[["rep", "line_no", "kind", "line", "amount"]]


def _memory_size(text: str) -> str:
    from analytics.metrics.sql_guard import parse_bytes

    try:
        parse_bytes(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a memory size: {text!r} (use e.g. 512MB or 1GB)") from None
    return text


def cmd_query(args, lang: Lang) -> int:
    from analytics.metrics.sql_guard import run_readonly_query

    settings = _settings()
    loaded = load_from_args(args, settings)
    # the query runs in a worker process under an OS memory limit: a hostile query ends there,
    # with a readable message and exit 2, never by aborting this process
    result = run_readonly_query(loaded.tables, args.sql, max_rows=args.max_rows, timeout_s=args.timeout,
                                memory_limit=args.memory_limit)
    emit(result.frame, args.format)
    if result.truncated:
        print(f"(first {args.max_rows} rows shown)", file=sys.stderr)
    return 0


def cmd_publish(args, lang: Lang) -> int:
    """Publish files with the Data page's checks; nothing is published when any file fails."""
    from analytics.ingest.importer import import_file
    from analytics.store.sources import reject_duplicates_across

    settings = _settings()
    snapshot_day = _date_arg(args.snapshot_date) if getattr(args, "snapshot_date", None) else None
    ws = open_workspace()
    overrides = parse_overrides(args.map or [])
    memory = MappingMemory(ws.mappings_doc)
    problems: list[Problem] = []
    flagged: list[Problem] = []
    results = []
    hashes: dict[str, str] = {}
    earlier = ws.published_hashes()
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            problems.append(Problem("file_not_found", {"file": str(path)}))
            continue
        data = path.read_bytes()
        digest = content_hash(data)
        hashes[path.name] = digest
        if digest in earlier:
            version, when, first = earlier[digest]
            flagged.append(Problem("cli_already_published", {
                "file": path.name, "earlier": first, "version": version, "when": f"{when:%Y-%m-%d %H:%M}"},
                "warning"))
        try:
            results += import_file(data, path.name, table=args.kind, overrides=overrides, settings=settings,
                                   memory=memory)
        except InputError as exc:
            problems += exc.problems
    results = reject_duplicates_across(results, ws.deal_origins() if args.append else None)
    for r in results:
        problems += r.errors
        where = r.file_name if r.sheet_name == r.file_name else f"{r.file_name} [{r.sheet_name}]"
        if not r.errors and r.table is None:
            problems.append(Problem("cli_unknown_table", {"file": r.file_name, "where": where}))
        elif not r.errors and not r.rows_loaded:
            row, reasons, _cells = r.rejected[0] if r.rejected else (0, [], {})
            problems.append(Problem("cli_no_rows", {"file": r.file_name, "where": where, "row": row,
                                                    "reason": "; ".join(x.text(lang) for x in reasons) or "–"}))
    for p in flagged:
        print(p.text(lang), file=sys.stderr)
    summary = pd.DataFrame([{**r.summary(lang), "version": None} for r in results],
                           columns=["file", "sheet", "table", "rows_read", "rows_loaded", "rows_rejected", "version"])
    if problems:
        failed_files = {str(p.params.get("file", "")) for p in problems} or {"?"}
        raise CliError([*problems, Problem("cli_not_published", {"count": len(failed_files)})])
    mode = "append" if args.append else "replace"
    items = [PublishItem(r.table, r.frame, r.file_name, hashes.get(r.file_name, ""), r.rows_rejected, mode)
             for r in results if r.table]
    version = changes.publish(ws, _scope(args), items, who=_who(args), note=args.note or "",
                              retention_days=settings.retention_days, snapshot_date=snapshot_day)
    for r in results:
        if r.mapping is not None:
            memory.remember(r.headers, r.mapping)
    summary["version"] = version
    if args.format == "table":
        for r in results:
            print(f"{r.file_name} [{r.sheet_name}] → {r.table}: {r.rows_loaded} loaded, {r.rows_rejected} rejected")
            for x in r.rejected_frame(lang).iloc[:, :2].itertuples(index=False):
                print(f"    row {x[0]}: {x[1]}")
        print(f"published version {version} ({mode})")
    else:
        emit(summary, args.format)
    return 0


def cmd_workspace(args, lang: Lang) -> int:
    ws = open_workspace()
    action = args.action
    scope, who = _scope(args), _who(args)
    if action == "migrate":
        return _migrate(args, scope, who)
    if action == "history":
        frame = ws.version_list()
        frame["published_at"] = frame["published_at"].map(lambda v: None if pd.isna(v) else f"{v:%Y-%m-%d %H:%M:%S}")
        emit(frame, args.format)
        return 0
    if action == "check":
        report = ws.check()
        frame = pd.DataFrame(report.lines, columns=["check", "ok", "detail"])
        emit(frame, args.format)
        return 0 if report.ok else 3
    if action in ("pin", "unpin"):
        if args.target is None or not str(args.target).isdigit():
            raise ValueError(f"workspace {action} needs a version number")
        changes.pin(ws, scope, int(args.target), action == "pin", who=who)
        print(f"version {args.target} {'pinned' if action == 'pin' else 'no longer pinned'}")
        return 0
    if args.target is None:
        raise ValueError(f"workspace {action} needs a folder")
    if action == "backup":
        path = changes.backup(ws, scope, Path(args.target), who=who)
        size = sum(f.stat().st_size for f in path.parent.iterdir() if f.is_file())
        print(f"backup written to {path.parent} ({size:,} bytes), checked")
        return 0
    changes.restore(ws, scope, Path(args.target), who=who)
    print(f"restored {ws.where} from {args.target}; current version {ws.current_version()}")
    return 0


def _migrate(args, scope, who: str) -> int:
    """``workspace migrate --to URL``: the DuckDB file workspace into an empty PostgreSQL database."""
    from analytics.store import audit
    from analytics.store.postgres import PgWorkspace
    from analytics.store.transfer import migrate_to_postgres
    from analytics.store.workspace import Workspace

    if not args.to:
        raise ValueError("workspace migrate needs --to postgresql://user@host/database")
    scope.require("data")
    src, dst = Workspace(), PgWorkspace(args.to)
    report = migrate_to_postgres(src, dst)
    audit.record(dst.docs, who, "workspace.migrate", f"{src.where} → {dst.where}",
                 after={"versions": report.versions, "history": report.history_rows})
    frame = pd.DataFrame(report.checks, columns=["version", "table", "rows", "ok"])
    if args.format == "table":
        print(f"moved {len(report.versions)} versions, {report.history_rows} history lines, {report.snapshots} "
              f"snapshots and {len(report.documents)} documents ({', '.join(report.documents) or 'none'}) "
              f"to {dst.where}")
        bad = frame[~frame["ok"]]
        print("every version read back with its row counts and checksums: OK" if report.ok
              else f"MISMATCH in {len(bad)} tables:\n{bad.to_string(index=False)}")
    else:
        emit(frame, args.format)
    return 0 if report.ok else 3


def cmd_report(args, lang: Lang) -> int:
    from analytics.outputs.report import build_report

    settings = _settings()
    loaded = load_from_args(args, settings)
    period = _period(args.period, settings)
    data = build_report(loaded, period, settings=settings, rep=args.rep, lang=args.lang,
                        include_pay=args.include_pay or bool(args.rep), as_of=_as_of(args), scope=_scope(args))
    Path(args.out).write_bytes(data)
    if loaded.source == "workspace":  # the team's report: the process's sixth step counts it
        from analytics.store.report_log import record_report

        record_report(open_workspace().docs, period.key, args.rep, source="workspace")
    print(f"wrote {args.out} ({len(data):,} bytes)")
    return 0


def cmd_sample(args, lang: Lang) -> int:
    from analytics.store.sample import write_sample

    as_of = _as_of(args)
    paths = write_sample(Path(args.out), edition=args.edition, **({"as_of": as_of} if as_of else {}))
    for p in paths:
        print(p)
    return 0


def _date_arg(text: str) -> date:
    """A YYYY-MM-DD option, or a readable error naming it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError([Problem("cli_bad_date", {"value": text})]) from None


def _today() -> date:
    pinned = os.environ.get("SALES_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


def _changes_window(text: str, day: date, settings: Settings) -> tuple[date, date] | None:
    """``month``/``quarter`` (around ``day``), ``all``, or a period such as 2026-11 or 2026-Q4."""
    from analytics.metrics.changes import WINDOWS, window_for

    if text in WINDOWS:
        return window_for(text, day)
    period = _period(text, settings)
    return (period.start, period.end) if period else None


def _snapshot_id(index: pd.DataFrame, text: str) -> int:
    """A snapshot by its number, or the newest one taken on or before a date."""
    if text.isdigit():
        if int(text) not in set(index["snapshot_id"]):
            raise CliError([Problem("cli_no_snapshot", {"value": text})])
        return int(text)
    try:
        day = pd.Timestamp(date.fromisoformat(text))
    except ValueError:
        raise CliError([Problem("cli_no_snapshot", {"value": text})]) from None
    earlier = index[pd.to_datetime(index["taken_on"]) <= day]
    if earlier.empty:
        raise CliError([Problem("cli_no_snapshot", {"value": text})])
    return int(earlier["snapshot_id"].iloc[-1])


def cmd_changes(args, lang: Lang) -> int:
    """The pipeline waterfall between two snapshots: stored ones (number or date), or two files."""
    import duckdb

    from analytics.metrics.changes import pipeline_changes
    from analytics.store import snapshots

    settings = _settings()
    if Path(args.before).is_file() and Path(args.after).is_file():
        con = duckdb.connect()
        for name, path in (("_before", args.before), ("_after", args.after)):
            loaded = load_files({"deals": [Path(path)]}, settings=settings,
                                memory=MappingMemory(open_workspace().mappings_doc))
            failed = [p for r in loaded.results for p in r.errors]
            if failed:
                raise CliError(failed)
            con.register("_frame", loaded.tables["deals"])
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM _frame")
            con.unregister("_frame")
        day = _today()
    else:
        con = snapshot_connection(settings)
        if scoped.restricts_rows(scope := _scope(args)):
            con = scoped.scoped_connection(con, scope)
        index = snapshots.snapshot_list(con)
        before, after = _snapshot_id(index, args.before), _snapshot_id(index, args.after)
        snapshots.snapshot_view(con, before, "_before")
        snapshots.snapshot_view(con, after, "_after")
        taken = index.set_index("snapshot_id").loc[after, "taken_on"]
        day = taken.date() if hasattr(taken, "date") else taken
    result = pipeline_changes(con, "_before", "_after", window=_changes_window(args.window, day, settings),
                              settings=settings)
    if args.by == "rep":
        emit(result.by_rep, args.format)
    elif args.by == "team":
        emit(result.by_rep.drop(columns="rep").groupby("team", as_index=False, dropna=False).sum(), args.format)
    else:
        emit(result.buckets[["bucket", "deals", "amount"]], args.format)
    return 0


def _cli_who() -> str:
    """Who a change made from the command line is recorded as: the operating system's user."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:?"


def _new_password(args: argparse.Namespace, lang: Lang) -> str:
    """From standard input (``--password-stdin``, first line), else typed twice without echo."""
    import getpass

    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise CliError([Problem("accounts.cli.no_password")])
        return line
    first = getpass.getpass(i18n.text("accounts.cli.password_prompt", lang, login=args.login))
    if getpass.getpass(i18n.text("accounts.cli.password_again", lang)) != first:
        raise CliError([Problem("accounts.cli.password_mismatch")])
    return first


def cmd_users(args, lang: Lang) -> int:
    """Accounts for team mode (SPEC §5): add, remove, list, set-role, set-password, unlock."""
    from analytics.store import accounts

    folder = open_workspace().docs
    who = _cli_who()
    try:
        if args.action == "list":
            rows = [{**a.public(), "teams": ", ".join(a.teams), "has_password": bool(a.password_hash),
                     "locked_until": a.locked_until.isoformat(timespec="seconds") if a.locked_until else None}
                    for a in accounts.list_accounts(folder)]
            emit(pd.DataFrame(rows, columns=["login", "display_name", "role", "rep", "teams", "grant_pay",
                                             "grant_data", "has_password", "locked_until"]), args.format)
            return 0
        if args.action == "add":
            password = _new_password(args, lang) if args.password_stdin or not args.no_password else None
            account = accounts.add(folder, who, args.login, args.role, password, display_name=args.name,
                                   rep=args.rep, teams=tuple(args.team or ()), grant_pay=args.grant_pay,
                                   grant_data=args.grant_data)
            print(i18n.text("accounts.cli.added", lang, login=account.login, role=account.role))
        elif args.action == "remove":
            accounts.remove(folder, who, args.login)
            print(i18n.text("accounts.cli.removed", lang, login=args.login))
        elif args.action == "set-role":
            account = accounts.set_role(folder, who, args.login, args.role)
            print(i18n.text("accounts.cli.role_set", lang, login=account.login, role=account.role))
        elif args.action == "set-password":
            if accounts.get(folder, args.login) is None:  # say so before asking for a password
                raise CliError([Problem("accounts.unknown_login", {"login": args.login})])
            accounts.set_password(folder, who, args.login, _new_password(args, lang))
            print(i18n.text("accounts.cli.password_set", lang, login=args.login))
        elif args.action == "unlock":
            accounts.unlock(folder, who, args.login)
            print(i18n.text("accounts.cli.unlocked", lang, login=args.login))
    except accounts.AccountError as exc:
        raise CliError([exc.problem]) from None
    return 0


def cmd_audit(args, lang: Lang) -> int:
    """The workspace's audit log, newest first."""
    from analytics.store import audit

    frame = audit.read(open_workspace().docs)
    emit(frame.head(args.limit) if args.limit else frame, args.format)
    return 0


# --- parser ----------------------------------------------------------------------------------

def _add_data_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("data (default: the published workspace, else the sample company)")
    for kind in FILE_OPTIONS:
        g.add_argument(f"--{kind.replace('_', '-')}", dest=kind, action="append", metavar="FILE",
                       help=f"{i18n.text(TABLES[kind].label)} file (CSV/XLSX/XLS); repeatable")
    g.add_argument("--data", action="append", metavar="PATH",
                   help="a folder of files or one workbook with several sheets; tables detected per sheet")
    g.add_argument("--map", action="append", metavar="'Their Header=canonical_name'",
                   help="override the automatic column mapping; repeatable")
    f = p.add_argument_group("filters")
    for dim in ("team", "rep", "region", "segment", "channel"):
        f.add_argument(f"--{dim}-filter", dest=f"f_{dim}", action="append", metavar="VALUE",
                       help=f"only deals whose {dim} is VALUE; repeatable")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD", help="the day pace is measured on")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analytics",
        description="Sales performance figures from deals, targets and surveys exports.")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.add_argument("--as", dest="as_login", metavar="LOGIN",
                        help="read and change as this account (team mode): its role's scope applies")
    parser.add_argument("--lang", choices=list(LANG_CODES), default=os.environ.get("SALES_LANG", "en"),
                        help="language of messages and report labels")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--format", choices=["table", "csv", "json"], default=argparse.SUPPRESS)
        p.add_argument("--lang", choices=list(LANG_CODES), default=argparse.SUPPRESS)
        p.add_argument("--as", dest="as_login", metavar="LOGIN", default=argparse.SUPPRESS,
                       help="read and change as this account (team mode): its role's scope applies")
        p.set_defaults(func=func)
        return p

    p = add("validate", cmd_validate, "rows read, loaded and rejected, with every rejected row and its reason")
    p.add_argument("file")
    p.add_argument("--kind", choices=list(TABLES), help="force the table instead of detecting it")
    p.add_argument("--map", action="append", metavar="'Their Header=canonical_name'")

    p = add("attainment", cmd_attainment, "target, actual, attainment and gap per rep, team or company")
    p.add_argument("--period", required=True, help="2026-10, 2026-Q4, 2026 or 2026-01..2026-03")
    p.add_argument("--by", choices=["rep", "team", "company"], default="rep")
    _add_data_options(p)

    p = add("funnel", cmd_funnel, "stage, reached, conversion to the next stage and from the first")
    p.add_argument("--period")
    p.add_argument("--by", help="a deals column to split by (rep, team, segment, …)")
    _add_data_options(p)

    p = add("performance", cmd_performance, "won revenue, win rate, deal size, cycle and change per group")
    p.add_argument("--by", required=True,
                   choices=["rep", "team", "segment", "channel", "lead_source", "region", "product", "company"])
    p.add_argument("--period")
    _add_data_options(p)

    p = add("satisfaction", cmd_satisfaction, "responses, CSAT, NPS, promoters and detractors")
    p.add_argument("--by", choices=["rep", "segment", "channel", "customer", "team"])
    p.add_argument("--period")
    _add_data_options(p)

    p = add("kpi", cmd_kpi, "revenue, satisfaction and collaboration scores, KPI score and rank per rep")
    p.add_argument("--period", required=True)
    _add_data_options(p)

    p = add("rewards", cmd_rewards, "each rep's payout, line by line")
    p.add_argument("--period", required=True)
    p.add_argument("--plan", help="commission plan YAML (default: the workspace's, else data/commission_plan.yaml)")
    _add_data_options(p)

    p = add("report", cmd_report, "write the monthly report workbook")
    p.add_argument("--period", required=True)
    p.add_argument("--rep", help="a rep's own report (includes their pay)")
    p.add_argument("--include-pay", action="store_true", help="include payouts in the department report")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    _add_data_options(p)

    p = add("query", cmd_query, "one read-only SELECT over the loaded tables (deals, targets, …)")
    p.add_argument("sql")
    p.add_argument("--max-rows", type=int, default=10_000)
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--memory-limit", default="1GB", type=_memory_size,
                   help="memory one query may use (DuckDB units: 512MB, 1GB); its worker is capped at about 1.5×")
    _add_data_options(p)

    p = add("changes", cmd_changes,
            "the pipeline waterfall between two snapshots: bucket, deals, amount (or pushes per rep or team)")
    p.add_argument("--before", required=True, help="a snapshot number, a date (the newest snapshot on or before "
                   "it) or a deals file")
    p.add_argument("--after", required=True, help="as --before, for the later snapshot")
    p.add_argument("--window", default="month",
                   help="deals closing in: month or quarter (of the later snapshot), all, or a period (2026-11)")
    p.add_argument("--by", choices=["rep", "team"], help="pushes, cuts, wins and losses per rep or team")

    p = add("publish", cmd_publish, "publish files to the team's workspace with the Data page's checks "
            "(exit 2, and nothing published, if any file fails)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--append", action="store_true", help="add to the published tables instead of replacing them")
    p.add_argument("--kind", choices=list(TABLES), help="force the table instead of detecting it")
    p.add_argument("--map", action="append", metavar="'Their Header=canonical_name'")
    p.add_argument("--note", help="a note kept in the history")
    p.add_argument("--snapshot-date", dest="snapshot_date", metavar="YYYY-MM-DD",
                   help="the day the deals were exported (an old export published late); default today")

    p = add("workspace", cmd_workspace, "the team's workspace: history (versions), check (integrity), "
            "backup FOLDER, restore FOLDER, pin/unpin VERSION, migrate --to URL (the DuckDB file into PostgreSQL)")
    p.add_argument("action", choices=["history", "check", "backup", "restore", "pin", "unpin", "migrate"])
    p.add_argument("target", nargs="?", metavar="FOLDER|VERSION")
    p.add_argument("--to", metavar="URL", help="migrate: the PostgreSQL database (postgresql://user@host/db)")

    p = add("users", cmd_users, "accounts and roles for team mode: add, remove, list, set-role, set-password, "
            "unlock")
    users = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    from analytics.access import ROLES

    u = users.add_parser("add", help="a new account (asks for its password)")
    u.add_argument("login", help="the sign-in name; the e-mail address when an identity provider is used")
    u.add_argument("--role", required=True, choices=ROLES)
    u.add_argument("--name", help="the name shown in the app (default: the login)")
    u.add_argument("--rep", help="the rep's name as the data spells it (maps the account to its figures)")
    u.add_argument("--team", action="append", metavar="TEAM", help="a team as the data spells it; repeatable")
    u.add_argument("--grant-pay", action="store_true", help="an analyst who may see pay")
    u.add_argument("--grant-data", action="store_true", help="an analyst who may publish and roll back")
    u.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    u.add_argument("--no-password", action="store_true",
                   help="no password: signs in through the identity provider only")
    u = users.add_parser("remove", help="remove an account")
    u.add_argument("login")
    users.add_parser("list", help="every account (never a password)")
    u = users.add_parser("set-role", help="change an account's role")
    u.add_argument("login")
    u.add_argument("role", choices=ROLES)
    u = users.add_parser("set-password", help="a new password (lifts a lock-out)")
    u.add_argument("login")
    u.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    u = users.add_parser("unlock", help="lift a lock-out after too many wrong passwords")
    u.add_argument("login")
    for u in users.choices.values():
        u.add_argument("--format", choices=["table", "csv", "json"], default=argparse.SUPPRESS)
        u.add_argument("--lang", choices=list(LANG_CODES), default=argparse.SUPPRESS)

    p = add("audit", cmd_audit, "the audit log: who changed what, when, before and after (newest first)")
    p.add_argument("--limit", type=int, metavar="N", help="only the N newest entries")

    p = add("sample", cmd_sample, "write the sample company's files")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD")
    p.add_argument("--edition", choices=("en", "zh"), default="en",
                   help="language of the names and labels: en, or zh (Chinese, money in CNY); same figures")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang: Lang = parse_lang(args.lang)
    try:
        return args.func(args, lang)
    except CliError as exc:
        for p in exc.problems:
            print(p.text(lang), file=sys.stderr)
        return 2
    except InputError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    except WorkspaceError as exc:
        print(exc.problem.text(lang), file=sys.stderr)
        return 3
    except ChangeRefused as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"error: {exc} already exists", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except (ValueError, KeyError) as exc:  # a usage problem the parser could not see
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 — a fault of ours: named in one line, never a traceback
        print(f"error: the command failed ({type(exc).__name__}: {str(exc)[:300]}). Nothing was published "
              "half-way; please report this line.", file=sys.stderr)
        return 4
