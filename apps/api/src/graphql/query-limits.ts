import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Refused before any resolver runs: deep nesting, alias floods and cost bombs cost nothing but a parse. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 20, maxCost: 20_000 };
/** Caps a parse's token count (Apollo passes it to graphql-js), so a huge document fails fast. */
export const MAX_TOKENS = 4_000;
const DEFAULT_PAGE = 20;

function refuse(context: ValidationContext, message: string, code: string): void {
  context.reportError(new GraphQLError(message, { extensions: { code } }));
}

/**
 * A list field's multiplier: what it asks for with `first` (or the default page), else 1. A
 * connection's `edges` are the rows its parent already counted (first: 20 is 20 edges, not 20 × 20).
 */
function multiplier(field: FieldNode, parentMultiplier: number): number {
  if (field.name.value === 'edges' && parentMultiplier > 1) return 1;
  const first = field.arguments?.find((argument) => argument.name.value === 'first');
  if (!first) return field.name.value === 'edges' || field.name.value.endsWith('s') ? DEFAULT_PAGE : 1;
  return first.value.kind === Kind.INT ? Math.max(1, Number(first.value.value)) : DEFAULT_PAGE;
}

interface Measure {
  depth: number;
  cost: number;
}

function measure(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
  parentMultiplier = 1,
): Measure {
  if (!selectionSet) return { depth: 0, cost: 0 };
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection is off in production; where it is on, tools' standard query must pass.
      if (selection.name.value.startsWith('__')) continue;
      const times = multiplier(selection, parentMultiplier);
      const inner = measure(selection.selectionSet, fragments, visiting, times);
      depth = Math.max(depth, inner.depth + (selection.selectionSet ? 1 : 0));
      cost += 1 + times * inner.cost;
    } else {
      const nested =
        selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
      // Fragment cycles are graphql-js's own error; here they must only not recurse for ever.
      if (name && visiting.has(name)) continue;
      if (name) visiting.add(name);
      const inner = measure(nested, fragments, visiting, parentMultiplier);
      if (name) visiting.delete(name);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const aliasRule: ValidationRule = (context): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === limits.maxAliases + 1) {
          refuse(context, `查询中的别名过多（最多 ${limits.maxAliases} 个）`, 'QUERY_TOO_MANY_ALIASES');
        }
      },
    };
  };
  const shapeRule: ValidationRule = (context): ASTVisitor => ({
    Document(document) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const { depth, cost } = measure(definition.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) refuse(context, `查询嵌套过深（最多 ${limits.maxDepth} 层）`, 'QUERY_TOO_DEEP');
        if (cost > limits.maxCost) refuse(context, `查询代价过高（${cost} > ${limits.maxCost}）`, 'QUERY_TOO_COSTLY');
      }
    },
  });
  return [aliasRule, shapeRule];
}
