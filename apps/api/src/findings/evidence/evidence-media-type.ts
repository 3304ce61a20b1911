import { extname } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

/** The file is none of the accepted kinds, judged by its content (the name only tells Office files apart). */
export class UnsupportedEvidenceTypeError extends Error {
  constructor(reason: string) {
    super(`Unsupported evidence file: ${reason}`);
    this.name = 'UnsupportedEvidenceTypeError';
  }
}

interface Signature {
  mediaType: string;
  matches(head: Buffer): boolean;
}

const startsWith =
  (bytes: readonly number[], offset = 0) =>
  (head: Buffer): boolean =>
    head.length >= offset + bytes.length && bytes.every((byte, index) => head[offset + index] === byte);
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

const SIGNATURES: readonly Signature[] = [
  { mediaType: 'application/pdf', matches: startsWith(ascii('%PDF-')) },
  { mediaType: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  { mediaType: 'image/gif', matches: (head) => startsWith(ascii('GIF87a'))(head) || startsWith(ascii('GIF89a'))(head) },
  { mediaType: 'image/webp', matches: (head) => startsWith(ascii('RIFF'))(head) && startsWith(ascii('WEBP'), 8)(head) },
];

const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** Office Open XML files are ZIP archives; which one is told by the name, which is all a ZIP signature cannot say. */
const OFFICE_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const PLAIN_TEXT = 'text/plain; charset=utf-8';

/** Bytes enough for every signature above (WebP's is the longest, at offset 8). */
const HEAD_BYTES = 16;

/** Control characters a text file does not contain (tab, line feed, form feed and carriage return are fine). */
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * Passes a file through unchanged while deciding what it is from its first bytes: PDF, PNG, JPEG,
 * GIF, WebP, DOCX/XLSX, or UTF-8 plain text. Text is checked to the end (valid UTF-8, no binary
 * control characters), so a binary file cannot pass as text by starting like it. Anything else
 * fails the stream, so the evidence store keeps nothing of it.
 */
export class EvidenceTypeSniffer extends Transform {
  private head = Buffer.alloc(0);
  private decided: string | null = null;
  private text: TextDecoder | null = null;

  constructor(private readonly filename: string) {
    super();
  }

  /** The detected media type; set once the stream has ended successfully. */
  get mediaType(): string {
    if (!this.decided) throw new Error('The media type is known only after the whole file passed');
    return this.decided;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.decided === null && this.text === null) {
        this.head = Buffer.concat([this.head, chunk]);
        if (this.head.length < HEAD_BYTES) {
          done();
          return;
        }
        const head = this.head;
        this.head = Buffer.alloc(0);
        this.decide(head);
        this.checkText(head, false);
        done(null, head);
        return;
      }
      this.checkText(chunk, false);
      done(null, chunk);
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.decided === null && this.text === null) {
        if (this.head.length === 0) throw new UnsupportedEvidenceTypeError('the file is empty');
        this.decide(this.head);
        this.checkText(this.head, true);
        this.push(this.head);
      } else {
        this.checkText(Buffer.alloc(0), true);
      }
      if (this.text) this.decided = PLAIN_TEXT;
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private decide(head: Buffer): void {
    const signature = SIGNATURES.find((candidate) => candidate.matches(head));
    if (signature) {
      this.decided = signature.mediaType;
      return;
    }
    if (ZIP(head)) {
      const office = OFFICE_BY_EXTENSION[extname(this.filename).toLowerCase()];
      if (!office) throw new UnsupportedEvidenceTypeError('a ZIP archive that is not a .docx or .xlsx file');
      this.decided = office;
      return;
    }
    // Not a known binary format: it can only be text, which the rest of the stream must bear out.
    this.text = new TextDecoder('utf-8', { fatal: true });
  }

  private checkText(chunk: Buffer, end: boolean): void {
    if (!this.text) return;
    let decoded: string;
    try {
      decoded = this.text.decode(chunk, { stream: !end });
    } catch {
      throw new UnsupportedEvidenceTypeError('neither a known document or image format nor UTF-8 text');
    }
    if (BINARY_CONTROL.test(decoded)) throw new UnsupportedEvidenceTypeError('binary content that is not a known document or image format');
  }
}
