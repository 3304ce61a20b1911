import { hostname } from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { CheckpointedConsumer } from '../event-store/checkpointed-consumer';
import { EventStore } from '../event-store/event-store';
import { ConsumerLoop, EventWakeUp } from '../event-store/event-wake-up';
import { DeliveryWorker } from '../integrations/delivery-queue';
import { SmtpClient } from '../mail/smtp-client';
import { NotificationConsumer } from './notification-consumer';
import { NotificationEmailQueue, type NotificationEmail } from './notification-email.queue';
import { NotificationFeed } from './notification-feed';

/** E-mails one worker sends at once. */
const EMAIL_BATCH = 5;
const SMTP_TIMEOUT_MS = 30_000;

/**
 * The background work of notifications on this instance: the consumer that makes them (one
 * instance at a time holds its checkpoint), the e-mail worker (rows claimed under leases), and the
 * live feed. All are woken by the shared event wake-up and by a timer.
 */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('notifications');
  private readonly consumer: CheckpointedConsumer;
  private readonly consuming: ConsumerLoop;
  private readonly following: ConsumerLoop;
  private readonly email: DeliveryWorker<NotificationEmail> | undefined;
  private readonly running = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ScopedTransactions) transactions: ScopedTransactions,
    @Inject(EventStore) store: EventStore,
    @Inject(EventWakeUp) private readonly wakeUp: EventWakeUp,
    @Inject(NotificationFeed) private readonly feed: NotificationFeed,
  ) {
    const log = (message: string): void => this.logger.warn(message);
    this.consumer = new CheckpointedConsumer(transactions, store, new NotificationConsumer(Boolean(config.smtpUrl)));
    this.consuming = new ConsumerLoop(() => this.track(this.consume()), log);
    this.following = new ConsumerLoop(() => this.track(this.feed.poll()), log);
    if (config.smtpUrl && config.mailFrom) {
      const smtp = new SmtpClient(config.smtpUrl, { clientName: hostname(), timeoutMs: SMTP_TIMEOUT_MS });
      const queue = new NotificationEmailQueue(
        smtp,
        { address: config.mailFrom, name: '责任链 Zeren' },
        { maxAttempts: config.mailMaxAttempts, baseMs: config.deliveryRetryBaseMs, maxMs: config.deliveryRetryMaxMs },
        SMTP_TIMEOUT_MS * 8,
      );
      this.email = new DeliveryWorker(transactions, queue, { batchSize: EMAIL_BATCH, intervalMs: config.pollIntervalMs }, log);
    }
  }

  onApplicationBootstrap(): void {
    const wake = (): void => {
      this.consuming.wake();
      this.following.wake();
    };
    this.unsubscribe = this.wakeUp.onWake(wake);
    this.timer = setInterval(wake, this.config.pollIntervalMs);
    this.email?.start(this.wakeUp);
    wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.consuming.stop();
    this.following.stop();
    await Promise.all([...this.running].map((work) => work.catch(() => undefined)));
    await this.email?.stop();
    this.feed.end();
  }

  /** What this instance just made is followed and sent at once, not at the next tick. */
  private async consume(): Promise<void> {
    if ((await this.consumer.pollUntilCaughtUp()) === 0) return;
    this.following.wake();
    this.email?.wake();
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
}
