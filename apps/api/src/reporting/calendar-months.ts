import { chinaDateOf, startOfChinaDay, validationFailed } from '@zeren/domain';

/** A calendar month in China time, 'YYYY-MM'. */
export type CalendarMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Refuses anything but 'YYYY-MM', naming the input field, as the domain refuses bad dates. */
export function parseMonth(value: string, field: string): CalendarMonth {
  if (!MONTH.test(value)) throw validationFailed({ [field]: 'must be a month, YYYY-MM' });
  return value;
}

export function nextMonth(month: CalendarMonth): CalendarMonth {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** Midnight China time at the start of the month. */
export function startOfMonth(month: CalendarMonth): Date {
  return startOfChinaDay(`${month}-01`);
}

/** The last instant of the month (China time) that timestamps can express: the month-end figure is "as of" it. */
export function endOfMonth(month: CalendarMonth): Date {
  return new Date(startOfMonth(nextMonth(month)).getTime() - 1);
}

export function monthOf(instant: Date): CalendarMonth {
  return chinaDateOf(instant).slice(0, 7);
}

/** Every month from `from` to `to`, both included; empty when `to` comes first. */
export function monthsFrom(from: CalendarMonth, to: CalendarMonth): CalendarMonth[] {
  const months: CalendarMonth[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}
