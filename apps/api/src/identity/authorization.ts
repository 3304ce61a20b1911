import { Injectable, Logger } from '@nestjs/common';
import { defineAbilityFor, type AppAbility, type AppAction, type AppSubjectType, asSubject } from '@zeren/domain';
import { ForbiddenError, RecordNotFoundError } from '../commands/command-errors';
import type { Caller } from './authenticator';

/**
 * The shared CASL model (libs/domain) applied to a caller. Checks are on instances: a record the
 * caller may not read is reported exactly like one that does not exist.
 */
@Injectable()
export class Authorization {
  private readonly abilities = new WeakMap<Caller, AppAbility>();
  private readonly logger = new Logger('auth');

  abilityOf(caller: Caller): AppAbility {
    let ability = this.abilities.get(caller);
    if (!ability) {
      ability = defineAbilityFor(caller.actor, { cityTenantIds: caller.tenantIds });
      this.abilities.set(caller, ability);
    }
    return ability;
  }

  can(caller: Caller, action: AppAction, type: AppSubjectType, record?: Record<string, unknown>, field?: string): boolean {
    const ability = this.abilityOf(caller);
    return record ? ability.can(action, asSubject(type, record), field) : ability.can(action, type, field);
  }

  /** For reads: invisible is indistinguishable from absent (to the caller; the log tells them apart). */
  assertCanRead<T extends Record<string, unknown>>(caller: Caller, type: AppSubjectType, record: T | undefined, id: string): T {
    if (!record) throw new RecordNotFoundError(type, id);
    if (!this.can(caller, 'read', type, record)) {
      this.logDenied(caller, 'read', type, record, id);
      throw new RecordNotFoundError(type, id);
    }
    return record;
  }

  /** For changes to a record the caller can see; a record it cannot see is NOT_FOUND first. */
  assertCan(caller: Caller, action: AppAction, type: AppSubjectType, record?: Record<string, unknown>): void {
    if (!this.can(caller, action, type, record)) {
      this.logDenied(caller, action, type, record);
      throw new ForbiddenError();
    }
  }

  /** Who, what and which district's record; the time and request id come with every log line. Never a credential. */
  private logDenied(caller: Caller, action: AppAction, type: AppSubjectType, record: Record<string, unknown> | undefined, id?: string): void {
    const { actor } = caller;
    this.logger.warn({
      msg: 'access denied',
      actorId: actor.id,
      actorKind: actor.kind,
      actorRole: actor.role,
      actorTenantId: actor.tenantId,
      actorCityId: actor.cityId,
      action,
      subject: type,
      recordId: id ?? record?.['id'] ?? null,
      recordTenantId: record?.['tenantId'] ?? null,
    });
  }
}
