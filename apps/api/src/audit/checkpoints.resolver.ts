import { Inject } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DomainError, validationFailed } from '@zeren/domain';
import { checkpointToJson, type SignedCheckpoint } from '@zeren/events';
import { RecordNotFoundError } from '../commands/command-errors';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { CheckpointService } from './checkpoint.service';

@ObjectType({ description: '签名检查点 — a district’s chain head signed with the server’s Ed25519 key' })
export class ChainCheckpoint {
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field(() => String, { description: 'Chain position signed (a bigint as text)' }) tenantPosition!: string;
  @Field({ description: 'sha256 of the event at that position, hex' }) hash!: string;
  @Field({ description: 'When it was signed' }) signedAt!: Date;
  @Field({ description: 'Id of the signing key (first 16 hex of sha256 of the public key)' }) keyId!: string;
  @Field({ description: 'Ed25519 signature, base64' }) signature!: string;
}

/** The export form of a checkpoint, with its time as a DateTime. */
function toChainCheckpoint(checkpoint: SignedCheckpoint): ChainCheckpoint {
  const json = checkpointToJson(checkpoint);
  return { ...json, signedAt: new Date(json.signedAt) };
}

/** 签名检查点: the list of a district's checkpoints, and signing its head on demand (besides the hourly round). */
@Resolver(() => ChainCheckpoint)
export class CheckpointsResolver {
  constructor(
    @Inject(CheckpointService) private readonly checkpoints: CheckpointService,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  @Query(() => [ChainCheckpoint], { description: 'A district’s signed checkpoints, oldest first' })
  chainCheckpoints(
    @CurrentCaller() caller: Caller,
    @Args('tenantId', { type: () => ID, description: 'District' }) tenantId: string,
    @Args('last', { type: () => Int, defaultValue: 20, description: 'Only the latest this many (1–1000)' }) last: number,
  ): Promise<ChainCheckpoint[]> {
    const district = this.readable(caller, tenantId, 'read');
    if (!Number.isInteger(last) || last < 1 || last > 1000) throw validationFailed({ last: 'must be 1–1000' });
    return this.transactions.read({ tenantIds: [district] }, async (sql) => (await this.checkpoints.listCheckpoints(sql, district)).slice(-last).map(toChainCheckpoint));
  }

  @Mutation(() => ChainCheckpoint, {
    description: 'Signs the district’s chain head now (after verifying the events since the last checkpoint) and returns the latest checkpoint',
  })
  signChainHead(@CurrentCaller() caller: Caller, @Args('tenantId', { type: () => ID, description: 'District' }) tenantId: string): Promise<ChainCheckpoint> {
    const district = this.readable(caller, tenantId, 'verifyChain');
    return this.transactions.run({ tenantIds: [district] }, async (sql) => {
      const result = await this.checkpoints.signHeads(sql, [district]);
      const refused = result.refused[0];
      if (refused) {
        throw new DomainError('INVALID_STATE', `chain broken at position ${refused.failure.tenantPosition}: ${refused.failure.fault}`, {
          tenantPosition: refused.failure.tenantPosition.toString(),
          fault: refused.failure.fault,
        }, '该区县的链校验未通过，不能签名；请先运行链校验查明原因');
      }
      const latest = (await this.checkpoints.listCheckpoints(sql, district)).at(-1);
      if (!latest) throw new DomainError('INVALID_STATE', 'the district has no events to sign', {}, '该区县尚无任何记录，无需签名');
      return toChainCheckpoint(latest);
    });
  }

  /** Districts the caller cannot read do not exist for it; readable ones it may not act on are refused. */
  private readable(caller: Caller, tenantId: string, action: 'read' | 'verifyChain'): string {
    const subject = { tenantId: tenantId.toLowerCase() };
    if (!this.authorization.can(caller, 'read', 'Checkpoint', subject)) throw new RecordNotFoundError('Tenant', tenantId);
    if (action === 'verifyChain') this.authorization.assertCan(caller, 'verifyChain', 'AuditEvent', subject);
    return subject.tenantId;
  }
}
