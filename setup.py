"""Build hook: a wheel or sdist of carenet carries the built web pages and the schema files, or is not built.

The pages (``/map`` and GraphiQL) are built from npm packages by ``npm run build`` (``web/build.mjs``)
into ``src/carenet/web/static/dist/``, which git ignores. Building a wheel or sdist without them would
give a package whose ``/map`` answers 503, so ``build_py`` and ``sdist`` first rebuild them when the
checkout can (``node_modules`` present and ``web/`` newer than the bundle) and then stop with an
error naming what is missing. Editable installs (``pip install -e``) skip the check: they read the
checkout, where ``make setup`` builds the pages after installing.

Everything else about the package is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "src" / "carenet"
DIST = PACKAGE / "web" / "static" / "dist"
PAGES = ("map.html", "map.js", "map.css", "graphiql.html", "graphiql.js", "graphiql.css")
STORES = ("ladybug", "neo4j")


class PackageIncomplete(RuntimeError):
    pass


def missing() -> list[str]:
    """What a package built now would lack (paths relative to the checkout)."""
    gone = [f"src/carenet/web/static/dist/{name}" for name in PAGES if not (DIST / name).is_file()]
    for store in STORES:
        if not list((PACKAGE / "graph_schema" / store).glob("[0-9][0-9][0-9]_*.cypher")):
            gone.append(f"src/carenet/graph_schema/{store}/NNN_*.cypher")
    return gone


def stale() -> bool:
    """The bundle is older than the front-end sources it is built from (only in a checkout)."""
    sources = [p for p in (HERE / "web").rglob("*") if p.is_file()] + [HERE / "package-lock.json"]
    built = [DIST / name for name in PAGES if (DIST / name).is_file()]
    if not (HERE / "web").is_dir() or len(built) < len(PAGES):
        return False
    return max(p.stat().st_mtime for p in sources if p.exists()) > min(p.stat().st_mtime for p in built)


def can_build_pages() -> bool:
    return (
        (HERE / "web" / "build.mjs").is_file()
        and (HERE / "node_modules" / "esbuild").is_dir()
        and shutil.which("npm") is not None
    )


def ensure_complete() -> None:
    if (missing() or stale()) and can_build_pages():
        subprocess.run(["npm", "run", "--silent", "build"], cwd=HERE, check=True)
    gone = missing()
    if gone:
        raise PackageIncomplete(
            "carenet cannot be packaged without its built web pages and schema files; missing: "
            + ", ".join(gone)
            + ". Run `make setup` (or `npm ci && npm run build`) in the checkout first."
        )
    if stale():
        raise PackageIncomplete(
            "the built web pages in src/carenet/web/static/dist are older than web/: run `npm run build` first."
        )


class BuildPy(build_py):
    def run(self) -> None:
        if not getattr(self, "editable_mode", False):
            ensure_complete()
        super().run()


class Sdist(sdist):
    def run(self) -> None:
        ensure_complete()
        super().run()


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
