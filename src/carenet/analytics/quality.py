"""Relationship quality: PARTNER-style trust and value per tie and organisation; wave change.

Edges carry ``trust`` and ``value`` scores (1-4, or None when not scored), each
given by the respondent at the tail of the tie about the partner at its head,
and a ``frequency`` (daily, weekly, monthly, quarterly, yearly or None). PARTNER asks
three sub-items for each score (trust: reliability, support of the mission, openness to
discussion; value: power/influence, level of involvement, resource contribution); where
they were given, the score is their mean. ``trust_items``/``trust_reports`` (likewise for
value), when present, count the reports behind a tie whose score came from the sub-items
and all its scored reports (:func:`score_sources`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from statistics import fmean
from typing import Any

import networkx as nx

__all__ = [
    "FREQUENCY_RANK",
    "WaveChange",
    "score_sources",
    "tie_quality",
    "organisation_quality",
    "split_waves",
    "wave_change",
]

FREQUENCY_RANK = {"yearly": 1, "quarterly": 2, "monthly": 3, "weekly": 4, "daily": 5}


def _mean(xs: list[float]) -> float | None:
    return fmean(xs) if xs else None


def tie_quality(G: nx.Graph) -> list[dict[str, Any]]:
    r"""Trust and value of every tie, with the pair's mean over both directions.

    For a tie :math:`u \to v`, ``trust`` and ``value`` are :math:`u`'s scores of
    :math:`v`; ``pair_trust``/``pair_value`` average the scores of :math:`u \to v`
    and :math:`v \to u` that exist and are not None (None if neither). In an
    undirected graph both equal the tie's own scores.

    References
    ----------
    .. [1] Varda, D. M. & Retrum, J. H. (2012). An exploratory analysis of network
       characteristics and quality of interactions among public health collaboratives.
       *Journal of Public Health Research* 1(2), 170-176.
       https://doi.org/10.4081/jphr.2012.e27
    """
    rows = []
    for u, v, d in G.edges(data=True):
        back = G.succ[v].get(u) if G.is_directed() else None
        pair: dict[str, Any] = {}
        for key in ("trust", "value"):
            xs = [x for x in (d.get(key), back.get(key) if back else None) if x is not None]
            pair[f"pair_{key}"] = _mean(xs)
        rows.append(
            {
                "source": u,
                "target": v,
                "trust": d.get("trust"),
                "value": d.get("value"),
                "reciprocated": back is not None,
                **pair,
            }
        )
    return rows


SCORE_MAX = 4.0
"""The highest PARTNER score; received scores are also given as a percentage of it."""


def organisation_quality(
    G: nx.Graph, attr: str = "organisation", *, include_internal: bool = False
) -> dict[Any, dict[str, Any]]:
    """Mean trust and value over each organisation's ties, in, out and together.

    ``trust_in`` averages the scores others gave the organisation (ties into its
    nodes), ``trust_out`` the scores it gave others, ``trust`` all of its scored
    incident ties; likewise for value. ``trust_received_pct`` and ``value_received_pct`` give the
    received means as a percentage of the maximum score (4), as PARTNER reports them. Ties between two nodes of the same
    organisation are left out unless ``include_internal``. Unscored (None) scores
    are skipped; a mean over nothing is None. In an undirected graph every tie is
    both in and out. Nodes without ``attr`` are left out.
    """
    acc: dict[Any, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    org = {v: d.get(attr) for v, d in G.nodes(data=True)}
    directed = G.is_directed()
    for u, v, d in G.edges(data=True):
        ou, ov = org.get(u), org.get(v)
        if u == v or (ou == ov and not include_internal):
            continue
        for key in ("trust", "value"):
            x = d.get(key)
            if x is None:
                continue
            if ou is not None:
                acc[ou][f"{key}_out"].append(x)
                if not directed:
                    acc[ou][f"{key}_in"].append(x)
            if ov is not None:
                acc[ov][f"{key}_in"].append(x)
                if not directed:
                    acc[ov][f"{key}_out"].append(x)
    result = {}
    for o in sorted({x for x in org.values() if x is not None}, key=str):
        a = acc.get(o, {})
        row: dict[str, Any] = {}
        for key in ("trust", "value"):
            ins, outs = a.get(f"{key}_in", []), a.get(f"{key}_out", [])
            both = outs + ins if directed else outs
            row[key], row[f"{key}_in"], row[f"{key}_out"] = _mean(both), _mean(ins), _mean(outs)
            row[f"{key}_received_pct"] = (
                None if row[f"{key}_in"] is None else round(100 * row[f"{key}_in"] / SCORE_MAX, 1)
            )
        row["ties_scored"] = len(a.get("trust_out", [])) + (len(a.get("trust_in", [])) if directed else 0)
        result[o] = row
    return result


def score_sources(G: nx.Graph) -> dict[str, dict[str, int]]:
    """How each tie's trust and value were measured: per score, the ties scored, and of them those
    whose every scored report gave PARTNER's three sub-items (``sub_items``), those with only single
    1-4 scores (``single``), and those merged from both kinds of report (``both``).

    Reads the edge attributes ``{score}_items`` and ``{score}_reports``; a scored tie without
    them counts as ``single``.
    """
    out = {}
    for key in ("trust", "value"):
        counts = {"scored": 0, "sub_items": 0, "single": 0, "both": 0}
        for _, _, d in G.edges(data=True):
            if d.get(key) is None:
                continue
            counts["scored"] += 1
            items, reports = int(d.get(f"{key}_items") or 0), int(d.get(f"{key}_reports") or 0)
            if items == 0:
                counts["single"] += 1
            elif items >= reports:
                counts["sub_items"] += 1
            else:
                counts["both"] += 1
        out[key] = counts
    return out


def split_waves(
    edges: Iterable[tuple[Any, Any, Mapping[str, Any]]] | nx.MultiDiGraph,
    *,
    wave_attr: str = "wave",
) -> dict[Any, nx.DiGraph]:
    """One DiGraph per survey wave from a multi-wave edge list ``(u, v, data)`` or MultiDiGraph."""
    if isinstance(edges, nx.Graph):
        edges = edges.edges(data=True)
    waves: dict[Any, nx.DiGraph] = {}
    for u, v, d in edges:
        wave = d.get(wave_attr)
        waves.setdefault(wave, nx.DiGraph()).add_edge(u, v, **d)
    return waves


@dataclass(frozen=True)
class WaveChange:
    """Ties gained and lost, and ties kept whose trust, value or frequency changed."""

    gained: list[tuple[Any, Any]]
    lost: list[tuple[Any, Any]]
    strengthened: list[dict[str, Any]] = field(default_factory=list)
    weakened: list[dict[str, Any]] = field(default_factory=list)
    mixed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0
    not_compared: int = 0
    """Ties whose reporter answered one of the two waves only (``respondents_only``)."""
    respondents: int | None = None
    """How many reporters answered both waves (``respondents_only``; else None)."""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["gained"] = [list(e) for e in self.gained]
        d["lost"] = [list(e) for e in self.lost]
        return d


def _key(G: nx.Graph, u: Any, v: Any) -> tuple[Any, Any]:
    if G.is_directed():
        return (u, v)
    return (u, v) if str(u) <= str(v) else (v, u)


def wave_change(
    before: nx.Graph,
    after: nx.Graph,
    *,
    tolerance: float = 0.0,
    respondents_only: bool = False,
    frequency_tolerance: int = 0,
) -> WaveChange:
    """Compare the ties of two survey waves.

    With ``respondents_only`` (directed graphs: a tie is its source's report) only the ties
    reported by someone who answered both waves (reported at least one tie in each) are
    compared; the others are counted in ``not_compared``, since a tie missing because its
    reporter did not answer is not a lost tie. A tie present only in ``after`` is gained, only
    in ``before`` lost. A tie in
    both is compared on trust, value (a change larger than ``tolerance``) and
    frequency (its rank, daily 5 down to yearly 1: a change of more than
    ``frequency_tolerance`` ranks); a score that is None in either wave is
    not compared. It is *strengthened* if something rose and nothing fell,
    *weakened* if something fell and nothing rose, *mixed* if both, else
    unchanged. Changed ties come as ``{"source", "target", "changes"}`` with
    ``changes[attr] = [before, after]``. Both graphs must be directed, or both not.

    References
    ----------
    .. [1] Varda, D. M. & Retrum, J. H. (2012). An exploratory analysis of network
       characteristics and quality of interactions among public health collaboratives.
       *Journal of Public Health Research* 1(2), 170-176.
       https://doi.org/10.4081/jphr.2012.e27
    """
    if before.is_directed() != after.is_directed():
        raise ValueError("compare two directed graphs or two undirected graphs")
    old = {_key(before, u, v): d for u, v, d in before.edges(data=True)}
    new = {_key(after, u, v): d for u, v, d in after.edges(data=True)}
    respondents = None
    skipped = 0
    if respondents_only:
        if not before.is_directed():
            raise ValueError("respondents_only needs the ties as recorded (directed graphs)")
        respondents = {u for u, k in before.out_degree() if k} & {u for u, k in after.out_degree() if k}
        skipped = sum(e[0] not in respondents for e in {*old, *new})
        old = {e: d for e, d in old.items() if e[0] in respondents}
        new = {e: d for e, d in new.items() if e[0] in respondents}
    result = WaveChange(
        gained=sorted((e for e in new if e not in old), key=str),
        lost=sorted((e for e in old if e not in new), key=str),
    )
    unchanged = 0
    for e in sorted((e for e in new if e in old), key=str):
        d0, d1 = old[e], new[e]
        changes: dict[str, list[Any]] = {}
        signs = set()
        for key in ("trust", "value"):
            x0, x1 = d0.get(key), d1.get(key)
            if x0 is not None and x1 is not None and abs(x1 - x0) > tolerance:
                changes[key] = [x0, x1]
                signs.add(x1 > x0)
        f0, f1 = FREQUENCY_RANK.get(d0.get("frequency")), FREQUENCY_RANK.get(d1.get("frequency"))
        if f0 is not None and f1 is not None and abs(f1 - f0) > frequency_tolerance:
            changes["frequency"] = [d0["frequency"], d1["frequency"]]
            signs.add(f1 > f0)
        row = {"source": e[0], "target": e[1], "changes": changes}
        if signs == {True}:
            result.strengthened.append(row)
        elif signs == {False}:
            result.weakened.append(row)
        elif signs:
            result.mixed.append(row)
        else:
            unchanged += 1
    return WaveChange(
        result.gained,
        result.lost,
        result.strengthened,
        result.weakened,
        result.mixed,
        unchanged,
        skipped,
        None if respondents is None else len(respondents),
    )
