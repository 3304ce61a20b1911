/**
 * One value of a plain HTTP route's query string: an empty or missing parameter is absent, and so
 * is a repeated one (Express gives an array), which the routes refuse by name rather than guess.
 */
export function queryValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
