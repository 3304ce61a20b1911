import { eventCatalogue } from '../catalogue';
import { WebhookDeliveryReplayedV1, WebhookEndpointRegisteredV1, webhookEvents } from './webhook.events';

const registered = {
  endpointId: 'a0000000-0000-4000-8000-000000000301',
  url: 'https://oa.example.gov.cn/zeren/hooks',
  eventTypes: ['FindingRecorded', 'WarningIssued'],
  description: 'OA 督办系统',
};

describe('webhook events', () => {
  it('are published in the catalogue on the WebhookEndpoint stream', () => {
    for (const definition of webhookEvents) {
      expect(eventCatalogue.currentDefinition(definition.type)).toBe(definition);
      expect(definition.streamType).toBe('WebhookEndpoint');
    }
  });

  it('carry no secret: a registration is its url, event types and description only', () => {
    expect(WebhookEndpointRegisteredV1.schema.parse({ ...registered, secret: 'whsec_x' })).toEqual(registered);
  });

  it('refuse other schemes, repeated event types and names that are not event types', () => {
    expect(WebhookEndpointRegisteredV1.schema.safeParse(registered).success).toBe(true);
    expect(WebhookEndpointRegisteredV1.schema.safeParse({ ...registered, url: 'ftp://oa.example.gov.cn/x' }).success).toBe(false);
    expect(WebhookEndpointRegisteredV1.schema.safeParse({ ...registered, eventTypes: ['FindingRecorded', 'FindingRecorded'] }).success).toBe(false);
    expect(WebhookEndpointRegisteredV1.schema.safeParse({ ...registered, eventTypes: ['drop table'] }).success).toBe(false);
  });

  it('name the replayed event by tenant and tenant position', () => {
    const replay = { endpointId: registered.endpointId, deliveryId: 'a0000000-0000-4000-8000-000000000302', originalDeliveryId: 'a0000000-0000-4000-8000-000000000303' };
    expect(WebhookDeliveryReplayedV1.schema.safeParse({ ...replay, eventId: 'd0000000-0000-4000-8000-000000000001:42' }).success).toBe(true);
    expect(WebhookDeliveryReplayedV1.schema.safeParse({ ...replay, eventId: '42' }).success).toBe(false);
  });
});
