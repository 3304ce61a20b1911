import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RecordedEvent } from '@zeren/events';
import type { ScopedTransactions } from '../database/scoped-transactions';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { probeMetadata, probeRegistry, registerTenants } from '../../test/probe-events';
import { CheckpointedConsumer } from './checkpointed-consumer';
import { EventStore } from './event-store';
import { ConsumerLoop, EventWakeUp } from './event-wake-up';

const store = new EventStore(probeRegistry);
let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;
const tenant = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, transactions } = await appTransactions(database));
  await withOwner(database, (owner) => registerTenants(owner, [tenant]));
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const append = (note: string) =>
  transactions.run({ tenantIds: [tenant] }, (sql) =>
    store.append(sql, { tenantId: tenant, streamId: randomUUID(), expectedVersion: 0, events: [{ type: 'ProbeRecorded', data: { note } }], metadata: probeMetadata }),
  );

function consumerInto(seen: string[]): CheckpointedConsumer {
  return new CheckpointedConsumer(transactions, store, {
    name: `wake-up-${randomUUID()}`,
    handle: async (events: readonly RecordedEvent[]) => {
      for (const event of events) seen.push((event.data as { note: string }).note);
    },
  });
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('event wake-ups', () => {
  it('elects one leader among instances, and wakes consumers on every instance after a commit', async () => {
    const first = new EventWakeUp(database.appUrl, 50, () => undefined);
    const second = new EventWakeUp(database.appUrl, 50, () => undefined);
    await first.start();
    await second.start();
    try {
      expect([first.isLeader, second.isLeader].filter(Boolean)).toHaveLength(1);
      const seenA: string[] = [];
      const seenB: string[] = [];
      const loopA = new ConsumerLoop(() => consumerInto(seenA).pollUntilCaughtUp(), () => undefined);
      const consumerB = consumerInto(seenB);
      const loopB = new ConsumerLoop(() => consumerB.pollUntilCaughtUp(), () => undefined);
      first.onWake(loopA.wake);
      second.onWake(loopB.wake);
      await append('被唤醒');
      await eventually(() => seenB.includes('被唤醒'));
      loopA.stop();
      loopB.stop();
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('lets a consumer catch up by polling alone, with no wake-up at all', async () => {
    const seen: string[] = [];
    const consumer = consumerInto(seen);
    await append('无需通知');
    // A transaction still open elsewhere (another test's poll) may hold the horizon back for a moment.
    for (let attempt = 0; attempt < 100 && !seen.includes('无需通知'); attempt++) {
      await consumer.pollUntilCaughtUp();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen.filter((note) => note === '无需通知')).toHaveLength(1);
  });

  it('never sends NOTIFY from an append transaction', async () => {
    const [before] = await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pg_listening_channels()`);
    expect(before!.n).toBe(0);
    const source = (await withOwner(database, (owner) => owner.query<{ src: string }>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'zeren_append'`))).rows[0]!.src;
    expect(source).not.toMatch(/notify/i);
  });
});
