import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, type ServerProcess } from '@zeren/testing';
import { EvidenceStore } from '../../src/evidence/evidence-store';
import { deleteEvidenceOrphans, findEvidenceOrphans, referencedEvidence } from '../../src/maintenance/evidence-orphans';
import type { DistrictWorld } from '../fixtures/district';
import { uploadEvidence } from '../fixtures/rectification';
import { startApiProcess } from './api-process';
import { createPgCluster, type PgCluster } from './pg-cluster';
import { CHECK_IN, httpGraphQL, plannedFindings, signInWith, type PlannedFinding } from './rectification-world';

const CLIENTS = 40;
const KILLS = 5;

const folder = mkdtempSync(join(tmpdir(), 'zeren-evidence-crash-'));
const evidenceDir = join(folder, 'evidence');
let cluster: PgCluster;
let api: ServerProcess;
let port: number;
let world: DistrictWorld;
let findings: PlannedFinding[];
/** Check-ins acknowledged in the current run. */
let checkedIn = 0;
const start = (): Promise<ServerProcess> => startApiProcess(cluster, join(folder, 'app'), port, { ZEREN_EVIDENCE_DIR: evidenceDir });

beforeAll(async () => {
  cluster = createPgCluster(join(folder, 'cluster'), await freePort());
  cluster.start();
  port = await freePort();
  api = await start();
  const call = httpGraphQL(api.url);
  ({ world, findings } = await plannedFindings(call, signInWith(call), CLIENTS));
});
afterAll(async () => {
  await api?.stop();
  cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Upload, then a check-in citing the upload: the API may die anywhere in between. */
async function uploadThenCheckIn(finding: PlannedFinding, run: number): Promise<void> {
  const url = `http://127.0.0.1:${port}`;
  // Every fourth file is large, so a kill often lands while it streams in.
  const content = `整改佐证 run ${run} finding ${finding.id}\n`.repeat(run % 4 === 0 ? 200_000 : 10);
  const uploaded = await uploadEvidence(url, world.officerA.token, content, `佐证-${run}.txt`).catch(() => undefined);
  if (uploaded?.status !== 201) return;
  const input = { id: finding.id, expectedVersion: finding.version, percent: 10 + run, narrative: `第${run}次进展`, evidence: [uploaded.body.sha256] };
  const result = await httpGraphQL(url)<{ checkInProgress: { version: number } }>(CHECK_IN, { input }, world.officerA.token).catch(() => undefined);
  if (result?.data) {
    finding.version = result.data.checkInProgress.version;
    checkedIn++;
  }
}

describe('evidence when the API is killed between storing a file and appending its event', () => {
  it('never lets an event cite a missing or partial file, and the cleanup command finds and removes exactly the orphans', async () => {
    for (let run = 0; run < KILLS; run++) {
      checkedIn = 0;
      let settled = false;
      const clients = Promise.all(findings.map((finding) => uploadThenCheckIn(finding, run))).finally(() => (settled = true));
      // Kill once some check-ins landed, at a random moment while the others are mid-way.
      while (checkedIn < CLIENTS / 4 && !settled) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
      await api.stop('SIGKILL');
      await clients;
      api = await start();
      // Clients re-read their findings' versions after the restart.
      const call = httpGraphQL(api.url);
      for (const finding of findings) finding.version = (await call<{ finding: { version: number } }>('query($id: ID!) { finding(id: $id) { version } }', { id: finding.id }, world.officerA.token)).data!.finding.version;
    }
    await api.stop();

    const store = new EvidenceStore(evidenceDir);
    const owner = new Client({ connectionString: cluster.url('zeren') });
    await owner.connect();
    try {
      const cited = await referencedEvidence(owner);
      expect(cited.size).toBeGreaterThan(0);
      for (const sha256 of cited) expect([sha256, await store.verify(sha256)]).toEqual([sha256, 'INTACT']);

      const orphans = await findEvidenceOrphans(owner, store, 0);
      const storedOrphans = orphans.filter((orphan) => !orphan.name.startsWith('.incoming'));
      expect(storedOrphans.every((orphan) => !cited.has(orphan.name))).toBe(true);
      process.stdout.write(`evidence crash runs: ${KILLS} kills, ${cited.size} cited files intact, ${storedOrphans.length} orphan files, ${orphans.length - storedOrphans.length} interrupted uploads\n`);

      await deleteEvidenceOrphans(orphans);
      expect(await findEvidenceOrphans(owner, store, 0)).toEqual([]);
      for (const sha256 of cited) expect(await store.verify(sha256)).toBe('INTACT');
    } finally {
      await owner.end();
    }
  });
});
