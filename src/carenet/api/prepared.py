"""Documents seen before: parsed and validated once, through strawberry's extension hooks.

Every request goes through strawberry's ``Schema.execute``, the first with a query text and its
repeats alike. :class:`PreparedDocuments` is one schema extension (instead of five: a token
limit, a parser cache, added validation rules, a validation cache and the cost check) that

- on parse: gives strawberry the document kept for the query text (parsed once, with the token
  limit); a text that does not parse is not kept, and strawberry parses it itself (with the token
  limit in its parse options), reporting the error as it always does;
- on validate: gives strawberry the validation errors kept for the query text (none, for a good
  one), or else adds the schema's own rules and lets strawberry validate, keeping what it found;
- on execute (so after validation passed): gives the old spellings of vocabulary values in a
  mutation's variables their enum names (:mod:`carenet.api.spellings`, for one release; they come
  back in the response's ``extensions.deprecations``), then checks the operation's cost (:mod:`carenet.api.cost`,
  which keeps costs per query text and the variables the cost reads); over the budget, the
  operation's result is a :class:`PreExecutionError` and it never runs (strawberry's documented
  way for an extension to answer instead of execution: ``execution_context.result``).

Validation depends on the document and the rules alone, and the rules are made once per schema
(:func:`carenet.api.schema.build_schema`), so the query text is key enough. The maps are ours,
one :class:`Documents` per schema; nothing is stored on strawberry's or graphql-core's objects.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any

from graphql import DocumentNode, GraphQLError, OperationDefinitionNode, parse
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import PreExecutionError

from carenet.api.cost import Costs, check_cost
from carenet.api.spellings import respell


def operation_problem(document: DocumentNode, operation_name: str | None) -> str | None:
    """What is wrong with choosing ``operation_name`` in ``document`` (the GraphQL spec's
    GetOperation), or None. strawberry ran the first operation of a document with several and no
    name given, and raised on an unknown name (HTTP 500)."""
    names = [d.name.value if d.name else None for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        if len(names) > 1:
            return "Must provide operation name if query contains multiple operations."
        return None
    if operation_name not in names:
        return f"Unknown operation named '{operation_name}'."
    return None


class Documents:
    """The last ``maxsize`` query texts that parsed (with at most ``max_tokens`` tokens), their
    documents, and the validation errors strawberry found in each (an empty tuple: valid)."""

    def __init__(self, *, max_tokens: int, maxsize: int = 512) -> None:
        self.max_tokens = max_tokens
        self.maxsize = maxsize
        self.parsed: OrderedDict[str, DocumentNode] = OrderedDict()
        self.validated: OrderedDict[str, tuple[GraphQLError, ...]] = OrderedDict()

    def parse(self, query: str) -> DocumentNode | None:
        """The document of ``query``, parsed once; None when it does not parse (not kept)."""
        document = self.parsed.get(query)
        if document is not None:
            self.parsed.move_to_end(query)
            return document
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError:
            return None
        self._keep(self.parsed, query, document)
        return document

    def validation(self, query: str) -> tuple[GraphQLError, ...] | None:
        """The validation errors kept for ``query``, or None when it was not validated (or was forgotten)."""
        errors = self.validated.get(query)
        if errors is not None:
            self.validated.move_to_end(query)
        return errors

    def keep_validation(self, query: str, errors: Sequence[GraphQLError]) -> None:
        self._keep(self.validated, query, tuple(errors))

    def _keep(self, kept: OrderedDict, key: str, value: Any) -> None:
        kept[key] = value
        if len(kept) > self.maxsize:
            kept.popitem(last=False)


class PreparedDocuments(SchemaExtension):
    """See the module. Made per request (strawberry's factory pattern) around the schema's own
    :class:`Documents`, validation ``rules`` and :class:`~carenet.api.cost.Costs`."""

    def __init__(self, documents: Documents, rules: Sequence[Any], costs: Costs) -> None:
        super().__init__()
        self.documents = documents
        self.rules = tuple(rules)
        self.costs = costs
        self.respelled: list[dict[str, str]] = []

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        document = self.documents.parse(ctx.query) if ctx.query else None
        if document is not None:
            ctx.graphql_document = document
        else:
            ctx.parse_options["max_tokens"] = self.documents.max_tokens  # strawberry parses, and reports the error
        yield

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        query = ctx.query
        kept = self.documents.validation(query) if query and ctx.pre_execution_errors is None else None
        if kept is not None:
            ctx.pre_execution_errors = list(kept)  # strawberry validates only when this is None
            yield
            return
        ctx.validation_rules = (*ctx.validation_rules, *self.rules)
        yield
        if query and ctx.pre_execution_errors is not None and ctx.graphql_document is self.documents.parsed.get(query):
            self.documents.keep_validation(query, ctx.pre_execution_errors)

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.variables and self.costs.schema is not None:
            ctx.variables, self.respelled = respell(
                self.costs.schema, ctx.graphql_document, ctx.operation_name, ctx.variables
            )
        if ctx.graphql_document is not None:
            error = check_cost(
                self.costs, ctx.graphql_document, ctx.query, ctx.variables, ctx.operation_name, ctx.context
            )
            if error is not None:
                ctx.result = PreExecutionError(data=None, errors=[error])  # strawberry skips execution
        yield

    def get_results(self) -> dict[str, Any]:
        """``deprecations``: the old spellings respelled in this mutation's variables (none: nothing)."""
        return {"deprecations": self.respelled} if self.respelled else {}
