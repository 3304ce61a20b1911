import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  EventRegistry,
  GENESIS_HASH,
  canonicalEventContent,
  chainHash,
  findingEvents,
  inspectionEvents,
  parseCheckpointExport,
  readStoredChain,
  type AuditReport,
  type ChainLink,
  type PendingEvent,
} from '@zeren/events';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the test drives the verify-audit tool's own entry point on a bundle this API exported
import { main as verifyAudit, type Output } from '../../../../tools/verify-audit/verify-audit';
import { appTransactions, createTestDatabase, withOwner, type TestDatabase } from '../../test/test-database';
import { probeMetadata, ProbeRecordedV1, registerTenants } from '../../test/probe-events';
import { clientSql } from '../database/client-sql';
import type { ScopedTransactions } from '../database/scoped-transactions';
import { EvidenceStore } from '../evidence/evidence-store';
import { EventStore } from '../event-store/event-store';
import type { AuditLog } from './audit-log';
import { AuditBundleExporter, NothingToExportError } from './audit-bundle-exporter';
import { AuditVerifier } from './audit-verifier';
import { CHECKPOINT_LOCK_KEY, CheckpointJob } from './checkpoint-job';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointService } from './checkpoint.service';

const store = new EventStore(new EventRegistry([ProbeRecordedV1, ...inspectionEvents, ...findingEvents]));
const errors: string[] = [];
const log: AuditLog = { log: () => undefined, warn: () => undefined, error: (message) => errors.push(message) };
const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const checkpoints = new CheckpointService(signer, log);
const trusted = new Set([signer.keyId]);
let database: TestDatabase;
let dataSource: DataSource;
let transactions: ScopedTransactions;
let folder: string;
let evidence: EvidenceStore;
let verifier: AuditVerifier;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ dataSource, transactions } = await appTransactions(database));
  folder = mkdtempSync(join(tmpdir(), 'zeren-audit-'));
  evidence = new EvidenceStore(join(folder, 'evidence'));
  verifier = new AuditVerifier(evidence);
});

afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

/** A registered tenant (with a code of its own, so the background job's all-tenants scope includes it). */
async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withOwner(database, async (owner) => {
    await registerTenants(owner, []);
    await owner.query(`INSERT INTO tenants (id, city_id, name, code, created_at, version) SELECT $1, id, '测试区', $2, now(), 1 FROM cities LIMIT 1`, [
      tenantId,
      `T${tenantId.slice(0, 8)}`,
    ]);
  });
  return tenantId;
}

function append(tenantId: string, streamId: string, expectedVersion: number, events: PendingEvent[], recordedAt?: Date) {
  return transactions.run({ tenantIds: [tenantId] }, (sql) =>
    store.append(sql, { tenantId, streamId, expectedVersion, events, metadata: { ...probeMetadata, actingForTenantId: tenantId }, ...(recordedAt ? { recordedAt } : {}) }),
  );
}

const appendProbe = (tenantId: string, note: string) => append(tenantId, randomUUID(), 0, [{ type: 'ProbeRecorded', data: { note } }]);

const signHeads = (tenantId: string) => transactions.run({ tenantIds: [tenantId] }, (sql) => checkpoints.signHeads(sql, [tenantId]));

/** A tenant with `count` probe events, its head signed after each position in `signAfter`. */
async function chainOf(count: number, signAfter: number[] = []): Promise<string> {
  const tenantId = await newTenant();
  for (let position = 1; position <= count; position++) {
    await appendProbe(tenantId, `事件 ${position}`);
    if (signAfter.includes(position)) expect((await signHeads(tenantId)).signed).toHaveLength(1);
  }
  return tenantId;
}

/** A finding recorded in an inspection; with evidence, also its plan and a check-in citing that file. */
async function recordFinding(tenantId: string, inspectionId: string, options: { checkInEvidence?: string } = {}): Promise<string> {
  const findingId = randomUUID();
  const now = new Date().toISOString();
  await append(tenantId, findingId, 0, [
    {
      type: 'FindingRecorded',
      data: {
        findingId,
        inspectionId,
        unitId: randomUUID(),
        title: '理论学习中心组学习制度落实不到位',
        description: '集体学习少于规定次数。',
        category: 'STUDY',
        severity: 'MAJOR',
        basis: { kind: 'RULE', reference: '责任清单第3条', text: '每年集体学习不少于12次。' },
        deadline: '2026-12-31',
        recordedAt: now,
      },
    },
  ]);
  if (options.checkInEvidence) {
    await append(tenantId, findingId, 1, [
      {
        type: 'RectificationPlanSubmitted',
        data: { findingId, measures: '每月开展一次集体学习。', responsiblePerson: { personId: null, name: '王明' }, plannedCompletionDate: '2026-11-30', submittedAt: now },
      },
      {
        type: 'ProgressCheckedIn',
        data: { findingId, percent: 60, narrative: '已补学4次。', decreaseReason: null, evidence: [options.checkInEvidence], effectiveAt: null, late: false, checkedInAt: now },
      },
    ]);
  }
  return findingId;
}

function verify(tenantId: string, options: Parameters<AuditVerifier['verifyTenant']>[2] = { trustedKeyIds: trusted }): Promise<AuditReport> {
  return transactions.run({ tenantIds: [tenantId] }, (sql) => verifier.verifyTenant(sql, tenantId, options));
}

/** Tampers as the database owner would: with the append-only triggers switched off for a moment. */
function tamper(work: (owner: Client) => Promise<unknown>): Promise<void> {
  return withOwner(database, async (owner) => {
    await owner.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_delete');
    await owner.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_refuse_update_delete');
    try {
      await work(owner);
    } finally {
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_delete');
      await owner.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_refuse_update_delete');
    }
  });
}

async function storedLinks(owner: Client, tenantId: string): Promise<ChainLink[]> {
  const links: ChainLink[] = [];
  for await (const link of readStoredChain(clientSql(owner), tenantId)) links.push(link);
  return links;
}

/** Moves positions >= from by `by`, through a detour so the primary key never collides midway. */
async function shiftPositions(owner: Client, tenantId: string, from: number, by: number): Promise<void> {
  await owner.query('UPDATE events SET tenant_position = tenant_position + 1000000 WHERE tenant_id = $1 AND tenant_position >= $2', [tenantId, from]);
  await owner.query('UPDATE events SET tenant_position = tenant_position - 1000000 + $2 WHERE tenant_id = $1 AND tenant_position > 1000000', [tenantId, by]);
}

/** What a careful forger does: rewrites an event and recomputes every hash after it, chain head included. */
async function rewriteAndRehash(owner: Client, tenantId: string, position: number, note: string): Promise<void> {
  const links = await storedLinks(owner, tenantId);
  let prevHash = position > 1 ? links[position - 2]!.hash : GENESIS_HASH;
  for (const link of links.slice(position - 1)) {
    const data = link.tenantPosition === BigInt(position) ? { note } : link.content.data;
    const hash = chainHash(prevHash, canonicalEventContent({ ...link.content, data }));
    await owner.query('UPDATE events SET data = $3::jsonb, prev_hash = $4, hash = $5 WHERE tenant_id = $1 AND tenant_position = $2', [
      tenantId,
      link.tenantPosition.toString(),
      JSON.stringify(data),
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await owner.query('UPDATE tenant_chain_heads SET hash = $2 WHERE tenant_id = $1', [tenantId, prevHash]);
}

/** Cuts the chain after `keep`, and moves the head back so appends would carry on unsuspiciously. */
async function truncateAfter(owner: Client, tenantId: string, keep: number): Promise<void> {
  await owner.query('DELETE FROM events WHERE tenant_id = $1 AND tenant_position > $2', [tenantId, keep]);
  await owner.query(
    `UPDATE tenant_chain_heads h SET tenant_position = e.tenant_position, hash = e.hash FROM events e
      WHERE h.tenant_id = $1 AND e.tenant_id = $1 AND e.tenant_position = $2`,
    [tenantId, keep],
  );
}

describe('audit verification against PostgreSQL', () => {
  it('verifies an untouched chain with its checkpoints and evidence', async () => {
    const tenantId = await chainOf(6, [3, 6]);
    const report = await verify(tenantId);
    expect(report).toMatchObject({ ok: true, failure: null, verifiedEvents: 6 });
    expect(report.checkpoints).toEqual({ confirmed: 2, lastConfirmedPosition: 6n, keyIds: [signer.keyId], keysPinned: true });
  });

  it('CHANGED_EVENT: one byte of a payload', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper((owner) =>
      owner.query(`UPDATE events SET data = jsonb_set(data, '{note}', '"事件 X"') WHERE tenant_id = $1 AND tenant_position = 3`, [tenantId]),
    );
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 3n });
  });

  it('CHANGED_EVENT: one byte of the actor', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper((owner) =>
      owner.query(
        `UPDATE events SET metadata = jsonb_set(metadata, '{actorId}', to_jsonb(overlay(metadata->>'actorId' placing '2' from 36 for 1)))
          WHERE tenant_id = $1 AND tenant_position = 4`,
        [tenantId],
      ),
    );
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 4n });
  });

  it('MISSING_EVENT: an event deleted and the positions after it closed up', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper(async (owner) => {
      await owner.query('DELETE FROM events WHERE tenant_id = $1 AND tenant_position = 3', [tenantId]);
      await shiftPositions(owner, tenantId, 4, -1);
    });
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'MISSING_EVENT', tenantPosition: 3n });
  });

  it('INSERTED_EVENT: an event slipped in with a correctly computed link and hash', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper(async (owner) => {
      const links = await storedLinks(owner, tenantId);
      const content = { ...links[1]!.content, streamId: randomUUID(), data: { note: '伪造的检查记录' } };
      const hash = chainHash(links[1]!.hash, canonicalEventContent(content));
      await shiftPositions(owner, tenantId, 3, 1);
      await owner.query(
        `INSERT INTO events (tenant_id, tenant_position, stream_type, stream_id, version, type, schema_version, data, metadata,
                             recorded_at, effective_at, prev_hash, hash)
         VALUES ($1, 3, $2, $3, 1, $4, 1, $5::jsonb, $6::jsonb, $7, NULL, $8, $9)`,
        [tenantId, content.streamType, content.streamId, content.type, JSON.stringify(content.data), JSON.stringify(content.metadata), content.recordedAt, links[1]!.hash, hash],
      );
    });
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'INSERTED_EVENT', tenantPosition: 3n });
  });

  it('REORDERED: two events swapped', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper(async (owner) => {
      await owner.query('UPDATE events SET tenant_position = 1000003 WHERE tenant_id = $1 AND tenant_position = 3', [tenantId]);
      await owner.query('UPDATE events SET tenant_position = 3 WHERE tenant_id = $1 AND tenant_position = 4', [tenantId]);
      await owner.query('UPDATE events SET tenant_position = 4 WHERE tenant_id = $1 AND tenant_position = 1000003', [tenantId]);
    });
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'REORDERED', tenantPosition: 3n });
  });

  it('TRUNCATED_TAIL: caught only through the signed checkpoint', async () => {
    const signed = await chainOf(6, [3, 6]);
    const unsigned = await chainOf(6);
    for (const tenantId of [signed, unsigned]) await tamper((owner) => truncateAfter(owner, tenantId, 4));

    expect(await verify(unsigned)).toMatchObject({ ok: true, verifiedEvents: 4 });
    const report = await verify(signed);
    expect(report.failure).toMatchObject({ fault: 'TRUNCATED_TAIL', tenantPosition: 5n });
    expect(report.failure!.detail).toMatch(/reached position 6, but it ends at 4/);
  });

  it('RECOMPUTED_TAIL: a rewritten event with every later hash recomputed, caught only through the signed checkpoint', async () => {
    const signed = await chainOf(6, [3, 6]);
    const unsigned = await chainOf(6);
    for (const tenantId of [signed, unsigned]) await tamper((owner) => rewriteAndRehash(owner, tenantId, 5, '改写后的记录'));

    expect(await verify(unsigned)).toMatchObject({ ok: true, verifiedEvents: 6 });
    const report = await verify(signed);
    expect(report.failure).toMatchObject({ fault: 'RECOMPUTED_TAIL', tenantPosition: 6n, confirmedThrough: 3n });
  });

  it('BAD_SIGNATURE: one byte of a stored checkpoint signature flipped', async () => {
    const tenantId = await chainOf(6, [3, 6]);
    await tamper((owner) =>
      owner.query('UPDATE audit_checkpoints SET signature = set_byte(signature, 10, get_byte(signature, 10) # 1) WHERE tenant_id = $1 AND tenant_position = 3', [tenantId]),
    );
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 3n });
  });

  it('BAD_SIGNATURE: a rewrite re-signed with the forger’s own key is refused when keys are pinned', async () => {
    const tenantId = await chainOf(6, [6]);
    await tamper(async (owner) => {
      await owner.query('DELETE FROM audit_checkpoints WHERE tenant_id = $1', [tenantId]);
      await rewriteAndRehash(owner, tenantId, 2, '改写');
    });
    const forger = new CheckpointService(new CheckpointSigner(generateKeyPairSync('ed25519').privateKey), log);
    await transactions.run({ tenantIds: [tenantId] }, (sql) => forger.signHeads(sql, [tenantId]));

    expect(await verify(tenantId, {})).toMatchObject({ ok: true, checkpoints: { keysPinned: false } });
    expect((await verify(tenantId)).failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 6n });
  });

  describe('evidence files', () => {
    async function checkedInWithEvidence(): Promise<{ tenantId: string; sha256: string }> {
      const tenantId = await chainOf(2);
      const stored = await evidence.put(Readable.from([Buffer.from(`整改照片 ${tenantId}`)]), 1024);
      await recordFinding(tenantId, randomUUID(), { checkInEvidence: stored.sha256 });
      await appendProbe(tenantId, 'after the check-in');
      await signHeads(tenantId);
      return { tenantId, sha256: stored.sha256 };
    }

    it('are re-hashed: an intact file passes', async () => {
      const { tenantId } = await checkedInWithEvidence();
      expect(await verify(tenantId)).toMatchObject({ ok: true, evidence: { referenced: 1, intact: 1, notChecked: 0 } });
    });

    it('EVIDENCE_CHANGED: one byte of the file flipped', async () => {
      const { tenantId, sha256 } = await checkedInWithEvidence();
      const path = evidence.pathOf(sha256);
      chmodSync(path, 0o600);
      const bytes = readFileSync(path);
      bytes[3] = bytes[3]! ^ 0x01;
      writeFileSync(path, bytes);
      expect((await verify(tenantId)).failure).toMatchObject({ fault: 'EVIDENCE_CHANGED', tenantPosition: 5n, evidenceHash: sha256 });
    });

    it('EVIDENCE_MISSING: the file deleted', async () => {
      const { tenantId, sha256 } = await checkedInWithEvidence();
      unlinkSync(evidence.pathOf(sha256));
      expect((await verify(tenantId)).failure).toMatchObject({ fault: 'EVIDENCE_MISSING', tenantPosition: 5n, evidenceHash: sha256 });
    });
  });
});

describe('signed checkpoints', () => {
  it('sign only heads that moved, and verify as stored', async () => {
    const tenantId = await chainOf(2);
    const first = await signHeads(tenantId);
    expect(first.signed).toMatchObject([{ tenantId, tenantPosition: 2n, keyId: signer.keyId }]);
    expect(await signHeads(tenantId)).toEqual({ signed: [], unchanged: [tenantId], refused: [] });
    await appendProbe(tenantId, 'moved on');
    expect((await signHeads(tenantId)).signed).toMatchObject([{ tenantPosition: 3n }]);
    const listed = await transactions.run({ tenantIds: [tenantId] }, (sql) => checkpoints.listCheckpoints(sql, tenantId));
    expect(listed.map((checkpoint) => checkpoint.tenantPosition)).toEqual([2n, 3n]);
    expect(listed[0]).toEqual(first.signed[0]);
  });

  it('refuse to vouch for a chain that no longer continues from the last checkpoint', async () => {
    const tenantId = await chainOf(4, [4]);
    await tamper((owner) => rewriteAndRehash(owner, tenantId, 2, '改写'));
    await appendProbe(tenantId, 'appended after the rewrite');
    errors.length = 0;
    const result = await signHeads(tenantId);
    expect(result.signed).toEqual([]);
    expect(result.refused).toMatchObject([{ tenantId, failure: { tenantPosition: 5n } }]);
    expect(errors.join('\n')).toMatch(new RegExp(`refusing to sign the chain head of tenant ${tenantId}`));
  });

  it('exported and kept outside, still catch a truncation after the stored ones were deleted', async () => {
    const tenantId = await chainOf(5, [5]);
    const exported = await transactions.run({ tenantIds: [tenantId] }, (sql) => checkpoints.exportCheckpoints(sql, tenantId));
    const kept = parseCheckpointExport(JSON.parse(JSON.stringify(exported)));
    await tamper(async (owner) => {
      await owner.query('DELETE FROM audit_checkpoints WHERE tenant_id = $1', [tenantId]);
      await truncateAfter(owner, tenantId, 3);
    });
    expect(await verify(tenantId)).toMatchObject({ ok: true });
    expect((await verify(tenantId, { trustedKeyIds: trusted, extraCheckpoints: kept.checkpoints })).failure).toMatchObject({
      fault: 'TRUNCATED_TAIL',
      tenantPosition: 4n,
    });
  });

  it('are append-only, and visible to their own tenant only', async () => {
    const tenantId = await chainOf(1, [1]);
    const other = await newTenant();
    for (const statement of ['UPDATE audit_checkpoints SET key_id = key_id', 'DELETE FROM audit_checkpoints', 'TRUNCATE audit_checkpoints']) {
      await expect(transactions.run({ tenantIds: [tenantId] }, (sql) => sql.query(statement))).rejects.toThrow(/permission denied/);
      await withOwner(database, (owner) => expect(owner.query(statement)).rejects.toMatchObject({ code: 'ZR001' }));
    }
    const seen = await transactions.run({ tenantIds: [other] }, (sql) => sql.query('SELECT count(*)::int AS n FROM audit_checkpoints'));
    expect(seen).toEqual([{ n: 0 }]);
    const forged = transactions.run({ tenantIds: [other] }, (sql) =>
      sql.query(
        `INSERT INTO audit_checkpoints (tenant_id, tenant_position, key_id, hash, signed_at, public_key, signature)
         VALUES ($1, 99, 'aaaaaaaaaaaaaaaa', $2, now(), '-----BEGIN PUBLIC KEY-----', $3)`,
        [tenantId, Buffer.alloc(32), Buffer.alloc(64)],
      ),
    );
    await expect(forged).rejects.toThrow(/row-level security/);
  });

  it('are signed by one instance at a time', async () => {
    const tenantId = await chainOf(1);
    const job = new CheckpointJob(transactions, checkpoints, { checkpointIntervalMs: 3_600_000 }, log);
    await withOwner(database, async (owner) => {
      await owner.query('SELECT pg_advisory_lock($1)', [CHECKPOINT_LOCK_KEY]);
      expect(await job.runOnce()).toBeNull();
      await owner.query('SELECT pg_advisory_unlock($1)', [CHECKPOINT_LOCK_KEY]);
    });
    const result = await job.runOnce();
    expect(result?.signed.map((checkpoint) => checkpoint.tenantId)).toContain(tenantId);
    await job.stop();
  });
});

describe('audit bundles, verified offline by verify-audit', () => {
  let tenantId: string;
  let inspectionId: string;
  let checkedInFinding: string;
  let otherFinding: string;
  let bundleExporter: AuditBundleExporter;

  /** Runs the tool in-process; returns its exit code and everything it printed. */
  async function runTool(...argv: string[]): Promise<{ code: number; text: string }> {
    const lines: string[] = [];
    const output: Output = { out: (line) => lines.push(line), err: (line) => lines.push(line) };
    const code = await verifyAudit(argv, output);
    return { code, text: lines.join('\n') };
  }

  function exportBundle(name: string, request: Partial<Parameters<AuditBundleExporter['export']>[1]> = {}) {
    const file = join(folder, name);
    return transactions.run({ tenantIds: [tenantId] }, (sql) => bundleExporter.export(sql, { tenantId, includeEvidenceFiles: true, ...request }, file));
  }

  beforeAll(async () => {
    bundleExporter = new AuditBundleExporter(evidence);
    tenantId = await newTenant();
    inspectionId = randomUUID();
    await appendProbe(tenantId, 'before the inspection');
    await append(tenantId, inspectionId, 0, [
      {
        type: 'InspectionPlanned',
        data: {
          inspectionId,
          title: '2026年度意识形态工作责任制专项巡察',
          kind: 'PATROL',
          level: 'CITY',
          target: { scope: 'DISTRICT' },
          period: { startDate: '2026-03-01', endDate: '2026-03-31' },
          team: [{ personId: null, name: '张三' }],
          followUpOfInspectionId: null,
          plannedAt: new Date().toISOString(),
        },
      },
    ]);
    const stored = await evidence.put(Readable.from([Buffer.from('学习记录扫描件')]), 1024);
    checkedInFinding = await recordFinding(tenantId, inspectionId, { checkInEvidence: stored.sha256 });
    otherFinding = await recordFinding(tenantId, randomUUID());
    await signHeads(tenantId);
    await appendProbe(tenantId, 'after the last checkpoint');
  });

  it('exports the whole chain in one file that verifies offline, with the ledger folded from its events', async () => {
    const exported = await exportBundle('whole.jsonl.gz');
    expect(exported).toMatchObject({ segment: { after: 0n, through: 7n }, selectedEvents: 7, anchored: false });

    const { code, text } = await runTool('--bundle', exported.file, '--trusted-key', signer.keyId);
    expect(code).toBe(0);
    expect(text).toMatch(/manifest {6}whole/);
    expect(text).toMatch(/RESULT {8}OK: .*positions after 6 are not yet covered by a signed checkpoint/);
    expect(text).toMatch(/evidence {6}1 file\(s\) referenced: 1 intact/);
    expect(text).toMatch(/ProgressCheckedIn +1/);
    expect(text).toMatch(new RegExp(`${probeMetadata.actorId} \\(district_admin\\) +7`));
    expect(text).toMatch(new RegExp(`${checkedInFinding}  整改中 IN_PROGRESS +deadline 2026-12-31`));
    expect(text).toMatch(new RegExp(`${otherFinding}  待制定整改方案 RECORDED`));
  });

  it('does not verify once one byte of it changed, and says where', async () => {
    const { file } = await exportBundle('changed.jsonl.gz');
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).toContain('已补学4次');
    writeFileSync(file, gzipSync(Buffer.from(text.replace('已补学4次', '已补学5次'), 'utf8')));

    const result = await runTool('--bundle', file, '--trusted-key', signer.keyId);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/manifest {6}DAMAGED/);
    expect(result.text).toMatch(/TAMPERED at position 5: CHANGED_EVENT/);
    expect(result.text).not.toMatch(/rectification ledger/);

    const raw = readFileSync(file);
    raw[raw.length >> 1] = raw[raw.length >> 1]! ^ 0x01;
    writeFileSync(file, raw);
    expect((await runTool('--bundle', file)).code).toBe(1);
  });

  it('exports one inspection: its events and its findings’, running on to the checkpoint that vouches for them', async () => {
    const exported = await exportBundle('inspection.jsonl.gz', { inspectionId });
    expect(exported).toMatchObject({ segment: { after: 1n, through: 6n }, selectedEvents: 4, anchored: true });
    const { code, text } = await runTool('--bundle', exported.file, '--trusted-key', signer.keyId);
    expect(code).toBe(0);
    expect(text).toMatch(/RESULT {8}OK: every event is exactly what was appended, in order, nothing removed or inserted$/m);
    expect(text).toMatch(/4 selected event\(s\)/);
    expect(text).toMatch(new RegExp(checkedInFinding));
    expect(text).not.toMatch(new RegExp(otherFinding));
  });

  it('refuses checkpoints from a key that is not the trusted one', async () => {
    const { file } = await exportBundle('untrusted.jsonl.gz');
    const stranger = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
    const { code, text } = await runTool('--bundle', file, '--trusted-key', stranger.keyId);
    expect(code).toBe(1);
    expect(text).toMatch(/TAMPERED at position 6: BAD_SIGNATURE/);
  });

  it('verifies the database online, evidence folder included', async () => {
    const publicKeyFile = join(folder, 'checkpoint-public-key.pem');
    writeFileSync(publicKeyFile, signer.publicKey);
    const { code, text } = await runTool('--database', database.appUrl, '--tenant', tenantId, '--trusted-key', publicKeyFile, '--evidence-dir', evidence.directory);
    expect(code).toBe(0);
    expect(text).toMatch(/1 file\(s\) referenced: 1 intact/);
    expect(text).toMatch(/checkpoints {3}1 confirmed, the last at position 6; keys [0-9a-f]{16} \(trusted\)/);
  });

  it('answers usage errors with exit code 2', async () => {
    expect((await runTool()).code).toBe(2);
    expect((await runTool('--bundle', join(folder, 'no-such-bundle.gz'))).code).toBe(2);
    expect((await runTool('--bundle', 'x', '--tenant', tenantId)).code).toBe(2);
    expect((await runTool('--bundle', 'x', '--trusted-key', 'not-a-key')).code).toBe(2);
    expect((await runTool('--database', database.appUrl, '--tenant', 'not-a-tenant')).code).toBe(2);
  });

  it('refuses a selection with no events', async () => {
    await expect(exportBundle('empty.jsonl.gz', { from: new Date('2000-01-01'), to: new Date('2000-12-31') })).rejects.toBeInstanceOf(NothingToExportError);
  });
});
