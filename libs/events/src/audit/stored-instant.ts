const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: before it Date#toISOString writes a four-digit year, as isoInstant does. */
const FOUR_DIGIT_YEARS_END_MS = 253_402_300_800_000;
/** The largest instant a Date holds. */
const DATE_RANGE_MS = 8.64e15;

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/**
 * Date#toISOString of a whole number of epoch milliseconds, without a Date: a verifier formats the
 * instants of every event it reads. The calendar date comes from Howard Hinnant's days-to-civil
 * algorithm (proleptic Gregorian, as Date's); instants outside 1970–9999 are left to Date.
 */
function isoInstant(epochMs: number): string {
  if (!(epochMs >= 0 && epochMs < FOUR_DIGIT_YEARS_END_MS)) return new Date(epochMs).toISOString();
  const days = Math.floor(epochMs / DAY_MS);
  const ofDay = epochMs - days * DAY_MS;
  // Days since 0000-03-01, counted in 400-year eras of 146,097 days; a year runs March to February.
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
  const seconds = Math.floor(ofDay / 1000);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[ofDay % 1000]}Z`;
}

/**
 * The text an event's hash covers for a stored instant (recorded_at, effective_at), given its epoch
 * milliseconds exactly as PostgreSQL computes them (a JSON number, or a string for ±infinity). The
 * append path writes instants as Date#toISOString, whole milliseconds; an instant it cannot have
 * written keeps what sets it apart (its microseconds, or PostgreSQL's word for it), so a stored
 * instant changed by even a microsecond never hashes like the appended one.
 */
export function storedInstantText(epochMs: number | string): string {
  if (typeof epochMs === 'string' || !(Math.abs(epochMs) <= DATE_RANGE_MS)) return String(epochMs);
  if (Number.isInteger(epochMs)) return isoInstant(epochMs);
  const wholeMs = Math.floor(epochMs);
  const microseconds = Math.round((epochMs - wholeMs) * 1000);
  return `${isoInstant(wholeMs).slice(0, -1)}${THREE_DIGITS[Math.min(microseconds, 999)]}Z`;
}
