import { eventCatalogue } from '../catalogue';
import {
  KeyProjectAddedV1,
  KeyProjectPlanConfirmedV1,
  responsibilityEvents,
  TargetLetterDraftedV1,
  TargetLetterSignedV1,
} from './responsibility.events';

const LETTER_ID = 'a0000000-0000-4000-8000-000000000301';
const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const project = {
  planId: 'a0000000-0000-4000-8000-000000000401',
  projectId: 'a0000000-0000-4000-8000-000000000402',
  category: 'REFORM_INNOVATION',
  title: '意识形态阵地建设',
  weight: 10,
  goal: '建成实践站 98 个',
  milestones: [{ month: '2026-03', target: '完成选址' }],
};

describe('responsibility events', () => {
  it('are published in the catalogue, each on its own stream type', () => {
    for (const definition of responsibilityEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
    }
    expect(new Set(responsibilityEvents.map((definition) => definition.streamType))).toEqual(
      new Set(['ResponsibilityList', 'TargetLetter', 'KeyProjectPlan', 'MonthlyReport']),
    );
  });

  it('name the unit on a district → unit letter and none on a city → district letter', () => {
    const letter = { letterId: LETTER_ID, year: 2026, terms: ['落实意识形态工作责任制'] };
    expect(TargetLetterDraftedV1.schema.safeParse({ ...letter, level: 'DISTRICT_UNIT', unitId: UNIT_ID }).success).toBe(true);
    expect(TargetLetterDraftedV1.schema.safeParse({ ...letter, level: 'CITY_DISTRICT', unitId: null }).success).toBe(true);
    expect(TargetLetterDraftedV1.schema.safeParse({ ...letter, level: 'CITY_DISTRICT', unitId: UNIT_ID }).success).toBe(false);
    expect(TargetLetterDraftedV1.schema.safeParse({ ...letter, level: 'DISTRICT_UNIT', unitId: null }).success).toBe(false);
  });

  it('refuse a signed letter without both parties', () => {
    const signed = { letterId: LETTER_ID, signedOn: '2026-02-01', signedAt: '2026-02-01T02:00:00.000Z' };
    const issuer = { party: 'ISSUER', name: '王明', title: '区委书记' };
    expect(TargetLetterSignedV1.schema.safeParse({ ...signed, signatories: [issuer, { ...issuer, party: 'RECIPIENT' }] }).success).toBe(true);
    expect(TargetLetterSignedV1.schema.safeParse({ ...signed, signatories: [issuer, issuer] }).success).toBe(false);
  });

  it('refuse two milestones in one month and a confirmed plan not weighing 100', () => {
    expect(KeyProjectAddedV1.schema.safeParse(project).success).toBe(true);
    expect(KeyProjectAddedV1.schema.safeParse({ ...project, milestones: [...project.milestones, ...project.milestones] }).success).toBe(false);
    const confirmed = { planId: project.planId, confirmedAt: '2026-01-10T02:00:00.000Z' };
    expect(KeyProjectPlanConfirmedV1.schema.safeParse({ ...confirmed, totalWeight: 100 }).success).toBe(true);
    expect(KeyProjectPlanConfirmedV1.schema.safeParse({ ...confirmed, totalWeight: 90 }).success).toBe(false);
  });
});
