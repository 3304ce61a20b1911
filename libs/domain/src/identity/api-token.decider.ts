import { ApiTokenIssuedV1, ApiTokenRevokedV1, type ApiTokenIssued, type ApiTokenRevoked } from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type ApiTokenEvent = ApiTokenIssued | ApiTokenRevoked;
export type ApiTokenStatus = 'ACTIVE' | 'REVOKED';
export type ApiTokenScope = ApiTokenIssued['data']['scope'];

export interface ExistingApiToken {
  status: ApiTokenStatus;
  version: number;
  tokenId: string;
  name: string;
  scope: ApiTokenScope;
  readOnly: boolean;
  operations: string[];
  expiresAt: string;
}
export type ApiTokenState = NotCreated | ExistingApiToken;

export interface IssueApiToken {
  type: 'IssueApiToken';
  tokenId: string;
  name: string;
  scope: ApiTokenScope;
  readOnly: boolean;
  operations: string[];
  expiresAt: Date;
}
export interface RevokeApiToken {
  type: 'RevokeApiToken';
  reason: string;
}
export type ApiTokenCommand = IssueApiToken | RevokeApiToken;

/** Integration tokens expire within a year, so a forgotten one does not stay valid for ever. */
export const MAX_API_TOKEN_LIFETIME_DAYS = 366;

const guard = new CommandGuard<ApiTokenStatus, ApiTokenCommand['type']>({
  aggregate: 'ApiToken',
  states: { NONE: '不存在', ACTIVE: '有效', REVOKED: '已吊销' },
  commands: { IssueApiToken: '签发接口令牌', RevokeApiToken: '吊销接口令牌' },
});

export const apiTokenDecider: Decider<ApiTokenState, ApiTokenCommand, ApiTokenEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),

  decide(state, command, context): ApiTokenEvent[] {
    if (command.type === 'IssueApiToken') {
      guard.requireState(state.status, ['NONE'], command.type);
      const lifetimeDays = (command.expiresAt.getTime() - context.now.getTime()) / 86_400_000;
      assertValid([
        ['expiresAt', lifetimeDays > 0, '到期时间须晚于现在'],
        ['expiresAt', lifetimeDays <= MAX_API_TOKEN_LIFETIME_DAYS, `有效期不能超过 ${MAX_API_TOKEN_LIFETIME_DAYS} 天`],
        ['operations', command.readOnly ? command.operations.length === 0 : command.operations.length > 0, command.readOnly ? '只读令牌不能授权写操作' : '非只读令牌须列出允许的操作'],
      ]);
      return [
        createEvent(ApiTokenIssuedV1, {
          tokenId: command.tokenId,
          name: command.name,
          scope: command.scope,
          readOnly: command.readOnly,
          operations: [...new Set(command.operations)].sort(),
          expiresAt: command.expiresAt.toISOString(),
        }),
      ];
    }
    const token = guard.existing(state, command.type);
    guard.requireState(token.status, ['ACTIVE'], command.type);
    return [createEvent(ApiTokenRevokedV1, { tokenId: token.tokenId, reason: command.reason })];
  },

  evolve(state, event): ApiTokenState {
    const version = state.version + 1;
    if (event.type === 'ApiTokenIssued') {
      return { status: 'ACTIVE', version, ...event.data };
    }
    if (state.status === 'NONE') return { ...state, version };
    return { ...state, version, status: 'REVOKED' };
  },
};
