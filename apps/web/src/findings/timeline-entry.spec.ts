import { describe, expect, it } from 'vitest';
import { daysOverdue } from './findings-table';
import { eventSummary, isLateEntry } from './timeline-entry';

describe('the finding history', () => {
  const at = '2026-03-10T08:00:00.000Z';

  it('marks a check-in late when it took effect more than 24 hours before it was recorded', () => {
    expect(isLateEntry({ type: 'ProgressCheckedIn', recordedAt: at, effectiveAt: '2026-03-08T08:00:00.000Z', data: {} })).toBe(true);
    expect(isLateEntry({ type: 'ProgressCheckedIn', recordedAt: at, effectiveAt: '2026-03-09T09:00:00.000Z', data: {} })).toBe(false);
    expect(isLateEntry({ type: 'ProgressCheckedIn', recordedAt: at, effectiveAt: null, data: { late: true } })).toBe(true);
  });

  it('summarises progress, reasons and comments', () => {
    expect(eventSummary({ type: 'ProgressCheckedIn', recordedAt: at, effectiveAt: null, data: { percent: 60, narrative: '已补开两次研讨' } })).toBe('60% · 已补开两次研讨');
    expect(eventSummary({ type: 'DistrictReviewRejected', recordedAt: at, effectiveAt: null, data: { reason: '佐证材料不全' } })).toBe('佐证材料不全');
    expect(eventSummary({ type: 'FindingVerified', recordedAt: at, effectiveAt: null, data: { comment: null } })).toBeNull();
  });

  it('counts days overdue only for overdue findings', () => {
    expect(daysOverdue({ overdue: true, daysRemaining: -3 })).toBe(3);
    expect(daysOverdue({ overdue: false, daysRemaining: 5 })).toBe(0);
  });
});
