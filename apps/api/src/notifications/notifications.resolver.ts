import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { RecordNotFoundError } from '../commands/command-errors';
import { toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { NotificationFeed } from './notification-feed';
import { Notification, NotificationConnection } from './notification.models';
import { NotificationsRepository } from './notifications.repository';

/** 站内通知: the caller's own notifications, marking them read, and new ones as they arrive. */
@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    @Inject(NotificationsRepository) private readonly repository: NotificationsRepository,
    @Inject(NotificationFeed) private readonly feed: NotificationFeed,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  /** People have notifications; integrations (API tokens) have none. */
  private mayHave(caller: Caller): boolean {
    return this.authorization.can(caller, 'read', 'Notification', { recipientId: caller.actor.id });
  }

  @Query(() => NotificationConnection, { description: '我的通知, newest first' })
  notifications(
    @CurrentCaller() caller: Caller,
    @Args('unreadOnly', { defaultValue: false, description: 'Only those not yet read' }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1–100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<Connection<Notification>> {
    if (!this.mayHave(caller)) return Promise.resolve(toConnection<Notification, Notification>([], 0, 0, () => '', (row) => row, after));
    return this.repository.inbox(caller.tenantIds, caller.actor.id, { unreadOnly, first, after });
  }

  @Mutation(() => Notification, { description: '标为已读 (again is harmless: the first reading time stays)' })
  async markNotificationRead(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Notification id' }) id: string): Promise<Notification> {
    const marked = this.mayHave(caller) ? await this.repository.markRead(caller.tenantIds, caller.actor.id, id) : undefined;
    if (!marked) throw new RecordNotFoundError('Notification', id);
    return marked;
  }

  @Subscription(() => Notification, {
    description: '新通知: the caller’s notifications as they are made, on whichever instance',
    resolve: (payload: [Notification]) => payload[0],
  })
  notificationReceived(@CurrentCaller() caller: Caller): AsyncIterableIterator<[Notification]> {
    if (!this.mayHave(caller)) throw new RecordNotFoundError('Notification', caller.actor.id);
    return this.feed.subscribe(caller.actor.id);
  }
}
