import { defineAbilityFor, type Actor } from '@zeren/domain';
import { describe, expect, it } from 'vitest';
import { homePath, visibleNavItems } from '../app/navigation';
import { availableFindingActions } from '../findings/finding-actions';
import { canOn } from './ability';

const QT = 'aaaaaaaa-0000-4000-8000-000000000001';
const SC = 'aaaaaaaa-0000-4000-8000-000000000002';
const HZ = 'cccccccc-0000-4000-8000-000000000001';
const BAIYANG = 'bbbbbbbb-0000-4000-8000-000000000001';
const XIASHA = 'bbbbbbbb-0000-4000-8000-000000000002';

const actor = (role: Actor['role'], place: Partial<Actor> = {}): Actor => ({ kind: 'user', id: `${role}-1`, role, cityId: null, tenantId: null, unitId: null, ...place });
const ability = (who: Actor) => defineAbilityFor(who, { cityTenantIds: [QT, SC] });

const cityInspector = ability(actor('city_inspector', { cityId: HZ }));
const districtAdmin = ability(actor('district_admin', { cityId: HZ, tenantId: QT }));
const unitOfficer = ability(actor('unit_officer', { cityId: HZ, tenantId: QT, unitId: BAIYANG }));
const auditor = ability(actor('auditor', { cityId: HZ, tenantId: QT }));
const platform = ability(actor('platform_admin'));

const finding = (status: Parameters<typeof availableFindingActions>[1]['status'], extra: Partial<Parameters<typeof availableFindingActions>[1]> = {}) => ({ tenantId: QT, unitId: BAIYANG, status, pendingExtension: null, ...extra });

describe('the menu', () => {
  const menu = (who: ReturnType<typeof ability>) => visibleNavItems(who).map((item) => item.label);

  it('gives the platform administration only (it reads no business data)', () => {
    expect(menu(platform)).toEqual(['nav.admin']);
    expect(homePath(platform)).toBe('/admin');
  });

  it('gives the city inspector everything but administration', () => {
    expect(menu(cityInspector)).toEqual(['nav.dashboard', 'nav.inspections', 'nav.ledger', 'nav.interviews', 'nav.responsibility', 'nav.audit']);
  });

  it('gives the district administrator administration too', () => {
    expect(menu(districtAdmin)).toContain('nav.admin');
  });

  it('gives a unit officer no audit and no administration', () => {
    expect(menu(unitOfficer)).not.toContain('nav.audit');
    expect(menu(unitOfficer)).not.toContain('nav.admin');
  });
});

describe('the actions offered on a finding', () => {
  it('offers the unit its plan, check-ins and submission in the right states only', () => {
    expect(availableFindingActions(unitOfficer, finding('RECORDED'))).toEqual(['submitPlan', 'requestExtension']);
    expect(availableFindingActions(unitOfficer, finding('IN_PROGRESS'))).toEqual(['checkIn', 'submit', 'requestExtension']);
    expect(availableFindingActions(unitOfficer, finding('SUBMITTED'))).toEqual(['requestExtension']);
  });

  it('offers another unit’s finding nothing', () => {
    expect(availableFindingActions(unitOfficer, finding('IN_PROGRESS', { unitId: XIASHA }))).toEqual([]);
  });

  it('offers the district the first review, and the city the sign-off', () => {
    expect(availableFindingActions(districtAdmin, finding('SUBMITTED'))).toEqual(expect.arrayContaining(['reviewPass', 'reviewReject']));
    expect(availableFindingActions(districtAdmin, finding('DISTRICT_REVIEW_PASSED'))).not.toContain('signOff');
    expect(availableFindingActions(cityInspector, finding('DISTRICT_REVIEW_PASSED'))).toEqual(expect.arrayContaining(['signOff', 'reject']));
    expect(availableFindingActions(cityInspector, finding('SUBMITTED'))).not.toContain('reviewPass');
  });

  it('offers an extension decision only while one is pending, and no second request', () => {
    expect(availableFindingActions(cityInspector, finding('IN_PROGRESS'))).not.toContain('approveExtension');
    const pending = finding('IN_PROGRESS', { pendingExtension: { requestedDeadline: '2026-12-31' } });
    expect(availableFindingActions(cityInspector, pending)).toEqual(expect.arrayContaining(['approveExtension', 'refuseExtension']));
    expect(availableFindingActions(unitOfficer, pending)).not.toContain('requestExtension');
  });

  it('offers auditors nothing, and a signed-off finding only its reopening', () => {
    expect(availableFindingActions(auditor, finding('SUBMITTED'))).toEqual([]);
    expect(availableFindingActions(cityInspector, finding('VERIFIED'))).toEqual(['reopen']);
  });

  it('keeps a city inspector to its own city', () => {
    expect(availableFindingActions(cityInspector, finding('DISTRICT_REVIEW_PASSED', { tenantId: 'dddddddd-0000-4000-8000-000000000009' }))).toEqual([]);
  });
});

describe('instance checks', () => {
  it('hides a confidential interview’s actions from people it does not name', () => {
    const interview = { tenantId: QT, confidential: true, participantIds: ['someone-else'] };
    expect(canOn(districtAdmin, 'recordMinutes', 'Interview', interview)).toBe(false);
    expect(canOn(districtAdmin, 'recordMinutes', 'Interview', { ...interview, participantIds: ['district_admin-1'] })).toBe(true);
  });
});
