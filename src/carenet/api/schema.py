"""The GraphQL schema: queries, mutations, and the limits checked before anything executes."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError, build_ast_schema, parse
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule
from strawberry.schema.config import StrawberryConfig
from strawberry.scalars import JSON
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.types import Info

from carenet.api.analysis import analysis_field, pathways_field, report_field
from carenet.api.aggregates import counts_field, leader_demographics_field
from carenet.api.culture import culture_field
from carenet.api.auth import Role
from carenet.api.connections import (
    organisations_field,
    people_field,
    places_field,
    resolve_node,
    systems_field,
    teams_field,
)
from carenet.api.context import Context
from carenet.api.cost import ANALYTICS, CachedValidation, CostLimiter, SizeCache
from carenet.api.errors import is_expected
from carenet.api.execution import LeafFastPath
from carenet.api.mutations import Mutation, export_person_field
from carenet.api.prepared import PreparedOperations, execute_prepared, operation_problem
from carenet.api.subgraph import subgraph_field, system_overview_field
from carenet.api.types import Node
from carenet.services import nodes

ANALYTICS_NAMES = tuple(sorted({name.removesuffix("Report") for name in ANALYTICS}))
MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type(description="Any node of the graph, by its carenet uid.")
class GraphNode:
    uid: strawberry.ID
    label: str
    name: str | None
    properties: JSON


@strawberry.type
class Query:
    subgraph = subgraph_field
    system_overview = system_overview_field
    teams = teams_field
    organisations = organisations_field
    people = people_field
    places = places_field
    systems = systems_field
    node = strawberry.field(resolver=resolve_node, description="Any node by its global id (Relay).")
    analysis = analysis_field
    pathways = pathways_field
    analysis_report = report_field
    culture = culture_field
    counts = counts_field
    leader_demographics = leader_demographics_field
    export_person = export_person_field

    @strawberry.field(description="The node with this uid, of whatever kind; null when there is none.")
    async def node_by_uid(self, info: Info[Context, None], uid: strawberry.ID) -> GraphNode | None:
        info.context.principal.require(Role.ANALYST, "nodeByUid")
        found = await nodes.find_node(info.context.services.repo, uid=str(uid),
                                      culture_minimum=info.context.services.settings.culture_min_responses)
        if found is None:
            return None
        if found.label == "Person" and info.context.audit is not None:
            await info.context.audit.record(info.context.principal, "read person", [found.uid], "ok")
        return GraphNode(uid=found.uid, label=found.label, name=found.name, properties=found.properties)


class CarenetSchema(strawberry.Schema):
    """Logs only the unexpected errors (the expected ones are the caller's business), and runs a
    query text it has seen pass every check straight to execution (:mod:`carenet.api.prepared`)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.prepared = PreparedOperations()
        self.cost_schema = build_ast_schema(parse(self.as_str()))
        """The schema's types and arguments for costing operations (:mod:`carenet.api.cost`)."""
        self.sizes = SizeCache()

    def process_errors(self, errors, execution_context=None) -> None:
        super().process_errors([e for e in errors if not is_expected(e)], execution_context)

    async def execute(self, query, variable_values=None, context_value=None, root_value=None, operation_name=None,
                      allowed_operation_types=None, operation_extensions=None) -> ExecutionResult:
        allowed = DEFAULT_ALLOWED_OPERATION_TYPES if allowed_operation_types is None else allowed_operation_types
        if operation_name is not None and not isinstance(operation_name, str):
            return PreExecutionError(data=None, errors=[GraphQLError("operationName must be a string or null")], extensions={})
        plain = query and root_value is None and operation_extensions is None
        if (isinstance(context_value, Context) and context_value.graph_sizes is None and query
                and context_value.services is not None and any(name in query for name in ANALYTICS_NAMES)):
            # a field's name is in the text wherever it is selected (aliases and fragments too)
            context_value.graph_sizes = await self.sizes.current(context_value.services)
        prepared = self.prepared.get(query, operation_name) if plain else None
        try:
            document = prepared.document if prepared is not None else (parse(query) if query else None)
        except GraphQLError:
            document = None  # a syntax error: strawberry reports it below
        problem = operation_problem(document, operation_name) if document is not None else None
        if problem is not None:
            return PreExecutionError(data=None, errors=[GraphQLError(problem)], extensions={})
        if prepared is not None:
            return await execute_prepared(self, prepared, query=query, variable_values=variable_values,
                                          context_value=context_value, operation_name=operation_name,
                                          allowed_operation_types=allowed)
        result = await super().execute(query, variable_values, context_value, root_value, operation_name,
                                       allowed, operation_extensions)
        if plain and not isinstance(result, PreExecutionError):
            self.prepared.keep(query, operation_name)
        return result


def build_schema(*, demo: bool = True) -> strawberry.Schema:
    """The schema; ``demo=False`` (production) turns off introspection and field suggestions.

    The depth and alias limits (and, in production, no introspection) are validation rules made
    once here, the same classes for every request, which :class:`CachedValidation` relies on.
    strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` would make them anew per request.
    """
    rules = [max_depth_rule(MAX_DEPTH, None), max_aliases_rule(MAX_ALIASES)]
    if not demo:
        rules.append(NoSchemaIntrospectionCustomRule)
    extensions: list = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules(rules),
        lambda: ParserCache(maxsize=512),
        CachedValidation,
        CostLimiter,  # after the validation cache: the cost depends on each request's variables
    ]
    return CarenetSchema(
        query=Query,
        mutation=Mutation,
        types=[Node],
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not demo),
        execution_context_class=LeafFastPath,
    )
