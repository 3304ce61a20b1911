import { LATE_CHECK_IN_HOURS } from '@zeren/domain';

export interface HistoryEvent {
  type: string;
  recordedAt: string;
  effectiveAt: string | null;
  data: unknown;
}

/** The words of an event worth showing in the history: its progress, reason, comment or note. */
export function eventSummary(event: HistoryEvent): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (key: string): string | null => (typeof data[key] === 'string' && data[key] ? (data[key] as string) : null);
  if (event.type === 'ProgressCheckedIn' && typeof data['percent'] === 'number') {
    return `${data['percent']}% · ${text('narrative') ?? ''}`.trim();
  }
  if (event.type === 'ExtensionRequested') return [text('requestedDeadline'), text('reason')].filter(Boolean).join(' · ');
  return text('reason') ?? text('comment') ?? text('note') ?? text('measures') ?? text('title');
}

/** A late entry (补报): what it reports took effect more than 24 hours before it was recorded. */
export function isLateEntry(event: HistoryEvent): boolean {
  if ((event.data as { late?: unknown } | null)?.late === true) return true;
  if (!event.effectiveAt) return false;
  return Date.parse(event.recordedAt) - Date.parse(event.effectiveAt) > LATE_CHECK_IN_HOURS * 3_600_000;
}
