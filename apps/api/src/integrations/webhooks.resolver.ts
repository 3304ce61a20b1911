import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import {
  RegisterWebhookEndpointInput,
  RegisterWebhookEndpointPayload,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from './webhook.models';
import { WebhooksService } from './webhooks.service';

/** 推送 (webhooks): a district's endpoints, their deliveries, and sending one again. */
@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(@Inject(WebhooksService) private readonly service: WebhooksService) {}

  @Query(() => [WebhookEndpoint], { description: '推送地址 the caller administers' })
  webhookEndpoints(@CurrentCaller() caller: Caller): Promise<WebhookEndpoint[]> {
    return this.service.endpoints(caller);
  }

  @Mutation(() => RegisterWebhookEndpointPayload, { description: '登记推送地址; the signing secret is in this answer only' })
  registerWebhookEndpoint(@CurrentCaller() caller: Caller, @Args('input') input: RegisterWebhookEndpointInput): Promise<RegisterWebhookEndpointPayload> {
    return this.service.register(caller, input);
  }

  @Mutation(() => WebhookEndpoint, { description: '停用推送地址: deliveries not yet confirmed are cancelled' })
  disableWebhookEndpoint(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Endpoint id' }) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version the caller read' }) expectedVersion: number,
    @Args('reason', { type: () => String, nullable: true, description: '原因' }) reason: string | null,
  ): Promise<WebhookEndpoint> {
    return this.service.disable(caller, id, expectedVersion, reason);
  }

  @Query(() => WebhookDeliveryConnection, { description: '投递记录 of one endpoint, newest first' })
  webhookDeliveries(
    @CurrentCaller() caller: Caller,
    @Args('endpointId', { type: () => ID, description: 'Endpoint id' }) endpointId: string,
    @Args('status', { type: () => WebhookDeliveryStatus, nullable: true, description: 'Only deliveries in this status' }) status: WebhookDeliveryStatus | null,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1–100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<Connection<WebhookDelivery>> {
    return this.service.deliveries(caller, endpointId, { status, first, after });
  }

  @Mutation(() => WebhookDelivery, { description: '重新推送 a delivered or dead-lettered delivery, as a new delivery of the same event' })
  replayWebhookDelivery(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Delivery id' }) id: string): Promise<WebhookDelivery> {
    return this.service.replay(caller, id);
  }
}
