"""The /map page in a real browser (Debian's Chromium, driven by playwright-core) against ``carenet demo``.

Screenshots go to ``test-artifacts/``. Expected counts are what GraphQL ``subgraph`` returns for the
same filter, asked directly over HTTP.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from mapbrowser import ROOT, Browser, missing_requirements
from mapserver import demo_server

from carenet.domain.enums import PersonTieKind, TieKind

ARTIFACTS = ROOT / "test-artifacts"
SUBGRAPH_COUNT = """
query Count($filter: SubgraphFilter) { subgraph(filter: $filter, limit: 5000) { totalNodes truncated nodes { id: uid } edges { id: key } } }
"""
READY = "window.carenetMap && document.querySelector('#map').dataset.status === 'ready'"
SETTLED = READY + " && document.querySelector('#map').dataset.analysis !== 'loading'"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    why = missing_requirements()
    if why:
        pytest.skip(why)
    with demo_server(tmp_path_factory.mktemp("map-demo")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        yield b


@pytest.fixture
def token(server) -> str:
    return server.token("analyst", "planner", "admin", "frontend")


def open_map(browser: Browser, server, token: str, query: str = "?view=network") -> None:
    """The network view (teams, organisations or leaders); the views of issue 19 are in test_map_views.py."""
    browser.goto(f"{server.url}/map{query}#token={token}")
    browser.wait(SETTLED, timeout=60000)


def expected(server, token: str, **filter) -> dict:
    body = server.graphql(SUBGRAPH_COUNT, {"filter": filter}, token=token)
    assert "errors" not in body, body
    return body["data"]["subgraph"]


def shown(browser: Browser) -> dict:
    return browser.js(
        "return {nodes: carenetMap.nodeCount(), edges: carenetMap.edgeCount(),"
        " data: {...document.querySelector('#map').dataset}, status: document.querySelector('#status').textContent}"
    )


def non_white_share(browser: Browser) -> float:
    """Share of non-white pixels in the PNG export (0 for a blank WebGL canvas)."""
    return browser.js("""
      const canvases = carenetMap.renderer.getCanvases();
      carenetMap.renderer.refresh();
      const out = document.createElement('canvas');
      out.width = canvases.nodes.width; out.height = canvases.nodes.height;
      const ctx = out.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, out.width, out.height);
      for (const k of ['edges', 'nodes']) ctx.drawImage(canvases[k], 0, 0);
      const px = ctx.getImageData(0, 0, out.width, out.height).data;
      let coloured = 0;
      for (let i = 0; i < px.length; i += 16) if (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245) coloured++;
      return coloured / (px.length / 16);
    """)


def test_the_page_and_its_bundle_are_served(server):
    page = httpx.get(server.url + "/map")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script type="module" src="/map/static/map.js">' in page.text
    bundle = httpx.get(server.url + "/map/static/map.js")
    assert bundle.status_code == 200 and "javascript" in bundle.headers["content-type"]
    for bad in ("..%2Fmap.py", "map.html", "nope.js", "%2Fetc%2Fpasswd"):
        assert httpx.get(server.url + "/map/static/" + bad).status_code == 404, bad


def test_loads_shows_the_expected_nodes_and_renders(server, browser, token):
    open_map(browser, server, token)
    want = expected(server, token, level="TEAM")
    got = shown(browser)
    assert got["nodes"] == len(want["nodes"]) > 400
    assert got["edges"] == len(want["edges"]) > 0
    assert got["data"]["nodeCount"] == str(len(want["nodes"]))
    assert f"Showing {len(want['nodes']):,} teams" in got["status"]
    # the token left the address bar and went into sessionStorage; the page rendered with WebGL
    assert "token" not in browser.js("return location.href")
    assert browser.js("return sessionStorage.getItem('carenet.token')") == token
    assert browser.js("return carenetMap.firstRenderMs()") > 0
    browser.js("carenetMap.stopLayout()")
    assert non_white_share(browser) > 0.01
    ARTIFACTS.mkdir(exist_ok=True)
    path = browser.send("screenshot", path=str(ARTIFACTS / "map-teams.png"))
    assert Path(path).stat().st_size > 20_000


def test_a_sector_filter_changes_what_is_shown(server, browser, token):
    open_map(browser, server, token)
    everything = shown(browser)["nodes"]
    browser.send("check", selector="input[name=sectors][value=HOUSING]")
    browser.js("await carenetMap.idle()")
    browser.wait(SETTLED)
    want = expected(server, token, level="TEAM", sectors=["HOUSING"])
    got = shown(browser)
    assert got["nodes"] == len(want["nodes"]) and 0 < got["nodes"] < everything
    sectors = browser.js(
        "return [...new Set(carenetMap.nodeIds().map((id) => String(carenetMap.node(id).sector).toUpperCase()))]"
    )
    assert sectors == ["HOUSING"]
    assert "sectors=HOUSING" in browser.js("return location.search")


def test_the_level_switch_shows_organisations(server, browser, token):
    open_map(browser, server, token)
    browser.send("check", selector="input[name=level][value=ORGANISATION]")
    browser.js("await carenetMap.idle()")
    want = expected(server, token, level="ORGANISATION")
    got = shown(browser)
    assert got["nodes"] == len(want["nodes"]) > 0 and got["data"]["level"] == "ORGANISATION"
    assert browser.js("return document.querySelector('input[name=levels]').disabled") is True


def test_a_click_opens_the_details_panel(server, browser, token):
    open_map(browser, server, token)
    browser.js("carenetMap.stopLayout()")
    # the best-connected node, brought to the middle and zoomed in on so nothing covers it
    target = browser.js("""
      const ids = carenetMap.nodeIds().sort((a, b) => carenetMap.node(b).degree - carenetMap.node(a).degree);
      const cam = carenetMap.renderer.getCamera();
      const d = carenetMap.renderer.getNodeDisplayData(ids[0]);
      cam.setState({x: d.x, y: d.y, ratio: 0.05});
      carenetMap.renderer.refresh();
      return ids[0];
    """)
    pos = browser.js("return carenetMap.screenPosition(arg)", target)
    browser.send("mouse", x=pos["x"], y=pos["y"])
    browser.wait("!document.querySelector('#panel').hidden", timeout=5000)
    panel = browser.js("""
      const p = document.querySelector('#panel');
      return {node: p.dataset.node, title: document.querySelector('#panel-title').textContent,
              text: p.innerText, focused: document.activeElement.id,
              terms: [...p.querySelectorAll('dt')].map((d) => d.textContent),
              kind: [...p.querySelectorAll('dt')].find((d) => d.textContent === 'Kind').nextElementSibling.textContent,
              ties: p.querySelectorAll('.ties button').length};
    """)
    node = browser.js("return carenetMap.node(arg)", target)
    assert panel["node"] == target and panel["title"] == node["label"]
    for term in ("Organisation", "Sector", "Place", "Ties (degree)", "Betweenness", "Brokerage", "Community"):
        assert term in panel["terms"]
    # the kind arrives as the NodeLabel enum (labelCode) and reads as a word
    assert (node["kind"], panel["kind"]) in {("TEAM", "Team"), ("PERSON", "Person")}, (node["kind"], panel["kind"])
    assert panel["ties"] == min(node["degree"], 50) > 0
    # a tie's kinds arrive as their enum's names (kindCodes, or personKindCodes for people) and read as words
    ties = browser.js(
        """
      const g = carenetMap.renderer.getGraph();
      const kinds = Object.fromEntries(g.edges(arg).filter((e) => !g.getEdgeAttribute(e, 'overlay'))
        .map((e) => [g.opposite(arg, e), g.getEdgeAttribute(e, 'kinds')]));
      return [...document.querySelectorAll('#panel .ties li')].map((li) => ({
        kinds: kinds[li.querySelector('button').dataset.node],
        shown: (li.querySelector('.hint') || {}).textContent || ''}));
    """,
        target,
    )
    names = {k.name for k in (*TieKind, *PersonTieKind)}
    assert ties and all(t["kinds"] and set(t["kinds"]) <= names for t in ties), ties
    for t in ties:
        assert t["shown"].strip() == ", ".join(k.lower().replace("_", " ") for k in t["kinds"]), t
    assert panel["focused"] == "panel-title"
    lowered = panel["text"].lower()
    assert "ethnic" not in lowered and "sex" not in lowered
    ARTIFACTS.mkdir(exist_ok=True)
    browser.send("screenshot", path=str(ARTIFACTS / "map-details-panel.png"))
    # keyboard: a tie in the panel moves to that node; Escape closes and gives focus back
    browser.send("press", selector=".ties button", key="Enter")
    assert browser.js("return document.querySelector('#panel').dataset.node") != target
    browser.send("press", selector="#panel-title", key="Escape")
    assert browser.js("return document.querySelector('#panel').hidden") is True


def test_the_pathway_overlay_marks_the_broken_camhs_handoff(server, browser, token):
    open_map(browser, server, token)
    browser.wait("document.querySelector('#map').dataset.pathways === 'ready'")
    browser.send("select", selector="#pathway", value="s1-pathway-camhs")
    browser.wait("document.querySelectorAll('#pathway-steps li').length > 0", timeout=5000)
    items = browser.js("""return [...document.querySelectorAll('#pathway-steps li')].map((li) =>
      ({broken: li.dataset.broken, text: li.textContent}))""")
    broken = [i for i in items if i["broken"] == "true"]
    assert len(broken) == 1, items
    assert "CAMHS single point of access" in broken[0]["text"] and "Early help" in broken[0]["text"]
    assert "no working tie" in broken[0]["text"]
    red = [e for e in browser.js("return carenetMap.overlayEdges()") if e["broken"]]
    assert red and all(e["colour"].lower() == "#e00000" for e in red)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.send("screenshot", path=str(ARTIFACTS / "map-camhs-pathway.png"))


def test_when_the_analysis_fails_the_page_says_so_and_still_draws(server, browser, token):
    browser.send("failGraphql", contains="query MapAnalysis")  # a fault injected in front of the real server
    try:
        open_map(browser, server, token)
        assert browser.js("return document.querySelector('#analysis-status').textContent") == "Analysis unavailable."
        assert browser.js("return document.querySelector('#map').dataset.analysis") == "unavailable"
        assert shown(browser)["nodes"] == len(expected(server, token, level="TEAM")["nodes"])  # the map still works
    finally:
        browser.send("failGraphql", contains=None)
    open_map(browser, server, token)
    assert browser.js("return document.querySelector('#map').dataset.analysis") == "ready"


def test_analysis_highlights_the_bridge_leader(server, browser, token):
    open_map(browser, server, token, "?view=network&level=PERSON")
    assert browser.js("return document.querySelector('#map').dataset.analysis") == "ready"
    browser.send("check", selector="input[name=hl][value=cutPoints]")
    dimmed = browser.js("""const d = carenetMap.renderer.getNodeDisplayData('s1-person-bridge');
      return d ? d.color : null""")
    assert dimmed is not None and dimmed.lower() != "#e2e2e2"


def test_exports_png_and_svg(server, browser, token, tmp_path):
    open_map(browser, server, token)
    browser.js("carenetMap.stopLayout()")
    png = browser.send("download", selector="#export-png", path=str(tmp_path / "map.png"))
    data = Path(png["path"]).read_bytes()
    assert png["suggested"] == "carenet-map.png" and data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    svg = browser.send("download", selector="#export-svg", path=str(tmp_path / "map.svg"))
    root = ET.parse(svg["path"]).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    circles = root.findall(".//s:g[@class='nodes']/s:circle", ns)
    lines = root.findall(".//s:g[@class='edges']/s:line", ns)
    assert len(circles) == shown(browser)["nodes"]
    assert len(lines) == shown(browser)["edges"]
    assert root.findall(".//s:g[@class='legend']/s:text", ns)


def test_controls_are_labelled_and_keyboard_usable(server, browser, token):
    open_map(browser, server, token)
    unlabelled = browser.js("""
      return [...document.querySelectorAll('input, select, button')].filter((el) =>
        !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim()
      ).map((el) => el.outerHTML.slice(0, 80));
    """)
    assert unlabelled == []
    # the map takes keyboard focus and zooms with "+"
    before = browser.js("return carenetMap.renderer.getCamera().ratio")
    browser.send("press", selector="#map", key="+")
    browser.wait(f"carenetMap.renderer.getCamera().ratio < {before}", timeout=3000)
    # search by name, Enter opens the first match in the details panel
    browser.send("fill", selector="#search", value="CAMHS single")
    browser.send("press", selector="#search", key="Enter")
    browser.wait("!document.querySelector('#panel').hidden", timeout=3000)
    assert "CAMHS single point of access" in browser.js("return document.querySelector('#panel-title').textContent")
    assert browser.send("focused")["id"] == "panel-title"
