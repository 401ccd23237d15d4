"""The demo system: a fictional but realistic integrated care system, deterministic for a seed.

One system is an ICB with four places (each a local authority), twelve neighbourhoods (PCNs)
and their GP practices; an acute, a community and a mental health trust; adult and
children's social care, council housing teams and housing associations; schools and a
college; leisure; VCSE organisations, care providers and a hospice. About 650 teams and
2,500 leaders, with levels, staff groups, bands, capabilities and (stored apart)
demographics; collaboration ties in two survey waves (team ties of the latest with PARTNER's three
trust and three value sub-items, drawn from a stream of their own; the earlier wave and organisation
ties with single scores, as older surveys had); three care pathways; forums; five
years of leadership demand; workforce and community baselines.

Planted defects, which the analytics must find (system 1, whose uids start ``s1-``):

1. **Housing silo**: in the third place (``s1-place-3``) the housing teams (council housing
   and housing associations) have no collaboration tie to any health team, in either wave.
2. **Broken hand-off**: in the children's mental health pathway (``s1-pathway-camhs``) the
   step "CAMHS single point of access" hands off to "Early help (children's social care)",
   and the teams delivering the two steps have no working tie in either wave. Every other
   hand-off of every pathway has one.
3. **Single bridge**: one leader, the discharge-to-assess lead (``s1-person-bridge``), is the
   only person with advice/information ties to both adult social care and the acute
   discharge team; the acute discharge team's leaders have no other tie outside the team, so
   that leader is a cut point of the leaders' network.
4. **Forum with no VCSE member**: the second place's partnership board
   (``s1-forum-place-2``) has no VCSE organisation or person among its members.
5. **Less diverse leadership**: in the second place (``s1-place-2``) leaders are almost all
   White, while its workforce baseline is 38% from ethnic minorities.
6. **Relied on, not at the table**: ``s1-org-vcse-home-from-hospital`` receives ties from many
   organisations and sits on no forum.
7. **Isolated leaders, concerns not addressed**: staff survey results (NHS Staff Survey and local
   pulse surveys, 2024 and 2025) where organisations whose leaders have few ties outside the
   organisation report lower confidence in raising concerns (:mod:`carenet.services.demo.culture`).

``systems > 1`` repeats the shape (with fresh names and uids ``s2-``, ``s3-``, ...) for
benchmarks; 42 is England. The plants are in every system.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

from carenet.domain import models as m
from carenet.domain.enums import EthnicCategory, LeadershipLevel, OrgKind, Sector, StaffGroup
from carenet.services.demo import names
from carenet.services.demo.build import OrgInfo, SystemBuild, TeamInfo
from carenet.services.demo.culture import add_culture
from carenet.services.demo.ties import add_partner_items, add_pathways, add_person_ties, add_team_ties
from carenet.storage.repository import ChangeSet

YEARS = range(2027, 2032)
WAVES = (("2025", "Spring 2025 survey", (2025, 4, 1)), ("2026", "Spring 2026 survey", (2026, 4, 1)))


_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _code(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def generate(*, seed: int = 7, systems: int = 1) -> ChangeSet:
    """Build ``systems`` demo systems. The same seed always gives the same graph."""
    changes = ChangeSet()
    for cap_uid, cap_name, desc in names.CAPABILITIES:
        changes.add_node(m.Capability(uid=f"cap-{cap_uid}", name=cap_name, description=desc))
    for index in range(1, systems + 1):
        build = SystemBuild(index, random.Random(f"{seed}:{index}"), changes)
        start = len(changes.relationships)
        _structure(build)
        _organisations(build)
        _teams(build)
        waves = _waves(build)
        add_team_ties(build, waves)
        _people(build)
        add_person_ties(build, waves)
        add_pathways(build)
        _forums(build)
        _demand_and_baselines(build)
        add_culture(build, random.Random(f"{seed}:{index}:culture"), changes.relationships[start:])
        add_partner_items(build, random.Random(f"{seed}:{index}:partner"), changes.relationships[start:], waves[-1])
    return changes


def _structure(b: SystemBuild) -> None:
    rng = b.rng
    base = names.SYSTEM_NAMES[(b.index - 1) % len(names.SYSTEM_NAMES)]
    label = base if b.index <= len(names.SYSTEM_NAMES) else f"{base} {b.index}"
    system = b.uid("system")
    b.label = label
    b.node(
        m.System(
            uid=system,
            name=f"{label} Integrated Care System",
            ods_code="Q" + _code(rng, _ALNUM, 2),
            gss_code=f"E54{b.index:06d}",
        )
    )
    place_count = 4 if b.index == 1 else 3 + rng.randint(0, 1)
    for p in range(1, place_count + 1):
        name = names.PLACE_NAMES[(b.index * 3 + p - 1) % len(names.PLACE_NAMES)]
        place = b.uid("place", p)
        gss = f"E{rng.choice(['06', '08', '09', '10'])}{rng.randint(0, 999_999):06d}"
        b.node(m.Place(uid=place, name=name if b.index == 1 else f"{name} ({label})", gss_code=gss))
        b.rel(m.PartOf(source=place, target=system))
        b.places.append(place)
        b.place_names[place] = name
        b.neighbourhoods[place] = []
        for n in range(1, 4):
            hood = b.uid("nbh", p, n)
            suffix = names.NEIGHBOURHOOD_SUFFIXES[(p + n) % len(names.NEIGHBOURHOOD_SUFFIXES)]
            b.node(m.Neighbourhood(uid=hood, name=f"{name} {suffix}", pcn_code=f"U{rng.randint(10_000, 99_999)}"))
            b.rel(m.PartOf(source=hood, target=place))
            b.neighbourhoods[place].append(hood)


def _org(b: SystemBuild, key: str, name: str, kind: OrgKind, sector: Sector, place: str | None, **ids) -> str:
    uid = b.uid("org", key)
    b.node(m.Organisation(uid=uid, name=name, kind=kind, sector=sector, **ids))
    b.rel(m.PartOf(source=uid, target=place or b.uid("system")))
    if place is None:
        for p in b.places:
            b.rel(m.Serves(source=uid, target=p))
    b.orgs[uid] = OrgInfo(uid, kind, sector, place)
    return uid


def _organisations(b: SystemBuild) -> None:
    rng = b.rng
    letters = _ALNUM
    _org(
        b,
        "icb",
        f"NHS {b.label} Integrated Care Board",
        OrgKind.ICB,
        Sector.HEALTH,
        None,
        ods_code="Q" + _code(rng, letters, 2),
    )
    _org(
        b,
        "acute",
        "Riverside University Hospitals NHS Trust",
        OrgKind.NHS_TRUST,
        Sector.HEALTH,
        None,
        ods_code="R" + _code(rng, letters, 2),
    )
    _org(
        b,
        "community",
        "Vale Community Health NHS Trust",
        OrgKind.NHS_TRUST,
        Sector.HEALTH,
        None,
        ods_code="R" + _code(rng, letters, 2),
    )
    _org(
        b,
        "mental-health",
        "Moorside Mental Health NHS Foundation Trust",
        OrgKind.NHS_TRUST,
        Sector.HEALTH,
        None,
        ods_code="R" + _code(rng, letters, 2),
    )
    _org(b, "college", "Vale College", OrgKind.COLLEGE, Sector.EDUCATION, None)
    _org(
        b,
        "hospice",
        "St Clare's Hospice",
        OrgKind.HOSPICE,
        Sector.VOLUNTARY,
        None,
        charity_number=str(rng.randint(1_000_000, 1_199_999)),
    )
    _org(
        b,
        "vcse-home-from-hospital",
        "Home from Hospital Service",
        OrgKind.VCSE,
        Sector.VOLUNTARY,
        None,
        charity_number=str(rng.randint(1_000_000, 1_199_999)),
    )
    for i, place in enumerate(b.places, start=1):
        _org(b, f"council-{i}", f"{b.place_names[place]} Council", OrgKind.LOCAL_AUTHORITY, Sector.SOCIAL_CARE, place)
        for h in range(1, 2 + (i % 2) + 1):
            _org(
                b,
                f"housing-assoc-{i}-{h}",
                f"{b.place_names[place]} Homes {h}",
                OrgKind.HOUSING_ASSOCIATION,
                Sector.HOUSING,
                place,
                housing_regulator_code=f"L{rng.randint(1000, 9999)}",
            )
        _org(b, f"leisure-{i}", f"Active {b.place_names[place]}", OrgKind.LEISURE_PROVIDER, Sector.LEISURE, place)
        for s in range(1, 4):
            _org(
                b,
                f"school-{i}-{s}",
                f"{b.place_names[place]} Academy {s}",
                OrgKind.SCHOOL,
                Sector.EDUCATION,
                place,
                school_urn=f"{rng.randint(100_000, 149_999)}",
            )
        for v, vname in enumerate(rng.sample(names.VCSE_NAMES, 3), start=1):
            _org(
                b,
                f"vcse-{i}-{v}",
                f"{vname} {b.place_names[place]}",
                OrgKind.VCSE,
                Sector.VOLUNTARY,
                place,
                charity_number=str(rng.randint(200_000, 1_199_999)),
            )
        for c in range(1, 3):
            _org(
                b,
                f"care-{i}-{c}",
                f"{b.place_names[place]} Care at Home {c}",
                OrgKind.CARE_PROVIDER,
                Sector.SOCIAL_CARE,
                place,
                cqc_location_id=f"1-{rng.randint(100_000_000, 9_999_999_999)}",
            )
        for n, hood in enumerate(b.neighbourhoods[place], start=1):
            pcn = _org(
                b,
                f"pcn-{i}-{n}",
                f"{b.place_names[place]} {names.NEIGHBOURHOOD_SUFFIXES[(i + n) % 6]} PCN",
                OrgKind.PCN,
                Sector.HEALTH,
                place,
                ods_code=f"U{rng.randint(10_000, 99_999)}",
            )
            b.rel(m.Serves(source=pcn, target=hood))
            for g in range(1, 4):
                gp = _org(
                    b,
                    f"gp-{i}-{n}-{g}",
                    f"{b.place_names[place]} {names.NEIGHBOURHOOD_SUFFIXES[(i + n) % 6]} Surgery {g}",
                    OrgKind.GP_PRACTICE,
                    Sector.HEALTH,
                    place,
                    ods_code=f"{rng.choice('ABCDEFGHJKLMNPY')}{rng.randint(10_000, 99_999)}",
                )
                b.rel(m.PartOf(source=gp, target=pcn))
                b.rel(m.Serves(source=gp, target=hood))


# (org key pattern, [(service, sector, count, tags)], per-place?)
_TEAM_PLAN: dict[str, list[tuple[str, Sector, int, tuple[str, ...]]]] = {
    "icb": [("Commissioning", Sector.HEALTH, 4, ()), ("Population health", Sector.PUBLIC_HEALTH, 2, ())],
    "acute": [
        ("Emergency department", Sector.HEALTH, 6, ("acute",)),
        ("Acute medical ward", Sector.HEALTH, 40, ("acute", "ward")),
        ("Surgical ward", Sector.HEALTH, 20, ("acute",)),
        ("Acute discharge team", Sector.HEALTH, 2, ("acute", "discharge")),
        ("Acute frailty unit", Sector.HEALTH, 2, ("acute", "frailty_unit")),
        ("Therapies", Sector.HEALTH, 8, ("acute",)),
        ("Paediatrics", Sector.HEALTH, 4, ("acute",)),
        ("Outpatients", Sector.HEALTH, 14, ("acute",)),
    ],
    "community": [
        ("District nursing", Sector.HEALTH, 16, ("community",)),
        ("Community rehabilitation", Sector.HEALTH, 6, ("community", "rehab")),
        ("Community frailty team", Sector.HEALTH, 4, ("community", "frailty_team")),
        ("Discharge to assess", Sector.HEALTH, 2, ("community", "d2a")),
        ("Care home support", Sector.HEALTH, 4, ("community", "care_home_support")),
        ("Health visiting", Sector.HEALTH, 8, ("community",)),
    ],
    "mental-health": [
        ("CAMHS single point of access", Sector.HEALTH, 1, ("camhs_spa",)),
        ("CAMHS community team", Sector.HEALTH, 4, ("camhs_team",)),
        ("Adult community mental health", Sector.HEALTH, 10, ("mh",)),
        ("Crisis team", Sector.HEALTH, 3, ("mh",)),
        ("Older adults mental health", Sector.HEALTH, 4, ("mh",)),
        ("Inpatient ward", Sector.HEALTH, 6, ("mh",)),
    ],
    "college": [("Student support", Sector.EDUCATION, 3, ())],
    "hospice": [("Hospice at home", Sector.VOLUNTARY, 2, ())],
    "vcse-home-from-hospital": [("Home from hospital", Sector.VOLUNTARY, 2, ("home_from_hospital",))],
    "council": [
        ("Adult social care", Sector.SOCIAL_CARE, 10, ("asc",)),
        ("Hospital social work", Sector.SOCIAL_CARE, 1, ("asc", "asc_hospital")),
        ("Reablement", Sector.SOCIAL_CARE, 2, ("asc", "reablement")),
        ("Children's social care", Sector.SOCIAL_CARE, 8, ("csc",)),
        ("Early help (children's social care)", Sector.SOCIAL_CARE, 1, ("csc", "early_help")),
        ("Housing options", Sector.HOUSING, 3, ("housing",)),
        ("Homelessness prevention", Sector.HOUSING, 2, ("housing",)),
        ("Public health", Sector.PUBLIC_HEALTH, 3, ()),
        ("SEND", Sector.EDUCATION, 2, ()),
    ],
    "housing-assoc": [
        ("Tenancy support", Sector.HOUSING, 2, ("housing",)),
        ("Supported housing", Sector.HOUSING, 2, ("housing",)),
    ],
    "leisure": [("Exercise on referral", Sector.LEISURE, 2, ())],
    "school": [("Pastoral care", Sector.EDUCATION, 1, ("school_pastoral",)), ("SENCo", Sector.EDUCATION, 1, ())],
    "vcse": [("Community support", Sector.VOLUNTARY, 2, ("vcse",))],
    "care": [("Home care", Sector.SOCIAL_CARE, 3, ("care",))],
    "pcn": [
        ("Social prescribing", Sector.HEALTH, 1, ("social_prescribing",)),
        ("Frailty MDT", Sector.HEALTH, 1, ("pcn_frailty",)),
        ("Care coordination", Sector.HEALTH, 1, ()),
    ],
    "gp": [("General practice", Sector.HEALTH, 2, ("gp",))],
}


def _plan_key(org_uid: str, prefix: str) -> str:
    key = org_uid[len(prefix) + len("-org-") :]
    for candidate in sorted(_TEAM_PLAN, key=len, reverse=True):
        if key == candidate or key.startswith(candidate + "-"):
            return candidate
    raise KeyError(org_uid)


def _teams(b: SystemBuild) -> None:
    system_wide_place = {}
    for org in list(b.orgs.values()):
        plan = _TEAM_PLAN[_plan_key(org.uid, b.prefix)]
        n = 0
        for service, sector, count, tags in plan:
            for k in range(count):
                n += 1
                uid = f"{org.uid.replace('-org-', '-team-')}-{n}"
                place = org.place
                if place is None:  # a system-wide provider's team serves one place, in turn
                    i = system_wide_place.get(org.uid, 0)
                    place = b.places[i % len(b.places)]
                    system_wide_place[org.uid] = i + 1
                title = service if count == 1 else f"{service} {k + 1}"
                b.node(m.Team(uid=uid, name=title, service=service, sector=sector))
                b.rel(m.PartOf(source=uid, target=org.uid))
                b.rel(m.Serves(source=uid, target=place))
                b.teams.append(TeamInfo(uid, org.uid, sector, service, place, frozenset(tags)))


def _waves(b: SystemBuild) -> list[str]:
    out = []
    for key, name, (y, mo, d) in WAVES:
        uid = b.uid("wave", key)
        b.node(m.SurveyWave(uid=uid, name=name, collected_on=dt.date(y, mo, d)))
        b.rel(m.PartOf(source=uid, target=b.uid("system")))
        out.append(uid)
    return out


_STAFF_BY_SECTOR = {
    Sector.HEALTH: [
        StaffGroup.NURSING,
        StaffGroup.MEDICAL,
        StaffGroup.AHP,
        StaffGroup.MANAGEMENT,
        StaffGroup.SCIENTIFIC,
    ],
    Sector.SOCIAL_CARE: [StaffGroup.SOCIAL_WORK, StaffGroup.CARE, StaffGroup.MANAGEMENT],
    Sector.HOUSING: [StaffGroup.HOUSING, StaffGroup.MANAGEMENT],
    Sector.EDUCATION: [StaffGroup.EDUCATION, StaffGroup.MANAGEMENT],
    Sector.LEISURE: [StaffGroup.OTHER, StaffGroup.MANAGEMENT],
    Sector.VOLUNTARY: [StaffGroup.OTHER, StaffGroup.MANAGEMENT, StaffGroup.CARE],
    Sector.PUBLIC_HEALTH: [StaffGroup.MANAGEMENT, StaffGroup.SCIENTIFIC, StaffGroup.MEDICAL],
    Sector.OTHER: [StaffGroup.OTHER],
}
_BANDS = {
    LeadershipLevel.BOARD: ["9"],
    LeadershipLevel.EXECUTIVE: ["9", "8d"],
    LeadershipLevel.SENIOR: ["8c", "8b", "8a"],
    LeadershipLevel.MIDDLE: ["8a", "7"],
    LeadershipLevel.TEAM: ["7", "6"],
}
# Leaders' ethnic categories (shares loosely after NHS workforce statistics) and the planted place.
_ETHNIC_MIX = (
    ["A"] * 62
    + ["B"] * 2
    + ["C"] * 8
    + ["D", "E", "F", "G"]
    + ["H"] * 6
    + ["J"] * 3
    + ["K"] * 2
    + ["L"] * 3
    + ["M"] * 2
    + ["N"] * 5
    + ["P"]
    + ["R"]
    + ["S"] * 2
    + ["Z"] * 2
)
_ETHNIC_MIX_MONOCULTURE = ["A"] * 94 + ["B"] * 3 + ["C"] * 2 + ["Z"]


def _person(
    b: SystemBuild, key: str, level: LeadershipLevel, sector: Sector, role: str, place: str | None, *, name=None
) -> str:
    rng = b.rng
    uid = b.uid("person", key)
    name = name or f"{rng.choice(names.FIRST_NAMES)} {rng.choice(names.SURNAMES)}"
    staff = rng.choice(_STAFF_BY_SECTOR[sector])
    clinical = staff in (StaffGroup.MEDICAL, StaffGroup.NURSING, StaffGroup.AHP, StaffGroup.SCIENTIFIC)
    band = rng.choice(_BANDS[level]) if sector is Sector.HEALTH else None
    b.node(m.Person(uid=uid, name=name, role=role, level=level, staff_group=staff, band=band, clinical=clinical))
    mix = _ETHNIC_MIX_MONOCULTURE if b.index >= 1 and place == b.uid("place", 2) else _ETHNIC_MIX
    sex = (
        "female"
        if rng.random() < (0.62 if level in (LeadershipLevel.TEAM, LeadershipLevel.MIDDLE) else 0.45)
        else "male"
    )
    b.node(m.Demographic(uid=uid, ethnic_category=EthnicCategory(rng.choice(mix)), sex=sex))
    b.rel(m.Describes(source=uid, target=uid, source_label="Demographic", target_label="Person"))
    held = rng.sample(names.CAPABILITIES, rng.randint(1, 4))
    if place == b.uid("place", 4):  # place 4 has no leader with financial stewardship
        held = [c for c in held if c[0] != "financial_stewardship"]
    for cap_uid, _, _ in held:
        b.rel(m.HasCapability(source=uid, target=f"cap-{cap_uid}", level=rng.randint(1, 4)))
    b.people.append({"uid": uid, "level": level, "sector": sector, "place": place})
    return uid


def _people(b: SystemBuild) -> None:
    rng = b.rng
    for team in b.teams:
        lead = _person(
            b,
            f"{team.uid.split('-team-')[1]}-lead",
            LeadershipLevel.TEAM,
            team.sector,
            f"{team.service} lead",
            team.place,
        )
        b.rel(m.Leads(source=lead, target=team.uid))
        b.rel(m.MemberOf(source=lead, target=team.uid))
        b.people[-1]["team"] = team
        extra = rng.choice([1, 2, 3, 3, 4])
        for k in range(extra):
            level = LeadershipLevel.MIDDLE if k == 0 and rng.random() < 0.5 else LeadershipLevel.TEAM
            person = _person(
                b, f"{team.uid.split('-team-')[1]}-{k + 1}", level, team.sector, f"{team.service} deputy", team.place
            )
            b.rel(m.MemberOf(source=person, target=team.uid))
            b.people[-1]["team"] = team
    for org in b.orgs.values():
        big = org.kind in (OrgKind.NHS_TRUST, OrgKind.ICB, OrgKind.LOCAL_AUTHORITY)
        levels = (
            ([LeadershipLevel.BOARD] * 8 + [LeadershipLevel.EXECUTIVE] * 6 + [LeadershipLevel.SENIOR] * 10)
            if big
            else [LeadershipLevel.EXECUTIVE]
        )
        for k, level in enumerate(levels):
            role = "Chief executive" if k == 0 else f"{level.value.title()} leader"
            person = _person(
                b, f"{org.uid.split('-org-')[1]}-{level.value}-{k + 1}", level, org.sector, role, org.place
            )
            b.rel(m.MemberOf(source=person, target=org.uid))
            if k == 0:
                b.rel(m.Leads(source=person, target=org.uid))
            b.people[-1]["org"] = org.uid
    bridge = _person(
        b, "bridge", LeadershipLevel.SENIOR, Sector.HEALTH, "Discharge to assess lead", b.places[0], name="Morgan Ellis"
    )
    b.rel(m.MemberOf(source=bridge, target=b.tagged("d2a")[0].uid))
    b.people[-1]["team"] = b.tagged("d2a")[0]
    b.people[-1]["bridge"] = True


def _forums(b: SystemBuild) -> None:
    system = b.uid("system")
    chief = {p["org"]: p["uid"] for p in b.people if p.get("org") and p["uid"].endswith("-board-1")}
    execs = [p["uid"] for p in b.people if p.get("org") and p["level"] is LeadershipLevel.EXECUTIVE]
    forums = [
        ("icb-board", "ICB board", "icb_board", system),
        ("icp", "Integrated care partnership", "icp", system),
        ("provider-collaborative", "Mental health provider collaborative", "provider_collaborative", system),
    ] + [
        (f"place-{i}", f"{b.place_names[place]} partnership board", "place_board", place)
        for i, place in enumerate(b.places, 1)
    ]
    nhs = [o.uid for o in b.orgs.values() if o.kind in (OrgKind.NHS_TRUST, OrgKind.ICB)]
    for key, name, kind, area in forums:
        uid = b.uid("forum", key)
        b.node(m.Forum(uid=uid, name=name, kind=kind))
        b.rel(m.PartOf(source=uid, target=area))
        if kind in ("icb_board", "provider_collaborative"):
            members = [o for o in nhs if o in chief]
        else:
            local = [
                o.uid
                for o in b.orgs.values()
                if (kind == "icp" or o.place == area)
                and o.kind in (OrgKind.LOCAL_AUTHORITY, OrgKind.VCSE, OrgKind.HOUSING_ASSOCIATION, OrgKind.PCN)
            ]
            members = nhs + local
            if key == "place-2":  # planted: no VCSE at this table
                members = [o for o in members if b.orgs[o].kind is not OrgKind.VCSE]
        members = [o for o in members if not o.endswith("vcse-home-from-hospital")]
        for org in sorted(set(members)):
            b.rel(m.SitsOn(source=org, target=uid))
            if org in chief:
                b.rel(m.SitsOn(source=chief[org], target=uid, role="chair" if org.endswith("-icb") else "member"))
        for person in itertools.islice(execs, 0, 3 if kind == "icb_board" else 0):
            b.rel(m.SitsOn(source=person, target=uid))


def _demand_and_baselines(b: SystemBuild) -> None:
    rng = b.rng
    for i, place in enumerate(b.places, start=1):
        current = {
            level: sum(1 for p in b.people if p["place"] == place and p["level"] is level) for level in LeadershipLevel
        }
        for level in LeadershipLevel:
            for year in YEARS:
                growth = 1 + 0.03 * (year - 2026) + (0.05 if level is LeadershipLevel.SENIOR else 0)
                b.node(
                    m.LeadershipDemand(
                        uid=b.uid("demand", i, level.value, year),
                        area=place,
                        level=level,
                        year=year,
                        required=round(current[level] * growth),
                    )
                )
        minority = 0.38 if i == 2 else rng.uniform(0.18, 0.32)
        community = minority - 0.04 if i == 2 else minority + rng.uniform(-0.05, 0.05)
        for kind, share in (("workforce", minority), ("community", community)):
            white = round(100 * (1 - share), 1)
            rest = 100 - white
            split = {
                "White": white,
                "Asian": round(rest * 0.45, 1),
                "Black": round(rest * 0.3, 1),
                "Mixed": round(rest * 0.15, 1),
            }
            split["Other"] = round(100 - sum(split.values()), 1)
            for category, percent in split.items():
                b.node(
                    m.Baseline(
                        uid=b.uid("baseline", i, kind, "ethnic", category.lower()),
                        area=place,
                        kind=kind,
                        dimension="ethnic_group",
                        category=category,
                        percent=max(percent, 0.0),
                    )
                )
            female = 77.0 if kind == "workforce" else 51.0
            for category, percent in (("female", female), ("male", 100 - female)):
                b.node(
                    m.Baseline(
                        uid=b.uid("baseline", i, kind, "sex", category),
                        area=place,
                        kind=kind,
                        dimension="sex",
                        category=category,
                        percent=percent,
                    )
                )
