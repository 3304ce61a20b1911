import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { CommandsModule } from './commands/commands.module';
import type { AppConfig } from './config/app-config';
import type { DatabaseConnections } from './database/database-bootstrap';
import { DatabaseModule } from './database/database.module';
import { EvidenceModule } from './evidence/evidence.module';
import { FindingsModule } from './findings/findings.module';
import type { GraphQLContext } from './graphql/graphql-context';
import { AppExceptionFilter } from './graphql/app-exception.filter';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { Authenticator, authenticateOr401 } from './identity/authenticator';
import { IdentityModule } from './identity/identity.module';
import { InspectionsModule } from './inspections/inspections.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { InterviewsModule } from './interviews/interviews.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LiveModule } from './live/live.module';
import { ReportingModule } from './reporting/reporting.module';
import { ResponsibilityModule } from './responsibility/responsibility.module';
import { isWebSocketContext, liveGraphQLContext, subscriptionOptions, type LiveConnectionContext, type LiveGraphQLContext } from './live/subscription-server';
import { SystemModule } from './system/system.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { UnitsModule } from './units/units.module';

@Module({})
export class AppModule {
  static register(config: AppConfig, connections: DatabaseConnections): DynamicModule {
    return {
      module: AppModule,
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
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
            subscriptions: subscriptionOptions(config, authenticator),
            // graphql-ws calls this with its connection context; HTTP with Express's request and response.
            context: async (exchange: { req: Request; res: Response } | LiveConnectionContext): Promise<GraphQLContext | LiveGraphQLContext> => {
              if (isWebSocketContext(exchange)) return liveGraphQLContext(exchange);
              const { req, res } = exchange;
              return { req, res, caller: await authenticateOr401(authenticator, req.header('authorization')) };
            },
          }),
        }),
        HealthModule,
        SystemModule,
        IdentityModule,
        TenancyModule,
        IntegrationsModule,
        NotificationsModule,
        InterviewsModule,
        ResponsibilityModule,
        AuditTrailModule,
        LiveModule,
        ReportingModule,
        UnitsModule,
        InspectionsModule,
        FindingsModule,
        EvidenceModule,
      ],
    };
  }
}
