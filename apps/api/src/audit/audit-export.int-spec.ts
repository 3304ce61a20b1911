import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the test checks the server's exports with the offline verifier an archive would use
import { main as verifyAudit } from '../../../../tools/verify-audit/verify-audit';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let world: DistrictWorld;
let folder: string;

const SIGN = 'mutation($tenantId: ID!) { signChainHead(tenantId: $tenantId) { tenantId tenantPosition hash keyId signedAt } }';

async function download(token: string, path: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

async function verify(...argv: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await verifyAudit(argv, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { code, text: lines.join('\n') };
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA] });
  await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, title: '学习制度落实不到位', deadlineInDays: 30 });
  folder = await mkdtemp(join(tmpdir(), 'zeren-audit-export-'));
});
afterAll(async () => {
  await app.close();
  await rm(folder, { recursive: true, force: true });
});

describe('signed checkpoints on demand', () => {
  it('signs the district’s current head for a city inspector and lists it', async () => {
    const { signChainHead } = await expectData<{ signChainHead: { tenantPosition: string; hash: string; keyId: string } }>(app.graphql, SIGN, { tenantId: world.tenantId }, world.cityInspector.token);
    const status = await expectData<{ chainStatus: { ok: boolean; headPosition: string; headHash: string; keysPinned: boolean; lastConfirmedPosition: string } }>(
      app.graphql,
      'query($tenantId: ID!) { chainStatus(tenantId: $tenantId) { ok headPosition headHash keysPinned lastConfirmedPosition } }',
      { tenantId: world.tenantId },
      world.auditor.token,
    );
    expect(status.chainStatus).toEqual({ ok: true, headPosition: signChainHead.tenantPosition, headHash: signChainHead.hash, keysPinned: true, lastConfirmedPosition: signChainHead.tenantPosition });
    const listed = await expectData<{ chainCheckpoints: Array<{ tenantPosition: string; keyId: string }> }>(
      app.graphql,
      'query($tenantId: ID!) { chainCheckpoints(tenantId: $tenantId, last: 1) { tenantPosition keyId } }',
      { tenantId: world.tenantId },
      world.auditor.token,
    );
    expect(listed.chainCheckpoints).toEqual([{ tenantPosition: signChainHead.tenantPosition, keyId: signChainHead.keyId }]);
  });

  it('hides the district’s chain from a unit officer and from another city', async () => {
    const officer = await app.graphql(SIGN, { tenantId: world.tenantId }, world.officerA.token);
    expect(officer.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const stranger = await app.graphql(SIGN, { tenantId: world.tenantId }, world.otherCityAdmin.token);
    expect(stranger.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('exports an archive verifies offline', () => {
  it('downloads a bundle and the checkpoints that verify-audit accepts with the server’s key pinned, and rejects once a byte changes', async () => {
    const { signChainHead } = await expectData<{ signChainHead: { keyId: string } }>(app.graphql, SIGN, { tenantId: world.tenantId }, world.cityInspector.token);
    const bundle = await download(world.auditor.token, `/api/audit/bundle?tenantId=${world.tenantId}&evidenceFiles=true`);
    const checkpoints = await download(world.auditor.token, `/api/audit/checkpoints.json?tenantId=${world.tenantId}`);
    expect([bundle.status, checkpoints.status]).toEqual([200, 200]);
    const bundleFile = join(folder, 'district.zeren-audit.gz');
    const checkpointFile = join(folder, 'checkpoints.json');
    await writeFile(bundleFile, bundle.body);
    await writeFile(checkpointFile, checkpoints.body);

    const verified = await verify('--bundle', bundleFile, '--trusted-key', signChainHead.keyId, '--checkpoints', checkpointFile);
    expect(verified.code).toBe(0);

    const damaged = Buffer.from(await readFile(bundleFile));
    damaged[Math.floor(damaged.length / 2)]! ^= 0x01;
    await writeFile(bundleFile, damaged);
    expect((await verify('--bundle', bundleFile, '--trusted-key', signChainHead.keyId)).code).not.toBe(0);
  });

  it('refuses a bundle to the district’s own admin (auditors and inspectors export) and a malformed range with its field', async () => {
    expect((await download(world.districtAdmin.token, `/api/audit/bundle?tenantId=${world.tenantId}`)).status).toBe(403);
    const malformed = await download(world.auditor.token, `/api/audit/bundle?tenantId=${world.tenantId}&from=yesterday`);
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body.toString()) as unknown).toMatchObject({ code: 'BAD_USER_INPUT', fields: { from: expect.any(String) } });
    expect((await download(world.otherCityAdmin.token, `/api/audit/checkpoints.json?tenantId=${world.tenantId}`)).status).toBe(404);
  });
});
