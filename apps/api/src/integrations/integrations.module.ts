import { type BeforeApplicationShutdown, Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { eventCatalogue } from '@zeren/events';
import { ProjectionRegistry } from '../commands/projection-registry';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventWakeUp } from '../event-store/event-wake-up';
import { IdentityModule } from '../identity/identity.module';
import { DeliveryWorker } from './delivery-queue';
import { EventWakeUpModule } from './event-wake-up.module';
import { WebhookDeliveryQueue, type WebhookDelivery } from './webhook-delivery.queue';
import { webhookEndpointsProjection, webhookOutboxProjection } from './webhook.projections';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Deliveries one worker sends at once; also its claim size. */
const WEBHOOK_BATCH = 10;
const WEBHOOK_WORKER = Symbol('WEBHOOK_WORKER');

/** Webhooks: endpoints (event-sourced), the outbox filled with the events, and the delivery worker. */
@Module({
  imports: [IdentityModule, EventWakeUpModule],
  providers: [
    WebhooksRepository,
    WebhooksService,
    WebhooksResolver,
    {
      provide: WEBHOOK_WORKER,
      inject: [ScopedTransactions, APP_CONFIG],
      useFactory: (transactions: ScopedTransactions, config: AppConfig) => {
        const logger = new Logger('webhooks');
        const queue = new WebhookDeliveryQueue(
          { maxAttempts: config.webhookMaxAttempts, baseMs: config.deliveryRetryBaseMs, maxMs: config.deliveryRetryMaxMs },
          config.webhookTimeoutMs,
        );
        return new DeliveryWorker<WebhookDelivery>(transactions, queue, { batchSize: WEBHOOK_BATCH, intervalMs: config.pollIntervalMs }, (message) => logger.warn(message));
      },
    },
  ],
})
export class IntegrationsModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
    @Inject(WEBHOOK_WORKER) private readonly worker: DeliveryWorker<WebhookDelivery>,
    @Inject(EventWakeUp) private readonly wakeUp: EventWakeUp,
  ) {}

  onModuleInit(): void {
    // Endpoints first: the outbox reads which endpoints are active when it sees an event.
    this.projections.register(webhookEndpointsProjection);
    this.projections.register(webhookOutboxProjection(eventCatalogue.types()));
  }

  onApplicationBootstrap(): void {
    this.worker.start(this.wakeUp);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
