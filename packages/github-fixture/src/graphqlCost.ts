import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
  GraphQLCompositeType,
} from 'graphql';

/** The most `first`/`last` GitHub accepts on a connection. */
const MAX_PAGE = 100;
/** The most nodes GitHub lets one query ask for. */
const MAX_NODES = 500_000;

/** What a query costs by GitHub's published rules. */
export type GraphqlQueryCost = {
  /** Rate-limit points: the requests needed for every connection, ÷ 100, rounded, at least 1. */
  points: number;
  /** The requests behind `points`, before dividing. */
  requests: number;
  /** Nodes the query may return (GitHub's node limit is 500,000). */
  nodes: number;
  /** Whether `rateLimit(dryRun: true)` asked to be charged nothing. */
  dryRun: boolean;
  /** Node-limit violations, as GitHub words them. */
  errors: GraphQLError[];
};

function isConnection(field: FieldNode, typeName: string): boolean {
  return typeName.endsWith('Connection') && field.name.value !== 'node';
}

/**
 * The cost of an already validated query, as GitHub documents it: for each
 * connection, one request per page of every enclosing connection (the
 * product of their `first`/`last`); the sum divided by 100 and rounded, at
 * least 1. A connection that selects `nodes` or `edges` must say `first` or
 * `last` (1–100); one that only asks `totalCount` need not.
 */
export function graphqlQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): GraphqlQueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push(definition);
    }
  }
  const operation = operationName
    ? operations.find(op => op.name?.value === operationName)
    : operations[0];
  const result: GraphqlQueryCost = {
    points: 1,
    requests: 0,
    nodes: 0,
    dryRun: false,
    errors: [],
  };
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) {
    return result;
  }

  const visit = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    multiplier: number,
    seen: ReadonlySet<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parentType;
        if (type && isCompositeType(type)) {
          visit(selection.selectionSet, type, multiplier, seen);
        }
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const type =
          fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type) && !seen.has(name)) {
          visit(
            fragment.selectionSet,
            type,
            multiplier,
            new Set([...seen, name]),
          );
        }
        continue;
      }
      if (!isObjectType(parentType) && !isInterfaceType(parentType)) {
        continue;
      }
      const definition = parentType.getFields()[selection.name.value];
      if (!definition) {
        continue;
      }
      const args: Record<string, unknown> = {};
      for (const arg of selection.arguments ?? []) {
        const argDefinition = definition.args.find(
          a => a.name === arg.name.value,
        );
        if (argDefinition) {
          args[arg.name.value] = valueFromAST(
            arg.value,
            argDefinition.type,
            variables,
          );
        }
      }
      if (selection.name.value === 'rateLimit' && args.dryRun === true) {
        result.dryRun = true;
      }
      const type = getNamedType(definition.type);
      if (!selection.selectionSet || !isCompositeType(type)) {
        continue;
      }
      if (!isConnection(selection, type.name)) {
        visit(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      const page = (args.first ?? args.last) as number | null | undefined;
      const listsItems = selection.selectionSet.selections.some(
        s => s.kind === Kind.FIELD && ['nodes', 'edges'].includes(s.name.value),
      );
      const connection = selection.alias?.value ?? selection.name.value;
      if (typeof page !== 'number') {
        if (listsItems) {
          result.errors.push(
            new GraphQLError(
              `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
              { nodes: selection },
            ),
          );
        }
      } else if (page < 1 || page > MAX_PAGE) {
        result.errors.push(
          new GraphQLError(
            `Requesting ${page} records on the \`${connection}\` connection exceeds the \`${
              args.first !== undefined && args.first !== null ? 'first' : 'last'
            }\` limit of ${MAX_PAGE} records.`,
            { nodes: selection },
          ),
        );
      }
      result.requests += multiplier;
      const inner = multiplier * (typeof page === 'number' ? page : 1);
      result.nodes += typeof page === 'number' ? inner : 0;
      visit(selection.selectionSet, type, inner, seen);
    }
  };

  visit(operation.selectionSet, root, 1, new Set());
  if (result.nodes > MAX_NODES) {
    result.errors.push(
      new GraphQLError(
        `By the time this query traverses to the nodes connection, it is requesting up to ${result.nodes} possible nodes which exceeds the maximum limit of ${MAX_NODES}.`,
      ),
    );
  }
  result.points = Math.max(1, Math.round(result.requests / 100));
  return result;
}
