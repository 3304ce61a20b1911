import {
  addDays,
  chinaDateOf,
  cityDecider,
  findingDecider,
  inspectionDecider,
  interviewDecider,
  tenantDecider,
  unitDecider,
  type Actor,
  type Decider,
  type FindingCommand,
} from '@zeren/domain';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, PLATFORM_TENANT_ID } from '@zeren/events';
import { SeededRandom } from './seeded-random';

/**
 * Realistic data for the benchmarks, deterministic from a seed: cities, districts, units,
 * inspections, findings going through plan, check-ins, review and sign-off (or withdrawal), and
 * interviews. Every event is decided by the real domain deciders at a simulated clock, so the data
 * obeys every rule the product enforces; the sinks then write it through the event store.
 */

/** One decided command: what one append of the real write path would store. */
export interface GeneratedCommit {
  tenantId: string;
  streamId: string;
  /** The stream's version before this commit. */
  expectedVersion: number;
  actor: Actor;
  at: Date;
  effectiveAt: Date | null;
  requestId: string;
  events: Array<{ type: string; data: unknown }>;
}

export interface CityPlan {
  districts: number;
  findingsPerDistrict: number;
}

export interface DataPlan {
  seed: number;
  cities: CityPlan[];
  /** Gives the first district one finding with this many events (time travel). */
  longFindingEvents?: number;
}

export interface GeneratedDistrict {
  tenantId: string;
  cityId: string;
  name: string;
  commits: GeneratedCommit[];
  /** Findings still being rectified (progress may be reported) at the end of the data, with the officer of their unit. */
  openFindings: Array<{ findingId: string; version: number; officer: Actor }>;
}

export interface DataLayout {
  cities: Array<{ cityId: string; name: string; inspector: Actor; districts: Array<{ tenantId: string; name: string; admin: Actor }> }>;
  longFinding: { tenantId: string; findingId: string } | null;
}

const DATA_START = Date.parse('2025-01-06T01:00:00.000Z');
const FINDINGS_FROM = Date.parse('2025-02-03T01:00:00.000Z');
const FINDINGS_UNTIL = Date.parse('2026-09-01T01:00:00.000Z');
/** Nothing is decided after this instant: the data set's "now", safely in the past. */
export const DATA_END = new Date('2026-10-01T00:00:00.000Z');
const DAY = 86_400_000;
const CITY_NAMES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

function actor(role: Actor['role'], id: string, cityId: string, tenantId: string | null, unitId: string | null = null): Actor {
  return { kind: 'user', id, role, cityId, tenantId, unitId };
}

/** One record's stream while it is being generated: decides, folds and collects commits. */
class GeneratedStream<State, Command> {
  private state: State;
  version = 0;

  constructor(
    private readonly decider: Decider<State, Command, { type: string; data: unknown }>,
    private readonly tenantId: string,
    readonly streamId: string,
    private readonly sink: GeneratedCommit[],
    private readonly random: SeededRandom,
  ) {
    this.state = decider.initialState();
  }

  /** Decides at `at`; false (and nothing stored) when `at` is past the end of the data. */
  do(command: Command, by: Actor, at: number, effectiveAt: number | null = null): boolean {
    if (at > DATA_END.getTime()) return false;
    const events = this.decider.decide(this.state, command, { actor: by, now: new Date(at), tenantId: this.tenantId });
    this.sink.push({
      tenantId: this.tenantId,
      streamId: this.streamId,
      expectedVersion: this.version,
      actor: by,
      at: new Date(at),
      effectiveAt: effectiveAt === null ? null : new Date(effectiveAt),
      requestId: this.random.uuid(),
      events,
    });
    for (const event of events) this.state = this.decider.evolve(this.state, event);
    this.version += events.length;
    return true;
  }
}

export class CityDataGenerator {
  readonly layout: DataLayout;
  private readonly random: SeededRandom;

  constructor(private readonly plan: DataPlan) {
    this.random = new SeededRandom(plan.seed);
    this.layout = {
      cities: plan.cities.map((city, cityIndex) => {
        const cityId = this.random.uuid();
        return {
          cityId,
          name: CITY_NAMES[cityIndex % CITY_NAMES.length]! + (cityIndex >= CITY_NAMES.length ? String(cityIndex) : ''),
          inspector: actor('city_inspector', this.random.uuid(), cityId, null),
          districts: Array.from({ length: city.districts }, (_, districtIndex) => {
            const tenantId = this.random.uuid();
            return { tenantId, name: `第${districtIndex + 1}区`, admin: actor('district_admin', this.random.uuid(), cityId, tenantId) };
          }),
        };
      }),
      longFinding: null,
    };
  }

  get totalDistricts(): number {
    return this.layout.cities.reduce((sum, city) => sum + city.districts.length, 0);
  }

  /** The platform chain: every city and district, created by the platform administrator. */
  platformCommits(): GeneratedCommit[] {
    const commits: GeneratedCommit[] = [];
    const platform: Actor = { kind: 'user', id: this.random.uuid(), role: 'platform_admin', cityId: null, tenantId: null, unitId: null };
    let at = DATA_START;
    this.layout.cities.forEach((city, cityIndex) => {
      const code = 100000 + cityIndex * 1000;
      new GeneratedStream(cityDecider, PLATFORM_TENANT_ID, city.cityId, commits, this.random).do(
        { type: 'CreateCity', cityId: city.cityId, name: city.name, code: String(code) },
        platform,
        (at += 60_000),
      );
      city.districts.forEach((district, districtIndex) => {
        new GeneratedStream(tenantDecider, PLATFORM_TENANT_ID, district.tenantId, commits, this.random).do(
          { type: 'CreateTenant', tenantId: district.tenantId, cityId: city.cityId, name: district.name, code: String(code + districtIndex + 1) },
          platform,
          (at += 60_000),
        );
      });
    });
    return commits;
  }

  /** Each district's commits in time order, one district at a time so memory stays flat at any scale. */
  *districts(): Generator<GeneratedDistrict> {
    for (const [cityIndex, city] of this.layout.cities.entries()) {
      for (const [districtIndex, district] of city.districts.entries()) {
        const long = cityIndex === 0 && districtIndex === 0 ? this.plan.longFindingEvents : undefined;
        yield this.district(city.cityId, city.inspector, district, this.plan.cities[cityIndex]!.findingsPerDistrict, long);
      }
    }
  }

  private district(
    cityId: string,
    inspector: Actor,
    district: { tenantId: string; name: string; admin: Actor },
    findingCount: number,
    longFindingEvents: number | undefined,
  ): GeneratedDistrict {
    const { tenantId, admin } = district;
    const random = this.random;
    const commits: GeneratedCommit[] = [];
    const stream = <S, C>(decider: Decider<S, C, { type: string; data: unknown }>, id: string) =>
      new GeneratedStream(decider, tenantId, id, commits, random);

    const units = Array.from({ length: Math.max(5, Math.min(60, Math.round(findingCount / 30))) }, (_, index) => {
      const unitId = random.uuid();
      stream(unitDecider, unitId).do(
        { type: 'CreateUnit', unitId, parentUnitId: null, name: `${district.name}${index % 2 === 0 ? '街道' : '宣传部'}${index + 1}`, kind: index % 2 === 0 ? 'STREET' : 'DEPARTMENT' },
        admin,
        DATA_START + DAY + index * 60_000,
      );
      return { unitId, officer: actor('unit_officer', random.uuid(), cityId, tenantId, unitId) };
    });

    const inspections = Array.from({ length: Math.max(1, Math.ceil(findingCount / 200)) }, (_, index) => {
      const inspectionId = random.uuid();
      const inspection = stream(inspectionDecider, inspectionId);
      const plannedAt = DATA_START + 2 * DAY + index * 60_000;
      inspection.do(
        {
          type: 'PlanInspection',
          inspectionId,
          title: `2025年度意识形态工作责任制专项巡察（第${index + 1}轮）`,
          kind: 'PATROL',
          target: { scope: 'DISTRICT' },
          period: { startDate: '2025-01-20', endDate: '2026-12-31' },
          team: [{ personId: null, name: '张强' }],
          followUpOf: null,
        },
        inspector,
        plannedAt,
      );
      inspection.do({ type: 'StartInspection' }, inspector, plannedAt + 14 * DAY);
      return inspectionId;
    });

    const openFindings: GeneratedDistrict['openFindings'] = [];
    const recordFinding = (findingId: string, unit: (typeof units)[number], at: number) => {
      const finding = stream(findingDecider, findingId);
      const deadline = addDays(chinaDateOf(new Date(at)), random.int(30, 90));
      finding.do(
        {
          type: 'RecordFinding',
          findingId,
          inspection: { inspectionId: random.pick(inspections), status: 'IN_PROGRESS', level: 'CITY' },
          unitId: unit.unitId,
          title: '理论学习中心组学习制度落实不到位',
          description: '年度中心组集体学习次数少于规定次数，学习记录不完整。',
          category: random.pick(FINDING_CATEGORIES),
          severity: random.pick(FINDING_SEVERITIES),
          basis: { kind: 'RESPONSIBILITY_ITEM', reference: '意识形态工作责任清单第3条', text: '党委（党组）理论学习中心组每年集体学习不少于12次。' },
          deadline,
        } satisfies FindingCommand,
        inspector,
        at,
      );
      return { finding, deadline };
    };

    const findingIds: string[] = [];
    for (let index = 0; index < findingCount; index += 1) {
      const findingId = random.uuid();
      findingIds.push(findingId);
      const unit = random.pick(units);
      let at = FINDINGS_FROM + Math.floor(random.next() * (FINDINGS_UNTIL - FINDINGS_FROM));
      const { finding, deadline } = recordFinding(findingId, unit, at);
      const outcome = random.next();
      if (outcome < 0.05) {
        finding.do({ type: 'WithdrawFinding', reason: '经核实不属于问题' }, admin, at + random.int(1, 5) * DAY);
        continue;
      }
      at += random.int(1, 5) * DAY;
      if (!finding.do({ type: 'SubmitRectificationPlan', measures: '制定整改方案，逐项落实。', responsiblePerson: { personId: null, name: '王明' }, plannedCompletionDate: deadline }, unit.officer, at)) continue;
      const completes = outcome < 0.65;
      const checkIns = random.int(1, 5);
      let percent = 0;
      let stopped = false;
      for (let checkIn = 1; checkIn <= checkIns && !stopped; checkIn += 1) {
        percent = completes && checkIn === checkIns ? 100 : Math.min(95, percent + random.int(5, 40));
        at += random.int(3, 12) * DAY;
        stopped = !finding.do({ type: 'CheckInProgress', percent, narrative: `已完成整改任务的${percent}%。`, evidence: [random.hex64()] }, unit.officer, at);
      }
      if (stopped) {
        openFindings.push({ findingId, version: finding.version, officer: unit.officer });
        continue;
      }
      if (!completes) {
        openFindings.push({ findingId, version: finding.version, officer: unit.officer });
        continue;
      }
      const signOff: Array<[FindingCommand, Actor]> = [
        [{ type: 'SubmitForSignOff' }, unit.officer],
        [{ type: 'PassDistrictReview' }, admin],
        [{ type: 'SignOffFinding' }, inspector],
      ];
      for (const [command, by] of signOff) if (!finding.do(command, by, (at += random.int(1, 4) * DAY))) break;
    }

    for (let index = 0; index < Math.floor(findingCount / 150); index += 1) {
      const interviewId = random.uuid();
      const unit = random.pick(units);
      const interview = stream(interviewDecider, interviewId);
      const at = FINDINGS_FROM + 30 * DAY + Math.floor(random.next() * (FINDINGS_UNTIL - FINDINGS_FROM - 30 * DAY));
      const scheduledAt = new Date(at + 3 * DAY).toISOString();
      interview.do(
        {
          type: 'ScheduleInterview',
          interviewId,
          kind: 'REMINDER',
          interviewerIds: [admin.id],
          interviewees: [{ personId: unit.officer.id, name: '赵刚', unitId: unit.unitId }],
          reason: '整改进度滞后',
          findingIds: [random.pick(findingIds)],
          scheduledAt,
          place: '区委第三会议室',
          confidential: false,
        },
        admin,
        at,
      );
      interview.do(
        {
          type: 'RecordInterviewHeld',
          minutes: '指出问题，提出要求，被约谈人作出表态。',
          commitments: [{ commitmentId: random.uuid(), text: '按期完成全部整改', dueDate: addDays(chinaDateOf(new Date(at)), 30) }],
        },
        admin,
        at + 3 * DAY,
      );
    }

    if (longFindingEvents) {
      const findingId = random.uuid();
      const unit = units[0]!;
      const start = DATA_END.getTime() - 60 * DAY;
      const { finding, deadline } = recordFinding(findingId, unit, start);
      finding.do({ type: 'SubmitRectificationPlan', measures: '制定整改方案，逐项落实。', responsiblePerson: { personId: null, name: '王明' }, plannedCompletionDate: deadline }, unit.officer, start + DAY);
      for (let checkIn = 1; finding.version < longFindingEvents; checkIn += 1) {
        finding.do({ type: 'CheckInProgress', percent: Math.min(99, Math.floor(checkIn / 2)), narrative: `第${checkIn}次进展。`, evidence: [] }, unit.officer, start + DAY + checkIn * 3_600_000 * 5);
      }
      this.layout.longFinding = { tenantId, findingId };
    }

    // Chain order follows the clock, as it would in a live system; each stream's own order is kept.
    commits.sort((left, right) => left.at.getTime() - right.at.getTime());
    return { tenantId, cityId, name: district.name, commits, openFindings };
  }
}
