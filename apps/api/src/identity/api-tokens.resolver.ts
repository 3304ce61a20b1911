import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { apiTokenDecider, type ApiTokenScope } from '@zeren/domain';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { RecordNotFoundError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { ScopedTransactions } from '../database/scoped-transactions';
import { newRecordId } from '../records/record-commands';
import type { Caller } from './authenticator';
import { hashApiTokenSecret } from './authenticator';
import { Authorization } from './authorization';
import { CurrentCaller } from './current-caller.decorator';
import { ApiToken, IssueApiTokenInput, IssueApiTokenPayload } from './identity.models';

interface ApiTokenRow {
  tenant_id: string;
  id: string;
  name: string;
  scope_kind: string;
  scope_tenant_id: string | null;
  scope_city_id: string | null;
  read_only: boolean;
  operations: string[];
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  issued_at: Date;
  version: number;
}

const toApiToken = (row: ApiTokenRow): ApiToken & { streamTenantId: string } => ({
  id: row.id,
  name: row.name,
  scopeKind: row.scope_kind,
  scopeTenantId: row.scope_tenant_id,
  scopeCityId: row.scope_city_id,
  readOnly: row.read_only,
  operations: row.operations,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
  issuedAt: row.issued_at,
  version: row.version,
  streamTenantId: row.tenant_id,
});

/** Integration credentials: a district's tokens live in its chain, a city's in the platform's. */
@Resolver(() => ApiToken)
export class ApiTokensResolver {
  constructor(
    @Inject(CommandPipeline) private readonly pipeline: CommandPipeline,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  @Query(() => [ApiToken], { description: '接口令牌 the caller administers' })
  async apiTokens(@CurrentCaller() caller: Caller): Promise<ApiToken[]> {
    const rows = await this.load(caller.tenantIds);
    return rows.filter((row) => this.authorization.can(caller, 'read', 'ApiToken', this.subjectOf(row)));
  }

  @Mutation(() => IssueApiTokenPayload, { description: '签发接口令牌; the secret is in this answer only' })
  async issueApiToken(@CurrentCaller() caller: Caller, @Args('input') input: IssueApiTokenInput): Promise<IssueApiTokenPayload> {
    const scope: ApiTokenScope = input.tenantId ? { kind: 'TENANT', tenantId: input.tenantId } : { kind: 'CITY', cityId: input.cityId ?? '' };
    const streamTenant = input.tenantId ?? PLATFORM_TENANT_ID;
    const tokenId = newRecordId(caller, input.idempotencyKey, randomUUID);
    this.authorization.assertCan(caller, 'issue', 'ApiToken', { id: tokenId, tenantId: input.tenantId ?? null, cityId: input.cityId ?? null });
    const secret = randomBytes(32).toString('base64url');
    let issuedNow = false;
    await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [streamTenant] },
      tenantId: streamTenant,
      streamId: tokenId,
      decider: apiTokenDecider,
      command: { type: 'IssueApiToken', tokenId, name: input.name, scope, readOnly: input.readOnly, operations: input.operations, expiresAt: input.expiresAt },
      idempotencyKey: input.idempotencyKey,
      afterAppend: async (sql) => {
        issuedNow = true;
        await sql.query('INSERT INTO api_token_credentials (token_id, tenant_id, secret_hash) VALUES ($1, $2, $3)', [tokenId, streamTenant, hashApiTokenSecret(secret)]);
      },
      result: () => ({ tokenId }),
    });
    if (!issuedNow) {
      // A retry of an issue whose answer was lost: same token, but its secret was never kept, so it
      // gets a new one and the first (which the caller never saw) stops working.
      await this.transactions.run({ tenantIds: [streamTenant] }, (sql) =>
        sql.query('UPDATE api_token_credentials SET secret_hash = $2 WHERE token_id = $1', [tokenId, hashApiTokenSecret(secret)]),
      );
    }
    const [row] = await this.load([streamTenant], tokenId);
    return { token: `zr_${tokenId}_${secret}`, apiToken: row! };
  }

  @Mutation(() => ApiToken, { description: '吊销接口令牌: takes effect on the next request' })
  async revokeApiToken(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<ApiToken> {
    const [row] = await this.load([...caller.tenantIds, PLATFORM_TENANT_ID], id);
    if (!row || !this.authorization.can(caller, 'read', 'ApiToken', this.subjectOf(row))) throw new RecordNotFoundError('ApiToken', id);
    this.authorization.assertCan(caller, 'revoke', 'ApiToken', this.subjectOf(row));
    await this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [row.streamTenantId] },
      tenantId: row.streamTenantId,
      streamId: id,
      decider: apiTokenDecider,
      command: { type: 'RevokeApiToken', reason },
      expectedVersion,
      result: () => ({ tokenId: id }),
    });
    return (await this.load([row.streamTenantId], id))[0]!;
  }

  private subjectOf(row: ApiToken): Record<string, unknown> {
    return { id: row.id, tenantId: row.scopeTenantId, cityId: row.scopeCityId };
  }

  private load(tenantIds: readonly string[], id?: string): Promise<Array<ApiToken & { streamTenantId: string }>> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const rows = await sql.query<ApiTokenRow>(
        `SELECT t.*, c.last_used_at FROM api_tokens t LEFT JOIN api_token_credentials c ON c.token_id = t.id
          WHERE $1::uuid IS NULL OR t.id = $1 ORDER BY t.issued_at DESC`,
        [id ?? null],
      );
      return rows.map(toApiToken);
    });
  }
}
