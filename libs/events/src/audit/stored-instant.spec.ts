import fc from 'fast-check';
import { storedInstantText } from './stored-instant';

/** The whole range of a Date, in whole milliseconds. */
const DATE_RANGE_MS = 8.64e15;

describe('storedInstantText', () => {
  it('writes whole milliseconds exactly as Date#toISOString, across the whole range of a Date', () => {
    const instants = fc.oneof(
      fc.integer({ min: -DATE_RANGE_MS, max: DATE_RANGE_MS }),
      // 1970–9999 in particular, where the calendar is worked out without a Date.
      fc.integer({ min: 0, max: 253_402_300_799_999 }),
    );
    fc.assert(fc.property(instants, (epochMs) => expect(storedInstantText(epochMs)).toBe(new Date(epochMs).toISOString())), { numRuns: 20_000 });
  });

  it('writes the edges of days, months, leap days, centuries and four-digit years as Date does', () => {
    const edges = [
      '1970-01-01T00:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
      '2000-02-29T12:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2100-03-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '-000001-01-01T00:00:00.000Z',
    ];
    for (const edge of edges) expect(storedInstantText(Date.parse(edge))).toBe(edge);
  });

  it('keeps a sub-millisecond part, so an instant no append wrote never reads as one it did', () => {
    expect(storedInstantText(1_772_323_200_000.001)).toBe('2026-03-01T00:00:00.000001Z');
    expect(storedInstantText(1_772_323_200_123.999)).toBe('2026-03-01T00:00:00.123999Z');
    expect(storedInstantText(-1.5)).toBe('1969-12-31T23:59:59.998500Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1, max: 999 }), (wholeMs, microseconds) => {
        const text = storedInstantText(wholeMs + microseconds / 1000);
        expect(text).toBe(`${new Date(wholeMs).toISOString().slice(0, -1)}${String(microseconds).padStart(3, '0')}Z`);
      }),
    );
  });

  it('writes instants no Date holds as PostgreSQL gave them', () => {
    expect(storedInstantText('Infinity')).toBe('Infinity');
    expect(storedInstantText('-Infinity')).toBe('-Infinity');
    expect(storedInstantText(8_640_000_000_000_001)).toBe('8640000000000001');
  });
});
