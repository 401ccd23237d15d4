"""The repository contract, run on every store that is available (LadybugDB always; Neo4j when
CARENET_TEST_NEO4J_URI is set). Where a dialect difference could change an answer, the expected
value here is the one Neo4j gives."""

from __future__ import annotations

import datetime as dt

import pytest

from carenet.domain import models as m
from carenet.domain.schema import NodeLabel
from carenet.errors import InvalidInput
from carenet.storage import endpoints
from carenet.storage.queries import Query
from carenet.storage.repository import ChangeSet

W1, W2 = "w1", "w2"


def small_system() -> ChangeSet:
    """System S with places P1, P2; org O1 (in P1) with teams a, b; org O2 (system-wide) with
    team c serving P2; ties a->b, b->c (wave 1), c->d (wave 2, ended 2024); d unattached."""
    cs = ChangeSet()
    for node in (
        m.System(uid="S", name="System", ods_code="QAA"),
        m.Place(uid="P1", name="Place one", gss_code="E06000001"),
        m.Place(uid="P2", name="Place two", gss_code="E06000002"),
        m.Organisation(uid="O1", name="Council", kind="local_authority", sector="social_care"),
        m.Organisation(uid="O2", name="Trust", kind="nhs_trust", sector="health", ods_code="RAA"),
        m.Team(uid="a", name="Alpha", sector="social_care", service="Adult social care"),
        m.Team(uid="b", name="Beta", sector="housing", service="Housing options"),
        m.Team(uid="c", name="Gamma", sector="health", service="Discharge"),
        m.Team(uid="d", name="Delta", sector="health"),
        m.SurveyWave(uid=W1, name="Wave 1", collected_on=dt.date(2024, 4, 1)),
        m.SurveyWave(uid=W2, name="Wave 2", collected_on=dt.date(2025, 4, 1)),
    ):
        cs.add_node(node)
    for rel in (
        m.PartOf(source="P1", target="S"),
        m.PartOf(source="P2", target="S"),
        m.PartOf(source="O1", target="P1"),
        m.PartOf(source="O2", target="S"),
        m.PartOf(source="a", target="O1"),
        m.PartOf(source="b", target="O1"),
        m.PartOf(source="c", target="O2"),
        m.Serves(source="c", target="P2"),
        m.CollaboratesWith(source="a", target="b", kinds=["referral"], wave=W1, trust=3, value=4, frequency="weekly"),
        m.CollaboratesWith(source="b", target="c", kinds=["joint_meeting", "co_location"], wave=W1, trust=2),
        m.CollaboratesWith(source="c", target="d", kinds=["data_sharing"], wave=W2, until=dt.date(2024, 12, 31)),
    ):
        cs.add_relationship(rel)
    return cs


async def test_upsert_then_read_back(any_repo):
    summary = await any_repo.apply(small_system())
    assert summary.nodes["Team"] == 4 and summary.relationships["COLLABORATES_WITH"] == 3
    team = await any_repo.get(NodeLabel.TEAM, "b")
    assert team == m.Team(uid="b", name="Beta", sector="housing", service="Housing options")
    org = await any_repo.find("O2")
    assert isinstance(org, m.Organisation) and org.ods_code == "RAA"
    assert await any_repo.find("nope") is None
    assert await any_repo.count(NodeLabel.TEAM) == 4


async def test_upsert_is_idempotent_and_updates_in_place(any_repo):
    await any_repo.apply(small_system())
    await any_repo.apply(small_system())
    counts = await any_repo.counts()
    assert counts["Team"] == 4 and counts["COLLABORATES_WITH"] == 3 and counts["PART_OF"] == 7
    again = ChangeSet()
    again.add_node(m.Team(uid="b", name="Beta renamed", sector="housing"))
    again.add_relationship(m.CollaboratesWith(source="a", target="b", kinds=["shared_record"], wave=W1, trust=1))
    await any_repo.apply(again)
    assert (await any_repo.get(NodeLabel.TEAM, "b")).name == "Beta renamed"
    assert (await any_repo.get(NodeLabel.TEAM, "b")).service == ""  # an upsert replaces every property
    ties = {t["uid"]: t for t in (await any_repo.team_neighbourhood("a", 1))["ties"]}
    tie = ties["COLLABORATES_WITH:a>b@w1"]
    assert tie["kinds"] == ["shared_record"] and tie["trust"] == 1.0 and tie["value"] is None
    assert (await any_repo.counts())["COLLABORATES_WITH"] == 3


async def test_bad_input_lists_every_problem_and_writes_nothing(any_repo):
    cs = small_system()
    cs.add_relationship(m.PartOf(source="a", target="missing-org"), origin="teams.csv:7:2")
    cs.add_relationship(m.CollaboratesWith(source="a", target="O1", kinds=["referral"], wave=W1))
    cs.add_node(m.Team(uid="a", name="Alpha again", sector="health"), origin="teams.csv:9:1")
    with pytest.raises(InvalidInput) as err:
        await any_repo.apply(cs)
    where = [p.location for p in err.value.problems]
    assert "teams.csv:7:2.target" in where
    assert any("does not join a Team to a Organisation" in p.message for p in err.value.problems)
    assert any(p.location == "teams.csv:9:1.uid" and "duplicate" in p.message for p in err.value.problems)
    assert await any_repo.count(NodeLabel.TEAM) == 0


async def test_keyset_pages_are_stable_and_complete(any_repo):
    cs = ChangeSet()
    for i in range(23):
        cs.add_node(m.Team(uid=f"t{i:02d}", name=f"T{i}", sector="health"))
    await any_repo.apply(cs)
    seen, after = [], ""
    while page := await any_repo.page(NodeLabel.TEAM, after=after, limit=5):
        seen += [t.uid for t in page]
        after = page[-1].uid
    assert seen == sorted(f"t{i:02d}" for i in range(23))


async def test_delete_removes_nodes_and_their_relationships(any_repo):
    await any_repo.apply(small_system())
    await any_repo.delete_nodes(NodeLabel.TEAM, ["b"])
    assert await any_repo.get(NodeLabel.TEAM, "b") is None
    assert (await any_repo.counts())["COLLABORATES_WITH"] == 1
    await any_repo.delete_relationships([m.CollaboratesWith(source="c", target="d", kinds=["data_sharing"], wave=W2)])
    assert (await any_repo.counts()).get("COLLABORATES_WITH", 0) == 0


async def test_neighbourhood_counts_each_team_once_at_its_shortest_distance(any_repo):
    # LadybugDB's variable-length patterns may walk a relationship twice (a-b-a); Neo4j's never do.
    await any_repo.apply(small_system())
    hood = await any_repo.team_neighbourhood("a", 3)
    assert hood["nodes"] == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert {t["uid"] for t in hood["ties"]} == {"COLLABORATES_WITH:a>b@w1", "COLLABORATES_WITH:b>c@w1", "COLLABORATES_WITH:c>d@w2"}
    assert (await any_repo.team_neighbourhood("a", 1))["nodes"] == {"a": 0, "b": 1}
    with pytest.raises(InvalidInput):
        await any_repo.team_neighbourhood("a", 4)


async def test_shortest_path_lists_teams_in_order(any_repo):
    await any_repo.apply(small_system())
    assert await any_repo.team_shortest_path("a", "d") == ["a", "b", "c", "d"]
    assert await any_repo.team_shortest_path("d", "a") == ["d", "c", "b", "a"]
    lonely = ChangeSet()
    lonely.add_node(m.Team(uid="z", name="Zed", sector="leisure"))
    await any_repo.apply(lonely)
    assert await any_repo.team_shortest_path("a", "z") is None
    assert await any_repo.team_shortest_path("b", "b") == ["b"]  # Neo4j raised 51N23, LadybugDB gave none
    assert await any_repo.team_shortest_path("z", "z") == ["z"]  # an isolated team reaches itself
    assert await any_repo.team_shortest_path("nope", "nope") is None


async def test_projection_places_teams_and_filters_ties(any_repo):
    await any_repo.apply(small_system())
    projection = await any_repo.projection("team")
    nodes = {r["uid"]: r for r in projection.nodes.to_pylist()}
    # c's organisation has no place: the place it serves (no list indexing: LadybugDB's are 1-based)
    assert nodes["a"]["place"] == "P1" and nodes["a"]["system"] == "S" and nodes["a"]["organisation"] == "O1"
    assert nodes["c"]["place"] == "P2" and nodes["c"]["system"] == "S"
    assert nodes["d"]["place"] is None and nodes["d"]["organisation"] is None
    assert projection.edge_count == 3
    wave1 = await any_repo.projection("team", wave=W1)
    assert {(r["source"], r["target"]) for b in wave1.edges for r in b.to_pylist()} == {("a", "b"), ("b", "c")}
    in_2025 = await any_repo.projection("team", at=dt.date(2025, 6, 1))
    assert {(r["source"], r["target"]) for b in in_2025.edges for r in b.to_pylist()} == {("a", "b"), ("b", "c")}
    in_2024 = await any_repo.projection("team", at=dt.date(2024, 6, 1))
    assert in_2024.edge_count == 3
    # the unfiltered read (no wave, no date) is its own query: the same rows as the filter letting all through
    every = [r for b in projection.edges for r in b.to_pylist()]
    filtered = [r for b in [b async for b in any_repo.store.stream("team_ties", wave="", any_time=True, at=dt.date.today())]
                for r in b.to_pylist()]
    assert sorted(every, key=lambda r: r["uid"]) == sorted(filtered, key=lambda r: r["uid"]) and len(every) == 3


async def test_a_failed_transaction_writes_nothing(any_repo):
    await any_repo.apply(small_system())
    broken = Query("test_broken", "THIS IS NOT CYPHER", write=True)
    ok = ("node_upsert_team", {"rows": [m.Team(uid="new", name="New", sector="health").model_dump()]})
    with pytest.raises(Exception):
        await any_repo.store.write_batch([ok, (broken, {})])
    assert await any_repo.get(NodeLabel.TEAM, "new") is None
    assert await any_repo.count(NodeLabel.TEAM) == 4


async def test_special_category_data_is_never_read_per_record(any_repo):
    cs = ChangeSet()
    cs.add_node(m.Person(uid="p1", name="Pat", level="team"))
    cs.add_node(m.Demographic(uid="p1", ethnic_category="H", sex="female"))
    cs.add_relationship(m.Describes(source="p1", target="p1", source_label="Demographic", target_label="Person"))
    await any_repo.apply(cs)
    person = await any_repo.find("p1")
    assert isinstance(person, m.Person)
    assert "ethnic_category" not in person.model_dump()
    with pytest.raises(PermissionError):
        await any_repo.get(NodeLabel.DEMOGRAPHIC, "p1")
    from carenet.storage.queries import REGISTRY

    lawful = {"subject_access_demographic"}  # exportPerson: a person's own record, admin only, audited
    for query in REGISTRY.values():  # any other read of ethnicity or sex must be an aggregate
        if not query.write and (".ethnic_category" in query.cypher or ".sex" in query.cypher):
            assert query.name in lawful or "count(" in query.cypher, query.name


async def test_rows_that_cannot_exist_yet_skip_the_look_up_and_the_rest_are_matched(any_repo):
    await any_repo.load(small_system())
    repo = type(any_repo)(any_repo.store, batch_rows=1)  # one row a statement: a flag per row
    more = ChangeSet()
    more.add_node(m.Team(uid="e", name="Epsilon", sector="education"))  # new
    more.add_node(m.Team(uid="a", name="Alpha", sector="social_care", service="Adult social care"))  # stored
    more.add_relationship(m.CollaboratesWith(source="e", target="a", kinds=["referral"], wave=W1))  # from a new node
    more.add_relationship(m.CollaboratesWith(source="a", target="c", kinds=["referral"], wave=W2))  # new, from a stored one
    more.add_relationship(m.CollaboratesWith(source="a", target="b", kinds=["referral"], wave=W1, trust=1))  # stored, changed
    assert not await repo.resolve_endpoints(more)
    assert more.stored == {("Team", "a")}
    fresh = {(name, params["rows"][0]["uid"]): params.get("fresh", False) for (name, params), *_ in repo._ops(more)}
    assert fresh == {
        ("node_upsert_team", "e"): True,
        ("node_upsert_team", "a"): False,
        ("rel_upsert_collaborates_with_team_team", "COLLABORATES_WITH:e>a@w1"): True,
        ("rel_upsert_collaborates_with_team_team", "COLLABORATES_WITH:a>c@w2"): False,
        ("rel_upsert_collaborates_with_team_team", "COLLABORATES_WITH:a>b@w1"): False,
    }
    await repo.load(more)
    await repo.load(more)
    counts = await any_repo.counts()
    assert counts["Team"] == 5 and counts["COLLABORATES_WITH"] == 5
    ties = {t["uid"]: t for t in (await any_repo.team_neighbourhood("a", 1))["ties"]}
    assert ties["COLLABORATES_WITH:a>b@w1"]["trust"] == 1.0 and "COLLABORATES_WITH:e>a@w1" in ties


def test_rows_are_what_model_dump_gives_and_their_arrow_what_arrow_makes_of_it():
    import pyarrow as pa

    from carenet.services.demo import generate
    from carenet.storage.arrow_types import ARROW as _ARROW
    from carenet.storage.queries import REGISTRY
    from carenet.storage.repository import Repository
    from carenet.storage.rows import ModelRows, TableRows

    changes = generate(seed=3)
    for model in changes.nodes[:2000]:
        assert ModelRows([model])[0] == model.model_dump()
    for rel in changes.relationships[:2000]:
        assert ModelRows([rel], ("source_label", "target_label"))[0] == rel.model_dump(exclude={"source_label", "target_label"})
    found: dict[str, set[str]] = {}
    for node in changes.nodes:
        found.setdefault(node.uid, set()).add(node.label)
    assert not endpoints.endpoint_problems(changes, found)  # fills in the endpoint labels
    kinds = set()
    for (name, params), *_ in Repository(None, batch_rows=500)._ops(changes):
        rows = params["rows"]
        assert isinstance(rows, ModelRows) and rows[1:3].models == rows.models[1:3]
        schema = pa.schema([(c, _ARROW[t]) for c, t in REGISTRY[name].ladybug.columns])
        assert rows.arrow(schema).equals(pa.Table.from_pylist(list(rows), schema=schema)), name
        given = [k for k in rows[0] if any(r[k] is not None for r in rows)]  # a column always None: left out
        table = TableRows(pa.Table.from_pylist([{k: r[k] for k in given} for r in rows]))
        assert table.arrow(schema).equals(rows.arrow(schema)), name  # a missing column is a None field
        assert list(table[1:3]) == list(TableRows(table.table.slice(1, 2))) and table[-1] == table.table.to_pylist()[-1]
        kinds.add(name)
    assert len(kinds) >= 20


async def test_many_small_writes_one_at_a_time(any_repo):
    """A planner's workload: one node, one anchor, one tie per write (issue 14). Every write is
    there afterwards, updates replace, and ties between the new nodes read back."""
    await any_repo.apply(small_system())
    for i in range(150):
        cs = ChangeSet()
        cs.add_node(m.Team(uid=f"small-{i}", name=f"Small {i}", sector="housing"))
        cs.add_relationship(m.PartOf(source=f"small-{i}", target="O1"))
        await any_repo.apply(cs)
    for i in range(0, 150, 5):
        cs = ChangeSet()
        cs.add_node(m.Team(uid=f"small-{i}", name=f"Renamed {i}", sector="health"))
        await any_repo.apply(cs)
    for i in range(1, 60):
        cs = ChangeSet()
        cs.add_relationship(m.CollaboratesWith(source=f"small-{i - 1}", target=f"small-{i}", kinds=["referral"], wave=W1))
        await any_repo.apply(cs)
    for i in range(1, 60, 7):  # a tie's properties changed, one write each
        cs = ChangeSet()
        cs.add_relationship(m.CollaboratesWith(source=f"small-{i - 1}", target=f"small-{i}", kinds=["referral"], wave=W1,
                                               trust=4, frequency="weekly"))
        await any_repo.apply(cs)
    ties = {(r["source"], r["target"]): r for r in await any_repo.store.read("rel_scan_collaborates_with_team_team")}
    assert ties[("small-7", "small-8")]["trust"] == 4 and ties[("small-7", "small-8")]["frequency"] == "weekly"
    assert ties[("small-8", "small-9")]["trust"] is None
    counts = await any_repo.counts()
    assert counts["Team"] == 154 and counts["PART_OF"] == 7 + 150 and counts["COLLABORATES_WITH"] == 3 + 59
    assert (await any_repo.get(NodeLabel.TEAM, "small-10")).name == "Renamed 10"
    assert (await any_repo.get(NodeLabel.TEAM, "small-11")).name == "Small 11"
    found = await any_repo.integrity()
    assert all(not row.get("duplicates") and not row.get("missing") for row in found.values())


async def test_of_equal_shortest_paths_both_stores_pick_the_same(any_repo):
    """A diamond a-x-d and a-y-d (and a-w-d recorded the other way): the least by uids, on any store."""
    cs = ChangeSet()
    cs.add_node(m.SurveyWave(uid=W1, name="Wave 1", collected_on=dt.date(2024, 4, 1)))
    for uid in ("a", "w", "x", "y", "d"):
        cs.add_node(m.Team(uid=uid, name=uid.upper(), sector="health"))
    for s, t in (("a", "y"), ("y", "d"), ("a", "x"), ("x", "d"), ("w", "a"), ("d", "w")):
        cs.add_relationship(m.CollaboratesWith(source=s, target=t, kinds=["referral"], wave=W1))
    await any_repo.apply(cs)
    assert await any_repo.team_shortest_path("a", "d") == ["a", "w", "d"]
    assert await any_repo.team_shortest_path("d", "a") == ["d", "w", "a"]


# --- names: folded and sorted in Python terms, stored, so both stores answer alike (issue 20) -------

NAMES = {"ist1": "İstanbul Team", "ist2": "ISTANBUL", "ist3": "istanbul", "sig1": "ΟΔΟΣ", "sig2": "οδος",
         "ss1": "Straße", "ss2": "STRASSE", "emo": "\U0001f600 Smile", "pua": "\ue000 Private", "fw": "\uff21bc",
         "plain": "Plain", "low": "plain"}
NAME_KEYS_OF = Query("test_name_keys", "MATCH (n:Team) RETURN n.uid AS uid, n.name AS name, n.name_fold AS name_fold, "
                     "n.name_key AS name_key")
CLEAR_NAME = Query("test_clear_name", "MATCH (n:Team {uid: $uid}) SET n.name = NULL, n.name_fold = NULL, n.name_key = NULL",
                   write=True)


def _named(names: dict[str, str]) -> ChangeSet:
    cs = ChangeSet()
    for uid, name in names.items():
        cs.add_node(m.Team(uid=uid, name=name, sector="health"))
    return cs


async def _stored_name_keys(repo) -> dict[str, tuple]:
    from carenet.domain.text import name_keys

    rows = await repo.store.read(NAME_KEYS_OF)
    for r in rows:
        assert {"name_fold": r["name_fold"], "name_key": r["name_key"]} == name_keys(r["name"]), r
    return {r["uid"]: r["name"] for r in rows}


async def test_every_write_path_stores_the_folded_name_and_its_sort_key(any_repo):
    import pyarrow as pa

    from carenet.storage.rows import ModelTable

    await any_repo.apply(_named(NAMES))  # rows, one small write
    await any_repo.apply(_named({uid: name.upper() + " Ünit" for uid, name in list(NAMES.items())[:4]}))  # updated
    store = getattr(any_repo.store, "inner", any_repo.store)
    if hasattr(store, "bulk_rows"):
        store.bulk_rows = 2  # LadybugDB's Arrow paths (COPY of new rows, LOAD FROM updates) for these few rows
    await any_repo.load(_named({f"bulk{i}": f"ΣΟΦΙΑ {i}" for i in range(5)}))
    await any_repo.load(_named({f"bulk{i}": f"Ölçek İ{i}" for i in range(5)}))
    table = pa.table({"uid": ["col1", "col2", "bulk0"], "name": ["GROẞ", "Ꭰ cherokee", "Άρης"], "sector": ["health"] * 3})
    await any_repo.load(ChangeSet(tables=[ModelTable(m.Team, table, origin="teams.csv")]))  # a column-at-a-time import
    stored = await _stored_name_keys(any_repo)
    assert stored["ist1"] == "İSTANBUL TEAM Ünit" and stored["bulk1"] == "Ölçek İ1" and stored["bulk0"] == "Άρης"
    assert stored["col1"] == "GROẞ" and len(stored) == len(NAMES) + 7


async def test_name_filters_and_name_order_follow_python_on_every_store(any_repo):
    """Contains / starts with (and their negations) compare folded names (carenet.domain.text.fold);
    the name order is Python's code point order, also for characters past the surrogates, where
    Neo4j's UTF-16 order differs; a node with no name matches neither a name condition nor its NOT."""
    from carenet.domain.text import fold
    from carenet.services import connections as c

    await any_repo.apply(_named({**NAMES, "gone": "Nameless"}))
    await any_repo.store.write(CLEAR_NAME, uid="gone")
    named = {uid: name for uid, name in (await _stored_name_keys(any_repo)).items() if name is not None}
    assert set(named) == set(NAMES)

    async def select(where, counted: bool = False) -> set[str]:
        page = await c.page(any_repo, label="Team", where=where, first=100)
        if counted:
            assert await c.count(any_repo, label="Team", where=where) == len(page.rows)
        return {r["uid"] for r in page.rows}

    for term in ("İ", "istanbul", "ΟΣ", "ος", "ß", "SS", "\U0001f600", "\ue000", "Pl"):
        contains = {u for u, n in named.items() if fold(term) in fold(n)}
        starts = {u for u, n in named.items() if fold(n).startswith(fold(term))}
        assert await select(c.Where([c.Cond("name", contains=term)]), counted=True) == contains, term
        assert await select(c.Where([c.Cond("name", starts=term)])) == starts, term
        assert await select(c.Where(none_of=c.Where([c.Cond("name", contains=term)]))) == set(named) - contains, term
        assert await select(c.Where(none_of=c.Where([c.Cond("name", starts=term)]))) == set(named) - starts, term
    assert "ss1" in await select(c.Where([c.Cond("name", contains="strasse")]))  # ß folds to ss
    for descending in (False, True):
        page = await c.page(any_repo, label="Team", order_by="name", descending=descending, first=100)
        expected = sorted(named, key=lambda u: (named[u], u), reverse=descending)
        got = [r["uid"] for r in page.rows if r["uid"] != "gone"]
        assert got == expected
