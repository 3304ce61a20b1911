import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chainOf, checkpointOf, signingKey, TENANT_ID } from './chain.fixtures';
import {
  checkpointSignatureProblem,
  createCheckpointExport,
  parseCheckpointExport,
  publicKeyId,
  signCheckpoint,
  type SignedCheckpoint,
} from './checkpoint';

const key = signingKey();
const [, , head] = chainOf(3);

describe('signed checkpoints', () => {
  it('name their key by sha256 of the raw 32-byte public key (what openssl shows after the SPKI prefix)', () => {
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
    const raw = spki.subarray(spki.length - 32);
    expect(publicKeyId(createPublicKey(key))).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
  });

  it('verify under the key they carry, and not after any field of the statement changes', () => {
    const checkpoint = checkpointOf(head!, key);
    expect(checkpointSignatureProblem(checkpoint)).toBeNull();
    const altered: SignedCheckpoint[] = [
      { ...checkpoint, tenantPosition: checkpoint.tenantPosition + 1n },
      { ...checkpoint, hash: '0'.repeat(64) },
      { ...checkpoint, signedAt: '2026-03-02T00:00:00.001Z' },
      { ...checkpoint, tenantId: TENANT_ID.replace(/6$/, '7') },
    ];
    for (const forged of altered) expect(checkpointSignatureProblem(forged)).toMatch(/signature does not verify/);
  });

  it('refuse a public key swapped for another one, and a key that is not trusted', () => {
    const checkpoint = checkpointOf(head!, key);
    const other = createPublicKey(signingKey()).export({ format: 'pem', type: 'spki' }).toString();
    expect(checkpointSignatureProblem({ ...checkpoint, publicKey: other })).toMatch(/does not match its public key/);
    expect(checkpointSignatureProblem({ ...checkpoint, publicKey: '' })).toMatch(/not available/);
    expect(checkpointSignatureProblem(checkpoint, new Set(['0123456789abcdef']))).toMatch(/not trusted/);
    expect(checkpointSignatureProblem(checkpoint, new Set([checkpoint.keyId]))).toBeNull();
  });

  it('are only made with Ed25519 keys', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => signCheckpoint({ tenantId: TENANT_ID, tenantPosition: 1n, hash: '0'.repeat(64), signedAt: '2026-03-02T00:00:00.000Z' }, privateKey)).toThrow(/Ed25519/);
  });

  it('survive an export to JSON and back, keys included once', () => {
    const chain = chainOf(4);
    const checkpoints = [checkpointOf(chain[1]!, key), checkpointOf(chain[3]!, key)];
    const exported = JSON.parse(JSON.stringify(createCheckpointExport(TENANT_ID, checkpoints)));
    expect(exported.publicKeys).toHaveLength(1);
    const imported = parseCheckpointExport(exported);
    expect(imported).toEqual({ tenantId: TENANT_ID, checkpoints });
    expect(() => parseCheckpointExport({ ...exported, format: 'something-else' })).toThrow(/not a Zeren checkpoint export: format/);
  });
});
