"""Disclosure control for tables of people: small-number suppression that cannot be undone.

Primary suppression (:func:`~carenet.analytics.suppression.suppress_count`) shows 1 to 7 as ``*``
and rounds other counts to the nearest 5. On its own that can be undone by differencing: a row
total shown as 45 (43 to 47) with three cells shown as 10 (8 to 12 each) pins a fourth cell shown
as ``*`` to exactly 7. So every table published together is audited as a system of linear
constraints on the unknown counts: for each ``*`` the smallest and largest count consistent
with everything published are found exactly (integer programming, :func:`scipy.optimize.milp`);
where they are equal, another cell of the same row or column is withheld as well (secondary
suppression, shown ``c``: a count of 8 or more withheld so that a ``*`` cannot be worked out)
and the audit runs again. A reader knows what ``*`` and ``c`` stand for, and so does the audit.

Every other published figure (shares, intervals, the five-year model) is computed from the
published counts only, so it adds nothing a reader could use.

References
----------
Hundepool, A. et al. (2012). *Statistical Disclosure Control*, ch. 4 (tabular data, secondary
suppression, audit by linear programming). Wiley. https://doi.org/10.1002/9781118348239
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from carenet.analytics.suppression import SUPPRESSED, suppress_count

__all__ = ["WITHHELD", "Published", "count_range", "protect", "feasible_range", "wilson_interval", "share_interval"]

WITHHELD = "c"
"""A count of 8 or more withheld (secondary suppression) so that a ``*`` cannot be worked out."""


def count_range(shown: int | str) -> tuple[int, float]:
    """The raw counts a shown count stands for: 0 -> (0, 0); ``*`` -> (1, 7); ``c`` -> (8, inf);
    n -> (n - 2, n + 2), never below 8.

    >>> count_range(0), count_range("*"), count_range("c"), count_range(10), count_range(45)
    ((0, 0), (1, 7), (8, inf), (8, 12), (43, 47))
    """
    if shown == SUPPRESSED:
        return (1, 7)
    if shown == WITHHELD:
        return (8, math.inf)
    if shown == 0:
        return (0, 0)
    return (max(8, int(shown) - 2), int(shown) + 2)


@dataclass
class Published:
    """Sums of unknown counts with what was shown for each: ``exprs[name]`` is the tuple of
    variable keys it adds up, ``raw[name]`` its true value, ``shown[name]`` what is published."""

    exprs: dict[Hashable, tuple[Hashable, ...]] = field(default_factory=dict)
    raw: dict[Hashable, int] = field(default_factory=dict)
    shown: dict[Hashable, int | str] = field(default_factory=dict)
    links: list[tuple[tuple[Hashable, ...], tuple[Hashable, ...]]] = field(default_factory=list)
    """Pairs of sums known to be equal (the same people counted in two breakdowns)."""

    def add(self, name: Hashable, variables: Iterable[Hashable], raw: int) -> None:
        self.exprs[name] = tuple(variables)
        self.raw[name] = raw
        self.shown[name] = suppress_count(raw)


def _system(pub: Published) -> tuple[dict[Hashable, int], LinearConstraint]:
    variables = sorted(
        {v for vs in pub.exprs.values() for v in vs} | {v for a, b in pub.links for v in (*a, *b)}, key=repr
    )
    index = {v: i for i, v in enumerate(variables)}
    rows, lower, upper = [], [], []
    for key, vs in pub.exprs.items():
        lo, hi = count_range(pub.shown[key])
        row = np.zeros(len(variables))
        for v in vs:
            row[index[v]] += 1
        rows.append(row)
        lower.append(lo)
        upper.append(hi)
    for a, b in pub.links:
        row = np.zeros(len(variables))
        for v in a:
            row[index[v]] += 1
        for v in b:
            row[index[v]] -= 1
        rows.append(row)
        lower.append(0)
        upper.append(0)
    return index, LinearConstraint(np.array(rows), np.array(lower, float), np.array(upper, float))


def _range(
    index: dict[Hashable, int], constraint: LinearConstraint, variables: Iterable[Hashable]
) -> tuple[float, float]:
    objective = np.zeros(len(index))
    for v in variables:
        objective[index[v]] += 1
    found = []
    for sign in (1, -1):
        res = milp(sign * objective, integrality=np.ones(len(index)), bounds=Bounds(0, np.inf), constraints=constraint)
        if res.status == 3:  # unbounded
            return (found[0] if found else 0, math.inf)
        if not res.success:
            return (math.nan, math.nan)
        found.append(round(sign * res.fun))
    return (found[0], found[1])


def feasible_range(pub: Published, name: Hashable) -> tuple[float, float]:
    """The smallest and largest value of ``pub.exprs[name]`` consistent with every published
    figure (and the links), found exactly as an integer programme; (nan, nan) if nothing is."""
    index, constraint = _system(pub)
    return _range(index, constraint, pub.exprs[name])


def protect(
    pub: Published,
    neighbours: Mapping[Hashable, Sequence[Hashable]],
    *,
    together: Mapping[Hashable, Sequence[Hashable]] | None = None,
    max_rounds: int = 500,
) -> Published:
    """Withhold further cells until no ``*`` in ``pub`` (a count of 1 to 7) can be worked out exactly.

    ``neighbours[name]`` lists the published cells that share a row or column with ``name``;
    its keys are every cell that may be withheld. The cell withheld for a pinned one is the
    smallest shown count among its nearest open neighbours (row and columns first, then theirs).
    Only where no cell is left is a total withheld, with the totals ``together[total]`` lists
    (the same people counted in another table), so the same total never shows two ways.
    Withholding only widens what a reader can infer, so a cell found safe stays safe: each is
    audited until it is. Changes ``pub`` in place and returns it.
    """
    spent = (0, SUPPRESSED, WITHHELD)
    together = together or {}
    todo = [name for name in pub.exprs if pub.shown[name] == SUPPRESSED]
    rounds = 0
    if not todo:
        return pub
    index, constraint = _system(pub)
    while todo:
        name = todo.pop()
        lo, hi = _range(index, constraint, pub.exprs[name])
        if lo != hi:
            continue
        rounds += 1
        if rounds > max_rounds:
            raise RuntimeError("secondary suppression did not settle")
        chosen = _nearest_open(pub, neighbours, name, spent)
        if chosen is None:
            mine = set(pub.exprs[name])
            totals = [t for t in together if pub.shown[t] not in spent and mine & set(pub.exprs[t])]
            if not totals:
                raise RuntimeError(f"cannot protect {name!r}: no cell or total left to withhold with it")
            chosen = min(totals, key=lambda t: (pub.raw[t], repr(t)))
        same = sorted(pub.exprs[chosen], key=repr)
        twins = {c for c in pub.exprs if sorted(pub.exprs[c], key=repr) == same}  # one count in several tables
        twins |= {t for c in list(twins) for t in together.get(c, ())}
        for twin in twins:
            pub.shown[twin] = WITHHELD
        index, constraint = _system(pub)
        todo.append(name)
    return pub


def _nearest_open(
    pub: Published, neighbours: Mapping[Hashable, Sequence[Hashable]], start: Hashable, spent
) -> Hashable | None:
    """The open cell (shown as a positive count) nearest ``start`` in the neighbour graph,
    smallest count first at the same distance; cells overlapping ``start`` when it has none."""
    first = list(neighbours.get(start, ()))
    if not first:
        mine = set(pub.exprs[start])
        first = [c for c in neighbours if mine & set(pub.exprs[c])]
    seen, layer = {start, *first}, first
    while layer:
        open_ = [c for c in layer if pub.shown[c] not in spent]
        if open_:
            return min(open_, key=lambda c: (pub.raw[c], repr(c)))
        nxt = []
        for c in layer:
            for d in neighbours.get(c, ()):
                if d not in seen:
                    seen.add(d)
                    nxt.append(d)
        layer = nxt
    return None


def wilson_interval(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a proportion ``k / n``, as fractions.

    .. math:: \\frac{\\hat p + z^2/2n \\pm z \\sqrt{\\hat p (1-\\hat p)/n + z^2/4n^2}}{1 + z^2/n}

    >>> [round(x, 4) for x in wilson_interval(8, 12)]
    [0.3906, 0.8619]

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
    *JASA* 22(158), 209-212. https://doi.org/10.1080/01621459.1927.10502953
    """
    if n <= 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, (centre - spread) / denom), min(1.0, (centre + spread) / denom))


def share_interval(k: tuple[float, float], n: tuple[float, float]) -> tuple[float, float]:
    """The widest 95% Wilson interval, in percent, over every count ``k`` and total ``n`` in the
    given ranges (``k <= n``): sampling and rounding uncertainty together, from published ranges.

    >>> share_interval((8, 12), (8, 12))  # 10 of 10, each 8 to 12
    (39.0, 100.0)
    """
    k_lo, k_hi = k
    n_lo, n_hi = n
    if not math.isfinite(n_hi):
        return (0.0, 100.0)
    k_hi = min(k_hi, n_hi)
    lower = wilson_interval(int(k_lo), int(max(n_hi, k_lo, 1)))[0]
    upper = wilson_interval(int(k_hi), int(max(n_lo, k_hi, 1)))[1] if k_hi < math.inf else 1.0
    return (math.floor(1000 * lower) / 10, math.ceil(1000 * upper) / 10)
