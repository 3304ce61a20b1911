import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { CommandsModule } from './commands/commands.module';
import type { AppConfig } from './config/app-config';
import type { DatabaseConnections } from './database/database-bootstrap';
import { DatabaseModule } from './database/database.module';
import type { GraphQLContext } from './graphql/graphql-context';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { Authenticator, authenticateOr401 } from './identity/authenticator';
import { IdentityModule } from './identity/identity.module';
import { SystemModule } from './system/system.module';
import { TenancyModule } from './tenancy/tenancy.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, connections: DatabaseConnections): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.register(config, connections),
        CommandsModule,
        CqrsModule.forRoot(),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [Authenticator],
          useFactory: (authenticator: Authenticator) => ({
            ...graphqlOptions(config),
            context: async ({ req, res }: { req: Request; res: Response }): Promise<GraphQLContext> => ({
              req,
              res,
              caller: await authenticateOr401(authenticator, req.header('authorization')),
            }),
          }),
        }),
        HealthModule,
        SystemModule,
        IdentityModule,
        TenancyModule,
      ],
    };
  }
}
