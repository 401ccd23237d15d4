r"""Culture beside the network: staff survey indicators set against where an organisation's leaders sit.

Plain functions. :func:`leader_positions` measures, per organisation, its leaders' place in the
leaders' network: ties across the organisation's boundary per leader, the Krackhardt-Stern E-I
index of the organisation, its leaders' mean Burt constraint, and Gould-Fernandez brokerage
across the boundary per leader. :func:`culture_beside_network` sets those beside the survey
indicators: flags in plain words, each with its evidence, a Spearman rank correlation across
organisations with its confidence interval and n, trends between survey periods, and places.

Suppression: an indicator from fewer than ``minimum`` responses is held but never shown
(:func:`suppress`); it takes no part in a flag, a correlation, a trend or a place's figure, so
nothing shown can be differenced back to it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from scipy import stats

from carenet.analytics.brokerage import brokerage_roles
from carenet.analytics.mixing import ei_index
from carenet.analytics.structural_holes import constraint

__all__ = [
    "ASSOCIATION_WARNING",
    "FLAGS",
    "MEASURES",
    "culture_beside_network",
    "leader_positions",
    "rank_correlation",
    "spearman",
    "suppress",
]

CROSS_BOUNDARY = ("itinerant", "gatekeeper", "representative", "liaison")
"""Gould-Fernandez roles that span a boundary (all but coordinator, which stays within one group)."""
MEASURES = ("cross_boundary_ties_per_leader", "ei_index", "constraint", "brokerage_per_leader")
ASSOCIATION_WARNING = (
    "This is an association across organisations, not a cause: it does not show that leaders' ties "
    "change how staff feel, or the reverse. Other differences between organisations (size, kind, sector, "
    "workload) may explain both, and a small n gives a wide interval."
)

FLAGS: tuple[dict[str, Any], ...] = (
    {
        "code": "isolated_leaders_concerns_not_addressed",
        "text": "low confidence that concerns are addressed and leaders with few ties outside the organisation",
        "indicators": ("concerns_addressed", "raising_concerns"),
        "indicator_side": "worst",
        "measure": "cross_boundary_ties_per_leader",
        "measure_side": "low",
    },
    {
        "code": "isolated_leaders_unsafe_to_speak_up",
        "text": "staff feel less safe to speak up and leaders have few ties outside the organisation",
        "indicators": ("safe_to_speak_up",),
        "indicator_side": "worst",
        "measure": "cross_boundary_ties_per_leader",
        "measure_side": "low",
    },
    {
        "code": "broker_with_bullying_from_managers",
        "text": "a broker organisation whose staff report bullying from managers",
        "indicators": ("bullying_from_managers",),
        "indicator_side": "worst",
        "measure": "brokerage_per_leader",
        "measure_side": "high",
    },
)
"""Each flag: an indicator (the first of ``indicators`` shown) in the worst quarter of the
organisations compared, and a network measure in its ``low`` or ``high`` quarter."""

_MEASURE_WORDS = {
    "cross_boundary_ties_per_leader": "ties outside the organisation per leader",
    "ei_index": "E-I index (external minus internal ties over all ties)",
    "constraint": "mean constraint of its leaders (Burt)",
    "brokerage_per_leader": "brokerage across the boundary per leader (Gould-Fernandez)",
}


def leader_positions(
    G: nx.Graph, D: nx.DiGraph | None = None, *, attr: str = "organisation"
) -> dict[Any, dict[str, Any]]:
    r"""Where each group's leaders sit in the leaders' network, per value of ``attr``.

    For a group :math:`g` with :math:`n_g` leaders, :math:`E_g` ties with one end in :math:`g`
    and :math:`I_g` ties with both:

    - ``cross_boundary_ties_per_leader`` :math:`= E_g / n_g`;
    - ``ei_index`` :math:`= (E_g - I_g) / (E_g + I_g)` (None without ties);
    - ``constraint``: the mean of Burt's constraint over its leaders with a tie (None if none);
    - ``brokerage_per_leader``: Gould-Fernandez two-paths its leaders broker in the itinerant,
      gatekeeper, representative or liaison roles (those spanning a boundary), over :math:`n_g`.

    Parameters
    ----------
    G : nx.Graph
        The undirected leaders' network (isolated leaders included, so they count in :math:`n_g`).
        Nodes without ``attr`` are left out of every group. Disconnected graphs need nothing special.
    D : nx.DiGraph, optional
        The ties as recorded, for brokerage (a flow measure); default ``G`` read as reciprocated arcs.
    attr : str
        The node attribute naming the group (default ``organisation``).

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). *Social Psychology Quarterly* 51(2), 123-140.
       https://doi.org/10.2307/2786835
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American Journal of Sociology*
       110(2), 349-399. https://doi.org/10.1086/421787
    .. [3] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation. *Sociological
       Methodology* 19, 89-126. https://doi.org/10.2307/270949
    """
    members: dict[Any, list[Any]] = defaultdict(list)
    for node, group in G.nodes(data=attr):
        if group is not None:
            members[group].append(node)
    if not members:
        return {}
    ei = ei_index(G, attr)
    burt = constraint(G) if G.number_of_edges() else {}
    roles = brokerage_roles(D if D is not None else G, attr).roles
    out: dict[Any, dict[str, Any]] = {}
    for group, nodes in sorted(members.items(), key=lambda kv: str(kv[0])):
        counts = ei.groups.get(group, {"internal": 0.0, "external": 0.0, "ei": None})
        scores = [burt[v] for v in nodes if v in burt and not math.isnan(burt[v])]
        brokered = sum(roles.get(v, {}).get(r, 0) for v in nodes for r in CROSS_BOUNDARY)
        out[group] = {
            "leaders": len(nodes),
            "internal_ties": int(counts["internal"]),
            "external_ties": int(counts["external"]),
            "cross_boundary_ties_per_leader": counts["external"] / len(nodes),
            "ei_index": counts["ei"],
            "constraint": sum(scores) / len(scores) if scores else None,
            "brokerage_per_leader": brokered / len(nodes),
        }
    return out


def suppress(records: Iterable[Mapping[str, Any]], minimum: int) -> list[dict[str, Any]]:
    """Indicator records as shown: ``value`` None and ``suppressed`` True below ``minimum`` responses.

    >>> suppress([{"value": 6.1, "responses": 10}, {"value": 7.0, "responses": 11}], 11)
    [{'value': None, 'responses': 10, 'suppressed': True}, {'value': 7.0, 'responses': 11, 'suppressed': False}]
    """
    out = []
    for r in records:
        held = int(r.get("responses") or 0) < minimum
        out.append({**r, "value": None if held else r["value"], "suppressed": held})
    return out


def spearman(x: list[float], y: list[float]) -> float | None:
    r"""Spearman's rank correlation: Pearson's correlation of the ranks (ties get their mean rank).

    None with fewer than 3 pairs or when either variable is constant.

    >>> spearman([1, 2, 3, 4], [10, 20, 30, 40]), spearman([1, 2, 3], [3, 2, 1])
    (1.0, -1.0)
    """
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    if len(x) < 3:
        return None
    if len(set(x)) < 2 or len(set(y)) < 2:
        return None
    return max(-1.0, min(1.0, float(stats.spearmanr(x, y).statistic)))


def rank_correlation(x: list[float], y: list[float], *, confidence: float = 0.95) -> dict[str, Any]:
    r"""Spearman's :math:`\rho` with a Fisher-z confidence interval, and n.

    .. math::

        z = \operatorname{artanh}\rho,\quad
        \mathrm{se} = \sqrt{1.06 / (n - 3)},\quad
        \rho_{lo,hi} = \tanh(z \mp z_{1-\alpha/2}\,\mathrm{se})

    The 1.06 is Fieller, Hartley and Pearson's variance for Spearman's :math:`\rho` (Pearson's
    :math:`r` has 1). The interval needs :math:`n \ge 4`; at :math:`|\rho| = 1` it is that point.

    References
    ----------
    .. [1] Fieller, E. C., Hartley, H. O. & Pearson, E. S. (1957). Tests for rank correlation
       coefficients. I. *Biometrika* 44(3/4), 470-481. https://doi.org/10.1093/biomet/44.3-4.470
    """
    from statistics import NormalDist

    n = len(x)
    rho = spearman(x, y)
    low = high = None
    if rho is not None and n >= 4:
        if abs(rho) == 1.0:
            low = high = rho
        else:
            z, se = math.atanh(rho), math.sqrt(1.06 / (n - 3))
            q = NormalDist().inv_cdf(0.5 + confidence / 2)
            low, high = math.tanh(z - q * se), math.tanh(z + q * se)
    return {
        "rho": rho,
        "n": n,
        "ci_low": low,
        "ci_high": high,
        "confidence": confidence,
        "method": "Spearman rank correlation; Fisher z interval with variance 1.06/(n-3)",
        "warning": ASSOCIATION_WARNING,
    }


def _period_key(r: Mapping[str, Any]) -> tuple[int, str]:
    return (int(r.get("year") or 0), str(r.get("wave") or ""))


def _period(r: Mapping[str, Any]) -> str:
    return str(r["year"]) if r.get("year") is not None else str(r.get("wave"))


def _quarter(values: list[float], side: str) -> float:
    """The edge of the lowest (``low``) or highest (``high``) quarter: the k-th value from that end,
    k = max(1, floor(n / 4)), so a quarter never holds more than a quarter of the organisations (but one)."""
    ordered = sorted(values)
    k = max(1, len(ordered) // 4)
    return ordered[k - 1] if side == "low" else ordered[-k]


def _fmt(value: float, scale: str | None = None) -> str:
    return f"{value:.1f}%" if scale == "percent" else f"{value:.2f}"


def culture_beside_network(
    positions: Mapping[str, Mapping[str, Any]],
    indicators: Iterable[Mapping[str, Any]],
    *,
    catalogue: Mapping[str, Mapping[str, Any]],
    minimum: int,
    organisations: Mapping[str, Mapping[str, Any]] | None = None,
    correlate: Iterable[str] = ("cross_boundary_ties_per_leader", "ei_index"),
) -> dict[str, Any]:
    """Per organisation and per place: indicators (as shown), network position, flags, trends;
    across organisations: rank correlations of each indicator with each measure in ``correlate``.

    Parameters
    ----------
    positions : organisation -> :func:`leader_positions` row
    indicators : records with ``anchor`` (organisation), ``indicator``, ``value``, ``responses``,
        ``year`` or ``wave``, ``survey``, ``scale``, ``source``
    catalogue : indicator code -> ``{"name", "scale", "higher_is_better"}``
    minimum : fewer responses than this and a value is held, never shown
    organisations : organisation -> ``{"name", "place", "system"}``
    """
    organisations = organisations or {}
    shown = suppress(indicators, minimum)
    by_org: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for r in shown:
        by_org[r["anchor"]][r["indicator"]].append(r)
    latest: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    rows: dict[str, dict[str, Any]] = {}
    for org in sorted(set(by_org) | set(positions)):
        meta = organisations.get(org, {})
        row: dict[str, Any] = {
            "organisation": org,
            "name": meta.get("name") or org,
            "place": meta.get("place"),
            "system": meta.get("system"),
            "network": dict(positions.get(org) or {}),
            "indicators": [],
            "trends": [],
            "flags": [],
        }
        for code, records in sorted(by_org.get(org, {}).items()):
            records.sort(key=_period_key)
            last = records[-1]
            row["indicators"].append(
                {
                    "indicator": code,
                    "name": catalogue.get(code, {}).get("name", code),
                    "period": _period(last),
                    "value": last["value"],
                    "scale": last.get("scale"),
                    "responses": last.get("responses"),
                    "suppressed": last["suppressed"],
                    "survey": last.get("survey"),
                    "source": last.get("source"),
                }
            )
            if not last["suppressed"]:
                latest[org][code] = last
            row["trends"].append(_trend(code, records, catalogue.get(code, {})))
        rows[org] = row
    _flag(rows, latest, positions, catalogue)
    correlations = []
    for code in sorted(catalogue):
        for measure in correlate:
            pairs = [
                (positions[o][measure], latest[o][code]["value"])
                for o in sorted(latest)
                if code in latest[o] and o in positions and positions[o].get(measure) is not None
            ]
            if len(pairs) < 3:
                continue
            result = rank_correlation([p[0] for p in pairs], [p[1] for p in pairs])
            correlations.append({"indicator": code, "measure": measure, **result})
    return {
        "organisations": list(rows.values()),
        "places": _places(rows, latest, positions, catalogue, minimum),
        "correlations": correlations,
        "minimum_responses": minimum,
        "warning": ASSOCIATION_WARNING,
    }


def _trend(code: str, records: list[dict[str, Any]], meta: Mapping[str, Any]) -> dict[str, Any]:
    points = [{"period": _period(r), "value": r["value"], "suppressed": r["suppressed"]} for r in records]
    out: dict[str, Any] = {"indicator": code, "points": points, "change": None, "direction": None}
    if len(points) >= 2 and not points[-1]["suppressed"] and not points[-2]["suppressed"]:
        change = points[-1]["value"] - points[-2]["value"]
        better = change > 0 if meta.get("higher_is_better", True) else change < 0
        out["change"] = change
        out["direction"] = "no change" if change == 0 else ("better" if better else "worse")
        out["since"] = points[-2]["period"]
    return out


def _flag(
    rows: dict[str, dict[str, Any]],
    latest: Mapping[str, Mapping[str, dict[str, Any]]],
    positions: Mapping[str, Mapping[str, Any]],
    catalogue: Mapping[str, Mapping[str, Any]],
) -> None:
    for rule in FLAGS:
        measure = rule["measure"]
        chosen = {o: next((latest[o][c] for c in rule["indicators"] if c in latest[o]), None) for o in latest}
        compared = [o for o, r in chosen.items() if r is not None and positions.get(o, {}).get(measure) is not None]
        if len(compared) < 4:
            continue  # a quarter of fewer than four organisations says nothing
        for code in rule["indicators"]:
            orgs = [o for o in compared if chosen[o]["indicator"] == code]
            if len(orgs) < 4:
                continue
            meta = catalogue.get(code, {})
            values = [chosen[o]["value"] for o in orgs]
            worst_low = meta.get("higher_is_better", True)
            edge = _quarter(values, "low" if worst_low else "high")
            m_edge = _quarter([positions[o][measure] for o in orgs], rule["measure_side"])
            for o in orgs:
                value, m_value = chosen[o]["value"], positions[o][measure]
                bad = value <= edge if worst_low else value >= edge
                placed = m_value <= m_edge if rule["measure_side"] == "low" else m_value >= m_edge
                if not (bad and placed):
                    continue
                scale = chosen[o].get("scale")
                rows[o]["flags"].append(
                    {
                        "code": rule["code"],
                        "text": rule["text"],
                        "evidence": [
                            f"{meta.get('name', code)}: {_fmt(value, scale)} in {_period(chosen[o])} "
                            f"({'lowest' if worst_low else 'highest'} quarter of {len(orgs)} organisations: "
                            f"{'at or below' if worst_low else 'at or above'} {_fmt(edge, scale)}; "
                            f"{chosen[o]['responses']} responses)",
                            f"{_MEASURE_WORDS[measure]}: {m_value:.2f} "
                            f"({'lowest' if rule['measure_side'] == 'low' else 'highest'} "
                            f"quarter: {'at or below' if rule['measure_side'] == 'low' else 'at or above'} "
                            f"{m_edge:.2f}; "
                            f"{positions[o]['leaders']} leaders)",
                        ],
                    }
                )


def _places(
    rows: Mapping[str, dict[str, Any]],
    latest: Mapping[str, Mapping[str, dict[str, Any]]],
    positions: Mapping[str, Mapping[str, Any]],
    catalogue: Mapping[str, Mapping[str, Any]],
    minimum: int,
) -> list[dict[str, Any]]:
    """Per place: leaders and boundary ties summed over its organisations, and each indicator as the
    mean of its organisations' shown latest values weighted by responses (held values take no part;
    a place whose shown responses total fewer than ``minimum`` is held too)."""
    places: dict[str, list[str]] = defaultdict(list)
    for org, row in rows.items():
        if row["place"] is not None:
            places[row["place"]].append(org)
    out = []
    for place, orgs in sorted(places.items()):
        leaders = sum(positions.get(o, {}).get("leaders", 0) for o in orgs)
        external = sum(positions.get(o, {}).get("external_ties", 0) for o in orgs)
        figures = []
        for code in sorted({c for o in orgs for c in latest.get(o, {})}):
            parts = [latest[o][code] for o in orgs if code in latest.get(o, {})]
            total = sum(int(p["responses"]) for p in parts)
            value = sum(p["value"] * int(p["responses"]) for p in parts) / total if total >= minimum else None
            figures.append(
                {
                    "indicator": code,
                    "name": catalogue.get(code, {}).get("name", code),
                    "value": value,
                    "responses": total,
                    "organisations": len(parts),
                    "suppressed": value is None,
                    "scale": parts[0].get("scale"),
                }
            )
        out.append(
            {
                "place": place,
                "organisations": len(orgs),
                "leaders": leaders,
                "cross_boundary_ties_per_leader": external / leaders if leaders else None,
                "indicators": figures,
                "flags": sum(len(rows[o]["flags"]) for o in orgs),
            }
        )
    return out
