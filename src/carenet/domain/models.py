"""The carenet graph as pydantic models: one class per node label and per relationship type.

Node models hold scalar properties only; how nodes connect is held in relationship models
(``source`` and ``target`` uids). Special-category data (ethnic category, sex) lives in
:class:`Demographic`, a node of its own, never on :class:`Person`: it is only ever read in
aggregates with small-number suppression.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_validator

from carenet.domain.enums import (
    BaselineKind,
    Characteristic,
    CultureScale,
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
from carenet.domain.identifiers import (
    AfcBand,
    CharityNumber,
    CqcLocationId,
    GpPracticeCode,
    GssCode,
    HousingRegulatorCode,
    IcbCode,
    IcbGss,
    LocalAuthorityGss,
    OdsCode,
    OdsTrustCode,
    PcnCode,
    Postcode,
    RelUid,
    SchoolUrn,
    Uid,
)

Name = Annotated[str, Field(min_length=1, max_length=300)]
Score = Annotated[float, Field(ge=1.0, le=4.0)]
"""PARTNER-style trust and value items, 1 (not at all) to 4 (a great deal)."""
Item = Annotated[int, Field(ge=1, le=4)]
"""One PARTNER sub-item answer: a whole number, 1 (not at all) to 4 (a great deal)."""

TRUST_ITEMS = ("trust_reliability", "trust_mission", "trust_openness")
"""PARTNER's three trust sub-items: reliability, in support of the mission, open to discussion."""
VALUE_ITEMS = ("value_power", "value_involvement", "value_resources")
"""PARTNER's three value sub-items: power/influence, level of involvement, resource contribution."""
ITEM_TOLERANCE = 0.005
"""A score given with its sub-items must equal their mean to two decimals (2.33 for 7/3)."""


def rule_field(message: str) -> str | None:
    """The field a rule across fields names first (``trust_openness: ...``), or None: such a rule
    starts its message with that field so a file reader or the API can point at it."""
    head, sep, _ = message.removeprefix("Value error, ").partition(": ")
    return head if sep and head.isidentifier() else None


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_assignment=False)


class Node(Model):
    """Base of every node: our own ``uid``, never the database's internal id."""

    label: ClassVar[str]
    uid: Uid


class NetworkMetrics(Model):
    """Network metrics written back by the analytics, so the API can sort and size by them."""

    betweenness: float | None = None
    brokerage: float | None = None
    constraint: float | None = None
    community: int | None = None


class System(Node):
    """An integrated care system: an ICB footprint."""

    label: ClassVar[str] = "System"
    name: Name
    ods_code: IcbCode | None = None
    gss_code: IcbGss | None = None


class Place(Node):
    """A place-based partnership, usually one local authority's area."""

    label: ClassVar[str] = "Place"
    name: Name
    gss_code: LocalAuthorityGss | None = None


class Neighbourhood(Node):
    """A neighbourhood: a primary care network's footprint."""

    label: ClassVar[str] = "Neighbourhood"
    name: Name
    pcn_code: PcnCode | None = None


class Organisation(Node, NetworkMetrics):
    label: ClassVar[str] = "Organisation"
    name: Name
    kind: OrgKind
    sector: Sector
    ods_code: OdsCode | None = None
    gss_code: GssCode | None = None
    school_urn: SchoolUrn | None = None
    cqc_location_id: CqcLocationId | None = None
    charity_number: CharityNumber | None = None
    housing_regulator_code: HousingRegulatorCode | None = None
    postcode: Postcode | None = None
    parent_code: OdsCode | None = None
    opened: dt.date | None = None
    closed: dt.date | None = None

    @model_validator(mode="after")
    def _ods_code_fits_kind(self) -> Organisation:
        adapter = _ODS_BY_KIND.get(self.kind)
        if adapter is not None and self.ods_code is not None:
            adapter.validate_python(self.ods_code)
        if self.opened and self.closed and self.closed < self.opened:
            raise ValueError("closed must not be before opened")
        return self


_ODS_BY_KIND: dict[OrgKind, TypeAdapter[str]] = {
    OrgKind.NHS_TRUST: TypeAdapter(OdsTrustCode),
    OrgKind.ICB: TypeAdapter(IcbCode),
    OrgKind.GP_PRACTICE: TypeAdapter(GpPracticeCode),
    OrgKind.PCN: TypeAdapter(PcnCode),
}


class Team(Node, NetworkMetrics):
    label: ClassVar[str] = "Team"
    name: Name
    service: str = Field(default="", max_length=200)
    sector: Sector


class Person(Node, NetworkMetrics):
    """A leader at any level, from the board to a team. Holds no special-category data."""

    label: ClassVar[str] = "Person"
    name: Name
    role: str = Field(default="", max_length=200)
    level: LeadershipLevel
    staff_group: StaffGroup = StaffGroup.OTHER
    band: AfcBand | None = None
    clinical: bool = False


class Demographic(Node):
    """Special-category data about one person, stored apart from :class:`Person`.

    ``uid`` is the person's uid. Never returned per person: only counted, with suppression.
    """

    label: ClassVar[str] = "Demographic"
    ethnic_category: EthnicCategory | None = None
    sex: Sex | None = None


class Forum(Node):
    """A board or committee: ICB board, ICP, place board, provider collaborative."""

    label: ClassVar[str] = "Forum"
    name: Name
    kind: ForumKind


class CarePathway(Node):
    label: ClassVar[str] = "CarePathway"
    name: Name
    description: str = ""


class PathwayStep(Node):
    label: ClassVar[str] = "PathwayStep"
    name: Name
    position: int = Field(ge=1, description="1 for the first step of its pathway")


class Capability(Node):
    """A leadership capability: compassion, quality improvement, cross-boundary working, ..."""

    label: ClassVar[str] = "Capability"
    name: Name
    description: str = ""


class SurveyWave(Node):
    """When relationship data was collected, so change can be measured between waves."""

    label: ClassVar[str] = "SurveyWave"
    name: Name
    collected_on: dt.date


class LeadershipDemand(Node):
    """How many leaders of one level an area (place or system) needs in one year."""

    label: ClassVar[str] = "LeadershipDemand"
    area: Uid
    level: LeadershipLevel
    year: int = Field(ge=2000, le=2100)
    required: int = Field(ge=0)


class Baseline(Node):
    """A representation baseline for a place: the share of one category among its staff or residents."""

    label: ClassVar[str] = "Baseline"
    area: Uid
    kind: BaselineKind
    dimension: Characteristic
    category: str = Field(min_length=1, max_length=60)
    percent: float = Field(ge=0.0, le=100.0)


CULTURE_MIN_RESPONSES = 11
"""The NHS Staff Survey's published minimum of responses for an organisation breakdown; fewer and
an indicator is held but never shown (configurable: ``CARENET_CULTURE_MIN_RESPONSES``)."""
_SCALE_MAX = {CultureScale.SCORE_0_10: 10.0, CultureScale.PERCENT: 100.0}


class CultureIndicator(Node):
    """One culture indicator of one organisation or team in one survey year or wave.

    ``anchor`` is the organisation or team it describes (the record sits where its anchor sits).
    ``indicator`` is a code from ``carenet/graph_schema/culture_indicators.json``. A value with fewer than
    the minimum ``responses`` is held but never shown (:func:`carenet.analytics.culture.suppress`).
    """

    label: ClassVar[str] = "CultureIndicator"
    anchor: Uid
    survey: CultureSurvey
    year: int | None = Field(default=None, ge=2000, le=2100)
    wave: Uid | None = None
    indicator: str = Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")
    value: float
    scale: CultureScale
    responses: int = Field(ge=0)
    source: str = Field(default="", max_length=300)

    @model_validator(mode="after")
    def _fits_scale(self) -> CultureIndicator:
        if self.year is None and self.wave is None:
            raise ValueError("give the survey year or the wave")
        top = _SCALE_MAX[self.scale]
        if not 0.0 <= self.value <= top:
            raise ValueError(f"value {self.value:g} is outside the {self.scale.value} scale (0 to {top:g})")
        return self


class Migration(Node):
    """A schema file applied to this database (``uid`` is ``<store>:<version>``)."""

    label: ClassVar[str] = "Migration"
    version: int
    name: str
    applied_at: dt.datetime


# --- relationships --------------------------------------------------------------------------


class Relationship(Model):
    """Base of every relationship: a source and a target uid, and our own ``uid``.

    The uid defaults to ``TYPE:source>target`` (with ``@wave`` for survey ties), so the
    same tie imported twice is the same relationship.
    """

    type: ClassVar[str]
    uid: RelUid | None = None
    source: Uid
    target: Uid
    source_label: str | None = None
    target_label: str | None = None

    def key(self) -> str:
        return f"{self.type}:{self.source}>{self.target}"

    @model_validator(mode="after")
    def _default_uid(self) -> Relationship:
        if self.uid is None:
            self.uid = self.key()
        return self


class Dated(Model):
    since: dt.date | None = None
    until: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Dated:
        if self.since and self.until and self.until < self.since:
            raise ValueError("until must not be before since")
        return self


class PartOf(Relationship, Dated):
    type: ClassVar[str] = "PART_OF"


class Serves(Relationship, Dated):
    type: ClassVar[str] = "SERVES"


class MemberOf(Relationship, Dated):
    type: ClassVar[str] = "MEMBER_OF"
    role: str = ""


class Leads(Relationship, Dated):
    type: ClassVar[str] = "LEADS"


class SitsOn(Relationship, Dated):
    type: ClassVar[str] = "SITS_ON"
    role: str = "member"


class Tie(Model):
    """A survey tie joins two different ends: a team, organisation or person has no tie to itself.

    Allowed, a self-tie would count once in Neo4j's degree and twice in LadybugDB's (issue 20),
    and no network measure gives it a meaning."""

    @model_validator(mode="after")
    def _two_ends(self) -> Tie:
        if self.source == self.target:  # type: ignore[attr-defined]
            raise ValueError("a tie joins two different ends: source and target are the same")
        return self


class CollaboratesWith(Relationship, Dated, Tie):
    """A working tie between teams or organisations, as reported in one survey wave."""

    type: ClassVar[str] = "COLLABORATES_WITH"
    kinds: list[TieKind] = Field(min_length=1)
    frequency: Frequency | None = None
    trust: Score | None = None
    value: Score | None = None
    wave: Uid
    # PARTNER's sub-items (after ``wave``: a store migrated by schema file 004 has them last)
    trust_reliability: Item | None = None
    trust_mission: Item | None = None
    trust_openness: Item | None = None
    value_power: Item | None = None
    value_involvement: Item | None = None
    value_resources: Item | None = None

    def key(self) -> str:
        return f"{self.type}:{self.source}>{self.target}@{self.wave}"

    @model_validator(mode="after")
    def _partner_items(self) -> CollaboratesWith:
        """Sub-items come three or none; the score is then their mean (a score given too must agree).

        A message names its column first (``trust_openness: ...``) so a reader can place it."""
        for score, items in (("trust", TRUST_ITEMS), ("value", VALUE_ITEMS)):
            given = [getattr(self, n) for n in items]
            if all(x is None for x in given):
                continue
            missing = [n for n, x in zip(items, given) if x is None]
            if missing:
                raise ValueError(
                    f"{missing[0]}: PARTNER {score} sub-items are given all three or none "
                    f"({', '.join(items)}); missing {', '.join(missing)}"
                )
            mean = sum(given) / 3
            stated = getattr(self, score)
            if stated is not None and abs(stated - mean) >= ITEM_TOLERANCE:
                raise ValueError(
                    f"{score}: {stated:g} disagrees with the mean of its sub-items "
                    f"({'+'.join(map(str, given))})/3 = {mean:.2f}; give one or make them agree"
                )
            object.__setattr__(self, score, mean)
        return self


class WorksWith(Relationship, Dated, Tie):
    """A person-to-person survey tie (advice, information, support) in one wave."""

    type: ClassVar[str] = "WORKS_WITH"
    kinds: list[PersonTieKind] = Field(min_length=1)
    frequency: Frequency | None = None
    wave: Uid

    def key(self) -> str:
        return f"{self.type}:{self.source}>{self.target}@{self.wave}"


class HasStep(Relationship):
    type: ClassVar[str] = "HAS_STEP"


class Next(Relationship):
    type: ClassVar[str] = "NEXT"


class Delivers(Relationship, Dated):
    type: ClassVar[str] = "DELIVERS"


class HasCapability(Relationship):
    type: ClassVar[str] = "HAS_CAPABILITY"
    level: int = Field(default=2, ge=1, le=4)


class Describes(Relationship):
    """Links a :class:`Demographic` record to its :class:`Person`."""

    type: ClassVar[str] = "DESCRIBES"
