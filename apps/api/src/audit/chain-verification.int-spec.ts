import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent, EventRegistry, readStoredChain, type ChainLink, type PendingEvent } from '@zeren/events';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the offline verifier must reach the same verdict as the API on the same stored rows
import { main as verifyAudit } from '../../../../tools/verify-audit/verify-audit';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { probeMetadata, registerTenants } from '../../test/probe-events';
import { clientSql } from '../database/client-sql';
import type { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { verifyTenantChain, type ChainVerificationResult } from './chain-verification';

/** Any JSON at all, so the stored payloads can hold what the business events never do. */
const ValueProbedV1 = defineEvent({ type: 'ValueProbed', version: 1, streamType: 'Probe', schema: z.object({ value: z.json() }) });

const store = new EventStore(new EventRegistry([ValueProbedV1]));
let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, transactions } = await appTransactions(database));
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const awkwardValues: unknown[] = [
  'quote " backslash \\ slash / newline \n tab \t bell \u0007 unit separator \u001f delete \u007f',
  '整改完成 é ß 😀 \u2028 \u2029 \ufeff',
  [0, -1, 0.1, 0.30000000000000004, 1e-7, 2.5e-5, -1.5e-300, 5e-324, 4503599627370495.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  { b: [true, false, null, {}, []], a: { '10': 'ten', '9': 'nine', B: 'upper', é: 'accent', '😀': 'astral', '': 'empty' } },
];

/** A tenant whose chain holds the awkward values, with effective times unset and set, recorded at whole milliseconds. */
async function awkwardChain(): Promise<string> {
  const tenantId = randomUUID();
  await withOwner(database, (owner) => registerTenants(owner, [tenantId]));
  const events: PendingEvent[] = awkwardValues.map((value, index) => ({
    type: 'ValueProbed',
    data: { value },
    ...(index % 2 === 1 ? { effectiveAt: new Date(Date.UTC(2026, 1, 28, 23, 59, 59, 999)) } : {}),
  }));
  await transactions.run({ tenantIds: [tenantId] }, (sql) =>
    store.append(sql, {
      tenantId,
      streamId: randomUUID(),
      expectedVersion: 0,
      events,
      metadata: { ...probeMetadata, actingForTenantId: tenantId },
      recordedAt: new Date(Date.UTC(2026, 2, 1, 8, 0, 0, 123)),
    }),
  );
  return tenantId;
}

function tamper(statement: string, tenantId: string, position: number): Promise<void> {
  return withOwner(database, async (owner) => {
    await owner.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_delete');
    try {
      await owner.query(`${statement} WHERE tenant_id = $1 AND tenant_position = $2`, [tenantId, position]);
    } finally {
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_delete');
    }
  });
}

function verify(tenantId: string): Promise<ChainVerificationResult> {
  return transactions.run({ tenantIds: [tenantId] }, (sql) => verifyTenantChain(sql, tenantId));
}

/** The verify-audit tool on the same database: its exit code and verdict line. */
async function verifyOffline(tenantId: string): Promise<{ code: number; result: string }> {
  const lines: string[] = [];
  const code = await verifyAudit(['--database', database.ownerUrl, '--tenant', tenantId], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, result: lines.find((line) => line.startsWith('RESULT')) ?? lines.join('\n') };
}

describe('verifying a chain as stored in PostgreSQL', () => {
  it('reads every payload back as appended, escapes, astral characters, numbers and effective times included', async () => {
    const tenantId = await awkwardChain();
    const links = await withOwner(database, async (owner) => {
      const read: ChainLink[] = [];
      for await (const link of readStoredChain(clientSql(owner), tenantId)) read.push(link);
      return read;
    });
    expect(links.map((link) => link.content.data)).toEqual(awkwardValues.map((value) => ({ value })));
    expect(links.map((link) => link.content.recordedAt)).toEqual(awkwardValues.map(() => '2026-03-01T08:00:00.123Z'));
    expect(links.map((link) => link.content.effectiveAt)).toEqual([null, '2026-02-28T23:59:59.999Z', null, '2026-02-28T23:59:59.999Z']);

    expect(await verify(tenantId)).toMatchObject({ ok: true, verifiedEvents: awkwardValues.length, failure: null });
    expect(await verifyOffline(tenantId)).toEqual({ code: 0, result: expect.stringMatching(/^RESULT +OK/) });
  });

  const tampers: Array<[what: string, statement: string, position: number]> = [
    ['one escaped character of a string', `UPDATE events SET data = jsonb_set(data, '{value}', to_jsonb(replace(data->>'value', E'\\n', E'\\r')))`, 1],
    ['one astral character of a string', `UPDATE events SET data = jsonb_set(data, '{value}', to_jsonb(replace(data->>'value', '😀', '😁')))`, 2],
    ['a number rewritten beyond what a double holds', `UPDATE events SET data = jsonb_set(data, '{value,9}', '9007199254740993')`, 3],
    ['recorded_at moved by one microsecond', `UPDATE events SET recorded_at = recorded_at + interval '1 microsecond'`, 2],
    ['effective_at set where there was none', `UPDATE events SET effective_at = recorded_at`, 3],
    ['effective_at removed', `UPDATE events SET effective_at = NULL`, 4],
  ];

  it.each(tampers)('CHANGED_EVENT, from the API and the offline verifier alike: %s', async (_what, statement, position) => {
    const tenantId = await awkwardChain();
    await tamper(statement, tenantId, position);
    const result = await verify(tenantId);
    expect(result).toMatchObject({ ok: false, verifiedEvents: position - 1, failure: { tenantPosition: BigInt(position), fault: 'CHANGED_EVENT' } });
    expect(await verifyOffline(tenantId)).toEqual({ code: 1, result: `RESULT        TAMPERED at position ${position}: CHANGED_EVENT` });
  });
});
