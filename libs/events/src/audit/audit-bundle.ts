import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../core/canonical-json';
import type { ChainHead, ChainLink } from '../core/chain-verifier';
import { GENESIS_HASH, type HashedEventContent } from '../core/hash-chain';
import { auditChain, type AuditReport } from './chain-audit';
import { checkpointFromJson, checkpointJsonSchema, publicKeyJsonSchema, type CheckpointJson, type PublicKeyJson, type SignedCheckpoint } from './checkpoint';
import type { EvidenceStatus } from './evidence';
import { hexSchema as hex } from './hex-schema';

/*
 * An audit bundle is one gzip'd file of JSON lines, each line one canonical JSON record, in this
 * order: header, public keys, checkpoints, evidence, events, manifest. Plain text a records archive
 * can keep and any tool can read (zcat | jq); verifiable offline in one pass, because everything
 * the events are checked against comes before them.
 *
 * The events are a contiguous segment of the tenant's chain, carried in full (every hashed column,
 * prev_hash, hash). A bundle for one inspection or a time range still carries every event of its
 * segment: the chain hashes each event's content itself, so an event left out or redacted would
 * make every later hash unverifiable. The selection in the header only says which of them the
 * export was asked for. The segment runs on to the first signed checkpoint at or after the last
 * selected event, so the checkpoint's signature vouches for the whole segment.
 */

export const AUDIT_BUNDLE_FORMAT = 'zeren-audit-bundle';

export class AuditBundleFormatError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'AuditBundleFormatError';
  }
}

const position = z.string().regex(/^(0|[1-9][0-9]*)$/);
const present = z.custom<unknown>((value) => value !== undefined, 'is required');

const headerSchema = z.object({
  kind: z.literal('header'),
  format: z.literal(AUDIT_BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  tenantId: z.guid(),
  createdAt: z.iso.datetime(),
  selection: z.object({
    inspectionId: z.guid().nullable(),
    /** Null: every stream. */
    streamIds: z.array(z.guid()).nullable(),
    from: z.iso.datetime().nullable(),
    to: z.iso.datetime().nullable(),
  }),
  /** The events carried: positions after `after`, through `through`. */
  segment: z.object({ after: position, through: position }),
  /** Whether evidence files are embedded, or only their hashes listed. */
  evidenceFiles: z.boolean(),
});

const publicKeySchema = publicKeyJsonSchema.extend({ kind: z.literal('publicKey') });
const checkpointSchema = checkpointJsonSchema.extend({ kind: z.literal('checkpoint') });

const evidenceSchema = z.object({
  kind: z.literal('evidence'),
  sha256: hex(64),
  /** Null when the file was already missing from the evidence store at export time. */
  size: z.int().min(0).nullable(),
  /** Base64 of the file when the bundle embeds evidence files. */
  content: z.base64().nullable(),
});

const eventSchema = z.object({
  kind: z.literal('event'),
  tenantPosition: position,
  prevHash: hex(64),
  hash: hex(64),
  streamType: z.string(),
  streamId: z.string(),
  version: z.int(),
  type: z.string(),
  schemaVersion: z.int(),
  data: present,
  metadata: present,
  recordedAt: z.string(),
  effectiveAt: z.string().nullable(),
});

const countsSchema = z.object({
  publicKeys: z.int(),
  checkpoints: z.int(),
  evidence: z.int(),
  evidenceFiles: z.int(),
  events: z.int(),
});

const manifestSchema = z.object({
  kind: z.literal('manifest'),
  /** sha256 of every byte before the manifest line. */
  bodySha256: hex(64),
  counts: countsSchema,
  /** sha256 of this line's canonical JSON without this field: the one number an archive register records. */
  manifestSha256: hex(64),
});

const recordSchema = z.discriminatedUnion('kind', [headerSchema, publicKeySchema, checkpointSchema, evidenceSchema, eventSchema, manifestSchema]);

export type BundleHeader = z.infer<typeof headerSchema>;
export type BundleEvidence = z.infer<typeof evidenceSchema>;
export type BundleEvent = z.infer<typeof eventSchema>;
export type BundleManifest = z.infer<typeof manifestSchema>;
export type BundleCounts = z.infer<typeof countsSchema>;
type BundleRecord = z.infer<typeof recordSchema>;

/** Sections must come in this order; a record may follow one of its own kind or of an earlier section. */
const SECTION_ORDER: ReadonlyArray<BundleRecord['kind']> = ['header', 'publicKey', 'checkpoint', 'evidence', 'event', 'manifest'];

function eventRecord(link: ChainLink): BundleEvent {
  const { content } = link;
  return {
    kind: 'event',
    tenantPosition: link.tenantPosition.toString(),
    prevHash: link.prevHash.toString('hex'),
    hash: link.hash.toString('hex'),
    streamType: content.streamType,
    streamId: content.streamId,
    version: content.version,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
    recordedAt: content.recordedAt,
    effectiveAt: content.effectiveAt,
  };
}

function linkOf(record: BundleEvent, tenantId: string): ChainLink {
  return {
    tenantPosition: BigInt(record.tenantPosition),
    prevHash: Buffer.from(record.prevHash, 'hex'),
    hash: Buffer.from(record.hash, 'hex'),
    content: {
      tenantId,
      streamType: record.streamType,
      streamId: record.streamId,
      version: record.version,
      type: record.type,
      schemaVersion: record.schemaVersion,
      data: record.data,
      metadata: record.metadata,
      recordedAt: record.recordedAt,
      effectiveAt: record.effectiveAt,
    },
  };
}

/**
 * Whether the export was asked for this event (the rest of the segment is chain context): the same
 * rule the exporter applies in SQL — one of the selected streams, recorded within the time range.
 */
export function bundleSelects(selection: BundleHeader['selection'], event: Pick<HashedEventContent, 'streamId' | 'recordedAt'>): boolean {
  if (selection.streamIds && !selection.streamIds.includes(event.streamId)) return false;
  const recordedAt = Date.parse(event.recordedAt);
  if (selection.from && recordedAt < Date.parse(selection.from)) return false;
  if (selection.to && recordedAt > Date.parse(selection.to)) return false;
  return true;
}

function manifestSha256(manifest: Omit<BundleManifest, 'manifestSha256'>): string {
  return createHash('sha256').update(canonicalJson(manifest), 'utf8').digest('hex');
}

/**
 * Writes a bundle's lines through `write` (a gzip stream, a file) while hashing them, and ends it
 * with the manifest. Records must be given in section order.
 */
export class AuditBundleWriter {
  private readonly body = createHash('sha256');
  private readonly counts: BundleCounts = { publicKeys: 0, checkpoints: 0, evidence: 0, evidenceFiles: 0, events: 0 };
  private section = 0;

  constructor(private readonly write: (text: string) => void | Promise<void>) {}

  header(header: Omit<BundleHeader, 'kind' | 'format' | 'formatVersion'>): Promise<void> {
    return this.add({ kind: 'header', format: AUDIT_BUNDLE_FORMAT, formatVersion: 1, ...header });
  }

  publicKey(key: PublicKeyJson): Promise<void> {
    this.counts.publicKeys += 1;
    return this.add({ kind: 'publicKey', ...key });
  }

  checkpoint(checkpoint: CheckpointJson): Promise<void> {
    this.counts.checkpoints += 1;
    return this.add({ kind: 'checkpoint', ...checkpoint });
  }

  evidence(evidence: Omit<BundleEvidence, 'kind'>): Promise<void> {
    this.counts.evidence += 1;
    if (evidence.content !== null) this.counts.evidenceFiles += 1;
    return this.add({ kind: 'evidence', ...evidence });
  }

  event(link: ChainLink): Promise<void> {
    this.counts.events += 1;
    return this.add(eventRecord(link));
  }

  /** Writes the manifest; returns it (its manifestSha256 identifies the bundle in an archive register). */
  async finish(): Promise<BundleManifest> {
    const unsigned = { kind: 'manifest' as const, bodySha256: this.body.digest('hex'), counts: { ...this.counts } };
    const manifest: BundleManifest = { ...unsigned, manifestSha256: manifestSha256(unsigned) };
    await this.add(manifest);
    return manifest;
  }

  private async add(record: BundleRecord): Promise<void> {
    const section = SECTION_ORDER.indexOf(record.kind);
    if (section < this.section) throw new Error(`bundle record ${record.kind} written after ${SECTION_ORDER[this.section]}`);
    this.section = section;
    const line = `${canonicalJson(record)}\n`;
    if (record.kind !== 'manifest') this.body.update(line, 'utf8');
    await this.write(line);
  }
}

export interface BundleVerification {
  header: BundleHeader;
  /**
   * Whether the file is whole: its manifest matches its body. This catches damage and careless
   * edits; anyone editing on purpose can recompute it, so what proves the events genuine is the
   * audit (hash chain plus signed checkpoints from trusted keys), never the manifest alone.
   */
  manifest: { ok: boolean; detail: string; manifestSha256: string | null };
  audit: AuditReport;
}

export interface BundleVerifyOptions {
  /** Key ids whose checkpoints are believed; unset: any checkpoint that verifies under its own key. */
  trustedKeyIds?: ReadonlySet<string>;
  /** Checkpoints kept outside the system (exportCheckpoints files), checked as well as the bundle's own. */
  extraCheckpoints?: readonly SignedCheckpoint[];
  /** Sees each event the audit reads, in chain order (for summaries), and whether the bundle's selection includes it. */
  onEvent?: (link: ChainLink, selected: boolean) => void;
}

type LineSource = AsyncIterator<string> | Iterator<string>;

/** Reads records one line at a time, hashing the body as it goes. */
class BundleReader {
  private readonly body = createHash('sha256');
  private lineNumber = 0;
  private section = 0;
  readonly counts: BundleCounts = { publicKeys: 0, checkpoints: 0, evidence: 0, evidenceFiles: 0, events: 0 };
  private peeked: BundleRecord | null = null;

  constructor(private readonly lines: LineSource) {}

  async peek(): Promise<BundleRecord | null> {
    this.peeked ??= await this.read();
    return this.peeked;
  }

  async next(): Promise<BundleRecord | null> {
    const record = await this.peek();
    this.peeked = null;
    return record;
  }

  bodySha256(): string {
    return this.body.copy().digest('hex');
  }

  private async read(): Promise<BundleRecord | null> {
    let line: string;
    do {
      const next = await this.lines.next();
      if (next.done) return null;
      line = next.value;
      this.lineNumber += 1;
    } while (line === '' && this.section === SECTION_ORDER.length - 1);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AuditBundleFormatError('not JSON', this.lineNumber);
    }
    const parsed = recordSchema.safeParse(json);
    if (!parsed.success) {
      throw new AuditBundleFormatError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'} ${issue.message}`).join('; '), this.lineNumber);
    }
    const record = parsed.data;
    const section = SECTION_ORDER.indexOf(record.kind);
    if (this.section === SECTION_ORDER.length - 1) throw new AuditBundleFormatError('records after the manifest', this.lineNumber);
    if (section < this.section || (this.lineNumber === 1) !== (record.kind === 'header')) {
      throw new AuditBundleFormatError(`a ${record.kind} record cannot come here`, this.lineNumber);
    }
    this.section = section;
    if (record.kind !== 'manifest') this.body.update(`${line}\n`, 'utf8');
    if (record.kind === 'publicKey') this.counts.publicKeys += 1;
    if (record.kind === 'checkpoint') this.counts.checkpoints += 1;
    if (record.kind === 'evidence') {
      this.counts.evidence += 1;
      if (record.content !== null) this.counts.evidenceFiles += 1;
    }
    if (record.kind === 'event') this.counts.events += 1;
    return record;
  }
}

function evidenceStatusOf(record: BundleEvidence): EvidenceStatus {
  if (record.content === null) return record.size === null ? 'MISSING' : 'NOT_CHECKED';
  return createHash('sha256').update(Buffer.from(record.content, 'base64')).digest('hex') === record.sha256 ? 'INTACT' : 'CHANGED';
}

function manifestProblem(manifest: BundleManifest | null, bodySha256: string, counts: BundleCounts): string | null {
  if (!manifest) return 'the bundle ends without its manifest: it was cut short';
  const { manifestSha256: stated, ...unsigned } = manifest;
  if (manifestSha256(unsigned) !== stated) return 'the manifest does not match its own sha256';
  if (manifest.bodySha256 !== bodySha256) return 'the bundle body does not match the sha256 in its manifest: the file was changed';
  const differing = (Object.keys(counts) as Array<keyof BundleCounts>).filter((key) => counts[key] !== manifest.counts[key]);
  if (differing.length) return `the manifest counts differ from the bundle for ${differing.join(', ')}`;
  return null;
}

/**
 * Verifies a bundle offline from its lines (already decompressed): the manifest, then the chain
 * segment against the checkpoints and embedded evidence. Throws AuditBundleFormatError when the
 * file is not a readable bundle at all.
 */
export async function verifyAuditBundle(lines: AsyncIterable<string> | Iterable<string>, options: BundleVerifyOptions = {}): Promise<BundleVerification> {
  const reader = new BundleReader(Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]());
  const first = await reader.next();
  if (first?.kind !== 'header') throw new AuditBundleFormatError('this is not a Zeren audit bundle (no header)', 1);
  const header = first;
  const tenantId = header.tenantId.toLowerCase();
  const segmentAfter = BigInt(header.segment.after);
  const segmentThrough = BigInt(header.segment.through);

  const keys = new Map<string, string>();
  const checkpointJson: CheckpointJson[] = [];
  const evidence = new Map<string, EvidenceStatus>();
  for (let record = await reader.peek(); record && record.kind !== 'event' && record.kind !== 'manifest'; record = await reader.peek()) {
    await reader.next();
    if (record.kind === 'publicKey') keys.set(record.keyId, record.publicKey);
    else if (record.kind === 'checkpoint') checkpointJson.push(record);
    else if (record.kind === 'evidence') evidence.set(record.sha256, evidenceStatusOf(record));
  }
  // A bundle proves nothing past its segment, so a checkpoint beyond it is no sign of truncation.
  const checkpoints = [...checkpointJson.map((json) => checkpointFromJson(json, keys)), ...(options.extraCheckpoints ?? [])].filter(
    (checkpoint) => checkpoint.tenantPosition <= segmentThrough,
  );

  const firstEvent = await reader.peek();
  // From genesis the first link is checked against the all-zero hash; a later segment starts from
  // whatever its first event links to, which only a checkpoint further on can vouch for.
  const start: ChainHead = {
    tenantPosition: segmentAfter,
    hash: segmentAfter > 0n && firstEvent?.kind === 'event' ? Buffer.from(firstEvent.prevHash, 'hex') : GENESIS_HASH,
  };
  async function* links(): AsyncGenerator<ChainLink> {
    for (let record = await reader.peek(); record?.kind === 'event'; record = await reader.peek()) {
      await reader.next();
      const link = linkOf(record, tenantId);
      options.onEvent?.(link, bundleSelects(header.selection, link.content));
      yield link;
    }
  }
  const audit = await auditChain(links(), {
    tenantId,
    start,
    checkpoints,
    expectedHead: segmentThrough,
    evidence: (sha256) => evidence.get(sha256) ?? (header.evidenceFiles ? 'MISSING' : 'NOT_CHECKED'),
    ...(options.trustedKeyIds ? { trustedKeyIds: options.trustedKeyIds } : {}),
  });

  // The audit may stop at the first fault; the manifest still covers every line.
  let manifest: BundleManifest | null = null;
  for (let record = await reader.next(); record; record = await reader.next()) {
    if (record.kind === 'manifest') manifest = record;
  }
  const problem = manifestProblem(manifest, reader.bodySha256(), reader.counts);
  return {
    header,
    manifest: { ok: problem === null, detail: problem ?? 'its body matches its manifest', manifestSha256: manifest?.manifestSha256 ?? null },
    audit,
  };
}
