import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { personDecider } from '@zeren/domain';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { ForbiddenError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { GraphQLContext } from '../graphql/graphql-context';
import { TenancyRepository } from '../tenancy/tenancy.repository';
import { AuthenticationError } from './auth-errors';
import type { Caller } from './authenticator';
import { Authenticator } from './authenticator';
import { CurrentCaller, Public } from './current-caller.decorator';
import { ChangePasswordInput, SignInInput, SignInPayload, Viewer } from './identity.models';
import { assertPasswordPolicy, PasswordHasher } from './password-hasher';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { SignInService, type SignedIn } from './sign-in.service';

const REFRESH_COOKIE = 'zeren_refresh';

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

@Resolver(() => Viewer)
export class AuthResolver {
  private readonly limiter: SignInRateLimiter;

  constructor(
    @Inject(SignInService) private readonly signInService: SignInService,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(TenancyRepository) private readonly tenancy: TenancyRepository,
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(PasswordHasher) private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new SignInRateLimiter(config.signInAttemptsPerMinute);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: '登录: password sign-in; sets the refresh cookie' })
  async signIn(@Args('input') input: SignInInput, @Context() context: GraphQLContext): Promise<SignInPayload> {
    this.limiter.take(context.req.ip ?? 'unknown');
    const signedIn = await this.signInService.signIn(input.username, input.password, context.req.header('user-agent'));
    return this.answer(signedIn, context);
  }

  @Public()
  @Mutation(() => SignInPayload, { description: '刷新登录: exchanges a refresh token (argument or cookie) for new tokens; each refresh token works once' })
  async refreshSession(
    @Context() context: GraphQLContext,
    @Args('refreshToken', { nullable: true, type: () => String }) refreshToken?: string | null,
  ): Promise<SignInPayload> {
    const token = refreshToken ?? cookie(context.req.header('cookie'), REFRESH_COOKIE);
    if (!token) throw new AuthenticationError('登录已过期，请重新登录');
    return this.answer(await this.signInService.refresh(token, context.req.header('user-agent')), context);
  }

  @Mutation(() => Boolean, { description: '退出登录: revokes this session and its refresh tokens' })
  async signOut(@CurrentCaller() caller: Caller, @Context() context: GraphQLContext): Promise<boolean> {
    if (caller.sessionId) await this.signInService.signOut(caller.sessionId);
    context.res.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
    return true;
  }

  @Mutation(() => Boolean, { description: '修改密码 (of the signed-in person)' })
  async changePassword(@CurrentCaller() caller: Caller, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    // An API token is a valid identity that has no password: not allowed, rather than not signed in.
    if (caller.actor.kind !== 'user') throw new ForbiddenError();
    assertPasswordPolicy(input.newPassword);
    await this.signInService.verifyCurrentPassword(caller.actor.id, input.currentPassword);
    const hash = await this.passwords.hash(input.newPassword);
    const streamTenant = caller.actor.tenantId ?? PLATFORM_TENANT_ID;
    await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [streamTenant] },
      tenantId: streamTenant,
      streamId: caller.actor.id,
      decider: personDecider,
      command: { type: 'SetPassword', reason: 'CHANGED_BY_SELF' },
      afterAppend: async (sql) => {
        await sql.query('UPDATE accounts SET password_hash = $2, password_changed_at = now() WHERE person_id = $1', [caller.actor.id, hash]);
      },
      result: () => true,
    });
    return true;
  }

  @Query(() => Viewer, { description: '当前用户' })
  async viewer(@CurrentCaller() caller: Caller): Promise<Viewer> {
    return this.viewerOf(caller);
  }

  private async answer(signedIn: SignedIn, context: GraphQLContext): Promise<SignInPayload> {
    context.res.cookie(REFRESH_COOKIE, signedIn.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: context.req.secure,
      path: '/graphql',
      expires: signedIn.refreshTokenExpiresAt,
    });
    const caller = await this.authenticator.authenticate(`Bearer ${signedIn.accessToken}`);
    return { ...signedIn, viewer: await this.viewerOf(caller!) };
  }

  private async viewerOf(caller: Caller): Promise<Viewer> {
    const { actor } = caller;
    return {
      id: actor.id,
      displayName: caller.displayName,
      role: actor.role as Viewer['role'],
      city: actor.cityId ? ((await this.tenancy.city(actor.cityId)) ?? null) : null,
      tenant: actor.tenantId ? ((await this.tenancy.tenant(actor.tenantId)) ?? null) : null,
      unitId: actor.unitId,
      tenantIds: caller.tenantIds,
    };
  }
}
