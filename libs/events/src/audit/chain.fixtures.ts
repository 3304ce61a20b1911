import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ChainLink } from '../core/chain-verifier';
import { GENESIS_HASH, canonicalEventContent, chainHash, type HashedEventContent } from '../core/hash-chain';
import { signCheckpoint, type SignedCheckpoint } from './checkpoint';

/** Shared by the audit specs: in-memory chains built exactly as zeren_append builds them, and ways to forge them. */
export const TENANT_ID = '6f1d3c1e-8a1b-4c5d-9e0f-112233445566';
export const ACTOR_ID = '11111111-1111-4111-8111-111111111111';

export function contentAt(index: number, overrides: Partial<HashedEventContent> = {}): HashedEventContent {
  return {
    tenantId: TENANT_ID,
    streamType: 'Probe',
    streamId: `a0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    version: 1,
    type: 'ProbeRecorded',
    schemaVersion: 1,
    data: { note: `事件 ${index}` },
    metadata: { actorId: ACTOR_ID, actorRole: 'district_admin', actingForTenantId: TENANT_ID },
    recordedAt: new Date(Date.UTC(2026, 2, 1, 0, index)).toISOString(),
    effectiveAt: null,
    ...overrides,
  };
}

/** Links contents into a chain from a predecessor, computing each hash as the database does. */
export function link(contents: readonly HashedEventContent[], after = { tenantPosition: 0n, hash: GENESIS_HASH }): ChainLink[] {
  let prevHash = after.hash;
  return contents.map((content, index) => {
    const hash = chainHash(prevHash, canonicalEventContent(content));
    const chained: ChainLink = { tenantPosition: after.tenantPosition + BigInt(index) + 1n, prevHash, hash, content };
    prevHash = hash;
    return chained;
  });
}

export function chainOf(count: number, contentOf: (index: number) => HashedEventContent = (index) => contentAt(index)): ChainLink[] {
  return link(Array.from({ length: count }, (_, index) => contentOf(index + 1)));
}

/** What someone with write access does to hide an edit: re-link and re-hash everything from `fromIndex` on. */
export function rehashFrom(chain: readonly ChainLink[], fromIndex: number): ChainLink[] {
  const before = chain.slice(0, fromIndex);
  const anchor = before.length ? before[before.length - 1]! : { tenantPosition: 0n, hash: GENESIS_HASH };
  return [...before, ...link(chain.slice(fromIndex).map((chained) => chained.content), anchor)];
}

/** Renumbers positions 1..n, as an attacker tidying up after a removal or insertion would. */
export function renumber(chain: readonly ChainLink[]): ChainLink[] {
  return chain.map((chained, index) => ({ ...chained, tenantPosition: BigInt(index) + 1n }));
}

export function signingKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function checkpointOf(chained: ChainLink, key: KeyObject, signedAt = '2026-03-02T00:00:00.000Z'): SignedCheckpoint {
  return signCheckpoint({ tenantId: TENANT_ID, tenantPosition: chained.tenantPosition, hash: chained.hash.toString('hex'), signedAt }, key);
}
