"""The layering rules of STYLE.md, checked by import-linter; and no Cypher built from strings."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is not installed (pip install -e '.[test]')"
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|DETACH|DELETE|SET)\b")


def test_no_cypher_is_built_with_f_strings_outside_the_query_modules():
    """Cypher lives in storage/queries (composed there at import time from fixed labels and
    field lists only) and in codegen (development time). Nowhere else may build any."""
    queries = ROOT / "src" / "carenet" / "storage" / "queries"
    offenders = []
    for path in (ROOT / "src" / "carenet").rglob("*.py"):
        if path.name == "codegen.py" or queries in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bf[\"']", line) and CYPHER.search(line) and re.search(r"\(\w*:|\bRETURN\b|\$", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


ABOVE_STORAGE = ("services", "api", "web", "cli")
STORE_OR_QUERIES = (
    "carenet.storage.queries",
    "carenet.storage.naming",
    "carenet.storage.store",
    "carenet.storage.ladybug",
    "carenet.storage.neo4j",
    "carenet.storage.recording",
)
STORE_CALLS = {"read", "write", "write_batch", "stream", "run_schema", "ping", "close", "version"}
LIFE_CYCLE = {"services/container.py", "services/backups.py"}
HOLDERS = re.compile(r"(^|_)(repo|repository|services|built)$")
"""Names that hold a repository or the Services container (``repo``, ``any_repo``, ``built``...)."""


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def port_offences(source: str, *, interface: bool, holds_store: bool = False) -> list[tuple[int, str]]:
    """(line, what) for each way ``source`` goes round the repository: an import of a store module or
    of the named queries (under ``TYPE_CHECKING`` too); ``.store`` taken from a repository or the
    Services container, or any ``.store.read/write/...``; and, in an interface (API, web, CLI), a
    repository method called directly instead of a service."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            modules = []
        for module in modules:
            if holds_store and (module == "carenet.storage.store" or module.startswith("carenet.storage.store.")):
                continue  # the store interface, for the type of what it holds
            if any(module == m or module.startswith(m + ".") for m in STORE_OR_QUERIES):
                found.append((node.lineno, f"imports {module}"))
                break
        if isinstance(node, ast.Attribute) and node.attr == "store" and not holds_store:
            if HOLDERS.search(_name(node.value)) or (isinstance(node.value, ast.Name) and node.value.id == "self"):
                found.append((node.lineno, f"{_name(node.value)}.store"))
        if (
            isinstance(node, ast.Attribute)
            and node.attr in STORE_CALLS
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "store"
            and not holds_store
        ):
            found.append((node.lineno, f".store.{node.attr}"))
        if (
            interface
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr == "repo"
        ):
            found.append((node.lineno, f".repo.{node.func.attr}(...): call a service"))
    return found


def test_the_port_scan_finds_each_way_round_the_repository():
    bad = (
        "from carenet.storage.queries import core\n"
        "from carenet.storage import naming\n"
        "import carenet.storage.ladybug\n"
        "async def f(repo, services):\n"
        "    await repo.store.read(core.COUNTS)\n"
        "    services.store.version\n"
        "    await services.repo.counts()\n"
    )
    found = port_offences(bad, interface=True)
    assert [line for line, _ in found].count(5) == 2 and {1, 2, 3, 6, 7} <= {line for line, _ in found}, found
    assert port_offences(bad.replace("await services.repo.counts()", "pass"), interface=False)
    good = "from carenet.storage.repository import Repository\nasync def f(repo, status):\n    return status.store, await g(repo)\n"
    assert port_offences(good, interface=True) == []


def test_nothing_above_the_storage_layer_holds_a_store_or_names_a_query():
    """Issue 17: the repository is the one port. Services call repository methods; the API, the web
    app and the CLI call services; none imports a store module or the named queries. The Services
    container alone holds the store, and its backups take it, for the store's life cycle (schema,
    health, backups, closing); they import the store interface and never run a query."""
    offenders = []
    for part in ABOVE_STORAGE:
        for path in sorted((ROOT / "src" / "carenet" / part).rglob("*.py")):
            relative = path.relative_to(ROOT / "src" / "carenet").as_posix()
            for line, what in port_offences(
                path.read_text(encoding="utf-8"), interface=part != "services", holds_store=relative in LIFE_CYCLE
            ):
                offenders.append(f"src/carenet/{relative}:{line}: {what}")
    assert not offenders, "\n".join(offenders)
