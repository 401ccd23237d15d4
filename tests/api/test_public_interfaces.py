"""The API stands on the public interfaces of its frameworks (issue 17).

- No module of carenet touches a private attribute of strawberry, graphql-core, FastAPI or
  Starlette (an underscore name those packages define, found by reading their installed source),
  imports from their private modules or names, or plants attributes of its own on their objects.
- ``/graphql`` goes through the app's middleware like every route.
"""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

import pytest

from carenet.api.auth import Role

SRC = Path(__file__).resolve().parents[2] / "src" / "carenet"
DEPENDENCIES = ("strawberry", "graphql", "fastapi", "starlette")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _trees(root: Path):
    for path in sorted(root.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@cache
def private_names_of_dependencies() -> frozenset[str]:
    """Every underscore attribute, method and class name in the installed source of the dependencies."""
    names: set[str] = set()
    for package in DEPENDENCIES:
        for _, tree in _trees(Path(importlib.import_module(package).__file__).parent):
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and _private(node.attr):
                    names.add(node.attr)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and _private(node.name):
                    names.add(node.name)
    return frozenset(names)


def own_names() -> set[str]:
    """Underscore names carenet defines itself (its own attributes, methods, functions and classes)."""
    names: set[str] = set()
    for _, tree in _trees(SRC):
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and _private(node.attr):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    names.add(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and _private(node.name):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name) and _private(t.id))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and _private(node.target.id):
                names.add(node.target.id)
    return names


def _dependency(module: str | None) -> bool:
    return bool(module) and module.split(".")[0] in DEPENDENCIES


def private_uses(root: Path = SRC) -> list[str]:
    theirs = private_names_of_dependencies() - own_names()
    found = []
    for path, tree in _trees(root):
        where = path.relative_to(root.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in theirs:
                found.append(f"{where}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_carenet"):
                found.append(f"{where}:{node.lineno}: .{node.attr} (an attribute of ours on another object)")
            elif isinstance(node, ast.ImportFrom) and _dependency(node.module):
                if any(_private(part) for part in node.module.split(".")):
                    found.append(f"{where}:{node.lineno}: from {node.module} (a private module)")
                found += [
                    f"{where}:{node.lineno}: import {a.name} from {node.module}" for a in node.names if _private(a.name)
                ]
            elif isinstance(node, ast.Import):
                found += [
                    f"{where}:{node.lineno}: import {a.name}"
                    for a in node.names
                    if _dependency(a.name) and any(_private(p) for p in a.name.split("."))
                ]
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"_carenet_\w*|__dict__\s*(\[[^\]]*\]\s*=(?!=)|\.setdefault|\.update)", text):
            found.append(f"{where}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)}")
    return sorted(set(found))


def test_no_private_attribute_of_the_frameworks_is_touched():
    theirs = private_names_of_dependencies()
    assert {"_schema", "_process_errors", "_is_default"} <= theirs  # the scan reads their source
    assert private_uses() == []


def test_the_scan_finds_what_it_is_for(tmp_path):
    package = tmp_path / "carenet"
    package.mkdir()
    (package / "bad.py").write_text(
        "from strawberry.schema.schema import _coerce_error\n"
        "from graphql.execution._private import x\n"
        "def f(schema, field_def, node, s):\n"
        "    validate(schema._schema, None)\n"
        "    schema._process_errors([])\n"
        "    getattr(field_def.resolve, 'x', s._is_default)\n"
        "    field_def._carenet_leaf = 1\n"
        "    node.__dict__['plans'] = {}\n"
        "    s.graph_schema = s.__dict__.get('y')\n",  # ours and a read: fine
        encoding="utf-8",
    )
    found = "\n".join(private_uses(package))
    for expected in (
        "._schema",
        "._process_errors",
        "._is_default",
        "._carenet_leaf",
        "_coerce_error",
        "a private module",
        "__dict__['plans'] =",
    ):
        assert expected in found, (expected, found)
    assert "graph_schema" not in found and ":9:" not in found


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_graphql_goes_through_the_apps_middleware(tmp_path, start_server, method):
    seen: list[str] = []

    def with_app(app) -> None:
        @app.middleware("http")
        async def stamp(request, call_next):
            seen.append(request.url.path)
            response = await call_next(request)
            response.headers["X-Seen-By"] = "test-middleware"
            return response

    allowed = "https://map.example.org"
    with start_server(tmp_path, demo_data=False, cors_origins=[allowed], with_app=with_app) as server:
        with server.client(Role.FRONTEND, Origin=allowed) as c:
            query = "{ systems { totalCount } }"
            if method == "GET":
                r = c.get("/graphql", params={"query": query})
            else:
                r = c.post("/graphql", json={"query": query})
            health = c.get("/healthz")
            anonymous = c.post("/graphql", json={"query": query}, headers={"Authorization": ""})
    assert r.status_code == 200 and r.json()["data"]["systems"]["totalCount"] == 0, r.text
    for response in (r, health, anonymous):
        assert response.headers["x-seen-by"] == "test-middleware"
        assert response.headers["access-control-allow-origin"] == allowed
    assert anonymous.status_code == 401
    assert seen == ["/graphql", "/healthz", "/graphql"]
