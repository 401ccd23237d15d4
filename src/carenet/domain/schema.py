"""The shape of the graph: which node labels exist, and which label pairs each relationship joins.

This is the one model the stores' schemas (LadybugDB tables, Neo4j constraints) and the named
queries are generated from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from carenet.domain import models as m


class NodeLabel(StrEnum):
    SYSTEM = "System"
    PLACE = "Place"
    NEIGHBOURHOOD = "Neighbourhood"
    ORGANISATION = "Organisation"
    TEAM = "Team"
    PERSON = "Person"
    DEMOGRAPHIC = "Demographic"
    FORUM = "Forum"
    CARE_PATHWAY = "CarePathway"
    PATHWAY_STEP = "PathwayStep"
    CAPABILITY = "Capability"
    SURVEY_WAVE = "SurveyWave"
    LEADERSHIP_DEMAND = "LeadershipDemand"
    BASELINE = "Baseline"
    CULTURE_INDICATOR = "CultureIndicator"
    MIGRATION = "Migration"


class RelType(StrEnum):
    PART_OF = "PART_OF"
    SERVES = "SERVES"
    MEMBER_OF = "MEMBER_OF"
    LEADS = "LEADS"
    SITS_ON = "SITS_ON"
    COLLABORATES_WITH = "COLLABORATES_WITH"
    WORKS_WITH = "WORKS_WITH"
    HAS_STEP = "HAS_STEP"
    NEXT = "NEXT"
    DELIVERS = "DELIVERS"
    HAS_CAPABILITY = "HAS_CAPABILITY"
    DESCRIBES = "DESCRIBES"


NODE_MODELS: dict[NodeLabel, type[m.Node]] = {
    NodeLabel.SYSTEM: m.System,
    NodeLabel.PLACE: m.Place,
    NodeLabel.NEIGHBOURHOOD: m.Neighbourhood,
    NodeLabel.ORGANISATION: m.Organisation,
    NodeLabel.TEAM: m.Team,
    NodeLabel.PERSON: m.Person,
    NodeLabel.DEMOGRAPHIC: m.Demographic,
    NodeLabel.FORUM: m.Forum,
    NodeLabel.CARE_PATHWAY: m.CarePathway,
    NodeLabel.PATHWAY_STEP: m.PathwayStep,
    NodeLabel.CAPABILITY: m.Capability,
    NodeLabel.SURVEY_WAVE: m.SurveyWave,
    NodeLabel.LEADERSHIP_DEMAND: m.LeadershipDemand,
    NodeLabel.BASELINE: m.Baseline,
    NodeLabel.CULTURE_INDICATOR: m.CultureIndicator,
    NodeLabel.MIGRATION: m.Migration,
}

L = NodeLabel


@dataclass(frozen=True)
class RelSpec:
    type: RelType
    model: type[m.Relationship]
    pairs: tuple[tuple[NodeLabel, NodeLabel], ...]
    sources: tuple[NodeLabel, ...] = ()
    targets: tuple[NodeLabel, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(dict.fromkeys(a for a, _ in self.pairs)))
        object.__setattr__(self, "targets", tuple(dict.fromkeys(b for _, b in self.pairs)))


REL_SPECS: dict[RelType, RelSpec] = {
    spec.type: spec
    for spec in (
        RelSpec(
            RelType.PART_OF,
            m.PartOf,
            (
                (L.TEAM, L.ORGANISATION),
                (L.ORGANISATION, L.ORGANISATION),
                (L.ORGANISATION, L.PLACE),
                (L.ORGANISATION, L.SYSTEM),
                (L.PLACE, L.SYSTEM),
                (L.NEIGHBOURHOOD, L.PLACE),
                (L.FORUM, L.PLACE),
                (L.FORUM, L.SYSTEM),
                (L.SURVEY_WAVE, L.SYSTEM),
            ),
        ),
        RelSpec(
            RelType.SERVES,
            m.Serves,
            (
                (L.TEAM, L.PLACE),
                (L.TEAM, L.NEIGHBOURHOOD),
                (L.ORGANISATION, L.PLACE),
                (L.ORGANISATION, L.NEIGHBOURHOOD),
            ),
        ),
        RelSpec(RelType.MEMBER_OF, m.MemberOf, ((L.PERSON, L.TEAM), (L.PERSON, L.ORGANISATION))),
        RelSpec(
            RelType.LEADS,
            m.Leads,
            ((L.PERSON, L.TEAM), (L.PERSON, L.ORGANISATION), (L.PERSON, L.PLACE), (L.PERSON, L.FORUM)),
        ),
        RelSpec(RelType.SITS_ON, m.SitsOn, ((L.PERSON, L.FORUM), (L.ORGANISATION, L.FORUM))),
        RelSpec(RelType.COLLABORATES_WITH, m.CollaboratesWith, ((L.TEAM, L.TEAM), (L.ORGANISATION, L.ORGANISATION))),
        RelSpec(RelType.WORKS_WITH, m.WorksWith, ((L.PERSON, L.PERSON),)),
        RelSpec(RelType.HAS_STEP, m.HasStep, ((L.CARE_PATHWAY, L.PATHWAY_STEP),)),
        RelSpec(RelType.NEXT, m.Next, ((L.PATHWAY_STEP, L.PATHWAY_STEP),)),
        RelSpec(RelType.DELIVERS, m.Delivers, ((L.TEAM, L.PATHWAY_STEP),)),
        RelSpec(RelType.HAS_CAPABILITY, m.HasCapability, ((L.PERSON, L.CAPABILITY),)),
        RelSpec(RelType.DESCRIBES, m.Describes, ((L.DEMOGRAPHIC, L.PERSON),)),
    )
}

PERSONAL_LABELS = frozenset({NodeLabel.PERSON, NodeLabel.DEMOGRAPHIC})
SPECIAL_CATEGORY_LABELS = frozenset({NodeLabel.DEMOGRAPHIC})
"""Labels never returned per record by any read query; only counted with suppression."""
