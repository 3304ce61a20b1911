import fc from 'fast-check';
import { FINDING_STATUSES, type FindingStatus } from '../finding/finding.state';
import { rankScopes, rectificationFigures, rectificationFiguresBy, type FindingSummary } from './rectification-figures';

const TENANT_A = 'd0000000-0000-4000-8000-000000000001';
const TENANT_B = 'd0000000-0000-4000-8000-000000000002';
const AS_OF = new Date('2026-03-31T02:00:00.000Z'); // 10:00 on 31 March, China time

const summary = (state: FindingStatus, overrides: Partial<FindingSummary> = {}): FindingSummary => ({
  state,
  deadline: '2026-04-30',
  recordedAt: '2026-03-01T02:00:00.000Z',
  verifiedAt: state === 'VERIFIED' ? '2026-03-20T02:00:00.000Z' : null,
  withdrawnAt: state === 'WITHDRAWN' ? '2026-03-05T02:00:00.000Z' : null,
  unitId: 'b0000000-0000-4000-8000-000000000001',
  tenantId: TENANT_A,
  inspectionId: 'a0000000-0000-4000-8000-000000000001',
  ...overrides,
});

describe('rectification figures', () => {
  it('computes 整改率 as verified ÷ recorded, leaving withdrawn findings out of both', () => {
    const figures = rectificationFigures(
      [summary('VERIFIED'), summary('VERIFIED'), summary('VERIFIED'), summary('IN_PROGRESS'), summary('WITHDRAWN'), summary('WITHDRAWN')],
      AS_OF,
    );
    expect(figures).toMatchObject({ asOf: AS_OF.toISOString(), recorded: 4, verified: 3, withdrawn: 2, rectificationRate: 0.75 });
  });

  it('has no rate when nothing was recorded', () => {
    expect(rectificationFigures([], AS_OF).rectificationRate).toBeNull();
    expect(rectificationFigures([summary('WITHDRAWN')], AS_OF)).toMatchObject({ recorded: 0, rectificationRate: null });
  });

  it('counts findings by state', () => {
    const figures = rectificationFigures([summary('RECORDED'), summary('SUBMITTED'), summary('SUBMITTED'), summary('VERIFIED')], AS_OF);
    expect(figures.byState).toEqual({
      RECORDED: 1,
      PLAN_SUBMITTED: 0,
      IN_PROGRESS: 0,
      SUBMITTED: 2,
      DISTRICT_REVIEW_PASSED: 0,
      VERIFIED: 1,
      WITHDRAWN: 0,
    });
  });

  it('counts open findings past their deadline (China time) as overdue, and colours open findings by days remaining', () => {
    const figures = rectificationFigures(
      [
        summary('IN_PROGRESS', { deadline: '2026-03-30' }), // overdue
        summary('SUBMITTED', { deadline: '2026-03-30' }), // overdue while awaiting review
        summary('VERIFIED', { deadline: '2026-03-30' }), // done: neither overdue nor coloured
        summary('WITHDRAWN', { deadline: '2026-03-30' }),
        summary('RECORDED', { deadline: '2026-03-31' }), // due today: yellow
        summary('RECORDED', { deadline: '2026-04-10' }), // 10 days: yellow
        summary('RECORDED', { deadline: '2026-04-11' }), // 11 days: green
        summary('RECORDED', { deadline: '2026-04-20' }), // 20 days: green
        summary('RECORDED', { deadline: '2026-04-21' }), // 21 days: none
      ],
      AS_OF,
    );
    expect(figures.overdue).toBe(2);
    expect(figures.warningColours).toEqual({ RED: 2, YELLOW: 2, GREEN: 2, NONE: 1 });
  });

  it('counts verifications made by the end of the deadline day as on time', () => {
    const figures = rectificationFigures(
      [
        summary('VERIFIED', { deadline: '2026-03-20', verifiedAt: '2026-03-20T15:59:59.999Z' }),
        summary('VERIFIED', { deadline: '2026-03-20', verifiedAt: '2026-03-20T16:00:00.000Z' }),
      ],
      AS_OF,
    );
    expect(figures).toMatchObject({ verified: 2, verifiedOnTime: 1 });
  });

  it('ignores findings recorded after the instant', () => {
    expect(rectificationFigures([summary('RECORDED', { recordedAt: '2026-03-31T02:00:00.001Z' })], AS_OF).recorded).toBe(0);
    expect(rectificationFigures([summary('RECORDED', { recordedAt: '2026-03-31T02:00:00.000Z' })], AS_OF).recorded).toBe(1);
  });

  it('splits figures by scope', () => {
    const byTenant = rectificationFiguresBy(
      [summary('VERIFIED'), summary('IN_PROGRESS'), summary('VERIFIED', { tenantId: TENANT_B })],
      AS_OF,
      (finding) => finding.tenantId,
    );
    expect(byTenant.get(TENANT_A)).toMatchObject({ recorded: 2, rectificationRate: 0.5 });
    expect(byTenant.get(TENANT_B)).toMatchObject({ recorded: 1, rectificationRate: 1 });
  });

  it('keeps its counts consistent for any set of findings', () => {
    const summaries = fc.array(
      fc.record({
        state: fc.constantFrom(...FINDING_STATUSES),
        deadline: fc.constantFrom('2026-03-01', '2026-03-30', '2026-03-31', '2026-04-10', '2026-04-20', '2026-05-31'),
      }),
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(summaries, (generated) => {
        const figures = rectificationFigures(generated.map(({ state, deadline }) => summary(state, { deadline })), AS_OF);
        const open = figures.recorded - figures.verified;
        expect(Object.values(figures.warningColours).reduce((a, b) => a + b, 0)).toBe(open);
        expect(figures.overdue).toBeLessThanOrEqual(open);
        expect(figures.recorded + figures.withdrawn).toBe(generated.length);
        if (figures.rectificationRate !== null) {
          expect(figures.rectificationRate).toBeGreaterThanOrEqual(0);
          expect(figures.rectificationRate).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('ranking', () => {
  const scope = (name: string, rectificationRate: number | null, overdue: number) => ({ name, figures: { rectificationRate, overdue } });

  it('ranks by rate, then fewest overdue, then name, sharing ranks on equal figures', () => {
    const ranked = rankScopes([
      scope('钱塘区', 0.992, 3),
      scope('中原区', 0.95, 0),
      scope('通山县', null, 0),
      scope('西湖区', 0.992, 1),
      scope('滨江区', 0.95, 0),
      scope('余杭区', 0.95, 2),
    ]);
    expect(ranked.map(({ name, rank }) => [name, rank])).toEqual([
      ['西湖区', 1],
      ['钱塘区', 2],
      ['滨江区', 3],
      ['中原区', 3],
      ['余杭区', 5],
      ['通山县', 6],
    ]);
  });

  it('does not reorder its input', () => {
    const input = [scope('乙', 0.5, 0), scope('甲', 1, 0)];
    rankScopes(input);
    expect(input.map((s) => s.name)).toEqual(['乙', '甲']);
  });
});
