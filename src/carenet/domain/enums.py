"""The fixed vocabularies of the carenet graph."""

from __future__ import annotations

from enum import StrEnum


class Sector(StrEnum):
    HEALTH = "health"
    SOCIAL_CARE = "social_care"
    HOUSING = "housing"
    EDUCATION = "education"
    LEISURE = "leisure"
    VOLUNTARY = "voluntary"
    PUBLIC_HEALTH = "public_health"
    OTHER = "other"


class Level(StrEnum):
    """Which network a projection, analysis, drawing or export reads: teams, organisations or people.

    The one spelling of "level" in carenet (the GraphQL enum ``GraphLevel`` is made from it).
    :attr:`label` is the node label of that level, :attr:`tie` the relationship type of its ties.
    Not to be confused with :class:`LeadershipLevel` (board to team), a property of a person.
    """

    TEAM = "team"
    ORGANISATION = "organisation"
    PERSON = "person"

    @property
    def label(self) -> str:
        """The node label of this level's nodes (``Team``, ``Organisation``, ``Person``)."""
        return _LEVEL_LABELS[self.value]

    @property
    def tie(self) -> str:
        """The relationship type of this level's ties."""
        return "WORKS_WITH" if self is Level.PERSON else "COLLABORATES_WITH"

    @classmethod
    def of(cls, value: str, *, extra: tuple[str, ...] = ()) -> Level:
        """``value`` as a level; a ValueError naming the choices (and ``extra`` ones) otherwise."""
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"level must be one of {', '.join((*cls, *extra))}") from None


_LEVEL_LABELS = {"team": "Team", "organisation": "Organisation", "person": "Person"}


class OrgKind(StrEnum):
    ICB = "icb"
    NHS_TRUST = "nhs_trust"
    GP_PRACTICE = "gp_practice"
    PCN = "pcn"
    LOCAL_AUTHORITY = "local_authority"
    HOUSING_ASSOCIATION = "housing_association"
    SCHOOL = "school"
    COLLEGE = "college"
    LEISURE_PROVIDER = "leisure_provider"
    VCSE = "vcse"
    CARE_PROVIDER = "care_provider"
    HOSPICE = "hospice"
    OTHER = "other"


class LeadershipLevel(StrEnum):
    """From the board to the front line: the levels a leadership strategy plans for."""

    BOARD = "board"
    EXECUTIVE = "executive"
    SENIOR = "senior"
    MIDDLE = "middle"
    TEAM = "team"

    @property
    def rank(self) -> int:
        return list(LeadershipLevel).index(self)

    def below(self) -> LeadershipLevel | None:
        order = list(LeadershipLevel)
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None


class StaffGroup(StrEnum):
    MEDICAL = "medical"
    NURSING = "nursing"
    AHP = "allied_health"
    SCIENTIFIC = "scientific"
    SOCIAL_WORK = "social_work"
    CARE = "care"
    MANAGEMENT = "management"
    ADMIN = "admin"
    EDUCATION = "education"
    HOUSING = "housing"
    OTHER = "other"


class TieKind(StrEnum):
    """Kinds of organisational collaboration (``COLLABORATES_WITH``)."""

    REFERRAL = "referral"
    JOINT_MEETING = "joint_meeting"
    SHARED_RECORD = "shared_record"
    CO_LOCATION = "co_location"
    POOLED_BUDGET = "pooled_budget"
    DATA_SHARING = "data_sharing"


class PersonTieKind(StrEnum):
    """Kinds of person-to-person survey ties (``WORKS_WITH``)."""

    ADVICE = "advice"
    INFORMATION = "information"
    SUPPORT = "support"


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def per_year(self) -> int:
        return {"daily": 250, "weekly": 52, "monthly": 12, "quarterly": 4, "yearly": 1}[self.value]


class ForumKind(StrEnum):
    ICB_BOARD = "icb_board"
    ICP = "icp"
    PLACE_BOARD = "place_board"
    PROVIDER_COLLABORATIVE = "provider_collaborative"
    NEIGHBOURHOOD_MDT = "neighbourhood_mdt"
    OTHER = "other"


class EthnicCategory(StrEnum):
    """NHS Data Dictionary ethnic category codes (2001 census classification)."""

    WHITE_BRITISH = "A"
    WHITE_IRISH = "B"
    WHITE_OTHER = "C"
    MIXED_WHITE_BLACK_CARIBBEAN = "D"
    MIXED_WHITE_BLACK_AFRICAN = "E"
    MIXED_WHITE_ASIAN = "F"
    MIXED_OTHER = "G"
    ASIAN_INDIAN = "H"
    ASIAN_PAKISTANI = "J"
    ASIAN_BANGLADESHI = "K"
    ASIAN_OTHER = "L"
    BLACK_CARIBBEAN = "M"
    BLACK_AFRICAN = "N"
    BLACK_OTHER = "P"
    CHINESE = "R"
    OTHER = "S"
    NOT_STATED = "Z"

    @property
    def group(self) -> str:
        """The five-group roll-up (White, Mixed, Asian, Black, Other) or Not stated."""
        return ETHNIC_GROUPS[self.value]


class EthnicGroup(StrEnum):
    """The five-group roll-up of the ethnic categories (2001 census classification), and Not stated:
    what leaders' representation is published by (never per person)."""

    WHITE = "White"
    MIXED = "Mixed"
    ASIAN = "Asian"
    BLACK = "Black"
    OTHER = "Other"
    NOT_STATED = "Not stated"


ETHNIC_GROUPS: dict[str, str] = {
    **dict.fromkeys("ABC", EthnicGroup.WHITE.value),
    **dict.fromkeys("DEFG", EthnicGroup.MIXED.value),
    **dict.fromkeys("HJKL", EthnicGroup.ASIAN.value),
    **dict.fromkeys("MNP", EthnicGroup.BLACK.value),
    **dict.fromkeys("RS", EthnicGroup.OTHER.value),
    "Z": EthnicGroup.NOT_STATED.value,
}


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NOT_STATED = "not_stated"


class Characteristic(StrEnum):
    """A protected characteristic the service holds (special-category data: only ever read in
    suppressed aggregates), and the dimension a representation baseline describes."""

    ETHNIC_GROUP = "ethnic_group"
    SEX = "sex"


class BaselineKind(StrEnum):
    """What a representation baseline describes: the staff of a place or its residents."""

    WORKFORCE = "workforce"
    COMMUNITY = "community"


class CultureSurvey(StrEnum):
    """Where a culture indicator comes from: the NHS Staff Survey, or a partner's local pulse survey."""

    NHS_STAFF_SURVEY = "nhs_staff_survey"
    LOCAL_PULSE = "local_pulse"


class CultureScale(StrEnum):
    """How a culture indicator is measured: a People Promise score 0-10, or a percentage of respondents."""

    SCORE_0_10 = "score_0_10"
    PERCENT = "percent"
