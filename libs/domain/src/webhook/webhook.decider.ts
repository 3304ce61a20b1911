import {
  eventCatalogue,
  WebhookDeliveryReplayedV1,
  WebhookEndpointDisabledV1,
  WebhookEndpointRegisteredV1,
  type WebhookEvent,
} from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent, optionalText } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';
import { REPLAYABLE_DELIVERY_STATUSES, webhookUrlProblem, type PlainHttpPolicy } from './webhook.rules';

export type WebhookEndpointStatus = 'ACTIVE' | 'DISABLED';

export interface ExistingWebhookEndpoint {
  status: WebhookEndpointStatus;
  version: number;
  endpointId: string;
  url: string;
  eventTypes: string[];
  description: string | null;
}
export type WebhookEndpointState = NotCreated | ExistingWebhookEndpoint;

export interface RegisterWebhookEndpoint {
  type: 'RegisterWebhookEndpoint';
  endpointId: string;
  url: string;
  eventTypes: readonly string[];
  description: string | null;
  /** From the deployment: production allows plain HTTP only to loopback receivers. */
  plainHttp: PlainHttpPolicy;
}
export interface DisableWebhookEndpoint {
  type: 'DisableWebhookEndpoint';
  reason: string | null;
}
export interface ReplayWebhookDelivery {
  type: 'ReplayWebhookDelivery';
  deliveryId: string;
  /** From the outbox, which is not event-sourced: the delivery to send again. */
  original: { deliveryId: string; endpointId: string; eventId: string; status: string };
}
export type WebhookEndpointCommand = RegisterWebhookEndpoint | DisableWebhookEndpoint | ReplayWebhookDelivery;

/** A district's own integrations are its administrators' business. */
const WEBHOOK_COMMAND_ROLES: readonly Role[] = ['district_admin'];

const guard = new CommandGuard<WebhookEndpointStatus, WebhookEndpointCommand['type']>({
  aggregate: 'WebhookEndpoint',
  states: { NONE: '不存在', ACTIVE: '启用', DISABLED: '已停用' },
  commands: { RegisterWebhookEndpoint: '登记推送地址', DisableWebhookEndpoint: '停用推送地址', ReplayWebhookDelivery: '重新推送' },
});

function decide(state: WebhookEndpointState, command: WebhookEndpointCommand, context: DecisionContext): WebhookEvent[] {
  guard.requireRole(context, WEBHOOK_COMMAND_ROLES, command.type);
  if (command.type === 'RegisterWebhookEndpoint') {
    guard.requireState(state.status, ['NONE'], command.type);
    const urlProblem = webhookUrlProblem(command.url, command.plainHttp);
    const unknown = command.eventTypes.filter((type) => !eventCatalogue.has(type));
    assertValid([
      ['url', urlProblem === null, urlProblem ?? ''],
      ['eventTypes', command.eventTypes.length > 0, '至少选择一种事件'],
      ['eventTypes', unknown.length === 0, `未知的事件类型: ${unknown.join(', ')}`],
    ]);
    return [
      createEvent(WebhookEndpointRegisteredV1, {
        endpointId: command.endpointId,
        url: command.url,
        eventTypes: [...new Set(command.eventTypes)].sort(),
        description: optionalText(command.description),
      }),
    ];
  }

  const endpoint = guard.existing(state, command.type);
  guard.requireState(endpoint.status, ['ACTIVE'], command.type);
  if (command.type === 'DisableWebhookEndpoint') {
    return [createEvent(WebhookEndpointDisabledV1, { endpointId: endpoint.endpointId, reason: optionalText(command.reason) })];
  }
  const { original } = command;
  assertValid([
    ['original.endpointId', original.endpointId === endpoint.endpointId, 'the delivery belongs to another endpoint'],
    [
      'original.status',
      (REPLAYABLE_DELIVERY_STATUSES as readonly string[]).includes(original.status),
      '只能重新推送已送达或已放弃的投递',
    ],
  ]);
  return [
    createEvent(WebhookDeliveryReplayedV1, {
      endpointId: endpoint.endpointId,
      deliveryId: command.deliveryId,
      originalDeliveryId: original.deliveryId,
      eventId: original.eventId,
    }),
  ];
}

function evolve(state: WebhookEndpointState, event: WebhookEvent): WebhookEndpointState {
  const version = state.version + 1;
  if (event.type === 'WebhookEndpointRegistered') return { status: 'ACTIVE', version, ...event.data };
  if (state.status === 'NONE') return { ...state, version };
  if (event.type === 'WebhookEndpointDisabled') return { ...state, version, status: 'DISABLED' };
  return { ...state, version };
}

export const webhookEndpointDecider: Decider<WebhookEndpointState, WebhookEndpointCommand, WebhookEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
