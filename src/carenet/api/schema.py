"""The GraphQL schema: queries, mutations, and the limits checked before anything executes."""

from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError, build_ast_schema, parse
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions.max_aliases import create_validator as max_aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as max_depth_rule
from strawberry.scalars import JSON
from strawberry.schema.config import StrawberryConfig
from strawberry.types import Info
from strawberry.types.execution import ExecutionResult, PreExecutionError

from carenet.api.aggregates import counts_field, leader_demographics_field
from carenet.api.analysis import analysis_field, pathways_field, report_field
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
from carenet.api.cost import ANALYTICS, Costs, SizeCache
from carenet.api.culture import culture_field
from carenet.api.enums import NodeLabelEnum
from carenet.api.errors import is_expected
from carenet.api.execution import LeafFastPath
from carenet.api.mutations import Mutation, export_person_field
from carenet.api.prepared import Documents, PreparedDocuments, operation_problem
from carenet.api.subgraph import subgraph_field, system_overview_field
from carenet.api.types import DEPRECATED, Node
from carenet.services import nodes

ANALYTICS_NAMES = tuple(sorted({name.removesuffix("Report") for name in ANALYTICS}))
MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type(description="Any node of the graph, by its carenet uid.")
class GraphNode:
    uid: strawberry.ID = strawberry.field(description="The node's uid.")
    label: str = strawberry.field(
        description="The node's label as a string (Team, Organisation, ...).",
        deprecation_reason=DEPRECATED + "use labelCode.",
    )
    name: str | None = strawberry.field(description="The node's name; null for a label without names.")
    properties: JSON = strawberry.field(
        description=(
            "Every stored property of the node (a culture indicator below the minimum responses: value held back)."
        )
    )

    @strawberry.field(description="What the node is (the NodeLabel enum, as in inputs).")
    def label_code(self) -> NodeLabelEnum:
        return NodeLabelEnum(self.label)


@strawberry.type(description="Reads. Each root field says which role it needs (docs/contracts.md, README: roles).")
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

    @strawberry.field(
        description="The node with this uid, of whatever kind; null when there is none. Analyst "
        "role; reading a person is audited."
    )
    async def node_by_uid(
        self,
        info: Info[Context, None],
        uid: Annotated[strawberry.ID, strawberry.argument(description="The node's uid (any label).")],
    ) -> GraphNode | None:
        info.context.principal.require(Role.ANALYST, "nodeByUid")
        found = await nodes.find_node(
            info.context.services.repo,
            uid=str(uid),
            culture_minimum=info.context.services.settings.culture_min_responses,
        )
        if found is None:
            return None
        if found.label == "Person" and info.context.audit is not None:
            await info.context.audit.record(info.context.principal, "read person", [found.uid], "ok")
        return GraphNode(uid=found.uid, label=found.label, name=found.name, properties=found.properties)


class CarenetSchema(strawberry.Schema):
    """Logs only the unexpected errors (the expected ones are the caller's business), refuses a
    bad ``operationName`` as a request error, counts the graph's sizes for an operation with
    analytics (its cost depends on them), and holds the caches of :mod:`carenet.api.prepared`
    and :mod:`carenet.api.cost` (one set per schema)."""

    def __init__(self, *args, documents: Documents, costs: Costs, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.documents = documents
        self.costs = costs
        costs.schema = self.cost_schema = build_ast_schema(parse(self.as_str()))
        """The schema's types and arguments for costing operations (:mod:`carenet.api.cost`)."""
        self.sizes = SizeCache()

    def process_errors(self, errors, execution_context=None) -> None:
        super().process_errors([e for e in errors if not is_expected(e)], execution_context)

    async def execute(
        self,
        query,
        variable_values=None,
        context_value=None,
        root_value=None,
        operation_name=None,
        allowed_operation_types=None,
        operation_extensions=None,
    ) -> ExecutionResult:
        if operation_name is not None and not isinstance(operation_name, str):
            return PreExecutionError(
                data=None, errors=[GraphQLError("operationName must be a string or null")], extensions={}
            )
        if (
            isinstance(context_value, Context)
            and context_value.graph_sizes is None
            and query
            and context_value.services is not None
            and any(name in query for name in ANALYTICS_NAMES)
        ):
            # a field's name is in the text wherever it is selected (aliases and fragments too)
            context_value.graph_sizes = await self.sizes.current(context_value.services)
        document = self.documents.parse(query) if isinstance(query, str) and query else None
        problem = operation_problem(document, operation_name) if document is not None else None
        if problem is not None:
            return PreExecutionError(data=None, errors=[GraphQLError(problem)], extensions={})
        return await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed_operation_types,
            operation_extensions,
        )


def build_schema(*, demo: bool = True) -> strawberry.Schema:
    """The schema; ``demo=False`` (production) turns off introspection and field suggestions.

    The depth and alias limits (and, in production, no introspection) are validation rules made
    once here, the same for every request, which the validation cache of
    :mod:`carenet.api.prepared` relies on.
    """
    rules = [max_depth_rule(MAX_DEPTH, None), max_aliases_rule(MAX_ALIASES)]
    if not demo:
        rules.append(NoSchemaIntrospectionCustomRule)
    documents = Documents(max_tokens=MAX_TOKENS)
    costs = Costs(schema=None)  # given the schema's cost schema once it is built
    return CarenetSchema(
        query=Query,
        mutation=Mutation,
        types=[Node],
        extensions=[lambda: PreparedDocuments(documents, rules, costs)],
        config=StrawberryConfig(disable_field_suggestions=not demo),
        documents=documents,
        costs=costs,
        execution_context_class=LeafFastPath,
    )
