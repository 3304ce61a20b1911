import { defineAbilityFor, isAllowed, type Actor, type AppAbility, type AppAction, type AppSubjectType } from '@zeren/domain';
import type { SessionViewer } from '../graphql/apollo-client';

/** The signed-in person as the shared permission model sees them. */
export function actorOf(viewer: SessionViewer): Actor {
  return {
    kind: 'user',
    id: viewer.id,
    role: viewer.role,
    cityId: viewer.city?.id ?? viewer.tenant?.cityId ?? null,
    tenantId: viewer.tenant?.id ?? null,
    unitId: viewer.unitId,
  };
}

/**
 * The same CASL rules the API enforces, built for display: the UI shows an action only where the
 * API would allow it. The viewer's tenantIds are its readable districts, which for a city
 * inspector are exactly its city's districts.
 */
export function abilityFor(viewer: SessionViewer): AppAbility {
  return defineAbilityFor(actorOf(viewer), { cityTenantIds: viewer.tenantIds });
}

/** May the viewer do this to this record (its fields as the API returns them)? */
export function canOn(ability: AppAbility, action: AppAction, type: AppSubjectType, record: Record<string, unknown>): boolean {
  return isAllowed(ability, action, type, record);
}

/** May the viewer do this to some record of the type (for menus and "new" buttons)? */
export function canAny(ability: AppAbility, action: AppAction, type: AppSubjectType): boolean {
  return ability.can(action, type);
}
