import { withOwner } from '../test-database';
import { startTestApp, type TestApp } from '../test-app';
import type { DistrictWorld } from '../fixtures/district';
import { uploadEvidence } from '../fixtures/rectification';
import { CHECK_IN, plannedFindings, type PlannedFinding } from './rectification-world';

const ROUNDS = Number(process.env["RELIABILITY_ROUNDS"] ?? 200);
const CONCURRENT = 50;

let app: TestApp;
let world: DistrictWorld;
let finding: PlannedFinding;

beforeAll(async () => {
  app = await startTestApp({ ZEREN_DB_POOL_SIZE: '20' });
  ({ world, findings: [finding!] } = await plannedFindings(app.graphql, app.signIn, 1));
});
afterAll(() => app.close());

const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }): string => result.errors?.[0]?.extensions?.code ?? 'OK';

describe(`${ROUNDS} rounds of ${CONCURRENT} concurrent commands at the same expected version on one finding`, () => {
  it('lets exactly one through per round, answers the rest CONFLICT, and leaves no gap in the versions', async () => {
    let version = finding.version;
    const tally = { ok: 0, conflict: 0, other: [] as string[] };
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          app.graphql<{ checkInProgress: { version: number } }>(CHECK_IN, { input: { id: finding.id, expectedVersion: version, percent: 50, narrative: `第${round}轮第${i}次` } }, world.officerA.token),
        ),
      );
      const codes = results.map(codeOf);
      const winners = results.filter((result) => codeOf(result) === 'OK');
      tally.ok += winners.length;
      tally.conflict += codes.filter((code) => code === 'CONFLICT').length;
      tally.other.push(...codes.filter((code) => code !== 'OK' && code !== 'CONFLICT'));
      expect(winners).toHaveLength(1);
      expect(winners[0]!.data!.checkInProgress.version).toBe(version + 1);
      version += 1;
    }
    expect(tally).toEqual({ ok: ROUNDS, conflict: ROUNDS * (CONCURRENT - 1), other: [] });
    process.stdout.write(`conflicting commands: ${tally.ok} accepted, ${tally.conflict} CONFLICT\n`);

    const versions = await withOwner(app.database, async (owner) =>
      (await owner.query<{ version: number }>('SELECT version FROM events WHERE stream_id = $1 ORDER BY version', [finding.id])).rows.map((row) => row.version),
    );
    expect(versions).toEqual(Array.from({ length: version }, (_, i) => i + 1));
  });

  it('closes a finding once when 50 sign-offs race', async () => {
    const change = async (mutation: string, input: string, token: string, extra: Record<string, unknown> = {}): Promise<number> => {
      const result = await app.graphql<Record<string, { version: number }>>(`mutation($input: ${input}!) { ${mutation}(input: $input) { version } }`, { input: { id: finding.id, expectedVersion: current, ...extra } }, token);
      if (!result.data) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
      return result.data[mutation]!.version;
    };
    let current = (await app.graphql<{ finding: { version: number } }>('query($id: ID!) { finding(id: $id) { version } }', { id: finding.id }, world.districtAdmin.token)).data!.finding.version;
    const evidence = await uploadEvidence(app.url, world.officerA.token, '集体学习记录：已补足12次', '学习记录.txt');
    current = await change('checkInProgress', 'CheckInProgressInput', world.officerA.token, { percent: 100, narrative: '已全部完成', evidence: [evidence.body.sha256] });
    current = await change('submitForSignOff', 'SubmitForSignOffInput', world.officerA.token);
    current = await change('passDistrictReview', 'FindingCommentInput', world.districtAdmin.token, { comment: '同意' });
    const signOffs = await Promise.all(
      Array.from({ length: CONCURRENT }, () =>
        app.graphql('mutation($input: FindingCommentInput!) { signOffFinding(input: $input) { status } }', { input: { id: finding.id, expectedVersion: current, comment: '同意销号' } }, world.cityInspector.token),
      ),
    );
    const codes = signOffs.map(codeOf);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(CONCURRENT - 1);
    const closures = await withOwner(app.database, async (owner) =>
      (await owner.query<{ count: number }>(`SELECT count(*)::int AS count FROM events WHERE stream_id = $1 AND type = 'FindingVerified'`, [finding.id])).rows[0]!.count,
    );
    expect(closures).toBe(1);
  });
});
