"""Communities set against organisation and sector boundaries; isolates and small components.

All functions here are undirected by nature. A DiGraph is symmetrised first: a
tie in either direction joins two nodes, and with ``weight`` the weights of a
reciprocated pair are summed. Self-loops are ignored.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import igraph as ig
import networkx as nx
import numpy as np

from carenet.analytics._igraph import converted

__all__ = [
    "Community",
    "Communities",
    "attribute_modularity",
    "community_ties",
    "consensus_communities",
    "detect_communities",
    "isolated_nodes",
    "small_components",
]

Method = Literal["leiden", "leidenalg", "louvain", "louvain_nx"]


@dataclass(frozen=True)
class Community:
    """One community, with the share of its members in its largest sector and organisation."""

    id: int
    size: int
    members: list[Any]
    largest_sector: Any
    largest_sector_share: float
    largest_organisation: Any
    largest_organisation_share: float
    silo: bool
    """More ties inside than outside (E-I below 0) and below the E-I random mixing would give."""
    single_organisation: bool = False
    """At least ``silo_share`` of the members are one organisation's: a single-organisation cluster."""
    internal: int = 0
    external: int = 0
    ei: float | None = None
    expected_ei: float | None = None
    stability: float | None = None
    """Consensus runs: the share of runs in which the ends of its internal ties fell together."""


@dataclass(frozen=True)
class Communities:
    """A partition into communities, largest first; ``membership`` maps node to community id."""

    method: str
    modularity: float
    resolution: float
    silo_share: float
    communities: list[Community]
    membership: dict[Any, int] = field(repr=False)
    stability: dict[str, Any] | None = None
    """Consensus runs: seeds, and the agreement (NMI) of the chosen partition with the others."""

    def to_dict(self, *, members: bool = True, limit: int | None = None) -> dict[str, Any]:
        rows = [asdict(c) for c in self.communities[:limit]]
        if not members:
            for row in rows:
                del row["members"]
        return {
            "method": self.method,
            "modularity": self.modularity,
            "resolution": self.resolution,
            "silo_share": self.silo_share,
            "count": len(self.communities),
            "stability": self.stability,
            "silos": sum(c.silo for c in self.communities),
            "single_organisation_clusters": sum(c.single_organisation for c in self.communities),
            "communities": rows,
        }


@contextmanager
def _igraph_seed(seed: int | None) -> Iterator[None]:
    if seed is None:
        yield
        return
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def _membership(g: ig.Graph, w: list[float] | None, method: Method, resolution: float, seed: int | None) -> list[int]:
    if method == "leiden":
        with _igraph_seed(seed):
            part = g.community_leiden(
                objective_function="modularity", weights=w, resolution=resolution, n_iterations=-1
            )
        return part.membership
    if method == "louvain":
        with _igraph_seed(seed):
            return g.community_multilevel(weights=w, resolution=resolution).membership
    if method == "leidenalg":
        import leidenalg

        part = leidenalg.find_partition(
            g,
            leidenalg.RBConfigurationVertexPartition,
            weights=w,
            resolution_parameter=resolution,
            seed=seed,
        )
        return part.membership
    if method == "louvain_nx":
        H = nx.Graph()
        H.add_nodes_from(range(g.vcount()))
        ws = w if w is not None else [1.0] * g.ecount()
        H.add_weighted_edges_from((a, b, x) for (a, b), x in zip(g.get_edgelist(), ws))
        parts = nx.community.louvain_communities(H, resolution=resolution, seed=seed)
        member = [0] * g.vcount()
        for c, part_nodes in enumerate(parts):
            for v in part_nodes:
                member[v] = c
        return member
    raise ValueError(f"unknown method {method!r}; use leiden, leidenalg, louvain or louvain_nx")


def _largest(member: np.ndarray, codes: np.ndarray, values: list[Any], k: int):
    """Per community: the most common attribute value (None if none) and its share."""
    sizes = np.bincount(member, minlength=k)
    ok = codes >= 0
    width = max(len(values), 1)
    keys, counts = np.unique(member[ok] * width + codes[ok], return_counts=True)
    comm = keys // width
    order = np.lexsort((keys % width, -counts, comm))  # per community: highest count first
    first = order[np.r_[True, np.diff(comm[order]) != 0]] if len(order) else order
    best: list[Any] = [None] * k
    share = np.zeros(k)
    for i in first.tolist():
        c = int(comm[i])
        best[c] = values[int(keys[i] % width)]
        share[c] = counts[i] / sizes[c]
    return best, share.tolist()


def consensus_communities(G: nx.Graph, *, seeds: Sequence[int] = tuple(range(10)), **options: Any) -> Communities:
    """Communities over several seeds: the run that agrees most with all the others, with how
    stable it is.

    :func:`detect_communities` runs once per seed (``options`` passed on). The partition kept is
    the medoid: the one with the highest mean normalised mutual information (NMI) with the other
    runs. ``stability`` reports the seeds and the kept partition's mean and least NMI with the
    others (1.0: every seed found the same communities); each community's ``stability`` is the
    share of runs in which the two ends of its internal ties were in one community (1.0 when it
    has none).

    References
    ----------
    Lancichinetti, A. & Fortunato, S. (2012). Consensus clustering in complex networks.
    *Scientific Reports* 2, 336. https://doi.org/10.1038/srep00336
    """
    seeds = list(seeds)
    if not seeds:
        raise ValueError("give at least one seed")
    runs = [detect_communities(G, seed=seed, **options) for seed in seeds]
    nodes = list(runs[0].membership)
    parts = [[r.membership[v] for v in nodes] for r in runs]
    k = len(runs)
    nmi = np.ones((k, k))
    for i in range(k):
        for j in range(i + 1, k):
            nmi[i, j] = nmi[j, i] = ig.compare_communities(parts[i], parts[j], method="nmi") if nodes else 1.0
    mean = (nmi.sum(axis=1) - 1) / max(k - 1, 1)
    best = int(np.argmax(mean))
    chosen = runs[best]
    others = [r for i, r in enumerate(runs) if i != best]
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    mine = np.asarray(parts[best], dtype=np.int64)
    inside = pairs[mine[pairs[:, 0]] == mine[pairs[:, 1]]]
    owner = mine[inside[:, 0]]
    together = np.zeros(len(inside))
    for i, part in enumerate(parts):
        if i != best:
            p = np.asarray(part, dtype=np.int64)
            together += p[inside[:, 0]] == p[inside[:, 1]]
    ties = np.bincount(owner, minlength=len(chosen.communities))
    kept = np.bincount(owner, weights=together, minlength=len(chosen.communities))
    stable = [
        replace(c, stability=float(kept[c.id] / (ties[c.id] * len(others))) if ties[c.id] and others else 1.0)
        for c in chosen.communities
    ]
    row = np.delete(nmi[best], best)
    return replace(
        chosen,
        communities=stable,
        stability={
            "seeds": seeds,
            "chosen_seed": seeds[best],
            "mean_nmi": float(row.mean()) if len(row) else 1.0,
            "min_nmi": float(row.min()) if len(row) else 1.0,
        },
    )


def community_ties(G: nx.Graph, membership: dict[Any, int]) -> dict[int, dict[str, Any]]:
    r"""Ties inside and leaving each community, its E-I index and the E-I random mixing gives.

    Each pair of nodes counts once, whatever the direction or number of records; self-loops and
    nodes without a community are left out. For community :math:`c` with :math:`I_c` internal and
    :math:`E_c` external ties, degree sum :math:`D_c = 2I_c + E_c`, in a network of :math:`M` ties:

    .. math::

        EI_c = rac{E_c - I_c}{E_c + I_c}, \quad
        I^*_c = rac{D_c^2}{4M}, \quad E^*_c = D_c - 2 I^*_c, \quad
        EI^*_c = rac{E^*_c - I^*_c}{E^*_c + I^*_c}

    (the expected internal ties keep every node's degree and join tie ends at random, as in the
    configuration model behind modularity). A community is a ``silo`` when
    :math:`EI_c < \min(0, EI^*_c)`: more ties inside than outside, and fewer outside than chance.

    Returns ``{community: {"internal", "external", "ei", "expected_ei", "silo"}}``; ``ei`` is
    None for a community with no tie.

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an
    experimental simulation. *Social Psychology Quarterly* 51(2), 123-140. https://doi.org/10.2307/2786835
    """
    pairs = {(u, v) if str(u) <= str(v) else (v, u) for u, v in G.edges() if u != v}
    pairs = {p for p in pairs if p[0] in membership and p[1] in membership}
    M = len(pairs)
    internal: dict[int, int] = {c: 0 for c in set(membership.values())}
    external = dict(internal)
    for u, v in pairs:
        a, b = membership[u], membership[v]
        if a == b:
            internal[a] += 1
        else:
            external[a] += 1
            external[b] += 1
    out = {}
    for c in internal:
        i, e = internal[c], external[c]
        degree = 2 * i + e
        ei = (e - i) / (e + i) if e + i else None
        expected = None
        if M and degree:
            i_star = degree * degree / (4 * M)
            e_star = degree - 2 * i_star
            expected = (e_star - i_star) / (e_star + i_star)
        silo = ei is not None and expected is not None and ei < min(0.0, expected)
        out[c] = {"internal": i, "external": e, "ei": ei, "expected_ei": expected, "silo": bool(silo)}
    return out


def detect_communities(
    G: nx.Graph,
    *,
    method: Method = "leiden",
    weight: str | None = "weight",
    resolution: float = 1.0,
    seed: int | None = None,
    sector_attr: str = "sector",
    organisation_attr: str = "organisation",
    silo_share: float = 0.8,
    min_silo_size: int = 3,
) -> Communities:
    r"""Modularity communities, with each community's largest sector and organisation.

    Modularity of a partition :math:`c` of a graph with :math:`m` (total weight of) edges:

    .. math::

        Q = \frac{1}{2m} \sum_{ij} \left(A_{ij} - \gamma \frac{k_i k_j}{2m}\right)
            \delta(c_i, c_j)

    ``method="leiden"`` (default) runs igraph's Leiden implementation with the
    modularity objective until an iteration changes nothing; the vertices are taken
    in the order of their ids, so the result depends on the graph and ``seed`` only,
    never on the order the nodes and ties were read in; ``"leidenalg"`` runs the leidenalg package;
    ``"louvain"`` igraph's multilevel algorithm; ``"louvain_nx"`` networkx's Louvain
    (pure Python, for small graphs and cross-checks). A community of at least
    ``min_silo_size`` members is a ``silo`` by its outside ties (:func:`community_ties`:
    E-I below 0 and below its expected value), and a ``single_organisation`` cluster when at
    least ``silo_share`` of its members belong to one organisation, whatever its ties. Shares
    are over all members, so members lacking the attribute lower them.

    Parameters
    ----------
    G : nx.Graph or nx.DiGraph
        A DiGraph is symmetrised (weights of reciprocated arcs summed). Each
        connected component is partitioned separately by construction of Q;
        isolated nodes form singleton communities.
    weight : str or None
        Edge attribute used as tie strength (missing = 1); None counts ties.
    resolution : float
        :math:`\gamma`; above 1 gives more, smaller communities.
    seed : int or None
        Seed for the random choices of the algorithm.

    References
    ----------
    .. [1] Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden:
       guaranteeing well-connected communities. *Scientific Reports* 9, 5233.
       https://doi.org/10.1038/s41598-019-41695-z
    .. [2] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast
       unfolding of communities in large networks. *J. Stat. Mech.* P10008.
       https://doi.org/10.1088/1742-5468/2008/10/P10008
    .. [3] Newman, M. E. J. (2006). Modularity and community structure in networks.
       *PNAS* 103(23), 8577-8582. https://doi.org/10.1073/pnas.0601602103
    """
    conv = converted(G)
    g = conv.igraph(directed=False)
    w = conv.igraph_weights(False, weight)
    # The same graph gives the same communities however the store happened to order its rows:
    # the algorithm sees the vertices sorted by id (four runs of one demo with seed 0 gave 3, 2,
    # 5 and 3 silos before this; issue 21).
    order = sorted(range(conv.n), key=lambda i: str(conv.nodes[i]))  # new vertex j is old order[j]
    rank = np.empty(conv.n, dtype=np.int64)
    rank[order] = np.arange(conv.n)
    permuted = _membership(g.permute_vertices(order) if conv.n else g, w, method, resolution, seed)
    member = [permuted[r] for r in rank.tolist()]
    Q = g.modularity(member, weights=w, resolution=resolution) if g.ecount() else 0.0
    raw = np.asarray(member, dtype=np.int64)
    # renumber: largest community first, ties by first member in graph order
    sizes = np.bincount(raw)
    first_seen = np.full(len(sizes), len(raw))
    np.minimum.at(first_seen, raw, np.arange(len(raw)))
    rank = np.empty(len(sizes), np.int64)
    rank[np.lexsort((first_seen, -sizes))] = np.arange(len(sizes))
    cid = rank[raw]
    k = len(sizes)
    sector, sector_share = _largest(cid, *conv.codes(sector_attr), k)
    org, org_share = _largest(cid, *conv.codes(organisation_attr), k)
    order = np.argsort(cid, kind="stable")
    bounds = np.cumsum(np.bincount(cid, minlength=k))[:-1]
    membership = dict(zip(conv.nodes, cid.tolist()))
    ties = community_ties(G, membership)
    out: list[Community] = []
    for c, idx in enumerate(np.split(order, bounds) if k else []):
        members = [conv.nodes[i] for i in idx.tolist()]
        size = len(members)
        single = org[c] is not None and org_share[c] >= silo_share and size >= min_silo_size
        t = ties.get(c, {})
        out.append(
            Community(
                c,
                size,
                members,
                sector[c],
                sector_share[c],
                org[c],
                org_share[c],
                bool(t.get("silo") and size >= min_silo_size),
                bool(single),
                t.get("internal", 0),
                t.get("external", 0),
                t.get("ei"),
                t.get("expected_ei"),
            )
        )
    return Communities(method, float(Q), resolution, silo_share, out, membership)


def attribute_modularity(
    G: nx.Graph,
    attr: str = "organisation",
    *,
    weight: str | None = None,
    resolution: float = 1.0,
) -> float:
    r"""Modularity of the partition given by a node attribute (organisation, sector, place).

    Same :math:`Q` as :func:`communities`, for the boundaries that exist rather
    than the ones found: a high value means ties stay inside those boundaries.
    Nodes lacking ``attr`` are put in one singleton group each. A DiGraph is
    symmetrised (weights of reciprocated arcs summed); an edgeless graph gives 0.

    References
    ----------
    .. [1] Newman, M. E. J. (2006). Modularity and community structure in networks.
       *PNAS* 103(23), 8577-8582. https://doi.org/10.1073/pnas.0601602103
    """
    conv = converted(G)
    g = conv.igraph(directed=False)
    if g.ecount() == 0:
        return 0.0
    codes, values = conv.codes(attr)
    member = codes.copy()
    lonely = np.flatnonzero(codes < 0)
    member[lonely] = len(values) + np.arange(len(lonely))
    w = conv.igraph_weights(False, weight)
    return float(g.modularity(member.tolist(), weights=w, resolution=resolution))


def isolated_nodes(G: nx.Graph) -> list[Any]:
    """Nodes without a tie to another node (self-loops do not count), in graph order.

    Direction is ignored: a node with only incoming ties is not isolated.
    """
    conv = converted(G)
    loop = conv.src == conv.dst
    deg = np.bincount(conv.src[~loop], minlength=conv.n) + np.bincount(conv.dst[~loop], minlength=conv.n)
    return [conv.nodes[i] for i in np.flatnonzero(deg == 0)]


def small_components(G: nx.Graph, threshold: int = 5, *, min_size: int = 2) -> list[list[Any]]:
    """Connected components with ``min_size <= size < threshold``, largest first.

    Components of a DiGraph are weak (direction ignored). Singletons are left to
    :func:`isolated_nodes` unless ``min_size=1``. Members are listed in graph order.
    """
    conv = converted(G)
    comps = conv.igraph(directed=False).connected_components()
    found = [[conv.nodes[i] for i in sorted(c)] for c in comps if min_size <= len(c) < threshold]
    return sorted(found, key=len, reverse=True)
