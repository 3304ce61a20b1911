import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { webhookEndpointDecider, type WebhookEndpointCommand } from '@zeren/domain';
import { ForbiddenError, RecordNotFoundError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { newWebhookSecret } from './webhook-signature';
import { RegisterWebhookEndpointInput, RegisterWebhookEndpointPayload, WebhookDelivery, WebhookDeliveryStatus } from './webhook.models';
import { WebhooksRepository, type DeliveryRecord, type EndpointRecord } from './webhooks.repository';

const subjectOf = (endpoint: EndpointRecord): Record<string, unknown> => ({ id: endpoint.id, tenantId: endpoint.tenantId });

/** A district administrator's webhooks: every change is an event of the endpoint's stream. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(WebhooksRepository) private readonly repository: WebhooksRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async endpoints(caller: Caller): Promise<EndpointRecord[]> {
    const rows = await this.repository.endpoints(caller.tenantIds);
    return rows.filter((row) => this.authorization.can(caller, 'read', 'Webhook', subjectOf(row)));
  }

  async register(caller: Caller, input: RegisterWebhookEndpointInput): Promise<RegisterWebhookEndpointPayload> {
    const tenantId = caller.actor.tenantId;
    if (!tenantId) throw new ForbiddenError();
    const endpointId = randomUUID();
    this.authorization.assertCan(caller, 'create', 'Webhook', { id: endpointId, tenantId });
    const secret = newWebhookSecret();
    await this.execute(caller, tenantId, endpointId, {
      type: 'RegisterWebhookEndpoint',
      endpointId,
      url: input.url,
      eventTypes: input.eventTypes,
      description: input.description ?? null,
      // Test suites run receivers on whatever address they get; everywhere else only loopback may use http.
      plainHttp: this.config.nodeEnv === 'test' ? 'ANY' : 'LOOPBACK_ONLY',
    }, { secretToStore: secret });
    const [endpoint] = await this.repository.endpoints([tenantId], endpointId);
    return { secret, endpoint: endpoint! };
  }

  async disable(caller: Caller, id: string, expectedVersion: number, reason: string | null): Promise<EndpointRecord> {
    const endpoint = await this.visibleEndpoint(caller, id);
    this.authorization.assertCan(caller, 'update', 'Webhook', subjectOf(endpoint));
    await this.execute(caller, endpoint.tenantId, id, { type: 'DisableWebhookEndpoint', reason }, { expectedVersion });
    return (await this.repository.endpoints([endpoint.tenantId], id))[0]!;
  }

  async deliveries(
    caller: Caller,
    endpointId: string,
    filter: { status: WebhookDeliveryStatus | null; first: number; after: string | null },
  ): Promise<Connection<WebhookDelivery>> {
    const endpoint = await this.visibleEndpoint(caller, endpointId);
    return this.repository.deliveries(endpoint, filter);
  }

  /** Sends the delivery's event again as a new delivery, after the receiver was fixed. */
  async replay(caller: Caller, deliveryId: string): Promise<DeliveryRecord> {
    const delivery = await this.repository.delivery(caller.tenantIds, deliveryId);
    if (!delivery) throw new RecordNotFoundError('WebhookDelivery', deliveryId);
    const endpoint = await this.visibleEndpoint(caller, delivery.endpointId).catch(() => {
      throw new RecordNotFoundError('WebhookDelivery', deliveryId);
    });
    this.authorization.assertCan(caller, 'update', 'Webhook', subjectOf(endpoint));
    const replayId = randomUUID();
    await this.execute(caller, endpoint.tenantId, endpoint.id, {
      type: 'ReplayWebhookDelivery',
      deliveryId: replayId,
      original: { deliveryId, endpointId: delivery.endpointId, eventId: delivery.eventId, status: delivery.status },
    });
    return (await this.repository.delivery([endpoint.tenantId], replayId))!;
  }

  private async visibleEndpoint(caller: Caller, id: string): Promise<EndpointRecord> {
    const [endpoint] = await this.repository.endpoints(caller.tenantIds, id);
    if (!endpoint || !this.authorization.can(caller, 'read', 'Webhook', subjectOf(endpoint))) throw new RecordNotFoundError('WebhookEndpoint', id);
    return endpoint;
  }

  private execute(
    caller: Caller,
    tenantId: string,
    endpointId: string,
    command: WebhookEndpointCommand,
    options: { expectedVersion?: number; secretToStore?: string } = {},
  ): Promise<unknown> {
    return this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [tenantId] },
      tenantId,
      streamId: endpointId,
      decider: webhookEndpointDecider,
      command,
      expectedVersion: options.expectedVersion,
      // The secret goes beside the event, never into it, in the same transaction.
      afterAppend: options.secretToStore
        ? async (sql) => {
            await sql.query('INSERT INTO webhook_secrets (tenant_id, endpoint_id, secret) VALUES ($1, $2, $3)', [tenantId, endpointId, options.secretToStore]);
          }
        : undefined,
      result: () => ({ endpointId }),
    });
  }
}
