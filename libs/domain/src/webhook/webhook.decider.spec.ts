import type { WebhookEvent } from '@zeren/events';
import { actorFor, contextFor, given, OTHER_TENANT_ID } from '../shared/decider-spec';
import { webhookEndpointDecider, type RegisterWebhookEndpoint, type ReplayWebhookDelivery } from './webhook.decider';
import { isLoopbackHost, webhookUrlProblem } from './webhook.rules';

const ENDPOINT_ID = 'b0000000-0000-4000-8000-000000000401';
const DELIVERY_ID = 'b0000000-0000-4000-8000-000000000402';
const REPLAY_ID = 'b0000000-0000-4000-8000-000000000403';
const EVENT_ID = 'd0000000-0000-4000-8000-000000000001:17';
const NOW = '2026-03-02T02:00:00.000Z';
const admin = contextFor(actorFor('district_admin'), NOW);

const register: RegisterWebhookEndpoint = {
  type: 'RegisterWebhookEndpoint',
  endpointId: ENDPOINT_ID,
  url: 'https://oa.example.gov.cn/zeren',
  eventTypes: ['WarningIssued', 'FindingRecorded', 'WarningIssued'],
  description: ' OA 督办 ',
  plainHttp: 'LOOPBACK_ONLY',
};
const registered: WebhookEvent = {
  type: 'WebhookEndpointRegistered',
  data: { endpointId: ENDPOINT_ID, url: 'https://oa.example.gov.cn/zeren', eventTypes: ['FindingRecorded', 'WarningIssued'], description: 'OA 督办' },
};
const disabled: WebhookEvent = { type: 'WebhookEndpointDisabled', data: { endpointId: ENDPOINT_ID, reason: null } };
const replay = (status: string, endpointId = ENDPOINT_ID): ReplayWebhookDelivery => ({
  type: 'ReplayWebhookDelivery',
  deliveryId: REPLAY_ID,
  original: { deliveryId: DELIVERY_ID, endpointId, eventId: EVENT_ID, status },
});

describe('webhook URLs', () => {
  it('require https, except to this machine; anything goes under test', () => {
    expect(webhookUrlProblem('https://oa.example.gov.cn/hook', 'LOOPBACK_ONLY')).toBeNull();
    expect(webhookUrlProblem('http://oa.example.gov.cn/hook', 'LOOPBACK_ONLY')).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', 'LOOPBACK_ONLY')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:8080/hook', 'LOOPBACK_ONLY')).toBeNull();
    expect(webhookUrlProblem('http://localhost/hook', 'LOOPBACK_ONLY')).toBeNull();
    expect(webhookUrlProblem('http://oa.example.gov.cn/hook', 'ANY')).toBeNull();
  });

  it('refuse credentials, fragments, other schemes and garbage', () => {
    expect(webhookUrlProblem('https://user:pw@oa.example.gov.cn/hook', 'ANY')).toMatch(/用户名或密码/);
    expect(webhookUrlProblem('https://oa.example.gov.cn/hook#x', 'ANY')).toMatch(/片段/);
    expect(webhookUrlProblem('ftp://oa.example.gov.cn/hook', 'ANY')).toMatch(/https/);
    expect(webhookUrlProblem('not a url', 'ANY')).toMatch(/网址/);
  });

  it('know loopback hosts by name and address, not by look-alikes', () => {
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });
});

describe('WebhookEndpoint', () => {
  it('registers with its event types de-duplicated and sorted', () => {
    const state = given(webhookEndpointDecider).when(register, admin).thenEmits([registered]);
    expect(state).toMatchObject({ status: 'ACTIVE', version: 1, eventTypes: ['FindingRecorded', 'WarningIssued'] });
  });

  it('refuses plain HTTP to another machine, unknown event types and no event types', () => {
    given(webhookEndpointDecider).when({ ...register, url: 'http://oa.example.gov.cn/zeren' }, admin).thenFails('VALIDATION_FAILED', { fields: { url: expect.stringContaining('https') } });
    given(webhookEndpointDecider).when({ ...register, eventTypes: ['FindingRecorded', 'NoSuchThing'] }, admin).thenFails('VALIDATION_FAILED', { fields: { eventTypes: expect.stringContaining('NoSuchThing') } });
    given(webhookEndpointDecider).when({ ...register, eventTypes: [] }, admin).thenFails('VALIDATION_FAILED', { fields: { eventTypes: expect.any(String) } });
  });

  it('is for the district’s own administrators only', () => {
    given(webhookEndpointDecider).when(register, contextFor(actorFor('unit_officer'), NOW)).thenFails('NOT_ALLOWED');
    given(webhookEndpointDecider).when(register, contextFor(actorFor('city_inspector'), NOW)).thenFails('NOT_ALLOWED');
    given(webhookEndpointDecider).when(register, contextFor(actorFor('district_admin'), NOW, OTHER_TENANT_ID)).thenFails('NOT_ALLOWED');
  });

  it('disables once; a disabled endpoint neither disables again nor replays', () => {
    const state = given(webhookEndpointDecider, [registered]).when({ type: 'DisableWebhookEndpoint', reason: '  ' }, admin).thenEmits([disabled]);
    expect(state).toMatchObject({ status: 'DISABLED', version: 2 });
    given(webhookEndpointDecider, [registered, disabled]).when({ type: 'DisableWebhookEndpoint', reason: null }, admin).thenFails('INVALID_STATE', { currentState: 'DISABLED' });
    given(webhookEndpointDecider, [registered, disabled]).when(replay('DEAD'), admin).thenFails('INVALID_STATE', { currentState: 'DISABLED' });
  });

  it('replays a delivered or dead-lettered delivery as a new delivery of the same event', () => {
    for (const status of ['DELIVERED', 'DEAD']) {
      given(webhookEndpointDecider, [registered])
        .when(replay(status), admin)
        .thenEmits([{ type: 'WebhookDeliveryReplayed', data: { endpointId: ENDPOINT_ID, deliveryId: REPLAY_ID, originalDeliveryId: DELIVERY_ID, eventId: EVENT_ID } }]);
    }
  });

  it('does not replay a delivery still under way, or one of another endpoint', () => {
    given(webhookEndpointDecider, [registered]).when(replay('PENDING'), admin).thenFails('VALIDATION_FAILED', { fields: { 'original.status': expect.any(String) } });
    given(webhookEndpointDecider, [registered])
      .when(replay('DEAD', 'b0000000-0000-4000-8000-000000000499'), admin)
      .thenFails('VALIDATION_FAILED', { fields: { 'original.endpointId': expect.any(String) } });
  });

  it('cannot act on an endpoint that does not exist', () => {
    given(webhookEndpointDecider).when({ type: 'DisableWebhookEndpoint', reason: null }, admin).thenFails('NOT_FOUND');
  });
});
