"""What holds a server's memory (``bench_data_page.py --probe``): live big objects by kind (gc),
Streamlit's caches, Arrow's pool, every live DuckDB connection's own accounting, and the resident
set by mapping. Run inside the server (see ``bench/probe/sitecustomize.py``)."""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

MB = 1 << 20


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _size(obj: object, pd, pa, np) -> float:
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return float(obj.nbytes if isinstance(obj, memoryview) else len(obj))
    if pd is not None and isinstance(obj, pd.DataFrame):
        return float(obj.memory_usage(index=False, deep=False).sum())
    if pa is not None and isinstance(obj, (pa.Table, pa.RecordBatch, pa.Array, pa.ChunkedArray, pa.Buffer)):
        return float(obj.size if isinstance(obj, pa.Buffer) else obj.nbytes)
    if np is not None and isinstance(obj, np.ndarray) and obj.base is None:
        return float(obj.nbytes)
    return 0.0


def _big_objects() -> dict[str, float]:
    """MB held by live objects of at least 1 MB, by type (frames and tables by their buffers). Bytes
    and arrays are not tracked by gc: they are found among what the tracked objects refer to."""
    out: dict[str, float] = {}
    pd, pa, np = (sys.modules.get(m) for m in ("pandas", "pyarrow", "numpy"))
    seen: set[int] = set()
    for holder in gc.get_objects():
        for obj in (holder, *gc.get_referents(holder)):
            if id(obj) in seen:
                continue
            try:
                size = _size(obj, pd, pa, np)
            except Exception:  # noqa: BLE001 - an object half torn down
                continue
            if size >= MB:
                seen.add(id(obj))
                name = type(obj).__name__
                out[name] = out.get(name, 0.0) + size / MB
    return {k: round(v, 1) for k, v in out.items()}


def _describe(obj: object) -> str:
    name = type(obj).__name__
    if isinstance(obj, dict):
        keys = list(obj)[:6]
        return f"dict(keys={keys}, n={len(obj)})"
    if callable(obj) and hasattr(obj, "__qualname__"):
        return f"{name}:{getattr(obj, '__module__', '')}.{obj.__qualname__}"
    return name


def _chain(obj: object, depth: int = 6) -> list[str]:
    """Referrer chains from ``obj`` outwards (the probe's own frames skipped), breadth first."""
    import types

    lines: list[str] = []
    seen = {id(obj)}
    frontier = [(obj, "")]
    skip = (types.FrameType, types.CellType)
    for _ in range(depth):
        nxt = []
        for target, path in frontier:
            for ref in gc.get_referrers(target):
                if id(ref) in seen or isinstance(ref, skip) or ref is frontier or ref is nxt or ref is lines:
                    continue
                if isinstance(ref, (list, tuple)) and len(ref) < 3 and not path:
                    continue  # the probe's own loop variables
                seen.add(id(ref))
                step = f"{path} <- {_describe(ref)}"
                lines.append(step)
                nxt.append((ref, step))
        frontier = nxt[:12]
    return [line for line in lines if line.count("<-") >= 2][:40]


def _duckdb() -> list[object]:
    duckdb = sys.modules.get("duckdb")
    if duckdb is None:
        return []
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, duckdb.DuckDBPyConnection):
            try:
                used = obj.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()[0]
            except Exception:  # noqa: BLE001 - closed
                continue
            item: list[object] = [round(used / MB, 1)]
            if used >= 10 * MB:
                item.append(_chain(obj))
            found.append(item)
    return sorted(found, key=lambda item: -item[0])  # type: ignore[operator]


def _streamlit_caches() -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        from streamlit.runtime.caching import get_data_cache_stats_provider, get_resource_cache_stats_provider
        for provider in (get_data_cache_stats_provider(), get_resource_cache_stats_provider()):
            for stat in provider.get_stats():
                key = f"{stat.category_name}:{stat.cache_name.rsplit('.', 1)[-1]}"
                out[key] = out.get(key, 0.0) + stat.byte_length / MB
    except Exception as exc:  # noqa: BLE001
        out["error"] = str(exc)  # type: ignore[assignment]
    return {k: round(v, 1) for k, v in out.items() if isinstance(v, float) and v >= 0.5}


def _sessions() -> int:
    try:
        from streamlit.runtime import Runtime
        return len(Runtime.instance()._session_mgr.list_sessions())
    except Exception:  # noqa: BLE001
        return -1


def _mappings() -> dict[str, float]:
    """Resident MB of the anonymous mappings, grouped by their size (glibc's thread arenas are 64 MB
    heaps; other allocators map other sizes)."""
    out: dict[str, float] = {}
    size_mb = 0.0
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and ":" not in head[0]:
            start, end = (int(x, 16) for x in head[0].split("-"))
            size_mb = (end - start) / MB
            name = head[5] if len(head) > 5 else ""
        elif line.startswith("Rss:") and not name:
            rss = int(head[1]) / 1024
            if rss >= 1:
                key = "64 MB" if abs(size_mb - 64) < 0.01 else ("< 64 MB" if size_mb < 64 else "> 64 MB")
                out[key] = out.get(key, 0.0) + rss
    return {k: round(v, 1) for k, v in out.items()}


def _main_globals() -> dict[str, str]:
    """The last run's ``__main__`` (Streamlit leaves it in ``sys.modules``): its non-module globals."""
    main = sys.modules.get("__main__")
    if main is None:
        return {}
    out = {}
    for name, value in vars(main).items():
        if name.startswith("__") or type(value).__name__ in ("module", "function", "type"):
            continue
        out[name] = type(value).__name__
    return out


def report(path: str, collect: bool = False) -> None:
    pa = sys.modules.get("pyarrow")
    line: dict[str, object] = {}
    if collect:
        before = _status("VmRSS")
        line["collected_objects"] = gc.collect()
        from analytics.ingest.importer import release_memory
        release_memory()
        line["rss_before_collect_mb"] = round(before, 1)
    line |= {
        "time": time.time(),
        "rss_mb": round(_status("VmRSS"), 1),
        "arrow_pool_mb": round(pa.total_allocated_bytes() / MB, 1) if pa else None,
        "big_objects_mb": _big_objects(),
        "duckdb_connections_mb": _duckdb(),
        "streamlit_caches_mb": _streamlit_caches(),
        "sessions": _sessions(),
        "anonymous_mappings_mb": _mappings(),
        "main_globals": _main_globals(),
    }
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
