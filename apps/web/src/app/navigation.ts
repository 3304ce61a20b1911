import type { AppAbility } from '@zeren/domain';
import type { MessageKey } from '../i18n/messages';
import { canAny } from '../permissions/ability';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** Shown only to those the shared permission model lets do what the page is for. */
  visible(ability: AppAbility): boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.dashboard', visible: (ability) => canAny(ability, 'read', 'Statistics') },
  { path: '/inspections', label: 'nav.inspections', visible: (ability) => canAny(ability, 'read', 'Inspection') },
  { path: '/ledger', label: 'nav.ledger', visible: (ability) => canAny(ability, 'read', 'Finding') },
  { path: '/interviews', label: 'nav.interviews', visible: (ability) => canAny(ability, 'read', 'Interview') },
  { path: '/responsibility', label: 'nav.responsibility', visible: (ability) => canAny(ability, 'read', 'Responsibility') },
  { path: '/audit', label: 'nav.audit', visible: (ability) => canAny(ability, 'verifyChain', 'AuditEvent') },
  {
    path: '/admin',
    label: 'nav.admin',
    visible: (ability) => canAny(ability, 'create', 'Unit') || canAny(ability, 'create', 'Person') || canAny(ability, 'manage', 'Tenant'),
  },
];

export function visibleNavItems(ability: AppAbility): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(ability));
}

/** Where a person lands: the dashboard, or administration for the platform (it reads no business data). */
export function homePath(ability: AppAbility): string {
  return visibleNavItems(ability)[0]?.path ?? '/admin';
}

/** The menu entry a location belongs to: /findings/… lives under the ledger. */
export function navKeyOf(pathname: string): string {
  if (pathname.startsWith('/findings')) return '/ledger';
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match[0]?.path ?? '/';
}
