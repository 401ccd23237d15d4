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
from carenet.storage.recording import RecordingStore
from carenet.storage.repository import ChangeSet, Repository
from carenet.storage.store import resolve

W1, W2 = "w1", "w2"

EXERCISED: set[str] = set()
"""Every named query this module sent to a store (with rows, where it takes a list): the last test
compares it with the registry (issue 17: every named query runs in the contract suite)."""


class _Exercising(RecordingStore):
    def _record(self, kind, ops) -> None:
        super()._record(kind, ops)
        for q, params in ops:
            query = resolve(q)
            if not (query.skip_if_empty and not params.get(query.skip_if_empty)):  # the store would skip it
                EXERCISED.add(query.name)


@pytest.fixture
async def any_repo(any_repo):
    """The conftest's repository on each store, every query it sends recorded in :data:`EXERCISED`."""
    return Repository(_Exercising(any_repo.store), batch_rows=any_repo.batch_rows)


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
        m.CollaboratesWith(
            source="b",
            target="c",
            kinds=["joint_meeting", "co_location"],
            wave=W1,
            trust=2,
            trust_reliability=2,
            trust_mission=1,
            trust_openness=3,
        ),  # PARTNER sub-items: mean 2
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


async def _ties_of(repo: Repository, uid: str) -> dict[str, dict]:
    """The collaboration ties of a team, both directions, by tie uid (what the API's ``ties`` reads)."""
    return {row["tie"]: row for row in await repo.related("ties_of_team", [uid])}


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
    ties = await _ties_of(any_repo, "a")
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
    filtered = [
        r
        for b in [b async for b in any_repo.store.stream("team_ties", wave="", any_time=True, at=dt.date.today())]
        for r in b.to_pylist()
    ]
    assert sorted(every, key=lambda r: r["uid"]) == sorted(filtered, key=lambda r: r["uid"]) and len(every) == 3


async def test_a_failed_transaction_writes_nothing(any_repo):
    await any_repo.apply(small_system())
    broken = Query("test_broken", "THIS IS NOT CYPHER", write=True)
    ok = ("node_upsert_team", {"rows": [m.Team(uid="new", name="New", sector="health").model_dump()]})
    with pytest.raises(Exception):  # noqa: B017 - each store raises its own driver's error
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
    more.add_relationship(
        m.CollaboratesWith(source="a", target="c", kinds=["referral"], wave=W2)
    )  # new, from a stored one
    more.add_relationship(
        m.CollaboratesWith(source="a", target="b", kinds=["referral"], wave=W1, trust=1)
    )  # stored, changed
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
    ties = await _ties_of(any_repo, "a")
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
        assert ModelRows([rel], ("source_label", "target_label"))[0] == rel.model_dump(
            exclude={"source_label", "target_label"}
        )
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
        cs.add_relationship(
            m.CollaboratesWith(source=f"small-{i - 1}", target=f"small-{i}", kinds=["referral"], wave=W1)
        )
        await any_repo.apply(cs)
    for i in range(1, 60, 7):  # a tie's properties changed, one write each
        cs = ChangeSet()
        cs.add_relationship(
            m.CollaboratesWith(
                source=f"small-{i - 1}", target=f"small-{i}", kinds=["referral"], wave=W1, trust=4, frequency="weekly"
            )
        )
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


# --- names: folded and sorted in Python terms, stored, so both stores answer alike (issue 20) -------

NAMES = {
    "ist1": "İstanbul Team",
    "ist2": "ISTANBUL",
    "ist3": "istanbul",
    "sig1": "ΟΔΟΣ",
    "sig2": "οδος",
    "ss1": "Straße",
    "ss2": "STRASSE",
    "emo": "\U0001f600 Smile",
    "pua": "\ue000 Private",
    "fw": "\uff21bc",
    "plain": "Plain",
    "low": "plain",
}
NAME_KEYS_OF = Query(
    "test_name_keys",
    "MATCH (n:Team) RETURN n.uid AS uid, n.name AS name, n.name_fold AS name_fold, n.name_key AS name_key",
)
CLEAR_NAME = Query(
    "test_clear_name", "MATCH (n:Team {uid: $uid}) SET n.name = NULL, n.name_fold = NULL, n.name_key = NULL", write=True
)


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
    table = pa.table(
        {"uid": ["col1", "col2", "bulk0"], "name": ["GROẞ", "Ꭰ cherokee", "Άρης"], "sector": ["health"] * 3}
    )
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


# --- every generated query, on a sample of every label and every relationship pair -------------


def _sample_of_every_kind() -> ChangeSet:
    """Two nodes of every label and one relationship of every (type, source, target) pair the schema
    allows, with their ends: from the demo generator, and made here for the pairs it never makes."""
    from carenet.domain.schema import REL_SPECS
    from carenet.services.demo import generate

    demo = generate(seed=3)
    found: dict[str, set[str]] = {}
    for node in demo.nodes:
        found.setdefault(node.uid, set()).add(node.label)
    assert not endpoints.endpoint_problems(demo, found)  # fills in the endpoint labels
    by_key = {(n.label, n.uid): n for n in demo.nodes}
    rels: dict[tuple[str, str, str], m.Relationship] = {}
    for rel in demo.relationships:
        rels.setdefault((rel.type, rel.source_label, rel.target_label), rel)
    chosen: dict[tuple[str, str], m.Node] = {}
    for node in demo.nodes:
        if sum(1 for label, _ in chosen if label == node.label) < 2:
            chosen[(node.label, node.uid)] = node
    chosen[("Migration", "test:999")] = m.Migration(
        uid="test:999", version=999, name="test", applied_at=dt.datetime(2026, 1, 2, 3, 4, 5)
    )
    for rel_type, spec in REL_SPECS.items():
        for src, tgt in spec.pairs:
            key = (rel_type.value, src.value, tgt.value)
            if key not in rels:  # a pair the demo never makes
                a = next(n for (label, _), n in chosen.items() if label == src.value)
                b = next(n for (label, _), n in chosen.items() if label == tgt.value)
                rels[key] = spec.model(source=a.uid, target=b.uid, source_label=src.value, target_label=tgt.value)
    for rel in rels.values():
        for label, uid in ((rel.source_label, rel.source), (rel.target_label, rel.target)):
            chosen.setdefault((label, uid), by_key[(label, uid)])
    cs = ChangeSet()
    for node in chosen.values():
        cs.add_node(node)
    for rel in rels.values():
        cs.add_relationship(rel)
    return cs


async def test_every_generated_query_reads_back_what_was_written(any_repo):
    from carenet.bootstrap import SCHEMA_DIR
    from carenet.domain.schema import REL_SPECS, SPECIAL_CATEGORY_LABELS
    from carenet.storage import naming
    from carenet.storage.migrations import schema_files
    from carenet.storage.queries import REGISTRY

    records = [f"{store}:{f.version:03d}" for store in ("ladybug", "neo4j") for f in schema_files(SCHEMA_DIR, store)]
    held = {label: await any_repo.existing(label, records) for label in NodeLabel}  # the migrations' own records
    sample = _sample_of_every_kind()
    await any_repo.apply(sample)  # new rows
    await any_repo.apply(sample)  # the same rows again: looked up, compared, updated in place
    nodes: dict[str, dict[str, m.Node]] = {}
    for node in sample.nodes:
        nodes.setdefault(node.label, {})[node.uid] = node
    assert set(nodes) == {label.value for label in NodeLabel}
    for label in NodeLabel:
        want = nodes[label.value]
        assert await any_repo.count(label) == len(want) + len(held[label]), label
        assert await any_repo.existing(label, [*want, "nobody"]) == set(want), label  # scanned, where few are held
        assert await any_repo.existing(label, [next(iter(want))]) == {next(iter(want))}, label  # looked up
        if label in SPECIAL_CATEGORY_LABELS:
            assert naming.node_get(label) not in REGISTRY and naming.node_scan(label) not in REGISTRY
            continue
        assert await any_repo.get_many(label, list(want)) == want, label
        paged = [n.uid for n in await any_repo.page(label, limit=100)]
        assert paged == sorted({*want, *held[label]}), label
        scanned = [r for b in [b async for b in any_repo.store.stream(naming.node_scan(label))] for r in b.to_pylist()]
        models = {
            r["uid"]: type(next(iter(want.values()))).model_validate({k: v for k, v in r.items() if v is not None})
            for r in scanned
            if r["uid"] not in held[label]
        }
        assert models == want, label
    for rel_type, spec in REL_SPECS.items():
        for src, tgt in spec.pairs:
            want = {
                r.uid: r.model_dump(exclude={"source_label", "target_label"})
                for r in sample.relationships
                if (r.type, r.source_label, r.target_label) == (rel_type.value, src.value, tgt.value)
            }
            rows = [
                r
                for b in [b async for b in any_repo.store.stream(naming.rel_scan(rel_type, src, tgt))]
                for r in b.to_pylist()
            ]
            got = {r["uid"]: {k: v for k, v in r.items() if v is not None} for r in rows}
            assert got == {uid: {k: v for k, v in row.items() if v is not None} for uid, row in want.items()}, (
                rel_type,
                src,
                tgt,
            )
    await any_repo.delete_relationships(sample.relationships)
    after = await any_repo.counts()
    assert not any(after.get(rel_type.value) for rel_type in REL_SPECS), after
    for label in NodeLabel:
        await any_repo.delete_nodes(label, list(nodes[label.value]))
        assert await any_repo.count(label) == len(held[label]), label


# --- the root connections' pages and counts, every sort key both ways, against plain Python ------


def _with_people_and_metrics() -> ChangeSet:
    cs = small_system()
    for uid, name, level in (("p1", "Pat", "team"), ("p2", "Sam", "board"), ("p3", "Alex", "senior")):
        cs.add_node(m.Person(uid=uid, name=name, level=level))
    cs.add_relationship(m.MemberOf(source="p1", target="a", role="lead"))
    cs.add_relationship(m.MemberOf(source="p2", target="O2"))
    cs.add_relationship(m.WorksWith(source="p1", target="p2", kinds=["advice"], wave=W1))
    cs.add_relationship(m.WorksWith(source="p3", target="p1", kinds=["support"], wave=W2))
    cs.add_relationship(m.CollaboratesWith(source="O1", target="O2", kinds=["pooled_budget"], wave=W1, trust=4))
    return cs


async def test_every_page_and_count_query_orders_and_counts_as_python_does(any_repo):
    from carenet.domain.text import sort_key
    from carenet.services import connections as c
    from carenet.storage.queries import connections as q

    cs = _with_people_and_metrics()
    await any_repo.apply(cs)
    metrics = {"Team": {"a": 0.5, "b": 2.0, "d": 0.5}, "Organisation": {"O2": 1.0}, "Person": {"p1": 3.0, "p3": 0.1}}
    for label, values in metrics.items():  # stored metrics, so their orders mean something
        await any_repo.store.write(
            f"set_{label.lower()}_metrics",
            rows=[
                {"uid": uid, "betweenness": v, "brokerage": v * 2, "constraint": 1 - v / 4, "community": i}
                for i, (uid, v) in enumerate(values.items())
            ],
        )
    ties = {"Team": "CollaboratesWith", "Organisation": "CollaboratesWith", "Person": "WorksWith"}
    everything = c.Where(none_of=c.Where([c.Cond("uid", values=("nobody",))]))  # a filter that keeps every node
    for label in q.FIELDS:
        of_label = {n.uid: n for n in cs.nodes if n.label == label}
        degree = {
            uid: sum(
                (r.source == uid) + (r.target == uid) for r in cs.relationships if type(r).__name__ == ties.get(label)
            )
            for uid in of_label
        }
        stored = metrics.get(label, {})
        key = {
            "uid": lambda u: u,
            "name": lambda u, nodes=of_label: sort_key(nodes[u].name),
            "degree": lambda u, degree=degree: degree[u],
            "betweenness": lambda u, stored=stored: stored.get(u, -1.0),
            "brokerage": lambda u, stored=stored: stored[u] * 2 if u in stored else -1.0,
            "constraint": lambda u, stored=stored: 1 - stored[u] / 4 if u in stored else -1.0,
        }
        for order_by in q.SORT_KEYS[label]:
            for descending in (False, True):
                expected = sorted(of_label, key=lambda u: (key[order_by](u), u), reverse=descending)
                pages, after = [], None
                while True:  # three at a time: the keyset cursors too
                    page = await c.page(
                        any_repo,
                        label=label,
                        where=everything,
                        order_by=order_by,
                        descending=descending,
                        first=3,
                        after=after,
                    )
                    pages += [r["uid"] for r in page.rows]
                    if not page.has_next:
                        break
                    after = page.cursors[-1]
                assert pages == expected, (label, order_by, descending)
        assert await c.count(any_repo, label=label, where=everything) == len(of_label)
        assert await c.count(any_repo, label=label) == len(of_label)
        for descending in (False, True):
            unfiltered = await c.page(any_repo, label=label, descending=descending, first=100)
            assert [r["uid"] for r in unfiltered.rows] == sorted(of_label, reverse=descending)
        some = sorted(of_label)[::2]
        by_uids = await c.page(
            any_repo, label=label, where=c.Where([c.Cond("uid", values=(*some, "nobody"))]), first=100
        )
        assert [r["uid"] for r in by_uids.rows] == some
        assert await c.count(any_repo, label=label, where=c.Where([c.Cond("uid", values=tuple(some))])) == len(some)
        rows = {r["uid"]: r for r in by_uids.rows}
        for uid in some:
            assert rows[uid]["name"] == of_label[uid].name and rows[uid].get("betweenness") == stored.get(uid)


# --- the hand-written queries, each against the answer worked out by hand ------------------------


def _everything() -> ChangeSet:
    """:func:`_with_people_and_metrics`, a care pathway, a forum, a capability, demographics."""
    cs = _with_people_and_metrics()
    for node in (
        m.CarePathway(uid="cp", name="Discharge"),
        m.PathwayStep(uid="s1", name="Assess", position=1),
        m.PathwayStep(uid="s2", name="Home", position=2),
        m.Forum(uid="F", name="Place board", kind="place_board"),
        m.Capability(uid="cap1", name="Compassion"),
        m.Demographic(uid="p1", ethnic_category="H", sex="female"),
        m.Demographic(uid="p2", ethnic_category="A", sex="male"),
    ):
        cs.add_node(node)
    for rel in (
        m.HasStep(source="cp", target="s1"),
        m.HasStep(source="cp", target="s2"),
        m.Next(source="s1", target="s2"),
        m.Delivers(source="a", target="s1"),
        m.Delivers(source="c", target="s2"),
        m.PartOf(source="F", target="S"),
        m.PartOf(source=W1, target="S"),
        m.SitsOn(source="O1", target="F"),
        m.SitsOn(source="p1", target="F"),
        m.SitsOn(source="p2", target="F"),
        m.HasCapability(source="p1", target="cap1", level=3),
        m.MemberOf(source="p3", target="c"),
        m.Describes(source="p1", target="p1", source_label="Demographic", target_label="Person"),
        m.Describes(source="p2", target="p2", source_label="Demographic", target_label="Person"),
    ):
        cs.add_relationship(rel)
    return cs


def _pairs(projection) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for b in projection.edges for r in b.to_pylist()}


async def test_projections_of_every_level(any_repo):
    await any_repo.apply(_everything())
    orgs = await any_repo.projection("organisation")
    nodes = {r["uid"]: r for r in orgs.nodes.to_pylist()}
    assert (nodes["O1"]["place"], nodes["O1"]["system"], nodes["O2"]["place"], nodes["O2"]["system"]) == (
        "P1",
        "S",
        None,
        "S",
    )
    assert _pairs(orgs) == {("O1", "O2")} and not _pairs(await any_repo.projection("organisation", wave=W2))
    people = await any_repo.projection("person")
    nodes = {r["uid"]: r for r in people.nodes.to_pylist()}
    assert {u: (r["organisation"], r["sector"], r["kind"]) for u, r in nodes.items()} == {
        "p1": ("O1", "social_care", "team"),
        "p2": ("O2", "health", "board"),
        "p3": ("O2", "health", "senior"),
    }
    assert nodes["p3"]["place"] is None and nodes["p3"]["system"] == "S"  # the organisation's place and system
    assert _pairs(people) == {("p1", "p2"), ("p3", "p1")}
    assert _pairs(await any_repo.projection("person", wave=W1)) == {("p1", "p2")}
    rolled = await any_repo.store.read("team_ties_rolled_up", wave="", any_time=True, at=dt.date(2025, 1, 1))
    assert rolled == [
        {
            "source": "O1",
            "target": "O2",
            "wave": "w1",
            "weight": 1,
            "trust": 2.0,
            "value": None,  # per wave (issue 21)
            "trust_reports": 1,
            "trust_items": 1,
            "value_reports": 0,
            "value_items": 0,
        }
    ]
    teams = [r for batch in (await any_repo.projection("team")).edges for r in batch.to_pylist()]
    assert {(r["source"], r["target"]): (r["trust_items"], r["value_items"]) for r in teams} == {
        ("a", "b"): (False, False),
        ("b", "c"): (True, False),
        ("c", "d"): (False, False),
    }


async def test_subgraph_queries(any_repo):
    await any_repo.apply(_everything())
    base = {
        "all_uids": True,
        "uids": [""],
        "all_sectors": True,
        "sectors": [""],
        "all_levels": True,
        "levels": [""],
        "search": "",
        "place": "",
        "system": "",
        "limit": 50,
    }

    async def nodes(level: str, **change) -> list[tuple]:
        rows = await any_repo.store.read(f"subgraph_{level}_nodes", **{**base, **change})
        total = (await any_repo.store.read(f"subgraph_{level}_count", **{**base, **change}))[0]["total"]
        assert total == len(rows)
        return [(r["uid"], r["organisation"], r["place"], r["rank"]) for r in rows]

    assert await nodes("team") == [
        ("b", "O1", "P1", 2),
        ("c", "O2", "P2", 2),
        ("a", "O1", "P1", 1),
        ("d", None, None, 1),
    ]
    assert [u for u, *_ in await nodes("team", search="alp")] == ["a"]
    assert [u for u, *_ in await nodes("team", place="P1")] == ["b", "a"]
    assert [u for u, *_ in await nodes("team", system="S")] == ["b", "c", "a"]
    assert [u for u, *_ in await nodes("team", all_sectors=False, sectors=["health"])] == ["c", "d"]
    assert [u for u, *_ in await nodes("team", all_uids=False, uids=["d", "a"])] == ["a", "d"]
    assert await nodes("organisation") == [("O1", "O1", "P1", 1), ("O2", "O2", None, 1)]
    # a leader's place: a team's served place, else the organisation's
    assert await nodes("person") == [("p1", "O1", "P1", 2), ("p2", "O2", None, 1), ("p3", "O2", "P2", 1)]
    assert [u for u, *_ in await nodes("person", all_levels=False, levels=["board"])] == ["p2"]
    ties = await any_repo.store.read("subgraph_team_ties", uids=["a", "b", "c", "d"], wave="")
    assert {(r["source"], r["target"], r["trust"]) for r in ties} == {
        ("a", "b", 3.0),
        ("b", "c", 2.0),
        ("c", "d", None),
    }
    assert len(await any_repo.store.read("subgraph_team_ties", uids=["a", "b", "c", "d"], wave=W1)) == 2
    assert [
        (r["source"], r["target"])
        for r in await any_repo.store.read("subgraph_organisation_ties", uids=["O1"], wave="")
    ] == [("O1", "O2")]
    people = await any_repo.store.read("subgraph_person_ties", uids=["p1", "p3"], wave="")
    assert {(r["source"], r["target"], r["trust"]) for r in people} == {("p1", "p2", None), ("p3", "p1", None)}
    hop = {
        level: {r["uid"] for r in await any_repo.store.read(f"subgraph_{level}_hop", uids=uids, wave="")}
        for level, uids in (("team", ["b"]), ("organisation", ["O1"]), ("person", ["p1"]))
    }
    assert hop == {"team": {"a", "c"}, "organisation": {"O2"}, "person": {"p2", "p3"}}


async def test_related_node_queries_old_and_new_give_the_same_rows(any_repo):
    await any_repo.apply(_everything())
    cases = (
        ("organisation_of_teams", "related_organisation_of_teams", ["a", "c", "d"], {("a", "O1"), ("c", "O2")}),
        ("places_of_teams", "related_places_of_teams", ["a", "c"], {("c", "P2")}),
        ("places_of_organisations", "related_places_of_organisations", ["O1", "O2"], {("O1", "P1")}),
        (
            "teams_of_organisations",
            "related_teams_of_organisations",
            ["O1", "O2"],
            {("O1", "a"), ("O1", "b"), ("O2", "c")},
        ),
        ("system_of_places", "related_system_of_places", ["P1", "P2"], {("P1", "S"), ("P2", "S")}),
        ("teams_of_people", "related_teams_of_people", ["p1", "p2", "p3"], {("p1", "a"), ("p3", "c")}),
        ("ties_of_teams", "related_ties_of_teams", ["b"], {("b", "c"), ("b", "a")}),
        ("ties_of_organisations", "related_ties_of_organisations", ["O1", "O2"], {("O1", "O2"), ("O2", "O1")}),
    )
    for old, new, uids, expected in cases:
        for name in (old, new):
            for keys in (uids, uids[:1]):  # many keys, and one (LadybugDB's per-key form)
                rows = await any_repo.store.read(name, uids=keys)
                assert {(r["key"], r["uid"]) for r in rows} == {e for e in expected if e[0] in keys}, (name, keys)
    ties = {
        (r["direction"], r["uid"], r["tie"]) for r in await any_repo.store.read("related_ties_of_teams", uids=["b"])
    }
    assert ties == {("out", "c", "COLLABORATES_WITH:b>c@w1"), ("in", "a", "COLLABORATES_WITH:a>b@w1")}
    roles = await any_repo.store.read("teams_of_people", uids=["p1"])
    assert [(r["uid"], r["role"]) for r in roles] == [("a", "lead")]


async def test_analysis_queries(any_repo):
    """Through the repository's methods, as the services read them (issue 17)."""
    await any_repo.apply(_everything())
    steps = [(r["pathway"], r["step"], r["position"], r["teams"]) for r in await any_repo.pathway_steps()]
    assert steps == [("cp", "s1", 1, ["a"]), ("cp", "s2", 2, ["c"])]
    assert [(r["forum"], r["organisations"], r["sectors"]) for r in await any_repo.forum_seats()] == [
        ("F", ["O1"], ["social_care"])
    ]
    assert [(r["forum"], r["sectors"]) for r in await any_repo.forum_person_sectors()] == [("F", ["health"])]
    cells = {
        (r["place"], r["level"], r["ethnic_category"], r["sex"], r["count"])
        for r in await any_repo.leader_demographic_counts()
    }
    # every leader counts: one with no demographic record is "not stated" (issue 21 item 5)
    assert cells == {(None, "team", "H", "female", 1), (None, "board", "A", "male", 1), ("P2", "senior", None, None, 1)}
    caps = {r["person"]: (r["place"], r["capabilities"]) for r in await any_repo.leader_capabilities()}
    assert caps == {"p1": (None, ["cap1"]), "p2": (None, []), "p3": ("P2", [])}
    assert {(r["place"], r["system"]) for r in await any_repo.place_systems()} == {("P1", "S"), ("P2", "S")}
    waves = [(r["uid"], r["collected_on"], r["system"]) for r in await any_repo.survey_waves()]
    assert waves == [(W1, dt.date(2024, 4, 1), "S"), (W2, dt.date(2025, 4, 1), None)]


async def test_anchor_cell_and_subject_access_queries(any_repo):
    from carenet.services import connections as c

    await any_repo.apply(_everything())
    rows = await any_repo.anchors_of(["a", "O1", "P1", "p1", "s1", "cp", "F", W1, "nobody"])
    assert {(r["uid"], r["label"], r["parent"], r["parent_label"]) for r in rows} == {
        ("a", "Team", "O1", "Organisation"),
        ("O1", "Organisation", "P1", "Place"),
        ("P1", "Place", "S", "System"),
        ("p1", "Person", "a", "Team"),
        ("s1", "PathwayStep", "a", "Team"),
        ("cp", "CarePathway", "s1", "PathwayStep"),
        ("cp", "CarePathway", "s2", "PathwayStep"),
        ("F", "Forum", "S", "System"),
        (W1, "SurveyWave", "S", "System"),
    }
    everything = c.Where(none_of=c.Where([c.Cond("uid", values=("nobody",))]))
    expected = {
        "team": {
            ("social_care", "Adult social care", "", "P1", "S"),
            ("housing", "Housing options", "", "P1", "S"),
            ("health", "Discharge", "", "P2", "S"),
            ("health", "", "", None, None),
        },
        "organisation": {("social_care", "local_authority", "", "P1", "S"), ("health", "nhs_trust", "", None, "S")},
        "person": {
            ("social_care", "", "team", None, None),
            ("health", "", "board", None, None),
            ("health", "", "senior", "P2", "S"),
        },
    }
    for level, cells in expected.items():
        rows = await any_repo.count_cells(level.title(), where=c.dnf(everything))
        assert {(r["sector"], r["kind"], r["level"], r["place"], r["system"]) for r in rows} == cells, level
        assert all(r["count"] == 1 for r in rows)
    demographic = await any_repo.subject_access_demographic("p1")
    assert demographic == [{"ethnic_category": "H", "sex": "female"}]
    rels = await any_repo.subject_access_relationships("p1")
    assert {(r["type"], r["direction"], r["other"]) for r in rels} == {
        ("MEMBER_OF", "out", "a"),
        ("SITS_ON", "out", "F"),
        ("WORKS_WITH", "out", "p2"),
        ("WORKS_WITH", "in", "p3"),
        ("HAS_CAPABILITY", "out", "cap1"),
    }


async def test_migration_records_and_name_keys_filled_in_for_nodes_without_them(any_repo):
    from carenet.bootstrap import SCHEMA_DIR
    from carenet.domain.text import name_keys
    from carenet.storage.migrations import fill_name_keys, schema_files, status

    current = await status(any_repo.store, SCHEMA_DIR)
    assert current.up_to_date and [v for v, _, _ in current.applied] == [
        f.version for f in schema_files(SCHEMA_DIR, any_repo.store.dialect.value)
    ]
    await any_repo.apply(_everything())
    forget = {
        label: Query(f"test_forget_{label}", f"MATCH (n:{label}) SET n.name_fold = NULL, n.name_key = NULL", write=True)
        for label in ("System", "Place", "Organisation", "Team", "Person")
    }
    for query in forget.values():
        await any_repo.store.write(query)
    assert await fill_name_keys(any_repo.store) == 1 + 2 + 2 + 4 + 3
    for label in forget:
        rows = await any_repo.store.read(
            Query(
                f"test_keys_{label}",
                f"MATCH (n:{label}) RETURN n.name AS name, n.name_fold AS name_fold, n.name_key AS name_key",
            )
        )
        assert rows and all(
            {"name_fold": r["name_fold"], "name_key": r["name_key"]} == name_keys(r["name"]) for r in rows
        )
    assert await fill_name_keys(any_repo.store) == 0


async def test_wiping_a_database_in_batches(any_repo):
    await any_repo.apply(_everything())
    before = await any_repo.counts()
    deleted = await any_repo.wipe()
    assert deleted == sum(n for kind, n in before.items() if kind[0].isupper() and not kind.isupper()) > 0
    assert await any_repo.counts() == {}


# --- keep last: what the tests above sent to the stores --------------------------------------------

EXEMPT: dict[str, str] = {}
"""Named queries the contract suite may leave out, each with why (keep this short)."""


async def test_existing_looks_up_few_uids_and_scans_for_many(any_repo):
    """``existing`` asked about more uids than a label has nodes reads the label's uids instead of
    looking each one up: both ways give what plain Python gives."""
    teams = [m.Team(uid=f"t{i}", name=f"Team {i}", sector="health") for i in range(30)]
    await any_repo.apply(ChangeSet(nodes=teams, node_origins=[None] * len(teams)))
    few = ["t3", "t7", "nobody"]  # looked up
    many = [f"t{i}" for i in range(0, 60, 2)] + ["nobody"]  # more than the 30 stored: scanned
    assert await any_repo.existing(NodeLabel.TEAM, few) == {"t3", "t7"}
    assert await any_repo.existing(NodeLabel.TEAM, many) == {f"t{i}" for i in range(0, 30, 2)}
    assert await any_repo.existing(NodeLabel.TEAM, []) == set()


async def test_organisations_by_ods_code(any_repo):
    """Culture imports name NHS organisations by ODS code (issue 18): the trust, never the
    system that shares the code space, and nothing for an unknown code."""
    await any_repo.apply(small_system())
    rows = await any_repo.organisations_by_ods_code(["RAA", "QAA", "ZZZ"])
    assert rows == [{"ods_code": "RAA", "uid": "O2"}]


async def test_subgraph_fast_and_plain_forms_and_the_overview(any_repo):
    """The map's queries as its services send them: the fast subgraph forms (rank and cut, then
    join) give what the plain forms give, at every level, filtered or not; the system overview
    sums the team ties per pair of organisations; an organisation scope asks which waves have
    organisation ties of their own (issue 19, issue 21)."""
    from carenet.services import graphs, overview, subgraph

    await any_repo.apply(_everything())
    for level in subgraph.Level:
        for f in (
            subgraph.SubgraphFilter(level=level),
            subgraph.SubgraphFilter(level=level, search="a"),
            subgraph.SubgraphFilter(level=level, sectors=["health"]),
            subgraph.SubgraphFilter(level=level, wave=W1),
        ):
            for limit in (1, 3):  # 1: fewer nodes than have ties, so every node ranked in one read, then joined
                fast = await subgraph.subgraph(any_repo, filter=f, limit=limit)
                plain = await subgraph.subgraph(any_repo, filter=f, limit=limit, plain=True)
                assert fast == plain, (level, f, limit)
    # around a centre: its neighbourhood ranked, found by key (the fast form) or scanned (the plain one)
    centres = {subgraph.Level.TEAM: "a", subgraph.Level.ORGANISATION: "O1", subgraph.Level.PERSON: "p1"}
    for level, centre in centres.items():
        for f in (subgraph.SubgraphFilter(level=level), subgraph.SubgraphFilter(level=level, sectors=["health"])):
            for depth, limit in ((1, 2000), (2, 2000), (2, 2)):
                fast = await subgraph.subgraph(any_repo, filter=f, centre=centre, depth=depth, limit=limit)
                plain = await subgraph.subgraph(any_repo, filter=f, centre=centre, depth=depth, limit=limit, plain=True)
                assert fast == plain, (level, f, depth, limit)
                assert fast.total_nodes >= len(fast.nodes) and len(fast.nodes) <= limit, (level, f, depth)
    # the ties leaving a set: one form for a few nodes, another past FEW_TIES_OUT; the same rows
    from carenet.storage.access.drawing import FEW_TIES_OUT

    padding = [f"zz-{i}" for i in range(FEW_TIES_OUT)]  # no such nodes: the same ties, the other form
    for level, real in (("team", ["a", "b", "c", "d"]), ("organisation", ["O1", "O2"]), ("person", ["p1", "p2", "p3"])):
        for wave in ("", W1):
            few = sorted(await any_repo.drawing_ties(level, real, wave=wave), key=lambda r: r["uid"])
            many = sorted(await any_repo.drawing_ties(level, real + padding, wave=wave), key=lambda r: r["uid"])
            plain = sorted(await any_repo.drawing_ties(level, real, wave=wave, plain=True), key=lambda r: r["uid"])
            assert few == many and [r["uid"] for r in few] == [r["uid"] for r in plain], (level, wave)
            assert few or level == "organisation", (level, wave)
    around = await subgraph.subgraph(any_repo, filter=subgraph.SubgraphFilter(), centre="a", depth=2)
    assert {n.id for n in around.nodes} == {"a", "b", "c"} and around.total_nodes == 3  # c is two ties away
    every = await subgraph.subgraph(any_repo, filter=subgraph.SubgraphFilter(level=subgraph.Level.TEAM))
    assert {n.id for n in every.nodes} >= {"a", "b", "c"} and every.total_nodes == len(every.nodes)
    for wave in ("", W1):
        seen = await overview.system_overview(any_repo, wave=wave)
        assert {n.id for n in seen.nodes} == {"O1", "O2"}, wave
        # a scope reads its organisations' ties and counts only: the same figures for what it shows
        for scope in ({"place": "P1"}, {"system": "S"}, {"sectors": ["health", "social_care"]}):
            part = await overview.system_overview(any_repo, wave=wave, **scope)
            ids = {n.id for n in part.nodes}
            assert ids and ids <= {"O1", "O2"}, (wave, scope)
            whole = {n.id: (n.teams, n.inner_ties) for n in seen.nodes if n.id in ids}
            assert {n.id: (n.teams, n.inner_ties) for n in part.nodes} == whole, (wave, scope)
            assert part.edges == [e for e in seen.edges if e.source in ids and e.target in ids], (wave, scope)
    scope = await graphs.resolve(any_repo, graphs.Scope(level="organisation"))
    assert scope.waves is not None


def test_every_named_query_is_exercised_by_the_contract_suite(request):
    """Every named query ran in this module (issue 17): on LadybugDB always, so on Neo4j too wherever
    ``CARENET_TEST_NEO4J_URI`` is set. Fails on a query no contract test sends; skipped unless the
    whole module ran (a ``-k`` selection exercises only part of the registry)."""
    from carenet.storage.queries import REGISTRY

    here = request.node.originalname
    tests = {name for name, value in globals().items() if name.startswith("test_") and callable(value)} - {here}
    selected = {item.originalname for item in request.session.items if item.module is request.module}
    if not tests <= selected:
        pytest.skip("checks what the whole contract module exercised; run all of tests/storage/test_contract.py")
    assert set(EXEMPT) <= set(REGISTRY) and not set(EXEMPT) & EXERCISED  # no stale or needless exemption
    missing = sorted(set(REGISTRY) - EXERCISED - set(EXEMPT))
    assert missing == [], f"{len(missing)} named queries no contract test sends: {missing}"
