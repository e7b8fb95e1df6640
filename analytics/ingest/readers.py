"""Reading uploaded files into text grids: CSV/TXT in any common encoding, XLSX/XLS workbooks.

``read_file`` decides by the file's CONTENT (magic bytes), not its extension, finds the header
row below any title rows, and returns every cell as stripped text or None so that the importer
parses all formats the same way. Anything unreadable raises ``messages.InputError`` with one
clear problem naming the file; hostile workbooks are parsed in a sandboxed child process
(see :mod:`analytics.ingest.safe_workbook`).

Conventions: ``Sheet.frame`` has object columns holding ``str`` or ``None`` (never NaN); row
numbers are 1-based rows as Excel shows them (for a CSV: records, so a quoted value spanning
two text lines is still one row). Workbook cells are converted to text in the child: dates
``2026-11-30``, date-times ``2026-11-30 14:22:00``, whole floats without ``.0``, other floats
by ``repr`` (no rounding), booleans ``TRUE``/``FALSE``. Excel error cells (``#N/A``, ``#DIV/0!``)
come back blank: python-calamine does not expose them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from analytics import i18n
from analytics.ingest import safe_workbook as sw
from analytics.ingest.progress import Progress
from analytics.messages import InputError, Problem

# ---- problem catalogue -------------------------------------------------------------------------



# ---- public types --------------------------------------------------------------------------

@dataclass
class Sheet:
    """One table read from a file: every cell stripped text or blank (NaN), header detected."""

    name: str                 # sheet name, or the file name for CSV
    frame: pd.DataFrame       # pandas str columns (Arrow), blank cells NaN; columns = header texts (unique)
    header_row: int           # 1-based row of the header as the user sees it in Excel / an editor
    row_numbers: list[int]    # for each frame row, its 1-based row number in the file
    title_rows: list[str] = field(default_factory=list)   # text of the title rows above the header
    notes: list[Problem] = field(default_factory=list)    # "info" notes (encoding, delimiter, ...)


@dataclass(frozen=True)
class Limits:
    """Bounds for one file; a file beyond any of them is refused with one clear problem."""

    max_bytes: int = 1024 * 2**20         # file size: the upload limit (.streamlit/config.toml)
    max_cells: int = 20_000_000           # workbooks only: rows x cols present (all sheets read)
    max_declared_cells: int = 50_000_000  # dimension claimed by an xlsx sheet
    max_uncompressed: int = 1 * 2**30     # sum of zip member sizes
    max_ratio: int = 200                  # zip compression ratio per member (members >= 1 MB)
    timeout_s: float = 60.0               # wall time of the child parser
    memory_mb: int = 2048                 # RLIMIT_AS of the child parser
    csv_arrow: bool = True                # CSV through Arrow's reader (False: the pandas/csv path)


# ---- content sniffing ----------------------------------------------------------------------

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC: list[tuple[bytes, i18n.Key]] = [
    (b"%PDF", i18n.Key("file_kind.pdf_document")),
    (b"\x89PNG", i18n.Key("file_kind.png_image")),
    (b"GIF8", i18n.Key("file_kind.gif_image")),
    (b"\xff\xd8\xff", i18n.Key("file_kind.jpeg_image")),
    (b"\x1f\x8b", i18n.Key("file_kind.gzip_archive")),
    (b"7z\xbc\xaf\x27\x1c", i18n.Key("file_kind.7_zip_archive")),
    (b"Rar!", i18n.Key("file_kind.rar_archive")),
    (b"\x7fELF", i18n.Key("file_kind.program")),
    (b"MZ\x90\x00", i18n.Key("file_kind.program")),
    (b"PK\x05\x06", i18n.Key("file_kind.empty_zip_archive")),
]
_WORKBOOK_EXT = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".ods", ".xls", ".xlt"}


def _kind_of(data: bytes) -> str:
    if data.startswith(_ZIP):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    return "text"


def _ext(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def _fail(code: str, filename: str, **params: object) -> InputError:
    return InputError(Problem(code, {"file": filename, **params}))


def _refused(exc: sw.Refused, filename: str) -> InputError:
    return _fail(exc.code, filename, **exc.params)


# ---- text decoding -------------------------------------------------------------------------

_GB_PAIR = re.compile(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]|[\x81-\xfe][\x40-\xfe]")
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_GB2312_PAIR = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (with BOM)", "utf-16-le": "UTF-16",
                   "utf-16-be": "UTF-16 (big-endian)", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32",
                   "gb18030": "GB18030 (GBK)", "cp1252": "Windows-1252 (Latin-1)", "latin-1": "Latin-1"}


def _plausible_gb(data: bytes) -> bool:
    """True when the high bytes look like Chinese text in GB2312/GBK rather than accented Latin."""
    sample = data[: 1 << 20]
    pairs = _GB_PAIR.findall(sample)
    if not pairs:
        return False
    common = sum(1 for p in pairs if len(p) == 2 and _GB2312_PAIR.fullmatch(p))
    return common >= 0.7 * len(pairs)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Bytes -> (text, codec, replaced): BOM, then strict UTF-8, GB18030 if it looks Chinese, cp1252.

    ``replaced`` is True when undecodable bytes were replaced by U+FFFD (a BOM'd UTF-16/32 file with
    an odd byte, or a UTF-8 file with a few invalid bytes among many valid multi-byte characters).
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                       (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(codec.replace("-sig", "")), codec, False
            except UnicodeDecodeError:
                return body.decode(codec.replace("-sig", ""), errors="replace"), codec, True
    codec16 = _utf16_without_bom(data)
    if codec16:
        try:
            return data.decode(codec16), codec16, False
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    sample = data[: 1 << 20]
    valid = len(_UTF8_MULTI.findall(sample))
    if valid and valid >= 10 * sample.decode("utf-8", errors="replace").count("\ufffd"):
        return data.decode("utf-8", errors="replace"), "utf-8", True  # UTF-8 with a few bad bytes
    if _plausible_gb(data):
        try:
            return data.decode("gb18030"), "gb18030", False
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "cp1252", False
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", False


def _not_text(data: bytes, text: str, filename: str) -> None:
    """Raise when ``data`` is a known binary format or its text is full of control characters."""
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise _fail("read_not_spreadsheet", filename, kind=kind)
    head = text[:65536]
    if "\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 200):
        raise _fail("read_not_spreadsheet", filename, kind=i18n.Key("file_kind.binary"))
    lead = head.lstrip()[:2000].lower()
    if lead.startswith(("<html", "<!doctype html", "<table")) or (lead.startswith("<") and "<html" in lead):
        raise _fail("read_save_as_xlsx", filename, kind=i18n.Key("file_kind.html"))
    if lead.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in head[:4000]:
        raise _fail("read_save_as_xlsx", filename, kind=i18n.Key("file_kind.excel_2003_xml"))


# ---- CSV -----------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": i18n.Key("delimiter.comma"), ";": i18n.Key("delimiter.semicolon"),
                    "\t": i18n.Key("delimiter.tab"), "|": i18n.Key("delimiter.pipe")}
_SEP_LINE = re.compile(r"\A\s*sep=(.)\s*(?:\r\n|\n|\r)", re.IGNORECASE)
_EXPECTED_FIELDS = re.compile(r"Expected \d+ fields in line \d+, saw (\d+)")


def sniff_delimiter(text: str) -> tuple[str, int]:
    """Pick the delimiter whose field count is most consistent over the first lines (quote-aware).

    Returns (delimiter, widest row seen in the sample). A file without any candidate is ``,``.
    """
    explicit = _SEP_LINE.match(text)
    sample = text[:65536]
    truncated = len(text) > len(sample)
    best: tuple[float, int, int] = (0.0, 0, 0)
    choice, widest = ",", 1
    for order, delim in enumerate(_DELIMITERS):
        counts = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delim) if r]
        if truncated and len(counts) > 1:
            counts = counts[:-1]
        if explicit and explicit.group(1) == delim:
            return delim, max(counts, default=1)
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=lambda c: (multi.count(c), c))
        consistency = sum(1 for c in counts if c == mode) / len(counts)
        key = (round(consistency, 2), mode, -order)
        if key > best:
            best, choice, widest = key, delim, max(counts)
    return choice, widest


def csv_data_rows(text: str) -> int:
    """Data rows of a CSV as a user counts them: its lines, less the header and a final line end."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    return max(lines - 1, 0)


def csv_grid_refused(rows: int, cols: int, size: int, max_cells: int) -> bool:
    """True when a CSV's grid would be a bomb: more cells than its bytes could ever hold.

    A CSV is bounded by its bytes (``Limits.max_bytes``, the upload limit): every field of a
    rectangular file costs at least its delimiter or line end, so a wide CRM export of a million
    rows (22 million cells in 184 MB) is a normal file. Only ragged rows can claim more cells than
    bytes (one line of 100,000 commas above 1,000 short lines); those are refused beyond the cell
    cap, which otherwise is for workbooks, whose few compressed bytes can claim billions of cells."""
    return rows * cols > max(max_cells, size + 1)


def _read_csv_grid(payload: bytes, text: str, delim: str, width: int, filename: str,
                   max_cells: int) -> tuple[list[list[object]], int]:
    """All records as columns of raw strings (pandas C parser; the csv module if rows are ragged)."""
    rows = csv_data_rows(text)

    def check(cols: int) -> None:
        if csv_grid_refused(rows + 1, cols, len(payload), max_cells):
            raise _fail(sw.TOO_MANY_CELLS, filename, sheet=PurePath(filename).name, rows=rows, cols=cols,
                        limit=max_cells)

    names = width
    for _ in range(4):
        check(names)
        try:
            df = pd.read_csv(io.BytesIO(payload), sep=delim, header=None, names=range(names), dtype=object,
                             na_filter=False, keep_default_na=False, skip_blank_lines=False,
                             quotechar='"', doublequote=True, engine="c", encoding="utf-8",
                             index_col=False, low_memory=False)
            return [df[c].tolist() for c in df.columns], len(df)
        except pd.errors.EmptyDataError:
            return [], 0
        except pd.errors.ParserError as exc:
            found = _EXPECTED_FIELDS.search(str(exc))
            if not found:
                break
            names = max(names + 1, int(found.group(1)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise _fail("read_bad_csv", filename, line=reader.line_num, detail=str(exc)[:120]) from None
    width = max((len(r) for r in records), default=0)
    check(width)
    columns: list[list[object]] = [[] for _ in range(width)]
    for r in records:
        for j in range(width):
            columns[j].append(r[j] if j < len(r) else "")
    return columns, len(records)


def _read_csv_arrow(payload: bytes | memoryview, delim: str, width: int,
                    progress: Progress | None = None) -> tuple[list[pa.ChunkedArray], int] | None:
    """Every record as cleaned columns through Arrow's multi-threaded CSV reader, or None when the
    file is not a plain rectangle of ``width`` fields per record (a ragged row, a blank line, a
    title row above the header): those go through ``_read_csv_grid``, which knows them. On a
    rectangle both read the same records (tests/test_import_speed.py compares them).

    Arrow's streaming reader, block by block: it reports rows read as it goes (``progress``). Blocks
    of 1 MB: on a 254 MB 1M x 22 export 0.57 s, against 0.97 s with 16 MB blocks (medians of 5, same
    run; a quoted line end keeps Arrow from splitting big blocks between its threads).

    Arrow also checks that every byte is UTF-8 (``check_utf8``): a file that is not fails here, and
    ``_read_text`` decodes it the slow way, so a valid file is not decoded twice."""
    names = [f"c{j}" for j in range(width)]
    block = 1 << 20
    try:
        reader = pa_csv.open_csv(
            pa.py_buffer(payload),
            read_options=pa_csv.ReadOptions(column_names=names, block_size=block),
            parse_options=pa_csv.ParseOptions(delimiter=delim, quote_char='"', double_quote=True,
                                              escape_char=False, newlines_in_values=True,
                                              ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                  null_values=[], strings_can_be_null=False,
                                                  quoted_strings_can_be_null=False))
        chunks: list[list[pa.Array]] = [[] for _ in range(width)]
        rows = 0
        for read, batch in enumerate(reader, start=1):  # cleaned while Arrow's threads parse the next blocks
            if batch.num_columns != width or any(not pa.types.is_string(t) for t in batch.schema.types):
                return None
            for j in range(width):
                chunks[j].append(_clean_text(batch.column(j)))
            rows += batch.num_rows
            if progress is not None:  # the header is a record too: data rows are one fewer
                progress.read(max(rows - 1, 0), min(read * block, len(payload)))
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None
    columns = [pa.chunked_array(c, pa.string()) for c in chunks]
    del chunks
    # Arrow's allocator keeps freed pages for reuse: 470 MB after a 250 MB file, held for good
    pa.default_memory_pool().release_unused()
    return columns, rows


_UTF8_BOM = b"\xef\xbb\xbf"
_HEAD_BYTES = 4 * 65536 + 4  # holds at least the 65,537 characters the sniffers look at


def _utf8_candidate(data: bytes) -> str | None:
    """"utf-8-sig" or "utf-8" when ``data`` may be UTF-8 (no UTF-16/32 mark or shape), else None.
    Only the head is looked at: whether every byte is UTF-8 is Arrow's check while it reads
    (``_read_csv_arrow``), so a 250 MB export is not decoded once just to learn that it is."""
    if data.startswith(_UTF8_BOM):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or _utf16_without_bom(data):
        return None
    return "utf-8"


def _read_text(data: bytes, filename: str, notes: list[Problem], limits: Limits,
               progress: Progress | None = None) -> Sheet:
    codec = _utf8_candidate(data) if limits.csv_arrow else None
    fast = None
    if codec is not None:
        payload: bytes | memoryview = memoryview(data)[3:] if codec == "utf-8-sig" else data
        head = bytes(payload[:_HEAD_BYTES]).decode("utf-8", errors="ignore")  # the last character may be cut
        text, replaced = head[:65537] if len(payload) > _HEAD_BYTES else head, False
        _not_text(data, text, filename)
        delim, width = sniff_delimiter(text)
        fast = _read_csv_arrow(payload, delim, width, progress)
    if fast is None:
        tried = codec
        text, codec, replaced = decode_text(data)
        _not_text(data, text, filename)
        delim, width = sniff_delimiter(text)
        if codec == "utf-8" and not replaced:
            payload = data
        elif codec == "utf-8-sig" and not replaced:
            payload = data[3:]
        else:
            payload = text.encode("utf-8")
        # Arrow has read these very bytes already when they were UTF-8: it failed on their shape
        if limits.csv_arrow and not (tried is not None and codec in ("utf-8", "utf-8-sig") and not replaced):
            fast = _read_csv_arrow(payload, delim, width, progress)
    if fast is not None:
        columns, nrows = fast
    else:
        grid, nrows = _read_csv_grid(bytes(payload), text, delim, width, filename, limits.max_cells)
        columns = [pa.array(_clean(c), pa.string()) for c in grid]
        del grid
    del text, payload
    encoding = _ENCODING_NAMES.get(codec, codec)
    notes.append(Problem("read_text_format", {"file": filename, "encoding": encoding,
                                              "delimiter": _DELIMITER_NAMES[delim]}, "info"))
    if replaced:
        notes.append(Problem("read_decode_replaced", {"file": filename, "encoding": encoding}, "warning"))
    sheet = _build_sheet(PurePath(filename).name, columns, nrows, notes)
    if sheet is None:
        raise _fail("read_no_data", filename)
    if sheet.title_rows and re.fullmatch(r"sep=.?", sheet.title_rows[0], re.IGNORECASE):
        sheet.title_rows.pop(0)
    return sheet


# ---- grid -> Sheet -------------------------------------------------------------------------

def _clean(values: list[object]) -> list[str | None]:
    """Strip every cell; blank or missing -> None (per cell: the reference for ``_clean_text``)."""
    return [v.strip() or None for v in values]  # type: ignore[attr-defined]


#: Exactly the characters Python's ``str.strip()`` removes (``str.isspace``), for Arrow's trim.
_WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


def _clean_text(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """``_clean`` of a column of text in Arrow compute: strip (the same characters as ``str.strip``),
    blank -> null. It stays in Arrow: the frame's columns are pandas ``str`` over these very buffers,
    and the value parsers read them back without a copy. A Python ``str`` per cell (an object column)
    cost 0.9 s of a 1M x 22 import, and turning it back into Arrow for the parsers as much again."""
    trimmed = pc.utf8_trim(column, characters=_WHITESPACE)
    shortest = pc.min(pc.binary_length(trimmed)).as_py()
    if shortest is None or shortest > 0:  # no blank cell: most columns of an export
        return trimmed
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


_NUMBERISH = re.compile(r"[\s$€£¥￥+\-−(]*\d[\d\s,.:/'\-]*%?\)?(?:\s*[AaPp][Mm])?")


def _is_text_cell(value: str) -> bool:
    return not _NUMBERISH.fullmatch(value)


def detect_header_row(rows: list[list[str | None]]) -> int:
    """0-based index of the header among ``rows`` (the first rows of a sheet, title rows included).

    The header is the first row with at least two non-empty cells (mostly distinct), one of them
    text (not a number or date), that is not much narrower than the rows below it (a title row
    is). Without such a row: the first of the widest rows. Single-column data: the first
    non-blank row. All rows blank: 0.
    """
    def values(row: list[str | None]) -> list[str]:
        return [s for s in (("" if v is None else str(v)).strip() for v in row) if s]

    filled = [len(values(r)) for r in rows]
    nonblank = [i for i, f in enumerate(filled) if f]
    if not nonblank:
        return 0
    widest = max(filled)
    if widest <= 1:
        return nonblank[0]
    for pos, i in enumerate(nonblank):
        cells = values(rows[i])
        count = len(cells)
        if count < 2 or len({c.casefold() for c in cells}) < max(2, count / 2):
            continue
        if not any(_is_text_cell(c) for c in cells):
            continue
        below = [filled[j] for j in nonblank[pos + 1: pos + 6]]
        if below and count < 0.75 * max(below):
            continue
        return i
    return next(i for i in nonblank if filled[i] == widest)


def _unique_names(header: list[str | None], positions: list[int]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for value, position in zip(header, positions, strict=True):
        base = value if value else f"column_{position + 1}"
        name, n = base, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base} ({n})"
        seen.add(name.casefold())
        names.append(name)
    return names


_HEADER_WINDOW = 50


def _rows_of(columns: list[pa.Array], start: int, stop: int) -> list[list[str | None]]:
    """Rows ``start``..``stop`` of the columns as Python lists (the few rows the header is sought in)."""
    cut = [col.slice(start, stop - start).to_pylist() for col in columns]
    return [list(row) for row in zip(*cut, strict=True)] if cut else []


def _build_sheet(name: str, columns: list[pa.Array], nrows: int,
                 notes: list[Problem] | None = None) -> Sheet | None:
    """Cleaned columns of a whole sheet (text or null; row i = file row i + 1) -> Sheet; None if all
    blank. The frame's columns are pandas ``str`` over the Arrow buffers (blank: NaN)."""
    window = _rows_of(columns, 0, min(nrows, _HEADER_WINDOW))
    if not any(any(v is not None for v in row) for row in window):
        # the first rows are blank: look further (a sheet may start far down)
        filled = np.zeros(nrows, dtype=bool)
        for col in columns:
            filled |= col.is_valid().to_numpy(zero_copy_only=False)
        if not filled.any():
            return None
        offset = int(filled.argmax())
        window = _rows_of(columns, offset, min(nrows, offset + _HEADER_WINDOW))
    else:
        offset = 0
    h = offset + detect_header_row(window)
    head = _rows_of(columns, 0, h + 1)
    titles = [" ".join(v for v in row if v is not None) for row in head[:h]]
    header = head[h] if head else []
    body = [col.slice(h + 1) for col in columns]
    keep = [j for j, col in enumerate(body) if header[j] is not None or col.null_count < len(col)]
    names = _unique_names([header[j] for j in keep], keep)
    frame = pd.DataFrame({n: _text_series(body[j]) for n, j in zip(names, keep, strict=True)},
                         columns=names, copy=False)
    first_row = h + 2  # 1-based file row of the first data row
    if len(frame):
        filled = _filled_rows(frame)
        if filled.all():
            row_numbers = list(range(first_row, first_row + len(frame)))
        else:
            row_numbers = [first_row + i for i in filled.nonzero()[0].tolist()]
            frame = frame[filled].reset_index(drop=True)
    else:
        row_numbers = []
    return Sheet(name=name, frame=frame, header_row=h + 1, row_numbers=row_numbers,
                 title_rows=[t for t in titles if t], notes=list(notes or []))


def _text_series(column: pa.Array) -> pd.Series:
    """A column of text or null as pandas ``str`` (Arrow-backed, blank: NaN), without copying the text."""
    return pd.Series(column.to_pandas(), copy=False) if len(column) else pd.Series([], dtype="str")


def _filled_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows with at least one cell, looking at the next column only where all before were blank:
    a first column of ids settles nearly every row."""
    blank = np.ones(len(frame), dtype=bool)
    rows = np.arange(len(frame))
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j]
        still = (column if len(rows) == len(frame) else column.iloc[rows]).isna().to_numpy(dtype=bool)
        rows = rows[still]
        blank[:] = False
        blank[rows] = True
        if not len(rows):
            break
    return ~blank


def _columns_from_child(sheet: dict[str, object]) -> list[pa.Array]:
    """The child's columns (an Arrow IPC stream of string columns) cleaned like a CSV's. The bytes
    come from a process that parsed hostile input, so the stream is validated in full and must be
    what was asked for (string columns of ``nrows`` rows) before any of it is used; else ValueError."""
    nrows = int(sheet["nrows"])  # type: ignore[call-overload]
    data = sheet["columns"]
    if not isinstance(data, bytes) or not data:
        return []
    try:
        table = pa.ipc.open_stream(pa.py_buffer(data)).read_all()
        table.validate(full=True)
    except (pa.ArrowException, OSError) as exc:
        raise ValueError("unreadable answer") from exc
    if table.num_rows != nrows or not all(pa.types.is_string(t) for t in table.schema.types):
        raise ValueError("unreadable answer")
    out = []
    for _column in range(table.num_columns):  # dropping each column once cleaned
        out.append(_clean_text(table.column(0)))
        table = table.remove_column(0)
    return out


# ---- workbooks -----------------------------------------------------------------------------

def _zip_sheets(book: sw.ZipWorkbook, sheet: str | None, filename: str) -> list[sw.SheetPart]:
    worksheets = [s for s in book.sheets if s.kind == "worksheet"]
    if sheet is None:
        return worksheets
    for s in worksheets:
        if s.name == sheet:
            return [s]
    raise _fail(sw.SHEET_NOT_FOUND, filename, sheet=sheet, sheets=", ".join(s.name for s in worksheets))


def _read_workbook(data: bytes, filename: str, kind: str, sheet: str | None, limits: Limits,
                   notes: list[Problem]) -> list[Sheet]:
    try:
        if kind == "zip":
            zf, book = sw.inspect_zip(data, limits)
            wanted: list[str] | None = None if sheet is None else [sheet]
            if book.kind == "xlsx":
                parts = _zip_sheets(book, sheet, filename)
                sw.check_dimensions(zf, parts, limits)
                if not parts:
                    raise _fail("read_no_data", filename)
            child = sw.ChildParse(data, {"op": "read", "kind": book.kind, "sheets": wanted}, limits)
            try:
                error_parts = sw.scan_xml_parts(zf)  # runs while the child parses
            except sw.Refused:
                child.kill()
                raise
            answer = child.result()
            by_name = {p.name: p.part for p in book.sheets}
            error_cells = {name: error_parts[part] for name, part in by_name.items() if part in error_parts}
        else:
            if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
                raise sw.Refused(sw.PASSWORD)
            answer = sw.parse_in_child(data, "xls", None if sheet is None else [sheet], limits)
    except sw.Refused as exc:
        raise _refused(exc, filename) from None
    if kind != "zip":
        error_cells = {}
    sheets: list[Sheet] = []
    for item in answer["sheets"]:
        sheet_notes = list(notes)
        if item["hidden"]:
            sheet_notes.append(Problem("read_hidden_sheet", {"file": filename, "sheet": item["name"]}, "info"))
        try:
            columns = _columns_from_child(item)
        except ValueError:
            raise _refused(sw.Refused(sw.OUT_OF_LIMITS, memory_mb=limits.memory_mb, how="unreadable answer"),
                           filename) from None
        columns = _with_error_cells(columns, error_cells.get(item["name"], {}))
        built = _build_sheet(item["name"], columns, int(item["nrows"]), sheet_notes)
        if built is not None:
            sheets.append(built)
    if not sheets:
        if sheet is not None:
            raise _fail("read_sheet_empty", filename, sheet=sheet)
        raise _fail("read_no_data", filename)
    return sheets


def _with_error_cells(columns: list[pa.Array], cells: dict[tuple[int, int], str]) -> list[pa.Array]:
    """The columns with Excel's error texts (#N/A, #REF! ...) put into the cells the reader left
    blank: ``cells`` maps (1-based row, column) to the text found in the sheet's XML."""
    by_column: dict[int, list[tuple[int, str]]] = {}
    for (row, col), text in cells.items():
        if col <= len(columns) and row <= len(columns[col - 1]):
            by_column.setdefault(col - 1, []).append((row - 1, text))
    for j, found in by_column.items():
        values = columns[j].to_pylist()
        for i, text in found:
            if values[i] is None:
                values[i] = text
        columns[j] = pa.array(values, pa.string())
    return columns


# ---- public entry points -------------------------------------------------------------------

def _check_size(data: bytes, filename: str, limits: Limits) -> None:
    if not data:
        raise _fail("read_empty", filename)
    if len(data) > limits.max_bytes:
        raise _fail("read_too_large", filename, size_mb=round(len(data) / 2**20, 1),
                    limit_mb=round(limits.max_bytes / 2**20, 1))


def _mismatch_note(kind: str, filename: str) -> list[Problem]:
    ext = _ext(filename)
    if kind == "text" and ext in _WORKBOOK_EXT:
        return [Problem("read_kind_mismatch", {"file": filename, "named": ext, "actual": "CSV/text"}, "info")]
    if kind != "text" and ext in {".csv", ".txt", ".tsv"}:
        actual = "an Excel workbook" if kind == "zip" else "an Excel 97-2003 workbook (.xls)"
        return [Problem("read_kind_mismatch", {"file": filename, "named": ext, "actual": actual}, "info")]
    return []


def read_file(data: bytes, filename: str, *, sheet: str | None = None,
              limits: Limits = Limits(), progress: Progress | None = None) -> list[Sheet]:  # noqa: B008
    """Read a CSV/TXT or Excel file into Sheets (every non-empty sheet, or only ``sheet``).

    The format comes from the content, not the name. Every cell is stripped text or None; a
    header without data rows gives a Sheet with 0 rows. Raises InputError when unreadable.
    ``progress`` hears of the rows read (block by block for a CSV, at the end for a workbook).
    """
    _check_size(data, filename, limits)
    kind = _kind_of(data)
    notes = _mismatch_note(kind, filename)
    if kind == "text":
        found = _read_text(data, filename, notes, limits, progress)
        if sheet is not None and sheet not in (found.name, filename):
            raise _fail(sw.SHEET_NOT_FOUND, filename, sheet=sheet, sheets=found.name)
        sheets = [found]
    else:
        sheets = _read_workbook(data, filename, kind, sheet, limits, notes)
    if progress is not None:
        progress.read(sum(len(s.frame) for s in sheets), len(data), finished=True)
    return sheets


def sheet_names(data: bytes, filename: str, *, limits: Limits = Limits()) -> list[str]:  # noqa: B008
    """Names of the worksheets of a workbook, in order (hidden ones included); [file name] for CSV."""
    _check_size(data, filename, limits)
    kind = _kind_of(data)
    try:
        if kind == "zip":
            _zf, book = sw.inspect_zip(data, limits)
            if book.kind == "xlsx":
                return [s.name for s in book.sheets if s.kind == "worksheet"]
            return list(sw.parse_in_child(data, book.kind, None, limits, op="names")["names"])
        if kind == "ole":
            return list(sw.parse_in_child(data, "xls", None, limits, op="names")["names"])
    except sw.Refused as exc:
        raise _refused(exc, filename) from None
    text, _codec, _replaced = decode_text(data)
    _not_text(data, text, filename)
    return [PurePath(filename).name]
