import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  assess,
  assessmentRulesFor,
  keyProjectPlanDecider,
  milestoneStandings,
  monthlyReportDecider,
  monthlyReportStanding,
  projectCompletion,
  responsibilityListDecider,
  startOfChinaDay,
  targetLetterDecider,
  totalWeight,
  unitsWithoutSignedLetter,
  validationFailed,
  weightedCompletion,
  type Actor,
  type AssessedEvent,
  type AssessmentSubject,
  type Decider,
  type KeyProjectPlanCommand,
  type KeyProjectPlanState,
  type MonthlyReportCommand,
  type MonthlyReportState,
  type ResponsibilityListCommand,
  type ResponsibilityListState,
  type TargetLetterCommand,
  type TargetLetterState,
} from '@zeren/domain';
import type { InterviewScheduled, KeyProjectPlanEvent, MonthlyReportEvent, ResponsibilityListEvent, TargetLetterEvent } from '@zeren/events';
import { RecordNotFoundError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { WarningLevelValue } from '../findings/finding.models';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { TenantDirectory } from '../identity/tenant-directory';
import { TenancyRepository } from '../tenancy/tenancy.repository';
import { newRecordId, RecordCommands, type ChangeRequest } from '../records/record-commands';
import type { WarningCandidate } from '../records/warning-rounds';
import {
  Assessment,
  AssessmentCriterionValue,
  KeyProjectCategoryValue,
  KeyProjectPlanStatusValue,
  MonthlyReportStatusValue,
  ReportStandingValue,
  SignatoryPartyValue,
  TargetLetterLevelValue,
  TargetLetterStatusValue,
  type AddKeyProjectInput,
  type AddResponsibilityItemInput,
  type CreateResponsibilityListInput,
  type DraftKeyProjectPlanInput,
  type DraftTargetLetterInput,
  type KeyProjectPlan,
  type MonthlyReport,
  type ReportKeyProjectProgressInput,
  type ResponsibilityList,
  type ScheduleMonthlyReportInput,
  type SignTargetLetterInput,
  type SubmitMonthlyReportInput,
  type TargetLetter,
  type UnitRef,
} from './responsibility.models';
import { ResponsibilityRepository, type ResponsibilityRecord, type ResponsibilityRecordType } from './responsibility.repository';

const subjectOf = (record: ResponsibilityRecord): Record<string, unknown> => ({ tenantId: record.tenantId, unitId: record.unitId });

/**
 * A record's id from its natural key (a unit's list for a year, a district's report for a month…),
 * so there is one stream per key: a second creation meets the existing stream and the decider
 * refuses it, with no check-then-insert race.
 */
function naturalRecordId(tenantId: string, type: ResponsibilityRecordType, key: string): string {
  const hex = createHash('sha256').update(`${tenantId}\u0000${type}\u0000${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw validationFailed({ year: 'must be a year between 2000 and 2100' });
}

/**
 * The annual responsibility cycle: 责任清单, 目标责任书, 重点工作项目 and 分析研判月报告 through the
 * command pipeline, and the year's 考核 scored from the event log.
 */
@Injectable()
export class ResponsibilityService {
  private readonly lists: RecordCommands<ResponsibilityRecord<'ResponsibilityList'>, ResponsibilityListState, ResponsibilityListCommand, ResponsibilityListEvent>;
  private readonly letters: RecordCommands<ResponsibilityRecord<'TargetLetter'>, TargetLetterState, TargetLetterCommand, TargetLetterEvent>;
  private readonly plans: RecordCommands<ResponsibilityRecord<'KeyProjectPlan'>, KeyProjectPlanState, KeyProjectPlanCommand, KeyProjectPlanEvent>;
  private readonly reports: RecordCommands<ResponsibilityRecord<'MonthlyReport'>, MonthlyReportState, MonthlyReportCommand, MonthlyReportEvent>;

  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(ResponsibilityRepository) private readonly repository: ResponsibilityRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(TenantDirectory) private readonly directory: TenantDirectory,
    @Inject(TenancyRepository) private readonly tenancy: TenancyRepository,
  ) {
    this.lists = this.area('ResponsibilityList', responsibilityListDecider);
    this.letters = this.area('TargetLetter', targetLetterDecider);
    this.plans = this.area('KeyProjectPlan', keyProjectPlanDecider);
    this.reports = this.area('MonthlyReport', monthlyReportDecider);
  }

  private area<T extends ResponsibilityRecordType, State, Command, Event extends { type: string; data: unknown }>(
    type: T,
    decider: Decider<State, Command, Event>,
  ): RecordCommands<ResponsibilityRecord<T>, State, Command, Event> {
    return new RecordCommands<ResponsibilityRecord<T>, State, Command, Event>(
      {
        subjectType: 'Responsibility',
        decider,
        find: async (tenantIds, id) => {
          const record = await this.repository.find(tenantIds, id);
          return record?.type === type ? (record as ResponsibilityRecord<T>) : undefined;
        },
        subjectOf,
      },
      this.pipeline,
      this.authorization,
    );
  }


  async responsibilityLists(caller: Caller, year: number, tenantId: string | null, unitId: string | null): Promise<ResponsibilityList[]> {
    requireYear(year);
    const records = await this.repository.list(caller.tenantIds, this.authorization.abilityOf(caller), { type: 'ResponsibilityList', year, tenantId, unitId });
    return this.presentLists(caller, records);
  }

  async responsibilityList(caller: Caller, id: string): Promise<ResponsibilityList> {
    return (await this.presentLists(caller, [await this.lists.visible(caller, id)]))[0]!;
  }

  async createResponsibilityList(caller: Caller, input: CreateResponsibilityListInput): Promise<ResponsibilityList> {
    requireYear(input.year);
    const tenantId = this.tenantOf(caller, input.tenantId);
    const unitId = input.unitId.toLowerCase();
    await this.requireUnit(tenantId, unitId, 'unitId');
    const listId = naturalRecordId(tenantId, 'ResponsibilityList', `${unitId}/${input.year}`);
    const record = await this.lists.create(caller, { tenantId, id: listId, subject: { unitId }, idempotencyKey: input.idempotencyKey }, 'create', {
      type: 'CreateResponsibilityList',
      listId,
      unitId,
      year: input.year,
      title: input.title,
    });
    return (await this.presentLists(caller, [record]))[0]!;
  }

  async addResponsibilityItem(caller: Caller, input: AddResponsibilityItemInput): Promise<ResponsibilityList> {
    const record = await this.lists.change(caller, input, 'update', {
      type: 'AddResponsibilityItem',
      itemId: newRecordId(caller, input.idempotencyKey && `${input.idempotencyKey}#item`, randomUUID),
      title: input.title,
      content: input.content,
      firstResponsible: { personId: input.firstResponsible.personId?.toLowerCase() ?? null, name: input.firstResponsible.name },
    });
    return (await this.presentLists(caller, [record]))[0]!;
  }


  async targetLetters(caller: Caller, year: number, tenantId: string | null): Promise<TargetLetter[]> {
    requireYear(year);
    const records = await this.repository.list(caller.tenantIds, this.authorization.abilityOf(caller), { type: 'TargetLetter', year, tenantId, unitId: null });
    return records.map((record) => this.presentLetter(record));
  }

  async draftTargetLetter(caller: Caller, input: DraftTargetLetterInput): Promise<TargetLetter> {
    requireYear(input.year);
    const tenantId = this.tenantOf(caller, input.tenantId);
    const unitId = input.unitId?.toLowerCase() ?? null;
    if (unitId) await this.requireUnit(tenantId, unitId, 'unitId');
    const letterId = naturalRecordId(tenantId, 'TargetLetter', `${input.level}/${unitId ?? '-'}/${input.year}`);
    const record = await this.letters.create(caller, { tenantId, id: letterId, subject: { unitId }, idempotencyKey: input.idempotencyKey }, 'create', {
      type: 'DraftTargetLetter',
      letterId,
      year: input.year,
      level: input.level,
      unitId,
      terms: input.terms,
    });
    return this.presentLetter(record);
  }

  async signTargetLetter(caller: Caller, input: SignTargetLetterInput): Promise<TargetLetter> {
    return this.presentLetter(
      await this.letters.change(caller, input, 'update', { type: 'SignTargetLetter', signatories: input.signatories, signedOn: input.signedOn }),
    );
  }

  /** The district's units without a signed district → unit letter for the year. */
  async unsignedUnits(caller: Caller, year: number, tenantId: string | null): Promise<UnitRef[]> {
    requireYear(year);
    const district = this.tenantOf(caller, tenantId);
    this.authorization.assertCanRead(caller, 'Responsibility', { tenantId: district, unitId: null }, district);
    const [units, letters] = await Promise.all([
      this.repository.activeUnits(district),
      this.repository.list([district], this.authorization.abilityOf(caller), { type: 'TargetLetter', year, tenantId: district, unitId: null }),
    ]);
    const unsigned = new Set(unitsWithoutSignedLetter(units.map((unit) => unit.id), letters.map((letter) => letter.state), year));
    return units.filter((unit) => unsigned.has(unit.id));
  }


  async keyProjectPlans(caller: Caller, year: number, tenantId: string | null): Promise<KeyProjectPlan[]> {
    requireYear(year);
    const records = await this.repository.list(caller.tenantIds, this.authorization.abilityOf(caller), { type: 'KeyProjectPlan', year, tenantId, unitId: null });
    const now = new Date();
    return records.map((record) => this.presentPlan(record, now));
  }

  async keyProjectPlan(caller: Caller, id: string): Promise<KeyProjectPlan> {
    return this.presentPlan(await this.plans.visible(caller, id), new Date());
  }

  async draftKeyProjectPlan(caller: Caller, input: DraftKeyProjectPlanInput): Promise<KeyProjectPlan> {
    requireYear(input.year);
    const tenantId = this.tenantOf(caller, input.tenantId);
    const ownerUnitId = input.ownerUnitId?.toLowerCase() ?? null;
    if (ownerUnitId) await this.requireUnit(tenantId, ownerUnitId, 'ownerUnitId');
    const planId = naturalRecordId(tenantId, 'KeyProjectPlan', `${ownerUnitId ?? '-'}/${input.year}`);
    const record = await this.plans.create(caller, { tenantId, id: planId, subject: { unitId: ownerUnitId }, idempotencyKey: input.idempotencyKey }, 'create', {
      type: 'DraftKeyProjectPlan',
      planId,
      year: input.year,
      ownerUnitId,
    });
    return this.presentPlan(record, new Date());
  }

  addKeyProject(caller: Caller, input: AddKeyProjectInput): Promise<KeyProjectPlan> {
    return this.changePlan(caller, input, {
      type: 'AddKeyProject',
      projectId: newRecordId(caller, input.idempotencyKey && `${input.idempotencyKey}#project`, randomUUID),
      category: input.category,
      title: input.title,
      weight: input.weight,
      goal: input.goal,
      milestones: input.milestones,
    });
  }

  confirmKeyProjectPlan(caller: Caller, input: ChangeRequest): Promise<KeyProjectPlan> {
    return this.changePlan(caller, input, { type: 'ConfirmKeyProjectPlan' });
  }

  reportKeyProjectProgress(caller: Caller, input: ReportKeyProjectProgressInput): Promise<KeyProjectPlan> {
    return this.changePlan(caller, input, {
      type: 'ReportKeyProjectProgress',
      projectId: input.projectId.toLowerCase(),
      month: input.month,
      completionPercent: input.completionPercent,
      summary: input.summary,
      evidenceHashes: input.evidenceHashes,
    });
  }

  private async changePlan(caller: Caller, request: ChangeRequest, command: KeyProjectPlanCommand): Promise<KeyProjectPlan> {
    return this.presentPlan(await this.plans.change(caller, request, 'update', command), new Date());
  }


  async monthlyReports(caller: Caller, year: number, tenantId: string | null): Promise<MonthlyReport[]> {
    requireYear(year);
    const records = await this.repository.list(caller.tenantIds, this.authorization.abilityOf(caller), { type: 'MonthlyReport', year, tenantId, unitId: null });
    const now = new Date();
    return records.sort((a, b) => a.state.month.localeCompare(b.state.month)).map((record) => this.presentReport(record, now));
  }

  async scheduleMonthlyReport(caller: Caller, input: ScheduleMonthlyReportInput): Promise<MonthlyReport> {
    const tenantId = this.tenantOf(caller, input.tenantId);
    const reportId = naturalRecordId(tenantId, 'MonthlyReport', input.month);
    const record = await this.reports.create(caller, { tenantId, id: reportId, subject: { unitId: null }, idempotencyKey: input.idempotencyKey }, 'create', {
      type: 'ScheduleMonthlyReport',
      reportId,
      month: input.month,
      dueDate: input.dueDate,
    });
    return this.presentReport(record, new Date());
  }

  async submitMonthlyReport(caller: Caller, input: SubmitMonthlyReportInput): Promise<MonthlyReport> {
    const record = await this.reports.change(caller, input, 'update', { type: 'SubmitMonthlyReport', content: input.content, attachmentHashes: input.attachmentHashes });
    return this.presentReport(record, new Date());
  }

  /** The warnings scheduler's command, at the version the report was read at: a report that moved on is a CONFLICT. */
  warnOfOwedReport(scheduler: Actor, owed: WarningCandidate): Promise<{ version: number }> {
    return this.reports.dispatch({ actor: scheduler }, owed.tenantId, owed.id, { type: 'IssueMonthlyReportWarning' }, { expectedVersion: owed.version });
  }


  /**
   * The year's ranking: of the city's districts when no district is named (city inspectors), of
   * the district's units when one is (or the caller's own district). Read like the statistics it
   * is: the city's or the district's figures.
   */
  async assessment(caller: Caller, year: number, tenantId: string | null, rulesVersion: string | null, asOf: Date | null): Promise<Assessment> {
    requireYear(year);
    const rules = assessmentRulesFor(year, rulesVersion);
    const district = tenantId?.toLowerCase() ?? caller.actor.tenantId;
    let subjects: AssessmentSubject[];
    if (district) {
      if (!caller.tenantIds.includes(district)) throw new RecordNotFoundError('Statistics', district);
      const cityId = await this.directory.cityOfTenant(district);
      this.authorization.assertCanRead(caller, 'Statistics', { tenantId: district, cityId, unitId: null }, district);
      subjects = (await this.repository.activeUnits(district)).map((unit) => ({ tenantId: district, unitId: unit.id, name: unit.name }));
    } else {
      const cityId = caller.actor.cityId;
      if (!cityId) throw validationFailed({ tenantId: 'name the district whose units to rank' });
      this.authorization.assertCanRead(caller, 'Statistics', { tenantId: null, cityId, unitId: null }, cityId);
      const districts = (await this.tenancy.tenants({ cityId })).filter((tenant) => caller.tenantIds.includes(tenant.id));
      subjects = districts.map((tenant) => ({ tenantId: tenant.id, unitId: null, name: tenant.name }));
    }
    // A year still running is counted as of now: a report not yet due is not missing.
    const yearEnd = startOfChinaDay(`${year + 1}-01-01`);
    const latest = asOf ?? new Date();
    const until = latest < yearEnd ? latest : yearEnd;
    const events = await this.repository.assessedEvents([...new Set(subjects.map((subject) => subject.tenantId))], until);
    const result = assess({ year, rules, subjects, events, asOf: until });
    const hidden = this.unreadableInterviews(caller, events);
    return {
      year,
      rulesVersion: result.rulesVersion,
      asOf: new Date(result.asOf),
      ranking: result.ranking.map((score) => ({
        ...score,
        lines: score.lines.map((line) => ({
          ...line,
          criterion: line.criterion as AssessmentCriterionValue,
          events: line.events.filter((event) => !hidden.has(`${event.tenantId}/${event.streamId}`)),
        })),
      })),
    };
  }

  /**
   * Confidential 约谈 the caller is not named in: they count in the score like any other, but the
   * caller is not told which talks they were, exactly as the interviews list leaves them out.
   */
  private unreadableInterviews(caller: Caller, events: readonly AssessedEvent[]): Set<string> {
    const hidden = new Set<string>();
    for (const event of events) {
      if (event.type !== 'InterviewScheduled') continue;
      const data = event.data as InterviewScheduled['data'];
      const participantIds = [...data.interviewerIds, ...data.interviewees.map((person) => person.personId)];
      if (!this.authorization.can(caller, 'read', 'Interview', { tenantId: event.tenantId, confidential: data.confidential, participantIds })) {
        hidden.add(`${event.tenantId}/${event.streamId}`);
      }
    }
    return hidden;
  }


  /** The district a new record belongs to: named, or the caller's own; one outside the caller's scope is NOT_FOUND. */
  private tenantOf(caller: Caller, given: string | null | undefined): string {
    const tenantId = (given ?? caller.actor.tenantId)?.toLowerCase();
    if (!tenantId) throw validationFailed({ tenantId: 'name the district' });
    if (!caller.tenantIds.includes(tenantId)) throw new RecordNotFoundError('Tenant', tenantId);
    return tenantId;
  }

  private async requireUnit(tenantId: string, unitId: string, field: string): Promise<void> {
    if (!(await this.repository.unitExists(tenantId, unitId))) throw validationFailed({ [field]: 'no such unit in this district' });
  }

  private async presentLists(caller: Caller, records: ReadonlyArray<ResponsibilityRecord<'ResponsibilityList'>>): Promise<ResponsibilityList[]> {
    const itemIds = records.flatMap((record) => record.state.items.map((item) => item.itemId));
    const citations = await this.repository.findingsCiting(caller.tenantIds, this.authorization.abilityOf(caller), itemIds);
    return records.map(({ tenantId, state }) => ({
      id: state.listId,
      tenantId,
      unitId: state.unitId,
      year: state.year,
      title: state.title,
      items: state.items.map((item) => ({
        id: item.itemId,
        title: item.title,
        content: item.content,
        firstResponsible: item.firstResponsible,
        findings: citations.filter((citation) => citation.tenantId === tenantId && citation.itemId === item.itemId),
      })),
      version: state.version,
    }));
  }

  private presentLetter({ tenantId, state }: ResponsibilityRecord<'TargetLetter'>): TargetLetter {
    return {
      id: state.letterId,
      tenantId,
      year: state.year,
      level: state.level as TargetLetterLevelValue,
      unitId: state.unitId,
      terms: state.terms,
      status: state.status as TargetLetterStatusValue,
      signatories: state.signatories.map((signatory) => ({ ...signatory, party: signatory.party as SignatoryPartyValue })),
      signedOn: state.signedOn,
      version: state.version,
    };
  }

  private presentPlan({ tenantId, state }: ResponsibilityRecord<'KeyProjectPlan'>, now: Date): KeyProjectPlan {
    return {
      id: state.planId,
      tenantId,
      year: state.year,
      ownerUnitId: state.ownerUnitId,
      status: state.status as KeyProjectPlanStatusValue,
      totalWeight: totalWeight(state.projects),
      weightedCompletion: weightedCompletion(state),
      projects: state.projects.map((project) => {
        const standings = milestoneStandings(project, now);
        return {
          id: project.projectId,
          category: project.category as KeyProjectCategoryValue,
          title: project.title,
          weight: project.weight,
          goal: project.goal,
          completionPercent: projectCompletion(project),
          milestones: project.milestones.map((milestone, index) => {
            const report = project.progress.find((candidate) => candidate.month === milestone.month);
            return {
              ...milestone,
              dueDate: standings[index]!.dueDate,
              standing: standings[index]!.standing as ReportStandingValue,
              report: report ? { ...report, reportedAt: new Date(report.reportedAt) } : null,
            };
          }),
        };
      }),
      version: state.version,
    };
  }

  private presentReport({ tenantId, state }: ResponsibilityRecord<'MonthlyReport'>, now: Date): MonthlyReport {
    const standing = monthlyReportStanding(state, now)!;
    return {
      id: state.reportId,
      tenantId,
      month: state.month,
      dueDate: state.dueDate,
      status: state.status as MonthlyReportStatusValue,
      content: state.content,
      attachmentHashes: state.attachmentHashes,
      submittedAt: state.submittedAt ? new Date(state.submittedAt) : null,
      standing: standing.standing as ReportStandingValue,
      warning: standing.warning as WarningLevelValue | null,
      version: state.version,
    };
  }
}
