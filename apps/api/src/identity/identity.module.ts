import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectionRegistry } from '../commands/projection-registry';
import { loadOrCreateLocalSecrets } from '../database/local-secrets';
import { TenancyRepository } from '../tenancy/tenancy.repository';
import { AccessTokens } from './access-tokens';
import { ApiTokensResolver } from './api-tokens.resolver';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { Authenticator } from './authenticator';
import { Authorization } from './authorization';
import { identityProjection } from './identity.projection';
import { PasswordHasher } from './password-hasher';
import { PeopleRepository } from './people.repository';
import { PeopleResolver } from './people.resolver';
import { PlatformBootstrap } from './platform-bootstrap';
import { SignInService } from './sign-in.service';
import { TenantDirectory } from './tenant-directory';

/** Sign-in, sessions, API tokens, people, and the caller of every request. */
@Module({
  providers: [
    {
      provide: AccessTokens,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new AccessTokens(config.jwtSecret ?? loadOrCreateLocalSecrets(config.dataDir).jwtSecret, config.accessTokenTtlSeconds),
    },
    { provide: PasswordHasher, useValue: new PasswordHasher() },
    { provide: APP_GUARD, useClass: AuthGuard },
    TenantDirectory,
    Authenticator,
    Authorization,
    SignInService,
    PlatformBootstrap,
    PeopleRepository,
    TenancyRepository,
    AuthResolver,
    PeopleResolver,
    ApiTokensResolver,
  ],
  exports: [Authenticator, Authorization, TenantDirectory, TenancyRepository, PasswordHasher, AccessTokens],
})
export class IdentityModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(identityProjection);
  }
}
