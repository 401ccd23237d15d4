"""An upload is read and checked off the event loop: the change set is built, and its endpoints
resolved, on worker threads, so a server answers other requests meanwhile (the latency itself is
measured by ``benchmarks/import_latency.py``, not here)."""

from __future__ import annotations

import threading

import pytest

from carenet.errors import InvalidInput
from carenet.services import imports
from carenet.storage import endpoints
from carenet.storage.repository import OFFLOAD_ROWS, ChangeSet


@pytest.mark.parametrize("kind", ["organisations", "teams"])  # read row by row / a column at a time
async def test_a_big_import_is_checked_on_worker_threads(repo, tmp_path, monkeypatch, kind) -> None:
    rows = OFFLOAD_ROWS + 500
    path = tmp_path / f"{kind}.csv"
    if kind == "organisations":
        path.write_text("uid,name,kind,sector\n" + "".join(f"o{i},Org {i},vcse,voluntary\n" for i in range(rows)))
    else:
        path.write_text(
            "uid,name,sector,organisation\n" + "".join(f"t{i},Team {i},health,o-missing\n" for i in range(rows))
        )
    seen: dict[str, set[str]] = {"add_node": set(), "endpoint_problems": set(), "table_problems": set()}
    add_node, endpoint_problems, table_problems = (
        ChangeSet.add_node,
        endpoints.endpoint_problems,
        endpoints.table_problems,
    )

    def watch(name, function):
        def watched(*args, **kwargs):
            seen[name].add(threading.current_thread().name)
            return function(*args, **kwargs)

        return watched

    monkeypatch.setattr(ChangeSet, "add_node", watch("add_node", add_node))
    monkeypatch.setattr(endpoints, "endpoint_problems", watch("endpoint_problems", endpoint_problems))
    monkeypatch.setattr(endpoints, "table_problems", watch("table_problems", table_problems))
    parsed = imports.read_files([path])
    loop_thread = threading.current_thread().name
    if kind == "organisations":
        changes = await imports.check(repo, parsed)
        assert len(changes.nodes) == rows and seen["add_node"]
    else:  # every team names a missing organisation: the problems are placed off the loop too
        with pytest.raises(InvalidInput) as caught:
            await imports.check(repo, parsed)
        assert len(caught.value.problems) == rows and seen["table_problems"]
    assert seen["endpoint_problems"]
    assert loop_thread not in set().union(*seen.values()), seen
