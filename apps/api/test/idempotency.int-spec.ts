import { startTestApp, type TestApp } from './test-app';
import { withOwner } from './test-database';
import type { DistrictWorld } from './fixtures/district';
import { CHECK_IN, plannedFindings, type PlannedFinding } from './reliability/rectification-world';

let app: TestApp;
let world: DistrictWorld;
let findings: PlannedFinding[];

beforeAll(async () => {
  app = await startTestApp();
  ({ world, findings } = await plannedFindings(app.graphql, app.signIn, 2));
});
afterAll(() => app.close());

const eventsWithKey = (key: string): Promise<number> =>
  withOwner(app.database, async (owner) => (await owner.query<{ count: number }>(`SELECT count(*)::int AS count FROM events WHERE metadata->>'idempotencyKey' = $1`, [key])).rows[0]!.count);

describe('a command retried with the same idempotency key', () => {
  it('appends one set of events and answers identically, replayed 10 times in sequence', async () => {
    const [finding] = findings;
    const input = { id: finding!.id, expectedVersion: finding!.version, percent: 30, narrative: '已开展3次集体学习', idempotencyKey: 'retry-sequential-1' };
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(JSON.stringify(await app.graphql(CHECK_IN, { input }, world.officerA.token)));
    expect(JSON.parse(answers[0]!)).toMatchObject({ data: { checkInProgress: { version: finding!.version + 1, checkInCount: 1 } } });
    expect(new Set(answers).size).toBe(1);
    expect(await eventsWithKey('retry-sequential-1')).toBe(1);
  });

  it('appends one set of events and answers identically, replayed 10 times at once', async () => {
    const [, finding] = findings;
    const input = { id: finding!.id, expectedVersion: finding!.version, percent: 40, narrative: '已开展4次集体学习', idempotencyKey: 'retry-concurrent-1' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.graphql(CHECK_IN, { input }, world.officerA.token)));
    expect(answers[0]).toMatchObject({ data: { checkInProgress: { version: finding!.version + 1 } } });
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await eventsWithKey('retry-concurrent-1')).toBe(1);
  });

  it('refuses the same key with a different payload, appending nothing', async () => {
    const [finding] = findings;
    const reused = await app.graphql(CHECK_IN, { input: { id: finding!.id, expectedVersion: finding!.version, percent: 90, narrative: '另一份进展', idempotencyKey: 'retry-sequential-1' } }, world.officerA.token);
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventsWithKey('retry-sequential-1')).toBe(1);
  });
});
