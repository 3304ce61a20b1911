import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { EventWakeUpModule } from '../integrations/event-wake-up.module';
import { NotificationFeed } from './notification-feed';
import { NotificationWorkers } from './notification-workers';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';

/** In-app notifications and their e-mails, made from committed events by an asynchronous consumer. */
@Module({
  imports: [IdentityModule, EventWakeUpModule],
  providers: [NotificationsRepository, NotificationFeed, NotificationWorkers, NotificationsResolver],
})
export class NotificationsModule {}
