import { createHash } from 'node:crypto';
import { canonicalObjectWriter } from './canonical-json';

/** The previous hash of a tenant's first event. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/**
 * Exactly the fields of a stored event that its hash covers. Positions are not in it: the
 * chain's links (prev_hash) already fix the order, so an inserted, dropped or swapped event
 * breaks the chain without the position being hashed.
 */
export interface HashedEventContent {
  tenantId: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
  effectiveAt: string | null;
}

/** Every covered field, checked against HashedEventContent so none can be added without being hashed. */
const HASHED_FIELDS = {
  tenantId: true,
  streamType: true,
  streamId: true,
  version: true,
  type: true,
  schemaVersion: true,
  data: true,
  metadata: true,
  recordedAt: true,
  effectiveAt: true,
} as const satisfies Record<keyof HashedEventContent, true>;

const writeHashedContent = canonicalObjectWriter(Object.keys(HASHED_FIELDS) as (keyof HashedEventContent)[]);

/** canonicalJson of exactly the covered fields (any other property of `event` is left out). */
export function canonicalEventContent(event: HashedEventContent): string {
  return writeHashedContent(event);
}

/** hash = sha256(prev_hash ‖ canonical(event)); PostgreSQL's zeren_append computes the same. */
export function chainHash(prevHash: Buffer, canonicalContent: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalContent, 'utf8').digest();
}
