import fc from 'fast-check';
import { eventCatalogue, type FindingEvent } from '@zeren/events';
import { actorFor, contextFor } from '../shared/decider-spec';
import { addDays, chinaDateOf } from '../shared/china-time';
import { fold, type Actor, type Role } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { FindingCommand } from './finding.commands';
import { findingDecider } from './finding.decider';
import {
  cityInspector,
  districtAdmin,
  FOLLOW_UP_ID,
  OTHER_UNIT_ID,
  recordFinding,
  scheduler,
  T0,
  UNIT_ID,
} from './finding.fixtures';
import { FINDING_STATUSES, type FindingState, type FindingStatus, type RecordedFinding } from './finding.state';

interface Step {
  choice: number;
  hours: number;
  percent: number;
  withEvidence: boolean;
  effectiveHoursBefore: number | null;
  decreaseExplained: boolean;
  /** 0–1 of 10: issue an arbitrary command as an arbitrary actor, to exercise refusals. */
  chaos: number;
  chaosRole: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  choice: fc.nat({ max: 999 }),
  hours: fc.integer({ min: 1, max: 24 * 6 }),
  percent: fc.integer({ min: 0, max: 100 }),
  withEvidence: fc.boolean(),
  effectiveHoursBefore: fc.option(fc.integer({ min: 0, max: 72 }), { nil: null }),
  decreaseExplained: fc.boolean(),
  chaos: fc.integer({ min: 0, max: 9 }),
  chaosRole: fc.nat({ max: 5 }),
});

const ROLES: Role[] = ['platform_admin', 'city_inspector', 'district_admin', 'unit_officer', 'auditor', 'service'];
const hash = (n: number) => n.toString(16).padStart(64, '0');

type Move = (finding: RecordedFinding, step: Step, now: Date, index: number) => [FindingCommand, Actor];

const officerOf = (finding: RecordedFinding) => actorFor('unit_officer', { unitId: finding.unitId });

const moves = {
  plan: (finding) => [
    {
      type: 'SubmitRectificationPlan',
      measures: '整改措施',
      responsiblePerson: { personId: null, name: '王明' },
      plannedCompletionDate: finding.deadline,
    },
    officerOf(finding),
  ],
  checkIn: (finding, step, now, index) => {
    const percent = step.percent > 60 ? 100 : step.percent;
    const falls = finding.latestPercent !== null && percent < finding.latestPercent;
    return [
      {
        type: 'CheckInProgress',
        percent,
        narrative: '进展说明',
        decreaseReason: falls && step.decreaseExplained ? '返工' : null,
        evidence: step.withEvidence ? [hash(index)] : [],
        effectiveAt:
          step.effectiveHoursBefore === null ? null : new Date(now.getTime() - step.effectiveHoursBefore * 3_600_000).toISOString(),
      },
      officerOf(finding),
    ];
  },
  submit: (finding) => [{ type: 'SubmitForSignOff' }, officerOf(finding)],
  pass: () => [{ type: 'PassDistrictReview' }, districtAdmin],
  rejectDistrict: () => [{ type: 'RejectDistrictReview', reason: '区级退回' }, districtAdmin],
  signOff: () => [{ type: 'SignOffFinding' }, cityInspector],
  rejectSignOff: () => [{ type: 'RejectSignOff', reason: '市级退回' }, cityInspector],
  requestExtension: (finding) => [
    { type: 'RequestExtension', requestedDeadline: addDays(finding.deadline, 15), reason: '申请延期' },
    officerOf(finding),
  ],
  approveExtension: () => [{ type: 'ApproveExtension' }, cityInspector],
  refuseExtension: () => [{ type: 'RefuseExtension', reason: '不同意' }, districtAdmin],
  reassign: (finding) => [
    { type: 'ReassignFinding', toUnitId: finding.unitId === UNIT_ID ? OTHER_UNIT_ID : UNIT_ID, reason: '改派' },
    districtAdmin,
  ],
  withdraw: () => [{ type: 'WithdrawFinding', reason: '撤销' }, districtAdmin],
  reopen: (_finding, _step, now) => [
    {
      type: 'ReopenFinding',
      followUpInspection: { inspectionId: FOLLOW_UP_ID, kind: 'FOLLOW_UP', status: 'IN_PROGRESS' },
      reason: '回头看发现反弹',
      deadline: addDays(chinaDateOf(now), 30),
    },
    cityInspector,
  ],
  warn: () => [{ type: 'IssueDueWarnings' }, scheduler],
} satisfies Record<string, Move>;
type MoveName = keyof typeof moves;

/** The walk's own model of the lifecycle: the moves that make sense from each status, progress weighted up. */
function movesFrom(finding: RecordedFinding, step: Step): MoveName[] {
  const side: MoveName[] = ['warn', 'reassign', finding.pendingExtension ? 'approveExtension' : 'requestExtension'];
  if (finding.pendingExtension) side.push('refuseExtension');
  if (step.choice % 40 === 0) side.push('withdraw');
  const progress: Record<FindingStatus, MoveName[]> = {
    RECORDED: ['plan'],
    PLAN_SUBMITTED: ['checkIn', 'checkIn', 'plan'],
    IN_PROGRESS: ['checkIn', 'submit', 'submit'],
    SUBMITTED: ['pass', 'pass', 'rejectDistrict'],
    DISTRICT_REVIEW_PASSED: ['signOff', 'signOff', 'rejectSignOff'],
    VERIFIED: ['reopen', 'warn'],
    WITHDRAWN: ['warn'],
  };
  const forward = progress[finding.status];
  return finding.status === 'VERIFIED' || finding.status === 'WITHDRAWN' ? forward : [...forward, ...forward, ...side];
}

/** Where each event may take the finding from each status; anything else is a bug. */
const TRANSITIONS: Record<FindingEvent['type'], (from: FindingStatus) => FindingStatus | null> = {
  FindingRecorded: () => null,
  RectificationPlanSubmitted: (from) => (from === 'RECORDED' || from === 'PLAN_SUBMITTED' ? 'PLAN_SUBMITTED' : null),
  ProgressCheckedIn: (from) => (from === 'PLAN_SUBMITTED' || from === 'IN_PROGRESS' ? 'IN_PROGRESS' : null),
  RectificationSubmitted: (from) => (from === 'IN_PROGRESS' ? 'SUBMITTED' : null),
  DistrictReviewPassed: (from) => (from === 'SUBMITTED' ? 'DISTRICT_REVIEW_PASSED' : null),
  DistrictReviewRejected: (from) => (from === 'SUBMITTED' ? 'IN_PROGRESS' : null),
  FindingVerified: (from) => (from === 'DISTRICT_REVIEW_PASSED' ? 'VERIFIED' : null),
  SignOffRejected: (from) => (from === 'DISTRICT_REVIEW_PASSED' ? 'IN_PROGRESS' : null),
  FindingReopened: (from) => (from === 'VERIFIED' ? 'IN_PROGRESS' : null),
  FindingWithdrawn: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : 'WITHDRAWN'),
  ExtensionRequested: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : from),
  ExtensionApproved: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : from),
  ExtensionRefused: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : from),
  FindingReassigned: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : from),
  WarningIssued: (from) => (from === 'VERIFIED' || from === 'WITHDRAWN' ? null : from),
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

interface Walk {
  events: FindingEvent[];
  /** The state after each event, as the walk evolved it. */
  states: FindingState[];
  refusals: number;
}

function walk(steps: Step[]): Walk {
  let now = new Date(T0);
  const events: FindingEvent[] = [];
  const states: FindingState[] = [];
  let state = deepFreeze(findingDecider.initialState());
  let refusals = 0;
  const apply = (command: FindingCommand, actor: Actor) => {
    const emitted = findingDecider.decide(state, command, contextFor(actor, now));
    for (const event of emitted) {
      deepFreeze(event);
      const from = state.status;
      state = deepFreeze(findingDecider.evolve(state, event));
      if (from !== 'NONE') expect([event.type, from, state.status]).toEqual([event.type, from, TRANSITIONS[event.type](from)]);
      events.push(event);
      states.push(state);
    }
  };
  apply({ ...recordFinding, deadline: addDays(chinaDateOf(now), 30) }, cityInspector);
  for (const [index, step] of steps.entries()) {
    now = new Date(now.getTime() + step.hours * 3_600_000);
    const finding = state as RecordedFinding;
    const names = step.chaos < 2 ? (Object.keys(moves) as MoveName[]) : movesFrom(finding, step);
    const [command, modelActor] = moves[names[step.choice % names.length]!](finding, step, now, index);
    const actor = step.chaos < 2 ? actorFor(ROLES[step.chaosRole]!, { unitId: step.choice % 2 ? UNIT_ID : OTHER_UNIT_ID }) : modelActor;
    try {
      apply(command, actor);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusals += 1;
    }
  }
  return { events, states, refusals };
}

const walks = fc.array(stepArbitrary, { minLength: 1, maxLength: 60, size: 'max' });
const runs = { numRuns: 100 };

describe('Finding lifecycle properties', () => {
  it('only ever moves along the lifecycle, and refuses everything else with a DomainError', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        const { states } = walk(steps);
        for (const state of states) expect(FINDING_STATUSES).toContain(state.status);
      }),
      runs,
    );
  });

  it('counts one version per event, and folding any prefix reproduces the state at that point', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        const { events, states } = walk(steps);
        events.forEach((_, index) => {
          const folded = fold(findingDecider, events.slice(0, index + 1));
          expect(folded).toEqual(states[index]);
          expect(folded.version).toBe(index + 1);
        });
      }),
      runs,
    );
  });

  it('emits only payloads the event catalogue accepts, unchanged by a JSON round trip', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        for (const event of walk(steps).events) {
          expect(eventCatalogue.validate(event.type, event.data).data).toEqual(event.data);
          expect(JSON.parse(JSON.stringify(event.data))).toEqual(event.data);
        }
      }),
      runs,
    );
  });

  it('verifies only what was submitted and passed the district review in the same round', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        const { events, states } = walk(steps);
        let round: FindingEvent['type'][] = [];
        events.forEach((event, index) => {
          if (['DistrictReviewRejected', 'SignOffRejected', 'FindingReopened'].includes(event.type)) round = [];
          if (['RectificationSubmitted', 'DistrictReviewPassed'].includes(event.type)) round.push(event.type);
          if (event.type === 'FindingVerified') {
            expect(round).toEqual(['RectificationSubmitted', 'DistrictReviewPassed']);
            const state = states[index] as RecordedFinding;
            expect(state.submittedAt! <= state.districtReviewPassedAt! && state.districtReviewPassedAt! <= state.verifiedAt!).toBe(true);
          }
        });
      }),
      runs,
    );
  });

  it('submits only complete, evidenced work, reported after any rejection', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        const { events, states } = walk(steps);
        events.forEach((event, index) => {
          if (event.type !== 'RectificationSubmitted') return;
          const before = states[index - 1] as RecordedFinding;
          expect(before.latestPercent).toBe(100);
          expect(before.evidenceHashes.length).toBeGreaterThan(0);
          expect(before.checkInDueBeforeSubmission).toBe(false);
        });
      }),
      runs,
    );
  });

  it('lets reported progress fall only with a stated reason', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        const { events, states } = walk(steps);
        let previous: number | null = null;
        events.forEach((event, index) => {
          if (event.type !== 'ProgressCheckedIn') return;
          const falls = previous !== null && event.data.percent < previous;
          expect(event.data.decreaseReason !== null).toBe(falls);
          previous = event.data.percent;
          expect((states[index] as RecordedFinding).latestPercent).toBe(previous);
        });
      }),
      runs,
    );
  });

  it('sends each warning colour at most once per deadline, each more severe than the last, and none once closed', () => {
    const severity = { GREEN: 1, YELLOW: 2, RED: 3 };
    fc.assert(
      fc.property(walks, (steps) => {
        const { events, states } = walk(steps);
        const worstSent = new Map<string, number>();
        events.forEach((event, index) => {
          if (event.type !== 'WarningIssued') return;
          const level = severity[event.data.level];
          expect(level).toBeGreaterThan(worstSent.get(event.data.deadline) ?? 0);
          worstSent.set(event.data.deadline, level);
          expect(event.data.deadline).toBe((states[index] as RecordedFinding).deadline);
        });
        const withdrawnAt = events.findIndex((event) => event.type === 'FindingWithdrawn');
        if (withdrawnAt >= 0) expect(events.length).toBe(withdrawnAt + 1);
      }),
      runs,
    );
  });

  it('reaches sign-off often enough for the properties above to mean something', () => {
    const samples = fc.sample(walks, { numRuns: 300, seed: 42 }).map(walk);
    const reached = new Set(samples.flatMap(({ states }) => states.map((state) => state.status)));
    expect([...reached].sort()).toEqual([...FINDING_STATUSES].sort());
    expect(samples.filter(({ events }) => events.some((event) => event.type === 'FindingReopened')).length).toBeGreaterThan(3);
    expect(samples.some(({ refusals }) => refusals > 0)).toBe(true);
  });
});
