"""Data: upload exports, check and correct the column mapping, see what was rejected and why,
publish to the team, roll back, and download blank templates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.ingest.importer import RAW
from analytics.ingest.mapping import MappingMemory
from analytics.ingest.templates import template_xlsx
from analytics.store.schema import STAGES, TABLES, stage_entry_column
from analytics.store.workspace import Workspace
from ui import context, upload
from ui.components import download_buttons
from ui.i18n import current_lang, t

ctx = context.current()
lang = current_lang()
ws = Workspace()
memory = MappingMemory(ws.mappings_path)


def table_label(name: str | None) -> str:
    if name is None:
        return t("data.table.raw")
    spec = TABLES[name]
    return t(spec.label)


def column_options(table: str) -> list[str]:
    names = list(TABLES[table].names)
    if table == "deals":
        names += [stage_entry_column(s.key) for s in STAGES]
    return ["", *names]


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
        if result.table and not result.errors:
            rejected = result.rejected_frame(lang)
            if len(rejected):
                st.markdown("**" + t("data.rejected_rows", count=f"{len(rejected):,}") + "**")
                st.dataframe(rejected, hide_index=True, height=min(400, 38 + 35 * len(rejected)), placeholder="–")
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
    col = TABLES[table].column(name)
    return f"{t(col.label)} · {name}"


def render_mapping_editor(item: upload.FileImport, result) -> None:
    """One select per column of the file: what the column is used as (in place, re-imports)."""
    st.markdown("**" + t("data.mapping") + "**")
    frame = upload.mapping_frame(result)
    options = column_options(result.table)
    changed: dict[str, str] = {}
    grid = st.columns(4)
    for i, row in enumerate(frame.itertuples(index=False)):
        cell = grid[i % 4]
        if row.maps_to.startswith("month "):
            cell.text_input(row.header, t("data.month_column", month=row.maps_to.split()[-1]), disabled=True,
                            key=f"mapm:{item.digest}:{result.sheet_name}:{i}")
            continue
        current = row.maps_to if row.maps_to in options else ""
        choice = cell.selectbox(
            row.header, options, index=options.index(current),
            format_func=lambda name, table=result.table: column_label(table, name),
            help=t("data.examples_help", examples=row.examples) if row.examples else None,
            key=f"map:{item.digest}:{result.sheet_name}:{i}")
        if choice != current:
            changed[row.header] = choice or "-"
    if changed:
        _table, overrides = upload.sheet_choice(item.digest, result.sheet_name)
        upload.set_sheet_choice(item.digest, result.sheet_name, result.table, {**overrides, **changed})
        st.rerun()


def upload_tab() -> None:
    st.caption(t("data.intro"))
    files = st.file_uploader(t("data.uploader"), type=["csv", "txt", "tsv", "xlsx", "xlsm", "xls"],
                             accept_multiple_files=True, key="uploader")
    if not files:
        if context.session_upload() is not None:
            context.set_session_upload(None)
            st.rerun()
        return
    imports: list[upload.FileImport] = []
    progress = st.progress(0.0)
    for i, f in enumerate(files):
        progress.progress(i / len(files), text=t("data.reading", file=f.name))
        imports.append(upload.import_upload(f.name, f.getvalue(), ctx.settings, memory))
    progress.empty()
    for item in imports:
        for p in item.error:
            st.error(p.text(lang), icon=":material/block:")
        for result in item.results:
            render_result(item, result)

    session = upload.build_session(imports, context.shared_source().con) if any(
        f.results for f in imports) else None
    previous = context.session_upload()
    if session is None:
        if previous is not None:
            context.set_session_upload(None)
        return
    if previous is None or previous.key != session.key:
        context.set_session_upload(session)
        st.rerun()
    st.toggle(t("data.use_upload"), value=True, key="use_upload")

    st.divider()
    mode = st.radio(t("data.publish_mode"), ["replace", "append"], horizontal=True,
                    format_func=lambda m: t(f"data.mode.{m}"), key="publish_mode")
    st.button(t("data.publish"), type="primary", icon=":material/publish:", help=t("data.publish_help"),
              on_click=publish, args=(imports, mode))


def publish(imports: list[upload.FileImport], mode: str) -> None:
    """Publish callback: runs before the next run's widgets exist, so it may switch the session
    back to the team's data (the toggle's state) in the same click."""
    items = upload.publish_items(imports, mode)
    if not items:
        st.session_state["_published_note"] = ("warning", t("data.nothing_to_publish"))
        return
    try:
        with context._WS_LOCK:
            version = ws.publish(items)
    except Exception as exc:  # noqa: BLE001 - the previous version stays in place
        st.session_state["_published_note"] = ("error", t("data.publish_failed", error=type(exc).__name__))
        return
    for item in imports:
        for r in item.results:
            if r.mapping is not None and r.ok:
                memory.remember(r.headers, r.mapping)
    st.session_state["_published_note"] = ("success", t(
        "data.published", version=version, tables=", ".join(sorted({table_label(i.table) for i in items}))))
    st.session_state["use_upload"] = False


def history_tab() -> None:
    history = ws.history()
    if history.empty:
        st.info(t("data.history_empty"))
        return
    version = ctx.source.version if ctx.source.kind == "workspace" else ws.current_version()
    st.markdown(t("data.current_version", version=version))
    shown = history.rename(columns={
        "version": t("data.hist.version"), "published_at": t("data.hist.when"), "action": t("data.hist.action"),
        "file_name": t("data.hist.file"), "content_hash": t("data.hist.hash"), "table_name": t("data.hist.table"),
        "mode": t("data.hist.mode"), "rows_loaded": t("data.hist.rows_loaded"),
        "rows_rejected": t("data.hist.rows_rejected")}).drop(columns=["note"])
    shown[t("data.hist.hash")] = shown[t("data.hist.hash")].astype("str").str[:12]
    st.dataframe(shown, hide_index=True, placeholder="–")
    kept = [v for v in ws.versions() if v != version]
    if kept:
        c1, c2 = st.columns([1, 3], vertical_alignment="bottom")
        target = c1.selectbox(t("data.rollback"), sorted(kept, reverse=True), key="rollback_to")
        if c2.button(t("data.rollback_button"), icon=":material/history:"):
            with context._WS_LOCK:
                ws.rollback(int(target))
            st.session_state["_published_note"] = ("success", t("data.rolled_back", version=target))
            st.rerun()


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
            st.download_button(f"{t('data.template_for')}: {label} (.xlsx)", template_xlsx(name),
                               file_name=f"template_{name}.xlsx", key=f"tpl:{name}",
                               mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               icon=":material/download:")


st.title(t("data.title"))
if note := st.session_state.pop("_published_note", None):
    getattr(st, note[0])(note[1])
tab_upload, tab_history, tab_templates = st.tabs(
    [t("data.tab.upload"), t("data.tab.history"), t("data.tab.templates")])
with tab_upload:
    upload_tab()
with tab_history:
    history_tab()
with tab_templates:
    templates_tab()
