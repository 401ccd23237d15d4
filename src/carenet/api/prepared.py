"""Operations seen before go straight to execution.

strawberry's ``Schema.execute`` runs every request through its extension machinery: an execution
context, a runner with hooks for parsing and validation, the parser and validation caches, the
cost check. All of that depends on the query text alone, except the cost, which also depends on
the numeric variables. So once a query text (with its operation name) has passed, it is kept
here, parsed, with its operation type. The next request with that text has its operation type
checked against those allowed, its cost checked (the costs are cached, see
:mod:`carenet.api.cost`), and goes to graphql-core's ``execute`` with the schema's executor, as
strawberry would have sent it. Measured on the team query of ``benchmarks/api.py``, in process,
main-thread CPU a request: 3.46 ms through strawberry's ``execute`` against 2.73 ms through
graphql-core's alone (in alternation); in a later run, this path 2.96 ms, graphql-core's 2.64 ms.

A text that fails anything before execution (parse, token limit, validation, cost, operation
type) is never kept: it goes the whole way again. Results are strawberry's ``ExecutionResult``
(or ``PreExecutionError`` for a cost over budget), and unexpected errors are logged by the
schema's ``process_errors``, as before.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graphql import DocumentNode, GraphQLError, OperationDefinitionNode, execute, parse
from strawberry.execution import optimized_is_awaitable
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types.graphql import OperationType
from strawberry.utils.await_maybe import await_maybe
from strawberry.utils.operation import get_operation_type

from carenet.api.cost import check_cost


def operation_problem(document: DocumentNode, operation_name: str | None) -> str | None:
    """What is wrong with choosing ``operation_name`` in ``document`` (the GraphQL spec's
    GetOperation), or None. Checked on both pipelines, so a first request and its repeats agree:
    strawberry ran the first operation of a document with several and no name given, and raised
    on an unknown name (HTTP 500)."""
    names = [d.name.value if d.name else None for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        if len(names) > 1:
            return "Must provide operation name if query contains multiple operations."
        return None
    if operation_name not in names:
        return f"Unknown operation named '{operation_name}'."
    return None


@dataclass(frozen=True, slots=True)
class Prepared:
    document: DocumentNode
    operation_type: OperationType


class PreparedOperations:
    """The last ``maxsize`` query texts (with operation names) that passed everything before execution."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._kept: OrderedDict[tuple[str, str | None], Prepared] = OrderedDict()

    def get(self, query: str, operation_name: str | None) -> Prepared | None:
        key = (query, operation_name)
        prepared = self._kept.get(key)
        if prepared is not None:
            self._kept.move_to_end(key)
        return prepared

    def keep(self, query: str, operation_name: str | None) -> None:
        """Remember ``query`` once strawberry has run it through every check (so it parses)."""
        document = parse(query)
        try:
            operation_type = get_operation_type(document, operation_name)
        except RuntimeError:
            return
        self._kept[(query, operation_name)] = Prepared(document, operation_type)
        if len(self._kept) > self.maxsize:
            self._kept.popitem(last=False)


async def execute_prepared(
    schema: Any,
    prepared: Prepared,
    *,
    query: str,
    variable_values: dict[str, Any] | None,
    context_value: Any,
    operation_name: str | None,
    allowed_operation_types: Iterable[OperationType],
) -> ExecutionResult:
    """Run a kept operation (``schema`` is the strawberry schema) as strawberry's ``execute`` would."""
    if prepared.operation_type not in allowed_operation_types:
        raise InvalidOperationTypeError(prepared.operation_type)
    error = check_cost(schema, prepared.document, query, variable_values, operation_name, context_value)
    if error is not None:
        errors: list[GraphQLError] = [error]
        schema._process_errors(errors)
        return PreExecutionError(data=None, errors=errors, extensions={})
    try:
        result = await await_maybe(
            execute(
                schema._schema,
                prepared.document,
                variable_values=variable_values,
                operation_name=operation_name,
                context_value=context_value,
                is_awaitable=optimized_is_awaitable,
                executor_class=schema.execution_context_class,
            )
        )
    except Exception as exc:  # noqa: BLE001 - strawberry reports these as errors too
        error = exc if isinstance(exc, GraphQLError) else GraphQLError(str(exc), original_error=exc)
        schema._process_errors([error])
        return PreExecutionError(data=None, errors=[error], extensions={})
    if result.errors:
        schema._process_errors(result.errors)
    return ExecutionResult(data=result.data, errors=result.errors, extensions={})
