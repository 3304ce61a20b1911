import { DomainError } from './domain-error';
import type { DecisionContext, Role } from './decider';

/** The state of a stream before its first event. */
export interface NotCreated {
  status: 'NONE';
  version: number;
}

export interface CommandGuardLabels<Status extends string, CommandType extends string> {
  /** English aggregate name for messages, e.g. 'Finding'. */
  aggregate: string;
  /** Chinese state names for user messages, e.g. VERIFIED → 已销号. */
  states: Record<Status | 'NONE', string>;
  /** Chinese verb phrases for user messages, e.g. CheckInProgress → 提交整改进展. */
  commands: Record<CommandType, string>;
}

/**
 * The checks every decider makes before deciding: the stream exists, the transition is legal
 * from the current state, and the actor's role may issue the command. One place, so every
 * aggregate refuses in the same words and with the same error details.
 */
export class CommandGuard<Status extends string, CommandType extends string> {
  constructor(private readonly labels: CommandGuardLabels<Status, CommandType>) {}

  existing<State extends NotCreated | { status: Status }>(
    state: State,
    command: CommandType,
  ): Exclude<State, NotCreated> {
    if (state.status === 'NONE') {
      throw new DomainError(
        'NOT_FOUND',
        `Cannot ${command}: the ${this.labels.aggregate} does not exist`,
        { command },
        `记录不存在，不能${this.labels.commands[command]}`,
      );
    }
    return state as Exclude<State, NotCreated>;
  }

  requireState(
    current: Status | 'NONE',
    allowed: ReadonlyArray<Status | 'NONE'>,
    command: CommandType,
  ): void {
    if (!allowed.includes(current)) throw this.invalidState(current, command);
  }

  /** An illegal transition; `because` explains a refusal that the state name alone does not. */
  invalidState(
    current: Status | 'NONE',
    command: CommandType,
    because?: { message: string; userMessage: string },
  ): DomainError {
    const stateLabel = this.labels.states[current];
    const commandLabel = this.labels.commands[command];
    return new DomainError(
      'INVALID_STATE',
      `Cannot ${command} when the ${this.labels.aggregate} is ${current}${because ? `: ${because.message}` : ''}`,
      { currentState: current, command },
      because
        ? `当前状态为「${stateLabel}」，${because.userMessage}，不能${commandLabel}`
        : `当前状态为「${stateLabel}」，不能${commandLabel}`,
    );
  }

  /**
   * The role may issue the command, and an actor bound to a tenant acts only in that tenant.
   * Which city a city inspector may act in is checked by the API, which knows each tenant's city.
   */
  requireRole(context: DecisionContext, allowed: readonly Role[], command: CommandType): void {
    const { actor } = context;
    if (!allowed.includes(actor.role)) {
      throw this.notAllowed(command, `role ${actor.role} may not ${command}`);
    }
    if (actor.role !== 'city_inspector' && actor.tenantId !== context.tenantId) {
      throw this.notAllowed(command, `actor of tenant ${actor.tenantId ?? 'none'} may not act in tenant ${context.tenantId}`);
    }
  }

  /** A unit officer acts only for its own unit; other allowed roles act for any unit of the tenant. */
  requireOwnUnit(context: DecisionContext, unitId: string, command: CommandType): void {
    const { actor } = context;
    if (actor.role === 'unit_officer' && actor.unitId !== unitId) {
      throw this.notAllowed(command, `unit officer of unit ${actor.unitId ?? 'none'} may not act for unit ${unitId}`);
    }
  }

  notAllowed(command: CommandType, reason: string, userMessage?: string): DomainError {
    return new DomainError(
      'NOT_ALLOWED',
      `Not allowed to ${command}: ${reason}`,
      { command },
      userMessage ?? `您无权${this.labels.commands[command]}`,
    );
  }
}
