"""Data: upload exports, check and correct the column mapping, see what was rejected and why,
publish to the team, roll back, and download blank templates."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from analytics.access import ChangeRefused
from analytics.ingest.importer import RAW
from analytics.ingest.mapping import MappingMemory, allowed_columns, field_spec
from analytics.ingest.templates import template_xlsx
from analytics.store import changes
from analytics.store.schema import TABLES
from analytics.store.snapshots import date_in_file_name
from analytics.store.transfer import open_workspace
from analytics.store.workspace import PublishItem, WorkspaceError
from ui import context, upload
from ui.components import download_buttons, show_table
from ui.i18n import current_lang, t
from ui.safe import md

log = logging.getLogger("sales")
ctx = context.current()
lang = current_lang()
ws = open_workspace()
memory = MappingMemory(ws.mappings_doc)


def table_label(name: str | None) -> str:
    if name is None:
        return t("data.table.raw")
    spec = TABLES[name]
    return t(spec.label)


def column_options(table: str) -> list[str]:
    return ["", *allowed_columns(table)]


def render_result(item: upload.FileImport, result) -> None:
    title = f"{result.file_name}" + (f" · {result.sheet_name}" if result.sheet_name != result.file_name else "")
    status_icon = ":material/error:" if result.errors else (
        ":material/warning:" if result.rows_rejected or result.warnings else ":material/check_circle:")
    with st.expander(f"{title} → {table_label(result.table)}", expanded=True, icon=status_icon):
        cols = st.columns([2, 1, 1, 1])
        choices = [None, *TABLES]
        current = result.table
        chosen = cols[0].selectbox(t("data.table"), choices, index=choices.index(current),
                                   format_func=table_label, key=f"tbl:{item.digest}:{result.sheet_name}")
        if chosen != current:
            upload.set_sheet_choice(item.digest, result.sheet_name, chosen or RAW, {})
            st.rerun()
        cols[1].metric(t("data.read"), f"{result.rows_read:,}")
        cols[2].metric(t("data.loaded"), f"{result.rows_loaded:,}")
        cols[3].metric(t("data.rejected"), f"{result.rows_rejected:,}")
        st.caption(t("data.header_row", row=result.header_row))
        for p in result.errors:
            st.error(p.text(lang))
        for p in result.warnings:
            st.warning(p.text(lang))
        for p in result.notes:
            st.caption(":material/info: " + p.text(lang))
        if result.table:
            render_mapping_editor(item, result)
        if result.table and (result.rejected or not result.errors):
            rejected = result.rejected_frame(lang)
            if len(rejected):
                st.markdown("**" + t("data.rejected_rows", count=f"{len(rejected):,}") + "**")
                show_table(rejected, max_px=400)
                download_buttons(rejected, f"rejected_{result.file_name.rsplit('.', 1)[0]}",
                                 key=f"rej:{item.digest}:{result.sheet_name}")
            else:
                st.success(t("data.no_rejected"), icon=":material/task_alt:")


def column_label(table: str, name: str) -> str:
    """``Close date · close_date`` in the user's language; the empty choice is "not used"."""
    if not name:
        return t("data.not_used")
    if name.startswith("entered_"):
        key = name.removeprefix("entered_")
        stage = next((s for s in ctx.settings.stages if s.key == key), None)
        label = stage.label(lang) if stage else key
        return f"{t('data.entered')} {label} · {name}"
    col = field_spec(table, name)
    return f"{t(col.label)} · {name}"


def mapping_caption(row) -> str:
    """Under a column's select: how sure the match is, the unit its header states, "please check"."""
    parts = []
    if row.maps_to and not pd.isna(row.confidence):
        parts.append(t("data.match", pct=f"{row.confidence:.0%}"))
    elif row.maps_to:
        parts.append(t("data.chosen"))
    if row.unit is not None and row.unit.factor != 1:
        parts.append(t("data.unit_scaled", factor=f"{row.unit.factor:,.0f}", unit=md(row.unit.text)))
    elif row.unit is not None and row.unit.currency:
        parts.append(t("data.unit_currency", currency=row.unit.currency))
    if row.check:
        parts.append(":orange[:material/help: " + t("data.check") + "]")
    return " · ".join(parts)


def render_mapping_editor(item: upload.FileImport, result) -> None:
    """One select per column of the file: what the column is used as (in place, re-imports). The
    runner-up fields come first in each list; close calls and weak required fields ask to be checked."""
    st.markdown("**" + t("data.mapping") + "**")
    frame = upload.mapping_frame(result)
    options = column_options(result.table)
    checks = frame[frame["check"]]
    if len(checks):
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        c1.warning(t("data.confirm_intro", count=len(checks), columns=", ".join(md(h) for h in checks["header"])),
                   icon=":material/help:")
        if c2.button(t("data.confirm_button"), key=f"mapok:{item.digest}:{result.sheet_name}"):
            _table, overrides = upload.sheet_choice(item.digest, result.sheet_name)
            mine = {h: c for h, c in zip(frame["header"], frame["maps_to"], strict=True) if c and not c.startswith("month ")}
            upload.set_sheet_choice(item.digest, result.sheet_name, result.table, {**mine, **overrides})
            st.rerun()
    changed: dict[str, str] = {}
    grid = st.columns(4)
    for i, row in enumerate(frame.itertuples(index=False)):
        cell = grid[i % 4]
        if row.maps_to.startswith("month "):
            cell.text_input(md(row.header), t("data.month_column", month=row.maps_to.split()[-1]),
                            disabled=True, key=f"mapm:{item.digest}:{result.sheet_name}:{i}")
            continue
        current = row.maps_to if row.maps_to in options else ""
        first = [current, *(f for f in row.runners_up if f in options and f != current)]
        ordered = [*first, *(o for o in options if o not in first)]
        choice = cell.selectbox(
            md(row.header), ordered, index=0,
            format_func=lambda name, table=result.table: column_label(table, name),
            help=t("data.examples_help", examples=md(row.examples)) if row.examples else None,
            key=f"map:{item.digest}:{result.sheet_name}:{i}")
        if caption := mapping_caption(row):
            cell.caption(caption)
        if choice != current:
            changed[row.header] = choice or "-"
    if changed:
        _table, overrides = upload.sheet_choice(item.digest, result.sheet_name)
        upload.set_sheet_choice(item.digest, result.sheet_name, result.table, {**overrides, **changed})
        st.rerun()


def remember_upload() -> None:
    """The uploader changed: keep its files in the session (the widget forgets them when the user
    opens another page; the upload must survive that)."""
    files = st.session_state.get("uploader") or []
    st.session_state["_upload_files"] = [(f.name, f.getvalue()) for f in files]


def clear_upload() -> None:
    st.session_state.pop("_upload_files", None)
    context.set_session_upload(None)
    context.set_use_upload(True)


def upload_tab() -> None:
    st.caption(t("data.intro"))
    files = st.file_uploader(t("data.uploader"), type=["csv", "txt", "tsv", "xlsx", "xlsm", "xls"],
                             accept_multiple_files=True, key="uploader", on_change=remember_upload)
    if files and "_upload_files" not in st.session_state:
        remember_upload()
    stored: list[tuple[str, bytes]] = st.session_state.get("_upload_files") or []
    if not stored:
        if context.session_upload() is not None:
            context.set_session_upload(None)
            st.rerun()
        return
    if not files:  # back on this page: the widget is empty, the session still has the files
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        c1.info(t("data.upload_kept", files=", ".join(name for name, _ in stored)), icon=":material/inventory_2:")
        c2.button(t("data.clear_upload"), icon=":material/delete:", on_click=clear_upload)
    mode = st.session_state.get("publish_mode", "replace")
    progress = st.progress(0.0)

    def show_progress(name: str, index: int, count: int, state: upload.Snapshot) -> None:
        left = (t("data.progress_estimating") if state.seconds_left is None
                else t("data.progress_left", seconds=max(1, round(state.seconds_left))))
        progress.progress((index + state.fraction) / count, text=t(
            "data.progress", file=name, read=state.rows_read, checked=state.rows_checked, left=left))

    imports = upload.import_uploads(stored, ctx.settings, memory, show_progress)
    progress.empty()
    published = None
    if mode == "append":
        try:
            published = ws.deal_origins()
        except WorkspaceError as exc:
            st.error(exc.problem.text(lang), icon=":material/lock_clock:")
            return
    imports = upload.check_duplicates(imports, published)
    earlier = published_hashes()
    for item in imports:
        for p in item.error:
            st.error(p.text(lang), icon=":material/block:")
        if item.digest in earlier:
            version, when, first = earlier[item.digest]
            st.warning(t("data.already_published", file=item.name, earlier=first, version=version,
                         when=f"{when:%Y-%m-%d %H:%M}"), icon=":material/content_copy:")
        for result in item.results:
            render_result(item, result)

    session = upload.build_session(imports, extra=mode) if any(f.results for f in imports) else None
    previous = context.session_upload()
    if session is None:
        if previous is not None:
            context.set_session_upload(None)
        return
    if previous is None or previous.key != session.key:
        context.set_session_upload(session)
        st.rerun()
    st.toggle(t("data.use_upload"), value=context.use_upload(), key="use_upload",
              on_change=lambda: context.set_use_upload(st.session_state["use_upload"]))
    render_team_switches(session)

    st.divider()
    st.radio(t("data.publish_mode"), ["replace", "append"], horizontal=True,
             format_func=lambda m: t(f"data.mode.{m}"), key="publish_mode")
    st.button(t("data.publish"), type="primary", icon=":material/publish:", help=t("data.publish_help"),
              on_click=publish, args=(mode,))
    # The callback finds the imports here, not in its arguments: Streamlit keeps a widget's callback
    # arguments with the session, where a closed tab's release (ui.session_memory) cannot reach them.
    st.session_state["_publish_imports"] = imports


def published_hashes() -> dict:
    try:
        return ws.published_hashes()
    except WorkspaceError:
        return {}  # the page already stopped on a busy or damaged workspace before reaching here


def render_team_switches(session: context.SessionUpload) -> None:
    """One switch per table the upload lacks: take that table from the team's published data.

    Offered only when the team has published data; the sample is never combined with an upload."""
    missing = [name for name in TABLES if name not in session.own_tables]
    if not missing:
        return
    try:
        status = context.workspace_status(ws)
    except WorkspaceError as exc:
        st.caption(":material/lock_clock: " + exc.problem.text(lang))
        return
    if status.state != "published":
        st.caption(":material/info: " + t("data.team_none_to_combine"))
        return
    chosen = set(context.team_tables())
    st.markdown("**" + t("data.combine_title", version=status.version) + "**")
    cols = st.columns(3)
    for i, name in enumerate(missing):
        on = cols[i % 3].toggle(t("data.use_team_table", table=table_label(name)), value=name in chosen,
                                key=f"use_team:{name}")
        if on != (name in chosen):
            context.set_team_tables([x for x in TABLES if (x in chosen or x == name) and (on or x != name)])
            st.rerun()


def publish(mode: str) -> None:
    """Publish callback: runs before the next run's widgets exist, so it may switch the session
    back to the team's data in the same click."""
    imports: list[upload.FileImport] = st.session_state.get("_publish_imports") or []
    items = upload.publish_items(imports, mode)
    if not items:
        st.session_state["_published_note"] = ("warning", t("data.nothing_to_publish"))
        return
    try:
        with context._WS_LOCK:
            version = changes.publish(ws, ctx.scope, items, retention_days=ctx.settings.retention_days)
    except ChangeRefused as exc:  # checked before anything is written
        st.session_state["_published_note"] = ("error", exc.text(lang))
        return
    except WorkspaceError as exc:  # busy past the wait (names the holder) or damaged: nothing changed
        st.session_state["_published_note"] = ("error", t("data.publish_failed_because",
                                                          problem=exc.problem.text(lang)))
        return
    except Exception as exc:  # noqa: BLE001 - the previous version stays in place
        log.exception("publish failed")
        st.session_state["_published_note"] = ("error", t("data.publish_failed", error=type(exc).__name__))
        return
    for item in imports:
        for r in item.results:
            if r.mapping is not None and r.ok:
                memory.remember(r.headers, r.mapping)
    st.session_state["_published_note"] = ("success", t(
        "data.published", version=version, tables=", ".join(sorted({table_label(i.table) for i in items}))))
    context.set_use_upload(False)


# --- a dated series of deals exports: one pipeline snapshot each ------------------------------------

def series_files() -> list[dict]:
    """The series' files, each with its deals (or what is wrong) and its date: the one the user
    entered, else the one its name states, else None."""
    files = st.session_state.get("series_uploader") or []
    out = []
    for f in files:
        item = upload.import_upload(f.name, f.getvalue(), ctx.settings, memory)
        deals = [r for r in item.results if r.table == "deals" and r.ok and r.rows_loaded]
        problems = [p.text(lang) for p in item.error] + [p.text(lang) for r in item.results for p in r.errors]
        if not problems and len(deals) != 1:
            problems.append(t("data.series.not_deals", file=f.name))
        detected = date_in_file_name(f.name)
        entered = st.session_state.get(f"series_date:{item.digest}")
        out.append({"name": f.name, "digest": item.digest, "result": deals[0] if len(deals) == 1 else None,
                    "problems": problems, "detected": detected, "day": entered or detected})
    return out


def series_tab() -> None:
    st.caption(t("data.series.intro"))
    st.file_uploader(t("data.series.uploader"), type=["csv", "txt", "tsv", "xlsx", "xlsm", "xls"],
                     accept_multiple_files=True, key="series_uploader")
    files = series_files()
    if not files:
        return
    for f in files:
        c1, c2 = st.columns([3, 2], vertical_alignment="center")
        note = (t("data.series.detected", date=f["detected"].isoformat()) if f["detected"]
                else t("data.series.undated"))
        c1.markdown(f"**{md(f['name'])}** · {note}")
        c2.date_input(t("data.series.date", file=f["name"]), value=f["detected"], key=f"series_date:{f['digest']}",
                      format="YYYY-MM-DD", label_visibility="collapsed")
        for problem in f["problems"]:
            st.error(problem, icon=":material/block:")
    undated = [f["name"] for f in files if f["day"] is None]
    days: dict[object, list[str]] = {}
    for f in files:
        if f["day"] is not None:
            days.setdefault(f["day"], []).append(f["name"])
    same_day = {d: names for d, names in days.items() if len(names) > 1}
    if undated:
        st.error(t("data.series.no_date", files=", ".join(undated)), icon=":material/event_busy:")
    for day, names in same_day.items():
        st.error(t("data.series.same_day", files=", ".join(names), date=day.isoformat()), icon=":material/event_busy:")
    ready = not undated and not same_day and not any(f["problems"] for f in files)
    dated = sorted((f for f in files if f["day"] is not None and f["result"] is not None), key=lambda f: f["day"])
    if dated:
        st.markdown("**" + t("data.series.confirm") + "**")
        show_table(pd.DataFrame({
            t("data.series.col.date"): [f["day"] for f in dated],
            t("data.series.col.file"): [f["name"] for f in dated],
            t("data.series.col.deals"): [f["result"].rows_loaded for f in dated]}), max_px=320)
    st.button(t("data.series.publish", n=len(files)), type="primary", icon=":material/publish:",
              disabled=not ready, key="series_publish", on_click=publish_series,
              help=t("data.series.publish_help"))
    st.session_state["_publish_series"] = dated  # as for publish: not in the callback's arguments


def publish_series() -> None:
    """Publish each export as its own version, oldest first, dated by its export day: the last one
    becomes the team's deals, every one a snapshot of the pipeline."""
    dated: list[dict] = st.session_state.get("_publish_series") or []
    done: list[str] = []
    versions: list[int] = []
    for f in dated:
        r = f["result"]
        item = PublishItem("deals", r.frame, f["name"], f["digest"], r.rows_rejected, "replace")
        try:
            with context._WS_LOCK:
                versions.append(changes.publish(ws, ctx.scope, [item], retention_days=ctx.settings.retention_days,
                                                snapshot_date=f["day"]))
        except ChangeRefused as exc:  # checked before anything is written
            problem = exc.text(lang)
        except WorkspaceError as exc:
            problem = exc.problem.text(lang)
        except Exception as exc:  # noqa: BLE001 - what was published stays; say where it stopped
            log.exception("series publish failed")
            problem = type(exc).__name__
        else:
            done.append(f["name"])
            continue
        st.session_state["_published_note"] = ("error", t("data.series.stopped", file=f["name"], problem=problem,
                                                          done=", ".join(done) or "–"))
        return
    st.session_state["_published_note"] = ("success", t(
        "data.series.published", n=len(versions), first=dated[0]["day"].isoformat(),
        last=dated[-1]["day"].isoformat(), v1=versions[0], v2=versions[-1]))
    context.set_use_upload(False)


def history_tab() -> None:
    versions = ws.version_list()
    if versions.empty:
        st.info(t("data.history_empty"))
        return
    version = ctx.source.version if ctx.source.kind == "workspace" else ws.current_version()
    st.markdown(t("data.current_version", version=version))
    st.caption(t("data.retention_note", days=ctx.settings.retention_days))
    shown = pd.DataFrame({
        t("data.hist.version"): versions["version"],
        t("data.hist.when"): versions["published_at"],
        t("data.hist.files"): versions["files"],
        **{table_label(name): versions[name] for name in TABLES if versions[name].any()},
        t("data.hist.pinned"): versions["pinned"],
    })
    st.dataframe(shown.iloc[::-1], hide_index=True, placeholder="–")
    kept = [int(v) for v in versions["version"] if v != version]
    if kept:
        c1, c2 = st.columns([1, 3], vertical_alignment="bottom")
        target = c1.selectbox(t("data.rollback"), sorted(kept, reverse=True), key="rollback_to")
        if c2.button(t("data.rollback_button"), icon=":material/history:"):
            try:
                with context._WS_LOCK:
                    changes.rollback(ws, ctx.scope, int(target))
            except ChangeRefused as exc:
                st.session_state["_published_note"] = ("error", exc.text(lang))
            else:
                st.session_state["_published_note"] = ("success", t("data.rolled_back", version=target))
            st.rerun()
    with st.expander(t("data.hist.log")):
        history = ws.history()
        log_view = history.rename(columns={
            "version": t("data.hist.version"), "published_at": t("data.hist.when"), "action": t("data.hist.action"),
            "file_name": t("data.hist.file"), "content_hash": t("data.hist.hash"), "table_name": t("data.hist.table"),
            "mode": t("data.hist.mode"), "rows_loaded": t("data.hist.rows_loaded"),
            "rows_rejected": t("data.hist.rows_rejected")}).drop(columns=["note"])
        log_view[t("data.hist.hash")] = log_view[t("data.hist.hash")].astype("str").str[:12]
        st.dataframe(log_view, hide_index=True, placeholder="–")


def templates_tab() -> None:
    st.markdown(t("data.formats"))
    for name, spec in TABLES.items():
        label = t(spec.label)
        with st.expander(t("data.columns_of", table=label)):
            rows = [{
                "column": c.name,
                "label": t(c.label),
                "required": t("data.required") if c.required else "",
                "also": ", ".join(c.synonyms[:8]),
            } for c in spec.columns]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", placeholder="–")
            st.download_button(f"{t('data.template_for')}: {label} (.xlsx)", lambda name=name: template_xlsx(name),
                               on_click="ignore", file_name=f"template_{name}.xlsx", key=f"tpl:{name}",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               icon=":material/download:")


st.title(t("data.title"))
if note := st.session_state.pop("_published_note", None):
    getattr(st, note[0])(note[1])
if not ctx.scope.may_change_data:
    st.caption(":material/lock: " + t("scope.data_read_only"))
tab_upload, tab_series, tab_history, tab_templates = st.tabs(
    [t("data.tab.upload"), t("data.tab.series"), t("data.tab.history"), t("data.tab.templates")])
with tab_upload:
    upload_tab()
with tab_series:
    series_tab()
with tab_history:
    try:
        history_tab()
    except WorkspaceError as exc:  # e.g. a session upload in use while the team's file is busy
        st.error(exc.problem.text(lang), icon=":material/lock_clock:")
with tab_templates:
    templates_tab()
