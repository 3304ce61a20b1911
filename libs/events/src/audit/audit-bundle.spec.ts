import { createHash } from 'node:crypto';
import type { ChainLink } from '../core/chain-verifier';
import { AuditBundleFormatError, AuditBundleWriter, verifyAuditBundle, type BundleHeader } from './audit-bundle';
import { chainOf, checkpointOf, contentAt, link, signingKey, TENANT_ID } from './chain.fixtures';
import { checkpointToJson, publicKeysOf } from './checkpoint';

const key = signingKey();
const file = Buffer.from('整改完成照片');
const fileHash = createHash('sha256').update(file).digest('hex');

interface BundleInput {
  chain: readonly ChainLink[];
  /** Positions of the chain carried (indexes into chain). */
  from?: number;
  checkpointIndexes?: number[];
  embedEvidence?: boolean;
}

async function bundle({ chain, from = 0, checkpointIndexes = [chain.length - 1], embedEvidence = true }: BundleInput): Promise<string> {
  let text = '';
  const writer = new AuditBundleWriter((line) => {
    text += line;
  });
  const carried = chain.slice(from);
  const header: Omit<BundleHeader, 'kind' | 'format' | 'formatVersion'> = {
    tenantId: TENANT_ID,
    createdAt: '2026-03-03T00:00:00.000Z',
    selection: { inspectionId: null, streamIds: null, from: null, to: null },
    segment: { after: String(from), through: String(chain.length) },
    evidenceFiles: embedEvidence,
  };
  await writer.header(header);
  const checkpoints = checkpointIndexes.map((index) => checkpointOf(chain[index]!, key));
  for (const publicKey of publicKeysOf(checkpoints)) await writer.publicKey(publicKey);
  for (const checkpoint of checkpoints) await writer.checkpoint(checkpointToJson(checkpoint));
  await writer.evidence({ sha256: fileHash, size: file.length, content: embedEvidence ? file.toString('base64') : null });
  for (const chained of carried) await writer.event(chained);
  await writer.finish();
  return text;
}

const verify = (text: string, options = {}) => verifyAuditBundle(text.split('\n'), options);

function evidenceChain(): ChainLink[] {
  return link([
    contentAt(1),
    contentAt(2),
    contentAt(3, { streamType: 'Finding', type: 'ProgressCheckedIn', data: { evidence: [fileHash], percent: 100 } }),
    contentAt(4),
    contentAt(5),
  ]);
}

describe('audit bundles', () => {
  it('verify whole and genuine, with the manifest naming the body', async () => {
    const text = await bundle({ chain: evidenceChain() });
    const result = await verify(text);
    expect(result.manifest).toMatchObject({ ok: true });
    expect(result.manifest.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.audit).toMatchObject({ ok: true, verifiedEvents: 5, evidence: { referenced: 1, intact: 1 }, checkpoints: { confirmed: 1 } });
  });

  it('locate one changed byte of an event, besides failing the manifest', async () => {
    const text = (await bundle({ chain: evidenceChain() })).replace('事件 4', '事件 5');
    const result = await verify(text);
    expect(result.manifest).toMatchObject({ ok: false, detail: expect.stringMatching(/body does not match/) });
    expect(result.audit.failure).toMatchObject({ fault: 'CHANGED_EVENT', tenantPosition: 4n });
  });

  it('catch an embedded evidence file that was changed', async () => {
    const other = Buffer.from('整改完成照片!').toString('base64');
    const text = (await bundle({ chain: evidenceChain() })).replace(file.toString('base64'), other);
    expect((await verify(text)).audit.failure).toMatchObject({ fault: 'EVIDENCE_CHANGED', tenantPosition: 3n, evidenceHash: fileHash });
  });

  it('list evidence without embedding it as not checked', async () => {
    const result = await verify(await bundle({ chain: evidenceChain(), embedEvidence: false }));
    expect(result.audit).toMatchObject({ ok: true, evidence: { referenced: 1, intact: 0, notChecked: 1 } });
  });

  it('carry a segment from mid-chain that the checkpoint at its end vouches for', async () => {
    const chain = chainOf(8);
    const result = await verify(await bundle({ chain, from: 3 }));
    expect(result.audit).toMatchObject({ ok: true, startPosition: 3n, verifiedEvents: 5, checkpoints: { lastConfirmedPosition: 8n } });
  });

  it('catch a segment whose first link was forged, through the checkpoint', async () => {
    const chain = chainOf(8);
    // A made-up predecessor for the segment: every hash after it recomputed, so only the signed head disagrees.
    const forged = link(chain.slice(3).map((chained) => chained.content), { tenantPosition: 3n, hash: Buffer.alloc(32, 9) });
    const text = await bundle({ chain: [...chain.slice(0, 3), ...forged], from: 3, checkpointIndexes: [] });
    const checkpoint = checkpointOf(chain[7]!, key);
    const result = await verify(text, { extraCheckpoints: [checkpoint] });
    expect(result.audit.failure).toMatchObject({ fault: 'RECOMPUTED_TAIL', tenantPosition: 8n, confirmedThrough: 3n });
  });

  it('ignore kept checkpoints beyond the segment instead of calling it truncated', async () => {
    const chain = chainOf(8);
    const text = await bundle({ chain: chain.slice(0, 5), checkpointIndexes: [4] });
    const result = await verify(text, { extraCheckpoints: [checkpointOf(chain[7]!, key)] });
    expect(result.audit).toMatchObject({ ok: true });
  });

  it('catch events cut from the end of the bundle', async () => {
    const lines = (await bundle({ chain: chainOf(5), checkpointIndexes: [] })).split('\n');
    const cut = lines.filter((line) => !line.includes('"tenantPosition":"5"')).join('\n');
    const result = await verify(cut);
    expect(result.manifest.ok).toBe(false);
    expect(result.audit.failure).toMatchObject({ fault: 'TRUNCATED_TAIL', tenantPosition: 5n });
  });

  it('refuse a file that is not a bundle, naming the line', async () => {
    await expect(verify('{"kind":"event"}\n')).rejects.toThrow(AuditBundleFormatError);
    const text = await bundle({ chain: chainOf(2) });
    const lines = text.split('\n');
    await expect(verify([lines[0], 'not json', ...lines.slice(1)].join('\n'))).rejects.toThrow(/line 2: not JSON/);
    await expect(verify([lines[0], lines[lines.length - 2], ...lines.slice(1)].join('\n'))).rejects.toThrow(/line 3: records after the manifest/);
  });

  it('report a bundle cut short before its manifest', async () => {
    const lines = (await bundle({ chain: chainOf(3) })).split('\n');
    const result = await verify(lines.slice(0, -2).join('\n'));
    expect(result.manifest).toMatchObject({ ok: false, detail: expect.stringMatching(/without its manifest/) });
    expect(result.audit.ok).toBe(true);
  });
});
