import type { FindingEvent } from '@zeren/events';
import { contextFor, given, play } from '../shared/decider-spec';
import { fold } from '../shared/decider';
import { warningLevelFor, warningsDue } from './deadline-warnings';
import type { FindingCommand } from './finding.commands';
import { findingDecider } from './finding.decider';
import {
  cityInspector,
  DEADLINE,
  FINDING_ID,
  historyTo,
  recordFinding,
  scheduler,
  UNIT_ID,
  unitOfficer,
} from './finding.fixtures';

/** 10:00 China time on the given date. */
const chinaMorning = (date: string) => `${date}T02:00:00.000Z`;
const issue: FindingCommand = { type: 'IssueDueWarnings' };

/** Runs the scheduler at each instant in turn and returns what each run emitted. */
function schedule(history: FindingEvent[], instants: string[]): FindingEvent[][] {
  const runs: FindingEvent[][] = [];
  let events = history;
  for (const instant of instants) {
    const emitted = play(findingDecider, [[issue, contextFor(scheduler, instant)]], events).slice(events.length);
    runs.push(emitted);
    events = [...events, ...emitted];
  }
  return runs;
}

const levels = (runs: FindingEvent[][]) => runs.map((run) => run.map((event) => (event.type === 'WarningIssued' ? event.data.level : event.type)));

describe('三色预警', () => {
  it('colours days remaining: green from 20, yellow from 10, red once overdue', () => {
    expect([21, 20, 11, 10, 0, -1].map(warningLevelFor)).toEqual([null, 'GREEN', 'GREEN', 'YELLOW', 'YELLOW', 'RED']);
  });

  it('issues green at 20 days to the liaison, yellow at 10 days also to the leader, red when overdue also to the head', () => {
    const runs = schedule(historyTo('IN_PROGRESS'), [
      chinaMorning('2026-03-10'),
      chinaMorning('2026-03-11'),
      chinaMorning('2026-03-21'),
      '2026-03-31T15:59:59.000Z',
      '2026-03-31T16:00:00.000Z',
    ]);
    expect(runs).toEqual([
      [],
      [
        {
          type: 'WarningIssued',
          data: {
            findingId: FINDING_ID,
            unitId: UNIT_ID,
            level: 'GREEN',
            deadline: DEADLINE,
            daysRemaining: 20,
            recipients: ['UNIT_LIAISON'],
            issuedAt: chinaMorning('2026-03-11'),
          },
        },
      ],
      [expect.objectContaining({ data: expect.objectContaining({ level: 'YELLOW', daysRemaining: 10, recipients: ['UNIT_LIAISON', 'UNIT_LEADER'] }) })],
      [],
      [
        expect.objectContaining({
          data: expect.objectContaining({ level: 'RED', daysRemaining: -1, recipients: ['UNIT_LIAISON', 'UNIT_LEADER', 'UNIT_HEAD'] }),
        }),
      ],
    ]);
  });

  it('issues each colour once per deadline, however often the scheduler runs', () => {
    const runs = schedule(historyTo('IN_PROGRESS'), [
      chinaMorning('2026-03-11'),
      chinaMorning('2026-03-12'),
      chinaMorning('2026-03-21'),
      chinaMorning('2026-03-22'),
      chinaMorning('2026-04-01'),
      chinaMorning('2026-05-01'),
    ]);
    expect(levels(runs)).toEqual([['GREEN'], [], ['YELLOW'], [], ['RED'], []]);
  });

  it('sends only the most severe colour when the finding starts inside several thresholds', () => {
    const history = play(findingDecider, [[{ ...recordFinding, deadline: '2026-03-07' }, contextFor(cityInspector, chinaMorning('2026-03-02'))]]);
    expect(levels(schedule(history, [chinaMorning('2026-03-02'), chinaMorning('2026-03-08')]))).toEqual([['YELLOW'], ['RED']]);
  });

  it('never goes back to a milder colour for the same deadline', () => {
    const warned = play(findingDecider, [[issue, contextFor(scheduler, chinaMorning('2026-03-21'))]], historyTo('IN_PROGRESS'));
    expect(warningsDue(fold(findingDecider, warned), new Date(chinaMorning('2026-03-15')))).toEqual([]);
  });

  it('starts over for the new deadline of an approved extension', () => {
    const extended = play(
      findingDecider,
      [
        [issue, contextFor(scheduler, chinaMorning('2026-04-01'))],
        [{ type: 'RequestExtension', requestedDeadline: '2026-04-30', reason: '等待上级批复' }, contextFor(unitOfficer, chinaMorning('2026-04-01'))],
        [{ type: 'ApproveExtension' }, contextFor(cityInspector, chinaMorning('2026-04-02'))],
      ],
      historyTo('IN_PROGRESS'),
    );
    const runs = schedule(extended, [chinaMorning('2026-04-02'), chinaMorning('2026-04-10'), chinaMorning('2026-04-20')]);
    expect(levels(runs)).toEqual([[], ['GREEN'], ['YELLOW']]);
    expect(runs[1]).toEqual([expect.objectContaining({ data: expect.objectContaining({ deadline: '2026-04-30', daysRemaining: 20 }) })]);
  });

  it('keeps warning while the rectification awaits review, but not once verified or withdrawn', () => {
    const overdue = new Date(chinaMorning('2026-04-01'));
    expect(warningsDue(fold(findingDecider, historyTo('SUBMITTED')), overdue)).toHaveLength(1);
    expect(warningsDue(fold(findingDecider, historyTo('DISTRICT_REVIEW_PASSED')), overdue)).toHaveLength(1);
    expect(warningsDue(fold(findingDecider, historyTo('VERIFIED')), overdue)).toEqual([]);
    expect(warningsDue(fold(findingDecider, historyTo('WITHDRAWN')), overdue)).toEqual([]);
    expect(warningsDue(findingDecider.initialState(), overdue)).toEqual([]);
  });

  it('answers the scheduler with nothing, not an error, for a closed finding', () => {
    given(findingDecider, historyTo('VERIFIED')).when(issue, contextFor(scheduler, chinaMorning('2026-04-01'))).thenEmits([]);
  });

  it('records issued warnings in the state', () => {
    const warned = play(findingDecider, [[issue, contextFor(scheduler, chinaMorning('2026-03-21'))]], historyTo('IN_PROGRESS'));
    expect(fold(findingDecider, warned)).toMatchObject({
      warningsIssued: [{ level: 'YELLOW', deadline: DEADLINE, issuedAt: chinaMorning('2026-03-21') }],
    });
  });
});
