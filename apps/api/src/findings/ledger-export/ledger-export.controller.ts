import { Controller, Get, Header, Inject, Query, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { chinaDateOf } from '@zeren/domain';
import type { Request } from 'express';
import { BearerCallerGuard, callerOf } from '../../identity/bearer-caller.guard';
import { parseLedgerExportQuery } from './ledger-export-query';
import { LedgerExportService } from './ledger-export.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /api/ledger.xlsx?<the ledger page's filter>: the 整改台账 for integrations and for printing,
 * with the chain heads it was produced from. Same credentials and visibility as GraphQL.
 */
@Controller('api')
@UseGuards(BearerCallerGuard)
export class LedgerExportController {
  constructor(@Inject(LedgerExportService) private readonly ledger: LedgerExportService) {}

  @Get('ledger.xlsx')
  @Header('Cache-Control', 'private, no-store')
  async export(@Req() request: Request, @Query() parameters: Record<string, unknown>): Promise<StreamableFile> {
    const query = parseLedgerExportQuery(parameters);
    const filterText = new URLSearchParams(request.url.split('?')[1] ?? '').toString();
    const workbook = await this.ledger.workbook(callerOf(request), query, decodeURIComponent(filterText));
    const fileName = `整改台账-${chinaDateOf(new Date()).replaceAll('-', '')}.xlsx`;
    return new StreamableFile(workbook, {
      type: XLSX,
      disposition: `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
