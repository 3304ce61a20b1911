import { type BeforeApplicationShutdown, Global, Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DatabaseConnections } from '../database/database-bootstrap';
import { DATABASE_CONNECTIONS } from '../database/database.module';
import { EventWakeUp } from '../event-store/event-wake-up';

/**
 * One EventWakeUp per instance (one LISTEN connection, one candidate for the notifier's advisory
 * lock), shared by every background worker of the instance: webhook and e-mail deliveries, the
 * notification consumer, and any later consumer that imports this module.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventWakeUp,
      inject: [DATABASE_CONNECTIONS, APP_CONFIG],
      useFactory: (connections: DatabaseConnections, config: AppConfig) => {
        const logger = new Logger('wake-up');
        return new EventWakeUp(connections.appUrl, config.pollIntervalMs, (message) => logger.log(message));
      },
    },
  ],
  exports: [EventWakeUp],
})
export class EventWakeUpModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EventWakeUp) private readonly wakeUp: EventWakeUp) {}

  onApplicationBootstrap(): Promise<void> {
    return this.wakeUp.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.wakeUp.stop();
  }
}
