import { DomainError } from '@zeren/domain';
import { endOfMonth, monthOf, monthsFrom, nextMonth, parseMonth, startOfMonth } from './calendar-months';

describe('calendar months (China time)', () => {
  it('start at midnight in China, 16:00 UTC the day before, and end the instant before the next', () => {
    expect(startOfMonth('2026-03').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(endOfMonth('2026-03').toISOString()).toBe('2026-03-31T15:59:59.999Z');
    expect(endOfMonth('2026-12').toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('place an instant in the month it is in China', () => {
    expect(monthOf(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04');
  });

  it('count months across a year end, both ends included', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2027-02', '2026-11')).toEqual([]);
  });

  it('refuse anything but YYYY-MM, naming the field', () => {
    expect(parseMonth('2026-03', 'from')).toBe('2026-03');
    for (const bad of ['2026-3', '2026-13', '2026-00', '2026-03-01', '']) {
      expect(() => parseMonth(bad, 'from')).toThrow(DomainError);
    }
    try {
      parseMonth('2026-13', 'filter.months.to');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ fields: { 'filter.months.to': expect.any(String) } });
    }
  });
});
