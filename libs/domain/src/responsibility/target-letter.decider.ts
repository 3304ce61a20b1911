import {
  TargetLetterDraftedV1,
  TargetLetterSignedV1,
  type SignatoryParty,
  type TargetLetterEvent,
  type TargetLetterLevel,
} from '@zeren/events';
import { chinaDateOf } from '../shared/china-time';
import { actingContext } from '../abilities/actor';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type TargetLetterStatus = 'DRAFT' | 'SIGNED';

export interface Signatory {
  party: SignatoryParty;
  name: string;
  title: string;
}

export interface ExistingTargetLetter {
  status: TargetLetterStatus;
  version: number;
  letterId: string;
  year: number;
  level: TargetLetterLevel;
  unitId: string | null;
  terms: string[];
  signatories: Signatory[];
  signedOn: string | null;
  signedAt: string | null;
}

export type TargetLetterState = NotCreated | ExistingTargetLetter;

export interface DraftTargetLetter {
  type: 'DraftTargetLetter';
  letterId: string;
  year: number;
  level: TargetLetterLevel;
  unitId: string | null;
  terms: string[];
}
export interface SignTargetLetter {
  type: 'SignTargetLetter';
  signatories: Signatory[];
  signedOn: string;
}
export type TargetLetterCommand = DraftTargetLetter | SignTargetLetter;

export const TARGET_LETTER_COMMAND_ROLES: Record<TargetLetterCommand['type'], readonly Role[]> = {
  DraftTargetLetter: ['city_inspector', 'district_admin'],
  SignTargetLetter: ['city_inspector', 'district_admin'],
};

/** The issuing office keeps a letter: the city its letters with districts, a district those with its units. */
export const TARGET_LETTER_ISSUER: Record<TargetLetterLevel, Role> = {
  CITY_DISTRICT: 'city_inspector',
  DISTRICT_UNIT: 'district_admin',
};

const guard = new CommandGuard<TargetLetterStatus, TargetLetterCommand['type']>({
  aggregate: 'TargetLetter',
  states: { NONE: '未起草', DRAFT: '待签订', SIGNED: '已签订' },
  commands: { DraftTargetLetter: '起草目标责任书', SignTargetLetter: '签订目标责任书' },
});

function requireIssuer(context: DecisionContext, level: TargetLetterLevel, command: TargetLetterCommand['type']): void {
  if (context.actor.role !== TARGET_LETTER_ISSUER[level]) {
    throw guard.notAllowed(command, `only ${TARGET_LETTER_ISSUER[level]} keeps ${level} letters`);
  }
}

function decide(state: TargetLetterState, command: TargetLetterCommand, given: DecisionContext): TargetLetterEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, TARGET_LETTER_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'DraftTargetLetter') {
    requireIssuer(context, command.level, command.type);
    guard.requireState(state.status, ['NONE'], command.type);
    const { type: _type, ...drafted } = command;
    return [createEvent(TargetLetterDraftedV1, drafted)];
  }
  const letter = guard.existing(state, command.type);
  requireIssuer(context, letter.level, command.type);
  guard.requireState(letter.status, ['DRAFT'], command.type);
  assertValid([['signedOn', command.signedOn <= chinaDateOf(context.now), 'must not be in the future']]);
  return [
    createEvent(TargetLetterSignedV1, {
      letterId: letter.letterId,
      signatories: command.signatories,
      signedOn: command.signedOn,
      signedAt: context.now.toISOString(),
    }),
  ];
}

function evolve(state: TargetLetterState, event: TargetLetterEvent): TargetLetterState {
  const version = state.version + 1;
  if (event.type === 'TargetLetterDrafted') {
    return { status: 'DRAFT', version, ...event.data, signatories: [], signedOn: null, signedAt: null };
  }
  if (state.status === 'NONE') return { ...state, version };
  const { signatories, signedOn, signedAt } = event.data;
  return { ...state, version, status: 'SIGNED', signatories, signedOn, signedAt };
}

export const targetLetterDecider: Decider<TargetLetterState, TargetLetterCommand, TargetLetterEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
