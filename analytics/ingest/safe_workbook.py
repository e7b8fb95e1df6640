"""Sandboxed reading of Excel workbooks (.xlsx/.xlsm/.xlsb/.ods and .xls).

A workbook is untrusted input parsed by native code (python-calamine), which can abort the
whole process or allocate without bound on a hostile file. So the parse runs in a CHILD
PROCESS (this file run as a script) with an address-space limit (RLIMIT_AS) and a wall-clock
timeout; the parent gets back each sheet's columns of text as one Arrow IPC stream (bytes
through the pipe, read by the parent without a copy), not a Python string per cell. Before the
child starts, the
parent checks what is cheap to check: the zip central directory (declared sizes and
compression ratios: zip bombs), the ``<dimension>`` each sheet claims, and, while the child
parses, every XML part is streamed through a scan that refuses DOCTYPE/ENTITY declarations
(XML bombs; Excel never writes them).

Problems are raised as :class:`Refused` (a code and its parameters); ``analytics.ingest.readers``
turns them into user messages. The child side imports nothing from the project, only the
standard library, python-calamine, numpy and pyarrow (for the columns it hands back) and (for old
.xls files calamine cannot open) xlrd.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as _dt
import io
import itertools
import pickle
import posixpath
import re
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

# Problem codes (the texts are defined in analytics.ingest.readers).
CORRUPT = "read_corrupt_workbook"
NOT_WORKBOOK_ZIP = "read_zip_not_workbook"
ZIP_BOMB = "read_zip_bomb"
UNZIPPED_TOO_BIG = "read_unzipped_too_big"
XML_ENTITIES = "read_xml_entities"
DECLARED_TOO_BIG = "read_declared_too_big"
TOO_MANY_CELLS = "read_too_many_cells"
OUT_OF_LIMITS = "read_out_of_limits"
TIMEOUT = "read_timeout"
PASSWORD = "read_password"
SHEET_NOT_FOUND = "read_sheet_not_found"
WORKBOOK_ERROR = "read_workbook_error"

MAX_MEMBERS = 10_000
RATIO_MIN_SIZE = 1 << 20  # members smaller than this cannot hurt, whatever their ratio
SMALL_PART_MAX = 50 << 20  # workbook.xml / its rels are read whole: a sane cap


class Refused(Exception):
    """A workbook the reader will not (or cannot) read: ``code`` plus message parameters."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(f"{code} {params}")


class LimitsLike(Protocol):
    max_uncompressed: int
    max_ratio: int
    max_cells: int
    max_declared_cells: int
    timeout_s: float
    memory_mb: int


@dataclass
class SheetPart:
    """One sheet of an .xlsx as listed in workbook.xml."""

    name: str
    part: str | None  # zip member of the worksheet XML (None: not found / not a worksheet)
    hidden: bool = False
    kind: str = "worksheet"


@dataclass
class ZipWorkbook:
    """What the in-process checks learned about a zip-based workbook."""

    kind: str  # "xlsx" (also xlsm/xltx), "xlsb" or "ods"
    sheets: list[SheetPart] = field(default_factory=list)


# ---- in-process checks (parent) --------------------------------------------------------------

def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open ``data`` as a zip archive or raise ``Refused(CORRUPT)``."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise Refused(CORRUPT, detail=str(exc)[:120]) from None


def check_zip_directory(zf: zipfile.ZipFile, limits: LimitsLike) -> None:
    """Refuse zip bombs from the central directory alone: member count, sizes, ratios."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused(ZIP_BOMB, part=f"{len(infos)} parts", size_mb=0, ratio=0)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_MIN_SIZE and ratio > limits.max_ratio:
            raise Refused(ZIP_BOMB, part=info.filename, size_mb=round(info.file_size / 2**20),
                          ratio=round(ratio))
    if total > limits.max_uncompressed:
        raise Refused(UNZIPPED_TOO_BIG, size_mb=round(total / 2**20),
                      limit_mb=round(limits.max_uncompressed / 2**20))


def _read_small(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > SMALL_PART_MAX:
        raise Refused(CORRUPT, detail=f"{name} is {info.file_size} bytes")
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        raise Refused(CORRUPT, detail=str(exc)[:120]) from None


def _parse_xml(zf: zipfile.ZipFile, name: str) -> Any:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    content = _read_small(zf, name)
    try:
        return fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise Refused(XML_ENTITIES, part=name) from None
    except (ParseError, ValueError) as exc:
        raise Refused(CORRUPT, detail=f"{name}: {str(exc)[:100]}") from None


def inspect_zip(data: bytes, limits: LimitsLike) -> tuple[zipfile.ZipFile, ZipWorkbook]:
    """Directory checks, then the workbook's kind and sheet list (read with defusedxml)."""
    zf = open_zip(data)
    check_zip_directory(zf, limits)
    names = {n.lower(): n for n in zf.namelist()}
    if "xl/workbook.bin" in names:
        return zf, ZipWorkbook("xlsb")
    if "content.xml" in names and "mimetype" in names:
        if b"spreadsheet" in _read_small(zf, names["mimetype"])[:200]:
            return zf, ZipWorkbook("ods")
        raise Refused(NOT_WORKBOOK_ZIP)
    if "xl/workbook.xml" not in names:
        raise Refused(NOT_WORKBOOK_ZIP)
    root = _parse_xml(zf, names["xl/workbook.xml"])
    targets: dict[str, tuple[str, str]] = {}
    rels_name = names.get("xl/_rels/workbook.xml.rels")
    if rels_name:
        for rel in _parse_xml(zf, rels_name):
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            targets[rel.get("Id") or ""] = (path, (rel.get("Type") or "").rsplit("/", 1)[-1])
    sheets: list[SheetPart] = []
    for el in root.iter():
        if not el.tag.endswith("}sheet") and el.tag != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), "")
        path, rel_type = targets.get(rid, ("", "worksheet"))
        member = names.get(path.lower())
        sheets.append(SheetPart(name=el.get("name") or "", part=member,
                                hidden=(el.get("state") or "visible") != "visible", kind=rel_type))
    return zf, ZipWorkbook("xlsx", sheets)


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref\s*=\s*[\"']([A-Za-z]{1,4})(\d{1,8})"
                        rb"(?::([A-Za-z]{1,4})(\d{1,8}))?[\"']")
_SHEETDATA = re.compile(rb"<(?:\w+:)?sheetData[\s>/]")


def _col_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def check_dimensions(zf: zipfile.ZipFile, sheets: list[SheetPart], limits: LimitsLike) -> None:
    """Refuse a sheet whose ``<dimension ref>`` claims more than ``max_declared_cells`` cells."""
    for sheet in sheets:
        if not sheet.part:
            continue
        head = b""
        try:
            with zf.open(sheet.part) as part:
                while len(head) < (1 << 20):
                    chunk = part.read(64 << 10)
                    if not chunk:
                        break
                    head += chunk
                    if _DIMENSION.search(head) or _SHEETDATA.search(head):
                        break
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise Refused(CORRUPT, detail=str(exc)[:120]) from None
        found = _DIMENSION.search(head)
        if not found:
            continue
        c1, r1, c2, r2 = found.groups()
        rows = abs(int(r2 or r1) - int(r1)) + 1
        cols = abs(_col_number(c2 or c1) - _col_number(c1)) + 1
        if rows * cols > limits.max_declared_cells:
            raise Refused(DECLARED_TOO_BIG, sheet=sheet.name, rows=rows, cols=cols, cells=rows * cols,
                          limit=limits.max_declared_cells)


_DTD_NEEDLES = ((b"<!", 1), (b"<\x00!\x00", 2), (b"\x00<\x00!", 3))  # (needle, offset of its "!")


def has_dtd(buf: bytes) -> bool:
    """True when ``buf`` holds ``<!DOCTYPE`` or ``<!ENTITY`` (any case; UTF-8 or UTF-16).

    One pass for ``!`` (rare in sheet XML) and the three spellings checked around each, instead
    of a pass per spelling: this scan runs beside the child's parse on every workbook upload."""
    bang = buf.find(b"!")
    while bang >= 0:
        for needle, offset in _DTD_NEEDLES:
            pos = bang - offset
            if pos >= 0 and buf.startswith(needle, pos):
                word = buf[pos + len(needle): pos + len(needle) + 16].replace(b"\x00", b"")[:7].upper()
                if word.startswith((b"DOCTYPE", b"ENTITY")):
                    return True
        bang = buf.find(b"!", bang + 1)
    return False


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*\bt\s*=\s*[\"']e[\"'][^>]*)>(.{0,400}?)</(?:\w+:)?c>", re.DOTALL)
_CELL_REF = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{1,4})(\d{1,8})[\"']")
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]{1,16})</(?:\w+:)?v>")


def _error_cells(buf: bytes, found: dict[tuple[int, int], str]) -> None:
    """Excel error cells (``t="e"``: #N/A, #VALUE!, #REF!) in a piece of sheet XML → (row, col) → text.

    The workbook reader in the child turns them into blanks; the importer reports them instead.
    """
    for m in _ERROR_CELL.finditer(buf):
        ref, value = _CELL_REF.search(m.group(1)), _CELL_VALUE.search(m.group(2))
        if ref and value:
            found[(int(ref.group(2)), _col_number(ref.group(1)))] = value.group(1).decode("ascii", "replace")


def scan_xml_parts(zf: zipfile.ZipFile) -> dict[str, dict[tuple[int, int], str]]:
    """Stream every XML part and refuse any DOCTYPE/ENTITY declaration (and CRC errors).

    Returns the Excel error cells found per worksheet part: part → (1-based row, col) → ``#N/A``.
    """
    errors: dict[str, dict[tuple[int, int], str]] = {}
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        tail = b""
        worksheet = "worksheets/" in info.filename.lower()
        try:
            with zf.open(info) as part:
                while True:
                    chunk = part.read(1 << 20)
                    if not chunk:
                        break
                    if has_dtd(chunk) or has_dtd(tail + chunk[:32]):
                        raise Refused(XML_ENTITIES, part=info.filename)
                    if worksheet and (b't="e"' in chunk or b"t='e'" in chunk or b't="e"' in tail + chunk[:600]):
                        _error_cells(tail + chunk, errors.setdefault(info.filename, {}))
                    tail = chunk[-600:]
        except Refused:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
            raise Refused(CORRUPT, detail=f"{info.filename}: {str(exc)[:100]}") from None
    return errors


# ---- the child process ---------------------------------------------------------------------

class _NoGlobals(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:  # pragma: no cover - hostile child only
        raise pickle.UnpicklingError(f"global {module}.{name} refused")


def _signal_name(returncode: int) -> str:
    import signal

    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return str(-returncode)


def _start_child() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-P", __file__], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


#: One child started ahead, its readers imported, waiting for a request on stdin: a workbook's
#: parse does not wait for a Python to start and import pyarrow and calamine (0.19 s of every
#: workbook, 8 % of a 100k-row one). It is a plain child like any other: limits are set when the
#: request comes, and it leaves on its own when this process dies (its stdin closes).
_spare: subprocess.Popen[bytes] | None = None
_spare_lock = threading.Lock()


def _take_child() -> subprocess.Popen[bytes]:
    global _spare
    with _spare_lock:
        proc, _spare = _spare, None
    if proc is not None and proc.poll() is None:
        return proc
    if proc is not None:  # it died while waiting (killed from outside): start afresh
        _close_pipes(proc)
    return _start_child()


def _keep_spare() -> None:
    """Start the next parse's child, once this one is done (not beside it: two cores)."""
    global _spare
    with _spare_lock:
        if _spare is None or _spare.poll() is not None:
            _spare = _start_child()


@atexit.register
def drop_spare() -> None:
    """Stop the waiting child (at exit; tests that count processes call it too)."""
    global _spare
    with _spare_lock:
        proc, _spare = _spare, None
    if proc is not None and proc.poll() is None:
        proc.kill()
        proc.wait()
    if proc is not None:
        _close_pipes(proc)


class ChildParse:
    """One run of the child parser; started at construction, finished by :meth:`result`.

    The input goes through stdin in one write and the answer comes back through stdout in one
    read, each in its own thread that spends its time in a system call (GIL released), so the
    parent can scan the zip meanwhile without slowing the child down.
    """

    def __init__(self, data: bytes, request: dict[str, Any], limits: LimitsLike):
        self.limits = limits
        self.deadline = time.monotonic() + limits.timeout_s
        payload = pickle.dumps({"data": data, "limits": {
            "memory_mb": limits.memory_mb, "max_cells": limits.max_cells,
            "cpu_s": limits.timeout_s}, **request}, protocol=5)
        self.proc = _take_child()
        self._out = b""
        self._writer = threading.Thread(target=self._write, args=(payload,), daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._writer.start()
        self._reader.start()

    def _write(self, payload: bytes) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(payload)
            stdin.close()
        except (OSError, ValueError):  # the child died or was killed before reading it all
            pass

    def _read(self) -> None:
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            self._out = stdout.read()
        except (OSError, ValueError):
            self._out = b""

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self._finish()

    def _finish(self) -> None:
        self.proc.wait()
        self._reader.join()
        self._writer.join()
        _close_pipes(self.proc)
        _keep_spare()

    def result(self) -> dict[str, Any]:
        self._reader.join(max(0.0, self.deadline - time.monotonic()))
        if self._reader.is_alive():
            self.kill()
            raise Refused(TIMEOUT, seconds=self.limits.timeout_s)
        self._finish()
        out = self._out
        if self.proc.returncode != 0 or not out:
            code = self.proc.returncode
            how = f"signal {_signal_name(code)}" if code and code < 0 else f"exit status {code}"
            raise Refused(OUT_OF_LIMITS, memory_mb=self.limits.memory_mb, how=how)
        try:
            answer = _NoGlobals(io.BytesIO(out)).load()
        except Exception:  # noqa: BLE001 - whatever the child wrote, it is not an answer
            raise Refused(OUT_OF_LIMITS, memory_mb=self.limits.memory_mb, how="unreadable answer") from None
        if not isinstance(answer, dict):
            raise Refused(OUT_OF_LIMITS, memory_mb=self.limits.memory_mb, how="unreadable answer")
        if answer.get("error"):
            code, params = answer["error"]
            raise Refused(str(code), **dict(params))
        return answer


def parse_in_child(data: bytes, kind: str, sheets: list[str] | None, limits: LimitsLike,
                   op: str = "read") -> dict[str, Any]:
    """Parse ``data`` in a sandboxed child; ``sheets=None`` reads every worksheet.

    Returns ``{"sheets": [{"name", "hidden", "nrows", "columns"}]}`` for ``op="read"`` (``columns``
    is an Arrow IPC stream of one string column per sheet column, ``b""`` for an empty sheet) or
    ``{"names": [...], "hidden": [...]}`` for ``op="names"``. Raises :class:`Refused`.
    """
    return ChildParse(data, {"op": op, "kind": kind, "sheets": sheets}, limits).result()


# ---- child side: runs in the sandbox -------------------------------------------------------

def _set_limits(memory_mb: int, cpu_s: float) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX: only the timeout protects
        return
    mem = int(memory_mb) << 20
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = int(cpu_s) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _float_text(v: float) -> str:
    if v.is_integer() and -1e16 < v < 1e16:
        return str(int(v))
    return repr(v)


def _duration_text(v: _dt.timedelta) -> str:
    seconds = v.total_seconds()
    sign = "-" if seconds < 0 else ""
    whole, frac = divmod(abs(seconds), 1)
    hours, rest = divmod(int(whole), 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return text + (f"{frac:.6f}"[1:].rstrip("0") if frac else "")


def cell_text(v: object) -> str:
    """One typed calamine/xlrd cell as text: ISO dates, whole floats without '.0', TRUE/FALSE."""
    c = v.__class__
    if c is str:
        return v  # type: ignore[return-value]
    if c is float:
        return _float_text(v)  # type: ignore[arg-type]
    if c is bool:
        return "TRUE" if v else "FALSE"
    if c is int:
        return str(v)
    if c is _dt.datetime:
        return v.isoformat(sep=" ", timespec="microseconds" if v.microsecond else "seconds")  # type: ignore[attr-defined]
    if c is _dt.date:
        return v.isoformat()  # type: ignore[attr-defined]
    if c is _dt.time:
        return v.isoformat(timespec="microseconds" if v.microsecond else "seconds")  # type: ignore[attr-defined]
    if c is _dt.timedelta:
        return _duration_text(v)  # type: ignore[arg-type]
    if v is None:
        return ""
    return str(v)


def _float_texts(values: Any) -> Any:
    """``_float_text`` of a float64 numpy array, as an Arrow string array: whole numbers through
    Arrow's integer formatting, the others (cents, NaN, inf) with Python's ``repr`` (Arrow's own
    float formatting writes 1.5e-05 as 0.000015)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    with np.errstate(invalid="ignore"):
        whole = (values == np.trunc(values)) & (np.abs(values) < 1e16)
    out = pa.array(np.where(whole, values, 0).astype(np.int64)).cast(pa.string())
    if whole.all():
        return out
    rest = values[~whole]
    with np.errstate(invalid="ignore", over="ignore"):
        cents = np.round(rest * 100)
        # 5610.33: repr is the shortest text that reads back as the float, which for at most 15
        # significant digits is the decimal itself; ``cents / 100`` is that decimal's float (IEEE
        # division rounds correctly), so where it equals the value, "I.DD" less trailing zeros is repr
        exact = (np.abs(rest) < 1e13) & (cents / 100 == rest)
    texts = pa.array([repr(v) for v in rest[~exact].tolist()], pa.string())
    if exact.any():
        whole_cents = np.abs(cents[exact]).astype(np.int64)
        decimals = pa.array([f".{k:02d}".rstrip("0") for k in range(100)]).take(pa.array(whole_cents % 100))
        signs = pa.array(np.where(rest[exact] < 0, "-", ""), pa.string())
        money = pc.binary_join_element_wise(signs, pa.array(whole_cents // 100).cast(pa.string()), decimals, "")
        texts = pc.replace_with_mask(pa.nulls(len(rest), pa.string()), pa.array(exact), money) \
            if len(texts) == 0 else _merge(exact, money, texts)
    return pc.replace_with_mask(out, pa.array(~whole), texts)


def _merge(mask: Any, where_true: Any, where_false: Any) -> Any:
    """One array from two: ``where_true`` in the rows of ``mask``, ``where_false`` in the others."""
    import numpy as np
    import pyarrow as pa

    position = np.empty(len(mask), dtype=np.int64)
    position[np.flatnonzero(mask)] = np.arange(len(where_true))
    position[np.flatnonzero(~mask)] = len(where_true) + np.arange(len(where_false))
    return pa.concat_arrays([where_true, where_false]).take(pa.array(position))


def _text_column(cells: Sequence[object]) -> Any:
    """One column of typed cells as an Arrow string array of ``cell_text``, built per class of
    cell: text as it is, floats and dates vectorised, the rare others one by one; the parts are
    put back in row order with one ``take`` (no Python string per number or date). A column of
    one class (most are) goes straight through."""
    import numpy as np
    import pyarrow as pa

    classes = set(map(type, cells)) if len(cells) else {str}
    if classes == {str}:
        return pa.array(cells, pa.string())
    if classes == {float}:
        return _float_texts(np.array(cells, dtype=np.float64))
    if classes == {_dt.date}:
        return pa.array(cells, pa.date32()).cast(pa.string())
    kinds = np.fromiter(map(type, cells), dtype=object, count=len(cells))
    objects = np.empty(len(cells), dtype=object)
    objects[:] = cells
    parts, order = [], []
    for cls in classes:
        rows = np.flatnonzero(kinds == cls)
        values = objects[rows]
        if cls is str:
            part = pa.array(values, pa.string())
        elif cls is float:
            part = _float_texts(values.astype(np.float64))
        elif cls is _dt.date:
            part = pa.array(values, pa.date32()).cast(pa.string())  # ISO, as date.isoformat
        else:
            part = pa.array([cell_text(v) for v in values.tolist()], pa.string())
        parts.append(part)
        order.append(rows)
    position = np.empty(len(cells), dtype=np.int64)
    position[np.concatenate(order)] = np.arange(len(cells))
    return pa.concat_arrays(parts).take(pa.array(position))


def _columns(rows: list[list[object]], width: int) -> bytes:
    """Rows of typed cells -> the sheet's columns of text as one Arrow IPC stream (a record batch
    of ``width`` string columns named 0, 1, …)."""
    import pyarrow as pa

    flat = list(itertools.chain.from_iterable(rows))  # (3x faster than zip(*rows) on 100k rows)
    arrays = [_text_column(flat[j::width]) for j in range(width)]
    del flat
    batch = pa.RecordBatch.from_arrays(arrays, names=[str(j) for j in range(width)])
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _error(code: str, **params: object) -> dict[str, Any]:
    return {"error": (code, params)}


def _read_calamine(data: bytes, request: dict[str, Any], max_cells: int) -> dict[str, Any]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except pc.PasswordError:
        return _error(PASSWORD)
    metas = [m for m in wb.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
    names = [m.name for m in metas]
    hidden = {m.name: m.visible != pc.SheetVisibleEnum.Visible for m in metas}
    if request["op"] == "names":
        return {"names": names, "hidden": [hidden[n] for n in names]}
    wanted = request.get("sheets") or names
    for name in wanted:
        if name not in hidden:
            return _error(SHEET_NOT_FOUND, sheet=name, sheets=", ".join(names))
    sheets = []
    total = 0
    for name in wanted:
        sheet = wb.get_sheet_by_name(name)
        end = sheet.end
        if end is None or sheet.height == 0 or sheet.width == 0:
            sheets.append({"name": name, "hidden": hidden[name], "nrows": 0, "columns": b""})
            continue
        nrows, width = end[0] + 1, end[1] + 1
        total += nrows * width
        if nrows * width > max_cells or total > max_cells:
            return _error(TOO_MANY_CELLS, sheet=name, rows=nrows, cols=width, limit=max_cells)
        rows = sheet.to_python(skip_empty_area=False)
        width = max((len(r) for r in rows), default=0)
        rows = [r if len(r) == width else [*r, *([""] * (width - len(r)))] for r in rows]
        sheets.append({"name": name, "hidden": hidden[name], "nrows": len(rows),
                       "columns": _columns(rows, width)})
    return {"sheets": sheets}


def _read_xlrd(data: bytes, request: dict[str, Any], max_cells: int) -> dict[str, Any]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    names = book.sheet_names()
    hidden = [bool(book.sheet_by_index(i).visibility) for i in range(len(names))]
    if request["op"] == "names":
        return {"names": names, "hidden": hidden}
    wanted = request.get("sheets") or names
    sheets = []
    for name in wanted:
        if name not in names:
            return _error(SHEET_NOT_FOUND, sheet=name, sheets=", ".join(names))
        sh = book.sheet_by_name(name)
        if sh.nrows * sh.ncols > max_cells:
            return _error(TOO_MANY_CELLS, sheet=name, rows=sh.nrows, cols=sh.ncols, limit=max_cells)
        rows: list[list[object]] = []
        for r in range(sh.nrows):
            row: list[object] = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value: object = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    if value.time() == _dt.time(0):  # type: ignore[attr-defined]
                        value = value.date()  # type: ignore[attr-defined]
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(cell.value)
                elif cell.ctype == xlrd.XL_CELL_ERROR:  # kept as #N/A: the importer reports it
                    value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    value = ""
                else:
                    value = cell.value
                row.append(value)
            rows.append(row)
        sheets.append({"name": name, "hidden": hidden[names.index(name)], "nrows": len(rows),
                       "columns": _columns(rows, sh.ncols) if rows else b""})
    return {"sheets": sheets}


class _NoPandas:
    """An import hook that says pandas is not installed (pyarrow then skips its pandas checks)."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas in the workbook child")


def _child_main() -> None:  # pragma: no cover - runs in the child, measured by the tests from outside
    # pyarrow imports pandas on its first array only to ask whether a value is a pandas object:
    # 0.6-1.7 s of a 100k-row workbook's read. The child has no pandas objects, so it has no pandas.
    sys.meta_path.insert(0, _NoPandas())
    import numpy  # noqa: F401 - imported while the child waits as the spare, not while a user does
    import pyarrow  # noqa: F401
    import pyarrow.compute  # noqa: F401
    import python_calamine  # noqa: F401

    try:
        request = pickle.load(sys.stdin.buffer)
    except EOFError:  # the spare of a process that has ended
        return
    limits = request["limits"]
    _set_limits(limits["memory_mb"], limits["cpu_s"])
    data = request.pop("data")
    try:
        try:
            answer = _read_calamine(data, request, limits["max_cells"])
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - calamine's errors: try xlrd for old .xls
            answer = _error(WORKBOOK_ERROR, detail=str(exc)[:200])
            if request["kind"] == "xls":
                try:
                    answer = _read_xlrd(data, request, limits["max_cells"])
                except MemoryError:
                    raise
                except Exception:  # noqa: BLE001 - keep calamine's message
                    pass
    except MemoryError:
        answer = _error(OUT_OF_LIMITS, memory_mb=limits["memory_mb"], how="MemoryError")
    sys.stdout.buffer.write(pickle.dumps(answer, protocol=5))
    sys.stdout.buffer.flush()


if __name__ == "__main__":  # pragma: no cover
    _child_main()
