import { CanonicalJsonError } from './canonical-json';
import { GENESIS_HASH, canonicalEventContent, chainHash, type HashedEventContent } from './hash-chain';

/** One stored event as the verifier sees it: its place in the chain, its links and its content. */
export interface ChainLink {
  tenantPosition: bigint;
  prevHash: Buffer;
  hash: Buffer;
  content: HashedEventContent;
}

export type ChainFault =
  /** The stored hash does not match the recomputed one: the content was changed. */
  | 'CHANGED_EVENT'
  /** prev_hash does not point at the previous event's hash: an event was removed, inserted or moved. */
  | 'BROKEN_LINK'
  /** Positions skip or repeat. */
  | 'POSITION_GAP';

export interface ChainFailure {
  tenantPosition: bigint;
  fault: ChainFault;
  detail: string;
}

export interface ChainHead {
  tenantPosition: bigint;
  hash: Buffer;
}

/**
 * The canonical text of stored content, or why it has none: appends refuse such content (a number
 * beyond double precision, say), so stored content without a canonical form was changed there.
 */
function canonicalOrRefusal(content: HashedEventContent): string | CanonicalJsonError {
  try {
    return canonicalEventContent(content);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return error;
    throw error;
  }
}

/** Whether sha256(prevHash ‖ canonical(content)) is `hash`; content without a canonical form hashes to nothing. */
export function hashesTo(prevHash: Buffer, content: HashedEventContent, hash: Buffer): boolean {
  const canonical = canonicalOrRefusal(content);
  return typeof canonical === 'string' && chainHash(prevHash, canonical).equals(hash);
}

/**
 * Walks one tenant's chain in position order, one event at a time (so it runs at scan speed over
 * any number of events), and stops at the first fault.
 */
export class ChainVerifier {
  private expectedPosition: bigint;
  private previousHash: Buffer;
  private failure: ChainFailure | null = null;
  private count = 0;

  /**
   * @param start the link just before the first one pushed: genesis for a whole chain, or the
   * last link of a part already verified (a signed checkpoint, a bundle's first prev_hash).
   */
  constructor(start: ChainHead = { tenantPosition: 0n, hash: GENESIS_HASH }) {
    this.expectedPosition = start.tenantPosition + 1n;
    this.previousHash = start.hash;
  }

  /** Returns the first failure once found; later links are ignored. */
  push(link: ChainLink): ChainFailure | null {
    if (this.failure) return this.failure;
    if (link.tenantPosition !== this.expectedPosition) {
      return this.fail(link.tenantPosition, 'POSITION_GAP', `expected position ${this.expectedPosition}`);
    }
    if (!link.prevHash.equals(this.previousHash)) {
      return this.fail(link.tenantPosition, 'BROKEN_LINK', 'prev_hash is not the hash of the event before it');
    }
    const canonical = canonicalOrRefusal(link.content);
    if (canonical instanceof CanonicalJsonError) {
      return this.fail(link.tenantPosition, 'CHANGED_EVENT', `the stored content has no canonical form, which no append writes: ${canonical.message}`);
    }
    if (!chainHash(this.previousHash, canonical).equals(link.hash)) {
      return this.fail(link.tenantPosition, 'CHANGED_EVENT', 'stored hash differs from the hash of the stored content');
    }
    this.previousHash = link.hash;
    this.expectedPosition += 1n;
    this.count += 1;
    return null;
  }

  get verifiedCount(): number {
    return this.count;
  }

  /** The last verified link: what a signed checkpoint must match. */
  get head(): ChainHead {
    return { tenantPosition: this.expectedPosition - 1n, hash: this.previousHash };
  }

  private fail(tenantPosition: bigint, fault: ChainFault, detail: string): ChainFailure {
    this.failure = { tenantPosition, fault, detail };
    return this.failure;
  }
}
