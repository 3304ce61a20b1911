import { hash } from 'node:crypto';
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

/**
 * prev_hash ‖ canonical bytes are laid out in this reused buffer and hashed in one call: verifying
 * hashes every stored event, and a Hash object and a UTF-8 copy per event cost more than sha256
 * of the bytes itself. A larger event gets a buffer of its own, so one huge event is not kept.
 */
const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

/** hash = sha256(prev_hash ‖ canonical(event)); PostgreSQL's zeren_append computes the same. */
export function chainHash(prevHash: Buffer, canonicalContent: string): Buffer {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const bound = prevHash.length + canonicalContent.length * 3;
  const bytes = bound <= SCRATCH_BYTES ? scratch : Buffer.allocUnsafe(bound);
  prevHash.copy(bytes, 0);
  const end = prevHash.length + bytes.write(canonicalContent, prevHash.length, 'utf8');
  return hash('sha256', bytes.subarray(0, end), 'buffer');
}
