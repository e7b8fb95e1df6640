"""The global slice (team, rep, region, segment, channel) as SQL with bound parameters.

Column names come from this module's fixed whitelist, never from user input; the values a
user picked are always passed as ``?`` parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

#: Dimensions a user can slice deals by, in sidebar order.
DIMENSIONS = ("team", "rep", "region", "segment", "channel", "lead_source", "product")


@dataclass(frozen=True)
class Filters:
    """Selected values per dimension; an empty tuple means "all"."""

    team: tuple[str, ...] = ()
    rep: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    segment: tuple[str, ...] = ()
    channel: tuple[str, ...] = ()
    lead_source: tuple[str, ...] = ()
    product: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def active(self) -> dict[str, tuple[str, ...]]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def without(self, *dims: str) -> Filters:
        """The same filters with ``dims`` cleared (e.g. a by-rep chart ignores nothing)."""
        return Filters(**{k: v for k, v in self.active().items() if k not in dims})


def where_sql(filters: Filters, alias: str = "", available: set[str] | None = None) -> tuple[str, list[object]]:
    """An ``AND``-joined SQL condition and its parameters for ``filters``.

    ``available`` lists the columns the table has; a filter on a missing column matches
    nothing, because a slice the data cannot answer must not silently show everything.
    Returns ``("TRUE", [])`` when nothing is filtered.
    """
    prefix = f"{alias}." if alias else ""
    parts: list[str] = []
    params: list[object] = []
    for dim, values in filters.active().items():
        if dim not in DIMENSIONS:
            raise ValueError(f"unknown filter dimension {dim!r}")
        if available is not None and dim not in available:
            parts.append("FALSE")
            continue
        placeholders = ", ".join("?" for _ in values)
        parts.append(f"{prefix}{dim} IN ({placeholders})")
        params.extend(values)
    return (" AND ".join(parts) if parts else "TRUE"), params
