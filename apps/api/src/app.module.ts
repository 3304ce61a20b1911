import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import type { AppConfig } from './config/app-config';
import type { DatabaseConnections } from './database/database-bootstrap';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { SystemModule } from './system/system.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, connections: DatabaseConnections): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.register(config, connections),
        CqrsModule.forRoot(),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(config) }),
        HealthModule,
        SystemModule,
      ],
    };
  }
}
