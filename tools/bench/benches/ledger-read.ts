import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Pool } from 'pg';
import { autocannon, type HttpLoadResult } from '../autocannon';
import type { BenchDataSet } from '../datagen/bench-data-set';
import { graphql, signedInPerson } from '../graphql-session';
import { recordStatements, statementsIn, type RecordedStatement } from '../statement-recorder';
import { ceilingRow, contextRow, format, ratioRow, type BenchResult } from '../report';
import type { BenchContext } from './bench-context';

export const CONNECTIONS = 32;

export const LEDGER_PAGE = `query Ledger {
  findings(first: 50) {
    totalCount
    edges { node { id title status deadline recordedAt evidenceCount unit { id name } latestCheckIn { id percent checkedInAt } } }
  }
}`;

/** The page's own reads; background work of the same process (pollers, queues) runs meanwhile and is left out. */
const PAGE_TABLES = /\bFROM (findings|units|finding_check_ins)\b|\bJOIN (findings|units|finding_check_ins)\b/i;

/** The SQL the real API runs for one ledger page, recorded from the pg driver while it answers. */
async function captureLedgerSql(url: string, token: string): Promise<RecordedStatement[]> {
  const messages = await recordStatements(() => graphql(url, LEDGER_PAGE, {}, token));
  // A statement that travelled with others has its parameters written in; one alone keeps them.
  const recorded = messages.flatMap((message) => statementsIn(message).map((text) => ({ ...message, text })));
  return recorded.filter((statement) => PAGE_TABLES.test(statement.text) && !/^\s*(INSERT|UPDATE|DELETE)/i.test(statement.text));
}

/**
 * The baseline: Apollo Server on Express, no authentication, no authorisation, no row-level
 * security (it connects as the owner), running the recorded statements for the page and shaping
 * their rows into the same answer.
 */
async function startBareServer(ownerUrl: string, statements: readonly RecordedStatement[]): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: ownerUrl, max: 20 });
  if (statements.length === 0) throw new Error('the ledger page ran no SQL the bench could record');
  type Row = Record<string, unknown>;
  const apollo = new ApolloServer({
    typeDefs: `
      type Unit { id: ID! name: String! }
      type CheckIn { id: ID! percent: Int! checkedInAt: String! }
      type Finding { id: ID! title: String! status: String! deadline: String! recordedAt: String! evidenceCount: Int! unit: Unit latestCheckIn: CheckIn }
      type FindingEdge { node: Finding! }
      type FindingConnection { totalCount: Int! edges: [FindingEdge!]! }
      type Query { findings(first: Int): FindingConnection! }`,
    resolvers: {
      Query: {
        findings: async () => {
          // Their parameters are fixed, so the statements run side by side: the fastest this SQL can answer.
          const results = (await Promise.all(statements.map((statement) => pool.query(statement.text, statement.values)))).map((result) => result.rows as Row[]);
          const all = results.flat();
          const rows = all.filter((row) => 'title' in row && 'recorded_at' in row);
          const units = new Map(all.filter((row) => 'name' in row && 'kind' in row).map((row) => [row['id'], row]));
          const checkIns = new Map(all.filter((row) => 'percent' in row).map((row) => [row['finding_id'], row]));
          const total = all.find((row) => 'total' in row);
          return {
            totalCount: Number(total?.['total'] ?? rows.length),
            edges: rows.map((row) => ({
              node: {
                id: row['id'],
                title: row['title'],
                status: row['status'],
                deadline: String(row['deadline']),
                recordedAt: (row['recorded_at'] as Date).toISOString(),
                evidenceCount: Number(row['evidence_count'] ?? 0),
                unit: units.get(row['unit_id']) ?? null,
                latestCheckIn: ((checkIn) => (checkIn ? { id: `${checkIn['finding_id']}:${checkIn['version']}`, percent: checkIn['percent'], checkedInAt: (checkIn['checked_in_at'] as Date).toISOString() } : null))(
                  checkIns.get(row['id']),
                ),
              },
            })),
          };
        },
      },
    },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
      await pool.end();
    },
  };
}

/** The real API's figures; with the bare server's when asked for. */
export async function measureLedger(dataSet: BenchDataSet, username: string, seconds: number, log: (message: string) => void): Promise<{ product: HttpLoadResult; statements: RecordedStatement[] }> {
  // The district with the most findings, read by its own district administrator.
  const tenantId = dataSet.districts[0]!.tenantId;
  const token = await signedInPerson(dataSet.server.url, { username, role: 'district_admin', tenantId });
  const statements = await captureLedgerSql(dataSet.server.url, token);
  log(`  the API ran ${statements.length} statements for the page: ${statements.map((statement) => statement.text.replace(/\s+/g, ' ').slice(0, 60)).join(' | ')}`);
  const body = JSON.stringify({ query: LEDGER_PAGE });
  log(`  real API: ${CONNECTIONS} connections, ${seconds} s`);
  const product = await autocannon({ url: `${dataSet.server.url}/graphql`, body, headers: { authorization: `Bearer ${token}` }, connections: CONNECTIONS, seconds });
  return { product, statements };
}

async function measureBareServer(dataSet: BenchDataSet, statements: readonly RecordedStatement[], seconds: number, log: (message: string) => void): Promise<HttpLoadResult> {
  const bare = await startBareServer(dataSet.ownerUrl, statements);
  try {
    await graphql(bare.url, LEDGER_PAGE);
    log(`  bare Apollo Server: ${CONNECTIONS} connections, ${seconds} s`);
    return await autocannon({ url: `${bare.url}/graphql`, body: JSON.stringify({ query: LEDGER_PAGE }), headers: {}, connections: CONNECTIONS, seconds });
  } finally {
    await bare.close();
  }
}

export async function ledgerReadBench(context: BenchContext): Promise<BenchResult> {
  const dataSet = await context.dataSet('base');
  context.log('bench 2: GraphQL ledger page of 50 findings');
  const { product, statements } = await measureLedger(dataSet, 'bench.ledger', context.seconds, context.log);
  const bare = await measureBareServer(dataSet, statements, context.seconds, context.log);
  return {
    id: 'ledger',
    title: '2. GraphQL ledger read',
    rows: [
      ratioRow('pages per second vs bare Apollo Server', product.requestsPerSecond, 'bare Apollo', bare.requestsPerSecond, 0.5, 'req/s'),
      ceilingRow('p99 latency', product.p99, 50, format.ms, `bare Apollo ${format.ms(bare.p99)}`),
      contextRow('p50 latency', format.ms(product.p50), `bare Apollo ${format.ms(bare.p50)}`),
      contextRow('requests (failed)', `${product.requests} (${product.non2xx + product.errors})`, `${bare.requests} (${bare.non2xx + bare.errors})`),
    ],
    notes: [
      `autocannon (its own process) at ${CONNECTIONS} connections over loopback for ${context.seconds} s against the real API (JWT, CASL, row-level security, DataLoader), signed in as a district administrator reading the district with the most findings: ${LEDGER_PAGE.replace(/\s+/g, ' ')}`,
      `The baseline runs the same ${statements.length} SQL statements the API ran for that page (recorded from the pg driver) on Apollo Server 5 with Express, connected as the owner, with no authentication or authorisation.`,
    ],
  };
}
