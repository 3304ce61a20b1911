import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';

export enum WebhookEndpointStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: '推送地址状态',
  valuesMap: { ACTIVE: { description: '启用: new events are delivered' }, DISABLED: { description: '已停用: nothing more is delivered' } },
});

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  IN_FLIGHT = 'IN_FLIGHT',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: '投递状态',
  valuesMap: {
    PENDING: { description: '待发送: waiting for its time, or for an earlier event of the same record' },
    IN_FLIGHT: { description: '发送中' },
    DELIVERED: { description: '已送达: the receiver answered 2xx' },
    DEAD: { description: '已放弃: every attempt failed; replay it when the receiver is fixed' },
    CANCELLED: { description: '已取消: the endpoint was disabled first' },
  },
});

@ObjectType({ description: '推送地址 — a district’s webhook endpoint' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: 'Where deliveries are POSTed' }) url!: string;
  @Field(() => [String], { description: 'Event types delivered to it' }) eventTypes!: string[];
  @Field(() => String, { nullable: true, description: '说明' }) description!: string | null;
  @Field(() => WebhookEndpointStatus, { description: '状态' }) status!: WebhookEndpointStatus;
  @Field({ description: '登记时间' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: '停用时间' }) disabledAt!: Date | null;
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@InputType({ description: '登记推送地址' })
export class RegisterWebhookEndpointInput {
  @Field({ description: 'https URL (plain http only to this machine)' }) url!: string;
  @Field(() => [String], { description: 'Event types to deliver, e.g. FindingRecorded, WarningIssued' }) eventTypes!: string[];
  @Field(() => String, { nullable: true, description: '说明' }) description?: string | null;
}

@ObjectType({ description: '登记结果: the signing secret appears here once and is never retrievable again' })
export class RegisterWebhookEndpointPayload {
  @Field({ description: 'HMAC-SHA256 key for X-Zeren-Signature; store it now' }) secret!: string;
  @Field(() => WebhookEndpoint, { description: 'The endpoint' }) endpoint!: WebhookEndpoint;
}

@ObjectType({ description: '投递 — one event sent (or to be sent) to one endpoint' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Id, sent as X-Zeren-Delivery-Id' }) id!: string;
  @Field(() => ID, { description: 'The endpoint' }) endpointId!: string;
  @Field({ description: 'The event, sent as X-Zeren-Event-Id: <tenant id>:<tenant position>' }) eventId!: string;
  @Field({ description: 'Event type' }) eventType!: string;
  @Field(() => ID, { description: 'The record (stream) the event belongs to' }) streamId!: string;
  @Field(() => WebhookDeliveryStatus, { description: '状态' }) status!: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far' }) attempts!: number;
  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (pending only)' }) nextAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the last attempt started' }) lastAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt' }) lastStatusCode!: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed' }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: '送达时间' }) deliveredAt!: Date | null;
  @Field({ description: 'When it was queued' }) createdAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The delivery this one replays' }) replayOf!: string | null;
}

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery', '投递记录, newest first');
