import { actorFor, contextFor, given, TEST_TENANT_ID } from '../shared/decider-spec';
import { apiTokenDecider, type IssueApiToken } from './api-token.decider';

const NOW = new Date('2026-03-01T02:00:00.000Z');
const admin = contextFor(actorFor('district_admin'), NOW);
const tokenId = 'b0000000-0000-4000-8000-000000000001';
const issue: IssueApiToken = {
  type: 'IssueApiToken',
  tokenId,
  name: 'OA 系统',
  scope: { kind: 'TENANT', tenantId: TEST_TENANT_ID },
  readOnly: false,
  operations: ['checkIn', 'checkIn', 'submit'],
  expiresAt: new Date('2026-09-01T00:00:00.000Z'),
};

describe('API token decider', () => {
  it('issues a scoped token with its operations de-duplicated and sorted', () => {
    given(apiTokenDecider)
      .when(issue, admin)
      .thenEmits([
        {
          type: 'ApiTokenIssued',
          data: { tokenId, name: 'OA 系统', scope: { kind: 'TENANT', tenantId: TEST_TENANT_ID }, readOnly: false, operations: ['checkIn', 'submit'], expiresAt: '2026-09-01T00:00:00.000Z' },
        },
      ]);
  });

  it('refuses tokens that never expire, are already expired, or mix read-only with operations', () => {
    given(apiTokenDecider).when({ ...issue, expiresAt: new Date('2028-01-01T00:00:00Z') }, admin).thenFails('VALIDATION_FAILED', { fields: { expiresAt: '有效期不能超过 366 天' } });
    given(apiTokenDecider).when({ ...issue, expiresAt: new Date('2026-02-01T00:00:00Z') }, admin).thenFails('VALIDATION_FAILED', { fields: { expiresAt: '到期时间须晚于现在' } });
    given(apiTokenDecider).when({ ...issue, readOnly: true }, admin).thenFails('VALIDATION_FAILED', { fields: { operations: '只读令牌不能授权写操作' } });
    given(apiTokenDecider).when({ ...issue, operations: [] }, admin).thenFails('VALIDATION_FAILED', { fields: { operations: '非只读令牌须列出允许的操作' } });
  });

  it('revokes once', () => {
    const issued = apiTokenDecider.decide(apiTokenDecider.initialState(), issue, admin);
    const revoked = given(apiTokenDecider, issued).when({ type: 'RevokeApiToken', reason: '系统下线' }, admin).thenEmits([{ type: 'ApiTokenRevoked', data: { tokenId, reason: '系统下线' } }]);
    expect(revoked.status).toBe('REVOKED');
    given(apiTokenDecider, [...issued, { type: 'ApiTokenRevoked', data: { tokenId, reason: '系统下线' } }])
      .when({ type: 'RevokeApiToken', reason: 'again' }, admin)
      .thenFails('INVALID_STATE', { currentState: 'REVOKED' });
  });
});
