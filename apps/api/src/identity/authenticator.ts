import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@zeren/domain';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { AccessTokens } from './access-tokens';
import { AuthenticationError } from './auth-errors';
import { TenantDirectory } from './tenant-directory';

/** An API token as shown once to its owner: `zr_<token id>_<secret>`. */
const API_TOKEN = /^zr_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface Caller {
  actor: Actor;
  /** Tenants this caller's transactions may touch (row-level security scope). */
  tenantIds: string[];
  sessionId: string | null;
  /** A person's name, or an integration's token name. */
  displayName: string;
}

export function hashApiTokenSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

interface TokenRow {
  secret_hash: Buffer;
  last_used_at: Date | null;
  tenant_id: string;
  name: string;
  scope_kind: 'TENANT' | 'CITY';
  scope_tenant_id: string | null;
  scope_city_id: string | null;
  read_only: boolean;
  operations: string[];
  expires_at: Date;
  revoked_at: Date | null;
}

/** Turns an Authorization header into a caller, or refuses it; no header means anonymous. */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger('auth');

  constructor(
    @Inject(AccessTokens) private readonly accessTokens: AccessTokens,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new AuthenticationError('登录凭证格式不正确');
    const credential = match[1]!;
    const apiToken = API_TOKEN.exec(credential);
    return apiToken ? this.authenticateApiToken(apiToken[1]!, apiToken[2]!) : this.authenticateAccessToken(credential);
  }

  private async authenticateAccessToken(token: string): Promise<Caller> {
    const claims = await this.accessTokens.verify(token);
    const actor: Actor = { kind: 'user', id: claims.personId, role: claims.role, cityId: claims.cityId, tenantId: claims.tenantId, unitId: claims.unitId };
    return { actor, tenantIds: await this.tenants.scopeOf(actor), sessionId: claims.sessionId, displayName: claims.displayName };
  }

  private async authenticateApiToken(tokenId: string, secret: string): Promise<Caller> {
    // Credentials and the token's record are read in one statement by a function that sees only this token.
    const [row] = await this.dataSource.query<TokenRow[]>('SELECT * FROM zeren_api_token_for_authentication($1)', [tokenId]);
    const presented = hashApiTokenSecret(secret);
    if (!row || !timingSafeEqual(row.secret_hash, presented)) {
      this.logger.warn({ msg: 'api token refused', tokenId, reason: 'unknown token or wrong secret' });
      throw new AuthenticationError('接口令牌无效');
    }
    if (row.revoked_at) {
      this.logger.warn({ msg: 'api token refused', tokenId, tenantId: row.tenant_id, reason: 'revoked' });
      throw new AuthenticationError('接口令牌已吊销');
    }
    if (row.expires_at.getTime() <= Date.now()) {
      this.logger.warn({ msg: 'api token refused', tokenId, tenantId: row.tenant_id, reason: 'expired' });
      throw new AuthenticationError('接口令牌已过期');
    }
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE api_token_credentials SET last_used_at = now() WHERE token_id = $1', [tokenId]);
    }
    const actor: Actor = {
      kind: 'service',
      id: tokenId,
      role: 'service',
      cityId: row.scope_kind === 'CITY' ? row.scope_city_id : await this.tenants.cityOfTenant(row.scope_tenant_id!),
      tenantId: row.scope_kind === 'TENANT' ? row.scope_tenant_id : null,
      unitId: null,
      readOnly: row.read_only,
      operations: row.operations,
    };
    return { actor, tenantIds: await this.tenants.scopeOf(actor), sessionId: null, displayName: row.name };
  }
}

/**
 * For the GraphQL context: a bad credential fails the whole request with HTTP 401 and
 * UNAUTHENTICATED (Apollo turns any other error thrown there into a 500).
 */
export async function authenticateOr401(authenticator: Authenticator, authorization: string | undefined): Promise<Caller | null> {
  try {
    return await authenticator.authenticate(authorization);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    throw error;
  }
}
