import { rulesToAST } from '@casl/ability/extra';
import type { AppAbility } from './ability';
import type { AppAction } from './actions';
import type { AppSubjectType } from './subjects';

export interface SqlWhere {
  /** A boolean SQL expression, safe to put after WHERE, AND or inside coalesce(…). */
  sql: string;
  /** Values for its placeholders, in order from the first index asked for. */
  params: unknown[];
}

/** A rule reads a field the caller gave no column for: guessing could list rows the rule forbids. */
export class UnmappedConditionError extends Error {
  constructor(subjectType: string, field: string) {
    super(`No SQL column is mapped for ${subjectType}.${field}; refusing to guess`);
    this.name = 'UnmappedConditionError';
  }
}

/** A rule uses an operator or value this translation does not know; better refused than mistranslated. */
export class UnsupportedConditionError extends Error {
  constructor(subjectType: string, detail: string) {
    super(`Cannot translate a ${subjectType} rule to SQL: ${detail}`);
    this.name = 'UnsupportedConditionError';
  }
}

/**
 * The shape of CASL's condition tree (ucast's Condition), described here so the repo needs no direct
 * dependency on ucast: a field condition has a field; a compound one's value is its children.
 */
interface ConditionNode {
  readonly operator: string;
  readonly value: unknown;
  readonly field?: string;
}
type Scalar = string | number | boolean;

const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Translates the ability's rules for (action, subject type) into a parameterised WHERE fragment, so
 * list queries and their counts contain exactly the rows the same rules allow one by one.
 *
 * CASL flattens its rules (rulesToAST): the permitting rules OR-ed, each AND NOT every higher-priority
 * forbidding rule; no permitting rule is FALSE, an unconditional one TRUE. A negation is written
 * `(…) IS NOT TRUE`, not `NOT (…)`: a NULL column makes a comparison NULL, and NOT NULL would drop a
 * row the forbidding rule does not match in CASL. Elsewhere NULL already behaves as CASL's "no match".
 *
 * Supported: equality and `$ne` (null as IS [NOT] NULL), `$in` on a scalar column (`= ANY`), and
 * `$all` on an array column (each value `= ANY (column)`). A scalar equality is never read as "array
 * contains" (CASL does that in memory, SQL cannot know the column is an array): rules on array fields
 * use `$all`. Column expressions are the caller's and must be usable as operands (parenthesise any
 * expression with operators).
 */
export function abilityToSqlWhere(
  ability: AppAbility,
  action: AppAction,
  subjectType: AppSubjectType,
  columns: Readonly<Record<string, string>>,
  firstParamIndex = 1,
): SqlWhere {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${firstParamIndex + params.length - 1}`;
  };
  const refuse = (detail: string): never => {
    throw new UnsupportedConditionError(subjectType, detail);
  };
  const scalar = (value: unknown, operator: string): Scalar => (isScalar(value) ? value : refuse(`${operator} needs a string, number or boolean`));
  const scalars = (value: unknown, operator: string): Scalar[] =>
    Array.isArray(value) ? value.map((item) => scalar(item, operator)) : refuse(`${operator} needs an array`);

  const fieldSql = (field: string, operator: string, value: unknown): string => {
    if (!Object.hasOwn(columns, field)) throw new UnmappedConditionError(subjectType, field);
    const column = columns[field]!;
    switch (operator) {
      case 'eq':
        return value === null ? `${column} IS NULL` : `${column} = ${bind(scalar(value, '$eq'))}`;
      case 'ne':
        return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${bind(scalar(value, '$ne'))}`;
      case 'in':
        return `${column} = ANY (${bind(scalars(value, '$in'))})`;
      case 'all': {
        const wanted = scalars(value, '$all');
        if (wanted.length === 0) refuse('$all needs at least one value');
        const each = wanted.map((item) => `${bind(item)} = ANY (${column})`);
        return each.length === 1 ? each[0]! : `(${each.join(' AND ')})`;
      }
      default:
        return refuse(`operator ${operator} on ${field}`);
    }
  };

  const toSql = (node: ConditionNode): string => {
    if (node.field !== undefined) return fieldSql(node.field, node.operator, node.value);
    const children = node.value as readonly ConditionNode[];
    switch (node.operator) {
      case 'and':
        return children.length === 0 ? 'TRUE' : `(${children.map(toSql).join(' AND ')})`;
      case 'or':
        return children.length === 0 ? 'FALSE' : `(${children.map(toSql).join(' OR ')})`;
      case 'not': {
        const [negated] = children;
        if (!negated || children.length > 1) return refuse('a negation of other than one condition');
        const operand = toSql(negated);
        return `(${negated.field !== undefined ? `(${operand})` : operand} IS NOT TRUE)`;
      }
      default:
        return refuse(`operator ${node.operator}`);
    }
  };

  const ast = rulesToAST(ability, action, subjectType);
  return { sql: ast ? toSql(ast) : 'FALSE', params };
}
