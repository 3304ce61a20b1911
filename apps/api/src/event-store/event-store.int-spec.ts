import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ScopedTransactions } from '../database/scoped-transactions';
import { verifyTenantChain } from '../audit/chain-verification';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { probeMetadata, probeRegistry, registerTenants } from '../../test/probe-events';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { EventStore } from './event-store';
import { ConcurrencyConflictError, TenantOutOfScopeError } from './event-store.errors';
import type { RecordedEvent } from '@zeren/events';

const store = new EventStore(probeRegistry);
let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;
const tenantA = randomUUID();
const tenantB = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, transactions } = await appTransactions(database, 60));
  await withOwner(database, (owner) => registerTenants(owner, [tenantA, tenantB]));
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

function appendProbe(tenantId: string, streamId: string, expectedVersion: number, note = 'probe') {
  return transactions.run({ tenantIds: [tenantId] }, (sql) =>
    store.append(sql, {
      tenantId,
      streamId,
      expectedVersion,
      events: [{ type: 'ProbeRecorded', data: { note } }],
      metadata: { ...probeMetadata, actingForTenantId: tenantId },
    }),
  );
}

function streamVersions(tenantId: string, streamId: string): Promise<number[]> {
  return transactions.run({ tenantIds: [tenantId] }, async (sql) =>
    (await store.readStream(sql, tenantId, streamId)).map((event) => event.version),
  );
}

describe('appending with optimistic concurrency', () => {
  it('refuses a stale expected version with a typed conflict and writes nothing', async () => {
    const streamId = randomUUID();
    await appendProbe(tenantA, streamId, 0);
    await appendProbe(tenantA, streamId, 1);

    const stale = appendProbe(tenantA, streamId, 1, 'stale');
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect(await streamVersions(tenantA, streamId)).toEqual([1, 2]);
  });

  it('lets exactly one of 50 concurrent appends at the same version win', async () => {
    const streamId = randomUUID();
    await appendProbe(tenantA, streamId, 0);
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => appendProbe(tenantA, streamId, 1, `racer ${i}`)));

    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(ConcurrencyConflictError);
    expect(await streamVersions(tenantA, streamId)).toEqual([1, 2]);
  });

  it('refuses an append to a tenant outside the transaction scope', async () => {
    const attempt = transactions.run({ tenantIds: [tenantA] }, (sql) =>
      store.append(sql, {
        tenantId: tenantB,
        streamId: randomUUID(),
        expectedVersion: 0,
        events: [{ type: 'ProbeRecorded', data: { note: 'intrusion' } }],
        metadata: probeMetadata,
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(TenantOutOfScopeError);
  });

  it('rejects a payload that does not match its published schema before touching the database', async () => {
    const attempt = transactions.run({ tenantIds: [tenantA] }, (sql) =>
      store.append(sql, { tenantId: tenantA, streamId: randomUUID(), expectedVersion: 0, events: [{ type: 'ProbeRecorded', data: { note: 42 } }], metadata: probeMetadata }),
    );
    await expect(attempt).rejects.toThrow(/Invalid ProbeRecorded payload: note/);
  });
});

describe('reading streams', () => {
  it('reads a stream as of an instant, leaving out what was recorded later', async () => {
    const streamId = randomUUID();
    const first = new Date('2026-01-10T02:00:00.000Z');
    const second = new Date('2026-02-10T02:00:00.000Z');
    for (const [version, recordedAt] of [first, second].entries()) {
      await transactions.run({ tenantIds: [tenantA] }, (sql) =>
        store.append(sql, { tenantId: tenantA, streamId, expectedVersion: version, recordedAt, events: [{ type: 'ProbeRecorded', data: { note: `v${version + 1}` } }], metadata: probeMetadata }),
      );
    }
    const asOf = await transactions.run({ tenantIds: [tenantA] }, (sql) => store.readStream(sql, tenantA, streamId, { asOf: new Date('2026-01-31T00:00:00Z') }));
    expect(asOf.map((event) => (event.data as { note: string }).note)).toEqual(['v1']);
  });

  it('shows nothing to a transaction without a tenant scope', async () => {
    const streamId = randomUUID();
    await appendProbe(tenantA, streamId, 0);
    const unscoped = await transactions.run({ tenantIds: [] }, (sql) => sql.query('SELECT count(*)::int AS n FROM events'));
    expect(unscoped).toEqual([{ n: 0 }]);
    const otherTenant = await transactions.run({ tenantIds: [tenantB] }, (sql) => store.readStream(sql, tenantA, streamId));
    expect(otherTenant).toEqual([]);
  });
});

describe('the hash chain', () => {
  it('recomputes to exactly what is stored, and locates a one-byte change at its position', async () => {
    const tenant = randomUUID();
    await withOwner(database, (owner) => registerTenants(owner, [tenant]));
    for (let i = 0; i < 5; i++) await appendProbe(tenant, randomUUID(), 0, `事件 ${i}`);

    const intact = await transactions.run({ tenantIds: [tenant] }, (sql) => verifyTenantChain(sql, tenant));
    expect(intact).toMatchObject({ ok: true, verifiedEvents: 5, failure: null });
    expect(intact.head.tenantPosition).toBe(5n);

    await withOwner(database, async (owner) => {
      await owner.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_delete');
      await owner.query(`UPDATE events SET data = jsonb_set(data, '{note}', '"事件 X"') WHERE tenant_id = $1 AND tenant_position = 3`, [tenant]);
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_delete');
    });
    const tampered = await transactions.run({ tenantIds: [tenant] }, (sql) => verifyTenantChain(sql, tenant));
    expect(tampered.ok).toBe(false);
    expect(tampered.failure).toMatchObject({ tenantPosition: 3n, fault: 'CHANGED_EVENT' });
    expect(tampered.verifiedEvents).toBe(2);
  });
});

describe('append-only enforcement', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to the app role (by grants)', async () => {
    const streamId = randomUUID();
    await appendProbe(tenantA, streamId, 0);
    for (const statement of ['UPDATE events SET type = type', 'DELETE FROM events', 'TRUNCATE events']) {
      await expect(transactions.run({ tenantIds: [tenantA] }, (sql) => sql.query(statement))).rejects.toThrow(/permission denied/);
    }
    await expect(transactions.run({ tenantIds: [tenantA] }, (sql) => sql.query(`INSERT INTO events (tenant_id) VALUES ($1)`, [tenantA]))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the owner (by trigger)', async () => {
    await appendProbe(tenantA, randomUUID(), 0);
    await withOwner(database, async (owner) => {
      for (const statement of ['UPDATE events SET type = type', 'DELETE FROM events', 'TRUNCATE events']) {
        await expect(owner.query(statement)).rejects.toMatchObject({ code: 'ZR001' });
      }
      const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      expect(rows[0]!.n).toBeGreaterThan(0);
    });
  });
});

describe('checkpointed consumers', () => {
  it('does not pass over an event whose transaction commits after a later one', async () => {
    const seen: string[] = [];
    const consumer = new CheckpointedConsumer(transactions, store, {
      name: `probe-consumer-${randomUUID()}`,
      handle: async (events: readonly RecordedEvent[]) => {
        for (const event of events) seen.push((event.data as { note: string }).note);
      },
    });
    await consumer.pollUntilCaughtUp();
    seen.length = 0;

    // The slow transaction appends first (taking the earlier position) and stays open…
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${tenantB}}`]);
    await store.append({ query: (text, params) => runner.query(text, params) }, {
      tenantId: tenantB,
      streamId: randomUUID(),
      expectedVersion: 0,
      events: [{ type: 'ProbeRecorded', data: { note: 'slow' } }],
      metadata: probeMetadata,
    });
    // …while a later append to another tenant commits.
    await appendProbe(tenantA, randomUUID(), 0, 'fast');

    await consumer.pollUntilCaughtUp();
    expect(seen).not.toContain('slow');

    await runner.commitTransaction();
    await runner.release();
    await consumer.pollUntilCaughtUp();
    expect(seen).toContain('slow');
    expect(seen).toContain('fast');
    expect(seen.filter((note) => note === 'slow')).toHaveLength(1);
  });
});
