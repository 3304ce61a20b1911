import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { LiveSubscriptions } from './live-subscriptions';
import { FindingChange, WarningNotice } from './live.models';

/** Live progress and warnings over graphql-ws (connect with connectionParams { authorization: 'Bearer …' }). */
@Resolver()
export class LiveResolver {
  constructor(@Inject(LiveSubscriptions) private readonly subscriptions: LiveSubscriptions) {}

  @Subscription(() => FindingChange, {
    description: '问题动态: check-ins, state changes and warnings of the findings the caller may read, as they are committed',
    resolve: (change: FindingChange) => change,
  })
  findingChanged(
    @CurrentCaller() caller: Caller,
    @Args('findingId', { type: () => ID, nullable: true, description: 'Only this finding' }) findingId: string | null,
    @Args('tenantId', { type: () => ID, nullable: true, description: 'Only this district' }) tenantId: string | null,
  ): AsyncIterableIterator<FindingChange> {
    return this.subscriptions.findingChanges(caller, { findingId, tenantId });
  }

  @Subscription(() => WarningNotice, {
    description: '三色预警 issued for findings the caller may read',
    resolve: (notice: WarningNotice) => notice,
  })
  warningIssued(
    @CurrentCaller() caller: Caller,
    @Args('tenantId', { type: () => ID, nullable: true, description: 'Only this district' }) tenantId: string | null,
  ): AsyncIterableIterator<WarningNotice> {
    return this.subscriptions.warnings(caller, tenantId);
  }
}
