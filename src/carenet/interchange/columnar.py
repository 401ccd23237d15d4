"""Template CSVs read a column at a time: the fast path for the files that hold most rows.

The row-by-row reader (:mod:`carenet.interchange.records`) turns each row into a model, a large
part of the 42-system import's time (``benchmarks/interchange.py`` measures the import,
``benchmarks/import_latency.py`` an upload read each way). For the kinds that hold most of the rows
(teams, people, memberships, collaborations, person ties, person capabilities, seats), this module
reads the file with pyarrow's CSV reader and checks each column with Arrow compute kernels.

This is a fast path only. Either it vouches for every row of a file, or it returns nothing
and the row-by-row reader reads the file, finding every problem and placing it as
``file:line:column``. Each rule here is at least as strict as the model it stands in for. A
value the rule does not accept (an odd date, a number with ``_``, a name ending in a
non-breaking space it cannot trim) sends the file to the models. So a file accepted here
gives the rows the models would give: ``tests/interchange/test_columnar.py`` compares the two
paths on every kind here, with edge cases.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from carenet.domain import models as m
from carenet.interchange import rules
from carenet.interchange.formulas import RESTORE_PATTERN
from carenet.interchange.kinds import Column, kind_for_header, kind_for_name, normalise_header
from carenet.interchange.rules import Rule

_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_INT = r"^-?(?:0|[1-9][0-9]{0,17})$"
_FLOAT = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$"
_TRUE = ("true", "yes", "y", "1")
_FALSE = ("false", "no", "n", "0")


class _Doubt(Exception):
    """A value this path does not vouch for: the file goes to the row-by-row reader."""


@dataclass(frozen=True)
class Frame:
    """Rows of one model class as an Arrow table: a column per model field given (a field
    with no column takes the model's default when written)."""

    model: type[m.Node] | type[m.Relationship]
    table: pa.Table
    source: str
    labels: tuple[str | None, str | None] = (None, None)
    """A relationship's source and target labels, where the file fixes them."""


@dataclass(frozen=True)
class _Fast:
    """How the rows of one kind become frames: ``fields`` names the model field each column fills
    (its checks are that field's :func:`~carenet.interchange.rules.rule`); ``links`` are the columns
    that make relationships, where an empty cell means no relationship; ``build`` turns the checked
    columns into frames."""

    build: Callable[[dict[str, pa.Array], str], list[Frame]]
    fields: dict[str, tuple[type[m.Node] | type[m.Relationship], str]]
    links: tuple[str, ...] = ()

    def rule(self, column: Column) -> Rule | None:
        found = self.fields.get(column.name)
        return rules.rule(*found) if found else None


def read_columnar(path: Path, data: bytes) -> tuple[list[Frame], int] | None:
    """The frames of a template CSV and its number of rows, or None when this path cannot
    vouch for the file (it is then read row by row)."""
    try:
        end = data.find(b"\n")
        header = next(csv.reader([data[: end if end >= 0 else len(data)].decode("utf-8-sig").rstrip("\r")]))
    except (UnicodeDecodeError, StopIteration, csv.Error):
        return None
    names = [normalise_header(n) for n in header]
    kind = kind_for_name(path.stem) or kind_for_header(names)
    fast = FAST.get(kind.name) if kind else None
    if (
        fast is None
        or len(set(names)) != len(names)
        or not set(names) <= set(kind.names)
        or not set(kind.required) <= set(names)
    ):
        return None
    try:
        table = pcsv.read_csv(
            io.BytesIO(data),
            read_options=pcsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        if table.num_rows == 0:
            return [], 0
        cells = {name: _strip(col.combine_chunks()) for name, col in zip(names, table.columns)}
        keep = _data_rows(cells, names[0])
        if not pc.all(keep).as_py():
            cells = {name: col.filter(keep) for name, col in cells.items()}
        rows = len(cells[names[0]])
        if not rows:
            return [], 0
        values = {
            name: _convert(kind.column(name), fast.rule(kind.column(name)), cells[name], name in fast.links)
            for name in names
        }
        return fast.build(values, path.name), rows
    except (_Doubt, pa.ArrowInvalid):
        return None


def _strip(col: pa.Array) -> pa.Array:
    """``str.strip()`` of every cell. Arrow's trim removes a subset of what ``str.strip()``
    removes (Python's whitespace adds general category Zs to bidi classes WS, B and S), so a
    trimmed cell that starts and ends with printable ASCII is what ``str.strip()`` gives; any
    other non-empty cell is stripped by Python."""
    out = pc.utf8_trim_whitespace(col)
    ends = [pc.utf8_slice_codeunits(out, 0, 1), pc.utf8_slice_codeunits(out, -1, 1 << 30)]
    odd = None
    for end in ends:
        bad = pc.or_(pc.less(end, "!"), pc.greater(end, "~"))
        odd = bad if odd is None else pc.or_(odd, bad)
    odd = pc.and_(odd, pc.greater(pc.binary_length(out), 0))
    if pc.any(odd).as_py():
        fixed = [text.strip() for text in col.filter(odd).to_pylist()]
        out = pc.replace_with_mask(out, odd, pa.array(fixed, pa.string()))
    return out


def _data_rows(cells: dict[str, pa.Array], first: str) -> pa.Array:
    """Rows that are neither empty nor a ``#`` note (the row-by-row reader skips both)."""
    blank = None
    for col in cells.values():
        empty = pc.equal(pc.binary_length(col), 0)
        blank = empty if blank is None else pc.and_(blank, empty)
    note = pc.starts_with(cells[first], pattern="#")
    return pc.invert(pc.or_(blank, note))


def _check(ok: pa.Array, given: pa.Array | None = None) -> None:
    """Doubt unless ``ok`` holds on every row (where ``given``, when given); null is fine."""
    if given is not None:
        ok = pc.or_(pc.invert(given), ok)
    if not pc.all(pc.fill_null(ok, True)).as_py():
        raise _Doubt


def _convert(column: Column, rule: Rule | None, text: pa.Array, link: bool) -> pa.Array:
    """One column's values (null where empty), checked by the rule of the model field it fills
    (by the column's own list of values where it fills none), or :class:`_Doubt`."""
    given = pc.greater(pc.binary_length(text), 0)
    if column.required or (rule is not None and rule.required and not link):
        _check(given)
    text = pc.if_else(given, text, pa.scalar(None, pa.string()))
    if column.type == "text":  # the row path restores a text cell an export quoted: row by row
        _check(pc.invert(pc.match_substring_regex(text, pattern=RESTORE_PATTERN)))
    if rule is None:
        if not column.allowed:
            raise _Doubt  # a column this path has no rule for
        _check(pc.is_in(text, value_set=pa.array(column.allowed, pa.string())), given)
        return text
    if rule.many or column.type == "uids":
        return _many(rule, text)
    kind = rule.type
    if kind == "enum":
        _check(pc.is_in(text, value_set=pa.array(rule.allowed, pa.string())), given)
        return text
    if kind == "date":
        _check(pc.match_substring_regex(text, pattern=_DATE))
        parsed = pc.strptime(text, format="%Y-%m-%d", unit="s", error_is_null=True)
        _check(pc.or_(pc.invert(given), pc.is_valid(parsed)))
        # strptime rolls 2025-02-30 over to 2025-03-02: a real date reads back as written
        _check(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text))
        dates = pc.cast(parsed, pa.date32())
        _check(pc.greater_equal(pc.year(dates), 1))
        return dates
    if kind == "bool":
        lower = pc.utf8_lower(text)
        yes = pc.is_in(lower, value_set=pa.array(_TRUE))
        _check(pc.or_(yes, pc.is_in(lower, value_set=pa.array(_FALSE))), given)
        return pc.if_else(given, yes, pa.scalar(None, pa.bool_()))
    if kind in ("int", "float"):
        _check(pc.match_substring_regex(text, pattern=_INT if kind == "int" else _FLOAT))
        numbers = pc.cast(text, pa.int64() if kind == "int" else pa.float64())
        _bounds(numbers, rule.ge, rule.gt, rule.le, rule.lt)
        return numbers
    if kind == "text":
        text = _text(rule, text)
        _bounds(pc.utf8_length(text), rule.min_length, None, rule.max_length, None)
        return text
    raise _Doubt  # a field type this path does not know


def _text(rule: Rule, text: pa.Array) -> pa.Array:
    """Text in the rule's case, matching its pattern."""
    if rule.case:
        text = pc.utf8_upper(text) if rule.case == "upper" else pc.utf8_lower(text)
    if rule.pattern is not None:
        _check(pc.match_substring_regex(text, pattern=rule.pattern))
    return text


def _bounds(values: pa.Array, ge: float | None, gt: float | None, le: float | None, lt: float | None) -> None:
    for bound, test in ((ge, pc.greater_equal), (gt, pc.greater), (le, pc.less_equal), (lt, pc.less)):
        if bound is not None:
            _check(test(values, bound))


def _many(rule: Rule, text: pa.Array) -> pa.Array:
    """A ``;`` list: of enum values (every part one of them), or of texts (empty parts are
    dropped when the links are made)."""
    if rule.type == "enum":
        allowed = "|".join(re.escape(value) for value in rule.allowed)
        _check(pc.match_substring_regex(text, pattern=rf"^(?:{allowed})(?:[ \t]*;[ \t]*(?:{allowed}))*$"))
        lists = pc.split_pattern(pc.replace_substring_regex(text, pattern=r"[ \t]+", replacement=""), pattern=";")
        _bounds(pc.list_value_length(lists), rule.min_length, None, rule.max_length, None)
        return lists
    if rule.type != "text":
        raise _Doubt
    lists = pc.split_pattern(text, pattern=";")
    parts = _strip(pc.list_flatten(lists))
    empty = pc.equal(pc.binary_length(parts), 0)
    checked = _text(rule, pc.if_else(empty, pa.scalar(None, pa.string()), parts))  # null: not checked
    _bounds(pc.utf8_length(checked), rule.min_length, None, rule.max_length, None)
    parts = pc.coalesce(checked, parts)
    return pa.ListArray.from_arrays(lists.offsets, parts, mask=pc.is_null(lists))


# --- from columns to frames -------------------------------------------------------------------


def _table(values: dict[str, pa.Array], fields: dict[str, str]) -> pa.Table:
    """The columns given as a table of model fields (``fields``: model field -> column)."""
    return pa.table({f: values[c] for f, c in fields.items() if c in values})


def _frame(
    model: type[m.Node] | type[m.Relationship],
    table: pa.Table,
    source: str,
    labels: tuple[str | None, str | None] = (None, None),
) -> Frame:
    """``table`` with the model's defaults where a value is not given, as the model would have them."""
    for name, info in model.model_fields.items():
        if info.is_required():
            continue
        default = info.get_default(call_default_factory=True)
        if default is None or isinstance(default, list):
            continue
        default = getattr(default, "value", default)  # an enum member: its value
        if name in table.column_names:
            column = pc.fill_null(table[name], pa.scalar(default, table.schema.field(name).type))
            table = table.set_column(table.column_names.index(name), name, column)
        else:
            table = table.append_column(name, pa.array([default] * table.num_rows))
    return Frame(model, table, source, labels)


def _ordered(table: pa.Table) -> None:
    """``Dated``: until must not be before since."""
    if "since" in table.column_names and "until" in table.column_names:
        _check(pc.greater_equal(table["until"], table["since"]))


def _rel_uids(table: pa.Table, model: type[m.Relationship]) -> pa.Table:
    """Relationship uids: the ones given (checked), the model's key for the rest."""
    parts = [pa.scalar(f"{model.type}:"), table["source"], pa.scalar(">"), table["target"]]
    if "wave" in model.model_fields:
        parts += [pa.scalar("@"), table["wave"]]
    key = pc.binary_join_element_wise(*parts, "")
    if "uid" not in table.column_names:
        return table.append_column("uid", key)
    return table.set_column(table.column_names.index("uid"), "uid", pc.coalesce(table["uid"], key))


def _relationship(
    model: type[m.Relationship], fields: dict[str, str]
) -> Callable[[dict[str, pa.Array], str], list[Frame]]:
    def build(values: dict[str, pa.Array], source: str) -> list[Frame]:
        table = _table(values, fields)
        _ordered(table)
        if issubclass(model, m.Tie):  # a tie joins two different ends
            _check(pc.not_equal(table["source"], table["target"]))
        if model is m.CollaboratesWith:
            table = _partner_scores(table)
        return [_frame(model, _rel_uids(table, model), source)]

    return build


_SELF = {
    f: f
    for f in (
        "uid",
        "source",
        "target",
        "kinds",
        "frequency",
        "trust",
        "value",
        "wave",
        "since",
        "until",
        "role",
        "level",
        "name",
        "staff_group",
        "band",
        "clinical",
        *m.TRUST_ITEMS,
        *m.VALUE_ITEMS,
    )
}


def _partner_scores(table: pa.Table) -> pa.Table:
    """``CollaboratesWith``'s rule on PARTNER's sub-items: three or none per group, the score their
    mean, and a score given beside them must agree (else doubt: the models place the problem)."""
    for score, items in (("trust", m.TRUST_ITEMS), ("value", m.VALUE_ITEMS)):
        present = [table[n] for n in items if n in table.column_names]
        if not present:
            continue
        given = [pc.cast(pc.is_valid(col), pa.int8()) for col in present]
        count = given[0]
        for more in given[1:]:
            count = pc.add(count, more)
        _check(pc.or_(pc.equal(count, 0), pc.equal(count, 3)))
        if len(present) < 3:  # a group with a column missing can only be empty here
            continue
        total = pc.add(
            pc.add(pc.cast(present[0], pa.float64()), pc.cast(present[1], pa.float64())),
            pc.cast(present[2], pa.float64()),
        )
        mean = pc.divide(total, 3.0)  # what the model computes: sum(items) / 3
        if score in table.column_names:
            _check(pc.less(pc.abs(pc.subtract(table[score], mean)), m.ITEM_TOLERANCE))
            table = table.set_column(table.column_names.index(score), score, pc.coalesce(mean, table[score]))
        else:
            table = table.append_column(score, mean)
    return table


def _links(
    model: type[m.Relationship],
    sources: pa.Array,
    targets: pa.Array,
    source: str,
    labels: tuple[str | None, str | None] = (None, None),
) -> list[Frame]:
    """One ``model`` relationship from each row's uid to each uid of its list (or single uid)."""
    if pa.types.is_list(targets.type):
        rows = pc.list_parent_indices(targets)
        targets = pc.list_flatten(targets)
        sources = sources.take(rows)
    table = pa.table({"source": sources, "target": targets})
    table = table.filter(pc.greater(pc.fill_null(pc.binary_length(targets), 0), 0))
    return [_frame(model, _rel_uids(table, model), source, labels)] if table.num_rows else []


def _teams(values: dict[str, pa.Array], source: str) -> list[Frame]:
    """Teams, each part of its organisation and serving its places or neighbourhoods."""
    out = [_frame(m.Team, _table(values, {f: f for f in ("uid", "name", "service", "sector")}), source)]
    if "organisation" in values:
        out += _links(m.PartOf, values["uid"], values["organisation"], source, ("Team", "Organisation"))
    if "serves" in values:
        out += _links(m.Serves, values["uid"], values["serves"], source)
    return out


def _memberships(values: dict[str, pa.Array], source: str) -> list[Frame]:
    """``member_of`` rows (the default) and ``leads`` rows; a role is kept for member_of only."""
    fields = {"source": "person", "target": "target", "since": "since", "until": "until"}
    table = _table(values, {**fields, "role": "role"})
    _ordered(table)
    relationship = values.get("relationship")
    leads = (
        pc.fill_null(pc.equal(relationship, "leads"), False)
        if relationship is not None
        else pa.array([False] * table.num_rows)
    )
    out = []
    member_of = table.filter(pc.invert(leads))
    if member_of.num_rows:
        out.append(_frame(m.MemberOf, _rel_uids(member_of, m.MemberOf), source))
    led = table.filter(leads)
    if led.num_rows:
        led = led.drop_columns([c for c in ("role",) if c in led.column_names])
        out.append(_frame(m.Leads, _rel_uids(led, m.Leads), source))
    return out


def _people(values: dict[str, pa.Array], source: str) -> list[Frame]:
    """People, and apart from them the special-category values of those who have any."""
    people = _table(values, {f: f for f in ("uid", "name", "role", "level", "staff_group", "band", "clinical")})
    out = [_frame(m.Person, people, source)]
    special = {f: values[f] for f in ("ethnic_category", "sex") if f in values}
    if special:
        given = None
        for col in special.values():
            has = pc.is_valid(col)
            given = has if given is None else pc.or_(given, has)
        if pc.any(given).as_py():
            demographic = pa.table({"uid": values["uid"], **special}).filter(given)
            uids = demographic["uid"]
            describes = pa.table({"source": uids, "target": uids})
            out.append(_frame(m.Demographic, demographic, source))
            out.append(_frame(m.Describes, _rel_uids(describes, m.Describes), source, ("Demographic", "Person")))
    return out


def _of(model: type[m.Node] | type[m.Relationship], *names: str, **columns: str) -> dict[str, tuple]:
    """Columns named like ``model``'s fields (``names``) and others (``column=field``)."""
    return {**{n: (model, n) for n in names}, **{c: (model, f) for c, f in columns.items()}}


_DATED = ("since", "until")
FAST: dict[str, _Fast] = {
    "teams": _Fast(
        _teams,
        {
            **_of(m.Team, "uid", "name", "service", "sector"),
            **_of(m.PartOf, organisation="target"),
            **_of(m.Serves, serves="target"),
        },
        links=("organisation", "serves"),
    ),
    "people": _Fast(
        _people,
        {
            **_of(m.Person, "uid", "name", "role", "level", "staff_group", "band", "clinical"),
            **_of(m.Demographic, "ethnic_category", "sex"),
        },
    ),
    "memberships": _Fast(_memberships, _of(m.MemberOf, "target", "role", *_DATED, person="source")),
    "collaborations": _Fast(
        _relationship(m.CollaboratesWith, _SELF),
        _of(m.CollaboratesWith, *(n for n in m.CollaboratesWith.model_fields if n in _SELF)),
    ),
    "person_ties": _Fast(
        _relationship(m.WorksWith, _SELF), _of(m.WorksWith, *(n for n in m.WorksWith.model_fields if n in _SELF))
    ),
    "seats": _Fast(
        _relationship(m.SitsOn, {**_SELF, "source": "member", "target": "forum"}),
        _of(m.SitsOn, "role", *_DATED, member="source", forum="target"),
    ),
    "person_capabilities": _Fast(
        _relationship(m.HasCapability, {**_SELF, "source": "person", "target": "capability"}),
        _of(m.HasCapability, "level", person="source", capability="target"),
    ),
}
"""The kinds read here, by template name (every other kind is read row by row), and the model
field each column fills."""
