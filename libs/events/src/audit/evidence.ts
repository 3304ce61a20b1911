import { createHash } from 'node:crypto';
import type { HashedEventContent } from '../core/hash-chain';
import { ProgressCheckedInV1 } from '../finding/finding.events';

/** What re-hashing an evidence file found; NOT_CHECKED when the verifier has no access to the files. */
export type EvidenceStatus = 'INTACT' | 'CHANGED' | 'MISSING' | 'NOT_CHECKED';

/** Looks an evidence file up by its sha256 and re-hashes it: the evidence store, a bundle, or nothing. */
export type EvidenceCheck = (sha256: string) => EvidenceStatus | Promise<EvidenceStatus>;

const EVIDENCE_HASH = /^[0-9a-f]{64}$/;

/**
 * The payload field that holds evidence hashes, per event type. Explicit rather than "any field
 * called evidence" so an unrelated field can never be mistaken for a file reference; an event type
 * that starts carrying evidence is added here.
 */
const EVIDENCE_FIELDS: Readonly<Record<string, string>> = {
  [ProgressCheckedInV1.type]: 'evidence',
};

export function isEvidenceHash(value: unknown): value is string {
  return typeof value === 'string' && EVIDENCE_HASH.test(value);
}

/** The evidence files an event refers to, as stored (the hash chain covers these very strings). */
export function evidenceHashesOf(event: Pick<HashedEventContent, 'type' | 'data'>): string[] {
  const field = EVIDENCE_FIELDS[event.type];
  if (!field || event.data === null || typeof event.data !== 'object') return [];
  const value = (event.data as Record<string, unknown>)[field];
  return Array.isArray(value) ? value.filter(isEvidenceHash) : [];
}

/**
 * Where a content-addressed file lives under the evidence directory: `<aa>/<bb>/<sha256>`, so no
 * folder grows past 65,536 entries. The API's evidence store and the offline verifier share it.
 */
export function evidenceRelativePath(sha256: string): string {
  if (!isEvidenceHash(sha256)) throw new Error(`not an evidence hash: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** Hex sha256 of a byte stream (a file, a bundle's embedded copy) without holding it in memory. */
export async function sha256Hex(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
