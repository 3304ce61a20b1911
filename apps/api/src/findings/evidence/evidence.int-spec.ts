import { createHash } from 'node:crypto';
import { EvidenceStore } from '../../evidence/evidence-store';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../../test/fixtures/district';
import { daysFromToday, recordedFinding, startedInspection, uploadEvidence, type FindingFields } from '../../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../../test/test-app';

const MAX_BYTES = 64 * 1024;

let app: TestApp;
let world: DistrictWorld;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const CITED_PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], '[Content_Types].xml', [0, 0, 0, 0]);
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);

async function download(token: string | null, hash: string, findingId?: string): Promise<Response> {
  return fetch(`${app.url}/api/evidence/${hash}${findingId ? `?findingId=${findingId}` : ''}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

beforeAll(async () => {
  app = await startTestApp({ ZEREN_EVIDENCE_MAX_BYTES: String(MAX_BYTES) });
  world = await setUpDistrictWorld(app.graphql, app.signIn);
});
afterAll(() => app.close());

describe('evidence upload', () => {
  it('stores accepted kinds under their sha256 and says what they are', async () => {
    const cases: Array<[Uint8Array | string, string, string]> = [
      [PNG, '现场照片.png', 'image/png'],
      [PDF, '整改报告.pdf', 'application/pdf'],
      [JPEG, 'photo.jpg', 'image/jpeg'],
      [bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'a.gif', 'image/gif'],
      [bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0]), 'b.webp', 'image/webp'],
      [ZIP, '整改台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [ZIP, '情况说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['中心组学习记录：2026年3月集中学习《习近平谈治国理政》第四卷。\n', '学习记录.txt', 'text/plain; charset=utf-8'],
    ];
    const store = app.server.app.get(EvidenceStore);
    for (const [content, filename, mediaType] of cases) {
      const upload = await uploadEvidence(app.url, world.officerA.token, content, filename);
      const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      expect({ status: upload.status, ...upload.body }).toEqual({ status: 201, sha256: sha256(raw), size: raw.length, mediaType, filename });
      expect(await store.has(sha256(raw))).toBe(true);
    }
  });

  it('refuses other kinds by their content, whatever their name, and keeps nothing of them', async () => {
    const store = app.server.app.get(EvidenceStore);
    const textThenBinary = bytes('这是一段看似文本的开头，然后是二进制', [0, 1, 2, 3, 0xff, 0xfe]);
    for (const [content, filename] of [
      [ELF, 'report.pdf'],
      [bytes([0x50, 0x4b, 0x03, 0x04], 'a plain archive....'), 'archive.zip'],
      [textThenBinary, 'notes.txt'],
      [bytes([0xc3, 0x28, 0xa0, 0xa1, 0x80, 0x81, 0xfe, 0xff, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]), 'x.txt'],
      ['', 'empty.txt'],
    ] as Array<[Uint8Array | string, string]>) {
      const upload = await uploadEvidence(app.url, world.officerA.token, content, filename);
      expect({ filename, status: upload.status, code: upload.body.code }).toEqual({ filename, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      expect(await store.has(sha256(raw))).toBe(false);
    }
  });

  it('refuses files over the limit, while streaming and up front', async () => {
    const store = app.server.app.get(EvidenceStore);
    const justOver = 'a'.repeat(MAX_BYTES + 1);
    const streamed = await uploadEvidence(app.url, world.officerA.token, justOver, 'big.txt');
    expect(streamed.status).toBe(413);
    expect(await store.has(sha256(new TextEncoder().encode(justOver)))).toBe(false);
    const exactly = await uploadEvidence(app.url, world.officerA.token, 'b'.repeat(MAX_BYTES), 'limit.txt');
    expect(exactly.status).toBe(201);
    const huge = await uploadEvidence(app.url, world.officerA.token, 'c'.repeat(MAX_BYTES * 4), 'huge.txt');
    expect(huge.status).toBe(413);
  });

  it('needs a caller who may file progress, and treats path-like names as names', async () => {
    const anonymous = await fetch(`${app.url}/api/evidence`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    expect((await uploadEvidence(app.url, 'not-a-token', PNG, 'x.png')).status).toBe(401);
    expect((await uploadEvidence(app.url, world.auditor.token, PNG, 'x.png')).status).toBe(403);
    // Only the last segment of a path-like name is kept (multer's default); it is never a path anyway.
    const pathLike = await uploadEvidence(app.url, world.officerA.token, '路径样式的文件名', '../../etc/passwd');
    expect(pathLike).toMatchObject({ status: 201, body: { filename: 'passwd' } });
    const missingFile = await fetch(`${app.url}/api/evidence`, { method: 'POST', headers: { authorization: `Bearer ${world.officerA.token}` }, body: new FormData() });
    expect(missingFile.status).toBe(400);
  });
});

describe('evidence download', () => {
  let finding: FindingFields;
  let cited: string;
  let notCited: string;

  beforeAll(async () => {
    const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA] });
    finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA });
    cited = (await uploadEvidence(app.url, world.officerA.token, CITED_PDF, '整改报告 "终稿".pdf')).body.sha256;
    notCited = (await uploadEvidence(app.url, world.officerA.token, PNG, '未引用.png')).body.sha256;
    const planned = await expectData<{ submitRectificationPlan: { version: number } }>(
      app.graphql,
      'mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { version } }',
      { input: { id: finding.id, expectedVersion: 1, measures: '措施', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(20) } },
      world.officerA.token,
    );
    await expectData(
      app.graphql,
      'mutation($input: CheckInProgressInput!) { checkInProgress(input: $input) { id } }',
      { input: { id: finding.id, expectedVersion: planned.submitRectificationPlan.version, percent: 50, narrative: '报告初稿', evidence: [cited] } },
      world.officerA.token,
    );
  });

  it('gives the file, named and typed as uploaded, to whoever may read the finding', async () => {
    for (const token of [world.officerA.token, world.districtAdmin.token, world.cityInspector.token, world.auditor.token]) {
      const response = await download(token, cited, finding.id);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(CITED_PDF))).toBe(true);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="____ ____.pdf"; filename*=UTF-8''${encodeURIComponent('整改报告 "终稿".pdf')}`);
    }
  });

  it('answers 404 to anyone else, and for files the finding does not cite', async () => {
    for (const token of [world.officerB.token, world.siblingAdmin.token, world.otherCityAdmin.token, world.platformToken]) {
      expect((await download(token, cited, finding.id)).status).toBe(404);
    }
    expect((await download(world.officerA.token, notCited, finding.id)).status).toBe(404);
    expect((await download(world.officerA.token, cited)).status).toBe(404);
    expect((await download(world.officerA.token, 'not-a-hash', finding.id)).status).toBe(404);
    expect((await download(null, cited, finding.id)).status).toBe(401);
  });
});
