import { eventCatalogue } from '../catalogue';
import { FindingRecordedV1, findingEvents, ProgressCheckedInV1, WarningIssuedV1 } from './finding.events';

const findingId = 'f0000000-0000-4000-8000-000000000001';
const checkIn = {
  findingId,
  percent: 50,
  narrative: '进展',
  decreaseReason: null,
  evidence: ['0'.repeat(64)],
  effectiveAt: null,
  late: false,
  checkedInAt: '2026-03-02T02:00:00.000Z',
};
const valid = (data: unknown) => ProgressCheckedInV1.schema.safeParse(data).success;

describe('finding events', () => {
  it('are published in the catalogue on the Finding stream', () => {
    expect(findingEvents).toHaveLength(15);
    for (const definition of findingEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
      expect(definition.streamType).toBe('Finding');
    }
  });

  it('hold evidence as unique lowercase sha256 hex digests', () => {
    expect(valid(checkIn)).toBe(true);
    expect(valid({ ...checkIn, evidence: ['A'.repeat(64)] })).toBe(false);
    expect(valid({ ...checkIn, evidence: ['0'.repeat(63)] })).toBe(false);
    expect(valid({ ...checkIn, evidence: ['0'.repeat(64), '0'.repeat(64)] })).toBe(false);
  });

  it('hold instants as UTC ISO-8601 and deadlines as real calendar dates', () => {
    expect(valid({ ...checkIn, checkedInAt: '2026-03-02T10:00:00+08:00' })).toBe(false);
    expect(valid({ ...checkIn, percent: 100.5 })).toBe(false);
    const recorded = FindingRecordedV1.schema.safeParse({
      findingId,
      inspectionId: findingId,
      unitId: findingId,
      title: 't',
      description: 'd',
      category: 'STUDY',
      severity: 'MINOR',
      basis: { kind: 'RULE', reference: 'r', text: 't' },
      deadline: '2026-02-29',
      recordedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(recorded.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['deadline']);
  });

  it('send every warning to someone', () => {
    const warning = {
      findingId,
      unitId: findingId,
      level: 'RED',
      deadline: '2026-03-31',
      daysRemaining: -1,
      recipients: [],
      issuedAt: '2026-04-01T00:00:00.000Z',
    };
    expect(WarningIssuedV1.schema.safeParse(warning).success).toBe(false);
    expect(WarningIssuedV1.schema.safeParse({ ...warning, recipients: ['UNIT_HEAD'] }).success).toBe(true);
  });
});
