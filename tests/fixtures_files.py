"""Builders of test spreadsheets, written into a temporary folder by the tests.

``raw_xlsx`` writes the workbook XML by hand (shared strings, like Excel does) so that a large
file builds in a second and a hostile one can say exactly what a test needs: a lying
``<dimension>``, a DOCTYPE with entities, a cell far away. Nothing binary is committed.

Run ``python tests/fixtures_files.py`` for the read-time benchmark of the readers (medians of 3).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

Cell = str | int | float | bool | dt.date | dt.datetime | None

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{sheets}"
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
# cellXfs: 0 General, 1 date (numFmt 14 m/d/yyyy), 2 date-time (numFmt 22 m/d/yy h:mm)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EPOCH = dt.datetime(1899, 12, 30)


def col_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 25 -> Z, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_xml(ref: str, value: Cell, strings: dict[str, int]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        serial = (value - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}" s="2"><v>{serial!r}</v></c>'
    if isinstance(value, dt.date):
        serial = (value - _EPOCH.date()).days
        return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
    index = strings.setdefault(str(value), len(strings))
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def _sheet_chunks(rows: Iterable[Sequence[Cell]], strings: dict[str, int], dimension: str | None,
                  first_row: int) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN_NS}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    letters: list[str] = []
    for number, row in enumerate(rows, start=first_row):
        while len(letters) < len(row):
            letters.append(col_letter(len(letters)))
        cells = "".join(_cell_xml(f"{letters[j]}{number}", v, strings) for j, v in enumerate(row))
        yield f'<row r="{number}">{cells}</row>'
    yield "</sheetData></worksheet>"


def raw_xlsx(sheets: dict[str, Iterable[Sequence[Cell]]], *, dimension: dict[str, str] | None = None,
             first_row: int = 1, extra_parts: dict[str, bytes] | None = None,
             shared_strings_xml: bytes | None = None) -> bytes:
    """An .xlsx as bytes, Excel-style (shared strings, date styles), written without openpyxl.

    ``dimension`` maps a sheet name to the ``<dimension ref>`` it claims; ``extra_parts`` adds or
    replaces zip members; ``shared_strings_xml`` replaces the shared-strings part verbatim.
    """
    buf = io.BytesIO()
    strings: dict[str, int] = {}
    names = list(sheets)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for i, name in enumerate(names, start=1):
            with zf.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=True) as part:
                chunk: list[str] = []
                size = 0
                for text in _sheet_chunks(sheets[name], strings, (dimension or {}).get(name), first_row):
                    chunk.append(text)
                    size += len(text)
                    if size > 1 << 20:
                        part.write("".join(chunk).encode())
                        chunk, size = [], 0
                part.write("".join(chunk).encode())
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(names) + 1))
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=overrides))
        zf.writestr("_rels/.rels", _ROOT_RELS)
        sheet_tags = "".join(f'<sheet name="{escape(n, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                             for i, n in enumerate(names, start=1))
        zf.writestr("xl/workbook.xml",
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>{sheet_tags}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{i}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(names) + 1))
        n = len(names)
        rels += (f'<Relationship Id="rId{n + 1}" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                 'Target="styles.xml"/>'
                 f'<Relationship Id="rId{n + 2}" '
                 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                 'Target="sharedStrings.xml"/>')
        zf.writestr("xl/_rels/workbook.xml.rels",
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    f"{rels}</Relationships>")
        zf.writestr("xl/styles.xml", _STYLES)
        if shared_strings_xml is None:
            items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
            shared_strings_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<sst xmlns="{_MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                  f"{items}</sst>").encode()
        zf.writestr("xl/sharedStrings.xml", shared_strings_xml)
        for name, content in (extra_parts or {}).items():
            zf.writestr(name, content)
    return buf.getvalue()


def openpyxl_xlsx(sheets: dict[str, Sequence[Sequence[Cell]]]) -> bytes:
    """An .xlsx written by openpyxl in write-only mode (inline strings), as bytes."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---- hostile files -------------------------------------------------------------------------

def dimension_bomb_xlsx() -> bytes:
    """A few-KB workbook whose only sheet claims A1:ZX200000 (200,000 x 700 = 140 M cells)."""
    return raw_xlsx({"Deals": [["Deal", "Amount"], ["D1", 5]]}, dimension={"Deals": "A1:ZX200000"})


def far_cell_xlsx() -> bytes:
    """No dimension claim, but two real cells at A1 and ZX200000: the used range is 140 M cells."""
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN_NS}"><sheetData>'
           '<row r="1"><c r="A1"><v>1</v></c></row>'
           '<row r="200000"><c r="ZX200000"><v>2</v></c></row></sheetData></worksheet>').encode()
    return _replace_part(raw_xlsx({"Deals": [["x"]]}), "xl/worksheets/sheet1.xml", xml)


def billion_laughs_xml(root: str = "sst") -> bytes:
    """The classic entity-expansion bomb: 10 levels x 10 references = 10^9 'lol'."""
    lines = ['<?xml version="1.0"?>', f"<!DOCTYPE {root} [", ' <!ENTITY lol "lol">']
    for level in range(1, 10):
        refs = "".join(f"&lol{level - 1 if level > 1 else ''};" for _ in range(10))
        lines.append(f' <!ENTITY lol{level} "{refs}">')
    lines.append("]>")
    if root == "sst":
        lines.append(f'<sst xmlns="{_MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    else:
        lines.append(f'<worksheet xmlns="{_MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
                     "<is><t>&lol9;</t></is></c></row></sheetData></worksheet>")
    return "\n".join(lines).encode()


def billion_laughs_xlsx(part: str = "xl/sharedStrings.xml") -> bytes:
    """A workbook whose ``part`` (sharedStrings.xml or the sheet) carries the billion-laughs DTD."""
    base = raw_xlsx({"Deals": [["Deal", "Amount"], ["D1", 5]]})
    root = "sst" if part.endswith("sharedStrings.xml") else "worksheet"
    return _replace_part(base, part, billion_laughs_xml(root))


def zip_bomb_xlsx(path: Path, gigabytes: float = 1.0) -> Path:
    """Write to ``path`` a workbook whose sheet1.xml is ``gigabytes`` of zeros (about 1 MB compressed).

    Streams the member in 1 MB chunks so that building it never holds the whole member in memory.
    """
    base = raw_xlsx({"Deals": [["Deal"], ["D1"]]})
    chunk = b"0" * (1 << 20)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with dst.open(info.filename, "w", force_zip64=True) as part:
                    part.write(b'<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>')
                    for _ in range(int(gigabytes * 1024)):
                        part.write(chunk)
                    part.write(b"</v></c></row></sheetData></worksheet>")
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return path


def lie_about_size(path: Path, member: str, claimed: int) -> Path:
    """Patch the central directory of the zip at ``path`` so that ``member`` claims ``claimed`` bytes.

    The local header and the data stay as they are: a reader that trusts the directory is lied to.
    """
    data = bytearray(path.read_bytes())
    name = member.encode()
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = int.from_bytes(data[pos + 28: pos + 30], "little")
        if bytes(data[pos + 46: pos + 46 + name_len]) == name:
            data[pos + 24: pos + 28] = claimed.to_bytes(4, "little")
            break
        pos = data.find(b"PK\x01\x02", pos + 4)
    else:
        raise ValueError(f"{member} not in the central directory")
    path.write_bytes(bytes(data))
    return path


def corrupt_xlsx() -> bytes:
    """A real workbook cut in the middle: the zip central directory is gone."""
    data = raw_xlsx({"Deals": [["Deal", "Amount"], *[[f"D{i}", i] for i in range(200)]]})
    return data[: len(data) // 2]


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return buf.getvalue()


# ---- benchmark -----------------------------------------------------------------------------

def deal_rows(n: int, typed: bool = False) -> list[list[Cell]]:
    """``n`` deterministic deal rows of 15 columns (header first); ``typed`` gives numbers and dates."""
    header: list[Cell] = ["Deal ID", "Customer", "Sales Rep", "Team", "Region", "Segment", "Channel",
                          "Lead Source", "Product", "Stage", "Amount", "Quantity", "Created", "Close Date",
                          "Probability"]
    rows: list[list[Cell]] = [header]
    regions = ["North", "South", "East", "West"]
    stages = ["Prospecting", "Negotiation", "Won", "Lost"]
    for i in range(n):
        amount = round(100 + (i * 7919 % 99_900) + (i % 100) / 100, 2)
        created = dt.date(2025, 1 + i % 12, 1 + i % 28)
        close = dt.date(2026, 1 + (i * 5) % 12, 1 + (i * 3) % 28)
        row: list[Cell] = [f"D{i:06d}", f"Customer {i * 31 % 5000}", f"Rep {i % 40}", f"Team {i % 5}",
                           regions[i % 4], ["SMB", "Mid", "Enterprise"][i % 3], ["Direct", "Partner"][i % 2],
                           ["Web", "Referral", "Event"][i % 3], f"Product {i % 30}", stages[i % 4],
                           amount, i % 50 + 1, created, close, (i % 100) / 100]
        if not typed:
            row = [v.isoformat() if isinstance(v, dt.date) else (None if v is None else str(v)) for v in row]
        rows.append(row)
    return rows


def _benchmark() -> None:  # pragma: no cover - a script, not a test
    import csv
    import statistics
    import sys
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from analytics.ingest import readers

    rows = deal_rows(100_000, typed=True)
    text_rows = deal_rows(100_000)
    out = io.StringIO()
    csv.writer(out).writerows(text_rows)
    csv_bytes = out.getvalue().encode()
    xlsx_bytes = raw_xlsx({"Deals": rows})
    files = {"deals.csv": csv_bytes, "deals.xlsx": xlsx_bytes}
    if "--openpyxl" in sys.argv:
        files["deals-openpyxl.xlsx"] = openpyxl_xlsx({"Deals": rows})
    import resource

    import pandas as pd

    def median_of_3(fn: object) -> tuple[float, list[float], float, object]:
        """Median wall time, the runs, median CPU time (this process + children), the result."""
        times, cpu, result = [], [], None
        for _ in range(3):
            kids = resource.getrusage(resource.RUSAGE_CHILDREN)
            start, start_cpu = time.perf_counter(), time.process_time()
            result = fn()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(time.process_time() - start_cpu + after.ru_utime + after.ru_stime
                       - kids.ru_utime - kids.ru_stime)
        return statistics.median(times), times, statistics.median(cpu), result

    for name, data in files.items():
        med, times, cpu, sheets = median_of_3(lambda data=data, name=name: readers.read_file(data, name))
        shape = sheets[0].frame.shape  # type: ignore[index]
        if name.endswith(".csv"):
            ref, _, ref_cpu, _ = median_of_3(lambda data=data: pd.read_csv(io.BytesIO(data), dtype=str,
                                                                           keep_default_na=False))
            ref_name = "pd.read_csv(dtype=str)"
        else:
            ref, _, ref_cpu, _ = median_of_3(lambda data=data: pd.read_excel(io.BytesIO(data),
                                                                             engine="calamine"))
            ref_name = "pd.read_excel(calamine)"
        print(f"{name:20s} {len(data) / 2**20:5.1f} MB {shape[0]}x{shape[1]}  wall median {med:.3f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in times)}), cpu {cpu:.3f} s  | {ref_name} wall "
              f"{ref:.3f} s, cpu {ref_cpu:.3f} s (wall ratio {med / ref:.2f})")
    from analytics.ingest import safe_workbook

    tiny = raw_xlsx({"S": [["a", "b"], ["1", "2"]]})
    times = []
    for _ in range(5):
        start = time.perf_counter()
        safe_workbook.parse_in_child(tiny, "xlsx", None, readers.Limits())
        times.append(time.perf_counter() - start)
    print(f"child round trip on a tiny workbook: median {statistics.median(times):.3f} s")


if __name__ == "__main__":  # pragma: no cover
    _benchmark()
