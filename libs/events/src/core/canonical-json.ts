/**
 * Canonical JSON for hashing: the same value always gives the same bytes, whichever process,
 * language or database round trip produced it. It follows RFC 8785 (JCS) for what it accepts:
 * object keys sorted by UTF-16 code units, no insignificant whitespace, numbers in ECMAScript
 * shortest form, strings escaped as JSON.stringify does. It refuses what cannot round-trip
 * through PostgreSQL jsonb unchanged, so a stored event re-serialises to exactly its hashed bytes.
 */
export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path || '$'}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(value: string, path: string): string {
  if (value.includes('\u0000')) {
    throw new CanonicalJsonError('NUL character is not allowed (jsonb rejects it)', path);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new CanonicalJsonError('lone UTF-16 surrogate is not valid Unicode', path);
  }
  return JSON.stringify(value);
}

function canonicalNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new CanonicalJsonError('non-finite number', path);
  }
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new CanonicalJsonError('integer outside the safe range (would lose precision)', path);
  }
  // ECMAScript's Number-to-string is the JCS number form; -0 serialises as 0.
  return Object.is(value, -0) ? '0' : String(value);
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return canonicalNumber(value, path);
    case 'string':
      return canonicalString(value, path);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${typeof value} is not JSON`, path);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    // Dates, Buffers, Maps… have no single JSON form; callers convert them explicitly.
    throw new CanonicalJsonError(`${(value as object).constructor?.name ?? 'object'} is not plain JSON`, path);
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) {
      throw new CanonicalJsonError('undefined is not JSON (omit the key instead)', `${path}.${key}`);
    }
    members.push(`${canonicalString(key, path)}:${write(member, `${path}.${key}`)}`);
  }
  return `{${members.join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return write(value, '');
}
