import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { EventWakeUpModule } from '../integrations/event-wake-up.module';
import { LiveEvents } from './live-events';
import { LiveFeed } from './live-feed';
import { LiveSubscriptions } from './live-subscriptions';
import { LiveResolver } from './live.resolver';

/** Live updates: committed events, woken by the instance's shared poller, to authorised GraphQL subscribers. */
@Module({ imports: [IdentityModule, EventWakeUpModule], providers: [LiveEvents, LiveFeed, LiveSubscriptions, LiveResolver] })
export class LiveModule {}
