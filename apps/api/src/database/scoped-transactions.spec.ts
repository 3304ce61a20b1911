import type { DataSource } from 'typeorm';
import { InvalidTenantScopeError, ScopedTransactions } from './scoped-transactions';

describe('the tenant scope of a transaction', () => {
  // The scope is written into SQL text; anything but uuids is refused before a connection is taken.
  const noDatabase = { createQueryRunner: () => { throw new Error('no connection may be taken'); } } as unknown as DataSource;
  const transactions = new ScopedTransactions(noDatabase);

  it.each([["00000000-0000-0000-0000-000000000001', true); DROP TABLE events; --"], ['not-a-uuid'], ['']])('refuses %j as a tenant id', async (tenantId) => {
    await expect(transactions.run({ tenantIds: [tenantId] }, async () => 'ran')).rejects.toBeInstanceOf(InvalidTenantScopeError);
    await expect(transactions.read({ tenantIds: [tenantId] }, async () => 'ran')).rejects.toBeInstanceOf(InvalidTenantScopeError);
  });
});
