import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { EventStore } from '../event-store/event-store';
import { eventCatalogue } from '@zeren/events';
import type { DatabaseConnections } from './database-bootstrap';
import { ScopedTransactions } from './scoped-transactions';

export const DATABASE_CONNECTIONS = Symbol('DATABASE_CONNECTIONS');

/** The runtime role's pool, the transaction helper and the event store, for every module. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static register(config: AppConfig, connections: DatabaseConnections): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_CONNECTIONS, useValue: connections },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = new DataSource({
              type: 'postgres',
              url: connections.appUrl,
              extra: { max: config.poolSize, application_name: 'zeren-api' },
              logging: false,
            });
            return dataSource.initialize();
          },
        },
        { provide: ScopedTransactions, useFactory: (dataSource: DataSource) => new ScopedTransactions(dataSource), inject: [DataSource] },
        { provide: EventStore, useValue: new EventStore(eventCatalogue) },
      ],
      exports: [APP_CONFIG, DATABASE_CONNECTIONS, DataSource, ScopedTransactions, EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
