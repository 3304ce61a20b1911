import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { evidenceHashesOf, readStoredChain } from '@zeren/events';
import { loadConfig } from '../config/app-config';
import { prepareDatabase } from '../database/database-bootstrap';
import { EvidenceStore } from '../evidence/evidence-store';
import { clientSql } from '../database/client-sql';

export interface EvidenceOrphan {
  /** A stored file's sha256, or an interrupted upload's name under .incoming. */
  name: string;
  path: string;
  ageHours: number;
}

/** Every evidence hash any event of any tenant cites (read as the owner, across tenants). */
export async function referencedEvidence(owner: Client): Promise<Set<string>> {
  const sql = clientSql(owner);
  const referenced = new Set<string>();
  const { rows } = await owner.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_chain_heads');
  for (const { tenant_id } of rows) for await (const link of readStoredChain(sql, tenant_id)) for (const hash of evidenceHashesOf(link.content)) referenced.add(hash);
  return referenced;
}

/**
 * Files no event cites: uploads never attached to a check-in (or whose command died before its
 * event was appended) and interrupted uploads. Only those older than minAgeHours count, so a file
 * uploaded a moment ago for a check-in still being written is never taken for one.
 */
export async function findEvidenceOrphans(owner: Client, store: EvidenceStore, minAgeHours: number, now = Date.now()): Promise<EvidenceOrphan[]> {
  const candidates = (await store.listOrphans(await referencedEvidence(owner))).map((sha256) => ({ name: sha256, path: store.pathOf(sha256) }));
  const incoming = join(store.directory, '.incoming');
  const partial = await readdir(incoming).catch(() => [] as string[]);
  candidates.push(...partial.map((name) => ({ name: join('.incoming', name), path: join(incoming, name) })));
  const orphans: EvidenceOrphan[] = [];
  for (const candidate of candidates) {
    const ageHours = (now - (await stat(candidate.path)).mtimeMs) / 3_600_000;
    if (ageHours >= minAgeHours) orphans.push({ ...candidate, ageHours });
  }
  return orphans;
}

export async function deleteEvidenceOrphans(orphans: readonly EvidenceOrphan[]): Promise<void> {
  for (const orphan of orphans) await rm(orphan.path, { force: true });
}

const USAGE = 'usage: evidence-orphans [--delete] [--min-age-hours=24]';

/** `npm run evidence:orphans -- [--delete] [--min-age-hours=N]`: lists (or deletes) orphan evidence files. */
async function main(argv: string[]): Promise<void> {
  const remove = argv.includes('--delete');
  const ageArgument = argv.find((argument) => argument.startsWith('--min-age-hours='));
  const minAgeHours = ageArgument ? Number(ageArgument.slice('--min-age-hours='.length)) : 24;
  if (!Number.isFinite(minAgeHours) || minAgeHours < 0 || argv.some((argument) => argument !== '--delete' && argument !== ageArgument)) throw new Error(USAGE);
  const config = loadConfig();
  const connections = await prepareDatabase(config, () => undefined);
  const owner = new Client({ connectionString: connections.ownerUrl });
  await owner.connect();
  try {
    const orphans = await findEvidenceOrphans(owner, new EvidenceStore(config.evidenceDir), minAgeHours);
    for (const orphan of orphans) process.stdout.write(`${orphan.name}\t${orphan.ageHours.toFixed(1)}h\n`);
    if (remove) await deleteEvidenceOrphans(orphans);
    process.stdout.write(`${orphans.length} orphan evidence file(s) older than ${minAgeHours}h${remove ? ' deleted' : '; run with --delete to remove them'}\n`);
  } finally {
    await owner.end();
    await connections.embedded?.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`evidence-orphans: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
