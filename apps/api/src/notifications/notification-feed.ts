import { EventEmitter, on } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '@zeren/domain';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Notification } from './notification.models';
import { NotificationsRepository } from './notifications.repository';

/**
 * notificationReceived. The consumer that makes notifications runs on whichever instance holds its
 * checkpoint, while a subscriber is connected to any instance; so each instance follows the
 * notifications table (in seq order, see the migration) for the people subscribed to it, and
 * hands each new one to their subscriptions. From the moment of subscribing on: what came before
 * is what notifications() lists.
 */
@Injectable()
export class NotificationFeed {
  private readonly emitter = new EventEmitter();
  private readonly ended = new AbortController();
  private seenUpTo: string | null = null;

  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(NotificationsRepository) private readonly repository: NotificationsRepository,
  ) {
    // One listener per subscription; many people may be connected to one instance.
    this.emitter.setMaxListeners(0);
  }

  /** Yields [notification] for each new notification of this person; return() unsubscribes. */
  subscribe(recipientId: string): AsyncIterableIterator<[Notification]> {
    return on(this.emitter, recipientId.toLowerCase(), { signal: this.ended.signal }) as AsyncIterableIterator<[Notification]>;
  }

  async poll(): Promise<void> {
    const subscribed = this.emitter.eventNames().filter((name): name is string => typeof name === 'string' && isUuid(name));
    const { head, created } = await this.transactions.runForAllTenants((sql) => this.repository.createdSince(sql, this.seenUpTo, subscribed));
    this.seenUpTo = head;
    for (const { recipientId, notification } of created) this.emitter.emit(recipientId, notification);
  }

  /** Ends every subscription (shutdown). */
  end(): void {
    this.ended.abort();
  }
}
