import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addDays,
  chinaDateOf,
  FINDING_STATUSES,
  rectificationFigures,
  rectificationFiguresBy,
  startOfChinaDay,
  type FindingStatus,
  type FindingSummary,
} from '@zeren/domain';
import { registerTenants } from '../../test/probe-events';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { figuresFromCounts } from './figures-from-counts';
import { StatisticsRepository, type FindingScopeFilter } from './statistics.repository';

interface Period {
  status: FindingStatus;
  deadline: string;
  unitId: string;
  inspectionId: string;
  validFrom: Date;
}
interface GeneratedFinding {
  id: string;
  tenantId: string;
  recordedAt: Date;
  periods: Period[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const START_DATE = '2026-03-01';
const START = startOfChinaDay(START_DATE);
const tenantIds = [randomUUID(), randomUUID()];
const unitIds = [randomUUID(), randomUUID(), randomUUID()];
const inspectionIds = [randomUUID(), randomUUID()];
/** Mid-day, a China midnight and the millisecond before it, deep into the period, and now. */
const instants = [
  new Date(START.getTime() + 10.5 * DAY_MS),
  startOfChinaDay(addDays(START_DATE, 20)),
  new Date(startOfChinaDay(addDays(START_DATE, 20)).getTime() - 1),
  new Date(START.getTime() + 45 * DAY_MS + 13 * 60 * 60 * 1000),
  new Date(),
];

/** A fixed-seed generator, so a failure can be replayed. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: the low bits of a power-of-two linear congruential generator repeat quickly.
    return Math.floor((state / 2147483648) * below);
  };
}

/**
 * Findings with one to four status periods each: every status, deadlines from passed to far off,
 * changes and sign-offs on a China midnight or the millisecond before it. As the projection does, a
 * finding's first period starts at the instant it was recorded.
 */
function generateFindings(count: number): GeneratedFinding[] {
  const random = seededRandom(20260301);
  const pick = <T>(values: readonly T[]): T => values[random(values.length)]!;
  return Array.from({ length: count }, (): GeneratedFinding => {
    const periods: Period[] = [];
    let at = START.getTime() + random(30 * DAY_MS);
    for (let index = 0, length = 1 + random(4); index < length; index += 1) {
      const status = index === 0 ? 'RECORDED' : pick(FINDING_STATUSES);
      const midnight = startOfChinaDay(chinaDateOf(new Date(at))).getTime() + DAY_MS;
      const validFrom = new Date(pick([at, midnight, midnight - 1]));
      const deadline = status === 'VERIFIED' ? addDays(chinaDateOf(validFrom), pick([-1, 0, 1])) : addDays(START_DATE, random(80) - 5);
      periods.push({ status, deadline, unitId: pick(unitIds), inspectionId: pick(inspectionIds), validFrom });
      at = validFrom.getTime() + 1 + random(12 * DAY_MS);
    }
    return { id: randomUUID(), tenantId: pick(tenantIds), recordedAt: periods[0]!.validFrom, periods };
  });
}

/** The reference: each finding as its period at the instant shows it, counted by the domain. */
function summariesAt(findings: readonly GeneratedFinding[], instant: Date): FindingSummary[] {
  return findings.flatMap((finding) => {
    const index = finding.periods.findLastIndex((period) => period.validFrom <= instant);
    if (index < 0) return [];
    const { status, deadline, unitId, inspectionId, validFrom } = finding.periods[index]!;
    return [
      {
        state: status,
        deadline,
        recordedAt: finding.recordedAt.toISOString(),
        verifiedAt: status === 'VERIFIED' ? validFrom.toISOString() : null,
        withdrawnAt: status === 'WITHDRAWN' ? validFrom.toISOString() : null,
        unitId,
        tenantId: finding.tenantId,
        inspectionId,
      },
    ];
  });
}

let database: TestDatabase;
let dataSource: DataSource;
let statistics: StatisticsRepository;
const findings = generateFindings(400);

beforeAll(async () => {
  database = await createTestDatabase();
  let transactions;
  ({ dataSource, transactions } = await appTransactions(database, 2));
  statistics = new StatisticsRepository(transactions);
  await withOwner(database, async (owner) => {
    await registerTenants(owner, tenantIds);
    const last = (finding: GeneratedFinding): Period => finding.periods.at(-1)!;
    await owner.query(
      `INSERT INTO findings (tenant_id, id, inspection_id, unit_id, title, description, category, severity, basis, deadline, original_deadline, status,
                             check_in_count, late_check_in_count, evidence_hashes, evidence_count, check_in_due_before_submission, approved_extension_count,
                             warnings_issued, reassignments, recorded_at, reopen_count, version, updated_at)
       SELECT r.tenant_id, r.id, r.inspection_id, r.unit_id, '问题', '描述', 'OTHER', 'GENERAL', '[]', r.deadline, r.deadline, r.status,
              0, 0, '{}', 0, false, 0, '[]', '[]', r.recorded_at, 0, 1, r.recorded_at
         FROM json_to_recordset($1::json) AS r (tenant_id uuid, id uuid, inspection_id uuid, unit_id uuid, deadline date, status text, recorded_at timestamptz)`,
      [JSON.stringify(findings.map((finding) => ({ tenant_id: finding.tenantId, id: finding.id, inspection_id: last(finding).inspectionId, unit_id: last(finding).unitId, deadline: last(finding).deadline, status: last(finding).status, recorded_at: finding.recordedAt })))],
    );
    const periods = findings.flatMap((finding) =>
      finding.periods.map((period, index) => ({
        tenant_id: finding.tenantId,
        finding_id: finding.id,
        status: period.status,
        unit_id: period.unitId,
        inspection_id: period.inspectionId,
        deadline: period.deadline,
        valid_from: period.validFrom,
        valid_to: finding.periods[index + 1]?.validFrom ?? null,
      })),
    );
    await owner.query(
      `INSERT INTO finding_status_periods (tenant_id, finding_id, status, unit_id, inspection_id, deadline, valid_from, valid_to)
       SELECT * FROM json_to_recordset($1::json)
                AS r (tenant_id uuid, finding_id uuid, status text, unit_id uuid, inspection_id uuid, deadline date, valid_from timestamptz, valid_to timestamptz)`,
      [JSON.stringify(periods)],
    );
  });
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

describe('statistics counted in PostgreSQL', () => {
  it('covers every status, every warning colour, late and on-time sign-offs in its data', () => {
    const summaries = instants.flatMap((instant) => summariesAt(findings, instant));
    const figures = instants.map((instant) => rectificationFigures(summariesAt(findings, instant), instant));
    expect(new Set(summaries.map((summary) => summary.state))).toEqual(new Set(FINDING_STATUSES));
    for (const colour of ['GREEN', 'YELLOW', 'RED', 'NONE'] as const) expect(figures.some((figure) => figure.warningColours[colour] > 0)).toBe(true);
    expect(figures.some((figure) => figure.verifiedOnTime > 0 && figure.verifiedOnTime < figure.verified)).toBe(true);
  });

  it.each<[string, FindingScopeFilter, (summary: FindingSummary) => boolean]>([
    ['both districts', { tenantIds }, () => true],
    ['one district', { tenantIds: [tenantIds[0]!] }, (summary) => summary.tenantId === tenantIds[0]],
    ['one unit', { tenantIds, unitId: unitIds[1]! }, (summary) => summary.unitId === unitIds[1]],
    ['one inspection', { tenantIds, inspectionId: inspectionIds[0]! }, (summary) => summary.inspectionId === inspectionIds[0]],
  ])('gives the domain’s figures at every instant for %s', async (_scope, filter, inScope) => {
    const counts = await statistics.countsAt(filter, instants);
    instants.forEach((instant, index) => {
      expect(figuresFromCounts(counts[index]!.get(null) ?? [], instant)).toEqual(rectificationFigures(summariesAt(findings, instant).filter(inScope), instant));
    });
  });

  it.each([
    ['district', 'tenant_id', (summary: FindingSummary) => summary.tenantId],
    ['unit', 'unit_id', (summary: FindingSummary) => summary.unitId],
  ] as const)('gives the domain’s figures per %s at every instant', async (_member, group, memberOf) => {
    const counts = await statistics.countsAt({ tenantIds }, instants, group);
    instants.forEach((instant, index) => {
      const expected = rectificationFiguresBy(summariesAt(findings, instant), instant, memberOf);
      // The domain also lists a member whose findings were all recorded later, with zero figures; the ranking fills those in.
      expect([...counts[index]!.keys()].every((member) => member !== null && expected.has(member))).toBe(true);
      for (const [member, figures] of expected) expect(figuresFromCounts(counts[index]!.get(member) ?? [], instant)).toEqual(figures);
    });
  });
});
