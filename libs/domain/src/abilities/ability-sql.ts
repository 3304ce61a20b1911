import type { AppAbility, AppAction, AppSubjectType } from './ability';

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

export class UnmappedConditionError extends Error {
  constructor(field: string, subjectType: string) {
    super(`No SQL column is mapped for ${subjectType}.${field}; refusing to guess`);
    this.name = 'UnmappedConditionError';
  }
}

type Condition = Record<string, unknown>;

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).every((key) => key.startsWith('$'));
}

/**
 * Translates the ability's rules for (action, subject type) into a parameterised WHERE fragment,
 * so list queries and their counts contain exactly the rows the same rules allow one by one:
 * (any permitting rule) AND NOT (any forbidding rule). No permitting rule gives FALSE.
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
  const column = (field: string): string => {
    const mapped = columns[field];
    if (!mapped) throw new UnmappedConditionError(field, subjectType);
    return mapped;
  };
  const fieldClause = (field: string, expected: unknown): string => {
    const target = column(field);
    if (!isOperatorObject(expected)) return expected === null ? `${target} IS NULL` : `${target} = ${bind(expected)}`;
    const parts = Object.entries(expected).map(([operator, operand]) => {
      switch (operator) {
        case '$eq':
          return operand === null ? `${target} IS NULL` : `${target} = ${bind(operand)}`;
        case '$ne':
          return operand === null ? `${target} IS NOT NULL` : `${target} IS DISTINCT FROM ${bind(operand)}`;
        case '$in':
          return `${target} = ANY (${bind(operand)})`;
        case '$nin':
          return `NOT (${target} = ANY (${bind(operand)}))`;
        case '$all':
          return `${target} @> ${bind(operand)}`;
        default:
          throw new Error(`Condition operator ${operator} has no SQL translation`);
      }
    });
    return parts.join(' AND ');
  };
  const ruleClause = (conditions: Condition | undefined): string => {
    if (!conditions || Object.keys(conditions).length === 0) return 'TRUE';
    return `(${Object.entries(conditions)
      .map(([field, expected]) => fieldClause(field, expected))
      .join(' AND ')})`;
  };

  // Field-limited rules still permit the row; which fields show is decided per field.
  const rules = ability.rulesFor(action, subjectType);
  const permitting = rules.filter((rule) => !rule.inverted).map((rule) => ruleClause(rule.conditions as Condition | undefined));
  const forbidding = rules.filter((rule) => rule.inverted && !rule.fields).map((rule) => ruleClause(rule.conditions as Condition | undefined));
  if (permitting.length === 0) return { sql: 'FALSE', params };
  const allowed = permitting.includes('TRUE') ? 'TRUE' : permitting.length === 1 ? permitting[0]! : `(${permitting.join(' OR ')})`;
  const sql = forbidding.length ? `(${allowed} AND NOT (${forbidding.join(' OR ')}))` : allowed;
  return { sql, params };
}
