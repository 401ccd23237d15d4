"""The import template kinds: one sheet (or CSV file) per kind, its columns, and how a row becomes models.

A row is a mapping of column name to text (or, from XLSX, a number, date or bool). Empty cells
mean "not given". Lists are written ``a;b;c``; dates as ``YYYY-MM-DD``; booleans as
``true``/``false`` (also yes/no, 1/0). A text cell that a CSV export quoted against formula
injection (``'=...``, :mod:`carenet.interchange.formulas`) reads back without the quote.
Relationship uids default to ``TYPE:source>target``
(``@wave`` for survey ties), so importing the same file twice writes the same graph.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import TypeAdapter, ValidationError

from carenet.domain import models as m
from carenet.domain.enums import (
    BaselineKind,
    CultureSurvey,
    EthnicCategory,
    ForumKind,
    Frequency,
    LeadershipLevel,
    OrgKind,
    PersonTieKind,
    Sector,
    Sex,
    StaffGroup,
    TieKind,
)
from carenet.domain.identifiers import Uid
from carenet.interchange.formulas import restore
from carenet.interchange.indicators import catalogue

Row = Mapping[str, Any]
Built = list[tuple[m.Node | m.Relationship, tuple[str, ...]]]
"""Models built from one row, each with the columns it came from (for problem locations)."""


class CellError(ValueError):
    """A cell that cannot be read as its column's type; ``column`` names it."""

    def __init__(self, column: str, message: str, value: object) -> None:
        super().__init__(message)
        self.column = column
        self.value = value


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    required: bool = False
    type: str = "text"
    """text, uid, uids (a ; list), date, int, float, bool, or enum (see ``allowed``)."""
    allowed: tuple[str, ...] = ()

    @property
    def allowed_text(self) -> str:
        if self.allowed:
            return ", ".join(self.allowed)
        return {
            "uid": "1-128 letters, digits, '_', '.', ':' or '-'",
            "uids": "uids separated by ';'",
            "date": "YYYY-MM-DD",
            "int": "a whole number",
            "float": "a number",
            "bool": "true or false",
        }.get(self.type, "text")


def enum_column(
    name: str, enum: type[StrEnum], description: str, *, required: bool = False, many: bool = False
) -> Column:
    return Column(name, description, required, "enums" if many else "enum", tuple(e.value for e in enum))


@dataclass(frozen=True)
class Kind:
    """One template: a sheet or CSV file named ``name``."""

    name: str
    description: str
    columns: tuple[Column, ...]
    build: Callable[[dict[str, Any]], Built] = field(repr=False, compare=False)
    fields: Mapping[str, str] = field(default_factory=dict)
    """Model field -> column, where they differ (``source`` -> ``person``)."""

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}


_UID = TypeAdapter(Uid)


def _uid(column: Column, text: str) -> str:
    """``text`` checked by the model's own :data:`~carenet.domain.identifiers.Uid` type."""
    try:
        return _UID.validate_python(text)
    except ValidationError as exc:
        raise CellError(column.name, exc.errors()[0]["msg"].removeprefix("Value error, "), text) from None


def convert(column: Column, value: Any) -> Any:
    """One cell as the column's Python value (None when empty). Raises :class:`CellError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column.type == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not _DATE.match(text):
            raise CellError(column.name, "expected a date as YYYY-MM-DD, e.g. 2025-04-01", value)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise CellError(column.name, "not a real date (YYYY-MM-DD)", value) from None
    if column.type == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise CellError(column.name, "expected true or false", value)
    if column.type in ("uids", "enums"):
        parts = [part.strip() for part in str(value).split(";") if part.strip()]
        bad = [p for p in parts if column.allowed and p not in column.allowed]
        if bad:
            raise CellError(column.name, f"not one of: {column.allowed_text}", bad[0])
        return [_uid(column, p) for p in parts] if column.type == "uids" else parts
    if column.type == "uid":  # checked here, so a link's bad end is placed at its own column
        return _uid(column, str(value).strip())
    if column.type == "enum" and column.allowed and str(value).strip() not in column.allowed:
        raise CellError(column.name, f"not one of: {column.allowed_text}", value)
    if column.type == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return restore(value.strip()) if column.type == "text" else value.strip()
    if column.type in ("text", "uid", "enum") and not isinstance(value, str):
        return str(value)
    return value


PARTNER_ITEMS = (*m.TRUST_ITEMS, *m.VALUE_ITEMS)
PARTNER_COLUMNS = (
    Column(
        "trust_reliability",
        "PARTNER trust sub-item: reliability, 1-4 (give all three trust items or none; trust is then their mean)",
        type="int",
    ),
    Column("trust_mission", "PARTNER trust sub-item: in support of the mission, 1-4", type="int"),
    Column("trust_openness", "PARTNER trust sub-item: open to discussion, 1-4", type="int"),
    Column(
        "value_power",
        "PARTNER value sub-item: power/influence, 1-4 (give all three value items or none; value is then their mean)",
        type="int",
    ),
    Column("value_involvement", "PARTNER value sub-item: level of involvement, 1-4", type="int"),
    Column("value_resources", "PARTNER value sub-item: resource contribution, 1-4", type="int"),
)
"""PARTNER's six sub-items (Varda et al.), optional columns of collaborations and survey files."""


# --- builders -------------------------------------------------------------------------------


def _given(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: row[n] for n in names if row.get(n) is not None}


def _links(rel: type[m.Relationship], source: str, targets: list[str] | str | None, column: str, **extra) -> Built:
    if targets is None:
        return []
    targets = [targets] if isinstance(targets, str) else targets
    return [(rel(source=source, target=t, **extra), ("uid", column)) for t in targets]


def _system(row):
    return [(m.System(**_given(row, "uid", "name", "ods_code", "gss_code")), ())]


def _place(row):
    return [
        (m.Place(**_given(row, "uid", "name", "gss_code")), ()),
        *_links(m.PartOf, row["uid"], row.get("system"), "system"),
    ]


def _neighbourhood(row):
    node = m.Neighbourhood(**_given(row, "uid", "name", "pcn_code"))
    return [(node, ()), *_links(m.PartOf, row["uid"], row.get("place"), "place")]


_ORG_FIELDS = (
    "uid",
    "name",
    "kind",
    "sector",
    "ods_code",
    "gss_code",
    "school_urn",
    "cqc_location_id",
    "charity_number",
    "housing_regulator_code",
    "postcode",
    "parent_code",
    "opened",
    "closed",
)


def _organisation(row):
    node = m.Organisation(**_given(row, *_ORG_FIELDS))
    return [
        (node, ()),
        *_links(m.PartOf, row["uid"], row.get("part_of"), "part_of"),
        *_links(m.Serves, row["uid"], row.get("serves"), "serves"),
    ]


def _team(row):
    node = m.Team(**_given(row, "uid", "name", "service", "sector"))
    return [
        (node, ()),
        *_links(
            m.PartOf,
            row["uid"],
            row.get("organisation"),
            "organisation",
            source_label="Team",
            target_label="Organisation",
        ),
        *_links(m.Serves, row["uid"], row.get("serves"), "serves"),
    ]


def _person(row):
    out: Built = [(m.Person(**_given(row, "uid", "name", "role", "level", "staff_group", "band", "clinical")), ())]
    special = _given(row, "ethnic_category", "sex")
    if special:
        out.append((m.Demographic(uid=row["uid"], **special), tuple(special)))
        out.append(
            (
                m.Describes(source=row["uid"], target=row["uid"], source_label="Demographic", target_label="Person"),
                ("uid", "uid"),
            )
        )
    return out


def _membership(row):
    rel = {"member_of": m.MemberOf, "leads": m.Leads}[row.get("relationship") or "member_of"]
    extra = _given(row, "since", "until")
    if rel is m.MemberOf and row.get("role") is not None:
        extra["role"] = row["role"]
    return [(rel(source=row["person"], target=row["target"], **extra), ("person", "target"))]


def _collaboration(row):
    extra = _given(row, "uid", "kinds", "frequency", "trust", "value", "wave", "since", "until", *PARTNER_ITEMS)
    return [(m.CollaboratesWith(source=row["source"], target=row["target"], **extra), ("source", "target"))]


def _person_tie(row):
    extra = _given(row, "uid", "kinds", "frequency", "wave", "since", "until")
    return [(m.WorksWith(source=row["source"], target=row["target"], **extra), ("source", "target"))]


def _wave(row):
    node = m.SurveyWave(**_given(row, "uid", "name", "collected_on"))
    return [(node, ()), *_links(m.PartOf, row["uid"], row.get("system"), "system")]


def _pathway(row):
    return [(m.CarePathway(**_given(row, "uid", "name", "description")), ())]


def _step(row):
    out: Built = [(m.PathwayStep(**_given(row, "uid", "name", "position")), ())]
    if row.get("pathway"):
        out.append((m.HasStep(source=row["pathway"], target=row["uid"]), ("pathway", "uid")))
    for nxt in row.get("next") or []:
        out.append((m.Next(source=row["uid"], target=nxt), ("uid", "next")))
    for team in row.get("delivered_by") or []:
        out.append((m.Delivers(source=team, target=row["uid"]), ("delivered_by", "uid")))
    return out


def _forum(row):
    node = m.Forum(**_given(row, "uid", "name", "kind"))
    return [(node, ()), *_links(m.PartOf, row["uid"], row.get("area"), "area")]


def _seat(row):
    return [
        (
            m.SitsOn(source=row["member"], target=row["forum"], **_given(row, "role", "since", "until")),
            ("member", "forum"),
        )
    ]


def _capability(row):
    return [(m.Capability(**_given(row, "uid", "name", "description")), ())]


def _person_capability(row):
    return [
        (
            m.HasCapability(source=row["person"], target=row["capability"], **_given(row, "level")),
            ("person", "capability"),
        )
    ]


def _demand(row):
    values = _given(row, "uid", "area", "level", "year", "required")
    values.setdefault("uid", f"demand-{row.get('area')}-{row.get('level')}-{row.get('year')}")
    return [(m.LeadershipDemand(**values), ())]


def _baseline(row):
    values = _given(row, "uid", "area", "kind", "dimension", "category", "percent")
    values.setdefault(
        "uid", f"baseline-{row.get('area')}-{row.get('kind')}-{row.get('dimension')}-{row.get('category')}"
    )
    return [(m.Baseline(**values), ())]


def _culture(row):
    values = _given(row, "uid", "anchor", "survey", "year", "wave", "indicator", "value", "responses", "source")
    values.setdefault("survey", CultureSurvey.LOCAL_PULSE.value)
    values.setdefault(
        "uid",
        f"culture-{row.get('anchor')}-{row.get('survey') or 'local_pulse'}-"
        f"{row.get('year') or row.get('wave')}-{row.get('indicator')}",
    )
    indicator = catalogue().indicators.get(row.get("indicator") or "")
    if indicator is not None:
        values["scale"] = indicator.scale
    return [(m.CultureIndicator(**values), ())]


# --- the kinds ------------------------------------------------------------------------------

UID = Column("uid", "carenet's key for this record: unique, never reused", True, "uid")
NAME = Column("name", "display name", True)
SINCE = Column("since", "first day the relationship holds", type="date")
UNTIL = Column("until", "last day the relationship holds", type="date")
LEVEL_DESC = "leadership level, board to team"

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "systems",
            "Integrated care systems (ICB footprints).",
            (
                UID,
                NAME,
                Column("ods_code", "ICB ODS code, Q and two letters or digits (e.g. QNX)"),
                Column("gss_code", "ICB area GSS code, E54 and six digits"),
            ),
            _system,
        ),
        Kind(
            "places",
            "Place-based partnerships, usually one local authority's area.",
            (
                UID,
                NAME,
                Column("gss_code", "local authority GSS code (E06, E07, E08, E09 or E10 and six digits)"),
                Column("system", "uid of the system the place is part of", type="uid"),
            ),
            _place,
        ),
        Kind(
            "neighbourhoods",
            "Neighbourhoods: a primary care network's footprint.",
            (
                UID,
                NAME,
                Column("pcn_code", "PCN code, U and five digits"),
                Column("place", "uid of the place the neighbourhood is part of", type="uid"),
            ),
            _neighbourhood,
        ),
        Kind(
            "organisations",
            "Organisations of every sector, with their real identifiers.",
            (
                UID,
                NAME,
                enum_column("kind", OrgKind, "what kind of organisation", required=True),
                enum_column("sector", Sector, "the sector it belongs to", required=True),
                Column("ods_code", "ODS code (NHS trust R.., ICB Q.., GP practice A12345, PCN U12345)"),
                Column("gss_code", "GSS code (local authorities)"),
                Column("school_urn", "school URN, six digits"),
                Column("cqc_location_id", "CQC location id, 1- and nine or ten digits"),
                Column("charity_number", "charity number"),
                Column("housing_regulator_code", "Regulator of Social Housing code, e.g. L0123"),
                Column("postcode", "postcode, e.g. LS1 4AP"),
                Column("parent_code", "ODS code of the parent organisation"),
                Column("opened", "date opened", type="date"),
                Column("closed", "date closed", type="date"),
                Column("part_of", "uids of the place, system or organisation it is part of", type="uids"),
                Column("serves", "uids of the places or neighbourhoods it serves", type="uids"),
            ),
            _organisation,
        ),
        Kind(
            "teams",
            "Teams, each part of one organisation.",
            (
                UID,
                NAME,
                enum_column("sector", Sector, "the team's sector", required=True),
                Column("service", "the service the team provides, e.g. District nursing"),
                Column("organisation", "uid of the organisation the team is part of", type="uid"),
                Column("serves", "uids of the places or neighbourhoods the team serves", type="uids"),
            ),
            _team,
        ),
        Kind(
            "people",
            "Leaders at every level. ethnic_category and sex are special-category data: stored "
            "apart, never shown or exported per person, only counted with suppression.",
            (
                UID,
                NAME,
                enum_column("level", LeadershipLevel, LEVEL_DESC, required=True),
                Column("role", "job title"),
                enum_column("staff_group", StaffGroup, "staff group"),
                Column(
                    "band",
                    "Agenda for Change band",
                    allowed=("1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"),
                ),
                Column("clinical", "holds a clinical role", type="bool"),
                enum_column("ethnic_category", EthnicCategory, "NHS Data Dictionary ethnic category code (optional)"),
                enum_column("sex", Sex, "sex (optional)"),
            ),
            _person,
        ),
        Kind(
            "memberships",
            "Who is a member of, or leads, which team or organisation.",
            (
                Column("person", "uid of the person", True, "uid"),
                Column("target", "uid of the team or organisation (leads: also place or forum)", True, "uid"),
                Column("relationship", "member_of (default) or leads", type="enum", allowed=("member_of", "leads")),
                Column("role", "role in the team (member_of only)"),
                SINCE,
                UNTIL,
            ),
            _membership,
            {"source": "person"},
        ),
        Kind(
            "collaborations",
            "Working ties between teams or between organisations, per survey wave.",
            (
                Column("source", "uid of the team or organisation reporting the tie", True, "uid"),
                Column("target", "uid of the team or organisation it works with", True, "uid"),
                Column("wave", "uid of the survey wave", True, "uid"),
                enum_column("kinds", TieKind, "kinds of collaboration, separated by ';'", required=True, many=True),
                enum_column("frequency", Frequency, "how often they work together"),
                Column("trust", "PARTNER trust score, 1 (not at all) to 4 (a great deal)", type="float"),
                Column("value", "PARTNER value score, 1 to 4", type="float"),
                SINCE,
                UNTIL,
                Column("uid", "relationship uid (default COLLABORATES_WITH:source>target@wave)"),
                *PARTNER_COLUMNS,
            ),
            _collaboration,
        ),
        Kind(
            "person_ties",
            "Person-to-person survey ties (advice, information, support), per survey wave.",
            (
                Column("source", "uid of the person reporting the tie", True, "uid"),
                Column("target", "uid of the person named", True, "uid"),
                Column("wave", "uid of the survey wave", True, "uid"),
                enum_column("kinds", PersonTieKind, "kinds of tie, separated by ';'", required=True, many=True),
                enum_column("frequency", Frequency, "how often"),
                SINCE,
                UNTIL,
                Column("uid", "relationship uid (default WORKS_WITH:source>target@wave)"),
            ),
            _person_tie,
        ),
        Kind(
            "waves",
            "Survey waves: when relationship data was collected.",
            (
                UID,
                NAME,
                Column("collected_on", "date the survey closed", True, "date"),
                Column("system", "uid of the system surveyed", type="uid"),
            ),
            _wave,
        ),
        Kind(
            "pathways",
            "Care pathways (e.g. hospital discharge, frailty, CAMHS).",
            (
                UID,
                NAME,
                Column("description", "what the pathway is for"),
            ),
            _pathway,
        ),
        Kind(
            "pathway_steps",
            "The ordered steps of each pathway and the teams delivering them.",
            (
                UID,
                NAME,
                Column("pathway", "uid of the pathway", True, "uid"),
                Column("position", "1 for the first step", True, "int"),
                Column("next", "uids of the steps this one hands off to", type="uids"),
                Column("delivered_by", "uids of the teams delivering this step", type="uids"),
            ),
            _step,
            {"source": "pathway", "target": "uid"},
        ),
        Kind(
            "forums",
            "Boards and committees: ICB board, ICP, place boards, provider collaboratives.",
            (
                UID,
                NAME,
                enum_column("kind", ForumKind, "kind of forum", required=True),
                Column("area", "uid of the place or system the forum belongs to", type="uid"),
            ),
            _forum,
        ),
        Kind(
            "seats",
            "Who sits on which forum: people or organisations.",
            (
                Column("member", "uid of the person or organisation", True, "uid"),
                Column("forum", "uid of the forum", True, "uid"),
                Column("role", "member (default), chair, ..."),
                SINCE,
                UNTIL,
            ),
            _seat,
            {"source": "member", "target": "forum"},
        ),
        Kind(
            "capabilities",
            "Leadership capabilities (compassion, quality improvement, ...).",
            (
                UID,
                NAME,
                Column("description", "what the capability means"),
            ),
            _capability,
        ),
        Kind(
            "person_capabilities",
            "Which leaders hold which capability, and how strongly.",
            (
                Column("person", "uid of the person", True, "uid"),
                Column("capability", "uid of the capability", True, "uid"),
                Column("level", "1 (developing) to 4 (expert); default 2", type="int"),
            ),
            _person_capability,
            {"source": "person", "target": "capability"},
        ),
        Kind(
            "leadership_demand",
            "How many leaders of each level an area needs per year.",
            (
                Column("area", "uid of the place or system", True, "uid"),
                enum_column("level", LeadershipLevel, LEVEL_DESC, required=True),
                Column("year", "the year", True, "int"),
                Column("required", "leaders needed", True, "int"),
                Column("uid", "record uid (default demand-<area>-<level>-<year>)", type="uid"),
            ),
            _demand,
        ),
        Kind(
            "baselines",
            "Representation baselines: the share of a category among a place's staff or residents.",
            (
                Column("area", "uid of the place or system", True, "uid"),
                enum_column("kind", BaselineKind, "workforce or community", required=True),
                Column("dimension", "ethnic_group or sex", True, "enum", ("ethnic_group", "sex")),
                Column("category", "e.g. White, Asian, Black, Mixed, Other; female, male", True),
                Column("percent", "share in percent, 0 to 100", True, "float"),
                Column("uid", "record uid (default baseline-<area>-<kind>-<dimension>-<category>)", type="uid"),
            ),
            _baseline,
        ),
        Kind(
            "culture_pulse",
            "Culture indicators from a local pulse survey (councils, housing associations, schools, "
            "VCSE), with the NHS Staff Survey's indicators. A value from fewer than the minimum responses "
            "(11 by default) is held but never shown.",
            (
                Column("anchor", "uid of the organisation or team surveyed", True, "uid"),
                Column(
                    "indicator",
                    "indicator code (carenet/graph_schema/culture_indicators.json)",
                    True,
                    "enum",
                    tuple(catalogue().indicators),
                ),
                Column(
                    "value",
                    "the result: 0-10 for People Promise scores and themes, 0-100 for percentages",
                    True,
                    "float",
                ),
                Column("responses", "number of people who answered", True, "int"),
                Column("year", "survey year (give the year or the wave)", type="int"),
                Column("wave", "uid of the survey wave (give the year or the wave)", type="uid"),
                enum_column("survey", CultureSurvey, "which survey (default local_pulse)"),
                Column("source", "where the figures come from, e.g. Leeds City Council pulse survey, March 2025"),
                Column("uid", "record uid (default culture-<anchor>-<survey>-<year or wave>-<indicator>)", type="uid"),
            ),
            _culture,
        ),
    )
}
"""Every template kind, in the order templates are written and imports are applied."""

_SINGULAR = {
    "system": "systems",
    "place": "places",
    "organisation": "organisations",
    "team": "teams",
    "person": "people",
    "membership": "memberships",
    "collaboration": "collaborations",
    "wave": "waves",
    "pathway": "pathways",
    "forum": "forums",
    "seat": "seats",
    "capability": "capabilities",
    "baseline": "baselines",
    "steps": "pathway_steps",
    "pulse": "culture_pulse",
    "culture": "culture_pulse",
}


def kind_for_name(stem: str) -> Kind | None:
    """The kind a sheet or file name stands for (``Organisations``, ``teams-2025`` ...), or None."""
    key = re.sub(r"[\s\-]+", "_", stem.strip().lower())
    if key in KINDS:
        return KINDS[key]
    if key in _SINGULAR:
        return KINDS[_SINGULAR[key]]
    for name in sorted(KINDS, key=len, reverse=True):
        if key.startswith(name + "_"):
            return KINDS[name]
    return None


def kind_for_header(header: list[str]) -> Kind | None:
    """The one kind whose columns include every header and all of whose required columns are present."""
    cols = set(header)
    fits = [k for k in KINDS.values() if cols <= set(k.names) and set(k.required) <= cols]
    return fits[0] if len(fits) == 1 else None


def normalise_header(name: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(name if name is not None else "").strip().lower())
