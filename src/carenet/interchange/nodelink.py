"""Node-link JSON (networkx's ``node_link_data`` layout) read into carenet models.

Nodes are ``{"id": uid, "type": "Team", ...properties}``; edges (``"edges"`` or, in older
files, ``"links"``) are ``{"source", "target", "type": "COLLABORATES_WITH", "uid", ...}``.
Attributes that exports derive (``label``, ``degree``, ``place``, metric columns...) are
ignored on the way in; any other unknown attribute is a problem. Problem locations are
JSON paths: ``file:$.nodes[3].sector``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from carenet.domain.schema import NODE_MODELS, REL_SPECS, SPECIAL_CATEGORY_LABELS, NodeLabel, RelType
from carenet.errors import Problem
from carenet.interchange.records import Parsed, _message, rule_field

DERIVED = frozenset(
    {
        "label",
        "organisation",
        "organisation_name",
        "place",
        "system",
        "degree",
        "in_degree",
        "out_degree",
        "effective_size",
        "ei_index",
        "weight",
        "key",
        "id",
        "type",
        "kind_label",
        "brokerage_roles",
    }
)
"""Attributes exports add for drawing and analysis; never stored, so ignored by the reader."""


def read_node_link(path: Path, data: bytes, parsed: Parsed) -> None:
    source = path.name
    if not data.strip():
        parsed.problems.append(Problem(f"{source}:1:1", "the file is empty", None))
        return
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        parsed.problems.append(Problem(f"{source}:1:{exc.start + 1}", "not UTF-8 text", None))
        return
    except json.JSONDecodeError as exc:
        parsed.problems.append(Problem(f"{source}:{exc.lineno}:{exc.colno}", f"not JSON: {exc.msg}", None))
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes", []), list):
        parsed.problems.append(
            Problem(f"{source}:$", "expected node-link JSON: an object with 'nodes' and 'edges'", None)
        )
        return
    labels: dict[str, str] = {}
    for i, raw in enumerate(doc.get("nodes", [])):
        parsed.rows += 1
        where = f"{source}:$.nodes[{i}]"
        model = _model_for(raw, NODE_MODELS, NodeLabel, where, parsed)
        if model is None:
            continue
        values = {k: v for k, v in raw.items() if k not in DERIVED or k in model.model_fields}
        values.pop("type", None)
        values["uid"] = raw.get("id", raw.get("uid"))
        _add(model, values, where, parsed)
        labels[str(values["uid"])] = raw["type"]
    edges = doc.get("edges", doc.get("links", []))
    for i, raw in enumerate(edges if isinstance(edges, list) else []):
        parsed.rows += 1
        where = f"{source}:$.edges[{i}]"
        spec = _model_for(raw, {t: s.model for t, s in REL_SPECS.items()}, RelType, where, parsed)
        if spec is None:
            continue
        values = {k: v for k, v in raw.items() if k not in DERIVED or k in spec.model_fields}
        values.pop("type", None)
        values.setdefault("source_label", labels.get(str(raw.get("source"))))
        values.setdefault("target_label", labels.get(str(raw.get("target"))))
        _add(spec, values, where, parsed)


def _model_for(raw: Any, models: dict, enum: type, where: str, parsed: Parsed):
    if not isinstance(raw, dict):
        parsed.problems.append(Problem(where, "expected an object", raw))
        return None
    kind = raw.get("type")
    try:
        key = enum(kind)
    except ValueError:
        parsed.problems.append(Problem(f"{where}.type", f"not one of: {', '.join(e.value for e in enum)}", kind))
        return None
    if key in SPECIAL_CATEGORY_LABELS:
        parsed.problems.append(
            Problem(f"{where}.type", "special-category records are imported from a people file only", kind)
        )
        return None
    return models[key]


def _add(model, values: dict[str, Any], where: str, parsed: Parsed) -> None:
    try:
        parsed.items.append((model.model_validate(values), where))
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = error.get("loc") or ()
            lead = None if loc else rule_field(_message(error))  # a rule across fields that names its field
            if lead in model.model_fields:
                parsed.problems.append(Problem(f"{where}.{lead}", _message(error), values.get(lead)))
                continue
            path = where + "".join(f".{p}" if isinstance(p, str) else f"[{p}]" for p in loc)
            parsed.problems.append(Problem(path, _message(error), error.get("input") if loc else None))
