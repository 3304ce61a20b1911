import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalEventContent, chainHash, type HashedEventContent } from './hash-chain';

const event: HashedEventContent = {
  tenantId: '6f1d3c1e-8a1b-4c5d-9e0f-112233445566',
  streamType: 'Finding',
  streamId: 'a0000000-0000-4000-8000-000000000001',
  version: 1,
  type: 'FindingRecorded',
  schemaVersion: 1,
  data: { title: '学习制度落实不到位', severity: 'MAJOR' },
  metadata: { actorId: 'u1', actorRole: 'city_inspector', actingForTenantId: '6f1d3c1e-8a1b-4c5d-9e0f-112233445566' },
  recordedAt: '2026-03-01T08:00:00.000Z',
  effectiveAt: null,
};

describe('hash chain', () => {
  it('hashes sha256(prev_hash ‖ canonical(event))', () => {
    const canonical = canonicalEventContent(event);
    const expected = createHash('sha256').update(Buffer.concat([GENESIS_HASH, Buffer.from(canonical, 'utf8')])).digest();
    expect(chainHash(GENESIS_HASH, canonical).equals(expected)).toBe(true);
  });

  it('changes when any covered field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, canonicalEventContent(event)).toString('hex');
    const variants: HashedEventContent[] = [
      { ...event, version: 2 },
      { ...event, data: { ...(event.data as object), severity: 'MINOR' } },
      { ...event, metadata: { ...(event.metadata as object), actorId: 'u2' } },
      { ...event, recordedAt: '2026-03-01T08:00:00.001Z' },
      { ...event, effectiveAt: '2026-02-28T08:00:00.000Z' },
      { ...event, tenantId: '6f1d3c1e-8a1b-4c5d-9e0f-112233445567' },
    ];
    for (const variant of variants) {
      expect(chainHash(GENESIS_HASH, canonicalEventContent(variant)).toString('hex')).not.toBe(base);
    }
    expect(chainHash(Buffer.alloc(32, 1), canonicalEventContent(event)).toString('hex')).not.toBe(base);
  });
});
