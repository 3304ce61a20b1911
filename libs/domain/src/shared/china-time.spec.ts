import fc from 'fast-check';
import {
  addDays,
  chinaDateOf,
  chinaDateTime,
  daysUntilDeadline,
  hoursBetween,
  isCalendarDate,
  isOverdue,
  overdueFrom,
  startOfChinaDay,
} from './china-time';

describe('china time', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
    expect(isCalendarDate('2026-03-01T00:00:00Z')).toBe(false);
  });

  it('reads the calendar date in China, eight hours ahead of UTC', () => {
    expect(chinaDateOf(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(chinaDateOf(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('starts a China day at 16:00 UTC the day before', () => {
    expect(startOfChinaDay('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('makes a deadline overdue at the midnight that ends the deadline day, China time', () => {
    expect(overdueFrom('2026-03-31').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(isOverdue('2026-03-31', new Date('2026-03-31T15:59:59.999Z'))).toBe(false);
    expect(isOverdue('2026-03-31', new Date('2026-03-31T16:00:00.000Z'))).toBe(true);
  });

  it('counts whole China days to the deadline: 0 on the day, negative once passed', () => {
    expect(daysUntilDeadline('2026-03-21', new Date('2026-03-01T02:00:00Z'))).toBe(20);
    expect(daysUntilDeadline('2026-03-01', new Date('2026-03-01T15:59:59Z'))).toBe(0);
    expect(daysUntilDeadline('2026-03-01', new Date('2026-03-01T16:00:00Z'))).toBe(-1);
  });

  it('rejects malformed dates instead of computing with NaN', () => {
    expect(() => daysUntilDeadline('2026-02-30', new Date('2026-03-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('measures hours between instants', () => {
    expect(hoursBetween(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-02T01:30:00Z'))).toBe(25.5);
  });

  it('agrees with itself: overdue exactly when fewer than zero days remain', () => {
    const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, instants, (a, b) => {
        const deadline = chinaDateOf(a);
        expect(isOverdue(deadline, b)).toBe(daysUntilDeadline(deadline, b) < 0);
        expect(chinaDateOf(startOfChinaDay(deadline))).toBe(deadline);
      }),
    );
  });
});

describe('chinaDateTime', () => {
  it('writes an instant in China time, to the minute', () => {
    expect(chinaDateTime(new Date('2026-03-09T16:30:00.000Z'))).toBe('2026-03-10 00:30');
  });
});
