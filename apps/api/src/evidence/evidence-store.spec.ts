import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceNotFoundError, EvidenceStore, EvidenceTooLargeError } from './evidence-store';

const photo = Buffer.from('整改前后对比照片 — 学习记录第 3 页');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
let directory: string;
let store: EvidenceStore;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'zeren-evidence-'));
  store = new EvidenceStore(directory);
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Every file under the store, relative, so a test sees leftovers wherever they are. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

function chunks(...parts: Buffer[]): Readable {
  return Readable.from(parts);
}

describe('the evidence store', () => {
  it('stores a stream under <aa>/<bb>/<sha256>, read-only, and reads it back', async () => {
    const stored = await store.put(chunks(photo.subarray(0, 5), photo.subarray(5)), 1024);
    const hash = sha256(photo);
    expect(stored).toEqual({ sha256: hash, size: photo.length, created: true });
    expect(filesUnder(directory)).toEqual([`${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`]);
    expect(statSync(store.pathOf(hash)).mode & 0o777).toBe(0o440);
    expect(await store.has(hash)).toBe(true);
    const read: Buffer[] = [];
    for await (const chunk of await store.open(hash)) read.push(chunk as Buffer);
    expect(Buffer.concat(read).equals(photo)).toBe(true);
    expect(await store.verify(hash)).toBe('INTACT');
  });

  it('keeps one copy of the same content and never rewrites it', async () => {
    await store.put(chunks(photo), 1024);
    const again = await store.put(chunks(photo), 1024);
    expect(again.created).toBe(false);
    expect(filesUnder(directory)).toHaveLength(1);
  });

  it('refuses a stream over the limit and keeps nothing of it', async () => {
    await expect(store.put(chunks(photo, photo), photo.length + 1)).rejects.toBeInstanceOf(EvidenceTooLargeError);
    expect(filesUnder(directory)).toEqual([]);
  });

  it('leaves no file under a hash name when the upload breaks off', async () => {
    async function* broken(): AsyncGenerator<Buffer> {
      yield photo;
      throw new Error('connection reset');
    }
    await expect(store.put(Readable.from(broken()), 1024)).rejects.toThrow('connection reset');
    expect(filesUnder(directory)).toEqual([]);
  });

  it('finds a file whose bytes changed, and a file that is gone', async () => {
    const { sha256: hash } = await store.put(chunks(photo), 1024);
    const path = store.pathOf(hash);
    chmodSync(path, 0o600);
    const bytes = readFileSync(path);
    bytes[0] = bytes[0]! ^ 0x01;
    writeFileSync(path, bytes);
    expect(await store.verify(hash)).toBe('CHANGED');
    unlinkSync(path);
    expect(await store.verify(hash)).toBe('MISSING');
    expect(await store.has(hash)).toBe(false);
    await expect(store.open(hash)).rejects.toBeInstanceOf(EvidenceNotFoundError);
  });

  it('lists stored files no event refers to', async () => {
    const kept = await store.put(chunks(photo), 1024);
    const orphan = await store.put(chunks(Buffer.from('未引用的附件')), 1024);
    expect(await store.listOrphans([kept.sha256])).toEqual([orphan.sha256]);
    expect(await store.listOrphans([kept.sha256, orphan.sha256])).toEqual([]);
    expect(await new EvidenceStore(join(directory, 'not-there')).listOrphans([])).toEqual([]);
  });

  it('accepts only sha256 names, so a hash can never reach outside the store', async () => {
    await expect(store.has('../../etc/passwd')).rejects.toThrow(/not an evidence hash/);
    expect(() => store.pathOf('A'.repeat(64))).toThrow(/not an evidence hash/);
    expect(existsSync(join(directory, '.incoming'))).toBe(false);
  });
});
