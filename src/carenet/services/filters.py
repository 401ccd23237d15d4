"""The one filter vocabulary of the services: which part of the graph a use case reads.

:class:`Filter` holds what every filter of a part of the graph shares: a system, a place, some
sectors and a survey wave. ``None`` (``()`` for sectors) means "not set", that is everything; an
empty string is read as not set too, so a caller (GraphQL input, a query string, the CLI) that
sends ``""`` gets what ``None`` gives. Each use case adds its own fields to it:
:class:`carenet.services.graphs.Scope` (analyses: level, date, network rule),
:class:`carenet.services.exports.GraphFilter` (exports: date, network rule) and
:class:`carenet.services.subgraph.SubgraphFilter` (drawings: level, leadership levels, name search).
The root connections' field conditions (:class:`carenet.services.connections.Cond`) follow the
same rule: ``None`` for a condition not given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carenet.domain.enums import Sector
from carenet.errors import InvalidInput, Problem

_SECTORS = tuple(s.value for s in Sector)


def given(value: str | None) -> str | None:
    """``value``, or None when it is not set (None or an empty string)."""
    return None if value is None or value == "" else value


@dataclass(frozen=True)
class Filter:
    """Which nodes: those of ``system``, of ``place``, of ``sectors``; which ties: those of ``wave``."""

    system: str | None = None
    place: str | None = None
    sectors: Sequence[str] = ()
    wave: str | None = None

    def __post_init__(self) -> None:
        for name in ("system", "place", "wave"):
            object.__setattr__(self, name, given(getattr(self, name)))
        object.__setattr__(self, "sectors", tuple(s for s in self.sectors or () if s != ""))
        unknown = [s for s in self.sectors if s not in _SECTORS]
        if unknown:  # a query string or the CLI; a sector that is no sector matched nothing, silently
            raise InvalidInput([Problem("sector", f"not a sector: one of {', '.join(_SECTORS)}", s) for s in unknown])
