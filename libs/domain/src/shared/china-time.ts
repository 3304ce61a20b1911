/**
 * Calendar dates ('YYYY-MM-DD') are days in China Standard Time (Asia/Shanghai: UTC+8, no DST).
 * A deadline date means the end of that day there: a finding due 2026-03-31 becomes overdue at
 * 2026-04-01T00:00+08:00. Plain offset arithmetic is exact because China has no daylight saving.
 */
export type CalendarDate = string;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayNumber(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-03-10 00:30": the instant as people in China read it, to the minute (documents, e-mails). */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar date in China at this instant. */
export function chinaDateOf(instant: Date): CalendarDate {
  return fromDayNumber(Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Midnight at the start of the date, China time. */
export function startOfChinaDay(date: CalendarDate): Date {
  return new Date(dayNumber(date) * DAY_MS - CHINA_OFFSET_MS);
}

/** The first instant at which a deadline has passed: the midnight that ends the deadline day. */
export function overdueFrom(deadline: CalendarDate): Date {
  return startOfChinaDay(addDays(deadline, 1));
}

/** Whole days from today (China time) to the deadline: 0 on the day itself, −1 the day after. */
export function daysUntilDeadline(deadline: CalendarDate, now: Date): number {
  return dayNumber(deadline) - dayNumber(chinaDateOf(now));
}

export function isOverdue(deadline: CalendarDate, now: Date): boolean {
  return now.getTime() >= overdueFrom(deadline).getTime();
}

export function hoursBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / (60 * 60 * 1000);
}
