import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

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

export function canonicalEventContent(event: HashedEventContent): string {
  return canonicalJson({
    data: event.data,
    effectiveAt: event.effectiveAt,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamType: event.streamType,
    tenantId: event.tenantId,
    type: event.type,
    version: event.version,
  });
}

/** hash = sha256(prev_hash ‖ canonical(event)); PostgreSQL's zeren_append computes the same. */
export function chainHash(prevHash: Buffer, canonicalContent: string): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalContent, 'utf8').digest();
}
