"""The layering rules of STYLE.md, checked by import-linter; and no Cypher built from strings."""

from __future__ import annotations

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
