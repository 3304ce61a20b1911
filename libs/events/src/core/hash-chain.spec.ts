import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
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

  it('writes the canonical JSON of exactly the covered fields, whatever the content and other properties', () => {
    const contents = fc.record({
      tenantId: fc.uuid(),
      streamType: fc.string(),
      streamId: fc.uuid(),
      version: fc.nat(),
      type: fc.string(),
      schemaVersion: fc.nat(),
      data: fc.jsonValue({ noUnicodeString: false, maxDepth: 3 }),
      metadata: fc.dictionary(fc.string(), fc.string()),
      recordedAt: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      effectiveAt: fc.option(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
    });
    fc.assert(
      fc.property(contents, fc.bigInt(), (content, tenantPosition) => {
        let expected: string;
        try {
          expected = canonicalJson(content);
        } catch {
          expect(() => canonicalEventContent(content)).toThrow();
          return;
        }
        expect(canonicalEventContent({ ...content, tenantPosition } as HashedEventContent)).toBe(expected);
      }),
    );
  });
});
