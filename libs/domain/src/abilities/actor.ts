import type { DecisionContext } from '../shared/decider';

/** The role keys of DESIGN.md "Users and their jobs"; `service` is an integration's API token. */
export type Role = 'platform_admin' | 'city_inspector' | 'district_admin' | 'unit_officer' | 'auditor' | 'service';

/** Whoever is asking, as the permission model sees them: a person, or an integration's API token. */
export interface Actor {
  kind: 'user' | 'service';
  id: string;
  role: Role;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  /** Service accounts (API tokens): only reads… */
  readOnly?: boolean;
  /**
   * …or only the actions named here. Readonly so that the actor of shared/decider (and a token's
   * frozen record) can be passed as is; the permission model never changes it.
   */
  operations?: readonly string[];
}

/** The identity handed to the permission model cannot be placed; a bug upstream, never a user error. */
export class InvalidActorError extends Error {
  constructor(actor: Actor, problem: string) {
    super(`Actor ${actor.id} (${actor.kind} ${actor.role}) ${problem}`);
    this.name = 'InvalidActorError';
  }
}

function shapeProblem(actor: Actor): string | null {
  if ((actor.kind === 'service') !== (actor.role === 'service')) return 'mixes a person’s kind with a token’s role';
  switch (actor.role) {
    case 'platform_admin':
      return null;
    case 'city_inspector':
      // A city inspector with a district would be read as that district's staff by code that checks tenantId first.
      if (!actor.cityId) return 'has no city';
      return actor.tenantId ? 'belongs to a city, not to a district' : null;
    case 'district_admin':
    case 'auditor':
      return actor.tenantId ? null : 'has no district';
    case 'unit_officer':
      return actor.tenantId && actor.unitId ? null : 'has no district and unit';
    case 'service':
      return actor.tenantId || actor.cityId ? null : 'is scoped to neither a district nor a city';
  }
}

/**
 * Refuses an actor whose role lacks the scope the rules are written against. Rules compare record
 * fields with the actor's ids, so a missing id would turn `tenantId = actor.tenantId` into
 * `tenantId IS NULL`: failing loudly is safer than hoping no row has a null there.
 */
export function assertActorShape(actor: Actor): void {
  const problem = shapeProblem(actor);
  if (problem) throw new InvalidActorError(actor, problem);
}

/** An API token acts at the level of its scope, never above it (a district's token cannot sign off). */
export const TOKEN_LEVEL_ROLE = { TENANT: 'district_admin', CITY: 'city_inspector' } as const satisfies Record<string, Role>;
export type TokenScopeKind = keyof typeof TOKEN_LEVEL_ROLE;

/**
 * The role a decider judges an actor as. An integration's API token that may act (not read-only)
 * acts as the office of its scope (DESIGN.md: "scoped GraphQL access to one tenant or one city"):
 * which of that office's operations it takes is the ability's check of the token's named operations.
 * Everyone else, the warning scheduler included (it carries no token), acts as its own role.
 */
export function roleActingAs(actor: Actor): Role {
  if (actor.role !== 'service' || actor.readOnly !== false) return actor.role;
  return TOKEN_LEVEL_ROLE[actor.tenantId ? 'TENANT' : 'CITY'];
}

/** A decision's context with its actor judged as `roleActingAs` says. */
export function actingContext(context: DecisionContext): DecisionContext {
  return { ...context, actor: { ...context.actor, role: roleActingAs(context.actor) } };
}
