"""The culture indicator catalogue: ``carenet/graph_schema/culture_indicators.json``, read once.

Each indicator has a code, a name, a kind (People Promise element, sub-score, theme, question), a
scale (``score_0_10`` or ``percent``), whether a higher value is better, and every heading or code
published files use for it; ``ignore`` holds patterns of published headings carenet does not use.
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from carenet.domain import models as m
from carenet.domain.enums import CultureScale


def default_path() -> Path:
    """``culture_indicators.json`` in the schema folder: ``CARENET_SCHEMA_DIR`` when set (as the
    settings read it), else the package's own ``carenet/graph_schema`` (package data, in a wheel too)."""
    folder = os.environ.get("CARENET_SCHEMA_DIR")
    return (
        Path(folder) if folder else Path(__file__).resolve().parents[1] / "graph_schema"
    ) / "culture_indicators.json"


def compact(text: object) -> str:
    """A heading or code as compared: lower case, letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", str(text if text is not None else "").lower())


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    kind: str
    scale: CultureScale
    higher_is_better: bool
    published: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, Indicator]
    minimum_responses: int
    ignore: tuple[re.Pattern[str], ...]

    @functools.cached_property
    def by_heading(self) -> dict[str, Indicator]:
        out: dict[str, Indicator] = {}
        for ind in self.indicators.values():
            for name in (ind.code, ind.name, *ind.published):
                out.setdefault(compact(name), ind)
        return out

    def find(self, heading: object) -> Indicator | None:
        return self.by_heading.get(compact(heading))

    def ignored(self, heading: object) -> bool:
        key = compact(heading)
        return any(p.search(key) for p in self.ignore)


def catalogue(path: Path | None = None) -> Catalogue:
    """The indicator catalogue (read once per path; default :func:`default_path`)."""
    return _read(Path(path) if path is not None else default_path())


@functools.cache
def _read(path: Path) -> Catalogue:
    raw = json.loads(path.read_text(encoding="utf-8"))
    indicators = {
        i["code"]: Indicator(
            i["code"],
            i["name"],
            i["kind"],
            CultureScale(i["scale"]),
            bool(i.get("higher_is_better", True)),
            tuple(i.get("published", ())),
        )
        for i in raw["indicators"]
    }
    return Catalogue(
        indicators,
        int(raw.get("minimum_responses", m.CULTURE_MIN_RESPONSES)),
        tuple(re.compile(p) for p in raw.get("ignore", ())),
    )
