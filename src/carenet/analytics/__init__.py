"""Network analytics for carenet: pure functions on networkx graphs.

Functions take a ``networkx.Graph``/``DiGraph`` projection (node attributes
``label``, ``name``, ``sector``, ``organisation``, ``place``, ``system``, ``kind``;
edge attributes ``kinds``, ``frequency``, ``trust``, ``value``, ``wave``,
``weight``) and return plain data. Heavy kernels run on igraph and numpy inside;
a graph is converted once per ``G.graph["version"]`` or per
``with reuse_conversion(G):`` block (see :mod:`carenet.analytics._igraph`).

Families: :mod:`.mixing` (mixing matrix, E-I index), :mod:`.communities`,
:mod:`.centrality` (betweenness), :mod:`.brokerage` (Gould-Fernandez),
:mod:`.structural_holes` (constraint, effective size), :mod:`.fragility`
(cut points, bridges, efficiency, departures), :mod:`.gaps` (pathway
hand-offs, relied-on organisations), :mod:`.quality`,
:mod:`.sectors` (sector coverage per place, forums), :mod:`.leadership`,
:mod:`.suppression`, and :mod:`.report` (JSON bundles).
"""

from carenet.analytics._igraph import reuse_conversion
from carenet.analytics.brokerage import ROLES, Brokerage, brokerage_roles
from carenet.analytics.centrality import Betweenness, betweenness
from carenet.analytics.communities import (
    Communities,
    Community,
    attribute_modularity,
    community_ties,
    consensus_communities,
    detect_communities,
    isolated_nodes,
    small_components,
)
from carenet.analytics.fragility import (
    DepartureImpact,
    Efficiency,
    articulation_points,
    bridges,
    departure_impact,
    global_efficiency,
)
from carenet.analytics.gaps import Handoff, pathway_handoffs, relied_on_without_seat
from carenet.analytics.leadership import (
    ETHNIC_GROUPS,
    LEVELS,
    capability_coverage,
    ethnic_group,
    leadership_gap,
    pipeline_counts,
    protected_counts,
    representation,
)
from carenet.analytics.mixing import (
    EIIndex,
    MixingMatrix,
    ei_index,
    mixing_matrix,
    sector_mixing_matrix,
)
from carenet.analytics.networks import NETWORKS, tie_network
from carenet.analytics.quality import (
    WaveChange,
    organisation_quality,
    score_sources,
    split_waves,
    tie_quality,
    wave_change,
)
from carenet.analytics.report import broker_report, gap_report, silo_report
from carenet.analytics.sectors import (
    SectorGap,
    forum_sector_gaps,
    missing_sectors,
    sector_pair_gaps,
)
from carenet.analytics.structural_holes import (
    StructuralHoles,
    constraint,
    effective_size,
    structural_hole_measures,
)
from carenet.analytics.suppression import SUPPRESSED, suppress_count, suppressed_table

__all__ = [
    "ETHNIC_GROUPS",
    "LEVELS",
    "NETWORKS",
    "ROLES",
    "SUPPRESSED",
    "Betweenness",
    "Brokerage",
    "Communities",
    "Community",
    "DepartureImpact",
    "EIIndex",
    "Efficiency",
    "Handoff",
    "MixingMatrix",
    "SectorGap",
    "StructuralHoles",
    "WaveChange",
    "articulation_points",
    "attribute_modularity",
    "betweenness",
    "bridges",
    "broker_report",
    "brokerage_roles",
    "capability_coverage",
    "community_ties",
    "consensus_communities",
    "detect_communities",
    "constraint",
    "departure_impact",
    "effective_size",
    "ei_index",
    "forum_sector_gaps",
    "ethnic_group",
    "gap_report",
    "global_efficiency",
    "isolated_nodes",
    "leadership_gap",
    "missing_sectors",
    "mixing_matrix",
    "organisation_quality",
    "pathway_handoffs",
    "pipeline_counts",
    "protected_counts",
    "relied_on_without_seat",
    "representation",
    "reuse_conversion",
    "sector_pair_gaps",
    "sector_mixing_matrix",
    "silo_report",
    "small_components",
    "split_waves",
    "structural_hole_measures",
    "suppress_count",
    "suppressed_table",
    "tie_network",
    "score_sources",
    "tie_quality",
    "wave_change",
]
