import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Full ISO 8601 date-time with an offset or Z, as the description promises. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('时间格式有误，应为 ISO 8601 格式，如 2026-03-01T08:00:00Z', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

/**
 * Nest's own DateTime scalar turns any string into a Date, invalid ones included, which then fail
 * deep inside a resolver; this one, same name and description, refuses them as bad input.
 */
export const StrictDateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
});
