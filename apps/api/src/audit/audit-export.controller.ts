import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Header, Inject, Query, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { assertValid, isUuid } from '@zeren/domain';
import type { Request } from 'express';
import { RecordNotFoundError } from '../commands/command-errors';
import { ScopedTransactions } from '../database/scoped-transactions';
import { queryValue } from '../http/query-value';
import { Authorization } from '../identity/authorization';
import { BearerCallerGuard, callerOf } from '../identity/bearer-caller.guard';
import { AuditBundleExporter, NothingToExportError } from './audit-bundle-exporter';
import { CheckpointService } from './checkpoint.service';

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

interface BundleParameters {
  tenantId?: unknown;
  inspectionId?: unknown;
  from?: unknown;
  to?: unknown;
  evidenceFiles?: unknown;
}

/**
 * What an archive or a discipline office takes away to verify without the server: a district's
 * signed checkpoints as JSON, and audit bundles (a district or one inspection, a time range,
 * optionally with the evidence files) that tools/verify-audit checks offline.
 */
@Controller('api/audit')
@UseGuards(BearerCallerGuard)
export class AuditExportController {
  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(CheckpointService) private readonly checkpoints: CheckpointService,
    @Inject(AuditBundleExporter) private readonly bundles: AuditBundleExporter,
  ) {}

  @Get('checkpoints.json')
  @Header('Cache-Control', 'private, no-store')
  async checkpointExport(@Req() request: Request, @Query('tenantId') tenantId: unknown): Promise<StreamableFile> {
    const district = this.district(request, tenantId, 'read');
    const exported = await this.transactions.read({ tenantIds: [district] }, (sql) => this.checkpoints.exportCheckpoints(sql, district));
    return new StreamableFile(Buffer.from(`${JSON.stringify(exported, null, 2)}\n`), {
      type: 'application/json',
      disposition: `attachment; filename="checkpoints-${district}.json"`,
    });
  }

  @Get('bundle')
  @Header('Cache-Control', 'private, no-store')
  async bundle(@Req() request: Request, @Query() parameters: BundleParameters): Promise<StreamableFile> {
    const district = this.district(request, parameters.tenantId, 'export');
    const inspectionId = queryValue(parameters.inspectionId);
    const from = queryValue(parameters.from);
    const to = queryValue(parameters.to);
    const evidenceFiles = queryValue(parameters.evidenceFiles);
    assertValid([
      ['inspectionId', inspectionId === undefined || isUuid(inspectionId), 'must be an id'],
      ['from', from === undefined || (INSTANT.test(from) && !Number.isNaN(Date.parse(from))), 'must be a date or an ISO 8601 instant'],
      ['to', to === undefined || (INSTANT.test(to) && !Number.isNaN(Date.parse(to))), 'must be a date or an ISO 8601 instant'],
      ['to', !from || !to || Date.parse(from) <= Date.parse(to), 'must not be before from'],
      ['evidenceFiles', evidenceFiles === undefined || evidenceFiles === 'true' || evidenceFiles === 'false', 'must be true or false'],
    ]);
    const folder = await mkdtemp(join(tmpdir(), 'zeren-bundle-'));
    const file = join(folder, `audit-${district}.zeren-audit.gz`);
    try {
      await this.transactions.read({ tenantIds: [district] }, (sql) =>
        this.bundles.export(
          sql,
          { tenantId: district, inspectionId, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, includeEvidenceFiles: evidenceFiles === 'true' },
          file,
        ),
      );
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      if (error instanceof NothingToExportError) throw new RecordNotFoundError('AuditEvent', district);
      throw error;
    }
    const stream = createReadStream(file);
    stream.once('close', () => void rm(folder, { recursive: true, force: true }));
    return new StreamableFile(stream, { type: 'application/gzip', disposition: `attachment; filename="audit-${district}.zeren-audit.gz"` });
  }

  /** A district the caller cannot read does not exist for it; one it reads but may not export is refused. */
  private district(request: Request, tenantId: unknown, action: 'read' | 'export'): string {
    const caller = callerOf(request);
    const id = queryValue(tenantId);
    assertValid([['tenantId', id !== undefined && isUuid(id), 'must be the id of a district']]);
    const subject = { tenantId: id!.toLowerCase() };
    if (!this.authorization.can(caller, 'read', 'Checkpoint', subject)) throw new RecordNotFoundError('Tenant', id!);
    if (action === 'export') this.authorization.assertCan(caller, 'export', 'AuditEvent', subject);
    return subject.tenantId;
  }
}
