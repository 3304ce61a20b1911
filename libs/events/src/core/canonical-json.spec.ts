import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson, canonicalObjectWriter } from './canonical-json';

/**
 * The canonical form written the plainest way, to check the writer against: sorted keys, and
 * JSON.stringify for every scalar (which writes -0 as 0 and escapes strings as JCS does).
 */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** encodeURIComponent refuses exactly the strings with a lone surrogate. */
function wellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether anything in the value is refused: NUL, a lone surrogate, a non-finite or unsafe integer. */
function refusable(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || !wellFormed(value);
  if (typeof value === 'number') return !Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value));
  if (Array.isArray(value)) return value.some(refusable);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, member]) => refusable(key) || refusable(member));
  return false;
}

/** JSON values with every kind of string (full Unicode, lone surrogates, controls, quotes) and of number. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(-0, 2 ** 53, 1e21, 1e-7, 0.1 + 0.2),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud83d', '\ude00', 'a', '问') }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('1', '10', '9', '__proto__', 'a')), tie('value'), { maxKeys: 5 }),
  ),
})).value;


describe('canonicalJson', () => {
  it('sorts object keys by UTF-16 code units at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, A: true })).toBe(
      '{"A":true,"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3 })).toBe('{"z":2,"é":1,"😀":3}');
  });

  it('writes numbers in the shortest ECMAScript form', () => {
    expect(canonicalJson([1.0, 0.1, -0, 1e-7, 100, 2.5e-5, 123456.789])).toBe("[1,0.1,0,1e-7,100,0.000025,123456.789]");
  });

  it('keeps Chinese text and escapes control characters like JSON.stringify', () => {
    expect(canonicalJson({ 问题: '整改\n"完成"\t' })).toBe('{"问题":"整改\\n\\"完成\\"\\t"}');
  });

  it('refuses values that would not round-trip through jsonb', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: 2 ** 53 })).toThrow(/safe range/);
    expect(() => canonicalJson({ a: 'x\u0000y' })).toThrow(/NUL/);
    expect(() => canonicalJson({ a: '\ud800' })).toThrow(/surrogate/);
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined.*at \.a/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/Date is not plain JSON/);
  });

  it('is stable under key order and equals a JSON round trip of itself', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
        let text: string;
        try {
          text = canonicalJson(value);
        } catch (error) {
          expect(error).toBeInstanceOf(CanonicalJsonError);
          return;
        }
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(value), function (this: unknown, _key, v: unknown) {
          if (v && typeof v === 'object' && !Array.isArray(v)) {
            return Object.fromEntries(Object.entries(v).reverse());
          }
          return v;
        }) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
      }),
    );
  });

  it('writes exactly the plain reference form for any JSON value, and refuses exactly what jsonb cannot hold', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        if (refusable(value)) {
          expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
        } else {
          expect(canonicalJson(value)).toBe(reference(value));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reports a refused value at its path, however deep', () => {
    expect(() => canonicalJson({ a: [1, { b: [null, 'x\u0000'] }] })).toThrow(/NUL.* at \.a\[1\]\.b\[1\]$/);
    expect(() => canonicalJson([{ '\ud800': 1 }])).toThrow(/surrogate.* at \[0\]$/);
    expect(() => canonicalJson(Symbol('s'))).toThrow(/symbol is not JSON at \$$/);
  });

  it('writes fixed keys in canonical order whatever order they are listed in, leaving other properties out', () => {
    const writeProbe = canonicalObjectWriter<'zeta' | 'Alpha' | 'beta'>(['zeta', 'Alpha', 'beta']);
    fc.assert(
      fc.property(anyJson, anyJson, anyJson, (zeta, Alpha, beta) => {
        const probe = { zeta, Alpha, beta };
        if (refusable(probe)) {
          expect(() => writeProbe({ ...probe, extra: 1 } as typeof probe)).toThrow(CanonicalJsonError);
        } else {
          expect(writeProbe({ ...probe, extra: 1 } as typeof probe)).toBe(canonicalJson(probe));
        }
      }),
    );
    expect(() => writeProbe({ zeta: 1, Alpha: undefined, beta: 2 })).toThrow(/undefined.* at \.Alpha$/);
  });
});
