"""carenet installed from its wheel, not the checkout: the schema files and the built pages are package
data, and the map and GraphiQL work with the network off (issue 19, item 3).

The wheel is built from this checkout with this venv's setuptools (no network, no build isolation) and
installed into a fresh venv that borrows only the dependencies (a ``.pth`` line naming this venv's
site-packages, whose own ``.pth`` files, such as the editable install's, are therefore not run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from mapbrowser import ROOT, Browser, missing_requirements
from mapserver import demo_server
from pages import TEAMS, bearer_in, open_graphiql, run_query

ARTIFACTS = ROOT / "test-artifacts"
PAGES = ("map.html", "map.js", "map.css", "graphiql.html", "graphiql.js", "graphiql.css")
SCHEMA = ("carenet/graph_schema/ladybug/001_base.cypher", "carenet/graph_schema/neo4j/001_base.cypher")

pytestmark = [pytest.mark.slow]


def _clean_env() -> dict[str, str]:
    """This environment without anything that would put the checkout's source on the path."""
    return {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")
    }


def _pip(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        cwd=cwd,
        env={**_clean_env(), "PIP_NO_INDEX": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _build_wheel(source: Path, out: Path) -> subprocess.CompletedProcess:
    return _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), str(source), cwd=out)


def _copy_checkout(dest: Path, *, with_pages: bool) -> Path:
    """pyproject.toml, setup.py, README.md and src/ of this checkout (without the built pages when asked)."""
    dest.mkdir(parents=True)
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", *(() if with_pages else ("dist",)))
    shutil.copytree(ROOT / "src", dest / "src", ignore=skip)
    return dest


def test_a_wheel_without_the_built_pages_is_refused_and_says_what_to_run(tmp_path):
    source = _copy_checkout(tmp_path / "checkout", with_pages=False)
    out = tmp_path / "wheels"
    out.mkdir()
    built = _build_wheel(source, out)
    assert built.returncode != 0 and not list(out.glob("*.whl"))
    text = built.stdout + built.stderr
    assert "src/carenet/web/static/dist/map.js" in text and "src/carenet/web/static/dist/graphiql.js" in text
    assert "npm run build" in text


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    if not (ROOT / "src" / "carenet" / "web" / "static" / "dist" / "map.js").is_file():
        pytest.skip("the map bundle is not built: run `make setup` (npm run build)")
    out = tmp_path_factory.mktemp("wheels")
    built = _build_wheel(ROOT, out)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (path,) = out.glob("carenet-*.whl")
    return path


def test_the_wheel_and_the_sdist_carry_the_pages_and_the_schema_files(wheel, tmp_path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for page in PAGES:
        assert f"carenet/web/static/dist/{page}" in names, page
    for schema in SCHEMA:
        assert schema in names, schema
    # the sdist (PEP 517 hook of the same backend) carries them too, so a wheel built from it has them
    out = tmp_path / "sdist"
    made = subprocess.run(
        [sys.executable, "-c", f"from setuptools import build_meta; print(build_meta.build_sdist({str(out)!r}))"],
        cwd=_copy_checkout(tmp_path / "checkout", with_pages=True),
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    members = tarfile.open(out / made.stdout.strip().splitlines()[-1]).getnames()
    for path in [f"carenet/web/static/dist/{p}" for p in PAGES] + list(SCHEMA) + ["setup.py"]:
        assert any(m.endswith(path) for m in members), path


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding carenet from the wheel only; its dependencies come from this venv."""
    root = tmp_path_factory.mktemp("venv")
    venv = root / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120, env=_clean_env()
    )
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
        env=_clean_env(),
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return venv


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    where = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import carenet, carenet.bootstrap as b; print(carenet.__file__); print(b.SCHEMA_DIR); print(sorted(p.name for p in (b.SCHEMA_DIR / 'ladybug').iterdir()))",
        ],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    assert where[0].startswith(str(installed)) and not where[0].startswith(str(ROOT))
    assert where[1].startswith(str(installed)) and "001_base.cypher" in where[2]


@pytest.mark.browser
def test_the_installed_demo_serves_the_map_and_graphiql_with_the_network_off(installed, tmp_path):
    why = missing_requirements()
    if why:
        pytest.skip(why)
    run_dir = tmp_path / "elsewhere"  # not the checkout: nothing there to import or read
    run_dir.mkdir()
    with (
        demo_server(
            tmp_path / "data", carenet=[str(installed / "bin" / "carenet")], cwd=run_dir, env=_clean_env()
        ) as server,
        Browser() as browser,
    ):
        assert server.tokens.keys() >= {"analyst", "frontend"}
        browser.offline()
        # the map: drawn from the packaged bundle, with its data through GraphQL
        browser.traffic_reset()
        browser.goto(f"{server.url}/map#token={server.tokens['frontend']}")
        browser.wait("document.querySelector('#map').dataset.status === 'ready'", timeout=120000)
        assert browser.js("return window.carenetMap.nodeCount()") > 0
        traffic = browser.traffic()
        assert traffic["blocked"] == []
        assert all(r["status"] < 400 for r in traffic["responses"]), traffic["responses"]
        assert any(r["url"].endswith("/map/static/map.js") for r in traffic["responses"])
        ARTIFACTS.mkdir(exist_ok=True)
        browser.send("screenshot", path=str(ARTIFACTS / "wheel-map.png"))
        # GraphiQL: packaged assets, the demo token in its headers, the schema loaded, a query run
        opened = open_graphiql(browser, server.url)
        assert bearer_in(opened["editors"]) == server.tokens["analyst"]
        assert "query: Query" in opened["docs"]
        got = run_query(browser, TEAMS)
        assert "errors" not in got and got == server.graphql(TEAMS, token=server.tokens["analyst"])
        browser.send("screenshot", path=str(ARTIFACTS / "wheel-graphiql.png"))
        traffic = browser.traffic()
        assert traffic["blocked"] == []
        assert any(
            r["url"].endswith("/graphql/static/graphiql.js") and r["status"] == 200 for r in traffic["responses"]
        )
