import { createPublicKey } from 'node:crypto';
import type { ChainLink } from '../core/chain-verifier';
import { auditChain, type AuditOptions } from './chain-audit';
import { checkpointOf, chainOf, contentAt, link, rehashFrom, renumber, signingKey, TENANT_ID } from './chain.fixtures';
import { publicKeyId } from './checkpoint';
import type { EvidenceStatus } from './evidence';

const key = signingKey();
const keyId = publicKeyId(createPublicKey(key));

function audit(links: readonly ChainLink[], options: Partial<AuditOptions> = {}) {
  return auditChain(links, { tenantId: TENANT_ID, ...options });
}

function withData(chained: ChainLink, data: unknown): ChainLink {
  return { ...chained, content: { ...chained.content, data } };
}

describe('auditing an intact chain', () => {
  it('verifies every event and reports the head', async () => {
    const chain = chainOf(6);
    const report = await audit(chain);
    expect(report).toMatchObject({ ok: true, failure: null, verifiedEvents: 6, startPosition: 0n });
    expect(report.head.tenantPosition).toBe(6n);
    expect(report.head.hash.equals(chain[5]!.hash)).toBe(true);
  });

  it('verifies a segment that starts mid-chain from the link before it', async () => {
    const chain = chainOf(6);
    const report = await audit(chain.slice(3), { start: chain[2]! });
    expect(report).toMatchObject({ ok: true, verifiedEvents: 3, startPosition: 3n });
  });

  it('reads async sources and stops them once it has its answer', async () => {
    const chain = chainOf(10);
    chain[1] = withData(chain[1]!, { note: 'changed' });
    let pulled = 0;
    let closed = false;
    async function* source(): AsyncGenerator<ChainLink> {
      try {
        for (const chained of chain) {
          pulled += 1;
          yield chained;
        }
      } finally {
        closed = true;
      }
    }
    const report = await auditChain(source(), { tenantId: TENANT_ID });
    expect(report.failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 2n });
    expect(closed).toBe(true);
    expect(pulled).toBe(10);
  });
});

describe('locating tampering in the chain', () => {
  it('CHANGED_EVENT: one character of a payload', async () => {
    const chain = chainOf(6);
    chain[2] = withData(chain[2]!, { note: '事件 X' });
    const report = await audit(chain);
    expect(report.failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 3n });
    expect(report.verifiedEvents).toBe(2);
  });

  it('CHANGED_EVENT: one character of the actor', async () => {
    const chain = chainOf(6);
    const metadata = chain[3]!.content.metadata as { actorId: string };
    chain[3] = { ...chain[3]!, content: { ...chain[3]!.content, metadata: { ...metadata, actorId: metadata.actorId.replace(/1$/, '2') } } };
    expect((await audit(chain)).failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 4n });
  });

  it('MISSING_EVENT: an event deleted, positions left with a gap', async () => {
    const chain = chainOf(6);
    const report = await audit([...chain.slice(0, 2), ...chain.slice(3)]);
    expect(report.failure).toMatchObject({ fault: 'MISSING_EVENT', tenantPosition: 3n });
    expect(report.failure!.detail).toMatch(/position 3 was removed/);
  });

  it('MISSING_EVENT: an event deleted and later positions renumbered', async () => {
    const chain = chainOf(6);
    const report = await audit(renumber([...chain.slice(0, 2), ...chain.slice(3)]));
    expect(report.failure).toMatchObject({ fault: 'MISSING_EVENT', tenantPosition: 3n });
  });

  it('INSERTED_EVENT: a forged event linked and hashed properly, later events moved up', async () => {
    const chain = chainOf(6);
    const [forged] = link([contentAt(99, { data: { note: '伪造' } })], chain[1]!);
    const report = await audit(renumber([...chain.slice(0, 2), forged!, ...chain.slice(2)]));
    expect(report.failure).toMatchObject({ fault: 'INSERTED_EVENT', tenantPosition: 3n });
    // The forgery itself checks out; it is the genuine event after it that gives it away.
    expect(report.verifiedEvents).toBe(3);
  });

  it('INSERTED_EVENT: a forged event with a made-up link', async () => {
    const chain = chainOf(6);
    const forged: ChainLink = { tenantPosition: 3n, prevHash: Buffer.alloc(32, 7), hash: Buffer.alloc(32, 8), content: contentAt(99) };
    const report = await audit(renumber([...chain.slice(0, 2), forged, ...chain.slice(2)]));
    expect(report.failure).toMatchObject({ fault: 'INSERTED_EVENT', tenantPosition: 3n });
  });

  it('INSERTED_EVENT: a forged event with the right link but a made-up hash', async () => {
    const chain = chainOf(6);
    const forged: ChainLink = { tenantPosition: 3n, prevHash: chain[1]!.hash, hash: Buffer.alloc(32, 8), content: contentAt(99) };
    const report = await audit(renumber([...chain.slice(0, 2), forged, ...chain.slice(2)]));
    expect(report.failure).toMatchObject({ fault: 'INSERTED_EVENT', tenantPosition: 3n });
  });

  it('INSERTED_EVENT: a copy of an earlier event', async () => {
    const chain = chainOf(6);
    const report = await audit(renumber([...chain.slice(0, 4), chain[1]!, ...chain.slice(4)]));
    expect(report.failure).toMatchObject({ fault: 'INSERTED_EVENT', tenantPosition: 5n });
    expect(report.failure!.detail).toMatch(/copy of the event at position 2/);
  });

  it('REORDERED: two neighbouring events swapped', async () => {
    const chain = chainOf(6);
    const report = await audit(renumber([chain[0]!, chain[1]!, chain[3]!, chain[2]!, chain[4]!, chain[5]!]));
    expect(report.failure).toMatchObject({ fault: 'REORDERED', tenantPosition: 3n });
  });

  it('REORDERED: an event moved further down', async () => {
    const chain = chainOf(8);
    const report = await audit(renumber([chain[0]!, chain[2]!, chain[3]!, chain[4]!, chain[1]!, chain[5]!, chain[6]!, chain[7]!]));
    expect(report.failure).toMatchObject({ fault: 'REORDERED', tenantPosition: 2n });
  });

  it('BROKEN_LINK: prev_hash itself edited', async () => {
    const chain = chainOf(6);
    chain[3] = { ...chain[3]!, prevHash: Buffer.alloc(32, 1) };
    const report = await audit(chain);
    expect(report.failure).toMatchObject({ fault: 'BROKEN_LINK', tenantPosition: 4n });
    expect(report.failure!.detail).toMatch(/prev_hash of position 4 was changed/);
  });

  it('POSITION_GAP: positions renumbered with every link intact', async () => {
    const chain = chainOf(4);
    chain[2] = { ...chain[2]!, tenantPosition: 7n };
    expect((await audit(chain)).failure).toMatchObject({ fault: 'POSITION_GAP', tenantPosition: 7n });
  });
});

describe('what only a signed checkpoint reveals', () => {
  it('TRUNCATED_TAIL: the tail cut off after a checkpoint of the head', async () => {
    const chain = chainOf(6);
    const truncated = chain.slice(0, 4);
    expect(await audit(truncated)).toMatchObject({ ok: true });

    const report = await audit(truncated, { checkpoints: [checkpointOf(chain[2]!, key), checkpointOf(chain[5]!, key)] });
    expect(report.failure).toMatchObject({ fault: 'TRUNCATED_TAIL', tenantPosition: 5n });
    expect(report.failure!.detail).toMatch(/reached position 6, but it ends at 4/);
  });

  it('RECOMPUTED_TAIL: an event rewritten and every later hash recomputed', async () => {
    const chain = chainOf(6);
    chain[4] = withData(chain[4]!, { note: '改写' });
    const rewritten = rehashFrom(chain, 4);
    expect(await audit(rewritten)).toMatchObject({ ok: true });

    const original = chainOf(6);
    const report = await audit(rewritten, { checkpoints: [checkpointOf(original[2]!, key), checkpointOf(original[5]!, key)] });
    expect(report.failure).toMatchObject({ fault: 'RECOMPUTED_TAIL', tenantPosition: 6n, confirmedThrough: 3n });
    expect(report.failure!.detail).toMatch(/positions 4–6 were rewritten/);
  });

  it('confirms each checkpoint the chain passes through and says whether keys were pinned', async () => {
    const chain = chainOf(6);
    const checkpoints = [checkpointOf(chain[2]!, key), checkpointOf(chain[5]!, key)];
    // Given twice (stored, and kept outside), a checkpoint still counts once.
    const unpinned = await audit(chain, { checkpoints: [...checkpoints, ...checkpoints] });
    expect(unpinned.checkpoints).toEqual({ confirmed: 2, lastConfirmedPosition: 6n, keyIds: [keyId], keysPinned: false });
    const pinned = await audit(chain, { checkpoints, trustedKeyIds: new Set([keyId]) });
    expect(pinned).toMatchObject({ ok: true, checkpoints: { keysPinned: true, confirmed: 2 } });
  });

  it('ignores other tenants’ checkpoints and checkpoints before a segment', async () => {
    const chain = chainOf(6);
    const foreign = { ...checkpointOf(chain[5]!, key), tenantId: 'aaaaaaaa-1b2c-4d3e-8f40-516273849500' };
    const report = await audit(chain.slice(3), { start: chain[2]!, checkpoints: [foreign, checkpointOf(chain[1]!, key), checkpointOf(chain[2]!, key)] });
    expect(report).toMatchObject({ ok: true, checkpoints: { confirmed: 1, lastConfirmedPosition: 3n } });
  });

  it('BAD_SIGNATURE: a checkpoint whose signature was forged', async () => {
    const chain = chainOf(6);
    const genuine = checkpointOf(chain[3]!, key);
    const signature = Buffer.from(genuine.signature, 'base64');
    signature[10] = signature[10]! ^ 0x01;
    const report = await audit(chain, { checkpoints: [{ ...genuine, signature: signature.toString('base64') }] });
    expect(report.failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 4n });
    expect(report.failure!.detail).toMatch(/signature does not verify/);
  });

  it('BAD_SIGNATURE: a checkpoint re-signed with a key that is not trusted', async () => {
    const chain = chainOf(6);
    const impostor = checkpointOf(chain[5]!, signingKey());
    expect(await audit(chain, { checkpoints: [impostor] })).toMatchObject({ ok: true });
    const report = await audit(chain, { checkpoints: [impostor], trustedKeyIds: new Set([keyId]) });
    expect(report.failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 6n });
    expect(report.failure!.detail).toMatch(/not trusted/);
  });

  it('BAD_SIGNATURE rather than truncation for a forged checkpoint beyond the end', async () => {
    const chain = chainOf(6);
    const genuine = checkpointOf(chain[5]!, key);
    const forged = { ...genuine, signature: Buffer.alloc(64).toString('base64') };
    const report = await audit(chain.slice(0, 4), { checkpoints: [forged] });
    expect(report.failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 6n });
  });

  it('BAD_SIGNATURE: a checkpoint whose key id does not name its key', async () => {
    const chain = chainOf(3);
    const report = await audit(chain, { checkpoints: [{ ...checkpointOf(chain[2]!, key), keyId: '0123456789abcdef' }] });
    expect(report.failure).toMatchObject({ fault: 'BAD_SIGNATURE', tenantPosition: 3n });
  });
});

describe('evidence files', () => {
  const fileHash = 'e'.repeat(64);
  const evidenceChain = () =>
    link([
      contentAt(1),
      contentAt(2, { streamType: 'Finding', type: 'ProgressCheckedIn', data: { evidence: [fileHash], percent: 50 } }),
      contentAt(3),
    ]);
  const lookup = (status: EvidenceStatus) => (hash: string) => (hash === fileHash ? status : 'INTACT');

  it('re-hashes each referenced file once', async () => {
    const looked: string[] = [];
    const report = await audit(evidenceChain(), {
      evidence: (hash) => {
        looked.push(hash);
        return 'INTACT';
      },
    });
    expect(report).toMatchObject({ ok: true, evidence: { referenced: 1, intact: 1, notChecked: 0 } });
    expect(looked).toEqual([fileHash]);
  });

  it('EVIDENCE_CHANGED at the event that refers to the file', async () => {
    const report = await audit(evidenceChain(), { evidence: lookup('CHANGED') });
    expect(report.failure).toMatchObject({ fault: 'EVIDENCE_CHANGED', tenantPosition: 2n, evidenceHash: fileHash });
  });

  it('EVIDENCE_MISSING at the event that refers to the file', async () => {
    const report = await audit(evidenceChain(), { evidence: lookup('MISSING') });
    expect(report.failure).toMatchObject({ fault: 'EVIDENCE_MISSING', tenantPosition: 2n, evidenceHash: fileHash });
  });

  it('lists evidence it could not check without failing', async () => {
    expect(await audit(evidenceChain())).toMatchObject({ ok: true, evidence: { referenced: 1, intact: 0, notChecked: 1 } });
  });

  it('reports the first bad position: an evidence fault before a changed event', async () => {
    const chain = evidenceChain();
    chain[2] = withData(chain[2]!, { note: 'changed' });
    const report = await audit(chain, { evidence: lookup('MISSING') });
    expect(report.failure).toMatchObject({ fault: 'EVIDENCE_MISSING', tenantPosition: 2n });
  });
});
