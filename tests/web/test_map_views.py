"""The map's views (issue 19) in a real browser (Debian's Chromium) against ``carenet demo``: the
system overview, focus, communities and pathway views, labels that never overlap, layouts cached per
graph version, and the picture export. What is drawn is checked against GraphQL asked directly over
HTTP and plain-Python oracles; screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import math
import struct
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mapbrowser import ROOT, Browser, missing_requirements
from mapserver import demo_server

ARTIFACTS = ROOT / "test-artifacts"
SETTLED = (
    "window.carenetMap && document.querySelector('#map').dataset.status === 'ready'"
    " && document.querySelector('#map').dataset.analysis !== 'loading'"
)
SVG = {"s": "http://www.w3.org/2000/svg"}
DIM = "#e2e2e2"

OVERVIEW = """
{ systemOverview { graphVersion nodes { id: uid label place placeName teams } edges { source target weight } } }
"""
ANALYSIS = """
query($level: GraphLevel!) { analysis(filter: {level: $level}) {
  communities { id: number size largestSector largestSectorShare largestOrganisation largestOrganisationShare isSilo members }
  brokers(limit: 20) { id: uid betweenness } } }
"""
TEAMS = """
{ subgraph(filter: {level: TEAM}, limit: 5000) { nodes { id: uid label organisation organisationName } edges { source target weight } } }
"""
PATHWAYS = """
{ pathways { id: uid name steps { id: uid name position teams } handoffs { fromStep toStep fromTeams toTeams hasTie shortestPath } } }
"""
IMPACT = """
query($ids: [ID!]!) { analysis(filter: {level: ORGANISATION}) { departureImpact(ids: $ids) { componentsAfter pairsDisconnected } } }
"""
# Every drawn label's box, computed here the way sigma draws a label (text from size + 3 px right of
# the centre, in the label font), independently of the page's own label selection.
LABEL_BOXES = """
  const r = carenetMap.renderer, s = r.getSettings();
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
  const boxes = [];
  for (const id of carenetMap.nodeIds()) {
    const d = r.getNodeDisplayData(id);
    if (!d || d.hidden || !d.label || !(d.forceLabel || s.labelRenderedSizeThreshold <= r.scaleSize(d.size))) continue;
    const p = r.framedGraphToViewport(d), x = p.x + r.scaleSize(d.size) + 3, y = p.y + s.labelSize / 3;
    boxes.push({id, x1: x, x2: x + ctx.measureText(d.label).width, y1: y - s.labelSize * 0.75, y2: y + s.labelSize * 0.2});
  }
  return boxes;
"""
POSITIONS = (
    "return Object.fromEntries(carenetMap.nodeIds().map((id) => [id, [carenetMap.node(id).x, carenetMap.node(id).y]]))"
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    why = missing_requirements()
    if why:
        pytest.skip(why)
    with demo_server(tmp_path_factory.mktemp("map-views")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        yield b


@pytest.fixture
def token(server) -> str:
    return server.token("analyst", "planner", "admin", "frontend")


def gql(server, token, query, variables=None):
    body = server.graphql(query, variables, token=token)
    assert "errors" not in body, body
    return body["data"]


def open_map(browser: Browser, query: str, server, token: str) -> None:
    browser.goto(f"{server.url}/map{query}#token={token}")
    browser.wait(SETTLED, timeout=90000)
    browser.js("await carenetMap.idle()")


def screenshot(browser: Browser, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    browser.send("screenshot", path=str(path))
    assert path.stat().st_size > 20_000


def centroids(groups: dict[str, list[str]], pos: dict) -> dict[str, tuple[float, float]]:
    return {g: (sum(pos[m][0] for m in ms) / len(ms), sum(pos[m][1] for m in ms) / len(ms)) for g, ms in groups.items()}


def assert_grouped(groups: dict[str, list[str]], pos: dict) -> None:
    """Every node is nearer the centre of its own group than the centre of any other group."""
    centre = centroids(groups, pos)
    for g, members in groups.items():
        for m in members:
            own = math.dist(pos[m], centre[g])
            assert all(own < math.dist(pos[m], c) for h, c in centre.items() if h != g), (m, g)


def bfs(edges: list[tuple[str, str]], start: str, depth: int) -> set[str]:
    adj = defaultdict(set)
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    seen, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {w for v in frontier for w in adj[v]} - seen
        seen |= frontier
    return seen


def assert_no_label_overlaps(browser: Browser, at_least: int) -> list[dict]:
    boxes = browser.js(LABEL_BOXES)
    assert len(boxes) >= at_least
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a["x2"] <= b["x1"] or b["x2"] <= a["x1"] or a["y2"] <= b["y1"] or b["y2"] <= a["y1"]
            assert apart, (a, b)
    return boxes


def test_the_system_overview_is_the_default_view(server, browser, token):
    open_map(browser, "", server, token)
    want = gql(server, token, OVERVIEW)["systemOverview"]
    view = browser.js("return {...document.querySelector('#map').dataset}")
    assert view["view"] == "overview" and view["level"] == "ORGANISATION"
    assert browser.js("return carenetMap.nodeCount()") == len(want["nodes"]) > 50
    assert browser.js("return carenetMap.edgeCount()") == len(want["edges"]) > 50
    # sized by teams: more teams, never a smaller dot
    drawn = {n["id"]: browser.js("return carenetMap.node(arg)", n["id"]) for n in want["nodes"]}
    by_teams = sorted(want["nodes"], key=lambda n: n["teams"])
    sizes = [drawn[n["id"]]["size"] for n in by_teams]
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
    # each place's organisations sit together, under the place's name
    places = defaultdict(list)
    for n in want["nodes"]:
        places[n["place"] or "-"].append(n["id"])
    assert len(places) >= 4
    assert_grouped(places, browser.js(POSITIONS))
    labels = {g["text"] for g in browser.js("return carenetMap.groupLabels()")}
    assert {n["placeName"] for n in want["nodes"] if n["placeName"]} <= labels
    # silos and brokers are shown without ticking anything: rings where the analysis says
    teams = gql(server, token, ANALYSIS, {"level": "TEAM"})["analysis"]
    orgs = gql(server, token, ANALYSIS, {"level": "ORGANISATION"})["analysis"]
    silos = {c["largestOrganisation"] for c in teams["communities"] if c["isSilo"]}
    brokers = {b["id"] for b in [b for b in orgs["brokers"] if b["betweenness"] > 0][:5]}
    assert silos and brokers
    rings = browser.js("return carenetMap.rings()")
    assert {r["node"] for r in rings if r["kind"] == "silo"} == silos
    assert {r["node"] for r in rings if r["kind"] == "broker"} == brokers
    assert all(r["dash"] for r in rings if r["kind"] == "silo")
    legend = browser.js("""return [...document.querySelectorAll('#legend li')].map((li) =>
      ({shape: li.dataset.shape, text: li.textContent.trim()}))""")
    assert {"shape": "ring-dash", "text": "silo: its teams form a community with few ties outside it"} in legend
    assert any(e["shape"] == "ring" and e["text"].startswith("broker:") for e in legend)
    assert "Node size: number of teams" in browser.js("return document.querySelector('#legend').textContent")
    assert browser.js("return document.querySelector('input[name=hl][value=silos]').checked") is True
    screenshot(browser, "map-view-overview.png")


def test_labels_never_overlap_at_the_default_zoom(server, browser, token):
    open_map(browser, "", server, token)
    assert_no_label_overlaps(browser, at_least=15)
    open_map(browser, "?view=network", server, token)
    browser.js("carenetMap.stopLayout()")
    browser.js("await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert_no_label_overlaps(browser, at_least=10)
    screenshot(browser, "map-view-network-labels.png")


def test_focus_by_search_dims_all_but_the_neighbourhood(server, browser, token):
    open_map(browser, "", server, token)
    want = gql(server, token, OVERVIEW)["systemOverview"]
    edges = [(e["source"], e["target"]) for e in want["edges"]]
    target = next(n for n in want["nodes"] if n["label"] == "Dunmere Council")
    browser.send("fill", selector="#search", value="dunmere coun")
    browser.send("press", selector="#search", key="Enter")
    browser.wait("!document.querySelector('#panel').hidden", timeout=5000)
    assert browser.js("return document.querySelector('#panel').dataset.node") == target["id"]
    assert f"focus={target['id']}" in browser.js("return location.search")
    near = set(browser.js("return carenetMap.near()"))
    assert near == bfs(edges, target["id"], 1) and len(near) < len(want["nodes"])
    colours = browser.js("""return Object.fromEntries(carenetMap.nodeIds().map((id) =>
      [id, carenetMap.renderer.getNodeDisplayData(id).color.toLowerCase()]))""")
    assert {i for i, c in colours.items() if c != DIM} == near
    # the panel gives its figures and, without a click, what its departure would do
    browser.wait("document.querySelector('#panel .impact dl')", timeout=30000)
    text = browser.js("return document.querySelector('#panel').innerText")
    assert f"Teams\n{target['teams']}" in text or f"Teams\t{target['teams']}" in text
    impact = gql(server, token, IMPACT, {"ids": [target["id"]]})["analysis"]["departureImpact"]
    assert f"{impact['pairsDisconnected']}" in browser.js("return document.querySelector('#panel .impact').innerText")
    screenshot(browser, "map-view-focus.png")
    # two ties out, and the address is a bookmark that opens the same focus
    browser.send("select", selector="#depth", value="2")
    assert set(browser.js("return carenetMap.near()")) == bfs(edges, target["id"], 2)
    url = browser.js("return location.href")
    assert "depth=2" in url
    browser.goto(url + f"#token={token}")
    browser.wait(SETTLED, timeout=90000)
    browser.wait(f"document.querySelector('#panel').dataset.node === '{target['id']}'", timeout=30000)
    assert set(browser.js("return carenetMap.near()")) == bfs(edges, target["id"], 2)
    assert_no_label_overlaps(browser, at_least=3)


def test_search_finds_a_team_from_the_overview(server, browser, token):
    open_map(browser, "", server, token)
    teams = gql(server, token, TEAMS)["subgraph"]["nodes"]
    want = [n["id"] for n in teams if "camhs single" in n["label"].lower()]
    assert len(want) == 1
    browser.send("fill", selector="#search", value="CAMHS single")
    browser.wait("document.querySelector('#search-results button[data-team]')", timeout=10000)
    found = browser.js(
        "return [...document.querySelectorAll('#search-results button[data-team]')].map((b) => b.dataset.team)"
    )
    assert found == want
    browser.send("click", selector="#search-results button[data-team]")
    browser.wait(f"document.querySelector('#panel').dataset.node === '{want[0]}'", timeout=60000)
    assert browser.js("return carenetMap.state().view") == "network"
    assert "view=network" in browser.js("return location.search") and f"focus={want[0]}" in browser.js(
        "return location.search"
    )


def test_the_communities_view_groups_and_labels_each_community(server, browser, token):
    open_map(browser, "?view=communities", server, token)
    teams = gql(server, token, TEAMS)["subgraph"]
    analysis = gql(server, token, ANALYSIS, {"level": "TEAM"})["analysis"]
    assert browser.js("return carenetMap.nodeCount()") == len(teams["nodes"])
    assert browser.js("return document.querySelector('input[name=view][value=communities]').checked") is True
    communities = [c for c in analysis["communities"] if c["size"] >= 3]
    pos = browser.js(POSITIONS)
    assert_grouped({c["id"]: c["members"] for c in communities}, pos)
    # nodes are coloured by community: members of one community share one colour
    colours = browser.js("""return Object.fromEntries(carenetMap.nodeIds().map((id) =>
      [id, carenetMap.renderer.getNodeDisplayData(id).color]))""")
    for c in communities:
        assert len({colours[m] for m in c["members"]}) == 1
    # each community's label: its largest sector and organisation share; silos marked
    org_names = {n["organisation"]: n["organisationName"] for n in teams["nodes"]}
    legend = browser.js("return [...document.querySelectorAll('#legend li')].map((li) => li.textContent.trim())")
    for c in communities[:12]:
        share = f"{js_round(c['largestOrganisationShare'] * 100)}% {org_names[c['largestOrganisation']]}"
        sector = f"{js_round(c['largestSectorShare'] * 100)}% "
        line = next(t for t in legend if t.startswith(f"{c['size']} teams:") and share in t)
        assert sector in line and (("⚠ silo" in line) == c["isSilo"])
    groups = [g["text"] for g in browser.js("return carenetMap.groupLabels()")]
    assert groups and all(g in legend_texts(legend) for g in groups)
    silo_members = {m for c in analysis["communities"] if c["isSilo"] for m in c["members"]}
    assert silo_members
    assert {r["node"] for r in browser.js("return carenetMap.rings()")} == silo_members
    assert any(g.startswith("⚠ silo:") for g in groups)
    assert_no_label_overlaps(browser, at_least=10)
    screenshot(browser, "map-view-communities.png")


def js_round(x: float) -> int:
    """As the page's Math.round: halves up (Python's round() takes halves to even: 62.5 -> 62)."""
    return math.floor(x + 0.5)


def legend_texts(legend: list[str]) -> set[str]:
    """Community descriptions in the legend ("113 teams: <description>")."""
    return {t.split(" teams: ", 1)[1] for t in legend if " teams: " in t}


def handoff_oracle(pathway: dict, team_edges: list[dict]) -> list[str]:
    """working / weak (one tie carries it) / missing, from the hand-offs and the team ties."""
    weight = defaultdict(float)
    for e in team_edges:
        weight[frozenset((e["source"], e["target"]))] += e["weight"]
    out = []
    for h in pathway["handoffs"]:
        ties = sum(weight[frozenset((a, b))] for a in h["fromTeams"] for b in h["toTeams"] if a != b)
        shared = set(h["fromTeams"]) & set(h["toTeams"])
        out.append("missing" if not h["hasTie"] else "working" if shared or ties > 1 else "weak")
    return out


def test_the_pathway_view_draws_each_handoff_in_step_order(server, browser, token):
    open_map(browser, "?view=pathway&pathway=s1-pathway-camhs", server, token)
    pathway = next(p for p in gql(server, token, PATHWAYS)["pathways"] if p["id"] == "s1-pathway-camhs")
    teams = gql(server, token, TEAMS)["subgraph"]
    drawn = browser.js("return carenetMap.handoffs()")
    assert [h["status"] for h in drawn] == handoff_oracle(pathway, teams["edges"])
    missing = [h for h in drawn if h["status"] == "missing"]
    assert len(missing) == 1
    steps = {s["id"]: s for s in pathway["steps"]}
    assert steps[missing[0]["fromStep"]]["name"] == "CAMHS single point of access"
    # steps in order, left to right, each named above its teams
    ordered = sorted(pathway["steps"], key=lambda s: s["position"])
    pos = browser.js(POSITIONS)
    xs = [sum(pos[t][0] for t in s["teams"]) / len(s["teams"]) for s in ordered]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    labels = [g["text"] for g in sorted(browser.js("return carenetMap.groupLabels()"), key=lambda g: g["x"])]
    assert labels == [f"{s['position']}. {s['name']}" for s in ordered]
    # the missing hand-off in red, and the shortest route round it in blue, tie by tie
    overlay = browser.js("return carenetMap.overlayEdges()")
    handoff = next(h for h in pathway["handoffs"] if not h["hasTie"])
    red = {frozenset((e["source"], e["target"])) for e in overlay if e["status"] == "missing"}
    assert red == {frozenset((a, b)) for a in handoff["fromTeams"] for b in handoff["toTeams"]}
    assert all(e["colour"].lower() == "#e00000" for e in overlay if e["status"] == "missing")
    route = handoff["shortestPath"]
    assert route and missing[0]["route"] == route
    blue = {frozenset((e["source"], e["target"])) for e in overlay if e["status"] == "route"}
    assert blue == {frozenset(p) for p in zip(route, route[1:])}
    items = browser.js("return [...document.querySelectorAll('#pathway-steps li')].map((li) => li.dataset.status)")
    assert items == [h["status"] for h in drawn]
    legend = browser.js("return document.querySelector('#legend').textContent")
    for word in ("working:", "weak:", "missing:", "shortest route"):
        assert word in legend
    assert_no_label_overlaps(browser, at_least=5)
    screenshot(browser, "map-view-pathway.png")


def png_facts(data: bytes) -> dict:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    facts = {"width": width, "height": height, "ppm": None}
    at = 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        if kind == b"pHYs":
            facts["ppm"] = struct.unpack(">IIB", data[at + 8 : at + 17])
        at += 12 + length
    return facts


def test_the_export_keeps_the_legend_the_caption_and_print_resolution(server, browser, token, tmp_path):
    open_map(browser, "?place=s1-place-2", server, token)
    place = browser.js("return document.querySelector('#f-place').selectedOptions[0].textContent")
    svg = browser.send("download", selector="#export-svg", path=str(tmp_path / "map.svg"))
    root = ET.parse(svg["path"]).getroot()
    caption = " ".join(t.text for t in root.findall(".//s:g[@class='caption']/s:text", SVG))
    today = datetime.now(UTC).date().isoformat()
    assert "View: System overview" in caption and f"place {place}" in caption and today in caption
    legend = [t.text for t in root.findall(".//s:g[@class='legend']/s:text", SVG)]
    assert any(t.startswith("silo:") for t in legend) and any(t.startswith("broker:") for t in legend)
    assert len(root.findall(".//s:g[@class='nodes']/s:circle", SVG)) == browser.js("return carenetMap.nodeCount()")
    assert len(root.findall(".//s:g[@class='rings']/s:circle", SVG)) == len(browser.js("return carenetMap.rings()"))
    assert [t.text for t in root.findall(".//s:g[@class='groups']/s:text", SVG)] == [place]
    drawn_labels = {t.text for t in root.findall(".//s:g[@class='labels']/s:text", SVG)}
    page_labels = {
        browser.js("return carenetMap.node(arg).label", i) for i in browser.js("return carenetMap.labelled()")
    }
    assert drawn_labels == page_labels and drawn_labels
    png = browser.send("download", selector="#export-png", path=str(tmp_path / "map.png"))
    data = Path(png["path"]).read_bytes()
    facts = png_facts(data)
    assert png["suggested"] == "carenet-map.png"
    assert facts["width"] >= 3508 and facts["ppm"] == (11811, 11811, 1)  # 300 dpi across A4 landscape
    assert len(data) > 100_000
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "map-export-overview.png").write_bytes(data)
    (ARTIFACTS / "map-export-overview.svg").write_bytes(Path(svg["path"]).read_bytes())


def test_the_layout_is_computed_once_per_graph_version(server, browser, token):
    open_map(browser, "?view=network", server, token)
    browser.wait(
        "carenetMap.layoutSource() === 'cache' || document.querySelector('#map').dataset.layoutSaved === 'true'",
        timeout=30000,
    )
    assert browser.js("return carenetMap.layoutSource()") in ("force", "cache")
    first = browser.js(POSITIONS)
    open_map(browser, "?view=network", server, token)
    assert browser.js("return carenetMap.layoutSource()") == "cache"
    assert browser.js("return carenetMap.layoutRunning()") is False
    assert_same_positions(browser.js(POSITIONS), first)
    # a write changes the graph version: the next visit lays the graph out again
    upsert = "mutation($input: UpsertInput!) { upsert(input: $input) { graphVersion } }"
    admin = server.token("admin")
    body = server.graphql(
        upsert,
        {
            "input": {
                "teams": [{"uid": "s1-team-acute-3", "name": "Emergency department 3 (renamed)", "sector": "health"}]
            }
        },
        token=admin,
    )
    assert "errors" not in body, body
    open_map(browser, "?view=network", server, token)
    assert browser.js("return carenetMap.layoutSource()") == "force"
    screenshot(browser, "map-view-network.png")


def assert_same_positions(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    assert all(math.dist(a[k], b[k]) < 0.02 for k in a)


CULTURE = """
{ culture { minimumResponses organisations { id: uid indicators { indicator name period value suppressed higherIsBetter } } } }
"""
# web/src/palette.js CULTURE_SCALE (ColorBrewer Blues, lowest to highest) and the grey of no value
CULTURE_SCALE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_VALUE = "#999999"


def test_the_overview_colours_organisations_by_a_culture_indicator(server, browser, token):
    c = gql(server, token, CULTURE)["culture"]
    minimum = c["minimumResponses"]
    drawn_ids = {n["id"] for n in gql(server, token, OVERVIEW)["systemOverview"]["nodes"]}
    by_code: dict[str, dict[str, dict]] = defaultdict(dict)
    for o in c["organisations"]:
        for f in o["indicators"]:
            if o["id"] in drawn_ids:
                by_code[f["indicator"]][o["id"]] = f
    # the indicator with held values and the most shown ones: both kinds of node are checked
    code = max(
        by_code,
        key=lambda k: (
            any(f["suppressed"] for f in by_code[k].values()),
            sum(not f["suppressed"] for f in by_code[k].values()),
        ),
    )
    figures = by_code[code]
    assert any(f["suppressed"] for f in figures.values())
    year = max((f["period"] for f in figures.values()), key=lambda p: int(p) if p.isdigit() else -1)
    values = {
        o: f["value"]
        for o, f in figures.items()
        if f["period"] == year and not f["suppressed"] and f["value"] is not None
    }
    assert len(values) >= 3
    low, high = min(values.values()), max(values.values())

    def expected(org: str) -> str:
        if org not in values:
            return NO_VALUE
        return CULTURE_SCALE[min(4, math.floor((values[org] - low) / (high - low) * 5))]

    open_map(browser, f"?view=overview&culture={code}", server, token)
    browser.wait("document.querySelector('#map').dataset.culture === 'ready'")
    page = browser.js("return carenetMap.culture()")
    assert page["scale"] == CULTURE_SCALE and page["year"] == year and (page["min"], page["max"]) == (low, high)
    colours = browser.js("""return Object.fromEntries(carenetMap.nodeIds().map((id) =>
      [id, carenetMap.renderer.getNodeDisplayData(id).color.toLowerCase()]))""")
    assert set(colours) == drawn_ids
    assert colours == {o: expected(o) for o in drawn_ids}
    held = [o for o, f in figures.items() if f["suppressed"]]
    assert held and all(colours[o] == NO_VALUE for o in held)
    # darker for higher: the lowest organisation gets the first colour, the highest the last
    assert (
        colours[min(values, key=values.get)] == CULTURE_SCALE[0]
        and colours[max(values, key=values.get)] == CULTURE_SCALE[-1]
    )

    legend = browser.js("return document.querySelector('#legend').innerText")
    name = next(iter(figures.values()))["name"]
    assert name in legend and year in legend
    assert f"no value or fewer than {minimum} responses" in legend
    direction = next(f["higherIsBetter"] for f in figures.values())
    assert ("higher is better" if direction else "higher is worse") in legend
    assert browser.js("return carenetMap.state().culture") == code
    assert f"culture={code}" in browser.js("return location.search")
    assert browser.js("return document.querySelector('select[name=culture]').value") == code
    screenshot(browser, "map-view-overview-culture.png")

    # the panel: shown values as the API gives them, held ones only as "fewer than N responses"
    for org in (held[0], max(values, key=values.get)):
        browser.js("carenetMap.clickNode(arg)", org)
        browser.wait("document.querySelector('#panel-body [data-indicator]') !== null")
        texts = browser.js("""return Object.fromEntries([...document.querySelectorAll('#panel-body [data-indicator]')]
          .map((e) => [e.dataset.indicator, e.textContent]))""")
        org_figures = {f["indicator"]: f for o in c["organisations"] if o["id"] == org for f in o["indicators"]}
        assert set(texts) == set(org_figures)
        for k, f in org_figures.items():
            if f["suppressed"]:
                assert texts[k] == f"fewer than {minimum} responses"
            else:
                v = f["value"]
                assert texts[k].startswith(str(int(v)) if float(v).is_integer() else f"{v:.2f}"), (k, texts[k], v)
    screenshot(browser, "map-view-overview-culture-panel.png")


DRAWN = "query($filter: SubgraphFilter, $limit: Int) { subgraph(filter: $filter, limit: $limit) { nodes { uid } } }"


def test_a_link_with_values_the_controls_do_not_offer_opens_the_map_with_the_defaults(server, browser, token):
    """A link edited by hand, or kept from before a vocabulary changed: each value the controls do
    not offer is dropped (the level, size, colour, depth, an unknown sector or highlight) and a limit
    past the API's maximum is the maximum, instead of the page showing the API's error. What is left
    of the link is drawn, and the address bar shows the link as the map read it."""
    bogus = (
        "?view=network&level=COUNTY&limit=999999&sizeBy=HEIGHT&colourBy=taste&depth=99"
        "&sectors=HEALTH,NOPE&hl=nope,silos"
    )
    open_map(browser, bogus, server, token)
    assert browser.js("return document.querySelector('#map').dataset.status") == "ready"
    want = gql(server, token, DRAWN, {"filter": {"level": "TEAM", "sectors": ["HEALTH"]}, "limit": 5000})
    drawn = set(browser.js("return carenetMap.nodeIds()"))
    assert drawn == {n["uid"] for n in want["subgraph"]["nodes"]} and len(drawn) > 50
    assert browser.js("return location.search") == "?view=network&sectors=HEALTH&hl=silos"
    form = "document.querySelector('#controls')"
    assert browser.js(f"return {form}.querySelector('input[name=level]:checked').value") == "TEAM"
    assert browser.js(
        f"return [{form}.elements.sizeBy.value, {form}.elements.colourBy.value, {form}.elements.depth.value]"
    ) == [
        "DEGREE",
        "sector",
        "1",
    ]
    assert "could not be loaded" not in browser.js("return document.querySelector('#status').textContent")
    # a limit the API takes is kept; one that is not a whole number from 1 up is the default
    open_map(browser, "?view=network&limit=7", server, token)
    assert len(browser.js("return carenetMap.nodeIds()")) == 7 and "limit=7" in browser.js("return location.search")
    every = {
        n["uid"] for n in gql(server, token, DRAWN, {"filter": {"level": "TEAM"}, "limit": 5000})["subgraph"]["nodes"]
    }
    for limit in ("-5", "12abc", "0", ""):
        open_map(browser, f"?view=network&limit={limit}", server, token)
        assert set(browser.js("return carenetMap.nodeIds()")) == every, limit
        assert "limit" not in browser.js("return location.search"), limit
