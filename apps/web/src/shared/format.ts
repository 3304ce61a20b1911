import dayjs from 'dayjs';

/** An instant as local date and time, e.g. 2026-03-05 14:30. */
export function formatInstant(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(date: string | null | undefined): string {
  return date ? dayjs(date).format('YYYY-MM-DD') : '—';
}

/** A rate in [0, 1] as a percentage with one decimal; null (nothing recorded) as a dash. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Splits "张三，李四、王五" into names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}
