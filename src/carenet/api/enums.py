"""GraphQL enums: the domain's vocabularies, upper-case names with the domain's values."""

from __future__ import annotations

from enum import Enum

import strawberry

from carenet.domain.enums import ForumKind, Frequency, LeadershipLevel, Level, OrgKind, PersonTieKind, Sector, StaffGroup, TieKind

SectorEnum = strawberry.enum(Sector, name="Sector")
OrgKindEnum = strawberry.enum(OrgKind, name="OrgKind")
LeadershipLevelEnum = strawberry.enum(LeadershipLevel, name="LeadershipLevel")
StaffGroupEnum = strawberry.enum(StaffGroup, name="StaffGroup")
TieKindEnum = strawberry.enum(TieKind, name="TieKind")
PersonTieKindEnum = strawberry.enum(PersonTieKind, name="PersonTieKind")
FrequencyEnum = strawberry.enum(Frequency, name="Frequency")
ForumKindEnum = strawberry.enum(ForumKind, name="ForumKind")


GraphLevel = strawberry.enum(Level, name="GraphLevel")
"""The domain's :class:`~carenet.domain.enums.Level` under its schema name."""


@strawberry.enum
class SizeMetric(Enum):
    DEGREE = "degree"
    BETWEENNESS = "betweenness"
    BROKERAGE = "brokerage"
