import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { EventStore } from '../event-store/event-store';
import { eventCatalogue } from '@zeren/events';
import type { DatabaseConnections } from './database-bootstrap';
import { ScopedTransactions } from './scoped-transactions';

export const DATABASE_CONNECTIONS = Symbol('DATABASE_CONNECTIONS');
/** The runtime role's pool on the streaming replica; the primary's DataSource when none is configured. */
export const REPLICA_DATA_SOURCE = Symbol('REPLICA_DATA_SOURCE');

function runtimeDataSource(url: string, poolSize: number, applicationName: string): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, extra: { max: poolSize, application_name: applicationName }, logging: false }).initialize();
}

/** The runtime role's pool, the transaction helper and the event store, for every module. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(REPLICA_DATA_SOURCE) private readonly replica: DataSource,
  ) {}

  static register(config: AppConfig, connections: DatabaseConnections): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_CONNECTIONS, useValue: connections },
        {
          provide: DataSource,
          useFactory: () => runtimeDataSource(connections.appUrl, config.poolSize, 'zeren-api'),
        },
        {
          provide: REPLICA_DATA_SOURCE,
          inject: [DataSource],
          useFactory: (primary: DataSource) =>
            config.databaseReplicaUrl ? runtimeDataSource(config.databaseReplicaUrl, config.poolSize, 'zeren-api-replica') : primary,
        },
        {
          provide: ScopedTransactions,
          useFactory: (dataSource: DataSource, replica: DataSource) => new ScopedTransactions(dataSource, replica),
          inject: [DataSource, REPLICA_DATA_SOURCE],
        },
        { provide: EventStore, useValue: new EventStore(eventCatalogue) },
      ],
      exports: [APP_CONFIG, DATABASE_CONNECTIONS, DataSource, REPLICA_DATA_SOURCE, ScopedTransactions, EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica !== this.dataSource && this.replica.isInitialized) await this.replica.destroy();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
