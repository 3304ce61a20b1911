import {
  DEMO_CITIES,
  DEMO_FINDINGS,
  DEMO_INSPECTIONS,
  DEMO_INTERVIEWS,
  DEMO_PASSWORD,
  type DemoDistrict,
  type DemoFinding,
  type DemoInspection,
  type DemoInterview,
  type DemoPerson,
  type FindingStage,
} from './demo-data';
import { GraphQLHttpClient } from './graphql-client';

export interface SeedContext {
  apiUrl: string;
  log: (message: string) => void;
  /** District key (qt, sc, zy) → tenant id. */
  tenantIds: Map<string, string>;
  /** Username → person id. */
  personIds: Map<string, string>;
  /** `${district}.${unit}` → unit id. */
  unitIds: Map<string, string>;
  /** Signed-in clients by username: each demo person signs in once. */
  clients: Map<string, GraphQLHttpClient>;
  /** Demo finding key → finding id. */
  findingIds: Map<string, string>;
}

export async function clientFor(context: SeedContext, username: string): Promise<GraphQLHttpClient> {
  const existing = context.clients.get(username);
  if (existing) return existing;
  const client = await GraphQLHttpClient.signIn(context.apiUrl, username, DEMO_PASSWORD);
  context.clients.set(username, client);
  return client;
}

export const seedKey = (...parts: string[]): string => `seed-demo:${parts.join(':')}`;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China calendar date `days` from today (YYYY-MM-DD). */
export function chinaDate(days: number, now = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

function districts(): DemoDistrict[] {
  return DEMO_CITIES.flatMap((city) => city.districts);
}

function districtOf(key: string): DemoDistrict {
  return districts().find((district) => district.key === key)!;
}

function adminOf(district: DemoDistrict): string {
  return district.people.find((person) => person.role === 'district_admin')!.username;
}

/** The city inspector of the city a district belongs to (who signs its findings off). */
function inspectorOf(districtKey: string): string {
  return DEMO_CITIES.find((city) => city.districts.some((district) => district.key === districtKey))!.inspectors[0]!.username;
}

const unitId = (context: SeedContext, district: string, unit: string): string => {
  const id = context.unitIds.get(`${district}.${unit}`);
  if (!id) throw new Error(`demo data: no unit ${district}.${unit}`);
  return id;
};

async function seedUnits(context: SeedContext, district: DemoDistrict): Promise<void> {
  const admin = await clientFor(context, adminOf(district));
  for (const unit of district.units) {
    const data = await admin.request<{ createUnit: { id: string } }>(
      'mutation SeedCreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
      {
        input: {
          name: unit.name,
          kind: unit.kind,
          parentId: unit.parentKey ? unitId(context, district.key, unit.parentKey) : null,
          idempotencyKey: seedKey('unit', district.key, unit.key),
        },
      },
    );
    context.unitIds.set(`${district.key}.${unit.key}`, data.createUnit.id);
  }
}

async function registerDistrictPerson(context: SeedContext, admin: GraphQLHttpClient, district: DemoDistrict, person: DemoPerson): Promise<void> {
  const data = await admin.request<{ registerPerson: { id: string } }>(
    'mutation SeedRegisterDistrictPerson($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    {
      input: {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        tenantId: context.tenantIds.get(district.key),
        unitId: person.unitKey ? unitId(context, district.key, person.unitKey) : null,
        phone: person.phone ?? null,
        initialPassword: DEMO_PASSWORD,
        idempotencyKey: seedKey('person', person.username),
      },
    },
  );
  context.personIds.set(person.username, data.registerPerson.id);
  if (person.role === 'unit_officer' && person.unitKey) {
    // The liaison receives the unit's deadline warnings.
    const id = unitId(context, district.key, person.unitKey);
    const { unit } = await admin.request<{ unit: { version: number } }>('query SeedUnitVersion($id: ID!) { unit(id: $id) { version } }', { id });
    await admin.request('mutation SeedAssignLiaison($input: AssignUnitPersonInput!) { assignUnitLiaison(input: $input) { id } }', {
      input: { id, expectedVersion: unit.version, personId: data.registerPerson.id },
    });
  }
}

/** Each district's administrator creates its units, then registers their liaisons and its auditors. */
async function seedDistrict(context: SeedContext, district: DemoDistrict): Promise<void> {
  await seedUnits(context, district);
  const admin = await clientFor(context, adminOf(district));
  for (const person of district.people.filter((candidate) => candidate.role !== 'district_admin')) {
    await registerDistrictPerson(context, admin, district, person);
  }
  context.log(`${district.name}: ${district.units.length} units, ${district.people.length} people`);
}

interface Versioned {
  id: string;
  version: number;
}

const INSPECTION_STEPS: Record<DemoInspection['stage'], number> = { PLANNED: 0, IN_PROGRESS: 1, REPORT_ISSUED: 2, CLOSED: 3 };

async function seedInspection(context: SeedContext, inspection: DemoInspection, inspectionIds: Map<string, string>): Promise<void> {
  const planner = await clientFor(context, inspection.by);
  const change = (record: Versioned) => ({ id: record.id, expectedVersion: record.version });
  const { planInspection: planned } = await planner.request<{ planInspection: Versioned }>(
    'mutation SeedPlanInspection($input: PlanInspectionInput!) { planInspection(input: $input) { id version } }',
    {
      input: {
        tenantId: context.tenantIds.get(inspection.district),
        title: inspection.title,
        kind: inspection.kind,
        target: inspection.unitKeys.length
          ? { scope: 'UNITS', unitIds: inspection.unitKeys.map((unit) => unitId(context, inspection.district, unit)) }
          : { scope: 'DISTRICT', unitIds: [] },
        periodStart: chinaDate(inspection.startInDays),
        periodEnd: chinaDate(inspection.endInDays),
        team: inspection.team.map((name) => ({ name })),
        followUpOfId: inspection.followUpOf ? inspectionIds.get(inspection.followUpOf) : null,
        idempotencyKey: seedKey('inspection', inspection.key),
      },
    },
  );
  inspectionIds.set(inspection.key, planned.id);
  let current = planned;
  const steps = INSPECTION_STEPS[inspection.stage];
  if (steps >= 1) {
    current = (await planner.request<{ startInspection: Versioned }>('mutation SeedStartInspection($input: ChangeInspectionInput!) { startInspection(input: $input) { id version } }', { input: change(current) })).startInspection;
  }
  // Findings are recorded while it is under way; the report is issued after.
  for (const finding of DEMO_FINDINGS.filter((candidate) => candidate.inspection === inspection.key)) {
    await seedFinding(context, planner, planned.id, finding, inspection.district);
  }
  if (steps >= 2) {
    current = (
      await planner.request<{ issueInspectionReport: Versioned }>('mutation SeedIssueReport($input: IssueInspectionReportInput!) { issueInspectionReport(input: $input) { id version } }', {
        input: { ...change(current), summary: `${inspection.title}反馈意见：共发现问题${DEMO_FINDINGS.filter((candidate) => candidate.inspection === inspection.key).length}个，请各单位对照问题清单抓好整改落实。` },
      })
    ).issueInspectionReport;
  }
  if (steps >= 3) {
    await planner.request('mutation SeedCloseInspection($input: ChangeInspectionInput!) { closeInspection(input: $input) { id } }', { input: change(current) });
  }
}

const STAGE_ORDER: FindingStage[] = ['RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'SUBMITTED', 'DISTRICT_REVIEW_PASSED', 'VERIFIED'];

/** How far along the main path a stage lies (extension requests and rejections branch off IN_PROGRESS and SUBMITTED). */
function reaches(stage: FindingStage, step: FindingStage): boolean {
  const effective: FindingStage = stage === 'EXTENSION_REQUESTED' ? 'IN_PROGRESS' : stage === 'REJECTED' ? 'SUBMITTED' : stage === 'WITHDRAWN' ? 'RECORDED' : stage;
  return STAGE_ORDER.indexOf(effective) >= STAGE_ORDER.indexOf(step);
}

/** A small, valid PDF naming the finding: the evidence a unit would upload. */
function evidencePdf(finding: DemoFinding): Buffer {
  return Buffer.from(`%PDF-1.4\n% Zeren demo evidence: ${finding.key}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

async function findingMutation(client: GraphQLHttpClient, mutation: string, inputType: string, input: Record<string, unknown>): Promise<Versioned> {
  const data = await client.request<Record<string, Versioned>>(`mutation Seed${mutation[0]!.toUpperCase()}${mutation.slice(1)}($input: ${inputType}!) { ${mutation}(input: $input) { id version } }`, { input });
  return data[mutation]!;
}

async function seedFinding(context: SeedContext, recorder: GraphQLHttpClient, inspectionId: string, finding: DemoFinding, districtKey: string): Promise<void> {
  let current = await findingMutation(recorder, 'recordFinding', 'RecordFindingInput', {
    inspectionId,
    unitId: unitId(context, districtKey, finding.unitKey),
    title: finding.title,
    description: finding.description,
    category: finding.category,
    severity: finding.severity,
    basis: finding.basis,
    deadline: chinaDate(finding.deadlineInDays),
    idempotencyKey: seedKey('finding', finding.key),
  });
  context.findingIds.set(finding.key, current.id);
  const step = async (client: GraphQLHttpClient, mutation: string, inputType: string, input: Record<string, unknown> = {}): Promise<void> => {
    current = await findingMutation(client, mutation, inputType, { id: current.id, expectedVersion: current.version, ...input });
  };
  const district = districtOf(districtKey);
  const reporter = await clientFor(context, finding.reporter);
  const admin = await clientFor(context, adminOf(district));
  if (finding.stage === 'WITHDRAWN') {
    await step(recorder, 'withdrawFinding', 'FindingReasonInput', { reason: '经核实，问题系统计口径有误，予以撤销。' });
    return;
  }
  if (reaches(finding.stage, 'PLAN_SUBMITTED')) {
    await step(reporter, 'submitRectificationPlan', 'SubmitRectificationPlanInput', {
      measures: `1. 召开专题会议研究部署“${finding.title}”整改工作；\n2. 明确责任科室和完成时限，建立整改台账；\n3. 举一反三，完善长效机制。`,
      responsiblePerson: { name: district.people.find((person) => person.username === finding.reporter)?.displayName ?? '联络员' },
      plannedCompletionDate: chinaDate(Math.max(0, finding.deadlineInDays - 2)),
    });
  }
  if (reaches(finding.stage, 'IN_PROGRESS')) {
    const done = reaches(finding.stage, 'SUBMITTED');
    if (finding.lateCheckIn) {
      await step(reporter, 'checkInProgress', 'CheckInProgressInput', {
        percent: 30,
        narrative: '已召开专题会议，制定整改方案并分解任务（补报）。',
        evidence: [],
        effectiveAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
      });
    }
    const evidence = done ? [await reporter.uploadEvidence(evidencePdf(finding), `${finding.title}-整改佐证.pdf`, 'application/pdf')] : [];
    await step(reporter, 'checkInProgress', 'CheckInProgressInput', {
      percent: done ? 100 : (finding.percent ?? 50),
      narrative: done ? '各项整改措施已全部落实，相关制度已印发，佐证材料已上传。' : '整改工作正在推进，已完成部分整改任务。',
      evidence,
    });
  }
  if (finding.stage === 'EXTENSION_REQUESTED') {
    await step(reporter, 'requestExtension', 'RequestExtensionInput', { requestedDeadline: chinaDate(finding.deadlineInDays + 30), reason: '涉及多所学校网站改版，需协调技术服务单位，申请延期30天。' });
    return;
  }
  if (reaches(finding.stage, 'SUBMITTED')) await step(reporter, 'submitForSignOff', 'SubmitForSignOffInput', { note: '整改已完成，申请销号。' });
  if (finding.stage === 'REJECTED') {
    await step(admin, 'rejectDistrictReview', 'FindingReasonInput', { reason: '佐证材料不充分，未见专题教育的签到表和课件，请补充后重新申请。' });
    return;
  }
  if (reaches(finding.stage, 'DISTRICT_REVIEW_PASSED')) await step(admin, 'passDistrictReview', 'FindingCommentInput', { comment: '经审核，整改措施落实到位，同意报市级销号。' });
  if (reaches(finding.stage, 'VERIFIED')) {
    await step(await clientFor(context, inspectorOf(districtKey)), 'signOffFinding', 'FindingCommentInput', { comment: '经核查，整改到位，同意销号。' });
  }
}

async function seedInterview(context: SeedContext, interview: DemoInterview): Promise<void> {
  const scheduler = await clientFor(context, interview.by);
  const person = (username: string): string => {
    const id = context.personIds.get(username);
    if (!id) throw new Error(`demo data: no person ${username}`);
    return id;
  };
  const scheduledAt = new Date(Date.now() + interview.inDays * DAY_MS);
  scheduledAt.setUTCHours(interview.held ? 1 : 6, 30, 0, 0);
  const { scheduleInterview: scheduled } = await scheduler.request<{ scheduleInterview: Versioned }>(
    'mutation SeedScheduleInterview($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id version } }',
    {
      input: {
        tenantId: context.tenantIds.get(interview.district),
        kind: interview.kind,
        interviewerIds: interview.interviewers.map(person),
        interviewees: interview.interviewees.map((username) => ({ personId: person(username) })),
        reason: interview.reason,
        findingIds: interview.findings.flatMap((key) => context.findingIds.get(key) ?? []),
        scheduledAt: scheduledAt.toISOString(),
        place: interview.place,
        confidential: interview.confidential,
        idempotencyKey: seedKey('interview', interview.key),
      },
    },
  );
  if (!interview.held) return;
  const { recordInterviewHeld: held } = await scheduler.request<{ recordInterviewHeld: Versioned & { commitments: Array<{ id: string; text: string }> } }>(
    'mutation SeedRecordHeld($input: RecordInterviewHeldInput!) { recordInterviewHeld(input: $input) { id version commitments { id text } } }',
    {
      input: {
        id: scheduled.id,
        expectedVersion: scheduled.version,
        heldAt: new Date(Math.min(Date.now() - 60_000, scheduledAt.getTime())).toISOString(),
        minutes: interview.held.minutes,
        commitments: interview.held.commitments.map((commitment) => ({ text: commitment.text, dueDate: chinaDate(commitment.dueInDays) })),
      },
    },
  );
  let version = held.version;
  for (const commitment of interview.held.commitments.filter((candidate) => candidate.fulfilled)) {
    const id = held.commitments.find((made) => made.text === commitment.text)!.id;
    const answer = await scheduler.request<{ fulfilCommitment: Versioned }>('mutation SeedFulfil($input: FulfilCommitmentInput!) { fulfilCommitment(input: $input) { id version } }', {
      input: { id: held.id, expectedVersion: version, commitmentId: id, note: commitment.fulfilled },
    });
    version = answer.fulfilCommitment.version;
  }
}

/** Units, people, inspections, findings in every state of the lifecycle, and 约谈. */
export async function seedBusiness(context: SeedContext): Promise<void> {
  for (const district of districts()) await seedDistrict(context, district);
  const inspectionIds = new Map<string, string>();
  for (const inspection of DEMO_INSPECTIONS) await seedInspection(context, inspection, inspectionIds);
  context.log(`${DEMO_INSPECTIONS.length} inspections, ${DEMO_FINDINGS.length} findings`);
  for (const interview of DEMO_INTERVIEWS) await seedInterview(context, interview);
  context.log(`${DEMO_INTERVIEWS.length} interviews`);
}
