"""GraphQL enums: the domain's vocabularies, upper-case names with the domain's values.

One enum per vocabulary, the same in filters, inputs and outputs. Each value carries a
description (the schema test fails on one without).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from carenet.domain.enums import (
    BaselineKind,
    Characteristic,
    CultureScale,
    CultureSurvey,
    EthnicCategory,
    EthnicGroup,
    ForumKind,
    Frequency,
    LeadershipLevel,
    Level,
    OrgKind,
    PersonTieKind,
    Sector,
    Sex,
    StaffGroup,
    TieKind,
)
from carenet.domain.schema import NodeLabel, RelType
from carenet.services.culture import FINDINGS, LEADER_MEASURES


def by_value(enum: type[Enum]) -> dict[Any, Enum]:
    """Value -> member of ``enum``: a dict look-up where many are made at once (a drawing's edges),
    ``enum(value)`` being several times slower."""
    return {member.value: member for member in enum}


def described(
    domain: type[Enum], name: str, description: str, values: dict[str, str], *, internal: tuple[str, ...] = ()
) -> type[Enum]:
    """A GraphQL enum with the domain enum's names and values, and a description on each value
    (but the ``internal`` members, which the API never takes or gives)."""
    members = {
        m.name: strawberry.enum_value(m.value, description=values[m.name]) for m in domain if m.name not in internal
    }
    return strawberry.enum(Enum(name, members), name=name, description=description)  # type: ignore[return-value]


SectorEnum = described(
    Sector,
    "Sector",
    "The sector a team or organisation works in.",
    {
        "HEALTH": "NHS and other health care: hospitals, general practice, community and mental health services.",
        "SOCIAL_CARE": "Adult and children's social care, by councils or care providers.",
        "HOUSING": "Social housing and housing support.",
        "EDUCATION": "Schools, colleges and other education.",
        "LEISURE": "Leisure, sport and physical activity.",
        "VOLUNTARY": "Voluntary, community and social enterprise (VCSE) organisations.",
        "PUBLIC_HEALTH": "Public health services (prevention, health protection), usually commissioned by councils.",
        "OTHER": "Any other sector.",
    },
)
OrgKindEnum = described(
    OrgKind,
    "OrgKind",
    "What kind of body an organisation is.",
    {
        "ICB": "Integrated care board: plans and funds NHS care for a system.",
        "NHS_TRUST": "NHS trust or foundation trust (acute, community, mental health or ambulance).",
        "GP_PRACTICE": "General practice.",
        "PCN": "Primary care network: general practices working together.",
        "LOCAL_AUTHORITY": "Council (county, unitary, district or borough).",
        "HOUSING_ASSOCIATION": "Housing association (registered provider of social housing).",
        "SCHOOL": "School.",
        "COLLEGE": "Further education college.",
        "LEISURE_PROVIDER": "Leisure or sport provider.",
        "VCSE": "Voluntary, community or social enterprise organisation (a charity, for example).",
        "CARE_PROVIDER": "Independent provider of social care (a care home or home care agency).",
        "HOSPICE": "Hospice.",
        "OTHER": "Any other kind of organisation.",
    },
)
LeadershipLevelEnum = described(
    LeadershipLevel,
    "LeadershipLevel",
    "How senior a leader is, from board to team.",
    {
        "BOARD": "Board member (executive or non-executive).",
        "EXECUTIVE": "Executive director or equivalent, below the board.",
        "SENIOR": "Senior manager: leads a service or directorate.",
        "MIDDLE": "Middle manager: leads several teams.",
        "TEAM": "Team leader.",
    },
)
StaffGroupEnum = described(
    StaffGroup,
    "StaffGroup",
    "A person's staff group (the NHS workforce statistics' groups, widened to partner sectors).",
    {
        "MEDICAL": "Doctors.",
        "NURSING": "Nurses, midwives and health visitors.",
        "AHP": "Allied health professionals (physiotherapists, paramedics, dietitians, ...).",
        "SCIENTIFIC": "Scientific, therapeutic and technical staff.",
        "SOCIAL_WORK": "Social workers.",
        "CARE": "Care workers and support staff in social care.",
        "MANAGEMENT": "Managers.",
        "ADMIN": "Administrative and clerical staff.",
        "EDUCATION": "Teachers and other education staff.",
        "HOUSING": "Housing officers and other housing staff.",
        "OTHER": "Any other staff group.",
    },
)
TieKindEnum = described(
    TieKind,
    "TieKind",
    "What a collaboration between two teams or organisations is (COLLABORATES_WITH).",
    {
        "REFERRAL": "They refer people to each other.",
        "JOINT_MEETING": "They meet together (case conferences, multidisciplinary meetings).",
        "SHARED_RECORD": "They read or write a shared care record.",
        "CO_LOCATION": "They work from the same site.",
        "POOLED_BUDGET": "They pool budgets (a section 75 agreement, for example).",
        "DATA_SHARING": "They share data under an agreement.",
    },
)
PersonTieKindEnum = described(
    PersonTieKind,
    "PersonTieKind",
    "What a tie between two leaders is (WORKS_WITH, as reported in a survey).",
    {
        "ADVICE": "One goes to the other for advice.",
        "INFORMATION": "One gets information from the other.",
        "SUPPORT": "One gets support from the other.",
    },
)
FrequencyEnum = described(
    Frequency,
    "Frequency",
    "How often two teams, organisations or leaders work together.",
    {
        "DAILY": "Every working day.",
        "WEEKLY": "Every week.",
        "MONTHLY": "Every month.",
        "QUARTERLY": "Every quarter.",
        "YEARLY": "Once a year.",
    },
)
ForumKindEnum = described(
    ForumKind,
    "ForumKind",
    "What kind of forum a board or group is.",
    {
        "ICB_BOARD": "The integrated care board's board.",
        "ICP": "The integrated care partnership.",
        "PLACE_BOARD": "A place-based partnership's board.",
        "PROVIDER_COLLABORATIVE": "A provider collaborative.",
        "NEIGHBOURHOOD_MDT": "A neighbourhood multidisciplinary team.",
        "OTHER": "Any other forum.",
    },
)
EthnicCategoryEnum = described(
    EthnicCategory,
    "EthnicCategory",
    "NHS ethnic category (NHS Data Dictionary, 2001 census classification). Only ever read in suppressed aggregates.",
    {
        "WHITE_BRITISH": "A: White British.",
        "WHITE_IRISH": "B: White Irish.",
        "WHITE_OTHER": "C: any other White background.",
        "MIXED_WHITE_BLACK_CARIBBEAN": "D: Mixed, White and Black Caribbean.",
        "MIXED_WHITE_BLACK_AFRICAN": "E: Mixed, White and Black African.",
        "MIXED_WHITE_ASIAN": "F: Mixed, White and Asian.",
        "MIXED_OTHER": "G: any other Mixed background.",
        "ASIAN_INDIAN": "H: Asian or Asian British, Indian.",
        "ASIAN_PAKISTANI": "J: Asian or Asian British, Pakistani.",
        "ASIAN_BANGLADESHI": "K: Asian or Asian British, Bangladeshi.",
        "ASIAN_OTHER": "L: any other Asian background.",
        "BLACK_CARIBBEAN": "M: Black or Black British, Caribbean.",
        "BLACK_AFRICAN": "N: Black or Black British, African.",
        "BLACK_OTHER": "P: any other Black background.",
        "CHINESE": "R: Chinese.",
        "OTHER": "S: any other ethnic group.",
        "NOT_STATED": "Z: not stated.",
    },
)
SexEnum = described(
    Sex,
    "Sex",
    "Sex as recorded. Only ever read in suppressed aggregates.",
    {"FEMALE": "Female.", "MALE": "Male.", "NOT_STATED": "Not stated."},
)
CharacteristicEnum = described(
    Characteristic,
    "Characteristic",
    "A protected characteristic reported only in suppressed aggregates.",
    {"ETHNIC_GROUP": "Ethnic group (the NHS ethnic category's groups).", "SEX": "Sex."},
)
BaselineKindEnum = described(
    BaselineKind,
    "BaselineKind",
    "Whose make-up a representation baseline gives.",
    {"WORKFORCE": "The workforce of a place or system.", "COMMUNITY": "The residents of a place or system."},
)
CultureSurveyEnum = described(
    CultureSurvey,
    "CultureSurvey",
    "Where a culture indicator comes from.",
    {"NHS_STAFF_SURVEY": "The NHS Staff Survey.", "LOCAL_PULSE": "A partner's local pulse survey."},
)
CultureScaleEnum = described(
    CultureScale,
    "CultureScale",
    "How a culture indicator is measured.",
    {"SCORE_0_10": "A People Promise score, 0-10.", "PERCENT": "A percentage of respondents, 0-100."},
)

NodeLabelEnum = described(
    NodeLabel,
    "NodeLabel",
    "What a node is: its label in the graph.",
    {
        "SYSTEM": "An integrated care system.",
        "PLACE": "A place within a system (usually a local authority's area).",
        "NEIGHBOURHOOD": "A neighbourhood within a place.",
        "ORGANISATION": "An organisation (trust, practice, council, charity, ...).",
        "TEAM": "A team in an organisation.",
        "PERSON": "A leader.",
        "FORUM": "A board or group leaders sit on.",
        "CARE_PATHWAY": "A care pathway.",
        "PATHWAY_STEP": "A step of a care pathway.",
        "CAPABILITY": "A leadership capability.",
        "SURVEY_WAVE": "A wave of the network survey.",
        "LEADERSHIP_DEMAND": "Leaders needed in an area, by level and year.",
        "BASELINE": "A representation baseline of an area.",
        "CULTURE_INDICATOR": "A staff survey figure of an organisation or team.",
        "DEMOGRAPHIC": "A person's demographic record (ethnic category and sex), written with the person: "
        "only a mutation's result counts it, no input takes it and no read gives it.",
    },
    internal=("MIGRATION",),  # the schema's migrations
)
RelationshipTypeEnum = described(
    RelType,
    "RelationshipType",
    "What a relationship is: its type in the graph.",
    {
        "PART_OF": "A team, organisation, place, neighbourhood, forum or survey wave is part of something larger.",
        "SERVES": "A team or organisation serves a place or neighbourhood.",
        "MEMBER_OF": "A person is a member of a team or organisation.",
        "LEADS": "A person leads a team, organisation, place or forum.",
        "SITS_ON": "A person or organisation sits on a forum.",
        "COLLABORATES_WITH": "Two teams or two organisations collaborate (a tie, as reported in a survey).",
        "WORKS_WITH": "Two leaders work together (a tie, as reported in a survey).",
        "HAS_STEP": "A care pathway has a step.",
        "NEXT": "One pathway step follows another.",
        "DELIVERS": "A team delivers a pathway step.",
        "HAS_CAPABILITY": "A person has a leadership capability.",
        "DESCRIBES": "A person's demographic record describes them (written with the person's ethnic category or sex).",
    },
)

FOR_DOMAIN: dict[type[Enum], type[Enum]] = {
    Sector: SectorEnum,
    OrgKind: OrgKindEnum,
    LeadershipLevel: LeadershipLevelEnum,
    StaffGroup: StaffGroupEnum,
    TieKind: TieKindEnum,
    PersonTieKind: PersonTieKindEnum,
    Frequency: FrequencyEnum,
    ForumKind: ForumKindEnum,
    EthnicCategory: EthnicCategoryEnum,
    Sex: SexEnum,
    Characteristic: CharacteristicEnum,
    BaselineKind: BaselineKindEnum,
    CultureSurvey: CultureSurveyEnum,
    CultureScale: CultureScaleEnum,
    NodeLabel: NodeLabelEnum,
    RelType: RelationshipTypeEnum,
}
"""The GraphQL enum of each domain vocabulary (the input types made from the domain models take these)."""
OLD_SPELLINGS: dict[str, dict[str, str]] = {
    gql.__name__: {member.value: member.name for member in gql} for gql in FOR_DOMAIN.values()
}
"""For each GraphQL enum of a domain vocabulary, by its schema name: the domain's value (the spelling
mutation inputs took before they took the enum: ``"health"``, ``"A"``, ``"Team"``) to the enum
value's name (``HEALTH``, ``WHITE_BRITISH``, ``TEAM``). :mod:`carenet.api.spellings` reads it."""


GraphLevel = described(
    Level,
    "GraphLevel",
    "Which kind of node a graph, an analysis or a count is made of.",
    {
        "TEAM": "Teams, tied by their collaboration (COLLABORATES_WITH).",
        "ORGANISATION": "Organisations, tied where their teams (or they themselves) collaborate.",
        "PERSON": "Leaders, tied by whom they work with (WORKS_WITH). Analyst role.",
    },
)
"""The domain's :class:`~carenet.domain.enums.Level` under its schema name (its members and values;
a level added to the domain without a description here fails at import)."""


@strawberry.enum(description="What sets a node's size when the graph is drawn.")
class SizeMetric(Enum):
    DEGREE = strawberry.enum_value("degree", description="Number of ties (every wave and direction shown).")
    BETWEENNESS = strawberry.enum_value(
        "betweenness", description="Betweenness centrality (stored, brought up to date)."
    )
    BROKERAGE = strawberry.enum_value("brokerage", description="Gould-Fernandez brokerage across sectors (stored).")


@strawberry.enum(description="Which end of a tie reported it, seen from the node whose tie it is.")
class TieDirection(Enum):
    """Not a domain vocabulary: a stored tie runs from the end that reported it to the end it named,
    and which way it points depends on the end it is read from (the queries give ``out`` or ``in``)."""

    OUT = strawberry.enum_value("out", description="This end reported the tie: it runs from here to the other end.")
    IN = strawberry.enum_value("in", description="The other end reported the tie: it runs from there to here.")


@strawberry.enum(description="How a culture figure moved between its last two periods, by whether higher is better.")
class TrendDirection(Enum):
    """Not a domain vocabulary: worked out from the change and the indicator's catalogue entry
    (:func:`carenet.analytics.culture`'s trends give ``better``, ``worse`` or ``no change``)."""

    BETTER = strawberry.enum_value("better", description="The figure moved the way that is better for it.")
    WORSE = strawberry.enum_value("worse", description="The figure moved the way that is worse for it.")
    NO_CHANGE = strawberry.enum_value("no change", description="The figure did not move.")


EthnicGroupEnum = described(
    EthnicGroup,
    "EthnicGroup",
    "The five-group roll-up of the NHS ethnic categories (2001 census classification) that leaders' "
    "representation is published by, or not stated. Only ever in suppressed aggregates.",
    {
        "WHITE": "White: British, Irish or any other White background (categories A, B, C).",
        "MIXED": "Mixed: White and Black Caribbean, White and Black African, White and Asian, or any other "
        "mixed background (D, E, F, G).",
        "ASIAN": "Asian or Asian British: Indian, Pakistani, Bangladeshi or any other Asian background (H, J, K, L).",
        "BLACK": "Black or Black British: Caribbean, African or any other Black background (M, N, P).",
        "OTHER": "Chinese or any other ethnic group (R, S).",
        "NOT_STATED": "Not stated: no ethnic category recorded (Z, or none).",
    },
)
"""The domain's :class:`~carenet.domain.enums.EthnicGroup` under its schema name (an output only: the
inputs take the ethnic category, :data:`EthnicCategoryEnum`)."""


@strawberry.enum(description="How a share of leaders compares with a baseline, by its 95% interval.")
class RepresentationStatus(Enum):
    """Not a domain vocabulary: worked out from a share's interval and the baseline
    (:func:`carenet.analytics.leadership.representation` gives ``under-represented``,
    ``over-represented`` or ``within range``)."""

    UNDER_REPRESENTED = strawberry.enum_value(
        "under-represented", description="The whole interval of the share lies below the baseline."
    )
    OVER_REPRESENTED = strawberry.enum_value(
        "over-represented", description="The whole interval of the share lies above the baseline."
    )
    WITHIN_RANGE = strawberry.enum_value("within range", description="The baseline lies within the share's interval.")


_MEASURE_DESCRIPTIONS = {
    "cross_boundary_ties_per_leader": "Ties between one of its leaders and a leader elsewhere, per leader.",
    "ei_index": "Krackhardt-Stern E-I index: (external - internal ties) / all ties of its leaders, -1 (all "
    "within the organisation) to 1 (all across its boundary).",
    "constraint": "Mean Burt constraint of its leaders with a tie: high when their contacts are tied to each "
    "other (few structural holes).",
    "brokerage_per_leader": "Gould-Fernandez brokerage across the organisation's boundary (itinerant, "
    "gatekeeper, representative and liaison roles) per leader.",
}
LeaderMeasure = strawberry.enum(
    Enum(
        "LeaderMeasure",
        {m.upper(): strawberry.enum_value(m, description=_MEASURE_DESCRIPTIONS[m]) for m in LEADER_MEASURES},
    ),
    name="LeaderMeasure",
    description="A network measure of an organisation's leaders (a LeaderPosition field) that the culture "
    "indicators are set against.",
)
"""Not a domain vocabulary: the measures :mod:`carenet.services.culture` correlates (a measure added
there without a description here fails at import)."""
CultureFinding = strawberry.enum(
    Enum(
        "CultureFinding",
        {code.upper(): strawberry.enum_value(code, description=f"Flagged: {text}.") for code, text in FINDINGS.items()},
    ),
    name="CultureFinding",
    description="The kind of a finding about an organisation's culture beside its leaders' network.",
)
"""Not a domain vocabulary: one value per rule of :mod:`carenet.analytics.culture` (made from the
rules, so a new rule is a new value)."""
