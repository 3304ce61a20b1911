import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

/**
 * A district's webhook endpoints. The signing secret never enters an event (events are exported in
 * audit bundles); it lives in the webhook_secrets table and is shown to the registrant once.
 */
const eventType = z.string().regex(/^[A-Z][A-Za-z0-9]{1,79}$/, 'an event type name, e.g. FindingRecorded');

export const WebhookEndpointRegisteredV1 = defineEvent({
  type: 'WebhookEndpointRegistered',
  version: 1,
  streamType: 'WebhookEndpoint',
  schema: z.object({
    endpointId: z.uuid(),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    eventTypes: z
      .array(eventType)
      .min(1)
      .max(100)
      .refine((types) => new Set(types).size === types.length, 'event types must be unique'),
    description: z.string().trim().min(1).max(200).nullable(),
  }),
});
export type WebhookEndpointRegistered = EventOf<typeof WebhookEndpointRegisteredV1>;

export const WebhookEndpointDisabledV1 = defineEvent({
  type: 'WebhookEndpointDisabled',
  version: 1,
  streamType: 'WebhookEndpoint',
  schema: z.object({ endpointId: z.uuid(), reason: z.string().trim().min(1).max(500).nullable() }),
});
export type WebhookEndpointDisabled = EventOf<typeof WebhookEndpointDisabledV1>;

/** Someone asked for one event to be sent to the endpoint again, as a new delivery. */
export const WebhookDeliveryReplayedV1 = defineEvent({
  type: 'WebhookDeliveryReplayed',
  version: 1,
  streamType: 'WebhookEndpoint',
  schema: z.object({
    endpointId: z.uuid(),
    deliveryId: z.uuid(),
    originalDeliveryId: z.uuid(),
    /** `<tenant id>:<tenant position>` of the event sent again. */
    eventId: z.string().regex(/^[0-9a-f-]{36}:[1-9][0-9]*$/),
  }),
});
export type WebhookDeliveryReplayed = EventOf<typeof WebhookDeliveryReplayedV1>;

export const webhookEvents = [WebhookEndpointRegisteredV1, WebhookEndpointDisabledV1, WebhookDeliveryReplayedV1] as const;
export type WebhookEvent = EventOf<(typeof webhookEvents)[number]>;
