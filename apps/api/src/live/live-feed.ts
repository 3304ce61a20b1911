import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { ConsumerLoop, EventWakeUp } from '../event-store/event-wake-up';
import { LiveEventTail } from './live-event-tail';
import { LiveEvents } from './live-events';

/**
 * Committed events to GraphQL subscriptions: the instance's shared wake-up (one NOTIFY per batch
 * from the leader instance) runs the tail, which publishes to this instance's subscribers.
 * Started once the application is up, stopped before the database pool closes.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('live');
  private readonly tail: LiveEventTail;
  private readonly loop: ConsumerLoop;
  private stopListening: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<unknown> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EventWakeUp) private readonly wakeUp: EventWakeUp,
    @Inject(ScopedTransactions) transactions: ScopedTransactions,
    @Inject(EventStore) store: EventStore,
    @Inject(LiveEvents) private readonly live: LiveEvents,
  ) {
    this.tail = new LiveEventTail(transactions, store, (events) => live.publish(events));
    // Nobody listening: move the read position on without reading the events themselves.
    this.loop = new ConsumerLoop(
      () => (this.polling = this.live.subscriberCount > 0 ? this.tail.pollUntilCaughtUp() : this.tail.skipToHead()),
      (message) => this.logger.warn(message),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.tail.skipToHead();
    this.stopListening = this.wakeUp.onWake(this.loop.wake);
    // The leader wakes everyone only when the log's end moves; an event whose transaction committed
    // late behind a long one, or a lost NOTIFY, is picked up by this slower timer.
    this.timer = setInterval(this.loop.wake, this.config.pollIntervalMs * 4);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopListening?.();
    this.loop.stop();
    await this.polling?.catch(() => undefined);
    this.live.endAll();
  }
}
