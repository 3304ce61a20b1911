import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { evidenceRelativePath, isEvidenceHash, sha256Hex, type EvidenceStatus } from '@zeren/events';

export class EvidenceTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Evidence file is larger than ${maxBytes} bytes`);
    this.name = 'EvidenceTooLargeError';
  }
}

export class EvidenceNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No evidence file ${sha256}`);
    this.name = 'EvidenceNotFoundError';
  }
}

export interface StoredEvidence {
  sha256: string;
  size: number;
  /** False when a file with this content was already stored (it is left untouched). */
  created: boolean;
}

/** Uploads are written here first: same file system as the store, so the final rename is atomic. */
const INCOMING = '.incoming';

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Makes a rename durable: the new directory entry is on disk, not only the file's bytes. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Evidence files, content-addressed: a file's name is the sha256 of its bytes, and events refer to
 * files by that hash, so the hash chain covers the evidence too. A file appears under its hash
 * name only complete and synced (written aside, then renamed), so a crash never leaves a partial
 * file where a verifier would take it for tampering; an existing file is never overwritten, so a
 * changed one stays visible to verification instead of being quietly repaired.
 */
export class EvidenceStore {
  constructor(readonly directory: string) {}

  pathOf(sha256: string): string {
    return join(this.directory, evidenceRelativePath(sha256));
  }

  /** Stores a stream of at most maxBytes; refuses (and keeps nothing of) a longer one. */
  async put(source: Readable, maxBytes: number): Promise<StoredEvidence> {
    const incoming = join(this.directory, INCOMING);
    await mkdir(incoming, { recursive: true });
    const temporary = join(incoming, `${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) {
          done(new EvidenceTooLargeError(maxBytes));
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await syncFile(temporary);
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (await this.has(sha256)) {
        await rm(temporary, { force: true });
        return { sha256, size, created: false };
      }
      await mkdir(dirname(target), { recursive: true });
      // Read-only: evidence is never edited in place, and an accidental write should fail loudly.
      await chmod(temporary, 0o440);
      await rename(temporary, target);
      await syncDirectory(dirname(target));
      return { sha256, size, created: true };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  /** The file's bytes as a stream; EvidenceNotFoundError when there is no such file. */
  async open(sha256: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new EvidenceNotFoundError(sha256);
      throw error;
    }
  }

  /** Re-hashes the file: INTACT when its bytes still have its name's hash. */
  async verify(sha256: string): Promise<Exclude<EvidenceStatus, 'NOT_CHECKED'>> {
    let content: Readable;
    try {
      content = await this.open(sha256);
    } catch (error) {
      if (error instanceof EvidenceNotFoundError) return 'MISSING';
      throw error;
    }
    return (await sha256Hex(content)) === sha256 ? 'INTACT' : 'CHANGED';
  }

  /** Stored files no event refers to (uploads never attached, or left by an aborted command), sorted. */
  async listOrphans(referencedHashes: Iterable<string>): Promise<string[]> {
    const referenced = new Set(referencedHashes);
    const orphans: string[] = [];
    const fanOut = /^[0-9a-f]{2}$/;
    for (const first of await this.entries(this.directory)) {
      if (!fanOut.test(first)) continue;
      for (const second of await this.entries(join(this.directory, first))) {
        if (!fanOut.test(second)) continue;
        for (const name of await this.entries(join(this.directory, first, second))) {
          if (isEvidenceHash(name) && name.startsWith(first + second) && !referenced.has(name)) orphans.push(name);
        }
      }
    }
    return orphans.sort();
  }

  private async entries(directory: string): Promise<string[]> {
    try {
      return await readdir(directory);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
}
