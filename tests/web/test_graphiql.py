"""GraphiQL at /graphql in demo mode: served from carenet's own bundle (no CDN), opening with a demo
token in its headers and a selector of the demo roles. The browser tests run with the network off for
everything but this machine."""

from __future__ import annotations

import httpx
import pytest
from mapbrowser import ROOT, Browser, missing_requirements
from mapserver import demo_server
from pages import TEAMS, bearer_in, open_graphiql, run_query

from carenet.api.auth import Role
from carenet.config import Mode, Settings
from carenet.web import create_app

ARTIFACTS = ROOT / "test-artifacts"
HTML = {"Accept": "text/html"}


def _page(app, client: tuple[str, int]) -> httpx.Response:
    import asyncio

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return await c.get("/graphql", headers=HTML)

    return asyncio.run(get())


@pytest.fixture
def demo_app(tmp_path):
    if not (ROOT / "src" / "carenet" / "web" / "static" / "dist" / "graphiql.js").is_file():
        pytest.skip("GraphiQL is not built: run `make setup` (npm run build)")
    return create_app(Settings(data_dir=tmp_path / "data", mode=Mode.DEMO))


def test_the_page_loads_nothing_from_elsewhere_and_carries_the_tokens_for_this_machine_only(demo_app):
    local = _page(demo_app, ("127.0.0.1", 50000))
    assert local.status_code == 200 and "text/html" in local.headers["content-type"]
    assert "script-src 'self'" in local.headers["content-security-policy"]
    assert '<script type="module" src="/graphql/static/graphiql.js">' in local.text
    assert "https://" not in local.text and "http://" not in local.text and "unpkg" not in local.text
    tokens = demo_app.state.demo_tokens
    assert all(token in local.text for token in tokens.values()) and len(tokens) == len(Role)
    assert 'id="carenet-demo"' in local.text
    # a browser elsewhere on the network gets GraphiQL without the tokens
    remote = _page(demo_app, ("10.1.2.3", 50000))
    assert remote.status_code == 200 and 'id="carenet-demo"' not in remote.text
    assert not any(token in remote.text for token in tokens.values())


def test_the_bundle_is_served_and_holds_no_cdn_address(demo_app):
    import asyncio

    async def get(path: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=demo_app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return await c.get(path)

    js = asyncio.run(get("/graphql/static/graphiql.js"))
    css = asyncio.run(get("/graphql/static/graphiql.css"))
    assert js.status_code == 200 and "javascript" in js.headers["content-type"] and len(js.content) > 100_000
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    for cdn in ("unpkg.com", "cdn.jsdelivr", "esm.sh", "fonts.googleapis", "fonts.gstatic"):
        assert cdn not in js.text and cdn not in css.text, cdn
    for bad in ("..%2Fgraphiql.py", "graphiql.html", "nope.js"):
        assert asyncio.run(get("/graphql/static/" + bad)).status_code == 404, bad


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    why = missing_requirements()
    if why:
        pytest.skip(why)
    with demo_server(tmp_path_factory.mktemp("graphiql-demo")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        b.offline()
        yield b


@pytest.mark.browser
@pytest.mark.slow
def test_graphiql_opens_with_a_demo_token_loads_the_schema_and_runs_a_query_offline(server, browser):
    opened = open_graphiql(browser, server.url)
    assert opened["roles"] == [r.value for r in Role] and opened["role"] == "analyst"
    assert bearer_in(opened["editors"]) == server.tokens["analyst"]
    traffic = browser.traffic()
    assert traffic["blocked"] == []
    introspection = [r for r in traffic["responses"] if r["operation"] == "IntrospectionQuery"]
    assert introspection and all(r["status"] == 200 and r["authorization"] for r in introspection)
    assert "query: Query" in opened["docs"] and "mutation: Mutation" in opened["docs"]
    # the query GraphiQL runs gives what the same query with the same token gives over plain HTTP
    got = run_query(browser, TEAMS)
    want = server.graphql(TEAMS, token=server.tokens["analyst"])
    assert "errors" not in got and got == want and got["data"]["teams"]["totalCount"] > 0
    ARTIFACTS.mkdir(exist_ok=True)
    browser.send("screenshot", path=str(ARTIFACTS / "graphiql-demo.png"))
    assert browser.traffic()["blocked"] == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_role_selector_puts_that_role_s_token_in_the_headers(server, browser):
    open_graphiql(browser, server.url)
    browser.send("select", selector="#carenet-role", value="public")
    browser.wait("document.querySelector('.graphiql-container .CodeMirror')", timeout=30000)
    from pages import editors

    assert bearer_in(editors(browser)) == server.tokens["public"]
    got = run_query(browser, TEAMS)  # the public role reads aggregates only: the API refuses, with a code
    want = server.graphql(TEAMS, token=server.tokens["public"])
    assert got == want and got["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert browser.traffic()["blocked"] == []


@pytest.mark.browser
@pytest.mark.slow
def test_offline_really_stops_requests_to_other_hosts(server, browser):
    """The check the offline tests rely on: a request elsewhere fails and is listed as blocked."""
    browser.goto(server.url + "/healthz")  # a page with no CSP, so only the network switch can stop it
    outcome = browser.js(
        "try { await fetch('http://example.com/x', {mode: 'no-cors'}); return 'reached'; }"
        " catch (e) { return 'failed'; }"
    )
    assert outcome == "failed"
    assert "http://example.com/x" in browser.traffic()["blocked"]
    assert browser.js("return (await fetch('/healthz')).status") == 200
