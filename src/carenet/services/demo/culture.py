"""Staff survey results for the demo, with a planted pattern the culture analysis must find.

Planted (every system): the fewer ties an organisation's leaders have with leaders of other
organisations, the lower its staff's confidence that concerns would be addressed, its
"raising concerns" sub-score, its feeling safe to speak up and its "voice that counts" score.
The values follow each organisation's rank on ties outside the organisation per leader (in the
leaders' network the generator has just made, both waves together), with a little noise; the
other indicators are unrelated to the network.

NHS trusts and the ICB get NHS Staff Survey results for 2024 and 2025; councils, housing
associations, schools, the college, leisure, VCSE and care providers and the hospice get a local
pulse survey for the same years. Small partners sometimes have fewer than 11 responses: those
values are held but never shown. GP practices and PCNs are not surveyed. The results come from
their own random stream, so the rest of the demo is the same with or without them.
"""

from __future__ import annotations

import random
from collections import defaultdict

from carenet.domain import models as m
from carenet.domain.enums import CultureScale, CultureSurvey, OrgKind
from carenet.interchange.indicators import catalogue
from carenet.services.demo.build import SystemBuild

YEARS = (2024, 2025)
NHS = (OrgKind.NHS_TRUST, OrgKind.ICB)
RESPONSES = {
    OrgKind.NHS_TRUST: (1500, 4000),
    OrgKind.ICB: (150, 400),
    OrgKind.LOCAL_AUTHORITY: (300, 900),
    OrgKind.HOUSING_ASSOCIATION: (30, 150),
    OrgKind.SCHOOL: (12, 60),
    OrgKind.COLLEGE: (30, 90),
    OrgKind.LEISURE_PROVIDER: (10, 50),
    OrgKind.VCSE: (5, 30),
    OrgKind.CARE_PROVIDER: (8, 40),
    OrgKind.HOSPICE: (20, 60),
}
"""Responses per survey by kind of organisation (kinds not here are not surveyed)."""
PLANTED = {
    # indicator: (value of the most isolated organisation, of the least isolated, noise sd)
    "concerns_addressed": (34.0, 66.0, 3.0),
    "raising_concerns": (5.5, 7.1, 0.15),
    "safe_to_speak_up": (48.0, 72.0, 3.0),
    "voice_that_counts": (6.0, 7.1, 0.12),
}
UNRELATED = {
    "compassionate_and_inclusive": (7.1, 0.25),
    "staff_engagement": (6.8, 0.25),
    "morale": (5.9, 0.3),
    "bullying_from_managers": (10.0, 2.5),
    "bullying_from_colleagues": (17.0, 3.0),
    "fair_on_errors": (56.0, 5.0),
}
"""indicator: (mean, sd)."""


def boundary_ties_per_leader(b: SystemBuild, relationships: list[m.Relationship]) -> dict[str, float]:
    """Ties outside the organisation per leader, per organisation, in the leaders' network so far."""
    org_of: dict[str, str] = {}
    for p in b.people:
        org = p["team"].org if p.get("team") else p.get("org")
        if org:
            org_of[p["uid"]] = org
    leaders: dict[str, int] = defaultdict(int)
    for org in org_of.values():
        leaders[org] += 1
    pairs = {tuple(sorted((r.source, r.target))) for r in relationships if isinstance(r, m.WorksWith)}
    external: dict[str, int] = defaultdict(int)
    for u, v in pairs:
        a, c = org_of.get(u), org_of.get(v)
        if a and c and a != c:
            external[a] += 1
            external[c] += 1
    return {org: external[org] / n for org, n in leaders.items()}


def add_culture(b: SystemBuild, rng: random.Random, relationships: list[m.Relationship]) -> None:
    """Staff survey results for ``b``'s surveyed organisations (see the module docstring)."""
    cat = catalogue()
    ties = boundary_ties_per_leader(b, relationships)
    surveyed = sorted((o for o in b.orgs.values() if o.kind in RESPONSES and o.uid in ties), key=lambda o: o.uid)
    ordered = sorted(surveyed, key=lambda o: (ties[o.uid], o.uid))
    rank = {o.uid: i / max(1, len(ordered) - 1) for i, o in enumerate(ordered)}
    for org in surveyed:
        survey = CultureSurvey.NHS_STAFF_SURVEY if org.kind in NHS else CultureSurvey.LOCAL_PULSE
        low, high = RESPONSES[org.kind]
        drift = rng.gauss(0, 0.5)
        for y, year in enumerate(YEARS):
            responses = rng.randint(low, high)
            source = (
                "NHS Staff Survey" if survey is CultureSurvey.NHS_STAFF_SURVEY else "Local pulse survey"
            ) + f" {year}, synthetic demo data"
            values: dict[str, float] = {}
            for code, (worst, best, sd) in PLANTED.items():
                values[code] = (
                    worst + (best - worst) * rank[org.uid] + rng.gauss(0, sd) + drift * y * (best - worst) / 20
                )
            for code, (mean, sd) in UNRELATED.items():
                values[code] = mean + rng.gauss(0, sd)
            for code, value in values.items():
                scale = cat.indicators[code].scale
                top = 10.0 if scale is CultureScale.SCORE_0_10 else 100.0
                b.node(
                    m.CultureIndicator(
                        uid=b.uid("culture", org.uid.split("-org-", 1)[1], year, code),
                        anchor=org.uid,
                        survey=survey,
                        year=year,
                        indicator=code,
                        value=round(min(top, max(0.0, value)), 2 if top == 10.0 else 1),
                        scale=scale,
                        responses=responses,
                        source=source,
                    )
                )
