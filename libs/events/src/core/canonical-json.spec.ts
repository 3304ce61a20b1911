import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson } from './canonical-json';

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
});
