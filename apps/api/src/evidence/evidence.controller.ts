import type { Readable } from 'node:stream';
import {
  BadRequestException,
  Controller,
  type ExecutionContext,
  ForbiddenException,
  Get,
  Header,
  Inject,
  Injectable,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  StreamableFile,
  UnauthorizedException,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { isEvidenceHash } from '@zeren/events';
import type { Request } from 'express';
import { isUuid } from '@zeren/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EvidenceTypeSniffer, UnsupportedEvidenceTypeError } from '../findings/evidence/evidence-media-type';
import { FindingEvidenceRepository } from '../findings/evidence/finding-evidence.repository';
import { Authenticator, type Caller } from '../identity/authenticator';
import { BearerCallerGuard, callerOf } from '../identity/bearer-caller.guard';
import { Authorization } from '../identity/authorization';
import { EvidenceNotFoundError, EvidenceStore, EvidenceTooLargeError } from './evidence-store';

/** Room for the multipart envelope around the file (boundaries, part headers) in the Content-Length check. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MAX_FILENAME_LENGTH = 255;

/** What the guard learnt about a request, for the storage engine and the handlers (which Nest gives no DI). */
interface EvidenceRequest {
  caller: Caller;
  store: EvidenceStore;
  maxBytes: number;
}
const evidenceRequests = new WeakMap<Request, EvidenceRequest>();

function evidenceRequestOf(request: Request): EvidenceRequest {
  const known = evidenceRequests.get(request);
  if (!known) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: '请先登录' });
  return known;
}

/** What a file part looks like to a multer storage engine (multer ships no types). */
interface IncomingFile {
  originalname: string;
  stream: Readable;
}

interface StoredFile {
  originalname: string;
  sha256: string;
  size: number;
  mediaType: string;
}

/** What an upload answers: the hash to cite in a check-in, and what was stored. */
export interface EvidenceUploadResult {
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
}

function toHttpError(error: unknown): unknown {
  if (error instanceof EvidenceTooLargeError) {
    return new PayloadTooLargeException({ code: 'PAYLOAD_TOO_LARGE', message: `文件超过 ${error.maxBytes} 字节的上限` });
  }
  if (error instanceof UnsupportedEvidenceTypeError) {
    return new UnsupportedMediaTypeException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '仅支持 PDF、PNG、JPEG、GIF、WebP、DOCX、XLSX 和 UTF-8 文本文件', reason: error.message });
  }
  return error;
}

/**
 * A multer storage engine that streams the file part straight into the content-addressed store
 * through the type sniffer: nothing is buffered whole, a file over the limit fails as soon as it
 * passes it, and a refused file leaves nothing behind.
 */
const evidenceStorage = {
  _handleFile(request: Request, file: IncomingFile, callback: (error: unknown, info?: Partial<StoredFile>) => void): void {
    const { store, maxBytes } = evidenceRequestOf(request);
    const sniffer = new EvidenceTypeSniffer(file.originalname);
    file.stream.on('error', (error) => sniffer.destroy(error));
    // The store attaches its own handlers only after preparing its folder; until then a refusal must
    // not count as unhandled (the store's pipeline still sees the stream errored and rejects).
    sniffer.on('error', () => undefined);
    store.put(file.stream.pipe(sniffer), maxBytes).then(
      (stored) => callback(null, { sha256: stored.sha256, size: stored.size, mediaType: sniffer.mediaType }),
      (error: unknown) => callback(toHttpError(error)),
    );
  },
  // Stored files are content-addressed and may already be cited by events: never removed here.
  _removeFile(_request: Request, _file: StoredFile, callback: (error: Error | null) => void): void {
    callback(null);
  },
};

/**
 * The same Bearer credentials as GraphQL (access token or API token), checked before any byte of
 * an upload is read; an upload that announces more than the limit is refused at once.
 */
@Injectable()
export class EvidenceCallerGuard extends BearerCallerGuard {
  constructor(
    @Inject(Authenticator) authenticator: Authenticator,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(EvidenceStore) private readonly store: EvidenceStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(authenticator);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<Request>();
    const caller = callerOf(request);
    if (request.method === 'POST') {
      // Evidence is filed with progress check-ins; whoever may check in somewhere may upload.
      if (!this.authorization.can(caller, 'checkIn', 'Finding')) throw new ForbiddenException({ code: 'FORBIDDEN', message: '您无权上传佐证材料' });
      const announced = Number(request.header('content-length'));
      if (Number.isFinite(announced) && announced > this.config.evidenceMaxBytes + MULTIPART_OVERHEAD_BYTES) throw toHttpError(new EvidenceTooLargeError(this.config.evidenceMaxBytes));
    }
    evidenceRequests.set(request, { caller, store: this.store, maxBytes: this.config.evidenceMaxBytes });
    return true;
  }
}

/** `filename*` for any name, plus a plain ASCII `filename` for old clients. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * 佐证材料 files over plain HTTP (DESIGN.md: evidence never goes through GraphQL). An upload answers
 * the file's sha256, which a check-in then cites; a download is allowed to whoever may read the
 * finding whose check-ins cite the file, and looks exactly like a missing file to anyone else.
 */
@Controller('api/evidence')
@UseGuards(EvidenceCallerGuard)
export class EvidenceController {
  constructor(
    @Inject(FindingEvidenceRepository) private readonly evidence: FindingEvidenceRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  @Post()
  @UseInterceptors(FileInterceptor('file', { storage: evidenceStorage, limits: { files: 1, fields: 5, parts: 6 }, defParamCharset: 'utf8' }))
  async upload(@Req() request: Request, @UploadedFile() file: StoredFile | undefined, @Query('tenantId') tenantId?: string): Promise<EvidenceUploadResult> {
    if (!file) throw new BadRequestException({ code: 'BAD_USER_INPUT', message: '请在 file 字段中上传文件' });
    const { caller } = evidenceRequestOf(request);
    // The district that names the file: the uploader's own, or one of its scope it names.
    const district = tenantId ?? caller.actor.tenantId;
    if (!district || !caller.tenantIds.includes(district)) throw new BadRequestException({ code: 'BAD_USER_INPUT', message: '请指定所属区县 (tenantId)' });
    // Only metadata: the name is shown and offered on download, never used as a path.
    const filename = file.originalname.trim().slice(0, MAX_FILENAME_LENGTH) || file.sha256;
    await this.evidence.register(district, { sha256: file.sha256, filename, mediaType: file.mediaType, size: file.size, uploadedBy: caller.actor.id });
    return { sha256: file.sha256, size: file.size, mediaType: file.mediaType, filename };
  }

  @Get(':sha256')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  async download(@Req() request: Request, @Param('sha256') sha256: string, @Query('findingId') findingId?: string): Promise<StreamableFile> {
    const { caller, store } = evidenceRequestOf(request);
    const notFound = new NotFoundException({ code: 'NOT_FOUND', message: '记录不存在' });
    if (!isEvidenceHash(sha256) || !findingId || !isUuid(findingId)) throw notFound;
    const found = await this.evidence.downloadable(caller.tenantIds, findingId, sha256);
    if (!found || !this.authorization.can(caller, 'read', 'Evidence', { tenantId: found.tenantId, unitId: found.unitId })) throw notFound;
    let content: Readable;
    try {
      content = await store.open(sha256);
    } catch (error) {
      if (error instanceof EvidenceNotFoundError) throw notFound;
      throw error;
    }
    return new StreamableFile(content, {
      type: found.mediaType ?? 'application/octet-stream',
      disposition: contentDisposition(found.filename ?? sha256),
    });
  }
}
