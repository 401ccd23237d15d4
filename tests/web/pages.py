"""Checks of the two browser pages a server gives (GraphiQL at /graphql, the map at /map), used by the
GraphiQL tests against the source tree and by the wheel test against an installed package."""

from __future__ import annotations

import json

from mapbrowser import Browser

TEAMS = "query CarenetTeams { teams(first: 5) { totalCount edges { node { uid name sector } } } }"
GRAPHIQL_READY = (
    "document.querySelector('.graphiql-container .CodeMirror') && document.querySelector('.graphiql-execute-button')"
)


def editors(browser: Browser) -> list[str]:
    """The text of every CodeMirror editor on the GraphiQL page (query, variables, headers, response)."""
    return browser.js("return [...document.querySelectorAll('.CodeMirror')].map((el) => el.CodeMirror.getValue())")


def response_text(browser: Browser) -> str:
    return browser.js(
        "const el = document.querySelector('.graphiql-response .CodeMirror'); return el ? el.CodeMirror.getValue() : ''"
    )


def open_graphiql(browser: Browser, url: str) -> dict:
    """Load GraphiQL, wait for its schema, and report what the page holds and what it fetched."""
    browser.traffic_reset()
    browser.goto(url + "/graphql")
    browser.wait(GRAPHIQL_READY, timeout=60000)
    # the schema: GraphiQL's own introspection answered, and its documentation explorer lists the root types
    browser.wait("document.querySelector('.graphiql-sidebar button[aria-label*=\"Documentation\"]')", timeout=30000)
    browser.send("click", selector=".graphiql-sidebar button[aria-label*='Documentation']")
    browser.wait(
        "document.querySelector('.graphiql-doc-explorer') && "
        "document.querySelector('.graphiql-doc-explorer').innerText.includes('Query')",
        timeout=60000,
    )
    return {
        "role": browser.js("const s = document.querySelector('#carenet-role'); return s ? s.value : null"),
        "roles": browser.js("return [...document.querySelectorAll('#carenet-role option')].map((o) => o.value)"),
        "editors": editors(browser),
        "docs": browser.js("return document.querySelector('.graphiql-doc-explorer').innerText"),
    }


def run_query(browser: Browser, query: str) -> dict:
    """Put ``query`` (a named operation) in GraphiQL's query editor, press its run button and return the
    parsed response."""
    name = query.split("{")[0].split()[-1]
    browser.js("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arg)", query)
    # GraphiQL takes the operation's name from the editor after a pause; its tab shows it then
    # the active tab: a selector list would give the first tab in the document, and GraphiQL restores
    # the tabs an earlier test of the module left (localStorage of the same origin)
    browser.wait(
        f"(document.querySelector('.graphiql-tab-active') || document.querySelector('.graphiql-tab'))"
        f".innerText.includes('{name}')",
        timeout=10000,
    )
    browser.send("click", selector=".graphiql-execute-button")
    browser.wait(
        "(() => { const el = document.querySelector('.graphiql-response .CodeMirror');"
        " return el && el.CodeMirror.getValue().trim().startsWith('{'); })()",
        timeout=60000,
    )
    return json.loads(response_text(browser))


def bearer_in(texts: list[str]) -> str | None:
    for text in texts:
        if "Authorization" in text:
            value = json.loads(text)["Authorization"]
            assert value.startswith("Bearer ")
            return value.removeprefix("Bearer ")
    return None
