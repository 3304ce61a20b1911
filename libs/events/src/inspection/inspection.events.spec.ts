import { eventCatalogue } from '../catalogue';
import { InspectionPlannedV1, inspectionEvents } from './inspection.events';

const planned = {
  inspectionId: 'a0000000-0000-4000-8000-000000000001',
  title: '专项巡察',
  kind: 'PATROL',
  level: 'CITY',
  target: { scope: 'DISTRICT' },
  period: { startDate: '2026-03-10', endDate: '2026-04-10' },
  team: [{ personId: null, name: '张强' }],
  followUpOfInspectionId: null,
  plannedAt: '2026-03-02T02:00:00.000Z',
};
const issuesOf = (data: unknown) =>
  InspectionPlannedV1.schema.safeParse(data).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('inspection events', () => {
  it('are published in the catalogue on the Inspection stream', () => {
    for (const definition of inspectionEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
      expect(definition.streamType).toBe('Inspection');
    }
  });

  it('accept a well-formed plan', () => {
    expect(issuesOf(planned)).toEqual([]);
  });

  it('require the original inspection exactly for follow-ups', () => {
    expect(issuesOf({ ...planned, kind: 'FOLLOW_UP' })).toEqual(['followUpOfInspectionId']);
    expect(issuesOf({ ...planned, followUpOfInspectionId: 'a0000000-0000-4000-8000-000000000002' })).toEqual(['followUpOfInspectionId']);
    expect(issuesOf({ ...planned, kind: 'FOLLOW_UP', followUpOfInspectionId: 'a0000000-0000-4000-8000-000000000002' })).toEqual([]);
  });

  it('refuse periods ending before they start and unit targets without units', () => {
    expect(issuesOf({ ...planned, period: { startDate: '2026-04-10', endDate: '2026-04-09' } })).toEqual(['period.endDate']);
    expect(issuesOf({ ...planned, target: { scope: 'UNITS', unitIds: [] } })).toEqual(['target.unitIds']);
    expect(issuesOf({ ...planned, target: { scope: 'TENANT' } })).toEqual(['target.scope']);
  });
});
