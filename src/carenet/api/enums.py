"""GraphQL enums: the domain's vocabularies, upper-case names with the domain's values.

One enum per vocabulary, the same in filters, inputs and outputs. Each value carries a
description (the schema test fails on one without).
"""

from __future__ import annotations

from enum import Enum

import strawberry

from carenet.domain.enums import (
    ForumKind,
    Frequency,
    LeadershipLevel,
    Level,
    OrgKind,
    PersonTieKind,
    Sector,
    StaffGroup,
    TieKind,
)


def described(domain: type[Enum], name: str, description: str, values: dict[str, str]) -> type[Enum]:
    """A GraphQL enum with the domain enum's names and values, and a description on each value."""
    members = {m.name: strawberry.enum_value(m.value, description=values[m.name]) for m in domain}
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
StaffGroupEnum = strawberry.enum(StaffGroup, name="StaffGroup")
TieKindEnum = strawberry.enum(TieKind, name="TieKind")
PersonTieKindEnum = strawberry.enum(PersonTieKind, name="PersonTieKind")
FrequencyEnum = strawberry.enum(Frequency, name="Frequency")
ForumKindEnum = strawberry.enum(ForumKind, name="ForumKind")


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
