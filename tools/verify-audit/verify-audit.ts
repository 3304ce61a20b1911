import { createPublicKey } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { isUuid } from '@zeren/domain';
import {
  AuditBundleFormatError,
  auditStoredChain,
  evidenceRelativePath,
  parseCheckpointExport,
  publicKeyId,
  sha256Hex,
  verifyAuditBundle,
  type AuditReport,
  type BundleVerification,
  type ChainSql,
  type EvidenceStatus,
  type SignedCheckpoint,
} from '@zeren/events';
import { AuditSummary } from './audit-summary';

export const EXIT_OK = 0;
export const EXIT_TAMPERED = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage:
  verify-audit --bundle <file> [--trusted-key <pem-file|pem|key-id>]... [--checkpoints <export.json>]...
  verify-audit --database <url> --tenant <id> [--trusted-key ...]... [--checkpoints ...]... [--evidence-dir <dir>]

Exit code: 0 verified, 1 tampered or damaged, 2 usage error or could not run.`;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

/** A trusted key given as a key id, a PEM text, or a PEM file (public or private: only its public half is used). */
function trustedKeyIdOf(value: string): string {
  if (/^[0-9a-f]{16}$/.test(value)) return value;
  const pem = value.includes('-----BEGIN') ? value : existsSync(value) ? readFileSync(value, 'utf8') : null;
  if (pem === null) throw new UsageError(`--trusted-key ${value}: neither a 16-character key id, a PEM key nor a file`);
  try {
    return publicKeyId(createPublicKey(pem));
  } catch {
    throw new UsageError(`--trusted-key ${value.includes('-----BEGIN') ? '(PEM)' : value}: not an Ed25519 key`);
  }
}

function keptCheckpoints(files: readonly string[]): SignedCheckpoint[] {
  return files.flatMap((file) => {
    try {
      return parseCheckpointExport(JSON.parse(readFileSync(file, 'utf8'))).checkpoints;
    } catch (error) {
      throw new UsageError(`--checkpoints ${file}: ${(error as Error).message}`);
    }
  });
}

/** Lines of a file, gunzipped when it starts with gzip's magic bytes; linear however long a line is. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  const magic = Buffer.alloc(2);
  await handle.read(magic, 0, 2, 0);
  await handle.close();
  const raw = createReadStream(file);
  let input: Readable = raw;
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    input = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  for await (const chunk of input) {
    const text = decoder.write(chunk as Buffer);
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      pending.push(text.slice(start, newline));
      yield pending.join('');
      pending = [];
      start = newline + 1;
    }
    pending.push(text.slice(start));
  }
  const last = pending.join('') + decoder.end();
  if (last) yield last;
}

async function evidenceFileStatus(directory: string, sha256: string): Promise<EvidenceStatus> {
  const path = join(directory, evidenceRelativePath(sha256));
  if (!existsSync(path)) return 'MISSING';
  return (await sha256Hex(createReadStream(path))) === sha256 ? 'INTACT' : 'CHANGED';
}

function reportLines(audit: AuditReport): string[] {
  const { checkpoints, evidence, head } = audit;
  const lines = [
    `events        positions ${audit.startPosition + 1n}–${head.tenantPosition}: ${audit.verifiedEvents} verified`,
    checkpoints.confirmed
      ? `checkpoints   ${checkpoints.confirmed} confirmed, the last at position ${checkpoints.lastConfirmedPosition}; keys ${checkpoints.keyIds.join(', ')}` +
        (checkpoints.keysPinned ? ' (trusted)' : ' (NOT pinned: pass --trusted-key, or a database writer could have signed their own)')
      : 'checkpoints   none confirmed',
    `evidence      ${evidence.referenced} file(s) referenced: ${evidence.intact} intact, ${evidence.notChecked} not checked`,
  ];
  if (audit.failure) {
    const { failure } = audit;
    lines.push(`RESULT        TAMPERED at position ${failure.tenantPosition}: ${failure.fault}`, `              ${failure.detail}`);
  } else {
    const anchored = checkpoints.lastConfirmedPosition ?? audit.startPosition;
    lines.push(
      `RESULT        OK: every event is exactly what was appended, in order, nothing removed or inserted` +
        (anchored < head.tenantPosition ? `; positions after ${anchored} are not yet covered by a signed checkpoint` : ''),
    );
  }
  return lines;
}

async function verifyBundle(file: string, trustedKeyIds: ReadonlySet<string> | undefined, extraCheckpoints: SignedCheckpoint[], output: Output): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`--bundle ${file}: no such file`);
  const summary = new AuditSummary();
  let result: BundleVerification;
  try {
    result = await verifyAuditBundle(linesOf(file), {
      extraCheckpoints,
      onEvent: (link, selected) => summary.add(link, selected),
      ...(trustedKeyIds ? { trustedKeyIds } : {}),
    });
  } catch (error) {
    if (error instanceof AuditBundleFormatError || (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      output.out(`verify-audit: ${file} cannot be verified: it is not a readable Zeren audit bundle (${(error as Error).message})`);
      return EXIT_TAMPERED;
    }
    throw error;
  }
  const { header, manifest, audit } = result;
  const { selection } = header;
  output.out(`verify-audit: bundle ${file}`);
  output.out(`tenant        ${header.tenantId}   (exported ${header.createdAt})`);
  output.out(
    `selection     ${selection.inspectionId ? `inspection ${selection.inspectionId}` : 'every stream'}, ` +
      `recorded ${selection.from ?? 'from the start'} – ${selection.to ?? 'to the export'}`,
  );
  output.out(`manifest      ${manifest.ok ? 'whole' : 'DAMAGED'}: ${manifest.detail}${manifest.manifestSha256 ? ` (manifest sha256 ${manifest.manifestSha256})` : ''}`);
  for (const line of reportLines(audit)) output.out(line);
  if (!audit.ok || !manifest.ok) return EXIT_TAMPERED;
  for (const line of summary.lines()) output.out(line);
  return EXIT_OK;
}

async function verifyDatabase(
  url: string,
  tenantId: string,
  options: { trustedKeyIds: ReadonlySet<string> | undefined; extraCheckpoints: SignedCheckpoint[]; evidenceDir: string | undefined },
  output: Output,
): Promise<number> {
  const client = new Client({ connectionString: url, application_name: 'zeren-verify-audit' });
  try {
    await client.connect();
  } catch (error) {
    output.err(`verify-audit: cannot connect to the database: ${(error as Error).message}`);
    return EXIT_USAGE;
  }
  const summary = new AuditSummary();
  let audit: AuditReport;
  try {
    // One snapshot for checkpoints and events; the tenant scope row-level security asks for.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    const sql: ChainSql = { query: async <Row>(text: string, parameters?: unknown[]) => (await client.query(text, parameters)).rows as Row[] };
    const { evidenceDir } = options;
    audit = await auditStoredChain(sql, tenantId, {
      extraCheckpoints: options.extraCheckpoints,
      onEvent: (link) => summary.add(link, true),
      ...(options.trustedKeyIds ? { trustedKeyIds: options.trustedKeyIds } : {}),
      ...(evidenceDir ? { evidence: (sha256: string) => evidenceFileStatus(evidenceDir, sha256) } : {}),
    });
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  output.out(`verify-audit: tenant ${tenantId} in ${new URL(url).host}${new URL(url).pathname}`);
  for (const line of reportLines(audit)) output.out(line);
  if (!audit.ok) return EXIT_TAMPERED;
  for (const line of summary.lines()) output.out(line);
  return EXIT_OK;
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        bundle: { type: 'string' },
        database: { type: 'string' },
        tenant: { type: 'string' },
        'trusted-key': { type: 'string', multiple: true },
        checkpoints: { type: 'string', multiple: true },
        'evidence-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs the tool; returns its exit code (0 verified, 1 tampered or damaged, 2 usage error or could not run). */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      output.out(USAGE);
      return EXIT_OK;
    }
    const trustedKeys = options['trusted-key'];
    const trustedKeyIds = trustedKeys?.length ? new Set(trustedKeys.map(trustedKeyIdOf)) : undefined;
    const extraCheckpoints = keptCheckpoints(options.checkpoints ?? []);
    if (options.bundle && !options.database && !options.tenant && !options['evidence-dir']) {
      return await verifyBundle(options.bundle, trustedKeyIds, extraCheckpoints, output);
    }
    if (options.database && options.tenant && !options.bundle) {
      if (!isUuid(options.tenant)) throw new UsageError(`--tenant ${options.tenant}: not a tenant id`);
      return await verifyDatabase(options.database, options.tenant.toLowerCase(), { trustedKeyIds, extraCheckpoints, evidenceDir: options['evidence-dir'] }, output);
    }
    throw new UsageError('give either --bundle, or --database with --tenant');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`verify-audit: ${error.message}`);
    output.err(USAGE);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  // Piped into head or less and cut short: the reader has seen enough, which is no failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`verify-audit: could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
