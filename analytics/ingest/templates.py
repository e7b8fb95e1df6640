"""Blank import templates and the format reference, both generated from the schema."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from analytics import i18n
from analytics.store.schema import STAGES, TABLES, stage_entry_column

_EXAMPLES: dict[str, dict[str, str]] = {
    "deals": {"deal_id": "D-1001", "customer": "Acme Ltd", "rep": "Chen Jing", "team": "East",
              "region": "East", "segment": "Enterprise", "channel": "Direct", "lead_source": "Trade show",
              "product": "Analytics Suite", "stage": "Negotiation", "status": "open", "amount": "12,500.00",
              "quantity": "5", "created_date": "2026-09-01", "close_date": "2026-11-30", "probability": "60%",
              "lost_reason": "", "lost_stage": ""},
    "targets": {"period": "2026-11", "rep": "Chen Jing", "team": "East", "metric": "revenue", "target": "150000"},
    "surveys": {"date": "2026-11-20", "customer": "Acme Ltd", "rep": "Chen Jing", "deal_id": "D-1001",
                "csat": "5", "nps": "9", "comment": "Fast delivery"},
    "peer_reviews": {"period": "2026-Q3", "rep": "Chen Jing", "reviewer": "Wang Lei", "score": "4"},
    "activities": {"date": "2026-11-25", "rep": "Chen Jing", "customer": "Acme Ltd", "deal_id": "D-1001",
                   "type": "Call", "next_followup_date": "2026-12-05", "note": "Onboarding check"},
    "campaigns": {"period": "2026-11", "lead_source": "Trade show", "cost": "18000"},
    "markets": {"period": "2026", "segment": "Enterprise", "market_size": "25000000"},
}


def _bilingual(key: str, **params: object) -> str:
    """``English / 中文``: the templates and the README speak to both readers at once."""
    return f"{i18n.text(key, 'en', **params)} / {i18n.text(key, 'zh', **params)}"


def template_headers(table: str) -> list[tuple[str, str]]:
    """(header text ``English / 中文``, canonical name) for every column of ``table``."""
    spec = TABLES[table]
    out = [(_bilingual(c.label), c.name) for c in spec.columns]
    if table == "deals":
        out += [(_bilingual("template.entered", stage=i18n.Key(s.label)), stage_entry_column(s.key)) for s in STAGES]
    return out


def template_xlsx(table: str) -> bytes:
    """A workbook with the bilingual header row (required columns bold, blue) and one example row."""
    spec = TABLES[table]
    wb = Workbook()
    ws = wb.active
    ws.title = table
    required = set(spec.required)
    for col_index, (header, name) in enumerate(template_headers(table), start=1):
        cell = ws.cell(row=1, column=col_index, value=header)
        cell.font = Font(bold=name in required, color="FFFFFF" if name in required else "1A1F2B")
        cell.fill = PatternFill("solid", fgColor="0B5CAD" if name in required else "DDE6F0")
        column = next((c for c in spec.columns if c.name == name), None)
        if column is not None and column.description:
            cell.comment = Comment(column.description, "template")
        example = _EXAMPLES.get(table, {}).get(name, "")
        ws.cell(row=2, column=col_index, value=example).data_type = "s"
        ws.column_dimensions[cell.column_letter].width = max(14, len(header) + 4)
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def format_reference_markdown() -> str:
    """The README's table of accepted columns, generated from the schema (a test keeps the
    README in step)."""
    lines: list[str] = []
    for spec in TABLES.values():
        lines.append(f"**{spec.name}** ({_bilingual(spec.label)}) — {spec.description}")
        lines.append("")
        lines.append("| column | meaning | type | required | also recognised as (examples) |")
        lines.append("|---|---|---|---|---|")
        for c in spec.columns:
            latin = [x for x in c.synonyms if x.isascii() and x != c.name][:4]
            cjk = [x for x in c.synonyms if not x.isascii()][:2]
            examples = ", ".join(f"`{x}`" for x in latin + cjk)
            required = "yes" if c.required else ""
            lines.append(f"| `{c.name}` | {_bilingual(c.label)} | {c.type} | {required} | {examples} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
