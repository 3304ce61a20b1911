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

/**
 * A refusal found while writing, before its path is known. The writer runs once per event on
 * every verification, so it builds no path strings as it goes: each enclosing value prepends its
 * step while the refusal unwinds, and canonicalJson turns it into a CanonicalJsonError.
 */
class Refusal extends Error {
  private readonly steps: string[] = [];

  constructor(readonly reason: string) {
    super(reason);
  }

  /** Adds the step to the value that holds the refused one (`.key` or `[index]`). */
  within(step: string): Refusal {
    this.steps.push(step);
    return this;
  }

  /** The steps from the root, outermost first, after `prefix` (the caller's own path). */
  pathAfter(prefix: string): string {
    return prefix + this.steps.reverse().join('');
  }
}

function refusalWithin(error: unknown, step: string): unknown {
  return error instanceof Refusal ? error.within(step) : error;
}

/** Characters JSON.stringify would escape, and NUL or half a surrogate pair, which need a closer look. */
const NOT_PLAIN = /[\u0000-\u001f"\\\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(value: string): string {
  // Almost every string is plain: it is quoted as it is, which is what JSON.stringify writes for it.
  if (!NOT_PLAIN.test(value)) return `"${value}"`;
  if (value.includes('\u0000')) throw new Refusal('NUL character is not allowed (jsonb rejects it)');
  if (LONE_SURROGATE.test(value)) throw new Refusal('lone UTF-16 surrogate is not valid Unicode');
  return JSON.stringify(value);
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Refusal('non-finite number');
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new Refusal('integer outside the safe range (would lose precision)');
  // ECMAScript's Number-to-string is the JCS number form; -0 serialises as 0.
  return Object.is(value, -0) ? '0' : String(value);
}

function writeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ',';
    try {
      text += write(items[index]);
    } catch (error) {
      throw refusalWithin(error, `[${index}]`);
    }
  }
  return `${text}]`;
}

function writeObject(record: Record<string, unknown>): string {
  const prototype = Object.getPrototypeOf(record) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    // Dates, Buffers, Maps… have no single JSON form; callers convert them explicitly.
    throw new Refusal(`${(record as object).constructor?.name ?? 'object'} is not plain JSON`);
  }
  const keys = Object.keys(record).sort();
  let text = '{';
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (index > 0) text += ',';
    // A refused key is reported at its object, a refused value at its own path.
    text += writeString(key);
    text += ':';
    try {
      text += writeMember(record[key]);
    } catch (error) {
      throw refusalWithin(error, `.${key}`);
    }
  }
  return `${text}}`;
}

function writeMember(member: unknown): string {
  if (member === undefined) throw new Refusal('undefined is not JSON (omit the key instead)');
  return write(member);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      return writeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      throw new Refusal(`${typeof value} is not JSON`);
  }
}

/**
 * The canonical text of `value`, either whole or as the member at `path` of an enclosing object
 * (which canonicalObjectWriter writes itself): a refusal is reported at its full path.
 */
function canonicalOrRefuse(value: unknown, path: string, member: boolean): string {
  try {
    return member ? writeMember(value) : write(value);
  } catch (error) {
    if (error instanceof Refusal) throw new CanonicalJsonError(error.reason, error.pathAfter(path));
    throw error;
  }
}

export function canonicalJson(value: unknown): string {
  return canonicalOrRefuse(value, '', false);
}

/**
 * A writer for objects whose keys are fixed: the same bytes as canonicalJson of such an object
 * (other properties are left out), without building the object or sorting its keys each time.
 */
export function canonicalObjectWriter<Key extends string>(keys: readonly Key[]): (values: Readonly<Record<Key, unknown>>) => string {
  const sorted = [...keys].sort();
  const openings = sorted.map((key, index) => `${index === 0 ? '{' : ','}${canonicalJson(key)}:`);
  const paths = sorted.map((key) => `.${key}`);
  return (values) => {
    let text = '';
    for (let index = 0; index < sorted.length; index++) {
      text += openings[index]! + canonicalOrRefuse(values[sorted[index]!], paths[index]!, true);
    }
    return sorted.length === 0 ? '{}' : `${text}}`;
  };
}
